// A damaged header must not take the tracker down (issue 17): pasted over, cleared, pushed down by
// inserted rows, a ticket moved where it was, or a file whose header sits lower. Submits and agents
// keep working from the stored column map; repair finds the sheet by what it holds and writes the
// header back; it never tries to create a second 工单 / Tickets sheet.
import type { LocalRuntime } from '../../runtime';
import { FORM, T0, newRuntime, setUp, submit, ticketRows, token, trackerRuntime } from '../app/helpers';
import { act } from '../scenarios/hostile/world';
import { expectIntact, snapshot } from '../scenarios/hostile/invariants';

const ss = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet();
const NAME = { zh: '工单', en: 'Tickets' } as const;
type Lang = keyof typeof NAME;
const sheetOf = (rt: LocalRuntime, lang: Lang) => ss(rt).getSheetByName(NAME[lang])!;

function tracker(lang: Lang): { rt: LocalRuntime; ids: string[]; header: unknown[] } {
  const rt = trackerRuntime({ locale: lang === 'zh' ? 'zh-CN' : 'en_US' });
  const ids = [1, 2, 3].map((i) => {
    rt.clock.set(T0 + i * 60_000);
    return submit(rt, { ...FORM, urgency: lang === 'zh' ? '高' : 'High', category: lang === 'zh' ? '软件' : 'Software', title: `${FORM.title} #${i}` }, token()).id as string;
  });
  rt.clock.set(T0 + 10 * 60_000);
  return { rt, ids, header: ticketRows(rt, NAME[lang])[0] };
}

/** Ways the header gets damaged without the add-on seeing it (a script, an import, a lost trigger run). */
const DAMAGE: Record<string, (rt: LocalRuntime, lang: Lang) => void> = {
  'pasted over with text': (rt, lang) => {
    const sh = sheetOf(rt, lang);
    sh.getRange(1, 1, 1, sh.getLastColumn()).setValues([new Array(sh.getLastColumn()).fill('季度汇总')]);
  },
  'pasted over in part (ID, status, title)': (rt, lang) => {
    const sh = sheetOf(rt, lang);
    sh.getRange('A1:B1').setValues([['x', 'y']]);
    sh.getRange('I1').setValue('');
  },
  cleared: (rt, lang) => {
    const sh = sheetOf(rt, lang);
    sh.getRange(1, 1, 1, sh.getLastColumn()).clearContent();
  },
  'six rows inserted above': (rt, lang) => {
    sheetOf(rt, lang).insertRowsBefore(1, 6);
  },
  'rows inserted above, then cleared': (rt, lang) => {
    const sh = sheetOf(rt, lang);
    sh.insertRowsBefore(1, 7);
    sh.getRange(8, 1, 1, sh.getLastColumn()).clearContent();
  },
  'header row deleted (a ticket sits where it was)': (rt, lang) => {
    sheetOf(rt, lang).deleteRow(1);
  },
};

const headerNow = (rt: LocalRuntime, lang: Lang): unknown[] => {
  const rows = ticketRows(rt, NAME[lang]);
  return rows.find((r) => r.includes(lang === 'zh' ? '问题编号' : 'Ticket ID')) ?? [];
};

describe.each(['zh', 'en'] as Lang[])('a damaged header (%s)', (lang) => {
  const base = tracker(lang);
  const state = base.rt.toJSON();
  const fresh = () => {
    const rt = (base.rt.constructor as typeof LocalRuntime).fromJSON(state);
    return { rt, ids: base.ids, header: base.header };
  };

  it.each(Object.keys(DAMAGE))('%s: submits and actions keep working; repair writes the header back', (shape) => {
    const { rt, ids, header } = fresh();
    const before = snapshot(rt);
    DAMAGE[shape](rt, lang);
    // A submit and an agent's action, before any repair.
    const r = submit(rt, { ...FORM, urgency: lang === 'zh' ? '高' : 'High', title: '表头损坏时提交' }, token());
    expect(JSON.stringify(r)).toMatch(/"ok":true/);
    // (A ticket sitting where the header was is read as the header until repair puts a row above it.)
    expect(act(rt, ids[2], 'accept').ok).toBe(true);
    // Repair: no "already exists", the header as it was, every ticket where it was.
    rt.ui.asks = [];
    const report = setUp(rt);
    expect(report.messages.join('\n')).not.toMatch(/already exists/);
    expect(report.ok).toBe(true);
    expect(headerNow(rt, lang).slice(0, header.length)).toEqual(header);
    expectIntact(rt, before, {
      tickets: { [ids[2]]: '*' },
      newTickets: 1,
      // The inserted rows above stay (they are the team's); the header row is the original one.
    });
    // After repair, the next submit takes the normal path and lands under the header.
    expect(submit(rt, { ...FORM, urgency: lang === 'zh' ? '高' : 'High', title: '修复后提交' }, token()).ok).toBe(true);
    const rows = ticketRows(rt, NAME[lang]);
    const h = rows.findIndex((row) => row.includes(lang === 'zh' ? '问题编号' : 'Ticket ID'));
    const idCol = rows[h].indexOf(lang === 'zh' ? '问题编号' : 'Ticket ID');
    const below = rows.slice(h + 1).map((row) => String(row[idCol])).filter(Boolean);
    expect(new Set(below).size).toBe(below.length);
    expect(below).toHaveLength(5);
  });
});

describe('repair without the stored configuration, and sheets that only share the name', () => {
  it('config lost and header cleared: the template layout is recognised by its IDs and values', () => {
    const { rt, header, ids } = tracker('zh');
    const before = snapshot(rt);
    const sh = sheetOf(rt, 'zh');
    sh.getRange(1, 1, 1, sh.getLastColumn()).clearContent();
    rt.services.PropertiesService.getDocumentProperties().deleteProperty('tracker.config');
    const report = setUp(rt);
    expect(report.ok).toBe(true);
    expect(report.created).toBe(false);
    expect(ticketRows(rt)[0].slice(0, header.length)).toEqual(header);
    expect(ss(rt).getSheets().filter((s) => s.getName() === '工单')).toHaveLength(1);
    expectIntact(rt, before);
    expect(ids).toHaveLength(3);
  });

  it('a sheet named 工单 with other data and no header: refused clearly, left as it is, no second sheet', () => {
    const rt = newRuntime();
    const sh = ss(rt).insertSheet('工单');
    sh.getRange('A1:C2').setValues([
      ['季度', '金额', '备注'],
      ['Q1', 100, ''],
    ]);
    const before = JSON.stringify(sh.getDataRange().getValues());
    const report = setUp(rt);
    expect(report.ok).toBe(false);
    expect(report.messages.join('\n')).toMatch(/已有名为「工单」的工作表/);
    expect(JSON.stringify(ss(rt).getSheetByName('工单')!.getDataRange().getValues())).toBe(before);
  });

  it('an empty sheet named Tickets becomes the ticket sheet (no "already exists")', () => {
    const rt = newRuntime({ locale: 'en_US' });
    ss(rt).insertSheet('Tickets');
    const report = setUp(rt);
    expect(report.ok).toBe(true);
    expect(ticketRows(rt, 'Tickets')[0][0]).toBe('Ticket ID');
    expect(ss(rt).getSheets().filter((s) => s.getName() === 'Tickets')).toHaveLength(1);
    expect(submit(rt, { ...FORM, urgency: 'High', category: 'Software' }, token()).ok).toBe(true);
  });

  it.each([6, 12, 30])('an imported file whose header sits at row %i is adopted in place', (at) => {
    const rt = newRuntime();
    const sh = ss(rt).insertSheet('工单');
    const title = new Array(at - 1).fill(0).map((_, i) => [`IT 部门工单登记表 第${i + 1}行说明`, '', '']);
    const header = ['问题编号', '问题标题', '当前状态'];
    const rows = [...title, header, ['IT20240401001', '打印机离线', '处理中'], ['', '邮箱无法登录', 'open']];
    sh.getRange(1, 1, rows.length, 3).setValues(rows);
    const report = setUp(rt);
    expect(report.ok).toBe(true);
    expect(report.created).toBe(false);
    expect(report.backfilledIds).toBe(1);
    const values = ticketRows(rt);
    expect(values[at - 1].slice(0, 3)).toEqual(header);
    expect(values[at][0]).toBe('IT20240401001');
    // The empty ID cell gets an ID; the team's word stays as written (read as 待处理, issue 23).
    expect(String(values[at + 1][0])).toMatch(/^IT\d{11}$/);
    expect(values[at + 1][2]).toBe('open');
    expect(submit(rt, FORM, token()).ok).toBe(true);
  });
});
