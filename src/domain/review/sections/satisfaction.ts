// Requester satisfaction with the tickets resolved in the week, and the unsatisfied ones listed
// (a "no" answer reopens a ticket: it is listed in the week it was reopened).
import type { Ticket } from '../../ticket';
import type { Rating } from '../../schema';
import { enumLabel } from '../../schema';
import { ratio } from '../../stats';
import type { ReviewFigures, ReviewSection } from '../model';
import { RATINGS } from '../text';
import { inRange, percentText, type ReviewScope } from '../scope';

export function satisfactionSections(scope: ReviewScope): {
  sections: [ReviewSection, ReviewSection];
  figure: ReviewFigures['satisfaction'];
} {
  const { T, lang, tickets, start, end, resolvedInWeek, eventsOf, ratingLabel, fmt } = scope;
  const ratings: Record<Rating, number> = { satisfied: 0, basic: 0, unsatisfied: 0 };
  const byPair = new Map<string, number>();
  let yes = 0;
  let no = 0;
  // 无回复 (the ticket closed itself, nobody answered) is no rating: counted apart (issue 18).
  const withFeedback = resolvedInWeek.filter((t) => t.feedback && t.feedback !== 'none');
  const noAnswer = resolvedInWeek.filter((t) => t.feedback === 'none').length;
  for (const t of withFeedback) {
    const [yn, rating] = String(t.feedback).split(':') as ['yes' | 'no', Rating];
    if (rating in ratings) ratings[rating]++;
    if (yn === 'yes') yes++;
    else no++;
    byPair.set(String(t.feedback), (byPair.get(String(t.feedback)) ?? 0) + 1);
  }
  // A "no" answer reopens the ticket and clears Resolved at: list it in the week it was reopened.
  const reopenedUnresolved = tickets.filter(
    (t) =>
      String(t.feedback ?? '').startsWith('no:') &&
      !inRange(t.resolvedAt, start, end) &&
      (eventsOf(t) ?? []).some(
        (ev) => inRange(ev.at, start, end) && ev.from === 'resolved' && ev.to === 'inProgress',
      ),
  );
  const lastOf = (t: Ticket): number => t.resolvedAt ?? Number.MAX_SAFE_INTEGER;
  const unsatisfied = withFeedback
    .filter((t) => String(t.feedback).startsWith('no:') || String(t.feedback).endsWith(':unsatisfied'))
    .concat(reopenedUnresolved)
    .sort((a, b) => lastOf(a) - lastOf(b) || (a.id < b.id ? -1 : 1));
  const responseRate = ratio(withFeedback.length, resolvedInWeek.length);
  const satisfactionTable: ReviewSection = {
    key: 'satisfaction',
    title: T.satisfaction,
    basis: T.satisfactionBasis,
    table: {
      header: T.satisfactionCols,
      rows: [
        ...RATINGS.map((r) => [
          ratingLabel(r),
          byPair.get(`yes:${r}`) ?? 0,
          byPair.get(`no:${r}`) ?? 0,
          ratings[r],
        ]),
        [T.total, yes, no, withFeedback.length],
      ],
      formats: ['text', 'int', 'int', 'int'],
    },
    notes: [T.responseRate(withFeedback.length, resolvedInWeek.length, percentText(responseRate)), ...(noAnswer ? [T.noAnswer(noAnswer)] : [])],
  };
  const unsatisfiedTable: ReviewSection = {
    key: 'unsatisfied',
    title: T.unsatisfied,
    basis: T.unsatisfiedBasis,
    table: {
      header: T.unsatisfiedCols,
      rows: unsatisfied.map((t) => [
        t.id,
        t.title,
        String(t.assignee ?? '').trim() || T.unassigned,
        enumLabel('feedback', String(t.feedback), lang),
        fmt(t.resolvedAt),
      ]),
      formats: ['text', 'text', 'text', 'text', 'text'],
    },
    notes: unsatisfied.length ? [] : [T.none],
  };
  return {
    sections: [satisfactionTable, unsatisfiedTable],
    figure: {
      resolved: resolvedInWeek.length,
      withFeedback: withFeedback.length,
      responseRate,
      ratings,
      yes,
      no,
      noAnswer,
      unsatisfiedIds: unsatisfied.map((t) => t.id),
    },
  };
}
