#!/usr/bin/env bash
# The measurements behind bench/README.md, in one go:
#   1. every Google Benchmark suite (min time 0.5 s, 3 repetitions, median
#      kept), as JSON and as a console table;
#   2. `neardup bench --docs 200000` end to end on 2 threads and on 1
#      (3 runs each, fastest kept), against `wc -w` on the same file.
# Results go to OUT_DIR (default: a new directory under /tmp). Before each
# step the script waits (up to QUIET_WAIT seconds, default 600) for the
# 1-minute load average to fall below QUIET_LOAD (default 0.5), because the
# machine is shared; the load is recorded with the results either way.
#
#   bench/e2e/run.sh [BUILD_DIR [OUT_DIR]]
#   DOCS=1000000 bench/e2e/run.sh        (a bigger end-to-end corpus)
#   SUITES=0 bench/e2e/run.sh            (end to end only)
#   FILTER='BM_Sign' E2E=0 bench/e2e/run.sh   (some suites only)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-${BUILD_DIR:-$repo/build}}"
out="${2:-$(mktemp -d "${TMPDIR:-/tmp}/neardup-bench-results-XXXXXX")}"
docs="${DOCS:-200000}"
quiet_load="${QUIET_LOAD:-0.5}"
quiet_wait="${QUIET_WAIT:-600}"
mkdir -p "$out"

if [[ ! -x "$build/bin/neardup" || ! -x "$build/bin/neardup_bench" ]]; then
  cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j"$(nproc)" --target neardup neardup_bench
fi

wait_quiet() {
  local waited=0
  while awk -v max="$quiet_load" '{exit !($1 >= max)}' /proc/loadavg; do
    if (( waited >= quiet_wait )); then
      echo "run: load still $(cut -d' ' -f1-3 /proc/loadavg) after ${waited}s; measuring anyway" >&2
      return
    fi
    sleep 10
    waited=$((waited + 10))
  done
  echo "run: load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
}

{
  echo "date: $(date -u +%FT%TZ)"
  echo "commit: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"
  echo "cores: $(nproc)"
} >"$out/machine.txt"

if [[ "${SUITES:-1}" != 0 ]]; then
  wait_quiet
  echo "run: Google Benchmark suites -> $out/suites.json" >&2
  echo "load before suites: $(cat /proc/loadavg)" >>"$out/machine.txt"
  "$build/bin/neardup_bench" --benchmark_min_time=0.5 \
    --benchmark_filter="${FILTER:-.}" \
    --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
    --benchmark_out="$out/suites.json" --benchmark_out_format=json \
    | tee "$out/suites.txt"
  echo "load after suites: $(cat /proc/loadavg)" >>"$out/machine.txt"
fi

[[ "${E2E:-1}" == 0 ]] && { echo "run: results in $out" >&2; exit 0; }
for threads in 2 1; do
  wait_quiet
  echo "run: neardup bench --docs $docs --threads $threads --repeat 3" >&2
  "$build/bin/neardup" bench --docs "$docs" --threads "$threads" --repeat 3 \
    -o "$out/e2e-$docs-t$threads.json" | tee "$out/e2e-$docs-t$threads.txt"
done
echo "run: results in $out" >&2
