// The critical path's byte budget (scripts/test runs it; README, "What a page downloads"): loads a
// login page in headless Chromium for each kind of document a banner may read, waits for its
// banner, and adds up gzip -9 of every file of the widget the browser requested (the loader, the
// glue, the wasm and whatever chunks Rust loaded). The status file itself is the site's data and
// is not counted. Fails when a kind is over its budget, or when the banner never showed.
//
//   node scripts/budget.mjs
//
// A change that must add bytes to the critical path raises its budget here, in the same commit,
// and says why.
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { launch, www } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/static-server.mjs";

const KIB = 1024;
/** Each kind of page: its status file (the project's own examples), its banner's words, its budget. */
const KINDS = [
  {
    name: "(a) a status-widget (v1) document, English page",
    file: "demo-active.json",
    shows: (doc) => doc.incidents[0].title,
    // Issue 25's target is 80 KiB (stretch 60); the budget is what the build holds today
    // (161.5 KiB: loader 3.1, glue 6.8, chunk loader 1.8, wasm 149.8). Raised once, from 162 to
    // 164 KiB, for reading large files without long tasks (the JSON parse and the incidents in
    // slices, the body taken as bytes: +2.6 KiB); lowered to 162 since, when the other
    // languages' words became chunks (-0.6 KiB: wasm -2.2, chunk loader +1.3, the loader's
    // prefetch of them +0.2) and the banner stopped comparing and copying its items (-1.4 KiB).
    // Lowered to 145 KiB (144.9: loader 3.1, glue 6.8, chunk loader 1.8, wasm 133.1) when the
    // release let the compiler inline across crates (-Zcross-crate-inline-threshold=always in
    // scripts/build): -20 KiB, of which the workspace split (crates/status-core) had cost 1.5.
    // Raised to 150 KiB (149.3: wasm 137.5) for texts in several languages (issue 28): reading
    // a `{"en": …, "de": …}` text and choosing its language (Reader::words, the file's
    // `language`, their problems' messages), each text's `lang` and `dir` on the banner's
    // elements and in its announcements, the element's language wanted for the file's words,
    // the update event's `title`, reading a file again when the element's language changes:
    // +4.4 KiB. The check of untranslated updates is left to the page build and `check`.
    // Raised to 151 KiB (150.5: wasm 138.5, glue 6.9, chunk loader 2.0) for signed files and
    // link-origins (issue 29), though their code (the signature's fetch and check through
    // WebCrypto, the replay rule, the links' origins: 6.7 KiB) is the `trust` chunk, which only
    // an element with public-key or link-origins downloads. What every page still pays, +1.2 KiB:
    // the file's reader is called from that chunk too, so the main module keeps its coroutine
    // out of line (+1.2 KB raw; every structure that kept it inlined cost more: checks before
    // and after the read in the main module +2.4 KB, one fetch loop for file and signature
    // +3.2 KB, a boxed read +0.3 KiB gzip more), the chunk's entry in the chunk loader (+0.15),
    // the two attributes, the `signature` error kind and the chunk's error (+0.3), and
    // `Reflect.apply`'s glue, through which WebCrypto is called by name (+0.1; web-sys's
    // bindings for it cost +0.2 in the glue every page downloads).
    budget: 151 * KIB,
  },
  {
    name: "(a') the same on a German page, with its words' chunks",
    file: "demo-active.json",
    lang: "de",
    shows: (doc) => doc.incidents[0].title,
    // (a) and German's words (split_lang_de.wasm, with the strings German shares with Dutch,
    // Polish and Swedish in chunk_*.wasm): 162.5 KiB.
    // 145.9 KiB since the cross-crate inlining above (was 162.5); 150.3 with texts in several
    // languages (+4.4 KiB, as (a)); 151.6 with signed files and link-origins (+1.2, as (a)).
    budget: 152 * KIB,
  },
  {
    name: "(b) a Statuspage document, with its chunk",
    file: "statuspage-summary.json",
    shows: (doc) => doc.incidents[0].name,
    // The same, and the `foreign` chunk (24.5 KiB: the seven readers and the markup reader);
    // 186.0 KiB. Raised from 186 to 189 KiB with the line above, lowered to 187 with it.
    // 168.5 KiB since the cross-crate inlining above (was 186.0; the chunk 24.7 -> 23.6);
    // 173.9 with texts in several languages (+4.4 KiB as (a); the chunk +1.0: every reader's
    // titles are texts that carry their language, cState's from its `languageCode`).
    // 175.8 with signed files and link-origins (+1.2 as (a), and +0.7: the standard library's
    // string and list code that the `foreign` and `trust` chunks share is a chunk of its own,
    // chunk_*.wasm, 1.0 KiB, where it was 0.3 inside the foreign chunk).
    budget: 176 * KIB,
  },
];

const page = (src, lang = "en") => `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>Sign in</title>
<script type="module" src="/status-widget.js"></script>
<h1>Sign in</h1>
<status-widget src="${src}" poll="0"><p>Trouble signing in? See the status page.</p></status-widget>
<form><label for="email">Email</label><input id="email" type="email"></form>`;

const server = await serve(www, {
  extra: Object.fromEntries(KINDS.map((kind, i) => [`/budget-${i}.html`, page(`/${kind.file}`, kind.lang)])),
});
const browser = await launch();
let over = 0;
try {
  console.log("bytes a banner page downloads (gzip -9 of each file of the widget the browser requested):");
  for (const [i, kind] of KINDS.entries()) {
    const words = kind.shows(JSON.parse(await readFile(join(www, kind.file), "utf8")));
    const context = await browser.newContext();
    const tab = await context.newPage();
    const first = server.log.length;
    await tab.goto(`${server.url}/budget-${i}.html`);
    await tab.waitForFunction(
      (text) => document.querySelector("status-widget")?.shadowRoot?.textContent.includes(text),
      words, { timeout: 30_000 },
    ).catch(() => {
      throw new Error(`${kind.name}: the banner never showed "${words}"`);
    });
    await tab.waitForLoadState("networkidle");
    await context.close();
    const files = [...new Set(server.log.slice(first).map((entry) => entry.path))]
      .filter((path) => path === "/status-widget.js" || path.startsWith("/pkg/"));
    let total = 0;
    const parts = [];
    for (const path of files) {
      const gzip = gzipSync(await readFile(join(www, path)), { level: 9 }).length;
      total += gzip;
      parts.push(`${path.slice(1)} ${(gzip / KIB).toFixed(1)}`);
    }
    const fits = total <= kind.budget;
    if (!fits) over++;
    console.log(`  ${kind.name}: ${(total / KIB).toFixed(1)} KiB of ${(kind.budget / KIB).toFixed(0)} KiB ` +
      `${fits ? "(within budget)" : "OVER BUDGET"}\n    ${parts.join(" + ")}`);
  }
  // The page build is reported, not budgeted: it is never on a login page's critical path.
  let pageTotal = 0;
  for (const file of ["status-widget.js", "pkg/status_widget.js", "pkg/status_widget_bg.wasm"]) {
    pageTotal += gzipSync(await readFile(join(www, file)), { level: 9 }).length;
  }
  console.log(`  the status page build (reported, no budget): ${(pageTotal / KIB).toFixed(1)} KiB`);
} finally {
  await browser.close();
  await server.close();
}
if (over > 0) {
  console.error(`${over} kind(s) of page over the byte budget: see scripts/budget.mjs`);
  process.exit(1);
}
