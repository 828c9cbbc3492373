// An embedded chart as the page draws it: the runtime's chart record (type, ranges, options,
// anchor) with the data its ranges hold now, read as Sheets reads a chart's ranges (chartData.ts).
import { rangeA1 } from '../runtime/spreadsheet/a1';
import { chartTable } from '../runtime/spreadsheet/chartData';
import type { ChartSpec, Workbook } from '../runtime/spreadsheet/workbook';
import type { WireChart } from './protocol';

/** Sheets' size for an embedded chart whose builder set none. */
const DEFAULT_SIZE = { width: 600, height: 371 };

const num = (v: unknown, d: number): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : d);
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

export function wireChart(wb: Workbook, spec: ChartSpec, now: number): WireChart {
  const o = spec.options;
  const t = chartTable(wb, spec, now);
  return {
    id: spec.id,
    type: spec.type,
    ranges: spec.ranges.map((x) => {
      const s = wb.sheetById(x.sheetId);
      return `${s?.name ?? '?'}!${rangeA1(x.rect.row, x.rect.col, x.rect.numRows, x.rect.numCols)}`;
    }),
    title: str(o.title),
    row: spec.position.row,
    col: spec.position.col,
    offsetX: spec.position.offsetX,
    offsetY: spec.position.offsetY,
    width: num(o.width, DEFAULT_SIZE.width),
    height: num(o.height, DEFAULT_SIZE.height),
    // Sheets puts the legend on the right when nothing says otherwise.
    legend: str(o['legend.position'] ?? o['legend'] ?? 'right').toLowerCase(),
    xTitle: str(o['hAxis.title']),
    yTitle: str(o['vAxis.title']),
    colors: Array.isArray(o.colors) ? o.colors.map(String) : [],
    stacked: o.isStacked === true || o.isStacked === 'true',
    sliceText: str(o.pieSliceText || 'percentage').toLowerCase(),
    categories: t.categories,
    series: t.series.map((s) => ({ name: s.name, values: s.values })),
  };
}
