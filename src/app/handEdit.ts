// Agents also type straight into the sheet. The installable onEdit trigger applies the same rules
// as the sidebar: stamps, SLA fields, refusal of invalid status moves and of ID edits (put back
// with a toast), and an audit row — in batched calls, for single cells and pasted blocks alike.
import { rowToTicket } from '../domain/columns';
import { t } from '../domain/i18n';
import type { FieldKey, Status } from '../domain/schema';
import { enumLabel, headerLabel, parseEnum } from '../domain/schema';
import type { AuditEntry, Ticket } from '../domain/ticket';
import { parseTicketId } from '../domain/ticketId';
import type { TicketChanges } from '../domain/workflow';
import { canMove } from '../domain/workflow';
import { appendAuditRows, auditRow } from '../gas/auditSheet';
import { saveConfig } from '../gas/config';
import { findSettingsSheet, readSettings } from '../gas/settingsSheet';
import type { Services } from '../gas/services';
import { cellFor, hintOf, mergeRow, openTicketSheet } from '../gas/ticketSheet';
import { slaFields } from './slaContext';
import { actingUser, openTracker } from './tracker';

export interface EditEvent {
  range: GoogleAppsScript.Spreadsheet.Range;
  value?: unknown;
  oldValue?: unknown;
}

/** Fields whose edit is progress on the ticket (stamps 最近更新时间). */
const TRACKED: FieldKey[] = ['title', 'department', 'description', 'urgency', 'status', 'assignee', 'workLog', 'solution', 'feedback', 'notes', 'category', 'tier'];

export interface EditOutcome {
  handled: boolean;
  reverted: string[];
  changedRows: number;
  message?: string;
}

export function handleEdit(svc: Services, e: EditEvent): EditOutcome {
  const none: EditOutcome = { handled: false, reverted: [], changedRows: 0 };
  if (!e || !e.range) return none;
  const tr = openTracker(svc);
  const sheet = e.range.getSheet();
  const settingsSheet = findSettingsSheet(tr.ss);
  if (settingsSheet && sheet.getSheetId() === settingsSheet.getSheetId()) {
    // Settings are validated on read; hot paths use the stored copy, refreshed here.
    const { settings } = readSettings(settingsSheet, tr.lang, tr.zone);
    saveConfig(tr.props, { ...tr.config, settings });
    return { ...none, handled: true };
  }
  const ts = openTicketSheet(tr.ss, tr.config.tickets);
  if (!ts || ts.sheet.getSheetId() !== sheet.getSheetId()) return none;

  const firstRow = e.range.getRow();
  const numRows = e.range.getNumRows();
  const firstCol = e.range.getColumn() - 1;
  const lastCol = firstCol + e.range.getNumColumns() - 1;
  if (firstRow <= ts.headerRow) {
    // The header itself was edited: remember where the columns are now.
    saveConfig(tr.props, { ...tr.config, tickets: hintOf(ts) });
    if (firstRow + numRows - 1 <= ts.headerRow) return { ...none, handled: true };
  }
  const top = Math.max(firstRow, ts.headerRow + 1);
  const count = firstRow + numRows - top;
  const edited = (Object.keys(ts.columns) as FieldKey[]).filter((k) => {
    const c = ts.columns[k] as number;
    return c >= firstCol && c <= lastCol;
  });
  if (!edited.length || count <= 0) return none;

  const single = numRows === 1 && firstCol === lastCol;
  const block = ts.sheet.getRange(top, 1, count, ts.width);
  const values = block.getValues();
  const me = actingUser(tr);
  const reverted: string[] = [];
  const audit: unknown[][] = [];
  const out: unknown[][] = [];
  let changedRows = 0;
  const formulas = block.getFormulas();

  values.forEach((row, i) => {
    const tk = rowToTicket(row, ts.columns, tr.zone);
    const changes: Partial<Record<FieldKey, unknown>> = {};
    const entries: AuditEntry[] = [];
    const old = single ? e.oldValue : undefined;
    const note = (field: FieldKey, oldValue: string, newValue: string) =>
      entries.push({ at: tr.now, user: me.email || me.name, ticketId: tk.id || `#${top + i}`, field: headerLabel(field, tr.lang), oldValue, newValue, via: 'edit' });

    if (edited.includes('id')) {
      if (single) {
        // IDs are generated and never reused: put the old one back.
        changes.id = old === undefined ? '' : cellFor('id', String(old), tr.lang);
        reverted.push(t(tr.lang, 'idReadOnly'));
      } else if (tk.id && !parseTicketId(tk.id)) {
        reverted.push(`${headerLabel('id', tr.lang)} ${top + i}: ${t(tr.lang, 'idReadOnly')}`);
      }
    }

    let status: Status | null = tk.status;
    if (edited.includes('status')) {
      const before = single ? (parseEnum('status', old) as Status | null) : null;
      const raw = row[ts.columns.status as number];
      if (raw !== '' && !status) {
        if (single) changes.status = old ?? '';
        reverted.push(t(tr.lang, 'notInList', { field: headerLabel('status', tr.lang), values: ['pending', 'inProgress', 'resolved', 'closed'].map((s) => enumLabel('status', s, tr.lang)).join(' / ') }));
        status = before;
      } else if (single && status && !canMove(before, status)) {
        changes.status = old ?? '';
        reverted.push(t(tr.lang, 'moveNotAllowed', { from: before ? enumLabel('status', before, tr.lang) : '', to: enumLabel('status', status, tr.lang) }));
        status = before;
      } else if (single && status === 'resolved' && !tk.solution.trim()) {
        changes.status = old ?? '';
        reverted.push(t(tr.lang, 'solutionRequired'));
        status = before;
      } else if (status) {
        note('status', before ? enumLabel('status', before, tr.lang) : single ? '' : '?', enumLabel('status', status, tr.lang));
      }
    }

    const stamps: TicketChanges = {};
    const trackedEdit = edited.some((k) => TRACKED.includes(k));
    if (trackedEdit && tk.id) {
      stamps.lastUpdateAt = tr.now;
      if (!tk.firstResponseAt && ((status && status !== 'pending') || (edited.includes('workLog') && tk.workLog.trim()))) stamps.firstResponseAt = tr.now;
      if (status === 'resolved' && !tk.resolvedAt) stamps.resolvedAt = tr.now;
      if (status === 'inProgress' && tk.resolvedAt) stamps.resolvedAt = null;
      for (const k of edited) {
        if (k === 'status' || k === 'id' || !TRACKED.includes(k)) continue;
        const v = row[ts.columns[k] as number];
        note(k, single && old !== undefined ? String(old) : single ? '' : '?', v === null || v === undefined ? '' : String(v));
      }
    }
    let after: Ticket = { ...tk, status, ...stamps };
    if (tk.id && (trackedEdit || 'status' in changes)) {
      const sla = slaFields(after, tr.now, tr.config.settings, tr.zone, tr.lang).fields;
      Object.assign(stamps, sla);
      after = { ...after, ...sla };
    }
    for (const k of Object.keys(stamps) as FieldKey[]) changes[k] = cellFor(k, after[k], tr.lang);
    if (Object.keys(changes).length) changedRows++;
    out.push(mergeRow(row, formulas[i], changes, ts.columns));
    if (entries.length) audit.push(auditRow(entries, tr.lang));
  });

  if (changedRows) block.setValues(out);
  appendAuditRows(tr.ss, audit);
  if (reverted.length) tr.ss.toast(reverted.slice(0, 3).join('\n'), tr.lang === 'zh' ? '工单' : 'Tracker', 8);
  return { handled: true, reverted, changedRows };
}
