#!/usr/bin/env bash
# `npm run bench`: WebEngage node vs n8n's HTTP Request node, N users (BENCH_USERS, default 10000),
# once per tested n8n line (ONLY_N8N_LINES=2 for one), each printing its ratios measured in that run.
# The lines run one after the other, never side by side, so neither slows the other.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
source scripts/n8n-lines.sh
if [ ! -f dist/nodes/WebEngage/WebEngage.node.js ]; then
	echo "dist/ is missing: building first"
	npm run --silent build
fi
for line in ${ONLY_N8N_LINES:-$N8N_LINES}; do
	echo "== n8n line $line ($(n8n_version_for "$line"))"
	N8N_LINE="$line" npx tsx bench/webengage-upsert.ts
done
