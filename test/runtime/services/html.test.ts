// HtmlService fidelity: reference/html/html-service, guides/html/templates (scriptlets).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expose, unwrap } from '../../../runtime/instrument';
import { LocalHtmlService } from '../../../runtime/services/html';
import { testContext } from './helpers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'html-'));
fs.writeFileSync(path.join(dir, 'Sidebar.html'), '<h1><?= title ?></h1><? for (var i = 0; i < n; i++) { ?><i><?= i ?></i><? } ?><?!= raw ?>');
const { ctx } = testContext();
const svc = expose(new LocalHtmlService(ctx, dir), 'HtmlService', ctx.acct) as unknown as GoogleAppsScript.HTML.HtmlService;

describe('HtmlService', () => {
  test('template scriptlets: <?= ?> escapes, <?!= ?> raw, <? ?> code (guides/html/templates)', () => {
    // Template variables are set as properties (guides/html/templates#pushing-variables-to-templates), which the typings do not declare.
    const t = svc.createTemplateFromFile('Sidebar') as GoogleAppsScript.HTML.HtmlTemplate & Record<string, unknown>;
    t.title = '<工单 & "x">';
    t.n = 2;
    t.raw = '<b>raw</b>';
    expect(t.evaluate().getContent()).toBe('<h1>&lt;工单 &amp; &quot;x&quot;&gt;</h1><i>0</i><i>1</i><b>raw</b>');
  });

  test('HtmlOutput setters chain and read back (reference/html/html-output)', () => {
    const out = svc.createHtmlOutputFromFile('Sidebar').setTitle('T').setWidth(300).setHeight(200).setSandboxMode(svc.SandboxMode.IFRAME).append('!');
    expect([out.getTitle(), out.getWidth(), out.getHeight(), out.getContent().endsWith('!')]).toEqual(['T', 300, 200, true]);
  });

  test('append adds as is, appendUntrusted escapes, clear and setContent replace; the setters return the output (reference/html/html-output#appendUntrusted)', () => {
    const out = svc.createHtmlOutput('<b>Hello</b>');
    expect(out.append('<p>1</p>')).toBe(out);
    expect(out.appendUntrusted('<p>2</p>')).toBe(out);
    expect(out.getContent()).toBe('<b>Hello</b><p>1</p>&lt;p&gt;2&lt;/p&gt;');
    expect(out.clear().getContent()).toBe('');
    expect(out.setContent('<i>x</i>').getContent()).toBe('<i>x</i>');
  });

  test('addMetaTag takes only the four names the page allows (developers.google.com/apps-script/reference/html/html-output#addmetatagname,-content)', () => {
    const out = svc.createHtmlOutput('x');
    for (const name of ['apple-mobile-web-app-capable', 'google-site-verification', 'mobile-web-app-capable', 'viewport']) expect(out.addMetaTag(name, 'v')).toBe(out);
    for (const name of ['description', 'robots', 'Viewport', '']) expect(() => out.addMetaTag(name, 'v')).toThrow('Invalid argument: name');
  });

  test('a missing file throws; members not provided throw clearly', () => {
    expect(() => svc.createHtmlOutputFromFile('Nope')).toThrow('No HTML file named Nope was found.');
    expect(() => svc.getUserAgent()).toThrow('not provided by the local runtime: HtmlService.getUserAgent');
  });
  test('setSandboxMode has no effect (IFRAME always) but takes a SandboxMode; setXFrameOptionsMode an XFrameOptionsMode; setWidth/setHeight whole pixels, null the default (developers.google.com/apps-script/reference/html/html-output#setsandboxmodemode)', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the case calls with arguments the typings forbid (a string mode, no mode, a string height): the runtime must refuse them as Google does
    const out = svc.createHtmlOutput('x') as any;
    expect(out.setSandboxMode(svc.SandboxMode.NATIVE)).toBe(out);
    expect(unwrap(out.setSandboxMode(svc.SandboxMode.EMULATED)).sandboxMode).toBe('IFRAME');
    expect(() => out.setSandboxMode('SANDBOX')).toThrow('Invalid argument: SANDBOX');
    expect(unwrap(out).xFrameOptionsMode).toBe('DEFAULT');
    expect(unwrap(out.setXFrameOptionsMode(svc.XFrameOptionsMode.ALLOWALL)).xFrameOptionsMode).toBe('ALLOWALL');
    expect(() => out.setXFrameOptionsMode('SAMEORIGIN')).toThrow('Invalid argument: SAMEORIGIN');
    expect(() => out.setXFrameOptionsMode()).toThrow("The parameters () don't match the method signature for HtmlOutput.setXFrameOptionsMode.");
    expect([out.getWidth(), out.getHeight()]).toEqual([0, 0]);
    expect(out.setWidth(320.7).setHeight(240).getWidth()).toBe(320);
    expect(out.setWidth(null).getWidth()).toBe(0);
    expect(() => out.setWidth(-1)).toThrow('Invalid argument: width');
    expect(() => out.setHeight('200')).toThrow("The parameters (String) don't match the method signature for HtmlOutput.setHeight.");
    expect(out.setFaviconUrl('https://example.com/icon.png')).toBe(out);
    expect(() => out.setFaviconUrl(5)).toThrow('HtmlOutput.setFaviconUrl');
    expect(() => out.getFaviconUrl()).toThrow('not provided by the local runtime: HtmlOutput.getFaviconUrl');
  });
});
