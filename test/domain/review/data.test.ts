// The review data sheet's rows (issue 19), the 12-week trend and the backlog list, against the
// snapshot they must agree with: random tickets (seeded), grouped from the rows as a pivot groups
// them, give the snapshot's category × urgency table, departments, SLA compliance and trend.
import { buildReview, REVIEW_DATA_KEYS, shiftIsoWeek, type Review, type ReviewInput, type SlaOf } from '../../../src/domain/review';
import { CATALOG } from '../../../src/domain/i18n';
import { formatIsoWeek, intlZone } from '../../../src/domain/zone';
import { blankTicket, type AuditEntry, type Ticket } from '../../../src/domain/ticket';
import type { Category, SlaState, Status, Urgency } from '../../../src/domain/schema';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SH = intlZone('Asia/Shanghai');
const at = (s: string): number => Date.parse(`${s}+08:00`);

function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

const CATS: (Category | null)[] = ['hardware', 'software', 'network', 'access', 'other', null];
const URGS: (Urgency | null)[] = ['high', 'medium', 'low', null];
const DEPTS = ['销售部', '财务部', '研发部', '', '人事部', '行政部', '市场部', 'A', 'B', 'C', 'D', 'E'];
const AGENTS = ['张工', '李工程师', '王主管', ''];
const STATES: (SlaState | null)[] = ['met', 'missed', 'breached', 'onTrack', 'atRisk', null];

/** ~n tickets over 16 weeks before `end`, some open, some resolved, some closed, with audit status changes. */
function randomTickets(seed: number, n: number, end: number): { tickets: Ticket[]; audit: AuditEntry[]; sla: Map<string, SlaOf> } {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const tickets: Ticket[] = [];
  const audit: AuditEntry[] = [];
  const sla = new Map<string, SlaOf>();
  for (let i = 0; i < n; i++) {
    const submittedAt = end - Math.floor(r() * 16 * 7 * DAY) - HOUR;
    const responded = r() < 0.8;
    const firstResponseAt = responded ? submittedAt + Math.floor(r() * 3 * DAY) : null;
    const resolvedAt = responded && r() < 0.7 ? (firstResponseAt as number) + Math.floor(r() * 10 * DAY) : null;
    const status: Status = resolvedAt !== null ? (r() < 0.5 ? 'closed' : 'resolved') : responded ? 'inProgress' : 'pending';
    const id = `IT${String(i).padStart(5, '0')}`;
    tickets.push({
      ...blankTicket(),
      id,
      title: pick(['打印机无法连接', 'VPN连接异常', '邮箱无法收信', '电脑蓝屏', 'CRM登录失败']) + (r() < 0.5 ? '' : String(i)),
      category: pick(CATS),
      urgency: pick(URGS),
      department: pick(DEPTS),
      assignee: pick(AGENTS),
      tier: pick(['tier1', 'tier2', null] as const),
      submittedAt,
      firstResponseAt,
      resolvedAt,
      status,
      feedback: resolvedAt !== null && r() < 0.5 ? pick(['yes:satisfied', 'yes:basic', 'no:unsatisfied', 'none'] as const) : null,
      responseDueAt: r() < 0.9 ? submittedAt + Math.floor(r() * 2 * DAY) : null,
      resolveDueAt: r() < 0.9 ? submittedAt + Math.floor(r() * 6 * DAY) : null,
    });
    sla.set(id, { response: pick(STATES), resolution: pick(STATES) });
    if (resolvedAt !== null && r() < 0.2) {
      // reopened once after the first resolution, resolved again at resolvedAt
      const first = (firstResponseAt as number) + Math.floor(((resolvedAt - (firstResponseAt as number)) * 1) / 3);
      const reopen = first + Math.floor((resolvedAt - first) / 2);
      const e = (t: number, from: string, to: string): AuditEntry => ({ at: t, user: 'a', ticketId: id, field: 'status', oldValue: from, newValue: to, via: 'sidebar' });
      audit.push(e(firstResponseAt as number, 'pending', 'inProgress'), e(first, 'inProgress', 'resolved'), e(reopen, 'resolved', 'inProgress'), e(resolvedAt, 'inProgress', 'resolved'));
    }
  }
  return { tickets, audit, sla };
}

function review(week: string, world: ReturnType<typeof randomTickets>, now: number, extra: Partial<ReviewInput> = {}, lang: 'zh' | 'en' = 'zh'): Review {
  const [y, w] = week.split('-W').map(Number);
  return buildReview({
    week: { year: y, week: w },
    zone: SH,
    tickets: world.tickets,
    audit: world.audit,
    now,
    lang,
    knowledge: [],
    workingMs: (a, b) => Math.max(0, b - a) / 3, // any monotone stand-in: the rows and the sections use the same one
    sla: (t) => world.sla.get(t.id) as SlaOf,
    ...extra,
  });
}

/** Rows as objects by column key. */
const records = (rv: Review) => rv.data.rows.map((row) => Object.fromEntries(rv.data.keys.map((k, i) => [k, row[i]])));

const NOW = at('2024-05-20T10:00:00');
const WORLD = randomTickets(19, 400, at('2024-05-20T00:00:00'));

describe('review data rows', () => {
  const rv = review('2024-W19', WORLD, NOW);
  const D = CATALOG.zh.reviewData;

  it('one row per ticket, headers from the catalog in the documented order', () => {
    expect(rv.data.rows).toHaveLength(WORLD.tickets.length);
    expect(rv.data.keys).toEqual(REVIEW_DATA_KEYS);
    expect(rv.data.header).toEqual(rv.data.keys.map((k) => D.columns[k]));
    for (const row of rv.data.rows) expect(row).toHaveLength(rv.data.header.length);
    expect(new Set(records(rv).map((x) => x.id)).size).toBe(WORLD.tickets.length);
  });

  it('weeks are ISO week text, times working minutes, SLA columns agree with each other', () => {
    const byId = new Map(WORLD.tickets.map((t) => [t.id, t]));
    for (const x of records(rv)) {
      const t = byId.get(String(x.id)) as Ticket;
      expect(x.createdWeek).toMatch(/^\d{4}-W\d\d$/);
      expect(x.resolvedWeek).toEqual(t.resolvedAt === null ? '' : expect.stringMatching(/^\d{4}-W\d\d$/));
      expect(x.resolutionMinutes).toBe(t.resolvedAt === null ? '' : Math.round((t.resolvedAt - (t.submittedAt as number)) / 3 / 60_000));
      expect({ met: 1, missed: 0 }[x.responseSla as string] ?? x.responseMet).toBe(
        x.responseSla === D.met ? 1 : x.responseSla === D.missed ? 0 : '',
      );
      expect(x.tier === '' || ['一线', '二线'].includes(String(x.tier))).toBe(true);
      expect(x.waitingMinutes).toBe(''); // no waiting states in the tracker yet
      // The SLA pivot's filter column: both targets' weeks, each once, in order.
      const weeks = [...new Set(`${x.responseWeeks} ${x.resolutionWeeks}`.split(' ').filter(Boolean))].sort();
      expect([x.id, x.slaWeeks]).toEqual([x.id, weeks.join(' ')]);
    }
  });

  it('counts reopenings from the audit log; fills waiting time, the agent’s tier and auto-close when the tracker can tell', () => {
    const reopened = new Set(WORLD.audit.filter((e) => e.oldValue === 'resolved' && e.newValue === 'inProgress').map((e) => e.ticketId));
    for (const x of records(rv)) expect(x.reopened).toBe(reopened.has(String(x.id)) ? 1 : 0);
    const withSeams = review('2024-W19', WORLD, NOW, { waitingMinutes: (t) => (t.id.endsWith('7') ? 120 : null), autoClosed: (t) => t.id.endsWith('3'), tierOf: (t) => (t.assignee === '张工' ? 'tier2' : null) });
    // By default a ticket closed with 无回复 (feedback `none`) is the auto-closed one, and has no rating.
    for (const x of records(rv)) {
      const t = WORLD.tickets.find((k) => k.id === x.id)!;
      expect([x.id, x.autoClosed, x.rating === '']).toEqual([x.id, t.feedback === 'none' ? D.yes : '', !t.feedback || t.feedback === 'none']);
    }
    for (const x of records(withSeams)) {
      expect(x.waitingMinutes).toBe(String(x.id).endsWith('7') ? 120 : 0);
      expect(x.autoClosed).toBe(String(x.id).endsWith('3') ? D.yes : '');
      if (x.assignee === '张工') expect(x.tier).toBe('二线');
    }
  });

  it('English rows say the same in English', () => {
    const en = review('2024-W19', WORLD, NOW, {}, 'en');
    expect(en.data.header[0]).toBe('Ticket ID');
    expect(en.data.keys).toEqual(rv.data.keys);
    // Numbers, IDs and weeks are the same; labels are English.
    const same = (k: string) => typeof k === 'string' && ['id', 'createdWeek', 'resolvedWeek', 'responseWeeks', 'resolutionWeeks', 'slaWeeks'].includes(k);
    en.data.rows.forEach((row, r) =>
      row.forEach((v, i) => {
        const zh = rv.data.rows[r][i];
        if (typeof zh === 'number' || same(rv.data.keys[i])) expect(v).toBe(zh);
        else if (!['department', 'assignee', 'recurringKey'].includes(rv.data.keys[i])) expect(String(v)).not.toMatch(/[\u4e00-\u9fff]/);
      }),
    );
  });
});

describe('grouped like a pivot, the rows give the snapshot’s numbers (random weeks)', () => {
  const r = rng(7);
  const weeks = Array.from({ length: 6 }, () => formatIsoWeek(shiftIsoWeek({ year: 2024, week: 20 }, -1 - Math.floor(r() * 14))));
  it.each(weeks)('%s', (week) => {
    const rv = review(week, WORLD, NOW);
    const xs = records(rv);
    const section = (k: string) => rv.sections.find((s) => s.key === k)!;
    // category × urgency: rows created in the week, counted by category and urgency
    const cu = section('categoryUrgency').table;
    const urgHeaders = cu.header.slice(1, -1);
    const created = xs.filter((x) => x.createdWeek === week);
    for (const row of cu.rows) {
      const isTotal = row[0] === CATALOG.zh.review.total;
      urgHeaders.forEach((u, j) => {
        const n = created.filter((x) => (isTotal || x.category === row[0]) && x.urgency === u).length;
        expect([week, row[0], u, row[j + 1]]).toEqual([week, row[0], u, n]);
      });
    }
    // departments: created in the week
    for (const row of section('department').table.rows.slice(0, -1))
      expect(created.filter((x) => x.department === row[0]).length).toBe(row[1]);
    // SLA: rows whose target weeks hold the week, met rate over the final ones
    const slaRows = section('sla').table.rows;
    for (const [target, weeksKey, metKey] of [
      [CATALOG.zh.review.response, 'responseWeeks', 'responseMet'],
      [CATALOG.zh.review.resolution, 'resolutionWeeks', 'resolutionMet'],
    ] as const) {
      for (const row of slaRows.filter((s) => s[0] === target)) {
        const scoped = xs.filter((x) => String(x[weeksKey]).includes(week) && (row[1] === CATALOG.zh.review.total || x.urgency === row[1]));
        expect(scoped.length).toBe(row[2]);
        const final = scoped.filter((x) => x[metKey] !== '');
        const met = final.filter((x) => x[metKey] === 1).length;
        expect(final.length ? met / final.length : null).toBe(row[6]);
      }
    }
    // trend: the last row is the summary's week; created/resolved per week from the week columns
    const last = rv.trend[rv.trend.length - 1];
    expect(last.week).toBe(week);
    expect([last.created, last.resolved, last.backlog]).toEqual([rv.figures.counts.created, rv.figures.counts.resolved, rv.figures.counts.backlog]);
    expect([last.response, last.resolution]).toEqual([rv.figures.sla.response.all.compliance, rv.figures.sla.resolution.all.compliance]);
    for (const w of rv.trend) {
      expect(xs.filter((x) => x.createdWeek === w.week).length).toBe(w.created);
      expect(xs.filter((x) => x.resolvedWeek === w.week).length).toBe(w.resolved);
    }
  });

  it('each trend week equals that week’s own review', () => {
    const rv = review('2024-W19', WORLD, NOW);
    for (const w of rv.trend.slice(-4)) {
      const own = review(w.week, WORLD, NOW);
      expect([w.created, w.resolved, w.backlog, w.response, w.resolution]).toEqual([
        own.figures.counts.created,
        own.figures.counts.resolved,
        own.figures.counts.backlog,
        own.figures.sla.response.all.compliance,
        own.figures.sla.resolution.all.compliance,
      ]);
    }
    expect(rv.trend.map((w) => w.week)).toEqual(Array.from({ length: 12 }, (_, i) => formatIsoWeek(shiftIsoWeek({ year: 2024, week: 19 }, i - 11))));
  });
});

describe('backlog list', () => {
  it('every ticket open at week end, oldest first, with its age and SLA state then', () => {
    const rv = review('2024-W18', WORLD, NOW);
    const list = rv.sections.find((s) => s.key === 'backlogList')!.table;
    expect(list.rows).toHaveLength(rv.figures.counts.backlog);
    const byId = new Map(WORLD.tickets.map((t) => [t.id, t]));
    const subs = list.rows.map((row) => byId.get(String(row[0]))!.submittedAt as number);
    expect(subs).toEqual([...subs].sort((a, b) => a - b));
    for (const row of list.rows) {
      const t = byId.get(String(row[0]))!;
      expect(row[5]).toBeCloseTo((rv.end - (t.submittedAt as number)) / DAY, 1);
      const breached =
        (t.resolveDueAt !== null && t.resolveDueAt < rv.end && (t.resolvedAt === null || t.resolvedAt > t.resolveDueAt)) ||
        (t.responseDueAt !== null && t.responseDueAt < rv.end && (t.firstResponseAt ?? (t.status === 'resolved' || t.status === 'closed' ? t.resolvedAt : null) ?? Infinity) > t.responseDueAt);
      const none = t.resolveDueAt === null && t.responseDueAt === null;
      expect(row[7]).toBe(breached ? '已超时' : none ? '无截止时间' : '正常');
    }
  });
});
