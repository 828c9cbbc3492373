// Recurring problems: tickets grouped by category and similar titles over a window of weeks, each
// group linked to a knowledge-base article about the same problem when there is one.
import type { Ticket } from '../ticket';
import type { Category } from '../schema';
import type { KbIndex } from '../knowledge';
import { jaccard, normalizeText, search, tokenize } from '../knowledge';
import { RECURRING_MIN_COUNT, RECURRING_SIMILARITY, type RecurringProblem } from './model';
import { inRange } from './scope';

/**
 * Groups tickets by category, then by title: a ticket joins the first group (in order of creation)
 * holding a title with similarity ≥ RECURRING_SIMILARITY (single link), else starts a new group.
 * Tickets are taken in submission order so the grouping is deterministic. Groups with at least
 * RECURRING_MIN_COUNT tickets are ranked by size, then by tickets in the week, then most recent.
 */
export function recurringProblems(
  tickets: readonly Ticket[],
  week: { start: number; end: number },
  index: KbIndex,
  limit = 10,
): RecurringProblem[] {
  const sorted = [...tickets].sort(
    (a, b) => (a.submittedAt ?? 0) - (b.submittedAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  // Token sets computed once; titles without tokens match only an identical (normalised) title.
  interface Item {
    t: Ticket;
    tokens: Set<string>;
    text: string;
  }
  const same = (a: Item, b: Item): boolean =>
    a.tokens.size && b.tokens.size ? jaccard(a.tokens, b.tokens) >= RECURRING_SIMILARITY : a.text === b.text;
  const groups: { category: Category | null; items: Item[]; members: Ticket[] }[] = [];
  for (const t of sorted) {
    const item: Item = { t, tokens: new Set(tokenize(t.title)), text: normalizeText(t.title).trim() };
    const g = groups.find((x) => x.category === t.category && x.items.some((m) => same(m, item)));
    if (g) {
      g.items.push(item);
      g.members.push(t);
    } else groups.push({ category: t.category, items: [item], members: [t] });
  }
  const problems = groups
    .filter((g) => g.members.length >= RECURRING_MIN_COUNT)
    .map((g) => {
      const titles = new Map<string, number>();
      for (const m of g.members) titles.set(m.title.trim(), (titles.get(m.title.trim()) ?? 0) + 1);
      let title = '';
      let best = 0;
      for (const [k, n] of titles) if (n > best) [title, best] = [k, n]; // Map keeps first-seen order: earliest wins ties
      // Only an article about the same problem (title similarity as for grouping) counts as a link;
      // search's own threshold is for suggestions and accepts a shared word like 无法.
      const words = new Set(tokenize(title));
      const hit = search(index, title, 5).find((h) => {
        const other = new Set(tokenize(h.title));
        return words.size && other.size
          ? jaccard(words, other) >= RECURRING_SIMILARITY
          : normalizeText(h.title).trim() === normalizeText(title).trim();
      });
      return {
        problem: {
          category: g.category,
          title,
          count: g.members.length,
          inWeek: g.members.filter((m) => inRange(m.submittedAt, week.start, week.end)).length,
          ticketIds: g.members.map((m) => m.id),
          kbId: hit ? hit.id : null,
          kbTitle: hit ? hit.title : null,
        } as RecurringProblem,
        latest: g.members.reduce((mx, m) => Math.max(mx, m.submittedAt ?? 0), 0),
      };
    });
  problems.sort(
    (a, b) => b.problem.count - a.problem.count || b.problem.inWeek - a.problem.inWeek || b.latest - a.latest,
  );
  return problems.slice(0, limit).map((p) => p.problem);
}
