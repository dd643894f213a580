// One status file, two languages, in Chromium, Firefox and WebKit through WebDriver
// (webdriver.mjs): the demo login page (www/index.html) reads the bilingual seed incident
// (tests/fixtures/seed-bilingual.json) as it stood on Tuesday at 09:40, once as a German page
// and once as a British one. Each shows the incident in its own language, marked so, with the
// widget's words around it in that language too; both banners are saved as screenshots in
// target/e2e/ (languages-ENGINE-de.png, languages-ENGINE-en.png). The choice in detail, the
// indicator, the page and the untranslated update: tests/browser_languages.rs.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { root, shots, www } from "./browser.mjs";
import { serve } from "./static-server.mjs";
import { engines, start } from "./webdriver.mjs";

/** The bilingual seed incident on Tuesday 5 November at 09:40 UTC: its first seven updates,
 *  identified, not yet resolved. */
async function asOfTuesday() {
  const doc = JSON.parse(await readFile(join(root, "tests", "fixtures", "seed-bilingual.json"), "utf8"));
  const incident = doc.incidents[0];
  incident.updates = incident.updates.slice(0, 7);
  incident.status = "identified";
  delete incident.resolved_at;
  return JSON.stringify(doc);
}

/** The demo login page reading the bilingual file, in `lang` (the page's own language). */
const loginPage = async (lang) => (await readFile(join(www, "index.html"), "utf8"))
  .replace('<html lang="en">', `<html lang="${lang}">`)
  .replaceAll('src="status.json"', 'src="/bilingual.json"');

/** In the page: the banner's headline, its text and their languages, and the widget's label. */
const banner = () => {
  const shadow = document.querySelector("#banner")?.shadowRoot;
  const title = shadow?.querySelector(".item strong");
  const text = shadow?.querySelector(".item .text");
  if (!title || !text) return null;
  return {
    title: title.textContent,
    titleLang: title.getAttribute("lang"),
    text: text.textContent,
    textLang: text.getAttribute("lang"),
    rootLang: shadow.querySelector(".theme").getAttribute("lang"),
    label: shadow.querySelector(".item .label")?.textContent ?? shadow.querySelector(".item")?.textContent,
  };
};

let site;
before(async () => {
  await mkdir(shots, { recursive: true });
  site = await serve(www, { extra: {
    "/bilingual.json": await asOfTuesday(),
    "/login-de.html": await loginPage("de"),
    "/login-en-GB.html": await loginPage("en-GB"),
    "/favicon.ico": "",
  } });
});
after(async () => {
  await site?.close();
});

for (const engine of engines) {
  describe(`one file in two languages in ${engine}`, () => {
    let b;
    before(async () => {
      b = await start(engine);
    });
    after(async () => {
      await b?.close();
    });

    test("a German page shows the German words and a British one the English, each marked", async (t) => {
      t.diagnostic(b.version);
      const expected = {
        de: {
          title: "Störung bei neuen Anmeldungen",
          text: "Problem mit Safari und iOS erkannt. Hinweis in der App aktualisiert.",
          lang: "de",
          label: "Schwere Störung",
        },
        "en-GB": {
          title: "Incident related to new logins",
          text: "Issue with Safari and iOS identified. Message update on the app.",
          lang: "en",
          label: "Major incident",
        },
      };
      for (const [page, want] of Object.entries(expected)) {
        await b.goto(`${site.url}/login-${page}.html`);
        const seen = await b.waitFor(`the ${page} banner shows`, banner, { timeout: 20_000 });
        assert.equal(seen.title, want.title, page);
        assert.equal(seen.titleLang, want.lang, page);
        assert.equal(seen.text, want.text, page);
        assert.equal(seen.textLang, want.lang, page);
        assert.equal(seen.rootLang.split("-")[0], page.split("-")[0], page);
        assert.ok(seen.label.includes(want.label), `${page}: ${seen.label}`);
        // The login card: the banner above the form it sits beside.
        const png = await b.screenshot(".card");
        assert.ok(png.length > 4000, `${page}: a screenshot of ${png.length} bytes shows nothing`);
        await writeFile(join(shots, `languages-${engine}-${want.lang}.png`), png);
      }
    });
  });
}
