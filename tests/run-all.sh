#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds everything and runs the whole test suite.
# README command 2 (about 10 minutes on 2 cores from a clean checkout): the dev
# build and its whole suite, then the no-GUI boundary build. The sanitizer suite
# is its own command, tests/run-sanitizers.sh; .ci/run runs both.
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
