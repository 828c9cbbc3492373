// The invariant every hostile case is judged by (issue 17): whatever a person, a race or a fault
// does, every ticket row and every earlier audit row is still there and unchanged except for what
// the case declares it may change, and every accepted change has its audit row.
//
// Use:
//   const before = snapshot(rt);
//   …the hostile action…
//   expectIntact(rt, before, { tickets: { [id]: ['当前状态'] } });
//
// Tickets are keyed by ticket ID (rows move when people sort), cells compared by header label so a
// column setup adds at the end does not shift anything. What a case may change is declared in a
// `May`; anything else that differs is a violation, listed with the ticket and the column.
import type { LocalRuntime } from '../../../runtime';

export const TICKET_SHEETS = ['工单', 'Tickets'];
export const AUDIT_SHEETS = ['操作日志', 'Audit log'];
export const ARCHIVE_SHEETS = ['归档', 'Archive'];
const ID_RE = /^IT\d{8}\d{3,}$/;
const ID_HEADERS = ['问题编号', 'Ticket ID'];

/**
 * Columns the add-on stamps or recomputes as a consequence of a logged change (the sidebar logs
 * the change, not its stamps): they may change with a ticket that gets an audit row of its own.
 */
export const DERIVED_HEADERS = new Set([
  '最近更新时间', 'Last update at',
  '首次响应时间', 'First response at',
  '解决时间', 'Resolved at',
  '响应截止', 'Response due',
  '解决截止', 'Resolution due',
  'SLA状态', 'SLA status',
  // Stamped when a mail reaches the requester (issue 18): the action that sent it has its audit row.
  '最近回复时间', 'Last reply at',
  // The tracker's hidden record of the row (src/domain/record.ts) follows every accepted change.
  '系统记录', 'Tracker record',
]);
export const RECORD_HEADERS = new Set(['系统记录', 'Tracker record']);
/** Columns the hourly sweep refreshes with no audit row (they follow the clock, not a person). */
export const SWEPT_HEADERS = new Set(['响应截止', 'Response due', '解决截止', 'Resolution due', 'SLA状态', 'SLA status']);

type Cell = unknown;

export interface Snapshot {
  /** Header labels of the ticket sheet (by column), '' past a damaged header. */
  header: string[];
  /** Each ticket's cells by header label; a duplicated ID keeps its first row. */
  tickets: Map<string, Map<string, Cell>>;
  /** Audit rows, header excluded. */
  audit: Cell[][];
  /** IDs in the archive sheet. */
  archived: Set<string>;
}

export interface May {
  /** Ticket ID → header labels the case may change on that ticket ('*': any). */
  tickets?: Record<string, readonly string[] | '*'>;
  /** Every ticket may change these columns (e.g. a paste down a whole column). */
  anyTicket?: readonly string[];
  /** Tickets that may vanish from the ticket sheet: each must leave an audit row naming it. */
  vanish?: readonly string[] | 'any';
  /** Tickets that may move to the archive sheet (they must be found there). */
  archive?: readonly string[] | 'any';
  /** How many new tickets may appear (default 0). */
  newTickets?: number;
  /** Whether a new ticket must have its own audit row (submits record their creation). */
  newTicketsAudited?: boolean;
  /** Audit rows the case may alter before it (a hand edit of the audit sheet that cannot be put back). */
  auditRows?: readonly number[];
  /** The header may differ afterwards (the case damages it and does not expect repair). */
  header?: boolean;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const norm = (v: Cell): unknown => (isDate(v) ? `date:${v.getTime()}` : v === null || v === undefined ? '' : v);
export const same = (a: Cell, b: Cell): boolean => norm(a) === norm(b);
const show = (v: Cell): string => (isDate(v) ? v.toISOString() : JSON.stringify(v));

function sheetValues(rt: LocalRuntime, names: readonly string[]): Cell[][] | null {
  const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
  for (const n of names) {
    const sh = ss.getSheetByName(n);
    if (sh) return sh.getDataRange().getValues();
  }
  return null;
}

/** The header row: the first of the top rows naming the ID column, else the row above the first ID. */
function headerIndex(rows: Cell[][]): number {
  for (let r = 0; r < Math.min(rows.length, 10); r++) if (rows[r].some((c) => ID_HEADERS.includes(String(c)))) return r;
  const first = rows.findIndex((r) => r.some((c) => ID_RE.test(String(c))));
  return first > 0 ? first - 1 : 0;
}

/** The ID column: the one most of whose cells are ticket IDs (a damaged header must not hide tickets). */
function idColumn(rows: Cell[][]): number {
  const counts = new Map<number, number>();
  for (const r of rows) r.forEach((c, i) => ID_RE.test(String(c)) && counts.set(i, (counts.get(i) ?? 0) + 1));
  let best = -1;
  let n = 0;
  for (const [c, k] of counts) if (k > n) [best, n] = [c, k];
  return best;
}

export function snapshot(rt: LocalRuntime): Snapshot {
  const rows = sheetValues(rt, TICKET_SHEETS) ?? [];
  const h = headerIndex(rows);
  const header = (rows[h] ?? []).map((c) => String(c ?? ''));
  const idCol = idColumn(rows.slice(h + 1));
  const tickets = new Map<string, Map<string, Cell>>();
  if (idCol >= 0)
    for (const r of rows.slice(h + 1)) {
      const id = String(r[idCol] ?? '').trim();
      if (!ID_RE.test(id) || tickets.has(id)) continue;
      const cells = new Map<string, Cell>();
      r.forEach((v, i) => cells.set(header[i] || `#${i}`, v));
      tickets.set(id, cells);
    }
  const audit = (sheetValues(rt, AUDIT_SHEETS) ?? [[]]).slice(1);
  const archRows = sheetValues(rt, ARCHIVE_SHEETS) ?? [];
  const archIdCol = idColumn(archRows);
  const archived = new Set(archIdCol < 0 ? [] : archRows.map((r) => String(r[archIdCol] ?? '').trim()).filter((x) => ID_RE.test(x)));
  return { header, tickets, audit, archived };
}

const allowed = (may: May, id: string, col: string): boolean => {
  const t = may.tickets?.[id];
  return t === '*' || (t ?? []).includes(col) || (may.anyTicket ?? []).includes(col) || (may.anyTicket ?? []).includes('*');
};

/** Audit rows appended after `before` that name ticket `id`, with their field lines. */
function newAuditFor(before: Snapshot, after: Snapshot, id: string): string[][] {
  return after.audit
    .slice(before.audit.length)
    .filter((r) => String(r[2] ?? '').trim() === id)
    .map((r) => String(r[3] ?? '').split('\n').map((s) => s.trim()));
}

/** Every way `after` breaks the invariant against `before` under what the case may change. */
export function violations(before: Snapshot, after: Snapshot, may: May = {}): string[] {
  const out: string[] = [];
  if (!may.header && before.header.join('\u0001') !== after.header.join('\u0001')) {
    const firstDiff = before.header.findIndex((h, i) => h !== after.header[i]);
    if (firstDiff >= 0 || after.header.length < before.header.length)
      out.push(`header changed at column ${firstDiff + 1}: ${JSON.stringify(before.header[firstDiff])} → ${JSON.stringify(after.header[firstDiff])}`);
  }
  // Earlier audit rows: append-only.
  if (after.audit.length < before.audit.length) out.push(`audit rows lost: ${before.audit.length} → ${after.audit.length}`);
  before.audit.forEach((r, i) => {
    if ((may.auditRows ?? []).includes(i + 2)) return;
    const a = after.audit[i];
    if (!a || r.some((v, j) => !same(v, a[j]))) out.push(`audit row ${i + 2} changed: ${r.map(show).join('|')} → ${(a ?? []).map(show).join('|')}`);
  });
  for (const [id, cells] of before.tickets) {
    const now = after.tickets.get(id);
    if (!now) {
      const archived = may.archive === 'any' || (may.archive ?? []).includes(id);
      const vanish = may.vanish === 'any' || (may.vanish ?? []).includes(id);
      if (archived && after.archived.has(id)) continue;
      if (!vanish) out.push(`ticket ${id} lost`);
      else if (!newAuditFor(before, after, id).length) out.push(`ticket ${id} vanished without an audit row`);
      continue;
    }
    const changed: string[] = [];
    for (const [col, v] of cells) {
      if (same(v, now.get(col))) continue;
      // The hidden record follows whatever audited change the ticket had (it is never a change of its
      // own); written where there was none (an older tracker's row, filled by the sweep) it is the
      // tracker's own state, not ticket data.
      if (RECORD_HEADERS.has(col) && (newAuditFor(before, after, id).length || norm(v) === '')) continue;
      if (!allowed(may, id, col)) out.push(`ticket ${id} ${col}: ${show(v)} → ${show(now.get(col))} (not allowed)`);
      else changed.push(col);
    }
    if (!changed.length) continue;
    // Every accepted change has its audit row: the field itself, or (for a stamp) the ticket.
    const rows = newAuditFor(before, after, id);
    const fields = new Set(rows.flat());
    for (const col of changed) {
      if (DERIVED_HEADERS.has(col)) continue;
      if (!fields.has(col)) out.push(`ticket ${id} ${col} changed (${show(cells.get(col))} → ${show(now.get(col))}) with no audit row`);
    }
    if (!rows.length && changed.some((c) => !SWEPT_HEADERS.has(c))) out.push(`ticket ${id} changed (${changed.join(', ')}) with no audit row`);
  }
  const fresh = [...after.tickets.keys()].filter((id) => !before.tickets.has(id));
  if (fresh.length > (may.newTickets ?? 0)) out.push(`unexpected new tickets: ${fresh.join(', ')}`);
  if (may.newTicketsAudited) for (const id of fresh) if (!newAuditFor(before, after, id).length) out.push(`new ticket ${id} has no audit row`);
  return out;
}

/** Throws with every violation listed (jest shows the list). */
export function expectIntact(rt: LocalRuntime, before: Snapshot, may: May = {}): Snapshot {
  const after = snapshot(rt);
  const v = violations(before, after, may);
  if (v.length) throw new Error(`invariant broken:\n  ${v.slice(0, 20).join('\n  ')}${v.length > 20 ? `\n  … ${v.length - 20} more` : ''}`);
  return after;
}

/** The value of one ticket's cell by header label (undefined when the ticket is gone). */
export const cellOf = (s: Snapshot, id: string, header: string): Cell => s.tickets.get(id)?.get(header);
