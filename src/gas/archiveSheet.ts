// The archive sheet (`归档` / `Archive`): closed tickets moved out of the ticket sheet, same header
// (by name, so a team's own columns travel too). Created on first use from the ticket sheet's header.
import { columnLetter, detectHeader } from '../domain/columns';
import type { ColumnMap } from '../domain/columns';
import type { Lang } from '../domain/schema';
import { FIELD_BY_KEY, SHEET_NAMES } from '../domain/schema';
import type { FieldKey } from '../domain/schema';
import { literalText, readLiteralText } from '../domain/text';
import { COLOURS } from './ticketFormat';
import type { TicketSheet } from './ticketSheet';
import { isPlainTextKind } from './ticketSheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ArchiveSheet {
  sheet: Sheet;
  /** Header row (always 1 for sheets we create). */
  headerRow: number;
  header: string[];
  columns: ColumnMap;
  /** IDs already archived. */
  ids: Set<string>;
  /** Last row with content. */
  lastRow: number;
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v)).trim();

export function findArchiveSheet(ss: Spreadsheet, lang: Lang): Sheet | null {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  return ss.getSheetByName(SHEET_NAMES.archive[lang]) ?? ss.getSheetByName(SHEET_NAMES.archive[other]);
}

/** Header and ID column in two reads (plus getLastRow/getLastColumn). */
export function readArchiveSheet(sheet: Sheet): ArchiveSheet | null {
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow < 1 || lastCol < 1) return null;
  const top = sheet.getSheetValues(1, 1, Math.min(5, lastRow), lastCol);
  const match = detectHeader(top);
  if (!match || match.columns.id === undefined) return null;
  const headerRow = match.row + 1;
  const header = top[match.row].map(str);
  while (header.length && !header[header.length - 1]) header.pop();
  const ids = new Set<string>();
  if (lastRow > headerRow) {
    for (const r of sheet.getSheetValues(headerRow + 1, match.columns.id + 1, lastRow - headerRow, 1)) {
      const id = str(r[0]);
      if (id) ids.add(id);
    }
  }
  return { sheet, headerRow, header, columns: match.columns, ids, lastRow };
}

/**
 * A new archive sheet with the ticket sheet's header row, formatted like it. `into`: an empty
 * archive sheet left by a creation that stopped before its header was written (it gets the header,
 * so archiving does not fail on it for ever).
 */
export function createArchiveSheet(ss: Spreadsheet, lang: Lang, ts: TicketSheet, into?: Sheet): ArchiveSheet {
  const sheet = into ?? ss.insertSheet(SHEET_NAMES.archive[lang]);
  const header = ts.header.map(str);
  // A new sheet has 26 columns: a ticket sheet with the team's own columns can be wider.
  ensureColumns(sheet, header.length);
  sheet
    .getRange(1, 1, 1, header.length)
    .setValues([header])
    .setFontWeight('bold')
    .setBackground(COLOURS.header)
    .setFontColor(COLOURS.headerText);
  sheet.setFrozenRows(1);
  // Plain-text columns stay text (an archived title like `2024-05` must not become a date).
  const formats: string[] = header.map(() => '');
  for (const [key, col] of Object.entries(ts.columns) as [FieldKey, number][]) {
    const kind = FIELD_BY_KEY[key].kind;
    formats[col] = kind === 'dateTime' ? 'yyyy-mm-dd hh:mm' : isPlainTextKind(kind) ? '@' : '';
  }
  // One call per run of adjacent columns sharing a format (whole columns: rows added later keep it).
  for (let c = 0; c < formats.length;) {
    let end = c;
    while (end + 1 < formats.length && formats[end + 1] === formats[c]) end++;
    if (formats[c]) sheet.getRange(`${columnLetter(c + 1)}2:${columnLetter(end + 1)}`).setNumberFormat(formats[c]);
    c = end + 1;
  }
  return { sheet, headerRow: 1, header, columns: { ...ts.columns }, ids: new Set(), lastRow: 1 };
}

/**
 * Where each ticket-sheet column goes in the archive: same field, else the same header text; a
 * ticket-sheet column the archive lacks is added to the archive header (one write). Returns the
 * archive width and the mapping (ticket column index → archive column index, -1 = dropped).
 */
export function alignColumns(arch: ArchiveSheet, ts: TicketSheet): { width: number; map: number[] } {
  const byField = new Map<number, FieldKey>();
  for (const [k, c] of Object.entries(ts.columns) as [FieldKey, number][]) byField.set(c, k);
  const added: string[] = [];
  // Each archive column takes one ticket column: two columns with the same header stay two.
  const taken = new Set<number>();
  for (const k of byField.values()) if (arch.columns[k] !== undefined) taken.add(arch.columns[k] as number);
  const map = ts.header.map((h, c) => {
    const key = byField.get(c);
    if (key !== undefined && arch.columns[key] !== undefined) return arch.columns[key] as number;
    // A column without a header (under a merged header cell) still holds data: keep it by its letter.
    const text = str(h) || `(${columnLetter(c + 1)})`;
    const at = arch.header.findIndex((x, i) => x === text && !taken.has(i));
    taken.add(at >= 0 ? at : arch.header.length);
    if (at >= 0) return at;
    added.push(text);
    arch.header.push(text);
    if (key !== undefined) arch.columns[key] = arch.header.length - 1;
    return arch.header.length - 1;
  });
  if (added.length) ensureColumns(arch.sheet, arch.header.length);
  if (added.length)
    arch.sheet
      .getRange(arch.headerRow, arch.header.length - added.length + 1, 1, added.length)
      .setValues([added]);
  return { width: arch.header.length, map };
}

/** Grows the sheet to `width` columns when it has fewer (writing past them fails). */
function ensureColumns(sheet: Sheet, width: number): void {
  const max = sheet.getMaxColumns();
  if (max < width) sheet.insertColumnsAfter(max, width - max);
}

/** Ticket rows as archive rows: values (a snapshot; formulas are not carried), text kept literal. */
export function archiveRows(
  rows: readonly (readonly unknown[])[],
  map: readonly number[],
  width: number,
  columns: ColumnMap,
): unknown[][] {
  const plain = new Set<number>();
  for (const [k, c] of Object.entries(columns) as [FieldKey, number][])
    if (isPlainTextKind(FIELD_BY_KEY[k].kind)) plain.add(c);
  return rows.map((r) => {
    const out: unknown[] = new Array(width).fill('');
    map.forEach((to, from) => {
      if (to < 0) return;
      const v = r[from];
      // A protecting apostrophe an older version left in a plain-text cell is taken off (issue 16).
      out[to] =
        typeof v === 'string' ? literalText(plain.has(from) ? readLiteralText(v) : v, plain.has(from)) : v === null || v === undefined ? '' : v;
    });
    return out;
  });
}
