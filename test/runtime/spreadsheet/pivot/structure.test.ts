// Rows and columns inserted or deleted move pivots and slicers with their cells
// (developers.google.com/apps-script/reference/spreadsheet/sheet#insertrowsbeforebeforeposition,-howmany,
// sheet#deletecolumncolumnposition): runtime/spreadsheet/pivot/structure.ts.
import { pivotEnv } from './fixture';

describe('pivots and slicers through inserted and deleted rows and columns', () => {
  function setup() {
    const e = pivotEnv();
    const pt = e.out.getRange('B2').createPivotTable(e.source);
    pt.addRowGroup(1);
    pt.addPivotValue(3, e.app.PivotTableSummarizeFunction.SUM);
    return { ...e, pt };
  }

  test('rows inserted above the anchor move the pivot; its old cells do not linger', () => {
    const { out, pt } = setup();
    out.insertRowsBefore(1, 2);
    expect(pt.getAnchorCell().getA1Notation()).toBe('B4');
    expect(out.getRange('B4:C5').getValues()).toEqual([
      ['Region', 'SUM of Units'],
      ['East', 16],
    ]);
    expect(out.getLastRow()).toBe(8);
    out.insertColumnsBefore(1, 1);
    expect(pt.getAnchorCell().getA1Notation()).toBe('C4');
    expect(out.getRange('C8').getValue()).toBe('Grand Total');
  });

  test('deleting the anchor’s row deletes the pivot', () => {
    const { out } = setup();
    out.deleteRow(2);
    expect(out.getPivotTables()).toHaveLength(0);
  });

  test('source rows and columns: the range grows and shrinks, groups follow their column or go', () => {
    const { data, out, pt, app } = setup();
    data.insertRowsAfter(3, 1);
    data.getRange('A4:D4').setValues([['East', 'Pen', 100, '是']]);
    expect((pt as unknown as { getSourceDataRange(): GoogleAppsScript.Spreadsheet.Range }).getSourceDataRange().getA1Notation()).toBe('A1:D8');
    expect(out.getRange('C3').getValue()).toBe(116);
    data.insertColumnBefore(1);
    expect(pt.getRowGroups()[0].getSourceDataColumn()).toBe(2);
    expect((pt.getPivotValues()[0] as unknown as { getSourceDataColumn(): number }).getSourceDataColumn()).toBe(4);
    expect(out.getRange('B3:C3').getValues()).toEqual([['East', 116]]);
    const s = out.insertSlicer(data.getRange('B1:E8'), 1, 10);
    s.setColumnFilterCriteria(2, app.newFilterCriteria().setVisibleValues(['Pen']).build()); // Product
    data.deleteColumn(1);
    expect(s.getRange().getA1Notation()).toBe('A1:D8');
    expect(s.getColumnPosition()).toBe(2);
    expect(out.getRange('B3:C3').getValues()).toEqual([['East', 111]]);
    data.deleteColumn(1); // Region, the row group's column
    expect(pt.getRowGroups()).toHaveLength(0);
    expect(s.getColumnPosition()).toBe(1);
    expect(out.getRange('B2:B3').getValues()).toEqual([['SUM of Units'], [118]]); // Pen only
  });

  test('a source deleted whole leaves #REF!', () => {
    const { ss, data, out } = setup();
    ss.deleteSheet(data);
    expect(out.getRange('B2').getValue()).toBe('#REF!');
  });
});
