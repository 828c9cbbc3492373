// Fidelity of the emulated Spreadsheet service, Spreadsheet and SpreadsheetApp: sheets, A1 lookups, zone and locale.
// Each case names the behaviour and the reference page (or guide) it follows, and asserts it on
// a fresh workbook.
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
];

runCases('Spreadsheet and SpreadsheetApp', cases);
