// Every public member of every emulated class counts exactly one call, as on Google, whatever the
// runtime does inside it (runtime/instrument.ts): the members are those Google's published typings
// (@types/google-apps-script) declare and the runtime provides. Each is called on a fresh runtime,
// with arguments where the member needs them; a member that refuses its arguments still made one
// call. Spreadsheet classes count as spreadsheet calls, Properties/Lock/Cache/Session/Mail/Script
// as service calls, builders and local helpers as neither.
import fs from 'node:fs';
import path from 'node:path';
import { createLocalRuntime } from '../../runtime';
import type { LocalRuntime } from '../../runtime';
import { SERVICE_CLASSES, SPREADSHEET_CLASSES, unwrap } from '../../runtime/instrument';

const TYPES = path.join(path.dirname(require.resolve('@types/google-apps-script/package.json')));

/** Member names of `interface <name> {` in a typings file. */
function declared(file: string, name: string): Set<string> {
  const text = fs.readFileSync(path.join(TYPES, file), 'utf8');
  const start = text.indexOf(`interface ${name} {`);
  if (start < 0) throw new Error(`no interface ${name} in ${file}`);
  const body = text.slice(start, text.indexOf('\n        }', start));
  return new Set([...body.matchAll(/^\s+(\w+)\(/gm)].map((m) => m[1]));
}

type Maker = (rt: LocalRuntime) => object;
const ss = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet();
const sheet = (rt: LocalRuntime) => {
  const s = ss(rt).getSheets()[0];
  s.getRange('A1:C3').setValues([
    ['问题编号', '标题', '状态'],
    ['IT20240501001', 'a', '待处理'],
    ['IT20240501002', 'b', '已关闭'],
  ]);
  s.getRange('B2').activate();
  return s;
};

const CLASSES: Array<[string, string, string, Maker]> = [
  ['SpreadsheetApp', 'google-apps-script.spreadsheet.d.ts', 'SpreadsheetApp', (rt) => rt.services.SpreadsheetApp],
  ['Spreadsheet', 'google-apps-script.spreadsheet.d.ts', 'Spreadsheet', (rt) => (sheet(rt), ss(rt))],
  ['Sheet', 'google-apps-script.spreadsheet.d.ts', 'Sheet', sheet],
  ['Range', 'google-apps-script.spreadsheet.d.ts', 'Range', (rt) => sheet(rt).getRange('A1:C3')],
  ['TextFinder', 'google-apps-script.spreadsheet.d.ts', 'TextFinder', (rt) => sheet(rt).createTextFinder('IT')],
  ['PropertiesService', 'google-apps-script.properties.d.ts', 'PropertiesService', (rt) => rt.services.PropertiesService],
  ['Properties', 'google-apps-script.properties.d.ts', 'Properties', (rt) => rt.services.PropertiesService.getDocumentProperties()],
  ['LockService', 'google-apps-script.lock.d.ts', 'LockService', (rt) => rt.services.LockService],
  ['Lock', 'google-apps-script.lock.d.ts', 'Lock', (rt) => rt.services.LockService.getScriptLock()],
  ['CacheService', 'google-apps-script.cache.d.ts', 'CacheService', (rt) => rt.services.CacheService],
  ['Cache', 'google-apps-script.cache.d.ts', 'Cache', (rt) => rt.services.CacheService.getScriptCache()],
  ['Session', 'google-apps-script.base.d.ts', 'Session', (rt) => rt.services.Session],
  ['User', 'google-apps-script.base.d.ts', 'User', (rt) => rt.services.Session.getActiveUser()],
  ['MailApp', 'google-apps-script.mail.d.ts', 'MailApp', (rt) => rt.services.MailApp],
  ['ScriptApp', 'google-apps-script.script.d.ts', 'ScriptApp', (rt) => rt.services.ScriptApp],
  ['HtmlService', 'google-apps-script.html.d.ts', 'HtmlService', (rt) => rt.services.HtmlService],
  ['Utilities', 'google-apps-script.utilities.d.ts', 'Utilities', (rt) => rt.services.Utilities],
];

/** Arguments for members that need them (the rest are called with none). */
const ARGS: Record<string, unknown[]> = {
  'SpreadsheetApp.flush': [],
  'Spreadsheet.getSheetByName': ['Sheet1'],
  'Spreadsheet.getRange': ['A1:B2'],
  'Spreadsheet.insertSheet': ['新表'],
  'Spreadsheet.createTextFinder': ['IT'],
  'Spreadsheet.toast': ['hi', 'title'],
  'Spreadsheet.setFrozenRows': [1],
  'Spreadsheet.setColumnWidth': [1, 120],
  'Spreadsheet.renameActiveSheet': ['改名'],
  'Spreadsheet.rename': ['新名字'],
  'Spreadsheet.addEditor': ['a@example.com'],
  'Spreadsheet.addEditors': [['a@example.com', 'b@example.com']],
  'Spreadsheet.setSpreadsheetTimeZone': ['Europe/London'],
  'Spreadsheet.setSpreadsheetLocale': ['en_US'],
  'Sheet.getRange': ['A1:B2'],
  'Sheet.getSheetValues': [1, 1, 2, 2],
  'Sheet.appendRow': [['x', 'y']],
  'Sheet.setName': ['新名'],
  'Sheet.insertRowsAfter': [1, 2],
  'Sheet.insertRowAfter': [1],
  'Sheet.insertRowBefore': [2],
  'Sheet.insertRowsBefore': [2, 1],
  'Sheet.deleteRow': [3],
  'Sheet.deleteRows': [2, 1],
  'Sheet.setFrozenRows': [1],
  'Sheet.setColumnWidth': [1, 100],
  'Sheet.createTextFinder': ['IT'],
  'Sheet.hideColumns': [2],
  'Sheet.showColumns': [2],
  'Range.getCell': [1, 1],
  'Range.offset': [1, 0],
  'Range.setValue': ['v'],
  'Range.setValues': [[['a', 'b', 'c'], ['d', 'e', 'f'], ['g', 'h', 'i']]],
  'Range.setBackground': ['#ff0000'],
  'Range.setNumberFormat': ['@'],
  'Range.setFontWeight': ['bold'],
  'Range.setNote': ['n'],
  'Range.createTextFinder': ['IT'],
  'Range.sort': [{ column: 1, ascending: false }],
  'TextFinder.matchCase': [true],
  'TextFinder.matchEntireCell': [true],
  'TextFinder.matchFormulaText': [false],
  'TextFinder.useRegularExpression': [false],
  'TextFinder.ignoreDiacritics': [true],
  'TextFinder.replaceAllWith': ['X'],
  'TextFinder.replaceWith': ['X'],
  'Properties.getProperty': ['k'],
  'Properties.setProperty': ['k', 'v'],
  'Properties.setProperties': [{ a: '1', b: '2' }],
  'Properties.deleteProperty': ['k'],
  'Lock.tryLock': [1000],
  'Lock.waitLock': [1000],
  'Cache.get': ['k'],
  'Cache.put': ['k', 'v'],
  'Cache.getAll': [['k']],
  'Cache.putAll': [{ k: 'v' }],
  'Cache.remove': ['k'],
  'Cache.removeAll': [['k']],
  'MailApp.sendEmail': ['a@example.com', 'subject', 'body'],
  'HtmlService.createHtmlOutput': ['<p>x</p>'],
  'HtmlService.createTemplate': ['<p><?= 1 ?></p>'],
  'Utilities.formatDate': [new Date(0), 'UTC', 'yyyy'],
  'Utilities.sleep': [10],
};

const rtFor = () => {
  const rt = createLocalRuntime({ bundle: false, now: Date.UTC(2024, 4, 1, 2), user: 'owner@example.com' });
  rt.ui.responder = () => ({ button: 'OK' });
  return rt;
};

describe.each(CLASSES)('%s: each public member is one call', (cls, file, iface, make) => {
  const provided = (() => {
    const raw = unwrap(make(rtFor())) as Record<string, unknown>;
    const names = new Set<string>();
    for (let p = raw; p && p !== Object.prototype; p = Object.getPrototypeOf(p))
      for (const k of Object.getOwnPropertyNames(p)) if (typeof raw[k] === 'function') names.add(k);
    return [...declared(file, iface)].filter((m) => names.has(m)).sort();
  })();

  test('provides members to pin', () => {
    expect(provided.length).toBeGreaterThan(0);
  });

  test.each(provided)(`${cls}.%s`, (member) => {
    const rt = rtFor();
    const obj = make(rt) as Record<string, (...a: unknown[]) => unknown>;
    const before = { ...rt.ctx.acct.stats, byMethod: { ...rt.ctx.acct.stats.byMethod } };
    let ok = true;
    try {
      obj[member](...(ARGS[`${cls}.${member}`] ?? []));
    } catch {
      ok = false;
    }
    const after = rt.ctx.acct.stats;
    const key = `${cls}.${member}`;
    expect({ member, calls: after.calls - before.calls }).toEqual({ member, calls: 1 });
    expect((after.byMethod[key] ?? 0) - (before.byMethod[key] ?? 0)).toBe(1);
    const spreadsheet = SPREADSHEET_CLASSES.has(cls) && !(cls === 'SpreadsheetApp' && member.startsWith('new'));
    expect(after.spreadsheetCalls - before.spreadsheetCalls).toBe(spreadsheet ? 1 : 0);
    expect(after.serviceCalls - before.serviceCalls).toBe(SERVICE_CLASSES.has(cls) ? 1 : 0);
    // A member given its arguments must have worked: the count is pinned on a real call.
    if (ARGS[key]) expect({ member, ok }).toEqual({ member, ok: true });
  });
});
