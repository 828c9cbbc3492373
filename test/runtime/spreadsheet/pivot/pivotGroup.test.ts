// PivotGroup and PivotGroupLimit (developers.google.com/apps-script/reference/spreadsheet/pivot-group,
// pivot-group-limit): sorting, sortBy a value, group limits, totals, repeated labels, display names.
import { unwrap } from '../../../../runtime/instrument';
import { pivotEnv } from './fixture';

const REF = 'developers.google.com/apps-script/reference/spreadsheet/';

/** Members the reference lists that @types/google-apps-script does not declare yet. */
type Limit = { getCountLimit(): number; remove(): void };
type Group = GoogleAppsScript.Spreadsheet.PivotGroup & { setGroupLimit(n: number): Group; getGroupLimit(): Limit | null };

function regionPivot() {
  const e = pivotEnv();
  const pt = e.out.getRange('A1').createPivotTable(e.source);
  const g = pt.addRowGroup(1) as Group;
  const sum = pt.addPivotValue(3, e.app.PivotTableSummarizeFunction.SUM);
  return { ...e, pt, g, sum };
}

describe(`PivotGroup [${REF}pivot-group]`, () => {
  test('defaults: ascending, totals shown, labels not repeated; getDimension / getIndex', () => {
    const { g, pt } = regionPivot();
    expect(g.isSortAscending()).toBe(true);
    expect(g.totalsAreShown()).toBe(true);
    expect(g.areLabelsRepeated()).toBe(false);
    expect(String(g.getDimension())).toBe('ROWS');
    expect(g.getIndex()).toBe(0);
    expect(String(pt.addColumnGroup(2).getDimension())).toBe('COLUMNS');
  });

  test('sortDescending / sortAscending order the group’s values', () => {
    const { g, shown } = regionPivot();
    g.sortDescending();
    expect(shown().map((r) => r[0])).toEqual(['Region', 'West', 'North', 'East', 'Grand Total']);
    g.sortAscending();
    expect(shown().map((r) => r[0])).toEqual(['Region', 'East', 'North', 'West', 'Grand Total']);
  });

  test(`setGroupLimit on a pivot over a range is refused: "only supported for DataSourcePivotTable" [${REF}pivot-group#setgrouplimitcountlimit]`, () => {
    const { g } = regionPivot();
    expect(() => g.setGroupLimit(2)).toThrow(/only supported for DataSourcePivotTable/);
    expect(() => g.setGroupLimit(0)).toThrow(/countLimit/);
    expect(g.getGroupLimit()).toBeNull();
  });

  test('sortBy a pivot value (empty opposite values: the totals), then a group limit (a data-source pivot\'s, set in the model) keeps the top N', () => {
    const { g, sum, shown, app, pt } = regionPivot();
    pt.addPivotValue(3, app.PivotTableSummarizeFunction.COUNTA);
    g.sortBy(sum, []).sortDescending();
    (unwrap(g) as unknown as { _g: { limit: number | null } })._g.limit = 2;
    expect(shown()).toEqual([
      ['Region', 'SUM of Units', 'COUNTA of Units'],
      ['East', 16, 3],
      ['North', 7, 1],
      ['Grand Total', 23, 4],
    ]);
    const lim = g.getGroupLimit()!;
    expect(lim.getCountLimit()).toBe(2);
    lim.remove();
    expect(g.getGroupLimit()).toBeNull();
    expect(shown()).toHaveLength(5);
  });

  test('sortBy with opposite group values sorts by that column', () => {
    const { g, sum, pt, shown } = regionPivot();
    pt.addColumnGroup(2);
    g.sortBy(sum, ['Pen']).sortDescending();
    expect(shown().slice(2).map((r) => r[0])).toEqual(['East', 'West', 'North', 'Grand Total']);
    expect(() => g.sortBy(sum, ['Pen', 'x'])).toThrow();
  });

  test('showTotals(false) on the outer group drops the Grand Total; on the inner group the subtotals', () => {
    const { g, pt, shown } = regionPivot();
    const inner = pt.addRowGroup(2);
    expect(shown()).toEqual([
      ['Region', 'Product', 'SUM of Units'],
      ['East', 'Paper', 5],
      ['', 'Pen', 11],
      ['East Total', '', 16],
      ['North', 'Paper', 7],
      ['North Total', '', 7],
      ['West', 'Pen', 7],
      ['West Total', '', 7],
      ['Grand Total', '', 30],
    ]);
    inner.showTotals(false);
    expect(shown().map((r) => r[0])).toEqual(['Region', 'East', '', 'North', 'West', 'Grand Total']);
    g.showTotals(false);
    expect(shown().map((r) => r[0])).toEqual(['Region', 'East', '', 'North', 'West']);
    expect(g.totalsAreShown()).toBe(false);
  });

  test('showRepeatedLabels repeats the outer label on every row; setDisplayName / resetDisplayName', () => {
    const { g, pt, shown } = regionPivot();
    pt.addRowGroup(2).showTotals(false);
    g.showRepeatedLabels().setDisplayName('Area');
    expect(shown().slice(0, 3)).toEqual([
      ['Area', 'Product', 'SUM of Units'],
      ['East', 'Paper', 5],
      ['East', 'Pen', 11],
    ]);
    g.resetDisplayName().hideRepeatedLabels();
    expect(shown()[0][0]).toBe('Region');
    expect(shown()[2][0]).toBe('');
  });

  test('moveToIndex reorders groups; remove() drops one; a removed group throws', () => {
    const { g, pt, shown } = regionPivot();
    const p = pt.addRowGroup(2);
    p.moveToIndex(0);
    expect(g.getIndex()).toBe(1);
    expect(shown()[0]).toEqual(['Product', 'Region', 'SUM of Units']);
    expect(() => p.moveToIndex(2)).toThrow();
    p.remove();
    expect(pt.getRowGroups()).toHaveLength(1);
    expect(() => p.sortDescending()).toThrow(/no longer exists/);
  });

  test('clearSort leaves the values ascending (VERIFY pivot.group-clear-sort)', () => {
    const { g, sum, shown } = regionPivot();
    g.sortBy(sum, []).sortDescending().clearSort();
    expect(g.isSortAscending()).toBe(true);
    expect(shown().map((r) => r[0])).toEqual(['Region', 'East', 'North', 'West', 'Grand Total']);
  });
});
