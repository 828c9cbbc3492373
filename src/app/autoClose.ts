// The sweep's auto-close (issue 18): resolved tickets nobody answered get one reminder, then close
// themselves with the feedback 无回复 after the settings' working days. Runs inside the sweep, under
// its lock, on the block the sweep already read (no read of its own to find the tickets).
//
// Cost: the candidates come from the sweep's one read, so finding them costs nothing per ticket.
// Each reminder or close reads and writes its own row (4 calls), and at most MAX_ACTIONS_PER_RUN are
// done per run (the rest on the next run), with their audit rows and knowledge-base entries in one
// write each: the sweep's calls stay bounded by a constant whatever the number of tickets.
import type { CalendarSettings } from '../domain/calendar';
import { rowToTicket } from '../domain/columns';
import type { Reminded } from '../domain/autoClose';
import { autoCloseStep, parseReminded } from '../domain/autoClose';
import { catalog } from '../domain/i18n';
import { fileByDefault } from '../domain/knowledge';
import type { FieldKey } from '../domain/schema';
import { parseEnum } from '../domain/schema';
import type { AuditEntry, Ticket } from '../domain/ticket';
import type { TicketChanges } from '../domain/workflow';
import { canMove } from '../domain/workflow';
import { appendLog, logEntry, splitForArchive } from '../domain/worklog';
import { appendAuditRows, auditRow } from '../gas/auditSheet';
import { appendKnowledgeRows, knowledgeEntry } from '../gas/knowledgeSheet';
import { appendMovedLog } from '../gas/logArchiveSheet';
import { PROPERTY_KEYS, noteKnowledgeChanged, readJson } from '../gas/properties';
import type { TicketSheet } from '../gas/ticketSheet';
import { auditEntries, withSla, writeChanges } from './agent';
import type { Tracker } from './tracker';
import { notify } from './notify';

/** Reminders and closes per sweep run; more wait for the next run (the sweep's calls stay bounded). */
export const MAX_ACTIONS_PER_RUN = 10;
/** Reminded tickets remembered at most (one property value); a full list defers new reminders. */
const REMINDED_KEPT = 200;

export interface AutoCloseResult {
  reminded: string[];
  closed: string[];
  /** Due but left for the next run (the per-run limit). */
  deferred: number;
}

/** A resolved row of the sweep's block: where it is and when it was resolved. */
export interface ResolvedRow {
  id: string;
  row: number;
  resolvedAt: number;
}

/** The rows of the sweep's block that are resolved (状态 已解决 with a 解决时间). */
export function resolvedRows(block: readonly (readonly unknown[])[], at: Partial<Record<FieldKey, number>>, firstRow: number, tr: Tracker): ResolvedRow[] {
  const out: ResolvedRow[] = [];
  for (let i = 0; i < block.length; i++) {
    const row = block[i];
    if (parseEnum('status', row[at.status as number]) !== 'resolved') continue;
    const tk = rowToTicket(row, at, tr.zone);
    if (tk.id && tk.resolvedAt !== null) out.push({ id: tk.id, row: firstRow + i, resolvedAt: tk.resolvedAt });
  }
  return out;
}

/**
 * The reminder hook: the requester messages (issue 18, `notify`) send the mail when they are there;
 * until then the reminder is recorded in the work log and the audit only.
 */
export type RemindRequester = (tr: Tracker, ticket: Ticket) => void;

/** The reminder mail: "waiting for you" with the reminder and the answer links again. */
// The requester's reminder: the mail's confirmReminder message, which says when the ticket closes
// itself and carries fresh answer links (app/notify.ts adds them).
const remindByMail: RemindRequester = (tr, tk) => notify(tr, tk, { kind: 'confirmReminder', days: tr.config.settings.autoCloseDays });

export function autoCloseResolved(tr: Tracker, ts: TicketSheet, cal: CalendarSettings, resolved: readonly ResolvedRow[], remind?: RemindRequester): AutoCloseResult {
  const days = tr.config.settings.autoCloseDays;
  const result: AutoCloseResult = { reminded: [], closed: [], deferred: 0 };
  const stored = parseReminded(readJson(tr.props, PROPERTY_KEYS.autoCloseReminded));
  // Only tickets still in the resolution they were reminded in are kept (closed, reopened, archived: dropped).
  const live = new Map(resolved.map((r) => [r.id, r.resolvedAt]));
  let reminded: Reminded = stored.filter(([id, res]) => live.get(id) === res);
  const due: { r: ResolvedRow; step: 'remind' | 'close' }[] = [];
  for (const r of resolved) {
    const mark = reminded.find(([id]) => id === r.id);
    const step = autoCloseStep(cal, tr.now, r.resolvedAt, days, mark ? mark[2] : null);
    if (step) due.push({ r, step });
  }
  // Closes first (their reminders went out earlier), oldest resolution first.
  due.sort((a, b) => (a.step === b.step ? a.r.resolvedAt - b.r.resolvedAt : a.step === 'close' ? -1 : 1));
  const L = catalog(tr.lang).workLog;
  const by = L.system;
  // First every change, computed from its row; then their audit rows in one write; then the rows
  // (issue 17: a change is never written before its record).
  const planned: { r: ResolvedRow; step: 'remind' | 'close'; values: unknown[]; before: Ticket; changes: TicketChanges; added: string }[] = [];
  let remindSlots = REMINDED_KEPT - reminded.length;
  for (const { r, step } of due) {
    if (planned.length >= MAX_ACTIONS_PER_RUN || (step === 'remind' && remindSlots <= 0)) {
      result.deferred++;
      continue;
    }
    const values = ts.sheet.getSheetValues(r.row, 1, 1, ts.width)[0];
    const before = rowToTicket(values, ts.columns, tr.zone);
    // The row the block named still holds that ticket in that resolution (the sweep holds the lock).
    if (before.id !== r.id || before.status !== 'resolved' || before.resolvedAt !== r.resolvedAt) continue;
    const stamp = tr.stamp(tr.now);
    let changes: TicketChanges;
    let added: string;
    if (step === 'remind') {
      remindSlots--;
      added = logEntry(stamp, by, L.autoCloseReminder(days));
      changes = { workLog: appendLog(before.workLog, added) };
    } else {
      if (!canMove(before.status, 'closed')) continue;
      added = logEntry(stamp, by, L.autoClosed(days));
      changes = withSla(tr, before, { status: 'closed', feedback: 'none', lastUpdateAt: tr.now, workLog: appendLog(before.workLog, added) });
    }
    const split = splitForArchive(changes.workLog as string, tr.lang);
    if (split) {
      appendMovedLog(tr.ss, tr.lang, r.id, tr.now, split.moved);
      changes.workLog = split.kept;
    }
    planned.push({ r, step, values, before, changes, added });
  }
  const audit = planned.map((p) => auditEntries(tr, p.before, p.changes, p.added, by, 'trigger')).filter((e: AuditEntry[]) => e.length);
  if (audit.length) appendAuditRows(tr.ss, audit.map((e) => auditRow(e, tr.lang)), tr.lang);
  const filed: Ticket[] = [];
  for (const p of planned) {
    writeChanges(tr, { ts, row: p.r.row, values: p.values, ticket: p.before }, p.changes);
    const after: Ticket = { ...p.before, ...p.changes };
    if (p.step === 'remind') {
      reminded = [...reminded, [p.r.id, p.r.resolvedAt, tr.now] as [string, number, number]];
      result.reminded.push(p.r.id);
      // The requester is told, with fresh answer links (requester mail, issue 18).
      (remind ?? remindByMail)(tr, after);
    } else {
      reminded = reminded.filter(([id]) => id !== p.r.id);
      result.closed.push(p.r.id);
      notify(tr, after, { kind: 'closed', reason: L.autoClosed(days) });
      if (after.solution.trim()) filed.push(after);
    }
  }
  // Never confirmed by the requester: kept in the knowledge base, retired (as an agent's close files it).
  if (filed.length) {
    appendKnowledgeRows(tr.ss, filed.map((tk) => ({ ...knowledgeEntry(tk, tr.lang, tk.resolvedAt ?? tr.now), retired: !fileByDefault(tk) })), tr.lang);
    // Suggestions' cached index is of the knowledge base before these rows (app/suggest.ts).
    noteKnowledgeChanged(tr.props);
  }
  if (JSON.stringify(reminded) !== JSON.stringify(stored)) tr.props.setProperty(PROPERTY_KEYS.autoCloseReminded, JSON.stringify(reminded));
  return result;
}

