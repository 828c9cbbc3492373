// Agents also type straight into the sheet. The installable onEdit trigger applies the same rules
// as the sidebar: stamps, SLA fields, refusal of invalid status moves and of ID edits (put back
// with a toast), and an audit row — in batched calls, for single cells and pasted blocks alike.
import { rowToTicket } from '../domain/columns';
import { t } from '../domain/i18n';
import type { FieldKey, Status } from '../domain/schema';
import { SHEET_NAMES, enumLabel, headerLabel, parseEnum } from '../domain/schema';
import type { AuditEntry, Ticket } from '../domain/ticket';
import { parseTicketId } from '../domain/ticketId';
import type { TicketChanges } from '../domain/workflow';
import { canMove } from '../domain/workflow';
import { appendAuditRows, auditEntriesOf, auditRow, findAuditSheet } from '../gas/auditSheet';
import { saveConfig } from '../gas/config';
import { fileMissingKnowledge } from '../gas/knowledgeSheet';
import { findSettingsSheet, readSettings } from '../gas/settingsSheet';
import { withTrackerLock } from '../gas/lock';
import type { Services } from '../gas/services';
import { cellFor, hintOf, locateTicketSheet, mergeRow, readIdColumn } from '../gas/ticketSheet';
import { slaFields } from './slaContext';
import { actingUser, openTickets, openTracker } from './tracker';

export interface EditEvent {
  range: GoogleAppsScript.Spreadsheet.Range;
  value?: unknown;
  oldValue?: unknown;
}

/** Fields whose edit is progress on the ticket (stamps 最近更新时间). */
const TRACKED: FieldKey[] = [
  'title',
  'department',
  'description',
  'urgency',
  'status',
  'assignee',
  'workLog',
  'solution',
  'feedback',
  'notes',
  'category',
  'tier',
];

/** Auto-filled times a person may still override (warning-only protection): audited, and the SLA follows. */
const OVERRIDABLE: FieldKey[] = ['submittedAt', 'firstResponseAt', 'resolvedAt'];

/** e.oldValue of a date cell is its serial number (days since 1899-12-30, spreadsheet wall clock). */
const serialText = (v: unknown): string =>
  typeof v === 'string' && /^\d+(\.\d+)?$/.test(v)
    ? new Date(Math.round((Number(v) - 25569) * 864e5)).toISOString().slice(0, 16).replace('T', ' ')
    : v === undefined || v === null ? '' : String(v);

export interface EditOutcome {
  handled: boolean;
  reverted: string[];
  changedRows: number;
  message?: string;
}

/**
 * Whether `e` is an edit event Sheets made: its range a real Range. Anything else (a call through
 * google.script.run, which cannot carry a Range, or junk) is refused before any cell is touched.
 */
function isEditEvent(e: unknown): e is EditEvent {
  const range = e && typeof e === 'object' ? (e as { range?: unknown }).range : undefined;
  return !!range && typeof range === 'object' && ['getSheet', 'getA1Notation'].every((m) => typeof (range as Record<string, unknown>)[m] === 'function');
}

export function handleEdit(svc: Services, e: EditEvent): EditOutcome {
  const none: EditOutcome = { handled: false, reverted: [], changedRows: 0 };
  if (!isEditEvent(e)) {
    // Said in the sheet's language; nothing read or written beyond the stored config.
    return { ...none, message: t(openTracker(svc).lang, 'badEditEvent') };
  }
  const tr = openTracker(svc);
  // Two calls tell where the edit is; the rest is only paid for edits in our sheets.
  const sheetName = e.range.getSheet().getName();
  const area = parseA1Area(e.range.getA1Notation());
  if (!area) return none;
  if (sheetName === SHEET_NAMES.settings.zh || sheetName === SHEET_NAMES.settings.en) {
    // Settings are validated on read; hot paths use the stored copy, refreshed here.
    const { settings } = readSettings(findSettingsSheet(tr.ss), tr.lang, tr.zone);
    saveConfig(tr.props, { ...tr.config, settings });
    return { ...none, handled: true };
  }
  if (tr.config.tickets && sheetName !== tr.config.tickets.name) return none;
  const known = tr.config.tickets;
  const ts = openTickets(tr);
  if (!ts || ts.name !== sheetName) return none;

  const { firstRow, numRows } = area;
  const firstCol = area.firstCol - 1;
  const lastCol = firstCol + area.numCols - 1;
  const headerNotes: string[] = [];
  if (firstRow <= ts.headerRow) {
    // A header typed or pasted over so that it names no field any more is put back: the tracker
    // finds its columns by these names (renaming to another recognised name is fine).
    const prev = known && known.name === ts.name && known.headerRow === ts.headerRow ? known.columns : undefined;
    for (const k of Object.keys(prev ?? {}) as FieldKey[]) {
      const c = (prev as Record<string, number>)[k];
      if (ts.columns[k] !== undefined || c < firstCol || c > lastCol || Object.values(ts.columns).includes(c)) continue;
      ts.sheet.getRange(ts.headerRow, c + 1).setValue(headerLabel(k, tr.lang));
      ts.columns[k] = c;
      headerNotes.push(t(tr.lang, 'headerRestored', { column: headerLabel(k, tr.lang) }));
    }
    // The header itself was edited (maybe past the hinted width): rescan, remember the columns.
    const fresh = headerNotes.length ? ts : locateTicketSheet(tr.ss, tr.config.tickets?.overrides);
    if (fresh) saveConfig(tr.props, { ...tr.config, tickets: hintOf(fresh, tr.config.tickets) });
    if (firstRow + numRows - 1 <= ts.headerRow) {
      if (headerNotes.length) tr.ss.toast(headerNotes.join('\n'), tr.lang === 'zh' ? '工单' : 'Tracker', 8);
      return { ...none, handled: true, reverted: headerNotes };
    }
  }
  const top = Math.max(firstRow, ts.headerRow + 1);
  const count = firstRow + numRows - top;
  const edited = (Object.keys(ts.columns) as FieldKey[]).filter((k) => {
    const c = ts.columns[k] as number;
    return c >= firstCol && c <= lastCol;
  });
  if (!edited.length || count <= 0) return none;

  const single = numRows === 1 && firstCol === lastCol;
  // Under the document lock, like every other read-modify-write of ticket rows.
  return withTrackerLock(svc, 10_000, t(tr.lang, 'busy'), () => {
    const block = ts.sheet.getRange(top, 1, count, ts.width);
    const values = block.getValues();
    const me = actingUser(tr, 'triggerOwner');
    const reverted: string[] = [...headerNotes];
    const audit: unknown[][] = [];
    const out: unknown[][] = [];
    let changedRows = 0;
    const formulas = block.getFormulas();
    /** Tickets this edit closed: closing copies them to the knowledge base, as the sidebar does. */
    const closed: Ticket[] = [];
    /** IDs a paste put in the ID column: moving rows is fine, copying one over another ticket is not. */
    const pastedIds: string[] = [];
    // A paste carries no old values: each ticket's status before it is its last audited one.
    const history = !single && edited.includes('status') ? auditedStatuses(tr.ss) : null;

    values.forEach((row, i) => {
      const tk = rowToTicket(row, ts.columns, tr.zone);
      const changes: Partial<Record<FieldKey, unknown>> = {};
      const entries: AuditEntry[] = [];
      const old = single ? e.oldValue : undefined;
      const note = (field: FieldKey, oldValue: string, newValue: string) =>
        entries.push({
          at: tr.now,
          user: me.email || me.name,
          ticketId: tk.id || `#${top + i}`,
          field: headerLabel(field, tr.lang),
          oldValue,
          newValue,
          via: 'edit',
        });

      if (edited.includes('id')) {
        if (single) {
          // IDs are generated and never reused: put the old one back.
          changes.id = old === undefined ? '' : cellFor('id', String(old), tr.lang);
          reverted.push(t(tr.lang, 'idReadOnly'));
        } else if (tk.id && !parseTicketId(tk.id)) {
          reverted.push(`${headerLabel('id', tr.lang)} ${top + i}: ${t(tr.lang, 'idReadOnly')}`);
        } else if (tk.id) {
          pastedIds.push(tk.id);
        }
      }

      let status: Status | null = tk.status;
      let wasClosed = false;
      if (edited.includes('status')) {
        const before = single ? (parseEnum('status', old) as Status | null) : ((tk.id && history?.get(tk.id)) || null);
        const putBack = single ? (old ?? '') : enumLabel('status', before ?? (tk.firstResponseAt ? 'inProgress' : 'pending'), tr.lang);
        wasClosed = before === 'closed';
        const raw = row[ts.columns.status as number];
        // Clearing it (Delete key) is no status at all: put back, or a closed ticket could be reopened.
        if (!status && (raw !== '' || (single && old !== undefined && old !== ''))) {
          if (single) changes.status = old ?? '';
          reverted.push(
            t(tr.lang, 'notInList', {
              field: headerLabel('status', tr.lang),
              values: ['pending', 'inProgress', 'resolved', 'closed']
                .map((s) => enumLabel('status', s, tr.lang))
                .join(' / '),
            }),
          );
          status = before;
        } else if ((single || before) && status && !canMove(before, status)) {
          changes.status = putBack;
          reverted.push(
            t(tr.lang, 'moveNotAllowed', {
              from: before ? enumLabel('status', before, tr.lang) : '',
              to: enumLabel('status', status, tr.lang),
            }),
          );
          status = before;
        } else if (status === 'resolved' && !tk.solution.trim()) {
          changes.status = putBack;
          reverted.push(t(tr.lang, 'solutionRequired'));
          status = before;
        } else if (single && status === 'closed' && (before ?? 'pending') === 'pending' && !tk.notes.trim()) {
          // 待处理→已关闭 is for duplicates and withdrawn requests, with a note saying so (SPEC).
          changes.status = old ?? '';
          reverted.push(t(tr.lang, 'closeNeedsNote', { notes: headerLabel('notes', tr.lang) }));
          status = before;
        } else if (status) {
          note(
            'status',
            before ? enumLabel('status', before, tr.lang) : single ? '' : '?',
            enumLabel('status', status, tr.lang),
          );
        }
      }

      // 否 from the requester reopens the ticket (seed step 4), as the sidebar's feedback does.
      if (edited.includes('feedback') && tk.id && tk.feedback?.startsWith('no:') && status === 'resolved') {
        changes.status = enumLabel('status', 'inProgress', tr.lang);
        note('status', enumLabel('status', 'resolved', tr.lang), changes.status as string);
        status = 'inProgress';
      }

      const stamps: TicketChanges = {};
      const trackedEdit = edited.some((k) => TRACKED.includes(k));
      if (trackedEdit && tk.id) {
        stamps.lastUpdateAt = tr.now;
        if (
          !tk.firstResponseAt &&
          ((status && status !== 'pending') || (edited.includes('workLog') && tk.workLog.trim()))
        )
          stamps.firstResponseAt = tr.now;
        if (status === 'resolved' && !tk.resolvedAt) stamps.resolvedAt = tr.now;
        if (status === 'inProgress' && tk.resolvedAt) stamps.resolvedAt = null;
        for (const k of edited) {
          if (k === 'status' || k === 'id' || !TRACKED.includes(k)) continue;
          const v = row[ts.columns[k] as number];
          note(
            k,
            single && old !== undefined ? String(old) : single ? '' : '?',
            v === null || v === undefined ? '' : String(v),
          );
        }
      }
      const overridden = tk.id ? edited.filter((k) => OVERRIDABLE.includes(k)) : [];
      for (const k of overridden) {
        const at = tk[k] as number | null;
        note(k, single ? serialText(old) : '?', at !== null ? tr.stamp(at) : String(row[ts.columns[k] as number] ?? ''));
      }
      let after: Ticket = { ...tk, status, ...stamps };
      if (tk.id && (trackedEdit || 'status' in changes || overridden.length)) {
        const sla = slaFields(after, tr.now, tr.config.settings, tr.zone, tr.lang).fields;
        Object.assign(stamps, sla);
        after = { ...after, ...sla };
      }
      for (const k of Object.keys(stamps) as FieldKey[]) changes[k] = cellFor(k, after[k], tr.lang);
      if (Object.keys(changes).length) changedRows++;
      if (edited.includes('status') && after.status === 'closed' && !wasClosed && tk.id) closed.push(after);
      out.push(mergeRow(row, formulas[i], changes, ts.columns));
      if (entries.length) audit.push(auditRow(entries, tr.lang));
    });

    if (pastedIds.length) {
      // A paste has no old IDs to put back: name the duplicates it made, so the person can undo.
      const seen = new Map<string, number>();
      for (const id of readIdColumn(ts).ids) seen.set(String(id).trim(), (seen.get(String(id).trim()) ?? 0) + 1);
      const twice = [...new Set(pastedIds)].filter((id) => (seen.get(id) ?? 0) > 1);
      if (twice.length) reverted.push(t(tr.lang, 'idPasted', { ids: twice.slice(0, 5).join(', ') }));
    }
    if (changedRows) block.setValues(out);
    appendAuditRows(tr.ss, audit);
    fileMissingKnowledge(tr.ss, tr.lang, closed, (tk) => tk.resolvedAt ?? tr.now);
    if (reverted.length)
      tr.ss.toast(reverted.slice(0, 3).join('\n'), tr.lang === 'zh' ? '工单' : 'Tracker', 8);
    return { handled: true, reverted, changedRows };
  });
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

/** Each ticket's last status in the audit log (its newest rows), for edits that carry no old value. */
function auditedStatuses(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Map<string, Status> {
  const out = new Map<string, Status>();
  const sheet = findAuditSheet(ss);
  const last = sheet ? sheet.getLastRow() : 0;
  if (!sheet || last < 2) return out;
  const n = Math.min(5000, last - 1);
  for (const e of auditEntriesOf(sheet.getSheetValues(last - n + 1, 1, n, 6), 'status')) {
    const s = parseEnum('status', e.newValue) as Status | null;
    if (s) out.set(e.ticketId, s);
  }
  return out;
}
