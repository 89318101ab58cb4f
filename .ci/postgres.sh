#!/usr/bin/env bash
# Make PostgreSQL server binaries available for the store tests (idempotent, quiet).
# The tests start their own throwaway cluster on 127.0.0.1 (tests/store/store_pg.py), or use the
# server named by TIELINE_TEST_PG; under CI=true they fail instead of skipping without one.
# Usage (as root, before the tests):  .ci/postgres.sh
set -euo pipefail

# Under CI the package is always (re)installed through apt, so a machine without the server gets it;
# elsewhere an existing installation is enough.
if [ "${CI:-}" != "true" ] && compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" > /dev/null; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "postgres.sh: PostgreSQL is not installed and this is not root; install the 'postgresql' package" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq > /dev/null
apt-get install -y -qq --no-install-recommends postgresql > /dev/null
# The Debian package creates and starts a default cluster; the tests do not use it.
if command -v pg_lsclusters > /dev/null; then
  pg_lsclusters --no-header 2>/dev/null | while read -r version name _; do
    pg_ctlcluster "$version" "$name" stop > /dev/null 2>&1 || true
  done
fi
compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" > /dev/null
