// The agent sidebar's server side: a ticket's view, and actions as one read-modify-write of its
// row by ticket ID under the document lock, refused when someone changed the row meanwhile.
import type { ColumnMap } from '../domain/columns';
import { parseRecord, recordOf } from '../domain/record';
import { catalog, t } from '../domain/i18n';
import { CELL_MAX_CHARS } from '../domain/text';
import type { FieldKey, Lang } from '../domain/schema';
import { FIELDS, SLA_LABELS, enumLabel, headerLabel } from '../domain/schema';
import type { AuditEntry, Ticket } from '../domain/ticket';
import type { ActionName, TicketChanges } from '../domain/workflow';
import { actionLabel, applyAction, availableActions } from '../domain/workflow';
import { appendAudit, findAuditSheet } from '../gas/auditSheet';
import { appendKnowledge, knowledgeEntry } from '../gas/knowledgeSheet';
import { noteKnowledgeChanged } from '../gas/properties';
import { fileByDefault } from '../domain/knowledge';
import { appendMovedLog } from '../gas/logArchiveSheet';
import { splitEntries, splitForArchive } from '../domain/worklog';
import { errorCode, rethrowDefect } from '../domain/errors';
import { withTrackerLock } from '../gas/lock';
import type { Services } from '../gas/services';
import type { TicketSheet } from '../gas/ticketSheet';
import { cellFor, idCandidates, mergeRow, plainTextCells, rowVersion } from '../gas/ticketSheet';
import { writeTextValues } from '../gas/textValues';
import type { ActionOutcome, TicketView, TicketViewResult, TicketViewText } from './contracts';
import { checkRows } from './edit/rows';
import { tier2Agents } from '../domain/tiers';
import { waitLabel, waitOf } from '../domain/waiting';
import { slaFields } from './slaContext';
import { actionEvents } from '../domain/notify/events';
import { prepareNotices, repliedNow, sendNotice } from './notify';
import type { Tracker } from './tracker';
import { actingUser, openTickets, openTracker, ticketOfRow } from './tracker';

const LOCK_WAIT_MS = 10_000;

const NEEDS: Record<ActionName, TicketView['actions'][number]['needs']> = {
  accept: [],
  assign: ['assignee'],
  escalate: ['assignee', 'reason', 'background', 'tried'],
  note: ['text', 'reply'],
  resolve: ['solution'],
  feedback: ['feedback'],
  close: [],
  reopen: ['reason'],
  wait: ['kind', 'liaison', 'reason'],
  endWait: ['reason'],
};

/** Every string the ticket sidebar shows (keys listed at the top of src/ui/ticket.ts). */
const viewText = (lang: Lang): TicketViewText => {
  const W = catalog(lang).waiting;
  return {
    ...catalog(lang).ticketView,
    fileKb: t(lang, 'kbFileOnClose'),
    breachedWord: SLA_LABELS.breached[lang],
    atRiskWord: SLA_LABELS.atRisk[lang],
    ...W.view,
    waitRequester: W.cellRequester,
    waitVendor: W.kinds.vendor,
  };
};
const VIEW_TEXT: Record<Lang, TicketViewText> = { zh: viewText('zh'), en: viewText('en') };

export interface LoadedRow {
  ts: TicketSheet;
  row: number;
  values: unknown[];
  ticket: Ticket;
}

/**
 * Finds the ticket's row without reading the ID column: the hinted row (the view's own row, or the
 * selected one) when its ID still matches, else the rows Google's search finds (idCandidates), each
 * checked by reading it. One call per row read; cells read constant in the number of tickets.
 */
export function loadRow(tr: Tracker, ts: TicketSheet, id: string, hintRow: number | null): LoadedRow | null {
  const idCol = ts.columns.id as number;
  const tried = new Set<number>();
  const tryRow = (row: number, fromClient = false): LoadedRow | null => {
    if (row <= ts.headerRow || tried.has(row)) return null;
    tried.add(row);
    let values: unknown[];
    try {
      values = ts.sheet.getSheetValues(row, 1, 1, ts.width)[0];
    } catch (e) {
      // Google refuses a row past the sheet's end (its error carries no code to test). A row number
      // from the client (the view's version) is then forged or stale: look the ID up instead.
      if (!fromClient) throw e;
      return null;
    }
    if (String(values[idCol]).trim() !== id) return null;
    return { ts, row, values, ticket: ticketOfRow(tr, values, ts.columns) };
  };
  if (hintRow && Number.isSafeInteger(hintRow)) {
    const hit = tryRow(hintRow, true);
    if (hit) return hit;
  }
  for (const row of idCandidates(ts, id)) {
    const hit = tryRow(row);
    if (hit) return hit;
  }
  return null;
}

/** The row number a view's version (`row:hash`) or a bare row number names, else null. */
function rowHint(at: unknown): number | null {
  if (typeof at === 'number') return Number.isSafeInteger(at) && at > 0 ? at : null;
  if (typeof at !== 'string' || at.length > 80) return null;
  const n = Number(at.split(':')[0]);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function display(key: FieldKey, tk: Ticket, tr: Tracker): string {
  const v = tk[key];
  if (v === null || v === undefined || v === '') return '';
  const def = FIELDS.find((f) => f.key === key);
  if (def?.kind === 'dateTime') return tr.stamp(v as number);
  if (def?.enumName) return enumLabel(def.enumName, v as string, tr.lang);
  return String(v);
}

/**
 * The actions offered to `me` (the agent name, as the work log writes it): "accept" is not offered
 * to whoever already holds the ticket in progress (it would only fail), and on a ticket someone
 * else holds it is a take-over, labelled as such.
 */
function offeredActions(ticket: Ticket, me: string, lang: Lang): TicketView['actions'] {
  const holder = ticket.assignee.trim();
  const mine = holder !== '' && holder === me;
  return availableActions(ticket)
    .filter((name) => !(name === 'escalate' && ticket.tier === 'tier2'))
    .filter((name) => !(name === 'accept' && mine && ticket.status === 'inProgress'))
    .map((name) => ({
      name,
      label: name === 'accept' && holder && !mine ? t(lang, 'takeOverFrom', { name: holder }) : actionLabel(name, lang),
      // Closing a pending ticket (duplicate, withdrawn) needs a reason (SPEC; workflow.ts 'close');
      // closing one with a solution asks whether to file it in the knowledge base.
      needs: name === 'close' ? closeNeeds(ticket) : NEEDS[name],
      ...(name === 'close' && ticket.solution.trim() ? { fileDefault: fileByDefault(ticket) } : {}),
    }));
}

function closeNeeds(ticket: Ticket): TicketView['actions'][number]['needs'] {
  if ((ticket.status ?? 'pending') === 'pending') return ['reason'];
  return ticket.solution.trim() ? ['file'] : [];
}

function buildView(tr: Tracker, loaded: LoadedRow, me: string): TicketView {
  const { ticket } = loaded;
  const lang = tr.lang;
  return {
    ok: true,
    lang,
    id: ticket.id,
    version: `${loaded.row}:${rowVersion(loaded.values, loaded.ts.columns)}`,
    fields: FIELDS.filter((f) => loaded.ts.columns[f.key] !== undefined && f.key !== 'slaStatus' && f.key !== 'record').map((f) => ({
      key: f.key,
      label: headerLabel(f.key, lang),
      value: display(f.key, ticket, tr),
    })),
    status: ticket.status ? enumLabel('status', ticket.status, lang) : '',
    slaText: ticket.slaStatus,
    // A tier-2 ticket cannot be escalated again (workflow.ts refuses it): not offered.
    actions: offeredActions(ticket, me, lang),
    agents: tr.config.settings.agents.map((a) => a.name),
    tier2Agents: tier2Agents(tr.config.settings.agents).map((a) => a.name),
    waiting: waitingText(tr, ticket),
    text: VIEW_TEXT[lang],
  };
}

/**
 * The ticket with this ID, or the one on the selected row when no ID is given. `at` (the view's
 * version, or a row number) is where the sidebar last saw it: that row is read first, and only when
 * the ticket has moved (a sort, an archive) is it searched for.
 */
export function getTicketView(svc: Services, id?: unknown, at?: unknown): TicketViewResult {
  const tr = openTracker(svc);
  const lang = tr.lang;
  const noSheet = { ok: false as const, code: 'noTicketSheet' as const, message: t(lang, 'noTicketSheet'), text: VIEW_TEXT[lang] };
  // Blank is "no ID" (the selected row), as the sidebar sends it: a blank ID would match empty rows.
  if (id !== undefined && id !== null && !(typeof id === 'string' && !id.trim())) {
    if (typeof id !== 'string' || id.length > 40) return { ok: false, code: 'invalid', message: t(lang, 'badRequest'), text: VIEW_TEXT[lang] };
    const ts = openTickets(tr);
    if (!ts || ts.columns.id === undefined) return noSheet;
    const loaded = loadRow(tr, ts, id.trim(), rowHint(at));
    return loaded ? buildView(tr, loaded, actingUser(tr).name) : { ok: false, code: 'notFound', message: t(lang, 'ticketNotFound', { id: id.trim() }), text: VIEW_TEXT[lang] };
  }
  const selectRow = { ok: false as const, code: 'invalid' as const, message: t(lang, 'selectRowFirst'), text: VIEW_TEXT[lang] };
  // The selected range's own sheet: when it is the hinted ticket sheet, no lookup by name. Sheet
  // names are unique in a spreadsheet, so the name tells whether the selection is on the tickets.
  const active = tr.ss.getActiveRange();
  const activeSheet = active ? active.getSheet() : null;
  const activeName = activeSheet ? activeSheet.getName() : null;
  const ts = openTickets(tr, activeSheet && activeName === tr.config.tickets?.name ? activeSheet : undefined);
  if (!ts || ts.columns.id === undefined) return noSheet;
  if (!active || activeName !== ts.name) return selectRow;
  const row = active.getRow();
  if (row <= ts.headerRow) return selectRow;
  const values = ts.sheet.getSheetValues(row, 1, 1, ts.width)[0];
  const tk = ticketOfRow(tr, values, ts.columns);
  if (!tk.id) return { ok: false, code: 'notFound', message: t(lang, 'ticketNotFound', { id: `#${row}` }), text: VIEW_TEXT[lang] };
  return buildView(tr, { ts, row, values, ticket: tk }, actingUser(tr).name);
}

/** The current wait as the sidebar shows it: `等待提交人（开始于 2024-05-15 11:00）`, or ''. */
function waitingText(tr: Tracker, tk: Ticket): string {
  const cur = waitOf(tk).current;
  if (!cur) return '';
  return `${waitLabel(cur, tr.lang)} · ${catalog(tr.lang).waiting.view.since} ${tr.stamp(cur.since)}`;
}

/** Turns domain changes into cell values, adding SLA fields when the change can move them. */
export function withSla(tr: Tracker, before: Ticket, changes: TicketChanges): TicketChanges {
  const after: Ticket = { ...before, ...changes };
  // A wait set or ended (the record) stops or restarts clocks.
  const moves = ['status', 'tier', 'urgency', 'resolvedAt', 'firstResponseAt', 'record', 'lastReplyAt'].some((k) => k in changes);
  if (!moves) return changes;
  const { fields } = slaFields(after, tr.now, tr.config.settings, tr.zone, tr.lang);
  return { ...changes, ...fields };
}

/** `logAdded`: the entry the action wrote (the log cell may also have moved old entries out). */
export function auditEntries(tr: Tracker, before: Ticket, changes: TicketChanges, logAdded: string, user: string, via: AuditEntry['via']): AuditEntry[] {
  const show = (k: FieldKey, tk: Ticket) => display(k, tk, tr);
  const after: Ticket = { ...before, ...changes };
  return (Object.keys(changes) as FieldKey[])
    // The reply stamp is bookkeeping of the mail the work-log entry already records.
    .filter((k) => k !== 'slaStatus' && k !== 'responseDueAt' && k !== 'resolveDueAt' && k !== 'record' && k !== 'lastReplyAt' && show(k, before) !== show(k, after))
    .map((k) => ({
      at: tr.now,
      user,
      ticketId: before.id,
      field: headerLabel(k, tr.lang),
      // The work log only grows: record what was added, not the whole log twice.
      oldValue: k === 'workLog' ? '' : show(k, before),
      newValue: k === 'workLog' ? logAdded : show(k, after),
      via,
    }));
}

/** Who last touched the ticket (the audit's user, an email), from the newest audit rows; '' if unknown. */
function lastEditor(tr: Tracker, id: string): string {
  const sheet = findAuditSheet(tr.ss);
  if (!sheet) return '';
  const last = sheet.getLastRow();
  if (last < 2) return '';
  const n = Math.min(200, last - 1);
  const rows = sheet.getSheetValues(last - n + 1, 1, n, 3);
  for (let i = rows.length - 1; i >= 0; i--) if (String(rows[i][2]) === id) return String(rows[i][1]).trim();
  return '';
}

/**
 * "Changed meanwhile, reload": naming who changed it as the work log names people (the agent's
 * name from the settings, not their email), and never the reader themselves — a change of their
 * own (another window, a hand edit) or an unknown editor gets the message without a name.
 */
function staleMessage(tr: Tracker, id: string, me: { email: string; name: string }): string {
  const editor = lastEditor(tr, id);
  const agent = tr.config.settings.agents.find((a) => a.email && a.email.toLowerCase() === editor.toLowerCase());
  const name = agent ? agent.name : editor;
  const unknown = !editor || editor === '?' || /^(unknown|未知)$/i.test(editor);
  const self = editor.toLowerCase() === me.email.toLowerCase() || name === me.name;
  return unknown || self ? t(tr.lang, 'changedMeanwhile', { id }) : t(tr.lang, 'changedBy', { id, by: name });
}

export function applyTicketAction(svc: Services, id: unknown, action: unknown, payload: unknown, version?: unknown): ActionOutcome {
  const tr = openTracker(svc);
  const lang: Lang = tr.lang;
  if (typeof id !== 'string' || !id.trim() || id.length > 40) return { ok: false, code: 'invalid', errors: [{ field: null, message: t(lang, 'badRequest') }] };
  if (version !== undefined && version !== null && typeof version !== 'string') return { ok: false, code: 'invalid', errors: [{ field: null, message: t(lang, 'badRequest') }] };
  const ticketId = id.trim();
  const me = actingUser(tr);
  try {
    return withTrackerLock(svc, LOCK_WAIT_MS, t(lang, 'busy'), (): ActionOutcome => {
      const ts = openTickets(tr);
      if (!ts || ts.columns.id === undefined) return { ok: false, code: 'noTicketSheet', errors: [{ field: null, message: t(lang, 'noTicketSheet') }] };
      let loaded = loadRow(tr, ts, ticketId, rowHint(version));
      if (!loaded) return { ok: false, code: 'notFound', errors: [{ field: null, message: t(lang, 'ticketNotFound', { id: ticketId }) }] };
      // A hand edit of its status no trigger has checked yet (the lock was busy): checked first, so
      // an action never builds on a forbidden move (the version then tells the agent to reload).
      const rec = ts.columns.record === undefined ? null : parseRecord(loaded.values[ts.columns.record]);
      if (rec && rec.id === ticketId && rec.status !== loaded.ticket.status) {
        checkRows(tr, ts, { top: loaded.row, count: 1, firstCol: -1, lastCol: -1, single: false, user: '', at: tr.now });
        loaded = loadRow(tr, ts, ticketId, loaded.row);
        if (!loaded) return { ok: false, code: 'notFound', errors: [{ field: null, message: t(lang, 'ticketNotFound', { id: ticketId }) }] };
      }
      if (typeof version === 'string' && version.split(':')[1] !== rowVersion(loaded.values, ts.columns)) {
        return { ok: false, code: 'conflict', conflict: true, errors: [{ field: null, message: staleMessage(tr, ticketId, me) }] };
      }
      const by = me.name || t(lang, 'unknownUser');
      const result = applyAction(loaded.ticket, action, payload, { now: tr.now, by, lang, agents: tr.config.settings.agents, stamp: tr.stamp });
      if (!result.ok) return { ok: false, code: 'invalid', errors: [{ field: result.field, message: result.message }] };
      // Who is told (issue 18): prepared before the write (one quota call) so the row records when
      // the requester last got progress; sent after it, so no mail tells of an unwritten change.
      const events = actionEvents(String(action), loaded.ticket, { ...loaded.ticket, ...result.changes }, payload, by);
      const notices = prepareNotices(tr, { ...loaded.ticket, ...result.changes }, events);
      if (repliedNow(tr, loaded.ticket, events, notices)) result.changes.lastReplyAt = tr.now;
      const changes = withSla(tr, loaded.ticket, result.changes);
      // Every action that writes the log appends one entry, the last one (its further lines are indented).
      const logAdded = changes.workLog !== undefined ? (splitEntries(changes.workLog).entries.pop() ?? '') : '';
      // A log near a cell's size moves its oldest entries to the work-log archive first (written
      // before the row: a failure in between leaves a copy, never a loss).
      const split = changes.workLog !== undefined ? splitForArchive(changes.workLog, lang) : null;
      if (split) {
        appendMovedLog(tr.ss, lang, ticketId, tr.now, split.moved);
        changes.workLog = split.kept;
      }
      // A cell holds 50,000 characters: a work log that would outgrow it is refused with a message.
      const full = (Object.keys(changes) as FieldKey[]).find((k) => {
        const v = cellFor(k, { ...loaded.ticket, ...changes }[k], lang);
        return typeof v === 'string' && v.length > CELL_MAX_CHARS;
      });
      if (full) return { ok: false, code: 'invalid', errors: [{ field: null, message: t(lang, 'tooLong', { field: headerLabel(full, lang), max: CELL_MAX_CHARS }) }] };
      // The audit row first (issue 17): a change is never written without its record. If the row
      // write fails after it, a second audit row says the change was not applied, and the agent is
      // told (the call fails); if the audit append fails, nothing was changed.
      const entries = auditEntries(tr, loaded.ticket, changes, logAdded, me.email || by, 'sidebar');
      appendAudit(tr.ss, entries, lang);
      try {
        writeChanges(tr, loaded, changes);
      } catch (e) {
        const error = (e as Error)?.message || String(e);
        try {
          const field = entries[0]?.field ?? headerLabel('id', lang);
          appendAudit(tr.ss, [{ at: tr.now, user: me.email || by, ticketId, field, oldValue: '', newValue: t(lang, 'actionNotApplied', { error }), via: 'sidebar' }], lang);
        } catch (e) {
          rethrowDefect(e);
          // The error below still reaches the agent.
        }
        throw e;
      }
      const after: Ticket = { ...loaded.ticket, ...changes };
      for (const n of notices) sendNotice(tr, n);
      if (after.status === 'closed' && loaded.ticket.status !== 'closed' && after.solution.trim()) {
        // The agent's choice at close; without one, the rule: resolved and confirmed by the requester.
        const p = payload && typeof payload === 'object' ? (payload as { file?: unknown }).file : undefined;
        addToKnowledge(tr, after, typeof p === 'boolean' ? p : fileByDefault(loaded.ticket));
      }
      const values = loaded.values.map((v, c) => {
        const key = (Object.keys(ts.columns) as FieldKey[]).find((k) => ts.columns[k] === c);
        return key && key in changes ? cellFor(key, after[key], lang) : v;
      });
      return { ok: true, view: buildView(tr, { ...loaded, values, ticket: after }, by) };
    });
  } catch (e) {
    if (errorCode(e) === 'busy') return { ok: false, code: 'busy', errors: [{ field: null, message: (e as Error).message }] };
    throw e;
  }
}

/** One setValues over the row just read; formulas and text in untouched cells are kept. */
export function writeChanges(tr: Tracker, loaded: LoadedRow, changes: TicketChanges): void {
  const cells = changedCells(tr, loaded.ts, loaded.ticket, changes);
  const range = loaded.ts.sheet.getRange(loaded.row, 1, 1, loaded.ts.width);
  const formulas = range.getFormulas()[0];
  // An adopted sheet's original rows keep the team's formats: their text goes back as it was.
  const plain = plainTextCells(loaded.ts, tr.config.tickets?.original, loaded.row);
  const row = mergeRow(loaded.values, formulas, cells, loaded.ts.columns as ColumnMap, plain);
  range.setValues([row]);
  // Formula-like text in the row (typed by the requester or the agent) goes back in as Rich Text.
  writeTextValues(tr.svc.SpreadsheetApp, loaded.ts.sheet, loaded.row, 1, [row], plain);
}

/** The cells a change writes, the tracker's record of the row included. */
export function changedCells(tr: Tracker, ts: TicketSheet, before: Ticket, changes: TicketChanges): Partial<Record<FieldKey, unknown>> {
  const cells: Partial<Record<FieldKey, unknown>> = {};
  const after: Ticket = { ...before, ...changes };
  for (const k of Object.keys(changes) as FieldKey[]) cells[k] = cellFor(k, after[k], tr.lang);
  // What the tracker accepted is recorded with the row (record.ts): hand edits are judged against it.
  if (ts.columns.record !== undefined) cells.record = cellFor('record', recordOf(after), tr.lang);
  return cells;
}

/** Closed is final (workflow.ts), so the entry is new: appended without reading the base. */
export function addToKnowledge(tr: Tracker, tk: Ticket, suggest: boolean): void {
  appendKnowledge(tr.ss, { ...knowledgeEntry(tk, tr.lang, tk.resolvedAt ?? tr.now), retired: !suggest }, tr.lang);
  noteKnowledgeChanged(tr.props);
}
