import { en } from '../../src/domain/messages/en';
import { zh } from '../../src/domain/messages/zh';

// The catalogs side by side, entry by entry (groups walked recursively). tsc checks the shapes;
// these check what types cannot: no placeholder invented in English, no Chinese left in English.

type Entry = { path: string; zh: unknown; en: unknown };

function entries(a: unknown, b: unknown, path = ''): Entry[] {
  if (typeof a === 'object' && a !== null && !Array.isArray(a)) {
    return Object.keys(a).flatMap((k) =>
      entries((a as Record<string, unknown>)[k], (b as Record<string, unknown> | undefined)?.[k], path ? `${path}.${k}` : k),
    );
  }
  if (Array.isArray(a)) return a.flatMap((v, i) => entries(v, (b as unknown[] | undefined)?.[i], `${path}[${i}]`));
  return [{ path, zh: a, en: b }];
}

/** A function entry's text, called with recognisable arguments. */
function text(v: unknown): string {
  if (typeof v === 'function') return String(v(...Array.from({ length: v.length }, (_, i) => `{arg${i}}`)));
  return String(v);
}

const ALL = entries(zh, en);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

describe('message catalogs', () => {
  it('has entries', () => {
    expect(ALL.length).toBeGreaterThan(30);
  });

  it.each(ALL.map((e) => [e.path, e] as const))('%s: same kind and placeholders in both languages', (_path, e) => {
    expect(typeof e.en).toBe(typeof e.zh);
    expect(placeholders(text(e.en))).toEqual(placeholders(text(e.zh)));
  });

  it.each(ALL.map((e) => [e.path, e] as const))('%s: the English has no Chinese text or punctuation', (_path, e) => {
    expect(text(e.en)).not.toMatch(CJK);
  });

  // Chinese text takes full-width punctuation: `：？！（），；` beside a Chinese character, never the
  // half-width ones. A value quoted in 「」 is what the user types or sees in a cell, kept as is.
  const HALF_BESIDE_CJK = new RegExp(`[${CJK.source.slice(1, -1)}][:?!(),;]|[:?!(),;][${CJK.source.slice(1, -1)}]`);
  it.each(ALL.map((e) => [e.path, e] as const))('%s: the Chinese uses full-width punctuation', (_path, e) => {
    const s = text(e.zh).replace(/「[^」]*」/g, '「」');
    expect(s).not.toMatch(HALF_BESIDE_CJK);
    // Brackets around Chinese text are full-width too, even with a space or a placeholder inside.
    expect(s).not.toMatch(/\([^()]*[\u4e00-\u9fff][^()]*\)/);
  });

  it('the punctuation check sees what it must', () => {
    const bad = ['请填写:', '继续吗?', '好!', '(现在 3 个)', '已取消,未修改', '开放;网页'];
    for (const s of bad) expect(s).toMatch(HALF_BESIDE_CJK);
    for (const s of ['请填写：', '继续吗？', '（现在 3 个）', '09:00', '2024-05-01, 2024-05-02']) expect(s).not.toMatch(HALF_BESIDE_CJK);
  });
});
