// Fidelity of the emulated Spreadsheet service, Spreadsheet and SpreadsheetApp: sheets, A1 lookups, zone and locale.
// Each case names the behaviour and the reference page (or guide) it follows, and asserts it on
// a fresh workbook.
import { createSpreadsheetApp } from '../../../../runtime/spreadsheet';
import { env } from '../helpers';
import { REF, runCases, type Case } from './cases';

const ms = (d: unknown) => (d as Date).getTime();

const cases: Case[] = [
  {
    name: 'getSpreadsheetLocale names the locale with an underscore (en_US, zh_CN), even when the runtime was given zh-CN',
    ref: REF + 'spreadsheet#getspreadsheetlocale',
    run: () => {
      expect(env({ locale: 'zh-CN' }).ss.getSpreadsheetLocale()).toBe('zh_CN');
      expect(env({ locale: 'en_US' }).ss.getSpreadsheetLocale()).toBe('en_US');
    },
  },
  {
    name: 'US locale: default date display M/d/yyyy and "5/1/2024" parses as May 1st',
    ref: REF + 'spreadsheet#getspreadsheetlocale',
    run: () => {
      const { sheet } = env({ locale: 'en_US', timeZone: 'America/New_York' });
      sheet.getRange('A1').setValue('5/1/2024');
      const v = sheet.getRange('A1').getValue();
      expect(ms(v)).toBe(Date.UTC(2024, 4, 1, 4)); // EDT midnight
      expect(sheet.getRange('A1').getDisplayValue()).toBe('5/1/2024');
    },
  },
  {
    name: 'changing the spreadsheet time zone keeps wall-clock date values',
    ref: REF + 'spreadsheet#setspreadsheettimezonetimezone',
    run: ({ ss, sheet }) => {
      sheet.getRange('A1').setValue('2024-05-01 09:15');
      ss.setSpreadsheetTimeZone('Europe/London');
      expect(sheet.getRange('A1').getDisplayValue()).toBe('2024-05-01 09:15');
      expect(ms(sheet.getRange('A1').getValue())).toBe(Date.UTC(2024, 4, 1, 8, 15)); // BST
    },
  },
  {
    name: 'sheet names are unique; insertSheet activates the new sheet',
    ref: REF + 'spreadsheet#insertsheetsheetname',
    run: ({ ss }) => {
      const s = ss.insertSheet('工单');
      expect(ss.getActiveSheet().getName()).toBe('工单');
      expect(() => ss.insertSheet('工单')).toThrow(
        'A sheet with the name "工单" already exists. Please enter another name.',
      );
      const t = ss.insertSheet('设置', 0);
      expect(() => t.setName('工单')).toThrow('already exists');
      expect(ss.getSheets().map((x) => x.getName())).toEqual(['设置', '工作表1', '工单']);
      expect(s.getIndex()).toBe(3);
      expect(ss.getSheetByName('nope')).toBeNull();
    },
  },
  {
    name: 'the last visible sheet cannot be deleted or hidden',
    ref: REF + 'spreadsheet#deletesheetsheet',
    run: ({ ss, sheet }) => {
      expect(() => ss.deleteSheet(sheet)).toThrow();
      expect(() => sheet.hideSheet()).toThrow();
      const s2 = ss.insertSheet('two');
      sheet.hideSheet();
      expect(sheet.isSheetHidden()).toBe(true);
      ss.deleteSheet(sheet);
      expect(ss.getSheets().map((x) => x.getName())).toEqual(['two']);
      expect(s2.getIndex()).toBe(1);
    },
  },
  {
    name: 'Spreadsheet.getRange("Sheet!A1:B2") and active sheet / range / selection',
    ref: REF + 'spreadsheet#getrangea1notation',
    run: ({ ss, app }) => {
      const s = ss.insertSheet('Data');
      s.getRange('B2').setValue('v');
      expect(ss.getRange("'Data'!B2").getValue()).toBe('v');
      ss.getRange('Data!A1:B2').activate();
      expect(app.getActiveRange().getA1Notation()).toBe('A1:B2');
      expect(app.getActiveSheet().getName()).toBe('Data');
      expect(ss.getSelection().getActiveRange()!.getA1Notation()).toBe('A1:B2');
      expect(app.getCurrentCell().getA1Notation()).toBe('A1');
    },
  },
  {
    name: 'spreadsheet time zone, locale, recalculation interval, toast',
    ref: REF + 'spreadsheet#setrecalculationintervalrecalculationinterval',
    run: ({ ss, app, toasts }) => {
      expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Shanghai');
      ss.setSpreadsheetTimeZone('Europe/London');
      expect(ss.getSpreadsheetTimeZone()).toBe('Europe/London');
      expect(() => ss.setSpreadsheetTimeZone('Mars/Olympus')).toThrow();
      ss.setRecalculationInterval(app.RecalculationInterval.MINUTE);
      expect(String(ss.getRecalculationInterval())).toBe('MINUTE');
      ss.toast('Saved', 'IT');
      expect(toasts).toEqual([['Saved', 'IT']]);
      expect(ss.getUrl()).toContain(ss.getId());
    },
  },
  {
    name: 'getUi delegates to the Ui service; flush is accepted; WrapStrategy enum',
    ref: REF + 'spreadsheet-app#getui',
    run: ({ app, sheet }) => {
      expect(typeof app.getUi().alert).toBe('function');
      app.flush();
      sheet.getRange('A1').setWrapStrategy(app.WrapStrategy.CLIP);
      expect(String(sheet.getRange('A1').getWrapStrategy())).toBe('CLIP');
      expect(sheet.getRange('A1').getWrap()).toBe(false);
    },
  },
  {
    name: 'removeNamedRange throws when no range has the name; setNamedRange takes letters, digits and underscores, not a cell reference',
    ref: REF + 'spreadsheet#removenamedrangename',
    run: ({ ss, sheet }) => {
      ss.setNamedRange('Tax_Rates2', sheet.getRange('A1:B2'));
      expect(ss.getRangeByName('Tax_Rates2')!.getA1Notation()).toBe('A1:B2');
      ss.removeNamedRange('Tax_Rates2');
      expect(ss.getRangeByName('Tax_Rates2')).toBeNull();
      expect(() => ss.removeNamedRange('Tax_Rates2')).toThrow('Invalid argument: name');
      for (const bad of ['A1', 'ab12', 'R1C1', 'r2c', 'true', '2nd', 'tax rates', 'tax.rates', 'x'.repeat(251)])
        expect(() => ss.setNamedRange(bad, sheet.getRange('A1'))).toThrow('Invalid argument: name');
      ss.setNamedRange('_x', sheet.getRange('A1'));
      ss.setNamedRange('ABCD1', sheet.getRange('A1'));
    },
  },
  {
    name: 'getViewers lists viewers and commenters only (editors are not viewers); addEditor(s) take addresses, all or nothing',
    ref: REF + 'spreadsheet#getviewers',
    run: ({ ss }) => {
      ss.addEditor('agent@example.com').addEditors(['lead@example.com']);
      expect(ss.getEditors().map((u) => u.getEmail())).toEqual(['owner@example.com', 'agent@example.com', 'lead@example.com']);
      expect(ss.getViewers()).toEqual([]);
      expect(() => ss.addEditor('not an address')).toThrow('Invalid email: not an address');
      expect(() => ss.addEditors(['x@example.com', 'a@b'])).toThrow('Invalid email: a@b');
      expect(ss.getEditors()).toHaveLength(3);
      ss.removeEditor('agent@example.com');
      expect(ss.getEditors().map((u) => u.getEmail())).toEqual(['owner@example.com', 'lead@example.com']);
      expect(ss.getOwner()!.getEmail()).toBe('owner@example.com');
    },
  },
  {
    name: "setSpreadsheetLocale takes a locale code ('en', 'fr', 'en_US') and refuses other text",
    ref: REF + 'spreadsheet#setspreadsheetlocalelocale',
    run: ({ ss }) => {
      ss.setSpreadsheetLocale('fr');
      expect(ss.getSpreadsheetLocale()).toBe('fr');
      ss.setSpreadsheetLocale('en_US');
      expect(ss.getSpreadsheetLocale()).toBe('en_US');
      expect(() => ss.setSpreadsheetLocale('English')).toThrow('Invalid argument: locale');
      expect(() => ss.setSpreadsheetLocale('')).toThrow('Invalid argument: locale');
      expect(ss.getSpreadsheetLocale()).toBe('en_US');
    },
  },
  {
    name: 'setCurrentCell: one cell only; inside the active range the range stays active with that cell current, elsewhere the cell becomes the active range',
    ref: REF + 'spreadsheet-app#setcurrentcellcell',
    run: ({ app, ss, sheet }) => {
      expect(() => app.setCurrentCell(sheet.getRange('A1:B2'))).toThrow('Range must consist of exactly one cell');
      app.setActiveRange(sheet.getRange('A1:D4'));
      app.setCurrentCell(sheet.getRange('B3'));
      expect([app.getActiveRange().getA1Notation(), app.getCurrentCell().getA1Notation()]).toEqual(['A1:D4', 'B3']);
      expect(ss.getSelection().getCurrentCell()!.getA1Notation()).toBe('B3');
      app.setCurrentCell(sheet.getRange('F9'));
      expect([app.getActiveRange().getA1Notation(), app.getCurrentCell().getA1Notation()]).toEqual(['F9', 'F9']);
      ss.setActiveRange(sheet.getRange('A1:D4'));
      expect(sheet.getActiveCell().getA1Notation()).toBe('A1');
    },
  },
  {
    name: 'active-sheet members of the spreadsheet act on the active sheet; rename and getName; getNumSheets; getFormUrl is null without a form',
    ref: REF + 'spreadsheet#getactivesheet',
    run: ({ ss }) => {
      const s = ss.insertSheet('Data');
      s.getRange('A1:C2').setValues([['a', 'b', 'c'], [1, 2, 3]]);
      ss.setFrozenRows(1);
      ss.setColumnWidth(2, 150);
      expect([ss.getSheetName(), ss.getSheetId(), ss.getLastRow(), ss.getLastColumn(), ss.getFrozenRows(), ss.getFrozenColumns()]).toEqual(['Data', s.getSheetId(), 2, 3, 1, 0]);
      expect([ss.getDataRange().getA1Notation(), ss.getColumnWidth(2), ss.getRowHeight(1)]).toEqual(['A1:C2', 150, 21]);
      expect(ss.getSheetValues(2, 1, 1, 3)).toEqual([[1, 2, 3]]);
      ss.renameActiveSheet('Data2');
      expect(s.getName()).toBe('Data2');
      expect(ss.getNumSheets()).toBe(2);
      ss.rename('Renamed');
      expect(ss.getName()).toBe('Renamed');
      expect(ss.getFormUrl()).toBeNull();
      expect(ss.deleteActiveSheet().getName()).toBe('工作表1');
      expect(ss.getNumSheets()).toBe(1);
    },
  },
  {
    name: 'without a container (an add-on web app) there is no active sheet, range, cell or selection: null',
    ref: REF + 'spreadsheet-app#getactivespreadsheet',
    run: ({ wb, ctx }) => {
      const app = createSpreadsheetApp(wb, ctx, () => ({}) as GoogleAppsScript.Base.Ui, () => undefined, () => false);
      expect([app.getActiveSpreadsheet(), app.getActive(), app.getActiveSheet(), app.getActiveRange(), app.getCurrentCell(), app.getSelection()]).toEqual([null, null, null, null, null, null]);
    },
  },
];

runCases('Spreadsheet and SpreadsheetApp', cases);
