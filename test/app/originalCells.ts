// "No original cell changed" (issue 23): a snapshot of every cell a team's sheet holds before
// adoption, compared after. A careful reader counts a cell as changed when what it holds or shows
// changes: its value (a Date by its instant), its formula, what it displays (a number format that
// turns 4/24/2024 into 2024-04-24 changes what the team reads) and its note. Styling the header
// (bold, colours) and column-wide rules (dropdowns, protections) change no cell's content and are
// not counted here; a dropdown's effect on a cell that holds a team's word is checked elsewhere.

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface CellSnapshot {
  rows: number;
  cols: number;
  values: unknown[][];
  display: string[][];
  formulas: string[][];
  notes: string[][];
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const show = (v: unknown): string => (isDate(v) ? `Date(${v.toISOString()})` : JSON.stringify(v));

/** Every cell of the sheet's used range as it is now. */
export function snapshotCells(sheet: Sheet): CellSnapshot {
  const rows = sheet.getLastRow();
  const cols = sheet.getLastColumn();
  if (rows < 1 || cols < 1) return { rows: 0, cols: 0, values: [], display: [], formulas: [], notes: [] };
  const range = sheet.getRange(1, 1, rows, cols);
  return { rows, cols, values: range.getValues(), display: range.getDisplayValues(), formulas: range.getFormulas(), notes: range.getNotes() };
}

/**
 * The original cells that changed since `before`, one line each (`B3 value "P1" → "高"`). Rows or
 * columns the sheet lost count as changes; cells added after the original range do not.
 * `allowed(row, col)` (0-based) names cells a test expects to change (e.g. an empty ID cell filled).
 */
export function changedCells(before: CellSnapshot, sheet: Sheet, allowed: (row: number, col: number, was: unknown) => boolean = () => false): string[] {
  const out: string[] = [];
  if (!before.rows) return out;
  const nowRows = sheet.getLastRow();
  const nowCols = sheet.getLastColumn();
  if (nowRows < before.rows || nowCols < before.cols) out.push(`range shrank: ${before.rows}×${before.cols} → ${nowRows}×${nowCols}`);
  const after = snapshotCells(sheet);
  const name = (r: number, c: number) => {
    let s = '';
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return `${s}${r + 1}`;
  };
  for (let r = 0; r < before.rows; r++)
    for (let c = 0; c < before.cols; c++) {
      const was = before.values[r][c];
      if (allowed(r, c, was)) continue;
      const now = after.values[r]?.[c];
      const same = isDate(was) ? isDate(now) && now.getTime() === was.getTime() : now === was;
      if (!same) out.push(`${name(r, c)} value ${show(was)} → ${show(now)}`);
      if ((after.display[r]?.[c] ?? '') !== before.display[r][c]) out.push(`${name(r, c)} shows ${JSON.stringify(before.display[r][c])} → ${JSON.stringify(after.display[r]?.[c])}`);
      if ((after.formulas[r]?.[c] ?? '') !== before.formulas[r][c]) out.push(`${name(r, c)} formula ${JSON.stringify(before.formulas[r][c])} → ${JSON.stringify(after.formulas[r]?.[c])}`);
      if ((after.notes[r]?.[c] ?? '') !== before.notes[r][c]) out.push(`${name(r, c)} note ${JSON.stringify(before.notes[r][c])} → ${JSON.stringify(after.notes[r]?.[c])}`);
    }
  return out;
}
