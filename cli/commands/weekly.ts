// `weekly [--week 2024-W19]`: builds (or rebuilds) a week's review sheet through the
// buildWeeklyReview entry point; without --week, the week before the clock's (see --at).
import type { WeeklyResult } from '../../src/app/weekly';
import { register, CliError, flagString } from '../registry';
import { effects, mark, statsLine } from '../report';
import { langOfLocale, t } from '../../src/domain/i18n';

register({
  name: 'weekly',
  options: ['week'],
  usage: 'weekly [--week 2024-W19]',
  run(c) {
    const week = flagString(c, 'week') ?? c.args[0];
    const rt = c.load();
    if (!rt.bundle) throw new CliError('noBundle', { file: `${c.distDir}/Code.js` });
    if (!rt.entryPoints.includes('buildWeeklyReview'))
      throw new CliError('noEntryPoint', { name: 'buildWeeklyReview', entryPoints: rt.entryPoints.join(', ') });
    const m = mark(rt);
    const { result, stats } = rt.callFromClient<WeeklyResult>('buildWeeklyReview', ...(week ? [week] : []));
    for (const l of effects(rt, m)) c.say(l);
    if (!result || !result.ok)
      throw result && 'message' in result && result.message
        ? new CliError('addon', { message: result.message }, result.code)
        : new CliError('weeklyFailed', {}, result && !result.ok ? result.code : undefined);
    const n = result.counts;
    const p = result.previous;
    // The summary speaks the workbook's language, as the review sheet it describes does.
    const lang = langOfLocale(rt.workbook.locale);
    c.say(t(lang, 'cliWeeklyHeader', { sheet: result.sheet, period: result.period }));
    c.say(
      `  ${t(lang, 'cliWeeklyCounts', { ...n, pCreated: p.created, pResolved: p.resolved, pClosed: p.closed, pReopened: p.reopened, pBacklog: p.backlog })}`,
    );
    c.say(`  ${t(lang, 'cliWeeklyTotals', { overdue: result.overdue, unsatisfied: result.unsatisfied, tickets: result.tickets, archived: result.archived, rows: result.rows, charts: result.charts })}`);
    c.say(statsLine(rt, stats));
    const { ok: _ok, ...rest } = result;
    void _ok;
    return { json: { ...rest, spreadsheetCalls: stats.spreadsheetCalls }, save: rt };
  },
});
