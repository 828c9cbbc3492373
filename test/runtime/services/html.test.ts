// HtmlService fidelity: reference/html/html-service, guides/html/templates (scriptlets).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expose } from '../../../runtime/instrument';
import { LocalHtmlService } from '../../../runtime/services/html';
import { testContext } from './helpers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'html-'));
fs.writeFileSync(path.join(dir, 'Sidebar.html'), '<h1><?= title ?></h1><? for (var i = 0; i < n; i++) { ?><i><?= i ?></i><? } ?><?!= raw ?>');
const { ctx } = testContext();
const svc = expose(new LocalHtmlService(ctx, dir), 'HtmlService', ctx.acct) as unknown as GoogleAppsScript.HTML.HtmlService;

describe('HtmlService', () => {
  test('template scriptlets: <?= ?> escapes, <?!= ?> raw, <? ?> code (guides/html/templates)', () => {
    const t = svc.createTemplateFromFile('Sidebar') as any;
    t.title = '<工单 & "x">';
    t.n = 2;
    t.raw = '<b>raw</b>';
    expect(t.evaluate().getContent()).toBe('<h1>&lt;工单 &amp; &quot;x&quot;&gt;</h1><i>0</i><i>1</i><b>raw</b>');
  });

  test('HtmlOutput setters chain and read back (reference/html/html-output)', () => {
    const out = svc.createHtmlOutputFromFile('Sidebar').setTitle('T').setWidth(300).setHeight(200).setSandboxMode(svc.SandboxMode.IFRAME).append('!');
    expect([out.getTitle(), out.getWidth(), out.getHeight(), out.getContent().endsWith('!')]).toEqual(['T', 300, 200, true]);
  });

  test('a missing file throws; members not provided throw clearly', () => {
    expect(() => svc.createHtmlOutputFromFile('Nope')).toThrow('No HTML file named Nope was found.');
    expect(() => (svc as any).getUserAgent()).toThrow('not provided by the local runtime: HtmlService.getUserAgent');
  });
});
