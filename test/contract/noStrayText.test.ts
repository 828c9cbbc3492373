// Every message a user reads is in the catalog (src/domain/messages/zh.ts, en.ts): a string or
// template literal with Chinese text anywhere else in src/ fails this test. The files allowed
// below hold sheet ALLOWED, not messages: words written into cells and recognised again when
// read (headers, value labels and their synonyms, the SLA cell's words), which the code must match
// exactly in every language it reads. A message in one of those files still belongs in the catalog.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../..');
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

const ALLOWED: Record<string, string> = {
  'src/domain/schema.ts': 'headers, sheet names, value labels and synonyms recognised on read',
  'src/domain/settings.ts':
    "setting names and value words recognised on read; the seed's sample departments and agents",
  'src/domain/sla/text.ts': 'the SLA cell’s words, written and parsed back',
  'src/domain/hanzi.ts': 'traditional-to-simplified character table for reading headers and values',
  'src/domain/teamDates.ts': 'date and time words recognised in typed dates (上午, 年/月/日…)',
  'src/domain/mapping.ts': 'column-mapping labels written into the settings sheet and read back',
  'src/domain/worklog.ts': 'the line that marks moved work-log entries, recognised by exact match',
  'src/gas/auditSheet.ts': 'audit sheet headers and "via" labels, read back',
  'src/gas/knowledgeSheet.ts': 'knowledge sheet headers, read back',
  'src/gas/logArchiveSheet.ts': 'work-log archive headers, read back',
  'src/gas/settingsSheet.ts': 'settings sheet section headers, read back',
  // Shown while the form loads, before its language is known: both languages at once.
  'src/ui/intake.ts': 'the loading and load-failure lines, in both languages before the language is known',
  'src/ui/ticket.ts': 'the load-failure line and its Retry, in both languages before the language is known',
  'src/ui/sidebar.html': 'the loading line, in both languages before the language is known',
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|html)$/.test(e.name) ? [p] : [];
  });
}

/** `file:line: "text"` for each string or template literal with Chinese text. */
export function strayText(file: string, text: string): string[] {
  if (file.endsWith('.html')) {
    // Text between tags and attribute values (comments and the inlined script/style are not text).
    const bare = text.replace(/<!--[\s\S]*?-->/g, '');
    return bare
      .split('\n')
      .map((l, i) => [l, i] as const)
      .filter(([l]) => CJK.test(l))
      .map(([l, i]) => `${file}:${i + 1}: ${l.trim()}`);
  }
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const hits: string[] = [];
  const visit = (n: ts.Node): void => {
    if (
      (ts.isStringLiteral(n) ||
        ts.isNoSubstitutionTemplateLiteral(n) ||
        ts.isTemplateHead(n) ||
        ts.isTemplateMiddle(n) ||
        ts.isTemplateTail(n)) &&
      CJK.test(n.text)
    ) {
      hits.push(
        `${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}: ${JSON.stringify(n.text)}`,
      );
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return hits;
}

describe('user-visible text lives in the catalog', () => {
  const files = sources(path.join(root, 'src'))
    .map((f) => path.relative(root, f).split(path.sep).join('/'))
    .filter((f) => !f.startsWith('src/domain/messages/'));

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it('no Chinese string literal in src/ outside the catalog and the vocabulary files', () => {
    const stray = files
      .filter((f) => !(f in ALLOWED))
      .flatMap((f) => strayText(f, fs.readFileSync(path.join(root, f), 'utf8')));
    expect(stray).toEqual([]);
  });

  it('each vocabulary file still exists and still needs its place on the list', () => {
    for (const f of Object.keys(ALLOWED)) {
      expect(strayText(f, fs.readFileSync(path.join(root, f), 'utf8')).length).toBeGreaterThan(0);
    }
  });

  it('the check sees literals, templates and HTML text, and not comments or regular expressions', () => {
    const src = [
      '// 注释不算',
      "const a = '提交';",
      'const b = `已归档 ${n} 张`;',
      'const c = /系统|电脑/;',
      "const d = 'plain';",
    ].join('\n');
    expect(strayText('x.ts', src)).toEqual(['x.ts:2: "提交"', 'x.ts:3: "已归档 "', 'x.ts:3: " 张"']);
    expect(strayText('x.html', '<!-- 注释 -->\n<p>加载中</p>\n<p>ok</p>')).toEqual([
      'x.html:2: <p>加载中</p>',
    ]);
  });
});
