// End-to-end checks that must hold in every engine, run in Chromium, Firefox and WebKit through
// WebDriver (webdriver.mjs): the widget under a strict Content-Security-Policy, behind Subresource
// Integrity (the loader pinned, and through it the glue and the wasm), what it leaves behind (requests, cookies, storage), and a panic inside the wasm (a
// test build with the `fault-injection` feature). Needs the release build in www/pkg and the
// fault-injection build in target/fault-pkg (scripts/test builds both) and a display for WebKit
// (scripts/test runs this under xvfb-run).
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { root, shots, www } from "./browser.mjs";
import { serve, CREDENTIALS } from "./static-server.mjs";
import { statuspageDocument } from "./documents.mjs";
import { engines, start } from "./webdriver.mjs";

const iso = (minutes) => new Date(Date.now() + minutes * 60_000).toISOString();
const doc = (title) => JSON.stringify({
  version: 1,
  service: { name: "Example", status_page: "https://status.example.org/",
    contact: [{ label: "Email support", href: "mailto:support@example.org" }] },
  incidents: [{ id: "csp", title, impact: "major", status: "identified", started_at: iso(-30),
    updates: [{ at: iso(-20), body: "Safari blocks third-party cookies." }] }],
});

// Loaded first on every page, from the page's own origin (the CSP allows no inline script):
// records CSP violations, uncaught errors, the widget's events, and ticks a page timer.
const probe = `window.__violations = []; window.__errors = []; window.__events = []; window.__details = []; window.__ticks = 0;
document.addEventListener("securitypolicyviolation", (e) => /\\/favicon\\.ico$/.test(e.blockedURI) ||
  __violations.push(e.violatedDirective + ": " + e.blockedURI)); // the browser's own favicon request is not the widget's
addEventListener("error", (e) => __errors.push(String(e.error || e.message)));
addEventListener("unhandledrejection", (e) => __errors.push(String(e.reason)));
for (const type of ["status-widget-update", "status-widget-error"])
  document.addEventListener(type, (e) => __events.push(e.detail.kind || "update") && __details.push(e.detail));
setInterval(() => __ticks++, 50);`;

const page = (loader, src, poll = "", children = "") => `<!doctype html><html lang="en"><meta charset="utf-8"><title>Sign in</title>
  <script src="/probe.js"></script>
  ${loader}
  <link rel="stylesheet" href="/demo.css">
  <h1>Sign in</h1>
  <status-widget src="${src}" ${poll}>${children}</status-widget>
  <form><label for="email">Email</label><input id="email" type="email"></form>`;

// A Statuspage document with an incident under way, read with the `foreign` chunk.
// How late the wasm of /words.html is answered: what the loader fetches before then, it fetched
// itself, beside the wasm.
const WASM_LATE_MS = 1500;

const SP_TITLE = "Sign-in fails on Safari";
const statuspageDoc = () => statuspageDocument({ name: SP_TITLE, impact: "major", status: "identified",
  body: "Safari <b>blocks</b> third-party cookies." });

// The page's own fallback content of the element, as the README's snippet has it.
const FALLBACK = '<p id="fallback">Trouble signing in? <a href="https://status.example.org/">Service status</a></p>';
/** Whether the page's fallback is laid out where a person sees it (not hidden by the widget's
 *  shadow root). */
const fallbackShown = () => {
  const box = document.getElementById("fallback").getBoundingClientRect();
  return box.width > 0 && box.height > 0;
};

// Two active incidents whose updates run long, as on the seed incident's worst day.
const twoIncidents = () => JSON.stringify({
  version: 1,
  service: { name: "Example", status_page: "https://status.example.org/",
    contact: [{ label: "Email support", href: "mailto:support@example.org" }] },
  components: [{ id: "login", name: "Login", status: "major_outage" }, { id: "grading", name: "Grading", status: "degraded_performance" }],
  incidents: [
    { id: "cookies", title: "Login fails for users of Safari and iPad", impact: "major", status: "identified",
      started_at: iso(-90), components: ["login"], updates: [{ at: iso(-80), body: "We found the cause." },
        { at: iso(-20), body: "Safari and iOS block the third-party cookies our new sign-in relies on. We are moving " +
          "the sign-in to our own domain; until then, please use Chrome or Firefox on a computer, or sign in with your " +
          "school account. We will post the next update within the hour, or sooner if anything changes." }] },
    { id: "grading", title: "Grading is slow", impact: "minor", status: "monitoring", started_at: iso(-40),
      components: ["grading"], updates: [{ at: iso(-10), body: "A fix is rolling out; feedback on submissions may " +
        "take up to five minutes to appear while the queue drains. Nothing you submitted is lost." }] },
  ],
});
// The demo login page (www/index.html, its own header, card and form) reading that file, in a
// frame of a phone's or a desktop's size (a frame's viewport is exactly its size in every engine).
const SIZES = [[320, 568], [375, 667], [1024, 768]];
const framed = (width, height) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>${width} px</title>
  <iframe src="/index.html?status=two.json" width="${width}" height="${height}" frameborder="0" title="Sign in"></iframe>`;
/** In the framed login page: the banner's items, the first input's box and the clamped texts. */
const framedLayout = () => {
  const d = document.querySelector("iframe").contentDocument;
  const root = d?.getElementById("banner")?.shadowRoot;
  const items = root ? [...root.querySelectorAll(".item")] : [];
  const buttons = root ? [...root.querySelectorAll(".more-text")] : [];
  if (!items.length || buttons.length < items.length) return null;
  const input = d.getElementById("email").getBoundingClientRect();
  return { items: items.length, andMore: root.querySelector("button.more")?.textContent ?? null,
    inputTop: input.top, inputBottom: input.bottom, viewport: [d.defaultView.innerWidth, d.defaultView.innerHeight],
    scrollWidth: d.documentElement.scrollWidth,
    clamped: items.map((item) => { const c = item.querySelector(".clamp"); return c.scrollHeight > c.clientHeight; }),
    buttons: buttons.map((b) => ({ text: b.textContent, expanded: b.getAttribute("aria-expanded") })) };
};

/** Waits until the first widget's banner shows an item titled TITLE (not only its live regions). */
const bannerShows = (b) => b.waitFor("the banner shows", (title) =>
  [...document.querySelector("status-widget").shadowRoot?.querySelectorAll(".item") ?? []]
    .some((item) => item.textContent.includes(title)), {}, TITLE);
/** The login form takes what a person types. */
async function formTakesInput(b) {
  await b.type("#email", "user@example.org");
  assert.equal(await b.run(() => document.getElementById("email").value), "user@example.org");
}

const sri = async (file) => "sha384-" + createHash("sha384").update(await readFile(join(www, file))).digest("base64");
const shadowText = () => document.querySelector("status-widget").shadowRoot?.textContent ?? "";
const TITLE = "Login fails on Safari";
const PANIC = "status-widget: panic here"; // src/embed: the fault-injection build panics on it

let status, site, pinned, wasmRefused;
before(async () => {
  // The fault build has every feature; it stands in for the banner build as well, and its
  // loader (scripts/test inlines the fault glue into it) pins the fault wasm.
  const faultFile = (file) => readFile(join(root, "target", "fault-pkg", file)).catch(() => {
    throw new Error("target/fault-pkg is missing: scripts/test builds it");
  });
  const faultWasm = await faultFile("status_widget_bg.wasm");
  const faultGlue = await faultFile("status_widget.js");
  const fault = {
    "/trap/status-widget.js": await faultFile("status-widget.js"),
    "/trap/pkg/status_widget.js": faultGlue,
    "/trap/pkg/status_widget_banner.js": faultGlue,
    "/trap/pkg/status_widget_bg.wasm": faultWasm,
    "/trap/pkg/status_widget_banner_bg.wasm": faultWasm,
  };
  // A CDN that serves a wasm other than the one the loader was built with: one byte changed.
  const tampered = Buffer.from(await readFile(join(www, "pkg", "status_widget_banner_bg.wasm")));
  tampered[tampered.length - 100] ^= 0xff;
  // The banner build's files under a folder of their own, with its chunk missing (a CDN that lost
  // it) or changed (one byte: its integrity check fails).
  const bannerFiles = async (folder, chunk) => {
    const files = { [`/${folder}/status-widget.js`]: await readFile(join(www, "status-widget.js")) };
    for (const file of ["status_widget_banner.js", "__wasm_split.js", "status_widget_banner_bg.wasm"]) {
      files[`/${folder}/pkg/${file}`] = await readFile(join(www, "pkg", file));
    }
    if (chunk) files[`/${folder}/pkg/split_foreign.wasm`] = chunk;
    return files;
  };
  // Every file of the banner build under a folder of their own (its wasm answered late, below).
  const banner = async (folder) => {
    const files = { [`/${folder}/status-widget.js`]: await readFile(join(www, "status-widget.js")) };
    for (const file of await readdir(join(www, "pkg"))) {
      if (/^(status_widget_banner(_bg)?\.(js|wasm)|__wasm_split\.js|(split|chunk)_\w+\.wasm)$/.test(file)) {
        files[`/${folder}/pkg/${file}`] = await readFile(join(www, "pkg", file));
      }
    }
    return files;
  };
  const tamperedChunk = Buffer.from(await readFile(join(www, "pkg", "split_foreign.wasm")));
  tamperedChunk[tamperedChunk.length - 100] ^= 0xff;
  const chunks = { ...await bannerFiles("chunk-missing"), ...await bannerFiles("chunk-tampered", tamperedChunk) };
  // The status file on its own origin, as on a status host or CDN.
  status = await serve(www, { cors: true, extra: {
    "/active.json": doc(TITLE),
    "/auth/active.json": doc(TITLE),
    "/auth/sign-in.html": "<!doctype html><title>Signed in</title><p>Signed in",
    "/auth/control.json": "{}",
    "/statuspage.json": statuspageDoc(),
    // A signed file with its signature beside it (tests/fixtures/signed, made by the command).
    "/signed/status.json": await readFile(join(root, "tests", "fixtures", "signed", "newer.json")),
    "/signed/status.json.sig": await readFile(join(root, "tests", "fixtures", "signed", "newer.json.sig")),
  } });
  const src = `${status.url}/active.json`;
  const module = (path, attributes = "") => `<script type="module" src="${path}" ${attributes}></script>`;
  const csp = `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${status.url}`;
  site = await serve(www, { headers: { "Content-Security-Policy": csp }, hang: [/^\/hanging\//],
    slow: [[/^\/words\/pkg\/status_widget_banner_bg\.wasm$/, WASM_LATE_MS]], extra: {
    ...fault,
    ...chunks,
    ...await banner("words"),
    ...Object.fromEntries(Object.entries(await banner("words-missing"))
      .filter(([path]) => !path.endsWith("/split_lang_de.wasm"))),
    // A German page with three banners: the page's language, a French one and one in a language
    // the widget does not speak (English).
    "/words.html": page(module("/words/status-widget.js"), src)
      .replace('<html lang="en">', '<html lang="de">')
      .replace("</status-widget>", `</status-widget>
  <status-widget src="${src}" lang="fr-CA"></status-widget>
  <status-widget src="${src}" lang="ko"></status-widget>`),
    "/words-missing.html": page(module("/words-missing/status-widget.js"), src, 'poll="0"')
      .replace('<html lang="en">', '<html lang="de">'),
    // A quiet file two hours old, under a max-age of an hour: "Status unknown", in German.
    "/words-stale.json": JSON.stringify({ version: 1, service: { name: "Example" }, updated_at: iso(-120), incidents: [] }),
    "/words-stale.html": page(module("/words/status-widget.js?stale"), "/words-stale.json", 'poll="0" max-age="3600"')
      .replace('<html lang="en">', '<html lang="de">'),
    // The loader under its own URL (see the fallback pages below: Chromium runs no module again at
    // a URL whose integrity check failed in the session).
    "/statuspage.html": page(module("/status-widget.js?statuspage"), `${status.url}/statuspage.json`, "", FALLBACK),
    "/chunk-missing.html": page(module("/chunk-missing/status-widget.js"), `${status.url}/statuspage.json`, 'poll="0"', FALLBACK),
    "/chunk-tampered.html": page(module("/chunk-tampered/status-widget.js"), `${status.url}/statuspage.json`, 'poll="0"', FALLBACK),
    "/favicon.ico": "",
    "/probe.js": probe,
    "/csp.html": page(module("/status-widget.js"), src),
    // The same status file, read by a page without public-key, and a signed one read by a page
    // with it (the loader under its own URL for each: a fresh start of the wasm).
    "/unsigned.html": page(module("/status-widget.js?unsigned"), src, 'poll="0"'),
    "/signed.html": page(module("/status-widget.js?signed"), `${status.url}/signed/status.json`,
      `poll="0" public-key="${(await readFile(join(root, "tests", "fixtures", "signed", "a.pub"), "utf8")).trim()}"`),
    "/sri.html": page(module("/status-widget.js", `integrity="${await sri("status-widget.js")}" crossorigin="anonymous"`), src),
    "/sri-wrong.html": page(module("/status-widget.js", `integrity="sha384-${"A".repeat(64)}" crossorigin="anonymous"`), src),
    "/tampered/status-widget.js": await readFile(join(www, "status-widget.js")),
    "/tampered/pkg/status_widget_banner.js": await readFile(join(www, "pkg", "status_widget_banner.js")),
    "/tampered/pkg/status_widget_banner_bg.wasm": tampered,
    "/tampered/pkg/__wasm_split.js": await readFile(join(www, "pkg", "__wasm_split.js")),
    "/tampered.html": page(module("/tampered/status-widget.js", `integrity="${await sri("status-widget.js")}" crossorigin="anonymous"`), src),
    "/trap/status.json": doc(TITLE),
    "/trap.html": page(module("/trap/status-widget.js"), "/trap/status.json", 'poll="0.3"', FALLBACK),
    "/two.json": twoIncidents(),
    // In the demo's narrow column (demo.css's <main>).
    "/long-text.html": page(module("/status-widget.js"), "/two.json").replace("<h1>", "<main><h1>").replace("</form>", "</form></main>"),
    // The page's own children as fallback: on a quiet day and during an incident, with
    // WebAssembly taken away before the loader runs, and with the loader never answered. (The
    // loader under its own URL: Chromium does not run a module again, in the same session, at a
    // URL whose integrity check failed, as sri-wrong.html's did.)
    "/quiet.json": JSON.stringify({ version: 1, service: { name: "Example" }, incidents: [] }),
    "/fallback-quiet.html": page(module("/status-widget.js?fallback"), "/quiet.json", 'theme="dark"', FALLBACK),
    "/fallback-active.html": page(module("/status-widget.js?fallback"), src, "", FALLBACK),
    // As where WebAssembly is switched off (iOS Lockdown Mode, a browser policy).
    "/no-webassembly.js": `Object.defineProperty(globalThis, "WebAssembly", { value: undefined, configurable: true });
      window.__webAssembly = typeof WebAssembly;`,
    "/fallback-no-webassembly.html": page(`<script src="/no-webassembly.js"></script>${module("/status-widget.js?fallback")}`, src, "", FALLBACK),
    "/fallback-hanging.html": page(module("/hanging/status-widget.js"), src, "", FALLBACK),
    // A login page deep in the site whose own policy would send its full address anywhere, with
    // one status file on another origin and one on its own.
    "/sign-in/deep/login.html": page(module("/status-widget.js"), `${status.url}/auth/active.json`)
      .replace("<title>", '<meta name="referrer" content="unsafe-url"><title>')
      .replace("</status-widget>", '</status-widget>\n  <status-widget id="same" src="/same/active.json"></status-widget>'),
    "/same/active.json": doc(TITLE),
    "/same/control.json": "{}",
  } });
  // A page whose policy allows scripts but not WebAssembly (no 'wasm-unsafe-eval').
  const noWasmCsp = `default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' ${status.url}`;
  wasmRefused = await serve(www, { headers: { "Content-Security-Policy": noWasmCsp }, extra: {
    "/favicon.ico": "",
    "/probe.js": probe,
    "/login.html": page(module("/status-widget.js"), src, "", FALLBACK),
  } });
  // Pages that pin the glue with their import map's integrity (an inline import map, so served
  // without the CSP above, which allows no inline script).
  const loaderHash = await sri("status-widget.js");
  const glueHash = await sri("pkg/status_widget_banner.js");
  const chunkLoaderHash = await sri("pkg/__wasm_split.js");
  const pinnedPage = (folder) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>Sign in</title>
    <script src="/probe.js"></script>
    <script type="importmap">${JSON.stringify({ integrity: { [`${pinned.url}/${folder}/pkg/status_widget_banner.js`]: glueHash,
      [`${pinned.url}/${folder}/pkg/__wasm_split.js`]: chunkLoaderHash } })}</script>
    <script type="module" src="/${folder}/status-widget.js" integrity="${loaderHash}" crossorigin="anonymous"></script>
    <h1>Sign in</h1>
    <status-widget src="${src}"></status-widget>
    <form><label for="email">Email</label><input id="email" type="email"></form>`;
  const realGlue = await readFile(join(www, "pkg", "status_widget_banner.js"), "utf8");
  const realWasm = await readFile(join(www, "pkg", "status_widget_banner_bg.wasm"));
  pinned = await serve(www, { extra: {
    "/favicon.ico": "",
    // Framed login pages (a page under the strict CSP above may not frame anything).
    "/two.json": twoIncidents(),
    ...Object.fromEntries(SIZES.map(([w, h]) => [`/login-${w}.html`, framed(w, h)])),
    "/probe.js": probe,
    "/good/status-widget.js": await readFile(join(www, "status-widget.js")),
    "/good/pkg/status_widget_banner.js": realGlue,
    "/good/pkg/status_widget_banner_bg.wasm": realWasm,
    "/good/pkg/__wasm_split.js": await readFile(join(www, "pkg", "__wasm_split.js")),
    "/bad/status-widget.js": await readFile(join(www, "status-widget.js")),
    "/bad/pkg/status_widget_banner.js": `${realGlue}\n;globalThis.__glueChanged = true;`,
    "/bad/pkg/status_widget_banner_bg.wasm": realWasm,
    "/bad/pkg/__wasm_split.js": await readFile(join(www, "pkg", "__wasm_split.js")),
  } });
  pinned.extra["/good.html"] = pinnedPage("good");
  pinned.extra["/bad.html"] = pinnedPage("bad");
});
after(async () => {
  await status?.close();
  await site?.close();
  await pinned?.close();
  await wasmRefused?.close();
});

for (const engine of engines) {
  describe(engine, () => {
    let b;
    before(async () => {
      b = await start(engine);
    });
    after(async () => {
      await b?.close();
    });

    test("under a strict CSP the banner shows and dismisses, and nothing is refused", async (t) => {
      t.diagnostic(b.version);
      await b.goto(site.url + "/csp.html");
      await bannerShows(b);
      await b.run(() => document.querySelector("status-widget").shadowRoot.querySelector(".dismiss").click());
      await b.waitFor("the banner is dismissed", () =>
        !document.querySelector("status-widget").shadowRoot.querySelector(".item"));
      await formTakesInput(b);
      assert.deepEqual(await b.run(() => ({ violations: __violations, errors: __errors })), { violations: [], errors: [] });
    });

    test("no request to another host, no cookie, no storage but the dismissal key", async () => {
      // The page above dismissed the banner; its requests and storage are still there.
      const origins = await b.run(() => [...new Set(performance.getEntriesByType("resource").map((r) => new URL(r.name).origin))]);
      assert.deepEqual(origins.filter((o) => o !== site.url && o !== status.url), [], "only the page's and the status file's hosts");
      assert.ok(origins.includes(status.url));
      assert.deepEqual(await b.cookies(), []);
      assert.deepEqual(await b.run(async () => ({
        cookie: document.cookie,
        local: Object.keys(localStorage),
        session: Object.keys(sessionStorage),
        databases: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : "indexedDB.databases() is missing",
        caches: self.caches ? await caches.keys() : "caches is missing",
      })), { cookie: "", local: ["status-widget:dismissed"], session: [], databases: [], caches: [] });
      await b.run(() => localStorage.clear());
    });

    test("the status request carries no cookie, credentials or page address, though the browser holds all three", async () => {
      // The reader is signed in to the status host with HTTP credentials and has a cookie for
      // it (cookies ignore the port); the login page's own policy is unsafe-url.
      const signIn = status.url.replace("//", "//user:secret@") + "/auth/sign-in.html?challenge";
      await b.goto(signIn);
      const login = `${site.url}/sign-in/deep/login.html?next=%2Fcourses`;
      await b.goto(login);
      await b.run(() => { document.cookie = "status_widget_test_session=secret; path=/"; });
      await b.waitFor("both banners show", () => [...document.querySelectorAll("status-widget")]
        .every((e) => e.shadowRoot?.querySelector(".item")));
      // Controls: requests without the widget's options carry all three, so the checks can fail.
      await b.run(async (url) => {
        await fetch(url + "/auth/control.json", { credentials: "include" });
        await fetch("/same/control.json");
      }, status.url);
      await b.run(() => { document.cookie = "status_widget_test_session=; max-age=0; path=/"; });
      const last = (server, path) => server.log.filter((r) => r.path === path).at(-1)?.headers ?? {};
      const control = last(status, "/auth/control.json");
      assert.match(control.cookie ?? "", /secret/, "the control request must carry the cookie");
      assert.equal(control.authorization, CREDENTIALS, "the control request must carry the HTTP credentials");
      assert.equal(control.referer, login, "the control request must carry the page's full address");
      assert.equal(last(site, "/same/control.json").referer, login, "a same-origin control request carries the full address");

      const widget = [...status.log.filter((r) => r.path === "/auth/active.json"),
        ...site.log.filter((r) => r.path === "/same/active.json")];
      assert.equal(new Set(widget.map((r) => r.path)).size, 2, "both status files were read");
      for (const r of widget) {
        assert.equal(r.method, "GET", "no preflight");
        assert.equal(r.headers.cookie, undefined, `no cookie (${r.path})`);
        assert.equal(r.headers.authorization, undefined, `no credentials (${r.path})`);
        assert.equal(r.headers.referer, site.url + "/", `the referrer is the origin only (${r.path})`);
      }
    });

    for (const [width, height] of SIZES) {
      test(`at ${width}×${height} two active incidents leave the login form's first input in view, their text clamped`, async (t) => {
        await b.goto(`${pinned.url}/login-${width}.html`);
        const layout = await b.waitFor("the banner shows with its clamped texts measured", framedLayout);
        t.diagnostic(`${engine}: the first input spans ${layout.inputTop.toFixed(1)}-${layout.inputBottom.toFixed(1)} px of ${height}`);
        assert.deepEqual(layout.viewport, [width, height]);
        const small = width <= 480; // SMALL_SCREEN: one item, then "and 1 more"
        assert.equal(layout.items, small ? 1 : 2, JSON.stringify(layout));
        assert.equal(layout.andMore, small ? "and 1 more" : null);
        assert.ok(layout.inputBottom <= height, `the first input ends at ${layout.inputBottom} px of ${height}`);
        assert.ok(layout.scrollWidth <= width, `the page scrolls sideways: ${layout.scrollWidth} px`);
        assert.ok(layout.clamped.every(Boolean), "each long text is clamped");
        assert.ok(layout.buttons.every((b) => b.expanded === "false" && /^Show more: (Login fails|Grading)/.test(b.text)),
          JSON.stringify(layout.buttons));
        // For the record (target/e2e), once the item's 160 ms entrance has run.
        await new Promise((resolve) => setTimeout(resolve, 400));
        await mkdir(shots, { recursive: true });
        await writeFile(join(shots, `banner-${engine}-${width}.png`), await b.screenshot("iframe"));
      });
    }

    test("\"Show more\" opens and closes the clamped text from the keyboard, keeping focus", async () => {
      await b.goto(site.url + "/long-text.html");
      await b.waitFor("the banner shows a clamped text", () =>
        document.querySelector("status-widget").shadowRoot?.querySelector(".more-text"));
      const state = () => {
        const root = document.querySelector("status-widget").shadowRoot;
        const button = root.querySelector(".more-text");
        const clamp = button.closest(".item").querySelector(".clamp");
        return { expanded: button.getAttribute("aria-expanded"), label: button.textContent,
          hidden: clamp.scrollHeight - clamp.clientHeight, focused: root.activeElement === button };
      };
      await b.run(() => document.querySelector("status-widget").shadowRoot.querySelector(".more-text").focus());
      assert.deepEqual(await b.run(state).then((s) => [s.expanded, s.focused, s.hidden > 0]), ["false", true, true]);
      await b.press("\uE007"); // Enter
      await b.waitFor("the text opens", () =>
        document.querySelector("status-widget").shadowRoot.querySelector(".more-text").getAttribute("aria-expanded") === "true");
      const open = await b.run(state);
      assert.ok(open.hidden <= 1 && open.focused && /^Show less: /.test(open.label), JSON.stringify(open));
      await b.press(" "); // Space
      await b.waitFor("the text closes", () =>
        document.querySelector("status-widget").shadowRoot.querySelector(".more-text").getAttribute("aria-expanded") === "false");
      const closed = await b.run(state);
      assert.ok(closed.hidden > 0 && closed.focused, JSON.stringify(closed));
      assert.deepEqual(await b.run(() => ({ violations: __violations, errors: __errors })), { violations: [], errors: [] });
    });

    test("the loader works behind integrity=, and a wrong hash leaves the page alone", async () => {
      await b.goto(site.url + "/sri.html");
      await bannerShows(b);
      await b.goto(site.url + "/sri-wrong.html");
      await b.waitFor("the page's own script runs", () => __ticks > 10);
      assert.equal(await b.run(() => customElements.get("status-widget") === undefined), true, "the loader was refused");
      assert.equal(await b.run(() => document.querySelector("status-widget").getBoundingClientRect().height), 0);
      await formTakesInput(b);
      assert.deepEqual(await b.run(() => __errors), []);
    });

    test("a wasm that differs from the one the pinned loader names is refused, and the page is left alone", async () => {
      await b.goto(site.url + "/tampered.html");
      await b.waitFor("the widget says it could not load", () => __events.includes("load"));
      assert.equal(await b.run(() => customElements.get("status-widget") === undefined), true, "nothing ran from it");
      assert.equal(await b.run(() => document.querySelector("status-widget").getBoundingClientRect().height), 0);
      await formTakesInput(b);
      assert.deepEqual(await b.run(() => ({ errors: __errors, ticks: __ticks > 0 })), { errors: [], ticks: true });
    });

    test("with the glue pinned by the import map, a changed glue never runs and the page is left alone", async () => {
      await b.goto(pinned.url + "/good.html");
      await b.waitFor("the banner shows with everything pinned", (title) =>
        [...document.querySelector("status-widget").shadowRoot?.querySelectorAll(".item") ?? []]
          .some((item) => item.textContent.includes(title)), {}, TITLE);
      await b.goto(pinned.url + "/bad.html");
      await b.waitFor("the widget says it could not load", () => __events.includes("load"));
      assert.equal(await b.run(() => globalThis.__glueChanged === undefined), true, "the changed glue did not run");
      assert.equal(await b.run(() => document.querySelector("status-widget").getBoundingClientRect().height), 0);
      await formTakesInput(b);
      assert.deepEqual(await b.run(() => __errors), []);
    });

    test("a Statuspage document loads its reader as a chunk, once, under the strict CSP", async () => {
      const before = site.log.length;
      await b.goto(site.url + "/statuspage.html");
      await b.waitFor("the Statuspage incident shows", (title) =>
        [...document.querySelector("status-widget").shadowRoot?.querySelectorAll(".item") ?? []]
          .some((item) => item.textContent.includes(title)), {}, SP_TITLE);
      assert.equal(await b.run(fallbackShown), false, "the banner takes the fallback's place");
      const asked = site.log.slice(before).map((r) => r.path).filter((path) => path.startsWith("/pkg/"));
      assert.deepEqual(asked.filter((path) => path === "/pkg/split_foreign.wasm"), ["/pkg/split_foreign.wasm"]);
      assert.deepEqual(await b.run(() => ({ violations: __violations, errors: __errors })), { violations: [], errors: [] });
    });

    test("a page without public-key never asks for the trust chunk; one with it verifies the signed file through it, under the strict CSP", async () => {
      let before = site.log.length;
      await b.goto(site.url + "/unsigned.html");
      await b.waitFor("the unsigned file is read", () => __events.includes("update"));
      const chunk = "/pkg/split_trust.wasm";
      assert.deepEqual(site.log.slice(before).filter((r) => r.path === chunk), [], "no trust chunk without public-key");
      before = site.log.length;
      await b.goto(site.url + "/signed.html");
      await b.waitFor("the signed incident shows", () =>
        [...document.querySelector("status-widget").shadowRoot?.querySelectorAll(".item") ?? []]
          .some((item) => item.textContent.includes("Sign-in is failing")));
      assert.deepEqual(site.log.slice(before).map((r) => r.path).filter((path) => path === chunk), [chunk]);
      assert.deepEqual(await b.run(() => ({ violations: __violations, errors: __errors, events: __events })),
        { violations: [], errors: [], events: ["update"] });
    });

    test("each banner speaks its language, whose words the loader fetches beside the wasm, once", async () => {
      const before = site.log.length;
      await b.goto(site.url + "/words.html");
      await b.waitFor("the three banners show", () =>
        [...document.querySelectorAll("status-widget")].every((w) => w.shadowRoot?.querySelector(".item")),
      { timeout: 20_000 });
      const shown = await b.run(() => [...document.querySelectorAll("status-widget")].map((w) =>
        [w.shadowRoot.querySelector(".theme").getAttribute("lang"), w.shadowRoot.querySelector(".item").textContent]));
      assert.equal(shown[0][0].split("-")[0], "de");
      assert.match(shown[0][1], /Schwere Störung/, "the page's language");
      assert.equal(shown[1][0], "fr-CA");
      assert.match(shown[1][1], /Incident majeur/, "the element's own language");
      assert.equal(shown[2][0].split("-")[0], "en");
      assert.match(shown[2][1], /Major incident/, "English for a language the widget does not speak");
      const log = site.log.slice(before);
      const wasm = log.find((r) => r.path === "/words/pkg/status_widget_banner_bg.wasm");
      const chunks = log.filter((r) => /^\/words\/pkg\/(split|chunk)_/.test(r.path));
      assert.deepEqual(chunks.map((r) => r.path).filter((path) => path.includes("split_")).sort(),
        ["/words/pkg/split_lang_de.wasm", "/words/pkg/split_lang_fr.wasm"], "German and French words, nothing else");
      assert.equal(new Set(chunks.map((r) => r.path)).size, chunks.length, "no chunk asked for twice");
      for (const chunk of chunks) {
        assert.ok(chunk.time < wasm.time + WASM_LATE_MS, `${chunk.path} asked for while the wasm downloads`);
      }
      assert.deepEqual(await b.run(() => ({ violations: __violations, errors: __errors })), { violations: [], errors: [] });
    });

    test("a German page's banner says in German that a file older than max-age is of unknown status", async () => {
      await b.goto(site.url + "/words-stale.html");
      await b.waitFor("the banner says the status is unknown", () =>
        document.querySelector("status-widget").shadowRoot?.querySelector(".unknown"));
      assert.match(await b.run(shadowText), /Status unbekannt/);
      assert.equal(await b.run(() => document.querySelector("status-widget").getAttribute("level")), "unknown");
      assert.deepEqual(await b.run(() => ({ violations: __violations, errors: __errors })), { violations: [], errors: [] });
    });

    test("with its words' chunk missing (404), a German page's banner speaks English", async () => {
      await b.goto(site.url + "/words-missing.html");
      await b.waitFor("the banner shows", () => document.querySelector("status-widget").shadowRoot?.querySelector(".item"));
      assert.ok(site.log.some((r) => r.path === "/words-missing/pkg/split_lang_de.wasm" && r.status === 404));
      assert.match(await b.run(shadowText), /Major incident/);
      assert.match(await b.run(shadowText), new RegExp(TITLE));
      assert.deepEqual(await b.run(() => ({ violations: __violations, errors: __errors })), { violations: [], errors: [] });
    });

    for (const [folder, what] of [["chunk-missing", "missing (404)"], ["chunk-tampered", "failing its integrity check"]]) {
      test(`with the reader's chunk ${what}, the page's own children show, the form works, and the event says why`, async () => {
        await b.goto(`${site.url}/${folder}.html`);
        await b.waitFor("the widget says it could not load", () => __events.includes("load"));
        assert.ok(site.log.some((r) => r.path === `/${folder}/pkg/split_foreign.wasm`), "the chunk was asked for");
        assert.equal(await b.run(fallbackShown), true, "the page's own children show");
        assert.equal(await b.run(shadowText).then((text) => text.includes(SP_TITLE)), false, "nothing of the file is shown");
        const { message } = await b.run(() => __details.find((d) => d.kind === "load"));
        assert.match(message, /statuspage documents could not be loaded/, "the event says what could not load");
        await formTakesInput(b);
        assert.deepEqual(await b.run(() => __errors), [], "nothing thrown into the page");
      });
    }

    test("a trap inside the wasm empties the widget and leaves the page and its form working", async () => {
      site.extra["/trap/status.json"] = doc(TITLE);
      await b.goto(site.url + "/trap.html");
      await b.waitFor("the banner shows", () => document.querySelector("status-widget").shadowRoot?.querySelector(".item"));
      assert.equal(await b.run(fallbackShown), false, "the banner takes the fallback's place");
      // The next poll reads a file on which this build panics.
      site.extra["/trap/status.json"] = doc(PANIC);
      await b.waitFor("the widget reports an internal error", () => __events.includes("internal"));
      assert.equal(await b.run(shadowText), "", "no half-rendered banner");
      assert.equal(await b.run(fallbackShown), true, "the page's own fallback shows again");
      assert.ok((await b.run(() => __errors)).some((e) => /unreachable|RuntimeError/i.test(e)), "the trap is not hidden");

      // The page goes on: its timers run, its form takes input, and the widget stays quiet.
      const ticks = await b.run(() => __ticks);
      await formTakesInput(b);
      site.extra["/trap/status.json"] = doc("Login is slow again");
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.ok(await b.run(() => __ticks) > ticks);
      assert.equal(await b.run(shadowText), "");

      // An element added after the trap stays empty and says why.
      await b.run(() => document.body.append(Object.assign(document.createElement("status-widget"), { id: "late" })));
      await b.waitFor("the new element reports the error", () => __events.filter((k) => k === "internal").length >= 2);
      assert.equal(await b.run(() => document.getElementById("late").shadowRoot?.textContent ?? ""), "");
      assert.equal(await b.run(fallbackShown), true);
    });

    test("the page's own children show on a quiet day, give way to the banner, and come back when it is dismissed", async () => {
      await b.goto(site.url + "/fallback-quiet.html");
      await b.waitFor("the quiet file was read", () => __events.includes("update"));
      assert.equal(await b.run(() => document.querySelector("status-widget").shadowRoot !== null), true, "the widget runs");
      assert.equal(await b.run(fallbackShown), true, "nothing to say: the page's own link shows");
      // The widget's dark theme colours its own text only: the page's children keep the page's.
      assert.equal(await b.run(() => getComputedStyle(document.getElementById("fallback")).color),
        await b.run(() => getComputedStyle(document.body).color), "the fallback keeps the page's own colour");

      await b.goto(site.url + "/fallback-active.html");
      await b.waitFor("the banner shows", () => document.querySelector("status-widget").shadowRoot?.querySelector(".item"));
      assert.equal(await b.run(fallbackShown), false, "the banner takes its place");
      await b.run(() => document.querySelector("status-widget").shadowRoot.querySelector(".dismiss").click());
      await b.waitFor("the page's own link shows again once the banner is dismissed", fallbackShown);
      assert.deepEqual(await b.run(() => ({ violations: __violations, errors: __errors })), { violations: [], errors: [] });
      await b.run(() => localStorage.clear());
    });

    test("with the wasm refused by the page's CSP, the page's own children show and the form works", async () => {
      await b.goto(wasmRefused.url + "/login.html");
      await b.waitFor("the widget says it could not load", () => __events.includes("load"));
      assert.equal(await b.run(fallbackShown), true);
      assert.equal(await b.run(() => customElements.get("status-widget") === undefined), true, "never defined");
      const { message } = await b.run(() => __details.find((d) => d.kind === "load"));
      assert.match(message, /CSP|Content Security Policy/i, "the event says why");
      await formTakesInput(b);
      assert.deepEqual(await b.run(() => __errors), []);
    });

    test("with WebAssembly taken away, nothing is downloaded and the page's own children show", async () => {
      const before = site.log.length;
      await b.goto(site.url + "/fallback-no-webassembly.html");
      await b.waitFor("the widget says it could not load", () => __events.includes("load"));
      assert.equal(await b.run(() => window.__webAssembly), "undefined", "the page took WebAssembly away");
      assert.equal(await b.run(fallbackShown), true);
      const asked = site.log.slice(before).map((r) => r.path);
      assert.ok(asked.includes("/status-widget.js"), "the loader was loaded");
      assert.deepEqual(asked.filter((path) => path.startsWith("/pkg/")), [], "no glue or wasm requested");
      await formTakesInput(b);
      assert.deepEqual(await b.run(() => __errors), []);
    });

    test("with the loader never arriving, the page's own children show and the form works", async () => {
      // A session that does not wait for the page's load event, which the hanging loader holds back.
      const eager = await start(engine, { pageLoadStrategy: "none" });
      try {
        await eager.goto(site.url + "/fallback-hanging.html");
        await eager.waitFor("the page is laid out and a second has passed", () =>
          document.getElementById("email") && performance.now() > 1000);
        assert.ok(site.log.some((r) => r.path === "/hanging/status-widget.js"), "the loader was asked for");
        assert.equal(await eager.run(() => customElements.get("status-widget") === undefined), true);
        assert.equal(await eager.run(fallbackShown), true);
        await formTakesInput(eager);
      } finally {
        await eager.close();
      }
    });
  });
}
