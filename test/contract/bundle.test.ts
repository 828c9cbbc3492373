// The bundle contract (issue: foundation): dist/Code.js is what `clasp push` sends; it must load on
// Apps Script exactly as checked here.
import fs from 'node:fs';
import path from 'node:path';
import { checkBundle } from './bundleContract';
import { ENTRY_POINTS } from './entryPoints';
import { MENU_ITEMS } from '../../src/app/menu';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');
const fixture = (name: string) => fs.readFileSync(path.join(root, 'test/fixtures/bundles', name), 'utf8');

describe('dist/Code.js', () => {
  const code = fs.readFileSync(path.join(dist, 'Code.js'), 'utf8');

  it('loads with no service call at top level and exposes exactly the entry points', () => {
    const result = checkBundle(code, ENTRY_POINTS);
    expect(result.problems).toEqual([]);
    expect(result.globals).toEqual([...ENTRY_POINTS].sort());
  });

  it('has no Node or module syntax left', () => {
    expect(code).not.toMatch(/\brequire\(|\bexport\s*\{|\bimport\s*\(/);
  });

  it('ships the manifest and the sidebars', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Shanghai');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(manifest.oauthScopes.some((s: string) => /drive/.test(s))).toBe(false);
    // Session.getActiveUser() needs it: without it the audit could never name anyone.
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/userinfo.email');
    for (const page of ['Intake.html', 'Ticket.html']) {
      const html = fs.readFileSync(path.join(dist, page), 'utf8');
      expect(html).toContain('<style>');
      expect(html).toContain('<script>');
      expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/); // self-contained
    }
  });

  it('names only entry points in the menu', () => {
    for (const item of MENU_ITEMS) if (item) expect(ENTRY_POINTS).toContain(item[2]);
  });
});

describe('the contract check itself', () => {
  it.each([
    ['top-level-call.js', /services used at top level: SpreadsheetApp/],
    ['leaked-helper.js', /not entry points: formatRow/],
    ['class-field.js', /not ES2019/],
    ['node-global.js', /evaluating Code.js failed: require is not defined/],
  ])('rejects %s', (file, problem) => {
    const result = checkBundle(fixture(file), ['onOpen']);
    expect(result.problems.join('\n')).toMatch(problem);
  });

  it('rejects a bundle missing an entry point', () => {
    expect(checkBundle('function onOpen() {}', ['onOpen', 'onInstall']).problems.join()).toMatch(/missing: onInstall/);
  });
});
