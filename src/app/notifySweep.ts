// The sweep's share of the mail (issue 18): what the daily quota held back goes out, one message
// per person; assignees are reminded before a progress update to the requester is due; the day's
// mail state is summed up for the settings sheet. Calls stay constant in the number of tickets: one
// read of the properties, one quota call, one send per person (bounded by the quota), one write of
// the reminder record.
import type { MailPart } from '../domain/notify/events';
import { PROGRESS_KINDS, REQUESTER_KINDS, renderPart, validAddress } from '../domain/notify/events';
import { blankTicket } from '../domain/ticket';
import { formatLocal } from '../domain/zone';
import { queuedMail, readMailStats, writeMailStats } from '../gas/mailQueue';
import { PROPERTY_KEYS, parseJson } from '../gas/properties';
import { groupByRecipient, quotaLeft, sendMail } from './notify';
import type { Tracker } from './tracker';

export interface QueueDrain {
  /** Messages sent from the queue. */
  sent: number;
  /** Parts still waiting. */
  left: number;
  /** Ticket ID → when progress held back for its requester went out (their reply stamp). */
  replied: Map<string, number>;
}

/** Sends what waits, oldest person first, while the quota lasts; a failed send stays queued. */
export function drainQueue(tr: Tracker, all: Record<string, string>): QueueDrain {
  const queue = queuedMail(all);
  const out: QueueDrain = { sent: 0, left: queue.length, replied: new Map() };
  if (!queue.length) return out;
  let quota = quotaLeft(tr);
  const day = formatLocal(tr.now, tr.zone, 'date');
  const stats = readMailStats(all, day);
  for (const g of groupByRecipient(queue)) {
    if (quota < 1) break;
    try {
      sendMail(tr, g.to, g.items.map((q) => q.part));
    } catch (e) {
      stats.lastError = `${new Date(tr.now).toISOString()} ${(e as Error)?.message || String(e)}`;
      continue;
    }
    quota--;
    out.sent++;
    out.left -= g.items.length;
    for (const q of g.items) {
      tr.props.deleteProperty(q.key);
      if (REQUESTER_KINDS.has(q.part.kind) && PROGRESS_KINDS.has(q.part.kind)) out.replied.set(q.part.ticketId, tr.now);
    }
  }
  writeMailStats(tr.props, { ...stats, sent: stats.sent + out.sent });
  return out;
}

/** An open ticket whose progress update to the requester falls due soon. */
export interface UpdateDue {
  id: string;
  title: string;
  assignee: string;
  dueAt: number;
}

/**
 * One reminder per assignee (all their tickets in one message), once per due time: the record
 * (PROPERTY_KEYS.notifyReminded) maps each reminded ticket to the due time it was reminded of. A reminder the
 * quota cannot take is not queued: the next run tries again while the update is still ahead.
 */
export function remindUpdates(tr: Tracker, all: Record<string, string>, due: readonly UpdateDue[]): number {
  const raw = parseJson(all[PROPERTY_KEYS.notifyReminded] ?? '') as Record<string, unknown> | null;
  const before: Record<string, number> = {};
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) for (const [k, v] of Object.entries(raw)) if (typeof v === 'number') before[k] = v;
  const after: Record<string, number> = {};
  const byAgent = new Map<string, { to: string; parts: MailPart[]; ids: UpdateDue[] }>();
  for (const d of due) {
    if (before[d.id] === d.dueAt) {
      after[d.id] = d.dueAt;
      continue;
    }
    const agent = tr.config.settings.agents.find((a) => a.name === d.assignee);
    if (!agent?.email || !validAddress(agent.email)) continue;
    const tk = { ...blankTicket(), id: d.id, title: d.title };
    const part = renderPart(tk, { kind: 'updateDue', to: agent.name, due: tr.stamp(d.dueAt) }, tr.lang, tr.config.settings, tr.now);
    const g = byAgent.get(agent.email.toLowerCase()) ?? { to: agent.email, parts: [], ids: [] };
    g.parts.push(part);
    g.ids.push(d);
    byAgent.set(agent.email.toLowerCase(), g);
  }
  let sent = 0;
  let failure = '';
  if (byAgent.size) {
    let quota = quotaLeft(tr);
    for (const g of byAgent.values()) {
      if (quota < 1) break;
      try {
        sendMail(tr, g.to, g.parts);
      } catch (e) {
        // Not marked reminded, so the next run tries again; the settings sheet shows why.
        failure = `${new Date(tr.now).toISOString()} ${(e as Error)?.message || String(e)}`;
        continue;
      }
      quota--;
      sent++;
      for (const d of g.ids) after[d.id] = d.dueAt;
    }
  }
  if (failure) {
    // Read again: the queue's sends this run have written the day's count since `all` was read.
    const stats = readMailStats(tr.props.getProperties(), formatLocal(tr.now, tr.zone, 'date'));
    writeMailStats(tr.props, { ...stats, lastError: failure });
  }
  // Only the tickets due soon now are kept: the record stays as small as the list of open tickets.
  if (JSON.stringify(after) !== JSON.stringify(before)) tr.props.setProperty(PROPERTY_KEYS.notifyReminded, JSON.stringify(after));
  return sent;
}

export interface MailState {
  sentToday: number;
  queued: number;
  quotaLeft: number;
  lastError: string;
}

/** The mail state as the settings sheet shows it (read after the sweep's own sends). */
export function mailState(tr: Tracker): MailState {
  const all = tr.props.getProperties();
  const stats = readMailStats(all, formatLocal(tr.now, tr.zone, 'date'));
  return { sentToday: stats.sent, queued: queuedMail(all).length, quotaLeft: quotaLeft(tr), lastError: stats.lastError };
}
