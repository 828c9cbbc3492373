// Tickets open at week end past their resolution due time, most overdue first.
import type { Ticket } from '../../ticket';
import { round } from '../../stats';
import type { ReviewSection } from '../model';
import { HOUR, type ReviewScope } from '../scope';

export function overdueSection(scope: ReviewScope): { section: ReviewSection; overdue: Ticket[] } {
  const { T, asOf, openAtEnd, statusAtEnd, urgLabel, statusLabel, fmt } = scope;
  const overdue = openAtEnd
    .filter((t) => t.resolveDueAt !== null && t.resolveDueAt < asOf)
    .sort((a, b) => (a.resolveDueAt as number) - (b.resolveDueAt as number) || (a.id < b.id ? -1 : 1));
  const section: ReviewSection = {
    key: 'overdue',
    title: T.overdue,
    basis: T.overdueBasis,
    table: {
      header: T.overdueCols,
      rows: overdue.map((t) => [
        t.id,
        t.title,
        urgLabel(t.urgency),
        String(t.assignee ?? '').trim() || T.unassigned,
        fmt(t.submittedAt),
        fmt(t.resolveDueAt),
        round((asOf - (t.resolveDueAt as number)) / HOUR, 1),
        statusLabel(statusAtEnd.get(t) ?? null),
      ]),
      formats: ['text', 'text', 'text', 'text', 'text', 'text', 'hours', 'text'],
    },
    notes: overdue.length ? [] : [T.none],
  };
  return { section, overdue };
}
