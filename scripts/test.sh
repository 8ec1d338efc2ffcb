#!/usr/bin/env bash
# README's test command: build, lint, type-check the tests, then the whole suite once per tested
# n8n line (scripts/n8n-lines.json: n8n 2.x and 1.123), both lines side by side: unit tests of the
# shared core and nodes (against that line's own n8n-workflow) and workflows executed in that line's
# real n8n against the vendor simulators. Prints the count per line and one closing count over both.
#
#   npm test                      everything, both lines
#   ONLY_N8N_LINES=2 npm test     one line only
#   npm test -- test/e2e/engati   extra arguments go to Jest (each line)
#
# The static phase also builds the five packages (npm run packages), lints each (npm run
# lint:packages) and checks .github/workflows; test/e2e/packages installs each as a community package.
#
# The queue-mode tests (test/queue/: PostgreSQL, Redis, a main, two workers, two webhook processors) run
# on n8n line 2 only, in that line's Jest process beside its unit and e2e tests, without their two
# concurrency tests (QUEUE_TESTS=subset: the whole file took 19 min on the loaded 2-core machine, over
# the 8 min budget); PostgreSQL and Redis are installed first when missing
# (scripts/install-queue-deps.sh). QUEUE_TESTS=0 leaves them out; `npm run test:queue` runs them all,
# on both lines.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
source scripts/n8n-lines.sh
lines="${ONLY_N8N_LINES:-$N8N_LINES}"
queue_line=""
if [ "${QUEUE_TESTS:-1}" != 0 ] && [[ " $lines " == *" 2 "* ]]; then
  queue_line=2
  bash scripts/install-queue-deps.sh
fi
echo "== build"; npm run --silent clean && npm run --silent build
echo "== lint"; npm run --silent lint
echo "== format"; npm run --silent format:check
echo "== type-check tests"; npm run --silent typecheck:test
echo "== package contents"; node scripts/check-pack.js
# The five published packages: assembled from dist/, packed, checked, each linted on its own.
echo "== packages"; npm run --silent packages && npm run --silent lint:packages
echo "== workflow files"; npm run --silent check:workflows
mkdir -p .tmp
echo "== tests on n8n lines: $lines (side by side)"
pids=()
for line in $lines; do
  rm -f ".tmp/jest-results-$line.json"
  # One Jest worker per line: the two lines share the machine's two cores. --forceExit: a socket left
  # open by a test must not keep a finished run waiting (the results file is written before).
  projects=(unit e2e)
  [ "$line" = "$queue_line" ] && projects+=(queue)
  (N8N_LINE="$line" QUEUE_TESTS="${QUEUE_TESTS:-subset}" npx jest --ci --maxWorkers=1 --forceExit --json --outputFile=".tmp/jest-results-$line.json" "$@" --selectProjects "${projects[@]}" 2>&1 \
    | sed -u "s/^/[n8n $line] /") &
  pids+=("$!")
done
for pid in "${pids[@]}"; do wait "$pid" || true; done
node scripts/test-summary.js $lines
