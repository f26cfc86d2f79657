"""One file written atomically: to a temporary name beside it, then renamed over it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from commentscope.errors import OutputError


def replace_file(path: str | Path, write: Callable[[Path], object]) -> Path:
    """Call `write(tmp)` on a temporary path beside `path`, then rename it to `path` in one step.

    A reader of `path` sees the old file or the new one, never half of one; an OSError becomes
    OutputError naming the file.
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target}: is a folder, not a file")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(handle)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    temporary = Path(name)
    try:
        write(temporary)
        temporary.replace(target)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}; the previous file is unchanged") from exc
    finally:
        temporary.unlink(missing_ok=True)
    return target


def export_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write one table as a spreadsheet-safe CSV (the CLI's writer), atomically; its absolute path."""
    from commentscope.writers import write_csv

    return replace_file(path, lambda temporary: write_csv(frame, temporary)).resolve()
