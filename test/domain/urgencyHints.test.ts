// Urgency hints say the settings' resolution targets the way a person reads them (issue 20).
import { defaultSettings } from '../../src/domain/settings';
import { targetDuration, urgencyHint } from '../../src/domain/urgencyHints';

const day = { workStart: 9 * 60, workEnd: 18 * 60 };

test.each([
  [{ minutes: 120, clock: '24x7' }, '2 小时', '2 hours'],
  [{ minutes: 60, clock: '24x7' }, '1 小时', '1 hour'],
  [{ minutes: 90, clock: '24x7' }, '90 分钟', '90 minutes'],
  [{ minutes: 2 * 1440, clock: '24x7' }, '2 天', '2 days'],
  [{ minutes: 240, clock: 'working' }, '4 个工作小时', '4 working hours'],
  [{ minutes: 540, clock: 'working' }, '1 个工作日', '1 working day'],
  [{ minutes: 1080, clock: 'working' }, '2 个工作日', '2 working days'],
  [{ minutes: 1440, clock: 'working' }, '约 3 个工作日', 'about 3 working days'], // 24 working hours
] as const)('%j → %s / %s', (tg, zh, en) => {
  expect(targetDuration(tg, day, 'zh')).toBe(zh);
  expect(targetDuration(tg, day, 'en')).toBe(en);
});

test('a shorter working day makes the same target more days', () => {
  expect(
    targetDuration({ minutes: 1440, clock: 'working' }, { workStart: 8 * 60, workEnd: 16 * 60 }, 'en'),
  ).toBe('3 working days');
});

test('the hints of the default settings, in both languages', () => {
  expect(urgencyHint('low', defaultSettings('en'), 'en')).toBe(
    'Not urgent: solved within about 3 working days',
  );
  expect(urgencyHint('medium', defaultSettings('zh'), 'zh')).toBe('影响部分工作，4 个工作小时内解决');
});
