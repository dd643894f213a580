// Rewrites the banner build's __wasm_split.js (the chunk loader that wasm-split-cli writes):
// - each chunk is fetched with its sha384, as the loader fetches the main wasm: a chunk whose
//   bytes differ from the build's is refused by the browser, and Rust gets a load error instead
//   of running it. __wasm_split.js itself is pinned by the page's import map, like the glue that
//   imports it (README, "Subresource integrity");
// - it exports `prefetch(split)`, which starts the downloads a split point needs (its chunk and
//   the shared chunks it depends on) before Rust asks for them; the split's first load then takes
//   those responses over instead of asking again. The loader calls it for what its early read
//   shows will be needed (a page's language), so that the download runs beside the wasm's.
// Every chunk URL stays written as `new URL("./X.wasm", import.meta.url)`, the form bundlers
// follow to emit the file.
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
const chunks = readdirSync(dir).filter((name) => /^(split|chunk)_.*\.wasm$/.test(name)).sort();
if (chunks.length === 0) throw new Error(`${dir}: no chunks (split_*.wasm) to pin`);
const url = (chunk) => `new URL("./${chunk}", import.meta.url)`;
const integrity = Object.fromEntries(chunks.map((chunk) => [chunk, JSON.stringify(sri(join(dir, chunk)))]));
for (const chunk of chunks) {
  const unpinned = `fetch(${url(chunk)})`;
  const count = loader.split(unpinned).length - 1;
  if (count !== 1) throw new Error(`${file}: expected one \`${unpinned}\`, found ${count}`);
  loader = loader.replace(unpinned, `__fetchChunk(${url(chunk)}, ${integrity[chunk]})`);
}
if (/fetch\(new URL\("[^"]+\.wasm", import\.meta\.url\)\)/.test(loader)) {
  throw new Error(`${file}: a chunk is fetched without integrity, but no such file is in ${dir}`);
}

// What each split point downloads: `export const __wasm_split_load_NAME = wrapAsyncCb(makeLoad(
// () => { ... "./split_NAME.wasm" ... }, [__chunk_N, ...]))`, the shared chunks being
// `const __chunk_N = makeLoad(... "./chunk_N.wasm" ...)`.
const splits = [...loader.matchAll(
  /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{[^]*?"\.\/(split_\w+\.wasm)"[^]*?\n, \[([^\]]*)\]\)\);/g,
)].map(([, name, own, deps]) => {
  const shared = deps.split(",").map((dep) => dep.trim()).filter(Boolean).map((dep) => {
    const chunk = `${dep.replace(/^__/, "")}.wasm`;
    if (!chunks.includes(chunk)) throw new Error(`${file}: ${name} depends on ${dep}, but ${chunk} is not in ${dir}`);
    return chunk;
  });
  return [name, [own, ...shared]];
});
const named = splits.flatMap(([, files]) => files);
for (const chunk of chunks) {
  if (!named.includes(chunk)) throw new Error(`${file}: no split point downloads ${chunk}`);
}
const table = splits.map(([name, files]) =>
  `  ${name}: () => [${files.map((chunk) => `[${url(chunk)}, ${integrity[chunk]}]`).join(", ")}],`).join("\n");
loader += `
// ---- Added by scripts/pin-chunks.mjs -------------------------------------------------------------
// Downloads started early by prefetch(), by URL, until a split's first load takes them over.
const __early = new Map();
function __fetchChunk(url, integrity) {
  const early = __early.get(url.href);
  __early.delete(url.href);
  return early ?? fetch(url, { integrity });
}
// The files each split point downloads, with their sha384.
const __splitFiles = {
${table}
};
/** Starts the downloads split point \`name\` needs (\`lang_de\`, …), unless they are under way; a
 *  name without a chunk of its own (\`lang_en\`) starts nothing. */
export function prefetch(name) {
  for (const [url, integrity] of Object.hasOwn(__splitFiles, name) ? __splitFiles[name]() : []) {
    if (__early.has(url.href)) continue;
    const response = fetch(url, { integrity });
    response.catch(() => {}); // a failed download is the split's load error, when Rust asks
    __early.set(url.href, response);
  }
}
`;
writeFileSync(file, loader);
