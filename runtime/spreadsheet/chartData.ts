// What an embedded chart plots: its ranges read as Sheets reads them (rows are categories, the
// first column the domain when it holds text, the header row the series names), so the preview
// can draw it and the xlsx export can write it as a native chart. Values are the cells' current
// values at `now` (formulas evaluated), never the display text.
//
// Sheets' rules (Sheets help "Add & edit a chart or graph", EmbeddedChartBuilder reference):
// several ranges merge side by side (MERGE_COLUMNS, the default) or one under the other
// (MERGE_ROWS); setTransposeRowsAndColumns swaps rows and columns; setNumHeaders(n) says how many
// leading rows are headers, -1 (the default) lets Sheets guess: one header row when the first row
// is text above numbers; hidden rows and columns are left out (IGNORE_BOTH, the default).
import { colToLetters, quoteSheet } from './a1';
import { FErr, readCell } from './formula';
import type { ChartSpec, Workbook } from './workbook';

export interface ChartSeries {
  name: string;
  /** null: empty or not a number (a gap) */
  values: Array<number | null>;
}

export interface ChartTable {
  /** the domain's labels, one per category (row numbers when the first column holds numbers) */
  categories: string[];
  series: ChartSeries[];
  /** where the categories, series names and values sit (absolute A1 with the sheet), when one range is read as is */
  refs?: { categories: string | null; names: Array<string | null>; values: string[] };
}

type Value = string | number | boolean | Date | null;

const isNum = (v: Value): v is number => typeof v === 'number' && Number.isFinite(v);
const isText = (v: Value): boolean => typeof v === 'string' && v !== '';
const label = (v: Value): string =>
  v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);

/** One range as a matrix of current values, hidden rows/columns left out per the strategy. */
function readRange(wb: Workbook, spec: ChartSpec, i: number, now: number): Value[][] {
  const { sheetId, rect } = spec.ranges[i];
  const sheet = wb.sheetById(sheetId);
  if (!sheet) return [];
  const strategy = String(spec.options.hiddenDimensionStrategy ?? 'IGNORE_BOTH');
  const skipRows = strategy === 'IGNORE_BOTH' || strategy === 'IGNORE_ROWS';
  const skipCols = strategy === 'IGNORE_BOTH' || strategy === 'IGNORE_COLUMNS';
  const out: Value[][] = [];
  for (let r = rect.row; r < rect.row + rect.numRows; r++) {
    if (skipRows && sheet.hiddenRows[r]) continue;
    const row: Value[] = [];
    for (let c = rect.col; c < rect.col + rect.numCols; c++) {
      if (skipCols && sheet.hiddenCols[c]) continue;
      const v = readCell(wb, sheet, r, c, now);
      row.push(v === undefined || v instanceof FErr || v === '' ? null : (v as Value));
    }
    out.push(row);
  }
  return out;
}

/** The chart's ranges merged into one matrix (rows × columns) as the merge strategy says. */
function mergedMatrix(wb: Workbook, spec: ChartSpec, now: number): Value[][] {
  const parts = spec.ranges.map((_, i) => readRange(wb, spec, i, now));
  if (String(spec.options.mergeStrategy ?? 'MERGE_COLUMNS') === 'MERGE_ROWS') return parts.flat();
  const height = Math.max(0, ...parts.map((p) => p.length));
  const out: Value[][] = [];
  for (let r = 0; r < height; r++) {
    const row: Value[] = [];
    for (const p of parts) {
      const width = p[0]?.length ?? 0;
      for (let c = 0; c < width; c++) row.push(p[r]?.[c] ?? null);
    }
    out.push(row);
  }
  return out;
}

const transpose = (m: Value[][]): Value[][] =>
  m.length ? m[0].map((_, c) => m.map((row) => row[c] ?? null)) : [];

/** The categories and series a chart plots, read from the workbook at `now`. */
export function chartTable(wb: Workbook, spec: ChartSpec, now: number): ChartTable {
  let m = mergedMatrix(wb, spec, now);
  if (spec.options.transpose) m = transpose(m);
  if (!m.length || !m[0].length) return { categories: [], series: [] };
  const width = m[0].length;
  // The domain: the first column, when it holds labels rather than numbers (or is the only column).
  let headers = spec.numHeaders ?? -1;
  if (headers < 0) {
    const first = m[0];
    const below = m.slice(1);
    const seriesCols = first.map((_, c) => c).slice(width > 1 ? 1 : 0);
    headers =
      m.length > 1 &&
      seriesCols.some((c) => isText(first[c])) &&
      seriesCols.every((c) => !isNum(first[c]) || below.every((row) => !isNum(row[c])))
        ? 1
        : 0;
  }
  headers = Math.min(headers, m.length);
  const body = m.slice(headers);
  const domainIsLabels = width > 1 && body.some((row) => row[0] !== null && !isNum(row[0]));
  const hasDomain = width > 1 && (domainIsLabels || String(spec.type) === 'PIE');
  const first = hasDomain ? 1 : 0;
  const categories = body.map((row, i) => (hasDomain ? label(row[0]) : String(i + 1)));
  const series: ChartSeries[] = [];
  for (let c = first; c < width; c++) {
    const name = headers
      ? m
          .slice(0, headers)
          .map((row) => label(row[c]))
          .filter(Boolean)
          .join(' ')
      : '';
    series.push({
      name: name || `Series ${series.length + 1}`,
      values: body.map((row) => {
        const v = row[c];
        return isNum(v) ? v : null;
      }),
    });
  }
  return { categories, series, refs: singleRangeRefs(wb, spec, headers, hasDomain) };
}

/**
 * Where each part sits on the sheet, when the chart reads one range as is (not transposed, no
 * hidden columns): a native xlsx chart then refers to the cells, as Sheets' own export does.
 * Hidden rows stay inside the references; the xlsx chart plots visible cells only, as here.
 */
function singleRangeRefs(
  wb: Workbook,
  spec: ChartSpec,
  headers: number,
  hasDomain: boolean,
): ChartTable['refs'] {
  if (spec.ranges.length !== 1 || spec.options.transpose) return undefined;
  const { sheetId, rect } = spec.ranges[0];
  const sheet = wb.sheetById(sheetId);
  if (!sheet) return undefined;
  for (let c = rect.col; c < rect.col + rect.numCols; c++) if (sheet.hiddenCols[c]) return undefined;
  const q = quoteSheet(sheet.name);
  const top = rect.row + headers;
  const bottom = rect.row + rect.numRows - 1;
  if (bottom < top) return undefined;
  const abs = (col: number, r1: number, r2: number) =>
    `${q}!$${colToLetters(col)}$${r1}` + (r2 > r1 ? `:$${colToLetters(col)}$${r2}` : '');
  const first = rect.col + (hasDomain ? 1 : 0);
  const cols: number[] = [];
  for (let c = first; c < rect.col + rect.numCols; c++) cols.push(c);
  return {
    categories: hasDomain ? abs(rect.col, top, bottom) : null,
    names: cols.map((c) => (headers ? abs(c, rect.row, rect.row + headers - 1) : null)),
    values: cols.map((c) => abs(c, top, bottom)),
  };
}
