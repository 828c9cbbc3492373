// Slicer and Sheet.insertSlicer / getSlicers (developers.google.com/apps-script/reference/spreadsheet/slicer,
// sheet#insertslicerrange,-anchorrowpos,-anchorcolpos): a slicer filters the pivots on its sheet
// built over its data range.
import { renderSheet } from '../../../../runtime/spreadsheet';
import { setSlicerVisibleValues } from '../../../../runtime/spreadsheet';
import { NOW } from '../helpers';
import { pivotEnv } from './fixture';

const REF = 'developers.google.com/apps-script/reference/spreadsheet/';

describe(`Slicer [${REF}slicer]`, () => {
  function setup() {
    const e = pivotEnv();
    const pt = e.out.getRange('A1').createPivotTable(e.source);
    pt.addRowGroup(2);
    pt.addPivotValue(3, e.app.PivotTableSummarizeFunction.SUM);
    return { ...e, pt };
  }

  test('insertSlicer: no column or criteria yet, applied to pivots, anchored where asked', () => {
    const { out, source } = setup();
    const s = out.insertSlicer(source, 2, 6, 10, 4);
    expect(s.getColumnPosition()).toBeNull();
    expect(s.getFilterCriteria()).toBeNull();
    expect(s.isAppliedToPivotTables()).toBe(true);
    expect(s.getRange().getA1Notation()).toBe('A1:D7');
    const c = s.getContainerInfo();
    expect([c.getAnchorRow(), c.getAnchorColumn(), c.getOffsetX(), c.getOffsetY()]).toEqual([2, 6, 10, 4]);
    expect(out.getSlicers()).toHaveLength(1);
  });

  test('setColumnFilterCriteria filters the pivots over the same range; setApplyToPivotTables(false) stops it', () => {
    const { out, source, app, shown } = setup();
    const s = out.insertSlicer(source, 1, 6);
    s.setColumnFilterCriteria(1, app.newFilterCriteria().setVisibleValues(['West']).build());
    expect(shown().slice(0, 3).map((r) => r.slice(0, 2))).toEqual([
      ['Product', 'SUM of Units'],
      ['Pen', 7],
      ['Grand Total', 7],
    ]);
    expect(s.getColumnPosition()).toBe(1);
    expect(s.getFilterCriteria()!.getVisibleValues()).toEqual(['West']);
    s.setApplyToPivotTables(false);
    expect(shown()[3].slice(0, 2)).toEqual(['Grand Total', 30]);
  });

  test('a slicer over another range, or on another sheet, leaves the pivot alone', () => {
    const { out, data, app, shown, ss } = setup();
    out.insertSlicer(data.getRange('A1:D6'), 1, 6).setColumnFilterCriteria(1, app.newFilterCriteria().setVisibleValues(['West']).build());
    ss.insertSheet('Other').insertSlicer(data.getRange('A1:D7'), 1, 1).setColumnFilterCriteria(1, app.newFilterCriteria().setVisibleValues(['West']).build());
    expect(shown()[3].slice(0, 2)).toEqual(['Grand Total', 30]);
  });

  test('strict: a column position outside the data range, an anchor outside the sheet; remove()', () => {
    const { out, source, app } = setup();
    expect(() => out.insertSlicer(source, 0, 1)).toThrow();
    const s = out.insertSlicer(source, 1, 6);
    expect(() => s.setColumnFilterCriteria(5, app.newFilterCriteria().build())).toThrow(/columnPosition/);
    s.setTitle('Region').setTitleHorizontalAlignment('center').setBackgroundColor('#FFEEDD');
    expect([s.getTitle(), s.getTitleHorizontalAlignment(), s.getBackgroundColor()]).toEqual(['Region', 'center', '#ffeedd']);
    s.remove();
    expect(out.getSlicers()).toHaveLength(0);
    expect(() => s.getTitle()).toThrow(/no longer exists/);
  });

  test('the grid lists slicers with their values; ticking values there re-filters the pivot', () => {
    const { wb, out, source, app, shown } = setup();
    const s = out.insertSlicer(source, 1, 6).setColumnFilterCriteria(1, app.newFilterCriteria().build());
    const view = renderSheet(wb, 'Pivot', NOW);
    expect(view.slicers[0]).toMatchObject({ column: 1, columnName: 'Region', values: ['East', 'North', 'West'], visible: null });
    expect(view.pivots[0]).toMatchObject({ anchor: 'A1', range: 'A1:B4', source: 'Data!A1:D7', headerRows: 1, labelCols: 1, totalRows: [4], totalCols: [], error: false });
    setSlicerVisibleValues(wb, 'Pivot', view.slicers[0].id, ['North'], NOW);
    expect(shown().map((r) => r.slice(0, 2))).toEqual([
      ['Product', 'SUM of Units'],
      ['Paper', 7],
      ['Grand Total', 7],
    ]);
    expect(s.getFilterCriteria()!.getVisibleValues()).toEqual(['North']);
  });
});

describe('the grid view of a pivot (render.ts)', () => {
  test('header rows, label columns and the rows and columns of totals, in sheet coordinates', () => {
    const { wb, out, source, app } = pivotEnv();
    const pt = out.getRange('C3').createPivotTable(source);
    pt.addRowGroup(1);
    pt.addRowGroup(4);
    pt.addColumnGroup(2);
    pt.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
    const [p] = renderSheet(wb, 'Pivot', NOW).pivots;
    // rows 3-4 header; East (是, 否) 5-6, East Total 7; North 8, total 9; West 10, total 11; Grand Total 12
    expect(p).toMatchObject({ anchor: 'C3', range: 'C3:G12', headerRows: 2, labelCols: 2, totalRows: [7, 9, 11, 12], totalCols: [7] });
    expect(out.getRange('C12').getValue()).toBe('Grand Total');
    expect(out.getRange('G4').getValue()).toBe('Grand Total');
  });
});
