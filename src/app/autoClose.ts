// The sweep's auto-close (issue 18): resolved tickets nobody answered get one reminder, then close
// themselves with the feedback 无回复 after the settings' working days. Runs inside the sweep, under
// its lock, on the block the sweep already read (no read of its own to find the tickets).
//
// Cost, constant in the number of tickets due: the candidates come from the sweep's one read; the
// rows the run acts on are read back once as one block (the rows between them too), decided in
// memory, their audit rows appended in one write, the block written back in one setValues over
// the columns the changes touch, and the knowledge-base entries of the closes appended in one
// write. At most MAX_ACTIONS_PER_RUN tickets within MAX_SPAN_ROWS rows are done per run; the rest
// the next run. Mail: one message per requester for the batch (app/notify.ts sendNotices: queued
// past the day's quota).
import { rethrowDefect } from '../domain/errors';
import type { CalendarSettings } from '../domain/calendar';
import type { DueStep, Reminded } from '../domain/autoClose';
import { autoCloseStep, parseReminded, pickBatch } from '../domain/autoClose';
import { catalog } from '../domain/i18n';
import { fileByDefault } from '../domain/knowledge';
import type { ColumnMap } from '../domain/columns';
import type { FieldKey } from '../domain/schema';
import { parseEnum } from '../domain/schema';
import { textValueRuns } from '../domain/text';
import type { AuditEntry, Ticket } from '../domain/ticket';
import type { TicketChanges } from '../domain/workflow';
import { canMove } from '../domain/workflow';
import { appendLog, logEntry, splitForArchive } from '../domain/worklog';
import { appendAuditRows, auditRow } from '../gas/auditSheet';
import { appendKnowledgeRows, knowledgeEntry } from '../gas/knowledgeSheet';
import { appendMovedLog } from '../gas/logArchiveSheet';
import { PROPERTY_KEYS, noteKnowledgeChanged, readJson } from '../gas/properties';
import type { TicketSheet } from '../gas/ticketSheet';
import { mergeRow, plainTextCells } from '../gas/ticketSheet';
import { writeTextValues } from '../gas/textValues';
import { auditEntries, changedCells, withSla } from './agent';
import type { Tracker } from './tracker';
import { ticketOfRow } from './tracker';
import type { NotifyEvent } from './notify';
import { prepareBatch, sendNotices } from './notify';

/**
 * Reminders and closes per sweep run; more wait for the next run. The spreadsheet calls do not
 * grow with it (one block read and write); the mail does (one message per requester, queued past
 * the quota), so it bounds the run's mail and time.
 */
export const MAX_ACTIONS_PER_RUN = 50;
/** Rows one run's block may span (read and written back whole): 2,000 rows of 30 columns = 60k cells. */
export const MAX_SPAN_ROWS = 2_000;
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
    const tk = ticketOfRow(tr, row, at);
    if (tk.id && tk.resolvedAt !== null) out.push({ id: tk.id, row: firstRow + i, resolvedAt: tk.resolvedAt });
  }
  return out;
}

export interface AutoCloseOptions {
  /**
   * Rows whose ID or status differs from the tracker's record: a hand edit no trigger checked yet.
   * Its check comes first (the sweep runs it after this); such a row waits for the next run.
   */
  skipRows?: ReadonlySet<number>;
}

export function autoCloseResolved(tr: Tracker, ts: TicketSheet, cal: CalendarSettings, resolved: readonly ResolvedRow[], opts: AutoCloseOptions = {}): AutoCloseResult {
  const days = tr.config.settings.autoCloseDays;
  const result: AutoCloseResult = { reminded: [], closed: [], deferred: 0 };
  const stored = parseReminded(readJson(tr.props, PROPERTY_KEYS.autoCloseReminded));
  // Only tickets still in the resolution they were reminded in are kept (closed, reopened, archived: dropped).
  const live = new Map(resolved.map((r) => [r.id, r.resolvedAt]));
  let reminded: Reminded = stored.filter(([id, res]) => live.get(id) === res);
  const due: DueStep[] = [];
  for (const r of resolved) {
    const mark = reminded.find(([id]) => id === r.id);
    const step = autoCloseStep(cal, tr.now, r.resolvedAt, days, mark ? mark[2] : null);
    if (!step) continue;
    if (opts.skipRows?.has(r.row)) result.deferred++;
    else due.push({ ...r, step });
  }
  const { picked, deferred } = pickBatch(due, MAX_ACTIONS_PER_RUN, MAX_SPAN_ROWS, REMINDED_KEPT - reminded.length);
  result.deferred += deferred;
  const done = picked.length ? actOn(tr, ts, picked, days) : { acted: [], moved: 0 };
  result.deferred += done.moved;
  const L = catalog(tr.lang).workLog;
  const filed: Ticket[] = [];
  const told: { tk: Ticket; event: NotifyEvent }[] = [];
  for (const p of done.acted) {
    const after: Ticket = { ...p.before, ...p.changes };
    if (p.step === 'remind') {
      reminded = [...reminded, [p.id, p.resolvedAt, tr.now] as [string, number, number]];
      result.reminded.push(p.id);
      // The mail says when the ticket closes itself and carries fresh answer links (app/notify.ts adds them).
      told.push({ tk: after, event: { kind: 'confirmReminder', days } });
    } else {
      reminded = reminded.filter(([id]) => id !== p.id);
      result.closed.push(p.id);
      told.push({ tk: after, event: { kind: 'closed', reason: L.autoClosed(days) } });
      if (after.solution.trim()) filed.push(after);
    }
  }
  // The requesters are told after the rows are written: one quota call, one read of the mail queue
  // and one write of the day's count for the batch, a message per requester (queued past the quota).
  try {
    sendNotices(tr, prepareBatch(tr, told));
  } catch (e) {
    rethrowDefect(e);
    // A notice never undoes what it tells of (app/notify.ts): the rows stand, and so must the
    // record of the reminders below, or the next run would remind again.
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

/** A reminder or close decided from the block: the ticket as read, its changes, where it is. */
interface Acted extends DueStep {
  /** 0-based row in the block. */
  at: number;
  before: Ticket;
  changes: TicketChanges;
  added: string;
}

/**
 * The batch: one read of the block spanning the picked rows, every change decided in memory, the
 * audit rows in one write, then the block written back (issue 17: a change is never written before
 * its record). The sweep holds the document lock, so no agent's action comes between the read and
 * the write; the read is after the sweep's own SLA write, so a close's row keeps those values.
 * `moved`: picked tickets no longer where the sweep's read found them, nor elsewhere in the block.
 */
function actOn(tr: Tracker, ts: TicketSheet, picked: readonly DueStep[], days: number): { acted: Acted[]; moved: number } {
  const top = Math.min(...picked.map((p) => p.row));
  const span = Math.max(...picked.map((p) => p.row)) - top + 1;
  const values = ts.sheet.getSheetValues(top, 1, span, ts.width);
  const idCol = ts.columns.id as number;
  // Still that ticket, still in the resolution the sweep's read saw (a person may have typed since).
  const holds = (i: number, d: DueStep): boolean => {
    if (String(values[i][idCol] ?? '').trim() !== d.id) return false;
    const tk = ticketOfRow(tr, values[i], ts.columns);
    return tk.status === 'resolved' && tk.resolvedAt === d.resolvedAt;
  };
  const L = catalog(tr.lang).workLog;
  const by = L.system;
  const stamp = tr.stamp(tr.now);
  const used = new Set<number>();
  const acted: Acted[] = [];
  let moved = 0;
  for (const d of picked) {
    let at = d.row - top;
    // A row sorted elsewhere since the sweep's read is found by its ID within the block (as a
    // view's stale row is found again); outside it, the next run finds it.
    if (used.has(at) || !holds(at, d)) at = values.findIndex((_, i) => !used.has(i) && holds(i, d));
    if (at < 0) {
      moved++;
      continue;
    }
    const before = ticketOfRow(tr, values[at], ts.columns);
    let changes: TicketChanges;
    let added: string;
    if (d.step === 'remind') {
      added = logEntry(stamp, by, L.autoCloseReminder(days));
      changes = { workLog: appendLog(before.workLog, added) };
    } else {
      if (!canMove(before.status, 'closed')) continue;
      added = logEntry(stamp, by, L.autoClosed(days));
      changes = withSla(tr, before, { status: 'closed', feedback: 'none', lastUpdateAt: tr.now, workLog: appendLog(before.workLog, added) });
    }
    const split = splitForArchive(changes.workLog as string, tr.lang);
    if (split) {
      appendMovedLog(tr.ss, tr.lang, d.id, tr.now, split.moved);
      changes.workLog = split.kept;
    }
    used.add(at);
    acted.push({ ...d, row: top + at, at, before, changes, added });
  }
  if (!acted.length) return { acted, moved };
  const audit = acted.map((p) => auditEntries(tr, p.before, p.changes, p.added, by, 'trigger')).filter((e: AuditEntry[]) => e.length);
  if (audit.length) appendAuditRows(tr.ss, audit.map((e) => auditRow(e, tr.lang)), tr.lang);
  writeBlock(tr, ts, top, values, acted);
  return { acted, moved };
}

/**
 * Writes the acted rows back over the columns their changes touch, with the rows between them as
 * they were read (formulas as formulas, text as text): one setValues over the block. A row between
 * that a rewrite would not keep exactly — a formula in one of our plain-text columns (setValues
 * there stores text), or formula-like text (a Rich Text write per run) — is left out: the block is
 * written in parts around it, two calls a part.
 */
function writeBlock(tr: Tracker, ts: TicketSheet, top: number, values: readonly unknown[][], acted: readonly Acted[]): void {
  const columns = ts.columns as ColumnMap;
  const cells = new Map(acted.map((p) => [p.at, changedCells(tr, ts, p.before, p.changes)]));
  const touched = [...cells.values()].flatMap((c) => Object.keys(c).map((k) => columns[k as FieldKey] as number));
  const c0 = Math.min(...touched);
  const width = Math.max(...touched) - c0 + 1;
  const range = ts.sheet.getRange(top, c0 + 1, values.length, width);
  const formulas = range.getFormulas();
  // An adopted sheet's original rows keep the team's formats (plainTextCells).
  const plainOf = (i: number) => plainTextCells(ts, tr.config.tickets?.original, top + i);
  const rows = values.map((v, i) => {
    const f: string[] = new Array(v.length).fill('');
    formulas[i].forEach((x, k) => (f[c0 + k] = x));
    return mergeRow(v, f, cells.get(i) ?? {}, columns, plainOf(i)).slice(c0, c0 + width);
  });
  const textOf = (i: number) => (c: number) => plainOf(i)(c0 + c);
  const keeps = (i: number) => !formulas[i].some((f, k) => f !== '' && textOf(i)(k)) && !textValueRuns([rows[i]], textOf(i)).length;
  // Parts: from an acted row to the last acted row before a row that cannot be rewritten.
  const parts: [number, number][] = [];
  let open: [number, number] | null = null;
  for (let i = 0; i < rows.length; i++) {
    if (cells.has(i)) {
      if (open) open[1] = i;
      else parts.push((open = [i, i]));
    } else if (!keeps(i)) open = null;
  }
  const app = tr.svc.SpreadsheetApp;
  for (const [a, b] of parts) {
    const part = rows.slice(a, b + 1);
    (a === 0 && b === rows.length - 1 ? range : ts.sheet.getRange(top + a, c0 + 1, part.length, width)).setValues(part);
    // Formula-like text in the acted rows goes back in as Rich Text (as an agent's action writes it).
    writeTextValues(app, ts.sheet, top + a, c0 + 1, part, textOf(a));
  }
}
