#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The sanitizer suite (about 20 minutes on 2 cores; .ci/run runs it after the
# README's two commands):
#   1. the whole test suite under AddressSanitizer + UBSan (asan preset, Debug;
#      any sanitizer report fails its test);
#   2. the fuzz preset (clang 14, libFuzzer + ASan + UBSan): the three fuzzers
#      build and each runs 10 s on its committed corpus (the long campaigns are
#      in tests/fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/install-deps.sh
jobs=$(nproc)
if [ "${CI:-}" = "true" ]; then export LLMADVISOR_WERROR=ON; else export LLMADVISOR_WERROR=OFF; fi

echo "== sanitizers: the whole suite under ASan + UBSan (asan preset) =="
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$jobs"
ctest --preset asan -j "$jobs"

echo "== fuzz preset: the three fuzzers build and each runs 10 s on its committed corpus =="
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs" --target fuzz_scenario fuzz_jsonimport fuzz_csvimport
ctest --test-dir build/fuzz -L fuzz --output-on-failure --no-tests=error
echo "sanitizer suite passed"
