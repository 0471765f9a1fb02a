"""`python -m insurer_sandbox`: the same as the `kiosk-sandbox` command."""

from insurer_sandbox.cli import main

raise SystemExit(main())
