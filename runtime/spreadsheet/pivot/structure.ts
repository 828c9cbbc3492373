// Rows and columns inserted or deleted move pivot tables and slicers as they move everything else
// in Sheets: a pivot's anchor moves with its cell (deleting the anchor's row or column deletes the
// pivot), a source range grows, shrinks or moves with its sheet's rows and columns, a group, value
// or filter follows its source column (and goes when that column is deleted), a slicer's column
// position stays on its column. A source range deleted whole leaves the pivot showing #REF!.
import type { Rect, SheetData, Workbook } from '../workbook';
import type { PivotSpec } from './model';
import { forgetOutput } from './sync';

type Axis = 'row' | 'col';
type MoveRect = (rect: Rect, axis: Axis, at: number, n: number) => Rect | null;
type MoveIndex = (i: number, at: number, n: number) => number | null;

export function movePivots(wb: Workbook, sheet: SheetData, axis: Axis, at: number, n: number, moveRect: MoveRect, moveIndex: MoveIndex): void {
  for (const s of wb.sheets) {
    if (s === sheet) {
      s.pivots = s.pivots.filter((p) => {
        const k = moveIndex(axis === 'row' ? p.anchor.row : p.anchor.col, at, n);
        if (k === null) return false;
        if (axis === 'row') p.anchor.row = k;
        else p.anchor.col = k;
        // the cells it wrote moved with the rows: what it wrote is no longer where it was
        p.out = p.out ? moveRect(p.out, axis, at, n) : null;
        forgetOutput(p);
        return true;
      });
    }
    for (const p of s.pivots) if (p.source.sheetId === sheet.id) moveSource(p, axis, at, n, moveRect, moveIndex);
    for (const sl of s.slicers) {
      if (sl.source.sheetId !== sheet.id) continue;
      const abs = sl.colPos === null ? null : sl.source.rect.col + sl.colPos - 1;
      const m = moveRect(sl.source.rect, axis, at, n);
      if (!m) {
        sl.source = { sheetId: -1, rect: sl.source.rect };
        continue;
      }
      sl.source.rect = m;
      if (axis === 'col' && abs !== null) {
        const c = moveIndex(abs, at, n);
        sl.colPos = c === null ? null : c - m.col + 1;
        if (c === null) sl.criteria = null;
      }
    }
  }
}

function moveSource(p: PivotSpec, axis: Axis, at: number, n: number, moveRect: MoveRect, moveIndex: MoveIndex): void {
  const m = moveRect(p.source.rect, axis, at, n);
  if (!m) {
    p.source = { sheetId: -1, rect: p.source.rect };
    return;
  }
  p.source.rect = m;
  if (axis !== 'col') return;
  const move = <T extends { col: number }>(xs: T[]): T[] =>
    xs.filter((x) => {
      const c = moveIndex(x.col, at, n);
      if (c !== null) x.col = c;
      return c !== null;
    });
  p.rows = move(p.rows);
  p.cols = move(p.cols);
  p.filters = move(p.filters);
  const before = p.values.length;
  const kept = p.values.filter((v) => {
    if (v.col === null) return true;
    const c = moveIndex(v.col, at, n);
    if (c !== null) v.col = c;
    return c !== null;
  });
  if (kept.length !== before) {
    // sorts by a value that went: dropped; others re-pointed
    const index = p.values.map((v) => kept.indexOf(v));
    for (const g of [...p.rows, ...p.cols]) {
      if (!g.sortBy) continue;
      const i = index[g.sortBy.value];
      g.sortBy = i < 0 ? null : { ...g.sortBy, value: i };
    }
    p.values = kept;
  }
}
