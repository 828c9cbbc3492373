// The status section (src/domain/review/sections/status.ts) on its own: the current status of the
// week's new tickets and of every ticket (archived ones included).
import { statusSection } from '../../../../src/domain/review/sections/status';
import { at, scopeOf, tk } from '../helpers';

describe('statusSection', () => {
  it('counts current statuses, a "(not set)" row only when some ticket has none', () => {
    const scope = scopeOf([
      tk('N1', { submittedAt: at('05-07 10:00'), status: 'pending' }),
      tk('N2', { submittedAt: at('05-08 10:00'), status: 'closed' }),
      tk('O1', { submittedAt: at('04-20 10:00'), status: 'resolved' }),
      // Archived long ago: counts among all tickets.
      tk('AR', { submittedAt: at('2023-03-01 10:00'), status: 'closed' }),
      tk('X1', { submittedAt: at('04-21 10:00'), status: null }),
    ]);
    const { T } = scope;
    const section = statusSection(scope);
    expect(section.table.header).toEqual([T.status, ...T.statusCols]);
    expect(section.table.rows).toEqual([
      ['Pending', 1, 1],
      ['In progress', 0, 0],
      ['Resolved', 0, 1],
      ['Closed', 1, 2],
      [T.unset, 0, 1],
      [T.total, 2, 5],
    ]);
  });

  it('an empty week: the four statuses at zero and the total', () => {
    const scope = scopeOf([]);
    expect(statusSection(scope).table.rows).toEqual([
      ['Pending', 0, 0],
      ['In progress', 0, 0],
      ['Resolved', 0, 0],
      ['Closed', 0, 0],
      [scope.T.total, 0, 0],
    ]);
  });
});
