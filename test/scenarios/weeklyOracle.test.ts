// The weekly review, built through the add-on from random weeks of ~70 tickets played through the
// real entry points, checked against an independent recomputation of its figures (seeded, so a
// failure reproduces).
import type { LocalRuntime } from '../../runtime';
import { FORM, newRuntime, setUp, submit } from '../app/helpers';
import type { EntryResult } from '../entries';

const HOUR = 3_600_000,
  MIN = 60_000,
  DAY = 24 * HOUR;
const at = (s: string): number => Date.parse(`${s}+08:00`);
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}
const OFF = 8 * HOUR;
function workingMs(a: number, b: number): number {
  if (b <= a) return 0;
  let total = 0;
  for (let day = Math.floor((a + OFF) / DAY); day <= Math.floor((b + OFF) / DAY); day++) {
    const wd = new Date(day * DAY).getUTCDay();
    if (wd === 0 || wd === 6) continue;
    const s = day * DAY - OFF + 9 * HOUR,
      e = day * DAY - OFF + 18 * HOUR;
    total += Math.max(0, Math.min(b, e) - Math.max(a, s));
  }
  return total;
}
function addWorking(a: number, ms: number): number {
  // smallest t with workingMs(a,t) >= ms, minute resolution is enough: step by day then minute
  let t = a;
  while (workingMs(a, t + DAY) < ms) t += DAY;
  let lo = t,
    hi = t + DAY;
  while (hi - lo > 1) {
    const m = Math.floor((lo + hi) / 2);
    if (workingMs(a, m) >= ms) hi = m;
    else lo = m;
  }
  return hi;
}
const median = (v: number[]) => {
  if (!v.length) return null;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p90 = (v: number[]) => {
  if (!v.length) return null;
  const s = [...v].sort((a, b) => a - b);
  return s[Math.ceil(0.9 * s.length) - 1];
};

interface Ev {
  at: number;
  kind: 'submit' | 'accept' | 'resolve' | 'feedback' | 'close' | 'reopen';
  i: number;
  payload?: { reason?: string; solution?: string; resolved?: boolean; rating?: string };
}

/** A generated ticket as submitted: time, urgency and category (indices), department, title. */
interface Meta {
  sub: number;
  u: number;
  c: number;
  d: string;
  title: string;
}

/** What the oracle knows of a ticket after the events so far. */
interface Known {
  status: string;
  fr: number | null;
  resolvedAt: number | null;
  feedback: string | null;
  closes: number[];
  reopens: number[];
  resolves: number[];
  hist: [number, string][];
}

function section(sheet: Sheet, title: string): unknown[][] {
  const rows = sheet.getDataRange().getValues();
  const i = rows.findIndex((r) => r[0] === title);
  if (i < 0) throw new Error(`no section ${title}`);
  const out: unknown[][] = [];
  for (let k = i + 2; k < rows.length && rows[k].some((c) => c !== ''); k++) out.push(rows[k]);
  return out;
}

test.each(Array.from({ length: 25 }, (_, k) => k * 7919 + 3))(
  'matches an independent recomputation (seed %i)',
  (seed) => {
    const R = rng(seed);
    const pick = <T>(a: T[]) => a[Math.floor(R() * a.length)];
    const TITLES = [
      '打印机无法连接',
      '打印机连接不上',
      'VPN连接异常',
      'VPN无法连接',
      '邮箱无法收信',
      '电脑蓝屏',
      'CRM登录失败',
      '键盘失灵',
      '网络很慢',
      '投影仪无信号',
    ];
    const DEPTS = ['财务部', '市场部', '研发部', '销售部/北京分公司'];
    const URG = ['高', '中', '低'],
      URGC = ['high', 'medium', 'low'];
    const CATS = ['硬件', '软件', '网络', '权限', '其他'];
    const t0 = at('2024-04-15T00:00:00'),
      tEnd = at('2024-05-13T09:59:00');
    const N = 70;
    const evs: Ev[] = [];
    const meta: Meta[] = [];
    for (let i = 0; i < N; i++) {
      const sub = t0 + Math.floor((R() * (tEnd - t0)) / MIN) * MIN;
      meta.push({ sub, u: Math.floor(R() * 3), c: Math.floor(R() * 5), d: pick(DEPTS), title: pick(TITLES) });
      evs.push({ at: sub, kind: 'submit', i });
      let t = sub;
      const step = () => (t += Math.floor((R() * 30 * HOUR) / MIN + 1) * MIN);
      const r = R();
      if (r < 0.1) {
        if (R() < 0.5) evs.push({ at: step(), kind: 'close', i, payload: { reason: '重复' } });
        continue;
      }
      evs.push({ at: step(), kind: 'accept', i });
      if (r < 0.25) continue;
      evs.push({ at: step(), kind: 'resolve', i, payload: { solution: '重启解决' } });
      const f = R();
      if (f < 0.25) {
        evs.push({
          at: step(),
          kind: 'feedback',
          i,
          payload: { resolved: false, rating: pick(['satisfied', 'basic', 'unsatisfied']) },
        });
        if (R() < 0.6) evs.push({ at: step(), kind: 'resolve', i, payload: { solution: '再次处理' } });
        continue;
      }
      if (f < 0.6)
        evs.push({
          at: step(),
          kind: 'feedback',
          i,
          payload: { resolved: true, rating: pick(['satisfied', 'basic', 'unsatisfied']) },
        });
      if (R() < 0.5) evs.push({ at: step(), kind: 'close', i });
    }
    const now = at('2024-05-13T10:00:00');
    const list = evs.filter((e) => e.at < now).sort((a, b) => a.at - b.at || (a.kind === 'submit' ? -1 : 1));
    const rt: LocalRuntime = newRuntime({ now: at('2024-04-14T09:00:00') });
    setUp(rt);
    const ids: string[] = [];
    const st: Known[] = meta.map(() => ({
      status: 'pending',
      fr: null,
      resolvedAt: null,
      feedback: null,
      closes: [],
      reopens: [],
      resolves: [],
      hist: [],
    }));
    for (const e of list) {
      rt.clock.set(e.at);
      const s = st[e.i];
      if (e.kind === 'submit') {
        const m = meta[e.i];
        const r = submit(rt, {
          ...FORM,
          title: m.title,
          urgency: URG[m.u],
          category: CATS[m.c],
          department: m.d,
        });
        if (!r.ok) throw new Error(JSON.stringify(r));
        ids[e.i] = r.id;
        s.hist.push([e.at, 'pending']);
        continue;
      }
      const r = rt.call<EntryResult<'applyTicketAction'>>('applyTicketAction', ids[e.i], e.kind, e.payload ?? {}).result;
      if (!r.ok) throw new Error(`${e.kind} ${JSON.stringify(r)}`);
      if (s.fr === null) s.fr = e.at;
      if (e.kind === 'accept') s.status = 'inProgress';
      if (e.kind === 'resolve') {
        s.status = 'resolved';
        s.resolvedAt = e.at;
        s.resolves.push(e.at);
      }
      if (e.kind === 'feedback') {
        s.feedback = `${e.payload?.resolved ? 'yes' : 'no'}:${e.payload?.rating}`;
        if (!e.payload?.resolved) {
          s.status = 'inProgress';
          s.resolvedAt = null;
          s.reopens.push(e.at);
        }
      }
      if (e.kind === 'close') {
        s.status = 'closed';
        s.closes.push(e.at);
      }
      s.hist.push([e.at, s.status]);
    }
    rt.clock.set(now);
    const built = rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W19').result;
    expect(built.ok).toBe(true);
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('周报 2024-W19')!;

    const start = at('2024-05-06T00:00:00'),
      end = at('2024-05-13T00:00:00');
    const pStart = start - 7 * DAY;
    const inR = (v: number | null, a: number, b: number): v is number => v !== null && v >= a && v < b;
    const statusAt = (i: number, x: number) => {
      let s: string | null = null;
      for (const [t, v] of st[i].hist) if (t < x) s = v;
      return s;
    };
    const open = (s: string | null) => s === 'pending' || s === 'inProgress';
    const counts = (a: number, b: number) => ({
      created: meta.filter((m, i) => ids[i] && inR(m.sub, a, b)).length,
      resolved: st.filter((s) => inR(s.resolvedAt, a, b)).length,
      closed: st.filter((s) => s.closes.some((x: number) => inR(x, a, b))).length,
      reopened: st.filter((s) => s.reopens.some((x: number) => inR(x, a, b))).length,
      backlog: meta.filter((m, i) => ids[i] && open(statusAt(i, b))).length,
    });
    const c = counts(start, end),
      p = counts(pStart, start);
    const summary = section(sheet, '概览');
    const keyRow = {
      created: '新建',
      resolved: '已解决',
      closed: '已关闭',
      reopened: '重新打开',
      backlog: '积压（周末未结）',
    } as const;
    for (const k of Object.keys(keyRow) as (keyof typeof keyRow)[]) {
      const row = summary.find((r) => r[0] === keyRow[k])!;
      expect([k, row[1], row[2]]).toEqual([k, c[k], p[k]]);
    }
    // times
    const resp: number[] = [],
      reso: number[] = [];
    meta.forEach((m, i) => {
      if (!ids[i]) return;
      const s = st[i];
      if (inR(s.fr, start, end)) resp.push(workingMs(m.sub, s.fr) / HOUR);
      if (inR(s.resolvedAt, start, end)) reso.push(workingMs(m.sub, s.resolvedAt) / HOUR);
    });
    const times = section(sheet, '处理时长（工作小时）');
    const tr = times.filter((r) => r[1] === '合计');
    expect(tr[0][2]).toBe(resp.length);
    expect(tr[0][3]).toBeCloseTo(median(resp)!, 2);
    expect(tr[0][4]).toBeCloseTo(p90(resp)!, 2);
    expect(tr[1][2]).toBe(reso.length);
    expect(tr[1][3]).toBeCloseTo(median(reso)!, 2);
    expect(tr[1][4]).toBeCloseTo(p90(reso)!, 2);
    // SLA (response / resolution, default targets)
    const RES = { high: 2 * HOUR, medium: 4 * HOUR, low: 24 * HOUR };
    const sla = {
      response: { met: 0, missed: 0, pending: 0 },
      resolution: { met: 0, missed: 0, pending: 0 },
    };
    meta.forEach((m, i) => {
      if (!ids[i]) return;
      const s = st[i];
      const u = URGC[m.u] as keyof typeof RES;
      const rDue = addWorking(m.sub, HOUR);
      const respondedAt = s.fr;
      if (inR(rDue, start, end) || inR(respondedAt, start, end)) {
        if (respondedAt !== null) sla.response[respondedAt <= rDue ? 'met' : 'missed']++;
        else sla.response[now > rDue ? 'missed' : 'pending']++;
      }
      const dDue = u === 'high' ? m.sub + RES.high : addWorking(m.sub, RES[u]);
      const done = !open(s.status);
      const everLate =
        s.resolves.some((x: number) => x > dDue) ||
        (open(s.status) && now > dDue) ||
        s.reopens.some((x: number) => x > dDue);
      if (inR(dDue, start, end) || inR(s.resolvedAt, start, end)) {
        if (everLate) sla.resolution.missed++;
        else if (done && s.resolvedAt !== null) sla.resolution.met++;
        else sla.resolution.pending++;
      }
    });
    const slaRows = section(sheet, 'SLA 达成率').filter((r) => r[1] === '合计');
    expect(slaRows[0].slice(3, 6)).toEqual([sla.response.met, sla.response.missed, sla.response.pending]);
    expect(slaRows[1].slice(3, 6)).toEqual([
      sla.resolution.met,
      sla.resolution.missed,
      sla.resolution.pending,
    ]);
    // backlog age and overdue
    const ages = [0, 0, 0, 0];
    const overdue: string[] = [];
    meta.forEach((m, i) => {
      if (!ids[i] || !open(statusAt(i, end))) return;
      const d = (end - m.sub) / DAY;
      ages[d < 1 ? 0 : d < 3 ? 1 : d < 7 ? 2 : 3]++;
      const u = URGC[m.u] as keyof typeof RES;
      const dDue = u === 'high' ? m.sub + RES.high : addWorking(m.sub, RES[u]);
      if (dDue < end) overdue.push(ids[i]);
    });
    const ageRows = section(sheet, '积压时长分布');
    expect(ageRows.slice(1, 5).map((r) => r[1])).toEqual(ages);
    const od = section(sheet, '超期未结工单')
      .slice(1)
      .map((r) => String(r[0]));
    expect(od.sort()).toEqual(overdue.sort());
    // satisfaction
    const resolvedW = st.map((s, i) => ({ s, i })).filter(({ s }) => inR(s.resolvedAt, start, end));
    const fb = resolvedW.filter(({ s }) => s.feedback);
    const sat = section(sheet, '满意度');
    const total = sat.find((r) => r[0] === '合计')!;
    expect(total[3]).toBe(fb.length);
    const uns = fb
      .filter(({ s }) => String(s.feedback).startsWith('no:') || String(s.feedback).endsWith(':unsatisfied'))
      .map(({ i }) => ids[i]);
    // F4: a "no" answer that reopened the ticket in the week is listed too.
    st.forEach((s, i) => {
      if (
        s.feedback?.startsWith('no:') &&
        !inR(s.resolvedAt, start, end) &&
        s.reopens.some((x: number) => inR(x, start, end))
      )
        uns.push(ids[i]);
    });
    const got = section(sheet, '不满意工单')
      .slice(1)
      .map((r) => String(r[0]))
      .filter((x) => x !== '无');
    expect(got.sort()).toEqual(uns.sort());
  },
);
