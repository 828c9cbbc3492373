// One self-test run on the spreadsheet the script is bound to: the conformance cases, the hand-edit
// and web-app cases, then the add-on end to end, every call timed; the results sheet last.
import type { Services } from '../src/gas/services';
import { PIVOT_CASES } from './cases/pivots';
import { RANGE_CASES } from './cases/ranges';
import { RULE_CASES } from './cases/rules';
import { SHEET_CASES } from './cases/sheets';
import { SHEET_MEMBER_CASES } from './cases/sheetMembers';
import { SERVICE_CASES } from './cases/services';
import { VALUE_CASES } from './cases/values';
import { TEXT_MEMBER_CASES } from './cases/textMembers';
import { deleteAddonTriggers, endToEndSteps } from './endToEnd';
import { EDIT_CASES, EDITS_SHEET, EDIT_LOG_SHEET, WEB_CASES, prepareEditSheet } from './live';
import { RESULTS_SHEET, resultTable, summarise, writeResults } from './results';
import type { Summary } from './results';
import type { Case, Ctx, ResultRow } from './suite';
import { runCase } from './suite';
import { CallLog, timedServices } from './timing';

/** Every conformance case (the end-to-end steps come after them). */
export const CONFORMANCE_CASES: Case[] = [...VALUE_CASES, ...RANGE_CASES, ...SHEET_CASES, ...SHEET_MEMBER_CASES, ...RULE_CASES, ...PIVOT_CASES, ...SERVICE_CASES, ...TEXT_MEMBER_CASES, ...EDIT_CASES, ...WEB_CASES];

const SCRATCH_KEY = 'selftest.scratch';
const SCRATCH_SHEET = 'selftest-scratch';
const KEEP = [RESULTS_SHEET, EDITS_SHEET, EDIT_LOG_SHEET];

/**
 * The run deletes every other sheet and all document properties, so it works only on a spreadsheet
 * it has marked as its own: one where every sheet was empty the first time.
 */
function claimScratch(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, props: GoogleAppsScript.Properties.Properties): void {
  if (props.getProperty(SCRATCH_KEY)) return;
  const used = ss.getSheets().filter((s) => s.getLastRow() > 0 && !KEEP.includes(s.getName()));
  if (used.length) {
    throw new Error(`The self-test clears the spreadsheet it runs in: run it in a new, blank spreadsheet (this one has data in ${used.map((s) => s.getName()).join(', ')}).`);
  }
  props.setProperty(SCRATCH_KEY, 'yes');
}

/** Back to a blank tracker-less spreadsheet in Asia/Shanghai, zh_CN (what the expected values assume). */
function reset(svc: Services, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const props = svc.PropertiesService.getDocumentProperties();
  claimScratch(ss, props);
  deleteAddonTriggers(svc);
  const results = ss.getSheetByName(RESULTS_SHEET) ?? ss.insertSheet(RESULTS_SHEET);
  for (const s of ss.getSheets()) if (!KEEP.includes(s.getName())) ss.deleteSheet(s);
  results.clear();
  props.deleteAllProperties();
  props.setProperty(SCRATCH_KEY, 'yes');
  ss.setSpreadsheetTimeZone('Asia/Shanghai');
  ss.setSpreadsheetLocale('zh_CN');
  prepareEditSheet(ss);
}

export interface SelfTestRun {
  rows: ResultRow[];
  table: string[][];
  summary: Summary;
}

export function runSelfTest(raw: Services): SelfTestRun {
  const log = new CallLog(() => Date.now());
  const svc = timedServices(raw, log);
  const rawSs = raw.SpreadsheetApp.getActiveSpreadsheet();
  reset(raw, rawSs);
  const ss = svc.SpreadsheetApp.getActiveSpreadsheet();
  let scratch: GoogleAppsScript.Spreadsheet.Sheet | null = null;
  const dropScratch = () => {
    const old = scratch ?? ss.getSheetByName(SCRATCH_SHEET);
    scratch = null;
    if (old) ss.deleteSheet(old);
  };
  const ctx: Ctx = {
    svc,
    ss,
    log,
    scratch: () => {
      dropScratch();
      scratch = ss.insertSheet(SCRATCH_SHEET);
      return scratch;
    },
  };
  const rows: ResultRow[] = CONFORMANCE_CASES.map((c) => runCase(c, ctx, 'case', dropScratch));
  for (const step of endToEndSteps()) rows.push(runCase(step, ctx, 'e2e', () => {}));
  const table = resultTable(rows, log.records);
  writeResults(rawSs, table);
  return { rows, table, summary: summarise(rows) };
}
