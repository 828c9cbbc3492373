// The department section (src/domain/review/sections/department.ts) on its own: created and
// resolved in the week, open at its end, busiest first.
import { departmentSection } from '../../../../src/domain/review/sections/department';
import { at, scopeOf, tk } from '../helpers';

describe('departmentSection', () => {
  it('groups by department (blank: not set), sorted by created, then open, then resolved', () => {
    const scope = scopeOf([
      tk('F1', { department: '财务部', submittedAt: at('05-06 10:00'), status: 'pending' }),
      tk('F2', { department: '财务部', submittedAt: at('05-07 10:00'), resolvedAt: at('05-08 10:00'), status: 'resolved' }),
      tk('U1', { department: '  ', submittedAt: at('05-08 10:00'), status: 'pending' }),
      // From earlier weeks: one resolved in W19, one still open (an archived closed one counts nowhere).
      tk('R1', { department: '研发部', submittedAt: at('04-30 10:00'), resolvedAt: at('05-07 10:00'), status: 'resolved' }),
      tk('R2', { department: '研发部', submittedAt: at('04-22 10:00'), status: 'pending' }),
      tk('AR', { department: '研发部', submittedAt: at('2023-01-05 10:00'), resolvedAt: at('2023-01-06 10:00'), status: 'closed' }),
    ]);
    const { T } = scope;
    const section = departmentSection(scope);
    expect(section.table.header).toEqual([T.department, ...T.departmentCols]);
    // 财务部 created 2 (F1, F2), resolved 1 (F2), open 1 (F1); (not set) 1/0/1 (U1); 研发部 0/1/1 (R1; R2).
    expect(section.table.rows).toEqual([
      ['财务部', 2, 1, 1],
      [T.unset, 1, 0, 1],
      ['研发部', 0, 1, 1],
      [T.total, 3, 2, 3],
    ]);
  });

  it('an empty week has only the total row', () => {
    const scope = scopeOf([]);
    expect(departmentSection(scope).table.rows).toEqual([[scope.T.total, 0, 0, 0]]);
  });
});
