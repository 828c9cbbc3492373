// The requester's verification link (issue 18): "solved" / "not solved" and a rating from the mail,
// with no access to the sheet. A link names one ticket and one resolution of it, expires, and is
// signed with the tracker's secret; the signature itself is computed by the adapter (HMAC-SHA256,
// app/verify.ts) and handed in, so this module stays pure.
//
// Token: `<ticket ID>.<resolvedAt>.<expiresAt>.<link ID>.<signature>` — times in base 36 ms, the
// signature web-safe base64 without padding over everything before its dot.
import type { Rating } from './schema';

/** How long a link works: two weeks, long enough for a holiday, short enough to bound the used-link list. */
export const LINK_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

/** Used link IDs remembered (one property value: 200 × ~32 characters stays under its 9 KB). */
export const USED_LINKS_KEPT = 200;

export type Answer = 'solved' | 'notSolved';
export const ANSWERS: readonly Answer[] = ['solved', 'notSolved'];

export interface LinkClaims {
  ticketId: string;
  /** The resolution the link answers: the ticket's 解决时间 when the link was made. */
  resolvedAt: number;
  expiresAt: number;
  /** Random, unique per link: what "used" remembers. */
  linkId: string;
}

/** Signs a text: web-safe base64 of its HMAC, no padding. */
export type Signer = (text: string) => string;

export type LinkCheck = { ok: true; claims: LinkClaims } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

const ID = /^[\p{L}\p{N}_-]{1,40}$/u;
const LINK_ID = /^[A-Za-z0-9]{12,40}$/;
const TIME = /^[0-9a-z]{1,12}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{20,100}$/;

/** Whether a ticket ID can be carried by a link (IDs with a dot or a space cannot). */
export const linkableId = (id: string): boolean => ID.test(id);

const payloadOf = (c: LinkClaims): string => `${c.ticketId}.${c.resolvedAt.toString(36)}.${c.expiresAt.toString(36)}.${c.linkId}`;

/** The signed token for these claims. */
export function signLink(claims: LinkClaims, sign: Signer): string {
  if (!linkableId(claims.ticketId) || !LINK_ID.test(claims.linkId)) throw new Error(`Cannot make a link for ${claims.ticketId}`);
  const payload = payloadOf(claims);
  return `${payload}.${sign(payload)}`;
}

/** Compares every character whatever the first difference (no early exit on a guessed prefix). */
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/**
 * Reads and checks a token: its shape, then its signature (an altered expiry is forged, not
 * expired), then its expiry. Anything not a token reads as malformed.
 */
export function checkLink(token: unknown, sign: Signer, now: number): LinkCheck {
  if (typeof token !== 'string' || token.length > 240) return { ok: false, reason: 'malformed' };
  const parts = token.trim().split('.');
  if (parts.length !== 5) return { ok: false, reason: 'malformed' };
  const [ticketId, resolved, expires, linkId, signature] = parts;
  if (!ID.test(ticketId) || !TIME.test(resolved) || !TIME.test(expires) || !LINK_ID.test(linkId) || !SIGNATURE.test(signature)) return { ok: false, reason: 'malformed' };
  const claims: LinkClaims = { ticketId, resolvedAt: parseInt(resolved, 36), expiresAt: parseInt(expires, 36), linkId };
  // The payload is rebuilt from the parsed values: a zero-padded time is another text, not the signed one.
  if (payloadOf(claims) !== parts.slice(0, 4).join('.')) return { ok: false, reason: 'forged' };
  if (!sameText(sign(payloadOf(claims)), signature)) return { ok: false, reason: 'forged' };
  if (now > claims.expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

/** `[link ID, expiresAt]`, oldest first. */
export type UsedLinks = Array<[string, number]>;

/** The stored list read back; anything else in it is dropped. */
export function parseUsedLinks(v: unknown): UsedLinks {
  if (!Array.isArray(v)) return [];
  return v.filter((p): p is [string, number] => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'number');
}

export const wasUsed = (used: UsedLinks, linkId: string): boolean => used.some(([id]) => id === linkId);

/**
 * The list with this link added: expired links dropped (they are refused as expired anyway), and
 * only the newest USED_LINKS_KEPT kept, so the list has a constant bound. A link pushed out is
 * still refused: an answer always moves its ticket out of that resolution (app/verify.ts).
 */
export function rememberUsed(used: UsedLinks, claims: Pick<LinkClaims, 'linkId' | 'expiresAt'>, now: number): UsedLinks {
  const kept = used.filter(([id, exp]) => exp >= now && id !== claims.linkId);
  return [...kept, [claims.linkId, claims.expiresAt] as [string, number]].slice(-USED_LINKS_KEPT);
}

/** What the requester chose on the page. */
export interface VerifyAnswer {
  answer: Answer;
  rating: Rating;
  comment: string;
}
