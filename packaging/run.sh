#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# README command 1: installs what is missing, builds the program (release
# preset) and starts it on the built-in catalogue. Without a graphical display
# it prints the seed comparison from the command-line tool instead and exits
# with that tool's exit code. .ci/run runs this headless on a clean checkout.
# Usage: bash packaging/run.sh [arguments for llmadvisor]
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/install-deps.sh
echo "== configuring and building (release preset; the first build takes a few minutes) =="
cmake --preset release >/dev/null
# Only the two programs: the user does not need the benchmarks to run it.
cmake --build --preset release --target llmadvisor llmadvisor-cli

gui=build/release/app/gui/llmadvisor
cli=build/release/app/cli/llmadvisor-cli
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$gui" ]; then
    exec "$gui" "$@"
fi
echo "No graphical display found: printing the seed comparison from the command-line tool instead."
echo "(Start the window from a desktop session with: $gui)"
exec "$cli" estimate --scenario resources/scenarios/seed-comparison.json --format table
