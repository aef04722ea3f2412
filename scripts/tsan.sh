#!/usr/bin/env bash
# Builds the Deduper stress test with ThreadSanitizer in ./build-tsan (or
# $TSAN_BUILD_DIR) and runs it: 8 threads, 200,000 adds and queries (the
# classic mode's 13 LSH bands, with the online boilerplate model on, keep
# the instrumented run near a minute). Any data race fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${TSAN_BUILD_DIR:-build-tsan}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DNEARDUP_BUILD_BENCH=OFF \
  -DCMAKE_CXX_FLAGS="-fsanitize=thread -fno-omit-frame-pointer" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" >/dev/null
cmake --build "$build_dir" -j"$(nproc)" --target neardup_deduper_stress
TSAN_OPTIONS="halt_on_error=1 exitcode=66 ${TSAN_OPTIONS:-}" \
  "$build_dir/bin/neardup_deduper_stress" --ops "${NEARDUP_STRESS_OPS:-200000}" \
  --words 30 --mode classic
