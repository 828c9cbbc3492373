// Session fidelity: reference/base/session.
import { LocalSession } from '../../../runtime/services/session';
import { testContext, T0 } from './helpers';

const DAY = 24 * 3600 * 1000;

function session(user: string, now = T0) {
  const { ctx } = testContext({ user, now });
  return { ctx, s: new LocalSession(ctx, () => 'Asia/Shanghai', () => 'zh-CN') };
}

describe('Session', () => {
  test('getTemporaryActiveUserKey: "unique to the active user but does not reveal the user identity", "rotates every 30 days" (developers.google.com/apps-script/reference/base/session#gettemporaryactiveuserkey)', () => {
    const a = session('li@example.com');
    const key = a.s.getTemporaryActiveUserKey();
    expect(key).not.toContain('li');
    expect(Buffer.from(key, 'base64').toString('latin1')).not.toContain('example.com');
    expect(session('li@example.com').s.getTemporaryActiveUserKey()).toBe(key); // stable within the period
    expect(session('wang@example.com').s.getTemporaryActiveUserKey()).not.toBe(key);
    expect(session('li@example.com', T0 + 31 * DAY).s.getTemporaryActiveUserKey()).not.toBe(key); // rotated
  });

  test('getActiveUserLocale is in the underscore form; getScriptTimeZone is the manifest\'s', () => {
    const { s } = session('li@example.com');
    expect([s.getActiveUserLocale(), s.getScriptTimeZone()]).toEqual(['zh_CN', 'Asia/Shanghai']);
  });
});

test('User.getUserLoginId (deprecated) answers the email getEmail answers, blank where it is blank (developers.google.com/apps-script/reference/base/user#getuserloginid)', () => {
  const { s } = session('li@example.com');
  const u = s.getActiveUser();
  expect(u.getUserLoginId()).toBe(u.getEmail());
});
