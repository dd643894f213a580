// status-widget loader: defines <status-widget> once the widget's wasm (in ./pkg/, next to this
// file) is loaded. Copy this file and pkg/ to any host or CDN; nothing else is needed.
//
//   <script type="module" src="https://cdn.example.org/status-widget/status-widget.js"></script>
//   <status-widget src="https://status.example.org/status.json"></status-widget>
//
// Nothing here throws into the host page: a failure empties the widget and fires a
// `status-widget:error` event on it. Elements written before the wasm arrives are upgraded then.
// A trap inside the wasm (a bug) empties every widget and stops them for the page's lifetime: a
// trapped instance's state cannot be trusted, and a half-rendered banner is worse than none.

const pkg = (file) => new URL(`./pkg/${file}`, import.meta.url).href;
let loading;

function load() {
  // The glue module and the wasm download in parallel; the wasm compiles while it streams.
  loading ??= Promise.all([import(pkg("status_widget.js")), fetch(pkg("status_widget_bg.wasm"))])
    .then(async ([wasm, response]) => {
      await wasm.default({ module_or_path: response });
      return wasm;
    });
  return loading;
}

function fail(element, kind, error) {
  try {
    element.dispatchEvent(new CustomEvent("status-widget:error", {
      bubbles: true,
      composed: true,
      detail: { kind, message: String(error && error.message ? error.message : error) },
    }));
  } catch (_) {
    // Nothing may escape into the page.
  }
}

const live = new Set(); // connected elements
let trapped = null;

/** After a trap: every widget empties, says so once, and is left alone from then on. */
function stopAll(error) {
  if (trapped) return;
  trapped = error;
  for (const element of live) {
    element._widget = null;
    try {
      element.shadowRoot?.replaceChildren();
    } catch (_) {
      // Nothing may escape into the page.
    }
    fail(element, "internal", error);
  }
}

const isTrap = (error) => typeof WebAssembly === "object" && error instanceof WebAssembly.RuntimeError;
// Traps in timers, promise jobs and event listeners reach the page as uncaught errors.
addEventListener("error", (event) => isTrap(event.error) && stopAll(event.error));
addEventListener("unhandledrejection", (event) => isTrap(event.reason) && stopAll(event.reason));

/** Calls into the wasm for `element`; a throw becomes an event, a trap stops every widget. */
function guarded(element, call) {
  if (trapped) return;
  try {
    call();
  } catch (error) {
    if (isTrap(error)) stopAll(error);
    else fail(element, "internal", error);
  }
}

function define(wasm) {
  if (customElements.get("status-widget")) return;
  class StatusWidgetElement extends HTMLElement {
    static get observedAttributes() {
      return wasm.observedAttributes();
    }
    connectedCallback() {
      live.add(this);
      if (trapped) return fail(this, "internal", trapped);
      if (this._widget) return;
      guarded(this, () => {
        this._widget = wasm.mountWidget(this);
      });
    }
    disconnectedCallback() {
      live.delete(this);
      const widget = this._widget;
      this._widget = null;
      if (!widget) return;
      guarded(this, () => {
        widget.destroy();
        widget.free();
      });
    }
    attributeChangedCallback() {
      if (!this._widget) return;
      guarded(this, () => this._widget.update());
    }
  }
  customElements.define("status-widget", StatusWidgetElement);
}

/** Resolves once <status-widget> is defined; rejects if the wasm could not be loaded. */
export const ready = load().then(define);
ready.catch((error) => {
  for (const element of document.querySelectorAll("status-widget")) fail(element, "load", error);
});

/**
 * Headless use: derives the state (overall level, active items, upcoming maintenance, history,
 * problems) from a status document (object or JSON text) at `now` (Date, milliseconds or
 * RFC 3339 text; default: now), as a plain object. Never throws for bad documents.
 */
export async function deriveStatus(document, now) {
  return (await load()).deriveStatus(document, now);
}

/** Bytes of memory the widget's wasm holds (diagnostics and the benchmark). */
export async function wasmMemoryBytes() {
  return (await load()).wasmMemoryBytes();
}

/** Checks a status document the way the widget reads it: `{ ok, format, error, problems }`. */
export async function checkStatus(document, format) {
  return (await load()).checkStatus(document, format);
}
