// Adopting a sheet a team already keeps by hand: what setup will change, computed before anything
// is written, so it can be shown and confirmed. No original cell of the team's is changed (issue
// 23): their words (P1, On Hold, 已完成) and text dates stay as written and are read through the
// mapping (`readAs`: parseEnum's vocabulary, and each date column's day/month order, kept in the
// configuration and applied by rowToTicket). Setup writes only into the columns it adds, and an ID
// into a ticket row whose ID cell is empty (the tracker finds rows by ID). Values that cannot be
// read are listed, not changed.
import type { ColumnMap } from './columns';
import { cellToInstant, columnLetter, missingFields } from './columns';
import type { EnumName, FieldKey, Lang } from './schema';
import { FIELD_BY_KEY, LOOSE_TIME_HEADERS, enumLabel, headerKey, headerMatch, isNotOpenStatus, parseEnum } from './schema';
import type { ColumnDates, DayMonthOrder } from './teamDates';
import { dayMonthOrder, parseTeamDate, teamCellInstant } from './teamDates';
import { backfillIds, parseTicketId } from './ticketId';
import type { Zone } from './zone';
import { formatLocal } from './zone';

export interface CellChange {
  /** 0-based index into the data rows. */
  row: number;
  /** 0-based column. */
  col: number;
  from: unknown;
  to: unknown;
}

/** Why a cell is left as it is: listed for a person, summarised per column (adoptReport). */
export type UnmappedReason = 'unknownValue' | 'unreadableDate' | 'ambiguousDate' | 'duplicateId' | 'formula';

export interface Unmapped {
  row: number;
  col: number;
  value: unknown;
  reason?: UnmappedReason;
}

export interface AdoptionPlan {
  missing: FieldKey[];
  /** IDs written into empty ID cells (the team's column) or the added ID column. */
  ids: CellChange[];
  /** Cells written into columns setup adds (Resolved at from the team's last update). */
  values: CellChange[];
  /** The team's cells read through the mapping (`from` as written, `to` as read): never written. */
  readAs: CellChange[];
  unmapped: Unmapped[];
  /** Status cells kept as written that read as not open (Cancelled, 草稿…): no SLA, not in the backlog. */
  notOpen: { row: number; col: number; value: unknown }[];
  /** The team's own ticket IDs (TCK-0001, 1042, GD…), kept; new tickets get ours. */
  foreignIds: number;
  foreignExample?: unknown;
  /** How each date column's `a/b/yyyy` cells are read, decided from the whole column. */
  dates: ({ col: number; key: FieldKey } & ColumnDates)[];
}

const isBlank = (v: unknown) => v === '' || v === null || v === undefined;
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * `rows` are the data rows below the header (the whole sheet width). A row counts as a ticket
 * when any recognised field holds a value. `width` is the sheet's column count (new columns go after it).
 * `newDate` makes Dates of the caller's realm; rows
 * without a submit time are dated `now`.
 */
export function planAdoption(
  rows: readonly (readonly unknown[])[],
  columns: ColumnMap,
  zone: Zone,
  lang: Lang,
  newDate: (ms: number) => Date,
  now: number,
  width: number,
  /** IDs handed out elsewhere (the archive, the last submitted one): never given again. */
  usedIds: readonly unknown[] = [],
  /** The admin's day/month order (settings sheet or the dialog); otherwise each column decides. */
  dateOrder: DayMonthOrder | null = null,
): AdoptionPlan {
  const plan: AdoptionPlan = { missing: missingFields(columns), ids: [], values: [], readAs: [], unmapped: [], notOpen: [], foreignIds: 0, dates: [] };
  const columnDates = new Map<number, ColumnDates>();
  const fieldCols = Object.entries(columns) as [FieldKey, number][];
  // Missing fields become new columns after the last one; a missing ID column is filled in too.
  const idCol = columns.id ?? (plan.missing.includes('id') ? width + plan.missing.indexOf('id') : undefined);
  const isTicketRow = (r: readonly unknown[]) => fieldCols.some(([k, c]) => k !== 'id' && !isBlank(r[c]));

  for (const [key, col] of fieldCols) {
    const def = FIELD_BY_KEY[key];
    if (def.enumName) {
      const name = def.enumName as EnumName;
      rows.forEach((r, row) => {
        const v = r[col];
        if (isBlank(v)) return;
        const code = parseEnum(name, v);
        // Cancelled, On hold, 草稿…: read as closed, but the team's word has no value of ours: kept.
        if (name === 'status' && isNotOpenStatus(v)) plan.notOpen.push({ row, col, value: v });
        else if (!code) plan.unmapped.push({ row, col, value: v, reason: 'unknownValue' });
        else if (enumLabel(name, code, lang) !== v) plan.readAs.push({ row, col, from: v, to: enumLabel(name, code, lang) });
      });
    } else if (def.kind === 'dateTime') {
      const found = dayMonthOrder(rows.map((r) => r[col]));
      const dates: ColumnDates = dateOrder && found.basis !== 'none' ? { order: dateOrder, basis: 'setting', ambiguous: found.ambiguous } : found;
      columnDates.set(col, dates);
      if (dates.basis !== 'none') plan.dates.push({ col, key, ...dates });
      rows.forEach((r, row) => {
        const v = r[col];
        if (isBlank(v) || isDate(v)) return;
        const at = typeof v === 'string' ? teamCellInstant(v, zone, dates) : null;
        if (at === null) {
          const ambiguous = typeof v === 'string' && dates.basis === 'conflict' && parseTeamDate(v, dates.order) !== null;
          plan.unmapped.push({ row, col, value: v, reason: ambiguous ? 'ambiguousDate' : 'unreadableDate' });
        } else plan.readAs.push({ row, col, from: v, to: newDate(at) });
      });
    }
  }

  // No resolved-date column (an osTicket export): a resolved or closed ticket's last update is when
  // it was done, so the review of past weeks can count it; written into the added column only.
  const at = columns.lastUpdateAt;
  if (plan.missing.includes('resolvedAt') && at !== undefined && columns.status !== undefined) {
    const resolvedCol = width + plan.missing.indexOf('resolvedAt');
    const status = columns.status;
    rows.forEach((r, row) => {
      const code = parseEnum('status', r[status]);
      if ((code !== 'resolved' && code !== 'closed') || isNotOpenStatus(r[status])) return;
      const v = r[at];
      const ms = typeof v === 'string' ? teamCellInstant(v, zone, columnDates.get(at)) : cellToInstant(v, zone);
      if (ms !== null) plan.values.push({ row, col: resolvedCol, from: '', to: newDate(ms) });
    });
  }

  if (idCol !== undefined) {
    const existing = rows.map((r) => r[idCol]);
    const seen = new Set<string>();
    const missingIds: { row: number; date: string; at: number | null }[] = [];
    rows.forEach((r, row) => {
      const v = idCol < r.length ? r[idCol] : '';
      const key = isBlank(v) ? '' : (isDate(v) ? String(v.getTime()) : String(v)).trim();
      if (key && !seen.has(key)) {
        // Ours, or the team's own (TCK-0001, 1042, GD…): kept as the ticket's ID.
        seen.add(key);
        if (!parseTicketId(v)) {
          plan.foreignIds++;
          plan.foreignExample ??= v;
        }
        return;
      }
      if (key) {
        // A duplicate: kept as it is, listed for a person to decide.
        plan.unmapped.push({ row, col: idCol, value: v, reason: 'duplicateId' });
        return;
      }
      if (!isTicketRow(r)) return;
      const submitted = columns.submittedAt !== undefined ? r[columns.submittedAt] : '';
      const at =
        typeof submitted === 'string' && columns.submittedAt !== undefined
          ? teamCellInstant(submitted, zone, columnDates.get(columns.submittedAt))
          : cellToInstant(submitted, zone);
      missingIds.push({ row, date: formatLocal(at ?? now, zone, 'compact'), at });
    });
    for (const [row, id] of backfillIds([...existing, ...usedIds], missingIds)) plan.ids.push({ row, col: idCol, from: '', to: id });
    plan.ids.sort((a, b) => a.row - b.row);
  }
  return plan;
}

/**
 * Headers that may name a time field or only look like one (issue 23): "Time to Resolution" is a
 * duration in many logs (36 h) and a timestamp in others; "Resolved" may be a yes/no flag. Such a
 * column is read as the field only when it holds dates; otherwise it stays the team's own.
 */
const LOOSE_KEYS = new Map<FieldKey, Set<string>>(
  (Object.entries(LOOSE_TIME_HEADERS) as [FieldKey, string[]][]).map(([k, hs]) => [k, new Set(hs.map(headerKey))]),
);

/** What a loose column holds instead of dates, said in the plan. */
export type NotDates = 'duration' | 'flag' | 'other';

export interface NotTaken {
  col: number;
  key: FieldKey;
  what: NotDates;
  example: unknown;
}

/** Dates before 1900 are Sheets' time-only values (1899-12-30 02:30): durations, not dates. */
const SHEETS_EPOCH = Date.UTC(1900, 0, 1);
const DURATION =
  /^\s*(\d+(\.\d+)?\s*(h|hrs?|hours?|m|mins?|minutes?|d|days?|w|wks?|weeks?|s|secs?|seconds?|小时|小時|分钟|分鐘|分|天|日|周|週|秒|个?工作日)\s*)+$|^\s*\d{1,4}:\d{2}(:\d{2})?\s*$/i;
const FLAG = /^\s*(yes|no|y|n|true|false|是|否|已|未|✓|✔|✗|x|√)\s*$/i;

function readsAsDate(v: unknown): boolean {
  if (isDate(v)) return !Number.isNaN(v.getTime()) && v.getTime() >= SHEETS_EPOCH;
  return typeof v === 'string' && (parseTeamDate(v) ?? parseTeamDate(v, 'dmy') ?? parseTeamDate(v, 'mdy')) !== null;
}

function notDatesKind(values: readonly unknown[]): NotDates {
  const count = { duration: 0, flag: 0, other: 0 };
  for (const v of values) {
    if (readsAsDate(v)) continue;
    if (typeof v === 'number' || isDate(v) || (typeof v === 'string' && DURATION.test(v))) count.duration++;
    else if (typeof v === 'boolean' || (typeof v === 'string' && FLAG.test(v))) count.flag++;
    else count.other++;
  }
  return count.duration >= count.flag && count.duration >= count.other ? 'duration' : count.flag >= count.other ? 'flag' : 'other';
}

/**
 * The team's columns whose loose header names a time field but whose cells are mostly not dates
 * (fewer than 4 in 5 of the filled ones): they are not that field, whether or not the header scan
 * gave it to them (setup moves the field to another column, or to one of its own).
 */
export function looseColumnsNotTaken(header: readonly unknown[], rows: readonly (readonly unknown[])[]): NotTaken[] {
  const out: NotTaken[] = [];
  header.forEach((h, col) => {
    const key = headerMatch(h)?.key;
    if (!key || typeof h !== 'string' || !LOOSE_KEYS.get(key)?.has(headerKey(h))) return;
    const values = rows.map((r) => r[col]).filter((v) => !isBlank(v));
    if (!values.length || values.filter(readsAsDate).length * 5 >= values.length * 4) return;
    out.push({ col, key, what: notDatesKind(values), example: values.find((v) => !readsAsDate(v)) });
  });
  return out;
}

/**
 * The day/month order each date field is read with after adoption (kept in the configuration and
 * applied by rowToTicket): where the column decided it or the admin set it. A column that uses
 * both orders gets none, so its ambiguous cells stay unread, as the plan said.
 */
export function dateOrdersOf(plan: AdoptionPlan): Partial<Record<FieldKey, DayMonthOrder>> {
  const out: Partial<Record<FieldKey, DayMonthOrder>> = {};
  for (const d of plan.dates) if (d.basis !== 'conflict' && d.basis !== 'none') out[d.key] = d.order;
  return out;
}

/** A1-style name of a cell, for the "could not map" list shown to people. */
export function cellName(sheetRow: number, col: number): string {
  return `${columnLetter(col + 1)}${sheetRow}`;
}
