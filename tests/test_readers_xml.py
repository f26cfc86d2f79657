"""Hostile XML against both export readers: entity bombs, XXE, broken and truncated files, deep nesting.

Each gives one line of error (or reads normally) and never a crash, a hang, a leaked file or a
network fetch; documents read before a break are kept.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commentscope.corpus import PageResult, parse_pages
from commentscope.errors import UnreadableInputError
from commentscope.readers.disqus import DisqusReader
from commentscope.readers.wxr import WxrReader
from commentscope.readers.xml import html_to_text

WXR_OPEN = (
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
)
WXR_CLOSE = "</channel></rss>"
DISQUS_OPEN = '<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">'
DISQUS_CLOSE = "</disqus>"


def wxr_post(n: int, text: str = "fine") -> str:
    return (
        f"<item><title>P{n}</title><wp:post_id>{n}</wp:post_id><wp:post_type>post</wp:post_type><wp:comment>"
        f"<wp:comment_id>{n}</wp:comment_id><wp:comment_author>a</wp:comment_author><wp:comment_content>{text}"
        "</wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment></item>"
    )


def disqus_post(n: int, text: str = "fine") -> str:
    return (
        f'<thread dsq:id="t{n}"><link>https://x.example/{n}</link></thread><post dsq:id="{n}"><message>{text}'
        f'</message><thread dsq:id="t{n}"/></post>'
    )


FORMATS = {
    "wxr": (WXR_OPEN, WXR_CLOSE, wxr_post),
    "disqus": (DISQUS_OPEN, DISQUS_CLOSE, disqus_post),
}


def export(kind: str, body: str, prolog: str = "") -> str:
    opening, closing, _ = FORMATS[kind]
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}{opening}{body}{closing}'


def run(path: Path) -> list[PageResult]:
    return list(parse_pages([path]))


def everything(results: list[PageResult]) -> str:
    return repr(results)  # every document field, comment, warning and error, as text


BILLION_LAUGHS = (
    '<!DOCTYPE rss [<!ENTITY a "lol">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + "]>\n"
)
QUADRATIC = f'<!DOCTYPE rss [<!ENTITY big "{"x" * 50_000}">]>\n'


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize(("prolog", "ref"), [(BILLION_LAUGHS, "&j;"), (QUADRATIC, "&big;" * 2000)],
                         ids=["billion-laughs", "quadratic-blowup"])
def test_entity_bombs_are_refused_in_one_line(tmp_path: Path, kind: str, prolog: str, ref: str) -> None:
    path = tmp_path / "bomb.xml"
    path.write_text(export(kind, FORMATS[kind][2](1, ref), prolog), "utf-8")
    (result,) = run(path)
    assert result.document is None and result.error is not None
    assert "unsafe" in result.error and "\n" not in result.error
    assert "lollol" not in everything([result]) and "xxxx" not in everything([result])


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize("style", ["entity", "external-dtd", "parameter-entity"])
def test_external_entities_never_read_local_files(tmp_path: Path, kind: str, style: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-4711", "utf-8")
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY leak SYSTEM "{secret.as_uri()}">', "utf-8")
    prolog = {
        "entity": f'<!DOCTYPE rss [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>\n',
        "external-dtd": f'<!DOCTYPE rss SYSTEM "{dtd.as_uri()}">\n',
        "parameter-entity": f'<!DOCTYPE rss [<!ENTITY % p SYSTEM "{dtd.as_uri()}"> %p;]>\n',
    }[style]
    path = tmp_path / "xxe.xml"
    path.write_text(export(kind, FORMATS[kind][2](1, "&leak;"), prolog), "utf-8")
    results = run(path)
    assert "TOP-SECRET-4711" not in everything(results)
    assert results[-1].document is None and "\n" not in str(results[-1].error)


@pytest.mark.parametrize("kind", FORMATS)
def test_network_dtd_is_not_fetched(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "net.xml"
    path.write_text(export(kind, FORMATS[kind][2](1), '<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">\n'))
    (result,) = run(path)
    assert result.document is None and "unsafe" in str(result.error)


@pytest.mark.parametrize("kind", FORMATS)
def test_truncated_export_keeps_documents_before_the_break(tmp_path: Path, kind: str) -> None:
    make = FORMATS[kind][2]
    whole = export(kind, "".join(make(n) for n in range(5)))
    path = tmp_path / "cut.xml"
    path.write_text(whole[: whole.index("<", whole.index(make(3)) + 5)], "utf-8")  # cut inside post 3
    results = run(path)
    assert [r.document is not None for r in results] == [True, True, True, False]
    assert "malformed XML" in str(results[-1].error) and "\n" not in str(results[-1].error)


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize("body", ["<item><oops></item>", "text & more", "\x00\x01"], ids=["tags", "amp", "nul"])
def test_malformed_export_is_one_line(tmp_path: Path, kind: str, body: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(export(kind, body), "utf-8")
    (result,) = run(path)
    assert result.document is None and result.error and "\n" not in result.error


@pytest.mark.parametrize("kind", FORMATS)
def test_markup_nested_10000_deep_is_one_line(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "deep.xml"
    path.write_text(export(kind, FORMATS[kind][2](1) + "<x>" * 10_000 + "</x>" * 10_000), "utf-8")
    results = run(path)
    assert results[0].document is not None  # the post before the deep part is kept
    assert results[-1].document is None and "\n" not in str(results[-1].error)


def test_deeply_nested_html_inside_a_comment_reads() -> None:
    assert html_to_text("<div>" * 10_000 + "deep words" + "</div>" * 10_000) == "deep words"


@pytest.mark.parametrize("kind", FORMATS)
def test_huge_attribute_is_one_line(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "attr.xml"
    path.write_text(export(kind, FORMATS[kind][2](1) + f'<item a="{"A" * 12_000_000}"/>'), "utf-8")
    results = run(path)
    assert results[0].document is not None and len(results[0].document.comments) == 1
    assert results[-1].document is None and "limit" in str(results[-1].error) and "\n" not in str(results[-1].error)


def mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    for position, cut, insert in edits:
        at = position % (len(data) + 1)
        data = data[:at] + insert + data[at + cut :]
    return data


SEEDS = {kind: export(kind, "".join(FORMATS[kind][2](n, "hi &amp; <![CDATA[<b>x</b>]]>") for n in range(3)))
         for kind in FORMATS}
edits = st.lists(st.tuples(st.integers(0, 5000), st.integers(0, 40),
                           st.sampled_from([b"", b"<", b">", b"&", b"]]>", b"<item>", b"</post>", b"<!DOCTYPE x [",
                                            b"\xff\xfe", b"\x00", b"<parent dsq:id=\"1\"/>", b"&#0;"])),
                 max_size=6)


def read_or_fail_in_one_line(kind: str, path: Path) -> None:
    """Every document read is a consistent thread, or the reader fails with one line of its own."""
    reader = WxrReader() if kind == "wxr" else DisqusReader()
    try:
        for doc in reader.read(path):
            doc.check_integrity()
    except UnreadableInputError as exc:
        assert "\n" not in str(exc)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(sorted(FORMATS)), edit=edits, noise=st.binary(max_size=64))
def test_mutated_exports_read_or_fail_with_our_error(tmp_path: Path, kind: str, edit: list[tuple[int, int, bytes]],
                                                     noise: bytes) -> None:
    path = tmp_path / "m.xml"
    path.write_bytes(mutate(SEEDS[kind].encode(), edit) + noise)
    read_or_fail_in_one_line(kind, path)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(sorted(FORMATS)),
       body=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode)))
def test_random_bytes_after_an_export_header_fail_with_our_error(tmp_path: Path, kind: str, body: bytes) -> None:
    path = tmp_path / "r.xml"
    path.write_bytes(f'<?xml version="1.0"?>\n{FORMATS[kind][0]}'.encode() + body)
    read_or_fail_in_one_line(kind, path)
