// Ticket sidebar: an agent works one ticket (the selected row, or one opened by ID).
//
// view.text keys this page uses (English fallbacks below when a key is missing):
//   ticketId, idPlaceholder, open, loading, sla, actions, noActions, empty,
//   assignee, reason, note, solution, resolvedQuestion, yes, no, rating,
//   satisfied, basic, unsatisfied, choose, cancel, confirmClose ({id}), working,
//   done ({action}), reload, conflict, failed, breachedWord, atRiskWord, waitKind, waitRequester,
//   waitVendor, liaison, current, since, background, tried, tier2Agent
//
// Stable hooks for browser tests: #open-form, #ticket-id-input, #open-ticket, #ticket-error
// (role=alert), #ticket-note (role=status), #ticket, #ticket-heading, #ticket-status, #sla
// (.sla-breached / .sla-risk), #ticket-fields (.field[data-key]), #actions, button[data-action=<name>],
// #action-panel[data-action], inputs #act-assignee, #act-reason, #act-text, #act-solution,
// #act-kind (wait), #act-liaison (shown for a vendor), #act-background, #act-tried (escalate),
// #ticket-waiting (the current wait),
// radios #act-resolved-yes / #act-resolved-no, #act-rating, #err-act-<field>, #action-error,
// #confirm-action, #cancel-action, #reload.
//
// Over ~400 lines: one sidebar page (bundled into its HTML) whose parts (loading, the view,
// action panels) share the page's state; shared helpers already live in ./client/.
import type { ActionOutcome, FieldError, TicketView, TicketViewResult, TicketViewText } from '../app/contracts';
import type { ActionName } from '../domain/workflow';
import { append, byId, clear, fmt, h, replace } from './client/dom';
import { describe, messageSlot, setMessage } from './client/fields';
import { ActionPayload, call, failureMessage, isTransportFailure } from './client/run';

type Action = TicketView['actions'][number];
type Need = Action['needs'][number];

const FALLBACK: TicketViewText = {
  ticketId: 'Ticket ID',
  idPlaceholder: 'Empty: the selected row',
  open: 'Open',
  loading: 'Loading…',
  sla: 'SLA',
  actions: 'Actions',
  noActions: 'No actions are available in this status.',
  empty: '—',
  assignee: 'Assignee',
  reason: 'Reason',
  note: 'Note',
  solution: 'Solution',
  resolvedQuestion: 'Is the problem solved?',
  yes: 'Yes',
  no: 'No',
  rating: 'Rating',
  satisfied: 'Satisfied',
  basic: 'Basically satisfied',
  unsatisfied: 'Unsatisfied',
  choose: '— choose —',
  cancel: 'Cancel',
  confirmClose: 'Close ticket {id}? Closed tickets are archived and cannot be changed here.',
  fileKb: 'Add the solution to the knowledge base as a suggestion',
  working: 'Working…',
  done: '{action}: done.',
  reload: 'Reload',
  conflict: 'Someone else changed this ticket. Reload it and try again.',
  failed: 'Something went wrong. Please try again.',
  retry: 'Retry',
  offlineLoad: 'The connection failed and the ticket was not loaded. Press Retry.',
  offlineAction: 'The connection failed, so it is not known whether "{action}" reached the tracker. Your input is still here. Retry is safe: an action that already went through is not done a second time.',
  maybeApplied: 'The ticket changed while the connection was down; your "{action}" may already have gone through. Here is the ticket as it is now: check it before doing it again.',
  breachedWord: 'breached',
  atRiskWord: 'at risk',
  waitKind: 'Waiting for',
  waitRequester: 'Waiting for requester',
  waitVendor: 'Waiting for a vendor',
  liaison: 'Vendor liaison',
  current: 'Waiting',
  since: 'since',
  background: 'Background',
  tried: 'What was tried',
  tier2Agent: 'Hand over to (tier 2)',
  replyToRequester: 'Send to the requester as a reply (mail); unticked, the note stays internal',
};

/** Actions that cannot be undone from here: they always ask first. */
const DESTRUCTIVE: ActionName[] = ['close'];
const RATINGS = ['satisfied', 'basic', 'unsatisfied'] as const;

const app = byId('app');
let texts: Partial<TicketViewText> = {};
let view: TicketView | null = null;
let busy = false;
/** The action whose panel is open. */
let openAction: ActionName | null = null;

const tx = (key: keyof TicketViewText): string => texts[key] || FALLBACK[key] || key;

/**
 * Lines said before the server has told the page its language (the first load failed): both
 * languages, as the loading line of sidebar.html does.
 */
const BEFORE_LANGUAGE = {
  offlineLoad: `网络连接出了问题，工单没有加载出来。请点「重试」。 / ${FALLBACK.offlineLoad}`,
  retry: '重试 / Retry',
};
const known = (): boolean => Object.keys(texts).length > 0;

// ---------------------------------------------------------------- shell

function shell(): void {
  const input = h('input', {
    type: 'text',
    id: 'ticket-id-input',
    name: 'ticketId',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const open = h('button', { type: 'submit', id: 'open-ticket' });
  const form = h(
    'form',
    { id: 'open-form', className: 'open-row block', novalidate: true },
    h('div', { className: 'grow' }, h('label', { for: 'ticket-id-input', id: 'ticket-id-label' }), input),
    open,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (busy) return;
    const id = input.value.trim().toUpperCase();
    load(id || undefined);
  });
  const error = h('div', { id: 'ticket-error', className: 'form-error', role: 'alert', tabindex: '-1' });
  error.hidden = true;
  const note = h('div', { id: 'ticket-note', className: 'note', role: 'status' });
  note.hidden = true;
  const ticket = h(
    'section',
    { id: 'ticket', 'aria-labelledby': 'ticket-heading' },
    h(
      'div',
      { className: 'ticket-head' },
      h('h1', { id: 'ticket-heading' }),
      h('span', { id: 'ticket-status', className: 'badge' }),
    ),
    h('div', { id: 'sla', className: 'sla' }),
    h('div', { id: 'ticket-waiting', className: 'sla waiting', role: 'status' }),
    // Actions before the details: the work log can be long, the buttons stay in view.
    h('h2', { id: 'actions-heading' }),
    h('div', { id: 'actions', className: 'buttons', role: 'group', 'aria-labelledby': 'actions-heading' }),
    h('div', { id: 'action-panel', className: 'action-panel', role: 'group' }),
    h('dl', { id: 'ticket-fields', className: 'fields' }),
  );
  ticket.hidden = true;
  (ticket.querySelector('#action-panel') as HTMLElement).hidden = true;
  replace(app, form, error, note, ticket);
  relabel();
}

/** Labels that do not depend on the ticket, in the current language. */
function relabel(): void {
  if (view) document.documentElement.lang = view.lang === 'en' ? 'en' : 'zh-CN';
  byId('ticket-id-label').textContent = tx('ticketId');
  byId<HTMLInputElement>('ticket-id-input').placeholder = tx('idPlaceholder');
  byId('open-ticket').textContent = tx('open');
  byId('actions-heading').textContent = tx('actions');
}

/** `retry`: a Retry button (#retry) that runs it: the failed call again, as it was. */
function showError(lines: string[], where: 'top' | 'panel' = 'top', conflict = false, retry?: () => void): void {
  const box = document.getElementById(where === 'panel' ? 'action-error' : 'ticket-error');
  if (!box) return;
  clear(box);
  for (const line of lines) box.appendChild(h('p', { text: line }));
  if (conflict && view) {
    const reload = h('button', { type: 'button', id: 'reload', text: tx('reload') });
    const id = view.id;
    reload.addEventListener('click', () => load(id, true));
    box.appendChild(h('div', { className: 'buttons' }, reload));
  }
  if (retry && lines.length) {
    const again = h('button', { type: 'button', id: 'retry', className: 'action', text: known() ? tx('retry') : BEFORE_LANGUAGE.retry });
    again.addEventListener('click', () => {
      if (!busy) retry();
    });
    box.appendChild(h('div', { className: 'buttons' }, again));
  }
  box.hidden = lines.length === 0;
  if (lines.length) box.focus();
}

function clearMessages(): void {
  showError([]);
  showError([], 'panel');
  const note = byId('ticket-note');
  note.hidden = true;
  clear(note);
}

function setBusy(on: boolean, label?: string): void {
  busy = on;
  app.querySelectorAll('button').forEach((b) => (b.disabled = on));
  if (on) app.setAttribute('aria-busy', 'true');
  else app.removeAttribute('aria-busy');
  const confirm = document.getElementById('confirm-action');
  if (confirm && label !== undefined) confirm.textContent = label;
}

// ---------------------------------------------------------------- loading

/**
 * Loads a ticket (the selected row without an id). `keepPanel` restores an open panel's input;
 * `then` runs once the view is shown (a note to show above it).
 */
function load(id?: string, keepPanel = false, then?: () => void): void {
  const saved = keepPanel && openAction ? { action: openAction, values: snapshot() } : null;
  clearMessages();
  setBusy(true);
  if (!view) {
    const note = byId('ticket-note');
    note.textContent = tx('loading');
    note.hidden = false;
  }
  // Reloading the ticket on show: its row is read first, searched for only if it moved.
  const at = id && view && view.id === id ? view.version : undefined;
  call('getTicketView', id, at).then(
    (res: TicketViewResult) => {
      setBusy(false);
      clearMessages();
      if (res && res.ok) {
        showView(res);
        if (saved && res.actions.some((a) => a.name === saved.action)) {
          openPanel(saved.action);
          restore(saved.values);
        }
        if (then) then();
      } else {
        if (res && res.text) texts = { ...texts, ...res.text };
        relabel();
        // A ticket that cannot be loaded is not shown under another ticket's buttons.
        view = null;
        byId('ticket').hidden = true;
        showError([(res && res.message) || tx('failed')]);
      }
    },
    (err) => {
      setBusy(false);
      clearMessages();
      // Reading a ticket changes nothing: trying again is always safe.
      const again = () => load(id, keepPanel, then);
      if (isTransportFailure(err)) showError([known() ? tx('offlineLoad') : BEFORE_LANGUAGE.offlineLoad], 'top', false, again);
      else showError([failureMessage(err) || tx('failed')], 'top', false, again);
    },
  );
}

function showView(v: TicketView): void {
  view = v;
  texts = { ...texts, ...(v.text || {}) };
  relabel();
  byId('ticket').hidden = false;
  byId('ticket-heading').textContent = v.id;
  const status = byId('ticket-status');
  status.textContent = v.status;
  status.hidden = !v.status;

  const sla = byId('sla');
  sla.className = `sla ${slaClass(v.slaText)}`.trim();
  replace(sla, h('strong', { text: `${tx('sla')}: ` }), v.slaText);
  sla.hidden = !v.slaText;

  const waiting = byId('ticket-waiting');
  replace(waiting, h('strong', { text: `${tx('current')}: ` }), v.waiting || '');
  waiting.hidden = !v.waiting;

  const dl = byId('ticket-fields');
  clear(dl);
  for (const f of v.fields) {
    if (f.key === 'id') continue; // already the heading
    const value = f.value === '' ? h('span', { className: 'muted', text: tx('empty') }) : f.value;
    dl.appendChild(
      h(
        'div',
        { className: `field field-${f.key}`, 'data-key': f.key },
        h('dt', { text: f.label }),
        h('dd', {}, value),
      ),
    );
  }

  const actions = byId('actions');
  clear(actions);
  for (const a of v.actions) {
    const b = h('button', { type: 'button', 'data-action': a.name, text: a.label });
    if (a.needs.length || DESTRUCTIVE.includes(a.name)) {
      b.setAttribute('aria-expanded', 'false');
      b.setAttribute('aria-controls', 'action-panel');
    }
    b.addEventListener('click', () => onAction(a));
    actions.appendChild(b);
  }
  if (!v.actions.length) actions.appendChild(h('p', { className: 'muted', text: tx('noActions') }));
  closePanel();
}

function slaClass(text: string): string {
  const breached = tx('breachedWord');
  const risk = tx('atRiskWord');
  const lower = text.toLowerCase();
  if (breached && lower.includes(breached.toLowerCase())) return 'sla-breached';
  if (risk && lower.includes(risk.toLowerCase())) return 'sla-risk';
  return '';
}

// ---------------------------------------------------------------- actions

function onAction(a: Action): void {
  if (busy || !view) return;
  clearMessages();
  if (!a.needs.length && !DESTRUCTIVE.includes(a.name)) {
    closePanel();
    run(a, {});
    return;
  }
  if (openAction === a.name) closePanel();
  else openPanel(a.name);
}

function actionOf(name: ActionName): Action | undefined {
  return view ? view.actions.find((a) => a.name === name) : undefined;
}

function closePanel(): void {
  openAction = null;
  const panel = byId('action-panel');
  clear(panel);
  panel.hidden = true;
  panel.removeAttribute('data-action');
  document.querySelectorAll('#actions button[data-action]').forEach((b) => {
    if (b.hasAttribute('aria-expanded')) b.setAttribute('aria-expanded', 'false');
  });
}

function openPanel(name: ActionName): void {
  const a = actionOf(name);
  if (!a || !view) return;
  closePanel();
  openAction = name;
  const panel = byId('action-panel');
  panel.setAttribute('data-action', name);
  panel.setAttribute('aria-label', a.label);
  const btn = document.querySelector(`#actions button[data-action="${name}"]`);
  if (btn) btn.setAttribute('aria-expanded', 'true');

  if (DESTRUCTIVE.includes(name))
    panel.appendChild(
      h('p', {
        className: 'confirm-text',
        id: 'confirm-text',
        text: fmt(tx('confirmClose'), { id: view.id }),
      }),
    );
  for (const need of a.needs) panel.appendChild(needBlock(need, name));

  const error = h('div', { id: 'action-error', className: 'form-error', role: 'alert', tabindex: '-1' });
  error.hidden = true;
  const confirm = h('button', { type: 'button', id: 'confirm-action', className: 'action', text: a.label });
  const cancel = h('button', { type: 'button', id: 'cancel-action', text: tx('cancel') });
  confirm.addEventListener('click', () => {
    if (busy) return;
    showError([], 'panel');
    run(a, payload(a));
  });
  cancel.addEventListener('click', () => {
    if (busy) return;
    closePanel();
    const b = document.querySelector<HTMLButtonElement>(`#actions button[data-action="${name}"]`);
    if (b) b.focus();
  });
  append(panel, error, h('div', { className: 'buttons' }, confirm, cancel));
  panel.hidden = false;
  const first = panel.querySelector<HTMLElement>('select, textarea, input');
  (first || confirm).focus();
}

const TEXT_NEEDS: Record<'reason' | 'text' | 'solution' | 'background' | 'tried', keyof TicketViewText> = {
  reason: 'reason',
  text: 'note',
  solution: 'solution',
  background: 'background',
  tried: 'tried',
};

function needBlock(need: Need, action: ActionName): HTMLElement {
  if (need === 'feedback') return feedbackBlock();
  if (need === 'file') return fileBlock();
  if (need === 'reply') return replyBlock();
  const id = `act-${need}`;
  const err = messageSlot(`err-${id}`, 'error');
  let control: HTMLSelectElement | HTMLTextAreaElement | HTMLInputElement;
  let label: string;
  let hidden = false;
  if (need === 'assignee') {
    // Escalation hands over to a tier-2 agent: only those are offered.
    const escalate = action === 'escalate';
    label = tx(escalate ? 'tier2Agent' : 'assignee');
    const names = view ? (escalate ? view.tier2Agents || [] : view.agents) : [];
    control = h(
      'select',
      { id, name: need },
      h('option', { value: '', text: tx('choose') }),
      names.map((a) => h('option', { value: a, text: a })),
    );
  } else if (need === 'kind') {
    label = tx('waitKind');
    control = h(
      'select',
      { id, name: need },
      h('option', { value: '', text: tx('choose') }),
      h('option', { value: 'requester', text: tx('waitRequester') }),
      h('option', { value: 'vendor', text: tx('waitVendor') }),
    );
    // The liaison is asked for a vendor only.
    control.addEventListener('change', () => {
      const box = document.querySelector<HTMLElement>('#action-panel [data-need="liaison"]');
      if (box) box.hidden = (control as HTMLSelectElement).value !== 'vendor';
    });
  } else if (need === 'liaison') {
    label = tx('liaison');
    control = h('input', { type: 'text', id, name: need, autocomplete: 'off', maxlength: '60' });
    hidden = true;
  } else {
    label = tx(TEXT_NEEDS[need]);
    control = h('textarea', { id, name: need, rows: need === 'text' ? 3 : 4 });
    if (need === 'solution') {
      const current = view && view.fields.find((f) => f.key === 'solution');
      if (current) control.value = current.value;
    }
  }
  describe(control, err.id);
  control.addEventListener('input', () => setMessage(err, '', [control]));
  const group = h(
    'div',
    { className: 'form-group', 'data-need': need },
    h('label', { for: id, text: label, className: 'block-label' }),
    control,
    err,
  );
  group.hidden = hidden;
  return group;
}

/** Close: file the solution as a knowledge-base suggestion? Ticked as the server proposes. */
function fileBlock(): HTMLElement {
  const a = view ? view.actions.find((x) => x.name === 'close') : undefined;
  const box = h('input', { type: 'checkbox', id: 'act-file', name: 'file' });
  box.checked = !!(a && a.fileDefault);
  return h('div', { className: 'form-group choice', 'data-need': 'file' }, box, h('label', { for: 'act-file', text: tx('fileKb') }));
}

/** Note: internal by default; ticked, it goes to the requester as a reply (issue 18). */
function replyBlock(): HTMLElement {
  const box = h('input', { type: 'checkbox', id: 'act-reply', name: 'reply' });
  return h('div', { className: 'form-group choice', 'data-need': 'reply' }, box, h('label', { for: 'act-reply', text: tx('replyToRequester') }));
}

function feedbackBlock(): HTMLElement {
  const errResolved = messageSlot('err-act-resolved', 'error');
  const errRating = messageSlot('err-act-rating', 'error');
  const group = h('fieldset', {
    id: 'act-resolved',
    className: 'choice-group form-group',
    role: 'radiogroup',
    'aria-labelledby': 'act-resolved-legend',
  });
  describe(group, errResolved.id);
  const radios = h('div', { className: 'inline-choices' });
  for (const [value, key] of [
    ['yes', 'yes'],
    ['no', 'no'],
  ] as const) {
    const rid = `act-resolved-${value}`;
    const radio = h('input', { type: 'radio', id: rid, name: 'resolved', value });
    radio.addEventListener('change', () => setMessage(errResolved, '', [group]));
    radios.appendChild(h('div', { className: 'choice' }, radio, h('label', { for: rid, text: tx(key) })));
  }
  append(
    group,
    h('legend', { id: 'act-resolved-legend', text: tx('resolvedQuestion') }),
    radios,
    errResolved,
  );

  const rating = h(
    'select',
    { id: 'act-rating', name: 'rating' },
    h('option', { value: '', text: tx('choose') }),
    RATINGS.map((r) => h('option', { value: r, text: tx(r) })),
  );
  describe(rating, errRating.id);
  rating.addEventListener('change', () => setMessage(errRating, '', [rating]));
  return h(
    'div',
    { 'data-need': 'feedback' },
    group,
    h(
      'div',
      { className: 'form-group' },
      h('label', { for: 'act-rating', text: tx('rating') }),
      rating,
      errRating,
    ),
  );
}

function inputValue(id: string): string {
  const el = document.getElementById(id) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
  return el ? el.value.trim() : '';
}

/** Only the inputs the action needs, and only those filled in; the server checks the rest. */
function payload(a: Action): ActionPayload {
  const p: ActionPayload = {};
  for (const need of a.needs) {
    if (need === 'file') {
      const box = document.getElementById('act-file') as HTMLInputElement | null;
      if (box) p.file = box.checked;
    } else if (need === 'reply') {
      const box = document.getElementById('act-reply') as HTMLInputElement | null;
      if (box) p.reply = box.checked;
    } else if (need === 'feedback') {
      const yes = document.getElementById('act-resolved-yes') as HTMLInputElement | null;
      const no = document.getElementById('act-resolved-no') as HTMLInputElement | null;
      if (yes && yes.checked) p.resolved = true;
      else if (no && no.checked) p.resolved = false;
      const r = inputValue('act-rating');
      if (r) p.rating = r;
    } else {
      // A liaison typed before switching back to "requester" is not sent.
      const box = need === 'liaison' ? document.querySelector<HTMLElement>('#action-panel [data-need="liaison"]') : null;
      const v = box && box.hidden ? '' : inputValue(`act-${need}`);
      if (v) p[need] = v;
    }
  }
  return p;
}

function snapshot(): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  byId('action-panel')
    .querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')
    .forEach((el) => {
      if (!el.id) return;
      out[el.id] = el instanceof HTMLInputElement && el.type === 'radio' ? el.checked : el.value;
    });
  return out;
}

function restore(values: Record<string, string | boolean>): void {
  for (const [id, v] of Object.entries(values)) {
    const el = document.getElementById(id) as
      HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
    if (!el) continue;
    if (typeof v === 'boolean') (el as HTMLInputElement).checked = v;
    else el.value = v;
  }
}

/**
 * Applies an action to the ticket as the page shows it (its version). A call that got no answer may
 * or may not have been applied: Retry sends the very same call (same version, same input), and the
 * server applies it only while the row is still the version it was built on, so it never applies
 * twice. A retry refused because the row changed means the first attempt (or someone else) got
 * through: the ticket is reloaded and the agent asked to check it.
 */
function run(a: Action, p: ActionPayload, retried = false): void {
  if (!view || busy) return;
  const v = view;
  setBusy(true, tx('working'));
  call('applyTicketAction', v.id, a.name, p, v.version).then(
    (out: ActionOutcome) => {
      setBusy(false, a.label);
      if (out && out.ok) {
        showView(out.view);
        const note = byId('ticket-note');
        note.textContent = fmt(tx('done'), { action: a.label });
        note.hidden = false;
        const heading = byId('ticket-heading');
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      } else {
        // Branch on the code, never on the (translated) message.
        const conflict = !!out && !out.ok && out.code === 'conflict';
        if (conflict && retried) {
          load(v.id, false, () => {
            const note = byId('ticket-note');
            note.textContent = fmt(tx('maybeApplied'), { action: a.label });
            note.hidden = false;
          });
          return;
        }
        const errors =
          out && !out.ok && out.errors && out.errors.length
            ? out.errors
            : [{ field: null, message: conflict ? tx('conflict') : tx('failed') }];
        showActionErrors(errors, conflict);
      }
    },
    (err) => {
      setBusy(false, a.label);
      const message = isTransportFailure(err) ? fmt(tx('offlineAction'), { action: a.label }) : failureMessage(err) || tx('failed');
      // Retry sends what the panel holds now (the input was kept; the agent may have corrected it).
      showActionErrors([{ field: null, message }], false, () => run(a, openAction === a.name ? payload(a) : p, true));
    },
  );
}

/** Messages beside the inputs they concern; the rest above the panel's buttons (or at the top). */
function showActionErrors(errors: FieldError[], conflict: boolean, retry?: () => void): void {
  const panelOpen = openAction !== null;
  const rest: string[] = [];
  let firstField: HTMLElement | null = null;
  for (const e of errors) {
    const slot = e.field && panelOpen && !conflict ? document.getElementById(`err-act-${e.field}`) : null;
    if (slot && e.field) {
      const control = document.getElementById(`act-${e.field}`);
      setMessage(slot, e.message, control ? [control] : []);
      if (!firstField && control) firstField = control;
    } else rest.push(e.message);
  }
  if (rest.length || conflict)
    showError(rest.length ? rest : [tx('conflict')], panelOpen ? 'panel' : 'top', conflict, retry);
  else if (firstField) {
    const target = firstField.matches('fieldset')
      ? firstField.querySelector<HTMLElement>('input')
      : firstField;
    if (target) target.focus();
  }
}

shell();
load();
