// Issue 23: adopting the sheets teams already keep. Six sheets built from the shapes of real ticket
// logs (an osTicket export, a ServiceNow/ITIL incident list already named "Tickets", an Excel
// tracker template with a title row, a Chinese 工单 list, a traditional-Chinese sheet without IDs,
// a helpdesk dataset), each telling the same eight-ticket story in its own words, dates, priorities
// and statuses. For each: the mapping, the plan text, the figures of a past week from the team's
// own dates and statuses, and that no original cell lost its value.
// Over ~400 lines: the six team sheets are data (their headers, rows and expected mappings).
import type { LocalRuntime } from '../../runtime';
import { parseEnum } from '../../src/domain/schema';
import { renderSheet } from '../../runtime/spreadsheet';
import { loadConfig } from '../../src/gas/config';
import { COLOURS } from '../../src/gas/ticketFormat';
import { FORM, newRuntime, submit } from '../app/helpers';
import { changedCells, snapshotCells } from '../app/originalCells';
import { OSTICKET_QUEUE_HEADER } from '../domain/osTicketExport';
import type { EntryResult } from '../entries';
import { okOf } from '../entries';

const at = (local: string, offset = '+08:00') => Date.parse(`${local}${offset}`);
const ss = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet();

/**
 * The story, in Asia/Shanghai wall time. Week 2024-W18 is Mon 04-29 – Sun 05-05.
 *  1 created W17, resolved Tue of W18          4 created W18, in progress (backlog)
 *  2 created and closed Mon of W18             5 created W18, cancelled (not open)
 *  3 created W18, resolved W19 (backlog)       6 created W19
 *  7 created W17, on hold/draft (not open)     8 created Sat of W18, resolved the same day
 * W18: created 5 (2,3,4,5,8), resolved 3 (1,2,8), closed 1 (2), backlog 2 (3,4). W17: created 2 (1,7),
 * resolved and closed 0, backlog 1 (1). No status change is in the audit log: closed comes from the
 * team's status and Resolved at (customer_support_tickets writes every resolved ticket "Closed": 3).
 */
const STORY = [
  { created: '2024-04-24T09:00:00', resolved: '2024-04-30T10:00:00', status: 'resolved', urgency: 'high' },
  { created: '2024-04-29T10:23:31', resolved: '2024-04-29T15:00:00', status: 'closed', urgency: 'medium' },
  { created: '2024-04-30T14:05:00', resolved: '2024-05-07T09:00:00', status: 'resolved', urgency: 'low' },
  { created: '2024-05-02T11:30:00', resolved: null, status: 'inProgress', urgency: 'medium' },
  { created: '2024-05-03T16:45:00', resolved: null, status: 'cancelled', urgency: 'low' },
  { created: '2024-05-06T09:10:00', resolved: null, status: 'pending', urgency: 'high' },
  { created: '2024-04-22T08:00:00', resolved: null, status: 'onHold', urgency: 'low' },
  { created: '2024-05-04T10:00:00', resolved: '2024-05-04T12:00:00', status: 'resolved', urgency: 'high' },
] as const;
type Story = (typeof STORY)[number];

const W18 = { created: 5, resolved: 3, closed: 1, backlog: 2 };
const W17 = { created: 2, resolved: 0, closed: 0, backlog: 1 };

interface TeamSheet {
  name: string;
  locale: string;
  /** Rows above the header (a title row…). */
  above: unknown[][];
  header: string[];
  row: (s: Story, i: number) => unknown[];
  /** Expected field of each header (null: the team's own column, kept). */
  mapping: Record<string, string | null>;
  /** Lines the plan must contain. */
  plan: RegExp[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const parts = (iso: string) => {
  const [d, t] = iso.split('T');
  const [y, m, day] = d.split('-').map(Number);
  const [h, mi, s] = t.split(':').map(Number);
  return { y, m, day, h, mi, s };
};
const usDate = (iso: string) => {
  const p = parts(iso);
  const h12 = p.h % 12 === 0 ? 12 : p.h % 12;
  return `${p.m}/${p.day}/${String(p.y).slice(2)} ${h12}:${pad(p.mi)} ${p.h < 12 ? 'AM' : 'PM'}`;
};
const dmyDate = (iso: string) => {
  const p = parts(iso);
  return `${p.day}/${p.m}/${p.y} ${pad(p.h)}:${pad(p.mi)}`;
};
const cnDate = (iso: string) => {
  const p = parts(iso);
  return `${p.y}/${p.m}/${p.day} ${p.h}:${pad(p.mi)}:${pad(p.s)}`;
};
const realDate = (iso: string) => new Date(at(iso));
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

const SHEETS: TeamSheet[] = [
  {
    name: 'osTicket export',
    locale: 'en_US',
    above: [],
    header: OSTICKET_QUEUE_HEADER,
    row: (s, i) => [
      100231 + i,
      `${s.created.replace('T', ' ')}`,
      `Printer ${i + 1} does not print`,
      `User ${i + 1}`,
      `user${i + 1}@example.com`,
      { high: 'Emergency', medium: 'Normal', low: 'Low' }[s.urgency],
      'Sales',
      'Hardware',
      {
        resolved: 'Resolved',
        closed: 'Closed',
        inProgress: 'Open',
        pending: 'Open',
        cancelled: 'Cancelled',
        onHold: 'On Hold',
      }[s.status],
      (s.resolved ?? s.created).replace('T', ' '),
      '',
      i % 2 ? 'Wang Wei' : '',
      i % 2 ? '' : 'Li Na',
    ],
    mapping: {
      'Ticket Number': 'id',
      'Date Created': 'submittedAt',
      Subject: 'title',
      From: 'submitter',
      'From Email': 'contact',
      Priority: 'urgency',
      Department: 'department',
      'Help Topic': 'category',
      'Current Status': 'status',
      'Last Updated': 'lastUpdateAt',
      'Due Date': null,
      'Assigned To': 'assignee',
      'Agent Assigned': null,
    },
    plan: [
      /"Ticket Number" → Ticket ID/,
      /Your own columns, kept as they are: Due Date, Agent Assigned/,
      /Keep your 8 ticket IDs \(e\.g\. 100231\); new tickets get IT \+ date \+ serial IDs/,
      /"Date Created": 8 text dates read as dates, left as written \(e\.g\. 2024-04-24 09:00:00 → 2024-04-24 09:00\)/,
      /"Current Status": .*Open → Pending ×2/,
      /"Current Status": Cancelled ×1, On Hold ×1 kept as written and read as not open/,
      /"Priority": .*Emergency → High ×3/,
      /"Resolved at": 4 resolved or closed tickets take the time in "Last Updated"/,
    ],
  },
  {
    // ServiceNow incident list, day-first dates, already named like our sheet.
    name: 'Tickets',
    locale: 'en_GB',
    above: [],
    header: [
      'number',
      'incident_state',
      'caller_id',
      'opened_at',
      'short_description',
      'category',
      'impact',
      'urgency',
      'priority',
      'assigned_to',
      'resolved_at',
      'closed_at',
    ],
    row: (s, i) => [
      `INC00${10001 + i}`,
      {
        resolved: 'Resolved',
        closed: 'Closed',
        inProgress: 'Active',
        pending: 'New',
        cancelled: 'Canceled',
        onHold: 'On Hold',
      }[s.status],
      `Caller ${i + 1}`,
      dmyDate(s.created),
      `VPN drops every hour (${i + 1})`,
      'Network',
      '2 - Medium',
      { high: '1 - High', medium: '2 - Medium', low: '3 - Low' }[s.urgency],
      '3 - Moderate',
      'Resolver Group A',
      s.resolved ? dmyDate(s.resolved) : '',
      s.status === 'closed' && s.resolved ? dmyDate(s.resolved) : '',
    ],
    mapping: {
      number: 'id',
      incident_state: 'status',
      caller_id: 'submitter',
      opened_at: 'submittedAt',
      short_description: 'title',
      category: 'category',
      impact: null,
      urgency: 'urgency',
      priority: null,
      assigned_to: 'assignee',
      resolved_at: 'resolvedAt',
      closed_at: null,
    },
    plan: [
      /"opened_at": 8 text dates read as dates, left as written \(e\.g\. 24\/4\/2024 09:00 → 2024-04-24 09:00\); read day first \(d\/m\/y\), as the column shows days above 12/,
      /"incident_state": Canceled ×1, On Hold ×1 kept as written/,
      /"urgency": .*1 - High → High ×3/,
      /Your own columns, kept as they are: impact, priority, closed_at/,
    ],
  },
  {
    // An Excel tracker template: a title row, a blank row, P1–P4, real dates and US text dates.
    name: 'Issue Tracker',
    locale: 'en_US',
    above: [
      ['IT Issue Tracker — Q2 2024', '', '', ''],
      ['', '', '', ''],
    ],
    header: [
      'Issue ID',
      'Issue Summary',
      'Date Reported',
      'Reported By',
      'Assigned To',
      'Priority',
      'Status',
      'Date Resolved',
      'Resolution Summary',
      'Comments',
    ],
    row: (s, i) => [
      `TCK-${String(i + 1).padStart(4, '0')}`,
      `Laptop ${i + 1} will not boot`,
      realDate(s.created),
      `Reporter ${i + 1}`,
      'Sam',
      { high: 'P1', medium: 'P2', low: i % 2 ? 'P3' : 'P4' }[s.urgency],
      {
        resolved: 'Resolved',
        closed: 'Closed',
        inProgress: 'In Progress',
        pending: 'Open',
        cancelled: 'Cancelled',
        onHold: 'On Hold',
      }[s.status],
      s.resolved ? usDate(s.resolved) : '',
      s.resolved ? 'Reinstalled the driver' : '',
      i === 4 ? 'Duplicate of TCK-0004' : '',
    ],
    mapping: {
      'Issue ID': 'id',
      'Issue Summary': 'title',
      'Date Reported': 'submittedAt',
      'Reported By': 'submitter',
      'Assigned To': 'assignee',
      Priority: 'urgency',
      Status: 'status',
      'Date Resolved': 'resolvedAt',
      'Resolution Summary': 'solution',
      Comments: 'notes',
    },
    plan: [
      /Keep your 8 ticket IDs \(e\.g\. TCK-0001\)/,
      /"Priority": .*P1 → High ×3/,
      /"Date Resolved": 4 text dates read as dates, left as written \(e\.g\. 4\/30\/24 10:00 AM → 2024-04-30 10:00\)/,
      /"Status": Cancelled ×1, On Hold ×1 kept as written/,
    ],
  },
  {
    name: 'IT工单登记',
    locale: 'zh_CN',
    above: [],
    header: [
      '工单编号',
      '工单标题',
      '申请人',
      '所属部门',
      '联系电话',
      '创建时间',
      '优先级',
      '类别',
      '工单状态',
      '处理人',
      '处理结果',
      '完成时间',
    ],
    row: (s, i) => [
      `GD2024${String(i + 1).padStart(4, '0')}`,
      `打印机${i + 1}卡纸`,
      `员工${i + 1}`,
      '财务部',
      `内线${8000 + i}`,
      cnDate(s.created),
      { high: '紧急', medium: '中', low: '低' }[s.urgency],
      i % 2 ? '硬件' : '打印机',
      {
        resolved: '已完成',
        closed: '已关闭',
        inProgress: '处理中',
        pending: '待处理',
        cancelled: '已取消',
        onHold: '草稿',
      }[s.status],
      '张工',
      s.resolved ? '更换硒鼓' : '',
      s.resolved ? cnDate(s.resolved) : '',
    ],
    mapping: {
      工单编号: 'id',
      工单标题: 'title',
      申请人: 'submitter',
      所属部门: 'department',
      联系电话: 'contact',
      创建时间: 'submittedAt',
      优先级: 'urgency',
      类别: 'category',
      工单状态: 'status',
      处理人: 'assignee',
      处理结果: 'solution',
      完成时间: 'resolvedAt',
    },
    plan: [
      /沿用您的列：「工单编号」作为问题编号/,
      /保留您的 8 个编号（如 GD20240001）/,
      /「创建时间」：8 个文本日期按日期读取，保持原样（如 2024\/4\/24 9:00:00 → 2024-04-24 09:00）/,
      /「工单状态」：已取消 ×1、草稿 ×1 保持原样，视为不在处理中/,
      /「类别」4 个单元格（打印机 ×4）：不是问题类型的取值（硬件、软件、网络、权限、其他）/,
      /「优先级」：.*紧急 → 高 ×3/,
    ],
  },
  {
    // Traditional Chinese headers and values, real date cells, no ID column at all.
    name: '報修紀錄',
    locale: 'zh_TW',
    above: [],
    header: ['問題標題', '提交人', '當前狀態', '緊急程度', '提交時間', '解決時間', '負責人', '備註'],
    row: (s, i) => [
      `網路斷線 ${i + 1}`,
      `同事${i + 1}`,
      {
        resolved: '已解決',
        closed: '已關閉',
        inProgress: '處理中',
        pending: '待處理',
        cancelled: '已取消',
        onHold: '暫停',
      }[s.status],
      { high: '高', medium: '中', low: '低' }[s.urgency],
      realDate(s.created),
      s.resolved ? realDate(s.resolved) : '',
      '陳工',
      '',
    ],
    mapping: {
      問題標題: 'title',
      提交人: 'submitter',
      當前狀態: 'status',
      緊急程度: 'urgency',
      提交時間: 'submittedAt',
      解決時間: 'resolvedAt',
      負責人: 'assignee',
      備註: 'notes',
    },
    plan: [
      /为 8 行补充问题编号/,
      /在末尾添加列：问题编号/,
      /「當前狀態」：.*已解決 → 已解决 ×3/,
      /「當前狀態」：已取消 ×1、暫停 ×1 保持原样/,
    ],
  },
  {
    // A helpdesk dataset export: numbers as IDs, "Ticket …" headers, ISO text dates with seconds.
    name: 'customer_support_tickets',
    locale: 'en_US',
    above: [],
    header: [
      'Ticket ID',
      'Customer Name',
      'Customer Email',
      'Ticket Type',
      'Ticket Subject',
      'Ticket Description',
      'Ticket Status',
      'Resolution',
      'Ticket Priority',
      'Ticket Channel',
      'First Response Time',
      'Time to Resolution',
      'Customer Satisfaction Rating',
    ],
    row: (s, i) => [
      i + 1,
      `Customer ${i + 1}`,
      `c${i + 1}@example.org`,
      'Technical issue',
      'Network problem',
      `I cannot reach the VPN since this morning (${i + 1})`,
      {
        resolved: 'Closed',
        closed: 'Closed',
        inProgress: 'Pending Customer Response',
        pending: 'Open',
        cancelled: 'Cancelled',
        onHold: 'On Hold',
      }[s.status],
      s.resolved ? 'Reset the token' : '',
      { high: 'Critical', medium: 'Medium', low: 'Low' }[s.urgency],
      'Email',
      '',
      s.resolved ? `${s.resolved.replace('T', ' ')}.000` : '',
      s.resolved ? 4 : '',
    ],
    mapping: {
      'Ticket ID': 'id',
      'Customer Name': 'submitter',
      'Customer Email': 'contact',
      'Ticket Type': 'category',
      'Ticket Subject': 'title',
      'Ticket Description': 'description',
      'Ticket Status': 'status',
      Resolution: 'solution',
      'Ticket Priority': 'urgency',
      'Ticket Channel': null,
      'First Response Time': 'firstResponseAt',
      'Time to Resolution': 'resolvedAt',
      'Customer Satisfaction Rating': 'feedback',
    },
    plan: [
      /No creation date column found/,
      /"Ticket Priority": .*Critical → High ×3/,
      /"Customer Satisfaction Rating", 4 cells \(4 ×4\): not a value of Submitter feedback/,
      /"Ticket Type", 8 cells \(Technical issue ×8\)/,
    ],
  },
];

function build(def: TeamSheet, opts: { now?: number } = {}) {
  const rt = newRuntime({ locale: def.locale, now: opts.now ?? at('2024-05-15T10:00:00') });
  const book = ss(rt);
  const sheet = book.getSheetByName(def.name) ?? book.insertSheet(def.name);
  const width = Math.max(def.header.length, ...def.above.map((r) => r.length));
  const fit = (r: unknown[]) => [...r, ...new Array(width - r.length).fill('')];
  const written = [...def.above.map(fit), fit(def.header), ...STORY.map((s, i) => fit(def.row(s, i)))];
  // Text stays text (as in a text-formatted column or an imported file); real dates stay dates.
  for (let c = 0; c < width; c++)
    if (!written.some((r) => isDate(r[c]))) sheet.getRange(1, c + 1, written.length, 1).setNumberFormat('@');
  sheet.getRange(1, 1, written.length, width).setValues(written);
  const rows = sheet.getRange(1, 1, written.length, width).getValues();
  return { rt, rows, headerRow: def.above.length + 1 };
}

function adopt(rt: LocalRuntime) {
  rt.ui.responder = (q) => ({ button: q.buttons.includes('YES') ? 'YES' : 'OK' });
  return rt.call<EntryResult<'setupTrackerFromMenu'>>('setupTrackerFromMenu').result;
}

describe.each(SHEETS)('adopting "$name" ($locale)', (def) => {
  const { rt, rows, headerRow } = build(def);
  const snap = snapshotCells(ss(rt).getSheetByName(def.name)!);
  const report = adopt(rt);

  const sheet = ss(rt).getSheetByName(def.name)!;
  const after = sheet.getDataRange().getValues();
  const plan = rt.ui.asks[0]?.prompt ?? '';

  it('adopts the team’s sheet, without asking which one and without adding an empty one', () => {
    expect(report).toMatchObject({ ok: true, created: false, sheet: def.name });
    const names = ss(rt)
      .getSheets()
      .map((s) => s.getName());
    expect(names.filter((n) => n === '工单' || n === 'Tickets' || /^(工单|Tickets) \d/.test(n))).toEqual(
      def.name === 'Tickets' ? ['Tickets'] : [],
    );
    expect(rt.ui.asks.filter((a) => a.kind === 'prompt')).toEqual([]);
  });

  it('maps each team column to the expected field; the rest stay the team’s own', () => {
    // The add-on's stored view of the sheet: where each field is.
    const config = loadConfig(rt.services.PropertiesService.getDocumentProperties() as never);
    const columns: Record<string, number> = config?.tickets?.columns ?? {};
    for (const [header, field] of Object.entries(def.mapping)) {
      const col = def.header.indexOf(header);
      const owner = Object.entries(columns).find(([, c]) => c === col)?.[0] ?? null;
      expect([header, owner]).toEqual([header, field]);
    }
  });

  it('shows the plan in the sheet’s language before changing anything', () => {
    if (process.env.SHOW_PLAN) console.log(plan);
    expect(plan).toMatch(
      def.locale.startsWith('zh')
        ? /即将整理工作表「.+」（已有 8 行数据）/
        : /About to adopt sheet ".+" \(8 rows of data\)/,
    );
    for (const line of def.plan) expect(plan).toMatch(line);
    // A summary, not a list of cells: no line names a cell like "B7".
    expect(plan).not.toMatch(/\b[A-Z]{1,2}\d{1,5}[,，、] ?[A-Z]{1,2}\d{1,5}\b/);
  });

  it('changes no original cell: every value, display, formula and note is as the team left it', () => {
    expect(changedCells(snap, sheet)).toEqual([]);
    // The tracker's own columns are added after the team's, never over them.
    expect(after[headerRow - 1].slice(0, rows[headerRow - 1].length)).toEqual(rows[headerRow - 1]);
    expect(report.mappedValues).toBe(def.name === 'osTicket export' ? 4 : 0); // Resolved at, in the added column
  });

  it('reads the team’s words and dates through the mapping: the ticket view shows our values', () => {
    const header = rows[headerRow - 1].map(String);
    const idHeader = Object.keys(def.mapping).find((h) => def.mapping[h] === 'id');
    const zh = def.locale.startsWith('zh');
    const idCol = idHeader ? header.indexOf(idHeader) : after[headerRow - 1].indexOf(zh ? '问题编号' : 'Ticket ID');
    const created = Object.keys(def.mapping).some((h) => def.mapping[h] === 'submittedAt');
    STORY.forEach((s, i) => {
      const id = String(after[headerRow + i][idCol]);
      const view = okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', id).result);
      const field = (key: string) => view.fields?.find((f) => f.key === key)?.value;
      const status = { resolved: 'resolved', closed: 'closed', inProgress: 'inProgress', pending: 'pending', cancelled: 'closed', onHold: 'closed' }[s.status];
      // customer_support_tickets writes every resolved ticket "Closed"; osTicket has only "Open".
      const want = def.name === 'customer_support_tickets' && status === 'resolved' ? 'closed' : def.name === 'osTicket export' && status === 'inProgress' ? 'pending' : status;
      const local = s.created.replace('T', ' ').slice(0, 16);
      expect([id, view.ok, parseEnum('urgency', field('urgency')), parseEnum('status', view.status), created ? field('submittedAt') : local]).toEqual([id, true, s.urgency, want, local]);
    });
  });

  it('builds a past week’s review from the team’s own dates and statuses', () => {
    rt.clock.set(at('2024-05-15T11:00:00'));
    const built = okOf(rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W18').result);
    expect(built).toMatchObject({ ok: true, week: '2024-W18' });
    expect(built.counts).toMatchObject(
      def.name === 'customer_support_tickets' ? { resolved: W18.resolved, closed: 3 } : W18,
    );
    expect(built.previous).toMatchObject(def.name === 'customer_support_tickets' ? { resolved: 0, closed: 0 } : W17);
  });
  it('an agent’s action on a team’s row writes only the fields it changes; the team’s text dates stay text', () => {
    const config = loadConfig(rt.services.PropertiesService.getDocumentProperties() as never);
    const columns: Record<string, number> = config?.tickets?.columns ?? {};
    const i = 5; // story 6: pending, created in W19
    const id = String(sheet.getRange(headerRow + 1 + i, columns.id + 1).getValue());
    const before = snapshotCells(sheet);
    const r = rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', id, 'accept', { assignee: def.locale.startsWith('zh') ? '张工' : 'Wang Wei' }, okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', id).result).version).result;
    expect(r.ok).toBe(true);
    const acted = new Set(['status', 'assignee', 'workLog', 'lastUpdateAt', 'lastReplyAt', 'firstResponseAt', 'responseDueAt', 'resolveDueAt', 'slaStatus', 'record'].map((k) => columns[k]));
    expect(changedCells(before, sheet, (row, col) => row === headerRow + i && acted.has(col))).toEqual([]);
  });
});

// Adopted months later: the team's closed, cancelled and on-hold tickets (2, 5, 7: read as closed)
// are older than the archive age. The plan says so before any change, and the daily archive's first
// run moves exactly that many.
describe.each([SHEETS[0], SHEETS[3]])('adopting "$name" with history older than the archive age', (def) => {
  const { rt } = build(def, { now: at('2024-09-01T10:00:00') });
  const report = adopt(rt);
  const plan = rt.ui.asks[0]?.prompt ?? '';

  it('the plan says how many rows the daily archive will move, where they stay findable and what to change', () => {
    expect(report.ok).toBe(true);
    expect(plan).toContain(
      def.locale.startsWith('zh')
        ? '• 有 3 行是已关闭、超过 90 天没有动静的工单：每日归档会把它们从本表移到「归档」表（周报和知识库仍会找到它们）。想让它们留在本表，请在「设置」表把「归档天数」改大'
        : '• 3 rows are closed tickets with no activity for 90 days or more: the daily archive will move them from this sheet to the "Archive" sheet (the weekly review and the knowledge base still find them). To keep them here, raise "Archive after (days)" in the "Settings" sheet',
    );
  });

  it('counting them costs no spreadsheet call: the same calls as adopting the same sheet with nothing due', () => {
    const fresh = build(def).rt;
    fresh.ui.responder = (q) => ({ button: q.buttons.includes('YES') ? 'YES' : 'OK' });
    const quiet = fresh.call<EntryResult<'setupTrackerFromMenu'>>('setupTrackerFromMenu');
    const later = build(def, { now: at('2024-09-01T10:00:00') }).rt;
    later.ui.responder = fresh.ui.responder;
    const due = later.call<EntryResult<'setupTrackerFromMenu'>>('setupTrackerFromMenu');
    expect(quiet.result.ok && due.result.ok).toBe(true);
    expect(later.ui.asks[0]?.prompt).toContain(def.locale.startsWith('zh') ? '有 3 行' : '3 rows are closed');
    expect(due.stats.byMethod).toEqual(quiet.stats.byMethod);
  });

  it('the daily archive then moves as many as the plan said', () => {
    const run = rt.call<EntryResult<'onSlaTimer'>>('onSlaTimer').result;
    expect(run.archive).toMatchObject({ ok: true, archived: 3 });
  });
});

describe('no sheet looks like a ticket list', () => {
  function workbook() {
    const rt = newRuntime({ locale: 'en_US' });
    const book = ss(rt);
    // A "Tickets" sheet that is not a ticket list (a seating plan) and the real log with odd headers.
    book
      .insertSheet('Tickets')
      .getRange(1, 1, 3, 3)
      .setValues([
        ['Name', 'Seat', 'Laptop'],
        ['Ann', '3F-12', 'X1'],
        ['Bo', '3F-14', 'T14'],
      ]);
    book
      .insertSheet('Log')
      .getRange(1, 1, 3, 3)
      .setValues([
        ['Wann', 'Was', 'Wer'],
        ['2024-05-02', 'Drucker kaputt', 'Ann'],
        ['2024-05-03', 'VPN', 'Bo'],
      ]);
    return {
      rt,
      before: JSON.stringify(rt.workbook.toJSON()),
      log: book.getSheetByName('Log')!.getDataRange().getValues(),
    };
  }

  it('asks which sheet holds the tickets, and changes nothing when cancelled', () => {
    const { rt, before } = workbook();
    rt.ui.responder = (q) => ({ button: q.buttons.includes('CANCEL') ? 'CANCEL' : 'OK' });
    const report = rt.call<EntryResult<'setupTrackerFromMenu'>>('setupTrackerFromMenu').result;
    expect(report).toMatchObject({ ok: false, cancelled: true });
    const ask = rt.ui.asks.find((a) => a.kind === 'prompt')!;
    expect(ask.prompt).toMatch(/No ticket sheet was recognised/);
    expect(ask.prompt).toMatch(/1\. .*\n|Tickets/);
    expect(ask.prompt).toMatch(/Log/);
    expect(JSON.stringify(rt.workbook.toJSON())).toBe(before);
  });

  it('adopts the sheet the person names, adding the fields it lacks after its own columns', () => {
    const { rt, log } = workbook();
    rt.ui.responder = (q) =>
      q.kind === 'prompt'
        ? { button: 'OK', text: 'log' }
        : { button: q.buttons.includes('YES') ? 'YES' : 'OK' };
    const report = rt.call<EntryResult<'setupTrackerFromMenu'>>('setupTrackerFromMenu').result;
    expect(report).toMatchObject({ ok: true, created: false, sheet: 'Log' });
    const values = ss(rt).getSheetByName('Log')!.getDataRange().getValues();
    expect(values.map((r) => r.slice(0, 3))).toEqual(log);
    expect(values[0].slice(3)).toContain('Ticket ID');
    expect(ss(rt).getSheetByName('Tickets')!.getDataRange().getValues()[0]).toEqual([
      'Name',
      'Seat',
      'Laptop',
    ]);
  });

  it('an empty answer never adds a second "Tickets" beside the team’s own: it says to rename it, nothing changed', () => {
    const { rt, before } = workbook();
    rt.ui.responder = (q) => (q.kind === 'prompt' ? { button: 'OK', text: '' } : { button: q.buttons.includes('YES') ? 'YES' : 'OK' });
    const report = rt.call<EntryResult<'setupTrackerFromMenu'>>('setupTrackerFromMenu').result;
    expect(report).toMatchObject({ ok: false, created: false });
    expect(report.messages.join('\n')).toMatch(/A sheet named "Tickets" exists but holds neither a ticket header nor ticket IDs/);
    expect(JSON.stringify(rt.workbook.toJSON())).toBe(before);
  });

  it('an empty answer adds the ticket sheet when its name is free; the team’s sheet stays as it is', () => {
    const rt = newRuntime({ locale: 'en_US' });
    ss(rt).insertSheet('Staff').getRange(1, 1, 2, 2).setValues([['Name', 'Seat'], ['Ann', '3F-12']]);
    rt.ui.responder = (q) => (q.kind === 'prompt' ? { button: 'OK', text: '' } : { button: q.buttons.includes('YES') ? 'YES' : 'OK' });
    const report = rt.call<EntryResult<'setupTrackerFromMenu'>>('setupTrackerFromMenu').result;
    expect(report).toMatchObject({ ok: true, created: true, sheet: 'Tickets' });
    expect(rt.ui.asks.find((a) => a.kind === 'prompt')!.prompt).toMatch(/1\. Staff/);
    expect(ss(rt).getSheetByName('Staff')!.getDataRange().getValues()).toEqual([['Name', 'Seat'], ['Ann', '3F-12']]);
  });

  it('a name that is not a sheet changes nothing and says so', () => {
    const { rt, before } = workbook();
    rt.ui.responder = (q) => (q.kind === 'prompt' ? { button: 'OK', text: 'Issues' } : { button: 'OK' });
    const report = rt.call<EntryResult<'setupTrackerFromMenu'>>('setupTrackerFromMenu').result;
    expect(report.messages.join('\n')).toMatch(/There is no sheet "Issues"/);
    expect(JSON.stringify(rt.workbook.toJSON())).toBe(before);
  });
});

describe('the team’s own IDs stay; new tickets continue in ours', () => {
  it.each(['IT工单登记', 'osTicket export'])('%s: a ticket submitted after adoption gets an IT ID in the team’s sheet', (name) => {
    const def = SHEETS.find((d) => d.name === name)!;
    const { rt, rows, headerRow } = build(def);
    adopt(rt);
    const zh = def.locale.startsWith('zh');
    const r = submit(rt, zh ? FORM : { ...FORM, urgency: 'High', category: 'Software' });
    expect(r).toMatchObject({ ok: true, id: 'IT20240515001' });
    const after = ss(rt).getSheetByName(def.name)!.getDataRange().getValues();
    const idCol = def.header.indexOf(zh ? '工单编号' : 'Ticket Number');
    // The team's IDs are untouched; the new row carries ours.
    expect(after.slice(headerRow, rows.length).map((x) => x[idCol])).toEqual(rows.slice(headerRow).map((x) => x[idCol]));
    expect(after.map((x) => x[idCol])).toContain('IT20240515001');
  });
});

describe('the "could not map" summary is said once', () => {
  it('per column the first time; one line when a later run finds the same cells', () => {
    const def = SHEETS.find((d) => d.name === 'IT工单登记')!;
    const { rt } = build(def);
    const first = adopt(rt);
    const text = first.messages.join('\n');
    expect(text).toMatch(/以下单元格无法识别，已保持原样：\n {2}– 「类别」4 个单元格（打印机 ×4）/);
    expect(text).not.toMatch(/[A-Z]\d+, [A-Z]\d+/); // no list of cells
    const again = adopt(rt);
    expect(again.messages.join('\n')).toMatch(/仍有 4 个单元格无法识别，已保持原样（与上次相同）/);
    expect(again.messages.join('\n')).not.toMatch(/打印机 ×4/);
    expect(again.unmapped).toHaveLength(4); // the JSON report still names every cell
  });
});

describe('the admin corrects the mapping and runs setup again', () => {
  const yes = (rt: LocalRuntime, text = '') => {
    rt.ui.responder = (q) => (q.kind === 'prompt' ? { button: 'OK', text } : { button: q.buttons.includes('YES') ? 'YES' : 'OK' });
  };
  const run = (rt: LocalRuntime) => rt.call<EntryResult<'setupTrackerFromMenu'>>('setupTrackerFromMenu').result;
  const settingsRows = (rt: LocalRuntime) => ss(rt).getSheetByName('Settings')!.getDataRange().getValues();
  const columnsOf = (rt: LocalRuntime) => loadConfig(rt.services.PropertiesService.getDocumentProperties() as never)?.tickets?.columns ?? {};
  const setKey = (rt: LocalRuntime, label: string, value: string) => {
    const sheet = ss(rt).getSheetByName('Settings')!;
    const rows = sheet.getDataRange().getValues();
    const at = rows.findIndex((r) => r[0] === label);
    const row = at >= 0 ? at + 1 : rows.findIndex((r, i) => i > 0 && r[0] === '') + 1 || rows.length + 1;
    sheet.getRange(row, 1, 1, 2).setValues([[label, value]]);
  };

  it('setup writes the columns it guessed once; a corrected row moves the field to the named column', () => {
    const def = SHEETS[0]; // osTicket: Assigned To and Agent Assigned
    const { rt } = build(def);
    adopt(rt);
    const rows = settingsRows(rt);
    expect(rows.filter((r) => r[0] === 'Column: Assignee')).toEqual([['Column: Assignee', 'Assigned To', expect.stringMatching(/run "Set up \/ repair tracker" again/i), expect.anything(), ...rows[0].slice(4).map(() => expect.anything())].slice(0, rows[0].length)]);
    expect(columnsOf(rt).assignee).toBe(def.header.indexOf('Assigned To'));
    setKey(rt, 'Column: Assignee', 'Agent Assigned');
    const again = adopt(rt);
    expect(again.ok).toBe(true);
    expect(columnsOf(rt).assignee).toBe(def.header.indexOf('Agent Assigned'));
    // Written once: running again adds no second set of rows.
    expect(settingsRows(rt).filter((r) => r[0] === 'Column: Assignee')).toHaveLength(1);
    // Every later read uses the correction (the ticket view reads the assignee from Agent Assigned).
    const sheet = ss(rt).getSheetByName(def.name)!;
    expect(sheet.getRange(2, def.header.indexOf('Agent Assigned') + 1).getValue()).toBe('Li Na');
  });

  it('a sheet whose headers name nothing: the admin names the columns, and the past week comes from them', () => {
    const rt = newRuntime({ locale: 'en_US', now: at('2024-05-15T10:00:00') });
    const log = ss(rt).insertSheet('Log');
    log.getRange(1, 1, 4, 3).setNumberFormat('@');
    log.getRange(1, 1, 4, 3).setValues([
      ['Wann', 'Was', 'Wer'],
      ['2024-05-02 10:00', 'Drucker kaputt', 'Ann'],
      ['2024-05-03 11:30', 'VPN', 'Bo'],
      ['2024-05-07 09:00', 'Maus', 'Cy'],
    ]);
    yes(rt, 'Log');
    expect(run(rt)).toMatchObject({ ok: true, sheet: 'Log' });
    setKey(rt, 'Column: Submitted at', 'Wann');
    setKey(rt, 'Column: Title', 'Was');
    setKey(rt, 'Column: Submitter', 'Wer');
    yes(rt);
    const again = run(rt);
    expect(again).toMatchObject({ ok: true, sheet: 'Log', backfilledIds: 3 });
    expect(columnsOf(rt)).toMatchObject({ submittedAt: 0, title: 1, submitter: 2 });
    expect(log.getRange(1, 1, 1, 3).getValues()[0]).toEqual(['Wann', 'Was', 'Wer']);
    rt.clock.set(at('2024-05-15T11:00:00'));
    const built = okOf(rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W18').result);
    if (process.env.SHOW_PLAN) console.log(JSON.stringify(built), JSON.stringify(log.getDataRange().getValues()), JSON.stringify(columnsOf(rt)));
    expect(built.counts).toMatchObject({ created: 2, backlog: 2 });
  });

  it('dates that could be either way round are asked about first, and the answer is kept in the settings', () => {
    const rt = newRuntime({ locale: 'en_US', now: at('2024-05-15T10:00:00') });
    const sheet = ss(rt).insertSheet('Issues');
    sheet.getRange(1, 1, 3, 3).setNumberFormat('@');
    sheet.getRange(1, 1, 3, 3).setValues([
      ['Title', 'Created', 'Status'],
      ['Printer jam', '03/04/2024 10:00', 'Open'],
      ['VPN down', '05/04/2024 11:00', 'Closed'],
    ]);
    yes(rt, 'd/m/y');
    const report = run(rt);
    expect(report.ok).toBe(true);
    const ask = rt.ui.asks.find((a) => a.kind === 'prompt')!;
    if (process.env.SHOW_PLAN) console.log(rt.ui.asks.map((a) => a.prompt).join('\n----\n'));
    expect(ask.prompt).toMatch(/In "Created", 2 dates could be day or month first \(e\.g\. 03\/04\/2024 10:00\)/);
    expect(rt.ui.asks.find((a) => a.kind === 'alert' && /About to adopt/.test(a.prompt))!.prompt).toMatch(/read day first \(d\/m\/y\) as set/);
    // The team's text stays as written; the tracker reads it day first (the order kept in the configuration).
    expect(sheet.getRange(2, 2, 2, 1).getValues()).toEqual([['03/04/2024 10:00'], ['05/04/2024 11:00']]);
    const values = sheet.getDataRange().getValues();
    const idCol = values[0].indexOf('Ticket ID');
    const created = values.slice(1).map((r) => okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', r[idCol]).result).fields.find((f) => f.key === 'submittedAt')?.value);
    expect(created).toEqual(['2024-04-03 10:00', '2024-04-05 11:00']);
    expect(settingsRows(rt).find((r) => r[0] === 'Date order')?.[1]).toBe('day first (d/m/y)');
  });
});

describe('SLA figures of a past week from the team’s own dates', () => {
  it('a 工单 list: the resolution and first-response outcomes come from 创建时间 and 完成时间; a cancelled ticket has no SLA', () => {
    const rt = newRuntime({ locale: 'zh_CN', now: at('2024-05-15T10:00:00') });
    const sh = ss(rt).insertSheet('IT工单登记');
    sh.getRange(1, 1, 5, 6).setNumberFormat('@');
    sh.getRange(1, 1, 5, 6).setValues([
      ['工单编号', '工单标题', '创建时间', '优先级', '工单状态', '完成时间'],
      ['GD1', '打印机', '2024/4/29 10:00:00', '紧急', '已完成', '2024/4/29 11:00:00'],
      ['GD2', 'VPN', '2024/4/30 10:00:00', '高', '已完成', '2024/4/30 15:00:00'],
      ['GD3', '账号', '2024/5/2 10:00:00', '低', '处理中', ''],
      ['GD4', '网络', '2024/5/3 10:00:00', '中', '已取消', ''],
    ]);
    adopt(rt);
    rt.clock.set(at('2024-05-15T11:00:00'));
    const r = okOf(rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W18').result);
    expect(r.counts).toMatchObject({ created: 4, resolved: 2, backlog: 1 });
    const rows = ss(rt).getSheetByName(r.sheet)!.getDataRange().getDisplayValues();
    const i = rows.findIndex((x) => x[0] === 'SLA 达成率');
    const row = (target: string, urgency: string) => rows.slice(i).find((x) => x[0] === target && x[1] === urgency)!.slice(2, 7);
    // 高 resolves within 2 h round the clock: GD1 in 1 h (met), GD2 in 5 h (missed). With no
    // first-response column, the resolution counts as the first response: 1 h (met) and 5 h (missed).
    expect(row('解决', '高')).toEqual(['2', '1', '1', '0', '50.0%']);
    expect(row('首次响应', '高')).toEqual(['2', '1', '1', '0', '50.0%']);
    // GD4 was cancelled: not open, no SLA.
    expect(row('解决', '中')).toEqual(['0', '0', '0', '0', '']);
  });

  it('a team’s first-response column (首次响应时间) is mapped and the response figure comes from it, not from the resolution', () => {
    const rt = newRuntime({ locale: 'zh_CN', now: at('2024-05-15T10:00:00') });
    const sh = ss(rt).insertSheet('IT工单登记');
    sh.getRange(1, 1, 3, 7).setNumberFormat('@');
    sh.getRange(1, 1, 3, 7).setValues([
      ['工单编号', '工单标题', '创建时间', '优先级', '工单状态', '首次响应时间', '完成时间'],
      ['GD1', '打印机', '2024/4/29 10:00:00', '紧急', '已完成', '2024/4/29 10:20:00', '2024/4/29 11:00:00'],
      ['GD2', 'VPN', '2024/4/30 10:00:00', '高', '已完成', '2024/4/30 10:30:00', '2024/4/30 15:00:00'],
    ]);
    adopt(rt);
    const columns = loadConfig(rt.services.PropertiesService.getDocumentProperties() as never)?.tickets?.columns ?? {};
    expect(columns).toMatchObject({ firstResponseAt: 5, resolvedAt: 6 });
    rt.clock.set(at('2024-05-15T11:00:00'));
    const r = okOf(rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W18').result);
    const rows = ss(rt).getSheetByName(r.sheet)!.getDataRange().getDisplayValues();
    const i = rows.findIndex((x) => x[0] === 'SLA 达成率');
    const row = (target: string, urgency: string) => rows.slice(i).find((x) => x[0] === target && x[1] === urgency)!.slice(2, 7);
    // Both answered within the 60 working minutes (met), though GD2 took 5 h to resolve (missed).
    expect(row('首次响应', '高')).toEqual(['2', '2', '0', '0', '100.0%']);
    expect(row('解决', '高')).toEqual(['2', '1', '1', '0', '50.0%']);
  });
});

describe('headers that only look like a time field stay the team’s own (issue 23, loose aliases)', () => {
  const columnsOf = (rt: LocalRuntime) => loadConfig(rt.services.PropertiesService.getDocumentProperties() as never)?.tickets?.columns ?? {};
  const adoptTeam = (locale: string, name: string, rows: unknown[][]) => {
    const rt = newRuntime({ locale, now: at('2024-05-15T10:00:00') });
    const sh = ss(rt).insertSheet(name);
    sh.getRange(1, 1, rows.length, rows[0].length).setNumberFormat('@');
    sh.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
    const before = snapshotCells(sh);
    const report = adopt(rt);
    return { rt, sh, before, report, plan: rt.ui.asks[0]?.prompt ?? '' };
  };

  it('English: "Time to Resolution" and "First Response Time" holding durations, "Resolved" holding Yes/No; "Closed Date" is the resolved time', () => {
    const header = ['Ticket ID', 'Subject', 'Created', 'Status', 'Priority', 'Time to Resolution', 'First Response Time', 'Resolved', 'Due Date', 'Last Updated', 'Closed Date', 'Resolution'];
    const { rt, sh, before, report, plan } = adoptTeam('en_US', 'Helpdesk log', [
      header,
      ['HD-1', 'VPN', '2024-04-29 10:00', 'Closed', 'High', '5 h', '20 min', 'Yes', '2024-04-30', '2024-04-29 15:00', '2024-04-29 15:00', 'Reset token'],
      ['HD-2', 'Mail', '2024-04-30 09:00', 'Open', 'Low', '', '', 'No', '2024-05-03', '2024-04-30 09:30', '', ''],
      ['HD-3', 'Printer', '2024-05-02 11:00', 'Resolved', 'Medium', '26 h', '1 h', 'Yes', '2024-05-04', '2024-05-03 13:00', '2024-05-03 13:00', 'Driver'],
    ]);
    expect(report.ok).toBe(true);
    const columns = columnsOf(rt);
    const owner = (h: string) => Object.entries(columns).find(([, c]) => c === header.indexOf(h))?.[0] ?? null;
    expect(header.map((h) => [h, owner(h)])).toEqual([
      ['Ticket ID', 'id'],
      ['Subject', 'title'],
      ['Created', 'submittedAt'],
      ['Status', 'status'],
      ['Priority', 'urgency'],
      ['Time to Resolution', null],
      ['First Response Time', null],
      ['Resolved', null],
      ['Due Date', null],
      ['Last Updated', 'lastUpdateAt'],
      ['Closed Date', 'resolvedAt'],
      ['Resolution', 'solution'],
    ]);
    // The first response gets a column of its own, after the team's.
    expect(columns.firstResponseAt).toBeGreaterThanOrEqual(header.length);
    expect(plan).toMatch(/"Time to Resolution" holds durations \(e\.g\. 5 h\), not dates: kept as your own column, not read as Resolved at/);
    expect(plan).toMatch(/"First Response Time" holds durations \(e\.g\. 20 min\), not dates: kept as your own column, not read as First response at/);
    expect(plan).toMatch(/"Resolved" holds yes\/no values \(e\.g\. Yes\), not dates: kept as your own column, not read as Resolved at/);
    expect(plan).toMatch(/Your own columns, kept as they are: Time to Resolution, First Response Time, Resolved, Due Date/);
    expect(changedCells(before, sh)).toEqual([]);
    // Kept so: a second run maps the same way and adds no column.
    const width = sh.getLastColumn();
    expect(adopt(rt).ok).toBe(true);
    expect(columnsOf(rt)).toEqual(columns);
    expect(sh.getLastColumn()).toBe(width);
    // The past week counts HD-1 and HD-3 as resolved from Closed Date, not from the durations.
    rt.clock.set(at('2024-05-15T11:00:00'));
    expect(okOf(rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W18').result).counts).toMatchObject({ created: 3, resolved: 2 });
  });

  it('Chinese: 响应时间 holding 30分钟 and 处理时长 stay yours; 完成时间 and 处理结果 are read', () => {
    const header = ['工单编号', '问题标题', '创建时间', '工单状态', '优先级', '响应时间', '处理时长', '完成时间', '处理结果'];
    const { rt, sh, before, plan } = adoptTeam('zh_CN', '报修台账', [
      header,
      ['BX1', '打印机', '2024/4/29 10:00:00', '已完成', '高', '30分钟', '2小时', '2024/4/29 12:00:00', '换硒鼓'],
      ['BX2', '邮箱', '2024/4/30 09:00:00', '处理中', '低', '1小时', '', '', ''],
    ]);
    const columns = columnsOf(rt);
    const owner = (h: string) => Object.entries(columns).find(([, c]) => c === header.indexOf(h))?.[0] ?? null;
    expect(header.map((h) => [h, owner(h)])).toEqual([
      ['工单编号', 'id'],
      ['问题标题', 'title'],
      ['创建时间', 'submittedAt'],
      ['工单状态', 'status'],
      ['优先级', 'urgency'],
      ['响应时间', null],
      ['处理时长', null],
      ['完成时间', 'resolvedAt'],
      ['处理结果', 'solution'],
    ]);
    expect(plan).toMatch(/「响应时间」中是时长（如 30分钟），不是日期：保留为您自己的列，不作为首次响应时间读取/);
    expect(plan).toMatch(/您自己的列，保持原样：响应时间、处理时长/);
    expect(changedCells(before, sh)).toEqual([]);
  });

  it('the admin can still map such a column in the settings sheet and run again', () => {
    const header = ['Ticket ID', 'Subject', 'Created', 'Status', 'Time to Resolution'];
    const { rt } = adoptTeam('en_US', 'Log', [header, ['T1', 'VPN', '2024-04-29 10:00', 'Closed', '5 h']]);
    expect(columnsOf(rt).resolvedAt).not.toBe(4);
    const settings = ss(rt).getSheetByName('Settings')!;
    settings.getRange(settings.getLastRow() + 1, 1, 1, 2).setValues([['Column: Resolved at', 'Time to Resolution']]);
    expect(adopt(rt).ok).toBe(true);
    expect(columnsOf(rt).resolvedAt).toBe(4);
  });
});

describe('the SLA colours of an adopted sheet follow the team’s words', () => {
  it('IT工单登记: rows the team wrote 已完成, 已取消 or 草稿 are never red; its open rows past due are', () => {
    const def = SHEETS.find((d) => d.name === 'IT工单登记')!;
    const { rt, headerRow } = build(def);
    adopt(rt);
    rt.call('runSlaSweepFromMenu');
    const title = def.header.indexOf('工单标题');
    const rows = renderSheet(rt.workbook, def.name, rt.clock.now()).rows.slice(headerRow, headerRow + STORY.length);
    const red = rows.map((r) => r[title].background.toLowerCase() === COLOURS.red);
    // Stories 4 (处理中) and 6 (待处理) are open and long past their resolution time on 2024-05-15.
    expect(STORY.map((s, i) => [s.status, red[i]])).toEqual(STORY.map((s) => [s.status, s.status === 'inProgress' || s.status === 'pending']));
  });
});
