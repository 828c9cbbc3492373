// The self-test's pure parts: CSV as Sheets downloads it, the least-squares fit of the cost model,
// and the timing proxy's bookkeeping.
import { parseCsv, toCsv } from '../../selftest/node/csv';
import { costModelLine, fitCostModel } from '../../selftest/node/fit';
import { CallLog, SPREADSHEET_CLASSES, timedServices } from '../../selftest/timing';
import { SPREADSHEET_CLASSES as RUNTIME_CLASSES, SERVICE_CLASSES as RUNTIME_SERVICES } from '../../runtime/instrument';
import { SERVICE_CLASSES, serviceCallSeconds } from '../../selftest/node/compare';
import { createLocalRuntime } from '../../runtime';

describe('CSV', () => {
  test('round trip with commas, quotes, line breaks and a BOM', () => {
    const table = [['kind', 'case'], ['a,b', 'say "hi"'], ['two\nlines', '']];
    expect(parseCsv(toCsv(table))).toEqual(table);
    expect(parseCsv('\ufeffx,y\r\n1,2')).toEqual([['x', 'y'], ['1', '2']]);
  });
});

describe('cost model fit', () => {
  test('recovers fixed, per-call and per-cell figures from exact measurements', () => {
    const truth = { fixedS: 0.05, perCallS: 0.2, perCellS: 2e-6 };
    const obs = [[1, 10], [3, 5000], [7, 200], [12, 90000], [2, 40000]].map(([calls, cells]) => ({
      calls, cells, seconds: truth.fixedS + calls * truth.perCallS + cells * truth.perCellS,
    }));
    const fit = fitCostModel(obs)!;
    expect(fit.fixedS).toBeCloseTo(0.05, 9);
    expect(fit.perCallS).toBeCloseTo(0.2, 9);
    expect(fit.perCellS).toBeCloseTo(2e-6, 12);
    expect(fit.rmsS).toBeLessThan(1e-9);
    expect(costModelLine(fit)).toBe('measured: { fixedS: 0.05, perCallS: 0.2, perCellS: 0.000002 },');
  });

  test('falls back to fewer figures when cells do not vary on their own, and says so', () => {
    const obs = [1, 2, 3, 4].map((calls) => ({ calls, cells: calls * 10, seconds: 0.1 + calls * 0.3 }));
    const fit = fitCostModel(obs)!;
    expect(fit.note).toMatch(/per-cell not fitted/);
    expect(fit.perCallS).toBeCloseTo(0.3, 9);
    expect(fitCostModel([])).toBeNull();
  });
});

describe('service calls', () => {
  test("the median of the other services' call rows is the per-service-call figure; the lists match the runtime's", () => {
    expect([...SERVICE_CLASSES].sort()).toEqual([...RUNTIME_SERVICES].sort());
    const row = (method: string, ms: number) => ['call', 'step', method, '', '', '', String(ms), '0', '0', ''];
    const table = [['kind'], row('Properties.getProperty', 40), row('Lock.tryLock', 3000), row('Session.getActiveUser', 20), row('Range.getValues', 900)];
    expect(serviceCallSeconds(table)).toEqual({ perServiceCallS: 0.04, n: 3 });
    expect(serviceCallSeconds([['kind'], row('Range.getValues', 900)])).toBeNull();
    expect(costModelLine({ fixedS: 0.1, perCallS: 0.2, perServiceCallS: 0.04, perCellS: 0.000001 })).toBe(
      'measured: { fixedS: 0.1, perCallS: 0.2, perServiceCallS: 0.04, perCellS: 0.000001 },',
    );
  });
});

describe('timing proxy', () => {
  test('counts as round trips exactly the classes the runtime counts', () => {
    expect([...SPREADSHEET_CLASSES].sort()).toEqual([...RUNTIME_CLASSES].sort());
  });

  test('records each call with its step, class, cells; hands real objects back to the service', () => {
    const rt = createLocalRuntime({ bundle: false, now: Date.parse('2024-05-01T09:00:00+08:00') });
    const log = new CallLog(() => 0);
    const svc = timedServices(rt.services, log);
    log.step = 's1';
    const sheet = svc.SpreadsheetApp.getActiveSpreadsheet().insertSheet('t');
    const range = sheet.getRange('A1:B2');
    range.setValues([[1, 2], [3, 4]]);
    const rule = svc.SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=A1>1').setBackground('#ff0000').setRanges([range]).build();
    sheet.setConditionalFormatRules([rule]);
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('A1:B2');
    const methods = log.records.map((r) => `${r.method}${r.roundTrip ? '' : ' (local)'}`);
    expect(methods.slice(0, 4)).toEqual(['SpreadsheetApp.getActiveSpreadsheet', 'Spreadsheet.insertSheet', 'Sheet.getRange', 'Range.setValues']);
    expect(methods).toContain('SpreadsheetApp.newConditionalFormatRule (local)');
    expect(methods).toContain('ConditionalFormatRuleBuilder.build (local)');
    expect(log.records.find((r) => r.method === 'Range.setValues')?.cells).toBe(4);
    expect(log.totals('s1').calls).toBe(log.records.filter((r) => r.roundTrip).length);
    expect(log.totals('other').calls).toBe(0);
  });
});
