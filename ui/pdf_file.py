"""A4 PDF files that appear whole or not at all: a reader never opens a half-written document."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter


def a4_page_layout() -> QPageLayout:
    """A4 portrait without printer margins: documents lay out their own."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )


def write_whole(target: Path, data: bytes) -> Path:
    """Write `data` to `target` through a partial file, so a reader never sees half of it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    try:
        partial.write_bytes(data)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


@contextmanager
def a4_pdf(path: str | os.PathLike[str], *, title: str, dpi: int) -> Iterator[QPdfWriter]:
    """A writer on a partial file beside `path`, moved into place only when painting ended well."""
    target = Path(path)
    partial = target.with_name(target.name + ".part")
    writer = QPdfWriter(str(partial))
    writer.setResolution(dpi)
    writer.setPageLayout(a4_page_layout())
    writer.setTitle(title)
    writer.setCreator("Direct-billing kiosk")
    try:
        yield writer
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)
