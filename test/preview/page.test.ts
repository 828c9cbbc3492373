// The preview page speaks the workbook's language from the first paint: its fixed words come from
// the message catalog and <html lang> follows the locale, which picks the font stack (page.css:
// Latin fonts first for English, so English text never gets CJK punctuation shapes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Preview } from '../../preview/server';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const realDist = path.resolve(__dirname, '../..', 'dist');

describe('preview page language', () => {
  let preview: Preview;
  beforeAll(() => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-lang-'));
    preview = new Preview({
      workbookFile: path.join(d, 'demo.json'),
      distDir: realDist,
      demoNow: Date.parse('2024-05-08T10:00:00+08:00'),
      log: () => {},
    });
  }, 60000);

  test('a Chinese workbook gets a Chinese page, lang zh-CN', () => {
    const html = preview.pageHtml();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('>+15 分钟<');
    expect(html).not.toMatch(/\{\{\w+\}\}/);
  });

  test('an English workbook gets an English page, lang en, with no Chinese word in it', () => {
    const locale = preview.rt.workbook.locale;
    preview.rt.workbook.locale = 'en_US';
    try {
      const html = preview.pageHtml();
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('>+15 min<');
      expect(html).toContain('>Download .xlsx<');
      expect(html).not.toMatch(/\{\{\w+\}\}/);
      expect(html.match(new RegExp(`.{0,20}${CJK.source}.{0,20}`, 'g'))).toBeNull();
    } finally {
      preview.rt.workbook.locale = locale;
    }
  });

  test('the page font stack puts Latin fonts first, and CJK fonts first only for Chinese', () => {
    const css = fs.readFileSync(path.resolve(__dirname, '../../preview/page/page.css'), 'utf8');
    const stack = (rule: string) => {
      const m = new RegExp(`(?:^|\\n)${rule.replace(/[()]/g, '\\$&')} \\{[^}]*?font(?:-family)?:([^;]*);`).exec(css);
      return (m?.[1] ?? '').replace(/^\s*13px\/1\.4/, '').split(',').map((f) => f.trim().replace(/'/g, ''));
    };
    expect(stack('body')[0]).toBe('Roboto');
    expect(stack('body:lang(zh)')[0]).toBe('Noto Sans CJK SC');
  });
});
