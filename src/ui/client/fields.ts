// Field-level error and warning display shared by the sidebars: the message sits beside the
// field, is referenced by the control's aria-describedby, and the control gets aria-invalid.
import { clear, h } from './dom';

/** Adds an id to an element's aria-describedby (once). */
export function describe(el: Element, id: string): void {
  const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
  if (!ids.includes(id)) ids.push(id);
  el.setAttribute('aria-describedby', ids.join(' '));
}

/** A hidden message slot (`.field-error` or `.field-warning`) to place beside a field. */
export function messageSlot(id: string, kind: 'error' | 'warning'): HTMLElement {
  const el = h('div', { id, className: kind === 'error' ? 'field-error' : 'field-warning' });
  el.hidden = true;
  return el;
}

/**
 * Shows (or, with an empty message, clears) the message in `slot`; `controls` get aria-invalid
 * for errors. Returns whether a message is shown.
 */
export function setMessage(
  slot: HTMLElement | null,
  message: string,
  controls: Element[] = [],
  invalid = true,
): boolean {
  if (!slot) return false;
  clear(slot);
  const on = !!message;
  if (on) slot.textContent = message;
  slot.hidden = !on;
  if (invalid)
    for (const c of controls) {
      if (on) c.setAttribute('aria-invalid', 'true');
      else c.removeAttribute('aria-invalid');
    }
  return on;
}
