// status-widget benchmark: what the widget costs a login page, next to a hand-written
// JavaScript banner, in Debian's headless Chromium, on loopback and (bench/phone.mjs) on a
// throttled phone profile with files served compressed. Prints one table; each figure
// stands next to its target. Run through `scripts/bench` (which builds the release first).
import { readFile } from "node:fs/promises";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { join } from "node:path";
import { launch, root, www } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/static-server.mjs";
import { historyDocument as history } from "../tests/e2e/documents.mjs";
import { measureWhereUsersAre, median, pageProbe } from "./phone.mjs";
import { measureEngines } from "./engines.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const PHONE_RUNS = Number(process.env.BENCH_PHONE_RUNS ?? 5);
const TEXT = "Logins from Safari are failing";
const iso = (minutes) => new Date(Date.now() + minutes * 60_000).toISOString();
const active = JSON.stringify({
  version: 1,
  service: { name: "Example", status_page: "https://status.example.org/",
    contact: [{ label: "Email support", href: "mailto:support@example.org" }] },
  updated_at: iso(-1),
  components: [{ id: "login", name: "Login", status: "partial_outage" }],
  incidents: [{ id: "safari", title: "Login fails on Safari", impact: "major", status: "identified",
    started_at: iso(-30), components: ["login"], banner: `${TEXT}. Please use another browser.`,
    updates: [{ at: iso(-20), status: "identified", body: "Safari blocks third-party cookies." }] }],
});

const page = (banner, head = "") => `<!doctype html><html lang="en"><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in</title>${head}
<link rel="stylesheet" href="/demo.css">
<header><span class="brand">Example</span></header>
<main><div class="card"><h1>Sign in</h1>${banner}
<form><label for="email">Email</label><input id="email" type="email">
<label for="password">Password</label><input id="password" type="password">
<button class="primary" type="submit">Sign in</button></form></div></main>`;

// The bad-input corpus's 20,000 incidents (tests/corpus/generated.rs), the last one active.
const incidents = (count) => JSON.stringify({ version: 1, incidents: [
  ...Array.from({ length: count }, (_, i) => ({ id: `i${i}`, title: `Old ${i}`, impact: "minor", status: "resolved",
    started_at: "2020-01-01T00:00:00Z", resolved_at: "2020-01-01T01:00:00Z" })),
  { id: "now", title: TEXT, impact: "critical", status: "investigating" }] });

const site = await serve(www, { extra: {
  "/favicon.ico": "",
  "/active.json": active,
  "/history-500.json": history(500),
  // The same history ending yesterday: an incident on every day of the uptime bars' 90.
  "/history-recent.json": history(500, { newest: (Math.floor(Date.now() / 86_400_000) - 1) * 86_400_000 + 8 * 3_600_000 }),
  "/incidents-20000.json": incidents(20_000),
  "/big.html": page('<status-widget src="/incidents-20000.json" poll="0"></status-widget>',
    '<script type="module" src="/status-widget.js"></script>'),
  "/handwritten.js": await readFile(join(root, "bench", "handwritten.js"), "utf8"),
  "/widget.html": page('<status-widget src="/active.json" poll="0"></status-widget>',
    '<script type="module" src="/status-widget.js"></script>'),
  "/handwritten.html": page('<div id="banner"></div>', '<script type="module" src="/handwritten.js"></script>'),
  // The banner over the page (placement top and toast): nothing on the page may move.
  ...Object.fromEntries(["top", "toast"].map((placement) => [`/${placement}.html`,
    page(`<status-widget src="/active.json" poll="0" placement="${placement}"></status-widget>`,
      '<script type="module" src="/status-widget.js"></script>')])),
  "/quiet.html": page('<status-widget src="/status.json" poll="0"></status-widget>',
    '<script type="module" src="/status-widget.js"></script>'),
  "/polling.html": page('<status-widget src="/active.json" poll="0.25"></status-widget>',
    '<script type="module" src="/status-widget.js"></script>'),
  "/history.html": (await readFile(join(www, "status.html"), "utf8")).replace('src="status.json"', 'src="history-500.json"'),
  "/history-recent.html": (await readFile(join(www, "status.html"), "utf8")).replace('src="status.json"', 'src="history-recent.json"'),
} });

const browser = await launch();
const probe = pageProbe(TEXT);

async function load(path, { settle = 600 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  await context.addInitScript(probe);
  // When the status page first shows its history (before its bars, counted a task later).
  await context.addInitScript(() => {
    window.__pageAt = null;
    const tick = () => {
      if (document.querySelector("status-widget")?.shadowRoot?.querySelector(".history > .incident")) {
        window.__pageAt = performance.now();
      } else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const p = await context.newPage();
  await p.goto(site.url + path);
  // Every run proves it rendered what it measures, or the benchmark stops: the banner text, the
  // quiet page's "nothing active" update, the status page's first 20 incidents.
  const rendered = {
    "/quiet.html": () => window.__updates.some((d) => d.level === "none" && d.active === 0),
    "/history.html": () => document.querySelector("status-widget")?.shadowRoot?.querySelectorAll(".history > .incident").length === 20,
    // Its 90 bars drawn too, each day with its incident.
    "/history-recent.html": () => document.querySelector("status-widget")?.shadowRoot?.querySelectorAll(".day-degraded_performance, .day-partial_outage, .day-major_outage").length >= 89,
  }[path] ?? (() => window.__visibleAt !== null);
  await p.waitForFunction(rendered, null, { timeout: 20_000 }).catch(() => {
    throw new Error(`${path}: the widget never rendered what this run measures`);
  });
  await p.waitForTimeout(settle);
  const result = await p.evaluate(async () => {
    const file = performance.getEntriesByType("resource").find((r) => /\/(active|status|history-500|history-recent|incidents-20000)\.json$/.test(r.name));
    return file ? ({
    visibleAt: window.__visibleAt,
    longTasks: window.__longTasks.map(([, d]) => d),
    // Long tasks that began after the status file arrived: reading and rendering it.
    afterFile: window.__longTasks.filter(([start]) => start >= file.responseEnd).map(([, d]) => d),
    // Long tasks that began after the page first showed its history: its bars and what follows.
    afterPage: window.__pageAt === null ? [] : window.__longTasks.filter(([start]) => start >= window.__pageAt).map(([, d]) => d),
    cls: window.__shifts,
    bytes: file.decodedBodySize,
    heap: performance.memory?.usedJSHeapSize ?? null,
    wasm: document.querySelector("status-widget") ? await import("/status-widget.js").then((m) => m.wasmMemoryBytes()) : null,
  }) : null;
  });
  await context.close();
  if (!result) throw new Error(`${path}: no resource timing entry for the status file, so nothing after it can be timed`);
  return result;
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

// Bytes: what a banner (or indicator) page downloads, and what a status page downloads.
async function bytes(files) {
  const sizes = [];
  for (const file of files) {
    const data = await readFile(join(www, file));
    sizes.push({ file, raw: data.length, gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length });
  }
  const total = sizes.reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { sizes, total };
}
// A status-widget document needs no chunk; another format's adds the `foreign` chunk (its reader).
const { sizes, total } = await bytes(["status-widget.js", "pkg/status_widget_banner.js", "pkg/__wasm_split.js", "pkg/status_widget_banner_bg.wasm"]);
const foreignChunk = await bytes(["pkg/split_foreign.wasm"]);
const pageBytes = await bytes(["status-widget.js", "pkg/status_widget.js", "pkg/status_widget_bg.wasm"]);
const baselineBytes = (await readFile(join(root, "bench", "handwritten.js"))).length;

// Time to banner, alternating.
const widgetRuns = [], handRuns = [];
for (let i = 0; i < RUNS; i++) {
  widgetRuns.push(await load("/widget.html"));
  handRuns.push(await load("/handwritten.html"));
}
const widgetMedian = median(widgetRuns.map((r) => r.visibleAt));
const handMedian = median(handRuns.map((r) => r.visibleAt));
const ratio = widgetMedian / handMedian;
const maxLong = (runs) => Math.max(0, ...runs.flatMap((r) => r.longTasks));
const longRuns = widgetRuns.filter((r) => r.longTasks.length > 0).length;
const clsWidget = median(widgetRuns.map((r) => r.cls));
const clsHand = median(handRuns.map((r) => r.cls));

// Layout shift with the banner over the page.
const overlayRuns = [];
for (let i = 0; i < 3; i++) for (const placement of ["top", "toast"]) overlayRuns.push(await load(`/${placement}.html`));
const clsOverlay = Math.max(...overlayRuns.map((r) => r.cls));

// Memory with the seed document (nothing active), and the 500-incident status page.
const quiet = await load("/quiet.html", { settle: 1500 });
const bigRuns = [];
for (let i = 0; i < 3; i++) bigRuns.push(await load("/big.html", { settle: 1500 }));
const historyRuns = [];
for (let i = 0; i < 3; i++) historyRuns.push(await load("/history.html", { settle: 1500 }));
const recentRuns = [];
for (let i = 0; i < Number(process.env.BENCH_HISTORY_RUNS ?? 10); i++) recentRuns.push(await load("/history-recent.html", { settle: 1500 }));

// Polling an unchanged file.
const context = await browser.newContext();
const p = await context.newPage();
const polls = [];
p.on("requestfinished", async (request) => {
  if (!request.url().endsWith("/active.json")) return;
  const sizes = await request.sizes();
  polls.push(sizes.responseHeadersSize + sizes.responseBodySize);
});
const before = site.log.length;
await p.goto(site.url + "/polling.html");
await p.waitForTimeout(Number(process.env.BENCH_POLL_MS ?? 8000));
await context.close();
const served = site.log.slice(before).filter((r) => r.path === "/active.json");
const notModified = served.filter((r) => r.status === 304).length;
const pollShare = (notModified / Math.max(1, served.length - 1)) * 100; // the first read is a 200

// Where users are: compressed files, slow 4G, first and repeat visits, the host page's cost.
const phoneRows = await measureWhereUsersAre(browser, { page, active, text: TEXT, runs: PHONE_RUNS });

await browser.close();
await site.close();

// Not in Chromium alone: warm visits in Chromium, Firefox and WebKit through WebDriver.
const engineRows = await measureEngines({ page, active, text: TEXT, runs: PHONE_RUNS });

// The table.
const rows = [];
const row = (metric, value, target, ok) => rows.push([metric, value, target, ok === undefined ? "" : ok ? "ok" : "MISSED"]);
for (const s of sizes) row(`bytes: ${s.file}`, `${s.raw} raw, ${s.gzip} gzip, ${s.brotli} br`, "", undefined);
row("bytes: banner page total, status-widget document (loader + glue + chunk loader + wasm)", `${kib(total.raw)} raw, ${kib(total.gzip)} gzip, ${kib(total.brotli)} br`, "gzip ≤ 80 KiB (stretch 60)", total.gzip <= 80 * 1024);
for (const s of foreignChunk.sizes) row(`bytes: ${s.file} (other formats' readers, on demand)`, `${s.raw} raw, ${s.gzip} gzip, ${s.brotli} br`, "", undefined);
const withChunk = total.gzip + foreignChunk.total.gzip;
row("bytes: banner page total, Statuspage document (the above + its chunk)", `${kib(withChunk)} gzip`, "gzip ≤ 95 KiB", withChunk <= 95 * 1024);
for (const s of pageBytes.sizes.slice(1)) row(`bytes: ${s.file} (status page, headless API)`, `${s.raw} raw, ${s.gzip} gzip, ${s.brotli} br`, "", undefined);
row("bytes: status page total (loader + page glue + page wasm)", `${kib(pageBytes.total.raw)} raw, ${kib(pageBytes.total.gzip)} gzip, ${kib(pageBytes.total.brotli)} br`, "reported", undefined);
row("bytes: hand-written banner", `${baselineBytes} raw`, "", undefined);
row(`time to banner, median of ${RUNS} (widget)`, `${widgetMedian.toFixed(0)} ms`, "", undefined);
row(`time to banner, median of ${RUNS} (hand-written)`, `${handMedian.toFixed(0)} ms`, "", undefined);
row("time to banner: widget / hand-written", `${ratio.toFixed(2)}×`, "≤ 1.5×", ratio <= 1.5);
row("long tasks > 50 ms during load (widget)", `${longRuns} of ${RUNS} runs, longest ${maxLong(widgetRuns).toFixed(0)} ms`, "none", longRuns === 0);
row("long tasks > 50 ms during load (hand-written)", `longest ${maxLong(handRuns).toFixed(0)} ms`, "", undefined);
row("CLS, banner inline above the form (widget)", clsWidget.toFixed(3), "≤ 0.05", clsWidget <= 0.05);
row("CLS, banner inline above the form (hand-written)", clsHand.toFixed(3), "", undefined);
row("CLS, overlay placement (top and toast, worst of 3 runs each)", clsOverlay.toFixed(3), "0", clsOverlay === 0);
row("memory after load, seed document: JS heap", kib(quiet.heap ?? 0), "", undefined);
row("memory after load, seed document: wasm", kib(quiet.wasm ?? 0), "≤ 2 MiB", (quiet.wasm ?? Infinity) <= 2 * 1024 * 1024);
const maxAfter = Math.max(0, ...historyRuns.flatMap((r) => r.afterFile));
row("500-incident page: longest task reading and rendering it", `${maxAfter.toFixed(0)} ms (3 runs)`, "none > 50 ms", maxAfter <= 50);
row("500-incident page: longest task at start-up", `${maxLong(historyRuns).toFixed(0)} ms`, "", undefined);
const maxRecent = Math.max(0, ...recentRuns.flatMap((r) => r.afterFile));
row("500-incident page, an incident on each of the 90 uptime days: longest task reading and rendering it", `${maxRecent.toFixed(0)} ms (${recentRuns.length} runs, ${recentRuns.filter((r) => r.afterFile.length).length} with one)`, "none > 50 ms", maxRecent <= 50);
const maxBars = Math.max(0, ...recentRuns.flatMap((r) => r.afterPage));
row("the same: longest task after the page first shows its history (the uptime bars, counted a task later)", `${maxBars.toFixed(0)} ms (${recentRuns.length} runs)`, "none > 50 ms", maxBars <= 50);
const maxBig = Math.max(0, ...bigRuns.flatMap((r) => r.afterFile));
row("20,000-incident file, banner: longest task reading and rendering it", `${maxBig.toFixed(0)} ms (3 runs, ${(bigRuns[0].bytes / 1e6).toFixed(1)} MB)`, "none > 50 ms", maxBig <= 50);
row("polling an unchanged file: 304 share", `${notModified} of ${served.length - 1} polls (${pollShare.toFixed(0)} %)`, "≥ 95 %", pollShare >= 95);
row("polling an unchanged file: bytes per poll", polls.length > 1 ? `${median(polls.slice(1)).toFixed(0)} B (headers + body)` : "n/a", "", undefined);

rows.push(...phoneRows, ...engineRows);
const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => String(r[c]).length), ["metric", "measured", "target", ""][c].length));
const line = (cells) => "| " + cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ") + " |";
console.log(`status-widget benchmark · ${new Date().toISOString()} · headless Chromium unless a row names its engine · loopback rows: ${RUNS} alternating runs, files uncompressed; slow 4G, compressed and per-engine rows: ${PHONE_RUNS} alternating runs, brotli as a CDN serves it`);
console.log(line(["metric", "measured", "target", ""]));
console.log(line(widths.map((w) => "-".repeat(w))));
for (const r of rows) console.log(line(r));
