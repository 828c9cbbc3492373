// Every emulated Apps Script object is handed out through `expose`: it counts each method call
// for the benchmark, and turns any member the runtime does not provide into a clear error instead
// of a silent `undefined` (a missing method must never look like it worked).
//
// One public call is one call, as on Google: a member the runtime implements by calling its own
// public members (Spreadsheet.getActiveRange → getActiveSheet → Sheet.getActiveRange) counts once,
// for the member the script called. Calls the runtime makes while a counted call runs are its own
// (`depth` > 0); only code of the script (a template's scriptlets, another execution slipped in at
// a lock or a sleep) counts again, through `asCaller`.

import { GOOGLE_MEMBERS } from './googleMembers';

export interface CallStats {
  /** Calls on spreadsheet-service objects (SpreadsheetApp, Spreadsheet, Sheet, Range, …): the round trips. */
  spreadsheetCalls: number;
  /**
   * Calls on the other services that go to Google's servers: Properties, Lock, Cache, Session (and
   * the User it returns), Mail, Script (triggers). Round trips too, priced apart (bench/costModel.ts).
   */
  serviceCalls: number;
  /** All service calls, including builders and local helpers (Utilities, Logger, HTML, Ui). */
  calls: number;
  cellsRead: number;
  cellsWritten: number;
  /** Cells a TextFinder looked at on Google's side: work there, but nothing sent to the script. */
  cellsSearched: number;
  /** `Class.method` → count. */
  byMethod: Record<string, number>;
}

export const emptyStats = (): CallStats => ({ spreadsheetCalls: 0, serviceCalls: 0, calls: 0, cellsRead: 0, cellsWritten: 0, cellsSearched: 0, byMethod: {} });

/** A finished execution's figures: a copy nothing can add to afterwards. */
export function frozenStats(s: CallStats): CallStats {
  return Object.freeze({ ...s, byMethod: Object.freeze({ ...s.byMethod }) }) as CallStats;
}

/** Classes whose calls are not round trips on Google (builders assemble a request locally). */
const LOCAL_CLASSES = /Builder$|^(Logger|console|Utilities)$/;
/** Classes of the spreadsheet service: their calls are the 0.1–1 s round trips that budgets count. */
export const SPREADSHEET_CLASSES = new Set([
  'SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'RangeList', 'DataValidation', 'ConditionalFormatRule',
  'Protection', 'EmbeddedChart', 'Filter', 'TextFinder', 'Selection',
  'PivotTable', 'PivotGroup', 'PivotGroupLimit', 'PivotValue', 'PivotFilter', 'Slicer',
]);

/**
 * Classes of the other services whose calls reach Google's servers (the stores, the lock table, the
 * user directory, mail, the trigger list). Ui dialogs wait for a person, HtmlService builds a page
 * in the script's own process, Utilities and Logger are local: none of those is priced per call.
 */
export const SERVICE_CLASSES = new Set([
  'PropertiesService', 'Properties', 'LockService', 'Lock', 'CacheService', 'Cache', 'Session', 'User',
  'MailApp', 'ScriptApp', 'Trigger',
]);

/** SpreadsheetApp.newDataValidation(), newConditionalFormatRule()…: builders made locally, no round trip. */
const isLocalFactory = (className: string, method: string): boolean => className === 'SpreadsheetApp' && method.startsWith('new');

const isSpreadsheetRoundTrip = (className: string, method: string): boolean =>
  SPREADSHEET_CLASSES.has(className) && !LOCAL_CLASSES.test(className) && !isLocalFactory(className, method);

/** A call that leaves the script on Google (priced per call, and able to fail there). */
export const isRoundTrip = (className: string, method: string): boolean => isSpreadsheetRoundTrip(className, method) || SERVICE_CLASSES.has(className);

export class Accounting {
  stats: CallStats = emptyStats();
  /** Runs before every call; throws to refuse it (the runtime sets it from the manifest's scopes). */
  check: ((className: string, method: string) => void) | null = null;
  /** How many counted calls are running: calls made inside one are the runtime's own, uncounted. */
  depth = 0;
  /**
   * A CPU clock in ms (the benchmark sets it to process.cpuUsage); null, the default, times nothing.
   * While set, `runtimeCpuMs` adds up the CPU spent inside the script's calls to the emulated
   * services: what Google's servers do on Google, not the script's own CPU.
   */
  clock: (() => number) | null = null;
  /** CPU ms spent inside calls to the emulated services, since this object was made (while `clock` is set). */
  runtimeCpuMs = 0;
  /** When the running outermost call started (clock ms). */
  private since = 0;

  /** The outermost counted call starts (depth is 0 → 1): the runtime's CPU from here. */
  enter(): void {
    this.depth++;
    if (this.clock && this.depth === 1) this.since = this.clock();
  }
  /** The outermost counted call ends. */
  leave(): void {
    if (this.clock && this.depth === 1) this.runtimeCpuMs += this.clock() - this.since;
    this.depth--;
  }

  /** Runs the script's own code from inside a call (a template's scriptlets, an execution slipped in): its calls count. */
  asCaller<T>(fn: () => T): T {
    const outer = this.depth;
    // The script's code inside a call is the script's CPU: the runtime's clock pauses around it.
    const timed = this.clock !== null && outer > 0;
    if (timed) this.runtimeCpuMs += this.clock!() - this.since;
    this.depth = 0;
    try {
      return fn();
    } finally {
      this.depth = outer;
      if (timed) this.since = this.clock!();
    }
  }
  /** Fault injection (runtime/faults.ts): an error to throw before or after the call, or undefined. */
  fault: ((className: string, method: string) => { when: 'before' | 'after'; error: Error } | undefined) | null = null;

  reset(): CallStats {
    const done = this.stats;
    this.stats = emptyStats();
    return done;
  }

  count(className: string, method: string): void {
    const s = this.stats;
    s.calls++;
    if (isSpreadsheetRoundTrip(className, method)) s.spreadsheetCalls++;
    else if (SERVICE_CLASSES.has(className)) s.serviceCalls++;
    const k = `${className}.${method}`;
    s.byMethod[k] = (s.byMethod[k] ?? 0) + 1;
  }

  read(cells: number): void {
    this.stats.cellsRead += cells;
  }

  wrote(cells: number): void {
    this.stats.cellsWritten += cells;
  }

  searched(cells: number): void {
    this.stats.cellsSearched += cells;
  }
}

export class NotProvidedError extends Error {
  constructor(className: string, member: string) {
    super(`not provided by the local runtime: ${className}.${member}`);
    this.name = 'NotProvidedError';
  }
}

// Probed by Node's inspector, jest and Promise resolution; they must read as absent, not throw.
const PASSIVE = new Set(['then', 'toJSON', 'inspect', 'constructor', 'asymmetricMatch', 'nodeType', '$$typeof', 'valueOf', 'toString']);

const RAW = Symbol('raw');

/** Google's members per class (generated): anything else on an emulated object is the runtime's own. */
const DECLARED = new Map(Object.entries(GOOGLE_MEMBERS).map(([cls, names]) => [cls, new Set(names.split(' '))]));

/**
 * Wraps an emulated object for code running in the bundle. Public methods (names not starting
 * with `_`) are counted; anything else the bundle asks for throws NotProvidedError when called.
 */
export function expose<T extends object>(target: T, className: string, acct: Accounting): T {
  const declared = DECLARED.get(className);
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (prop === RAW) return obj;
      if (typeof prop === 'symbol') return Reflect.get(obj, prop, receiver);
      // A helper of the emulation, or a method Google does not have: not there for the script.
      if (!prop.startsWith('_') && !PASSIVE.has(prop) && declared && !declared.has(prop)) return notProvided(className, prop);
      const v = Reflect.get(obj, prop, obj);
      if (prop === 'toString') {
        // Apps Script objects print as their class name (Logger.log(sheet) shows "Sheet"); the
        // reference is silent, the self-test checks it (case objects.to-string). Local, uncounted.
        return v !== Object.prototype.toString && typeof v === 'function' ? (v as () => string).bind(obj) : () => className;
      }
      if (typeof v === 'function' && !prop.startsWith('_') && prop !== 'constructor') {
        return function (this: unknown, ...args: unknown[]) {
          const fn = v as (...a: unknown[]) => unknown;
          let r: unknown;
          if (acct.depth > 0) {
            // The runtime calling its own members inside a counted call: not the script's call.
            r = fn.apply(obj, args);
          } else {
            acct.check?.(className, prop);
            acct.count(className, prop);
            const fault = acct.fault?.(className, prop);
            if (fault?.when === 'before') throw fault.error;
            acct.enter();
            try {
              r = fn.apply(obj, args);
            } finally {
              acct.leave();
            }
            if (fault) throw fault.error;
          }
          // Chained setters (`return this`) must hand back the proxy, not the raw object.
          return r === obj ? receiver : r;
        };
      }
      if (v !== undefined || PASSIVE.has(prop)) return v;
      if (prop.startsWith('_')) return undefined;
      return notProvided(className, prop);
    },
  });
}

// What a function answers for itself (and jest or an inspector may ask): everything else is the member.
const FUNCTION_OWN = new Set(['prototype', 'name', 'length', 'call', 'apply', 'bind']);

/**
 * A member the runtime does not provide: calling it, or reading from it (an enum such as
 * `SpreadsheetApp.TextDirection.RIGHT_TO_LEFT`), throws NotProvidedError instead of handing back
 * undefined (test/runtime/googleMembers.test.ts, docs/runtime-members.md).
 */
function notProvided(className: string, member: string): () => never {
  const fail = (): never => {
    throw new NotProvidedError(className, member);
  };
  return new Proxy(fail, {
    get(t, p, r) {
      if (typeof p === 'symbol' || PASSIVE.has(p) || FUNCTION_OWN.has(p)) return Reflect.get(t, p, r);
      return fail();
    },
  });
}

/** The emulated object behind an exposed proxy (for the runtime's own use, uncounted). */
export function unwrap<T extends object>(o: T): T {
  return ((o as any)[RAW] as T) ?? o;
}
