// A static file server on 127.0.0.1 for the end-to-end checks: correct MIME types, optional
// CORS, ETag/304, and a log of every request so tests can see what the widget asked for.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { extname, join, normalize } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".png": "image/png",
};

/** The HTTP Basic credentials the `?challenge` requests ask for: user "user", password "secret". */
export const CREDENTIALS = "Basic " + Buffer.from("user:secret").toString("base64");

/**
 * Serves `root` (a folder) plus `extra` (path -> text) on a free loopback port.
 * Returns { url, log, extra, close }; `extra` may be changed while serving. With `cors`, every
 * answer allows any origin, with credentials (the origin is echoed), so that a control request
 * can show what a browser *would* send. A request whose query has `challenge` is answered
 * 401 with a Basic challenge unless it carries CREDENTIALS, so a browser learns and caches them.
 * A request whose query has `delay=MS` is answered MS milliseconds late (a slow image, say); one
 * whose path matches a pattern in `hang` is never answered (a CDN that does not respond) until
 * the server closes; one whose path matches a pattern of `slow` ([pattern, ms] pairs) is answered
 * that many milliseconds late (a large file on a slow network).
 */
export async function serve(root, { cors = false, extra = {}, headers = {}, compress = false, immutable = [], hang = [], slow = [] } = {}) {
  const log = [];
  // With `compress`, bodies go out brotli- or gzip-compressed as the request accepts, as a CDN
  // serves them (compressed once per body). Paths matching a pattern in `immutable` are cached
  // by the browser for a year, as versioned files on a CDN are; everything else revalidates.
  const compressed = new Map();
  const encode = (body, encoding) => {
    const key = encoding + createHash("sha256").update(body).digest("hex");
    if (!compressed.has(key)) {
      compressed.set(key, encoding === "br"
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : gzipSync(body, { level: 9 }));
    }
    return compressed.get(key);
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const entry = { path, method: req.method, headers: req.headers, time: Date.now() };
    log.push(entry);
    const writeHead = res.writeHead.bind(res);
    res.writeHead = (status, ...rest) => {
      entry.status = status;
      return writeHead(status, ...rest);
    };
    if (hang.some((pattern) => pattern.test(path))) return;
    const delay = Number(new URL(req.url, "http://x").searchParams.get("delay")) ||
      slow.find(([pattern]) => pattern.test(path))?.[1];
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const common = { ...headers };
    if (cors && req.headers.origin) {
      Object.assign(common, { "Access-Control-Allow-Origin": req.headers.origin,
        "Access-Control-Allow-Credentials": "true", Vary: "Origin" });
    } else if (cors) {
      common["Access-Control-Allow-Origin"] = "*";
    }
    if (new URL(req.url, "http://x").searchParams.has("challenge") && req.headers.authorization !== CREDENTIALS) {
      res.writeHead(401, { ...common, "WWW-Authenticate": 'Basic realm="status-widget-test"', "Content-Type": "text/plain" });
      return res.end("credentials needed");
    }
    try {
      let body;
      if (path in extra) {
        body = Buffer.from(extra[path]);
      } else {
        const file = normalize(join(root, path.endsWith("/") ? path + "index.html" : path));
        if (!file.startsWith(normalize(root))) throw new Error("outside the root");
        if (!(await stat(file)).isFile()) throw new Error("not a file");
        body = await readFile(file);
      }
      const etag = '"' + createHash("sha256").update(body).digest("hex").slice(0, 16) + '"';
      const type = TYPES[extname(path)] ?? "application/octet-stream";
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, { ...common, ETag: etag, "Cache-Control": "no-cache" });
        return res.end();
      }
      const caching = immutable.some((pattern) => pattern.test(path)) ? "public, max-age=31536000, immutable" : "no-cache";
      const accepts = String(req.headers["accept-encoding"] ?? "");
      const encoding = !compress || body.length < 256 ? null : /\bbr\b/.test(accepts) ? "br" : /\bgzip\b/.test(accepts) ? "gzip" : null;
      if (encoding) {
        body = encode(body, encoding);
        Object.assign(common, { "Content-Encoding": encoding, Vary: "Accept-Encoding" });
      }
      res.writeHead(200, { ...common, "Content-Type": type, ETag: etag, "Cache-Control": caching });
      res.end(body);
    } catch {
      res.writeHead(404, { ...common, "Content-Type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  const close = () => new Promise((resolve) => {
    server.close(resolve);
    server.closeAllConnections(); // the hanging ones too
  });
  return { url, log, extra, close };
}
