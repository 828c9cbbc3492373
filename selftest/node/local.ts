// The self-test on the local runtime, as a person would run it on Google: open the sheet, run it
// from the menu, make the four hand edits, open the web app, run it again. The results sheet it
// leaves is what Google's would be, downloaded as CSV.
import fs from 'node:fs';
import path from 'node:path';
import { createLocalRuntime } from '../../runtime';
import type { LocalRuntime } from '../../runtime';
import { EDITS_SHEET, EDIT_STEPS, PASTED } from '../live';
import { RESULTS_SHEET } from '../results';
import type { Summary } from '../results';

/** The repository root, from selftest/node/ (tests) or build/ (the bundled tool). */
const ROOT = [path.resolve(__dirname, '..'), path.resolve(__dirname, '../..')].find((d) => fs.existsSync(path.join(d, 'package.json'))) ?? process.cwd();
export const SELFTEST_DIST = path.join(ROOT, 'selftest-dist');
/** A Wednesday in working hours, Shanghai: the day the local run pretends it is. */
export const LOCAL_NOW = Date.parse('2024-05-08T10:00:00+08:00');
export const LOCAL_OWNER = 'owner@example.com';

export interface LocalRun {
  rt: LocalRuntime;
  first: Summary;
  summary: Summary;
  table: string[][];
}

export function runLocally(distDir = SELFTEST_DIST): LocalRun {
  if (!fs.existsSync(path.join(distDir, 'Code.js'))) throw new Error(`${distDir}/Code.js is missing: run npm run selftest:build`);
  const rt = createLocalRuntime({ distDir, now: LOCAL_NOW, user: LOCAL_OWNER, timeZone: 'America/Los_Angeles', locale: 'en_US' });
  rt.open();
  const first = rt.call<Summary>('runSelfTest').result;
  // Copying B2:B3 (world, x by then) and pasting it into D2 is one two-cell edit; B2 into E2 one cell.
  for (const s of EDIT_STEPS) {
    const at = `${EDITS_SHEET}!${s.a1}`;
    // Data › Sort range, Z → A on the range's first column.
    const r = s.sort ? rt.sortRange(at, { column: 4, ascending: false }) : rt.edit(at, s.typed ?? PASTED[s.a1]);
    if (!r.ok) throw new Error(`hand edit ${s.a1} refused: ${r.reason}`);
  }
  rt.webApp(LOCAL_OWNER).get();
  const summary = rt.call<Summary>('runSelfTest').result;
  const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(RESULTS_SHEET);
  if (!sheet) throw new Error('the self-test wrote no results sheet');
  const table = sheet.getDataRange().getDisplayValues();
  return { rt, first, summary, table };
}
