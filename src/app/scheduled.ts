// What the one time-driven trigger does each run (an editor add-on may hold one per document):
// the SLA sweep, then any work that falls due on a schedule.
import type { Services } from '../gas/services';
import type { SweepResult } from './sweep';
import { runSweep } from './sweep';

export interface ScheduledRun {
  sweep: SweepResult;
}

export function runScheduledWork(svc: Services): ScheduledRun {
  const sweep = runSweep(svc, 'trigger');
  return { sweep };
}
