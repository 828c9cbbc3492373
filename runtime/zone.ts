// The runtime's one time-zone module: wall-clock time in a spreadsheet or script zone, and
// spreadsheet serial numbers (days since 1899-12-30 in the spreadsheet's zone). Every service and
// the spreadsheet model convert through here. Written apart from the add-on's src/domain/zone.ts on
// purpose: the emulator checks that code, so it must not answer with it.
//
// Zones: IANA ids from the JavaScript engine's database (Intl), plus the fixed `UTC`, `GMT`,
// `GMT+8`, `GMT+08:00` forms Apps Script also accepts
// (https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)).
//
// Wall times that do not name exactly one instant (Google documents neither case):
// - skipped by a clock change (America/New_York 2024-03-10 02:30): resolved forward, by the offset in
//   force before the jump, so 02:30 becomes 03:30 EDT — what Sheets shows for such a typed date;
// - repeated by a clock change (America/New_York 2024-11-03 01:30): the EARLIER occurrence (the
//   one still on summer time). Chosen because it is undocumented; it matches java.time and
//   Temporal's 'compatible' rule, which Google's own date handling follows elsewhere.

const MIN = 60_000;
const DAY = 86_400_000;

/** A wall-clock reading in a zone. */
export interface Wall {
  y: number;
  mo: number; // 1-12
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  dow: number; // 0 = Sunday
}

/** Epoch ms of a proleptic-Gregorian UTC reading; unlike Date.UTC, years 0–99 stay years 0–99. */
function utcMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(h, mi, s, ms);
  return t.getTime();
}

function fixedOffset(tz: string): number | null {
  if (/^(UTC|GMT|Z|Etc\/UTC|Etc\/GMT)$/i.test(tz)) return 0;
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(tz);
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/**
 * Offset lookup for one zone, in ms. Offsets are whole seconds: before standard time a zone kept
 * local mean time, e.g. Asia/Shanghai +08:05:43 until 1901, Europe/Moscow +02:30:17 until 1916
 * (IANA tz data, which Java, and so Apps Script, uses too). Cached per minute; a minute in which the
 * offset changes (LMT ended at odd seconds of UTC) is answered per second.
 */
type OffsetFn = (epochMs: number) => number;
const offsetFns = new Map<string, OffsetFn>();

function intlOffsets(tz: string): OffsetFn {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  /** Exact offset at a whole-second instant. */
  const at = (secondMs: number): number => {
    const f: Record<string, string> = {};
    for (const p of fmt.formatToParts(new Date(secondMs))) f[p.type] = p.value;
    const year = f.era === 'BC' || f.era === 'B' ? 1 - Number(f.year) : Number(f.year);
    return utcMs(year, Number(f.month), Number(f.day), Number(f.hour), Number(f.minute), Number(f.second)) - secondMs;
  };
  const cache = new Map<number, number | null>();
  return (epochMs) => {
    const minute = Math.floor(epochMs / MIN);
    let off = cache.get(minute);
    if (off === undefined) {
      const start = at(minute * MIN);
      // null: the offset changes within this minute.
      off = at(minute * MIN + MIN - 1000) === start ? start : null;
      if (cache.size > 20_000) cache.clear();
      cache.set(minute, off);
    }
    return off ?? at(Math.floor(epochMs / 1000) * 1000);
  };
}

function offsetFn(tz: string): OffsetFn {
  let fn = offsetFns.get(tz);
  if (!fn) {
    const fixed = fixedOffset(tz);
    fn = fixed !== null ? () => fixed * MIN : intlOffsets(tz);
    offsetFns.set(tz, fn);
  }
  return fn;
}

// Asked on every Utilities.formatDate; building an Intl formatter each time cost more than the format.
const validity = new Map<string, boolean>();

/** Whether Apps Script would accept `tz` as a time-zone id. */
export function isValidZone(tz: string): boolean {
  let ok = validity.get(tz);
  if (ok === undefined) {
    ok = fixedOffset(tz) !== null;
    if (!ok) {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        ok = true;
      } catch (e) {
        // Intl refuses a zone it does not know with a RangeError.
        if (!(e instanceof RangeError)) throw e;
        ok = false;
      }
    }
    validity.set(tz, ok);
  }
  return ok;
}

/**
 * Whole minutes east of UTC in `tz` at the instant (+480 for Asia/Shanghai), seconds dropped toward
 * zero as Java's SimpleDateFormat writes an offset for `Z` and `X` (+08:05:43 → "+0805").
 */
export function offsetMinutes(epochMs: number, tz: string): number {
  return Math.trunc(offsetFn(tz)(epochMs) / MIN);
}

/** Offset of `tz` from UTC at instant `epochMs`, in ms, seconds included (+08:05:43 for Shanghai in 1899). */
export function tzOffset(tz: string, epochMs: number): number {
  return offsetFn(tz)(epochMs);
}

/** The wall-clock reading of an instant in `tz`. */
export function toWall(tz: string, epochMs: number): Wall {
  const t = new Date(epochMs + tzOffset(tz, epochMs));
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
    ms: t.getUTCMilliseconds(),
    dow: t.getUTCDay(),
  };
}

/**
 * Epoch ms of a wall-clock time in `tz`. A time skipped by a clock change resolves forward (by
 * the offset before the jump); a repeated time resolves to its earlier occurrence (see the top).
 */
export function fromWall(tz: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const naive = utcMs(y, mo, d, h, mi, s, ms);
  const offsets = offsetFn(tz);
  // The offsets in force a day either side bracket any clock change that could touch this reading.
  const before = offsets(naive - DAY);
  const after = offsets(naive + DAY);
  const readings = [naive - before, naive - after].filter((t) => offsets(t) === naive - t);
  if (readings.length) return Math.min(...readings);
  return naive - before;
}

/** A wall reading with the names the services use (ISO weekday, offset), for formatDate and schedules. */
export interface LocalFields {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** ISO: 1 = Monday … 7 = Sunday */
  weekday: number;
  /** whole minutes east of UTC, seconds dropped (offsetMinutes) */
  offset: number;
}

export function localFields(epochMs: number, tz: string): LocalFields {
  const w = toWall(tz, epochMs);
  return {
    year: w.y,
    month: w.mo,
    day: w.d,
    hour: w.h,
    minute: w.mi,
    second: w.s,
    ms: w.ms,
    weekday: w.dow === 0 ? 7 : w.dow,
    offset: offsetMinutes(epochMs, tz),
  };
}

const EPOCH_1899 = Date.UTC(1899, 11, 30);

/** Serial number of an instant, as the sheet sees it in `tz`. */
export function toSerial(tz: string, epochMs: number): number {
  return (epochMs + tzOffset(tz, epochMs) - EPOCH_1899) / DAY;
}

/** The instant a serial number names in `tz`. */
export function fromSerial(tz: string, serial: number): number {
  return utcAsWall(tz, Math.round(EPOCH_1899 + serial * DAY));
}

/** Epoch ms whose UTC fields equal the wall time in `tz` (what ExcelJS expects for a date). */
export function wallAsUtc(tz: string, epochMs: number): number {
  return epochMs + tzOffset(tz, epochMs);
}

/** The instant whose wall reading in `tz` equals the UTC fields of `utcMs`. */
export function utcAsWall(tz: string, utcMsValue: number): number {
  const t = new Date(utcMsValue);
  return fromWall(
    tz,
    t.getUTCFullYear(),
    t.getUTCMonth() + 1,
    t.getUTCDate(),
    t.getUTCHours(),
    t.getUTCMinutes(),
    t.getUTCSeconds(),
    t.getUTCMilliseconds(),
  );
}
