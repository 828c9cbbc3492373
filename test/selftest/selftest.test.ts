// The live self-test (issue 16), run where it can be run here: its own Apps Script project built by
// `npm run selftest:build`, checked like dist/Code.js, then run on the local runtime the way a
// person runs it on Google (menu, four hand edits, the web app, menu again). Every case must pass,
// except the known gaps, which must still fail; the CSV it leaves compares clean against a new run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkBundle } from '../contract/bundleContract';
import { SELFTEST_ENTRY_POINTS } from '../contract/entryPoints';
import { bundleTool } from '../bundle';
import { runLocally } from '../../selftest/node/local';
import type { LocalRun } from '../../selftest/node/local';
import { KNOWN_GAPS } from '../../selftest/node/knownGaps';
import { caseRows } from '../../selftest/node/compare';
import { CONFORMANCE_CASES } from '../../selftest/run';
import { EDIT_CASES, WEB_CASES } from '../../selftest/live';

const root = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selftest-'));
const out = path.join(dir, 'selftest-dist');
const cli = path.join(root, 'build', `selftest-test-${process.pid}.cjs`);

let run: LocalRun;

beforeAll(async () => {
  const b = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--selftest', '--quiet', '--out', out], { encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`selftest build failed: ${b.stderr}`);
  await bundleTool('selftest/node/cli.ts', cli);
  run = runLocally(out);
}, 240_000);
afterAll(() => {
  fs.rmSync(cli, { force: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the self-test project', () => {
  test('is its own Apps Script project: Code.js with only its entry points, its manifest, nothing of dist/', () => {
    expect(fs.readdirSync(out).sort()).toEqual(['Code.js', 'appsscript.json']);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'appsscript.json'), 'utf8'));
    const addon = JSON.parse(fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8'));
    // The add-on's scopes exactly: a call the add-on could not make fails here too.
    expect(manifest.oauthScopes).toEqual(addon.oauthScopes);
    expect(manifest.timeZone).toBe('Asia/Shanghai');
  });

  test('its bundle passes the same contract checks as dist/Code.js', () => {
    const code = fs.readFileSync(path.join(out, 'Code.js'), 'utf8');
    const result = checkBundle(code, SELFTEST_ENTRY_POINTS);
    expect(result.problems).toEqual([]);
    expect(result.globals).toEqual([...SELFTEST_ENTRY_POINTS].sort());
  });

  test('every case cites a reference, an expected value and how it is observed; ids are unique', () => {
    const ids = CONFORMANCE_CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CONFORMANCE_CASES) {
      expect(c.ref).toMatch(/^developers\.google\.com\/apps-script\//);
      expect(c.how.length).toBeGreaterThan(10);
    }
  });
});

describe('on the local runtime', () => {
  const rows = () => caseRows(run.table);

  test('before the hand edits and the web-app visit, exactly those cases are pending', () => {
    expect(run.first.pending.sort()).toEqual([...EDIT_CASES, ...WEB_CASES].map((c) => c.id).sort());
  });

  test('every case and end-to-end step passes, except the known runtime gaps', () => {
    const gaps = Object.entries(KNOWN_GAPS);
    if (gaps.length) console.log(`Known runtime gaps (issue 16), expected to fail locally:\n${gaps.map(([id, why]) => `  ${id}: ${why}`).join('\n')}`);
    const failing = rows().filter((r) => r.pass !== 'yes').map((r) => `${r.id}: expected ${r.expected}, observed ${r.observed}`);
    const unexpected = failing.filter((f) => !(f.split(':')[0] in KNOWN_GAPS));
    expect(unexpected).toEqual([]);
    // A gap that passes now was fixed: take it off the list.
    const fixed = Object.keys(KNOWN_GAPS).filter((id) => rows().find((r) => r.id === id)?.pass === 'yes');
    expect(fixed).toEqual([]);
    expect(rows().filter((r) => r.pass === 'pending')).toEqual([]);
  });

  test('runs the add-on end to end: setup, submits, actions, hand edit, sweep, review, archive, setup again', () => {
    const steps = rows().filter((r) => r.kind === 'e2e').map((r) => r.id);
    expect(steps).toEqual([
      'e2e.setup', 'e2e.submit-sidebar', 'e2e.submit-retried', 'e2e.submit-web-form', 'e2e.agent-actions', 'e2e.hand-edit',
      'e2e.sweep', 'e2e.weekly-review', 'e2e.archive', 'e2e.scheduled-run', 'e2e.setup-again', 'e2e.cleanup',
    ]);
    expect(run.rt.triggers).toEqual([]);
  });

  test('records every spreadsheet call with its step, method and cells', () => {
    const calls = run.table.filter((r) => r[0] === 'call');
    expect(calls.length).toBeGreaterThan(200);
    expect(calls.some((r) => r[1] === 'e2e.setup' && r[2] === 'Range.setValues' && Number(r[8]) > 1)).toBe(true);
    const setup = rows().find((r) => r.id === 'e2e.setup')!;
    expect(setup.calls).toBe(calls.filter((r) => r[1] === 'e2e.setup' && r[7] === '1').length);
  });
});

describe('selftest compare', () => {
  const tool = (...argv: string[]) => spawnSync(process.execPath, [cli, ...argv, '--dist', out], { cwd: dir, encoding: 'utf8' });

  test('the local run writes the results as CSV; compare on it finds no disagreement and fits the cost model', () => {
    const csv = path.join(dir, 'local.csv');
    const r = tool('run', '--out', csv);
    expect(r.status).toBe(0);
    expect(fs.readFileSync(csv, 'utf8').split('\r\n')[0]).toBe('kind,case,reference,expected,observed,pass,ms,calls,cells,how');
    const c = tool('compare', csv);
    expect(c.stderr).toBe('');
    expect(c.stdout).toMatch(/^\d+ cases agree, 0 disagree, 0 pending on Google\./);
    expect(c.stdout).toMatch(/measured: \{ fixedS: [-\d.e]+, perCallS: [-\d.e]+, perServiceCallS: [-\d.e]+, perCellS: [-\d.e]+ \},/);
    expect(c.status).toBe(0);
  }, 240_000);

  test('a changed observation is reported as a disagreement, with both values', () => {
    const csv = path.join(dir, 'changed.csv');
    const table = run.table.map((r) => (r[1] === 'values.apostrophe' && r[0] === 'case' ? [...r.slice(0, 4), '["\'=1+1","","\'=1+1"]', 'no', ...r.slice(6)] : r));
    fs.writeFileSync(csv, table.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\n'));
    const c = tool('compare', csv);
    expect(c.status).toBe(1);
    expect(c.stdout).toMatch(/1 disagree/);
    expect(c.stdout).toContain('✗ values.apostrophe');
    expect(c.stdout).toContain(`Google   ["'=1+1","","'=1+1"]`);
  }, 240_000);

  test('refuses a file that is not a results sheet', () => {
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'a,b\n1,2\n');
    const c = tool('compare', bad, '--local', bad);
    expect(c.status).toBe(1);
    expect(c.stderr).toMatch(/not a self-test results sheet/);
  });
});
