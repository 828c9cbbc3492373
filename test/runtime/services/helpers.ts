// A bare runtime context for testing one service without the bundle or the spreadsheet.
import { Accounting } from '../../../runtime/instrument';
import { fixedClock, hostRealm, type RuntimeContext } from '../../../runtime/context';
import { Executions } from '../../../runtime/services/executions';

export const T0 = Date.UTC(2024, 4, 6, 1, 0, 0); // Mon 2024-05-06 09:00 Asia/Shanghai

export function testContext(opts: { now?: number; addonMode?: boolean; user?: string } = {}): { ctx: RuntimeContext; executions: Executions } {
  const user = opts.user ?? 'agent@example.com';
  return {
    ctx: { acct: new Accounting(), clock: fixedClock(opts.now ?? T0), realm: hostRealm(), user: { active: user, effective: user }, addonMode: !!opts.addonMode },
    executions: new Executions(),
  };
}
