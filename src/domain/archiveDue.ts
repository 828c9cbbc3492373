// Which tickets the daily archive takes (closed, quiet for the archive age), as pure logic: the
// archive run picks with it, and the adoption plan counts with it before anything changes (issue
// 23: a team's years of history would otherwise leave its sheet on the first daily run unannounced).
import type { ColumnMap, DateOrders } from './columns';
import { rowToTicket } from './columns';
import type { Ticket } from './ticket';
import type { Zone } from './zone';

const DAY = 86_400_000;

/** The instant a closed ticket last moved: the latest of its update, resolution and response stamps. */
export function lastActivity(tk: Ticket): number | null {
  const stamps = [tk.lastUpdateAt, tk.resolvedAt, tk.firstResponseAt].filter(
    (x): x is number => typeof x === 'number',
  );
  if (stamps.length) return Math.max(...stamps);
  return tk.submittedAt ?? null;
}

/** Closed, and its last activity `afterDays` or more before `now`: the archive moves it. */
export function dueForArchive(tk: Ticket, now: number, afterDays: number): boolean {
  if (tk.status !== 'closed') return false;
  const at = lastActivity(tk);
  return at !== null && at <= now - afterDays * DAY;
}

/**
 * How many of `rows` (a team's rows, read as the tracker will read them after adoption) the daily
 * archive will move to the archive sheet.
 */
export function countDueForArchive(
  rows: readonly (readonly unknown[])[],
  columns: ColumnMap,
  zone: Zone,
  dates: DateOrders,
  now: number,
  afterDays: number,
): number {
  let n = 0;
  for (const r of rows) if (dueForArchive(rowToTicket(r, columns, zone, dates), now, afterDays)) n++;
  return n;
}
