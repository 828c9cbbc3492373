// The review sheet's layout (pure): one grid with per-cell styles, number formats by column
// format, links for ticket lists, literal user text, chart data blocks and chart placement; and
// its writing on the emulated spreadsheet: the calls it makes and the styles the sheet ends with.
import { buildReview, type Review } from '../../src/domain/review';
import type { Ticket } from '../../src/domain/ticket';
import { blankTicket } from '../../src/domain/ticket';
import { intlZone } from '../../src/domain/zone';
import {
  AUTO_FORMAT,
  REVIEW_COLOURS,
  layoutReview,
  ticketLinkFormula,
  writeReviewSheet,
  type ReviewLayout,
} from '../../src/gas/reviewSheet';
import { env } from '../runtime/spreadsheet/helpers';

const SH = intlZone('Asia/Shanghai');
const at = (s: string): number => Date.parse(`${s}+08:00`);

function ticket(x: Partial<Ticket> & { id: string }): Ticket {
  return {
    ...blankTicket(),
    title: '打印机卡纸',
    department: '财务部/总部',
    urgency: 'low',
    submitter: '小明',
    contact: '内线8888',
    status: 'pending',
    category: 'hardware',
    tier: 'tier1',
    ...x,
  };
}

/** Three overdue tickets (one with a formula-like title), one unsatisfied resolved ticket. */
function review(lang: 'zh' | 'en' = 'zh'): Review {
  const tickets = [
    ticket({
      id: 'IT20240506001',
      title: '=IMPORTDATA("http://x")',
      submittedAt: at('2024-05-06T10:00:00'),
      resolveDueAt: at('2024-05-07T10:00:00'),
    }),
    ticket({
      id: 'IT20240506002',
      submittedAt: at('2024-05-06T11:00:00'),
      resolveDueAt: at('2024-05-07T11:00:00'),
    }),
    ticket({
      id: 'IT"odd"',
      submittedAt: at('2024-05-06T12:00:00'),
      resolveDueAt: at('2024-05-07T12:00:00'),
    }),
    ticket({
      id: 'IT20240507001',
      title: 'VPN 无法连接',
      category: 'network',
      urgency: 'medium',
      status: 'resolved',
      assignee: '张工',
      submittedAt: at('2024-05-07T09:00:00'),
      firstResponseAt: at('2024-05-07T10:00:00'),
      resolvedAt: at('2024-05-07T15:00:00'),
      feedback: 'no:unsatisfied',
    }),
  ];
  return buildReview({
    week: { year: 2024, week: 19 },
    zone: SH,
    tickets,
    audit: [],
    now: at('2024-05-13T10:00:00'),
    lang,
    knowledge: [],
    workingMs: (a, b) => b - a,
    sla: () => ({ response: 'met', resolution: 'missed' }),
  });
}

const links = (id: string) => ({ gid: 7, row: 10 + Number(id.slice(-1)) || 99 });
const rowWith = (l: ReviewLayout, first: unknown, second?: unknown): number =>
  l.values.findIndex((r) => r[0] === first && (second === undefined || r[1] === second));

describe('layoutReview', () => {
  const r = review();
  const l = layoutReview(r, links);

  it('is one rectangular grid with a style for every cell', () => {
    expect(l.height).toBe(l.values.length);
    for (const grid of [
      l.values,
      l.numberFormats,
      l.backgrounds,
      l.fontWeights,
      l.fontColors,
      l.alignments,
    ]) {
      expect(grid).toHaveLength(l.height);
      for (const row of grid) expect(row).toHaveLength(l.width);
    }
    expect(l.widths).toHaveLength(l.width);
  });

  it('starts with the title and the period, frozen', () => {
    expect(l.values[0][0]).toBe('周报 2024-W19');
    expect(l.backgrounds[0]).toEqual(new Array(l.width).fill(REVIEW_COLOURS.title));
    expect(l.fontWeights[0][0]).toBe('bold');
    expect(l.values[1][0]).toMatch(/^2024-05-06 – 2024-05-12 \(Asia\/Shanghai\)/);
    expect(l.frozenRows).toBe(2);
  });

  it('gives each section a title band, its basis, a bold header row and the table', () => {
    for (const s of r.sections) {
      const i = (l.sectionRows[s.key] as number) - 1;
      expect(l.values[i][0]).toBe(s.title);
      expect(l.backgrounds[i][0]).toBe(REVIEW_COLOURS.section);
      expect(l.values[i + 1][0]).toBe(`统计依据：${s.basis}`);
      expect(l.values[i + 2].slice(0, s.table.header.length)).toEqual(s.table.header);
      expect(l.fontWeights[i + 2][0]).toBe('bold');
    }
  });

  it('formats numbers by the column format and makes total rows bold', () => {
    const sla = rowWith(l, '解决', '合计');
    expect(l.numberFormats[sla].slice(0, 7)).toEqual([AUTO_FORMAT, AUTO_FORMAT, '0', '0', '0', '0', '0.0%']);
    expect(l.values[sla][6]).toBe(0); // 0 met of 4 (all missed)
    expect(l.fontWeights[sla][0]).toBe('bold');
    const times = l.values.findIndex((v, i) => v[0] === '解决' && v[1] === '合计' && i > sla);
    expect(l.numberFormats[times].slice(2, 5)).toEqual(['0', '0.0', '0.0']);
    expect(l.values[times][3]).toBe(6); // 09:00 → 15:00 with a round-the-clock stand-in calendar
    expect(l.fontWeights[rowWith(l, '软件')][0]).toBeNull();
    // Headers over number columns line up with their numbers.
    const header = rowWith(l, '目标', '紧急程度');
    expect(l.alignments[header].slice(0, 7)).toEqual([
      null,
      null,
      'right',
      'right',
      'right',
      'right',
      'right',
    ]);
  });

  it('links listed ticket IDs to their rows, escaping quotes, and keeps user text literal', () => {
    const first = l.values.findIndex((v) => String(v[0]).includes('IT20240506001'));
    expect(l.values[first][0]).toBe('=HYPERLINK("#gid=7&range=A11","IT20240506001")');
    expect(l.values[first][1]).toBe(`'=IMPORTDATA("http://x")`);
    expect(l.fontColors[first][0]).toBe(REVIEW_COLOURS.link);
    expect(ticketLinkFormula('IT"odd"', { gid: 0, row: 4 })).toBe(
      '=HYPERLINK("#gid=0&range=A4","IT""odd""")',
    );
    const unsatisfied = (l.sectionRows.unsatisfied as number) + 2; // title, basis, header → first row (0-based)
    expect(l.values[unsatisfied][0]).toBe('=HYPERLINK("#gid=7&range=A11","IT20240507001")');
    // Dates shown as text stay text (never converted by Sheets).
    expect(String(l.values[first][4])).toBe("'2024-05-06 10:00");
  });

  it('shows at most listLimit tickets of a list and says how many more there are', () => {
    const short = layoutReview(r, links, { listLimit: 2 });
    const i = (short.sectionRows.overdue as number) + 2;
    expect(short.values.slice(i, i + 2).map((v) => String(v[0]).slice(0, 10))).toEqual([
      '=HYPERLINK',
      '=HYPERLINK',
    ]);
    expect(short.values[i + 2][0]).toBe('仅列出前 2 张（共 3 张），其余请在工单表中筛选。');
    expect(r.figures.overdueIds).toHaveLength(3);
  });

  it('writes each chart’s data as a table and anchors the chart to the right of the tables', () => {
    expect(l.charts.map((c) => [c.key, c.kind])).toEqual([
      ['byCategory', 'column'],
      ['satisfaction', 'pie'],
      ['createdResolvedByDay', 'column'],
    ]);
    for (const c of l.charts) {
      const chart = r.charts.find((x) => x.key === c.key)!;
      const block = l.values
        .slice(c.range.row - 1, c.range.row - 1 + c.range.numRows)
        .map((v) => v.slice(0, c.range.numCols));
      expect(block[0]).toEqual(chart.table.header);
      expect(block.slice(1)).toEqual(chart.table.rows);
      expect(c.anchor.col).toBeGreaterThan(l.width);
      expect(c.title).toContain(chart.basis);
    }
    expect(new Set(l.charts.map((c) => c.anchor.row)).size).toBe(3);
  });

  it('uses the English labels on an English sheet', () => {
    const en = layoutReview(review('en'), links);
    expect(en.values[0][0]).toBe('Review 2024-W19');
    expect(en.values[en.sectionRows.summary as number][0]).toMatch(/^Counts by: /);
    expect(en.values[(en.sectionRows.chartData as number) - 1][0]).toBe('Chart data');
    expect(en.charts[0].title).toBe('Created this week by category (submitted at in the week)');
  });
});

describe('writeReviewSheet', () => {
  it('writes a new sheet in 19 spreadsheet calls, 21 when it replaces one, styled as laid out', () => {
    const e = env();
    const r = review();
    e.ctx.acct.reset();
    writeReviewSheet(e.ss, e.app, r, links);
    const first = e.ctx.acct.reset();
    writeReviewSheet(e.ss, e.app, r, links);
    const again = e.ctx.acct.reset();
    expect([first.spreadsheetCalls, again.spreadsheetCalls]).toEqual([19, 21]);
    // Weight, colour and the title's size in one grid call; the charts' ranges in one RangeList.
    expect(first.byMethod['Range.setTextStyles']).toBe(1);
    expect(first.byMethod['Sheet.getRangeList']).toBe(1);
    expect(first.byMethod['Sheet.getRange']).toBe(1);

    const l = layoutReview(r, links);
    const sheet = e.ss.getSheetByName(r.sheetName)!;
    const grid = sheet.getRange(1, 1, l.height, l.width);
    expect(grid.getFontWeights()).toEqual(l.fontWeights.map((row) => row.map((w) => w ?? 'normal')));
    expect(grid.getFontColors()).toEqual(l.fontColors.map((row) => row.map((c) => c ?? '#000000')));
    const sizes = grid.getFontSizes();
    expect(sizes[0][0]).toBe(14);
    expect(new Set(sizes.flat().slice(1))).toEqual(new Set([10]));
    expect(grid.getBackgrounds()).toEqual(l.backgrounds.map((row) => row.map((b) => b ?? '#ffffff')));
    expect(sheet.getCharts().map((c) => c.getRanges()[0].getA1Notation())).toEqual(
      l.charts.map((c) => sheet.getRange(c.range.row, c.range.col, c.range.numRows, c.range.numCols).getA1Notation()),
    );
  });
});
