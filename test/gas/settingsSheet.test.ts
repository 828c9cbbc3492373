// A time typed into a settings cell (working hours) is a time-only value: Sheets stores it as
// 1899-12-30 at that wall time in the spreadsheet zone (reference/spreadsheet/range#getvalue gives
// a Date), and in 1899 many zones kept local mean time, offsets with seconds: Asia/Shanghai
// +08:05:43, Asia/Kolkata +05:21:10, Europe/Moscow +02:30:17 (America/New_York had standard time).
// Read back, it must be the time typed, in every zone (issue 16).
import { loadConfig } from '../../src/gas/config';
import { trackerRuntime } from '../app/helpers';

describe.each(['Asia/Shanghai', 'Asia/Kolkata', 'Europe/Moscow', 'America/New_York'])('a sheet in %s', (timeZone) => {
  it('reads typed working hours 09:30–18:15 as 09:30–18:15', () => {
    const rt = trackerRuntime({ timeZone });
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('设置')!;
    const labels = sheet.getRange(1, 1, 40, 1).getValues().map((r) => r[0]);
    const start = labels.indexOf('上班时间') + 1;
    const end = labels.indexOf('下班时间') + 1;
    expect(rt.edit(`设置!B${start}`, '09:30').ok).toBe(true);
    expect(rt.edit(`设置!B${end}`, '18:15').ok).toBe(true);
    // Typed like a person types: a time-only Date, not text.
    expect(Object.prototype.toString.call(sheet.getRange(start, 2).getValue())).toBe('[object Date]');
    const settings = loadConfig(rt.services.PropertiesService.getDocumentProperties())!.settings;
    expect([settings.workStart, settings.workEnd]).toEqual([9 * 60 + 30, 18 * 60 + 15]);
    // No warning beside the cells: both read as valid times.
    expect(sheet.getRange(start, 4, end - start + 1, 1).getValues().flat().filter(Boolean)).toEqual([]);
  });
});
