// The results sheet: one row per case and end-to-end step, then one row per service call with its
// duration. Downloaded as CSV (File → Download → .csv), it is what `selftest:compare` reads.
import type { CallRecord } from './timing';
import type { ResultRow } from './suite';

export const RESULTS_SHEET = 'selftest-results';
export const HEADER = ['kind', 'case', 'reference', 'expected', 'observed', 'pass', 'ms', 'calls', 'cells', 'how'] as const;

/** The sheet's rows: the header, the cases and steps, then the calls (kind `call`, case = its step). */
export function resultTable(rows: ResultRow[], calls: CallRecord[]): string[][] {
  const out: string[][] = [HEADER.slice()];
  for (const r of rows) out.push([r.kind, r.id, r.ref, r.expected, r.observed, r.pass, String(r.ms), String(r.calls), String(r.cells), r.how]);
  for (const c of calls) {
    out.push(['call', c.step, c.method, '', '', '', String(c.ms), c.roundTrip ? '1' : '0', String(c.cells), '']);
  }
  return out;
}

/**
 * Writes the table as plain text ('@': nothing is parsed as a number, date or formula) and makes it
 * the active sheet, so File → Download → .csv exports it.
 */
export function writeResults(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, table: string[][]): void {
  const sheet = ss.getSheetByName(RESULTS_SHEET) ?? ss.insertSheet(RESULTS_SHEET);
  sheet.clear();
  const width = HEADER.length;
  if (sheet.getMaxRows() < table.length) sheet.insertRowsAfter(sheet.getMaxRows(), table.length - sheet.getMaxRows());
  const range = sheet.getRange(1, 1, table.length, width);
  range.setNumberFormat('@');
  range.setValues(table);
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  ss.setActiveSheet(sheet);
}

export interface Summary {
  passed: number;
  failed: string[];
  pending: string[];
}

export function summarise(rows: ResultRow[]): Summary {
  return {
    passed: rows.filter((r) => r.pass === 'yes').length,
    failed: rows.filter((r) => r.pass === 'no').map((r) => r.id),
    pending: rows.filter((r) => r.pass === 'pending').map((r) => r.id),
  };
}
