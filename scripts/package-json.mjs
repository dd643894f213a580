// Prints the npm package's package.json for version argv[2] (scripts/release writes it into
// dist/package/). One place for what the package declares: entry points, types, the custom
// elements manifest, and the CDN entry that jsDelivr and unpkg serve for a bare package URL.
const version = process.argv[2];
const manifest = {
  name: "status-widget",
  version,
  description:
    "Outage banners and incident summaries for login pages, from a static status file: a web component in Rust compiled to WebAssembly.",
  license: "MIT OR Apache-2.0",
  type: "module",
  main: "./status-widget.js",
  module: "./status-widget.js",
  types: "./status-widget.d.ts",
  exports: {
    ".": { types: "./status-widget.d.ts", default: "./status-widget.js" },
    "./react": { types: "./react.d.ts" },
    "./custom-elements.json": "./custom-elements.json",
    "./pkg/*": "./pkg/*",
    "./package.json": "./package.json",
  },
  files: [
    "status-widget.js",
    "pkg/status_widget_banner.js",
    "pkg/status_widget_banner_bg.wasm",
    "pkg/__wasm_split.js",
    "pkg/split_*.wasm",
    "pkg/chunk_*.wasm",
    "pkg/status_widget.js",
    "pkg/status_widget_bg.wasm",
    "status-widget.d.ts",
    "react.d.ts",
    "custom-elements.json",
    "README.md",
    "LICENSE-MIT",
    "LICENSE-APACHE",
  ],
  customElements: "custom-elements.json",
  // Importing the loader defines <status-widget>: bundlers must keep it.
  sideEffects: ["./status-widget.js"],
  jsdelivr: "./status-widget.js",
  unpkg: "./status-widget.js",
  keywords: ["status", "status-page", "outage", "incident", "web-component", "custom-element", "wasm"],
};
process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
