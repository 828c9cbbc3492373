// The two SLA targets the review reports on (response, resolution): which date each is due by and
// done by, and the per-target, per-urgency table layout the SLA and handling-time sections share.
import type { Ticket } from '../../ticket';
import type { Cell, UrgencyKey } from '../model';
import { URGENCIES } from '../text';
import type { ReviewScope } from '../scope';

export interface Target {
  key: 'response' | 'resolution';
  label: string;
  due: (t: Ticket) => number | null;
  done: (t: Ticket) => number | null;
}

export function targets(scope: ReviewScope): Target[] {
  const { T } = scope;
  return [
    {
      key: 'response',
      label: T.response,
      due: (t) => t.responseDueAt,
      // As the SLA engine (sla.evaluate): a ticket resolved without a response stamp responded when resolved.
      done: (t) =>
        t.firstResponseAt ?? (t.status === 'resolved' || t.status === 'closed' ? t.resolvedAt : null),
    },
    { key: 'resolution', label: T.resolution, due: (t) => t.resolveDueAt, done: (t) => t.resolvedAt },
  ];
}

/** One row per target and urgency ("unset" only when some ticket has none), then the total. */
export function perTargetRows<C>(
  scope: ReviewScope,
  fig: Record<'response' | 'resolution', Record<UrgencyKey, C>>,
  any: (c: C) => number,
  cells: (c: C) => Cell[],
): Cell[][] {
  const { T, urgLabel } = scope;
  return targets(scope).flatMap((target) => {
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
}
