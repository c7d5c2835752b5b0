#!/usr/bin/env bash
# How soon the storefront's first page shows real catalog data in Chromium, on a platform of the bench's own
# (demo catalog). The storefront issue's target: within a second locally. Not part of CI.
# Usage: bench/storefront.sh [RUNS]   (default 10 cold and 10 warm loads)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

command -v chromium >/dev/null || { echo "needs Debian's chromium (apt-get install chromium)" >&2; exit 1; }
[[ -d services/frontend/app/node_modules/playwright-core ]] || (cd services/frontend/app && npm ci --no-audit --no-fund)
bench_start
storefront="$(sed -n 's/^FRONTEND_URL=//p' "$EMPORIUM_RUN_DIR/services.env")"
# localhost: the host the page and the gateway share (as in the browser journeys)
node bench/storefront-first-page.mjs "${storefront/127.0.0.1/localhost}" "${1:-10}"
