// Status history from the audit log: when each ticket changed status, so the review can say what
// was open at the end of a week even for tickets that moved on since.
import type { AuditEntry, Ticket } from '../ticket';
import type { Status } from '../schema';
import { fieldForHeader, parseEnum } from '../schema';

export interface StatusEvent {
  at: number;
  from: Status | null;
  to: Status | null;
}

export function statusHistory(audit: readonly AuditEntry[]): Map<string, StatusEvent[]> {
  const map = new Map<string, StatusEvent[]>();
  for (const e of audit) {
    if (!e || typeof e.at !== 'number' || Number.isNaN(e.at) || fieldForHeader(String(e.field)) !== 'status')
      continue;
    const ev: StatusEvent = {
      at: e.at,
      from: parseEnum('status', e.oldValue) as Status | null,
      to: parseEnum('status', e.newValue) as Status | null,
    };
    if (ev.from !== null && ev.from === ev.to) continue;
    const id = String(e.ticketId).trim();
    const list = map.get(id);
    if (list) list.push(ev);
    else map.set(id, [ev]);
  }
  for (const list of map.values()) list.sort((a, b) => a.at - b.at);
  return map;
}

export const isOpenStatus = (s: Status | null): boolean => s === 'pending' || s === 'inProgress';

/**
 * A ticket's status just before instant `at`, or null if it was not submitted yet. From the audit
 * log when it has status changes for the ticket (the last change before `at`, else the old value
 * of the first change after it); otherwise estimated from the fields: resolved before `at` if
 * Resolved at is; a closed ticket without Resolved at closed at its last update; else open.
 */
export function statusAt(t: Ticket, at: number, events: StatusEvent[] | undefined): Status | null {
  if (t.submittedAt === null || t.submittedAt >= at) return null;
  if (events && events.length) {
    let last: StatusEvent | null = null;
    for (const e of events) {
      if (e.at < at) last = e;
      else break;
    }
    if (last && last.to) return last.to;
    if (!last && events[0].from) return events[0].from;
  }
  if (t.resolvedAt !== null && t.resolvedAt < at) return 'resolved';
  if (t.status === 'closed' || t.status === 'resolved') {
    const doneAt = t.status === 'resolved' ? t.resolvedAt : (t.resolvedAt ?? t.lastUpdateAt);
    if (doneAt === null || doneAt < at) return t.status;
  }
  return t.firstResponseAt !== null && t.firstResponseAt < at ? 'inProgress' : 'pending';
}
