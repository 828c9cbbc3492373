// A hand edit of the ticket sheet's header row (src/app/edit/header.ts), through the built bundle: a
// header pasted or typed over so that it names no field is put back, a rename to another recognised
// name is kept, and the column stays tracked.
import { submit, ticketRows, trackerRuntime, ticketCell as cell } from '../helpers';

describe('hand edits of the header row', () => {
  it('a paste over the header row keeps the status column tracked (header put back)', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    rt.edit('工单!I1:I2', [['处理中'], ['处理中']]);
    expect(ticketRows(rt)[0][8]).toBe('当前状态');
    // …and later hand edits of the status are still checked.
    rt.edit('工单!I2', '待处理');
    expect(cell(rt, id, '当前状态')).toBe('处理中');
    // Typing over one header cell likewise; renaming to another recognised name is kept.
    rt.edit('工单!I1', '随便');
    expect(ticketRows(rt)[0][8]).toBe('当前状态');
    rt.edit('工单!I1', '状态');
    expect(ticketRows(rt)[0][8]).toBe('状态');
  });
});
