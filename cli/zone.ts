// The process time zone for the bundle's Date, and instants written in the workbook's zone.
import { offsetMinutes } from '../runtime/zone';

/**
 * Apps Script evaluates Date's local-time methods (getHours, toString…) in the script's time zone.
 * The bundle's Date is V8's, which reads the process zone, so the CLI (one runtime per process)
 * sets TZ to the script zone. Library users share their process: tests should not rely on local-time
 * Date methods, or set TZ themselves.
 */
export function useScriptZone(tz: string): void {
  if (process.env.TZ !== tz) process.env.TZ = tz;
}


/** An instant as ISO-8601 in `tz`, the form `--at` takes: 2024-05-08T15:00:00+08:00. */
export function zonedIso(epochMs: number, tz: string): string {
  const off = offsetMinutes(epochMs, tz);
  const wall = new Date(epochMs + off * 60_000).toISOString().slice(0, 19);
  const a = Math.abs(off);
  return `${wall}${off < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
