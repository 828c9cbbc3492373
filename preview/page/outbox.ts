// The outbox panel (issue 18): the mail the tracker sent, which the local runtime records instead
// of sending. Bodies are plain text, shown as text; their links are made clickable, and a link to
// the script's web app opens on this preview (it serves /macros/s/…/exec like Google).
import type { WireOutbox } from '../protocol';

export interface OutboxWords {
  button: string;
  title: string;
  empty: string;
  to: string;
  state: (quotaLeft: number, queued: number) => string;
  close: string;
}

const WEB_APP = /^https:\/\/script\.google\.com(\/macros\/s\/[\w-]+\/exec(?:\?[^\s]*)?)$/;
const LINK = /https?:\/\/[^\s<>"'）)】」]+/g;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A body as text nodes and links (never innerHTML: a requester's text is text). */
export function bodyNodes(body: string): Node[] {
  const out: Node[] = [];
  let at = 0;
  for (const m of body.matchAll(LINK)) {
    const url = m[0].replace(/[.,;:!?。，；：！？]+$/, '');
    const i = m.index ?? 0;
    if (i > at) out.push(document.createTextNode(body.slice(at, i)));
    const local = WEB_APP.exec(url);
    const a = el('a', { href: local ? local[1] : url, target: '_blank', rel: 'noopener', 'data-link': url }, url);
    out.push(a);
    at = i + url.length;
  }
  if (at < body.length) out.push(document.createTextNode(body.slice(at)));
  return out;
}

let words: OutboxWords | null = null;

async function load(): Promise<WireOutbox> {
  const res = await fetch('/api/outbox');
  if (!res.ok) throw new Error(`${res.status}`);
  return (await res.json()) as WireOutbox;
}

function closePanel(): void {
  document.getElementById('outbox-panel')?.remove();
}

async function openPanel(): Promise<void> {
  if (!words) return;
  closePanel();
  const box = await load();
  const w = words;
  const panel = el('section', { id: 'outbox-panel', role: 'dialog', 'aria-labelledby': 'outbox-title' });
  const head = el('header');
  head.append(el('h2', { id: 'outbox-title' }, w.title), el('span', { id: 'outbox-state', class: 'muted' }, w.state(box.quotaLeft, box.queued)));
  const close = el('button', { type: 'button', id: 'outbox-close', 'aria-label': w.close }, '×');
  close.addEventListener('click', closePanel);
  head.append(close);
  panel.append(head);
  const list = el('ol', { id: 'outbox-list', reversed: '' });
  if (!box.mails.length) panel.append(el('p', { class: 'muted' }, w.empty));
  for (const m of [...box.mails].reverse()) {
    const item = el('li', { class: 'outbox-mail' });
    const meta = el('div', { class: 'outbox-meta' });
    meta.append(el('strong', { class: 'outbox-subject' }, m.subject), el('span', { class: 'muted' }, ` ${w.to} ${m.to} · ${m.at}`));
    const pre = el('pre', { class: 'outbox-body' });
    pre.append(...bodyNodes(m.body));
    item.append(meta, pre);
    list.append(item);
  }
  panel.append(list);
  document.body.append(panel);
}

/** The bottom bar's outbox button, with the number of mails sent; refreshed with the page. */
export function renderOutbox(w: OutboxWords): void {
  words = w;
  let b = document.getElementById('outbox-button') as HTMLButtonElement | null;
  if (!b) {
    b = el('button', { type: 'button', id: 'outbox-button' });
    b.addEventListener('click', () => void openPanel());
    const bar = document.getElementById('bottombar');
    const download = document.getElementById('download-xlsx');
    if (bar) bar.insertBefore(b, download);
  }
  const button = b;
  void load()
    .then((box) => {
      button.textContent = `${w.button} (${box.mails.length})`;
      if (document.getElementById('outbox-panel')) void openPanel();
    })
    .catch(() => {
      // The count is a courtesy: a load that fails (the preview server stopped) leaves the button without it.
      button.textContent = w.button;
    });
}
