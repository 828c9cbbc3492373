// Settings bigger than one document property (issue 17: 300 departments gave "Argument too large"
// in the settings trigger and in setup): the trigger, setup and the forms keep working.
import { setUp, submit, trackerRuntime } from '../app/helpers';
import type { EntryResult } from '../entries';
import { okOf } from '../entries';

const DEPTS = Array.from({ length: 300 }, (_, i) => `销售部/第${i + 1}分公司/华北区域办公室`);

describe('hundreds of departments', () => {
  it.each([['settings edit'], ['setup again']])('%s: stored, shown in the form, dropdown set', (via) => {
    const rt = trackerRuntime();
    const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
    const settings = ss.getSheetByName('设置')!;
    settings.getRange(2, 6, DEPTS.length, 1).setValues(DEPTS.map((d) => [d]));
    if (via === 'settings edit') {
      const r = okOf(rt.edit('设置!F2', DEPTS[0]));
      expect(r.ok).toBe(true);
      for (const run of r.runs) expect(run.error).toBeUndefined();
    } else {
      const r = setUp(rt);
      expect(JSON.stringify(r)).not.toMatch(/Argument too large/);
    }
    const form = rt.callFromClient<EntryResult<'getIntakeForm'>>('getIntakeForm').result;
    expect(form.departments).toHaveLength(300);
    expect(form.departments[299]).toBe(DEPTS[299]);
    // Everything else still works on the large config.
    expect(submit(rt, { title: '打印机卡纸', department: DEPTS[150], description: '三楼打印机持续卡纸,已清理两次仍然出现', urgency: '低', submitter: '小明', contact: '内线8888' }).ok).toBe(true);
    const props = rt.services.PropertiesService.getDocumentProperties().getProperties();
    for (const v of Object.values(props)) expect(Buffer.byteLength(v, 'utf8')).toBeLessThanOrEqual(9 * 1024);
  });

  it('600 departments: the first 500 are used and the settings sheet says so', () => {
    const rt = trackerRuntime({ locale: 'en_US' });
    const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
    const settings = ss.getSheetByName('Settings')!;
    const many = Array.from({ length: 600 }, (_, i) => `Dept ${i + 1}`);
    settings.getRange(2, 6, many.length, 1).setValues(many.map((d) => [d]));
    const r = okOf(rt.edit('Settings!F2', many[0]));
    for (const run of r.runs) expect(run.error).toBeUndefined();
    expect((rt.callFromClient<EntryResult<'getIntakeForm'>>('getIntakeForm').result).departments).toHaveLength(500);
    const warnings = settings.getRange(2, 4, 1, 1).getValue();
    expect(String(warnings)).toMatch(/only the first 500 entries are used; the 100 after them/);
  });
});
