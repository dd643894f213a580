// Shared by the end-to-end checks: Debian's Chromium launched headless by playwright-core (with
// the flags this machine's closed network needs), and pages opened with error collection.
import { chromium } from "playwright-core";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const www = join(root, "www");
export const shots = join(root, "target", "e2e");

/** Launches Debian's Chromium (or $CHROMIUM); nothing is downloaded. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--enable-precise-memory-info",
      "--no-first-run", "--disable-component-update", "--disable-sync"],
  });
}

/** Opens `url` in a fresh context; `problems` collects page errors and console errors. */
export async function open(browser, url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console.error: ${m.text()} (${m.location().url})`));
  await page.goto(url);
  return { page, context, problems };
}

/** axe-core's WCAG 2.1 A/AA violations of serious or critical impact, as readable lines. */
export async function seriousViolations(page, tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]) {
  const { readFile } = await import("node:fs/promises");
  await page.addScriptTag({ content: await readFile(join(root, "node_modules", "axe-core", "axe.min.js"), "utf8") });
  const result = await page.evaluate((runOnly) => axe.run(document, { runOnly }), tags);
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  return { result, lines: serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`) };
}
