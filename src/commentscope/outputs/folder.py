"""The output folder on disk: checks before a run, and swapping a finished folder into place.

A run writes into a staging folder beside `--out` (same file system, so renames are atomic) and
the staging folder then takes `--out`'s place in one step: on Linux an atomic exchange of the two
folders (`renameat2(RENAME_EXCHANGE)`); elsewhere two renames with a backup that the next run
restores if the process died between them.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import signal
import sys
from pathlib import Path

from commentscope.errors import OutputError

STAGING_MARK = ".staging-"
BACKUP_MARK = ".previous-"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def hidden_sibling(out_dir: Path, mark: str) -> str:
    """The name prefix of a helper folder beside `out_dir` (`.outputs.staging-`)."""
    return f".{out_dir.name}{mark}"


def check_out_dir(out_dir: Path, inputs: tuple[Path, ...] = ()) -> Path:
    """The absolute output folder, or OutputError (one line) when it cannot be one; no side effects.

    Refused: a file; a path under a file; a folder (or nearest existing parent) that is not
    writable; the current folder or one holding it; a folder that holds one of the inputs.
    """
    target = Path(out_dir).resolve()
    if target.exists() and not target.is_dir():
        raise OutputError(f"--out {out_dir}: is a file, not a folder")
    existing = target
    while not existing.exists():
        existing = existing.parent
    if existing != target and not existing.is_dir():
        raise OutputError(f"--out {out_dir}: {existing} is a file, so no folder can be made under it")
    if target.exists() and not os.access(target, os.W_OK | os.X_OK):
        raise OutputError(f"--out {out_dir}: not writable")
    beside = target.parent if target.exists() else existing  # where the staging folder goes
    if not os.access(beside, os.W_OK | os.X_OK):
        raise OutputError(f"--out {out_dir}: {beside} is not writable (outputs are staged beside --out)")
    here = Path.cwd().resolve()
    if target == here or target in here.parents:
        raise OutputError(f"--out {out_dir}: holds the current folder; give the outputs a folder of their own")
    for path in (p for p in inputs if p.exists()):
        resolved = Path(path).resolve()
        if resolved == target or target in resolved.parents:
            raise OutputError(f"--out {out_dir}: holds the input {path}; give the outputs a folder of their own")
    return target


def recover(out_dir: Path) -> None:
    """Undo what a killed run left beside `out_dir`: restore a backup, delete staging folders."""
    parent = out_dir.parent
    if not parent.is_dir():
        return
    backups = sorted(parent.glob(hidden_sibling(out_dir, BACKUP_MARK) + "*"))
    if backups and not out_dir.exists():
        backups.pop().rename(out_dir)  # died between the two renames: the old run comes back
    for leftover in [*backups, *parent.glob(hidden_sibling(out_dir, STAGING_MARK) + "*")]:
        shutil.rmtree(leftover, ignore_errors=True)


def swap_into_place(staging: Path, out_dir: Path) -> None:
    """Make `staging` the folder at `out_dir` in one step; the previous folder is deleted."""
    if not out_dir.exists():
        staging.rename(out_dir)
        return
    if exchange(staging, out_dir):
        checkpoint("exchanged")
        shutil.rmtree(staging, ignore_errors=True)  # it now holds the previous run
        return
    backup = staging.with_name(staging.name.replace(STAGING_MARK, BACKUP_MARK, 1))
    out_dir.rename(backup)
    checkpoint("between-renames")
    staging.rename(out_dir)
    shutil.rmtree(backup, ignore_errors=True)


def exchange(first: Path, second: Path) -> bool:
    """Atomically exchange two folders (Linux `renameat2`); False where the system cannot."""
    if sys.platform != "linux" or os.environ.get("COMMENTSCOPE_NO_EXCHANGE"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(second))


def checkpoint(point: str) -> None:
    """Fault injection for the tests: the process kills itself when COMMENTSCOPE_KILL_AT names `point`."""
    if os.environ.get("COMMENTSCOPE_KILL_AT") == point:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
