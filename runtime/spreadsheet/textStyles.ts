// Range.setTextStyle / setTextStyles (reference/spreadsheet/range#settextstylestyle, #settextstylesstyles):
// "Sets the text style for the cells in the range" / "Sets a rectangular grid of text styles". A
// TextStyle (SpreadsheetApp.newTextStyle()…build()) carries the attributes its builder set; one it
// leaves unset reads null (reference/spreadsheet/text-style: "or null if …"), and the cell keeps its
// own for that attribute: the style is a partial format, as a Sheets API textFormat with its field
// mask (*model*: the reference does not say; the self-test case range.set-text-styles checks it on
// Google). Strict where the reference is silent: a null or foreign style in the grid, or a style
// asking for underline and strikethrough together (the workbook keeps one font line per cell), throw.
import { NotProvidedError } from '../instrument';
import { normColor } from './common';
import { textStyleFields, type StyleFields } from './richText';
import type { Rect, SheetFormats } from './workbook';

/** The cell defaults the format runs leave implicit (undefined): a value equal to one is stored as undefined. */
export interface TextDefaults {
  fontSize: number;
  fontFamily: string;
}

/** Writes `grid` (numRows × numCols StyleFields, checked by the caller) over `rect`. */
export function writeTextStyles(fmt: SheetFormats, rect: Rect, grid: StyleFields[][], defaults: TextDefaults): void {
  const { row, col, numCols } = rect;
  const column = <T>(j: number, runs: { get(r: number, c: number): T | undefined }, pick: (s: StyleFields, cur: T | undefined) => T | undefined) =>
    grid.map((cells, i) => pick(cells[j], runs.get(row + i, col + j)));
  for (let j = 0; j < numCols; j++) {
    const c = col + j;
    fmt.fontWeight.setColumn(c, row, column(j, fmt.fontWeight, (s, cur) => (s.bold === null ? cur : s.bold ? 'bold' : undefined)));
    fmt.fontStyle.setColumn(c, row, column(j, fmt.fontStyle, (s, cur) => (s.italic === null ? cur : s.italic ? 'italic' : undefined)));
    fmt.fontColor.setColumn(c, row, column(j, fmt.fontColor, (s, cur) => (s.foregroundColor === null ? cur : normColor(s.foregroundColor))));
    fmt.fontSize.setColumn(c, row, column(j, fmt.fontSize, (s, cur) => (s.fontSize === null ? cur : s.fontSize === defaults.fontSize ? undefined : s.fontSize)));
    fmt.fontFamily.setColumn(c, row, column(j, fmt.fontFamily, (s, cur) => (s.fontFamily === null ? cur : s.fontFamily === defaults.fontFamily ? undefined : s.fontFamily)));
    fmt.fontLine.setColumn(
      c,
      row,
      column(j, fmt.fontLine, (s, cur) => {
        const underline = s.underline ?? cur === 'underline';
        const through = s.strikethrough ?? cur === 'line-through';
        if (underline && through) throw new NotProvidedError('Range', 'setTextStyles (underline and strikethrough in one cell)');
        return underline ? 'underline' : through ? 'line-through' : undefined;
      }),
    );
  }
}

/** The fields of each style in a setTextStyles grid; a null or foreign entry is refused. */
export function styleGrid(styles: unknown[][]): StyleFields[][] {
  return styles.map((r) => r.map((s) => textStyleFields(s)));
}
