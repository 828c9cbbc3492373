// Working-hours calendar: how much "working time" lies between two instants, and when a given
// amount of it will have elapsed. Pure code: wall-clock decisions go through the Zone seam
// (zone.ts), so the same functions run in Node tests and in Apps Script V8.
//
// Rules
// - A day is worked when it is listed in `extraWorkDays` (make-up day, 调休), otherwise when it
//   is not in `holidays` and its ISO weekday is in `workDays`. A date in both lists is a holiday
//   (an explicit "not worked" wins; parseSettings in settings.ts warns about the conflict).
// - A worked day's working time is the wall-clock range [workStart, workEnd) minus `breaks`, in
//   the calendar's zone, whatever the UTC offset that day. On a daylight-saving day the range
//   maps to the instants of those wall times, so 09:00–18:00 is still 9 hours unless a jump
//   falls inside it (a wall time skipped by a jump resolves like `fromLocal`: the same distance
//   after the jump). A local date that does not exist (Samoa 2011-12-30) has no working time.
// - Start outside working time: the clock starts at the next working instant. A duration that
//   ends exactly at the end of a working range ends there (17:00 + 1 h → 18:00, not 09:00 the
//   next morning). A zero duration returns the start unchanged.
// - Cost grows with the number of local days spanned (each day is resolved once, and cached per
//   calendar object), never with minutes. Settings objects are treated as immutable: build a new
//   one when the settings change.
// - A calendar that can never provide working time again (no working weekday, or every working
//   range empty, and no make-up day ahead) makes `addWorkingTime` throw a CalendarError instead
//   of looping. parseSettings never builds such settings (no working day, or hours that end
//   before they start, fall back to the defaults with a warning).
// Over ~400 lines: one set of working-time rules (days, hours, holidays, make-up days) used by
// both directions (elapsed time and due time), which must agree.
import { TrackerError } from './errors';
import { dayNumber, fromDayNumber, fromLocal, type Zone } from './zone';

export interface TimeRange {
  /** Minutes after local midnight, 0–1440. */
  start: number;
  end: number;
}

export interface CalendarSettings {
  /** The spreadsheet's time zone. */
  zone: Zone;
  /** ISO weekdays that are worked: 1 = Monday … 7 = Sunday. */
  workDays: number[];
  /** Minutes after local midnight, e.g. 9 * 60. */
  workStart: number;
  /** Minutes after local midnight, e.g. 18 * 60; at most 1440 (midnight at the end of the day). */
  workEnd: number;
  /** Unworked ranges inside the working day, e.g. lunch `{ start: 720, end: 780 }`. */
  breaks?: TimeRange[];
  /** `yyyy-MM-dd` local dates that are not worked. */
  holidays: string[];
  /** `yyyy-MM-dd` local dates that are worked whatever their weekday (make-up days, 调休). */
  extraWorkDays: string[];
}

export type Clock = 'working' | '24x7';

/** The calendar has no working time left to give (code `noWorkingTime`). */
export class CalendarError extends TrackerError {
  constructor(message: string) {
    super('noWorkingTime', message);
    this.name = 'CalendarError';
  }
}

/** Mon–Fri 09:00–18:00, no breaks, no holidays, in the given zone. */
export function defaultCalendar(zone: Zone): CalendarSettings {
  return {
    zone,
    workDays: [1, 2, 3, 4, 5],
    workStart: 9 * 60,
    workEnd: 18 * 60,
    breaks: [],
    holidays: [],
    extraWorkDays: [],
  };
}

/** Optional counters, for tests and diagnostics: how many local days a call resolved. */
export interface CalendarStats {
  days: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Hard stop for pathological inputs: 400 years of days. */
const MAX_DAYS = 400 * 366;

// ---------------------------------------------------------------------------------------------
// Compiled form, cached per settings object.

type Span = readonly [number, number];

interface Compiled {
  zone: Zone;
  workDays: boolean[];
  /** Working ranges of a worked day in minutes after midnight, sorted, disjoint, non-empty. */
  ranges: Span[];
  holidays: Set<number>;
  extra: Set<number>;
  /** Last day number listed as a make-up day (or -Infinity). */
  lastExtra: number;
  /** Whether some weekday provides working time every week. */
  weeklyWork: boolean;
  /** Local day number → working spans as instants. */
  days: Map<number, Span[]>;
  /** Fast-path state: the last day resolved without a UTC-offset change, and its offset. */
  fastDay: number;
  fastOff: number;
}

const compiledCache = new WeakMap<CalendarSettings, Compiled>();

/** `yyyy-MM-dd` (also `yyyy/M/d`, `yyyy.M.d`) → local day number; null when not a real date. */
export function parseDate(s: string): number | null {
  const m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(String(s));
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const n = dayNumber(y, mo, d);
  const back = fromDayNumber(n);
  return back.year === y && back.month === mo && back.day === d ? n : null;
}

function workingRanges(cal: CalendarSettings): Span[] {
  const start = Math.max(0, Math.min(1440, Math.round(cal.workStart)));
  const end = Math.max(0, Math.min(1440, Math.round(cal.workEnd)));
  let ranges: Span[] = end > start ? [[start, end]] : [];
  const breaks = (cal.breaks ?? [])
    .map((b) => [Math.round(b.start), Math.round(b.end)] as const)
    .filter(([a, b]) => b > a);
  for (const [bs, be] of breaks) {
    const next: Span[] = [];
    for (const [a, b] of ranges) {
      if (be <= a || bs >= b) {
        next.push([a, b]);
        continue;
      }
      if (bs > a) next.push([a, bs]);
      if (be < b) next.push([be, b]);
    }
    ranges = next;
  }
  return ranges.sort((x, y) => x[0] - y[0]);
}

function compile(cal: CalendarSettings): Compiled {
  const hit = compiledCache.get(cal);
  if (hit) return hit;
  const workDays: boolean[] = [];
  for (let i = 0; i <= 7; i++) workDays.push(false);
  for (const d of cal.workDays) if (Number.isInteger(d) && d >= 1 && d <= 7) workDays[d] = true;
  const ranges = workingRanges(cal);
  const toSet = (list: readonly string[]): Set<number> => {
    const set = new Set<number>();
    for (const s of list ?? []) {
      const n = parseDate(s);
      if (n !== null) set.add(n);
    }
    return set;
  };
  const holidays = toSet(cal.holidays);
  const extra = toSet(cal.extraWorkDays);
  let lastExtra = -Infinity;
  extra.forEach((n) => {
    if (!holidays.has(n) && n > lastExtra) lastExtra = n;
  });
  const c: Compiled = {
    zone: cal.zone,
    workDays,
    ranges,
    holidays,
    extra,
    lastExtra,
    weeklyWork: ranges.length > 0 && workDays.some((x) => x),
    days: new Map(),
    fastDay: NaN,
    fastOff: 0,
  };
  compiledCache.set(cal, c);
  return c;
}

function isWorkedDay(c: Compiled, day: number): boolean {
  if (c.holidays.has(day)) return false;
  if (c.extra.has(day)) return true;
  return c.workDays[fromDayNumber(day).weekday];
}

/** Past ±8.64e15 ms a Date is invalid: toLocal gives NaN there, and so does dayOf. */
const MAX_DATE_MS = 8.64e15;

/**
 * Local day number of an instant: the same as `dayNumber` of `toLocal`'s date (both count days of
 * the proleptic Gregorian calendar from 1970-01-01), without a Date and an object per call — the
 * weekly review asks this for every ticket's clocks.
 */
function dayOf(c: Compiled, ms: number): number {
  const local = ms + Math.round(c.zone.offsetMinutes(ms) * 60_000);
  return Math.abs(local) <= MAX_DATE_MS ? Math.floor(local / 86_400_000) : NaN;
}

/**
 * Instants of the wall times `minutes[i]` after local midnight of `day`. Fast path: when the UTC
 * offset is the same shortly before the day's midnight, at its midnight and at the next midnight,
 * the day has no offset change (zones change at most once a day) and every wall time is
 * `naive - offset`. Otherwise each wall time goes through `fromLocal`.
 */
function wallInstants(c: Compiled, day: number, minutes: number[]): { at: number[]; fast: boolean } {
  const zone = c.zone;
  const naive0 = day * DAY;
  let off: number;
  let constant: boolean;
  if (c.fastDay === day - 1) {
    // Yesterday had no change up to its end, which is today's midnight at fastOff.
    off = c.fastOff;
    constant = zone.offsetMinutes(naive0 + DAY - off * MINUTE) === off;
  } else {
    off = zone.offsetMinutes(naive0 - zone.offsetMinutes(naive0) * MINUTE);
    const i0 = naive0 - off * MINUTE;
    constant =
      zone.offsetMinutes(i0) === off &&
      zone.offsetMinutes(i0 - 3 * HOUR) === off &&
      zone.offsetMinutes(i0 + DAY) === off;
  }
  if (constant) {
    c.fastDay = day;
    c.fastOff = off;
    return { at: minutes.map((m) => naive0 + m * MINUTE - off * MINUTE), fast: true };
  }
  c.fastDay = NaN;
  const d = fromDayNumber(day);
  return {
    at: minutes.map((m) => fromLocal({ year: d.year, month: d.month, day: d.day, hour: 0, minute: m }, zone)),
    fast: false,
  };
}

/** Working spans (instants) of a local day; cached. */
function daySpans(c: Compiled, day: number, stats?: CalendarStats): Span[] {
  if (stats) stats.days++;
  const hit = c.days.get(day);
  if (hit) return hit;
  const spans: Span[] = [];
  if (c.ranges.length && isWorkedDay(c, day)) {
    const flat: number[] = [];
    for (const [a, b] of c.ranges) flat.push(a, b);
    const { at, fast } = wallInstants(c, day, flat);
    for (let i = 0; i < at.length; i += 2) {
      const s = at[i];
      const e = at[i + 1];
      if (e <= s) continue;
      // A date that does not exist locally (skipped by a zone change) resolves to another day.
      if (!fast && dayOf(c, s) !== day && dayOf(c, e - 1) !== day) continue;
      spans.push([s, e]);
    }
  }
  if (c.days.size > 5000) c.days.clear();
  c.days.set(day, spans);
  return spans;
}

function checkFinite(name: string, v: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new RangeError(`${name} must be a finite number, got ${String(v)}`);
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * Whether a local calendar date (`yyyy-MM-dd` or a day number from zone.dayNumber) is worked.
 * @example
 * const cal = defaultCalendar(intlZone('Asia/Shanghai'));
 * isWorkingDay(cal, '2024-05-03'); // => true
 * isWorkingDay(cal, '2024-05-04'); // => false
 * isWorkingDay({ ...cal, holidays: ['2024-05-03'] }, '2024-05-03'); // => false
 */
export function isWorkingDay(cal: CalendarSettings, date: string | number): boolean {
  const c = compile(cal);
  const n = typeof date === 'number' ? date : parseDate(date);
  if (n === null) throw new RangeError(`not a date: ${String(date)}`);
  return c.ranges.length > 0 && isWorkedDay(c, n);
}

/**
 * Whether the instant lies inside working time (start inclusive, end exclusive).
 * @example
 * const cal = defaultCalendar(intlZone('Asia/Shanghai'));
 * isWorkingInstant(cal, Date.parse('2024-05-03T09:00:00+08:00')); // => true
 * isWorkingInstant(cal, Date.parse('2024-05-03T18:00:00+08:00')); // => false
 */
export function isWorkingInstant(cal: CalendarSettings, ms: number): boolean {
  checkFinite('ms', ms);
  const c = compile(cal);
  const day = dayOf(c, ms);
  for (let d = day - 1; d <= day; d++)
    for (const [s, e] of daySpans(c, d)) if (ms >= s && ms < e) return true;
  return false;
}

/**
 * The instant at which `durationMs` of working time has elapsed from `startMs`.
 * Throws CalendarError when the calendar has no working time left to give.
 * @example
 * const cal = defaultCalendar(intlZone('Asia/Shanghai')); // Mon–Fri 09:00–18:00
 * // Friday 17:00 plus 2 working hours: one hour on Friday, one on Monday.
 * new Date(addWorkingTime(cal, Date.parse('2024-05-03T17:00:00+08:00'), 2 * 3_600_000)).toISOString(); // => '2024-05-06T02:00:00.000Z'
 */
export function addWorkingTime(
  cal: CalendarSettings,
  startMs: number,
  durationMs: number,
  stats?: CalendarStats,
): number {
  checkFinite('startMs', startMs);
  checkFinite('durationMs', durationMs);
  if (durationMs < 0) throw new RangeError(`durationMs must not be negative, got ${durationMs}`);
  if (durationMs === 0) return startMs;
  const c = compile(cal);
  let remaining = durationMs;
  let cursor = startMs;
  const first = dayOf(c, startMs) - 1;
  for (let day = first; ; day++) {
    if (!c.weeklyWork && day > c.lastExtra) {
      throw new CalendarError(
        'The working calendar has no working time left (no working weekdays or empty working hours, and no make-up day ahead). Check the working days and hours in the settings.',
      );
    }
    if (day - first > MAX_DAYS)
      throw new CalendarError('The working calendar has no working time in 400 years. Check the settings.');
    // Indexed, not for…of with destructuring: this loop runs for every SLA clock of a review.
    const spans = daySpans(c, day, stats);
    for (let i = 0; i < spans.length; i++) {
      const s = spans[i][0];
      const e = spans[i][1];
      const from = s > cursor ? s : cursor;
      if (from >= e) continue;
      const avail = e - from;
      if (remaining <= avail) return from + remaining;
      remaining -= avail;
      cursor = e;
    }
  }
}

/**
 * Whether addWorkingTime can never run out of working time (throw CalendarError) on this calendar:
 * some weekday is worked, with working hours, and the holidays are too few to fill the 400 years it
 * looks ahead. A caller that needs only some of its due instants may then skip the others without
 * skipping an error.
 */
export function alwaysHasWorkingTime(cal: CalendarSettings): boolean {
  const c = compile(cal);
  return c.weeklyWork && c.holidays.size < MAX_DAYS / 14;
}

/**
 * Working time (ms) in [fromMs, toMs); 0 when toMs <= fromMs.
 * @example
 * const cal = defaultCalendar(intlZone('Asia/Shanghai'));
 * workingTimeBetween(cal, Date.parse('2024-05-03T17:00:00+08:00'), Date.parse('2024-05-06T10:00:00+08:00')) / 3_600_000; // => 2
 * workingTimeBetween(cal, Date.parse('2024-05-04T10:00:00+08:00'), Date.parse('2024-05-05T10:00:00+08:00')); // => 0
 */
export function workingTimeBetween(
  cal: CalendarSettings,
  fromMs: number,
  toMs: number,
  stats?: CalendarStats,
): number {
  checkFinite('fromMs', fromMs);
  checkFinite('toMs', toMs);
  if (toMs <= fromMs) return 0;
  const c = compile(cal);
  const last = dayOf(c, toMs);
  let total = 0;
  let cursor = fromMs;
  for (let day = dayOf(c, fromMs) - 1; day <= last; day++) {
    const spans = daySpans(c, day, stats);
    for (let i = 0; i < spans.length; i++) {
      const s = spans[i][0];
      const e = spans[i][1];
      const a = s > cursor ? s : cursor;
      const b = e < toMs ? e : toMs;
      if (b > a) {
        total += b - a;
        cursor = b;
      }
    }
  }
  return total;
}

/**
 * The first working instant at or after `ms`. Throws CalendarError like addWorkingTime.
 * @example
 * const cal = defaultCalendar(intlZone('Asia/Shanghai'));
 * new Date(nextWorkingInstant(cal, Date.parse('2024-05-04T12:00:00+08:00'))).toISOString(); // => '2024-05-06T01:00:00.000Z'
 */
export function nextWorkingInstant(cal: CalendarSettings, ms: number): number {
  if (isWorkingInstant(cal, ms)) return ms;
  // One millisecond of work starts at the next working instant.
  return addWorkingTime(cal, ms, 1) - 1;
}

/**
 * `addWorkingTime` on the working clock; plain addition round the clock.
 * @example
 * const cal = defaultCalendar(intlZone('Asia/Shanghai'));
 * const fri = Date.parse('2024-05-03T17:00:00+08:00');
 * (addTime(cal, '24x7', fri, 2 * 3_600_000) - fri) / 3_600_000; // => 2
 * new Date(addTime(cal, 'working', fri, 2 * 3_600_000)).toISOString(); // => '2024-05-06T02:00:00.000Z'
 */
export function addTime(cal: CalendarSettings, clock: Clock, startMs: number, durationMs: number): number {
  if (clock === '24x7') {
    checkFinite('startMs', startMs);
    checkFinite('durationMs', durationMs);
    if (durationMs < 0) throw new RangeError(`durationMs must not be negative, got ${durationMs}`);
    return startMs + durationMs;
  }
  return addWorkingTime(cal, startMs, durationMs);
}

/**
 * Elapsed clock time in [a, b); 0 when b <= a.
 * @example
 * const cal = defaultCalendar(intlZone('Asia/Shanghai'));
 * const fri = Date.parse('2024-05-03T17:00:00+08:00');
 * const mon = Date.parse('2024-05-06T10:00:00+08:00');
 * timeBetween(cal, '24x7', fri, mon) / 3_600_000; // => 65
 * timeBetween(cal, 'working', fri, mon) / 3_600_000; // => 2
 */
export function timeBetween(cal: CalendarSettings, clock: Clock, a: number, b: number): number {
  if (clock === '24x7') {
    checkFinite('a', a);
    checkFinite('b', b);
    return b > a ? b - a : 0;
  }
  return workingTimeBetween(cal, a, b);
}
