#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The extended checks (about 25 minutes on 2 cores; .ci/run runs them after the
# README's two commands):
#   0. the layering boundary: core, db and the CLI build and answer without any
#      GUI library (noui preset);
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

# The layering boundary: core, db and the command-line tool must build and
# answer with no GUI library at all (Qt Widgets/Charts are not even searched for).
echo "== boundary build: core, db and the CLI without any GUI library (noui preset) =="
cmake --preset noui >/dev/null
cmake --build --preset noui -j "$jobs" --target llmadvisor-cli
if grep -qiE 'Qt6(Widgets|Gui|Charts)' build/noui/CMakeCache.txt; then
    echo "FAIL: the noui configuration found GUI libraries" >&2; exit 1
fi
if ldd build/noui/app/cli/llmadvisor-cli | grep -qiE 'libQt6(Widgets|Gui|Charts)'; then
    echo "FAIL: llmadvisor-cli links a GUI library" >&2; exit 1
fi
build/noui/app/cli/llmadvisor-cli estimate --scenario resources/scenarios/seed-comparison.json \
    --format table >/dev/null
# Without the window program, `report` says so in one line and exits with 1.
report_err=$(mktemp)
set +e
LLMADVISOR_GUI= build/noui/app/cli/llmadvisor-cli report \
    --scenario resources/scenarios/seed-comparison.json --pdf "$(mktemp -d)/r.pdf" 2>"$report_err"
report_rc=$?
set -e
if [ "$report_rc" -ne 1 ] || [ "$(wc -l <"$report_err")" -ne 1 ] || ! grep -q '^error: report: ' "$report_err"; then
    echo "FAIL: report without the window program: exit $report_rc, stderr:" >&2
    cat "$report_err" >&2; exit 1
fi
echo "boundary check: the CLI builds and answers without GUI libraries"

echo "== sanitizers: the whole suite under ASan + UBSan (asan preset) =="
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$jobs"
ctest --preset asan -j "$jobs"

echo "== fuzz preset: the three fuzzers build and each runs 10 s on its committed corpus =="
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs" --target fuzz_scenario fuzz_jsonimport fuzz_csvimport
ctest --test-dir build/fuzz -L fuzz --output-on-failure --no-tests=error
echo "sanitizer suite passed"
