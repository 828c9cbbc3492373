// Ui fidelity: reference/base/ui (alert/prompt button sets and return values), reference/base/menu.
import { expose } from '../../../runtime/instrument';
import { LocalUi, UiRecords } from '../../../runtime/services/ui';
import { LocalHtmlService } from '../../../runtime/services/html';
import { LocalLockService, LockTable } from '../../../runtime/services/lock';
import { testContext } from './helpers';

function ui() {
  const { ctx } = testContext();
  const records = new UiRecords();
  return { ctx, records, ui: expose(new LocalUi(ctx, records), 'Ui', ctx.acct) as unknown as GoogleAppsScript.Base.Ui };
}

describe('Ui', () => {
  test('an alert or prompt suspends the script and its locks do not survive it (developers.google.com/apps-script/reference/base/ui#alert: "LockService locks don\'t persist across the suspension")', () => {
    const { ctx, executions } = testContext();
    const table = new LockTable(ctx, executions);
    const locks = new LocalLockService(ctx, table, executions, () => true);
    const records = new UiRecords();
    const u = new LocalUi(ctx, records, () => table.releaseExecution(executions.current));
    let other: boolean | undefined;
    records.whileAsking(() => {
      other = executions.run(() => locks.getScriptLock().tryLock(0)); // someone else, while the dialog is open
    });
    executions.run(() => {
      const lock = locks.getScriptLock();
      expect(lock.tryLock(0)).toBe(true);
      u.alert('Continue?');
      expect(lock.hasLock()).toBe(false);
      u.prompt('Name?');
      expect(lock.hasLock()).toBe(false);
    });
    expect(other).toBe(true);
  });


  test.each([
    { ref: 'ui#alertprompt → OK', args: ['Saved'], answers: [], button: 'OK' },
    { ref: 'ui#alerttitle,-prompt,-buttons YES_NO default YES', args: ['Delete?', 'Really?', 'YES_NO'], answers: [], button: 'YES' },
    { ref: 'ui#alertprompt,-buttons OK_CANCEL answered CANCEL', args: ['Go?', 'OK_CANCEL'], answers: [{ button: 'CANCEL' }], button: 'CANCEL' },
  ] as const)('$ref', ({ args, answers, button }) => {
    const { ui: u, records } = ui();
    records.answers.push(...answers);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases name the ButtonSet by its value ('YES_NO'), as the runtime's enum holds it; the typings want the enum object
    expect(String((u.alert as any)(...args))).toBe(button);
    expect(records.asks[0].answer.button).toBe(button);
  });

  test('prompt returns a PromptResponse (ui#promptprompt; prompt-response)', () => {
    const { ui: u, records } = ui();
    expect(u.prompt('Name?').getResponseText()).toBe('');
    records.responder = (q) => (q.kind === 'prompt' ? { button: 'NO', text: 'no way' } : undefined);
    const r = u.prompt('Title', 'Continue?', u.ButtonSet.YES_NO);
    expect([r.getResponseText(), String(r.getSelectedButton())]).toEqual(['no way', 'NO']);
    expect(r.getSelectedButton()).toBe(u.Button.NO);
  });

  test('menus are recorded with items, separators and submenus; addToUi replaces a same-caption menu', () => {
    const { ui: u, records } = ui();
    const sub = u.createMenu('More').addItem('Weekly report', 'buildWeekly');
    u.createAddonMenu().addItem('Open form', 'showSidebar').addSeparator().addSubMenu(sub).addToUi();
    u.createMenu('Tickets').addItem('A', 'a').addToUi();
    u.createMenu('Tickets').addItem('B', 'b').addToUi();
    expect(records.menus).toEqual([
      { caption: records.addonName, addon: true, items: [{ caption: 'Open form', functionName: 'showSidebar' }, { separator: true }, { submenu: { caption: 'More', addon: false, items: [{ caption: 'Weekly report', functionName: 'buildWeekly' }] } }] },
      { caption: 'Tickets', addon: false, items: [{ caption: 'B', functionName: 'b' }] },
    ]);
  });

  test('sidebars and dialogs record title and content', () => {
    const { ui: u, records, ctx } = ui();
    const html = expose(new LocalHtmlService(ctx, '/nonexistent'), 'HtmlService', ctx.acct);
    u.showSidebar(html.createHtmlOutput('<p>form</p>').setTitle('New ticket'));
    u.showModalDialog(html.createHtmlOutput('<p>sure?</p>'), 'Confirm');
    expect(records.dialogs.map((d) => [d.kind, d.title, d.content])).toEqual([
      ['sidebar', 'New ticket', '<p>form</p>'],
      ['modal', 'Confirm', '<p>sure?</p>'],
    ]);
  });

  test('a sidebar is 300 px wide whatever setWidth said (ui#showsidebaruserinterface); in an add-on createMenu is the add-on menu, its caption ignored (ui#createmenucaption)', () => {
    const { ui: u, records, ctx } = ui();
    const html = expose(new LocalHtmlService(ctx, '/nonexistent'), 'HtmlService', ctx.acct);
    u.showSidebar(html.createHtmlOutput('<p>x</p>').setWidth(600));
    expect(records.sidebars[0].width).toBe(300);
    const addon = testContext({ addonMode: true });
    const addonRecords = new UiRecords();
    const addonUi = expose(new LocalUi(addon.ctx, addonRecords), 'Ui', addon.ctx.acct) as unknown as GoogleAppsScript.Base.Ui;
    addonUi.createMenu('My Menu').addItem('Open', 'open').addToUi();
    expect(addonRecords.menus.map((m) => [m.caption, m.addon])).toEqual([[addonRecords.addonName, true]]);
  });
  test('showModalDialog/showModelessDialog take (HtmlOutput, title) only and do not suspend the script; addSubMenu takes a Menu (developers.google.com/apps-script/reference/base/ui#showmodaldialoguserinterface,-title, base/menu#addsubmenumenu)', () => {
    const { ui: u, records, ctx } = ui();
    const html = expose(new LocalHtmlService(ctx, '/nonexistent'), 'HtmlService', ctx.acct);
    u.showModelessDialog(html.createHtmlOutput('<p>x</p>').setWidth(500).setHeight(200), 'Details');
    expect(records.dialogs.map((d) => [d.kind, d.title, d.width, d.height])).toEqual([['modeless', 'Details', 500, 200]]);
    expect(records.asks).toEqual([]); // nothing waits for an answer
    expect(() => u.showModalDialog(html.createHtmlOutput('<p>x</p>'), undefined as never)).toThrow("The parameters (HtmlOutput) don't match the method signature for Ui.showModalDialog.");
    expect(() => u.showModalDialog('<p>x</p>' as never, 'T')).toThrow("The parameters (String,String) don't match the method signature for Ui.showModalDialog.");
    expect(() => u.showModelessDialog(null as never, 'T')).toThrow('Ui.showModelessDialog');
    const m = u.createMenu('Top');
    expect(() => m.addSubMenu('More' as never)).toThrow("The parameters (String) don't match the method signature for Menu.addSubMenu.");
    expect(() => m.addSubMenu(m)).toThrow('Invalid argument: menu');
  });
});
