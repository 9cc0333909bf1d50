#!/usr/bin/env bash
# Renders the HTML report of the test fixtures with headless Chromium and keeps the screenshot,
# to look at by eye: scripts/screenshot-test.sh [BUILD_DIR] [OUT.png]
# Fails when the page does not render its totals, Chromium reports a refused resource or an
# uncaught error, or the screenshot is (nearly) blank. Needs chromium (scripts/install-deps.sh --with-browser).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=${2:-report-screenshot.png}
bin="$build/pledgedb"
[[ -x "$bin" ]] || { echo "error: $bin not found: build first (cmake --build $build --target pledgedb)" >&2; exit 1; }
browser=$(command -v chromium || command -v chromium-browser || true)
[[ -n "$browser" ]] || { echo "SKIPPED: chromium not installed (scripts/install-deps.sh --with-browser)"; exit 0; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/report.db"
"$bin" --db "$db" --quiet init
"$bin" --db "$db" --quiet ingest tests/fixtures/reports/*.json
"$bin" --db "$db" --as-of 2025-06-01 -o "$tmp/report.html" report html

chrome() {
  "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --enable-logging=stderr --v=0 --user-data-dir="$tmp/profile" "$@"
}
chrome --dump-dom "file://$tmp/report.html" > "$tmp/dom.html" 2> "$tmp/dom.log" || true
grep -q '<b id="total-commitments">4</b>' "$tmp/dom.html" || { echo "FAIL: totals not rendered" >&2; exit 1; }
if grep -E 'Refused to|Uncaught' "$tmp/dom.log" >&2; then echo "FAIL: console errors above" >&2; exit 1; fi

chrome --window-size=1200,2000 --screenshot="$out" "file://$tmp/report.html" > /dev/null 2>&1 || true
echo '<!DOCTYPE html><html><body></body></html>' > "$tmp/blank.html"
chrome --window-size=1200,2000 --screenshot="$tmp/blank.png" "file://$tmp/blank.html" > /dev/null 2>&1 || true
[[ -s "$out" ]] || { echo "FAIL: no screenshot" >&2; exit 1; }
size=$(stat -c %s "$out")
blank=$(stat -c %s "$tmp/blank.png" 2>/dev/null || echo 0)
if (( size <= 4 * blank )); then echo "FAIL: screenshot $out looks blank ($size bytes, blank page $blank)" >&2; exit 1; fi
echo "ok: $out ($size bytes; a blank page is $blank)"
