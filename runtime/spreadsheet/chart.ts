// Embedded charts: recorded (type, source ranges, options, anchor); what they plot is read by
// chartData.ts (the preview draws them, the .xlsx export writes native charts: xlsxCharts.ts).
import { unwrap } from '../instrument';
import { asEnum, exposeSelf, Exposable, makeEnum, Svc } from './common';
import { rangeToStored } from './validation';
import type { ChartSpec, SheetData } from './workbook';

type GChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

export const CHART_TYPES = [
  'AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'RADAR',
  'LINE', 'ORG', 'PIE', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TIMELINE', 'TREEMAP', 'WATERFALL',
];

/** The part of the Charts service embedded-chart code uses: its enums. */
export function chartsEnums() {
  return {
    ChartType: makeEnum('ChartType', CHART_TYPES),
    Position: makeEnum('Position', POSITIONS),
    PointStyle: makeEnum('PointStyle', POINT_STYLES),
    ChartMergeStrategy: makeEnum('ChartMergeStrategy', MERGE_STRATEGIES),
    ChartHiddenDimensionStrategy: makeEnum('ChartHiddenDimensionStrategy', HIDDEN_STRATEGIES),
  };
}

const MERGE_STRATEGIES = ['MERGE_COLUMNS', 'MERGE_ROWS'];
const HIDDEN_STRATEGIES = ['IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH'];
const POSITIONS = ['TOP', 'RIGHT', 'BOTTOM', 'NONE'];
const POINT_STYLES = ['NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE'];

const argType = (v: unknown): string =>
  v === undefined ? '' : v === null ? 'null' : typeof v === 'string' ? 'String' : typeof v === 'boolean' ? 'Boolean' : typeof v === 'number' ? 'number' : 'Object';

/** An enum value of one of `names` (the runtime's enums are their names); anything else refused. */
function enumName(v: unknown, names: string[], member: string): string {
  if (v === null || v === undefined || !names.includes(String(v))) {
    throw new Error(v === null || v === undefined ? `The parameters (${argType(v)}) don't match the method signature for EmbeddedChartBuilder.${member}.` : `Invalid argument: ${String(v)}`);
  }
  return String(v);
}

const AS: Record<string, string> = {
  asAreaChart: 'AREA',
  asBarChart: 'BAR',
  asColumnChart: 'COLUMN',
  asComboChart: 'COMBO',
  asHistogramChart: 'HISTOGRAM',
  asLineChart: 'LINE',
  asPieChart: 'PIE',
  asScatterChart: 'SCATTER',
  asTableChart: 'TABLE',
};

const clone = (s: ChartSpec): ChartSpec => ({
  ...s,
  ranges: s.ranges.map((r) => ({ sheetId: r.sheetId, rect: { ...r.rect } })),
  options: { ...s.options },
  position: { ...s.position },
});

/**
 * One builder class serves every chart type: the typed sub-builders (EmbeddedPieChartBuilder…)
 * only add option setters, recorded here as options with Google's option names.
 */
class ChartBuilderImpl
  implements
    Pick<
      GBuilder,
      | 'addRange'
      | 'build'
      | 'clearRanges'
      | 'getChartType'
      | 'getRanges'
      | 'removeRange'
      | 'setChartType'
      | 'setNumHeaders'
      | 'setOption'
      | 'setPosition'
      | 'setTransposeRowsAndColumns'
    >,
    Exposable
{
  _self: unknown;
  constructor(
    private svc: Svc,
    readonly _spec: ChartSpec,
  ) {}
  private _builder(): GBuilder {
    return this._self as GBuilder;
  }
  private _option(k: string, v: unknown): GBuilder {
    this._spec.options[k] = v;
    return this._builder();
  }
  addRange(range: GoogleAppsScript.Spreadsheet.Range): GBuilder {
    this._spec.ranges.push(rangeToStored(range));
    return this._builder();
  }
  removeRange(range: GoogleAppsScript.Spreadsheet.Range): GBuilder {
    const st = rangeToStored(range);
    this._spec.ranges = this._spec.ranges.filter((r) => JSON.stringify(r) !== JSON.stringify(st));
    return this._builder();
  }
  clearRanges(): GBuilder {
    this._spec.ranges = [];
    return this._builder();
  }
  build(): GChart {
    return chartObj(clone(this._spec), this.svc);
  }
  getChartType(): GoogleAppsScript.Charts.ChartType {
    return asEnum(this._spec.type);
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return rangesOut(this._spec, this.svc);
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): GBuilder {
    this._spec.type = enumName(type, CHART_TYPES, 'setChartType');
    return this._builder();
  }
  /** "Sets whether the chart's rows and columns are transposed": a boolean (Apps Script refuses another type). */
  setTransposeRowsAndColumns(t: boolean): GBuilder {
    if (typeof t !== 'boolean') throw new Error(`The parameters (${argType(t)}) don't match the method signature for EmbeddedChartBuilder.setTransposeRowsAndColumns.`);
    return this._option('transpose', t);
  }
  setNumHeaders(n: number): GBuilder {
    this._spec.numHeaders = n;
    return this._builder();
  }
  setOption(option: string, value: any): GBuilder {
    return this._option(option, value);
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GBuilder {
    this._spec.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this._builder();
  }
  /** reference/spreadsheet/embedded-chart-builder#setmergestrategymergestrategy: a Charts.ChartMergeStrategy; any other value refused. */
  setMergeStrategy(s: unknown): GBuilder {
    return this._option('mergeStrategy', enumName(s, MERGE_STRATEGIES, 'setMergeStrategy'));
  }
  /** …#sethiddendimensionstrategystrategy: a Charts.ChartHiddenDimensionStrategy; any other value refused. */
  setHiddenDimensionStrategy(s: unknown): GBuilder {
    return this._option('hiddenDimensionStrategy', enumName(s, HIDDEN_STRATEGIES, 'setHiddenDimensionStrategy'));
  }
  getContainer(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return containerInfo(this._spec.position, this.svc);
  }
  // typed sub-builder setters (reference/spreadsheet/embedded-column-chart-builder and its siblings)
  /** A title: "title — String" on each typed builder's page; none, null or another type refused (*model* wording). */
  private _text(member: string, key: string, t: unknown): GBuilder {
    if (typeof t !== 'string') throw new Error(`The parameters (${argType(t)}) don't match the method signature for EmbeddedChartBuilder.${member}.`);
    return this._option(key, t);
  }
  /** "Sets the title of the chart." */
  setTitle(t: string): GBuilder {
    return this._text('setTitle', 'title', t);
  }
  /** "Adds a title to the horizontal axis." */
  setXAxisTitle(t: string): GBuilder {
    return this._text('setXAxisTitle', 'hAxis.title', t);
  }
  /** "Adds a title to the vertical axis." */
  setYAxisTitle(t: string): GBuilder {
    return this._text('setYAxisTitle', 'vAxis.title', t);
  }
  /** A Charts.Position (TOP, RIGHT, BOTTOM, NONE); any other value refused. */
  setLegendPosition(p: unknown): GBuilder {
    return this._option('legend.position', enumName(p, POSITIONS, 'setLegendPosition').toLowerCase());
  }
  setStacked(): GBuilder {
    return this._option('isStacked', true);
  }
  set3D(): GBuilder {
    return this._option('is3D', true);
  }
  /** "the colors of the lines in the chart" as CSS values: an array of strings. */
  setColors(colors: string[]): GBuilder {
    if (!Array.isArray(colors) || colors.some((c) => typeof c !== 'string')) throw new Error(`The parameters (${argType(colors)}) don't match the method signature for EmbeddedChartBuilder.setColors.`);
    return this._option('colors', [...colors]);
  }
  setDimensions(width: number, height: number): GBuilder {
    this._option('width', width);
    return this._option('height', height);
  }
  /**
   * "Reverses the drawing of series in the domain axis. For vertical-range charts (such as line, area
   * or column charts), this means the horizontal axis is drawn from right to left. For
   * horizontal-range charts (such as bar charts), this means the vertical axis is drawn from top to
   * bottom. For pie charts, this means the slices are drawn counterclockwise."
   */
  reverseCategories(): GBuilder {
    if (this._spec.type === 'PIE') return this._option('reverseCategories', true);
    return this._option(this._spec.type === 'BAR' ? 'vAxis.direction' : 'hAxis.direction', -1);
  }
  /** A Charts.PointStyle (NONE, TINY, MEDIUM, LARGE, HUGE); any other value refused. */
  setPointStyle(s: unknown): GBuilder {
    return this._option('pointStyle', enumName(s, POINT_STYLES, 'setPointStyle'));
  }
  /** "Sets the background color for the chart" (`cssValue: String`, "such as \"blue\" or \"#00f\""). */
  setBackgroundColor(cssValue: string): GBuilder {
    return this._text('setBackgroundColor', 'backgroundColor', cssValue);
  }
  /** Bar charts: "Reverses the direction in which the bars grow along the horizontal axis … values grow from right to left." */
  reverseDirection(): GBuilder {
    return this._option('hAxis.direction', -1);
  }
  /** Two numbers, the lowest and highest grid line; start above end refused (*model*: the page is silent). */
  private _range(member: string, axis: 'hAxis' | 'vAxis', start: unknown, end: unknown): GBuilder {
    if (typeof start !== 'number' || typeof end !== 'number' || Number.isNaN(start) || Number.isNaN(end)) {
      throw new Error(`The parameters (${[start, end].map(argType).join(',')}) don't match the method signature for EmbeddedChartBuilder.${member}.`);
    }
    if (start > end) throw new Error(`Invalid argument: ${member}(${start}, ${end}): start above end`);
    this._option(`${axis}.minValue`, start);
    return this._option(`${axis}.maxValue`, end);
  }
  /** "Sets the range for the chart. If any data points fall outside the range, the range is expanded to include those data points": the range axis (horizontal for a bar chart, as useLogScale). */
  setRange(start: number, end: number): GBuilder {
    return this._range('setRange', this._spec.type === 'BAR' ? 'hAxis' : 'vAxis', start, end);
  }
  /** Scatter: "Sets the range for the horizontal axis of the chart" (start, end: Number). */
  setXAxisRange(start: number, end: number): GBuilder {
    return this._range('setXAxisRange', 'hAxis', start, end);
  }
  /** Scatter: "Sets the range for the vertical axis of the chart." */
  setYAxisRange(start: number, end: number): GBuilder {
    return this._range('setYAxisRange', 'vAxis', start, end);
  }
  /** Scatter: "Makes the horizontal axis into a logarithmic scale (requires all values to be positive)." */
  setXAxisLogScale(): GBuilder {
    return this._option('hAxis.logScale', true);
  }
  /** Scatter: "Makes the vertical axis into a logarithmic scale (requires all values to be positive)." */
  setYAxisLogScale(): GBuilder {
    return this._option('vAxis.logScale', true);
  }
  // EmbeddedTableChartBuilder (reference/spreadsheet/embedded-table-chart-builder): Google Charts' table options
  private _bool(member: string, key: string, v: unknown, on: unknown = true, off: unknown = false): GBuilder {
    if (typeof v !== 'boolean') throw new Error(`The parameters (${argType(v)}) don't match the method signature for EmbeddedChartBuilder.${member}.`);
    return this._option(key, v ? on : off);
  }
  /** An Integer at least `min` (the bounds are *model*: the page types the argument only). */
  private _int(member: string, v: unknown, min: number): number {
    if (typeof v !== 'number') throw new Error(`The parameters (${argType(v)}) don't match the method signature for EmbeddedChartBuilder.${member}.`);
    if (!Number.isInteger(v) || v < min) throw new Error(`Invalid argument: ${member}(${v})`);
    return v;
  }
  /** enablePaging(Boolean): "paging disabled" by default, "the default page size is 10"; enablePaging(pageSize[, startPage]) "Enables paging" ("page numbers are zero based"). */
  enablePaging(a: unknown, startPage?: unknown): GBuilder {
    if (typeof a === 'boolean' && startPage === undefined) return this._bool('enablePaging', 'page', a, 'enable', 'disable');
    this._option('pageSize', this._int('enablePaging', a, 1));
    if (startPage !== undefined) this._option('startPage', this._int('enablePaging', startPage, 0));
    return this._option('page', 'enable');
  }
  /** "Adds basic support for right-to-left languages … by reversing the column order of the table" (Boolean). */
  enableRtlTable(rtl: boolean): GBuilder {
    return this._bool('enableRtlTable', 'rtl', rtl);
  }
  /** "Sets whether to sort columns when the user clicks a column heading" (Boolean). */
  enableSorting(sort: boolean): GBuilder {
    return this._bool('enableSorting', 'sort', sort, 'enable', 'disable');
  }
  /** "Sets the row number for the first row in the data table" (Integer; "The default row number of the first row is 1"). */
  setFirstRowNumber(n: number): GBuilder {
    return this._option('firstRowNumber', this._int('setFirstRowNumber', n, 0));
  }
  /** "Sets the index of the column according to which the table should be initially sorted (ascending)" (Integer). */
  setInitialSortingAscending(column: number): GBuilder {
    this._option('sortColumn', this._int('setInitialSortingAscending', column, 0));
    return this._option('sortAscending', true);
  }
  /** "… initially sorted (descending)." */
  setInitialSortingDescending(column: number): GBuilder {
    this._option('sortColumn', this._int('setInitialSortingDescending', column, 0));
    return this._option('sortAscending', false);
  }
  /** "Sets whether to show the row number as the first column of the table" (Boolean). */
  showRowNumberColumn(show: boolean): GBuilder {
    return this._bool('showRowNumberColumn', 'showRowNumber', show);
  }
  /** "Sets whether alternating color style is assigned to odd and even rows of a table chart" (Boolean). */
  useAlternatingRowStyle(alternate: boolean): GBuilder {
    return this._bool('useAlternatingRowStyle', 'alternatingRowStyle', alternate);
  }
  /** "The range axis are the vertical axis for vertical charts (such as line, area, or column) and the horizontal axis for horizontal charts (such as bar)." */
  useLogScale(): GBuilder {
    return this._option(this._spec.type === 'BAR' ? 'hAxis.logScale' : 'vAxis.logScale', true);
  }
}

// asPieChart() etc. set the type and hand back the builder under its typed class name.
for (const [method, type] of Object.entries(AS)) {
  const className = `Embedded${type[0]}${type.slice(1).toLowerCase()}ChartBuilder`;
  (ChartBuilderImpl.prototype as unknown as Record<string, unknown>)[method] = function (
    this: ChartBuilderImpl,
  ) {
    this._spec.type = type;
    return exposeSelf(this, className, (this as unknown as { svc: Svc }).svc);
  };
}

function rangesOut(spec: ChartSpec, svc: Svc): GoogleAppsScript.Spreadsheet.Range[] {
  return spec.ranges.flatMap((r) => {
    const s = svc.wb.sheetById(r.sheetId);
    return s ? [svc.range(s, r.rect)] : [];
  });
}

/** Where an embedded object (a chart, a slicer) sits on its sheet: ContainerInfo's getters. */
export function containerInfo(p: ChartSpec['position'], svc: Svc): GoogleAppsScript.Spreadsheet.ContainerInfo {
  const info = {
    _self: undefined as unknown,
    getAnchorColumn: () => p.col,
    getAnchorRow: () => p.row,
    getOffsetX: () => p.offsetX,
    getOffsetY: () => p.offsetY,
  };
  return exposeSelf(info, 'ContainerInfo', svc) as unknown as GoogleAppsScript.Spreadsheet.ContainerInfo;
}

class ChartImpl
  implements
    Pick<
      GChart,
      | 'getChartId'
      | 'getContainerInfo'
      | 'getNumHeaders'
      | 'getOptions'
      | 'getRanges'
      | 'getTransposeRowsAndColumns'
      | 'modify'
    >,
    Exposable
{
  _self: unknown;
  constructor(
    readonly _spec: ChartSpec,
    private svc: Svc,
  ) {}
  getChartId(): number | null {
    return this._spec.id > 0 ? this._spec.id : null;
  }
  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return containerInfo(this._spec.position, this.svc);
  }
  getNumHeaders(): number {
    return this._spec.numHeaders ?? -1;
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    const opts = this._spec.options;
    const o = {
      _self: undefined as unknown,
      get: (k: string) => opts[k] ?? null,
      getOrDefault: (k: string) => opts[k] ?? null,
    };
    return exposeSelf(o, 'ChartOptions', this.svc) as unknown as GoogleAppsScript.Charts.ChartOptions;
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return rangesOut(this._spec, this.svc);
  }
  getTransposeRowsAndColumns(): boolean {
    return !!this._spec.options.transpose;
  }
  modify(): GBuilder {
    return chartBuilder(this.svc, clone(this._spec));
  }
}

export function chartObj(spec: ChartSpec, svc: Svc): GChart {
  return exposeSelf(new ChartImpl(spec, svc), 'EmbeddedChart', svc) as unknown as GChart;
}

function chartBuilder(svc: Svc, spec: ChartSpec): GBuilder {
  return exposeSelf(new ChartBuilderImpl(svc, spec), 'EmbeddedChartBuilder', svc) as unknown as GBuilder;
}

export function newChartBuilder(svc: Svc, sheet: SheetData): GBuilder {
  void sheet;
  return chartBuilder(svc, {
    id: 0,
    type: 'COLUMN',
    ranges: [],
    options: {},
    position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
  });
}

export function chartSpecOf(c: unknown): ChartSpec {
  const raw = unwrap(c as object) as ChartImpl;
  if (!raw || !raw._spec) throw new Error('Invalid argument: chart');
  return raw._spec;
}
