// What the tracker's commands print for a person: a few readable lines, then the one JSON line a
// script reads (its keys are a contract). Run on the built add-on (dist/).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run';

const dist = path.join(__dirname, '../../dist');

test('update prints a short summary of the ticket, then the JSON line with the documented keys', async () => {
  const wb = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-report-')), 'wb.json');
  const run = (...argv: string[]) => runCli(dist, [...argv, '--workbook', wb]);
  expect((await run('init', '--at', '2024-05-08T09:00:00+08:00')).code).toBe(0);
  const form = {
    title: '打印机无法连接',
    department: '销售部/北京分公司',
    description: '三楼打印机提示脱机,重启无效',
    urgency: '中',
    category: '硬件',
    submitter: '小明',
    contact: '内线8888',
  };
  const sub = await run('submit', '--json', JSON.stringify(form));
  expect(sub.out).toContain('→ IT20240508001（新工单）');
  expect(sub.out.trimEnd().split('\n').length).toBeLessThanOrEqual(6);

  const up = await run('update', 'IT20240508001', '--json', '{"action":"accept","by":"李工程师"}');
  expect(up.code).toBe(0);
  const lines = up.out.trimEnd().split('\n');
  expect(lines.length).toBeLessThanOrEqual(12); // was ~190: the whole view, every label of the sidebar
  expect(lines).toEqual(expect.arrayContaining(['→ IT20240508001 accept: 处理中', '  负责人：李工程师']));
  expect(lines.some((l) => l.startsWith('  SLA：'))).toBe(true);
  // What can follow, by the sidebar's label, with the name --json's "action" takes.
  expect(lines).toContain('  接下来：指派（assign）、升级（escalate）、记录（note）、设为等待（wait）、解决（resolve）');
  // The last line is still the machine-readable JSON, with the keys the README documents.
  expect(up.json).toMatchObject({
    ok: true,
    command: 'update',
    id: 'IT20240508001',
    action: 'accept',
    status: '处理中',
    sla: expect.any(String),
    stats: expect.any(Object),
  });
  expect(JSON.parse(lines[lines.length - 1])).toEqual(up.json);
});

test('what an entry point showed is named in the workbook’s language (a sidebar here; alerts and log lines alike)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-report-'));
  const zh = path.join(dir, 'zh.json');
  const en = path.join(dir, 'en.json');
  expect((await runCli(dist, ['init', '--workbook', zh, '--at', '2024-05-08T09:00:00+08:00'])).code).toBe(0);
  expect((await runCli(dist, ['init', '--workbook', en, '--locale', 'en', '--at', '2024-05-08T09:00:00+08:00'])).code).toBe(0);
  const zhOut = (await runCli(dist, ['call', 'showIntakeSidebar', '--workbook', zh])).out;
  expect(zhOut).toMatch(/^ {2}侧边栏 "提交技术问题" （\d+ 个字符的 HTML）$/m);
  expect(zhOut).not.toMatch(/^ {2}sidebar/m);
  const enOut = (await runCli(dist, ['call', 'showIntakeSidebar', '--workbook', en])).out;
  expect(enOut).toMatch(/^ {2}sidebar "[^"]+" \(\d+ chars of HTML\)$/m);
});
