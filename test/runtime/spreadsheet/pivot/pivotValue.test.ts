// PivotValue and PivotFilter (developers.google.com/apps-script/reference/spreadsheet/pivot-value,
// pivot-filter, pivot-table-summarize-function, pivot-value-display-type).
import { pivotEnv } from './fixture';

const REF = 'developers.google.com/apps-script/reference/spreadsheet/';

/** PivotValue.remove() is on the reference page, not yet in @types/google-apps-script. */
const removeValue = (v: GoogleAppsScript.Spreadsheet.PivotValue) => (v as unknown as { remove(): void }).remove();

describe(`PivotValue [${REF}pivot-value]`, () => {
  test('every summarize function over Units (3, 5, 3, 4, 7, 1)', () => {
    const { out, data, source, app } = pivotEnv();
    data.getRange('C2').setValue(3);
    const pt = out.getRange('A1').createPivotTable(source);
    const fns = ['SUM', 'COUNTA', 'COUNT', 'COUNTUNIQUE', 'AVERAGE', 'MAX', 'MIN', 'MEDIAN', 'PRODUCT', 'STDEV', 'STDEVP', 'VAR', 'VARP'];
    const F = app.PivotTableSummarizeFunction as unknown as Record<string, GoogleAppsScript.Spreadsheet.PivotTableSummarizeFunction>;
    for (const fn of fns) pt.addPivotValue(3, F[fn]);
    const [head, row] = out.getRange(1, 1, 2, fns.length).getValues();
    expect(head).toEqual(fns.map((f) => `${f} of Units`));
    const xs = [3, 5, 3, 4, 7, 1];
    const mean = 23 / 6;
    const ss = xs.reduce((a, x) => a + (x - mean) ** 2, 0);
    expect(row[0]).toBe(23);
    expect(row.slice(1, 4)).toEqual([6, 6, 5]);
    expect(row[4]).toBeCloseTo(mean, 12);
    expect(row.slice(5, 9)).toEqual([7, 1, 3.5, 1260]);
    expect(row[9]).toBeCloseTo(Math.sqrt(ss / 5), 12);
    expect(row[10]).toBeCloseTo(Math.sqrt(ss / 6), 12);
    expect(row[11]).toBeCloseTo(ss / 5, 12);
    expect(row[12]).toBeCloseTo(ss / 6, 12);
  });

  test('text cells: SUM ignores them, COUNTA counts them, AVERAGE of none is #DIV/0!, MEDIAN of none #NUM!', () => {
    const { out, source, app } = pivotEnv();
    const pt = out.getRange('A1').createPivotTable(source);
    const F = app.PivotTableSummarizeFunction;
    for (const fn of [F.SUM, F.COUNTA, F.COUNT, F.AVERAGE, F.MEDIAN, F.MAX]) pt.addPivotValue(4, fn);
    expect(out.getRange('A2:F2').getValues()[0]).toEqual([0, 6, 0, '#DIV/0!', '#NUM!', 0]);
  });

  test('getters; summarizeBy / setDisplayName change the label; CUSTOM is for calculated values only', () => {
    const { out, source, app } = pivotEnv();
    const pt = out.getRange('A1').createPivotTable(source);
    pt.addRowGroup(1);
    const v = pt.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    expect(String(v.getSummarizedBy())).toBe('SUM');
    expect(String(v.getDisplayType())).toBe('DEFAULT');
    expect(v.getFormula()).toBeNull();
    expect(v.getPivotTable().getAnchorCell().getA1Notation()).toBe('A1');
    v.summarizeBy(app.PivotTableSummarizeFunction.MAX);
    expect(out.getRange('B1:B2').getValues()).toEqual([['MAX of Units'], [10]]);
    v.setDisplayName('Most');
    expect(out.getRange('B1').getValue()).toBe('Most');
    expect(() => v.summarizeBy(app.PivotTableSummarizeFunction.CUSTOM)).toThrow();
    expect(() => pt.addPivotValue(3, app.PivotTableSummarizeFunction.CUSTOM)).toThrow();
    expect(() => v.setFormula('=SUM(Units)')).toThrow();
    const calc = pt.addCalculatedPivotValue('Per row', '=Units*2');
    expect(() => calc.summarizeBy(app.PivotTableSummarizeFunction.MAX)).toThrow(/SUM or CUSTOM/);
    calc.summarizeBy(app.PivotTableSummarizeFunction.SUM);
    expect(out.getRange('C2').getValue()).toBe(32); // per row, then summed: (10 + 5 + 1) × 2
    calc.setFormula('=Units*3');
    expect(out.getRange('C2').getValue()).toBe(48);
  });

  test('showAs: percent of row, column and grand total, shown as 0.00%', () => {
    const { out, source, app } = pivotEnv();
    const pt = out.getRange('A1').createPivotTable(source);
    pt.addRowGroup(1);
    pt.addColumnGroup(2);
    const v = pt.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    const T = app.PivotValueDisplayType;
    v.showAs(T.PERCENT_OF_ROW_TOTAL);
    expect(out.getRange('B3:D3').getValues()[0]).toEqual([5 / 16, 11 / 16, 1]);
    expect(out.getRange('B3:D3').getDisplayValues()[0]).toEqual(['31.25%', '68.75%', '100.00%']);
    v.showAs(T.PERCENT_OF_COLUMN_TOTAL);
    expect(out.getRange('B3:D3').getValues()[0]).toEqual([5 / 12, 11 / 18, 16 / 30]);
    v.showAs(T.PERCENT_OF_GRAND_TOTAL);
    expect(out.getRange('B6:D6').getValues()[0]).toEqual([12 / 30, 18 / 30, 1]);
    expect(String(v.getDisplayType())).toBe('PERCENT_OF_GRAND_TOTAL');
    v.showAs(T.DEFAULT);
    expect(out.getRange('B3').getDisplayValue()).toBe('5');
  });

  test('remove() drops the value and a sort by it', () => {
    const { out, source, app } = pivotEnv();
    const pt = out.getRange('A1').createPivotTable(source);
    const g = pt.addRowGroup(1);
    const a = pt.addPivotValue(3, app.PivotTableSummarizeFunction.COUNTA);
    const b = pt.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    g.sortBy(b, []).sortDescending();
    removeValue(a);
    expect(pt.getPivotValues()).toHaveLength(1);
    expect(out.getRange('A1:B2').getValues()).toEqual([
      ['Region', 'SUM of Units'],
      ['East', 16],
    ]);
    removeValue(b);
    expect(out.getRange('A2').getValue()).toBe('West'); // sort by the removed value gone: descending by label
    expect(() => b.getSummarizedBy()).toThrow(/no longer exists/);
  });
});

describe(`PivotFilter [${REF}pivot-filter]`, () => {
  test('conditions and hidden values; setFilterCriteria replaces; one filter per column', () => {
    const { out, source, app } = pivotEnv();
    const pt = out.getRange('A1').createPivotTable(source);
    pt.addRowGroup(1);
    pt.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    const f = pt.addFilter(3, app.newFilterCriteria().whenNumberGreaterThan(4).build());
    expect(out.getRange('A2:B4').getValues()).toEqual([
      ['East', 15],
      ['North', 7],
      ['Grand Total', 22],
    ]);
    f.setFilterCriteria(app.newFilterCriteria().setHiddenValues(['10', '7']).build());
    expect(out.getRange('A2:B4').getValues()).toEqual([
      ['East', 6],
      ['West', 7],
      ['Grand Total', 13],
    ]);
    expect(f.getFilterCriteria().getHiddenValues()).toEqual(['10', '7']);
    expect(f.getPivotTable().getFilters()).toHaveLength(1);
    expect(() => pt.addFilter(3, app.newFilterCriteria().build())).toThrow(/already has a filter/);
    pt.addFilter(2, app.newFilterCriteria().whenTextContains('PEN').build());
    expect(out.getRange('A2:B3').getValues()).toEqual([
      ['East', 1],
      ['West', 7],
    ]);
  });
});
