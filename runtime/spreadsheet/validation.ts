// Data validation: the builder, the rule object scripts read back, and the check a hand edit
// goes through. Script writes never consult validation (Google stores them anyway).
//
// Over ~400 lines: one Google family (DataValidationBuilder, DataValidation, the
// criteria enum) and the hand-edit check that reads those rules.
import { isDate } from '../context';
import { unwrap } from '../instrument';
import { asEnum, exposeSelf, Exposable, makeEnum, Svc } from './common';
import { evaluateFormula, FErr, formulaSatisfied } from './formula';
import { toSerial } from '../zone';
import { Cell, Formula, formatDisplay } from './values';
import type { Rect, SheetData, ValidationSpec, Workbook } from './workbook';

type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

export const DATA_VALIDATION_CRITERIA = [
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
];
export const dataValidationCriteriaEnum = () => makeEnum('DataValidationCriteria', DATA_VALIDATION_CRITERIA);

/** Stored ranges in criteria values are {sheetId, rect}; scripts see Range objects. */
interface StoredRange {
  sheetId: number;
  rect: Rect;
}
const isStoredRange = (v: unknown): v is StoredRange =>
  !!v && typeof v === 'object' && 'sheetId' in (v as object) && 'rect' in (v as object);

function argsOut(args: unknown[], svc: Svc): unknown[] {
  return args.map((a) => {
    if (isStoredRange(a)) {
      const sheet = svc.wb.sheetById(a.sheetId);
      return sheet ? svc.range(sheet, a.rect) : null;
    }
    if (isDate(a)) return svc.ctx.realm.newDate((a as Date).getTime());
    if (Array.isArray(a)) return [...a];
    return a;
  });
}

/** Range arguments from the bundle → stored form. */
export function rangeToStored(r: unknown): StoredRange {
  const raw = unwrap(r as object) as unknown as { _sheet?: SheetData; _rect?: Rect };
  if (!raw || !raw._sheet || !raw._rect) throw new Error('Invalid argument: range');
  return { sheetId: raw._sheet.id, rect: { ...raw._rect } };
}

const cloneArgs = (args: unknown[]) =>
  args.map((a) => (isDate(a) ? new Date((a as Date).getTime()) : Array.isArray(a) ? [...a] : a));

export class DataValidationImpl
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.DataValidation,
      'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'
    >,
    Exposable
{
  _self: unknown;
  constructor(
    readonly _spec: ValidationSpec,
    private svc: Svc,
  ) {}
  copy(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return newDataValidationBuilder(this.svc, this._spec);
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
  getCriteriaType(): Criteria {
    return asEnum(this._spec.criteria);
  }
  getCriteriaValues(): any[] {
    return argsOut(this._spec.args, this.svc);
  }
  /** reference/spreadsheet/data-validation#getHelpText(): null if no help text is set (@types says string). */
  getHelpText(): string {
    return (this._spec.helpText || null) as string;
  }
}

export function validationObj(spec: ValidationSpec, svc: Svc): GoogleAppsScript.Spreadsheet.DataValidation {
  return exposeSelf(
    new DataValidationImpl(spec, svc),
    'DataValidation',
    svc,
  ) as unknown as GoogleAppsScript.Spreadsheet.DataValidation;
}

type B = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

class DataValidationBuilderImpl
  implements
    Pick<
      B,
      | 'build'
      | 'copy'
      | 'getAllowInvalid'
      | 'getCriteriaType'
      | 'getCriteriaValues'
      | 'getHelpText'
      | 'requireCheckbox'
      | 'requireDate'
      | 'requireDateAfter'
      | 'requireDateBefore'
      | 'requireDateBetween'
      | 'requireDateEqualTo'
      | 'requireDateNotBetween'
      | 'requireDateOnOrAfter'
      | 'requireDateOnOrBefore'
      | 'requireFormulaSatisfied'
      | 'requireNumberBetween'
      | 'requireNumberEqualTo'
      | 'requireNumberGreaterThan'
      | 'requireNumberGreaterThanOrEqualTo'
      | 'requireNumberLessThan'
      | 'requireNumberLessThanOrEqualTo'
      | 'requireNumberNotBetween'
      | 'requireNumberNotEqualTo'
      | 'requireTextContains'
      | 'requireTextDoesNotContain'
      | 'requireTextEqualTo'
      | 'requireTextIsEmail'
      | 'requireTextIsUrl'
      | 'requireValueInList'
      | 'requireValueInRange'
      | 'setAllowInvalid'
      | 'setHelpText'
      | 'withCriteria'
    >,
    Exposable
{
  _self: unknown;
  private criteria = '';
  private args: unknown[] = [];
  // Sheets' default: invalid input shows a warning but is kept.
  private allowInvalid = true;
  private helpText: string | null = null;

  constructor(
    private svc: Svc,
    from?: ValidationSpec,
  ) {
    if (from) {
      this.criteria = from.criteria;
      this.args = cloneArgs(from.args);
      this.allowInvalid = from.allowInvalid;
      this.helpText = from.helpText || null;
    }
  }
  private set(criteria: string, args: unknown[]): B {
    this.criteria = criteria;
    this.args = args;
    return this._self as B;
  }
  build(): GoogleAppsScript.Spreadsheet.DataValidation {
    if (!this.criteria) throw new Error('You must specify a criteria type before building the rule.');
    return validationObj(
      {
        criteria: this.criteria,
        args: cloneArgs(this.args),
        allowInvalid: this.allowInvalid,
        helpText: this.helpText ?? '',
      },
      this.svc,
    );
  }
  copy(): B {
    return newDataValidationBuilder(this.svc, {
      criteria: this.criteria,
      args: this.args,
      allowInvalid: this.allowInvalid,
      helpText: this.helpText ?? '',
    });
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getCriteriaType(): Criteria {
    return asEnum(this.criteria);
  }
  getCriteriaValues(): any[] {
    return argsOut(this.args, this.svc);
  }
  getHelpText(): string | null {
    return this.helpText;
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): B {
    return this.set(
      'CHECKBOX',
      checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked],
    );
  }
  requireDate(): B {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(d: GoogleAppsScript.Base.Date): B {
    return this.set('DATE_AFTER', cloneArgs([d]));
  }
  requireDateBefore(d: GoogleAppsScript.Base.Date): B {
    return this.set('DATE_BEFORE', cloneArgs([d]));
  }
  requireDateBetween(a: GoogleAppsScript.Base.Date, b: GoogleAppsScript.Base.Date): B {
    return this.set('DATE_BETWEEN', cloneArgs([a, b]));
  }
  requireDateEqualTo(d: GoogleAppsScript.Base.Date): B {
    return this.set('DATE_EQUAL_TO', cloneArgs([d]));
  }
  requireDateNotBetween(a: GoogleAppsScript.Base.Date, b: GoogleAppsScript.Base.Date): B {
    return this.set('DATE_NOT_BETWEEN', cloneArgs([a, b]));
  }
  requireDateOnOrAfter(d: GoogleAppsScript.Base.Date): B {
    return this.set('DATE_ON_OR_AFTER', cloneArgs([d]));
  }
  requireDateOnOrBefore(d: GoogleAppsScript.Base.Date): B {
    return this.set('DATE_ON_OR_BEFORE', cloneArgs([d]));
  }
  requireFormulaSatisfied(formula: string): B {
    return this.set('CUSTOM_FORMULA', [formula]);
  }
  requireNumberBetween(a: number, b: number): B {
    return this.set('NUMBER_BETWEEN', [a, b]);
  }
  requireNumberEqualTo(n: number): B {
    return this.set('NUMBER_EQUAL_TO', [n]);
  }
  requireNumberGreaterThan(n: number): B {
    return this.set('NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): B {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number): B {
    return this.set('NUMBER_LESS_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): B {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberNotBetween(a: number, b: number): B {
    return this.set('NUMBER_NOT_BETWEEN', [a, b]);
  }
  requireNumberNotEqualTo(n: number): B {
    return this.set('NUMBER_NOT_EQUAL_TO', [n]);
  }
  requireTextContains(t: string): B {
    return this.set('TEXT_CONTAINS', [t]);
  }
  requireTextDoesNotContain(t: string): B {
    return this.set('TEXT_DOES_NOT_CONTAIN', [t]);
  }
  requireTextEqualTo(t: string): B {
    return this.set('TEXT_EQUAL_TO', [t]);
  }
  requireTextIsEmail(): B {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): B {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  requireValueInList(values: string[], showDropdown = true): B {
    if (!Array.isArray(values)) throw new Error('Invalid argument: values');
    if (values.length > 500) throw new Error('The data validation list cannot contain more than 500 items.');
    // "An array of acceptable values" (data-validation-builder#requirevalueinlistvalues): with none
    // nothing is acceptable. Not documented: refused (the stricter answer; the Sheets API's ONE_OF_LIST
    // "requires one or more" values; self-test validation.empty-list).
    if (values.length === 0) throw new Error('The data validation list must contain at least one item.');
    return this.set('VALUE_IN_LIST', [values.map(String), showDropdown]);
  }
  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown = true): B {
    return this.set('VALUE_IN_RANGE', [rangeToStored(range), showDropdown]);
  }
  setAllowInvalid(allow: boolean): B {
    this.allowInvalid = !!allow;
    return this._self as B;
  }
  setHelpText(text: string): B {
    this.helpText = String(text);
    return this._self as B;
  }
  withCriteria(criteria: Criteria, args: any[]): B {
    const name = String(criteria);
    if (!DATA_VALIDATION_CRITERIA.includes(name)) throw new Error(`Invalid argument: criteria`);
    return this.set(
      name,
      (args ?? []).map((a) =>
        a &&
        typeof a === 'object' &&
        typeof (a as GoogleAppsScript.Spreadsheet.Range).getA1Notation === 'function'
          ? rangeToStored(a)
          : a,
      ),
    );
  }
}

export function newDataValidationBuilder(svc: Svc, from?: ValidationSpec): B {
  return exposeSelf(new DataValidationBuilderImpl(svc, from), 'DataValidationBuilder', svc) as unknown as B;
}

/** The stored rule behind a DataValidation from the bundle (null clears). */
export function specOf(rule: unknown): ValidationSpec | undefined {
  if (rule === null || rule === undefined) return undefined;
  const raw = unwrap(rule as object) as DataValidationImpl;
  if (!raw || !raw._spec) throw new Error('Invalid argument: rule');
  return raw._spec;
}

// ---------------------------------------------------------------- checking a hand edit

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
