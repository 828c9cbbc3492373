// The two SLA targets the review reports on (src/domain/review/sections/targets.ts): the date each
// is due and done by, and the per-target, per-urgency rows the SLA and handling-time sections share.
import { perTargetRows, targets } from '../../../../src/domain/review/sections/targets';
import type { UrgencyKey } from '../../../../src/domain/review/model';
import { at, scopeOf, tk } from '../helpers';

describe('targets', () => {
  const scope = scopeOf([]);
  const [response, resolution] = targets(scope);

  it('response then resolution, labelled in the review’s language', () => {
    expect([response.key, response.label, resolution.key, resolution.label]).toEqual(['response', scope.T.response, 'resolution', scope.T.resolution]);
  });

  it('due by the due-time fields; resolution done at Resolved at', () => {
    const t = tk('A', { responseDueAt: at('05-07 10:00'), resolveDueAt: at('05-08 10:00'), firstResponseAt: at('05-07 09:00'), resolvedAt: at('05-08 09:00'), status: 'closed' });
    expect([response.due(t), resolution.due(t), response.done(t), resolution.done(t)]).toEqual([at('05-07 10:00'), at('05-08 10:00'), at('05-07 09:00'), at('05-08 09:00')]);
  });

  it('a ticket resolved or closed without a response stamp responded when resolved; an open one has not', () => {
    const resolvedAt = at('05-08 09:00');
    expect(response.done(tk('R', { resolvedAt, status: 'resolved' }))).toBe(resolvedAt);
    expect(response.done(tk('C', { resolvedAt, status: 'closed' }))).toBe(resolvedAt);
    // Reopened: Resolved at may linger on the row, but an open ticket has not responded by it.
    expect(response.done(tk('O', { resolvedAt, status: 'inProgress' }))).toBeNull();
  });
});

describe('perTargetRows', () => {
  const scope = scopeOf([]);
  const { T } = scope;
  const fig = (unset: number): Record<UrgencyKey, number> => ({ high: 1, medium: 2, low: 3, unset, all: 6 + unset });

  it('high, medium, low, then "(not set)" only when it has something, then the total, per target', () => {
    const rows = perTargetRows(scope, { response: fig(0), resolution: fig(4) }, (n) => n, (n) => [n]);
    expect(rows).toEqual([
      [T.response, 'High', 1],
      [T.response, 'Medium', 2],
      [T.response, 'Low', 3],
      [T.response, T.total, 6],
      [T.resolution, 'High', 1],
      [T.resolution, 'Medium', 2],
      [T.resolution, 'Low', 3],
      [T.resolution, T.unset, 4],
      [T.resolution, T.total, 10],
    ]);
  });
});
