// The frame of a drawn chart (charts.ts): SVG elements, label sizes, round axis steps, the legend,
// the axes with their gridlines and titles.
import type { WireChart } from '../protocol';

const SVG = 'http://www.w3.org/2000/svg';
/** Sheets' default series colours, in order. */
const PALETTE = [
  '#4285f4',
  '#ea4335',
  '#fbbc04',
  '#34a853',
  '#ff6d01',
  '#46bdc6',
  '#7baaf7',
  '#f07b72',
  '#fcd04f',
  '#71c287',
];
export const FONT = 'Roboto, "Noto Sans CJK SC", "Noto Sans SC", Arial, sans-serif';
export const AXIS = '#5f6368';
const GRID = '#e0e0e0';

type Attrs = Record<string, string | number>;

export function el<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Roughly how wide a label is at `size` px: CJK characters are square, Latin ones about half. */
export function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffff]/.test(ch) ? size : size * 0.56;
  return w;
}

export function fit(s: string, size: number, max: number): string {
  if (textWidth(s, size) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(out + ch + '…', size) > max) break;
    out += ch;
  }
  return out + '…';
}

/** Round axis steps (1, 2, 5 × 10ⁿ) covering min..max in about `count` steps. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) max = min + 1;
  const raw = (max - min) / count;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const out: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

export const fmt = (v: number): string =>
  Math.abs(v) >= 1000
    ? v.toLocaleString('en-US', { maximumFractionDigits: 1 })
    : String(Number(v.toPrecision(6)));

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function colorsOf(ch: WireChart, n: number): string[] {
  return Array.from({ length: n }, (_, i) => ch.colors[i] || PALETTE[i % PALETTE.length]);
}

/** The legend's entries, laid out at `pos`; returns the plot box that is left. */
export function legend(svg: SVGSVGElement, ch: WireChart, names: string[], colors: string[], box: Box): Box {
  const pos = ch.legend;
  if (pos === 'none' || !names.length) return box;
  const g = el('g', { class: 'legend' });
  svg.appendChild(g);
  const item = (name: string, color: string, x: number, y: number, max: number) => {
    const e = el('g', { class: 'legend-item', 'data-name': name });
    e.appendChild(el('circle', { cx: x + 5, cy: y - 4, r: 5, fill: color }));
    e.appendChild(el('text', { x: x + 14, y, 'font-size': 12, fill: '#202124' }, fit(name, 12, max - 14)));
    g.appendChild(e);
  };
  if (pos === 'top' || pos === 'bottom') {
    const widths = names.map((n) => Math.min(160, textWidth(n, 12) + 30));
    const total = widths.reduce((a, b) => a + b, 0);
    let x = box.x + Math.max(0, (box.w - total) / 2);
    const y = pos === 'top' ? box.y + 12 : box.y + box.h - 4;
    names.forEach((n, i) => {
      item(n, colors[i], x, y, widths[i] - 8);
      x += widths[i];
    });
    return pos === 'top' ? { ...box, y: box.y + 24, h: box.h - 24 } : { ...box, h: box.h - 24 };
  }
  const width = Math.min(box.w * 0.35, Math.max(...names.map((n) => textWidth(n, 12))) + 30);
  const x = pos === 'left' ? box.x : box.x + box.w - width;
  const top = box.y + Math.max(0, (box.h - names.length * 20) / 2);
  names.forEach((n, i) => item(n, colors[i], x + 4, top + 14 + i * 20, width - 8));
  return pos === 'left' ? { ...box, x: box.x + width, w: box.w - width } : { ...box, w: box.w - width };
}

/** Axes, gridlines, labels and axis titles for a category × value chart; returns the y scale. */
export function axes(
  svg: SVGSVGElement,
  ch: WireChart,
  box: Box,
  lo: number,
  hi: number,
): (v: number) => number {
  const ticks = niceTicks(Math.min(0, lo), Math.max(0, hi));
  const min = ticks[0];
  const max = ticks[ticks.length - 1];
  const y = (v: number) => box.y + box.h - ((v - min) / (max - min)) * box.h;
  const g = el('g', { class: 'axis' });
  for (const t of ticks) {
    g.appendChild(
      el('line', { x1: box.x, x2: box.x + box.w, y1: y(t), y2: y(t), stroke: t === 0 ? AXIS : GRID }),
    );
    g.appendChild(
      el(
        'text',
        { x: box.x - 6, y: y(t) + 4, 'text-anchor': 'end', 'font-size': 11, fill: AXIS, class: 'tick' },
        fmt(t),
      ),
    );
  }
  const n = ch.categories.length;
  const band = box.w / Math.max(1, n);
  // Labels that do not fit side by side are thinned out, as Sheets skips them.
  const every = Math.max(
    1,
    Math.ceil(Math.max(...ch.categories.map((c) => Math.min(textWidth(c, 11), 90)), 1) / band),
  );
  ch.categories.forEach((c, i) => {
    if (i % every) return;
    g.appendChild(
      el(
        'text',
        {
          x: box.x + band * (i + 0.5),
          y: box.y + box.h + 16,
          'text-anchor': 'middle',
          'font-size': 11,
          fill: AXIS,
          class: 'category',
        },
        fit(c, 11, band * every - 4),
      ),
    );
  });
  if (ch.xTitle)
    g.appendChild(
      el(
        'text',
        {
          x: box.x + box.w / 2,
          y: box.y + box.h + 36,
          'text-anchor': 'middle',
          'font-size': 12,
          fill: '#202124',
          class: 'x-title',
        },
        ch.xTitle,
      ),
    );
  if (ch.yTitle) {
    const cx = box.x - 44;
    const cy = box.y + box.h / 2;
    g.appendChild(
      el(
        'text',
        {
          x: cx,
          y: cy,
          transform: `rotate(-90 ${cx} ${cy})`,
          'text-anchor': 'middle',
          'font-size': 12,
          fill: '#202124',
          class: 'y-title',
        },
        ch.yTitle,
      ),
    );
  }
  svg.appendChild(g);
  return y;
}
