// Telling people what happened to a ticket (issue 18): the requester at each step, the agent a
// ticket is handed to. `notify(tr, ticket, event)` is the whole API for other use cases. A mail
// costs two MailApp calls (the quota left, the send); what the daily quota cannot take waits in the
// queue (gas/mailQueue.ts) for the sweep, and one person's waiting events go out as one message.
// A notice never fails the action that caused it: its failure is recorded in the mail state.
import { rethrowDefect } from '../domain/errors';
import type { MailPart, NotifyEvent } from '../domain/notify/events';
import { PROGRESS_KINDS, REQUESTER_KINDS, composeMail, renderPart, requesterAddress, validAddress } from '../domain/notify/events';
import type { Ticket } from '../domain/ticket';
import { formatLocal } from '../domain/zone';
import type { QueuedMail } from '../gas/mailQueue';
import { enqueueMail, queueBytes, queuedMail, readMailStats, writeMailStats } from '../gas/mailQueue';
import { answerBlock } from './answerLinks';
import type { Tracker } from './tracker';

export type { NotifyEvent } from '../domain/notify/events';

/** A notice ready to go: where, what, and whether the day's quota can take it now. */
export interface Notice {
  to: string;
  part: MailPart;
  /** The quota had room when prepared: the mail will most likely go out now (not queued). */
  canSend: boolean;
}

export type NoticeOutcome = 'sent' | 'queued' | 'off' | 'noAddress' | 'failed';

/** Where an event goes: the requester's address, or the named agent's from the settings; '' for nobody. */
export function recipientOf(tr: Tracker, tk: Ticket, ev: NotifyEvent): string {
  if (REQUESTER_KINDS.has(ev.kind)) return requesterAddress(tk);
  const name = ev.kind === 'assigned' || ev.kind === 'updateDue' ? ev.to : '';
  const agent = tr.config.settings.agents.find((a) => a.name === name);
  return agent?.email && validAddress(agent.email) ? agent.email : '';
}

/** Requester mail follows the settings switch; agents are told regardless (it is their work). */
function enabled(tr: Tracker, ev: NotifyEvent): boolean {
  return !REQUESTER_KINDS.has(ev.kind) || tr.config.settings.notifyRequesters === true;
}

/**
 * First half of a notice, for callers that write the ticket between (agent actions stamp the
 * reply time with the row they write anyway): one MailApp call (the quota left). Null when the
 * notice is off or has nobody to go to.
 */
export function prepareNotice(tr: Tracker, tk: Ticket, ev: NotifyEvent, quota?: number): Notice | null {
  if (!enabled(tr, ev)) return null;
  const to = recipientOf(tr, tk, ev);
  if (!to) return null;
  // The resolved mail says how to answer: signed links where the deployment serves them.
  const event: NotifyEvent = (ev.kind === 'resolved' || ev.kind === 'confirmReminder') && ev.answer === undefined ? { ...ev, answer: answerBlock(tr, tk) } : ev;
  const part = renderPart(tk, event, tr.lang, tr.config.settings, tr.now);
  return { to, part, canSend: (quota ?? quotaLeft(tr)) >= 1 };
}

/**
 * Second half: sends now (with whatever already waits for the same person, as one message) or
 * queues. One MailApp call when sent; document-property calls for the queue and the day's count.
 */
export function sendNotice(tr: Tracker, notice: Notice): NoticeOutcome {
  const all = tr.props.getProperties();
  const day = formatLocal(tr.now, tr.zone, 'date');
  const stats = readMailStats(all, day);
  const waiting = queuedMail(all).filter((q) => q.to.toLowerCase() === notice.to.toLowerCase());
  if (notice.canSend) {
    const parts = [...waiting.map((q) => q.part), notice.part];
    try {
      sendMail(tr, notice.to, parts);
      for (const q of waiting) tr.props.deleteProperty(q.key);
      writeMailStats(tr.props, { ...stats, sent: stats.sent + 1 });
      return 'sent';
    } catch (e) {
      stats.lastError = `${new Date(tr.now).toISOString()} ${(e as Error)?.message || String(e)}`;
    }
  }
  try {
    enqueueMail(tr.props, notice.to, tr.lang, notice.part, queueBytes(all));
    if (stats.lastError) writeMailStats(tr.props, stats);
    return 'queued';
  } catch (e) {
    // The store is full (500 KB): the one case a notice is lost; said in the settings sheet's mail state.
    writeMailStats(tr.props, { ...stats, lastError: `${new Date(tr.now).toISOString()} ${(e as Error)?.message || String(e)}` });
    return 'failed';
  }
}

/** The day's mail quota left (one MailApp call); 0 when MailApp cannot say (no authorisation). */
export function quotaLeft(tr: Tracker): number {
  try {
    return tr.svc.MailApp.getRemainingDailyQuota();
  } catch (e) {
    rethrowDefect(e);
    // MailApp cannot say (no authorisation): no quota, so notices wait in the queue.
    return 0;
  }
}

/** The notices of several events about one ticket: one quota call for all of them. */
export function prepareNotices(tr: Tracker, tk: Ticket, events: readonly NotifyEvent[]): Notice[] {
  const wanted = events.filter((ev) => enabled(tr, ev) && recipientOf(tr, tk, ev));
  if (!wanted.length) return [];
  const quota = quotaLeft(tr);
  return wanted.map((ev) => prepareNotice(tr, tk, ev, quota)).filter((n): n is Notice => n !== null);
}

/**
 * Whether the requester gets progress from this action now, so the progress-update clock starts
 * again (its stamp is written with the row): a progress mail the quota lets go out now, or a reply
 * to a requester without an address (given another way: by phone, in person). Off when the
 * tracker does not mail requesters (the clock then counts every work-log entry, as before).
 */
export function repliedNow(tr: Tracker, tk: Ticket, events: readonly NotifyEvent[], notices: readonly Notice[]): boolean {
  if (tr.config.settings.notifyRequesters !== true) return false;
  if (notices.some((n) => REQUESTER_KINDS.has(n.part.kind) && PROGRESS_KINDS.has(n.part.kind) && n.canSend)) return true;
  return events.some((e) => e.kind === 'reply') && !requesterAddress(tk);
}

/**
 * Notices for many tickets at once (the sweep's auto-close batch): one quota call for all, each
 * counted against it in turn. Off or addressless events give none.
 */
export function prepareBatch(tr: Tracker, items: readonly { tk: Ticket; event: NotifyEvent }[]): Notice[] {
  const wanted = items.filter(({ tk, event }) => enabled(tr, event) && recipientOf(tr, tk, event));
  if (!wanted.length) return [];
  let quota = quotaLeft(tr);
  const out: Notice[] = [];
  for (const { tk, event } of wanted) {
    const n = prepareNotice(tr, tk, event, quota);
    if (!n) continue;
    if (n.canSend) quota--;
    out.push(n);
  }
  return out;
}

/**
 * Several notices as `sendNotice` sends each — with what already waits for the same person, as
 * one message, or queued — and one person's notices of the batch in that same message; one read
 * of the queue and one write of the day's count for all. Returns how many notices went out, were
 * queued, or were lost (the store full).
 */
export function sendNotices(tr: Tracker, notices: readonly Notice[]): { sent: number; queued: number; failed: number } {
  const out = { sent: 0, queued: 0, failed: 0 };
  if (!notices.length) return out;
  const all = tr.props.getProperties();
  const stats = readMailStats(all, formatLocal(tr.now, tr.zone, 'date'));
  const waiting = queuedMail(all);
  let bytes = queueBytes(all);
  let dirty = false;
  const failed = (e: unknown) => {
    stats.lastError = `${new Date(tr.now).toISOString()} ${(e as Error)?.message || String(e)}`;
    dirty = true;
  };
  const byPerson = new Map<string, Notice[]>();
  for (const n of notices) byPerson.set(n.to.toLowerCase(), [...(byPerson.get(n.to.toLowerCase()) ?? []), n]);
  for (const [who, mine] of byPerson) {
    const held = waiting.filter((q) => q.to.toLowerCase() === who);
    if (mine.some((n) => n.canSend)) {
      try {
        sendMail(tr, mine[0].to, [...held.map((q) => q.part), ...mine.map((n) => n.part)]);
        for (const q of held) tr.props.deleteProperty(q.key);
        stats.sent++;
        dirty = true;
        out.sent += mine.length;
        continue;
      } catch (e) {
        failed(e);
      }
    }
    for (const n of mine) {
      try {
        const key = enqueueMail(tr.props, n.to, tr.lang, n.part, bytes);
        // At most what the store counts (3 bytes a character): the queue's share is never underestimated.
        bytes += key.length + JSON.stringify(n.part).length * 3;
        out.queued++;
      } catch (e) {
        // The store is full (500 KB): the one case a notice is lost; said in the settings sheet's mail state.
        failed(e);
        out.failed++;
      }
    }
  }
  if (dirty) writeMailStats(tr.props, stats);
  return out;
}

/** Tells whoever `event` concerns about `tk` (now, or queued until the quota allows). */
export function notify(tr: Tracker, tk: Ticket, event: NotifyEvent): NoticeOutcome {
  if (!enabled(tr, event)) return 'off';
  const notice = prepareNotice(tr, tk, event);
  return notice ? sendNotice(tr, notice) : 'noAddress';
}

/** One plain-text message (never htmlBody: requester and agent text stays text). */
export function sendMail(tr: Tracker, to: string, parts: readonly MailPart[]): void {
  const mail = composeMail(to, parts, tr.lang);
  tr.svc.MailApp.sendEmail({ to: mail.to, subject: mail.subject, body: mail.body });
}

/** Queued mail grouped by recipient, oldest first (the sweep sends each group as one message). */
export function groupByRecipient(queue: readonly QueuedMail[]): { to: string; items: QueuedMail[] }[] {
  const groups = new Map<string, { to: string; items: QueuedMail[] }>();
  for (const q of queue) {
    const k = q.to.toLowerCase();
    const g = groups.get(k) ?? { to: q.to, items: [] };
    g.items.push(q);
    groups.set(k, g);
  }
  return [...groups.values()];
}
