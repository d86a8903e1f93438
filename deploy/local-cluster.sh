#!/usr/bin/env bash
# The docker-compose topology as plain processes on 127.0.0.1, for machines without a Docker engine:
# redis-server, two OrderConsole instances (app1, app2) on it, HAProxy in front (sticky sessions,
# WebSockets) and Prometheus scraping both, using the very same deploy/haproxy.cfg and deploy/prometheus.yml
# that docker-compose.yml mounts. Grafana is not started here.
#
#   deploy/local-cluster.sh start     # prints the addresses; writes them to $OC_CLUSTER_DIR/cluster.env
#   deploy/local-cluster.sh status
#   deploy/local-cluster.sh stop      # stops what start started and removes the run directory
#
# Settings (environment):
#   OC_CLUSTER_DIR      run directory for pids, logs and data (default: $TMPDIR/orderconsole-cluster)
#   OC_HAPROXY_PORT, OC_APP1_PORT, OC_APP2_PORT, OC_REDIS_PORT, OC_PROMETHEUS_PORT
#                       ports on 127.0.0.1 (unset or 0: a free port)
#   OC_APP_DLL          the console's OrderConsole.dll (default: the Release build output, built when
#                       missing; a `dotnet publish` output works too)
#   OC_ENVIRONMENT      the apps' ASPNETCORE_ENVIRONMENT (default: Development for a build output, whose
#                       package assets are served only in Development; Production for a published output)
#   OC_DEMO_ENABLED     seed demo data into an empty store (default true)
#   OC_DEMO_PASSWORD    the demo users' password (default: the published one, which only Development accepts)
#   OC_START_TIMEOUT    seconds to wait for each part to become ready (default 60)
#   OC_KEEP_LOGS        true: stop keeps the run directory and its logs
set -euo pipefail
# haproxy installs into /usr/sbin, which an ordinary user's PATH may lack.
export PATH="$PATH:/usr/sbin"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
run_dir="${OC_CLUSTER_DIR:-${TMPDIR:-/tmp}/orderconsole-cluster}"
start_timeout="${OC_START_TIMEOUT:-60}"
parts=(prometheus haproxy app2 app1 redis)   # stop order; start goes the other way

log() { printf 'local-cluster: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

pid_of() { cat "$run_dir/$1.pid" 2>/dev/null || true; }
is_running() { local pid; pid="$(pid_of "$1")"; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Sets variable $1 to port $2, or to a free port when $2 is empty or 0 (never one already chosen).
choose_port() {
  local var="$1" requested="${2:-0}" port attempt
  if [ "$requested" != 0 ]; then
    ! port_in_use "$requested" || die "port $requested is already in use"
    port="$requested"
  else
    for attempt in $(seq 1 200); do
      port=$((20000 + RANDOM % 40000))
      if ! port_in_use "$port" && [[ " ${chosen_ports[*]} " != *" $port "* ]]; then break; fi
      [ "$attempt" -lt 200 ] || die "no free port found"
    done
  fi
  chosen_ports+=("$port")
  printf -v "$var" '%s' "$port"
}

# Waits until "$2..." succeeds, at most $start_timeout seconds, while part $1 is still running.
wait_for() {
  local part="$1"; shift
  local deadline=$((SECONDS + start_timeout))
  until "$@" >/dev/null 2>&1; do
    is_running "$part" || { tail -n 30 "$run_dir/$part.log" >&2 || true; die "$part exited while starting (log: $run_dir/$part.log)"; }
    [ "$SECONDS" -lt "$deadline" ] || { tail -n 30 "$run_dir/$part.log" >&2 || true; die "$part did not become ready within ${start_timeout}s"; }
    sleep 0.5
  done
}

http_ok() { curl -fsS -o /dev/null --max-time 2 "$1"; }

# Starts "$2..." in its own session in the background, its output in $part.log and its pid in $part.pid.
launch() {
  local part="$1"; shift
  setsid "$@" >"$run_dir/$part.log" 2>&1 </dev/null &
  echo $! >"$run_dir/$part.pid"
}

ensure_packages() {
  local missing=()
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
  command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return
  log "installing ${missing[*]} ..."
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

app_dll() {
  local dll="${OC_APP_DLL:-$repo/OrderConsole/bin/Release/net10.0/OrderConsole.dll}"
  if [ ! -f "$dll" ]; then
    [ -z "${OC_APP_DLL:-}" ] || die "OC_APP_DLL=$dll does not exist"
    log "building the console (Release) ..."
    dotnet build "$repo/OrderConsole/OrderConsole.csproj" -c Release -nologo -v quiet >&2
  fi
  echo "$(cd "$(dirname "$dll")" && pwd)/$(basename "$dll")"
}

start() {
  if [ -f "$run_dir/cluster.env" ]; then
    die "a cluster already runs from $run_dir (stop it first)"
  fi
  ensure_packages
  local dll redis_port app1_port app2_port haproxy_port prometheus_port
  dll="$(app_dll)"
  mkdir -p "$run_dir/redis" "$run_dir/prometheus/targets" "$run_dir/prometheus/data"
  # Whatever makes start end early from here on stops what did start.
  trap 'log "start failed; stopping what started (logs kept in $run_dir)"; stop_parts' EXIT

  chosen_ports=()
  choose_port redis_port "${OC_REDIS_PORT:-}"
  choose_port app1_port "${OC_APP1_PORT:-}"
  choose_port app2_port "${OC_APP2_PORT:-}"
  choose_port haproxy_port "${OC_HAPROXY_PORT:-}"
  choose_port prometheus_port "${OC_PROMETHEUS_PORT:-}"

  launch redis redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$run_dir/redis" \
    --appendonly yes --appendfsync everysec --save "" --daemonize no
  wait_for redis redis-cli -p "$redis_port" ping

  # A build output (not a published one) serves its packages' static assets (MudBlazor's scripts and styles)
  # only in Development, so it runs in Development unless OC_ENVIRONMENT says otherwise.
  local environment="Production"
  [ ! -f "${dll%.dll}.staticwebassets.runtime.json" ] || environment="Development"
  environment="${OC_ENVIRONMENT:-$environment}"

  local name port
  for name in app1 app2; do
    port="${name}_port"
    (cd "$(dirname "$dll")" && launch "$name" env ASPNETCORE_ENVIRONMENT="$environment" \
      ASPNETCORE_URLS="http://127.0.0.1:${!port}" Redis__ConnectionString="127.0.0.1:$redis_port" \
      InstanceName="$name" Demo__Enabled="${OC_DEMO_ENABLED:-true}" Demo__Password="${OC_DEMO_PASSWORD:-}" \
      dotnet exec "$dll")
  done
  wait_for app1 http_ok "http://127.0.0.1:$app1_port/readyz"
  wait_for app2 http_ok "http://127.0.0.1:$app2_port/readyz"

  launch haproxy env HAPROXY_BIND="127.0.0.1:$haproxy_port" \
    APP1_ADDR="127.0.0.1:$app1_port" APP2_ADDR="127.0.0.1:$app2_port" \
    haproxy -db -f "$repo/deploy/haproxy.cfg"
  wait_for haproxy http_ok "http://127.0.0.1:$haproxy_port/readyz"

  # prometheus.yml reads its targets from targets/*.yml beside itself: a link to the repository's file
  # sits beside the targets this cluster writes (compose mounts its own targets file the same way).
  ln -sf "$repo/deploy/prometheus.yml" "$run_dir/prometheus/prometheus.yml"
  cat >"$run_dir/prometheus/targets/apps.yml" <<EOF
- targets: ["127.0.0.1:$app1_port"]
  labels:
    instance: app1
- targets: ["127.0.0.1:$app2_port"]
  labels:
    instance: app2
EOF
  launch prometheus prometheus --config.file="$run_dir/prometheus/prometheus.yml" \
    --storage.tsdb.path="$run_dir/prometheus/data" --web.listen-address="127.0.0.1:$prometheus_port"
  wait_for prometheus http_ok "http://127.0.0.1:$prometheus_port/-/ready"

  trap - EXIT
  cat >"$run_dir/cluster.env" <<EOF
CONSOLE_URL=http://127.0.0.1:$haproxy_port
APP1_URL=http://127.0.0.1:$app1_port
APP2_URL=http://127.0.0.1:$app2_port
REDIS_PORT=$redis_port
PROMETHEUS_URL=http://127.0.0.1:$prometheus_port
RUN_DIR=$run_dir
EOF
  cat "$run_dir/cluster.env"
}

# Stops each part this script started (by the pid it recorded), waiting a bounded time before SIGKILL.
stop_parts() {
  local part pid
  for part in "${parts[@]}"; do
    pid="$(pid_of "$part")"
    [ -n "$pid" ] || continue
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$run_dir/$part.pid"
  done
}

stop() {
  [ -d "$run_dir" ] || { log "nothing runs from $run_dir"; return; }
  stop_parts
  if [ "${OC_KEEP_LOGS:-false}" = true ]; then
    rm -f "$run_dir/cluster.env"
    log "stopped (logs kept in $run_dir)"
  else
    rm -rf "$run_dir"
    log "stopped"
  fi
}

status() {
  [ -f "$run_dir/cluster.env" ] || { log "no cluster runs from $run_dir"; return 1; }
  cat "$run_dir/cluster.env"
  local part down=0
  for part in redis app1 app2 haproxy prometheus; do
    if is_running "$part"; then echo "$part: running (pid $(pid_of "$part"))"; else echo "$part: NOT running"; down=1; fi
  done
  return "$down"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
