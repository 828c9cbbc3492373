// Oracle: random source data (seeded) and random pivots (row and column groups, sort order or a
// sort by value, group limits, totals, values, percent of the grand total, a calculated value,
// filters, a slicer), each recomputed here by a separate, deliberately
// naive implementation that scans every record for every cell, and compared cell for cell with
// what the runtime's pivot shows (runtime/spreadsheet/pivot/compute.ts). Layout as Sheets prints
// it (see compute.ts), en_US labels.
import { unwrap } from '../../../../runtime/instrument';
import { env } from '../helpers';
import { prng as rng } from '../../../../bench/generate';

const HEAD = ['Dept', 'Cat', 'Urgency', 'Minutes', 'Rating'];
const DEPTS = ['HR', 'IT', 'Sales', 'Ops', 'Legal'];
const CATS = ['Network', 'Printer', 'Account', 'Laptop'];
const URG = ['P1', 'P2', 'P3'];
const FNS = ['SUM', 'COUNTA', 'COUNT', 'COUNTUNIQUE', 'AVERAGE', 'MAX', 'MIN'];

type Rec = unknown[];

interface G {
  col: number; // 0-based source column
  desc: boolean;
  limit: number | null;
  totals: boolean;
  /** sortBy(first value, []): by the value's total over the group's records, ties by label ascending */
  byValue: boolean;
}

interface V {
  col: number;
  fn: string;
  /** showAs(PERCENT_OF_GRAND_TOTAL) */
  percent: boolean;
  /** a calculated value, =COUNTIF(Urgency,"<urgency>")/COUNTA(Cat): the share of one urgency */
  calc?: string;
}

/** The calculated value, naively: records of that urgency over all records (all have a category). */
const naiveCalc = (urgency: string, recs: Rec[]) => recs.filter((r) => String(r[2]).toLowerCase() === urgency.toLowerCase()).length / recs.length;

function naiveSummary(fn: string, vals: unknown[]): unknown {
  const nums = vals.filter((v) => typeof v === 'number') as number[];
  const nonBlank = vals.filter((v) => v !== '');
  if (fn === 'SUM') return nums.reduce((a, b) => a + b, 0);
  if (fn === 'COUNTA') return nonBlank.length;
  if (fn === 'COUNT') return nums.length;
  if (fn === 'COUNTUNIQUE') return new Set(nonBlank.map((v) => `${typeof v}:${v}`)).size;
  if (fn === 'AVERAGE') return nums.length ? nums.reduce((a, b) => a + b, 0) / nums.length : '#DIV/0!';
  if (fn === 'MAX') return nums.length ? Math.max(...nums) : 0;
  return nums.length ? Math.min(...nums) : 0;
}

/** Distinct values of a column among records, in the group's order (text: ignoring case; blanks last). */
function distinct(recs: Rec[], g: G, first: V): unknown[] {
  const seen: unknown[] = [];
  for (const r of recs) if (!seen.includes(r[g.col])) seen.push(r[g.col]);
  const key = (v: unknown) => (v === '' ? '\uffff' : String(v).toLowerCase());
  const byLabel = (a: unknown, b: unknown) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  if (g.byValue) {
    const score = (v: unknown) => naiveSummary(first.fn, recs.filter((r) => r[g.col] === v).map((r) => r[first.col]));
    seen.sort((a, b) => {
      const x = score(a);
      const y = score(b);
      if (typeof x === 'number' && typeof y === 'number' && x !== y) return g.desc ? y - x : x - y;
      if ((typeof x === 'number') !== (typeof y === 'number')) return typeof x === 'number' ? -1 : 1;
      return byLabel(a, b);
    });
  } else {
    seen.sort(byLabel);
    if (g.desc) seen.reverse();
  }
  return g.limit === null ? seen : seen.slice(0, g.limit);
}

function oracle(records: Rec[], rows: G[], cols: G[], values: V[], keep: (r: Rec) => boolean): unknown[][] {
  const recs = records.filter(keep);
  // the row tree, naively: value paths kept after sorting and limits
  const rowPaths: unknown[][] = [];
  const walk = (gs: G[], depth: number, prefix: unknown[], out: unknown[][]) => {
    if (depth === gs.length) return void out.push(prefix);
    const under = recs.filter((r) => prefix.every((v, j) => r[gs[j].col] === v));
    for (const v of distinct(under, gs[depth], values[0])) walk(gs, depth + 1, [...prefix, v], out);
  };
  walk(rows, 0, [], rowPaths);
  const colPaths: unknown[][] = [];
  walk(cols, 0, [], colPaths);
  const inRows = (r: Rec) => rowPaths.some((p) => p.every((v, j) => r[rows[j].col] === v));
  const inCols = (r: Rec) => colPaths.some((p) => p.every((v, j) => r[cols[j].col] === v));
  const shown = recs.filter((r) => inRows(r) && inCols(r));
  const cell = (rowPrefix: unknown[], colPrefix: unknown[], vi: number) => {
    const m = shown.filter((r) => rowPrefix.every((v, j) => r[rows[j].col] === v) && colPrefix.every((v, j) => r[cols[j].col] === v));
    if (!m.length) return '';
    if (values[vi].calc) return naiveCalc(values[vi].calc!, m);
    const v = naiveSummary(values[vi].fn, m.map((r) => r[values[vi].col]));
    if (!values[vi].percent || typeof v !== 'number') return v;
    const all = naiveSummary(values[vi].fn, shown.map((r) => r[values[vi].col]));
    return typeof all === 'number' && all !== 0 ? v / all : '#DIV/0!';
  };
  const name = (vi: number) => (values[vi].calc ? 'Share' : `${values[vi].fn} of ${HEAD[values[vi].col]}`);
  const k = values.length;
  // column slots: each column value (and the Grand Total if shown) × each value
  const colSlots: Array<{ prefix: unknown[]; label: unknown; vi: number; first: boolean }> = [];
  const colEntries: Array<{ prefix: unknown[]; label: unknown }> = cols.length
    ? [...colPaths.map((p) => ({ prefix: p, label: p[0] })), ...(cols[0].totals ? [{ prefix: [], label: 'Grand Total' }] : [])]
    : [{ prefix: [], label: '' }];
  for (const e of colEntries) for (let vi = 0; vi < k; vi++) colSlots.push({ ...e, vi, first: vi === 0 });
  const labelCols = cols.length ? Math.max(rows.length, 1) : rows.length;
  const grid: unknown[][] = [];
  const blankRow = () => new Array(labelCols + Math.max(colSlots.length, cols.length)).fill('');
  if (cols.length) {
    const r0 = blankRow();
    if (k === 1) r0[0] = name(0);
    r0[labelCols] = HEAD[cols[0].col];
    const r1 = blankRow();
    colSlots.forEach((s, x) => s.first && (r1[labelCols + x] = s.label));
    grid.push(r0, r1);
  }
  if (!cols.length || k > 1) {
    const names = blankRow();
    colSlots.forEach((s, x) => (names[labelCols + x] = name(s.vi)));
    grid.push(names);
  }
  rows.forEach((g, j) => (grid[grid.length - 1][j] = HEAD[g.col]));
  const dataRow = (labels: unknown[], prefix: unknown[]) => {
    const r = blankRow();
    labels.forEach((v, j) => (r[j] = v));
    colSlots.forEach((s, x) => (r[labelCols + x] = cell(prefix, s.prefix, s.vi)));
    grid.push(r);
  };
  if (!rows.length) dataRow([], []);
  else {
    const tops = [...new Set(rowPaths.map((p) => p[0]))];
    for (const top of tops) {
      const subs = rowPaths.filter((p) => p[0] === top);
      if (rows.length === 1) dataRow([top], [top]);
      else {
        subs.forEach((p, i) => dataRow([i === 0 ? top : '', p[1]], p));
        if (rows[1].totals) dataRow([`${top} Total`], [top]);
      }
    }
    if (rows[0].totals) dataRow(['Grand Total'], []);
  }
  return grid;
}

describe('pivot oracle: random data and pivots, recomputed independently', () => {
  const SEEDS = Array.from({ length: 60 }, (_, i) => 1000 + i);
  test.each(SEEDS)('seed %i', (seed) => {
    const rand = rng(seed);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const n = 5 + Math.floor(rand() * 60);
    const records: Rec[] = Array.from({ length: n }, () => [
      rand() < 0.08 ? '' : pick(DEPTS),
      pick(CATS),
      pick(URG),
      rand() < 0.1 ? '' : Math.floor(rand() * 500) / 4,
      rand() < 0.15 ? 'n/a' : 1 + Math.floor(rand() * 5),
    ]);
    const { ss, app } = env({ locale: 'en_US' });
    const data = ss.insertSheet('Data');
    data.getRange(1, 1, n + 1, HEAD.length).setValues([HEAD, ...records]);
    const out = ss.insertSheet('Pivot');
    const source = data.getRange(1, 1, n + 1, HEAD.length);
    const pt = out.getRange('B3').createPivotTable(source);

    const groupCols = [0, 1, 2].sort(() => rand() - 0.5);
    const nRows = Math.floor(rand() * 3);
    const nCols = rand() < 0.5 ? 1 : 0;
    const mk = (col: number): G => ({ col, desc: rand() < 0.4, limit: rand() < 0.3 ? 1 + Math.floor(rand() * 3) : null, totals: rand() < 0.75, byValue: rand() < 0.3 });
    const rows = groupCols.slice(0, nRows).map(mk);
    const cols = groupCols.slice(nRows, nRows + nCols).map(mk);
    const apply = (g: G, pg: GoogleAppsScript.Spreadsheet.PivotGroup) => {
      if (g.desc) pg.sortDescending();
      // A data-source pivot's limit (setGroupLimit refuses a pivot over a range): set in the model.
      if (g.limit !== null) (unwrap(pg) as unknown as { _g: { limit: number | null } })._g.limit = g.limit;
      pg.showTotals(g.totals);
    };
    rows.forEach((g) => apply(g, pt.addRowGroup(g.col + 1)));
    cols.forEach((g) => apply(g, pt.addColumnGroup(g.col + 1)));
    const values: V[] = Array.from({ length: 1 + Math.floor(rand() * 2) }, () => ({ col: pick([3, 4]), fn: pick(FNS), percent: rand() < 0.2 }));
    if (rand() < 0.3) values.push({ col: -1, fn: 'CUSTOM', percent: false, calc: pick(URG) });
    const F = app.PivotTableSummarizeFunction as unknown as Record<string, GoogleAppsScript.Spreadsheet.PivotTableSummarizeFunction>;
    const added = values.map((v) => {
      if (v.calc) return pt.addCalculatedPivotValue('Share', `=COUNTIF(Urgency,"${v.calc}")/COUNTA(Cat)`);
      const pv = pt.addPivotValue(v.col + 1, F[v.fn]);
      if (v.percent) pv.showAs(app.PivotValueDisplayType.PERCENT_OF_GRAND_TOTAL);
      return pv;
    });
    [...rows, ...cols].forEach((g, i) => {
      if (g.byValue) (i < rows.length ? pt.getRowGroups()[i] : pt.getColumnGroups()[i - rows.length]).sortBy(added[0], []);
    });

    // a pivot filter on one column, a slicer on another: visible values
    const keeps: Array<(r: Rec) => boolean> = [];
    if (rand() < 0.5) {
      const vis = [pick(URG), pick(URG)];
      pt.addFilter(3, app.newFilterCriteria().setVisibleValues(vis).build());
      keeps.push((r) => vis.includes(String(r[2])));
    }
    if (rand() < 0.5) {
      const vis = [pick(CATS), pick(CATS)];
      out.insertSlicer(source, 1, 20).setColumnFilterCriteria(2, app.newFilterCriteria().setVisibleValues(vis).build());
      keeps.push((r) => vis.includes(String(r[1])));
    }
    const expected = oracle(records, rows, cols, values, (r) => keeps.every((k) => k(r)));
    const width = expected[0].length;
    const got = out.getRange(3, 2, expected.length, width).getValues();
    const round = (g: unknown[][]) => g.map((r) => r.map((v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v)));
    if (process.env.ORACLE_DEBUG) console.log(JSON.stringify({ rows, cols, values, expected, got }));
    expect(round(got)).toEqual(round(expected));
    // nothing beyond the expected block
    expect(out.getLastRow()).toBe(2 + expected.length);
    expect(out.getLastColumn()).toBe(1 + width);
  });
});
