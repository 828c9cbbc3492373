// Archiving: closed tickets whose last activity is older than `archiveAfterDays` move from the
// ticket sheet to the archive sheet (`归档` / `Archive`) in batched calls, so the live sheet (and
// every hot path reading it) stays small as the team's history grows.
//
// Calls: one read of the ticket block, one of the archive's IDs, per batch one append (setValues)
// and one `deleteRows` per contiguous run of archived rows, bottom-up. Rows are deleted, never
// rewritten: formulas, formats, notes and a person's concurrent edit elsewhere stay intact.
//
// Crash safety: a batch's IDs are recorded in document properties before the archive is written;
// the next run finishes a recorded batch first — IDs already in the archive are not appended again,
// and a ticket row is only ever deleted when its ID is in the archive. A run that stops half-way
// (timeout, error, budget) loses and duplicates nothing; re-running completes it.
//
// Budget: stops cleanly at ~4.5 minutes (Date.now(), as Google counts the 6-minute limit) or after
// MAX_DELETES deleteRows calls, and says there is more; the next run (menu or daily) continues.
//
// Over ~400 lines: one use case whose crash safety reads as one sequence (record, append,
// delete, clear); the sheet's side is in src/gas/archiveSheet.ts.
import { dueForArchive, lastActivity } from '../domain/archiveDue';
import { TrackerError } from '../domain/errors';
import { catalog, t } from '../domain/i18n';
import { parseTicketId } from '../domain/ticketId';
import { formatLocal } from '../domain/zone';
import type { ArchiveSheet } from '../gas/archiveSheet';
import {
  alignColumns,
  archiveRows,
  createArchiveSheet,
  findArchiveSheet,
  readArchiveSheet,
} from '../gas/archiveSheet';
import { saveConfig } from '../gas/config';
import { fileMissingKnowledge } from '../gas/knowledgeSheet';
import type { ArchiveStatusRecord } from '../gas/properties';
import { PROPERTY_KEYS, noteKnowledgeChanged, pendingChunkKey, readArchiveStatus, readPendingHeader } from '../gas/properties';
import { trackerLock } from '../gas/lock';
import type { Services } from '../gas/services';
import { writeTextValues } from '../gas/textValues';
import type { TicketSheet } from '../gas/ticketSheet';
import type { Ticket } from '../domain/ticket';
import type { Tracker } from './tracker';
import { openTickets, openTracker, ticketRowReader } from './tracker';
import { noteArchived } from './vanished';

/** Stop before Google's 6-minute limit, leaving time to record where we are. */
export const ARCHIVE_BUDGET_MS = 270_000;
/** Rows per batch: bounds the recorded batch (document properties: 9 KB a value) and one append. */
export const BATCH_ROWS = 2_000;
/** deleteRows calls per run, whatever the clock says (each is a 0.1–1 s round trip on Google). */
export const MAX_DELETES = 200;
/**
 * deleteRows calls per hold of the lock (with one append and a few reads): a hold lasts seconds,
 * never minutes, so the edit trigger and submits waiting for the lock get it between steps.
 */
export const DELETES_PER_HOLD = 10;
/** The scheduled run archives at most once a day (the hourly sweep stays lean). */
const SCHEDULE_EVERY_MS = 20 * 3_600_000;

const PENDING_KEY = PROPERTY_KEYS.archivePending;
const STATUS_KEY = PROPERTY_KEYS.archiveStatus;
const CHUNK_CHARS = 8_000;

export interface ArchiveOptions {
  via?: 'menu' | 'trigger';
  /** When the execution started (the budget counts from there); default: now. */
  startedAt?: number;
  budgetMs?: number;
  maxDeletes?: number;
  batchRows?: number;
  /** deleteRows calls per hold of the lock (default DELETES_PER_HOLD). */
  deletesPerHold?: number;
  tracker?: Tracker;
}

export interface ArchiveResult {
  ok: boolean;
  skipped?: 'busy';
  /** Tickets moved in this run (appended and removed). */
  archived: number;
  /** Tickets of an interrupted batch finished in this run. */
  resumed: number;
  /** Tickets still due for the archive (the run stopped on its budget). */
  remaining: number;
  more: boolean;
  /** Knowledge-base entries added for archived tickets with a solution but no entry. */
  kbAdded: number;
  deleteCalls: number;
  afterDays: number;
  error?: string;
  durationMs: number;
}

const empty = (afterDays: number): ArchiveResult => ({
  ok: true,
  archived: 0,
  resumed: 0,
  remaining: 0,
  more: false,
  kbAdded: 0,
  deleteCalls: 0,
  afterDays,
  durationMs: 0,
});

// ---------------------------------------------------------------------------------------------
// The recorded batch (split over several properties: 9 KB a value)

function readPending(props: GoogleAppsScript.Properties.Properties): Set<string> | null {
  const head = readPendingHeader(props);
  if (!head) return null;
  let text = '';
  for (let i = 0; i < head.chunks; i++) text += props.getProperty(pendingChunkKey(i)) ?? '';
  return new Set(text.split(',').filter(Boolean));
}

function writePending(props: GoogleAppsScript.Properties.Properties, ids: string[], now: number): void {
  const text = ids.join(',');
  const values: Record<string, string> = {};
  let chunks = 0;
  for (let i = 0; i < text.length; i += CHUNK_CHARS)
    values[pendingChunkKey(chunks++)] = text.slice(i, i + CHUNK_CHARS);
  values[PENDING_KEY] = JSON.stringify({ chunks, count: ids.length, at: now });
  props.setProperties(values);
}

function clearPending(props: GoogleAppsScript.Properties.Properties): void {
  const chunks = readPendingHeader(props)?.chunks ?? 0;
  props.deleteProperty(PENDING_KEY);
  for (let i = 0; i < chunks; i++) props.deleteProperty(pendingChunkKey(i));
}

// ---------------------------------------------------------------------------------------------

class Budget {
  deletes = 0;
  constructor(
    private readonly startedAt: number,
    private readonly budgetMs: number,
    private readonly maxDeletes: number,
  ) {}
  get spent(): boolean {
    return Date.now() - this.startedAt >= this.budgetMs || this.deletes >= this.maxDeletes;
  }
}

/**
 * Deletes the ticket rows whose ID is in `ids` (and in the archive), bottom-up, one deleteRows per
 * contiguous run. Row numbers come from a fresh read of the ID column (or `idColumn` when it was
 * just read). Returns whether every such row is gone.
 */
function deleteArchivedRows(
  ts: TicketSheet,
  ids: Set<string>,
  archived: Set<string>,
  budget: Budget,
  idColumn?: unknown[],
): { deleted: number; complete: boolean } {
  let col = idColumn;
  if (!col) {
    const last = ts.sheet.getLastRow();
    col =
      last > ts.headerRow
        ? ts.sheet
            .getSheetValues(ts.headerRow + 1, (ts.columns.id as number) + 1, last - ts.headerRow, 1)
            .map((r) => r[0])
        : [];
  }
  const rows: number[] = [];
  col.forEach((v, i) => {
    const id = String(v ?? '').trim();
    if (id && ids.has(id) && archived.has(id)) rows.push(ts.headerRow + 1 + i);
  });
  // Contiguous runs, deleted from the bottom so the rows above keep their numbers.
  const runs: [number, number][] = [];
  for (const r of rows) {
    const lastRun = runs[runs.length - 1];
    if (lastRun && lastRun[0] + lastRun[1] === r) lastRun[1]++;
    else runs.push([r, 1]);
  }
  let deleted = 0;
  for (let i = runs.length - 1; i >= 0; i--) {
    if (budget.spent) return { deleted, complete: false };
    ts.sheet.deleteRows(runs[i][0], runs[i][1]);
    budget.deletes++;
    deleted += runs[i][1];
  }
  return { deleted, complete: true };
}

/** Deletes the archive rows of `ids` (bottom-up, one deleteRows per run); returns the calls made. */
function removeFromArchive(arch: ArchiveSheet, ids: Set<string>): number {
  const n = arch.lastRow - arch.headerRow;
  if (n <= 0 || arch.columns.id === undefined) return 0;
  const col = arch.sheet.getSheetValues(arch.headerRow + 1, (arch.columns.id as number) + 1, n, 1);
  const rows: number[] = [];
  col.forEach((r, i) => {
    if (ids.has(String(r[0] ?? '').trim())) rows.push(arch.headerRow + 1 + i);
  });
  let calls = 0;
  for (let i = rows.length - 1; i >= 0; ) {
    let j = i;
    while (j > 0 && rows[j - 1] === rows[j] - 1) j--;
    arch.sheet.deleteRows(rows[j], i - j + 1);
    calls++;
    i = j - 1;
  }
  for (const id of ids) arch.ids.delete(id);
  arch.lastRow -= rows.length;
  return calls;
}

/** Appends rows below the archive's last row in one write (growing the sheet first when needed). */
function appendToArchive(app: GoogleAppsScript.Spreadsheet.SpreadsheetApp, arch: ArchiveSheet, rows: unknown[][], width: number): void {
  if (!rows.length) return;
  const first = arch.lastRow + 1;
  const need = first + rows.length - 1;
  const max = arch.sheet.getMaxRows();
  if (need > max) arch.sheet.insertRowsAfter(max, need - max);
  arch.sheet.getRange(first, 1, rows.length, width).setValues(rows);
  // Formula-like text moves as exactly that text (Rich Text), as in the ticket sheet (issue 16).
  writeTextValues(app, arch.sheet, first, 1, rows, () => true);
  arch.lastRow = need;
}

/**
 * One hold of the lock: a fresh read, a recorded batch finished, then one batch (at most
 * `batchRows` rows and `deletesPerHold` deleteRows calls) moved. Returns whether another step
 * should follow (more is due and the budget allows).
 */
function archiveStep(tr: Tracker, opts: ArchiveOptions, result: ArchiveResult, budget: Budget): boolean {
  const batchRows = Math.max(1, opts.batchRows ?? BATCH_ROWS);
  const deletesPerHold = Math.max(1, opts.deletesPerHold ?? DELETES_PER_HOLD);
  const opened = openTickets(tr);
  if (!opened || opened.columns.id === undefined) throw new TrackerError('noTicketSheet', t(tr.lang, 'noTicketSheet'));
  // Rows are deleted whole: every column with content travels, not only those the hint knows.
  const sheetCols = opened.sheet.getLastColumn();
  const ts: TicketSheet =
    sheetCols > opened.width
      ? { ...opened, header: opened.sheet.getSheetValues(opened.headerRow, 1, 1, sheetCols)[0], width: sheetCols }
      : opened;

  // One read of the ticket block.
  const lastRow = ts.sheet.getLastRow();
  const n = lastRow - ts.headerRow;
  const block = n > 0 ? ts.sheet.getSheetValues(ts.headerRow + 1, 1, n, ts.width) : [];
  const idCol = ts.columns.id as number;
  const idColumn = block.map((r) => r[idCol]);

  const existing = findArchiveSheet(tr.ss, tr.lang);
  let arch: ArchiveSheet | null = existing ? readArchiveSheet(existing) : null;
  if (existing && !arch) {
    // Left empty by a creation that stopped half-way: it gets its header now. With content but no
    // header, nothing is guessed (its columns may differ from the ticket sheet's): say what to do.
    if (existing.getLastRow() === 0) arch = createArchiveSheet(tr.ss, tr.lang, ts, existing);
    else throw new Error(t(tr.lang, 'archiveHeaderUnreadable', { sheet: existing.getName() }));
  }

  // 1. Finish a recorded batch. Its rows still in the ticket sheet may have been edited since the
  //    copy was appended: the copy is dropped and the live row (the truth) is picked again below.
  const pending = readPending(tr.props);
  const redo = new Set<string>();
  if (pending) {
    if (arch) {
      for (const v of idColumn) {
        const id = String(v ?? '').trim();
        if (pending.has(id) && arch.ids.has(id)) redo.add(id);
      }
      if (redo.size) budget.deletes += removeFromArchive(arch, redo);
    }
    clearPending(tr.props);
  }

  // 2. Pick: closed, quiet for archiveAfterDays, each ID once in the sheet, not already archived,
  //    and never today's IDs (the next serial is derived from them).
  const today = formatLocal(tr.now, tr.zone, 'compact');
  const seen = new Map<string, number>();
  idColumn.forEach((v) => {
    const id = String(v ?? '').trim();
    if (id) seen.set(id, (seen.get(id) ?? 0) + 1);
  });
  const picked: { id: string; row: unknown[]; ticket: Ticket; at: number }[] = [];
  const decode = ticketRowReader(tr, ts.columns);
  for (let i = 0; i < block.length; i++) {
    const id = String(idColumn[i] ?? '').trim();
    if (!id || seen.get(id) !== 1 || (arch && arch.ids.has(id))) continue;
    const tk = decode(block[i]);
    if (!dueForArchive(tk, tr.now, result.afterDays)) continue;
    if (parseTicketId(id)?.date === today) continue;
    picked.push({ id, row: block[i], ticket: tk, at: i });
  }

  // 3. One batch: record → append → delete → clear. Sized so its deletes fit in this hold: rows in
  //    sheet order until batchRows rows or deletesPerHold contiguous runs. (Tests stop a run between
  //    the append and the deletes with the runtime's fault injection: rt.faults.failAt.)
  if (!picked.length) {
    result.remaining = 0;
    result.more = false;
    return false;
  }
  if (budget.spent) {
    result.remaining = picked.length;
    result.more = true;
    return false;
  }
  let runs = 0;
  let size = 0;
  for (; size < picked.length && size < batchRows; size++) {
    const startsRun = size === 0 || picked[size].at !== picked[size - 1].at + 1;
    if (startsRun && runs === deletesPerHold) break;
    if (startsRun) runs++;
  }
  const batch = picked.slice(0, size);
  const ids = batch.map((b) => b.id);
  writePending(tr.props, ids, tr.now);
  if (!arch) arch = createArchiveSheet(tr.ss, tr.lang, ts);
  const { width, map } = alignColumns(arch, ts);
  appendToArchive(
    tr.svc.SpreadsheetApp,
    arch,
    archiveRows(
      batch.map((b) => b.row),
      map,
      width,
      ts.columns,
    ),
    width,
  );
  for (const id of ids) arch.ids.add(id);
  const filed = fileMissingKnowledge(tr.ss, tr.lang, batch.map((b) => b.ticket), (tk) => tk.resolvedAt ?? lastActivity(tk) ?? tr.now);
  if (filed) noteKnowledgeChanged(tr.props);
  result.kbAdded += filed;
  // Row numbers from a fresh read of the ID column, just before deleting (a person may have
  // inserted or sorted rows since the block was read: people do not wait for the lock).
  const r = deleteArchivedRows(ts, new Set(ids), arch.ids, budget);
  if (!r.complete) {
    // Appended but not all removed: the record stays, the next run finishes it.
    result.archived += r.deleted;
    result.more = true;
    result.remaining = picked.length - r.deleted;
    return false;
  }
  clearPending(tr.props);
  // Moved, not lost: the sweep's fingerprint of the IDs it saw lets them go (app/vanished.ts).
  noteArchived(tr.props, ids);
  const again = batch.filter((b) => redo.has(b.id)).length;
  result.resumed += again;
  result.archived += batch.length - again;
  result.remaining = picked.length - batch.length;
  result.more = result.remaining > 0;
  return result.more && !budget.spent;
}

/**
 * Moves closed tickets older than the configured age to the archive sheet, in steps: each takes
 * the tracker lock, reads the sheet afresh, moves one batch and lets go, so submits, agents and
 * hand edits get their turn between steps however long the whole run is.
 */
export function archiveClosedTickets(svc: Services, opts: ArchiveOptions = {}): ArchiveResult {
  const started = Date.now();
  const tr = opts.tracker ?? openTracker(svc);
  const result = empty(tr.config.settings.archiveAfterDays || 90);
  const lock = trackerLock(svc);
  const wait = opts.via === 'menu' ? 10_000 : 2_000;
  const budget = new Budget(
    opts.startedAt ?? started,
    opts.budgetMs ?? ARCHIVE_BUDGET_MS,
    opts.maxDeletes ?? MAX_DELETES,
  );
  for (let holds = 0; ; holds++) {
    if (!lock.tryLock(wait)) {
      if (!holds) return { ...result, skipped: 'busy' };
      // Someone else holds it now: what is done is done and recorded; the next run continues.
      result.more = true;
      break;
    }
    let again = false;
    try {
      again = archiveStep(tr, opts, result, budget);
    } catch (e) {
      result.ok = false;
      result.error = (e as Error)?.message || String(e);
    } finally {
      svc.SpreadsheetApp.flush();
      lock.releaseLock();
    }
    if (!again) break;
  }
  // Deleted rows take their formats with them: the formatted region ends that much higher.
  const deletedRows = result.archived + result.resumed;
  const covered = tr.config.tickets?.formattedRows;
  if (deletedRows && tr.config.tickets && covered !== undefined) {
    tr.config = { ...tr.config, tickets: { ...tr.config.tickets, formattedRows: covered - deletedRows } };
    saveConfig(tr.props, tr.config);
  }
  result.deleteCalls = budget.deletes;
  result.durationMs = Date.now() - started;
  const status: ArchiveStatusRecord = { at: tr.now, via: opts.via ?? 'trigger', ...result };
  tr.props.setProperty(STATUS_KEY, JSON.stringify(status));
  return result;
}

/** An archive result for an error thrown outside the run (the scheduled run reports it, never throws). */
export function archiveFailure(e: unknown): ArchiveResult {
  return { ...empty(0), ok: false, error: (e as Error)?.message || String(e) };
}

export function lastArchiveStatus(svc: Services): (ArchiveResult & { at: number; via: string }) | null {
  const last = readArchiveStatus(svc.PropertiesService.getDocumentProperties());
  return last && typeof last.at === 'number' ? (last as unknown as ArchiveResult & { at: number; via: string }) : null;
}

/**
 * The scheduled run's part: archive once a day, or at once while a batch is recorded or the last
 * run stopped on its budget. Errors are returned (and recorded), never thrown.
 */
export function archiveIfDue(svc: Services, startedAt: number): ArchiveResult | null {
  const props = svc.PropertiesService.getDocumentProperties();
  const last = readArchiveStatus(props);
  const due =
    !last ||
    last.more ||
    last.ok === false ||
    props.getProperty(PENDING_KEY) !== null ||
    Date.now() - (last.at ?? 0) >= SCHEDULE_EVERY_MS;
  if (!due) return null;
  return archiveClosedTickets(svc, { via: 'trigger', startedAt });
}

// ---------------------------------------------------------------------------------------------
// Menu

export function archiveFromMenu(svc: Services): ArchiveResult | { ok: false; cancelled: true } {
  const tr = openTracker(svc);
  const M = catalog(tr.lang).archive;
  const ui = svc.SpreadsheetApp.getUi();
  const days = tr.config.settings.archiveAfterDays || 90;
  if (ui.alert(M.title, M.confirm(days), ui.ButtonSet.YES_NO) !== ui.Button.YES)
    return { ok: false, cancelled: true };
  const r = archiveClosedTickets(svc, { via: 'menu', tracker: tr });
  const text = r.skipped ? t(tr.lang, 'busy') : r.ok ? M.done(r.archived + r.resumed, r.kbAdded, r.more ? r.remaining : 0) : `${M.failed}${r.error}`;
  ui.alert(M.title, text, ui.ButtonSet.OK);
  return r;
}
