// Reading the review pivot sheet (`周报透视`) as shown, and the snapshot's sections as values: shared by
// the pivot sheet's module test (test/gas/reviewPivots.test.ts) and the pivot = snapshot journey
// (test/scenarios/pivotMatchesSnapshot.test.ts).
import type { LocalRuntime } from '../../runtime';
import { reviewSheet, type Sheet } from '../app/weeklyFixture';

export type Cells = Map<string, Map<string, unknown>>;

/**
 * A pivot's cells by row label and column label, read from the sheet as shown. One value, no
 * column group: [rows header, value name] then label/value rows; with a column group, a row of
 * value name + column group name above the row of column labels. The grand total row and column
 * are kept under their label (总计 / Grand Total).
 */
export function pivotCells(sheet: Sheet, row: number, col: number, withColumns: boolean): Cells {
  const values = sheet.getDataRange().getValues();
  const out: Cells = new Map();
  const head = withColumns ? values[row] : values[row - 1];
  const first = withColumns ? row + 1 : row;
  const width = withColumns ? head.slice(col - 1).findIndex((v, i) => i > 0 && v === '') : 2;
  const labels = head.slice(col, col - 1 + (width < 0 ? head.length : width)).map(String);
  for (let r = first; r < values.length && values[r][col - 1] !== ''; r++) {
    const m = new Map<string, unknown>();
    labels.forEach((l, i) => m.set(withColumns ? l : 'value', values[r][col + i]));
    out.set(String(values[r][col - 1]), m);
  }
  return out;
}

/**
 * The SLA pivot (rows assignee, columns urgency, two values): a row with the column group's name,
 * a row of urgency labels (each over its two values), a row of value names, then the assignees.
 * Cells by assignee, then `urgency|value name` (总计 kept as a label).
 */
export function slaCells(sheet: Sheet, row: number, col: number): Cells {
  const values = sheet.getDataRange().getValues();
  const urgencies = values[row];
  const names = values[row + 1];
  const keys: string[] = [];
  let urgency = '';
  for (let j = col; j < names.length && names[j] !== ''; j++) {
    if (urgencies[j] !== '') urgency = String(urgencies[j]);
    keys.push(`${urgency}|${names[j]}`);
  }
  const out: Cells = new Map();
  for (let r = row + 2; r < values.length && values[r][col - 1] !== ''; r++)
    out.set(String(values[r][col - 1]), new Map(keys.map((k, i) => [k, values[r][col + i]])));
  return out;
}

/** The rows under a snapshot section's title (values, header first), until the next blank row. */
export function section(sheet: Sheet, title: string): unknown[][] {
  const rows = sheet.getDataRange().getValues();
  const i = rows.findIndex((r) => r[0] === title);
  if (i < 0) throw new Error(`no section ${title}`);
  const out: unknown[][] = [];
  for (let k = i + 2; k < rows.length && rows[k].some((c) => c !== ''); k++) {
    let n = rows[k].length;
    while (n > 0 && rows[k][n - 1] === '') n--;
    out.push(rows[k].slice(0, n));
  }
  return out;
}

export const pivotSheet = (rt: LocalRuntime) => reviewSheet(rt, '周报透视');
/** Anchors as laid out by src/domain/review/pivots.ts. */
export const P = {
  createdTrend: [8, 1, false],
  resolvedTrend: [8, 4, false],
  departments: [8, 7, false],
  categoryUrgency: [8, 10, true],
} as const;
export const SLA_AT = [26, 1] as const;
export const read = (rt: LocalRuntime, k: keyof typeof P): Cells => pivotCells(pivotSheet(rt), P[k][0], P[k][1], P[k][2]);
export const readSla = (rt: LocalRuntime): Cells => slaCells(pivotSheet(rt), SLA_AT[0], SLA_AT[1]);
