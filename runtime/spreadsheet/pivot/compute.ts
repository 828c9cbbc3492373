// The cells a pivot table shows, computed from its source range as Sheets lays them out
// (developers.google.com/apps-script/reference/spreadsheet/pivot-table; the Sheets API PivotTable
// and PivotGroup pages describe the layout):
//   - the source's first row names the columns; each later row is one record;
//   - pivot filters and the slicers applied to the pivot drop records first;
//   - each row (column) group nests its distinct values, sorted (ascending by default, or by a
//     pivot value with sortBy), cut to its group limit; a group's "totals" are the totals over that
//     group's values: for the outermost group the Grand Total, for an inner group one "<value>
//     Total" line per value of the enclosing group;
//   - header: with column groups a row of their labels (the value's name at the top left when there
//     is one value), one row per column group with its values, then the row groups' labels; with
//     several values laid along the columns a row of value names;
//   - a data cell summarises the records of its row and column; no records: a blank cell.
// Totals count only the values shown (after group limits). VERIFY: pivot.* selftest cases.
// Over ~400 lines: one computation (records → groups → totals → cells) whose steps share the
// group tree and the layout; split, each part would need the whole tree passed around.
import { FErr, readCell } from '../formula';
import { formatDisplay, Scalar } from '../values';
import type { SheetData, Workbook } from '../workbook';
import { CalcErr, compileCalc, runCalc, type CompiledCalc } from './calc';
import { criteriaTest } from './criteria';
import { PivotGroupSpec, pivotLabels, PivotSpec, PivotValueSpec, SlicerSpec } from './model';

export interface PivotOutput {
  /** Cells from the anchor: values as getValues returns them ('' for blank). */
  cells: Array<Array<Scalar | ''>>;
  /** [row, col] offsets of cells shown as a percentage. */
  percent: Array<[number, number]>;
  /** Header rows at the top, label columns at the left (for styling the grid). */
  headerRows: number;
  labelCols: number;
  /** Offsets (from the anchor) of the rows and columns holding totals. */
  totalRows: number[];
  totalCols: number[];
}

interface Node {
  key: unknown;
  label: unknown;
  rows: number[];
  children: Node[] | null;
}

interface Entry {
  kind: 'leaf' | 'sub' | 'grand';
  path: Node[];
  rows: number[];
  /** ordinal range of the column leaves under it (column axis only) */
  lo: number;
  hi: number;
}

/**
 * Sheets' pivot grouping key: numbers, text and booleans as themselves (Map keys keep 5 and "5"
 * apart), dates by instant, blanks together. Primitive keys: no string built per record.
 */
function keyOf(v: unknown): unknown {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'object') return v;
  if (v instanceof Date) return '\u0000d' + v.getTime();
  if (v instanceof CalcErr) return '\u0000x' + v.code;
  return '\u0000o' + String(v);
}

const rank = (v: unknown) =>
  typeof v === 'number' || v instanceof Date ? 0 : typeof v === 'string' && v !== '' ? 1 : typeof v === 'boolean' ? 2 : v instanceof CalcErr ? 3 : 4;

/** Ascending order of group values: numbers and dates, text (ignoring case), booleans, errors, blank. */
export function compareLabels(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return Number(a instanceof Date ? a.getTime() : a) - Number(b instanceof Date ? b.getTime() : b);
  if (ra === 1) {
    const x = String(a).toLowerCase();
    const y = String(b).toLowerCase();
    return x < y ? -1 : x > y ? 1 : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  }
  if (ra === 2) return Number(a) - Number(b);
  return 0;
}

const blank = (v: unknown) => v === undefined || v === null || v === '';

/** Summarises a list of source values with a PivotTableSummarizeFunction. */
export function summarize(fn: string, vals: unknown[]): Scalar | CalcErr | '' {
  const err = vals.find((v): v is CalcErr => v instanceof CalcErr);
  if (fn === 'COUNTA') return vals.filter((v) => !blank(v)).length;
  if (fn === 'COUNTUNIQUE') return new Set(vals.filter((v) => !blank(v)).map(keyOf)).size;
  if (err) return err;
  const nums: number[] = [];
  for (const v of vals) if (typeof v === 'number') nums.push(v);
  const n = nums.length;
  const sum = () => nums.reduce((a, b) => a + b, 0);
  const variance = (sample: boolean) => {
    const mean = sum() / n;
    return nums.reduce((a, x) => a + (x - mean) ** 2, 0) / (sample ? n - 1 : n);
  };
  switch (fn) {
    case 'SUM':
      return sum();
    case 'COUNT':
      return n;
    case 'AVERAGE':
      return n ? sum() / n : new CalcErr('#DIV/0!');
    case 'MAX':
      return n ? Math.max(...nums) : 0;
    case 'MIN':
      return n ? Math.min(...nums) : 0;
    case 'MEDIAN': {
      if (!n) return new CalcErr('#NUM!');
      const s = [...nums].sort((a, b) => a - b);
      const m = n >> 1;
      return n % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
    case 'PRODUCT':
      return n ? nums.reduce((a, b) => a * b, 1) : 0;
    case 'STDEV':
      return n < 2 ? new CalcErr('#DIV/0!') : Math.sqrt(variance(true));
    case 'STDEVP':
      return n < 1 ? new CalcErr('#DIV/0!') : Math.sqrt(variance(false));
    case 'VAR':
      return n < 2 ? new CalcErr('#DIV/0!') : variance(true);
    case 'VARP':
      return n < 1 ? new CalcErr('#DIV/0!') : variance(false);
    default:
      return new CalcErr('#ERROR!');
  }
}

/** Source records: values per absolute column (formulas computed), and the header names. */
export class Source {
  readonly n: number;
  private cache = new Map<number, unknown[]>();
  private shownCache = new Map<number, string[]>();
  readonly headers: string[];
  constructor(
    private wb: Workbook,
    private sheet: SheetData,
    readonly rect: { row: number; col: number; numRows: number; numCols: number },
    private now: number,
  ) {
    this.n = rect.numRows - 1;
    this.headers = [];
    for (let c = rect.col; c < rect.col + rect.numCols; c++) {
      const h = readCell(wb, sheet, rect.row, c, now);
      this.headers.push(h instanceof FErr ? h.code : formatDisplay(h as Scalar | undefined, sheet.fmt.numberFormat.get(rect.row, c), wb.timeZone, wb.locale));
    }
  }
  header(col: number): string {
    return this.headers[col - this.rect.col];
  }
  /** Column by header name (exact, then ignoring case); null when none. */
  colByName(name: string): number | null {
    let i = this.headers.indexOf(name);
    if (i < 0) i = this.headers.findIndex((h) => h.toLowerCase() === name.toLowerCase());
    return i < 0 ? null : this.rect.col + i;
  }
  values(col: number): unknown[] {
    let out = this.cache.get(col);
    if (out) return out;
    out = new Array(this.n);
    const r0 = this.rect.row + 1;
    for (let i = 0; i < this.n; i++) {
      let v: unknown = this.sheet.rows[r0 + i - 1]?.[col - 1];
      if (v !== undefined && typeof v === 'object' && !(v instanceof Date)) {
        v = readCell(this.wb, this.sheet, r0 + i, col, this.now);
        if (v instanceof FErr) v = new CalcErr(v.code);
      }
      out[i] = v === undefined ? '' : v;
    }
    this.cache.set(col, out);
    return out;
  }
  /** The text each record shows in a column (what filters' visible/hidden values match). */
  shown(col: number): string[] {
    let out = this.shownCache.get(col);
    if (out) return out;
    const vals = this.values(col);
    const fmts = this.sheet.fmt.numberFormat.column(col, this.rect.row + 1, this.n);
    out = vals.map((v, i) =>
      v instanceof CalcErr ? v.code : formatDisplay(v as Scalar | undefined, fmts[i], this.wb.timeZone, this.wb.locale),
    );
    this.shownCache.set(col, out);
    return out;
  }
}

/** Slicers that filter this pivot: on its sheet, over the same source range, applied to pivots. */
export function slicersFor(spec: PivotSpec, holder: SheetData): SlicerSpec[] {
  const same = (a: PivotSpec['source'], b: PivotSpec['source']) =>
    a.sheetId === b.sheetId &&
    a.rect.row === b.rect.row &&
    a.rect.col === b.rect.col &&
    a.rect.numRows === b.rect.numRows &&
    a.rect.numCols === b.rect.numCols;
  return holder.slicers.filter((s) => s.applyToPivots && s.criteria && s.colPos !== null && same(s.source, spec.source));
}

export function computePivot(wb: Workbook, spec: PivotSpec, holder: SheetData, now: number): PivotOutput | '#REF!' {
  const srcSheet = wb.sheetById(spec.source.sheetId);
  if (!srcSheet) return '#REF!';
  const src = new Source(wb, srcSheet, spec.source.rect, now);
  const labels = pivotLabels(wb.locale);
  const tz = wb.timeZone;

  // records that pass the pivot's filters and its slicers
  const tests: Array<{ col: number; test: ReturnType<typeof criteriaTest> }> = spec.filters.map((f) => ({
    col: f.col,
    test: criteriaTest(f.criteria, tz),
  }));
  for (const s of slicersFor(spec, holder))
    tests.push({ col: s.source.rect.col + s.colPos! - 1, test: criteriaTest(s.criteria!, tz) });
  let rows: number[] = [];
  {
    const cols = tests.map((t) => ({ vals: src.values(t.col), shown: src.shown(t.col), test: t.test }));
    for (let i = 0; i < src.n; i++) if (cols.every((c) => c.test(c.vals[i], c.shown[i]))) rows.push(i);
  }

  const values = spec.values;
  const k = values.length;
  const calcs: Array<CompiledCalc | null> = values.map((v) => (v.formula !== null ? compileCalc(v.formula) : null));
  const valueName = (v: PivotValueSpec) =>
    v.displayName ?? (v.col !== null ? labels.valueOf(v.fn, src.header(v.col)) : '');

  /** A value's summary over some records. */
  const cellValue = (vi: number, recs: number[]): Scalar | CalcErr | '' => {
    if (!recs.length) return '';
    const v = values[vi];
    const calc = calcs[vi];
    if (!calc) return summarize(v.fn, pick(src.values(v.col!), recs));
    if (v.fn === 'CUSTOM') {
      return runCalc(calc, (name) => {
        const c = src.colByName(name);
        return c === null ? undefined : pick(src.values(c), recs);
      });
    }
    const per = recs.map((i) =>
      runCalc(calc, (name) => {
        const c = src.colByName(name);
        return c === null ? undefined : src.values(c)[i];
      }),
    );
    return summarize(v.fn, per);
  };

  // group trees
  const buildAxis = (groups: PivotGroupSpec[], oppositeMatch: (g: PivotGroupSpec) => (i: number) => boolean): Node[] => {
    const build = (recs: number[], depth: number): Node[] => {
      const g = groups[depth];
      const vals = src.values(g.col);
      const byKey = new Map<unknown, Node>();
      for (const i of recs) {
        const key = keyOf(vals[i]);
        let node = byKey.get(key);
        if (!node) byKey.set(key, (node = { key, label: vals[i], rows: [], children: null }));
        node.rows.push(i);
      }
      let nodes = [...byKey.values()];
      const dir = g.ascending ? 1 : -1;
      if (g.sortBy && g.sortBy.value < k) {
        const match = oppositeMatch(g);
        const score = new Map<Node, unknown>();
        for (const node of nodes) score.set(node, cellValue(g.sortBy.value, node.rows.filter(match)));
        nodes.sort((a, b) => {
          const x = score.get(a);
          const y = score.get(b);
          const nx = typeof x === 'number';
          const ny = typeof y === 'number';
          if (nx && ny && x !== y) return dir * ((x as number) - (y as number));
          if (nx !== ny) return nx ? -1 : 1; // blanks and errors after numbers
          return compareLabels(a.label, b.label); // ties: labels ascending (VERIFY pivot.group-sort-by-ties)
        });
      } else nodes.sort((a, b) => dir * compareLabels(a.label, b.label));
      if (g.limit !== null) nodes = nodes.slice(0, g.limit);
      if (depth + 1 < groups.length) {
        for (const node of nodes) {
          node.children = build(node.rows, depth + 1);
          node.rows = node.children.flatMap((c) => c.rows);
        }
      }
      return nodes;
    };
    return groups.length ? build(rows, 0) : [];
  };

  const opposite = (other: PivotGroupSpec[]) => (g: PivotGroupSpec) => {
    const path = g.sortBy!.opposite.map(keyOf);
    if (!path.length) return () => true;
    const cols = path.map((_, j) => (other[j] ? src.values(other[j].col) : null));
    return (i: number) => path.every((key, j) => cols[j] !== null && keyOf(cols[j]![i]) === key);
  };
  const rowTree = buildAxis(spec.rows, opposite(spec.cols));
  const colTree = buildAxis(spec.cols, opposite(spec.rows));
  const L = spec.rows.length;
  const M = spec.cols.length;
  if (L) rows = rowTree.flatMap((n) => n.rows);
  if (M) {
    const inCols = new Set(colTree.flatMap((n) => n.rows));
    rows = rows.filter((i) => inCols.has(i));
  }

  const totals = k > 0;
  const flatten = (tree: Node[], groups: PivotGroupSpec[]): Entry[] => {
    const out: Entry[] = [];
    let ord = 0;
    const walk = (nodes: Node[], depth: number, path: Node[]) => {
      for (const node of nodes) {
        const p = [...path, node];
        if (depth === groups.length - 1) {
          out.push({ kind: 'leaf', path: p, rows: node.rows, lo: ord, hi: ord });
          ord++;
        } else {
          const lo = ord;
          walk(node.children ?? [], depth + 1, p);
          if (totals && groups[depth + 1].showTotals) out.push({ kind: 'sub', path: p, rows: node.rows, lo, hi: ord - 1 });
        }
      }
    };
    if (!groups.length) return [{ kind: 'grand', path: [], rows, lo: 0, hi: 0 }];
    walk(tree, 0, []);
    if (totals && groups[0].showTotals) out.push({ kind: 'grand', path: [], rows, lo: 0, hi: ord - 1 });
    return out;
  };
  const rowEntries = flatten(rowTree, spec.rows);
  const colEntries = flatten(colTree, spec.cols);
  if (!L && !M && !k) return { cells: [], percent: [], headerRows: 0, labelCols: 0, totalRows: [], totalCols: [] };

  // column leaf ordinal of each record (-1: not shown)
  const colOrd = new Int32Array(src.n).fill(M ? -1 : 0);
  const colLeaves = M ? colEntries.filter((e) => e.kind === 'leaf').length : 1;
  if (M) for (const e of colEntries) if (e.kind === 'leaf') for (const i of e.rows) colOrd[i] = e.lo;

  const valuesInRows = spec.valuesAlong === 'ROWS' && k > 1;
  const rowSlots: Array<{ e: Entry; v: number }> = [];
  for (const e of rowEntries) {
    if (e.kind === 'grand' && !L && M === 0 && k === 0) continue;
    if (valuesInRows) for (let v = 0; v < k; v++) rowSlots.push({ e, v });
    else rowSlots.push({ e, v: 0 });
  }
  const colSlots: Array<{ e: Entry; v: number }> = [];
  for (const e of colEntries) {
    if (!valuesInRows && k > 1) for (let v = 0; v < k; v++) colSlots.push({ e, v });
    else colSlots.push({ e, v: 0 });
  }
  let labelCols = L + (valuesInRows ? 1 : 0);
  if (!labelCols && M) labelCols = 1;
  const nameRow = (M === 0 || (k > 1 && !valuesInRows)) && (k > 0 || L > 0);
  const H = (M ? 1 + M : 0) + (nameRow ? 1 : 0);
  const dataCols = k || M ? colSlots.length : 0;
  const width = labelCols + Math.max(dataCols, M); // the column groups' labels fit even when no column shows
  const height = H + (k || L ? rowSlots.length : 0);
  const cells: Array<Array<Scalar | ''>> = Array.from({ length: height }, () => new Array(width).fill(''));
  const percent: Array<[number, number]> = [];
  const groupLabel = (g: PivotGroupSpec) => g.displayName ?? src.header(g.col);
  const show = (v: unknown): Scalar | '' =>
    v instanceof CalcErr ? v.code : v === undefined || v === null ? '' : (v as Scalar);

  // header
  if (M) {
    if (k === 1 && !valuesInRows) cells[0][0] = valueName(values[0]);
    spec.cols.forEach((g, j) => (cells[0][labelCols + j] = groupLabel(g)));
    let prev: Entry | null = null;
    colSlots.forEach((s, x) => {
      const c = labelCols + x;
      const e = s.e;
      if (e !== prev) {
        if (e.kind === 'grand') cells[1][c] = labels.grandTotal;
        else if (e.kind === 'sub') cells[e.path.length][c] = labels.total(displayLabel(e.path[e.path.length - 1].label, tz, wb.locale));
        else
          e.path.forEach((node, j) => {
            // column labels are never repeated (Sheets API: repeatHeadings "is ignored by columns")
            if (!prev || prev.kind !== 'leaf' || !samePrefix(prev.path, e.path, j)) cells[1 + j][c] = show(node.label);
          });
      }
      prev = e;
    });
  }
  const last = H - 1;
  if (nameRow && !valuesInRows) colSlots.forEach((s, x) => k && (cells[last][labelCols + x] = valueName(values[s.v])));
  spec.rows.forEach((g, j) => (cells[last][j] = groupLabel(g)));
  if (valuesInRows) cells[last][L] = labels.values;

  // percent displays: the value over its row's, column's or the whole table's records
  const denoms = new Map<unknown, Map<number, Scalar | CalcErr | ''>>();
  const denominator = (dt: string, vi: number, re: Entry, ce: Entry) => {
    const owner = dt === 'PERCENT_OF_ROW_TOTAL' ? re : dt === 'PERCENT_OF_COLUMN_TOTAL' ? ce : denoms;
    let m = denoms.get(owner);
    if (!m) denoms.set(owner, (m = new Map()));
    if (!m.has(vi)) {
      const recs =
        dt === 'PERCENT_OF_ROW_TOTAL'
          ? re.rows.filter((i) => colOrd[i] >= 0)
          : dt === 'PERCENT_OF_COLUMN_TOTAL'
            ? rows.filter((i) => colOrd[i] >= ce.lo && colOrd[i] <= ce.hi)
            : rows.filter((i) => colOrd[i] >= 0);
      m.set(vi, cellValue(vi, recs));
    }
    return m.get(vi);
  };

  // row labels and data
  let prevRow: Entry | null = null;
  rowSlots.forEach((s, y) => {
    const r = H + y;
    const e = s.e;
    if (e !== prevRow) {
      if (e.kind === 'grand' && L) cells[r][0] = labels.grandTotal;
      else if (e.kind === 'sub') cells[r][e.path.length - 1] = labels.total(displayLabel(e.path[e.path.length - 1].label, tz, wb.locale));
      else if (e.kind === 'leaf')
        e.path.forEach((node, j) => {
          const repeated = prevRow && prevRow.kind === 'leaf' && samePrefix(prevRow.path, e.path, j);
          if (!repeated || spec.rows[j].repeatLabels || j === e.path.length - 1) cells[r][j] = show(node.label);
        });
    }
    if (valuesInRows) cells[r][L] = valueName(values[s.v]);
    prevRow = e;
    if (!k) return;
    // records of this row, split by column leaf
    const byOrd: number[][] = Array.from({ length: colLeaves }, () => []);
    for (const i of e.rows) {
      const o = colOrd[i];
      if (o >= 0) byOrd[o].push(i);
    }
    const recsOf = (ce: Entry) => {
      if (ce.lo === ce.hi) return byOrd[ce.lo] ?? [];
      const out: number[] = [];
      for (let o = ce.lo; o <= ce.hi; o++) for (const i of byOrd[o]) out.push(i);
      return out;
    };
    colSlots.forEach((cs, x) => {
      const vi = valuesInRows ? s.v : cs.v;
      const recs = recsOf(cs.e);
      let v = cellValue(vi, recs);
      const dt = values[vi].displayType;
      if (dt !== 'DEFAULT' && typeof v === 'number') {
        const d = denominator(dt, vi, e, cs.e);
        v = typeof d === 'number' && d !== 0 ? v / d : new CalcErr('#DIV/0!');
        percent.push([r, labelCols + x]);
      }
      cells[r][labelCols + x] = show(v);
    });
  });
  const totalRows = k || L ? rowSlots.flatMap((r, y) => (r.e.kind !== 'leaf' && L ? [H + y] : [])) : [];
  const totalCols = k || M ? colSlots.flatMap((c, x) => (c.e.kind !== 'leaf' && M ? [labelCols + x] : [])) : [];
  return { cells, percent, headerRows: H, labelCols, totalRows, totalCols };
}

function samePrefix(a: Node[], b: Node[], j: number): boolean {
  for (let i = 0; i <= j; i++) if (a[i] !== b[i]) return false;
  return true;
}

function pick(vals: unknown[], recs: number[]): unknown[] {
  const out = new Array(recs.length);
  for (let i = 0; i < recs.length; i++) out[i] = vals[recs[i]];
  return out;
}

function displayLabel(v: unknown, tz: string, locale: string): string {
  if (v instanceof CalcErr) return v.code;
  return formatDisplay(v as Scalar | undefined, undefined, tz, locale);
}
