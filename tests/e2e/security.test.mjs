// End-to-end: the widget under a strict Content-Security-Policy, behind Subresource Integrity,
// and what it leaves behind (requests, cookies, storage), in Debian's headless Chromium.
// Needs the release build in www/pkg (scripts/test builds it first).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { launch, open as openUrl, www } from "./browser.mjs";
import { serve } from "./static-server.mjs";

const iso = (minutes) => new Date(Date.now() + minutes * 60_000).toISOString();
const active = JSON.stringify({
  version: 1,
  service: { name: "Example", status_page: "https://status.example.org/",
    contact: [{ label: "Email support", href: "mailto:support@example.org" }] },
  incidents: [{ id: "csp", title: "Login fails on Safari", impact: "major", status: "identified",
    started_at: iso(-30), updates: [{ at: iso(-20), body: "Safari blocks third-party cookies." }] }],
});

const page = (head, src) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>Sign in</title>
  ${head}
  <link rel="stylesheet" href="/demo.css">
  <h1>Sign in</h1>
  <status-widget src="${src}"></status-widget>
  <form><label for="email">Email</label><input id="email" type="email"></form>`;

const sri = async (file) => "sha384-" + createHash("sha384").update(await readFile(join(www, file))).digest("base64");

let browser, status, site;
before(async () => {
  browser = await launch();
  // The status file on its own origin, as on a status host or CDN.
  status = await serve(www, { cors: true, extra: { "/active.json": active } });
  const loader = await sri("status-widget.js");
  const csp = `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${status.url}`;
  site = await serve(www, { extra: {
    "/favicon.ico": "",
    "/csp.html": page('<script type="module" src="/status-widget.js"></script>', `${status.url}/active.json`),
    "/sri.html": page(`<script type="module" src="/status-widget.js" integrity="${loader}" crossorigin="anonymous"></script>`,
      `${status.url}/active.json`),
    "/sri-wrong.html": page(`<script type="module" src="/status-widget.js" integrity="sha384-${"A".repeat(64)}" crossorigin="anonymous"></script>`,
      `${status.url}/active.json`),
  }, headers: { "Content-Security-Policy": csp } });
});
after(async () => {
  await browser?.close();
  await status?.close();
  await site?.close();
});

/** Opens `path` on the login page's origin, counting CSP violations from the first script on. */
async function open(path) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console.error: ${m.text()}`));
  await page.goto(site.url + path);
  return { page, context, requests, problems };
}

const bannerShows = (page) => page.waitForFunction(
  () => /Login fails on Safari/.test(document.querySelector("status-widget")?.shadowRoot?.textContent ?? ""));

test("under a strict CSP the banner shows, dismisses, and nothing is refused", async () => {
  const { page, context, problems } = await open("/csp.html");
  await bannerShows(page);
  await page.locator("status-widget .dismiss").first().click();
  await page.waitForFunction(() => !document.querySelector("status-widget").shadowRoot.querySelector(".item"));
  await page.fill("#email", "user@example.org");
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the loader works behind integrity=, and a wrong hash leaves the page alone", async () => {
  const good = await open("/sri.html");
  await bannerShows(good.page);
  assert.deepEqual(good.problems, []);
  await good.context.close();

  const bad = await open("/sri-wrong.html");
  await bad.page.waitForTimeout(1000);
  assert.equal(await bad.page.evaluate(() => customElements.get("status-widget")), undefined);
  assert.equal(await bad.page.evaluate(() => document.querySelector("status-widget").getBoundingClientRect().height), 0);
  await bad.page.fill("#email", "user@example.org");
  assert.equal(await bad.page.inputValue("#email"), "user@example.org");
  // The browser's own refusal is the only complaint.
  assert.equal(bad.problems.length, 1, bad.problems.join("\n"));
  assert.match(bad.problems[0], /integrity/i);
  await bad.context.close();
});

test("no request to another host, no cookie, no storage but the dismissal key", async () => {
  const { page, context, requests } = await open("/csp.html");
  await bannerShows(page);
  await page.locator("status-widget .dismiss").first().click();
  await page.waitForTimeout(300);
  const origins = new Set(requests.map((u) => new URL(u).origin));
  assert.deepEqual([...origins].sort(), [site.url, status.url].sort(), "only the page's and the status file's hosts");
  assert.deepEqual(await context.cookies(), []);
  const stored = await page.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    databases: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys().catch(() => []),
  }));
  assert.deepEqual(stored, { local: ["status-widget:dismissed"], session: [], databases: [], caches: [] });
  const statusRequests = status.log.filter((r) => r.path === "/active.json");
  assert.ok(statusRequests.length >= 1);
  for (const r of statusRequests) {
    assert.equal(r.headers.cookie, undefined);
    assert.equal(r.headers.authorization, undefined);
    assert.equal(r.headers.referer, site.url + "/", "the referrer is the origin only, never the login page's path");
  }
  await context.close();
});
