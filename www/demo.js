// Demo only: ?status=FILE points both widgets at another file in this folder.
const file = new URLSearchParams(location.search).get("status");
if (file && /^[\w.-]+\.json$/.test(file)) {
  for (const widget of document.querySelectorAll("status-widget")) widget.setAttribute("src", file);
}
