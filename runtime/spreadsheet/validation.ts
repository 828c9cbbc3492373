// Data validation: the builder and the rule object scripts read back (DataValidationBuilder,
// DataValidation, the criteria enum). The check a hand edit goes through is validationCheck.ts.
// Script writes never consult validation (Google stores them anyway).
import { isDate } from '../context';
import { unwrap } from '../instrument';
import { asEnum, exposeSelf, Exposable, makeEnum, Svc } from './common';
import { fromSerial, toSerial } from '../zone';
import { num, str } from './booleanCondition';
import { isStoredRange, type StoredRange } from './validationCheck';
import type { Rect, SheetData, ValidationSpec } from './workbook';

// The hand-edit check lives beside: its importers keep importing it from here.
export { defaultRejectMessage, listItems, passes } from './validationCheck';

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

/** Each criteria's require…() method and how many arguments it takes. */
const REQUIRE: Record<string, [keyof DataValidationBuilderImpl & `require${string}`, number, number]> = {
  DATE_AFTER: ['requireDateAfter', 1, 1],
  DATE_BEFORE: ['requireDateBefore', 1, 1],
  DATE_BETWEEN: ['requireDateBetween', 2, 2],
  DATE_EQUAL_TO: ['requireDateEqualTo', 1, 1],
  DATE_IS_VALID_DATE: ['requireDate', 0, 0],
  DATE_NOT_BETWEEN: ['requireDateNotBetween', 2, 2],
  DATE_ON_OR_AFTER: ['requireDateOnOrAfter', 1, 1],
  DATE_ON_OR_BEFORE: ['requireDateOnOrBefore', 1, 1],
  NUMBER_BETWEEN: ['requireNumberBetween', 2, 2],
  NUMBER_EQUAL_TO: ['requireNumberEqualTo', 1, 1],
  NUMBER_GREATER_THAN: ['requireNumberGreaterThan', 1, 1],
  NUMBER_GREATER_THAN_OR_EQUAL_TO: ['requireNumberGreaterThanOrEqualTo', 1, 1],
  NUMBER_LESS_THAN: ['requireNumberLessThan', 1, 1],
  NUMBER_LESS_THAN_OR_EQUAL_TO: ['requireNumberLessThanOrEqualTo', 1, 1],
  NUMBER_NOT_BETWEEN: ['requireNumberNotBetween', 2, 2],
  NUMBER_NOT_EQUAL_TO: ['requireNumberNotEqualTo', 1, 1],
  TEXT_CONTAINS: ['requireTextContains', 1, 1],
  TEXT_DOES_NOT_CONTAIN: ['requireTextDoesNotContain', 1, 1],
  TEXT_EQUAL_TO: ['requireTextEqualTo', 1, 1],
  TEXT_IS_VALID_EMAIL: ['requireTextIsEmail', 0, 0],
  TEXT_IS_VALID_URL: ['requireTextIsUrl', 0, 0],
  VALUE_IN_LIST: ['requireValueInList', 1, 2],
  VALUE_IN_RANGE: ['requireValueInRange', 1, 2],
  CUSTOM_FORMULA: ['requireFormulaSatisfied', 1, 1],
  CHECKBOX: ['requireCheckbox', 0, 2],
};

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
  /** No criteria yet: null (*model*; the page speaks of a rule that has one). */
  getCriteriaType(): Criteria {
    return (this.criteria ? asEnum(this.criteria) : null) as Criteria;
  }
  getCriteriaValues(): any[] {
    return argsOut(this.args, this.svc);
  }
  /**
   * A date criteria's value: "The time fields of the Date object are ignored; only the day, month,
   * and year fields are used" (data-validation-builder#requiredateafterdate…). Kept as the start of
   * that day in the spreadsheet's time zone, so getCriteriaValues() reads back midnight (*model*:
   * the page does not say what is read back; Sheets stores a day).
   */
  private day(d: unknown): Date {
    if (!isDate(d)) throw new Error('Invalid argument: date');
    const tz = this.svc.wb.timeZone;
    return new Date(fromSerial(tz, Math.floor(toSerial(tz, d.getTime()))));
  }
  /** showDropdown: a Boolean when given; left out, the dropdown shows (the page's examples). */
  private dropdown(show: unknown): boolean {
    if (show === undefined) return true;
    if (typeof show !== 'boolean') throw new Error('Invalid argument: showDropdown');
    return show;
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
    return this.set('DATE_AFTER', [this.day(d)]);
  }
  requireDateBefore(d: GoogleAppsScript.Base.Date): B {
    return this.set('DATE_BEFORE', [this.day(d)]);
  }
  requireDateBetween(a: GoogleAppsScript.Base.Date, b: GoogleAppsScript.Base.Date): B {
    return this.set('DATE_BETWEEN', [this.day(a), this.day(b)]);
  }
  requireDateEqualTo(d: GoogleAppsScript.Base.Date): B {
    return this.set('DATE_EQUAL_TO', [this.day(d)]);
  }
  requireDateNotBetween(a: GoogleAppsScript.Base.Date, b: GoogleAppsScript.Base.Date): B {
    return this.set('DATE_NOT_BETWEEN', [this.day(a), this.day(b)]);
  }
  requireDateOnOrAfter(d: GoogleAppsScript.Base.Date): B {
    return this.set('DATE_ON_OR_AFTER', [this.day(d)]);
  }
  requireDateOnOrBefore(d: GoogleAppsScript.Base.Date): B {
    return this.set('DATE_ON_OR_BEFORE', [this.day(d)]);
  }
  requireFormulaSatisfied(formula: string): B {
    return this.set('CUSTOM_FORMULA', [str(formula, 'formula')]);
  }
  requireNumberBetween(a: number, b: number): B {
    return this.set('NUMBER_BETWEEN', [num(a), num(b)]);
  }
  requireNumberEqualTo(n: number): B {
    return this.set('NUMBER_EQUAL_TO', [num(n)]);
  }
  requireNumberGreaterThan(n: number): B {
    return this.set('NUMBER_GREATER_THAN', [num(n)]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): B {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [num(n)]);
  }
  requireNumberLessThan(n: number): B {
    return this.set('NUMBER_LESS_THAN', [num(n)]);
  }
  requireNumberLessThanOrEqualTo(n: number): B {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [num(n)]);
  }
  requireNumberNotBetween(a: number, b: number): B {
    return this.set('NUMBER_NOT_BETWEEN', [num(a), num(b)]);
  }
  requireNumberNotEqualTo(n: number): B {
    return this.set('NUMBER_NOT_EQUAL_TO', [num(n)]);
  }
  requireTextContains(t: string): B {
    return this.set('TEXT_CONTAINS', [str(t)]);
  }
  requireTextDoesNotContain(t: string): B {
    return this.set('TEXT_DOES_NOT_CONTAIN', [str(t)]);
  }
  requireTextEqualTo(t: string): B {
    return this.set('TEXT_EQUAL_TO', [str(t)]);
  }
  requireTextIsEmail(): B {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): B {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  requireValueInList(values: string[], showDropdown?: boolean): B {
    if (!Array.isArray(values)) throw new Error('Invalid argument: values');
    if (values.length > 500) throw new Error('The data validation list cannot contain more than 500 items.');
    // "An array of acceptable values" (data-validation-builder#requirevalueinlistvalues): with none
    // nothing is acceptable. Not documented: refused (the stricter answer; the Sheets API's ONE_OF_LIST
    // "requires one or more" values; self-test validation.empty-list).
    if (values.length === 0) throw new Error('The data validation list must contain at least one item.');
    return this.set('VALUE_IN_LIST', [values.map(String), this.dropdown(showDropdown)]);
  }
  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown?: boolean): B {
    return this.set('VALUE_IN_RANGE', [rangeToStored(range), this.dropdown(showDropdown)]);
  }
  /** setAllowInvalid(allowInvalidData: Boolean): anything else matches no signature (was turned into a Boolean). */
  setAllowInvalid(allow: boolean): B {
    if (typeof allow !== 'boolean') throw new Error('Invalid argument: allowInvalidData');
    this.allowInvalid = allow;
    return this._self as B;
  }
  /** setHelpText(helpText: String): a missing or non-String argument is refused (*model*; was turned into text). */
  setHelpText(text: string): B {
    this.helpText = str(text, 'helpText');
    return this._self as B;
  }
  /**
   * "An array of arguments appropriate to the criteria type; the number of arguments and their type
   * match the corresponding require...() method above" (data-validation-builder#withcriteriacriteria,-args):
   * each goes through that method, so it is checked and stored the same way.
   */
  withCriteria(criteria: Criteria, args: any[]): B {
    const name = String(criteria);
    const method = REQUIRE[name];
    if (!method) throw new Error(`Invalid argument: criteria`);
    if (!Array.isArray(args)) throw new Error('Invalid argument: args');
    const [fn, min, max] = method;
    if (args.length < min || args.length > max) throw new Error('Invalid argument: args');
    return (this[fn] as (...a: unknown[]) => B)(...args);
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
