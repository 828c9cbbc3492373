import type { MessageKey } from '../../src/domain/i18n';
import { langOfLocale, t } from '../../src/domain/i18n';

// A Record so tsc fails when a message key is added or removed without updating this list.
const ALL: Record<MessageKey, true> = {
  required: true,
  closeNeedsNote: true,
  headerRestored: true,
  idPasted: true,
  alreadyTier2: true,
  settingHolidayConflict: true,
  settingListTooLong: true,
  settingEntryTooLong: true,
  sweepDone: true,
  titleTooLong: true,
  tooLong: true,
  controlChars: true,
  brokenChars: true,
  bidiChars: true,
  notInList: true,
  personalMobile: true,
  contactFormat: true,
  vagueDescription: true,
  badRequest: true,
  badEditEvent: true,
  busy: true,
  noTicketSheet: true,
  ticketNotFound: true,
  changedBy: true,
  moveNotAllowed: true,
  actionNotAllowed: true,
  idReadOnly: true,
  columnMissing: true,
  setupConfirm: true,
  setupDone: true,
  setupCancelled: true,
  unmappedCells: true,
  settingInvalid: true,
  reasonRequired: true,
  solutionRequired: true,
  unknownAgent: true,
  teamOnly: true,
  webFormNeedsBoundScript: true,
  webFormTitle: true,
};
const KEYS = Object.keys(ALL) as MessageKey[];

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('t', () => {
  it.each(KEYS)('%s exists in both languages with the same placeholders', (key) => {
    const zh = t('zh', key);
    const en = t('en', key);
    expect(zh).toBeTruthy();
    expect(en).toBeTruthy();
    expect(zh).not.toBe(en);
    expect(placeholders(zh)).toEqual(placeholders(en));
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('fills parameters', () => {
    expect(t('zh', 'required', { field: '问题标题' })).toBe('请填写问题标题。');
    expect(t('en', 'titleTooLong', { max: 20, n: 21 })).toBe('The title must be at most 20 characters (now 21).');
    expect(t('zh', 'moveNotAllowed', { from: '已关闭', to: '处理中' })).toBe('不允许把状态从「已关闭」改为「处理中」。');
    expect(t('en', 'setupConfirm', { sheet: '工单', rows: 3, plan: '- add columns' })).toBe(
      'About to adopt sheet "工单" (3 rows of data):\n- add columns\n\nNo existing data will be removed. Continue?',
    );
  });

  it('leaves a missing parameter visible, ignores extra ones', () => {
    expect(t('en', 'ticketNotFound')).toBe('Ticket {id} was not found.');
    expect(t('en', 'ticketNotFound', { id: 'IT20240501001', other: 'x' })).toBe('Ticket IT20240501001 was not found.');
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
