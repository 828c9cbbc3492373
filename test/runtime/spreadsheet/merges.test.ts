// Merged cells as Google models them (developers.google.com/apps-script/reference/spreadsheet/range:
// merge, mergeAcross, mergeVertically, breakApart, getMergedRanges, isPartOfMerge), kept through
// row/column inserts, JSON and .xlsx (issue 23: an imported tracker's merged title row stays merged
// instead of its value being copied into every cell).
import ExcelJS from 'exceljs';
import { exportXlsx, importXlsx, Workbook } from '../../../runtime/spreadsheet';
import { env, NOW } from './helpers';

const a1s = (rs: GoogleAppsScript.Spreadsheet.Range[]) => rs.map((r) => r.getA1Notation()).sort();

describe('Range merges', () => {
  it('merge keeps the top-left value only; the other cells read empty', () => {
    const { sheet } = env();
    sheet.getRange('A1:C2').setValues([
      ['Title', 'x', 'y'],
      ['a', 'b', 'c'],
    ]);
    sheet.getRange('A1:C1').merge();
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      ['Title', '', ''],
      ['a', 'b', 'c'],
    ]);
    expect(sheet.getRange('B1').isPartOfMerge()).toBe(true);
    expect(sheet.getRange('A2').isPartOfMerge()).toBe(false);
    expect(a1s(sheet.getRange('B1:B2').getMergedRanges())).toEqual(['A1:C1']);
    expect(sheet.getRange('A2:C2').getMergedRanges()).toEqual([]);
  });

  it('mergeAcross merges each row, mergeVertically each column', () => {
    const { sheet } = env();
    sheet.getRange('A1:B2').mergeAcross();
    expect(a1s(sheet.getRange('A1:D4').getMergedRanges())).toEqual(['A1:B1', 'A2:B2']);
    sheet.getRange('A1:B2').breakApart();
    sheet.getRange('D1:E3').mergeVertically();
    expect(a1s(sheet.getRange('A1:E4').getMergedRanges())).toEqual(['D1:D3', 'E1:E3']);
  });

  it('a merge or unmerge that cuts a merged block is refused with Google’s message', () => {
    const { sheet } = env();
    sheet.getRange('A1:C1').merge();
    expect(() => sheet.getRange('B1:D1').merge()).toThrow('You must select all cells in a merged range to merge or unmerge them.');
    expect(() => sheet.getRange('A1:B1').breakApart()).toThrow(/merged range/);
    // A range that covers the block merges over it (one block) or breaks it apart.
    sheet.getRange('A1:D2').merge();
    expect(a1s(sheet.getRange('A1:D2').getMergedRanges())).toEqual(['A1:D2']);
    sheet.getRange('A1:E5').breakApart();
    expect(sheet.getRange('A1:E5').isPartOfMerge()).toBe(false);
  });

  it('moves and grows with inserted and deleted rows and columns', () => {
    const { sheet } = env();
    sheet.getRange('B2:C3').merge();
    sheet.insertRowsBefore(1, 2);
    expect(a1s(sheet.getRange('A1:J20').getMergedRanges())).toEqual(['B4:C5']);
    sheet.insertColumnAfter(2);
    expect(a1s(sheet.getRange('A1:J20').getMergedRanges())).toEqual(['B4:D5']);
    sheet.deleteRow(5);
    expect(a1s(sheet.getRange('A1:J20').getMergedRanges())).toEqual(['B4:D4']);
    sheet.deleteColumns(3, 2);
    expect(sheet.getRange('A1:J20').isPartOfMerge()).toBe(false); // one cell left is no merge
  });

  it('survives JSON persistence', () => {
    const e = env();
    e.sheet.getRange('A1:D1').merge();
    const back = Workbook.fromJSON(JSON.parse(JSON.stringify(e.wb.toJSON())));
    expect(back.sheets[0].merges).toEqual([{ row: 1, col: 1, numRows: 1, numCols: 4 }]);
  });
});

describe('.xlsx merged cells', () => {
  it('import keeps a merged title row merged, its value in the first cell only', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Issue Tracker');
    ws.getCell('A1').value = 'IT Issue Tracker — Q2 2024';
    ws.mergeCells('A1:F1');
    ws.getRow(3).values = ['Issue ID', 'Issue Summary', 'Status'];
    ws.getRow(4).values = ['TCK-0001', 'Laptop will not boot', 'Open'];
    ws.getCell('C5').value = 'Closed';
    ws.mergeCells('C5:C6');
    const wb = await importXlsx((await book.xlsx.writeBuffer()) as unknown as Buffer, { timeZone: 'Asia/Shanghai', locale: 'en_US' });
    const s = wb.sheetByName('Issue Tracker')!;
    expect(s.rows[0]!.filter((v) => v !== undefined)).toEqual(['IT Issue Tracker — Q2 2024']);
    expect(s.rows[5]?.[2]).toBeUndefined();
    expect(s.merges).toEqual([
      { row: 1, col: 1, numRows: 1, numCols: 6 },
      { row: 5, col: 3, numRows: 2, numCols: 1 },
    ]);
  });

  it('export writes merges back', async () => {
    const e = env();
    e.sheet.getRange('A1').setValue('Title');
    e.sheet.getRange('A1:C1').merge();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportXlsx(e.wb, NOW)) as unknown as ExcelJS.Buffer);
    const ws = book.worksheets[0];
    expect((ws.model as { merges?: string[] }).merges).toEqual(['A1:C1']);
  });
});
