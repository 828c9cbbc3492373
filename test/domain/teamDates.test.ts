// Issue 23: dates as teams write them, and the day/month order decided from the whole column.
import { cellToInstant } from '../../src/domain/columns';
import { dayMonthOrder, parseTeamDate, partsToInstant, teamCellInstant } from '../../src/domain/teamDates';
import { intlZone } from '../../src/domain/zone';

const SH = intlZone('Asia/Shanghai');
const NY = intlZone('America/New_York');
const at = (iso: string) => Date.parse(iso);

describe('parseTeamDate: one cell', () => {
  it.each([
    ['2025-01-14T10:23:31Z', '2025-01-14T10:23:31Z'],
    ['2025-01-14T10:23:31.123Z', '2025-01-14T10:23:31.123Z'],
    ['2025-01-14T10:23:31.123456+08:00', '2025-01-14T10:23:31.123+08:00'],
    ['2025-01-14T10:23:31-0500', '2025-01-14T10:23:31-05:00'],
    ['2025-01-14 10:23:31.5', '2025-01-14T10:23:31.500+08:00'],
    ['2025-01-14T10:23', '2025-01-14T10:23:00+08:00'],
    ['2025/1/14 10:23:31', '2025-01-14T10:23:31+08:00'],
    ['2025年1月14日 10:23', '2025-01-14T10:23:00+08:00'],
    ['2025年1月14日 下午3:05', '2025-01-14T15:05:00+08:00'],
    ['2025/1/14 上午12:30', '2025-01-14T00:30:00+08:00'],
    ['1/14/25 10:23', '2025-01-14T10:23:00+08:00'],
    ['1/14/2025 10:23 AM', '2025-01-14T10:23:00+08:00'],
    ['1/14/2025 12:05 AM', '2025-01-14T00:05:00+08:00'],
    ['1/14/2025 12:05 PM', '2025-01-14T12:05:00+08:00'],
    ['1/14/2025 3:07:09 pm', '2025-01-14T15:07:09+08:00'],
    ['14-01-2025 10:23', '2025-01-14T10:23:00+08:00'],
    ['29/2/2016 01:16', '2016-02-29T01:16:00+08:00'],
    ['14.01.2025', '2025-01-14T00:00:00+08:00'],
    ['Jan 14, 2025', '2025-01-14T00:00:00+08:00'],
    ['January 14 2025 10:23 AM', '2025-01-14T10:23:00+08:00'],
    ['Tue Jan 14 2025 10:23:31', '2025-01-14T10:23:31+08:00'],
    ['14 Jan 2025 09:00', '2025-01-14T09:00:00+08:00'],
    ['14-Jan-25', '2025-01-14T00:00:00+08:00'],
    ['14th January 2025', '2025-01-14T00:00:00+08:00'],
    ['2024-05-0109:15', '2024-05-01T09:15:00+08:00'],
  ])('%p', (text, iso) => {
    const p = parseTeamDate(text);
    expect(p).not.toBeNull();
    expect(partsToInstant(p!, SH)).toBe(at(iso));
    expect(cellToInstant(text, SH)).toBe(at(iso));
  });

  it('a text without an offset is wall time in the sheet zone; one with an offset is that instant anywhere', () => {
    expect(teamCellInstant('1/14/2025 10:23 AM', NY)).toBe(at('2025-01-14T10:23:00-05:00'));
    expect(teamCellInstant('2025-01-14T10:23:00Z', NY)).toBe(at('2025-01-14T10:23:00Z'));
  });

  it.each([
    ['03/04/2025'], // ambiguous alone
    ['13/13/2025'],
    ['2/30/2025'],
    ['1/14/2025 13:00 PM'],
    ['1/14/2025 0:30 AM'],
    ['24-05-01 09:15'], // yy-mm-dd or dd-mm-yy: unreadable
    ['Foo 14, 2025'],
    ['2025-01-14T25:00'],
    ['2025-01-14T10:23:31+8'],
    ['14/01'],
    ['1899-12-30'],
    ['next tuesday'],
  ])('%p → null', (text) => {
    expect(parseTeamDate(text)).toBeNull();
    expect(cellToInstant(text, SH)).toBeNull();
  });
});

describe('dayMonthOrder: the column decides', () => {
  it('a day above 12 anywhere settles the whole column', () => {
    const col = ['03/04/2025 10:00', '14/04/2025 09:00', new Date(0), '', '2025-01-01'];
    const d = dayMonthOrder(col);
    expect(d).toEqual({ order: 'dmy', basis: 'evidence', ambiguous: 1 });
    expect(teamCellInstant('03/04/2025 10:00', SH, d)).toBe(at('2025-04-03T10:00:00+08:00'));
  });

  it('a month-first column', () => {
    const d = dayMonthOrder(['3/4/25 10:00 AM', '12/31/24 5:00 PM']);
    expect(d).toEqual({ order: 'mdy', basis: 'evidence', ambiguous: 1 });
    expect(teamCellInstant('3/4/25 10:00 AM', SH, d)).toBe(at('2025-03-04T10:00:00+08:00'));
  });

  it('all ambiguous: slashes are read month first, dashes and dots day first, and it says so', () => {
    expect(dayMonthOrder(['03/04/2025', '05/06/2025'])).toEqual({
      order: 'mdy',
      basis: 'default',
      ambiguous: 2,
    });
    expect(dayMonthOrder(['03-04-2025', '05.06.2025'])).toEqual({
      order: 'dmy',
      basis: 'default',
      ambiguous: 2,
    });
  });

  it('a column that contradicts itself reads only its unambiguous cells', () => {
    const d = dayMonthOrder(['13/01/2025', '01/13/2025', '03/04/2025']);
    expect(d.basis).toBe('conflict');
    expect(teamCellInstant('03/04/2025', SH, d)).toBeNull();
    expect(teamCellInstant('13/01/2025', SH, d)).toBe(at('2025-01-13T00:00:00+08:00'));
  });

  it('no day-month cells at all', () => {
    expect(dayMonthOrder(['2025-01-14', new Date(0), 42]).basis).toBe('none');
  });
});
