// Types for <status-widget> and its loader (status-widget.js). Shipped in the npm package;
// checked against the element's real attributes, events and parts by tests/e2e/manifest.test.mjs.

/** The overall level the widget shows. */
export type StatusLevel = "none" | "maintenance" | "minor" | "major" | "critical";

/** The overall state the widget shows: a level, or `unknown` while the file is older than
 *  `max-age` (the widget then claims nothing and says "Status unknown"). */
export type StatusShown = StatusLevel | "unknown";

/** `detail` of `status-widget-update`: what the widget shows now. */
export interface StatusWidgetUpdateDetail {
  /** The overall state shown (`unknown` when `stale`). */
  level: StatusShown;
  /** How many incidents, maintenance windows and notices the banner shows. */
  active: number;
  /** The file is older than `max-age`: the widget claims nothing and says "Status unknown". */
  stale: boolean;
  /** The URL the file was read from (the first usable of `src`). */
  source: string;
  /** The file's own `updated_at` (RFC 3339), or null. */
  updatedAt: string | null;
  /** The headline of the first item shown (the most important), in the language chosen for
   *  the reader; null when nothing is shown. */
  title: string | null;
  /** The language `title` is in (a BCP 47 tag), when the file says; else null. */
  titleLang: string | null;
}

/** `detail` of `status-widget-error`. */
export interface StatusWidgetErrorDetail {
  /** `load`: the wasm could not be loaded; `internal`: a bug (the widget drops what it showed and
   *  shows only its own children). */
  kind: "network" | "http" | "timeout" | "parse" | "config" | "load" | "signature" | "internal";
  /** What went wrong, in words. */
  message: string;
}

/** The element's attributes, as written in HTML (every value is a string there). */
export interface StatusWidgetAttributes {
  /** Status file URL; several separated by spaces are tried in order. Required. */
  src?: string;
  /** `banner` (default), `indicator` (a dot and one line) or `page` (the full status page). */
  mode?: "banner" | "indicator" | "page";
  /** Seconds after which the file's `updated_at` is too old to trust. */
  "max-age"?: string | number;
  /** Seconds between reads (default 60); `0` reads once. */
  poll?: string | number;
  /** BCP 47 language tag: strings in English, German, French, Spanish, Italian, Portuguese, Dutch,
   *  Polish, Swedish, Japanese, Arabic and Hebrew (right to left); any other language speaks English.
   *  The file's own texts, where it gives them in several languages, are read in this language
   *  (else the page's, else the reader's), falling back to the file's `language`. */
  lang?: string;
  /** Comma-separated component ids to show. */
  components?: string;
  /** `auto` (default), `light` or `dark`. */
  theme?: "auto" | "light" | "dark";
  /** Where a banner sits: in the flow, a bar pinned to the viewport's top, or a card in its
   *  bottom corner (`top` and `toast` take no layout space). */
  placement?: "inline" | "top" | "toast";
  /** The status page's uptime window in days, 7 to 365 (default 90). */
  "uptime-days"?: string | number;
  /** Ed25519 public keys (`ed25519:…`, space-separated while keys rotate): a file is shown only
   *  when the signature beside it (`FILE.sig`) verifies under one of them, and never one older
   *  than a file verified before (error kind `signature` otherwise). */
  "public-key"?: string;
  /** Origins (space-separated, and `mailto:` for mail links) the widget's links may point to;
   *  other links keep their words and lose the link. */
  "link-origins"?: string;
  /** The status file's format (default `auto`). */
  format?:
    | "auto"
    | "native"
    | "statuspage"
    | "instatus"
    | "cstate"
    | "upptime"
    | "statusio"
    | "slack"
    | "heroku";
  /** Link target for "Details" and "Status page". */
  "status-page"?: string;
}

/** The element's events. */
export interface StatusWidgetEventMap extends HTMLElementEventMap {
  "status-widget-update": CustomEvent<StatusWidgetUpdateDetail>;
  "status-widget-error": CustomEvent<StatusWidgetErrorDetail>;
  /** @deprecated 0.1's name; use `status-widget-update`. */
  "status-widget:update": CustomEvent<StatusWidgetUpdateDetail>;
  /** @deprecated 0.1's name; use `status-widget-error`. */
  "status-widget:error": CustomEvent<StatusWidgetErrorDetail>;
}

/**
 * `<status-widget>`, once the loader has defined it (`ready`).
 * @slot - The page's own fallback content (a link to the status page, say): shown until the widget
 *   has something to say, whenever it has nothing, and wherever the wasm cannot load or run.
 */
export interface StatusWidgetElement extends HTMLElement {
  /** The overall state shown (`unknown` while the file is older than `max-age`), or null before
   *  the first read. */
  readonly level: StatusShown | null;
  /** A copy of the last `status-widget-update` detail, or null before the first read. */
  readonly state: StatusWidgetUpdateDetail | null;
  /** Reads the status file again now; polling goes on as before. */
  refresh(): void;
  addEventListener<K extends keyof StatusWidgetEventMap>(
    type: K,
    listener: (this: StatusWidgetElement, event: StatusWidgetEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof StatusWidgetEventMap>(
    type: K,
    listener: (this: StatusWidgetElement, event: StatusWidgetEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

/** One problem found in a status document. */
export interface StatusProblem {
  severity: "warning" | "error";
  path: string;
  line: number | null;
  column: number | null;
  message: string;
}

/** What `checkStatus` says. */
export interface StatusCheck {
  ok: boolean;
  format: string | null;
  error: string | null;
  problems: StatusProblem[];
}

/** One item of `deriveStatus`'s lists. */
export interface StatusItem {
  kind: "incident" | "maintenance" | "notice" | "status";
  id: string;
  title: string;
  /** The language `title` is in (a BCP 47 tag), when the file says. */
  titleLang: string | null;
  impact: string | null;
  status: string | null;
  level: string | null;
  text: string | null;
  /** The language `text` is in, when the file says. */
  textLang: string | null;
  startedAt: string | null;
  updatedAt: string | null;
  endsAt: string | null;
  resolvedAt: string | null;
  components: string[];
  url: string | null;
}

/** A component's state on one day of its uptime window, worst first: `major_outage`, then
 *  `partial_outage`, `degraded_performance`, `under_maintenance`, `operational`, and `no_data`
 *  before the record begins. */
export type UptimeState =
  | "major_outage"
  | "partial_outage"
  | "degraded_performance"
  | "under_maintenance"
  | "operational"
  | "no_data";

/** One local day (the JavaScript environment's time zone) of a component's uptime window. */
export interface UptimeDay {
  /** `YYYY-MM-DD`. */
  date: string;
  state: UptimeState;
  majorOutageMs: number;
  partialOutageMs: number;
  degradedMs: number;
  maintenanceMs: number;
  /** Ids of the incidents and maintenance that touched the component that day. */
  incidents: string[];
  maintenances: string[];
}

/** One component's uptime window (`uptime-days`, 90 by default), as the status page draws it. */
export interface ComponentUptime {
  component: string;
  name: string;
  /** Uptime in percent, rounded down to hundredths; `null` when no day has data. */
  percent: number | null;
  /** True when the figures are the monitor's own (Upptime), not counted from incidents. */
  declared: boolean;
  /** Oldest first; the last is today. */
  days: UptimeDay[];
}

/** What `deriveStatus` says: how the document was read, then what the widget shows. */
export interface DerivedStatus extends StatusCheck {
  now: string;
  level: StatusShown | null;
  stale: boolean;
  serviceName: string | null;
  statusPage: string | null;
  updatedAt: string | null;
  active: StatusItem[];
  upcoming: StatusItem[];
  history: StatusItem[];
  /** Each component's uptime window; empty when the file records no history. */
  uptime: ComponentUptime[];
}

/** Resolves once `<status-widget>` is defined; rejects if the wasm could not be loaded. */
export declare const ready: Promise<void>;
/** Derives what the widget shows for `document` (object or JSON text) at `now`, under an
 *  element's settings: the element itself, or its attributes by name (`{ "max-age": 3600 }`),
 *  read as the element reads them. With `lang` (`{ lang: "de" }`), texts the file gives in
 *  several languages are read in that one, else in the file's own `language`. */
export declare function deriveStatus(
  document: unknown,
  now?: Date | number | string,
  settings?: Element | Partial<Record<keyof StatusWidgetAttributes, string | number>>,
): Promise<DerivedStatus>;
/** Checks `document` the way the widget reads it. */
export declare function checkStatus(document: unknown, format?: string): Promise<StatusCheck>;
/** Bytes of memory the loaded wasm holds. */
export declare function wasmMemoryBytes(): Promise<number>;
/** The loader's scheduling check (see the README); exported for tests. */
export declare function mayShow(text: string, now: number, maxAgeMs?: number | null): boolean;

declare global {
  interface HTMLElementTagNameMap {
    "status-widget": StatusWidgetElement;
  }
  interface HTMLElementEventMap {
    "status-widget-update": CustomEvent<StatusWidgetUpdateDetail>;
    "status-widget-error": CustomEvent<StatusWidgetErrorDetail>;
  }
}
