// ISO weeks in the spreadsheet's zone (src/domain/review/week.ts): a week's bounds across clock
// changes and year ends, the previous week, the review sheet's name, and which week the hourly
// trigger builds (weeklyDue).
import { parseReviewSheetName, previousIsoWeek, reviewSheetName, shiftIsoWeek, weekBounds, weeklyDue } from '../../../src/domain/review';
import { HOUR, LONDON, SH, W19, at } from './helpers';

describe('weeks', () => {
  test('weekBounds: Monday 00:00 to next Monday 00:00 local', () => {
    expect(weekBounds(W19, SH)).toEqual({ start: Date.UTC(2024, 4, 5, 16), end: Date.UTC(2024, 4, 12, 16) });
  });
  test('weekBounds across the spring DST change (Europe/London, last Sunday of March 2024 = 03-31)', () => {
    const b = weekBounds({ year: 2024, week: 13 }, LONDON);
    expect(b.start).toBe(Date.UTC(2024, 2, 25, 0)); // Mon 03-25 00:00 GMT
    expect(b.end).toBe(Date.UTC(2024, 2, 31, 23)); // Mon 04-01 00:00 BST
    expect((b.end - b.start) / HOUR).toBe(167);
  });
  test('weekBounds across the autumn DST change (Europe/London, 2024-10-27)', () => {
    const b = weekBounds({ year: 2024, week: 43 }, LONDON);
    expect(b.start).toBe(Date.UTC(2024, 9, 20, 23)); // Mon 10-21 00:00 BST
    expect(b.end).toBe(Date.UTC(2024, 9, 28, 0)); // Mon 10-28 00:00 GMT
    expect((b.end - b.start) / HOUR).toBe(169);
  });
  test('week 53 and the year boundary', () => {
    expect(weekBounds({ year: 2020, week: 53 }, SH)).toEqual({
      start: Date.UTC(2020, 11, 27, 16),
      end: Date.UTC(2021, 0, 3, 16),
    });
    expect(weekBounds({ year: 2026, week: 1 }, SH).start).toBe(Date.UTC(2025, 11, 28, 16)); // 2025-12-29 00:00 +08
    expect(previousIsoWeek(at('2021-01-06 12:00'), SH)).toEqual({ year: 2020, week: 53 });
    expect(previousIsoWeek(at('2026-01-05 09:00'), SH)).toEqual({ year: 2026, week: 1 });
    expect(previousIsoWeek(at('2026-01-04 23:59'), SH)).toEqual({ year: 2025, week: 52 });
    expect(previousIsoWeek(at('2025-01-01 12:00'), SH)).toEqual({ year: 2024, week: 52 });
    expect(shiftIsoWeek({ year: 2020, week: 53 }, 1)).toEqual({ year: 2021, week: 1 });
    expect(shiftIsoWeek({ year: 2021, week: 1 }, -1)).toEqual({ year: 2020, week: 53 });
  });
  test('previousIsoWeek uses the zone’s calendar', () => {
    // Sunday 2024-05-12 20:00 UTC is already Monday 05-13 04:00 in Shanghai (W20) but Sunday in London (W19).
    expect(previousIsoWeek(Date.UTC(2024, 4, 12, 20), SH)).toEqual(W19);
    expect(previousIsoWeek(Date.UTC(2024, 4, 12, 20), LONDON)).toEqual({ year: 2024, week: 18 });
  });
  test('reviewSheetName', () => {
    expect(reviewSheetName(W19, 'zh')).toBe('周报 2024-W19');
    expect(reviewSheetName(W19, 'en')).toBe('Review 2024-W19');
    expect(reviewSheetName({ year: 2024, week: 5 }, 'zh')).toBe('周报 2024-W05');
    expect(parseReviewSheetName('周报 2024-W19')).toEqual(W19);
    expect(parseReviewSheetName('Review 2020-W53')).toEqual({ year: 2020, week: 53 });
    expect(parseReviewSheetName('Review 2021-W53')).toBeNull();
    expect(parseReviewSheetName('工单')).toBeNull();
  });
});

describe('weeklyDue (default Monday 09:00)', () => {
  const MON = { weekday: 1, hour: 9 };
  test('before the scheduled hour the week before last is due; it was built', () => {
    expect(weeklyDue('2024-W18', at('05-13 08:59'), SH, MON)).toBeNull();
  });
  test('from the scheduled hour the previous week is due, once', () => {
    expect(weeklyDue('2024-W18', at('05-13 09:00'), SH, MON)).toEqual(W19);
    expect(weeklyDue('2024-W19', at('05-13 09:00'), SH, MON)).toBeNull(); // doubled run
    expect(weeklyDue('2024-W19', at('05-13 10:00'), SH, MON)).toBeNull();
    expect(weeklyDue('2024-W19', at('05-19 23:59'), SH, MON)).toBeNull();
    expect(weeklyDue('2024-W19', at('05-20 09:00'), SH, MON)).toEqual({ year: 2024, week: 20 });
  });
  test('late runs still build; after skipped weeks only the latest due week', () => {
    expect(weeklyDue('2024-W18', at('05-15 14:00'), SH, MON)).toEqual(W19);
    expect(weeklyDue('2024-W15', at('05-13 10:00'), SH, MON)).toEqual(W19);
    // the trigger missed all of last week: W18 is still the most recent due week before Monday 09:00
    expect(weeklyDue('2024-W17', at('05-13 08:00'), SH, MON)).toEqual({ year: 2024, week: 18 });
  });
  test('never built, unreadable, or already ahead', () => {
    expect(weeklyDue(null, at('05-13 10:00'), SH, MON)).toEqual(W19);
    expect(weeklyDue('garbage', at('05-13 10:00'), SH, MON)).toEqual(W19);
    expect(weeklyDue('2024-W20', at('05-13 10:00'), SH, MON)).toBeNull();
  });
  test('other schedules, invalid schedule, year boundary', () => {
    const FRI = { weekday: 5, hour: 17 };
    expect(weeklyDue('2024-W18', at('05-17 16:59'), SH, FRI)).toBeNull();
    expect(weeklyDue('2024-W18', at('05-17 17:00'), SH, FRI)).toEqual({ year: 2024, week: 19 });
    expect(weeklyDue('2024-W18', at('05-19 23:30'), SH, { weekday: 7, hour: 23 })).toEqual(W19);
    expect(weeklyDue('2024-W18', at('05-13 08:00'), SH, { weekday: 0, hour: 9 })).toBeNull(); // falls back to Mon 09:00
    expect(weeklyDue('2024-W18', at('05-13 09:00'), SH, { weekday: 1, hour: 24 })).toEqual(W19);
    expect(weeklyDue('2024-W18', at('05-13 09:00'), SH)).toEqual(W19);
    expect(weeklyDue('2020-W52', at('2021-01-04 10:00'), SH, MON)).toEqual({ year: 2020, week: 53 });
    expect(weeklyDue('2020-W53', at('2021-01-04 10:00'), SH, MON)).toBeNull();
  });
  test('a scheduled hour skipped by DST (London, Sunday 2024-03-31 01:00) counts from 02:00 BST', () => {
    const SUN1 = { weekday: 7, hour: 1 };
    expect(weeklyDue('2024-W11', Date.UTC(2024, 2, 31, 0, 59), LONDON, SUN1)).toBeNull();
    expect(weeklyDue('2024-W11', Date.UTC(2024, 2, 31, 1, 0), LONDON, SUN1)).toEqual({
      year: 2024,
      week: 12,
    });
  });
});
