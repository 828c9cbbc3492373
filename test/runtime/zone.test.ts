// runtime/zone.ts: the emulator's own wall-clock maths. Wall times a clock change skips resolve
// forward (America/New_York 2024-03-10 02:30 → 03:30 EDT); a repeated hour resolves to its earlier
// occurrence (Google documents neither; see the module's header). Typed dates go through the same
// conversion: Range.setValue parses a date string like typed input
// (https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)).
import {
  fromSerial,
  fromWall,
  isValidZone,
  localFields,
  offsetMinutes,
  toSerial,
  toWall,
  tzOffset,
} from '../../runtime/zone';
import { env } from './spreadsheet/helpers';

const Z = (iso: string) => Date.parse(iso);

interface Change {
  zone: string;
  /** a wall time skipped by the spring change, and the instant it resolves to (forward) */
  gap: [string, string];
  /** a wall time repeated by the autumn change, and its earlier occurrence */
  repeat: [string, string];
  /** the later occurrence of the repeated wall time, for contrast */
  repeatLater: string;
}

const CHANGES: Change[] = [
  {
    zone: 'America/New_York',
    gap: ['2024-03-10 02:30', '2024-03-10T07:30:00Z'],
    repeat: ['2024-11-03 01:30', '2024-11-03T05:30:00Z'],
    repeatLater: '2024-11-03T06:30:00Z',
  },
  {
    zone: 'Europe/London',
    gap: ['2024-03-31 01:30', '2024-03-31T01:30:00Z'],
    repeat: ['2024-10-27 01:30', '2024-10-27T00:30:00Z'],
    repeatLater: '2024-10-27T01:30:00Z',
  },
  {
    zone: 'Australia/Sydney',
    gap: ['2024-10-06 02:30', '2024-10-05T16:30:00Z'],
    repeat: ['2024-04-07 02:30', '2024-04-06T15:30:00Z'],
    repeatLater: '2024-04-06T16:30:00Z',
  },
];

const parts = (wall: string) => {
  const [y, mo, d, h, mi] = wall.split(/[- :]/).map(Number);
  return [y, mo, d, h, mi] as const;
};

describe.each(CHANGES)('fromWall across clock changes in $zone', ({ zone, gap, repeat, repeatLater }) => {
  it(`resolves the skipped ${gap[0]} forward, by the offset before the jump`, () => {
    const t = fromWall(zone, ...parts(gap[0]));
    expect(new Date(t).toISOString()).toBe(new Date(Z(gap[1])).toISOString());
    // forward: the wall reading of the result is one hour later than what was asked
    const w = toWall(zone, t);
    expect(w.h * 60 + w.mi).toBe(parts(gap[0])[3] * 60 + parts(gap[0])[4] + 60);
  });

  it(`picks the earlier of the two ${repeat[0]}`, () => {
    const t = fromWall(zone, ...parts(repeat[0]));
    expect(new Date(t).toISOString()).toBe(new Date(Z(repeat[1])).toISOString());
    expect(Z(repeatLater) - t).toBe(3_600_000);
    // both occurrences read back as the same wall time
    expect(toWall(zone, Z(repeatLater))).toEqual(toWall(zone, t));
  });

  it('round-trips every quarter hour of both change days that exists exactly once', () => {
    for (const day of [gap[0], repeat[0]]) {
      const [y, mo, d] = parts(day);
      for (let q = 0; q < 96; q++) {
        const h = Math.floor(q / 4);
        const mi = (q % 4) * 15;
        const t = fromWall(zone, y, mo, d, h, mi);
        const w = toWall(zone, t);
        const skippedOrRepeated =
          offsetMinutes(t - 3 * 3_600_000, zone) !== offsetMinutes(t + 3 * 3_600_000, zone);
        if (!skippedOrRepeated) expect([w.y, w.mo, w.d, w.h, w.mi]).toEqual([y, mo, d, h, mi]);
      }
    }
  });

  it('types dates across the change into a sheet in that zone', () => {
    const { ss, sheet } = env({ timeZone: zone, locale: 'en_US' });
    expect(ss.getSpreadsheetTimeZone()).toBe(zone);
    const cells = [gap[0], repeat[0], '2024-07-01 12:00', '2024-01-15 08:05'];
    sheet.getRange(1, 1, cells.length, 1).setValues(cells.map((c) => [c]));
    const got = sheet
      .getRange(1, 1, cells.length, 1)
      .getValues()
      .map((r) => (r[0] as Date).getTime());
    expect(got[0]).toBe(Z(gap[1]));
    expect(got[1]).toBe(Z(repeat[1]));
    expect(got[2]).toBe(fromWall(zone, 2024, 7, 1, 12, 0));
    expect(toWall(zone, got[3])).toMatchObject({ y: 2024, mo: 1, d: 15, h: 8, mi: 5 });
  });
});

describe('runtime zone basics', () => {
  it('reads offsets of IANA and fixed zones', () => {
    expect(offsetMinutes(Z('2024-05-08T00:00:00Z'), 'Asia/Shanghai')).toBe(480);
    expect(offsetMinutes(Z('2024-01-08T00:00:00Z'), 'America/New_York')).toBe(-300);
    expect(offsetMinutes(Z('2024-07-08T00:00:00Z'), 'America/New_York')).toBe(-240);
    expect(offsetMinutes(0, 'GMT+08:00')).toBe(480);
    expect(offsetMinutes(0, 'GMT-3')).toBe(-180);
    expect(offsetMinutes(0, 'UTC')).toBe(0);
  });

  it('knows which zone ids Apps Script accepts', () => {
    expect(isValidZone('Asia/Shanghai')).toBe(true);
    expect(isValidZone('GMT+8')).toBe(true);
    expect(isValidZone('Mars/Olympus')).toBe(false);
  });

  it('gives ISO weekdays and offsets to the services', () => {
    // 2024-05-12 is a Sunday
    expect(localFields(Z('2024-05-12T04:00:00Z'), 'Asia/Shanghai')).toEqual({
      year: 2024,
      month: 5,
      day: 12,
      hour: 12,
      minute: 0,
      second: 0,
      ms: 0,
      weekday: 7,
      offset: 480,
    });
  });

  it('keeps years 0–99 as written', () => {
    const t = fromWall('UTC', 50, 6, 1);
    expect(new Date(t).getUTCFullYear()).toBe(50);
    expect(toWall('UTC', t).y).toBe(50);
  });

  // A typed time is 1899-12-30 at that wall time in the sheet zone, where zones kept local mean time
  // with seconds (issue 16): the instant is off the minute, its wall reading is exact.
  it.each([
    ['Asia/Shanghai', '1899-12-30T00:54:17Z', 29_143],
    ['Asia/Kolkata', '1899-12-30T03:38:50Z', 19_270],
    ['Europe/Moscow', '1899-12-30T06:29:43Z', 9_017],
    ['America/New_York', '1899-12-30T14:00:00Z', -18_000],
  ])('serial 0.375 (09:00) in %s is %s, offset %i s, and back', (zone, iso, offsetS) => {
    const t = fromSerial(zone, 0.375);
    expect(new Date(t).toISOString()).toBe(new Date(Z(iso)).toISOString());
    expect(tzOffset(zone, t)).toBe(offsetS * 1000);
    expect(toSerial(zone, t)).toBe(0.375);
    expect(toWall(zone, t)).toMatchObject({ y: 1899, mo: 12, d: 30, h: 9, mi: 0, s: 0 });
    expect(fromWall(zone, 1899, 12, 30, 9, 0)).toBe(t);
  });

  it.each(['Asia/Shanghai', 'Asia/Kolkata', 'Europe/Moscow', 'America/New_York'])('a typed 09:00 in a %s sheet reads back as 1899-12-30 09:00 there', (zone) => {
    const { sheet } = env({ timeZone: zone, locale: 'en_US' });
    const r = sheet.getRange('A1');
    r.setValue('09:00');
    const v = r.getValue() as Date;
    expect(v.getTime()).toBe(fromSerial(zone, 0.375));
    expect(toWall(zone, v.getTime())).toMatchObject({ y: 1899, mo: 12, d: 30, h: 9, mi: 0, s: 0 });
  });

  it('answers the second the offset changes, inside a cached minute', () => {
    const end = Z('1900-12-31T15:54:17Z'); // Asia/Shanghai: LMT to +08:00
    expect(tzOffset('Asia/Shanghai', end - 1000)).toBe(29_143_000);
    expect(tzOffset('Asia/Shanghai', end)).toBe(28_800_000);
    expect(tzOffset('Asia/Shanghai', end - 17_000)).toBe(29_143_000);
    expect(offsetMinutes(end - 1000, 'Asia/Shanghai')).toBe(485);
  });

  it('counts serial numbers in the sheet zone', () => {
    expect(toSerial('UTC', Z('1899-12-30T00:00:00Z'))).toBe(0);
    expect(toSerial('Asia/Shanghai', Z('2024-05-01T04:00:00Z'))).toBe(45413.5);
    expect(fromSerial('Asia/Shanghai', 45413.5)).toBe(Z('2024-05-01T04:00:00Z'));
    expect(fromSerial('America/New_York', toSerial('America/New_York', Z('2024-11-03T05:30:00Z')))).toBe(
      Z('2024-11-03T05:30:00Z'),
    );
  });
});
