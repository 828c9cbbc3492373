// What the grid view (render.ts, the preview) needs of pivots and slicers, and the one thing a
// person does with a slicer there: tick the values it shows. On Google a slicer click filters
// "in a non-collaborative manner" for the person; here it sets the slicer's criteria, which is
// what a script reading Slicer.getFilterCriteria() afterwards would see of an edit saved by the
// sheet's owner (docs/fidelity.md).
import { rangeA1 } from '../a1';
import type { SheetData, Workbook } from '../workbook';
import { compareLabels, Source } from './compute';
import type { PivotSpec, SlicerSpec } from './model';
import { pivotLayout, refreshPivots } from './sync';

export interface RenderedPivot {
  id: number;
  /** anchor cell, e.g. "A1" */
  anchor: string;
  /** cells the pivot shows, e.g. "A1:F12" (just the anchor when it shows #REF!) */
  range: string;
  source: string;
  headerRows: number;
  labelCols: number;
  /** 1-based sheet rows / columns holding totals (subtotals and the Grand Total), for bold styling */
  totalRows: number[];
  totalCols: number[];
  /** true when the pivot shows #REF! (its result would overwrite data) */
  error: boolean;
}

export interface RenderedSlicer {
  id: number;
  title: string;
  /** data range, e.g. "Review data!A1:R500" */
  range: string;
  /** 1-based column position in the data range, null until set */
  column: number | null;
  /** header text of that column ('' when unset) */
  columnName: string;
  position: { row: number; col: number; offsetX: number; offsetY: number };
  applyToPivotTables: boolean;
  /** every value the column shows (what the slicer lists), in Sheets' ascending order */
  values: string[];
  /** values ticked: null = all (no visible-values criteria) */
  visible: string[] | null;
  hidden: string[];
  /** a condition (BooleanCriteria name) set beside the values, or null */
  condition: string | null;
}

const a1Of = (wb: Workbook, s: { sheetId: number; rect: { row: number; col: number; numRows: number; numCols: number } }) => {
  const sh = wb.sheetById(s.sheetId);
  return `${sh?.name ?? '#REF!'}!${rangeA1(s.rect.row, s.rect.col, s.rect.numRows, s.rect.numCols)}`;
};

export function renderPivots(wb: Workbook, sheet: SheetData): RenderedPivot[] {
  return sheet.pivots.map((p: PivotSpec) => {
    const lay = pivotLayout(p);
    const rect = lay?.rect ?? { row: p.anchor.row, col: p.anchor.col, numRows: 1, numCols: 1 };
    return {
      id: p.id,
      anchor: rangeA1(p.anchor.row, p.anchor.col, 1, 1),
      range: rangeA1(rect.row, rect.col, rect.numRows, rect.numCols),
      source: a1Of(wb, p.source),
      headerRows: lay?.headerRows ?? 0,
      labelCols: lay?.labelCols ?? 0,
      totalRows: (lay?.totalRows ?? []).map((i) => rect.row + i),
      totalCols: (lay?.totalCols ?? []).map((j) => rect.col + j),
      error: lay?.error ?? false,
    };
  });
}

export function renderSlicers(wb: Workbook, sheet: SheetData, now: number): RenderedSlicer[] {
  return sheet.slicers.map((s: SlicerSpec) => {
    const src = wb.sheetById(s.source.sheetId);
    let values: string[] = [];
    let columnName = '';
    if (src && s.colPos !== null) {
      const source = new Source(wb, src, s.source.rect, now);
      const col = s.source.rect.col + s.colPos - 1;
      columnName = source.header(col);
      const vals = source.values(col);
      const shown = source.shown(col);
      const seen = new Map<string, unknown>();
      shown.forEach((t, i) => seen.has(t) || seen.set(t, vals[i]));
      values = [...seen.entries()].sort((a, b) => compareLabels(a[1], b[1])).map(([t]) => t);
    }
    return {
      id: s.id,
      title: s.title,
      range: a1Of(wb, s.source),
      column: s.colPos,
      columnName,
      position: { ...s.position },
      applyToPivotTables: s.applyToPivots,
      values,
      visible: s.criteria?.visible ? [...s.criteria.visible] : null,
      hidden: s.criteria ? [...s.criteria.hidden] : [],
      condition: s.criteria?.type ?? null,
    };
  });
}

/**
 * A person ticks values in a slicer (the preview): `visible` null shows everything. The slicer
 * must have a column; its condition, if any, is kept. Pivots recompute on the next read.
 */
export function setSlicerVisibleValues(wb: Workbook, sheetName: string, slicerId: number, visible: string[] | null, now: number): void {
  const sheet = wb.sheetByName(sheetName);
  const s = sheet?.slicers.find((x) => x.id === slicerId);
  if (!sheet || !s) throw new Error(`No slicer ${slicerId} on sheet ${sheetName}`);
  if (s.colPos === null) throw new Error('The slicer has no column to filter');
  const c = s.criteria ?? { type: null, args: [], visible: null, hidden: [] };
  s.criteria = { ...c, visible: visible ? visible.map(String) : null, hidden: [] };
  if (!s.criteria.type && !s.criteria.visible) s.criteria = null;
  refreshPivots(wb, sheet, now);
}
