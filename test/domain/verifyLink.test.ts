// The verification link's token (issue 18): signed claims, checked shape → signature → expiry, and
// the bounded list of used links.
import { createHmac } from 'node:crypto';
import { LINK_LIFETIME_MS, USED_LINKS_KEPT, checkLink, linkableId, parseUsedLinks, rememberUsed, signLink, wasUsed } from '../../src/domain/verifyLink';

const sign = (key: string) => (text: string) => createHmac('sha256', key).update(text).digest('base64url');
const NOW = Date.UTC(2024, 4, 1, 2);
const claims = { ticketId: 'IT20240501001', resolvedAt: NOW - 1000, expiresAt: NOW + LINK_LIFETIME_MS, linkId: '0123456789abcdef0123' };

describe('signLink / checkLink', () => {
  const token = signLink(claims, sign('k'));

  it('round-trips the claims', () => {
    expect(checkLink(token, sign('k'), NOW)).toEqual({ ok: true, claims });
  });

  it('calls another key, any changed part or a padded number forged', () => {
    expect(checkLink(token, sign('other'), NOW)).toEqual({ ok: false, reason: 'forged' });
    const parts = token.split('.');
    const alter = (i: number, v: string) => parts.map((p, j) => (j === i ? v : p)).join('.');
    expect(checkLink(alter(0, 'IT20240501002'), sign('k'), NOW)).toMatchObject({ reason: 'forged' });
    expect(checkLink(alter(2, (claims.expiresAt + 1).toString(36)), sign('k'), NOW)).toMatchObject({ reason: 'forged' });
    expect(checkLink(alter(2, `0${parts[2]}`), sign('k'), NOW)).toMatchObject({ reason: 'forged' });
    expect(checkLink(alter(3, 'ffffffffffffffffffff'), sign('k'), NOW)).toMatchObject({ reason: 'forged' });
  });

  it('says expired only for a genuine link past its time', () => {
    expect(checkLink(token, sign('k'), claims.expiresAt)).toMatchObject({ ok: true });
    expect(checkLink(token, sign('k'), claims.expiresAt + 1)).toEqual({ ok: false, reason: 'expired' });
  });

  it('calls anything not shaped like a token malformed', () => {
    for (const bad of [undefined, 42, '', 'a.b.c', `${token}.x`, 'x'.repeat(300), token.replace('IT', 'I T')]) {
      expect(checkLink(bad, sign('k'), NOW)).toMatchObject({ ok: false, reason: 'malformed' });
    }
  });

  it('makes links only for IDs that can travel in one', () => {
    expect(linkableId('IT20240501001')).toBe(true);
    expect(linkableId('工单-7')).toBe(true);
    expect(linkableId('A.1')).toBe(false);
    expect(() => signLink({ ...claims, ticketId: 'A.1' }, sign('k'))).toThrow();
  });
});

describe('used links', () => {
  it('remembers a link until it expires, and no more than USED_LINKS_KEPT', () => {
    let used = rememberUsed([], claims, NOW);
    expect(wasUsed(used, claims.linkId)).toBe(true);
    used = rememberUsed(used, { linkId: 'b'.repeat(20), expiresAt: NOW + 10 }, claims.expiresAt + 1);
    expect(wasUsed(used, claims.linkId)).toBe(false); // expired: pruned (it is refused as expired anyway)
    for (let i = 0; i < USED_LINKS_KEPT + 50; i++) used = rememberUsed(used, { linkId: `l${i}`.padEnd(20, '0'), expiresAt: NOW + LINK_LIFETIME_MS }, NOW);
    expect(used).toHaveLength(USED_LINKS_KEPT);
    expect(JSON.stringify(used).length).toBeLessThan(9 * 1024);
  });

  it('reads a broken stored value as none', () => {
    expect(parseUsedLinks('x')).toEqual([]);
    expect(parseUsedLinks([['a', 1], ['b'], [1, 2]])).toEqual([['a', 1]]);
  });
});
