// Agents also type straight into the sheet. The installable onEdit trigger applies the same rules
// as the sidebar — stamps, SLA fields, refusal of invalid status moves, of ID edits and of typing
// over the columns the tracker owns (put back with a toast), and an audit row — in batched calls,
// for every shape of edit: one cell, a pasted block, a clear, a fill-down, a sort. This module
// routes the edit; the concerns live in ./edit: the header (header.ts), the settings sheet
// (settings.ts), the row rules (rows.ts) and edits that wait for the lock (queue.ts).
import { rethrowDefect } from '../domain/errors';
import { t } from '../domain/i18n';
import type { FieldKey } from '../domain/schema';
import { SHEET_NAMES } from '../domain/schema';
import { appendAudit } from '../gas/auditSheet';
import { noteKnowledgeChanged } from '../gas/properties';
import { BusyError, withTrackerLock } from '../gas/lock';
import type { Services } from '../gas/services';
import { healDeletedHeader, headerRowDeleted, repairHeader } from './edit/header';
import { drainEditQueue, queueEdit } from './edit/queue';
import type { EditScope } from './edit/rows';
import { AuditWriteError, checkRows } from './edit/rows';
import { refreshSettings } from './edit/settings';
import { actingUser, openTickets, openTracker } from './tracker';
import { traceAfterEdit } from './vanished';
import type { Tracker } from './tracker';

export interface EditEvent {
  range: GoogleAppsScript.Spreadsheet.Range;
  /** The spreadsheet the edit is in (guides/triggers/events#edit): no getActiveSpreadsheet() call. */
  source?: GoogleAppsScript.Spreadsheet.Spreadsheet;
  value?: unknown;
  oldValue?: unknown;
}

export interface EditOutcome {
  handled: boolean;
  reverted: string[];
  changedRows: number;
  message?: string;
  /** The lock was busy (or the audit could not be written): the edit waits in the queue. */
  queued?: boolean;
}

/** How long an edit waits for the lock before it is queued for a later check. */
const LOCK_WAIT_MS = 10_000;

/**
 * Whether `e` is an edit event Sheets made: its range a real Range. Anything else (a call through
 * google.script.run, which cannot carry a Range, or junk) is refused before any cell is touched.
 */
function isEditEvent(e: unknown): e is EditEvent {
  const range = e && typeof e === 'object' ? (e as { range?: unknown }).range : undefined;
  return !!range && typeof range === 'object' && ['getSheet', 'getA1Notation'].every((m) => typeof (range as Record<string, unknown>)[m] === 'function');
}

const toastTitle = (tr: Tracker) => t(tr.lang, 'toastTitle');

/** e.source when it is a spreadsheet (Sheets' events carry it), else none: the active one is asked for. */
function sourceOf(e: EditEvent): GoogleAppsScript.Spreadsheet.Spreadsheet | undefined {
  const s = (e as { source?: unknown }).source;
  return s && typeof s === 'object' && typeof (s as { getSheetByName?: unknown }).getSheetByName === 'function' ? (s as GoogleAppsScript.Spreadsheet.Spreadsheet) : undefined;
}

export function handleEdit(svc: Services, e: EditEvent): EditOutcome {
  const none: EditOutcome = { handled: false, reverted: [], changedRows: 0 };
  if (!isEditEvent(e)) {
    // Said in the sheet's language; nothing read or written beyond the stored config.
    return { ...none, message: t(openTracker(svc).lang, 'badEditEvent') };
  }
  const tr = openTracker(svc, sourceOf(e));
  // Three calls tell where the edit is; the rest is only paid for edits in our sheets.
  const sheet = e.range.getSheet();
  const sheetName = sheet.getName();
  const a1 = e.range.getA1Notation();
  const area = parseA1Area(a1);
  if (!area) return none;
  if (sheetName === SHEET_NAMES.settings.zh || sheetName === SHEET_NAMES.settings.en) {
    refreshSettings(tr);
    return { ...none, handled: true };
  }
  if (sheetName === SHEET_NAMES.audit.zh || sheetName === SHEET_NAMES.audit.en) return auditSheetEdited(tr, `${sheetName}!${a1}`);
  if (sheetName === SHEET_NAMES.knowledge.zh || sheetName === SHEET_NAMES.knowledge.en) {
    // An entry edited or retired by hand: suggestions must not offer the cached old one (app/suggest.ts).
    noteKnowledgeChanged(tr.props);
    return { ...none, handled: true };
  }
  if (tr.config.tickets && sheetName !== tr.config.tickets.name) return none;
  const known = tr.config.tickets;
  // The edited sheet is the one the stored hint names: its header is read from it directly.
  let ts = openTickets(tr, known ? sheet : undefined);
  if (!ts || ts.name !== sheetName) return none;
  const headerNotes: string[] = [];
  if (headerRowDeleted(ts)) {
    // The header row was deleted (no trigger saw it): put back first, so the edited ticket is
    // checked as a ticket, not taken for the header. The edited cells are one row lower after it.
    const who = actingUser(tr, 'triggerOwner');
    try {
      ts = withTrackerLock(svc, LOCK_WAIT_MS, t(tr.lang, 'busy'), () => healDeletedHeader(tr, ts, who.email || who.name, 'edit')) ?? ts;
    } catch (err) {
      if (!(err instanceof BusyError)) throw err;
      // Never dropped: the sweep heals the header, then checks the edit where its cells will be.
      const firstCol = area.firstCol - 1;
      queueEdit(tr, { top: area.firstRow + 1, count: area.numRows, firstCol, lastCol: firstCol + area.numCols - 1, single: false, user: who.email || who.name, at: tr.now });
      return { ...none, handled: true, queued: true, message: t(tr.lang, 'editQueued') };
    }
    area.firstRow += 1;
    headerNotes.push(t(tr.lang, 'headerRowRestored', { row: ts.headerRow + 1 }));
  }

  const { firstRow, numRows } = area;
  const firstCol = area.firstCol - 1;
  const lastCol = firstCol + area.numCols - 1;
  if (firstRow <= ts.headerRow) {
    headerNotes.push(...repairHeader(tr, ts, known, firstCol, lastCol));
    if (firstRow + numRows - 1 <= ts.headerRow) {
      if (headerNotes.length) tr.ss.toast(headerNotes.join('\n'), toastTitle(tr), 8);
      return { ...none, handled: true, reverted: headerNotes };
    }
  }
  const top = Math.max(firstRow, ts.headerRow + 1);
  const count = firstRow + numRows - top;
  const edited = (Object.keys(ts.columns) as FieldKey[]).filter((k) => {
    const c = ts.columns[k] as number;
    return c >= firstCol && c <= lastCol;
  });
  if (!edited.length || count <= 0) {
    if (headerNotes.length) tr.ss.toast(headerNotes.join('\n'), toastTitle(tr), 8);
    return headerNotes.length ? { ...none, handled: true, reverted: headerNotes } : none;
  }

  const me = actingUser(tr, 'triggerOwner');
  const single = numRows === 1 && firstCol === lastCol;
  const scope: EditScope = { top, count, firstCol, lastCol, single, oldValue: single ? e.oldValue : undefined, user: me.email || me.name, at: tr.now };
  try {
    // Under the tracker lock, like every other read-modify-write of ticket rows.
    return withTrackerLock(svc, LOCK_WAIT_MS, t(tr.lang, 'busy'), () => {
      // Edits that waited for the lock are older: checked first.
      const earlier = drainEditQueue(tr, ts);
      const out = checkRows(tr, ts, scope);
      // An edit over the ID or record column may have taken a whole ticket with it: traced from the audit trail.
      const gone = edited.includes('id') || edited.includes('record') ? traceAfterEdit(tr, ts, scope.user) : [];
      const reverted = [...headerNotes, ...earlier, ...out.reverted, ...gone];
      if (reverted.length) tr.ss.toast(reverted.slice(0, 3).join('\n'), toastTitle(tr), 8);
      return { handled: true, reverted, changedRows: out.changedRows };
    });
  } catch (err) {
    if (!(err instanceof BusyError) && !(err instanceof AuditWriteError)) throw err;
    // Never dropped: checked by the next edit trigger or the sweep.
    queueEdit(tr, { ...scope, oldValue: undefined, single: false });
    const message = t(tr.lang, err instanceof BusyError ? 'editQueued' : 'editAuditFailed');
    try {
      tr.ss.toast(message, toastTitle(tr), 8);
    } catch (e) {
      rethrowDefect(e);
      // The toast is a courtesy; the queue is what matters.
    }
    return { handled: true, reverted: headerNotes, changedRows: 0, queued: true, message };
  }
}

/**
 * The audit sheet is append-only (warning-protected by setup): an edit of its earlier rows cannot
 * be put back (Google gives no old values for a range), so it is recorded at its end, and said.
 */
function auditSheetEdited(tr: Tracker, a1: string): EditOutcome {
  const me = actingUser(tr, 'triggerOwner');
  appendAudit(tr.ss, [{ at: tr.now, user: me.email || me.name, ticketId: '-', field: SHEET_NAMES.audit[tr.lang], oldValue: '?', newValue: a1, via: 'edit' }], tr.lang);
  const message = t(tr.lang, 'auditSheetEdited');
  tr.ss.toast(message, toastTitle(tr), 8);
  return { handled: true, reverted: [message], changedRows: 0 };
}

/** `B2`, `B2:C3` → 1-based first row/column and size (what e.range's getters would say, in one call). */
export function parseA1Area(
  a1: string,
): { firstRow: number; firstCol: number; numRows: number; numCols: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(a1.trim().toUpperCase());
  if (!m) return null;
  const col = (letters: string) => letters.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r1 = Number(m[2]);
  const c1 = col(m[1]);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? col(m[3]) : c1;
  return {
    firstRow: Math.min(r1, r2),
    firstCol: Math.min(c1, c2),
    numRows: Math.abs(r2 - r1) + 1,
    numCols: Math.abs(c2 - c1) + 1,
  };
}
