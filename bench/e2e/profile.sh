#!/usr/bin/env bash
# Where the time goes in `neardup dedup`: generates a synth --remix corpus
# of DOCS documents (default 50000) and profiles one single-threaded dedup
# run with perf (flat profile by symbol, plus the time below each pipeline
# stage from DWARF call graphs). Without perf, falls back to callgrind on a
# 5000-document corpus.
#
#   bench/e2e/profile.sh [BUILD_DIR [OUT_DIR]]
#   DOCS=200000 THREADS=2 bench/e2e/profile.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-${BUILD_DIR:-$repo/build}}"
out="${2:-$(mktemp -d "${TMPDIR:-/tmp}/neardup-profile-XXXXXX")}"
threads="${THREADS:-1}"
base="${NEARDUP_SHARED_DIR:-$repo/../shared}/datasets/reuters21578/corpus.jsonl"
base_args=()
[[ -f "$base" ]] && base_args=(--base "$base")
neardup="$build/bin/neardup"
[[ -x "$neardup" ]] || { echo "profile: build $neardup first" >&2; exit 1; }
mkdir -p "$out"

if command -v perf >/dev/null && perf record -o /dev/null -- true 2>/dev/null; then
  docs="${DOCS:-50000}"
  "$neardup" synth --remix --docs "$docs" "${base_args[@]}" -o "$out/corpus"
  cat "$out/corpus/corpus.jsonl" >/dev/null  # page cache
  perf record -F 999 --call-graph dwarf,16384 -o "$out/perf.data" -- \
    "$neardup" dedup "$out/corpus/corpus.jsonl" --threads "$threads" \
    -o "$out/clusters.jsonl"
  perf report -i "$out/perf.data" --no-children --stdio --sort symbol \
    -g none >"$out/self.txt" 2>/dev/null
  perf report -i "$out/perf.data" --children --stdio --sort symbol \
    -g none >"$out/children.txt" 2>/dev/null
  {
    echo "== self time by symbol"
    grep -E '^ +[0-9]' "$out/self.txt" | head -30 | cut -c1-150 || true
    echo "== time including callees (pipeline stages, sorting, hashing)"
    grep -E '^ +[0-9]' "$out/children.txt" | grep -E 'neardup|sort|XXH' \
      | head -40 | cut -c1-150 || true
  } >"$out/profile.txt"
  cat "$out/profile.txt"
else
  docs="${DOCS:-5000}"
  "$neardup" synth --remix --docs "$docs" "${base_args[@]}" -o "$out/corpus"
  valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" \
    "$neardup" dedup "$out/corpus/corpus.jsonl" --threads 1 \
    -o "$out/clusters.jsonl"
  callgrind_annotate --inclusive=yes "$out/callgrind.out" >"$out/profile.txt"
  head -60 "$out/profile.txt"
fi
echo "profile: $out/profile.txt" >&2
