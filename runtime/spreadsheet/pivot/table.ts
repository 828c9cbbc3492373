// PivotTable, PivotGroup, PivotGroupLimit, PivotValue and PivotFilter
// (developers.google.com/apps-script/reference/spreadsheet/pivot-table, pivot-group,
// pivot-group-limit, pivot-value, pivot-filter) over the stored PivotSpec. Every call is a round
// trip on Google (the objects are live references into the sheet), counted as such.
//
// Where the reference is silent the runtime is strict (each has a selftest case, pivot.*):
// column numbers outside the source range, a source range whose first (header) row is empty, an
// anchor inside its own source, a column grouped twice, a second filter on one column, a group
// limit below 1, CUSTOM on a value that has no formula, and any use of a removed pivot or member
// all throw.
// Over ~400 lines: five Google classes that are views of one PivotSpec and share its checks.
import { unwrap } from '../../instrument';
import { asEnum, exposeSelf, Exposable, GRange, Svc, toInt } from '../common';
import { rangeToStored } from '../validation';
import type { Rect, SheetData } from '../workbook';
import { compileCalc } from './calc';
import { criteriaSpecOf, filterCriteriaObj } from './criteria';
import { DISPLAY_TYPES, PivotFilterSpec, PivotGroupSpec, PivotSpec, PivotValueSpec, SUMMARIZE_FUNCTIONS } from './model';
import { clearPivotOutput } from './sync';

type GPivot = GoogleAppsScript.Spreadsheet.PivotTable;
type GGroup = GoogleAppsScript.Spreadsheet.PivotGroup;
type GValue = GoogleAppsScript.Spreadsheet.PivotValue;
type GFilter = GoogleAppsScript.Spreadsheet.PivotFilter;

const GONE = 'The pivot table no longer exists.';

/** Shared by the member objects: the live pivot, or an error when it was removed. */
class PivotRef {
  constructor(
    readonly svc: Svc,
    readonly sheet: SheetData,
    readonly spec: PivotSpec,
  ) {}
  live(): PivotSpec {
    if (!this.sheet.pivots.includes(this.spec) || !this.svc.wb.sheets.includes(this.sheet)) throw new Error(GONE);
    return this.spec;
  }
  /** A source column number, checked against the source range. */
  column(v: unknown, what = 'sourceDataColumn'): number {
    const c = toInt(v);
    const { col, numCols } = this.spec.source.rect;
    if (c < col || c >= col + numCols) throw new Error(`Invalid argument: ${what} (column ${c} is outside the source data range)`);
    return c;
  }
}

function pivotObj(ref: PivotRef): GPivot {
  return exposeSelf(new PivotTableImpl(ref), 'PivotTable', ref.svc) as unknown as GPivot;
}

class PivotTableImpl implements Pick<GPivot, 'addColumnGroup' | 'addRowGroup' | 'getAnchorCell' | 'remove'>, Exposable {
  _self: unknown;
  constructor(readonly _ref: PivotRef) {}
  private group(dim: 'rows' | 'cols', col: unknown): GGroup {
    const p = this._ref.live();
    const c = this._ref.column(col);
    if ([...p.rows, ...p.cols].some((g) => g.col === c)) throw new Error(`Invalid argument: sourceDataColumn (column ${c} is already grouped)`);
    const g: PivotGroupSpec = { col: c, ascending: true, sortBy: null, limit: null, showTotals: true, repeatLabels: false, displayName: null };
    p[dim].push(g);
    return groupObj(this._ref, g);
  }
  addRowGroup(sourceDataColumn: number): GGroup {
    return this.group('rows', sourceDataColumn);
  }
  addColumnGroup(sourceDataColumn: number): GGroup {
    return this.group('cols', sourceDataColumn);
  }
  addPivotValue(sourceDataColumn: number, summarizeFunction: unknown): GValue {
    const p = this._ref.live();
    const c = this._ref.column(sourceDataColumn);
    const fn = String(summarizeFunction);
    if (!SUMMARIZE_FUNCTIONS.includes(fn)) throw new Error('Invalid argument: summarizeFunction');
    if (fn === 'CUSTOM') throw new Error('Invalid argument: summarizeFunction (CUSTOM needs a formula: use addCalculatedPivotValue)');
    const v: PivotValueSpec = { col: c, fn, formula: null, displayName: null, displayType: 'DEFAULT' };
    p.values.push(v);
    return valueObj(this._ref, v);
  }
  addCalculatedPivotValue(name: string, formula: string): GValue {
    const p = this._ref.live();
    const f = String(formula);
    compileCalc(f);
    // VERIFY (pivot.calculated-default): a calculated value is summarised CUSTOM, the formula over each cell's records
    const v: PivotValueSpec = { col: null, fn: 'CUSTOM', formula: f, displayName: String(name), displayType: 'DEFAULT' };
    p.values.push(v);
    return valueObj(this._ref, v);
  }
  addFilter(sourceDataColumn: number, filterCriteria: GoogleAppsScript.Spreadsheet.FilterCriteria): GFilter {
    const p = this._ref.live();
    const c = this._ref.column(sourceDataColumn);
    const criteria = criteriaSpecOf(filterCriteria);
    if (p.filters.some((f) => f.col === c)) throw new Error(`Invalid argument: sourceDataColumn (column ${c} already has a filter)`);
    const f: PivotFilterSpec = { col: c, criteria };
    p.filters.push(f);
    return filterObj(this._ref, f);
  }
  asDataSourcePivotTable(): null {
    return null;
  }
  getAnchorCell(): GRange {
    const p = this._ref.live();
    return this._ref.svc.range(this._ref.sheet, { row: p.anchor.row, col: p.anchor.col, numRows: 1, numCols: 1 });
  }
  getRowGroups(): GGroup[] {
    return this._ref.live().rows.map((g) => groupObj(this._ref, g));
  }
  getColumnGroups(): GGroup[] {
    return this._ref.live().cols.map((g) => groupObj(this._ref, g));
  }
  getPivotValues(): GValue[] {
    return this._ref.live().values.map((v) => valueObj(this._ref, v));
  }
  getFilters(): GFilter[] {
    return this._ref.live().filters.map((f) => filterObj(this._ref, f));
  }
  getSourceDataRange(): GRange {
    const p = this._ref.live();
    const s = this._ref.svc.wb.sheetById(p.source.sheetId);
    if (!s) throw new Error('The source data range of this pivot table was deleted.');
    return this._ref.svc.range(s, { ...p.source.rect });
  }
  getValuesDisplayOrientation(): GoogleAppsScript.Spreadsheet.Dimension {
    return asEnum(this._ref.live().valuesAlong);
  }
  setValuesDisplayOrientation(dimension: unknown): GPivot {
    const d = String(dimension);
    if (d !== 'ROWS' && d !== 'COLUMNS') throw new Error('Invalid argument: dimension');
    this._ref.live().valuesAlong = d;
    return this._self as GPivot;
  }
  remove(): void {
    const p = this._ref.live();
    clearPivotOutput(this._ref.sheet, p);
    this._ref.sheet.pivots = this._ref.sheet.pivots.filter((x) => x !== p);
  }
}

// ------------------------------------------------------------------ PivotGroup

function groupObj(ref: PivotRef, g: PivotGroupSpec): GGroup {
  return exposeSelf(new PivotGroupImpl(ref, g), 'PivotGroup', ref.svc) as unknown as GGroup;
}

class PivotGroupImpl implements Pick<GGroup, 'getIndex' | 'remove' | 'sortAscending'>, Exposable {
  _self: unknown;
  constructor(
    readonly _ref: PivotRef,
    readonly _g: PivotGroupSpec,
  ) {}
  private list(): PivotGroupSpec[] {
    const p = this._ref.live();
    if (p.rows.includes(this._g)) return p.rows;
    if (p.cols.includes(this._g)) return p.cols;
    throw new Error('The pivot group no longer exists.');
  }
  private chain(fn: () => void): GGroup {
    this.list();
    fn();
    return this._self as GGroup;
  }
  areLabelsRepeated(): boolean {
    this.list();
    return this._g.repeatLabels;
  }
  clearGroupingRule(): GGroup {
    return this.chain(() => undefined); // no grouping rules are ever set: the runtime has none
  }
  clearSort(): GGroup {
    // VERIFY (pivot.group-clear-sort): with no sort, Sheets lists the values ascending
    return this.chain(() => {
      this._g.ascending = true;
      this._g.sortBy = null;
    });
  }
  getDimension(): GoogleAppsScript.Spreadsheet.Dimension {
    return asEnum(this.list() === this._ref.spec.rows ? 'ROWS' : 'COLUMNS');
  }
  getIndex(): number {
    return this.list().indexOf(this._g);
  }
  getPivotTable(): GPivot {
    this.list();
    return pivotObj(this._ref);
  }
  getSourceDataColumn(): number {
    this.list();
    return this._g.col;
  }
  getGroupLimit(): GoogleAppsScript.Spreadsheet.PivotGroup | null {
    this.list();
    return this._g.limit === null ? null : (limitObj(this._ref, this._g) as never);
  }
  /**
   * "Sets the pivot group limit on the pivot group. The operation is only supported for
   * DataSourcePivotTable" (reference/spreadsheet/pivot-group#setgrouplimitcountlimit): every pivot
   * here is over a range, so it is refused (the wording is a *model*; self-test
   * pivot.group-limit-refused). The limit's arithmetic (compute.ts) stays for a pivot model that
   * carries one.
   */
  setGroupLimit(countLimit: number): GGroup {
    this.list();
    const n = toInt(countLimit);
    if (n < 1) throw new Error('Invalid argument: countLimit (must be at least 1)');
    throw new Error('Exception: The operation is only supported for DataSourcePivotTable.');
  }
  hideRepeatedLabels(): GGroup {
    return this.chain(() => (this._g.repeatLabels = false));
  }
  showRepeatedLabels(): GGroup {
    return this.chain(() => (this._g.repeatLabels = true));
  }
  isSortAscending(): boolean {
    this.list();
    return this._g.ascending;
  }
  moveToIndex(index: number): GGroup {
    const list = this.list();
    const i = toInt(index);
    if (i < 0 || i >= list.length) throw new Error('Invalid argument: index');
    return this.chain(() => {
      list.splice(list.indexOf(this._g), 1);
      list.splice(i, 0, this._g);
    });
  }
  remove(): void {
    const list = this.list();
    list.splice(list.indexOf(this._g), 1);
  }
  resetDisplayName(): GGroup {
    return this.chain(() => (this._g.displayName = null));
  }
  setDisplayName(name: string): GGroup {
    return this.chain(() => (this._g.displayName = String(name)));
  }
  showTotals(showTotals: boolean): GGroup {
    return this.chain(() => (this._g.showTotals = !!showTotals));
  }
  totalsAreShown(): boolean {
    this.list();
    return this._g.showTotals;
  }
  sortAscending(): GGroup {
    return this.chain(() => (this._g.ascending = true));
  }
  sortDescending(): GGroup {
    return this.chain(() => (this._g.ascending = false));
  }
  sortBy(value: GValue, oppositeGroupValues: unknown[]): GGroup {
    const list = this.list();
    const raw = unwrap(value as object) as unknown as PivotValueImpl;
    if (!(raw instanceof PivotValueImpl) || raw._ref.spec !== this._ref.spec) throw new Error('Invalid argument: value');
    const vi = this._ref.spec.values.indexOf(raw._v);
    if (vi < 0) throw new Error('Invalid argument: value (removed from the pivot table)');
    if (!Array.isArray(oppositeGroupValues)) throw new Error('Invalid argument: oppositeGroupValues');
    const opposite = list === this._ref.spec.rows ? this._ref.spec.cols : this._ref.spec.rows;
    if (oppositeGroupValues.length > opposite.length) throw new Error('Invalid argument: oppositeGroupValues (more values than opposite groups)');
    return this.chain(() => (this._g.sortBy = { value: vi, opposite: oppositeGroupValues.map((x) => x as string) }));
  }
}

function limitObj(ref: PivotRef, g: PivotGroupSpec) {
  const check = () => {
    if (!ref.live().rows.includes(g) && !ref.spec.cols.includes(g)) throw new Error('The pivot group no longer exists.');
  };
  const o = {
    _self: undefined as unknown,
    getCountLimit: () => {
      check();
      return g.limit;
    },
    getPivotGroup: () => {
      check();
      return groupObj(ref, g);
    },
    remove: () => {
      check();
      g.limit = null;
    },
    setCountLimit: (countLimit: number) => {
      check();
      const n = toInt(countLimit);
      if (n < 1) throw new Error('Invalid argument: countLimit (must be at least 1)');
      g.limit = n;
      return o._self;
    },
  };
  return exposeSelf(o, 'PivotGroupLimit', ref.svc);
}

// ------------------------------------------------------------------ PivotValue

function valueObj(ref: PivotRef, v: PivotValueSpec): GValue {
  return exposeSelf(new PivotValueImpl(ref, v), 'PivotValue', ref.svc) as unknown as GValue;
}

class PivotValueImpl implements Pick<GValue, 'getFormula' | 'showAs'>, Exposable {
  _self: unknown;
  constructor(
    readonly _ref: PivotRef,
    readonly _v: PivotValueSpec,
  ) {}
  private live(): PivotValueSpec {
    if (!this._ref.live().values.includes(this._v)) throw new Error('The pivot value no longer exists.');
    return this._v;
  }
  getDisplayType(): GoogleAppsScript.Spreadsheet.PivotValueDisplayType {
    return asEnum(this.live().displayType);
  }
  getFormula(): string | null {
    return this.live().formula;
  }
  getPivotTable(): GPivot {
    this.live();
    return pivotObj(this._ref);
  }
  getSourceDataColumn(): number | null {
    return this.live().col;
  }
  getSummarizedBy(): GoogleAppsScript.Spreadsheet.PivotTableSummarizeFunction {
    return asEnum(this.live().fn);
  }
  remove(): void {
    const p = this._ref.live();
    const i = p.values.indexOf(this.live());
    p.values.splice(i, 1);
    // a sort by this value goes with it; later values move down one place
    for (const g of [...p.rows, ...p.cols]) {
      if (!g.sortBy) continue;
      if (g.sortBy.value === i) g.sortBy = null;
      else if (g.sortBy.value > i) g.sortBy.value--;
    }
  }
  setDisplayName(name: string): GValue {
    this.live().displayName = String(name);
    return this._self as GValue;
  }
  setFormula(formula: string): GValue {
    const v = this.live();
    if (v.formula === null) throw new Error('Invalid argument: setFormula applies to calculated pivot values only');
    const f = String(formula);
    compileCalc(f);
    v.formula = f;
    return this._self as GValue;
  }
  showAs(displayType: unknown): GValue {
    const d = String(displayType);
    if (!DISPLAY_TYPES.includes(d)) throw new Error('Invalid argument: displayType');
    this.live().displayType = d;
    return this._self as GValue;
  }
  summarizeBy(summarizeFunction: unknown): GValue {
    const v = this.live();
    const fn = String(summarizeFunction);
    if (!SUMMARIZE_FUNCTIONS.includes(fn)) throw new Error('Invalid argument: summarizeFunction');
    // Sheets API PivotValue.summarizeFunction: "If formula is set, the only supported values are SUM and CUSTOM"
    if (v.formula !== null && fn !== 'SUM' && fn !== 'CUSTOM')
      throw new Error('Invalid argument: summarizeFunction (a calculated value is summarised by SUM or CUSTOM)');
    if (v.formula === null && fn === 'CUSTOM') throw new Error('Invalid argument: summarizeFunction (CUSTOM needs a formula)');
    v.fn = fn;
    return this._self as GValue;
  }
}

// ------------------------------------------------------------------ PivotFilter

function filterObj(ref: PivotRef, f: PivotFilterSpec): GFilter {
  const live = () => {
    if (!ref.live().filters.includes(f)) throw new Error('The pivot filter no longer exists.');
    return f;
  };
  const o = {
    _self: undefined as unknown,
    getFilterCriteria: () => filterCriteriaObj(live().criteria, ref.svc),
    getPivotTable: () => {
      live();
      return pivotObj(ref);
    },
    getSourceDataColumn: () => live().col,
    remove: () => {
      live();
      ref.spec.filters = ref.spec.filters.filter((x) => x !== f);
    },
    setFilterCriteria: (criteria: GoogleAppsScript.Spreadsheet.FilterCriteria) => {
      live().criteria = criteriaSpecOf(criteria);
      return o._self;
    },
  };
  return exposeSelf(o, 'PivotFilter', ref.svc) as unknown as GFilter;
}

// ------------------------------------------------------------------ entry points

/** Range.createPivotTable(sourceData): an empty pivot anchored at the range's first cell. */
export function createPivotTable(svc: Svc, sheet: SheetData, at: Rect, sourceData: unknown): GPivot {
  const source = rangeToStored(sourceData);
  const anchor = { row: at.row, col: at.col };
  const s = source.rect;
  if (source.sheetId === sheet.id && anchor.row >= s.row && anchor.row < s.row + s.numRows && anchor.col >= s.col && anchor.col < s.col + s.numCols)
    throw new Error('Invalid argument: the pivot table cannot be anchored inside its source data range.');
  const srcSheet = svc.wb.sheetById(source.sheetId)!;
  const header = srcSheet.rows[s.row - 1];
  let hasHeader = false;
  for (let c = s.col; c < s.col + s.numCols && header; c++) if (header[c - 1] !== undefined && header[c - 1] !== '') hasHeader = true;
  if (!hasHeader) throw new Error('Invalid argument: sourceData (its first row, the header row, is empty)');
  // a pivot anchored where another one is replaces it (the anchor cell holds one pivot table)
  const old = sheet.pivots.find((p) => p.anchor.row === anchor.row && p.anchor.col === anchor.col);
  if (old) {
    clearPivotOutput(sheet, old);
    sheet.pivots = sheet.pivots.filter((p) => p !== old);
  }
  const spec: PivotSpec = { id: svc.wb.newId(), anchor, source, rows: [], cols: [], values: [], filters: [], valuesAlong: 'COLUMNS', out: null };
  sheet.pivots.push(spec);
  return pivotObj(new PivotRef(svc, sheet, spec));
}

/** Sheet.getPivotTables(): the pivots anchored on the sheet, in the order they were made. */
export function pivotTablesOf(svc: Svc, sheet: SheetData): GPivot[] {
  return sheet.pivots.map((p) => pivotObj(new PivotRef(svc, sheet, p)));
}

/** The stored spec behind a PivotTable (for the runtime's own use). */
export function pivotSpecOf(p: unknown): PivotSpec {
  const raw = unwrap(p as object) as unknown as PivotTableImpl;
  if (!(raw instanceof PivotTableImpl)) throw new Error('Invalid argument: pivotTable');
  return raw._ref.spec;
}
