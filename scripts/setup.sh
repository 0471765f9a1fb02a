#!/usr/bin/env bash
# Prepares a fresh Debian machine to run and test the kiosk. Safe to re-run: installs only what is missing.
set -euo pipefail
venv="${1:-.venv}"
system_packages=(
  libzbar0 fonts-noto-cjk fonts-dejavu-core fonts-droid-fallback poppler-utils xvfb
  libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3
  # Qt 6's xcb platform plugin (a real window on an X11 desktop or under Xvfb)
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-xinerama0 libxcb-xkb1 libxcb-shape0 libxcb-randr0
  # the clinic database: the tests, the bench and `kiosk demo --clinic-db` start throwaway servers
  postgresql
)

missing=()
for pkg in "${system_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# Debian's own python3 needs python3-venv for `python3 -m venv`; other Pythons carry it.
if ! command -v python3 >/dev/null || ! python3 -c "import ensurepip, venv" 2>/dev/null; then
  missing+=(python3 python3-venv)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing system packages: ${missing[*]}" >&2
    echo "Run as root, or: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing system packages: ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q -e ".[test]"

# The kiosk's translations: .ts sources in resources/i18n, compiled to the .qm files Qt loads.
"$venv/bin/pyside6-lrelease" -silent resources/i18n/*.ts
