// .xlsx export of a pivot (issue 19): the values it shows, and a note on its anchor saying Excel
// gets values, not a live pivot table (runtime/spreadsheet/xlsx.ts).
import ExcelJS from 'exceljs';
import { exportXlsx } from '../../../../runtime/spreadsheet';
import { NOW } from '../helpers';
import { pivotEnv } from './fixture';

test('a pivot is exported as its values with a note on the anchor cell', async () => {
  const { wb, out, source, app } = pivotEnv();
  const pt = out.getRange('B2').createPivotTable(source);
  pt.addRowGroup(1);
  pt.addPivotValue(3, app.PivotTableSummarizeFunction.SUM).showAs(app.PivotValueDisplayType.PERCENT_OF_GRAND_TOTAL);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await exportXlsx(wb, NOW)) as unknown as ArrayBuffer);
  const ws = book.getWorksheet('Pivot')!;
  expect(ws.getCell('B2').value).toBe('Region');
  expect(ws.getCell('C3').value).toBeCloseTo(16 / 30, 12);
  expect(ws.getCell('C3').numFmt).toBe('0.00%');
  expect(ws.getCell('B6').value).toBe('Grand Total');
  expect(String(ws.getCell('B2').note)).toMatch(/Pivot table over Data!A1:D7, exported as its values: Excel gets the values, not a live pivot table/);
});
