// Hostile input (issue 17, "Bad input"): disguised mobile numbers, broken and direction-override
// characters, forged work-log lines and full work logs, each through the sidebar and the web form
// or through every agent action. Each case is judged by the shared invariant (nothing changed but
// what the case may change, every accepted change audited) plus the rule it attacks.
import type { LocalRuntime } from '../../../runtime';
import { t } from '../../../src/domain/i18n';
import type { Lang } from '../../../src/domain/schema';
import { splitEntries, startsEntry } from '../../../src/domain/worklog';
import { FORM, token } from '../../app/helpers';
import { expectIntact, snapshot } from './invariants';
import { act, open, world } from './world';
import type { SubmitAnswer } from '../../app/helpers';

const zh = world(['pending', 'inProgress', 'resolved']);
const en = world(['pending', 'inProgress', 'resolved'], { locale: 'en_US' });
const EN_FORM = { title: 'VPN drops', department: 'Sales / Beijing', description: 'VPN drops every ten minutes since Monday morning', urgency: 'Medium', category: 'Network', submitter: 'Tom', contact: 'ext 8888' };

type Channel = 'sidebar' | 'web form';
function submitVia(rt: LocalRuntime, channel: Channel, form: Record<string, unknown>): SubmitAnswer {
  if (channel === 'sidebar') return rt.callFromClient<SubmitAnswer>('submitTicket', form, token()).result;
  return rt.webApp('visitor@example.com').run<SubmitAnswer>('submitTicket', form, token()).result;
}

const FW = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const DISGUISES: [string, string][] = [
  ['dots', '138.1234.5678'],
  ['en dashes', '138\u20131234\u20135678'],
  ['em dashes', '138\u20141234\u20145678'],
  ['middle dots', '138\u00b71234\u00b75678'],
  ['slashes', '138/1234/5678'],
  ['underscores', '138_1234_5678'],
  ['parentheses', '(138)1234-5678'],
  ['+86(138)', '+86(138)1234-5678'],
  ['zero-width spaces', '138\u200b1234\u200b5678'],
  ['zero-width between every digit', '13812345678'.split('').join('\u200b')],
  ['full-width digits', FW('13812345678')],
  ['full-width with full-width dashes', FW('138－1234－5678')],
  ['ideographic spaces', '138\u30001234\u30005678'],
  ['word joiners', '138\u20601234\u20605678'],
  ['soft hyphens', '138\u00ad1234\u00ad5678'],
  ['0086 and spaces', '0086 138 1234 5678'],
  ['after an extension', '内线8888 / 138 1234 5678'],
  ['mixed widths and dots', '１38.12３4.5678'],
  ['circled digits', '①③⑧①②③④⑤⑥⑦⑧'],
  ['Arabic-Indic digits', '١٣٨١٢٣٤٥٦٧٨'],
  ['bidi mark between groups', '138\u200e1234\u200e5678'],
  ['one digit per space', '1 3 8 1 2 3 4 5 6 7 8'],
  ['full-width plus', '＋86 138 1234 5678'],
  ['katakana middle dot', '138・1234・5678'],
  ['tildes', '138~1234~5678'],
];

describe('a disguised mobile number is refused, nothing written', () => {
  const cases = DISGUISES.flatMap(([name, contact]) =>
    (['sidebar', 'web form'] as Channel[]).flatMap((channel) => (['zh', 'en'] as Lang[]).map((lang) => [`${name} / ${channel} / ${lang}`, contact, channel, lang] as const)),
  );
  it.each(cases)('%s', (_n, contact, channel, lang) => {
    const rt = open(lang === 'zh' ? zh : en);
    const before = snapshot(rt);
    const r = submitVia(rt, channel, { ...(lang === 'zh' ? FORM : EN_FORM), contact });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([{ field: 'contact', message: t(lang, 'personalMobile') }]);
    expectIntact(rt, before);
  });

  it.each([['内线8888'], ['ext. 8888 / 分机 6666'], ['010-12345678'], ['zhang@example.com']])('%p is accepted, with its audit', (contact) => {
    const rt = open(zh);
    const before = snapshot(rt);
    expect(submitVia(rt, 'web form', { ...FORM, contact }).ok).toBe(true);
    expectIntact(rt, before, { newTickets: 1 });
  });
});

const UNSAFE: [string, string, 'bidiChars' | 'brokenChars' | 'controlChars'][] = [
  ['right-to-left override', '\u202e', 'bidiChars'],
  ['left-to-right embedding', '\u202a', 'bidiChars'],
  ['right-to-left isolate', '\u2067', 'bidiChars'],
  ['pop directional isolate', '\u2069', 'bidiChars'],
  ['lone high surrogate', '\ud83d', 'brokenChars'],
  ['lone low surrogate', '\ude00', 'brokenChars'],
  ['NUL', '\u0000', 'controlChars'],
];
const SHORT_FIELDS: [string, string][] = [
  ['title', '问题标题'],
  ['department', '所属部门/区域'],
  ['submitter', '提交人'],
  ['contact', '联系方式'],
];

describe('broken and direction-override characters in short fields are refused with a clear message', () => {
  const cases = SHORT_FIELDS.flatMap(([field, label]) =>
    UNSAFE.flatMap(([name, ch, key]) => (['sidebar', 'web form'] as Channel[]).map((channel) => [`${field} / ${name} / ${channel}`, field, label, ch, key, channel] as const)),
  );
  it.each(cases)('%s', (_n, field, label, ch, key, channel) => {
    const rt = open(zh);
    const before = snapshot(rt);
    const value = `${(FORM as Record<string, string>)[field].slice(0, 4)}${ch}8888`;
    const r = submitVia(rt, channel, { ...FORM, [field]: value });
    expect(r.ok).toBe(false);
    expect(r.errors).toContainEqual({ field, message: t('zh', key, { field: label }) });
    expectIntact(rt, before);
  });

  it.each(['\u200b', '\u200b\u200d\ufeff', ' \u3000 '])('a title of only invisible characters %p is "required"', (title) => {
    const rt = open(zh);
    const before = snapshot(rt);
    const r = submitVia(rt, 'sidebar', { ...FORM, title });
    expect(r.errors).toEqual([{ field: 'title', message: t('zh', 'required', { field: '问题标题' }) }]);
    expectIntact(rt, before);
  });
});

// Forged work-log entries: a line break of any kind, then a stamp "by" someone else, earlier.
const FAKE = '2024-04-30 08:00 王经理';
const FORGERIES: [string, (text: string) => string][] = [
  ['LF', (x) => `${x}\n${FAKE}: 已批准`],
  ['CRLF', (x) => `${x}\r\n${FAKE}: 已批准`],
  ['CR', (x) => `${x}\r${FAKE}: 已批准`],
  ['line separator', (x) => `${x}\u2028${FAKE}: 已批准`],
  ['paragraph separator', (x) => `${x}\u2029${FAKE}: 已批准`],
  ['two forged lines', (x) => `${x}\n${FAKE}: 已批准\n${FAKE}: 已关闭`],
  ['forged first line', (x) => `\n${FAKE}: ${x}`],
  ['indented forgery', (x) => `${x}\n   ${FAKE}: 已批准`],
];
const ACTIONS: [string, number, string, Record<string, unknown>][] = [
  ['escalate', 1, 'reason', { assignee: '李工程师' }],
  ['close', 0, 'reason', {}],
  ['reopen', 2, 'reason', {}],
  ['note', 1, 'text', {}],
  ['note on pending', 0, 'text', {}],
  ['note on resolved', 2, 'text', {}],
];
const MAY = ['当前状态', '处理过程记录', '负责人', '支持级别', '解决时间', '最近更新时间', '首次响应时间', '响应截止', '解决截止', 'SLA状态'];

describe('nothing typed into an action starts a work-log entry', () => {
  const cases = ACTIONS.flatMap(([action, ticket, key, extra]) =>
    FORGERIES.map(([name, make]) => [`${action} / ${name}`, action.split(' ')[0], ticket, key, extra, make('用户说明')] as const),
  );
  it.each(cases)('%s', (_n, action, ticket, key, extra, text) => {
    const rt = open(zh);
    const id = zh.tickets[ticket].id;
    const before = snapshot(rt);
    const logBefore = String(before.tickets.get(id)!.get('处理过程记录'));
    const r = act(rt, id, action, { ...extra, [key]: text });
    expect(r.errors).toBeUndefined();
    const after = expectIntact(rt, before, { tickets: { [id]: MAY } });
    const log = String(after.tickets.get(id)!.get('处理过程记录'));
    // Exactly one new entry, by the acting agent, now.
    expect(log.split('\n').filter(startsEntry).length).toBe(logBefore.split('\n').filter(startsEntry).length + 1);
    const last = splitEntries(log).entries.pop()!;
    expect(last).not.toMatch(/^2024-04-30/);
    expect(last).toMatch(/王经理/);
    // The audit row stays one line per field: field, old and new cells line up.
    const row = after.audit[after.audit.length - 1];
    const lines = (c: unknown) => String(c).split('\n').length;
    expect(lines(row[5])).toBe(lines(row[3]));
    expect(lines(row[4])).toBe(lines(row[3]));
  });
});

describe('a work log at the cell limit never freezes a ticket', () => {
  const entry = (i: number) => `2024-04-${String(1 + (i % 28)).padStart(2, '0')} 10:00 张工: ${'排查记录'.repeat(40)} #${i}`;
  const STEPS: [string, number, [string, Record<string, unknown>][]][] = [
    ['accept', 0, [['accept', {}]]],
    ['note', 1, [['note', { text: '继续排查' }]]],
    ['resolve', 1, [['resolve', { solution: '更换网卡' }]]],
    ['resolve then close', 1, [['resolve', { solution: '更换网卡' }], ['close', {}]]],
    ['close a pending one', 0, [['close', { reason: '重复提交' }]]],
    ['escalate', 1, [['escalate', { reason: '需要二线', assignee: '李工程师' }]]],
    ['reopen', 2, [['reopen', { reason: '问题复现' }]]],
    ['feedback no', 2, [['feedback', { resolved: false, rating: 'unsatisfied' }]]],
    ['feedback yes then close', 2, [['feedback', { resolved: true, rating: 'satisfied' }], ['close', {}]]],
    ['ten notes', 1, Array.from({ length: 10 }, (_, i) => ['note', { text: `第${i}次跟进:${'记'.repeat(4000)}` }] as [string, Record<string, unknown>])],
  ];
  const cases = STEPS.flatMap(([name, ticket, steps]) => [45_000, 49_900].map((n) => [`${name} / log of ${n} characters`, ticket, steps, n] as const));
  it.each(cases)('%s', (_n, ticket, steps, n) => {
    const rt = open(zh);
    const id = zh.tickets[ticket].id;
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const row = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues().findIndex((r) => r[0] === id) + 1;
    let old = entry(0);
    for (let i = 1; old.length + entry(i).length + 1 <= n; i++) old += `\n${entry(i)}`;
    sheet.getRange(row, header.indexOf('处理过程记录') + 1).setValue(old);
    const before = snapshot(rt);
    for (const [action, payload] of steps) expect(act(rt, id, action, payload).errors).toBeUndefined();
    const after = expectIntact(rt, before, { tickets: { [id]: [...MAY, '解决方案', '提交人反馈'] } });
    const log = String(after.tickets.get(id)!.get('处理过程记录'));
    expect(log.length).toBeLessThan(50_000);
    const moved = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工作日志归档')!.getDataRange().getValues()
      .filter((r) => r[0] === id).map((r) => String(r[2])).join('\n');
    for (const line of old.split('\n')) expect(`${moved}\n${log}`).toContain(line);
    expect(log).toMatch(/工作日志归档/);
  });
});
