#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds the program and starts it on its embedded
# default catalogue. Usage: bash packaging/run.sh [arguments for llmadvisor]
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release

gui=build/release/app/gui/llmadvisor
cli=build/release/app/cli/llmadvisor-cli
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$gui" ]; then
    exec "$gui" "$@"
fi
echo "No graphical display found: printing the seed comparison from the command-line tool instead."
echo "(Start the window from a desktop session with: $gui)"
exec "$cli" estimate --scenario resources/scenarios/seed-comparison.json --format table
