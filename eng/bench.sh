#!/usr/bin/env bash
# Runs the benchmark (docs/benchmark.md): builds in Release, reuses or starts Azurite, raises the open-file limit
# (each held stream is a socket in the benchmark and one in the app, which inherits the limit), then passes every
# argument on, e.g. eng/bench.sh --subscribers 20000 --rate 20 --duration 30.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

require_dotnet
# As high as this machine lets us: 1048576 where the hard limit allows it, else the hard limit itself.
ulimit -n 1048576 2>/dev/null || ulimit -n "$(ulimit -Hn)"
log "open-file limit for the benchmark and the app: $(ulimit -n)"

trap stop_azurite EXIT
start_azurite
export RECRUITOPS_TEST_STORAGE="${RECRUITOPS_TEST_STORAGE:-$(storage_connection_string)}"

dotnet build "$ROOT/RecruitOps.Benchmarks" -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet "$ROOT/RecruitOps.Benchmarks/bin/Release/net10.0/RecruitOps.Benchmarks.dll" "$@"
