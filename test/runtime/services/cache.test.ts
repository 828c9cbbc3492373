// CacheService fidelity: reference/cache/cache.
import { LocalCacheService, emptyCaches } from '../../../runtime/services/cache';
import { testContext, T0 } from './helpers';

function cache() {
  const { ctx } = testContext();
  const data = emptyCaches();
  return { ctx, svc: new LocalCacheService(ctx, () => data, () => true) };
}

describe('CacheService', () => {
  // Each row: expiration passed to put, seconds later, still there?
  test.each([
    { ref: 'cache#putkey,-value: default 600 s', exp: undefined, after: 599, present: true },
    { ref: 'cache#putkey,-value: default 600 s (expired)', exp: undefined, after: 600, present: false },
    { ref: 'cache#putkey,-value,-expirationinseconds', exp: 5, after: 4, present: true },
    { ref: 'cache#putkey,-value,-expirationinseconds (expired)', exp: 5, after: 5, present: false },
    { ref: 'max 21600 s (6 h)', exp: 21600, after: 21599, present: true },
  ])('$ref after $after s → $present', ({ exp, after, present }) => {
    const { ctx, svc } = cache();
    const c = svc.getScriptCache();
    if (exp === undefined) c.put('k', 'v');
    else c.put('k', 'v', exp);
    ctx.clock.set(T0 + after * 1000);
    expect(c.get('k')).toBe(present ? 'v' : null);
  });

  test('an expiration outside 1–21600 s is refused (the documented bounds; outside them undocumented: the stricter answer); put and putAll return nothing', () => {
    const { svc } = cache();
    const c = svc.getScriptCache();
    for (const bad of [0, 0.5, -1, 21601, NaN]) expect(() => c.put('k', 'v', bad)).toThrow(/expirationInSeconds/);
    expect(() => c.putAll({ a: '1', b: 'x'.repeat(100 * 1024 + 1) })).toThrow(/too large/);
    expect(c.get('a')).toBeNull(); // all or nothing
    expect(c.put('k', 'v', 1)).toBeUndefined();
    expect(c.putAll({ a: '1' }, 21600)).toBeUndefined();
    expect(c.remove('a')).toBeUndefined();
  });

  test('more than 1,000 items: the cache keeps the 900 farthest from expiration (developers.google.com/apps-script/reference/cache/cache#putkey,-value: "The cap for cached items is 1,000")', () => {
    const { ctx, svc } = cache();
    const c = svc.getScriptCache();
    c.put('long', 'L', 21600);
    for (let i = 0; i < 998; i++) c.put(`s${i}`, 'v', 60);
    c.put('mid', 'M', 3600);
    expect(Object.keys(c.getAll(['long', 'mid', 's0', 's997'])).length).toBe(4); // 1,000 items: all kept
    c.put('one-more', 'x', 120);
    // 1,001 written: 900 stay, those farthest from expiration (the 60 s items go first, the latest written kept of a tie)
    const all = c.getAll(['long', 'mid', 'one-more', 's0', 's100', 's101', 's997']);
    expect(all).toEqual({ long: 'L', mid: 'M', 'one-more': 'x', s101: 'v', s997: 'v' }); // 3 + s101…s997
    // putAll counts as its items written; expired items do not count
    ctx.clock.set(T0 + 61_000);
    c.putAll(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`p${i}`, 'v'])), 600);
    expect(Object.keys(c.getAll(['long', 'mid', 'one-more', 'p0', 'p999'])).sort()).toEqual(['long', 'mid', 'p999']); // one-more expires first of all
  });

  test('getAll returns only live keys; removeAll; values over 100 KB refused', () => {
    const { svc } = cache();
    const c = svc.getDocumentCache()!;
    c.putAll({ a: '1', b: '2' });
    expect(c.getAll(['a', 'b', 'c'])).toEqual({ a: '1', b: '2' });
    c.removeAll(['a']);
    c.remove('b');
    expect(c.getAll(['a', 'b'])).toEqual({});
    expect(() => c.put('big', 'x'.repeat(100 * 1024 + 1))).toThrow(/too large/);
  });
});
