// Issue 16's member-by-member reading of TextFinder, charts, Rich Text, text styles and the services
// around them (docs/fidelity.md, "Member by member: TextFinder, charts, Color, Rich Text, text
// styles, services"): where the page is silent and the runtime took the stricter answer, these
// cases let Google say whether it agrees. Runtime tests: test/runtime/spreadsheet/fidelity/
// textFinder.test.ts, chart.test.ts, richTextValue.test.ts, test/runtime/services/*.test.ts.
import type { Case } from '../suite';
import { REF, threw } from '../suite';

const S = REF + 'spreadsheet/';

export const TEXT_MEMBER_CASES: Case[] = [
  {
    id: 'textfinder.replace-counts',
    ref: S + 'text-finder#replacewithreplacetext',
    expected: [4, ['q-q-q', 'xq', 'b'], 2, 'd-d'],
    how: "A1:A3 = 'a-a-a','xa','b': createTextFinder('a').replaceAllWith('q') and the values; B1 = 'c-c': findNext(), replaceWith('d') and B1. replaceWith \"returns the number of occurrences replaced\"; that replaceAllWith counts occurrences too (4, not 2 cells) is the runtime's model",
    run: ({ scratch }) => {
      const sh = scratch();
      sh.getRange('A1:A3').setValues([['a-a-a'], ['xa'], ['b']]);
      const all = sh.createTextFinder('a').replaceAllWith('q');
      const values = sh.getRange('A1:A3').getValues().map((r) => r[0]);
      sh.getRange('B1').setValue('c-c');
      const f = sh.getRange('B1').createTextFinder('c');
      f.findNext();
      const one = f.replaceWith('d');
      return [all, values, one, sh.getRange('B1').getValue()];
    },
  },
  {
    id: 'textfinder.literal-replacement',
    ref: S + 'text-finder#replaceallwithreplacetext',
    expected: 'cost $&$1$$',
    how: "A1 = 'cost 5': createTextFinder('5').replaceAllWith('$&$1$$') without useRegularExpression; A1 (the runtime's model: the replacement is literal text)",
    run: ({ scratch }) => {
      const sh = scratch();
      sh.getRange('A1').setValue('cost 5');
      sh.createTextFinder('5').replaceAllWith('$&$1$$');
      return sh.getRange('A1').getValue();
    },
  },
  {
    id: 'textfinder.regex-groups-and-re2',
    ref: S + 'text-finder#useregularexpressionusereg',
    expected: ['T001', 'threw', 'threw'],
    how: "A1 = 'IT-001': createTextFinder('IT-(\\\\d+)').useRegularExpression(true).replaceAllWith('T$1'); then a lookahead 'T(?=0)' and a backreference '(0)\\\\1' with findAll() (RE2 supports neither: the runtime refuses them)",
    run: ({ scratch }) => {
      const sh = scratch();
      sh.getRange('A1').setValue('IT-001');
      sh.createTextFinder('IT-(\\d+)').useRegularExpression(true).replaceAllWith('T$1');
      return [
        sh.getRange('A1').getValue(),
        threw(() => sh.createTextFinder('T(?=0)').useRegularExpression(true).findAll()),
        threw(() => sh.createTextFinder('(0)\\1').useRegularExpression(true).findAll()),
      ];
    },
  },
  {
    id: 'textfinder.start-from',
    ref: S + 'text-finder#startfromstartrange',
    expected: [null, 'B3', 'A2'],
    how: "A1:B4 = k at A1, A2, B3, A4: startFrom(A2:B2) then [getCurrentMatch(), findNext()]; a new finder startFrom(A3) then findPrevious() (\"immediately after the specified cell range\": after its last cell)",
    run: ({ scratch }) => {
      const sh = scratch();
      sh.getRange('A1:B4').setValues([['k', ''], ['k', ''], ['', 'k'], ['k', '']]);
      const f = sh.createTextFinder('k').startFrom(sh.getRange('A2:B2'));
      const cur = f.getCurrentMatch();
      const next = f.findNext();
      const prev = sh.createTextFinder('k').startFrom(sh.getRange('A3')).findPrevious();
      return [cur && cur.getA1Notation(), next && next.getA1Notation(), prev && prev.getA1Notation()];
    },
  },
  {
    id: 'richtext.set-text-style-null',
    ref: S + 'rich-text-value-builder#settextstyletextstyle',
    expected: [true, null],
    how: "newRichTextValue().setText('ab').setTextStyle(bold).setTextStyle(null).build(): [getTextStyle().isBold(), getLinkUrl() after setLinkUrl(url) then setLinkUrl(null)] (\"Does nothing if textStyle is null\"; a null link URL clears it)",
    run: ({ svc }) => {
      const app = svc.SpreadsheetApp;
      const bold = app.newTextStyle().setBold(true).build();
      const v = app.newRichTextValue().setText('ab').setTextStyle(bold).setTextStyle(null as never).build();
      const l = app.newRichTextValue().setText('ab').setLinkUrl('https://example.com').setLinkUrl(null as never).build();
      return [v.getTextStyle().isBold(), l.getLinkUrl()];
    },
  },
  {
    id: 'chart.builder-enums',
    ref: S + 'embedded-chart-builder#setmergestrategymergestrategy',
    expected: ['threw', 'threw', 'threw'],
    how: "sheet.newChart(): setMergeStrategy('ROWS'), setHiddenDimensionStrategy('IGNORE'), setTransposeRowsAndColumns('yes') (not values of their types: the runtime refuses them)",
    run: ({ scratch }) => {
      const b = scratch().newChart();
      return [
        threw(() => b.setMergeStrategy('ROWS' as never)),
        threw(() => b.setHiddenDimensionStrategy('IGNORE' as never)),
        threw(() => b.setTransposeRowsAndColumns('yes' as never)),
      ];
    },
  },
  {
    id: 'html.output-size',
    ref: REF + 'html/html-output#getwidth',
    expected: [0, 0, 320, 'threw'],
    how: "HtmlService.createHtmlOutput('x'): [getWidth(), getHeight()] before any set (the runtime's model: 0), getWidth() after setWidth(320), and setWidth(-1)",
    run: ({ svc }) => {
      const out = svc.HtmlService.createHtmlOutput('x');
      const before = [out.getWidth(), out.getHeight()];
      return [...before, out.setWidth(320).getWidth(), threw(() => out.setWidth(-1))];
    },
  },
  {
    id: 'utilities.us-ascii',
    ref: REF + 'utilities/utilities#base64encodewebsafedata,-charset',
    expected: ['Pz8=', 'threw'],
    how: "Utilities.base64EncodeWebSafe('é工', Utilities.Charset.US_ASCII) (Java writes '?' for what US-ASCII cannot encode), and a charset that is not a Charset",
    run: ({ svc }) => [
      svc.Utilities.base64EncodeWebSafe('é工', svc.Utilities.Charset.US_ASCII),
      threw(() => svc.Utilities.base64EncodeWebSafe('x', 'UTF_16' as never)),
    ],
  },
];
