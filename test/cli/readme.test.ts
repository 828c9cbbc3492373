// The README's command-line examples, run literally: each line of the block under "Working offline
// from the command line", in order, in a fresh folder, on the built add-on (dist/, as `npm test`
// builds it). They must all succeed, and what they print must match what the README says.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

/** The first ```sh block after the heading. */
function block(heading: string): string[] {
  const at = readme.indexOf(`## ${heading}`);
  if (at < 0) throw new Error(`README has no "## ${heading}"`);
  const m = /```sh\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!m) throw new Error(`no sh block under ${heading}`);
  return m[1].split('\n').filter((l) => l.trim());
}

/** A shell line's words: bare, 'single-quoted' or "double-quoted"; a trailing `# comment` dropped. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ') i++;
    if (i >= line.length || line[i] === '#') break;
    let w = '';
    while (i < line.length && line[i] !== ' ') {
      const q = line[i];
      if (q === "'" || q === '"') {
        const end = line.indexOf(q, i + 1);
        if (end < 0) throw new Error(`unclosed quote in: ${line}`);
        w += line.slice(i + 1, end);
        i = end + 1;
      } else w += line[i++];
    }
    words.push(w);
  }
  return words;
}

test('shell words: quotes kept together, comments dropped', () => {
  expect(shellWords(`a --json '{"x": 1}' b   # c 'd'`)).toEqual(['a', '--json', '{"x": 1}', 'b']);
});

test('the README command-line examples run as written, in order, and say what the README says', async () => {
  if (!fs.existsSync(path.join(dist, 'Code.js'))) throw new Error('dist/Code.js is missing: run `node scripts/build.mjs` first (npm test does).');
  const lines = block('Working offline from the command line');
  expect(lines.length).toBeGreaterThanOrEqual(8);
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-cli-'));
  const prefix = ['npm', 'run', '-s', 'local', '--'];
  /** Each command's first result (update runs twice: all its results are in `runs`). */
  // The JSON lines as a script reads them: cli/registry.ts types a command's line only as
  // Record<string, unknown>, and each case below reads its own command's fields.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  const results: Record<string, any> = {};
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  const runs: Record<string, any[]> = {};
  try {
    for (const line of lines) {
      const words = shellWords(line);
      expect(words.slice(0, prefix.length)).toEqual(prefix);
      const argv = words.slice(prefix.length);
      const r = await runCli(dist, argv, cwd);
      if (r.code !== 0) throw new Error(`README line failed: ${line}\n${r.err}`);
      const key = argv[0] + (argv[0] === 'edit' ? argv[1] : '');
      (runs[key] ??= []).push(r.json);
      results[key] ??= r.json;
    }
    // The ID the README's update line names is the one submit handed out.
    const id = results.submit.id;
    expect(lines.find((l) => l.includes(' update '))).toContain(` update ${id} `);
    expect(results.update).toMatchObject({ ok: true, id, status: '处理中' });
    // The requester's mail: received, then taken (issue 18).
    expect(results.outbox).toMatchObject({ ok: true, total: 2, shown: 2 });
    expect(results.outbox.mails.map((m: { subject: string }) => m.subject)).toEqual([`[${id}] 已收到您的问题：打印机无法连接`, `[${id}] 已开始处理：打印机无法连接`]);
    // Resolved by the agent, then answered "not solved" from the resolved mail's link: reopened.
    expect(runs.update[1]).toMatchObject({ ok: true, id, status: '已解决' });
    expect(results['open-link']).toMatchObject({ ok: true, url: expect.stringContaining('a=notSolved'), sent: { answer: 'notSolved', rating: 'unsatisfied', comment: '还是脱机' } });
    expect(results.sweep.sweep).toMatchObject({ ok: true, tickets: 1 });
    expect(results.weekly).toMatchObject({ ok: true, week: '2024-W19', tickets: 1 });
    expect(results.show.rows).toBe(2);
    // The hand edits are accepted, not put back with a toast.
    expect(results['edit工单!I2']).toMatchObject({ ok: true, value: '已解决', toasts: [] });
    expect(results.tick.fired.length).toBeGreaterThan(0);
    const out = lines.find((l) => l.includes(' export '))!;
    const file = shellWords(out)[shellWords(out).indexOf('--out') + 1];
    expect(fs.existsSync(path.join(cwd, file))).toBe(true);
    // Everything the examples write stays in local/, which git ignores.
    expect(fs.readdirSync(cwd)).toEqual(['local']);
    expect(fs.readFileSync(path.join(root, '.gitignore'), 'utf8')).toMatch(/^\/local\/$/m);
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}, 120_000);
