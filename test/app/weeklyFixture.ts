// The hand-worked week the weekly-review tests share (test/app/weekly.test.ts,
// test/gas/reviewDataSheet.test.ts, test/gas/reviewPivots.test.ts and the journeys in
// test/scenarios/): four tickets played through the real entry points on the local runtime.
import type { LocalRuntime } from '../../runtime';
import { FORM, newRuntime, setUp, submit } from './helpers';

export const at = (s: string): number => Date.parse(`${s}+08:00`); // Asia/Shanghai wall time

export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const ss = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet();
export const sheetNames = (rt: LocalRuntime): string[] =>
  ss(rt)
    .getSheets()
    .map((s) => s.getName());
export const reviewSheet = (rt: LocalRuntime, name: string): Sheet => {
  const s = ss(rt).getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}; sheets: ${sheetNames(rt).join(', ')}`);
  return s;
};

export function act(
  rt: LocalRuntime,
  when: string,
  id: string,
  action: string,
  payload: Record<string, unknown> = {},
): void {
  rt.clock.set(at(when));
  const r = rt.call<{ ok: boolean; errors?: unknown }>('applyTicketAction', id, action, payload).result;
  if (!r.ok) throw new Error(`${action} ${id} at ${when}: ${JSON.stringify(r.errors)}`);
}

export function submitAt(rt: LocalRuntime, when: string, form: Partial<typeof FORM>): string {
  rt.clock.set(at(when));
  const r = submit(rt, { ...FORM, ...form });
  if (!r.ok) throw new Error(`submit at ${when}: ${JSON.stringify(r.errors)}`);
  return r.id;
}

/**
 * The fixture week 2024-W19 (Mon 05-06 – Sun 05-12), worked by hand (working time Mon–Fri 09–18):
 *  D  Thu 05-02 10:00 低 其他, accepted 10:30 (W18), resolved Mon 05-06 11:00.
 *  A  Mon 05-06 10:00 高 软件, accepted 10:20, resolved 11:00, feedback yes/satisfied, closed 12:00.
 *  B  Mon 05-06 10:30 中 网络, accepted Tue 09:30, resolved Wed 10:00, feedback no/unsatisfied
 *     (reopens) Wed 11:00, resolved again Thu 15:00.
 *  C  Tue 05-07 11:00 低 硬件, never touched: open and overdue at week end.
 */
export function workedWeek(opts: { locale?: string } = {}) {
  const rt = newRuntime({ now: at('2024-05-01T09:15:00'), locale: opts.locale });
  setUp(rt);
  const D = submitAt(rt, '2024-05-02T10:00:00', {
    title: '共享盘权限申请',
    urgency: '低',
    category: '其他',
    department: '财务部/总部',
  });
  act(rt, '2024-05-02T10:30:00', D, 'accept');
  const A = submitAt(rt, '2024-05-06T10:00:00', {
    title: 'CRM系统数据库连接错误',
    urgency: '高',
    category: '软件',
  });
  act(rt, '2024-05-06T10:20:00', A, 'accept');
  act(rt, '2024-05-06T11:00:00', D, 'resolve', { solution: '已在共享盘为其开通读写权限' });
  act(rt, '2024-05-06T11:00:00', A, 'resolve', { solution: '重启数据库连接池，恢复正常' });
  act(rt, '2024-05-06T11:30:00', A, 'feedback', { resolved: true, rating: 'satisfied' });
  act(rt, '2024-05-06T12:00:00', A, 'close');
  const B = submitAt(rt, '2024-05-06T10:30:00', {
    title: 'VPN 无法连接',
    urgency: '中',
    category: '网络',
    department: '市场部/上海分公司',
  });
  act(rt, '2024-05-07T09:30:00', B, 'accept');
  const C = submitAt(rt, '2024-05-07T11:00:00', {
    title: '打印机卡纸',
    urgency: '低',
    category: '硬件',
    department: '财务部/总部',
  });
  act(rt, '2024-05-08T10:00:00', B, 'resolve', { solution: '重置 VPN 证书' });
  act(rt, '2024-05-08T11:00:00', B, 'feedback', { resolved: false, rating: 'unsatisfied' });
  act(rt, '2024-05-09T15:00:00', B, 'resolve', { solution: '更换 VPN 客户端版本' });
  return { rt, A, B, C, D };
}


/**
 * Spreadsheet calls a weekly build may make, whatever the ticket count: the snapshot and its reads
 * (31–33), the data sheet (8–9) and the pivot sheet (39: five pivots at 4–7 calls each, for every
 * group, value, filter, sort and limit is its own call in SpreadsheetApp; three slicers at 2; the
 * sheet, its titles and anchors 7). Issue 19's target of 45 is not met: the required pivots,
 * slicers and data sheet alone take 47–48 (docs/performance.md; one batchUpdate through the Sheets
 * API would need the full spreadsheets scope, which this add-on does not ask for).
 */
export const WEEKLY_CALLS = 81;

/** The rows under a section title, as display strings, until the next blank row. */
export function section(sheet: Sheet, title: string): string[][] {
  const rows = sheet.getDataRange().getDisplayValues();
  const i = rows.findIndex((r) => r[0] === title);
  if (i < 0) throw new Error(`no section ${title}`);
  const out: string[][] = [];
  for (let k = i + 2; k < rows.length && rows[k].some((c) => c !== ''); k++) out.push(rows[k]);
  return out;
}
