// The naive reference: the same operations written the way sheet scripts usually are — a loop over
// rows with getRange(r, c).getValue() / setValue() per cell, appendRow / deleteRow per row. They run
// on the same local runtime (same counters) against a copy of the same generated sheet, so every
// figure of the add-on has a ratio beside it. They do the same amount of work, not the same logic.
import type { LocalRuntime } from '../runtime';
import { FIELDS } from '../src/domain/schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
/** Dates from the runtime belong to the bundle's realm: no instanceof. */
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

export interface NaiveCtx {
  rt: LocalRuntime;
  sheet: Sheet;
  col: (header: string) => number; // 1-based
  rows: number; // data rows
}

export function naiveContext(rt: LocalRuntime, name = '工单'): NaiveCtx {
  const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const col = (h: string) => {
    const i = header.indexOf(h);
    if (i < 0) throw new Error(`naive: no column ${h}`);
    return i + 1;
  };
  return { rt, sheet, col, rows: sheet.getLastRow() - 1 };
}


const DATA_COLS = FIELDS.map((f) => f.zh);

function audit(ctx: NaiveCtx, id: string, field: string, oldV: unknown, newV: unknown): void {
  const ss = ctx.rt.services.SpreadsheetApp.getActiveSpreadsheet();
  const log = ss.getSheetByName('操作日志') ?? ss.insertSheet('操作日志');
  log.appendRow([new Date(), 'agent', id, field, String(oldV), String(newV), 'sidebar']);
}

/** Submit: scan the ID column cell by cell for today's highest serial, then write the new row cell by cell. */
export function naiveSubmit(ctx: NaiveCtx, today: string): string {
  const { sheet } = ctx;
  const idCol = ctx.col('问题编号');
  const last = sheet.getLastRow();
  let max = 0;
  for (let r = 2; r <= last; r++) {
    const id = String(sheet.getRange(r, idCol).getValue());
    if (id.startsWith(`IT${today}`)) max = Math.max(max, Number(id.slice(10)));
  }
  const id = `IT${today}${String(max + 1).padStart(3, '0')}`;
  const row = last + 1;
  if (sheet.getMaxRows() < row) sheet.insertRowAfter(last);
  const values: Record<string, unknown> = {
    问题编号: id,
    问题标题: '打印机卡纸',
    所属部门: '财务部/总部',
    问题描述: '打印机卡纸无法打印',
    紧急程度: '中',
    提交人: '小明',
    联系方式: '内线8001',
    提交时间: new Date(),
    当前状态: '待处理',
  };
  for (const h of DATA_COLS) sheet.getRange(row, ctx.col(h)).setValue(values[h] ?? '');
  ctx.rows++;
  return id;
}

/** Ticket view: find the row by reading IDs one by one, then read the row's fields cell by cell. */
export function naiveView(ctx: NaiveCtx, id: string): unknown[] {
  const { sheet } = ctx;
  const idCol = ctx.col('问题编号');
  const last = sheet.getLastRow();
  for (let r = 2; r <= last; r++) {
    if (sheet.getRange(r, idCol).getValue() === id) return DATA_COLS.map((h) => sheet.getRange(r, ctx.col(h)).getValue());
  }
  throw new Error(`naive: ${id} not found`);
}

/** Agent action (a work-log note): find the row by reading IDs one by one, then read and write cells. */
export function naiveAction(ctx: NaiveCtx, id: string): void {
  const { sheet } = ctx;
  const idCol = ctx.col('问题编号');
  const last = sheet.getLastRow();
  let row = -1;
  for (let r = 2; r <= last; r++) {
    if (sheet.getRange(r, idCol).getValue() === id) {
      row = r;
      break;
    }
  }
  if (row < 0) throw new Error(`naive: ${id} not found`);
  const status = sheet.getRange(row, ctx.col('当前状态')).getValue();
  const log = sheet.getRange(row, ctx.col('处理过程记录')).getValue();
  sheet.getRange(row, ctx.col('处理过程记录')).setValue(`${log}\n2024-11-06 10:00 张工: 跟进中`);
  sheet.getRange(row, ctx.col('最近更新时间')).setValue(new Date());
  if (status === '待处理') sheet.getRange(row, ctx.col('当前状态')).setValue('处理中');
  audit(ctx, id, '处理过程记录', '', '跟进中');
}

/** Closing: find the row, set the status, then look the ID up in the knowledge base before adding it. */
export function naiveClose(ctx: NaiveCtx, id: string): void {
  const { sheet } = ctx;
  const idCol = ctx.col('问题编号');
  const last = sheet.getLastRow();
  let row = -1;
  for (let r = 2; r <= last && row < 0; r++) if (sheet.getRange(r, idCol).getValue() === id) row = r;
  if (row < 0) throw new Error(`naive: ${id} not found`);
  const entry = ['问题编号', '问题标题', '问题类型', '问题描述', '解决方案'].map((h) => sheet.getRange(row, ctx.col(h)).getValue());
  sheet.getRange(row, ctx.col('当前状态')).setValue('已关闭');
  sheet.getRange(row, ctx.col('最近更新时间')).setValue(new Date());
  audit(ctx, id, '当前状态', '已解决', '已关闭');
  const ss = ctx.rt.services.SpreadsheetApp.getActiveSpreadsheet();
  const kb = ss.getSheetByName('知识库') ?? ss.insertSheet('知识库');
  const kbLast = kb.getLastRow();
  for (let r = 2; r <= kbLast; r++) if (kb.getRange(r, 1).getValue() === id) return;
  kb.appendRow([...entry, new Date(), 0]);
}

/** Hand edit (the onEdit of a sheet script): read the edited row cell by cell, stamp, log. */
export function naiveHandEdit(ctx: NaiveCtx, row: number): void {
  const { sheet } = ctx;
  const cells: unknown[] = [];
  for (const h of DATA_COLS) cells.push(sheet.getRange(row, ctx.col(h)).getValue());
  sheet.getRange(row, ctx.col('最近更新时间')).setValue(new Date());
  audit(ctx, String(cells[0]), '负责人', '', cells[9]);
}

const SWEEP_READ = [
  '问题编号',
  '紧急程度',
  '提交时间',
  '当前状态',
  '解决时间',
  '首次响应时间',
  '最近更新时间',
  '支持级别',
];

/** Sweep: every row, the SLA inputs one cell at a time, the three SLA cells written one at a time. */
export function naiveSweep(ctx: NaiveCtx, now: number): void {
  const { sheet } = ctx;
  const last = sheet.getLastRow();
  for (let r = 2; r <= last; r++) {
    const v: unknown[] = SWEEP_READ.map((h) => sheet.getRange(r, ctx.col(h)).getValue());
    const at = isDate(v[2]) ? v[2].getTime() : now;
    const hours = v[1] === '高' ? 2 : v[1] === '中' ? 4 : 24;
    const due = new Date(at + hours * 3_600_000);
    const open = v[3] !== '已关闭' && v[3] !== '已解决';
    sheet.getRange(r, ctx.col('响应截止')).setValue(new Date(at + 3_600_000));
    sheet.getRange(r, ctx.col('解决截止')).setValue(due);
    sheet
      .getRange(r, ctx.col('SLA状态'))
      .setValue(open && due.getTime() < now ? '解决：已超时' : '解决：正常');
  }
}

const WEEKLY_READ = [
  '问题编号',
  '问题标题',
  '所属部门/区域',
  '紧急程度',
  '提交时间',
  '当前状态',
  '负责人',
  '解决时间',
  '提交人反馈',
  '问题类型',
];

/** Weekly review: every row's fields read cell by cell, the summary written cell by cell. */
export function naiveWeekly(ctx: NaiveCtx, from: number, to: number): void {
  const { sheet } = ctx;
  const last = sheet.getLastRow();
  const byCat = new Map<string, number>();
  const byDept = new Map<string, number>();
  let created = 0;
  for (let r = 2; r <= last; r++) {
    const v = WEEKLY_READ.map((h) => sheet.getRange(r, ctx.col(h)).getValue());
    const at = isDate(v[4]) ? v[4].getTime() : 0;
    if (at < from || at >= to) continue;
    created++;
    byCat.set(String(v[9]), (byCat.get(String(v[9])) ?? 0) + 1);
    byDept.set(String(v[2]), (byDept.get(String(v[2])) ?? 0) + 1);
  }
  const ss = ctx.rt.services.SpreadsheetApp.getActiveSpreadsheet();
  const out = ss.getSheetByName('周报 naive') ?? ss.insertSheet('周报 naive');
  out.clear();
  let row = 1;
  out.getRange(row++, 1).setValue(`created ${created}`);
  for (const [k, n] of [...byCat, ...byDept]) {
    out.getRange(row, 1).setValue(k);
    out.getRange(row++, 2).setValue(n);
  }
  // The usual review tables: 4 × 6 cross tables, statuses, assignees, SLA lines — ~120 cells.
  for (let i = 0; i < 120; i++) out.getRange(row + Math.floor(i / 4), 1 + (i % 4)).setValue(i);
}

/** Adopting a hand-kept sheet: each row's template cells read, the tracker's columns filled, one cell at a time. */
export function naiveAdopt(ctx: NaiveCtx): void {
  const { sheet } = ctx;
  const last = sheet.getLastRow();
  const template = DATA_COLS.slice(0, 15);
  for (let r = 2; r <= last; r++) {
    const v = template.map((h) => sheet.getRange(r, ctx.col(h)).getValue());
    if (!v[0]) sheet.getRange(r, ctx.col('问题编号')).setValue(`IT20240101${r}`);
    sheet.getRange(r, ctx.col('问题类型')).setValue('其他');
    sheet.getRange(r, ctx.col('支持级别')).setValue('一线');
    sheet.getRange(r, ctx.col('最近更新时间')).setValue(v[7]);
    sheet.getRange(r, ctx.col('响应截止')).setValue('');
    sheet.getRange(r, ctx.col('解决截止')).setValue('');
    sheet.getRange(r, ctx.col('SLA状态')).setValue('');
  }
}

/** Archive: bottom-up, each row's status and date read; each archived row appended and deleted on its own. */
export function naiveArchive(ctx: NaiveCtx, cutoff: number): number {
  const { sheet } = ctx;
  const ss = ctx.rt.services.SpreadsheetApp.getActiveSpreadsheet();
  const arch = ss.getSheetByName('归档 naive') ?? ss.insertSheet('归档 naive');
  const last = sheet.getLastRow();
  const width = sheet.getLastColumn();
  let moved = 0;
  for (let r = last; r >= 2; r--) {
    const status = sheet.getRange(r, ctx.col('当前状态')).getValue();
    const upd = sheet.getRange(r, ctx.col('最近更新时间')).getValue();
    if (status !== '已关闭' || !isDate(upd) || upd.getTime() > cutoff) continue;
    arch.appendRow(sheet.getRange(r, 1, 1, width).getValues()[0]);
    sheet.deleteRow(r);
    moved++;
  }
  ctx.rows -= moved;
  return moved;
}
