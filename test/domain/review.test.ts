// buildReview (src/domain/review/index.ts) over one hand-worked week, 2024-W19 in Asia/Shanghai: every
// section's figures as worked out by hand, then other cases and edge cases. Over 400 lines because the
// sections share the one worked week (TICKETS, AUDIT, KB below); the week maths is in
// review/week.test.ts, the data rows in review/data.test.ts.
import {
  buildReview,
  type Review,
  type ReviewInput,
  type ReviewSectionKey,
  type SlaOf,
} from '../../src/domain/review';
import type { AuditEntry, Ticket } from '../../src/domain/ticket';
import { blankTicket } from '../../src/domain/ticket';
import type { KbEntry } from '../../src/domain/knowledge';
import { DAY, HOUR, SH, W19, at } from './review/helpers';

/** Working time Mon–Fri 09:00–18:00 UTC+8, no holidays: the stand-in for calendar.workingTimeBetween. */
function workingMs(a: number, b: number): number {
  if (b <= a) return 0;
  const OFF = 8 * HOUR;
  let total = 0;
  for (let day = Math.floor((a + OFF) / DAY); day <= Math.floor((b + OFF) / DAY); day++) {
    const wd = new Date(day * DAY).getUTCDay();
    if (wd === 0 || wd === 6) continue;
    const s = day * DAY - OFF + 9 * HOUR;
    const e = day * DAY - OFF + 18 * HOUR;
    total += Math.max(0, Math.min(b, e) - Math.max(a, s));
  }
  return total;
}

type Fx = Partial<Ticket> & { id: string; title: string; sla?: SlaOf };
const SLA = new Map<string, SlaOf>();
function ticket(x: Fx): Ticket {
  const { sla, ...rest } = x;
  SLA.set(x.id, sla ?? { response: null, resolution: null });
  return {
    ...blankTicket(),
    submitter: '小明',
    contact: '内线8888',
    ...rest,
  };
}

// ISO weeks (Asia/Shanghai): W16 = 04-15…04-21, W17 = 04-22…04-28, W18 = 04-29…05-05,
// W19 = 05-06 (Mon)…05-12 (Sun). The review is for W19, built Monday 05-13 09:30.
// Working hours in comments are Mon–Fri 09–18 (see workingMs above).
// prettier-ignore
const TICKETS: Ticket[] = [
  // --- created in W19 ---
  // resp 09:00→09:30 = 0.5 h; resolution 09:00→10:30 = 1.5 h
  ticket({ id: 'T01', title: '打印机无法连接', category: 'hardware', urgency: 'high', department: '销售部/北京分公司', assignee: '张工',
    submittedAt: at('05-06 09:00'), firstResponseAt: at('05-06 09:30'), resolvedAt: at('05-06 10:30'), status: 'closed',
    responseDueAt: at('05-06 10:00'), resolveDueAt: at('05-06 11:00'), feedback: 'yes:satisfied', sla: { response: 'met', resolution: 'met' } }),
  // resp 20 min = 1/3 h; resolution Mon 14–18 (4) + Tue 9–10 (1) = 5 h
  ticket({ id: 'T02', title: '三楼打印机无法连接', category: 'hardware', urgency: 'medium', department: '销售部/北京分公司', assignee: '张工',
    submittedAt: at('05-06 14:00'), firstResponseAt: at('05-06 14:20'), resolvedAt: at('05-07 10:00'), status: 'resolved',
    responseDueAt: at('05-06 15:00'), resolveDueAt: at('05-06 18:00'), feedback: 'yes:basic', sla: { response: 'met', resolution: 'missed' } }),
  // resp 2 h; resolution Tue 9 + Wed 9 + Thu 9–11 (2) = 20 h
  ticket({ id: 'T03', title: '邮箱无法收信', category: 'software', urgency: 'low', department: '财务部', assignee: '李工程师',
    submittedAt: at('05-07 09:00'), firstResponseAt: at('05-07 11:00'), resolvedAt: at('05-09 11:00'), status: 'resolved',
    responseDueAt: at('05-07 10:00'), resolveDueAt: at('05-09 15:00'), feedback: 'yes:unsatisfied', sla: { response: 'missed', resolution: 'met' } }),
  // resp 0.25 h; still open, resolution breached
  ticket({ id: 'T04', title: '电脑蓝屏', category: 'hardware', urgency: 'high', department: '研发部', assignee: '李工程师',
    submittedAt: at('05-08 10:00'), firstResponseAt: at('05-08 10:15'), status: 'inProgress',
    responseDueAt: at('05-08 11:00'), resolveDueAt: at('05-08 12:00'), sla: { response: 'met', resolution: 'breached' } }),
  // resp 10 min = 1/6 h; resolution Thu 16–18 (2) + Fri 9–10 (1) = 3 h
  ticket({ id: 'T05', title: 'CRM登录失败', category: 'software', urgency: 'high', department: '销售部/上海分公司', assignee: '张工',
    submittedAt: at('05-09 16:00'), firstResponseAt: at('05-09 16:10'), resolvedAt: at('05-10 10:00'), status: 'closed',
    responseDueAt: at('05-09 17:00'), resolveDueAt: at('05-09 18:00'), sla: { response: 'met', resolution: 'missed' } }),
  // never answered: response breached (due Fri 18:00); resolution due next Wednesday
  ticket({ id: 'T06', title: '显示器闪烁', category: 'hardware', urgency: 'low', department: '财务部', assignee: '',
    submittedAt: at('05-10 17:00'), status: 'pending',
    responseDueAt: at('05-10 18:00'), resolveDueAt: at('05-15 14:00'), sla: { response: 'breached', resolution: 'onTrack' } }),
  // Saturday ticket picked up after the week (audit 05-13 09:10): pending at week end, outside SLA scope
  ticket({ id: 'T07', title: 'VPN连接异常', category: 'network', urgency: 'medium', department: '销售部/北京分公司', assignee: '李工程师',
    submittedAt: at('05-11 10:00'), firstResponseAt: at('05-13 09:10'), status: 'inProgress',
    responseDueAt: at('05-13 10:00'), resolveDueAt: at('05-13 13:00'), sla: { response: 'met', resolution: 'onTrack' } }),
  // resp 0.5 h; resolution Tue 15–18 (3) + Wed 9–11 (2) = 5 h
  ticket({ id: 'T08', title: 'Outlook cannot send email', category: 'software', urgency: 'medium', department: '市场部', assignee: '王主管',
    submittedAt: at('05-07 15:00'), firstResponseAt: at('05-07 15:30'), resolvedAt: at('05-08 11:00'), status: 'resolved',
    responseDueAt: at('05-07 16:00'), resolveDueAt: at('05-08 10:00'), feedback: 'yes:satisfied', sla: { response: 'met', resolution: 'missed' } }),
  ticket({ id: 'T09', title: 'Outlook email sending fails', category: 'software', urgency: 'low', department: '市场部', assignee: '王主管',
    submittedAt: at('05-12 20:00'), status: 'pending',
    responseDueAt: at('05-13 10:00'), resolveDueAt: at('05-15 15:00'), sla: { response: 'onTrack', resolution: 'onTrack' } }),
  // resolved 09:40, reopened by feedback 14:00, resolved again 16:00: resp 5 min = 1/12 h; resolution 09–16 = 7 h
  ticket({ id: 'T15', title: 'CRM登录失败', category: 'access', urgency: 'medium', department: '人事部', assignee: '张工',
    submittedAt: at('05-08 09:00'), firstResponseAt: at('05-08 09:05'), resolvedAt: at('05-08 16:00'), status: 'resolved',
    responseDueAt: at('05-08 10:00'), resolveDueAt: at('05-08 13:00'), feedback: 'no:basic', sla: { response: 'met', resolution: 'missed' } }),
  // --- created in W18 ---
  // resolution Mon 04-29 10–18 (8) + Tue–Fri 4×9 (36) + Mon 05-06 9–11 (2) = 46 h
  ticket({ id: 'T10', title: '网络很慢', category: 'network', urgency: 'low', department: '研发部', assignee: '李工程师',
    submittedAt: at('04-29 10:00'), firstResponseAt: at('04-29 10:30'), resolvedAt: at('05-06 11:00'), status: 'resolved',
    responseDueAt: at('04-29 11:00'), resolveDueAt: at('05-01 16:00'), feedback: 'yes:basic', sla: { response: 'met', resolution: 'missed' } }),
  ticket({ id: 'T14', title: '账号权限申请', category: 'access', urgency: 'low', department: '人事部', assignee: '王主管',
    submittedAt: at('05-02 10:00'), firstResponseAt: at('05-02 10:30'), status: 'inProgress',
    responseDueAt: at('05-02 11:00'), resolveDueAt: at('05-06 16:00'), sla: { response: 'met', resolution: 'breached' } }),
  // resolved in W18, closed in W19 (audit); resolution due Mon 05-06 10:00 falls in W19 → in scope, met
  ticket({ id: 'T16', title: '投影仪无信号', category: 'hardware', urgency: 'medium', department: '行政部', assignee: '王主管',
    submittedAt: at('05-03 15:00'), firstResponseAt: at('05-03 15:10'), resolvedAt: at('05-03 17:00'), status: 'closed',
    responseDueAt: at('05-03 16:00'), resolveDueAt: at('05-06 10:00'), feedback: 'yes:satisfied', sla: { response: 'met', resolution: 'met' } }),
  // duplicate closed straight from pending in W18; due times fall in W19 but it has no SLA state → "not final"
  ticket({ id: 'T17', title: '打印机又连不上', category: 'hardware', urgency: 'low', department: '行政部', assignee: '张工',
    submittedAt: at('05-04 10:00'), status: 'closed', responseDueAt: at('05-06 10:00'), resolveDueAt: at('05-08 15:00') }),
  // entered by hand, no audit entries: open at W18 end (resolvedAt after it); resolution
  // Tue 04-30 10–18 (8) + Wed–Fri 3×9 (27) + Mon 9 + Tue 05-07 9–10 (1) = 45 h
  ticket({ id: 'T18', title: '键盘失灵', category: 'hardware', urgency: 'low', department: '财务部', assignee: '王主管',
    submittedAt: at('04-30 10:00'), firstResponseAt: at('04-30 10:30'), resolvedAt: at('05-07 10:00'), status: 'resolved',
    responseDueAt: at('04-30 11:00'), resolveDueAt: at('05-02 17:00'), sla: { response: 'met', resolution: 'missed' } }),
  // --- older ---
  ticket({ id: 'T11', title: 'CRM系统登录失败', category: 'software', urgency: 'medium', department: '销售部/上海分公司', assignee: '张工',
    submittedAt: at('04-23 10:00'), firstResponseAt: at('04-23 10:20'), resolvedAt: at('04-23 15:00'), status: 'closed',
    responseDueAt: at('04-23 11:00'), resolveDueAt: at('04-23 14:00'), feedback: 'yes:satisfied', sla: { response: 'met', resolution: 'missed' } }),
  ticket({ id: 'T12', title: '打印机无法连接', category: 'hardware', urgency: 'medium', department: '行政部', assignee: '张工',
    submittedAt: at('04-16 11:00'), firstResponseAt: at('04-16 11:30'), resolvedAt: at('04-16 15:00'), status: 'closed',
    feedback: 'yes:satisfied', sla: { response: 'met', resolution: 'met' } }),
  // W15: outside the 4-week recurring window (W16–W19)
  ticket({ id: 'T13', title: 'VPN连接异常', category: 'network', urgency: 'high', department: '销售部/北京分公司', assignee: '李工程师',
    submittedAt: at('04-09 10:00'), firstResponseAt: at('04-09 10:10'), resolvedAt: at('04-09 11:00'), status: 'closed',
    sla: { response: 'met', resolution: 'met' } }),
];

const A = (
  ticketId: string,
  when: string,
  oldValue: string,
  newValue: string,
  field = 'status',
): AuditEntry => ({
  at: at(when),
  user: 'agent@example.com',
  ticketId,
  field,
  oldValue,
  newValue,
  via: 'sidebar',
});

// Status labels in Chinese, English and codes, and the header spelling of the field, all mixed.
const AUDIT: AuditEntry[] = [
  A('T01', '05-06 09:30', '待处理', '处理中'),
  A('T01', '05-06 10:30', '处理中', '已解决'),
  A('T01', '05-07 09:00', '已解决', '已关闭'),
  A('T02', '05-06 14:20', 'Pending', 'In progress'),
  A('T02', '05-07 10:00', 'In progress', 'Resolved'),
  A('T03', '05-07 11:00', '待处理', '处理中', '当前状态'),
  A('T03', '05-09 11:00', '处理中', '已解决', '当前状态'),
  A('T04', '05-08 10:15', '待处理', '处理中'),
  A('T04', '05-08 10:20', '', '李工程师', '负责人'), // not a status change: ignored
  A('T05', '05-09 16:10', '待处理', '处理中'),
  A('T05', '05-10 10:00', '处理中', '已解决'),
  A('T05', '05-10 17:00', '已解决', '已关闭'),
  A('T07', '05-13 09:10', '待处理', '处理中'),
  A('T08', '05-07 15:30', 'pending', 'inProgress'),
  A('T08', '05-08 11:00', 'inProgress', 'resolved'),
  A('T10', '04-29 10:30', '待处理', '处理中'),
  A('T10', '05-06 11:00', '处理中', '已解决'),
  A('T11', '04-23 10:20', '待处理', '处理中'),
  A('T11', '04-23 15:00', '处理中', '已解决'),
  A('T11', '04-24 09:00', '已解决', '已关闭'),
  A('T12', '04-16 11:30', '待处理', '处理中'),
  A('T12', '04-16 15:00', '处理中', '已解决'),
  A('T12', '04-17 10:00', '已解决', '已关闭'),
  A('T13', '04-09 10:10', '待处理', '处理中'),
  A('T13', '04-09 11:00', '处理中', '已解决'),
  A('T13', '04-10 09:00', '已解决', '已关闭'),
  A('T14', '05-02 10:30', '待处理', '处理中'),
  A('T15', '05-08 09:05', '待处理', '处理中'),
  A('T15', '05-08 09:40', '处理中', '已解决'),
  A('T15', '05-08 14:00', '已解决', '处理中'), // reopened ("否" feedback)
  A('T15', '05-08 16:00', '处理中', '已解决'),
  A('T16', '05-03 15:10', '待处理', '处理中'),
  A('T16', '05-03 17:00', '处理中', '已解决'),
  A('T16', '05-06 10:00', '已解决', '已关闭'),
  A('T17', '05-04 11:00', '待处理', '已关闭'),
];

const KB: KbEntry[] = [
  {
    id: 'KB001',
    title: '打印机无法连接',
    category: '硬件',
    description: '打印机无法通过网络连接',
    solution: '重新安装驱动并添加网络打印机',
    date: at('04-17 10:00'),
  },
  {
    id: 'KB002',
    title: 'CRM登录失败',
    category: '软件',
    description: '登录CRM提示数据库连接错误',
    solution: '重启数据库服务',
    date: at('04-24 09:00'),
  },
  {
    id: 'KB003',
    title: 'VPN连接异常',
    category: '网络',
    description: '无法通过VPN访问内网',
    solution: '升级VPN客户端',
    date: at('04-10 09:00'),
  },
  {
    id: 'KB004',
    title: '电脑蓝屏',
    category: '硬件',
    description: '开机蓝屏',
    solution: '更新显卡驱动',
    date: at('03-01 09:00'),
  },
];

const input = (over: Partial<ReviewInput> = {}): ReviewInput => ({
  week: W19,
  zone: SH,
  tickets: TICKETS,
  audit: AUDIT,
  now: at('05-13 09:30'),
  workingMs,
  sla: (t) => SLA.get(t.id)!,
  knowledge: KB,
  lang: 'zh',
  ...over,
});
const section = (r: Review, key: ReviewSectionKey) => r.sections.find((s) => s.key === key)!;

describe('buildReview: 2024-W19, Asia/Shanghai', () => {
  const r = buildReview(input());

  test('header', () => {
    expect(r.title).toBe('周报 2024-W19');
    expect(r.sheetName).toBe('周报 2024-W19');
    expect(r.weekLabel).toBe('2024-W19');
    expect(r.start).toBe(at('05-06 00:00'));
    expect(r.end).toBe(at('05-13 00:00'));
    expect(r.asOf).toBe(r.end);
    expect(r.period).toBe('2024-05-06 – 2024-05-12 (Asia/Shanghai); 生成于 2024-05-13 09:30');
    expect(r.sections.map((s) => s.key)).toEqual([
      'summary',
      'trend',
      'categoryUrgency',
      'department',
      'status',
      'assignee',
      'sla',
      'times',
      'backlogAge',
      'backlogList',
      'overdue',
      'recurring',
      'satisfaction',
      'unsatisfied',
    ]);
    for (const s of r.sections) expect(s.basis.length).toBeGreaterThan(0);
    for (const s of r.sections)
      for (const row of s.table.rows) expect(row).toHaveLength(s.table.header.length);
    for (const s of r.sections) expect(s.table.formats).toHaveLength(s.table.header.length);
  });

  test('counts and change vs the week before', () => {
    // W19 created: T01 T02 T03 T04 T05 T06 T07 T08 T09 T15 = 10; W18: T10 T14 T16 T17 T18 = 5
    // resolved (resolvedAt): W19 T01 T02 T03 T05 T08 T10 T15 T18 = 8; W18 T16 = 1
    // closed (audit → closed): W19 T01 T05 T16 = 3; W18 T17 = 1
    // reopened (audit resolved → in progress): W19 T15 = 1; W18 none
    // backlog at 05-13 00:00: T04 T06 T07 (pending until 05-13 09:10) T09 T14 = 5
    // backlog at 05-06 00:00: T10 (in progress) T14 T18 (no audit; resolvedAt 05-07 is later) = 3
    expect(r.figures.counts).toEqual({ created: 10, resolved: 8, closed: 3, reopened: 1, backlog: 5 });
    expect(r.figures.previous).toEqual({ created: 5, resolved: 1, closed: 1, reopened: 0, backlog: 3 });
    const s = section(r, 'summary');
    expect(s.table.header).toEqual(['指标', '本周', '上周', '变化', '统计依据']);
    expect(s.table.rows.map((row) => row.slice(0, 4))).toEqual([
      ['新建', 10, 5, 5],
      ['已解决', 8, 1, 7],
      ['已关闭', 3, 1, 2],
      ['重新打开', 1, 0, 1],
      ['积压（周末未结）', 5, 3, 2],
    ]);
    expect(s.table.rows.map((row) => row[4])).toEqual([
      '提交时间在本周内',
      '解决时间在本周内',
      '操作日志中状态改为“已关闭”的时间在本周内（日志中无状态变更的工单：按其解决时间）',
      '操作日志中状态由“已解决”改为“处理中”的时间在本周内',
      expect.stringContaining('周末（下周一 00:00）'),
    ]);
  });

  test('category × urgency (created in week)', () => {
    const s = section(r, 'categoryUrgency');
    expect(s.table.header).toEqual(['问题类型 \\ 紧急程度', '高', '中', '低', '合计']);
    expect(s.table.rows).toEqual([
      ['硬件', 2, 1, 1, 4], // T01 T04 | T02 | T06
      ['软件', 1, 1, 2, 4], // T05 | T08 | T03 T09
      ['网络', 0, 1, 0, 1], // T07
      ['权限', 0, 1, 0, 1], // T15
      ['其他', 0, 0, 0, 0],
      ['合计', 3, 4, 3, 10],
    ]);
  });

  test('department', () => {
    // sorted by created, then open at week end, then resolved, then name (人 U+4EBA < 研 U+7814)
    expect(section(r, 'department').table.rows).toEqual([
      ['销售部/北京分公司', 3, 2, 1], // T01 T02 T07 | T01 T02 | T07
      ['财务部', 2, 2, 1], // T03 T06 | T03 T18 | T06
      ['市场部', 2, 1, 1], // T08 T09 | T08 | T09
      ['人事部', 1, 1, 1], // T15 | T15 | T14
      ['研发部', 1, 1, 1], // T04 | T10 | T04
      ['销售部/上海分公司', 1, 1, 0], // T05 | T05 |
      ['合计', 10, 8, 5],
    ]);
  });

  test('status (current)', () => {
    expect(section(r, 'status').table.rows).toEqual([
      ['待处理', 2, 2], // T06 T09
      ['处理中', 2, 3], // T04 T07 | + T14
      ['已解决', 4, 6], // T02 T03 T08 T15 | + T10 T18
      ['已关闭', 2, 7], // T01 T05 | + T11 T12 T13 T16 T17
      ['合计', 10, 18],
    ]);
  });

  test('assignee (handled = created or resolved in week)', () => {
    expect(section(r, 'assignee').table.rows).toEqual([
      ['张工', 4, 4, 4, 0], // T01 T02 T05 T15
      ['李工程师', 4, 3, 2, 2], // T03 T04 T07 + T10 (resolved); open T04 T07
      ['王主管', 3, 2, 2, 2], // T08 T09 + T18 (resolved); open T09 + T14 (W18, still open)
      ['（未分配）', 1, 1, 0, 1], // T06
      ['合计', 12, 10, 8, 5], // open total = backlog
    ]);
  });

  test('SLA compliance per target and urgency', () => {
    // response in scope (due or first response in W19): high T01 T04 T05 met; medium T02 T08 T15 met;
    // low T03 missed, T06 breached → missed, T17 no state → not final
    expect(r.figures.sla.response.high).toEqual({ inScope: 3, met: 3, missed: 0, pending: 0, compliance: 1 });
    expect(r.figures.sla.response.medium).toEqual({
      inScope: 3,
      met: 3,
      missed: 0,
      pending: 0,
      compliance: 1,
    });
    expect(r.figures.sla.response.low).toEqual({ inScope: 3, met: 0, missed: 2, pending: 1, compliance: 0 });
    expect(r.figures.sla.response.all).toEqual({
      inScope: 9,
      met: 6,
      missed: 2,
      pending: 1,
      compliance: 0.75,
    });
    // resolution in scope (due or resolved in W19): high T01 met, T04 breached, T05 missed;
    // medium T16 met (due 05-06 10:00), T02 T08 T15 missed; low T03 met, T10 T18 missed, T14 breached, T17 not final
    expect(r.figures.sla.resolution.high).toEqual({
      inScope: 3,
      met: 1,
      missed: 2,
      pending: 0,
      compliance: 1 / 3,
    });
    expect(r.figures.sla.resolution.medium).toEqual({
      inScope: 4,
      met: 1,
      missed: 3,
      pending: 0,
      compliance: 0.25,
    });
    expect(r.figures.sla.resolution.low).toEqual({
      inScope: 5,
      met: 1,
      missed: 3,
      pending: 1,
      compliance: 0.25,
    });
    expect(r.figures.sla.resolution.all).toEqual({
      inScope: 12,
      met: 3,
      missed: 8,
      pending: 1,
      compliance: 3 / 11,
    });
    const s = section(r, 'sla');
    expect(s.table.header).toEqual(['目标', '紧急程度', '统计工单', '达成', '未达成', '未定', '达成率']);
    expect(s.table.rows).toEqual([
      ['首次响应', '高', 3, 3, 0, 0, 1],
      ['首次响应', '中', 3, 3, 0, 0, 1],
      ['首次响应', '低', 3, 0, 2, 1, 0],
      ['首次响应', '合计', 9, 6, 2, 1, 0.75],
      ['解决', '高', 3, 1, 2, 0, 1 / 3],
      ['解决', '中', 4, 1, 3, 0, 0.25],
      ['解决', '低', 5, 1, 3, 1, 0.25],
      ['解决', '合计', 12, 3, 8, 1, 3 / 11],
    ]);
    expect(s.table.formats[6]).toBe('percent');
  });

  test('median and P90 (nearest rank) in working hours', () => {
    const t = r.figures.times;
    // response, first response in W19: T15 1/12, T05 1/6, T04 1/4, T02 1/3, T01 1/2, T08 1/2, T03 2
    // median = 4th of 7 = 1/3; P90 rank ⌈6.3⌉ = 7 → 2
    expect(t.response.all.n).toBe(7);
    expect(t.response.all.median).toBeCloseTo(1 / 3, 10);
    expect(t.response.all.p90).toBe(2);
    expect(t.response.high.median).toBeCloseTo(0.25, 10); // 1/6, 1/4, 1/2
    expect(t.response.high.p90).toBeCloseTo(0.5, 10);
    expect(t.response.medium.median).toBeCloseTo(1 / 3, 10); // 1/12, 1/3, 1/2
    expect(t.response.low).toEqual({ n: 1, median: 2, p90: 2 });
    // resolution, resolved in W19: T01 1.5, T05 3, T02 5, T08 5, T15 7, T03 20, T18 45, T10 46
    // median = (5 + 7) / 2 = 6; P90 rank ⌈7.2⌉ = 8 → 46
    expect(t.resolution.all).toEqual({ n: 8, median: 6, p90: 46 });
    expect(t.resolution.high).toEqual({ n: 2, median: 2.25, p90: 3 });
    expect(t.resolution.medium).toEqual({ n: 3, median: 5, p90: 7 });
    expect(t.resolution.low).toEqual({ n: 3, median: 45, p90: 46 });
    expect(t.resolution.unset).toEqual({ n: 0, median: null, p90: null });
    expect(section(r, 'times').table.rows).toEqual([
      ['首次响应', '高', 3, 0.25, 0.5],
      ['首次响应', '中', 3, 0.33, 0.5],
      ['首次响应', '低', 1, 2, 2],
      ['首次响应', '合计', 7, 0.33, 2],
      ['解决', '高', 2, 2.25, 3],
      ['解决', '中', 3, 5, 7],
      ['解决', '低', 3, 45, 46],
      ['解决', '合计', 8, 6, 46],
    ]);
  });

  test('backlog age buckets and overdue list at week end', () => {
    // at 05-13 00:00: T09 4 h (<1 d); T07 1 d 14 h, T06 2 d 7 h (1–3 d); T04 4 d 14 h (3–7 d); T14 10 d 14 h (≥7 d)
    expect(r.figures.backlogAge).toEqual({ lt1: 1, d1to3: 2, d3to7: 1, gt7: 1 });
    expect(section(r, 'backlogAge').table.rows).toEqual([
      ['< 1 天', 1],
      ['1–3 天', 2],
      ['3–7 天', 1],
      ['≥ 7 天', 1],
      ['合计', 5],
    ]);
    // open with resolution due before week end: T14 (05-06 16:00, 152 h over), T04 (05-08 12:00, 108 h over)
    expect(r.figures.overdueIds).toEqual(['T14', 'T04']);
    expect(section(r, 'overdue').table.rows).toEqual([
      ['T14', '账号权限申请', '低', '王主管', '2024-05-02 10:00', '2024-05-06 16:00', 152, '处理中'],
      ['T04', '电脑蓝屏', '高', '李工程师', '2024-05-08 10:00', '2024-05-08 12:00', 108, '处理中'],
    ]);
  });

  test('top recurring problems (W16–W19, by category and title similarity)', () => {
    expect(r.figures.recurringWindow).toEqual({ start: at('04-15 00:00'), end: at('05-13 00:00') });
    // hardware: T12 打印机无法连接 + T01 (same) + T02 三楼打印机无法连接 (Jaccard 6/8); T17 打印机又连不上 is 2/10 away
    // software: T08 + T09 Outlook (3/4); T11 CRM系统登录失败 + T05 CRM登录失败 (4/6)
    // T15 CRM登录失败 is 权限 → not grouped with software; T13 (W15) is outside the window
    expect(r.figures.recurring).toEqual([
      {
        category: 'hardware',
        title: '打印机无法连接',
        count: 3,
        inWeek: 2,
        ticketIds: ['T12', 'T01', 'T02'],
        kbId: 'KB001',
        kbTitle: '打印机无法连接',
      },
      {
        category: 'software',
        title: 'Outlook cannot send email',
        count: 2,
        inWeek: 2,
        ticketIds: ['T08', 'T09'],
        kbId: null,
        kbTitle: null,
      },
      {
        category: 'software',
        title: 'CRM系统登录失败',
        count: 2,
        inWeek: 1,
        ticketIds: ['T11', 'T05'],
        kbId: 'KB002',
        kbTitle: 'CRM登录失败',
      },
    ]);
    const s = section(r, 'recurring');
    expect(s.table.rows).toEqual([
      [1, '硬件', '打印机无法连接', 3, 2, 'T12, T01, T02', 'KB001', '打印机无法连接'],
      [2, '软件', 'Outlook cannot send email', 2, 2, 'T08, T09', '需编写知识库文章', ''],
      [3, '软件', 'CRM系统登录失败', 2, 1, 'T11, T05', 'KB002', 'CRM登录失败'],
    ]);
    expect(s.notes[0]).toContain('2024-04-15 至 2024-05-12');
  });

  test('satisfaction and unsatisfied tickets', () => {
    // resolved in W19: 8; with feedback 6 (T05, T18 have none) → 75%
    // satisfied T01 T08; basic T02 T10 (yes) T15 (no); unsatisfied T03 (yes)
    expect(r.figures.satisfaction).toEqual({
      resolved: 8,
      withFeedback: 6,
      responseRate: 0.75,
      ratings: { satisfied: 2, basic: 3, unsatisfied: 1 },
      yes: 5,
      no: 1,
      noAnswer: 0,
      unsatisfiedIds: ['T15', 'T03'],
    });
    const s = section(r, 'satisfaction');
    expect(s.table.rows).toEqual([
      ['满意', 2, 0, 2],
      ['基本满意', 2, 1, 3],
      ['不满意', 1, 0, 1],
      ['合计', 5, 1, 6],
    ]);
    expect(s.notes).toEqual(['反馈率：6 / 8（75%）']);
    expect(section(r, 'unsatisfied').table.rows).toEqual([
      ['T15', 'CRM登录失败', '张工', '否;基本满意', '2024-05-08 16:00'],
      ['T03', '邮箱无法收信', '李工程师', '是;不满意', '2024-05-09 11:00'],
    ]);
  });

  test('tickets closed with no answer (auto-close, issue 18) are counted apart, never as a rating or a "no"', () => {
    const T05 = TICKETS.find((t) => t.id === 'T05')!;
    const rr = buildReview(input({ tickets: TICKETS.map((t) => (t.id === 'T05' ? { ...T05, status: 'closed', feedback: 'none' } : t)) }));
    expect(rr.figures.satisfaction).toMatchObject({ withFeedback: 6, yes: 5, no: 1, noAnswer: 1, unsatisfiedIds: ['T15', 'T03'] });
    expect(section(rr, 'satisfaction').notes).toEqual(['反馈率：6 / 8（75%）', '无回复自动关闭：1 张（提交人在期限内未确认，不计入评价）']);
  });

  test('chart series', () => {
    const c = Object.fromEntries(r.charts.map((x) => [x.key, x]));
    expect(c.byCategory.table.rows).toEqual([
      ['硬件', 4],
      ['软件', 4],
      ['网络', 1],
      ['权限', 1],
      ['其他', 0],
    ]);
    expect(c.satisfaction.table.rows).toEqual([
      ['满意', 2],
      ['基本满意', 3],
      ['不满意', 1],
    ]);
    expect(c.createdResolvedByDay.table.header).toEqual(['日期', '新建', '已解决']);
    expect(c.createdResolvedByDay.table.rows).toEqual([
      ['周一 05-06', 2, 2], // T01 T02 | T01 T10
      ['周二 05-07', 2, 2], // T03 T08 | T02 T18
      ['周三 05-08', 2, 2], // T04 T15 | T08 T15
      ['周四 05-09', 1, 1], // T05 | T03
      ['周五 05-10', 1, 1], // T06 | T05
      ['周六 05-11', 1, 0], // T07
      ['周日 05-12', 1, 0], // T09
    ]);
    for (const x of r.charts) expect(x.basis.length).toBeGreaterThan(0);
  });

  test('tables hold primitives only', () => {
    for (const s of [...r.sections.map((x) => x.table), ...r.charts.map((x) => x.table)])
      for (const row of s.rows)
        for (const cell of row)
          expect(['string', 'number'].includes(typeof cell) || cell === null).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('buildReview: other cases', () => {
  test('English labels', () => {
    const r = buildReview(input({ lang: 'en' }));
    expect(r.title).toBe('Review 2024-W19');
    expect(section(r, 'summary').table.rows.map((x) => x[0])).toEqual([
      'Created',
      'Resolved',
      'Closed',
      'Reopened',
      'Backlog (open at week end)',
    ]);
    expect(section(r, 'categoryUrgency').table.header).toEqual([
      'Category \\ Urgency',
      'High',
      'Medium',
      'Low',
      'Total',
    ]);
    expect(section(r, 'recurring').table.rows[1][6]).toBe('needs an article');
    expect(section(r, 'satisfaction').notes).toEqual(['Response rate: 6 / 8 (75%)']);
    expect(section(r, 'unsatisfied').table.rows[0][3]).toBe('No; Basically satisfied');
    expect(r.charts[2].table.rows[0][0]).toBe('Mon 05-06');
    expect(section(r, 'assignee').table.rows[3][0]).toBe('(unassigned)');
  });

  test('a week not over yet counts the backlog at now', () => {
    const r = buildReview(input({ now: at('05-09 12:00') }));
    expect(r.asOf).toBe(at('05-09 12:00'));
    // open at 05-09 12:00: T04, T14 (T03 resolved 11:00; T18 resolvedAt 05-07; later tickets not submitted yet)
    expect(r.figures.counts.backlog).toBe(2);
    expect(r.figures.overdueIds).toEqual(['T14', 'T04']);
  });

  test('the previous week reviewed on its own', () => {
    const r = buildReview(input({ week: { year: 2024, week: 18 } }));
    expect(r.figures.counts).toEqual({ created: 5, resolved: 1, closed: 1, reopened: 0, backlog: 3 });
    // W17 for comparison: created T11, resolved T11, closed T11; backlog at 04-29 00:00 none
    expect(r.figures.previous).toEqual({ created: 1, resolved: 1, closed: 1, reopened: 0, backlog: 0 });
    // open at 05-06 00:00: T10 (6 d 14 h), T14 (3 d 14 h), T18 (5 d 14 h)
    expect(r.figures.backlogAge).toEqual({ lt1: 0, d1to3: 0, d3to7: 3, gt7: 0 }); // all three are 3–7 days old
  });

  test('unset category/urgency show up as their own row and column', () => {
    const extra = ticket({ id: 'X1', title: '其他问题', submittedAt: at('05-07 12:00'), status: 'pending' });
    const r = buildReview(input({ tickets: [...TICKETS, extra] }));
    const s = section(r, 'categoryUrgency');
    expect(s.table.header).toEqual(['问题类型 \\ 紧急程度', '高', '中', '低', '（未填）', '合计']);
    expect(s.table.rows[5]).toEqual(['（未填）', 0, 0, 0, 1, 1]);
    expect(s.table.rows[6]).toEqual(['合计', 3, 4, 3, 1, 11]);
  });

  test('5,000 tickets over 8 weeks: consistent totals, timed', () => {
    const titles = [
      '打印机无法连接',
      '电脑蓝屏',
      'VPN连接异常',
      'CRM登录失败',
      'Outlook cannot send email',
      '显示器闪烁',
    ];
    const cats = ['hardware', 'hardware', 'network', 'software', 'software', 'hardware'] as const;
    const many: Ticket[] = [];
    const audit: AuditEntry[] = [];
    const t0 = at('03-25 00:00');
    for (let i = 0; i < 5000; i++) {
      const submittedAt = t0 + Math.floor((i * 7 * 8 * DAY) / 5000);
      const resolved = i % 4 !== 0;
      const resolvedAt = resolved ? submittedAt + ((i % 50) + 1) * HOUR : null;
      many.push(
        ticket({
          id: `M${i}`,
          title: `${titles[i % 6]}${i % 3 === 0 ? '' : i % 17}`,
          category: cats[i % 6],
          urgency: (['high', 'medium', 'low'] as const)[i % 3],
          department: `部门${i % 9}`,
          assignee: `工程师${i % 7}`,
          submittedAt,
          firstResponseAt: submittedAt + 20 * 60_000,
          resolvedAt,
          status: resolved ? 'resolved' : 'inProgress',
          responseDueAt: submittedAt + HOUR,
          resolveDueAt: submittedAt + 8 * HOUR,
          feedback: resolved && i % 2 ? 'yes:satisfied' : null,
          sla: { response: 'met', resolution: i % 5 ? 'met' : 'missed' },
        }),
      );
      audit.push({
        at: submittedAt + 20 * 60_000,
        user: '',
        ticketId: `M${i}`,
        field: 'status',
        oldValue: '待处理',
        newValue: '处理中',
        via: 'sidebar',
      });
      if (resolvedAt)
        audit.push({
          at: resolvedAt,
          user: '',
          ticketId: `M${i}`,
          field: 'status',
          oldValue: '处理中',
          newValue: '已解决',
          via: 'sidebar',
        });
    }
    const started = Date.now();
    const r = buildReview(input({ tickets: many, audit }));
    console.log(`review: 5,000 tickets, ${audit.length} audit rows in ${Date.now() - started} ms`);
    const created = r.figures.counts.created;
    expect(created).toBe(many.filter((t) => t.submittedAt! >= r.start && t.submittedAt! < r.end).length);
    expect(section(r, 'categoryUrgency').table.rows.at(-1)!.at(-1)).toBe(created);
    expect(r.figures.times.resolution.all.n).toBe(r.figures.counts.resolved);
    const b = r.figures.backlogAge;
    expect(b.lt1 + b.d1to3 + b.d3to7 + b.gt7).toBe(r.figures.counts.backlog);
    expect(r.figures.recurring.length).toBeGreaterThan(0);
  });

  test('no tickets at all', () => {
    const r = buildReview(input({ tickets: [], audit: [], knowledge: [] }));
    expect(r.figures.counts).toEqual({ created: 0, resolved: 0, closed: 0, reopened: 0, backlog: 0 });
    expect(r.figures.times.resolution.all).toEqual({ n: 0, median: null, p90: null });
    expect(r.figures.satisfaction.responseRate).toBeNull();
    expect(section(r, 'overdue').notes).toEqual(['无']);
    expect(section(r, 'recurring').table.rows).toEqual([]);
    expect(r.charts[2].table.rows).toHaveLength(7);
  });
});

describe('buildReview: edge cases', () => {
  const iso = (s: string): number => Date.parse(`${s}+08:00`);
  const edgeTicket = (x: Partial<Ticket> & { id: string }): Ticket => ({ ...blankTicket(), title: '测试', ...x });
  const statusChange = (ticketId: string, when: string, oldValue: string, newValue: string): AuditEntry => ({
    at: iso(when),
    user: 'li@example.com',
    ticketId,
    field: '当前状态',
    oldValue,
    newValue,
    via: 'sidebar',
  });
  /** A week with nothing in it but what a case adds; working time is plain elapsed time. */
  const bareInput = (over: Partial<ReviewInput>): ReviewInput => ({
    week: W19,
    zone: SH,
    tickets: [],
    audit: [],
    now: iso('2024-05-13T10:00:00'),
    workingMs: (a, b) => Math.max(0, b - a),
    sla: () => ({ response: null, resolution: null }),
    knowledge: [],
    lang: 'zh',
    ...over,
  });

  test('the assignee table counts every ticket open at week end, as the backlog does', () => {
    const r = buildReview(
      bareInput({
        tickets: [
          edgeTicket({
            id: 'OLD',
            assignee: '张工',
            submittedAt: iso('2024-04-29T10:00:00'),
            firstResponseAt: iso('2024-04-29T10:10:00'),
            status: 'inProgress',
          }),
          edgeTicket({ id: 'NEW', assignee: '李工', submittedAt: iso('2024-05-07T10:00:00'), status: 'pending' }),
        ],
      }),
    );
    expect(r.figures.counts.backlog).toBe(2);
    const rows = r.sections.find((s) => s.key === 'assignee')!.table.rows;
    // Basis says "周末未结：同积压口径" (as for the backlog): 张工 holds one open ticket, the total is the backlog.
    expect(rows.find((x) => x[0] === '张工')?.[4]).toBe(1);
    expect(rows.find((x) => x[0] === '合计')?.[4]).toBe(2);
  });

  test('a recurring problem links only an article about the same problem', () => {
    const r = buildReview(
      bareInput({
        tickets: [
          edgeTicket({
            id: 'M1',
            title: '显示器无法显示',
            category: 'hardware',
            submittedAt: iso('2024-05-07T10:00:00'),
            status: 'pending',
          }),
          edgeTicket({
            id: 'M2',
            title: '显示器无法显示',
            category: 'hardware',
            submittedAt: iso('2024-05-08T10:00:00'),
            status: 'pending',
          }),
        ],
        knowledge: [
          { id: 'KB9', title: 'VPN无法连接', category: '网络', description: '', solution: '', date: null },
        ],
      }),
    );
    expect(r.figures.recurring).toHaveLength(1);
    expect(r.figures.recurring[0].kbId).toBeNull(); // got 'KB9' (shares only the bigram 无法)
    expect(r.sections.find((s) => s.key === 'recurring')!.table.rows[0][6]).toBe('需编写知识库文章');
  });

  test('a "否;不满意" answer that reopened the ticket is listed as unsatisfied in its week', () => {
    const r = buildReview(
      bareInput({
        tickets: [
          edgeTicket({
            id: 'V1',
            title: 'VPN 无法连接',
            assignee: '张工',
            submittedAt: iso('2024-05-06T10:00:00'),
            firstResponseAt: iso('2024-05-06T10:20:00'),
            status: 'inProgress',
            resolvedAt: null,
            feedback: 'no:unsatisfied',
          }),
        ],
        audit: [
          statusChange('V1', '2024-05-06T10:20:00', '待处理', '处理中'),
          statusChange('V1', '2024-05-07T11:00:00', '处理中', '已解决'),
          statusChange('V1', '2024-05-08T11:00:00', '已解决', '处理中'), // requester: 否;不满意 → reopened
        ],
      }),
    );
    expect(r.figures.counts.reopened).toBe(1);
    expect(r.figures.satisfaction.unsatisfiedIds).toEqual(['V1']); // got []
  });

  test('a ticket resolved without a response stamp counts in the response times as in the SLA', () => {
    const r = buildReview(
      bareInput({
        tickets: [
          edgeTicket({
            id: 'R1',
            urgency: 'high',
            submittedAt: iso('2024-05-07T10:00:00'),
            resolvedAt: iso('2024-05-07T10:30:00'),
            status: 'resolved',
            responseDueAt: iso('2024-05-07T11:00:00'),
            resolveDueAt: iso('2024-05-07T12:00:00'),
          }),
        ],
        // what weekly.ts gets from sla.evaluate: respondedAt = firstResponseAt ?? resolvedAt → met
        sla: () => ({ response: 'met', resolution: 'met' }),
      }),
    );
    expect(r.figures.sla.response.all).toMatchObject({ inScope: 1, met: 1 });
    expect(r.figures.times.response.all).toEqual({ n: 1, median: 0.5, p90: 0.5 }); // got n 0
  });
});
