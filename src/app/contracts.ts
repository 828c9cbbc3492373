// What crosses google.script.run between the sidebars (src/ui) and the server entry points.
// Only JSON-safe values: instants travel as epoch milliseconds, never Date.
import type { ErrorCode } from '../domain/errors';
import type { Lang } from '../domain/schema';
import type { ActionName } from '../domain/workflow';

export interface FieldError {
  /** The form field the message belongs beside, or null for the form as a whole. */
  field: string | null;
  message: string;
}

export interface Choice {
  value: string;
  label: string;
  /** Shown under the control (urgency definitions). */
  hint?: string;
}

/** getIntakeForm() → everything the intake sidebar needs, already in the sheet's language. */
export interface IntakeFormModel {
  lang: Lang;
  title: string;
  /** The web form's link to the visitor's own tickets: only when Google names the visitor (issue 18). */
  myTickets?: { label: string; url: string };
  /**
   * When Google names the person filling the form (sidebar; web form in the owner's domain): the
   * address their updates go to, and the sentence saying so. The "email for updates" field is then
   * not among `fields` (issue 18: Google's address first, the typed one last).
   */
  updatesTo?: { email: string; text: string };
  fields: {
    key: 'title' | 'department' | 'description' | 'urgency' | 'category' | 'submitter' | 'contact' | 'notifyEmail';
    label: string;
    help: string;
    required: boolean;
    maxLength?: number;
    placeholder?: string;
  }[];
  departments: string[];
  urgencies: Choice[];
  categories: Choice[];
  text: {
    submit: string;
    submitting: string;
    success: string; // contains {id}
    another: string;
    suggestions: string;
    /** What the (always present) suggestions box says while it has nothing to suggest. */
    suggestionsEmpty: string;
    solvedIt: string;
    thanks: string;
    counter: string; // contains {n} and {max}
    required: string; // contains {field}
    /** The same for a choice (urgency): "please choose", not "please fill in"; contains {field}. */
    requiredChoice: string;
    vague: string;
    mobile: string;
    failed: string;
    /** The call never reached the server (network): the input is kept, retry. */
    offline: string;
    /** The server failed; contains {detail}. The input is kept, retry. */
    failedKept: string;
    retry: string;
    /** contains {max} and {n} */
    tooLong: string;
    /** Each contains {field}: text the server would refuse (see unsafeTextKind). */
    controlChars: string;
    brokenChars: string;
    bidiChars: string;
  };
}

/** submitTicket(form, clientToken) */
export type SubmitResult =
  | { ok: true; id: string; duplicate: boolean; warnings: FieldError[] }
  | { ok: false; code: ErrorCode; errors: FieldError[] };

export interface ArticleSuggestion {
  id: string;
  title: string;
  category: string;
  solution: string;
  score: number;
}

/**
 * Every string the ticket sidebar shows, in the sheet's language (src/ui/ticket.ts keeps English
 * fallbacks for each). Placeholders: confirmClose has {id}, done has {action}.
 */
export interface TicketViewText {
  ticketId: string;
  idPlaceholder: string;
  open: string;
  loading: string;
  sla: string;
  actions: string;
  noActions: string;
  empty: string;
  assignee: string;
  reason: string;
  note: string;
  solution: string;
  resolvedQuestion: string;
  yes: string;
  no: string;
  rating: string;
  satisfied: string;
  basic: string;
  unsatisfied: string;
  choose: string;
  cancel: string;
  confirmClose: string;
  /** Close: the "file as a knowledge-base suggestion" checkbox. */
  fileKb: string;
  working: string;
  done: string;
  reload: string;
  conflict: string;
  failed: string;
  retry: string;
  /** Loading the ticket never got an answer (network). */
  offlineLoad: string;
  /** An action's call got no answer ({action}): it may or may not have been applied; Retry is safe. */
  offlineAction: string;
  /** A retried action found the ticket changed ({action}): perhaps by the first attempt. */
  maybeApplied: string;
  /** The SLA column's word for breached (the sidebar colours the SLA line by it). */
  breachedWord: string;
  atRiskWord: string;
  /** Waiting states and the hand-over (issue 18). */
  waitKind: string;
  waitRequester: string;
  waitVendor: string;
  liaison: string;
  current: string;
  since: string;
  background: string;
  tried: string;
  tier2Agent: string;
  /** Note: the "send to the requester as a reply" checkbox (issue 18). */
  replyToRequester: string;
}

/** getTicketView(id?, at?) → the agent sidebar's view of one ticket (the selected row when id is omitted; `at`, a view's version, names the row to read first). */
export interface TicketView {
  ok: true;
  lang: Lang;
  id: string;
  /** Fingerprint of the row as loaded: sent back with each action to detect concurrent changes. */
  version: string;
  /** [label, display value] pairs, in sheet order. */
  fields: { key: string; label: string; value: string }[];
  status: string;
  slaText: string;
  actions: {
    name: ActionName;
    label: string;
    needs: ('assignee' | 'reason' | 'text' | 'solution' | 'feedback' | 'file' | 'kind' | 'liaison' | 'background' | 'tried' | 'reply')[];
    /** With need 'file' (close): whether "file as a suggestion" starts ticked (knowledge.ts fileByDefault). */
    fileDefault?: boolean;
  }[];
  agents: string[];
  /** The agents an escalation can hand over to (tier 2 in the settings). */
  tier2Agents: string[];
  /** The current waiting state with its start, or '' (the record's, not the visible cell's). */
  waiting: string;
  text: TicketViewText;
}

export type TicketViewResult = TicketView | { ok: false; code: ErrorCode; message: string; text?: TicketViewText };

/** applyTicketAction(id, action, payload, version) */
export type ActionOutcome =
  | { ok: true; view: TicketView }
  /** `conflict` repeats `code === 'conflict'` for clients written before the codes. */
  | { ok: false; code: ErrorCode; errors: FieldError[]; conflict?: boolean };
