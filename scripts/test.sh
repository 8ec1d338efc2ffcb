#!/usr/bin/env bash
# README's test command: build, lint, type-check the tests, then every test: unit tests of the
# shared core and nodes, and workflows executed in a real n8n against the vendor simulators.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
echo "== build"; npm run --silent clean && npm run --silent build
echo "== lint"; npm run --silent lint
echo "== type-check tests"; npm run --silent typecheck:test
echo "== package contents"; node scripts/check-pack.js
echo "== tests"
mkdir -p .tmp
set +e
npx jest --ci --json --outputFile=.tmp/jest-results.json "$@"
status=$?
set -e
node -e '
const r = require("./.tmp/jest-results.json");
const skipped = r.numPendingTests + r.numTodoTests;
console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
'
exit $status
