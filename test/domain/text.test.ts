import {
  codePointLength,
  containsPersonalMobile,
  hasControlChars,
  isEmail,
  literalText,
  needsTextValue,
  textValueRuns,
} from '../../src/domain/text';

describe('literalText', () => {
  it.each([
    ['=SUM(A1)'],
    ['=1+1'],
    ['+1'],
    ['+86 138'],
    ['-5'],
    ['- list item'],
    ['@x'],
    ['@张工'],
    ['\tindented'],
    ['\rcarriage'],
    ["'quoted"],
    ["'"],
    ['123'],
    ['0123'],
    ['8888'],
    ['1,234.5'],
    ['50%'],
    ['-3.5'],
    ['.5'],
    ['2024-05-01'],
    ['2024/5/1 9:15'],
    ['2024/5/1'],
    ['2024.05.01'],
    ['2024-05-01 09:15:30'],
    ['2024年5月1日'],
    ['5/1'],
    ['09:15'],
    ['9:15:30'],
    ['true'],
    ['TRUE'],
    ['False'],
    [' 123 '],
    ['1e5'],
    ['1.5E-3'],
    ['$100'],
    ['¥1,000'],
    ['9:15 AM'],
    ['9pm'],
    ['2024/5/1 9:15 pm'],
  ])('%p gets an apostrophe', (s) => {
    expect(literalText(s)).toBe(`'${s}`);
  });

  it.each([
    ['CRM系统数据库连接错误'],
    ['上午9点打开CRM系统提示“数据库连接错误”,3名销售无法录入客户;重启电脑无效'],
    ['内线8888'],
    ['zhang@example.com'],
    ['销售部/北京分公司'],
    ['IT20240501001'],
    ['2024-05-01 打印机坏了'],
    ['ext 8888'],
    ['a=b'],
    ['hello world'],
    ['truely'],
    ['e5'],
    ['9 people'],
    ['10 am meeting'],
    ['$'],
    ['重启电脑后问题依旧'],
    [''],
  ])('%p is left as it is', (s) => {
    expect(literalText(s)).toBe(s);
  });

  it('is what the user typed once Sheets strips the apostrophe', () => {
    for (const s of ['=SUM(A1)', "'quoted", '123', '内线8888']) {
      const written = literalText(s);
      const shown = written.startsWith("'") ? written.slice(1) : written;
      expect(shown).toBe(s);
    }
  });
});

describe('containsPersonalMobile', () => {
  it.each([
    ['13812345678'],
    ['19912345678'],
    ['+86 138 1234 5678'],
    ['+8613812345678'],
    ['8613812345678'],
    ['0086-138-1234-5678'],
    ['0086 13812345678'],
    ['138-1234-5678'],
    ['138 1234 5678'],
    ['手机13812345678'],
    ['内线8888 / 13812345678'],
    ['tel:13812345678'],
    ['(+86)138-1234-5678'],
    ['１３８１２３４５６７８'], // full-width digits typed with a Chinese IME
    ['138－1234－5678'],
  ])('%p is a personal mobile', (s) => {
    expect(containsPersonalMobile(s)).toBe(true);
  });

  it.each([
    ['8888'],
    ['内线8888'],
    ['ext. 8888'],
    ['010-12345678'],
    ['021-8765-4321'],
    ['12345678901'], // starts 12
    ['11012345678'], // starts 11
    ['1381234567'], // 10 digits
    ['138123456789'], // 12 digits
    ['013812345678'], // 12 digits with a leading zero
    ['zhang@example.com'],
    ['it-support@corp.example.cn'],
    ['400-820-8820'],
    [''],
  ])('%p is not a personal mobile', (s) => {
    expect(containsPersonalMobile(s)).toBe(false);
  });
});

describe('codePointLength', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['CRM系统数据库连接错误', 12],
    ['一二三四五六七八九十一二三四五六七八九十', 20],
    ['😀', 1],
    ['打印机😀坏了', 6],
    ['𠮷野家', 3], // astral CJK character
    ['👍🏽', 2], // emoji + skin tone modifier: two code points
  ])('%p → %d', (s, n) => {
    expect(codePointLength(s)).toBe(n);
  });

  it('differs from UTF-16 length for astral characters', () => {
    expect('😀😀'.length).toBe(4);
    expect(codePointLength('😀😀')).toBe(2);
  });
});

describe('hasControlChars', () => {
  it.each([
    ['\u0000'],
    ['a\u0001b'],
    ['\u0007'],
    ['\u0008'],
    ['\u000B'],
    ['\u000C'],
    ['\u001B[31m'],
    ['\u001F'],
    ['\u007F'],
    ['\u0085'],
    ['\u009F'],
  ])('%p has control characters', (s) => {
    expect(hasControlChars(s)).toBe(true);
  });

  it.each([[''], ['plain'], ['line1\nline2'], ['a\tb'], ['中文'], ['😀'], ['\u00A0'], ['\u00A9']])(
    '%p has none',
    (s) => {
      expect(hasControlChars(s)).toBe(false);
    },
  );
});

describe('isEmail', () => {
  it.each([
    ['zhang@example.com', true],
    ['  li.gong@corp.example.cn ', true],
    ['zhang@example', false],
    ['zhang example.com', false],
    ['@example.com', false],
    ['内线8888', false],
    ['a@b@c.com', false],
    // One address mail can go to, in ASCII (issue 18): no list, display name, quotes, invisible or look-alike letter.
    ['a_b+tag@x-y.example', true],
    ['zhang@example.com,boss', false],
    ['zhang@example.com;boss.example', false],
    ['Boss<boss@example.com>', false],
    ['"zhang"@example.com', false],
    ['zhang\u200b@example.com', false],
    ['\u0430dmin@example.com', false],
    ['zhang..li@example.com', false],
    ['zhang@-example.com', false],
    ['zhang@example.com.', false],
  ])('%p → %p', (s, ok) => {
    expect(isEmail(s)).toBe(ok);
  });
});

describe('plain-text columns: needsTextValue, literalText(s, true), textValueRuns (issue 16)', () => {
  it.each([['=1+1'], ['+86 10'], ['-5'], ['@all'], ["'quoted"], ["'=1+1"]])('%s needs a Rich Text value and is protected until written', (s) => {
    expect(needsTextValue(s)).toBe(true);
    expect(literalText(s, true)).toBe(`'${s}`);
  });

  it.each([['0012'], ['2024-05-01'], ['TRUE'], ['a=b'], ['中文'], ['']])('%s is written as is in a plain-text column', (s) => {
    expect(needsTextValue(s)).toBe(false);
    expect(literalText(s, true)).toBe(s);
  });

  const when = new Date(0);
  it('one run per row over the adjacent text cells between protected ones, never over a date, number or formula', () => {
    const all = () => true;
    const row = ['IT1', "'=1+1", 'dept', "'-5", 3, "'@x", '=A1', "'+1", when];
    expect(textValueRuns([row], all)).toEqual([
      { row: 0, col: 1, texts: ['=1+1', 'dept', '-5'] },
      { row: 0, col: 5, texts: ['@x'] },
      { row: 0, col: 7, texts: ['+1'] },
    ]);
    // only the given columns count as needing it; a plain row needs nothing
    expect(textValueRuns([row], (c) => c === 5)).toEqual([{ row: 0, col: 5, texts: ['@x'] }]);
    expect(textValueRuns([['IT1', 'title', when], ["'0012", 'x']], all)).toEqual([]);
    expect(textValueRuns([['a'], ["'=x"]], all)).toEqual([{ row: 1, col: 0, texts: ['=x'] }]);
  });
});
