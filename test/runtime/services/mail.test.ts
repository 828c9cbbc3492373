// MailApp fidelity: reference/mail/mail-app, quotas from guides/services/quotas.
import { LocalMailApp, emptyMail, MAIL_QUOTA_MESSAGE } from '../../../runtime/services/mail';
import { testContext } from './helpers';

function mail(quota = 3) {
  const { ctx } = testContext({ now: Date.UTC(2024, 4, 6, 18) }); // 11:00 Pacific
  const data = emptyMail(quota);
  return { ctx, data, app: new LocalMailApp(ctx, () => data) };
}

describe('MailApp', () => {
  test('both signatures are recorded (mail-app#sendemailmessage, #sendemailrecipient,-subject,-body,-options)', () => {
    const { app, data } = mail();
    app.sendEmail('a@x', 'S1', 'B1', { htmlBody: '<b>B1</b>', name: 'Tracker' });
    app.sendEmail({ to: 'b@x', subject: 'S2', body: 'B2' });
    expect(data.sent.map((m) => [m.to, m.subject, m.htmlBody, m.name])).toEqual([
      ['a@x', 'S1', '<b>B1</b>', 'Tracker'],
      ['b@x', 'S2', undefined, undefined],
    ]);
    expect(app.getRemainingDailyQuota()).toBe(1);
  });

  test('every recipient counts; over quota throws Google\'s message; the quota resets 24 hours after the first send (developers.google.com/apps-script/guides/services/quotas: "reset 24 hours after the first request")', () => {
    const { app, ctx } = mail(3);
    const first = ctx.clock.now(); // 11:00 Pacific
    app.sendEmail({ to: 'a@x, b@x', subject: 's', body: 'b' });
    expect(() => app.sendEmail({ to: 'c@x', cc: 'd@x', subject: 's', body: 'b' })).toThrow(MAIL_QUOTA_MESSAGE);
    ctx.clock.set(first + 13 * 3600_000); // past midnight Pacific and UTC: no calendar reset
    app.sendEmail('c@x', 's', 'b');
    expect(app.getRemainingDailyQuota()).toBe(0);
    ctx.clock.set(first + 24 * 3600_000 - 1);
    expect(app.getRemainingDailyQuota()).toBe(0);
    ctx.clock.set(first + 24 * 3600_000); // 24 hours after the first send
    expect(app.getRemainingDailyQuota()).toBe(3);
    // the next window opens with the next send, not at the end of the last one
    ctx.clock.set(first + 30 * 3600_000);
    app.sendEmail('e@x', 's', 'b');
    ctx.clock.set(first + 53 * 3600_000);
    expect(app.getRemainingDailyQuota()).toBe(2);
    ctx.clock.set(first + 54 * 3600_000);
    expect(app.getRemainingDailyQuota()).toBe(3);
  });

  test('a recipient that is not an address refuses the whole message and uses no quota (developers.google.com/apps-script/reference/mail/mail-app#sendemailrecipient,-subject,-body: "the addresses of the recipients, separated by commas")', () => {
    const { app, data } = mail(5);
    expect(() => app.sendEmail('not-an-address', 's', 'b')).toThrow('Invalid email: not-an-address');
    expect(() => app.sendEmail({ to: 'a@x.example', cc: 'b@x.example, two words@x', subject: 's', body: 'b' })).toThrow('Invalid email: two words@x');
    expect(() => app.sendEmail('a@x.example; b@x.example', 's', 'b')).toThrow('Invalid email');
    expect([data.sent.length, app.getRemainingDailyQuota()]).toEqual([0, 5]);
    app.sendEmail('Help desk <desk@x.example>, c@x.example', 's', 'b');
    expect(app.getRemainingDailyQuota()).toBe(3);
  });

  test('a guard (simple trigger, no authorisation) refuses sending', () => {
    const { ctx } = testContext();
    const app = new LocalMailApp(ctx, () => emptyMail(), (what) => {
      throw new Error(`You do not have permission to call ${what}`);
    });
    expect(() => app.sendEmail('a@x', 's', 'b')).toThrow('MailApp.sendEmail');
  });
});

// guides/services/quotas: "Email recipients per message | 50 / msg".
test('a message to more than 50 recipients is refused and uses no quota', () => {
  const { data, app } = mail(1500);
  const to = Array.from({ length: 51 }, (_, i) => `u${i}@example.com`).join(',');
  expect(() => app.sendEmail(to, 'subject', 'body')).toThrow();
  expect(data.sent).toHaveLength(0);
  expect(app.getRemainingDailyQuota()).toBe(1500);
});
