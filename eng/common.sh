# Shared by eng/run.sh and eng/test.sh: installs the pinned Azurite into the repo and starts it on loopback.
# Sourced, not run. Everything listens on 127.0.0.1 only.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AZURITE_BLOB_PORT="${AZURITE_BLOB_PORT:-10000}"
AZURITE_QUEUE_PORT="${AZURITE_QUEUE_PORT:-10001}"
AZURITE_TABLE_PORT="${AZURITE_TABLE_PORT:-10002}"
AZURITE_PID=""

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

require_tools() {
  command -v dotnet >/dev/null || die "the .NET SDK is needed (https://dot.net); global.json pins the version"
  command -v node >/dev/null && command -v npm >/dev/null || die "Node.js 20+ and npm are needed to install Azurite"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# npm ci only when the lock file changed since the last install, so a second run starts at once.
install_azurite() {
  local stamp="$ROOT/node_modules/.recruitops-lock"
  if [[ -x "$ROOT/node_modules/.bin/azurite-table" && -f "$stamp" ]] && cmp -s "$ROOT/package-lock.json" "$stamp"; then
    return
  fi
  log "installing the pinned Azurite into node_modules/ (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
  cp "$ROOT/package-lock.json" "$stamp"
}

# Reuses an Azurite (or anything Table-Storage-shaped) already listening on the table port.
start_azurite() {
  if port_open "$AZURITE_TABLE_PORT"; then
    log "Azurite already listening on 127.0.0.1:$AZURITE_TABLE_PORT; using it"
    return
  fi
  install_azurite
  mkdir -p "$ROOT/.azurite"
  log "starting Azurite on 127.0.0.1 (blob $AZURITE_BLOB_PORT, queue $AZURITE_QUEUE_PORT, table $AZURITE_TABLE_PORT)"
  "$ROOT/node_modules/.bin/azurite" --silent --skipApiVersionCheck --disableProductStyleUrl \
    --location "$ROOT/.azurite" --debug "$ROOT/.azurite/debug.log" \
    --blobHost 127.0.0.1 --blobPort "$AZURITE_BLOB_PORT" \
    --queueHost 127.0.0.1 --queuePort "$AZURITE_QUEUE_PORT" \
    --tableHost 127.0.0.1 --tablePort "$AZURITE_TABLE_PORT" >"$ROOT/.azurite/azurite.log" 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 1 100); do
    port_open "$AZURITE_TABLE_PORT" && return
    kill -0 "$AZURITE_PID" 2>/dev/null || die "Azurite exited; see .azurite/azurite.log"
    sleep 0.1
  done
  die "Azurite did not start listening within 10 s; see .azurite/azurite.log"
}

# Stops only what this script started.
stop_azurite() {
  if [[ -n "$AZURITE_PID" ]] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    log "stopping Azurite"
    kill "$AZURITE_PID" 2>/dev/null
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
}

# Azurite's published, well-known development account key: not a secret.
storage_connection_string() {
  printf 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:%s/devstoreaccount1;QueueEndpoint=http://127.0.0.1:%s/devstoreaccount1;TableEndpoint=http://127.0.0.1:%s/devstoreaccount1;' \
    "$AZURITE_BLOB_PORT" "$AZURITE_QUEUE_PORT" "$AZURITE_TABLE_PORT"
}
