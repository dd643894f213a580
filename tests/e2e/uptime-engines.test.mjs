// The status page's uptime bars in Chromium, Firefox and WebKit through WebDriver (webdriver.mjs):
// the seed incident moved to last week, on the status page (www/status.html) in a phone's frame
// (320 px: the last 30 days, the window's percentage, no sideways scroll) and a desktop's (all 90
// days), each day in the state the reader's own local days give it; axe-core clean in the light
// and the dark theme with a day's detail open; and in Firefox, the page as it prints (a PDF):
// a compact row of 12 px (9 pt) days that keeps its colours though backgrounds are not printed.
// Chromium's print media is checked in uptime.test.mjs; WebKitWebDriver cannot print a page.
// The derivation and the keyboard walk in the three engines: tests/browser_uptime.rs.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { root, shots, www } from "./browser.mjs";
import { serve } from "./static-server.mjs";
import { inflateSync } from "node:zlib";
import { engines, start } from "./webdriver.mjs";

const DAY_MS = 86_400_000;
const NOV_4 = Date.UTC(2024, 10, 4);

/** The seed's five days (4–8 November 2024) moved to end three days before today (UTC), every
 *  date in the file by the same whole number of days; and that shift in milliseconds. */
async function seedMoved() {
  const text = await readFile(join(www, "status.json"), "utf8");
  const shift = (Math.floor(Date.now() / DAY_MS) - 3 - 4) * DAY_MS - NOV_4;
  let moved = text;
  for (let day = 4; day <= 8; day++) {
    const to = new Date(Date.UTC(2024, 10, day) + shift).toISOString().slice(0, 10);
    moved = moved.replaceAll(`2024-11-0${day}`, to);
  }
  return { text: moved, shift };
}

// The status page reading `src` in `theme`. WebDriver cannot ask for prefers-color-scheme: dark,
// so the dark page takes its own stylesheet with its dark rules made unconditional.
const statusPage = async (src, theme) => (await readFile(join(www, "status.html"), "utf8"))
  .replace('src="status.json"', `src="${src}" theme="${theme}"`)
  .replace('href="status-page.css"', `href="${theme === "dark" ? "/status-page-dark.css" : "status-page.css"}"`);
const darkStylesheet = async () => {
  const css = await readFile(join(www, "status-page.css"), "utf8");
  assert.ok(css.includes("@media (prefers-color-scheme: dark)"));
  return css.replaceAll("@media (prefers-color-scheme: dark)", "@media all");
};

const framed = (width, height) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>${width} px</title>
  <iframe src="/uptime-light.html" width="${width}" height="${height}" frameborder="0" title="Status"></iframe>`;

/** In the page (or its frame): each component's days as [state, shown] pairs, its percentage
 *  line, the days a reader's local calendar gives the seed, and whether the page scrolls sideways. */
const layout = (shift, inFrame) => {
  const d = inFrame ? document.querySelector("iframe").contentDocument : document;
  const root = d?.querySelector("status-widget")?.shadowRoot;
  const components = root ? [...root.querySelectorAll(".component")] : [];
  if (components.length < 2 || root.querySelectorAll(".uptime-day").length < 180) return null;
  // The expected states, from the engine's own local dates: no data before the incident's local
  // start day, a partial outage (impact major) from it to its end day, operational after.
  const local = (ms) => { const x = new Date(ms); return x.getFullYear() * 10000 + (x.getMonth() + 1) * 100 + x.getDate(); };
  const start = local(Date.UTC(2024, 10, 4, 7, 30) + shift), end = local(Date.UTC(2024, 10, 8, 11) + shift);
  const today = new Date();
  const expected = [];
  for (let back = 89; back >= 0; back--) {
    const day = local(new Date(today.getFullYear(), today.getMonth(), today.getDate() - back, 12).getTime());
    expected.push(day < start ? "no_data" : day <= end ? "partial_outage" : "operational");
  }
  return {
    expected,
    components: components.map((c) => ({
      name: c.querySelector(".component-name").textContent,
      days: [...c.querySelectorAll(".uptime-day")].map((e) => [e.className.replace("uptime-day day-", ""), e.getClientRects().length > 0]),
      percent: c.querySelector(".uptime-percent").textContent,
    })),
    viewport: d.defaultView.innerWidth,
    scrollWidth: d.documentElement.scrollWidth,
  };
};

/** What a PDF draws: its compressed content streams, inflated and joined. */
function pdfDrawing(pdf) {
  const text = pdf.toString("latin1");
  let drawing = "";
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    try {
      drawing += inflateSync(pdf.subarray(start, text.indexOf("endstream", start))).toString("latin1") + "\n";
    } catch {
      // Not a Flate stream (an image, a font): nothing drawn in it.
    }
  }
  return drawing;
}

let site, seed;
before(async () => {
  await mkdir(shots, { recursive: true });
  seed = await seedMoved();
  site = await serve(www, { extra: {
    "/uptime-seed.json": seed.text,
    "/uptime-light.html": await statusPage("/uptime-seed.json", "light"),
    "/uptime-dark.html": await statusPage("/uptime-seed.json", "dark"),
    "/status-page-dark.css": await darkStylesheet(),
    "/frame-320.html": framed(320, 640),
    "/frame-1024.html": framed(1024, 768),
    "/axe.min.js": await readFile(join(root, "node_modules", "axe-core", "axe.min.js")),
    "/favicon.ico": "",
  } });
});
after(async () => {
  await site?.close();
});

for (const engine of engines) {
  describe(`uptime bars in ${engine}`, () => {
    let b;
    before(async () => {
      b = await start(engine);
    });
    after(async () => {
      await b?.close();
    });

    test("the seed's days in the reader's own days, 30 of them at 320 px and 90 at 1024 px", async (t) => {
      t.diagnostic(b.version);
      for (const width of [320, 1024]) {
        await b.goto(`${site.url}/frame-${width}.html`);
        const seen = await b.waitFor(`the bars show at ${width} px`, layout, { timeout: 20_000 }, seed.shift, true);
        assert.equal(seen.viewport, width);
        assert.ok(seen.scrollWidth <= width, `${width} px: the page scrolls sideways (${seen.scrollWidth} px)`);
        assert.equal(seen.expected.filter((s) => s === "partial_outage").length >= 5, true, seen.expected.join());
        for (const component of seen.components) {
          assert.deepEqual(component.days.map(([state]) => state), seen.expected, `${width} px: ${component.name}`);
          const shown = component.days.map(([, s]) => s);
          // A phone shows the last 30 days; the percentage under them is still the window's.
          assert.deepEqual(shown, width < 480 ? [...Array(60).fill(false), ...Array(30).fill(true)] : Array(90).fill(true),
            `${width} px: ${component.name}`);
          assert.match(component.percent, /^\d{2}\.\d\d% uptime$/, component.name);
        }
        await writeFile(join(shots, `uptime-${engine}-${width}.png`), await b.screenshot("iframe"));
      }
    });

    for (const theme of ["light", "dark"]) {
      test(`axe-core finds nothing serious in the ${theme} theme with a day's detail open`, async () => {
        await b.goto(`${site.url}/uptime-${theme}.html`);
        await b.waitFor("the bars show", layout, { timeout: 20_000 }, seed.shift, false);
        const opened = await b.run(() => {
          const day = document.querySelector("status-widget").shadowRoot.querySelector(".day-partial_outage button");
          day.click();
          return new Promise((resolve) => setTimeout(() => resolve(day.getAttribute("aria-expanded")), 100));
        });
        assert.equal(opened, "true");
        const lines = await b.run(() => new Promise((resolve, reject) => {
          const script = document.createElement("script");
          script.src = "/axe.min.js";
          script.onload = () => axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] })
            .then((r) => resolve(r.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
              .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)), reject);
          script.onerror = () => reject(new Error("axe-core did not load"));
          document.head.append(script);
        }));
        assert.deepEqual(lines, []);
        await writeFile(join(shots, `uptime-${engine}-opened-${theme}.png`), await b.screenshot("status-widget"));
      });
    }

    if (engine === "firefox") {
      test("printed, each day is a 12 px (9 pt) cell that keeps its colour", async () => {
        await b.goto(`${site.url}/uptime-light.html`);
        const seen = await b.waitFor("the bars show", layout, { timeout: 20_000 }, seed.shift, false);
        // The browser's default: backgrounds are not printed, except where the page asks for its
        // colours exactly (print-color-adjust), as the bars do.
        const pdf = await b.print({});
        await writeFile(join(shots, "uptime-firefox-print.pdf"), pdf);
        const drawing = pdfDrawing(pdf);
        const cells = [...drawing.matchAll(/[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+) re/g)]
          .filter(([, width, height]) => Math.abs(height - 9) < 0.05 && width < 9);
        assert.ok(cells.length >= 180, `${cells.length} day cells 9 pt high`);
        // #137333, the operational green, filled once for each operational day.
        const green = drawing.match(/0\.0745\d* 0\.4509\d* 0\.2 rg/g)?.length ?? 0;
        const operational = seen.expected.filter((s) => s === "operational").length * 2;
        assert.ok(green >= operational, `${green} green fills for ${operational} operational days`);
      });
    }
  });
}
