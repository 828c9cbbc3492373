// The add-on's side sheets (audit log, knowledge base) repair themselves (issue 17): a creation
// that stopped after the sheet was made leaves it without its header row, and a row cleared or
// pasted over loses it too. Setup puts the header back without overwriting anything.
import type { Lang } from '../domain/schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Puts a side sheet's header back when its first row has lost it: the header stands while its key
 * column (the first: 时间 / 问题编号) or at least half of its names are there, in either language (a
 * team may rename or reorder some). Otherwise a first row holding nothing but header names is a
 * header partly cleared and is written over in place; a first row holding anything else is an entry
 * written before the header existed, and stays: the header goes into a row inserted above it.
 * Returns whether it wrote.
 */
export function repairHeader(sheet: Sheet, headers: { zh: readonly string[]; en: readonly string[] }, lang: Lang): boolean {
  const lastCol = sheet.getLastColumn();
  const first = lastCol ? sheet.getRange(1, 1, 1, lastCol).getValues()[0] : [];
  const norm = (v: unknown): string => String(v ?? '').trim().toLowerCase();
  const names = new Set([...headers.zh, ...headers.en].map(norm));
  const present = new Set(first.map(norm).filter((v) => names.has(v)));
  const key = [headers.zh[0], headers.en[0]].map(norm);
  if (key.some((k) => present.has(k)) || present.size * 2 >= headers.zh.length) return false;
  if (first.some((v) => norm(v) && !names.has(norm(v)))) sheet.insertRowBefore(1);
  sheet.getRange(1, 1, 1, headers[lang].length).setValues([[...headers[lang]]]);
  return true;
}
