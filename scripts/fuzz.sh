#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in ./build-fuzz, or in
# $FUZZ_BUILD_DIR, and runs each for SECONDS (default 60) through CTest, two
# at a time on two cores, starting from the seeds in fuzz/corpus/<target>/.
# A crash fails the run; the input is saved in build-fuzz/fuzz/artifacts/
# (commit it to fuzz/corpus/<target>/ as a regression seed once fixed).
# Replay one input:  build-fuzz/bin/<target> path/to/input
# Needs clang and libclang-rt-14-dev (scripts/build.sh installs them with
# NEARDUP_EXTRA_PACKAGES="clang libclang-rt-14-dev").
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
build_dir=${FUZZ_BUILD_DIR:-build-fuzz}
jobs=$(nproc)
start=$SECONDS

probe='extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long) { return 0; }'
if ! echo "$probe" | clang++ -x c++ -fsanitize=fuzzer - -o /dev/null 2>/dev/null; then
  echo "neardup: fuzz.sh needs clang++ and libFuzzer (Debian: apt-get install" \
       "clang libclang-rt-14-dev, or NEARDUP_EXTRA_PACKAGES for build.sh)" >&2
  exit 1
fi

# -O1 -gline-tables-only as OSS-Fuzz builds: quick to compile, symbolised
# stack traces.
CC=clang CXX=clang++ cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
  -DNEARDUP_BUILD_FUZZERS=ON -DNEARDUP_FUZZ_SECONDS="$seconds" \
  -DNEARDUP_BUILD_TESTS=OFF -DNEARDUP_BUILD_TOOLS=OFF -DNEARDUP_BUILD_BENCH=OFF >/dev/null
cmake --build "$build_dir" -j"$jobs" --target neardup_fuzzers
echo "neardup: fuzzers built in $((SECONDS - start)) s; fuzzing each for" \
     "${seconds} s, ${jobs} at a time" >&2
ctest --test-dir "$build_dir/fuzz" --output-on-failure -j"$jobs"
