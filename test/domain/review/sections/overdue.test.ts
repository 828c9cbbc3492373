// The overdue section (src/domain/review/sections/overdue.ts) on its own: tickets open at week end
// past their resolution due time, most overdue first, hours overdue at week end.
import { overdueSection } from '../../../../src/domain/review/sections/overdue';
import { at, scopeOf, tk } from '../helpers';

describe('overdueSection', () => {
  it('lists open tickets past their resolution due time, the longest overdue first', () => {
    const scope = scopeOf([
      tk('O1', { title: 'VPN', urgency: 'medium', assignee: '李工', submittedAt: at('05-12 09:00'), resolveDueAt: at('05-12 18:00'), firstResponseAt: at('05-12 09:10'), status: 'inProgress' }),
      tk('O2', { title: 'Printer', urgency: 'high', submittedAt: at('05-10 08:00'), resolveDueAt: at('05-10 08:30'), status: 'pending' }),
      // Not overdue: resolved (late, but done), due after the week, no due time, due exactly at its end.
      tk('D1', { submittedAt: at('05-06 09:00'), resolveDueAt: at('05-06 10:00'), resolvedAt: at('05-07 10:00'), status: 'resolved' }),
      tk('D2', { submittedAt: at('05-12 09:00'), resolveDueAt: at('05-13 10:00'), status: 'pending' }),
      tk('D3', { submittedAt: at('05-12 09:00'), status: 'pending' }),
      tk('D4', { submittedAt: at('05-12 09:00'), resolveDueAt: at('05-13 00:00'), status: 'pending' }),
    ]);
    const { T } = scope;
    const { overdue, section } = overdueSection(scope);
    expect(overdue.map((t) => t.id)).toEqual(['O2', 'O1']);
    // Week end 05-13 00:00: O2 due 05-10 08:30 → 2 days 15.5 h = 63.5 h; O1 due 05-12 18:00 → 6 h.
    expect(section.table.rows).toEqual([
      ['O2', 'Printer', 'High', T.unassigned, '2024-05-10 08:00', '2024-05-10 08:30', 63.5, 'Pending'],
      ['O1', 'VPN', 'Medium', '李工', '2024-05-12 09:00', '2024-05-12 18:00', 6, 'In progress'],
    ]);
    expect(section.notes).toEqual([]);
  });

  it('a week not over yet measures overdue hours now', () => {
    const scope = scopeOf([tk('O2', { submittedAt: at('05-10 08:00'), resolveDueAt: at('05-10 08:30'), status: 'pending' })], { now: at('05-10 12:00') });
    expect(overdueSection(scope).section.table.rows.map((r) => r[6])).toEqual([3.5]);
  });

  it('nothing overdue: no rows and the note "none"', () => {
    const scope = scopeOf([]);
    const { overdue, section } = overdueSection(scope);
    expect([overdue, section.table.rows, section.notes]).toEqual([[], [], [scope.T.none]]);
  });
});
