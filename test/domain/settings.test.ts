// The settings sheet parsed (src/domain/settings.ts): defaults and their round trip, labels, each
// row valid and invalid, working hours, days, targets, the weekly time, departments and agents.
// Over ~400 lines: one module's cases, one short describe per setting.
import type { Lang } from '../../src/domain/schema';
import type { SettingsInput } from '../../src/domain/settings';
import {
  SETTING_KEYS,
  defaultSettingRows,
  defaultSettings,
  formatHm,
  formatTarget,
  parseDateList,
  parseHm,
  parseSettings,
  parseTarget,
  parseWorkDays,
  settingKeyForLabel,
} from '../../src/domain/settings';

const input = (rows: unknown[][], departments: unknown[] = [], agents: unknown[][] = []): SettingsInput => ({
  rows,
  departments,
  agents,
});
const one = (label: string, value: unknown, lang: Lang = 'zh') =>
  parseSettings(input([[label, value]]), lang);

describe('defaults', () => {
  it('match the SPEC', () => {
    const s = defaultSettings();
    expect(s.lang).toBeNull();
    expect(s.workDays).toEqual([1, 2, 3, 4, 5]);
    expect([s.workStart, s.workEnd]).toEqual([540, 1080]);
    expect(s.holidays).toEqual([]);
    expect(s.extraWorkDays).toEqual([]);
    for (const u of ['high', 'medium', 'low'] as const) {
      expect(s.targets.response[u]).toEqual({ minutes: 60, clock: 'working' });
      expect(s.targets.escalation[u]).toEqual({ minutes: 30, clock: 'working' });
      expect(s.targets.update[u]).toEqual({ minutes: 120, clock: 'working' });
    }
    expect(s.targets.resolution).toEqual({
      high: { minutes: 120, clock: '24x7' },
      medium: { minutes: 240, clock: 'working' },
      low: { minutes: 1440, clock: 'working' },
    });
    expect(s.atRiskShare).toBe(0.75);
    expect(s.sweepMinutes).toBe(60);
    expect([s.weeklyWeekday, s.weeklyHour]).toEqual([1, 9]);
    expect(s.emailAlerts).toBe(false);
    expect(s.agents.map((a) => [a.name, a.tier])).toEqual([
      ['张工', 'tier1'],
      ['王工', 'tier1'],
      ['李工程师', 'tier2'],
    ]);
    expect(s.departments).toContain('销售部/北京分公司');
  });

  it('are a fresh object every time', () => {
    const a = defaultSettings();
    a.targets.response.high.minutes = 1;
    a.workDays.push(6);
    expect(defaultSettings().targets.response.high.minutes).toBe(60);
    expect(defaultSettings().workDays).toEqual([1, 2, 3, 4, 5]);
  });

  it('empty input gives the defaults without warnings', () => {
    // A sheet without the 通知提交人 row predates the requester mail: off (issue 18).
    expect(parseSettings(input([]), 'zh')).toEqual({ settings: { ...defaultSettings(), notifyRequesters: false }, warnings: [] });
  });
});

describe('defaultSettingRows round-trip', () => {
  it.each(['zh', 'en'] as Lang[])('%s rows parse back to the defaults without warnings', (lang) => {
    const rows = defaultSettingRows(lang);
    expect(rows).toHaveLength(SETTING_KEYS.length);
    for (const r of rows) expect(r).toHaveLength(3);
    expect(rows.map((r) => settingKeyForLabel(r[0]))).toEqual(SETTING_KEYS);
    const { settings, warnings } = parseSettings(input(rows), lang);
    expect(warnings).toEqual([]);
    expect(settings).toEqual(defaultSettings(lang));
  });

  it('zh rows read in an en sheet and vice versa', () => {
    expect(parseSettings(input(defaultSettingRows('zh')), 'en').warnings).toEqual([]);
    expect(parseSettings(input(defaultSettingRows('en')), 'zh').warnings).toEqual([]);
  });

  it('labels are unique per language', () => {
    for (const lang of ['zh', 'en'] as Lang[]) {
      const labels = defaultSettingRows(lang).map((r) => r[0]);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it('zh default texts', () => {
    const rows = Object.fromEntries(defaultSettingRows('zh').map((r) => [r[0], r[1]]));
    expect(rows['工作日']).toBe('周一至周五');
    expect(rows['首次响应（高）']).toBe('1h 工作时间');
    expect(rows['解决时限（高）']).toBe('2h 全天');
    expect(rows['解决时限（低）']).toBe('24h 工作时间');
    expect(rows['风险阈值']).toBe('75%');
  });
});

describe('labels: from the catalog, full-width in Chinese, the older half-width ones still read (issue 20)', () => {
  it('Chinese labels carry full-width brackets, English ones half-width', () => {
    const zh = defaultSettingRows('zh').map((r) => r[0]);
    const en = defaultSettingRows('en').map((r) => r[0]);
    expect(zh).toContain('解决时限（中）');
    expect(zh).toContain('SLA 巡检间隔（分钟）');
    expect(zh.filter((l) => /[()]/.test(l))).toEqual([]);
    expect(en).toContain('Resolution (Medium)');
    expect(en.filter((l) => /[（）]/.test(l))).toEqual([]);
  });

  it('a settings sheet written before (half-width labels) reads exactly as one written now', () => {
    // The rows an earlier setup wrote: the same labels with half-width brackets, values changed.
    const now = defaultSettingRows('zh');
    const values = (rows: string[][]) =>
      rows.map(([label, value]) =>
        [label, /^(首次响应|一线升级提示|解决时限|进度同步间隔)/.test(label) ? '3h 全天' : /巡检/.test(label) ? '15' : value],
      );
    const before = now.map(([label, ...rest]) => [label.replace(/（/g, '(').replace(/）/g, ')'), ...rest]);
    expect(before.map((r) => r[0])).toContain('解决时限(中)');
    const old = parseSettings(input(values(before)), 'zh');
    const cur = parseSettings(input(values(now)), 'zh');
    expect(old.warnings).toEqual([]);
    expect(old.settings).toEqual(cur.settings);
    // Nothing the old sheet says is lost: every target and the sweep interval were read from it.
    expect(old.settings.targets.resolution.medium).toEqual({ minutes: 180, clock: '24x7' });
    expect(old.settings.targets.update.low).toEqual({ minutes: 180, clock: '24x7' });
    expect(old.settings.sweepMinutes).toBe(15);
    for (const [label] of before) expect([label, settingKeyForLabel(label)]).not.toEqual([label, null]);
  });
});

describe('settingKeyForLabel', () => {
  it.each([
    ['语言', 'language'],
    ['Language', 'language'],
    ['language', 'language'],
    [' 工作日 ', 'workDays'],
    ['解决时限(中)', 'resolution.medium'],
    ['Resolution (Medium)', 'resolution.medium'],
    ['resolution.medium', 'resolution.medium'],
    ['解决时限（中）', 'resolution.medium'], // full-width brackets typed with a Chinese IME
    ['SLA 巡检间隔(分钟)', 'sweepMinutes'],
    ['working days', 'workDays'],
  ])('%p → %s', (label, key) => {
    expect(settingKeyForLabel(label)).toBe(key);
  });

  it.each([['其他设置'], [''], [null], [42]])('%p → null', (label) => {
    expect(settingKeyForLabel(label)).toBeNull();
  });
});

describe('each row valid', () => {
  it('all values replaced at once', () => {
    const { settings: s, warnings } = parseSettings(
      input([
        ['语言', 'English'],
        ['工作日', '1-6'],
        ['上班时间', '08:30'],
        ['下班时间', '17:30'],
        ['节假日', '2024-05-01, 2024-05-02\n2024-05-03'],
        ['调休上班日', '2024-04-28'],
        ['首次响应(高)', '30min'],
        ['解决时限(中)', '8h 全天'],
        ['风险阈值', '80%'],
        ['SLA 巡检间隔(分钟)', '15'],
        ['周报生成时间', '周五 17'],
        ['邮件提醒', '是'],
        ['组长邮箱', 'lead@example.com'],
        ['归档天数', '30'],
      ]),
      'zh',
    );
    expect(warnings).toEqual([]);
    expect(s.lang).toBe('en');
    expect(s.workDays).toEqual([1, 2, 3, 4, 5, 6]);
    expect([s.workStart, s.workEnd]).toEqual([510, 1050]);
    expect(s.holidays).toEqual(['2024-05-01', '2024-05-02', '2024-05-03']);
    expect(s.extraWorkDays).toEqual(['2024-04-28']);
    expect(s.targets.response.high).toEqual({ minutes: 30, clock: 'working' });
    expect(s.targets.response.medium).toEqual({ minutes: 60, clock: 'working' });
    expect(s.targets.resolution.medium).toEqual({ minutes: 480, clock: '24x7' });
    expect(s.atRiskShare).toBeCloseTo(0.8);
    expect(s.sweepMinutes).toBe(15);
    expect([s.weeklyWeekday, s.weeklyHour]).toEqual([5, 17]);
    expect(s.emailAlerts).toBe(true);
    expect(s.leadEmail).toBe('lead@example.com');
    expect(s.archiveAfterDays).toBe(30);
  });

  it.each([
    ['自动', null],
    ['auto', null],
    ['', null],
    ['中文', 'zh'],
    ['zh-CN', 'zh'],
    ['English', 'en'],
    ['EN', 'en'],
    ['英文', 'en'],
  ])('language %p → %p', (v, lang) => {
    const r = one('语言', v);
    expect(r.warnings).toEqual([]);
    expect(r.settings.lang).toBe(lang);
  });

  it.each([
    [true, true],
    [false, false],
    ['开启', true],
    ['On', true],
    ['yes', true],
    ['否', false],
    ['off', false],
    ['', false],
  ])('email alerts %p → %p', (v, b) => {
    expect(one('邮件提醒', v).settings.emailAlerts).toBe(b);
  });

  it('sheet-converted cells: time fraction, number', () => {
    expect(one('上班时间', 8.5 / 24).settings.workStart).toBe(510);
    expect(one('归档天数', 45).settings.archiveAfterDays).toBe(45);
    expect(one('归档天数', '45.6').settings.archiveAfterDays).toBe(46);
    // Auto-close after N working days (issue 18): 3 by default, whole days 1–30.
    expect(one('无回复自动关闭（工作日）', 5).settings.autoCloseDays).toBe(5);
    expect(one('无回复自动关闭(工作日)', '2').settings.autoCloseDays).toBe(2);
    expect(one('归档天数', 45).settings.autoCloseDays).toBe(3);
  });
});

describe('the requester-mail switch (issue 18)', () => {
  it('a new sheet says yes; a row saying no turns it off; a sheet without the row reads as off', () => {
    expect(defaultSettingRows('zh').find((r) => r[0] === '通知提交人')?.[1]).toBe('是');
    expect(defaultSettingRows('en').find((r) => r[0] === 'Notify requesters')?.[1]).toBe('yes');
    expect(parseSettings(input([['通知提交人', '是']]), 'zh').settings.notifyRequesters).toBe(true);
    expect(parseSettings(input([['Notify requesters', 'no']]), 'en').settings.notifyRequesters).toBe(false);
    expect(parseSettings(input([['邮件提醒', '是']]), 'zh').settings.notifyRequesters).toBe(false);
  });
});

describe('each row invalid: falls back with a warning naming the setting', () => {
  const cases: [string, string, unknown, (s: ReturnType<typeof defaultSettings>) => unknown][] = [
    ['语言', 'Language', 'Klingon', (s) => s.lang],
    ['工作日', 'Working days', '周八', (s) => s.workDays],
    ['上班时间', 'Working hours start', '25:00', (s) => s.workStart],
    ['下班时间', 'Working hours end', '18:60', (s) => s.workEnd],
    ['节假日', 'Holidays', '2024-02-30', (s) => s.holidays],
    ['调休上班日', 'Extra working days', 'next sat', (s) => s.extraWorkDays],
    ['首次响应（高）', 'First response (High)', 'soon', (s) => s.targets.response.high],
    ['一线升级提示（中）', 'Tier-1 escalation hint (Medium)', '0min', (s) => s.targets.escalation.medium],
    ['解决时限（低）', 'Resolution (Low)', '-2h', (s) => s.targets.resolution.low],
    ['进度同步间隔（高）', 'Progress update interval (High)', '2d', (s) => s.targets.update.high],
    ['风险阈值', 'At-risk threshold', '150%', (s) => s.atRiskShare],
    ['SLA 巡检间隔（分钟）', 'SLA sweep interval (minutes)', '0', (s) => s.sweepMinutes],
    ['周报生成时间', 'Weekly review time', '每周一', (s) => [s.weeklyWeekday, s.weeklyHour]],
    ['邮件提醒', 'Email alerts', 'maybe', (s) => s.emailAlerts],
    ['组长邮箱', 'Team lead email', 'lead at example', (s) => s.leadEmail],
    ['归档天数', 'Archive after (days)', 'forever', (s) => s.archiveAfterDays],
    ['无回复自动关闭（工作日）', 'Auto-close after (working days)', '0', (s) => s.autoCloseDays],
    ['通知提交人', 'Notify requesters', 'perhaps', (s) => s.notifyRequesters],
  ];

  it('covers every setting key', () => {
    const keys = new Set(cases.map((c) => settingKeyForLabel(c[0])));
    for (const k of SETTING_KEYS)
      if (!/^(response|escalation|resolution|update)\./.test(k)) expect([k, keys.has(k)]).toEqual([k, true]);
  });

  it.each(cases)('%s / %s = %p', (zh, en, bad, pick) => {
    for (const [lang, label] of [
      ['zh', zh],
      ['en', en],
    ] as [Lang, string][]) {
      const { settings, warnings } = parseSettings(
        input([
          ['ignored', 'x'],
          [label, bad],
        ]),
        lang,
      );
      expect(pick(settings)).toEqual(pick(defaultSettings()));
      expect(warnings).toHaveLength(1);
      expect(warnings[0].row).toBe(1);
      expect(warnings[0].message).toContain(label);
      expect(warnings[0].message).toContain(String(bad));
    }
  });

  it('zh warning text', () => {
    expect(one('上班时间', '25:00').warnings[0].message).toBe(
      '设置「上班时间」的值「25:00」无效，已使用默认值 09:00。',
    );
    expect(one('节假日', 'x').warnings[0].message).toContain('—');
  });

  it('one bad row does not spoil the others', () => {
    const { settings, warnings } = parseSettings(
      input([
        ['上班时间', 'nine'],
        ['下班时间', '17:00'],
        ['邮件提醒', '是'],
      ]),
      'zh',
    );
    expect(warnings.map((w) => w.row)).toEqual([0]);
    expect([settings.workStart, settings.workEnd, settings.emailAlerts]).toEqual([540, 1020, true]);
  });

  it('unknown labels are ignored', () => {
    expect(parseSettings(input([['说明', '本表由插件生成'], [], [null, null]]), 'zh')).toEqual({
      settings: { ...defaultSettings(), notifyRequesters: false },
      warnings: [],
    });
  });
});

describe('working hours', () => {
  it.each([
    ['18:00', '09:00'],
    ['09:00', '09:00'],
    ['12:00', '08:00'],
  ])('start %s end %s: both fall back, with a warning', (start, end) => {
    const { settings, warnings } = parseSettings(
      input([
        ['上班时间', start],
        ['下班时间', end],
      ]),
      'zh',
    );
    expect([settings.workStart, settings.workEnd]).toEqual([540, 1080]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toContain('下班时间');
  });

  it('end alone before the default start also falls back', () => {
    const { settings, warnings } = one('Working hours end', '08:00', 'en');
    expect([settings.workStart, settings.workEnd]).toEqual([540, 1080]);
    expect(warnings[0].message).toContain('Working hours end');
  });

  it.each([
    ['09:00', 540],
    ['9:30', 570],
    ['9：30', 570],
    [' 18:00 ', 1080],
    ['00:00', 0],
    ['24:00', 1440],
    [0.375, 540],
    [0, 0],
  ])('parseHm %p → %d', (v, n) => {
    expect(parseHm(v)).toEqual({ ok: true, value: n });
  });

  it.each(['24:30', '9', '9:5', '09:60', 'nine', '', -0.1, 1, 1.5, null])('parseHm %p fails', (v) => {
    expect(parseHm(v).ok).toBe(false);
  });

  it('parseHm takes a Date cell by its wall-clock time', () => {
    expect(parseHm(new Date(1899, 11, 30, 8, 45))).toEqual({ ok: true, value: 525 });
  });

  it.each([
    [0, '00:00'],
    [540, '09:00'],
    [1050, '17:30'],
    [1440, '24:00'],
  ])('formatHm %d → %s', (n, s) => {
    expect(formatHm(n)).toBe(s);
  });
});

describe('parseWorkDays', () => {
  it.each([
    ['周一至周五', [1, 2, 3, 4, 5]],
    ['星期一到星期六', [1, 2, 3, 4, 5, 6]],
    ['Mon-Fri', [1, 2, 3, 4, 5]],
    ['mon–fri', [1, 2, 3, 4, 5]],
    ['Monday-Friday', [1, 2, 3, 4, 5]],
    ['1-5', [1, 2, 3, 4, 5]],
    ['1,3,5', [1, 3, 5]],
    ['1，3，5', [1, 3, 5]],
    ['周一、周三、周五', [1, 3, 5]],
    ['Mon,Wed', [1, 3]],
    ['Mon Wed Fri', [1, 3, 5]],
    ['5,1,3,1', [1, 3, 5]],
    ['1-5, 7', [1, 2, 3, 4, 5, 7]],
    ['周六,周日', [6, 7]],
    ['星期天', [7]],
    ['Mon - Fri', [1, 2, 3, 4, 5]],
    ['周一 至 周五', [1, 2, 3, 4, 5]],
    [5, [5]],
  ] as [unknown, number[]][])('%p → %p', (v, days) => {
    expect(parseWorkDays(v)).toEqual({ ok: true, value: days });
  });

  it.each(['', '周八', '0-5', '1-8', 'Fri-Mon', '5-1', 'weekdays', '1-3-5', null])('%p fails', (v) => {
    expect(parseWorkDays(v).ok).toBe(false);
  });
});

describe('parseDateList', () => {
  it.each([
    ['', []],
    ['2024-05-01', ['2024-05-01']],
    ['2024-05-01, 2024-05-02', ['2024-05-01', '2024-05-02']],
    ['2024/5/3\n2024-05-01；2024年5月2日', ['2024-05-01', '2024-05-02', '2024-05-03']],
    ['2024-05-01,2024-05-01', ['2024-05-01']],
    ['2024-02-29', ['2024-02-29']],
  ] as [unknown, string[]][])('%p → %p', (v, dates) => {
    expect(parseDateList(v)).toEqual({ ok: true, value: dates });
  });

  it.each([
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-05-01, tomorrow',
    '05-01',
    '2024-05-01x',
  ])('%p refuses the whole cell', (v) => {
    expect(parseDateList(v).ok).toBe(false);
  });

  it('a holidays row with one bad date keeps the default (none) and warns', () => {
    const r = one('节假日', '2024-05-01, 2024-05-32');
    expect(r.settings.holidays).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0].message).toContain('节假日');
  });

  it('a Date cell counts as one date', () => {
    expect(parseDateList(new Date(2024, 9, 1))).toEqual({ ok: true, value: ['2024-10-01'] });
  });
});

describe('parseTarget', () => {
  it.each([
    ['4h 工作时间', 'working', 240, 'working'],
    ['2h 全天', 'working', 120, '24x7'],
    ['30min', 'working', 30, 'working'],
    ['30min', '24x7', 30, '24x7'],
    ['1.5 小时', 'working', 90, 'working'],
    ['4', 'working', 240, 'working'],
    ['4 H', '24x7', 240, '24x7'],
    ['2 hours', 'working', 120, 'working'],
    ['45 分钟 (全天)', 'working', 45, '24x7'],
    ['24h（工作时间）', '24x7', 1440, 'working'],
    ['4h working hours', '24x7', 240, 'working'],
    ['4h working', '24x7', 240, 'working'],
    ['8h business hours', '24x7', 480, 'working'],
    ['2h round the clock', 'working', 120, '24x7'],
    ['2h 24x7', 'working', 120, '24x7'],
    ['2h 24/7', 'working', 120, '24x7'],
    ['1h 自然时间', 'working', 60, '24x7'],
  ] as [string, 'working' | '24x7', number, string][])(
    '%p (default clock %s) → %d min %s',
    (v, fb, minutes, clock) => {
      expect(parseTarget(v, fb)).toEqual({ ok: true, value: { minutes, clock } });
    },
  );

  it.each(['', 'soon', '0h', '0', '-1h', '2d', '4h overtime', 'h', '61 days', '1441h', '4h 工作时间 全天'])(
    '%p fails',
    (v) => {
      expect(parseTarget(v, 'working').ok).toBe(false);
    },
  );

  it('formatTarget output parses back in both languages', () => {
    for (const lang of ['zh', 'en'] as Lang[]) {
      for (const tg of [
        { minutes: 60, clock: 'working' as const },
        { minutes: 90, clock: '24x7' as const },
        { minutes: 1440, clock: 'working' as const },
        { minutes: 30, clock: '24x7' as const },
      ]) {
        const fallback = tg.clock === 'working' ? '24x7' : 'working';
        expect([formatTarget(tg, lang), parseTarget(formatTarget(tg, lang), fallback)]).toEqual([
          formatTarget(tg, lang),
          { ok: true, value: tg },
        ]);
      }
    }
  });

  it('target rows without a clock word keep the default clock for that target', () => {
    const { settings, warnings } = parseSettings(
      input([
        ['解决时限(高)', '3h'],
        ['解决时限(中)', '3h'],
      ]),
      'zh',
    );
    expect(warnings).toEqual([]);
    expect(settings.targets.resolution.high).toEqual({ minutes: 180, clock: '24x7' });
    expect(settings.targets.resolution.medium).toEqual({ minutes: 180, clock: 'working' });
  });

  it('garbage target falls back and names the target and urgency', () => {
    const r = one('Resolution (High)', 'asap', 'en');
    expect(r.settings.targets.resolution.high).toEqual({ minutes: 120, clock: '24x7' });
    expect(r.warnings[0].message).toBe(
      'Setting "Resolution (High)" has an invalid value "asap"; using the default 2h round the clock.',
    );
  });
});

describe('at-risk share and sweep interval', () => {
  it.each([
    ['75%', 0.75],
    [0.75, 0.75],
    ['0.75', 0.75],
    [75, 0.75],
    ['75', 0.75],
    ['80 %', 0.8],
    [0.5, 0.5],
    ['99%', 0.99],
  ] as [unknown, number][])('at-risk %p → %p', (v, share) => {
    const r = one('风险阈值', v);
    expect(r.warnings).toEqual([]);
    expect(r.settings.atRiskShare).toBeCloseTo(share, 10);
  });

  it.each(['0%', '100%', 150, 'high', '', -0.5])('at-risk %p falls back to 0.75', (v) => {
    const r = one('风险阈值', v);
    expect(r.settings.atRiskShare).toBe(0.75);
    expect(r.warnings).toHaveLength(1);
  });

  it.each([
    [10, 10],
    [1, 10],
    [12, 10],
    [14, 15],
    ['15', 15],
    [20, 15],
    [30, 30],
    [45, 60],
    [60, 60],
    [90, 60], // a tie keeps the default
    [100, 120],
    [1440, 720],
  ])('sweep %p snaps to %d', (v, snapped) => {
    const r = one('SLA 巡检间隔(分钟)', v);
    expect(r.warnings).toEqual([]);
    expect(r.settings.sweepMinutes).toBe(snapped);
  });

  it.each([0, 1441, 'hourly', ''])('sweep %p falls back to 60', (v) => {
    const r = one('SLA 巡检间隔(分钟)', v);
    expect(r.settings.sweepMinutes).toBe(60);
    expect(r.warnings).toHaveLength(1);
  });
});

describe('weekly review time', () => {
  it.each([
    ['周一 09:00', 1, 9],
    ['Mon 9', 1, 9],
    ['星期五 17:00', 5, 17],
    ['sunday 0', 7, 0],
    ['3 8', 3, 8],
  ])('%p → weekday %d hour %d', (v, d, h) => {
    const r = one('周报生成时间', v);
    expect(r.warnings).toEqual([]);
    expect([r.settings.weeklyWeekday, r.settings.weeklyHour]).toEqual([d, h]);
  });

  it.each(['周一 24:00', '周八 09:00', '周一', 'Mon 9:30'])('%p falls back', (v) => {
    const r = one('周报生成时间', v);
    expect([r.settings.weeklyWeekday, r.settings.weeklyHour]).toEqual([1, 9]);
    expect(r.warnings).toHaveLength(1);
  });
});

describe('departments and agents', () => {
  it('departments are trimmed, deduplicated and keep their order', () => {
    const r = parseSettings(
      input([], [' 销售部/北京分公司 ', '', null, '财务部/总部', '销售部/北京分公司', 42]),
      'zh',
    );
    expect(r.settings.departments).toEqual(['销售部/北京分公司', '财务部/总部', '42']);
  });

  it('an empty department list keeps the defaults', () => {
    expect(parseSettings(input([], ['', null]), 'zh').settings.departments).toEqual(
      defaultSettings().departments,
    );
  });

  it('agents with valid tiers in either language', () => {
    const r = parseSettings(
      input(
        [],
        [],
        [
          ['张工', '一线', 'zhang@corp.cn'],
          ['李工程师', 'Tier 2', ''],
          ['', '二线', 'nobody@corp.cn'],
          ['Amy', 'l2', ' amy@corp.cn '],
        ],
      ),
      'en',
    );
    expect(r.warnings).toEqual([]);
    expect(r.settings.agents).toEqual([
      { name: '张工', tier: 'tier1', email: 'zhang@corp.cn' },
      { name: '李工程师', tier: 'tier2', email: '' },
      { name: 'Amy', tier: 'tier2', email: 'amy@corp.cn' },
    ]);
  });

  it('bad tier → tier 1 with a warning; bad email → dropped with a warning; agent kept', () => {
    const r = parseSettings(
      input(
        [],
        [],
        [
          ['张工', '三线', 'zhang@corp.cn'],
          ['王工', '一线', 'not-an-email'],
        ],
      ),
      'zh',
    );
    expect(r.settings.agents).toEqual([
      { name: '张工', tier: 'tier1', email: 'zhang@corp.cn' },
      { name: '王工', tier: 'tier1', email: '' },
    ]);
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0].message).toContain('支持人员 1');
    expect(r.warnings[0].message).toContain('三线');
    expect(r.warnings[0].message).toContain('一线');
    expect(r.warnings[1].message).toContain('支持人员 2');
    expect(r.warnings[1].message).toContain('not-an-email');
    expect(r.warnings.every((w) => w.row === -1)).toBe(true);
  });

  it('an agent address the mailer would skip (a display name, a list) is flagged, not kept to be dropped silently (issue 18)', () => {
    const r = parseSettings(input([], [], [['张工', '一线', 'Zhang<zhang@corp.cn>'], ['王工', '一线', 'wang@corp.cn,li']]), 'zh');
    expect(r.settings.agents).toEqual([
      { name: '张工', tier: 'tier1', email: '' },
      { name: '王工', tier: 'tier1', email: '' },
    ]);
    expect(r.warnings.map((w) => w.message.includes('支持人员'))).toEqual([true, true]);
  });

  it('no agent rows keeps the default agents', () => {
    expect(parseSettings(input([], [], [['', '', '']]), 'zh').settings.agents).toEqual(
      defaultSettings().agents,
    );
  });
});
