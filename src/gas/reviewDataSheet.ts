// The review data sheet (`周报数据` / `Review data`, issue 19): the flat table of every ticket the
// native pivots read (rows computed in src/domain/review/data.ts). Each build deletes and recreates
// it: one write of the whole table, whatever was typed, pasted, renamed or deleted there since;
// it is protected warning-only, so a person who edits it is told the next build overwrites it.
// The ticket sheet is never touched. Constant calls whatever the ticket count (at most 9).
import type { ReviewData, ReviewDataKey } from '../domain/review';
import type { Lang } from '../domain/schema';
import { catalog } from '../domain/i18n';
import { literalText } from '../domain/text';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Rows a new sheet has; more need inserting before the block write. */
const NEW_SHEET_ROWS = 1000;
/** Columns a new sheet has. */
const NEW_SHEET_COLUMNS = 26;

export interface WrittenReviewData {
  sheet: Sheet;
  /** The whole table, header included: the pivots' source. */
  range: Range;
  /** 1-based column of each data key, found by header in what was written. */
  columnOf: (header: string) => number;
}

/**
 * Columns holding text people typed (or a ticket title): the only ones that can start like a
 * formula, number or date. The others hold the tracker's own labels, week labels and numbers.
 */
const TYPED_TEXT: ReadonlySet<ReviewDataKey> = new Set<ReviewDataKey>(['id', 'department', 'assignee', 'recurringKey']);

/**
 * The table as cells Sheets keeps as they are (typed text never read as a formula, number or
 * date), converted in place: the rows are this build's own, and 50,000 copies would cost more
 * than the rest.
 */
export function dataValues(data: ReviewData): (string | number)[][] {
  const typed = data.keys.map((k) => TYPED_TEXT.has(k));
  // Departments, assignees and recurring keys repeat down the column: each text checked once.
  const seen = data.keys.map((k) => (k === 'id' ? null : new Map<string, string>()));
  const out: (string | number)[][] = new Array(data.rows.length + 1);
  out[0] = data.header.map((h) => literalText(h));
  for (let r = 0; r < data.rows.length; r++) {
    const row = data.rows[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null) row[c] = '';
      else if (typeof v === 'number') row[c] = Number.isFinite(v) ? v : '';
      else if (typed[c] && v !== '') {
        const memo = seen[c];
        let text = memo?.get(v);
        if (text === undefined) {
          text = literalText(v);
          memo?.set(v, text);
        }
        row[c] = text;
      }
    }
    out[r + 1] = row as (string | number)[];
  }
  return out;
}

/**
 * Replaces the data sheet: deleted and recreated as the last tab, the table written in one call,
 * the header frozen, the sheet protected warning-only.
 */
export function writeReviewData(ss: Spreadsheet, data: ReviewData, lang: Lang): WrittenReviewData {
  const name = catalog(lang).reviewData.dataSheet;
  const values = dataValues(data);
  const height = values.length;
  const width = data.header.length;
  // Recreated at the end (asking its old position would cost a call): it is the machine's sheet.
  const old = ss.getSheetByName(name);
  if (old) ss.deleteSheet(old);
  const sheet: Sheet = ss.insertSheet(name);
  if (height > NEW_SHEET_ROWS) sheet.insertRowsAfter(NEW_SHEET_ROWS, height - NEW_SHEET_ROWS);
  if (width > NEW_SHEET_COLUMNS) sheet.insertColumnsAfter(NEW_SHEET_COLUMNS, width - NEW_SHEET_COLUMNS);
  const range = sheet.getRange(1, 1, height, width);
  range.setValues(values);
  sheet.setFrozenRows(1);
  sheet.protect().setWarningOnly(true);
  const header = data.header;
  return {
    sheet,
    range,
    columnOf: (h: string) => {
      const i = header.indexOf(h);
      if (i < 0) throw new Error(`review data has no column ${h}`);
      return i + 1;
    },
  };
}
