#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs every Debian 12 package that building, testing and running
# LLM Procurement Advisor needs. Idempotent: installs only what is missing,
# runs `apt-get update` at most once.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6charts6 libqt6sql6-sqlite
  libqt6svg6 qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libqt6opengl6-dev libgl-dev libvulkan-dev libxkbcommon-dev
  libboost-dev libcsv-dev libsqlite3-dev sqlite3
  # running and testing the GUI headless, PDF checks
  qt6-qpa-plugins fonts-dejavu-core poppler-utils
  # packaging and its validators
  dpkg-dev desktop-file-utils appstream file
  # formatting, sanitizers, fuzzing
  clang-format clang-tidy clang-14 libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
