"""Entry script of the bundled executable: the same `kiosk` command as the installed package."""

import sys

from launchers.cli import main

if __name__ == "__main__":
    sys.exit(main())
