"""Readers: find input files, tell their format from their content, and turn each into Documents.

Every reader yields `Document`s with their thread already built: the text reader through the
text grammar, structured sources (HTML, exports, tables) through `Thread.from_records`. The
registry is ordered most specific first; the text reader is the fallback.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

from commentscope.errors import UnreadableInputError
from commentscope.readers.base import DocumentReader
from commentscope.readers.disqus import DisqusReader
from commentscope.readers.options import ReadOptions
from commentscope.readers.table import TableReader
from commentscope.readers.text import TextReader
from commentscope.readers.wxr import WxrReader
from commentscope.sources import read_head

__all__ = [
    "READERS", "SUFFIXES", "DocumentReader", "InputFile", "ReadOptions", "input_files", "input_paths", "make_readers",
    "reader_for",
]


def make_readers(options: ReadOptions | None = None) -> tuple[DocumentReader, ...]:
    """The registry, most specific first, each reader holding the user's reader options."""
    options = options or ReadOptions()
    return (WxrReader(options), DisqusReader(options), TableReader(options), TextReader())


READERS: tuple[DocumentReader, ...] = make_readers()
SUFFIXES = frozenset().union(*(reader.suffixes for reader in READERS))


def kind_suffix(path: Path) -> str:
    """The suffix that says what a file is, looking through `.gz` (`page.html.gz` -> `.html`)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def reader_for(path: Path, readers: tuple[DocumentReader, ...] = READERS) -> DocumentReader:
    """The first reader that recognises the file's content (the text reader when none does)."""
    head = read_head(path)
    return next((r for r in readers if r.sniff(path, head)), readers[-1])


@dataclass(frozen=True)
class InputFile:
    """One input file and its path relative to the argument it was found under (its name for a file)."""

    path: Path
    relative: PurePosixPath


# Folders a search never enters: tool caches and dependency trees hold no pages of the user's.
SKIPPED_FOLDERS = frozenset({"__pycache__", "node_modules", "site-packages", "dist-packages"})


def skipped_folder(folder: Path) -> bool:
    """Hidden folders, virtual environments (a `pyvenv.cfg` or `conda-meta` inside), caches, and
    commentscope's own output folders (a `run.json` manifest inside)."""
    return (folder.name.startswith(".") or folder.name in SKIPPED_FOLDERS
            or (folder / "pyvenv.cfg").is_file() or (folder / "conda-meta").is_dir()
            or _output_folder(folder))


def _output_folder(folder: Path) -> bool:
    try:
        head = (folder / "run.json").read_bytes()[:200]
    except OSError:
        return False
    return b'"tool": "commentscope"' in head


def excluded(relative: PurePosixPath, patterns: Sequence[str]) -> bool:
    """Whether a glob matches the relative path, or one of its folder or file names."""
    return any(fnmatch(relative.as_posix(), pattern) or any(fnmatch(part, pattern) for part in relative.parts)
               for pattern in patterns)


def input_files(paths: Iterable[Path], exclude: Sequence[str] = ()) -> Iterator[InputFile | UnreadableInputError]:
    """Expand files and folders into input files, sorted within each folder; problems come back in place.

    A folder search skips hidden files and folders, virtual environments and caches (a folder
    given by name is always read) and anything an `exclude` glob matches.
    """
    for path in paths:
        if path.is_dir():
            found = [f for f in _search(path) if not excluded(f.relative, exclude)]
            if not found:
                suffixes = ", ".join(sorted(SUFFIXES))
                yield UnreadableInputError(str(path), f"folder has no pages ({suffixes})")
            yield from found
        elif path.exists():
            if not excluded(PurePosixPath(path.name), exclude):
                yield InputFile(path, PurePosixPath(path.name))
        else:
            yield UnreadableInputError(str(path), "no such file or folder")


def _search(root: Path) -> list[InputFile]:
    found: list[InputFile] = []
    for folder, subfolders, names in os.walk(root):
        here = Path(folder)
        subfolders[:] = [name for name in subfolders if not skipped_folder(here / name)]
        found.extend(InputFile(here / name, PurePosixPath((here / name).relative_to(root).as_posix()))
                     for name in names
                     if not name.startswith(".") and kind_suffix(Path(name)) in SUFFIXES and (here / name).is_file())
    return sorted(found, key=lambda f: f.relative.parts)


def input_paths(paths: Iterable[Path], exclude: Sequence[str] = ()) -> Iterator[Path | UnreadableInputError]:
    """The paths of `input_files`, errors in place."""
    for item in input_files(paths, exclude):
        yield item if isinstance(item, UnreadableInputError) else item.path
