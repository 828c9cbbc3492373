// The review data sheet (`周报数据` / `Review data`, issue 19): one row per ticket, live and archived
// together, the flat table the native pivots and slicers read. Pure: the rows come from the same
// scope as the snapshot (same SLA states, same status history), so a pivot over them shows the
// snapshot's numbers. Weeks are ISO week text (`2024-W19`): Sheets' date grouping has no weeks.
import type { Ticket } from '../ticket';
import { enumLabel, type Rating } from '../schema';
import { formatIsoWeek } from '../zone';
import type { Cell, RecurringProblem } from './model';
import { HOUR, type ReviewScope } from './scope';
import { slaOutcome, type SlaOutcome } from './sections/sla';
import { targets } from './sections/targets';
import type { ReviewDataText } from './text';
import { isoWeekAt } from './week';

export type ReviewDataKey = keyof ReviewDataText['columns'];

/** The columns in sheet order; `autoClosed` only once the tracker can tell (ReviewInput.autoClosed). */
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
 * The rows. Times are working minutes from submission (the settings calendar, as the handling-time
 * section); each SLA target's outcome is its final state (met / missed, else not final) with a 1/0
 * column for the pivots' met rate (blank while not final), and the weeks it counts in (its due
 * week and its done week: the SLA section's "due or done in the week"). The recurring-problem key
 * is the snapshot's rank and typical title for the tickets of a listed problem.
 */
export function reviewData(scope: ReviewScope, recurring: readonly RecurringProblem[]): ReviewData {
  const { input, D, zone, tickets, history, slaOf, catLabel, urgLabel, statusLabel, ratingLabel } = scope;
  const keys = REVIEW_DATA_KEYS.filter((k) => k !== 'autoClosed' || input.autoClosed);
  const recurringOf = new Map<string, string>();
  recurring.forEach((p, i) => {
    for (const id of p.ticketIds) if (!recurringOf.has(id)) recurringOf.set(id, `#${i + 1} ${p.title}`);
  });
  // Week labels by quarter hour: zone offsets are whole quarter hours, so a local midnight never
  // splits one; many tickets share one, and the zone maths is the costly part.
  const weekCache = new Map<number, string>();
  const weekOf = (v: number | null): string => {
    if (v === null) return '';
    const key = Math.floor(v / (15 * MINUTE));
    let w = weekCache.get(key);
    if (w === undefined) weekCache.set(key, (w = formatIsoWeek(isoWeekAt(v, zone))));
    return w;
  };
  const minutes = (from: number | null, to: number | null): Cell =>
    from === null || to === null || to < from ? '' : Math.round(Math.max(0, input.workingMs(from, to)) / MINUTE);
  const outcomeLabel = (o: SlaOutcome): string => (o === 'met' ? D.met : o === 'missed' ? D.missed : D.pending);
  const [response, resolution] = targets(scope);
  const reopens = (t: Ticket): number =>
    (history.get(String(t.id).trim()) ?? []).filter((e) => e.from === 'resolved' && e.to === 'inProgress').length;
  const slaWeeks = (due: number | null, done: number | null): string => {
    const a = weekOf(due);
    const b = weekOf(done);
    return a && b && a !== b ? `${a} ${b}` : a || b;
  };

  const sorted = [...tickets].sort(
    (a, b) => (a.submittedAt ?? 0) - (b.submittedAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const rows = sorted.map((t): Cell[] => {
    const sla = slaOf(t);
    const rOut = slaOutcome(sla.response);
    const sOut = slaOutcome(sla.resolution);
    const rDone = response.done(t);
    const waiting = input.waitingMs ? input.waitingMs(t) : null;
    const cells: Record<ReviewDataKey, Cell> = {
      id: t.id,
      createdWeek: weekOf(t.submittedAt),
      resolvedWeek: weekOf(t.resolvedAt),
      category: catLabel(t.category),
      urgency: urgLabel(t.urgency),
      department: String(t.department ?? '').trim() || scope.T.unset,
      assignee: String(t.assignee ?? '').trim() || scope.T.unassigned,
      tier: t.tier ? enumLabel('tier', t.tier, scope.lang) : '',
      status: statusLabel(t.status),
      responseMinutes: minutes(t.submittedAt, rDone),
      resolutionMinutes: minutes(t.submittedAt, t.resolvedAt),
      responseSla: outcomeLabel(rOut),
      resolutionSla: outcomeLabel(sOut),
      responseMet: rOut === 'pending' ? '' : rOut === 'met' ? 1 : 0,
      resolutionMet: sOut === 'pending' ? '' : sOut === 'met' ? 1 : 0,
      responseWeeks: slaWeeks(response.due(t), rDone),
      resolutionWeeks: slaWeeks(resolution.due(t), resolution.done(t)),
      reopened: reopens(t),
      waitingMinutes: waiting === null ? (input.waitingMs ? 0 : '') : Math.round(Math.max(0, waiting) / MINUTE),
      rating: t.feedback ? ratingLabel(t.feedback.split(':')[1] as Rating) : '',
      autoClosed: input.autoClosed?.(t) ? D.yes : '',
      recurringKey: recurringOf.get(t.id) ?? '',
    };
    return keys.map((k) => cells[k]);
  });
  return { keys, header: keys.map((k) => D.columns[k]), rows };
}
