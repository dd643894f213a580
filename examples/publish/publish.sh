#!/bin/sh
# Publishes a status folder: checks status.json, copies what readers need into OUT_DIR and writes
# the feeds and the badge beside it, then (with DEPLOY set) uploads OUT_DIR. Never copied: the
# previous version (status.json.bak), the lock file, the signing key, and the notification settings with their
# webhook names (status.notify.json).
#
# Usage: publish.sh SOURCE_DIR OUT_DIR [BASE_URL]
#   SOURCE_DIR  the folder holding status.json, and optionally public/ (anything else to serve
#               beside it: the status page, the widget's files)
#   OUT_DIR     the folder to upload; created, and it must not hold anything yet
#   BASE_URL    where OUT_DIR is served, such as https://status.example.org/ (the feeds' own links)
#   STATUS_WIDGET_KEY_FILE, STATUS_WIDGET_KEY_ENV
#               (environment) the private key to sign the published file with (status.json.sig),
#               as a file or as the name of a variable holding it (see `status-widget key --help`)
#   DEPLOY      (environment) a shell command that uploads "$OUT", for example
#               DEPLOY='rsync -a --delete "$OUT/" web:/var/www/status/'
#               DEPLOY='aws s3 sync --delete "$OUT" s3://status.example.org/'
#
# Needs `status-widget` on PATH. Used as is by github-actions.yml, and run by the crate's tests.
set -eu
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: publish.sh SOURCE_DIR OUT_DIR [BASE_URL]" >&2
  exit 2
fi
src=$1 out=$2 base=${3:-}
if [ -e "$out" ] && [ -n "$(ls -A "$out")" ]; then
  echo "publish.sh: $out is not empty; give a new folder (nothing was written)" >&2
  exit 2
fi
# 1. Nothing is published from a file the widget would read with errors.
status-widget check "$src/status.json"
# 2. What readers get: the status file and public/, nothing else from the folder.
mkdir -p "$out"
if [ -d "$src/public" ]; then
  cp -R "$src/public/." "$out/"
fi
cp "$src/status.json" "$out/status.json"
# 2b. Its signature, for elements with public-key: made here with the owner's key when one is
#     given (STATUS_WIDGET_KEY_FILE, or STATUS_WIDGET_KEY_ENV naming the secret that holds it),
#     else the folder's own status.json.sig as the editing commands wrote it. Never the key.
if [ -n "${STATUS_WIDGET_KEY_FILE:-}${STATUS_WIDGET_KEY_ENV:-}" ]; then
  status-widget sign "$out/status.json"
elif [ -f "$src/status.json.sig" ]; then
  cp "$src/status.json.sig" "$out/status.json.sig"
fi
# 3. Feeds of every update (Atom and JSON Feed, the same entries; one of each per language the
#    file's texts are in, such as status.de.atom), linked from the status page when there is one,
#    and the current level's badge.
set -- feed "$out/status.json" --out "$out/status.atom" --json-out "$out/status.feed.json"
if [ -n "$base" ]; then
  set -- "$@" --url "${base%/}/status.atom"
fi
if [ -f "$out/status.html" ]; then
  set -- "$@" --page "$out/status.html"
fi
status-widget "$@"
status-widget badge "$out/status.json" --out "$out/status.svg" --endpoint "$out/status-badge.json"
# 4. Upload.
if [ -n "${DEPLOY:-}" ]; then
  OUT=$out sh -c "$DEPLOY"
  echo "publish.sh: deployed $out"
else
  echo "publish.sh: $out is ready to upload (set DEPLOY to upload it)"
fi
