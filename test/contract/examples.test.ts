// The `@example`s on the pure time and SLA functions are run: each line `expr; // => value` must
// hold, so an example can never drift from what the code does. Examples are plain JavaScript over
// the modules' own exports (and Date); each block runs on its own.
import * as fs from 'fs';
import * as path from 'path';
import * as calendar from '../../src/domain/calendar';
import * as sla from '../../src/domain/sla';
import * as zone from '../../src/domain/zone';
import * as waiting from '../../src/domain/waiting';

const ROOT = path.resolve(__dirname, '../..');
const FILES = [
  'src/domain/zone.ts',
  'src/domain/calendar.ts',
  'src/domain/sla/engine.ts',
  'src/domain/sla/text.ts',
  'src/domain/sla/alerts.ts',
  'src/domain/waiting.ts',
];
const scope: Record<string, unknown> = { ...zone, ...calendar, ...sla, ...waiting };

interface Example {
  file: string;
  line: number;
  code: string[];
}

/** Every `@example` block: the comment lines after the tag, up to the next tag or the comment's end. */
function examples(file: string): Example[] {
  const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  const out: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\* @example\s*$/.test(lines[i])) continue;
    const code: string[] = [];
    let j = i + 1;
    for (; j < lines.length && /^\s*\*(?!\/)/.test(lines[j]) && !/^\s*\* @/.test(lines[j]); j++)
      code.push(lines[j].replace(/^\s*\* ?/, ''));
    out.push({ file, line: i + 1, code });
  }
  return out;
}

const all = FILES.flatMap(examples);

describe('@examples on the pure time and SLA functions', () => {
  it('are there, on every file listed', () => {
    for (const f of FILES) expect(all.filter((e) => e.file === f).length).toBeGreaterThan(0);
  });

  it.each(all.map((e) => [`${e.file}:${e.line}`, e] as const))('%s', (_where, e) => {
    const checks: { expr: string; expected: string }[] = [];
    const body = e.code
      .map((l) => {
        const m = /^(.*?);?\s*\/\/ => (.*)$/.exec(l);
        if (!m) return l;
        checks.push({ expr: m[1], expected: m[2] });
        return `__check(${checks.length - 1}, (${m[1]}), (${m[2]}));`;
      })
      .join('\n');
    expect(checks.length).toBeGreaterThan(0);
    const seen: number[] = [];
    const check = (i: number, actual: unknown, expected: unknown): void => {
      seen.push(i);
      expect({ example: checks[i].expr, value: actual }).toEqual({
        example: checks[i].expr,
        value: expected,
      });
    };
    const names = Object.keys(scope);
    new Function(...names, '__check', `'use strict';\n${body}`)(...names.map((n) => scope[n]), check);
    expect(seen).toEqual(checks.map((_, i) => i));
  });
});
