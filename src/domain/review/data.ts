// The review data sheet (`周报数据` / `Review data`, issue 19): one row per ticket, live and archived
// together, the flat table the native pivots and slicers read. Pure: the rows come from the same
// scope as the snapshot (same SLA states, same status history), so a pivot over them shows the
// snapshot's numbers. Weeks are ISO week text (`2024-W19`): Sheets' date grouping has no weeks.
import type { Ticket } from '../ticket';
import { enumLabel, type Rating } from '../schema';
import { formatIsoWeek } from '../zone';
import type { Cell, RecurringProblem } from './model';
import { DAY, HOUR, type ReviewScope } from './scope';
import { slaOutcome, type SlaOutcome } from './sections/sla';
import { targets } from './sections/targets';
import type { ReviewDataText } from './text';
import { isoWeekAt, shiftIsoWeek, weekBounds, type IsoWeek } from './week';

export type ReviewDataKey = keyof ReviewDataText['columns'];

/** The columns in sheet order. */
export const REVIEW_DATA_KEYS: readonly ReviewDataKey[] = [
  'id',
  'createdWeek',
  'resolvedWeek',
  'category',
  'urgency',
  'department',
  'assignee',
  'tier',
  'status',
  'responseMinutes',
  'resolutionMinutes',
  'responseSla',
  'resolutionSla',
  'responseMet',
  'resolutionMet',
  'responseWeeks',
  'resolutionWeeks',
  'slaWeeks',
  'reopened',
  'waitingMinutes',
  'rating',
  'autoClosed',
  'recurringKey',
];

export interface ReviewData {
  keys: ReviewDataKey[];
  header: string[];
  /** One row per ticket, by submission time then ID; '' for none. */
  rows: Cell[][];
}

const MINUTE = HOUR / 60;

/**
 * ISO week labels of instants without the zone maths per instant: the weeks' bounds are computed
 * once (a year of tickets spans ~53 weeks) and each instant is found among them by bisection.
 */
export function weekLabeller(scope: ReviewScope): (v: number | null) => string {
  const { zone } = scope;
  const starts: number[] = [];
  const labels: string[] = [];
  let end = -Infinity;
  const cover = (v: number): void => {
    // Grow the covered span to hold v: backwards from the first week, forwards from the last.
    if (!starts.length) {
      const w = isoWeekAt(v, zone);
      const b = weekBounds(w, zone);
      starts.push(b.start);
      labels.push(formatIsoWeek(w));
      end = b.end;
      first = w;
      last = w;
    }
    while (v < starts[0]) {
      first = shiftIsoWeek(first, -1);
      starts.unshift(weekBounds(first, zone).start);
      labels.unshift(formatIsoWeek(first));
    }
    while (v >= end) {
      last = shiftIsoWeek(last, 1);
      const b = weekBounds(last, zone);
      starts.push(b.start);
      labels.push(formatIsoWeek(last));
      end = b.end;
    }
  };
  let first: IsoWeek = { year: 0, week: 0 };
  let last: IsoWeek = first;
  return (v) => {
    if (v === null || !Number.isFinite(v)) return '';
    if (!starts.length || v < starts[0] || v >= end) {
      // Far outside (a typo'd year): label it directly rather than fill the years between.
      if (starts.length && (v < starts[0] - 400 * DAY || v >= end + 400 * DAY)) return formatIsoWeek(isoWeekAt(v, zone));
      cover(v);
    }
    let lo = 0;
    let hi = starts.length; // starts[lo] <= v < starts[hi] (or end)
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= v) lo = mid;
      else hi = mid;
    }
    return labels[lo];
  };
}

/**
 * The rows. Times are working minutes from submission (the settings calendar, as the handling-time
 * section); each SLA target's outcome is its final state (met / missed, else not final) with a 1/0
 * column for the pivots' met rate (blank while not final), and the weeks it counts in (its due
 * week and its done week: the SLA section's "due or done in the week"). The recurring-problem key
 * is the snapshot's rank and typical title for the tickets of a listed problem.
 */
export function reviewData(scope: ReviewScope, recurring: readonly RecurringProblem[]): ReviewData {
  const { input, D, tickets, history, slaOf, catLabel, urgLabel, statusLabel, ratingLabel } = scope;
  const keys = [...REVIEW_DATA_KEYS];
  // Closed with 无回复 (issue 18's auto-close: the requester never answered) unless told otherwise.
  const autoClosed = input.autoClosed ?? ((t: Ticket) => t.feedback === 'none');
  const recurringOf = new Map<string, string>();
  recurring.forEach((p, i) => {
    for (const id of p.ticketIds) if (!recurringOf.has(id)) recurringOf.set(id, `#${i + 1} ${p.title}`);
  });
  const weekOf = weekLabeller(scope);
  const minutes = (from: number | null, to: number | null): Cell =>
    from === null || to === null || to < from ? '' : Math.round(Math.max(0, input.workingMs(from, to)) / MINUTE);
  const outcomeLabel = (o: SlaOutcome): string => (o === 'met' ? D.met : o === 'missed' ? D.missed : D.pending);
  const [response, resolution] = targets(scope);
  const reopens = (t: Ticket): number => {
    let n = 0;
    for (const e of history.get(String(t.id).trim()) ?? []) if (e.from === 'resolved' && e.to === 'inProgress') n++;
    return n;
  };
  /** A target's due week and done week (one when the same, or only one known). */
  const slaWeeks = (a: string, b: string): string => (a && b && a !== b ? `${a} ${b}` : a || b);

  /** The distinct weeks among these labels, in order (`2024-W18 2024-W19`). */
  const weeksOf = (labels: string[]): string => {
    // Usually one week (or none): no list to sort then.
    let one = '';
    let many = false;
    for (const w of labels) {
      if (!w) continue;
      if (!one) one = w;
      else if (w !== one) many = true;
    }
    if (!many) return one;
    const out: string[] = [];
    for (const w of labels) if (w && !out.includes(w)) out.push(w);
    return out.sort().join(' ');
  };

  const order = (a: Ticket, b: Ticket): number =>
    (a.submittedAt ?? 0) - (b.submittedAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  // The sheet is usually in submission order already: checked in one pass before sorting.
  let inOrder = true;
  for (let i = 1; i < tickets.length && inOrder; i++) inOrder = order(tickets[i - 1], tickets[i]) <= 0;
  const sorted = inOrder ? tickets : [...tickets].sort(order);
  /** What several cells of a row share, computed once per ticket. */
  interface RowFacts {
    r: SlaOutcome;
    s: SlaOutcome;
    rDone: number | null;
    /** Weeks of the response's due and done instants, the resolution's due and done (resolved). */
    rDueWeek: string;
    rDoneWeek: string;
    sDueWeek: string;
    sDoneWeek: string;
  }
  const cellOf: Record<ReviewDataKey, (t: Ticket, x: RowFacts) => Cell> = {
    id: (t) => t.id,
    createdWeek: (t) => weekOf(t.submittedAt),
    resolvedWeek: (_t, x) => x.sDoneWeek,
    category: (t) => catLabel(t.category),
    urgency: (t) => urgLabel(t.urgency),
    department: (t) => String(t.department ?? '').trim() || scope.T.unset,
    assignee: (t) => String(t.assignee ?? '').trim() || scope.T.unassigned,
    tier: (t) => {
      const tier = input.tierOf?.(t) ?? t.tier;
      return tier ? enumLabel('tier', tier, scope.lang) : '';
    },
    status: (t) => statusLabel(t.status),
    responseMinutes: (t, x) => minutes(t.submittedAt, x.rDone),
    resolutionMinutes: (t) => minutes(t.submittedAt, t.resolvedAt),
    responseSla: (_t, x) => outcomeLabel(x.r),
    resolutionSla: (_t, x) => outcomeLabel(x.s),
    responseMet: (_t, x) => (x.r === 'pending' ? '' : x.r === 'met' ? 1 : 0),
    resolutionMet: (_t, x) => (x.s === 'pending' ? '' : x.s === 'met' ? 1 : 0),
    responseWeeks: (_t, x) => slaWeeks(x.rDueWeek, x.rDoneWeek),
    resolutionWeeks: (_t, x) => slaWeeks(x.sDueWeek, x.sDoneWeek),
    slaWeeks: (_t, x) => weeksOf([x.rDueWeek, x.rDoneWeek, x.sDueWeek, x.sDoneWeek]),
    reopened: (t) => reopens(t),
    waitingMinutes: (t) => {
      if (!input.waitingMinutes) return '';
      const w = input.waitingMinutes(t);
      return w === null ? 0 : Math.round(Math.max(0, w));
    },
    rating: (t) => (t.feedback && t.feedback !== 'none' ? ratingLabel(t.feedback.split(':')[1] as Rating) : ''),
    autoClosed: (t) => (autoClosed(t) ? D.yes : ''),
    recurringKey: (t) => recurringOf.get(t.id) ?? '',
  };
  const cells = keys.map((k) => cellOf[k]);
  // One object rewritten for each row (the cells read it at once): not 50,000 of them to collect.
  const x: RowFacts = { r: 'pending', s: 'pending', rDone: null, rDueWeek: '', rDoneWeek: '', sDueWeek: '', sDoneWeek: '' };
  const rows = sorted.map((t): Cell[] => {
    const sla = slaOf(t);
    const rDone = response.done(t);
    x.r = slaOutcome(sla.response);
    x.s = slaOutcome(sla.resolution);
    x.rDone = rDone;
    x.rDueWeek = weekOf(response.due(t));
    x.rDoneWeek = weekOf(rDone);
    x.sDueWeek = weekOf(resolution.due(t));
    x.sDoneWeek = weekOf(resolution.done(t));
    const row = new Array<Cell>(cells.length);
    for (let i = 0; i < cells.length; i++) row[i] = cells[i](t, x);
    return row;
  });
  return { keys, header: keys.map((k) => D.columns[k]), rows };
}
