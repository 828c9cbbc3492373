// The CLI's contract on bad input (README "Working offline from the command line"): exit code 1,
// one JSON line, a message, and the workbook file byte-for-byte unchanged.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run';
import { bundleTool } from '../bundle';

const root = path.resolve(__dirname, '../..');
const realDist = path.join(root, 'dist');
const run = (argv: string[], cwd?: string) => runCli(realDist, argv, cwd);
const hash = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

const FORM = (i: number) =>
  JSON.stringify({
    title: `并发测试${i}`,
    department: '销售部',
    description: `描述内容${i}`,
    urgency: '中',
    category: '硬件',
    submitter: `小红${i}`,
    contact: `内线888${i}`,
  });

let dir: string;
let wb: string;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-bad-input-'));
  wb = path.join(dir, 'wb.json');
  expect((await run(['init', '--workbook', wb, '--at', '2024-05-08T09:00:00+08:00'])).code).toBe(0);
});

const cli = path.join(root, 'build', `cli-bad-input-${process.pid}.cjs`);
beforeAll(() => bundleTool('cli/local.ts', cli));
afterAll(() => fs.rmSync(cli, { force: true }));
const runProc = (argv: string[], env: NodeJS.ProcessEnv = process.env) =>
  new Promise<{ code: number | null; json: Record<string, unknown> }>((resolve) => {
    const p = spawn(process.execPath, [cli, ...argv, '--dist', realDist], { cwd: dir, env });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('close', (code) => {
      const lines = out.trimEnd().split('\n');
      resolve({ code, json: JSON.parse(lines[lines.length - 1]) });
    });
  });

async function expectRefused(argv: string[], error?: string) {
  const before = hash(wb);
  const r = await run([...argv, '--workbook', wb]);
  expect(r.code).toBe(1);
  expect(r.json.ok).toBe(false);
  if (error) expect(r.json.error).toContain(error);
  expect(hash(wb)).toBe(before);
  return r;
}

describe('--at / --to take ISO-8601 times only', () => {
  test('an impossible date (2024-02-30) is refused, not rolled over to March 1', async () => {
    await expectRefused(['submit', '--json', FORM(1), '--at', '2024-02-30T10:00:00+08:00'], 'ISO-8601');
  });
  test('a non-ISO string ("May 8 2024") is refused', async () => {
    await expectRefused(['sweep', '--at', 'May 8 2024'], 'ISO-8601');
  });
  test('tick --to with an impossible date is refused', async () => {
    await expectRefused(['tick', '--to', '2024-05-31T25:00:00+08:00'], 'ISO-8601');
    await expectRefused(['tick', '--to', '2024-06-31T10:00:00+08:00'], 'ISO-8601');
  });
});

describe('a time without a zone', () => {
  test('is refused: it would mean another instant on another machine', async () => {
    const clocks: string[] = [];
    for (const TZ of ['UTC', 'America/New_York']) {
      const r = await runProc(['status', '--workbook', wb, '--at', '2024-05-08T10:00:00'], {
        ...process.env,
        TZ,
      });
      clocks.push(r.json.ok ? String(r.json.clock) : 'refused');
    }
    expect(clocks).toEqual(['refused', 'refused']);
  }, 30000);
});

describe('a global option without its value', () => {
  test('--workbook with no value does not fall back to local/workbook.json', async () => {
    const r = await run(['init', '--at', '2024-05-08T09:00:00+08:00', '--workbook'], dir);
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'local', 'workbook.json'))).toBe(false);
  });
  test('--at with no value is an error, not "use the saved clock"', async () => {
    const r = await expectRefused(['sweep', '--at']);
    expect(r.err).toContain('--at');
  });
});

describe('unknown options', () => {
  test('init --timezone X (typo of --tz) fails instead of creating an Asia/Shanghai workbook', async () => {
    const other = path.join(dir, 'other.json');
    const r = await run(['init', '--workbook', other, '--timezone', 'America/New_York']);
    expect(r.code).toBe(1);
    expect(r.json.ok).toBe(false);
    expect(fs.existsSync(other)).toBe(false);
  });
});

describe('show --rows / --width', () => {
  test('show --rows abc is an error, not an empty table with ok:true', async () => {
    const r = await run(['show', '工单', '--rows', 'abc', '--workbook', wb]);
    expect(r.code).toBe(1);
    expect(r.json.ok).toBe(false);
  });
  test('show --width abc is an error', async () => {
    const r = await run(['show', '工单', '--width', 'abc', '--workbook', wb]);
    expect(r.code).toBe(1);
  });
});

describe('import of something that is not an .xlsx', () => {
  test('a zip without xl/workbook.xml is refused and the workbook file is untouched', async () => {
    expect((await run(['submit', '--json', FORM(1), '--workbook', wb])).code).toBe(0);
    const JSZip = require('jszip');
    const z = new JSZip();
    z.file('readme.txt', 'not a spreadsheet');
    const file = path.join(dir, 'notes.zip');
    fs.writeFileSync(file, await z.generateAsync({ type: 'nodebuffer' }));
    await expectRefused(['import', file]);
  });
});

describe('two CLI processes on one workbook', () => {
  test('6 concurrent submits that all report ok:true leave 6 tickets', async () => {
    const n = 6;
    const rs = await Promise.all(
      Array.from({ length: n }, (_, i) => runProc(['submit', '--json', FORM(i), '--workbook', wb])),
    );
    const okIds = rs.filter((r) => r.json.ok).map((r) => r.json.id);
    const show = await run(['show', '工单', '--workbook', wb]);
    // Every submit that said ok:true must be in the file, each under its own ID.
    expect(new Set(okIds).size).toBe(okIds.length);
    expect(show.json.rows - 1).toBe(okIds.length);
    expect(okIds.length).toBe(n);
  }, 60000);
});
