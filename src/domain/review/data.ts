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
  // The last week answered: rows come in submission order, so the next instant is often in it.
  let memoStart = Infinity;
  let memoEnd = -Infinity;
  let memoLabel = '';
  return (v) => {
    if (v === null) return '';
    if (v >= memoStart && v < memoEnd) return memoLabel;
    if (!Number.isFinite(v)) return '';
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
    memoStart = starts[lo];
    memoEnd = lo + 1 < starts.length ? starts[lo + 1] : end;
    memoLabel = labels[lo];
    return memoLabel;
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
  const { input, D, tickets, eventsOf, slaAt, catLabel, urgLabel, statusLabel, ratingLabel } = scope;
  const keys = [...REVIEW_DATA_KEYS];
  // Closed with 无回复 (issue 18's auto-close: the requester never answered) unless told otherwise.
  const autoClosed = input.autoClosed ?? ((t: Ticket) => t.feedback === 'none');
  const recurringOf = new Map<string, string>();
  recurring.forEach((p, i) => {
    for (const id of p.ticketIds) if (!recurringOf.has(id)) recurringOf.set(id, `#${i + 1} ${p.title}`);
  });
  // One labeller per column: each remembers its last week, and a column's instants follow the
  // submission order more closely than one row's five instants follow each other.
  const [createdWeekOf, responseDueWeekOf, responseDoneWeekOf, resolveDueWeekOf, resolvedWeekOf] = [0, 1, 2, 3, 4].map(() => weekLabeller(scope));
  const minutes = (from: number | null, to: number | null): Cell =>
    from === null || to === null || to < from ? '' : Math.round(Math.max(0, input.workingMs(from, to)) / MINUTE);
  const outcomeLabel = (o: SlaOutcome): string => (o === 'met' ? D.met : o === 'missed' ? D.missed : D.pending);
  const [response, resolution] = targets(scope);
  const reopens = (t: Ticket): number => {
    let n = 0;
    const events = eventsOf(t);
    if (events) for (let i = 0; i < events.length; i++) if (events[i].from === 'resolved' && events[i].to === 'inProgress') n++;
    return n;
  };
  // The week lists repeat across rows (a year holds ~53 weeks): one string each, not one per row
  // for every collection to copy.
  const lists = new Map<string, string>();
  const list = (s: string): string => {
    const hit = lists.get(s);
    if (hit !== undefined) return hit;
    lists.set(s, s);
    return s;
  };
  // Pairs by their two labels (strings already in hand): no text to build per row to look one up.
  const pairs = new Map<string, Map<string, string>>();
  /** A target's due week and done week (one when the same, or only one known). */
  const slaWeeks = (a: string, b: string): string => {
    if (!a || !b || a === b) return a || b;
    let byDone = pairs.get(a);
    if (!byDone) pairs.set(a, (byDone = new Map()));
    let pair = byDone.get(b);
    if (pair === undefined) byDone.set(b, (pair = `${a} ${b}`));
    return pair;
  };

  // One list reused for every row, kept in order by insertion (at most four weeks): sorting or
  // splicing a new array per row of 50,000 is what the profile showed.
  const distinct: string[] = [];
  const insert = (w: string): void => {
    if (!w || distinct.includes(w)) return;
    let i = distinct.length;
    distinct.push(w);
    for (; i > 0 && distinct[i - 1] > w; i--) distinct[i] = distinct[i - 1];
    distinct[i] = w;
  };
  /** The distinct weeks among a row's four SLA weeks, in order (`2024-W18 2024-W19`). */
  const weeksOf = (a: string, b: string, c: string, d: string): string => {
    // Usually one week (or none): no list to sort then.
    const one = a || b || c || d;
    if ((!b || b === one) && (!c || c === one) && (!d || d === one)) return one;
    distinct.length = 0;
    insert(a);
    insert(b);
    insert(c);
    insert(d);
    return list(distinct.join(' '));
  };

  const order = (a: Ticket, b: Ticket): number =>
    (a.submittedAt ?? 0) - (b.submittedAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  // The sheet is usually in submission order already: checked in one pass before sorting.
  let inOrder = true;
  for (let i = 1; i < tickets.length && inOrder; i++) inOrder = order(tickets[i - 1], tickets[i]) <= 0;
  // Positions in `tickets`, in row order (the scope keeps each ticket's SLA states by position).
  const positions: number[] = new Array(tickets.length);
  for (let i = 0; i < tickets.length; i++) positions[i] = i;
  if (!inOrder) positions.sort((a, b) => order(tickets[a], tickets[b]));
  const unset = scope.T.unset;
  const unassigned = scope.T.unassigned;
  const tierLabel = (t: Ticket): string => {
    const tier = input.tierOf?.(t) ?? t.tier;
    return tier ? enumLabel('tier', tier, scope.lang) : '';
  };
  const waiting = (t: Ticket): Cell => {
    if (!input.waitingMinutes) return '';
    const w = input.waitingMinutes(t);
    return w === null ? 0 : Math.round(Math.max(0, w));
  };
  const met = (o: SlaOutcome): Cell => (o === 'pending' ? '' : o === 'met' ? 1 : 0);
  // One array literal per row, in REVIEW_DATA_KEYS' order (test/domain/review/data.test.ts reads
  // every column back by key): 50,000 rows through 23 cell functions each cost more than the rest.
  const rows = positions.map((at): Cell[] => {
    const t = tickets[at];
    const sla = slaAt(at);
    const r = slaOutcome(sla.response);
    const s = slaOutcome(sla.resolution);
    const rDone = response.done(t);
    const rDueWeek = responseDueWeekOf(response.due(t));
    const rDoneWeek = responseDoneWeekOf(rDone);
    const sDueWeek = resolveDueWeekOf(resolution.due(t));
    const sDoneWeek = resolvedWeekOf(resolution.done(t));
    const feedback = t.feedback;
    return [
      /* id */ t.id,
      /* createdWeek */ createdWeekOf(t.submittedAt),
      /* resolvedWeek */ sDoneWeek,
      /* category */ catLabel(t.category),
      /* urgency */ urgLabel(t.urgency),
      /* department */ String(t.department ?? '').trim() || unset,
      /* assignee */ String(t.assignee ?? '').trim() || unassigned,
      /* tier */ tierLabel(t),
      /* status */ statusLabel(t.status),
      /* responseMinutes */ minutes(t.submittedAt, rDone),
      /* resolutionMinutes */ minutes(t.submittedAt, t.resolvedAt),
      /* responseSla */ outcomeLabel(r),
      /* resolutionSla */ outcomeLabel(s),
      /* responseMet */ met(r),
      /* resolutionMet */ met(s),
      /* responseWeeks */ slaWeeks(rDueWeek, rDoneWeek),
      /* resolutionWeeks */ slaWeeks(sDueWeek, sDoneWeek),
      /* slaWeeks */ weeksOf(rDueWeek, rDoneWeek, sDueWeek, sDoneWeek),
      /* reopened */ reopens(t),
      /* waitingMinutes */ waiting(t),
      /* rating */ feedback && feedback !== 'none' ? ratingLabel(feedback.slice(feedback.indexOf(':') + 1) as Rating) : '',
      /* autoClosed */ autoClosed(t) ? D.yes : '',
      /* recurringKey */ recurringOf.get(t.id) ?? '',
    ];
  });
  return { keys, header: keys.map((k) => D.columns[k]), rows };
}
