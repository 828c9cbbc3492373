// The hidden record (domain/record.ts): 提交人邮箱 joined the hashed fields (issue 17); records
// written before keep working, and say they do not know that field.
import { HASHED, changedFields, formatRecord, parseRecord, recordHash, recordKnows, recordNamesOnly } from '../../src/domain/record';
import { blankTicket } from '../../src/domain/ticket';

const tk = { ...blankTicket(), id: 'IT20240501001', status: 'pending' as const, title: 'x', notifyEmail: 'a@corp.example', lastUpdateAt: Date.UTC(2024, 4, 1) };

describe('record', () => {
  it('hashes every field, 提交人邮箱 last', () => {
    const rec = parseRecord(formatRecord(tk))!;
    expect(rec.hashes).toHaveLength(HASHED.length * 3);
    expect(HASHED[HASHED.length - 1]).toBe('notifyEmail');
    expect(recordKnows(rec, 'notifyEmail')).toBe(true);
    expect(changedFields(rec, tk)).toEqual([]);
    expect(changedFields(rec, { ...tk, notifyEmail: 'b@corp.example' })).toEqual(['notifyEmail']);
  });

  it('a record from before (one hash fewer) still reads; it does not know 提交人邮箱, and never reports it changed', () => {
    const older = formatRecord(tk).replace(/^([^|]*\|[^|]*\|[^|]*\|[0-9a-z]*)[0-9a-z]{3}$/, '$1');
    const rec = parseRecord(older)!;
    expect(rec.hashes).toHaveLength((HASHED.length - 1) * 3);
    expect(recordKnows(rec, 'notifyEmail')).toBe(false);
    expect(recordHash(rec, 'title')).toBe(parseRecord(formatRecord(tk))!.hashes.slice(0, 3));
    expect(changedFields(rec, { ...tk, notifyEmail: 'b@corp.example' })).toEqual([]);
    expect(changedFields(rec, { ...tk, title: 'y' })).toEqual(['title']);
  });

  it('hashes of any other length are not trusted (every field reads as changed)', () => {
    const odd = formatRecord(tk).replace(/^([^|]*\|[^|]*\|[^|]*\|[0-9a-z]*)[0-9a-z]{4}$/, '$1');
    expect(parseRecord(odd)!.hashes).toBe('');
    expect(changedFields(parseRecord(odd)!, tk)).toEqual([...HASHED]);
  });
});

describe('recordNamesOnly', () => {
  const rec = (id: string) => formatRecord({ ...blankTicket(), id, status: 'pending', lastUpdateAt: 1_700_000_000_000 });
  it('answers yes only where parseRecord could name nothing else', () => {
    expect(recordNamesOnly(rec('IT20240501001'), 'IT20240501001')).toBe(true);
    expect(recordNamesOnly(rec('IT20240501001'), 'IT20240501001', 'pending')).toBe(true);
    expect(recordNamesOnly(rec('IT20240501001'), 'IT20240501001', 'closed')).toBe(false);
    expect(recordNamesOnly(rec('IT20240501001'), 'IT2024050100')).toBe(false); // a prefix of the ID is not the ID
    expect(recordNamesOnly(rec('IT20240501002'), 'IT20240501001')).toBe(false);
    expect(recordNamesOnly(`|IT20240501001|x|`, 'IT20240501001', null)).toBe(true);
    expect(recordNamesOnly('', 'IT20240501001')).toBe(false);
    expect(recordNamesOnly(rec('IT1'), '')).toBe(false);
    // A record cannot carry |: written for A|1 it reads back as A, so it is left to the parse.
    expect(parseRecord(rec('A|1'))?.id).toBe('A');
    expect(recordNamesOnly(rec('A|1'), 'A|1')).toBe(false);
  });
});
