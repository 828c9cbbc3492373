// The rules a hand edit of ticket rows must pass, whatever its shape: one typed cell, a pasted
// block, a clear, a fill-down or a sort. Each row is judged against the tracker's record of it
// (domain/record.ts, a hidden column the add-on owns), not against e.oldValue, which Google gives
// for single cells only (guides/triggers/events#edit), nor against the audit sheet, which may be
// huge or gone. Forbidden moves and owned columns are put back; accepted changes are stamped,
// recorded with the row and audited. The caller holds the document lock.
// Over ~400 lines: one rule set (checkRows) judging each edited row against its record; forbidden
// moves, owned columns, stamps and audit rows act on the same row state, with helpers only it uses.
import { catalog, t } from '../../domain/i18n';
import type { NotifyEvent } from '../../domain/notify/events';
import { statusEditEvent } from '../../domain/notify/events';
import type { RowRecord } from '../../domain/record';
import { HASHED, changedFields, parseRecord, recordOf } from '../../domain/record';
import type { FieldKey, Status } from '../../domain/schema';
import { enumLabel, headerLabel, parseEnum } from '../../domain/schema';
import type { AuditEntry, Ticket } from '../../domain/ticket';
import { parseTicketId } from '../../domain/ticketId';
import type { TicketChanges } from '../../domain/workflow';
import { canMove } from '../../domain/workflow';
import { appendAuditRows, auditEntriesOf, auditRow, findAuditSheet } from '../../gas/auditSheet';
import { fileMissingKnowledge } from '../../gas/knowledgeSheet';
import { noteKnowledgeChanged } from '../../gas/properties';
import type { TicketSheet } from '../../gas/ticketSheet';
import { cellFor, mergeRow, plainTextCells, readIdColumn } from '../../gas/ticketSheet';
import { writeTextValues } from '../../gas/textValues';
import { slaFields } from '../slaContext';
import { formatWaitSegment, parseWaitSegment, stopWait, waitLabel, waitOf } from '../../domain/waiting';
import type { Tracker } from '../tracker';
import { ticketOfRow } from '../tracker';
import { noteIssuedIds } from '../ticketIds';
import { prepareBatch, sendNotices } from '../notify';
import { auditedEmails, judgeNotifyEmail } from './requesterEmail';

/** Fields whose edit is progress on the ticket (stamps 最近更新时间). */
const TRACKED: readonly FieldKey[] = ['title', 'department', 'description', 'urgency', 'status', 'assignee', 'workLog', 'solution', 'feedback', 'notes', 'category', 'tier'];

/** Auto-filled times a person may still override (warning-only protection): audited, and the SLA follows. */
const OVERRIDABLE: readonly FieldKey[] = ['submittedAt', 'firstResponseAt', 'resolvedAt'];

/** Columns only the tracker writes: typed over, they are put back (and the put-back recorded). */
const SLA_OWNED: readonly FieldKey[] = ['responseDueAt', 'resolveDueAt', 'slaStatus'];

/** e.oldValue of a date cell is its serial number (days since 1899-12-30, spreadsheet wall clock). */
const serialText = (v: unknown): string =>
  typeof v === 'string' && /^\d+(\.\d+)?$/.test(v)
    ? new Date(Math.round((Number(v) - 25569) * 864e5)).toISOString().slice(0, 16).replace('T', ' ')
    : v === undefined || v === null ? '' : String(v);

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const minuteOf = (v: unknown): number | null => (isDate(v) ? Math.floor(v.getTime() / 60_000) : null);
const shown = (v: unknown, tr: Tracker): string => (isDate(v) ? tr.stamp(v.getTime()) : v === null || v === undefined ? '' : String(v));

/** The edit being checked: where it was and who made it. */
export interface EditScope {
  /** 1-based first sheet row and how many rows (below the header). */
  top: number;
  count: number;
  /** 0-based first and last column the edit covered. */
  firstCol: number;
  lastCol: number;
  /** One typed cell (its old value, when Google gave one, is a hint only). */
  single: boolean;
  oldValue?: unknown;
  /** Email (or name) of the person who made it; when. */
  user: string;
  at: number;
}

export interface RowsOutcome {
  reverted: string[];
  changedRows: number;
}

/** Thrown when the audit row could not be written: the rows were left unconfirmed (records unchanged). */
export class AuditWriteError extends Error {}

/** Everything the row rules may need beyond the edited block, read at most once per edit. */
class Elsewhere {
  private ids: Map<string, number> | null = null;
  private records: Map<string, RowRecord> | null = null;
  private history: Map<string, Status> | null = null;
  private emails: Map<string, string> | null = null;
  constructor(private readonly tr: Tracker, private readonly ts: TicketSheet) {}

  /** How often each ID is in the ID column now. */
  idCount(id: string): number {
    this.load();
    return (this.ids as Map<string, number>).get(id) ?? 0;
  }

  /** The record of a ticket wherever it sits (a sort that left the hidden column behind moved it). */
  recordOf(id: string): RowRecord | null {
    this.load();
    return (this.records as Map<string, RowRecord>).get(id) ?? null;
  }

  /** For rows the tracker never recorded (sheets set up before the record column): the audit's word. */
  auditedStatus(id: string): Status | null {
    if (!this.history) this.history = auditedStatuses(this.tr.ss);
    return this.history.get(id) ?? null;
  }

  /** A ticket's last 提交人邮箱 in the audit trail (for a put-back of an invalid paste). */
  auditedEmail(id: string): string | null {
    if (!this.emails) this.emails = auditedEmails(this.tr.ss);
    return this.emails.get(id) ?? null;
  }

  private load(): void {
    if (this.ids) return;
    const { ids, lastRow } = readIdColumn(this.ts);
    this.ids = new Map();
    for (const v of ids) {
      const id = String(v ?? '').trim();
      if (id) this.ids.set(id, (this.ids.get(id) ?? 0) + 1);
    }
    this.records = new Map();
    const col = this.ts.columns.record;
    const n = lastRow - this.ts.headerRow;
    if (col === undefined || n <= 0) return;
    const cells = this.ts.sheet.getSheetValues(this.ts.headerRow + 1, col + 1, n, 1);
    const loose = new Map<string, RowRecord>();
    cells.forEach(([c], i) => {
      const rec = parseRecord(c);
      if (!rec) return;
      // A record on its own ticket's row wins over one left behind elsewhere.
      if (String(ids[i] ?? '').trim() === rec.id) (this.records as Map<string, RowRecord>).set(rec.id, rec);
      else if (!loose.has(rec.id)) loose.set(rec.id, rec);
    });
    for (const [id, rec] of loose) if (!this.records.has(id)) this.records.set(id, rec);
  }
}

/**
 * Checks the rows `scope` covers against their records and the workflow, writes put-backs, stamps
 * and records in one setValues, and appends the audit rows first (a failure there leaves the rows
 * unconfirmed, to be checked again, and throws AuditWriteError).
 */
export function checkRows(tr: Tracker, ts: TicketSheet, scope: EditScope): RowsOutcome {
  const { top, count, single } = scope;
  const reverted: string[] = [];
  if (count <= 0) return { reverted, changedRows: 0 };
  const inRange = (Object.keys(ts.columns) as FieldKey[]).filter((k) => {
    const c = ts.columns[k] as number;
    return c >= scope.firstCol && c <= scope.lastCol;
  });
  const block = ts.sheet.getRange(top, 1, count, ts.width);
  const values = block.getValues();
  const formulas = block.getFormulas();
  const more = new Elsewhere(tr, ts);
  const audit: unknown[][] = [];
  const out: unknown[][] = [];
  const closed: Ticket[] = [];
  const notices: { tk: Ticket; event: NotifyEvent }[] = [];
  const pastedIds: string[] = [];
  const cleared: number[] = [];
  let changedRows = 0;
  const owned = new Set<string>();
  let waitTyped = false;
  const statusLabels = ['pending', 'inProgress', 'resolved', 'closed'].map((s) => enumLabel('status', s, tr.lang)).join(' / ');
  const recCol = ts.columns.record;

  values.forEach((row, i) => {
    let tk = ticketOfRow(tr, row, ts.columns);
    const changes: Partial<Record<FieldKey, unknown>> = {};
    const entries: AuditEntry[] = [];
    const old = single ? scope.oldValue : undefined;
    const note = (field: FieldKey, oldValue: string, newValue: string) =>
      entries.push({ at: scope.at, user: scope.user, ticketId: tk.id || `#${top + i}`, field: headerLabel(field, tr.lang), oldValue, newValue, via: 'edit' });

    // Which ticket this row is, by its record: an ID typed over or cleared is put back.
    const here = recCol === undefined ? null : parseRecord(row[recCol]);
    let truth: RowRecord | null = null;
    if (here && here.id === tk.id) truth = here;
    else if (here && more.idCount(here.id) === 0) {
      // The row's own ticket is no longer anywhere in the ID column: its ID cell was overwritten.
      if (tk.id || !rowIsEmpty(row, ts, recCol)) {
        changes.id = cellFor('id', here.id, tr.lang);
        entries.push({ at: scope.at, user: scope.user, ticketId: here.id, field: headerLabel('id', tr.lang), oldValue: tk.id, newValue: here.id, via: 'edit' });
        reverted.push(t(tr.lang, 'idReadOnly'));
        tk = { ...tk, id: here.id };
        truth = here;
      } else {
        // The whole ticket was cleared but for its hidden record: leave a trace, once.
        cleared.push(top + i);
        entries.push(...clearedEntries(tr, scope, here, top + i));
        changes.record = '';
      }
    } else if (tk.id && recCol !== undefined) truth = more.recordOf(tk.id);

    if (!tk.id) {
      out.push(mergeRow(row, formulas[i], changes, ts.columns, plainTextCells(ts, tr.config.tickets?.original, top + i)));
      if (Object.keys(changes).length) changedRows++;
      if (entries.length) audit.push(auditRow(entries, tr.lang));
      return;
    }

    if (!truth && inRange.includes('id')) {
      // Never recorded (a sheet set up before the record column): the typed cell's old value, or the paste is named.
      if (single && old !== undefined) {
        changes.id = cellFor('id', String(old), tr.lang);
        reverted.push(t(tr.lang, 'idReadOnly'));
      } else if (!parseTicketId(tk.id)) reverted.push(`${headerLabel('id', tr.lang)} ${top + i}: ${t(tr.lang, 'idReadOnly')}`);
      else pastedIds.push(tk.id);
    } else if (truth && inRange.includes('id')) pastedIds.push(tk.id);

    // What changed: exactly, against the record; else whatever the edit covered.
    const changed: FieldKey[] = truth ? changedFields(truth, tk) : inRange.filter((k) => (HASHED as readonly FieldKey[]).includes(k));
    // 提交人邮箱: a valid address or empty is accepted and audited; anything else is put back.
    const emailCol = ts.columns.notifyEmail;
    const email = emailCol === undefined ? null : judgeNotifyEmail({ tk, truth, raw: row[emailCol], inRange: inRange.includes('notifyEmail'), single, old, audited: (id) => more.auditedEmail(id) });
    if (email?.kind === 'accepted') note('notifyEmail', email.oldText, email.value);
    else if (email?.kind === 'putBack') {
      changes.notifyEmail = cellFor('notifyEmail', email.value, tr.lang);
      // Put back to what it certainly was: nothing changed. Otherwise the refused text is kept here.
      if (!email.verified) note('notifyEmail', email.refused, email.value);
      const column = headerLabel('notifyEmail', tr.lang);
      if (email.reason === 'personalMobile') reverted.push(t(tr.lang, 'personalMobile'));
      reverted.push(t(tr.lang, email.verified || email.value ? 'notifyEmailPutBack' : 'notifyEmailCleared', { column }));
      tk = { ...tk, notifyEmail: email.value };
    }
    const rawStatus = ts.columns.status === undefined ? '' : row[ts.columns.status];
    const statusTouched = ts.columns.status !== undefined && (truth ? tk.status !== truth.status || !tk.status : inRange.includes('status'));

    let status: Status | null = tk.status;
    // The status the tracker last accepted: the record's; for rows never recorded, the typed
    // cell's old value or the audit's word (a guess, only until the row gets its record).
    let before: Status | null = truth ? truth.status : status;
    if (statusTouched) {
      if (!truth) before = single && inRange.includes('status') && old !== undefined ? (parseEnum('status', old) as Status | null) : more.auditedStatus(tk.id);
      const putBack = before
        ? enumLabel('status', before, tr.lang)
        : single && old !== undefined
          ? String(old)
          : enumLabel('status', tk.firstResponseAt ? 'inProgress' : 'pending', tr.lang);
      let refusal: string | null = null;
      if (!status) {
        // Cleared (Delete key) or not a status: no status at all would let a closed ticket be reopened.
        if (rawStatus !== '' || before || (single && old !== undefined && old !== '')) refusal = t(tr.lang, 'notInList', { field: headerLabel('status', tr.lang), values: statusLabels });
      } else if (!canMove(before, status)) {
        refusal = t(tr.lang, 'moveNotAllowed', { from: before ? enumLabel('status', before, tr.lang) : '', to: enumLabel('status', status, tr.lang) });
      } else if (status === 'resolved' && before !== 'resolved' && !tk.solution.trim()) {
        refusal = t(tr.lang, 'solutionRequired');
      } else if (status === 'closed' && (before ?? 'pending') === 'pending' && !tk.notes.trim()) {
        // 待处理→已关闭 is for duplicates and withdrawn requests, with a note saying so (SPEC).
        refusal = t(tr.lang, 'closeNeedsNote', { notes: headerLabel('notes', tr.lang) });
      }
      if (refusal) {
        changes.status = putBack;
        reverted.push(refusal);
        status = before ?? (parseEnum('status', putBack) as Status | null);
        if (!before) before = status;
      } else if (status && status !== before) {
        note('status', before ? enumLabel('status', before, tr.lang) : truth || single ? '' : '?', enumLabel('status', status, tr.lang));
      }
    }

    // 否 from the requester reopens the ticket (seed step 4), as the sidebar's feedback does.
    if (changed.includes('feedback') && tk.feedback?.startsWith('no:') && status === 'resolved') {
      changes.status = enumLabel('status', 'inProgress', tr.lang);
      note('status', enumLabel('status', 'resolved', tr.lang), changes.status as string);
      status = 'inProgress';
    }

    const statusMoved = status !== before;
    const tracked = changed.filter((k) => TRACKED.includes(k));
    const progress = tracked.length > 0 || statusMoved;
    const stamps: TicketChanges = {};
    if (progress) {
      stamps.lastUpdateAt = scope.at;
      if (!tk.firstResponseAt && ((status && status !== 'pending') || (changed.includes('workLog') && tk.workLog.trim()))) stamps.firstResponseAt = scope.at;
      if (status === 'resolved' && !tk.resolvedAt) stamps.resolvedAt = scope.at;
      if (status === 'inProgress' && tk.resolvedAt) stamps.resolvedAt = null;
      for (const k of tracked) {
        const v = row[ts.columns[k] as number];
        const oldText = single && old !== undefined && inRange.includes(k) ? String(old) : single && inRange.includes(k) ? '' : '?';
        note(k, oldText, shown(v, tr));
      }
    }
    const overridden = changed.filter((k) => OVERRIDABLE.includes(k));
    for (const k of overridden) {
      const at = tk[k] as number | null;
      note(k, single && inRange.includes(k) ? serialText(old) : '?', at !== null ? tr.stamp(at) : String(row[ts.columns[k] as number] ?? ''));
    }

    // 最近更新时间 typed over with no progress: the recorded time goes back.
    const lastCol = ts.columns.lastUpdateAt;
    if (!progress && lastCol !== undefined && truth) {
      const had = row[lastCol];
      const want = truth.lastUpdateAt === null ? null : Math.floor(truth.lastUpdateAt / 60_000);
      if (want === null ? had !== '' && had !== null : minuteOf(had) !== want) {
        stamps.lastUpdateAt = truth.lastUpdateAt;
        note('lastUpdateAt', shown(had, tr), truth.lastUpdateAt === null ? '' : tr.stamp(truth.lastUpdateAt));
        owned.add(headerLabel('lastUpdateAt', tr.lang));
      }
    } else if (!progress && lastCol !== undefined && !truth && single && inRange.includes('lastUpdateAt') && typeof old === 'string' && /^\d+(\.\d+)?$/.test(old)) {
      changes.lastUpdateAt = cellFor('lastUpdateAt', Math.round((Number(old) - 25569) * 864e5), tr.lang);
    }

    let after: Ticket = { ...tk, status, ...stamps };
    const slaTyped = SLA_OWNED.filter((k) => inRange.includes(k));
    if (progress || Object.keys(changes).includes('status') || overridden.length || slaTyped.length) {
      const sla = slaFields(after, tr.now, tr.config.settings, tr.zone, tr.lang).fields;
      for (const k of slaTyped) {
        const want = cellFor(k, sla[k as keyof typeof sla] as never, tr.lang);
        const have = row[ts.columns[k] as number];
        if (shown(want, tr) !== shown(have, tr)) {
          note(k, shown(have, tr), shown(want, tr));
          owned.add(headerLabel(k, tr.lang));
        }
      }
      Object.assign(stamps, sla);
      after = { ...after, ...sla };
    }
    // The 等待 column (issue 18) is the tracker's: set and ended from the sidebar with a reason, shown
    // from the record. Typed over, it is put back; resolving or closing by hand ends the wait.
    const waitBefore = truth ? parseWaitSegment(truth.wait) : waitOf(tk);
    let waitAfter = waitBefore;
    if (waitBefore.current && statusMoved && (status === 'resolved' || status === 'closed')) {
      waitAfter = stopWait(waitBefore, scope.at);
      note('waiting', waitLabel(waitBefore, tr.lang), '');
    }
    const waitShown = waitLabel(waitAfter, tr.lang);
    if (ts.columns.waiting !== undefined && tk.waiting.trim() !== waitShown) {
      changes.waiting = cellFor('waiting', waitShown, tr.lang);
      if (waitAfter === waitBefore) {
        note('waiting', tk.waiting, waitShown);
        waitTyped = true;
      }
    }
    after = { ...after, waiting: waitShown };
    for (const k of Object.keys(stamps) as FieldKey[]) changes[k] = cellFor(k, after[k], tr.lang);
    if (recCol !== undefined && (truth || parseTicketId(tk.id))) {
      const rec = cellFor('record', recordOf(after, formatWaitSegment(waitAfter)), tr.lang);
      const had = String(row[recCol] ?? '');
      if (had !== rec) {
        // The hidden record itself typed or pasted over: written again, and said so.
        if (inRange.includes('record') && had !== '' && !(here && here.id === tk.id)) {
          note('record', had, String(rec));
          owned.add(headerLabel('record', tr.lang));
        }
        changes.record = rec;
      }
    }
    if (Object.keys(changes).length) changedRows++;
    if (status === 'closed' && statusMoved) closed.push(after);
    const told = statusMoved ? statusEditEvent(before, after, scope.user) : null;
    if (told) notices.push({ tk: after, event: told });
    out.push(mergeRow(row, formulas[i], changes, ts.columns, plainTextCells(ts, tr.config.tickets?.original, top + i)));
    if (entries.length) audit.push(auditRow(entries, tr.lang));
  });

  if (pastedIds.length) {
    // A pasted ID is in the sheet now: intake's counter goes past it (app/ticketIds.ts).
    noteIssuedIds(tr.props, pastedIds);
    // A paste that copies one ticket's ID onto another row: name the duplicates, so the person can undo.
    const twice = [...new Set(pastedIds)].filter((id) => more.idCount(id) > 1);
    if (twice.length) reverted.push(t(tr.lang, 'idPasted', { ids: twice.slice(0, 5).join(', ') }));
  }
  if (owned.size) reverted.push(...[...owned].map((column) => t(tr.lang, 'ownedColumn', { column })));
  if (waitTyped) reverted.push(catalog(tr.lang).waiting.columnHandEdit(headerLabel('waiting', tr.lang)));
  if (cleared.length) reverted.push(t(tr.lang, 'rowCleared', { rows: cleared.slice(0, 5).join(', ') }));
  // The audit first: if it cannot be written, the rows stay unconfirmed (their records unchanged)
  // and the edit is checked again later; a row written without its audit row is what must not happen.
  try {
    appendAuditRows(tr.ss, audit);
  } catch (e) {
    throw new AuditWriteError((e as Error).message || String(e));
  }
  if (changedRows) {
    block.setValues(out);
    // Formula-like text in the rows goes back in as Rich Text (issue 16; src/gas/textValues.ts).
    writeTextValues(tr.svc.SpreadsheetApp, ts.sheet, top, 1, out, plainTextCells(ts, tr.config.tickets?.original, top));
  }
  if (fileMissingKnowledge(tr.ss, tr.lang, closed, (tk) => tk.resolvedAt ?? tr.now)) noteKnowledgeChanged(tr.props);
  // The requester hears of it as from the sidebar; mail waits in the queue when the quota is out.
  if (notices.length) sendNotices(tr, prepareBatch(tr, notices));
  return { reverted, changedRows };
}

/** Nothing left in the row but (maybe) its record: the ticket's content was cleared. */
function rowIsEmpty(row: readonly unknown[], ts: TicketSheet, recCol: number | undefined): boolean {
  return row.every((v, c) => c === recCol || v === '' || v === null || v === undefined);
}

/** A cleared ticket row leaves a trace: which ticket was there, in which status, cleared by whom. */
function clearedEntries(tr: Tracker, scope: EditScope, rec: RowRecord, row: number): AuditEntry[] {
  return [
    {
      at: scope.at,
      user: scope.user,
      ticketId: rec.id,
      field: headerLabel('id', tr.lang),
      oldValue: rec.id,
      newValue: t(tr.lang, 'rowClearedAudit', { row, status: rec.status ? enumLabel('status', rec.status, tr.lang) : '?' }),
      via: 'edit',
    },
  ];
}

/** Each ticket's last status in the audit log (its newest rows): only for rows never recorded. */
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
