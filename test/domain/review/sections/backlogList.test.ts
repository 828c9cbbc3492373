// The backlog list (src/domain/review/sections/backlogList.ts) on its own: every ticket open at
// week end, oldest first, with its age, status and SLA state then; and slaAtEnd, the SLA state at an
// instant (breached once a due time passed undone).
import { backlogListSection, slaAtEnd } from '../../../../src/domain/review/sections/backlogList';
import { at, scopeOf, statusChange, tk } from '../helpers';

const END = at('05-13 00:00');

describe('slaAtEnd', () => {
  const scope = scopeOf([]);
  it('breached: a due time passed before the instant, and the target was met late or not at all', () => {
    const late = tk('L', { submittedAt: at('05-10 09:00'), responseDueAt: at('05-10 10:00'), firstResponseAt: at('05-10 11:00') });
    const never = tk('N', { submittedAt: at('05-10 09:00'), resolveDueAt: at('05-12 09:00') });
    expect([slaAtEnd(scope, late, END), slaAtEnd(scope, never, END)]).toEqual(['breached', 'breached']);
  });
  it('on track: every due time met in time or still ahead; none: no due time at all', () => {
    const ok = tk('K', {
      submittedAt: at('05-10 09:00'),
      responseDueAt: at('05-10 10:00'),
      firstResponseAt: at('05-10 09:30'),
      resolveDueAt: at('05-14 09:00'),
    });
    expect(slaAtEnd(scope, ok, END)).toBe('onTrack');
    // Due exactly at the instant has not passed yet.
    expect(slaAtEnd(scope, tk('E', { resolveDueAt: END }), END)).toBe('onTrack');
    expect(slaAtEnd(scope, tk('X'), END)).toBe('none');
  });
});

describe('backlogListSection', () => {
  it('lists the open tickets oldest first (then by ID), with age in days and the state at week end', () => {
    const scope = scopeOf(
      [
        tk('B2', { title: 'VPN down', urgency: 'high', assignee: '张工', submittedAt: at('05-10 12:00'), firstResponseAt: at('05-10 12:30'), responseDueAt: at('05-10 13:00'), resolveDueAt: at('05-14 12:00'), status: 'inProgress' }),
        tk('B1', { title: 'Printer jam', submittedAt: at('05-10 12:00'), status: 'pending', resolveDueAt: at('05-11 12:00') }),
        // Resolved after the week: still open at its end, in progress then.
        tk('A1', { title: 'Mail', urgency: 'low', submittedAt: at('05-01 00:00'), firstResponseAt: at('05-02 09:00'), resolvedAt: at('05-14 09:00'), status: 'resolved' }),
        // Reopened in the week by the log.
        tk('R1', { title: 'Screen', urgency: 'medium', submittedAt: at('05-08 00:00'), status: 'inProgress' }),
        tk('C1', { submittedAt: at('05-07 09:00'), resolvedAt: at('05-07 10:00'), status: 'closed' }),
      ],
      { audit: [statusChange('R1', '05-09 10:00', 'In progress', 'Resolved'), statusChange('R1', '05-11 10:00', 'Resolved', 'In progress')] },
    );
    const { T, D } = scope;
    const { backlog, section } = backlogListSection(scope);
    expect(backlog.map((t) => t.id)).toEqual(['A1', 'R1', 'B1', 'B2']);
    expect(section.table.header).toEqual(D.backlogListCols);
    expect(section.table.rows).toEqual([
      ['A1', 'Mail', 'Low', T.unassigned, '2024-05-01 00:00', 12, 'In progress', D.slaAtEnd.none],
      ['R1', 'Screen', 'Medium', T.unassigned, '2024-05-08 00:00', 5, 'In progress', D.slaAtEnd.none],
      // 05-10 12:00 to 05-13 00:00 = 2.5 days.
      ['B1', 'Printer jam', T.unset, T.unassigned, '2024-05-10 12:00', 2.5, 'Pending', D.slaAtEnd.breached],
      ['B2', 'VPN down', 'High', '张工', '2024-05-10 12:00', 2.5, 'In progress', D.slaAtEnd.onTrack],
    ]);
    expect(section.notes).toEqual([]);
  });

  it('no backlog: no rows and the note "none"', () => {
    const scope = scopeOf([]);
    const { section } = backlogListSection(scope);
    expect([section.table.rows, section.notes]).toEqual([[], [scope.T.none]]);
  });
});
