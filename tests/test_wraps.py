"""Paragraphs a text converter wrapped at a fixed column are read as the reader wrote them (`wraps`)."""

from __future__ import annotations

import gzip
import json
import re
import textwrap
from pathlib import Path

import pytest

from commentscope.analysis.coverage import article_passages
from commentscope.analysis.questions import find_questions
from commentscope.analysis.sentences import split_sentences
from commentscope.grammar import scan
from commentscope.model import Document
from commentscope.parse import parse_lines, parse_page
from commentscope.wraps import joiner, wrap_width
from gold import SEEDS

REAL = Path(__file__).resolve().parent.parent / "benchmarks" / "real"
THREADED = sorted(p.name for p in SEEDS.iterdir() if parse_page(p).comments)
LONG_ARTICLES = sorted(p.name for p in SEEDS.iterdir() if len(parse_page(p).article.splitlines()) >= 5)
_ITEM = re.compile(r"\s*(?:[•*+-]\s+|\d+\.\s+)?")


def wrapped(text: str, width: int) -> str:
    """`text` as lynx prints it `width` columns wide: each line broken at spaces, its continuation
    lines aligned under the text after its indentation and list marker."""
    out = []
    for line in text.splitlines():
        hanging = " " * _ITEM.match(line).end()  # type: ignore[union-attr]
        out += textwrap.wrap(line, width, subsequent_indent=hanging, break_long_words=False,
                             break_on_hyphens=False) or [""]
    return "\n".join(out)


def sentences(doc: Document) -> list[list[str]]:
    return [split_sentences(c.text) for c in doc.comments]


@pytest.mark.parametrize("width", [64, 72, 76, 80])
@pytest.mark.parametrize("name", THREADED)
def test_a_wrapped_seed_reads_as_the_seed(name: str, width: int) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8", errors="replace")
    original, rewrapped = parse_lines(text, doc_id="a"), parse_lines(wrapped(text, width), doc_id="a")
    assert wrap_width(scan(text)) is None  # the seeds hold a paragraph per line
    assert wrap_width(scan(wrapped(text, width))) in range(width - 12, width + 1)
    assert [c.author for c in rewrapped.comments] == [c.author for c in original.comments]
    assert sentences(rewrapped) == sentences(original)
    assert ([find_questions(c.text) for c in rewrapped.comments]
            == [find_questions(c.text) for c in original.comments])


@pytest.mark.parametrize("width", [74, 80])
@pytest.mark.parametrize("name", LONG_ARTICLES)
def test_a_wrapped_article_keeps_its_paragraphs(name: str, width: int) -> None:
    title, body = (SEEDS / name).read_text(encoding="utf-8", errors="replace").split("\n", 1)
    original = parse_lines(f"{title}\n{body}", doc_id="a")  # (the title as it is: a wrapped title is
    rewrapped = parse_lines(f"{title}\n{wrapped(body, width)}", doc_id="a")  # another question)
    paragraphs = [p for p in original.article.splitlines() if p]
    assert original.wrap_width is None and rewrapped.wrap_width in range(width - 12, width + 1)
    kept = set(rewrapped.article.splitlines())
    assert sum(p in kept for p in paragraphs) >= 0.9 * len(paragraphs)
    passages = {p.text for p in article_passages(original)}
    assert sum(p.text in passages for p in article_passages(rewrapped)) >= 0.8 * len(passages)


def test_a_wrapped_line_that_looks_like_chrome_stays_in_its_comment() -> None:
    # 'published back in 2012:' alone reads as a page's "updated" line
    text = (SEEDS / THREADED[0]).read_text(encoding="utf-8", errors="replace")
    doc = parse_lines(wrapped(text, 80), doc_id="a")
    assert any("But this was published back in 2012:" in c.text for c in doc.comments)


def test_pages_with_long_lines_are_not_wrapped() -> None:
    prose = "This paragraph runs on well past any column a text converter would wrap at, " * 3
    assert wrap_width(scan("\n".join([prose] * 20))) is None
    # lines with a link run past the column (converters do not break a URL): they are not counted
    wrapped_prose = textwrap.fill(prose * 10, 72)
    links = "\n".join(["See [the study](https://example.org/" + "a" * 90 + ") for the numbers here"] * 30)
    assert wrap_width(scan(wrapped_prose + "\n" + links)) in range(60, 73)
    assert wrap_width(scan("Too few long lines to tell.\n" * 3)) is None


@pytest.mark.parametrize(("before", "after", "expected"), [
    ("Will they eventually get too top heavy, and should I now transplant them", "in larger pots?", " "),
    ("Short line that a reader broke on purpose.", "Thanks", "\n"),  # 'Thanks' would have fitted
    ("Will they eventually get too top heavy and should I transplant them", "1. into larger pots", "\n"),
    ("> Will they eventually get too top heavy and should I transplant them", "> in slightly larger pots?", "\n"),
    ("Das Berufsverband der Kinder- und Jugendärzte hat dazu etwas gesagt, der Kinder-", "und Jugendärzte", " "),
    ("was #6 stolen from http://docs.python-guide.org/en/latest/writing/gotchas/#late-", "binding-closures ?", ""),
])
def test_joiner(before: str, after: str, expected: str) -> None:
    assert joiner(before, after, 72) == expected
    assert joiner("   " + before, "   " + after, 75) == expected  # indented alike, wrapped 3 columns further


def test_a_markdown_hard_break_is_kept() -> None:
    before = "Hallo. Will das erste mal Muffins backen und bin dann auf dieses Rezept gekommen  "
    assert joiner(before, "lg", 72) == "\n"
    assert joiner(before.rstrip(), "lg", 72) == " "


def test_questions_of_real_lynx_dumps_are_whole() -> None:
    """The questions the HTML pages' comments ask, found word for word in the lynx dumps' comments
    (benchmarks/real_dumps.py --questions; before the wraps were joined: 45 %)."""
    gold = [json.loads(row) for row in (REAL / "gold.jsonl").read_text("utf-8").splitlines() if row.strip()]
    asked = kept = 0
    for entry in gold:
        dump = REAL / "dumps" / "lynx" / (Path(entry["file"]).name.removesuffix(".html.gz") + ".txt.gz")
        if entry["kind"] != "html" or not dump.is_file():
            continue
        doc = parse_lines(gzip.decompress(dump.read_bytes()).decode("utf-8"), doc_id="page")
        found = {" ".join(q.split()) for c in doc.comments for q in find_questions(c.text)}
        texts = [c["text"] for d in entry["documents"] for c in d["comments"]]
        questions = [" ".join(q.split()) for text in texts for q in find_questions(text)]
        asked += len(questions)
        kept += sum(q in found for q in questions)
    assert asked > 150
    assert kept / asked >= 0.9


@pytest.mark.parametrize(
    ("lines", "clean"),
    [
        (["**Sollten Gene verändert werden, um Krankheiten noch vor der", "Geburt zu entfernen?**"],
         ["Sollten Gene verändert werden, um Krankheiten noch vor der", "Geburt zu entfernen?"]),
        (["I think **this is very", "important** to know."], ["I think this is very", "important to know."]),
        (["_“Sind da Frauen nicht befragt worden? Muss man nicht Befragt*innen schreiben?_"],
         ["“Sind da Frauen nicht befragt worden? Muss man nicht Befragt*innen schreiben?"]),
        (["x**2 grows faster than 2*x"], ["x**2 grows faster than 2*x"]),
    ],
    ids=["bold_closed_on_next_line", "bold_opened_inside_a_line", "star_inside_italics", "powers"],
)
def test_markdown_emphasis_over_a_wrap_is_taken_off(lines: list[str], clean: list[str]) -> None:
    """html2text wraps inside '**bold**' and '_italics_': each half is taken off its line (a Markdown
    page: one with several '[text](address)' links)."""
    links = [f"[{name}](https://example.org/{name})" for name in ("home", "news", "about")]
    scanned = scan("\n".join([*links, "", *lines]))
    assert [line.clean for line in scanned[len(links) + 1:]] == clean
