#!/usr/bin/env bash
# Runs every test project of the solution and ends with one line: "N passed, N failed" (totals).
# Usage: scripts/test.sh [extra dotnet test arguments]
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet test OrderActors.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test assembly ends with "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T" (or "Failed!  - ...").
read -r passed failed < <(grep -E '(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+' "$log" \
  | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+).*/\2 \1/' \
  | awk '{p += $1; f += $2} END {print p + 0, f + 0}')
assemblies=$(grep -cE '(Passed|Failed)! +- +Failed:' "$log")

echo
echo "test assemblies: $assemblies"
echo "$passed passed, $failed failed"
if [ "$status" -eq 0 ] && [ "$assemblies" -eq 0 ]; then
  echo "no test assembly ran" >&2
  exit 1
fi
exit "$status"
