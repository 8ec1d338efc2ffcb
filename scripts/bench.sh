#!/usr/bin/env bash
# `npm run bench`: every bulk path of the package against n8n's HTTP Request node (bench/bulk.ts), and
# the dotdigital CPaaS Trigger against n8n's Webhook node (bench/trigger-latency.ts), once per tested
# n8n line (ONLY_N8N_LINES=2 for one), each printing the ratios measured in its own run. The lines run
# one after the other, never side by side. Knobs: see docs/benchmark.md (BENCH_QUICK=1 for a short run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
source scripts/n8n-lines.sh
echo "building dist/ (the bench measures the code of this tree)"
npm run --silent build
for line in ${ONLY_N8N_LINES:-$N8N_LINES}; do
	echo "== n8n line $line ($(n8n_version_for "$line"))"
	echo "uptime before: $(uptime)"
	N8N_LINE="$line" npx tsx bench/bulk.ts || echo "bench/bulk.ts failed on line $line"
	if [ "${BENCH_ONLY:-}" = "" ] || [[ ",${BENCH_ONLY}," == *",trigger,"* ]]; then
		N8N_LINE="$line" npx tsx bench/trigger-latency.ts
	fi
	echo "uptime after: $(uptime)"
done
