#!/usr/bin/env bash
# Runs every OrderConsole test: unit, contract, API, component markup and browser (E2E) tests.
# Installs what the tests start for real (redis-server, Chromium, haproxy, Prometheus with promtool)
# and what the build needs (Node.js with npm) from Debian packages when missing.
set -euo pipefail
cd "$(dirname "$0")"
# haproxy installs into /usr/sbin, which an ordinary user's PATH may lack; the tests run it by name.
export PATH="$PATH:/usr/sbin"

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v curl >/dev/null 2>&1 || missing+=(curl)
# The build installs the maps' front-end packages with npm.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

configuration="${CONFIGURATION:-Release}"
dotnet build OrderConsole.sln -c "$configuration" -nologo -v quiet
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test OrderConsole.sln -c "$configuration" --no-build -nologo 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test assemblies.
awk '/(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
