// The spreadsheet's time zone as a domain Zone, answered by Utilities.formatDate (documented on
// Google; Intl's zone data in Apps Script is not). Offsets are cached per hour: they only change
// on the hour or half hour, and the SLA maths asks many times per run.
import type { Zone } from '../domain/zone';

export function utilitiesZone(utilities: GoogleAppsScript.Utilities.Utilities, tz: string): Zone {
  const cache = new Map<number, number>();
  return {
    id: tz,
    offsetMinutes(epochMs: number): number {
      const hour = Math.floor(epochMs / 3_600_000);
      const hit = cache.get(hour);
      if (hit !== undefined) return hit;
      const z = utilities.formatDate(new Date(hour * 3_600_000), tz, 'Z'); // "+0800"
      const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
      const off = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
      cache.set(hour, off);
      return off;
    },
  };
}
