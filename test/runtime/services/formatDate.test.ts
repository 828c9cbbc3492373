// Utilities.formatDate fidelity: reference/utilities/utilities#formatdatedate,-timezone,-format
// (Java SimpleDateFormat patterns; docs.oracle.com/javase/7/docs/api/java/text/SimpleDateFormat.html).
import { LocalUtilities } from '../../../runtime/services/utilities';
import { testContext } from './helpers';

const { ctx, executions } = testContext();
const U = new LocalUtilities(ctx, executions);
const at = (iso: string) => new Date(iso);

describe('Utilities.formatDate', () => {
  test.each([
    // Asia/Shanghai: UTC+8, no DST
    { date: '2024-05-06T01:02:03.004Z', tz: 'Asia/Shanghai', pattern: 'yyyyMMdd', out: '20240506' },
    { date: '2024-05-06T01:02:03.004Z', tz: 'Asia/Shanghai', pattern: 'yyyy-MM-dd HH:mm:ss.SSS', out: '2024-05-06 09:02:03.004' },
    { date: '2024-05-05T16:30:00Z', tz: 'Asia/Shanghai', pattern: 'yyyy-MM-dd HH:mm', out: '2024-05-06 00:30' },
    { date: '2024-05-06T01:02:03Z', tz: 'Asia/Shanghai', pattern: 'yy/M/d H:m', out: '24/5/6 9:2' },
    { date: '2024-05-06T13:02:03Z', tz: 'Asia/Shanghai', pattern: 'hh:mm a', out: '09:02 PM' },
    { date: '2024-05-06T04:00:00Z', tz: 'Asia/Shanghai', pattern: 'h a', out: '12 PM' },
    { date: '2024-05-06T01:00:00Z', tz: 'Asia/Shanghai', pattern: 'EEE EEEE u', out: 'Mon Monday 1' },
    { date: '2024-05-12T01:00:00Z', tz: 'Asia/Shanghai', pattern: 'EEE u', out: 'Sun 7' },
    { date: '2024-05-06T01:00:00Z', tz: 'Asia/Shanghai', pattern: 'Z XXX', out: '+0800 +08:00' },
    { date: '2024-05-06T01:00:00Z', tz: 'Asia/Shanghai', pattern: "yyyy'年'M'月'd'日'", out: '2024年5月6日' },
    { date: '2024-05-06T01:00:00Z', tz: 'Asia/Shanghai', pattern: "'It''s' HH 'o''clock'", out: "It's 09 o'clock" },
    { date: '2024-05-06T01:00:00Z', tz: 'Asia/Shanghai', pattern: 'MMM MMMM', out: 'May May' },
    // US week rules for w (Sunday-first, week 1 holds 1 January)
    { date: '2024-01-01T04:00:00Z', tz: 'UTC', pattern: 'w', out: '1' },
    { date: '2024-01-07T04:00:00Z', tz: 'UTC', pattern: 'w', out: '2' },
    { date: '2024-05-06T04:00:00Z', tz: 'UTC', pattern: 'ww', out: '19' },
    { date: '2024-12-30T04:00:00Z', tz: 'UTC', pattern: 'w', out: '1' },
    // Europe/London DST: BST starts 2024-03-31 01:00 UTC, ends 2024-10-27 01:00 UTC
    { date: '2024-03-31T00:59:00Z', tz: 'Europe/London', pattern: 'HH:mm Z', out: '00:59 +0000' },
    { date: '2024-03-31T01:00:00Z', tz: 'Europe/London', pattern: 'HH:mm Z', out: '02:00 +0100' },
    { date: '2024-10-27T00:30:00Z', tz: 'Europe/London', pattern: 'HH:mm XXX', out: '01:30 +01:00' },
    { date: '2024-10-27T01:30:00Z', tz: 'Europe/London', pattern: 'HH:mm XXX', out: '01:30 Z' },
    // Pacific/Kiritimati: UTC+14, the date is a day ahead of UTC
    { date: '2024-05-06T12:00:00Z', tz: 'Pacific/Kiritimati', pattern: 'yyyy-MM-dd HH:mm Z', out: '2024-05-07 02:00 +1400' },
    { date: '2024-05-06T12:00:00Z', tz: 'America/Los_Angeles', pattern: 'yyyy-MM-dd HH:mm Z', out: '2024-05-06 05:00 -0700' },
    { date: '2024-05-06T12:00:00Z', tz: 'GMT+8', pattern: 'HH:mm', out: '20:00' },
    // 1899: local mean time, offsets with seconds (IANA data, as Java has it); Z and X drop the
    // seconds as SimpleDateFormat does. A typed 09:00 is 1899-12-30 09:00 in the sheet zone (issue 16).
    { date: '1899-12-30T00:54:17Z', tz: 'Asia/Shanghai', pattern: 'yyyy-MM-dd HH:mm:ss Z XXX', out: '1899-12-30 09:00:00 +0805 +08:05' },
    { date: '1899-12-30T03:38:50Z', tz: 'Asia/Kolkata', pattern: 'HH:mm:ss Z', out: '09:00:00 +0521' },
    { date: '1899-12-30T06:29:43Z', tz: 'Europe/Moscow', pattern: 'HH:mm:ss Z', out: '09:00:00 +0230' },
    { date: '1899-12-30T14:00:00Z', tz: 'America/New_York', pattern: 'HH:mm:ss Z', out: '09:00:00 -0500' },
    { date: '1880-01-01T12:00:00Z', tz: 'America/New_York', pattern: 'HH:mm:ss Z', out: '07:03:58 -0456' },
    // Shanghai left LMT at 1901-01-01 00:00 LMT, i.e. 1900-12-31 15:54:17 UTC: a second apart.
    { date: '1900-12-31T15:54:16Z', tz: 'Asia/Shanghai', pattern: 'yyyy-MM-dd HH:mm:ss Z', out: '1900-12-31 23:59:59 +0805' },
    { date: '1900-12-31T15:54:17Z', tz: 'Asia/Shanghai', pattern: 'yyyy-MM-dd HH:mm:ss Z', out: '1900-12-31 23:54:17 +0800' },
  ])('$tz $pattern', ({ date, tz, pattern, out }) => {
    expect(U.formatDate(at(date), tz, pattern)).toBe(out);
  });

  test('an illegal pattern letter throws, as Java does', () => {
    expect(() => U.formatDate(at('2024-05-06T00:00:00Z'), 'UTC', 'yyyy-bb')).toThrow("Illegal pattern character 'b'");
  });

  test('sleep advances the simulated clock (reference/utilities/utilities#sleepmilliseconds)', () => {
    const t = ctx.clock.now();
    U.sleep(1500);
    expect(ctx.clock.now()).toBe(t + 1500);
  });

  test('getUuid is a v4 UUID', () => {
    expect(U.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('base64 round trip and SHA-256 digest bytes are signed like Java', () => {
    expect(U.base64Encode('工单')).toBe(Buffer.from('工单').toString('base64'));
    const bytes = U.computeDigest('SHA_256', 'abc');
    expect(bytes).toHaveLength(32);
    expect(bytes[0]).toBe(0xba - 256);
  });
});

// SimpleDateFormat, General time zone: "interpreted as text if they have names", otherwise
// "GMT Sign Hours : Minutes" — never Intl's "GMT+8".
test('"z" gives a zone name or GMT±hh:mm', () => {
  const d = at('2024-05-06T01:00:00Z');
  const javaGeneralZone = /^(?:[A-Z]{2,5}|GMT[+-]\d{2}:\d{2})$/;
  expect(U.formatDate(d, 'Asia/Shanghai', 'z')).toMatch(javaGeneralZone);
  expect(U.formatDate(d, 'Asia/Kolkata', 'z')).toMatch(javaGeneralZone);
});
