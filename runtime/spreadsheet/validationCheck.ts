// The check a hand edit goes through against a cell's data validation rule (validation.ts holds
// the builder and the rule scripts read back): what a dropdown offers, whether a typed value
// passes, and Sheets' message when it does not. Script writes never come here.
import { isDate } from '../context';
import { evaluateFormula, FErr, formulaSatisfied } from './formula';
import { toSerial } from '../zone';
import { Cell, Formula, formatDisplay } from './values';
import type { Rect, SheetData, ValidationSpec, Workbook } from './workbook';

/** Stored ranges in criteria values are {sheetId, rect}; scripts see Range objects. */
export interface StoredRange {
  sheetId: number;
  rect: Rect;
}
export const isStoredRange = (v: unknown): v is StoredRange =>
  !!v && typeof v === 'object' && 'sheetId' in (v as object) && 'rect' in (v as object);

/** The list entries a dropdown offers (VALUE_IN_LIST / VALUE_IN_RANGE), else undefined. */
export function listItems(spec: ValidationSpec, wb: Workbook, now: number): string[] | undefined {
  if (spec.criteria === 'VALUE_IN_LIST') return (spec.args[0] as unknown[]).map(String);
  if (spec.criteria === 'VALUE_IN_RANGE' && isStoredRange(spec.args[0])) {
    const { sheetId, rect } = spec.args[0];
    const sheet = wb.sheetById(sheetId);
    if (!sheet) return [];
    const out: string[] = [];
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      for (let c = rect.col; c < rect.col + rect.numCols; c++) {
        const v = sheet.rows[r - 1]?.[c - 1];
        const shown =
          v instanceof Formula
            ? evaluateFormula(v, { wb, sheet, now, dr: 0, dc: 0, visiting: new Set() })
            : v;
        const text =
          shown instanceof FErr
            ? shown.code
            : formatDisplay(shown as never, sheet.fmt.numberFormat.get(r, c), wb.timeZone, wb.locale);
        if (text !== '') out.push(text);
      }
    }
    return out;
  }
  return undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^(https?:\/\/)?[\w-]+(\.[\w-]+)+(:\d+)?(\/\S*)?$/i;

/** Whether `value` (as stored after typing) satisfies the rule. Empty cells always pass. */
export function passes(
  spec: ValidationSpec,
  value: Cell,
  display: string,
  wb: Workbook,
  sheet: SheetData,
  row: number,
  col: number,
  now: number,
): boolean {
  if (value === undefined) return true;
  const a = spec.args;
  const n = typeof value === 'number' ? value : undefined;
  const day = (d: unknown) => Math.floor(toSerial(wb.timeZone, (d as Date).getTime()));
  const vDay = isDate(value) ? day(value) : undefined;
  const text = display.toLowerCase();
  switch (spec.criteria) {
    case 'VALUE_IN_LIST':
    case 'VALUE_IN_RANGE':
      return (listItems(spec, wb, now) ?? []).includes(display);
    case 'NUMBER_BETWEEN':
      return n !== undefined && n >= Number(a[0]) && n <= Number(a[1]);
    case 'NUMBER_NOT_BETWEEN':
      return n !== undefined && (n < Number(a[0]) || n > Number(a[1]));
    case 'NUMBER_EQUAL_TO':
      return n === Number(a[0]);
    case 'NUMBER_NOT_EQUAL_TO':
      return n !== undefined && n !== Number(a[0]);
    case 'NUMBER_GREATER_THAN':
      return n !== undefined && n > Number(a[0]);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n !== undefined && n >= Number(a[0]);
    case 'NUMBER_LESS_THAN':
      return n !== undefined && n < Number(a[0]);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n !== undefined && n <= Number(a[0]);
    case 'TEXT_CONTAINS':
      return text.includes(String(a[0]).toLowerCase());
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(String(a[0]).toLowerCase());
    case 'TEXT_EQUAL_TO':
      return display === String(a[0]);
    case 'TEXT_IS_VALID_EMAIL':
      return EMAIL.test(display);
    case 'TEXT_IS_VALID_URL':
      return URL_RE.test(display);
    case 'DATE_IS_VALID_DATE':
      return vDay !== undefined;
    case 'DATE_AFTER':
      return vDay !== undefined && vDay > day(a[0]);
    case 'DATE_BEFORE':
      return vDay !== undefined && vDay < day(a[0]);
    case 'DATE_EQUAL_TO':
      return vDay !== undefined && vDay === day(a[0]);
    case 'DATE_ON_OR_AFTER':
      return vDay !== undefined && vDay >= day(a[0]);
    case 'DATE_ON_OR_BEFORE':
      return vDay !== undefined && vDay <= day(a[0]);
    case 'DATE_BETWEEN':
      return vDay !== undefined && vDay >= day(a[0]) && vDay <= day(a[1]);
    case 'DATE_NOT_BETWEEN':
      return vDay !== undefined && (vDay < day(a[0]) || vDay > day(a[1]));
    case 'CHECKBOX':
      return a.length
        ? value === a[0] || value === a[1] || display === String(a[0]) || display === String(a[1])
        : typeof value === 'boolean';
    case 'CUSTOM_FORMULA': {
      const at = spec.anchor ?? { row, col };
      return formulaSatisfied(new Formula(String(a[0])), {
        wb,
        sheet,
        now,
        dr: row - at.row,
        dc: col - at.col,
        visiting: new Set(),
      });
    }
    default:
      return true;
  }
}

/** Sheets' message when a rule without help text rejects input. */
export function defaultRejectMessage(spec: ValidationSpec): string {
  switch (spec.criteria) {
    case 'VALUE_IN_LIST':
    case 'VALUE_IN_RANGE':
      return 'Input must fall within specified range';
    case 'TEXT_IS_VALID_EMAIL':
      return 'Input must be a valid email address';
    case 'TEXT_IS_VALID_URL':
      return 'Input must be a valid URL';
    case 'CUSTOM_FORMULA':
      return 'Input must satisfy the custom formula';
    default:
      return 'Input must satisfy the data validation rule for this cell';
  }
}
