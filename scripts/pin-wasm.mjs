// Writes the loader with the sha384 of each build's wasm written in, so that a page that pins the
// loader with integrity="…" pins the wasm too: the loader fetches it with `integrity`, which the
// browser checks. (The JS glue is pinned by the page's import map; README, "Subresource
// integrity".)
//
//   node scripts/pin-wasm.mjs BANNER_WASM PAGE_WASM OUT
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sri } from "./sri.mjs";

const [banner, page, out] = process.argv.slice(2);
if (!out) {
  console.error("usage: node scripts/pin-wasm.mjs BANNER_WASM PAGE_WASM OUT");
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const loader = readFileSync(join(root, "src", "embed", "status-widget.js"), "utf8");
const unpinned = "const integrity = { banner: undefined, page: undefined };";
if (!loader.includes(unpinned)) throw new Error(`src/embed/status-widget.js: \`${unpinned}\` is missing`);
const pinned = `const integrity = { banner: ${JSON.stringify(sri(banner))}, page: ${JSON.stringify(sri(page))} };`;
writeFileSync(out, loader.replace(unpinned, pinned));
