"""Reading page files: encodings, and a clear one-line error for everything that is not a page."""

from __future__ import annotations

from pathlib import Path

import pytest

from commentscope.corpus import parse_pages
from commentscope.errors import UnreadableInputError
from commentscope.readers import SUFFIXES, input_paths
from commentscope.sources import MAX_FILE_BYTES, read_page


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


BAD = {
    "empty": (b"", "empty file"),
    "whitespace-only": (b"  \n\n\t\n", "empty file"),
    "binary-nul": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "binary file"),
    "binary-controls": (bytes(range(1, 32)) * 50 + b"\xff", "binary file"),
}


@pytest.mark.parametrize(("data", "problem"), BAD.values(), ids=BAD.keys())
def test_unreadable_files_name_file_and_problem(tmp_path: Path, data: bytes, problem: str) -> None:
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(UnreadableInputError) as caught:
        read_page(path)
    message = str(caught.value)
    assert str(path) in message and problem in message
    assert "\n" not in message


def test_huge_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no 50 MB written to disk
    with pytest.raises(UnreadableInputError, match="over the 50 MB limit"):
        read_page(path)


ENCODED = {
    "utf8-bom": ("\ufeffTitle – naïve\n".encode("utf-8"), "utf-8", "Title – naïve"),
    "cp1252-quotes": ("It’s “great” – café\n".encode("cp1252"), "cp1252", "It’s “great” – café"),
    "latin1-undefined-in-cp1252": (b"caf\xe9 \x81\n", "latin-1", "café \x81"),
}


@pytest.mark.parametrize(("data", "encoding", "first_line"), ENCODED.values(), ids=ENCODED.keys())
def test_encodings(tmp_path: Path, data: bytes, encoding: str, first_line: str) -> None:
    page = read_page(write(tmp_path, "page.txt", data))
    assert page.encoding == encoding
    assert page.text.splitlines()[0] == first_line
    assert any(encoding in w for w in page.warnings) == (encoding != "utf-8")


def test_megabyte_line_parses_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", b"Title\n\n" + b"word " * 210_000 + b"\n")
    page = read_page(path)
    assert any("characters" in w and str(path) in w for w in page.warnings)
    [result] = list(parse_pages([path]))
    assert result.document is not None and len(result.document.article) > 1_000_000


def test_folder_without_pages_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    results = list(parse_pages([tmp_path / "empty", tmp_path / "nope.txt"]))
    suffixes = ", ".join(sorted(SUFFIXES))
    assert [r.error for r in results] == [f"folder has no pages ({suffixes})", "no such file or folder"]


def test_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", b"")
    write(tmp_path, "b.txt", b"A Title\n\nSome article text that is long enough to be read as prose.\n")
    results = list(parse_pages([tmp_path]))
    assert [(r.doc_id, r.ok) for r in results] == [("a", False), ("b", True)]


def test_page_paths_are_sorted_and_filtered(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.png", "sub/d.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [Path(p).name for p in input_paths([tmp_path])] == ["a.txt", "b.txt", "d.txt"]
