// The preview's refusals a person reads (issue 20): a clock move the page cannot make, a typed
// value Sheets refuses, and the server's own start-up failures speak the workbook's language, as
// the page does; before a workbook can be read, the shell's (as the CLI decides).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Preview } from '../../preview/server';
import { CliError } from '../../cli/registry';
import { runCli } from '../cli/run';

const dist = path.resolve(__dirname, '../..', 'dist');
const CJK = /[\u3400-\u9fff\uff00-\uffef]/;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-error-lang-'));
const books = { zh: path.join(dir, 'zh.json'), en: path.join(dir, 'en.json') };
const SHEET = { zh: '工单', en: 'Tickets' };
const open = (file: string, distDir = dist) => new Preview({ workbookFile: file, distDir, log: () => {} });
const thrown = (fn: () => unknown): Error => {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('nothing was thrown');
};

beforeAll(async () => {
  expect((await runCli(dist, ['init', '--workbook', books.zh, '--at', '2024-05-08T09:00:00+08:00'])).code).toBe(0);
  expect((await runCli(dist, ['init', '--workbook', books.en, '--locale', 'en', '--at', '2024-05-08T09:00:00+08:00'])).code).toBe(0);
}, 60000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(['zh', 'en'] as const)('a %s workbook', (lang) => {
  const said = (s: string) => expect(CJK.test(s)).toBe(lang === 'zh');

  test('the clock: decades ahead, backwards, no time at all', () => {
    const p = open(books[lang]);
    const now = p.rt.clock.now();
    const far = thrown(() => p.advance(Date.parse('2090-01-01T00:00:00Z'))).message;
    expect(far).toBe(
      lang === 'zh'
        ? '把时钟拨到 2090-01-01 08:00 会运行超过 5000 次触发器；请分几步拨。什么都没有运行。'
        : 'Moving the clock to 2090-01-01 08:00 would fire more than 5000 trigger runs; move it in smaller steps. Nothing was run.',
    );
    said(thrown(() => p.advance(now - 3_600_000)).message);
    said(thrown(() => p.advance(NaN)).message);
    expect(p.rt.clock.now()).toBe(now);
  });

  test('a typed value past the grid: what Sheets says, in the sheet’s language', () => {
    const r = open(books[lang]).edit(SHEET[lang], 'ZZZ1', 'x');
    expect(r).toMatchObject({ ok: false, reason: lang === 'zh' ? '范围超出了工作表。' : 'The range is outside the sheet.' });
  });
});

describe('starting the server', () => {
  test('without a built bundle: a CliError, worded in either language', () => {
    const e = thrown(() => open(books.zh, path.join(dir, 'no-dist')));
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).reason).toBe('noBundle');
    expect((e as CliError).in('zh')).toMatch(/^没有程序包：缺少 .*Code\.js/);
    expect((e as CliError).in('en')).toMatch(/^No bundle: .*Code\.js is missing/);
  });

  test('on a damaged workbook file: a CliError saying why, in either language', () => {
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, '[]');
    const e = thrown(() => open(broken));
    expect((e as CliError).reason).toBe('damagedWorkbook');
    expect((e as CliError).in('zh')).toContain('（不是 JSON 对象）');
    expect((e as CliError).in('en')).toContain('(not a JSON object)');
    expect(fs.readFileSync(broken, 'utf8')).toBe('[]');
  });
});
