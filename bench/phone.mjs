// The benchmark where users are: files served compressed (brotli or gzip, as a CDN serves them,
// versioned files cached for a year), a phone on slow 4G (Lighthouse's mobile preset through the
// Chrome DevTools Protocol: 150 ms round trip, 1.6 Mbps down, 750 kbps up, CPU 4x slower) next to
// loopback, first visits and repeat visits (warm HTTP cache) apart, and what a quiet widget costs
// the login page itself: its largest contentful paint and total blocking time, with a ~100 KB hero
// image, against the same page without the widget. Every run is checked for what it measures.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { root, www } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/static-server.mjs";

/** Lighthouse's mobile preset ("slow 4G"). */
export const SLOW_4G = { latency: 150, download: 1.6e6 / 8, upload: 750e3 / 8, cpu: 4 };

/** An uncompressed 24-bit BMP of about 100 KB: a hero image no server can shrink. */
function hero(width = 240, height = 140) {
  const row = Math.ceil((width * 3) / 4) * 4;
  const size = 54 + row * height;
  const bmp = Buffer.alloc(size);
  bmp.write("BM", 0);
  bmp.writeUInt32LE(size, 2);
  bmp.writeUInt32LE(54, 10);
  bmp.writeUInt32LE(40, 14);
  bmp.writeInt32LE(width, 18);
  bmp.writeInt32LE(height, 22);
  bmp.writeUInt16LE(1, 26);
  bmp.writeUInt16LE(24, 28);
  bmp.writeUInt32LE(row * height, 34);
  let seed = 7;
  for (let i = 54; i < size; i++) bmp[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16;
  return bmp;
}

/**
 * Loaded before every benchmark page: records long tasks, layout shifts, the largest contentful
 * paint and the widget's update events, and the instant `text` first shows in the widget or
 * the hand-written banner.
 */
export const pageProbe = (text) => `
  window.__visibleAt = null; window.__lcp = 0; window.__longTasks = []; window.__shifts = 0; window.__updates = [];
  document.addEventListener("status-widget-update", (e) => __updates.push(e.detail));
  new PerformanceObserver((l) => { for (const e of l.getEntries()) __lcp = e.startTime; })
    .observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) __longTasks.push([e.startTime, e.duration]); })
    .observe({ type: "longtask", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) __shifts += e.value; })
    .observe({ type: "layout-shift", buffered: true });
  const look = () => {
    const widget = document.querySelector("status-widget")?.shadowRoot?.textContent ?? "";
    const plain = document.getElementById("banner")?.textContent ?? "";
    if ((widget + plain).includes(${JSON.stringify(text)})) __visibleAt = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);`;

/** The median of `xs`. */
export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const spread = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

/**
 * Measures, in `browser` (playwright-core's Chromium), `runs` alternating runs of each pair.
 * `page(banner, head)` builds the benchmark's login page; `active` is the status file with an
 * incident whose banner contains `text`. Returns table rows [metric, measured, target, ok].
 */
export async function measureWhereUsersAre(browser, { page, active, text, runs }) {
  const heroTag = '<img src="/hero.bmp" alt="" width="480" height="280" style="display:block;width:100%;height:auto">';
  const loader = '<script type="module" src="/status-widget.js"></script>';
  const site = await serve(www, {
    compress: true,
    immutable: [/\/pkg\//, /\/status-widget\.js$/, /\/handwritten\.js$/, /\/hero\.bmp$/, /\/demo\.css$/],
    extra: {
      "/favicon.ico": "",
      "/active.json": active,
      "/hero.bmp": hero(),
      "/handwritten.js": await readFile(join(root, "bench", "handwritten.js"), "utf8"),
      "/widget.html": page('<status-widget src="/active.json" poll="0"></status-widget>', loader),
      "/handwritten.html": page('<div id="banner"></div>', '<script type="module" src="/handwritten.js"></script>'),
      "/host-none.html": page(heroTag),
      "/host-quiet.html": page(heroTag + '<status-widget src="/status.json" poll="0"></status-widget>', loader),
    },
  });

  /** One visit (two with `repeat`: the first warms the cache), measured on the last. */
  async function visit(path, { throttle, repeat = false, until }) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    await context.addInitScript(pageProbe(text));
    let result;
    for (let i = 0; i < (repeat ? 2 : 1); i++) {
      const p = await context.newPage();
      if (throttle) {
        const cdp = await context.newCDPSession(p);
        await cdp.send("Network.enable");
        await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: throttle.latency,
          downloadThroughput: throttle.download, uploadThroughput: throttle.upload });
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle.cpu });
      }
      await p.goto(site.url + path, { waitUntil: "load", timeout: 60_000 });
      await p.waitForFunction(until, null, { timeout: 60_000, polling: 100 }).catch(() => {
        throw new Error(`${path}: the run never reached what it measures`);
      });
      await p.waitForTimeout(throttle ? 1500 : 500);
      result = await p.evaluate(() => {
        const entries = performance.getEntriesByType("resource");
        const widget = entries.filter((r) => /\/(status-widget\.js|pkg\/)/.test(r.name));
        const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
        const wasm = entries.find((r) => r.name.endsWith(".wasm"));
        const status = entries.find((r) => /\/(active|status)\.json$/.test(r.name));
        return {
          wasmStart: wasm ? wasm.startTime : null,
          statusStart: status ? status.startTime : null,
          loadEvent: performance.getEntriesByType("navigation")[0]?.loadEventStart ?? null,
          visibleAt: window.__visibleAt,
          lcp: window.__lcp,
          tbt: window.__longTasks.filter(([start]) => start >= fcp).reduce((t, [, d]) => t + Math.max(0, d - 50), 0),
          wire: widget.reduce((t, r) => t + r.transferSize, 0),
          body: widget.reduce((t, r) => t + r.encodedBodySize, 0),
          files: widget.length,
        };
      });
      await p.close();
    }
    await context.close();
    return result;
  }

  const banner = () => window.__visibleAt !== null;
  const quiet = () => window.__updates.some((d) => d.level === "none" && d.active === 0);
  const loaded = () => document.readyState === "complete" && window.__lcp > 0;
  const rows = [];
  const row = (metric, value, target, ok) => rows.push([metric, value, target, ok === undefined ? "" : ok ? "ok" : "MISSED"]);

  // Time to banner: widget and hand-written alternating, per profile and visit.
  let firstWidget;
  for (const [profile, throttle] of [["slow 4G", SLOW_4G], ["loopback", null]]) {
    for (const repeat of [false, true]) {
      const widget = [], hand = [];
      for (let i = 0; i < runs; i++) {
        widget.push(await visit("/widget.html", { throttle, repeat, until: banner }));
        hand.push(await visit("/handwritten.html", { throttle, repeat, until: banner }));
      }
      if (throttle && !repeat) firstWidget = widget[0];
      const w = widget.map((r) => r.visibleAt), h = hand.map((r) => r.visibleAt);
      const ratio = median(w) / median(h);
      const target = repeat ? "" : profile === "slow 4G" ? "≤ 1.5× (stretch 1.25)" : "≤ 1.5×";
      row(`time to banner, ${profile}, ${repeat ? "repeat" : "first"} visit: widget / hand-written (median of ${runs})`,
        `${median(w).toFixed(0)} ms / ${median(h).toFixed(0)} ms = ${ratio.toFixed(2)}× (widget ${spread(w)}, hand ${spread(h)} ms)`,
        target, repeat ? undefined : ratio <= 1.5);
    }
  }
  if (firstWidget.files < 3) throw new Error(`the widget page loaded ${firstWidget.files} widget files, expected 3`);
  row("slow 4G, first visit: status file requested / wasm requested (widget, first run)",
    `${firstWidget.statusStart?.toFixed(0)} ms / ${firstWidget.wasmStart?.toFixed(0)} ms after navigation`, "", undefined);
  row("widget bytes a banner page downloads, as served (brotli)", `${(firstWidget.body / 1024).toFixed(1)} KiB body, ${(firstWidget.wire / 1024).toFixed(1)} KiB on the wire`, "", undefined);

  // The host page with a quiet widget against the same page without one, slow 4G.
  const none = [], withWidget = [];
  for (let i = 0; i < runs; i++) {
    none.push(await visit("/host-none.html", { throttle: SLOW_4G, until: loaded }));
    withWidget.push(await visit("/host-quiet.html", { throttle: SLOW_4G, until: () => window.__lcp > 0 && window.__updates.length > 0 && document.readyState === "complete" }));
  }
  for (const r of withWidget) {
    if (!r.lcp) throw new Error("a quiet-widget run has no largest contentful paint");
  }
  const lcpNone = median(none.map((r) => r.lcp)), lcpWidget = median(withWidget.map((r) => r.lcp));
  const lcpRatio = lcpWidget / lcpNone;
  row(`login page LCP, slow 4G: quiet widget / none (median of ${runs})`,
    `${lcpWidget.toFixed(0)} ms / ${lcpNone.toFixed(0)} ms = ${lcpRatio.toFixed(2)}× (widget ${spread(withWidget.map((r) => r.lcp))}, none ${spread(none.map((r) => r.lcp))} ms)`,
    "≤ 1.05× (stretch 1.02)", lcpRatio <= 1.05);
  const deferred = withWidget.filter((r) => r.wasmStart !== null && r.wasmStart >= r.loadEvent).length;
  row("quiet widget, slow 4G: wasm requested after the page's load event",
    `${deferred} of ${runs} runs (wasm at ${median(withWidget.map((r) => r.wasmStart ?? NaN)).toFixed(0)} ms, load event at ${median(withWidget.map((r) => r.loadEvent)).toFixed(0)} ms, medians)`,
    "every run", deferred === runs);
  const tbtAdded = median(withWidget.map((r) => r.tbt)) - median(none.map((r) => r.tbt));
  row("total blocking time added by a quiet widget, slow 4G", `${tbtAdded.toFixed(0)} ms (widget ${median(withWidget.map((r) => r.tbt)).toFixed(0)}, none ${median(none.map((r) => r.tbt)).toFixed(0)} ms)`,
    "≤ 30 ms (stretch 0)", tbtAdded <= 30);
  await site.close();
  return rows;
}
