#!/usr/bin/env bash
# `npm run storm`: 10,000 WebEngage users and 10,000 dotdigital messages under a seeded fault mix,
# printing delivered / lost / sent twice / unknown (see bench/storm.ts and docs/reliability.md).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f dist/nodes/WebEngage/WebEngage.node.js ]; then
	echo "dist/ is missing: building first"
	npx tsc -p tsconfig.json
	npx gulp build:icons
fi
exec npx tsx bench/storm.ts
