// Pivot tables, slicers and filter criteria (issue 19): the cells a pivot shows and the members the
// weekly pivot sheet uses. Local model: runtime/spreadsheet/pivot/; runtime tests:
// test/runtime/spreadsheet/pivot/. Where the reference is silent (labels, layout, strictness) the
// expected value is the local model's, to be confirmed here on Google.
// Over ~400 lines: a list of independent cases, one per modelled behaviour, each citing its page.
import type { Case, Ctx } from '../suite';
import { REF, threw } from '../suite';

const S = REF + 'spreadsheet/';

const DATA = [
  ['Region', 'Product', 'Units', 'Met'],
  ['East', 'Pen', 10, 'yes'],
  ['East', 'Paper', 5, 'no'],
  ['West', 'Pen', 3, 'yes'],
  ['West', 'Pen', 4, 'yes'],
  ['North', 'Paper', 7, 'no'],
  ['East', 'Pen', 1, 'yes'],
];

/** A scratch sheet with the data in A1:D7 and an empty pivot anchored at G1 over it. */
function pivot({ scratch }: Ctx) {
  const sh = scratch();
  sh.getRange(1, 1, DATA.length, 4).setValues(DATA);
  const source = sh.getRange(1, 1, DATA.length, 4);
  const pt = sh.getRange('G1').createPivotTable(source);
  const shown = (a1: string) => sh.getRange(a1).getValues();
  return { sh, source, pt, shown };
}

const F = (c: Ctx) => c.svc.SpreadsheetApp.PivotTableSummarizeFunction;

const CASES: Case[] = [
  {
    id: 'pivot.rows-sum',
    ref: S + 'pivot-table#addrowgroupsourcedatacolumn',
    expected: [['Region', 'SUM of Units'], ['East', 16], ['North', 7], ['West', 7], ['Grand Total', 30]],
    how: 'data A1:D7 (Region, Product, Units, Met), pivot at G1: addRowGroup(1), addPivotValue(3, SUM); G1:H5 values (en_US spreadsheet)',
    run: (c) => {
      const { pt, shown } = pivot(c);
      pt.addRowGroup(1);
      pt.addPivotValue(3, F(c).SUM);
      return shown('G1:H5');
    },
  },
  {
    id: 'pivot.labels-zh',
    ref: S + 'pivot-table',
    expected: [['总计', '', 30], 'East 汇总'],
    how: 'spreadsheet locale zh_CN; row groups Region, Product, SUM of Units: [last row of the pivot, the East subtotal label] (locale restored after)',
    run: (c) => {
      const locale = c.ss.getSpreadsheetLocale();
      c.ss.setSpreadsheetLocale('zh_CN');
      try {
        const { pt, sh } = pivot(c);
        pt.addRowGroup(1);
        pt.addRowGroup(2);
        pt.addPivotValue(3, F(c).SUM);
        const v = sh.getRange('G1:I9').getValues();
        return [v[8], v[3][0]];
      } finally {
        c.ss.setSpreadsheetLocale(locale);
      }
    },
  },
  {
    id: 'pivot.columns-layout',
    ref: S + 'pivot-table#addcolumngroupsourcedatacolumn',
    expected: [
      ['SUM of Units', 'Product', '', ''],
      ['Region', 'Paper', 'Pen', 'Grand Total'],
      ['East', 5, 11, 16],
      ['North', 7, '', 7],
      ['West', '', 7, 7],
      ['Grand Total', 12, 18, 30],
    ],
    how: 'rows Region, columns Product, SUM of Units: G1:J6 values (a blank where no records)',
    run: (c) => {
      const { pt, shown } = pivot(c);
      pt.addRowGroup(1);
      pt.addColumnGroup(2);
      pt.addPivotValue(3, F(c).SUM);
      return shown('G1:J6');
    },
  },
  {
    id: 'pivot.values-names-row',
    ref: S + 'pivot-table#setvaluesdisplayorientationdimension',
    expected: [
      [['Region', 'SUM of Units', 'COUNTUNIQUE of Product'], ['East', 16, 2]],
      [['Region', 'Values', ''], ['East', 'SUM of Units', 16], ['', 'COUNTUNIQUE of Product', 2]],
    ],
    how: 'rows Region, values SUM of Units and COUNTUNIQUE of Product: G1:I2; then setValuesDisplayOrientation(ROWS): G1:I3',
    run: (c) => {
      const { pt, shown } = pivot(c);
      pt.addRowGroup(1);
      pt.addPivotValue(3, F(c).SUM);
      pt.addPivotValue(2, F(c).COUNTUNIQUE);
      const cols = shown('G1:I2');
      pt.setValuesDisplayOrientation(c.svc.SpreadsheetApp.Dimension.ROWS);
      return [cols, shown('G1:I3')];
    },
  },
  {
    id: 'pivot.filter-visible',
    ref: S + 'pivot-table#addfiltersourcedatacolumn,-filtercriteria',
    expected: [['Product', 'COUNTA of Units'], ['Paper', 2], ['Pen', 2], ['Grand Total', 4]],
    how: 'rows Product, COUNTA of Units, addFilter(1, visible values East, North): G1:H4',
    run: (c) => {
      const { pt, shown } = pivot(c);
      pt.addRowGroup(2);
      pt.addPivotValue(3, F(c).COUNTA);
      pt.addFilter(1, c.svc.SpreadsheetApp.newFilterCriteria().setVisibleValues(['East', 'North']).build());
      return shown('G1:H4');
    },
  },
  {
    id: 'pivot.calculated-default',
    ref: S + 'pivot-table#addcalculatedpivotvaluename,-formula',
    expected: ['CUSTOM', [['Region', 'Met rate'], ['East', 0.6666666666666666], ['North', 0], ['West', 1], ['Grand Total', 0.6666666666666666]]],
    how: `rows Region, addCalculatedPivotValue('Met rate', '=COUNTIF(Met,"yes")/COUNTA(Units)'): [getSummarizedBy(), G1:H5]`,
    run: (c) => {
      const { pt, shown } = pivot(c);
      pt.addRowGroup(1);
      const v = pt.addCalculatedPivotValue('Met rate', '=COUNTIF(Met,"yes")/COUNTA(Units)');
      return [String(v.getSummarizedBy()), shown('G1:H5')];
    },
  },
  {
    id: 'pivot.calculated-needs-equals',
    ref: S + 'pivot-table#addcalculatedpivotvaluename,-formula',
    expected: 'threw',
    how: "addCalculatedPivotValue('x', 'SUM(Units)') (no leading =)",
    run: (c) => threw(() => pivot(c).pt.addCalculatedPivotValue('x', 'SUM(Units)')),
  },
  {
    id: 'pivot.calculated-quoted-header',
    ref: S + 'pivot-table#addcalculatedpivotvaluename,-formula',
    expected: [['Dept', 'Tickets'], ['HR', 1], ['IT', 2], ['Grand Total', 3]],
    how: `data A1:B4 headed "Ticket ID", "Dept"; pivot at D1: rows Dept, addCalculatedPivotValue('Tickets', "=COUNTA('Ticket ID')") (a header with a space, quoted): D1:E4 (the value's header is its name)`,
    run: (c) => {
      const sh = c.scratch();
      sh.getRange('A1:B4').setValues([['Ticket ID', 'Dept'], ['T1', 'IT'], ['T2', 'HR'], ['T3', 'IT']]);
      const pt = sh.getRange('D1').createPivotTable(sh.getRange('A1:B4'));
      pt.addRowGroup(2);
      pt.addCalculatedPivotValue('Tickets', "=COUNTA('Ticket ID')");
      return sh.getRange('D1:E4').getValues();
    },
  },
  {
    id: 'pivot.calculated-countifs',
    ref: S + 'pivot-table#addcalculatedpivotvaluename,-formula',
    expected: [['Owner', 'W2 met'], ['A', 0], ['B', 1], ['C', ''], ['Grand Total', 0.5]],
    how: `data A1:C8 (Owner, Met 1/0/blank, Weeks "W1 W2"…); pivot at E1: rows Owner, addCalculatedPivotValue('W2 met', '=IFERROR(COUNTIFS(Weeks,"*W2*",Met,1)/COUNTIFS(Weeks,"*W2*",Met,">=0"),"")'): E1:F5 (the weekly SLA pivot's formula: a wildcard over one field, a blank not counted by ">=0", nothing final blank)`,
    run: (c) => {
      const sh = c.scratch();
      const rows = [['Owner', 'Met', 'Weeks'], ['A', 1, 'W1'], ['A', 0, 'W1 W2'], ['A', '', 'W2'], ['B', 1, 'W2'], ['B', '', 'W1'], ['B', 0, 'W3'], ['C', 1, 'W1']];
      sh.getRange('A1:C8').setValues(rows);
      const pt = sh.getRange('E1').createPivotTable(sh.getRange('A1:C8'));
      pt.addRowGroup(1);
      pt.addCalculatedPivotValue('W2 met', '=IFERROR(COUNTIFS(Weeks,"*W2*",Met,1)/COUNTIFS(Weeks,"*W2*",Met,">=0"),"")');
      return sh.getRange('E1:F5').getValues();
    },
  },
  {
    id: 'pivot.grows-grid',
    ref: S + 'range#createpivottablesourcedata',
    expected: [8, 10, 27, ['Grand Total', 30]],
    how: 'data A1:D7 on a sheet cut to 8 rows × 26 columns; pivot at Z6 (rows Region, SUM of Units: 5 rows × 2 columns): [getMaxRows() before, getMaxRows(), getMaxColumns() after, Z10:AA10] (the weekly pivot sheet relies on a pivot taller than the grid growing it)',
    run: (c) => {
      const sh = c.scratch();
      sh.deleteRows(9, sh.getMaxRows() - 8);
      const before = sh.getMaxRows();
      sh.getRange(1, 1, DATA.length, 4).setValues(DATA);
      const pt = sh.getRange('Z6').createPivotTable(sh.getRange(1, 1, DATA.length, 4));
      pt.addRowGroup(1);
      pt.addPivotValue(3, F(c).SUM);
      return [before, sh.getMaxRows(), sh.getMaxColumns(), sh.getRange('Z10:AA10').getValues()[0]];
    },
  },
  {
    id: 'pivot.column-outside-source',
    ref: S + 'pivot-table#addrowgroupsourcedatacolumn',
    expected: ['threw', 'threw'],
    how: 'source A1:D7: [addRowGroup(5), addPivotValue(0, SUM)]',
    run: (c) => {
      const { pt } = pivot(c);
      return [threw(() => pt.addRowGroup(5)), threw(() => pt.addPivotValue(0, F(c).SUM))];
    },
  },
  {
    id: 'pivot.anchor-inside-source',
    ref: S + 'range#createpivottablesourcedata',
    expected: 'threw',
    how: 'B2.createPivotTable(A1:D7)',
    run: (c) => {
      const sh = c.scratch();
      sh.getRange(1, 1, DATA.length, 4).setValues(DATA);
      return threw(() => sh.getRange('B2').createPivotTable(sh.getRange('A1:D7')));
    },
  },
  {
    id: 'pivot.empty-header',
    ref: S + 'range#createpivottablesourcedata',
    expected: 'threw',
    how: 'G1.createPivotTable(A20:D30) where row 20 (the header row) is empty',
    run: (c) => {
      const sh = c.scratch();
      sh.getRange(21, 1, 1, 2).setValues([['a', 1]]);
      return threw(() => sh.getRange('G1').createPivotTable(sh.getRange('A20:D30')));
    },
  },
  {
    id: 'pivot.group-twice',
    ref: S + 'pivot-table#addcolumngroupsourcedatacolumn',
    expected: 'threw',
    how: 'addRowGroup(1) then addColumnGroup(1)',
    run: (c) => {
      const { pt } = pivot(c);
      pt.addRowGroup(1);
      return threw(() => pt.addColumnGroup(1));
    },
  },
  {
    id: 'pivot.group-defaults',
    ref: S + 'pivot-group',
    expected: [true, true, false, 'ROWS', 0],
    how: 'a new row group: [isSortAscending(), totalsAreShown(), areLabelsRepeated(), getDimension(), getIndex()]',
    run: (c) => {
      const g = pivot(c).pt.addRowGroup(1);
      return [g.isSortAscending(), g.totalsAreShown(), g.areLabelsRepeated(), String(g.getDimension()), g.getIndex()];
    },
  },
  {
    id: 'pivot.group-sort-by-ties',
    ref: S + 'pivot-group#sortbyvalue,-oppositegroupvalues',
    expected: [['Region', 'SUM of Units'], ['East', 16], ['North', 7], ['West', 7], ['Grand Total', 30]],
    how: 'rows Region sortBy(SUM of Units, []) descending (North and West tie at 7): G1:H5',
    run: (c) => {
      const { pt, shown } = pivot(c);
      const g = pt.addRowGroup(1);
      const v = pt.addPivotValue(3, F(c).SUM);
      g.sortBy(v, []).sortDescending();
      return shown('G1:H5');
    },
  },
  {
    id: 'pivot.group-limit-refused',
    ref: S + 'pivot-group#setgrouplimitcountlimit',
    expected: 'threw',
    how: 'setGroupLimit(2) on a row group of a pivot over a range ("The operation is only supported for DataSourcePivotTable")',
    run: (c) => {
      const g = pivot(c).pt.addRowGroup(1);
      return threw(() => (g as unknown as { setGroupLimit(n: number): unknown }).setGroupLimit(2));
    },
  },
  {
    id: 'pivot.group-clear-sort',
    ref: S + 'pivot-group#clearsort',
    expected: [true, ['East', 'North', 'West']],
    how: 'rows Region sortDescending() then clearSort(): [isSortAscending(), G2:G4]',
    run: (c) => {
      const { pt, shown } = pivot(c);
      const g = pt.addRowGroup(1);
      pt.addPivotValue(3, F(c).SUM);
      g.sortDescending().clearSort();
      return [g.isSortAscending(), shown('G2:G4').map((r) => r[0])];
    },
  },
  {
    id: 'pivot.subtotals',
    ref: S + 'pivot-group#showtotalsshowtotals',
    expected: [
      [['East', 'Paper', 5], ['', 'Pen', 11], ['East Total', '', 16]],
      ['Region', 'East', '', 'North', 'West', 'Grand Total'],
    ],
    how: 'rows Region, Product, SUM: G2:I4; then Product showTotals(false): column G rows 1-6',
    run: (c) => {
      const { pt, shown } = pivot(c);
      pt.addRowGroup(1);
      const inner = pt.addRowGroup(2);
      pt.addPivotValue(3, F(c).SUM);
      const before = shown('G2:I4');
      inner.showTotals(false);
      return [before, shown('G1:G6').map((r) => r[0])];
    },
  },
  {
    id: 'pivot.overwrite',
    ref: S + 'pivot-table',
    expected: ['#REF!', 'mine', 'Region'],
    how: 'rows Region, SUM at G1; setValue("mine") on H3 (inside the pivot): [G1, H3]; then H3 cleared: G1',
    run: (c) => {
      const { pt, sh } = pivot(c);
      pt.addRowGroup(1);
      pt.addPivotValue(3, F(c).SUM);
      sh.getRange('H3').setValue('mine');
      const seen = [sh.getRange('G1').getValue(), sh.getRange('H3').getValue()];
      sh.getRange('H3').clearContent();
      return [...seen, sh.getRange('G1').getValue()];
    },
  },
  {
    id: 'pivot.clear-keeps-pivot',
    ref: S + 'range#clear',
    expected: [1, 'Region'],
    how: 'a pivot at G1 (rows Region); clear() on G1:H10, its own cells: [getPivotTables().length, G1] (the pivot stays and shows again)',
    run: (c) => {
      const { pt, sh } = pivot(c);
      pt.addRowGroup(1);
      sh.getRange('G1:H10').clear();
      return [sh.getPivotTables().length, sh.getRange('G1').getValue()];
    },
  },
  {
    id: 'pivot.percent-of-grand',
    ref: S + 'pivot-value#showasdisplaytype',
    expected: [[16 / 30, '53.33%'], 'PERCENT_OF_GRAND_TOTAL'],
    how: 'rows Region, SUM of Units showAs(PERCENT_OF_GRAND_TOTAL): [[H2 value, H2 display], getDisplayType()]',
    run: (c) => {
      const { pt, sh } = pivot(c);
      pt.addRowGroup(1);
      const v = pt.addPivotValue(3, F(c).SUM).showAs(c.svc.SpreadsheetApp.PivotValueDisplayType.PERCENT_OF_GRAND_TOTAL);
      return [[sh.getRange('H2').getValue(), sh.getRange('H2').getDisplayValue()], String(v.getDisplayType())];
    },
  },
  {
    id: 'pivot.summarize-functions',
    ref: S + 'pivot-value#summarizebysummarizefunction',
    expected: [23, 6, 6, 5, 3.8333333333333335, 7, 1, 3.5, 1260, 2.0412414523193148, 1.8633899812498247, 4.166666666666666, 3.472222222222222],
    how: 'no groups; values over Units (3, 5, 3, 4, 7, 1 after C2 is set to 3): SUM, COUNTA, COUNT, COUNTUNIQUE, AVERAGE, MAX, MIN, MEDIAN, PRODUCT, STDEV, STDEVP, VAR, VARP: G2:S2',
    run: (c) => {
      const { pt, sh } = pivot(c);
      sh.getRange('C2').setValue(3);
      for (const fn of ['SUM', 'COUNTA', 'COUNT', 'COUNTUNIQUE', 'AVERAGE', 'MAX', 'MIN', 'MEDIAN', 'PRODUCT', 'STDEV', 'STDEVP', 'VAR', 'VARP'])
        pt.addPivotValue(3, (F(c) as unknown as Record<string, GoogleAppsScript.Spreadsheet.PivotTableSummarizeFunction>)[fn]);
      return sh.getRange('G2:S2').getValues()[0];
    },
  },
  {
    id: 'pivot.slicer-defaults',
    ref: S + 'sheet#insertslicerrange,-anchorrowpos,-anchorcolpos',
    expected: [null, null, true, 'A1:D7', [2, 10]],
    how: 'insertSlicer(A1:D7, 2, 10): [getColumnPosition(), getFilterCriteria(), isAppliedToPivotTables(), getRange(), anchor row/column]',
    run: (c) => {
      const { sh, source } = pivot(c);
      const s = sh.insertSlicer(source, 2, 10);
      const ci = s.getContainerInfo();
      return [s.getColumnPosition(), s.getFilterCriteria(), s.isAppliedToPivotTables(), s.getRange().getA1Notation(), [ci.getAnchorRow(), ci.getAnchorColumn()]];
    },
  },
  {
    id: 'pivot.slicer-filters',
    ref: S + 'slicer#setcolumnfiltercriteriacolumnposition,-filtercriteria',
    expected: [[['Product', 'SUM of Units'], ['Pen', 7], ['Grand Total', 7]], 30],
    how: 'pivot rows Product, SUM; slicer over A1:D7 column 1 visible West: G1:H3; then setApplyToPivotTables(false): the grand total',
    run: (c) => {
      const { pt, sh, source, shown } = pivot(c);
      pt.addRowGroup(2);
      pt.addPivotValue(3, F(c).SUM);
      const s = sh.insertSlicer(source, 1, 12);
      s.setColumnFilterCriteria(1, c.svc.SpreadsheetApp.newFilterCriteria().setVisibleValues(['West']).build());
      const filtered = shown('G1:H3');
      s.setApplyToPivotTables(false);
      return [filtered, sh.getRange('H4').getValue()];
    },
  },
  {
    id: 'pivot.slicer-column-outside',
    ref: S + 'slicer#setcolumnfiltercriteriacolumnposition,-filtercriteria',
    expected: 'threw',
    how: 'slicer over A1:D7: setColumnFilterCriteria(5, criteria)',
    run: (c) => {
      const { sh, source } = pivot(c);
      const s = sh.insertSlicer(source, 1, 12);
      return threw(() => s.setColumnFilterCriteria(5, c.svc.SpreadsheetApp.newFilterCriteria().build()));
    },
  },
  {
    id: 'pivot.percent-of-row-column',
    ref: S + 'pivot-value#showasdisplaytype',
    expected: [[0.3125, 0.6875, 1], [0.4166666666666667, 0.6111111111111112, 0.5333333333333333]],
    how: 'rows Region, columns Product, SUM of Units: East row (H3:J3) with showAs(PERCENT_OF_ROW_TOTAL), then PERCENT_OF_COLUMN_TOTAL',
    run: (c) => {
      const { pt, shown } = pivot(c);
      pt.addRowGroup(1);
      pt.addColumnGroup(2);
      const v = pt.addPivotValue(3, F(c).SUM);
      const T = c.svc.SpreadsheetApp.PivotValueDisplayType;
      v.showAs(T.PERCENT_OF_ROW_TOTAL);
      const row = shown('H3:J3')[0];
      v.showAs(T.PERCENT_OF_COLUMN_TOTAL);
      return [row, shown('H3:J3')[0]];
    },
  },
  {
    id: 'pivot.repeated-labels',
    ref: S + 'pivot-group#showrepeatedlabels',
    expected: [['East', 'Paper'], ['East', 'Pen'], ['North', 'Paper']],
    how: 'rows Region (showRepeatedLabels()), Product (showTotals(false)), SUM: G2:H4',
    run: (c) => {
      const { pt, shown } = pivot(c);
      pt.addRowGroup(1).showRepeatedLabels();
      pt.addRowGroup(2).showTotals(false);
      pt.addPivotValue(3, F(c).SUM);
      return shown('G2:H4');
    },
  },
  {
    id: 'pivot.display-names',
    ref: S + 'pivot-group#setdisplaynamename',
    expected: ['Area', 'Units sold', 'Region'],
    how: 'rows Region setDisplayName("Area"), SUM of Units setDisplayName("Units sold"): [G1, H1]; then resetDisplayName(): G1',
    run: (c) => {
      const { pt, sh } = pivot(c);
      const g = pt.addRowGroup(1).setDisplayName('Area');
      pt.addPivotValue(3, F(c).SUM).setDisplayName('Units sold');
      const seen = [sh.getRange('G1').getValue(), sh.getRange('H1').getValue()];
      g.resetDisplayName();
      return [...seen, sh.getRange('G1').getValue()];
    },
  },
  {
    id: 'pivot.filter-conditions',
    ref: S + 'filter-criteria-builder#whentextcontainstext',
    expected: [[['East', 1], ['West', 7]], [['East', 6], ['West', 7]]],
    how: 'rows Region, SUM: filter Product whenTextContains("PEN") (case ignored): G2:H3; then a filter on Units setHiddenValues(["10", "7"]) too, Product filter removed: G2:H3',
    run: (c) => {
      const { pt, shown } = pivot(c);
      pt.addRowGroup(1);
      pt.addPivotValue(3, F(c).SUM);
      const f = pt.addFilter(2, c.svc.SpreadsheetApp.newFilterCriteria().whenTextContains('PEN').build());
      pt.addFilter(3, c.svc.SpreadsheetApp.newFilterCriteria().whenNumberLessThan(10).build());
      const first = shown('G2:H3');
      f.remove();
      pt.getFilters()[0].setFilterCriteria(c.svc.SpreadsheetApp.newFilterCriteria().setHiddenValues(['10', '7']).build());
      return [first, shown('G2:H3')];
    },
  },
  {
    id: 'pivot.sort-mixed-values',
    ref: S + 'pivot-group#sortascending',
    expected: [2, 10, 'apple', 'Banana', ''],
    how: 'a column holding 10, "Banana", 2, "apple" and a blank, grouped ascending: the group labels in order (numbers, then text ignoring case, blank last)',
    run: (c) => {
      const sh = c.scratch();
      sh.getRange('A1:B6').setValues([['k', 'n'], [10, 1], ['Banana', 1], [2, 1], ['apple', 1], ['', 1]]);
      const pt = sh.getRange('D1').createPivotTable(sh.getRange('A1:B6'));
      pt.addRowGroup(1);
      pt.addPivotValue(2, F(c).SUM);
      return sh.getRange('D2:D6').getValues().map((r) => r[0]);
    },
  },
  {
    id: 'pivot.recompute',
    ref: S + 'pivot-table',
    expected: [16, 106],
    how: 'rows Region, SUM: H2; then Units C2 set from 10 to 100: H2',
    run: (c) => {
      const { pt, sh } = pivot(c);
      pt.addRowGroup(1);
      pt.addPivotValue(3, F(c).SUM);
      const before = sh.getRange('H2').getValue();
      sh.getRange('C2').setValue(100);
      return [before, sh.getRange('H2').getValue()];
    },
  },
  {
    id: 'pivot.same-anchor-replaces',
    ref: S + 'range#createpivottablesourcedata',
    expected: [1, 'Product'],
    how: 'a pivot at G1 (rows Region), then another createPivotTable at G1 (rows Product): [getPivotTables().length, G1]',
    run: (c) => {
      const { pt, sh, source } = pivot(c);
      pt.addRowGroup(1);
      sh.getRange('G1').createPivotTable(source).addRowGroup(2);
      return [sh.getPivotTables().length, sh.getRange('G1').getValue()];
    },
  },
  {
    id: 'pivot.remove',
    ref: S + 'pivot-table#remove',
    expected: [0, '', 'threw'],
    how: 'a pivot at G1 (rows Region, SUM) removed: [getPivotTables().length, G1, addRowGroup(2) on the removed pivot]',
    run: (c) => {
      const { pt, sh } = pivot(c);
      pt.addRowGroup(1);
      pt.addPivotValue(3, F(c).SUM);
      pt.remove();
      return [sh.getPivotTables().length, sh.getRange('G1').getValue(), threw(() => pt.addRowGroup(2))];
    },
  },
  {
    id: 'pivot.slicer-other-range',
    ref: S + 'slicer',
    expected: 30,
    how: 'pivot rows Product over A1:D7; a slicer over A1:D6 (another range) with column 1 visible West: the pivot grand total',
    run: (c) => {
      const { pt, sh } = pivot(c);
      pt.addRowGroup(2);
      pt.addPivotValue(3, F(c).SUM);
      sh.insertSlicer(sh.getRange('A1:D6'), 1, 12).setColumnFilterCriteria(1, c.svc.SpreadsheetApp.newFilterCriteria().setVisibleValues(['West']).build());
      return sh.getRange('H4').getValue();
    },
  },
  {
    id: 'pivot.criteria-builder',
    ref: S + 'filter-criteria-builder#setvisiblevaluesvalues',
    expected: [[], ['x', 'y'], 'TEXT_CONTAINS', ['z'], null],
    how: 'newFilterCriteria().setHiddenValues(["a"]).setVisibleValues(["x","y"]).whenTextContains("z").build(): [hidden, visible, type, values]; newFilterCriteria().build().getCriteriaType()',
    run: (c) => {
      const cr = c.svc.SpreadsheetApp.newFilterCriteria().setHiddenValues(['a']).setVisibleValues(['x', 'y']).whenTextContains('z').build();
      return [cr.getHiddenValues(), cr.getVisibleValues(), String(cr.getCriteriaType()), cr.getCriteriaValues(), c.svc.SpreadsheetApp.newFilterCriteria().build().getCriteriaType()];
    },
  },
  {
    id: 'pivot.structure-moves',
    ref: S + 'sheet#insertrowsbeforebeforeposition,-howmany',
    expected: ['G3', 'A3:D10', 1, 0],
    how: 'pivot at G1 over A1:D7 (rows Region, Product), same sheet: insertRowsBefore(1, 2): anchor; insertRowsBefore(5, 1), inside the data: source range; deleteColumn(1) (Region): row groups left; deleteRow(3) (the anchor row): pivots left',
    run: (c) => {
      const { pt, sh } = pivot(c);
      pt.addRowGroup(1);
      pt.addRowGroup(2);
      sh.insertRowsBefore(1, 2);
      const anchor = pt.getAnchorCell().getA1Notation();
      sh.insertRowsBefore(5, 1);
      const src = (pt as unknown as { getSourceDataRange(): GoogleAppsScript.Spreadsheet.Range }).getSourceDataRange().getA1Notation();
      sh.deleteColumn(1);
      const groups = pt.getRowGroups().length;
      sh.deleteRow(3);
      return [anchor, src, groups, sh.getPivotTables().length];
    },
  },
];

/**
 * Pivot labels follow the spreadsheet's locale: each case runs in en_US (pivot.labels-zh in
 * zh_CN) whatever the test spreadsheet's own locale, restored after.
 */
export const PIVOT_CASES: Case[] = CASES.map((c) => ({
  ...c,
  run: (ctx: Ctx) => {
    const locale = ctx.ss.getSpreadsheetLocale();
    if (c.id !== 'pivot.labels-zh') ctx.ss.setSpreadsheetLocale('en_US');
    try {
      return c.run(ctx);
    } finally {
      if (ctx.ss.getSpreadsheetLocale() !== locale) ctx.ss.setSpreadsheetLocale(locale);
    }
  },
}));
