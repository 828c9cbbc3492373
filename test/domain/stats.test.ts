// The order statistics of the review's times (src/domain/stats.ts).
import { median, percentileNearestRank } from '../../src/domain/stats';

describe('stats', () => {
  test('median: middle value, mean of the two middle values for an even count', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  test('nearest-rank percentile: value at rank ⌈p/100·n⌉ of the sorted values', () => {
    const v = [15, 20, 35, 40, 50];
    expect(percentileNearestRank(v, 5)).toBe(15); // rank ⌈0.25⌉ = 1
    expect(percentileNearestRank(v, 30)).toBe(20); // rank ⌈1.5⌉ = 2
    expect(percentileNearestRank(v, 40)).toBe(20); // rank 2
    expect(percentileNearestRank(v, 50)).toBe(35); // rank ⌈2.5⌉ = 3
    expect(percentileNearestRank(v, 100)).toBe(50);
    expect(percentileNearestRank(v, 0)).toBe(15);
    const ten = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(percentileNearestRank(ten, 90)).toBe(9); // rank 9 exactly, not 10
    expect(
      percentileNearestRank(
        Array.from({ length: 20 }, (_, i) => i + 1),
        90,
      ),
    ).toBe(18);
    expect(
      percentileNearestRank(
        Array.from({ length: 11 }, (_, i) => i + 1),
        90,
      ),
    ).toBe(10); // ⌈9.9⌉
    expect(percentileNearestRank([], 90)).toBeNull();
    expect(ten).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]); // input not mutated
  });
});
