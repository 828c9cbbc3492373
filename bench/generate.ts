// Realistic ticket sheets for the benchmark and the archive tests: a deterministic PRNG, tickets
// spread over a period with a status mix by age (old tickets mostly closed, some left resolved
// and never confirmed, a few forgotten open ones), written straight into the workbook with one
// setValues through the runtime's services (bulk load, not measured as an operation).
import type { LocalRuntime } from '../runtime';
import { FIELDS, fieldForHeader } from '../src/domain/schema';
import type { FieldKey } from '../src/domain/schema';
import { defaultSettings } from '../src/domain/settings';
import { toWall } from '../runtime/zone';

const DAY = 86_400_000;
const MIN = 60_000;

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLES = [
  ['CRM系统数据库连接错误', '软件'],
  ['打印机卡纸无法打印', '硬件'],
  ['VPN连接频繁断开', '网络'],
  ['邮箱密码过期无法登录', '权限'],
  ['会议室投影仪无信号', '硬件'],
  ['ERP报表导出失败', '软件'],
  ['无线网络信号弱', '网络'],
  ['共享盘没有访问权限', '权限'],
  ['电脑开机蓝屏', '硬件'],
  ['Excel宏无法运行', '软件'],
  ['财务系统登录超时', '软件'],
  ['新员工开通账号', '权限'],
  ['显示器闪烁', '硬件'],
  ['网页打不开内网系统', '网络'],
  ['杀毒软件报警', '软件'],
  ['其他问题咨询', '其他'],
] as const;
// The sample lists a new settings sheet starts with, so generated tickets fit its dropdowns.
const { departments: DEPTS, agents } = defaultSettings('zh');
const AGENTS = agents.map((a) => a.name);
const NAMES = ['小明', '小红', '李雷', '韩梅梅', '王芳', '赵强', '陈静', '刘洋', '周杰', '吴敏'];
const SOLUTIONS = [
  '重启服务后恢复',
  '更换硒鼓并清理卡纸',
  '更新VPN客户端至最新版本',
  '重置密码并开启二次验证',
  '更换HDMI线缆',
  '修复报表模板字段',
  '调整AP信道',
  '在共享盘添加用户组权限',
];
const FEEDBACK = ['是;满意', '是;满意', '是;满意', '是;基本满意', '是;基本满意', '否;不满意'];

export interface GenOptions {
  n: number;
  /** The instant the sheet is "now" (newest ticket a little before). */
  now: number;
  /** Period the tickets span, days back from now (default 365). */
  days?: number;
  seed?: number;
  /** Spreadsheet time zone the IDs and log stamps are written in (default Asia/Shanghai). The
   * generator plays the world that typed the sheet, so it reads clocks as the runtime does. */
  timeZone?: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const localParts = (ms: number, tz: string) => {
  const w = toWall(tz, ms);
  return { y: w.y, m: w.mo, d: w.d, hh: w.h, mm: w.mi };
};
const stamp = (ms: number, tz: string) => {
  const p = localParts(ms, tz);
  return `${p.y}-${pad(p.m)}-${pad(p.d)} ${pad(p.hh)}:${pad(p.mm)}`;
};

/** One ticket per row as a field → cell map (zh labels), oldest first. */
export function generateTickets(opts: GenOptions): Partial<Record<FieldKey, unknown>>[] {
  const rnd = prng(opts.seed ?? 42);
  const days = opts.days ?? 365;
  const tz = opts.timeZone ?? 'Asia/Shanghai';
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const times: number[] = [];
  for (let i = 0; i < opts.n; i++) times.push(opts.now - 30 * MIN - Math.floor(rnd() * days * DAY));
  times.sort((a, b) => a - b);
  const serial = new Map<string, number>();
  return times.map((at) => {
    const p = localParts(at, tz);
    const date = `${p.y}${pad(p.m)}${pad(p.d)}`;
    const s = (serial.get(date) ?? 0) + 1;
    serial.set(date, s);
    const ageDays = (opts.now - at) / DAY;
    const r = rnd();
    // Status mix by age.
    const status =
      ageDays > 30
        ? r < 0.93
          ? '已关闭'
          : r < 0.98
            ? '已解决'
            : r < 0.995
              ? '处理中'
              : '待处理'
        : ageDays > 3
          ? r < 0.6
            ? '已关闭'
            : r < 0.8
              ? '已解决'
              : r < 0.95
                ? '处理中'
                : '待处理'
          : r < 0.1
            ? '已关闭'
            : r < 0.3
              ? '已解决'
              : r < 0.7
                ? '处理中'
                : '待处理';
    const [title, category] = pick(TITLES);
    const u = rnd();
    const urgency = u < 0.15 ? '高' : u < 0.65 ? '中' : '低';
    const assignee = status === '待处理' ? '' : pick(AGENTS);
    const firstResponse = status === '待处理' ? null : at + Math.floor(rnd() * 90) * MIN;
    const resolved =
      status === '已解决' || status === '已关闭'
        ? (firstResponse ?? at) + Math.floor(rnd() * 8 * 60) * MIN
        : null;
    const closedAt = status === '已关闭' ? (resolved as number) + Math.floor(rnd() * 3 * DAY) : null;
    const lastUpdate = Math.min(opts.now - MIN, closedAt ?? resolved ?? firstResponse ?? at);
    const log: string[] = [];
    if (firstResponse) log.push(`${stamp(firstResponse, tz)} ${assignee}: 已受理,正在排查`);
    if (resolved) log.push(`${stamp(resolved, tz)} ${assignee}: 已处理完成`);
    const row: Partial<Record<FieldKey, unknown>> = {
      id: `IT${date}${pad(s, 3)}`,
      title,
      department: pick(DEPTS),
      description: `${title}:影响${1 + Math.floor(rnd() * 9)}人,${stamp(at, tz)}开始出现,已尝试重启无效`,
      urgency,
      submitter: pick(NAMES),
      contact: `内线${8000 + Math.floor(rnd() * 1999)}`,
      submittedAt: new Date(at),
      status,
      assignee,
      workLog: log.join('\n'),
      solution: resolved ? pick(SOLUTIONS) : '',
      resolvedAt: resolved ? new Date(resolved) : '',
      feedback: status === '已关闭' && rnd() < 0.7 ? pick(FEEDBACK) : '',
      notes: rnd() < 0.1 ? '需跟进' : '',
      category,
      tier: urgency === '高' && rnd() < 0.5 ? '二线' : '一线',
      firstResponseAt: firstResponse ? new Date(firstResponse) : '',
      lastUpdateAt: new Date(lastUpdate),
      responseDueAt: '',
      resolveDueAt: '',
      slaStatus: '',
    };
    return row;
  });
}

/** The 22 tracker columns (zh) plus a team's own columns: 25 columns, as the benchmark specifies. */
export const TEAM_COLUMNS = ['资产编号', '工时(小时)', '回访人'];
export const FULL_HEADER: string[] = [...FIELDS.map((f) => f.zh), ...TEAM_COLUMNS];

/** Rows for a header (labels in either language; unknown headers are the team's own columns). */
export function rowsFor(
  header: readonly unknown[],
  tickets: Partial<Record<FieldKey, unknown>>[],
  seed = 7,
): unknown[][] {
  const rnd = prng(seed);
  const keys = header.map((h) => fieldForHeader(h));
  return tickets.map((tk, i) =>
    keys.map((k, c) => {
      if (k) return tk[k] ?? '';
      const name = String(header[c]);
      if (name === '资产编号') return `PC-${pad(1000 + (i % 9000), 4)}`;
      if (name === '工时(小时)') return Math.round(rnd() * 40) / 10;
      return rnd() < 0.3 ? '刘主管' : '';
    }),
  );
}

function ensureRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, cols: number): void {
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < cols)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), cols - sheet.getMaxColumns());
}

/** A hand-kept sheet named `name` (header + rows) for setup to adopt: one setValues. */
export function writeRawSheet(
  rt: LocalRuntime,
  name: string,
  header: string[],
  rows: unknown[][],
): GoogleAppsScript.Spreadsheet.Sheet {
  const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(name) ?? ss.insertSheet(name);
  ensureRows(sheet, rows.length + 1, header.length);
  sheet.getRange(1, 1, rows.length + 1, header.length).setValues([header, ...rows]);
  return sheet;
}

/** Appends generated tickets under the header of an already set-up ticket sheet (one setValues). */
export function appendToTicketSheet(
  rt: LocalRuntime,
  tickets: Partial<Record<FieldKey, unknown>>[],
  name = '工单',
): number {
  const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  const first = sheet.getLastRow() + 1;
  const rows = rowsFor(header, tickets);
  ensureRows(sheet, first + rows.length - 1, header.length);
  // Text columns are plain text (`@`) after setup: the values land as they are.
  sheet.getRange(first, 1, rows.length, header.length).setValues(rows);
  return rows.length;
}

const PLACES = ['三楼', '五楼会议室', '财务部', '销售部', '北京分公司', '上海分公司', '研发部', '前台', 'B座', '培训室'];
const DETAILS = ['重启后恢复正常', '已通知用户验证', '更新驱动程序', '清理缓存后正常', '更换配件', '调整配置参数'];

/**
 * Knowledge-base rows (知识库 columns: ID, title, category, description, solution, date, helpful,
 * status) as closing files them: `n` entries over the past year, titles and solutions varied by
 * place and detail so the index holds thousands of distinct words, as a real base does.
 */
export function knowledgeRows(n: number, now: number, seed = 11): unknown[][] {
  const rnd = prng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  return Array.from({ length: n }, (_, i) => {
    const [title, category] = pick(TITLES);
    const place = pick(PLACES);
    const at = now - Math.floor(rnd() * 365 * DAY);
    return [
      `KB${pad(i + 1, 6)}`,
      `${place}${title}`,
      category,
      `${place}${title}:影响${1 + Math.floor(rnd() * 9)}人,第${i + 1}次报告,已尝试重启无效`,
      `${pick(SOLUTIONS)},${pick(DETAILS)}(${place})`,
      new Date(at),
      Math.floor(rnd() * 4),
      '有效',
    ];
  });
}

/** Fills the knowledge sheet (made by setup) with `rows`, replacing what it held: one setValues. */
export function writeKnowledge(rt: LocalRuntime, rows: unknown[][]): void {
  const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('知识库');
  if (!sheet) throw new Error('no 知识库 sheet: run setup first');
  ensureRows(sheet, rows.length + 1, 8);
  sheet.getRange(2, 1, rows.length, 8).setValues(rows);
}
