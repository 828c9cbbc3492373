// The weekly review sheet (`周报 2024-W19`): a Review (pure statistics, src/domain/review.ts) laid
// out as a grid — title, period, then each section as a titled table — plus native charts to the
// right. The layout is computed in memory (pure, `layoutReview`); `writeReviewSheet` then writes it
// in a constant number of spreadsheet calls whatever the ticket count: one setValues over the whole
// grid, one grid call per kind of style (number formats, backgrounds, alignments, and the text
// styles: weight, colour and the title's size in one setTextStyles), two width calls, the charts'
// data ranges in one RangeList, and the charts.
import type {
  Cell,
  CellFormat,
  Review,
  ReviewChart,
  ReviewChartKey,
  ReviewSectionKey,
  ReviewTable,
} from '../domain/review';
import type { Lang } from '../domain/schema';
import { catalog } from '../domain/i18n';
import { literalText } from '../domain/text';
import { columnLetter } from '../domain/columns';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type TextStyle = GoogleAppsScript.Spreadsheet.TextStyle;
/** What builds text styles: SpreadsheetApp (newTextStyle is a local builder, not a round trip). */
export type TextStyleFactory = Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'newTextStyle'>;

/** Where a ticket's row is, for the `=HYPERLINK("#gid=…&range=A…")` links of the ticket lists. */
export interface TicketLink {
  gid: number;
  row: number;
}

export interface ReviewLayoutOptions {
  /** Longest ticket list shown (overdue, unsatisfied); the rest is counted in a note. Default 200. */
  listLimit?: number;
}

export interface LaidOutChart {
  key: ReviewChartKey;
  kind: 'column' | 'pie';
  /** Chart title, with the date the figure counts by. */
  title: string;
  /** 1-based data block (header row + rows; first column = labels). */
  range: { row: number; col: number; numRows: number; numCols: number };
  /** 1-based anchor cell of the chart's top-left corner. */
  anchor: { row: number; col: number };
  xTitle: string;
  yTitle: string;
}

export interface ReviewLayout {
  /** Rows × width, every row the same length: strings (literal text or a link formula) and numbers. */
  values: (string | number)[][];
  numberFormats: string[][];
  backgrounds: (string | null)[][];
  fontWeights: ('bold' | null)[][];
  fontColors: (string | null)[][];
  /** Header cells over number columns are right-aligned like their numbers; null = automatic. */
  alignments: ('right' | null)[][];
  width: number;
  height: number;
  /** Pixel width of each column 1..width. */
  widths: number[];
  /** Font size of the title cell (A1); the rest keep the sheet's default. */
  titleFontSize: number;
  frozenRows: number;
  /** 1-based row of each section's title (and of the chart-data block). */
  sectionRows: Partial<Record<ReviewSectionKey | 'chartData', number>>;
  charts: LaidOutChart[];
}

/** Sheets' automatic format; numbers in 'int' / 'percent' / 'hours' columns get their own. */
export const AUTO_FORMAT = '0.###############';
const NUMBER_FORMATS: Record<CellFormat, string> = {
  text: AUTO_FORMAT,
  int: '0',
  percent: '0.0%',
  hours: '0.0',
};

export const REVIEW_COLOURS = {
  title: '#1a73e8',
  titleText: '#ffffff',
  section: '#e8f0fe',
  sectionText: '#174ea6',
  header: '#f1f3f4',
  total: '#f8f9fa',
  muted: '#5f6368',
  link: '#1155cc',
};

const WIDTH = 8;
const COLUMN_WIDTHS = [200, 130, 130, 130, 130, 130, 130, 130];
const CHART_ROWS = 20;

/** A text cell that Sheets keeps as typed (never a formula, number or date). */
const textCell = (s: string): string => literalText(s);

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** `=HYPERLINK("#gid=0&range=A5","IT20240501001")`: a click selects the ticket's row. */
export function ticketLinkFormula(id: string, link: TicketLink): string {
  return `=HYPERLINK(${quote(`#gid=${link.gid}&range=A${link.row}`)},${quote(id)})`;
}

/** The review as a grid with its styles and chart placements (pure). */
export function layoutReview(
  review: Review,
  linkOf: (id: string) => TicketLink | null,
  opts: ReviewLayoutOptions = {},
): ReviewLayout {
  const T = catalog(review.lang).reviewSheet;
  const limit = Math.max(1, opts.listLimit ?? 200);
  const values: (string | number)[][] = [];
  const numberFormats: string[][] = [];
  const backgrounds: (string | null)[][] = [];
  const fontWeights: ('bold' | null)[][] = [];
  const fontColors: (string | null)[][] = [];
  const alignments: ('right' | null)[][] = [];
  const sectionRows: ReviewLayout['sectionRows'] = {};

  const push = (
    cells: (string | number)[],
    style: {
      bg?: string | null;
      bold?: boolean;
      color?: string | null;
      formats?: string[];
      right?: boolean[];
    } = {},
  ): number => {
    const row = new Array<string | number>(WIDTH).fill('');
    cells.slice(0, WIDTH).forEach((v, i) => (row[i] = v));
    values.push(row);
    numberFormats.push(Array.from({ length: WIDTH }, (_, i) => style.formats?.[i] ?? AUTO_FORMAT));
    backgrounds.push(new Array(WIDTH).fill(style.bg ?? null));
    fontWeights.push(new Array(WIDTH).fill(style.bold ? 'bold' : null));
    fontColors.push(new Array(WIDTH).fill(style.color ?? null));
    alignments.push(Array.from({ length: WIDTH }, (_, i) => (style.right?.[i] ? 'right' : null)));
    return values.length; // 1-based row just written
  };
  const cellOf = (v: Cell): string | number =>
    v === null ? '' : typeof v === 'number' ? (Number.isFinite(v) ? v : '') : textCell(v);
  const totalLabels = new Set([catalog('zh').review.total, catalog('en').review.total] as string[]);

  const table = (t: ReviewTable, linkColumn: boolean): { first: number; last: number } => {
    const first = push(t.header.map(textCell), {
      bg: REVIEW_COLOURS.header,
      bold: true,
      right: t.formats.map((f) => f !== 'text'),
    });
    const formats = t.formats.map((f) => NUMBER_FORMATS[f] ?? AUTO_FORMAT);
    const rows = linkColumn ? t.rows.slice(0, limit) : t.rows;
    let last = first;
    for (const r of rows) {
      // A total row: `合计` in the label column (the second one when the first is a group label).
      const isTotal =
        totalLabels.has(String(r[0])) ||
        (t.formats[0] === 'text' && t.formats[1] === 'text' && totalLabels.has(String(r[1])));
      const cells = r.map(cellOf);
      let link: TicketLink | null = null;
      if (linkColumn && typeof r[0] === 'string' && r[0]) {
        link = linkOf(r[0]);
        if (link) cells[0] = ticketLinkFormula(r[0], link);
      }
      last = push(cells, { formats, bold: isTotal, bg: isTotal ? REVIEW_COLOURS.total : null });
      if (link) fontColors[last - 1][0] = REVIEW_COLOURS.link;
    }
    if (linkColumn && t.rows.length > rows.length)
      last = push([textCell(T.more(rows.length, t.rows.length))], { color: REVIEW_COLOURS.muted });
    return { first, last };
  };

  const title = (text: string, basis: string): number => {
    const row = push([textCell(text)], {
      bg: REVIEW_COLOURS.section,
      bold: true,
      color: REVIEW_COLOURS.sectionText,
    });
    push([textCell(`${T.basis}${basis}`)], { color: REVIEW_COLOURS.muted });
    return row;
  };

  push([textCell(review.title)], { bg: REVIEW_COLOURS.title, bold: true, color: REVIEW_COLOURS.titleText });
  push([textCell(review.period)], { color: REVIEW_COLOURS.muted });
  const frozenRows = 2;
  push([]);

  for (const s of review.sections) {
    sectionRows[s.key] = title(s.title, s.basis);
    table(s.table, s.key === 'overdue' || s.key === 'unsatisfied' || s.key === 'backlogList');
    for (const n of s.notes) push([textCell(n)], { color: REVIEW_COLOURS.muted });
    push([]);
  }

  // Chart data: the charts on the right read these blocks.
  sectionRows.chartData = title(T.chartData, T.chartDataBasis);
  const charts: LaidOutChart[] = [];
  review.charts.forEach((c: ReviewChart, i) => {
    push([textCell(chartTitle(c, review.lang))], { bold: true });
    const { first, last } = table(c.table, false);
    push([]);
    charts.push({
      key: c.key,
      kind: c.kind,
      title: chartTitle(c, review.lang),
      range: { row: first, col: 1, numRows: last - first + 1, numCols: c.table.header.length },
      anchor: { row: 4 + i * CHART_ROWS, col: WIDTH + 2 },
      xTitle: c.table.header[0],
      yTitle: c.kind === 'pie' ? '' : T.count,
    });
  });

  return {
    values,
    numberFormats,
    backgrounds,
    fontWeights,
    fontColors,
    alignments,
    width: WIDTH,
    height: values.length,
    widths: [...COLUMN_WIDTHS],
    titleFontSize: 14,
    frozenRows,
    sectionRows,
    charts,
  };
}

function chartTitle(c: ReviewChart, lang: Lang): string {
  return catalog(lang).reviewSheet.chartTitle(c.title, c.basis);
}

export interface WrittenReview {
  sheet: Sheet;
  layout: ReviewLayout;
}

/**
 * Replaces the week's sheet (deleted and recreated at the same position; other sheets untouched)
 * and writes the layout: 19 spreadsheet calls for a new sheet, 21 when it replaces one, whatever
 * the ticket count (the sheet: look-up, [position, delete,] insert; the grid: range, values, number
 * formats, backgrounds, text styles, alignments; frozen rows, two width runs; the three charts'
 * data ranges in one RangeList (two calls) and each chart's builder and insert).
 */
export function writeReviewSheet(
  ss: Spreadsheet,
  app: TextStyleFactory,
  review: Review,
  linkOf: (id: string) => TicketLink | null,
  opts: ReviewLayoutOptions = {},
): WrittenReview {
  const layout = layoutReview(review, linkOf, opts);
  const old = ss.getSheetByName(review.sheetName);
  let sheet: Sheet;
  if (old) {
    const index = old.getIndex() - 1; // rebuilt in the same tab position
    ss.deleteSheet(old);
    sheet = ss.insertSheet(review.sheetName, index);
  } else sheet = ss.insertSheet(review.sheetName);
  renderLayout(sheet, app, layout);
  return { sheet, layout };
}

/**
 * The text styles of the grid, one per cell: bold, colour and the title's size where the layout
 * sets them. A style sets only those (an unset attribute keeps the new sheet's default), and cells
 * alike share one style object.
 */
export function textStyleGrid(app: TextStyleFactory, layout: ReviewLayout): TextStyle[][] {
  const styles = new Map<string, TextStyle>();
  const styleOf = (bold: boolean, color: string | null, size: number | null): TextStyle => {
    const key = `${bold}|${color ?? ''}|${size ?? ''}`;
    let style = styles.get(key);
    if (!style) {
      let b = app.newTextStyle();
      if (bold) b = b.setBold(true);
      if (color) b = b.setForegroundColor(color);
      if (size) b = b.setFontSize(size);
      styles.set(key, (style = b.build()));
    }
    return style;
  };
  return layout.fontWeights.map((row, r) =>
    row.map((w, c) => styleOf(w === 'bold', layout.fontColors[r][c], r === 0 && c === 0 ? layout.titleFontSize : null)),
  );
}

/** Writes a layout into an empty sheet: values and each kind of style in one grid call, widths, charts. */
export function renderLayout(sheet: Sheet, app: TextStyleFactory, layout: ReviewLayout): void {
  const { height, width } = layout;
  // A new sheet has 1,000 rows; a review longer than that (very many departments) needs more.
  if (height > 1000) {
    const max = sheet.getMaxRows();
    if (max < height) sheet.insertRowsAfter(max, height - max);
  }
  sheet
    .getRange(1, 1, height, width)
    .setValues(layout.values)
    .setNumberFormats(layout.numberFormats)
    .setBackgrounds(layout.backgrounds)
    .setTextStyles(textStyleGrid(app, layout))
    .setHorizontalAlignments(layout.alignments);
  sheet.setFrozenRows(layout.frozenRows);
  // Runs of equal widths in one call each.
  for (let c = 1; c <= width;) {
    let n = 1;
    while (c + n <= width && layout.widths[c + n - 1] === layout.widths[c - 1]) n++;
    sheet.setColumnWidths(c, n, layout.widths[c - 1]);
    c += n;
  }
  // The charts' data blocks in one call (a RangeList), not one getRange each.
  const ranges = layout.charts.length
    ? sheet.getRangeList(layout.charts.map((ch) => rangeA1(ch.range))).getRanges()
    : [];
  layout.charts.forEach((ch, i) => {
    const { numCols } = ch.range;
    let builder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder = sheet.newChart();
    builder = ch.kind === 'pie' ? builder.asPieChart() : builder.asColumnChart();
    builder = builder
      .addRange(ranges[i])
      .setNumHeaders(1)
      .setOption('title', ch.title)
      .setOption('width', 480)
      .setOption('height', 300)
      .setPosition(ch.anchor.row, ch.anchor.col, 0, 0);
    if (ch.kind === 'column')
      builder = builder
        .setOption('hAxis.title', ch.xTitle)
        .setOption('vAxis.title', ch.yTitle)
        .setOption('legend.position', numCols > 2 ? 'top' : 'none');
    else builder = builder.setOption('legend.position', 'right').setOption('pieSliceText', 'value');
    sheet.insertChart(builder.build());
  });
}

/** `A12:C18` of a 1-based block. */
function rangeA1(r: LaidOutChart['range']): string {
  return `${columnLetter(r.col)}${r.row}:${columnLetter(r.col + r.numCols - 1)}${r.row + r.numRows - 1}`;
}
