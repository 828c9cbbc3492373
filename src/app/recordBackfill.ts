// Rows with no hidden record (issue 17): trackers set up before the record column existed (setup
// adds the column, empty), rows whose record cell was cleared on its own. Until a row has one, the
// hand-edit rules can only guess from e.oldValue or the audit trail's newest rows. The sweep's one
// read already spans every field from the ID to the record column, so it writes their records in
// one batch: the row as it stands is what the tracker takes as accepted from then on (as setup
// does when it adopts a sheet). Not audited: the record is the tracker's own state, not ticket data.
import type { ColumnMap } from '../domain/columns';
import { HASHED, parseRecord, recordOf } from '../domain/record';
import type { FieldKey } from '../domain/schema';
import type { TicketSheet } from '../gas/ticketSheet';
import { cellFor } from '../gas/ticketSheet';
import type { Tracker } from './tracker';
import { ticketRowReader } from './tracker';

/** An ID a record can carry (record.ts: no `|`, no white space, at most 40 characters). */
const RECORDABLE = /^[^|\s]{1,40}$/;

/**
 * Writes the record of every row of `block` (sheet rows from `firstRow`, columns from `first`,
 * 0-based) that has a ticket ID and no record, in one write of the record column; returns how
 * many. Skipped: IDs in two rows (a pasted copy, named to the person by the edit rules), IDs a
 * record elsewhere names (a sort left them apart: the sweep's check of rows off their record puts
 * them together), and sheets where a hashed field lies outside the block. Under the sweep's lock.
 */
export function backfillRecords(tr: Tracker, ts: TicketSheet, block: readonly (readonly unknown[])[], first: number, firstRow: number): number {
  const recCol = ts.columns.record;
  if (recCol === undefined || !block.length) return 0;
  const width = block[0].length;
  const at: ColumnMap = {};
  for (const [k, c] of Object.entries(ts.columns) as [FieldKey, number][]) if (c >= first && c - first < width) at[k] = c - first;
  if (at.id === undefined || at.record === undefined || HASHED.some((k) => ts.columns[k] !== undefined && at[k] === undefined)) return 0;
  const idAt = at.id;
  const recAt = at.record;
  // Nearly every sweep finds every row with its record: one cheap pass says so before the IDs are
  // counted and the records parsed (50,000 of each at 50k tickets).
  let any = false;
  for (let i = 0; i < block.length && !any; i++)
    any = String(block[i][recAt] ?? '').trim() === '' && RECORDABLE.test(String(block[i][idAt] ?? '').trim());
  if (!any) return 0;
  const count = new Map<string, number>();
  const named = new Set<string>();
  for (const row of block) {
    const id = String(row[idAt] ?? '').trim();
    if (id) count.set(id, (count.get(id) ?? 0) + 1);
    const rec = parseRecord(row[recAt]);
    if (rec) named.add(rec.id);
  }
  const out: [number, unknown][] = [];
  const decode = ticketRowReader(tr, at);
  block.forEach((row, i) => {
    const id = String(row[idAt] ?? '').trim();
    if (!RECORDABLE.test(id) || count.get(id) !== 1 || named.has(id) || parseRecord(row[recAt])) return;
    // A cell holding something that is not a record (typed over) is the edit rules' to judge.
    if (String(row[recAt] ?? '').trim() !== '') return;
    out.push([i, cellFor('record', recordOf(decode(row)), tr.lang)]);
  });
  if (!out.length) return 0;
  // One write over the rows that need it, the cells between them as they are.
  const lo = out[0][0];
  const hi = out[out.length - 1][0];
  const values = block.slice(lo, hi + 1).map((r) => [r[recAt]]);
  for (const [i, v] of out) values[i - lo] = [v];
  ts.sheet.getRange(firstRow + lo, recCol + 1, hi - lo + 1, 1).setValues(values);
  return out.length;
}
