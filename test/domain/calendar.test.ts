// The working calendar (src/domain/calendar.ts): due times checked by hand, working time between
// two instants, instants and days, guards, cost, and properties over random starts. Over ~400
// lines: one module's cases, most of them tables of hand-checked times.
import {
  addTime,
  addWorkingTime,
  CalendarError,
  defaultCalendar,
  isWorkingDay,
  isWorkingInstant,
  nextWorkingInstant,
  parseDate,
  timeBetween,
  workingTimeBetween,
  type CalendarSettings,
  type CalendarStats,
  type Clock,
} from '../../src/domain/calendar';
import { dayNumber, formatLocal, fromDayNumber, fromLocal, intlZone, type Zone } from '../../src/domain/zone';
import { prng } from '../../bench/generate';

const MIN = 60_000;
const H = 60 * MIN;

const zones: Record<string, Zone> = {};
const zone = (id: string): Zone => (zones[id] ??= intlZone(id));

/** `yyyy-MM-dd HH:mm` local wall time → instant. */
function at(z: Zone, s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(s);
  if (!m) throw new Error(s);
  return fromLocal({ year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5] }, z);
}
const show = (z: Zone, ms: number): string => formatLocal(ms, z, 'minute');
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 16) + 'Z';

// China 2024: Labour Day 05-01…05-05 off, made up on Sun 04-28 and Sat 05-11;
// National Day 10-01…10-07 off, made up on Sun 09-29 and Sat 10-12.
const CN_HOLIDAYS_2024 = [
  '2024-05-01',
  '2024-05-02',
  '2024-05-03',
  '2024-05-04',
  '2024-05-05',
  '2024-10-01',
  '2024-10-02',
  '2024-10-03',
  '2024-10-04',
  '2024-10-05',
  '2024-10-06',
  '2024-10-07',
];
const CN_MAKEUP_2024 = ['2024-04-28', '2024-05-11', '2024-09-29', '2024-10-12'];

const cals: Record<string, CalendarSettings> = {};
function cal(name: string): CalendarSettings {
  if (cals[name]) return cals[name];
  const [zoneId, variant] = name.split('+');
  const c = defaultCalendar(zone(zoneId));
  if (zoneId === 'Asia/Shanghai') {
    c.holidays = CN_HOLIDAYS_2024;
    c.extraWorkDays = CN_MAKEUP_2024;
  }
  if (variant === 'lunch') c.breaks = [{ start: 12 * 60, end: 13 * 60 }];
  return (cals[name] = c);
}

interface Row {
  note: string;
  cal: string;
  minutes: number;
  clock: Clock;
  /** Local `yyyy-MM-dd HH:mm`, or an ISO instant ending in Z. */
  start: string;
  /** Local wall time of the due instant. */
  due: string;
  /** The due instant in UTC, where the offset is the point of the row. */
  dueUtc?: string;
}

const SH = 'Asia/Shanghai';
const TABLE: Row[] = [
  // Fri 16:00–18:00 gives 2 h; weekend off; Mon 09:00–11:00 gives the other 2 h.
  {
    note: '中 4 h, Friday afternoon',
    cal: SH,
    minutes: 240,
    clock: 'working',
    start: '2024-05-17 16:00',
    due: '2024-05-20 11:00',
  },
  // Saturday is not worked: the clock starts Mon 09:00, + 4 h.
  {
    note: '中 4 h, submitted Saturday',
    cal: SH,
    minutes: 240,
    clock: 'working',
    start: '2024-05-18 10:00',
    due: '2024-05-20 13:00',
  },
  // Tue 04-30 16:00–18:00 = 2 h; 05-01…05-05 holiday (incl. the weekend); Mon 05-06 09:00–11:00.
  {
    note: '中 4 h, eve of Labour Day',
    cal: SH,
    minutes: 240,
    clock: 'working',
    start: '2024-04-30 16:00',
    due: '2024-05-06 11:00',
  },
  // Fri 16:00–18:00 = 2 h; Sat 05-11 is a make-up working day: 09:00–11:00.
  {
    note: '中 4 h, before a make-up Saturday',
    cal: SH,
    minutes: 240,
    clock: 'working',
    start: '2024-05-10 16:00',
    due: '2024-05-11 11:00',
  },
  // Sat 04-27 not worked; Sun 04-28 is a make-up day: 09:00 + 1 h.
  {
    note: 'response 1 h, make-up Sunday',
    cal: SH,
    minutes: 60,
    clock: 'working',
    start: '2024-04-27 10:00',
    due: '2024-04-28 10:00',
  },
  // Round the clock: 23:30 + 2 h crosses midnight, working hours irrelevant.
  {
    note: '高 2 h round the clock across midnight',
    cal: SH,
    minutes: 120,
    clock: '24x7',
    start: '2024-05-15 23:30',
    due: '2024-05-16 01:30',
  },
  // 17:30–18:00 = 30 min; next day 09:00–09:30.
  {
    note: 'response 1 h at 17:30',
    cal: SH,
    minutes: 60,
    clock: 'working',
    start: '2024-05-15 17:30',
    due: '2024-05-16 09:30',
  },
  // Mon 10:00–18:00 = 8 h; Tue 9 h (17); Wed 09:00 + 7 h = 16:00.
  {
    note: '低 24 h working',
    cal: SH,
    minutes: 24 * 60,
    clock: 'working',
    start: '2024-05-20 10:00',
    due: '2024-05-22 16:00',
  },
  // 14:00 + 4 h ends exactly at closing time: due 18:00 the same day, not 09:00 the next.
  {
    note: '中 4 h ending exactly at 18:00',
    cal: SH,
    minutes: 240,
    clock: 'working',
    start: '2024-05-15 14:00',
    due: '2024-05-15 18:00',
  },
  // 18:00 is already outside (end exclusive): next day 09:00 + 1 h.
  {
    note: 'response 1 h at 18:00 sharp',
    cal: SH,
    minutes: 60,
    clock: 'working',
    start: '2024-05-15 18:00',
    due: '2024-05-16 10:00',
  },
  // Before opening: the clock starts at 09:00.
  {
    note: 'response 1 h at 08:00',
    cal: SH,
    minutes: 60,
    clock: 'working',
    start: '2024-05-15 08:00',
    due: '2024-05-15 10:00',
  },
  // Mon 09-30 10:00–18:00 = 8 h; 10-01…10-07 National Day; Tue 10-08 9 h (17); Wed 10-09 + 7 h.
  {
    note: '低 24 h across the National Day week',
    cal: SH,
    minutes: 24 * 60,
    clock: 'working',
    start: '2024-09-30 10:00',
    due: '2024-10-09 16:00',
  },
  // Round the clock ignores holidays.
  {
    note: '高 2 h round the clock on a holiday',
    cal: SH,
    minutes: 120,
    clock: '24x7',
    start: '2024-10-01 10:00',
    due: '2024-10-01 12:00',
  },
  // 17:45–18:00 = 15 min; weekend; Mon 09:00 + 15 min.
  {
    note: 'escalation 30 min, Friday 17:45',
    cal: SH,
    minutes: 30,
    clock: 'working',
    start: '2024-05-17 17:45',
    due: '2024-05-20 09:15',
  },
  // With lunch 12:00–13:00: 10:00–12:00 = 2 h, 13:00–15:00 = 2 h.
  {
    note: '中 4 h with a lunch break',
    cal: SH + '+lunch',
    minutes: 240,
    clock: 'working',
    start: '2024-05-15 10:00',
    due: '2024-05-15 15:00',
  },
  // Submitted during lunch: clock starts 13:00.
  {
    note: 'response 1 h submitted at lunch',
    cal: SH + '+lunch',
    minutes: 60,
    clock: 'working',
    start: '2024-05-15 12:30',
    due: '2024-05-15 14:00',
  },
  // London, clocks go forward Sun 03-31 01:00 GMT. Fri 17:00–18:00 = 1 h; Mon 09:00–12:00 BST.
  // Working hours are wall-clock: Mon 12:00 BST is 11:00 UTC.
  {
    note: 'London 中 4 h across spring-forward',
    cal: 'Europe/London',
    minutes: 240,
    clock: 'working',
    start: '2024-03-29 17:00',
    due: '2024-04-01 12:00',
    dueUtc: '2024-04-01T11:00Z',
  },
  // Round the clock across the jump: 00:30 GMT + 2 h = 02:30 UTC = 03:30 BST (wall moves 3 h).
  {
    note: 'London 高 2 h across the spring-forward jump',
    cal: 'Europe/London',
    minutes: 120,
    clock: '24x7',
    start: '2024-03-31 00:30',
    due: '2024-03-31 03:30',
    dueUtc: '2024-03-31T02:30Z',
  },
  // Clocks go back Sun 10-27 02:00 BST → 01:00 GMT. 00:30 BST (23:30 UTC Sat) + 2 h = 01:30 UTC
  // = 01:30 GMT, the second 01:30 of the night (wall moves 1 h).
  {
    note: 'London 高 2 h across the fall-back',
    cal: 'Europe/London',
    minutes: 120,
    clock: '24x7',
    start: '2024-10-27 00:30',
    due: '2024-10-27 01:30',
    dueUtc: '2024-10-27T01:30Z',
  },
  // Fri 16:00–18:00 BST = 2 h; Mon 09:00–11:00 GMT = 11:00 UTC.
  {
    note: 'London 中 4 h across the fall-back weekend',
    cal: 'Europe/London',
    minutes: 240,
    clock: 'working',
    start: '2024-10-25 16:00',
    due: '2024-10-28 11:00',
    dueUtc: '2024-10-28T11:00Z',
  },
  // New York springs forward Sun 03-10. Fri 15:00–18:00 EST = 3 h; Mon 9 h (12); Tue 9 h (21);
  // Wed 09:00 + 3 h = 12:00 EDT = 16:00 UTC.
  {
    note: 'New York 低 24 h across spring-forward',
    cal: 'America/New_York',
    minutes: 24 * 60,
    clock: 'working',
    start: '2024-03-08 15:00',
    due: '2024-03-13 12:00',
    dueUtc: '2024-03-13T16:00Z',
  },
  // New York falls back Sun 11-03. Fri 16:00–18:00 EDT = 2 h; Mon 09:00–11:00 EST = 16:00 UTC.
  {
    note: 'New York 中 4 h across fall-back',
    cal: 'America/New_York',
    minutes: 240,
    clock: 'working',
    start: '2024-11-01 16:00',
    due: '2024-11-04 11:00',
    dueUtc: '2024-11-04T16:00Z',
  },
  // UTC+14: the same local rule; Fri 16:00 local is 02:00 UTC Friday.
  {
    note: 'Kiritimati 中 4 h, Friday afternoon',
    cal: 'Pacific/Kiritimati',
    minutes: 240,
    clock: 'working',
    start: '2024-05-17 16:00',
    due: '2024-05-20 11:00',
    dueUtc: '2024-05-19T21:00Z',
  },
  // 2024-05-17 20:00 UTC is a Friday in UTC but Saturday 10:00 in Kiritimati: not worked; Mon
  // 09:00 local + 1 h = 10:00 local, which is still Sunday 20:00 in UTC.
  {
    note: 'Kiritimati: UTC Friday is local Saturday',
    cal: 'Pacific/Kiritimati',
    minutes: 60,
    clock: 'working',
    start: '2024-05-17T20:00Z',
    due: '2024-05-20 10:00',
    dueUtc: '2024-05-19T20:00Z',
  },
  // UTC-11: Monday 05:00 UTC is Sunday 18:00 local; clock starts Mon 09:00 local = 20:00 UTC.
  {
    note: 'Pago Pago: UTC Monday is local Sunday',
    cal: 'Pacific/Pago_Pago',
    minutes: 60,
    clock: 'working',
    start: '2024-05-20T05:00Z',
    due: '2024-05-20 10:00',
    dueUtc: '2024-05-20T21:00Z',
  },
  // Samoa skipped Fri 2011-12-30 (UTC-10 → UTC+14). Thu 16:00–18:00 = 2 h; Fri does not exist;
  // Sat/Sun off; Mon 2012-01-02 09:00–11:00 (+14).
  {
    note: 'Apia across the skipped day',
    cal: 'Pacific/Apia',
    minutes: 240,
    clock: 'working',
    start: '2011-12-29 16:00',
    due: '2012-01-02 11:00',
    dueUtc: '2012-01-01T21:00Z',
  },
];

describe('hand-checked due times', () => {
  test.each(TABLE.map((r) => [r.note, r] as const))('%s', (_note, r) => {
    const c = cal(r.cal);
    const start = r.start.endsWith('Z') ? Date.parse(r.start.replace('Z', ':00Z')) : at(c.zone, r.start);
    const due = addTime(c, r.clock, start, r.minutes * MIN);
    expect(show(c.zone, due)).toBe(r.due);
    if (r.dueUtc) expect(iso(due)).toBe(r.dueUtc);
    // And back: the clock time between start and due is the target.
    expect(timeBetween(c, r.clock, start, due)).toBe(r.minutes * MIN);
  });

  test('the table has enough rows', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(15);
  });
});

describe('working time between', () => {
  const c = cal(SH);
  const z = c.zone;
  test('basic and empty ranges', () => {
    expect(workingTimeBetween(c, at(z, '2024-05-15 10:00'), at(z, '2024-05-15 11:30'))).toBe(90 * MIN);
    expect(workingTimeBetween(c, at(z, '2024-05-15 11:30'), at(z, '2024-05-15 10:00'))).toBe(0);
    expect(workingTimeBetween(c, at(z, '2024-05-15 10:00'), at(z, '2024-05-15 10:00'))).toBe(0);
    // A whole week: five days of 9 h.
    expect(workingTimeBetween(c, at(z, '2024-05-20 00:00'), at(z, '2024-05-27 00:00'))).toBe(45 * H);
    // Labour Day week 2024-04-29 (Mon) … 05-05: Mon, Tue worked, Wed–Sun holiday.
    expect(workingTimeBetween(c, at(z, '2024-04-29 00:00'), at(z, '2024-05-06 00:00'))).toBe(18 * H);
    // Weekend only.
    expect(workingTimeBetween(c, at(z, '2024-05-18 00:00'), at(z, '2024-05-20 00:00'))).toBe(0);
  });

  test('a DST day still has 9 working hours (wall-clock 09:00–18:00)', () => {
    for (const id of ['Europe/London', 'America/New_York']) {
      const lc = defaultCalendar(zone(id));
      lc.workDays = [1, 2, 3, 4, 5, 6, 7];
      for (const day of ['2024-03-31', '2024-10-27', '2024-03-10', '2024-11-03']) {
        const from = at(lc.zone, `${day} 00:00`);
        expect(workingTimeBetween(lc, from, from + 30 * H)).toBe(9 * H);
      }
    }
  });

  test('with a round-the-clock working day, DST days are 23 h and 25 h long', () => {
    const lc = defaultCalendar(zone('Europe/London'));
    lc.workDays = [1, 2, 3, 4, 5, 6, 7];
    lc.workStart = 0;
    lc.workEnd = 1440;
    const len = (d: string, next: string): number =>
      workingTimeBetween(lc, at(lc.zone, `${d} 00:00`), at(lc.zone, `${next} 00:00`));
    expect(len('2024-03-31', '2024-04-01')).toBe(23 * H);
    expect(len('2024-10-27', '2024-10-28')).toBe(25 * H);
    expect(len('2024-10-28', '2024-10-29')).toBe(24 * H);
    // Such a calendar equals the round-the-clock one.
    const s = at(lc.zone, '2024-10-26 22:15');
    expect(addWorkingTime(lc, s, 5 * H)).toBe(s + 5 * H);
  });

  test('24x7 clock', () => {
    expect(timeBetween(c, '24x7', 1000, 5000)).toBe(4000);
    expect(timeBetween(c, '24x7', 5000, 1000)).toBe(0);
    expect(addTime(c, '24x7', 1000, 5000)).toBe(6000);
  });
});

describe('instants and days', () => {
  const c = cal(SH);
  const z = c.zone;
  test('isWorkingInstant: start inclusive, end exclusive', () => {
    expect(isWorkingInstant(c, at(z, '2024-05-15 09:00'))).toBe(true);
    expect(isWorkingInstant(c, at(z, '2024-05-15 08:59'))).toBe(false);
    expect(isWorkingInstant(c, at(z, '2024-05-15 17:59'))).toBe(true);
    expect(isWorkingInstant(c, at(z, '2024-05-15 18:00'))).toBe(false);
    expect(isWorkingInstant(c, at(z, '2024-05-18 10:00'))).toBe(false); // Saturday
    expect(isWorkingInstant(c, at(z, '2024-05-11 10:00'))).toBe(true); // make-up Saturday
    expect(isWorkingInstant(c, at(z, '2024-05-02 10:00'))).toBe(false); // holiday Thursday
    expect(isWorkingInstant(cal(SH + '+lunch'), at(z, '2024-05-15 12:30'))).toBe(false);
  });

  test('isWorkingDay and nextWorkingInstant', () => {
    expect(isWorkingDay(c, '2024-05-02')).toBe(false);
    expect(isWorkingDay(c, '2024-05-11')).toBe(true);
    expect(isWorkingDay(c, dayNumber(2024, 5, 13))).toBe(true);
    expect(() => isWorkingDay(c, '2024-02-30')).toThrow(RangeError);
    expect(show(z, nextWorkingInstant(c, at(z, '2024-04-30 18:00')))).toBe('2024-05-06 09:00');
    expect(nextWorkingInstant(c, at(z, '2024-05-06 10:17'))).toBe(at(z, '2024-05-06 10:17'));
  });

  test('a date listed as holiday and make-up day is a holiday', () => {
    const x = {
      ...defaultCalendar(z),
      holidays: ['2024-05-18'],
      extraWorkDays: ['2024-05-18', '2024-05-19'],
    };
    expect(isWorkingDay(x, '2024-05-18')).toBe(false);
    expect(isWorkingDay(x, '2024-05-19')).toBe(true);
  });

  test('parseDate', () => {
    expect(parseDate('2024-05-01')).toBe(dayNumber(2024, 5, 1));
    expect(parseDate('2024/5/1')).toBe(dayNumber(2024, 5, 1));
    expect(parseDate('2024-13-01')).toBeNull();
    expect(parseDate('May 1')).toBeNull();
  });

  test('zero duration returns the start; bad inputs throw', () => {
    const s = at(z, '2024-05-18 10:00');
    expect(addWorkingTime(c, s, 0)).toBe(s);
    expect(() => addWorkingTime(c, s, -1)).toThrow(RangeError);
    expect(() => addWorkingTime(c, NaN, 1)).toThrow(RangeError);
    expect(() => workingTimeBetween(c, s, Infinity)).toThrow(RangeError);
  });
});

describe('guards', () => {
  const z = zone(SH);
  test('no working weekdays: throws a CalendarError instead of looping', () => {
    const x = { ...defaultCalendar(z), workDays: [] };
    expect(() => addWorkingTime(x, at(z, '2024-05-15 10:00'), H)).toThrow(CalendarError);
  });

  test('breaks covering the day: throws', () => {
    const x = { ...defaultCalendar(z), breaks: [{ start: 0, end: 1440 }] };
    expect(() => addWorkingTime(x, 0, H)).toThrow(/no working time/);
    expect(workingTimeBetween(x, 0, 1000 * H)).toBe(0);
  });

  test('no weekdays but make-up days: uses them, then throws once past the last', () => {
    const x = { ...defaultCalendar(z), workDays: [], extraWorkDays: ['2024-05-11', '2024-06-01'] };
    const s = at(z, '2024-05-01 00:00');
    expect(show(z, addWorkingTime(x, s, 10 * H))).toBe('2024-06-01 10:00');
    expect(() => addWorkingTime(x, s, 19 * H)).toThrow(CalendarError);
  });
});

describe('cost grows with days, not minutes', () => {
  const z = zone('Europe/London');
  test('10 years of working time in one call visits about one entry per day', () => {
    const c = defaultCalendar(z);
    const stats: CalendarStats = { days: 0 };
    const start = at(z, '2024-01-01 09:00');
    const tenYears = 2610 * 9 * H; // ~ 261 working days a year
    const t0 = Date.now();
    const end = addWorkingTime(c, start, tenYears, stats);
    const ms = Date.now() - t0;
    expect(stats.days).toBeLessThan(3700);
    expect(stats.days).toBeGreaterThan(3600);
    expect(workingTimeBetween(c, start, end)).toBe(tenYears);
    // Not a timing assertion: just a report when run verbose.
    expect(ms).toBeGreaterThanOrEqual(0);
  });

  test('a 24-hour target over a 60-day holiday stays cheap', () => {
    const z2 = zone(SH);
    const holidays: string[] = [];
    for (let n = dayNumber(2024, 7, 1); n < dayNumber(2024, 8, 30); n++) {
      const d = fromDayNumber(n);
      holidays.push(`${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`);
    }
    const c = { ...defaultCalendar(z2), holidays };
    const stats: CalendarStats = { days: 0 };
    const due = addWorkingTime(c, at(z2, '2024-06-28 17:00'), 24 * H, stats);
    // Fri 06-28 1 h; holidays to Thu 08-29; Fri 08-30 9 h (10); Mon 09-02 9 h (19); Tue + 5 h.
    expect(show(z2, due)).toBe('2024-09-03 14:00');
    expect(stats.days).toBeLessThan(75);
  });
});


describe('properties over random starts', () => {
  const ZONES = [
    'Asia/Shanghai',
    'Europe/London',
    'America/New_York',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
    'Australia/Lord_Howe', // 30-minute DST
    'Asia/Kathmandu', // +05:45
    'America/Sao_Paulo', // DST at midnight until 2019
  ];
  const lo = Date.UTC(2016, 0, 1);
  const hi = Date.UTC(2030, 0, 1);

  test.each(ZONES)('%s: round trip, monotonicity, additivity', (id) => {
    const r = prng(id.length * 7919 + id.charCodeAt(0));
    const base = defaultCalendar(zone(id));
    const variants: CalendarSettings[] = [
      base,
      {
        ...base,
        breaks: [{ start: 12 * 60, end: 13 * 60 + 30 }],
        holidays: ['2024-12-25', '2025-01-01', '2019-02-18'],
        extraWorkDays: ['2024-12-28'],
      },
      { ...base, workDays: [1, 2, 3, 4, 5, 6, 7], workStart: 0, workEnd: 1440 },
      { ...base, workDays: [2, 4, 6], workStart: 60, workEnd: 23 * 60 + 45 },
    ];
    for (const c of variants) {
      for (let i = 0; i < 60; i++) {
        const s = lo + Math.floor(r() * (hi - lo));
        const d = r() < 0.5 ? Math.floor(r() * 60 * H) : Math.floor(r() * 200) * 15 * MIN;
        const e = addWorkingTime(c, s, d);
        expect(e).toBeGreaterThanOrEqual(s);
        expect(workingTimeBetween(c, s, e)).toBe(d);
        if (d > 0) expect(isWorkingInstant(c, e - 1)).toBe(true);
        // Monotone in duration and in start.
        const d2 = d + Math.floor(r() * 5 * H);
        expect(addWorkingTime(c, s, d2)).toBeGreaterThanOrEqual(e);
        const s2 = s + Math.floor(r() * 30 * H);
        expect(addWorkingTime(c, s2, d)).toBeGreaterThanOrEqual(e);
        // Additive: a then b is a + b.
        const a = Math.floor(d / 3);
        expect(addWorkingTime(c, addWorkingTime(c, s, a), d - a)).toBe(e);
        // Between is additive over a split point.
        const m = s + Math.floor(r() * (e - s + 1));
        expect(workingTimeBetween(c, s, m) + workingTimeBetween(c, m, e)).toBe(d);
      }
    }
  });

  test.each([
    ['Europe/London', 2023],
    ['America/New_York', 2024],
    ['America/Sao_Paulo', 2018],
    ['Australia/Lord_Howe', 2024],
    ['Pacific/Apia', 2011],
    ['Pacific/Kiritimati', 1994],
  ] as const)('%s %i: day-by-day working ranges agree with fromLocal', (id, year) => {
    const z = zone(id);
    const c = { ...defaultCalendar(z), workDays: [1, 2, 3, 4, 5, 6, 7], workStart: 0, workEnd: 1440 };
    const nine = { ...defaultCalendar(z), workDays: [1, 2, 3, 4, 5, 6, 7] };
    for (let n = dayNumber(year, 1, 1); n <= dayNumber(year, 12, 31); n++) {
      const d = fromDayNumber(n);
      const next = fromDayNumber(n + 1);
      const start = fromLocal({ year: d.year, month: d.month, day: d.day }, z);
      const end = fromLocal({ year: next.year, month: next.month, day: next.day }, z);
      if (
        formatLocal(start, z, 'date') !==
        `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`
      ) {
        continue; // the date does not exist locally
      }
      expect(workingTimeBetween(c, start, end)).toBe(end - start);
      const open = fromLocal({ year: d.year, month: d.month, day: d.day, hour: 9 }, z);
      const close = fromLocal({ year: d.year, month: d.month, day: d.day, hour: 18 }, z);
      expect(nextWorkingInstant(nine, start)).toBe(open);
      expect(workingTimeBetween(nine, start, end)).toBe(close - open);
    }
  });
});
