// Finding the ticket sheet when its header cannot be read (issue 17): a header pasted over or
// cleared, pushed down by rows inserted above it, a ticket row pasted where it was, or a file whose
// header sits lower than the first rows. The sheet is found by what it holds: the stored
// configuration (where each column was) and its ticket IDs. Hot paths then keep working from the
// stored column map; repair (setup) writes the header back.
import type { ColumnMap, HeaderOverrides } from '../domain/columns';
import { HEADER_SCAN_ROWS, columnLetter, detectHeader } from '../domain/columns';
import type { FieldKey, Lang } from '../domain/schema';
import { FIELDS, SHEET_NAMES, fieldForHeader, headerLabel, parseEnum } from '../domain/schema';
import { literalText } from '../domain/text';
import { CATALOG, t } from '../domain/i18n';
import type { AuditEntry } from '../domain/ticket';
import { parseTicketId } from '../domain/ticketId';
import { appendAudit } from './auditSheet';
import type { SheetHint, TicketSheet } from './ticketSheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows read from the top of a sheet to find a header that sits lower, or the first ticket IDs. */
export const DEEP_SCAN_ROWS = 50;

export interface HeaderDamage {
  /** Header cells to write back: 0-based column, the label, what the cell holds now. */
  cells: { col: number; label: string; old: unknown }[];
  /** A ticket row sits where the header was (moved there, not a copy): a row goes in above it. */
  insertAbove: boolean;
}

export interface FoundTicketSheet extends TicketSheet {
  /** What repair must write back (null: the header is whole). */
  damage: HeaderDamage | null;
}

export type FindResult =
  | { found: FoundTicketSheet }
  /** A sheet with the ticket sheet's name that is not one: never overwritten, never a second created. */
  | { refused: { name: string; reason: 'notTickets' | 'unreadable' } }
  /** An empty sheet with the ticket sheet's name: setup writes the header into it. */
  | { empty: Sheet }
  | { none: true };

const SIDE: readonly string[] = (['settings', 'audit', 'knowledge', 'archive', 'logArchive'] as const).flatMap((k) => [SHEET_NAMES[k].zh, SHEET_NAMES[k].en]);
// The review's own sheets: the weekly snapshots, the data sheet and the pivot sheet (its data sheet has ticket-like headers).
const REVIEW_SHEETS: readonly string[] = (['zh', 'en'] as const).flatMap((l) => [CATALOG[l].reviewData.dataSheet, CATALOG[l].reviewData.pivotSheet]);
const isSide = (n: string) =>
  SIDE.includes(n) || REVIEW_SHEETS.includes(n) || n.startsWith(`${SHEET_NAMES.review.zh} `) || n.startsWith(`${SHEET_NAMES.review.en} `);
const TICKET_NAMES: readonly string[] = [SHEET_NAMES.tickets.zh, SHEET_NAMES.tickets.en];
const blank = (v: unknown) => v === '' || v === null || v === undefined;
const trimTrailing = (row: readonly unknown[]): unknown[] => {
  let n = row.length;
  while (n > 0 && blank(row[n - 1])) n--;
  return row.slice(0, n);
};

/** The top rows of a sheet (one read), or [] for an empty one. */
function topRows(sheet: Sheet): unknown[][] {
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow < 1 || lastCol < 1) return [];
  return sheet.getSheetValues(1, 1, Math.min(lastRow, DEEP_SCAN_ROWS), lastCol);
}

/** A header row anywhere in the rows read: the first-rows scan, window by window, top down. */
export function headerIn(rows: readonly (readonly unknown[])[], overrides: HeaderOverrides = {}): { row: number; columns: ColumnMap } | null {
  for (let off = 0; off < rows.length; off += HEADER_SCAN_ROWS) {
    const m = detectHeader(rows.slice(off, off + HEADER_SCAN_ROWS), overrides);
    if (m) return { row: off + m.row, columns: m.columns };
  }
  return null;
}

/** The column holding the most ticket IDs, and the first row holding one. */
function idColumnOf(rows: readonly (readonly unknown[])[]): { col: number; count: number; firstRow: number } | null {
  const counts = new Map<number, number>();
  for (const r of rows) r.forEach((v, c) => parseTicketId(v) && counts.set(c, (counts.get(c) ?? 0) + 1));
  let best: { col: number; count: number } | null = null;
  for (const [col, count] of counts) if (!best || count > best.count) best = { col, count };
  if (!best) return null;
  const col = best.col;
  return { ...best, firstRow: rows.findIndex((r) => parseTicketId(r[col])) };
}

/**
 * The template layout setup creates (every field in order from the ID column), if the rows bear
 * it out: the status and urgency columns hold status and urgency labels.
 */
function templateColumns(rows: readonly (readonly unknown[])[], idCol: number, firstRow: number): ColumnMap | null {
  const columns: ColumnMap = {};
  FIELDS.forEach((f, i) => (columns[f.key] = idCol + i));
  const body = rows.slice(firstRow).filter((r) => parseTicketId(r[idCol]));
  const fits = (key: 'status' | 'urgency') => {
    const vals = body.map((r) => r[columns[key] as number]).filter((v) => !blank(v));
    return vals.length > 0 && vals.filter((v) => parseEnum(key, v)).length >= vals.length * 0.8;
  };
  return fits('status') && fits('urgency') ? columns : null;
}

/** What the header row should say, and which of its cells do not. */
function damageOf(rows: readonly (readonly unknown[])[], headerIdx: number, columns: ColumnMap, lang: Lang, idCol: number): HeaderDamage | null {
  const row = rows[headerIdx] ?? [];
  const cells: HeaderDamage['cells'] = [];
  for (const [key, col] of Object.entries(columns) as [FieldKey, number][]) {
    const now = row[col];
    if (fieldForHeader(now) === key) continue;
    cells.push({ col, label: headerLabel(key, lang), old: blank(now) ? '' : now });
  }
  // A ticket where the header was, found nowhere else below: it was moved there, keep it.
  const id = String(row[idCol] ?? '').trim();
  const insertAbove = !!parseTicketId(id) && !rows.slice(headerIdx + 1).some((r) => String(r[idCol] ?? '').trim() === id);
  if (insertAbove) return { cells: (Object.entries(columns) as [FieldKey, number][]).map(([k, col]) => ({ col, label: headerLabel(k, lang), old: '' })), insertAbove };
  return cells.length ? { cells, insertAbove: false } : null;
}

const idCol = (hint: SheetHint): number => hint.columns?.id as number;

function ticketSheet(sheet: Sheet, name: string, headerRow: number, columns: ColumnMap, lang: Lang, width: number, damage: HeaderDamage | null): FoundTicketSheet {
  const w = Math.max(width, ...Object.values(columns).map((c) => (c as number) + 1));
  const header: unknown[] = new Array(w).fill('');
  for (const [k, c] of Object.entries(columns) as [FieldKey, number][]) header[c] = headerLabel(k, lang);
  return { sheet, name, headerRow, header, columns: { ...columns }, width: w, damage };
}

/**
 * The ticket sheet, by its header (anywhere in the first DEEP_SCAN_ROWS rows), else by what it
 * holds: the sheet the stored hint names (or one named 工单/Tickets), its hinted ID column holding
 * ticket IDs; without a hint, ticket IDs in the template layout setup creates. Header cells that
 * no longer name their field are reported as damage (repair writes them back).
 */
export function findTicketSheet(ss: Spreadsheet, hint: SheetHint | null, lang: Lang, overrides: HeaderOverrides = hint?.overrides ?? {}): FindResult {
  // Each sheet's name asked once (every call is a round trip).
  const names = new Map<Sheet, string>();
  const nameOf = (s: Sheet): string => {
    if (!names.has(s)) names.set(s, s.getName());
    return names.get(s) as string;
  };
  const sheets = ss.getSheets().filter((s) => !isSide(nameOf(s)));
  const rank = (s: Sheet) => (hint && nameOf(s) === hint.name ? 0 : TICKET_NAMES.includes(nameOf(s)) ? 1 : 2);
  sheets.sort((a, b) => rank(a) - rank(b));
  const tops = new Map<Sheet, unknown[][]>();
  const top = (s: Sheet) => {
    if (!tops.has(s)) tops.set(s, topRows(s));
    return tops.get(s) as unknown[][];
  };

  // 1. By the header row.
  for (const sheet of sheets) {
    const rows = top(sheet);
    const h = headerIn(rows, overrides);
    if (!h) continue;
    let columns = h.columns;
    let damage: HeaderDamage | null = null;
    // Fields the header lost (a cell typed or pasted over) come back where the hint had them.
    if (hint?.columns && hint.name === nameOf(sheet)) {
      const taken = new Set(Object.values(columns));
      const lost = (Object.entries(hint.columns) as [FieldKey, number][]).filter(([k, c]) => columns[k] === undefined && !taken.has(c));
      if (lost.length) {
        columns = { ...columns, ...Object.fromEntries(lost) };
        damage = { cells: lost.map(([k, c]) => ({ col: c, label: headerLabel(k, lang), old: rows[h.row][c] ?? '' })), insertAbove: false };
      }
    }
    const found = ticketSheet(sheet, nameOf(sheet), h.row + 1, columns, lang, trimTrailing(rows[h.row]).length, damage);
    // The header cells as they are (a team's own column names kept), with restored labels.
    found.header = rows[h.row].slice(0, found.width).map((v, c) => damage?.cells.find((d) => d.col === c)?.label ?? v);
    return { found };
  }

  // 2. By content: the stored column map and the ticket IDs under it.
  for (const sheet of sheets) {
    const rows = top(sheet);
    if (!rows.length) continue;
    const hinted = hint?.columns && hint.columns.id !== undefined && (hint.name === nameOf(sheet) || rank(sheet) === 1) ? hint : null;
    if (hinted) {
      const idCol = hinted.columns?.id as number;
      const firstRow = rows.findIndex((r) => parseTicketId(r[idCol]));
      if (firstRow >= 0) {
        // The header goes right above the first ticket (rows inserted above it moved it down); a
        // ticket in the first row means it sits where the header was (damageOf: insert above it).
        const useIdx = Math.max(firstRow - 1, 0);
        const damage = damageOf(rows, useIdx, hinted.columns as ColumnMap, lang, idCol);
        return { found: ticketSheet(sheet, nameOf(sheet), useIdx + 1, hinted.columns as ColumnMap, lang, hinted.width, damage) };
      }
    }
    // The hinted sheet with no tickets yet: its header row is where the hint says.
    if (hinted && hinted.name === nameOf(sheet) && !rows.some((r) => r.some((v) => parseTicketId(v)))) {
      const idx = hinted.headerRow - 1;
      return { found: ticketSheet(sheet, nameOf(sheet), idx + 1, hinted.columns as ColumnMap, lang, hinted.width, damageOf(rows, idx, hinted.columns as ColumnMap, lang, idCol(hinted))) };
    }
    if (rank(sheet) > 1 && !hinted) continue;
    const ids = idColumnOf(rows);
    if (ids && ids.count >= 1) {
      const columns = templateColumns(rows, ids.col, ids.firstRow);
      if (columns) {
        const idx = Math.max(ids.firstRow - 1, 0);
        const damage = damageOf(rows, idx, columns, lang, ids.col);
        return { found: ticketSheet(sheet, nameOf(sheet), idx + 1, columns, lang, 0, damage) };
      }
      if (rank(sheet) <= 1) return { refused: { name: nameOf(sheet), reason: 'unreadable' } };
    }
  }

  // 3. A sheet with the ticket sheet's name that holds no tickets.
  for (const name of TICKET_NAMES) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    return top(sheet).length ? { refused: { name, reason: 'notTickets' } } : { empty: sheet };
  }
  return { none: true };
}

/**
 * Writes a damaged header back (under the caller's lock): a row inserted above a ticket that sits
 * where the header was, else only the header cells that no longer name their field. Recorded first
 * in the audit sheet (what each cell held), then written. Returns the sheet with its header whole.
 */
export function restoreHeader(ss: Spreadsheet, found: FoundTicketSheet, lang: Lang, user: string, at: number, via: AuditEntry['via'] = 'setup'): TicketSheet {
  const { damage, sheet, headerRow } = found;
  if (!damage) return found;
  const entries: AuditEntry[] = damage.cells.map((c) => ({
    at,
    user,
    ticketId: '',
    field: t(lang, 'headerCell', { cell: `${columnLetter(c.col + 1)}${headerRow}` }),
    oldValue: damage.insertAbove ? '' : String(c.old ?? ''),
    newValue: c.label,
    via,
  }));
  appendAudit(ss, entries, lang);
  if (damage.insertAbove) sheet.insertRowBefore(headerRow);
  const cells = [...damage.cells].sort((a, b) => a.col - b.col);
  for (let i = 0; i < cells.length; ) {
    let j = i;
    while (j + 1 < cells.length && cells[j + 1].col === cells[j].col + 1) j++;
    sheet.getRange(headerRow, cells[i].col + 1, 1, j - i + 1).setValues([cells.slice(i, j + 1).map((c) => literalText(c.label))]);
    i = j + 1;
  }
  return { sheet, name: found.name, headerRow, header: found.header, columns: found.columns, width: found.width };
}
