// The emulated Spreadsheet service: public entry points of runtime/spreadsheet.
import type { RuntimeContext } from '../context';
import type { Svc } from './common';
import { rangeObj } from './range';
import { sheetObj } from './sheet';
import { spreadsheetAppObj } from './app';
import { spreadsheetObj } from './spreadsheet';
import { Workbook } from './workbook';

export { Workbook, SheetData } from './workbook';
export type { WorkbookJson, SheetJson, Rect } from './workbook';
export { handEdit, handSortTarget, type EditRefusal } from './edit';
export type { HandEditResult } from './edit';
export { renderSheet } from './render';
export type { RenderedSheet, RenderedCell } from './render';
export { exportXlsx, importXlsx } from './xlsx';
export { chartsEnums } from './chart';
export { setSlicerVisibleValues } from './pivot';
export type { RenderedPivot, RenderedSlicer } from './pivot';
export { measureLargeWorkbook } from './memory';

/**
 * SpreadsheetApp bound to one workbook (the "active spreadsheet" of a bound script or add-on).
 * `ui` supplies SpreadsheetApp.getUi(); `onToast` receives Spreadsheet.toast messages;
 * `hasContainer` false means no active spreadsheet (an add-on's web app has no container).
 */
export function createSpreadsheetApp(
  wb: Workbook,
  ctx: RuntimeContext,
  ui: () => GoogleAppsScript.Base.Ui,
  onToast: (msg: string, title: string) => void,
  hasContainer: () => boolean = () => true,
): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  // the first user to open the file is its owner (protections always let the owner edit)
  if (!wb.owner) wb.owner = ctx.user.effective;
  const svc: Svc = {
    wb,
    ctx,
    ui,
    onToast,
    hasContainer,
    range: (sheet, rect) => rangeObj(svc, sheet, rect),
    sheet: (sheet) => sheetObj(svc, sheet),
    spreadsheet: () => spreadsheetObj(svc),
  };
  return spreadsheetAppObj(svc);
}
