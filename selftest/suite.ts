// The self-test's shape: a case names one Apps Script behaviour the add-on relies on, the reference
// page that documents it, the value the page (or, where the page is silent, the local runtime's
// model) leads us to expect, and how it is observed. Running a case gives one results row.
import type { Services } from '../src/gas/services';
import type { CallLog } from './timing';

export const REF = 'developers.google.com/apps-script/reference/';

/** A case that needs something a person must do first (a hand edit, a web-app visit). */
export const PENDING = { pending: true } as const;

export interface Ctx {
  svc: Services;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  log: CallLog;
  /** A new empty sheet for this case (deleted when the case ends). */
  scratch(): GoogleAppsScript.Spreadsheet.Sheet;
}

export interface Case {
  id: string;
  ref: string;
  /** What the reference page says, as the observation would show it. */
  expected: unknown;
  /** How the observation is made (shown in the results sheet). */
  how: string;
  run(ctx: Ctx): unknown;
}

export type Pass = 'yes' | 'no' | 'pending';

export interface ResultRow {
  kind: 'case' | 'e2e';
  id: string;
  ref: string;
  expected: string;
  observed: string;
  pass: Pass;
  /** Time of the spreadsheet round trips the row made, their number and the cells they moved. */
  ms: number;
  calls: number;
  cells: number;
  how: string;
}

/** One stable text for a value: JSON, with Dates as ISO text and errors as `threw`. */
export function show(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (x === undefined ? '(undefined)' : x)) ?? '(undefined)';
}

/** `threw` when fn throws, else `returned` (Google's messages are not documented; only that it throws). */
export function threw(fn: () => unknown): 'threw' | 'returned' {
  try {
    fn();
    return 'returned';
  } catch {
    // Any throw counts: the case records only whether Google refuses (its messages are undocumented).
    return 'threw';
  }
}

/** Runs one case (or end-to-end step) with its calls recorded under its id. */
export function runCase(c: Case, ctx: Ctx, kind: ResultRow['kind'], cleanup: () => void): ResultRow {
  ctx.log.step = c.id;
  let observed: unknown;
  try {
    observed = c.run(ctx);
  } catch (e) {
    observed = `error: ${(e as Error)?.message ?? String(e)}`;
  } finally {
    try {
      cleanup();
    } catch {
      // a failed cleanup must not hide the case's own result
    }
  }
  const totals = ctx.log.totals(c.id);
  const pending = observed === PENDING;
  const obs = pending ? '(pending)' : show(observed);
  const exp = show(c.expected);
  return {
    kind,
    id: c.id,
    ref: c.ref,
    expected: exp,
    observed: obs,
    pass: pending ? 'pending' : obs === exp ? 'yes' : 'no',
    ms: totals.ms,
    calls: totals.calls,
    cells: totals.cells,
    how: c.how,
  };
}
