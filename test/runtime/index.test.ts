// The assembled runtime with the fixture bundle (test/fixtures/dist): calls, client calls, lock
// interleaving, triggers over time, open/edit events, state round trip.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalRuntime, loadRuntime, saveRuntime, LocalRuntime, MAX_FIRINGS_PER_TICK, TickTooLongError } from '../../runtime';
import { LOCK_TIMEOUT_MESSAGE } from '../../runtime/services/lock';

const distDir = path.join(__dirname, '../fixtures/dist');
const T0 = Date.UTC(2024, 4, 6, 1, 0, 0); // Mon 2024-05-06 09:00 Asia/Shanghai
const H = 3_600_000;
const rtAt = (extra: Parameters<typeof createLocalRuntime>[0] = {}) => createLocalRuntime({ distDir, now: T0, timeZone: 'Asia/Shanghai', locale: 'zh_CN', user: 'agent@example.com', ...extra });

describe('LocalRuntime calls', () => {
  test('call returns result and stats; script zone read from appsscript.json', () => {
    const rt = rtAt();
    const r = rt.call('hello', 'x');
    expect(r.result).toBe('hello x');
    expect(r.stats.calls).toBe(0);
    expect(rt.scriptTimeZone).toBe('Asia/Shanghai');
    const n = rt.call<{ now: number }>('now');
    expect(n.result.now).toBe(T0);
    expect(rt.stats.calls).toBe(0);
  });

  test('callFromClient: Date arguments are refused, results are JSON copies, Date results become null', () => {
    const rt = rtAt();
    expect(() => rt.callFromClient('echo', new Date())).toThrow('Failed due to illegal value in property: 0');
    // Arguments arrive as the bundle realm's own arrays.
    expect(rt.callFromClient('echo', [1, 2]).result).toEqual({ x: [1, 2], isArray: true });
    expect(rt.callFromClient('withDate').result).toBeNull();
    expect(() => rt.callFromClient('privateThing_')).toThrow('Script function not found');
  });

  test('services count calls per class and method', () => {
    const rt = rtAt();
    const r = rt.call('nextId');
    expect(r.result).toBe('T1');
    expect(r.stats.byMethod['Lock.waitLock']).toBe(1);
    expect(r.stats.byMethod['Properties.setProperty']).toBe(1);
  });
});

describe('lock contention and interleaving', () => {
  test('an interleaved call at lock acquisition: a correct counter gives distinct IDs', () => {
    const rt = rtAt();
    const ids: unknown[] = [];
    rt.interleave('lock', () => ids.push(rt.call('nextId').result));
    ids.push(rt.call('nextId').result);
    expect(ids).toEqual(['T1', 'T2']);
  });

  test('the same interleaving catches a counter read outside the lock (duplicate IDs)', () => {
    const rt = rtAt();
    rt.services.PropertiesService.getScriptProperties().setProperty('unsafe', '1');
    const ids: unknown[] = [];
    rt.interleave('lock', () => ids.push(rt.call('nextId').result));
    ids.push(rt.call('nextId').result);
    expect(ids[0]).toBe(ids[1]); // the bug shows
  });

  test('a call during a sleep while the lock is held waits its full timeout and fails', () => {
    const rt = rtAt();
    let err = '';
    rt.interleave('sleep', () => {
      try {
        rt.call('nextId');
      } catch (e) {
        err = (e as Error).message;
      }
    });
    expect(rt.call('nextId').result).toBe('T1');
    expect(err).toBe(LOCK_TIMEOUT_MESSAGE);
    expect(rt.clock.now() - T0).toBe(100 + 10000); // A slept 100 ms, B waited 10 s
  });

  test('another process holding the document lock: waitLock times out, clock advances', () => {
    const rt = rtAt();
    rt.locks.holdDocumentLock(T0 + 60_000);
    expect(() => rt.call('nextId')).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(rt.clock.now()).toBe(T0 + 10_000);
    rt.locks.holdDocumentLock(T0 + 15_000);
    expect(rt.call('nextId').result).toBe('T1');
  });

  test('no document: getDocumentLock() and getDocumentProperties() are null', () => {
    const rt = rtAt({ noDocument: true });
    expect(rt.services.LockService.getDocumentLock()).toBeNull();
    expect(() => rt.call('nextId')).toThrow();
  });
});

describe('triggers', () => {
  test('a clock jump past MAX_FIRINGS_PER_TICK is refused before anything runs (issue 17)', () => {
    const rt = rtAt();
    rt.call('setupTriggers');
    const before = JSON.stringify(rt.toJSON());
    const started = Date.now();
    expect(() => rt.tick(Date.UTC(2090, 0, 1))).toThrow(TickTooLongError);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(JSON.stringify(rt.toJSON())).toBe(before);
    expect(rt.firingsDue(T0 + (MAX_FIRINGS_PER_TICK - 1) * H, Infinity)).toBe(MAX_FIRINGS_PER_TICK - 1);
    expect(() => rt.tick(NaN)).toThrow(TickTooLongError);
  });

  test('tick fires each due hourly run in order with the clock at its fire time', () => {
    const rt = rtAt();
    expect(rt.call('setupTriggers').result).toBe(1);
    const fired = rt.tick(T0 + 3 * H + 5);
    expect(fired.map((f) => f.at - T0)).toEqual([H, 2 * H, 3 * H]);
    const runs = JSON.parse(rt.services.PropertiesService.getScriptProperties().getProperty('runs')!);
    expect(runs.map((r: { at: number }) => r.at - T0)).toEqual([H, 2 * H, 3 * H]);
    expect(runs[0].hour).toBe(2); // event fields in UTC
    expect(rt.clock.now()).toBe(T0 + 3 * H + 5);
  });

  test('open fires onOpen (LIMITED) and records the menu; a failing trigger is recorded', () => {
    const rt = rtAt();
    const runs = rt.open();
    expect(runs[0]).toMatchObject({ handler: 'onOpen', ok: true, result: 'LIMITED' });
    expect(rt.ui.menus[0].items).toEqual([{ caption: 'Open', functionName: 'showForm' }]);
    rt.services.ScriptApp.newTrigger('fail').timeBased().after(1000).create();
    expect(rt.tick(T0 + 2000)).toMatchObject([{ handler: 'fail', ok: false, error: 'boom' }]);
  });

  test('a time-driven run has no editor open: getUi() is refused there, and works again in a menu run (developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getui)', () => {
    const rt = rtAt();
    rt.services.ScriptApp.newTrigger('showForm').timeBased().after(1000).create();
    expect(rt.tick(T0 + 2000)).toMatchObject([{ handler: 'showForm', ok: false, error: 'Cannot call SpreadsheetApp.getUi() from this context.' }]);
    expect(rt.ui.sidebars).toHaveLength(0);
    rt.call('showForm');
    expect(rt.ui.sidebars).toHaveLength(1);
  });

  test('showForm renders the template from dist/ into a recorded sidebar', () => {
    const rt = rtAt();
    rt.call('showForm');
    expect(rt.ui.sidebars[0]).toMatchObject({ title: 'Form', content: '<h1>New &lt;ticket&gt;</h1>\n' });
  });
});

describe('state', () => {
  test('toJSON / fromJSON / save / load round trip', () => {
    const rt = rtAt();
    rt.call('nextId');
    rt.call('setupTriggers');
    rt.services.MailApp.sendEmail('a@x', 's', 'b');
    rt.tick(T0 + H);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rt-')), 'wb.json');
    saveRuntime(rt, file);
    const back = loadRuntime(file, { distDir });
    expect(back.toJSON()).toEqual(JSON.parse(JSON.stringify(rt.toJSON())));
    expect(back.call('nextId').result).toBe('T2');
    expect(back.mail).toHaveLength(1);
    expect(back.tick(T0 + 2 * H)).toHaveLength(1);
    expect(LocalRuntime.fromJSON(rt.toJSON(), { distDir }).clock.now()).toBe(rt.clock.now());
    expect(fs.readdirSync(path.dirname(file))).toEqual(['wb.json']); // no temp file left
  });
});

describe('concurrently', () => {
  test('three submits interleaved at the lock get three distinct IDs', () => {
    const rt = rtAt();
    const r = rt.concurrently([{ name: 'nextId' }, { name: 'nextId' }, { name: 'nextId' }], { client: true });
    expect(r.map((x) => x.result).sort()).toEqual(['T1', 'T2', 'T3']);
  });

  test('with the counter read outside the lock, the harness shows duplicates', () => {
    const rt = rtAt();
    rt.services.PropertiesService.getScriptProperties().setProperty('unsafe', '1');
    const r = rt.concurrently([{ name: 'nextId' }, { name: 'nextId' }, { name: 'nextId' }]);
    expect(new Set(r.map((x) => x.result)).size).toBeLessThan(3);
  });

  test('interleaved during sleep, the second call times out on the held lock', () => {
    const rt = rtAt();
    const r = rt.concurrently([{ name: 'nextId' }, { name: 'nextId' }], { point: 'sleep' });
    expect(r).toEqual([{ ok: true, result: 'T1' }, { ok: false, error: LOCK_TIMEOUT_MESSAGE }]);
  });
});

describe('hand edits fire onEdit (guides/triggers/events#edit)', () => {
  const SHEET = '工作表1';
  const lastEdit = (rt: LocalRuntime) => JSON.parse(rt.services.PropertiesService.getScriptProperties().getProperty('lastEdit') ?? 'null');

  test('single cell: value, and oldValue only when the cell had one', () => {
    const rt = rtAt();
    const r1 = rt.edit(`${SHEET}!B3`, 'hello');
    expect(r1).toMatchObject({ ok: true, runs: [{ handler: 'onEdit', kind: 'simple', ok: true }] });
    expect(lastEdit(rt)).toEqual({ a1: 'B3', value: 'hello', hasOld: false });
    rt.edit(`${SHEET}!B3`, 'bye');
    expect(lastEdit(rt)).toEqual({ a1: 'B3', value: 'bye', oldValue: 'hello', hasOld: true });
  });

  test('multi-cell paste: the range, no value/oldValue', () => {
    const rt = rtAt();
    rt.edit(`${SHEET}!A1`, 'x');
    rt.edit(`${SHEET}!A1:B2`, [['1', '2'], ['3', '4']]);
    expect(lastEdit(rt)).toEqual({ a1: 'A1:B2', hasOld: false });
  });

  test('a paste into one cell carries no value/oldValue either (model: the tracker must not depend on them)', () => {
    const rt = rtAt();
    rt.edit(`${SHEET}!A1`, 'x');
    const r = rt.edit(`${SHEET}!A1`, [['y']]);
    expect(r).toMatchObject({ ok: true, a1: 'A1', multi: false });
    expect(lastEdit(rt)).toEqual({ a1: 'A1', hasOld: false });
    expect(rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET)!.getRange('A1').getValue()).toBe('y');
  });

  test('a sort fires no edit trigger (model: the guide is silent on sorts; the live self-test records Google): rows reorder, formats with them', () => {
    const rt = rtAt();
    const sh = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET)!;
    sh.getRange('A1:B3').setValues([['b', 1], ['c', 2], ['a', 3]]);
    sh.getRange('A2').setBackground('#ff0000');
    const r = rt.sortRange(`${SHEET}!A1:B3`, { column: 1, ascending: false });
    expect(r).toEqual({ ok: true });
    expect(sh.getRange('A1:B3').getValues()).toEqual([['c', 2], ['b', 1], ['a', 3]]);
    expect(sh.getRange('A1').getBackground()).toBe('#ff0000');
    expect(lastEdit(rt)).toBeNull();
    expect(rt.sortRange(`${SHEET}!A1:B3`, { column: 3 })).toEqual({ ok: false, reason: 'The sort column must be within the range.' });
  });

  test('a sort over a protected cell is refused, like typing into it', () => {
    const rt = rtAt();
    const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
    const sh = ss.getSheetByName(SHEET)!;
    sh.getRange('A1:A2').setValues([['b'], ['a']]);
    sh.getRange('A2').protect().removeEditors(['someone@example.com']);
    rt.ctx.user.active = 'someone@example.com';
    const r = rt.sortRange(`${SHEET}!A1:A2`, 1);
    expect(r.ok).toBe(false);
    expect(sh.getRange('A1:A2').getValues()).toEqual([['b'], ['a']]);
  });

  test('a strict dropdown refuses the edit; nothing fires', () => {
    const rt = rtAt();
    const SA = rt.services.SpreadsheetApp;
    const rule = SA.newDataValidation().requireValueInList(['高', '中', '低'], true).setAllowInvalid(false).build();
    SA.getActiveSpreadsheet().getSheetByName(SHEET)!.getRange('C2').setDataValidation(rule);
    const r = rt.edit(`${SHEET}!C2`, '很高');
    expect(r.ok).toBe(false);
    expect(lastEdit(rt)).toBeNull();
  });

  test('simple onEdit cannot send mail; an installable onEdit trigger can', () => {
    const rt = rtAt();
    const r = rt.edit(`${SHEET}!A1`, 'mail');
    expect(r.ok && r.runs[0]).toMatchObject({ ok: false, error: expect.stringContaining('You do not have permission to call MailApp.sendEmail') });
    rt.services.ScriptApp.newTrigger('mailFromEdit').forSpreadsheet(rt.services.SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
    const r2 = rt.edit(`${SHEET}!A2`, 'x');
    expect(r2.ok && r2.runs.map((x) => [x.handler, x.ok])).toEqual([['onEdit', true], ['mailFromEdit', true]]);
    expect(rt.mail).toHaveLength(1);
  });
});

describe('web app requests (guides/web, "Execute as: Me")', () => {
  const code = `
function doGet(e) {
  var who = Session.getActiveUser().getEmail() + '|' + Session.getEffectiveUser().getEmail();
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  return HtmlService.createHtmlOutput('<p>' + e.parameter.q + '|' + who + '|' + (ss ? 'sheet' : 'none') + '</p>').setTitle('Form');
}
function whoami() { return Session.getActiveUser().getEmail() + '|' + Session.getEffectiveUser().getEmail(); }
function ui() { return SpreadsheetApp.getUi() ? 'ui' : ''; }
function stores() {
  return [LockService.getDocumentLock() === null, CacheService.getDocumentCache() === null, !!LockService.getScriptLock(),
    !!CacheService.getScriptCache(), PropertiesService.getDocumentProperties() !== null, String(ScriptApp.getInstallationSource())];
}
`;
  const rt = (addonMode = false) => createLocalRuntime({ distDir, bundle: code, now: T0, user: 'owner@corp.example', addonMode });

  test('run as the owner; the visitor is named only where Google would reveal them', () => {
    expect(rt().webApp('guest@gmail.com').get({ q: 'a&b' }).result).toEqual({ title: 'Form', content: '<p>a&b||owner@corp.example|sheet</p>' });
    expect(rt().webApp('wang@corp.example').run('whoami').result).toBe('wang@corp.example|owner@corp.example');
    expect(rt().webApp('owner@corp.example').run('whoami').result).toBe('owner@corp.example|owner@corp.example');
  });

  test('have no editor UI, and no spreadsheet when the script is an add-on', () => {
    expect(() => rt().webApp('guest@gmail.com').run('ui')).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(rt(true).webApp('guest@gmail.com').get().result.content).toContain('|none</p>');
    // Outside the request, the editor's UI is back.
    const r = rt();
    expect(() => r.webApp('guest@gmail.com').run('ui')).toThrow();
    expect(r.call('ui').result).toBe('ui');
  });

  test('no document lock or document cache in a request, bound or not; document properties stay (issue 16)', () => {
    // reference/lock/lock-service#getdocumentlock and reference/cache/cache-service#getdocumentcache:
    // null "from a standalone script or webapp"; reference/properties/properties-service#getdocumentproperties:
    // available whenever the script is bound (or an add-on).
    const r = rt();
    expect(r.webApp('guest@gmail.com').run('stores').result).toEqual([true, true, true, true, true, 'NONE']);
    expect(r.call('stores').result).toEqual([false, false, true, true, true, 'NONE']);
    // reference/script/installation-source: NONE "Script is not running as an add-on".
    expect(rt(true).call('stores').result).toEqual([false, false, true, true, true, 'WEB_STORE_ADD_ON']);
  });

  test('doGet must return a page', () => {
    expect(() => createLocalRuntime({ distDir, bundle: 'function doGet() {}' }).webApp('x@gmail.com').get()).toThrow('The script completed but did not return anything.');
  });
});

describe('service objects print as their class name (selftest case objects.to-string; the reference is silent)', () => {
  test('String() of a sheet, range, builder, rule and user; toString is not a counted call', () => {
    const rt = rtAt();
    const app = rt.services.SpreadsheetApp;
    const sheet = app.getActiveSpreadsheet().getSheets()[0];
    const b = app.newDataValidation().requireValueInList(['a'], true);
    const [range, rule, user] = [sheet.getRange('A1'), b.build(), rt.services.Session.getEffectiveUser()];
    const before = rt.ctx.acct.stats.calls;
    expect([String(sheet), String(range), String(b), String(rule), String(user)]).toEqual([
      'Sheet',
      'Range',
      'DataValidationBuilder',
      'DataValidation',
      'User',
    ]);
    expect(rt.ctx.acct.stats.calls).toBe(before);
  });
});

describe('the manifest (appsscript.json)', () => {
  const dirWith = (manifest: string | null): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-manifest-'));
    if (manifest !== null) fs.writeFileSync(path.join(dir, 'appsscript.json'), manifest);
    return dir;
  };

  test('none yet (no build): the runtime starts on its defaults', () => {
    const rt = createLocalRuntime({ distDir: dirWith(null), bundle: false, now: T0 });
    expect(rt.scriptTimeZone).toBe('Asia/Shanghai');
  });

  test('one that does not parse is an error, not an absent manifest: its scopes are what the runtime grants', () => {
    expect(() => createLocalRuntime({ distDir: dirWith('{"timeZone": '), bundle: false, now: T0 })).toThrow(SyntaxError);
  });
});
