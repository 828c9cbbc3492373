// The stored config against the document-property quotas (9 KB a value, 500 KB a store:
// developers.google.com/apps-script/guides/services/quotas), on the runtime's store that enforces
// them: a settings sheet with hundreds of departments is stored in pieces and read back whole.
import { LocalProperties } from '../../runtime/services/properties';
import type { PropertyMap } from '../../runtime/services/properties';
import { CONFIG_MAX_BYTES, ConfigTooLargeError, PIECE_BYTES, loadConfig, saveConfig, splitByBytes } from '../../src/gas/config';
import type { TrackerConfig } from '../../src/gas/config';
import { defaultSettings, parseSettings, LIST_CAPS } from '../../src/domain/settings';

function store(initial: PropertyMap = {}) {
  const data: PropertyMap = { ...initial };
  return { data, props: new LocalProperties(() => data) as unknown as GoogleAppsScript.Properties.Properties };
}

const config = (departments: string[], agents = defaultSettings('zh').agents): TrackerConfig => ({
  version: 1,
  tickets: null,
  timeZone: 'Asia/Shanghai',
  lang: 'zh',
  settings: { ...defaultSettings('zh'), departments, agents },
  addon: true,
});
const depts = (n: number, name = (i: number) => `销售部/第${i}分公司/区域${i}`) => Array.from({ length: n }, (_, i) => name(i));
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('config in document properties', () => {
  it.each([
    ['6 departments', 6],
    ['300 departments', 300],
    ['500 departments', 500],
  ])('%s: stored within the quotas and read back whole', (_n, n) => {
    const { data, props } = store({ 'intake.lastId': 'IT20240501001' });
    const c = config(depts(n));
    saveConfig(props, c);
    expect(loadConfig(props)).toEqual(c);
    for (const v of Object.values(data)) expect(bytes(v)).toBeLessThanOrEqual(9 * 1024);
    expect(data['intake.lastId']).toBe('IT20240501001');
  });

  it('saving again replaces the pieces, leaving none behind', () => {
    const { data, props } = store();
    saveConfig(props, config(depts(400)));
    const first = Object.keys(data).length;
    saveConfig(props, config(depts(400, (i) => `部门${i}-改名后的很长的名字`)));
    expect(Object.keys(data).length).toBeLessThanOrEqual(first + 1);
    saveConfig(props, config(depts(3)));
    expect(Object.keys(data)).toEqual(['tracker.config']);
    expect(loadConfig(props)!.settings.departments).toEqual(depts(3));
  });

  it('a reader finds a missing piece and reports no config rather than a wrong one', () => {
    const { data, props } = store();
    saveConfig(props, config(depts(300)));
    const piece = Object.keys(data).find((k) => k.startsWith('tracker.config.'))!;
    delete data[piece];
    expect(loadConfig(props)).toBeNull();
  });

  it('an old single-value config still loads', () => {
    const c = config(depts(2));
    const { props } = store({ 'tracker.config': JSON.stringify(c) });
    expect(loadConfig(props)).toEqual(c);
  });

  it('pieces never split a character', () => {
    const text = '部门😀'.repeat(5000);
    const pieces = splitByBytes(text, PIECE_BYTES);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces) expect(bytes(p)).toBeLessThanOrEqual(PIECE_BYTES);
  });

  it('a config past its share of the store is refused with a clear error, the old one kept', () => {
    const { props } = store();
    saveConfig(props, config(depts(3)));
    const huge = config(depts(3000, (i) => `${'很长的部门名称'.repeat(10)}${i}`));
    expect(() => saveConfig(props, huge)).toThrow(ConfigTooLargeError);
    expect(loadConfig(props)!.settings.departments).toEqual(depts(3));
  });

  it('the settings parser keeps any sheet within the config budget', () => {
    const parsed = parseSettings(
      {
        rows: [],
        departments: depts(5000, (i) => `${'很长的部门名称'.repeat(13)}${i}`),
        agents: Array.from({ length: 1000 }, (_, i) => [`${'支持'.repeat(24)}${i}`, '一线', `a${i}@example.com`]),
      },
      'zh',
    );
    expect(parsed.settings.departments.length).toBeLessThanOrEqual(LIST_CAPS.departments.items);
    expect(parsed.settings.agents.length).toBeLessThanOrEqual(LIST_CAPS.agents.items);
    expect(parsed.warnings.map((w) => w.message).join('\n')).toMatch(/只使用前/);
    const c = config(parsed.settings.departments, parsed.settings.agents);
    expect(bytes(JSON.stringify(c))).toBeLessThan(CONFIG_MAX_BYTES);
    const { props } = store();
    saveConfig(props, c);
    expect(loadConfig(props)).toEqual(c);
  });

  it('too long a department is dropped with a warning naming it', () => {
    const parsed = parseSettings({ rows: [], departments: ['研发部', 'x'.repeat(101)], agents: [] }, 'en');
    expect(parsed.settings.departments).toEqual(['研发部']);
    expect(parsed.warnings[0].message).toMatch(/1 entries are longer than 100/);
  });
});

describe('every settings cell at its largest still fits', () => {
  it('50,000-character emails, names and date lists are left out, the config stays within budget', () => {
    const huge = 'x'.repeat(49_990);
    const dates = Array.from({ length: 4000 }, (_, i) => `20${String(10 + (i % 80)).padStart(2, '0')}-01-${String(1 + (i % 28)).padStart(2, '0')}`).join(',');
    const parsed = parseSettings(
      {
        rows: [['组长邮箱', `${huge}@example.com`], ['节假日', dates], ['调休上班日', dates]],
        departments: Array.from({ length: 600 }, () => huge),
        agents: Array.from({ length: 200 }, (_, i) => [`张工${i}`, '一线', `${huge}${i}@example.com`]),
      },
      'zh',
    );
    expect(parsed.settings.leadEmail).toBe('');
    expect(parsed.settings.agents.every((a) => a.email === '')).toBe(true);
    const c = config(parsed.settings.departments, parsed.settings.agents);
    const full = { ...c, settings: { ...c.settings, ...parsed.settings } };
    expect(Buffer.byteLength(JSON.stringify(full), 'utf8')).toBeLessThan(CONFIG_MAX_BYTES / 2);
    const { props } = store();
    saveConfig(props, full);
    expect(loadConfig(props)).toEqual(full);
  });
});
