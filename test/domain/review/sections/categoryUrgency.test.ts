// The category × urgency section (src/domain/review/sections/categoryUrgency.ts) on its own: tickets
// created in the week, a "(not set)" row and column only when some ticket lacks the field.
import { categoryUrgencySection } from '../../../../src/domain/review/sections/categoryUrgency';
import { at, scopeOf, tk } from '../helpers';

describe('categoryUrgencySection', () => {
  it('counts the week’s new tickets by category and urgency, totals on both sides', () => {
    const scope = scopeOf([
      tk('H1', { submittedAt: at('05-06 09:00'), category: 'hardware', urgency: 'high' }),
      tk('H2', { submittedAt: at('05-12 23:59'), category: 'hardware', urgency: 'high' }),
      tk('S1', { submittedAt: at('05-08 09:00'), category: 'software', urgency: 'low' }),
      tk('U1', { submittedAt: at('05-09 09:00'), category: null, urgency: 'medium' }),
      tk('N1', { submittedAt: at('05-10 09:00'), category: 'network', urgency: null }),
      // Created the week before and the week after: not counted.
      tk('OLD', { submittedAt: at('05-05 23:59'), category: 'hardware', urgency: 'high' }),
      tk('NEW', { submittedAt: at('05-13 00:00'), category: 'hardware', urgency: 'high' }),
    ]);
    const { T } = scope;
    const section = categoryUrgencySection(scope);
    expect(section.table.header).toEqual([`${T.category} \\ ${T.urgency}`, 'High', 'Medium', 'Low', T.unset, T.total]);
    expect(section.table.rows).toEqual([
      ['Hardware', 2, 0, 0, 0, 2],
      ['Software', 0, 0, 1, 0, 1],
      ['Network', 0, 0, 0, 1, 1],
      ['Access', 0, 0, 0, 0, 0],
      ['Other', 0, 0, 0, 0, 0],
      [T.unset, 0, 1, 0, 0, 1],
      [T.total, 2, 1, 1, 1, 5],
    ]);
    expect(section.table.formats).toEqual(['text', 'int', 'int', 'int', 'int', 'int']);
  });

  it('an empty week: every category at zero, no "(not set)" row or column', () => {
    const scope = scopeOf([tk('OLD', { submittedAt: at('04-30 09:00'), category: null, urgency: null })]);
    const section = categoryUrgencySection(scope);
    expect(section.table.header).toHaveLength(5);
    expect(section.table.rows).toEqual([
      ['Hardware', 0, 0, 0, 0],
      ['Software', 0, 0, 0, 0],
      ['Network', 0, 0, 0, 0],
      ['Access', 0, 0, 0, 0],
      ['Other', 0, 0, 0, 0],
      [scope.T.total, 0, 0, 0, 0],
    ]);
  });
});
