import { defaultCalendar } from '../../src/domain/calendar';
import { SLA_LABELS, type SlaHint, type SlaState, type Urgency } from '../../src/domain/schema';
import {
  alertsFor,
  defaultPolicy,
  dueTimes,
  evaluate,
  formatAlertKeys,
  formatSlaStatus,
  overallState,
  parseAlertKeys,
  parseSlaStatus,
  pausesFromStatusHistory,
  policyProblems,
  rowColour,
  SLA_CF_WORDS,
  SLA_TARGET_LABELS,
  type SlaSummary,
  type SlaTicket,
} from '../../src/domain/sla';
import { formatLocal, fromLocal, intlZone } from '../../src/domain/zone';

const MIN = 60_000;
const zone = intlZone('Asia/Shanghai');
const cal = defaultCalendar(zone);
const policy = defaultPolicy();

/** Local `yyyy-MM-dd HH:mm` in Shanghai. 2024-05-15 is a Wednesday. */
function at(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(s);
  if (!m) throw new Error(s);
  return fromLocal({ year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5] }, zone);
}
const show = (ms: number | null): string | null => (ms === null ? null : formatLocal(ms, zone, 'minute'));

function ticket(p: Partial<SlaTicket> = {}): SlaTicket {
  return {
    urgency: 'medium',
    submittedAt: at('2024-05-15 10:00'),
    status: 'pending',
    tier: 'tier1',
    firstResponseAt: null,
    resolvedAt: null,
    lastUpdateAt: null,
    slaStatus: '',
    ...p,
  };
}

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

describe('SLA状态 text', () => {
  const STATES: Array<SlaState | null> = [null, 'onTrack', 'atRisk', 'breached', 'met', 'missed'];
  const HINT_SETS: SlaHint[][] = [
    [],
    ['needsEscalation'],
    ['updateOverdue'],
    ['needsEscalation', 'updateOverdue'],
  ];

  test('examples in both languages', () => {
    const ev: SlaSummary = { response: 'met', resolution: 'atRisk', hints: ['needsEscalation'] };
    expect(formatSlaStatus(ev, 'zh')).toBe('响应：已达成 · 解决：有风险 · 需升级');
    expect(formatSlaStatus(ev, 'en')).toBe('Response: Met · Resolution: At risk · Needs escalation');
    expect(formatSlaStatus({ response: null, resolution: null, hints: [] }, 'zh')).toBe('');
  });

  test('round trip of every combination, both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const response of STATES) {
        for (const resolution of STATES) {
          for (const hints of HINT_SETS) {
            const s: SlaSummary = { response, resolution, hints };
            expect(parseSlaStatus(formatSlaStatus(s, lang))).toEqual(s);
          }
        }
      }
    }
  });

  test('tolerant parsing', () => {
    expect(parseSlaStatus('响应:已达成 解决:有风险 需升级')).toEqual({
      response: 'met',
      resolution: 'atRisk',
      hints: ['needsEscalation'],
    });
    expect(parseSlaStatus('RESPONSE: BREACHED | resolution=on-track, update overdue')).toEqual({
      response: 'breached',
      resolution: 'onTrack',
      hints: ['updateOverdue'],
    });
    expect(parseSlaStatus('解决：已超时；响应：已达成')).toEqual({
      response: 'met',
      resolution: 'breached',
      hints: [],
    });
    expect(parseSlaStatus('  Resolution:missed  ')).toEqual({
      response: null,
      resolution: 'missed',
      hints: [],
    });
    expect(parseSlaStatus('响应：未达成')).toEqual({ response: 'missed', resolution: null, hints: [] });
    expect(parseSlaStatus('ＲＥＳＰＯＮＳＥ：ＭＥＴ')).toEqual({
      response: 'met',
      resolution: null,
      hints: [],
    });
  });

  test('mangled text gives nulls, never throws', () => {
    const junk: unknown[] = [
      '',
      null,
      undefined,
      42,
      {},
      [],
      new Date(0),
      '响应：',
      'Response: ???',
      '解决：已超',
      '已超时', // a state without its target
      'met',
      '=SUM(A1)',
      '\u0000\uffff',
      'Response Resolution',
    ];
    for (const j of junk) {
      const p = parseSlaStatus(j);
      expect(p.response).toBeNull();
      expect(p.resolution).toBeNull();
    }
    // Random cuts of valid text never throw.
    const full =
      formatSlaStatus(
        { response: 'breached', resolution: 'atRisk', hints: ['needsEscalation', 'updateOverdue'] },
        'en',
      ) + formatSlaStatus({ response: 'missed', resolution: 'met', hints: ['updateOverdue'] }, 'zh');
    for (let i = 0; i < full.length; i++)
      for (let j = i; j <= full.length; j += 3) expect(() => parseSlaStatus(full.slice(i, j))).not.toThrow();
  });

  test('conditional-formatting words are distinctive substrings', () => {
    const others = (word: string): string[] =>
      [
        ...Object.entries(SLA_LABELS).flatMap(([, v]) => [v.zh, v.en]),
        ...Object.values(SLA_TARGET_LABELS).flatMap((v) => [v.zh, v.en]),
      ].filter((label) => label.toLowerCase() !== word.toLowerCase());
    for (const word of [...SLA_CF_WORDS.red, ...SLA_CF_WORDS.amber]) {
      for (const other of others(word)) expect(other.toLowerCase()).not.toContain(word.toLowerCase());
    }
    // Each formatted cell contains a red word exactly when rowColour says red, an amber word
    // exactly when something is at risk.
    for (const lang of ['zh', 'en'] as const) {
      for (const response of STATES) {
        for (const resolution of STATES) {
          const s: SlaSummary = { response, resolution, hints: ['needsEscalation', 'updateOverdue'] };
          const text = formatSlaStatus(s, lang).toLowerCase();
          const hasRed = SLA_CF_WORDS.red.some((w) => text.includes(w.toLowerCase()));
          const hasAmber = SLA_CF_WORDS.amber.some((w) => text.includes(w.toLowerCase()));
          expect(hasRed).toBe(response === 'breached' || resolution === 'breached');
          expect(hasAmber).toBe(response === 'atRisk' || resolution === 'atRisk');
          expect(rowColour(s)).toBe(hasRed ? 'red' : hasAmber ? 'amber' : null);
        }
      }
    }
  });
});

describe('rowColour and overallState', () => {
  const s = (response: SlaState | null, resolution: SlaState | null): SlaSummary => ({
    response,
    resolution,
    hints: [],
  });
  test('rowColour', () => {
    expect(rowColour(s('breached', 'met'))).toBe('red');
    expect(rowColour(s('atRisk', 'breached'))).toBe('red');
    expect(rowColour(s('met', 'atRisk'))).toBe('amber');
    expect(rowColour(s('missed', 'onTrack'))).toBeNull();
    expect(rowColour({ response: 'met', resolution: 'onTrack', hints: ['updateOverdue'] })).toBeNull();
    expect(rowColour(s(null, null))).toBeNull();
  });
  test('overallState: breached > missed > atRisk > onTrack > met', () => {
    expect(overallState(s('met', 'breached'))).toBe('breached');
    expect(overallState(s('missed', 'atRisk'))).toBe('missed');
    expect(overallState(s('atRisk', 'onTrack'))).toBe('atRisk');
    expect(overallState(s('met', 'onTrack'))).toBe('onTrack');
    expect(overallState(s('met', 'met'))).toBe('met');
    expect(overallState(s(null, 'met'))).toBe('met');
    expect(overallState(s('missed', null))).toBe('missed');
    expect(overallState(s(null, null))).toBeNull();
  });
});

describe('alerts', () => {
  const s = (response: SlaState | null, resolution: SlaState | null, hints: SlaHint[] = []): SlaSummary => ({
    response,
    resolution,
    hints,
  });

  test('at risk → assignee, once', () => {
    const a = alertsFor([], s('met', 'atRisk'));
    expect(a.alerts).toEqual([
      { key: 'resolution:atRisk', target: 'resolution', state: 'atRisk', hint: null, to: ['assignee'] },
    ]);
    expect(a.sent).toEqual(['resolution:atRisk']);
    expect(alertsFor(a.sent, s('met', 'atRisk')).alerts).toEqual([]);
  });

  test('breach → assignee, tier 2 and lead; no late at-risk mail', () => {
    const a = alertsFor(['resolution:atRisk'], s('met', 'breached'));
    expect(a.alerts.map((x) => [x.key, x.to])).toEqual([
      ['resolution:breached', ['assignee', 'tier2', 'lead']],
    ]);
    const jump = alertsFor([], s('breached', 'onTrack'));
    expect(jump.alerts.map((x) => x.key)).toEqual(['response:breached']);
    expect(jump.sent).toEqual(['response:atRisk', 'response:breached']);
    expect(alertsFor(jump.sent, s('breached', 'onTrack')).alerts).toEqual([]);
  });

  test('hints, done states and the stored string', () => {
    const a = alertsFor('', s('onTrack', 'onTrack', ['needsEscalation', 'updateOverdue']));
    expect(a.alerts.map((x) => [x.key, x.to])).toEqual([
      ['needsEscalation', ['tier2']],
      ['updateOverdue', ['assignee']],
    ]);
    expect(alertsFor([], s('met', 'missed')).alerts).toEqual([]);
    const stored = formatAlertKeys(a.sent);
    expect(stored).toBe('needsEscalation,updateOverdue');
    expect(parseAlertKeys(stored)).toEqual(a.sent);
    expect(alertsFor(stored, s('onTrack', 'onTrack', ['updateOverdue'])).alerts).toEqual([]);
    expect(parseAlertKeys('junk, response:atRisk;;x')).toEqual(['response:atRisk']);
    expect(parseAlertKeys(null)).toEqual([]);
  });
});
