// What a person sees on a sheet at an instant: display text, the effective colours (static
// formats overlaid by the first matching conditional-format rule), widths, frozen rows, dropdowns.
import { cellA1, rangeA1 } from './a1';
import { conditionalOverlay } from './conditionalFormat';
import { FErr, readCell } from './formula';
import { refreshPivots, renderPivots, renderSlicers, type RenderedPivot, type RenderedSlicer } from './pivot';
import { listItems } from './validation';
import { Formula, formatDisplay, Scalar } from './values';
import { DEFAULT_COL_WIDTH, SheetData, Workbook } from './workbook';

export interface RenderedCell {
  a1: string;
  display: string;
  background: string;
  fontWeight: 'bold' | 'normal';
  fontColor: string;
  italic: boolean;
  hAlign?: string;
  wrap: boolean;
  note?: string;
  formula?: string;
  /** dropdown entries when the cell has a list validation */
  list?: string[];
  /** the list shows as a dropdown chip (requireValueInList(values, true)) */
  dropdown?: boolean;
  /** a validation rule rejects invalid input (allowInvalid = false) */
  strict?: boolean;
  helpText?: string;
  /** a warned (allowInvalid) value sits in the cell */
  invalid?: boolean;
}

export interface RenderedSheet {
  name: string;
  sheetId: number;
  index: number;
  hidden: boolean;
  tabColor: string | null;
  frozenRows: number;
  frozenCols: number;
  maxRows: number;
  maxCols: number;
  /** rows/cols rendered (content area, capped by maxRows) */
  numRows: number;
  numCols: number;
  truncated: boolean;
  colWidths: number[];
  hiddenCols: number[];
  rows: RenderedCell[][];
  charts: Array<{
    id: number;
    type: string;
    ranges: string[];
    options: Record<string, unknown>;
    position: { row: number; col: number };
  }>;
  /** Pivot tables anchored on the sheet: their cells are in `rows` like any others. */
  pivots: RenderedPivot[];
  /** Slicers on the sheet, with the values each lists and which are ticked. */
  slicers: RenderedSlicer[];
}

export function renderSheet(
  wb: Workbook,
  sheetName: string,
  nowMs: number,
  opts: { maxRows?: number } = {},
): RenderedSheet {
  const sheet = wb.sheetByName(sheetName);
  if (!sheet) throw new Error(`No sheet named ${sheetName}`);
  refreshPivots(wb, sheet, nowMs);
  const lastRow = Math.max(1, sheet.lastRow(), sheet.frozenRows);
  const lastCol = Math.max(1, sheet.lastCol(), headerWidth(sheet));
  const numRows = Math.min(lastRow, opts.maxRows ?? 2000);
  const numCols = lastCol;
  const overlay = conditionalOverlay(wb, sheet, { row: 1, col: 1, numRows, numCols }, nowMs);
  const f = sheet.fmt;
  const rows: RenderedCell[][] = [];
  const listCache = new Map<unknown, string[] | undefined>();
  for (let r = 1; r <= numRows; r++) {
    const out: RenderedCell[] = [];
    for (let c = 1; c <= numCols; c++) {
      const raw = sheet.rows[r - 1]?.[c - 1];
      const v = readCell(wb, sheet, r, c, nowMs);
      const fmt = f.numberFormat.get(r, c);
      const display =
        v instanceof FErr ? v.code : formatDisplay(v as Scalar | undefined, fmt, wb.timeZone, wb.locale);
      const cf = overlay.get(r * 100000 + c);
      const cell: RenderedCell = {
        a1: cellA1(r, c),
        display,
        background: cf?.background ?? f.background.get(r, c) ?? '#ffffff',
        fontWeight: (cf?.bold ?? f.fontWeight.get(r, c) === 'bold') ? 'bold' : 'normal',
        fontColor: cf?.fontColor ?? f.fontColor.get(r, c) ?? '#000000',
        italic: cf?.italic ?? f.fontStyle.get(r, c) === 'italic',
        wrap: f.wrap.get(r, c) === 'WRAP',
      };
      const h = f.hAlign.get(r, c);
      if (h) cell.hAlign = h;
      const note = f.note.get(r, c);
      if (note) cell.note = note;
      if (raw instanceof Formula) cell.formula = raw.src;
      const spec = f.validation.get(r, c);
      if (spec) {
        if (!listCache.has(spec)) listCache.set(spec, listItems(spec, wb, nowMs));
        const list = listCache.get(spec);
        if (list) {
          cell.list = list;
          cell.dropdown = spec.args[1] !== false;
        }
        cell.strict = !spec.allowInvalid;
        if (spec.helpText) cell.helpText = spec.helpText;
      }
      if (f.invalid.get(r, c)) cell.invalid = true;
      out.push(cell);
    }
    rows.push(out);
  }
  const colWidths: number[] = [];
  const hiddenCols: number[] = [];
  for (let c = 1; c <= numCols; c++) {
    colWidths.push(sheet.colWidths[c] ?? DEFAULT_COL_WIDTH);
    if (sheet.hiddenCols[c]) hiddenCols.push(c);
  }
  return {
    name: sheet.name,
    sheetId: sheet.id,
    index: wb.sheets.indexOf(sheet) + 1,
    hidden: sheet.hidden,
    tabColor: sheet.tabColor,
    frozenRows: sheet.frozenRows,
    frozenCols: sheet.frozenCols,
    maxRows: sheet.maxRows,
    maxCols: sheet.maxCols,
    numRows,
    numCols,
    truncated: numRows < lastRow,
    colWidths,
    hiddenCols,
    rows,
    charts: sheet.charts.map((ch) => ({
      id: ch.id,
      type: ch.type,
      ranges: ch.ranges.map((x) => {
        const s = wb.sheetById(x.sheetId);
        return `${s?.name ?? '?'}!${rangeA1(x.rect.row, x.rect.col, x.rect.numRows, x.rect.numCols)}`;
      }),
      options: { ...ch.options },
      position: { row: ch.position.row, col: ch.position.col },
    })),
    pivots: renderPivots(wb, sheet),
    slicers: renderSlicers(wb, sheet, nowMs),
  };
}

/** Columns that carry formatting in the header row count toward the rendered width. */
function headerWidth(sheet: SheetData): number {
  let w = 0;
  for (const c of Object.keys(sheet.colWidths)) w = Math.max(w, Number(c));
  return Math.min(w, sheet.maxCols);
}
