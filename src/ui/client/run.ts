// Promise wrapper over google.script.run for the sidebars. Typed against the server contract, so a
// renamed entry point or a changed argument list fails type-checking here, not in the browser.
import type {
  ActionOutcome,
  ArticleSuggestion,
  IntakeFormModel,
  SubmitResult,
  TicketViewResult,
} from '../../app/contracts';
import type { ActionName } from '../../domain/workflow';

// Provided by HtmlService in the sidebar iframe (and by preview/page/shim.ts in the offline preview).
declare const google: { script: { run: any; host: { close(): void } } };

/** What the intake form sends: codes for urgency and category, text for the rest. */
export interface IntakeForm {
  title: string;
  department: string;
  description: string;
  urgency: string;
  category: string;
  submitter: string;
  contact: string;
  /** Optional address for the updates (issue 18). */
  notifyEmail: string;
}

/** Inputs an action may carry; only the keys its `needs` ask for are sent. */
export interface ActionPayload {
  assignee?: string;
  reason?: string;
  text?: string;
  solution?: string;
  resolved?: boolean;
  rating?: string;
  /** close: file the solution in the knowledge base as a suggestion (else kept, retired). */
  file?: boolean;
  /** wait: `requester` or `vendor`, with the vendor's liaison. */
  kind?: string;
  liaison?: string;
  /** escalate: the background and what was tried. */
  background?: string;
  tried?: string;
  /** note: send it to the requester as a reply (else an internal note). */
  reply?: boolean;
}

/** The server entry points the sidebars call, with their arguments and results. */
export interface ServerApi {
  getIntakeForm(): IntakeFormModel;
  submitTicket(form: IntakeForm, clientToken: string): SubmitResult;
  suggestArticles(text: string): ArticleSuggestion[];
  markArticleHelpful(id: string): unknown;
  /** `at`: the version of the view the sidebar shows (its row is read first). */
  getTicketView(id?: string, at?: string): TicketViewResult;
  applyTicketAction(id: string, action: ActionName, payload: ActionPayload, version: string): ActionOutcome;
}

type Fn = (...args: any[]) => any;

/** Calls a server function; resolves with its return value, rejects with an Error (network, busy, exception). */
export function call<K extends keyof ServerApi>(
  fn: K,
  ...args: Parameters<Extract<ServerApi[K], Fn>>
): Promise<ReturnType<Extract<ServerApi[K], Fn>>> {
  return new Promise((resolve, reject) => {
    if (typeof google === 'undefined' || !google.script || !google.script.run) {
      reject(new Error('google.script.run is not available'));
      return;
    }
    const runner = google.script.run
      .withSuccessHandler((value: unknown) => resolve(value as ReturnType<Extract<ServerApi[K], Fn>>))
      .withFailureHandler((err: unknown) => reject(toError(err)));
    // Trailing undefined arguments are dropped: google.script.run cannot carry undefined.
    const list: unknown[] = args.slice();
    while (list.length && list[list.length - 1] === undefined) list.pop();
    try {
      runner[fn](...list);
    } catch (e) {
      reject(toError(e));
    }
  });
}

/** Apps Script failures arrive as Error objects, strings or plain objects with a message. */
export function toError(err: unknown): Error {
  if (err instanceof Error) return err;
  if (typeof err === 'string') return new Error(err);
  if (err && typeof err === 'object' && typeof (err as { message?: unknown }).message === 'string') {
    return new Error((err as { message: string }).message);
  }
  return new Error('');
}

/** The message of a failure without Apps Script's "Exception: " / "Error: " prefix. */
export function failureMessage(err: unknown): string {
  return toError(err)
    .message.replace(/^(Exception|Error|ScriptError):\s*/i, '')
    .trim();
}

/** Closes the sidebar (no-op outside Apps Script). */
export function closeSidebar(): void {
  if (typeof google !== 'undefined' && google.script && google.script.host) google.script.host.close();
}

/**
 * Whether a failure is the connection's, not the server's: the browser's own words for a request
 * that never got an answer ("Failed to fetch", "NetworkError…", "Load failed", HTTP 0), or none.
 */
export function isTransportFailure(err: unknown): boolean {
  const m = failureMessage(err);
  return m === '' || /failed to fetch|network ?error|load failed|connection|timed? ?out|HTTP 0\b|google\.script\.run is not available/i.test(m);
}
