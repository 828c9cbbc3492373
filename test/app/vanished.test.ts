// The IDs a sweep has seen (src/app/vanished.ts): each row's ID and the ID its record names, so a
// ticket is not taken for lost while a sort has its record on another row.
import { addIds } from '../../src/app/vanished';
import { recordOf } from '../../src/domain/record';
import { blankTicket } from '../../src/domain/ticket';

const rec = (id: string) => recordOf({ ...blankTicket(), id, status: 'pending', lastUpdateAt: 1_700_000_000_000 });
const seen = (id: unknown, record: unknown): string[] => {
  const into = new Set<string>();
  addIds(into, id, record);
  return [...into].sort();
};

describe('addIds', () => {
  it('the row’s ID, and the ID its record names when that is another', () => {
    expect(seen('IT20240501001', rec('IT20240501001'))).toEqual(['IT20240501001']);
    expect(seen(' IT20240501001 ', ` ${rec('IT20240501001')}`)).toEqual(['IT20240501001']);
    expect(seen('IT20240501001', rec('IT20240501002'))).toEqual(['IT20240501001', 'IT20240501002']);
    expect(seen('', rec('IT20240501002'))).toEqual(['IT20240501002']);
    expect(seen('IT20240501001', 'not a record')).toEqual(['IT20240501001']);
  });

  it('an ID holding | : its record reads back as another ID, which counts as seen too', () => {
    expect(seen('A|1', rec('A|1'))).toEqual(['A', 'A|1']);
  });
});
