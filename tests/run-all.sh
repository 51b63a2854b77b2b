#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds everything and runs the whole test suite.
# README command 2 (about 10 minutes on 2 cores from a clean checkout): the dev
# build and its whole suite. The layering check (no-GUI build) and the sanitizer
# suite are their own command, tests/run-sanitizers.sh; .ci/run runs both.
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
