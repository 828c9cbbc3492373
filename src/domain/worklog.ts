// Work-log entries are `yyyy-MM-dd HH:mm 姓名: text`, one per line, newest last.
import type { Zone } from './zone';
import { fromLocal } from './zone';

const ENTRY = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}) /;

/** Instant of the newest entry, or null when the log has none in the standard form. */
export function lastLogAt(log: string, zone: Zone): number | null {
  const lines = log.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = ENTRY.exec(lines[i].trim());
    if (m) return fromLocal({ year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5] }, zone);
  }
  return null;
}
