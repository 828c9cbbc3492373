// The services around the spreadsheet: locks (ID serial, agent actions), properties (the tracker's
// configuration, alert records), caches, triggers (setup), the session (who acts), dates, HTML and
// mail quota. Local models: runtime/services/*.ts; runtime tests: test/runtime/services/*.test.ts.
import type { Case } from '../suite';
import { REF, threw } from '../suite';

/** Triggers made by a case are deleted before it ends; this handler exists in the self-test project. */
const HANDLER = 'runSelfTest';

function withTrigger<T>(
  svc: Parameters<Case['run']>[0]['svc'],
  make: () => GoogleAppsScript.Script.Trigger,
  look: (t: GoogleAppsScript.Script.Trigger, uid: string) => T,
): T {
  const t = make();
  const uid = t.getUniqueId();
  try {
    return look(t, uid);
  } finally {
    for (const x of svc.ScriptApp.getProjectTriggers()) if (x.getUniqueId() === uid) svc.ScriptApp.deleteTrigger(x);
  }
}

export const SERVICE_CASES: Case[] = [
  {
    id: 'lock.document-lock-bound',
    ref: REF + 'lock/lock-service#getdocumentlock',
    expected: [true, true, true, false],
    how: 'in a menu run of a bound script: [getDocumentLock() !== null, tryLock(1000), hasLock(), hasLock() after releaseLock()]',
    run: ({ svc }) => {
      const lock = svc.LockService.getDocumentLock();
      if (!lock) return [false];
      const got = lock.tryLock(1000);
      const held = lock.hasLock();
      lock.releaseLock();
      return [true, got, held, lock.hasLock()];
    },
  },
  {
    id: 'lock.script-lock',
    ref: REF + 'lock/lock-service#getscriptlock',
    expected: [true, true],
    how: 'getScriptLock() !== null and tryLock(1000) (the web form serialises with it: issue 16)',
    run: ({ svc }) => {
      const lock = svc.LockService.getScriptLock();
      const got = !!lock && lock.tryLock(1000);
      if (got) lock.releaseLock();
      return [!!lock, got];
    },
  },
  {
    id: 'lock.timeouts',
    ref: REF + 'lock/lock#trylocktimeoutinmillis',
    expected: [true, 'threw', 'threw'],
    how: 'getUserLock(): tryLock(0) on a free lock (released after), then tryLock(-1) and waitLock(-1) (a negative wait is not documented: the runtime refuses it, the stricter answer)',
    run: ({ svc }) => {
      const lock = svc.LockService.getUserLock();
      const zero = lock.tryLock(0);
      if (zero) lock.releaseLock();
      const out = [zero, threw(() => lock.tryLock(-1)), threw(() => lock.waitLock(-1))];
      if (lock.hasLock()) lock.releaseLock();
      return out;
    },
  },
  {
    id: 'script.installation-source-bound',
    ref: REF + 'script/installation-source',
    expected: 'NONE',
    how: 'String(ScriptApp.getInstallationSource()) in the bound self-test script ("NONE: Script is not running as an add-on"); the tracker picks its lock and cache by it (src/gas/scope.ts)',
    run: ({ svc }) => String(svc.ScriptApp.getInstallationSource()),
  },
  {
    id: 'properties.strings-and-null',
    ref: REF + 'properties/properties#getpropertykey',
    expected: [null, '5', true, null],
    how: "document properties: [getProperty(missing), setProperty(k, '5') then getProperty(k), setProperty returns the store (chains), getProperty after deleteProperty]",
    run: ({ svc }) => {
      const p = svc.PropertiesService.getDocumentProperties();
      const missing = p.getProperty('selftest.missing');
      const chained = p.setProperty('selftest.k', '5');
      const read = p.getProperty('selftest.k');
      p.deleteProperty('selftest.k');
      return [missing, read, !!chained && typeof chained.getProperty === 'function', p.getProperty('selftest.k')];
    },
  },
  {
    id: 'properties.value-size-limit',
    ref: 'developers.google.com/apps-script/guides/services/quotas',
    expected: ['threw', null],
    how: "setProperty of a 10,000-character value ('Properties value size 9 KB / val'); then getProperty",
    run: ({ svc }) => {
      const p = svc.PropertiesService.getDocumentProperties();
      const r = threw(() => p.setProperty('selftest.big', 'x'.repeat(10000)));
      const after = p.getProperty('selftest.big');
      p.deleteProperty('selftest.big');
      return [r, after];
    },
  },
  {
    id: 'cache.document-cache',
    ref: REF + 'cache/cache#putkey,-value,-expirationinseconds',
    expected: [true, '(undefined)', 'v', null],
    how: "getDocumentCache() !== null in a bound script; put('selftest.k', 'v', 60) returns nothing; get it; get a missing key",
    run: ({ svc }) => {
      const c = svc.CacheService.getDocumentCache();
      if (!c) return [false];
      const put = c.put('selftest.k', 'v', 60);
      const got = c.get('selftest.k');
      c.remove('selftest.k');
      return [true, put === undefined ? '(undefined)' : String(put), got, c.get('selftest.missing')];
    },
  },
  {
    id: 'cache.value-size-limit',
    ref: REF + 'cache/cache#putkey,-value',
    expected: 'threw',
    how: "put of a value over 100 KB ('The maximum length of a value is 100KB')",
    run: ({ svc }) => threw(() => svc.CacheService.getDocumentCache()!.put('selftest.big', 'x'.repeat(110 * 1024), 60)),
  },
  {
    id: 'cache.expiration-bounds',
    ref: REF + 'cache/cache#putkey,-value,-expirationinseconds',
    expected: ['returned', 'returned', 'threw', 'threw'],
    how: 'put with expirationInSeconds 1 and 21600 ("the minimum is 1 second and the maximum is 21600 seconds"), then 0 and 21601 (outside: not documented; the runtime refuses, the stricter answer)',
    run: ({ svc }) => {
      const c = svc.CacheService.getUserCache()!;
      const out = [1, 21600, 0, 21601].map((secs) => threw(() => c.put('selftest.expiry', 'x', secs)));
      c.remove('selftest.expiry');
      return out;
    },
  },
  {
    id: 'cache.item-cap',
    ref: REF + 'cache/cache#putkey,-value',
    expected: [true, true],
    how: "the user cache: put('selftest.far', 'x', 21600), then putAll of 1,000 items for 60 s (\"The cap for cached items is 1,000. If more than 1,000 items are written, the cache stores the 900 items farthest from expiration\"): [the far item is kept, at most 899 of the 1,000 are]; all removed after",
    run: ({ svc }) => {
      const c = svc.CacheService.getUserCache()!;
      const keys = Array.from({ length: 1000 }, (_, i) => `selftest.cap.${i}`);
      c.put('selftest.far', 'x', 21600);
      c.putAll(Object.fromEntries(keys.map((k) => [k, 'v'])), 60);
      const out = [c.get('selftest.far') === 'x', Object.keys(c.getAll(keys)).length <= 899];
      c.removeAll([...keys, 'selftest.far']);
      return out;
    },
  },
  {
    id: 'triggers.clock-trigger',
    ref: REF + 'script/script-app#getprojecttriggers',
    expected: ['CLOCK', 'CLOCK', HANDLER, true, true],
    how: 'newTrigger(h).timeBased().everyHours(1).create(); [getEventType(), getTriggerSource(), getHandlerFunction(), a unique id, getProjectTriggers() lists it by getUniqueId()]; deleted at once',
    run: ({ svc }) =>
      withTrigger(
        svc,
        () => svc.ScriptApp.newTrigger(HANDLER).timeBased().everyHours(1).create(),
        (t, uid) => [String(t.getEventType()), String(t.getTriggerSource()), t.getHandlerFunction(), !!uid, svc.ScriptApp.getProjectTriggers().some((x) => x.getUniqueId() === uid)],
      ),
  },
  {
    id: 'triggers.user-triggers-and-clock',
    ref: REF + 'script/script-app#getusertriggersspreadsheet',
    expected: false,
    how: "a new hourly trigger: does getUserTriggers(activeSpreadsheet) list it? (the reference is silent: the runtime's stricter model, not listed; issue 16: setup must not depend on it)",
    run: ({ svc, ss }) =>
      withTrigger(
        svc,
        () => svc.ScriptApp.newTrigger(HANDLER).timeBased().everyHours(1).create(),
        (_t, uid) => svc.ScriptApp.getUserTriggers(ss).some((x) => x.getUniqueId() === uid),
      ),
  },
  {
    id: 'triggers.edit-trigger',
    ref: REF + 'script/trigger#gettriggersourceid',
    expected: ['ON_EDIT', 'SPREADSHEETS', true, true],
    how: 'newTrigger(h).forSpreadsheet(ss).onEdit().create(); [getEventType(), getTriggerSource(), getTriggerSourceId() === ss.getId(), getUserTriggers(ss) lists it]; deleted at once',
    run: ({ svc, ss }) =>
      withTrigger(
        svc,
        () => svc.ScriptApp.newTrigger(HANDLER).forSpreadsheet(ss).onEdit().create(),
        (t, uid) => [String(t.getEventType()), String(t.getTriggerSource()), t.getTriggerSourceId() === ss.getId(), svc.ScriptApp.getUserTriggers(ss).some((x) => x.getUniqueId() === uid)],
      ),
  },
  {
    id: 'triggers.every-minutes',
    ref: REF + 'script/clock-trigger-builder#everyminutesn',
    expected: ['returned', 'threw'],
    how: 'in a bound script: everyMinutes(10).create() works; everyMinutes(7) throws (n must be 1, 5, 10, 15 or 30)',
    run: ({ svc }) => {
      const ten = threw(() => withTrigger(svc, () => svc.ScriptApp.newTrigger(HANDLER).timeBased().everyMinutes(10).create(), () => 0));
      return [ten, threw(() => withTrigger(svc, () => svc.ScriptApp.newTrigger(HANDLER).timeBased().everyMinutes(7).create(), () => 0))];
    },
  },
  {
    id: 'session.users',
    ref: REF + 'base/session#getactiveuser',
    expected: [true, true, true],
    how: 'a menu run by the script owner: [getEffectiveUser().getEmail() is not blank, getActiveUser() is the same person, getActiveUserLocale() is not blank]',
    run: ({ svc }) => {
      const eff = svc.Session.getEffectiveUser().getEmail();
      return [!!eff, svc.Session.getActiveUser().getEmail().toLowerCase() === eff.toLowerCase(), !!svc.Session.getActiveUserLocale()];
    },
  },
  {
    id: 'session.script-time-zone',
    ref: REF + 'base/session#getscripttimezone',
    expected: 'Asia/Shanghai',
    how: "getScriptTimeZone(): the manifest's timeZone",
    run: ({ svc }) => svc.Session.getScriptTimeZone(),
  },
  {
    id: 'utilities.format-date',
    ref: REF + 'utilities/utilities#formatdatedate,-timezone,-format',
    expected: ['2024-05-01 09:15', '20240501', '2024-04-30 21:15', '09:00:00', '+0805'],
    how: "formatDate(2024-05-01T01:15Z) in Asia/Shanghai 'yyyy-MM-dd HH:mm' and 'yyyyMMdd', in America/New_York; and 1899-12-30T00:54:17Z in Asia/Shanghai 'HH:mm:ss' (local mean time +08:05:43) and 'Z' (SimpleDateFormat's RFC 822 zone has no seconds)",
    run: ({ svc }) => {
      const d = new Date(Date.UTC(2024, 4, 1, 1, 15));
      const lmt = new Date(Date.UTC(1899, 11, 30, 0, 54, 17));
      return [
        svc.Utilities.formatDate(d, 'Asia/Shanghai', 'yyyy-MM-dd HH:mm'),
        svc.Utilities.formatDate(d, 'Asia/Shanghai', 'yyyyMMdd'),
        svc.Utilities.formatDate(d, 'America/New_York', 'yyyy-MM-dd HH:mm'),
        svc.Utilities.formatDate(lmt, 'Asia/Shanghai', 'HH:mm:ss'),
        svc.Utilities.formatDate(lmt, 'Asia/Shanghai', 'Z'),
      ];
    },
  },
  {
    id: 'utilities.hmac-web-safe',
    ref: REF + 'utilities/utilities#computehmacsha256signaturevalue,-key',
    // RFC 4231 test case 2; bytes 0xfb 0xff are '+/8=' in the standard alphabet.
    expected: ['W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=', '-_8=', 32],
    how: "[base64EncodeWebSafe(computeHmacSha256Signature('what do ya want for nothing?', 'Jefe')), base64EncodeWebSafe([-5, -1]) (padding kept), the signature's length]",
    run: ({ svc }) => {
      const sig = svc.Utilities.computeHmacSha256Signature('what do ya want for nothing?', 'Jefe');
      return [svc.Utilities.base64EncodeWebSafe(sig), svc.Utilities.base64EncodeWebSafe([-5, -1]), sig.length];
    },
  },
  {
    id: 'html.output',
    ref: REF + 'html/html-output#settitletitle',
    expected: ['t', true],
    how: "createHtmlOutput('<p>x</p>').setTitle('t').addMetaTag('viewport', …): [getTitle(), the chain returns the output]",
    run: ({ svc }) => {
      const out = svc.HtmlService.createHtmlOutput('<p>x</p>').setTitle('t');
      const again = out.addMetaTag('viewport', 'width=device-width, initial-scale=1');
      return [out.getTitle(), typeof again.getTitle === 'function'];
    },
  },
  {
    id: 'html.meta-tag-names',
    ref: REF + 'html/html-output#addmetatagname,-content',
    expected: [true, 'threw'],
    how: "addMetaTag('viewport', …) is accepted; addMetaTag('description', …), a name outside the four the page allows, throws (*model*: the page lists the names, not what happens to others)",
    run: ({ svc }) => {
      const out = svc.HtmlService.createHtmlOutput('<p>x</p>');
      const ok = typeof out.addMetaTag('viewport', 'width=device-width').getTitle === 'function';
      return [ok, threw(() => out.addMetaTag('description', 'x'))];
    },
  },
  {
    id: 'mail.remaining-quota',
    ref: REF + 'mail/mail-app#getremainingdailyquota',
    expected: true,
    how: 'getRemainingDailyQuota() is a whole number ≥ 0 (no mail is sent)',
    run: ({ svc }) => {
      const q = svc.MailApp.getRemainingDailyQuota();
      return typeof q === 'number' && q >= 0 && Math.floor(q) === q;
    },
  },
  {
    id: 'mail.invalid-address',
    ref: REF + 'mail/mail-app#sendemailrecipient,-subject,-body',
    expected: 'threw',
    how: "sendEmail('not-an-address', …): a recipient list holding something that is not an address (not documented: the runtime refuses the message, the stricter answer; nothing can be delivered)",
    run: ({ svc }) => threw(() => svc.MailApp.sendEmail('not-an-address', 'selftest', 'never delivered')),
  },
  {
    id: 'ui.menu-run',
    ref: REF + 'spreadsheet/spreadsheet-app#getui',
    expected: true,
    how: 'getUi() in a menu run returns a Ui (its alert is a function)',
    run: ({ svc }) => typeof svc.SpreadsheetApp.getUi().alert === 'function',
  },
];
