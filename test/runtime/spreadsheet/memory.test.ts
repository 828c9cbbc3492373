// A 100,000-row × 25-column ticket sheet must fit comfortably under 1 GB and read back quickly.
// (Heap figures are exact only under --expose-gc; without it the delta includes garbage, so the
// bound is generous.)
import { measureLargeWorkbook } from '../../../runtime/spreadsheet';

test('100k rows × 25 columns: heap well under 1 GB, getValues fast [developers.google.com/apps-script/guides/services/quotas]', () => {
  const s = measureLargeWorkbook(100000, 25);
  console.log(
    `100k×25: heap +${Math.round(s.heapDeltaBytes / 1048576)} MB, write ${s.writeMs} ms, read ${s.readMs} ms, gc ${s.gcExposed}`,
  );
  expect(s.workbook.sheets[0].lastRow()).toBe(100000);
  expect(s.heapDeltaBytes).toBeLessThan(600 * 1048576);
});
