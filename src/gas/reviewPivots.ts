// The review pivot sheet (`周报透视` / `Review pivots`, issue 19): native pivot tables and slicers
// over the data sheet (src/gas/reviewDataSheet.ts), laid out by src/domain/review/pivots.ts. Every
// build deletes the sheet and makes it again — pivots a script keeps editing are reported to lose
// columns — and finds each source column by its header in the data just written. The pivot
// methods need no scope beyond spreadsheets.currentonly (each reference page lists it).
import type { PivotPlan, PivotSpec } from '../domain/review/pivots';
import { valueFormula } from '../domain/review/pivots';
import { columnLetter } from '../domain/columns';
import type { ReviewDataText } from '../domain/review/text';
import type { WrittenReviewData } from './reviewDataSheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** `B8`, `A1:Z25`: a block of the pivot sheet in A1 notation. */
const a1 = (row: number, col: number, numRows: number, numCols: number): string => {
  const first = `${columnLetter(col)}${row}`;
  return numRows === 1 && numCols === 1 ? first : `${first}:${columnLetter(col + numCols - 1)}${row + numRows - 1}`;
};

export interface WrittenPivots {
  sheet: Sheet;
  pivots: number;
  slicers: number;
}

function buildPivot(app: SpreadsheetApp, anchor: Range, data: WrittenReviewData, D: ReviewDataText, spec: PivotSpec): void {
  const col = (k: keyof ReviewDataText['columns']) => data.columnOf(D.columns[k]);
  const pivot = anchor.createPivotTable(data.range);
  const rows = pivot.addRowGroup(col(spec.rows));
  if (spec.columns) pivot.addColumnGroup(col(spec.columns));
  // Named in the same call (no setDisplayName); summarised CUSTOM, a calculated value's default:
  // the formula runs once per pivot cell.
  const values = spec.values.map((v) => pivot.addCalculatedPivotValue(v.name, valueFormula(v, D)));
  const f = spec.filter;
  const criteria =
    'visible' in f
      ? app.newFilterCriteria().setVisibleValues(f.visible).build()
      : app.newFilterCriteria().whenTextContains(f.contains).build();
  pivot.addFilter(col(f.column), criteria);
  // The top N: setGroupLimit is "only supported for DataSourcePivotTable"
  // (reference/spreadsheet/pivot-group#setgrouplimitcountlimit), so a filter keeps the labels the
  // plan counted (only when there are more than N).
  if (spec.shownRows) pivot.addFilter(col(spec.rows), app.newFilterCriteria().setVisibleValues(spec.shownRows).build());
  if (spec.top) rows.sortBy(values[0], []).sortDescending();
}

/**
 * Replaces the pivot sheet (deleted and recreated as the last tab): the title block in one write,
 * the SLA band formatted as percentages, each pivot built from scratch at its anchor (the blocks
 * and anchors asked for in one getRangeList), then the slicers over the
 * data range (they apply to the pivots of their sheet).
 */
export function writeReviewPivots(
  ss: Spreadsheet,
  app: SpreadsheetApp,
  plan: PivotPlan,
  data: WrittenReviewData,
  D: ReviewDataText,
): WrittenPivots {
  const old = ss.getSheetByName(plan.sheetName);
  if (old) ss.deleteSheet(old);
  const sheet = ss.insertSheet(plan.sheetName);
  // The title block, the SLA band and every pivot's anchor in one call (a getRange each would be 8).
  const p = plan.percentBlock;
  const [titles, percent, ...anchors] = sheet
    .getRangeList([
      a1(1, 1, plan.header.length, plan.header[0].length),
      a1(p.row, p.col, p.numRows, p.numCols),
      ...plan.pivots.map((spec) => a1(spec.row, spec.col, 1, 1)),
    ])
    .getRanges();
  titles.setValues(plan.header);
  percent.setNumberFormat('0.0%');
  plan.pivots.forEach((spec, i) => buildPivot(app, anchors[i], data, D, spec));
  for (const s of plan.slicers)
    sheet
      .insertSlicer(data.range, s.row, s.col)
      // No criteria yet: the lead picks. Applied to the pivots by default (Sheets API SlicerSpec
      // applyToPivotTables: "If not set, default to True").
      .setColumnFilterCriteria(data.columnOf(D.columns[s.column]), null);
  return { sheet, pivots: plan.pivots.length, slicers: plan.slicers.length };
}
