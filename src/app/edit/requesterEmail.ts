// A hand edit of 提交人邮箱 (where the requester's updates go, issue 18): agents may correct it, as
// the form would take it — a valid address, or empty (updates then follow the contact) — and the
// change is audited. Anything else is put back: to the typed cell's old value, else to the last
// value the audit trail gave the ticket when the record's hash confirms it; when neither is known
// the cell is emptied (no mail to a broken address) and the refused text stays in the audit row.
import { notifyEmailProblem } from '../../domain/intake';
import type { RowRecord } from '../../domain/record';
import { fieldHash, recordHash, recordKnows } from '../../domain/record';
import type { FieldKey } from '../../domain/schema';
import type { Ticket } from '../../domain/ticket';
import { auditEntriesOf, findAuditSheet } from '../../gas/auditSheet';

/** How far back the audit trail is read for a put-back (its newest rows). */
const AUDIT_ROWS = 5000;

export interface EmailEdit {
  tk: Ticket;
  /** The row's record, when it has one. */
  truth: RowRecord | null;
  /** The cell as it is now. */
  raw: unknown;
  /** The edit covered the column. */
  inRange: boolean;
  single: boolean;
  /** e.oldValue of a single typed cell (a hint). */
  old: unknown;
  /** The ticket's last 提交人邮箱 in the audit trail (read once per edit, only when needed). */
  audited: (id: string) => string | null;
}

export type EmailJudgement =
  | { kind: 'accepted'; oldText: string; value: string }
  | { kind: 'putBack'; value: string; refused: string; reason: 'personalMobile' | 'notifyEmailFormat'; verified: boolean };

/** The judgement of the row's 提交人邮箱, or null when it did not change. */
export function judgeNotifyEmail(e: EmailEdit): EmailJudgement | null {
  const text = String(e.raw ?? '');
  const value = text.normalize('NFC').trim();
  // Google gives e.oldValue for a typed cell that held a value; a paste or an empty cell gives none.
  const typedOld = e.single && e.inRange && e.old !== undefined ? String(e.old) : null;
  const hash = e.truth && recordKnows(e.truth, 'notifyEmail') ? recordHash(e.truth, 'notifyEmail') : null;
  // Changed: against the record's hash when it keeps one; else judged by what the edit covered.
  const touched = hash !== null ? fieldHash(value) !== hash : e.inRange && (typedOld === null || typedOld.trim() !== value);
  if (!touched) return null;
  const fits = (v: string) => hash !== null && fieldHash(v) === hash;
  const reason = notifyEmailProblem(value);
  if (!reason) return { kind: 'accepted', oldText: typedOld ?? (fits('') ? '' : '?'), value };
  // The value to put back, and whether it is certainly the one the cell held.
  const putBack = (v: string, verified: boolean): EmailJudgement => ({ kind: 'putBack', value: v, refused: text, reason, verified });
  if (typedOld !== null && (hash === null || fits(typedOld))) return putBack(typedOld, true);
  if (fits('')) return putBack('', true);
  const fromAudit = e.tk.id ? e.audited(e.tk.id) : null;
  if (fromAudit !== null && fits(fromAudit)) return putBack(fromAudit, true);
  // With no hash to confirm it, the audit's last value is still the best guess; else an empty cell.
  if (fromAudit !== null && hash === null && !notifyEmailProblem(fromAudit)) return putBack(fromAudit, false);
  return putBack('', false);
}

/** Each ticket's last 提交人邮箱 in the audit trail's newest rows (its creation or a later edit). */
export function auditedEmails(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, key: FieldKey = 'notifyEmail'): Map<string, string> {
  const out = new Map<string, string>();
  const sheet = findAuditSheet(ss);
  const last = sheet ? sheet.getLastRow() : 0;
  if (!sheet || last < 2) return out;
  const n = Math.min(AUDIT_ROWS, last - 1);
  for (const e of auditEntriesOf(sheet.getSheetValues(last - n + 1, 1, n, 6), key)) out.set(e.ticketId, e.newValue);
  return out;
}
