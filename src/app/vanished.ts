// A ticket row cleared, deleted or pasted over together with its hidden record leaves no record
// behind to name it, and Google gives no e.oldValue for a range (guides/triggers/events#edit) nor
// any edit event for a deleted row. The trace comes from the audit trail, which knows every
// ticket created (creation is audited) and every change since: a ticket it names that is neither
// in the ticket sheet (ID or record column) nor in the archive gets one audit row saying so, with
// its last state as the trail knows it. The row itself is not put back: it may have been removed
// on purpose, and its cells may hold something new; Sheets' undo and version history restore it.
//
// When: a hand edit that covered the ID or record column checks at once (it knows who did it);
// the sweep checks only when its cheap fingerprint of the IDs it saw last time says one left.
import { rethrowDefect, rethrowUnless } from '../domain/errors';
import { enumLabel, headerLabel, parseEnum } from '../domain/schema';
import type { Status } from '../domain/schema';
import { t } from '../domain/i18n';
import type { AuditEntry } from '../domain/ticket';
import { parseRecord, recordNamesOnly } from '../domain/record';
import { parseTicketId, type ParsedTicketId } from '../domain/ticketId';
import { findArchiveSheet, readArchiveSheet } from '../gas/archiveSheet';
import { appendAuditRows, auditEntriesOf, auditRow, findAuditSheet } from '../gas/auditSheet';
import { PROPERTY_KEYS } from '../gas/properties';
import type { TicketSheet } from '../gas/ticketSheet';
import type { Tracker } from './tracker';

/** At most this many traces are written at once (the rest by the next check): one append stays small. */
const MAX_TRACES = 200;
const TITLE_CHARS = 40;

/** What the audit trail knows of one ticket. */
interface Known {
  status: Status | null;
  title: string;
  /** Its newest audit row is already a trace of its disappearance. */
  traced: boolean;
}

/** IDs present in the ticket sheet: its ID column and the IDs its records name. */
export function presentIds(ts: TicketSheet): Set<string> {
  const present = new Set<string>();
  const last = ts.sheet.getLastRow();
  const n = last - ts.headerRow;
  const cols = [ts.columns.id, ts.columns.record].filter((c): c is number => c !== undefined);
  if (n <= 0 || !cols.length) return present;
  const first = Math.min(...cols);
  const rows = ts.sheet.getSheetValues(ts.headerRow + 1, first + 1, n, Math.max(...cols) - first + 1);
  for (const r of rows) addIds(present, r[(ts.columns.id as number) - first], ts.columns.record === undefined ? undefined : r[ts.columns.record - first]);
  return present;
}

/** Adds a row's ID cell and the ID its record names. */
export function addIds(into: Set<string>, idCell: unknown, recordCell: unknown): void {
  const id = String(idCell ?? '').trim();
  if (id) into.add(id);
  // A record naming the row's own ID (nearly all) adds nothing, valid or not: no parse then.
  if (recordNamesOnly(recordCell, id)) return;
  const rec = parseRecord(recordCell);
  if (rec) into.add(rec.id);
}

/** Each ticket the audit trail names (never the `#row` / `-` placeholders), as it last knew it. */
function knownTickets(tr: Tracker): Map<string, Known> | null {
  const sheet = findAuditSheet(tr.ss);
  const last = sheet ? sheet.getLastRow() : 0;
  if (!sheet) return null;
  const out = new Map<string, Known>();
  if (last < 2) return out;
  const idLabels = new Set([headerLabel('id', 'zh'), headerLabel('id', 'en')]);
  const titleLabels = new Set([headerLabel('title', 'zh'), headerLabel('title', 'en')]);
  for (const e of auditEntriesOf(sheet.getSheetValues(2, 1, last - 1, 6))) {
    if (e.ticketId.startsWith('#') || e.ticketId === '-') continue;
    const k = out.get(e.ticketId) ?? { status: null, title: '', traced: false };
    // Any later line of the ticket means it was seen again after a trace.
    k.traced = idLabels.has(e.field) && e.oldValue === e.ticketId && e.newValue !== e.ticketId;
    const s = parseEnum('status', e.newValue) as Status | null;
    if (s && (e.field === headerLabel('status', 'zh') || e.field === headerLabel('status', 'en'))) k.status = s;
    if (titleLabels.has(e.field) && e.newValue) k.title = e.newValue;
    out.set(e.ticketId, k);
  }
  return out;
}

/**
 * Writes one audit row for each ticket the audit trail knows that is no longer in the ticket
 * sheet nor in the archive, and not traced yet. Returns the IDs traced. Call under the lock.
 */
export function traceVanished(tr: Tracker, present: ReadonlySet<string>, user: string, via: AuditEntry['via']): string[] {
  const known = knownTickets(tr);
  if (!known || !known.size) return [];
  const archiveSheet = findArchiveSheet(tr.ss, tr.lang);
  const archive = archiveSheet ? readArchiveSheet(archiveSheet) : null;
  const gone: [string, Known][] = [];
  let archived: boolean | undefined;
  for (const [id, k] of known) {
    if (k.traced || present.has(id) || archive?.ids.has(id)) continue;
    // The archive sheet gone after archiving ran: a closed ticket may have been archived, not lost.
    if (!archive && k.status === 'closed' && (archived ??= tr.props.getProperty(PROPERTY_KEYS.archiveStatus) !== null)) continue;
    gone.push([id, k]);
    if (gone.length >= MAX_TRACES) break;
  }
  if (!gone.length) return [];
  const rows = gone.map(([id, k]) =>
    auditRow(
      [
        {
          at: tr.now,
          user,
          ticketId: id,
          field: headerLabel('id', tr.lang),
          oldValue: id,
          newValue: t(tr.lang, 'ticketVanishedAudit', {
            status: k.status ? enumLabel('status', k.status, tr.lang) : '?',
            title: k.title.length > TITLE_CHARS ? `${k.title.slice(0, TITLE_CHARS)}…` : k.title,
          }),
          via,
        },
      ],
      tr.lang,
    ),
  );
  appendAuditRows(tr.ss, rows, tr.lang);
  return gone.map(([id]) => id);
}

/** The sweep's fingerprint of the IDs it saw: how many, and their hashes XOR-ed. */
interface Seen {
  /** The newest ticket ID seen (IDs issued later are new, not a sign of loss). */
  top: string;
  n: number;
  x: number;
}

const hashId = (id: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
};

/** Whether ID a (parsed) was issued after ID b (parsed); an ID of no known form is never newer. */
const later = (pa: ParsedTicketId | null, pb: ParsedTicketId | null): boolean =>
  !!pa && (!pb || pa.date > pb.date || (pa.date === pb.date && pa.serial > pb.serial));

const newer = (a: string, b: string): boolean => later(parseTicketId(a), parseTicketId(b));

function fingerprint(ids: ReadonlySet<string>, upTo: string | null): Seen {
  let n = 0;
  let x = 0;
  let top = '';
  // Each ID parsed once (the sweep fingerprints every ID of the sheet), the two it is compared with
  // once each.
  let topParsed: ParsedTicketId | null = null;
  const upToParsed = upTo ? parseTicketId(upTo) : null;
  for (const id of ids) {
    const parsed = parseTicketId(id);
    if (!top || later(parsed, topParsed)) {
      top = id;
      topParsed = parsed;
    }
    // IDs issued after the last look are new tickets; only the ones seen before can have left.
    if (upTo && later(parsed, upToParsed)) continue;
    n++;
    x = (x ^ hashId(id)) >>> 0;
  }
  return { top, n, x };
}

function readSeen(raw: string | null | undefined): Seen | null {
  try {
    const v = JSON.parse(raw ?? 'null') as Seen | null;
    return v && typeof v.top === 'string' && Number.isSafeInteger(v.n) && Number.isSafeInteger(v.x) ? v : null;
  } catch (e) {
    rethrowUnless(e, 'SyntaxError');
    // Damaged JSON reads as nothing seen: the next sweep checks in full.
    return null;
  }
}

/**
 * Tickets the archive moved (under its lock): taken out of the sweep's fingerprint, so the next
 * sweep does not read the audit trail to find them gone. One the fingerprint never counted makes
 * it disagree, which only costs that sweep the full check.
 */
export function noteArchived(props: GoogleAppsScript.Properties.Properties, ids: readonly string[]): void {
  const seen = readSeen(props.getProperty(PROPERTY_KEYS.ticketsSeen));
  if (!seen || !ids.length) return;
  for (const id of new Set(ids)) {
    if (newer(id, seen.top)) continue;
    seen.n--;
    seen.x = (seen.x ^ hashId(id)) >>> 0;
  }
  props.setProperty(PROPERTY_KEYS.ticketsSeen, JSON.stringify(seen));
}

/**
 * The sweep's share (under its lock): `present` are the IDs its one read saw. Without a spreadsheet
 * call it tells whether an ID seen by the last sweep has left; only then it reads the audit and
 * archive and traces what vanished. The fingerprint is stored when it changed (one property write).
 */
export function sweepVanished(tr: Tracker, all: Readonly<Record<string, string>>, present: ReadonlySet<string>): string[] {
  const seen = readSeen(all[PROPERTY_KEYS.ticketsSeen]);
  let traced: string[] = [];
  const then = seen ? fingerprint(present, seen.top) : null;
  // No fingerprint yet (a first sweep), fewer of the IDs seen last time, or as many but not the
  // same: the full check. More of them (rows pasted in by a script) is no sign of loss; one
  // removed in the same hour as two were added goes unseen here (a hand edit traces it at once).
  if (!seen || !then || then.n < seen.n || (then.n === seen.n && then.x !== seen.x)) traced = traceVanished(tr, present, '', 'trigger');
  const now = fingerprint(present, null);
  // More than one append's worth vanished: the fingerprint stays old, so the next sweep goes on.
  if (traced.length >= MAX_TRACES) return traced;
  if (!seen || now.top !== seen.top || now.n !== seen.n || now.x !== seen.x) tr.props.setProperty(PROPERTY_KEYS.ticketsSeen, JSON.stringify(now));
  return traced;
}

/**
 * After a hand edit that covered the ID or record column (under its lock): tickets it took away
 * are traced, naming who made the edit. Returns what to tell them. A failure leaves it to the
 * sweep (the IDs it saw last are not all there, so it checks).
 */
export function traceAfterEdit(tr: Tracker, ts: TicketSheet, user: string): string[] {
  try {
    const gone = traceVanished(tr, presentIds(ts), user, 'edit');
    return gone.length ? [t(tr.lang, 'ticketsVanished', { ids: gone.slice(0, 5).join(', ') + (gone.length > 5 ? ' …' : '') })] : [];
  } catch (e) {
    rethrowDefect(e);
    // A service refused (sheet gone, quota): the sweep finds them, as said above.
    return [];
  }
}
