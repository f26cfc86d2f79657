"""Comment tables: formats, auto-detected and mapped columns, threads from rows, bad tables, bounded memory."""

from __future__ import annotations

import csv
import gzip
import json
import tracemalloc
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commentscope.corpus import parse_pages
from commentscope.errors import UnreadableInputError
from commentscope.model import Document
from commentscope.readers import ReadOptions, reader_for
from commentscope.readers import grouping as grouping_module
from commentscope.readers.grouping import PageGroups
from commentscope.readers.options import parse_columns
from commentscope.readers.records import iso_date
from commentscope.readers.table import TableReader

TABLES = Path(__file__).parent / "data" / "tables"
HEADER = ["page", "comment_id", "parent_id", "author", "created_at", "text", "is_staff"]
ROWS = [  # out of order: a reply before its parent, pages interleaved, a newline and quotes in a cell
    ["p1", "c3", "c2", "Maria", "2021-03-05 07:00:00", "Thank you!", "false"],
    ["p2", "x1", "", "Bob", "2021-04-01", 'He said "calcium",\nthen left.', "0"],
    ["p1", "c1", "", "Maria", "2021-03-04 09:15:00", "Does fluoride weaken bones?", "false"],
    ["p1", "c2", "c1", "Vivian", "2021-03-04 11:00:00", "Not at tap-water levels.", "true"],
]
EXPECTED = {
    "p1": [("c1", 0, "Maria", "Does fluoride weaken bones?"), ("c2", 1, "Vivian", "Not at tap-water levels."),
           ("c3", 2, "Maria", "Thank you!")],
    "p2": [("x1", 0, "Bob", 'He said "calcium",\nthen left.')],
}


def write_table(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    kind = path.suffix
    if kind in (".csv", ".tsv"):
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle, delimiter="\t" if kind == ".tsv" else ",").writerows([header, *rows])
    elif kind in (".jsonl", ".ndjson"):
        path.write_text("".join(json.dumps(dict(zip(header, r, strict=True))) + "\n" for r in rows), "utf-8")
    else:
        pq.write_table(pa.table({h: [r[i] for r in rows] for i, h in enumerate(header)}), path)
    return path


def read(path: Path, **options: object) -> list[Document]:
    return list(TableReader(ReadOptions(**options)).read(path))  # type: ignore[arg-type]


def threads(docs: list[Document]) -> dict[str, list[tuple[str | None, int, str | None, str]]]:
    return {d.doc_id: [(c.source_id, c.depth, c.author, c.text) for c in d.walk()] for d in docs}


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl", ".ndjson", ".parquet"])
def test_every_format_gives_the_same_threads(tmp_path: Path, suffix: str) -> None:
    path = write_table(tmp_path / f"comments{suffix}", HEADER, ROWS)
    assert reader_for(path).name == "table"
    docs = read(path)
    assert threads(docs) == EXPECTED
    for doc in docs:
        doc.check_integrity()
    by_id = {c.source_id: c for d in docs for c in d.comments}
    assert by_id["c2"].marked_staff and not by_id["c1"].marked_staff
    assert (by_id["c1"].date, by_id["x1"].date) == ("2021-03-04T09:15:00", "2021-04-01")


def test_common_column_names_are_recognised() -> None:
    docs = read(TABLES / "comments.csv")  # post_id, "Comment ID", reply_to, user, created_at, body, is_staff
    assert threads(docs)["p1"][1] == ("c2", 1, "Vivian", "Not at tap-water levels.")


def test_columns_mapped_by_name(tmp_path: Path) -> None:
    header = ["article_slug", "msg_no", "answers", "who", "when", "words", "mod"]
    path = write_table(tmp_path / "odd.csv", header, ROWS)
    with pytest.raises(UnreadableInputError, match="no comment text column"):
        read(path)
    mapping = parse_columns(["text=words,page=article_slug,id=msg_no", "parent=answers,author=who,staff=mod"])
    assert threads(read(path, columns=mapping)) == EXPECTED


@pytest.mark.parametrize("spec", ["text", "colour=blue", "text="], ids=["no-equals", "unknown-role", "no-name"])
def test_bad_column_specs_are_config_errors(spec: str) -> None:
    with pytest.raises(Exception, match="--columns") as caught:
        parse_columns([spec])
    assert type(caught.value).__name__ == "ConfigError"


def test_mapped_column_that_is_missing_names_the_columns(tmp_path: Path) -> None:
    path = write_table(tmp_path / "t.csv", HEADER, ROWS)
    with pytest.raises(UnreadableInputError, match="no such column"):
        read(path, columns={"text": "comment_body"})


def test_orphans_cycles_and_duplicates_are_mended_with_warnings(tmp_path: Path) -> None:
    rows = [
        ["p", "a", "b", "A", "", "in a cycle with b", ""],
        ["p", "b", "a", "B", "", "in a cycle with a", ""],
        ["p", "c", "gone", "C", "", "parent deleted", ""],
        ["p", "c", "", "C", "", "duplicate id", ""],
        ["p", "d", "d", "D", "", "replies to itself", ""],
    ]
    (doc,) = read(write_table(tmp_path / "bad.csv", HEADER, rows))
    doc.check_integrity()
    assert [(c.source_id, c.depth) for c in doc.walk()] == [("a", 0), ("b", 1), ("c", 0), ("d", 0)]
    joined = "\n".join(doc.warnings)
    for needle in ("reply cycle", "missing 'gone'", "duplicate comment id 'c'", "replies to itself"):
        assert needle in joined


def test_table_without_page_or_id_columns_is_one_page(tmp_path: Path) -> None:
    path = write_table(tmp_path / "flat.csv", ["name", "message"], [["A", "one"], ["B", "two"]])
    (doc,) = read(path)
    assert doc.doc_id == "flat" and [(c.author, c.depth) for c in doc.comments] == [("A", 0), ("B", 0)]


def test_url_pages_become_document_urls(tmp_path: Path) -> None:
    rows = [["https://x.example/a", "hi"], ["https://x.example/b", "yo"]]
    path = write_table(tmp_path / "u.csv", ["url", "text"], rows)
    docs = read(path)
    assert [(d.doc_id, d.url) for d in docs] == [("u-p0001", "https://x.example/a"), ("u-p0002", "https://x.example/b")]


BAD = {
    "empty": ("t.csv", b"", "empty file"),
    "header-only": ("t.csv", b"page,id,text\n", "header but no rows"),
    "no-text-column": ("t.csv", b"page,id,colour\np,1,red\n", "no comment text column"),
    "prose-not-a-table": ("t.csv", b"Dear reader, this is a letter.\nIt has no columns at all.\n",
                          "no comment text column"),
    "binary": ("t.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    "jsonl-not-json": ("t.jsonl", b'{"text": "ok"}\nnot json\n', "line 2 is not JSON"),
    "jsonl-not-object": ("t.jsonl", b"[1, 2]\n", "not a JSON object"),
    "parquet-broken": ("t.parquet", b"PAR1 this is not really parquet", "not a Parquet table"),
    "mixed-encodings": ("t.csv", b"page,text\n" + b"p,caf\xc3\xa9 ok\n" * 8000 + b"p,caf\xe9 latin\n",
                        "mixed encodings"),
}


@pytest.mark.parametrize(("name", "data", "problem"), BAD.values(), ids=BAD.keys())
def test_bad_tables_get_one_clear_line(tmp_path: Path, name: str, data: bytes, problem: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    results = list(parse_pages([path]))
    assert results[-1].document is None
    assert problem in str(results[-1].error) and "\n" not in str(results[-1].error)


def test_cp1252_table_reads_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_bytes("page,text\np,Café au lait\n".encode("cp1252"))
    (doc,) = read(path)
    assert doc.comments[0].text == "Café au lait" and any("cp1252" in w for w in doc.warnings)


def test_page_groups_spill_to_disk_and_keep_order() -> None:
    with PageGroups(budget=5) as groups:
        for n in range(40):
            groups.add(f"page{n % 3}", [n, f"text {n}"])
        assert groups.spilled
        got = dict(groups.groups())
    assert list(got) == ["page0", "page1", "page2"]
    assert [row[0] for row in got["page1"]] == list(range(1, 40, 3))


def peak_bytes(path: Path) -> int:
    tracemalloc.start()
    try:
        for _ in TableReader().read(path):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_large_scattered_table_reads_in_bounded_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """20,000 rows, pages scattered through the file: spilling keeps the peak well below holding them all."""
    rows = [[f"page{n % 200}", str(n), "", f"user{n % 97}", "", f"comment number {n} " + "words " * 20, ""]
            for n in range(20_000)]
    path = write_table(tmp_path / "big.csv", HEADER, rows)
    del rows
    monkeypatch.setattr(grouping_module, "DEFAULT_BUDGET", 10**9)
    in_memory = peak_bytes(path)
    monkeypatch.setattr(grouping_module, "DEFAULT_BUDGET", 500)
    spilled = peak_bytes(path)
    assert spilled < in_memory / 2
    assert sum(len(d.comments) for d in read(path)) == 20_000


def test_comments_csv_formula_guard_is_undone(tmp_path: Path) -> None:
    from commentscope import writers
    from commentscope.readers import table

    assert set(table.FORMULA_PREFIXES) == set(writers.FORMULA_PREFIXES)
    frame = writers.spreadsheet_safe(
        pd.DataFrame({"text": ["-5 kg since May", "=SUM(A1)", "'quoted' word"], "author": "-x-"})
    )
    path = tmp_path / "guarded.csv"
    frame.to_csv(path, index=False)
    (doc,) = read(path)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("-x-", "-5 kg since May"), ("-x-", "=SUM(A1)"), ("-x-", "'quoted' word")
    ]


def test_gzipped_csv_reads_the_same(tmp_path: Path) -> None:
    plain = write_table(tmp_path / "c.csv", HEADER, ROWS)
    packed = tmp_path / "c.csv.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert reader_for(packed).name == "table"
    assert threads(read(packed)) == EXPECTED


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.parametrize("articles", [None, EXAMPLES / "articles_sample.csv"], ids=["alone", "with-articles"])
def test_sample_table_in_the_repository(articles: Path | None) -> None:
    docs = read(EXAMPLES / "comments_sample.csv", articles=articles)
    assert [d.url for d in docs] == [
        "https://bones.example.org/walking-for-bones/", "https://bones.example.org/fluoride-and-bones/"
    ]
    assert [c.depth for c in docs[0].walk()] == [0, 1, 2, 3, 0, 0]
    assert [c.author for c in docs[0].comments if c.marked_staff] == ["Vivian", "Vivian"]
    assert all((len(d.article) > 100) == (articles is not None) for d in docs)
    assert all(not d.warnings for d in docs)


def test_articles_folder_matched_by_file_name(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p1.txt").write_text("Fluoride\n\nFluoride hardens enamel; bones are another story.\n")
    (doc, other) = read(write_table(tmp_path / "c.csv", HEADER, ROWS), articles=tmp_path / "pages")
    assert doc.title == "Fluoride" and "hardens enamel" in doc.article
    assert other.article == "" and any("no article for page 'p2'" in w for w in other.warnings)


def test_json_nested_too_deep_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text('{"text": "ok"}\n' + "[" * 100_000 + "\n", "utf-8")
    with pytest.raises(UnreadableInputError, match="nested too deep"):
        read(path)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_any_date_text_gives_iso_or_none(value: str) -> None:
    result = iso_date(value, utc=False)
    assert result is None or result[:4].isdigit()


CELLS = st.sampled_from(['"', "'", ",", "\n", "\r", "\t", ";", "page", "text", "id", "parent", "é", "\x00", "{", "}",
                         "\ufeff", "x" * 50])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(suffix=st.sampled_from([".csv", ".tsv", ".jsonl"]),
       data=st.one_of(st.binary(max_size=300), st.lists(CELLS, max_size=60).map(lambda p: "".join(p).encode())))
def test_random_tables_read_or_fail_with_our_error(tmp_path: Path, suffix: str, data: bytes) -> None:
    path = tmp_path / f"t{suffix}"
    path.write_bytes(b"page,id,parent,text\n" + data if suffix == ".csv" and data[:1] != b"\x00" else data)
    try:
        for doc in TableReader().read(path):
            doc.check_integrity()
    except UnreadableInputError as exc:
        assert "\n" not in str(exc)


@pytest.mark.parametrize("data", [
    b"\x1f\x8b",  # the gzip magic, then nothing
    gzip.compress(b"page,id,parent,text\nA,1,,hello\n")[:20],  # cut short inside the stream
    gzip.compress(b"page,id,parent,text\n")[:10] + b"\xff" * 40,  # a header, then no deflate data
], ids=["magic-only", "truncated", "corrupt"])
def test_a_broken_gzip_table_is_our_one_line_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    with pytest.raises(UnreadableInputError, match="cannot read") as caught:
        list(TableReader().read(path))
    assert "\n" not in str(caught.value)


def test_cli_passes_columns_articles_and_keep(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from commentscope.cli import main

    header = ["slug", "n", "re", "who", "when", "words", "mod"]
    path = write_table(tmp_path / "odd.csv", header, ROWS)
    spec = "text=words,page=slug,id=n,parent=re,author=who"
    assert main(["parse", str(path), "--columns", spec, "--keep", "spam", "--out", str(tmp_path / "out"), "-q"]) == 0
    written = pd.read_csv(tmp_path / "out" / "comments.csv", keep_default_na=False)
    assert list(written["depth"]) == [0, 1, 2, 0]
    assert main(["parse", str(path), "--columns", "colour=words", "--out", str(tmp_path / "o2")]) == 2
    assert "unknown role 'colour'" in capsys.readouterr().err


def test_json_lines_without_null_fields(tmp_path: Path) -> None:
    path = tmp_path / "sparse.jsonl"
    path.write_text('{"id": 1, "text": "top"}\n{"id": 2, "parent_id": 1, "text": "reply", "author": "B"}\n', "utf-8")
    (doc,) = read(path)
    assert [(c.depth, c.author) for c in doc.comments] == [(0, None), (1, "B")]
