// One-click verification and rating from the mail (issue 18): the signed links of a "resolved"
// mail (answerLinks, for the requester messages), the page they open (serveVerifyPage, from doGet)
// and the answer the page sends (answerVerification): "solved" closes the ticket, "not solved"
// reopens it with the comment as the reason — both with audit rows, under the tracker lock.
//
// Where the secret lives: the script properties of the script bound to the sheet. A bound script
// belongs to its one sheet (guides/bound), so its script store is per document, and every execution
// of it reaches that store — the web app's requests included. Document properties are "only
// available if the script is published and executing as an add-on or if it is bound", and null
// otherwise (reference/properties/properties-service#getdocumentproperties): an add-on's web app has
// no document at all, which is also why an add-on deployment makes no links (its mail says how to
// answer instead: catalog verify.addOnHowToAnswer).
import { errorCode } from '../domain/errors';
import { catalog, langOfLocale, t } from '../domain/i18n';
import { fileByDefault } from '../domain/knowledge';
import type { Lang, Rating } from '../domain/schema';
import { RATING_VALUES } from '../domain/schema';
import { codePointLength, hasVisibleText, unsafeTextKind } from '../domain/text';
import type { Ticket } from '../domain/ticket';
import type { LinkClaims, Signer, UsedLinks, VerifyAnswer } from '../domain/verifyLink';
import { ANSWERS, LINK_LIFETIME_MS, checkLink, linkableId, parseUsedLinks, rememberUsed, signLink, wasUsed } from '../domain/verifyLink';
import { canMove, parseRating, type TicketChanges } from '../domain/workflow';
import { appendLog, logEntry, splitEntries, splitForArchive } from '../domain/worklog';
import { findArchiveSheet } from '../gas/archiveSheet';
import { appendAudit } from '../gas/auditSheet';
import { withTrackerLock } from '../gas/lock';
import { appendMovedLog } from '../gas/logArchiveSheet';
import { requesterAnsweredChanges } from './waiting';
import { PROPERTY_KEYS, readJson } from '../gas/properties';
import { runsAsBoundScript } from '../gas/scope';
import type { Services } from '../gas/services';
import type { LoadedRow } from './agent';
import { addToKnowledge, auditEntries, loadRow, withSla, writeChanges } from './agent';
import type { Tracker } from './tracker';
import { actingEmail, openTickets, openTracker } from './tracker';
import { formPage, messagePage, fill } from './verifyPage';

const LOCK_WAIT_MS = 10_000;
/** A requester's comment: one paragraph or two, like a reason typed in the sidebar. */
export const COMMENT_MAX = 1000;

type Props = GoogleAppsScript.Properties.Properties;

/** The store of the secret and the used links: a bound script's own (see the top); none in an add-on. */
function linkStore(svc: Services): Props | null {
  return runsAsBoundScript(svc) ? svc.PropertiesService.getScriptProperties() : null;
}

function signerOf(svc: Services, secret: string): Signer {
  // Web-safe base64 keeps its '=' padding (reference/utilities/utilities#base64encodewebsafedata): dropped, it needs no escaping in a URL.
  return (text) => svc.Utilities.base64EncodeWebSafe(svc.Utilities.computeHmacSha256Signature(text, secret)).replace(/=+$/, '');
}

/** The tracker's secret; created on first use when `create` (the caller holds the tracker lock). */
function secretOf(svc: Services, props: Props, create: boolean): string | null {
  const stored = props.getProperty(PROPERTY_KEYS.verifySecret);
  if (stored && stored.length >= 32) return stored;
  if (!create) return null;
  // Two random UUIDs: 244 random bits, from Google's own generator.
  const fresh = `${svc.Utilities.getUuid()}${svc.Utilities.getUuid()}`.replace(/-/g, '');
  props.setProperty(PROPERTY_KEYS.verifySecret, fresh);
  return fresh;
}

/** The links a "resolved" mail carries: the page, and one per choice (it opens preselected). */
export interface AnswerLinks {
  page: string;
  solved: Record<Rating, string>;
  notSolved: string;
  expiresAt: number;
}

/**
 * The answer links for a resolved ticket, or null where links cannot work — an add-on (its web app
 * has no spreadsheet: the mail says how to answer instead), no web app deployed, a ticket that is
 * not resolved or whose ID cannot travel in a link. Call it under the tracker lock (the first call
 * creates the secret). Costs no spreadsheet call.
 */
export function answerLinks(svc: Services, ticket: Pick<Ticket, 'id' | 'status' | 'resolvedAt'>, now: number, context: () => LinkContext | null = () => linkContext(svc)): AnswerLinks | null {
  if (ticket.status !== 'resolved' || ticket.resolvedAt === null || !linkableId(ticket.id)) return null;
  const ctx = context();
  if (!ctx) return null;
  const { base } = ctx;
  const claims: LinkClaims = { ticketId: ticket.id, resolvedAt: ticket.resolvedAt, expiresAt: now + LINK_LIFETIME_MS, linkId: svc.Utilities.getUuid().replace(/-/g, '').slice(0, 20) };
  const token = signLink(claims, ctx.sign);
  const url = (extra: string) => `${base}${base.includes('?') ? '&' : '?'}t=${encodeURIComponent(token)}${extra}`;
  const solved = Object.fromEntries(RATING_VALUES.map((r) => [r.code, url(`&a=solved&r=${r.code}`)])) as Record<Rating, string>;
  return { page: url(''), solved, notSolved: url('&a=notSolved'), expiresAt: claims.expiresAt };
}

/** Where links point and how they are signed (a few service calls): one for many links of one execution. */
export interface LinkContext {
  base: string;
  sign: Signer;
}

/** The web app's address and the signer, or null where links cannot work (an add-on, no web app). Creates the secret on first use. */
export function linkContext(svc: Services): LinkContext | null {
  const props = linkStore(svc);
  if (!props) return null;
  const base = svc.ScriptApp.getService().getUrl();
  if (!base) return null;
  return { base, sign: signerOf(svc, secretOf(svc, props, true) as string) };
}

/**
 * The part of the "resolved" mail that asks the requester to answer — the seam the requester
 * messages (issue 18, `notify`) put in that mail: one line per choice with its link, or, where no
 * link can work (an add-on: its web app has no spreadsheet), how to answer instead. Call it under
 * the tracker lock (the first link creates the secret).
 */
export function answerInvitation(svc: Services, ticket: Pick<Ticket, 'id' | 'status' | 'resolvedAt'>, now: number, lang: Lang, context?: () => LinkContext | null): { text: string; links: AnswerLinks | null } {
  const T = catalog(lang).verify;
  const links = answerLinks(svc, ticket, now, context);
  if (!links) return { text: T.addOnHowToAnswer, links: null };
  const lines = [
    T.mailAsk,
    ...RATING_VALUES.map((r) => fill(T.mailSolved, { rating: r[lang], url: links.solved[r.code] })),
    fill(T.mailNotSolved, { url: links.notSolved }),
    fill(T.mailValidity, { days: Math.round(LINK_LIFETIME_MS / 86_400_000) }),
  ];
  return { text: lines.join('\n'), links };
}

/** Why a link changes nothing: each has its page (catalog verify.*). */
export type LinkProblem = 'forged' | 'expired' | 'used' | 'stale' | 'archived' | 'notFound' | 'addOn';

/** Whether a request carries a verification link (doGet routes it here). */
export const isVerifyRequest = (parameter: Record<string, unknown> | undefined): boolean => typeof parameter?.t === 'string';

function problemText(lang: Lang, problem: LinkProblem, id: string): string {
  const T = catalog(lang).verify;
  return fill(T[problem], { id, days: Math.round(LINK_LIFETIME_MS / 86_400_000) });
}

type Checked = { ok: true; claims: LinkClaims; loaded: LoadedRow; used: UsedLinks; props: Props } | { ok: false; problem: LinkProblem; id: string };

/**
 * Everything a link must be before anything is shown or changed: signed by this tracker, not
 * expired, not used, naming a ticket still in the sheet and still in the resolution it was made
 * for. Checked again under the lock when the answer comes.
 */
function checkRequest(tr: Tracker, token: unknown, rowHint: number | null = null): Checked {
  const props = linkStore(tr.svc);
  if (!props) return { ok: false, problem: 'addOn', id: '' };
  const secret = secretOf(tr.svc, props, false);
  // No secret: this tracker never made a link, so none can be genuine.
  if (!secret) return { ok: false, problem: 'forged', id: '' };
  const link = checkLink(token, signerOf(tr.svc, secret), tr.now);
  if (!link.ok) return { ok: false, problem: link.reason === 'expired' ? 'expired' : 'forged', id: '' };
  const { claims } = link;
  const id = claims.ticketId;
  const used = parseUsedLinks(readJson(props, PROPERTY_KEYS.verifyUsed));
  if (wasUsed(used, claims.linkId)) return { ok: false, problem: 'used', id };
  const ts = openTickets(tr);
  const loaded = ts && ts.columns.id !== undefined ? loadRow(tr, ts, id, rowHint) : null;
  if (!loaded) return { ok: false, problem: isArchived(tr, id) ? 'archived' : 'notFound', id };
  const tk = loaded.ticket;
  // The same resolution (a cell read back may differ from the written time by rounding, never by a second).
  if (tk.status !== 'resolved' || tk.resolvedAt === null || Math.abs(tk.resolvedAt - claims.resolvedAt) >= 1000) return { ok: false, problem: 'stale', id };
  return { ok: true, claims, loaded, used, props };
}

/** Whether the archive sheet holds this ID (one search; only a link to a vanished ticket asks). */
function isArchived(tr: Tracker, id: string): boolean {
  const sheet = findArchiveSheet(tr.ss, tr.lang);
  return !!sheet && !!sheet.createTextFinder(id).matchEntireCell(true).matchCase(true).findNext();
}

/** doGet with a `t` parameter: the answer form, or the page saying why the link changes nothing. */
export function serveVerifyPage(svc: Services, parameter: Record<string, unknown>): GoogleAppsScript.HTML.HtmlOutput {
  const out = (lang: Lang, html: string) => svc.HtmlService.createHtmlOutput(html).setTitle(catalog(lang).verify.title).addMetaTag('viewport', 'width=device-width, initial-scale=1');
  // An add-on's web app has no spreadsheet (webApp.ts): asked without a spreadsheet call.
  if (!runsAsBoundScript(svc)) {
    const lang = langOfLocale(svc.Session.getActiveUserLocale());
    return out(lang, messagePage(lang, problemText(lang, 'addOn', ''), 'problem'));
  }
  const tr = openTracker(svc);
  const checked = checkRequest(tr, parameter.t);
  if (!checked.ok) return out(tr.lang, messagePage(tr.lang, problemText(tr.lang, checked.problem, checked.id), 'problem'));
  const tk = checked.loaded.ticket;
  const answer = ANSWERS.find((a) => a === parameter.a) ?? null;
  return out(
    tr.lang,
    formPage(tr.lang, { token: String(parameter.t), row: checked.loaded.row, id: tk.id, title: tk.title, solution: tk.solution, answer, rating: answer === 'notSolved' ? null : parseRating(parameter.r) }),
  );
}

/** What the page gets back: `final` when the form has nothing more to offer (a used or stale link…). */
export type VerifyOutcome = { ok: true; message: string } | { ok: false; final: boolean; code: LinkProblem | 'invalid' | 'busy'; message: string };

/** The requester's choice checked like every other user text; a message in the sheet's language when it is not usable. */
function readAnswer(v: unknown, lang: Lang): { ok: true; value: VerifyAnswer } | { ok: false; message: string } {
  const p = (v && typeof v === 'object' && !Array.isArray(v) ? v : {}) as Record<string, unknown>;
  const inputs = catalog(lang).actionInputs;
  const answer = ANSWERS.find((a) => a === p.answer);
  if (!answer) return { ok: false, message: t(lang, 'requiredChoice', { field: inputs.resolved }) };
  const rating = parseRating(p.rating);
  if (!rating) return { ok: false, message: t(lang, 'requiredChoice', { field: inputs.rating }) };
  if (p.comment !== undefined && p.comment !== null && typeof p.comment !== 'string') return { ok: false, message: t(lang, 'badRequest') };
  const comment = typeof p.comment === 'string' ? p.comment.normalize('NFC').trim() : '';
  const field = catalog(lang).verify.comment.replace(/[（(].*$/, '');
  if (comment && hasVisibleText(comment)) {
    const unsafe = unsafeTextKind(comment);
    if (unsafe) return { ok: false, message: t(lang, unsafe, { field }) };
    if (codePointLength(comment) > COMMENT_MAX) return { ok: false, message: t(lang, 'tooLong', { field, max: COMMENT_MAX }) };
  }
  return { ok: true, value: { answer, rating, comment: hasVisibleText(comment) ? comment : '' } };
}

/** How the work log names the requester: the ticket's 提交人. */
const requesterName = (tr: Tracker, tk: Ticket): string => tk.submitter.trim() || t(tr.lang, 'unknownUser');

/**
 * The ticket's changes for the requester's answer, by the workflow's moves (已解决→已关闭 or
 * →处理中). The comment goes into the log through logEntry like any typed text: its lines stay
 * inside the entry, so it cannot forge another one; the cell write keeps it text, never a formula.
 */
function answerChanges(tr: Tracker, tk: Ticket, a: VerifyAnswer): { changes: TicketChanges; added: string[] } {
  const L = catalog(tr.lang).workLog;
  const by = requesterName(tr, tk);
  const stamp = tr.stamp(tr.now);
  const words = L.feedbackWords(a.answer === 'solved' ? L.wasResolved : L.notResolved, L.ratings[a.rating]);
  if (a.answer === 'solved') {
    if (!canMove(tk.status, 'closed')) throw new Error('workflow: resolved → closed refused');
    const added = [logEntry(stamp, by, L.requesterSolved(words, a.comment)), logEntry(stamp, by, L.closedByRequester)];
    return { changes: { feedback: `yes:${a.rating}`, status: 'closed', lastUpdateAt: tr.now, workLog: added.reduce(appendLog, tk.workLog) }, added };
  }
  if (!canMove(tk.status, 'inProgress')) throw new Error('workflow: resolved → in progress refused');
  const added = [logEntry(stamp, by, L.requesterNotSolved(words, a.comment))];
  return { changes: { feedback: `no:${a.rating}`, status: 'inProgress', resolvedAt: null, lastUpdateAt: tr.now, workLog: appendLog(tk.workLog, added[0]) }, added };
}

/**
 * google.script.run from the answer page: checks the link again under the lock, then applies the
 * answer once. `at`: the row the page found the ticket on, read first (a wrong or forged one only
 * costs the search the page made).
 */
export function answerVerification(svc: Services, token: unknown, choice: unknown, at?: unknown): VerifyOutcome {
  if (!runsAsBoundScript(svc)) {
    const lang = langOfLocale(svc.Session.getActiveUserLocale());
    return { ok: false, final: true, code: 'addOn', message: problemText(lang, 'addOn', '') };
  }
  const tr = openTracker(svc);
  const { lang } = tr;
  const read = readAnswer(choice, lang);
  try {
    return withTrackerLock(svc, LOCK_WAIT_MS, t(lang, 'busy'), (): VerifyOutcome => {
      // Checked here, under the lock: of two clicks racing, the second finds the link used.
      const checked = checkRequest(tr, token, typeof at === 'number' && Number.isSafeInteger(at) && at > 0 ? at : null);
      if (!checked.ok) return { ok: false, final: true, code: checked.problem, message: problemText(lang, checked.problem, checked.id) };
      if (!read.ok) return { ok: false, final: false, code: 'invalid', message: read.message };
      const { loaded, claims } = checked;
      const before = loaded.ticket;
      // The requester answered: a "waiting for the requester" still running ends now (app/waiting.ts:
      // the 等待 cell, the record keeping the period, a log line), written with the answer in one write.
      const waitEnd = requesterAnsweredChanges(tr, before, requesterName(tr, before)) ?? {};
      const waited: Ticket = { ...before, ...waitEnd };
      const { changes: answered, added: answerLines } = answerChanges(tr, waited, read.value);
      const added = [...(waitEnd.workLog !== undefined ? [splitEntries(waitEnd.workLog).entries.pop() ?? ''] : []), ...answerLines];
      const changes = withSla(tr, before, { ...waitEnd, ...answered });
      const split = changes.workLog !== undefined ? splitForArchive(changes.workLog, lang) : null;
      if (split) {
        appendMovedLog(tr.ss, lang, before.id, tr.now, split.moved);
        changes.workLog = split.kept;
      }
      const user = actingEmail(svc, 'triggerOwner') || before.submitter.trim() || t(lang, 'unknownUser');
      // The audit row first, as every action writes it (agent.ts): never a change without its record.
      appendAudit(tr.ss, auditEntries(tr, before, changes, added.join('\n'), user, 'link'), lang);
      writeChanges(tr, loaded, changes);
      // Remembered after the row: a failed write leaves the link usable for a retry. The ticket has
      // left this resolution either way, so the link can never apply twice (checkRequest: stale).
      checked.props.setProperty(PROPERTY_KEYS.verifyUsed, JSON.stringify(rememberUsed(checked.used, claims, tr.now)));
      const after: Ticket = { ...before, ...changes };
      if (after.status === 'closed' && after.solution.trim()) addToKnowledge(tr, after, fileByDefault(after));
      const T = catalog(lang).verify;
      return { ok: true, message: fill(read.value.answer === 'solved' ? T.doneSolved : T.doneNotSolved, { id: before.id }) };
    });
  } catch (e) {
    if (errorCode(e) === 'busy') return { ok: false, final: false, code: 'busy', message: (e as Error).message };
    throw e;
  }
}
