// The formula evaluator behind formula cells and custom-formula rules, case by case.
import { isDate } from '../../../runtime/context';
import { env, NOW, sh } from './helpers';

const FN = 'support.google.com/docs/table/25273'; // Google Sheets function list

const rows: Array<[string, string, unknown]> = [
  ['arithmetic and precedence', '=1+2*3-4/2', 5],
  ['power and unary minus', '=-2^2', 4],
  ['percent', '=50%*4', 2],
  ['concatenation of numbers and text', '="n="&1.5&TRUE', 'n=1.5TRUE'],
  ['text comparison is case-insensitive', '="abc"="ABC"', true],
  ['numbers sort before text', '=1<"a"', true],
  ['empty cell equals "" and 0', '=AND(Z99="",Z99=0)', true],
  ['IF with a missing else is FALSE', '=IF(1>2,"y")', false],
  ['IFERROR catches #DIV/0!', '=IFERROR(1/0,"bad")', 'bad'],
  ['division by zero', '=1/0', '#DIV/0!'],
  ['unknown function', '=NOPE()', '#NAME?'],
  ['AND/OR/NOT', '=AND(OR(FALSE,1),NOT(0))', true],
  ['ISBLANK on an empty and a filled cell', '=ISBLANK(Z99)&ISBLANK(A1)', 'TRUEFALSE'],
  [
    'LEN/LEFT/RIGHT/MID on CJK text',
    '=LEN("打印机卡纸")&LEFT("打印机",2)&RIGHT("卡纸")&MID("abcdef",2,3)',
    '5打印纸bcd',
  ],
  ['SEARCH is case-insensitive, FIND is not', '=SEARCH("B","abc")&IFERROR(FIND("B","abc"),"none")', '2none'],
  ['REGEXMATCH', '=REGEXMATCH("IT20240501001","^IT\\d{11}$")', true],
  ['REGEXMATCH: a pattern that is no regular expression is #REF!', '=REGEXMATCH("a","(")', '#REF!'],
  ['REGEXMATCH: an argument’s own error passes through', '=REGEXMATCH(1/0,"(")', '#DIV/0!'],
  ['ISNUMBER / VALUE / N', '=ISNUMBER(VALUE("12"))&N("x")&N(TRUE)', 'TRUE01'],
  [
    'TEXT with number and date formats',
    '=TEXT(1234.5,"#,##0.00")&"|"&TEXT(DATE(2024,5,1),"yyyy-mm-dd")',
    '1,234.50|2024-05-01',
  ],
  [
    'COUNTIF with operators and wildcards',
    '=COUNTIF(A1:A4,">1")&COUNTIF(B1:B4,"IT*")&COUNTIF(B1:B4,"<>")',
    '323',
  ],
  ['SUM/MIN/MAX/COUNTA skip text in ranges', '=SUM(A1:B4)&"/"&MAX(A1:A4)&"/"&COUNTA(A1:B4)', '10/4/7'],
  ['HYPERLINK shows its label', '=HYPERLINK("https://x.test","open")', 'open'],
  ['absolute and relative references', '=$A$2+A3', 5],
  ['dates compare as serial numbers', '=C1<DATE(2024,5,2)', true],
  ['a date minus a date is a number of days', '=C1-DATE(2024,4,30)', 1.375],
];

describe('formula evaluator', () => {
  test.each(rows)(`%s [${FN}]`, (_name, formula, expected) => {
    const { sheet } = env();
    sheet.getRange('A1:B4').setValues([
      [1, 'IT1'],
      [2, 'IT2'],
      [3, 'x'],
      [4, ''],
    ]);
    sheet.getRange('C1').setValue(new Date(sh(2024, 5, 1, 9)));
    sheet.getRange('D1').setFormula(formula);
    expect(sheet.getRange('D1').getValue()).toEqual(expected);
  });

  test('date-valued formulas read back as Dates: NOW(), TODAY(), date + hours', () => {
    const { sheet } = env();
    sheet.getRange('C1').setValue(new Date(sh(2024, 5, 1, 9)));
    sheet
      .getRange('A1:C1')
      .offset(1, 0)
      .setFormulas([['=NOW()', '=TODAY()', '=C1+2/24']]);
    const [[now, today, due]] = sheet.getRange('A2:C2').getValues();
    expect([isDate(now), isDate(today), isDate(due)]).toEqual([true, true, true]);
    expect((now as Date).getTime()).toBe(NOW);
    expect((today as Date).getTime()).toBe(sh(2024, 5, 1));
    expect((due as Date).getTime()).toBe(sh(2024, 5, 1, 11));
    expect(sheet.getRange('C2').getDisplayValue()).toBe('2024-05-01 11:00:00');
  });

  test('circular references give #REF!', () => {
    const { sheet } = env();
    sheet.getRange('A1:B1').setFormulas([['=B1', '=A1']]);
    expect(sheet.getRange('A1').getValue()).toBe('#REF!');
  });
});
