// Ticket IDs: `IT` + yyyyMMdd (spreadsheet time zone, submit date) + a daily serial 001…999, then
// 1000+. The next serial is derived from the IDs already in the sheet, never from a counter that
// can drift or from row numbers that change when people sort.

const ID = /^IT(\d{8})(\d{3,})$/;

export interface ParsedTicketId {
  date: string;
  serial: number;
}

export function parseTicketId(value: unknown): ParsedTicketId | null {
  if (typeof value !== 'string') return null;
  const m = ID.exec(value.trim());
  if (!m) return null;
  const serial = Number(m[2]);
  // `IT202405010001` is not a form we write: serials are padded to 3 digits only.
  if (m[2].length > 3 && m[2].startsWith('0')) return null;
  return serial > 0 ? { date: m[1], serial } : null;
}

export function formatTicketId(date: string, serial: number): string {
  if (!/^\d{8}$/.test(date) || !Number.isInteger(serial) || serial < 1) throw new Error(`bad ticket id parts: ${date} ${serial}`);
  return `IT${date}${String(serial).padStart(3, '0')}`;
}

/** Highest serial per date among the values of an ID column. */
export function highestSerials(ids: readonly unknown[]): Map<string, number> {
  const max = new Map<string, number>();
  for (const v of ids) {
    const p = parseTicketId(v);
    if (p && p.serial > (max.get(p.date) ?? 0)) max.set(p.date, p.serial);
  }
  return max;
}

/** The ID for a new ticket submitted on `date` (yyyyMMdd), given the IDs in the sheet. */
export function nextTicketId(ids: readonly unknown[], date: string): string {
  return formatTicketId(date, (highestSerials(ids).get(date) ?? 0) + 1);
}

/**
 * IDs for rows that have none (adopting a hand-kept sheet): each dated from its submit date, in
 * submit order, continuing after the serials already used that day. `dates[i]` is the row's
 * yyyyMMdd, `order[i]` its submit instant (rows without one keep sheet order at the end).
 */
export function backfillIds(
  existing: readonly unknown[],
  missing: readonly { row: number; date: string; at: number | null }[],
): Map<number, string> {
  const max = highestSerials(existing);
  const sorted = missing
    .map((m, i) => ({ ...m, i }))
    .sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity) || a.i - b.i);
  const out = new Map<number, string>();
  for (const m of sorted) {
    const next = (max.get(m.date) ?? 0) + 1;
    max.set(m.date, next);
    out.set(m.row, formatTicketId(m.date, next));
  }
  return out;
}
