// The spreadsheet's time zone as a domain Zone, answered by Utilities.formatDate (documented on
// Google; Intl's zone data in Apps Script is not). The SLA maths asks many times per run, so
// offsets are cached per UTC hour — unless the offset at the hour's start differs from the next
// hour's: then the change falls inside the hour (at :30 UTC in Adelaide, St John's, Lord Howe)
// and that hour is answered per quarter hour, the finest step any zone has changed on.
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
    if (cache.size > 10_000) cache.clear();
    cache.set(ms, off);
    return off;
  };
  return {
    id: tz,
    offsetMinutes(epochMs: number): number {
      const hour = Math.floor(epochMs / HOUR) * HOUR;
      const off = offsetAt(hour);
      return off === offsetAt(hour + HOUR) ? off : offsetAt(Math.floor(epochMs / QUARTER) * QUARTER);
    },
  };
}
