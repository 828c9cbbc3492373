// Issue 17, "Every change recorded" and "Retries": every submit (sidebar or web form) leaves an
// audit row naming who reported it; a fault at any write of a submit leaves a trace and an error,
// and the retry with the same client token makes exactly one ticket; the same token with another
// form is another ticket, never a silent duplicate; IDs are never handed out twice, even when the
// stored last ID is lost and the last row cleared.
import type { LocalRuntime, CallResult } from '../../../runtime';
import { SheetImpl } from '../../../runtime/spreadsheet/sheet';
import { LocalProperties } from '../../../runtime/services/properties';
import { FORM, token } from '../../app/helpers';
import { AUDIT_SHEETS, expectIntact, snapshot } from './invariants';
import { headerOf, open, world } from './world';
import { columnLetter } from '../../../src/domain/columns';
import type { EntryResult } from '../../entries';
import { okOf } from '../../entries';
import type { SubmitAnswer } from '../../app/helpers';

const w = world(['pending', 'inProgress', 'closed']);
type Channel = 'sidebar' | 'web form';
const CHANNELS: Channel[] = ['sidebar', 'web form'];

function submitVia(rt: LocalRuntime, channel: Channel, form: Record<string, unknown>, tok: string): CallResult<SubmitAnswer> {
  if (channel === 'sidebar') return rt.callFromClient<SubmitAnswer>('submitTicket', form, tok);
  return rt.webApp('visitor@example.com').run<SubmitAnswer>('submitTicket', form, tok);
}

function auditRows(rt: LocalRuntime): unknown[][] {
  const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
  const sh = AUDIT_SHEETS.map((n) => ss.getSheetByName(n)).find(Boolean)!;
  return sh.getDataRange().getValues().slice(1);
}

/** Makes the next call of `method` on a sheet named `sheet` (or any property write) throw like a quota error. */
function faultOnce(kind: 'audit append' | 'ticket append' | 'token write'): jest.SpyInstance {
  const quota = new Error('Service invoked too many times for one day: spreadsheets.');
  if (kind === 'token write') {
    const real = LocalProperties.prototype.setProperty;
    let fired = false;
    return jest.spyOn(LocalProperties.prototype, 'setProperty').mockImplementation(function (this: LocalProperties, k: string, v: string) {
      if (!fired && k === 'intake.tokens') {
        fired = true;
        throw quota;
      }
      return real.call(this, k, v);
    });
  }
  const target = kind === 'audit append' ? '操作日志' : '工单';
  const real = SheetImpl.prototype.appendRow;
  let fired = false;
  return jest.spyOn(SheetImpl.prototype, 'appendRow').mockImplementation(function (this: SheetImpl, row: Parameters<SheetImpl['appendRow']>[0]) {
    if (!fired && this.getName() === target) {
      fired = true;
      throw quota;
    }
    return real.call(this, row) as never;
  });
}

describe('every submit is audited, naming who reported it', () => {
  it.each(CHANNELS)('%s', (channel) => {
    const rt = open(w);
    const before = snapshot(rt);
    const r = submitVia(rt, channel, FORM, token());
    expect(r.result.ok).toBe(true);
    expectIntact(rt, before, { newTickets: 1, newTicketsAudited: true });
    const row = auditRows(rt).pop()!;
    expect(row[2]).toBe(r.result.id);
    // The address the updates go to is audited with the rest (issue 18: Google names both the
    // web-form visitor here and the sidebar's user, an agent filing it, whose updates go to them).
    const withMail = String(row[3]).includes('提交人邮箱');
    expect(withMail).toBe(true);
    expect(String(row[3]).split('\n')).toEqual(['问题编号', '当前状态', '提交人', '联系方式', ...(withMail ? ['提交人邮箱'] : []), '问题标题']);
    expect(row[6]).toBe('表单');
  });
});

describe('a fault in the middle of a submit, then the retry with the same token', () => {
  const cases = CHANNELS.flatMap((channel) => (['audit append', 'ticket append', 'token write'] as const).map((fault) => [`${fault} fails / ${channel}`, fault, channel] as const));
  it.each(cases)('%s', (_n, fault, channel) => {
    const rt = open(w);
    const before = snapshot(rt);
    const tok = token();
    const spy = faultOnce(fault);
    let first: CallResult<SubmitAnswer> | { ok: false; error: unknown };
    try {
      first = submitVia(rt, channel, FORM, tok);
    } catch (e) {
      // google.script.run calls its failure handler: the form says the submit failed.
      first = { ok: false, error: e };
    } finally {
      spy.mockRestore();
    }
    // The requester is told the truth: the submit did not go through.
    expect('result' in first && first.result.ok).toBe(false);
    const mid = snapshot(rt);
    expect(mid.tickets.size).toBe(before.tickets.size);
    // The retry makes the one ticket, audited.
    const retry = submitVia(rt, channel, FORM, tok);
    expect(retry.result.ok).toBe(true);
    const after = expectIntact(rt, before, { newTickets: 1, newTicketsAudited: true });
    expect(after.tickets.size).toBe(before.tickets.size + 1);
    // And again: the same ticket, not a second one.
    const again = submitVia(rt, channel, FORM, tok);
    expect(again.result).toMatchObject({ ok: true, id: retry.result.id, duplicate: true });
    expect(snapshot(rt).tickets.size).toBe(before.tickets.size + 1);
  });
});

describe('the same token with another form is another problem, never dropped', () => {
  it.each(CHANNELS)('%s', (channel) => {
    const rt = open(w);
    const before = snapshot(rt);
    const tok = token();
    const a = submitVia(rt, channel, FORM, tok).result;
    const b = submitVia(rt, channel, { ...FORM, title: '邮箱无法登录', description: '从今天早上开始 Outlook 提示密码错误,已重置密码仍无法登录' }, tok).result;
    expect(a.ok && b.ok).toBe(true);
    expect(b.id).not.toBe(a.id);
    expect(b.duplicate).toBe(false);
    expectIntact(rt, before, { newTickets: 2, newTicketsAudited: true });
  });
});

describe('IDs are never handed out twice', () => {
  const cases = (['stored last ID lost', 'stored last ID kept'] as const).flatMap((lost) => (['last row cleared', 'last row kept'] as const).map((row) => [`${lost}, ${row}`, lost, row] as const));
  it.each(cases)('%s', (_n, lost, row) => {
    const rt = open(w);
    const first = okOf(rt.callFromClient<EntryResult<'submitTicket'>>('submitTicket', FORM, token()).result);
    const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheetByName('工单')!;
    if (row === 'last row cleared') sheet.getRange(`A${sheet.getLastRow()}:${columnLetter(headerOf(rt).length)}${sheet.getLastRow()}`).clearContent();
    if (lost === 'stored last ID lost') rt.services.PropertiesService.getDocumentProperties().deleteProperty('intake.lastId');
    const next = okOf(rt.callFromClient<EntryResult<'submitTicket'>>('submitTicket', { ...FORM, title: '另一个问题' }, token()).result);
    expect(next.ok).toBe(true);
    expect(next.id).not.toBe(first.id);
    expect(next.id > first.id).toBe(true);
  });
});
