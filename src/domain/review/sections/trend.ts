// The 12-week trend: created, resolved, backlog at each week end and SLA compliance per week, the
// reviewed week last. Each week counts exactly as the summary and the SLA section count their week,
// so the last row repeats their figures (a test holds them together).
import { ratio } from '../../stats';
import { formatIsoWeek } from '../../zone';
import type { Cell, ReviewSection } from '../model';
import { isOpenStatus, statusAt } from '../history';
import type { ReviewScope } from '../scope';
import { shiftIsoWeek, weekBounds } from '../week';
import { slaOutcome } from './sla';
import { targets } from './targets';

export const TREND_WEEKS = 12;

export interface TrendWeek {
  week: string;
  start: number;
  end: number;
  created: number;
  resolved: number;
  backlog: number;
  /** met / (met + missed) per target; null when nothing final. */
  response: number | null;
  resolution: number | null;
}

/** The week (0 = oldest) holding an instant, or -1: bounds are the weeks' starts plus the last end. */
function indexIn(bounds: readonly number[], v: number | null): number {
  if (v === null || v < bounds[0] || v >= bounds[bounds.length - 1]) return -1;
  let lo = 0;
  let hi = bounds.length - 1; // bounds[lo] <= v < bounds[hi]
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (bounds[mid] <= v) lo = mid;
    else hi = mid;
  }
  return lo;
}

export function trendWeeks(scope: ReviewScope, count = TREND_WEEKS): TrendWeek[] {
  const { week, zone, now, tickets, eventsOf, slaAt } = scope;
  const weeks = Array.from({ length: count }, (_, i) => {
    const w = shiftIsoWeek(week, i - (count - 1));
    const b = weekBounds(w, zone);
    return { week: formatIsoWeek(w), start: b.start, end: b.end };
  });
  const bounds = [...weeks.map((w) => w.start), weeks[count - 1].end];
  const created = new Array<number>(count).fill(0);
  const resolved = new Array<number>(count).fill(0);
  const backlog = new Array<number>(count).fill(0);
  const sla = targets(scope).map(() => weeks.map(() => ({ met: 0, missed: 0 })));
  const asOf = weeks.map((w) => Math.min(w.end, now));
  const ts = targets(scope);
  // Indexed: runs over every ticket once per build, mostly before the engine optimises it.
  for (let j = 0; j < tickets.length; j++) {
    const t = tickets[j];
    const c = indexIn(bounds, t.submittedAt);
    if (c >= 0) created[c]++;
    const r = indexIn(bounds, t.resolvedAt);
    if (r >= 0) resolved[r]++;
    if (t.submittedAt !== null && t.submittedAt < asOf[count - 1]) {
      const events = eventsOf(t);
      // statusAt compares its instant only with these: after the last of them the answer stays
      // the same, so most tickets (done before the window) need one call, not twelve.
      const settled = Math.max(
        t.submittedAt,
        t.resolvedAt ?? -Infinity,
        t.lastUpdateAt ?? -Infinity,
        t.firstResponseAt ?? -Infinity,
        events?.length ? events[events.length - 1].at : -Infinity,
      );
      if (c < 0 && asOf[0] > settled) {
        // Settled before the window (most tickets): one status for all twelve week ends.
        if (isOpenStatus(statusAt(t, asOf[0], events))) for (let i = 0; i < count; i++) backlog[i]++;
      } else {
        let open: boolean | null = null;
        for (let i = Math.max(0, c); i < count; i++) {
          const isOpen: boolean =
            asOf[i] > settled && open !== null ? open : isOpenStatus(statusAt(t, asOf[i], events));
          if (asOf[i] > settled) open = isOpen;
          if (isOpen) backlog[i]++;
        }
      }
    }
    for (let k = 0; k < ts.length; k++) {
      const target = ts[k];
      const due = indexIn(bounds, target.due(t));
      const done = indexIn(bounds, target.done(t));
      if (due < 0 && done < 0) continue;
      const outcome = slaOutcome(slaAt(j)[target.key]);
      if (outcome === 'pending') continue;
      if (due >= 0) sla[k][due][outcome]++;
      if (done >= 0 && done !== due) sla[k][done][outcome]++;
    }
  }
  return weeks.map((w, i) => ({
    ...w,
    created: created[i],
    resolved: resolved[i],
    backlog: backlog[i],
    response: ratio(sla[0][i].met, sla[0][i].met + sla[0][i].missed),
    resolution: ratio(sla[1][i].met, sla[1][i].met + sla[1][i].missed),
  }));
}

export function trendSection(scope: ReviewScope): { section: ReviewSection; weeks: TrendWeek[] } {
  const D = scope.D;
  const weeks = trendWeeks(scope);
  const rows: Cell[][] = weeks.map((w) => [
    w.week,
    w.created,
    w.resolved,
    w.backlog,
    w.response,
    w.resolution,
  ]);
  return {
    section: {
      key: 'trend',
      title: D.trend,
      basis: D.trendBasis,
      table: { header: D.trendCols, rows, formats: ['text', 'int', 'int', 'int', 'percent', 'percent'] },
      notes: [],
    },
    weeks,
  };
}
