#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the app and its tests need, only when missing.
# Usage: packaging/install-system-deps.sh [run|test]
set -euo pipefail

purpose=${1:-run}

# Qt's runtime libraries (offscreen and xcb), WeasyPrint's Pango and HarfBuzz
# subsetting (without it PDFs render about five times slower), and a
# Simplified-Chinese font for the UI and the report.
packages=(
  libegl1 libgl1 libdbus-1-3 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
  fonts-noto-cjk
)
if [ "$purpose" = test ]; then
  # The tests also run the store against a real PostgreSQL server, started
  # throwaway on loopback by tests/with-postgres.sh.
  packages+=(xvfb xauth poppler-utils desktop-file-utils appstream postgresql)
fi
if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
  packages+=(python3-venv)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian/Ubuntu system: install Qt 6 runtime libraries, Pango and a CJK font yourself (see README)." >&2
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "Missing system packages (${missing[*]}) and no sudo: ask an administrator to install them." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
