#!/usr/bin/env bash
# Installs what is missing, builds neardup and runs the whole test suite, in
# phases (each ends with its runner's summary):
#   build     Release build in ./build (scripts/build.sh) + GoogleTest suite
#   bench     every benchmark suite and `neardup bench` in a seconds-long
#             smoke mode (bench/smoke.sh; no timing assertions)
#   python    the Python bindings built with -DNEARDUP_PYTHON=ON + pytest
#   tsan      the streaming Deduper stress test under ThreadSanitizer
#   sanitize  the same suite built with ASan + UBSan in ./build-asan
#             (scripts/sanitize.sh)
#   fuzz      libFuzzer targets built with clang in ./build-fuzz, each run
#             for $NEARDUP_FUZZ_SECONDS (default 30) s (scripts/fuzz.sh)
# NEARDUP_TEST_PHASES selects phases (default: all, in this order), e.g.
# NEARDUP_TEST_PHASES=build for a quick local run; the build phase installs
# the Debian packages of all phases (clang and libclang-rt-14-dev for the
# fuzzers included). Tests that read
# ../shared/datasets skip with a message when that folder is absent. Exits
# non-zero as soon as a phase fails.
set -euo pipefail
cd "$(dirname "$0")/.."
phases=${NEARDUP_TEST_PHASES:-build bench python tsan sanitize fuzz}
fuzz_seconds=${NEARDUP_FUZZ_SECONDS:-30}
# clang + libFuzzer runtime for the fuzz phase, installed with the rest.
export NEARDUP_EXTRA_PACKAGES="${NEARDUP_EXTRA_PACKAGES:-} clang libclang-rt-14-dev"

report=""
phase() {
  local name=$1 start=$SECONDS
  shift
  echo "neardup: === phase $name ===" >&2
  "$@"
  report+="neardup: phase $name took $((SECONDS - start)) s"$'\n'
  printf '%s' "$report" >&2
}

for p in $phases; do
  case $p in
    build) phase build bash -c 'bash scripts/build.sh &&
             ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j"$(nproc)"' ;;
    bench) phase bench bash bench/smoke.sh ;;
    python)
      # Python bindings (-DNEARDUP_PYTHON=ON) tested with Debian's pytest.
      phase python bash -c 'cmake -S . -B "${BUILD_DIR:-build}" -DNEARDUP_PYTHON=ON \
               -DPython3_EXECUTABLE=/usr/bin/python3 >/dev/null &&
             cmake --build "${BUILD_DIR:-build}" -j"$(nproc)" --target neardup_python &&
             NEARDUP_PYTHON_DIR="$PWD/${BUILD_DIR:-build}/python" \
               /usr/bin/python3 -m pytest -q python/tests' ;;
    tsan) phase tsan bash scripts/tsan.sh ;;
    sanitize) phase sanitize bash scripts/sanitize.sh ;;
    fuzz)
      # Last, so that the output ends with CTest's summary: fuzz.sh reports
      # its build time, CTest the fuzzing time.
      echo "neardup: === phase fuzz (${fuzz_seconds} s per target) ===" >&2
      bash scripts/fuzz.sh "$fuzz_seconds" ;;
    *) echo "neardup: unknown phase '$p' (build, bench, python, tsan, sanitize, fuzz)" >&2
       exit 2 ;;
  esac
done
