#!/usr/bin/env bash
# One command for the benchmark: starts what it needs (a throwaway PostgreSQL with the durable cluster of
# scripts/cluster.sh, the baseline service on the same PostgreSQL, an embedded host), runs a workload on
# every system interleaved round by round, prints medians, writes bench/results/, and stops everything.
#   bench/run.sh flash-sale [rounds]      workloads: flash-sale, steady, mixed, scale, noop
#   bench/run.sh scale 1 --orders 50000   (scale defaults to 200,000 orders per system)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
workload=${1:?usage: bench/run.sh <flash-sale|steady|mixed|scale|noop> [rounds]}
rounds=${2:-3}
shift $(( $# < 2 ? $# : 2 ))   # anything after the rounds goes to the bench tool (e.g. --orders 50000 for scale)
state="$root/.cluster"
export ASPNETCORE_ENVIRONMENT=Development
# Every .NET process here (the baseline, the embedded host, the cluster, this tool) with the cluster script's first
# generation of 32 MB: this machine's default is a few MB (bench/HISTORY.md), and both sides get the same.
export DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x2000000}
# And with its tiering setting: hot methods counted for optimized code from their first calls.
export DOTNET_TC_CallCountingDelayMs=${DOTNET_TC_CallCountingDelayMs:-0}
# Our hosts limit each API key to 10,000 requests a second (burst 20,000); the load generator's one key would hit
# that in a flash sale, and the baseline has no limit: lift it for the run (cluster and embedded host).
export RateLimits__PermitsPerSecond=${RateLimits__PermitsPerSecond:-1000000} RateLimits__Burst=${RateLimits__Burst:-1000000}

cleanup() {
  local status=$? name kept
  # A failed run keeps every process's log (the state folder goes with the cluster).
  if [ "$status" -ne 0 ] && [ -d "$state/logs" ]; then
    kept=$(mktemp -d "${TMPDIR:-/tmp}/orderactors-bench-$workload.XXXXXX")
    cp -r "$state/logs/." "$kept/" && echo "bench/run.sh: failed ($status); the logs are kept in $kept" >&2
  fi
  for name in baseline embedded; do
    if [ -f "$state/$name.pid" ]; then kill "$(cat "$state/$name.pid")" 2>/dev/null || true; fi
  done
  # nohup under a subshell can leave the recorded pid pointing at a parent: match the exact command lines too.
  pkill -f "OrderActors.Baseline.dll --urls http://localhost:5090" 2>/dev/null || true
  pkill -f "OrderActors.ApiHost.dll --embedded --urls http://localhost:5070" 2>/dev/null || true
  scripts/cluster.sh down >/dev/null 2>&1 || true
}
trap cleanup EXIT

dotnet build bench/OrderActors.Bench -c Release --nologo -v quiet >/dev/null
dotnet build bench/OrderActors.Baseline -c Release --nologo -v quiet >/dev/null
scripts/cluster.sh up
pg_port=$(cat "$state/pg.port")
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/createdb | head -n 1)")
as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres baseline

(cd bench/OrderActors.Baseline/bin/Release/net10.0 && \
  ConnectionStrings__Baseline="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=baseline" \
  nohup dotnet OrderActors.Baseline.dll --urls http://localhost:5090 >"$state/logs/baseline.log" 2>&1 & echo $! >"$state/baseline.pid")
(cd src/ApiHost/bin/Release/net10.0 && ConnectionStrings__OrderActors= Orleans__SiloPort=21111 Orleans__GatewayPort=31000 \
  nohup dotnet OrderActors.ApiHost.dll --embedded --urls http://localhost:5070 >"$state/logs/embedded.log" 2>&1 & echo $! >"$state/embedded.pid")
for url in http://localhost:5090/health/live http://localhost:5070/health/ready; do
  for _ in $(seq 1 60); do curl -sf "$url" >/dev/null && break; sleep 1; done
done

dotnet bench/OrderActors.Bench/bin/Release/net10.0/OrderActors.Bench.dll "$workload" --rounds "$rounds" "$@" \
  --target embedded=http://localhost:5070 --target durable=http://localhost:5080 --target baseline=http://localhost:5090 \
  --process "embedded=OrderActors.ApiHost.dll --embedded" --process "durable=OrderActors.Silo.dll|OrderActors.ApiHost.dll --silo" --process baseline=OrderActors.Baseline.dll
