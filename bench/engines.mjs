// Time to banner in every engine, not Chromium alone: Chromium, Firefox and WebKit (the engine
// behind Safari) driven through their WebDriver servers (tests/e2e/webdriver.mjs; WebKit needs a
// display, so scripts/bench runs under xvfb-run). Loopback, files served brotli-compressed, widget
// and hand-written banner alternating. A warm visit is the second load of the page in the same
// session (the HTTP cache and compiled code warm; WebKit under WebDriver keeps no HTTP cache, so
// its "warm" visit still downloads, as the e2e tests note). Every run is checked for the banner.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { root, www } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/static-server.mjs";
import { engines, start } from "../tests/e2e/webdriver.mjs";
import { median } from "./phone.mjs";

/** Records, in the page, when `text` first shows in the widget or the hand-written banner. */
const probe = (text) => `<script>window.__visibleAt = null;
  const look = () => {
    const widget = document.querySelector("status-widget")?.shadowRoot?.textContent ?? "";
    const plain = document.getElementById("banner")?.textContent ?? "";
    if ((widget + plain).includes(${JSON.stringify(text)})) window.__visibleAt = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);</script>`;

const spread = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

/**
 * Measures `runs` alternating warm visits of the widget and the hand-written banner in each
 * engine. `page(banner, head)` builds the benchmark's login page; `active` is the status file whose
 * banner contains `text`. Returns table rows [metric, measured, target, ok].
 */
export async function measureEngines({ page, active, text, runs }) {
  const site = await serve(www, {
    compress: true,
    immutable: [/\/pkg\//, /\/status-widget\.js$/, /\/handwritten\.js$/, /\/demo\.css$/],
    extra: {
      "/favicon.ico": "",
      "/active.json": active,
      "/handwritten.js": await readFile(join(root, "bench", "handwritten.js"), "utf8"),
      "/widget.html": page('<status-widget src="/active.json" poll="0"></status-widget>',
        probe(text) + '<script type="module" src="/status-widget.js"></script>'),
      "/handwritten.html": page('<div id="banner"></div>', probe(text) + '<script type="module" src="/handwritten.js"></script>'),
    },
  });
  const rows = [];
  try {
    for (const engine of engines) {
      const b = await start(engine);
      try {
        /** Loads `path` twice (the first warms) and returns the second visit's time to banner. */
        const warm = async (path) => {
          let at;
          for (let i = 0; i < 2; i++) {
            await b.goto(`${site.url}${path}?visit=${i}`);
            at = await b.waitFor(`the banner on ${path}`, () => window.__visibleAt, { timeout: 20_000 });
          }
          return at;
        };
        const widget = [], hand = [];
        for (let i = 0; i < runs; i++) {
          widget.push(await warm("/widget.html"));
          hand.push(await warm("/handwritten.html"));
        }
        const ratio = median(widget) / median(hand);
        rows.push([`time to banner, ${b.version} (WebDriver), loopback brotli, warm visit: widget / hand-written (median of ${runs})`,
          `${median(widget).toFixed(0)} ms / ${median(hand).toFixed(0)} ms = ${ratio.toFixed(2)}× (widget ${spread(widget)}, hand ${spread(hand)} ms)`,
          "≤ 1.5×", ratio <= 1.5 ? "ok" : "MISSED"]);
      } finally {
        await b.close();
      }
    }
  } finally {
    await site.close();
  }
  return rows;
}
