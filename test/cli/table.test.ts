// Text rendering for `show`: widths of Chinese text, truncation, colour names of SLA backgrounds.
import { colourName, displayWidth, renderTable, rowColour, truncate } from '../../cli/table';

test.each([
  { hex: '#ffffff', name: '' },
  { hex: '#f4cccc', name: 'red' },
  { hex: '#fce5cd', name: 'orange' },
  { hex: '#fff2cc', name: 'yellow' },
  { hex: '#d9ead3', name: 'green' },
  { hex: '#cfe2f3', name: 'blue' },
  { hex: '#d9d9d9', name: 'grey' },
])('colourName($hex) = "$name"', ({ hex, name }) => {
  expect(colourName(hex)).toBe(name);
});

test('Chinese characters are two columns wide; truncation keeps the width', () => {
  expect(displayWidth('问题编号')).toBe(8);
  expect(truncate('打印机无法连接网络已经两天了', 10)).toBe('打印机无…');
  expect(displayWidth(truncate('打印机无法连接网络已经两天了', 10))).toBeLessThanOrEqual(10);
});

test('renderTable aligns columns and names row colours', () => {
  const t = renderTable([['ID', '标题'], ['IT001', '打印机']], { colours: ['', rowColour(['#f4cccc', '#f4cccc', null])] });
  expect(t.split('\n')).toEqual(['ID    │ 标题', '──────┼────────┼────', 'IT001 │ 打印机 │ red']);
});
