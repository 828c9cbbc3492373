// The business-hours SLA maths against an independent minute-by-minute brute force (Intl only)
// over seeded random cases, and the edge cases that brute force and review found.
import {
  addWorkingTime,
  isWorkingInstant,
  workingTimeBetween,
  defaultCalendar,
  type CalendarSettings,
} from '../../src/domain/calendar';
import { defaultPolicy, evaluate, type ClockPause, type SlaTicket } from '../../src/domain/sla';
import { parseSettings, parseWorkDays } from '../../src/domain/settings';
import type { Status, Urgency } from '../../src/domain/schema';
import { formatLocal, fromLocal, intlZone } from '../../src/domain/zone';
import { calendarOf, policyOf } from '../../src/app/slaContext';
import { utilitiesZone } from '../../src/gas/zone';
import { LocalUtilities } from '../../runtime/services/utilities';
import { testContext } from '../runtime/services/helpers';
import { prng } from '../../bench/generate';

const MIN = 60_000;
const H = 60 * MIN;


// ---------------------------------------------------------------------------------------------
// Oracle: local wall time from Intl directly, one minute at a time.

const fmts = new Map<string, Intl.DateTimeFormat>();
function wall(ms: number, tz: string): { date: string; mod: number; wd: number } {
  let f = fmts.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    fmts.set(tz, f);
  }
  const p: Record<string, string> = {};
  for (const x of f.formatToParts(new Date(ms))) p[x.type] = x.value;
  const wd = ({ Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 } as Record<string, number>)[p.weekday];
  return { date: `${p.year}-${p.month}-${p.day}`, mod: Number(p.hour) * 60 + Number(p.minute), wd };
}

interface OCal {
  tz: string;
  workDays: number[];
  start: number;
  end: number;
  breaks: Array<[number, number]>;
  holidays: string[];
  extra: string[];
}
function oWorking(o: OCal, ms: number): boolean {
  const l = wall(ms, o.tz);
  const worked = o.holidays.includes(l.date) ? false : o.extra.includes(l.date) ? true : o.workDays.includes(l.wd);
  if (!worked || l.mod < o.start || l.mod >= o.end) return false;
  return !o.breaks.some(([a, b]) => l.mod >= a && l.mod < b);
}
function oAdd(counts: (ms: number) => boolean, s: number, minutes: number): number {
  if (minutes === 0) return s;
  let t = s;
  for (let rem = minutes; ; t += MIN) if (counts(t) && --rem === 0) return t + MIN;
}
function oBetween(counts: (ms: number) => boolean, a: number, b: number): number {
  let n = 0;
  for (let t = a; t < b; t += MIN) if (counts(t)) n++;
  return n;
}
const calOf = (o: OCal): CalendarSettings => ({
  zone: intlZone(o.tz),
  workDays: o.workDays,
  workStart: o.start,
  workEnd: o.end,
  breaks: o.breaks.map(([start, end]) => ({ start, end })),
  holidays: o.holidays,
  extraWorkDays: o.extra,
});

// China 2024 National Day / Labour Day with make-up days.
const CN_H = ['2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04', '2024-05-05', '2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07'];
const CN_X = ['2024-04-28', '2024-05-11', '2024-09-29', '2024-10-12'];
const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kathmandu', 'Asia/Kolkata', 'Australia/Adelaide', 'America/St_Johns', 'Australia/Lord_Howe'];
// Starts near DST changes (NY 03-10/11-03, London 03-31/10-27, Sydney 04-07/10-06), the CN
// holiday clusters, before 1970 and far future.
const ANCHORS = [
  Date.UTC(2024, 2, 8), Date.UTC(2024, 2, 29), Date.UTC(2024, 3, 4), Date.UTC(2024, 3, 26),
  Date.UTC(2024, 8, 27), Date.UTC(2024, 9, 3), Date.UTC(2024, 9, 25), Date.UTC(2024, 10, 1),
  Date.UTC(1965, 5, 1), Date.UTC(2090, 9, 1),
];

describe('calendar vs a minute-by-minute brute force', () => {
  test('addWorkingTime / workingTimeBetween / isWorkingInstant, 150 seeded cases', () => {
    const r = prng(20240501);
    const pick = <T,>(a: T[]): T => a[Math.floor(r() * a.length)];
    const bad: string[] = [];
    for (let i = 0; i < 150; i++) {
      const o: OCal = { tz: pick(ZONES), workDays: [1, 2, 3, 4, 5], start: 540, end: 1080, breaks: [], holidays: [], extra: [] };
      const v = Math.floor(r() * 4);
      if (v === 1) Object.assign(o, { start: 510, end: 1035 }); // 08:30–17:15
      if (v === 2) Object.assign(o, { breaks: [[720, 780]], holidays: CN_H, extra: CN_X }); // lunch + CN calendar
      if (v === 3) Object.assign(o, { workDays: [1, 2, 3, 4, 5, 6, 7].filter(() => r() < 0.6).concat([3]), start: 240 + Math.floor(r() * 600), breaks: [[700 + Math.floor(r() * 60), 760 + Math.floor(r() * 60)]], holidays: CN_H.filter(() => r() < 0.5), extra: CN_X.concat(CN_H.filter(() => r() < 0.3)) });
      if (v === 3) o.end = o.start + 30 + Math.floor(r() * (1440 - o.start - 30));
      const cal = calOf(o);
      const s = pick(ANCHORS) + Math.floor(r() * 6 * 1440) * MIN;
      const minutes = pick([0, 1, 30, 45, 60, 120, 240, 1440, Math.floor(r() * 3000)]);
      const counts = (ms: number): boolean => oWorking(o, ms);
      const got = addWorkingTime(cal, s, minutes * MIN);
      const exp = oAdd(counts, s, minutes);
      if (got !== exp) bad.push(`add ${JSON.stringify(o)} ${new Date(s).toISOString()} +${minutes}`);
      const b = s + Math.floor(r() * 5 * 1440) * MIN;
      if (workingTimeBetween(cal, s, b) !== oBetween(counts, s, b) * MIN) bad.push(`between ${o.tz} ${s} ${b}`);
      if (isWorkingInstant(cal, s) !== counts(s)) bad.push(`instant ${o.tz} ${s}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('SLA states, due times and used share vs the brute force', () => {
  test('120 seeded tickets with pauses, both clocks, shares 50–90%', () => {
    const r = prng(4242);
    const pick = <T,>(a: T[]): T => a[Math.floor(r() * a.length)];
    const bad: string[] = [];
    for (let i = 0; i < 120; i++) {
      const o: OCal = { tz: pick(['Asia/Shanghai', 'America/New_York', 'Asia/Kathmandu', 'Australia/Sydney']), workDays: [1, 2, 3, 4, 5], start: 540, end: 1080, breaks: [], holidays: CN_H, extra: CN_X };
      if (r() < 0.5) Object.assign(o, { start: 510, end: 1035 });
      const cal = calOf(o);
      const policy = defaultPolicy();
      const x = pick([75, 75, 50, 80, 90]);
      policy.atRiskShare = x / 100;
      const u: Urgency = pick(['high', 'medium', 'low']);
      const start = pick([Date.UTC(2024, 8, 26), Date.UTC(2024, 9, 31), Date.UTC(2024, 2, 8)]) + Math.floor(r() * 4 * 1440) * MIN;
      const now = start + Math.floor(r() * 6 * 1440) * MIN;
      const pauses: ClockPause[] = [];
      if (r() < 0.4) {
        const a = start + Math.floor(r() * ((now - start) / MIN)) * MIN;
        const b = a + Math.floor(r() * 2000) * MIN;
        if (b <= now) pauses.push({ from: a, to: b });
      }
      const status: Status = pick(['pending', 'inProgress', 'resolved']);
      const resolvedAt = status === 'resolved' ? now - Math.floor(r() * 60) * MIN : null;
      const t: SlaTicket = { urgency: u, submittedAt: start, status, tier: 'tier1', firstResponseAt: null, resolvedAt, lastUpdateAt: null, slaStatus: '' };
      const ev = evaluate(t, now, policy, cal, { previous: null, pauses });
      const tg = policy.resolution[u];
      const paused = (m: number): boolean => pauses.some((p) => m >= p.from && m < p.to && (resolvedAt === null || p.from < resolvedAt));
      const counts = (m: number): boolean => !paused(m) && (tg.clock === '24x7' || oWorking(o, m));
      const due = oAdd(counts, start, tg.minutes);
      const used = oBetween(counts, start, resolvedAt ?? now);
      const exp =
        status === 'resolved' ? (resolvedAt! <= due ? 'met' : 'missed')
        : now > due ? 'breached' : used * 100 >= x * tg.minutes ? 'atRisk' : 'onTrack';
      if (exp !== ev.resolution || due !== ev.resolveDueAt || Math.abs(used / tg.minutes - (ev.resolutionUsed ?? NaN)) > 1e-9)
        bad.push(`${o.tz} ${u} ${status} ${start} ${now}`);
    }
    expect(bad).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Edge cases.

const SH = intlZone('Asia/Shanghai');
const sh = (y: number, mo: number, d: number, h: number, mi = 0): number => fromLocal({ year: y, month: mo, day: d, hour: h, minute: mi }, SH);
const rows = (r: unknown[][]) => ({ rows: r, departments: [], agents: [] });

describe('at-risk threshold', () => {
  test('55% of a 1 h working response target is used at 10:33 → atRisk, to the millisecond', () => {
    const { settings, warnings } = parseSettings(rows([['风险阈值', '55%']]), 'zh');
    expect(warnings).toEqual([]);
    const cal = calendarOf(settings, SH);
    const policy = policyOf(settings);
    const start = sh(2024, 5, 15, 10); // Wed 10:00
    const now = sh(2024, 5, 15, 10, 33); // 33 of 60 working minutes = exactly 55%
    const t: SlaTicket = { urgency: 'medium', submittedAt: start, status: 'pending', tier: 'tier2', firstResponseAt: null, resolvedAt: null, lastUpdateAt: null, slaStatus: '' };
    const ev = evaluate(t, now, policy, cal, { previous: null });
    expect(ev.responseUsed).toBeCloseTo(0.55, 12);
    expect(ev.responseRiskAt).toBe(now);
    expect(ev.response).toBe('atRisk');
  });
});

describe('settings', () => {
  test('a date listed both as holiday and make-up day is a holiday, with a warning', () => {
    const { settings, warnings } = parseSettings(rows([['节假日', '2024-05-01, 2024-05-11'], ['调休上班日', '2024-05-11']]), 'zh');
    expect(calendarOf(settings, SH).holidays).toContain('2024-05-11');
    expect(warnings.length).toBeGreaterThan(0);
  });

  test('a working-days cell of "constructor" is refused, not read from Object.prototype', () => {
    expect(parseWorkDays('constructor').ok).toBe(false);
    const { settings, warnings } = parseSettings(rows([['工作日', 'constructor']]), 'zh');
    expect(warnings).toHaveLength(1);
    expect(settings.workDays).toEqual([1, 2, 3, 4, 5]);
    expect(() => addWorkingTime(calendarOf(settings, SH), sh(2024, 5, 15, 10), H)).not.toThrow();
  });
});

describe('dates in years 0–99', () => {
  test('a start in year 0050 gets its 1 h due time in 0050 (Date.UTC would say 1950)', () => {
    const d = new Date(0);
    d.setUTCFullYear(50, 0, 5);
    d.setUTCHours(2, 0, 0, 0);
    const start = d.getTime();
    const cal = defaultCalendar(SH);
    const due = addWorkingTime(cal, start, H);
    expect(new Date(due).getUTCFullYear()).toBe(50);
    expect(due - start).toBeLessThan(7 * 24 * H);
    expect(workingTimeBetween(cal, start, start + 7 * 24 * H)).toBeGreaterThan(0);
  });
});

describe('the zone answered by Utilities.formatDate (on Google)', () => {
  test.each(['America/New_York', 'Europe/London', 'Australia/Adelaide', 'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kathmandu'])(
    '%s agrees with Intl every quarter hour through 2024',
    (tz) => {
      const { ctx, executions } = testContext();
      const z = utilitiesZone(new LocalUtilities(ctx, executions) as unknown as GoogleAppsScript.Utilities.Utilities, tz);
      const ref = intlZone(tz);
      const bad: string[] = [];
      for (let ms = Date.UTC(2024, 0, 1); ms < Date.UTC(2025, 0, 1); ms += 15 * MIN) {
        if (z.offsetMinutes(ms) !== ref.offsetMinutes(ms)) bad.push(new Date(ms).toISOString());
      }
      expect(bad.slice(0, 3)).toEqual([]);
    },
  );

  test('Australia/Adelaide 2024-10-06: 16:00Z is +09:30, 16:45Z is +10:30 (the change is at 16:30Z)', () => {
    const { ctx, executions } = testContext();
    const z = utilitiesZone(new LocalUtilities(ctx, executions) as unknown as GoogleAppsScript.Utilities.Utilities, 'Australia/Adelaide');
    const before = Date.UTC(2024, 9, 5, 16, 0);
    const after = Date.UTC(2024, 9, 5, 16, 45);
    expect(intlZone('Australia/Adelaide').offsetMinutes(after)).toBe(630);
    expect(z.offsetMinutes(before)).toBe(570);
    expect(z.offsetMinutes(after)).toBe(630);
    // A ticket submitted at 03:15 ACDT would be shown as the non-existent 02:15.
    expect(formatLocal(after, z, 'minute')).toBe('2024-10-06 03:15');
  });
});
