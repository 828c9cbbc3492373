// Auto-close timing (issue 18) on the team calendar: N working days of working time after the
// resolution, the reminder one working day before, weekends and holidays skipped.
import type { DueStep } from '../../src/domain/autoClose';
import { autoCloseStep, autoCloseTimes, parseReminded, pickBatch, workingDayMs } from '../../src/domain/autoClose';
import { defaultCalendar } from '../../src/domain/calendar';
import { intlZone } from '../../src/domain/zone';

const cal = defaultCalendar(intlZone('Asia/Shanghai'));
const at = (s: string) => Date.parse(`${s}+08:00`);
const iso = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('autoCloseTimes', () => {
  it('counts working days over a weekend: Fri 16:00 + 3 → reminder Tue 16:00, close Wed 16:00', () => {
    const t = autoCloseTimes(cal, at('2024-05-03T16:00:00'), 3);
    expect([iso(t.remindAt), iso(t.closeAt)]).toEqual(['2024-05-07 16:00', '2024-05-08 16:00']);
  });

  it('skips a holiday and counts a make-up day', () => {
    const holiday = { ...cal, holidays: ['2024-05-06'] };
    expect(iso(autoCloseTimes(holiday, at('2024-05-03T16:00:00'), 3).closeAt)).toBe('2024-05-09 16:00');
    const makeUp = { ...cal, extraWorkDays: ['2024-05-04'] };
    expect(iso(autoCloseTimes(makeUp, at('2024-05-03T16:00:00'), 1).closeAt)).toBe('2024-05-04 16:00');
  });

  it('a resolution outside working hours counts from the next working morning', () => {
    expect(iso(autoCloseTimes(cal, at('2024-05-03T20:00:00'), 1).closeAt)).toBe('2024-05-06 18:00');
  });

  it('a working day is the daily hours less breaks', () => {
    expect(workingDayMs(cal)).toBe(9 * 3_600_000);
    expect(workingDayMs({ ...cal, breaks: [{ start: 720, end: 780 }] })).toBe(8 * 3_600_000);
  });
});

describe('autoCloseStep', () => {
  const resolved = at('2024-05-03T16:00:00');
  it('reminds first, then closes only a working day after the reminder', () => {
    expect(autoCloseStep(cal, at('2024-05-07T15:59:00'), resolved, 3, null)).toBeNull();
    expect(autoCloseStep(cal, at('2024-05-07T16:00:00'), resolved, 3, null)).toBe('remind');
    // Past the close time but never reminded (the sweep did not run): the reminder comes first.
    expect(autoCloseStep(cal, at('2024-05-10T09:00:00'), resolved, 3, null)).toBe('remind');
    expect(autoCloseStep(cal, at('2024-05-10T09:00:00'), resolved, 3, at('2024-05-10T09:00:00'))).toBeNull();
    expect(autoCloseStep(cal, at('2024-05-13T09:00:00'), resolved, 3, at('2024-05-10T09:00:00'))).toBe('close');
    expect(autoCloseStep(cal, at('2024-05-08T16:00:00'), resolved, 3, at('2024-05-07T16:00:00'))).toBe('close');
  });

  it('reads a broken stored list as empty', () => {
    expect(parseReminded('x')).toEqual([]);
    expect(parseReminded([['IT1', 1, 2], ['IT2', 1]])).toEqual([['IT1', 1, 2]]);
  });
});

describe('pickBatch', () => {
  const step = (id: string, row: number, resolvedAt: number, s: DueStep['step']): DueStep => ({ id, row, resolvedAt, step: s });

  it('takes closes first, then the oldest resolutions, up to the limit; the rest wait', () => {
    const due = [step('R1', 2, 30, 'remind'), step('C1', 3, 20, 'close'), step('R0', 4, 10, 'remind'), step('C0', 5, 25, 'close')];
    expect(pickBatch(due, 3, 100, 10)).toEqual({ picked: [due[1], due[3], due[2]], deferred: 1 });
  });

  it('keeps the batch within the span one block read covers', () => {
    const due = [step('A', 2, 1, 'close'), step('B', 5000, 2, 'close'), step('C', 1500, 3, 'close')];
    const { picked, deferred } = pickBatch(due, 50, 2000, 10);
    expect(picked.map((d) => d.id)).toEqual(['A', 'C']);
    expect(deferred).toBe(1);
  });

  it('reminds only while the reminded list has room; closes are not limited by it', () => {
    const due = [step('R1', 2, 1, 'remind'), step('R2', 3, 2, 'remind'), step('C', 4, 3, 'close')];
    expect(pickBatch(due, 50, 2000, 1).picked.map((d) => d.id)).toEqual(['C', 'R1']);
  });
});
