#!/usr/bin/env bash
# The whole test suite N times in a row (default 10) with a CPU burner on every core beside it:
# the check that snapshot and Pilot tests wait on conditions, not on luck. Run from a clone with
# the README's venv active:  bash scripts/suite_under_load.sh [N]
set -uo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
burners=()
for _ in $(seq "$(nproc)"); do
    python -c "while True: pass" &
    burners+=("$!")
done
trap 'kill "${burners[@]}" 2>/dev/null' EXIT
green=0
for i in $(seq "$runs"); do
    start=$(date +%s)
    log="$(mktemp)"
    python -m pytest -q -p no:cacheprovider >"$log" 2>&1 && green=$((green + 1))
    echo "run $i: $(( $(date +%s) - start )) s, $(tail -1 "$log")"
    rm -f "$log"
done
echo "$green of $runs runs green"
[ "$green" -eq "$runs" ]
