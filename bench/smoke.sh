#!/usr/bin/env bash
# Smoke run of every benchmark, so none of them can rot: each Google
# Benchmark suite for a moment (--benchmark_min_time=0.01, the 1M-document
# cases left out) and `neardup bench --docs 2000 --repeat 2` end to end.
# Checks that everything runs and that the end-to-end result is complete
# and deterministic; asserts nothing about timings. About 15-30 s.
#
#   bench/smoke.sh [BUILD_DIR]       (default: $BUILD_DIR, else ./build)
#
# Builds the neardup and neardup_bench targets first if they are missing.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-${BUILD_DIR:-$repo/build}}"
bin="$build/bin"

if [[ ! -x "$bin/neardup" || ! -x "$bin/neardup_bench" ]]; then
  echo "smoke: building neardup and neardup_bench in $build" >&2
  cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j"$(nproc)" --target neardup neardup_bench
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/neardup-smoke-XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

echo "smoke: Google Benchmark suites" >&2
# Every registered benchmark except the 1M-document ones (several seconds of
# set-up each). Output as JSON so that a benchmark that errors out (it sets
# "error_occurred") is caught too.
"$bin/neardup_bench" --benchmark_min_time=0.01 \
  --benchmark_filter='-docs:1000000' \
  --benchmark_out="$tmp/gbench.json" --benchmark_out_format=json \
  >"$tmp/gbench.txt"
count=$(grep -c '"run_name"' "$tmp/gbench.json" || true)
if [[ "$count" -lt 100 ]]; then
  echo "smoke: expected >= 100 benchmark results, got $count" >&2
  exit 1
fi
if grep -q '"error_occurred": true' "$tmp/gbench.json"; then
  echo "smoke: a benchmark reported an error:" >&2
  grep -B2 -A2 '"error_occurred": true' "$tmp/gbench.json" >&2
  exit 1
fi
for suite in BM_Normalise BM_Tokenise BM_NormaliseTokenise BM_Shingle \
  BM_ShingleNormalised BM_Sign/ BM_SignCorpus BM_SignText BM_LshBandKeys \
  BM_LshAdd BM_LshQuery BM_Compare BM_CompareSkew BM_BuildClusters \
  BM_CorpusRead BM_CorpusReadAgain BM_ScanJsonObject BM_SignBreakdown; do
  if ! grep -q "\"run_name\": \"$suite" "$tmp/gbench.json"; then
    echo "smoke: no result for $suite" >&2
    exit 1
  fi
done
echo "smoke: $count benchmark results" >&2

echo "smoke: neardup bench --docs 2000 --repeat 2" >&2
"$bin/neardup" bench --docs 2000 --repeat 2 --work-dir "$tmp" \
  -o "$tmp/bench.json" >"$tmp/bench.txt"
cat "$tmp/bench.txt"
for key in '"deterministic": true' '"pair_f1":' '"recall_by_edit":' \
  '"peak_rss_bytes":' '"read_sign_index":' '"speed_vs_wc":' \
  '"documents": 2000,' '"lsh_candidate_pairs":' '"engine_flags": \[\]'; do
  if ! grep -q "$key" "$tmp/bench.json"; then
    echo "smoke: bench.json lacks $key" >&2
    cat "$tmp/bench.json" >&2
    exit 1
  fi
done
echo "smoke: OK" >&2
