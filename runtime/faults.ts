// Fault injection: any service call the code makes can fail, as Google's do now and then ("Service
// Spreadsheets failed while accessing document with id …", "Service timed out", quota errors).
// A test arms a fault at the n-th round trip from now; that call throws Google's kind of message,
// either before it takes effect or after (a write that landed but whose answer was lost: Google
// reports a timeout for a request it may have carried out).
//
// Only round trips fail: builders, Utilities, Logger and console run locally on Google and never
// do. Calls are counted across executions (a trigger fired from a test counts too), never the
// test's own reads outside an execution, so a table can run an action once to count its calls
// (`countRoundTrips`), then once per call index with that call failing.
import { SPREADSHEET_CLASSES, isRoundTrip } from './instrument';

export interface FaultSpec {
  /** 0-based index among the matching round trips from when the fault is armed. */
  at: number;
  /** Only calls this accepts are counted (default: every round trip). */
  match?: (className: string, method: string) => boolean;
  /** 'before' (default): the call fails and changes nothing; 'after': it takes effect, then throws. */
  when?: 'before' | 'after';
  /** The error message (default: Google's message for the service). */
  message?: string;
}

export interface FaultHit {
  className: string;
  method: string;
  index: number;
  when: 'before' | 'after';
}

/** Calls that leave the script on Google (and so can fail there): the ones priced per call. */
export { isRoundTrip };

const SERVICE_OF: Record<string, string> = {
  Lock: 'Lock',
  LockService: 'Lock',
  Properties: 'Properties',
  PropertiesService: 'Properties',
  Cache: 'Cache',
  CacheService: 'Cache',
  MailApp: 'Mail',
  ScriptApp: 'Script',
  Trigger: 'Script',
  Session: 'Session',
};

/** Google's wording for a failed call of a service (a spreadsheet call names the document). */
export function serviceFailure(className: string, docId: string): string {
  if (SPREADSHEET_CLASSES.has(className)) return `Service Spreadsheets failed while accessing document with id ${docId}.`;
  return `Service error: ${SERVICE_OF[className] ?? className}`;
}

interface Armed extends FaultSpec {
  seen: number;
}

export class Faults {
  private armed: Armed[] = [];
  /** Every fault that fired, in order. */
  readonly hits: FaultHit[] = [];

  constructor(
    private docId: () => string,
    /** Whether the code under test is running (a test's own reads of the sheet never fail). */
    private running: () => boolean,
  ) {}

  /** Arms a fault; returns a function that disarms it. */
  failAt(spec: FaultSpec): () => void {
    const a: Armed = { ...spec, seen: 0 };
    this.armed.push(a);
    return () => {
      this.armed = this.armed.filter((x) => x !== a);
    };
  }

  clear(): void {
    this.armed = [];
  }

  private traced: { className: string; method: string }[] | null = null;

  /**
   * The round trips `fn` makes, in order (what `at` counts): a table runs an action once through
   * this, then once per call with that call failing.
   */
  trace(fn: () => void): { className: string; method: string }[] {
    const outer = this.traced;
    const mine: { className: string; method: string }[] = [];
    this.traced = mine;
    try {
      fn();
    } finally {
      this.traced = outer;
      if (outer) outer.push(...mine);
    }
    return mine;
  }

  get pending(): number {
    return this.armed.length;
  }

  /**
   * Called by every exposed method. Returns what to do with this call: undefined (run normally),
   * or the error to throw before or after running it.
   */
  onCall(className: string, method: string): { when: 'before' | 'after'; error: Error } | undefined {
    if (this.traced && this.running() && isRoundTrip(className, method)) this.traced.push({ className, method });
    if (!this.armed.length || !this.running() || !isRoundTrip(className, method)) return undefined;
    let fire: Armed | undefined;
    for (const a of this.armed) {
      if (a.match && !a.match(className, method)) continue;
      if (a.seen++ === a.at && !fire) fire = a;
    }
    if (!fire) return undefined;
    this.armed = this.armed.filter((x) => x !== fire);
    const when = fire.when ?? 'before';
    this.hits.push({ className, method, index: fire.at, when });
    return { when, error: new Error(fire.message ?? serviceFailure(className, this.docId())) };
  }
}

/** Round trips in a call's stats (what `at` counts). */
export function countRoundTrips(byMethod: Record<string, number>): number {
  let n = 0;
  for (const [k, c] of Object.entries(byMethod)) {
    const dot = k.indexOf('.');
    if (isRoundTrip(k.slice(0, dot), k.slice(dot + 1))) n += c;
  }
  return n;
}
