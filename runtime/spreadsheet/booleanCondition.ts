// The boolean-condition vocabulary that ConditionalFormatRuleBuilder and FilterCriteriaBuilder share
// (developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder and
// …/filter-criteria-builder: the same `when…` methods and `withCriteria`, each setting one
// BooleanCriteria and its values; …/boolean-criteria: "used in conditional format or filter";
// …/relative-date), in one place: what each
// method sets and how its arguments are checked, and how a criteria compares a cell's value. Each
// builder says only where a condition is stored and which criteria it evaluates; each still exposes
// only Google's members (runtime/instrument.ts `expose`).
import { isDate } from '../context';
import { makeEnum } from './common';

export const RELATIVE_DATES = ['TODAY', 'TOMORROW', 'YESTERDAY', 'PAST_WEEK', 'PAST_MONTH', 'PAST_YEAR'];

export const BOOLEAN_CRITERIA = [
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_NOT_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
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
  'TEXT_NOT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
];
export const booleanCriteriaEnum = () => makeEnum('BooleanCriteria', BOOLEAN_CRITERIA);
export const relativeDateEnum = () => makeEnum('RelativeDate', RELATIVE_DATES);

/** A condition's values as stored: Dates copied, so a script changing its Date later changes nothing. */
const stored = (args: readonly unknown[]): unknown[] =>
  args.map((a) => (isDate(a) ? new Date(a.getTime()) : a));

/** Google's signatures take a Number; the runtime refuses anything else (at least as strict). */
export function num(n: unknown): number {
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error('Invalid argument: number');
  return n;
}

/**
 * Google's signatures take a String (text, formula): a missing argument, null or another type is
 * refused. Whether Apps Script would turn a number into its text is not documented: *model*, the
 * stricter answer.
 */
export function str(t: unknown, what = 'text'): string {
  if (typeof t !== 'string') throw new Error(`Invalid argument: ${what}`);
  return t;
}

/** A Date argument (the bundle's or the runtime's realm). */
function dateArg(d: unknown): Date {
  if (!isDate(d)) throw new Error('Invalid argument: date');
  return d;
}

/**
 * withCriteria's arguments, checked: "the number of arguments and their type match the
 * corresponding when...() method above" (conditional-format-rule-builder#withcriteriacriteria,-args;
 * filter-criteria-builder#withcriteriacriteria,-args). A relative criteria takes one RelativeDate.
 */
function criteriaArgs(name: string, args: unknown[]): unknown[] {
  const empty = name === 'CELL_EMPTY' || name === 'CELL_NOT_EMPTY';
  const between = name === 'NUMBER_BETWEEN' || name === 'NUMBER_NOT_BETWEEN';
  if (args.length !== (empty ? 0 : between ? 2 : 1)) throw new Error('Invalid argument: args');
  if (empty) return [];
  if (between) return args.map(num);
  if (name.startsWith('NUMBER_')) return [num(args[0])];
  if (name.startsWith('TEXT_')) return [str(args[0])];
  if (name === 'CUSTOM_FORMULA') return [str(args[0], 'formula')];
  if (name.endsWith('_RELATIVE')) {
    if (!RELATIVE_DATES.includes(String(args[0]))) throw new Error('Invalid argument: date');
    return [String(args[0])];
  }
  return stored([dateArg(args[0])]);
}

type DateCriteria = 'DATE_AFTER' | 'DATE_BEFORE' | 'DATE_EQUAL_TO';

type AbstractCtor = abstract new (...args: any[]) => object;
class NoBase {}

/**
 * The `when…` methods and `withCriteria` of a builder of boolean conditions, over `Base`. The
 * builder implements `condition`: store the criteria and its values (Dates already copied), refuse
 * what it cannot evaluate, and return its exposed self.
 */
export function BooleanConditions<B, TBase extends AbstractCtor = typeof NoBase>(
  Base: TBase = NoBase as unknown as TBase,
) {
  abstract class WithBooleanConditions extends Base {
    protected abstract condition(criteria: string, args: unknown[]): B;

    /** A Date, or a RelativeDate (reference: whenDateAfter(date) / whenDateAfter(date: RelativeDate)). */
    private dated(criteria: DateCriteria, date: unknown): B {
      if (isDate(date)) return this.condition(criteria, stored([date]));
      if (!RELATIVE_DATES.includes(String(date))) throw new Error('Invalid argument: date');
      return this.condition(`${criteria}_RELATIVE`, [String(date)]);
    }
    whenCellEmpty(): B {
      return this.condition('CELL_EMPTY', []);
    }
    whenCellNotEmpty(): B {
      return this.condition('CELL_NOT_EMPTY', []);
    }
    whenDateAfter(date: unknown): B {
      return this.dated('DATE_AFTER', date);
    }
    whenDateBefore(date: unknown): B {
      return this.dated('DATE_BEFORE', date);
    }
    whenDateEqualTo(date: unknown): B {
      return this.dated('DATE_EQUAL_TO', date);
    }
    whenFormulaSatisfied(formula: string): B {
      return this.condition('CUSTOM_FORMULA', [str(formula, 'formula')]);
    }
    whenNumberBetween(start: number, end: number): B {
      return this.condition('NUMBER_BETWEEN', [num(start), num(end)]);
    }
    whenNumberEqualTo(n: number): B {
      return this.condition('NUMBER_EQUAL_TO', [num(n)]);
    }
    whenNumberGreaterThan(n: number): B {
      return this.condition('NUMBER_GREATER_THAN', [num(n)]);
    }
    whenNumberGreaterThanOrEqualTo(n: number): B {
      return this.condition('NUMBER_GREATER_THAN_OR_EQUAL_TO', [num(n)]);
    }
    whenNumberLessThan(n: number): B {
      return this.condition('NUMBER_LESS_THAN', [num(n)]);
    }
    whenNumberLessThanOrEqualTo(n: number): B {
      return this.condition('NUMBER_LESS_THAN_OR_EQUAL_TO', [num(n)]);
    }
    whenNumberNotBetween(start: number, end: number): B {
      return this.condition('NUMBER_NOT_BETWEEN', [num(start), num(end)]);
    }
    whenNumberNotEqualTo(n: number): B {
      return this.condition('NUMBER_NOT_EQUAL_TO', [num(n)]);
    }
    whenTextContains(text: string): B {
      return this.condition('TEXT_CONTAINS', [str(text)]);
    }
    whenTextDoesNotContain(text: string): B {
      return this.condition('TEXT_DOES_NOT_CONTAIN', [str(text)]);
    }
    whenTextEndsWith(text: string): B {
      return this.condition('TEXT_ENDS_WITH', [str(text)]);
    }
    whenTextEqualTo(text: string): B {
      return this.condition('TEXT_EQUAL_TO', [str(text)]);
    }
    whenTextStartsWith(text: string): B {
      return this.condition('TEXT_STARTS_WITH', [str(text)]);
    }
    withCriteria(criteria: unknown, args: unknown): B {
      const name = String(criteria);
      if (!BOOLEAN_CRITERIA.includes(name)) throw new Error('Invalid argument: criteria');
      if (!Array.isArray(args)) throw new Error('Invalid argument: args');
      return this.condition(name, criteriaArgs(name, args));
    }
  }
  return WithBooleanConditions;
}

/**
 * What a comparison reads of one cell, given the two arguments the caller's tests take (a row and
 * a column, or a value and its shown text).
 */
export interface CellReader<A, B> {
  /** The text the cell shows, lowercased (text comparisons ignore case, as Sheets' conditions do). */
  text(a: A, b: B): string;
  /** Its number, or undefined when it holds none. */
  number(a: A, b: B): number | undefined;
  /** Its day (a whole date serial in the spreadsheet zone), or null when it holds no date. */
  day(a: A, b: B): number | null;
}

/**
 * The criteria that compare a cell's text, number or day with the condition's values. A date value
 * is compared as a day; `dayOf` gives the day of a condition's value (a Date, or a RelativeDate).
 */
const COMPARISONS: Record<
  string,
  <A, B>(
    cell: CellReader<A, B>,
    args: readonly unknown[],
    dayOf: (v: unknown) => number | null,
  ) => (a: A, b: B) => boolean
> = {
  CELL_EMPTY: (cell) => (a, b) => cell.text(a, b) === '',
  CELL_NOT_EMPTY: (cell) => (a, b) => cell.text(a, b) !== '',
  TEXT_CONTAINS: (cell, args) => byText(cell, args, (s, t) => s.includes(t)),
  TEXT_DOES_NOT_CONTAIN: (cell, args) => byText(cell, args, (s, t) => !s.includes(t)),
  TEXT_EQUAL_TO: (cell, args) => byText(cell, args, (s, t) => s === t),
  TEXT_NOT_EQUAL_TO: (cell, args) => byText(cell, args, (s, t) => s !== t),
  TEXT_STARTS_WITH: (cell, args) => byText(cell, args, (s, t) => s.startsWith(t)),
  TEXT_ENDS_WITH: (cell, args) => byText(cell, args, (s, t) => s.endsWith(t)),
  NUMBER_BETWEEN: (cell, args) => byRange(cell, args, (x, lo, hi) => x >= lo && x <= hi),
  NUMBER_NOT_BETWEEN: (cell, args) => byRange(cell, args, (x, lo, hi) => x < lo || x > hi),
  NUMBER_EQUAL_TO: (cell, args) => byNumber(cell, args, (x, n) => x === n),
  NUMBER_NOT_EQUAL_TO: (cell, args) => byNumber(cell, args, (x, n) => x !== n),
  NUMBER_GREATER_THAN: (cell, args) => byNumber(cell, args, (x, n) => x > n),
  NUMBER_GREATER_THAN_OR_EQUAL_TO: (cell, args) => byNumber(cell, args, (x, n) => x >= n),
  NUMBER_LESS_THAN: (cell, args) => byNumber(cell, args, (x, n) => x < n),
  NUMBER_LESS_THAN_OR_EQUAL_TO: (cell, args) => byNumber(cell, args, (x, n) => x <= n),
  DATE_AFTER: (cell, args, dayOf) => byDay(cell, dayOf(args[0]), (d, d0) => d > d0),
  DATE_BEFORE: (cell, args, dayOf) => byDay(cell, dayOf(args[0]), (d, d0) => d < d0),
  DATE_EQUAL_TO: (cell, args, dayOf) => byDay(cell, dayOf(args[0]), (d, d0) => d === d0),
  DATE_NOT_EQUAL_TO: (cell, args, dayOf) => byDay(cell, dayOf(args[0]), (d, d0) => d !== d0),
};
// A relative date compares the same way: its value is a RelativeDate, which `dayOf` resolves.
for (const c of ['DATE_AFTER', 'DATE_BEFORE', 'DATE_EQUAL_TO']) COMPARISONS[`${c}_RELATIVE`] = COMPARISONS[c];

function byText<A, B>(
  cell: CellReader<A, B>,
  args: readonly unknown[],
  f: (shown: string, t: string) => boolean,
) {
  const t = String(args[0] ?? '').toLowerCase();
  return (a: A, b: B) => f(cell.text(a, b), t);
}

function byNumber<A, B>(
  cell: CellReader<A, B>,
  args: readonly unknown[],
  f: (x: number, n: number) => boolean,
) {
  const n = Number(args[0]);
  return (a: A, b: B) => {
    const x = cell.number(a, b);
    return x !== undefined && f(x, n);
  };
}

/** Between two values, given in either order. */
function byRange<A, B>(
  cell: CellReader<A, B>,
  args: readonly unknown[],
  f: (x: number, lo: number, hi: number) => boolean,
) {
  const [n0, n1] = [Number(args[0]), Number(args[1])];
  const [lo, hi] = [Math.min(n0, n1), Math.max(n0, n1)];
  return (a: A, b: B) => {
    const x = cell.number(a, b);
    return x !== undefined && f(x, lo, hi);
  };
}

function byDay<A, B>(cell: CellReader<A, B>, d0: number | null, f: (d: number, d0: number) => boolean) {
  return (a: A, b: B) => {
    const d = cell.day(a, b);
    return d !== null && d0 !== null && f(d, d0);
  };
}

/** The criteria `comparison` evaluates (every one but CUSTOM_FORMULA). */
export const COMPARED_CRITERIA = Object.keys(COMPARISONS);

/** The test of a comparison criteria on one cell, or null for criteria that compare nothing (CUSTOM_FORMULA). */
export function comparison<A, B>(
  criteria: string,
  args: readonly unknown[],
  cell: CellReader<A, B>,
  dayOf: (v: unknown) => number | null,
): ((a: A, b: B) => boolean) | null {
  const make = COMPARISONS[criteria];
  return make ? make(cell, args, dayOf) : null;
}
