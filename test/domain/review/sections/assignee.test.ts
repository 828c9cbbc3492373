// The assignee section (src/domain/review/sections/assignee.ts) on its own: tickets handled in the
// week (created or resolved in it) and every ticket open at its end, per assignee.
import { assigneeSection } from '../../../../src/domain/review/sections/assignee';
import { at, scopeOf, tk } from '../helpers';

describe('assigneeSection', () => {
  it('handled, created, resolved and open per assignee, most handled first, then by name', () => {
    const scope = scopeOf([
      tk('Z1', { assignee: '张工', submittedAt: at('05-06 10:00'), resolvedAt: at('05-06 12:00'), status: 'resolved' }),
      tk('Z2', { assignee: '张工', submittedAt: at('05-07 10:00'), status: 'pending' }),
      tk('L1', { assignee: '李工', submittedAt: at('04-30 10:00'), resolvedAt: at('05-08 10:00'), status: 'resolved' }),
      // Open since W17: not handled this week, but in the open count.
      tk('L2', { assignee: '李工', submittedAt: at('04-22 10:00'), status: 'pending' }),
      tk('U1', { assignee: ' ', submittedAt: at('05-09 10:00'), status: 'pending' }),
      tk('W1', { assignee: '王工', submittedAt: at('04-23 10:00'), status: 'pending' }),
    ]);
    const { T } = scope;
    const section = assigneeSection(scope);
    expect(section.table.header).toEqual([T.assignee, ...T.assigneeCols]);
    // Handled 2, 1, 1, 0; '(unassigned)' sorts before '李工' (code point order) at equal counts.
    expect(section.table.rows).toEqual([
      ['张工', 2, 2, 1, 1],
      [T.unassigned, 1, 1, 0, 1],
      ['李工', 1, 0, 1, 1],
      ['王工', 0, 0, 0, 1],
      [T.total, 4, 3, 2, 4],
    ]);
  });

  it('an empty week has only the total row', () => {
    const scope = scopeOf([]);
    expect(assigneeSection(scope).table.rows).toEqual([[scope.T.total, 0, 0, 0, 0]]);
  });
});
