#!/usr/bin/env bash
# npm run test:queue: the package in a real queue-mode n8n (test/queue/, tools/harness/queue.ts):
# PostgreSQL and Redis (installed from the distribution's packages when missing), a main, two workers
# and two webhook processors, on each tested n8n line in turn (one cluster at a time: five n8n
# processes each).
#
#   npm run test:queue                  both lines (2.x, then 1.123)
#   N8N_LINE=2 npm run test:queue       one line
#   npm run test:queue -- -t Trigger    extra arguments go to Jest
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-queue-deps.sh
source scripts/n8n-lines.sh
lines="${N8N_LINE:-${ONLY_N8N_LINES:-$N8N_LINES}}"
ONLY_N8N_LINES="$lines" bash scripts/ensure-deps.sh
npm run --silent build
status=0
for line in $lines; do
  echo "== queue mode on n8n line $line"
  N8N_LINE="$line" N8N_VERSION= QUEUE_TESTS=all npx jest --ci --maxWorkers=1 --forceExit --selectProjects queue "$@" || status=1
done
exit $status
