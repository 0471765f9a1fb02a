"""A4 PDF files that appear whole or not at all: a reader never opens a half-written document."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtGui import QPdfWriter

from ui.documents.page import a4_writer


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
def a4_pdf(path: str | os.PathLike[str], *, title: str) -> Iterator[QPdfWriter]:
    """A writer on a partial file beside `path`, moved into place only when painting ended well."""
    target = Path(path)
    partial = target.with_name(target.name + ".part")
    writer = a4_writer(str(partial), title=title)
    try:
        yield writer
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)
