#!/usr/bin/env bash
# Compiles and lints the infrastructure with the Bicep CLI from NuGet (package Azure.Bicep.CommandLine.linux-x64,
# pinned in eng/tools/BicepCli.csproj), so nothing but the NuGet feed is needed. Fails on any error or warning.
#   eng/bicep.sh                 build + lint infra/main.bicep and infra/main.dev.bicepparam into artifacts/infra
#   eng/bicep.sh <bicep args>    runs the pinned CLI, e.g. eng/bicep.sh format infra/main.bicep
# BICEP=/path/to/bicep uses another CLI (e.g. on macOS, where the linux-x64 package does not run).
# BICEP_OUT=<dir> writes the compiled JSON there instead of artifacts/infra; BICEP_INFRA=<dir> checks another copy
# of infra/ (the tests use it to prove a warning fails the check).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

TOOLS_PROJECT="$ROOT/eng/tools/BicepCli.csproj"

# The package version is written once, in the tools project.
bicep_version() {
  sed -n 's/.*Include="Azure.Bicep.CommandLine.linux-x64" Version="\[\([^]]*\)\]".*/\1/p' "$TOOLS_PROJECT"
}

# Restores the package only when it is not in the NuGet cache yet; prints the binary's path.
resolve_bicep() {
  if [[ -n "${BICEP:-}" ]]; then
    printf '%s\n' "$BICEP"
    return
  fi
  [[ "$(uname -s)-$(uname -m)" == "Linux-x86_64" ]] \
    || die "the pinned Bicep CLI is linux-x64 only; set BICEP to another bicep binary (az bicep install puts one in ~/.azure/bin)"
  local version packages binary
  version="$(bicep_version)"
  [[ -n "$version" ]] || die "no Azure.Bicep.CommandLine.linux-x64 version found in $TOOLS_PROJECT"
  # NuGet's own answer, so NUGET_PACKAGES and NuGet.Config settings are honoured.
  packages="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')"
  packages="${packages%/}"
  [[ -n "$packages" ]] || die "dotnet did not name its global packages folder"
  binary="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"
  if [[ ! -f "$binary" ]]; then
    log "restoring the Bicep CLI $version from NuGet"
    dotnet restore "$TOOLS_PROJECT" --nologo -v quiet >&2 || die "dotnet restore of $TOOLS_PROJECT failed"
  fi
  [[ -f "$binary" ]] || die "the Bicep CLI is not at $binary after restore"
  [[ -x "$binary" ]] || chmod u+x "$binary"
  printf '%s\n' "$binary"
}

BICEP_BIN="$(resolve_bicep)"
# No telemetry, and no update check against the network this machine may not have.
export BICEP_TRACING_ENABLED=false DOTNET_CLI_TELEMETRY_OPTOUT=1

if [[ $# -gt 0 ]]; then
  exec "$BICEP_BIN" "$@"
fi

INFRA="${BICEP_INFRA:-$ROOT/infra}"
OUT="${BICEP_OUT:-$ROOT/artifacts/infra}"
mkdir -p "$OUT"
DIAGNOSTICS="$(mktemp)"
trap 'rm -f "$DIAGNOSTICS"' EXIT

# Warnings do not change bicep's exit code, so each step's diagnostics are collected and judged together.
run_step() {
  local description="$1"
  shift
  log "$description"
  "$BICEP_BIN" "$@" 2>>"$DIAGNOSTICS" || { cat "$DIAGNOSTICS" >&2; die "$description failed"; }
}

run_step "bicep build main.bicep" build "$INFRA/main.bicep" --outfile "$OUT/main.json"
# The parameters file reads the signing key from the environment; compiling it must never write the key to disk.
unset RECRUITOPS_SIGNING_KEY
run_step "bicep build-params main.dev.bicepparam" build-params "$INFRA/main.dev.bicepparam" \
  --outfile "$OUT/main.dev.parameters.json"
run_step "bicep lint main.bicep" lint "$INFRA/main.bicep"
run_step "bicep lint main.dev.bicepparam" lint "$INFRA/main.dev.bicepparam"

# Lint repeats what build already reported; print each diagnostic once.
if [[ -s "$DIAGNOSTICS" ]]; then
  sort -u "$DIAGNOSTICS" >&2
  die "Bicep reported $(sort -u "$DIAGNOSTICS" | grep -c .) diagnostic(s); fix them or change infra/bicepconfig.json with a reason"
fi
log "Bicep build and lint clean ($("$BICEP_BIN" --version)); compiled templates in $OUT"
