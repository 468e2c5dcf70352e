#!/usr/bin/env bash
# Runs RecruitOps locally with its embedded defaults: Azurite for storage, the in-process relay, local sign-in.
# Ctrl-C stops the app and the Azurite this script started (an Azurite that was already running is left alone).
# Settings: RECRUITOPS_URL (default http://127.0.0.1:7071), AZURITE_BLOB_PORT, AZURITE_QUEUE_PORT, AZURITE_TABLE_PORT.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

URL="${RECRUITOPS_URL:-http://127.0.0.1:7071}"
URL="${URL%/}"
APP_PORT="$(url_port "$URL")"
APP_PID=""

cleanup() {
  # Best effort from here on: a message that cannot be written (closed pipe) must not end the cleanup early.
  set +e
  trap - EXIT INT TERM HUP
  trap '' PIPE
  # The host drains requests for up to 30 s (its shutdown timeout) before it exits on its own.
  stop_process "$APP_PID" 35 "RecruitOps"
  stop_azurite
}

require_dotnet
port_open "$APP_PORT" &&
  die "127.0.0.1:$APP_PORT is already in use (another RecruitOps?). Stop it, or choose a port: RECRUITOPS_URL=http://127.0.0.1:7072 $0"
trap cleanup EXIT
exit_on_signals
start_azurite

log "building RecruitOps"
mkdir -p "$ROOT/artifacts"
dotnet build "$ROOT/RecruitOps.Functions" -c Release --nologo -v quiet -clp:ErrorsOnly >"$ROOT/artifacts/run-build.log" 2>&1 ||
  { cat "$ROOT/artifacts/run-build.log" >&2; die "the build failed (output above, also in artifacts/run-build.log)"; }

log "starting RecruitOps on $URL (standalone host: no Azure Functions Core Tools needed)"
# Request-by-request framework logs would bury the URLs below while replaying; warnings and errors still show.
DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development \
  OperationsStorage="$(storage_connection_string)" \
  env 'Logging__LogLevel__Microsoft.AspNetCore=Warning' \
  dotnet "$ROOT/RecruitOps.Functions/bin/Release/net10.0/RecruitOps.Functions.dll" --standalone --urls "$URL" &
APP_PID=$!
for _ in $(seq 1 300); do
  port_open "$APP_PORT" && break
  kill -0 "$APP_PID" 2>/dev/null || { wait "$APP_PID" || true; APP_PID=""; die "RecruitOps exited during start-up (see above)"; }
  sleep 0.1
done
port_open "$APP_PORT" || die "RecruitOps did not start listening on $URL within 30 s"

cat >&2 <<MSG

  RecruitOps is running on $URL
    page     $URL/api/recruits/page
    stream   $URL/api/recruits/operations/stream
    history  $URL/api/recruits/operations
    health   $URL/api/health
  Replay the sample (from another terminal, in $ROOT):
    dotnet run --project RecruitOps.Replay -- ../shared/data/operations-sample.jsonl --url $URL
  Stop with Ctrl-C.

MSG
wait "$APP_PID" && status=0 || status=$?
APP_PID=""
die "RecruitOps stopped by itself (exit code $status)"
