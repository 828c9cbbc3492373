// The backlog-age section (src/domain/review/sections/backlogAge.ts) on its own: tickets open at week
// end by whole days since submission, [0,1) [1,3) [3,7) [7,∞).
import { backlogAgeSection } from '../../../../src/domain/review/sections/backlogAge';
import { at, scopeOf, tk } from '../helpers';

// W19 ends Monday 05-13 00:00.
const TICKETS = [
  tk('A', { submittedAt: at('05-12 12:00'), status: 'pending' }), // 0.5 day
  tk('B', { submittedAt: at('05-12 00:00'), status: 'pending' }), // exactly 1 day: [1,3)
  tk('C', { submittedAt: at('05-10 00:00'), status: 'pending' }), // exactly 3 days: [3,7)
  tk('D', { submittedAt: at('05-06 00:00'), status: 'pending' }), // exactly 7 days: [7,∞)
  tk('E', { submittedAt: at('2023-12-01 09:00'), status: 'pending' }), // months
  tk('F', { submittedAt: at('05-07 09:00'), resolvedAt: at('05-08 09:00'), status: 'closed' }), // not open
];

describe('backlogAgeSection', () => {
  it('sorts the open tickets into their age bands at week end', () => {
    const scope = scopeOf(TICKETS);
    const { T } = scope;
    const { backlogAge, section } = backlogAgeSection(scope);
    expect(backlogAge).toEqual({ lt1: 1, d1to3: 1, d3to7: 1, gt7: 2 });
    expect(section.table.rows).toEqual([
      [T.ages[0], 1],
      [T.ages[1], 1],
      [T.ages[2], 1],
      [T.ages[3], 2],
      [T.total, 5],
    ]);
  });

  it('a week not over yet measures ages now', () => {
    // Built Friday 05-10 12:00: A and B not submitted yet; C 0.5 day, D 4.5 days, E months; F resolved.
    const { backlogAge } = backlogAgeSection(scopeOf(TICKETS, { now: at('05-10 12:00') }));
    expect(backlogAge).toEqual({ lt1: 1, d1to3: 0, d3to7: 1, gt7: 1 });
  });

  it('no backlog: every band at zero', () => {
    const { backlogAge, section } = backlogAgeSection(scopeOf([]));
    expect(backlogAge).toEqual({ lt1: 0, d1to3: 0, d3to7: 0, gt7: 0 });
    expect(section.table.rows.map((r) => r[1])).toEqual([0, 0, 0, 0, 0]);
  });
});
