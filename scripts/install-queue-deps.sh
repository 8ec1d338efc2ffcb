#!/usr/bin/env bash
# Installs what the queue-mode tests need beside n8n: PostgreSQL and Redis from the distribution's
# packages (Debian/Ubuntu: apt-get). Idempotent: does nothing when both servers are present. The
# tests never use the system services these packages may set up: they start their own servers on
# free loopback ports with throwaway data directories (tools/harness/queue.ts).
set -euo pipefail
have_postgres() { ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || command -v postgres >/dev/null 2>&1; }
have_redis() { command -v redis-server >/dev/null 2>&1; }
if have_postgres && have_redis; then exit 0; fi
packages=()
have_postgres || packages+=(postgresql)
have_redis || packages+=(redis-server)
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-queue-deps: need ${packages[*]} (PostgreSQL server and redis-server); no apt-get here: install them with your package manager" >&2
  exit 1
fi
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "install-queue-deps: installing ${packages[*]}"
# One install at a time on this machine (several checkouts may run this at once).
exec 9>/tmp/n8n-engagement-queue-deps.lock
flock 9
have_postgres && have_redis && exit 0
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
have_postgres && have_redis
