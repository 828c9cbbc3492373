// Every document property the add-on stores: its key, the shape of its value, and a typed,
// checked read (a value another version wrote, or a hand edit broke, reads as absent, never as a
// wrong type). When the stored shape changes, this is the one place to migrate (issue 21).
//
// Document properties hold 9 KB a value and 500 KB a store (developers.google.com/apps-script/
// guides/services/quotas); values are strings. The tracker config and the archive's recorded batch
// can outgrow one value and are stored in pieces under their own prefix (gas/config.ts,
// app/archive.ts), which read and write through the keys below.
import { rethrowUnless } from '../domain/errors';

type Props = GoogleAppsScript.Properties.Properties;

/** The keys, by what they hold. A key's owner module is named beside it. */
export const PROPERTY_KEYS = {
  /** TrackerConfig JSON, or a header naming its pieces `tracker.config.<gen>.<i>` (gas/config.ts). */
  config: 'tracker.config',
  /** The sweep interval last asked for, in minutes (gas/triggers.ts). */
  sweepMinutes: 'tracker.sweepMinutes',
  /** Email of the person whose installable triggers serve this document (gas/triggers.ts). */
  triggerOwner: 'tracker.triggerOwner',
  /** Unique IDs of the triggers setup created for this document, JSON `{edit, timer}` (gas/triggers.ts). */
  triggerIds: 'tracker.triggerIds',
  /** The last ticket ID intake handed out: IDs are never reused, even when its row was cleared (app/intake.ts). */
  lastId: 'intake.lastId',
  /**
   * The ID counter, JSON `{ last, checkIn }`: the last ID issued, authoritative under the document
   * lock, and the submits left before intake looks at the grid's end again (app/ticketIds.ts).
   */
  idCounter: 'intake.counter',
  /** Recent submit tokens and the ID each got, JSON `[token, id][]` (app/intake.ts). */
  submitTokens: 'intake.tokens',
  /** The sweep's last outcome, JSON (app/sweep.ts). */
  sweepStatus: 'sweep.status',
  /** Row the next sweep starts from after one stopped on its time budget (app/sweep.ts). */
  sweepResumeAt: 'sweep.resumeAt',
  /** The last failed alert mail: `<ISO time> <ID>: <message>` (app/sweep.ts). */
  sweepMailError: 'sweep.mailError',
  /** Prefix of `alerts.<ticket ID>`: the alerts already sent for a ticket (app/sweep.ts). */
  alertsPrefix: 'alerts.',
  /** The last week the scheduled build made, `2024-W19` (app/weekly.ts). */
  weeklyLastBuilt: 'weekly.lastBuilt',
  /** The scheduled weekly build's last outcome, JSON (app/weekly.ts). */
  weeklyStatus: 'weekly.status',
  /** Header of the archive's recorded batch; its IDs sit in `archive.pending.<i>` (app/archive.ts). */
  archivePending: 'archive.pending',
  /** The last archive run's outcome, JSON (app/archive.ts). */
  archiveStatus: 'archive.status',
  /** A fingerprint of the last "could not map" summary setup showed, so it is said once (app/setup.ts). */
  unmappedShown: 'setup.unmappedShown',
  /** Prefix of `edit.queue.<time>.<uuid>`: a hand edit the busy lock kept from being checked, JSON (app/edit/queue.ts). */
  editQueuePrefix: 'edit.queue.',
  /** Set (to a time) when too many edits waited: every row is checked against its record (app/edit/queue.ts). */
  editCheckAll: 'edit.checkAll',
  /**
   * The verification links' HMAC secret (app/verify.ts). In the SCRIPT properties of the script
   * bound to the sheet (its one document), never in a sheet nor in an add-on's document store.
   */
  verifySecret: 'verify.secret',
  /** Used verification links, JSON `[linkId, expiresAt][]`, bounded (domain/verifyLink.ts); script properties too. */
  verifyUsed: 'verify.used',
  /** Resolved tickets reminded by auto-close, JSON `[id, resolvedAt, remindedAt][]`, pruned each sweep (app/autoClose.ts). */
  autoCloseReminded: 'autoclose.reminded',
  /** Prefix of `notify.queue.<time>.<unique>`: a mail the daily quota held back, JSON (gas/mailQueue.ts). */
  notifyQueuePrefix: 'notify.queue.',
  /** Mail sent today and the last mail error, JSON (gas/mailQueue.ts). */
  notifyStats: 'notify.stats',
  /** The knowledge base's version: renewed by every write of the knowledge sheet; the cached index is of one version (app/suggest.ts). */
  kbVersion: 'kb.version',
  /** Tickets whose assignee was reminded of a progress update, JSON `{ id: dueAt }` (app/notifySweep.ts). */
  notifyReminded: 'notify.reminded',
  /** The sweep's fingerprint of the ticket IDs it saw, JSON `{ top, n, x }`: one that left is traced (app/vanished.ts). */
  ticketsSeen: 'sweep.ticketsSeen',
} as const;

export type PropertyKey = (typeof PROPERTY_KEYS)[keyof typeof PROPERTY_KEYS];

/** Parsed JSON, or null when the text is not JSON (only a syntax error is caught). */
export function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch (e) {
    if (e instanceof SyntaxError) return null;
    throw e;
  }
}

/** JSON stored under a key, or null when absent or not JSON. */
export function readJson(props: Props, key: string): unknown {
  const raw = props.getProperty(key);
  return raw === null || raw === '' ? null : parseJson(raw);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------
// triggers

/** Trigger.getUniqueId() of each trigger setup created here; absent when none is remembered. */
export interface TriggerIds {
  edit?: string;
  timer?: string;
}

export function readTriggerIds(props: Props): TriggerIds {
  const v = readJson(props, PROPERTY_KEYS.triggerIds);
  if (!isRecord(v)) return {};
  const out: TriggerIds = {};
  if (typeof v.edit === 'string' && v.edit) out.edit = v.edit;
  if (typeof v.timer === 'string' && v.timer) out.timer = v.timer;
  return out;
}

export function writeTriggerIds(props: Props, ids: TriggerIds): void {
  props.setProperty(PROPERTY_KEYS.triggerIds, JSON.stringify(ids));
}

// ---------------------------------------------------------------------------------------------
// intake

/** A submit token, the ID it was given and (since issue 17) a hash of the form it came with. */
export type SubmitToken = [string, string] | [string, string, string];

/** Submit tokens and their IDs, oldest first; a broken value reads as none. */
export function readSubmitTokens(props: Props): SubmitToken[] {
  const v = readJson(props, PROPERTY_KEYS.submitTokens);
  if (!Array.isArray(v)) return [];
  return v.filter(
    (p): p is SubmitToken =>
      Array.isArray(p) && (p.length === 2 || p.length === 3) && p.every((x) => typeof x === 'string'),
  );
}

export function writeSubmitTokens(props: Props, tokens: SubmitToken[]): void {
  props.setProperty(PROPERTY_KEYS.submitTokens, JSON.stringify(tokens));
}

// ---------------------------------------------------------------------------------------------
// sweep

/** What `sweep.status` holds. */
export interface SweepStatus {
  at: number;
  via: string;
  ok: boolean;
  durationMs: number;
  tickets: number;
  changed: number;
  counts: Record<string, number>;
  mails: number;
  error: string;
}

/** The row a stopped sweep resumes from, or 0 (start) when none is recorded or it is out of 1…rows-1. */
export function readSweepResume(props: Props, rows: number): number {
  const resume = Number(props.getProperty(PROPERTY_KEYS.sweepResumeAt));
  return Number.isInteger(resume) && resume > 0 && resume < rows ? resume : 0;
}

/** The key of one ticket's alert record. */
export const alertsKey = (ticketId: string): string => `${PROPERTY_KEYS.alertsPrefix}${ticketId}`;

/** The ticket ID an alert-record key names, or null for any other key. */
export const alertsKeyId = (key: string): string | null =>
  key.startsWith(PROPERTY_KEYS.alertsPrefix) ? key.slice(PROPERTY_KEYS.alertsPrefix.length) : null;

// ---------------------------------------------------------------------------------------------
// weekly

/** What `weekly.status` holds. */
export interface WeeklyStatus {
  at: number;
  week: string | null;
  ok: boolean;
  error: string;
}

export function readWeeklyStatus(props: Props): WeeklyStatus | null {
  const v = readJson(props, PROPERTY_KEYS.weeklyStatus);
  return isRecord(v) && typeof v.at === 'number' && typeof v.ok === 'boolean'
    ? (v as unknown as WeeklyStatus)
    : null;
}

// ---------------------------------------------------------------------------------------------
// archive

/** Header of the recorded batch under `archive.pending`. */
export interface PendingHeader {
  chunks: number;
  count?: number;
  at?: number;
}

/**
 * The recorded batch's header, or null when none is recorded (or it is not JSON). A header without
 * a usable piece count reads as a batch of no pieces, so the next run clears it.
 */
export function readPendingHeader(props: Props): PendingHeader | null {
  const v = readJson(props, PROPERTY_KEYS.archivePending);
  if (v === null) return null;
  const chunks = isRecord(v) ? v.chunks : undefined;
  return {
    ...(isRecord(v) ? v : {}),
    chunks: typeof chunks === 'number' && Number.isSafeInteger(chunks) && chunks > 0 ? chunks : 0,
  };
}

/** The key of the recorded batch's i-th piece. */
export const pendingChunkKey = (i: number): string => `${PROPERTY_KEYS.archivePending}.${i}`;

/** What `archive.status` holds: the run's result, when and how it ran. */
export interface ArchiveStatusRecord {
  at: number;
  via: string;
  ok: boolean;
  more: boolean;
  [field: string]: unknown;
}

/** The last archive run as recorded, or null when none is (or the value is broken). */
export function readArchiveStatus(props: Props): Partial<ArchiveStatusRecord> | null {
  const v = readJson(props, PROPERTY_KEYS.archiveStatus);
  return isRecord(v) ? (v as Partial<ArchiveStatusRecord>) : null;
}

// ---------------------------------------------------------------------------------------------
// hand edits waiting for the lock

/** A hand edit queued for a later check (app/edit/queue.ts): its rows, columns, editor and time. */
export interface QueuedEdit {
  top: number;
  count: number;
  firstCol: number;
  lastCol: number;
  user: string;
  at: number;
}

export const queuedEditKey = (at: number, unique: string): string => `${PROPERTY_KEYS.editQueuePrefix}${at.toString(36)}.${unique}`;

/** A queued edit's stored value; anything else reads as null (and is dropped by the queue). */
export function parseQueuedEdit(raw: string | null | undefined): QueuedEdit | null {
  if (!raw) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch (e) {
    rethrowUnless(e, 'SyntaxError');
    // Not JSON: not a queued edit.
    return null;
  }
  if (!isRecord(v)) return null;
  const int = (x: unknown, min: number) => (Number.isSafeInteger(x) && (x as number) >= min ? (x as number) : null);
  const top = int(v.top, 1);
  const count = int(v.count, 1);
  const firstCol = int(v.firstCol, -1);
  const lastCol = int(v.lastCol, -1);
  const at = typeof v.at === 'number' && Number.isFinite(v.at) ? v.at : null;
  if (top === null || count === null || firstCol === null || lastCol === null || at === null) return null;
  return { top, count, firstCol, lastCol, at, user: typeof v.user === 'string' ? v.user.slice(0, 320) : '' };
}

// ---------------------------------------------------------------------------------------------
// knowledge base

/** The knowledge base's version, or null when none was set (trackers from before it). */
export function readKnowledgeVersion(props: Props): string | null {
  const v = props.getProperty(PROPERTY_KEYS.kbVersion);
  return v && /^[0-9a-z.]{1,40}$/.test(v) ? v : null;
}

/**
 * The knowledge sheet changed (or may have): a new version, so the cached index of the old one is
 * never used again. Random, not a count: two writers at once need no read-modify-write.
 */
export function noteKnowledgeChanged(props: Props): string {
  const v = `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 10)}`;
  props.setProperty(PROPERTY_KEYS.kbVersion, v);
  return v;
}
