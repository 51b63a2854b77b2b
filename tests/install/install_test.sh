#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the Debian package from an existing build tree, unpacks it into a
# temporary root with dpkg -x, and checks that the installed programs start
# and answer using only what the package installed.
set -euo pipefail
build_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

( cd "$build_dir" && cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1 ) \
    || { cat "$work/cpack.log" >&2; fail "cpack -G DEB failed"; }
deb=$(ls "$work"/pkg/*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no .deb produced"
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"

# Declared dependencies: shared libraries plus the plugins nothing links to.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for need in libqt6sql6-sqlite libqt6core6 libqt6widgets6; do
    grep -q "$need" <<<"$depends" || fail "Depends lacks $need"
done

root="$work/root"
dpkg -x "$deb" "$root"
for f in usr/bin/llmadvisor usr/bin/llmadvisor-cli \
         usr/share/applications/org.llmadvisor.LlmAdvisor.desktop \
         usr/share/metainfo/org.llmadvisor.LlmAdvisor.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/org.llmadvisor.LlmAdvisor.svg \
         usr/share/icons/hicolor/16x16/apps/org.llmadvisor.LlmAdvisor.png \
         usr/share/icons/hicolor/256x256/apps/org.llmadvisor.LlmAdvisor.png \
         usr/share/man/man1/llmadvisor-cli.1.gz \
         usr/share/llmadvisor/catalogue/cpus.csv \
         usr/share/doc/llmadvisor/estimator.md usr/share/doc/llmadvisor/copyright; do
    [ -e "$root/$f" ] || fail "package lacks /$f"
done
desktop-file-validate "$root/usr/share/applications/org.llmadvisor.LlmAdvisor.desktop" \
    || fail "installed desktop entry does not validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/org.llmadvisor.LlmAdvisor.metainfo.xml" >/dev/null \
    || fail "installed metainfo does not validate"

# Run the installed programs with a fresh home so nothing from the build leaks in.
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
export XDG_RUNTIME_DIR="$work/runtime"; mkdir -p "$HOME" "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"
cli="$root/usr/bin/llmadvisor-cli"
gui="$root/usr/bin/llmadvisor"

"$cli" --version | grep -q "0\." || fail "installed CLI --version"
"$cli" catalog list gpus --format json > "$work/gpus.json" || fail "installed CLI catalog list"
grep -q "RTX 5090" "$work/gpus.json" || fail "installed catalogue lacks RTX 5090"
cat > "$work/scenario.json" <<'JSON'
{ "builds": [ { "name": "desktop", "cpu": "AMD Ryzen 9 9950X",
                "memory": { "channels": 2, "mts": 5600, "capacity_gb": 96 },
                "gpus": [ { "model": "RTX 5090", "count": 1 } ] } ],
  "model": { "name": "Qwen2.5-14B-Instruct", "quant": "Q4_K_M" },
  "use_cases": [ "UC1", "UC2" ] }
JSON
"$cli" estimate --scenario "$work/scenario.json" > "$work/estimate.json" || fail "installed CLI estimate"
grep -q '"gen_tok_s"' "$work/estimate.json" || fail "installed CLI estimate output lacks gen_tok_s"

"$gui" --version | grep -q "0\." || fail "installed GUI --version"
# The window starts offscreen on the shipped catalogue, draws itself, saves a
# picture of what it shows and quits.
timeout 120 "$gui" --screenshot "$work/window.png" > "$work/gui.log" 2>&1 \
    || { cat "$work/gui.log" >&2; fail "installed GUI --screenshot"; }
[ -s "$work/window.png" ] || fail "installed GUI drew no window"
[ -e "$XDG_DATA_HOME/LlmAdvisor/LlmAdvisor/catalogue.sqlite" ] \
    || fail "installed GUI created no user catalogue under XDG_DATA_HOME"
echo "installed CLI and GUI start and answer"
