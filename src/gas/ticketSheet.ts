// The ticket sheet's I/O, in batches: the header row once, the ID column once, one row read and one
// row write per action. Rows are found by ticket ID (people sort and insert rows), columns by header.
import { rethrowDefect } from '../domain/errors';
import type { ColumnMap, DateOrders, HeaderOverrides } from '../domain/columns';
import { columnLetter, detectHeader, fieldToCell } from '../domain/columns';
import type { FieldKey, Lang } from '../domain/schema';
import { FIELD_BY_KEY, SHEET_NAMES } from '../domain/schema';
import type { Ticket } from '../domain/ticket';
import { literalText, readLiteralText } from '../domain/text';
import { DEEP_SCAN_ROWS, findTicketSheet, headerIn } from './ticketLocate';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface TicketSheet {
  sheet: Sheet;
  /** The sheet's name (known without another call when it came from the hint). */
  name: string;
  /** 1-based row of the header. */
  headerRow: number;
  header: unknown[];
  columns: ColumnMap;
  /** Columns the header spans (1-based last column). */
  width: number;
}

/** Where the tracker was last seen, kept in document properties so hot paths skip the scan. */
export interface SheetHint {
  name: string;
  headerRow: number;
  width: number;
  /** Fields recognised in the header: fewer through the hint means columns moved past its width. */
  fields?: number;
  /** Where each field was: a header typed or pasted over can be put back. */
  columns?: ColumnMap;
  /**
   * The last sheet row setup's formats, dropdowns and colour rules reach (the grid's end then).
   * Kept up to date by intake (which grows the grid) and archiving (which deletes rows), so a new
   * ticket is never appended below them without another call to ask the grid's size.
   */
  formattedRows?: number;
  /** The admin's corrections to the header mapping (settings sheet), applied on every read. */
  overrides?: HeaderOverrides;
  /** How an adopted sheet's text dates are read, per field (rowToTicket; the cells stay as written). */
  dateOrders?: DateOrders;
  /**
   * The team's own cells when setup adopted the sheet (1-based last row and column): setup's
   * number formats and dropdowns start below them, so no original cell shows anything else.
   * `plain`: the team's columns (0-based) formatted as plain text (`@`) there, where a value is
   * written back as it is (an apostrophe would show); elsewhere text that Sheets would convert is
   * protected by one (hidden in an automatic-format cell).
   */
  original?: OriginalCells;
}

export interface OriginalCells {
  rows: number;
  cols: number;
  plain?: number[];
}

const trimTrailing = (row: unknown[]): unknown[] => {
  let n = row.length;
  while (n > 0 && (row[n - 1] === '' || row[n - 1] === null)) n--;
  return row.slice(0, n);
};

/**
 * Opens the ticket sheet from the hint with one read of the header row; falls back to scanning
 * every sheet's first rows when the hint is stale (renamed sheet, moved header, deleted columns),
 * and then to what the sheet holds (the hint's columns over its ticket IDs) when the header was
 * pasted over or cleared: work goes on by the stored column map until repair writes it back.
 */
export function openTicketSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  hint: SheetHint | null,
  lang: Lang = 'zh',
  /** The sheet named in the hint when the caller already holds it (the selected range's): one call less. */
  known?: Sheet,
): TicketSheet | null {
  if (hint) {
    const sheet = known ?? ss.getSheetByName(hint.name);
    if (sheet) {
      // The stored width may lag columns added since; those are the team's own and stay untouched.
      let read: unknown[][] | null = null;
      try {
        read = sheet.getSheetValues(hint.headerRow, 1, 1, hint.width);
      } catch (e) {
        rethrowDefect(e);
        // Fewer columns than the hint (columns deleted): Google refuses the range; scan below.
      }
      const header = read ? trimTrailing(read[0]) : null;
      const match = header ? detectHeader([header], hint.overrides) : null;
      // A column inserted in the middle pushes a field past the hinted width: rescan.
      if (header && match && match.columns.id !== undefined && Object.keys(match.columns).length >= (hint.fields ?? 0)) {
        return { sheet, name: hint.name, headerRow: hint.headerRow, header, columns: match.columns, width: Math.max(header.length, 1) };
      }
    }
  }
  const located = locateTicketSheet(ss, hint?.overrides);
  if (located || !hint?.columns) return located;
  const byContent = findTicketSheet(ss, hint, lang);
  return 'found' in byContent ? byContent.found : null;
}

/** Scans sheets (the conventional names first) for a header row within the first DEEP_SCAN_ROWS rows. */
export function locateTicketSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, overrides: HeaderOverrides = {}): TicketSheet | null {
  const names: string[] = [SHEET_NAMES.tickets.zh, SHEET_NAMES.tickets.en];
  const sheets = ss.getSheets().slice().sort((a, b) => Number(!names.includes(a.getName())) - Number(!names.includes(b.getName())));
  // The add-on's own side sheets (knowledge base, archive, audit…) carry ticket-like headers too.
  const side: string[] = (['settings', 'audit', 'knowledge', 'archive'] as const).flatMap((k) => [SHEET_NAMES[k].zh, SHEET_NAMES[k].en]);
  const isReview = (n: string) => n.startsWith(`${SHEET_NAMES.review.zh} `) || n.startsWith(`${SHEET_NAMES.review.en} `);
  for (const sheet of sheets) {
    const name = sheet.getName();
    if (side.includes(name) || isReview(name)) continue;
    const lastCol = sheet.getLastColumn();
    if (lastCol < 1) continue;
    const rows = sheet.getSheetValues(1, 1, Math.min(DEEP_SCAN_ROWS, Math.max(sheet.getLastRow(), 1)), lastCol);
    const match = headerIn(rows, overrides);
    if (match) {
      const header = trimTrailing(rows[match.row]);
      return { sheet, name, headerRow: match.row + 1, header, columns: match.columns, width: header.length };
    }
  }
  return null;
}

export const hintOf = (ts: TicketSheet, previous?: SheetHint | null): SheetHint => ({
  name: ts.name,
  headerRow: ts.headerRow,
  width: ts.width,
  fields: Object.keys(ts.columns).length,
  columns: { ...ts.columns },
  formattedRows: previous?.formattedRows,
  ...(previous?.overrides && Object.keys(previous.overrides).length ? { overrides: previous.overrides } : {}),
  ...(previous?.dateOrders && Object.keys(previous.dateOrders).length ? { dateOrders: previous.dateOrders } : {}),
  ...(previous?.original ? { original: previous.original } : {}),
});

/** The ID column below the header (one call after getLastRow). Index i is sheet row headerRow + 1 + i. */
export function readIdColumn(ts: TicketSheet): { ids: unknown[]; lastRow: number } {
  const lastRow = ts.sheet.getLastRow();
  const n = lastRow - ts.headerRow;
  if (n <= 0 || ts.columns.id === undefined) return { ids: [], lastRow: Math.max(lastRow, ts.headerRow) };
  const ids = ts.sheet.getSheetValues(ts.headerRow + 1, ts.columns.id + 1, n, 1).map((r) => r[0]);
  return { ids, lastRow };
}

/**
 * Rows whose ID cell may hold `id`, found on Google's side instead of reading the ID column:
 * TextFinder over the ID column below the header (getRange, createTextFinder, then findNext and
 * getRow per candidate). The search is partial and case-insensitive (a cell with stray spaces
 * still matches), so a candidate is only that: the caller reads the row and checks the ID, then
 * asks for the next one. Cells read stay constant in the number of tickets.
 */
export function* idCandidates(ts: TicketSheet, id: string): Generator<number, void, void> {
  const col = columnLetter((ts.columns.id as number) + 1);
  const finder = ts.sheet.getRange(`${col}${ts.headerRow + 1}:${col}`).createTextFinder(id);
  for (let hit = finder.findNext(); hit; hit = finder.findNext()) yield hit.getRow();
}

export function rowOfId(ts: TicketSheet, ids: unknown[], id: string): number | null {
  for (let i = ids.length - 1; i >= 0; i--) if (String(ids[i]).trim() === id) return ts.headerRow + 1 + i;
  return null;
}

/** Kinds whose columns setup formats as plain text (`@`). */
export const isPlainTextKind = (kind: string): boolean => kind === 'text' || kind === 'longText' || kind === 'log' || kind === 'id';

/** Whether column c (0-based) of the ticket sheet is one of its plain-text (`@`) columns. */
export function plainTextColumns(columns: ColumnMap): (col: number) => boolean {
  const plain = new Set<number>();
  for (const [k, c] of Object.entries(columns) as [FieldKey, number][]) if (isPlainTextKind(FIELD_BY_KEY[k].kind)) plain.add(c);
  return (c) => plain.has(c);
}

/** A cell value for a field, with user text protected from becoming a formula or a number. */
export function cellFor(key: FieldKey, value: Ticket[FieldKey], lang: Lang): unknown {
  const v = fieldToCell(key, value, lang, (ms) => new Date(ms));
  const kind = FIELD_BY_KEY[key].kind;
  return typeof v === 'string' && isPlainTextKind(kind) ? literalText(v, true) : v;
}

/** A new ticket's row, header-wide, with '' in the team's own columns. */
export function newRow(ts: TicketSheet, ticket: Ticket, lang: Lang): unknown[] {
  const row: unknown[] = new Array(ts.width).fill('');
  for (const [key, col] of Object.entries(ts.columns) as [FieldKey, number][]) row[col] = cellFor(key, ticket[key], lang);
  return row;
}

/**
 * Which cells of sheet row `sheetRow` are plain text (`@`): the tracker's text columns, except in
 * an adopted sheet's original rows, where the team's own formats decide (OriginalCells.plain).
 */
export function plainTextCells(ts: TicketSheet, original: OriginalCells | undefined, sheetRow: number): (col: number) => boolean {
  const ours = plainTextColumns(ts.columns);
  if (!original || sheetRow > original.rows) return ours;
  const team = new Set(original.plain ?? []);
  return (c) => (c < original.cols ? team.has(c) : ours(c));
}

/**
 * The whole row to write back after an action: changed fields take their new cell values; every
 * other cell is written back as it was (formulas as formulas, text as literal text), so the write
 * is one setValues on the range just read and a team's formula or a text like `=x` survives.
 * `plainAt` (plainTextCells) says which cells are plain text; by default the tracker's text columns.
 */
export function mergeRow(
  values: readonly unknown[],
  formulas: readonly string[],
  changes: Partial<Record<FieldKey, unknown>>,
  columns: ColumnMap,
  plainAt?: (col: number) => boolean,
): unknown[] {
  const byCol = new Map<number, FieldKey>();
  for (const [k, c] of Object.entries(columns) as [FieldKey, number][]) byCol.set(c, k);
  return values.map((v, c) => {
    const key = byCol.get(c);
    if (key !== undefined && key in changes) return changes[key];
    if (formulas[c]) return formulas[c];
    // Our text columns are plain text; the team's own columns get the full protection. A protecting
    // apostrophe left in a plain-text cell (by an older version) is taken off: the writer puts the
    // text back as Rich Text (textValues.ts).
    const plain = plainAt ? plainAt(c) : key !== undefined && isPlainTextKind(FIELD_BY_KEY[key].kind);
    return typeof v === 'string' ? literalText(plain ? readLiteralText(v) : v, plain) : v;
  });
}

/** Written by the sweep every hour: a fresh SLA status must not look like someone's edit. */
const SWEPT: ReadonlySet<FieldKey> = new Set<FieldKey>(['slaStatus', 'responseDueAt', 'resolveDueAt']);
/** The tracker's hidden record follows every write of the row: it is no one's edit either. */
const UNVERSIONED: ReadonlySet<FieldKey> = new Set<FieldKey>([...SWEPT, 'record']);

/**
 * A short fingerprint of a ticket's fields, to notice that someone else changed the ticket
 * meanwhile. The team's own columns (a `=NOW()-…` age column recalculates on every edit) and the
 * SLA columns the sweep rewrites are left out: the action re-reads them and keeps them anyway.
 */
export function rowVersion(values: readonly unknown[], columns: ColumnMap): string {
  const tracked = (Object.entries(columns) as [FieldKey, number][])
    .filter(([k]) => !UNVERSIONED.has(k))
    .sort((a, b) => a[1] - b[1])
    .map(([, c]) => values[c]);
  return fingerprint(tracked);
}

function fingerprint(values: readonly unknown[]): string {
  let h = 0x811c9dc5;
  const s = JSON.stringify(values.map((v) => (Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).getTime() : v)));
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}
