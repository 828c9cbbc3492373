// `outbox` (issue 18): the recorded mail with its links, filtered by recipient, the last N; the
// quota left and the mail waiting for it. A readable summary line, then the JSON line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run';

const dist = path.resolve(__dirname, '../../dist');
const FORM = { title: '打印机无法连接', department: '销售部/北京分公司', description: '三楼打印机提示脱机,重启无效', urgency: '中', category: '硬件', submitter: '小明', contact: '内线8888' };

test('lists the mail, its links, the quota; filters; refuses a bad --last', async () => {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-cli-'));
  const run = (...argv: string[]) => runCli(dist, argv, cwd);
  expect((await run('init', '--at', '2024-05-08T09:00:00+08:00')).code).toBe(0);
  expect((await run('submit', '--user', 'ming@example.com', '--json', JSON.stringify(FORM))).code).toBe(0);
  expect((await run('submit', '--user', 'hong@example.com', '--json', JSON.stringify(FORM))).code).toBe(0);
  const id = 'IT20240508001';
  expect((await run('update', id, '--json', JSON.stringify({ action: 'accept', by: '李工程师' }))).code).toBe(0);
  expect((await run('update', id, '--json', JSON.stringify({ action: 'resolve', solution: '重装驱动' }))).code).toBe(0);

  const all = await run('outbox');
  expect(all.code).toBe(0);
  // In the workbook's language (Chinese here), as every report.
  expect(all.out.split('\n')[0]).toBe('已发 4 封邮件；今天剩余配额 96；等待配额 0 封');
  expect(all.json).toMatchObject({ ok: true, total: 4, shown: 4, quotaLeft: 96, queued: 0 });

  const mine = await run('outbox', '--to', 'ming@example.com', '--last', '1');
  expect(mine.json.shown).toBe(1);
  expect(mine.out.split('\n')[0]).toBe('已发 4 封邮件，其中发给 ming@example.com 的 3 封；今天剩余配额 96；等待配额 0 封');
  expect(mine.out.split('\n')[1]).toMatch(/^#4 2024-05-08T09:00:00\+08:00 发给 ming@example\.com：\[IT20240508001\] 问题已解决/);
  const resolved = mine.json.mails[0];
  expect(resolved).toMatchObject({ n: 4, to: 'ming@example.com', subject: `[${id}] 问题已解决，请确认：打印机无法连接` });
  // The verification links, as the readable report lists them too.
  expect(resolved.links).toHaveLength(4);
  for (const l of resolved.links) expect(mine.out).toContain(`    ${l}`);
  expect(resolved.links[0]).toMatch(/^https:\/\/script\.google\.com\/macros\/s\/local-deployment\/exec\?/);

  const bad = await run('outbox', '--last', '0');
  expect(bad.code).toBe(1);
  expect(bad.json.ok).toBe(false);
});
