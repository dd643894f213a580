// Writes the loader with both builds' JS glue inlined and their wasm's sha384 written in, so that
// a page that pins the loader with integrity="…" has every byte verified: the glue is part of
// the pinned file, and the wasm is fetched with `integrity`, which the browser checks.
//
//   node scripts/inline-loader.mjs BANNER_GLUE PAGE_GLUE OUT
//
// BANNER_GLUE and PAGE_GLUE are wasm-bindgen's unminified `--target web` glue (NAME.js, with
// NAME_bg.wasm beside it); scripts/build minifies OUT afterwards. The glue is an ES module:
// each becomes a function that runs its body in a scope of its own and returns its exports, so
// the two never share state (one wasm instance each), and nothing is imported at run time.
import { readFileSync, writeFileSync } from "node:fs";
import { sri as integrityOf } from "./sri.mjs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [bannerGlue, pageGlue, out] = process.argv.slice(2);
if (!out) {
  console.error("usage: node scripts/inline-loader.mjs BANNER_GLUE PAGE_GLUE OUT");
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const loader = readFileSync(join(root, "src", "embed", "status-widget.js"), "utf8");

/** The glue module at `path` as a function returning its exports. */
function factory(name, path) {
  let code = readFileSync(path, "utf8").replace(/^\/\* @ts-self-types=.*\*\/\n/m, "");
  const exported = [];
  code = code.replace(/^export (class|function|async function) (\w+)/gm, (_, kind, id) => {
    exported.push(id);
    return `${kind} ${id}`;
  });
  code = code.replace(/^export \{([^}]*)\};?\s*$/gm, (_, list) => {
    for (const item of list.split(",").map((s) => s.trim()).filter(Boolean)) {
      const [local, as] = item.split(/\s+as\s+/);
      exported.push(as ? `${as}: ${local}` : local);
    }
    return "";
  });
  // wasm-bindgen's default wasm location is never used (the loader passes the verified response);
  // left in, bundlers would look for a file that is not there.
  code = code.replace(/module_or_path = new URL\('[^']+', import\.meta\.url\);/,
    'throw new Error("status-widget: no wasm given");');
  if (/^\s*(export|import)\b/m.test(code)) throw new Error(`${path}: an import or export was left`);
  if (!exported.includes("default: __wbg_init")) throw new Error(`${path}: no default export found`);
  return `function ${name}() {\n${code}\nreturn { ${exported.join(", ")} };\n}\n`;
}

/** The integrity of the wasm beside the glue at `glue`. */
const sri = (glue) => integrityOf(join(dirname(glue), `${basename(glue, ".js")}_bg.wasm`));

const start = loader.indexOf("// BUILD: glue");
const end = loader.indexOf("// BUILD: end", start);
if (start < 0 || end < 0) throw new Error("src/embed/status-widget.js: the // BUILD: glue … // BUILD: end block is missing");
const inlined = `// Each build's glue, inlined by scripts/inline-loader.mjs, and the sha384 of its wasm.
${factory("bannerGlue", bannerGlue)}
${factory("pageGlue", pageGlue)}
const glue = { banner: async () => bannerGlue(), page: async () => pageGlue() };
const integrity = { banner: ${JSON.stringify(sri(bannerGlue))}, page: ${JSON.stringify(sri(pageGlue))} };
`;
writeFileSync(out, loader.slice(0, start) + inlined + loader.slice(end + "// BUILD: end".length));
