// The review pivot sheet's plan (`周报透视` / `Review pivots`, issue 19): which native pivot tables
// and slicers it holds, over which data-sheet columns, filtered to which weeks, and where each
// goes. Pure: the sheet adapter (src/gas/reviewPivots.ts) finds each column by its header in the
// data sheet just written and builds the pivots from scratch every run (pivots a script keeps
// editing are reported to lose columns).
import { formatIsoWeek } from '../zone';
import type { ReviewData, ReviewDataKey } from './data';
import type { ReviewDataText } from './text';
import { shiftIsoWeek, type IsoWeek } from './week';
import { TREND_WEEKS } from './sections/trend';

export type PivotKey = 'createdTrend' | 'resolvedTrend' | 'departments' | 'categoryUrgency' | 'sla';

/**
 * Every value is a calculated value, named in the call that adds it (an addPivotValue would read
 * "COUNTA of 问题编号" until a second call renamed it), summarised CUSTOM: the formula runs once per
 * pivot cell over that cell's rows.
 */
export type PivotValueSpec =
  /** Tickets: `=COUNTA('问题编号')`, as COUNTA of the ID column. */
  | { kind: 'count'; column: ReviewDataKey; name: string }
  /**
   * Met rate over a 1/0 column (blank while not final), of the rows whose `weeks` column holds
   * `week`: one SLA pivot shows both targets, each counted in its own weeks (see rateFormula).
   */
  | { kind: 'rate'; column: ReviewDataKey; weeks: ReviewDataKey; week: string; name: string };

export type PivotFilterSpec =
  | { column: ReviewDataKey; visible: string[] }
  /** For the SLA weeks column, which holds the weeks a ticket's targets count in (`2024-W18 2024-W19`). */
  | { column: ReviewDataKey; contains: string };

export interface PivotSpec {
  key: PivotKey;
  title: string;
  /** 1-based anchor cell; the title goes in the row above. */
  row: number;
  col: number;
  rows: ReviewDataKey;
  columns?: ReviewDataKey;
  /** Added in order; with a column group each column shows them side by side. */
  values: PivotValueSpec[];
  filter: PivotFilterSpec;
  /** Rows by the first value, largest first, at most this many. */
  top?: number;
  /**
   * With `top`, when there are more labels than that: the labels to show (a filter on the rows
   * column). Sheets' setGroupLimit "is only supported for DataSourcePivotTable"
   * (reference/spreadsheet/pivot-group#setgrouplimitcountlimit), so the cut is made by the script.
   */
  shownRows?: string[];
  /** Show the value as a percentage. */
  percent?: boolean;
}

export interface SlicerSpec {
  column: ReviewDataKey;
  row: number;
  col: number;
}

export interface PivotPlan {
  sheetName: string;
  /** Title block written in one call: rows × width from A1 (pivot titles included). */
  header: string[][];
  pivots: PivotSpec[];
  slicers: SlicerSpec[];
  /** 1-based rows and columns showing rates (the SLA band), for one number-format call. */
  percentBlock: { row: number; col: number; numRows: number; numCols: number };
}

/** Row of the first band's pivots (fixed heights: ≤ 12 weeks, ≤ 10 departments, ≤ 6 categories). */
const BAND1 = 8;
/** Row of the second band (SLA by assignee: as tall as there are assignees). */
const BAND2 = BAND1 + 18;
/** A new sheet has 26 columns: everything fits in them. */
export const PIVOT_SHEET_WIDTH = 26;

/**
 * `=IFERROR(COUNTIFS('响应SLA周',"*2024-W19*",'响应达成',1)/COUNTIFS('响应SLA周',"*2024-W19*",'响应达成',">=0"),"")`:
 * met / (met + missed) over the cell's rows whose target counts in the week, as the snapshot's
 * compliance (blank while not final is not counted; nothing final shows blank, as the snapshot's
 * "–"). The weeks column holds one or two weeks, hence the wildcards.
 */
export function rateFormula(metHeader: string, weeksHeader: string, week: string): string {
  const met = fieldRef(metHeader);
  const inWeek = `${fieldRef(weeksHeader)},"*${week}*"`;
  return `=IFERROR(COUNTIFS(${inWeek},${met},1)/COUNTIFS(${inWeek},${met},">=0"),"")`;
}

/** `=COUNTA('问题编号')`: the rows of the cell with an ID, as a COUNTA summary counts them. */
export function countFormula(header: string): string {
  return `=COUNTA(${fieldRef(header)})`;
}

/** The formula of a pivot value: what the adapter hands addCalculatedPivotValue. */
export function valueFormula(value: PivotValueSpec, D: ReviewDataText): string {
  const header = D.columns[value.column];
  return value.kind === 'count' ? countFormula(header) : rateFormula(header, D.columns[value.weeks], value.week);
}

/** A field name quoted as Sheets quotes it in formulas (`'部门/区域'`, a quote doubled). */
const fieldRef = (header: string): string => `'${header.replace(/'/g, "''")}'`;

/**
 * The labels a `top` pivot shows: its rows column's labels among the rows its filter keeps, by how
 * many of them have an ID (its count value), most first, ties by label; null when there are `top`
 * or fewer (nothing to cut).
 */
export function topLabels(spec: PivotSpec, data: ReviewData): string[] | null {
  if (!spec.top) return null;
  const at = (k: ReviewDataKey) => data.keys.indexOf(k);
  const [label, id, filtered] = [at(spec.rows), at('id'), at(spec.filter.column)];
  const f = spec.filter;
  const keep = 'visible' in f ? (v: string) => f.visible.includes(v) : (v: string) => v.includes(f.contains);
  const counts = new Map<string, number>();
  for (const row of data.rows) {
    if (!keep(String(row[filtered] ?? ''))) continue;
    const l = String(row[label] ?? '');
    counts.set(l, (counts.get(l) ?? 0) + (String(row[id] ?? '') === '' ? 0 : 1));
  }
  if (counts.size <= spec.top) return null;
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, spec.top)
    .map(([l]) => l);
}

/** The plan for `week`; given the data sheet's rows, a `top` pivot also gets the labels it shows. */
export function pivotPlan(week: IsoWeek, D: ReviewDataText, data?: ReviewData): PivotPlan {
  const label = formatIsoWeek(week);
  const trend = Array.from({ length: TREND_WEEKS }, (_, i) => formatIsoWeek(shiftIsoWeek(week, i - (TREND_WEEKS - 1))));
  const T = D.pivotTitles;
  const count = (name: string) => ({ kind: 'count', column: 'id', name }) as const;
  const tickets = count(D.count);
  const pivots: PivotSpec[] = [
    { key: 'createdTrend', title: T.createdTrend(trend[0], label), row: BAND1, col: 1, rows: 'createdWeek', values: [count(D.created)], filter: { column: 'createdWeek', visible: trend } },
    { key: 'resolvedTrend', title: T.resolvedTrend(trend[0], label), row: BAND1, col: 4, rows: 'resolvedWeek', values: [count(D.resolved)], filter: { column: 'resolvedWeek', visible: trend } },
    { key: 'departments', title: T.departments(label), row: BAND1, col: 7, rows: 'department', values: [tickets], filter: { column: 'createdWeek', visible: [label] }, top: 10 },
    { key: 'categoryUrgency', title: T.categoryUrgency(label), row: BAND1, col: 10, rows: 'category', columns: 'urgency', values: [tickets], filter: { column: 'createdWeek', visible: [label] } },
    {
      key: 'sla',
      title: T.sla(label),
      row: BAND2,
      col: 1,
      rows: 'assignee',
      columns: 'urgency',
      values: [
        { kind: 'rate', column: 'responseMet', weeks: 'responseWeeks', week: label, name: D.responseRate },
        { kind: 'rate', column: 'resolutionMet', weeks: 'resolutionWeeks', week: label, name: D.resolutionRate },
      ],
      // Rows where either target counts in the week; each value keeps to its own target's weeks.
      filter: { column: 'slaWeeks', contains: label },
      percent: true,
    },
  ];
  if (data)
    for (const p of pivots) {
      const shown = topLabels(p, data);
      if (shown) p.shownRows = shown;
    }
  const header: string[][] = Array.from({ length: BAND2 - 1 }, () => new Array<string>(PIVOT_SHEET_WIDTH).fill(''));
  header[0][0] = `${D.pivotSheet} ${label}`;
  header[1][0] = D.pivotNote;
  for (const p of pivots) header[p.row - 2][p.col - 1] = p.title;
  return {
    sheetName: D.pivotSheet,
    header,
    pivots,
    slicers: [
      { column: 'createdWeek', row: 3, col: 1 },
      { column: 'department', row: 3, col: 5 },
      { column: 'category', row: 3, col: 9 },
    ],
    percentBlock: { row: BAND2, col: 1, numRows: 1000 - BAND2 + 1, numCols: 16 },
  };
}
