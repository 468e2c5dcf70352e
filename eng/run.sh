#!/usr/bin/env bash
# Runs RecruitOps locally with its embedded defaults: Azurite for storage, the in-process relay, local sign-in.
# Ctrl-C stops the app and the Azurite this script started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

require_tools
trap stop_azurite EXIT
start_azurite

URL="${RECRUITOPS_URL:-http://127.0.0.1:7071}"
log "building and starting RecruitOps (standalone host, no Azure Functions Core Tools needed)"
dotnet build "$ROOT/RecruitOps.Functions" -c Release --nologo -v quiet -clp:ErrorsOnly
cat >&2 <<MSG

  RecruitOps is starting on $URL
    page     $URL/api/recruits/page
    stream   $URL/api/recruits/operations/stream
    history  $URL/api/recruits/operations
    health   $URL/api/health
  Replay the sample:  dotnet run --project RecruitOps.Replay -- ../shared/data/operations-sample.jsonl --url $URL
  Stop with Ctrl-C.

MSG
export DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development
export OperationsStorage="$(storage_connection_string)"
dotnet "$ROOT/RecruitOps.Functions/bin/Release/net10.0/RecruitOps.Functions.dll" --standalone --urls "$URL" &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null; wait $APP_PID 2>/dev/null; stop_azurite' EXIT
wait $APP_PID
