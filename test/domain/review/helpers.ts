// Shared by the review tests (test/domain/review.test.ts, review/*.test.ts): times in Asia/Shanghai
// written as people read them, the zones and the week most cases use.
import { intlZone } from '../../../src/domain/zone';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const SH = intlZone('Asia/Shanghai');
export const LONDON = intlZone('Europe/London');
export const W19 = { year: 2024, week: 19 }; // Mon 2024-05-06 – Sun 05-12

/** 'MM-DD HH:mm' in 2024, or 'YYYY-MM-DD HH:mm', Asia/Shanghai (UTC+8, no DST). */
export function at(s: string): number {
  const [d, t] = s.split(' ');
  const parts = d.split('-').map(Number);
  const [y, M, D] = parts.length === 3 ? parts : [2024, ...parts];
  const [h, m] = t.split(':').map(Number);
  return Date.UTC(y, M - 1, D, h - 8, m);
}
