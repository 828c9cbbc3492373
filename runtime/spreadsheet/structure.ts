// Inserting and deleting rows/columns: values, sparse formats, rule ranges, protections, charts,
// pivot tables and slicers (pivot/structure.ts) and every formula reference into the sheet move
// together, as they do in Sheets.
import { rewriteRefs } from './formula';
import { movePivots } from './pivot/structure';
import { Runs } from './runs';
import { Formula } from './values';
import type { Rect, SheetData, Workbook } from './workbook';

type Axis = 'row' | 'col';

/** Moves a rectangle for an insert (n > 0 before `at`) or delete (n < 0 of rows at..at-n-1). */
function moveRect(rect: Rect, axis: Axis, at: number, n: number): Rect | null {
  const start = axis === 'row' ? rect.row : rect.col;
  const size = axis === 'row' ? rect.numRows : rect.numCols;
  const end = start + size - 1;
  let s = start;
  let e = end;
  if (n > 0) {
    if (start >= at) {
      s += n;
      e += n;
    } else if (end >= at) e += n;
  } else {
    const d1 = at;
    const d2 = at - n - 1;
    const cut = Math.max(0, Math.min(end, d2) - Math.max(start, d1) + 1);
    if (cut === size) return null;
    if (start > d2) s += n;
    else if (start >= d1) s = d1;
    e = s + size - cut - 1;
  }
  return axis === 'row' ? { ...rect, row: s, numRows: e - s + 1 } : { ...rect, col: s, numCols: e - s + 1 };
}

function moveIndex(i: number, at: number, n: number): number | null {
  if (n > 0) return i >= at ? i + n : i;
  if (i >= at && i <= at - n - 1) return null;
  return i > at - n - 1 ? i + n : i;
}

/** Rewrites formulas everywhere that point into `sheet`. */
function moveFormulaRefs(wb: Workbook, sheet: SheetData, axis: Axis, at: number, n: number): void {
  for (const s of wb.sheets) {
    for (const row of s.rows) {
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (!(v instanceof Formula)) continue;
        const src = rewriteRefs(v.src, (e, target) => {
          const points = target === undefined ? s === sheet : target === sheet.name;
          if (!points) return e;
          const k = axis === 'row' ? e.row : e.col;
          if (k === undefined) return e;
          const moved = moveIndex(k, at, n);
          if (moved === null) return null;
          return axis === 'row' ? { ...e, row: moved } : { ...e, col: moved };
        });
        if (src !== v.src) row[c] = new Formula(src);
      }
    }
  }
}

function moveRecords(wb: Workbook, sheet: SheetData, axis: Axis, at: number, n: number): void {
  // A merged block moves and grows or shrinks with its rows/columns; one cell left is no merge.
  sheet.merges = sheet.merges
    .map((m) => moveRect(m, axis, at, n))
    .filter((m): m is Rect => !!m && m.numRows * m.numCols > 1);
  sheet.cfRules = sheet.cfRules
    .map((r) => ({
      ...r,
      ranges: r.ranges.map((x) => moveRect(x, axis, at, n)).filter((x): x is Rect => !!x),
    }))
    .filter((r) => r.ranges.length > 0);
  wb.protections = wb.protections.filter((p) => {
    if (p.sheetId !== sheet.id) return true;
    p.unprotected = p.unprotected.map((x) => moveRect(x, axis, at, n)).filter((x): x is Rect => !!x);
    if (!p.rect) return true;
    const m = moveRect(p.rect, axis, at, n);
    if (m) p.rect = m;
    return !!m;
  });
  for (const s of wb.sheets) {
    for (const ch of s.charts) {
      ch.ranges = ch.ranges.flatMap((r) => {
        if (r.sheetId !== sheet.id) return [r];
        const m = moveRect(r.rect, axis, at, n);
        return m ? [{ ...r, rect: m }] : [];
      });
    }
  }
  for (const [name, nr] of Object.entries(wb.namedRanges)) {
    if (nr.sheetId !== sheet.id) continue;
    const m = moveRect(nr.rect, axis, at, n);
    if (m) nr.rect = m;
    else delete wb.namedRanges[name];
  }
  movePivots(wb, sheet, axis, at, n, moveRect, moveIndex);
  moveFormulaRefs(wb, sheet, axis, at, n);
}

const NO_INHERIT = new Set(['note', 'invalid']);

export function insertRows(wb: Workbook, sheet: SheetData, at: number, n: number): void {
  if (at <= sheet.rows.length) sheet.rows.splice(at - 1, 0, ...new Array(n).fill(undefined));
  for (const [k, runs] of Object.entries(sheet.fmt) as Array<[string, Runs<unknown>]>)
    runs.insertRows(at, n, !NO_INHERIT.has(k));
  sheet.rowHeights = moveKeys(sheet.rowHeights, at, n);
  sheet.hiddenRows = moveKeys(sheet.hiddenRows, at, n);
  sheet.maxRows += n;
  moveRecords(wb, sheet, 'row', at, n);
}

export function deleteRows(wb: Workbook, sheet: SheetData, at: number, n: number): void {
  sheet.rows.splice(at - 1, n);
  for (const runs of Object.values(sheet.fmt) as Array<Runs<unknown>>) runs.deleteRows(at, n);
  sheet.rowHeights = moveKeys(sheet.rowHeights, at, -n);
  sheet.hiddenRows = moveKeys(sheet.hiddenRows, at, -n);
  sheet.maxRows -= n;
  if (sheet.frozenRows >= at) sheet.frozenRows = Math.max(at - 1, sheet.frozenRows - n);
  moveRecords(wb, sheet, 'row', at, -n);
}

export function insertCols(wb: Workbook, sheet: SheetData, at: number, n: number): void {
  for (const row of sheet.rows)
    if (row && row.length >= at) row.splice(at - 1, 0, ...new Array(n).fill(undefined));
  for (const runs of Object.values(sheet.fmt) as Array<Runs<unknown>>) runs.insertCols(at, n);
  sheet.colWidths = moveKeys(sheet.colWidths, at, n);
  sheet.hiddenCols = moveKeys(sheet.hiddenCols, at, n);
  sheet.maxCols += n;
  moveRecords(wb, sheet, 'col', at, n);
}

export function deleteCols(wb: Workbook, sheet: SheetData, at: number, n: number): void {
  for (const row of sheet.rows) if (row && row.length >= at) row.splice(at - 1, n);
  for (const runs of Object.values(sheet.fmt) as Array<Runs<unknown>>) runs.deleteCols(at, n);
  sheet.colWidths = moveKeys(sheet.colWidths, at, -n);
  sheet.hiddenCols = moveKeys(sheet.hiddenCols, at, -n);
  sheet.maxCols -= n;
  if (sheet.frozenCols >= at) sheet.frozenCols = Math.max(at - 1, sheet.frozenCols - n);
  moveRecords(wb, sheet, 'col', at, -n);
}

function moveKeys<T>(o: Record<number, T>, at: number, n: number): Record<number, T> {
  const out: Record<number, T> = {};
  for (const [k, v] of Object.entries(o)) {
    const m = moveIndex(Number(k), at, n);
    if (m !== null) out[m] = v;
  }
  return out;
}
