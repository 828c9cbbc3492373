// The A1 parser refuses references past any sheet's grid (18,278 columns, 10 million cells a
// spreadsheet: support.google.com/drive/answer/37603), and a hand edit checks its range against the
// sheet before building anything the size of it (issue 17: a huge range killed the preview).
import { MAX_GRID_COLS, MAX_GRID_ROWS, parseA1 } from '../../../runtime/spreadsheet/a1';
import { createLocalRuntime } from '../../../runtime';
import { env } from './helpers';

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

// The A1 notations the Range reference names for its bounded flags (range#isstartrowbounded,
// range#isstartcolumnbounded, range#isendrowbounded, range#isendcolumnbounded): A1:B10, B:B, 3:7,
// A1:C and A1:5. getRange takes each, and the four flags are the ones the page gives it.
const flags = (r: GoogleAppsScript.Spreadsheet.Range) => [
  r.isStartRowBounded(),
  r.isStartColumnBounded(),
  r.isEndRowBounded(),
  r.isEndColumnBounded(),
];

describe('A1 notations the Range page documents', () => {
  it('A1:5 (a cell, then a row only) runs from A1 to the last column of row 5: bound everywhere but at its end column', () => {
    const { sheet, ss } = env();
    const r = sheet.getRange('A1:5');
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([1, 1, 5, 26]);
    expect(flags(r)).toEqual([true, true, true, false]);
    expect(r.getA1Notation()).toBe('A1:5');
    // with the sheet name, through the spreadsheet, and from a later column
    expect(flags(ss.getRange(`${sheet.getName()}!A1:5`))).toEqual([true, true, true, false]);
    const b = sheet.getRange('B3:7');
    expect([b.getRow(), b.getColumn(), b.getNumRows(), b.getNumColumns(), b.getA1Notation()]).toEqual([3, 2, 5, 25, 'B3:7']);
  });

  it.each([
    ['A1:B10', [true, true, true, true]],
    ['B:B', [false, true, false, true]],
    ['3:7', [true, false, true, false]],
    ['A2:C', [true, true, false, true]],
  ])('%p keeps the flags the page gives it', (a1, expected) => {
    expect(flags(env().sheet.getRange(a1))).toEqual(expected);
  });

  it.each([['5:A1'], ['A1:'], [':5'], ['A1:5:6']])('%p, which the page does not name, is still refused', (a1) => {
    expect(parseA1(a1)).toBeNull();
    expect(() => env().sheet.getRange(a1)).toThrow('Range not found');
  });
});
