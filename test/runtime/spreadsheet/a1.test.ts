// The A1 parser refuses references past any sheet's grid (18,278 columns, 10 million cells a
// spreadsheet: support.google.com/drive/answer/37603), and a hand edit checks its range against the
// sheet before building anything the size of it (issue 17: a huge range killed the preview).
import { MAX_GRID_COLS, MAX_GRID_ROWS, parseA1 } from '../../../runtime/spreadsheet/a1';
import { createLocalRuntime } from '../../../runtime';

describe('A1 bounds', () => {
  it.each([['A10000001'], ['A1:A99999999999'], ['AAAA1'], ['A1:ZZZZ2'], ['1:10000001'], [`A${'9'.repeat(400)}`]])('%p names no cell', (a1) => {
    expect(parseA1(a1)).toBeNull();
  });

  it.each([['ZZZ1', MAX_GRID_COLS], [`A${MAX_GRID_ROWS}`, 1]])('%p is the edge of the grid', (a1, col) => {
    expect(parseA1(a1)).toMatchObject({ col });
  });

  it.each([['A1:ZZZ9999999'], ['A:ZZZ'], ['1:9999999'], ['Z1:AA1']])('a hand edit of %p outside a 1000×26 sheet is refused at once', (a1) => {
    const rt = createLocalRuntime({ now: 0, timeZone: 'Asia/Shanghai', locale: 'zh_CN' });
    const name = rt.workbook.sheets[0].name;
    const before = process.memoryUsage().heapUsed;
    const r = rt.edit(`${name}!${a1}`, 'x');
    expect(r).toEqual({ ok: false, reason: 'The range is outside the sheet.', refusal: { kind: 'outsideSheet' } });
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });
});
