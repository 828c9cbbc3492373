// The preview page: a spreadsheet-looking view of the local runtime's workbook. Everything it
// shows comes from the server (preview/server.ts); every change goes through it: a cell edit is a
// person's edit (validation, onEdit), a menu item calls its entry point, sidebars and dialogs are
// the add-on's own HTML in sandboxed iframes whose google.script.run posts here, and the clock
// panel moves the runtime's time forward (due time triggers fire).
//
// Over ~400 lines: the page is one browser script (one esbuild entry, no framework) whose
// parts (grid, menus, dialogs, clock panel) share its state; its wire types are in ../protocol.ts.
import { en as EN } from '../../src/domain/messages/en';
import { zh as ZH } from '../../src/domain/messages/zh';
import type { MenuEntry } from '../../runtime/services/ui';
import { fromWall, toWall } from '../../runtime/zone';
import { placeCharts } from './charts';
import { renderOutbox } from './outbox';
import { placeSlicers, stylePivots } from './pivots';
import type { ClockResult, OpenResult, Outcome, PreviewState, WireCell, WireQuestion, WireSlicer } from '../protocol';

// The wire types are declared once, in preview/protocol.ts, for the server and this page.
type Cell = WireCell;
type State = PreviewState;
type Question = Omit<WireQuestion, 'answered'>;

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

// ------------------------------------------------------------------ words

// The page's own words are in the message catalog (src/domain/messages), like the add-on's.
const WORDS = { zh: ZH.preview, en: EN.preview };
let W: (typeof WORDS)['zh' | 'en'] = WORDS.zh;

// ------------------------------------------------------------------ server

let busy = 0;
function setBusy(d: number): void {
  busy += d;
  document.body.dataset.busy = String(busy > 0);
  $('status').textContent = busy > 0 ? W.working : '';
}

async function api<T = unknown>(path: string, body?: unknown): Promise<T> {
  setBusy(1);
  try {
    const res = await fetch(
      path,
      body === undefined
        ? { cache: 'no-store' }
        : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    );
    const data = await res.json();
    if (!res.ok) throw new Error(data && data.error ? data.error : `HTTP ${res.status}`);
    return data as T;
  } finally {
    setBusy(-1);
  }
}

/** A request the person started: questions are asked in the page and the request is replayed with the answers. */
async function interact(path: string, body: Record<string, unknown>): Promise<Outcome> {
  const answers: { button: string; text?: string }[] = [];
  for (;;) {
    const r = await api<Outcome>(path, { ...body, answers });
    if (!r.pending) {
      await showEffects(r);
      return r;
    }
    answers.push(await ask(r.pending));
  }
}

async function showEffects(r: Outcome): Promise<void> {
  for (const d of r.dialogs ?? []) showDialog(d);
  for (const t of r.toasts ?? []) toast(t.title, t.message);
  for (const a of r.alerts ?? [])
    await ask({ kind: 'alert', title: a.title, prompt: a.prompt, buttons: ['OK'] });
}

// ------------------------------------------------------------------ state and rendering

let st: State;
let rowsWanted = 500;
let selected = 'A1';

async function refresh(sheet?: string): Promise<void> {
  const name = sheet ?? (st ? st.active : undefined);
  const q = new URLSearchParams({ rows: String(rowsWanted) });
  if (name) q.set('sheet', name);
  st = await api<State>(`/api/state?${q}`);
  // As the add-on decides (langOfLocale): English for `en*`, Chinese otherwise.
  W = /^en/i.test(st.locale) ? WORDS.en : WORDS.zh;
  render();
}

function render(): void {
  $('doc-title').textContent = st.title;
  $('user').textContent = st.user;
  renderMenubar();
  renderGrid();
  renderTabs();
  renderClock();
  renderOutbox(W.outbox);
  document.body.dataset.ready = 'true';
}

const colLetter = (n: number): string => {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};
const parseA1 = (a1: string): { row: number; col: number } | null => {
  const m = /^([A-Z]+)(\d+)/.exec(a1);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
};

const DEFAULT_WIDTH = 100;
const ROW_HEAD = 46;

function shownCols(): number {
  return Math.max(st.grid.numCols + 2, Math.min(26, st.grid.numCols + 10));
}
function shownRows(): number {
  return st.grid.truncated ? st.grid.numRows : st.grid.numRows + 30;
}

function cellAt(r: number, c: number): Cell {
  return st.grid.rows[r - 1]?.[c - 1] ?? {};
}

function looksNumeric(s: string): boolean {
  return (
    /^[-+]?[\d,]*\.?\d+%?$/.test(s) ||
    /^\d{4}-\d{2}-\d{2}( \d{1,2}:\d{2}(:\d{2})?)?$/.test(s) ||
    /^\d{1,2}:\d{2}(:\d{2})?$/.test(s)
  );
}

function renderGrid(): void {
  const g = st.grid;
  const grid = $('grid');
  const scroll = { top: grid.scrollTop, left: grid.scrollLeft };
  const sameSheet = grid.dataset.sheet === g.name;
  const hidden = new Set(g.hiddenCols);
  const cols = shownCols();
  const rows = shownRows();
  const width = (c: number) => (hidden.has(c) ? 0 : (g.colWidths[c - 1] ?? DEFAULT_WIDTH));

  const table = document.createElement('table');
  table.id = 'sheet';
  const cg = document.createElement('colgroup');
  const addCol = (w: number) => {
    const col = document.createElement('col');
    col.style.width = `${w}px`;
    cg.appendChild(col);
  };
  addCol(ROW_HEAD);
  let total = ROW_HEAD;
  for (let c = 1; c <= cols; c++) {
    if (hidden.has(c)) continue;
    addCol(width(c));
    total += width(c);
  }
  table.style.width = `${total}px`;
  table.appendChild(cg);

  const thead = document.createElement('thead');
  const hr = document.createElement('tr');
  const corner = document.createElement('th');
  corner.className = 'corner';
  hr.appendChild(corner);
  for (let c = 1; c <= cols; c++) {
    if (hidden.has(c)) continue;
    const th = document.createElement('th');
    th.className = 'colhead';
    th.dataset.col = String(c);
    th.textContent = colLetter(c);
    if (c === g.frozenCols) th.classList.add('frozen-col-last');
    hr.appendChild(th);
  }
  thead.appendChild(hr);
  table.appendChild(thead);

  const tbody = document.createElement('tbody');
  for (let r = 1; r <= rows; r++) {
    const tr = document.createElement('tr');
    tr.dataset.row = String(r);
    if (r <= g.frozenRows) tr.className = r === g.frozenRows ? 'frozen frozen-last' : 'frozen';
    const th = document.createElement('th');
    th.className = 'rowhead';
    th.textContent = String(r);
    tr.appendChild(th);
    for (let c = 1; c <= cols; c++) {
      if (hidden.has(c)) continue;
      const cell = cellAt(r, c);
      const td = document.createElement('td');
      td.dataset.a1 = `${colLetter(c)}${r}`;
      if (c <= g.frozenCols) td.classList.add('frozen-col');
      if (c === g.frozenCols) td.classList.add('frozen-col-last');
      if (cell.bg) td.style.background = cell.bg;
      if (cell.fc) td.style.color = cell.fc;
      if (cell.b) td.style.fontWeight = 'bold';
      if (cell.i) td.style.fontStyle = 'italic';
      const text = cell.v ?? '';
      const align = cell.al
        ? cell.al.toLowerCase().replace('general-', '')
        : looksNumeric(text)
          ? 'right'
          : '';
      if (align === 'left' || align === 'center' || align === 'right') td.style.textAlign = align;
      const inner = document.createElement('div');
      inner.className = cell.w ? 'c wrap' : 'c';
      inner.textContent = text;
      td.appendChild(inner);
      // Text overflows into the empty cells to its right (left-aligned, unwrapped, no dropdown), as in Sheets.
      if (text && !cell.w && cell.l === undefined && (align === '' || align === 'left')) {
        let room = width(c);
        for (let k = c + 1; k <= cols && !cellAt(r, k).v && !hidden.has(k); k++) room += width(k);
        if (room > width(c)) {
          inner.classList.add('ovf');
          inner.style.maxWidth = `${room}px`;
        }
      }
      if (r <= g.frozenRows) td.style.zIndex = String(c <= g.frozenCols ? 600 + cols - c : 10 + cols - c);
      if (cell.l !== undefined) {
        td.dataset.list = String(cell.l);
        if (cell.dd) {
          const arrow = document.createElement('span');
          arrow.className = 'dd';
          arrow.setAttribute('aria-hidden', 'true');
          inner.appendChild(arrow);
          td.classList.add('has-dd');
        }
      }
      if (cell.n || cell.x)
        inner.appendChild(Object.assign(document.createElement('span'), { className: 'mark' }));
      if (cell.n) {
        td.title = cell.n;
        td.classList.add('has-note');
      } else if (cell.h) td.title = cell.h;
      if (cell.x) td.classList.add('invalid');
      tr.appendChild(td);
    }
    tbody.appendChild(tr);
  }
  table.appendChild(tbody);

  grid.replaceChildren(table);
  if (g.truncated) {
    const more = document.createElement('button');
    more.type = 'button';
    more.id = 'more-rows';
    more.textContent = W.moreRows(g.numRows, g.totalRows);
    more.addEventListener('click', () => {
      rowsWanted += 500;
      void refresh();
    });
    grid.appendChild(more);
  }
  grid.dataset.sheet = g.name;
  layoutFrozen(table, g.frozenRows, g.frozenCols);
  placeCharts(grid, g.charts, (ch) => W.chartBox(ch.title, ch.type, ch.ranges.join(', ')));
  stylePivots(grid, g.pivots);
  placeSlicers(grid, g.slicers, W.slicer, (s, hidden) => void applySlicer(s, hidden));
  if (sameSheet) {
    grid.scrollTop = scroll.top;
    grid.scrollLeft = scroll.left;
  } else {
    grid.scrollTop = 0;
    grid.scrollLeft = 0;
  }
  selected = st.activeA1.split(':')[0] || 'A1';
  markSelection(!sameSheet);
  // An editor opened while the refresh was on its way stays open, over its cell.
  if (editor && sameSheet) {
    const td = tdOf(editor.a1);
    if (td) {
      placeEditor(editor.el, td);
      grid.appendChild(editor.el);
      editor.el.focus();
    } else closeEditor(false);
  } else if (editor) closeEditor(false);
}

function placeEditor(el: HTMLElement, td: HTMLElement): void {
  el.style.top = `${td.offsetTop}px`;
  el.style.left = `${td.offsetLeft}px`;
  el.style.minWidth = `${td.offsetWidth}px`;
  el.style.height = `${Math.max(td.offsetHeight, 22)}px`;
}

/** Frozen rows/columns stay put: sticky cells offset by the rows/columns before them. */
function layoutFrozen(table: HTMLTableElement, frozenRows: number, frozenCols: number): void {
  const head = table.tHead!.rows[0];
  let top = head.getBoundingClientRect().height;
  const body = table.tBodies[0];
  for (let r = 0; r < frozenRows && r < body.rows.length; r++) {
    const tr = body.rows[r];
    for (const cell of Array.from(tr.cells)) cell.style.top = `${top}px`;
    top += tr.getBoundingClientRect().height;
  }
  if (!frozenCols) return;
  const lefts: number[] = [];
  let left = ROW_HEAD;
  const headCells = Array.from(head.cells).slice(1);
  for (let i = 0; i < frozenCols && i < headCells.length; i++) {
    lefts.push(left);
    headCells[i].style.left = `${left}px`;
    headCells[i].classList.add('frozen-col');
    left += headCells[i].getBoundingClientRect().width;
  }
  for (const tr of Array.from(body.rows)) {
    const cells = Array.from(tr.cells).slice(1);
    for (let i = 0; i < lefts.length && i < cells.length; i++) cells[i].style.left = `${lefts[i]}px`;
  }
}

function renderTabs(): void {
  const tabs = $('tabs');
  tabs.replaceChildren(
    ...st.sheets.map((s) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'tab';
      b.setAttribute('role', 'tab');
      b.dataset.sheet = s.name;
      b.textContent = s.name;
      b.setAttribute('aria-selected', String(s.name === st.active));
      if (s.tabColor) b.style.borderBottomColor = s.tabColor;
      b.addEventListener('click', async () => {
        if (s.name === st.active) return;
        closeEditor(false);
        await api('/api/select', { sheet: s.name });
        rowsWanted = 500;
        await refresh(s.name);
      });
      return b;
    }),
  );
}

// ------------------------------------------------------------------ time

/** The spreadsheet zone's wall clock, as the sheet shows times (runtime/zone.ts: one zone module). */
function wall(ms: number): string {
  const w = toWall(st.timeZone, ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.y}-${two(w.mo)}-${two(w.d)} ${two(w.h)}:${two(w.mi)} ${W.weekdays[w.dow]}`;
}

function renderClock(): void {
  const c = st.clock;
  $('clock-now').textContent = wall(c.now);
  $('clock-now').title = st.timeZone;
  const next = $<HTMLButtonElement>('clock-next');
  next.disabled = c.nextTrigger === null;
  next.textContent = W.next;
  $('clock-info').textContent =
    c.nextTrigger === null ? W.noTriggers : `${W.nextAt}${wall(c.nextTrigger).slice(5)}`;
  $('clock-info').title = c.firings
    .map((f) => `${wall(f.at)} ${f.handler} ${f.ok ? '✓' : `✗ ${f.error ?? ''}`}`)
    .join('\n');
  const to = $<HTMLInputElement>('clock-to');
  if (!to.value) to.value = '';
}

async function advance(body: { minutes?: number; to?: number }): Promise<void> {
  closeEditor(true);
  let r: ClockResult;
  try {
    r = await api<ClockResult>('/api/clock', body);
  } catch (e) {
    // A refused move (decades ahead, backwards) is said in the page, in the workbook's language.
    await ask({ kind: 'alert', title: W.invalid, prompt: e instanceof Error ? e.message : String(e), buttons: ['OK'] });
    return;
  }
  for (const t of r.toasts) toast(t.title, t.message);
  await refresh();
  if (r.fired.length)
    $('clock-info').textContent = `${W.fired(r.fired.length)} · ${$('clock-info').textContent}`;
}

/** datetime-local text read as the spreadsheet zone's wall time. */
function wallToMs(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(text);
  return m ? fromWall(st.timeZone, +m[1], +m[2], +m[3], +m[4], +m[5]) : null;
}

// ------------------------------------------------------------------ menus

let openMenu: HTMLElement | null = null;

function closeMenus(): void {
  if (openMenu) openMenu.remove();
  openMenu = null;
  for (const b of Array.from(document.querySelectorAll('#menubar .top')))
    b.setAttribute('aria-expanded', 'false');
}

let menubarKey = '';

function renderMenubar(): void {
  const bar = $('menubar');
  // Rebuilt only when the menus change, so a refresh never closes a menu the person has open.
  const key = JSON.stringify([W.menus, st.menus]);
  if (key === menubarKey) return;
  menubarKey = key;
  closeMenus();
  const custom = st.menus.filter((m) => !m.addon);
  const tops: { label: string; id: string; build?: () => HTMLElement }[] = W.menus.map((label, i) => ({
    label,
    id: i === 7 ? 'menu-extensions' : `menu-${i}`,
    build: i === 7 ? extensionsMenu : undefined,
  }));
  // Custom menus of a bound script sit after Help, as in Sheets.
  for (const m of custom)
    tops.push({ label: m.caption, id: `menu-custom-${m.caption}`, build: () => menuList(m.items) });
  bar.replaceChildren(
    ...tops.map((t) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'top';
      b.id = t.id;
      b.textContent = t.label;
      b.setAttribute('aria-haspopup', 'menu');
      b.setAttribute('aria-expanded', 'false');
      if (!t.build) {
        b.disabled = true;
        b.title = W.notInPreview;
      } else {
        b.addEventListener('click', (e) => {
          e.stopPropagation();
          const wasOpen = b.getAttribute('aria-expanded') === 'true';
          closeMenus();
          if (wasOpen) return;
          const menu = t.build!();
          menu.style.left = `${b.offsetLeft}px`;
          b.setAttribute('aria-expanded', 'true');
          bar.appendChild(menu);
          openMenu = menu;
        });
      }
      return b;
    }),
  );
}

function menuList(items: MenuEntry[]): HTMLElement {
  const ul = document.createElement('div');
  ul.className = 'menu';
  ul.setAttribute('role', 'menu');
  for (const it of items) {
    if ('separator' in it) {
      const hr = document.createElement('div');
      hr.className = 'sep';
      hr.setAttribute('role', 'separator');
      ul.appendChild(hr);
    } else if ('submenu' in it) {
      ul.appendChild(submenuItem(it.submenu.caption, () => menuList(it.submenu.items)));
    } else {
      const b = document.createElement('button');
      b.type = 'button';
      b.setAttribute('role', 'menuitem');
      b.dataset.function = it.functionName;
      b.textContent = it.caption;
      b.addEventListener('click', (e) => {
        e.stopPropagation();
        closeMenus();
        void runMenu(it.functionName);
      });
      ul.appendChild(b);
    }
  }
  return ul;
}

function submenuItem(caption: string, build: () => HTMLElement, disabled = false): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'has-sub';
  const b = document.createElement('button');
  b.type = 'button';
  b.setAttribute('role', 'menuitem');
  b.setAttribute('aria-haspopup', 'menu');
  b.dataset.submenu = caption;
  b.innerHTML = '';
  b.append(caption, Object.assign(document.createElement('span'), { className: 'arrow', textContent: '▸' }));
  b.disabled = disabled;
  const open = () => {
    for (const s of Array.from(wrap.parentElement?.querySelectorAll('.has-sub > .menu') ?? [])) s.remove();
    const sub = build();
    sub.classList.add('sub');
    wrap.appendChild(sub);
  };
  b.addEventListener('click', (e) => {
    e.stopPropagation();
    open();
  });
  b.addEventListener('mouseenter', () => {
    if (!wrap.querySelector('.menu')) open();
  });
  wrap.appendChild(b);
  return wrap;
}

function extensionsMenu(): HTMLElement {
  const ul = document.createElement('div');
  ul.className = 'menu';
  ul.setAttribute('role', 'menu');
  for (const m of st.menus.filter((x) => x.addon))
    ul.appendChild(submenuItem(m.caption, () => menuList(m.items)));
  const sep = document.createElement('div');
  sep.className = 'sep';
  ul.appendChild(sep);
  ul.appendChild(submenuItem(W.addons, () => document.createElement('div'), true));
  ul.appendChild(submenuItem(W.macros, () => document.createElement('div'), true));
  const as = document.createElement('button');
  as.type = 'button';
  as.setAttribute('role', 'menuitem');
  as.textContent = W.appsScript;
  as.disabled = true;
  ul.appendChild(as);
  return ul;
}

async function runMenu(functionName: string): Promise<void> {
  closeEditor(true);
  try {
    const r = await interact('/api/menu', { functionName });
    if (r.ok === false)
      await ask({ kind: 'alert', title: W.scriptError, prompt: r.error ?? '', buttons: ['OK'] });
  } finally {
    await refresh();
  }
}

// ------------------------------------------------------------------ sidebars and dialogs

function showDialog(d: NonNullable<Outcome['dialogs']>[number]): void {
  if (d.kind === 'sidebar') {
    $('sidebar-title').textContent = d.title;
    $<HTMLIFrameElement>('sidebar-frame').srcdoc = d.html;
    $('sidebar').hidden = false;
  } else {
    $('dialog-title').textContent = d.title;
    const frame = $<HTMLIFrameElement>('dialog-frame');
    frame.style.width = `${d.width ?? 600}px`;
    frame.style.height = `${d.height ?? 400}px`;
    frame.srcdoc = d.html;
    $('dialog-layer').hidden = false;
    $('dialog-layer').dataset.kind = d.kind;
  }
}

function closeSidebar(): void {
  $('sidebar').hidden = true;
  $<HTMLIFrameElement>('sidebar-frame').srcdoc = '';
}
function closeDialog(): void {
  $('dialog-layer').hidden = true;
  $<HTMLIFrameElement>('dialog-frame').srcdoc = '';
}

// google.script.run from a sidebar or dialog frame.
window.addEventListener('message', async (ev: MessageEvent) => {
  const d = ev.data;
  if (!d || typeof d.__gas !== 'string') return;
  const frames = [$<HTMLIFrameElement>('sidebar-frame'), $<HTMLIFrameElement>('dialog-frame')];
  const frame = frames.find((f) => f.contentWindow === ev.source);
  if (!frame) return;
  if (d.__gas === 'close') return frame.id === 'sidebar-frame' ? closeSidebar() : closeDialog();
  if (d.__gas === 'size') {
    if (frame.id === 'dialog-frame') {
      if (d.width) frame.style.width = `${d.width}px`;
      if (d.height) frame.style.height = `${d.height}px`;
    }
    return;
  }
  if (d.__gas === 'focusEditor') return $('grid').focus();
  if (d.__gas !== 'run') return;
  const reply = (msg: Record<string, unknown>) => {
    // The frame may have been closed or replaced meanwhile: the answer goes nowhere, as on Google.
    if (frame.contentWindow === ev.source)
      (ev.source as Window).postMessage({ __gas: 'result', id: d.id, ...msg }, '*');
  };
  try {
    const r = await interact('/api/run', { name: d.name, args: d.args });
    // The sheet is redrawn before the page hears back, as a person sees the row before the message.
    if (r.changed) await refresh();
    if (r.ok) reply({ ok: true, value: r.value });
    else reply({ ok: false, error: { message: r.error ?? '' } });
  } catch (e) {
    reply({ ok: false, error: { message: (e as Error).message } });
  }
});

// ------------------------------------------------------------------ alert / prompt

/** Shows an alert or prompt; resolves with the button pressed (× is CLOSE) and the text typed. */
function ask(q: Question): Promise<{ button: string; text?: string }> {
  return new Promise((resolve) => {
    const layer = $('ask-layer');
    const input = $<HTMLInputElement>('ask-input');
    $('ask-title').textContent = q.title;
    $('ask-title').hidden = !q.title;
    $('ask-message').textContent = q.prompt;
    $('ask').dataset.kind = q.kind;
    input.hidden = q.kind !== 'prompt';
    input.value = '';
    const done = (button: string) => {
      layer.hidden = true;
      resolve(q.kind === 'prompt' ? { button, text: input.value } : { button });
    };
    const buttons = q.buttons.map((name, i) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.button = name;
      b.textContent = (W.buttons as Record<string, string>)[name] ?? name;
      if (i === 0) b.className = 'primary';
      b.addEventListener('click', () => done(name));
      return b;
    });
    $('ask-buttons').replaceChildren(...buttons);
    $('ask-close').onclick = () => done('CLOSE');
    input.onkeydown = (e) => {
      if (e.key === 'Enter') done(q.buttons[0]);
    };
    layer.hidden = false;
    (q.kind === 'prompt' ? input : buttons[0]).focus();
  });
}

// ------------------------------------------------------------------ toasts

function toast(title: string, message: string): void {
  const t = document.createElement('div');
  t.className = 'toast';
  t.setAttribute('role', 'status');
  if (title) t.appendChild(Object.assign(document.createElement('strong'), { textContent: title }));
  t.appendChild(Object.assign(document.createElement('span'), { textContent: message }));
  const x = Object.assign(document.createElement('button'), {
    type: 'button',
    textContent: '×',
    className: 'toast-close',
  });
  x.setAttribute('aria-label', W.page.close);
  x.addEventListener('click', () => t.remove());
  t.appendChild(x);
  $('toasts').appendChild(t);
  window.setTimeout(() => t.remove(), 8000);
}

// ------------------------------------------------------------------ selection and editing

function tdOf(a1: string): HTMLTableCellElement | null {
  return $('grid').querySelector<HTMLTableCellElement>(`td[data-a1="${a1}"]`);
}

function markSelection(scrollIntoView = false): void {
  for (const el of Array.from($('grid').querySelectorAll('.selected, .sel-row, .sel-col')))
    el.classList.remove('selected', 'sel-row', 'sel-col');
  const td = tdOf(selected);
  const p = parseA1(selected);
  $<HTMLInputElement>('name-box').value = selected;
  if (p) {
    const cell = cellAt(p.row, p.col);
    // Not while the person is typing there.
    const bar = $<HTMLInputElement>('formula-bar');
    if (document.activeElement !== bar) bar.value = cell.f ?? cell.v ?? '';
    $('grid').querySelector(`tr[data-row="${p.row}"] > th`)?.classList.add('sel-row');
    $('grid').querySelector(`th[data-col="${p.col}"]`)?.classList.add('sel-col');
  }
  if (td) {
    td.classList.add('selected');
    if (scrollIntoView) td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
}

async function select(a1: string): Promise<void> {
  if (a1 === selected && st.activeA1 === a1) return;
  selected = a1;
  st.activeA1 = a1;
  markSelection(true);
  await api('/api/select', { sheet: st.active, a1 });
}

let editor: { a1: string; el: HTMLInputElement | HTMLSelectElement; done: boolean } | null = null;

/** A list cell opens its dropdown (double-click, ▾); typing (or Enter/F2: `asText`) opens a text box, as in Sheets. */
function openEditor(a1: string, initial?: string, asText = false): void {
  closeEditor(false);
  const td = tdOf(a1);
  const p = parseA1(a1);
  if (!td || !p) return;
  const cell = cellAt(p.row, p.col);
  const list = cell.l !== undefined ? st.grid.lists[cell.l] : null;
  let el: HTMLInputElement | HTMLSelectElement;
  if (list && initial === undefined && !asText) {
    const s = document.createElement('select');
    const values = [''].concat(list);
    if (cell.v && !list.includes(cell.v)) values.push(cell.v);
    for (const v of values)
      s.appendChild(Object.assign(document.createElement('option'), { value: v, textContent: v || '—' }));
    s.value = cell.v ?? '';
    s.addEventListener('change', () => void commitEditor());
    el = s;
  } else {
    const i = document.createElement('input');
    i.type = 'text';
    i.value = initial ?? cell.f ?? cell.v ?? '';
    i.spellcheck = false;
    el = i;
  }
  el.id = 'cell-editor';
  el.setAttribute('aria-label', a1);
  el.addEventListener('keydown', (e) => {
    const k = (e as KeyboardEvent).key;
    if (k === 'Enter' && el instanceof HTMLInputElement) {
      e.preventDefault();
      void commitEditor().then(() => move(1, 0));
    } else if (k === 'Tab') {
      e.preventDefault();
      void commitEditor().then(() => move(0, 1));
    } else if (k === 'Escape') {
      e.preventDefault();
      closeEditor(false);
      $('grid').focus();
    }
  });
  el.addEventListener('blur', () => {
    // Moving the editor across a refresh blurs it while detached: that is no commit.
    if (editor && editor.el === el && el instanceof HTMLInputElement && el.isConnected) void commitEditor();
  });
  const grid = $('grid');
  placeEditor(el, td);
  grid.appendChild(el);
  editor = { a1, el, done: false };
  el.focus();
  if (el instanceof HTMLInputElement) el.setSelectionRange(el.value.length, el.value.length);
}

function closeEditor(commit: boolean): void {
  if (!editor) return;
  if (commit) void commitEditor();
  else {
    editor.done = true;
    editor.el.remove();
    editor = null;
  }
}

async function commitEditor(): Promise<void> {
  const e = editor;
  if (!e || e.done) return;
  e.done = true;
  editor = null;
  const value = e.el.value;
  e.el.remove();
  const p = parseA1(e.a1)!;
  const cell = cellAt(p.row, p.col);
  if (value === (cell.f ?? cell.v ?? '')) return $('grid').focus();
  await edit(e.a1, value);
  $('grid').focus();
}

async function edit(a1: string, value: string): Promise<void> {
  try {
    const r = await interact('/api/edit', { sheet: st.active, a1, value });
    if (r.ok === false)
      await ask({ kind: 'alert', title: W.invalid, prompt: r.reason ?? r.error ?? '', buttons: ['OK'] });
    for (const run of r.runs ?? []) if (!run.ok) toast(W.scriptError, `${run.handler}: ${run.error ?? ''}`);
  } finally {
    await refresh();
  }
}

/** A person ticked values in a slicer: the server sets its criteria, the pivots re-filter. */
async function applySlicer(s: WireSlicer, hidden: string[]): Promise<void> {
  try {
    const r = await interact('/api/slicer', { sheet: st.active, index: s.index, hidden });
    if (r.ok === false) await ask({ kind: 'alert', title: W.scriptError, prompt: r.error ?? '', buttons: ['OK'] });
  } finally {
    await refresh();
  }
}

function move(dr: number, dc: number): void {
  const p = parseA1(selected);
  if (!p) return;
  const row = Math.max(1, Math.min(shownRows(), p.row + dr));
  let col = p.col + dc;
  const hidden = new Set(st.grid.hiddenCols);
  while (hidden.has(col)) col += dc || 1;
  col = Math.max(1, Math.min(shownCols(), col));
  void select(`${colLetter(col)}${row}`);
}

function wireGrid(): void {
  const grid = $('grid');
  grid.addEventListener('mousedown', (e) => {
    const td = (e.target as HTMLElement).closest('td');
    if (!td || !td.dataset.a1 || (e.target as HTMLElement).id === 'cell-editor') return;
    if (editor && editor.a1 !== td.dataset.a1) void commitEditor();
    void select(td.dataset.a1);
    if ((e.target as HTMLElement).classList.contains('dd')) {
      e.preventDefault();
      openEditor(td.dataset.a1);
    }
  });
  grid.addEventListener('dblclick', (e) => {
    const td = (e.target as HTMLElement).closest('td');
    if (td && td.dataset.a1) openEditor(td.dataset.a1);
  });
  grid.addEventListener('keydown', (e) => {
    if (editor || (e.target as HTMLElement).id === 'cell-editor') return;
    const k = e.key;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    if (moves[k]) {
      e.preventDefault();
      move(...moves[k]);
    } else if (k === 'Enter' || k === 'F2') {
      e.preventDefault();
      openEditor(selected, undefined, true);
    } else if (k === 'Delete' || k === 'Backspace') {
      e.preventDefault();
      void edit(selected, '');
    } else if (k.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      openEditor(selected, k);
    }
  });
  const bar = $<HTMLInputElement>('formula-bar');
  bar.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void edit(selected, bar.value).then(() => grid.focus());
    } else if (e.key === 'Escape') {
      grid.focus();
      markSelection();
    }
  });
}

// ------------------------------------------------------------------ start

function wire(): void {
  wireGrid();
  document.addEventListener('click', () => closeMenus());
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && openMenu) closeMenus();
  });
  $('sidebar-close').addEventListener('click', closeSidebar);
  $('dialog-close').addEventListener('click', closeDialog);
  for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>('[data-advance]'))) {
    b.addEventListener('click', () => void advance({ minutes: Number(b.dataset.advance) }));
  }
  $('clock-next').addEventListener('click', () => {
    if (st.clock.nextTrigger !== null) void advance({ to: st.clock.nextTrigger });
  });
  $('clock-go').addEventListener('click', () => {
    const to = wallToMs($<HTMLInputElement>('clock-to').value);
    if (to !== null && to > st.clock.now) void advance({ to });
  });
}

async function start(): Promise<void> {
  wire();
  // Opening the spreadsheet: onOpen runs and builds the add-on menu.
  const opened = await api<OpenResult>('/api/open', {});
  await refresh();
  for (const r of opened.runs) if (!r.ok) toast(W.scriptError, `${r.handler}: ${r.error ?? ''}`);
}

void start();
