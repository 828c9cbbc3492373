// Hand edits that could not be checked at once (the document lock was busy: an archive run, a
// burst of submits) are never dropped: each is queued in document properties, one key per edit so
// that two triggers queueing at once cannot overwrite each other, and checked later — by the next
// edit trigger that gets the lock, and by the sweep, which also compares every row with its record.
import { parseRecord, recordNamesOnly } from '../../domain/record';
import { parseEnum, type Status } from '../../domain/schema';
import type { QueuedEdit } from '../../gas/properties';
import { PROPERTY_KEYS, parseQueuedEdit, queuedEditKey } from '../../gas/properties';
import type { TicketSheet } from '../../gas/ticketSheet';
import type { Tracker } from '../tracker';
import type { EditScope } from './rows';
import { checkRows } from './rows';

const PREFIX = PROPERTY_KEYS.editQueuePrefix;
/** Past this many queued edits, one "check every row" mark replaces them (the store has 500 KB). */
const MAX_QUEUED = 300;
const ALL_KEY = PROPERTY_KEYS.editCheckAll;
/** Queued edits checked per run; the rest wait for the next trigger or sweep. */
const PER_RUN = 25;
/** Rows read at once when every row is checked. */
const CHUNK = 2000;

type Queued = QueuedEdit;

/** Remembers an edit for a later check (no spreadsheet call; two property calls). */
export function queueEdit(tr: Tracker, scope: EditScope): void {
  const keys = tr.props.getKeys().filter((k) => k.startsWith(PREFIX));
  if (keys.length >= MAX_QUEUED) {
    tr.props.setProperty(ALL_KEY, String(scope.at));
    return;
  }
  const q: Queued = { top: scope.top, count: scope.count, firstCol: scope.firstCol, lastCol: scope.lastCol, user: scope.user, at: scope.at };
  tr.props.setProperty(queuedEditKey(scope.at, tr.svc.Utilities.getUuid().slice(0, 8)), JSON.stringify(q));
}

export const hasQueuedEdits = (tr: Tracker): boolean => tr.props.getKeys().some((k) => k.startsWith(PREFIX) || k === ALL_KEY);

/**
 * Checks queued edits, oldest first (under the caller's lock); each is removed once its check has
 * been written. Returns what the checks put back.
 */
export function drainEditQueue(tr: Tracker, ts: TicketSheet, limit = PER_RUN): string[] {
  const all = tr.props.getProperties();
  const keys = Object.keys(all).filter((k) => k.startsWith(PREFIX)).sort();
  const reverted: string[] = [];
  if (all[ALL_KEY] !== undefined) {
    reverted.push(...checkEveryRow(tr, ts, Number(all[ALL_KEY]) || tr.now));
    tr.props.deleteProperty(ALL_KEY);
    // Every row was just checked: the single edits queued before are covered.
    for (const k of keys) tr.props.deleteProperty(k);
    return reverted;
  }
  for (const k of keys.slice(0, limit)) {
    const q = parseQueuedEdit(all[k]);
    if (q) {
      const top = Math.max(q.top, ts.headerRow + 1);
      const last = Math.min(q.top + q.count - 1, ts.sheet.getLastRow());
      if (last >= top) {
        const out = checkRows(tr, ts, { top, count: last - top + 1, firstCol: q.firstCol, lastCol: q.lastCol, single: false, user: q.user, at: q.at });
        reverted.push(...out.reverted);
      }
    }
    tr.props.deleteProperty(k);
  }
  return reverted;
}

/** Every row against its record (rows never recorded are left alone: there is nothing to compare). */
export function checkEveryRow(tr: Tracker, ts: TicketSheet, at: number): string[] {
  const last = ts.sheet.getLastRow();
  const reverted: string[] = [];
  for (let top = ts.headerRow + 1; top <= last; top += CHUNK) {
    const count = Math.min(CHUNK, last - top + 1);
    reverted.push(...checkRows(tr, ts, { top, count, firstCol: -1, lastCol: -1, single: false, user: '', at }).reverted);
  }
  return reverted;
}

/** The sweep's share (under its lock): queued edits are checked before anything else. */
export function checkQueuedEdits(tr: Tracker, open: (tr: Tracker) => TicketSheet | null): string[] {
  if (!hasQueuedEdits(tr)) return [];
  const ts = open(tr);
  return ts ? drainEditQueue(tr, ts, PER_RUN * 4) : [];
}

/**
 * Sheet rows (of a block read from `firstRow`) whose status or ID no longer matches the tracker's
 * record: changed by something no edit trigger checked. Rows never recorded are not compared.
 */
export function rowsOffRecord(block: readonly (readonly unknown[])[], idAt: number, statusAt: number, recordAt: number, firstRow: number): number[] {
  const off: number[] = [];
  block.forEach((row, i) => {
    const cell = row[recordAt];
    const id = String(row[idAt] ?? '').trim();
    const status = parseEnum('status', row[statusAt]);
    // A record that names only the row's own status and ID is not off, valid or not (a record
    // parseRecord refuses is never off).
    if (recordNamesOnly(cell, id, status as Status | null)) return;
    const rec = parseRecord(cell);
    if (rec && (rec.id !== id || rec.status !== status)) off.push(firstRow + i);
  });
  return off;
}

/** Checks the given sheet rows (ascending) as edits of those rows, one check per run of adjacent rows. */
export function checkRowsAt(tr: Tracker, open: (tr: Tracker) => TicketSheet | null, rows: readonly number[]): string[] {
  const ts = open(tr);
  if (!ts) return [];
  const reverted: string[] = [];
  for (let k = 0; k < rows.length; ) {
    let j = k;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1 && j + 1 - k < CHUNK) j++;
    reverted.push(...checkRows(tr, ts, { top: rows[k], count: j - k + 1, firstCol: -1, lastCol: -1, single: false, user: '', at: tr.now }).reverted);
    k = j + 1;
  }
  return reverted;
}
