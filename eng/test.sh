#!/usr/bin/env bash
# Runs every test: starts (or reuses) Azurite, installs Chromium for the browser tests when it is missing, runs
# `dotnet test`, stops what it started, and ends with one plain line: "Total: N passed, N failed, N skipped".
# The exit code is dotnet test's. Extra arguments go to dotnet test, e.g. eng/test.sh --filter "FullyQualifiedName~Replay".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

RESULTS="$ROOT/artifacts/test-results"

# Sums the counters of the trx files this run wrote (one per test project).
print_totals() {
  local passed=0 failed=0 total=0 file counters value
  for file in "$RESULTS"/*.trx; do
    [[ -f "$file" ]] || continue
    counters="$(grep -o '<Counters [^>]*>' "$file" | head -n 1)"
    for value in total passed failed error timeout aborted; do
      local "n_$value=$(sed -n "s/.* $value=\"\([0-9]*\)\".*/\1/p" <<<"$counters")"
    done
    total=$((total + ${n_total:-0}))
    passed=$((passed + ${n_passed:-0}))
    failed=$((failed + ${n_failed:-0} + ${n_error:-0} + ${n_timeout:-0} + ${n_aborted:-0}))
  done
  [[ $total -gt 0 ]] || return 0
  printf 'Total: %d passed, %d failed, %d skipped\n' "$passed" "$failed" "$((total - passed - failed))"
}

require_dotnet
if [[ ! -x "${RECRUITOPS_CHROMIUM:-/usr/bin/chromium}" ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    log "installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    die "the browser tests need Chromium at /usr/bin/chromium: sudo apt-get install chromium (or set RECRUITOPS_CHROMIUM)"
  fi
fi
trap 'set +e; trap "" PIPE; stop_azurite' EXIT
exit_on_signals
start_azurite

export RECRUITOPS_TEST_STORAGE="$(storage_connection_string)"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
log "running the tests"
status=0
dotnet test "$ROOT/RecruitOps.sln" -c Release --nologo \
  --logger "console;verbosity=normal" --logger trx --results-directory "$RESULTS" "$@" || status=$?
# Stop Azurite first so that the totals are the last line, where CI looks for them.
stop_azurite
print_totals
exit "$status"
