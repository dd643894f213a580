// End-to-end: the status page's uptime bars (www/status.html) in Debian's headless Chromium, with
// the clock at 10 November 2024, noon in London, two days after the seed incident ended:
// the seed's days at 1024 and 320 px (screenshots in target/e2e/), axe-core in light and dark
// with a day opened, the bars' contrast against the page, and the compact printed row.
// The same bars in Chromium, Firefox and WebKit: tests/browser_uptime.rs (states, keyboard,
// Arabic, deriveStatus) and uptime-engines.test.mjs (320 px, axe-core light and dark, Firefox's
// print).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { launch, seriousViolations, shots, www } from "./browser.mjs";
import { serve } from "./static-server.mjs";

const NOW = new Date("2024-11-10T12:00:00Z");

let browser, site;
before(async () => {
  await mkdir(shots, { recursive: true });
  browser = await launch();
  site = await serve(www, { extra: { "/favicon.ico": "" } });
});
after(async () => {
  await browser?.close();
  await site?.close();
});

async function open(options = {}) {
  const context = await browser.newContext({ timezoneId: "Europe/London", locale: "en-GB", ...options });
  await context.clock.setFixedTime(NOW);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(site.url + "/status.html");
  await page.waitForFunction(() => document.querySelector("status-widget")?.shadowRoot?.querySelectorAll(".uptime-day").length === 180);
  return { page, context, problems };
}

/** Each component's days as [state, visible] pairs, and its percentage line. */
function bars(page) {
  return page.evaluate(() => [...document.querySelector("status-widget").shadowRoot.querySelectorAll(".component")].map((c) => ({
    name: c.querySelector(".component-name").textContent,
    days: [...c.querySelectorAll(".uptime-day")].map((d) => [d.className.replace("uptime-day day-", ""), d.getClientRects().length > 0]),
    percent: c.querySelector(".uptime-percent").textContent,
  })));
}

// 90 days to 10 November: the record begins on 4 November (the file's oldest entry), so 83 days
// have no data, then five days of partial outage (the incident's impact is major) and two up.
const SEED_DAYS = [...Array(83).fill("no_data"), ...Array(5).fill("partial_outage"), "operational", "operational"];

for (const width of [1024, 320]) {
  test(`the seed's uptime bars at ${width} px`, async () => {
    const { page, context, problems } = await open({ viewport: { width, height: 900 } });
    for (const component of await bars(page)) {
      assert.deepEqual(component.days.map(([state]) => state), SEED_DAYS, component.name);
      const visible = component.days.filter(([, shown]) => shown).length;
      // A phone shows the last 30 days, with the whole window's percentage.
      assert.equal(visible, width < 480 ? 30 : 90, component.name);
      // 4 Nov 00:00 to 10 Nov 12:00 is 9,360 minutes, 5,970 of them a partial outage counted at
      // 30 %: 1 − 1,791 / 9,360 = 80.86 %.
      assert.equal(component.percent, "80.86% uptime", component.name);
    }
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "no sideways scrolling");
    const rule = await page.evaluate(() => document.querySelector("status-widget").shadowRoot.querySelector(".uptime-rule summary").textContent);
    assert.equal(rule, "How uptime is counted");
    await page.screenshot({ path: join(shots, `uptime-seed-${width}.png`), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

for (const scheme of ["light", "dark"]) {
  test(`the uptime bars are accessible and keep 3:1 against the page (${scheme})`, async () => {
    const { page, context } = await open({ colorScheme: scheme });
    // A day opened by a tap, so that its detail is checked too.
    await page.locator("status-widget .component >> nth=0 >> .day-partial_outage >> nth=0 >> button").click();
    await page.waitForFunction(() => !!document.querySelector("status-widget").shadowRoot.querySelector(".uptime-detail:not([hidden]) a"));
    const { lines } = await seriousViolations(page, ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]);
    assert.deepEqual(lines, []);
    const ratios = await page.evaluate(() => {
      const root = document.querySelector("status-widget").shadowRoot;
      const rgb = (text) => text.match(/[\d.]+/g).slice(0, 3).map(Number);
      const luminance = ([r, g, b]) => {
        const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
      };
      const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
      const probe = document.createElement("span");
      root.querySelector(".uptime").append(probe);
      const colour = (variable) => { probe.style.color = `var(${variable})`; return rgb(getComputedStyle(probe).color); };
      // The bars sit on the widget's background.
      const page = colour("--sw-bg");
      const out = {};
      for (const [state, variable] of [["operational", "--sw-ok"], ["degraded_performance", "--sw-minor"],
        ["under_maintenance", "--sw-maintenance"], ["outage", "--sw-critical"], ["no_data (outline)", "--sw-muted"]]) {
        out[state] = Math.round(ratio(colour(variable), page) * 10) / 10;
      }
      probe.remove();
      return out;
    });
    for (const [state, r] of Object.entries(ratios)) assert.ok(r >= 3, `${state}: ${r}:1 (${JSON.stringify(ratios)})`);
    await page.screenshot({ path: join(shots, `uptime-seed-opened-${scheme}.png`) });
    await context.close();
  });
}

test("the uptime bars print as a compact row in their colours", async () => {
  const { page, context } = await open({ viewport: { width: 800, height: 1000 } });
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => {
    const root = document.querySelector("status-widget").shadowRoot;
    const row = root.querySelector(".uptime-days");
    const cell = root.querySelector(".day-operational button");
    return { height: row.getBoundingClientRect().height, adjust: getComputedStyle(cell).printColorAdjust };
  });
  assert.deepEqual(printed, { height: 12, adjust: "exact" });
  await page.screenshot({ path: join(shots, "uptime-seed-print.png") });
  await context.close();
});
