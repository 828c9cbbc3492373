// The SLA section (src/domain/review/sections/sla.ts) on its own: per target and urgency, the tickets
// due or done in the week, met / missed / not final, compliance = met / (met + missed); and
// slaOutcome, which states are final.
import { slaOutcome, slaSection } from '../../../../src/domain/review/sections/sla';
import type { SlaOf } from '../../../../src/domain/review/model';
import type { Ticket } from '../../../../src/domain/ticket';
import { at, scopeOf, tk } from '../helpers';

describe('slaOutcome', () => {
  it('breached and missed are missed, met is met, the rest not final', () => {
    expect((['breached', 'missed', 'met', 'atRisk', 'onTrack', null] as const).map(slaOutcome)).toEqual([
      'missed',
      'missed',
      'met',
      'pending',
      'pending',
      'pending',
    ]);
  });
});

const STATES: Record<string, SlaOf> = {
  H1: { response: 'met', resolution: 'onTrack' },
  H2: { response: 'breached', resolution: 'missed' },
  M1: { response: 'missed', resolution: 'onTrack' },
  N1: { response: 'met', resolution: null },
  L1: { response: 'met', resolution: 'met' },
};
const TICKETS = [
  // Response due and done in the week; resolution due after it.
  tk('H1', { urgency: 'high', submittedAt: at('05-07 09:00'), responseDueAt: at('05-07 10:00'), firstResponseAt: at('05-07 09:30'), resolveDueAt: at('05-14 09:00') }),
  // Both due in the week, both missed.
  tk('H2', { urgency: 'high', submittedAt: at('05-06 09:00'), responseDueAt: at('05-06 10:00'), resolveDueAt: at('05-07 09:00'), resolvedAt: at('05-08 09:00'), status: 'resolved' }),
  // Response due the week before, done (late) in this one; resolution due in the week, not final.
  tk('M1', { urgency: 'medium', submittedAt: at('04-30 09:00'), responseDueAt: at('04-30 10:00'), firstResponseAt: at('05-06 09:00'), resolveDueAt: at('05-10 09:00') }),
  // No urgency: a "(not set)" row for the response only.
  tk('N1', { urgency: null, submittedAt: at('05-08 09:00'), responseDueAt: at('05-08 10:00'), firstResponseAt: at('05-08 09:10') }),
  // All in W18: out of scope.
  tk('L1', { urgency: 'low', submittedAt: at('04-30 09:00'), responseDueAt: at('04-30 10:00'), firstResponseAt: at('04-30 09:10'), resolveDueAt: at('05-01 09:00'), resolvedAt: at('05-01 08:00'), status: 'closed' }),
];
const sla = (t: Ticket): SlaOf => STATES[t.id];

describe('slaSection', () => {
  it('counts each target’s tickets due or done in the week by urgency, as worked out by hand', () => {
    const { figure } = slaSection(scopeOf(TICKETS, { sla }));
    const cell = (inScope: number, met: number, missed: number, pending: number, compliance: number | null) => ({ inScope, met, missed, pending, compliance });
    expect(figure.response).toEqual({
      high: cell(2, 1, 1, 0, 0.5), // H1 met, H2 breached
      medium: cell(1, 0, 1, 0, 0), // M1 done late in the week
      low: cell(0, 0, 0, 0, null),
      unset: cell(1, 1, 0, 0, 1), // N1
      all: cell(4, 2, 2, 0, 0.5),
    });
    expect(figure.resolution).toEqual({
      high: cell(1, 0, 1, 0, 0), // H2 (H1 due next week)
      medium: cell(1, 0, 0, 1, null), // M1 on track: not final
      low: cell(0, 0, 0, 0, null),
      unset: cell(0, 0, 0, 0, null),
      all: cell(2, 0, 1, 1, 0),
    });
  });

  it('one row per target and urgency, "(not set)" only where some ticket has none', () => {
    const scope = scopeOf(TICKETS, { sla });
    const { T } = scope;
    const { section } = slaSection(scope);
    expect(section.table.rows).toEqual([
      [T.response, 'High', 2, 1, 1, 0, 0.5],
      [T.response, 'Medium', 1, 0, 1, 0, 0],
      [T.response, 'Low', 0, 0, 0, 0, null],
      [T.response, T.unset, 1, 1, 0, 0, 1],
      [T.response, T.total, 4, 2, 2, 0, 0.5],
      [T.resolution, 'High', 1, 0, 1, 0, 0],
      [T.resolution, 'Medium', 1, 0, 0, 1, null],
      [T.resolution, 'Low', 0, 0, 0, 0, null],
      [T.resolution, T.total, 2, 0, 1, 1, 0],
    ]);
  });

  it('an empty week: nothing in scope, no compliance', () => {
    const { figure, section } = slaSection(scopeOf([]));
    expect(figure.response.all).toEqual({ inScope: 0, met: 0, missed: 0, pending: 0, compliance: null });
    expect(section.table.rows).toHaveLength(8);
  });
});
