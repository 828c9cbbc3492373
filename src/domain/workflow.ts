// Agent actions on a ticket and the status moves they may make. Pure: an action turns a ticket
// into a set of field changes (or a refusal with a message); the adapter writes them in one call.
import type { Lang, Rating, Status, Tier } from './schema';
import { RATING_VALUES, enumLabel } from './schema';
import { catalog, t } from './i18n';
import type { Ticket } from './ticket';
import { codePointLength, hasVisibleText, unsafeTextKind } from './text';
import { appendLog, logEntry } from './worklog';
import { endWait, endWaitOnStatus, setWait } from './waitActions';
import { waitOf } from './waiting';

export { appendLog } from './worklog';

export type ActionName = 'accept' | 'assign' | 'escalate' | 'note' | 'resolve' | 'feedback' | 'close' | 'reopen' | 'wait' | 'endWait';
export const ACTIONS: readonly ActionName[] = ['accept', 'assign', 'escalate', 'note', 'resolve', 'feedback', 'close', 'reopen', 'wait', 'endWait'];

/** Allowed moves (docs/spec.md, Workflow): 待处理→处理中→已解决→已关闭; 已解决→处理中; 待处理→已关闭 with a reason. */
const MOVES: Record<Status, Status[]> = {
  pending: ['inProgress', 'closed'],
  inProgress: ['resolved'],
  resolved: ['closed', 'inProgress'],
  closed: [],
};

export function canMove(from: Status | null, to: Status): boolean {
  // A row without a readable status is treated as new (so setting it to 待处理 is no move at all).
  const f = from ?? 'pending';
  return f === to || MOVES[f].includes(to);
}

export interface ActionContext {
  now: number;
  /** The acting person's display name (agent name from settings, or the email). */
  by: string;
  lang: Lang;
  agents: { name: string; tier: Tier }[];
  /** `yyyy-MM-dd HH:mm` in the spreadsheet zone. */
  stamp: (ms: number) => string;
}

export type TicketChanges = Partial<Omit<Ticket, 'id'>>;

export type ActionResult =
  | { ok: true; changes: TicketChanges }
  | { ok: false; field: string | null; message: string };

export const actionLabel = (a: ActionName, lang: Lang): string => catalog(lang).actions[a];

/**
 * The actions a ticket's status offers (the sidebar shows only these). An open ticket can be set
 * waiting, or, while it waits (its record says so: waiting.ts), the wait ended.
 */
export function availableActions(tk: Pick<Ticket, 'status'> & Partial<Pick<Ticket, 'id' | 'record'>>): ActionName[] {
  const waiting = typeof tk.id === 'string' && typeof tk.record === 'string' && waitOf({ id: tk.id, record: tk.record }).current !== null;
  const wait: ActionName = waiting ? 'endWait' : 'wait';
  switch (tk.status ?? 'pending') {
    case 'pending':
      return ['accept', 'assign', 'escalate', 'note', wait, 'close'];
    case 'inProgress':
      return ['accept', 'assign', 'escalate', 'note', wait, 'resolve'];
    case 'resolved':
      return ['note', 'feedback', 'close', 'reopen'];
    case 'closed':
      return [];
  }
}

const MAX_TEXT = 5000;

function cleanText(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.normalize('NFC').trim();
  if (!hasVisibleText(s) || unsafeTextKind(s) || codePointLength(s) > MAX_TEXT) return null;
  return s;
}

/** What is wrong with a typed text that cleanText refuses although it was filled in, or null. */
function textProblem(v: unknown, field: string, lang: Lang): string | null {
  if (typeof v !== 'string' || !v.trim()) return null;
  const s = v.normalize('NFC').trim();
  // Nothing visible (only control or zero-width characters) is as good as empty: the caller says "required".
  if (!hasVisibleText(s)) return null;
  const unsafe = unsafeTextKind(s);
  if (unsafe) return t(lang, unsafe, { field });
  if (codePointLength(s) > MAX_TEXT) return t(lang, 'tooLong', { field, max: MAX_TEXT });
  return null;
}

type TextInput = 'assignee' | 'reason' | 'text' | 'solution' | 'liaison' | 'background' | 'tried';

/** The text inputs each action reads from the payload. */
const TEXT_INPUTS: Record<ActionName, TextInput[]> = {
  accept: [],
  assign: ['assignee'],
  escalate: ['reason', 'assignee', 'background', 'tried'],
  note: ['text'],
  resolve: ['solution'],
  feedback: [],
  close: ['reason'],
  reopen: ['reason'],
  wait: ['reason', 'liaison'],
  endWait: ['reason'],
};

/** A rating code or label in either language (`basic`, `基本满意`, `Basically satisfied`). */
export function parseRating(v: unknown): Rating | null {
  if (typeof v !== 'string') return null;
  const s = v.trim().toLowerCase();
  const hit = RATING_VALUES.find((r) => [r.code, r.zh, r.en, ...r.synonyms].some((x) => x.toLowerCase() === s));
  return hit ? hit.code : null;
}

/**
 * Applies an action. `payload` comes from the client and is checked here: `assignee` (assign;
 * escalate: a tier-2 agent), `reason` (escalate, close from pending, wait, endWait, optional for
 * reopen), `background` + `tried` (escalate, optional), `text` (note), `solution` (resolve),
 * `resolved` + `rating` (feedback), `kind` + `liaison` (wait: `requester`, or `vendor` with the
 * liaison's name).
 */
export function applyAction(tk: Ticket, action: unknown, payload: unknown, ctx: ActionContext): ActionResult {
  const { lang } = ctx;
  if (typeof action !== 'string' || !(ACTIONS as readonly string[]).includes(action)) return { ok: false, field: null, message: t(lang, 'badRequest') };
  const name = action as ActionName;
  const p = (payload && typeof payload === 'object' && !Array.isArray(payload) ? payload : {}) as Record<string, unknown>;
  const status: Status = tk.status ?? 'pending';
  if (!availableActions(tk).includes(name)) {
    return { ok: false, field: null, message: t(lang, 'actionNotAllowed', { action: actionLabel(name, lang), status: enumLabel('status', status, lang) }) };
  }
  // A filled-in text that is too long or holds control characters is refused as such, never
  // answered "please fill in" nor silently dropped (an optional reopen reason).
  for (const k of TEXT_INPUTS[name]) {
    const problem = textProblem(p[k], catalog(lang).actionInputs[k], lang);
    if (problem) return { ok: false, field: k, message: problem };
  }
  // logEntry keeps every typed line inside this entry: a reason cannot forge another one.
  const log = (text: string) => appendLog(tk.workLog, logEntry(ctx.stamp(ctx.now), ctx.by, text));
  // The first move out of 待处理 or the first work-log entry is the first response (seed step 1).
  const responded = (c: TicketChanges): TicketChanges => (tk.firstResponseAt ? c : { ...c, firstResponseAt: ctx.now });
  const L = catalog(lang).workLog;
  const inputLabels = catalog(lang).actionInputs;

  switch (name) {
    case 'accept': {
      if (status === 'inProgress' && tk.assignee === ctx.by) {
        return { ok: false, field: null, message: t(lang, 'actionNotAllowed', { action: actionLabel(name, lang), status: enumLabel('status', status, lang) }) };
      }
      return { ok: true, changes: responded({ status: 'inProgress', assignee: ctx.by, lastUpdateAt: ctx.now, workLog: log(L.accepted) }) };
    }
    case 'assign': {
      const who = cleanText(p.assignee);
      if (!who) return { ok: false, field: 'assignee', message: t(lang, 'requiredChoice', { field: inputLabels.assignee }) };
      const agent = ctx.agents.find((a) => a.name === who);
      if (!agent) return { ok: false, field: 'assignee', message: t(lang, 'unknownAgent', { name: who }) };
      // Assigning writes the work log, and the first work-log entry is the first response.
      return { ok: true, changes: responded({ assignee: who, tier: tk.tier ?? agent.tier, lastUpdateAt: ctx.now, workLog: log(L.assigned(who)) }) };
    }
    case 'escalate': {
      const reason = cleanText(p.reason);
      if (!reason) return { ok: false, field: 'reason', message: t(lang, 'reasonRequired') };
      if (tk.tier === 'tier2') {
        return { ok: false, field: null, message: t(lang, 'alreadyTier2') };
      }
      // The hand-over names a tier-2 agent from the settings (seed step 2: 升级至支持2线（如李工程师）).
      const W = catalog(lang).waiting;
      const to = cleanText(p.assignee);
      if (!to) {
        const any = ctx.agents.some((a) => a.tier === 'tier2');
        return { ok: false, field: 'assignee', message: any ? W.assigneeRequiredTier2 : W.noTier2 };
      }
      const agent = ctx.agents.find((a) => a.name === to);
      if (!agent) return { ok: false, field: 'assignee', message: t(lang, 'unknownAgent', { name: to }) };
      if (agent.tier !== 'tier2') return { ok: false, field: 'assignee', message: W.tier2Required(to) };
      // …with the background and what was tried (同步问题背景及已排查步骤), one entry, a line each.
      const background = cleanText(p.background);
      const tried = cleanText(p.tried);
      const text = [L.escalated(to, reason), background ? W.escalateBackground(background) : '', tried ? W.escalateTried(tried) : ''].filter(Boolean).join('\n');
      return { ok: true, changes: responded({ tier: 'tier2', assignee: to, lastUpdateAt: ctx.now, workLog: log(text) }) };
    }
    case 'note': {
      const text = cleanText(p.text);
      if (!text) return { ok: false, field: 'text', message: t(lang, 'required', { field: inputLabels.text }) };
      if (p.reply !== undefined && typeof p.reply !== 'boolean') return { ok: false, field: null, message: t(lang, 'badRequest') };
      // A note is internal unless the agent sends it to the requester (issue 18); the log says which.
      return { ok: true, changes: responded({ lastUpdateAt: ctx.now, workLog: log(p.reply === true ? L.replied(text) : text) }) };
    }
    case 'resolve': {
      const solution = cleanText(p.solution) ?? (typeof p.solution === 'undefined' ? cleanText(tk.solution) : null);
      if (!solution) return { ok: false, field: 'solution', message: t(lang, 'solutionRequired') };
      // Resolving ends a wait (the requester is asked to verify next).
      const c = responded({ status: 'resolved', solution, resolvedAt: ctx.now, lastUpdateAt: ctx.now, workLog: log(L.resolved) });
      return { ok: true, changes: { ...c, ...endWaitOnStatus(tk, { ...tk, ...c }, ctx.now, lang) } };
    }
    case 'feedback': {
      if (typeof p.resolved !== 'boolean') return { ok: false, field: 'resolved', message: t(lang, 'requiredChoice', { field: inputLabels.resolved }) };
      const r = parseRating(p.rating);
      if (!r) return { ok: false, field: 'rating', message: t(lang, 'requiredChoice', { field: inputLabels.rating }) };
      const feedback = `${p.resolved ? 'yes' : 'no'}:${r}` as Ticket['feedback'];
      const words = L.feedbackWords(p.resolved ? L.wasResolved : L.notResolved, L.ratings[r]);
      if (p.resolved) return { ok: true, changes: { feedback, lastUpdateAt: ctx.now, workLog: log(L.feedback(words)) } };
      // 否 reopens the ticket (seed step 4).
      return {
        ok: true,
        changes: { feedback, status: 'inProgress', resolvedAt: null, lastUpdateAt: ctx.now, workLog: log(L.feedbackReopened(words)) },
      };
    }
    case 'close': {
      if (status === 'pending') {
        const reason = cleanText(p.reason);
        if (!reason) return { ok: false, field: 'reason', message: t(lang, 'reasonRequired') };
        // Closing a duplicate is a status change out of 待处理: it is the first response too.
        const c = responded({ status: 'closed', lastUpdateAt: ctx.now, workLog: log(L.closedWithReason(reason)) });
        return { ok: true, changes: { ...c, ...endWaitOnStatus(tk, { ...tk, ...c }, ctx.now, lang) } };
      }
      return { ok: true, changes: { status: 'closed', lastUpdateAt: ctx.now, workLog: log(L.closed) } };
    }
    case 'reopen': {
      const reason = cleanText(p.reason);
      return {
        ok: true,
        changes: { status: 'inProgress', resolvedAt: null, lastUpdateAt: ctx.now, workLog: log(L.reopened(reason ?? '')) },
      };
    }
    case 'wait':
    case 'endWait': {
      const inp = { now: ctx.now, lang, reason: cleanText(p.reason), liaison: cleanText(p.liaison), log };
      const r = name === 'wait' ? setWait(tk, p.kind, inp) : endWait(tk, inp);
      return r.ok ? { ok: true, changes: responded(r.changes) } : r;
    }
  }
}
