// A person typing into (or pasting over) cells: the text is parsed as the Sheets editor does,
// protections and data validation are enforced (unlike script writes), and the data an onEdit
// event carries is returned.
import type { RuntimeContext } from '../context';
import { isDate } from '../context';
import { parseA1, rangeA1 } from './a1';
import { FErr, readCell } from './formula';
import { canEditCell, ownerOf } from './protection';
import { toSerial } from '../zone';
import { defaultRejectMessage, passes } from './validation';
import {
  AUTO_FORMAT,
  Cell,
  Formula,
  formatDisplay,
  MAX_CELL_CHARS,
  parseTyped,
  Scalar,
  TEXT_FORMAT,
} from './values';
import type { Workbook } from './workbook';

export type HandEditResult =
  | { ok: true; sheetName: string; a1: string; value?: unknown; oldValue?: unknown; multi: boolean; pasted?: boolean }
  | { ok: false; reason: string; refusal: EditRefusal };

/**
 * Why a typed value was refused, for a caller that words it in the sheet's language (the CLI): what
 * the reason says, as a kind. `help` is a validation rule's own help text, shown as is.
 */
export type EditRefusal =
  | { kind: 'rangeNotFound'; range: string }
  | { kind: 'sheetNotFound'; sheet: string }
  | { kind: 'outsideSheet' | 'pasteMismatch' | 'protected' | 'tooLong' }
  | { kind: 'validation'; criteria: string; help?: string };

/**
 * e.value / e.oldValue as Apps Script gives them: strings of the raw value (numbers as typed,
 * dates as their serial number, booleans "TRUE"/"FALSE"); undefined for an empty cell.
 */
function eventValue(v: Scalar | undefined | FErr, tz: string): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (v instanceof FErr) return v.code;
  if (isDate(v)) return String(toSerial(tz, (v as Date).getTime()));
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export function handEdit(
  wb: Workbook,
  ctx: RuntimeContext,
  a1: string,
  values: string | string[][],
): HandEditResult {
  const ref = parseA1(a1);
  if (!ref) return { ok: false, reason: 'Range not found', refusal: { kind: 'rangeNotFound', range: a1 } };
  const sheet = ref.sheet === undefined ? wb.activeSheet() : wb.sheetByName(ref.sheet);
  if (!sheet) return { ok: false, reason: `Sheet not found: ${ref.sheet}`, refusal: { kind: 'sheetNotFound', sheet: String(ref.sheet) } };
  let numRows = (ref.endRow ?? sheet.maxRows) - ref.row + 1;
  let numCols = (ref.endCol ?? sheet.maxCols) - ref.col + 1;
  // Checked before the grid is built: a range past the sheet must never size an allocation.
  if (ref.row + numRows - 1 > sheet.maxRows || ref.col + numCols - 1 > sheet.maxCols)
    return { ok: false, reason: 'The range is outside the sheet.', refusal: { kind: 'outsideSheet' } };
  let grid: string[][];
  if (typeof values === 'string')
    grid = Array.from({ length: numRows }, () => new Array(numCols).fill(values));
  else {
    // pasting a block into one cell fills a block of the block's size
    if (numRows === 1 && numCols === 1) {
      numRows = values.length;
      numCols = Math.max(...values.map((r) => r.length));
    }
    if (values.length !== numRows || values.some((r) => r.length !== numCols))
      return { ok: false, reason: 'The pasted data does not match the selected range.', refusal: { kind: 'pasteMismatch' } };
    grid = values;
  }
  if (ref.row + numRows - 1 > sheet.maxRows || ref.col + numCols - 1 > sheet.maxCols)
    return { ok: false, reason: 'The range is outside the sheet.', refusal: { kind: 'outsideSheet' } };

  const now = ctx.clock.now();
  const who = ctx.user.active || ctx.user.effective;
  const owner = ownerOf(wb, { ctx });
  const writes: Array<{ r: number; c: number; cell: Cell; implied?: string; invalid: boolean }> = [];
  for (let i = 0; i < numRows; i++) {
    for (let j = 0; j < numCols; j++) {
      const r = ref.row + i;
      const c = ref.col + j;
      const text = String(grid[i][j] ?? '');
      if (!canEditCell(wb, sheet, r, c, who, owner)) {
        return {
          ok: false,
          reason:
            'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
          refusal: { kind: 'protected' },
        };
      }
      if (text.length > MAX_CELL_CHARS)
        return {
          ok: false,
          reason: 'Your input contains more than the maximum of 50000 characters in a single cell.',
          refusal: { kind: 'tooLong' },
        };
      const fmt = sheet.fmt.numberFormat.get(r, c);
      const parsed =
        fmt === TEXT_FORMAT
          ? { cell: text === '' ? undefined : (text as Cell) }
          : parseTyped(text, wb.timeZone, wb.locale);
      const spec = sheet.fmt.validation.get(r, c);
      let invalid = false;
      if (spec && parsed.cell !== undefined) {
        const shown =
          parsed.cell instanceof Formula
            ? ''
            : formatDisplay(parsed.cell as Scalar, fmt ?? parsed.impliedFormat, wb.timeZone, wb.locale);
        // a custom formula reads the cell itself: evaluate it against the typed value
        const row = sheet.rowForWrite(r);
        const before = row[c - 1];
        row[c - 1] = parsed.cell;
        const ok = passes(
          spec,
          parsed.cell,
          parsed.cell instanceof Formula ? text : shown,
          wb,
          sheet,
          r,
          c,
          now,
        );
        row[c - 1] = before;
        if (!ok) {
          if (!spec.allowInvalid)
            return { ok: false, reason: spec.helpText || defaultRejectMessage(spec), refusal: { kind: 'validation', criteria: spec.criteria, ...(spec.helpText ? { help: spec.helpText } : {}) } };
          invalid = true; // kept, with Sheets' red "invalid" corner
        }
      }
      writes.push({
        r,
        c,
        cell: parsed.cell,
        implied: fmt === undefined || fmt === AUTO_FORMAT ? parsed.impliedFormat : undefined,
        invalid,
      });
    }
  }

  const single = numRows === 1 && numCols === 1;
  const old = single ? readCell(wb, sheet, ref.row, ref.col, now) : undefined;
  for (const w of writes) {
    if (w.cell !== undefined || sheet.rows[w.r - 1]) sheet.rowForWrite(w.r)[w.c - 1] = w.cell;
    if (w.implied) sheet.fmt.numberFormat.fill(w.r, w.r, w.c, w.c, w.implied);
    sheet.fmt.invalid.fill(w.r, w.r, w.c, w.c, w.invalid || undefined);
  }
  const a1Out = rangeA1(ref.row, ref.col, numRows, numCols);
  if (!single) return { ok: true, sheetName: sheet.name, a1: a1Out, multi: true };
  // A block pasted into one cell (a grid, not typed text) carries no values either (*model*: the
  // page promises them only for single cells; pastes are reported to carry none, so the stricter
  // reading is modelled and the live self-test checks it).
  if (typeof values !== 'string') return { ok: true, sheetName: sheet.name, a1: a1Out, multi: false, pasted: true };
  const now2 = readCell(wb, sheet, ref.row, ref.col, now);
  return {
    ok: true,
    sheetName: sheet.name,
    a1: a1Out,
    value: eventValue(now2 as Scalar | undefined | FErr, wb.timeZone),
    oldValue: eventValue(old as Scalar | undefined | FErr, wb.timeZone),
    multi: false,
  };
}

/**
 * A person sorting a range (Data › Sort range): allowed where they could type into every cell of
 * it (a protected cell refuses the sort, as it refuses typing). Returns where, for Range.sort.
 */
export function handSortTarget(
  wb: Workbook,
  ctx: RuntimeContext,
  a1: string,
): { ok: true; sheetName: string; a1: string } | { ok: false; reason: string; refusal: EditRefusal } {
  const ref = parseA1(a1);
  if (!ref) return { ok: false, reason: 'Range not found', refusal: { kind: 'rangeNotFound', range: a1 } };
  const sheet = ref.sheet === undefined ? wb.activeSheet() : wb.sheetByName(ref.sheet);
  if (!sheet) return { ok: false, reason: `Sheet not found: ${ref.sheet}`, refusal: { kind: 'sheetNotFound', sheet: String(ref.sheet) } };
  const endRow = ref.endRow ?? sheet.maxRows;
  const endCol = ref.endCol ?? sheet.maxCols;
  if (endRow > sheet.maxRows || endCol > sheet.maxCols) return { ok: false, reason: 'The range is outside the sheet.', refusal: { kind: 'outsideSheet' } };
  const who = ctx.user.active || ctx.user.effective;
  const owner = ownerOf(wb, { ctx });
  for (let r = ref.row; r <= endRow; r++)
    for (let c = ref.col; c <= endCol; c++)
      if (!canEditCell(wb, sheet, r, c, who, owner))
        return {
          ok: false,
          reason:
            'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
          refusal: { kind: 'protected' },
        };
  return { ok: true, sheetName: sheet.name, a1: rangeA1(ref.row, ref.col, endRow - ref.row + 1, endCol - ref.col + 1) };
}
