#!/usr/bin/env bash
# What one order costs the durable cluster: starts scripts/cluster.sh, runs the steady workload (20,000 orders a round) against it alone
# (after the bench tool's warm-up), and over the window from 5 s to 10 s of each counted round prints per order:
# the machine's busy CPU (all processes, this tool included) and its split by process (PostgreSQL, the API host,
# the other silos, this tool), PostgreSQL commits, grain state rows inserted and
# updated, stream queue rows and WAL bytes; then the round's closed-loop orders/s. Stops the cluster.
# With "embedded", the same for an embedded host started as bench/run.sh starts it (40,000 orders a round, so that the
# window falls in the closed loop; the machine's CPU and its split between the host and this tool).
# With "gc" as well, also the garbage collector's pauses in each server process over the same window
# (bench/OrderActors.GcPauses; its own CPU then counts in the machine's figure).
#   bench/per-order.sh [rounds] [durable|embedded] [gc]   (extra settings go through the environment, e.g. Streams__OrderEventWindow=00:00:00.050)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
system=${2:-durable}
watch_gc=${3:-}
log=$(mktemp)
embedded_host="OrderActors.ApiHost.dll --embedded --urls http://localhost:5070"
case "$system" in
  durable) url=http://localhost:5080; orders=20000 ;;
  embedded) url=http://localhost:5070; orders=40000 ;;
  *) echo "usage: bench/per-order.sh [rounds] [durable|embedded]" >&2; exit 2 ;;
esac
stop() {
  if [ "$system" = durable ]; then scripts/cluster.sh down >/dev/null 2>&1 || true
  else pkill -f "$embedded_host" 2>/dev/null || true; fi
}
trap 'stop; rm -f "$log" "${gc_log:-}"' EXIT

dotnet build bench/OrderActors.Bench -c Release --nologo -v quiet >/dev/null
if [ "$watch_gc" = gc ]; then dotnet build bench/OrderActors.GcPauses -c Release --nologo -v quiet >/dev/null; fi
if [ "$system" = durable ]; then
  scripts/cluster.sh up >/dev/null
else
  dotnet build src/ApiHost -c Release --nologo -v quiet >/dev/null
  export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development} DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x2000000} \
    DOTNET_TC_CallCountingDelayMs=${DOTNET_TC_CallCountingDelayMs:-0} \
    RateLimits__PermitsPerSecond=${RateLimits__PermitsPerSecond:-1000000} RateLimits__Burst=${RateLimits__Burst:-1000000}
  (cd src/ApiHost/bin/Release/net10.0 && ConnectionStrings__OrderActors= Orleans__SiloPort=21111 Orleans__GatewayPort=31000 \
    nohup dotnet $embedded_host >/dev/null 2>&1 &)
  for _ in $(seq 1 60); do curl -sf "$url/health/ready" >/dev/null && break; sleep 1; done
fi
# commits, state rows inserted, updated, stream rows, WAL bytes (zeros for the embedded host); then the machine's busy and idle jiffies
snapshot() {
  if [ "$system" = embedded ]; then echo "0 0 0 0 0 $(awk '/^cpu /{print $2+$3+$4+$7+$8, $5+$6}' /proc/stat)"; return; fi
  echo "$(scripts/cluster.sh psql -Atc "
    SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = 'orderactors'), n_tup_ins, n_tup_upd,
           (SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'orderactors_stream_queue'),
           pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint
    FROM pg_stat_user_tables WHERE relname = 'orderactors_grain_state'" | tr '|' ' ') $(awk '/^cpu /{print $2+$3+$4+$7+$8, $5+$6}' /proc/stat)"
}
# CPU jiffies (user + system) of the processes whose command line matches each pattern, in this order
groups=("postgres" "OrderActors.ApiHost" "OrderActors.Silo.dll" "OrderActors.Bench")
if [ "$system" = embedded ]; then groups=("$embedded_host" "OrderActors.Bench"); fi
split() {
  local pattern pid total out=""
  for pattern in "${groups[@]}"; do
    total=0
    for pid in $(pgrep -f "$pattern" || true); do
      total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    out="$out $total"
  done
  echo "$out"
}
line() { echo "steady #$1: .* in $2 s"; }
await() { for _ in $(seq 1 6000); do grep -q "$(line "$1" "$2")" "$log" && return; sleep 0.1; done; }
placed() { grep "$(line "$1" "$2")" "$log" | sed 's/.*: \([0-9]*\)\/.*/\1/'; }
gc_log=$(mktemp)
# The server processes as name=pid for bench/OrderActors.GcPauses: the API host (or embedded host), then each silo.
servers() {
  local pid i=0
  if [ "$system" = embedded ]; then echo "embedded-host=$(pgrep -f "$embedded_host" | head -1)"; return; fi
  echo "api-host=$(pgrep -f "OrderActors.ApiHost" | head -1)"
  for pid in $(pgrep -f "OrderActors.Silo.dll" || true); do i=$((i + 1)); echo "silo-$i=$pid"; done
}

dotnet bench/OrderActors.Bench/bin/Release/net10.0/OrderActors.Bench.dll steady --rounds "$rounds" \
  --orders "$orders" --target "$system=$url" >"$log" 2>&1 &
bench=$!
for round in $(seq 1 "$rounds"); do
  await "$round" 5; first=$(snapshot); cpu_first=$(split); from=$(placed "$round" 5)
  if [ "$watch_gc" = gc ]; then
    # shellcheck disable=SC2046
    dotnet bench/OrderActors.GcPauses/bin/Release/net10.0/OrderActors.GcPauses.dll 5 $(servers) >"$gc_log" 2>&1 &
    watcher=$!
  fi
  await "$round" 10; last=$(snapshot); cpu_last=$(split); to=$(placed "$round" 10)
  if [ "$system" = embedded ]; then
    echo "$first $last $from $to $cpu_first $cpu_last" | awk -v round="$round" -v hz="$(getconf CLK_TCK)" '{
      n = $16 - $15
      printf "round %d: %d orders in 5 s; per order: CPU %.3f ms (machine idle %.0f%%); embedded host %.3f ms, bench tool %.3f\n",
        round, n, ($13 - $6) * 1000 / hz / n, 100 * ($14 - $7) / (($13 - $6) + ($14 - $7)), ($19 - $17) * 1000 / hz / n, ($20 - $18) * 1000 / hz / n }'
    if [ "$watch_gc" = gc ]; then wait "$watcher" || true; cat "$gc_log"; fi
    continue
  fi
  echo "$first $last $from $to $cpu_first $cpu_last" | awk -v round="$round" -v hz="$(getconf CLK_TCK)" '{
    n = $16 - $15
    printf "round %d: %d orders in 5 s; per order: CPU %.2f ms (machine idle %.0f%%), commits %.2f, state rows inserted %.2f, updated %.2f, stream rows %.2f, WAL %.1f KB\n",
      round, n, ($13 - $6) * 1000 / hz / n, 100 * ($14 - $7) / (($13 - $6) + ($14 - $7)), ($8 - $1) / n, ($9 - $2) / n, ($10 - $3) / n, ($11 - $4) / n, ($12 - $5) / 1024 / n
    printf "         CPU per order by process: PostgreSQL %.2f ms, API host %.2f, other silos %.2f, bench tool %.2f\n",
      ($21 - $17) * 1000 / hz / n, ($22 - $18) * 1000 / hz / n, ($23 - $19) * 1000 / hz / n, ($24 - $20) * 1000 / hz / n }'
  if [ "$watch_gc" = gc ]; then wait "$watcher" || true; cat "$gc_log"; fi
done
wait "$bench"
grep "(closed)" "$log" | grep -v "|" | sed 's/^ *//'
# The bench tool wrote result files for this run: not a benchmark result, drop them.
for json in $(grep -o '/[^ ]*/bench/results/[^ ]*\.json' "$log"); do rm -f "$json" "${json%.json}.md"; done
