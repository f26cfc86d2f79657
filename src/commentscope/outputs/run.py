"""One run's outputs, all or nothing.

    with OutputRun(out_dir, command="analyze", inputs=paths, options={...}) as run:
        write_csv(frame, run.path("comments.csv"))      # every file goes to the staging folder
        run.counts["comments"] = len(frame)
    # here out_dir holds this run's files and run.json, or (after an error) the previous run's

Entering checks `--out` and takes a lock on it (a second run fails at once, or waits up to
`lock_timeout` seconds). Leaving without an error writes the manifest `run.json` last and swaps the
staging folder into place; leaving with one (or after `cancel()`) leaves `--out` untouched. Files
a previous run wrote and this one does not are gone; files no run wrote are carried over and
listed in the manifest under `kept`.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import Any

from filelock import FileLock, Timeout

from commentscope.errors import OutputError
from commentscope.outputs.folder import (
    STAGING_MARK,
    check_out_dir,
    checkpoint,
    hidden_sibling,
    recover,
    swap_into_place,
)

log = logging.getLogger(__name__)

MANIFEST = "run.json"
LOCK_MARK = ".lock"
# Names a commentscope run writes, for folders written before manifests existed.
OUR_NAMES = ("*.csv", "*.parquet", "report.html", "charts", MANIFEST)
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS})


class OutputRun:
    """A staging folder for one run's outputs, swapped into `out_dir` when the run succeeds."""

    def __init__(
        self,
        out_dir: str | Path,
        *,
        command: str = "",
        inputs: Iterable[str | Path] = (),
        options: Mapping[str, Any] | None = None,
        lock_timeout: float = 0.0,
    ) -> None:
        self.out_dir = Path(out_dir)
        self.command = command
        self.inputs = tuple(Path(p) for p in inputs)
        self.options = dict(options or {})
        self.lock_timeout = lock_timeout
        self.counts: dict[str, int] = {}
        self.target = self.out_dir
        self._staging: Path | None = None
        self._lock: FileLock | None = None
        self._cancelled = False
        self._started = ""

    @property
    def folder(self) -> Path:
        """The staging folder: write here (or through `path`) while the run is open."""
        if self._staging is None:
            raise OutputError("OutputRun.folder used outside its `with` block")
        return self._staging

    def path(self, name: str | Path) -> Path:
        """Where to write the output `name` (a relative path, `charts/x.png`); parents are made."""
        relative = PurePosixPath(Path(name).as_posix())
        if relative.is_absolute() or ".." in relative.parts or not relative.parts:
            raise OutputError(f"output name {name!s} must be a relative path inside the output folder")
        checkpoint(f"file:{relative}")
        path = self.folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def cancel(self) -> None:
        """Leave `out_dir` as it was: nothing of this run is kept."""
        self._cancelled = True

    def __enter__(self) -> OutputRun:
        self.target = check_out_dir(self.out_dir, self.inputs)
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            lock_file = self.target.parent / hidden_sibling(self.target, LOCK_MARK)
            self._lock = FileLock(lock_file, timeout=self.lock_timeout)
            self._lock.acquire()
        except Timeout:
            raise OutputError(
                f"--out {self.out_dir}: another commentscope run is writing there; "
                "wait for it to finish or choose another --out"
            ) from None
        except OSError as exc:
            raise _output_error(self.out_dir, exc) from exc
        try:
            recover(self.target)
            prefix = hidden_sibling(self.target, STAGING_MARK)
            self._staging = Path(tempfile.mkdtemp(prefix=prefix, dir=self.target.parent))
            self._staging.chmod(_folder_mode(self.target))  # mkdtemp makes it private
        except OSError as exc:
            self._lock.release()
            raise _output_error(self.out_dir, exc) from exc
        self._started = _now()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        staging = self.folder
        try:
            if error is None and not self._cancelled:
                try:
                    self._commit(staging)
                except OSError as exc:
                    raise _output_error(self.out_dir, exc) from exc
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            self._staging = None
            if self._lock is not None:
                self._lock.release()
        if isinstance(error, OSError) and _about_outputs(error, staging):
            raise _output_error(self.out_dir, error) from error

    def _commit(self, staging: Path) -> None:
        kept = _carry_over(self.target, staging)
        files = [_file_entry(staging, path) for path in sorted(staging.rglob("*"))
                 if path.is_file() and path.relative_to(staging).parts[0] not in kept]
        manifest = {
            "tool": "commentscope", "version": _version(), "command": self.command,
            "inputs": [str(p) for p in self.inputs], "options": self.options, "counts": self.counts,
            "files": files, "kept": kept, "started": self._started, "finished": _now(),
        }
        checkpoint("manifest")
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, default=str) + "\n", encoding="utf-8")
        checkpoint("swap")
        swap_into_place(staging, self.target)
        checkpoint("done")


def read_manifest(out_dir: str | Path) -> dict[str, Any] | None:
    """The manifest of the run whose outputs are in `out_dir`, or None when there is none."""
    try:
        data = json.loads((Path(out_dir) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _carry_over(target: Path, staging: Path) -> list[str]:
    """Entries of the previous folder that no commentscope run wrote, linked into the new one."""
    if not target.is_dir():
        return []
    previous = read_manifest(target)
    ours = {PurePosixPath(f["path"]).parts[0] for f in previous.get("files", [])} if previous else set()
    kept = []
    for entry in sorted(target.iterdir()):
        name = entry.name
        if name in ours or (staging / name).exists() or any(PurePosixPath(name).match(p) for p in OUR_NAMES):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, staging / name, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(str(entry), str(staging / name))
        kept.append(name)
    if kept:
        log.info("%s: kept %d entr%s that no commentscope run wrote: %s", target, len(kept),
                    "y" if len(kept) == 1 else "ies", ", ".join(kept))
    return kept


def _link_or_copy(source: str, destination: str) -> str:
    if Path(source).is_symlink():
        Path(destination).symlink_to(Path(source).readlink())
        return destination
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)
    return destination


def _file_entry(root: Path, path: Path) -> dict[str, Any]:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return {"path": path.relative_to(root).as_posix(), "bytes": path.stat().st_size, "sha256": digest.hexdigest()}


def _about_outputs(error: OSError, staging: Path) -> bool:
    named = str(error.filename or "")
    return named.startswith(str(staging)) or error.errno in _OUTPUT_ERRNOS


def _output_error(out_dir: Path, error: OSError) -> OutputError:
    reason = error.strerror or str(error)
    where = f" ({error.filename})" if error.filename else ""
    return OutputError(f"--out {out_dir}: cannot write outputs: {reason}{where}; the previous outputs are unchanged")


def _folder_mode(target: Path) -> int:
    """The permissions the output folder has now, or those a new folder gets (umask applied)."""
    if target.is_dir():
        return stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _version() -> str:
    from commentscope import __version__

    return __version__
