// Memory/speed probe: a ticket sheet of `rows` × `cols` written through the service, as the
// benchmark's "large sheet" case. Heap figures are exact only with a garbage collector to call
// (node --expose-gc, or one handed in).
import { Accounting } from '../instrument';
import { fixedClock, hostRealm, RuntimeContext } from '../context';
import { Workbook } from './workbook';

export interface LargeWorkbookStats {
  rows: number;
  cols: number;
  heapDeltaBytes: number;
  writeMs: number;
  readMs: number;
  gcExposed: boolean;
}

export function measureLargeWorkbook(
  rows = 100000,
  cols = 25,
  gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc,
): LargeWorkbookStats & { workbook: Workbook } {
  // imported lazily: index.ts re-exports this module
  const { createSpreadsheetApp } = require('./index') as typeof import('./index');
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const wb = new Workbook({ timeZone: 'Asia/Shanghai', locale: 'zh_CN' });
  const ctx: RuntimeContext = {
    acct: new Accounting(),
    clock: fixedClock(Date.UTC(2024, 4, 1)),
    realm: hostRealm(),
    user: { active: 'a@x.com', effective: 'a@x.com' },
    addonMode: false,
  };
  const app = createSpreadsheetApp(
    wb,
    ctx,
    () => {
      throw new Error('no ui');
    },
    () => undefined,
  );
  const sheet = app.getActiveSheet();
  sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  const t0 = Date.now();
  const chunk = 10000;
  for (let start = 0; start < rows; start += chunk) {
    const n = Math.min(chunk, rows - start);
    const data: unknown[][] = new Array(n);
    for (let i = 0; i < n; i++) {
      const id = start + i + 1;
      const row: unknown[] = new Array(cols);
      row[0] = `IT20240501${String(id).padStart(4, '0')}`;
      for (let c = 1; c < cols; c++)
        row[c] =
          c % 5 === 0
            ? id * c
            : c % 7 === 0
              ? new Date(Date.UTC(2024, 4, 1) + id * 60000)
              : `text ${c} of ticket ${id}`;
      data[i] = row;
    }
    sheet.getRange(start + 1, 1, n, cols).setValues(data);
  }
  const writeMs = Date.now() - t0;
  const t1 = Date.now();
  sheet.getRange(1, 1, rows, cols).getValues();
  const readMs = Date.now() - t1;
  gc?.();
  const after = process.memoryUsage().heapUsed;
  return { rows, cols, heapDeltaBytes: after - before, writeMs, readMs, gcExposed: !!gc, workbook: wb };
}
