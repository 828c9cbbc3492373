import {
  backfillIds,
  formatTicketId,
  highestSerials,
  nextTicketId,
  parseTicketId,
} from '../../src/domain/ticketId';

describe('parseTicketId', () => {
  it.each([
    ['IT20240501001', '20240501', 1],
    ['IT20240501010', '20240501', 10],
    ['IT20240501999', '20240501', 999],
    ['IT202405011000', '20240501', 1000],
    ['IT2024050112345', '20240501', 12345],
    ['  IT20240501002  ', '20240501', 2],
  ])('%p → %s #%d', (id, date, serial) => {
    expect(parseTicketId(id)).toEqual({ date, serial });
  });

  it.each([
    'IT20240501000', // serial 0 is never issued
    'IT202405010001', // over-padded
    'IT2024050101', // too few serial digits
    'IT2024050', // too short
    'it20240501001',
    'TK20240501001',
    'IT 20240501001',
    'IT20240501001a',
    'IT-20240501-001',
    '20240501001',
    '',
    'IT２０２４０５０１００１', // full-width digits are not written by us
  ])('%p → null', (id) => {
    expect(parseTicketId(id)).toBeNull();
  });

  it.each([null, undefined, 20240501001, {}, ['IT20240501001'], new Date()])('non-string %p → null', (v) => {
    expect(parseTicketId(v)).toBeNull();
  });
});

describe('formatTicketId', () => {
  it.each([
    [1, 'IT20240501001'],
    [42, 'IT20240501042'],
    [999, 'IT20240501999'],
    [1000, 'IT202405011000'],
    [12345, 'IT2024050112345'],
  ])('serial %d → %s', (serial, id) => {
    expect(formatTicketId('20240501', serial)).toBe(id);
    expect(parseTicketId(id)).toEqual({ date: '20240501', serial });
  });

  it.each([
    ['2024051', 1],
    ['2024-05-01', 1],
    ['20240501', 0],
    ['20240501', -1],
    ['20240501', 1.5],
    ['20240501', NaN],
  ])('refuses %p / %p', (date, serial) => {
    expect(() => formatTicketId(date, serial)).toThrow(/bad ticket id parts/);
  });
});

describe('nextTicketId', () => {
  it('starts each day at 001', () => {
    expect(nextTicketId([], '20240501')).toBe('IT20240501001');
    expect(nextTicketId(['IT20240501001', 'IT20240501002'], '20240502')).toBe('IT20240502001');
  });

  it('continues the day across two days of IDs, in any order', () => {
    const ids = ['IT20240502001', 'IT20240501003', 'IT20240501001', 'IT20240502002', 'IT20240501002'];
    expect(nextTicketId(ids, '20240501')).toBe('IT20240501004');
    expect(nextTicketId(ids, '20240502')).toBe('IT20240502003');
    expect(nextTicketId(ids, '20240503')).toBe('IT20240503001');
  });

  it('goes past 999 to 1000 and on', () => {
    expect(nextTicketId(['IT20240501998', 'IT20240501999'], '20240501')).toBe('IT202405011000');
    const after = nextTicketId(['IT20240501999', 'IT202405011000'], '20240501');
    expect(after).toBe('IT202405011001');
    expect(parseTicketId('IT202405011000')).toEqual({ date: '20240501', serial: 1000 });
    // 1000 sorts after 999 numerically even though it sorts before it as text
    expect(nextTicketId(['IT202405011000', 'IT20240501999'], '20240501')).toBe('IT202405011001');
  });

  it('never fills gaps (IDs are never reused)', () => {
    expect(nextTicketId(['IT20240501001', 'IT20240501007'], '20240501')).toBe('IT20240501008');
    expect(nextTicketId(['IT20240501005'], '20240501')).toBe('IT20240501006');
  });

  it('ignores junk in the column', () => {
    const ids = [
      '问题编号',
      '',
      null,
      undefined,
      12,
      new Date(),
      'IT20240501',
      'IT20240501003x',
      'IT202405010009',
      'IT20240501002',
      '  IT20240501004 ',
    ];
    expect(nextTicketId(ids, '20240501')).toBe('IT20240501005');
    expect(highestSerials(ids)).toEqual(new Map([['20240501', 4]]));
  });
});

describe('backfillIds', () => {
  it('orders by submit time and continues after existing serials', () => {
    const out = backfillIds(
      ['IT20240501001', 'IT20240501002', 'IT20240502005'],
      [
        { row: 10, date: '20240501', at: 3000 },
        { row: 11, date: '20240501', at: 1000 },
        { row: 12, date: '20240502', at: 5000 },
        { row: 13, date: '20240503', at: 4000 },
        { row: 14, date: '20240501', at: 2000 },
      ],
    );
    expect(Object.fromEntries(out)).toEqual({
      11: 'IT20240501003',
      14: 'IT20240501004',
      10: 'IT20240501005',
      12: 'IT20240502006',
      13: 'IT20240503001',
    });
  });

  it('rows with no time go after the timed ones, in sheet order', () => {
    const out = backfillIds(
      [],
      [
        { row: 5, date: '20240501', at: null },
        { row: 2, date: '20240501', at: null },
        { row: 7, date: '20240501', at: 100 },
        { row: 9, date: '20240501', at: null },
        { row: 3, date: '20240501', at: 50 },
      ],
    );
    expect(Object.fromEntries(out)).toEqual({
      3: 'IT20240501001',
      7: 'IT20240501002',
      5: 'IT20240501003',
      2: 'IT20240501004',
      9: 'IT20240501005',
    });
  });

  it('equal times keep sheet order', () => {
    const out = backfillIds(
      [],
      [
        { row: 4, date: '20240501', at: 100 },
        { row: 1, date: '20240501', at: 100 },
        { row: 2, date: '20240501', at: 100 },
      ],
    );
    expect([...out.entries()]).toEqual([
      [4, 'IT20240501001'],
      [1, 'IT20240501002'],
      [2, 'IT20240501003'],
    ]);
  });

  it('crosses 999 and ignores junk among existing IDs', () => {
    const out = backfillIds(
      ['IT20240501998', 'junk', null],
      [
        { row: 1, date: '20240501', at: 1 },
        { row: 2, date: '20240501', at: 2 },
        { row: 3, date: '20240501', at: 3 },
      ],
    );
    expect(out.get(1)).toBe('IT20240501999');
    expect(out.get(2)).toBe('IT202405011000');
    expect(out.get(3)).toBe('IT202405011001');
  });

  it('never returns an ID already in the sheet', () => {
    const existing = ['IT20240501001', 'IT20240501003'];
    const out = backfillIds(existing, [
      { row: 1, date: '20240501', at: null },
      { row: 2, date: '20240501', at: null },
    ]);
    const all = [...existing, ...out.values()];
    expect(new Set(all).size).toBe(all.length);
    expect([...out.values()]).toEqual(['IT20240501004', 'IT20240501005']);
  });

  it('does not mutate its input and returns nothing for nothing', () => {
    const missing = [
      { row: 2, date: '20240501', at: 9 },
      { row: 1, date: '20240501', at: 1 },
    ];
    const copy = JSON.parse(JSON.stringify(missing));
    backfillIds([], missing);
    expect(missing).toEqual(copy);
    expect(backfillIds(['IT20240501001'], []).size).toBe(0);
  });
});
