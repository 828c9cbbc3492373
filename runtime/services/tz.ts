// Time-zone arithmetic for the runtime (formatDate, trigger schedules), from Intl: IANA zones plus
// the fixed `GMT+8`, `GMT+08:00`, `UTC` forms Apps Script also accepts.

import type { Zone } from '../../src/domain/zone';
import { fromLocal as zoneFromLocal, intlZone, isKnownZone } from '../../src/domain/zone';

const MIN = 60_000;

function fixedOffset(tz: string): number | null {
  if (/^(UTC|GMT|Z|Etc\/UTC|Etc\/GMT)$/i.test(tz)) return 0;
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(tz);
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

// One zone implementation for the add-on and the runtime (src/domain/zone.ts), cached per id.
const zones = new Map<string, Zone>();

export function zoneOf(tz: string): Zone {
  let z = zones.get(tz);
  if (!z) {
    const fixed = fixedOffset(tz);
    z = fixed !== null ? { id: tz, offsetMinutes: () => fixed } : intlZone(tz);
    zones.set(tz, z);
  }
  return z;
}

// Asked on every Utilities.formatDate; building an Intl formatter each time cost more than the format.
const validity = new Map<string, boolean>();

export function isValidZone(tz: string): boolean {
  let ok = validity.get(tz);
  if (ok === undefined) {
    ok = fixedOffset(tz) !== null || isKnownZone(tz);
    validity.set(tz, ok);
  }
  return ok;
}

/** Minutes east of UTC in `tz` at the instant. */
export function offsetMinutes(epochMs: number, tz: string): number {
  return zoneOf(tz).offsetMinutes(epochMs);
}

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
  offset: number;
}

export function localFields(epochMs: number, tz: string): LocalFields {
  const offset = offsetMinutes(epochMs, tz);
  const d = new Date(epochMs + offset * MIN);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: ((d.getUTCDay() + 6) % 7) + 1,
    offset,
  };
}

/** The instant of a wall-clock time in `tz`; a time skipped by DST lands after the jump, a repeated one on its first occurrence. */
export function fromLocal(y: number, mo: number, d: number, h: number, mi: number, tz: string): number {
  return zoneFromLocal({ year: y, month: mo, day: d, hour: h, minute: mi }, zoneOf(tz));
}
