// The tracker's own record of each ticket row, kept in a hidden column the add-on owns (`系统记录`):
// the ticket ID, the last status the tracker accepted, the last update time it stamped, and a short
// hash of every other field as it last saw it. Hand edits are judged against it, so the rules hold
// for typing, pastes, clears, fills and sorts alike: Google gives no e.oldValue for a range
// (guides/triggers/events#edit), and the audit sheet may be huge, edited or gone.
//
// Cell text: `<status code>|<ticket ID>|<last update, epoch ms base 36>|<3 base-36 characters a field>`,
// then, once the ticket has waited, `|<waiting state and periods>` (waiting.ts; records written
// before issue 18 have no such segment and read as "never waited").
// A record that names another ticket than its row's was left behind by a sort or paste that did
// not take the hidden column along: it is looked up by ID, never trusted for the row it sits in.
import type { FieldKey, Status } from './schema';
import type { Ticket } from './ticket';

/** Fields whose last seen value the record keeps as a hash (status, ID and 最近更新时间 it keeps whole). */
export const HASHED: readonly FieldKey[] = [
  'title',
  'department',
  'description',
  'urgency',
  'submitter',
  'contact',
  'submittedAt',
  'assignee',
  'workLog',
  'solution',
  'resolvedAt',
  'feedback',
  'notes',
  'category',
  'tier',
  'firstResponseAt',
  // Added with its hand-edit rule (issue 17): records written before it lack this hash, and read
  // as not knowing the field (recordKnows) until the tracker next writes them.
  'notifyEmail',
];

/** Hashes a record written before the last HASHED field was added holds. */
const OLDEST_HASHED = 16;

const HASH_CHARS = 3;
const HASH_MOD = 36 ** HASH_CHARS;

export interface RowRecord {
  id: string;
  status: Status | null;
  lastUpdateAt: number | null;
  /** Hash of each HASHED field, in HASHED order ('' when the record predates them). */
  hashes: string;
  /** The waiting segment as written (waiting.ts parseWaitSegment reads it); '' if it never waited. */
  wait: string;
}

const CODES: readonly Status[] = ['pending', 'inProgress', 'resolved', 'closed'];

/** Times are compared to the minute: a spreadsheet keeps dates as day fractions. */
function canonical(v: Ticket[FieldKey]): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return `t${Math.floor(v / 60_000)}`;
  return String(v).normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

export function fieldHash(v: Ticket[FieldKey]): string {
  const s = canonical(v);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % HASH_MOD).toString(36).padStart(HASH_CHARS, '0');
}

/**
 * The record of a ticket. `wait` is the waiting segment to keep; by default the one in the
 * ticket's own record cell (never one a sort left behind from another ticket).
 */
export function formatRecord(tk: Ticket, wait?: string): string {
  if (!tk.id) return '';
  const at = tk.lastUpdateAt === null || tk.lastUpdateAt === undefined ? '' : Math.round(tk.lastUpdateAt).toString(36);
  const own = parseRecord(tk.record);
  const w = wait ?? (own && own.id === tk.id ? own.wait : '');
  return `${tk.status ?? ''}|${tk.id}|${at}|${HASHED.map((k) => fieldHash(tk[k])).join('')}${w && /^[^|\s]+$/.test(w) ? `|${w}` : ''}`;
}

export function parseRecord(cell: unknown): RowRecord | null {
  if (typeof cell !== 'string') return null;
  const m = /^([A-Za-z]*)\|([^|\s]{1,40})\|([0-9a-z]{0,12})\|([0-9a-z]*)(?:\|([^|\s]*))?$/.exec(cell.trim());
  if (!m) return null;
  let status: Status | null = null;
  if (m[1]) {
    if (!(CODES as readonly string[]).includes(m[1])) return null;
    status = m[1] as Status;
  }
  const n = m[4].length / HASH_CHARS;
  const hashes = Number.isInteger(n) && n >= OLDEST_HASHED && n <= HASHED.length ? m[4] : '';
  const at = m[3] ? parseInt(m[3], 36) : null;
  return { id: m[2], status, lastUpdateAt: at !== null && Number.isSafeInteger(at) ? at : null, hashes, wait: m[5] ?? '' };
}

/**
 * Whether a record cell can name no ticket but `id` (and no status but `status`, when given),
 * without parsing it: its first fields are `status|id|`. Such a cell, read or not, tells nothing
 * new about another ticket; the sweep asks this of every row before parseRecord. Never for an ID
 * holding `|`: a record cannot carry one (written for `A|1`, it reads back as `A`).
 */
export function recordNamesOnly(cell: unknown, id: string, status?: Status | null): boolean {
  if (typeof cell !== 'string' || !id || id.includes('|')) return false;
  const bar = cell.indexOf('|');
  if (bar < 0 || !cell.startsWith(`${id}|`, bar + 1)) return false;
  return status === undefined || (bar === (status ?? '').length && cell.startsWith(status ?? ''));
}

/** The record to write for a ticket as it stands after a change the tracker accepted. */
export const recordOf = (tk: Ticket, wait?: string): string => formatRecord(tk, wait);

/** The hash the record keeps of a field, or null when it keeps none (an older record, or none at all). */
export function recordHash(rec: RowRecord, key: FieldKey): string | null {
  const i = HASHED.indexOf(key);
  return i < 0 || !rec.hashes || (i + 1) * HASH_CHARS > rec.hashes.length ? null : rec.hashes.slice(i * HASH_CHARS, (i + 1) * HASH_CHARS);
}

/** Whether the record knows the field's last value (its hash). */
export const recordKnows = (rec: RowRecord, key: FieldKey): boolean => recordHash(rec, key) !== null;

/**
 * Fields whose value differs from what the record last saw (all of them when it kept no hashes;
 * none of the fields added after it was written: the caller judges those by the edit's extent).
 */
export function changedFields(rec: RowRecord, tk: Ticket): FieldKey[] {
  if (!rec.hashes) return [...HASHED];
  return HASHED.filter((k) => {
    const h = recordHash(rec, k);
    return h !== null && h !== fieldHash(tk[k]);
  });
}
