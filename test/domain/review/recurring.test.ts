// recurringProblems groups by distinct titles (each title tokenised once, each group compared by
// its distinct titles, later groups skipped): it must give exactly what the plain single-link
// grouping over every member gives. Random tickets over a small vocabulary of overlapping titles,
// so that tickets bridge groups and the order of groups matters.
import { buildIndex, jaccard, normalizeText, search, tokenize, type KbIndex } from '../../../src/domain/knowledge';
import { recurringProblems } from '../../../src/domain/review';
import { RECURRING_MIN_COUNT, RECURRING_SIMILARITY, type RecurringProblem } from '../../../src/domain/review/model';
import type { Category } from '../../../src/domain/schema';
import { blankTicket, type Ticket } from '../../../src/domain/ticket';
import { prng } from '../../../bench/generate';

/** The grouping as first written: every new ticket against every member of every earlier group. */
function reference(tickets: readonly Ticket[], week: { start: number; end: number }, index: KbIndex, limit = 10): RecurringProblem[] {
  const sorted = [...tickets].sort((a, b) => (a.submittedAt ?? 0) - (b.submittedAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  type Item = { t: Ticket; tokens: Set<string>; text: string };
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
      for (const [k, n] of titles) if (n > best) [title, best] = [k, n];
      const words = new Set(tokenize(title));
      const hit = search(index, title, 5).find((h) => {
        const other = new Set(tokenize(h.title));
        return words.size && other.size ? jaccard(words, other) >= RECURRING_SIMILARITY : normalizeText(h.title).trim() === normalizeText(title).trim();
      });
      const inWeek = g.members.filter((m) => m.submittedAt !== null && m.submittedAt >= week.start && m.submittedAt < week.end).length;
      return {
        problem: { category: g.category, title, count: g.members.length, inWeek, ticketIds: g.members.map((m) => m.id), kbId: hit ? hit.id : null, kbTitle: hit ? hit.title : null },
        latest: g.members.reduce((mx, m) => Math.max(mx, m.submittedAt ?? 0), 0),
      };
    });
  problems.sort((a, b) => b.problem.count - a.problem.count || b.problem.inWeek - a.problem.inWeek || b.latest - a.latest);
  return problems.slice(0, limit).map((p) => p.problem);
}

// Titles sharing words in chains (打印机 卡纸 / 卡纸 无法打印 / …), English ones, and token-less ones.
const TITLES = [
  '打印机卡纸', '打印机卡纸无法打印', '卡纸无法打印', '无法打印', '打印机无法连接', '连接网络失败', '网络失败',
  'VPN 连接断开', 'VPN 频繁断开', '频繁断开', 'printer jammed', 'printer jammed again', 'jammed tray',
  'email password expired', 'password expired', '!!!', '???', '', '  打印机卡纸  ',
];
const CATEGORIES: (Category | null)[] = ['hardware', 'network', 'software', null];

describe('recurringProblems', () => {
  const index = buildIndex(
    ['打印机卡纸处理', 'VPN 断开怎么办', 'printer jammed', 'password expired', '???'].map((title, i) => ({
      id: `KB${i}`, title, category: '', description: '', solution: '', date: null,
    })),
  );
  it.each([1, 2, 3, 4, 5, 6])('groups as the plain single-link grouping does (seed %i)', (seed) => {
    const rnd = prng(seed);
    const n = 50 + Math.floor(rnd() * 250);
    const tickets: Ticket[] = Array.from({ length: n }, (_, i) => ({
      ...blankTicket(),
      id: `IT${String(i).padStart(5, '0')}`,
      title: TITLES[Math.floor(rnd() * TITLES.length)],
      category: CATEGORIES[Math.floor(rnd() * CATEGORIES.length)],
      // Many ties in submission time: the ID breaks them.
      submittedAt: rnd() < 0.05 ? null : Math.floor(rnd() * 40) * 3_600_000,
    }));
    const week = { start: 10 * 3_600_000, end: 20 * 3_600_000 };
    const got = recurringProblems(tickets, week, index, 50);
    expect(got).toEqual(reference(tickets, week, index, 50));
    expect(got.length).toBeGreaterThan(3);
    // Only the listed problems look for their article: the same answer with a short list.
    expect(recurringProblems(tickets, week, index, 3)).toEqual(reference(tickets, week, index, 3));
  });
});
