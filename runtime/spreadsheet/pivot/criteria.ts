// FilterCriteria and FilterCriteriaBuilder (developers.google.com/apps-script/reference/spreadsheet/
// filter-criteria, …/filter-criteria-builder): the conditions pivot filters and slicers use.
// setVisibleValues / setHiddenValues each clear the other ("Clears any existing visible or hidden
// values"); a condition (whenTextContains…) sits beside them. Values match a source cell by the
// text it shows. Text conditions ignore case, as Sheets' filter conditions do.
import { NotProvidedError, unwrap } from '../../instrument';
import { asEnum, exposeSelf, Exposable, Svc } from '../common';
import { BOOLEAN_CRITERIA } from '../conditionalFormat';
import { toSerial } from '../../zone';
import { cloneCriteria, CriteriaSpec } from './model';

type GCriteria = GoogleAppsScript.Spreadsheet.FilterCriteria;
type GBuilder = GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder;

/** Conditions the local runtime evaluates; any other BooleanCriteria is refused when set. */
const SUPPORTED = new Set([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
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
  'TEXT_ENDS_WITH',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
]);

const emptySpec = (): CriteriaSpec => ({ type: null, args: [], visible: null, hidden: [] });

function readOnly(spec: CriteriaSpec, svc: Svc) {
  return {
    getCriteriaType: () => (spec.type === null ? null : asEnum<GoogleAppsScript.Spreadsheet.BooleanCriteria>(spec.type)),
    getCriteriaValues: () => spec.args.map((a) => (a instanceof Date ? svc.ctx.realm.newDate(a.getTime()) : a)),
    getHiddenValues: () => [...spec.hidden],
    getVisibleValues: () => (spec.visible ? [...spec.visible] : []),
  };
}

class CriteriaImpl implements Pick<GCriteria, 'copy' | 'getHiddenValues' | 'getVisibleValues'>, Exposable {
  _self: unknown;
  constructor(
    readonly _spec: CriteriaSpec,
    private svc: Svc,
  ) {}
  copy(): GBuilder {
    return newFilterCriteriaBuilder(this.svc, cloneCriteria(this._spec));
  }
  getCriteriaType() {
    return readOnly(this._spec, this.svc).getCriteriaType();
  }
  getCriteriaValues(): any[] {
    return readOnly(this._spec, this.svc).getCriteriaValues();
  }
  getHiddenValues(): string[] {
    return [...this._spec.hidden];
  }
  getVisibleValues(): string[] {
    return this._spec.visible ? [...this._spec.visible] : [];
  }
}

const strings = (values: unknown, what: string): string[] => {
  if (!Array.isArray(values)) throw new Error(`Invalid argument: ${what}`);
  return values.map((v) => String(v));
};

const dateArg = (d: unknown): Date => {
  if (Object.prototype.toString.call(d) !== '[object Date]')
    throw new NotProvidedError('FilterCriteriaBuilder', 'when date with a RelativeDate');
  return new Date((d as Date).getTime());
};

const numArg = (n: unknown): number => {
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error('Invalid argument: number');
  return n;
};

class BuilderImpl extends CriteriaImpl {
  private set(type: string, args: unknown[]): GBuilder {
    this._spec.type = type;
    this._spec.args = args;
    return this._self as GBuilder;
  }
  build(): GCriteria {
    return filterCriteriaObj(cloneCriteria(this._spec), (this as unknown as { svc: Svc }).svc);
  }
  setHiddenValues(values: string[]): GBuilder {
    this._spec.hidden = strings(values, 'values');
    this._spec.visible = null;
    return this._self as GBuilder;
  }
  setVisibleValues(values: string[]): GBuilder {
    this._spec.visible = strings(values, 'values');
    this._spec.hidden = [];
    return this._self as GBuilder;
  }
  whenCellEmpty(): GBuilder {
    return this.set('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): GBuilder {
    return this.set('CELL_NOT_EMPTY', []);
  }
  whenDateAfter(date: unknown): GBuilder {
    return this.set('DATE_AFTER', [dateArg(date)]);
  }
  whenDateBefore(date: unknown): GBuilder {
    return this.set('DATE_BEFORE', [dateArg(date)]);
  }
  whenDateEqualTo(date: unknown): GBuilder {
    return this.set('DATE_EQUAL_TO', [dateArg(date)]);
  }
  whenFormulaSatisfied(formula: string): GBuilder {
    void formula;
    throw new NotProvidedError('FilterCriteriaBuilder', 'whenFormulaSatisfied');
  }
  whenNumberBetween(start: number, end: number): GBuilder {
    return this.set('NUMBER_BETWEEN', [numArg(start), numArg(end)]);
  }
  whenNumberEqualTo(n: number): GBuilder {
    return this.set('NUMBER_EQUAL_TO', [numArg(n)]);
  }
  whenNumberGreaterThan(n: number): GBuilder {
    return this.set('NUMBER_GREATER_THAN', [numArg(n)]);
  }
  whenNumberGreaterThanOrEqualTo(n: number): GBuilder {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [numArg(n)]);
  }
  whenNumberLessThan(n: number): GBuilder {
    return this.set('NUMBER_LESS_THAN', [numArg(n)]);
  }
  whenNumberLessThanOrEqualTo(n: number): GBuilder {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [numArg(n)]);
  }
  whenNumberNotBetween(start: number, end: number): GBuilder {
    return this.set('NUMBER_NOT_BETWEEN', [numArg(start), numArg(end)]);
  }
  whenNumberNotEqualTo(n: number): GBuilder {
    return this.set('NUMBER_NOT_EQUAL_TO', [numArg(n)]);
  }
  whenTextContains(t: string): GBuilder {
    return this.set('TEXT_CONTAINS', [String(t)]);
  }
  whenTextDoesNotContain(t: string): GBuilder {
    return this.set('TEXT_DOES_NOT_CONTAIN', [String(t)]);
  }
  whenTextEndsWith(t: string): GBuilder {
    return this.set('TEXT_ENDS_WITH', [String(t)]);
  }
  whenTextEqualTo(t: string): GBuilder {
    return this.set('TEXT_EQUAL_TO', [String(t)]);
  }
  whenTextStartsWith(t: string): GBuilder {
    return this.set('TEXT_STARTS_WITH', [String(t)]);
  }
  withCriteria(criteria: unknown, args: unknown[]): GBuilder {
    const name = String(criteria);
    if (!BOOLEAN_CRITERIA.includes(name)) throw new Error('Invalid argument: criteria');
    if (!SUPPORTED.has(name)) throw new NotProvidedError('FilterCriteriaBuilder', `withCriteria(${name})`);
    if (!Array.isArray(args)) throw new Error('Invalid argument: args');
    return this.set(name, args.map((a) => (a instanceof Date || Object.prototype.toString.call(a) === '[object Date]' ? dateArg(a) : a)));
  }
}

export function filterCriteriaObj(spec: CriteriaSpec, svc: Svc): GCriteria {
  return exposeSelf(new CriteriaImpl(spec, svc), 'FilterCriteria', svc) as unknown as GCriteria;
}

export function newFilterCriteriaBuilder(svc: Svc, spec: CriteriaSpec = emptySpec()): GBuilder {
  return exposeSelf(new BuilderImpl(spec, svc), 'FilterCriteriaBuilder', svc) as unknown as GBuilder;
}

/** The stored criteria behind a FilterCriteria (or a builder handed in by mistake: refused). */
export function criteriaSpecOf(c: unknown): CriteriaSpec {
  const raw = c ? (unwrap(c as object) as CriteriaImpl) : null;
  if (!raw || !(raw instanceof CriteriaImpl) || raw instanceof BuilderImpl) throw new Error('Invalid argument: filterCriteria');
  return cloneCriteria(raw._spec);
}

/** A test on one source cell: its value and the text it shows. */
export type CellTest = (value: unknown, shown: string) => boolean;

export function criteriaTest(spec: CriteriaSpec, tz: string): CellTest {
  const visible = spec.visible ? new Set(spec.visible) : null;
  const hidden = spec.hidden.length ? new Set(spec.hidden) : null;
  const cond = spec.type ? condition(spec.type, spec.args, tz) : null;
  return (v, shown) => {
    if (visible && !visible.has(shown)) return false;
    if (hidden && hidden.has(shown)) return false;
    return cond ? cond(v, shown) : true;
  };
}

const day = (tz: string, v: unknown): number | null =>
  v instanceof Date ? Math.floor(toSerial(tz, v.getTime())) : typeof v === 'number' ? Math.floor(v) : null;

function condition(type: string, args: unknown[], tz: string): CellTest {
  const n = (i: number) => Number(args[i]);
  const t = (i: number) => String(args[i] ?? '').toLowerCase();
  const num = (f: (x: number) => boolean): CellTest => (v) => typeof v === 'number' && f(v);
  const text = (f: (s: string) => boolean): CellTest => (_v, shown) => f(shown.toLowerCase());
  const date = (f: (d: number, a: number) => boolean): CellTest => {
    const a = day(tz, args[0]);
    return (v) => {
      const d = day(tz, v);
      return d !== null && a !== null && f(d, a);
    };
  };
  switch (type) {
    case 'CELL_EMPTY':
      return (_v, shown) => shown === '';
    case 'CELL_NOT_EMPTY':
      return (_v, shown) => shown !== '';
    case 'DATE_AFTER':
      return date((d, a) => d > a);
    case 'DATE_BEFORE':
      return date((d, a) => d < a);
    case 'DATE_EQUAL_TO':
      return date((d, a) => d === a);
    case 'NUMBER_BETWEEN':
      return num((x) => x >= Math.min(n(0), n(1)) && x <= Math.max(n(0), n(1)));
    case 'NUMBER_NOT_BETWEEN':
      return num((x) => x < Math.min(n(0), n(1)) || x > Math.max(n(0), n(1)));
    case 'NUMBER_EQUAL_TO':
      return num((x) => x === n(0));
    case 'NUMBER_NOT_EQUAL_TO':
      return num((x) => x !== n(0));
    case 'NUMBER_GREATER_THAN':
      return num((x) => x > n(0));
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num((x) => x >= n(0));
    case 'NUMBER_LESS_THAN':
      return num((x) => x < n(0));
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num((x) => x <= n(0));
    case 'TEXT_CONTAINS':
      return text((s) => s.includes(t(0)));
    case 'TEXT_DOES_NOT_CONTAIN':
      return text((s) => !s.includes(t(0)));
    case 'TEXT_STARTS_WITH':
      return text((s) => s.startsWith(t(0)));
    case 'TEXT_ENDS_WITH':
      return text((s) => s.endsWith(t(0)));
    case 'TEXT_EQUAL_TO':
      return text((s) => s === t(0));
    default:
      throw new NotProvidedError('FilterCriteria', type);
  }
}
