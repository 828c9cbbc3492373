// The knowledge base (`知识库`): one entry per closed ticket with a solution. Read in one call for
// suggestions; entries are appended when a ticket closes (one call). People edit entries in the
// sheet (suggestions read it as it is) and retire one by setting its 状态 to 停用: a retired entry
// stays for the record and is never suggested. Closing files an entry as 有效 when the agent
// chose to (by default: resolved and confirmed by the requester), else as 停用.
import type { KbEntry } from '../domain/knowledge';
import { fileByDefault } from '../domain/knowledge';
import type { Lang } from '../domain/schema';
import { SHEET_NAMES, enumLabel } from '../domain/schema';
import type { Ticket } from '../domain/ticket';
import { literalText } from '../domain/text';
import { repairHeader } from './sideSheet';
import { COLOURS } from './ticketFormat';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const KB_HEADERS = {
  zh: ['问题编号', '问题标题', '问题类型', '问题描述', '解决方案', '日期', '有用次数', '状态'],
  en: ['Ticket ID', 'Title', 'Category', 'Description', 'Solution', 'Date', 'Helpful', 'Status'],
};

/** The 状态 column's values: in use, or retired (never suggested). */
export const KB_STATUS = { zh: { active: '有效', retired: '停用' }, en: { active: 'Active', retired: 'Retired' } } as const;
const RETIRED = new Set([KB_STATUS.zh.retired, KB_STATUS.en.retired.toLowerCase(), '已停用', 'retire', 'no', '否']);

/** The knowledge sheet, looked for under `lang`'s name first (one call when it is there). */
export function findKnowledgeSheet(ss: Spreadsheet, lang: Lang = 'zh'): GoogleAppsScript.Spreadsheet.Sheet | null {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  return ss.getSheetByName(SHEET_NAMES.knowledge[lang]) ?? ss.getSheetByName(SHEET_NAMES.knowledge[other]);
}

/**
 * The knowledge base, made when missing (deleted by someone: a closed ticket's entry is filed in a
 * new one rather than dropped), or given its header back when an earlier creation stopped before
 * writing it. `repair` (setup) also puts a header above entries left in a headerless sheet. With
 * `app` (setup), a sheet made before entries could be retired gets its 状态 column and dropdown.
 */
export function ensureKnowledgeSheet(ss: Spreadsheet, lang: Lang, repair = false, app?: GoogleAppsScript.Spreadsheet.SpreadsheetApp): GoogleAppsScript.Spreadsheet.Sheet {
  const found = findKnowledgeSheet(ss);
  if (found) {
    if (repair) repairHeader(found, KB_HEADERS, lang);
    if (app) ensureStatusColumn(app, found, lang);
    return found;
  }
  return createKnowledgeSheet(ss, lang, app);
}

function createKnowledgeSheet(ss: Spreadsheet, lang: Lang, app?: GoogleAppsScript.Spreadsheet.SpreadsheetApp): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.insertSheet(SHEET_NAMES.knowledge[lang]);
  const headers = KB_HEADERS[lang];
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]).setFontWeight('bold').setBackground(COLOURS.header).setFontColor(COLOURS.headerText);
  sheet.setFrozenRows(1);
  [130, 180, 80, 300, 300, 110, 70].forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  sheet.getRange(2, 4, sheet.getMaxRows() - 1, 2).setWrap(true);
  sheet.getRange(2, 6, sheet.getMaxRows() - 1, 1).setNumberFormat('yyyy-mm-dd');
  // Without SpreadsheetApp (a close re-making a deleted sheet) the column stays free text; setup adds the dropdown.
  if (app) statusDropdown(app, sheet, headers.length, lang);
  return sheet;
}

/** 有效 / 停用 as a dropdown (other text allowed: a team may write its own words). */
function statusDropdown(app: GoogleAppsScript.Spreadsheet.SpreadsheetApp, sheet: GoogleAppsScript.Spreadsheet.Sheet, col: number, lang: Lang): void {
  if (sheet.getMaxRows() < 2) return;
  const rule = app.newDataValidation().requireValueInList([KB_STATUS[lang].active, KB_STATUS[lang].retired], true).setAllowInvalid(true).build();
  sheet.getRange(2, col, sheet.getMaxRows() - 1, 1).setDataValidation(rule);
}

/** A knowledge sheet made before entries could be retired gets its 状态 column (setup again). */
function ensureStatusColumn(app: GoogleAppsScript.Spreadsheet.SpreadsheetApp, sheet: GoogleAppsScript.Spreadsheet.Sheet, lang: Lang): void {
  const width = sheet.getLastColumn();
  const header = width ? sheet.getRange(1, 1, 1, width).getValues()[0].map((h) => str(h).trim().toLowerCase()) : [];
  if (header.includes(KB_HEADERS.zh[7]) || header.includes(KB_HEADERS.en[7].toLowerCase())) return;
  const col = Math.max(width, KB_HEADERS.zh.length - 1) + 1;
  if (sheet.getMaxColumns() < col) sheet.insertColumnsAfter(sheet.getMaxColumns(), col - sheet.getMaxColumns());
  sheet.getRange(1, col).setValue(KB_HEADERS[lang][7]).setFontWeight('bold').setBackground(COLOURS.header).setFontColor(COLOURS.headerText);
  statusDropdown(app, sheet, col, lang);
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
export function readKnowledge(ss: Spreadsheet, found?: GoogleAppsScript.Spreadsheet.Sheet): KbTable | null {
  const sheet = found ?? findKnowledgeSheet(ss);
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
      retired: RETIRED.has(str(r[7]).trim().toLowerCase()),
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
export function knowledgeRow(entry: KbEntry, lang: Lang = 'zh'): unknown[] {
  return [
    literalText(entry.id),
    literalText(entry.title),
    entry.category,
    literalText(entry.description),
    literalText(entry.solution),
    entry.date === null ? '' : new Date(entry.date),
    entry.helpful ?? 0,
    entry.retired ? KB_STATUS[lang].retired : KB_STATUS[lang].active,
  ];
}

/**
 * Files a closed ticket's entry: two calls (find the sheet, append). A deleted knowledge base is
 * made again first: the entry is never dropped silently.
 */
export function appendKnowledge(ss: Spreadsheet, entry: KbEntry, lang: Lang): void {
  ensureKnowledgeSheet(ss, lang).appendRow(knowledgeRow(entry, lang));
}

/** Several entries in one write (the sweep's auto-closes): room made at the bottom first. */
export function appendKnowledgeRows(ss: Spreadsheet, entries: readonly KbEntry[], lang: Lang): void {
  if (!entries.length) return;
  if (entries.length === 1) return appendKnowledge(ss, entries[0], lang);
  const sheet = ensureKnowledgeSheet(ss, lang);
  const rows = entries.map((e) => knowledgeRow(e, lang));
  const first = Math.max(sheet.getLastRow(), 1) + 1;
  const max = sheet.getMaxRows();
  if (first + rows.length - 1 > max) sheet.insertRowsAfter(max, first + rows.length - 1 - max);
  sheet.getRange(first, 1, rows.length, rows[0].length).setValues(rows);
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
  // Filed as a suggestion only when the requester confirmed the solution; else kept, retired.
  const rows = withSolution
    .filter((tk) => !known.has(tk.id))
    .map((tk) => knowledgeRow({ ...knowledgeEntry(tk, lang, dateOf(tk)), retired: !fileByDefault(tk) }, lang));
  if (!rows.length) return 0;
  const first = Math.max(last, 1) + 1;
  const max = sheet.getMaxRows();
  if (first + rows.length - 1 > max) sheet.insertRowsAfter(max, first + rows.length - 1 - max);
  sheet.getRange(first, 1, rows.length, rows[0].length).setValues(rows);
  return rows.length;
}
