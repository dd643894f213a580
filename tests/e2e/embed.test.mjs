// End-to-end: the README's embed snippet on a plain page, served from another origin than the
// loader and the status file, in Debian's headless Chromium driven by playwright-core. This
// exercises what the wasm tests cannot: the loader, the custom element's lifecycle, CORS for a
// module on a CDN, accessibility with axe-core, and layout at phone and tablet widths.
// Needs the release build in www/pkg (scripts/test builds it first).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { launch, open as openUrl, seriousViolations, shots, www } from "./browser.mjs";
import { serve, CREDENTIALS } from "./static-server.mjs";

const iso = (minutes) => new Date(Date.now() + minutes * 60_000).toISOString();
const activeStatus = (title = "Login fails on Safari", extra = "") => JSON.stringify({
  version: 1,
  service: { name: "Example", status_page: "https://status.example.org/",
    contact: [{ label: "Email support", href: "mailto:support@example.org" }] },
  updated_at: iso(-1),
  components: [{ id: "login", name: "Login", status: "partial_outage" }],
  incidents: [{ id: "safari", title, impact: "major", status: "identified", started_at: iso(-30),
    components: ["login"], updates: [{ at: iso(-20), body: "Safari blocks third-party cookies." + extra }] }],
});

/** Two active incidents whose updates run longer than the banner's few lines. */
const twoActive = () => {
  const doc = JSON.parse(activeStatus("Login fails on Safari and iPad", " We are moving the sign-in to our own " +
    "domain; until then, please use Chrome or Firefox on a computer, or sign in with your school account."));
  doc.incidents.push({ id: "grading", title: "Grading is slow", impact: "minor", status: "monitoring",
    started_at: iso(-40), updates: [{ at: iso(-10), body: "A fix is rolling out; feedback on submissions may take " +
      "up to five minutes to appear while the queue drains. Nothing you submitted is lost." }] });
  return JSON.stringify(doc);
};

let browser, cdn, pages;
before(async () => {
  await readFile(join(www, "pkg", "status_widget_bg.wasm")).catch(() => {
    throw new Error("www/pkg is missing: run scripts/build");
  });
  await mkdir(shots, { recursive: true });
  browser = await launch();
  // The "CDN": the loader, its wasm and the status files, with CORS as a CDN serves them.
  cdn = await serve(www, { cors: true, extra: {
    "/favicon.ico": "",
    "/sign-in.html": "<!doctype html><title>Signed in</title><p>Signed in",
    "/control.json": "{}",
    "/active.json": activeStatus(),
    "/long-words.json": activeStatus("Login" + "fails".repeat(40), " " + "x".repeat(300)),
    // Started on a January day, whose month some regions name differently (de-AT: "Jän.").
    "/january.json": JSON.stringify({ version: 1, incidents: [{ id: "jan", title: "Slow logins", impact: "minor",
      status: "identified", started_at: "2024-01-04T07:30:00Z", updates: [{ at: "2024-01-04T07:30:00Z", body: "Slow." }] }] }),
  } });
  const snippet = (src, attributes = "") => `<!doctype html><html lang="en"><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1"><title>Plain page</title>
    <script>window.__events = []; for (const t of ["status-widget-update", "status-widget-error"])
      document.addEventListener(t, (e) => __events.push({ type: t, detail: e.detail }));</script>
    <script type="module" src="${cdn.url}/status-widget.js"></script>
    <h1>Sign in</h1>
    <status-widget src="${src}" ${attributes}></status-widget>
    <form><label for="email">Email</label><input id="email" type="email"></form>`;
  // The site owner's login page, on another origin.
  pages = await serve(www, { extra: {
    "/favicon.ico": "",
    "/plain.html": snippet(`${cdn.url}/active.json`),
    "/polling.html": snippet(`${cdn.url}/active.json`, 'poll="0.5"'),
    "/long.html": snippet(`${cdn.url}/long-words.json`),
    "/no-wasm.html": snippet(`${cdn.url}/active.json`).replace(`${cdn.url}/status-widget.js`, "/loader-only/status-widget.js"),
    "/framework.html": snippet(`${cdn.url}/active.json`)
      .replace("<h1>", `<style>status-widget[level="major"] ~ form .sso { display: none }</style>
        <script>window.__legacy = []; for (const t of ["status-widget:update", "status-widget:error"])
          document.addEventListener(t, (e) => __legacy.push({ type: t, detail: e.detail }));</script><h1>`)
      .replace("</form>", '<button class="sso" type="button">Sign in with SSO</button></form>'),
    "/loader-only/status-widget.js": await readFile(join(www, "status-widget.js"), "utf8"),
    // Two active incidents with long updates, for the demo page on a phone (demo.js reads
    // ?status=two.json beside the page).
    "/two.json": twoActive(),
    // The demo login page with its banner over the page: a bar at the top, a card in the corner.
    ...Object.fromEntries(await Promise.all(["top", "toast"].map(async (placement) => [`/index-${placement}.html`,
      (await readFile(join(www, "index.html"), "utf8")).replace('<status-widget id="banner"', `<status-widget id="banner" placement="${placement}"`)]))),
    // The demo login page in Arabic, written right to left.
    "/index-ar.html": (await readFile(join(www, "index.html"), "utf8")).replace('<html lang="en">', '<html lang="ar" dir="rtl">'),
    // The snippet deep in a site whose own referrer policy would send the full address.
    "/sign-in/deep/plain.html": snippet(`${cdn.url}/active.json`)
      .replace("<title>", '<meta name="referrer" content="unsafe-url"><title>'),
  } });
});
after(async () => {
  await browser?.close();
  await cdn?.close();
  await pages?.close();
});

const open = (path, options) => openUrl(browser, pages.url + path, options);

const bannerVisible = (page) => page.waitForFunction(
  () => document.querySelector("status-widget")?.shadowRoot?.querySelector(".item"), null, { polling: "raf" });

test("the README snippet on a plain page of another origin shows the banner", async (t) => {
  const { page, context, problems } = await open("/plain.html");
  await bannerVisible(page);
  const ms = await page.evaluate(() => performance.now());
  t.diagnostic(`banner visible ${ms.toFixed(0)} ms after navigation start (loopback, release build)`);
  const text = await page.locator("status-widget .item").innerText();
  assert.match(text, /Login fails on Safari/);
  assert.match(text, /Safari blocks third-party cookies\./);
  assert.match(await page.locator("status-widget .announce [role=alert]").innerText(), /Login fails on Safari/);
  await page.fill("#email", "user@example.org");
  assert.equal(await page.inputValue("#email"), "user@example.org");
  const events = await page.evaluate(() => window.__events);
  assert.equal(events[0].type, "status-widget-update");
  assert.equal(events[0].detail.level, "major");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the element exposes its level to scripts and CSS, refreshes on request, and still fires the 0.1 event names", async () => {
  const { page, context, problems } = await open("/framework.html");
  await bannerVisible(page);
  const seen = await page.evaluate(() => {
    const element = document.querySelector("status-widget");
    let state = null;
    try {
      state = element.matches(":state(major)");
    } catch (_) {
      state = "unsupported";
    }
    return { level: element.level, state: element.state, attribute: element.getAttribute("level"),
      customState: state, sso: getComputedStyle(document.querySelector(".sso")).display,
      events: window.__events.map((e) => [e.type, e.detail.level]),
      legacy: window.__legacy.map((e) => [e.type, e.detail.level]) };
  });
  assert.equal(seen.level, "major");
  assert.equal(seen.state.level, "major");
  assert.equal(seen.state.active, 1);
  assert.equal(seen.attribute, "major");
  assert.equal(seen.customState, true, "Chromium has custom states");
  assert.equal(seen.sso, "none", "the page hid its SSO button while login is down");
  assert.deepEqual(seen.legacy, seen.events.map(([type, level]) => [type.replace(/-(update|error)$/, ":$1"), level]));
  // refresh() reads the file again at once (polling is off on this page).
  const reads = () => cdn.log.filter((entry) => entry.path === "/active.json").length;
  const before = reads();
  await page.evaluate(() => document.querySelector("status-widget").refresh());
  for (let i = 0; i < 50 && reads() === before; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(reads(), before + 1, "one more read of the status file");
  assert.deepEqual(problems, []);
  await context.close();
});

test("dates follow the reader's own region within the page's language; an element's lang wins", async (t) => {
  // (page lang, element lang, the browser's locale) → the locale the dates must be written in
  const cases = [
    ["en", "", "en-GB", "en-GB"], ["en", "", "en-US", "en-US"], ["de", "", "de-AT", "de-AT"],
    ["de", "", "de-DE", "de-DE"], ["fr", "", "fr-CA", "fr-CA"], ["en", "", "de-DE", "en"],
    ["en", "en-AU", "en-GB", "en-AU"], ["pt", "", "pt-BR", "pt-BR"], ["ja", "", "ja-JP", "ja-JP"],
    ["ar", "", "ar-EG", "ar-EG"], ["he", "", "he-IL", "he-IL"], ["ko", "", "ko-KR", "en"],
  ];
  const seen = [];
  for (const [lang, own, locale, expected] of cases) {
    const html = `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>Locale</title>
      <script type="module" src="${cdn.url}/status-widget.js"></script>
      <status-widget src="${cdn.url}/january.json" ${own ? `lang="${own}"` : ""}></status-widget>`;
    pages.extra[`/locale-${lang}-${own}-${locale}.html`] = html;
    const { page, context, problems } = await open(`/locale-${lang}-${own}-${locale}.html`, { locale });
    await bannerVisible(page);
    const [shown, wanted] = await page.evaluate((expected) => [
      document.querySelector("status-widget").shadowRoot.querySelector(".when time").getAttribute("title"),
      new Intl.DateTimeFormat(expected, { dateStyle: "medium", timeStyle: "short" }).format(new Date("2024-01-04T07:30:00Z")),
    ], expected);
    assert.equal(shown, wanted, `page ${lang}, element ${own || "-"}, browser ${locale}: ${expected}`);
    t.diagnostic(`page ${lang} | element ${own || "-"} | browser ${locale} | ${expected} | ${shown}`);
    seen.push(shown);
    assert.deepEqual(problems, []);
    await context.close();
  }
  assert.notEqual(seen[0], seen[1], "British and American dates differ");
});

test("the status request carries no cookie, credentials or page address, though the browser holds all three", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Signed in to the status host with HTTP credentials, a cookie for it, and a login page whose
  // own policy is unsafe-url.
  await page.goto(cdn.url.replace("//", "//user:secret@") + "/sign-in.html?challenge");
  await context.addCookies([{ name: "status_widget_test_session", value: "secret", url: cdn.url }]);
  const login = `${pages.url}/sign-in/deep/plain.html?next=%2Fcourses`;
  const before = cdn.log.length;
  await page.goto(login);
  await bannerVisible(page);
  // The control: a request without the widget's options carries all three.
  await page.evaluate((url) => fetch(url + "/control.json", { credentials: "include" }), cdn.url);
  const control = cdn.log.filter((r) => r.path === "/control.json").at(-1).headers;
  assert.match(control.cookie ?? "", /secret/, "the control request must carry the cookie");
  assert.equal(control.authorization, CREDENTIALS, "the control request must carry the HTTP credentials");
  assert.equal(control.referer, login, "the control request must carry the page's full address");
  const statusRequests = cdn.log.slice(before).filter((r) => r.path === "/active.json");
  assert.ok(statusRequests.length >= 1);
  for (const r of statusRequests) {
    assert.equal(r.method, "GET", "no preflight");
    assert.equal(r.headers.cookie, undefined, "no cookie");
    assert.equal(r.headers.authorization, undefined, "no credentials");
    assert.equal(r.headers.referer, pages.url + "/", "the referrer is the origin only");
  }
  await context.close();
});

test("attribute changes take effect and removal stops polling", async () => {
  const { page, context, problems } = await open("/polling.html");
  await bannerVisible(page);
  await page.evaluate(() => document.querySelector("status-widget").setAttribute("mode", "indicator"));
  await page.waitForFunction(() => document.querySelector("status-widget").shadowRoot.querySelector(".indicator"));
  assert.match(await page.locator("status-widget .indicator").innerText(), /Partial outage/);
  await page.evaluate(() => document.querySelector("status-widget").setAttribute("lang", "es"));
  await page.waitForFunction(() => /Interrupción parcial/.test(document.querySelector("status-widget").shadowRoot.textContent));
  // Moving the element re-mounts it; removing it stops everything.
  await page.evaluate(() => document.body.prepend(document.querySelector("status-widget")));
  await page.waitForFunction(() => document.querySelector("status-widget").shadowRoot.querySelector(".indicator"));
  await page.evaluate(() => document.querySelector("status-widget").remove());
  const count = () => cdn.log.filter((r) => r.path === "/active.json").length;
  await page.waitForTimeout(200);
  const atRemoval = count();
  await page.waitForTimeout(1500);
  assert.equal(count(), atRemoval, "no requests after removal");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a wasm that cannot load leaves the page working and says so in an event", async () => {
  const { page, context, problems } = await open("/no-wasm.html");
  await page.waitForFunction(() => window.__events.length > 0);
  const events = await page.evaluate(() => window.__events);
  assert.equal(events[0].type, "status-widget-error");
  assert.equal(events[0].detail.kind, "load");
  await page.fill("#email", "still@works.example");
  assert.equal(await page.inputValue("#email"), "still@works.example");
  assert.equal(await page.locator("status-widget").evaluate((e) => e.getBoundingClientRect().height), 0);
  // The browser's own reports of the refused download (a 404, which the wasm's pinned hash does
  // not match either) are not the page's problems; anything thrown into the page would be.
  assert.deepEqual(problems.filter((p) => !/Failed to load resource|404|integrity/.test(p)), []);
  await context.close();
});

const PHONE = { width: 320, height: 568 };
for (const [scheme, path, viewport, where] of [
  ["light", "/index.html?status=demo-active.json"], ["dark", "/index.html?status=demo-active.json"],
  ["light", "/index.html?status=two.json", PHONE, "two incidents at 320 px, narrow, clamped"],
  ["dark", "/index.html?status=two.json", PHONE, "two incidents at 320 px, narrow, clamped"],
  ["light", "/index-ar.html?status=two.json", undefined, "Arabic, right to left"],
  ["dark", "/index-ar.html?status=two.json", PHONE, "Arabic, right to left, at 320 px"]]) {
  test(`the demo login page has no serious accessibility violations (${scheme}${where ? `, ${where}` : ""})`, async (t) => {
    const { page, context, problems } = await open(path, { colorScheme: scheme, viewport });
    await bannerVisible(page);
    if (viewport) {
      await page.waitForFunction(() => document.querySelector("status-widget").shadowRoot.querySelector(".narrow .more-text"));
    }
    if (path.includes("-ar")) {
      const seen = await page.evaluate(() => {
        const root = document.querySelector("status-widget").shadowRoot;
        const item = root.querySelector(".item");
        const [mark, body] = [item.querySelector(".mark"), item.querySelector(".body")].map((e) => e.getBoundingClientRect());
        return { lang: root.querySelector(".theme").lang, direction: getComputedStyle(item).direction,
          barOnTheRight: mark.left >= body.right - 1, label: item.querySelector(".label").textContent };
      });
      assert.deepEqual(seen, { lang: "ar", direction: "rtl", barOnTheRight: true, label: "عطل كبير · تم تحديد السبب" });
    }
    const ms = await page.evaluate(() => performance.now());
    t.diagnostic(`demo page: banner visible ${ms.toFixed(0)} ms after navigation start`);
    const { result, lines } = await seriousViolations(page);
    assert.deepEqual(lines, []);
    const checked = result.passes.find((p) => p.id === "color-contrast");
    assert.ok(checked && checked.nodes.some((n) => JSON.stringify(n.target).includes("status-widget")),
      "colour contrast was checked inside the widget");
    const name = `demo${path.includes("-ar") ? "-ar" : ""}-${scheme}${viewport ? `-${viewport.width}` : ""}`;
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

for (const placement of ["top", "toast"]) {
  for (const [scheme, viewport] of [["light", { width: 1024, height: 768 }], ["dark", PHONE]]) {
    test(`placement="${placement}" moves nothing on the page and has no serious accessibility violations (${scheme}, ${viewport.width} px)`, async () => {
      const { page, context, problems } = await open(`/index-${placement}.html?status=two.json`, { colorScheme: scheme, viewport });
      await page.evaluate(() => {
        window.__shift = 0;
        new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
          .observe({ type: "layout-shift", buffered: true });
      });
      await bannerVisible(page);
      await page.waitForTimeout(500);
      const seen = await page.evaluate(() => {
        const banner = document.querySelector("#banner").shadowRoot.querySelector(".banner");
        return { shift: window.__shift, position: getComputedStyle(banner).position,
          fallback: document.querySelector(".status-fallback").getBoundingClientRect().height > 0 };
      });
      assert.deepEqual(seen, { shift: 0, position: "fixed", fallback: true }, "CLS 0: the banner is over the page, the page's line stays");
      const { lines } = await seriousViolations(page);
      assert.deepEqual(lines, []);
      await page.screenshot({ path: join(shots, `placement-${placement}-${scheme}-${viewport.width}.png`) });
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

for (const [name, width, height] of [["phone", 320, 640], ["tablet", 768, 1024]]) {
  test(`long words do not overflow at ${width} px (${name})`, async () => {
    const { page, context } = await open("/long.html", { viewport: { width, height } });
    await bannerVisible(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow} px`);
    const box = await page.locator("status-widget .item").boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= width, JSON.stringify(box));
    await page.screenshot({ path: join(shots, `long-words-${width}.png`), fullPage: true });
    await context.close();
  });
}

test("no motion under prefers-reduced-motion", async () => {
  const { page, context } = await open("/plain.html", { reducedMotion: "reduce" });
  await bannerVisible(page);
  const animation = await page.locator("status-widget .item").evaluate((e) => getComputedStyle(e).animationName);
  assert.equal(animation, "none");
  await context.close();
  const moving = await open("/plain.html", { reducedMotion: "no-preference" });
  await bannerVisible(moving.page);
  assert.equal(await moving.page.locator("status-widget .item").evaluate((e) => getComputedStyle(e).animationName), "sw-in");
  await moving.context.close();
});
