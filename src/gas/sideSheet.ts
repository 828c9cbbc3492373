// The add-on's side sheets (audit log, knowledge base) repair themselves (issue 17): a creation
// that stopped after the sheet was made leaves it without its header row, and a row cleared or
// pasted over loses it too. Setup puts the header back without overwriting anything.
import type { Lang } from '../domain/schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Puts a side sheet's header back when its first row names none of its columns (in either
 * language): into the empty first row, else into a row inserted above what is there (an entry
 * written before the header existed stays). A first row naming any column is left alone (a team
 * may rename or reorder). Returns whether it wrote.
 */
export function repairHeader(sheet: Sheet, headers: { zh: readonly string[]; en: readonly string[] }, lang: Lang): boolean {
  const lastCol = sheet.getLastColumn();
  const first = lastCol ? sheet.getRange(1, 1, 1, lastCol).getValues()[0] : [];
  const names = new Set([...headers.zh, ...headers.en].map((h) => h.toLowerCase()));
  if (first.some((v) => names.has(String(v ?? '').trim().toLowerCase()))) return false;
  if (first.some((v) => String(v ?? '').trim())) sheet.insertRowBefore(1);
  sheet.getRange(1, 1, 1, headers[lang].length).setValues([[...headers[lang]]]);
  return true;
}
