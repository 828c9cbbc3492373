// Fidelity of the emulated Spreadsheet service, Sheet: the grid, rows and columns, appendRow.
// Each case names the behaviour and the reference page (or guide) it follows, and asserts it on
// a fresh workbook.
import { REF, runCases, type Case } from './cases';

const cases: Case[] = [
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
    name: 'getRangeList: the ranges of a non-empty list of A1 notations in this sheet, in one call; each checked as getRange checks it',
    ref: REF + 'sheet#getrangelista1notations',
    run: ({ ss, sheet }) => {
      const list = sheet.getRangeList(['A1:Z3', 'H8', 'C5:D6']);
      expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:Z3', 'H8', 'C5:D6']);
      expect(list.getRanges()[1].getSheet().getName()).toBe(sheet.getName());
      list.getRanges()[1].setValue('x');
      expect(sheet.getRange('H8').getValue()).toBe('x');
      list.setNumberFormat('0.0%');
      expect([sheet.getRange('A1').getNumberFormat(), sheet.getRange('D6').getNumberFormat(), sheet.getRange('E6').getNumberFormat()]).toEqual(['0.0%', '0.0%', '0.###############']);
      expect(() => sheet.getRangeList([])).toThrow('Invalid argument: a1Notations');
      expect(() => sheet.getRangeList(['A1', 'A1001'])).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
      expect(() => sheet.getRangeList(['A1', 'nonsense!!'])).toThrow('Range not found');
      const other = ss.insertSheet('Other');
      expect(() => sheet.getRangeList(['Other!A1'])).toThrow('Range not found');
      expect(other.getRangeList(['Other!B2']).getRanges()[0].getA1Notation()).toBe('B2');
    },
  },
  {
    name: 'getSheetValues: a start position of -1 is the last row or column with data; a count of -1 is refused (the page speaks of positions only)',
    ref: REF + 'sheet#getsheetvaluesstartrow,-startcolumn,-numrows,-numcolumns',
    run: ({ sheet }) => {
      sheet.getRange('A1:B3').setValues([['a', 1], ['b', 2], ['c', 3]]);
      expect(sheet.getSheetValues(-1, 1, 1, 2)).toEqual([['c', 3]]);
      expect(sheet.getSheetValues(2, -1, 2, 1)).toEqual([[2], [3]]);
      expect(sheet.getSheetValues(1, 1, 2, 2)).toEqual([['a', 1], ['b', 2]]);
      expect(() => sheet.getSheetValues(1, 1, -1, 1)).toThrow('The number of rows in the range must be at least 1.');
      expect(() => sheet.getSheetValues(1, 1, 1, -1)).toThrow('The number of columns in the range must be at least 1.');
      expect(() => sheet.getSheetValues(0, 1, 1, 1)).toThrow('The starting row of the range is too small.');
    },
  },
  {
    name: 'a negative column width or row height, and a font size below 1 point, are refused (not documented: the stricter answer)',
    ref: REF + 'sheet#setcolumnwidthcolumnposition,-width',
    run: ({ sheet }) => {
      expect(() => sheet.setColumnWidth(1, -5)).toThrow('Invalid argument: width');
      expect(() => sheet.setColumnWidths(1, 2, -1)).toThrow('Invalid argument: width');
      expect(() => sheet.setRowHeight(1, -1)).toThrow('Invalid argument: height');
      expect(() => sheet.getRange('A1').setFontSize(0)).toThrow('Invalid argument: size');
      expect(() => sheet.getRange('A1').setFontSize(-3)).toThrow('Invalid argument: size');
      sheet.setColumnWidth(1, 0);
      sheet.setColumnWidth(2, 250);
      expect([sheet.getColumnWidth(1), sheet.getColumnWidth(2)]).toEqual([0, 250]);
      expect(sheet.getRange('A1').setFontSize(14).getFontSize()).toBe(14);
    },
  },
  {
    name: 'hideSheet on the only visible sheet throws; getIndex starts at 1; getGridId is the sheet id',
    ref: REF + 'sheet#hidesheet',
    run: ({ ss, sheet }) => {
      expect(() => sheet.hideSheet()).toThrow();
      const other = ss.insertSheet('Other');
      expect([sheet.getIndex(), other.getIndex()]).toEqual([1, 2]);
      expect(other.getRange('B2').getGridId()).toBe(other.getSheetId());
      other.hideSheet();
      expect(other.isSheetHidden()).toBe(true);
    },
  },
  {
    name: 'hide/show rows and columns: 1-indexed, refused outside the grid (not documented: the stricter answer, as setColumnWidths)',
    ref: REF + 'sheet#hidecolumnscolumnindex,-numcolumns',
    run: ({ sheet }) => {
      sheet.hideColumns(1);
      sheet.hideRows(2, 3);
      expect([sheet.isColumnHiddenByUser(1), sheet.isRowHiddenByUser(4), sheet.isRowHiddenByUser(5)]).toEqual([true, true, false]);
      sheet.showColumns(1);
      expect(sheet.isColumnHiddenByUser(1)).toBe(false);
      expect(() => sheet.hideColumns(0)).toThrow('Those columns are out of bounds.');
      expect(() => sheet.hideColumns(27)).toThrow('Those columns are out of bounds.');
      expect(() => sheet.hideColumns(26, 2)).toThrow('Those columns are out of bounds.');
      expect(() => sheet.hideColumns(1, 0)).toThrow('Those columns are out of bounds.');
      expect(() => sheet.showColumns(27)).toThrow('Those columns are out of bounds.');
      expect(() => sheet.hideRows(0)).toThrow('Those rows are out of bounds.');
      expect(() => sheet.hideRows(1000, 2)).toThrow('Those rows are out of bounds.');
      expect(() => sheet.showRows(1001)).toThrow('Those rows are out of bounds.');
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
    name: 'activate makes the sheet the active one and leaves it as it is: a hidden sheet stays hidden',
    ref: REF + 'sheet#activate',
    run: ({ ss, sheet }) => {
      const other = ss.insertSheet('Other');
      sheet.activate();
      other.hideSheet();
      expect(other.activate().getName()).toBe('Other');
      expect(ss.getActiveSheet().getName()).toBe('Other');
      expect(other.isSheetHidden()).toBe(true);
    },
  },
  {
    name: 'clearFormats (and clear) drop the conditional format rules too ("ex: bold, italics, conditional formatting"); notes, dropdowns and widths stay',
    ref: REF + 'sheet#clearformats',
    run: ({ app, sheet }) => {
      const setUp = () => {
        sheet.getRange('A1').setValue('x').setBackground('#ff0000').setNote('n');
        sheet.getRange('B1').setDataValidation(app.newDataValidation().requireValueInList(['a']).build());
        sheet.setColumnWidth(1, 150);
        sheet.setConditionalFormatRules([
          app.newConditionalFormatRule().whenCellNotEmpty().setBold(true).setRanges([sheet.getRange('A1:A9')]).build(),
        ]);
      };
      setUp();
      sheet.clearFormats();
      expect(sheet.getConditionalFormatRules()).toHaveLength(0);
      expect([sheet.getRange('A1').getValue(), sheet.getRange('A1').getBackground(), sheet.getRange('A1').getNote()]).toEqual(['x', '#ffffff', 'n']);
      expect(sheet.getRange('B1').getDataValidation()).not.toBeNull();
      expect(sheet.getColumnWidth(1)).toBe(150);
      setUp();
      sheet.clear({ contentsOnly: true });
      expect(sheet.getConditionalFormatRules()).toHaveLength(1);
      sheet.clear();
      expect([sheet.getConditionalFormatRules().length, sheet.getRange('A1').getValue()]).toEqual([0, '']);
    },
  },
  {
    name: 'insertColumnsBefore/After refuse a count below 1, as insertRowsBefore/After do',
    ref: REF + 'sheet#insertcolumnsbeforebeforeposition,-howmany',
    run: ({ sheet }) => {
      expect(() => sheet.insertColumnsBefore(1, 0)).toThrow('The number of columns to insert must be at least 1.');
      expect(() => sheet.insertColumnsAfter(1, -2)).toThrow('The number of columns to insert must be at least 1.');
      expect(() => sheet.insertColumns(1, 0)).toThrow('The number of columns to insert must be at least 1.');
      expect(() => sheet.insertRowsAfter(1, 0)).toThrow('The number of rows to insert must be at least 1.');
      sheet.insertColumnAfter(26);
      sheet.insertColumns(1, 2);
      expect(sheet.getMaxColumns()).toBe(29);
      expect(() => sheet.insertColumnBefore(30)).toThrow('Those columns are out of bounds.');
    },
  },
  {
    name: 'getColumnWidth/getRowHeight of a position outside the grid are refused (not documented: the stricter answer)',
    ref: REF + 'sheet#getcolumnwidthcolumnposition',
    run: ({ sheet }) => {
      expect([sheet.getColumnWidth(26), sheet.getRowHeight(1000)]).toEqual([100, 21]);
      expect(() => sheet.getColumnWidth(27)).toThrow('Those columns are out of bounds.');
      expect(() => sheet.getColumnWidth(0)).toThrow('Those columns are out of bounds.');
      expect(() => sheet.getRowHeight(1001)).toThrow('Those rows are out of bounds.');
    },
  },
  {
    name: 'removeChart removes a chart of this sheet and refuses one that is not on it, as updateChart does',
    ref: REF + 'sheet#removechartchart',
    run: ({ ss, sheet }) => {
      sheet.getRange('A1:B3').setValues([['k', 'v'], ['a', 1], ['b', 2]]);
      sheet.insertChart(sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B3')).setPosition(1, 4, 0, 0).build());
      const chart = sheet.getCharts()[0];
      const other = ss.insertSheet('Other');
      expect(() => other.removeChart(chart)).toThrow('The chart is not in the sheet.');
      sheet.removeChart(chart);
      expect(sheet.getCharts()).toHaveLength(0);
      expect(() => sheet.removeChart(chart)).toThrow('The chart is not in the sheet.');
    },
  },
  {
    name: 'tab colour: null when none; setTabColor takes CSS colours and null resets; getType is GRID; getSheetName is getName',
    ref: REF + 'sheet#settabcolorcolor',
    run: ({ app, sheet }) => {
      expect(sheet.getTabColor()).toBeNull();
      expect(sheet.setTabColor('white').getTabColor()).toBe('#ffffff');
      expect(sheet.setTabColor('#FF0000').getTabColor()).toBe('#ff0000');
      expect(sheet.setTabColor(null).getTabColor()).toBeNull();
      expect(sheet.getType()).toBe(app.SheetType.GRID);
      expect(sheet.getSheetName()).toBe(sheet.getName());
    },
  },
  {
    name: 'sort sorts the rows below the frozen ones by a column, descending on request; a column outside the grid is refused, even on an empty sheet',
    ref: REF + 'sheet#sortcolumnposition,-ascending',
    run: ({ ss, sheet }) => {
      sheet.getRange('A1:B4').setValues([['name', 'n'], ['b', 2], ['c', 3], ['a', 1]]);
      sheet.setFrozenRows(1);
      sheet.sort(2, false);
      expect(sheet.getRange('A1:A4').getValues().map((r) => r[0])).toEqual(['name', 'c', 'b', 'a']);
      expect(sheet.sort(1).getRange('A2').getValue()).toBe('a');
      expect(() => sheet.sort(0)).toThrow('Those columns are out of bounds.');
      expect(() => ss.insertSheet('Empty').sort(27)).toThrow('Those columns are out of bounds.');
    },
  },
];

runCases('Sheet', cases);
