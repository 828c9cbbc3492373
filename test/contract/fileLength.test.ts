// No file over ~400 lines without a reason written at its top (issue 21; the guide: "files over
// ~400 lines are a smell: split by concern"). A source file of the add-on, the runtime or a tool
// longer than 400 lines must say why in its opening comment: "Over ~400 lines:" followed by the
// reason; otherwise it fails here, so a file cannot grow past
// the mark unnoticed. Splitting it is the other way out.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const DIRS = ['src', 'runtime', 'cli', 'preview', 'bench', 'selftest'];
const SOURCE = /\.(ts|mjs|js|cjs|css|html)$/;
const LIMIT = 400;
const REASON = /Over ~400 lines: (?=\S)/;

function files(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'results' ? [] : files(p);
    return SOURCE.test(e.name) ? [p] : [];
  });
}

const lineCount = (text: string): number => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

/** The file's opening comment: the lines before its first line of code. */
function openingComment(text: string): string[] {
  const out: string[] = [];
  let inBlock = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (inBlock) {
      out.push(line);
      if (line.includes('*/') || line.includes('-->')) inBlock = false;
      continue;
    }
    if (line === '' || line.startsWith('//')) {
      out.push(line);
    } else if (line.startsWith('/*') || line.startsWith('<!--')) {
      out.push(line);
      inBlock = !line.includes('*/') && !line.includes('-->');
    } else break;
  }
  return out;
}

/** Why a file may be long, from its opening comment; null when it gives none. */
function lengthReason(text: string): string | null {
  const line = openingComment(text).find((l) => REASON.test(l));
  return line ? line.split(REASON)[1] : null;
}

const all = DIRS.flatMap(files);

describe('no file over ~400 lines without a reason at its top', () => {
  it('finds the source files', () => {
    expect(all).toContain('src/domain/sla/engine.ts');
    expect(all).toContain('preview/page/page.css');
  });

  it('every file over 400 lines says why in its opening comment ("Over ~400 lines: …")', () => {
    const unexplained = all.filter((f) => {
      const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
      return lineCount(text) > LIMIT && lengthReason(text) === null;
    });
    expect(unexplained).toEqual([]);
  });

  it('the check itself: a reason counts only in the opening comment, and only with words after it', () => {
    const body = Array.from({ length: LIMIT }, (_, i) => `export const x${i} = ${i};`).join('\n');
    expect(lengthReason(`// A module.\n// Over ~400 lines: one table.\nimport a from 'a';\n${body}\n`)).toBe('one table.');
    expect(lengthReason(`/* A stylesheet. Over ~400 lines: one page's\n   styles. */\n* {}\n`)).toBe("one page's");
    expect(lengthReason(`// A module.\nimport a from 'a';\n// Over ~400 lines: too late.\n${body}\n`)).toBeNull();
    expect(lengthReason(`// Over ~400 lines:\n${body}\n`)).toBeNull();
    expect(lineCount('a\nb\n')).toBe(2);
    expect(lineCount('a\nb')).toBe(2);
  });
});
