// What an embedded chart plots (runtime/spreadsheet/chartData.ts): the chart's ranges read as
// Sheets reads them, for the preview's drawing and the xlsx export's native charts.
import { chartTable } from '../../../runtime/spreadsheet/chartData';
import { chartSpecOf } from '../../../runtime/spreadsheet/chart';
import { env, NOW } from './helpers';

function build(
  e: ReturnType<typeof env>,
  a1: string[],
  f: (
    b: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
  ) => GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder = (b) => b,
) {
  let b = e.sheet.newChart().asColumnChart() as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  for (const r of a1) b = b.addRange(e.sheet.getRange(r));
  e.sheet.insertChart(f(b).build());
  const charts = e.sheet.getCharts();
  return chartTable(e.wb, chartSpecOf(charts[charts.length - 1]), NOW);
}

describe('chart data as Sheets reads a chart range', () => {
  test('a text first column is the domain, a text first row the series names; formulas give their values', () => {
    const e = env();
    e.sheet.setName('Data');
    e.sheet.getRange('A1:C4').setValues([
      ['type', 'new', 'solved'],
      ['hardware', 2, 1],
      ['network', 5, ''],
      ['other', 0, 3],
    ]);
    e.sheet.getRange('C3').setFormula('=B3*2');
    const t = build(e, ['A1:C4']);
    expect(t.categories).toEqual(['hardware', 'network', 'other']);
    expect(t.series).toEqual([
      { name: 'new', values: [2, 5, 0] },
      { name: 'solved', values: [1, 10, 3] },
    ]);
    expect(t.refs).toEqual({
      categories: 'Data!$A$2:$A$4',
      names: ['Data!$B$1', 'Data!$C$1'],
      values: ['Data!$B$2:$B$4', 'Data!$C$2:$C$4'],
    });
  });

  test('numbers only: no header, no domain, every column a series; empty cells are gaps', () => {
    const e = env();
    e.sheet.getRange('A1:B3').setValues([
      [1, 4],
      [2, ''],
      [3, 6],
    ]);
    const t = build(e, ['A1:B3']);
    expect(t.categories).toEqual(['1', '2', '3']);
    expect(t.series.map((s) => s.values)).toEqual([
      [1, 2, 3],
      [4, null, 6],
    ]);
  });

  test('setNumHeaders(0) keeps a text first row as data; transpose swaps rows and columns; hidden rows are left out', () => {
    const e = env();
    e.sheet.getRange('A1:C3').setValues([
      ['', 'Mon', 'Tue'],
      ['new', 3, 4],
      ['solved', 1, 2],
    ]);
    const t = build(e, ['A1:C3'], (b) => b.setTransposeRowsAndColumns(true));
    expect(t.categories).toEqual(['Mon', 'Tue']);
    expect(t.series).toEqual([
      { name: 'new', values: [3, 4] },
      { name: 'solved', values: [1, 2] },
    ]);
    expect(t.refs).toBeUndefined();
    e.sheet.hideRows(3);
    const h = build(e, ['A1:C3']);
    expect(h.categories).toEqual(['new']);
    const n = build(e, ['A2:C2'], (b) => b.setNumHeaders(0));
    expect(n.series.map((s) => s.name)).toEqual(['Series 1', 'Series 2']);
  });

  test('two ranges merge side by side', () => {
    const e = env();
    e.sheet.getRange('A1:A3').setValues([['day'], ['Mon'], ['Tue']]);
    e.sheet.getRange('D1:D3').setValues([['new'], [3], [4]]);
    const t = build(e, ['A1:A3', 'D1:D3']);
    expect(t.categories).toEqual(['Mon', 'Tue']);
    expect(t.series).toEqual([{ name: 'new', values: [3, 4] }]);
  });
});
