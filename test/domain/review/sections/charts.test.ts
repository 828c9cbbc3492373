// The review's chart series (src/domain/review/sections/charts.ts) on their own: tickets created by
// category, the satisfaction ratings given, and tickets created and resolved per local day.
import { reviewCharts } from '../../../../src/domain/review/sections/charts';
import { LONDON, at, scopeOf, tk } from '../helpers';

const TICKETS = [
  // Monday 23:30 in Shanghai is still Monday.
  tk('A', { category: 'hardware', submittedAt: at('05-06 23:30') }),
  tk('B', { category: null, submittedAt: at('05-12 10:00'), resolvedAt: at('05-12 23:59'), status: 'resolved' }),
  tk('C', { category: 'software', submittedAt: at('05-01 10:00'), resolvedAt: at('05-07 00:00'), status: 'resolved' }),
];

describe('reviewCharts', () => {
  it('created by category, with a "(not set)" bar when some ticket has none', () => {
    const scope = scopeOf(TICKETS);
    const [byCategory] = reviewCharts(scope, { satisfied: 0, basic: 0, unsatisfied: 0 });
    expect([byCategory.key, byCategory.kind]).toEqual(['byCategory', 'column']);
    expect(byCategory.table.rows).toEqual([
      ['Hardware', 1],
      ['Software', 0],
      ['Network', 0],
      ['Access', 0],
      ['Other', 0],
      [scope.T.unset, 1],
    ]);
  });

  it('the ratings as given, a pie', () => {
    const [, satisfaction] = reviewCharts(scopeOf([]), { satisfied: 3, basic: 2, unsatisfied: 1 });
    expect([satisfaction.kind, satisfaction.table.rows]).toEqual([
      'pie',
      [
        ['Satisfied', 3],
        ['Basically satisfied', 2],
        ['Unsatisfied', 1],
      ],
    ]);
  });

  it('created and resolved per local day, Monday to Sunday', () => {
    const scope = scopeOf(TICKETS);
    const days = reviewCharts(scope, { satisfied: 0, basic: 0, unsatisfied: 0 })[2];
    expect(days.table.rows).toEqual([
      ['Mon 05-06', 1, 0],
      ['Tue 05-07', 0, 1],
      ['Wed 05-08', 0, 0],
      ['Thu 05-09', 0, 0],
      ['Fri 05-10', 0, 0],
      ['Sat 05-11', 0, 0],
      ['Sun 05-12', 1, 1],
    ]);
  });

  it('the days are the zone’s: in London, Monday 23:30 in Shanghai is Monday 16:30', () => {
    // W19 in London: Mon 05-06 00:00 BST (05-05 23:00 UTC) … ; A falls on Monday, B (Sun 10:00 +8) on Sunday 03:00.
    const days = reviewCharts(scopeOf(TICKETS, { zone: LONDON }), { satisfied: 0, basic: 0, unsatisfied: 0 })[2];
    expect(days.table.rows.map((r) => r[1])).toEqual([1, 0, 0, 0, 0, 0, 1]);
    // C resolved Tue 00:00 in Shanghai = Mon 17:00 in London.
    expect(days.table.rows.map((r) => r[2])).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });
});
