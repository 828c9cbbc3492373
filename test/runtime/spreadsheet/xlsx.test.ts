// The exported workbook reads and prints well: rows as tall as their wrapped text (as Sheets shows
// them), landscape, one page wide, the header repeated on every page. Checked in the file itself,
// then by rendering the demo's ticket sheet (120 tickets) through LibreOffice to PDF.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { exportXlsx } from '../../../runtime/spreadsheet';
import { heightForLines, wrappedLines } from '../../../runtime/spreadsheet/rowHeights';
import { createLocalRuntime } from '../../../runtime';
import { createDemo, DEMO_CLOCK } from '../../../preview/demo';
import { needs } from '../../prerequisites';
import { env, libreOfficePdf, NOW } from './helpers';

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buf as unknown as ArrayBuffer);
  return book;
}

test('wrapped lines: wide characters take a full em, explicit line breaks count, at least one line', () => {
  expect(wrappedLines('', 100)).toBe(1);
  expect(wrappedLines('短', 100)).toBe(1);
  expect(wrappedLines('一'.repeat(20), 100)).toBe(3); // 20 × 13.3 px in ~89 px
  expect(wrappedLines('一'.repeat(21), 100)).toBe(4);
  expect(wrappedLines('a'.repeat(20), 100)).toBe(2); // Latin is narrower
  expect(wrappedLines('a\nb\nc', 100)).toBe(3);
  expect(heightForLines(1)).toBe(21); // Sheets' default row
  expect(heightForLines(3)).toBe(53);
  expect(heightForLines(1000)).toBe(545); // Excel's 409 pt
  // CJK lines are spaced wider (1.75 em as LibreOffice draws them, 1.2 for Latin text).
  expect(heightForLines(1, 10, true)).toBe(21);
  expect(heightForLines(3, 10, true)).toBe(67);
});

test('rows get the height of their wrapped text; print setup: landscape, one page wide, header repeated', async () => {
  const e = env();
  const s = e.sheet;
  s.getRange('A1:C1').setValues([['问题编号', '问题描述', '备注']]);
  s.setFrozenRows(1);
  s.setColumnWidth(2, 220);
  s.getRange('B2:B4').setWrap(true);
  s.getRange('A2:C4').setValues([
    ['IT1', '三楼打印机提示脱机,重启无效。'.repeat(6), ''],
    ['IT2', '短', ''],
    ['IT3', '不换行的长文本'.repeat(10), ''],
  ]);
  s.getRange('C4').setValue('x'); // C is not wrapped: no height from it
  s.setRowHeight(4, 40); // a height set by hand is kept
  const ws = (await load(await exportXlsx(e.wb, NOW))).getWorksheet(s.getName())!;
  expect(ws.getRow(2).height).toBeGreaterThan(21 * 0.75 * 3); // at least four lines
  expect(ws.getRow(3).height).toBeUndefined(); // one line: the default
  expect(ws.getRow(4).height).toBe(30); // 40 px
  expect(ws.pageSetup).toMatchObject({
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
  });
});

needs('libreoffice', 'pdftoppm')('printed through LibreOffice', () => {
  test('the demo ticket sheet (120 tickets) prints on a few landscape pages, each with the header', async () => {
    const now = Date.parse(DEMO_CLOCK);
    const rt = createLocalRuntime({
      now,
      user: 'demo@example.com',
      timeZone: 'Asia/Shanghai',
      locale: 'zh_CN',
    });
    const demo = createDemo(rt, { now });
    expect(demo.tickets).toBeGreaterThanOrEqual(100);
    // Only the ticket sheet, to keep the conversion short.
    rt.workbook.sheets = rt.workbook.sheets.filter((x) => x.name === '工单');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-print-'));
    try {
      const file = path.join(dir, 'tickets.xlsx');
      fs.writeFileSync(file, await exportXlsx(rt.workbook, rt.clock.now()));
      const pdf = libreOfficePdf(file, dir);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(12); // was 110 portrait pages without print setup
      const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
      expect(w).toBeGreaterThan(h); // landscape
      for (let p = 1; p <= pages; p++) {
        const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], {
          encoding: 'utf8',
        });
        expect(text.trimStart().startsWith('问题编号')).toBe(true); // the header on every page
      }
      // All 22 columns fit one page wide: the last column's header is on page 1.
      const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
      expect(first).toContain('SLA状态');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
