// The preview server refuses what a page on another site, a malformed request or an oversized body
// could do to it, and never reflects a query parameter into a script.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Preview, createServer } from '../../preview/server';

const realDist = path.resolve(__dirname, '../..', 'dist');
const hash = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

describe('preview server', () => {
  let server: http.Server;
  let base: string;
  let port: number;
  let wbFile: string;
  beforeAll(async () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-server-'));
    wbFile = path.join(d, 'demo.json');
    const preview = new Preview({
      workbookFile: wbFile,
      distDir: realDist,
      demoNow: Date.parse('2024-05-08T10:00:00+08:00'),
      log: () => {},
    });
    server = createServer(preview);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  }, 60000);
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const request = (method: string, p: string, body?: string | Buffer, headers: Record<string, string> = {}) =>
    new Promise<{ status: number | null; text: string; error?: string }>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port, method, path: p, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? null, text }));
      });
      req.on('error', (e) => resolve({ status: null, text: '', error: String(e) }));
      if (body !== undefined) req.write(body);
      req.end();
    });

  test('/form?as= is not reflected into a <script> unescaped (XSS)', async () => {
    const r = await fetch(
      `${base}/form?as=${encodeURIComponent('</script><script>alert(document.domain)</script>')}`,
    );
    const html = await r.text();
    expect(html).not.toContain('<script>alert(document.domain)</script>');
  });

  test("the web app's own address serves doGet with the link's parameters (a mail's verification link opens here)", async () => {
    const r = await fetch(`${base}/macros/s/local-deployment/exec?t=${encodeURIComponent('IT1.a.b.0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAA')}`);
    expect(r.status).toBe(200);
    const html = await r.text();
    // A forged link: its page, in the sandboxed frame as every web-app page.
    expect(html).toContain('这个链接无效');
    expect(html).toContain('sandbox="allow-scripts allow-forms"');
    expect((await fetch(`${base}/macros/s/x/y/exec`)).status).toBe(404);
  });

  test('a body over the limit gets a 413 answer, not a reset connection', async () => {
    const r = await request('POST', '/api/run', Buffer.alloc(6 * 1024 * 1024, 0x61), {
      'content-type': 'application/json',
    });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(413);
  });

  test('a JSON body that is not an object (null) is a 400, not a 500', async () => {
    for (const p of ['/api/run', '/api/edit', '/api/clock']) {
      const r = await request('POST', p, 'null', { 'content-type': 'application/json' });
      expect([p, r.status]).toEqual([p, 400]);
    }
  });

  test('a cross-origin page cannot drive the preview (CSRF) nor a foreign Host read it', async () => {
    const before = hash(wbFile);
    const r = await request('POST', '/api/clock', '{"minutes":5}', {
      origin: 'http://evil.example',
      'content-type': 'text/plain',
    });
    expect(r.status).toBe(403);
    expect(hash(wbFile)).toBe(before);
    const g = await request('GET', '/api/state', undefined, { host: `evil.example:${port}` });
    expect(g.status).toBe(403);
    // The page itself still works.
    const own = await request('POST', '/api/clock', '{"minutes":5}', {
      origin: base,
      'content-type': 'text/plain',
    });
    expect(own.status).toBe(200);
  });

  // Issue 17: a huge range or a clock jump of decades is refused at once, the workbook unchanged.
  // What the page shows a person (a refused edit, a clock move) speaks the (Chinese) workbook's
  // language (test/preview/errorLanguage.test.ts: both languages); the HTTP API's own refusals
  // of requests the page never makes stay English.
  const post = (p: string, body: unknown) => request('POST', p, JSON.stringify(body), { origin: base, 'content-type': 'application/json' });
  test.each([
    ['/api/select', { sheet: '工单', a1: 'A1:ZZZ9999999' }, /outside the sheet/],
    ['/api/select', { sheet: '工单', a1: 'ZZZ1' }, /outside the sheet/],
    ['/api/select', { sheet: '工单', a1: 'A0' }, /Bad cell/],
    ['/api/edit', { sheet: '工单', a1: 'A1:ZZZ9999999', value: 'x' }, /范围超出了工作表/],
    ['/api/edit', { sheet: '工单', a1: 'A:ZZZ', value: 'x' }, /范围超出了工作表/],
    ['/api/clock', { to: Date.parse('2090-01-01T00:00:00Z') }, /会运行超过 5000 次触发器/],
    ['/api/clock', { minutes: 60 * 24 * 365 * 30 }, /会运行超过 5000 次触发器/],
    // Issue 19: a slicer request names a sheet and a slicer that exist, and says what is unticked.
    ['/api/slicer', { sheet: 'nope', index: 0, hidden: [] }, /No sheet named nope/],
    ['/api/slicer', { sheet: '工单', index: 0, hidden: [] }, /No slicer 0 on 工单/],
    ['/api/slicer', { sheet: '工单', index: -1, hidden: [] }, /No slicer -1 on 工单/],
    ['/api/slicer', { sheet: '工单', index: 0, hidden: 'x' }, /hidden \(the unticked values\) expected/],
  ])('%s %j is refused with a clear message', async (p, body, message) => {
    const before = hash(wbFile);
    const started = Date.now();
    const r = await post(p, body);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r.status === 400 || JSON.parse(r.text).ok === false).toBe(true);
    expect(r.text).toMatch(message);
    expect(hash(wbFile)).toBe(before);
  });
});

