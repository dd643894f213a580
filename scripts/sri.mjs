// Subresource integrity: the sha384 of files, as integrity="…" writes it. Run as a script, it
// prints "FILE sha384-…" for each FILE (relative to --from DIR when given); scripts/build,
// scripts/release and scripts/pin-wasm.mjs share it.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The integrity value of the file at `path`. */
export const sri = (path) => `sha384-${createHash("sha384").update(readFileSync(path)).digest("base64")}`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let args = process.argv.slice(2);
  let from = ".";
  if (args[0] === "--from") [, from, ...args] = args;
  for (const file of args) console.log(`${file.padEnd(40)} ${sri(resolve(from, file))}`);
}
