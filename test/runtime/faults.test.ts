// Fault injection (runtime/faults.ts) and the open-dialog hook (runtime/services/ui.ts): the tools
// hostile tests use to make any service call fail and to run others' work while a dialog waits.
import { createLocalRuntime, countRoundTrips } from '../../runtime';
import { isRoundTrip, serviceFailure } from '../../runtime/faults';

const rt0 = () => createLocalRuntime({ bundle: false, now: Date.parse('2024-05-01T09:00:00Z') });

describe('faults', () => {
  it('fails the n-th round trip of running code, before it takes effect, with Google’s message', () => {
    const rt = rt0();
    const app = rt.services.SpreadsheetApp;
    rt.faults.failAt({ at: 2 });
    const seen: string[] = [];
    const run = () =>
      rt.executions.run(() => {
        const sh = app.getActiveSpreadsheet().getSheets()[0]; // calls 0, 1
        try {
          sh.getRange('A1').setValue('x'); // getRange = call 2: fails
        } catch (e) {
          seen.push((e as Error).message);
        }
        sh.getRange('A2').setValue('y');
      });
    run();
    expect(seen).toEqual([serviceFailure('Range', rt.workbook.id)]);
    expect(seen[0]).toMatch(/^Service Spreadsheets failed while accessing document with id /);
    const sh = app.getActiveSpreadsheet().getSheets()[0];
    expect(sh.getRange('A1').getValue()).toBe('');
    expect(sh.getRange('A2').getValue()).toBe('y');
    expect(rt.faults.hits).toEqual([{ className: 'Sheet', method: 'getRange', index: 2, when: 'before' }]);
  });

  it('"after": the write lands, then the call throws (an answer lost on the way back)', () => {
    const rt = rt0();
    const app = rt.services.SpreadsheetApp;
    rt.faults.failAt({ at: 0, when: 'after', match: (c, m) => c === 'Range' && m === 'setValue', message: 'Service timed out: Spreadsheets' });
    expect(() => rt.executions.run(() => app.getActiveSpreadsheet().getSheets()[0].getRange('B1').setValue('z'))).toThrow('Service timed out: Spreadsheets');
    expect(app.getActiveSpreadsheet().getSheets()[0].getRange('B1').getValue()).toBe('z');
  });

  it('never fails a test’s own reads (outside an execution) nor local builders, Utilities or Logger', () => {
    const rt = rt0();
    rt.faults.failAt({ at: 0 });
    expect(() => rt.services.SpreadsheetApp.getActiveSpreadsheet()).not.toThrow();
    expect(rt.faults.pending).toBe(1);
    expect(isRoundTrip('SpreadsheetApp', 'newDataValidation')).toBe(false);
    expect(isRoundTrip('DataValidationBuilder', 'build')).toBe(false);
    expect(isRoundTrip('Utilities', 'formatDate')).toBe(false);
    expect(isRoundTrip('Properties', 'getProperty')).toBe(true);
    expect(isRoundTrip('Lock', 'tryLock')).toBe(true);
    expect(serviceFailure('Properties', 'x')).toBe('Service error: Properties');
    expect(countRoundTrips({ 'Sheet.getRange': 2, 'Utilities.formatDate': 5, 'Properties.getProperty': 1 })).toBe(3);
    rt.faults.clear();
    expect(rt.faults.pending).toBe(0);
  });
});

describe('whileAsking', () => {
  it('runs other work while the dialog is open, before the answer', () => {
    const rt = rt0();
    const order: string[] = [];
    rt.ui.whileAsking((q) => order.push(`open:${q.prompt}`));
    rt.ui.responder = () => {
      order.push('answer');
      return { button: 'NO' };
    };
    const ui = rt.services.SpreadsheetApp.getUi();
    expect(String(ui.alert('Go?', ui.ButtonSet.YES_NO))).toBe('NO');
    expect(String(ui.alert('Again?', ui.ButtonSet.YES_NO))).toBe('NO');
    expect(order).toEqual(['open:Go?', 'answer', 'answer']);
  });
});
