// The 12-week trend (src/domain/review/sections/trend.ts) on its own, here over 3 weeks (W17–W19):
// created, resolved, backlog at each week end and SLA compliance per week, worked out by hand.
import { TREND_WEEKS, trendSection, trendWeeks } from '../../../../src/domain/review/sections/trend';
import type { SlaOf } from '../../../../src/domain/review/model';
import type { Ticket } from '../../../../src/domain/ticket';
import { at, scopeOf, statusChange, tk } from '../helpers';

// W17 = 04-22…04-28, W18 = 04-29…05-05, W19 = 05-06…05-12.
const TICKETS = [
  // Created W17, resolved W18; response due and met W17, resolution due and met W18.
  tk('X1', { submittedAt: at('04-23 10:00'), firstResponseAt: at('04-23 10:30'), responseDueAt: at('04-23 11:00'), resolveDueAt: at('04-30 12:00'), resolvedAt: at('04-30 10:00'), status: 'closed' }),
  // Created W18, never answered: both targets breached in W18; open since.
  tk('X2', { submittedAt: at('05-01 10:00'), responseDueAt: at('05-01 11:00'), resolveDueAt: at('05-02 10:00'), status: 'pending' }),
  // Created and resolved W19, no due times.
  tk('X3', { submittedAt: at('05-07 10:00'), firstResponseAt: at('05-07 10:05'), resolvedAt: at('05-08 10:00'), status: 'resolved' }),
  // Created before the window, still open: in every week's backlog.
  tk('X4', { submittedAt: at('04-10 10:00'), status: 'pending' }),
  // Created W17, resolved W17 by the log, reopened W19.
  tk('X5', { submittedAt: at('04-24 10:00'), firstResponseAt: at('04-24 11:00'), status: 'inProgress' }),
  // Created W18, resolution due W18, resolved (late) W19: missed counted in both weeks.
  tk('X6', { submittedAt: at('05-03 10:00'), resolveDueAt: at('05-03 12:00'), resolvedAt: at('05-07 10:00'), status: 'closed' }),
];
const AUDIT = [statusChange('X5', '04-25 10:00', 'In progress', 'Resolved'), statusChange('X5', '05-07 10:00', 'Resolved', 'In progress')];
const STATES: Record<string, SlaOf> = {
  X1: { response: 'met', resolution: 'met' },
  X2: { response: 'breached', resolution: 'breached' },
  X6: { response: null, resolution: 'missed' },
};
const sla = (t: Ticket): SlaOf => STATES[t.id] ?? { response: null, resolution: null };

describe('trendWeeks', () => {
  it('three weeks as worked out by hand', () => {
    const weeks = trendWeeks(scopeOf(TICKETS, { audit: AUDIT, sla }), 3);
    expect(weeks.map(({ week, start, end }) => [week, start, end])).toEqual([
      ['2024-W17', at('04-22 00:00'), at('04-29 00:00')],
      ['2024-W18', at('04-29 00:00'), at('05-06 00:00')],
      ['2024-W19', at('05-06 00:00'), at('05-13 00:00')],
    ]);
    // Created: W17 X1, X5; W18 X2, X6; W19 X3. Resolved (Resolved at): W18 X1; W19 X3, X6.
    // Open at W17's end: X1 (in progress), X4 (X5 resolved by then). W18's: X2, X4, X6. W19's: X2, X4, X5.
    // Response: W17 X1 met; W18 X2 missed. Resolution: W18 X1 met, X2 and X6 missed; W19 X6 missed.
    expect(weeks.map(({ created, resolved, backlog, response, resolution }) => [created, resolved, backlog, response, resolution])).toEqual([
      [2, 0, 2, 1, null],
      [2, 1, 3, 0, 1 / 3],
      [1, 2, 3, null, 0],
    ]);
  });

  it('a week not over yet counts its backlog now', () => {
    // Built Tuesday 05-07 12:00: X6 resolved 05-07 10:00, X5 reopened 05-07 10:00, X3 not yet resolved.
    const weeks = trendWeeks(scopeOf(TICKETS, { audit: AUDIT, sla, now: at('05-07 12:00') }), 3);
    expect(weeks[2].backlog).toBe(4); // X2, X3, X4, X5
  });

  it('an empty tracker: twelve weeks of zeros, no compliance', () => {
    const weeks = trendWeeks(scopeOf([]));
    expect(weeks).toHaveLength(TREND_WEEKS);
    expect(weeks[0].week).toBe('2024-W08');
    expect(weeks.every((w) => w.created + w.resolved + w.backlog === 0 && w.response === null && w.resolution === null)).toBe(true);
  });
});

describe('trendSection', () => {
  it('one row per week, the reviewed week last', () => {
    const scope = scopeOf(TICKETS, { audit: AUDIT, sla });
    const { section, weeks } = trendSection(scope);
    expect(weeks).toHaveLength(TREND_WEEKS);
    expect(section.table.header).toEqual(scope.D.trendCols);
    expect(section.table.rows.slice(-3)).toEqual([
      ['2024-W17', 2, 0, 2, 1, null],
      ['2024-W18', 2, 1, 3, 0, 1 / 3],
      ['2024-W19', 1, 2, 3, null, 0],
    ]);
    // X4 (04-10, W15) is open at the end of W15 and later only.
    expect(section.table.rows.slice(0, 9).map((r) => r[3])).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1]);
  });
});
