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
 * Text a plain-text (`@`) cell cannot take through setValues as typed: a formula-like start (a
 * format changed by hand must never let a formula in), or a leading apostrophe (Sheets' own text
 * marker, kept visibly or not). Such text goes in as a Rich Text value instead (src/gas/textValues.ts).
 */
export const needsTextValue = (s: string): boolean => FORMULA_START.test(s) || s.startsWith("'");

/**
 * The value to write with setValues so the cell holds the user's text: an apostrophe prefix makes
 * Sheets store it as literal text (never a formula, never a converted number or date). In a column
 * formatted as plain text (`@`) numbers and dates already stay text, and an apostrophe there is
 * kept as a visible character, so only what `needsTextValue` is prefixed there — a protected form
 * that the writer then replaces with a Rich Text value holding exactly the text (issue 16).
 */
export function literalText(s: string, plainTextColumn = false): string {
  if (s === '') return s;
  if (plainTextColumn) return needsTextValue(s) ? `'${s}` : s;
  if (FORMULA_START.test(s)) return `'${s}`;
  return CONVERTIBLE.test(s) || s.startsWith("'") ? `'${s}` : s;
}

/** A cell of a block written with setValues, to be written again as a Rich Text value holding `text`. */
export interface TextValueRun {
  /** 0-based row and first column in the block. */
  row: number;
  col: number;
  /** The texts of the run's adjacent cells, exactly as the user typed them. */
  texts: string[];
}

/**
 * Where a block just written through `literalText` must be written again as Rich Text: each cell
 * holding a protected text that `needsTextValue` (in `columns`, the plain-text columns), widened
 * over the adjacent text cells between them so a row takes one write, never over a number, date,
 * boolean or formula. Empty when nothing needs it, which is nearly always.
 */
export function textValueRuns(block: readonly (readonly unknown[])[], columns: (col: number) => boolean): TextValueRun[] {
  const runs: TextValueRun[] = [];
  const protectedText = (v: unknown): string | null =>
    typeof v === 'string' && v.startsWith("'") && needsTextValue(v.slice(1)) ? v.slice(1) : null;
  // A string written as is, or protected by an apostrophe: what the cell shows. Formulas are not text.
  const textOf = (v: unknown): string | null =>
    typeof v !== 'string' ? null : v.startsWith("'") ? v.slice(1) : FORMULA_START.test(v) ? null : v;
  block.forEach((row, r) => {
    let c = 0;
    while (c < row.length) {
      if (!(columns(c) && protectedText(row[c]) !== null)) {
        c++;
        continue;
      }
      // extend over text cells while another cell needing it follows
      let end = c;
      for (let k = c + 1; k < row.length && textOf(row[k]) !== null; k++) if (columns(k) && protectedText(row[k]) !== null) end = k;
      runs.push({ row: r, col: c, texts: row.slice(c, end + 1).map((v) => textOf(v) as string) });
      c = end + 1;
    }
  });
  return runs;
}

/**
 * Text read back from a plain-text column: drops the apostrophe `literalText` put before a
 * formula-like start or an apostrophe, left visible where its Rich Text write did not happen (an
 * older version, a failed call). A text typed as `'=x` or `''x` therefore reads as `=x`, `'x`.
 */
export function readLiteralText(s: string): string {
  // Nearly no cell starts with an apostrophe: one character compare before the pattern (whole-sheet
  // reads decode ~600,000 text cells at 50,000 tickets).
  return s.charCodeAt(0) === 39 && /^'[=+\-@\t\r']/.test(s) ? s.slice(1) : s;
}

// The privacy rule for the contact field lives in phone.ts (shared with the form's script).
export { containsPersonalMobile } from './phone';

// A lone surrogate is half a character: Sheets, JSON and mail would each mangle it differently.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Bidirectional embeddings, overrides and isolates reorder what the reader sees ("Trojan source"):
// a title or name could show another person's name or a different number than it holds.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Whether anything visible is typed: zero-width and other invisible characters alone are empty. */
export const hasVisibleText = (s: string): boolean => /[^\s\p{Z}\p{Cc}\p{Cf}\p{Mn}\p{Me}]/u.test(s);

export const hasLoneSurrogate = (s: string): boolean => LONE_SURROGATE.test(s);
export const hasBidiControl = (s: string): boolean => BIDI_CONTROL.test(s);

/**
 * Why a typed text cannot be stored as it is, or null: control characters, a broken character
 * (lone surrogate) or direction overrides. One check for the forms' scripts and the server.
 */
export function unsafeTextKind(s: string): 'controlChars' | 'brokenChars' | 'bidiChars' | null {
  if (hasLoneSurrogate(s)) return 'brokenChars';
  if (hasBidiControl(s)) return 'bidiChars';
  if (hasControlChars(s)) return 'controlChars';
  return null;
}

// One address mail can go to, written in ASCII: a dot-atom local part (RFC 5322 atext) and a domain
// of at least two letter-digit-hyphen labels. A looser "x@y.z" let through what MailApp reads as a
// list (`a@b.example,boss`: "separated by commas", reference/mail/mail-app#sendemailrecipient,-subject,-body),
// a display name (`Boss<boss@b.example>`), quotes, an invisible character or a look-alike letter
// (`аdmin@…` in Cyrillic): a ticket "received" whose mail then never arrives, or that shows an
// address it is not. An IDN domain is written in its xn-- form.
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const EMAIL = new RegExp(`^${ATOM}(?:\\.${ATOM})*@${LABEL}(?:\\.${LABEL})+$`);

export const isEmail = (s: string): boolean => EMAIL.test(s.trim());
