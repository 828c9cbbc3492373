// A pivot's cells live in its sheet like any other values (getValues, the grid, xlsx read them),
// recomputed whenever its sheet is read: the source data, the pivot's definition or a slicer may
// have changed since. A pivot never writes over other content: when its result would cover a
// non-empty cell that it did not write (typed-in data, another pivot's output, its own source),
// the anchor cell shows #REF! and nothing else, as Sheets shows "#REF!" with "Pivot table results
// could not be expanded because they would overwrite data" (VERIFY: selftest pivot.overwrite).
// If the anchor cell itself was written over, the pivot shows nothing until it is cleared.
import { Formula, type Cell } from '../values';
import type { Rect, SheetData, Workbook } from '../workbook';
import { computePivot, slicersFor, type PivotOutput } from './compute';
import type { PivotSpec } from './model';

export const PERCENT_FORMAT = '0.00%';

/** What each pivot last wrote (to tell its cells from cells someone wrote over). */
interface Written {
  cells: Cell[][];
  percent: Array<[number, number]>;
  headerRows: number;
  labelCols: number;
  totalRows: number[];
  totalCols: number[];
}
const written = new WeakMap<PivotSpec, Written>();

/** Where a pivot's cells are and how many of them are header rows / label columns (after a refresh). */
export function pivotLayout(
  p: PivotSpec,
): { rect: Rect; headerRows: number; labelCols: number; totalRows: number[]; totalCols: number[]; error: boolean } | null {
  const w = written.get(p);
  if (!p.out || !w) return null;
  const error = w.cells.length === 1 && w.cells[0].length === 1 && w.cells[0][0] === '#REF!';
  return { rect: { ...p.out }, headerRows: w.headerRows, labelCols: w.labelCols, totalRows: [...w.totalRows], totalCols: [...w.totalCols], error };
}

const same = (a: Cell, b: Cell) =>
  a === b || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());

function cellAt(sheet: SheetData, r: number, c: number): Cell {
  return sheet.rows[r - 1]?.[c - 1];
}

/** After rows or columns moved under a pivot: its recorded area is taken as its own again. */
export function forgetOutput(p: PivotSpec): void {
  written.delete(p);
}

/** Clears the cells a pivot wrote that still hold what it wrote. */
export function clearPivotOutput(sheet: SheetData, p: PivotSpec): void {
  const out = p.out;
  if (!out) return;
  const prev = written.get(p);
  for (let i = 0; i < out.numRows; i++) {
    const row = sheet.rows[out.row - 1 + i];
    if (!row) continue;
    for (let j = 0; j < out.numCols; j++) {
      const c = out.col - 1 + j;
      // after a reload nothing is remembered: the recorded area is taken as the pivot's own
      if (!prev || same(row[c], prev.cells[i]?.[j] ?? undefined)) row[c] = undefined;
    }
  }
  for (const [i, j] of prev?.percent ?? []) {
    const r = out.row + i;
    const c = out.col + j;
    if (sheet.fmt.numberFormat.get(r, c) === PERCENT_FORMAT) sheet.fmt.numberFormat.fill(r, r, c, c, undefined);
  }
  p.out = null;
  written.delete(p);
}

/**
 * Reading a pivot's sheet again costs nothing when nothing it depends on changed: its definition,
 * its slicers, the locale and zone, the source cells and their number formats. A source holding
 * formulas is always recomputed (their results may move without the cells changing).
 */
const memos = new WeakMap<PivotSpec, { key: string; cells: Cell[] | null; formats: string; res: PivotOutput | '#REF!' }>();

function sourceCells(wb: Workbook, p: PivotSpec): { cells: Cell[] | null; formats: string } | null {
  const src = wb.sheetById(p.source.sheetId);
  if (!src) return null;
  const { row, col, numRows, numCols } = p.source.rect;
  const last = Math.min(row + numRows - 1, Math.max(src.rows.length, row));
  const cells: Cell[] = [];
  for (let r = row; r <= last; r++) {
    const vals = src.rows[r - 1];
    for (let c = col; c < col + numCols; c++) {
      const v = vals?.[c - 1];
      if (v instanceof Formula) return { cells: null, formats: '' };
      cells.push(v);
    }
  }
  const formats = JSON.stringify(src.fmt.numberFormat.cols.slice(col, col + numCols));
  return { cells, formats };
}

/** The source still holds exactly the cells of the snapshot (compared in place: nothing copied). */
function unchanged(wb: Workbook, p: PivotSpec, snap: Cell[]): boolean {
  const src = wb.sheetById(p.source.sheetId);
  if (!src) return false;
  const { row, col, numRows, numCols } = p.source.rect;
  const last = Math.min(row + numRows - 1, Math.max(src.rows.length, row));
  if ((last - row + 1) * numCols !== snap.length) return false;
  let i = 0;
  for (let r = row; r <= last; r++) {
    const vals = src.rows[r - 1];
    for (let c = col; c < col + numCols; c++, i++) {
      const x = vals?.[c - 1];
      const y = snap[i];
      if (x !== y && !(x instanceof Date && y instanceof Date && x.getTime() === y.getTime())) return false;
    }
  }
  return true;
}

function computed(wb: Workbook, p: PivotSpec, sheet: SheetData, now: number): PivotOutput | '#REF!' {
  const key = JSON.stringify([{ ...p, out: null }, slicersFor(p, sheet), wb.locale, wb.timeZone]);
  const memo = memos.get(p);
  const src = wb.sheetById(p.source.sheetId);
  const formats = src ? JSON.stringify(src.fmt.numberFormat.cols.slice(p.source.rect.col, p.source.rect.col + p.source.rect.numCols)) : '';
  if (memo && memo.cells && memo.key === key && memo.formats === formats && unchanged(wb, p, memo.cells)) return memo.res;
  const res = computePivot(wb, p, sheet, now);
  const snap = sourceCells(wb, p);
  memos.set(p, { key, cells: snap?.cells ?? null, formats, res });
  return res;
}

const overlaps = (a: Rect, b: Rect) =>
  a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols;

/** Recomputes every pivot of a sheet and writes its cells. */
export function refreshPivots(wb: Workbook, sheet: SheetData, now: number): void {
  if (!sheet.pivots.length) return;
  for (const p of sheet.pivots) clearPivotOutput(sheet, p);
  const placed: Rect[] = [];
  for (const p of sheet.pivots) {
    const res = computed(wb, p, sheet, now);
    let cells: Cell[][] = res === '#REF!' ? [['#REF!']] : res.cells;
    let percent = res === '#REF!' ? [] : res.percent;
    let headerRows = res === '#REF!' ? 0 : res.headerRows;
    let labelCols = res === '#REF!' ? 0 : res.labelCols;
    let totalRows = res === '#REF!' ? [] : res.totalRows;
    let totalCols = res === '#REF!' ? [] : res.totalCols;
    if (!cells.length || !cells[0].length) continue;
    const rect = { row: p.anchor.row, col: p.anchor.col, numRows: cells.length, numCols: cells[0].length };
    let blocked = placed.some((q) => overlaps(q, rect));
    for (let i = 0; i < rect.numRows && !blocked; i++) {
      const row = sheet.rows[rect.row - 1 + i];
      if (!row) continue;
      for (let j = 0; j < rect.numCols; j++) {
        const v = row[rect.col - 1 + j];
        if (v !== undefined && v !== '') {
          blocked = true;
          break;
        }
      }
    }
    if (blocked) {
      const a = cellAt(sheet, p.anchor.row, p.anchor.col);
      if (a !== undefined && a !== '') continue; // anchor written over
      cells = [['#REF!']];
      percent = [];
      headerRows = labelCols = 0;
      totalRows = totalCols = [];
      rect.numRows = rect.numCols = 1;
    }
    // a pivot grows the grid to fit its result
    sheet.maxRows = Math.max(sheet.maxRows, rect.row + rect.numRows - 1);
    sheet.maxCols = Math.max(sheet.maxCols, rect.col + rect.numCols - 1);
    cells.forEach((vals, i) => {
      const target = sheet.rowForWrite(rect.row + i);
      vals.forEach((v, j) => (target[rect.col - 1 + j] = v === '' ? undefined : v));
    });
    for (const [i, j] of percent) {
      const r = rect.row + i;
      const c = rect.col + j;
      if (sheet.fmt.numberFormat.get(r, c) === undefined) sheet.fmt.numberFormat.fill(r, r, c, c, PERCENT_FORMAT);
    }
    p.out = rect;
    written.set(p, { cells: cells.map((r) => r.map((v) => (v === '' ? undefined : v))), percent, headerRows, labelCols, totalRows, totalCols });
    placed.push(rect);
  }
}
