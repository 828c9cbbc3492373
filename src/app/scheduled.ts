// What the one time-driven trigger does each run (an editor add-on may hold one per document):
// the SLA sweep, then any work that falls due on a schedule (the weekly review).
import type { Services } from '../gas/services';
import type { ArchiveResult } from './archive';
import { archiveFailure, archiveIfDue } from './archive';
import type { SweepResult } from './sweep';
import { runSweep } from './sweep';
import type { DueWeeklyResult } from './weekly';
import { buildDueWeeklyReview } from './weekly';
import { openTracker } from './tracker';

export interface ScheduledRun {
  sweep: SweepResult;
  weekly: DueWeeklyResult;
  /** Null when archiving was not due (it runs once a day, or until a stopped run is finished). */
  archive: ArchiveResult | null;
}

export function runScheduledWork(svc: Services): ScheduledRun {
  const startedAt = Date.now();
  // One tracker (spreadsheet, config, zone) for the whole run: each open costs a spreadsheet call.
  const tr = openTracker(svc);
  const sweep = runSweep(svc, 'trigger', tr);
  // A failing weekly build never breaks the sweep: its error is returned (and recorded by it).
  let weekly: DueWeeklyResult;
  try {
    weekly = buildDueWeeklyReview(svc, tr);
  } catch (e) {
    weekly = { built: null, error: (e as Error)?.message || String(e) };
  }
  // Archiving after the sweep, within the same execution's budget; its errors never break the sweep.
  let archive: ArchiveResult | null;
  try {
    archive = archiveIfDue(svc, startedAt);
  } catch (e) {
    archive = archiveFailure(e);
  }
  return { sweep, weekly, archive };
}
