// The contact field's privacy rule against every disguise of a mainland mobile number (issue 17,
// "Bad input"): generated separators × positions × prefixes, and the look-alikes that must pass.
import { containsPersonalMobile, digitRuns } from '../../src/domain/phone';

const NUMBER = '13812345678';
const FULL_WIDTH = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

// Separators people (or scripts) put between digit groups.
const SEPARATORS: [string, string][] = [
  ['space', ' '],
  ['dot', '.'],
  ['hyphen', '-'],
  ['en dash', '\u2013'],
  ['em dash', '\u2014'],
  ['minus sign', '\u2212'],
  ['full-width hyphen', '\uff0d'],
  ['middle dot', '\u00b7'],
  ['katakana middle dot', '\u30fb'],
  ['slash', '/'],
  ['backslash', '\\'],
  ['underscore', '_'],
  ['comma', ','],
  ['ideographic comma', '\u3001'],
  ['ideographic space', '\u3000'],
  ['no-break space', '\u00a0'],
  ['tab-like thin space', '\u2009'],
  ['zero-width space', '\u200b'],
  ['zero-width joiner', '\u200d'],
  ['word joiner', '\u2060'],
  ['soft hyphen', '\u00ad'],
  ['BOM', '\ufeff'],
  ['left-to-right mark', '\u200e'],
  ['combining mark', '\u0301'],
  ['tilde', '~'],
  ['asterisk', '*'],
  ['two spaces', '  '],
  ['dash with spaces', ' - '],
];

const SHAPES: [string, (sep: string) => string][] = [
  ['3-4-4', (s) => `138${s}1234${s}5678`],
  ['3-8', (s) => `138${s}12345678`],
  ['every digit', (s) => NUMBER.split('').join(s)],
  ['(3) 4-4', (s) => `(138)${s}1234${s}5678`],
  ['+86 3-4-4', (s) => `+86${s}138${s}1234${s}5678`],
  ['+86(3)4-4', (s) => `+86(138)1234${s}5678`],
  ['0086 3-4-4', (s) => `0086${s}138${s}1234${s}5678`],
  ['after a label', (s) => `手机:138${s}1234${s}5678`],
  ['after an extension', (s) => `内线8888 / 138${s}1234${s}5678`],
  ['full-width digits', (s) => FULL_WIDTH(`138${s}1234${s}5678`)],
];

describe('a mobile number in disguise is seen', () => {
  const cases = SHAPES.flatMap(([shape, make]) => SEPARATORS.map(([sep, ch]) => [`${shape} / ${sep}`, make(ch)] as const));
  it.each(cases)('%s', (_name, contact) => {
    expect(containsPersonalMobile(contact)).toBe(true);
  });

  it.each([
    ['circled digits', '①③⑧①②③④⑤⑥⑦⑧'],
    ['mathematical bold digits', '𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖'],
    ['Arabic-Indic digits', '١٣٨١٢٣٤٥٦٧٨'],
    ['Devanagari digits', '१३८१२३४५६७८'],
    ['full-width plus and parentheses', '＋８６（１３８）１２３４－５６７８'],
    ['zero-width spaces between every digit', NUMBER.split('').join('\u200b')],
    ['mixed separators', '138.1234-5678'],
    ['mixed widths', '１38 1２34 56７8'],
    ['in parentheses', '(13812345678)'],
    ['inside an email local part', '13812345678@qq.com'],
    ['86 with no plus', '86 138 1234 5678'],
    ['every prefix 13-19', '19912345678'],
    ['after newline', '内线8888\n13812345678'],
  ])('%s', (_name, contact) => {
    expect(containsPersonalMobile(contact)).toBe(true);
  });
});

describe('what is not a mobile number passes', () => {
  it.each([
    '8888',
    '内线8888',
    'ext. 8888 / 分机 6666',
    '010-12345678',
    '(010) 1234 5678',
    '021-8765-4321',
    '400-820-8820',
    '12345678901',
    '1381234567',
    '138123456789',
    '013812345678',
    '0138 1234 5678',
    'zhang@example.com',
    'it-support@corp.example.cn',
    '2024-05-01 13:45',
    '内线 8888,工号 138',
    '',
  ])('%p', (contact) => {
    expect(containsPersonalMobile(contact)).toBe(false);
  });

  it('letters keep an extension apart from a number next to a word', () => {
    expect(digitRuns('内线8888 转 1234')).toEqual([['8888'], ['1234']]);
    expect(digitRuns('138\u200b1234·5678')).toEqual([['1381234', '5678']]);
  });
});
