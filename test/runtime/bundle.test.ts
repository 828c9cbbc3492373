// The vm loader (runtime/bundle.ts): only Apps Script globals, a clock-driven Date of the bundle's
// own realm, only top-level functions callable (PLATFORM.md "Runtime and bundle").
import fs from 'node:fs';
import path from 'node:path';
import { loadBundle } from '../../runtime/bundle';
import { Accounting, expose } from '../../runtime/instrument';

const code = fs.readFileSync(path.join(__dirname, '../fixtures/dist/Code.js'), 'utf8');

function load(now = 1_700_000_000_000) {
  let t = now;
  const acct = new Accounting();
  const Utilities = expose({ sleep: () => undefined }, 'Utilities', acct);
  const b = loadBundle(code, { Utilities, SpreadsheetApp: {} }, () => t);
  return { b, set: (ms: number) => (t = ms) };
}

describe('loadBundle', () => {
  test('entry points are the top-level functions, not __app, not private_ ones', () => {
    const { b } = load();
    expect(b.entryPoints).toContain('hello');
    expect(b.entryPoints).not.toContain('__app');
    expect(b.entryPoints).not.toContain('privateThing_');
    expect(b.invoke('hello', ['x'])).toBe('hello x');
    expect(() => b.invoke('__app', [])).toThrow('Script function not found: __app');
  });

  test('no Node globals are visible; services are', () => {
    const { b } = load();
    expect(b.invoke('globals', [])).toEqual({
      require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined',
      setTimeout: 'undefined', setInterval: 'undefined', __app: 'object', SpreadsheetApp: 'object', Utilities: 'object',
    });
  });

  test('Date follows the runtime clock and realm.newDate makes the bundle\'s own Dates', () => {
    const { b, set } = load(1_000);
    set(1_714_957_200_000);
    expect(b.invoke('now', [])).toEqual({ now: 1_714_957_200_000, ms: 1_714_957_200_000, isDate: true, explicit: 0, str: 'string' });
    expect(b.invoke('isDate', [b.realm.newDate(5)])).toBe(true);
    expect(b.invoke('isDate', [new Date(5)])).toBe(false); // a host Date is foreign to the bundle, as on no real platform: use realm.newDate
  });

  test('members the runtime does not provide throw NotProvidedError', () => {
    const { b } = load();
    expect(() => b.invoke('notProvided', [])).toThrow('not provided by the local runtime: Utilities.newBlob');
  });
});
