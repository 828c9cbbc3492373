// Waiting states (issue 18): the record segment, the minutes spent waiting, and the SLA clocks
// that stop while a ticket waits (resolution, escalation, update; never first response).
import { defaultCalendar, workingTimeBetween, type CalendarSettings } from '../../src/domain/calendar';
import { buildReview } from '../../src/domain/review';
import { requesterAnswered } from '../../src/domain/waitActions';
import { formatRecord, parseRecord } from '../../src/domain/record';
import { defaultPolicy, evaluate, formatSlaStatus, parseSlaStatus, rowColour, type SlaTicket } from '../../src/domain/sla';
import { blankTicket } from '../../src/domain/ticket';
import { agentTier, tier2Agents } from '../../src/domain/tiers';
import {
  formatWaitSegment,
  noWait,
  parseWaitKind,
  parseWaitSegment,
  startWait,
  stopWait,
  ticketWaitingMinutes,
  waitLabel,
  waitOf,
  waitingMinutes,
  type WaitState,
} from '../../src/domain/waiting';
import { formatLocal, fromLocal, intlZone } from '../../src/domain/zone';

const zone = intlZone('Asia/Shanghai');
const cal = defaultCalendar(zone);
const policy = defaultPolicy();

/** Local `yyyy-MM-dd HH:mm` in Shanghai. 2024-05-15 is a Wednesday, 2024-05-17 a Friday. */
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
    status: 'inProgress',
    tier: 'tier1',
    firstResponseAt: at('2024-05-15 10:05'),
    resolvedAt: null,
    lastUpdateAt: null,
    slaStatus: '',
    ...p,
  };
}

const ended = (kind: 'requester' | 'vendor', from: string, to: string) => ({ kind, from: at(from), to: at(to) });
const waits = (periods: ReturnType<typeof ended>[], current: WaitState['current'] = null): WaitState => ({ current, periods });

describe('the record segment', () => {
  test('round trip, a liaison with any characters, periods in order', () => {
    let w = startWait(noWait(), 'requester', at('2024-05-15 11:00'));
    w = stopWait(w, at('2024-05-15 12:00'));
    w = startWait(w, 'vendor', at('2024-05-15 13:00'), '王 五|~;,%\n');
    const text = formatWaitSegment(w);
    expect(text).not.toMatch(/[|\s]/);
    expect(parseWaitSegment(text)).toEqual(w);
    expect(w.periods).toEqual([ended('requester', '2024-05-15 11:00', '2024-05-15 12:00')]);
    expect(w.current).toEqual({ kind: 'vendor', since: at('2024-05-15 13:00'), liaison: '王 五|~;,%\n' });
    expect(formatWaitSegment(noWait())).toBe('');
  });

  test('switching from one wait to another ends the first', () => {
    const w = startWait(startWait(noWait(), 'requester', 1000), 'vendor', 5000, 'Li');
    expect(w.periods).toEqual([{ kind: 'requester', from: 1000, to: 5000 }]);
    expect(w.current?.kind).toBe('vendor');
    expect(stopWait(noWait(), 9000)).toEqual(noWait());
  });

  test('unreadable segments read as never waited, never throw', () => {
    for (const bad of [undefined, 42, '', 'x', ';', 'q12;', 'r;', 'v1~%E0%A4%A;', ';r5-3', ';r1-', 'rzzzzzzzzzzzzzzz;']) {
      const w = parseWaitSegment(bad);
      expect(w.periods.every((p) => p.to !== null && p.to >= p.from)).toBe(true);
    }
    expect(parseWaitSegment('v1~%E0%A4%A;').current).toEqual({ kind: 'vendor', since: 1, liaison: '' });
    expect(parseWaitSegment(';r5-3,r1-2,junk').periods).toEqual([{ kind: 'requester', from: 1, to: 2 }]);
  });

  test('in the hidden record: old records read as never waited; the own segment is kept, another ticket\'s is not', () => {
    const tk = { ...blankTicket(), id: 'IT20240515001', status: 'inProgress' as const };
    const old = formatRecord(tk);
    expect(old.split('|')).toHaveLength(4);
    expect(parseRecord(old)?.wait).toBe('');
    const seg = formatWaitSegment(startWait(noWait(), 'vendor', at('2024-05-15 11:00'), 'Li Lei'));
    const rec = formatRecord(tk, seg);
    expect(parseRecord(rec)).toMatchObject({ id: tk.id, status: 'inProgress', wait: seg });
    // Written again from the row (no segment given): the row's own record keeps it.
    expect(formatRecord({ ...tk, record: rec })).toBe(rec);
    expect(waitOf({ ...tk, record: rec }).current?.liaison).toBe('Li Lei');
    // A record a sort left behind on this row belongs to another ticket: not carried over.
    const other = formatRecord({ ...tk, id: 'IT20240515002' }, seg);
    expect(parseRecord(formatRecord({ ...tk, record: other }))?.wait).toBe('');
    expect(waitOf({ ...tk, record: other })).toEqual(noWait());
    expect(parseRecord(`${rec}|x`)).toBeNull();
  });

  test('waitOf reads the segment wherever the record has one, spaces around the record aside', () => {
    const tk = { ...blankTicket(), id: 'IT20240515001', status: 'inProgress' as const };
    const seg = formatWaitSegment(startWait(noWait(), 'requester', at('2024-05-15 11:00')));
    const rec = formatRecord(tk, seg);
    // Surrounding spaces: the record is still read (parseRecord trims).
    expect(waitOf({ ...tk, record: `  ${rec}\n` }).current?.since).toBe(at('2024-05-15 11:00'));
    // No segment, an empty one, or one of spaces: never waited.
    for (const record of [formatRecord(tk), `${formatRecord(tk)}|`, `${formatRecord(tk)}|  `, '', 'junk', `${rec}|x`])
      expect(waitOf({ ...tk, record })).toEqual(noWait());
  });
});

describe('waitingMinutes', () => {
  test('working hours only: Friday 17:00 to Monday 10:00 is two hours', () => {
    const w = waits([ended('requester', '2024-05-17 17:00', '2024-05-20 10:00')]);
    expect(waitingMinutes(w, at('2024-05-21 00:00'), cal)).toBe(120);
    expect(waitingMinutes(w, at('2024-05-21 00:00'), cal, '24x7')).toBe(65 * 60);
  });

  test('a holiday counts nothing', () => {
    const holiday: CalendarSettings = { ...cal, holidays: ['2024-05-20'] };
    const w = waits([ended('vendor', '2024-05-17 17:00', '2024-05-21 10:00')]);
    expect(waitingMinutes(w, at('2024-05-22 00:00'), holiday)).toBe(120);
  });

  test('several periods, overlaps counted once, the running one up to now, by kind', () => {
    const w = waits(
      [ended('requester', '2024-05-15 09:00', '2024-05-15 10:00'), ended('vendor', '2024-05-15 09:30', '2024-05-15 11:00')],
      { kind: 'vendor', since: at('2024-05-15 14:00'), liaison: 'Li' },
    );
    expect(waitingMinutes(w, at('2024-05-15 15:30'), cal)).toBe(120 + 90);
    expect(waitingMinutes(w, at('2024-05-15 15:30'), cal, 'working', 'requester')).toBe(60);
    expect(waitingMinutes(w, at('2024-05-15 15:30'), cal, 'working', 'vendor')).toBe(90 + 90);
    // Periods after now do not count yet.
    expect(waitingMinutes(w, at('2024-05-15 09:15'), cal)).toBe(15);
    expect(ticketWaitingMinutes(w, at('2024-05-15 15:30'), cal)).toBe(210);
    const tk = { id: 'IT1', record: formatRecord({ ...blankTicket(), id: 'IT1' }, formatWaitSegment(w)) };
    expect(ticketWaitingMinutes(tk, at('2024-05-15 15:30'), cal)).toBe(210);
    expect(ticketWaitingMinutes({ id: 'IT1', record: '' }, at('2024-05-15 15:30'), cal)).toBe(0);
  });
});

describe('SLA clocks while waiting', () => {
  test('an ended wait moves the resolution due time; without it the ticket would be breached', () => {
    const w = waits([ended('requester', '2024-05-15 11:00', '2024-05-15 13:00')]);
    const now = at('2024-05-15 14:30');
    expect(evaluate(ticket(), now, policy, cal).resolution).toBe('breached');
    const ev = evaluate(ticket(), now, policy, cal, { wait: w });
    expect(ev.resolution).toBe('onTrack');
    expect(show(ev.resolveDueAt)).toBe('2024-05-15 16:00');
    expect(ev.resolutionUsed).toBeCloseTo(2.5 / 4);
    expect(ev.waiting).toBeNull();
  });

  test('a running wait freezes resolution and update; SLA状态 says so; nothing changes by time alone', () => {
    const w = waits([], { kind: 'requester', since: at('2024-05-15 12:00'), liaison: '' });
    const now = at('2024-05-16 17:00');
    // Tier 2: no escalation hint (it stopped at 30 working minutes of a tier-1 ticket either way).
    const tk = ticket({ tier: 'tier2' });
    const without = evaluate(tk, now, policy, cal);
    expect(without.resolution).toBe('breached');
    expect(without.hints).toContain('updateOverdue');
    const ev = evaluate(tk, now, policy, cal, { wait: w });
    expect(ev.resolution).toBe('onTrack');
    expect(ev.hints).toEqual([]);
    expect(ev.waiting).toBe('requester');
    expect(ev.nextChangeAt).toBeNull();
    // The due times are "if the wait ended now": 2 working hours left from now.
    expect(show(ev.resolveDueAt)).toBe('2024-05-17 10:00');
    expect(formatSlaStatus(ev, 'zh')).toBe('响应：已达成 · 解决：正常 · 等待中（提交人）');
    expect(formatSlaStatus({ ...ev, waiting: 'vendor' }, 'en')).toBe('Response: Met · Resolution: On track · Waiting (vendor)');
    // The cell text still parses (sticky breach history), and the row is not coloured by waiting.
    expect(parseSlaStatus(formatSlaStatus(ev, 'zh'))).toEqual({ response: 'met', resolution: 'onTrack', hints: [] });
    expect(rowColour(ev)).toBeNull();
  });

  test('first response keeps running while waiting', () => {
    const w = waits([], { kind: 'vendor', since: at('2024-05-15 10:10'), liaison: 'Li' });
    const ev = evaluate(ticket({ status: 'pending', firstResponseAt: null }), at('2024-05-15 11:30'), policy, cal, { wait: w });
    expect(ev.response).toBe('breached');
    expect(ev.resolution).toBe('onTrack');
    expect(ev.nextChangeAt).toBeNull();
  });

  test('a target breached before the wait began stays breached', () => {
    const w = waits([], { kind: 'requester', since: at('2024-05-15 15:00'), liaison: '' });
    const ev = evaluate(ticket({ tier: 'tier2' }), at('2024-05-16 12:00'), policy, cal, { wait: w });
    expect(ev.resolution).toBe('breached');
    expect(ev.hints).toEqual(['updateOverdue']);
    expect(formatSlaStatus(ev, 'en')).toContain('Waiting (requester)');
  });

  test('across a weekend and a holiday: Friday 16:00, waiting Friday 17:00 to Tuesday 10:00, Monday a holiday', () => {
    const holiday: CalendarSettings = { ...cal, holidays: ['2024-05-20'] };
    const tk = ticket({ submittedAt: at('2024-05-17 16:00'), firstResponseAt: at('2024-05-17 16:10') });
    const w = waits([ended('vendor', '2024-05-17 17:00', '2024-05-21 10:00')]);
    expect(show(evaluate(tk, at('2024-05-17 16:30'), policy, holiday).resolveDueAt)).toBe('2024-05-21 11:00');
    const ev = evaluate(tk, at('2024-05-21 12:00'), policy, holiday, { wait: w });
    // One working hour on Friday, three from Tuesday 10:00.
    expect(show(ev.resolveDueAt)).toBe('2024-05-21 13:00');
    expect(ev.resolution).toBe('atRisk');
    expect(evaluate(tk, at('2024-05-21 12:00'), policy, holiday).resolution).toBe('breached');
    // The update clock: 2 working hours from the last note (16:10) not counting the wait.
    expect(show(ev.updateDueAt)).toBe('2024-05-21 11:10');
    expect(ev.hints).toContain('updateOverdue');
  });

  test('several waits add up; escalation stops too', () => {
    const tk = ticket({ urgency: 'low' });
    const w = waits([ended('requester', '2024-05-15 10:10', '2024-05-15 11:00'), ended('vendor', '2024-05-15 13:00', '2024-05-16 09:00')]);
    const ev = evaluate(tk, at('2024-05-16 09:30'), policy, cal, { wait: w });
    // Escalation hint after 30 working minutes: 10:00–10:10 and 11:00–11:20.
    expect(show(ev.escalationDueAt)).toBe('2024-05-15 11:20');
    // 24 working hours: 2h10 used before 13:00 (10:00–10:10, 11:00–13:00); the rest from 09:00 the 16th.
    expect(ev.resolutionUsed).toBeCloseTo((130 + 30) / (24 * 60));
    expect(show(ev.resolveDueAt)).toBe('2024-05-20 12:50');
  });

  test('a wait that outlasts the resolution counts only up to it; a resolved ticket is not waiting', () => {
    const w = waits([], { kind: 'requester', since: at('2024-05-15 11:00'), liaison: '' });
    const tk = ticket({ status: 'resolved', resolvedAt: at('2024-05-15 15:00') });
    const ev = evaluate(tk, at('2024-05-17 12:00'), policy, cal, { wait: w });
    expect(ev.resolution).toBe('met');
    expect(ev.waiting).toBeNull();
    expect(ev.resolutionUsed).toBeCloseTo(1 / 4);
    expect(evaluate(tk, at('2024-05-17 12:00'), policy, cal).resolution).toBe('missed');
  });
});

describe('labels, kinds and tiers', () => {
  test('the visible cell', () => {
    expect(waitLabel(null, 'zh')).toBe('');
    expect(waitLabel(startWait(noWait(), 'requester', 1), 'zh')).toBe('等待提交人');
    expect(waitLabel(startWait(noWait(), 'vendor', 1, '王五'), 'zh')).toBe('等待厂商（接口人：王五）');
    expect(waitLabel(startWait(noWait(), 'vendor', 1, 'Li'), 'en')).toBe('Waiting for vendor (liaison: Li)');
  });

  test('kinds from a client: only the two codes', () => {
    expect(parseWaitKind('requester')).toBe('requester');
    expect(parseWaitKind('vendor')).toBe('vendor');
    for (const bad of ['Vendor', 'customer', '', null, 1, ['vendor'], { kind: 'vendor' }, '__proto__']) expect(parseWaitKind(bad)).toBeNull();
  });

  test('agent tiers', () => {
    const agents = [
      { name: '张工', tier: 'tier1' as const },
      { name: '李工程师', tier: 'tier2' as const },
    ];
    expect(agentTier(agents, ' 李工程师 ')).toBe('tier2');
    expect(agentTier(agents, '张工')).toBe('tier1');
    expect(agentTier(agents, '谁')).toBeNull();
    expect(agentTier(agents, '')).toBeNull();
    expect(tier2Agents(agents).map((a) => a.name)).toEqual(['李工程师']);
  });
});

describe('a requester\'s answer (for the verification page and replies)', () => {
  const base = { ...blankTicket(), id: 'IT20240515001', status: 'inProgress' as const, workLog: '2024-05-15 10:00 张工: 已受理' };
  const log = (text: string) => `${base.workLog}\n2024-05-15 14:00 小明: ${text}`;
  test('ends a wait for the requester, with a log line, the 等待 cell and the record', () => {
    const tk = { ...base, waiting: '等待提交人', record: formatRecord(base, formatWaitSegment(startWait(noWait(), 'requester', at('2024-05-15 11:00')))) };
    const c = requesterAnswered(tk, at('2024-05-15 14:00'), 'zh', log)!;
    expect(c.waiting).toBe('');
    expect(c.workLog).toBe('2024-05-15 10:00 张工: 已受理\n2024-05-15 14:00 小明: 提交人已答复，结束等待提交人');
    expect(c.lastUpdateAt).toBe(at('2024-05-15 14:00'));
    expect(waitOf({ id: tk.id, record: c.record! })).toEqual({ current: null, periods: [ended('requester', '2024-05-15 11:00', '2024-05-15 14:00')] });
  });

  test('leaves a vendor wait and a ticket not waiting alone', () => {
    const vendor = { ...base, record: formatRecord(base, formatWaitSegment(startWait(noWait(), 'vendor', at('2024-05-15 11:00'), 'Li'))) };
    expect(requesterAnswered(vendor, at('2024-05-15 14:00'), 'zh', log)).toBeNull();
    expect(requesterAnswered(base, at('2024-05-15 14:00'), 'zh', log)).toBeNull();
  });
});

describe('the weekly review', () => {
  test('reports working hours waited within the week, by kind, and tickets still waiting', () => {
    const week = { year: 2024, week: 20 }; // 2024-05-13 .. 05-19
    const mk = (id: string, w: WaitState) => {
      const tk = { ...blankTicket(), id, status: 'inProgress' as const, submittedAt: at('2024-05-10 10:00'), urgency: 'medium' as const };
      return { ...tk, record: formatRecord(tk, formatWaitSegment(w)) };
    };
    const tickets = [
      // Friday 17:00 of the week before to Monday 11:00: only Monday's two hours count.
      mk('IT1', waits([ended('requester', '2024-05-10 17:00', '2024-05-13 11:00')])),
      mk('IT2', waits([ended('vendor', '2024-05-15 09:00', '2024-05-15 12:00')], { kind: 'vendor', since: at('2024-05-17 17:00'), liaison: 'Li' })),
      mk('IT3', noWait()),
    ];
    const review = buildReview({
      week,
      zone,
      tickets,
      audit: [],
      now: at('2024-05-21 10:00'),
      workingMs: (a, b) => workingTimeBetween(cal, a, b),
      sla: () => ({ response: null, resolution: null }),
      knowledge: [],
      lang: 'zh',
    });
    expect(review.figures.waiting).toEqual({ requester: { tickets: 1, hours: 2 }, vendor: { tickets: 1, hours: 4 }, atEnd: 1 });
    const section = review.sections.find((s) => s.key === 'waiting')!;
    expect(section.title).toBe('等待时间');
    expect(section.table.rows).toEqual([
      ['等待提交人', 1, 2],
      ['等待厂商', 1, 4],
      ['周末仍在等待', 1, null],
    ]);
    // A tracker that never used waiting states keeps its review unchanged.
    const plain = buildReview({ week, zone, tickets: [tickets[2]], audit: [], now: at('2024-05-21 10:00'), workingMs: () => 0, sla: () => ({ response: null, resolution: null }), knowledge: [], lang: 'en' });
    expect(plain.sections.map((s) => s.key)).not.toContain('waiting');
    expect(plain.figures).not.toHaveProperty('waiting');
  });
});
