// The knowledge base (`知识库`): one entry per closed ticket with a solution. Read in one call for
// suggestions; an entry is added or updated in one write.
import type { KbEntry } from '../domain/knowledge';
import type { Lang } from '../domain/schema';
import { SHEET_NAMES } from '../domain/schema';
import { literalText } from '../domain/text';
import { COLOURS } from './ticketFormat';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const KB_HEADERS = {
  zh: ['问题编号', '问题标题', '问题类型', '问题描述', '解决方案', '日期', '有用次数'],
  en: ['Ticket ID', 'Title', 'Category', 'Description', 'Solution', 'Date', 'Helpful'],
};

export function findKnowledgeSheet(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet | null {
  return ss.getSheetByName(SHEET_NAMES.knowledge.zh) ?? ss.getSheetByName(SHEET_NAMES.knowledge.en);
}

export function ensureKnowledgeSheet(ss: Spreadsheet, lang: Lang): GoogleAppsScript.Spreadsheet.Sheet {
  const found = findKnowledgeSheet(ss);
  if (found) return found;
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
  entries: KbEntry[];
  /** 1-based sheet row of each entry. */
  rows: number[];
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export function readKnowledge(ss: Spreadsheet): KbTable | null {
  const sheet = findKnowledgeSheet(ss);
  if (!sheet) return null;
  const last = sheet.getLastRow();
  if (last < 2) return { sheet, entries: [], rows: [] };
  const values = sheet.getSheetValues(2, 1, last - 1, 7);
  const entries: KbEntry[] = [];
  const rows: number[] = [];
  values.forEach((r, i) => {
    if (!str(r[0]).trim()) return;
    const d = r[5];
    entries.push({
      id: str(r[0]).trim(),
      title: str(r[1]),
      category: str(r[2]),
      description: str(r[3]),
      solution: str(r[4]),
      date: Object.prototype.toString.call(d) === '[object Date]' ? (d as Date).getTime() : null,
      helpful: typeof r[6] === 'number' ? r[6] : Number(r[6]) || 0,
    });
    rows.push(i + 2);
  });
  return { sheet, entries, rows };
}

/** Adds the ticket's entry, or updates it in place when the ticket was closed before. */
export function upsertKnowledge(table: KbTable, entry: KbEntry): void {
  const i = table.entries.findIndex((e) => e.id === entry.id);
  const row = i >= 0 ? table.rows[i] : Math.max(table.sheet.getLastRow(), 1) + 1;
  const helpful = i >= 0 ? table.entries[i].helpful ?? 0 : 0;
  table.sheet
    .getRange(row, 1, 1, 7)
    .setValues([[literalText(entry.id), literalText(entry.title), entry.category, literalText(entry.description), literalText(entry.solution), entry.date === null ? '' : new Date(entry.date), helpful]]);
}
