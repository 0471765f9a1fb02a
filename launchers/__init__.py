"""The programs: `kiosk` (the clinic's command and its window) and `kiosk demo`.

The only package that puts the layers together: it starts the Qt layer (`ui`) over the core
(`kiosk`) and, for the demo only, the insurer sandbox (`insurer_sandbox`). Nothing imports it.
"""
