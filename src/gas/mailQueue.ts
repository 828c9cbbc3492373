// Mail the daily quota held back (issue 18), kept until a later run sends it: never dropped. One
// document property per queued message part (`notify.queue.<time>.<unique>`), so adding one is one
// call and the queue needs no read-modify-write of a shared value. Document properties hold 9 KB a
// value and 500 KB a store (guides/services/quotas): a part's text is cut to fit one value, and
// shorter still once the queue has used its share of the store.
import type { MailPart } from '../domain/notify/events';
import { fitPart } from '../domain/notify/events';
import type { Lang } from '../domain/schema';
import { PROPERTY_KEYS, parseJson } from './properties';

type Props = GoogleAppsScript.Properties.Properties;

export interface QueuedMail {
  key: string;
  to: string;
  lang: Lang;
  part: MailPart;
}

/** A part's text in the queue: 1,500 characters (4.5 KB of Chinese) leave room in a 9 KB value. */
const PART_CHARS = 1_500;
/** Past this many bytes of queue, new parts keep only their first 200 characters. */
const QUEUE_SOFT_BYTES = 200 * 1024;
const SHORT_CHARS = 200;

const PREFIX = PROPERTY_KEYS.notifyQueuePrefix;

function parseItem(key: string, raw: string): QueuedMail | null {
  const v = parseJson(raw) as Partial<QueuedMail> | null;
  const p = v?.part as Partial<MailPart> | undefined;
  if (!v || typeof v.to !== 'string' || (v.lang !== 'zh' && v.lang !== 'en') || !p) return null;
  if (typeof p.ticketId !== 'string' || typeof p.kind !== 'string' || typeof p.text !== 'string' || typeof p.at !== 'number') return null;
  const part: MailPart = { ticketId: p.ticketId, kind: p.kind, title: String(p.title ?? ''), name: String(p.name ?? ''), text: p.text, at: p.at };
  return { key, to: v.to, lang: v.lang, part };
}

/** The queue, oldest first, from all properties already read (`all`: getProperties()). */
export function queuedMail(all: Record<string, string>): QueuedMail[] {
  return Object.keys(all)
    .filter((k) => k.startsWith(PREFIX))
    .sort()
    .map((k) => parseItem(k, all[k]))
    .filter((x): x is QueuedMail => x !== null);
}

/** Bytes the queue takes (UTF-8, as the store counts them). */
export function queueBytes(all: Record<string, string>): number {
  let n = 0;
  for (const k of Object.keys(all)) if (k.startsWith(PREFIX)) n += utf8(k) + utf8(all[k]);
  return n;
}

const utf8 = (s: string): number => {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
};

let seq = 0;

/** Queues one part for `to`: one property call. `usedBytes`: the queue's size now (queueBytes). */
export function enqueueMail(props: Props, to: string, lang: Lang, part: MailPart, usedBytes: number): string {
  const fitted = fitPart(part, usedBytes > QUEUE_SOFT_BYTES ? SHORT_CHARS : PART_CHARS, lang);
  // Time first so keys sort oldest first; the counter and a random tail keep two in one millisecond apart.
  const key = `${PREFIX}${part.at.toString(36).padStart(9, '0')}.${(seq++ % 1296).toString(36).padStart(2, '0')}${Math.random().toString(36).slice(2, 8)}`;
  props.setProperty(key, JSON.stringify({ to, lang, part: fitted }));
  return key;
}

export interface MailStats {
  /** The spreadsheet-zone day the count is for, `yyyy-MM-dd`. */
  day: string;
  /** Messages the tracker sent that day (requester and agent notices). */
  sent: number;
  /** The last failure to send or to queue, `<ISO time> <message>`, or ''. */
  lastError: string;
}

export function readMailStats(all: Record<string, string>, day: string): MailStats {
  const v = parseJson(all[PROPERTY_KEYS.notifyStats] ?? '') as Partial<MailStats> | null;
  const lastError = typeof v?.lastError === 'string' ? v.lastError : '';
  if (!v || v.day !== day || typeof v.sent !== 'number') return { day, sent: 0, lastError };
  return { day, sent: v.sent, lastError };
}

export function writeMailStats(props: Props, stats: MailStats): void {
  props.setProperty(PROPERTY_KEYS.notifyStats, JSON.stringify(stats));
}
