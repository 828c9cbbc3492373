// Ticket IDs at submit without reading the ID column (issue 22). Under the document lock the stored
// counter — the last ID issued — is authoritative: the next serial of today follows it, or today
// starts at 001 when the last ID is from an earlier day. Allocating costs no spreadsheet call.
//
// The sheets are consulted only when the stored state is missing, unreadable or contradicted (its
// date is later than today: the clock or the spreadsheet's zone moved back). Then every ID ever
// issued counts — the live rows, the archive, the audit trail and the stored ID itself — so an ID is
// never handed out twice after sorts, cleared rows, archiving or lost properties.
//
// Everything else that writes IDs keeps the counter ahead of them: setup's backfill raises it
// (noteIssuedIds); the ID column is the tracker's own (hand edits to it are put back).
import type { ParsedTicketId } from '../domain/ticketId';
import { formatTicketId, nextTicketId, parseTicketId } from '../domain/ticketId';
import { findArchiveSheet, readArchiveSheet } from '../gas/archiveSheet';
import { findAuditSheet } from '../gas/auditSheet';
import { PROPERTY_KEYS, readJson } from '../gas/properties';
import type { TicketSheet } from '../gas/ticketSheet';
import { readIdColumn } from '../gas/ticketSheet';
import type { Tracker } from './tracker';

type Props = GoogleAppsScript.Properties.Properties;

/** What the stored ID counter holds (PROPERTY_KEYS.idCounter). */
export interface IdCounter {
  /** The last ID issued. */
  last: string;
  /** Submits left before intake looks at the grid's end again (growFormattedRows). */
  checkIn: number;
}

/** The stored counter; a missing one falls back to the last ID alone (as versions before it kept). */
export function readIdCounter(props: Props): { last: ParsedTicketId | null; checkIn: number } {
  const v = readJson(props, PROPERTY_KEYS.idCounter) as Partial<IdCounter> | null;
  if (v && typeof v === 'object' && typeof v.last === 'string') {
    const checkIn = typeof v.checkIn === 'number' && Number.isSafeInteger(v.checkIn) && v.checkIn > 0 ? v.checkIn : 0;
    return { last: parseTicketId(v.last), checkIn };
  }
  return { last: parseTicketId(props.getProperty(PROPERTY_KEYS.lastId)), checkIn: 0 };
}

/** Stores the counter and the last ID in one call. */
export function writeIdCounter(props: Props, c: IdCounter): void {
  props.setProperties({ [PROPERTY_KEYS.idCounter]: JSON.stringify(c), [PROPERTY_KEYS.lastId]: c.last });
}

const later = (a: ParsedTicketId, b: ParsedTicketId): boolean => a.date > b.date || (a.date === b.date && a.serial > b.serial);

export interface Allocation {
  id: string;
  /** The sheets were read (the stored state was missing or contradicted). */
  consulted: boolean;
  /** The ticket sheet's last row, when it was read on the way. */
  lastRow?: number;
  checkIn: number;
}

/** The next ID for a ticket submitted on `today` (yyyyMMdd). Call under the document lock. */
export function allocateTicketId(tr: Tracker, ts: TicketSheet, today: string): Allocation {
  const stored = readIdCounter(tr.props);
  const last = stored.last;
  if (last && last.date === today) return { id: formatTicketId(today, last.serial + 1), consulted: false, checkIn: stored.checkIn };
  if (last && last.date < today) return { id: formatTicketId(today, 1), consulted: false, checkIn: stored.checkIn };
  // Missing, unreadable, or later than today: every ID ever issued counts.
  const { ids, lastRow } = readIdColumn(ts);
  const used: unknown[] = [...ids, ...archivedIds(tr), ...auditedIds(tr)];
  if (last) used.push(formatTicketId(last.date, last.serial));
  return { id: nextTicketId(used, today), consulted: true, lastRow, checkIn: 0 };
}

/** IDs in the archive sheet (none when it is missing or unreadable). */
function archivedIds(tr: Tracker): string[] {
  const sheet = findArchiveSheet(tr.ss, tr.lang);
  return sheet ? [...(readArchiveSheet(sheet)?.ids ?? [])] : [];
}

/** IDs named in the audit trail (its third column), including tickets whose rows are long gone. */
function auditedIds(tr: Tracker): unknown[] {
  const sheet = findAuditSheet(tr.ss);
  if (!sheet) return [];
  const last = sheet.getLastRow();
  return last >= 2 ? sheet.getSheetValues(2, 3, last - 1, 1).map((r) => r[0]) : [];
}

/**
 * IDs issued by another way than submit (setup's backfill): the counter is raised past them, and
 * the grid's end is looked at again by the next submit.
 */
export function noteIssuedIds(props: Props, ids: readonly unknown[]): void {
  const current = readIdCounter(props).last;
  // No stored state: the next submit consults every sheet anyway. Raising nothing from a partial
  // view (only the backfilled IDs) is what keeps it honest.
  if (!current) return;
  let top = current;
  for (const v of ids) {
    const p = parseTicketId(v);
    if (p && (!top || later(p, top))) top = p;
  }
  if (top !== current) writeIdCounter(props, { last: formatTicketId(top.date, top.serial), checkIn: 0 });
}
