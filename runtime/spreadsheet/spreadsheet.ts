// Spreadsheet: the file (its sheets, named ranges, editors, zone and locale) and the members that
// act on its active sheet. SpreadsheetApp, the service entry point, is in app.ts.
import { parseA1 } from './a1';
import { emailOf, exposeSelf, Exposable, GRange, GSheet, isEmailAddress, Svc, toInt, userObj, validRangeName } from './common';
import { guardEdit, ownerOf, protectionObj, wholeSheet } from './protection';
import { checkedRange, rangeObj } from './range';
import { checkSheetName, sheetObj } from './sheet';
import { newTextFinder } from './textFinder';
import { rangeToStored } from './validation';
import { fromWall, toWall } from '../zone';
import { SheetData, Workbook } from './workbook';

type SS = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Sheets stores dates as wall-clock serials: after a time-zone change a cell still shows
 * 09:15, which is a different instant. Stored instants are moved to keep the wall clock.
 */
function rezone(wb: Workbook, from: string, to: string): void {
  if (from === to) return;
  const move = (d: Date) => {
    const w = toWall(from, d.getTime());
    return new Date(fromWall(to, w.y, w.mo, w.d, w.h, w.mi, w.s, w.ms));
  };
  for (const sheet of wb.sheets) {
    for (const row of sheet.rows) {
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v instanceof Date) row[c] = move(v);
      }
    }
  }
}

/** RecalculationInterval values (reference/spreadsheet/recalculation-interval). */
export const RECALC = ['ON_CHANGE', 'MINUTE', 'HOUR'];

class SpreadsheetImpl
  implements
    Pick<
      SS,
      | 'addEditor'
      | 'addEditors'
      | 'createTextFinder'
      | 'deleteActiveSheet'
      | 'deleteSheet'
      | 'getActiveCell'
      | 'getActiveRange'
      | 'getActiveSheet'
      | 'getEditors'
      | 'getFormUrl'
      | 'getId'
      | 'getLastColumn'
      | 'getLastRow'
      | 'getName'
      | 'getNumSheets'
      | 'getOwner'
      | 'getProtections'
      | 'getRange'
      | 'getRangeByName'
      | 'getRecalculationInterval'
      | 'getSelection'
      | 'getSheetByName'
      | 'getSheetId'
      | 'getSheetName'
      | 'getSheets'
      | 'getSpreadsheetLocale'
      | 'getSpreadsheetTimeZone'
      | 'getUrl'
      | 'getViewers'
      | 'insertSheet'
      | 'moveActiveSheet'
      | 'removeEditor'
      | 'rename'
      | 'renameActiveSheet'
      | 'setActiveRange'
      | 'setActiveSelection'
      | 'setActiveSheet'
      | 'setNamedRange'
      | 'removeNamedRange'
      | 'setRecalculationInterval'
      | 'setSpreadsheetLocale'
      | 'setSpreadsheetTimeZone'
      | 'toast'
      | 'getSheetById'
      | 'setFrozenRows'
      | 'setColumnWidth'
    >,
    Exposable
{
  _self: unknown;
  constructor(private svc: Svc) {}
  private get wb() {
    return this.svc.wb;
  }
  private self(): SS {
    return this._self as SS;
  }
  private active(): SheetData {
    return this.wb.activeSheet();
  }

  getId(): string {
    return this.wb.id;
  }
  getName(): string {
    return this.wb.name;
  }
  rename(newName: string): void {
    this.wb.name = String(newName);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.wb.id}/edit`;
  }
  getFormUrl(): string | null {
    return null;
  }
  getOwner(): GoogleAppsScript.Base.User {
    return userObj(ownerOf(this.wb, this.svc), this.svc);
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    const owner = ownerOf(this.wb, this.svc);
    return [owner, ...this.wb.editors.filter((e) => e !== owner)]
      .filter(Boolean)
      .map((e) => userObj(e, this.svc));
  }
  // "Gets the list of viewers and commenters" (spreadsheet#getviewers); addEditor "promotes the
  // user out of the list of viewers", so editors are not viewers. The runtime shares the file
  // with editors only (addViewer is not provided): no viewers.
  getViewers(): GoogleAppsScript.Base.User[] {
    return [];
  }
  // "The email address of the user to add" (spreadsheet#addeditoremailaddress): text that is not
  // an address is refused, as MailApp refuses it (not documented: the stricter answer, wording *model*).
  addEditor(user: string | GoogleAppsScript.Base.User): SS {
    const e = emailOf(user);
    if (!isEmailAddress(e)) throw new Error(`Invalid email: ${e}`);
    if (!this.wb.editors.includes(e)) this.wb.editors.push(e);
    return this.self();
  }
  /** All or nothing: one address that is not one refuses the whole list. */
  addEditors(emails: string[]): SS {
    if (!Array.isArray(emails)) throw new Error('Invalid argument: emailAddresses');
    for (const e of emails) if (!isEmailAddress(emailOf(e))) throw new Error(`Invalid email: ${emailOf(e)}`);
    emails.forEach((e) => this.addEditor(e));
    return this.self();
  }
  removeEditor(user: string | GoogleAppsScript.Base.User): SS {
    const e = emailOf(user);
    this.wb.editors = this.wb.editors.filter((x) => x !== e);
    return this.self();
  }

  getSpreadsheetTimeZone(): string {
    return this.wb.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    let known = true;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    } catch (e) {
      // Intl refuses a zone it does not know with a RangeError; Google, with the message below.
      if (!(e instanceof RangeError)) throw e;
      known = false;
    }
    if (!known) throw new Error(`Invalid argument: timezone`);
    rezone(this.wb, this.wb.timeZone, timezone);
    this.wb.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    // Sheets names a locale "a combination of the ISO language code and country code, such as en_US"
    // (Sheets API SpreadsheetProperties.locale): never the BCP 47 hyphen the runtime may be given.
    return this.wb.locale.replace('-', '_');
  }
  // "The locale code to use (for example, 'en', 'fr', or 'en_US')" (spreadsheet#setspreadsheetlocalelocale):
  // a language code, optionally with a region; other text is refused (not checked against
  // Google's list of locales: *model*).
  setSpreadsheetLocale(locale: string): void {
    const l = String(locale);
    if (!/^[a-z]{2,3}([_-]([A-Z]{2}|[0-9]{3}))?$/.test(l)) throw new Error('Invalid argument: locale');
    this.wb.locale = l;
  }
  getRecalculationInterval(): GoogleAppsScript.Spreadsheet.RecalculationInterval {
    return this.wb.recalculationInterval as unknown as GoogleAppsScript.Spreadsheet.RecalculationInterval;
  }
  setRecalculationInterval(interval: GoogleAppsScript.Spreadsheet.RecalculationInterval): SS {
    const s = String(interval);
    if (!RECALC.includes(s)) throw new Error('Invalid argument: recalculationInterval');
    this.wb.recalculationInterval = s;
    return this.self();
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    void timeoutSeconds;
    this.svc.onToast(String(msg), title === undefined ? '' : String(title));
  }

  // ------------------------------------------------------------ sheets

  getSheets(): GSheet[] {
    return this.wb.sheets.map((s) => sheetObj(this.svc, s));
  }
  getNumSheets(): number {
    return this.wb.sheets.length;
  }
  getSheetByName(name: string): GSheet | null {
    const s = this.wb.sheetByName(String(name));
    return s ? sheetObj(this.svc, s) : null;
  }
  getSheetById(id: number): GSheet | null {
    const s = this.wb.sheetById(toInt(id));
    return s ? sheetObj(this.svc, s) : null;
  }
  getSheetId(): number {
    return this.active().id;
  }
  getSheetName(): string {
    return this.active().name;
  }
  /** insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index): the new sheet becomes active. */
  insertSheet(a?: unknown, b?: unknown): GSheet {
    const wb = this.wb;
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (b !== undefined && typeof b !== 'object') index = toInt(b);
    } else if (typeof a === 'number') index = toInt(a);
    if (name === undefined) {
      let k = wb.sheets.length + 1;
      while (wb.sheets.some((s) => s.name.toLowerCase() === wb.defaultSheetName(k).toLowerCase())) k++;
      name = wb.defaultSheetName(k);
    }
    name = checkSheetName(this.svc, name);
    const at = index === undefined ? wb.sheets.length : index;
    if (at < 0 || at > wb.sheets.length) throw new Error('Invalid argument: sheetIndex');
    const s = new SheetData(wb.newId(), name);
    wb.sheets.splice(at, 0, s);
    wb.activeSheetId = s.id;
    return sheetObj(this.svc, s);
  }
  deleteSheet(sheet: GSheet): void {
    const id = sheet.getSheetId();
    const s = this.wb.sheetById(id);
    if (!s) throw new Error('Sheet not found');
    if (this.wb.sheets.filter((x) => !x.hidden && x !== s).length === 0) {
      throw new Error('Sorry, it is not possible to delete all non-hidden sheets.');
    }
    guardEdit(this.svc, s, wholeSheet(s)); // it deletes every cell: refused where a protection keeps the user out of any
    this.wb.sheets = this.wb.sheets.filter((x) => x !== s);
    this.wb.protections = this.wb.protections.filter((p) => p.sheetId !== id);
    if (this.wb.activeSheetId === id)
      this.wb.activeSheetId = (this.wb.sheets.find((x) => !x.hidden) ?? this.wb.sheets[0]).id;
  }
  deleteActiveSheet(): GSheet {
    const s = this.active();
    this.deleteSheet(sheetObj(this.svc, s));
    return sheetObj(this.svc, this.active());
  }
  getActiveSheet(): GSheet {
    return sheetObj(this.svc, this.active());
  }
  setActiveSheet(sheet: GSheet, restoreSelection?: boolean): GSheet {
    void restoreSelection;
    return sheet.activate();
  }
  renameActiveSheet(newName: string): void {
    this.getActiveSheet().setName(newName);
  }
  moveActiveSheet(pos: number): void {
    const p = toInt(pos);
    if (p < 1 || p > this.wb.sheets.length) throw new Error('Invalid argument: pos');
    const s = this.active();
    this.wb.sheets = this.wb.sheets.filter((x) => x !== s);
    this.wb.sheets.splice(p - 1, 0, s);
  }

  // ------------------------------------------------------------ ranges & selection

  /** 'Sheet!A1:B2' or 'A1' (active sheet). */
  getRange(a1Notation: string): GRange {
    const ref = parseA1(String(a1Notation));
    if (!ref) throw new Error('Range not found');
    const s = ref.sheet === undefined ? this.active() : this.wb.sheetByName(ref.sheet);
    if (!s) throw new Error('Range not found');
    const endRow = ref.endRow ?? s.maxRows;
    const endCol = ref.endCol ?? s.maxCols;
    return checkedRange(this.svc, s, ref.row, ref.col, endRow - ref.row + 1, endCol - ref.col + 1, {
      rows: ref.endRow === undefined,
      cols: ref.endCol === undefined,
      startCol: ref.startColNamed,
    });
  }
  getRangeByName(name: string): GRange | null {
    const nr = this.wb.namedRanges[name];
    const s = nr && this.wb.sheetById(nr.sheetId);
    return s ? rangeObj(this.svc, s, nr.rect) : null;
  }
  /** "Names a range" (spreadsheet#setnamedrangename,-range); which names Sheets takes is the runtime's model, see NAMED_RANGE. */
  setNamedRange(name: string, range: GRange): void {
    const n = String(name);
    if (!validRangeName(n)) throw new Error('Invalid argument: name');
    this.wb.namedRanges[n] = rangeToStored(range);
  }
  /** "Throws an exception if no range with the given name is found in the spreadsheet" (spreadsheet#removenamedrangename). */
  removeNamedRange(name: string): void {
    const n = String(name);
    if (!(n in this.wb.namedRanges)) throw new Error(`Invalid argument: name (no named range ${n})`);
    delete this.wb.namedRanges[n];
  }
  getActiveRange(): GRange | null {
    return this.getActiveSheet().getActiveRange();
  }
  getActiveCell(): GRange {
    return this.getActiveSheet().getActiveCell();
  }
  setActiveRange(range: GRange): GRange {
    return range.activate();
  }
  setActiveSelection(range: GRange | string): GRange {
    return (typeof range === 'string' ? this.getRange(range) : range).activate();
  }
  getSelection(): GoogleAppsScript.Spreadsheet.Selection {
    const sel = {
      _self: undefined as unknown,
      getActiveRange: () => this.getActiveRange(),
      getActiveSheet: () => this.getActiveSheet(),
      getCurrentCell: () => this.getActiveCell(),
      // selection#getactiverangelist: "null if there are no active ranges. If there is a single range
      // selected, this behaves as a getActiveRange() call" (the runtime selects one range at a time)
      getActiveRangeList: () => {
        const r = this.getActiveRange();
        return r ? this.getActiveSheet().getRangeList([r.getA1Notation()]) : null;
      },
    };
    return exposeSelf(sel, 'Selection', this.svc) as unknown as GoogleAppsScript.Spreadsheet.Selection;
  }
  getLastRow(): number {
    return this.active().lastRow();
  }
  getLastColumn(): number {
    return this.active().lastCol();
  }
  setFrozenRows(rows: number): void {
    this.getActiveSheet().setFrozenRows(rows);
  }
  setColumnWidth(columnPosition: number, width: number): GSheet {
    return this.getActiveSheet().setColumnWidth(columnPosition, width);
  }
  // The active sheet's answers (reference/spreadsheet/spreadsheet: "…of the active sheet").
  getDataRange(): GRange {
    return this.getActiveSheet().getDataRange();
  }
  getFrozenRows(): number {
    return this.getActiveSheet().getFrozenRows();
  }
  getFrozenColumns(): number {
    return this.getActiveSheet().getFrozenColumns();
  }
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    return this.getActiveSheet().getSheetValues(startRow, startColumn, numRows, numColumns);
  }
  getColumnWidth(columnPosition: number): number {
    return this.getActiveSheet().getColumnWidth(columnPosition);
  }
  getRowHeight(rowPosition: number): number {
    return this.getActiveSheet().getRowHeight(rowPosition);
  }
  getCurrentCell(): GRange {
    return this.getActiveCell();
  }
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return newTextFinder(
      this.svc,
      this.wb.sheets.map((s) => ({
        sheet: s,
        rect: { row: 1, col: 1, numRows: s.maxRows, numCols: s.maxCols },
      })),
      findText,
    );
  }

  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    const t = String(type);
    if (t !== 'RANGE' && t !== 'SHEET') throw new Error('Invalid argument: type');
    // in sheet order, as Sheets lists them
    const order = new Map(this.wb.sheets.map((s, i) => [s.id, i]));
    return this.wb.protections
      .filter((p) => p.type === t)
      .sort((a, b) => (order.get(a.sheetId) ?? 0) - (order.get(b.sheetId) ?? 0))
      .map((p) => protectionObj(p, this.svc));
  }
}

export function spreadsheetObj(svc: Svc): SS {
  return exposeSelf(new SpreadsheetImpl(svc), 'Spreadsheet', svc) as unknown as SS;
}
