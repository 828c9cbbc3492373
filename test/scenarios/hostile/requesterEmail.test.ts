// Issue 17 (and 18's "hand edits of 提交人邮箱"): the requester's address for updates typed, pasted
// or cleared by hand. Agents may correct it: a valid address or empty is accepted and audited (old
// and new value); anything else (not an address, a disguised mobile, formula-like text) is put
// back — to the typed cell's old value, or to the last value the audit trail gave the ticket when
// the record's hash confirms it — with a message in the sheet's language. Each case is judged by
// the invariant: nothing else changes, every accepted change has its audit row.
import { LocalRuntime } from '../../../runtime';
import { t } from '../../../src/domain/i18n';
import { FORM, T0, submitHidden, token, trackerRuntime } from '../../app/helpers';
import { AUDIT_SHEETS, cellOf, expectIntact, snapshot } from './invariants';
import type { StatusName } from './world';
import { act, area, grid, lastToast } from './world';

const STATUSES: StatusName[] = ['pending', 'inProgress', 'resolved', 'closed'];
const EMAILS = ['wang@corp.example', 'li@corp.example', '', 'zhao@corp.example'];

interface EmailWorld {
  state: ReturnType<LocalRuntime['toJSON']>;
  ids: string[];
}

/**
 * Four tickets, one per status, from the web form by a visitor Google does not name (so the typed
 * address is the one stored, issue 18); three gave an address for updates, one did not.
 */
function build(locale: string): EmailWorld {
  const rt = trackerRuntime({ locale });
  const ids = STATUSES.map((_s, i) => {
    rt.clock.set(T0 + i * 60_000);
    const r = submitHidden(rt, { ...FORM, title: `${FORM.title} #${i + 1}`, ...(EMAILS[i] ? { notifyEmail: EMAILS[i] } : {}) }, token());
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.id as string;
  });
  rt.clock.set(T0 + 30 * 60_000);
  const steps: Record<StatusName, [string, Record<string, unknown>][]> = {
    pending: [],
    inProgress: [['accept', {}]],
    resolved: [['accept', {}], ['resolve', { solution: '重启服务后恢复' }]],
    closed: [['accept', {}], ['resolve', { solution: '重启服务后恢复' }], ['close', {}]],
  };
  STATUSES.forEach((s, i) => steps[s].forEach(([a, p]) => expect(act(rt, ids[i], a, p).ok).toBe(true)));
  rt.clock.set(rt.clock.now() + 10 * 60_000);
  rt.ui.toasts = [];
  return { state: rt.toJSON(), ids };
}

const zh = build('zh-CN');
const fresh = (w: EmailWorld = zh) => LocalRuntime.fromJSON(w.state);
const COL = '提交人邮箱';

function auditRows(rt: LocalRuntime): unknown[][] {
  const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
  const sh = AUDIT_SHEETS.map((n) => ss.getSheetByName(n)).find(Boolean);
  return sh ? sh.getDataRange().getValues().slice(1) : [];
}

/** The new audit rows' (ticket, field, old, new) lines for the 提交人邮箱 column. */
function emailAudit(rt: LocalRuntime, from: number, header = COL): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const r of auditRows(rt).slice(from)) {
    const fields = String(r[3]).split('\n');
    const olds = String(r[4]).split('\n');
    const news = String(r[5]).split('\n');
    fields.forEach((f, i) => f === header && out.push([String(r[2]), olds[i] ?? '', news[i] ?? '']));
  }
  return out;
}

const VALID = ['new.owner@corp.example', ' padded@corp.example '];
const INVALID: [string, 'format' | 'mobile'][] = [
  ['not an address', 'format'],
  ['wang@', 'format'],
  ['138-0013-8000', 'mobile'],
  ['１３８００１３８０００', 'mobile'],
  ['=HYPERLINK("http://x","y")', 'format'],
];

describe('one cell typed (e.oldValue given)', () => {
  const cases = STATUSES.flatMap((s, i) => VALID.map((v) => [`valid "${v}" on the ${s} ticket: accepted and audited`, i, v] as const));
  it.each(cases)('%s', (_n, i, v) => {
    const rt = fresh();
    const before = snapshot(rt);
    const n = auditRows(rt).length;
    const id = zh.ids[i];
    expect(rt.edit(area(rt, COL, i + 2), v).ok).toBe(true);
    expect(String(cellOf(snapshot(rt), id, COL)).trim()).toBe(v.trim());
    expect(emailAudit(rt, n)).toEqual([[id, EMAILS[i], v.trim()]]);
    expectIntact(rt, before, { tickets: { [id]: [COL] } });
  });

  const bad = STATUSES.flatMap((s, i) => INVALID.map(([v, kind]) => [`invalid "${v}" on the ${s} ticket: put back`, i, v, kind] as const));
  it.each(bad)('%s', (_n, i, v, kind) => {
    const rt = fresh();
    const before = snapshot(rt);
    const n = auditRows(rt).length;
    expect(rt.edit(area(rt, COL, i + 2), v).ok).toBe(true);
    expect(String(cellOf(snapshot(rt), zh.ids[i], COL))).toBe(EMAILS[i]);
    // Put back to what it certainly was: nothing changed, nothing to audit.
    expect(emailAudit(rt, n)).toEqual([]);
    expect(lastToast(rt)).toContain(t('zh', 'notifyEmailPutBack', { column: COL }));
    if (kind === 'mobile') expect(lastToast(rt)).toContain(t('zh', 'personalMobile'));
    expectIntact(rt, before);
  });

  it.each(STATUSES.map((s, i) => [s, i] as const).filter(([, i]) => EMAILS[i]))('cleared on the %s ticket: accepted (updates follow the contact), audited', (_s, i) => {
    const rt = fresh();
    const before = snapshot(rt);
    const n = auditRows(rt).length;
    expect(rt.edit(area(rt, COL, i + 2), '').ok).toBe(true);
    expect(cellOf(snapshot(rt), zh.ids[i], COL)).toBe('');
    expect(emailAudit(rt, n)).toEqual([[zh.ids[i], EMAILS[i], '']]);
    expectIntact(rt, before, { tickets: { [zh.ids[i]]: [COL] } });
  });
});

describe('pastes (no e.oldValue): one cell and blocks', () => {
  const shapes = [
    ['one cell', [1]],
    ['two rows', [0, 1]],
    ['the whole column', [0, 1, 2, 3]],
  ] as const;
  const cases = shapes.flatMap(([shape, rows]) => [...VALID, ...INVALID.map(([v]) => v), ''].map((v) => [`${shape}: "${v}"`, rows, v] as const));
  it.each(cases)('%s', (_n, rows, v) => {
    const rt = fresh();
    const before = snapshot(rt);
    const n = auditRows(rt).length;
    const first = rows[0] + 2;
    const last = rows[rows.length - 1] + 2;
    expect(rt.edit(area(rt, COL, first, last), grid(v, rows.length)).ok).toBe(true);
    const after = snapshot(rt);
    const valid = v.trim() === '' || VALID.includes(v);
    const touched: Record<string, string[]> = {};
    const want: [string, string, string][] = [];
    for (const i of rows) {
      const id = zh.ids[i];
      if (valid) {
        expect(String(cellOf(after, id, COL)).trim()).toBe(v.trim());
        if (v.trim() !== EMAILS[i]) {
          touched[id] = [COL];
          // The old value is known only when the record's hash says it was empty.
          want.push([id, EMAILS[i] === '' ? '' : '?', v.trim()]);
        }
      } else expect([id, cellOf(after, id, COL)]).toEqual([id, EMAILS[i]]);
    }
    // A valid paste: one audit line per ticket it changed; an invalid one: put back from the audit
    // trail (confirmed by the record's hash), so nothing changed and nothing is audited.
    expect(emailAudit(rt, n)).toEqual(want);
    if (!valid) expect(lastToast(rt)).toContain(t('zh', 'notifyEmailPutBack', { column: COL }));
    expectIntact(rt, before, { tickets: touched });
  });
});

describe('an invalid paste where the old value cannot be confirmed', () => {
  it('audit sheet deleted: the cell is emptied, the refused text kept in the (recreated) audit, and said', () => {
    const rt = fresh();
    const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
    ss.deleteSheet(ss.getSheetByName('操作日志')!);
    const before = snapshot(rt);
    expect(rt.edit(area(rt, COL, 2), [['not an address']]).ok).toBe(true);
    expect(cellOf(snapshot(rt), zh.ids[0], COL)).toBe('');
    expect(emailAudit(rt, 0)).toEqual([[zh.ids[0], 'not an address', '']]);
    expect(lastToast(rt)).toContain(t('zh', 'notifyEmailCleared', { column: COL }));
    expectIntact(rt, before, { tickets: { [zh.ids[0]]: [COL] } });
  });

  it('a record written before the column had a hash: the audit trail’s last value goes back (recorded, unconfirmed)', () => {
    const rt = fresh();
    const sh = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!;
    const header = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0];
    const rc = header.indexOf('系统记录') + 1;
    // An older record: the same text without the last hash.
    const rec = String(sh.getRange(2, rc).getValue());
    sh.getRange(2, rc).setValue(rec.replace(/^([^|]*\|[^|]*\|[^|]*\|[0-9a-z]*)[0-9a-z]{3}/, '$1'));
    const before = snapshot(rt);
    const n = auditRows(rt).length;
    expect(rt.edit(area(rt, COL, 2), [['not an address']]).ok).toBe(true);
    expect(cellOf(snapshot(rt), zh.ids[0], COL)).toBe(EMAILS[0]);
    expect(emailAudit(rt, n)).toEqual([[zh.ids[0], 'not an address', EMAILS[0]]]);
    expectIntact(rt, before);
  });
});

describe('in English', () => {
  const en = build('en_US');
  it.each([
    ['typed invalid', 'nope', false],
    ['pasted invalid', [['nope']], false],
    ['pasted valid', [['new@corp.example']], true],
  ] as const)('%s', (_n, v, ok) => {
    const rt = fresh(en);
    const before = snapshot(rt);
    const n = auditRows(rt).length;
    expect(rt.edit(area(rt, 'Email for updates', 2).replace('工单!', 'Tickets!'), v as string | string[][]).ok).toBe(true);
    if (ok) {
      expect(emailAudit(rt, n, 'Email for updates')).toEqual([[en.ids[0], '?', 'new@corp.example']]);
      expectIntact(rt, before, { tickets: { [en.ids[0]]: ['Email for updates'] } });
    } else {
      expect(cellOf(snapshot(rt), en.ids[0], 'Email for updates')).toBe(EMAILS[0]);
      expect(lastToast(rt)).toBe(t('en', 'notifyEmailPutBack', { column: 'Email for updates' }));
      expectIntact(rt, before);
    }
  });
});
