// Accounting that matches Google's (issue 22): one public call is one call, whatever the runtime
// does inside it; an execution's figures freeze when it ends; the other services' round trips are
// counted apart from the spreadsheet's.
import path from 'node:path';
import { createLocalRuntime } from '../../runtime';

const distDir = path.join(__dirname, '../fixtures/dist');
const T0 = Date.UTC(2024, 4, 6, 1, 0, 0);

const code = `
function activeSheet() { return SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName(); }
function appActiveSheet() { SpreadsheetApp.getActiveSheet(); }
function activeRange() { SpreadsheetApp.getActiveSpreadsheet().getActiveRange(); }
function appActiveRange() { SpreadsheetApp.getActiveRange(); }
function frozen() { SpreadsheetApp.getActiveSpreadsheet().setFrozenRows(1); }
function services() {
  var p = PropertiesService.getDocumentProperties();
  p.setProperty('k', 'v');
  p.getProperty('k');
  var l = LockService.getDocumentLock();
  l.tryLock(1000);
  l.releaseLock();
  CacheService.getScriptCache().put('a', 'b');
  Session.getActiveUser().getEmail();
  Utilities.formatDate(new Date(0), 'UTC', 'yyyy');
}
function template() {
  var t = HtmlService.createTemplate('<?= SpreadsheetApp.getActiveSpreadsheet().getName() ?>');
  return t.evaluate().getContent();
}
`;
const rtAt = () => createLocalRuntime({ distDir, bundle: code, now: T0, timeZone: 'Asia/Shanghai', locale: 'zh_CN', user: 'agent@example.com' });

describe('one public call is one call', () => {
  test.each([
    ['activeSheet', { 'SpreadsheetApp.getActiveSpreadsheet': 1, 'Spreadsheet.getActiveSheet': 1, 'Sheet.getName': 1 }],
    ['appActiveSheet', { 'SpreadsheetApp.getActiveSheet': 1 }],
    ['activeRange', { 'SpreadsheetApp.getActiveSpreadsheet': 1, 'Spreadsheet.getActiveRange': 1 }],
    ['appActiveRange', { 'SpreadsheetApp.getActiveRange': 1 }],
    ['frozen', { 'SpreadsheetApp.getActiveSpreadsheet': 1, 'Spreadsheet.setFrozenRows': 1 }],
  ])('%s counts only the members the script called', (fn, byMethod) => {
    const r = createLocalRuntime({ distDir, bundle: code, now: T0 }).call(fn);
    expect(r.stats.byMethod).toEqual(byMethod);
    const n = Object.values(byMethod).reduce((a, b) => a + b, 0);
    expect(r.stats.spreadsheetCalls).toBe(n);
    expect(r.stats.calls).toBe(n);
  });

  test("a template's scriptlets are the script's code: their calls count", () => {
    const r = rtAt().call<string>('template');
    expect(r.stats.byMethod['SpreadsheetApp.getActiveSpreadsheet']).toBe(1);
    expect(r.stats.byMethod['Spreadsheet.getName']).toBe(1);
  });

  test('an execution slipped in at a lock counts its own calls, not the waiting one', () => {
    const rt = rtAt();
    let inner: number | undefined;
    rt.interleave('lock', () => {
      inner = rt.call('appActiveSheet').stats.spreadsheetCalls;
    });
    const outer = rt.call('services').stats;
    expect(inner).toBe(1);
    expect(outer.spreadsheetCalls).toBe(0);
  });
});

describe('service round trips', () => {
  test('Properties, Lock, Cache, Session and User calls are counted as service calls; Utilities is local', () => {
    const s = rtAt().call('services').stats;
    // getDocumentProperties, setProperty, getProperty, getDocumentLock, tryLock, releaseLock,
    // getScriptCache, put, getActiveUser, getEmail
    expect(s.serviceCalls).toBe(10);
    expect(s.spreadsheetCalls).toBe(0);
    expect(s.calls).toBe(11);
    expect(s.byMethod['Utilities.formatDate']).toBe(1);
  });
});

describe('figures freeze when the execution ends', () => {
  test("the host's calls afterwards are not added to the execution", () => {
    const rt = rtAt();
    const r = rt.call('appActiveSheet');
    const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
    ss.getSheets()[0].getRange('A1:B2').getValues();
    expect(r.stats.spreadsheetCalls).toBe(1);
    expect(r.stats.cellsRead).toBe(0);
    expect(rt.stats).toEqual(r.stats);
    expect(Object.isFrozen(r.stats)).toBe(true);
    expect(Object.isFrozen(r.stats.byMethod)).toBe(true);
    // The next execution starts from nothing: the host's calls in between are nobody's.
    expect(rt.call('appActiveSheet').stats.spreadsheetCalls).toBe(1);
  });

  test('a failed execution freezes too', () => {
    const rt = createLocalRuntime({ distDir, bundle: 'function boom() { SpreadsheetApp.getActiveSheet(); throw new Error("x"); }', now: T0 });
    expect(() => rt.call('boom')).toThrow('x');
    rt.services.SpreadsheetApp.getActiveSheet();
    expect(rt.stats.spreadsheetCalls).toBe(1);
    expect(Object.isFrozen(rt.stats)).toBe(true);
  });
});

// The benchmark's split of CPU (issue 19): time inside the script's calls is the runtime's (Google's
// servers' on Google), time in the script's code is the script's, even inside a call (scriptlets).
describe('CPU inside service calls', () => {
  /** A clock that moves 10 ms each time it is read: each timed span reads it twice. */
  const ticking = () => {
    let t = 0;
    return () => (t += 10);
  };

  test('without a clock nothing is timed', () => {
    const rt = rtAt();
    rt.call('activeSheet');
    expect(rt.ctx.acct.runtimeCpuMs).toBe(0);
  });

  test('each outermost call is one span; the calls the runtime makes inside it are not timed again', () => {
    const rt = rtAt();
    rt.ctx.acct.clock = ticking();
    // getActiveSpreadsheet, getActiveSheet, getName: 3 spans of 10 ms.
    rt.call('activeSheet');
    expect(rt.ctx.acct.runtimeCpuMs).toBe(30);
    // getActiveRange calls getActiveSheet inside: still one span.
    rt.call('appActiveRange');
    expect(rt.ctx.acct.runtimeCpuMs).toBe(40);
  });

  test("the script's code run inside a call (a template's scriptlets) is not the runtime's", () => {
    const rt = rtAt();
    rt.ctx.acct.clock = ticking();
    rt.call('template');
    // Six spans of 10 ms: createTemplate; evaluate up to its scriptlets; the scriptlets' own calls
    // (getActiveSpreadsheet, getName); evaluate after them; getContent. Without the pause evaluate
    // would be one span over the scriptlets' (70 ms), their time counted twice.
    expect(rt.ctx.acct.runtimeCpuMs).toBe(60);
  });
});
