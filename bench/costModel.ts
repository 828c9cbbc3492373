// What an operation would take on Google's servers, from what the local runtime counts.
//
// The model: time = fixed + calls × perCall + serviceCalls × perServiceCall + cells × perCell, where
// `calls` are spreadsheet-service round trips (SpreadsheetApp, Spreadsheet, Sheet, Range, …; builders
// and Utilities are local), `serviceCalls` the round trips to the other services (Properties, Lock,
// Cache, Session, Mail, Script: runtime/instrument.ts SERVICE_CLASSES) and `cells` are cells read
// plus cells written.
//
// Sources (see docs/platform.md, "Performance"; developers.google.com/apps-script/guides/
// support/best-practices):
// - "Every SpreadsheetApp call is a round trip: budget 0.1–1 s each." → central 0.25 s, high 1 s.
// - Google's own example: colouring 10,000 cells one call each took ~70 s (7 ms a call, calls of the
//   same kind batched by Apps Script's write cache), one setBackgrounds over the same cells ~1 s
//   (~100 µs a cell for formats). → low 7 ms a call.
// - Values move faster than formats; ~1 µs a cell read or written is the central figure for large
//   getValues/setValues blocks, 0.5 µs low, 10 µs high (big writes with formatting recalculation).
// - fixed: starting an execution (loading the script, the first SpreadsheetApp access), ~0.1 s.
// - The other services: a property read, a lock taken, a cache or session lookup is a call to a
//   backend much like a spreadsheet call but without a sheet to load: planned at a fifth of one
//   (central 50 ms, low 5 ms, high 200 ms). `npm run selftest:compare` times every service call the
//   live self-test makes (selftest/timing.ts); its medians replace these planning figures.
// Nothing here was measured on Google: the figures are planning numbers; the README says how to
// check them on a real sheet (Executions page durations).

export interface CostCase {
  fixedS: number;
  perCallS: number;
  perServiceCallS: number;
  perCellS: number;
}

export const COST_MODEL: Record<'low' | 'central' | 'high', CostCase> = {
  low: { fixedS: 0.05, perCallS: 0.007, perServiceCallS: 0.005, perCellS: 0.5e-6 },
  central: { fixedS: 0.1, perCallS: 0.25, perServiceCallS: 0.05, perCellS: 1e-6 },
  high: { fixedS: 0.5, perCallS: 1, perServiceCallS: 0.2, perCellS: 10e-6 },
};

export interface Counted {
  spreadsheetCalls: number;
  /** Properties, Lock, Cache, Session, Mail, Script calls (0 when a reference makes none). */
  serviceCalls: number;
  cellsRead: number;
  cellsWritten: number;
}

export function estimateSeconds(c: Counted, which: keyof typeof COST_MODEL = 'central'): number {
  const m = COST_MODEL[which];
  return (
    m.fixedS +
    c.spreadsheetCalls * m.perCallS +
    c.serviceCalls * m.perServiceCallS +
    (c.cellsRead + c.cellsWritten) * m.perCellS
  );
}

export function estimateRange(c: Counted): { low: number; central: number; high: number } {
  return {
    low: estimateSeconds(c, 'low'),
    central: estimateSeconds(c, 'central'),
    high: estimateSeconds(c, 'high'),
  };
}

/** Google's limits the estimates are read against. */
export const LIMITS = {
  executionS: 360,
  budgetGuardS: 270,
  triggerDailyConsumerS: 90 * 60,
  triggerDailyWorkspaceS: 6 * 3600,
};
