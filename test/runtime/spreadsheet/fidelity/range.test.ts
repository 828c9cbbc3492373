// Fidelity of the emulated Spreadsheet service, Range: writing and reading values, formulas, formats.
// Each case names the behaviour and the reference page (or guide) it follows, and asserts it on
// a fresh workbook.
import { isDate } from '../../../../runtime/context';
import { NOW, sh } from '../helpers';
import { REF, runCases, type Case } from './cases';

const ms = (d: unknown) => (d as Date).getTime();

const cases: Case[] = [
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
    name: 'setValue with no value is refused as a call no signature matches; nothing is written',
    ref: REF + 'range#setvaluevalue',
    run: ({ sheet }) => {
      sheet.getRange('A1').setValue('kept');
      expect(() => (sheet.getRange('A1') as unknown as { setValue(): void }).setValue()).toThrow(
        "The parameters () don't match the method signature for SpreadsheetApp.Range.setValue.",
      );
      expect(sheet.getRange('A1').getValue()).toBe('kept');
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
    name: 'setBackgroundRGB takes integers between 0 and 255 inclusive; others are refused, not clamped',
    ref: REF + 'range#setbackgroundrgbred,-green,-blue',
    run: ({ sheet }) => {
      expect(sheet.getRange('A1').setBackgroundRGB(255, 0, 16).getBackground()).toBe('#ff0010');
      expect(() => sheet.getRange('A1').setBackgroundRGB(300, 0, 0)).toThrow('Invalid argument: color');
      expect(() => sheet.getRange('A1').setBackgroundRGB(0, -1, 0)).toThrow('Invalid argument: color');
      expect(sheet.getRange('A1').getBackground()).toBe('#ff0010');
    },
  },
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
    name: 'clearContent keeps formats and validation; clear() removes formats and validation too',
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
      r.clear(); // contents, formats and data validation (range-list#clear, range#clearoptions)
      expect([r.getValue(), r.getBackground(), r.getDataValidation() !== null]).toEqual([
        '',
        '#ffffff',
        false,
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
  {
    name: 'activate makes the range and its sheet active and leaves the sheet as it is: a hidden sheet stays hidden',
    ref: REF + 'range#activate',
    run: ({ ss, sheet }) => {
      const other = ss.insertSheet('Other');
      sheet.activate();
      other.hideSheet();
      other.getRange('B2:C3').activate();
      expect([ss.getActiveSheet().getName(), ss.getActiveRange()?.getA1Notation(), other.isSheetHidden()]).toEqual(['Other', 'B2:C3', true]);
    },
  },
  {
    name: 'activateAsCurrentCell takes one cell only; inside the active range it moves the current cell, outside it replaces the selection',
    ref: REF + 'range#activateascurrentcell',
    run: ({ ss, sheet }) => {
      sheet.getRange('B2:D4').activate();
      expect(() => sheet.getRange('A1:B1').activateAsCurrentCell()).toThrow('exactly one cell');
      expect(sheet.getRange('C3').activateAsCurrentCell().getA1Notation()).toBe('C3');
      const sel = ss.getSelection();
      expect([sel.getActiveRange()!.getA1Notation(), sel.getCurrentCell()!.getA1Notation()]).toEqual(['B2:D4', 'C3']);
      sheet.getRange('F9').activateAsCurrentCell();
      expect([sel.getActiveRange()!.getA1Notation(), sel.getCurrentCell()!.getA1Notation()]).toEqual(['F9', 'F9']);
      sheet.getRange('A1:D10').activate(); // activate: the top left cell is the current cell again
      expect(ss.getSelection().getCurrentCell()!.getA1Notation()).toBe('A1');
    },
  },
  {
    name: 'Selection.getActiveRangeList: one selected range behaves as getActiveRange',
    ref: REF + 'selection#getactiverangelist',
    run: ({ ss, sheet }) => {
      sheet.getRange('B2:C3').activate();
      const list = ss.getSelection().getActiveRangeList();
      expect(list!.getRanges().map((r) => r.getA1Notation())).toEqual(['B2:C3']);
      expect(ss.getSelection().getActiveSheet().getName()).toBe(sheet.getName());
    },
  },
  {
    name: 'canEdit: false where a protection leaves the user out; the owner and warning-only protections do not stop',
    ref: REF + 'range#canedit',
    run: ({ wb, ctx, sheet }) => {
      wb.owner = 'owner@example.com';
      sheet.getRange('B2:C3').protect();
      const sheetLock = sheet.protect();
      sheetLock.setUnprotectedRanges([sheet.getRange('E1:F10')]);
      expect(sheet.getRange('A1:D4').canEdit()).toBe(true); // the owner always can
      ctx.user = { active: 'stranger@example.com', effective: 'stranger@example.com' };
      expect(sheet.getRange('C3:D4').canEdit()).toBe(false); // meets the protected range
      expect(sheet.getRange('E1:F2').canEdit()).toBe(true); // unprotected inside the sheet protection
      expect(sheet.getRange('E1:G2').canEdit()).toBe(false); // G is not
      sheetLock.setWarningOnly(true);
      expect(sheet.getRange('E1:G2').canEdit()).toBe(true);
    },
  },
  {
    name: 'clearFormat keeps the number format; clear() and clear({formatOnly}) also clear data validation',
    ref: REF + 'range#clearformat',
    run: ({ sheet, app }) => {
      const rule = () => app.newDataValidation().requireValueInList(['x']).build();
      const r = sheet.getRange('A1');
      r.setNumberFormat('0.00').setBackground('#ff0000').setFontWeight('bold').setDataValidation(rule()).setNote('n');
      r.clearFormat();
      expect([r.getNumberFormat(), r.getBackground(), r.getFontWeight(), r.getDataValidation() !== null, r.getNote()]).toEqual([
        '0.00',
        '#ffffff',
        'normal',
        true,
        'n',
      ]);
      r.clear({ formatOnly: true });
      expect([r.getNumberFormat(), r.getDataValidation()]).toEqual(['0.###############', null]);
      r.setValue('x').setDataValidation(rule());
      r.clear({ contentsOnly: true });
      expect(r.getDataValidation() !== null).toBe(true);
      r.clear();
      expect([r.getValue(), r.getDataValidation(), r.getNote()]).toEqual(['', null, 'n']);
    },
  },
  {
    name: 'isStartRowBounded / isStartColumnBounded / isEnd…Bounded follow the A1 notation (B:B, 3:7, A2:C)',
    ref: REF + 'range#isstartrowbounded',
    run: ({ sheet }) => {
      const b = (a1: string) => {
        const r = sheet.getRange(a1);
        return [r.isStartRowBounded(), r.isStartColumnBounded(), r.isEndRowBounded(), r.isEndColumnBounded()];
      };
      expect(b('A1:B10')).toEqual([true, true, true, true]);
      expect(b('B:B')).toEqual([false, true, false, true]);
      expect(b('3:7')).toEqual([true, false, true, false]);
      expect(b('A2:C')).toEqual([true, true, false, true]);
      expect(sheet.getRange(1, 1, 3, 3).isStartRowBounded()).toBe(true);
    },
  },
  {
    name: 'setBorder takes six sides (true, false or null for no change), or six sides with a colour and a style; nothing else',
    ref: REF + 'range#setbordertop,-left,-bottom,-right,-vertical,-horizontal',
    run: ({ sheet, app }) => {
      const r = sheet.getRange('A1:B2');
      expect(r.setBorder(true, null, true, null, false, false).getA1Notation()).toBe('A1:B2');
      expect(r.setBorder(null, true, null, null, null, null, 'red', app.BorderStyle.DASHED).getA1Notation()).toBe('A1:B2');
      const call = (...a: unknown[]) => () => (r.setBorder as unknown as (...x: unknown[]) => unknown)(...a);
      expect(call(true, true)).toThrow("don't match the method signature for SpreadsheetApp.Range.setBorder");
      expect(call(true, true, true, true, true, true, 'red')).toThrow('method signature');
      expect(call('yes', true, true, true, true, true)).toThrow('method signature');
      expect(call(true, true, true, true, true, true, 'red', 'WAVY')).toThrow('Invalid argument: style');
      expect(call(true, true, true, true, true, true, 'not a colour', null)).toThrow('Invalid color');
    },
  },
  {
    name: 'RangeList.setValue with no value is refused; setValue, setNumberFormat and clearContent apply to each range',
    ref: REF + 'range-list#setvaluevalue',
    run: ({ sheet }) => {
      const list = sheet.getRangeList(['A1', 'C2:C3']);
      expect(list.setValue(5).setNumberFormat('0.0').getRanges().map((r) => r.getDisplayValues())).toEqual([[['5.0']], [['5.0'], ['5.0']]]);
      expect(() => (list as unknown as { setValue(): void }).setValue()).toThrow(
        "The parameters () don't match the method signature for SpreadsheetApp.RangeList.setValue.",
      );
      list.clearContent();
      expect([sheet.getRange('A1').getValue(), sheet.getRange('C3').getNumberFormat()]).toEqual(['', '0.0']);
    },
  },
  {
    name: 'format grids read back per cell; setters take only the values the page lists, and null resets',
    ref: REF + 'range#getfontlines',
    run: ({ sheet, app }) => {
      const r = sheet.getRange('B2:C2');
      r.setFontFamilies([['Roboto', null]]).setFontLines([['underline', 'line-through']]).setFontStyle('italic');
      r.setVerticalAlignment('top').setWrapStrategy(app.WrapStrategy.CLIP).setWraps([[true, false]]);
      expect(r.getFontFamilies()).toEqual([['Roboto', 'Arial']]);
      expect(r.getFontLines().map((row) => row.map(String))).toEqual([['underline', 'line-through']]);
      expect(r.getFontStyles().map((row) => row.map(String))).toEqual([['italic', 'italic']]);
      expect(r.getFontSizes()).toEqual([[10, 10]]);
      expect(r.getVerticalAlignments()).toEqual([['top', 'top']]);
      expect(r.getHorizontalAlignments()).toEqual([['general', 'general']]);
      expect([r.getWraps(), r.getWrapStrategies().map((row) => row.map(String))]).toEqual([[[true, false]], [['WRAP', 'OVERFLOW']]]);
      expect(r.getTextDirections()).toEqual([[null, null]]);
      expect(r.getDataValidations()).toEqual([[null, null]]);
      expect(r.getRowIndex()).toBe(r.getRow());
      expect(r.getBackgroundObjects()[0].map((c) => c.asRgbColor().asHexString())).toEqual(['#ffffff', '#ffffff']);
      expect(r.getFontColorObject().asRgbColor().asHexString()).toBe('#000000');
      expect(() => r.setVerticalAlignment('center' as 'top')).toThrow('Invalid argument: alignment');
      expect(() => r.setFontLine('overline' as 'none')).toThrow('Invalid argument: fontLine');
      expect(() => r.setFontStyle('oblique' as 'normal')).toThrow('Invalid argument: fontStyle');
      expect(() => r.setWrapStrategy('SHRINK' as never)).toThrow('Invalid argument: strategy');
      expect(() => r.setFontFamilies([['Arial']])).toThrow('The number of columns in the data does not match');
      r.setFontLine(null).setFontStyle(null).setVerticalAlignment(null).setFontFamily(null);
      expect([r.getFontLine(), r.getFontStyle(), r.getVerticalAlignment(), r.getFontFamily()].map(String)).toEqual(['none', 'normal', 'bottom', 'Arial']);
    },
  },
  {
    name: 'a script running as a user a protection leaves out cannot write, format or clear the protected cells; warning-only protections do not stop it',
    ref: REF + 'range#protect',
    run: ({ wb, ctx, sheet }) => {
      wb.owner = 'owner@example.com';
      sheet.getRange('A1:B2').setValue('kept');
      const p = sheet.getRange('B2:C3').protect();
      ctx.user = { active: 'stranger@example.com', effective: 'stranger@example.com' };
      const msg = 'You are trying to edit a protected cell or object.';
      expect(() => sheet.getRange('A2:B2').setValues([['x', 'y']])).toThrow(msg);
      expect(() => sheet.getRange('C3').setBackground('#ff0000')).toThrow(msg);
      expect(() => sheet.getRange('B1:B2').clearContent()).toThrow(msg);
      expect(() => sheet.getRange('A1').copyTo(sheet.getRange('C3'))).toThrow(msg);
      expect(() => sheet.getRange('A1:C3').merge()).toThrow(msg);
      expect(sheet.getRange('A1:B2').getValues()).toEqual([['kept', 'kept'], ['kept', 'kept']]);
      expect(sheet.getRange('A1').setValue('free').getValue()).toBe('free'); // outside the protection
      p.setWarningOnly(true);
      expect(sheet.getRange('B2').setValue('warned').getValue()).toBe('warned');
    },
  },
];

runCases('Range', cases);
