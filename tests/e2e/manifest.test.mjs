// End-to-end: the package's types (src/embed/types/status-widget.d.ts, react.d.ts) and custom
// elements manifest (custom-elements.json) against the real element in Chromium, so that they
// cannot drift: its observed attributes, the events it fires, every part its banner, indicator,
// stale line and page render, and the custom properties its stylesheets read. Then `tsc --noEmit`
// on a small usage file of each.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { launch, open, root, www } from "./browser.mjs";
import { serve } from "./static-server.mjs";

const types = join(root, "src", "embed", "types");
const manifest = JSON.parse(await readFile(join(types, "custom-elements.json"), "utf8"));
const element = manifest.modules[0].declarations.find((d) => d.tagName === "status-widget");
const dts = await readFile(join(types, "status-widget.d.ts"), "utf8");

const iso = (minutes) => new Date(Date.now() + minutes * 60_000).toISOString();
/** Every kind of item, so that every part name is rendered somewhere. */
const everything = JSON.stringify({
  version: 1,
  service: { name: "Example", status_page: "https://status.example.org/",
    contact: [{ label: "Email support", href: "mailto:support@example.org" }] },
  updated_at: iso(-1),
  components: [{ id: "login", name: "Login", status: "partial_outage" }],
  notices: [{ id: "info", title: "Exam week", level: "info" }, { id: "warn", title: "Slow uploads", level: "warning" }],
  maintenances: [{ id: "db", title: "Database upgrade", status: "in_progress", starts_at: iso(-10), ends_at: iso(50) }],
  incidents: ["none", "minor", "major", "critical"].map((impact, i) => ({
    id: `i-${impact}`, title: `An ${impact} incident`, impact, status: "identified", started_at: iso(-30 - i),
    updates: [{ at: iso(-20), body: "Looking into it." }] })).concat([{ id: "old", title: "Old", impact: "major",
    status: "resolved", started_at: iso(-3000), resolved_at: iso(-2900), updates: [{ at: iso(-2900), body: "Fixed." }] }]),
});
const stale = JSON.stringify({ version: 1, updated_at: iso(-600), incidents: [] });

let browser, server;
before(async () => {
  browser = await launch();
  server = await serve(www, { extra: {
    "/favicon.ico": "",
    "/everything.json": everything,
    "/stale.json": stale,
    "/parts.html": `<!doctype html><html lang="en"><meta charset="utf-8"><title>Parts</title>
      <script>window.__events = new Set(); for (const t of ["status-widget-update", "status-widget-error",
        "status-widget:update", "status-widget:error"]) document.addEventListener(t, () => __events.add(t));</script>
      <script type="module" src="/status-widget.js"></script>
      <status-widget id="banner" src="/everything.json" poll="0"></status-widget>
      <status-widget id="indicator" mode="indicator" src="/everything.json" poll="0"></status-widget>
      <status-widget id="stale" src="/stale.json" max-age="60" poll="0"></status-widget>
      <status-widget id="missing" src="/missing.json" poll="0"></status-widget>
      <status-widget id="page" mode="page" src="/everything.json" poll="0"></status-widget>`,
  } });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("the manifest and the types name the element's real attributes, events, parts, slot and custom properties", async () => {
  const { page, context } = await open(browser, `${server.url}/parts.html`);
  await page.waitForFunction(() => document.querySelector("#page")?.shadowRoot?.querySelector(".timeline")
    && document.querySelector("#banner")?.shadowRoot?.querySelector(".item")
    && document.querySelector("#stale")?.shadowRoot?.querySelector(".unknown")
    && window.__events.has("status-widget-error"));
  // Show every banner item ("and N more"), then gather every part name rendered.
  await page.evaluate(() => document.querySelector("#banner").shadowRoot.querySelector("button.more").click());
  await page.waitForFunction(() => document.querySelector("#banner").shadowRoot.querySelectorAll(".item").length > 2);
  const seen = await page.evaluate(() => {
    const parts = new Set();
    const slots = new Set();
    for (const host of document.querySelectorAll("status-widget")) {
      for (const el of host.shadowRoot.querySelectorAll("[part]")) for (const p of el.part) parts.add(p);
      for (const slot of host.shadowRoot.querySelectorAll("slot")) slots.add(slot.name);
    }
    return { parts: [...parts].sort(), slots: [...slots].sort(), events: [...window.__events].sort(),
      observed: customElements.get("status-widget").observedAttributes,
      level: document.querySelector("#banner").level };
  });
  await context.close();

  const attributes = element.attributes.map((a) => a.name);
  assert.deepEqual(attributes.filter((a) => a !== "level").sort(), [...seen.observed].sort(),
    "the manifest's attributes are the observed ones (and `level`, which the element sets)");
  assert.deepEqual(element.cssParts.map((p) => p.name).sort(), seen.parts, "every part, and only parts that exist");
  assert.deepEqual(element.slots.map((s) => s.name).sort(), seen.slots, "the slot (the page's fallback content)");
  assert.deepEqual(element.events.map((e) => e.name).sort(), seen.events, "the events the element fires");
  assert.deepEqual(element.cssStates.map((s) => s.name).sort(),
    ["critical", "maintenance", "major", "minor", "none", "unknown"]);
  assert.equal(seen.level, "critical");

  const css = (await readFile(join(root, "src", "embed", "style.css"), "utf8")) +
    (await readFile(join(root, "src", "embed", "page.css"), "utf8"));
  const properties = [...new Set(css.match(/--status-widget-[a-z-]+/g))].sort();
  assert.deepEqual(element.cssProperties.map((p) => p.name).sort(), properties);

  // The types: every attribute, event and member the manifest names.
  const block = (name) => dts.slice(dts.indexOf(`interface ${name}`), dts.indexOf("\n}", dts.indexOf(`interface ${name}`)));
  for (const attribute of seen.observed) {
    assert.match(block("StatusWidgetAttributes"), new RegExp(`\\n  "?${attribute}"?\\?:`), attribute);
  }
  for (const event of seen.events) assert.ok(block("StatusWidgetEventMap").includes(`"${event}"`), event);
  for (const member of element.members) assert.ok(block("StatusWidgetElement").includes(`${member.name}`), member.name);
});

test("tsc accepts code using the types, plain and in React 19's JSX", async () => {
  const dir = join(root, "target", "e2e", "types");
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "usage.ts"), `import { ready, deriveStatus, type StatusShown, type UptimeState } from "status-widget";
    const widget = document.createElement("status-widget");
    widget.setAttribute("src", "https://status.example.org/status.json");
    widget.addEventListener("status-widget-update", (event) => {
      const level: StatusShown = event.detail.level;
      const active: number = event.detail.active;
      console.log(level, active, widget.level, widget.state?.stale);
    });
    widget.addEventListener("status-widget-error", (event) => console.log(event.detail.kind));
    widget.refresh();
    document.querySelector("status-widget")?.refresh();
    await ready;
    const derived = await deriveStatus({ version: 1, incidents: [] }, new Date(), { "max-age": 3600 });
    await deriveStatus("{}", Date.now(), widget);
    console.log(derived.level, derived.active.map((item) => item.title));
    for (const window of derived.uptime) {
      const worst: UptimeState | undefined = window.days.at(-1)?.state;
      const percent: number = window.percent ?? 0;
      console.log(window.name, worst, percent, window.days.map((day) => day.partialOutageMs));
    }
    export {};
  `);
  await writeFile(join(dir, "app.tsx"), `import type {} from "status-widget/react";
    export function Login() {
      return <status-widget src="/status.json" mode="banner" max-age={600}
        onstatus-widget-update={(event) => console.log(event.detail.level)} />;
    }
  `);
  await writeFile(join(dir, "tsconfig.json"), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: "ES2022", module: "ESNext", moduleResolution: "Bundler",
      jsx: "react-jsx", lib: ["ES2022", "DOM"], skipLibCheck: false, types: [],
      paths: { "status-widget": [join(types, "status-widget.d.ts")], "status-widget/react": [join(types, "react.d.ts")] } },
    files: ["usage.ts", "app.tsx"],
  }));
  await promisify(execFile)(join(root, "node_modules", ".bin", "tsc"), ["-p", dir]).catch((error) => {
    throw new Error(`tsc --noEmit failed:\n${error.stdout}${error.stderr}`);
  });
});
