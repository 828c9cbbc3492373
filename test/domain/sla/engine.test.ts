// The engine's slaStates (the weekly review's per-ticket SLA states) must give exactly evaluate's response and
// resolution states, and throw where evaluate throws: random tickets, open and done, with reopen
// pauses, waiting periods and earlier states, on working-hours and round-the-clock targets.
import { defaultCalendar, type CalendarSettings } from '../../../src/domain/calendar';
import type { SlaState, Status, Urgency } from '../../../src/domain/schema';
import {
  defaultPolicy,
  dueTimes,
  evaluate,
  formatSlaStatus,
  slaStates,
  type SlaContext,
  type SlaTicket,
} from '../../../src/domain/sla';
import type { WaitState } from '../../../src/domain/waiting';
import { intlZone } from '../../../src/domain/zone';
import { prng } from '../../../bench/generate';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = Date.parse('2024-05-15T10:00:00+08:00');
const zone = intlZone('Asia/Shanghai');
const policy = defaultPolicy();

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
