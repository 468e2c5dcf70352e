# Shared by eng/run.sh and eng/test.sh: installs the pinned Azurite into the repo, starts it on loopback and stops
# what the calling script started. Sourced, not run. Everything listens on 127.0.0.1 only.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AZURITE_BLOB_PORT="${AZURITE_BLOB_PORT:-10000}"
AZURITE_QUEUE_PORT="${AZURITE_QUEUE_PORT:-10001}"
AZURITE_TABLE_PORT="${AZURITE_TABLE_PORT:-10002}"
AZURITE_PID=""

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

require_dotnet() {
  command -v dotnet >/dev/null || die "the .NET SDK is needed (https://dot.net); global.json pins the version"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The port of an http://host:port[/path] URL.
url_port() {
  local rest="${1#*://}"
  rest="${rest%%/*}"
  [[ "$rest" == *:* ]] && printf '%s' "${rest##*:}" || printf '80'
}

# Stops a process this script started: TERM, then KILL if it is still there after $2 seconds.
stop_process() {
  local pid="$1" grace="$2" name="$3"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  log "stopping $name"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((grace * 10))); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name did not stop within $grace s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# npm ci only when the lock file changed since the last install, so a second run starts at once.
install_azurite() {
  local stamp="$ROOT/node_modules/.recruitops-lock"
  if [[ -x "$ROOT/node_modules/.bin/azurite" && -f "$stamp" ]] && cmp -s "$ROOT/package-lock.json" "$stamp"; then
    return
  fi
  command -v node >/dev/null && command -v npm >/dev/null ||
    die "Node.js 20+ and npm are needed to install Azurite (or start an Azurite of your own on 127.0.0.1, table port $AZURITE_TABLE_PORT)"
  log "installing the pinned Azurite into node_modules/ (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
  cp "$ROOT/package-lock.json" "$stamp"
}

# Reuses an Azurite (or anything Table-Storage-shaped) already listening on the table port; such an Azurite is
# not ours to stop.
start_azurite() {
  if port_open "$AZURITE_TABLE_PORT"; then
    log "Azurite already listening on 127.0.0.1:$AZURITE_TABLE_PORT; using it (and leaving it running)"
    return
  fi
  install_azurite
  # The first install takes a while; another checkout's Azurite may have started meanwhile.
  if port_open "$AZURITE_TABLE_PORT"; then
    log "Azurite started listening on 127.0.0.1:$AZURITE_TABLE_PORT meanwhile; using it (and leaving it running)"
    return
  fi
  local port
  for port in "$AZURITE_BLOB_PORT" "$AZURITE_QUEUE_PORT"; do
    port_open "$port" && die "127.0.0.1:$port is taken by something that is not Azurite; pick free ports with AZURITE_BLOB_PORT, AZURITE_QUEUE_PORT and AZURITE_TABLE_PORT"
  done
  mkdir -p "$ROOT/.azurite"
  log "starting Azurite on 127.0.0.1 (blob $AZURITE_BLOB_PORT, queue $AZURITE_QUEUE_PORT, table $AZURITE_TABLE_PORT; data in .azurite/)"
  # --disableTelemetry: otherwise Azurite tries to send usage data, and on a machine without internet access its
  # shutdown then hangs for a minute. No --debug: that log grows by tens of MB per thousand operations.
  "$ROOT/node_modules/.bin/azurite" --silent --skipApiVersionCheck --disableProductStyleUrl --disableTelemetry \
    --location "$ROOT/.azurite" \
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

# Stops only an Azurite this script started. It saves its data on the way out, which takes a few seconds.
stop_azurite() {
  stop_process "$AZURITE_PID" 30 "Azurite"
  AZURITE_PID=""
}

# Azurite's published, well-known development account key: not a secret.
storage_connection_string() {
  printf 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:%s/devstoreaccount1;QueueEndpoint=http://127.0.0.1:%s/devstoreaccount1;TableEndpoint=http://127.0.0.1:%s/devstoreaccount1;' \
    "$AZURITE_BLOB_PORT" "$AZURITE_QUEUE_PORT" "$AZURITE_TABLE_PORT"
}

# Ctrl-C, TERM, HUP and a closed output pipe (`./eng/run.sh | head`) end the script through its EXIT trap, so the
# cleanup runs once whatever stops it. (Children started with & ignore Ctrl-C in a script: stopping them is the
# EXIT trap's job.) Cleanup ignores SIGPIPE so that its own messages to a closed pipe cannot cut it short.
exit_on_signals() {
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP
  trap 'exit 141' PIPE
}
