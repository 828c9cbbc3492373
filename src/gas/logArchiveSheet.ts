// The work-log archive (`工作日志归档` / `Work log archive`): older work-log entries of a ticket whose
// log outgrew its cell (domain/worklog.ts, splitForArchive), one row per moved piece, keyed by
// ticket ID, oldest first. The ticket's log keeps a pointer line naming this sheet.
import type { Lang } from '../domain/schema';
import { SHEET_NAMES } from '../domain/schema';
import { CELL_MAX_CHARS, literalText } from '../domain/text';
import { chunkText } from '../domain/worklog';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const LOG_ARCHIVE_HEADERS: Record<Lang, string[]> = {
  zh: ['问题编号', '移出时间', '处理过程记录'],
  en: ['Ticket ID', 'Moved at', 'Work log'],
};

/** One cell per piece, with room for the apostrophe literalText may add. */
const PIECE = CELL_MAX_CHARS - 1_000;

export function findLogArchiveSheet(ss: Spreadsheet, lang: Lang): GoogleAppsScript.Spreadsheet.Sheet | null {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  return ss.getSheetByName(SHEET_NAMES.logArchive[lang]) ?? ss.getSheetByName(SHEET_NAMES.logArchive[other]);
}

/**
 * Appends a ticket's moved entries. Costs calls only when a log is moved (rare): find the sheet,
 * create it with its header when missing (or write the header into a sheet left blank by an
 * earlier failure), then one appendRow per piece (one piece unless the text is near a cell's size).
 */
export function appendMovedLog(ss: Spreadsheet, lang: Lang, ticketId: string, at: number, text: string): void {
  let sheet = findLogArchiveSheet(ss, lang);
  const header = LOG_ARCHIVE_HEADERS[lang];
  if (!sheet) {
    sheet = ss.insertSheet(SHEET_NAMES.logArchive[lang]);
    sheet.appendRow(header);
    sheet.setFrozenRows(1);
  } else if (sheet.getLastRow() === 0) {
    sheet.appendRow(header);
  }
  for (const piece of chunkText(text, PIECE)) sheet.appendRow([literalText(ticketId), new Date(at), literalText(piece)]);
}
