// The requester's answer page (issue 18; src/app/verifyPage.ts), opened from a signed link in the web
// app of the script bound to the sheet: the ticket, its solution and the choice preselected, in the
// sheet language, every text from the sheet escaped. Answering it: verify.test.ts.
import { trackerRuntime } from './helpers';
import { act, linksFor, open, resolvedTicket } from './verifyHelpers';

describe('the answer page', () => {
  it('opens from a link with the ticket, its solution and the choice preselected, in the sheet language', () => {
    const rt = trackerRuntime();
    const id = resolvedTicket(rt);
    const links = linksFor(rt, id);
    const page = open(rt, links.solved.basic);
    expect(page.title).toBe('确认处理结果');
    expect(page.content).toContain(`工单 ${id}：CRM系统数据库连接错误`);
    expect(page.content).toContain('重启了数据库连接池');
    expect(page.content).toContain('value="solved" checked');
    expect(page.content).toContain('value="basic" checked');
    expect(open(rt, links.notSolved).content).toContain('value="notSolved" checked');
  });

  it('escapes the sheet text it shows', () => {
    const rt = trackerRuntime();
    const id = resolvedTicket(rt);
    act(rt, id, 'note', { text: 'x' });
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!;
    const c = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[]).indexOf('解决方案') + 1;
    sheet.getRange(2, c).setValue('<script>alert(1)</script>');
    const page = open(rt, linksFor(rt, id).page).content;
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert(1)');
  });
});
