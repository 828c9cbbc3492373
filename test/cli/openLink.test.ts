// `open-link URL`: a mail's link followed in the web app from the command line (issue 18), in the
// CLI's contract style: a readable line, then one JSON line; a refused answer exits 1 and leaves
// the workbook file untouched.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadRuntime, saveRuntime } from '../../runtime';
import { answerLinks } from '../../src/app/verify';
import type { Services } from '../../src/gas/services';
import { runCli } from './run';

const dist = path.join(__dirname, '../../dist');
const FORM = { title: '打印机无法连接', department: '销售部', description: '三楼打印机提示脱机,重启无效', urgency: '中', category: '硬件', submitter: '小明', contact: '内线8888' };

test('open-link shows the answer page, --send answers once, a replay is refused', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'open-link-'));
  const wb = path.join(dir, 'wb.json');
  const run = (...argv: string[]) => runCli(dist, [...argv, '--workbook', wb]);
  try {
    expect((await run('init', '--at', '2024-05-08T09:00:00+08:00')).code).toBe(0);
    const { json } = await run('submit', '--json', JSON.stringify(FORM));
    const id = json.id as string;
    expect((await run('update', id, '--json', '{"action":"accept","by":"李工程师"}')).code).toBe(0);
    expect((await run('update', id, '--json', '{"action":"resolve","by":"李工程师","solution":"重装了驱动"}')).code).toBe(0);
    // The link the resolved mail carries, made as the tracker makes it.
    const rt = loadRuntime(wb, { distDir: dist });
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!;
    const rows = sheet.getDataRange().getValues();
    const resolvedAt = (rows[1][rows[0].indexOf('解决时间')] as Date).getTime();
    const links = answerLinks(rt.services as unknown as Services, { id, status: 'resolved', resolvedAt }, rt.clock.now())!;
    saveRuntime(rt, wb); // the secret it created is kept, as on Google

    const shown = await run('open-link', links.solved.satisfied);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain(`确认处理结果: 工单 ${id}：打印机无法连接`);
    expect(shown.json).toMatchObject({ ok: true, command: 'open-link', page: 'form', answer: 'solved', rating: 'satisfied' });

    const sent = await run('open-link', links.solved.satisfied, '--send', '--comment', '好了');
    expect(sent.code).toBe(0);
    expect(sent.json).toMatchObject({ ok: true, sent: { answer: 'solved', rating: 'satisfied', comment: '好了' }, message: `谢谢！您确认了工单 ${id} 已解决，工单已关闭。` });

    const before = fs.readFileSync(wb, 'utf8');
    const again = await run('open-link', links.notSolved, '--send');
    expect(again.code).toBe(1);
    expect(again.json.ok).toBe(false);
    expect(again.err).toContain('您已经回复过这个链接');
    expect(fs.readFileSync(wb, 'utf8')).toBe(before);
    expect((await run('open-link', links.page)).json).toMatchObject({ ok: true, page: 'message', message: expect.stringContaining('您已经回复过') });
    expect((await run('open-link', 'not a url')).code).toBe(1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

test('open-link --latest follows the newest mail with links (to --to), the link for --answer; without such a mail it says so', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'open-link-latest-'));
  const wb = path.join(dir, 'wb.json');
  const run = (...argv: string[]) => runCli(dist, [...argv, '--workbook', wb]);
  try {
    expect((await run('init', '--at', '2024-05-08T09:00:00+08:00')).code).toBe(0);
    const id = (await run('submit', '--user', 'ming@example.com', '--json', JSON.stringify(FORM))).json.id as string;
    expect((await run('update', id, '--json', '{"action":"accept","by":"李工程师"}')).code).toBe(0);
    // Only the received and taken mails so far: no link to follow.
    const none = await run('open-link', '--latest', '--to', 'ming@example.com');
    expect(none.code).toBe(1);
    expect(none.err).toContain('发件箱里没有发给 ming@example.com 的带链接的邮件'); // the (Chinese) workbook's language
    expect(none.json.reason).toBe('noLinkMailTo');
    expect((await run('update', id, '--json', '{"action":"resolve","by":"李工程师","solution":"重装了驱动"}')).code).toBe(0);
    expect((await run('open-link', '--latest', '--to', 'someone@example.com')).code).toBe(1);

    const shown = await run('open-link', '--latest', '--to', 'ming@example.com');
    expect(shown.code).toBe(0);
    expect(shown.json).toMatchObject({ ok: true, page: 'form', answer: 'solved', url: expect.stringContaining('a=solved') });
    const reopened = await run('open-link', '--latest', '--answer', 'notSolved', '--rating', 'unsatisfied', '--comment', '还是连不上');
    expect(reopened.code).toBe(0);
    expect(reopened.json).toMatchObject({ ok: true, url: expect.stringContaining('a=notSolved'), sent: { answer: 'notSolved', rating: 'unsatisfied', comment: '还是连不上' } });
    expect((await run('show', '工单')).out).toContain('处理中');

    expect((await run('open-link', '--latest', 'https://example.com/')).code).toBe(1);
    expect((await run('open-link', 'https://example.com/', '--to', 'ming@example.com')).code).toBe(1);
    expect((await run('open-link', '--latest=yes')).code).toBe(1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
