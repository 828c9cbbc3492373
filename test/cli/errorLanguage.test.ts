// Every refusal of the command line in the workbook's language (issue 20): each class of error
// (src/domain/messages/cliErrors.*.ts), run against a Chinese and an English workbook. The failure
// JSON keeps its shape in both: `error` (the translated message), `code` (the add-on's code or
// null) and `reason` (the refusal's key, the same in every language). Before a workbook can be
// read (none yet, or a damaged file), the message speaks the shell's language (LC_ALL,
// LC_MESSAGES, LANG), English unless it says Chinese; `init` speaks its --locale.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lockWorkbook } from '../../cli/local';
import { CliError } from '../../cli/registry';
import { runCli } from './run';

const dist = path.resolve(__dirname, '../..', 'dist');
const CJK = /[\u3400-\u9fff\uff00-\uffef]/;
/** The message, without the usage an unknown command adds (submit's example holds the template's 高, 软件). */
const first = (error: string) => error.split('\n')[0];
const ZH_SHELL = { LANG: 'zh_CN.UTF-8' };
const EN_SHELL = { LANG: 'en_US.UTF-8' };
type Lang = 'zh' | 'en';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-error-lang-'));
const books: Record<Lang, string> = { zh: path.join(dir, 'zh.json'), en: path.join(dir, 'en.json') };
const SHEET: Record<Lang, string> = { zh: '工单', en: 'Tickets' };
const emptyDist = path.join(dir, 'no-dist');

beforeAll(async () => {
  fs.mkdirSync(emptyDist);
  for (const lang of ['zh', 'en'] as const) {
    const r = await runCli(dist, ['init', '--workbook', books[lang], '--at', '2024-05-08T09:00:00+08:00', ...(lang === 'en' ? ['--locale', 'en'] : [])]);
    expect(r.code).toBe(0);
  }
  fs.writeFileSync(path.join(dir, 'text.xlsx'), 'not a spreadsheet');
  // Larger than any workbook may be: a sparse file, nothing is written to disk.
  fs.closeSync(fs.openSync(path.join(dir, 'huge.xlsx'), 'w'));
  fs.truncateSync(path.join(dir, 'huge.xlsx'), 201 * 1024 * 1024);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A refusal: the command's arguments (given the workbook's language) and the `reason` it must carry. */
interface Case {
  reason: string;
  argv: (lang: Lang) => string[];
  /** Run with this dist folder instead of the built one. */
  dist?: string;
  /** The add-on's code, when it is the add-on that refused. */
  code?: string;
}

const f = (name: string) => path.join(dir, name);
const CASES: Record<string, Case> = {
  'an unknown command': { reason: 'unknownCommand', argv: () => ['frobnicate'] },
  'an unknown option': { reason: 'unknownOption', argv: () => ['status', '--bogus', 'x'] },
  'an option without its value': { reason: 'needsValue', argv: () => ['sweep', '--at'] },
  'a time that is not ISO-8601': { reason: 'notIsoTime', argv: () => ['status', '--at', 'yesterday'] },
  '--at before the saved clock': { reason: 'beforeSavedClock', argv: () => ['status', '--at', '2020-01-01T00:00:00Z'] },
  'init over an existing workbook': { reason: 'workbookExists', argv: () => ['init'] },
  'import of the workbook file itself': { reason: 'isWorkbookItself', argv: (l) => ['import', books[l]] },
  'import of a missing file': { reason: 'noFile', argv: () => ['import', f('missing.xlsx')] },
  'import of a folder': { reason: 'notAFile', argv: () => ['import', dir] },
  'import of a text file': { reason: 'notXlsx', argv: () => ['import', f('text.xlsx')] },
  'import of a file too big': { reason: 'xlsxTooBig', argv: () => ['import', f('huge.xlsx')] },
  'import without a file': { reason: 'importNeedsFile', argv: () => ['import'] },
  'export onto the workbook': { reason: 'exportOntoWorkbook', argv: (l) => ['export', '--out', books[l]] },
  'export into a folder': { reason: 'exportFolder', argv: () => ['export', '--out', dir] },
  'export where nothing can be written': { reason: 'exportCannotWrite', argv: () => ['export', '--out', f('no/such/x.xlsx')] },
  'export without --out': { reason: 'exportNeedsOut', argv: () => ['export'] },
  'a call without a bundle': { reason: 'noBundle', argv: () => ['call', 'onOpen'], dist: emptyDist },
  'a call of no entry point': { reason: 'noEntryPoint', argv: () => ['call', 'nope'] },
  'a call naming nothing': { reason: 'callWhich', argv: () => ['call'] },
  'an edit without a value': { reason: 'editNeedsArgs', argv: () => ['edit'] },
  'an edit past the grid (A1 range too big)': { reason: 'editRefused', argv: (l) => ['edit', `${SHEET[l]}!A1:ZZZ9999999`, 'x'] },
  'an edit of no range': { reason: 'editRefused', argv: (l) => ['edit', `${SHEET[l]}!A0`, 'x'] },
  'an edit of no sheet': { reason: 'editRefused', argv: () => ['edit', 'Nope!A1', 'x'] },
  'tick without --to': { reason: 'tickNeedsTo', argv: () => ['tick'] },
  'tick backwards': { reason: 'tickBeforeClock', argv: () => ['tick', '--to', '2024-05-01T09:00:00+08:00'] },
  'tick of decades': { reason: 'tickTooLong', argv: () => ['tick', '--to', '2090-01-01T00:00:00Z'] },
  'show of a range': { reason: 'showRange', argv: (l) => ['show', `${SHEET[l]}!A1:ZZZ9999999`] },
  'show of no sheet': { reason: 'noSheet', argv: () => ['show', 'Nope'] },
  'show --width abc': { reason: 'notPositive', argv: () => ['show', '--width', 'abc'] },
  'show --rows -1': { reason: 'notCount', argv: () => ['show', '--rows=-1'] },
  'outbox --last 0': { reason: 'notPositive', argv: () => ['outbox', '--last', '0'] },
  'submit without --json': { reason: 'jsonRequired', argv: () => ['submit'] },
  'submit with broken JSON': { reason: 'jsonInvalid', argv: () => ['submit', '--json', '{'] },
  'submit with a JSON list': { reason: 'jsonNotObject', argv: () => ['submit', '--json', '[1]'] },
  'update without an ID': { reason: 'updateWhich', argv: () => ['update'] },
  'update without an action': { reason: 'jsonNeedsAction', argv: () => ['update', 'IT20240508001', '--json', '{}'] },
  'open-link without a URL': { reason: 'oneUrl', argv: () => ['open-link'] },
  'open-link of no URL': { reason: 'notUrl', argv: () => ['open-link', 'not a url'] },
  'open-link --answer maybe': { reason: 'oneOf', argv: () => ['open-link', 'http://localhost/?t=x', '--answer', 'maybe'] },
  'open-link --send with a value': { reason: 'takesNoValue', argv: () => ['open-link', 'http://localhost/?t=x', '--send', 'yes'] },
  'open-link --latest with a URL': { reason: 'urlOrLatest', argv: () => ['open-link', 'http://localhost/?t=x', '--latest'] },
  'open-link --to without --latest': { reason: 'onlyWith', argv: () => ['open-link', 'http://localhost/?t=x', '--to', 'a@example.com'] },
  'open-link --latest, no mail': { reason: 'noLinkMail', argv: () => ['open-link', '--latest'] },
  'open-link --latest --to, no mail': { reason: 'noLinkMailTo', argv: () => ['open-link', '--latest', '--to', 'a@example.com'] },
  'open-link of a forged link': { reason: 'nothingToSend', argv: () => ['open-link', 'http://localhost/?t=forged', '--send'] },
};

describe.each(['zh', 'en'] as const)('a %s workbook: every refusal in its language', (lang) => {
  it.each(Object.entries(CASES))('%s', async (_what, c) => {
    const wb = books[lang];
    const before = fs.readFileSync(wb);
    // The shell says the other language: the workbook's wins.
    const r = await runCli(c.dist ?? dist, [...c.argv(lang), '--workbook', wb], dir, lang === 'zh' ? EN_SHELL : ZH_SHELL);
    expect(r.code).toBe(1);
    expect(Object.keys(r.json).sort()).toEqual(['code', 'error', 'ok', 'reason']);
    expect(r.json).toMatchObject({ ok: false, reason: c.reason, code: c.code ?? null });
    if (lang === 'zh') {
      expect(r.json.error).toMatch(CJK);
      expect(r.err).toMatch(/^错误：/);
    } else {
      expect(first(r.json.error)).not.toMatch(CJK);
      expect(r.err).toMatch(/^error: /);
    }
    expect(fs.readFileSync(wb)).toEqual(before);
  });

  it('the add-on’s own refusal passes through in the sheet’s language, with its code', async () => {
    const r = await runCli(dist, ['update', 'IT20990101001', '--json', '{"action":"accept"}', '--workbook', books[lang]], dir);
    expect(r.json).toMatchObject({ ok: false, code: 'notFound', reason: null });
    expect(CJK.test(r.json.error)).toBe(lang === 'zh');
  });

  it('a refused hand edit says what Sheets says, in the sheet’s language', async () => {
    const r = await runCli(dist, ['edit', `${SHEET[lang]}!A1:ZZZ9999999`, 'x', '--workbook', books[lang]], dir);
    expect(r.json.error).toBe(lang === 'zh' ? '编辑被拒绝：范围超出了工作表。' : 'edit refused: The range is outside the sheet.');
  });
});

describe('no workbook to read: the shell’s language', () => {
  const cases: [string, () => string[], string][] = [
    ['a missing workbook', () => ['status', '--workbook', f('none.json')], 'noWorkbook'],
    ['a damaged workbook', () => {
      fs.writeFileSync(f('broken.json'), '{');
      return ['status', '--workbook', f('broken.json')];
    }, 'damagedWorkbook'],
    ['a damaged workbook of another version', () => {
      fs.writeFileSync(f('old.json'), JSON.stringify({ version: 0 }));
      return ['status', '--workbook', f('old.json')];
    }, 'damagedWorkbook'],
    ['an unknown command, no workbook', () => ['frobnicate', '--workbook', f('none.json')], 'unknownCommand'],
  ];
  it.each(cases)('%s', async (_what, argv, reason) => {
    const zh = await runCli(dist, argv(), dir, ZH_SHELL);
    const en = await runCli(dist, argv(), dir, EN_SHELL);
    const none = await runCli(dist, argv(), dir, {});
    expect([zh.json.reason, en.json.reason, none.json.reason]).toEqual([reason, reason, reason]);
    expect(zh.json.error).toMatch(CJK);
    expect(zh.err).toMatch(/^错误：/);
    expect(first(en.json.error)).not.toMatch(CJK);
    expect(none.json.error).toBe(en.json.error); // no LANG at all: English
  });

  it('the damaged file’s reason is worded too', async () => {
    fs.writeFileSync(f('old.json'), JSON.stringify({ version: 0 }));
    const zh = await runCli(dist, ['status', '--workbook', f('old.json')], dir, ZH_SHELL);
    expect(zh.json.error).toContain('（状态版本是 0，应为 ');
    expect(zh.json.error).toContain('文件保持原样');
  });

  it('init speaks its --locale before any workbook exists', async () => {
    const en = await runCli(dist, ['init', '--workbook', f('new.json'), '--locale', 'en', '--tz', 'Mars/Base'], dir, ZH_SHELL);
    const zh = await runCli(dist, ['init', '--workbook', f('new.json'), '--locale', 'zh-CN', '--tz', 'Mars/Base'], dir, EN_SHELL);
    expect([en.json.reason, zh.json.reason]).toEqual(['unknownZone', 'unknownZone']);
    expect(en.json.error).toBe('--tz: unknown time zone Mars/Base');
    expect(zh.json.error).toBe('--tz：没有这个时区：Mars/Base');
    expect(fs.existsSync(f('new.json'))).toBe(false);
  });

  it('an unknown command shows the usage in the same language', async () => {
    const zh = await runCli(dist, ['frobnicate', '--workbook', books.zh], dir);
    expect(zh.err).toMatch(/^错误：没有这个命令：frobnicate\n用法：/);
  });
});

describe('a workbook in use', () => {
  it('is refused in either language once the wait is over', async () => {
    const file = f('busy.json');
    fs.writeFileSync(`${file}.lock`, String(process.ppid)); // a live process that is not this one
    const e = await lockWorkbook(file, 30).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).reason).toBe('inUse');
    expect((e as CliError).in('zh')).toMatch(/^.*busy\.json 正被另一个命令使用/);
    expect((e as CliError).in('en')).toMatch(/busy\.json is in use by another command/);
    fs.rmSync(`${file}.lock`);
  });
});
