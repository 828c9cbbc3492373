// The weekly review (`周报 2024-W19`): pure statistics over tickets and the audit log for one ISO
// week in the spreadsheet's time zone, returned as a plain structure (sections of 2-D tables plus
// notes, and chart series) that the sheet writer renders. Every figure says which date it counts by.
//
// Working time and SLA states come in as functions (the calendar and SLA engines live elsewhere),
// so this module depends only on zone, schema, ticket, knowledge and stats.

import type { AuditEntry, Ticket } from './ticket';
import type { Category, Lang, Rating, SlaState, Status, Urgency } from './schema';
import { ENUMS, RATING_VALUES, SHEET_NAMES, enumLabel, fieldForHeader, parseEnum } from './schema';
import type { Zone } from './zone';
import {
  dayNumber,
  formatIsoWeek,
  formatLocal,
  fromDayNumber,
  fromLocal,
  isoWeekMonday,
  isoWeekOf,
  parseIsoWeek,
  toLocal,
} from './zone';
import type { KbEntry, KbIndex } from './knowledge';
import { buildIndex, jaccard, normalizeText, search, tokenize } from './knowledge';
import { median, percentileNearestRank, ratio, round } from './stats';

// ---------------------------------------------------------------------------------------------
// Weeks

export interface IsoWeek {
  year: number;
  week: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function mondayNumber(w: IsoWeek): number {
  const m = isoWeekMonday(w.year, w.week);
  return dayNumber(m.year, m.month, m.day);
}

function weekOfDayNumber(n: number): IsoWeek {
  const d = fromDayNumber(n);
  return isoWeekOf(d.year, d.month, d.day);
}

/** The ISO week `delta` weeks after (negative: before) `w`. */
export function shiftIsoWeek(w: IsoWeek, delta: number): IsoWeek {
  return weekOfDayNumber(mondayNumber(w) + 7 * delta);
}

/** The ISO week containing an instant, by the zone's calendar. */
export function isoWeekAt(nowMs: number, zone: Zone): IsoWeek {
  const l = toLocal(nowMs, zone);
  return isoWeekOf(l.year, l.month, l.day);
}

/** The ISO week before the one containing `nowMs` in the zone. */
export function previousIsoWeek(nowMs: number, zone: Zone): IsoWeek {
  return shiftIsoWeek(isoWeekAt(nowMs, zone), -1);
}

/**
 * The week as instants: Monday 00:00 local (inclusive) to the next Monday 00:00 local (exclusive).
 * Across a daylight-saving change the week is 167 or 169 hours long. A midnight that a DST jump
 * skips resolves to the first instant after the jump (see zone.fromLocal).
 */
export function weekBounds(week: IsoWeek, zone: Zone): { start: number; end: number } {
  const monday = mondayNumber(week);
  const a = fromDayNumber(monday);
  const b = fromDayNumber(monday + 7);
  return {
    start: fromLocal({ year: a.year, month: a.month, day: a.day }, zone),
    end: fromLocal({ year: b.year, month: b.month, day: b.day }, zone),
  };
}

/** `周报 2024-W19` / `Review 2024-W19`. */
export function reviewSheetName(week: IsoWeek, lang: Lang): string {
  return `${SHEET_NAMES.review[lang]} ${formatIsoWeek(week)}`;
}

/** The week a review sheet name refers to (either language), or null. */
export function parseReviewSheetName(name: string): IsoWeek | null {
  const m = /^\s*(?:周报|Review)\s+(\d{4}-W\d{1,2})\s*$/i.exec(String(name));
  return m ? parseIsoWeek(m[1]) : null;
}

export interface WeeklySchedule {
  /** ISO weekday 1 = Monday … 7 = Sunday */
  weekday: number;
  /** 0–23, spreadsheet time zone */
  hour: number;
}

export const DEFAULT_WEEKLY_SCHEDULE: WeeklySchedule = { weekday: 1, hour: 9 };

/**
 * The week the scheduled review should build now, or null when nothing is due.
 *
 * Each ISO week W has one scheduled moment: weekday/hour of W (local). From that moment until the
 * next week's moment, the due week is W − 1; before it, W − 2. The due week is returned unless
 * `lastBuiltWeek` (`2024-W19`, as recorded by the caller after a successful scheduled build) is that
 * week or later. So a late run still builds, a doubled run builds once, and after several skipped
 * weeks only the most recent due week is built (older weeks can be built on demand). An unreadable
 * `lastBuiltWeek` counts as never built; an invalid schedule falls back to Monday 09:00.
 * On-demand builds of other weeks should not update `lastBuiltWeek`.
 */
export function weeklyDue(
  lastBuiltWeek: string | null,
  nowMs: number,
  zone: Zone,
  schedule: WeeklySchedule = DEFAULT_WEEKLY_SCHEDULE,
): IsoWeek | null {
  const okWeekday = Number.isInteger(schedule?.weekday) && schedule.weekday >= 1 && schedule.weekday <= 7;
  const okHour = Number.isInteger(schedule?.hour) && schedule.hour >= 0 && schedule.hour <= 23;
  const weekday = okWeekday && okHour ? schedule.weekday : DEFAULT_WEEKLY_SCHEDULE.weekday;
  const hour = okWeekday && okHour ? schedule.hour : DEFAULT_WEEKLY_SCHEDULE.hour;
  const l = toLocal(nowMs, zone);
  const monday = dayNumber(l.year, l.month, l.day) - (l.weekday - 1);
  const d = fromDayNumber(monday + weekday - 1);
  const scheduledAt = fromLocal({ year: d.year, month: d.month, day: d.day, hour }, zone);
  const target = weekOfDayNumber(monday - (nowMs >= scheduledAt ? 7 : 14));
  const last = lastBuiltWeek ? parseIsoWeek(lastBuiltWeek) : null;
  if (last && mondayNumber(last) >= mondayNumber(target)) return null;
  return target;
}

// ---------------------------------------------------------------------------------------------
// Output shape

export type Cell = string | number | null;
/** How the writer should format a column: counts, fractions as %, hours with 2 decimals, text. */
export type CellFormat = 'text' | 'int' | 'percent' | 'hours';

export interface ReviewTable {
  header: string[];
  rows: Cell[][];
  formats: CellFormat[];
}

export type ReviewSectionKey =
  | 'summary'
  | 'categoryUrgency'
  | 'department'
  | 'status'
  | 'assignee'
  | 'sla'
  | 'times'
  | 'backlogAge'
  | 'overdue'
  | 'recurring'
  | 'satisfaction'
  | 'unsatisfied';

export interface ReviewSection {
  key: ReviewSectionKey;
  title: string;
  /** Which date the section counts by, in words. */
  basis: string;
  table: ReviewTable;
  /** Method notes (and "none" for an empty list). */
  notes: string[];
}

export type ReviewChartKey = 'byCategory' | 'satisfaction' | 'createdResolvedByDay';

export interface ReviewChart {
  key: ReviewChartKey;
  title: string;
  kind: 'column' | 'pie';
  basis: string;
  /** First column = labels, following columns = series. */
  table: ReviewTable;
}

export interface WeekCounts {
  created: number;
  resolved: number;
  closed: number;
  reopened: number;
  /** Open at the end of the week (or at `now` for a week not over yet). */
  backlog: number;
}

export type UrgencyKey = Urgency | 'unset' | 'all';

export interface SlaCell {
  inScope: number;
  met: number;
  missed: number;
  /** On track, at risk or no state: not final yet, not counted in compliance. */
  pending: number;
  /** met / (met + missed); null when both are 0. */
  compliance: number | null;
}

export interface TimeCell {
  n: number;
  /** Working hours. */
  median: number | null;
  /** Working hours, nearest-rank 90th percentile. */
  p90: number | null;
}

export interface RecurringProblem {
  category: Category | null;
  /** The group's most frequent title (earliest on a tie). */
  title: string;
  /** Tickets in the 4-week window. */
  count: number;
  /** Of which submitted in the reviewed week. */
  inWeek: number;
  ticketIds: string[];
  /** Best-matching knowledge-base entry, or null: needs an article. */
  kbId: string | null;
  kbTitle: string | null;
}

export interface ReviewFigures {
  counts: WeekCounts;
  previous: WeekCounts;
  sla: { response: Record<UrgencyKey, SlaCell>; resolution: Record<UrgencyKey, SlaCell> };
  times: { response: Record<UrgencyKey, TimeCell>; resolution: Record<UrgencyKey, TimeCell> };
  /** Open tickets at week end by calendar age since submission: [0,1) [1,3) [3,7) [7,∞) days. */
  backlogAge: { lt1: number; d1to3: number; d3to7: number; gt7: number };
  overdueIds: string[];
  recurring: RecurringProblem[];
  recurringWindow: { start: number; end: number };
  satisfaction: {
    resolved: number;
    withFeedback: number;
    responseRate: number | null;
    ratings: Record<Rating, number>;
    yes: number;
    no: number;
    unsatisfiedIds: string[];
  };
}

export interface Review {
  week: IsoWeek;
  /** `2024-W19` */
  weekLabel: string;
  sheetName: string;
  lang: Lang;
  zone: string;
  /** Monday 00:00 local, inclusive. */
  start: number;
  /** Next Monday 00:00 local, exclusive. */
  end: number;
  /** End of week, or `now` when the week is not over: the instant backlog figures are taken at. */
  asOf: number;
  generatedAt: number;
  title: string;
  /** `2024-05-06 – 2024-05-12 (Asia/Shanghai)` plus the generation time. */
  period: string;
  figures: ReviewFigures;
  sections: ReviewSection[];
  charts: ReviewChart[];
}

export interface SlaOf {
  response: SlaState | null;
  resolution: SlaState | null;
}

export interface ReviewInput {
  week: IsoWeek;
  zone: Zone;
  /** All tickets, archived ones included. */
  tickets: readonly Ticket[];
  /** The audit log; only status changes are used (field `status`/`当前状态`, values in either language). */
  audit: readonly AuditEntry[];
  now: number;
  /** Working milliseconds between two instants (the settings calendar). */
  workingMs: (fromMs: number, toMs: number) => number;
  /** Current SLA states of a ticket (e.g. parsed from its `SLA状态` cell). */
  sla: (t: Ticket) => SlaOf;
  /** Knowledge-base entries (for recurring-problem links); or pass `knowledgeIndex`. */
  knowledge: readonly KbEntry[];
  /** A prebuilt index of `knowledge`, to skip rebuilding it. */
  knowledgeIndex?: KbIndex;
  lang: Lang;
  /** How many recurring problems to list (default 10). */
  recurringLimit?: number;
}

/** Weeks (the reviewed one and those before it) scanned for recurring problems. */
export const RECURRING_WINDOW_WEEKS = 4;
/** Minimum title similarity (token Jaccard) to group two tickets as the same problem. */
export const RECURRING_SIMILARITY = 0.5;
/** A group needs at least this many tickets to count as recurring. */
export const RECURRING_MIN_COUNT = 2;

// ---------------------------------------------------------------------------------------------
// Labels

const TEXT = {
  zh: {
    title: '周报',
    generated: '生成于',
    figure: '指标',
    thisWeek: '本周',
    previousWeek: '上周',
    change: '变化',
    countsBy: '统计依据',
    created: '新建',
    resolved: '已解决',
    closed: '已关闭',
    reopened: '重新打开',
    backlog: '积压（周末未结）',
    basisCreated: '提交时间在本周内',
    basisResolved: '解决时间在本周内',
    basisClosed: '操作日志中状态改为“已关闭”的时间在本周内',
    basisReopened: '操作日志中状态由“已解决”改为“处理中”的时间在本周内',
    basisBacklog:
      '周末（下周一 00:00）时仍为待处理/处理中：提交于此前，且未在此前解决或关闭（依操作日志，缺记录时依解决时间）',
    summary: '概览',
    summaryBasis: '见每行“统计依据”；上周同口径',
    countsAreTickets: '计数均为工单数（同一工单一周内多次变化只计一次）。',
    categoryUrgency: '问题类型 × 紧急程度',
    category: '问题类型',
    urgency: '紧急程度',
    total: '合计',
    unset: '（未填）',
    unassigned: '（未分配）',
    department: '部门/区域',
    departmentCols: ['新建', '已解决', '周末未结'],
    departmentBasis: '新建：提交时间在本周；已解决：解决时间在本周；周末未结：同积压口径',
    status: '当前状态',
    statusBasis: '生成时的当前状态',
    statusCols: ['本周新建的工单', '全部工单'],
    assignee: '负责人',
    assigneeCols: ['经手', '其中新建', '其中已解决', '周末未结'],
    assigneeBasis: '经手：提交时间或解决时间在本周；周末未结：同积压口径',
    sla: 'SLA 达成率',
    slaBasis: '响应：响应截止或首次响应时间在本周；解决：解决截止或解决时间在本周',
    slaCols: ['目标', '紧急程度', '统计工单', '达成', '未达成', '未定', '达成率'],
    slaNote:
      '依 SLA 状态：已超时或未达成计为未达成（曾超时即未达成）；已达成计为达成；正常/有风险尚未定论，不计入达成率。',
    response: '首次响应',
    resolution: '解决',
    times: '处理时长（工作小时）',
    timesBasis: '首次响应：首次响应时间在本周；解决：解决时间在本周；从提交时间起算',
    timesCols: ['指标', '紧急程度', '工单数', '中位数（工作小时）', 'P90（工作小时）'],
    timesNote:
      '按设置中的工作日历计工作小时。中位数：居中值（偶数个取中间两值的平均）；P90：最近秩法，排序后第 ⌈0.9×n⌉ 个值。',
    backlogAge: '积压时长分布',
    backlogAgeBasis: '周末仍未结的工单，按提交至周末的自然时长',
    ageCols: ['时长', '工单数'],
    ages: ['< 1 天', '1–3 天', '3–7 天', '≥ 7 天'],
    ageNote: '区间含下限不含上限。',
    overdue: '超期未结工单',
    overdueBasis: '解决截止早于周末且周末时仍未结',
    overdueCols: [
      '问题编号',
      '问题标题',
      '紧急程度',
      '负责人',
      '提交时间',
      '解决截止',
      '超期（小时）',
      '周末状态',
    ],
    recurring: '高频问题',
    recurringBasis: '提交时间在近 4 周内（本周及之前 3 周）',
    recurringCols: [
      '排名',
      '问题类型',
      '问题（代表标题）',
      '近 4 周工单数',
      '本周工单数',
      '问题编号',
      '知识库',
      '知识库标题',
    ],
    recurringNote: (from: string, to: string): string =>
      `${from} 至 ${to} 提交的工单，按问题类型分组，再按标题相似度（中文字符二元组 / 英文单词的 Jaccard ≥ 0.5）归并；至少 2 单才列出。知识库一列为最匹配的条目编号。`,
    needsArticle: '需编写知识库文章',
    satisfaction: '满意度',
    satisfactionBasis: '解决时间在本周的工单',
    satisfactionCols: ['评价', '已解决：是', '已解决：否', '合计'],
    responseRate: (n: number, d: number, r: string): string => `反馈率：${n} / ${d}（${r}）`,
    unsatisfied: '不满意工单',
    unsatisfiedBasis: '解决时间在本周，且评价为不满意或反馈未解决；或本周因反馈未解决而重新打开',
    unsatisfiedCols: ['问题编号', '问题标题', '负责人', '反馈', '解决时间'],
    none: '无',
    chartCategory: '本周新建：按问题类型',
    chartSatisfaction: '本周满意度分布',
    chartByDay: '本周每日新建与解决',
    chartCategoryCols: ['问题类型', '新建'],
    chartSatisfactionCols: ['评价', '反馈数'],
    chartByDayCols: ['日期', '新建', '已解决'],
    chartByDayBasis: '新建按提交时间，已解决按解决时间',
    weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  },
  en: {
    title: 'Review',
    generated: 'generated',
    figure: 'Figure',
    thisWeek: 'This week',
    previousWeek: 'Previous week',
    change: 'Change',
    countsBy: 'Counts by',
    created: 'Created',
    resolved: 'Resolved',
    closed: 'Closed',
    reopened: 'Reopened',
    backlog: 'Backlog (open at week end)',
    basisCreated: 'submitted at in the week',
    basisResolved: 'resolved at in the week',
    basisClosed: 'time of the status change to Closed in the audit log, in the week',
    basisReopened: 'time of a status change Resolved → In progress in the audit log, in the week',
    basisBacklog:
      'pending or in progress at week end (next Monday 00:00): submitted before it and not resolved or closed before it (from the audit log; without entries, from Resolved at)',
    summary: 'Summary',
    summaryBasis: 'see "Counts by" on each row; the previous week is counted the same way',
    countsAreTickets: 'All counts are tickets (several changes of one ticket in a week count once).',
    categoryUrgency: 'Category × urgency',
    category: 'Category',
    urgency: 'Urgency',
    total: 'Total',
    unset: '(not set)',
    unassigned: '(unassigned)',
    department: 'Department / Location',
    departmentCols: ['Created', 'Resolved', 'Open at week end'],
    departmentBasis:
      'created: submitted at in the week; resolved: resolved at in the week; open: as for the backlog',
    status: 'Current status',
    statusBasis: 'status when the review was generated',
    statusCols: ['Created this week', 'All tickets'],
    assignee: 'Assignee',
    assigneeCols: ['Handled', 'Created', 'Resolved', 'Open at week end'],
    assigneeBasis: 'handled: submitted at or resolved at in the week; open: as for the backlog',
    sla: 'SLA compliance',
    slaBasis:
      'response: response due or first response in the week; resolution: resolution due or resolved at in the week',
    slaCols: ['Target', 'Urgency', 'Tickets', 'Met', 'Missed', 'Not final', 'Compliance'],
    slaNote:
      'From the SLA state: breached or missed counts as missed (a ticket that was ever breached stays missed); met counts as met; on track / at risk are not final and not counted.',
    response: 'First response',
    resolution: 'Resolution',
    times: 'Handling time (working hours)',
    timesBasis:
      'first response: first response at in the week; resolution: resolved at in the week; measured from submitted at',
    timesCols: ['Measure', 'Urgency', 'Tickets', 'Median (working h)', 'P90 (working h)'],
    timesNote:
      'Working hours by the settings calendar. Median: middle value (mean of the two middle values for an even count); P90: nearest rank, the ⌈0.9 × n⌉-th smallest value.',
    backlogAge: 'Backlog age',
    backlogAgeBasis: 'tickets open at week end, by calendar time from submitted at to week end',
    ageCols: ['Age', 'Tickets'],
    ages: ['< 1 day', '1–3 days', '3–7 days', '≥ 7 days'],
    ageNote: 'Each bucket includes its lower bound and excludes its upper bound.',
    overdue: 'Overdue open tickets',
    overdueBasis: 'resolution due before week end and still open at week end',
    overdueCols: [
      'Ticket ID',
      'Title',
      'Urgency',
      'Assignee',
      'Submitted at',
      'Resolution due',
      'Overdue (h)',
      'Status at week end',
    ],
    recurring: 'Top recurring problems',
    recurringBasis: 'submitted at in the last 4 weeks (this week and the 3 before)',
    recurringCols: [
      'Rank',
      'Category',
      'Problem (typical title)',
      'Tickets (4 weeks)',
      'This week',
      'Ticket IDs',
      'Knowledge base',
      'Article title',
    ],
    recurringNote: (from: string, to: string): string =>
      `Tickets submitted ${from} to ${to}, grouped by category, then by title similarity (Jaccard ≥ 0.5 over Chinese character bigrams / words); groups of 2 or more. The knowledge base column gives the best-matching entry.`,
    needsArticle: 'needs an article',
    satisfaction: 'Satisfaction',
    satisfactionBasis: 'tickets resolved in the week (resolved at)',
    satisfactionCols: ['Rating', 'Resolved: yes', 'Resolved: no', 'Total'],
    responseRate: (n: number, d: number, r: string): string => `Response rate: ${n} / ${d} (${r})`,
    unsatisfied: 'Unsatisfied tickets',
    unsatisfiedBasis:
      'resolved at in the week, rated unsatisfied or answered not resolved; or reopened in the week after a "not resolved" answer',
    unsatisfiedCols: ['Ticket ID', 'Title', 'Assignee', 'Feedback', 'Resolved at'],
    none: 'None',
    chartCategory: 'Created this week by category',
    chartSatisfaction: 'Satisfaction this week',
    chartByDay: 'Created vs resolved per day',
    chartCategoryCols: ['Category', 'Created'],
    chartSatisfactionCols: ['Rating', 'Responses'],
    chartByDayCols: ['Day', 'Created', 'Resolved'],
    chartByDayBasis: 'created by submitted at, resolved by resolved at',
    weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  },
};

const URGENCIES: Urgency[] = ['high', 'medium', 'low'];
const CATEGORIES = ENUMS.category.map((v) => v.code as Category);
const STATUSES = ENUMS.status.map((v) => v.code as Status);
const RATINGS: Rating[] = ['satisfied', 'basic', 'unsatisfied'];

// ---------------------------------------------------------------------------------------------
// Status history from the audit log

interface StatusEvent {
  at: number;
  from: Status | null;
  to: Status | null;
}

function statusHistory(audit: readonly AuditEntry[]): Map<string, StatusEvent[]> {
  const map = new Map<string, StatusEvent[]>();
  for (const e of audit) {
    if (!e || typeof e.at !== 'number' || Number.isNaN(e.at) || fieldForHeader(String(e.field)) !== 'status')
      continue;
    const ev: StatusEvent = {
      at: e.at,
      from: parseEnum('status', e.oldValue) as Status | null,
      to: parseEnum('status', e.newValue) as Status | null,
    };
    if (ev.from !== null && ev.from === ev.to) continue;
    const id = String(e.ticketId).trim();
    const list = map.get(id);
    if (list) list.push(ev);
    else map.set(id, [ev]);
  }
  for (const list of map.values()) list.sort((a, b) => a.at - b.at);
  return map;
}

const isOpenStatus = (s: Status | null): boolean => s === 'pending' || s === 'inProgress';

/**
 * A ticket's status just before instant `at`, or null if it was not submitted yet. From the audit
 * log when it has status changes for the ticket (the last change before `at`, else the old value
 * of the first change after it); otherwise estimated from the fields: resolved before `at` if
 * Resolved at is; a closed ticket without Resolved at closed at its last update; else open.
 */
function statusAt(t: Ticket, at: number, events: StatusEvent[] | undefined): Status | null {
  if (t.submittedAt === null || t.submittedAt >= at) return null;
  if (events && events.length) {
    let last: StatusEvent | null = null;
    for (const e of events) {
      if (e.at < at) last = e;
      else break;
    }
    if (last && last.to) return last.to;
    if (!last && events[0].from) return events[0].from;
  }
  if (t.resolvedAt !== null && t.resolvedAt < at) return 'resolved';
  if (t.status === 'closed' || t.status === 'resolved') {
    const doneAt = t.status === 'resolved' ? t.resolvedAt : (t.resolvedAt ?? t.lastUpdateAt);
    if (doneAt === null || doneAt < at) return t.status;
  }
  return t.firstResponseAt !== null && t.firstResponseAt < at ? 'inProgress' : 'pending';
}

// ---------------------------------------------------------------------------------------------
// Building

const inRange = (v: number | null, start: number, end: number): boolean =>
  v !== null && v >= start && v < end;

function emptyByUrgency<T>(make: () => T): Record<UrgencyKey, T> {
  return { high: make(), medium: make(), low: make(), unset: make(), all: make() };
}

/** Map entries sorted by the numeric keys (descending, in order), then by name. */
function sortedEntries<T>(m: Map<string, T>, keys: (v: T) => number[]): [string, T][] {
  return Array.from(m.entries()).sort((a, b) => {
    const ka = keys(a[1]);
    const kb = keys(b[1]);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i] - ka[i];
    return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
  });
}

const percentText = (r: number | null): string => (r === null ? '–' : `${Math.round(r * 1000) / 10}%`);

export function buildReview(input: ReviewInput): Review {
  const { week, zone, lang, now } = input;
  const T = TEXT[lang] ?? TEXT.zh;
  const tickets = input.tickets.filter((t) => t && String(t.id ?? '').trim() !== '');
  const { start, end } = weekBounds(week, zone);
  const prev = weekBounds(shiftIsoWeek(week, -1), zone);
  const asOf = Math.min(end, now);
  const prevAsOf = Math.min(prev.end, now);
  const history = statusHistory(input.audit);
  const eventsOf = (t: Ticket): StatusEvent[] | undefined => history.get(String(t.id).trim());

  const catLabel = (c: Category | null): string => (c ? enumLabel('category', c, lang) : T.unset);
  const urgLabel = (u: Urgency | null): string => (u ? enumLabel('urgency', u, lang) : T.unset);
  const statusLabel = (s: Status | null): string => (s ? enumLabel('status', s, lang) : T.unset);
  const fmt = (ms: number | null): string => (ms === null ? '' : formatLocal(ms, zone, 'minute'));
  const urgKey = (u: Urgency | null): UrgencyKey => u ?? 'unset';
  const ratingLabel = (r: Rating): string => RATING_VALUES.find((v) => v.code === r)![lang];

  // --- counts ------------------------------------------------------------------------------
  const countsFor = (s: number, e: number, backlogAt: number): WeekCounts => {
    const closed = new Set<string>();
    const reopened = new Set<string>();
    for (const [id, events] of history) {
      for (const ev of events) {
        if (ev.at < s || ev.at >= e) continue;
        if (ev.to === 'closed') closed.add(id);
        if (ev.from === 'resolved' && ev.to === 'inProgress') reopened.add(id);
      }
    }
    return {
      created: tickets.filter((t) => inRange(t.submittedAt, s, e)).length,
      resolved: tickets.filter((t) => inRange(t.resolvedAt, s, e)).length,
      closed: closed.size,
      reopened: reopened.size,
      backlog: tickets.filter((t) => isOpenStatus(statusAt(t, backlogAt, eventsOf(t)))).length,
    };
  };
  const counts = countsFor(start, end, asOf);
  const previous = countsFor(prev.start, prev.end, prevAsOf);

  const createdInWeek = tickets.filter((t) => inRange(t.submittedAt, start, end));
  const resolvedInWeek = tickets.filter((t) => inRange(t.resolvedAt, start, end));
  const statusAtEnd = new Map<Ticket, Status | null>();
  for (const t of tickets) statusAtEnd.set(t, statusAt(t, asOf, eventsOf(t)));
  const openAtEnd = tickets.filter((t) => isOpenStatus(statusAtEnd.get(t) ?? null));

  const sections: ReviewSection[] = [];
  const row = (label: string, key: keyof WeekCounts, basis: string): Cell[] => [
    label,
    counts[key],
    previous[key],
    counts[key] - previous[key],
    basis,
  ];
  sections.push({
    key: 'summary',
    title: T.summary,
    basis: T.summaryBasis,
    table: {
      header: [T.figure, T.thisWeek, T.previousWeek, T.change, T.countsBy],
      rows: [
        row(T.created, 'created', T.basisCreated),
        row(T.resolved, 'resolved', T.basisResolved),
        row(T.closed, 'closed', T.basisClosed),
        row(T.reopened, 'reopened', T.basisReopened),
        row(T.backlog, 'backlog', T.basisBacklog),
      ],
      formats: ['text', 'int', 'int', 'int', 'text'],
    },
    notes: [T.countsAreTickets],
  });

  // --- category × urgency (created in week) ------------------------------------------------
  {
    const cats: (Category | null)[] = [...CATEGORIES];
    if (createdInWeek.some((t) => t.category === null)) cats.push(null);
    const urgs: (Urgency | null)[] = [...URGENCIES];
    if (createdInWeek.some((t) => t.urgency === null)) urgs.push(null);
    const count = (c: Category | null | undefined, u: Urgency | null | undefined): number =>
      createdInWeek.filter(
        (t) => (c === undefined || t.category === c) && (u === undefined || t.urgency === u),
      ).length;
    const rows: Cell[][] = cats.map((c) => [
      catLabel(c),
      ...urgs.map((u) => count(c, u)),
      count(c, undefined),
    ]);
    rows.push([T.total, ...urgs.map((u) => count(undefined, u)), createdInWeek.length]);
    sections.push({
      key: 'categoryUrgency',
      title: T.categoryUrgency,
      basis: T.basisCreated,
      table: {
        header: [`${T.category} \\ ${T.urgency}`, ...urgs.map(urgLabel), T.total],
        rows,
        formats: ['text', ...urgs.map((): CellFormat => 'int'), 'int'],
      },
      notes: [],
    });
  }

  // --- department ----------------------------------------------------------------------------
  {
    const m = new Map<string, { created: number; resolved: number; open: number }>();
    const get = (t: Ticket) => {
      const k = String(t.department ?? '').trim() || T.unset;
      let v = m.get(k);
      if (!v) m.set(k, (v = { created: 0, resolved: 0, open: 0 }));
      return v;
    };
    for (const t of createdInWeek) get(t).created++;
    for (const t of resolvedInWeek) get(t).resolved++;
    for (const t of openAtEnd) get(t).open++;
    const rows: Cell[][] = sortedEntries(m, (v) => [v.created, v.open, v.resolved]).map(([k, v]) => [
      k,
      v.created,
      v.resolved,
      v.open,
    ]);
    rows.push([T.total, createdInWeek.length, resolvedInWeek.length, openAtEnd.length]);
    sections.push({
      key: 'department',
      title: T.department,
      basis: T.departmentBasis,
      table: { header: [T.department, ...T.departmentCols], rows, formats: ['text', 'int', 'int', 'int'] },
      notes: [],
    });
  }

  // --- status (current) ------------------------------------------------------------------------
  {
    const statuses: (Status | null)[] = [...STATUSES];
    if (tickets.some((t) => t.status === null)) statuses.push(null);
    const rows: Cell[][] = statuses.map((s) => [
      statusLabel(s),
      createdInWeek.filter((t) => t.status === s).length,
      tickets.filter((t) => t.status === s).length,
    ]);
    rows.push([T.total, createdInWeek.length, tickets.length]);
    sections.push({
      key: 'status',
      title: T.status,
      basis: T.statusBasis,
      table: { header: [T.status, ...T.statusCols], rows, formats: ['text', 'int', 'int'] },
      notes: [],
    });
  }

  // --- assignee (handled in week) ----------------------------------------------------------------
  {
    const m = new Map<string, { handled: number; created: number; resolved: number; open: number }>();
    const handled = tickets.filter(
      (t) => inRange(t.submittedAt, start, end) || inRange(t.resolvedAt, start, end),
    );
    const get = (t: Ticket) => {
      const k = String(t.assignee ?? '').trim() || T.unassigned;
      let v = m.get(k);
      if (!v) m.set(k, (v = { handled: 0, created: 0, resolved: 0, open: 0 }));
      return v;
    };
    for (const t of handled) {
      const v = get(t);
      v.handled++;
      if (inRange(t.submittedAt, start, end)) v.created++;
      if (inRange(t.resolvedAt, start, end)) v.resolved++;
    }
    // Open at week end counts like the backlog: every open ticket, handled this week or not.
    for (const t of openAtEnd) get(t).open++;
    const rows: Cell[][] = sortedEntries(m, (v) => [v.handled]).map(([k, v]) => [
      k,
      v.handled,
      v.created,
      v.resolved,
      v.open,
    ]);
    const sum = (f: 'handled' | 'created' | 'resolved' | 'open'): number =>
      Array.from(m.values()).reduce((s, v) => s + v[f], 0);
    rows.push([T.total, sum('handled'), sum('created'), sum('resolved'), sum('open')]);
    sections.push({
      key: 'assignee',
      title: T.assignee,
      basis: T.assigneeBasis,
      table: { header: [T.assignee, ...T.assigneeCols], rows, formats: ['text', 'int', 'int', 'int', 'int'] },
      notes: [],
    });
  }

  // --- SLA compliance ----------------------------------------------------------------------------
  const slaCache = new Map<Ticket, SlaOf>();
  const slaOf = (t: Ticket): SlaOf => {
    let v = slaCache.get(t);
    if (!v) {
      const r = input.sla(t);
      v = { response: r?.response ?? null, resolution: r?.resolution ?? null };
      slaCache.set(t, v);
    }
    return v;
  };
  const emptySla = (): SlaCell => ({ inScope: 0, met: 0, missed: 0, pending: 0, compliance: null });
  const slaFig = { response: emptyByUrgency(emptySla), resolution: emptyByUrgency(emptySla) };
  const targets: {
    key: 'response' | 'resolution';
    label: string;
    due: (t: Ticket) => number | null;
    done: (t: Ticket) => number | null;
  }[] = [
    {
      key: 'response',
      label: T.response,
      due: (t) => t.responseDueAt,
      // As the SLA engine (sla.evaluate): a ticket resolved without a response stamp responded when resolved.
      done: (t) => t.firstResponseAt ?? (t.status === 'resolved' || t.status === 'closed' ? t.resolvedAt : null),
    },
    { key: 'resolution', label: T.resolution, due: (t) => t.resolveDueAt, done: (t) => t.resolvedAt },
  ];
  for (const target of targets) {
    for (const t of tickets) {
      if (!inRange(target.due(t), start, end) && !inRange(target.done(t), start, end)) continue;
      const state = slaOf(t)[target.key];
      const outcome: 'met' | 'missed' | 'pending' =
        state === 'breached' || state === 'missed' ? 'missed' : state === 'met' ? 'met' : 'pending';
      for (const k of [urgKey(t.urgency), 'all'] as UrgencyKey[]) {
        const c = slaFig[target.key][k];
        c.inScope++;
        c[outcome]++;
      }
    }
    for (const c of Object.values(slaFig[target.key])) c.compliance = ratio(c.met, c.met + c.missed);
  }
  /** One row per target and urgency ("unset" only when some ticket has none), then the total. */
  const perTargetRows = <C>(
    fig: Record<'response' | 'resolution', Record<UrgencyKey, C>>,
    any: (c: C) => number,
    cells: (c: C) => Cell[],
  ): Cell[][] =>
    targets.flatMap((target) => {
      const keys: UrgencyKey[] = [
        ...URGENCIES,
        ...(any(fig[target.key].unset) ? (['unset'] as const) : []),
        'all',
      ];
      return keys.map((k) => [
        target.label,
        k === 'all' ? T.total : urgLabel(k === 'unset' ? null : k),
        ...cells(fig[target.key][k]),
      ]);
    });
  sections.push({
    key: 'sla',
    title: T.sla,
    basis: T.slaBasis,
    table: {
      header: T.slaCols,
      rows: perTargetRows(
        slaFig,
        (c) => c.inScope,
        (c) => [c.inScope, c.met, c.missed, c.pending, c.compliance],
      ),
      formats: ['text', 'text', 'int', 'int', 'int', 'int', 'percent'],
    },
    notes: [T.slaNote],
  });

  // --- handling times ------------------------------------------------------------------------------
  const timesFig = {
    response: emptyByUrgency((): TimeCell => ({ n: 0, median: null, p90: null })),
    resolution: emptyByUrgency((): TimeCell => ({ n: 0, median: null, p90: null })),
  };
  for (const target of targets) {
    const values = new Map<UrgencyKey, number[]>();
    for (const t of tickets) {
      const done = target.done(t);
      if (!inRange(done, start, end) || t.submittedAt === null || (done as number) < t.submittedAt) continue;
      const h = Math.max(0, input.workingMs(t.submittedAt, done as number)) / HOUR;
      for (const k of [urgKey(t.urgency), 'all'] as UrgencyKey[]) {
        const list = values.get(k) ?? [];
        list.push(h);
        values.set(k, list);
      }
    }
    for (const [k, list] of values)
      timesFig[target.key][k] = {
        n: list.length,
        median: median(list),
        p90: percentileNearestRank(list, 90),
      };
  }
  sections.push({
    key: 'times',
    title: T.times,
    basis: T.timesBasis,
    table: {
      header: T.timesCols,
      rows: perTargetRows(
        timesFig,
        (c) => c.n,
        (c) => [c.n, round(c.median), round(c.p90)],
      ),
      formats: ['text', 'text', 'int', 'hours', 'hours'],
    },
    notes: [T.timesNote],
  });

  // --- backlog age and overdue -------------------------------------------------------------------
  const backlogAge = { lt1: 0, d1to3: 0, d3to7: 0, gt7: 0 };
  for (const t of openAtEnd) {
    const days = (asOf - (t.submittedAt as number)) / DAY;
    if (days < 1) backlogAge.lt1++;
    else if (days < 3) backlogAge.d1to3++;
    else if (days < 7) backlogAge.d3to7++;
    else backlogAge.gt7++;
  }
  sections.push({
    key: 'backlogAge',
    title: T.backlogAge,
    basis: T.backlogAgeBasis,
    table: {
      header: T.ageCols,
      rows: [
        [T.ages[0], backlogAge.lt1],
        [T.ages[1], backlogAge.d1to3],
        [T.ages[2], backlogAge.d3to7],
        [T.ages[3], backlogAge.gt7],
        [T.total, openAtEnd.length],
      ],
      formats: ['text', 'int'],
    },
    notes: [T.ageNote],
  });
  const overdue = openAtEnd
    .filter((t) => t.resolveDueAt !== null && t.resolveDueAt < asOf)
    .sort((a, b) => (a.resolveDueAt as number) - (b.resolveDueAt as number) || (a.id < b.id ? -1 : 1));
  sections.push({
    key: 'overdue',
    title: T.overdue,
    basis: T.overdueBasis,
    table: {
      header: T.overdueCols,
      rows: overdue.map((t) => [
        t.id,
        t.title,
        urgLabel(t.urgency),
        String(t.assignee ?? '').trim() || T.unassigned,
        fmt(t.submittedAt),
        fmt(t.resolveDueAt),
        round((asOf - (t.resolveDueAt as number)) / HOUR, 1),
        statusLabel(statusAtEnd.get(t) ?? null),
      ]),
      formats: ['text', 'text', 'text', 'text', 'text', 'text', 'hours', 'text'],
    },
    notes: overdue.length ? [] : [T.none],
  });

  // --- recurring problems -----------------------------------------------------------------------------
  const windowStart = weekBounds(shiftIsoWeek(week, -(RECURRING_WINDOW_WEEKS - 1)), zone).start;
  const recurring = recurringProblems(
    tickets.filter((t) => inRange(t.submittedAt, windowStart, end) && String(t.title ?? '').trim() !== ''),
    { start, end },
    input.knowledgeIndex ?? buildIndex(input.knowledge ?? []),
    input.recurringLimit ?? 10,
  );
  sections.push({
    key: 'recurring',
    title: T.recurring,
    basis: T.recurringBasis,
    table: {
      header: T.recurringCols,
      rows: recurring.map((p, i) => [
        i + 1,
        catLabel(p.category),
        p.title,
        p.count,
        p.inWeek,
        p.ticketIds.join(', '),
        p.kbId ?? T.needsArticle,
        p.kbTitle ?? '',
      ]),
      formats: ['int', 'text', 'text', 'int', 'int', 'text', 'text', 'text'],
    },
    notes: [
      T.recurringNote(formatLocal(windowStart, zone, 'date'), formatLocal(end - 1, zone, 'date')),
      ...(recurring.length ? [] : [T.none]),
    ],
  });

  // --- satisfaction ----------------------------------------------------------------------------------
  const ratings: Record<Rating, number> = { satisfied: 0, basic: 0, unsatisfied: 0 };
  const byPair = new Map<string, number>();
  let yes = 0;
  let no = 0;
  const withFeedback = resolvedInWeek.filter((t) => t.feedback);
  for (const t of withFeedback) {
    const [yn, rating] = String(t.feedback).split(':') as ['yes' | 'no', Rating];
    if (rating in ratings) ratings[rating]++;
    if (yn === 'yes') yes++;
    else no++;
    byPair.set(String(t.feedback), (byPair.get(String(t.feedback)) ?? 0) + 1);
  }
  // A "no" answer reopens the ticket and clears Resolved at: list it in the week it was reopened.
  const reopenedUnresolved = tickets.filter(
    (t) =>
      String(t.feedback ?? '').startsWith('no:') &&
      !inRange(t.resolvedAt, start, end) &&
      (eventsOf(t) ?? []).some((ev) => inRange(ev.at, start, end) && ev.from === 'resolved' && ev.to === 'inProgress'),
  );
  const lastOf = (t: Ticket): number => t.resolvedAt ?? Number.MAX_SAFE_INTEGER;
  const unsatisfied = withFeedback
    .filter((t) => String(t.feedback).startsWith('no:') || String(t.feedback).endsWith(':unsatisfied'))
    .concat(reopenedUnresolved)
    .sort((a, b) => lastOf(a) - lastOf(b) || (a.id < b.id ? -1 : 1));
  const responseRate = ratio(withFeedback.length, resolvedInWeek.length);
  sections.push({
    key: 'satisfaction',
    title: T.satisfaction,
    basis: T.satisfactionBasis,
    table: {
      header: T.satisfactionCols,
      rows: [
        ...RATINGS.map((r) => [
          ratingLabel(r),
          byPair.get(`yes:${r}`) ?? 0,
          byPair.get(`no:${r}`) ?? 0,
          ratings[r],
        ]),
        [T.total, yes, no, withFeedback.length],
      ],
      formats: ['text', 'int', 'int', 'int'],
    },
    notes: [T.responseRate(withFeedback.length, resolvedInWeek.length, percentText(responseRate))],
  });
  sections.push({
    key: 'unsatisfied',
    title: T.unsatisfied,
    basis: T.unsatisfiedBasis,
    table: {
      header: T.unsatisfiedCols,
      rows: unsatisfied.map((t) => [
        t.id,
        t.title,
        String(t.assignee ?? '').trim() || T.unassigned,
        enumLabel('feedback', String(t.feedback), lang),
        fmt(t.resolvedAt),
      ]),
      formats: ['text', 'text', 'text', 'text', 'text'],
    },
    notes: unsatisfied.length ? [] : [T.none],
  });

  // --- charts -------------------------------------------------------------------------------------------
  const charts: ReviewChart[] = [];
  {
    const cats: (Category | null)[] = [...CATEGORIES];
    if (createdInWeek.some((t) => t.category === null)) cats.push(null);
    charts.push({
      key: 'byCategory',
      title: T.chartCategory,
      kind: 'column',
      basis: T.basisCreated,
      table: {
        header: T.chartCategoryCols,
        rows: cats.map((c) => [catLabel(c), createdInWeek.filter((t) => t.category === c).length]),
        formats: ['text', 'int'],
      },
    });
    charts.push({
      key: 'satisfaction',
      title: T.chartSatisfaction,
      kind: 'pie',
      basis: T.satisfactionBasis,
      table: {
        header: T.chartSatisfactionCols,
        rows: RATINGS.map((r) => [ratingLabel(r), ratings[r]]),
        formats: ['text', 'int'],
      },
    });
    const monday = mondayNumber(week);
    const perDay = (v: number | null): number => (v === null ? -1 : toLocal(v, zone).weekday - 1);
    const rows: Cell[][] = T.weekdays.map((name, i) => {
      const d = fromDayNumber(monday + i);
      return [
        `${name} ${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`,
        createdInWeek.filter((t) => perDay(t.submittedAt) === i).length,
        resolvedInWeek.filter((t) => perDay(t.resolvedAt) === i).length,
      ];
    });
    charts.push({
      key: 'createdResolvedByDay',
      title: T.chartByDay,
      kind: 'column',
      basis: T.chartByDayBasis,
      table: { header: T.chartByDayCols, rows, formats: ['text', 'int', 'int'] },
    });
  }

  const weekLabel = formatIsoWeek(week);
  return {
    week: { year: week.year, week: week.week },
    weekLabel,
    sheetName: reviewSheetName(week, lang),
    lang,
    zone: zone.id,
    start,
    end,
    asOf,
    generatedAt: now,
    title: `${T.title} ${weekLabel}`,
    period: `${formatLocal(start, zone, 'date')} – ${formatLocal(end - 1, zone, 'date')} (${zone.id}); ${T.generated} ${fmt(now)}`,
    figures: {
      counts,
      previous,
      sla: slaFig,
      times: timesFig,
      backlogAge,
      overdueIds: overdue.map((t) => t.id),
      recurring,
      recurringWindow: { start: windowStart, end },
      satisfaction: {
        resolved: resolvedInWeek.length,
        withFeedback: withFeedback.length,
        responseRate,
        ratings,
        yes,
        no,
        unsatisfiedIds: unsatisfied.map((t) => t.id),
      },
    },
    sections,
    charts,
  };
}

/**
 * Groups tickets by category, then by title: a ticket joins the first group (in order of creation)
 * holding a title with similarity ≥ RECURRING_SIMILARITY (single link), else starts a new group.
 * Tickets are taken in submission order so the grouping is deterministic. Groups with at least
 * RECURRING_MIN_COUNT tickets are ranked by size, then by tickets in the week, then most recent.
 */
export function recurringProblems(
  tickets: readonly Ticket[],
  week: { start: number; end: number },
  index: KbIndex,
  limit = 10,
): RecurringProblem[] {
  const sorted = [...tickets].sort(
    (a, b) => (a.submittedAt ?? 0) - (b.submittedAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  // Token sets computed once; titles without tokens match only an identical (normalised) title.
  interface Item {
    t: Ticket;
    tokens: Set<string>;
    text: string;
  }
  const same = (a: Item, b: Item): boolean =>
    a.tokens.size && b.tokens.size ? jaccard(a.tokens, b.tokens) >= RECURRING_SIMILARITY : a.text === b.text;
  const groups: { category: Category | null; items: Item[]; members: Ticket[] }[] = [];
  for (const t of sorted) {
    const item: Item = { t, tokens: new Set(tokenize(t.title)), text: normalizeText(t.title).trim() };
    const g = groups.find((x) => x.category === t.category && x.items.some((m) => same(m, item)));
    if (g) {
      g.items.push(item);
      g.members.push(t);
    } else groups.push({ category: t.category, items: [item], members: [t] });
  }
  const problems = groups
    .filter((g) => g.members.length >= RECURRING_MIN_COUNT)
    .map((g) => {
      const titles = new Map<string, number>();
      for (const m of g.members) titles.set(m.title.trim(), (titles.get(m.title.trim()) ?? 0) + 1);
      let title = '';
      let best = 0;
      for (const [k, n] of titles) if (n > best) [title, best] = [k, n]; // Map keeps first-seen order: earliest wins ties
      // Only an article about the same problem (title similarity as for grouping) counts as a link;
      // search's own threshold is for suggestions and accepts a shared word like 无法.
      const words = new Set(tokenize(title));
      const hit = search(index, title, 5).find((h) => {
        const other = new Set(tokenize(h.title));
        return words.size && other.size
          ? jaccard(words, other) >= RECURRING_SIMILARITY
          : normalizeText(h.title).trim() === normalizeText(title).trim();
      });
      return {
        problem: {
          category: g.category,
          title,
          count: g.members.length,
          inWeek: g.members.filter((m) => inRange(m.submittedAt, week.start, week.end)).length,
          ticketIds: g.members.map((m) => m.id),
          kbId: hit ? hit.id : null,
          kbTitle: hit ? hit.title : null,
        } as RecurringProblem,
        latest: g.members.reduce((mx, m) => Math.max(mx, m.submittedAt ?? 0), 0),
      };
    });
  problems.sort(
    (a, b) => b.problem.count - a.problem.count || b.problem.inWeek - a.problem.inWeek || b.latest - a.latest,
  );
  return problems.slice(0, limit).map((p) => p.problem);
}
