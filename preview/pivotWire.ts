// Pivot tables and slicers as the page shows them: where each pivot's header rows and total rows
// and columns are (for Sheets' pivot look), and each slicer's values with the ones it shows.
import { parseA1 } from '../runtime/spreadsheet/a1';
import { pivotLabels } from '../runtime/spreadsheet/pivot';
import type { RenderedSheet } from '../runtime/spreadsheet';
import type { WirePivot, WireSlicer } from './protocol';

export function wirePivots(r: RenderedSheet, locale: string): WirePivot[] {
  const labels = pivotLabels(locale);
  // A group's total reads "<label> Total" ("<label> 汇总"), the last row or column "Grand Total".
  const suffix = labels.total('');
  const isTotal = (t: string | undefined) =>
    !!t && (t === labels.grandTotal || (t.length > suffix.length && t.endsWith(suffix)));
  const text = (row: number, col: number) => r.rows[row - 1]?.[col - 1]?.display;
  return r.pivots.map((p) => {
    const ref = parseA1(p.range);
    const row = ref?.row ?? 1;
    const col = ref?.col ?? 1;
    const numRows = ref ? (ref.endRow ?? ref.row) - ref.row + 1 : 1;
    const numCols = ref ? (ref.endCol ?? ref.col) - ref.col + 1 : 1;
    const totalRows: number[] = [];
    const totalCols: number[] = [];
    if (!p.error) {
      for (let y = row + p.headerRows; y < row + numRows; y++)
        for (let x = col; x < col + Math.max(1, p.labelCols); x++)
          if (isTotal(text(y, x))) {
            totalRows.push(y);
            break;
          }
      for (let x = col + p.labelCols; x < col + numCols; x++)
        for (let y = row; y < row + p.headerRows; y++)
          if (isTotal(text(y, x))) {
            totalCols.push(x);
            break;
          }
    }
    return {
      id: p.id,
      row,
      col,
      numRows,
      numCols,
      headerRows: p.error ? 0 : p.headerRows,
      totalRows,
      totalCols,
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
