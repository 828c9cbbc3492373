// The knowledge base (`知识库`): one entry per closed ticket with a solution. Read in one call for
// suggestions; entries are only ever appended (one call when a ticket closes).
import type { KbEntry } from '../domain/knowledge';
import type { Lang } from '../domain/schema';
import { SHEET_NAMES, enumLabel } from '../domain/schema';
import type { Ticket } from '../domain/ticket';
import { literalText } from '../domain/text';
import { repairHeader } from './sideSheet';
import { COLOURS } from './ticketFormat';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const KB_HEADERS = {
  zh: ['问题编号', '问题标题', '问题类型', '问题描述', '解决方案', '日期', '有用次数'],
  en: ['Ticket ID', 'Title', 'Category', 'Description', 'Solution', 'Date', 'Helpful'],
};

export function findKnowledgeSheet(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet | null {
  return ss.getSheetByName(SHEET_NAMES.knowledge.zh) ?? ss.getSheetByName(SHEET_NAMES.knowledge.en);
}

/**
 * The knowledge base, made when missing (deleted by someone: a closed ticket's entry is filed in a
 * new one rather than dropped), or given its header back when an earlier creation stopped before
 * writing it. `repair` (setup) also puts a header above entries left in a headerless sheet.
 */
export function ensureKnowledgeSheet(ss: Spreadsheet, lang: Lang, repair = false): GoogleAppsScript.Spreadsheet.Sheet {
  const found = findKnowledgeSheet(ss);
  if (found) {
    if (repair) repairHeader(found, KB_HEADERS, lang);
    return found;
  }
  return createKnowledgeSheet(ss, lang);
}

function createKnowledgeSheet(ss: Spreadsheet, lang: Lang): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.insertSheet(SHEET_NAMES.knowledge[lang]);
  const headers = KB_HEADERS[lang];
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]).setFontWeight('bold').setBackground(COLOURS.header).setFontColor(COLOURS.headerText);
  sheet.setFrozenRows(1);
  [130, 180, 80, 300, 300, 110, 70].forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  sheet.getRange(2, 4, sheet.getMaxRows() - 1, 2).setWrap(true);
  sheet.getRange(2, 6, sheet.getMaxRows() - 1, 1).setNumberFormat('yyyy-mm-dd');
  return sheet;
}

export interface KbTable {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** One entry per ticket ID (see readKnowledge). */
  entries: KbEntry[];
  /** 1-based sheet row of each entry: its newest row. */
  rows: number[];
  /** The helpful count stored in that row (an entry's total may span older rows). */
  rowHelpful: number[];
  /** 1-based column of the helpful count (found by header, like every other column). */
  helpfulCol: number;
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const count = (v: unknown) => (typeof v === 'number' ? v : Number(v) || 0);

/**
 * Every entry, one per ticket ID. Closing appends without looking for an older entry (one call
 * instead of a read and a write), so an ID can appear twice when a ticket closed before is closed
 * again (a row moved back from the archive): the newest row wins and the helpful counts add up.
 */
export function readKnowledge(ss: Spreadsheet): KbTable | null {
  const sheet = findKnowledgeSheet(ss);
  if (!sheet) return null;
  const [header = [], ...body] = sheet.getDataRange().getValues();
  // Columns by header name (Chinese or English, people insert and move columns); template position otherwise.
  const norm = header.map((h) => str(h).trim().toLowerCase());
  const col = KB_HEADERS.zh.map((zh, k) => {
    const c = norm.findIndex((h) => h === zh.toLowerCase() || h === KB_HEADERS.en[k].toLowerCase());
    return c >= 0 ? c : k;
  });
  const table: KbTable = { sheet, entries: [], rows: [], rowHelpful: [], helpfulCol: col[6] + 1 };
  const at = new Map<string, number>();
  body.forEach((row, i) => {
    const r = col.map((c) => row[c]);
    const id = str(r[0]).trim();
    if (!id) return;
    const d = r[5];
    const entry: KbEntry = {
      id,
      title: str(r[1]),
      category: str(r[2]),
      description: str(r[3]),
      solution: str(r[4]),
      date: Object.prototype.toString.call(d) === '[object Date]' ? (d as Date).getTime() : null,
      helpful: count(r[6]),
    };
    const k = at.get(id);
    if (k === undefined) {
      at.set(id, table.entries.length);
      table.entries.push(entry);
      table.rows.push(i + 2);
      table.rowHelpful.push(count(r[6]));
    } else {
      entry.helpful = (table.entries[k].helpful ?? 0) + count(r[6]);
      table.entries[k] = entry;
      table.rows[k] = i + 2;
      table.rowHelpful[k] = count(r[6]);
    }
  });
  return table;
}

/** A closed ticket's entry, dated `date` (its resolution time, normally). */
export function knowledgeEntry(tk: Ticket, lang: Lang, date: number): KbEntry {
  return {
    id: tk.id,
    title: tk.title,
    category: tk.category ? enumLabel('category', tk.category, lang) : '',
    description: tk.description,
    solution: tk.solution,
    date,
  };
}

/** The sheet row for an entry; text goes in as typed, never as a formula. */
export function knowledgeRow(entry: KbEntry): unknown[] {
  return [
    literalText(entry.id),
    literalText(entry.title),
    entry.category,
    literalText(entry.description),
    literalText(entry.solution),
    entry.date === null ? '' : new Date(entry.date),
    entry.helpful ?? 0,
  ];
}

/**
 * Files a closed ticket's entry: two calls (find the sheet, append). A deleted knowledge base is
 * made again first: the entry is never dropped silently.
 */
export function appendKnowledge(ss: Spreadsheet, entry: KbEntry, lang: Lang): void {
  ensureKnowledgeSheet(ss, lang).appendRow(knowledgeRow(entry));
}

/**
 * Entries for closed tickets with a solution that have none yet (tickets closed by hand in the
 * sheet, archived ones): one read of the base's IDs, one append. Returns how many were added.
 */
export function fileMissingKnowledge(ss: Spreadsheet, lang: Lang, tickets: readonly Ticket[], dateOf: (tk: Ticket) => number): number {
  const withSolution = tickets.filter((tk) => tk.id && tk.solution.trim());
  if (!withSolution.length) return 0;
  const sheet = ensureKnowledgeSheet(ss, lang);
  const last = sheet.getLastRow();
  const known = new Set(last >= 2 ? sheet.getSheetValues(2, 1, last - 1, 1).map((r) => str(r[0]).trim()) : []);
  const rows = withSolution.filter((tk) => !known.has(tk.id)).map((tk) => knowledgeRow(knowledgeEntry(tk, lang, dateOf(tk))));
  if (!rows.length) return 0;
  const first = Math.max(last, 1) + 1;
  const max = sheet.getMaxRows();
  if (first + rows.length - 1 > max) sheet.insertRowsAfter(max, first + rows.length - 1 - max);
  sheet.getRange(first, 1, rows.length, KB_HEADERS.zh.length).setValues(rows);
  return rows.length;
}
