// The timing proxy: Apps Script's services wrapped so that every call the self-test (and the add-on
// code it drives) makes is recorded with its duration and the cells it moved. The records become
// the results sheet's "call" rows, from which `selftest:compare` fits bench/costModel.ts.
//
// Google's objects are host objects: a proxy must never be handed back to them, so arguments are
// unwrapped (one level, and inside arrays) before each real call. The proxy's target is an empty
// object, so Proxy invariants of the host object can never be violated.
import type { Services } from '../src/gas/services';

export interface CallRecord {
  /** The case or end-to-end step running when the call was made. */
  step: string;
  /** `Class.method`. */
  method: string;
  ms: number;
  cells: number;
  /** A spreadsheet-service round trip (bench/costModel.ts counts these; builders are local). */
  roundTrip: boolean;
}

/** The same classes runtime/instrument.ts counts as round trips (a test keeps the two lists equal). */
export const SPREADSHEET_CLASSES = [
  'SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'RangeList', 'DataValidation', 'ConditionalFormatRule',
  'Protection', 'EmbeddedChart', 'Filter', 'TextFinder', 'Selection',
  'PivotTable', 'PivotGroup', 'PivotGroupLimit', 'PivotValue', 'PivotFilter', 'Slicer',
];

/** What a method returns, by the class it is called on: the label of the wrapped result. */
const RETURNS: Record<string, Record<string, string>> = {
  SpreadsheetApp: {
    getActiveSpreadsheet: 'Spreadsheet', getActive: 'Spreadsheet', getActiveSheet: 'Sheet', getActiveRange: 'Range',
    getUi: 'Ui', newDataValidation: 'DataValidationBuilder', newConditionalFormatRule: 'ConditionalFormatRuleBuilder',
    newFilterCriteria: 'FilterCriteriaBuilder',
  },
  Spreadsheet: { getSheetByName: 'Sheet', insertSheet: 'Sheet', getActiveSheet: 'Sheet', getSheets: 'Sheet', getRange: 'Range', getActiveRange: 'Range', getSelection: 'Selection' },
  Sheet: {
    getRange: 'Range', getDataRange: 'Range', getActiveRange: 'Range', getParent: 'Spreadsheet', protect: 'Protection',
    getProtections: 'Protection', getConditionalFormatRules: 'ConditionalFormatRule', newChart: 'EmbeddedChartBuilder', getCharts: 'EmbeddedChart',
    getPivotTables: 'PivotTable', insertSlicer: 'Slicer', getSlicers: 'Slicer',
  },
  Range: {
    getSheet: 'Sheet', offset: 'Range', getCell: 'Range', getDataValidation: 'DataValidation', protect: 'Protection',
    createPivotTable: 'PivotTable',
  },
  PivotTable: {
    addRowGroup: 'PivotGroup', addColumnGroup: 'PivotGroup', getRowGroups: 'PivotGroup', getColumnGroups: 'PivotGroup',
    addPivotValue: 'PivotValue', addCalculatedPivotValue: 'PivotValue', getPivotValues: 'PivotValue',
    addFilter: 'PivotFilter', getFilters: 'PivotFilter', getAnchorCell: 'Range', getSourceDataRange: 'Range',
  },
  PivotGroup: { getGroupLimit: 'PivotGroupLimit', getPivotTable: 'PivotTable' },
  PivotValue: { getPivotTable: 'PivotTable' },
  PivotFilter: { getPivotTable: 'PivotTable', getFilterCriteria: 'FilterCriteria' },
  FilterCriteriaBuilder: { build: 'FilterCriteria' },
  FilterCriteria: { copy: 'FilterCriteriaBuilder' },
  Slicer: { getRange: 'Range', getFilterCriteria: 'FilterCriteria' },
  DataValidation: { copy: 'DataValidationBuilder' },
  DataValidationBuilder: { build: 'DataValidation' },
  ConditionalFormatRule: { copy: 'ConditionalFormatRuleBuilder', getRanges: 'Range', getBooleanCondition: 'BooleanCondition' },
  ConditionalFormatRuleBuilder: { build: 'ConditionalFormatRule' },
  EmbeddedChartBuilder: { build: 'EmbeddedChart' },
  Protection: { getRange: 'Range' },
  LockService: { getDocumentLock: 'Lock', getScriptLock: 'Lock', getUserLock: 'Lock' },
  PropertiesService: { getDocumentProperties: 'Properties', getScriptProperties: 'Properties', getUserProperties: 'Properties' },
  CacheService: { getDocumentCache: 'Cache', getScriptCache: 'Cache', getUserCache: 'Cache' },
  ScriptApp: { newTrigger: 'TriggerBuilder', getProjectTriggers: 'Trigger', getUserTriggers: 'Trigger' },
  TriggerBuilder: { timeBased: 'ClockTriggerBuilder', forSpreadsheet: 'SpreadsheetTriggerBuilder' },
  ClockTriggerBuilder: { create: 'Trigger' },
  SpreadsheetTriggerBuilder: { create: 'Trigger' },
  Session: { getActiveUser: 'User', getEffectiveUser: 'User' },
  HtmlService: { createHtmlOutput: 'HtmlOutput', createHtmlOutputFromFile: 'HtmlOutput' },
  Ui: { createAddonMenu: 'Menu', createMenu: 'Menu' },
};

/** A builder's methods return the builder (asColumnChart() and the like return a chart builder). */
const returnsSelf = (cls: string, method: string): boolean =>
  /Builder$/.test(cls)
    ? method !== 'build'
    : cls === 'Menu' ||
      cls === 'HtmlOutput' ||
      (cls === 'Protection' && method.startsWith('set')) ||
      // pivot members and slicers chain their setters (sortAscending(), showTotals(), setTitle()…)
      (/^(PivotGroup|PivotValue|PivotFilter|PivotGroupLimit|PivotTable|Slicer)$/.test(cls) && !/^(get|is|are|totalsAre|remove|add)/.test(method));

/** Cells a call moved: the size of a 2-D array read or written, or one row appended. */
function cellsOf(method: string, args: unknown[], result: unknown): number {
  const grid = (v: unknown): number =>
    Array.isArray(v) && Array.isArray(v[0]) ? v.length * (v[0] as unknown[]).length : 0;
  if (method === 'appendRow' && Array.isArray(args[0])) return args[0].length;
  if (method === 'setValue' || method === 'getValue' || method === 'getDisplayValue') return 1;
  return Math.max(grid(result), ...args.map(grid), 0);
}

export class CallLog {
  step = '';
  records: CallRecord[] = [];
  private readonly targets = new WeakMap<object, object>();
  private readonly proxies = new WeakMap<object, object>();
  private readonly roundTrips = new Set(SPREADSHEET_CLASSES);

  constructor(private readonly now: () => number) {}

  /** Records of one step: calls, cells and the summed call time. */
  totals(step: string): { calls: number; cells: number; ms: number } {
    let calls = 0;
    let cells = 0;
    let ms = 0;
    for (const r of this.records) {
      if (r.step !== step || !r.roundTrip) continue;
      calls++;
      cells += r.cells;
      ms += r.ms;
    }
    return { calls, cells, ms };
  }

  /** The real object behind a proxy (anything else is returned as it is). */
  unwrap<T>(v: T): T {
    return (v && typeof v === 'object' && (this.targets.get(v as unknown as object) as T)) || v;
  }

  private unwrapArgs(args: unknown[]): unknown[] {
    return args.map((a) => {
      if (!Array.isArray(a)) return this.unwrap(a);
      let changed = false;
      const out = a.map((x) => {
        const u = x && typeof x === 'object' ? this.unwrap(x) : x;
        if (u !== x) changed = true;
        return u;
      });
      return changed ? out : a;
    });
  }

  /** `target` with every method call timed, labelled `cls.method`. */
  wrap<T extends object>(target: T, cls: string): T {
    const known = this.proxies.get(target);
    if (known) return known as T;
    const record = (r: CallRecord) => this.records.push(r);
    const unwrapArgs = (a: unknown[]) => this.unwrapArgs(a);
    const wrapResult = (r: unknown, p: string) => this.wrapResult(r, target, cls, p);
    const now = this.now;
    const roundTrips = this.roundTrips;
    const step = () => this.step;
    const proxy = new Proxy(
      {},
      {
        get(_empty, prop) {
          const v = (target as any)[prop];
          if (typeof prop === 'symbol' || typeof v !== 'function') return v;
          return function timed(...args: unknown[]) {
            const method = `${cls}.${prop}`;
            const real = unwrapArgs(args);
            const started = now();
            const result = v.apply(target, real);
            const ms = now() - started;
            const roundTrip = roundTrips.has(cls) && !(cls === 'SpreadsheetApp' && prop.startsWith('new'));
            record({ step: step(), method, ms, cells: cellsOf(prop, args, result), roundTrip });
            return wrapResult(result, prop);
          };
        },
        has: (_empty, prop) => prop in target,
      },
    );
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy as T;
  }

  private wrapResult(result: unknown, target: object, cls: string, method: string): unknown {
    if (result === target) return this.proxies.get(target);
    if (!result || typeof result !== 'object') return result;
    const label = RETURNS[cls]?.[method] ?? (returnsSelf(cls, method) ? cls : null);
    if (!label) return result;
    if (Array.isArray(result)) return result.map((x) => (x && typeof x === 'object' ? this.wrap(x, label) : x));
    return this.wrap(result as object, label);
  }
}

/** The services with every call timed (enums such as ScriptApp.AuthMode pass through unchanged). */
export function timedServices(svc: Services, log: CallLog): Services {
  const out = {} as Record<string, unknown>;
  for (const [name, service] of Object.entries(svc)) out[name] = service ? log.wrap(service as object, name) : service;
  return out as unknown as Services;
}
