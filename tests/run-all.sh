#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds everything and runs the whole test suite.
# This is the one test command of README.md; .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/install-deps.sh
jobs=$(nproc)

# Warnings are errors in CI.
if [ "${CI:-}" = "true" ]; then export LLMADVISOR_WERROR=ON; else export LLMADVISOR_WERROR=OFF; fi

echo "== full build (dev preset) =="
cmake --preset dev
cmake --build --preset dev -j "$jobs"
ctest --preset dev -j "$jobs"

echo "== boundary build: core, db and the CLI without any GUI library (noui preset) =="
cmake --preset noui >/dev/null
cmake --build --preset noui -j "$jobs"
ctest --preset noui -j "$jobs"
