#!/usr/bin/env bash
# The durable mode on one machine, without Docker: a throwaway PostgreSQL and three silos, one of them the API
# host (it serves HTTP and hosts grains: requests reach grains without a hop through a gateway).
#   scripts/cluster.sh up       build, start everything, wait until the API answers on http://localhost:5080
#   scripts/cluster.sh status   each process with its pid and whether it runs
#   scripts/cluster.sh down     stop everything and delete the throwaway database
#   scripts/cluster.sh psql …   psql on the running cluster's database (arguments passed on, e.g. -Atc "SELECT 1")
# Settings (environment): SILOS (3, counting the API host), API_MODE (silo; or client: SILOS silos and an API
# host that is only a cluster client), API_PORT (5080), PG_PORT (first free from 55432), CONFIGURATION (Release).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
state="$root/.cluster"
silos=${SILOS:-3}
api_mode=${API_MODE:-silo}
api_port=${API_PORT:-5080}
configuration=${CONFIGURATION:-Release}

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return; }
  done
  command -v initdb >/dev/null && { dirname "$(command -v initdb)"; return; }
  echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 1
}

# PostgreSQL refuses to run as root: run its tools as the postgres user then.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port=$1
  while ! port_free "$port"; do port=$((port + 1)); done
  echo "$port"
}

# Server settings for a write-heavy load (both the cluster and the bench baseline use this server): a buffer
# cache that holds the working set, checkpoints far enough apart that pages are not logged whole again and
# again, and the full-page images that remain compressed (lz4 where the server has it).
pg_tuning() {
  local compression=pglz
  case "$("$1/pg_config" --configure 2>/dev/null || true)" in *--with-lz4*) compression=lz4 ;; esac
  echo "-c shared_buffers=1GB -c max_wal_size=4GB -c checkpoint_timeout=15min -c wal_compression=$compression -c autovacuum_naptime=10s"
}

start_process() { # name, log, command...
  local name=$1 log=$2
  shift 2
  nohup "$@" >"$log" 2>&1 &
  echo $! >"$state/$name.pid"
}

up() {
  if [ -f "$state/pg.port" ]; then
    echo "already up (scripts/cluster.sh status); run 'down' first" >&2
    exit 1
  fi
  port_free "$api_port" || { echo "port $api_port is in use" >&2; exit 1; }
  mkdir -p "$state/logs"
  echo "building ($configuration)..."
  dotnet build "$root/src/ApiHost/OrderActors.ApiHost.csproj" -c "$configuration" --nologo -v quiet >"$state/logs/build.log" 2>&1 \
    || { cat "$state/logs/build.log"; exit 1; }

  local bin pg_port
  bin=$(pg_bin)
  pg_port=$(free_port "${PG_PORT:-55432}")
  mkdir -p "$state/pg"
  [ "$(id -u)" -eq 0 ] && chown -R postgres "$state/pg"
  as_pg "$bin/initdb" -D "$state/pg/data" -U postgres --auth=trust -E UTF8 -N >"$state/logs/initdb.log"
  as_pg "$bin/pg_ctl" -D "$state/pg/data" -w -l "$state/pg/postgres.log" \
    -o "-p $pg_port -k $state/pg -c listen_addresses=127.0.0.1 -c max_connections=400 $(pg_tuning "$bin")" start >/dev/null
  as_pg "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres orderactors
  echo "$pg_port" >"$state/pg.port"
  echo "postgresql on 127.0.0.1:$pg_port"

  export ConnectionStrings__OrderActors="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=orderactors"
  export Orleans__AdvertisedIP=127.0.0.1 ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
  # A first generation of 32 MB in every process, whose workstation collector otherwise starts a collection every
  # few MB of allocation: a flash sale's attempts/s rose by about half (bench/HISTORY.md). Set it to override.
  export DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x2000000}
  # Hot methods counted for optimized code from their first calls, not after 100 ms with no new method compiled
  # (silos keep compiling new methods for minutes): a flash sale's burst then runs optimized (bench/HISTORY.md).
  export DOTNET_TC_CallCountingDelayMs=${DOTNET_TC_CallCountingDelayMs:-0}
  local silo_dir="$root/src/Silo/bin/$configuration/net10.0" api_dir="$root/src/ApiHost/bin/$configuration/net10.0"
  (cd "$silo_dir" && dotnet OrderActors.Silo.dll migrate >"$state/logs/migrate.log" 2>&1) || { cat "$state/logs/migrate.log"; exit 1; }

  local i headless=$silos api_args=() api_env=()
  if [ "$api_mode" = silo ]; then
    headless=$((silos - 1))
    api_args=(--silo)
    # The workstation collector: the API host holds the orders it places (see bench/HISTORY.md).
    api_env=(Orleans__SiloPort=$((11110 + silos)) Orleans__GatewayPort=$((29999 + silos)) DOTNET_gcServer=0)
  fi
  for i in $(seq 1 "$headless"); do
    (cd "$silo_dir" && Orleans__SiloPort=$((11110 + i)) Orleans__GatewayPort=$((29999 + i)) \
      start_process "silo-$i" "$state/logs/silo-$i.log" dotnet OrderActors.Silo.dll)
  done
  (cd "$api_dir" && start_process api "$state/logs/api.log" \
    env "${api_env[@]}" dotnet OrderActors.ApiHost.dll "${api_args[@]}" --urls "http://localhost:$api_port" "$@")

  echo -n "waiting for the API"
  for i in $(seq 1 90); do
    if curl -sf "http://localhost:$api_port/health/ready" >/dev/null 2>&1; then
      echo " ready: http://localhost:$api_port (reference: /scalar/v1)"
      status
      return
    fi
    echo -n "."
    sleep 1
  done
  echo " not ready after 90 s; see $state/logs" >&2
  exit 1
}

status() {
  [ -d "$state" ] || { echo "not running"; return; }
  [ -f "$state/pg.port" ] && echo "postgresql  port $(cat "$state/pg.port")  data $state/pg/data"
  local f name pid
  for f in "$state"/*.pid; do
    [ -e "$f" ] || continue
    name=$(basename "$f" .pid)
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then echo "$name  pid $pid  running"; else echo "$name  pid $pid  stopped"; fi
  done
}

down() {
  [ -d "$state" ] || { echo "not running"; return; }
  local f pid
  for f in "$state"/*.pid; do
    [ -e "$f" ] || continue
    pid=$(cat "$f")
    kill "$pid" 2>/dev/null || true
  done
  sleep 2
  for f in "$state"/*.pid; do
    [ -e "$f" ] || continue
    pid=$(cat "$f")
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$f"
  done
  if [ -d "$state/pg/data" ]; then
    as_pg "$(pg_bin)/pg_ctl" -D "$state/pg/data" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$state"
  echo "stopped"
}

psql_() {
  [ -f "$state/pg.port" ] || { echo "not up (scripts/cluster.sh up)" >&2; exit 1; }
  as_pg "$(pg_bin)/psql" -h 127.0.0.1 -p "$(cat "$state/pg.port")" -U postgres -d orderactors "$@"
}

case "${1:-}" in
  up) shift; up "$@" ;;
  status) status ;;
  down) down ;;
  psql) shift; psql_ "$@" ;;
  *) echo "usage: $0 up|status|down|psql" >&2; exit 2 ;;
esac
