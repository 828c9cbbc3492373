// Formula-like user text in plain-text (`@`) columns, written as Rich Text (issue 16). setValues reads
// a string as if typed, and in a plain-text cell an apostrophe put before `=1+1` stays visible, in
// the sheet and in an exported .xlsx. A Rich Text value is "a stylized text string used to represent
// cell text" (reference/spreadsheet/rich-text-value; range#getrichtextvalue is null "if the cell value
// is not text"): the cell holds exactly what was typed, never a formula, whatever its number format.
// The block is written first with such cells in their protected form (`'=1+1`: text whatever happens
// next), then each run of them once more as Rich Text: two calls a run, only where such text is.
import type { TextValueRun } from '../domain/text';
import { textValueRuns } from '../domain/text';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Writes the runs `textValueRuns` found in a block whose top-left cell is (top, left). `top` may be
 * a function (the row appendRow chose, found and checked only when there is something to write;
 * null: not found, the protected form stays). Returns the spreadsheet calls made.
 */
export function writeTextValues(
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  sheet: Sheet,
  top: number | (() => number | null),
  left: number,
  block: readonly (readonly unknown[])[],
  columns: (col: number) => boolean,
): void {
  const runs: TextValueRun[] = textValueRuns(block, columns);
  if (!runs.length) return;
  const row0 = typeof top === 'function' ? top() : top;
  if (row0 === null) return;
  for (const run of runs) {
    const values = run.texts.map((t) => app.newRichTextValue().setText(t).build());
    sheet.getRange(row0 + run.row, left + run.col, 1, values.length).setRichTextValues([values]);
  }
}
