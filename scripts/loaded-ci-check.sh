#!/usr/bin/env bash
# Runs CI (.ci/run) RUNS times in a row on a fresh clone of HEAD while another process keeps one core busy,
# as the shared 2-core CI machines are: a suite that is green only on an idle machine is flaky.
#
#   scripts/loaded-ci-check.sh [RUNS]     (default 10)
#
# The clone gets shared/ beside it, as CI does. Each run's log is kept in the scratch folder; the script
# prints one line per run (exit code, time, the test counts) and a summary, and exits 0 only when every
# run was green.
set -uo pipefail

runs=${1:-10}
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/loaded-ci-check.sh [RUNS]  (RUNS: a positive whole number, default 10)" >&2
  exit 2
fi

project=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$project/../shared" 2>/dev/null && pwd) || {
  echo "loaded-ci-check: no shared/ beside $project: the tests read the seeds and the corpus there" >&2
  exit 2
}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/loaded-ci-check.XXXXXX")
# Readable by others, as a CI checkout is: a test that runs the CLI as another user needs to reach it.
chmod 755 "$scratch"
git clone --quiet --no-hardlinks "$project" "$scratch/main" || exit 2
ln -s "$shared" "$scratch/shared"
echo "loaded-ci-check: $runs run(s) of .ci/run on a fresh clone of $(git -C "$project" rev-parse --short HEAD) in $scratch/main, one core kept busy"

# The load: a busy loop on one core, bounded in time, ended when this script ends.
timeout 7200 sh -c 'while :; do :; done' &
load=$!
trap 'kill "$load" 2>/dev/null; wait "$load" 2>/dev/null' EXIT

green=0
durations=()
for ((i = 1; i <= runs; i++)); do
  log="$scratch/run-$i.log"
  started=$(date +%s)
  (cd "$scratch/main" && CI=true bash .ci/run >"$log" 2>&1)
  status=$?
  seconds=$(($(date +%s) - started))
  durations+=("$seconds")
  counts=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
  [ "$status" -eq 0 ] && green=$((green + 1))
  echo "run $i: exit $status in ${seconds}s: ${counts:-no test counts (see $log)}"
done

sorted=$(printf '%s\n' "${durations[@]}" | sort -n)
echo "loaded-ci-check: $green/$runs green; .ci/run took $(echo "$sorted" | head -n 1)s to $(echo "$sorted" | tail -n 1)s (median $(echo "$sorted" | sed -n "$(((runs + 1) / 2))p")s); logs in $scratch"
[ "$green" -eq "$runs" ]
