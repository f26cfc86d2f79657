"""Nothing lost, nothing mixed on the way in: one decoding policy, one id per input, folder search."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import commentscope
from commentscope.corpus import parse_pages
from commentscope.errors import UnreadableInputError
from commentscope.model import Document, LineRole
from commentscope.parse import parse_text
from commentscope.readers import input_paths
from commentscope.sources import decode_bytes, read_page
from gold import SEEDS

SEED = SEEDS / "000_6e294251f2c80030.txt"
SEED_TEXT = SEED.read_text("utf-8")
SEED_DOC = parse_text(SEED_TEXT, doc_id="seed")
# 1-based line numbers of comment body lines: where a bad byte must not cost a comment
BODY_LINES = [line.number for line in SEED_DOC.lines if line.role is LineRole.COMMENT_TEXT]
BAD_BYTES = [b"\xff", b"\xfe", b"\x80", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80"]


def insert_at_line_end(data: bytes, line_number: int, extra: bytes) -> bytes:
    lines = data.split(b"\n")
    lines[line_number - 1] += extra
    return b"\n".join(lines)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(line=st.sampled_from(BODY_LINES), bad=st.sampled_from(BAD_BYTES))
def test_one_bad_byte_costs_no_comment(line: int, bad: bytes) -> None:
    data = insert_at_line_end(SEED_TEXT.encode("utf-8"), line, bad)
    decoded = decode_bytes(data, "seed.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.text.replace("\ufffd", "") == SEED_TEXT  # nothing else changed
    [warning] = decoded.warnings
    offset = SEED_TEXT.encode("utf-8").split(b"\n")
    expected = sum(len(part) + 1 for part in offset[: line - 1]) + len(offset[line - 1])
    assert f"byte offset {expected}, line {line})" in warning
    doc = parse_text(decoded.text, doc_id="seed")
    assert len(doc.comments) == len(SEED_DOC.comments)
    assert [c.author for c in doc.comments] == [c.author for c in SEED_DOC.comments]
    assert len(doc.lines) == len(SEED_DOC.lines)


BOM_ENCODINGS = {"utf-8-bom": "utf-8-sig", "utf-16-le": "utf-16-le", "utf-16-be": "utf-16-be",
                 "utf-32-le": "utf-32-le", "utf-32-be": "utf-32-be"}
BOM = {"utf-8-sig": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff",
       "utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}


@pytest.mark.parametrize("codec", BOM_ENCODINGS.values(), ids=BOM_ENCODINGS.keys())
def test_a_byte_order_mark_decides_the_encoding(tmp_path: Path, codec: str) -> None:
    data = SEED_TEXT.encode(codec)
    if codec != "utf-8-sig":
        data = BOM[codec] + data
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    [result] = list(parse_pages([path]))
    assert result.document is not None, result.error
    assert [c.text for c in result.document.comments] == [c.text for c in SEED_DOC.comments]
    assert result.document.title == SEED_DOC.title
    assert "\x00" not in result.document.title


@settings(max_examples=200, deadline=None)
@given(bom=st.sampled_from([*BOM.values(), b""]), body=st.binary(max_size=300))
def test_any_bytes_after_any_mark_decode_or_fail_in_one_line(bom: bytes, body: bytes) -> None:
    try:
        decoded = decode_bytes(bom + body, "x.txt")
    except UnreadableInputError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("x.txt: ")
    else:
        assert isinstance(decoded.text, str)
        assert all("\n" not in w for w in decoded.warnings)


MALFORMED = {
    "utf-16-odd-length": (b"\xff\xfeT\x00i\x00t", "truncated data at byte 6"),
    "utf-16-lone-surrogate": (b"\xff\xfeA\x00\x00\xd8B\x00", "illegal UTF-16 surrogate at byte 4"),
    "utf-32-out-of-range": (b"\xff\xfe\x00\x00A\x00\x00\x00\x00\x00\x11\x00", "at byte 8"),
}


@pytest.mark.parametrize(("data", "problem"), MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_utf16_is_one_error_and_the_others_go_on(tmp_path: Path, data: bytes, problem: str) -> None:
    (tmp_path / "a.txt").write_bytes(data)
    (tmp_path / "b.txt").write_text(SEED_TEXT, encoding="utf-8")
    bad, good = parse_pages([tmp_path])
    assert bad.error is not None and problem in bad.error and "\n" not in bad.error
    assert good.document is not None and len(good.document.comments) == len(SEED_DOC.comments)


CODEPAGES = {
    "cp1252-page": ("“Great” – café, naïve, déjà vu…\nMore text é à ü.\n".encode("cp1252"), "cp1252"),
    "mostly-utf8-few-bad": ("• bullet — “quote” café\n".encode() * 5 + b"bad \xe9 byte\n", "utf-8"),
    "mostly-latin1-one-utf8": ("café déjà naïve ".encode("latin-1") * 5 + "•".encode(), "cp1252"),
}


@pytest.mark.parametrize(("data", "encoding"), CODEPAGES.values(), ids=CODEPAGES.keys())
def test_codepage_only_when_mostly_not_utf8(data: bytes, encoding: str) -> None:
    assert decode_bytes(data, "x.txt").encoding == encoding


def test_same_name_in_two_folders_stays_two_pages(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.txt").write_text(SEED_TEXT, encoding="utf-8")
    results = list(parse_pages([tmp_path]))
    assert [r.doc_id for r in results] == ["a/page", "b/page"]
    ids = [c.comment_id for r in results for c in (r.document.comments if r.document else ())]
    assert len(ids) == len(set(ids)) == 2 * len(SEED_DOC.comments)
    assert all(c.comment_id.startswith(r.doc_id + "-") and (c.parent_id or r.doc_id).startswith(r.doc_id)
               for r in results for c in (r.document.comments if r.document else ()))
    assert all(r.document and r.document.check_integrity() is None for r in results)


def test_colliding_arguments_get_a_short_stable_hash(tmp_path: Path) -> None:
    for name in ("x/page.txt", "y/page.txt", "y/page.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(SEED_TEXT, encoding="utf-8")
    args = [tmp_path / "x" / "page.txt", tmp_path / "y"]
    first = {r.source: r.doc_id for r in parse_pages(args)}
    assert len(set(first.values())) == 3 and all(doc_id.startswith("page~") for doc_id in first.values())
    assert {r.source: r.doc_id for r in parse_pages(list(reversed(args)))} == first  # order-independent


def test_a_file_given_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(SEED_TEXT, encoding="utf-8")
    assert [r.doc_id for r in parse_pages([tmp_path, tmp_path / "page.txt"])] == ["page"]


def test_hidden_folders_and_virtual_environments_are_skipped(tmp_path: Path) -> None:
    for name in ("page.txt", ".hidden.txt", ".git/notes.txt", ".venv/lib/readme.txt", "env/pyvenv.cfg",
                 "env/lib/license.txt", "node_modules/pkg/readme.md", "sub/more.md", "outputs/README.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "outputs" / "run.json").write_text('{\n  "tool": "commentscope",\n  "files": []\n}\n')
    found = [p.relative_to(tmp_path).as_posix() for p in input_paths([tmp_path]) if isinstance(p, Path)]
    assert found == ["page.txt", "sub/more.md"]  # not outputs/: a commentscope output folder
    named = [p for p in input_paths([tmp_path / ".git"]) if isinstance(p, Path)]
    assert [p.name for p in named] == ["notes.txt"]  # a folder given by name is read


@pytest.mark.parametrize(
    ("pattern", "kept"),
    [("*.md", ["a.txt", "drafts/b.txt"]), ("drafts", ["a.txt", "c.md"]), ("drafts/*", ["a.txt", "c.md"]),
     ("a.txt", ["c.md", "drafts/b.txt"])],
    ids=["suffix", "folder-name", "relative-path", "file-name"],
)
def test_exclude_glob(tmp_path: Path, pattern: str, kept: list[str]) -> None:
    for name in ("a.txt", "c.md", "drafts/b.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in input_paths([tmp_path], [pattern]) if isinstance(p, Path)]
    assert found == kept


def test_parse_page_refuses_a_path_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInputError, match="no such file"):
        commentscope.parse_page(str(tmp_path / "typo.txt"))
    with pytest.raises(UnreadableInputError, match="not a file"):
        commentscope.parse_file(tmp_path / "typo.txt")
    assert commentscope.parse_text("seeds/typo.txt").title == "seeds/typo.txt"  # explicit: text
    assert len(commentscope.parse_page(str(SEED)).comments) == len(SEED_DOC.comments)


def test_read_page_warns_with_the_offset(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(b"Title \xe2\x80\x94 dash\nline two \xff here\n")
    page = read_page(path)
    assert page.text == "Title — dash\nline two \ufffd here\n"
    assert page.warnings == (f"{path}: 1 invalid UTF-8 byte replaced with U+FFFD (first at byte offset 24, line 2)",)


class TwoPostsReader:
    """A stand-in export reader: one file, two documents that it names alike."""

    name = "export"
    suffixes = frozenset({".txt"})

    def sniff(self, path: Path, head: bytes) -> bool:
        return True

    def read(self, path: Path) -> Iterator[Document]:
        for _ in range(2):
            yield parse_text(SEED_TEXT, doc_id=f"{path.stem}-post", source=str(path))


def test_documents_named_alike_by_a_reader_stay_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "export.txt").write_text("x")
    monkeypatch.setattr("commentscope.corpus.reader_for", lambda path, *readers: TwoPostsReader())
    first, second = parse_pages([tmp_path])
    assert first.doc_id == "sub/export-post" and second.doc_id.startswith("sub/export-post~")
    for result in (first, second):
        assert result.document is not None and result.document.doc_id == result.doc_id
        assert all(c.comment_id.startswith(result.doc_id + "-c") for c in result.document.comments)
        result.document.check_integrity()


def test_same_named_pages_stay_apart_in_the_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from commentscope.cli import main

    for folder in ("a", "b"):
        (tmp_path / "pages" / folder).mkdir(parents=True)
        (tmp_path / "pages" / folder / "page.txt").write_text(SEED_TEXT, encoding="utf-8")
    assert main(["parse", str(tmp_path / "pages"), "--out", str(tmp_path / "out"), "-q"]) == 0
    documents = pd.read_csv(tmp_path / "out" / "documents.csv")
    comments = pd.read_csv(tmp_path / "out" / "comments.csv")
    assert list(documents["doc_id"]) == ["a/page", "b/page"]
    assert comments["comment_id"].is_unique and len(comments) == 2 * len(SEED_DOC.comments)
    assert comments.groupby("doc_id").size().to_dict() == {"a/page": 18, "b/page": 18}


LINE_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)
BREAKS = st.sampled_from(["\n", "\r\n", "\r", "\x0c", "\x0b", "\x85", "\u2028", "\u2029", "\x1c"])


@settings(max_examples=150, deadline=None)
@given(parts=st.lists(st.tuples(LINE_TEXT, BREAKS), min_size=1, max_size=8),
       codec=st.sampled_from(["utf-8", *BOM_ENCODINGS.values()]))
def test_decoding_keeps_every_character_and_line_break(parts: list[tuple[str, str]], codec: str) -> None:
    text = "Title\n" + "".join(line + brk for line, brk in parts)
    data = text.encode(codec) if codec.startswith("utf-8") else BOM[codec] + text.encode(codec)
    decoded = decode_bytes(data, "x.txt")
    assert decoded.text == text and decoded.warnings == ()  # the parser sees what an editor shows
