// The requester's answer page (issue 18), built on the server as one self-contained HTML text: the
// mail link opens it, the requester picks "solved" / "not solved", a rating and an optional comment,
// and the page sends that with google.script.run.answerVerification. Every text from the sheet (the
// title, the solution) is escaped; the page's own texts come from the catalog.
import { catalog } from '../domain/i18n';
import type { Lang, Rating } from '../domain/schema';
import { RATING_VALUES } from '../domain/schema';
import type { Answer } from '../domain/verifyLink';

/** Fills `{name}` placeholders of a catalog text (the nested groups are not t()'s flat keys). */
export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** JSON inside a <script>: no `</script>` or `<!--` can close or change it. */
const scriptJson = (v: unknown): string => JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const STYLE = `body{font-family:Arial,"Microsoft YaHei",sans-serif;margin:0;padding:24px;color:#202124;max-width:640px}
h1{font-size:20px;margin:0 0 16px}h2{font-size:15px;margin:16px 0 6px}
.solution{white-space:pre-wrap;background:#f1f3f4;padding:10px 12px;border-radius:6px}
fieldset{border:none;padding:0;margin:12px 0}legend{font-weight:bold;margin-bottom:6px}
label{display:inline-block;margin:4px 16px 4px 0}textarea{width:100%;box-sizing:border-box;min-height:80px;font:inherit}
button{font:inherit;padding:8px 20px;background:#1a73e8;color:#fff;border:none;border-radius:4px;cursor:pointer}
button[disabled]{background:#9aa0a6}.error{color:#c5221f;min-height:1.4em}.result{font-size:16px}`;

function page(lang: Lang, title: string, body: string): string {
  return `<!DOCTYPE html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

/** A page that only says something: a bad link, an answer already given, a finished answer. */
export function messagePage(lang: Lang, message: string, kind: 'problem' | 'done'): string {
  const T = catalog(lang).verify;
  return page(lang, T.title, `<h1>${escapeHtml(T.title)}</h1><p class="result" data-result="${kind}">${escapeHtml(message)}</p>`);
}

export interface VerifyFormModel {
  token: string;
  /** Where the ticket is: the answer reads that row first (no search). */
  row: number;
  id: string;
  title: string;
  solution: string;
  /** Preselected from the link the requester clicked (the mail has one per choice). */
  answer: Answer | null;
  rating: Rating | null;
}

/** The form: solved / not solved, the rating, a comment, and the send button. */
export function formPage(lang: Lang, m: VerifyFormModel): string {
  const T = catalog(lang).verify;
  const radio = (name: string, value: string, label: string, checked: boolean) =>
    `<label><input type="radio" name="${name}" value="${value}"${checked ? ' checked' : ''}> ${escapeHtml(label)}</label>`;
  const body = `<h1>${escapeHtml(fill(T.heading, { id: m.id, title: m.title }))}</h1>
<h2>${escapeHtml(T.solution)}</h2><div class="solution">${escapeHtml(m.solution)}</div>
<form id="answer" onsubmit="return false">
<fieldset><legend>${escapeHtml(T.question)}</legend>${radio('answer', 'solved', T.solved, m.answer === 'solved')}${radio('answer', 'notSolved', T.notSolved, m.answer === 'notSolved')}</fieldset>
<fieldset><legend>${escapeHtml(T.rating)}</legend>${RATING_VALUES.map((r) => radio('rating', r.code, r[lang], m.rating === r.code)).join('')}</fieldset>
<fieldset><legend>${escapeHtml(T.comment)}</legend><textarea name="comment" maxlength="1000"></textarea></fieldset>
<p class="error" role="alert"></p><button type="submit" id="send">${escapeHtml(T.send)}</button>
</form><p class="result" hidden></p>
<script>
(function () {
  var token = ${scriptJson(m.token)};
  var row = ${scriptJson(m.row)};
  var text = ${scriptJson({ send: T.send, sending: T.sending, failed: T.failed })};
  var form = document.getElementById('answer');
  var button = document.getElementById('send');
  var error = document.querySelector('.error');
  var result = document.querySelector('p.result');
  var picked = function (name) { var el = form.querySelector('input[name="' + name + '"]:checked'); return el ? el.value : ''; };
  form.addEventListener('submit', function () {
    if (button.disabled) return;
    button.disabled = true;
    button.textContent = text.sending;
    error.textContent = '';
    google.script.run
      .withSuccessHandler(function (r) {
        if (r && r.ok) {
          form.hidden = true;
          result.hidden = false;
          result.setAttribute('data-result', 'done');
          result.textContent = r.message;
          return;
        }
        // A choice left out keeps the form; anything final (used, stale…) replaces it.
        if (r && r.final) { form.hidden = true; result.hidden = false; result.setAttribute('data-result', 'problem'); result.textContent = r.message; return; }
        button.disabled = false;
        button.textContent = text.send;
        error.textContent = (r && r.message) || text.failed;
      })
      .withFailureHandler(function () {
        button.disabled = false;
        button.textContent = text.send;
        error.textContent = text.failed;
      })
      .answerVerification(token, { answer: picked('answer'), rating: picked('rating'), comment: form.comment.value }, row);
  });
})();
</script>`;
  return page(lang, T.title, body);
}
