// The review pivot sheet (`周报透视` / `Review pivots`, issue 19): native pivot tables and slicers
// over the data sheet (src/gas/reviewDataSheet.ts), laid out by src/domain/review/pivots.ts. Every
// build deletes the sheet and makes it again — pivots a script keeps editing are reported to lose
// columns — and finds each source column by its header in the data just written. The pivot
// methods need no scope beyond spreadsheets.currentonly (each reference page lists it).
import type { PivotPlan, PivotSpec } from '../domain/review/pivots';
import { valueFormula } from '../domain/review/pivots';
import type { ReviewDataText } from '../domain/review/text';
import type { WrittenReviewData } from './reviewDataSheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
/** PivotGroup.setGroupLimit(countLimit) is on the reference page (pivot-group) but not in @types/google-apps-script. */
type PivotGroup = GoogleAppsScript.Spreadsheet.PivotGroup & { setGroupLimit(countLimit: number): PivotGroup };

export interface WrittenPivots {
  sheet: Sheet;
  pivots: number;
  slicers: number;
}

function buildPivot(app: SpreadsheetApp, sheet: Sheet, data: WrittenReviewData, D: ReviewDataText, spec: PivotSpec): void {
  const col = (k: keyof ReviewDataText['columns']) => data.columnOf(D.columns[k]);
  const pivot = sheet.getRange(spec.row, spec.col).createPivotTable(data.range);
  const rows = pivot.addRowGroup(col(spec.rows)) as PivotGroup;
  if (spec.columns) pivot.addColumnGroup(col(spec.columns));
  // Named in the same call (no setDisplayName); summarised CUSTOM, a calculated value's default:
  // the formula runs once per pivot cell.
  const value = pivot.addCalculatedPivotValue(spec.value.name, valueFormula(spec.value, D));
  const f = spec.filter;
  const criteria =
    'visible' in f
      ? app.newFilterCriteria().setVisibleValues(f.visible).build()
      : app.newFilterCriteria().whenTextContains(f.contains).build();
  pivot.addFilter(col(f.column), criteria);
  if (spec.top) (rows.sortBy(value, []).sortDescending() as PivotGroup).setGroupLimit(spec.top);
}

/**
 * Replaces the pivot sheet (deleted and recreated as the last tab): the title block in one write,
 * the SLA band formatted as percentages, each pivot built from scratch, then the slicers over the
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
  sheet.getRange(1, 1, plan.header.length, plan.header[0].length).setValues(plan.header);
  const p = plan.percentBlock;
  sheet.getRange(p.row, p.col, p.numRows, p.numCols).setNumberFormat('0.0%');
  for (const spec of plan.pivots) buildPivot(app, sheet, data, D, spec);
  for (const s of plan.slicers)
    sheet
      .insertSlicer(data.range, s.row, s.col)
      // No criteria yet: the lead picks. Applied to the pivots by default (Sheets API SlicerSpec
      // applyToPivotTables: "If not set, default to True").
      .setColumnFilterCriteria(data.columnOf(D.columns[s.column]), null);
  return { sheet, pivots: plan.pivots.length, slicers: plan.slicers.length };
}
