#!/usr/bin/env bash
# `npm run bench`: WebEngage node vs n8n's HTTP Request node, N users (BENCH_USERS, default 10000).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f dist/nodes/WebEngage/WebEngage.node.js ]; then
	echo "dist/ is missing: building first"
	npx tsc -p tsconfig.json
	npx gulp build:icons
fi
exec npx tsx bench/webengage-upsert.ts
