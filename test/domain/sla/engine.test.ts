// The SLA engine (src/domain/sla/engine.ts): the policy, due times on the working calendar, response
// and resolution states at their boundaries per urgency, a breach that stays once recorded, and the
// escalation and progress-update hints; and slaStates (the weekly review's per-ticket SLA states),
// which must give exactly evaluate's states and throw where it throws, over random tickets. Times
// are Asia/Shanghai (helpers.ts). Over ~400 lines: one module's cases, hand-checked tables first.
import { defaultCalendar, type CalendarSettings } from '../../../src/domain/calendar';
import type { SlaState, Status, Urgency } from '../../../src/domain/schema';
import {
  defaultPolicy,
  dueTimes,
  evaluate,
  formatSlaStatus,
  pausesFromStatusHistory,
  policyProblems,
  rowColour,
  slaStates,
  type SlaContext,
  type SlaSummary,
  type SlaTicket,
} from '../../../src/domain/sla';
import type { WaitState } from '../../../src/domain/waiting';
import { prng } from '../../../bench/generate';
import { MIN, cal, policy, at, show, ticket, zone } from './helpers';

describe('policy', () => {
  test('defaults follow the spec table', () => {
    const p = defaultPolicy();
    for (const u of ['high', 'medium', 'low'] as Urgency[]) {
      expect(p.response[u]).toEqual({ minutes: 60, clock: 'working' });
      expect(p.escalation[u]).toEqual({ minutes: 30, clock: 'working' });
      expect(p.update[u]).toEqual({ minutes: 120, clock: 'working' });
    }
    expect(p.resolution).toEqual({
      high: { minutes: 120, clock: '24x7' },
      medium: { minutes: 240, clock: 'working' },
      low: { minutes: 1440, clock: 'working' },
    });
    expect(p.atRiskShare).toBe(0.75);
    expect(policyProblems(p)).toEqual([]);
    // A fresh object each time.
    p.atRiskShare = 0.5;
    expect(defaultPolicy().atRiskShare).toBe(0.75);
  });

  test('policyProblems', () => {
    const p = defaultPolicy();
    p.resolution.low = { minutes: 0, clock: 'working' };
    p.atRiskShare = 1.5;
    expect(policyProblems(p)).toHaveLength(2);
  });
});

describe('due times', () => {
  test.each([
    // Wed 10:00: response 1 working h; 高 2 h round the clock; 中 4 working h;
    // 低 24 working h = Wed 8 h + Thu 9 h + Fri 7 h.
    ['high', '2024-05-15 10:00', '2024-05-15 11:00', '2024-05-15 12:00'],
    ['medium', '2024-05-15 10:00', '2024-05-15 11:00', '2024-05-15 14:00'],
    ['low', '2024-05-15 10:00', '2024-05-15 11:00', '2024-05-17 16:00'],
    // Fri 17:00: response ends at 18:00; 高 runs through the evening; 中 1 h Fri + 3 h Mon.
    ['high', '2024-05-17 17:00', '2024-05-17 18:00', '2024-05-17 19:00'],
    ['medium', '2024-05-17 17:00', '2024-05-17 18:00', '2024-05-20 12:00'],
    // Sat 11:00: working clocks start Mon 09:00; 高 still round the clock.
    ['high', '2024-05-18 11:00', '2024-05-20 10:00', '2024-05-18 13:00'],
    ['low', '2024-05-18 11:00', '2024-05-20 10:00', '2024-05-22 15:00'],
  ] as const)('%s submitted %s', (urgency, submitted, response, resolve) => {
    const d = dueTimes({ urgency, submittedAt: at(submitted) }, policy, cal);
    expect(show(d.responseDueAt)).toBe(response);
    expect(show(d.resolveDueAt)).toBe(resolve);
  });

  test('missing submission time or urgency', () => {
    expect(dueTimes({ urgency: 'high', submittedAt: null }, policy, cal)).toEqual({
      responseDueAt: null,
      resolveDueAt: null,
    });
    // Missing urgency falls back to 中 …
    expect(
      show(dueTimes({ urgency: null, submittedAt: at('2024-05-15 10:00') }, policy, cal).resolveDueAt),
    ).toBe('2024-05-15 14:00');
    // … unless the policy says not to measure such rows.
    const strict = { ...defaultPolicy(), fallbackUrgency: null };
    expect(dueTimes({ urgency: null, submittedAt: at('2024-05-15 10:00') }, strict, cal)).toEqual({
      responseDueAt: null,
      resolveDueAt: null,
    });
    const ev = evaluate(ticket({ urgency: null }), at('2024-05-15 10:10'), strict, cal);
    expect(ev.response).toBeNull();
    expect(ev.resolution).toBeNull();
    expect(ev.hints).toEqual([]);
  });

  test('pauses push the resolution due time, not the response', () => {
    // 中 submitted Wed 10:00, resolved 13:00 (3 h used), reopened Thu 10:00: 1 h left → Thu 11:00.
    const pauses = [{ from: at('2024-05-15 13:00'), to: at('2024-05-16 10:00') }];
    const d = dueTimes({ urgency: 'medium', submittedAt: at('2024-05-15 10:00') }, policy, cal, pauses);
    expect(show(d.responseDueAt)).toBe('2024-05-15 11:00');
    expect(show(d.resolveDueAt)).toBe('2024-05-16 11:00');
    // A pause after the due time changes nothing.
    const late = [{ from: at('2024-05-15 15:00'), to: at('2024-05-16 10:00') }];
    expect(
      show(
        dueTimes({ urgency: 'medium', submittedAt: at('2024-05-15 10:00') }, policy, cal, late).resolveDueAt,
      ),
    ).toBe('2024-05-15 14:00');
  });
});

describe('response states at the boundaries', () => {
  // 中 submitted Wed 10:00: at risk at 10:45 (75% of 60 working minutes), due 11:00.
  test.each([
    ['2024-05-15 10:44', 'onTrack'],
    ['2024-05-15 10:45', 'atRisk'],
    ['2024-05-15 11:00', 'atRisk'],
    ['2024-05-15 11:01', 'breached'],
  ] as const)('open at %s → %s', (now, state) => {
    expect(evaluate(ticket(), at(now), policy, cal).response).toBe(state);
  });

  test.each([
    ['2024-05-15 11:00', 'met'],
    ['2024-05-15 11:01', 'missed'],
  ] as const)('first response at %s → %s', (responded, state) => {
    const t = ticket({ status: 'inProgress', firstResponseAt: at(responded) });
    expect(evaluate(t, at('2024-05-15 12:00'), policy, cal).response).toBe(state);
  });

  test('working clock: submitted 17:30, the night does not count', () => {
    const t = ticket({ submittedAt: at('2024-05-15 17:30') });
    const ev = evaluate(t, at('2024-05-15 23:00'), policy, cal);
    expect(ev.response).toBe('onTrack');
    expect(ev.responseUsed).toBeCloseTo(0.5);
    expect(show(ev.responseRiskAt)).toBe('2024-05-16 09:15');
    expect(show(ev.responseDueAt)).toBe('2024-05-16 09:30');
    expect(evaluate(t, at('2024-05-16 09:15'), policy, cal).response).toBe('atRisk');
    expect(evaluate(t, at('2024-05-16 09:31'), policy, cal).response).toBe('breached');
  });

  test('the at-risk share is configurable', () => {
    const half = { ...defaultPolicy(), atRiskShare: 0.5 };
    expect(evaluate(ticket(), at('2024-05-15 10:29'), half, cal).response).toBe('onTrack');
    expect(evaluate(ticket(), at('2024-05-15 10:30'), half, cal).response).toBe('atRisk');
  });

  test('hand-made rows: responded at an unknown time is not measured', () => {
    const t = ticket({ status: 'inProgress' });
    expect(evaluate(t, at('2024-05-15 12:00'), policy, cal).response).toBeNull();
    // Resolved without a response stamp: the resolution counts as the response.
    const r = ticket({ status: 'resolved', resolvedAt: at('2024-05-15 10:50') });
    expect(evaluate(r, at('2024-05-15 12:00'), policy, cal).response).toBe('met');
  });
});

describe('resolution states at the boundaries, per urgency', () => {
  const rows: Array<[Urgency, string, string, string]> = [
    // 高 round the clock from Wed 17:00: 75% of 2 h = 18:30, due 19:00 (after working hours).
    ['high', '2024-05-15 17:00', '2024-05-15 18:30', '2024-05-15 19:00'],
    // 中 from Wed 16:00: 3 working h → Thu 10:00; 4 h → Thu 11:00.
    ['medium', '2024-05-15 16:00', '2024-05-16 10:00', '2024-05-16 11:00'],
    // 低 from Mon 10:00: 18 working h → Mon 8 + Tue 9 + Wed 1 = Wed 10:00; 24 h → Wed 16:00.
    ['low', '2024-05-20 10:00', '2024-05-22 10:00', '2024-05-22 16:00'],
  ];
  test.each(rows)('%s submitted %s: at risk %s, due %s', (urgency, submitted, risk, due) => {
    // Tier 2 and a recent response, so no hints get in the way.
    const t = ticket({
      urgency,
      submittedAt: at(submitted),
      status: 'inProgress',
      tier: 'tier2',
      firstResponseAt: at(submitted),
    });
    const state = (now: number): SlaState | null => evaluate(t, now, policy, cal).resolution;
    const ev = evaluate(t, at(submitted), policy, cal);
    expect(show(ev.resolveRiskAt)).toBe(risk);
    expect(show(ev.resolveDueAt)).toBe(due);
    expect(state(at(risk) - MIN)).toBe('onTrack');
    expect(state(at(risk))).toBe('atRisk');
    expect(state(at(due))).toBe('atRisk');
    expect(state(at(due) + MIN)).toBe('breached');
    const resolved = (when: number): SlaState | null =>
      evaluate({ ...t, status: 'resolved', resolvedAt: when }, at(due) + 600 * MIN, policy, cal).resolution;
    expect(resolved(at(due))).toBe('met');
    expect(resolved(at(due) + MIN)).toBe('missed');
    // Closed keeps the verdict.
    expect(
      evaluate({ ...t, status: 'closed', resolvedAt: at(due) }, at(due) + 600 * MIN, policy, cal).resolution,
    ).toBe('met');
  });

  test('closed from pending without a resolution time is not measured', () => {
    const t = ticket({ status: 'closed', firstResponseAt: at('2024-05-15 10:05') });
    const ev = evaluate(t, at('2024-05-16 10:00'), policy, cal);
    expect(ev.response).toBe('met');
    expect(ev.resolution).toBeNull();
    expect(ev.hints).toEqual([]);
  });

  test('a submission time in the future (clock skew) evaluates without errors', () => {
    const ev = evaluate(ticket({ submittedAt: at('2024-05-15 12:00') }), at('2024-05-15 11:00'), policy, cal);
    expect(ev.response).toBe('onTrack');
    expect(ev.resolution).toBe('onTrack');
    expect(ev.responseUsed).toBe(0);
    expect(show(ev.updateDueAt)).toBe('2024-05-15 14:00');
  });

  test('no submission time: nothing measured', () => {
    const ev = evaluate(ticket({ submittedAt: null }), at('2024-05-16 10:00'), policy, cal);
    expect([ev.response, ev.resolution, ev.responseDueAt, ev.resolveDueAt, ev.hints]).toEqual([
      null,
      null,
      null,
      null,
      [],
    ]);
  });
});

describe('sticky breach', () => {
  test('after re-prioritisation a breach stays a breach', () => {
    // 高 submitted Wed 10:00, due 12:00 round the clock; at 12:30 breached.
    const high = ticket({
      urgency: 'high',
      status: 'inProgress',
      tier: 'tier2',
      firstResponseAt: at('2024-05-15 10:10'),
    });
    const ev1 = evaluate(high, at('2024-05-15 12:30'), policy, cal);
    expect(ev1.resolution).toBe('breached');
    const cell = formatSlaStatus(ev1, 'zh');
    expect(cell).toContain('解决：已超时');
    // Someone lowers the urgency to 低: due moves to Fri 16:00, but the cell remembers.
    const low = { ...high, urgency: 'low' as const, slaStatus: cell };
    const ev2 = evaluate(low, at('2024-05-15 12:35'), policy, cal);
    expect(show(ev2.resolveDueAt)).toBe('2024-05-17 16:00');
    expect(ev2.resolution).toBe('breached');
    expect(rowColour(ev2)).toBe('red');
    // Resolved on time by the new target: still missed.
    const done = {
      ...low,
      status: 'resolved' as const,
      resolvedAt: at('2024-05-15 13:00'),
      slaStatus: formatSlaStatus(ev2, 'en'),
    };
    expect(evaluate(done, at('2024-05-15 13:05'), policy, cal).resolution).toBe('missed');
    // Ignoring history (an explicit recalculation) gives the fresh verdicts.
    expect(evaluate(low, at('2024-05-15 12:35'), policy, cal, { previous: null }).resolution).toBe('onTrack');
    expect(evaluate(done, at('2024-05-15 13:05'), policy, cal, { previous: null }).resolution).toBe('met');
  });

  test('after a reopen: paused time excluded, breach sticks', () => {
    // 中 submitted Wed 10:00, resolved 13:00 (3 h used: met), reopened Thu 10:00.
    const resolved = ticket({
      status: 'resolved',
      tier: 'tier2',
      firstResponseAt: at('2024-05-15 10:10'),
      resolvedAt: at('2024-05-15 13:00'),
    });
    const ev0 = evaluate(resolved, at('2024-05-15 14:00'), policy, cal);
    expect(ev0.resolution).toBe('met');
    const pauses = pausesFromStatusHistory([
      { at: at('2024-05-15 10:10'), status: 'inProgress' },
      { at: at('2024-05-15 13:00'), status: 'resolved' },
      { at: at('2024-05-16 10:00'), status: 'inProgress' },
    ]);
    expect(pauses).toEqual([{ from: at('2024-05-15 13:00'), to: at('2024-05-16 10:00') }]);
    // Reopened: resolvedAt still holds the old stamp (ignored while open).
    const reopened = { ...resolved, status: 'inProgress' as const, slaStatus: formatSlaStatus(ev0, 'zh') };
    const ev1 = evaluate(reopened, at('2024-05-16 10:30'), policy, cal, { pauses });
    expect(show(ev1.resolveDueAt)).toBe('2024-05-16 11:00');
    expect(ev1.resolutionUsed).toBeCloseTo(3.5 / 4);
    expect(ev1.resolution).toBe('atRisk');
    // Without the pauses the clock ran through the night: breached.
    expect(evaluate(reopened, at('2024-05-16 10:30'), policy, cal).resolution).toBe('breached');
    // Past the new due time: breached, and it stays so.
    const ev2 = evaluate(reopened, at('2024-05-16 11:01'), policy, cal, { pauses });
    expect(ev2.resolution).toBe('breached');
    const again = {
      ...reopened,
      status: 'resolved' as const,
      resolvedAt: at('2024-05-16 11:30'),
      slaStatus: formatSlaStatus(ev2, 'zh'),
    };
    expect(evaluate(again, at('2024-05-16 12:00'), policy, cal, { pauses }).resolution).toBe('missed');
    // Reopened once more: was breached, so open again is breached even with a generous clock.
    const third = {
      ...again,
      status: 'inProgress' as const,
      urgency: 'low' as const,
      slaStatus: 'Response: Met · Resolution: Missed',
    };
    expect(evaluate(third, at('2024-05-16 12:10'), policy, cal, { pauses }).resolution).toBe('breached');
  });

  test('a clock fix does not undo a missed response', () => {
    const late = ticket({ status: 'inProgress', firstResponseAt: at('2024-05-15 11:30') });
    const ev = evaluate(late, at('2024-05-15 12:00'), policy, cal);
    expect(ev.response).toBe('missed');
    const fixed = { ...late, firstResponseAt: at('2024-05-15 10:30'), slaStatus: formatSlaStatus(ev, 'en') };
    expect(evaluate(fixed, at('2024-05-15 12:05'), policy, cal).response).toBe('missed');
  });

  test('a previous breach survives even when the row can no longer be measured', () => {
    const ev = evaluate(
      ticket({ submittedAt: null, slaStatus: '响应：已超时' }),
      at('2024-05-16 10:00'),
      policy,
      cal,
    );
    expect(ev.response).toBe('breached');
    const closed = evaluate(
      ticket({ submittedAt: null, status: 'closed', slaStatus: '响应：已超时' }),
      at('2024-05-16 10:00'),
      policy,
      cal,
    );
    expect(closed.response).toBe('missed');
  });

  test('an explicit previous summary overrides the cell', () => {
    const t = ticket({ slaStatus: '响应：已超时' });
    const prev: SlaSummary = { response: 'met', resolution: null, hints: [] };
    expect(evaluate(t, at('2024-05-15 10:05'), policy, cal, { previous: prev }).response).toBe('onTrack');
  });

  test('pausesFromStatusHistory ignores a resolution still in force and unsorted input', () => {
    expect(
      pausesFromStatusHistory([
        { at: 50, status: 'resolved' },
        { at: 10, status: 'inProgress' },
        { at: 20, status: 'resolved' },
        { at: 30, status: 'inProgress' },
      ]),
    ).toEqual([{ from: 20, to: 30 }]);
  });
});

describe('hints', () => {
  test('needsEscalation after 30 working minutes on tier 1 (or no tier)', () => {
    expect(evaluate(ticket(), at('2024-05-15 10:30'), policy, cal).hints).toEqual([]);
    expect(evaluate(ticket(), at('2024-05-15 10:31'), policy, cal).hints).toEqual(['needsEscalation']);
    expect(evaluate(ticket({ tier: null }), at('2024-05-15 10:31'), policy, cal).hints).toEqual([
      'needsEscalation',
    ]);
    expect(evaluate(ticket({ tier: 'tier2' }), at('2024-05-15 10:31'), policy, cal).hints).toEqual([]);
    // Working minutes: submitted 17:50, 10 min today, 20 more tomorrow → 09:20.
    const late = ticket({ submittedAt: at('2024-05-15 17:50') });
    expect(show(evaluate(late, at('2024-05-15 20:00'), policy, cal).escalationDueAt)).toBe(
      '2024-05-16 09:20',
    );
    expect(evaluate(late, at('2024-05-16 09:20'), policy, cal).hints).toEqual([]);
    expect(evaluate(late, at('2024-05-16 09:21'), policy, cal).hints).toEqual(['needsEscalation']);
  });

  test('高 on tier 1 needs escalation at once', () => {
    expect(evaluate(ticket({ urgency: 'high' }), at('2024-05-15 10:00'), policy, cal).hints).toEqual([
      'needsEscalation',
    ]);
    const patient = { ...defaultPolicy(), escalateHighImmediately: false };
    expect(evaluate(ticket({ urgency: 'high' }), at('2024-05-15 10:00'), patient, cal).hints).toEqual([]);
    expect(
      evaluate(ticket({ urgency: 'high', tier: 'tier2' }), at('2024-05-15 10:00'), policy, cal).hints,
    ).toEqual([]);
  });

  test('updateOverdue: 2 working hours since the last note; pending counts from submission', () => {
    const t2 = { tier: 'tier2' as const };
    expect(evaluate(ticket(t2), at('2024-05-15 12:00'), policy, cal).hints).toEqual([]);
    expect(evaluate(ticket(t2), at('2024-05-15 12:01'), policy, cal).hints).toEqual(['updateOverdue']);
    const working = ticket({ ...t2, status: 'inProgress', firstResponseAt: at('2024-05-15 10:10') });
    // Work log at 11:00 → next note due 13:00.
    expect(evaluate(working, at('2024-05-15 13:00'), policy, cal, at('2024-05-15 11:00')).hints).toEqual([]);
    expect(evaluate(working, at('2024-05-15 13:01'), policy, cal, at('2024-05-15 11:00')).hints).toEqual([
      'updateOverdue',
    ]);
    expect(
      evaluate(working, at('2024-05-15 13:01'), policy, cal, { lastWorkLogAt: at('2024-05-15 11:00') })
        .updateDueAt,
    ).toBe(at('2024-05-15 13:00'));
    // lastUpdateAt counts too; the night does not: 17:00 + 2 working h = next day 10:00.
    const evening = { ...working, lastUpdateAt: at('2024-05-15 17:00') };
    expect(show(evaluate(evening, at('2024-05-15 22:00'), policy, cal).updateDueAt)).toBe('2024-05-16 10:00');
    expect(evaluate(evening, at('2024-05-16 09:59'), policy, cal).hints).toEqual([]);
    // A note stamped in the future (clock skew) is ignored rather than trusted.
    expect(evaluate(working, at('2024-05-15 12:30'), policy, cal, at('2024-05-15 18:00')).hints).toEqual([
      'updateOverdue',
    ]);
  });

  test('a reopen restarts the update clock', () => {
    const pauses = [{ from: at('2024-05-15 13:00'), to: at('2024-05-16 10:00') }];
    const t = ticket({
      tier: 'tier2',
      status: 'inProgress',
      firstResponseAt: at('2024-05-15 10:10'),
      resolvedAt: at('2024-05-15 13:00'),
    });
    expect(show(evaluate(t, at('2024-05-16 10:30'), policy, cal, { pauses }).updateDueAt)).toBe(
      '2024-05-16 12:00',
    );
  });

  test('no hints once resolved or closed', () => {
    for (const status of ['resolved', 'closed'] as const) {
      const ev = evaluate(
        ticket({ status, resolvedAt: at('2024-05-15 13:00') }),
        at('2024-05-16 13:00'),
        policy,
        cal,
      );
      expect(ev.hints).toEqual([]);
      expect(ev.escalationDueAt).toBeNull();
      expect(ev.updateDueAt).toBeNull();
      expect(ev.nextChangeAt).toBeNull();
    }
  });

  test('nextChangeAt: the next instant the evaluation changes by time alone', () => {
    // 中 on tier 1 at 10:10: response turns at risk at 10:45, escalation at 10:30:01 → earliest.
    const ev = evaluate(ticket(), at('2024-05-15 10:10'), policy, cal);
    expect(ev.nextChangeAt).toBe(at('2024-05-15 10:30') + 1);
    const t2 = evaluate(ticket({ tier: 'tier2' }), at('2024-05-15 10:10'), policy, cal);
    expect(show(t2.nextChangeAt)).toBe('2024-05-15 10:45');
    // Evaluating at that instant changes the state.
    expect(evaluate(ticket({ tier: 'tier2' }), t2.nextChangeAt!, policy, cal).response).toBe('atRisk');
  });
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = Date.parse('2024-05-15T10:00:00+08:00');

const STATUSES: (Status | null)[] = ['pending', 'inProgress', 'resolved', 'closed', null];
const URGENCIES: (Urgency | null)[] = ['high', 'medium', 'low', null];
const STATES: (SlaState | null)[] = ['onTrack', 'atRisk', 'breached', 'met', 'missed', null];

function randomCase(rnd: () => number): { t: SlaTicket; ctx: SlaContext } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const maybe = (p: number, v: () => number): number | null => (rnd() < p ? v() : null);
  // Whole minutes, so that some targets are done exactly at their due instant (met, not missed).
  const submittedAt = rnd() < 0.05 ? null : NOW - Math.floor(rnd() * 60 * 24 * 60) * MINUTE;
  const after = (h: number) => (submittedAt ?? NOW) + Math.floor(rnd() * h * 60) * MINUTE;
  const t: SlaTicket = {
    urgency: pick(URGENCIES),
    submittedAt,
    status: pick(STATUSES),
    tier: pick(['tier1', 'tier2', null] as const),
    firstResponseAt: maybe(0.6, () => after(8)),
    resolvedAt: maybe(0.7, () => after(80)),
    lastUpdateAt: maybe(0.5, () => after(40)),
    slaStatus: '',
  };
  const pause = () => {
    const from = after(60);
    return { from, to: from + Math.floor(rnd() * 20 * 60) * MINUTE };
  };
  const wait: WaitState | null =
    rnd() < 0.3
      ? {
          current:
            rnd() < 0.5
              ? { kind: pick(['requester', 'vendor'] as const), since: after(60), liaison: '' }
              : null,
          periods: Array.from({ length: Math.floor(rnd() * 3) }, () => ({
            kind: 'vendor' as const,
            ...pause(),
          })),
        }
      : null;
  const ctx: SlaContext = {
    lastWorkLogAt: maybe(0.3, () => after(30)),
    previous: rnd() < 0.3 ? undefined : { response: pick(STATES), resolution: pick(STATES), hints: [] },
    pauses: rnd() < 0.3 ? Array.from({ length: 1 + Math.floor(rnd() * 2) }, pause) : undefined,
    wait,
  };
  return { t, ctx };
}

const outcome = (f: () => { response: SlaState | null; resolution: SlaState | null }) => {
  try {
    const r = f();
    return { response: r.response, resolution: r.resolution };
  } catch (e) {
    return { error: String(e) };
  }
};

describe('slaStates', () => {
  it.each([
    ['working hours', defaultCalendar(zone)],
    // No working day at all: every working-hours clock throws, in both.
    ['a calendar without working time', { ...defaultCalendar(zone), workDays: [] } as CalendarSettings],
  ])('gives evaluate’s states on random tickets (%s)', (_name, cal) => {
    const rnd = prng(19);
    let done = 0;
    for (let i = 0; i < 1000; i++) {
      const { t, ctx } = randomCase(rnd);
      if (t.status === 'resolved' || t.status === 'closed') done++;
      expect(outcome(() => slaStates(t, NOW, policy, cal, ctx))).toEqual(
        outcome(() => evaluate(t, NOW, policy, cal, ctx)),
      );
    }
    expect(done).toBeGreaterThan(300); // the fast path (done tickets) is what most cases exercise
  });

  it('reads the earlier states from the SLA状态 text when no context says otherwise', () => {
    const cal = defaultCalendar(zone);
    const t: SlaTicket = {
      urgency: 'medium',
      submittedAt: NOW - 10 * HOUR,
      status: 'closed',
      tier: 'tier1',
      firstResponseAt: NOW - 9.9 * HOUR,
      resolvedAt: NOW - 9.8 * HOUR,
      lastUpdateAt: null,
      // Breached while it was open: missed now that it is done, though it responded in time.
      slaStatus: formatSlaStatus({ response: 'breached', resolution: 'onTrack', hints: [] }, 'zh'),
    };
    expect(slaStates(t, NOW, policy, cal)).toEqual({ response: 'missed', resolution: 'met' });
    expect(slaStates(t, NOW, policy, cal)).toEqual({
      response: evaluate(t, NOW, policy, cal).response,
      resolution: evaluate(t, NOW, policy, cal).resolution,
    });
  });

  it('counts a target done at its due instant as met, a millisecond later as missed', () => {
    const cal = defaultCalendar(zone);
    const base: SlaTicket = {
      urgency: 'medium',
      submittedAt: NOW - 30 * HOUR,
      status: 'resolved',
      tier: 'tier1',
      firstResponseAt: null,
      resolvedAt: null,
      lastUpdateAt: null,
      slaStatus: '',
    };
    const due = dueTimes(base, policy, cal);
    const at = (ms: number) =>
      slaStates(
        { ...base, firstResponseAt: due.responseDueAt! + ms, resolvedAt: due.resolveDueAt! + ms },
        NOW,
        policy,
        cal,
      );
    expect(at(0)).toEqual({ response: 'met', resolution: 'met' });
    expect(at(1)).toEqual({ response: 'missed', resolution: 'missed' });
  });
});
