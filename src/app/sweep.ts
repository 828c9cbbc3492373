// The time-driven SLA sweep: one read of the columns it needs, every state computed in memory,
// one write of the SLA columns, its own status recorded (add-on triggers send no failure mail).
import type { FieldKey, Status } from '../domain/schema';
import { SHEET_NAMES, headerLabel, parseEnum } from '../domain/schema';
import { columnLetter } from '../domain/columns';
import { literalText } from '../domain/text';
import type { AlertKey, SlaEvaluation } from '../domain/sla';
import { waitOf } from '../domain/waiting';
import { alertsFor, evaluate, formatSlaStatus, parseAlertKeys, formatAlertKeys, settledSlaStates } from '../domain/sla';
import { rethrowDefect, TrackerError } from '../domain/errors';
import { catalog, t } from '../domain/i18n';
import { SETTINGS_LAYOUT } from '../gas/settingsSheet';
import type { SweepStatus } from '../gas/properties';
import { PROPERTY_KEYS, alertsKey, alertsKeyId, readSweepResume } from '../gas/properties';
import { trackerLock } from '../gas/lock';
import type { Services } from '../gas/services';
import { cellFor } from '../gas/ticketSheet';
import { autoCloseResolved, resolvedRows } from './autoClose';
import type { AutoCloseResult } from './autoClose';
import { healDeletedHeader } from './edit/header';
import { checkQueuedEdits, checkRowsAt, rowsOffRecord } from './edit/queue';
import type { QueueDrain, UpdateDue } from './notifySweep';
import { drainQueue, mailState, remindUpdates } from './notifySweep';
import { calendarOf, policyOf, replyClock } from './slaContext';
import type { Tracker } from './tracker';
import { openTickets, openTracker, ticketRowReader } from './tracker';
import { addIds, sweepVanished } from './vanished';
import { backfillRecords } from './recordBackfill';

/** The columns the sweep reads; it writes only the last three. */
const READ: FieldKey[] = ['id', 'urgency', 'submittedAt', 'status', 'assignee', 'resolvedAt', 'tier', 'firstResponseAt', 'lastUpdateAt', 'responseDueAt', 'resolveDueAt', 'slaStatus'];
const WRITE: FieldKey[] = ['responseDueAt', 'resolveDueAt', 'slaStatus'];

export interface SweepResult {
  ok: boolean;
  skipped?: 'busy';
  tickets: number;
  changed: number;
  counts: Record<string, number>;
  mails: number;
  error?: string;
  durationMs: number;
  /** The run stopped on its time budget; the next run continues where it stopped. */
  more?: boolean;
  /** Resolved tickets reminded and closed for want of an answer (issue 18, app/autoClose.ts). */
  autoClose?: AutoCloseResult;
  /** Requester and agent mail (issue 18): sent from the queue, still queued, reminders sent. */
  notices?: { sent: number; queued: number; reminders: number };
}

const STATUS_KEY = PROPERTY_KEYS.sweepStatus;
/** Budget guard: stop at ~4.5 min (Google stops an execution at 6) and continue from here next run. */
export const SWEEP_BUDGET_MS = 270_000;
const RESUME_KEY = PROPERTY_KEYS.sweepResumeAt;
const CHECK_EVERY = 1_000;

export function runSweep(svc: Services, via: 'trigger' | 'menu', opened?: Tracker): SweepResult {
  const started = Date.now();
  const lock = trackerLock(svc);
  if (!lock.tryLock(2_000)) return { ok: true, skipped: 'busy', tickets: 0, changed: 0, counts: {}, mails: 0, durationMs: 0 };
  const tr = opened ?? openTracker(svc);
  let result: SweepResult;
  try {
    // Hand edits that could not be checked at once (the lock was busy) are checked first: never dropped.
    try {
      checkQueuedEdits(tr, openHealed);
    } catch (e) {
      rethrowDefect(e);
      // They stay queued for the next run; the sweep itself goes on.
    }
    const off: number[] = [];
    // Mail the quota held back goes first (issue 18): its replies stamp the rows read below.
    const all = tr.props.getProperties();
    let drain: QueueDrain = { sent: 0, left: 0, replied: new Map() };
    try {
      drain = drainQueue(tr, all);
    } catch (e) {
      rethrowDefect(e);
      // Still queued: the next run tries again.
    }
    const due: UpdateDue[] = [];
    const seen: SeenIds = { ids: new Set(), read: false };
    result = sweepTickets(tr, started, off, drain.replied, due, seen);
    // A ticket the last sweep saw that is gone (cleared or deleted with its record, no trigger
    // saw it) is traced from the audit trail (app/vanished.ts); no call unless one left.
    if (seen.read)
      try {
        sweepVanished(tr, all, seen.ids);
      } catch (e) {
        rethrowDefect(e);
        // The fingerprint stays old: the next sweep checks again.
      }
    let reminders = 0;
    try {
      reminders = remindUpdates(tr, all, due);
    } catch (e) {
      rethrowDefect(e);
      // Tried again by the next run while the update is still ahead.
    }
    result.notices = { sent: drain.sent, queued: drain.left, reminders };
    // Rows whose status or ID no longer matches the tracker's record: a change no edit trigger
    // checked (a sort fires none we rely on). Checked now as hand edits of those rows.
    if (off.length) {
      try {
        checkRowsAt(tr, openTickets, off);
      } catch (e) {
        rethrowDefect(e);
        // Found again by the next sweep.
      }
    }
  } catch (e) {
    result = { ok: false, tickets: 0, changed: 0, counts: {}, mails: 0, error: (e as Error).message || String(e), durationMs: 0 };
  } finally {
    svc.SpreadsheetApp.flush();
    lock.releaseLock();
  }
  result.durationMs = Date.now() - started;
  recordStatus(tr, result, via);
  return result;
}

/** The IDs the sweep's one read saw (ID and record columns), once it has read them. */
interface SeenIds {
  ids: Set<string>;
  read: boolean;
}

function sweepTickets(tr: Tracker, started = Date.now(), off: number[] = [], replied: ReadonlyMap<string, number> = new Map(), due: UpdateDue[] = [], seen: SeenIds = { ids: new Set(), read: false }): SweepResult {
  const ts = openHealed(tr);
  if (!ts) throw new TrackerError('noTicketSheet', t(tr.lang, 'noTicketSheet'));
  for (const k of READ) if (ts.columns[k] === undefined) throw new Error(t(tr.lang, 'columnMissing', { column: k === 'id' ? `${headerLabel('id', 'zh')} / ${headerLabel('id', 'en')}` : `${k}` }));
  const cols = READ.map((k) => ts.columns[k] as number);
  // The tracker's record of each row rides along in the same read (no call of its own).
  const recCol = ts.columns.record;
  if (recCol !== undefined) cols.push(recCol);
  // When the requester last got progress (issue 18): a sheet set up before it has no such column.
  const replyCol = ts.columns.lastReplyAt;
  if (replyCol !== undefined) cols.push(replyCol);
  // The title rides along for the assignee's reminder (issue 18).
  const titleCol = ts.columns.title;
  if (titleCol !== undefined) cols.push(titleCol);
  const first = Math.min(...cols);
  const last = Math.max(...cols);
  const lastRow = ts.sheet.getLastRow();
  const n = lastRow - ts.headerRow;
  const result: SweepResult = { ok: true, tickets: 0, changed: 0, counts: {}, mails: 0, durationMs: 0 };
  seen.read = true;
  if (n <= 0) return result;
  // One read of the span the needed columns cover; positions shift by `first`.
  const block = ts.sheet.getSheetValues(ts.headerRow + 1, first + 1, n, last - first + 1);
  for (const row of block) addIds(seen.ids, row[(ts.columns.id as number) - first], recCol === undefined ? undefined : row[recCol - first]);
  const shifted: Partial<Record<FieldKey, number>> = {};
  for (const k of READ) shifted[k] = (ts.columns[k] as number) - first;
  // The record also holds the waiting periods (domain/waiting.ts): clocks stop while a ticket waits.
  if (recCol !== undefined) shifted.record = recCol - first;
  if (replyCol !== undefined) shifted.lastReplyAt = replyCol - first;
  if (titleCol !== undefined) shifted.title = titleCol - first;
  // Progress the queue just delivered: the requester received it now (their reply stamp).
  const stampedRows = new Map<number, number[]>(); // stamp → block rows
  if (replyCol !== undefined && replied.size)
    block.forEach((row, i) => {
      const at = replied.get(String(row[shifted.id as number] ?? '').trim());
      if (at !== undefined) {
        row[replyCol - first] = new Date(at);
        stampedRows.set(at, [...(stampedRows.get(at) ?? []), i]);
      }
    });
  const remindOn = tr.config.settings.notifyRequesters === true && replyCol !== undefined;
  if (recCol !== undefined) off.push(...rowsOffRecord(block, shifted.id as number, shifted.status as number, recCol - first, ts.headerRow + 1));

  const { settings } = tr.config;
  const cal = calendarOf(settings, tr.zone);
  const policy = policyOf(settings);
  const decode = ticketRowReader(tr, shifted);
  const wFirst = Math.min(...WRITE.map((k) => shifted[k] as number));
  const wLast = Math.max(...WRITE.map((k) => shifted[k] as number));
  const out: unknown[][] = new Array(n);
  const alerts: { id: string; assignee: string; ev: SlaEvaluation }[] = [];

  // Rows in chunks from where a stopped run left off (wrapping round), checking the clock per chunk.
  const start = readSweepResume(tr.props, n);
  let done = n;
  for (let k = 0; k < n; k++) {
    if (k > 0 && k % CHECK_EVERY === 0 && Date.now() - started > SWEEP_BUDGET_MS) {
      done = k;
      break;
    }
    const i = (start + k) % n;
    const row = block[i];
    const segment = row.slice(wFirst, wLast + 1);
    out[i] = segment;
    // Most rows are done tickets whose states are final: time can no longer change them.
    if (isSettled(row, shifted)) {
      result.tickets++;
      result.counts.ok = (result.counts.ok ?? 0) + 1;
      continue;
    }
    const tk = decode(row);
    if (!tk.id) continue;
    result.tickets++;
    const ev = evaluate(tk, tr.now, policy, cal, { lastWorkLogAt: tk.lastUpdateAt, wait: waitOf(tk), ...(replyCol !== undefined ? replyClock(settings, tk) : {}) });
    const text = formatSlaStatus(ev, tr.lang);
    const next: Partial<Record<FieldKey, unknown>> = { responseDueAt: ev.responseDueAt, resolveDueAt: ev.resolveDueAt, slaStatus: text };
    let changed = false;
    for (const k of WRITE) {
      const at = (shifted[k] as number) - wFirst;
      const cell = cellFor(k, next[k] as never, tr.lang);
      const before = segment[at];
      const same = cell instanceof Date && before instanceof Date ? cell.getTime() === before.getTime() : cell === before || (cell === '' && before === null);
      if (!same) {
        segment[at] = cell;
        changed = true;
      }
    }
    if (changed) result.changed++;
    const worst = ev.resolution === 'breached' || ev.response === 'breached' ? 'breached' : ev.resolution === 'atRisk' || ev.response === 'atRisk' ? 'atRisk' : 'ok';
    result.counts[worst] = (result.counts[worst] ?? 0) + 1;
    if (settings.emailAlerts && (worst !== 'ok' || ev.hints.length)) alerts.push({ id: tk.id, assignee: tk.assignee, ev });
    // The assignee is reminded before the requester's progress update falls due: within the last
    // (1 − at-risk share) of the interval, e.g. its last 30 minutes of 2 hours.
    if (remindOn && ev.updateDueAt !== null && tk.assignee && (tk.status ?? 'pending') !== 'resolved' && tk.status !== 'closed' && !waitOf(tk).current) {
      const lead = (1 - settings.atRiskShare) * policy.update[tk.urgency ?? 'medium'].minutes * 60_000;
      if (tr.now < ev.updateDueAt && ev.updateDueAt - tr.now <= lead) due.push({ id: tk.id, title: tk.title, assignee: tk.assignee, dueAt: ev.updateDueAt });
    }
  }
  const quoted = (rows: unknown[][]) => rows.map((r) => r.map((v) => (typeof v === 'string' ? literalText(v, true) : v)));
  // Only our own columns are written: a team column that sits between them (a formula, a cell
  // typed while the sweep ran) is left alone. One write per run of adjacent SLA columns.
  const own = WRITE.map((k) => (shifted[k] as number) - wFirst).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of own) {
    const r = runs[runs.length - 1];
    if (r && r[1] + 1 === c) r[1] = c;
    else runs.push([c, c]);
  }
  const write = (from: number, to: number) => {
    for (const [a, b] of runs)
      ts.sheet.getRange(ts.headerRow + 1 + from, first + wFirst + a + 1, to - from, b - a + 1).setValues(quoted(out.slice(from, to).map((r) => r.slice(a, b + 1))));
  };
  if (done === n) {
    if (result.changed) write(0, n);
    if (start) tr.props.deleteProperty(RESUME_KEY);
  } else {
    // Stopped on the budget: write the processed rows (one or two spans), remember where to go on.
    if (result.changed) {
      write(start, Math.min(n, start + done));
      if (start + done > n) write(0, start + done - n);
    }
    tr.props.setProperty(RESUME_KEY, String((start + done) % n));
    result.more = true;
  }
  // The reply stamps the queue's mail set: only those cells, one range list per stamp (the queue
  // sends in one run, so one). Rewriting the whole column wrote a cell per ticket (100k at 100k).
  if (replyCol !== undefined)
    for (const [at, rows] of stampedRows) ts.sheet.getRangeList(rows.map((i) => `${columnLetter(replyCol + 1)}${ts.headerRow + 1 + i}`)).setValue(new Date(at));
  dropAlertRecords(tr, block, shifted);
  if (alerts.length) result.mails = sendAlerts(tr, alerts);
  // Rows with no hidden record yet (older trackers) get one, in one write (app/recordBackfill.ts).
  backfillRecords(tr, ts, block, first, ts.headerRow + 1);
  // After the SLA write (a closed row gets its final SLA text from its own write, not overwritten).
  result.autoClose = autoCloseResolved(tr, ts, cal, resolvedRows(block, shifted, ts.headerRow + 1, tr), { skipRows: new Set(off) });
  return result;
}

/** The ticket sheet, its header row put back first if it was deleted (issue 17; under the sweep's lock). */
const openHealed = (tr: Tracker) => healDeletedHeader(tr, openTickets(tr), '', 'trigger');

/** A resolved or closed ticket whose SLA text already holds final states needs no evaluation. */
function isSettled(row: readonly unknown[], at: Partial<Record<FieldKey, number>>): boolean {
  if (!String(row[at.id as number] ?? '').trim()) return false;
  return settledSlaStates(parseEnum('status', row[at.status as number]) as Status | null, row[at.slaStatus as number]) !== null;
}

/**
 * Alert records (`alerts.<ID>`) of tickets that are closed (final: no state can follow) or no longer
 * on the ticket sheet (archived, deleted) are dropped, or they fill the 500 KB property store.
 */
function dropAlertRecords(tr: Tracker, block: unknown[][], at: Partial<Record<FieldKey, number>>): void {
  const open = new Set<string>();
  for (const row of block) {
    const id = String(row[at.id as number] ?? '').trim();
    if (id && parseEnum('status', row[at.status as number]) !== 'closed') open.add(id);
  }
  for (const key of tr.props.getKeys()) {
    const id = alertsKeyId(key);
    if (id !== null && !open.has(id)) tr.props.deleteProperty(key);
  }
}

/** MailApp takes at most 50 recipients a message (quotas guide). */
const MAX_RECIPIENTS = 50;

/** Opt-in mail: once per ticket per state, within the daily quota; a failed mail never stops the sweep. */
function sendAlerts(tr: Tracker, list: { id: string; assignee: string; ev: SlaEvaluation }[]): number {
  const { settings } = tr.config;
  let sent = 0;
  let quota = tr.svc.MailApp.getRemainingDailyQuota();
  for (const item of list) {
    const key = alertsKey(item.id);
    const before: AlertKey[] = parseAlertKeys(tr.props.getProperty(key));
    const { alerts } = alertsFor(before, item.ev);
    // Only what went out (or has nobody to go to) is recorded: an alert held back by the quota or
    // a failed send is tried again on a later run.
    const now = new Set<AlertKey>(before);
    const record = (a: (typeof alerts)[number]): void => {
      now.add(a.key);
      if (a.state === 'breached' && a.target) now.add(`${a.target}:atRisk`);
    };
    for (const a of alerts) {
      const to = new Set<string>();
      if (a.to.includes('assignee')) {
        const agent = settings.agents.find((g) => g.name === item.assignee);
        if (agent?.email) to.add(agent.email);
      }
      if (a.to.includes('tier2')) settings.agents.filter((g) => g.tier === 'tier2' && g.email).forEach((g) => to.add(g.email));
      if (a.to.includes('lead') && settings.leadEmail) to.add(settings.leadEmail);
      if (!to.size) {
        record(a);
        continue;
      }
      if (quota < to.size) continue;
      const subject = `[SLA] ${item.id} ${formatSlaStatus(item.ev, tr.lang)}`;
      try {
        // MailApp takes at most 50 recipients a message.
        const addresses = [...to];
        for (let i = 0; i < addresses.length; i += MAX_RECIPIENTS) tr.svc.MailApp.sendEmail(addresses.slice(i, i + MAX_RECIPIENTS).join(','), subject, `${subject}\n${tr.ss.getUrl()}`);
        quota -= to.size;
        sent++;
        record(a);
      } catch (e) {
        tr.props.setProperty(PROPERTY_KEYS.sweepMailError, `${new Date(tr.now).toISOString()} ${item.id}: ${(e as Error).message}`);
      }
    }
    if (formatAlertKeys([...now]) !== formatAlertKeys(before)) tr.props.setProperty(key, formatAlertKeys([...now]));
  }
  return sent;
}

/** The day's mail as the settings sheet shows it: sent, waiting for the quota, quota left (issue 18). */
function mailLine(tr: Tracker): string {
  try {
    const m = mailState(tr);
    return catalog(tr.lang).sweepStatus.mailValue(m.sentToday, m.queued, m.quotaLeft) + (m.lastError ? ` · ${m.lastError}` : '');
  } catch (e) {
    rethrowDefect(e);
    // A courtesy line: a refused read (properties, MailApp) leaves it blank; the rest is written.
    return '';
  }
}

function recordStatus(tr: Tracker, r: SweepResult, via: string): void {
  const S = catalog(tr.lang).sweepStatus;
  const status: SweepStatus = { at: tr.now, via, ok: r.ok, durationMs: r.durationMs, tickets: r.tickets, changed: r.changed, counts: r.counts, mails: r.mails, error: r.error ?? '' };
  tr.props.setProperty(STATUS_KEY, JSON.stringify(status));
  const lines: [string, string][] = [
    [S.lastSweep, `${tr.stamp(tr.now)} (${via})`],
    [S.duration, S.durationValue(r.durationMs, r.tickets)],
    [S.breachedAtRisk, `${r.counts.breached ?? 0} / ${r.counts.atRisk ?? 0}`],
    [S.lastError, r.error ?? ''],
    [S.mail, mailLine(tr)],
  ];
  try {
    // One write by A1 with the sheet's name: no lookup call.
    const name = SHEET_NAMES.settings[tr.config.lang];
    const col = SETTINGS_LAYOUT.statusCol;
    const a1 = `'${name}'!${columnLetter(col)}2:${columnLetter(col + 1)}${lines.length + 1}`;
    tr.ss.getRange(a1).setValues(lines.map(([k, v]) => [k, v ? `'${v}` : '']));
  } catch (e) {
    rethrowDefect(e);
    // The settings sheet was renamed or removed: the status stays in document properties.
  }
}


/** The menu's answer: a toast saying what the sweep found (or why it failed), in the sheet's language. */
export function reportSweep(svc: Services, r: SweepResult): SweepResult {
  const tr = openTracker(svc);
  const message = r.skipped
    ? t(tr.lang, 'busy')
    : r.error ?? t(tr.lang, 'sweepDone', { n: r.tickets, breached: r.counts.breached ?? 0, atRisk: r.counts.atRisk ?? 0 });
  tr.ss.toast(message, 'SLA', 6);
  return r;
}
