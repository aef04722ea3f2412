#!/usr/bin/env bash
# Installs what is missing, builds neardup and runs the whole test suite
# (GoogleTest through CTest). Tests that read ../shared/datasets skip with a
# message when that folder is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j"$(nproc)"

# --- Streaming Deduper (crawler): ThreadSanitizer stress test, Python
# bindings built with -DNEARDUP_PYTHON=ON and tested with Debian's pytest.
bash scripts/tsan.sh
cmake -S . -B "${BUILD_DIR:-build}" -DNEARDUP_PYTHON=ON \
  -DPython3_EXECUTABLE=/usr/bin/python3 >/dev/null
cmake --build "${BUILD_DIR:-build}" -j"$(nproc)" --target neardup_python
NEARDUP_PYTHON_DIR="$PWD/${BUILD_DIR:-build}/python" \
  /usr/bin/python3 -m pytest -q python/tests
