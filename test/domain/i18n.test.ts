import type { MessageKey } from '../../src/domain/i18n';
import { langOfLocale, t } from '../../src/domain/i18n';
import { zh as zhCatalog } from '../../src/domain/messages/zh';

// What plain-JavaScript callers (the client bundle's messages, a hand-made params object) can pass:
// the typed signature forbids these, the runtime must still behave.
const untyped = t as (lang: 'zh' | 'en', key: MessageKey, params?: Record<string, string | number>) => string;

// Every flat message of the catalog (tsc already refuses a key missing in one language).
const KEYS = (Object.keys(zhCatalog) as (keyof typeof zhCatalog)[]).filter(
  (k): k is MessageKey => typeof zhCatalog[k] === 'string',
);

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('t', () => {
  it.each(KEYS)('%s exists in both languages with the same placeholders', (key) => {
    const zh = untyped('zh', key);
    const en = untyped('en', key);
    expect(zh).toBeTruthy();
    expect(en).toBeTruthy();
    expect(zh).not.toBe(en);
    expect(placeholders(zh)).toEqual(placeholders(en));
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    expect(zh).toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
  });

  it('fills parameters', () => {
    expect(t('zh', 'required', { field: '问题标题' })).toBe('请填写问题标题。');
    expect(t('en', 'titleTooLong', { max: 60, n: 61 })).toBe('The title must be at most 60 characters (now 61; a Chinese character counts as three).');
    expect(t('zh', 'moveNotAllowed', { from: '已关闭', to: '处理中' })).toBe('不允许把状态从「已关闭」改为「处理中」。');
    expect(t('en', 'setupConfirm', { sheet: '工单', rows: 3, plan: '- add columns' })).toBe(
      'About to adopt sheet "工单" (3 rows of data):\n- add columns\n\nNothing you wrote is changed or removed: setup writes only the columns it adds and empty ticket ID cells. Continue?',
    );
  });

  it('leaves a missing parameter visible, ignores extra ones', () => {
    expect(untyped('en', 'ticketNotFound')).toBe('Ticket {id} was not found.');
    expect(untyped('en', 'ticketNotFound', { id: 'IT20240501001', other: 'x' })).toBe('Ticket IT20240501001 was not found.');
  });

  it('does not interpret $ patterns or braces inside values', () => {
    expect(t('en', 'ticketNotFound', { id: "$& $' $1" })).toBe("Ticket $& $' $1 was not found.");
    expect(t('en', 'unknownAgent', { name: '{name}' })).toBe('"{name}" is not an agent listed in Settings.');
  });
});

describe('langOfLocale', () => {
  it.each([
    ['en', 'en'],
    ['en_US', 'en'],
    ['en-GB', 'en'],
    ['EN_gb', 'en'],
    ['zh_CN', 'zh'],
    ['zh-TW', 'zh'],
    ['ja_JP', 'zh'],
    ['de', 'zh'],
    ['', 'zh'],
    [null, 'zh'],
    [undefined, 'zh'],
  ])('%p → %s', (locale, lang) => {
    expect(langOfLocale(locale)).toBe(lang);
  });
});
