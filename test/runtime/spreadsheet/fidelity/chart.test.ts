// Fidelity of the emulated Spreadsheet service, EmbeddedChart: chart builders and the sheet's charts.
// Each case names the behaviour and the reference page (or guide) it follows, and asserts it on
// a fresh workbook.
import { REF, runCases, type Case } from './cases';

const cases: Case[] = [
  {
    name: 'newChart().asColumnChart()…build(), insertChart, getCharts, removeChart',
    ref: REF + 'embedded-chart-builder',
    run: ({ sheet }) => {
      sheet.getRange('A1:B3').setValues([
        ['cat', 'n'],
        ['硬件', 2],
        ['网络', 5],
      ]);
      const chart = sheet
        .newChart()
        .asColumnChart()
        .addRange(sheet.getRange('A1:B3'))
        .setPosition(5, 4, 0, 0)
        .setOption('title', '按类型')
        .build();
      sheet.insertChart(chart);
      const pie = sheet
        .newChart()
        .asPieChart()
        .addRange(sheet.getRange('A1:B3'))
        .setPosition(5, 10, 0, 0)
        .build();
      sheet.insertChart(pie);
      const charts = sheet.getCharts();
      expect(charts).toHaveLength(2);
      expect(String(charts[0].modify().getChartType())).toBe('COLUMN');
      expect(String(charts[1].modify().getChartType())).toBe('PIE');
      expect(charts[0].getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B3']);
      expect(charts[0].getOptions().get('title')).toBe('按类型');
      expect(charts[0].getContainerInfo().getAnchorRow()).toBe(5);
      sheet.removeChart(charts[0]);
      expect(sheet.getCharts()).toHaveLength(1);
    },
  },
  {
    name: 'builder: as…Chart sets the type; ranges added, removed (an absent one silently), cleared; getRanges a copy',
    ref: REF + 'embedded-chart-builder#removerangerange',
    run: ({ sheet }) => {
      const b = sheet.newChart();
      const types = ['asAreaChart', 'asBarChart', 'asComboChart', 'asHistogramChart', 'asLineChart', 'asScatterChart', 'asTableChart'] as const;
      expect(types.map((t) => String(b[t]().getChartType()))).toEqual(['AREA', 'BAR', 'COMBO', 'HISTOGRAM', 'LINE', 'SCATTER', 'TABLE']);
      b.addRange(sheet.getRange('A1:B3')).addRange(sheet.getRange('D1:D3'));
      expect(b.removeRange(sheet.getRange('F1:F2')).getRanges()).toHaveLength(2);
      b.removeRange(sheet.getRange('A1:B3'));
      expect(b.getRanges().map((r) => r.getA1Notation())).toEqual(['D1:D3']);
      b.getRanges().pop();
      expect(b.getRanges()).toHaveLength(1);
      expect(b.clearRanges().getRanges()).toEqual([]);
      expect(b.setPosition(3, 2, 5, 6).getContainer().getAnchorColumn()).toBe(2);
    },
  },
  {
    name: 'setChartType, setMergeStrategy, setHiddenDimensionStrategy take their enums only; setTransposeRowsAndColumns a boolean',
    ref: REF + 'embedded-chart-builder#setmergestrategymergestrategy',
    run: ({ sheet }) => {
      const b = sheet.newChart();
      expect(String(b.setChartType('LINE' as never).getChartType())).toBe('LINE');
      expect(() => b.setChartType('DONUT' as never)).toThrow('Invalid argument: DONUT');
      expect(String(b.setMergeStrategy('MERGE_ROWS' as never).getChartType())).toBe('LINE');
      expect(() => b.setMergeStrategy('ROWS' as never)).toThrow('Invalid argument: ROWS');
      expect(() => b.setMergeStrategy(undefined as never)).toThrow("The parameters () don't match");
      expect(String(b.setHiddenDimensionStrategy('SHOW_BOTH' as never).getChartType())).toBe('LINE');
      expect(() => b.setHiddenDimensionStrategy('IGNORE' as never)).toThrow('Invalid argument: IGNORE');
      expect(() => b.setTransposeRowsAndColumns('yes' as never)).toThrow('(String)');
      sheet.getRange('A1:B2').setValues([['a', 1], ['b', 2]]);
      const chart = b.setTransposeRowsAndColumns(true).addRange(sheet.getRange('A1:B2')).build();
      expect(chart.getTransposeRowsAndColumns()).toBe(true);
      expect(chart.getChartId()).toBeNull(); // not in a sheet yet
      sheet.insertChart(chart);
      const inserted = sheet.getCharts()[0];
      expect(typeof inserted.getChartId()).toBe('number');
      expect(inserted.getNumHeaders()).toBe(-1); // not set: auto-detected
      expect(inserted.modify().setNumHeaders(1).build().getNumHeaders()).toBe(1);
      expect(inserted.getNumHeaders()).toBe(-1); // modify() builds a new chart; updateChart saves it
    },
  },
  {
    name: 'typed builders: only their own setters; setLegendPosition and setPointStyle take their Charts enums, setColors strings',
    ref: REF + 'embedded-column-chart-builder#setlegendpositionposition',
    run: ({ sheet }) => {
      expect(() => (sheet.newChart() as unknown as { setTitle(t: string): unknown }).setTitle('x')).toThrow('not provided by the local runtime: EmbeddedChartBuilder.setTitle');
      expect(() => (sheet.newChart().asPieChart() as unknown as { setXAxisTitle(t: string): unknown }).setXAxisTitle('x')).toThrow('EmbeddedPieChartBuilder.setXAxisTitle');
      const col = sheet.newChart().asColumnChart();
      expect(col.setLegendPosition('BOTTOM' as never).setTitle('t').build().getOptions().get('legend.position')).toBe('bottom');
      expect(() => col.setLegendPosition('LEFT' as never)).toThrow('Invalid argument: LEFT');
      expect(() => col.setColors('#ff0000' as never)).toThrow('EmbeddedChartBuilder.setColors');
      const line = sheet.newChart().asLineChart();
      expect(line.setPointStyle('LARGE' as never).build().getOptions().get('pointStyle')).toBe('LARGE');
      expect(() => line.setPointStyle('BIG' as never)).toThrow('Invalid argument: BIG');
    },
  },
  {
    name: 'typed builders: titles are strings; reverseCategories and useLogScale act on the axis the page names for the chart type',
    ref: REF + 'embedded-bar-chart-builder#reversecategories',
    run: ({ sheet }) => {
      const col = sheet.newChart().asColumnChart();
      const colOpts = col.setTitle('t').setXAxisTitle('x').setYAxisTitle('y').setStacked().reverseCategories().useLogScale().build().getOptions();
      expect(['title', 'hAxis.title', 'vAxis.title', 'isStacked', 'hAxis.direction', 'vAxis.logScale'].map((k) => colOpts.get(k))).toEqual(['t', 'x', 'y', true, -1, true]);
      expect(() => col.setTitle(undefined as never)).toThrow("The parameters () don't match the method signature for EmbeddedChartBuilder.setTitle.");
      expect(() => col.setXAxisTitle(null as never)).toThrow('(null)');
      expect(() => col.setYAxisTitle(5 as never)).toThrow('(number)');
      // bar charts are horizontal-range: the domain axis is vertical, the range axis horizontal
      const bar = sheet.newChart().asBarChart().reverseCategories().useLogScale().build().getOptions();
      expect([bar.get('vAxis.direction'), bar.get('hAxis.logScale'), bar.get('hAxis.direction'), bar.get('vAxis.logScale')]).toEqual([-1, true, null, null]);
      // pie: "the slices are drawn counterclockwise"
      const pie = sheet.newChart().asPieChart().set3D().reverseCategories().setTitle('p').build().getOptions();
      expect([pie.get('is3D'), pie.get('reverseCategories'), pie.get('hAxis.direction'), pie.get('title')]).toEqual([true, true, null, 'p']);
      const line = sheet.newChart().asLineChart().reverseCategories().useLogScale().build().getOptions();
      expect([line.get('hAxis.direction'), line.get('vAxis.logScale')]).toEqual([-1, true]);
    },
  },
  {
    name: 'typed builders: setBackgroundColor a string; setRange on the range axis, setXAxisRange/setYAxisRange two numbers; reverseDirection, the scatter log scales',
    ref: REF + 'embedded-scatter-chart-builder#setxaxisrangestart,-end',
    run: ({ sheet }) => {
      const col = sheet.newChart().asColumnChart().setBackgroundColor('#00f').setRange(0, 100).build().getOptions();
      expect([col.get('backgroundColor'), col.get('vAxis.minValue'), col.get('vAxis.maxValue'), col.get('hAxis.minValue')]).toEqual(['#00f', 0, 100, null]);
      const bar = sheet.newChart().asBarChart().setRange(1, 5).reverseDirection().build().getOptions();
      expect([bar.get('hAxis.minValue'), bar.get('hAxis.maxValue'), bar.get('hAxis.direction')]).toEqual([1, 5, -1]);
      const sc = sheet.newChart().asScatterChart();
      const opts = sc.setXAxisRange(0, 10).setYAxisRange(-5, 5).setXAxisLogScale().setYAxisLogScale().build().getOptions();
      expect(['hAxis.minValue', 'hAxis.maxValue', 'vAxis.minValue', 'vAxis.maxValue', 'hAxis.logScale', 'vAxis.logScale'].map((k) => opts.get(k))).toEqual([0, 10, -5, 5, true, true]);
      expect(() => sc.setXAxisRange('0' as never, 10)).toThrow("The parameters (String,number) don't match the method signature for EmbeddedChartBuilder.setXAxisRange.");
      expect(() => sc.setYAxisRange(5, -5)).toThrow('Invalid argument');
      expect(() => sheet.newChart().asPieChart().setBackgroundColor(null as never)).toThrow('(null)');
      expect(() => (sheet.newChart().asColumnChart() as unknown as { reverseDirection(): unknown }).reverseDirection()).toThrow('not provided by the local runtime: EmbeddedColumnChartBuilder.reverseDirection');
    },
  },
  {
    name: 'table chart builder: its setters take Booleans and Integers as typed on its page',
    ref: REF + 'embedded-table-chart-builder#enablepagingpagesize,-startpage',
    run: ({ sheet }) => {
      const t = sheet.newChart().asTableChart();
      const o = t.enablePaging(5, 2).enableRtlTable(true).enableSorting(false).setFirstRowNumber(2).setInitialSortingDescending(1).showRowNumberColumn(true).useAlternatingRowStyle(false).build().getOptions();
      expect(['page', 'pageSize', 'startPage', 'rtl', 'sort', 'firstRowNumber', 'sortColumn', 'sortAscending', 'showRowNumber', 'alternatingRowStyle'].map((k) => o.get(k))).toEqual(['enable', 5, 2, true, 'disable', 2, 1, false, true, false]);
      expect(t.enablePaging(false).setInitialSortingAscending(0).build().getOptions().get('page')).toBe('disable');
      expect(() => t.enablePaging('yes' as never)).toThrow("The parameters (String) don't match the method signature for EmbeddedChartBuilder.enablePaging.");
      expect(() => t.enablePaging(0)).toThrow('Invalid argument');
      expect(() => t.enablePaging(5, -1)).toThrow('Invalid argument');
      expect(() => t.setFirstRowNumber(1.5)).toThrow('Invalid argument');
      expect(() => t.enableSorting(1 as never)).toThrow('(number)');
      expect(() => t.useAlternatingRowStyle(undefined as never)).toThrow('()');
    },
  },
];

runCases('EmbeddedChart', cases);
