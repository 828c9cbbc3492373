// Recurring problems over the last RECURRING_WINDOW_WEEKS weeks, with their knowledge-base link.
import { buildIndex } from '../../knowledge';
import { formatLocal } from '../../zone';
import { RECURRING_WINDOW_WEEKS, type RecurringProblem, type ReviewSection } from '../model';
import { recurringProblems } from '../recurring';
import { inRange, type ReviewScope } from '../scope';
import { shiftIsoWeek, weekBounds } from '../week';

export function recurringSection(scope: ReviewScope): {
  section: ReviewSection;
  recurring: RecurringProblem[];
  windowStart: number;
} {
  const { input, T, week, zone, tickets, start, end, catLabel } = scope;
  const windowStart = weekBounds(shiftIsoWeek(week, -(RECURRING_WINDOW_WEEKS - 1)), zone).start;
  const recurring = recurringProblems(
    tickets.filter((t) => inRange(t.submittedAt, windowStart, end) && String(t.title ?? '').trim() !== ''),
    { start, end },
    input.knowledgeIndex ?? buildIndex(input.knowledge ?? []),
    input.recurringLimit ?? 10,
  );
  const section: ReviewSection = {
    key: 'recurring',
    title: T.recurring,
    basis: T.recurringBasis,
    table: {
      header: T.recurringCols,
      rows: recurring.map((p, i) => [
        i + 1,
        catLabel(p.category),
        p.title,
        p.count,
        p.inWeek,
        p.ticketIds.join(', '),
        p.kbId ?? T.needsArticle,
        p.kbTitle ?? '',
      ]),
      formats: ['int', 'text', 'text', 'int', 'int', 'text', 'text', 'text'],
    },
    notes: [
      T.recurringNote(formatLocal(windowStart, zone, 'date'), formatLocal(end - 1, zone, 'date')),
      ...(recurring.length ? [] : [T.none]),
    ],
  };
  return { section, recurring, windowStart };
}
