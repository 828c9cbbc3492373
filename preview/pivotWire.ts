// Pivot tables and slicers as the page shows them: where each pivot's header rows and total rows
// and columns are (the runtime's layout says; the page gives them Sheets' pivot look), and each
// slicer's values with the ones it shows.
import { parseA1 } from '../runtime/spreadsheet/a1';
import type { RenderedSheet } from '../runtime/spreadsheet';
import type { WirePivot, WireSlicer } from './protocol';

export function wirePivots(r: RenderedSheet): WirePivot[] {
  return r.pivots.map((p) => {
    const ref = parseA1(p.range);
    const row = ref?.row ?? 1;
    const col = ref?.col ?? 1;
    return {
      id: p.id,
      row,
      col,
      numRows: ref ? (ref.endRow ?? ref.row) - ref.row + 1 : 1,
      numCols: ref ? (ref.endCol ?? ref.col) - ref.col + 1 : 1,
      headerRows: p.error ? 0 : p.headerRows,
      totalRows: p.error ? [] : p.totalRows,
      totalCols: p.error ? [] : p.totalCols,
      error: p.error,
    };
  });
}

export function wireSlicers(r: RenderedSheet): WireSlicer[] {
  return r.slicers.map((s, index) => ({
    index,
    id: s.id,
    title: s.title,
    columnName: s.columnName,
    column: s.column,
    row: s.position.row,
    col: s.position.col,
    offsetX: s.position.offsetX,
    offsetY: s.position.offsetY,
    values: s.values,
    visible: s.visible,
    hidden: s.hidden,
  }));
}
