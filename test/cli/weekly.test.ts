// `weekly [--week 2024-W19]` with the built bundle (dist/): a readable summary, then the JSON line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run';
import { WEEKLY_CALLS } from '../app/weeklyFixture';

const dist = path.join(__dirname, '../../dist');
const run = (...argv: string[]) => runCli(dist, argv);

test('weekly builds the week given, or last week; a bad week fails with the message and leaves the file', async () => {
  const wb = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-weekly-')), 'wb.json');
  expect((await run('init', '--workbook', wb, '--at', '2024-05-06T09:00:00+08:00')).code).toBe(0);
  const form = {
    title: '打印机卡纸',
    department: '财务部/总部',
    description: '三楼打印机卡纸，无法打印报表，已重启无效',
    urgency: '低',
    category: '硬件',
    submitter: '小王',
    contact: '内线1234',
  };
  const sub = await run(
    'call',
    'submitTicket',
    JSON.stringify(form),
    '"token-0001"',
    '--workbook',
    wb,
    '--at',
    '2024-05-07T10:00:00+08:00',
  );
  expect(sub.json.result).toMatchObject({ ok: true });

  const w = await run('weekly', '--week', '2024-W19', '--workbook', wb, '--at', '2024-05-13T10:00:00+08:00');
  expect(w.code).toBe(0);
  expect(w.out).toContain('已生成周报 2024-W19：2024-05-06 – 2024-05-12 (Asia/Shanghai)');
  // The summary is Chinese for a Chinese workbook: no English words in it (issue 20).
  const summary = w.out.split('\n').filter((l) => /^ {2}(新建|超期)/.test(l));
  expect(summary).toEqual([
    '  新建 1（上周 0），已解决 0（0），已关闭 0（0），重新打开 0（0），积压 1（0）',
    expect.stringMatching(/^ {2}超期 \d+，不满意 0；读取 1 张工单（其中已归档 0）；共 \d+ 行，3 张图表$/),
  ]);
  for (const l of summary) expect(l).not.toMatch(/[A-Za-z]/);
  expect(w.json).toMatchObject({
    ok: true,
    command: 'weekly',
    sheet: '周报 2024-W19',
    week: '2024-W19',
    counts: { created: 1, backlog: 1 },
    charts: 3,
  });
  expect(w.json.spreadsheetCalls).toBeLessThanOrEqual(WEEKLY_CALLS);

  const last = await run('weekly', '--workbook', wb, '--at', '2024-05-14T10:00:00+08:00');
  expect(last.json).toMatchObject({ ok: true, sheet: '周报 2024-W19' });

  const before = fs.readFileSync(wb, 'utf8');
  const bad = await run('weekly', '--week', '2024-19', '--workbook', wb);
  expect(bad.code).toBe(1);
  expect(bad.json).toEqual({ ok: false, error: expect.stringContaining('无法识别周次「2024-19」'), code: 'invalid', reason: null });
  expect(fs.readFileSync(wb, 'utf8')).toBe(before);
});
