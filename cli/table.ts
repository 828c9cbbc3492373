// Plain-text table for `show`: header + rows, cells truncated to a width (East Asian characters
// count double), and a colour name per row from its backgrounds (how SLA colours read in a terminal).

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

export function truncate(s: string, width: number): string {
  const flat = s.replace(/\s*\n\s*/g, ' ⏎ ');
  if (displayWidth(flat) <= width) return flat;
  let out = '';
  for (const ch of flat) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

/** Nearest plain colour name of a #rrggbb background ('' for white/none). */
export function colourName(hex: string | null | undefined): string {
  if (!hex) return '';
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return hex;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x, 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 0.06) return max > 0.97 ? '' : max > 0.6 ? 'grey' : 'dark grey';
  let h: number;
  if (max === r) h = ((g - b) / (max - min)) % 6;
  else if (max === g) h = (b - r) / (max - min) + 2;
  else h = (r - g) / (max - min) + 4;
  h = (h * 60 + 360) % 360;
  if (h < 20 || h >= 330) return 'red';
  if (h < 40) return 'orange';
  if (h < 70) return 'yellow';
  if (h < 170) return 'green';
  if (h < 260) return 'blue';
  return 'purple';
}

/** The row's colour: the most frequent non-white background. */
export function rowColour(backgrounds: Array<string | null | undefined> | undefined): string {
  const counts = new Map<string, number>();
  for (const b of backgrounds ?? []) {
    const n = colourName(b);
    if (n) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

export function renderTable(rows: string[][], opts: { cellWidth?: number; colours?: string[]; rowNumbers?: boolean } = {}): string {
  const cw = opts.cellWidth ?? 16;
  const cells = rows.map((r, i) => [...(opts.rowNumbers ? [String(i + 1)] : []), ...r.map((c) => truncate(c, cw)), ...(opts.colours ? [opts.colours[i] ?? ''] : [])]);
  const n = Math.max(0, ...cells.map((r) => r.length));
  const widths = Array.from({ length: n }, (_, j) => Math.max(...cells.map((r) => displayWidth(r[j] ?? ''))));
  const line = (r: string[]) => widths.map((w, j) => pad(r[j] ?? '', w)).join(' │ ').replace(/[\s│]+$/, '');
  const out = cells.map(line);
  if (out.length > 1) out.splice(1, 0, widths.map((w) => '─'.repeat(w)).join('─┼─'));
  return out.join('\n');
}
