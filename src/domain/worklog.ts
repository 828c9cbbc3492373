// The work log (处理过程记录): entries `yyyy-MM-dd HH:mm 姓名: text`, newest last, one cell.
//
// An entry starts only where a line starts with a time stamp. Whatever a user types (a reason,
// a note, a name) stays inside its entry: each further line of it is written indented, so no typed
// line can ever begin a new entry "by" someone else at another time, and a multi-line reason still
// reads as the lines its author wrote. Readers (SLA's last update, the archive of old entries)
// therefore look for stamps at the very start of a line, never after trimming it.
import type { Lang } from './schema';
import { SHEET_NAMES } from './schema';
import type { Zone } from './zone';
import { fromLocal } from './zone';

const ENTRY = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}) /;
/** What each further line of an entry starts with. */
export const CONTINUATION = '  ';
// Everything a viewer may show as a new line: CR LF, CR, LS, PS, NEL, VT, FF.
// eslint-disable-next-line no-control-regex -- line-breaking control characters are the point
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085\u000B\u000C]/g;
// eslint-disable-next-line no-control-regex -- as above
const ANY_LINE_BREAK = /[\r\n\u2028\u2029\u0085\u000B\u000C]/;

/** Typed text as the lines of one entry: trailing blanks and empty lines dropped. */
function lines(text: string): string[] {
  return text
    .split(LINE_BREAKS)
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim() !== '');
}

/** A name on one line (an agent name from the settings sheet may hold a line break). */
export function oneLine(text: string): string {
  return lines(text).map((l) => l.trim()).join(' ');
}

/**
 * One entry, whatever the text holds: `stamp by: first line`, further lines indented. Only
 * `stamp` (the add-on's own clock) starts the entry.
 */
export function logEntry(stamp: string, by: string, text: string): string {
  const [first = '', ...rest] = lines(text);
  return [`${stamp} ${oneLine(by)}: ${first.trim()}`, ...rest.map((l) => CONTINUATION + l.replace(/^\s+/, ''))].join('\n');
}

/** Appends an entry, newest last (trailing blank lines of the log dropped). */
export function appendLog(log: string, entry: string): string {
  return log.trim() ? `${log.replace(/\s+$/, '')}\n${entry}` : entry;
}

/** Whether a log line starts an entry (a stamp at the very start). */
export const startsEntry = (line: string): boolean => ENTRY.test(line);

/** A value on one line, its line breaks shown as ⏎ (audit cells hold one line per field). */
export const lineBreaksShown = (s: string): string => (ANY_LINE_BREAK.test(s) ? s.replace(LINE_BREAKS, ' ⏎ ') : s);

/**
 * The log cut into its entries, oldest first; text before the first entry (a hand-typed note, the
 * pointer to archived entries) is `head`. Joining head and entries with `\n` gives the log back.
 */
export function splitEntries(log: string): { head: string[]; entries: string[] } {
  const all = log.replace(/\r\n?/g, '\n').split('\n');
  const head: string[] = [];
  const entries: string[] = [];
  for (const line of all) {
    if (startsEntry(line)) entries.push(line);
    else if (entries.length) entries[entries.length - 1] += `\n${line}`;
    else head.push(line);
  }
  return { head, entries };
}

/** Instant of the newest entry, or null when the log has none in the standard form. */
export function lastLogAt(log: string, zone: Zone): number | null {
  const all = log.split(/\r\n|[\r\n]/);
  for (let i = all.length - 1; i >= 0; i--) {
    const m = ENTRY.exec(all[i]);
    if (m) return fromLocal({ year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5] }, zone);
  }
  return null;
}

/**
 * A log grows past what one cell holds (50,000 characters) on a long-running ticket. Before it
 * does, the oldest entries move to the work-log archive sheet (keyed by ticket ID) and the cell
 * keeps the newest ones under one pointer line naming that sheet: every action keeps working, and
 * nothing is lost. The limits leave room for the largest entry an action writes.
 */
export const LOG_ARCHIVE_AT = 40_000;
/** What the cell keeps after a move (so the next move is far off). */
export const LOG_KEEP = 20_000;

const POINTER: Record<Lang, string> = {
  zh: `〔更早的记录已移至「${SHEET_NAMES.logArchive.zh}」工作表,按问题编号查找〕`,
  en: `〔Older entries moved to the "${SHEET_NAMES.logArchive.en}" sheet; look up this ticket ID there〕`,
};

const isPointer = (line: string): boolean => line === POINTER.zh || line === POINTER.en;

/** Whether the log says some of its entries were moved to the archive sheet. */
export const hasArchivedEntries = (log: string): boolean => log.split('\n').some(isPointer);

/**
 * When `log` has outgrown LOG_ARCHIVE_AT: the text to move (older entries, and any hand-typed text
 * above them) and the log to keep (pointer, then the newest entries within LOG_KEEP; the newest one
 * always stays). Null when nothing needs to move. `moved` + `kept` hold every line of `log`.
 */
export function splitForArchive(log: string, lang: Lang): { kept: string; moved: string; count: number } | null {
  if (log.length <= LOG_ARCHIVE_AT) return null;
  const { head, entries } = splitEntries(log);
  const ownHead = head.filter((l) => !isPointer(l) && l.trim() !== '');
  let keepFrom = entries.length;
  let size = POINTER[lang].length;
  while (keepFrom > 0 && (keepFrom === entries.length || size + entries[keepFrom - 1].length + 1 <= LOG_KEEP)) {
    size += entries[keepFrom - 1].length + 1;
    keepFrom--;
  }
  const older = entries.slice(0, keepFrom);
  if (!older.length && !ownHead.length) return null;
  return {
    kept: [POINTER[lang], ...entries.slice(keepFrom)].join('\n'),
    moved: [...ownHead, ...older].join('\n'),
    count: older.length,
  };
}

/**
 * Text cut into pieces of at most `max` UTF-16 units, at line breaks where possible and never
 * inside a surrogate pair (each piece goes into one cell).
 */
export function chunkText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut <= 0) {
      cut = max;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut--;
    }
    out.push(rest.slice(0, cut));
    rest = rest.slice(rest[cut] === '\n' ? cut + 1 : cut);
  }
  if (rest) out.push(rest);
  return out;
}
