// The command line's own words speak the workbook's language (issue 20): help, the readable report;
// the JSON line is the same in both.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { helpLang, langOfEnv } from '../../cli/text';
import { runCli } from './run';

const dist = path.resolve(__dirname, '../..', 'dist');
const CJK = /[\u3400-\u9fff\uff00-\uffef]/;

describe('the CLI speaks the workbook’s language', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-lang-'));
  const zhWb = path.join(dir, 'zh.json');
  const enWb = path.join(dir, 'en.json');
  const run = (...argv: string[]) => runCli(dist, argv);

  beforeAll(async () => {
    expect((await run('init', '--workbook', zhWb, '--at', '2024-05-06T09:00:00+08:00')).code).toBe(0);
    expect((await run('init', '--workbook', enWb, '--locale', 'en', '--at', '2024-05-06T09:00:00+08:00')).code).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('help: in the workbook file’s language, every command listed, the JSON line the same', async () => {
    const zh = await run('help', '--workbook', zhWb);
    const en = await run('help', '--workbook', enWb);
    expect(zh.out.split('\n')[0]).toMatch(/^用法：/);
    expect(zh.out).toContain('新建工作簿（并运行初始化）');
    expect(en.out.split('\n')[0]).toMatch(/^usage: /);
    expect(en.out).toContain('create the workbook state (and run setup)');
    // Every line but submit's usage, whose example form holds the template's own values (高, 软件).
    const lines = en.out.split('\n').slice(0, -2).filter((l) => !l.startsWith('  submit '));
    expect(lines.join('\n')).not.toMatch(CJK);
    expect(zh.json).toEqual(en.json);
    // Every command's summary is the catalog's: none is left in English in the Chinese help.
    for (const l of zh.out.split('\n').slice(1, -2)) expect(l).toMatch(/[\u4e00-\u9fff]（?[^\n]*$/);
    expect(zh.json.commands).toEqual(expect.arrayContaining(['init', 'submit', 'update', 'sweep', 'weekly', 'show', 'tick']));
  });

  test('help without a workbook: the shell’s language (LC_ALL, LC_MESSAGES, LANG)', () => {
    expect(langOfEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(langOfEnv({ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' })).toBe('en');
    expect(langOfEnv({ LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'C' })).toBe('zh');
    expect(langOfEnv({})).toBe('en');
    expect(helpLang(path.join(dir, 'none.json'), { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(helpLang(enWb, { LANG: 'zh_CN.UTF-8' })).toBe('en');
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, '{');
    expect(helpLang(broken, { LANG: 'en_US.UTF-8' })).toBe('en');
  });

  test('the report: Chinese for a Chinese workbook, English for an English one; same JSON keys', async () => {
    const zh = await run('status', '--workbook', zhWb);
    const en = await run('status', '--workbook', enWb);
    expect(zh.out).toContain('工作表：');
    expect(zh.out).toContain('触发器（');
    expect(en.out).toContain('sheets: ');
    expect(en.out).toContain('triggers (');
    expect(Object.keys(zh.json).sort()).toEqual(Object.keys(en.json).sort());
    const tick = await run('tick', '--to', '2024-05-06T12:00:00+08:00', '--workbook', enWb);
    expect(tick.out).toContain('clock now 2024-05-06T12:00:00+08:00 (Asia/Shanghai)');
  });

  test('show names row colours in the workbook’s language; the JSON line keeps the English names', async () => {
    const form = { title: '打印机无法连接', department: '销售部/北京分公司', description: '三楼打印机提示脱机，重启无效', urgency: '高', category: '硬件', submitter: '小明', contact: '内线8888' };
    expect((await run('submit', '--json', JSON.stringify(form), '--workbook', zhWb)).code).toBe(0);
    expect((await run('sweep', '--at', '2024-05-07T17:00:00+08:00', '--workbook', zhWb)).code).toBe(0);
    const shown = await run('show', '工单', '--workbook', zhWb);
    const lines = shown.out.split('\n');
    expect(lines[1]).toMatch(/│ 颜色$/);
    expect(lines[3]).toMatch(/│ 红$/);
    expect(shown.json.colours).toEqual(['red']);
  });
});
