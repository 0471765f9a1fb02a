"""PyInstaller runtime hook: make pyzbar load the libzbar shipped in the bundle.

pyzbar finds libzbar with `ctypes.util.find_library`, which searches the system only; on a desk PC
without the libzbar0 package that fails. Point it at the bundled copy when there is one.
"""

import ctypes.util
import os
import sys

_BUNDLED = os.path.join(getattr(sys, "_MEIPASS", ""), "libzbar.so.0")

if sys.platform.startswith("linux") and os.path.exists(_BUNDLED):
    import pyzbar.zbar_library

    def _find_library(name: str) -> str | None:
        return _BUNDLED if name == "zbar" else ctypes.util.find_library(name)

    pyzbar.zbar_library.find_library = _find_library
