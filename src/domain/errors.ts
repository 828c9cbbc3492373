// One coded error type for what the add-on refuses or cannot do. Callers (the sidebars, the CLI,
// the preview) branch on `code`, never on the message: messages are translated and reworded, codes
// are a contract. Failed results that cross a wire carry the same codes (app/contracts.ts).

/** Every code, with what it means to a caller. */
export const ERROR_CODES = {
  /** Another person or run held the document lock past the wait: try again shortly. */
  busy: 'busy',
  /** The ticket changed since the view was loaded: reload, then act. */
  conflict: 'conflict',
  /** The input was refused (the field errors or the message say why). */
  invalid: 'invalid',
  /** The ticket asked for is not on the ticket sheet. */
  notFound: 'notFound',
  /** No ticket sheet: setup has not run, or the sheet was removed. */
  noTicketSheet: 'noTicketSheet',
  /** The add-on runs without a spreadsheet (no document lock to take). */
  noDocument: 'noDocument',
  /** The settings outgrow what document properties can hold. */
  configTooLarge: 'configTooLarge',
  /** The working calendar has no working time left to give (no workdays, every day a holiday). */
  noWorkingTime: 'noWorkingTime',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

const CODES = new Set<string>(Object.values(ERROR_CODES));

export class TrackerError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'TrackerError';
    this.code = code;
  }
}

/**
 * The code of a thrown value, or null when it is not one of ours. Reads the property rather than
 * `instanceof`: an error thrown inside the bundle comes from another realm (the local runtime, the
 * CLI) and is no instance of this module's class.
 */
export function errorCode(e: unknown): ErrorCode | null {
  const code = e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && CODES.has(code) ? (code as ErrorCode) : null;
}

/**
 * Whether a caught value is a defect in our own code (a TypeError: a property read on undefined, a
 * call of what is no function; a ReferenceError) rather than what a service, the sheet or the data
 * may throw. Google's exceptions carry no code to narrow on, so a catch meant for them rethrows
 * these: a bug must surface, not pass for a refusal. Read by name: an error thrown inside the
 * bundle comes from another realm (the local runtime) and is no instance of this realm's classes.
 */
export function isDefect(e: unknown): boolean {
  const name = e && typeof e === 'object' ? (e as { name?: unknown }).name : undefined;
  return name === 'TypeError' || name === 'ReferenceError';
}

/** In a catch meant for what a service or the data may throw: rethrows a defect (isDefect). */
export function rethrowDefect(e: unknown): void {
  if (isDefect(e)) throw e;
}

/**
 * In a catch meant for one kind of error (JSON.parse's SyntaxError, decodeURIComponent's URIError,
 * Intl's RangeError for an unknown zone): rethrows anything else. By name, for the same realm reason.
 */
export function rethrowUnless(e: unknown, name: 'SyntaxError' | 'URIError' | 'RangeError' | 'TypeError'): void {
  const got = e && typeof e === 'object' ? (e as { name?: unknown }).name : undefined;
  if (got !== name) throw e;
}
