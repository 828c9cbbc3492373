// The preview's outbox (issue 18): GET /api/outbox lists the mail the runtime recorded, with the
// quota and the queue; a web-form submit with an email for updates shows up in it.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Preview, createServer } from '../../preview/server';
import type { WireOutbox } from '../../preview/protocol';

const realDist = path.resolve(__dirname, '../../dist');

describe('preview outbox', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-outbox-'));
    const preview = new Preview({ workbookFile: path.join(d, 'demo.json'), distDir: realDist, demoNow: Date.parse('2024-05-08T10:00:00+08:00'), log: () => {} });
    server = createServer(preview);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60000);
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  test('a web-form submit with an email for updates appears, with the quota left', async () => {
    const before = (await (await fetch(`${base}/api/outbox`)).json()) as WireOutbox;
    const form = { title: '投影仪无信号', department: '销售部/北京分公司', description: '五楼会议室投影仪连接笔记本后显示无信号,换了两根线都一样', urgency: '中', category: '硬件', submitter: '陈静', contact: '分机 8123', notifyEmail: 'chen@corp.example.com' };
    const r = await fetch(`${base}/api/form/run?as=${encodeURIComponent('chen@gmail.com')}`, { method: 'POST', body: JSON.stringify({ name: 'submitTicket', args: [form, 'outbox-test-token-1'] }) });
    const run = (await r.json()) as { ok: boolean; value: { ok: boolean; id: string } };
    expect(run.ok).toBe(true);
    expect(run.value.ok).toBe(true);
    const after = (await (await fetch(`${base}/api/outbox`)).json()) as WireOutbox;
    expect(after.mails).toHaveLength(before.mails.length + 1);
    const m = after.mails[after.mails.length - 1];
    expect(m).toMatchObject({ to: 'chen@corp.example.com', subject: `[${run.value.id}] 已收到您的问题：投影仪无信号` });
    expect(m.at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(after.quotaLeft).toBe(before.quotaLeft - 1);
    expect(after.queued).toBe(0);
  });
});
