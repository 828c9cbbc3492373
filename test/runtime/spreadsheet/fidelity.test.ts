// Fidelity of the emulated Spreadsheet service: each row names a behaviour, the Apps Script
// reference page (or guide) it follows, and asserts it on a fresh workbook.
import { isDate } from '../../../runtime/context';
import { NotProvidedError } from '../../../runtime/instrument';
import { handEdit, renderSheet } from '../../../runtime/spreadsheet';
import { env, Env, NOW, sh } from './helpers';

const REF = 'developers.google.com/apps-script/reference/spreadsheet/';
interface Case {
  name: string;
  ref: string;
  run: (e: Env) => void;
}

const ms = (d: unknown) => (d as Date).getTime();

const cases: Case[] = [
  // ------------------------------------------------------------ write semantics
  {
    name: 'a string starting with = stores a formula; getValue returns its result',
    ref: REF + 'range#setvaluevalue',
    run: ({ sheet }) => {
      const r = sheet.getRange('A1');
      r.setValue('=1+2*3');
      expect(r.getFormula()).toBe('=1+2*3');
      expect(r.getValue()).toBe(7);
    },
  },
  {
    name: 'a leading apostrophe stores the rest as text, read back without it',
    ref: REF + 'range#setvaluevalue',
    run: ({ sheet }) => {
      const r = sheet.getRange('A1:C1');
      r.setValues([["'=IMPORTDATA(1)", "'0012", "'TRUE"]]);
      expect(r.getValues()).toEqual([['=IMPORTDATA(1)', '0012', 'TRUE']]);
      expect(r.getFormulas()).toEqual([['', '', '']]);
      expect(r.getDisplayValues()).toEqual([['=IMPORTDATA(1)', '0012', 'TRUE']]);
    },
  },
  {
    name: 'number-like strings become numbers (plain, grouped, percent)',
    ref: REF + 'range#setvaluesvalues',
    run: ({ sheet }) => {
      const r = sheet.getRange('A1:D1');
      r.setValues([['12', '1,234.5', '3.5%', '-0.25']]);
      expect(r.getValues()).toEqual([[12, 1234.5, 0.035, -0.25]]);
      expect(r.getNumberFormats()[0][2]).toBe('0.00%');
    },
  },
  {
    name: 'date/time-like strings become Dates in the spreadsheet time zone',
    ref: REF + 'range#getvalues',
    run: ({ sheet }) => {
      const r = sheet.getRange('A1:C1');
      r.setValues([['2024-05-01', '2024-05-01 09:15', '2024/5/1 9:15']]);
      const [[a, b, c]] = r.getValues();
      expect(isDate(a) && isDate(b) && isDate(c)).toBe(true);
      expect(ms(a)).toBe(sh(2024, 5, 1));
      expect(ms(b)).toBe(sh(2024, 5, 1, 9, 15));
      expect(ms(c)).toBe(sh(2024, 5, 1, 9, 15));
      expect(r.getDisplayValues()[0].slice(0, 2)).toEqual(['2024-05-01', '2024-05-01 09:15']);
    },
  },
  {
    name: '"TRUE"/"FALSE" strings become booleans',
    ref: REF + 'range#setvaluesvalues',
    run: ({ sheet }) => {
      sheet.getRange('A1:B1').setValues([['TRUE', 'false']]);
      expect(sheet.getRange('A1:B1').getValues()).toEqual([[true, false]]);
    },
  },
  {
    name: "a range formatted as plain text ('@') stores strings as typed",
    ref: REF + 'range#setnumberformatnumberformat',
    run: ({ sheet }) => {
      const r = sheet.getRange('A1:D1');
      r.setNumberFormat('@');
      r.setValues([['0012', '2024-05-01', '=1+1', 'TRUE']]);
      expect(r.getValues()).toEqual([['0012', '2024-05-01', '=1+1', 'TRUE']]);
      expect(r.getFormulas()).toEqual([['', '', '', '']]);
      expect(r.getNumberFormat()).toBe('@');
    },
  },
  {
    name: 'numbers, booleans and Dates written as such are stored as such',
    ref: REF + 'range#setvaluesvalues',
    run: ({ sheet, BundleDate }) => {
      const d = new BundleDate(sh(2024, 5, 2, 13, 5));
      sheet.getRange('A1:C1').setValues([[42, false, d]]);
      const [[n, b, got]] = sheet.getRange('A1:C1').getValues();
      expect(n).toBe(42);
      expect(b).toBe(false);
      expect(got).toBeInstanceOf(BundleDate); // a Date of the bundle's realm
      expect(ms(got)).toBe(ms(d));
      expect(got).not.toBe(d);
    },
  },
  {
    name: 'empty cells read as empty strings; null clears',
    ref: REF + 'range#getvalues',
    run: ({ sheet }) => {
      sheet.getRange('A1').setValue('x');
      sheet.getRange('A1').setValue(null);
      expect(sheet.getRange('A1:B2').getValues()).toEqual([
        ['', ''],
        ['', ''],
      ]);
    },
  },
  {
    name: 'Dates display with the default format, or the cell format, in the spreadsheet zone',
    ref: REF + 'range#getdisplayvalue',
    run: ({ sheet, BundleDate }) => {
      sheet
        .getRange('A1:C1')
        .setValues([
          [
            new BundleDate(sh(2024, 5, 1, 9, 15, 7)),
            new BundleDate(sh(2024, 5, 1)),
            new BundleDate(sh(2024, 5, 1, 9, 15)),
          ],
        ]);
      sheet.getRange('C1').setNumberFormat('yyyy-mm-dd hh:mm');
      expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([
        ['2024-05-01 09:15:07', '2024-05-01', '2024-05-01 09:15'],
      ]);
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
    name: 'a cell value over 50,000 characters throws; nothing is written',
    ref: 'developers.google.com/apps-script/guides/services/quotas',
    run: ({ sheet }) => {
      const r = sheet.getRange('A1:B1');
      expect(() => r.setValues([['ok', 'x'.repeat(50001)]])).toThrow(
        'Your input contains more than the maximum of 50000 characters in a single cell.',
      );
      expect(r.getValues()).toEqual([['', '']]);
      sheet.getRange('A1').setValue('x'.repeat(50000));
      expect(sheet.getRange('A1').getValue()).toHaveLength(50000);
    },
  },
  {
    name: "setValues with the wrong number of rows / columns throws Google's message",
    ref: REF + 'range#setvaluesvalues',
    run: ({ sheet }) => {
      expect(() => sheet.getRange('A1:B2').setValues([[1, 2]])).toThrow(
        'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
      );
      expect(() => sheet.getRange('A1:B1').setValues([[1, 2, 3]])).toThrow(
        'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
      );
    },
  },
  {
    name: 'setValue on a multi-cell range sets every cell',
    ref: REF + 'range#setvaluevalue',
    run: ({ sheet }) => {
      sheet.getRange('A1:B2').setValue(5);
      expect(sheet.getRange('A1:B2').getValues()).toEqual([
        [5, 5],
        [5, 5],
      ]);
    },
  },
  {
    name: 'setFormula over a range moves relative references per cell',
    ref: REF + 'range#setformulaformula',
    run: ({ sheet }) => {
      sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
      sheet.getRange('B1:B3').setFormula('=A1*$A$1*10');
      expect(sheet.getRange('B1:B3').getFormulas()).toEqual([
        ['=A1*$A$1*10'],
        ['=A2*$A$1*10'],
        ['=A3*$A$1*10'],
      ]);
      expect(sheet.getRange('B1:B3').getValues()).toEqual([[10], [20], [30]]);
    },
  },
  {
    name: 'formula cells compute: HYPERLINK gives its label, unknown functions #NAME?, NOW() a Date',
    ref: REF + 'range#getvalue',
    run: ({ sheet }) => {
      sheet
        .getRange('A1:D1')
        .setFormulas([
          ['=HYPERLINK("https://x", "IT001")', '=FOOBAR(1)', '=NOW()', '=LEN("abc")&"-"&LEFT("xyz",2)'],
        ]);
      const [[a, b, c, d]] = sheet.getRange('A1:D1').getValues();
      expect(a).toBe('IT001');
      expect(b).toBe('#NAME?');
      expect(ms(c)).toBe(NOW);
      expect(d).toBe('3-xy');
    },
  },
  {
    name: 'formulas reference other sheets by quoted name',
    ref: REF + 'range#getvalue',
    run: ({ ss, sheet }) => {
      const other = ss.insertSheet('Other sheet');
      other.getRange('B2').setValue(41);
      sheet.getRange('A1').setFormula("='Other sheet'!B2+1");
      expect(sheet.getRange('A1').getValue()).toBe(42);
    },
  },
  {
    name: 'the number format decides the type read back: number in a date format → Date, Date in a number format → serial',
    ref: REF + 'range#getvalue',
    run: ({ sheet, BundleDate }) => {
      sheet.getRange('A1').setNumberFormat('yyyy-mm-dd').setValue(45413);
      sheet
        .getRange('B1')
        .setNumberFormat('0.00')
        .setValue(new BundleDate(sh(2024, 5, 1, 12)));
      const [[a, b]] = sheet.getRange('A1:B1').getValues();
      expect(ms(a)).toBe(sh(2024, 5, 1));
      expect(b).toBe(45413.5);
      expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['2024-05-01', '45413.50']]);
      expect(ms(sheet.getRange('A1').getValue())).toBe(sh(2024, 5, 1));
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
  // ------------------------------------------------------------ getRange / grid
  {
    name: 'getRange argument checks: row/col ≥ 1, numRows ≥ 1, inside the grid',
    ref: REF + 'sheet#getrangerow,-column,-numrows,-numcolumns',
    run: ({ sheet }) => {
      expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
      expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
      expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
      expect(() => sheet.getRange(1, 1, 1, 0)).toThrow(
        'The number of columns in the range must be at least 1.',
      );
      expect(() => sheet.getRange(1001, 1)).toThrow(
        'The coordinates of the range are outside the dimensions of the sheet.',
      );
      expect(() => sheet.getRange('nonsense!!')).toThrow('Range not found');
      expect(sheet.getRange(2, 3, 4, 5).getA1Notation()).toBe('C2:G5');
    },
  },
  {
    name: 'a new sheet is 1000 rows × 26 columns; insertRowsAfter and appendRow grow it',
    ref: REF + 'sheet#appendrowrowcontents',
    run: ({ ss }) => {
      const s = ss.insertSheet('Grid');
      expect([s.getMaxRows(), s.getMaxColumns()]).toEqual([1000, 26]);
      s.insertRowsAfter(1000, 5);
      expect(s.getMaxRows()).toBe(1005);
      s.getRange(1005, 1).setValue('last');
      s.appendRow(['appended']);
      expect(s.getMaxRows()).toBe(1006);
      expect(s.getRange(1006, 1).getValue()).toBe('appended');
    },
  },
  {
    name: 'getLastRow/getLastColumn count content only, not formats',
    ref: REF + 'sheet#getlastrow',
    run: ({ sheet }) => {
      sheet.getRange('A1:Z500').setBackground('#ff0000');
      sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
      sheet.getRange('B7').setValue('x');
      expect(sheet.getLastRow()).toBe(7);
      expect(sheet.getLastColumn()).toBe(3);
      expect(sheet.getDataRange().getA1Notation()).toBe('A1:C7');
    },
  },
  {
    name: 'appendRow writes after the last row with content and parses strings',
    ref: REF + 'sheet#appendrowrowcontents',
    run: ({ sheet }) => {
      sheet.appendRow(['h1', 'h2']);
      sheet.appendRow(['IT001', '12']);
      expect(sheet.getRange('A1:B2').getValues()).toEqual([
        ['h1', 'h2'],
        ['IT001', 12],
      ]);
    },
  },
  {
    name: 'insert/delete rows shift values, formats, formulas and rule ranges',
    ref: REF + 'sheet#insertrowsbeforebeforeposition,-howmany',
    run: ({ sheet, app }) => {
      sheet.getRange('A1:A3').setValues([['h'], ['x'], ['y']]);
      sheet.getRange('A3').setBackground('#00ff00');
      sheet.getRange('B1').setFormula('=A3');
      const rule = app
        .newConditionalFormatRule()
        .whenCellNotEmpty()
        .setBackground('#ff0000')
        .setRanges([sheet.getRange('A2:A10')])
        .build();
      sheet.setConditionalFormatRules([rule]);
      sheet.insertRowsBefore(2, 2);
      expect(sheet.getRange('A5').getValue()).toBe('y');
      expect(sheet.getRange('A5').getBackground()).toBe('#00ff00');
      expect(sheet.getRange('B1').getFormula()).toBe('=A5');
      expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('A4:A12');
      sheet.deleteRow(4);
      expect(sheet.getRange('A4').getValue()).toBe('y');
      expect(sheet.getRange('B1').getFormula()).toBe('=A4');
      expect(sheet.getMaxRows()).toBe(1001);
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
    name: 'frozen rows and column widths',
    ref: REF + 'sheet#setfrozenrowsrows',
    run: ({ sheet }) => {
      sheet.setFrozenRows(1);
      sheet.setColumnWidth(2, 180);
      sheet.setColumnWidths(3, 2, 60);
      expect([
        sheet.getFrozenRows(),
        sheet.getColumnWidth(1),
        sheet.getColumnWidth(2),
        sheet.getColumnWidth(4),
      ]).toEqual([1, 100, 180, 60]);
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
  // ------------------------------------------------------------ formats
  {
    name: 'backgrounds, font weight/colour, wrap, alignment, notes; setters chain and return the range',
    ref: REF + 'range#setbackgroundscolor',
    run: ({ sheet }) => {
      const r = sheet.getRange('A1:B1');
      const same = r
        .setBackground('red')
        .setFontWeight('bold')
        .setFontColor('#00F')
        .setWrap(true)
        .setHorizontalAlignment('center')
        .setNote('n');
      expect(same.getA1Notation()).toBe('A1:B1');
      expect(r.getBackgrounds()).toEqual([['#ff0000', '#ff0000']]);
      expect(r.getFontWeights()).toEqual([['bold', 'bold']]);
      expect(r.getFontColor()).toBe('#0000ff');
      expect(r.getWrap()).toBe(true);
      expect(r.getHorizontalAlignment()).toBe('center');
      expect(r.getNotes()).toEqual([['n', 'n']]);
      r.setBackgrounds([['#ffffff', null]]);
      expect(r.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
      expect(sheet.getRange('C1').getBackground()).toBe('#ffffff');
      expect(sheet.getRange('C1').getNumberFormat()).toBe('0.###############');
    },
  },
  {
    name: 'clearContent keeps formats and validation; clear() removes formats too',
    ref: REF + 'range#clearcontent',
    run: ({ sheet, app }) => {
      const r = sheet.getRange('A1');
      r.setValue('x')
        .setBackground('#ff0000')
        .setDataValidation(app.newDataValidation().requireValueInList(['x']).build());
      r.clearContent();
      expect([r.getValue(), r.getBackground(), r.getDataValidation() !== null]).toEqual([
        '',
        '#ff0000',
        true,
      ]);
      r.setValue('y');
      r.clear();
      expect([r.getValue(), r.getBackground(), r.getDataValidation() !== null]).toEqual([
        '',
        '#ffffff',
        true,
      ]);
    },
  },
  {
    name: 'offset, getCell, isBlank, getSheet',
    ref: REF + 'range#offsetrowoffset,-columnoffset,-numrows,-numcolumns',
    run: ({ sheet }) => {
      const r = sheet.getRange('B2:C3');
      expect(r.offset(1, 1).getA1Notation()).toBe('C3:D4');
      expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
      expect(r.getCell(2, 2).getA1Notation()).toBe('C3');
      expect(() => r.getCell(3, 1)).toThrow();
      expect(r.isBlank()).toBe(true);
      r.getCell(1, 1).setValue(0);
      expect(r.isBlank()).toBe(false);
      expect(r.getSheet().getName()).toBe(sheet.getName());
    },
  },
  // ------------------------------------------------------------ data validation
  {
    name: 'validation builder: list with dropdown, allowInvalid defaults to true, help text',
    ref: REF + 'data-validation-builder#setallowinvalidallowinvaliddata',
    run: ({ app, sheet }) => {
      const b = app.newDataValidation().requireValueInList(['高', '中', '低'], true);
      expect(b.getAllowInvalid()).toBe(true);
      const rule = b.setAllowInvalid(false).setHelpText('选择 高/中/低').build();
      expect(String(rule.getCriteriaType())).toBe('VALUE_IN_LIST');
      expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
      expect(rule.getCriteriaValues()).toEqual([['高', '中', '低'], true]);
      expect([rule.getAllowInvalid(), rule.getHelpText()]).toEqual([false, '选择 高/中/低']);
      sheet.getRange('E2:E5').setDataValidation(rule);
      const per = sheet.getRange('E1:E3').getDataValidations();
      expect(per[0][0]).toBeNull();
      expect(per[1][0]!.getHelpText()).toBe('选择 高/中/低');
      expect(rule.copy().setAllowInvalid(true).build().getAllowInvalid()).toBe(true);
      sheet.getRange('E2:E3').clearDataValidations();
      expect(sheet.getRange('E2').getDataValidation()).toBeNull();
      expect(sheet.getRange('E4').getDataValidation()).not.toBeNull();
    },
  },
  {
    name: 'a rule without help text answers null for it ("or null if no help text is set")',
    ref: REF + 'data-validation#gethelptext',
    run: ({ app, sheet }) => {
      const rule = app.newDataValidation().requireValueInList(['a', 'b'], true).setAllowInvalid(false).build();
      expect(rule.getHelpText()).toBeNull();
      sheet.getRange('A1').setDataValidation(rule);
      expect(sheet.getRange('A1').getDataValidation()!.getHelpText()).toBeNull();
    },
  },
  {
    name: 'script writes bypass validation: an off-list value is stored',
    ref: 'developers.google.com/apps-script/reference/spreadsheet/data-validation-builder',
    run: ({ app, sheet }) => {
      sheet
        .getRange('A1')
        .setDataValidation(
          app.newDataValidation().requireValueInList(['a', 'b']).setAllowInvalid(false).build(),
        );
      sheet.getRange('A1').setValue('zzz');
      expect(sheet.getRange('A1').getValue()).toBe('zzz');
    },
  },
  {
    name: 'hand edits: rejected with the help text when allowInvalid=false; kept and marked when true',
    ref: REF + 'data-validation#getallowinvalid',
    run: ({ app, sheet, wb, ctx }) => {
      const name = sheet.getName();
      sheet
        .getRange('A2')
        .setDataValidation(
          app
            .newDataValidation()
            .requireValueInList(['高', '中'])
            .setAllowInvalid(false)
            .setHelpText('只能选 高/中')
            .build(),
        );
      sheet.getRange('B2').setDataValidation(app.newDataValidation().requireValueInList(['x']).build());
      expect(handEdit(wb, ctx, `${name}!A2`, '急')).toEqual({ ok: false, reason: '只能选 高/中' });
      expect(sheet.getRange('A2').getValue()).toBe('');
      const ok = handEdit(wb, ctx, `${name}!A2`, '高');
      expect(ok).toEqual({
        ok: true,
        sheetName: name,
        a1: 'A2',
        value: '高',
        oldValue: undefined,
        multi: false,
      });
      const warned = handEdit(wb, ctx, `${name}!B2`, 'y');
      expect(warned.ok).toBe(true);
      expect(renderSheet(wb, name, NOW).rows[1][1].invalid).toBe(true);
    },
  },
  {
    name: 'hand edits parse typed text; e.value/e.oldValue are strings, absent for multi-cell edits',
    ref: 'developers.google.com/apps-script/guides/triggers/events#edit',
    run: ({ sheet, wb, ctx }) => {
      const name = sheet.getName();
      sheet.getRange('A1').setValue('old');
      const r = handEdit(wb, ctx, `${name}!A1`, '12');
      expect(r).toMatchObject({ ok: true, value: '12', oldValue: 'old', multi: false });
      expect(sheet.getRange('A1').getValue()).toBe(12);
      const m = handEdit(wb, ctx, `${name}!A2:B2`, [['1', '2024-05-01']]);
      expect(m).toEqual({ ok: true, sheetName: name, a1: 'A2:B2', multi: true });
      expect(isDate(sheet.getRange('B2').getValue())).toBe(true);
    },
  },
  {
    name: 'requireValueInRange: the dropdown lists the range; hand edits outside it are refused',
    ref: REF + 'data-validation-builder#requirevalueinrangerange,-showdropdown',
    run: ({ app, ss, sheet, wb, ctx }) => {
      const settings = ss.insertSheet('设置');
      settings.getRange('A1:A3').setValues([['张三'], ['李四'], ['']]);
      const rule = app
        .newDataValidation()
        .requireValueInRange(settings.getRange('A1:A3'), true)
        .setAllowInvalid(false)
        .build();
      expect((rule.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toBe(
        'A1:A3',
      );
      sheet.getRange('C2').setDataValidation(rule);
      expect(renderSheet(wb, sheet.getName(), NOW).rows[0]).toBeDefined();
      expect(handEdit(wb, ctx, `${sheet.getName()}!C2`, '王五').ok).toBe(false);
      expect(handEdit(wb, ctx, `${sheet.getName()}!C2`, '李四').ok).toBe(true);
      expect(renderSheet(wb, sheet.getName(), NOW).rows[1][2].list).toEqual(['张三', '李四']);
    },
  },
  {
    name: 'date criteria values come back as Dates of the bundle realm',
    ref: REF + 'data-validation#getcriteriavalues',
    run: ({ app, BundleDate }) => {
      const rule = app
        .newDataValidation()
        .requireDateAfter(new BundleDate(sh(2024, 1, 1)))
        .build();
      const [d] = rule.getCriteriaValues();
      expect(d).toBeInstanceOf(BundleDate);
      expect(ms(d)).toBe(sh(2024, 1, 1));
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
  // ------------------------------------------------------------ conditional formats
  {
    name: 'setConditionalFormatRules replaces ALL rules of the sheet',
    ref: REF + 'sheet#setconditionalformatrulesrules',
    run: ({ app, sheet }) => {
      const mk = (t: string) =>
        app
          .newConditionalFormatRule()
          .whenTextEqualTo(t)
          .setBackground('#ff0000')
          .setRanges([sheet.getRange('A1:A9')])
          .build();
      sheet.setConditionalFormatRules([mk('a'), mk('b')]);
      sheet.setConditionalFormatRules([mk('c')]);
      const rules = sheet.getConditionalFormatRules();
      expect(rules).toHaveLength(1);
      expect(rules[0].getBooleanCondition()!.getCriteriaValues()).toEqual(['c']);
      // the documented way to add one: read, append, write back
      sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), mk('d')]);
      expect(sheet.getConditionalFormatRules()).toHaveLength(2);
    },
  },
  {
    name: 'conditional-format rule getters: ranges, criteria, background',
    ref: REF + 'conditional-format-rule#getbooleancondition',
    run: ({ app, sheet }) => {
      const rule = app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=$A2="x"')
        .setBackground('#FFCCCC')
        .setBold(true)
        .setRanges([sheet.getRange('A2:D100')])
        .build();
      const c = rule.getBooleanCondition()!;
      expect(c.getCriteriaType()).toBe(app.BooleanCriteria.CUSTOM_FORMULA);
      expect([c.getCriteriaValues(), c.getBackground(), c.getBold(), c.getFontColor()]).toEqual([
        ['=$A2="x"'],
        '#ffcccc',
        true,
        null,
      ]);
      expect(rule.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:D100']);
      expect(rule.copy().setBackground(null).build().getBooleanCondition()!.getBackground()).toBeNull();
    },
  },
  {
    name: 'custom-formula rules evaluate relative to the rule range, with NOW() at the clock',
    ref: REF + 'conditional-format-rule-builder#whenformulasatisfiedformula',
    run: ({ app, sheet, wb, ctx }) => {
      const name = sheet.getName();
      sheet.getRange('A1:B1').setValues([['status', 'due']]);
      sheet.getRange('A2:B3').setValues([
        ['处理中', new Date(sh(2024, 5, 1, 11, 0))],
        ['处理中', new Date(sh(2024, 5, 1, 9, 0))],
      ]);
      const overdue = app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=AND($A2<>"已关闭",$B2<>"",$B2<NOW())')
        .setBackground('#f4c7c3')
        .setRanges([sheet.getRange('A2:B100')])
        .build();
      sheet.setConditionalFormatRules([overdue]);
      let view = renderSheet(wb, name, NOW); // 10:00
      expect(view.rows[1].map((c) => c.background)).toEqual(['#ffffff', '#ffffff']);
      expect(view.rows[2].map((c) => c.background)).toEqual(['#f4c7c3', '#f4c7c3']);
      ctx.clock.set(sh(2024, 5, 1, 12, 0));
      view = renderSheet(wb, name, ctx.clock.now());
      expect(view.rows[1][0].background).toBe('#f4c7c3');
      expect(view.rows[0][0].background).toBe('#ffffff'); // header is outside the rule range
    },
  },
  {
    name: 'text conditions and the first matching rule wins',
    ref: REF + 'conditional-format-rule-builder#whentextcontainstext',
    run: ({ app, sheet, wb }) => {
      sheet.getRange('A1:B3').setValues([
        ['高', ''],
        ['中', ''],
        ['', 'row 3 has content'],
      ]);
      const r = sheet.getRange('A1:A3');
      sheet.setConditionalFormatRules([
        app.newConditionalFormatRule().whenTextEqualTo('高').setBackground('#ff0000').setRanges([r]).build(),
        app
          .newConditionalFormatRule()
          .whenCellNotEmpty()
          .setBackground('#00ff00')
          .setFontColor('#ffffff')
          .setRanges([r])
          .build(),
        app.newConditionalFormatRule().whenCellEmpty().setBackground('#0000ff').setRanges([r]).build(),
      ]);
      const v = renderSheet(wb, sheet.getName(), NOW, { maxRows: 3 });
      expect(v.rows.map((row) => row[0].background)).toEqual(['#ff0000', '#00ff00', '#0000ff']);
      expect(v.rows[1][0].fontColor).toBe('#ffffff');
    },
  },
  // ------------------------------------------------------------ protections
  {
    name: 'range.protect(): description, warning-only, editors copied from the spreadsheet, remove',
    ref: REF + 'protection',
    run: ({ app, ss, sheet }) => {
      ss.addEditor('agent@example.com');
      const p = sheet.getRange('A:A').protect().setDescription('auto ID').setWarningOnly(true);
      expect([p.getDescription(), p.isWarningOnly(), p.getRange().getA1Notation()]).toEqual([
        'auto ID',
        true,
        'A1:A1000',
      ]);
      expect(p.getEditors().map((u) => u.getEmail())).toEqual(['owner@example.com', 'agent@example.com']);
      expect(String(p.getProtectionType())).toBe('RANGE');
      p.removeEditors(['agent@example.com', 'owner@example.com']);
      expect(p.getEditors().map((u) => u.getEmail())).toEqual(['owner@example.com']); // the owner stays
      expect(p.canEdit()).toBe(true);
      expect(ss.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
      expect(ss.getProtections(app.ProtectionType.SHEET)).toHaveLength(0);
      ss.getProtections(app.ProtectionType.RANGE)[0].remove();
      expect(ss.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
    },
  },
  {
    name: 'sheet.protect() returns the existing sheet protection; hand edits by non-editors are refused',
    ref: REF + 'sheet#protect',
    run: ({ app, sheet, wb, ctx }) => {
      const p1 = sheet.protect().setDescription('locked');
      const p2 = sheet.protect();
      expect(p2.getDescription()).toBe('locked');
      expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
      const stranger = {
        ...ctx,
        user: { active: 'stranger@example.com', effective: 'stranger@example.com' },
      };
      expect(handEdit(wb, stranger, `${sheet.getName()}!A1`, 'x')).toMatchObject({ ok: false });
      p1.setWarningOnly(true);
      expect(handEdit(wb, stranger, `${sheet.getName()}!A1`, 'x')).toMatchObject({ ok: true });
    },
  },
  // ------------------------------------------------------------ charts
  {
    name: 'newChart().asColumnChart()…build(), insertChart, getCharts, removeChart',
    ref: REF + 'embedded-chart-builder',
    run: ({ sheet }) => {
      sheet.getRange('A1:B3').setValues([
        ['cat', 'n'],
        ['硬件', 2],
        ['网络', 5],
      ]);
      const chart = sheet
        .newChart()
        .asColumnChart()
        .addRange(sheet.getRange('A1:B3'))
        .setPosition(5, 4, 0, 0)
        .setOption('title', '按类型')
        .build();
      sheet.insertChart(chart);
      const pie = sheet
        .newChart()
        .asPieChart()
        .addRange(sheet.getRange('A1:B3'))
        .setPosition(5, 10, 0, 0)
        .build();
      sheet.insertChart(pie);
      const charts = sheet.getCharts();
      expect(charts).toHaveLength(2);
      expect(String(charts[0].modify().getChartType())).toBe('COLUMN');
      expect(String(charts[1].modify().getChartType())).toBe('PIE');
      expect(charts[0].getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B3']);
      expect(charts[0].getOptions().get('title')).toBe('按类型');
      expect(charts[0].getContainerInfo().getAnchorRow()).toBe(5);
      sheet.removeChart(charts[0]);
      expect(sheet.getCharts()).toHaveLength(1);
    },
  },
  // ------------------------------------------------------------ runtime contract
  {
    name: 'members the runtime does not provide throw a clear error',
    ref: 'runtime/instrument.ts',
    run: ({ sheet, app }) => {
      // (Range.merge is provided since issue 23; randomize is not.)
      const r = sheet.getRange('A1') as unknown as { randomize(): void };
      expect(() => r.randomize()).toThrow(NotProvidedError);
      expect(() => r.randomize()).toThrow('not provided by the local runtime: Range.randomize');
      expect(() => (app.ProtectionType as unknown as Record<string, unknown>).NOPE).toThrow(
        'ProtectionType.NOPE',
      );
    },
  },
  {
    name: 'calls and cells are counted (getValues/setValues count cells, builders are local)',
    ref: 'developers.google.com/apps-script/guides/support/best-practices',
    run: ({ sheet, app, ctx }) => {
      ctx.acct.reset();
      const r = sheet.getRange(1, 1, 10, 3);
      r.setValues(Array.from({ length: 10 }, () => ['a', 'b', 'c']));
      r.getValues();
      r.getBackgrounds();
      app.newDataValidation().requireValueInList(['a']).build();
      const s = ctx.acct.stats;
      expect(s.cellsWritten).toBe(30);
      expect(s.cellsRead).toBe(60);
      expect(s.byMethod['Range.setValues']).toBe(1);
      expect(s.byMethod['Sheet.getRange']).toBe(1);
      // getRange, setValues, getValues, getBackgrounds; newDataValidation and the builder are local
      expect(s.spreadsheetCalls).toBe(4);
      expect(s.byMethod['DataValidationBuilder.requireValueInList']).toBe(1);
    },
  },
  {
    name: 'TextFinder finds cells by display text',
    ref: REF + 'text-finder',
    run: ({ sheet }) => {
      sheet.getRange('A1:A3').setValues([['IT20240501001'], ['IT20240501002'], ['it20240501001x']]);
      const all = sheet.createTextFinder('IT20240501001').matchEntireCell(true).findAll();
      expect(all.map((r) => r.getA1Notation())).toEqual(['A1']);
      expect(sheet.getRange('A1:A3').createTextFinder('0501001').findAll()).toHaveLength(2);
    },
  },
  {
    name: 'Range.sort orders rows with their formats; blanks last',
    ref: REF + 'range#sortsortspecobj',
    run: ({ sheet }) => {
      sheet.getRange('A1:B3').setValues([
        ['b', 2],
        ['', 9],
        ['a', 1],
      ]);
      sheet.getRange('A3').setBackground('#ff0000');
      sheet.getRange('A1:B3').sort({ column: 1, ascending: true });
      expect(sheet.getRange('A1:B3').getValues()).toEqual([
        ['a', 1],
        ['b', 2],
        ['', 9],
      ]);
      expect(sheet.getRange('A1').getBackground()).toBe('#ff0000');
    },
  },
];

describe('Spreadsheet service fidelity', () => {
  test.each(cases.map((c) => [`${c.name} [${c.ref}]`, c] as const))('%s', (_name, c) => {
    c.run(env());
  });
});
