#!/usr/bin/env bash
# Builds the whole test suite (library, neardup tool, tests) with
# AddressSanitizer + UndefinedBehaviorSanitizer (-DNEARDUP_SANITIZE=ON,
# RelWithDebInfo at -O1 with line tables) in ./build-asan, or in
# $ASAN_BUILD_DIR, and runs CTest there. Any sanitizer report aborts its
# test, so the run fails.
#
# Compiler: clang++ when installed (a second compiler next to the g++ of the
# main build, and 3-4x faster to compile here: g++ -O1 -g needs 80 s for
# tests/cli_test.cc alone), else g++. $SANITIZE_CXX overrides.
# Tests matching $NEARDUP_SANITIZE_EXCLUDE (a CTest regex; default: the
# statistical sketch/LSH rate tests, which repeat already-covered code
# hundreds of thousands of times, and package_test, which builds an
# uninstrumented example against the installed, here instrumented, library)
# run only in the normal build.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${ASAN_BUILD_DIR:-build-asan}
jobs=$(nproc)
exclude=${NEARDUP_SANITIZE_EXCLUDE-LshRateTest|SketchRmseTest|package_test}

cxx=${SANITIZE_CXX:-}
if [ -z "$cxx" ]; then
  cxx=g++
  # clang++ only if its sanitizer runtime (libclang-rt-14-dev) is there.
  if echo 'int main() { return 0; }' |
     clang++ -x c++ -fsanitize=address,undefined - -o /dev/null 2>/dev/null; then
    cxx=clang++
  fi
fi
echo "neardup: sanitizer build with $cxx in $build_dir" >&2
debug_flags="-gline-tables-only"
[[ $cxx == *clang* ]] || debug_flags="-g1"

CXX=$cxx cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 $debug_flags" -DNEARDUP_SANITIZE=ON \
  -DNEARDUP_BUILD_BENCH=OFF >/dev/null
cmake --build "$build_dir" -j"$jobs"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir "$build_dir" --output-on-failure -j"$jobs" ${exclude:+-E "$exclude"}
