// A small W3C WebDriver client for the end-to-end checks that must hold in every engine:
// Chromium (chromedriver), Firefox (geckodriver) and WebKit (WebKitWebDriver + MiniBrowser, the
// engine behind Safari; needs a display, so scripts/test runs the checks under xvfb-run). All
// three come from Debian or crates.io (scripts/setup); nothing is downloaded here.
import { spawn } from "node:child_process";
import { createServer } from "node:net";

const ENGINES = {
  chromium: {
    driver: (port) => ["chromedriver", [`--port=${port}`]],
    capabilities: { browserName: "chrome", "goog:chromeOptions": {
      binary: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic"] } },
  },
  firefox: {
    driver: (port) => ["geckodriver", ["--port", String(port)]],
    capabilities: { browserName: "firefox", "moz:firefoxOptions": { args: ["-headless"] } },
  },
  webkit: {
    driver: (port) => [process.env.WEBKIT_WEBDRIVER ?? "/usr/bin/WebKitWebDriver", [`--port=${port}`]],
    capabilities: { "webkitgtk:browserOptions": {
      binary: process.env.WEBKIT_MINIBROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
      args: ["--automation"] } },
  },
};

/** The engines the checks run in. */
export const engines = Object.keys(ENGINES);

const freePort = () => new Promise((resolve) => {
  const server = createServer().listen(0, "127.0.0.1", () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

/**
 * Starts `engine`'s driver and a browser session. Close it with `close()`. `pageLoadStrategy`
 * "none" makes `goto` return at once instead of after the page's load event.
 */
export async function start(engine, { pageLoadStrategy = "normal" } = {}) {
  const spec = ENGINES[engine];
  const port = await freePort();
  const [command, args] = spec.driver(port);
  const driver = spawn(command, args, { stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(base + path, { method, headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body) });
    const { value } = await response.json();
    if (!response.ok) throw new Error(`${engine} WebDriver ${method} ${path}: ${value?.error}: ${value?.message}`);
    return value;
  };
  for (let i = 0; ; i++) {
    try {
      if ((await call("GET", "/status")).ready !== false) break;
    } catch (error) {
      if (i > 100) throw new Error(`${command} did not start: ${error.message}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { sessionId, capabilities } = await call("POST", "/session", { capabilities: { alwaysMatch: { ...spec.capabilities, pageLoadStrategy } } });
  const s = `/session/${sessionId}`;
  // Room for a desktop-sized frame; an engine that cannot resize keeps its own size.
  await call("POST", `${s}/window/rect`, { width: 1280, height: 1000 }).catch(() => {});
  const session = {
    engine,
    version: `${capabilities.browserName} ${capabilities.browserVersion}`,
    goto: (url) => call("POST", `${s}/url`, { url }),
    /** Runs `fn(...args)` in the page and returns its (awaited) result. */
    run: (fn, ...args) => call("POST", `${s}/execute/async`, {
      script: `const done = arguments[arguments.length - 1];
        Promise.resolve((${fn}).apply(null, Array.from(arguments).slice(0, -1)))
          .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ error: String(e) }));`,
      args,
    }).then((r) => {
      if (r && "error" in r) throw new Error(`${engine}: in the page: ${r.error}`);
      return r?.ok;
    }),
    /** Waits until `fn(...args)` is truthy in the page; returns its value. */
    async waitFor(what, fn, { timeout = 10_000 } = {}, ...args) {
      const until = Date.now() + timeout;
      for (;;) {
        const value = await session.run(fn, ...args).catch(() => undefined);
        if (value) return value;
        if (Date.now() > until) throw new Error(`${engine}: timed out waiting until ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    /** Types `text` into the element `selector` as a user would. */
    async type(selector, text) {
      const element = await call("POST", `${s}/element`, { using: "css selector", value: selector });
      const id = Object.values(element)[0];
      await call("POST", `${s}/element/${id}/click`, {});
      await call("POST", `${s}/element/${id}/value`, { text });
    },
    /** Presses `key` (a character or a WebDriver key code such as "\uE007", Enter) where the
     *  page's focus is, as a keyboard would. */
    async press(key) {
      await call("POST", `${s}/actions`, { actions: [{ type: "key", id: "keyboard",
        actions: [{ type: "keyDown", value: key }, { type: "keyUp", value: key }] }] });
      await call("DELETE", `${s}/actions`);
    },
    /** A PNG of the element `selector` as the browser paints it. */
    async screenshot(selector) {
      const element = await call("POST", `${s}/element`, { using: "css selector", value: selector });
      return Buffer.from(await call("GET", `${s}/element/${Object.values(element)[0]}/screenshot`), "base64");
    },
    cookies: () => call("GET", `${s}/cookie`),
    /** The page printed as the browser prints it (WebDriver's Print Page: Chromium and Firefox;
     *  WebKitWebDriver 2.50 answers "unknown command"), as PDF bytes. */
    print: async (options = {}) => Buffer.from(await call("POST", `${s}/print`, options), "base64"),
    async close() {
      await call("DELETE", s).catch(() => {});
      driver.kill();
    },
  };
  return session;
}
