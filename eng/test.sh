#!/usr/bin/env bash
# Runs every test: starts (or reuses) Azurite, checks for Chromium, runs `dotnet test`, stops what it started.
# Extra arguments go to dotnet test, e.g. eng/test.sh --filter "FullyQualifiedName~Stream".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

require_tools
if [[ ! -x "${RECRUITOPS_CHROMIUM:-/usr/bin/chromium}" ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    log "installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    die "the browser tests need Chromium at /usr/bin/chromium: sudo apt-get install chromium chromium-driver"
  fi
fi
trap stop_azurite EXIT
start_azurite

export RECRUITOPS_TEST_STORAGE="$(storage_connection_string)"
mkdir -p "$ROOT/artifacts"
log "running the tests"
dotnet test "$ROOT/RecruitOps.sln" -c Release --nologo \
  --logger "console;verbosity=normal" --results-directory "$ROOT/artifacts/test-results" "$@"
