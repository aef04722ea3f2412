#!/usr/bin/env bash
# Installs what is missing, builds neardup and runs the whole test suite
# (GoogleTest through CTest). Tests that read ../shared/datasets skip with a
# message when that folder is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j"$(nproc)"
