// The process time zone for the bundle's Date.
/**
 * Apps Script evaluates Date's local-time methods (getHours, toString…) in the script's time zone.
 * The bundle's Date is V8's, which reads the process zone, so the CLI (one runtime per process)
 * sets TZ to the script zone. Library users share their process: tests should not rely on local-time
 * Date methods, or set TZ themselves.
 */
export function useScriptZone(tz: string): void {
  if (process.env.TZ !== tz) process.env.TZ = tz;
}

