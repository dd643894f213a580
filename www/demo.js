// Demo only: ?status=FILE points both widgets at another file in this folder; ?cross-origin reads
// it from the second server scripts/demo starts on the next port (another origin, through CORS).
const params = new URLSearchParams(location.search);
const file = params.get("status");
const name = file && /^[\w.-]+\.json$/.test(file) ? file : null;
if (name || params.has("cross-origin")) {
  const origin = params.has("cross-origin")
    ? `${location.protocol}//${location.hostname}:${Number(location.port || 80) + 1}/`
    : "";
  for (const widget of document.querySelectorAll("status-widget")) {
    widget.setAttribute("src", origin + (name || "status.json"));
  }
}
