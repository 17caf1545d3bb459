#!/usr/bin/env bash
# Runs every test of ActorIpc: builds the solution in Release, runs every test project,
# then the HOCON conformance cases against `actoripc config print --json`.
# Ends with one line 'tests: N passed, M failed'; exits non-zero if anything failed.
#
#   ./test.sh                       everything
#   ACTORIPC_CONFORMANCE=DIR ./test.sh   conformance cases from DIR (default ../shared/conformance/hocon)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
root=$(pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet build ActorIpc.sln -c Release -nologo -v quiet || { echo "tests: 0 passed, 1 failed (build)"; exit 1; }

# Test projects run one at a time: the multi-process suites start real processes and
# share the machine's two cores with the test host.
dotnet test ActorIpc.sln -c Release --no-build -nologo -m:1 --logger "console;verbosity=normal" 2>&1 | tee "$log"
unit_rc=${PIPESTATUS[0]}

# Each test project ends with "     Passed: N" and, when there are any, "Failed: N" / "Skipped: N".
read -r passed failed skipped < <(awk '
  /^[[:space:]]+Passed: [0-9]+[[:space:]]*$/  { p += $2 }
  /^[[:space:]]+Failed: [0-9]+[[:space:]]*$/  { f += $2 }
  /^[[:space:]]+Skipped: [0-9]+[[:space:]]*$/ { s += $2 }
  END { printf "%d %d %d\n", p, f, s }' "$log")
if [ "$unit_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

cases=${ACTORIPC_CONFORMANCE:-"$root/../shared/conformance/hocon"}
if [ -x "$cases/check.sh" ]; then
  echo "HOCON conformance: $cases"
  "$cases/check.sh" "$root/src/ActorIpc.Cli/bin/Release/net10.0/actoripc" config print --json 2>&1 | tee "$log"
  conf_rc=${PIPESTATUS[0]}
  read -r cp cf < <(awk '/^[0-9]+ passed, [0-9]+ failed$/ { print $1, $3 }' "$log")
  passed=$((passed + ${cp:-0}))
  failed=$((failed + ${cf:-0}))
  if [ "$conf_rc" -ne 0 ] && [ "${cf:-0}" -eq 0 ]; then failed=$((failed + 1)); fi
elif [ "${CI:-}" = "true" ]; then
  echo "HOCON conformance cases not found at $cases: CI must run them."
  failed=$((failed + 1))
else
  echo "NOTE: HOCON conformance cases not found at $cases; set ACTORIPC_CONFORMANCE to run them."
fi

if [ "$skipped" -gt 0 ]; then
  echo "tests: $passed passed, $failed failed, $skipped skipped"
else
  echo "tests: $passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
