// The hourly trigger over days: SLA alert mails (quota, 50 recipients a message, records that do
// not pile up), the sweep writing only its own columns, the weekly review built once.
import type { LocalRuntime } from '../../runtime';
import { T0, submit, submitHidden, ticketRows, trackerRuntime } from './helpers';
import type { EntryResult } from '../entries';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ss = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet();
const props = (rt: LocalRuntime) => rt.services.PropertiesService.getDocumentProperties();

function settingRow(rt: LocalRuntime, label: string): number {
  const settings = ss(rt).getSheetByName('设置')!;
  return settings.getRange('A:A').getValues().findIndex((r) => r[0] === label) + 1;
}
function alertsOn(rt: LocalRuntime): void {
  rt.edit(`设置!B${settingRow(rt, '邮件提醒')}`, '是');
}
const recipients = (rt: LocalRuntime) => rt.mail.flatMap((m) => String(m.to).split(',').filter(Boolean));

describe('SLA alert mails', () => {
  it('alerts skipped because the daily quota ran out are sent on a later day, none twice', () => {
    // 4 recipients a day. Three 高 tickets, unassigned, first swept once all are breached: each has
    // three alerts for tier 2 (li@): response breached, resolution breached, needs escalation.
    const rt = trackerRuntime({ mailQuota: 4 });
    alertsOn(rt);
    // Reported on the web form by a visitor Google hides, contact an extension: no requester mail.
    const ids = [submitHidden(rt).id, submitHidden(rt).id, submitHidden(rt).id];
    rt.clock.set(T0 + 5 * HOUR);
    rt.call('onSlaTimer');
    expect(rt.mail).toHaveLength(4); // the quota of day 1
    // The following days: nothing changed on the tickets, the quota is fresh each day.
    for (let d = 1; d <= 4; d++) {
      rt.clock.set(T0 + d * DAY);
      rt.call('onSlaTimer');
    }
    // 9 alerts in all, each once.
    expect(rt.mail).toHaveLength(9);
    for (const id of ids) expect(rt.mail.filter((m) => m.subject.includes(id))).toHaveLength(3);
  });

  it('a breach alert with more than 50 recipients still reaches them (MailApp: 50 per message)', () => {
    const rt = trackerRuntime({ mailQuota: 1500 });
    alertsOn(rt);
    // 60 tier-2 agents with email on the settings sheet.
    const settings = ss(rt).getSheetByName('设置')!;
    const agents = Array.from({ length: 60 }, (_, i) => [`二线${i + 1}`, '二线', `t2.${i + 1}@example.com`]);
    settings.getRange(5, 8, agents.length, 3).setValues(agents);
    rt.edit(`设置!J${4 + agents.length}`, `t2.${agents.length}@example.com`); // re-read the settings
    const config = JSON.parse(props(rt).getProperty('tracker.config')!);
    expect(config.settings.agents.filter((a: { tier: string }) => a.tier === 'tier2').length).toBe(61);
    const { id } = submit(rt);
    rt.clock.set(T0 + 5 * HOUR);
    const run = rt.call<EntryResult<'onSlaTimer'>>('onSlaTimer').result;
    expect(run.sweep.ok).toBe(true);
    // The breach alerts must reach every tier-2 agent.
    const got = new Set(recipients(rt));
    for (const [, , email] of agents) expect(got.has(email)).toBe(true);
    expect(rt.mail.some((m) => m.subject.includes(id))).toBe(true);
  });
});

describe('the sweep write', () => {
  it('does not flatten a formula in a team column that sits between the SLA columns', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    const sheet = ss(rt).getSheetByName('工单')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const slaCol = header.indexOf('SLA状态') + 1;
    // The team inserts its own column before SLA状态, with a formula.
    sheet.insertColumnBefore(slaCol);
    sheet.getRange(1, slaCol).setValue('工单年龄(小时)');
    sheet.getRange(2, slaCol).setFormula('=ROUND((NOW()-H2)*24,1)');
    expect(sheet.getRange(2, slaCol).getFormula()).toBe('=ROUND((NOW()-H2)*24,1)');
    rt.clock.set(T0 + 1.6 * HOUR); // at risk: the sweep writes the SLA column
    const run = rt.call<EntryResult<'onSlaTimer'>>('onSlaTimer').result;
    expect(run.sweep.ok).toBe(true);
    expect(run.sweep.changed).toBe(1);
    const rows = ticketRows(rt);
    expect(String(rows[1][rows[0].indexOf('SLA状态')])).toMatch(/有风险/);
    expect(rows[1][0]).toBe(id);
    expect(sheet.getRange(2, slaCol).getFormula()).toBe('=ROUND((NOW()-H2)*24,1)');
  });
});

describe('SLA alert records', () => {
  it('the per-ticket alert records of archived/closed tickets do not fill the 500 KB property store', () => {
    // Every alerted ticket leaves `alerts.<ID>` (~117 bytes) for good: after ~4,300 such tickets
    // (archived long ago) the store is full. Simulated here by the records of archived tickets.
    const rt = trackerRuntime({ mailQuota: 1500 });
    alertsOn(rt);
    const value = 'response:atRisk,response:breached,resolution:atRisk,resolution:breached,needsEscalation,updateOverdue';
    const used = Object.entries(props(rt).getProperties()).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    const per = Buffer.byteLength('alerts.IT20230101001') + value.length;
    const count = Math.floor((500 * 1024 - used - 150) / per);
    const old: Record<string, string> = {};
    for (let i = 0; i < count; i++) old[`alerts.IT2023${String(101 + Math.floor(i / 20)).padStart(4, '0')}${String((i % 20) + 1).padStart(3, '0')}`] = value;
    props(rt).setProperties(old);
    const { id } = submit(rt);
    rt.clock.set(T0 + 5 * HOUR);
    const run = rt.call<EntryResult<'onSlaTimer'>>('onSlaTimer').result;
    expect(run.sweep.ok).toBe(true);
    expect(rt.mail.some((m) => m.subject.includes(id))).toBe(true);
  });
});

describe('the automatic weekly review', () => {
  it('does not rebuild (replace) a finished week a user already built by hand', () => {
    const at = (s: string) => Date.parse(`${s}+08:00`);
    const rt = trackerRuntime({ now: at('2024-05-01T09:15:00') });
    rt.tick(at('2024-05-06T08:30:00')); // W17 built by the schedule
    // Monday 08:50: the lead builds last week (W18, finished) by hand for the 09:00 meeting.
    rt.clock.set(at('2024-05-06T08:50:00'));
    expect(rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W18').result.ok).toBe(true);
    const sheet = ss(rt).getSheetByName('周报 2024-W18')!;
    const id = sheet.getSheetId();
    sheet.getRange('A1').setNote('meeting notes');
    rt.tick(at('2024-05-06T10:30:00'));
    expect(ss(rt).getSheetByName('周报 2024-W18')!.getSheetId()).toBe(id); // built once, not replaced
    expect(ss(rt).getSheets().filter((s) => s.getName() === '周报 2024-W18')).toHaveLength(1);
  });
});
