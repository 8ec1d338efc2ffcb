#!/usr/bin/env bash
# README's start command: builds the package, then runs a real n8n with it, the vendor simulators,
# demo credentials and the example workflows. n8n 2.x by default; N8N_LINE=1 for n8n 1.123.
set -euo pipefail
cd "$(dirname "$0")/.."
export N8N_LINE="${N8N_LINE:-$(node -p 'require("./scripts/n8n-lines.json").default')}"
ONLY_N8N_LINES="$N8N_LINE" bash scripts/ensure-deps.sh
npm run --silent clean && npm run --silent build
exec npx tsx test/demo/start.ts
