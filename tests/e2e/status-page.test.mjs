// End-to-end: the status page (www/status.html, mode="page") in Debian's headless Chromium:
// screenshots at desktop and phone widths, axe-core in light and dark, a permalink opened from
// the address bar, print styles, and a 500-incident history rendered a page at a time (its long
// tasks reported as a diagnostic; scripts/bench holds the targets).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { launch, open as openUrl, seriousViolations, shots, www } from "./browser.mjs";
import { serve } from "./static-server.mjs";
import { historyDocument as history } from "./documents.mjs";


let browser, site;
before(async () => {
  await mkdir(shots, { recursive: true });
  browser = await launch();
  site = await serve(www, { extra: {
    "/favicon.ico": "",
    "/history-500.json": history(500),
    "/history.html": (await readFile(join(www, "status.html"), "utf8")).replace('src="status.json"', 'src="history-500.json"'),
    // The same page in Hebrew, written right to left.
    "/status-he.html": (await readFile(join(www, "status.html"), "utf8")).replace('<html lang="en">', '<html lang="he" dir="rtl">'),
  } });
});
after(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path, options = {}) {
  const opened = await openUrl(browser, site.url + path, options);
  await opened.page.waitForFunction(() => document.querySelector("status-widget")?.shadowRoot?.querySelector(".incident-body"));
  return opened;
}

for (const [name, width] of [["desktop", 1024], ["phone", 375]]) {
  test(`status.html shows the seed incident at ${width} px`, async () => {
    const { page, context, problems } = await open("/status.html", { viewport: { width, height: 900 } });
    const text = await page.locator("status-widget article").innerText();
    for (const fact of ["Lambda Feedback", "All systems operational", "Incident related to new logins",
      "b506", "Lessons learned", "Conclusion", "Timeline", "The issues were fully solved."]) {
      assert.ok(text.includes(fact), `missing ${fact}`);
    }
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "no sideways scrolling");
    await page.screenshot({ path: join(shots, `status-page-${width}.png`), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

for (const [scheme, path] of [["light", "/status.html"], ["dark", "/status.html"], ["light", "/status-he.html"], ["dark", "/status-he.html"]]) {
  test(`${path.slice(1)} has no serious accessibility violations (${scheme})`, async () => {
    const { page, context } = await open(path, { colorScheme: scheme });
    if (path.includes("-he")) {
      // Hebrew: the page speaks it, right to left, its incidents' bars on the right.
      const seen = await page.evaluate(() => {
        const root = document.querySelector("status-widget").shadowRoot;
        const incident = getComputedStyle(root.querySelector(".incident"));
        return { lang: root.querySelector(".theme").lang, direction: incident.direction,
          bar: [incident.borderRightWidth, incident.borderLeftWidth], heading: root.querySelector("h2").textContent };
      });
      assert.deepEqual(seen, { lang: "he", direction: "rtl", bar: ["4px", "0px"], heading: seen.heading });
      assert.match(seen.heading, /[\u0590-\u05FF]/, "a Hebrew heading");
      await page.screenshot({ path: join(shots, `status-page-he-${scheme}.png`), fullPage: true });
    }
    const { lines } = await seriousViolations(page, ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]);
    assert.deepEqual(lines, []);
    const headings = await page.evaluate(() =>
      [...document.querySelector("status-widget").shadowRoot.querySelectorAll("h1, h2, h3")].map((h) => h.tagName));
    assert.equal(headings[0], "H1");
    assert.ok(headings.includes("H2") && headings.includes("H3"));
    await context.close();
  });
}

test("a permalink in the address bar opens and scrolls to its incident", async () => {
  const { page, context } = await open("/history.html#past-45", { viewport: { width: 375, height: 700 } });
  await page.waitForFunction(() =>
    document.querySelector("status-widget").shadowRoot.getElementById("past-45")?.querySelector(".incident-body"));
  await page.waitForTimeout(100);
  const top = await page.evaluate(() =>
    document.querySelector("status-widget").shadowRoot.getElementById("past-45").getBoundingClientRect().top);
  assert.ok(top >= -1 && top < 700, `top ${top}`);
  await context.close();
});

test("a 500-incident history renders a page at a time (long tasks reported)", async (t) => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  const page = await context.newPage();
  await page.goto(site.url + "/history.html");
  await page.waitForFunction(() => document.querySelector("status-widget")?.shadowRoot?.querySelectorAll(".history > .incident").length === 20);
  const rendered = await page.evaluate(() => performance.now());
  await page.waitForTimeout(500);
  const { tasks, fileArrived } = await page.evaluate(() => ({
    tasks: window.__longTasks,
    fileArrived: performance.getEntriesByType("resource").find((r) => r.name.endsWith("history-500.json")).responseEnd,
  }));
  // A measurement, not a pass/fail timing: the benchmark (issue 5) holds the targets.
  const round = (list) => JSON.stringify(list.map((x) => Math.round(x.duration)));
  t.diagnostic(`500 incidents: 20 rendered ${rendered.toFixed(0)} ms after navigation start; long tasks `
    + `before the file arrived (start-up) ${round(tasks.filter((x) => x.start < fileArrived))}, `
    + `after it (parse, read, render) ${round(tasks.filter((x) => x.start >= fileArrived))}`);
  assert.match(await page.locator("status-widget button.more").innerText(), /Show older incidents \(480 more\)/);
  await context.close();
});

test("the page prints without its \"Show older incidents\" button", async () => {
  const { page, context } = await open("/history.html", { viewport: { width: 800, height: 1000 } });
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator("status-widget button.more").evaluate((e) => getComputedStyle(e).display), "none");
  await page.screenshot({ path: join(shots, "status-page-print.png") });
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 10_000);
  await context.close();
});
