// Formatting the ticket sheet in runs of adjacent columns: one call a run, not one a column.
import { columnRuns } from '../../src/gas/ticketFormat';

describe('columnRuns', () => {
  it('joins adjacent columns with the same value, in column order', () => {
    expect(columnRuns([[3, '@'], [0, '@'], [1, '@'], [4, 'date'], [5, 'date'], [7, '@']])).toEqual([
      { first: 0, count: 2, value: '@' },
      { first: 3, count: 1, value: '@' },
      { first: 4, count: 2, value: 'date' },
      { first: 7, count: 1, value: '@' },
    ]);
  });

  it('keeps a gap or a different value apart, and gives nothing for nothing', () => {
    expect(columnRuns([[0, 130], [1, 180], [2, 180]])).toEqual([
      { first: 0, count: 1, value: 130 },
      { first: 1, count: 2, value: 180 },
    ]);
    expect(columnRuns([])).toEqual([]);
  });
});
