// The weekly review's output (sections of 2-D tables plus notes, chart series, and the figures
// behind them) and its input. The sheet writer (src/gas/reviewSheet.ts) renders the output.
import type { AuditEntry, Ticket } from '../ticket';
import type { Category, Lang, Rating, SlaState, Tier, Urgency } from '../schema';
import type { Zone } from '../zone';
import type { KbEntry, KbIndex } from '../knowledge';
import type { IsoWeek } from './week';
import type { ReviewData } from './data';
import type { TrendWeek } from './sections/trend';

export type Cell = string | number | null;
/** How the writer should format a column: counts, fractions as %, hours with 2 decimals, text. */
export type CellFormat = 'text' | 'int' | 'percent' | 'hours';

export interface ReviewTable {
  header: readonly string[];
  rows: Cell[][];
  formats: CellFormat[];
}

export type ReviewSectionKey =
  | 'summary'
  | 'trend'
  | 'categoryUrgency'
  | 'department'
  | 'status'
  | 'assignee'
  | 'sla'
  | 'times'
  | 'backlogAge'
  | 'backlogList'
  | 'overdue'
  | 'recurring'
  | 'satisfaction'
  | 'unsatisfied'
  | 'waiting';

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

/** Time spent waiting within the week (working hours), by kind; tickets still waiting at week end. */
export interface WaitingFigure {
  requester: { tickets: number; hours: number };
  vendor: { tickets: number; hours: number };
  atEnd: number;
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
    /** Resolved tickets closed with 无回复 (auto-close, issue 18): counted apart, never as a "no". */
    noAnswer: number;
    unsatisfiedIds: string[];
  };
  /** Only when some ticket has ever waited (issue 18). */
  waiting?: WaitingFigure;
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
  /** The 12-week trend, the reviewed week last. */
  trend: TrendWeek[];
  /** The data sheet's rows: every ticket, whatever week it belongs to. */
  data: ReviewData;
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
  /** Working minutes a ticket spent waiting on the requester or a vendor (domain/waiting.ts); absent: the column stays blank. */
  waitingMinutes?: (t: Ticket) => number | null;
  /** The tier of the agent a ticket is assigned to (the settings sheet's agent list); absent or null: the ticket's own tier. */
  tierOf?: (t: Ticket) => Tier | null;
  /** Whether a ticket was closed because the requester never answered; default: its feedback is 无回复 (`none`). */
  autoClosed?: (t: Ticket) => boolean;
}

/** Weeks (the reviewed one and those before it) scanned for recurring problems. */
export const RECURRING_WINDOW_WEEKS = 4;
/** Minimum title similarity (token Jaccard) to group two tickets as the same problem. */
export const RECURRING_SIMILARITY = 0.5;
/** A group needs at least this many tickets to count as recurring. */
export const RECURRING_MIN_COUNT = 2;
