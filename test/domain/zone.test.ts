import type { Zone } from '../../src/domain/zone';
import {
  dayNumber,
  formatIsoWeek,
  formatLocal,
  fromDayNumber,
  fromLocal,
  intlZone,
  isKnownZone,
  isoWeekMonday,
  isoWeekOf,
  parseIsoWeek,
  toLocal,
} from '../../src/domain/zone';

const SH = intlZone('Asia/Shanghai');
const LON = intlZone('Europe/London');
const KIR = intlZone('Pacific/Kiritimati');
const UTC = intlZone('UTC');
const at = (iso: string) => Date.parse(iso);
const local = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
});

describe('intlZone offsets', () => {
  it.each([
    ['Asia/Shanghai', '2024-05-01T00:00:00Z', 480],
    ['Asia/Shanghai', '2024-01-01T00:00:00Z', 480],
    ['Europe/London', '2024-01-15T12:00:00Z', 0],
    ['Europe/London', '2024-07-15T12:00:00Z', 60],
    ['Europe/London', '2024-03-31T00:59:00Z', 0],
    ['Europe/London', '2024-03-31T01:00:00Z', 60],
    ['Europe/London', '2024-10-27T00:59:00Z', 60],
    ['Europe/London', '2024-10-27T01:00:00Z', 0],
    ['Pacific/Kiritimati', '2024-05-01T00:00:00Z', 840],
    ['America/St_Johns', '2024-01-15T12:00:00Z', -210],
    ['Asia/Kathmandu', '2024-01-15T12:00:00Z', 345],
    ['UTC', '2024-01-15T12:00:00Z', 0],
  ])('%s at %s → %d', (id, iso, off) => {
    const z = intlZone(id);
    expect(z.id).toBe(id);
    expect(z.offsetMinutes(at(iso))).toBe(off);
    expect(z.offsetMinutes(at(iso) + 59_999)).toBe(off); // cached per minute, same answer
  });

  it('isKnownZone', () => {
    expect(isKnownZone('Asia/Shanghai')).toBe(true);
    expect(isKnownZone('Europe/London')).toBe(true);
    expect(isKnownZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownZone('')).toBe(false);
  });
});

describe('toLocal', () => {
  it('Asia/Shanghai', () => {
    expect(toLocal(at('2024-05-01T01:15:30Z'), SH)).toEqual({
      year: 2024,
      month: 5,
      day: 1,
      hour: 9,
      minute: 15,
      second: 30,
      weekday: 3,
    });
    // 23:30 UTC on Sunday is already Monday in Shanghai
    expect(toLocal(at('2024-04-28T16:30:00Z'), SH)).toMatchObject({
      year: 2024,
      month: 4,
      day: 29,
      hour: 0,
      minute: 30,
      weekday: 1,
    });
    expect(toLocal(at('2023-12-31T16:00:00Z'), SH)).toMatchObject({
      year: 2024,
      month: 1,
      day: 1,
      hour: 0,
      weekday: 1,
    });
  });

  it('Europe/London around both changes', () => {
    expect(toLocal(at('2024-03-31T00:59:00Z'), LON)).toMatchObject({ day: 31, hour: 0, minute: 59 });
    expect(toLocal(at('2024-03-31T01:00:00Z'), LON)).toMatchObject({ day: 31, hour: 2, minute: 0 });
    expect(toLocal(at('2024-10-27T00:30:00Z'), LON)).toMatchObject({ day: 27, hour: 1, minute: 30 });
    expect(toLocal(at('2024-10-27T01:30:00Z'), LON)).toMatchObject({ day: 27, hour: 1, minute: 30 });
  });

  it('Pacific/Kiritimati is a day ahead of most of the world', () => {
    expect(toLocal(at('2024-05-01T10:00:00Z'), KIR)).toMatchObject({
      year: 2024,
      month: 5,
      day: 2,
      hour: 0,
      weekday: 4,
    });
    expect(toLocal(at('2024-12-31T09:59:00Z'), KIR)).toMatchObject({
      year: 2024,
      month: 12,
      day: 31,
      hour: 23,
      minute: 59,
    });
    expect(toLocal(at('2024-12-31T10:00:00Z'), KIR)).toMatchObject({ year: 2025, month: 1, day: 1, hour: 0 });
  });

  it('weekday runs 1 (Monday) to 7 (Sunday)', () => {
    const days = [0, 1, 2, 3, 4, 5, 6].map(
      (i) => toLocal(at('2024-04-29T12:00:00Z') + i * 86_400_000, UTC).weekday,
    );
    expect(days).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('local mean time, offsets with seconds (a time-only cell is 1899-12-30: issue 16)', () => {
  it.each([
    ['Asia/Shanghai', '1899-12-30T00:54:17Z', 29_143],
    ['Asia/Kolkata', '1899-12-30T03:38:50Z', 19_270],
    ['Europe/Moscow', '1899-12-30T06:29:43Z', 9_017],
    ['America/New_York', '1899-12-30T14:00:00Z', -18_000],
  ])('09:00 in %s is %s (offset %i s), read back as 09:00:00', (id, iso, seconds) => {
    const z = intlZone(id);
    expect(Math.round(z.offsetMinutes(at(iso)) * 60)).toBe(seconds);
    expect(toLocal(at(iso), z)).toMatchObject({ year: 1899, month: 12, day: 30, hour: 9, minute: 0, second: 0 });
    expect(formatLocal(at(iso), z, 'minute')).toBe('1899-12-30 09:00');
    expect(fromLocal({ year: 1899, month: 12, day: 30, hour: 9 }, z)).toBe(at(iso));
  });
});

describe('fromLocal', () => {
  it.each([
    [SH, local(2024, 5, 1, 9, 15), '2024-05-01T01:15:00Z'],
    [SH, local(2024, 1, 1), '2023-12-31T16:00:00Z'],
    [SH, local(2024, 2, 29, 23, 59, 59), '2024-02-29T15:59:59Z'],
    [LON, local(2024, 1, 15, 9, 0), '2024-01-15T09:00:00Z'],
    [LON, local(2024, 7, 15, 9, 0), '2024-07-15T08:00:00Z'],
    [LON, local(2024, 3, 31, 0, 59), '2024-03-31T00:59:00Z'],
    [LON, local(2024, 3, 31, 2, 0), '2024-03-31T01:00:00Z'],
    [LON, local(2024, 10, 27, 0, 59), '2024-10-26T23:59:00Z'],
    [LON, local(2024, 10, 27, 2, 0), '2024-10-27T02:00:00Z'],
    [KIR, local(2024, 5, 1), '2024-04-30T10:00:00Z'],
    [KIR, local(2025, 1, 1, 0, 0), '2024-12-31T10:00:00Z'],
    [KIR, local(2024, 5, 1, 23, 59), '2024-05-01T09:59:00Z'],
    [intlZone('America/St_Johns'), local(2024, 1, 15, 9, 0), '2024-01-15T12:30:00Z'],
  ] as [Zone, ReturnType<typeof local>, string][])('%# %p → %s', (zone, t, iso) => {
    expect(fromLocal(t, zone)).toBe(at(iso));
  });

  it('London spring gap: a skipped time resolves to the same distance after the jump', () => {
    // 01:00–01:59 on 2024-03-31 does not exist; 01:30 is 30 minutes after 01:00 GMT = 02:30 BST.
    const ms = fromLocal(local(2024, 3, 31, 1, 30), LON);
    expect(ms).toBe(at('2024-03-31T01:30:00Z'));
    expect(toLocal(ms, LON)).toMatchObject({ hour: 2, minute: 30 });
    expect(fromLocal(local(2024, 3, 31, 1, 0), LON)).toBe(at('2024-03-31T01:00:00Z'));
  });

  it('London autumn overlap: a repeated time resolves to its first occurrence', () => {
    expect(fromLocal(local(2024, 10, 27, 1, 0), LON)).toBe(at('2024-10-27T00:00:00Z'));
    expect(fromLocal(local(2024, 10, 27, 1, 30), LON)).toBe(at('2024-10-27T00:30:00Z'));
    expect(fromLocal(local(2024, 10, 27, 1, 59), LON)).toBe(at('2024-10-27T00:59:00Z'));
  });

  it('Kiritimati skipped 1994-12-31 entirely', () => {
    expect(toLocal(at('1994-12-31T09:59:00Z'), KIR)).toMatchObject({
      year: 1994,
      month: 12,
      day: 30,
      hour: 23,
      minute: 59,
    });
    expect(toLocal(at('1994-12-31T10:00:00Z'), KIR)).toMatchObject({ year: 1995, month: 1, day: 1, hour: 0 });
    const ms = fromLocal(local(1994, 12, 31, 12, 0), KIR);
    expect(toLocal(ms, KIR)).toMatchObject({ year: 1995, month: 1, day: 1, hour: 12 });
  });

  it('hour, minute and second default to 0', () => {
    expect(fromLocal({ year: 2024, month: 5, day: 1 }, SH)).toBe(at('2024-04-30T16:00:00Z'));
  });

  it('toLocal ∘ fromLocal is the identity for every existing minute across both London changes', () => {
    for (const [y, m, d] of [
      [2024, 3, 30],
      [2024, 3, 31],
      [2024, 10, 26],
      [2024, 10, 27],
    ]) {
      for (let h = 0; h < 24; h++) {
        for (const min of [0, 15, 30, 59]) {
          if (m === 3 && d === 31 && h === 1) continue; // the gap
          const ms = fromLocal(local(y, m, d, h, min), LON);
          expect([h, min, toLocal(ms, LON)]).toEqual([
            h,
            min,
            expect.objectContaining({ year: y, month: m, day: d, hour: h, minute: min }),
          ]);
        }
      }
    }
  });

  it('fromLocal ∘ toLocal is the identity in Shanghai and Kiritimati', () => {
    for (const zone of [SH, KIR]) {
      for (let ms = at('2024-12-30T00:00:00Z'); ms < at('2025-01-02T00:00:00Z'); ms += 37 * 60_000) {
        expect(fromLocal(toLocal(ms, zone), zone)).toBe(ms);
      }
    }
  });
});

describe('formatLocal', () => {
  it.each([
    [SH, '2024-05-01T01:15:00Z', '2024-05-01', '2024-05-01 09:15', '20240501'],
    [SH, '2024-04-30T16:05:00Z', '2024-05-01', '2024-05-01 00:05', '20240501'],
    [UTC, '2024-04-30T16:05:00Z', '2024-04-30', '2024-04-30 16:05', '20240430'],
    [KIR, '2024-04-30T10:00:00Z', '2024-05-01', '2024-05-01 00:00', '20240501'],
    [LON, '2024-10-27T00:30:00Z', '2024-10-27', '2024-10-27 01:30', '20241027'],
  ] as [Zone, string, string, string, string][])('%#: %s', (zone, iso, date, minute, compact) => {
    expect(formatLocal(at(iso), zone, 'date')).toBe(date);
    expect(formatLocal(at(iso), zone, 'minute')).toBe(minute);
    expect(formatLocal(at(iso), zone, 'compact')).toBe(compact);
  });
});

describe('day numbers', () => {
  it('round-trip and weekdays', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(1969, 12, 31)).toBe(-1);
    expect(fromDayNumber(dayNumber(2024, 2, 29))).toEqual({ year: 2024, month: 2, day: 29, weekday: 4 });
    expect(fromDayNumber(dayNumber(2024, 2, 29) + 1)).toEqual({ year: 2024, month: 3, day: 1, weekday: 5 });
    expect(fromDayNumber(-1)).toEqual({ year: 1969, month: 12, day: 31, weekday: 3 });
    expect(dayNumber(2025, 1, 1) - dayNumber(2024, 1, 1)).toBe(366);
  });
});

describe('ISO weeks', () => {
  it.each([
    [2024, 5, 1, 2024, 18],
    [2024, 4, 29, 2024, 18],
    [2024, 5, 5, 2024, 18],
    [2024, 5, 6, 2024, 19],
    [2024, 1, 1, 2024, 1],
    [2024, 12, 29, 2024, 52],
    [2024, 12, 30, 2025, 1],
    [2020, 12, 28, 2020, 53],
    [2020, 12, 31, 2020, 53],
    [2021, 1, 1, 2020, 53],
    [2021, 1, 3, 2020, 53],
    [2021, 1, 4, 2021, 1],
    [2025, 12, 28, 2025, 52],
    [2025, 12, 29, 2026, 1],
    [2026, 1, 1, 2026, 1],
    [2026, 1, 4, 2026, 1],
    [2026, 1, 5, 2026, 2],
    [2026, 12, 31, 2026, 53],
    [2027, 1, 3, 2026, 53],
    [2015, 12, 31, 2015, 53],
    [2016, 1, 3, 2015, 53],
    [2008, 12, 29, 2009, 1],
  ])('isoWeekOf(%d-%d-%d) → %d-W%d', (y, m, d, wy, w) => {
    expect(isoWeekOf(y, m, d)).toEqual({ year: wy, week: w });
  });

  it.each([
    [2024, 18, 2024, 4, 29],
    [2024, 1, 2024, 1, 1],
    [2020, 1, 2019, 12, 30],
    [2020, 53, 2020, 12, 28],
    [2021, 1, 2021, 1, 4],
    [2026, 1, 2025, 12, 29],
    [2026, 53, 2026, 12, 28],
    [2025, 1, 2024, 12, 30],
  ])('isoWeekMonday(%d, W%d) → %d-%d-%d', (y, w, my, mm, md) => {
    expect(isoWeekMonday(y, w)).toEqual({ year: my, month: mm, day: md });
  });

  it('every Monday from 2019 to 2030 is the start of the week it belongs to', () => {
    let count = 0;
    for (let n = dayNumber(2018, 12, 31); n < dayNumber(2031, 1, 1); n += 7) {
      const d = fromDayNumber(n);
      expect(d.weekday).toBe(1);
      const w = isoWeekOf(d.year, d.month, d.day);
      expect(isoWeekMonday(w.year, w.week)).toEqual({ year: d.year, month: d.month, day: d.day });
      // Sunday of the same week is in the same week
      const sun = fromDayNumber(n + 6);
      expect(isoWeekOf(sun.year, sun.month, sun.day)).toEqual(w);
      count++;
    }
    expect(count).toBeGreaterThan(600);
  });

  it('formatIsoWeek pads the week', () => {
    expect(formatIsoWeek({ year: 2024, week: 18 })).toBe('2024-W18');
    expect(formatIsoWeek({ year: 2026, week: 1 })).toBe('2026-W01');
  });

  it.each([
    ['2024-W18', 2024, 18],
    ['2024W18', 2024, 18],
    ['2024-w18', 2024, 18],
    [' 2024-W18 ', 2024, 18],
    ['2026-W01', 2026, 1],
    ['2026-W1', 2026, 1],
    ['2020-W53', 2020, 53],
    ['2026-W53', 2026, 53],
    ['2024-W52', 2024, 52],
  ])('parseIsoWeek(%p)', (s, year, week) => {
    expect(parseIsoWeek(s)).toEqual({ year, week });
    expect(parseIsoWeek(formatIsoWeek({ year, week }))).toEqual({ year, week });
  });

  it.each([
    '2024-W54',
    '2024-W00',
    '2024-W0',
    '2021-W53',
    '2024-W53',
    '2025-W53',
    'garbage',
    '',
    '2024-18',
    'W18',
    '24-W18',
    '2024-W180',
    '2024-W1a',
    '周报 2024-W18',
  ])('parseIsoWeek(%p) → null', (s) => {
    expect(parseIsoWeek(s)).toBeNull();
  });
});
