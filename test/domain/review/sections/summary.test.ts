// The summary section (src/domain/review/sections/summary.ts) on its own: created, resolved, closed,
// reopened and backlog for W19 against W18, each worked out by hand below.
import { summarySection } from '../../../../src/domain/review/sections/summary';
import { at, scopeOf, statusChange, tk } from '../helpers';

// W18 = Mon 04-29 … Sun 05-05, W19 = Mon 05-06 … Sun 05-12 (Asia/Shanghai).
const TICKETS = [
  // Created W19, resolved W19, closed W19 by the log.
  tk('A', { submittedAt: at('05-07 10:00'), resolvedAt: at('05-08 10:00'), status: 'closed' }),
  // Created W18, resolved W18 by the log, reopened W19 (a "no" answer clears Resolved at): open again.
  tk('B', { submittedAt: at('05-02 10:00'), firstResponseAt: at('05-02 11:00'), status: 'inProgress' }),
  // Adopted (no status change in the log): created, resolved and closed in W18 by its own dates.
  tk('C', { submittedAt: at('04-30 10:00'), resolvedAt: at('05-01 10:00'), status: 'closed' }),
  // Created W18, never touched: open at both week ends.
  tk('D', { submittedAt: at('05-01 10:00'), status: 'pending' }),
  // Created W19, closed without Resolved at (how adoption leaves a cancelled row): never counted as
  // closed, and not open at W19's end (closed at its last update).
  tk('E', { submittedAt: at('05-06 10:00'), status: 'closed', lastUpdateAt: at('05-08 10:00') }),
  // No ID: not a ticket.
  tk('', { submittedAt: at('05-07 10:00'), status: 'pending' }),
];
const AUDIT = [
  statusChange('A', '05-09 10:00', 'Resolved', 'Closed'),
  statusChange('B', '05-03 10:00', 'In progress', 'Resolved'),
  statusChange('B', '05-07 10:00', 'Resolved', 'In progress'),
];

describe('summarySection', () => {
  it('counts this week and the previous one as worked out by hand', () => {
    const { counts, previous } = summarySection(scopeOf(TICKETS, { audit: AUDIT }));
    // W19: created A, E; resolved A; closed A (log); reopened B; open at 05-13 00:00: B, D.
    expect(counts).toEqual({ created: 2, resolved: 1, closed: 1, reopened: 1, backlog: 2 });
    // W18: created B, C, D; resolved C (B's Resolved at was cleared); closed C (its own date);
    // open at 05-06 00:00: D only (B was resolved then, A and E not yet submitted).
    expect(previous).toEqual({ created: 3, resolved: 1, closed: 1, reopened: 0, backlog: 1 });
  });

  it('lays the figures out as rows: this week, the previous, the change and what each counts by', () => {
    const scope = scopeOf(TICKETS, { audit: AUDIT });
    const { T } = scope;
    const { section } = summarySection(scope);
    expect(section.key).toBe('summary');
    expect(section.table.rows).toEqual([
      [T.created, 2, 3, -1, T.basisCreated],
      [T.resolved, 1, 1, 0, T.basisResolved],
      [T.closed, 1, 1, 0, T.basisClosed],
      [T.reopened, 1, 0, 1, T.basisReopened],
      [T.backlog, 2, 1, 1, T.basisBacklog],
    ]);
  });

  it('an empty week is all zeros', () => {
    const { counts, previous, section } = summarySection(scopeOf([]));
    const zero = { created: 0, resolved: 0, closed: 0, reopened: 0, backlog: 0 };
    expect([counts, previous]).toEqual([zero, zero]);
    expect(section.table.rows.map((r) => r.slice(1, 4))).toEqual(Array(5).fill([0, 0, 0]));
  });

  it('a week not over yet takes its backlog now, not at its end', () => {
    // Built Wednesday 05-08 12:00: A (resolved 05-08 10:00) is done, E closed only at 05-08 10:00.
    const { counts } = summarySection(scopeOf(TICKETS, { audit: AUDIT, now: at('05-08 12:00') }));
    expect(counts.backlog).toBe(2); // B (reopened 05-07) and D
    const { counts: early } = summarySection(scopeOf(TICKETS, { audit: AUDIT, now: at('05-06 12:00') }));
    expect(early.backlog).toBe(2); // D and E (submitted 05-06 10:00, closed later)
  });
});
