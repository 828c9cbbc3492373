// Pivot tables and slicers on the grid, as Sheets shows them. A pivot's cells are ordinary cells
// the runtime computed; here they get Sheets' pivot look: the header rows and the total rows and
// columns bold on grey. A slicer is a card over the grid (its column's name and what it shows);
// clicking it opens the list of the column's values with checkboxes, like Sheets' slicer
// dropdown, and OK hands the unticked values to `apply` (the server sets the slicer's criteria and
// the pivots re-filter).
import type { WirePivot, WireSlicer } from '../protocol';

export interface SlicerWords {
  all: string;
  some: (n: number, total: number) => string;
  none: string;
  filterByValues: string;
  selectAll: string;
  clear: string;
  search: string;
  ok: string;
  cancel: string;
  /** how an empty value is listed */
  blank: string;
}

const colLetter = (n: number): string => {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** Marks the cells of each pivot: header rows, total rows and columns (classes styled in page.css). */
export function stylePivots(grid: HTMLElement, pivots: WirePivot[]): void {
  for (const p of pivots) {
    for (let r = p.row; r < p.row + p.numRows; r++)
      for (let c = p.col; c < p.col + p.numCols; c++) {
        const td = grid.querySelector<HTMLElement>(`td[data-a1="${colLetter(c)}${r}"]`);
        if (!td) continue;
        td.classList.add('pv');
        td.dataset.pivot = String(p.id);
        if (r < p.row + p.headerRows) td.classList.add('pv-head');
        if (p.totalRows.includes(r) || p.totalCols.includes(c)) td.classList.add('pv-total');
        if (r === p.row + p.numRows - 1 && p.totalRows.includes(r)) td.classList.add('pv-grand');
      }
  }
}

const ticked = (s: WireSlicer): Set<string> =>
  new Set(s.values.filter((v) => !s.hidden.includes(v) && (s.visible === null || s.visible.includes(v))));

function status(s: WireSlicer, w: SlicerWords): string {
  const n = ticked(s).size;
  if (n === s.values.length) return w.all;
  return n === 0 ? w.none : w.some(n, s.values.length);
}

let openList: HTMLElement | null = null;

export function closeSlicerList(): void {
  openList?.remove();
  openList = null;
}

/** The value list of a slicer, under its card; OK calls `apply` with the values left unticked. */
function openValues(
  grid: HTMLElement,
  card: HTMLElement,
  s: WireSlicer,
  w: SlicerWords,
  apply: (s: WireSlicer, hidden: string[]) => void,
): void {
  closeSlicerList();
  const box = document.createElement('div');
  box.className = 'slicer-list';
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-label', s.title || s.columnName);
  box.dataset.slicerId = String(s.id);
  box.style.top = `${card.offsetTop + card.offsetHeight + 2}px`;
  box.style.left = `${card.offsetLeft}px`;
  const head = document.createElement('div');
  head.className = 'slicer-list-head';
  head.textContent = w.filterByValues;
  const links = document.createElement('div');
  links.className = 'slicer-links';
  const link = (text: string, cls: string, on: boolean) => {
    const a = document.createElement('button');
    a.type = 'button';
    a.className = `link ${cls}`;
    a.textContent = text;
    a.addEventListener('click', () => {
      for (const cb of Array.from(list.querySelectorAll<HTMLInputElement>('input[type=checkbox]')))
        if (!cb.closest('label')!.hidden) cb.checked = on;
      okButton.disabled = !list.querySelector('input:checked');
    });
    return a;
  };
  links.append(link(w.selectAll, 'select-all', true), link(w.clear, 'clear', false));
  const search = document.createElement('input');
  search.type = 'search';
  search.className = 'slicer-search';
  search.placeholder = w.search;
  search.setAttribute('aria-label', w.search);
  const list = document.createElement('div');
  list.className = 'slicer-values';
  const on = ticked(s);
  for (const v of s.values) {
    const label = document.createElement('label');
    const cb = document.createElement('input');
    cb.type = 'checkbox';
    cb.value = v;
    cb.checked = on.has(v);
    cb.addEventListener('change', () => (okButton.disabled = !list.querySelector('input:checked')));
    label.append(cb, document.createTextNode(v === '' ? w.blank : v));
    list.appendChild(label);
  }
  search.addEventListener('input', () => {
    const q = search.value.trim().toLowerCase();
    for (const label of Array.from(list.querySelectorAll('label')))
      label.hidden = !!q && !label.textContent!.toLowerCase().includes(q);
  });
  const buttons = document.createElement('div');
  buttons.className = 'slicer-buttons';
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = w.cancel;
  cancel.addEventListener('click', closeSlicerList);
  const okButton = document.createElement('button');
  okButton.type = 'button';
  okButton.className = 'primary';
  okButton.textContent = w.ok;
  okButton.disabled = on.size === 0;
  okButton.addEventListener('click', () => {
    const hidden = Array.from(list.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
      .filter((cb) => !cb.checked)
      .map((cb) => cb.value);
    closeSlicerList();
    apply(s, hidden);
  });
  buttons.append(cancel, okButton);
  box.append(head, links, search, list, buttons);
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeSlicerList();
    e.stopPropagation();
  });
  grid.appendChild(box);
  openList = box;
  search.focus();
}

let listening = false;

/** Places each slicer's card over the grid at its anchor cell plus offset. */
export function placeSlicers(
  grid: HTMLElement,
  slicers: WireSlicer[],
  w: SlicerWords,
  apply: (s: WireSlicer, hidden: string[]) => void,
): void {
  closeSlicerList();
  if (!listening) {
    // A click anywhere else closes the open list, as Sheets' dropdown does.
    listening = true;
    document.addEventListener('mousedown', (e) => {
      const t = e.target as HTMLElement;
      if (openList && !openList.contains(t) && !t.closest('.slicer')) closeSlicerList();
    });
  }
  for (const s of slicers) {
    const td = grid.querySelector<HTMLElement>(`td[data-a1="${colLetter(s.col)}${s.row}"]`);
    if (!td) continue;
    const card = document.createElement('button');
    card.type = 'button';
    card.className = 'slicer';
    card.dataset.slicerId = String(s.id);
    const title = document.createElement('span');
    title.className = 'slicer-title';
    title.textContent = s.title || s.columnName;
    const state = document.createElement('span');
    state.className = 'slicer-status';
    state.textContent = status(s, w);
    const arrow = document.createElement('span');
    arrow.className = 'slicer-arrow';
    arrow.setAttribute('aria-hidden', 'true');
    card.append(title, state, arrow);
    card.setAttribute('aria-haspopup', 'dialog');
    card.disabled = s.column === null;
    card.style.top = `${td.offsetTop + s.offsetY}px`;
    card.style.left = `${td.offsetLeft + s.offsetX}px`;
    card.addEventListener('click', (e) => {
      e.stopPropagation();
      if (openList && openList.dataset.slicerId === String(s.id)) closeSlicerList();
      else openValues(grid, card, s, w, apply);
    });
    grid.appendChild(card);
  }
}
