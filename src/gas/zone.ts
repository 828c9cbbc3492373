// The spreadsheet's time zone as a domain Zone, answered by Utilities.formatDate (documented on
// Google; Intl's zone data in Apps Script is not). The offset is read off the formatted wall clock,
// seconds included: 'Z' would drop them (SimpleDateFormat writes +08:05:43 as "+0805"), and a typed
// time is 1899-12-30 in the sheet zone, when many zones kept local mean time with seconds
// (Asia/Shanghai +08:05:43): its 09:00 would read as 08:59 (issue 16). The SLA maths asks many times per run, so
// offsets are cached. A UTC day whose start and end have the same offset has no change inside
// (zones change at most once a day, as src/domain/calendar.ts assumes): one answer for the whole
// day, so a year of tickets asks ~370 times, not once per hour (8,760). Inside a day with a change,
// offsets are asked per UTC hour. Clocks change at a whole local hour, which is a whole UTC hour
// unless the offset has minutes (Adelaide +09:30 changes at 16:30 UTC): for such an offset the
// next hour is asked too, and an hour with a change inside is answered per quarter hour.
import type { Zone } from '../domain/zone';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const QUARTER = 900_000;
const MINUTE = 60_000;

/** Epoch ms of a UTC reading; years 0–99 stay themselves (the calendar repeats every 400 years). */
function utc(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  return y >= 0 && y < 100 ? Date.UTC(y + 400, mo - 1, d, h, mi, s) - 146_097 * 86_400_000 : Date.UTC(y, mo - 1, d, h, mi, s);
}

export function utilitiesZone(utilities: GoogleAppsScript.Utilities.Utilities, tz: string): Zone {
  const cache = new Map<number, number>();
  const offsetAt = (ms: number): number => {
    const hit = cache.get(ms);
    if (hit !== undefined) return hit;
    // reference/utilities/utilities#formatdatedate,-timezone,-format: the wall clock in tz.
    const wall = utilities.formatDate(new Date(ms), tz, 'yyyy-MM-dd HH:mm:ss'); // "1899-12-30 09:00:00"
    const m = /^(\d{1,6})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(wall);
    // Minutes, a fraction where the offset has seconds (485.716… for +08:05:43).
    const off = m ? (utc(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) - ms) / MINUTE : 0;
    if (cache.size > 100_000) cache.clear(); // a year of hours is 8,760: only a runaway caller reaches this
    cache.set(ms, off);
    return off;
  };
  // Per UTC day (its number, a small integer key): the offset when the same at its start and the
  // next day's, else NaN. The calendar asks for every clock of every ticket of a weekly review;
  // this answers most of them with one lookup, allocating nothing.
  const wholeDays = new Map<number, number>();
  return {
    id: tz,
    offsetMinutes(epochMs: number): number {
      const n = Math.floor(epochMs / DAY);
      let whole = wholeDays.get(n);
      if (whole === undefined) {
        const start = offsetAt(n * DAY);
        whole = start === offsetAt((n + 1) * DAY) ? start : NaN;
        if (wholeDays.size > 100_000) wholeDays.clear();
        wholeDays.set(n, whole);
      }
      if (!Number.isNaN(whole)) return whole;
      const hour = Math.floor(epochMs / HOUR) * HOUR;
      const off = offsetAt(hour);
      if (off % 60 === 0 || off === offsetAt(hour + HOUR)) return off;
      return offsetAt(Math.floor(epochMs / QUARTER) * QUARTER);
    },
  };
}
