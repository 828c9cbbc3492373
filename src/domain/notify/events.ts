// What the tracker tells people (issue 18): the events, who each goes to, and the text of each in
// the sheet's language. Pure: the app layer decides when to send and keeps the queue.
import { catalog } from '../i18n';
import type { Lang, Status } from '../schema';
import { enumLabel } from '../schema';
import type { Settings } from '../settings';
import { isEmail } from '../text';
import type { Ticket } from '../ticket';
import { targetDuration } from '../urgencyHints';

/**
 * One thing that happened to a ticket that someone is told about. Requester events go to the
 * ticket's requester (requesterAddress); `assigned` and `updateDue` go to an agent (`to`, a name
 * from the settings' agents list).
 */
export type NotifyEvent =
  | { kind: 'received' }
  | { kind: 'taken'; by: string }
  | { kind: 'reply'; by: string; text: string }
  | { kind: 'waiting'; by: string; text: string }
  /** `answer`: how to answer (verify/rate links, or the "reply to this mail" text when omitted). */
  | { kind: 'resolved'; by: string; solution: string; answer?: string }
  | { kind: 'reopened'; reason: string }
  | { kind: 'closed'; reason: string }
  | { kind: 'assigned'; to: string; by: string; background: string }
  | { kind: 'updateDue'; to: string; due: string }
  /** Auto-close's reminder to confirm a resolved ticket; `answer` as for `resolved`. */
  | { kind: 'confirmReminder'; days: number; answer?: string };

export type NotifyKind = NotifyEvent['kind'];

export const REQUESTER_KINDS: ReadonlySet<NotifyKind> = new Set<NotifyKind>(['received', 'taken', 'reply', 'waiting', 'resolved', 'reopened', 'closed', 'confirmReminder']);

/**
 * Events that are progress the requester hears about: when one reaches them, the 2-hour
 * progress-update clock starts again (the acknowledgement `received` and `closed` are not progress).
 */
export const PROGRESS_KINDS: ReadonlySet<NotifyKind> = new Set<NotifyKind>(['taken', 'reply', 'waiting', 'resolved', 'reopened']);

/** One event's share of a mail: its heading and text, already in the sheet's language. */
export interface MailPart {
  ticketId: string;
  kind: NotifyKind;
  title: string;
  /** Whom the greeting names ('' for none). */
  name: string;
  text: string;
  /** When the event happened (epoch ms). */
  at: number;
}

export interface Mail {
  to: string;
  subject: string;
  body: string;
}

/** An address mail accepts and a form may hold: at most 254 characters (RFC 5321), no spaces. */
export const validAddress = (s: string): boolean => s.length <= 254 && isEmail(s);

/**
 * Where the requester's updates go: the ticket's own column, else the contact field when it is an
 * email (hand-made sheets, adopted sheets); '' when neither is. A phone number is never an address.
 */
export function requesterAddress(tk: Pick<Ticket, 'notifyEmail' | 'contact'>): string {
  const own = tk.notifyEmail.trim();
  if (own && validAddress(own)) return own;
  const contact = tk.contact.trim();
  return contact && validAddress(contact) ? contact : '';
}

/** A subject line holds one line: a hand-typed title with a line break must not add headers. */
const oneLine = (s: string): string => s.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();

/** The text of one event. `settings` gives the targets quoted in the "received" mail. */
export function renderPart(tk: Ticket, ev: NotifyEvent, lang: Lang, settings: Settings, at: number): MailPart {
  const M = catalog(lang).mail;
  const base = { ticketId: tk.id, kind: ev.kind, title: oneLine(tk.title), at };
  switch (ev.kind) {
    case 'received': {
      const u = tk.urgency ?? 'medium';
      const response = targetDuration(settings.targets.response[u], settings, lang);
      const resolution = targetDuration(settings.targets.resolution[u], settings, lang);
      return { ...base, name: tk.submitter, text: M.received(tk.id, enumLabel('urgency', u, lang), response, resolution) };
    }
    case 'taken':
      return { ...base, name: tk.submitter, text: M.taken(ev.by) };
    case 'reply':
      return { ...base, name: tk.submitter, text: M.reply(ev.by, ev.text) };
    case 'waiting':
      return { ...base, name: tk.submitter, text: M.waiting(ev.by, ev.text) };
    case 'resolved':
      return { ...base, name: tk.submitter, text: `${M.resolved(ev.by, ev.solution)}\n\n${ev.answer?.trim() || M.answerByReply}` };
    case 'reopened':
      return { ...base, name: tk.submitter, text: M.reopened(ev.reason) };
    case 'closed':
      return { ...base, name: tk.submitter, text: M.closed(ev.reason) };
    case 'assigned':
      return { ...base, name: ev.to, text: M.assigned(ev.by, base.title, ev.background) };
    case 'updateDue':
      return { ...base, name: ev.to, text: M.updateDue(ev.due) };
    case 'confirmReminder':
      return { ...base, name: tk.submitter, text: `${M.confirmReminder(ev.days)}\n\n${ev.answer?.trim() || M.answerByReply}` };
  }
}

/** A part whose text is cut to `maxChars` (the queue's room), saying so. */
export function fitPart(part: MailPart, maxChars: number, lang: Lang): MailPart {
  const chars = Array.from(part.text);
  const title = Array.from(part.title).slice(0, 200).join('');
  if (chars.length <= maxChars) return { ...part, title };
  return { ...part, title, text: chars.slice(0, maxChars).join('') + catalog(lang).mail.truncated };
}

const fill = (s: string, p: Record<string, string | number>): string => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in p ? String(p[k]) : m));

/**
 * One message to one person from one or more events (combined: one mail however many events
 * waited for the same address), plain text. Parts keep their order (oldest first).
 */
export function composeMail(to: string, parts: readonly MailPart[], lang: Lang): Mail {
  const M = catalog(lang).mail;
  const what = (p: MailPart) => M.what[p.kind];
  const greeting = M.greeting(oneLine(parts[0]?.name ?? ''));
  if (parts.length === 1) {
    const p = parts[0];
    return { to, subject: oneLine(fill(M.subject, { id: p.ticketId, what: what(p), title: p.title })), body: `${greeting}\n\n${p.text}\n\n${M.footer}` };
  }
  const sections = parts.map((p) => `${fill(M.section, { id: p.ticketId, what: what(p), title: p.title })}\n${p.text}`);
  return { to, subject: oneLine(fill(M.subjectCombined, { n: parts.length })), body: `${greeting}\n\n${sections.join('\n\n')}\n\n${M.footer}` };
}

/**
 * The requester's notice for a status a person typed or pasted into the sheet, once the hand-edit
 * rules accepted it: the same as the sidebar's resolve, close and reopen (a requester hears of a
 * resolution however the agent recorded it).
 */
export function statusEditEvent(before: Status | null, after: Ticket, by: string): NotifyEvent | null {
  if (!after.status || after.status === before) return null;
  if (after.status === 'resolved') return { kind: 'resolved', by, solution: after.solution };
  if (after.status === 'closed') return { kind: 'closed', reason: '' };
  if (before === 'resolved' || before === 'closed') return { kind: 'reopened', reason: '' };
  return null;
}

/**
 * The notices an agent action sends: the requester hears that someone took the ticket, a note the
 * agent sent as a reply, the solution, a reopen and the close; an agent a ticket is assigned to by
 * someone else hears of it, as does the tier-2 agent an escalation hands over to (with the
 * background and what was tried); "waiting for the requester" asks the requester.
 */
export function actionEvents(action: string, before: Ticket, after: Ticket, payload: unknown, by: string): NotifyEvent[] {
  const p = (payload && typeof payload === 'object' && !Array.isArray(payload) ? payload : {}) as Record<string, unknown>;
  const text = (v: unknown): string => (typeof v === 'string' ? v.normalize('NFC').trim() : '');
  switch (action) {
    case 'accept':
      return [{ kind: 'taken', by }];
    case 'escalate': {
      const background = [text(p.background), text(p.tried)].filter(Boolean).join('\n');
      return after.assignee && after.assignee !== by ? [{ kind: 'assigned', to: after.assignee, by, background }] : [];
    }
    case 'wait':
      return p.kind === 'requester' ? [{ kind: 'waiting', by, text: text(p.reason) }] : [];
    case 'assign':
      return after.assignee && after.assignee !== before.assignee && after.assignee !== by ? [{ kind: 'assigned', to: after.assignee, by, background: '' }] : [];
    case 'note':
      return p.reply === true ? [{ kind: 'reply', by, text: text(p.text) }] : [];
    case 'resolve':
      return [{ kind: 'resolved', by, solution: after.solution }];
    case 'feedback':
      // "Not solved" reopens: the requester said so themselves, but hears that work goes on.
      return after.status === 'inProgress' && before.status !== 'inProgress' ? [{ kind: 'reopened', reason: '' }] : [];
    case 'close':
      return [{ kind: 'closed', reason: text(p.reason) }];
    case 'reopen':
      return [{ kind: 'reopened', reason: text(p.reason) }];
    default:
      return [];
  }
}
