// ScriptApp trigger fidelity: reference/script/clock-trigger-builder, reference/script/script-app,
// guides/services/quotas (20 triggers / user / script), workspace/add-ons/concepts/editor-triggers.
import { LocalScriptApp, TOO_MANY_TRIGGERS, ADDON_TOO_FREQUENT, ADDON_ONE_PER_TYPE, type TriggerRecord } from '../../../runtime/services/script';
import { nextFire } from '../../../runtime/services/schedule';
import { testContext, T0 } from './helpers';

const H = 3_600_000;

function scriptApp(addonMode = false, userTriggersListClock?: boolean) {
  const { ctx } = testContext({ addonMode });
  const triggers: TriggerRecord[] = [];
  let seq = 1;
  const app = new LocalScriptApp({ ctx, triggers: () => triggers, docId: () => 'doc1', scriptTimeZone: () => 'Asia/Shanghai', scriptId: 's', newId: () => String(seq++), userTriggersListClock });
  return { ctx, app, triggers };
}

describe('trigger builders', () => {
  test('clock trigger: handler, event type, source (trigger#geteventtype, #gettriggersource)', () => {
    const { app } = scriptApp();
    const t = app.newTrigger('sweep').timeBased().everyHours(1).create();
    expect([t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource()), t.getTriggerSourceId()]).toEqual(['sweep', 'CLOCK', 'CLOCK', null]);
    expect(app.getProjectTriggers().map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
  });

  test('spreadsheet trigger: ON_EDIT from SPREADSHEETS with the sheet id; getUserTriggers(ss) lists it', () => {
    const { app } = scriptApp();
    const t = app.newTrigger('onEditTracked').forSpreadsheet('doc1').onEdit().create();
    expect([String(t.getEventType()), String(t.getTriggerSource()), t.getTriggerSourceId()]).toEqual(['ON_EDIT', 'SPREADSHEETS', 'doc1']);
    expect(app.getUserTriggers({ getId: () => 'doc1' })).toHaveLength(1);
    expect(app.getUserTriggers({ getId: () => 'other' })).toHaveLength(0);
    app.deleteTrigger(t);
    expect(app.getProjectTriggers()).toHaveLength(0);
  });

  test('getUserTriggers(ss) does not list clock triggers by default (undocumented: the stricter answer); the option flips it', () => {
    const strict = scriptApp().app;
    strict.newTrigger('sweep').timeBased().everyHours(1).create();
    expect(strict.getProjectTriggers()).toHaveLength(1);
    expect(strict.getUserTriggers({ getId: () => 'doc1' })).toHaveLength(0);
    const lenient = scriptApp(false, true).app;
    lenient.newTrigger('sweep').timeBased().everyHours(1).create();
    expect(lenient.getUserTriggers({ getId: () => 'doc1' })).toHaveLength(1);
    expect(lenient.getUserTriggers({ getId: () => 'other' })).toHaveLength(0);
  });

  test.each([
    { ref: 'clock-trigger-builder#everyminutesn: 1, 5, 10, 15 or 30', build: (b: GoogleAppsScript.Script.ClockTriggerBuilder) => b.everyMinutes(7), error: /everyMinutes/ },
    { ref: 'clock-trigger-builder#everyHours(Integer): a positive number of hours', build: (b: GoogleAppsScript.Script.ClockTriggerBuilder) => b.everyHours(0), error: /everyHours/ },
    { ref: 'create() without a schedule', build: (b: GoogleAppsScript.Script.ClockTriggerBuilder) => b.create(), error: /schedule/ },
    { ref: 'atHour needs a daily/weekly schedule', build: (b: GoogleAppsScript.Script.ClockTriggerBuilder) => b.everyHours(1).atHour(9).create(), error: /atHour/ },
  ])('$ref', ({ build, error }) => {
    const { app } = scriptApp();
    expect(() => build(app.newTrigger('f').timeBased())).toThrow(error);
  });

  test('the 21st trigger of a user is refused (quotas: 20 triggers / user / script)', () => {
    const { app, ctx } = scriptApp();
    for (let i = 0; i < 20; i++) app.newTrigger(`f${i}`).timeBased().everyDays(1).create();
    expect(() => app.newTrigger('f20').timeBased().everyDays(1).create()).toThrow(TOO_MANY_TRIGGERS);
    ctx.user = { active: 'other@x', effective: 'other@x' };
    expect(() => app.newTrigger('f20').timeBased().everyDays(1).create()).not.toThrow();
  });

  test.each([
    { ref: 'editor-triggers: time-driven at most hourly', build: (a: LocalScriptApp) => a.newTrigger('f').timeBased().everyMinutes(30).create(), error: ADDON_TOO_FREQUENT },
    { ref: 'editor-triggers: hourly is allowed', build: (a: LocalScriptApp) => a.newTrigger('f').timeBased().everyHours(1).create(), error: null },
  ])('add-on mode: $ref', ({ build, error }) => {
    const { app } = scriptApp(true);
    if (error) expect(() => build(app)).toThrow(error);
    else expect(() => build(app)).not.toThrow();
  });

  test('add-on mode: one trigger of each type per user per document', () => {
    const { app } = scriptApp(true);
    app.newTrigger('sweep').timeBased().everyHours(1).create();
    app.newTrigger('edited').forSpreadsheet('doc1').onEdit().create();
    expect(() => app.newTrigger('weekly').timeBased().everyWeeks(1).create()).toThrow(ADDON_ONE_PER_TYPE);
    expect(() => app.newTrigger('edited2').forSpreadsheet('doc1').onEdit().create()).toThrow(ADDON_ONE_PER_TYPE);
    // A bound script may have several.
    const bound = scriptApp(false).app;
    bound.newTrigger('a').timeBased().everyMinutes(5).create();
    expect(() => bound.newTrigger('b').timeBased().everyHours(1).create()).not.toThrow();
  });
});

describe('schedule (documented rule in runtime/services/schedule.ts)', () => {
  const created = T0; // Mon 2024-05-06 09:00 Asia/Shanghai
  test.each([
    { what: 'everyMinutes(5) from creation', s: { kind: 'minutes', every: 5 }, after: created, next: created + 5 * 60_000 },
    { what: 'everyHours(2)', s: { kind: 'hours', every: 2 }, after: created + 2 * H, next: created + 4 * H },
    { what: 'everyDays(1).atHour(18) same day', s: { kind: 'days', every: 1, hour: 18 }, after: created, next: Date.UTC(2024, 4, 6, 10) },
    { what: 'everyDays(1).atHour(8) next day', s: { kind: 'days', every: 1, hour: 8 }, after: created, next: Date.UTC(2024, 4, 7, 0) },
    { what: 'everyDays(1).atHour(8).inTimezone(London)', s: { kind: 'days', every: 1, hour: 8, timeZone: 'Europe/London' }, after: created, next: Date.UTC(2024, 4, 6, 7) },
    { what: 'onWeekDay(MONDAY).atHour(9) next week', s: { kind: 'weeks', every: 1, weekday: 1, hour: 9 }, after: created, next: Date.UTC(2024, 4, 13, 1) },
    { what: 'onWeekDay(FRIDAY).atHour(17)', s: { kind: 'weeks', every: 1, weekday: 5, hour: 17 }, after: created, next: Date.UTC(2024, 4, 10, 9) },
    { what: 'everyWeeks(2) on Monday: weeks counted from creation', s: { kind: 'weeks', every: 2, weekday: 1, hour: 9 }, after: Date.UTC(2024, 4, 20, 1), next: Date.UTC(2024, 5, 3, 1) },
    { what: 'at(date) once', s: { kind: 'once', at: created + H }, after: created, next: created + H },
    { what: 'at(date) never again', s: { kind: 'once', at: created + H }, after: created + H, next: null },
  ] as const)('$what', ({ s, after, next }) => {
    expect(nextFire(s, created, after, 'Asia/Shanghai')).toBe(next);
  });
});

// clock-trigger-builder#everyHours(Integer) says only "Specifies to run the trigger every n hours";
// the 1/5/10/15/30 list belongs to everyMinutes(n).
test('everyHours(n) takes any positive whole n', () => {
  const { app, triggers } = scriptApp();
  expect(() => app.newTrigger('f').timeBased().everyHours(3).create()).not.toThrow();
  expect(triggers).toHaveLength(1);
});

// clock-trigger-builder#atDate(Integer,Integer,Integer): month "should be a number between 1 and 12,
// inclusive", day "between 1 and 31, inclusive"; #after(Integer): "The minimum duration (in
// milliseconds) after the current time" (a negative one is not documented: refused).
test('atDate refuses a month outside 1–12 or a day outside 1–31; after refuses a negative duration', () => {
  const { app, triggers } = scriptApp();
  const tb = () => app.newTrigger('f').timeBased();
  for (const [y, m, d] of [[2025, 13, 1], [2025, 0, 1], [2025, 1, 32], [2025, 1, 0]]) expect(() => tb().atDate(y, m, d)).toThrow('Invalid argument');
  expect(() => tb().after(-1)).toThrow('Invalid argument: durationMilliseconds');
  tb().atDate(2025, 12, 31).create();
  tb().after(0).create();
  expect(triggers).toHaveLength(2);
});

test('ScriptApp enums are the page\'s; onOpen/onChange/onFormSubmit give their event types; at(date) one run at that time (developers.google.com/apps-script/reference/script/script-app, spreadsheet-trigger-builder, clock-trigger-builder#atdate)', () => {
  const { app, ctx } = scriptApp();
  expect(Object.keys(app.AuthMode)).toEqual(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
  expect(Object.keys(app.EventType)).toEqual(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED']);
  expect(Object.keys(app.TriggerSource)).toEqual(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
  expect(Object.keys(app.InstallationSource)).toEqual(['APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON']);
  expect(Object.keys(app.WeekDay)).toEqual(['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY']);
  const b = () => app.newTrigger('h').forSpreadsheet('doc1');
  expect([b().onOpen().create(), b().onChange().create(), b().onFormSubmit().create()].map((t) => String(t.getEventType()))).toEqual(['ON_OPEN', 'ON_CHANGE', 'ON_FORM_SUBMIT']);
  const when = new Date(ctx.clock.now() + 2 * H);
  const once = app.newTrigger('later').timeBased().at(when).create();
  expect(String(once.getEventType())).toBe('CLOCK');
  expect(() => app.newTrigger('x').timeBased().at('tomorrow' as never)).toThrow('Invalid argument: date');
  expect(() => app.newTrigger('x').timeBased().everyDays(1).at(when)).toThrow('frequency is already set');
  expect(app.getScriptId()).toBe('s');
  expect(typeof app.getOAuthToken()).toBe('string');
});

test('Service.isEnabled: true when the script is deployed as a web app, with getUrl its URL; false and null otherwise (developers.google.com/apps-script/reference/script/service#isenabled)', () => {
  const { ctx } = testContext();
  const env = { ctx, triggers: () => [], docId: () => 'doc1', scriptTimeZone: () => 'UTC', scriptId: 's', newId: () => '1' };
  const deployed = new LocalScriptApp({ ...env, webAppUrl: () => 'https://script.google.com/macros/s/x/exec' }).getService();
  expect([deployed.isEnabled(), deployed.getUrl()]).toEqual([true, 'https://script.google.com/macros/s/x/exec']);
  const none = new LocalScriptApp({ ...env, webAppUrl: () => null }).getService();
  expect([none.isEnabled(), none.getUrl()]).toEqual([false, null]);
});
