// The sidebar actions that set and end a waiting state, and the end of a wait that resolving or
// closing brings (issue 18). Pure, like workflow.ts which dispatches to them: each returns the
// field changes, the new state riding in the row's hidden record (waiting.ts has the storage).
import { catalog, t } from './i18n';
import { formatRecord } from './record';
import type { Lang } from './schema';
import { codePointLength } from './text';
import type { Ticket } from './ticket';
import type { WaitState } from './waiting';
import { formatWaitSegment, parseWaitKind, startWait, stopWait, waitLabel, waitOf } from './waiting';

type Changes = Partial<Omit<Ticket, 'id'>>;
type Result = { ok: true; changes: Changes } | { ok: false; field: string | null; message: string };

/** A liaison is a person's name: short, and never something a sheet would run as a formula. */
export const MAX_LIAISON = 60;
const FORMULA_START = /^[=+\-@]/;

/** The `等待` cell and the record carrying a new state, for a ticket as it will stand. */
export function waitChanges(tk: Ticket, w: WaitState, lang: Lang): Pick<Changes, 'waiting' | 'record'> {
  return { waiting: waitLabel(w, lang), record: formatRecord(tk, formatWaitSegment(w)) };
}

/**
 * Resolving or closing a waiting ticket ends its wait at that instant ({} when it is not waiting).
 * `after` is the ticket with the action's other changes.
 */
export function endWaitOnStatus(tk: Ticket, after: Ticket, now: number, lang: Lang): Changes {
  const w = waitOf(tk);
  if (!w.current) return {};
  return waitChanges(after, stopWait(w, now), lang);
}

export interface WaitInput {
  now: number;
  lang: Lang;
  /** Cleaned reason (workflow.ts cleanText), or null when missing/unusable. */
  reason: string | null;
  /** Cleaned liaison, or null. */
  liaison: string | null;
  /** Appends an entry to the work log and returns the new log. */
  log: (text: string) => string;
}

/** `wait`: payload `kind` ('requester' | 'vendor'), `reason`, and for a vendor `liaison`. */
export function setWait(tk: Ticket, kindRaw: unknown, inp: WaitInput): Result {
  const { lang } = inp;
  const W = catalog(lang).waiting;
  const kind = parseWaitKind(kindRaw);
  if (!kind) return { ok: false, field: 'kind', message: W.badKind };
  let liaison = '';
  if (kind === 'vendor') {
    if (!inp.liaison) return { ok: false, field: 'liaison', message: W.liaisonRequired };
    if (FORMULA_START.test(inp.liaison)) return { ok: false, field: 'liaison', message: t(lang, 'liaisonFormula', { field: catalog(lang).actionInputs.liaison }) };
    if (codePointLength(inp.liaison) > MAX_LIAISON) return { ok: false, field: 'liaison', message: t(lang, 'tooLong', { field: catalog(lang).actionInputs.liaison, max: MAX_LIAISON }) };
    liaison = inp.liaison;
  }
  if (!inp.reason) return { ok: false, field: 'reason', message: t(lang, 'reasonRequired') };
  const before = waitOf(tk);
  if (before.current && before.current.kind === kind && before.current.liaison === liaison) {
    return { ok: false, field: null, message: W.sameWait(W.kinds[kind]) };
  }
  const w = startWait(before, kind, inp.now, liaison);
  const workLog = inp.log(kind === 'vendor' ? W.logVendor(liaison, inp.reason) : W.logRequester(inp.reason));
  const after: Ticket = { ...tk, workLog, lastUpdateAt: inp.now };
  return { ok: true, changes: { lastUpdateAt: inp.now, workLog, ...waitChanges(after, w, lang) } };
}

/** `endWait`: payload `reason`. */
export function endWait(tk: Ticket, inp: WaitInput): Result {
  const { lang } = inp;
  const W = catalog(lang).waiting;
  const before = waitOf(tk);
  if (!before.current) return { ok: false, field: null, message: W.notWaiting };
  if (!inp.reason) return { ok: false, field: 'reason', message: t(lang, 'reasonRequired') };
  const workLog = inp.log(W.logCleared(W.kinds[before.current.kind], inp.reason));
  const after: Ticket = { ...tk, workLog, lastUpdateAt: inp.now };
  return { ok: true, changes: { lastUpdateAt: inp.now, workLog, ...waitChanges(after, stopWait(before, inp.now), lang) } };
}

/**
 * The requester answered (the verification page, a reply): a wait for the requester ends, with
 * a work-log line; any other state is left alone (null: nothing to change).
 */
export function requesterAnswered(tk: Ticket, now: number, lang: Lang, log: (text: string) => string): Changes | null {
  const before = waitOf(tk);
  if (before.current?.kind !== 'requester') return null;
  const W = catalog(lang).waiting;
  const workLog = log(W.logAnswered(W.kinds.requester));
  const after: Ticket = { ...tk, workLog, lastUpdateAt: now };
  return { lastUpdateAt: now, workLog, ...waitChanges(after, stopWait(before, now), lang) };
}
