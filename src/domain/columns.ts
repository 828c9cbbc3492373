// Columns are found by header name (Chinese, English or alias; any order; extra columns kept),
// never by position, and cells convert to and from the domain's Ticket here.
import type { Category, EnumName, Feedback, FieldKey, Lang, Status, Tier, Urgency } from './schema';
import { FIELDS, FIELD_BY_KEY, enumLabel, headerKey, headerMatch, parseEnum } from './schema';
import type { Ticket } from './ticket';
import type { Zone } from './zone';
import type { DayMonthOrder } from './teamDates';
import { parseTeamDate, partsToInstant } from './teamDates';
import { readLiteralText } from './text';

/** 0-based column index of each field found in the header row. */
export type ColumnMap = Partial<Record<FieldKey, number>>;

/**
 * The admin's corrections (settings sheet, issue 23): a field → the header of the team's column that
 * holds it, or null when no column of the team's does (the add-on's own column is added instead).
 */
export type HeaderOverrides = Partial<Record<FieldKey, string | null>>;

export interface HeaderMatch {
  /** 0-based index of the header row among the rows scanned. */
  row: number;
  columns: ColumnMap;
  /** Header cells that name no field: the team's own columns, kept as they are. */
  extra: { index: number; header: string }[];
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(col1: number): string {
  let s = '';
  for (let n = col1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** How many of the first rows may hold the header (a title row or two above it is common). */
export const HEADER_SCAN_ROWS = 5;

/**
 * The columns a header row names. When two columns claim one field the better-ranked alias wins
 * (ties: the leftmost), and the other stays the team's own.
 */
export function matchHeaderRow(cells: readonly unknown[], overrides: HeaderOverrides = {}): { columns: ColumnMap; extra: HeaderMatch['extra'] } {
  const claims: { index: number; key: FieldKey; rank: number }[] = [];
  const corrected = Object.entries(overrides) as [FieldKey, string | null][];
  cells.forEach((cell, index) => {
    // The admin's correction first: that column is the field, and the field is nowhere else.
    const key = typeof cell === 'string' ? headerKey(cell) : '';
    for (const [field, header] of corrected) if (header !== null && key && headerKey(header) === key) claims.push({ index, key: field, rank: -1 });
    const m = headerMatch(cell);
    if (m && !(m.key in overrides)) claims.push({ index, ...m });
  });
  claims.sort((a, b) => a.rank - b.rank || a.index - b.index);
  const columns: ColumnMap = {};
  const taken = new Set<number>();
  for (const c of claims) {
    if (columns[c.key] !== undefined || taken.has(c.index)) continue;
    columns[c.key] = c.index;
    taken.add(c.index);
  }
  const extra: HeaderMatch['extra'] = [];
  cells.forEach((cell, index) => {
    if (!taken.has(index) && String(cell ?? '').trim()) extra.push({ index, header: String(cell).trim() });
  });
  // Keys in column order, as a scan from the left would give them.
  const ordered = Object.fromEntries((Object.entries(columns) as [FieldKey, number][]).sort((a, b) => a[1] - b[1])) as ColumnMap;
  return { columns: ordered, extra };
}

/** The row that best looks like a ticket header: most recognised fields, at least 3 of them including id or title. */
export function detectHeader(rows: readonly (readonly unknown[])[], overrides: HeaderOverrides = {}): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  let bestCount = 0;
  rows.slice(0, HEADER_SCAN_ROWS).forEach((cells, row) => {
    const { columns, extra } = matchHeaderRow(cells, overrides);
    const count = Object.keys(columns).length;
    if (count >= 3 && (columns.id !== undefined || columns.title !== undefined) && count > bestCount) {
      best = { row, columns, extra };
      bestCount = count;
    }
  });
  return best;
}

export const missingFields = (columns: ColumnMap): FieldKey[] => FIELDS.filter((f) => columns[f.key] === undefined).map((f) => f.key);

// Most cells are text or numbers: the type test first (a primitive is never a Date).
const isDate = (v: unknown): v is Date => typeof v === 'object' && v !== null && (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]');

/**
 * Instant of a date cell. Sheets give Dates; hand-typed text such as `2024-05-01 09:15`, the
 * seed's `2024-05-0109:15` or a team's `1/14/25 10:23 AM` (see teamDates) is read in the
 * spreadsheet zone unless it names its own offset.
 */
export function cellToInstant(v: unknown, zone: Zone, order?: DayMonthOrder | null): number | null {
  if (isDate(v)) return Number.isNaN(v.getTime()) ? null : v.getTime();
  if (typeof v !== 'string' || v === '') return null; // '' (an empty cell: most dates of open tickets) parses to nothing
  // One cell alone: `03/04/2025` is ambiguous and unread unless the column's order is known
  // (adoption decides it from the whole column and keeps it: DateOrders).
  const p = parseTeamDate(v, order);
  return p ? partsToInstant(p, zone) : null;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : isDate(v) ? v.toISOString() : readLiteralText(String(v)));

/**
 * How an adopted sheet's text dates are read, per field (issue 23): `03/04/2025` is 3 April in a
 * column the team writes day first. Decided by adoption from the whole column (or set by the
 * admin) and kept in the configuration; the team's cells stay as written.
 */
export type DateOrders = Partial<Record<FieldKey, DayMonthOrder>>;

/**
 * A sheet row as a Ticket: the one place a ticket row is decoded, so every reader (ticket view,
 * actions, sweep and SLA, weekly review, hand edits, archive) reads an adopted sheet's own words
 * (P1, On Hold, 已完成: parseEnum's vocabulary) and text dates (`dates`) the same way. Unreadable
 * cells become null/'' (the raw row is kept by the caller).
 */
export function rowToTicket(row: readonly unknown[], columns: ColumnMap, zone: Zone, dates?: DateOrders): Ticket {
  return ticketDecoder(columns, zone, dates)(row);
}

/**
 * rowToTicket for many rows of one sheet: the columns are looked up once, not per row and field
 * (a whole-sheet read decodes 50,000 rows). A field without a column reads as an empty cell.
 */
export function ticketDecoder(columns: ColumnMap, zone: Zone, dates?: DateOrders): (row: readonly unknown[]) => Ticket {
  const col = (k: FieldKey): number => columns[k] ?? -1;
  const [id, title, department, description, urgency, submitter, contact, submittedAt, status, assignee, workLog] = (
    ['id', 'title', 'department', 'description', 'urgency', 'submitter', 'contact', 'submittedAt', 'status', 'assignee', 'workLog'] as const
  ).map(col);
  const [solution, resolvedAt, feedback, notes, category, tier, notifyEmail, lastReplyAt, firstResponseAt] = (
    ['solution', 'resolvedAt', 'feedback', 'notes', 'category', 'tier', 'notifyEmail', 'lastReplyAt', 'firstResponseAt'] as const
  ).map(col);
  const [lastUpdateAt, responseDueAt, resolveDueAt, slaStatus, waiting, record] = (
    ['lastUpdateAt', 'responseDueAt', 'resolveDueAt', 'slaStatus', 'waiting', 'record'] as const
  ).map(col);
  const order = (k: FieldKey): DayMonthOrder | undefined => dates?.[k];
  const [submittedOrder, resolvedOrder, replyOrder, responseOrder, updateOrder, responseDueOrder, resolveDueOrder] = (
    ['submittedAt', 'resolvedAt', 'lastReplyAt', 'firstResponseAt', 'lastUpdateAt', 'responseDueAt', 'resolveDueAt'] as const
  ).map(order);
  return (row) => {
    // A field without a column reads as an empty cell.
    const str = (c: number): string => (c < 0 ? '' : text(row[c]));
    const code = (name: EnumName, c: number): string | null => parseEnum(name, c < 0 ? '' : row[c]);
    const instant = (c: number, o: DayMonthOrder | undefined) => (c < 0 ? null : cellToInstant(row[c], zone, o));
    return {
      id: str(id).trim(),
      title: str(title),
      department: str(department),
      description: str(description),
      urgency: code('urgency', urgency) as Urgency | null,
      submitter: str(submitter),
      contact: str(contact),
      submittedAt: instant(submittedAt, submittedOrder),
      status: code('status', status) as Status | null,
      assignee: str(assignee),
      workLog: str(workLog),
      solution: str(solution),
      resolvedAt: instant(resolvedAt, resolvedOrder),
      feedback: code('feedback', feedback) as Feedback | null,
      notes: str(notes),
      category: code('category', category) as Category | null,
      tier: code('tier', tier) as Tier | null,
      notifyEmail: str(notifyEmail).trim(),
      lastReplyAt: instant(lastReplyAt, replyOrder),
      firstResponseAt: instant(firstResponseAt, responseOrder),
      lastUpdateAt: instant(lastUpdateAt, updateOrder),
      responseDueAt: instant(responseDueAt, responseDueOrder),
      resolveDueAt: instant(resolveDueAt, resolveDueOrder),
      slaStatus: str(slaStatus),
      waiting: str(waiting),
      record: str(record),
    };
  };
}

/**
 * The cell value for a ticket field: enum codes become the sheet language's label, instants
 * become Dates (made by `newDate` so they belong to the caller's realm), text stays text (the
 * caller applies `literalText` where user text is written).
 */
export function fieldToCell(key: FieldKey, value: Ticket[FieldKey], lang: Lang, newDate: (ms: number) => Date): unknown {
  const def = FIELD_BY_KEY[key];
  if (value === null || value === undefined || value === '') return '';
  if (def.kind === 'dateTime') return newDate(value as number);
  if (def.enumName) return enumLabel(def.enumName, value as string, lang);
  return value;
}
