// The handling-times section (src/domain/review/sections/times.ts) on its own: for tickets responded
// to or resolved in the week, the median and nearest-rank p90 working hours since submission.
import { timesSection } from '../../../../src/domain/review/sections/times';
import { HOUR, at, scopeOf, tk } from '../helpers';

const TICKETS = [
  // Response 1 h, resolution 4 h.
  tk('H1', { urgency: 'high', submittedAt: at('05-06 09:00'), firstResponseAt: at('05-06 10:00'), resolvedAt: at('05-06 13:00'), status: 'resolved' }),
  // Response 3 h, resolution 24 h.
  tk('H2', { urgency: 'high', submittedAt: at('05-07 09:00'), firstResponseAt: at('05-07 12:00'), resolvedAt: at('05-08 09:00'), status: 'closed' }),
  // Responded the week before (not counted); resolved in the week after 120 h.
  tk('L1', { urgency: 'low', submittedAt: at('05-01 09:00'), firstResponseAt: at('05-01 11:00'), resolvedAt: at('05-06 09:00'), status: 'closed' }),
  // Resolved without a response stamp: responded when resolved, 2 h both.
  tk('M1', { urgency: 'medium', submittedAt: at('05-08 09:00'), resolvedAt: at('05-08 11:00'), status: 'resolved' }),
  // A response stamp before submission (a hand-typed date): left out.
  tk('X1', { urgency: 'medium', submittedAt: at('05-09 10:00'), firstResponseAt: at('05-09 09:00') }),
];

describe('timesSection', () => {
  it('median and p90 per target and urgency, as worked out by hand', () => {
    const { figure } = timesSection(scopeOf(TICKETS));
    // Response: high [1, 3] → median 2, p90 rank ⌈1.8⌉ = 2 → 3; medium [2]; all [1, 2, 3] → 2, rank ⌈2.7⌉ = 3 → 3.
    expect(figure.response).toEqual({
      high: { n: 2, median: 2, p90: 3 },
      medium: { n: 1, median: 2, p90: 2 },
      low: { n: 0, median: null, p90: null },
      unset: { n: 0, median: null, p90: null },
      all: { n: 3, median: 2, p90: 3 },
    });
    // Resolution: high [4, 24] → 14, 24; medium [2]; low [120]; all [2, 4, 24, 120] → 14, rank ⌈3.6⌉ = 4 → 120.
    expect(figure.resolution).toEqual({
      high: { n: 2, median: 14, p90: 24 },
      medium: { n: 1, median: 2, p90: 2 },
      low: { n: 1, median: 120, p90: 120 },
      unset: { n: 0, median: null, p90: null },
      all: { n: 4, median: 14, p90: 120 },
    });
  });

  it('counts working time as the settings calendar gives it, rounded to 2 decimals in the table', () => {
    // A calendar that counts a third of the wall time: H1's 1 h response is 0.33 h.
    const scope = scopeOf(TICKETS.slice(0, 1), { workingMs: (a, b) => (b - a) / 3 });
    const { T } = scope;
    const { figure, section } = timesSection(scope);
    expect(figure.response.high.median).toBeCloseTo(1 / 3, 10);
    expect(section.table.rows[0]).toEqual([T.response, 'High', 1, 0.33, 0.33]);
    expect(section.table.rows[4]).toEqual([T.resolution, 'High', 1, 1.33, 1.33]);
  });

  it('a calendar answering a negative span counts it as zero', () => {
    const { figure } = timesSection(scopeOf(TICKETS.slice(0, 1), { workingMs: () => -HOUR }));
    expect(figure.response.high).toEqual({ n: 1, median: 0, p90: 0 });
  });

  it('an empty week: no times', () => {
    const { figure } = timesSection(scopeOf([]));
    expect([figure.response.all, figure.resolution.all]).toEqual([
      { n: 0, median: null, p90: null },
      { n: 0, median: null, p90: null },
    ]);
  });
});
