// Writes the sha384 of each wasm chunk into the banner build's __wasm_split.js (the chunk loader
// that wasm-split-cli writes), so that a chunk is fetched with `integrity` as the loader fetches
// the main wasm: a chunk whose bytes differ from the build's is refused by the browser, and Rust
// gets a load error instead of running it. __wasm_split.js itself is pinned by the page's import
// map, like the glue that imports it (README, "Subresource integrity").
//
//   node scripts/pin-chunks.mjs DIR     (DIR holds __wasm_split.js and the chunks, after wasm-opt)
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sri } from "./sri.mjs";

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node scripts/pin-chunks.mjs DIR");
  process.exit(2);
}
const file = join(dir, "__wasm_split.js");
let loader = readFileSync(file, "utf8");
const chunks = readdirSync(dir).filter((name) => /^(split|chunk)_.*\.wasm$/.test(name));
if (chunks.length === 0) throw new Error(`${dir}: no chunks (split_*.wasm) to pin`);
for (const chunk of chunks) {
  const unpinned = `fetch(new URL("./${chunk}", import.meta.url))`;
  const count = loader.split(unpinned).length - 1;
  if (count !== 1) throw new Error(`${file}: expected one \`${unpinned}\`, found ${count}`);
  loader = loader.replace(unpinned, `fetch(new URL("./${chunk}", import.meta.url), { integrity: ${JSON.stringify(sri(join(dir, chunk)))} })`);
}
if (/fetch\(new URL\("[^"]+\.wasm", import\.meta\.url\)\)/.test(loader)) {
  throw new Error(`${file}: a chunk is fetched without integrity, but no such file is in ${dir}`);
}
writeFileSync(file, loader);
