// Journey (issue 19, moved from test/gas/reviewPivots.test.ts, issue 21): for random weeks of
// generated tickets (seeded), the review pivot sheet (src/gas/reviewPivots.ts) shows the same
// numbers as that week's snapshot (src/gas/reviewSheet.ts), read through the runtime's cells; and
// the weekly run costs as many spreadsheet calls for 400 tickets as for 4.
import { appendToTicketSheet, generateTickets, prng } from '../../bench/generate';
import { newRuntime, setUp } from '../app/helpers';
import { WEEKLY_CALLS, at, reviewSheet, workedWeek } from '../app/weeklyFixture';
import { read, readSla, section } from '../gas/reviewPivotCells';
import type { EntryResult } from '../entries';

describe('the pivot for a week shows that week’s snapshot numbers (generated tickets, seeded random weeks)', () => {
  const NOW = Date.parse('2024-11-06T10:00:00+08:00');
  const rt = newRuntime({ now: NOW });
  setUp(rt);
  appendToTicketSheet(rt, generateTickets({ n: 400, now: NOW, days: 120, seed: 19 }));
  rt.call('onSlaTimer');
  const rnd = prng(1919);
  const weeks = Array.from({ length: 4 }, () => {
    const w = 44 - 1 - Math.floor(rnd() * 14);
    return `2024-W${String(w).padStart(2, '0')}`;
  });

  const calls: number[] = [];
  it.each(weeks)('%s', (week) => {
    const r = rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', week);
    expect(r.result.ok).toBe(true);
    calls.push(r.stats.spreadsheetCalls);
    const snap = reviewSheet(rt, `周报 ${week}`);
    // Category × urgency: every cell the snapshot shows, the pivot shows (blank for 0).
    const table = section(snap, '问题类型 × 紧急程度');
    const urgs = (table[0] as string[]).slice(1, -1);
    const cu = read(rt, 'categoryUrgency');
    for (const row of table.slice(1)) {
      const cat = row[0] === '合计' ? '总计' : String(row[0]);
      urgs.forEach((u, j) => expect([cat, u, cu.get(cat)?.get(u) || 0]).toEqual([cat, u, row[j + 1]]));
      expect([cat, cu.get(cat)?.get('总计') || 0]).toEqual([cat, row[row.length - 1]]);
    }
    // Departments: the ten largest by created, each as the snapshot counts it.
    const depts = section(snap, '部门/区域').slice(1, -1);
    const dp = read(rt, 'departments');
    for (const [name, m] of dp) if (name !== '总计') expect([name, m.get('value')]).toEqual([name, depts.find((d) => d[0] === name)?.[1]]);
    expect(dp.size - 1).toBe(Math.min(10, depts.filter((d) => (d[1] as number) > 0).length));
    // SLA: the grand total row per urgency and overall equals the snapshot's compliance.
    const sla = section(snap, 'SLA 达成率').slice(1);
    expect(sla.filter((row) => typeof row[6] === 'number').length).toBeGreaterThan(2);
    const totals = readSla(rt).get('总计');
    for (const [value, target] of [['首次响应达成率', '首次响应'], ['解决达成率', '解决']] as const) {
      for (const row of sla.filter((s) => s[0] === target)) {
        const urg = row[1] === '合计' ? '总计' : String(row[1]);
        const want = row[6] === '' ? '' : row[6];
        const got = totals?.get(`${urg}|${value}`) ?? '';
        if (want === '') expect([target, urg, got]).toEqual([target, urg, '']);
        else expect([target, urg, got as number]).toEqual([target, urg, expect.closeTo(want as number, 10)]);
      }
    }
    // Trend: created and resolved per week as the snapshot's 12-week table says.
    const trend = section(snap, '近 12 周趋势').slice(1);
    const created = read(rt, 'createdTrend');
    const resolved = read(rt, 'resolvedTrend');
    for (const row of trend) {
      expect([row[0], created.get(String(row[0]))?.get('value') ?? 0]).toEqual([row[0], row[1]]);
      expect([row[0], resolved.get(String(row[0]))?.get('value') ?? 0]).toEqual([row[0], row[2]]);
    }
  });

  it('in as many spreadsheet calls for 400 tickets as for 4', () => {
    const small = workedWeek();
    small.rt.clock.set(at('2024-05-13T10:00:00'));
    small.rt.call('buildWeeklyReview', '2024-W19');
    const again = small.rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W18').stats.spreadsheetCalls;
    expect(new Set(calls.slice(1)).size).toBe(1);
    // One call apart at most: which side sheets exist (a knowledge base here, none there) differs.
    expect(Math.abs(calls[1] - again)).toBeLessThanOrEqual(1);
    expect(Math.max(again, ...calls)).toBeLessThanOrEqual(WEEKLY_CALLS);
  });
});

describe('a week with more than ten departments: the departments pivot shows the ten busiest, as the snapshot counts them', () => {
  // PivotGroup.setGroupLimit is for data-source pivots only (reference/spreadsheet/pivot-group#setgrouplimitlimit),
  // so the add-on filters the pivot to the ten labels it counted itself (domain/review/pivots.ts topLabels).
  it('ten rows, the largest counts, ties by name; the other departments left out', () => {
    const NOW = Date.parse('2024-11-08T10:00:00+08:00');
    const rt = newRuntime({ now: NOW });
    setUp(rt);
    const rnd = prng(2024);
    // 14 departments, the first ones much busier: 14 × 15 / 2 = 105 weights.
    const weights = Array.from({ length: 14 }, (_, k) => 14 - k);
    const pick = (): string => {
      let x = Math.floor(rnd() * 105);
      for (let k = 0; k < weights.length; k++) if ((x -= weights[k]) < 0) return `部门${String.fromCharCode(65 + k)}`;
      return '部门N';
    };
    const tickets = generateTickets({ n: 240, now: NOW, days: 3, seed: 45 }).map((t) => ({ ...t, department: pick() }));
    appendToTicketSheet(rt, tickets);
    const r = rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W45');
    expect(r.result.ok).toBe(true);
    const counts = section(reviewSheet(rt, '周报 2024-W45'), '部门/区域')
      .slice(1, -1)
      .map((d) => [String(d[0]), d[1] as number] as const)
      .filter(([, n]) => n > 0);
    expect(counts.length).toBeGreaterThan(10);
    const want = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).slice(0, 10);
    const dp = read(rt, 'departments');
    const shown = [...dp].filter(([name]) => name !== '总计').map(([name, m]) => [name, m.get('value')] as const);
    expect(new Map(shown)).toEqual(new Map(want));
  });
});
