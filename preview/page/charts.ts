// Embedded charts drawn as Sheets draws them, in SVG, from the data the server read from the
// chart's ranges (preview/chartWire.ts): column, line and pie charts with their title, legend and
// axis titles. Other chart types show as a labelled box. Every mark carries its series, category
// and value as data attributes, so a test can read what is drawn without comparing pixels.
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
const FONT = 'Roboto, "Noto Sans CJK SC", "Noto Sans SC", Arial, sans-serif';
const AXIS = '#5f6368';
const GRID = '#e0e0e0';

export const DRAWN_TYPES = ['COLUMN', 'LINE', 'PIE'];

type Attrs = Record<string, string | number>;

function el<K extends keyof SVGElementTagNameMap>(
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
function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffff]/.test(ch) ? size : size * 0.56;
  return w;
}

function fit(s: string, size: number, max: number): string {
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

const fmt = (v: number): string =>
  Math.abs(v) >= 1000
    ? v.toLocaleString('en-US', { maximumFractionDigits: 1 })
    : String(Number(v.toPrecision(6)));

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function colorsOf(ch: WireChart, n: number): string[] {
  return Array.from({ length: n }, (_, i) => ch.colors[i] || PALETTE[i % PALETTE.length]);
}

/** The legend's entries, laid out at `pos`; returns the plot box that is left. */
function legend(svg: SVGSVGElement, ch: WireChart, names: string[], colors: string[], box: Box): Box {
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
function axes(svg: SVGSVGElement, ch: WireChart, box: Box, lo: number, hi: number): (v: number) => number {
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

function columns(svg: SVGSVGElement, ch: WireChart, box: Box, colors: string[]): void {
  const values = ch.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const sums = ch.categories.map((_, i) => ch.series.reduce((a, s) => a + Math.max(0, s.values[i] ?? 0), 0));
  const hi = ch.stacked ? Math.max(0, ...sums) : Math.max(0, ...values);
  const lo = Math.min(0, ...values);
  const y = axes(svg, ch, box, lo, hi);
  const band = box.w / Math.max(1, ch.categories.length);
  const inner = band * 0.7;
  const g = el('g', { class: 'marks' });
  ch.categories.forEach((cat, i) => {
    let base = 0;
    ch.series.forEach((s, k) => {
      const v = s.values[i];
      if (v === null || v === undefined) return;
      const w = ch.stacked ? inner : inner / ch.series.length;
      const x = box.x + band * i + (band - inner) / 2 + (ch.stacked ? 0 : w * k);
      const from = ch.stacked ? base : 0;
      const to = from + v;
      if (ch.stacked) base = to;
      const top = Math.min(y(from), y(to));
      const r = el('rect', {
        class: 'bar',
        x,
        y: top,
        width: Math.max(1, w - 1),
        height: Math.max(v === 0 ? 0 : 1, Math.abs(y(to) - y(from))),
        fill: colors[k],
        'data-series': s.name,
        'data-category': cat,
        'data-value': v,
      });
      r.appendChild(el('title', {}, `${cat} · ${s.name}: ${fmt(v)}`));
      g.appendChild(r);
    });
  });
  svg.appendChild(g);
}

function lines(svg: SVGSVGElement, ch: WireChart, box: Box, colors: string[]): void {
  const values = ch.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const y = axes(svg, ch, box, Math.min(0, ...values), Math.max(0, ...values));
  const band = box.w / Math.max(1, ch.categories.length);
  const g = el('g', { class: 'marks' });
  ch.series.forEach((s, k) => {
    // A gap (empty cell) breaks the line, as in Sheets.
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${(box.x + band * (i + 0.5)).toFixed(1)} ${y(v).toFixed(1)} `;
      pen = true;
    });
    g.appendChild(
      el('path', {
        class: 'line',
        d: d.trim(),
        fill: 'none',
        stroke: colors[k],
        'stroke-width': 2,
        'data-series': s.name,
      }),
    );
    s.values.forEach((v, i) => {
      if (v === null) return;
      const p = el('circle', {
        class: 'point',
        cx: box.x + band * (i + 0.5),
        cy: y(v),
        r: 3,
        fill: colors[k],
        'data-series': s.name,
        'data-category': ch.categories[i],
        'data-value': v,
      });
      p.appendChild(el('title', {}, `${ch.categories[i]} · ${s.name}: ${fmt(v)}`));
      g.appendChild(p);
    });
  });
  svg.appendChild(g);
}

function pie(svg: SVGSVGElement, ch: WireChart, box: Box, colors: string[]): void {
  const s = ch.series[0];
  const values = s ? s.values.map((v) => (v !== null && v > 0 ? v : 0)) : [];
  const total = values.reduce((a, b) => a + b, 0);
  const r = Math.max(10, Math.min(box.w, box.h) / 2 - 6);
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const g = el('g', { class: 'marks' });
  let angle = -Math.PI / 2;
  values.forEach((v, i) => {
    if (!v) return;
    const a = (v / total) * Math.PI * 2;
    const attrs = {
      class: 'slice',
      fill: colors[i],
      stroke: '#fff',
      'stroke-width': 1,
      'data-category': ch.categories[i],
      'data-value': v,
    };
    const slice =
      a >= Math.PI * 2 - 1e-9
        ? el('circle', { ...attrs, cx, cy, r })
        : el('path', {
            ...attrs,
            d: `M${cx} ${cy} L${cx + r * Math.cos(angle)} ${cy + r * Math.sin(angle)} A${r} ${r} 0 ${a > Math.PI ? 1 : 0} 1 ${cx + r * Math.cos(angle + a)} ${cy + r * Math.sin(angle + a)} Z`,
          });
    slice.appendChild(el('title', {}, `${ch.categories[i]}: ${fmt(v)} (${((v / total) * 100).toFixed(1)}%)`));
    g.appendChild(slice);
    const text =
      ch.sliceText === 'value'
        ? fmt(v)
        : ch.sliceText === 'label'
          ? ch.categories[i]
          : ch.sliceText === 'none'
            ? ''
            : `${((v / total) * 100).toFixed(1)}%`;
    // Slices too thin for their text stay unlabelled (Sheets hides text under 0.7 %… here by size).
    if (text && a > 0.25) {
      const mid = angle + a / 2;
      // A slice that is the whole pie has its text in the middle.
      const at = a >= Math.PI * 2 - 1e-9 ? 0 : r * 0.62;
      g.appendChild(
        el(
          'text',
          {
            x: cx + at * Math.cos(mid),
            y: cy + at * Math.sin(mid) + 4,
            'text-anchor': 'middle',
            'font-size': 12,
            fill: '#fff',
            class: 'slice-text',
          },
          text,
        ),
      );
    }
    angle += a;
  });
  svg.appendChild(g);
}

/** The chart as an SVG element of its size; null for types the preview does not draw. */
export function drawChart(ch: WireChart): SVGSVGElement | null {
  if (!DRAWN_TYPES.includes(ch.type)) return null;
  const svg = el('svg', {
    width: ch.width,
    height: ch.height,
    viewBox: `0 0 ${ch.width} ${ch.height}`,
    'font-family': FONT,
    class: 'chart-svg',
    role: 'img',
    'aria-label': ch.title || ch.type,
    'data-type': ch.type,
  });
  svg.appendChild(el('rect', { x: 0, y: 0, width: ch.width, height: ch.height, fill: '#fff' }));
  let box: Box = { x: 12, y: 8, w: ch.width - 24, h: ch.height - 16 };
  if (ch.title) {
    svg.appendChild(
      el(
        'text',
        { x: 16, y: 26, 'font-size': 15, fill: '#202124', class: 'chart-title' },
        fit(ch.title, 15, ch.width - 32),
      ),
    );
    box = { ...box, y: box.y + 30, h: box.h - 30 };
  }
  const isPie = ch.type === 'PIE';
  const names = isPie ? ch.categories : ch.series.map((s) => s.name);
  const colors = colorsOf(ch, names.length);
  box = legend(svg, ch, names, colors, box);
  if (!ch.categories.length || !ch.series.length) {
    svg.appendChild(
      el(
        'text',
        {
          x: box.x + box.w / 2,
          y: box.y + box.h / 2,
          'text-anchor': 'middle',
          'font-size': 12,
          fill: AXIS,
          class: 'no-data',
        },
        '—',
      ),
    );
    return svg;
  }
  if (isPie) {
    pie(svg, ch, box, colors);
    return svg;
  }
  // Room for the value labels on the left, category labels and the axis titles below.
  const plot: Box = {
    x: box.x + (ch.yTitle ? 56 : 40),
    y: box.y + 6,
    w: box.w - (ch.yTitle ? 56 : 40) - 8,
    h: box.h - 6 - (ch.xTitle ? 44 : 24),
  };
  if (ch.type === 'COLUMN') columns(svg, ch, plot, colors);
  else lines(svg, ch, plot, colors);
  return svg;
}

const colLetter = (n: number): string => {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/**
 * Puts the sheet's charts over the grid at their anchor cells (plus offsets), drawn when the type
 * is one the preview draws, else as a box saying what the chart is (`describe`).
 */
export function placeCharts(
  grid: HTMLElement,
  charts: WireChart[],
  describe: (ch: WireChart) => string,
): void {
  for (const ch of charts) {
    const box = document.createElement('div');
    box.className = 'chart';
    box.dataset.chartId = String(ch.id);
    box.dataset.type = ch.type;
    const svg = drawChart(ch);
    if (svg) {
      box.classList.add('drawn');
      box.appendChild(svg);
    } else box.textContent = describe(ch);
    const td = grid.querySelector<HTMLElement>(`td[data-a1="${colLetter(ch.col)}${ch.row}"]`);
    // An anchor beyond the rendered rows: the chart waits until those rows are shown.
    if (!td) continue;
    box.style.top = `${td.offsetTop + ch.offsetY}px`;
    box.style.left = `${td.offsetLeft + ch.offsetX}px`;
    grid.appendChild(box);
  }
}
