// Conditional formatting: builder, rule and condition objects, and evaluation of the rules of a
// sheet at a given instant (custom formulas with NOW() change colour as the clock moves). The
// builder's `when…` methods and the comparisons are shared with FilterCriteria (booleanCondition.ts).
import { isDate } from '../context';
import { unwrap } from '../instrument';
import { BooleanConditions, comparison } from './booleanCondition';
import { asEnum, exposeSelf, Exposable, normColor, Svc } from './common';
import { FErr, formulaSatisfied, readCell } from './formula';
import { toSerial } from '../zone';
import { Formula, formatDisplay, Scalar } from './values';
import { rangeToStored } from './validation';
import type { CfFormat, CfRuleSpec, Rect, SheetData, Workbook } from './workbook';

type GRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type GBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

const cloneSpec = (s: CfRuleSpec): CfRuleSpec => ({
  sheetId: s.sheetId,
  ranges: s.ranges.map((r) => ({ ...r })),
  criteria: s.criteria,
  args: s.args.map((a) => (isDate(a) ? new Date((a as Date).getTime()) : a)),
  format: { ...s.format },
});

function argsOut(args: unknown[], svc: Svc): unknown[] {
  return args.map((a) => (isDate(a) ? svc.ctx.realm.newDate((a as Date).getTime()) : a));
}

function rangesOut(spec: CfRuleSpec, svc: Svc): GoogleAppsScript.Spreadsheet.Range[] {
  const sheet = svc.wb.sheetById(spec.sheetId);
  return sheet ? spec.ranges.map((r) => svc.range(sheet, r)) : [];
}

class BooleanConditionImpl implements GoogleAppsScript.Spreadsheet.BooleanCondition, Exposable {
  _self: unknown;
  constructor(
    private spec: CfRuleSpec,
    private svc: Svc,
  ) {}
  getBackground(): string | null {
    return this.spec.format.background ?? null;
  }
  getBold(): boolean | null {
    return this.spec.format.bold ?? null;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    return asEnum(this.spec.criteria);
  }
  getCriteriaValues(): any[] {
    return argsOut(this.spec.args, this.svc);
  }
  getFontColor(): string | null {
    return this.spec.format.fontColor ?? null;
  }
  getItalic(): boolean | null {
    return this.spec.format.italic ?? null;
  }
  getStrikethrough(): boolean | null {
    return this.spec.format.strikethrough ?? null;
  }
  getUnderline(): boolean | null {
    return this.spec.format.underline ?? null;
  }
}

export class ConditionalFormatRuleImpl
  implements Pick<GRule, 'copy' | 'getBooleanCondition' | 'getGradientCondition' | 'getRanges'>, Exposable
{
  _self: unknown;
  constructor(
    readonly _spec: CfRuleSpec,
    private svc: Svc,
  ) {}
  copy(): GBuilder {
    return newConditionalFormatRuleBuilder(this.svc, this._spec);
  }
  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    return exposeSelf(new BooleanConditionImpl(this._spec, this.svc), 'BooleanCondition', this.svc);
  }
  getGradientCondition(): GoogleAppsScript.Spreadsheet.GradientCondition | null {
    return null;
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return rangesOut(this._spec, this.svc);
  }
}

export function ruleObj(spec: CfRuleSpec, svc: Svc): GRule {
  return exposeSelf(
    new ConditionalFormatRuleImpl(spec, svc),
    'ConditionalFormatRule',
    svc,
  ) as unknown as GRule;
}

/** The stored rule behind a ConditionalFormatRule from the bundle. */
export function ruleSpecOf(rule: unknown): CfRuleSpec {
  const raw = unwrap(rule as object) as ConditionalFormatRuleImpl;
  if (!raw || !raw._spec) throw new Error('Invalid argument: rules');
  return raw._spec;
}

class ConditionalFormatRuleBuilderImpl
  extends BooleanConditions<GBuilder>()
  implements
    Pick<
      GBuilder,
      | 'build'
      | 'copy'
      | 'getBooleanCondition'
      | 'getGradientCondition'
      | 'getRanges'
      | 'setBackground'
      | 'setBold'
      | 'setFontColor'
      | 'setItalic'
      | 'setRanges'
      | 'setStrikethrough'
      | 'setUnderline'
      | 'whenCellEmpty'
      | 'whenCellNotEmpty'
      | 'whenDateAfter'
      | 'whenDateBefore'
      | 'whenDateEqualTo'
      | 'whenFormulaSatisfied'
      | 'whenNumberBetween'
      | 'whenNumberEqualTo'
      | 'whenNumberGreaterThan'
      | 'whenNumberGreaterThanOrEqualTo'
      | 'whenNumberLessThan'
      | 'whenNumberLessThanOrEqualTo'
      | 'whenNumberNotBetween'
      | 'whenNumberNotEqualTo'
      | 'whenTextContains'
      | 'whenTextDoesNotContain'
      | 'whenTextEndsWith'
      | 'whenTextEqualTo'
      | 'whenTextStartsWith'
      | 'withCriteria'
    >,
    Exposable
{
  _self: unknown;
  private spec: CfRuleSpec;
  constructor(
    private svc: Svc,
    from?: CfRuleSpec,
  ) {
    super();
    this.spec = from ? cloneSpec(from) : { sheetId: -1, ranges: [], criteria: '', args: [], format: {} };
  }
  /** Every BooleanCriteria is a conditional-format condition; the `when…` methods are BooleanConditions'. */
  protected override condition(criteria: string, args: unknown[]): GBuilder {
    this.spec.criteria = criteria;
    this.spec.args = args;
    return this._self as GBuilder;
  }
  /**
   * One format setting; null "removes the … format setting from the rule"
   * (conditional-format-rule-builder#setboldbold…). A missing argument, or a flag that is not a
   * Boolean, matches no signature: refused.
   */
  private fmt(k: keyof CfFormat, v: unknown): GBuilder {
    if (v === undefined) throw new Error(`Invalid argument: ${k}`);
    if (k !== 'background' && k !== 'fontColor' && v !== null && typeof v !== 'boolean')
      throw new Error(`Invalid argument: ${k}`);
    if (v === null) delete this.spec.format[k];
    else (this.spec.format as Record<string, unknown>)[k] = v;
    return this._self as GBuilder;
  }
  build(): GRule {
    if (!this.spec.criteria) throw new Error('Conditional format rule must have a condition.');
    // "A rule must have at least one range" (conditional-format-rule-builder#setrangesranges): refused
    // when built (*model*: the page does not say which call throws; the earliest is the strictest).
    if (!this.spec.ranges.length) throw new Error('Conditional format rule must have at least one range.');
    return ruleObj(cloneSpec(this.spec), this.svc);
  }
  copy(): GBuilder {
    return newConditionalFormatRuleBuilder(this.svc, this.spec);
  }
  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    return this.spec.criteria
      ? exposeSelf(new BooleanConditionImpl(cloneSpec(this.spec), this.svc), 'BooleanCondition', this.svc)
      : null;
  }
  getGradientCondition(): GoogleAppsScript.Spreadsheet.GradientCondition | null {
    return null;
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return rangesOut(this.spec, this.svc);
  }
  setBackground(color: string | null): GBuilder {
    return this.fmt('background', color === undefined ? undefined : normColor(color) ?? null);
  }
  setBold(bold: boolean | null): GBuilder {
    return this.fmt('bold', bold);
  }
  setFontColor(color: string | null): GBuilder {
    return this.fmt('fontColor', color === undefined ? undefined : normColor(color) ?? null);
  }
  setItalic(v: boolean | null): GBuilder {
    return this.fmt('italic', v);
  }
  setStrikethrough(v: boolean | null): GBuilder {
    return this.fmt('strikethrough', v);
  }
  setUnderline(v: boolean | null): GBuilder {
    return this.fmt('underline', v);
  }
  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): GBuilder {
    if (!Array.isArray(ranges)) throw new Error('Invalid argument: ranges');
    const stored = ranges.map(rangeToStored);
    if (stored.some((s) => s.sheetId !== stored[0].sheetId))
      throw new Error('All ranges must be on the same sheet.');
    this.spec.sheetId = stored.length ? stored[0].sheetId : -1;
    this.spec.ranges = stored.map((s) => s.rect);
    return this._self as GBuilder;
  }
}

export function newConditionalFormatRuleBuilder(svc: Svc, from?: CfRuleSpec): GBuilder {
  return exposeSelf(
    new ConditionalFormatRuleBuilderImpl(svc, from),
    'ConditionalFormatRuleBuilder',
    svc,
  ) as unknown as GBuilder;
}

// ---------------------------------------------------------------- evaluation

type Test = (r: number, c: number) => boolean;

function relativeDay(name: string, today: number): number {
  switch (name) {
    case 'TOMORROW':
      return today + 1;
    case 'YESTERDAY':
      return today - 1;
    case 'PAST_WEEK':
      return today - 7;
    case 'PAST_MONTH':
      return today - 30;
    case 'PAST_YEAR':
      return today - 365;
    default:
      return today;
  }
}

/** One rule range's test for the cell at (r, c). */
function compile(spec: CfRuleSpec, anchor: Rect, wb: Workbook, sheet: SheetData, now: number): Test {
  const tz = wb.timeZone;
  const value = (r: number, c: number) => readCell(wb, sheet, r, c, now);
  const text = (r: number, c: number) => {
    const v = value(r, c);
    if (v instanceof FErr) return v.code;
    return formatDisplay(
      v as Scalar | undefined,
      sheet.fmt.numberFormat.get(r, c),
      tz,
      wb.locale,
    ).toLowerCase();
  };
  const number = (r: number, c: number): number | undefined => {
    const v = value(r, c);
    if (typeof v === 'number') return v;
    if (isDate(v)) return toSerial(tz, (v as Date).getTime());
    return undefined;
  };
  const a = spec.args;
  if (spec.criteria === 'CUSTOM_FORMULA') {
    const f = new Formula(String(a[0]));
    return (r, c) =>
      formulaSatisfied(f, { wb, sheet, now, dr: r - anchor.row, dc: c - anchor.col, visiting: new Set() });
  }
  const today = Math.floor(toSerial(tz, now));
  const dayOf = (x: unknown) =>
    isDate(x) ? Math.floor(toSerial(tz, (x as Date).getTime())) : relativeDay(String(x), today);
  const day = (r: number, c: number) => {
    const v = value(r, c);
    return isDate(v) ? Math.floor(toSerial(tz, (v as Date).getTime())) : null;
  };
  return comparison(spec.criteria, a, { text, number, day }, dayOf) ?? (() => false);
}

/**
 * Formats conditional rules give the cells of a window, keyed `row * 100000 + col`. The first
 * rule (in the sheet's order) whose condition holds for a cell formats it.
 */
export function conditionalOverlay(
  wb: Workbook,
  sheet: SheetData,
  win: Rect,
  now: number,
): Map<number, CfFormat> {
  const out = new Map<number, CfFormat>();
  const wr2 = win.row + win.numRows - 1;
  const wc2 = win.col + win.numCols - 1;
  for (const rule of sheet.cfRules) {
    for (const rect of rule.ranges) {
      const test = compile(rule, rect, wb, sheet, now);
      const r1 = Math.max(rect.row, win.row);
      const r2 = Math.min(rect.row + rect.numRows - 1, wr2);
      const c1 = Math.max(rect.col, win.col);
      const c2 = Math.min(rect.col + rect.numCols - 1, wc2);
      for (let r = r1; r <= r2; r++) {
        for (let c = c1; c <= c2; c++) {
          const key = r * 100000 + c;
          if (!out.has(key) && test(r, c)) out.set(key, rule.format);
        }
      }
    }
  }
  return out;
}
