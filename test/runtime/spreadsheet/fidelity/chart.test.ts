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
];

runCases('EmbeddedChart', cases);
