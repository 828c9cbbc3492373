// The contact field's privacy rule: no personal (mainland) mobile number, in any disguise. One
// function for the form's script and the server alike, so the sidebar, the web form and
// submitTicket can never disagree.
//
// How a disguise is seen through: Unicode NFKC first (full-width digits, circled digits, the
// compatibility dashes), then every digit of any script becomes its ASCII digit, and what sits
// between digits decides. Invisible characters (zero-width spaces, joiners, soft hyphens, bidi
// marks, combining marks) are dropped outright; punctuation, symbols and spaces (dots, dashes of
// every width, middle dots, slashes, underscores, parentheses, `+`) only separate digit groups.
// A mobile number is then any run of consecutive digit groups that, joined, is one: `1[3-9]` and
// nine digits, optionally after 86/086/0086. Letters and `@` end a run, so `内线8888 / 138…` is
// still seen (the groups 8888 and 138… are tried apart) while an extension next to a word is not
// glued to it. Whole groups only: `013812345678` (a 12-digit number) is not a mobile number.

/** Mainland mobile number, with an optional country prefix (joined digits only). */
const MOBILE_DIGITS = /^(?:0{0,2}86)?1[3-9]\d{9}$/;
/** Longest joined form worth trying: 0086 + 11 digits. */
const MAX_JOINED = 15;

// Dropped between digits: format characters (ZWSP, ZWJ, BOM, soft hyphen, bidi marks) and marks.
const INVISIBLE = /[\p{Cf}\p{Mn}\p{Me}]/u;
// End a run of digit groups: words, and the @ of an email address.
const RUN_BREAK = /[\p{L}@]/u;
const DIGIT = /\p{Nd}/u;

/**
 * The ASCII value of a decimal digit of any script. Unicode allocates each script's digits as ten
 * consecutive code points from zero, so the digit's offset from the start of its run of digits
 * (taken modulo ten, for runs of adjacent sets) is its value.
 */
function digitValue(ch: string): string {
  if (ch >= '0' && ch <= '9') return ch;
  const cp = ch.codePointAt(0) as number;
  let start = cp;
  while (start > 0 && start > cp - 60 && DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return String((cp - start) % 10);
}

/** The digit groups of a contact text, split into runs that letters or `@` keep apart. */
export function digitRuns(s: string): string[][] {
  const runs: string[][] = [];
  let groups: string[] = [];
  let current = '';
  const endGroup = () => {
    if (current) groups.push(current);
    current = '';
  };
  const endRun = () => {
    endGroup();
    if (groups.length) runs.push(groups);
    groups = [];
  };
  for (const ch of s.normalize('NFKC')) {
    if (DIGIT.test(ch)) current += digitValue(ch);
    else if (INVISIBLE.test(ch)) continue;
    else if (RUN_BREAK.test(ch)) endRun();
    else endGroup();
  }
  endRun();
  return runs;
}

/** Whether the text holds a personal mobile number, however it is written. */
export function containsPersonalMobile(s: string): boolean {
  if (typeof s !== 'string' || !s) return false;
  for (const groups of digitRuns(s)) {
    for (let i = 0; i < groups.length; i++) {
      let joined = '';
      for (let j = i; j < groups.length && joined.length < MAX_JOINED; j++) {
        joined += groups[j];
        if (MOBILE_DIGITS.test(joined)) return true;
      }
    }
  }
  return false;
}
