// TextFinder as its reference page describes it (developers.google.com/apps-script/reference/
// spreadsheet/text-finder): partial and case-insensitive unless told otherwise, row by row,
// findNext/findPrevious step and return null past the ends, each member one call, and the cells
// it searches counted apart from cells read (the search runs on Google's side).
import { env } from './helpers';

function ids(n: number): string[][] {
  return Array.from({ length: n }, (_, i) => [`IT20240501${String(i + 1).padStart(3, '0')}`, `row ${i + 1}`]);
}

describe('TextFinder', () => {
  test('partial and case-insensitive by default; matchEntireCell and matchCase narrow it', () => {
    const { sheet } = env();
    sheet.getRange('A1:B3').setValues([
      ['IT20240501100', 'see IT20240501100'],
      ['IT202405011000', ''],
      ['it20240501100', ''],
    ]);
    const a1 = (rs: GoogleAppsScript.Spreadsheet.Range[]) => rs.map((r) => r.getA1Notation());
    expect(a1(sheet.createTextFinder('IT20240501100').findAll())).toEqual(['A1', 'B1', 'A2', 'A3']);
    expect(a1(sheet.createTextFinder('IT20240501100').matchEntireCell(true).findAll())).toEqual(['A1', 'A3']);
    expect(a1(sheet.createTextFinder('IT20240501100').matchEntireCell(true).matchCase(true).findAll())).toEqual(['A1']);
    expect(a1(sheet.getRange('A1:A3').createTextFinder('IT20240501100').findAll())).toEqual(['A1', 'A2', 'A3']);
  });

  test('findNext walks row by row and returns null past the last match; findPrevious walks back', () => {
    const { sheet } = env();
    sheet.getRange('A1:B3').setValues([
      ['x', 'a x'],
      ['', ''],
      ['xx', ''],
    ]);
    const f = sheet.createTextFinder('x');
    expect(f.getCurrentMatch()).toBeNull();
    expect(f.findNext()!.getA1Notation()).toBe('A1');
    expect(f.findNext()!.getA1Notation()).toBe('B1');
    expect(f.findNext()!.getA1Notation()).toBe('A3');
    expect(f.getCurrentMatch()!.getA1Notation()).toBe('A3');
    expect(f.findNext()).toBeNull();
    expect(f.findPrevious()!.getA1Notation()).toBe('B1');
    expect(f.findPrevious()!.getA1Notation()).toBe('A1');
    expect(f.findPrevious()).toBeNull();
  });

  test('startFrom searches from just after the given cell', () => {
    const { sheet } = env();
    sheet.getRange('A1:A4').setValues([['k'], ['k'], ['k'], ['k']]);
    const f = sheet.createTextFinder('k').startFrom(sheet.getRange('A2'));
    expect(f.findNext()!.getA1Notation()).toBe('A3');
  });

  test('ignoreDiacritics(true) lets é match e', () => {
    const { sheet } = env();
    sheet.getRange('A1:A2').setValues([['café'], ['cafe']]);
    expect(sheet.createTextFinder('cafe').findAll()).toHaveLength(1);
    expect(sheet.createTextFinder('cafe').ignoreDiacritics(true).findAll()).toHaveLength(2);
  });

  test('each member is one spreadsheet call; searched cells are not read cells', () => {
    const { sheet, ctx } = env();
    sheet.getRange(1, 1, 1000, 2).setValues(ids(1000));
    ctx.acct.reset();
    const hit = sheet.createTextFinder('IT20240501500').matchEntireCell(true).findNext();
    const s = ctx.acct.reset();
    expect(hit!.getA1Notation()).toBe('A500');
    expect(s.byMethod).toEqual({ 'Sheet.createTextFinder': 1, 'TextFinder.matchEntireCell': 1, 'TextFinder.findNext': 1 });
    expect(s.spreadsheetCalls).toBe(3);
    expect(s.cellsRead).toBe(0);
    // Row by row up to the match: 499 rows of two cells, then A500.
    expect(s.cellsSearched).toBe(999);
    sheet.createTextFinder('nothing').findAll();
    expect(ctx.acct.reset().cellsSearched).toBe(2000);
  });
});
