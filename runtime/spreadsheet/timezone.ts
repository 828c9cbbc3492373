// Wall-clock time in an IANA zone, and spreadsheet serial numbers (days since 1899-12-30 in the
// spreadsheet's zone). Dates in a sheet are wall-clock values of the spreadsheet zone, so every
// conversion goes through here. Offsets come from the one zone implementation (services/tz.ts).
import { offsetMinutes } from '../services/tz';

export interface Wall {
  y: number;
  mo: number; // 1-12
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  dow: number; // 0 = Sunday
}

/** Offset of `tz` from UTC at instant `epochMs`, in ms (e.g. +8 h for Asia/Shanghai). */
export function tzOffset(tz: string, epochMs: number): number {
  return offsetMinutes(epochMs, tz) * 60_000;
}

export function toWall(tz: string, epochMs: number): Wall {
  const t = new Date(epochMs + tzOffset(tz, epochMs));
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
    ms: t.getUTCMilliseconds(),
    dow: t.getUTCDay(),
  };
}

/** Epoch ms of a wall-clock time in `tz` (DST gaps resolve forward, as Sheets does). */
export function fromWall(tz: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  let guess = asUtc - tzOffset(tz, asUtc);
  // second pass settles instants near a DST change
  guess = asUtc - tzOffset(tz, guess);
  return guess;
}

const EPOCH_1899 = Date.UTC(1899, 11, 30);
const DAY = 86400000;

/** Serial number of an instant, as the sheet sees it in `tz`. */
export function toSerial(tz: string, epochMs: number): number {
  return (epochMs + tzOffset(tz, epochMs) - EPOCH_1899) / DAY;
}

export function fromSerial(tz: string, serial: number): number {
  return utcAsWall(tz, Math.round(EPOCH_1899 + serial * DAY));
}

/** Epoch ms whose UTC fields equal the wall time in `tz` (what ExcelJS expects for a date). */
export function wallAsUtc(tz: string, epochMs: number): number {
  return epochMs + tzOffset(tz, epochMs);
}

export function utcAsWall(tz: string, utcMs: number): number {
  const t = new Date(utcMs);
  return fromWall(
    tz,
    t.getUTCFullYear(),
    t.getUTCMonth() + 1,
    t.getUTCDate(),
    t.getUTCHours(),
    t.getUTCMinutes(),
    t.getUTCSeconds(),
    t.getUTCMilliseconds(),
  );
}
