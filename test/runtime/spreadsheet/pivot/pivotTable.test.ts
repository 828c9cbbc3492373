// PivotTable and Range.createPivotTable / Sheet.getPivotTables
// (developers.google.com/apps-script/reference/spreadsheet/pivot-table, range#createpivottablesourcedata,
// sheet#getpivottables): the cells a pivot shows, computed as Sheets lays them out.
import { env } from '../helpers';
import { pivotEnv } from './fixture';

const REF = 'developers.google.com/apps-script/reference/spreadsheet/';

describe(`PivotTable [${REF}pivot-table]`, () => {
  test('createPivotTable anchors an empty pivot at the first cell; a row group and a SUM show with a Grand Total', () => {
    const { out, source, app, shown } = pivotEnv();
    const pt = out.getRange('B2:C3').createPivotTable(source);
    expect(pt.getAnchorCell().getA1Notation()).toBe('B2');
    // getSourceDataRange is on the reference page, not yet in @types/google-apps-script
    expect((pt as unknown as { getSourceDataRange(): GoogleAppsScript.Spreadsheet.Range }).getSourceDataRange().getA1Notation()).toBe('A1:D7');
    expect(out.getLastRow()).toBe(0); // empty pivot: nothing shown
    pt.addRowGroup(1);
    pt.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    expect(out.getRange('B2:C6').getValues()).toEqual([
      ['Region', 'SUM of Units'],
      ['East', 16],
      ['North', 7],
      ['West', 7],
      ['Grand Total', 30],
    ]);
    expect(shown()[0]).toEqual(['', '', '']);
  });

  test('Grand Total is 总计 and subtotals "<value> 汇总" in a zh_CN spreadsheet (VERIFY pivot.labels-zh)', () => {
    const { out, source, app } = pivotEnv('zh_CN');
    const pt = out.getRange('A1').createPivotTable(source);
    pt.addRowGroup(1);
    pt.addRowGroup(2);
    pt.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    const v = out.getDataRange().getValues();
    expect(v[v.length - 1]).toEqual(['总计', '', 30]);
    expect(v.map((r) => r[0])).toContain('East 汇总');
  });

  test('column groups: labels row, values row with Grand Total column; blank where no records', () => {
    const { out, source, app, shown } = pivotEnv();
    const pt = out.getRange('A1').createPivotTable(source);
    pt.addRowGroup(1);
    pt.addColumnGroup(2);
    pt.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    expect(shown()).toEqual([
      ['SUM of Units', 'Product', '', ''],
      ['Region', 'Paper', 'Pen', 'Grand Total'],
      ['East', 5, 11, 16],
      ['North', 7, '', 7],
      ['West', '', 7, 7],
      ['Grand Total', 12, 18, 30],
    ]);
    expect(pt.getColumnGroups()).toHaveLength(1);
    expect(pt.getRowGroups()[0].getSourceDataColumn()).toBe(1);
  });

  test('several values along the columns get a row of value names; along the rows a column of them', () => {
    const { out, source, app, shown } = pivotEnv();
    const pt = out.getRange('A1').createPivotTable(source);
    pt.addRowGroup(1);
    pt.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    pt.addPivotValue(2, app.PivotTableSummarizeFunction.COUNTUNIQUE);
    expect(String(pt.getValuesDisplayOrientation())).toBe('COLUMNS');
    expect(shown()).toEqual([
      ['Region', 'SUM of Units', 'COUNTUNIQUE of Product'],
      ['East', 16, 2],
      ['North', 7, 1],
      ['West', 7, 1],
      ['Grand Total', 30, 2],
    ]);
    pt.setValuesDisplayOrientation(app.Dimension.ROWS);
    expect(shown().slice(0, 3)).toEqual([
      ['Region', 'Values', ''],
      ['East', 'SUM of Units', 16],
      ['', 'COUNTUNIQUE of Product', 2],
    ]);
  });

  test('addFilter with visible values keeps only those records; getFilters / remove', () => {
    const { out, source, app, shown } = pivotEnv();
    const pt = out.getRange('A1').createPivotTable(source);
    pt.addRowGroup(2);
    pt.addPivotValue(3, app.PivotTableSummarizeFunction.COUNTA);
    const f = pt.addFilter(1, app.newFilterCriteria().setVisibleValues(['East', 'North']).build());
    expect(shown()).toEqual([
      ['Product', 'COUNTA of Units'],
      ['Paper', 2],
      ['Pen', 2],
      ['Grand Total', 4],
    ]);
    expect(f.getFilterCriteria().getVisibleValues()).toEqual(['East', 'North']);
    expect(pt.getFilters()[0].getSourceDataColumn()).toBe(1);
    f.remove();
    expect(shown()[3]).toEqual(['Grand Total', 6]);
  });

  test('addCalculatedPivotValue: the formula over each cell’s records, fields named by header', () => {
    const { out, source, shown } = pivotEnv();
    const pt = out.getRange('A1').createPivotTable(source);
    pt.addRowGroup(1);
    const v = pt.addCalculatedPivotValue('Met %', `=COUNTIF(Met,"是")/COUNTA('Units')`);
    expect(String(v.getSummarizedBy())).toBe('CUSTOM');
    expect(v.getFormula()).toBe(`=COUNTIF(Met,"是")/COUNTA('Units')`);
    expect(shown()).toEqual([
      ['Region', 'Met %'],
      ['East', 2 / 3],
      ['North', 0],
      ['West', 1],
      ['Grand Total', 4 / 6],
    ]);
    pt.addCalculatedPivotValue('Ratio', '=SUM(Units)/COUNT(Units)');
    expect(shown()[1]).toEqual(['East', 2 / 3, 16 / 3]);
  });

  test('a calculated value names its header; a field whose header has a space or is not ASCII is quoted', () => {
    const e = env({ locale: 'zh_CN' });
    const data = e.ss.insertSheet('数据');
    data.getRange('A1:C5').setValues([['问题编号', 'Dept name', '达成'], ['T1', 'IT', 1], ['T2', 'HR', ''], ['', 'IT', 0], ['T4', 'IT', 1]]);
    const out = e.ss.insertSheet('透视');
    const pt = out.getRange('A1').createPivotTable(data.getRange('A1:C5'));
    pt.addRowGroup(2);
    pt.addCalculatedPivotValue('工单数', "=COUNTA('问题编号')");
    pt.addCalculatedPivotValue('Rate', "=IFERROR(SUM('达成')/COUNT('达成'),\"\")");
    expect(out.getDataRange().getValues()).toEqual([
      ['Dept name', '工单数', 'Rate'],
      ['HR', 1, ''],
      ['IT', 2, 2 / 3],
      ['总计', 3, 2 / 3],
    ]);
    // Unquoted, a header with a space is two names: the formula does not parse.
    pt.addCalculatedPivotValue('bad', '=COUNTA(Dept name)');
    expect(out.getRange('D2').getValue()).toBe('#ERROR!');
  });

  test('COUNTIFS in a calculated value: a wildcard over one field, a number over another; ">=0" skips blanks (the weekly SLA pivot)', () => {
    const e = env({ locale: 'en_US' });
    const data = e.ss.insertSheet('Data');
    data.getRange('A1:C8').setValues([['Owner', 'Met', 'Weeks'], ['A', 1, 'W1'], ['A', 0, 'W1 W2'], ['A', '', 'W2'], ['B', 1, 'W2'], ['B', '', 'W1'], ['B', 0, 'W3'], ['C', 1, 'W1']]);
    const out = e.ss.insertSheet('Pivot');
    const pt = out.getRange('A1').createPivotTable(data.getRange('A1:C8'));
    pt.addRowGroup(1);
    pt.addCalculatedPivotValue('W2 met', '=IFERROR(COUNTIFS(Weeks,"*W2*",Met,1)/COUNTIFS(Weeks,"*W2*",Met,">=0"),"")');
    expect(out.getDataRange().getValues()).toEqual([['Owner', 'W2 met'], ['A', 0], ['B', 1], ['C', ''], ['Grand Total', 0.5]]);
  });

  test('a pivot taller or wider than the grid grows the sheet to fit (VERIFY pivot.grows-grid)', () => {
    const { out, source, app } = pivotEnv();
    out.deleteRows(9, out.getMaxRows() - 8);
    const pt = out.getRange('Z6').createPivotTable(source);
    pt.addRowGroup(1);
    pt.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    expect([out.getMaxRows(), out.getMaxColumns()]).toEqual([10, 27]);
    expect(out.getRange('Z10:AA10').getValues()[0]).toEqual(['Grand Total', 30]);
  });

  test('calculated value formulas: "=" required; unknown functions refused; a bad formula shows #ERROR!', () => {
    const { out, source, shown } = pivotEnv();
    const pt = out.getRange('A1').createPivotTable(source);
    pt.addRowGroup(1);
    expect(() => pt.addCalculatedPivotValue('x', 'SUM(Units)')).toThrow(/must start with an =/);
    expect(() => pt.addCalculatedPivotValue('x', '=VLOOKUP(Units)')).toThrow(/not provided by the local runtime/);
    pt.addCalculatedPivotValue('bad', '=SUM(Units');
    expect(shown()[1]).toEqual(['East', '#ERROR!']);
  });

  test('the pivot recomputes when its source data changes', () => {
    const { out, data, source, app, shown } = pivotEnv();
    const pt = out.getRange('A1').createPivotTable(source);
    pt.addRowGroup(1);
    pt.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    data.getRange('C2').setValue(100);
    expect(shown()[1]).toEqual(['East', 106]);
  });

  test('recomputes after a hand edit, a slicer or definition change, a number format change, and through source formulas', () => {
    const { wb, out, data, source, app, shown } = pivotEnv();
    const pt = out.getRange('A1').createPivotTable(source);
    pt.addRowGroup(1);
    pt.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    expect(shown()[1]).toEqual(['East', 16]);
    wb.sheetByName('Data')!.rows[1]![2] = 20; // a change that bypasses every API
    expect(shown()[1]).toEqual(['East', 26]);
    pt.addFilter(3, app.newFilterCriteria().setVisibleValues(['20.0']).build());
    expect(shown()).toEqual([['Region', 'SUM of Units'], ['Grand Total', '']]); // no records left: an empty total
    data.getRange('C2').setNumberFormat('0.0');
    expect(shown()[1]).toEqual(['East', 20]);
    pt.getFilters()[0].remove();
    data.getRange('E2').setValue(4);
    data.getRange('C3').setFormula('=E2*2');
    expect(shown()[1]).toEqual(['East', 29]);
    data.getRange('E2').setValue(5);
    expect(shown()[1]).toEqual(['East', 31]);
  });

  test('getPivotTables lists the sheet’s pivots; remove() deletes one and its cells', () => {
    const { out, source, app, shown } = pivotEnv();
    const a = out.getRange('A1').createPivotTable(source);
    a.addRowGroup(1);
    a.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    const b = out.getRange('E1').createPivotTable(source);
    b.addRowGroup(2);
    b.addPivotValue(3, app.PivotTableSummarizeFunction.AVERAGE);
    expect(out.getPivotTables()).toHaveLength(2);
    expect(shown()[1]).toEqual(['East', 16, '', '', 'Paper', 6]);
    a.remove();
    expect(out.getPivotTables()).toHaveLength(1);
    expect(out.getRange('A1:B5').getValues().flat().every((x) => x === '')).toBe(true);
    expect(() => a.addRowGroup(2)).toThrow(/no longer exists/);
  });

  test('strict: columns outside the source, an anchor inside the source, an empty header row, a column grouped twice', () => {
    const { out, data, source } = pivotEnv();
    expect(() => data.getRange('B2').createPivotTable(source)).toThrow(/inside its source/);
    expect(() => out.getRange('A1').createPivotTable(data.getRange('A20:D30'))).toThrow(/header row/);
    const pt = out.getRange('A1').createPivotTable(source);
    expect(() => pt.addRowGroup(5)).toThrow(/outside the source data range/);
    expect(() => pt.addRowGroup(0)).toThrow();
    pt.addRowGroup(1);
    expect(() => pt.addColumnGroup(1)).toThrow(/already grouped/);
  });

  test('writing into a pivot’s cells: the pivot shows #REF! at its anchor and keeps the data (VERIFY pivot.overwrite)', () => {
    const { out, source, app } = pivotEnv();
    const pt = out.getRange('A1').createPivotTable(source);
    pt.addRowGroup(1);
    pt.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    expect(out.getRange('B3').getValue()).toBe(7);
    out.getRange('B3').setValue('mine');
    expect(out.getRange('A1:B3').getValues()).toEqual([
      ['#REF!', ''],
      ['', ''],
      ['', 'mine'],
    ]);
    out.getRange('B3').clearContent();
    expect(out.getRange('A1:B2').getValues()).toEqual([
      ['Region', 'SUM of Units'],
      ['East', 16],
    ]);
  });

  test('empty strings written over the area (a title grid) are no data: the pivot shows', () => {
    const { out, source, app } = pivotEnv();
    out.getRange('A1:D10').setValues(Array.from({ length: 10 }, (_, i) => ['', '', i === 0 ? 'title' : '', '']));
    const pt = out.getRange('A2').createPivotTable(source);
    pt.addRowGroup(1);
    pt.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    expect(out.getRange('A2:C3').getValues()).toEqual([
      ['Region', 'SUM of Units', ''],
      ['East', 16, ''],
    ]);
    expect(out.getRange('C1').getValue()).toBe('title');
  });

  test('two pivots whose results overlap: the later one shows #REF!', () => {
    const { out, source, app } = pivotEnv();
    const a = out.getRange('A1').createPivotTable(source);
    a.addRowGroup(1);
    a.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    const b = out.getRange('B3').createPivotTable(source);
    b.addRowGroup(2);
    expect(out.getRange('A1:B3').getValues()).toEqual([
      ['Region', 'SUM of Units'],
      ['East', 16],
      ['North', 7],
    ]);
    expect(out.getRange('B3').getValue()).toBe(7);
    a.remove();
    expect(out.getRange('B3:B5').getValues()).toEqual([['Product'], ['Paper'], ['Pen']]);
  });

  test('pivots persist with the workbook JSON and compute again after a reload', () => {
    const { wb, out, source, app } = pivotEnv();
    const pt = out.getRange('A1').createPivotTable(source);
    pt.addRowGroup(1).sortDescending();
    pt.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    out.getDataRange().getValues();
    const json = JSON.parse(JSON.stringify(wb.toJSON()));
    expect(json.sheets[2].pivots).toHaveLength(1);
    expect(json.sheets[2].rows[1]).toEqual(['West', 7]);
  });
});
