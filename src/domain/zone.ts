// Wall-clock time in the spreadsheet's time zone, without Apps Script: a Zone only has to say its
// UTC offset at an instant. On Google the adapter answers from Utilities.formatDate(…, 'Z'); in
// Node, from Intl. Every wall-clock decision (ID date, working hours, ISO weeks) goes through here.
import { rethrowUnless } from './errors';

export interface Zone {
  readonly id: string;
  /**
   * Minutes east of UTC at the instant, e.g. +480 for Asia/Shanghai; a fraction where the offset
   * has seconds (local mean time before standard time: +08:05:43 in Shanghai until 1901, which is
   * where a typed time-only cell lives, 1899-12-30).
   */
  offsetMinutes(epochMs: number): number;
}


export interface LocalDateTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday */
  weekday: number;
}

const MINUTE = 60_000;

/** The offset in whole ms (a fractional minute times 60,000 is not always a whole number). */
const offsetMs = (zone: Zone, epochMs: number): number => Math.round(zone.offsetMinutes(epochMs) * MINUTE);

/**
 * Date.UTC without its legacy mapping of years 0–99 to 1900–1999: the Gregorian calendar repeats
 * every 400 years (146 097 days), so shift such years by 400 and back.
 */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return y >= 0 && y < 100 ? Date.UTC(y + 400, mo, d, h, mi, s) - 146_097 * 86_400_000 : Date.UTC(y, mo, d, h, mi, s);
}

/**
 * @example
 * toLocal(Date.parse('2024-05-01T01:15:00Z'), intlZone('Asia/Shanghai')); // => { year: 2024, month: 5, day: 1, hour: 9, minute: 15, second: 0, weekday: 3 }
 */
export function toLocal(epochMs: number, zone: Zone): LocalDateTime {
  const d = new Date(epochMs + offsetMs(zone, epochMs));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: ((d.getUTCDay() + 6) % 7) + 1,
  };
}

/**
 * The instant a wall-clock time names. A time skipped by a daylight-saving jump resolves to the
 * same distance after the jump; a repeated time resolves to its first occurrence.
 * @example
 * const ny = intlZone('America/New_York');
 * new Date(fromLocal({ year: 2024, month: 5, day: 1, hour: 9, minute: 15 }, ny)).toISOString(); // => '2024-05-01T13:15:00.000Z'
 * // 02:30 does not exist on 2024-03-10 (clocks jump 02:00 → 03:00): it resolves forward, to 03:30 EDT.
 * new Date(fromLocal({ year: 2024, month: 3, day: 10, hour: 2, minute: 30 }, ny)).toISOString(); // => '2024-03-10T07:30:00.000Z'
 * // 01:30 happens twice on 2024-11-03: the first one (EDT) is taken.
 * new Date(fromLocal({ year: 2024, month: 11, day: 3, hour: 1, minute: 30 }, ny)).toISOString(); // => '2024-11-03T05:30:00.000Z'
 */
export function fromLocal(
  t: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number },
  zone: Zone,
): number {
  const naive = utc(t.year, t.month - 1, t.day, t.hour ?? 0, t.minute ?? 0, t.second ?? 0);
  const before = offsetMs(zone, naive - 14 * 60 * MINUTE);
  const after = offsetMs(zone, naive + 14 * 60 * MINUTE);
  const candidates = [naive - before, naive - after];
  const exact = candidates.filter((c) => c - naive === -offsetMs(zone, c)).sort((a, b) => a - b);
  if (exact.length) return exact[0];
  // In a gap: keep the distance from the wall time before the jump.
  return naive - before;
}

/**
 * Days since 1970-01-01 of a local calendar date, for day arithmetic independent of zones.
 * @example
 * dayNumber(1970, 1, 2); // => 1
 * dayNumber(2024, 5, 6) - dayNumber(2024, 4, 29); // => 7
 */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(utc(year, month - 1, day) / 86_400_000);
}

/**
 * @example
 * fromDayNumber(dayNumber(2024, 5, 6)); // => { year: 2024, month: 5, day: 6, weekday: 1 }
 */
export function fromDayNumber(n: number): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(n * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: ((d.getUTCDay() + 6) % 7) + 1 };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * `yyyy-MM-dd`, `yyyy-MM-dd HH:mm` or `yyyyMMdd` in the zone.
 * @example
 * const shanghai = intlZone('Asia/Shanghai');
 * formatLocal(Date.parse('2024-05-01T01:15:00Z'), shanghai, 'minute'); // => '2024-05-01 09:15'
 * formatLocal(Date.parse('2024-04-30T16:30:00Z'), shanghai, 'compact'); // => '20240501'
 * formatLocal(Date.parse('2024-04-30T16:30:00Z'), intlZone('Europe/London'), 'date'); // => '2024-04-30'
 */
export function formatLocal(epochMs: number, zone: Zone, pattern: 'date' | 'minute' | 'compact'): string {
  const t = toLocal(epochMs, zone);
  if (pattern === 'compact') return `${t.year}${pad(t.month)}${pad(t.day)}`;
  const date = `${t.year}-${pad(t.month)}-${pad(t.day)}`;
  return pattern === 'date' ? date : `${date} ${pad(t.hour)}:${pad(t.minute)}`;
}

/**
 * ISO-8601 week of a local calendar date: `{ year: 2024, week: 18 }`.
 * @example
 * isoWeekOf(2024, 5, 1); // => { year: 2024, week: 18 }
 * isoWeekOf(2021, 1, 1); // => { year: 2020, week: 53 }
 */
export function isoWeekOf(year: number, month: number, day: number): { year: number; week: number } {
  const n = dayNumber(year, month, day);
  const weekday = fromDayNumber(n).weekday;
  const thursday = fromDayNumber(n - weekday + 4);
  const jan1 = dayNumber(thursday.year, 1, 1);
  return { year: thursday.year, week: Math.floor((n - weekday + 4 - jan1) / 7) + 1 };
}

/**
 * Monday of an ISO week, as a local calendar date.
 * @example
 * isoWeekMonday(2024, 19); // => { year: 2024, month: 5, day: 6 }
 * isoWeekMonday(2025, 1); // => { year: 2024, month: 12, day: 30 }
 */
export function isoWeekMonday(year: number, week: number): { year: number; month: number; day: number } {
  const jan4 = dayNumber(year, 1, 4);
  const jan4Weekday = fromDayNumber(jan4).weekday;
  const monday = jan4 - (jan4Weekday - 1) + (week - 1) * 7;
  const d = fromDayNumber(monday);
  return { year: d.year, month: d.month, day: d.day };
}

/**
 * @example
 * formatIsoWeek({ year: 2024, week: 9 }); // => '2024-W09'
 */
export function formatIsoWeek(w: { year: number; week: number }): string {
  return `${w.year}-W${pad(w.week)}`;
}

/**
 * @example
 * parseIsoWeek('2024-W19'); // => { year: 2024, week: 19 }
 * parseIsoWeek('2024w5'); // => { year: 2024, week: 5 }
 * parseIsoWeek('2024-W53'); // => null
 * parseIsoWeek('2020-W53'); // => { year: 2020, week: 53 }
 */
export function parseIsoWeek(s: string): { year: number; week: number } | null {
  // Years 0000–0999 are refused: Date.UTC reads 0–99 as 1900–1999, and labels would lose digits.
  const m = /^([1-9]\d{3})-?W(\d{1,2})$/i.exec(s.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  const weeksInYear = isoWeekOf(year, 12, 28).week;
  return week >= 1 && week <= weeksInYear ? { year, week } : null;
}

/** A Zone from the JavaScript engine's time-zone database (Node, browsers, Apps Script V8). */
export function intlZone(id: string): Zone {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: id,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const cache = new Map<number, number>();
  return {
    id,
    offsetMinutes(epochMs: number): number {
      // Cache per minute keeps long scans cheap. Seconds are kept (local mean time: Zone).
      const key = Math.floor(epochMs / MINUTE);
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const p: Record<string, number> = {};
      for (const part of fmt.formatToParts(new Date(key * MINUTE))) if (part.type !== 'literal') p[part.type] = Number(part.value);
      const asUtc = utc(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
      const off = (asUtc - key * MINUTE) / MINUTE;
      if (cache.size > 10_000) cache.clear();
      cache.set(key, off);
      return off;
    },
  };
}

/** Whether the engine knows the IANA zone id. */
export function isKnownZone(id: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: id });
    return true;
  } catch (e) {
    rethrowUnless(e, 'RangeError');
    // Intl refuses a zone it does not know with a RangeError.
    return false;
  }
}
