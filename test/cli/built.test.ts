// The CLI as shipped: bundled like scripts/build.mjs does (CommonJS, packages external) and run as a
// process: exit codes, stderr, JSON last line, workbook untouched on failure.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleTool } from '../bundle';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'test/fixtures/dist');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-built-'));
const cli = path.join(root, 'build', `cli-test-${process.pid}.cjs`);

beforeAll(() => bundleTool('cli/local.ts', cli));
afterAll(() => fs.rmSync(cli, { force: true }));

const run = (...argv: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...argv, '--dist', dist], { cwd: dir, encoding: 'utf8' });
  const lines = r.stdout.trimEnd().split('\n');
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: JSON.parse(lines[lines.length - 1]) };
};

test('init, call, failing call: exit codes and JSON last line; default workbook local/workbook.json', () => {
  const init = run('init', '--at', '2024-05-06T09:00:00+08:00');
  expect(init.code).toBe(0);
  const file = path.join(dir, 'local/workbook.json');
  expect(fs.existsSync(file)).toBe(true);
  expect(run('call', 'hello', '"x"').json).toMatchObject({ ok: true, result: 'hello x' });
  const before = fs.readFileSync(file, 'utf8');
  const bad = run('call', 'fail');
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('boom');
  expect(bad.json).toEqual({ ok: false, error: 'boom', code: null, reason: null });
  expect(fs.readFileSync(file, 'utf8')).toBe(before);
});

test('a reader that stops early (show … | head) ends the output quietly: no EPIPE stack trace', async () => {
  run('init', '--at', '2024-05-06T09:00:00+08:00', '--force');
  // The pipe is closed before the command writes: every write gets EPIPE, as after `head` exits.
  const child = spawn(process.execPath, [cli, 'status', '--dist', dist], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (b) => (stderr += b));
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  expect(stderr).toBe('');
  expect(code).toBe(0);
});
