#!/usr/bin/env bash
# Installs the Debian 12 packages neardup needs (only those missing; needs
# root or sudo), then configures and builds it (Release) in ./build, or in
# $BUILD_DIR. Extra arguments go to the CMake configure step.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake pkg-config
          libabsl-dev libxxhash-dev libutf8proc-dev libzstd-dev zlib1g-dev
          libboost-program-options-dev libgtest-dev libbenchmark-dev
          pybind11-dev python3-dev python3-pytest
          ${NEARDUP_EXTRA_PACKAGES:-})
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
    grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "neardup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
fi

build_dir=${BUILD_DIR:-build}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
