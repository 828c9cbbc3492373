// Hostile files and sizes for the local tools (issue 17): a damaged workbook file, a broken .xlsx,
// `export --out` onto the workbook itself, a huge A1 range, a clock jump of decades. Each gets a
// clear refusal in the CLI's JSON contract ({"ok":false,"error":…}, exit 1) and the workbook file
// stays byte-for-byte as it was. The workbook is Chinese, so are the messages about it; a file that
// cannot be read is reported in the shell's language (English here: test/cli/run.ts).
// test/cli/errorLanguage.test.ts checks each refusal in both languages.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../cli/run';

const dist = path.resolve(__dirname, '../../../dist');
const run = (argv: string[]) => runCli(dist, argv);
const hash = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

let dir: string;
let wb: string;
let good: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-tools-'));
  good = path.join(dir, 'good.json');
  expect((await run(['init', '--workbook', good, '--at', '2024-05-08T09:00:00+08:00'])).code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  wb = path.join(dir, `wb-${Math.random().toString(36).slice(2)}.json`);
  fs.copyFileSync(good, wb);
});

async function refused(argv: string[], message: RegExp, file = wb): Promise<void> {
  const before = hash(file);
  const r = await run(argv);
  expect(r.code).toBe(1);
  expect(r.json.ok).toBe(false);
  expect(r.json.error).toMatch(message);
  expect(r.err).toMatch(/^(error: |错误：)/);
  expect(hash(file)).toBe(before);
}

const goodState = () => JSON.parse(fs.readFileSync(good, 'utf8'));
const DAMAGE: [string, () => string][] = [
  ['truncated JSON', () => fs.readFileSync(good, 'utf8').slice(0, 500)],
  ['empty file', () => ''],
  ['a JSON list', () => '[]'],
  ['null', () => 'null'],
  ['another version', () => JSON.stringify({ ...goodState(), version: 99 })],
  ['no workbook', () => JSON.stringify({ ...goodState(), workbook: null })],
  ['sheets not a list', () => JSON.stringify({ ...goodState(), workbook: { ...goodState().workbook, sheets: 'x' } })],
  ['no sheets', () => JSON.stringify({ ...goodState(), workbook: { ...goodState().workbook, sheets: [] } })],
  ['a sheet of a billion rows', () => {
    const s = goodState();
    s.workbook.sheets[0].maxRows = 1e9;
    return JSON.stringify(s);
  }],
  ['a sheet with no size', () => {
    const s = goodState();
    delete s.workbook.sheets[0].maxCols;
    return JSON.stringify(s);
  }],
  ['damaged rows', () => {
    const s = goodState();
    s.workbook.sheets[0].rows = 5;
    return JSON.stringify(s);
  }],
  ['damaged trigger', () => JSON.stringify({ ...goodState(), triggers: [{}] })],
  ['no clock', () => JSON.stringify({ ...goodState(), clock: 'soon' })],
  ['binary junk', () => crypto.randomBytes(300).toString('latin1')],
];
const COMMANDS: string[][] = [['status'], ['show', '工单'], ['submit', '--json', '{}'], ['tick', '--to', '2024-05-09T09:00:00+08:00'], ['edit', '工单!B2', 'x'], ['export', '--out', 'x.xlsx']];

describe('a damaged workbook file: a clear refusal, the file untouched', () => {
  const cases = DAMAGE.flatMap(([name, make]) => COMMANDS.map((cmd) => [`${name} / ${cmd[0]}`, make, cmd] as const));
  it.each(cases)('%s', async (_n, make, cmd) => {
    fs.writeFileSync(wb, make());
    const argv = cmd.map((a) => (a === 'x.xlsx' ? path.join(dir, 'x.xlsx') : a));
    await refused([...argv, '--workbook', wb], /is not a usable workbook file .*left as it is/);
  });
});

describe('a broken .xlsx: a clear refusal, nothing changed', () => {
  const XLSX: [string, () => Buffer][] = [
    ['text', () => Buffer.from('not a spreadsheet')],
    ['random bytes', () => crypto.randomBytes(2048)],
    ['empty', () => Buffer.alloc(0)],
    ['a zip header then junk', () => Buffer.concat([Buffer.from('PK\u0003\u0004'), crypto.randomBytes(500)])],
    ['the workbook JSON renamed', () => fs.readFileSync(good)],
  ];
  it.each(XLSX.flatMap(([n, make]) => (['import', 'init --from'] as const).map((how) => [`${n} / ${how}`, make, how] as const)))('%s', async (_n, make, how) => {
    const file = path.join(dir, `broken-${Math.random().toString(36).slice(2)}.xlsx`);
    fs.writeFileSync(file, make());
    if (how === 'import') await refused(['import', file, '--workbook', wb], /不是可读的 \.xlsx 工作簿.*没有做任何修改/);
    else {
      const fresh = path.join(dir, `fresh-${Math.random().toString(36).slice(2)}.json`);
      const r = await run(['init', '--from', file, '--workbook', fresh]);
      expect(r.code).toBe(1);
      expect(r.json.error).toMatch(/is not a readable \.xlsx workbook/); // no workbook yet: the shell's English
      expect(fs.existsSync(fresh)).toBe(false);
    }
  });

  it.each([['a folder', () => dir], ['a missing file', () => path.join(dir, 'nope.xlsx')]])('import of %s', async (_n, target) => {
    await refused(['import', target(), '--workbook', wb], /import：(没有文件|.* 不是文件)/);
  });
});

describe('export never overwrites the workbook file', () => {
  it.each([
    ['the same path', () => wb],
    ['a relative spelling', () => path.relative(process.cwd(), wb)],
    ['a path with ..', () => path.join(dir, '..', path.basename(dir), path.basename(wb))],
    ['a symlink to it', () => {
      const l = path.join(dir, `link-${Math.random().toString(36).slice(2)}.xlsx`);
      fs.symlinkSync(wb, l);
      return l;
    }],
    ['a hard link to it', () => {
      const l = path.join(dir, `hard-${Math.random().toString(36).slice(2)}.xlsx`);
      fs.linkSync(wb, l);
      return l;
    }],
    ['its lock file', () => `${wb}.lock`],
    ['a folder', () => dir],
    ['a folder that does not exist', () => path.join(dir, 'no', 'such', 'x.xlsx')],
  ])('--out %s', async (_n, out) => {
    await refused(['export', '--out', out(), '--workbook', wb], /export：/);
  });

  it('import of the workbook file itself', async () => {
    await refused(['import', wb, '--workbook', wb], /就是工作簿文件本身/);
  });
});

describe('huge ranges and clock jumps are bounded', () => {
  it.each([
    ['工单!A1:ZZZ9999999'],
    ['工单!A1:ZZZ99999999999'],
    ['工单!A:ZZZ'],
    ['工单!1:9999999'],
    ['工单!ZZZZ1'],
    ['工单!A0'],
  ])('edit %s', async (a1) => {
    await refused(['edit', a1, 'x', '--workbook', wb], /编辑被拒绝：(范围超出了工作表|找不到范围)/);
  });

  it.each([['工单!A1:ZZZ9999999'], ['工单!A:A'], ["'工单'!B2"]])('show %s', async (a1) => {
    await refused(['show', a1, '--workbook', wb], /show：(要的是工作表名，不是范围|没有工作表)/);
  });

  it.each([['2090-01-01T00:00:00+08:00'], ['9999-12-31T00:00:00Z'], ['2030-01-01T00:00:00Z']])('tick --to %s', async (to) => {
    await refused(['tick', '--to', to, '--workbook', wb], /会运行超过 5000 次触发器.*什么都没有运行/);
  });

  it('a tick of a day still runs', async () => {
    const r = await run(['tick', '--to', '2024-05-09T09:00:00+08:00', '--workbook', wb]);
    expect(r.json.ok).toBe(true);
    expect(r.json.fired.length).toBeGreaterThan(0);
  });
});
