// JSON persistence (lossless) and xlsx export/import of the emulated workbook.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { isDate } from '../../../runtime/context';
import {
  createSpreadsheetApp,
  exportXlsx,
  handEdit,
  importXlsx,
  renderSheet,
  Workbook,
} from '../../../runtime/spreadsheet';
import { env, Env, libreOfficePdf, NOW, sh } from './helpers';
import { needs } from '../../prerequisites';

/** A small ticket sheet using every feature that persists. */
function build(e: Env): GoogleAppsScript.Spreadsheet.Sheet {
  const { ss, app } = e;
  const s = ss.insertSheet('工单');
  s.getRange('A1:F1')
    .setValues([['问题编号', '问题标题', '紧急程度', '当前状态', '提交时间', '链接']])
    .setFontWeight('bold')
    .setBackground('#4285f4')
    .setFontColor('#ffffff');
  s.setFrozenRows(1);
  s.setColumnWidth(2, 220);
  s.getRange('A2:A4').setNumberFormat('@');
  s.getRange('E2:E4').setNumberFormat('yyyy-mm-dd hh:mm');
  s.getRange('A2:F4').setValues([
    [
      'IT20240501001',
      '打印机卡纸',
      '高',
      '处理中',
      new Date(sh(2024, 5, 1, 9, 15)),
      '=HYPERLINK("https://example.com/1","打开")',
    ],
    ['IT20240501002', 'VPN 连不上', '中', '待处理', new Date(sh(2024, 5, 1, 9, 40)), '=LEN(B3)'],
    ['IT20240501003', '账号权限', '低', '已关闭', new Date(sh(2024, 4, 30, 16, 0)), ''],
  ]);
  s.getRange('C2:C100').setDataValidation(
    app
      .newDataValidation()
      .requireValueInList(['高', '中', '低'], true)
      .setAllowInvalid(false)
      .setHelpText('高/中/低')
      .build(),
  );
  s.getRange('D2:D100').setDataValidation(
    app.newDataValidation().requireValueInList(['待处理', '处理中', '已解决', '已关闭']).build(),
  );
  s.getRange('B2').setNote('来自表单');
  s.setConditionalFormatRules([
    app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$C2="高"')
      .setBackground('#f4c7c3')
      .setRanges([s.getRange('A2:F100')])
      .build(),
    app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=AND($D2<>"已关闭",$E2<NOW()-1/96)')
      .setBackground('#fce8b2')
      .setRanges([s.getRange('A2:F100')])
      .build(),
  ]);
  s.getRange('A:A').protect().setDescription('ID').setWarningOnly(true);
  s.insertChart(
    s
      .newChart()
      .asPieChart()
      .addRange(s.getRange('C1:C4'))
      .setPosition(2, 8, 0, 0)
      .setOption('title', '紧急程度')
      .build(),
  );
  s.getRange('B3').activate();
  return s;
}

describe('JSON persistence', () => {
  test('toJSON → JSON text → fromJSON is lossless (values, dates, formulas, formats, validation, rules, protections, charts, active range)', () => {
    const e = env();
    build(e);
    const j1 = e.wb.toJSON();
    const back = Workbook.fromJSON(JSON.parse(JSON.stringify(j1)));
    expect(back.toJSON()).toEqual(j1);

    // the restored workbook behaves the same through the service
    const e2 = { ...e, wb: back };
    const app = createSpreadsheetApp(
      back,
      e.ctx,
      () => ({}) as GoogleAppsScript.Base.Ui,
      () => undefined,
    );
    const s = app.getActiveSpreadsheet().getSheetByName('工单')!;
    const vals = s.getRange('A2:F2').getValues()[0];
    expect(vals[0]).toBe('IT20240501001');
    expect(isDate(vals[4]) && (vals[4] as Date).getTime()).toBe(sh(2024, 5, 1, 9, 15));
    expect(vals[5]).toBe('打开');
    expect(s.getRange('E2').getDisplayValue()).toBe('2024-05-01 09:15');
    expect(s.getRange('C5').getDataValidation()!.getHelpText()).toBe('高/中/低');
    expect(s.getConditionalFormatRules()).toHaveLength(2);
    expect(app.getActiveSpreadsheet().getProtections(app.ProtectionType.RANGE)[0].getDescription()).toBe(
      'ID',
    );
    expect(s.getCharts()).toHaveLength(1);
    expect(app.getActiveRange().getA1Notation()).toBe('B3');
    expect(handEdit(e2.wb, e.ctx, '工单!C3', '急')).toMatchObject({
      ok: false,
      reason: '高/中/low'.replace('low', '低'),
    });
    // identical validation rules stay one shared rule (runs merge after a round trip)
    expect(back.sheetByName('工单')!.fmt.validation.cols[3]).toHaveLength(1);
  });
});

describe('xlsx', () => {
  test('export writes values, dates, formulas with results, fills, fonts, widths, frozen header, dropdowns and rule formats', async () => {
    const e = env();
    build(e);
    const buf = await exportXlsx(e.wb, NOW);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const ws = book.getWorksheet('工单')!;
    expect(ws.getCell('A2').value).toBe('IT20240501001');
    // dates carry the spreadsheet's wall-clock time
    expect((ws.getCell('E2').value as Date).toISOString()).toBe('2024-05-01T09:15:00.000Z');
    expect(ws.getCell('E2').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(ws.getCell('F2').value).toEqual({
      formula: 'HYPERLINK("https://example.com/1","打开")',
      result: '打开',
    });
    expect((ws.getCell('A1').fill as ExcelJS.FillPattern).fgColor).toEqual({ argb: 'FF4285F4' });
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, color: { argb: 'FFFFFFFF' } });
    expect(Math.round(ws.getColumn(2).width! * 7.5)).toBe(220);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('C7').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"高,中,低"'],
      showErrorMessage: true,
    });
    expect(ws.getCell('D7').dataValidation).toMatchObject({ type: 'list', errorStyle: 'warning' });
    expect(ws.getCell('D7').dataValidation.showErrorMessage).toBeFalsy();
    expect(ws.getCell('B2').note).toBe('来自表单');
  });

  test('import reads back sheets, values, dates, formulas, fills, widths, frozen rows, list validations and rules', async () => {
    const e = env();
    build(e);
    const wb = await importXlsx(await exportXlsx(e.wb, NOW), { timeZone: 'Asia/Shanghai', locale: 'zh_CN' });
    expect(wb.sheets.map((s) => s.name)).toEqual(['工作表1', '工单']);
    const s = wb.sheetByName('工单')!;
    expect(s.rows[1]![0]).toBe('IT20240501001');
    expect((s.rows[1]![4] as Date).getTime()).toBe(sh(2024, 5, 1, 9, 15));
    expect(s.frozenRows).toBe(1);
    expect(s.colWidths[2]).toBe(220);
    expect(s.fmt.background.get(1, 1)).toBe('#4285f4');
    expect(s.fmt.fontWeight.get(1, 2)).toBe('bold');
    expect(s.fmt.validation.get(50, 3)).toMatchObject({
      criteria: 'VALUE_IN_LIST',
      args: [['高', '中', '低'], true],
      allowInvalid: false,
    });
    expect(s.fmt.validation.get(50, 4)).toMatchObject({ allowInvalid: true });
    expect(s.cfRules.map((r) => r.args[0])).toEqual(['=$C2="高"', '=AND($D2<>"已关闭",$E2<NOW()-1/96)']);
    const view = renderSheet(wb, '工单', NOW);
    expect(view.rows[1][5].display).toBe('打开');
    expect(view.rows[1][0].background).toBe('#f4c7c3'); // 高 → red rule
    expect(view.rows[2][0].background).toBe('#fce8b2'); // open for more than 15 minutes
    expect(view.rows[3][0].background).toBe('#ffffff'); // closed
  });

  needs('libreoffice', 'pdftoppm')('in LibreOffice', () => {
    test('an exported file opens in LibreOffice (converts to PDF), its chart drawn as a native chart', async () => {
      const e = env();
      const s = build(e);
      // A native chart: LibreOffice draws it, its title and axis labels becoming PDF text.
      s.getRange('H1:I3').setValues([['urgency', 'open'], ['urgent', 4], ['normal', 7]]);
      s.insertChart(
        s.newChart().asColumnChart().addRange(s.getRange('H1:I3')).setOption('title', 'Open tickets by urgency').setPosition(5, 8, 0, 0).build(),
      );
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-'));
      const file = path.join(dir, 'tickets.xlsx');
      fs.writeFileSync(file, await exportXlsx(e.wb, NOW));
      const pdf = libreOfficePdf(file, dir, 120_000);
      expect(fs.existsSync(pdf)).toBe(true);
      expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('Open tickets by urgency');
    }, 150000);
  });
});
