#!/usr/bin/env bash
# README's start command: builds the package, then runs a real n8n with it, the vendor simulators,
# demo credentials and the example workflows.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
npm run --silent clean && npm run --silent build
exec npx tsx test/demo/start.ts
