// End-to-end: the release's npm package (dist/status-widget-VERSION.tgz, from scripts/release)
// installed into fresh projects as a site owner would, each page opened in Chromium with the
// banner shown: a static page with an import map, a Vite build, and a React 19 page (built by
// Vite) that renders <status-widget> and listens to its events through React's props. Vite and
// React come from the repository's node_modules (scripts/setup); the package from the tarball.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { launch, open, root } from "./browser.mjs";
import { serve } from "./static-server.mjs";
import { statuspageDocument } from "./documents.mjs";

const run = promisify(execFile);
const dist = join(root, "dist");
const projects = join(root, "target", "e2e", "projects");
const iso = (minutes) => new Date(Date.now() + minutes * 60_000).toISOString();
const status = JSON.stringify({
  version: 1,
  service: { name: "Example", status_page: "https://status.example.org/" },
  updated_at: iso(-1),
  incidents: [{ id: "safari", title: "Login fails on Safari", impact: "major", status: "identified",
    started_at: iso(-30), updates: [{ at: iso(-20), body: "Safari blocks third-party cookies." }] }],
});

// A Statuspage document: the banner reads it with its `foreign` chunk, which a bundler must emit
// beside the wasm (pkg/__wasm_split.js names it with import.meta.url).
const statuspage = statuspageDocument({ name: "Grading is slow", impact: "minor", status: "monitoring",
  body: "A fix is rolling out." });

/** A fresh project folder with the package installed from the tarball, nothing else. */
async function project(name, files) {
  const dir = join(projects, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, "public"), { recursive: true });
  await writeFile(join(dir, "package.json"), JSON.stringify({ name: `sw-${name}`, private: true, type: "module" }));
  const tarball = (await readdir(dist)).find((f) => /^status-widget-.*\.tgz$/.test(f));
  assert.ok(tarball, "dist/ holds the package: run scripts/release");
  await run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--no-package-lock", join(dist, tarball)], { cwd: dir });
  await writeFile(join(dir, "public", "status.json"), status);
  await writeFile(join(dir, "public", "statuspage.json"), statuspage);
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
  return dir;
}

/** Builds `dir` with Vite (resolved from the repository's node_modules) into dir/dist. */
async function viteBuild(dir) {
  const { build } = await import("vite");
  await build({ root: dir, logLevel: "silent", build: { outDir: join(dir, "dist"), emptyOutDir: true } });
  return join(dir, "dist");
}

let browser;
const servers = [];
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
});

/** Serves `dir`, opens `path`, waits for every widget's banner; returns the first one's text, every
 *  one's, the page's own records, and keeps a screenshot as target/e2e/package-NAME.png. */
async function shown(dir, name, path = "/index.html") {
  const server = await serve(dir, { extra: { "/favicon.ico": "" } });
  servers.push(server);
  const { page, context, problems } = await open(browser, server.url + path);
  await page.waitForFunction(() => [...document.querySelectorAll("status-widget")]
    .every((widget) => widget.shadowRoot?.querySelector(".item")), null, { polling: "raf" });
  const text = await page.locator("status-widget .item").first().innerText();
  const texts = await page.locator("status-widget .item").allInnerTexts();
  await page.waitForTimeout(300); // the item's 160 ms fade-in, for the screenshot
  await page.screenshot({ path: join(root, "target", "e2e", `package-${name}.png`), fullPage: true });
  const records = await page.evaluate(() => window.__records ?? null);
  await context.close();
  return { text, texts, records, problems, log: server.log };
}

test("a static page with an import map loads the installed package", async () => {
  const dir = await project("importmap", {
    "index.html": `<!doctype html><html lang="en"><meta charset="utf-8"><title>Import map</title>
      <script type="importmap">{ "imports": { "status-widget": "./node_modules/status-widget/status-widget.js" } }</script>
      <script type="module">import "status-widget";</script>
      <status-widget src="/public/status.json"></status-widget>`,
  });
  const { text, problems } = await shown(dir, "importmap");
  assert.match(text, /Login fails on Safari/);
  assert.deepEqual(problems, []);
});

test("a Vite build bundles the package, copying its glue, its wasm and its chunk", async () => {
  const dir = await project("vite", {
    "index.html": `<!doctype html><html lang="en"><meta charset="utf-8"><title>Vite</title>
      <script type="module" src="/main.js"></script>
      <status-widget src="/status.json"></status-widget>
      <status-widget src="/statuspage.json"></status-widget>`,
    "main.js": `import { ready } from "status-widget";\nready.then(() => console.log("status-widget ready"));\n`,
  });
  const out = await viteBuild(dir);
  const assets = await readdir(join(out, "assets"));
  assert.ok(assets.some((f) => f.endsWith(".wasm")), `the wasm is among the built assets: ${assets}`);
  // Every chunk of the package (readers, each language's words, what they share) is emitted too,
  // or, under Vite's 4 KiB asset inlining limit (the words), written into the JS as a data: URL.
  const pkg = join(dist, "package", "pkg");
  const chunks = (await readdir(pkg)).filter((f) => /^(split|chunk)_/.test(f));
  assert.ok(chunks.includes("split_lang_de.wasm"), `the package carries the chunks: ${chunks}`);
  const scripts = (await Promise.all(assets.filter((f) => f.endsWith(".js"))
    .map((f) => readFile(join(out, "assets", f), "utf8")))).join("\n");
  for (const chunk of chunks) {
    const emitted = assets.some((f) => f.startsWith(`${chunk.replace(/\.wasm$/, "")}-`));
    const inlined = scripts.includes((await readFile(join(pkg, chunk))).toString("base64"));
    assert.ok(emitted || inlined, `${chunk} is among the built assets or inlined: ${assets}`);
  }
  const { text, texts, problems, log } = await shown(out, "vite");
  assert.match(text, /Login fails on Safari/);
  assert.match(texts[1], /Grading is slow/, "the Statuspage document's banner, read with the chunk");
  assert.ok(log.some((entry) => entry.path.startsWith("/assets/") && entry.path.endsWith(".wasm")),
    "the page loaded the wasm from Vite's assets");
  assert.ok(log.some((entry) => /^\/assets\/split_foreign.*\.wasm$/.test(entry.path) && entry.status === 200),
    `the page loaded the chunk from Vite's assets: ${log.map((entry) => entry.path)}`);
  assert.deepEqual(problems, []);
});

test("a React 19 page renders <status-widget> and hears its events through React's props", async () => {
  const dir = await project("react", {
    "index.html": `<!doctype html><html lang="en"><meta charset="utf-8"><title>React</title>
      <div id="app"></div><script type="module" src="/main.js"></script>`,
    "main.js": `import "status-widget";
      import { createElement, useState } from "react";
      import { createRoot } from "react-dom/client";
      window.__records = [];
      function Login() {
        const [level, setLevel] = useState("unknown");
        return createElement("main", null,
          createElement("status-widget", { src: "/status.json", "onstatus-widget-update": (event) => {
            window.__records.push(event.detail.level);
            setLevel(event.detail.level);
          } }),
          createElement("p", { id: "level" }, "Level: " + level));
      }
      createRoot(document.getElementById("app")).render(createElement(Login));
    `,
  });
  const { text, records, problems } = await shown(await viteBuild(dir), "react");
  assert.match(text, /Login fails on Safari/);
  assert.deepEqual(records, ["major"], "React's onstatus-widget-update prop heard the event");
  assert.deepEqual(problems, []);
});
