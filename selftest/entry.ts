// The self-test project's entry points: the only globals of selftest-dist/Code.js. Pushed with
// clasp into a throw-away spreadsheet's bound script (README, "Verify on your Google account").
import { globalServices } from '../src/gas/services';
import { recordEdit, probeWebApp } from './live';
import { runSelfTest as run } from './run';

/** Simple trigger: the menu. No other service call (it may run in AuthMode.NONE or LIMITED). */
export function onOpen(): void {
  globalServices().SpreadsheetApp.getUi().createMenu('Self-test').addItem('Run the self-test', 'runSelfTest').addToUi();
}

/** Simple trigger: records the event object of a hand edit in the selftest-edits sheet. */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  recordEdit(e);
}

/** The web app (deployed by its owner, "Execute as: Me"): probes a real web request. */
export function doGet() {
  const svc = globalServices();
  const probe = probeWebApp(svc);
  const rows = Object.entries(probe).map(([k, v]) => `<tr><td>${k}</td><td>${String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</td></tr>`);
  return svc.HtmlService.createHtmlOutput(`<p>Recorded. Run the self-test again from the sheet's menu.</p><table>${rows.join('')}</table>`).setTitle('Self-test web probe');
}

/** Menu: the whole self-test; the results sheet is left active for File → Download → .csv. */
export function runSelfTest() {
  const svc = globalServices();
  const { summary } = run(svc);
  const text = `${summary.passed} passed, ${summary.failed.length} failed, ${summary.pending.length} pending` +
    (summary.failed.length ? `\nfailed: ${summary.failed.join(', ')}` : '') +
    (summary.pending.length ? `\npending (hand edits / web app not done yet): ${summary.pending.join(', ')}` : '');
  try {
    svc.SpreadsheetApp.getUi().alert(text);
  } catch {
    // run from the editor without a sheet open: the results sheet has it all
  }
  return summary;
}
