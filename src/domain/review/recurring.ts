// Recurring problems: tickets grouped by category and similar titles over a window of weeks, each
// group linked to a knowledge-base article about the same problem when there is one.
import type { Ticket } from '../ticket';
import type { Category } from '../schema';
import type { KbIndex } from '../knowledge';
import { jaccard, normalizeText, rank, sourceOf, tokenize } from '../knowledge';
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
  // Each distinct title is tokenised once; titles without tokens match only an identical
  // (normalised) title. Whether two tickets are similar depends on their titles alone, so a group
  // keeps its distinct titles and a ticket is compared with those, not with every member.
  interface Title {
    id: number;
    tokens: Set<string>;
    text: string;
  }
  const titles = new Map<string, Title>();
  const titleOf = (s: string): Title => {
    let x = titles.get(s);
    if (!x)
      titles.set(s, (x = { id: titles.size, tokens: new Set(tokenize(s)), text: normalizeText(s).trim() }));
    return x;
  };
  const same = (a: Title, b: Title): boolean =>
    a.tokens.size && b.tokens.size ? jaccard(a.tokens, b.tokens) >= RECURRING_SIMILARITY : a.text === b.text;
  interface Group {
    category: Category | null;
    titles: Title[];
    has: Set<number>;
    members: Ticket[];
  }
  const groups: Group[] = [];
  // Per category, its groups in order of creation and, per title, the first of them holding it: a
  // ticket joins the first group with a similar title, which is that one or an earlier one (a
  // title is similar to itself), so later groups need no comparison.
  // The scan's answer for a title (the first of groups [0, bound) with a similar title) changes only
  // when a group of the category gains a title: `version` counts those, and a title seen again with
  // the same bound and version reuses its answer (a problem filed again and again is scanned once).
  interface CategoryGroups {
    list: Group[];
    firstWith: Map<number, number>;
    version: number;
    verdicts: Map<number, { version: number; bound: number; at: number }>;
  }
  const byCategory = new Map<Category | null, CategoryGroups>();
  for (const t of sorted) {
    const title = titleOf(t.title);
    let cat = byCategory.get(t.category);
    if (!cat) byCategory.set(t.category, (cat = { list: [], firstWith: new Map(), version: 0, verdicts: new Map() }));
    const bound = cat.firstWith.get(title.id) ?? cat.list.length;
    const known = cat.verdicts.get(title.id);
    let at = bound;
    if (known && known.version === cat.version && known.bound === bound) at = known.at;
    else {
      for (let i = 0; i < bound; i++) {
        if (cat.list[i].titles.some((m) => same(m, title))) {
          at = i;
          break;
        }
      }
      cat.verdicts.set(title.id, { version: cat.version, bound, at });
    }
    let g = cat.list[at];
    if (!g) {
      g = { category: t.category, titles: [], has: new Set(), members: [] };
      cat.list.push(g);
      groups.push(g);
    }
    g.members.push(t);
    if (!g.has.has(title.id)) {
      g.has.add(title.id);
      g.titles.push(title);
      cat.version++;
    }
    const first = cat.firstWith.get(title.id);
    if (first === undefined || at < first) cat.firstWith.set(title.id, at);
  }
  const problems = groups
    .filter((g) => g.members.length >= RECURRING_MIN_COUNT)
    .map((g) => {
      const titles = new Map<string, number>();
      for (const m of g.members) titles.set(m.title.trim(), (titles.get(m.title.trim()) ?? 0) + 1);
      let title = '';
      let best = 0;
      for (const [k, n] of titles) if (n > best) [title, best] = [k, n]; // Map keeps first-seen order: earliest wins ties
      return {
        g,
        title,
        inWeek: g.members.filter((m) => inRange(m.submittedAt, week.start, week.end)).length,
        latest: g.members.reduce((mx, m) => Math.max(mx, m.submittedAt ?? 0), 0),
      };
    });
  problems.sort((a, b) => b.g.members.length - a.g.members.length || b.inWeek - a.inWeek || b.latest - a.latest);
  // The order does not depend on the link: only the problems listed look for their article.
  // search() over one ranking source for them all (search would rebuild it per query).
  const listed = problems.slice(0, limit);
  const source = listed.length ? sourceOf(index) : null;
  return listed.map(({ g, title, inWeek }): RecurringProblem => {
    // Only an article about the same problem (title similarity as for grouping) counts as a link;
    // search's own threshold is for suggestions and accepts a shared word like 无法.
    const words = new Set(tokenize(title));
    const hit = rank(source!, title, 5)
      .map(({ doc }) => index.docs[doc])
      .find((h) => {
        const other = new Set(tokenize(h.title));
        return words.size && other.size
          ? jaccard(words, other) >= RECURRING_SIMILARITY
          : normalizeText(h.title).trim() === normalizeText(title).trim();
      });
    return {
      category: g.category,
      title,
      count: g.members.length,
      inWeek,
      ticketIds: g.members.map((m) => m.id),
      kbId: hit ? hit.id : null,
      kbTitle: hit ? hit.title : null,
    };
  });
}
