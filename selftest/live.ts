// What only Google can hand a script, so only a person can set off: the event of a real hand edit
// (recorded by the self-test's simple onEdit trigger) and a real web-app request (doGet runs its
// probes and stores them). Each becomes a case; until the person has done it, the case is pending.
import { submitTicket } from '../src/app/intake';
import type { Services } from '../src/gas/services';
import { FORM } from './endToEnd';
import type { Case } from './suite';
import { PENDING, REF } from './suite';

export const EDITS_SHEET = 'selftest-edits';
export const EDIT_LOG_SHEET = 'selftest-edit-log';
export const WEB_PROBE_KEY = 'selftest.webProbe';
/** The date B3 holds before the person types over it: 2024-05-01 09:15 in Asia/Shanghai. */
const B3_DATE = Date.UTC(2024, 4, 1, 1, 15);

/** The edits a person makes, in this order (the sheet shows the same list). */
export const EDIT_STEPS: { a1: string; typed: string | null; sort?: true; say: string }[] = [
  { a1: 'B2', typed: 'hello', say: 'type hello into the empty cell B2' },
  { a1: 'B2', typed: 'world', say: 'type world into B2 (over hello)' },
  { a1: 'B3', typed: 'x', say: 'type x into B3 (over the date)' },
  { a1: 'D2:D3', typed: null, say: 'copy B2:B3 and paste it into D2' },
  { a1: 'E2', typed: null, say: 'copy B2 and paste it into E2 (over nothing)' },
  // Whether a sort fires onEdit is undocumented (issue 17): the tracker must not rely on either answer.
  { a1: 'D2:D3', typed: null, sort: true, say: 'select D2:D3, then Data › Sort range › Sort range by column D (Z → A)' },
  { a1: 'G2', typed: 'done', say: 'type done into G2 (the last step: it shows the sort before it was recorded, or not)' },
];
/** The step that closes the list: once it is recorded, what the sort did (or not) is known. */
const LAST_A1 = 'G2';
/** What each pasting step pastes, as the local runtime is told it (a copy of the cells named). */
export const PASTED: Record<string, string[][]> = { 'D2:D3': [['world'], ['x']], E2: [['world']] };

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The sheet the person edits, with its instructions; left as it is once edits were recorded. */
export function prepareEditSheet(ss: Ss): void {
  const log = ss.getSheetByName(EDIT_LOG_SHEET) ?? ss.insertSheet(EDIT_LOG_SHEET);
  if (log.getLastRow() > 0) return;
  const sheet = ss.getSheetByName(EDITS_SHEET) ?? ss.insertSheet(EDITS_SHEET);
  sheet.clear();
  sheet.getRange('A1').setValue('Make these edits by hand, in this order, then run the self-test again:');
  sheet.getRange(1, 6, EDIT_STEPS.length, 1).setValues(EDIT_STEPS.map((s, i) => [`${i + 1}. ${s.say}`]));
  sheet.getRange('B3').setValue(new Date(B3_DATE));
}

/** The self-test's simple onEdit trigger: records what Google put in the event object. */
export function recordEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const sheet = e.range.getSheet();
  if (sheet.getName() !== EDITS_SHEET) return;
  const ev = e as unknown as Record<string, unknown>;
  const shape = {
    a1: e.range.getA1Notation(),
    value: ev.value === undefined ? '(absent)' : ev.value,
    oldValue: ev.oldValue === undefined ? '(absent)' : ev.oldValue,
    authMode: String(e.authMode),
  };
  const log = e.source.getSheetByName(EDIT_LOG_SHEET) ?? e.source.insertSheet(EDIT_LOG_SHEET);
  log.appendRow([JSON.stringify(shape)]);
}

function recordedEdits(ss: Ss): Record<string, unknown>[] {
  const log = ss.getSheetByName(EDIT_LOG_SHEET);
  if (!log || log.getLastRow() < 1) return [];
  return log.getSheetValues(1, 1, log.getLastRow(), 1).map((r) => JSON.parse(String(r[0])));
}

const EV = 'developers.google.com/apps-script/guides/triggers/events#edit';
const editCase = (i: number, id: string, expected: Record<string, unknown>, how: string): Case => ({
  id,
  ref: EV,
  expected,
  how: `${how}; recorded by the simple onEdit trigger (edit ${i + 1} in ${EDITS_SHEET})`,
  run: ({ ss }) => {
    const e = recordedEdits(ss)[i];
    return e ? { a1: e.a1, value: e.value, oldValue: e.oldValue } : PENDING;
  },
});

/** The edits recorded after the five typed and pasted ones, up to and including the last step. */
function afterPastes(ss: Ss): string[] | null {
  const all = recordedEdits(ss);
  if (!all.some((e) => e.a1 === LAST_A1)) return null;
  return all.slice(5).map((e) => String(e.a1));
}

export const EDIT_CASES: Case[] = [
  editCase(0, 'event.typed-into-empty-cell', { a1: 'B2', value: 'hello', oldValue: '(absent)' }, 'e.value is the typed text; no e.oldValue for an empty cell'),
  editCase(1, 'event.typed-over-a-value', { a1: 'B2', value: 'world', oldValue: 'hello' }, 'e.oldValue is the previous text'),
  editCase(2, 'event.typed-over-a-date', { a1: 'B3', value: 'x', oldValue: '45413.385416666664' }, "e.oldValue of a date cell (the runtime's model: its serial number as text; README: to confirm)"),
  editCase(3, 'event.paste-of-two-cells', { a1: 'D2:D3', value: '(absent)', oldValue: '(absent)' }, 'e.value and e.oldValue exist "only if the edited range is a single cell"'),
  editCase(4, 'event.paste-into-one-cell', { a1: 'E2', value: '(absent)', oldValue: '(absent)' }, "a paste into one cell (the runtime's model: no e.value either, as pastes are reported to carry none; the tracker never relies on it)"),
  {
    id: 'event.simple-trigger-auth-mode',
    ref: 'developers.google.com/apps-script/guides/triggers#restrictions',
    expected: ['LIMITED'],
    how: 'the distinct e.authMode values of the recorded edits (a simple trigger in a bound script)',
    run: ({ ss }) => {
      const all = recordedEdits(ss);
      return !all.some((e) => e.a1 === LAST_A1) ? PENDING : Array.from(new Set(all.map((e) => e.authMode)));
    },
  },
  {
    id: 'event.sort-fires-no-edit',
    ref: 'developers.google.com/apps-script/guides/triggers#onedite',
    expected: [LAST_A1],
    how: "the edits recorded after the two pastes: the sort of D2:D3 (Data › Sort range) then typing done into G2. [G2] means the sort fired no onEdit (the runtime's model: onEdit runs \"when a user changes a value\", the page is silent on sorting; the tracker's sweep catches a sort either way); [D2:D3, G2] means it fired one",
    run: ({ ss }) => afterPastes(ss) ?? PENDING,
  },
];

export interface WebProbe {
  documentLockIsNull: boolean;
  documentCacheIsNull: boolean;
  installationSource: string;
  hasSpreadsheet: boolean;
  uiThrows: boolean;
  sameUser: boolean;
  submit: string;
}

/** doGet: what a real web-app request sees, and a real web-form submit; stored for the next run. */
export function probeWebApp(svc: Services): WebProbe {
  const attempt = (fn: () => unknown): boolean => {
    try {
      fn();
      return false;
    } catch {
      // Whatever Google throws is the answer sought: whether the web app refuses the call.
      return true;
    }
  };
  let submit: string;
  try {
    const r = submitTicket(svc, FORM, 'selftest-web-token-' + Date.now());
    submit = r.ok ? 'ok' : r.errors.map((e) => e.message).join('; ');
  } catch (e) {
    submit = `error: ${(e as Error)?.message ?? String(e)}`;
  }
  const probe: WebProbe = {
    documentLockIsNull: svc.LockService.getDocumentLock() === null,
    documentCacheIsNull: svc.CacheService.getDocumentCache() === null,
    installationSource: String(svc.ScriptApp.getInstallationSource()),
    hasSpreadsheet: !!svc.SpreadsheetApp.getActiveSpreadsheet(),
    uiThrows: attempt(() => svc.SpreadsheetApp.getUi()),
    sameUser: svc.Session.getActiveUser().getEmail().toLowerCase() === svc.Session.getEffectiveUser().getEmail().toLowerCase(),
    submit,
  };
  svc.PropertiesService.getScriptProperties().setProperty(WEB_PROBE_KEY, JSON.stringify(probe));
  return probe;
}

const webCase = (id: string, ref: string, key: keyof WebProbe, expected: unknown, how: string): Case => ({
  id,
  ref,
  expected,
  how: `${how}; observed in doGet when the web app URL is opened by its owner`,
  run: ({ svc }) => {
    const raw = svc.PropertiesService.getScriptProperties().getProperty(WEB_PROBE_KEY);
    return raw ? (JSON.parse(raw) as WebProbe)[key] : PENDING;
  },
});

export const WEB_CASES: Case[] = [
  webCase('web.document-lock-is-null', REF + 'lock/lock-service#getdocumentlock', 'documentLockIsNull', true, 'LockService.getDocumentLock() === null "from a … webapp"'),
  webCase('web.document-cache-is-null', REF + 'cache/cache-service#getdocumentcache', 'documentCacheIsNull', true, 'CacheService.getDocumentCache() === null "from a standalone script or web app"'),
  webCase('web.installation-source-bound', REF + 'script/installation-source', 'installationSource', 'NONE', 'String(ScriptApp.getInstallationSource()) in the bound web app: the web form takes the script lock by it'),
  webCase('web.bound-script-has-its-sheet', 'developers.google.com/apps-script/guides/bound', 'hasSpreadsheet', true, 'SpreadsheetApp.getActiveSpreadsheet() in a bound web app (README: to confirm)'),
  webCase('web.no-editor-ui', REF + 'spreadsheet/spreadsheet-app#getui', 'uiThrows', true, 'SpreadsheetApp.getUi() throws in a web app'),
  webCase('web.owner-is-active-user', REF + 'base/session#getactiveuser', 'sameUser', true, '"Execute as: Me", opened by the owner: active user = effective user'),
  webCase('web.submit', 'developers.google.com/apps-script/guides/web', 'submit', 'ok', 'submitTicket from doGet: the web-form path for real'),
];
