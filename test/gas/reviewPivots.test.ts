// The review pivot sheet (`周报透视`, issue 19; src/gas/reviewPivots.ts) through the built bundle on the local runtime:
// native pivot tables over the data sheet, rebuilt from its header positions by every build,
// slicers that re-filter them, and — for random weeks of generated tickets (seeded) — the pivot
// for a week showing the same numbers as that week's snapshot, read through the runtime's cells.
import fs from 'node:fs';
import path from 'node:path';
import { appendToTicketSheet, generateTickets, prng } from '../../bench/generate';
import type { LocalRuntime } from '../../runtime';
import { newRuntime, setUp, ticketRows } from '../app/helpers';
import { WEEKLY_CALLS, at, reviewSheet, sheetNames, ss, workedWeek, type Sheet } from '../app/weeklyFixture';

type Cells = Map<string, Map<string, unknown>>;

/**
 * A pivot's cells by row label and column label, read from the sheet as shown. One value, no
 * column group: [rows header, value name] then label/value rows; with a column group, a row of
 * value name + column group name above the row of column labels. The grand total row and column
 * are kept under their label (总计 / Grand Total).
 */
function pivotCells(sheet: Sheet, row: number, col: number, withColumns: boolean): Cells {
  const values = sheet.getDataRange().getValues();
  const out: Cells = new Map();
  const head = withColumns ? values[row] : values[row - 1];
  const first = withColumns ? row + 1 : row;
  const width = withColumns ? head.slice(col - 1).findIndex((v, i) => i > 0 && v === '') : 2;
  const labels = head.slice(col, col - 1 + (width < 0 ? head.length : width)).map(String);
  for (let r = first; r < values.length && values[r][col - 1] !== ''; r++) {
    const m = new Map<string, unknown>();
    labels.forEach((l, i) => m.set(withColumns ? l : 'value', values[r][col + i]));
    out.set(String(values[r][col - 1]), m);
  }
  return out;
}

/**
 * The SLA pivot (rows assignee, columns urgency, two values): a row with the column group's name,
 * a row of urgency labels (each over its two values), a row of value names, then the assignees.
 * Cells by assignee, then `urgency|value name` (总计 kept as a label).
 */
function slaCells(sheet: Sheet, row: number, col: number): Cells {
  const values = sheet.getDataRange().getValues();
  const urgencies = values[row];
  const names = values[row + 1];
  const keys: string[] = [];
  let urgency = '';
  for (let j = col; j < names.length && names[j] !== ''; j++) {
    if (urgencies[j] !== '') urgency = String(urgencies[j]);
    keys.push(`${urgency}|${names[j]}`);
  }
  const out: Cells = new Map();
  for (let r = row + 2; r < values.length && values[r][col - 1] !== ''; r++)
    out.set(String(values[r][col - 1]), new Map(keys.map((k, i) => [k, values[r][col + i]])));
  return out;
}

/** The rows under a snapshot section's title (values, header first), until the next blank row. */
function section(sheet: Sheet, title: string): unknown[][] {
  const rows = sheet.getDataRange().getValues();
  const i = rows.findIndex((r) => r[0] === title);
  if (i < 0) throw new Error(`no section ${title}`);
  const out: unknown[][] = [];
  for (let k = i + 2; k < rows.length && rows[k].some((c) => c !== ''); k++) {
    let n = rows[k].length;
    while (n > 0 && rows[k][n - 1] === '') n--;
    out.push(rows[k].slice(0, n));
  }
  return out;
}

const pivotSheet = (rt: LocalRuntime) => reviewSheet(rt, '周报透视');
/** Anchors as laid out by src/domain/review/pivots.ts. */
const P = {
  createdTrend: [8, 1, false],
  resolvedTrend: [8, 4, false],
  departments: [8, 7, false],
  categoryUrgency: [8, 10, true],
} as const;
const SLA_AT = [26, 1] as const;
const read = (rt: LocalRuntime, k: keyof typeof P): Cells => pivotCells(pivotSheet(rt), P[k][0], P[k][1], P[k][2]);
const readSla = (rt: LocalRuntime): Cells => slaCells(pivotSheet(rt), SLA_AT[0], SLA_AT[1]);

describe('review pivot sheet', () => {
  const { rt } = workedWeek();
  rt.clock.set(at('2024-05-13T10:00:00'));
  const built = rt.call<any>('buildWeeklyReview', '2024-W19');

  it('holds five native pivot tables and three slicers over the data sheet, named in the result', () => {
    expect(built.result).toMatchObject({ ok: true, pivotSheet: '周报透视', pivots: 5, slicers: 3 });
    const sheet = pivotSheet(rt);
    const pivots = sheet.getPivotTables();
    expect(pivots).toHaveLength(5);
    const data = reviewSheet(rt, '周报数据');
    for (const p of pivots) {
      const src = (p as unknown as { getSourceDataRange(): GoogleAppsScript.Spreadsheet.Range }).getSourceDataRange();
      expect(src.getSheet().getName()).toBe('周报数据');
      expect(src.getNumRows()).toBe(data.getLastRow());
    }
    const slicers = sheet.getSlicers();
    expect(slicers.map((s) => data.getRange(1, s.getColumnPosition() as number).getValue())).toEqual(['提交周', '部门/区域', '问题类型']);
    expect(slicers.every((s) => s.isAppliedToPivotTables() && s.getFilterCriteria() === null)).toBe(true);
    expect(sheet.getRange(1, 1).getValue()).toBe('周报透视 2024-W19');
  });

  it('shows the week: category × urgency, departments, SLA met by assignee and urgency, 12 weeks created and resolved', () => {
    const cu = read(rt, 'categoryUrgency');
    expect(cu.get('软件')?.get('高')).toBe(1);
    expect(cu.get('网络')?.get('中')).toBe(1);
    expect(cu.get('硬件')?.get('低')).toBe(1);
    expect(cu.get('总计')?.get('总计')).toBe(3);
    expect(read(rt, 'departments').get('财务部/总部')?.get('value')).toBe(1);
    // One pivot, both targets per urgency as percentages. Response: A (高) responded in time, B (中)
    // accepted the next morning, C (低) never. Resolution: D (低, W18) resolved on Monday of W19 in
    // time counts here too.
    const sla = pivotSheet(rt).getRange(26, 1, 6, 10).getDisplayValues();
    expect(sla).toEqual([
      ['', '紧急程度', '', '', '', '', '', '', '', ''],
      ['', '中', '', '低', '', '高', '', '总计', '', ''],
      ['负责人', '首次响应达成率', '解决达成率', '首次响应达成率', '解决达成率', '首次响应达成率', '解决达成率', '首次响应达成率', '解决达成率', ''],
      ['李工程师', '0.0%', '0.0%', '', '100.0%', '100.0%', '100.0%', '50.0%', '66.7%', ''],
      ['（未分配）', '', '', '0.0%', '0.0%', '', '', '0.0%', '0.0%', ''],
      ['总计', '0.0%', '0.0%', '0.0%', '50.0%', '100.0%', '100.0%', '33.3%', '50.0%', ''],
    ]);
    expect(pivotSheet(rt).getRange(25, 1).getValue()).toBe('2024-W19 SLA 达成率：负责人 × 紧急程度（首次响应、解决各按截止或完成在本周）');
    // Each value named in the sheet's language when it is added, not "COUNTA of 问题编号".
    const head = pivotSheet(rt).getRange(8, 1, 1, 11).getValues()[0];
    expect([head.slice(0, 2), head.slice(3, 5), head.slice(6, 8), head[9]]).toEqual([['提交周', '新建'], ['解决周', '已解决'], ['部门/区域', '工单数'], '工单数']);
    const created = read(rt, 'createdTrend');
    expect(created.get('2024-W18')?.get('value')).toBe(1);
    expect(created.get('2024-W19')?.get('value')).toBe(3);
    expect(read(rt, 'resolvedTrend').get('2024-W19')?.get('value')).toBe(3);
  });

  it('a slicer click re-filters every pivot; clearing it shows everything again', () => {
    const slicer = pivotSheet(rt).getSlicers()[1]; // department
    slicer.setColumnFilterCriteria(slicer.getColumnPosition() as number, rt.services.SpreadsheetApp.newFilterCriteria().setVisibleValues(['财务部/总部']).build());
    expect(read(rt, 'categoryUrgency').get('总计')?.get('总计')).toBe(1);
    expect(read(rt, 'createdTrend').get('2024-W18')?.get('value')).toBe(1);
    expect(read(rt, 'createdTrend').has('2024-W19')).toBe(true);
    slicer.setColumnFilterCriteria(slicer.getColumnPosition() as number, null);
    expect(read(rt, 'categoryUrgency').get('总计')?.get('总计')).toBe(3);
  });

  it('every build deletes and recreates the pivots from the data sheet’s header positions', () => {
    const sheet = pivotSheet(rt);
    sheet.getRange('A3').setValue('手写');
    sheet.getPivotTables()[3].remove();
    const tickets = JSON.stringify(ticketRows(rt));
    const again = rt.call<any>('buildWeeklyReview', '2024-W19');
    expect(again.result.ok).toBe(true);
    expect(pivotSheet(rt).getPivotTables()).toHaveLength(5);
    expect(pivotSheet(rt).getRange('A3').getValue()).toBe('');
    expect(read(rt, 'categoryUrgency').get('总计')?.get('总计')).toBe(3);
    expect(JSON.stringify(ticketRows(rt))).toBe(tickets);
  });

  it('a deleted, renamed or junk pivot sheet: built again under its name, nothing else touched', () => {
    ss(rt).deleteSheet(pivotSheet(rt));
    expect(rt.call<any>('buildWeeklyReview', '2024-W19').result.ok).toBe(true);
    expect(pivotSheet(rt).getPivotTables()).toHaveLength(5);
    pivotSheet(rt).setName('旧透视');
    const junk = ss(rt).insertSheet('周报透视');
    junk.getRange(1, 1, 2, 2).setValues([['x', 'y'], [1, 2]]);
    expect(rt.call<any>('buildWeeklyReview', '2024-W19').result.ok).toBe(true);
    expect(read(rt, 'categoryUrgency').get('总计')?.get('总计')).toBe(3);
    expect(sheetNames(rt)).toContain('旧透视');
  });

  it('in an English spreadsheet: Review data and Review pivots, English headers and labels', () => {
    const en = workedWeek({ locale: 'en_US' });
    en.rt.clock.set(at('2024-05-13T10:00:00'));
    expect(en.rt.call<any>('buildWeeklyReview', '2024-W19').result).toMatchObject({ ok: true, dataSheet: 'Review data', pivotSheet: 'Review pivots', pivots: 5, slicers: 3 });
    expect(reviewSheet(en.rt, 'Review data').getRange(1, 1, 1, 3).getValues()[0]).toEqual(['Ticket ID', 'Week created', 'Week resolved']);
    const sheet = reviewSheet(en.rt, 'Review pivots');
    expect(sheet.getRange(1, 1).getValue()).toBe('Review pivots 2024-W19');
    const cu = pivotCells(sheet, P.categoryUrgency[0], P.categoryUrgency[1], true);
    expect(cu.get('Grand Total')?.get('Grand Total')).toBe(3);
    expect(cu.get('Software')?.get('High')).toBe(1);
    const head = sheet.getRange(8, 1, 1, 11).getValues()[0];
    expect([head[1], head[4], head[7], head[9]]).toEqual(['Created', 'Resolved', 'Tickets', 'Tickets']);
  });

  it('asks for no scope beyond spreadsheets.currentonly', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../appsscript.json'), 'utf8'));
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
  });
});

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
    const r = rt.call<any>('buildWeeklyReview', week);
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
    const again = small.rt.call<any>('buildWeeklyReview', '2024-W18').stats.spreadsheetCalls;
    expect(new Set(calls.slice(1)).size).toBe(1);
    // One call apart at most: which side sheets exist (a knowledge base here, none there) differs.
    expect(Math.abs(calls[1] - again)).toBeLessThanOrEqual(1);
    expect(Math.max(again, ...calls)).toBeLessThanOrEqual(WEEKLY_CALLS);
  });
});
