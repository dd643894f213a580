#!/usr/bin/env python3
"""The browser tests' status host, on 127.0.0.1 only.

A second origin next to the test runner's page, so every widget request in the tests is
cross-origin, as on a real login page with a status file on a CDN. Routes (KEY is any name a
test picks, so tests never share state):

  POST /doc/KEY            store the request body as KEY's document (a simple request: no preflight)
  GET  /doc/KEY            serve it as JSON with an ETag and Cache-Control: no-cache (304 when unchanged)
  GET  /status/CODE/KEY    answer with HTTP CODE
  GET  /html/KEY           answer 200 with an HTML error page
  GET  /hang/KEY           never answer (the connection is closed after HANG_SECONDS)
  GET  /log/KEY            the requests made for KEY so far: [{method, path, headers, time}]
  GET  /fixture/NAME       a file of the bad-input corpus (tests/fixtures/bad/), as a static host would
  GET  /real/DIR/NAME      a real status document, read where it lies (../shared/fixtures/real/DIR/NAME;
                           third-party data, never copied into the repository)
  POST /offline/KEY        body "1": /doc/KEY drops every connection without an answer; "0": back
  GET  /trickle/KEY        KEY's document, one byte every 0.5 s
  GET  /loop/KEY           a redirect to itself
  GET  /type/KEY           KEY's document as text/plain (as some static hosts serve .json)
  GET  /nocors/KEY         KEY's document without CORS headers (the browser refuses it)
  GET  /auth/KEY           KEY's document; with ?challenge, a 401 Basic challenge unless the request
                           carries the credentials user:secret (so a browser learns and caches them)
  POST /expect             what the running step is ({"engine", "time_zone"}), from scripts/test
  GET  /expect             that, or {} when nothing was said
  POST /skip               a check a test could not make in this engine (the body says which and why)
  POST /skips/take         those lines, one a line, and forgets them (scripts/test reports them)
  GET  /health             "ok"

Every answer carries CORS headers; the origin is echoed with Allow-Credentials so that a
control request with credentials can prove a cookie *would* be seen.
"""
import argparse
import base64
import hashlib
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HANG_SECONDS = 30
CREDENTIALS = "Basic " + base64.b64encode(b"user:secret").decode()
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "bad")
REAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "fixtures", "real")
docs = {}
logs = {}
offline = set()
expected = {}
skips = []
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def cors(self):
        if self.path.startswith("/nocors/"):
            return
        origin = self.headers.get("Origin")
        if origin:
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Access-Control-Allow-Credentials", "true")
            self.send_header("Vary", "Origin")
        else:
            self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Expose-Headers", "ETag")

    def reply(self, code, body=b"", content_type="application/json", extra=()):
        self.send_response(code)
        self.cors()
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def record(self, key):
        with lock:
            logs.setdefault(key, []).append({
                "method": self.command,
                "path": self.path,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "time": time.time(),
            })

    def do_OPTIONS(self):
        parts = self.path.split("?")[0].strip("/").split("/")
        self.record(parts[-1] if parts else "")
        self.send_response(204)
        self.cors()
        self.send_header("Access-Control-Allow-Methods", "GET, POST")
        self.send_header("Access-Control-Allow-Headers", "Content-Type")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self):
        parts = self.path.split("?")[0].strip("/").split("/")
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        if len(parts) == 2 and parts[0] == "doc":
            with lock:
                docs[parts[1]] = body
            self.reply(204)
        elif len(parts) == 2 and parts[0] == "offline":
            with lock:
                (offline.add if body == b"1" else offline.discard)(parts[1])
            self.reply(204)
        elif parts == ["expect"]:
            with lock:
                expected.clear()
                expected.update(json.loads(body or b"{}"))
            self.reply(204)
        elif parts == ["skip"]:
            with lock:
                skips.append(body.decode("utf-8", "replace").replace("\n", " "))
            self.reply(204)
        elif parts == ["skips", "take"]:
            with lock:
                lines = "\n".join(skips).encode()
                skips.clear()
            self.reply(200, lines, "text/plain")
        else:
            self.reply(404, b'{"error": "unknown route"}')

    def do_GET(self):
        parts = self.path.split("?")[0].strip("/").split("/")
        route, key = parts[0], parts[-1]
        if route == "health":
            return self.reply(200, b"ok", "text/plain")
        if route == "expect":
            with lock:
                body = json.dumps(expected).encode()
            return self.reply(200, body, extra=[("Cache-Control", "no-store")])
        if route == "log":
            with lock:
                body = json.dumps(logs.get(key, [])).encode()
            return self.reply(200, body, extra=[("Cache-Control", "no-store")])
        self.record(key)
        if route == "fixture":
            names = os.listdir(FIXTURES)
            if key not in names:
                return self.reply(404, b'{"error": "no such fixture"}')
            with open(os.path.join(FIXTURES, key), "rb") as f:
                body = f.read()
            return self.reply(200, body, "text/html" if key.endswith(".html") else "application/json")
        if route == "real" and len(parts) == 3:
            folder = os.path.join(REAL, parts[1])
            # Only names listed in a folder of the real documents: no path leaves it.
            if parts[1] not in os.listdir(REAL) or parts[2] not in os.listdir(folder):
                return self.reply(404, b'{"error": "no such real document"}')
            with open(os.path.join(folder, parts[2]), "rb") as f:
                body = f.read()
            return self.reply(200, body, extra=[("Cache-Control", "no-store")])
        if route == "auth":
            query = self.path.partition("?")[2]
            if "challenge" in query and self.headers.get("Authorization") != CREDENTIALS:
                return self.reply(401, b'{"error": "credentials needed"}',
                                  extra=[("WWW-Authenticate", 'Basic realm="status-widget-test"')])
            with lock:
                body = docs.get(key, b"{}")
            return self.reply(200, body, extra=[("Cache-Control", "no-store")])
        if route in ("trickle", "type", "nocors"):
            with lock:
                body = docs.get(key, b"")
            if route == "trickle":
                self.send_response(200)
                self.cors()
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    for i in range(len(body)):
                        self.wfile.write(body[i:i + 1])
                        self.wfile.flush()
                        time.sleep(0.5)
                except (ConnectionResetError, BrokenPipeError):
                    pass
                self.close_connection = True
                return
            return self.reply(200, body, "text/plain" if route == "type" else "application/json")
        if route == "loop":
            return self.reply(302, b"", extra=[("Location", self.path)])
        if route == "doc":
            with lock:
                down = key in offline
            if down:
                self.close_connection = True
                return
            with lock:
                body = docs.get(key)
            if body is None:
                return self.reply(404, b'{"error": "no such document"}')
            etag = '"%s"' % hashlib.sha256(body).hexdigest()[:16]
            headers = [("ETag", etag), ("Cache-Control", "no-cache")]
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.cors()
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            return self.reply(200, body, extra=headers)
        if route == "status" and len(parts) == 3 and parts[1].isdigit():
            return self.reply(int(parts[1]), b'{"error": "on purpose"}')
        if route == "html":
            return self.reply(200, b"<!doctype html><title>502 Bad Gateway</title><h1>Bad Gateway</h1>", "text/html")
        if route == "hang":
            time.sleep(HANG_SECONDS)
            self.close_connection = True
            return
        self.reply(404, b'{"error": "unknown route"}')


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # Browsers reset connections when a test aborts a request or closes: expected, not news.
        import sys
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=38765)
    args = parser.parse_args()
    server = Server(("127.0.0.1", args.port), Handler)
    print(f"test server on http://127.0.0.1:{args.port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
