#!/usr/bin/env bash
# Installs what a fresh clone needs: the package's dev dependencies and the pinned real n8n of every
# tested line (scripts/n8n-lines.json), both lines side by side. ONLY_N8N_LINES="2" limits it to one line.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/jest ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # `npm ci` refuses this lock file (npm 11 leaves other platforms' optional resolver bindings out of
  # it); `npm install` installs the same locked versions.
  npm install --no-audit --no-fund
fi
source scripts/n8n-lines.sh
lines="${ONLY_N8N_LINES:-$N8N_LINES}"
pids=()
for line in $lines; do
  (set -o pipefail; N8N_LINE="$line" N8N_VERSION= bash scripts/install-n8n.sh 2>&1 | sed -u "s/^/[n8n $line] /") &
  pids+=("$!")
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit $status
