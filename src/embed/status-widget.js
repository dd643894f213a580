// status-widget loader: defines <status-widget> once the widget's wasm (in ./pkg/, next to this
// file) is loaded. scripts/build minifies it into www/status-widget.js; copy that file and pkg/
// to any host or CDN; nothing else is needed.
//
//   <script type="module" src="https://cdn.example.org/status-widget/status-widget.js"></script>
//   <status-widget src="https://status.example.org/status.json">
//     <a href="https://status.example.org/">Service status</a>
//   </status-widget>
//
// The element's own children (the link above) are the page's fallback: they show until the
// widget has something to say, whenever it has nothing, and wherever the wasm cannot load or run.
// Nothing here throws into the host page: a failure leaves the element to its children and
// fires a `status-widget-error` event on it. Elements written before the wasm arrives are
// upgraded then. A trap inside the wasm (a bug) stops every widget for the page's lifetime and
// hands each back to its children: a trapped instance's state cannot be trusted, and a
// half-rendered banner is worse than none.
//
// What this file does before the wasm arrives, so that a login page pays little on a quiet day
// and an outage shows fast (README, "What a page downloads"):
// - It starts reading the status file of every <status-widget> already in the document at once,
//   with the widget's own request options, and hands the answers to the wasm, which uses them for
//   its first read (polling stays in the wasm).
// - It picks the build: banners and indicators load pkg/status_widget_banner* (no status page,
//   no headless API); `mode="page"` and the headless functions load pkg/status_widget*.
// - It decides only *when* to load the wasm: at once when a file has, or may have, something to
//   show (`mayShow`), else after the page's `load` event when the main thread is idle. It never
//   decides what is shown: the wasm always loads, reads the file and decides.

// Each build's glue and wasm, written out as literals next to `import.meta.url` so that bundlers
// (Vite, webpack, Rollup) see and copy them, and a plain <script type="module"> finds them beside
// this file. The glue is imported only when its build is needed (a quiet login page parses none
// of it before its load event); a page pins it with its import map's `integrity`. The wasm is
// fetched with its sha384, which scripts/build writes in here (scripts/pin-wasm.mjs): a wasm that
// differs is refused by the browser.
const glue = { banner: () => import("./pkg/status_widget_banner.js"), page: () => import("./pkg/status_widget.js") };
const integrity = { banner: undefined, page: undefined };
const wasmUrl = {
  banner: () => new URL("./pkg/status_widget_banner_bg.wasm", import.meta.url),
  page: () => new URL("./pkg/status_widget_bg.wasm", import.meta.url),
};
const loading = {};

/** Whether this browser can run the wasm at all (old engines, and pages or policies that take
 *  WebAssembly away, cannot): if not, nothing is downloaded and the element's own children stay. */
const canRun = typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function";

/** Loads a build's glue and wasm (the wasm compiles while it streams); once per build. */
function load(build) {
  if (!canRun) return Promise.reject(new Error("this browser cannot run WebAssembly"));
  loading[build] ??= Promise.all([glue[build](), fetch(wasmUrl[build](), { integrity: integrity[build] })])
    .then(async ([wasm, response]) => {
      await wasm.default({ module_or_path: response });
      for (const [url, answer] of reads) wasm.offerStatus(url, answer);
      return wasm;
    });
  return loading[build];
}

/** An element's `mode`, read as the wasm reads it: trimmed, any case. */
const modeOf = (element) => (element.getAttribute("mode") || "").trim().toLowerCase();

/** Which build an element needs. */
const buildFor = (element) => (modeOf(element) === "page" ? "page" : "banner");

// ---- Early status reads ----------------------------------------------------------------------

// ---- Shared with Rust: written by scripts/build from status_core::loader; do not edit ----
/** A status file read gets this long to answer (status_core::loader::FETCH_TIMEOUT_MS). */
const FETCH_TIMEOUT_MS = 10000;
/** How a status file is requested (status_core::loader::REQUEST). */
const REQUEST = { credentials: "omit", cache: "no-cache", referrerPolicy: "strict-origin" };
/** Maintenance shows in the banner this long before it starts (model::MAINTENANCE_LEAD_MS). */
const MAINTENANCE_LEAD_MS = 86400000;
/** The languages the widget has words in, English first (i18n::TAGS). */
const LANGUAGES = ["en", "ar", "de", "es", "fr", "he", "it", "ja", "nl", "pl", "pt", "sv"];
/** The element's events: the current name, then the former one (loader::*_EVENTS). */
const UPDATE_EVENTS = ["status-widget-update", "status-widget:update"];
const ERROR_EVENTS = ["status-widget-error", "status-widget:error"];
// ---- End of what is shared with Rust ----

/** Early reads by `src` URL (as written): promises of `{ status, url, body, receivedAt }`, the
 *  body as an ArrayBuffer (the wasm copies its bytes; a JavaScript string of a large file would
 *  take it 40 ms per 3 MB to copy). */
const reads = new Map();

/** The first URL in an element's `src` (the wasm splits it on whitespace the same way). */
const firstSource = (element) => (element.getAttribute("src") || "").trim().split(/\s+/)[0];

/**
 * Reads `url` exactly as the widget does (src/io/fetch.rs): with the same options (`REQUEST`: no
 * credentials, revalidated, the referrer cut to the origin), no custom headers, aborted after the
 * timeout.
 * Never rejects: `status` is 0 without a response and -1 after the timeout.
 */
function read(url) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
  const answer = (status, url = "", body = new ArrayBuffer(0)) => ({ status, url, body, receivedAt: Date.now() });
  return fetch(url, { ...REQUEST, signal: controller.signal })
    .then(async (response) =>
      answer(response.status, response.url, response.ok ? await response.arrayBuffer() : undefined))
    .catch(() => answer(controller.signal.aborted ? -1 : 0))
    .finally(() => clearTimeout(timer));
}

// ---- When to load the wasm -------------------------------------------------------------------

/** Slack for the time between this check and the wasm's own reading. */
const MARGIN_MS = 5 * 60 * 1000;
/** Top-level members whose meaning this check knows; any other one may carry something. */
const KNOWN = new Set(["$schema", "version", "service", "updated_at", "page", "status", "components",
  "incidents", "maintenances", "scheduled_maintenances", "notices"]);
const RFC3339 =
  /^(\d{4})-(\d\d)-(\d\d)T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(?:\.(\d+))?(?:Z|([+-])([01]\d|2[0-3]):([0-5]\d))$/;

/** Milliseconds of an RFC 3339 time, or NaN: stricter than the wasm's reader, never looser. */
function time(text) {
  const m = typeof text === "string" ? RFC3339.exec(text) : null;
  if (!m || +m[1] < 1000) return NaN;
  const day = new Date(Date.UTC(+m[1], m[2] - 1, +m[3]));
  if (day.getUTCMonth() !== m[2] - 1 || day.getUTCDate() !== +m[3]) return NaN;
  const ms = +`${m[7] || ""}000`.slice(0, 3);
  const offset = m[8] ? (m[8] === "-" ? -1 : 1) * (m[9] * 60 + +m[10]) : 0;
  return Date.UTC(+m[1], m[2] - 1, +m[3], +m[4], +m[5], +m[6], ms) - offset * 60_000;
}

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** Whether every entry of `list` (absent counts as empty) is quiet by `quiet`. */
const allQuiet = (list, quiet) =>
  list === undefined || (Array.isArray(list) && list.every((e) => isObject(e) && quiet(e)));

/**
 * The loader's scheduling check: false only when the status file `text`, read at `now`
 * (milliseconds) by a banner with `maxAgeMs` (or null), surely shows nothing: every incident
 * resolved, every maintenance completed or more than a day away, every notice over, the file
 * fresh. Anything it does not know, cannot parse or is unsure of counts as "may show". It only
 * decides when the wasm loads; the wasm decides what is shown.
 */
export function mayShow(text, now, maxAgeMs = null) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (_) {
    return true;
  }
  if (!isObject(doc) || Object.keys(doc).some((key) => !KNOWN.has(key))) return true;
  // The file's own overall word: Statuspage's `status.indicator`, Instatus's `page.status`.
  if (doc.status !== undefined && !(isObject(doc.status) && doc.status.indicator === "none")) return true;
  if (isObject(doc.page) && doc.page.status !== undefined && doc.page.status !== "UP") return true;
  if (maxAgeMs !== null) {
    // The older of the two places a file's time can be (each reader takes one of them).
    const stamps = [doc.updated_at, isObject(doc.page) ? doc.page.updated_at : undefined]
      .filter((stamp) => stamp !== undefined).map(time);
    if (!stamps.length || stamps.some(isNaN) || !(now - Math.min(...stamps) < maxAgeMs - MARGIN_MS)) return true;
  }
  const later = now + MAINTENANCE_LEAD_MS + MARGIN_MS;
  const ahead = (start) => (m) =>
    m.status === "completed" || (m.status === "scheduled" && time(m[start]) > later);
  // A Statuspage incident that looks like maintenance is read as maintenance: never quiet here.
  const resolved = (i) =>
    (i.status === "resolved" || i.status === "postmortem") && i.impact !== "maintenance" &&
    i.scheduled_for === undefined;
  const quiet =
    allQuiet(doc.incidents, resolved) &&
    allQuiet(doc.maintenances, ahead("starts_at")) &&
    allQuiet(doc.scheduled_maintenances, ahead("scheduled_for")) &&
    allQuiet(doc.notices, (n) => time(n.ends_at) <= now || time(n.starts_at) > now + MARGIN_MS);
  return !quiet;
}

/** Resolves after the page's `load` event, when the main thread is idle. */
function pageIdle() {
  return new Promise((resolve) => {
    const idle = () =>
      typeof requestIdleCallback === "function" ? requestIdleCallback(resolve, { timeout: 2000 }) : setTimeout(resolve, 0);
    if (document.readyState === "complete") idle();
    else addEventListener("load", idle, { once: true });
  });
}

/**
 * Files larger than this (bytes) are not checked here: parsing and walking one (a 3 MB history:
 * 87 ms in one task) would hold the page longer than loading the wasm at once costs, and the
 * wasm reads it in slices that never hold the page for long.
 */
const CHECK_BYTES = 256 * 1024;

/**
 * Whether `element` may show something once the wasm has read its file, as soon as the loader's
 * early read answers: true for an indicator, an element without `src` or with a `format`, and a
 * file that could not be read, is large or may show something; false when it surely shows nothing.
 */
async function mayShowAt(element) {
  if (modeOf(element) === "indicator") return true;
  const url = firstSource(element);
  const answer = url && (await reads.get(url));
  const maxAge = parseFloat(element.getAttribute("max-age"));
  const format = (element.getAttribute("format") || "auto").trim().toLowerCase();
  const ok = answer && answer.status >= 200 && answer.status < 300 && format === "auto";
  if (!ok || answer.body.byteLength > CHECK_BYTES) return true;
  // Decoded as response.text() would: UTF-8, a leading byte-order mark dropped.
  const text = new TextDecoder().decode(answer.body);
  return mayShow(text, Date.now(), maxAge > 0 ? maxAge * 1000 : null);
}

/**
 * Resolves when the banner build should load: at once (with true) when an element may show
 * something (`mayShowAt`, one promise per element), else (with false) when the page is idle.
 */
function bannerWanted(wanted) {
  if (wanted.length === 0) return Promise.resolve(true);
  // A quiet element does not hurry the wasm.
  const urgent = wanted.map((may) => may.then((yes) => yes || new Promise(() => {})));
  return Promise.race([...urgent, pageIdle().then(() => false)]);
}

/**
 * Makes the first use of `Intl` for each element's language (its locale data: 12-40 ms the first
 * time) while the wasm downloads, so that the wasm's own date formatters are quick. Only when
 * something may show: a quiet page never touches `Intl`.
 */
function warmIntl(elements) {
  setTimeout(() => {
    try {
      for (const element of elements) {
        const lang = element.closest("[lang]")?.getAttribute("lang") || navigator.language || "en";
        new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(0);
        new Intl.RelativeTimeFormat(lang, { numeric: "auto" }).format(-1, "minute");
      }
    } catch (_) {
      // A language tag the browser refuses, or no Intl: the wasm falls back on its own.
    }
  }, 0);
}

/**
 * The language the wasm speaks for `element`, chosen as Rust chooses it (i18n::language_of): the
 * first given of its own `lang`, the nearest ancestor's and the reader's first language, when
 * the widget has words in it (`LANGUAGES`), else English. Exported for the test that holds the
 * two to the same answers (tests/e2e/engines.test.mjs).
 */
export function languageOf(element) {
  const own = (element.getAttribute("lang") || "").trim();
  const page = (element.parentElement?.closest("[lang]")?.getAttribute("lang") || "").trim();
  const tag = own || page || ((navigator.languages || [])[0] || "").trim();
  const primary = tag.split(/[-_]/)[0].toLowerCase();
  return LANGUAGES.includes(primary) ? primary : "en";
}

/**
 * Starts the download of a banner's words while the wasm downloads, once its file may show
 * something: every language but English is a chunk of the banner build, which Rust would
 * otherwise ask for only once it runs. Scheduling only: Rust still decides, and takes the download
 * over when it asks (scripts/pin-chunks.mjs).
 */
function prefetchWords(element) {
  import("./pkg/__wasm_split.js").then(
    (chunks) => chunks.prefetch?.(`lang_${languageOf(element)}`),
    () => {}, // the glue's own import of it says what went wrong
  );
}

// ---- The element -----------------------------------------------------------------------------

function fail(element, kind, error) {
  try {
    const detail = { kind, message: String(error && error.message ? error.message : error) };
    // The former colon name too, for pages written against 0.1 (as the wasm does).
    for (const name of ERROR_EVENTS) {
      element.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
    }
  } catch (_) {
    // Nothing may escape into the page.
  }
}

const live = new Set(); // connected elements
let trapped = null;

/**
 * After a trap: every widget drops what it showed (a half-rendered banner is worse than none),
 * says so once, and is left alone from then on. Its shadow root keeps only a slot, so the
 * element shows the page's own children again, as it did before the wasm arrived.
 */
function stopAll(error) {
  if (trapped) return;
  trapped = error;
  for (const element of live) {
    element._widget = null;
    try {
      element.shadowRoot?.replaceChildren(document.createElement("slot"));
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

/** Mounts `element` with the build its mode needs, loading that build first if need be. */
function mount(element) {
  const build = buildFor(element);
  const loaded = loading[build];
  const start = (wasm) => {
    if (!live.has(element) || element._widget || trapped) return;
    // `mode` changed while this build was loading: the build it needs now takes it.
    if (buildFor(element) !== build) return mount(element);
    guarded(element, () => {
      element._widget = wasm.mountWidget(element);
      element._build = build;
    });
  };
  if (loaded?.settled) return start(loaded.settled);
  load(build).then(start, (error) => fail(element, "load", error));
}

function unmount(element) {
  const widget = element._widget;
  element._widget = null;
  if (!widget) return;
  guarded(element, () => {
    widget.destroy();
    widget.free();
  });
}

/**
 * Exposes what the wasm reported to the page's CSS: the `level` attribute (the event's level:
 * `unknown` while the file is older than `max-age`, as the wasm decides) and, where custom states
 * exist, `:state(<level>)`, so a page can react to the level
 * (`status-widget[level="critical"] ~ .sso { display: none }`).
 */
function reflect(element, detail) {
  element._state = detail;
  const level = detail.level;
  if (element.getAttribute("level") !== level) element.setAttribute("level", level);
  try {
    const states = element._internals && element._internals.states;
    if (states && !states.has(level)) {
      states.clear();
      states.add(level);
    }
  } catch (_) {
    // An engine with an older form of custom states: the attribute is enough.
  }
}

function define(wasm) {
  if (customElements.get("status-widget")) return;
  const observed = wasm.observedAttributes();
  class StatusWidgetElement extends HTMLElement {
    static get observedAttributes() {
      return observed;
    }
    constructor() {
      super();
      this._state = null;
      try {
        this._internals = this.attachInternals();
      } catch (_) {
        this._internals = null; // an engine without ElementInternals: the attribute is enough
      }
      this.addEventListener(UPDATE_EVENTS[0], (event) => reflect(this, event.detail));
    }
    /** The overall level shown (`none`, `maintenance`, `minor`, `major`, `critical`), or null
     *  before the first read. */
    get level() {
      return this._state ? this._state.level : null;
    }
    /** What the last `status-widget-update` said: `{ level, active, stale, source, updatedAt }`,
     *  or null before the first read. */
    get state() {
      return this._state ? { ...this._state } : null;
    }
    /** Reads the status file again now (polling goes on as before). */
    refresh() {
      this.dispatchEvent(new Event("status-widget-refresh"));
    }
    connectedCallback() {
      live.add(this);
      if (trapped) return fail(this, "internal", trapped);
      if (!this._widget) mount(this);
    }
    disconnectedCallback() {
      live.delete(this);
      unmount(this);
    }
    attributeChangedCallback(name) {
      if (!this._widget) return;
      if (name === "mode" && buildFor(this) !== this._build) {
        // Into or out of page mode: the other build takes the element over.
        unmount(this);
        return mount(this);
      }
      guarded(this, () => this._widget.update());
    }
  }
  customElements.define("status-widget", StatusWidgetElement);
}

/** Remembers a build's module once loaded, so that later elements mount without waiting. */
function settle(build) {
  const promise = load(build);
  promise.then((wasm) => (promise.settled = wasm), () => {});
  return promise;
}

const present = [...document.querySelectorAll("status-widget")];
for (const element of canRun ? present : []) {
  const url = firstSource(element);
  if (url && !reads.has(url)) reads.set(url, read(url));
}
const pageBuild = present.some((e) => buildFor(e) === "page");
const wanted = canRun && !pageBuild
  ? present.map((element) => [element, mayShowAt(element).catch(() => true)])
  : [];
const first = pageBuild
  ? settle("page")
  : bannerWanted(wanted.map(([, may]) => may)).then((urgent) => {
    const loaded = settle("banner");
    if (urgent) warmIntl(present);
    return loaded;
  });
// Each banner's words start downloading once its file may show something, even when that answer
// comes after the page went idle and the wasm is already loading.
for (const [element, may] of wanted) may.then((yes) => yes && prefetchWords(element));

/** Resolves once <status-widget> is defined; rejects if the wasm could not be loaded. */
export const ready = first.then(define);
ready.catch((error) => {
  for (const element of document.querySelectorAll("status-widget")) fail(element, "load", error);
});

/**
 * Headless use: derives the state (overall level, active items, upcoming maintenance, history,
 * problems) from a status document (object or JSON text) at `now` (Date, milliseconds or
 * RFC 3339 text; default: now) under an element's `settings` (the element, or an object of its
 * attribute names such as `{ "max-age": 3600 }`), as a plain object. Never throws for bad
 * documents.
 */
export async function deriveStatus(document, now, settings) {
  return (await settle("page")).deriveStatus(document, now, settings);
}

/** Checks a status document the way the widget reads it: `{ ok, format, error, problems }`. */
export async function checkStatus(document, format) {
  return (await settle("page")).checkStatus(document, format);
}

/** Bytes of memory each loaded build's wasm holds (diagnostics and the benchmark). */
export async function wasmMemoryBytes() {
  let bytes = 0;
  for (const build of Object.keys(loading)) bytes += (await loading[build]).wasmMemoryBytes();
  return bytes;
}
