// Time-zone arithmetic for the runtime (formatDate, trigger schedules), from Intl: IANA zones plus
// the fixed `GMT+8`, `GMT+08:00`, `UTC` forms Apps Script also accepts.

const MIN = 60_000;
const fmtCache = new Map<string, Intl.DateTimeFormat>();

function fixedOffset(tz: string): number | null {
  if (/^(UTC|GMT|Z|Etc\/UTC|Etc\/GMT)$/i.test(tz)) return 0;
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(tz);
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function formatter(tz: string): Intl.DateTimeFormat {
  let f = fmtCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset', year: 'numeric' });
    fmtCache.set(tz, f);
  }
  return f;
}

export function isValidZone(tz: string): boolean {
  if (fixedOffset(tz) !== null) return true;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** Minutes east of UTC in `tz` at the instant. */
export function offsetMinutes(epochMs: number, tz: string): number {
  const fixed = fixedOffset(tz);
  if (fixed !== null) return fixed;
  const name = formatter(tz).formatToParts(new Date(epochMs)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
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
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  const candidates = [offsetMinutes(naive - 14 * 60 * MIN, tz), offsetMinutes(naive + 14 * 60 * MIN, tz)].map((o) => naive - o * MIN);
  const exact = candidates.filter((c) => offsetMinutes(c, tz) * MIN === naive - c).sort((a, b) => a - b);
  return exact.length ? exact[0] : candidates[0];
}
