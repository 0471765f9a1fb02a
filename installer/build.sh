#!/usr/bin/env bash
# Builds the kiosk as a one-folder application in dist/kiosk (what `make dist` runs), then prints
# its size and the build time. Everything it writes stays in the repository: build/ and dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${1:-.venv}"
py="$venv/bin/python"

if ! "$py" -c "import PyInstaller" 2>/dev/null; then
  "$py" -m pip install -q -e ".[dist]"
fi
if ! compgen -G "resources/i18n/*.qm" >/dev/null; then
  "$venv/bin/pyside6-lrelease" -silent resources/i18n/*.ts
fi

# PyInstaller keeps a cache in the user's home by default; keep it with the build instead.
export PYINSTALLER_CONFIG_DIR="$PWD/build/pyinstaller-cache"
started=$(date +%s)
"$py" -m PyInstaller --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller installer/kiosk.spec
finished=$(date +%s)
echo "dist/kiosk: $(du -sh dist/kiosk | cut -f1), $(find dist/kiosk -type f | wc -l) files," \
  "built in $((finished - started)) s"
