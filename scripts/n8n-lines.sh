#!/usr/bin/env bash
# Sourced by the install, test, start and bench scripts. The pinned versions live in n8n-lines.json.
LINES_JSON="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/n8n-lines.json"
# The tested lines, newest first, e.g. "2 1".
N8N_LINES="$(node -p 'Object.keys(require(process.argv[1]).lines).sort().reverse().join(" ")' "$LINES_JSON")"
# n8n_version_for LINE|VERSION: a line number (1, 2) gives its pinned version; an exact version passes through.
n8n_version_for() {
  node -e '
    const { lines, default: def } = require(process.argv[1]);
    const want = process.argv[2] || def;
    if (/^\d+\.\d+\.\d+$/.test(want)) { console.log(want); process.exit(0); }
    if (!lines[want]) { console.error(`unknown n8n line "${want}" (known: ${Object.keys(lines).join(", ")})`); process.exit(2); }
    console.log(lines[want]);
  ' "$LINES_JSON" "${1:-}"
}
