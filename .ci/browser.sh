#!/usr/bin/env bash
# Install Debian's chromium for the browser tests (tests/web). Idempotent: does nothing when present.
# Usage (as root, or with sudo): .ci/browser.sh   then run the suite with CI=true so missing pieces fail.
# Playwright for Python drives it via executable_path=/usr/bin/chromium; no `playwright install` needed.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium present: $(/usr/bin/chromium --version 2>/dev/null || echo unknown version)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "installed: $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
