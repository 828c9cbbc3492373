// Embedded charts drawn as Sheets draws them, in SVG, from the data the server read from the
// chart's ranges (preview/chartWire.ts): column, line and pie charts with their title, legend and
// axis titles. Other chart types show as a labelled box. Every mark carries its series, category
// and value as data attributes, so a test can read what is drawn without comparing pixels.
import type { WireChart } from '../protocol';
import { AXIS, axes, type Box, colorsOf, el, fit, FONT, fmt, legend } from './chartFrame';

export const DRAWN_TYPES = ['COLUMN', 'LINE', 'PIE'];

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
