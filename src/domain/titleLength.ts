// One title limit that means the same in every language. The seed's "不超过 20 字" is a Chinese
// length: 20 characters of full width. Latin letters are about a third as wide, so the same
// space holds 60 of them. A title is measured in thirds of a full-width character: a wide
// character (CJK, kana, hangul, full-width forms, emoji) counts 3, anything else 1, and the
// limit is 60. A Chinese form counts it in 字 (20), an English form in characters (60).
import type { Lang } from './schema';

/** The limit in thirds of a full-width character: 20 字 = 60 Latin characters. */
export const TITLE_WIDTH_MAX = 60;

/** Wide (full-width) characters: CJK, kana, hangul, full-width forms, emoji. */
export function isWideChar(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x1f300
  );
}

/** The title's width in thirds of a full-width character. */
export function titleWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWideChar(ch.codePointAt(0) as number) ? 3 : 1;
  return w;
}

/** The limit and the title's length as the form's language counts them (字 or characters). */
export function titleLength(s: string, lang: Lang): { n: number; max: number; over: boolean } {
  const w = titleWidth(s);
  return lang === 'zh'
    ? { n: Math.ceil(w / 3), max: TITLE_WIDTH_MAX / 3, over: w > TITLE_WIDTH_MAX }
    : { n: w, max: TITLE_WIDTH_MAX, over: w > TITLE_WIDTH_MAX };
}
