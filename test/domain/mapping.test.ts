// The admin's corrections to an adopted sheet's mapping, read from the settings sheet (issue 23).
import { matchHeaderRow } from '../../src/domain/columns';
import { mappingRows, parseDateOrder, parseMapping } from '../../src/domain/mapping';

describe('parseMapping', () => {
  it('reads column corrections in either language, "-" for none, and the date order; ignores other settings', () => {
    const m = parseMapping([
      ['工作日', '周一至周五'],
      ['列：提交时间', 'Wann'],
      ['Column: Assignee', 'Agent Assigned'],
      ['column:title', ' Was '],
      ['Column: Notes', '-'],
      ['Column: Contact', ''],
      ['Column: Nonsense', 'x'],
      ['Date order', 'day first (d/m/y)'],
    ]);
    expect(m).toEqual({
      overrides: { submittedAt: 'Wann', assignee: 'Agent Assigned', title: 'Was', notes: null },
      dateOrder: 'dmy',
    });
  });

  it.each([
    ['d/m/y', 'dmy'],
    ['DD/MM/YYYY', 'dmy'],
    ['日/月/年', 'dmy'],
    ['m/d/y', 'mdy'],
    ['month first (m/d/y)', 'mdy'],
    ['月/日/年', 'mdy'],
    ['y/m/d', null],
    ['', null],
  ])('date order %p → %p', (v, order) => {
    expect(parseDateOrder(v)).toBe(order);
  });
});

describe('corrections applied to a header', () => {
  const header = ['Ticket Number', 'Subject', 'Assigned To', 'Agent Assigned', 'Wann', 'Notes'];

  it('a corrected field takes the named column; the column it had stays the team’s own', () => {
    const { columns, extra } = matchHeaderRow(header, { assignee: 'agent assigned', submittedAt: 'Wann', notes: null });
    expect(columns).toEqual({ id: 0, title: 1, assignee: 3, submittedAt: 4 });
    expect(extra.map((e) => e.header)).toEqual(['Assigned To', 'Notes']);
  });

  it('setup writes one row per guessed column, in the sheet’s language', () => {
    const { columns } = matchHeaderRow(header);
    expect(mappingRows(header, columns, 'en', 'help')).toEqual([
      ['Column: Ticket ID', 'Ticket Number', 'help'],
      ['Column: Title', 'Subject', 'help'],
      ['Column: Assignee', 'Assigned To', 'help'],
    ]);
    expect(mappingRows(['问题编号', '工单标题'], { id: 0, title: 1 }, 'zh', '说明')).toEqual([['列：问题标题', '工单标题', '说明']]);
  });
});
