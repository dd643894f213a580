// End-to-end: a panic inside the wasm (a trap) in a test build with the `fault-injection` feature
// (an incident titled "status-widget: panic here" panics while the widget reports it). The page
// and its form keep working, and the widget empties instead of leaving a half-rendered banner.
// Needs target/fault-pkg (scripts/test builds it: wasm-pack build --dev ... --features fault-injection).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { launch, open as openUrl, root, www } from "./browser.mjs";
import { serve } from "./static-server.mjs";

const pkg = join(root, "target", "fault-pkg");
const doc = (title) => JSON.stringify({ version: 1, incidents: [
  { id: "a", title, impact: "major", status: "identified", started_at: new Date().toISOString() }] });

let browser, site;
const files = {};
before(async () => {
  for (const file of ["status_widget.js", "status_widget_bg.wasm"]) {
    files[`/pkg/${file}`] = await readFile(join(pkg, file)).catch(() => {
      throw new Error("target/fault-pkg is missing: scripts/test builds it");
    });
  }
  browser = await launch();
  site = await serve(www, { extra: {
    ...files,
    "/favicon.ico": "",
    "/status-widget.js": await readFile(join(www, "status-widget.js")),
    "/status.json": doc("Login is slow"),
    "/trap.html": `<!doctype html><html lang="en"><meta charset="utf-8"><title>Sign in</title>
      <script>window.__events = []; window.__ticks = 0; setInterval(() => __ticks++, 50);
        document.addEventListener("status-widget:error", (e) => __events.push(e.detail.kind));</script>
      <script type="module" src="/status-widget.js"></script>
      <status-widget src="/status.json" poll="0.3"></status-widget>
      <form><label for="email">Email</label><input id="email" type="email"></form>`,
  } });
});
after(async () => {
  await browser?.close();
  await site?.close();
});

test("a trap inside the wasm empties the widget and leaves the page and form working", async () => {
  const { page, context, problems } = await openUrl(browser, site.url + "/trap.html");
  const shadowText = () => page.evaluate(() => document.querySelector("status-widget").shadowRoot?.textContent ?? "");
  await page.waitForFunction(() => /Login is slow/.test(document.querySelector("status-widget").shadowRoot?.textContent));

  // The next poll reads a file whose incident makes this build panic.
  site.extra["/status.json"] = doc("status-widget: panic here");
  await page.waitForFunction(() => window.__events.includes("internal"), null, { timeout: 10_000 });
  assert.equal(await shadowText(), "", "no half-rendered banner");
  assert.equal(await page.evaluate(() => document.querySelector("status-widget").getBoundingClientRect().height), 0);
  assert.ok(problems.some((p) => /unreachable|RuntimeError/i.test(p)), `the trap is reported: ${problems}`);

  // The page goes on: its own timers run, its form takes input, and the widget stays quiet.
  const ticks = await page.evaluate(() => window.__ticks);
  await page.fill("#email", "user@example.org");
  assert.equal(await page.inputValue("#email"), "user@example.org");
  site.extra["/status.json"] = doc("Login is slow again");
  await page.waitForTimeout(1000);
  assert.ok(await page.evaluate(() => window.__ticks) > ticks);
  assert.equal(await shadowText(), "");

  // An element added after the trap stays empty and says why.
  await page.evaluate(() => document.body.append(Object.assign(document.createElement("status-widget"), { id: "late" })));
  await page.waitForFunction(() => window.__events.filter((k) => k === "internal").length >= 2);
  assert.equal(await page.evaluate(() => document.getElementById("late").shadowRoot?.textContent ?? ""), "");
  await context.close();
});
