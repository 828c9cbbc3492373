// Embedded charts in the .xlsx export as native DrawingML charts (runtime/spreadsheet/xlsxCharts.ts),
// over the zip ExcelJS writes (runtime/spreadsheet/zip.ts). LibreOffice drawing them is checked in
// persistence.test.ts's LibreOffice case.
import ExcelJS from 'exceljs';
import { exportXlsx } from '../../../runtime/spreadsheet';
import { readZip, writeZip } from '../../../runtime/spreadsheet/zip';
import { env, NOW } from './helpers';

function workbookWithCharts() {
  const e = env();
  const s = e.sheet;
  s.setName('Review');
  s.getRange('A1:C4').setValues([
    ['type', 'new', 'solved'],
    ['hardware', 2, 1],
    ['network', 5, 4],
    ['other & more', 0, 3],
  ]);
  s.getRange('B2').setNote('a note makes ExcelJS write sheet relationships of its own');
  s.insertChart(
    s
      .newChart()
      .asColumnChart()
      .addRange(s.getRange('A1:C4'))
      .setOption('title', 'By type')
      .setOption('vAxis.title', 'tickets')
      .setPosition(2, 5, 10, 4)
      .build(),
  );
  s.insertChart(
    s
      .newChart()
      .asPieChart()
      .addRange(s.getRange('A1:B4'))
      .setOption('pieSliceText', 'value')
      .setPosition(20, 5, 0, 0)
      .build(),
  );
  // A type the export does not write natively is left out.
  s.insertChart(s.newChart().asScatterChart().addRange(s.getRange('B1:C4')).setPosition(40, 5, 0, 0).build());
  return e;
}

describe('xlsx export: native charts', () => {
  test('each chart is a chart part anchored in the sheet drawing, its series referring to the cells with values cached', async () => {
    const e = workbookWithCharts();
    const files = readZip(await exportXlsx(e.wb, NOW));
    const names = [...files.keys()];
    expect(names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toEqual([
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
    ]);
    const column = files.get('xl/charts/chart1.xml')!.toString('utf8');
    expect(column).toContain('<c:barDir val="col"/>');
    expect(column).toContain('<a:t>By type</a:t>');
    expect(column).toContain('<a:t>tickets</a:t>');
    expect(column).toContain('<c:f>Review!$A$2:$A$4</c:f>');
    expect(column).toContain('<c:f>Review!$C$2:$C$4</c:f>');
    expect(column).toContain('<c:v>other &amp; more</c:v>');
    expect([...column.matchAll(/<c:ser>/g)]).toHaveLength(2);
    const pie = files.get('xl/charts/chart2.xml')!.toString('utf8');
    expect(pie).toContain('<c:pieChart>');
    expect(pie).toContain('<c:showVal val="1"/>');
    expect([...pie.matchAll(/<c:dPt>/g)]).toHaveLength(3);
    const drawing = files.get('xl/drawings/drawing1.xml')!.toString('utf8');
    // Anchored at E2 (0-based col 4, row 1) plus the 10 × 4 px offset, at Sheets' default 600 × 371 px.
    expect(drawing).toContain(
      '<xdr:col>4</xdr:col><xdr:colOff>95250</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>38100</xdr:rowOff>',
    );
    expect(drawing).toContain('<xdr:ext cx="5715000" cy="3533775"/>');
    const sheetXml = files.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheetXml).toMatch(/<drawing r:id="rIdChartDrawing1"\/><legacyDrawing /);
    const rels = files.get('xl/worksheets/_rels/sheet1.xml.rels')!.toString('utf8');
    expect(rels).toContain('Target="../drawings/drawing1.xml"');
    expect(rels).toMatch(/vmlDrawing/); // the note's relationships are kept
    expect(files.get('[Content_Types].xml')!.toString('utf8')).toContain('PartName="/xl/charts/chart2.xml"');
    // The file still loads, with its cells and note.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(writeZip(files) as unknown as ExcelJS.Buffer);
    expect(book.getWorksheet('Review')!.getCell('A4').value).toBe('other & more');
    expect(book.getWorksheet('Review')!.getCell('B2').note).toBeTruthy();
  });

  test('a workbook without charts is exported as ExcelJS wrote it; the zip reader and writer round-trip', async () => {
    const e = env();
    e.sheet.getRange('A1').setValue('x');
    const buf = await exportXlsx(e.wb, NOW);
    const files = readZip(buf);
    expect([...files.keys()].some((n) => n.startsWith('xl/charts/'))).toBe(false);
    const again = readZip(writeZip(files));
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [k, v] of files) expect(again.get(k)!.equals(v)).toBe(true);
  });
});
