// The lean reference: the least any script can do for each operation — no lock, no ticket ID, no
// audit row, no retry safety, no check of what the sheet holds. Append one row; change one cell on
// a row it is told; read or write a whole block in one call. Every figure of the add-on is shown
// beside it: how far above the floor we are (issue 22). It does the same amount of work as the
// add-on only where the work is the point (the sweep's SLA cells, the review's counts); it keeps none
// of the guarantees, and the README says what each costs.
import type { NaiveCtx } from './naive';

const ssOf = (ctx: NaiveCtx) => ctx.rt.services.SpreadsheetApp.getActiveSpreadsheet();

/** The sheet again, as a fresh execution would get it: getActiveSpreadsheet + getSheetByName. */
function open(ctx: NaiveCtx, name = '工单'): GoogleAppsScript.Spreadsheet.Sheet {
  return ssOf(ctx).getSheetByName(name)!;
}

/** Submit: append the form as a row. No lock, no ID, no audit, no retry check (Google's request sample). */
export function leanSubmit(ctx: NaiveCtx, width: number): void {
  const row: unknown[] = new Array(width).fill('');
  const put = (h: string, v: unknown) => (row[ctx.col(h) - 1] = v);
  put('问题标题', '打印机卡纸');
  put('所属部门/区域', '财务部/总部');
  put('问题描述', '打印机卡纸无法打印');
  put('紧急程度', '中');
  put('提交人', '小明');
  put('联系方式', '内线8001');
  put('提交时间', new Date());
  open(ctx).appendRow(row);
}

/** View: read the row it is told, nothing else (no header, no check that it is the ticket asked for). */
export function leanView(ctx: NaiveCtx, row: number, width: number): unknown[] {
  return open(ctx).getSheetValues(row, 1, 1, width)[0];
}

/** Action: change one cell on the row it is told (no lock, no version check, no audit, no SLA). */
export function leanAction(ctx: NaiveCtx, row: number, col: number, value: unknown): void {
  open(ctx).getRange(row, col).setValue(value);
}

/** Hand edit: the onEdit stamps one cell of the edited row from the event's range. */
export function leanHandEdit(range: GoogleAppsScript.Spreadsheet.Range, col: number): void {
  range.getSheet().getRange(range.getRow(), col).setValue(new Date());
}

/** Sweep: read the block once, write the SLA column once. */
export function leanSweep(ctx: NaiveCtx, cols: number, slaCol: number, now: number): void {
  const sheet = open(ctx);
  const n = sheet.getLastRow() - 1;
  if (n < 1) return;
  const values = sheet.getSheetValues(2, 1, n, cols);
  const status = ctx.col('当前状态') - 1;
  const out = values.map((r) => [String(r[status]) !== '已关闭' && now > 0 ? '正常' : '']);
  sheet.getRange(2, slaCol, n, 1).setValues(out);
}

/** Weekly review: read the block once, write one table on one sheet. */
export function leanWeekly(ctx: NaiveCtx, cols: number): void {
  const sheet = open(ctx);
  const n = sheet.getLastRow() - 1;
  const values = n > 0 ? sheet.getSheetValues(2, 1, n, cols) : [];
  const status = ctx.col('当前状态') - 1;
  const byStatus = new Map<string, number>();
  for (const r of values) byStatus.set(String(r[status]), (byStatus.get(String(r[status])) ?? 0) + 1);
  const rows = [...byStatus].map(([k, v]) => [k, v]);
  const out = ssOf(ctx).insertSheet('周报 lean');
  if (rows.length) out.getRange(1, 1, rows.length, 2).setValues(rows);
}

/** Setup adopting the sheet: read the block once, write it back once. */
export function leanAdopt(ctx: NaiveCtx, cols: number): void {
  const sheet = open(ctx);
  const n = sheet.getLastRow() - 1;
  if (n < 1) return;
  const values = sheet.getSheetValues(2, 1, n, cols);
  sheet.getRange(2, 1, n, cols).setValues(values);
}

/** Archive: read the block once, append the old closed rows to the archive, rewrite what stays. */
export function leanArchive(ctx: NaiveCtx, cols: number, statusCol: number, updatedCol: number, cutoff: number): number {
  const sheet = open(ctx);
  const n = sheet.getLastRow() - 1;
  if (n < 1) return 0;
  const values = sheet.getSheetValues(2, 1, n, cols);
  const isOld = (r: unknown[]) => {
    const d = r[updatedCol - 1];
    return r[statusCol - 1] === '已关闭' && Object.prototype.toString.call(d) === '[object Date]' && (d as Date).getTime() <= cutoff;
  };
  const moved = values.filter(isOld);
  const kept = values.filter((r) => !isOld(r));
  const arch = ssOf(ctx).insertSheet('归档 lean');
  // A new sheet has 1,000 rows and 26 columns: room first (one call each), as on Google.
  if (moved.length > 1000) arch.insertRowsAfter(1000, moved.length - 1000);
  if (cols > 26) arch.insertColumnsAfter(26, cols - 26);
  if (moved.length) arch.getRange(1, 1, moved.length, cols).setValues(moved);
  sheet.getRange(2, 1, n, cols).clearContent();
  if (kept.length) sheet.getRange(2, 1, kept.length, cols).setValues(kept);
  return moved.length;
}
