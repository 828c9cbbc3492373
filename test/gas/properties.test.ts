// The document-property keys live in one module (src/gas/properties.ts), with checked reads: a
// value another version wrote, or one broken by hand, reads as absent, never as a wrong type.
import * as fs from 'fs';
import * as path from 'path';
import { LocalProperties } from '../../runtime/services/properties';
import type { PropertyMap } from '../../runtime/services/properties';
import {
  PROPERTY_KEYS,
  alertsKey,
  alertsKeyId,
  readArchiveStatus,
  readPendingHeader,
  readSubmitTokens,
  readSweepResume,
  readWeeklyStatus,
} from '../../src/gas/properties';

function store(initial: PropertyMap = {}) {
  const data: PropertyMap = { ...initial };
  return new LocalProperties(() => data) as unknown as GoogleAppsScript.Properties.Properties;
}

describe('document-property keys', () => {
  it('are distinct, and no source file outside the module spells one out', () => {
    const keys = Object.values(PROPERTY_KEYS);
    expect(new Set(keys).size).toBe(keys.length);
    const src = path.resolve(__dirname, '../../src');
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith(path.join('gas', 'properties.ts'))) files.push(p);
      }
    };
    walk(src);
    const spelled = files.flatMap((f) => {
      const text = fs.readFileSync(f, 'utf8');
      return (
        keys
          // A key as a string literal ('k', "k") or the head of a template (`k${…}`, `k`); comments may name keys.
          .filter((k) => [`'${k}'`, `"${k}"`, `\`${k}\``, `\`${k}\${`].some((lit) => text.includes(lit)))
          .map((k) => `${path.relative(src, f)}: ${k}`)
      );
    });
    expect(spelled).toEqual([]);
  });

  it('name one ticket per alert record', () => {
    expect(alertsKey('IT20240501001')).toBe('alerts.IT20240501001');
    expect(alertsKeyId('alerts.IT20240501001')).toBe('IT20240501001');
    expect(alertsKeyId('sweep.status')).toBeNull();
  });
});

describe('checked reads', () => {
  it('submit tokens: pairs of strings; anything else reads as none', () => {
    expect(readSubmitTokens(store())).toEqual([]);
    expect(readSubmitTokens(store({ 'intake.tokens': '[["abcdefgh","IT20240501001"]]' }))).toEqual([
      ['abcdefgh', 'IT20240501001'],
    ]);
    expect(readSubmitTokens(store({ 'intake.tokens': 'not json' }))).toEqual([]);
    expect(readSubmitTokens(store({ 'intake.tokens': '{"a":1}' }))).toEqual([]);
    expect(
      readSubmitTokens(store({ 'intake.tokens': '[["abcdefgh",7],["ijklmnop","IT20240501002"]]' })),
    ).toEqual([['ijklmnop', 'IT20240501002']]);
  });

  it('sweep resume row: a whole number inside the block, else the start', () => {
    expect(readSweepResume(store(), 10)).toBe(0);
    expect(readSweepResume(store({ 'sweep.resumeAt': '4' }), 10)).toBe(4);
    expect(readSweepResume(store({ 'sweep.resumeAt': '10' }), 10)).toBe(0);
    expect(readSweepResume(store({ 'sweep.resumeAt': '2.5' }), 10)).toBe(0);
    expect(readSweepResume(store({ 'sweep.resumeAt': 'x' }), 10)).toBe(0);
  });

  it('weekly status: the recorded outcome, or null when broken', () => {
    const ok = { at: 1, week: '2024-W19', ok: true, error: '' };
    expect(readWeeklyStatus(store({ 'weekly.status': JSON.stringify(ok) }))).toEqual(ok);
    expect(readWeeklyStatus(store({ 'weekly.status': '{' }))).toBeNull();
    expect(readWeeklyStatus(store({ 'weekly.status': '{"at":"yesterday","ok":true}' }))).toBeNull();
    expect(readWeeklyStatus(store())).toBeNull();
  });

  it('archive batch header: absent or not JSON is none; a header without a usable count has no pieces (so it is cleared)', () => {
    expect(readPendingHeader(store())).toBeNull();
    expect(readPendingHeader(store({ 'archive.pending': 'oops' }))).toBeNull();
    expect(readPendingHeader(store({ 'archive.pending': '{"chunks":2,"count":3,"at":5}' }))).toEqual({
      chunks: 2,
      count: 3,
      at: 5,
    });
    expect(readPendingHeader(store({ 'archive.pending': '{}' }))).toEqual({ chunks: 0 });
    expect(readPendingHeader(store({ 'archive.pending': '{"chunks":-1}' }))).toEqual({ chunks: 0 });
  });

  it('archive status: an object, else null', () => {
    expect(readArchiveStatus(store({ 'archive.status': '{"at":1,"ok":true,"more":false}' }))).toEqual({
      at: 1,
      ok: true,
      more: false,
    });
    expect(readArchiveStatus(store({ 'archive.status': '[1]' }))).toBeNull();
    expect(readArchiveStatus(store({ 'archive.status': 'nope' }))).toBeNull();
  });
});
