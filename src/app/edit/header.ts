// A hand edit of the ticket sheet's header row: a header typed or pasted over so that it names no
// field any more is put back (the tracker finds its columns by these names; renaming to another
// recognised name is fine), and the columns are remembered again.
import { t } from '../../domain/i18n';
import type { FieldKey } from '../../domain/schema';
import { headerLabel } from '../../domain/schema';
import type { AuditEntry } from '../../domain/ticket';
import { saveConfig } from '../../gas/config';
import type { FoundTicketSheet } from '../../gas/ticketLocate';
import { findTicketSheet, restoreHeader } from '../../gas/ticketLocate';
import type { SheetHint, TicketSheet } from '../../gas/ticketSheet';
import { hintOf, locateTicketSheet } from '../../gas/ticketSheet';
import type { Tracker } from '../tracker';

/**
 * Puts back the headers the edit (columns firstCol…lastCol, 0-based) erased, from `known` (the
 * hint as stored before this edit was seen); returns what it said.
 */
export function repairHeader(tr: Tracker, ts: TicketSheet, known: SheetHint | null, firstCol: number, lastCol: number): string[] {
  const notes: string[] = [];
  const prev = known && known.name === ts.name && known.headerRow === ts.headerRow ? known.columns : undefined;
  for (const k of Object.keys(prev ?? {}) as FieldKey[]) {
    const c = (prev as Record<string, number>)[k];
    if (ts.columns[k] !== undefined || c < firstCol || c > lastCol || Object.values(ts.columns).includes(c)) continue;
    ts.sheet.getRange(ts.headerRow, c + 1).setValue(headerLabel(k, tr.lang));
    ts.columns[k] = c;
    notes.push(t(tr.lang, 'headerRestored', { column: headerLabel(k, tr.lang) }));
  }
  // The header itself was edited (maybe past the hinted width): rescan, remember the columns.
  const fresh = notes.length ? ts : locateTicketSheet(tr.ss, tr.config.tickets?.overrides);
  if (fresh) saveConfig(tr.props, { ...tr.config, tickets: hintOf(fresh, tr.config.tickets) });
  return notes;
}

/** The sheet was found by content with a ticket where the header was: the header row was deleted. */
export const headerRowDeleted = (ts: TicketSheet | null): boolean => !!ts && 'damage' in ts && !!(ts as FoundTicketSheet).damage?.insertAbove;

/**
 * The header row deleted (a structural change no edit trigger sees): a row goes back in above the
 * ticket that moved up, with the header, audited — by the next edit or sweep, under the caller's
 * lock, on the sheet as it is then. Returns the sheet whole again (tickets one row lower), or `ts`.
 */
export function healDeletedHeader(tr: Tracker, ts: TicketSheet | null, user: string, via: AuditEntry['via']): TicketSheet | null {
  if (!headerRowDeleted(ts)) return ts;
  const now = findTicketSheet(tr.ss, tr.config.tickets, tr.lang);
  if (!('found' in now)) return ts;
  if (!now.found.damage?.insertAbove) return now.found;
  const whole = restoreHeader(tr.ss, now.found, tr.lang, user, tr.now, via);
  tr.config = { ...tr.config, tickets: hintOf(whole, tr.config.tickets) };
  saveConfig(tr.props, tr.config);
  return whole;
}
