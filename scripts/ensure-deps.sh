#!/usr/bin/env bash
# Installs what a fresh clone needs: the package's dev dependencies and the pinned real n8n.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/jest ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # `npm ci` refuses this lock file (npm 11 leaves other platforms' optional resolver bindings out of
  # it); `npm install` installs the same locked versions.
  npm install --no-audit --no-fund
fi
bash scripts/install-n8n.sh
