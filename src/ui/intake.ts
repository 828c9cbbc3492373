// Intake sidebar: a requester reports a problem. Everything the page says comes from
// getIntakeForm() in the sheet's language; the server re-checks whatever the client checks here.
//
// Stable hooks for browser tests: #intake-form, inputs #f-<key> labelled by the model's labels
// (urgency: radios #f-urgency-<value> in fieldset #f-urgency), #submit, #form-error (role=alert),
// #err-<key> beside each field, #warn-description, #title-counter, #suggestions (li.suggestion
// [data-article-id], .suggestion-toggle, .solved, .thanks), #result, #result-id, #another,
// #updates-to (where the updates go, when Google names the person; #f-notifyEmail is then absent).
//
// Over ~400 lines: one sidebar page (bundled into its HTML) whose parts (form, checks,
// suggestions, success) share the page's state; shared helpers already live in ./client/.
import type { ArticleSuggestion, FieldError, IntakeFormModel, SubmitResult } from '../app/contracts';
import { containsPersonalMobile, hasVisibleText, unsafeTextKind } from '../domain/text';
import { titleLength } from '../domain/titleLength';
import {
  append,
  byId,
  clear,
  codePoints,
  debounce,
  fmt,
  fmtNodes,
  h,
  randomToken,
  replace,
} from './client/dom';
import { describe, messageSlot, setMessage } from './client/fields';
import { call, failureMessage, IntakeForm, isTransportFailure } from './client/run';

type FieldModel = IntakeFormModel['fields'][number];
type FieldKey = FieldModel['key'];

const TITLE_MAX = 20;
const VAGUE_UNDER = 10;
const SUGGEST_MIN = 4;
const SUGGEST_DELAY_MS = 400;
const SUGGEST_MAX_QUERY = 500;
// Kept after "report another": the same person usually reports from the same place.
const KEEP_ON_ANOTHER: FieldKey[] = ['department', 'submitter', 'contact', 'notifyEmail'];

const app = byId('app');
let model: IntakeFormModel;
/** One token per form fill: kept across retries of the same fill, new after a ticket is made. */
let clientToken = randomToken();
let busy = false;
let descriptionTouched = false;

// ---------------------------------------------------------------- rendering

function boot(): void {
  app.setAttribute('aria-busy', 'true');
  call('getIntakeForm').then(
    (m) => render(m),
    (err) => {
      app.removeAttribute('aria-busy');
      const retry = h('button', { type: 'button', id: 'retry-load', text: '重试 / Retry' });
      retry.addEventListener('click', () => {
        replace(app, h('p', { id: 'loading', className: 'muted', text: '加载中… / Loading…' }));
        boot();
      });
      replace(
        app,
        h(
          'div',
          { id: 'form-error', className: 'form-error', role: 'alert' },
          h('p', { text: failureMessage(err) || '加载失败 / Could not load the form.' }),
        ),
        h('div', { className: 'block' }, retry),
      );
    },
  );
}

function render(m: IntakeFormModel): void {
  model = m;
  document.documentElement.lang = m.lang === 'en' ? 'en' : 'zh-CN';
  document.title = m.title;

  const form = h('form', { id: 'intake-form', novalidate: true, 'aria-labelledby': 'form-title' });
  for (const f of m.fields) {
    form.appendChild(f.key === 'urgency' ? urgencyBlock(f) : fieldBlock(f));
    if (f.key === 'description') form.appendChild(suggestionsPanel());
    // Google names this person: their updates go to that address, so no "email for updates" field.
    if (f.key === 'contact' && m.updatesTo) form.appendChild(h('div', { className: 'block help', id: 'updates-to', text: m.updatesTo.text }));
  }
  if (!m.fields.some((f) => f.key === 'description')) form.appendChild(suggestionsPanel());
  const submit = h('button', { type: 'submit', id: 'submit', className: 'action', text: m.text.submit });
  form.appendChild(h('div', { className: 'block buttons' }, submit));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onSubmit();
  });

  const formError = h('div', { id: 'form-error', className: 'form-error', role: 'alert', tabindex: '-1' });
  formError.hidden = true;
  const result = h('section', { id: 'result', className: 'result', 'aria-live': 'polite' });
  result.hidden = true;

  // The visitor's own tickets (web form, a visitor Google names): a page of the web app itself.
  const mine = m.myTickets ? h('p', { className: 'muted' }, h('a', { id: 'my-tickets', href: m.myTickets.url, target: '_top', text: m.myTickets.label })) : null;
  replace(app, h('h1', { id: 'form-title', text: m.title }), mine, formError, form, result);
  app.removeAttribute('aria-busy');
  updateCounter();
}

function labelRow(f: FieldModel, controlId: string, extra?: Node): HTMLElement {
  return h(
    'div',
    { className: 'label-row' },
    h('label', { for: controlId, id: `label-${f.key}`, text: f.label }),
    f.required ? h('span', { className: 'req', 'aria-hidden': 'true', text: '*' }) : null,
    extra,
  );
}

function fieldBlock(f: FieldModel): HTMLElement {
  const id = `f-${f.key}`;
  const common = {
    id,
    name: f.key,
    placeholder: f.placeholder,
    required: f.required,
    'aria-required': f.required ? 'true' : null,
  };
  let control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  let datalist: HTMLElement | null = null;
  let counter: HTMLElement | undefined;

  switch (f.key) {
    case 'description':
      control = h('textarea', { ...common, rows: 5 });
      break;
    case 'department':
      control = h('input', { ...common, type: 'text', list: 'department-list', autocomplete: 'off' });
      datalist = h(
        'datalist',
        { id: 'department-list' },
        model.departments.map((d) => h('option', { value: d })),
      );
      break;
    case 'category':
      control = h(
        'select',
        common,
        h('option', { value: '', text: '—' }),
        model.categories.map((c) => h('option', { value: c.value, text: c.label })),
      );
      break;
    case 'submitter':
      control = h('input', { ...common, type: 'text', autocomplete: 'name' });
      break;
    case 'contact':
      control = h('input', { ...common, type: 'text', autocomplete: 'off' });
      break;
    case 'notifyEmail':
      control = h('input', { ...common, type: 'email', autocomplete: 'email' });
      break;
    default:
      control = h('input', { ...common, type: 'text', autocomplete: 'off' });
  }
  if (f.key === 'title') counter = h('span', { id: 'title-counter', className: 'counter' });

  const help = f.help ? h('div', { id: `help-${f.key}`, className: 'help', text: f.help }) : null;
  const err = messageSlot(`err-${f.key}`, 'error');
  const warn = f.key === 'description' ? messageSlot('warn-description', 'warning') : null;
  if (help) describe(control, help.id);
  if (counter) describe(control, counter.id);
  describe(control, err.id);
  if (warn) describe(control, warn.id);

  control.addEventListener('input', () => onFieldInput(f.key));
  if (f.key === 'description') {
    control.addEventListener('blur', () => {
      descriptionTouched = true;
      updateVagueWarning();
    });
  }
  // Errors go right under the control, before the (longer) help text, so they are seen. The
  // vague-description warning takes the help text's place (the same box, as tall as the taller of
  // the two), so its coming and going never moves what is below under the pointer.
  return h(
    'div',
    { className: 'block form-group', id: `group-${f.key}`, 'data-field': f.key },
    labelRow(f, id, counter),
    control,
    datalist,
    err,
    warn ? h('div', { className: 'note-swap', id: `notes-${f.key}` }, help, warn) : help,
  );
}

function urgencyBlock(f: FieldModel): HTMLElement {
  const err = messageSlot('err-urgency', 'error');
  const help = f.help ? h('div', { id: 'help-urgency', className: 'help', text: f.help }) : null;
  const group = h('fieldset', {
    id: 'f-urgency',
    className: 'block form-group choice-group',
    role: 'radiogroup',
    'aria-labelledby': 'label-urgency',
    'aria-required': f.required ? 'true' : null,
    'data-field': 'urgency',
  });
  if (help) describe(group, help.id);
  describe(group, err.id);
  append(
    group,
    h(
      'legend',
      { id: 'label-urgency' },
      f.label,
      f.required ? h('span', { className: 'req', 'aria-hidden': 'true', text: '*' }) : null,
    ),
  );
  if (help) group.appendChild(help);
  model.urgencies.forEach((u) => {
    const rid = `f-urgency-${u.value}`;
    const radio = h('input', { type: 'radio', name: 'urgency', id: rid, value: u.value });
    const hint = u.hint ? h('div', { id: `hint-urgency-${u.value}`, className: 'hint', text: u.hint }) : null;
    if (hint) describe(radio, hint.id);
    radio.addEventListener('change', () => onFieldInput('urgency'));
    group.appendChild(
      h('div', { className: 'choice' }, radio, h('label', { for: rid, text: u.label }), hint),
    );
  });
  group.appendChild(err);
  return group;
}

/**
 * The knowledge-base suggestions: always there, with a fixed height (the list scrolls inside), so
 * suggestions arriving or going while the person moves on to the next field move nothing below.
 */
function suggestionsPanel(): HTMLElement {
  return h(
    'section',
    { id: 'suggestions', className: 'suggestions', 'aria-labelledby': 'suggestions-title', 'data-empty': 'true' },
    h('h2', { id: 'suggestions-title', text: model.text.suggestions }),
    h(
      'div',
      { className: 'suggestion-area' },
      h('p', { id: 'suggestions-empty', className: 'muted', text: model.text.suggestionsEmpty }),
      h('ul', { id: 'suggestion-list', 'aria-live': 'polite' }),
    ),
  );
}

// ---------------------------------------------------------------- values and checks

function control(key: FieldKey): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null {
  return document.getElementById(`f-${key}`) as
    HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
}

function raw(key: FieldKey): string {
  if (key === 'urgency') {
    const checked = document.querySelector<HTMLInputElement>('input[name="urgency"]:checked');
    return checked ? checked.value : '';
  }
  const c = control(key);
  return c ? c.value : '';
}

function values(): IntakeForm {
  const v = (k: FieldKey) => raw(k).trim();
  return {
    title: v('title'),
    department: v('department'),
    description: v('description'),
    urgency: v('urgency'),
    category: v('category'),
    submitter: v('submitter'),
    contact: v('contact'),
    notifyEmail: v('notifyEmail'),
  };
}

function maxOf(f: FieldModel): number | undefined {
  return f.key === 'title' ? (f.maxLength ?? TITLE_MAX) : f.maxLength;
}

/** A field's length as the form counts it: the title by width (20 字 = 60 Latin characters). */
function lengthOf(f: FieldModel, value: string): { n: number; over: boolean } {
  if (f.key === 'title') return titleLength(value, model.lang);
  const n = codePoints(value);
  const max = maxOf(f);
  return { n, over: max !== undefined && n > max };
}

/** Quick checks for speed; the server decides. */
function check(form: IntakeForm): FieldError[] {
  const errors: FieldError[] = [];
  const t = model.text as IntakeFormModel['text'] & Record<string, string | undefined>;
  for (const f of model.fields) {
    const value = form[f.key];
    const max = maxOf(f);
    const unsafe = unsafeTextKind(value);
    const choice = f.key === 'urgency' || f.key === 'category';
    if (f.required && !hasVisibleText(value))
      errors.push({ field: f.key, message: fmt(choice ? (t.requiredChoice ?? t.required) : t.required, { field: f.label }) });
    else if (unsafe) errors.push({ field: f.key, message: fmt(t[unsafe], { field: f.label }) });
    else if (max !== undefined && lengthOf(f, value).over) {
      const n = lengthOf(f, value).n;
      errors.push({
        field: f.key,
        message: t.tooLong
          ? fmt(t.tooLong, { field: f.label, max, n })
          : `${f.label}: ${fmt(t.counter, { n, max })}`,
      });
    } else if ((f.key === 'contact' || f.key === 'notifyEmail') && containsPersonalMobile(value))
      errors.push({ field: f.key, message: t.mobile });
  }
  return errors;
}

function isVague(description: string): boolean {
  const s = description.trim();
  return s !== '' && codePoints(s) < VAGUE_UNDER;
}

function updateVagueWarning(): void {
  const slot = document.getElementById('warn-description');
  const on = descriptionTouched && isVague(raw('description'));
  setMessage(slot, on ? model.text.vague : '', [], false);
  document.getElementById('notes-description')?.classList.toggle('warn-on', on);
}

function updateCounter(): void {
  const counter = document.getElementById('title-counter');
  const f = model.fields.find((x) => x.key === 'title');
  if (!counter || !f) return;
  const { n, over } = lengthOf(f, raw('title'));
  const max = maxOf(f) ?? TITLE_MAX;
  counter.textContent = fmt(model.text.counter, { n, max });
  counter.classList.toggle('over', over);
}

// ---------------------------------------------------------------- errors

function fieldControls(key: string): Element[] {
  if (key === 'urgency')
    return [byId('f-urgency'), ...Array.from(document.querySelectorAll('input[name="urgency"]'))];
  const c = document.getElementById(`f-${key}`);
  return c ? [c] : [];
}

function clearErrors(): void {
  for (const f of model.fields) setMessage(document.getElementById(`err-${f.key}`), '', fieldControls(f.key));
  showFormError([]);
}

/** Top-of-form messages (role=alert): form-level errors and thrown failures. */
function showFormError(lines: string[]): void {
  const box = document.getElementById('form-error');
  if (!box) return;
  clear(box);
  for (const line of lines) box.appendChild(h('p', { text: line }));
  box.hidden = lines.length === 0;
}

/** Puts each message beside its field; unknown fields and null go to the top. Keeps all input. */
function showErrors(errors: FieldError[]): void {
  clearErrors();
  const top: string[] = [];
  const byField = new Map<string, string[]>();
  for (const e of errors) {
    const known = e.field && document.getElementById(`err-${e.field}`);
    if (known && e.field) byField.set(e.field, [...(byField.get(e.field) || []), e.message]);
    else top.push(e.message);
  }
  byField.forEach((msgs, key) =>
    setMessage(document.getElementById(`err-${key}`), msgs.join(' '), fieldControls(key)),
  );
  showFormError(top);
  // Focus the first problem in page order.
  if (top.length) {
    byId('form-error').focus();
    window.scrollTo(0, 0);
  } else {
    const first = model.fields.find((f) => byField.has(f.key));
    if (first) focusField(first.key);
  }
}

function focusField(key: FieldKey): void {
  if (key === 'urgency') {
    const radio =
      document.querySelector<HTMLInputElement>('input[name="urgency"]:checked') ||
      document.querySelector<HTMLInputElement>('input[name="urgency"]');
    if (radio) radio.focus();
    return;
  }
  const c = control(key);
  if (c) c.focus();
}

function onFieldInput(key: FieldKey): void {
  // The message beside a field goes once the user changes that field.
  const slot = document.getElementById(`err-${key}`);
  if (slot && !slot.hidden) setMessage(slot, '', fieldControls(key));
  if (key === 'title') updateCounter();
  if (key === 'description') updateVagueWarning();
  if (key === 'title' || key === 'description') requestSuggestions();
}

// ---------------------------------------------------------------- submit

function setBusy(on: boolean): void {
  busy = on;
  const submit = byId<HTMLButtonElement>('submit');
  submit.disabled = on;
  submit.textContent = on ? model.text.submitting : model.text.submit;
  const form = byId('intake-form');
  if (on) form.setAttribute('aria-busy', 'true');
  else form.removeAttribute('aria-busy');
}

function onSubmit(): void {
  if (busy) return; // a second click or Enter while the call runs does nothing
  const form = values();
  const errors = check(form);
  descriptionTouched = true;
  updateVagueWarning();
  if (errors.length) {
    showErrors(errors);
    return;
  }
  clearErrors();
  setBusy(true);
  call('submitTicket', form, clientToken).then(
    (res: SubmitResult) => {
      setBusy(false);
      if (res && res.ok) showSuccess(res.id, res.warnings || []);
      else
        showErrors(
          res && !res.ok && res.errors && res.errors.length
            ? res.errors
            : [{ field: null, message: failedText('') }],
        );
    },
    (err) => {
      setBusy(false);
      showSubmitFailure(err);
    },
  );
}

/**
 * A submit that failed on the way (no answer) or on the server: said in the form's language, with
 * the input kept as it is and a Retry that sends the same fill again (same token: never two tickets).
 */
function showSubmitFailure(err: unknown): void {
  const detail = failureMessage(err);
  showFormError([isTransportFailure(err) ? model.text.offline : fmt(model.text.failedKept, { detail })]);
  const box = byId('form-error');
  const retry = h('button', { type: 'button', id: 'retry-submit', className: 'action', text: model.text.retry });
  retry.addEventListener('click', () => onSubmit());
  box.appendChild(h('div', { className: 'buttons' }, retry));
  box.focus();
  window.scrollTo(0, 0);
}

/** text.failed may be a lead-in ("提交失败:") for the detail, or a whole sentence. */
function failedText(detail: string): string {
  const failed = model.text.failed || '';
  if (!detail || detail === failed.trim()) return failed.replace(/[\s::]+$/, '') || detail;
  if (/[::]\s*$/.test(failed))
    return `${failed.replace(/\s+$/, '')}${/:\s*$/.test(failed) ? ' ' : ''}${detail}`;
  return `${failed} ${detail}`.trim();
}

function showSuccess(id: string, warnings: FieldError[]): void {
  clientToken = randomToken(); // the next fill is a new ticket
  const result = byId('result');
  const idEl = h('strong', { id: 'result-id', className: 'ticket-id', text: id });
  const another = h('button', {
    type: 'button',
    id: 'another',
    className: 'action',
    text: model.text.another,
  });
  another.addEventListener('click', reportAnother);
  replace(
    result,
    h(
      'div',
      { className: 'success-box', role: 'status' },
      h('p', { id: 'result-text', tabindex: '-1' }, fmtNodes(model.text.success, { id: idEl })),
    ),
    warnings.length
      ? h(
          'ul',
          { id: 'result-warnings', className: 'warnings' },
          warnings.map((w) => h('li', { text: w.message })),
        )
      : null,
    h('div', { className: 'block buttons' }, another),
  );
  // {id} missing from the template: still show the ID.
  if (!result.contains(idEl)) byId('result-text').appendChild(idEl);
  byId('intake-form').hidden = true;
  result.hidden = false;
  window.scrollTo(0, 0);
  byId('result-text').focus();
}

function reportAnother(): void {
  for (const f of model.fields) {
    if (KEEP_ON_ANOTHER.includes(f.key)) continue;
    if (f.key === 'urgency')
      document
        .querySelectorAll<HTMLInputElement>('input[name="urgency"]')
        .forEach((r) => (r.checked = false));
    else {
      const c = control(f.key);
      if (c) c.value = '';
    }
  }
  clearErrors();
  descriptionTouched = false;
  updateVagueWarning();
  updateCounter();
  lastQuery = '';
  renderSuggestions([]);
  byId('result').hidden = true;
  byId('intake-form').hidden = false;
  window.scrollTo(0, 0);
  const title = control('title');
  if (title) title.focus();
}

// ---------------------------------------------------------------- knowledge-base suggestions

let lastQuery = '';
let suggestSeq = 0;
let panelSeq = 0;
let shownIds = '';

const requestSuggestions = debounce(() => {
  const text = `${raw('title').trim()} ${raw('description').trim()}`.trim();
  if (codePoints(text) < SUGGEST_MIN) {
    // Too short to search: what was suggested for the earlier text goes (and any answer in flight).
    lastQuery = '';
    suggestSeq++;
    renderSuggestions([]);
    return;
  }
  const query = Array.from(text).slice(0, SUGGEST_MAX_QUERY).join('');
  if (query === lastQuery) return;
  lastQuery = query;
  const seq = ++suggestSeq;
  call('suggestArticles', query).then(
    (list) => {
      if (seq === suggestSeq) renderSuggestions(Array.isArray(list) ? list.slice(0, 3) : []);
    },
    () => undefined, // suggestions are a help, never an obstacle
  );
}, SUGGEST_DELAY_MS);

function renderSuggestions(list: ArticleSuggestion[]): void {
  const panel = document.getElementById('suggestions');
  const ul = document.getElementById('suggestion-list');
  if (!panel || !ul) return;
  const ids = list.map((a) => a.id).join('\n');
  if (ids === shownIds && list.length) return; // same articles: keep what is open
  shownIds = ids;
  clear(ul);
  for (const a of list) ul.appendChild(suggestionItem(a));
  panel.setAttribute('data-empty', String(list.length === 0));
  const empty = document.getElementById('suggestions-empty');
  if (empty) empty.hidden = list.length > 0;
}

function suggestionItem(a: ArticleSuggestion): HTMLElement {
  const bodyId = `suggestion-body-${++panelSeq}`;
  const toggle = h(
    'button',
    {
      type: 'button',
      className: 'link suggestion-toggle',
      'aria-expanded': 'false',
      'aria-controls': bodyId,
    },
    h('span', { className: 'suggestion-title', text: a.title }),
  );
  const solved = h('button', { type: 'button', className: 'solved', text: model.text.solvedIt });
  const status = h('div', { className: 'suggestion-status', role: 'status' });
  const body = h(
    'div',
    { id: bodyId, className: 'suggestion-body' },
    h('div', { className: 'solution', text: a.solution }),
    h('div', { className: 'buttons' }, solved),
    status,
  );
  body.hidden = true;
  toggle.addEventListener('click', () => {
    const open = body.hidden;
    body.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  });
  solved.addEventListener('click', () => {
    solved.disabled = true;
    call('markArticleHelpful', a.id).then(
      () => {
        solved.remove();
        replace(status, h('p', { className: 'thanks', text: model.text.thanks }));
      },
      (err) => {
        solved.disabled = false;
        replace(status, h('p', { className: 'field-error', text: failureMessage(err) || failedText('') }));
      },
    );
  });
  return h(
    'li',
    { className: 'suggestion', 'data-article-id': a.id },
    toggle,
    a.category ? h('span', { className: 'suggestion-category', text: a.category }) : null,
    body,
  );
}

boot();
