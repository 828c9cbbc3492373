// google.script.run and google.script.host inside a sidebar/dialog iframe, as HtmlService provides
// them (developers.google.com/apps-script/guides/html/reference/run): calls are asynchronous and
// return nothing; results go to the success handler, failures to the failure handler (or the
// console), each with the user object. Only JSON-safe values cross: a Date argument fails the call
// (the runtime refuses it, as Google does), functions and DOM elements fail here; a <form> as the
// only argument becomes its fields. The iframe is sandboxed (opaque origin, like Google's
// googleusercontent.com frame) and talks to the page by postMessage; the page calls the server.
declare global {
  interface Window {
    __GAS_BRIDGE__?: { names: string[] };
    google: any;
  }
}

type Handler = ((value: unknown, userObject?: unknown) => void) | null;
interface RunnerState {
  success: Handler;
  failure: Handler;
  userObject: unknown;
}

const names = (window.__GAS_BRIDGE__ && window.__GAS_BRIDGE__.names) || [];
const waiting = new Map<number, RunnerState>();
let seq = 0;

class IllegalValue extends Error {
  constructor(prop: string) {
    super(`Failed due to illegal value in property: ${prop}`);
  }
}

function formObject(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const el of Array.from(form.elements) as HTMLInputElement[]) {
    if (!el.name || el.disabled) continue;
    if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) continue;
    if (el.type === 'file') continue; // files (blobs) are not carried by this bridge
    const v = el.value;
    if (el.name in out) out[el.name] = ([] as unknown[]).concat(out[el.name], v);
    else out[el.name] = v;
  }
  return out;
}

/** JSON for the wire: Dates tagged (the server refuses them), top-level undefined kept. */
function encode(v: unknown, prop: string, seen: Set<object>): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v === undefined) return undefined;
  if (Object.prototype.toString.call(v) === '[object Date]') return { __gasDate__: (v as Date).getTime() };
  if (typeof v !== 'object') throw new IllegalValue(prop);
  if (seen.has(v as object)) throw new IllegalValue(prop);
  if (typeof Node !== 'undefined' && v instanceof Node) throw new IllegalValue(prop);
  seen.add(v as object);
  try {
    if (Array.isArray(v)) return v.map((x, i) => (x === undefined ? null : encode(x, String(i), seen)));
    const proto = Object.getPrototypeOf(v);
    if (proto !== null && Object.getPrototypeOf(proto) !== null) throw new IllegalValue(prop);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object)) {
      const x = encode((v as Record<string, unknown>)[k], k, seen);
      if (x !== undefined) out[k] = x;
    }
    return out;
  } finally {
    seen.delete(v as object);
  }
}

function deliver(state: RunnerState, ok: boolean, value: unknown): void {
  // Handlers always run later, never inside the call.
  setTimeout(() => {
    if (ok) {
      if (state.success) state.success(value, state.userObject);
    } else {
      const err = new Error(String((value as { message?: string })?.message ?? value));
      err.name = 'ScriptError';
      if (state.failure) state.failure(err, state.userObject);
      else console.error(`Uncaught ${err.name}: ${err.message}`);
    }
  }, 0);
}

function invoke(state: RunnerState, name: string, args: unknown[]): void {
  let wire: unknown[];
  try {
    const list =
      args.length === 1 && typeof HTMLFormElement !== 'undefined' && args[0] instanceof HTMLFormElement
        ? [formObject(args[0])]
        : args;
    wire = list.map((a, i) => {
      const x = encode(a, String(i), new Set());
      return x === undefined ? { __gasUndefined__: 1 } : x;
    });
  } catch (e) {
    deliver(state, false, e);
    return;
  }
  const id = ++seq;
  waiting.set(id, state);
  window.parent.postMessage({ __gas: 'run', id, name, args: wire }, '*');
}

class Runner {
  constructor(private s: RunnerState) {}
  withSuccessHandler(fn: Handler): Runner {
    return new Runner({ ...this.s, success: fn });
  }
  withFailureHandler(fn: Handler): Runner {
    return new Runner({ ...this.s, failure: fn });
  }
  withUserObject(o: unknown): Runner {
    return new Runner({ ...this.s, userObject: o });
  }
}
for (const name of names) {
  if (name in Runner.prototype) continue;
  (Runner.prototype as any)[name] = function (this: Runner, ...args: unknown[]): void {
    invoke((this as any).s, name, args);
  };
}

window.addEventListener('message', (ev: MessageEvent) => {
  const d = ev.data;
  if (ev.source !== window.parent || !d || d.__gas !== 'result') return;
  const state = waiting.get(d.id);
  if (!state) return;
  waiting.delete(d.id);
  deliver(state, !!d.ok, d.ok ? d.value : d.error);
});

const host = {
  close(): void {
    window.parent.postMessage({ __gas: 'close' }, '*');
  },
  setHeight(h: number): void {
    window.parent.postMessage({ __gas: 'size', height: Number(h) }, '*');
  },
  setWidth(w: number): void {
    window.parent.postMessage({ __gas: 'size', width: Number(w) }, '*');
  },
  editor: {
    focus(): void {
      window.parent.postMessage({ __gas: 'focusEditor' }, '*');
    },
  },
  origin: '',
};

window.google = window.google || {};
window.google.script = { run: new Runner({ success: null, failure: null, userObject: undefined }), host };

export {};
