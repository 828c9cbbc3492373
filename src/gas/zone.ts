// The spreadsheet's time zone as a domain Zone, answered by Utilities.formatDate (documented on
// Google; Intl's zone data in Apps Script is not). The SLA maths asks many times per run, so
// offsets are cached per UTC hour. Clocks change at a whole local hour, which is a whole UTC hour
// unless the offset has minutes (Adelaide +09:30 changes at 16:30 UTC): for such an offset the
// next hour is asked too, and an hour with a change inside is answered per quarter hour.
import type { Zone } from '../domain/zone';

const HOUR = 3_600_000;
const QUARTER = 900_000;

export function utilitiesZone(utilities: GoogleAppsScript.Utilities.Utilities, tz: string): Zone {
  const cache = new Map<number, number>();
  const offsetAt = (ms: number): number => {
    const hit = cache.get(ms);
    if (hit !== undefined) return hit;
    const z = utilities.formatDate(new Date(ms), tz, 'Z'); // "+0800"
    const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
    const off = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    if (cache.size > 100_000) cache.clear(); // a year of hours is 8,760: only a runaway caller reaches this
    cache.set(ms, off);
    return off;
  };
  return {
    id: tz,
    offsetMinutes(epochMs: number): number {
      const hour = Math.floor(epochMs / HOUR) * HOUR;
      const off = offsetAt(hour);
      if (off % 60 === 0 || off === offsetAt(hour + HOUR)) return off;
      return offsetAt(Math.floor(epochMs / QUARTER) * QUARTER);
    },
  };
}
