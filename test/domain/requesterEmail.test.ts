// Where a new ticket's updates go (src/domain/requesterEmail.ts, issue 18): Google's address, else
// the contact when it is an email, else the typed "email for updates"; never a personal mobile.
import { requesterEmail } from '../../src/domain/requesterEmail';

const G = 'ming@corp.example.com';
const C = 'ming.contact@corp.example.com';
const T = 'ming.typed@corp.example.com';

describe('requesterEmail: the issue’s order', () => {
  // Every combination of: Google names the person or not; the contact is an email, a phone or
  // an extension; the typed field is empty, a valid address or invalid.
  const googles = { named: G, blank: '' };
  const contacts = { email: C, extension: '内线8888', phone: '010-88886666' };
  const typeds = { empty: '', valid: T, invalid: 'not an address', mobile: '13812345678' };
  for (const [gk, g] of Object.entries(googles))
    for (const [ck, c] of Object.entries(contacts))
      for (const [tk, typed] of Object.entries(typeds)) {
        const want = g ? { address: G, source: 'google' } : ck === 'email' ? { address: C, source: 'contact' } : tk === 'valid' ? { address: T, source: 'typed' } : { address: '', source: 'none' };
        it(`Google ${gk}, contact ${ck}, typed ${tk} → ${want.source}`, () => {
          expect(requesterEmail(g, c, typed)).toEqual(want);
        });
      }

  it('Google’s address wins over a typed one (a tampered call cannot redirect the mail)', () => {
    expect(requesterEmail(G, '内线8888', 'attacker@evil.example')).toEqual({ address: G, source: 'google' });
  });

  it('trims what it is given and keeps what it stores exactly as written otherwise', () => {
    expect(requesterEmail(` ${G} `, '', '')).toEqual({ address: G, source: 'google' });
    expect(requesterEmail('', ` ${C}\t`, '')).toEqual({ address: C, source: 'contact' });
    expect(requesterEmail('', '内线8888', ` ${T} `)).toEqual({ address: T, source: 'typed' });
  });

  it('never stores an address holding a personal mobile number, whoever gives it', () => {
    expect(requesterEmail('13812345678@corp.example.com', '内线8888', T)).toEqual({ address: T, source: 'typed' });
    expect(requesterEmail('', '13812345678@corp.example.com', '')).toEqual({ address: '', source: 'none' });
    expect(requesterEmail('', '', '13812345678@corp.example.com')).toEqual({ address: '', source: 'none' });
  });

  it('a Google value that is no address (blank, spaces, junk) counts as hidden', () => {
    for (const g of ['', '   ', 'not-an-address', '=HYPERLINK("x")']) expect(requesterEmail(g, C, T)).toEqual({ address: C, source: 'contact' });
  });
});
