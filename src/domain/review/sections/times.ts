// Handling times per target and urgency: median and p90 working hours from submission to
// response / resolution, for tickets done in the week.
import { median, percentileNearestRank, round } from '../../stats';
import type { ReviewSection, TimeCell, UrgencyKey } from '../model';
import { HOUR, emptyByUrgency, inRange, type ReviewScope } from '../scope';
import { perTargetRows, targets } from './targets';

export type TimesFigure = {
  response: Record<UrgencyKey, TimeCell>;
  resolution: Record<UrgencyKey, TimeCell>;
};

export function timesSection(scope: ReviewScope): { section: ReviewSection; figure: TimesFigure } {
  const { input, T, tickets, weekPositions, start, end, urgKey } = scope;
  const timesFig: TimesFigure = {
    response: emptyByUrgency((): TimeCell => ({ n: 0, median: null, p90: null })),
    resolution: emptyByUrgency((): TimeCell => ({ n: 0, median: null, p90: null })),
  };
  for (const target of targets(scope)) {
    const values = new Map<UrgencyKey, number[]>();
    // Only tickets with an instant in the week can be done in it.
    for (const i of weekPositions) {
      const t = tickets[i];
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
  const section: ReviewSection = {
    key: 'times',
    title: T.times,
    basis: T.timesBasis,
    table: {
      header: T.timesCols,
      rows: perTargetRows(
        scope,
        timesFig,
        (c) => c.n,
        (c) => [c.n, round(c.median), round(c.p90)],
      ),
      formats: ['text', 'text', 'int', 'hours', 'hours'],
    },
    notes: [T.timesNote],
  };
  return { section, figure: timesFig };
}
