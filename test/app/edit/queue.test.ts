// Rows off their hidden record (src/app/edit/queue.ts), as the sweep asks of every row: a record
// naming another ticket or another status is off; one naming the row's own is not, whether or not
// it can be read. The sweep skips the parse for the common case; these cases hold it to the parse.
import { rowsOffRecord } from '../../../src/app/edit/queue';
import { recordOf } from '../../../src/domain/record';
import { blankTicket } from '../../../src/domain/ticket';

const rec = (id: string, status: 'pending' | 'closed') => recordOf({ ...blankTicket(), id, status, lastUpdateAt: 1_700_000_000_000 });

describe('rowsOffRecord', () => {
  it.each([
    ['its own record', ['IT20240501001', '待处理', rec('IT20240501001', 'pending')], false],
    ['its own record with spaces around it', ['IT20240501001', '待处理', ` ${rec('IT20240501001', 'pending')} `], false],
    ['another ticket’s record (a sort)', ['IT20240501001', '待处理', rec('IT20240501002', 'pending')], true],
    ['its record with another status (the status column sorted alone)', ['IT20240501001', '已关闭', rec('IT20240501001', 'pending')], true],
    ['no record', ['IT20240501001', '待处理', ''], false],
    ['text that is not a record', ['IT20240501001', '待处理', 'pending|IT20240501001|zz zz'], false],
    // A record cannot carry `|` in an ID: written for `A|1` it reads back as ticket `A`, so it is off.
    ['an ID holding |', ['A|1', '待处理', rec('A|1', 'pending')], true],
  ])('%s', (_name, row, off) => {
    expect(rowsOffRecord([row], 0, 1, 2, 2)).toEqual(off ? [2] : []);
  });
});
