// Text rules for anything a user types: length in code points, control characters, formula
// injection, and the contact field's privacy rule.

/** Length as a person counts it: code points, so 20 Chinese characters or emoji are 20. */
export const codePointLength = (s: string): number => Array.from(s).length;

/** What one cell holds, as Sheets counts (UTF-16 units, a protecting apostrophe included). */
export const CELL_MAX_CHARS = 50_000;

/** C0/C1 control characters other than tab and newline (which multi-line fields may hold). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const hasControlChars = (s: string): boolean => /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(s);

// Sheets would turn these into formulas, or into numbers, dates and booleans, when written.
const FORMULA_START = /^[=+\-@\t\r]/;
// Numbers include currency (`$100`, `¥1,000`) and scientific notation (`1e5`); times include am/pm.
const CONVERTIBLE =
  /^\s*([+-]?[$¥€£]?\s*[\d.,]+(e[+-]?\d+)?%?|\d{1,4}[-/.年]\d{1,2}([-/.月]\d{1,4}日?)?(\s+\d{1,2}:\d{2}(:\d{2})?(\s*[ap]m)?)?|\d{1,2}(:\d{2}){1,2}(\s*[ap]m)?|\d{1,2}\s*[ap]m|true|false)\s*$/i;

/**
 * The value to write so the cell shows exactly the user's text: an apostrophe prefix makes Sheets
 * store it as literal text (never a formula, never a converted number or date). In a column
 * formatted as plain text (`@`) numbers and dates already stay text, and an apostrophe there may
 * be kept as a visible character, so only formula-like text is prefixed (a format changed by hand
 * must never let a formula in).
 */
export function literalText(s: string, plainTextColumn = false): string {
  if (s === '') return s;
  if (FORMULA_START.test(s)) return `'${s}`;
  if (plainTextColumn) return s;
  return CONVERTIBLE.test(s) || s.startsWith("'") ? `'${s}` : s;
}

/** Text read back from a plain-text column: drops the apostrophe `literalText` put before a formula-like start. */
export function readLiteralText(s: string): string {
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

// Mainland mobile numbers: 1[3-9] and 9 more digits, with or without +86/0086, spaces or dashes.
const MOBILE = /(?:^|[^\d])(?:(?:\+|00)?86[\s-]*)?1[3-9](?:[\s-]*\d){9}(?!\d)/;

export function containsPersonalMobile(s: string): boolean {
  // NFKC: full-width digits and dashes typed with a Chinese IME are still a mobile number.
  return MOBILE.test(s.normalize('NFKC'));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isEmail = (s: string): boolean => EMAIL.test(s.trim());
