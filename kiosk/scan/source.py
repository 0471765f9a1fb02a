"""Where a card's number came from: the desk camera, a handheld scanner, or typed by reception.

Below the visit and the scan pipeline alike: the scanner tags what it read, the visit records how
the card was checked (the manager's figures count typed lookups apart from scans).
"""

from enum import StrEnum


class ScanSource(StrEnum):
    CAMERA = "camera"
    SCANNER = "scanner"
    LOOKUP = "lookup"
