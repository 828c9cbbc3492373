// What a newcomer sees on first open of `npm start` does not depend on the day: the demo is made at
// a fixed demo clock (a Wednesday morning) unless DEMO_NOW says otherwise, so the ticket sheet
// shows open tickets amber (at risk) and red (breached), as the README's picture does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Preview } from '../../preview/server';
import { DEMO_CLOCK } from '../../preview/demo';
import { renderSheet } from '../../runtime/spreadsheet';
import { COLOURS } from '../../src/gas/ticketFormat';

const dist = path.resolve(__dirname, '../..', 'dist');

test('a new demo workbook opens on the tickets at the demo clock, with amber and red rows', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-clock-'));
  try {
    const preview = new Preview({ workbookFile: path.join(dir, 'demo.json'), distDir: dist, log: () => {} });
    const rt = preview.rt;
    expect(rt.clock.now()).toBe(Date.parse(DEMO_CLOCK));
    const active = rt.workbook.activeSheet();
    expect(active.name).toBe('工单');
    expect(rt.workbook.sheets.map((s) => s.name)).not.toContain('工作表1');
    const view = renderSheet(rt.workbook, '工单', rt.clock.now());
    const rowColours = view.rows.slice(1).map((r) => r[0].background);
    const amber = rowColours.filter((b) => b === COLOURS.amber).length;
    const red = rowColours.filter((b) => b === COLOURS.red).length;
    expect(amber).toBeGreaterThanOrEqual(2);
    expect(red).toBeGreaterThanOrEqual(2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
