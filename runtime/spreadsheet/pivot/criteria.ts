// FilterCriteria and FilterCriteriaBuilder (developers.google.com/apps-script/reference/spreadsheet/
// filter-criteria, …/filter-criteria-builder): the conditions pivot filters and slicers use.
// setVisibleValues / setHiddenValues each clear the other ("Clears any existing visible or hidden
// values"); a condition (whenTextContains…) sits beside them. Values match a source cell by the
// text it shows. The `when…` methods and the comparisons are the conditional format's
// (../booleanCondition.ts); text conditions ignore case, as Sheets' filter conditions do.
import { NotProvidedError, unwrap } from '../../instrument';
import { asEnum, exposeSelf, Exposable, Svc } from '../common';
import { BooleanConditions, COMPARED_CRITERIA, comparison } from '../booleanCondition';
import { toSerial } from '../../zone';
import { cloneCriteria, CriteriaSpec } from './model';

type GCriteria = GoogleAppsScript.Spreadsheet.FilterCriteria;
type GBuilder = GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder;

/**
 * Conditions the local runtime evaluates in a filter; any other BooleanCriteria is refused when set.
 * A relative date would need the instant a pivot is computed: left unmodelled rather than guessed.
 */
const SUPPORTED = new Set(COMPARED_CRITERIA.filter((c) => !c.endsWith('_RELATIVE')));

/**
 * Criteria the page allows only on data connected to a database ("You can only use this criteria
 * with data connected to a database": filter-criteria-builder#whentextnotequaltotext,
 * #whendatenotequaltodate; withCriteria: "some BooleanCriteria aren't applicable for all filters").
 * The runtime has no connected data, so a filter can never take them: refused when set (*model*:
 * where Google refuses, at the builder or when the criteria is applied, is not documented).
 */
const DATABASE_ONLY = new Set(['TEXT_NOT_EQUAL_TO', 'DATE_NOT_EQUAL_TO']);

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

/**
 * setHiddenValues / setVisibleValues take a String[] and throw "If any of the values are `null`"
 * (filter-criteria-builder#sethiddenvaluesvalues, #setvisiblevaluesvalues): null or undefined
 * refused; any other non-string too (*model*: whether Apps Script turns a number into its text is
 * not documented, the stricter answer).
 */
const strings = (values: unknown, what: string): string[] => {
  if (!Array.isArray(values)) throw new Error(`Invalid argument: ${what}`);
  return values.map((v) => {
    if (typeof v !== 'string') throw new Error(`Invalid argument: ${what}`);
    return v;
  });
};

class BuilderImpl extends BooleanConditions<GBuilder, typeof CriteriaImpl>(CriteriaImpl) {
  protected override condition(type: string, args: unknown[]): GBuilder {
    if (DATABASE_ONLY.has(type)) throw new Error(`Invalid argument: criteria (${type} is only for data connected to a database)`);
    if (!SUPPORTED.has(type)) throw new NotProvidedError('FilterCriteriaBuilder', `a condition ${type}`);
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
  const test = comparison<unknown, string>(
    type,
    args,
    {
      text: (_v, shown) => shown.toLowerCase(),
      number: (v) => (typeof v === 'number' ? v : undefined),
      day: (v) => day(tz, v),
    },
    (a) => day(tz, a),
  );
  if (!test) throw new NotProvidedError('FilterCriteria', type);
  return test;
}
