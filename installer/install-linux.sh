#!/usr/bin/env bash
# Installs the built bundle (dist/kiosk) for the current desktop user: the program in
# ~/.local/opt/direct-billing-kiosk, a menu entry, a systemd user unit that starts the kiosk with
# the graphical session and restarts it if it crashes, and a daily timer for the retention purge.
# Run as the user who signs in at the desk.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bundle="${1:-$here/../dist/kiosk}"
target="$HOME/.local/opt/direct-billing-kiosk"

if [ ! -x "$bundle/kiosk" ]; then
  echo "no bundle at $bundle: run 'make dist' first" >&2
  exit 1
fi
"$bundle/kiosk" --self-test

mkdir -p "$target" "$HOME/.local/share/applications" "$HOME/.config/systemd/user"
rm -rf "$target.new"
cp -a "$bundle" "$target.new"
cp "$here/README.md" "$target.new/README.md"
rm -rf "$target.old"
if [ -d "$target" ]; then mv "$target" "$target.old"; fi
mv "$target.new" "$target"
rm -rf "$target.old"

install -m 0644 "$here/direct-billing-kiosk.desktop" "$HOME/.local/share/applications/"
for unit in direct-billing-kiosk.service direct-billing-kiosk-purge.service \
  direct-billing-kiosk-purge.timer; do
  install -m 0644 "$here/$unit" "$HOME/.config/systemd/user/"
done
systemctl --user daemon-reload
systemctl --user enable direct-billing-kiosk.service direct-billing-kiosk-purge.timer

echo "Installed in $target."
echo "Next: $target/kiosk register --insurer https://<insurer API address>"
echo "      $target/kiosk doctor"
echo "      systemctl --user start direct-billing-kiosk.service"
