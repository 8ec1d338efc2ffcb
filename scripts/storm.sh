#!/usr/bin/env bash
# `npm run storm`: 10,000 WebEngage users and 10,000 dotdigital messages under a seeded fault mix,
# printing delivered / lost / sent twice / unknown (see bench/storm.ts and docs/reliability.md).
# Runs on the default n8n line; N8N_LINE=1 or N8N_LINE=2 picks one.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
source scripts/n8n-lines.sh
if [ ! -f dist/nodes/WebEngage/WebEngage.node.js ]; then
	echo "dist/ is missing: building first"
	npm run --silent build
fi
echo "== n8n line ${N8N_LINE:-default} ($(n8n_version_for "${N8N_LINE:-}"))"
exec npx tsx bench/storm.ts
