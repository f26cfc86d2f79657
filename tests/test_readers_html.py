"""The HTML reader: one hand-written page per comment system, pages without comments, sniffing,
hostile markup, random and mutated markup, and pages of the real corpus when it is present."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commentscope.corpus import parse_pages
from commentscope.dates import to_iso
from commentscope.errors import ConfigError, UnreadableInputError
from commentscope.model import Document
from commentscope.readers import reader_for
from commentscope.readers.html import HtmlReader, explain, parse_html, to_document
from commentscope.readers.html_rules import load_rules

PAGES = Path(__file__).parent / "data" / "html"
REAL = Path(__file__).parent.parent / "benchmarks" / "real"


def read(name: str) -> Document:
    path = PAGES / name
    assert HtmlReader().sniff(path, path.read_bytes()[:8192])
    (doc,) = HtmlReader().read(path)
    doc.check_integrity()
    return doc


def outline(doc: Document) -> list[tuple[int, str | None, str, bool]]:
    return [(c.depth, c.author, c.text, c.marked_staff) for c in doc.walk()]


# (file, rule-independent expectations: depth, author, text, staff) — read off each fixture by hand
THREADS = {
    "wordpress_html5.html": [
        (0, "Maria Jones", "My tree drops its leaves every January.\nIs that the cold window sill?", False),
        (1, "Garden Notes", "Yes, most likely: move it away from the glass at night.", True),
        (0, "Tom", "Which fertiliser do you use?", False),
    ],
    "wordpress_xhtml.html": [
        (0, "Jörg", "Geht das auch mit Dinkel?\nBei mir schimmelt er immer.", False),
        (1, "Backblog", "Ja, mit Dinkel klappt es genauso.", True),
    ],
    "wordpress_theme_wrapper.html": [
        (0, "Priya", "Did you book the observation car?", False),
        (1, "Anna", "No, it was sold out a week ahead.", True),
        (2, "Priya", "Good to know, thanks.", False),
    ],
    "blogger.html": [
        (0, "Ruth", "Which pattern is it?\nIt looks like the Telja one.", False),
        (1, "Knitting Diary", "It is my own pattern, I will post it next week.", True),
        (0, "Anonymous", "Beautiful colour!", False),
    ],
    "blogger_classic.html": [
        (0, "Hugh", "Saw them too, near the station car park.", False),
        (0, "Birding Notes", "Thanks Hugh, I will look there tomorrow.", True),
        (0, "Anonymous", "Lovely photos.", False),
    ],
    "drupal7.html": [
        (0, "gardener_jo", "Straw or leaves? I only have leaves.", False),
        (1, "admin", "Leaves work well, shred them first.", True),
        (0, "visitor", "Does a warm heap attract rats?", False),
    ],
    "drupal9.html": [
        (0, "Sam", "Does the GeoJSON export keep the layer styles?", False),
        (1, "maintainer", "Not yet; styles come in 2.5.", True),
    ],
    "disqus.html": [
        (0, "Ann Lee", "Did you try pytest-xdist as well?", False),
        (1, "Dev Notes", "Yes, it helps, but only after the fixture change.", True),
        (0, "Guest", "Great write-up.", False),
    ],
    "schema_org.html": [
        (0, "Lee", "Can I freeze it?", False),
        (1, "Chef Ana", "Yes, for three months.", False),
        (0, "Kim", "Added smoked paprika, lovely.", False),
    ],
    "xenforo.html": [
        (0, "Tiberius", "Build 4.47.4 fixes the equinox event rewards.\nServers restart at 10:00.", False),
        (0, "mira", "Which time zone?", False),
    ],
    "vbulletin.html": [
        (0, "Predator", "Bei mir ist es seit gestern Abend da.", False),
        (0, "Maria", "Danke, dann warte ich noch.", False),
    ],
    "wpdiscuz.html": [
        (0, "Kael", "Endlich wieder ein Sandbox-MMO!", False),
        (1, "Redaktion", "Die Beta-Anmeldung läuft über die offizielle Seite.", True),
    ],
    "generic.html": [
        (0, "Karl M.", "Endlich! Die Ringstraße ist für Radfahrer lebensgefährlich.", False),
        (0, "Ilse", "Und wer bezahlt das alles?", False),
        (0, "R. Peters", "Zwei Jahre Baustelle in der Innenstadt, na danke.", False),
    ],
}


@pytest.mark.parametrize("name", list(THREADS), ids=[n.removesuffix(".html") for n in THREADS])
def test_thread_of_each_comment_system(name: str) -> None:
    doc = read(name)
    assert outline(doc) == THREADS[name]
    assert doc.reader == "html"
    assert not any(c.text in doc.article for c in doc.comments)


DATES = {
    "wordpress_html5.html": ["2021-03-04T09:15:00+00:00", "2021-03-04T11:02:00+00:00", "2021-03-05T18:40:00+00:00"],
    "wordpress_xhtml.html": ["2019-02-10T18:05", "2019-02-11T07:30"],
    "blogger.html": ["2020-01-14T11:06", "2020-01-14T12:30", "2020-01-20T20:00"],
    "drupal7.html": ["2014-03-19T15:04:52+01:00", "2014-03-19T18:20:00+01:00", "2014-03-21T09:00:00+01:00"],
    "drupal9.html": ["2021-02-03T09:47:58Z", "2021-02-03T12:00"],
    "disqus.html": ["2020-03-03T10:22", "2020-03-03T11:00", None],
    "generic.html": ["2020-05-12T14:03", "2020-05-12T15:10", "2020-05-13T08:45"],
    "xenforo.html": ["2020-09-18T08:56:40-0700", "2020-09-18T09:30:00-0700"],
    "vbulletin.html": ["2011-03-03T14:17", "2011-03-03T14:30"],
    "wpdiscuz.html": ["2021-07-02T10:11", "2021-07-02T11:00"],
}


@pytest.mark.parametrize("name", list(DATES), ids=[n.removesuffix(".html") for n in DATES])
def test_comment_dates_in_iso_8601(name: str) -> None:
    assert [c.date for c in read(name).walk()] == DATES[name]


def test_source_ids_title_and_url() -> None:
    doc = read("wordpress_html5.html")
    assert [c.source_id for c in doc.walk()] == ["101", "102", "103"]
    assert doc.title == "Growing lemons indoors"
    assert doc.url == "https://garden.example.org/lemons-indoors/"
    assert "eight hours of light" in doc.article and "Recent Comments" not in doc.article
    assert [c.source_id for c in read("blogger.html").walk()] == ["1111", "2222", "3333"]
    assert read("wordpress_xhtml.html").url == "https://backblog.example.de/sauerteig/"
    assert [c.source_id for c in read("xenforo.html").walk()] == ["53504", "53510"]
    assert [c.source_id for c in read("vbulletin.html").walk()] == ["949757", "949763"]
    assert [c.source_id for c in read("wpdiscuz.html").walk()] == ["77", "78"]


@pytest.mark.parametrize(
    "name", ["none_news.html", "none_wordpress_closed.html", "none_howto_code.html"],
    ids=["news_with_references", "wordpress_comments_closed", "howto_with_code_comments"],
)
def test_pages_without_comments_get_none(name: str) -> None:
    doc = read(name)
    assert doc.comments == ()
    assert len(doc.article.split()) >= 20


def test_closed_comments_are_noted() -> None:
    assert read("none_wordpress_closed.html").comments_closed
    assert not read("none_news.html").comments_closed


def test_sniffed_by_content_not_suffix(tmp_path: Path) -> None:
    page = (PAGES / "wordpress_html5.html").read_bytes()
    for name, data in (("page.txt", page), ("page.HTM", page), ("saved.html.gz", gzip.compress(page))):
        (tmp_path / name).write_bytes(data)
        assert reader_for(tmp_path / name).name == "html"
    (tmp_path / "notes.html").write_text("Just a line of text, no markup at all.\n", "utf-8")
    (tmp_path / "feed.xml").write_text('<?xml version="1.0"?><rss><channel></channel></rss>', "utf-8")
    assert reader_for(tmp_path / "notes.html").name != "html"
    assert reader_for(tmp_path / "feed.xml").name != "html"


def test_a_saved_page_whose_start_was_cut_off_is_still_html(tmp_path: Path) -> None:
    """A crawl that lost the page's first kilobytes (no <html>, <head> or <body> left) still shows its
    markup: a file named .html with a run of closing tags is read as HTML, its comments with it."""
    page = (PAGES / "wordpress_html5.html").read_text("utf-8")
    cut = page[page.index("<body") + 5 :].replace("</body>", "").replace("</html>", "")
    (tmp_path / "cut.html").write_text('d=1" width="1" height="1" />\n' + cut, "utf-8")
    assert reader_for(tmp_path / "cut.html").name == "html"
    (tmp_path / "cut.txt").write_text(cut, "utf-8")  # (named as text: read as text)
    assert reader_for(tmp_path / "cut.txt").name != "html"
    (doc,) = HtmlReader().read(tmp_path / "cut.html")
    assert [c.author for c in doc.walk()] == [a for _, a, _, _ in THREADS["wordpress_html5.html"]]


def test_folder_of_html_and_text_pages(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes((PAGES / "blogger.html").read_bytes())
    (tmp_path / "b.htm.gz").write_bytes(gzip.compress((PAGES / "drupal7.html").read_bytes()))
    (tmp_path / "c.xhtml").write_bytes((PAGES / "wordpress_xhtml.html").read_bytes())
    (tmp_path / "d.txt").write_text("A title\n\nSome article text.\n", "utf-8")
    results = list(parse_pages([tmp_path]))
    assert [r.doc_id for r in results] == ["a", "b", "c", "d"]
    assert [r.document.reader for r in results if r.document] == ["html", "html", "html", "text"]
    assert [len(r.document.comments) for r in results if r.document][:3] == [3, 3, 2]


def test_declared_charset_is_honoured(tmp_path: Path) -> None:
    html = '<html><head><meta charset="windows-1252"><title>Café</title></head><body><p>Grüße</p></body></html>'
    (tmp_path / "p.html").write_bytes(html.encode("cp1252"))
    (doc,) = HtmlReader().read(tmp_path / "p.html")
    assert doc.title == "Café" and "Grüße" in doc.article


def test_explain_names_the_element_of_each_comment() -> None:
    lines = explain(PAGES / "wordpress_html5.html")
    assert "rule wordpress" in lines[0]
    assert "li#comment-102" in lines[2] and "Garden Notes" in lines[2] and "staff" in lines[2]


def test_user_rules_come_first_and_bad_ones_are_refused(tmp_path: Path) -> None:
    rules = tmp_path / "mine.toml"
    rules.write_text('[[rule]]\nname = "mine"\nitems = ".kommentar"\ntext = [".text"]\nauthor = [".name"]\n', "utf-8")
    page = parse_html((PAGES / "generic.html").read_text("utf-8"), "generic.html", load_rules(rules))
    assert page.extraction is not None and page.extraction.rule == "mine"
    rules.write_text('[[rule]]\nname = "bad"\nitems = "li[[["\n', "utf-8")
    with pytest.raises(ConfigError, match="bad HTML rule"):
        load_rules(rules)


# ---------------------------------------------------------------- hostile and broken markup

WP_ITEM = '<li class="comment" id="comment-{n}"><div class="comment-author"><b class="fn">U{n}</b></div>' \
          '<div class="comment-content"><p>Text {n}</p></div>'  # fmt: skip


def page_of(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>T</title></head><body>{body}</body></html>"


def page_document(body: str, wrapped: bool = False) -> Document:
    """A page holding `body` (already a whole page when `wrapped`), read by the HTML reader and checked."""
    doc = to_document(parse_html(body if wrapped else page_of(body), "t.html"), "t", "t.html")
    doc.check_integrity()
    return doc


@pytest.mark.parametrize("cls", ["quip-latest-comment", "recent-comment-item", "latest_comments"])
def test_a_list_of_the_sites_latest_comments_is_no_thread(cls: str) -> None:
    items = "".join(f'<li class="{cls}" id="comment-{n}"><a href="/other-post-{n}">Another post</a> '
                    f'<span class="date">vor {n} Tagen</span> <p>Vielen Dank für diese kurze Anleitung {n}</p></li>'
                    for n in range(1, 4))  # fmt: skip
    page = parse_html(page_of(f'<div class="box"><h3>Neue Kommentare</h3><ul>{items}</ul></div>'), "x")
    assert to_document(page, "x", "x").comments == ()


def test_markup_nested_10000_deep_loses_nothing() -> None:
    deep = "<div>" * 10_000 + "<p>deep text</p>" + "</div>" * 10_000
    comments = '<ol class="comment-list">' + WP_ITEM.format(n=1) + "</li></ol>"
    doc = to_document(parse_html(page_of(deep + comments), "deep.html"), "deep", "deep.html")
    assert [c.text for c in doc.comments] == ["Text 1"]
    assert "deep text" in doc.article


def test_replies_nested_2000_deep_keep_their_depth() -> None:
    n = 2000
    nested = "".join(WP_ITEM.format(n=i) + '<ul class="children">' for i in range(n)) + "</ul></li>" * n
    doc = to_document(parse_html(page_of(f'<ol class="comment-list">{nested}</ol>'), "x"), "x", "x")
    doc.check_integrity()
    assert len(doc.comments) == n and doc.max_depth == n - 1


def test_huge_attribute_keeps_the_rest_of_the_page() -> None:
    huge = f'<div title="{"a" * 12_000_000}">x</div>'
    body = huge + '<ol class="comment-list">' + WP_ITEM.format(n=5) + "</li></ol>"
    doc = to_document(parse_html(page_of(body), "huge.html"), "huge", "huge.html")
    assert [c.author for c in doc.comments] == ["U5"]


def test_truncated_page_keeps_the_comments_before_the_cut() -> None:
    text = (PAGES / "wordpress_html5.html").read_text("utf-8")
    cut = text[: text.index("Which fertiliser")]
    doc = to_document(parse_html(cut, "cut.html"), "cut", "cut.html")
    assert [c.author for c in doc.comments][:2] == ["Maria Jones", "Garden Notes"]


def test_empty_comment_section_and_empty_comment_element() -> None:
    empty = page_of('<div id="comments" class="comments-area"><ol class="comment-list"></ol></div>')
    assert to_document(parse_html(empty, "e"), "e", "e").comments == ()
    blank = '<ol class="comment-list">' + WP_ITEM.format(n=1) + '</li><li class="comment" id="comment-2">' \
            '<div class="comment-content"></div></li></ol>'  # fmt: skip
    doc = to_document(parse_html(page_of(blank), "b"), "b", "b")
    assert [c.text for c in doc.comments] == ["Text 1", ""]
    assert any("comment-2" in w and "no text" in w for w in doc.warnings)


def test_pingbacks_are_not_comments_but_are_accounted_for() -> None:
    items = WP_ITEM.format(n=1) + "</li>" + '<li class="comment" id="comment-2"><div class="comment-author">' \
        '<b class="fn">Pingback: Other blog</b></div><div class="comment-content"><p>[…] a link […]</p></div></li>'
    doc = to_document(parse_html(page_of(f'<ol class="comment-list">{items}</ol>'), "p"), "p", "p")
    assert [c.text for c in doc.comments] == ["Text 1"]
    assert any("comment-2" in w and "pingback" in w for w in doc.warnings)


# ---------------------------------------------------------------- layouts met on pages the rules had not seen
# (benchmarks/real2: each case is the markup convention of one page there, cut down by hand)


def full_outline(body: str) -> list[tuple[int, str | None, str | None, str, bool]]:
    """Each comment of a page made of `body`: depth, author, date, text and whether marked staff."""
    doc = to_document(parse_html(page_of(body), "t.html"), "t", "t.html")
    doc.check_integrity()
    return [(c.depth, c.author, c.date, c.text, c.marked_staff) for c in doc.walk()]


def outline_of(body: str) -> list[tuple[int, str | None, str]]:
    doc = to_document(parse_html(page_of(body), "t.html"), "t", "t.html")
    doc.check_integrity()
    return [(c.depth, c.author, c.text) for c in doc.walk()]


def wp_div(n: int, depth: int, name: str, text: str) -> str:
    """A theme's self-closed div.comment: its replies follow it in a ul.children, not inside it."""
    return (f'<div class="comment byuser depth-{depth}" id="comment-{n}"><p class="comment-author">{name}</p>'
            f'<header class="comment-meta"><small>18.10.2019, 16:18</small></header>'
            f'<div class="comment-content"><p>{text}</p></div></div>')  # fmt: skip


SECOND_BATCH = {
    "wordpress_replies_beside_parent": (
        '<div id="comments" class="comments-area"><div class="comment-list">'
        + wp_div(1, 1, "Montana", "Der Deal war besser.")
        + '<ul class="children">' + wp_div(2, 2, "Mike", "Ich trinke keinen Kaffee.")
        + '<ul class="children">' + wp_div(3, 3, "Montana", "Hast recht.") + "</ul></ul>"
        + wp_div(4, 1, "gerda", "Gutes Angebot.") + "</div></div>",
        [(0, "Montana", "Der Deal war besser."), (1, "Mike", "Ich trinke keinen Kaffee."),
         (2, "Montana", "Hast recht."), (0, "gerda", "Gutes Angebot.")],
    ),
    "wordpress_kubrick": (  # the default theme of WordPress 1.5-2.9: 'NAME Says:' above the date
        '<h3 id="comments">2 Responses</h3><ol class="commentlist">'
        '<li class="alt" id="comment-4414"><p class="comment-number"><a href="#comment-4414">1</a></p>'
        '<img class="gravatar" src="a.png" alt="">Kommentar<small> von </small><cite>Mareike</cite><br>'
        '<small class="commentmetadata">8. Dezember 2010 um 10:56</small><p>Muss ich gleich ausprobieren.</p></li>'
        '<li id="comment-4415"><cite><a href="http://x.example" rel="external nofollow">Georg</a></cite> Says:<br>'
        '<small class="commentmetadata"><a href="#comment-4415">March 3rd, 2011 at 12:22 pm</a></small>'
        "<p>Und dazu ein guter Wein.</p></li></ol>",
        [(0, "Mareike", "Muss ich gleich ausprobieren."), (0, "Georg", "Und dazu ein guter Wein.")],
    ),
    "wordpress_classic": (  # WordPress 1.5's 'Classic' theme: 'Comment by NAME — DATE @ TIME' below the text
        '<h2 id="comments">35 Comments</h2><ol id="commentlist"><li id="comment-1">'
        "<p>Also im Klartext: das geht nicht.</p><p><cite>Comment by <a href='http://m.example'>Mirko Lange</a>"
        ' &#8212; 17.07, 2011 @ <a href="#comment-1">13:04</a></cite></p></li>'
        '<li id="comment-2"><p>Steht in den AGB.</p><p><cite>Comment by Daniel &#8212; 7/17/2011 @ 1:10 pm</cite>'
        "</p></li></ol>",
        [(0, "Mirko Lange", "Also im Klartext: das geht nicht."), (0, "Daniel", "Steht in den AGB.")],
    ),
    "wordpress_underscore_classes": (  # a theme's own markup: comment_box, author_name, comment_date
        '<ol class="commentlist"><li class="comment even depth-1" id="li-comment-368797">'
        '<div id="comment-368797" class="stand_comment"><div class="comment_content"><div class="comment_box">'
        "<p>Man braucht kein Switchres X.</p></div></div><div class=\"comment_info\">"
        '<span class="author_name">Tobsen </span><span class="middot">&middot;</span>'
        '<span class="comment_date">April 19, 2019</span></div></div></li></ol>',
        [(0, "Tobsen", "Man braucht kein Switchres X.")],
    ),
    "drupal_byline": (  # the name only in a byline with its date: 'Par NAME, le DATE', 'Submitted by NAME on DATE'
        '<div id="comments" class="comment-wrapper"><div class="ajax-comment-wrapper"><a id="comment-63671"></a>'
        '<div class="comment" about="/comment/63671#comment-63671" typeof="sioc:Post sioct:Comment">'
        '<div class="metas"><b>Par Bruno Gobin,</b> le mercredi 15 mai 2019 à 08h07</div>'
        '<div class="titre">Exception.</div><div class="content">Que signifie cette exception ?</div></div></div>'
        '<div class="comment" about="/comment/63676#comment-63676" typeof="sioc:Post sioct:Comment">'
        '<div class="submitted">Submitted by anna on Thursday, 16 May 2019 - 09:23</div>'
        '<div class="content">Il semble très difficile.</div></div></div>',
        [(0, "Bruno Gobin", "Que signifie cette exception ?"), (0, "anna", "Il semble très difficile.")],
    ),
    "generic_flat_replies_and_buttons": (  # replies flat after their thread, marked comment-sub; a button link
        '<div class="recipe-comments">'
        + "".join(
            f'<div id="kommentar_{n}" class="ds-mb comment-item{sub}"><div class="ds-mb-right">'
            f'<strong class="ds-h4"><a>{name}</a></strong><p>{text}</p><div class="comment-date"><small>'
            f'06.06.2017 20:4{n}</small></div><div class="ds-text-right"><a class="ds-btn"><span>Antworten</span></a>'
            "</div></div></div>"
            for n, sub, name, text in [(1, "", "janina", "Geht auch eine 26er Form?"),
                                       (2, " comment-sub", "EllenT", "Ja, kannst Du."),
                                       (3, "", "anaya60", "War super lecker.")]
        )
        + "</div>",
        [(0, "janina", "Geht auch eine 26er Form?"), (1, "EllenT", "Ja, kannst Du."),
         (0, "anaya60", "War super lecker.")],
    ),
    "generic_forum_widget": (  # a news page's widget with the first posts of its forum thread
        '<div class="xenforo-comment-widget"><ul class="xenforo-comments-list">'
        '<li id="xenforo-comment-21968336" class="xenforo-comment"><div class="xenforo-comment-content"><header>'
        '<span class="author-name">bollwerk</span><span class="post-date">17 September 2020 15:03</span></header>'
        '<div class="js-read-more">Yep. Got my email at 7:14am.</div><span class="xf-comment-reply"><a><span>Reply'
        '</span></a></span></div></li><li class="view-all"><a href="/threads/1">View All 32 Comments</a></li>'
        "</ul></div>",
        [(0, "bollwerk", "Yep. Got my email at 7:14am.")],
    ),
    "forum_quote_of_another_post": (  # 'NAME said:' opens a quoted post: not the quoting post's text
        '<ul class="xenforo-comments-list"><li class="xenforo-comment"><header><span class="author-name">jgould78'
        '</span><span class="post-date">17 September 2020 17:45</span></header><div class="js-read-more"><blockquote>'
        '<div class="author"><span>michaelbrandi</span> said:</div>No one bought anything.</blockquote><br>'
        "Same as the Dutch site...</div></li></ul>",
        [(0, "jgould78", "Same as the Dutch site...")],
    ),
    "forum_quote_with_an_arrow": (  # XenForo's 'NAME said: ↑' (the arrow links to the quoted post)
        '<ul class="xenforo-comments-list"><li class="xenforo-comment"><header><span class="author-name">jgould78'
        '</span><span class="post-date">17 September 2020 17:45</span></header><div class="js-read-more"><blockquote>'
        '<div class="author"><span>michaelbrandi</span> said:\n    <a href="#post-1">↑</a></div>No one bought '
        "anything.</blockquote><br>Same as the Dutch site...</div></li></ul>",
        [(0, "jgould78", "Same as the Dutch site...")],
    ),
    "forum_quote_named_in_an_attribute": (  # XenForo's quote names its poster only in data-name / data-quote
        '<ol class="forumComments"><li><div id="comment-41" class="messageContainer"><div class="message">'
        '<blockquote class="xfBb-quote" data-name="Flagmoe">Geht auch ohne Kompressor.</blockquote>Echt jetzt?<br>'
        '<blockquote data-quote="foreigner" data-source="post: 9">Logo zum Ventil.</blockquote>Mein Held</div>'
        '<div class="messageInfo"><a href="/u/3">Jens</a>, <time datetime="2022-01-26T13:14">13:14</time></div>'
        "</div></li></ol>",
        [(0, "Jens", "Echt jetzt?\nMein Held")],
    ),
    "quote_of_the_article_stays": (  # a quote that names no one is the commenter's own text
        '<ol class="comment-list"><li class="comment" id="comment-7"><cite class="fn">Ann</cite>'
        '<div class="comment-content"><blockquote>The heap must stay moist.</blockquote><p>Mine never does.</p>'
        "</div></li></ol>",
        [(0, "Ann", "The heap must stay moist.\nMine never does.")],
    ),
    "generic_petition_cards": (  # name and date on one line: 'NAME - Le DATE'
        '<div class="mo-comments-list"><div class="mo-comment-card"><div class="mo-comment-infos">'
        '<strong>Muriel - Le 22/01/2020 à 12:01:03</strong></div>'
        '<div class="mo-comment-content">Pour sauver un fleuron du patrimoine.</div></div></div>',
        [(0, "Muriel", "Pour sauver un fleuron du patrimoine.")],
    ),
    "generic_styled_components_list": (  # a headless WordPress theme: classes named after its components
        '<section class="Comments__CommentWrapper-ghoeop-0"><ul class="Comments__CommentList-ghoeop-2 jVFzGR">'
        '<li><a name="comment-1"></a><div class="sc-bdVaJa"><strong>Betina</strong> sagt:<br>'
        '<time datetime="1558595100000">23.05.2019 - 09:05</time><br><div class="sc-htpNat">So cool geschrieben.</div>'
        '<button>antworten</button><ul class="Comments__CommentList-ghoeop-2 jVFzGR"><li><a name="comment-2"></a>'
        '<div class="sc-bdVaJa"><strong>Kathrin</strong> sagt:<br><time>23.05.2019 - 11:05</time><br>'
        '<div class="sc-htpNat">Das freut mich sehr!</div></div></li></ul></div></li></ul></section>',
        [(0, "Betina", "So cool geschrieben."), (1, "Kathrin", "Das freut mich sehr!")],
    ),
    "generic_teaser_of_other_comments_is_no_comments": (  # the newest reader comments on other articles
        '<div class="view-comments"><div class="teaser comment-list views-row">'
        '<div class="row comment-list-item"><span class="username">Ann</span>'
        '<span class="date">12.03.2019 10:15</span><p>Ein guter Artikel über das Hören, danke dafür!</p>'
        '<a href="/artikel/7">Was wir hören wollen</a></div></div></div>',
        [],
    ),
    "generic_list_of_links_is_no_comments": (  # a 'most commented' box: no author or date, only links
        '<div class="most-comments"><ul class="comments-list"><li><a href="/a">Lorient wins at home again</a></li>'
        '<li><a href="/b">Transfer news of the week</a></li></ul></div>',
        [],
    ),
}


WPDISCUZ4 = (
    '<div id="comments" class="comments-area"><div id="wpcomm"><div id="wcThreadWrapper" class="wc-thread-wrapper">'
    '<div id="wc-comm-803457_0" class=" wc-comment  wc-blog-user wc_comment_level-1">'
    '<div id="comment-803457" class="wc-comment-right"><div class="wc-comment-header">'
    '<div class="wc-comment-author ">Nibelung</div></div>'
    '<div class="wc-comment-text">Gewisse Ähnlichkeiten sind zu erkennen<span id="wpdiscuz-readmore-803457_0">'
    '<span class="wpdiscuz-hellip">…</span><span class="wpdiscuz-readmore">Mehr</span></span></div>'
    '<div class="wc-comment-footer"><div class="wc-comment-date">50 Minuten her</div></div></div></div>'
    "</div></div></div>"
)


def test_layout_class_on_body_is_no_sidebar() -> None:
    """WordPress themes put 'sidebar' on <body> for the page layout: the comments and article are
    still not in a sidebar (and a wpDiscuz text cut short loses its 'Mehr' link)."""
    article = "<article><div class='entry-content'><p>" + "Frieden für unsere Zeit. " * 8 + "</p></div></article>"
    sidebar = '<div class="sidebar">Neueste</div>'
    page = f'<html><body class="single sidebar"><p>Tichys Einblick</p>{article}{WPDISCUZ4}{sidebar}</body></html>'
    doc = to_document(parse_html(page, "t.html"), "t", "t.html")
    assert outline(doc) == [(0, "Nibelung", "Gewisse Ähnlichkeiten sind zu erkennen", False)]
    assert doc.article.startswith("Frieden für unsere Zeit.") and "Neueste" not in doc.article


@pytest.mark.parametrize("name", list(SECOND_BATCH), ids=list(SECOND_BATCH))
def test_layouts_of_pages_the_rules_had_not_seen(name: str) -> None:
    body, expected = SECOND_BATCH[name]
    assert outline_of(body) == expected


# ---------------------------------------------------------------- layouts met on the third and fourth batches
# (benchmarks/real3, real4: each case is the markup convention of one comment system there, written anew)


def qa_comment(n: int, name: str, owner: bool, title: str, shown: str, text: str) -> str:
    """One comment under a Q&A post: score, the text, '– NAME' and a date whose title is exact."""
    mark = " owner" if owner else ""
    return (f'<li id="comment-{n}" class="comment js-comment" data-comment-id="{n}">'
            '<div class="comment-actions"><div class="comment-score"><span class="cool">2</span></div></div>'
            f'<div class="comment-text"><div class="comment-body"><span class="comment-copy">{text}</span>'
            f'<div class="d-inline-flex">&ndash;&nbsp;<a href="/users/{n}" class="comment-user{mark}">{name}</a>'
            f'</div><span class="comment-date"><span title="{title}, License: CC BY-SA 4.0">{shown}</span>'
            "</span></div></div></li>")  # fmt: skip


def test_stack_exchange_comments_under_question_and_answers() -> None:
    """A Q&A page: the comments under the question and each answer are read flat, with the name
    after the dash, the exact date from the title, and the asker's comments marked as the author's;
    the question and answers themselves are posts, not comments."""
    post = '<div class="s-prose js-post-body"><p>{}</p></div>'
    body = (
        '<div id="question" class="question">' + post.format("When is it 'wurde' and when 'war'?")
        + '<div class="comments js-comments-container"><ul class="comments-list js-comments-list">'
        + qa_comment(11, "Lena", False, "2014-02-07 10:53:03Z", "Feb 7, 2014 at 10:53", "Which verb do you mean?")
        + qa_comment(12, "asker", True, "2014-02-07 11:00:00Z", "3 hours ago", "The passive, I think.")
        + '</ul></div></div><div id="answer-5" class="answer">' + post.format("Wurde is the passive.")
        + '<div class="comments js-comments-container"><ul class="comments-list js-comments-list">'
        + qa_comment(13, "Tom Au", False, "2014-02-08 09:01:02Z", "Feb 8, 2014", "@asker Yes, exactly.")
        + "</ul></div></div>"
    )
    doc = to_document(parse_html(page_of(body), "q.html"), "q", "q.html")
    doc.check_integrity()
    assert outline(doc) == [(0, "Lena", "Which verb do you mean?", False), (0, "asker", "The passive, I think.", True),
                            (0, "Tom Au", "@asker Yes, exactly.", False)]  # fmt: skip
    assert [c.date for c in doc.walk()] == ["2014-02-07T10:53:03Z", "2014-02-07T11:00:00Z", "2014-02-08T09:01:02Z"]
    assert [c.source_id for c in doc.walk()] == ["11", "12", "13"]


LATER_BATCHES = {
    "wordpress_name_in_a_heading_before_the_date": (  # a theme's own header: avatar, <h3>NAME</h3>, date
        '<ol class="commentlist"><li class="comment depth-1 comment-box" id="comment-5">'
        '<div class="comment-header"><img class="avatar" src="a.png" alt=""><h3>Salma</h3>'
        '<p class="comment-meta">18/02/2020 à 16:42</p></div><div class="comment-body"><p>La parité, enfin.</p>'
        '<p class="tm-js-reply"><a class="comment-reply-link" href="#comment-5">Répondre</a></p></div></li></ol>',
        [(0, "Salma", "La parité, enfin.")],
    ),
    "generic_name_in_a_span_before_the_date": (  # TYPO3 pw_comments: the name's class says only how it looks
        '<div id="comments" class="comments-container"><div class="comment-main-level comment" id="comment31">'
        '<div class="comment-box"><div class="grid-x"><p><span class="MetaBold">Jo Berg</span>\n'
        '<span class="comment-date" title="02.12.2022 15:57:32">02.12.2022, 15:57</span></p>'
        '<span class="comment-actions"><a class="upvote" href="?up=31">Gut</a></span></div>'
        "<div><p>Biogas braucht Planungssicherheit.</p></div></div></div></div>",
        [(0, "Jo Berg", "Biogas braucht Planungssicherheit.")],
    ),
    "forum_name_comma_date_under_the_text": (  # 'NAME, DATE' under the text: name out, no stray comma
        '<ol class="forumComments"><li class="forumComment"><div id="comment-17" class="messageContainer">'
        '<div class="message">Mir fehlt die Zeit.</div><div class="messageInfo"><a href="/u/3">Jens</a>,\n'
        '<time datetime="2022-01-26T13:31">26. Januar 2022 13:31</time></div></div></li></ol>',
        [(0, "Jens", "Mir fehlt die Zeit.")],
    ),
    "generic_live_comment_box": (  # a live report's box: named anchors (no href) with the nick in <small>
        '<aside><div class="livecomments" id="liveComments"><div>'
        '<a id="livecomment_401"><small>klon7</small><span>Was für ein Lauf im dritten Heat!</span></a>'
        '<a id="livecomment_402"><small>Anna B</small><span>Schade um den Sturz.<br></span></a></div>'
        '<form class="livecomments__form"><input name="comment_body"></form></div></aside>',
        [(0, "klon7", "Was für ein Lauf im dritten Heat!"), (0, "Anna B", "Schade um den Sturz.")],
    ),
    "generic_links_to_comments_elsewhere_are_no_comments": (  # the same cards as links to other pages
        '<div class="comment-feed"><a id="feedcomment_7" href="/artikel/7#comment-7"><small>klon7</small>'
        '<span>Was für ein Lauf im dritten Heat!</span></a></div>',
        [],
    ),
    "generic_name_with_a_yearless_date": (  # 'NAME Le 12/02 à 11:30' in the author block: the date goes
        '<section id="comments_container"><div class="comment-list"><article class="comment">'
        '<meta itemprop="datePublished" content="2019-02-12"><div class="comment-author">'
        '<span class="author-name"><a href="0">rosa_b</a></span>\n<span class="comment-posted">Le 14/03 à 09:05'
        '</span></div><div class="comment-story"><p>Et le kéfir, on en parle ?</p></div></article></div></section>',
        [(0, "rosa_b", "Et le kéfir, on en parle ?")],
    ),
    "wordpress_header_spelt_comment_author": (  # a classic theme's 'NAME said, on DATE' in div.comment_author
        '<ol class="commentlist"><li id="comment-12" class="comment bypostauthor depth-1"><div id="div-comment-12">'
        '<div class="comment_author vcard"><strong class="fn">damian</strong> said, on August 3, 2019 at '
        '<a href="#comment-12">3:19 pm</a></div><p>Alles wird gut.</p><div class="reply"><a>Antworten</a></div>'
        "</div></li></ol>",
        [(0, "damian", "Alles wird gut.")],
    ),
    "text_before_the_date_is_no_name": (  # prose before the date stays text, and a sentence is no name
        '<ol class="comment-list"><li class="comment" id="comment-8"><p>Kurz und gut.</p>'
        '<span class="comment-date">3. Februar 2020 um 9:46</span></li>'
        '<li class="comment" id="comment-9"><span>Das habe ich schon immer so gemacht, danke</span>'
        '<span class="comment-date">4. Februar 2020 um 9:46</span></li></ol>',
        [(0, None, "Kurz und gut."), (0, None, "Das habe ich schon immer so gemacht, danke")],
    ),
}


@pytest.mark.parametrize("name", list(LATER_BATCHES), ids=list(LATER_BATCHES))
def test_layouts_of_the_later_batches(name: str) -> None:
    body, expected = LATER_BATCHES[name]
    assert outline_of(body) == expected


# benchmarks/real5: comment systems and conventions of the sites' own markup
FIFTH_BATCH = {
    "thesis_dt_dd_pairs": (  # WordPress's Thesis theme: the dt holds name and time, the dd after it the text
        '<div id="comments"><dl id="comment_list"><dt class="comment depth-1" id="comment-11">'
        '<span class="comment_author">Armanox</span><span class="comment_time"><a href="#comment-11">'
        'June 28, 2015 at 10:25 pm</a></span></dt><dd class="comment depth-1"><div class="format_text">'
        '<p>Really, no Shagrath?</p></div></dd><dt class="comment depth-1" id="comment-12">'
        '<span class="comment_author">Leo</span><span class="comment_time">July 23, 2015 at 3:20 pm</span></dt>'
        '<dd class="comment depth-1"><div class="format_text"><p>Where is Mike Patton?</p></div></dd></dl></div>',
        [(0, "Armanox", "Really, no Shagrath?"), (0, "Leo", "Where is Mike Patton?")],
    ),
    "spip_forum": (  # SPIP: the subject line and a quoted message are no part of the text
        '<ul class="forum"><li class="forum-fil"><div class="forum-top"><a id="forum7"></a>'
        '<b class="crayon forum-qui-7">Red Bastard</b><div class="forum-nav">(22 juin 2018 @11h29)</div></div>'
        '<div class="forum-message"><div class="forum-chapo"><p><strong>même argument</strong></p></div>'
        '<div class="forum-texte"><blockquote class="spip"><p>Un autre message.</p></blockquote>'
        '<p>La Corée du Sud est un pays capitaliste.</p></div></div></li></ul>',
        [(0, "Red Bastard", "La Corée du Sud est un pays capitaliste.")],
    ),
    "phpbb_forum_posts": (  # Forumotion's phpBB-like posts: signature dropped, the ad slot p0 no post
        '<div class="post" id="p7"><div class="postbody"><div class="postprofile">lupa admina</div>'
        '<p class="author">von <strong>lupa</strong> am 26/10/13, 03:48 pm</p><div class="post-entry">'
        'Wir pflegen hier ein freundschaftliches Miteinander.<div class="signature_div">ich bin nicht da</div>'
        '</div></div></div><div class="post" id="p8"><div class="postbody"><p class="author">von <strong>ann'
        '</strong> am 27/10/13, 09:12 am</p><div class="post-entry">Danke für die Regeln.</div></div></div>'
        '<div class="post" id="p0"><p class="author">von Gesponserte Inhalte</p>'
        '<div class="post-entry">Werbung</div></div>',
        [(0, "lupa", "Wir pflegen hier ein freundschaftliches Miteinander."), (0, "ann", "Danke für die Regeln.")],
    ),
    "reddit_levels_printed_in_the_text": (  # a flat run of comments, each saying its level
        "".join(
            f'<div id="t1_{n}"><div class="x Comment t1_{n}"><span>level {level}</span>'
            f'<div><span>10 points</span></div><div data-test-id="comment"><p>{text}</p></div></div></div>'
            for n, level, text in (("a1", 1, "Flat is better."), ("b2", 2, "Agreed."), ("c3", 1, "Why?"))
        ),
        [(0, None, "Flat is better."), (1, None, "Agreed."), (0, None, "Why?")],
    ),
    "schema_org_reviews_of_a_thing": (  # a holiday home's reviews; the one without a text is a rating only
        '<div itemscope itemtype="http://schema.org/LodgingBusiness"><div itemprop="review" itemscope '
        'itemtype="http://schema.org/Review"><meta itemprop="datePublished" content="2017-10-17">'
        '<span itemprop="description">Wir haben eine herrliche Woche verbracht.</span></div>'
        '<div itemprop="review" itemscope itemtype="http://schema.org/Review"><span>Kein Kommentar vorhanden.'
        "</span></div></div>",
        [(0, None, "Wir haben eine herrliche Woche verbracht.")],
    ),
    "schema_org_review_that_is_the_page_is_no_comment": (  # a critic's review article
        '<article itemscope itemtype="http://schema.org/Review"><h1>Das Album</h1><div itemprop="reviewBody">'
        "<p>Ein starkes Album mit zehn Liedern.</p></div></article>",
        [],
    ),
    "generic_meta_line_names_author_and_date": (  # 'geschrieben von NAME am DATE'; a subject heading, a button
        '<ul class="comments"><li id="comment-1508"><div><h2>Ein Argument</h2><span class="metadata">'
        'geschrieben von berg2012 am 21. Jan. 2015, 19:04</span><span>[ <a href="/login">antworten</a> ]</span>'
        "</div><p>Ich hätte eine andere Erklärung.</p></li></ul>",
        [(0, "berg2012", "Ich hätte eine andere Erklärung.")],
    ),
    "generic_camel_case_classes": (  # 'CommentName', 'CommentTimestamp', 'CommentText' in a camel-cased theme
        '<div id="allCommentsArea"><div class="allShareBarCommentsList"><div id="comment3111" class="listComment">'
        '<p class="cssCommentName">KnackigeKälte</p><p class="cssCommentTimestamp">28.02.2018</p>'
        '<div class="cssCommentText">Vielen Dank, sehr informative Tipps!</div></div></div></div>',
        [(0, "KnackigeKälte", "Vielen Dank, sehr informative Tipps!")],
    ),
    "generic_comment_entries_and_an_autor": (  # reader letters in #comment_entries; the name in span.autor
        '<div id="comment_entries"><div class="leserbrief"><div class="leserbrief_meta"><span class="autor">'
        "Alex Fischer</span> / 22.04.2020</div><p>Könnten Sie dazu eine Ortsangabe machen?</p></div></div>",
        [(0, "Alex Fischer", "Könnten Sie dazu eine Ortsangabe machen?")],
    ),
    "wordpress_text_inside_the_author_block": (  # a WordPress.com theme: the text before the name's cite
        '<ol id="commentlist"><li class="comment depth-1" id="comment-5"><div class="comment-author vcard">'
        '<img class="avatar" src="a.png" alt=""><p>Alles Gute im neuen Jahr!</p><p><cite>Kommentar von '
        '<span class="fn">jancak</span> — 2019-01-01 @ <a href="#comment-5">00:45</a></cite></p></div></li></ol>',
        [(0, "jancak", "Alles Gute im neuen Jahr!")],
    ),
    "generic_camel_case_comment_posts_and_a_named_quote_box": (  # a forum's 'XyzComment' posts, a quote box
        '<body class="Forum_discussion"><div class="MtnComment" id="first"><span class="MtnCommentAccountName">'
        'th3Chris</span><div class="MtnCommentText">Kein App Store mehr über mobile Daten.</div></div>'
        '<div class="MtnComment"><span class="MtnCommentAccountName">Hot Mac</span><div class="MtnCommentText">'
        '<div class="TexticonQuote"><div class="TexticonQuoteName">maculi</div><div>Wer hat welchen Anbieter?'
        "</div></div>LTE und VoLTE (Telekom) funktioniert.</div></div></body>",
        [(0, "th3Chris", "Kein App Store mehr über mobile Daten."),
         (0, "Hot Mac", "LTE und VoLTE (Telekom) funktioniert.")],
    ),
    "schema_org_review_with_an_empty_body_is_a_rating": (  # a shop's review: labels, stars, an empty body
        '<div itemscope itemtype="http://schema.org/Product"><div itemprop="review" itemscope '
        'itemtype="http://schema.org/Review"><strong>Von:</strong><span itemprop="author">Andreas R.</span>'
        '<strong>Am:</strong><span>29.12.2014</span><p itemprop="reviewBody">\n</p></div></div>',
        [],
    ),
    "generic_prefixed_comment_class_and_replies_after_it": (  # 'kb-comment'; its replies follow it in a box
        '<div id="kb-comments"><div class="kb-comment"><time datetime="2020-09-23T18:19:06+02:00">23.09.20</time>'
        '<a href="/user/Geli.html">Geli</a><div>Ich schneide meine Tomaten schon lange so.</div></div>'
        '<div class="comment-replies"><div class="kb-comment"><time datetime="2020-09-26T10:40:52+02:00">26.09.20'
        '</time><a href="/user/Marianne1.html">Marianne1</a><div>Danke Dir ganz herzlich!</div></div></div>'
        '<div class="kb-comment"><time datetime="2020-09-22T12:45:17+02:00">22.09.20</time>'
        '<a href="/user/emari.html">emari</a><div>Ich werde das mal ausprobieren.</div></div></div>',
        [(0, "Geli", "Ich schneide meine Tomaten schon lange so."), (1, "Marianne1", "Danke Dir ganz herzlich!"),
         (0, "emari", "Ich werde das mal ausprobieren.")],
    ),
    "generic_bem_component_comment_is_no_comment": (  # BEM's 'c-comment' names a component: here the form
        '<div class="c-comment"><div class="c-stage__headline">Schreib den ersten Kommentar!</div>'
        '<form class="comment-form"><textarea name="text"></textarea><span class="c-button-name">Abbrechen</span>'
        "</form></div>",
        [],
    ),
}


@pytest.mark.parametrize("name", list(FIFTH_BATCH), ids=list(FIFTH_BATCH))
def test_layouts_of_the_fifth_batch(name: str) -> None:
    body, expected = FIFTH_BATCH[name]
    assert outline_of(body) == expected


def test_reddit_marks_the_original_poster_as_staff() -> None:
    body = ('<div class="Comment t1_a1"><span>level 1</span><i class="icon icon-op"></i>'
            '<div data-test-id="comment"><p>Thanks, all.</p></div></div>')  # fmt: skip
    doc = to_document(parse_html(page_of(body), "t.html"), "t", "t.html")
    assert [(c.text, c.marked_staff) for c in doc.walk()] == [("Thanks, all.", True)]


def forum_post(n: int, author: str, op: bool, body: str, date: str) -> str:
    """A post as Something Awful prints it: a user column (name, registration date, a custom title)
    beside the post's body, its date in a row below."""
    return (f'<table class="post" id="post{n}"><tr><td class="userinfo"><dl class="userinfo">'
            f'<dt class="author{" op" if op else ""}">{author}</dt><dd class="registered">May 23, 2011</dd>'
            f'<dd class="title">Seven would be the most realistic answer.</dd></dl></td>'
            f'<td class="postbody">{body}</td></tr><tr><td class="postdate"><a href="#post{n}">#</a> {date}</td>'
            '<td class="postlinks"><a href="/member.php">Profile</a></td></tr></table>')  # fmt: skip


def test_forum_posts_beside_a_user_column_without_the_posts_they_quote() -> None:
    body = ('<div id="thread">'
            + forum_post(11, "James315", True, "Episode 32 is up.<br>Bocage, part one.", "Nov 17, 2011 14:13")
            + forum_post(12, "Servant", False, '<div class="bbc-block"><h4>James315 posted:</h4><blockquote>'
                         "Episode 32 is up.</blockquote></div><br>Will you archive the commentary?",
                         "Nov 18, 2011 09:05")
            + "</div>")  # fmt: skip
    assert full_outline(body) == [
        (0, "James315", "2011-11-17T14:13", "Episode 32 is up.\nBocage, part one.", True),
        (0, "Servant", "2011-11-18T09:05", "Will you archive the commentary?", False),
    ]


def test_a_signature_is_no_name() -> None:
    def comment(n: int, name: str, day: int, text: str) -> str:
        return (f'<li class="comment" id="comment-{n}"><div class="media"><div class="media-body">'
                f'<h3 class="comment-subject">{text[:12]}</h3>Submetido por <a href="/user/{n}">{name}</a> a '
                f'<small>{day}. agosto 2014 - 13:43.</small></div></div><div class="content commentContent">'
                f'<p>{text}</p></div><div class="user-signature"><p>Um beijinho e bons cozinhados,</p>'
                f'<p>{name} da equipa</p></div></li>')  # fmt: skip
    body = ('<section class="comments-box"><ul class="comments">'
            + comment(2, "Mixie", 6, "Utilizou batata específica para fritar?")
            + comment(1, "lisha", 5, "Ficou muito bom, mas um pouco seco.") + "</ul></section>")  # fmt: skip
    assert [author for _, author, _ in outline_of(body)] == ["Mixie", "lisha"]


def test_pixnet_owner_answers_are_staff_replies() -> None:
    def message(n: int, name: str, text: str, answer: str = "") -> str:
        reply = (f'<li class="reply-text">{answer}<p><a href="/blog">史蒂文的家</a> '
                 f"於 2014/01/0{n} 20:31 回覆 </p></li>"
                 if answer else "")
        return (f'<ul class="single-post"><li class="post-info"><span class="floor">#{n}</span>'
                f'<span class="user-name"><a href="/u{n}">{name}</a></span><span class="post-time">於 '
                f'2013/12/2{n} 10:28</span>'
                f'</li><li class="post-photo"><img alt="{name}"></li><li class="post-text"><p id="comment-{n}">'
                f'</p>{text}</li>'
                f"{reply}</ul>")  # fmt: skip
    body = ('<h3>留言列表 (3)</h3><div id="comment-text">'
            + message(1, "小鳳", "露營兼賞楓，好棒的生活", "謝謝小鳳的來訪！")
            + '<ul class="single-post secret"><li class="post-text">悄悄話</li></ul>'
            + message(2, "茜媽咪", "總是特別的吸引目光") + "</div>")  # fmt: skip
    assert full_outline(body) == [
        (0, "小鳳", "2013-12-21T10:28", "露營兼賞楓，好棒的生活", False),
        (1, "史蒂文的家", "2014-01-01T20:31", "謝謝小鳳的來訪！", True),
        (0, "茜媽咪", "2013-12-22T10:28", "總是特別的吸引目光", False),
    ]


def ricetta_comment(name: str, text: str) -> str:
    return (f'<article class="comment"><h3><strong class="comments-author"><img alt="">{name}</strong><br>'
            f"martedì 23 marzo 2021</h3><p>{text}</p></article>")  # fmt: skip


def test_replies_beside_their_parent_in_indented_wrappers() -> None:
    body = ('<div class="comments">' + ricetta_comment("Annabella", "Come si fa la pasta sfoglia?")
            + '<div style="padding-left:50px;">' + ricetta_comment("Ricetta.it", "Abbiamo usato la sfoglia pronta.")
            + '<div style="padding-left:50px">' + ricetta_comment("Annabella", "Grazie mille, la provo!")
            + "</div></div>"
            + ricetta_comment("Walter", "Io le faccio con la scamorza a strati.") + "</div>")  # fmt: skip
    assert [(depth, author) for depth, author, _ in outline_of(body)] == [
        (0, "Annabella"), (1, "Ricetta.it"), (2, "Annabella"), (0, "Walter")]


def test_wrappers_indented_alike_make_no_replies() -> None:
    body = ('<div class="comments">' + "".join(
        f'<div style="margin-left:10px">{ricetta_comment(name, text)}</div>'
        for name, text in [("Annabella", "Come si fa la pasta sfoglia?"), ("Walter", "Io le faccio con la scamorza.")])
        + "</div>")  # fmt: skip
    assert [(depth, author) for depth, author, _ in outline_of(body)] == [(0, "Annabella"), (0, "Walter")]


@pytest.mark.parametrize(("top", "reply", "second"), [
    ("c-comments__item--level-root", "c-comments__item--level-1", "c-comments__item--level-2"),
    ("level-0", "level-1", "level-2"),
    ("level-1", "level-2", "level-3"),
])
def test_level_classes_counted_from_the_pages_own_top(top: str, reply: str, second: str) -> None:
    def item(n: int, cls: str, name: str) -> str:
        return (f'<div class="c-comments__item {cls}" id="blog-comment-{n}"><span class="c-comments__name">'
                f'{name}</span>'
                f'<span class="c-comments__date">2020-05-0{n} 19:32:23</span><p>Lekker recept, zal ik maken '
                f'{n}.</p></div>')
    body = ('<div class="c-comments">' + item(1, top, "Klaas") + item(2, reply, "Rutger") + item(3, second, "Klaas")
            + item(4, top, "Linda") + "</div>")  # fmt: skip
    assert [(depth, author) for depth, author, _ in outline_of(body)] == [
        (0, "Klaas"), (1, "Rutger"), (2, "Klaas"), (0, "Linda")]


def test_an_hreview_reviewer_is_the_author_not_the_whole_meta_line() -> None:
    def comment(n: int, name: str, text: str) -> str:
        return (f'<li class="comment-item"><div class="comment hreview"><p class="comment-meta"><a href="#f{n}">#</a>'
                f'<time datetime="2019-07-1{n}T20:09:45Z">Le 1{n} juillet</time><span class="reviewer vcard">'
                f'<span class="sep">, </span>par  {name}</span> <span class="item">En réponse à : <a class="url fn" '
                f'href="/a">Didier Porte souhaite la Santé</a></span></p><div class="comment-content">'
                f"<p>{text}</p></div></div></li>")  # fmt: skip
    body = ('<ul class="comments-items">' + comment(7, "Horus", "Barbier, quelle pitié !")
            + comment(3, "voltaire", "Cher Didier, évite de positionner.") + "</ul>")  # fmt: skip
    assert [author for _, author, _ in outline_of(body)] == ["Horus", "voltaire"]


def aberle_comment(n: int, depth: int, name: str, text: str, replies: str = "") -> str:
    """A WordPress theme's own comment callback: its classes name the author and the date."""
    children = f'<ul class="children">{replies}</ul>' if replies else ""
    return (f'<li class="comment depth-{depth}" id="li-comment-{n}"><div class="specificComment" id="comment-{n}">'
            f'<div class="blogAuthor"><a href="/author/x/"></a></div><div class="comment-meta"><span '
            f'class="authorBlogName">'
            f'{name}</span><span class="commentsDate"> February 1{n}, 2024 at 8:16 am <a class="comment-reply-link" '
            f'href="#comment-{n}">Reply</a></span></div><div class="commenttext"><p>{text}</p></div></div>'
            f'{children}</li>')


def test_a_layout_class_that_says_sidebar_on_the_pages_wrapper_hides_no_comments() -> None:
    thread = (aberle_comment(1, 1, "Aleida", "I found your croissant recipe and love it.",
                             aberle_comment(2, 2, "Leanna Aberle", "Thank you so much, Aleida!"))
              + aberle_comment(3, 1, "Ashlyn", "How long is the second proof?"))  # fmt: skip
    body = (f'<div class="mainwrap single-default sidebar"><h1>Sourdough Croissants</h1><p>'
            f'{"Butter and dough. " * 30}</p>'
            f'<ol class="commentlist"><h4 id="comments">3 Comments</h4>{thread}</ol></div>'
            '<aside class="sidebar"><ul><li class="comment">Jo on <a href="/bread/">Bread</a></li></ul></aside>')
    doc = to_document(parse_html(page_of(body), "t.html"), "t", "t.html")
    doc.check_integrity()
    assert [(c.depth, c.author, c.date) for c in doc.walk()] == [
        (0, "Aleida", "2024-02-11T08:16"), (1, "Leanna Aberle", "2024-02-12T08:16"), (0, "Ashlyn", "2024-02-13T08:16")]


def test_yotpo_reviews_questions_and_the_shops_answers() -> None:
    review = ('<div class="yotpo-review yotpo-regular-box" data-review-id="277"><span class="yotpo-user-name">Jean H.'
              '</span><div class="content-title">Great cookie</div><div class="content-review">Perfect with tea.</div>'
              '<div class="yotpo-footer"><span class="yotpo-review-date">12/27/2021</span>'
              '<span class="label-helpful">Was this review helpful?</span></div></div>')
    template = ('<div class="yotpo-review yotpo-template" data-review-id=""><span class="yotpo-user-name">'
                'Anonymous</span></div>')
    question = ('<div class="yotpo-question" data-question-id="19222"><span class="yotpo-user-name">Diana</span>'
                '<div class="content-question">Q: Can I refrigerate the dough overnight?</div>'
                '<div class="yotpo-comment-box" data-answer-id="9901"><div class="yotpo-header yotpo-store-owner">'
                '<span class="yotpo-user-name">King Arthur Baking Team</span></div>'
                '<div class="content-question">A: Hi Diana! You absolutely can!</div></div></div>')
    doc = to_document(parse_html(page_of(template + review + question), "t.html"), "t", "t.html")
    doc.check_integrity()
    assert [(c.depth, c.author, c.text, c.marked_staff, c.source_id) for c in doc.walk()] == [
        (0, "Jean H.", "Perfect with tea.", False, "277"),
        (0, "Diana", "Q: Can I refrigerate the dough overnight?", False, "19222"),
        (1, "King Arthur Baking Team", "A: Hi Diana! You absolutely can!", True, "9901"),
    ]
    assert doc.comments[0].date == "2021-12-27"



def test_amazon_reviews_leave_the_title_and_badges_out_of_the_text() -> None:
    def review(rid: str, name: str, title: str, badge: str, body: str, when: str) -> str:
        return (f'<li id="{rid}" data-hook="review" class="review"><span class="a-profile-name">{name}</span>'
                f'<h5><a data-hook="review-title"><span class="a-icon-alt">5.0 out of 5 stars</span>'
                f'<span>{title}</span></a></h5><span data-hook="review-date">Reviewed in the United States on '
                f'{when}</span><div class="review-data"><span data-hook="avp-badge">{badge}</span></div>'
                f'<span data-hook="review-body"><span>{body}</span></span>'
                f'<div class="a-expander-prompt">Read more</div>'
                f'<div data-hook="review-voting-widget"><span>Helpful</span> <span>Report</span></div></li>')
    reviews = (review("R2ABCDE1FGH", "Pat", "Works", "Verified Purchase", "Took it daily for a month, slept better.",
                      "March 2, 2025")
               + review("R9ZYXWV8UTS", "Kim", "Meh", "Amazon Vine Customer Review of Free Product",
                        "The capsules are huge.", "April 10, 2024"))
    doc = to_document(parse_html(page_of(f'<ul id="cm-cr-dp-review-list">{reviews}</ul>'), "a.html"), "a", "a.html")
    assert [(c.author, c.date, c.text, c.source_id) for c in doc.comments] == [
        ("Pat", "2025-03-02", "Took it daily for a month, slept better.", "R2ABCDE1FGH"),
        ("Kim", "2024-04-10", "The capsules are huge.", "R9ZYXWV8UTS"),
    ]


def test_trellis_comments_and_their_answers_nested_inside() -> None:
    def comment(name: str, when: str, body: str, child: str = "", cls: str = "trellis-comment") -> str:
        content = f'<div class="trellis-comment-content"><p>{body}</p></div>' if cls == "trellis-comment" \
            else f"<div><p>{body}</p></div>"
        return (f'<div class="{cls}"><div class="trellis-comment-header"><div class="trellis-comment-text">'
                f'<p class="trellis-comment-author">{name}</p><p class="trellis-comment-date">{when}</p></div></div>'
                f"{content}{child}</div>")
    answer = comment("Eileen", "Friday 4th of August 2023", "Thanks, Helen!", cls="trellis-comment-child")
    body = comment("Helen", "Thursday 3rd of August 2023", "Light and beautiful!", answer) + comment(
        "Jen", "Wednesday 29th of June 2022", "What is the weight of the starter?")
    doc = to_document(parse_html(page_of(f'<div class="trellis-comments">{body}</div>'), "t.html"), "t", "t.html")
    doc.check_integrity()
    assert [(c.depth, c.author, c.date, c.text) for c in doc.walk()] == [
        (0, "Helen", "2023-08-03", "Light and beautiful!"),
        (1, "Eileen", "2023-08-04", "Thanks, Helen!"),
        (0, "Jen", "2022-06-29", "What is the weight of the starter?"),
    ]


def test_a_name_before_a_permalinked_date_and_a_rating_widget_after_the_text() -> None:
    """'<strong>NAME</strong> — <a href="#comment-N"><time>…</time></a>': the name is before the
    link the date fills; the review plugin's '(5/5)' or stars after the words are no part of them."""
    def comment(n: int, name: str, rating: str) -> str:
        return (f'<li class="comment" id="li-comment-{n}"><div id="comment-{n}" class="comment">'
                f'<div class="post-meta comment-meta"><strong>{name}</strong> &#8212; <a href="#comment-{n}">'
                f'<time datetime="2021-12-2{n}T14:16:38-08:00">December 2{n}, 2021</time></a></div>'
                f'<div class="comment-content"><p>Such a yummy dessert {n}!</p><div>{rating}</div></div></div></li>')
    body = comment(1, "Carrie", "(5/5)") + comment(2, "Suzy", "★★★★")
    doc = to_document(parse_html(page_of(f'<ol class="comment-list">{body}</ol>'), "w.html"), "w", "w.html")
    assert [(c.author, c.text) for c in doc.comments] == [("Carrie", "Such a yummy dessert 1!"),
                                                        ("Suzy", "Such a yummy dessert 2!")]

def fluxbb_post(n: int, name: str, when: str, body: str) -> str:
    return (f'<div id="p{n}" class="blockpost rowodd"><h2><span><span class="conr">#{n}</span> '
            f'<a href="viewtopic.php?pid={n}#p{n}">{when}</a></span></h2><div class="box"><div class="postbody">'
            f'<div class="postleft"><dl><dt><strong>{name}</strong></dt><dd class="usertitle"><strong>Member</strong>'
            f'</dd><dd><span>Registered: 2024-01-27</span></dd></dl></div><div class="postright"><h3>Re: Forum software'
            f'</h3><div class="postmsg">{body}</div><div class="postsignature postmsg"><p>My blog</p></div></div></div>'
            '<div class="postfoot"><p><span>Offline</span></p></div></div></div>')  # fmt: skip


def test_fluxbb_posts_without_the_quoted_ones_and_the_edit_note() -> None:
    body = ('<div id="punviewtopic"><div class="blocktable">'
            + fluxbb_post(1, "archuser38013", "2024-08-03 10:59:47", "<p>Which forum software is like this one?</p>"
                          '<p class="postedit"><em>Last edited by archuser38013 (2024-08-03 11:02:20)</em></p>')
            + fluxbb_post(2, "Head_on_a_Stick", "2024-08-03 14:10:02", '<div class="quotebox"><cite>archuser38013 '
                          "wrote:</cite><blockquote><p>Which forum software?</p></blockquote></div><p>FluxBB is "
                          "unmaintained.</p>")
            + "</div></div>")  # fmt: skip
    doc = to_document(parse_html(page_of(body), "t.html"), "t", "t.html")
    doc.check_integrity()
    assert [(c.depth, c.author, c.date, c.text) for c in doc.walk()] == [
        (0, "archuser38013", "2024-08-03T10:59:47", "Which forum software is like this one?"),
        (0, "Head_on_a_Stick", "2024-08-03T14:10:02", "FluxBB is unmaintained."),
    ]


def invision_post(n: int, name: str, when: str, body: str, badge: str = "") -> str:
    pane = f'<h3 class="cAuthorPane_author"><a href="/profile/{n}">{name}</a></h3>'
    return (f'<article id="elComment_{n}" class="cPost ipsComment"><div class="cAuthorPane_mobile">{pane}'
            f'<a>Posted <time datetime="{when}">October 29</time></a></div><aside class="ipsComment_author '
            f'cAuthorPane">{pane}<ul><li data-role="group">Members</li><li data-role="stats">360</li></ul></aside>'
            f'<div class="ipsComment_meta">{badge}<a>Posted <time datetime="{when}">October 29</time></a></div>'
            f'<div class="ipsComment_content"><div data-role="commentContent">{body}</div></div>'
            '</article>')  # fmt: skip


def test_invision_posts_without_the_author_pane_quotes_and_edit_notes() -> None:
    body = (invision_post(1, "GrinGEO", "2025-10-29T12:07:52Z", "<p>How do I change the payment method?</p>")
            + invision_post(2, "Daresh", "2025-10-29T12:17:58Z", '<blockquote class="ipsQuote" '
                            'data-ipsquote-username="GrinGEO"><p>How do I change it?</p></blockquote>'
                            '<p>Not easily.</p><span data-excludequote="">Edited October 30 by El Patron</span>')
            + invision_post(3, "GrinGEO", "2025-10-30T08:21:21Z", "<p>Thanks, I see.</p>",
                            '<strong class="ipsComment_authorBadge">Author</strong>'))  # fmt: skip
    assert full_outline(body) == [
        (0, "GrinGEO", "2025-10-29T12:07:52Z", "How do I change the payment method?", False),
        (0, "Daresh", "2025-10-29T12:17:58Z", "Not easily.", False),
        (0, "GrinGEO", "2025-10-30T08:21:21Z", "Thanks, I see.", True),
    ]


def test_substack_comments_by_their_profile_link_and_permalink() -> None:
    def comment(n: int, name: str, when: str, body: str) -> str:
        return (f'<div class="comment"><div id="comment-{n}" class="comment-anchor"></div><div role="article" '
                f'aria-label="Comment by {name}" class="comment-content"><a href="https://substack.com/profile/{n}-x" '
                f'aria-label="View {name}\'s profile"><img alt="{name}\'s avatar"></a><span><a href="https://substack.'
                f'com/profile/{n}-x?utm_source=substack-feed-item">{name}</a></span><a href="/p/post/comment/{n}" '
                f'title="{when}"><span>6d</span></a><div class="comment-body"><p>{body}</p></div>'
                '<button>Reply</button></div></div>')  # fmt: skip
    body = ('<div class="comments-page"><div class="comment-list-items">'
            + comment(187786811, "A Thornton", "Dec 14, 2025, 7:40 PM", "tl;dr: correlation is not cognition")
            + comment(187786000, "Saty Chary", "Dec 14, 2025, 7:32 PM", "Lol and OMG, Gary.")
            + "</div></div>")
    assert outline_of(body) == [(0, "A Thornton", "tl;dr: correlation is not cognition"),
                                (0, "Saty Chary", "Lol and OMG, Gary.")]


def test_livefyre_stream_names_and_words_without_the_readers_tag() -> None:
    def comment(name: str, body: str, replies: str = "") -> str:
        return (f'<article class="fyre-comment-article fyre-comment-author-tag-subscriber">'
                f'<div class="fyre-comment-wrapper"><div class="fyre-comment-user"><a class="fyre-comment-author">'
                f'<img alt="{name}"></a></div><header class="fyre-comment-head"><a class="fyre-comment-username">'
                f'{name}</a> <span class="fyre-comment-author-tag">subscriber</span><span '
                f'class="fyre-comment-user-rating" style="display: none;">5pts</span></header><section '
                f'class="fyre-comment-body"><div class="fyre-comment"><p><p>{body}</p></p></div></section>'
                f'<footer class="fyre-comment-footer"></footer></div>'
                f'<div class="fyre-comment-replies">{replies}</div></article>')  # fmt: skip
    body = ('<div class="fyre-comment-stream">'
            + comment("Victor Watermann", "Get yourself a copy of the book.", comment("Dave Mulligan", "Which one?"))
            + comment("Ann Lee", "Donors are waiting for the primaries.") + "</div>")
    assert outline_of(body) == [(0, "Victor Watermann", "Get yourself a copy of the book."),
                                (1, "Dave Mulligan", "Which one?"),
                                (0, "Ann Lee", "Donors are waiting for the primaries.")]


def test_vanilla_posts_without_rank_badges_and_the_starters_own_mark() -> None:
    def post(tag: str, kind: str, n: int, name: str, body: str, extra: str = "") -> str:
        return (f'<{tag} class="Item {kind} {extra}" id="{"Discussion" if tag == "div" else "Comment"}_{n}">'
                f'<div class="Item-Header"><span class="Author"><a class="Username" href="/profile/{name}">{name}</a>'
                f'</span><span class="AuthorInfo"><span class="Rank MItem">Admin</span></span><div class="Meta">'
                f'<span class="MItem DateCreated"><a><time datetime="2025-03-0{n}T19:40:35+00:00">March 2025</time>'
                f'</a></span></div></div><div class="Message userContent"><p>{body}</p></div>'
                f'<div class="Reactions"><span>0</span></div></{tag}>')  # fmt: skip
    body = (post("div", "ItemDiscussion", 1, "Linc", "Vanilla is no longer open source.")
            + '<ul class="MessageList Comments">' + post("li", "ItemComment", 2, "K17", "Really sad.")
            + post("li", "ItemComment", 3, "Linc", "My post was factual.", "isOriginalPoster") + "</ul>")
    assert [(depth, author, text, staff) for depth, author, _, text, staff in full_outline(body)] == [
        (0, "Linc", "Vanilla is no longer open source.", False),
        (0, "K17", "Really sad.", False),
        (0, "Linc", "My post was factual.", True),
    ]


def test_lemmy_replies_nest_and_a_quoted_parent_is_no_text() -> None:
    def comment(n: int, name: str, body: str, replies: str = "", badge: str = "") -> str:
        return (f'<li class="comment"><article class="comment-node" id="comment-{n}"><div><div class="small">'
                f'<a class="person-listing" href="/u/{name}"><span>{name}</span><small>@lemmy.ml</small></a>{badge}'
                f'<span class="moment-time" data-tippy-content="Friday, October 4th, 2024 at 3:5{n}:58 PM">'
                f'1 year ago</span></div><div class="comment-content"><div class="md-div">{body}</div></div></div>'
                f'</article>{replies}</li>')  # fmt: skip
    reply = comment(2, "Dessalines", "<blockquote><p>Reject federated votes.</p></blockquote><p>Yep, done.</p>",
                    badge='<span class="badge" aria-label="creator">creator</span>')
    body = ('<ul class="comments">' + comment(1, "db0", "<blockquote><p>A whole quotation.</p></blockquote>",
                                              f'<ul class="comments">{reply}</ul>') + "</ul>")
    assert full_outline(body) == [
        (0, "db0", "2024-10-04T15:51", "A whole quotation.", False),
        (1, "Dessalines", "2024-10-04T15:52", "Yep, done.", True),
    ]


def test_tags_a_page_prints_as_text_are_no_part_of_a_name() -> None:
    items = "".join(f'<div class="comment" id="comment-{n}"><span class="comment-author">'
                    f'&lt;span&gt;{name}&lt;/span&gt;'
                    f"</span><span class='comment-time'>Wed, 12/0{n}/2025 - 02:42</span><div "
                    f"class='comment-body'><p>{text}"
                    "</p></div></div>"
                    for n, (name, text) in enumerate([("Donald Elam", "Kale does well here."),
                                                      ("Ruth", "Plant beans after the frost.")], 1))  # fmt: skip
    assert [author for _, author, _ in outline_of(f'<div class="comments">{items}</div>')] == ["Donald Elam", "Ruth"]


def wp_li(n: int, depth: int, name: str, text: str, replies: str = "") -> str:
    children = f'<ul class="children">{replies}</ul>' if replies else ""
    return (f'<li class="comment depth-{depth}" id="comment-{n}"><article><footer class="comment-meta">'
            f'<b class="fn">{name}</b><time datetime="2021-03-0{n % 9 + 1}T09:15:00+00:00">März</time></footer>'
            f'<div class="comment-content"><p>{text}</p></div></article>{children}</li>')  # fmt: skip


def test_a_comment_list_printed_twice_is_read_once() -> None:
    thread = (wp_li(7, 1, "Ann", "Which platform did you pick?", wp_li(8, 2, "Site", "Thinkific, for now."))
              + wp_li(9, 1, "Bo", "Teachable worked for me."))  # fmt: skip
    body = (f'<ol class="comment-list">{thread}</ol><div class="comments-again"><ol class="comment-list">'
            f'{thread}</ol></div>')
    doc = to_document(parse_html(page_of(body), "t.html"), "t", "t.html")
    doc.check_integrity()
    assert [(c.depth, c.author, c.source_id) for c in doc.walk()] == [(0, "Ann", "7"), (1, "Site", "8"), (0, "Bo", "9")]


def test_two_comments_alike_under_their_own_ids_are_both_kept() -> None:
    twins = wp_li(5, 1, "Babucka", "Super recept!") + wp_li(6, 1, "Babucka", "Super recept!")
    body = f'<ol class="comment-list">{twins}</ol>'
    assert [author for _, author, _ in outline_of(body)] == ["Babucka", "Babucka"]


def test_lobsters_replies_in_the_subtree_after_their_comment() -> None:
    def subtree(sid: str, name: str, text: str, replies: str = "") -> str:
        return (f'<li class="comments_subtree"><input id="comment_folder_{sid}" type="checkbox"><div id="c_{sid}" '
                f'data-shortid="{sid}" class="comment"><div class="voters"><a class="upvoter">8</a></div><div '
                f'class="details">'
                f'<div class="byline"><a aria-hidden="true" href="/~{name}"><img alt="{name} avatar"></a> <a '
                f'href="/~{name}">'
                f'{name}</a> <a href="/c/{sid}"><time datetime="2024-08-12 17:22:26">1 year ago</time></a></div>'
                f'<div class="comment_text"><p>{text}</p></div></div></div><ol class="comments">{replies}</ol></li>')
    body = ('<ol class="comments comments1">' + subtree("adg3jp", "kkiri", "Curious about ref counting.",
            subtree("b8b5hn", "dureuill", "So do I.")) + subtree("ufssvn", "jclulow", "Yes, if a move closure could.")
            + "</ol>")  # fmt: skip
    doc = to_document(parse_html(page_of(body), "t.html"), "t", "t.html")
    doc.check_integrity()
    assert [(c.depth, c.author, c.source_id, c.text) for c in doc.walk()] == [
        (0, "kkiri", "adg3jp", "Curious about ref counting."), (1, "dureuill", "b8b5hn", "So do I."),
        (0, "jclulow", "ufssvn", "Yes, if a move closure could.")]


def carnegie_comment(cls: str, name: str, day: int, text: str, inner: str = "") -> str:
    return (f'<div class="{cls}"><div class="comment-meta"><div class="comment-author">{name}</div>'
            f'<small class="comment-time">August 0{day}, 2019</small></div><div class="comment-content"><p>{text}</p>'
            f'<div class="comment-tools"><a href="#">Report</a></div>{inner}</div></div>')  # fmt: skip


def test_replies_a_comment_holds_where_no_selector_names_them() -> None:
    replies = (carnegie_comment("comment-reply", "Michael Pettis", 7, "Capital controls are never perfect.")
               + carnegie_comment("comment-reply", "Claire", 8, "Thanks, that answers it."))  # fmt: skip
    body = ('<div class="comment-wrapper"><div class="comments">'
            + carnegie_comment("comment", "Claire", 6, "How does this work in practice?", replies)
            + carnegie_comment("comment", "Montes", 6, "A brilliant article, as always.") + "</div></div>")  # fmt: skip
    assert outline_of(body) == [(0, "Claire", "How does this work in practice?"),
                                (1, "Michael Pettis", "Capital controls are never perfect."),
                                (1, "Claire", "Thanks, that answers it."),
                                (0, "Montes", "A brilliant article, as always.")]


def test_a_quoted_post_inside_a_comment_is_no_reply() -> None:
    quote = carnegie_comment("reply-quote", "Claire", 6, "How does this work in practice?")
    body = ('<div class="comment-wrapper"><div class="comments">'
            + carnegie_comment("comment", "Montes", 7, "Quoting her, then my answer.", quote) + "</div></div>")
    assert [author for _, author, _ in outline_of(body)] == ["Montes"]


FORUM_POSTS = {
    "smf": ('<div id="forumposts">{posts}</div>',
            '<div class="windowbg" id="msg{n}"><div class="post_wrapper"><div class="poster"><h4>'
            '<a href="/u">{name}</a></h4><ul><li class="postcount">Posts: 76,825</li></ul></div>'
            '<div class="postarea"><div class="keyinfo">'
            '<h5>Re: AI in forums</h5><div class="postinfo"><a href="/msg{n}" class="smalltext">June 0{n}, 2024, '
            '03:29:46 AM</a></div></div><div class="post"><div class="inner">{quote}{text}</div></div></div>'
            '<div class="signature">Holder of controversial views.</div></div></div>'),
    "mybb": ('<div id="posts">{posts}</div>',
             '<div class="post" id="post_{n}"><div class="post_author"><div class="author_information"><strong>'
             '<span class="largetext"><a href="/u">{name}</a></span></strong><span class="smalltext">Development'
             '</span></div></div><div class="post_content"><div class="post_head"><span class="post_date">'
             '2019-02-2{n}, 09:14 PM <span class="post_edit">(This post was last modified)</span></span></div>'
             '<div class="post_body">'
             '{quote}{text}</div><div class="signature">My forum</div></div></div>'),
}


@pytest.mark.parametrize("system", list(FORUM_POSTS))
def test_forum_posts_of_smf_and_mybb(system: str) -> None:
    frame, post = FORUM_POSTS[system]
    quote = ('<blockquote class="mycode_quote"><cite>Arantor Wrote:</cite>There is some potential there.</blockquote>'
             if system == "mybb" else '<div class="quoteheader">Quote from: Arantor</div><blockquote>There is some '
             "potential there.</blockquote>")  # fmt: skip
    posts = post.format(n=1, name="Arantor", quote="", text="There is some potential there.") + post.format(
        n=2, name="rcane", quote=quote, text="It can write a pretty mean haiku.")
    assert outline_of(frame.format(posts=posts)) == [
        (0, "Arantor", "There is some potential there."), (0, "rcane", "It can write a pretty mean haiku.")]


def test_a_bootstrap_media_heading_in_a_comments_header_is_its_author() -> None:
    thread = [("MARIA ANGELES", "ohhh muchas gracias"), ("David", "Por qué esta receta")]
    items = "".join(
        f'<li class="comment media" id="comment-{n}"><img class="avatar" alt=""><div class="media-body">'
        f'<div class="comment-header"><h5 class="media-heading">{name}</h5><div class="comment-meta">'
        f'<time datetime="2023-09-0{n}T09:24:28+02:00"><a href="#c{n}">{n} septiembre, 2023</a></time> | '
        f'<a class="comment-reply-link" href="#">Responder</a></div></div><p>{text}</p></div></li>'
        for n, (name, text) in enumerate(thread, 1))  # fmt: skip
    assert [author for _, author, _ in outline_of(f'<ol class="comment-list">{items}</ol>')] == [n for n, _ in thread]


@pytest.mark.parametrize("button", ["Beantwoorden", "Odpowiedz", "Yanıtla", "Svar"])
def test_a_reply_button_in_more_languages_is_no_text(button: str) -> None:
    body = (f'<ol class="comment-list"><li class="comment" id="comment-1"><cite class="fn">Lotte</cite>'
            f'<div class="comment-content"><p>Lekker recept!</p><a href="#form-1">{button}</a></div></li></ol>')
    assert outline_of(body) == [(0, "Lotte", "Lekker recept!")]


def test_a_row_of_button_labels_under_a_comment_is_no_text() -> None:
    # a news site's comment ends in its buttons' labels, one per line ('Report', 'Recommend', ...)
    body = ('<ol class="comment-list"><li class="comment" id="comment-1"><cite class="fn">Lotte</cite>'
            '<div class="comment-content"><p>Capital controls are never perfect.</p><p>Report</p><p>Recommend</p>'
            '<p>Reply to this post</p></div></li></ol>')
    assert outline_of(body) == [(0, "Lotte", "Capital controls are never perfect.")]


@pytest.mark.parametrize(
    ("data", "problem"),
    [(b"", "empty file"), (b"\x00\x01\x02<html>" * 10, "binary"), (b"\x1f\x8b\x08\x00broken", "gzip")],
    ids=["empty", "binary", "broken_gzip"],
)
def test_unreadable_file_is_one_line_error(tmp_path: Path, data: bytes, problem: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(data)
    with pytest.raises(UnreadableInputError, match=problem) as error:
        list(HtmlReader().read(path))
    assert "\n" not in str(error.value)


FIXTURE_TEXTS = [p.read_text("utf-8") for p in sorted(PAGES.glob("*.html"))]


@st.composite
def mutated_pages(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(FIXTURE_TEXTS))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["cut", "delete", "insert", "duplicate"]))
        size = draw(st.integers(1, 400))
        if op == "cut":
            text = text[:at]
        elif op == "delete":
            text = text[:at] + text[at + size :]
        elif op == "insert":
            text = text[:at] + draw(st.sampled_from(["<", ">", "</li>", "<li class='comment'>", "<!--", "\x00",
                                                      '"', "<ul class='children'>", "&#x", "<div>" * 50])) + text[at:]
        else:
            text = text[:at] + text[at : at + size] * 3 + text[at:]
    return text


@settings(max_examples=150, deadline=None)
@given(st.one_of(mutated_pages(), st.text(max_size=300)))
def test_random_and_mutated_markup_never_crashes(text: str) -> None:
    try:
        doc = to_document(parse_html(text, "m.html"), "m", "m.html")
    except UnreadableInputError:
        return
    doc.check_integrity()


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_read_or_raise_our_error(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("html") / "page.html"
    path.write_bytes(b"<html><body>" + data)
    try:
        (doc,) = HtmlReader().read(path)
    except UnreadableInputError as error:
        assert "\n" not in str(error)
        return
    doc.check_integrity()


def test_dates_as_pages_print_them() -> None:
    assert to_iso("August 3, 2019 at 4:11 pm") == "2019-08-03T16:11"
    assert to_iso("10. Februar 2019 um 18:05") == "2019-02-10T18:05"
    assert to_iso("03/19/2014 - 15:04", "month") == "2014-03-19T15:04"
    assert to_iso("2019-08-03T04:11:57+00:00", "month") == "2019-08-03T04:11:57+00:00"
    assert to_iso("3 years ago") is None


# ---------------------------------------------------------------- the real corpus (when present)

GOLD_FILE = REAL / "gold.jsonl"
REAL_GOLD = [json.loads(line) for line in GOLD_FILE.read_text("utf-8").splitlines()] if GOLD_FILE.is_file() else []
REAL_HTML = [g for g in REAL_GOLD if g["kind"] == "html"]
REAL_SYSTEMS = sorted({g["system"] for g in REAL_HTML if g["has_comments"]})


def real_score(records: list[dict[str, Any]]) -> Any:
    sys.path.insert(0, str(REAL.parent))
    from realgold import Score, items, score

    total = Score()
    for gold in records:
        (doc,) = HtmlReader().read(REAL / str(gold["file"]))
        want = [c for d in gold["documents"] for c in d["comments"]]
        got = [{"text": c.text, "author": c.author, "depth": c.depth} for c in doc.walk()]
        total += score(items(want), items(got))
    return total


@pytest.mark.skipif(not REAL_HTML, reason="benchmarks/real/ corpus not present")
@pytest.mark.parametrize("system", REAL_SYSTEMS or ["none"])
def test_real_pages_each_system_finds_its_comments(system: str) -> None:
    total = real_score([g for g in REAL_HTML if g["system"] == system and g["has_comments"]])
    assert total.recall_found >= 0.95


@pytest.mark.skipif(not REAL_HTML, reason="benchmarks/real/ corpus not present")
def test_real_pages_meet_the_goals() -> None:
    assert real_score([g for g in REAL_HTML if g["has_comments"]]).f1 >= 0.97
    assert real_score([g for g in REAL_HTML if not g["has_comments"]]).predicted == 0


def test_cli_explain_shows_elements_for_html(capsys: pytest.CaptureFixture[str]) -> None:
    from commentscope.cli import main

    assert main(["parse", "--explain", str(PAGES / "drupal7.html")]) == 0
    out = capsys.readouterr().out
    assert "rule drupal" in out and "comment-by-node-author" in out and out.count("div.comment") == 3


def test_date_in_spans_side_by_side_is_not_read_glued() -> None:
    """'<span>28.09.19</span><span>13:39</span>' glues to '28.09.1913:39': no year 1913."""
    body = ('<ol class="comment-list"><li class="comment" id="comment-3"><span class="fn">Ann</span>'
            '<span class="comment-date"><span>28.09.19</span><span>13:39</span></span>'
            '<div class="comment-content"><p>Geht wieder.</p></div></li></ol>')  # fmt: skip
    doc = to_document(parse_html(page_of(body), "t.html"), "t", "t.html")
    assert [(c.author, c.date) for c in doc.walk()] == [("Ann", None)]


def test_a_quoted_post_in_a_box_of_its_class_is_not_the_replys_text() -> None:
    def comment(n: int, name: str, body: str) -> str:
        return (f'<div class="comment first"><div class="comment_content"><div class="username">'
                f'<a href="https://forums.example.com/posts/{n}">{name}</a></div>'
                f'<div class="date">2 days ago at 07:5{n} am</div><div class="content">{body}</div>'
                '<ul class="comment-controls"><li class="reply"><a href="#f">Reply</a></li>'
                '<li class="quote"><a href="#f">Quote</a></li></ul></div></div>')  # fmt: skip
    body = ('<div id="comments">'
            + comment(1, "tjedora", 'Shouldn\'t 2020 be the year of a redesign? <i class="fa fa-quote-left"></i>')
            + comment(2, "Nick A", '<p class="quote"><br>Shouldn\'t 2020 be the year of a redesign?<br></p><br>'
                      "I think this is it.")
            + comment(3, "mike", '<aside class="quote no-group"><div class="title">tjedora:</div><blockquote>'
                      "Shouldn't 2020 be the year of a redesign?</blockquote></aside><p>No, 2021.</p>")
            + "</div>")  # fmt: skip
    assert [(author, text) for _, author, _, text, _ in full_outline(body)] == [
        ("tjedora", "Shouldn't 2020 be the year of a redesign?"),
        ("Nick A", "I think this is it."),
        ("mike", "No, 2021."),
    ]


def test_the_templates_line_breaks_are_spaces_the_readers_and_a_pres_are_kept() -> None:
    def comment(n: int, name: str, body: str) -> str:
        return (f'<li class="comment" id="comment-{n}"><div class="comment-author">{name}</div>'
                f'<div class="comment-content">{body}</div><div class="actions">\n\t\t<a>Alerter</a>\n'
                '\t\t<a>Répondre</a>\n\t</div></li>')  # fmt: skip
    body = ('<ol class="commentlist">'
            + comment(1, "Ann", "\n\t\t\tQ: Could the oil be replaced\n\t\t\twith applesauce?\n\t\t")
            + comment(2, "Bo", "Michael,\nFirst rate piece.")
            + comment(3, "Cy", "Try this:<pre>for i in numbers:\n        print(i)</pre>")
            + "</ol>")  # fmt: skip
    assert [(author, text) for _, author, _, text, _ in full_outline(body)] == [
        ("Ann", "Q: Could the oil be replaced with applesauce?"),
        ("Bo", "Michael,\nFirst rate piece."),
        ("Cy", "Try this:\nfor i in numbers:\nprint(i)"),
    ]


def test_slashdot_comments_without_their_subject_and_score_line() -> None:
    def comment(n: int, name: str, body: str, replies: str = "", shown: bool = True) -> str:
        cw = (f'<div id="comment_top_{n}" class="commentTop"><div class="title"><h4><a href="#">Re: Jobs?</a>'
              f' <span class="score"> (<span class=opt>Score:</span>2)</span></h4></div><div class="details">'
              f'<span class="by"><span class="byby">by </span><a href="//slashdot.org/~{name}">{name}</a> '
              f'<span class="uid"><a href="//slashdot.org/~{name}">( 1311177 )</a></span></span>'
              f'<span class="writes"> writes:</span> <span class="otherdetails">on Friday December 19, 2025 '
              f'@08:08PM (#{n})</span></div></div><div class="commentBody"><div id="comment_body_{n}">{body}</div>'
              '</div>') if shown else ""  # fmt: skip
        return (f'<li id="tree_{n}" class="comment"><div id="comment_{n}" class="cw">{cw}</div>'
                f'<ul id="commtree_{n}">{replies}</ul></li>')  # fmt: skip
    body = ('<ul id="commentlisting" class="d2">'
            + comment(1, "ozmartian", "How are juniors supposed to be mentored?",
                      comment(2, "iggymanz", "They won't need them, they think."))
            + comment(3, "", "", comment(4, "Brain-Fu", "This quote from the summary..."), shown=False)
            + "</ul>")  # fmt: skip
    assert full_outline(body) == [
        (0, "ozmartian", "2025-12-19T20:08", "How are juniors supposed to be mentored?", False),
        (1, "iggymanz", "2025-12-19T20:08", "They won't need them, they think.", False),
        (0, "Brain-Fu", "2025-12-19T20:08", "This quote from the summary...", False),
    ]


def test_a_microdata_author_in_a_meta_and_a_quote_named_by_a_mention() -> None:
    def post(n: int, name: str, body: str) -> str:
        return (f'<li component="post" data-pid="{n}" itemprop="comment" itemscope itemtype="http://schema.org/Comment">'
                f'<meta itemprop="datePublished" content="2024-04-17T1{n}:12:22Z"><div class="post-header" '
                f'itemprop="author" itemscope itemtype="https://schema.org/Person"><meta itemprop="name" '
                f'content="{name}"><a href="/user/{name.lower()}">{name}</a> <span>{n} posts</span></div>'
                f'<div component="post/content" itemprop="text">{body}</div></li>')  # fmt: skip
    body = ('<ul component="topic" class="posts">'
            + post(1, "JonB", "<p>Has anybody tried a beta of Ubuntu 24.04?</p>")
            + post(2, "Pl45m4", '<p><a class="plugin-mentions-user" href="/user/jonb">@<bdi>JonB</bdi></a> said in '
                   '<a href="/post/1">Which Qt6 version</a>:</p><blockquote><p>Has anybody tried a beta?</p>'
                   "</blockquote><p>It ships Qt 6.4.2.</p>")
            + "</ul>")  # fmt: skip
    assert [(author, text) for _, author, _, text, _ in full_outline(body)] == [
        ("JonB", "Has anybody tried a beta of Ubuntu 24.04?"),
        ("Pl45m4", "It ships Qt 6.4.2."),
    ]


def test_a_review_widgets_read_more_and_helpful_buttons_are_no_text() -> None:
    def review(n: int, name: str, body: str) -> str:
        return (f'<li class="comment" id="comment-{n}"><div class="comment-author">{name}</div>'
                f'<div class="comment-content"><p>{body}</p><a href="#r{n}">Read more</a><br>'
                '<span class="vote">Helpful?</span></div></li>')  # fmt: skip
    body = ('<ol class="commentlist">' + review(1, "Lala", "So loud! They fit great.") + review(2, "Bo", "Nice.")
            + "</ol>")
    assert [(author, text) for _, author, _, text, _ in full_outline(body)] == [
        ("Lala", "So loud! They fit great."), ("Bo", "Nice.")]


def test_a_reviews_rating_badge_before_its_words_is_no_text() -> None:
    def review(n: int, name: str, badge: str, body: str) -> str:
        return (f'<li class="comment" id="comment-{n}"><div class="comment-author">{name}</div>'
                f'<div class="comment-content"><div>{badge}</div><p>{body}</p></div></li>')  # fmt: skip
    body = ('<ol class="commentlist">' + review(1, "Butter14", "5 of 5", "Smooth, vanilla forward.")
            + review(2, "judy", "Rating: 3 stars", "What's the difference between grated and shredded?")
            + review(3, "Lala", "4.0 out of 5 stars", "1 of 2 batches burnt.") + "</ol>")  # fmt: skip
    assert [text for _, _, _, text, _ in full_outline(body)] == [
        "Smooth, vanilla forward.", "What's the difference between grated and shredded?", "1 of 2 batches burnt."]


def test_invision_5_posts_by_their_entry_markup() -> None:
    def post(n: int, name: str, when: str, body: str) -> str:
        return (f'<article id="elComment_{n}" class="ipsEntry js-ipsEntry ipsEntry--post">'
                f'<aside class="ipsEntry__header"><h3 class="ipsEntry__username"><a href="/profile/{n}-x/">{name}</a>'
                f'</h3><ul class="ipsEntry__authorStats"><li>2.8k posts</li></ul><time datetime="{when}" '
                f'data-short="1 yr">June 14, 2024</time></aside><div class="ipsEntry__post">'
                f'<div class="ipsEntry__meta"><time datetime="{when}">June 14, 2024</time> 1 yr</div>'
                f'<div class="ipsRichText" data-role="commentContent"><p>{body}</p></div></div></article>')  # fmt: skip
    body = (post(1, "ColdJ", "2024-06-14T13:22:54Z", "Thank you all for making this a great place.")
            + post(2, "Ultimate Steve", "2024-06-14T15:11:58Z", "I doubt that the forum is getting shuttered."))
    assert full_outline(body) == [
        (0, "ColdJ", "2024-06-14T13:22:54Z", "Thank you all for making this a great place.", False),
        (0, "Ultimate Steve", "2024-06-14T15:11:58Z", "I doubt that the forum is getting shuttered.", False),
    ]


def test_a_button_label_before_the_date_is_no_author() -> None:
    def comment(n: int, lead: str, body: str) -> str:
        return (f'<li class="comment" id="comment-{n}"><div class="comment-body"><span>{lead}</span> '
                f'<span class="date">October 13, 2025</span><p>{body}</p></div></li>')  # fmt: skip
    body = ('<ol class="commentlist">' + comment(1, "Read more", "Great movers, on time.")
            + comment(2, "Tamara S", "They wrapped everything.") + "</ol>")  # fmt: skip
    assert [(author, text) for _, author, _, text, _ in full_outline(body)] == [
        (None, "Great movers, on time."), ("Tamara S", "They wrapped everything.")]


def test_old_reddit_comments_by_their_thing_markup() -> None:
    def thing(n: str, name: str, when: str, body: str, replies: str = "") -> str:
        return (f'<div class=" thing id-t1_{n} noncollapsed comment " id="thing_t1_{n}" data-type="comment" '
                f'data-author="{name}"><div class="entry"><p class="tagline"><a class="author">{name}</a> '
                f'<span class="score">5 points</span> <time datetime="{when}">2 hours ago</time></p>'
                f'<form><div class="usertext-body"><div class="md"><p>{body}</p></div></div></form>'
                '<ul class="flat-list buttons"><li>permalink</li><li>reply</li></ul></div>'
                f'<div class="child"><div class="sitetable">{replies}</div></div></div>')  # fmt: skip
    body = ('<div class="commentarea"><div class="sitetable nestedlisting">'
            + thing("a1", "Ragnar", "2026-03-04T19:34:47+00:00", "Might this also cure tinnitus?",
                    thing("b2", "Baron", "2026-03-04T20:53:40+00:00", "Oh, I dream of silence."))
            + "</div></div>")  # fmt: skip
    assert full_outline(body) == [
        (0, "Ragnar", "2026-03-04T19:34:47+00:00", "Might this also cure tinnitus?", False),
        (1, "Baron", "2026-03-04T20:53:40+00:00", "Oh, I dream of silence.", False),
    ]


def test_phpbb_theme_that_names_the_poster_only_in_the_profile_column() -> None:
    """A prosilver variant whose p.author holds only the date's link: the name is the profile
    column's a.username, not the date's weekday."""
    def post(n: int, name: str, when: str, body: str) -> str:
        return (f'<div id="p{n}" class="post has-profile"><div class="inner"><dl class="postprofile">'
                f'<dt><a href="./memberlist.php?u={n}" class="username">{name}</a></dt>'
                f'<dd class="profile-joined"><strong>Joined:</strong> Sun Dec 17, 2023 11:18 am</dd></dl>'
                f'<div class="postbody"><p class="author"><a href="#p{n}">{when}</a></p>'
                f'<div class="content">{body}</div></div></div></div>')
    body = (post(1, "b.scherer", "Sun Dec 17, 2023 11:23 am", "How do I turn the LEDs off?")
            + post(2, "jahboater", "Wed Dec 27, 2023 10:00 am", "This works on the Pi5."))
    doc = to_document(parse_html(page_of(body), "f.html"), "f", "f.html")
    assert [(c.author, c.date, c.text) for c in doc.comments] == [
        ("b.scherer", "2023-12-17T11:23", "How do I turn the LEDs off?"),
        ("jahboater", "2023-12-27T10:00", "This works on the Pi5.")]


def test_buddypress_activity_stream_with_answers_inside() -> None:
    """BuddyPress prints readers' posts as an activity stream: 'NAME posted an update, 2 days ago'
    is a header, not text; answers are li#acomment-N in the activity's div.activity-comments."""
    def answer(n: int, name: str, when: str, body: str) -> str:
        return (f'<li id="acomment-{n}"><div class="acomment-avatar"><a href="/members/{name}/"><img class="avatar">'
                f'</a></div><div class="acomment-meta"><a href="/members/{name}/">{name}</a> replied <a href="#" '
                f'class="activity-time-since"><span class="time-since" data-livestamp="{when}">1 year ago</span></a>'
                f'</div><div class="acomment-content"><p>{body}</p></div><div class="acomment-options"><a>Reply</a>'
                f'</div></li>')
    def activity(n: int, name: str, when: str, body: str, answers: str = "") -> str:
        return (f'<li class="activity activity_update activity-item" id="activity-{n}"><div class="activity-avatar">'
                f'<img class="avatar"></div><div class="activity-content"><div class="activity-header"><p>'
                f'<a href="/members/{name}/">{name}</a> posted an update <a class="view activity-time-since" '
                f'title="View Discussion"><span class="time-since" data-livestamp="{when}">2 years ago</span></a>'
                f'</p></div><div class="activity-inner"><p>{body}</p></div><div class="activity-meta">'
                f'<a class="button acomment-reply">Comment <span>1</span></a><a class="fav">Favorite</a></div></div>'
                f'<div class="activity-comments"><ul>{answers}</ul></div></li>')
    stream = (activity(7, "mona", "2023-05-01T09:00:00+0000", "Made it twice, lovely.",
                       answer(9, "ravi", "2023-05-02T10:00:00+0000", "Same here!"))
              + activity(8, "lea", "2023-04-30T08:00:00+0000", "Too salty for me."))
    page = page_of(f'<div class="activity"><ul id="activity-stream" class="activity-list">{stream}</ul></div>')
    doc = page_document(page, wrapped=True)
    assert [(c.depth, c.author, c.date, c.text, c.source_id) for c in doc.walk()] == [
        (0, "mona", "2023-05-01T09:00:00+0000", "Made it twice, lovely.", "7"),
        (1, "ravi", "2023-05-02T10:00:00+0000", "Same here!", "9"),
        (0, "lea", "2023-04-30T08:00:00+0000", "Too salty for me.", "8"),
    ]


def test_reviews_numbered_like_comments_in_a_comment_section_are_read_with_them() -> None:
    """A site's own lists of comments and reviews (div#comment-N, div#review-N in div.comments):
    both are readers' words; a review's stars are images, no text."""
    def item(kind: str, n: int, name: str, body: str) -> str:
        stars = '<span class="review-post-ratings"><img alt="" src="on.gif"></span>' if kind == "review" else ""
        return (f'<div class="{kind} byuser" id="{kind}-{n}"><img class="avatar" src="a.jpg">'
                f'<div class="comment-text"><h4><a href="/members/{name}/">{name}</a> <span>on 7.26.2017</span></h4>'
                f'{stars}<p>{body}</p></div></div>')
    body = (f'<div id="comments"><h3>2 Comments</h3><div class="comments">{item("comment", 5, "ann", "Lovely salsa.")}'
            f'</div></div><div id="reviews"><h3>1 Review</h3><div class="comments js-comments">'
            f'{item("review", 9, "bob", "Made it twice, no changes.")}</div></div>')
    doc = page_document(body)
    assert [(c.author, c.text, c.source_id) for c in doc.comments] == [
        ("ann", "Lovely salsa.", "5"), ("bob", "Made it twice, no changes.", "9")]


def test_blogger_jettheme_names_and_dates_in_the_avatar_column() -> None:
    """JetTheme prints a Blogger comment's name and date as two bare spans of div.avatar-name (the
    admin's 'Delete' link beside them); an answer nests in the comment's li."""
    def comment(cid: str, name: str, when: str, body: str, replies: str = "") -> str:
        return (f"<li class='comment mb-4' id='c{cid}'><div class='comment-block'><div class='comment-header d-flex'>"
                f"<div class='avatar-image'><img alt='{name}' title='{name}'></div><div class='avatar-name col'>"
                f"<span class='d-block fw-bold'>\n{name}\n</span><span class='text-secondary fs-8'>{when}</span></div>"
                f"<span class='delete-comment blog-admin'><a aria-label='Delete' href='#'></a></span></div>"
                f"<div class='comment-content text-break'><p>{body}</p></div></div>"
                f"<div class='comment-actions'><a class='comment-reply'>Reply</a></div>{replies}</li>")
    answer = comment("22", "Hassan", "October 4, 2019 at 9:10 AM", "Thank you!")
    body = (f"<div class='comments threaded' id='comments'><div class='comments-content'><ul class='list-unstyled'>"
            f"{comment('11', 'Anonymous', 'October 3, 2019 at 3:29 PM', 'Will try this.', f'<ul>{answer}</ul>')}"
            f"</ul></div></div>")
    doc = page_document(body)
    assert [(c.depth, c.author, c.date, c.text) for c in doc.walk()] == [
        (0, "Anonymous", "2019-10-03T15:29", "Will try this."),
        (1, "Hassan", "2019-10-04T09:10", "Thank you!"),
    ]


def test_a_commenters_website_after_the_name_is_no_part_of_it() -> None:
    """'<a>Ali</a> from alimargo.com': a theme prints the site the commenter gave; a place is kept."""
    def comment(n: int, fn: str) -> str:
        return (f'<li class="comment depth-1" id="li-comment-{n}"><article id="comment-{n}" class="comment">'
                f'<footer class="comment-meta"><div class="comment-author"><div class="fn">{fn}</div></div></footer>'
                f'<div class="comment-content"><p>Lovely squash {n}.</p></div></article></li>')
    body = comment(1, '<a href="http://www.alimargo.com" class="url">Ali</a> from alimargo.com') + comment(
        2, "ash from love%20and%20lemons.com") + comment(3, "Jo from Ohio")
    doc = page_document(f'<ol class="comment-list">{body}</ol>')
    assert [c.author for c in doc.comments] == ["Ali", "ash", "Jo from Ohio"]


def test_bbpress_posts_are_a_header_and_the_div_after_it() -> None:
    """bbPress prints each post as div.bbp-reply-header (id, date) then a div with the poster's
    column and the text; the topic starter's posts are classed topic-author."""
    def post(n: int, name: str, when: str, body: str, starter: bool) -> str:
        mark = " topic-author" if starter else ""
        return (f'<div id="post-{n}" class="bbp-reply-header"><div class="bbp-meta"><span class="bbp-reply-post-date">'
                f'{when}</span><a href="#post-{n}" class="bbp-reply-permalink">#{n}</a></div></div>'
                f'<div class="loop-item-0 bbp-reply-position-1 post-{n}{mark} reply"><div class="bbp-reply-author">'
                f'<a class="bbp-author-link" href="/members/x/"><span class="bbp-author-name">{name}</span></a>'
                f'<div class="bbp-author-role">Participant</div></div>'
                f'<div class="bbp-reply-content"><p>{body}</p></div></div>')
    posts = (post(11, "M. C", "May 15, 2019 at 10:44 pm", "Which cities have good trails?", True)
             + post(12, "Jerry", "May 16, 2019 at 1:53 pm", "Pasadena, easily.", False)
             + post(13, "M. C", "May 17, 2019 at 9:00 am", "Thanks all!", True))
    body = (f'<ul id="topic-11-replies" class="forums bbp-replies"><li class="bbp-header">'
            f'<div class="bbp-reply-author">Author</div><div class="bbp-reply-content">Posts</div></li>'
            f'<li class="bbp-body">{posts}</li></ul>')
    doc = page_document(body)
    assert [(c.depth, c.author, c.date, c.text, c.marked_staff, c.source_id) for c in doc.comments] == [
        (0, "M. C", "2019-05-15T22:44", "Which cities have good trails?", True, "11"),
        (0, "Jerry", "2019-05-16T13:53", "Pasadena, easily.", False, "12"),
        (0, "M. C", "2019-05-17T09:00", "Thanks all!", True, "13"),
    ]


def test_bbpress_threaded_replies_nest_under_the_opening_post() -> None:
    """bbPress with threaded replies: the opening post a div.bbp-lead-topic (its title and byline no
    text), each reply a div.bbp-reply with its replies in the ul.bbp-threaded-replies after it."""
    def reply(n: int, name: str, when: str, body: str, starter: bool = False, replies: str = "") -> str:
        mark = '<div class="topic-author"></div>' if starter else ""
        nested = f"<ul class='bbp-threaded-replies'>{replies}</ul>" if replies else ""
        return (f'<li><a id="reply-{n}"></a><div id="post-{n}" class="row bbp-reply"><div class="voting-col">'
                f'<span class="score">8</span></div><div class="col"><span class="bbp-reply-byline">'
                f'<span class="bbp-reply-post-name"><a href="/members/{n}">{name}</a></span>'
                f'<span class="bbp-reply-post-date"> - {when}</span></span>{mark}<div class="reply {n}">'
                f'<div class="bbp-reply-content"><p>{body}</p><div class="reply-tools">Reply</div></div>'
                f'</div></div></div>{nested}</li>')
    lead = ('<div id="bbp-topic-7-lead"><div class="bbp-topic-content bbp-lead-topic"><h2>Raised beds</h2>'
            '<div class="bbp-thread-byline"><a href="/members/cp">C P.</a> - July 15, 2020</div>'
            '<p>Frames are optional.</p></div></div>')
    thread = reply(8, "Roland", "July 18, 2020", "I built mine first.", replies=reply(
        9, "Michelle", "July 24, 2020", "We fill them with compost.")) + reply(
        10, "C P.", "July 22, 2020", "Any height works.", starter=True)
    doc = page_document(f'{lead}<ul id="topic-7-replies" class="forums bbp-replies"><li class="bbp-body">'
                        f'<h2>Comments (3)</h2><ul>{thread}</ul></li></ul>')
    assert [(c.depth, c.author, c.date, c.text, c.marked_staff) for c in doc.comments] == [
        (0, "C P.", "2020-07-15", "Frames are optional.", False),
        (0, "Roland", "2020-07-18", "I built mine first.", False),
        (1, "Michelle", "2020-07-24", "We fill them with compost.", False),
        (0, "C P.", "2020-07-22", "Any height works.", True),
    ]


def test_vbulletin_guests_are_named_by_the_post_menu_and_the_starter_is_staff() -> None:
    """vBulletin 4's classic styles: a member's name is a link in div#postmenu_N, a guest's the bare
    text of that div; the thread starter's posts carry a 'Thread Starter' badge."""
    def post(n: int, who: str, body: str, starter: bool = False) -> str:
        badge = '<div class="smallfont"><span class="alt2 threadstarter">Thread Starter</span></div>' if starter else ""
        return (f'<div id="edit{n}"><div class="tpost" id="post{n}"><div class="trow"><div id="postmenu_{n}">'
                f'{who}</div>{badge}<div class="smallfont">Visiting Guest</div></div>'
                f'<div id="post_message_{n}">{body}</div></div></div>')
    doc = page_document('<div id="posts">' + post(1, '<a class="bigusername" href="/m/1">Herm</a>',
                        "Free plans here.", starter=True) + post(2, "rvitek", "Thanks Herm!") + "</div>")
    assert [(c.author, c.text, c.marked_staff) for c in doc.comments] == [
        ("Herm", "Free plans here.", True), ("rvitek", "Thanks Herm!", False)]


@pytest.mark.parametrize("subject", ["Re: Solid State Vs. Tube", "AW: Röhre oder Transistor?"])
def test_a_subject_line_opening_several_posts_is_no_text(subject: str) -> None:
    """Forums migrated from vBulletin keep each reply's subject ('Re: TITLE') as the first line of its
    body: opening two or more posts it is their subject; a post with only that line, or a 'Re:'
    line that opens one post, is the reader's own text."""
    def post(n: int, body: str) -> str:
        return (f'<article class="message message--post" id="js-post-{n}"><h4 class="message-name">'
                f'<a class="username">user{n}</a></h4><article class="message-body"><div class="bbWrapper">'
                f'{body}</div></article></article>')
    doc = page_document(post(1, "Which do you prefer?") + post(2, f"{subject}<br>Tubes, always.")
                        + post(3, f"{subject}<br>Solid state for practice.") + post(4, f"{subject}")
                        + post(5, "Re: tubes<br>They cost more."))
    assert [c.text for c in doc.comments] == [
        "Which do you prefer?", "Tubes, always.", "Solid state for practice.", subject, "Re: tubes\nThey cost more."]


def test_permies_posts_name_the_poster_in_the_left_column() -> None:
    """Permies' forum: div.postItem with the poster's column (name, rank, apple count) and the date
    in a span's title, the post's id on that span."""
    def post(n: int, name: str, when: str, body: str) -> str:
        return (f'<div class="contentBackground1 postItem"><div class="lcontent fl"><div class="postItmCntnt">'
                f'<div class="name"><a href="/u/1/{name}">{name}</a></div><div class="status">Steward<span '
                f'class="staffStar" title="This user is a permies staff member"></span></div><div class="posts">'
                f'Posts: 7405</div></div></div><div class="rcontent fr"><span class="postdate"><span title="{when}" '
                f'id="{n}">posted 1 year ago</span></span><span class="postButtonsToolbar"><ul><li>'
                f'<img alt="Likes"/> 10</li></ul></span><div class="postText">{body}</div></div></div>')
    body = post(2858833, "Matt", "Feb 03, 2025 08:46:12", "Which breed is good with kids?") + post(
        2858845, "Timothy", "Feb 03, 2025 09:06:50", "A Plott Hound, but mind the prey drive.")
    doc = page_document(f'<div class="topicBodyAndFooter">{body}</div>')
    assert [(c.author, c.date, c.text, c.source_id) for c in doc.comments] == [
        ("Matt", "2025-02-03T08:46", "Which breed is good with kids?", "2858833"),
        ("Timothy", "2025-02-03T09:06", "A Plott Hound, but mind the prey drive.", "2858845"),
    ]


def test_tripadvisor_forum_posts_without_the_posters_column() -> None:
    """Tripadvisor's forum: the profile column (home town, expert box, post count) and the title
    line are no text; a removed post has no name and is no comment."""
    def post(n: int, name: str, when: str, body: str, first: str = "") -> str:
        who = f"<div class='username'><a href='/Profile/x'><span>{name}</span></a></div>" if name else ""
        return (f"<div class='post{first}'><div class='profile'>{who}<div class='location'>Texas</div><div "
                f"class='postDEBlock'><span class='postDE'>Destination Expert</span></div><div class='postBadge'>"
                f"<span class='badgeText'>29,553 posts</span></div></div><div class='postRightContent'>"
                f"<div class='postContentHeader'><div class='postTitle'>1. Re: Japan tips</div><div class='postDate'>"
                f"{when}</div></div><div class='postBody'><div id='pst_adm_{n}'></div><p>{body}</p></div></div></div>")
    body = (post(71, "NZPOPPY", "Dec 31, 2025, 9:37 PM", "Tips from a first time visitor.", " firstReply")
            + post(72, "", "Jan 1, 2026, 2:17 AM", "This post has been removed at the author's request.")
            + post(73, "Michan", "Dec 31, 2025, 10:15 PM", "Glad you enjoyed Japan."))
    doc = page_document(f"<div class='firstPostBox'>{body}</div>")
    assert [(c.author, c.date, c.text, c.source_id) for c in doc.comments] == [
        ("NZPOPPY", "2025-12-31T21:37", "Tips from a first time visitor.", "71"),
        ("Michan", "2025-12-31T22:15", "Glad you enjoyed Japan.", "73"),
    ]


def test_steam_discussion_opening_post_and_comments_without_the_name_menu() -> None:
    """Steam Community: the opening post (div.forum_op) and div.commentthread_comment#comment_N; the
    name's hidden menu ('View Profile', 'View Posts') and the '#1' permalink are no part of anything."""
    menu = ('<div class="popup_block_new forum_author_menu" style="display: none;"><a class="popup_menu_item">'
            "View Profile</a><a class='popup_menu_item'>View Posts</a></div>")
    op = (f'<div class="forum_op" id="forum_op_5970"><div class="forum_op_header"><div class="authorline">'
          f'<a class="hoverunderline forum_op_author" href="/profiles/1"> LadyP<span></span></a>{menu}'
          f'<span class="date" title="8 October, 2025 @ 1:56:45 pm PDT"> 8 Oct, 2025 @ 1:56pm </span></div></div>'
          f'<div class="topic"> Own build gaming PC </div><div class="content"> Where do I start? </div>'
          f'<div class="forum_audit"> Last edited by <a href="/profiles/1">LadyP</a></div></div>')
    reply = (f'<div class="commentthread_comment responsive_body_text" id="comment_5971"><div '
             f'class="commentthread_comment_content"><div class="commentthread_comment_author"><a '
             f'class="commentthread_author_link" href="/profiles/2"><bdi>Electric Cupcake<span></span></bdi></a>{menu}'
             f'<span class="commentthread_comment_timestamp" title="8 October, 2025 @ 2:12:48 pm PDT">8 Oct</span>'
             f'</div><div class="commentthread_comment_text" id="comment_content_5971"> pcpartpicker </div></div>'
             f'<div class="forum_comment_permlink"><a href="#c5971">#1</a></div></div>')
    body = f'{op}<div class="commentthread_area"><div class="commentthread_comments">{reply}</div></div>'
    doc = page_document(body)
    assert [(c.depth, c.author, c.date, c.text, c.source_id) for c in doc.comments] == [
        (0, "LadyP", "2025-10-08T13:56", "Where do I start?", "5970"),
        (0, "Electric Cupcake", "2025-10-08T14:12", "pcpartpicker", "5971"),
    ]


def test_insided_topic_and_replies_with_the_starters_author_pill() -> None:
    """inSided communities: the topic box (its date in the header) and div.post#postN; the poster's
    column, rank and signature are no text; the 'Author' pill marks the topic starter as staff."""
    def post(pid: str, name: str, when: str, body: str, pill: bool) -> str:
        badge = '<li><span class="pill pill--author"><span>Author</span></span></li>' if pill else ""
        stamp = (f'<li><time> Forum|Forum|4 years ago </time><div class="tooltip__content '
                 f'tooltip__content--publish-date">{when}</div></li>') if when else ""
        return (f'<div id="{pid}" class="post box__pad qa-topic-post-box"><div class="post__user__info">'
                f'<img alt="{name}"><div class="profilelabel"><img alt="Rank 20" title="Rank 20"></div></div>'
                f'<div class="post__user__meta"><ul><li><a class="qa-username" href="/members/x">{name}</a></li>'
                f'{badge}<li><span class="usertitle">Rank 20</span></li>{stamp}</ul></div>'
                f'<div class="post__content"><p>{body}</p></div>'
                f'<div class="post__footer"><div class="signature">My green tech: solar</div></div></div>')
    header = ('<header class="topic__header qa-topic-header"><h1>EV charging at home</h1>'
              '<time dateTime="2021-06-14">4 years ago</time>'
              '<div class="tooltip__content tooltip__content--publish-date">June 14, 2021</div></header>')
    replies = (post("post41105", "Tim_OVO", "June 23, 2021", "Great guide!", False)
               + post("post41135", "Transparent", "June 24, 2021", "Thanks, Tim.", True))
    topic = post("topic396", "Transparent", "", "How I fitted it.", True)
    body = (f'<div class="box qa-topic-first-post">{header}{topic}</div>'
            f'<div class="topic-reply-box-wrapper">{replies}</div>')
    doc = page_document(body)
    assert [(c.author, c.date, c.text, c.marked_staff) for c in doc.comments] == [
        ("Transparent", "2021-06-14", "How I fitted it.", True),
        ("Tim_OVO", "2021-06-23", "Great guide!", False),
        ("Transparent", "2021-06-24", "Thanks, Tim.", True),
    ]


def test_drupal_reply_is_not_named_after_the_comment_it_answers() -> None:
    """A Drupal theme's hidden 'In reply to <a>…</a> by <a class="username">NAME</a>' names the
    parent's author; the reply's own name is in its '.comment__submitted' line (a link, or text)."""
    def comment(n: int, who: str, body: str, parent: str = "") -> str:
        reply = (f'<p class="parent visually-hidden">In reply to <a href="#c">Thanks</a> by '
                 f'<a class="username" href="/users/j">{parent}</a></p>') if parent else ""
        return (f'<article id="comment-{n}" class="comment js-comment"><footer class="comment__meta"><div '
                f'class="comment__submitted">{who} | September 25, 2015</div><div class="content"><div '
                f'class="field--name-comment-body"><p>{body}</p></div></div>{reply}</footer></article>')
    body = (comment(1, '<a href="/users/jason-b">Jason B</a>', "Thanks for reading.")
            + '<div class="indented">'
            + comment(2, '<a href="/users/seth">Seth Kenlon</a>', "We use Jabber.", "Jason B")
            + comment(3, "Hx (not verified)", "XMPP works.", "Jason B") + "</div>")
    doc = page_document(f'<section class="comments">{body}</section>')
    assert [(c.depth, c.author, c.text) for c in doc.walk()] == [
        (0, "Jason B", "Thanks for reading."), (1, "Seth Kenlon", "We use Jabber."), (1, "Hx", "XMPP works.")]


def test_generic_comments_with_bem_text_and_replies_after_their_parent() -> None:
    """A theme's own list: li#comment-N with the text in '…__text' (the name, date and '#1' permalink
    beside it are no text), and replies in an ol.children that follows the parent's li."""
    def item(n: int, name: str, body: str) -> str:
        return (f'<li class="comments__list-item" id="comment-{n}"><div class="comments__list-item__copy">'
                f'<span class="comments__list-item__comment-info"><a class="author" href="/profile/{name}">{name}</a>'
                f'<span class="separator">|</span><time class="comments__date">Feb 24, 2006 02:35am</time>'
                f'<span class="separator">|</span><a class="comments__number" href="#comment-{n}">#{n}</a></span>'
                f'<div class="comments__list-item__text"><p>{body}</p></div></div></li>')
    body = (item(1, "BMilton", "I started in college.") + '<ol class="children">' + item(2, "Ricks", "Same here.")
            + "</ol>" + item(3, "Jay", "Family trade."))
    page = page_of(f'<div class="comments"><ol class="comments__list">{body}</ol></div>')
    doc = page_document(page, wrapped=True)
    assert [(c.depth, c.author, c.text) for c in doc.walk()] == [
        (0, "BMilton", "I started in college."), (1, "Ricks", "Same here."), (0, "Jay", "Family trade.")]


def test_a_forum_postings_own_text_is_the_opening_post_and_its_comments_top_level() -> None:
    """schema.org microdata of a forum thread: the DiscussionForumPosting holds the Comments; its own
    text is the opening post, and the comments in it answer the thread (top level), not a reply."""
    def person(name: str) -> str:
        return (f'<div itemprop="author" itemscope itemtype="https://schema.org/Person">'
                f'<span itemprop="name">{name}</span></div>')
    def comment(n: int, name: str, body: str) -> str:
        return (f'<article id="post-{n}" itemprop="comment" itemscope itemtype="https://schema.org/Comment">'
                f'{person(name)}<meta itemprop="datePublished" content="2024-03-2{n}T19:48:15+01:00">'
                f'<div itemprop="text"><p>{body}</p></div></article>')
    thread = (f'<section itemscope itemtype="http://schema.org/DiscussionForumPosting"><h1 itemprop="headline">Tube or '
              f'solid state?</h1>{person("dogman")}<meta itemprop="datePublished" content="2024-03-22T10:00:00+01:00">'
              f'<div itemprop="text"><p>Which one should I buy?</p></div>'
              f'{comment(3, "Michael", "Solid state.")}{comment(4, "Ola", "Tubes, always.")}</section>')
    doc = page_document(thread)
    assert [(c.depth, c.author, c.text) for c in doc.walk()] == [
        (0, "dogman", "Which one should I buy?"), (0, "Michael", "Solid state."), (0, "Ola", "Tubes, always.")]


def test_a_forum_posting_without_text_of_its_own_is_no_comment() -> None:
    posting = ('<div itemscope itemtype="https://schema.org/DiscussionForumPosting"><h1 itemprop="headline">Hi</h1>'
               '<div itemprop="comment" itemscope itemtype="https://schema.org/Comment"><span itemprop="author">Ann'
               '</span><div itemprop="text">First!</div></div></div>')
    doc = page_document(posting)
    assert [(c.depth, c.author, c.text) for c in doc.walk()] == [(0, "Ann", "First!")]


def test_mwforum_posts_with_the_header_line_out_of_the_text() -> None:
    def post(n: int, name: str, body: str) -> str:
        return (f"<div class='frm pst' id='pid{n}' style='margin-left: 0%'><div class='hcl'><span class='nav'></span>"
                f"<a class='psl' href='topic_show.pl?pid={n}#pid{n}'><img alt='-'></a><span class='htt'>By</span> "
                f"<a href='user_info.pl?uid=5'>{name}</a> <span class='htt'>Date</span> 10.11.15 11:30 UTC "
                f"<span class='htt'>Upvotes</span> 3</div><div class='ccl'><img class='ava' alt=''> {body}</div></div>")
    body = post(1426420, "mrsflower", "Which breed suits a family?") + post(1426421, "Rozzie", "A Golden Retriever.")
    doc = page_document(body)
    assert [(c.depth, c.author, c.text, c.source_id) for c in doc.comments] == [
        (0, "mrsflower", "Which breed suits a family?", "1426420"), (0, "Rozzie", "A Golden Retriever.", "1426421")]


def test_a_discussion_starter_badge_marks_the_thread_starters_posts() -> None:
    def post(n: int, name: str, body: str, starter: bool) -> str:
        badge = ('<span class="message-attribution-discussion-starter"><span>Discussion starter</span></span>'
                 if starter else "")
        return (f'<div id="js-post-{n}" itemprop="comment" itemscope itemtype="https://schema.org/Comment">'
                f'<div itemprop="author" itemscope itemtype="https://schema.org/Person"><a itemprop="name" '
                f'href="/members/{name}/">{name}</a>{badge}</div><div itemprop="text">{body}</div></div>')
    thread = (f'<div itemscope itemtype="https://schema.org/DiscussionForumPosting"><div itemprop="text">First '
              f'projects?</div>{post(1, "Domo", "A cribbage board.", False)}{post(2, "JWood", "Thanks!", True)}</div>')
    doc = page_document(thread)
    assert [(c.author, c.marked_staff) for c in doc.comments] == [(None, False), ("Domo", False), ("JWood", True)]


def test_invision_saved_without_data_roles_and_names_with_a_member_number() -> None:
    """An Invision page saved with its scripts' data-role attributes gone: the body is the rich text
    of .cPost_contentWrap; a member number after a name of two words is part of it ('SASS #45984')."""
    def post(n: int, name: str, body: str, badge: str = "") -> str:
        return (f'<article id="elComment_{n}" class="cPost ipsBox ipsComment"><aside class="cAuthorPane">'
                f'<h3 class="cAuthorPane_author"><a href="/profile/{n}">{name}</a></h3><ul><li>Members</li>'
                f'<li>17.6k</li></ul></aside><div class="ipsComment_content"><div class="ipsComment_meta">{badge}'
                f'<time datetime="2023-11-24T20:0{n % 10}:20Z">Posted</time></div><div class="cPost_contentWrap">'
                f'<div class="ipsType_normal ipsType_richText">{body}</div></div></div></article>')
    body = (post(1, "Eyesa Horg", "<p>Which skillet?</p>") + post(2, "Marshal Mo Hare, SASS #45984", "<p>Lodge.</p>")
            + post(3, "Eyesa Horg", "<p>Thanks!</p>", '<strong class="ipsComment_authorBadge">Author</strong>'))
    doc = page_document(body)
    assert [(c.author, c.text, c.marked_staff) for c in doc.comments] == [
        ("Eyesa Horg", "Which skillet?", False), ("Marshal Mo Hare, SASS #45984", "Lodge.", False),
        ("Eyesa Horg", "Thanks!", True)]


def test_a_xenforo_themes_thread_starter_label_marks_staff() -> None:
    def post(n: int, name: str, body: str, starter: bool) -> str:
        label = '<span class="message-newIndicator threadStarterMobile">Thread Starter</span>' if starter else ""
        return (f'<article class="message message--post" data-author="{name}" data-content="post-{n}" id="js-post-{n}">'
                f'<ul class="message-attribution-opposite"><li>{label}</li><li><a href="#post-{n}">#{n}</a></li></ul>'
                f'<div class="message-body"><div class="bbWrapper">{body}</div></div></article>')
    doc = page_document(post(1, "AudfoxBlack", "Advice please?", True) + post(2, "Ken", "Get a 7.2 receiver.", False))
    assert [(c.author, c.text, c.marked_staff) for c in doc.comments] == [
        ("AudfoxBlack", "Advice please?", True), ("Ken", "Get a 7.2 receiver.", False)]


def test_a_themes_own_comment_callback_naming_the_author_comauth() -> None:
    """A theme's own comment markup ('h3.comauth' over 'div.comcontent', the reply list after the comment's
    'article'): the name is the author, not the first words of the text, and the review's stars are no text."""
    def item(n: int, name: str, words: str, replies: str = "") -> str:
        return (f'<li class="comment-li"><article id="comment-{n}" class="comment depth-1"><div class="cominner">'
                f'<h3 class="comauth">{name}</h3><div class="commeta"><div class="comdate"><time '
                f'datetime="2020-02-13T18:30:55-05:00">February 13, 2020</time></div></div>'
                f'<div class="comcontent"><p class="tasty-recipes-ratings">★★★★★</p><p>{words}</p></div></div>'
                f'</article>{replies}</li>')
    reply = ('<ul class="children"><li class="comment-li"><article id="comment-3" class="comment bypostauthor depth-2">'
             '<div class="cominner"><h3 class="comauth">Rachel</h3><div class="comcontent"><p>So glad!</p></div>'
             '</div></article></li></ul>')
    doc = page_document(f'<ul class="commentlist">{item(1, "Kellie", "Fudgy and soft.", reply)}'
                        f'{item(2, "Jenna", "A second batch already.")}</ul>')
    assert outline(doc) == [(0, "Kellie", "Fudgy and soft.", False), (1, "Rachel", "So glad!", True),
                            (0, "Jenna", "A second batch already.", False)]


@pytest.mark.parametrize("label", [
    "Reply to {}",  # WordPress core's reply button in English
    "Auf {} antworten",  # a wording with the name inside it
])
def test_the_reply_buttons_label_names_a_comment_that_prints_its_name_nowhere_else(label: str) -> None:
    """A theme that prints '— NAME on DATE' in a list item no author selector names: core's reply
    button still says whom it answers; the label's own words are those all the buttons share."""
    def item(n: int, name: str, words: str) -> str:
        said = label.format(name)
        return (f'<li class="comment-li"><div id="comment-{n}" class="comment depth-1 comdiv"><div class="comcontent">'
                f'<p>{words}</p></div><div class="comment-meta"><ul><li>&mdash; {name} on August 31, 2023</li>'
                f'<li><a class="comment-reply-link" href="#comment-{n}" data-replyto="{said}" aria-label="{said}">'
                f'Reply</a></li></ul></div></div></li>')
    doc = page_document(f'<ul class="commentlist">{item(1, "Patti", "Wanted the whole bowl.")}'
                        f'{item(2, "Pat Lee", "Parsley instead of cilantro?")}</ul>')
    assert [(c.author, c.text) for c in doc.comments] == [
        ("Patti", "Wanted the whole bowl."), ("Pat Lee", "Parsley instead of cilantro?")]


@pytest.mark.parametrize("label", ["Reply to {}", "Auf {} antworten"])
def test_a_reply_button_labelled_without_a_name_names_no_one(label: str) -> None:
    """A comment left with no name gets a bare label ('Reply to '; Deadline's theme): its words are
    the label's own, not a name, while the named buttons beside it still name theirs."""
    def item(n: int, name: str, words: str) -> str:
        said = label.format(name)
        return (f'<li class="comment-li"><div id="comment-{n}" class="comment depth-1 comdiv"><div class="comcontent">'
                f'<p>{words}</p></div><div class="comment-meta"><ul><li><a class="comment-reply-link" '
                f'href="#comment-{n}" aria-label="{said}">Reply</a></li></ul></div></div></li>')
    doc = page_document(f'<ul class="commentlist">{item(1, "Patti", "Wanted the whole bowl.")}'
                        f'{item(2, "", "Parsley instead of cilantro?")}{item(3, "Pat Lee", "Lime, too.")}</ul>')
    assert [(c.author, c.text) for c in doc.comments] == [
        ("Patti", "Wanted the whole bowl."), (None, "Parsley instead of cilantro?"), ("Pat Lee", "Lime, too.")]


def test_one_reply_label_alone_names_no_one() -> None:
    """With a single reply button the label's own words cannot be told from the name: no author."""
    doc = page_document('<ul class="commentlist"><li class="comment-li"><div id="comment-1" class="comment comdiv">'
                        '<div class="comcontent"><p>Wanted the whole bowl.</p></div><div class="comment-meta"><ul>'
                        '<li><a class="comment-reply-link" href="#c" data-replyto="Reply to Patti">Reply</a></li>'
                        '</ul></div></div></li></ul>')
    assert [(c.author, c.text) for c in doc.comments] == [(None, "Wanted the whole bowl.")]


def test_vbulletin_3_posts_with_the_date_in_the_header_cell_and_bare_quotes() -> None:
    """vBulletin 3: table#postN, the date the bare text of its first header cell, the name in
    a.bigusername, the text in div#post_message_N whose quotes are bare divs ('Quote:' over a table)."""
    def post(n: int, name: str, date: str, words: str, quoted: str = "") -> str:
        quote = (f'<div style="margin:20px"><div class="smallfont">Quote:</div><table><tr><td class="alt2">'
                 f'Originally Posted by <strong>X</strong> {quoted}</td></tr></table></div>') if quoted else ""
        return (f'<table id="post{n}" class="tborder"><tr><td class="thead"><a name="post{n}"></a> {date} </td>'
                f'<td class="thead">#<a href="#">{n}</a></td></tr><tr><td class="alt2"><div id="postmenu_{n}">'
                f'<a class="bigusername" href="member.php?u={n}">{name}</a></div><div class="smallfont">Member</div>'
                f'</td><td class="alt1"><div id="post_message_{n}">{quote}{words}</div></td></tr></table>')
    doc = page_document('<div id="posts">' + post(11, "Shirohige", "2016-02-01, 02:21", "Episode 8, anyone?")
                        + post(12, "Romanticide", "2016-02-01, 02:44", "Pick your battles.", "Episode 8") + "</div>")
    assert [(c.author, c.date, c.text) for c in doc.comments] == [
        ("Shirohige", "2016-02-01T02:21", "Episode 8, anyone?"),
        ("Romanticide", "2016-02-01T02:44", "Pick your battles.")]


def test_vbulletin_5_posts_by_their_node_number() -> None:
    """vBulletin 5: li.b-post with data-node-id, the name in the user column's div.author (beside the
    user's title and join date, which are no part of it), the text in .js-post__content-text."""
    def post(n: int, name: str, words: str) -> str:
        return (f'<li class="b-post js-post" data-node-id="{n}" itemscope><div class="b-userinfo" itemprop="author">'
                f'<div class="b-userinfo__details"><div class="author"><strong><a href="/member/{n}">{name}</a>'
                f'</strong></div><div class="usertitle">Stub Hoarder</div><ul><li>Join Date: May 2011</li></ul></div>'
                f'</div><time itemprop="dateCreated" datetime="2019-04-09T09:55:39">04-09-2019</time>'
                f'<div class="js-post__content-text" itemprop="text">{words}</div></li>')
    doc = page_document(f'<ul class="conversation-list">{post(727744, "Buckeye", "Episode 1: four in one.")}'
                        f'{post(727754, "General", "Fun so far.")}</ul>')
    assert [(c.author, c.text) for c in doc.comments] == [
        ("Buckeye", "Episode 1: four in one."), ("General", "Fun so far.")]


def test_xenforo_1_posts_with_their_dates_and_the_like_bar_left_out() -> None:
    """XenForo 1: li.message#post-N in ol#messageList, the name in the user column, the date in
    .messageDetails, the text in blockquote.messageText; quotes and the end marker are no text, and the
    UI.X theme's .uix_threadAuthor marks the thread starter."""
    def post(n: int, name: str, words: str, starter: bool = False) -> str:
        mark = " uix_threadAuthor" if starter else ""
        return (f'<li id="post-{n}" class="message{mark}"><div class="messageUserInfo"><h3 class="userText">'
                f'<a class="username" href="/members/{n}">{name}</a></h3><dl><dt>Joined:</dt><dd>Sep 2009</dd></dl>'
                f'</div><div class="messageContent"><blockquote class="messageText">'
                f'<div class="bbCodeQuote">Ann said: boots?</div>{words}<div class="messageTextEndMarker">&nbsp;</div>'
                f'</blockquote></div><div class="messageDetails">'
                f'<span class="DateTime" title="Feb 19, 2016 at 3:58 PM">Feb 19, 2016</span></div>'
                f'<div class="likesSummary">Like x 2</div></li>')
    doc = page_document(f'<ol id="messageList">{post(1, "skip0911", "Cowboy boots, anyone?", starter=True)}'
                        f'{post(2, "CatherineM", "Not in years.")}</ol>')
    assert [(c.author, c.date, c.text, c.marked_staff) for c in doc.comments] == [
        ("skip0911", "2016-02-19T15:58", "Cowboy boots, anyone?", True),
        ("CatherineM", "2016-02-19T15:58", "Not in years.", False)]


def test_a_vbulletin_derived_forum_with_its_own_post_divs() -> None:
    """The Student Room: div.post#postN in div#postsContainer, the name in a.username, the text in
    div.post-content without its quote ('Original post by ...') and buttons; only relative dates."""
    def post(n: int, name: str, words: str, quoted: str = "") -> str:
        quote = f'<div class="quote-holder">(Original post by RG250) {quoted}</div>' if quoted else ""
        return (f'<div id="post{n}" class="post"><div class="post-header"><div class="post-user">'
                f'<a class="username" href="/member.php?u={n}">{name}</a></div><span class="relative">7 months ago'
                f'</span></div><div class="post-maincontainer"><div class="post-content">{quote}{words}</div>'
                f'<div class="post-actions">Reply Quote</div></div></div>')
    doc = page_document(f'<div id="postsContainer">{post(837, "RG250", "Where do you buy jeans?")}'
                        f'{post(838, "cheesecakelove", "New Look, last time.", "Where do you buy jeans?")}</div>')
    assert [(c.author, c.text) for c in doc.comments] == [
        ("RG250", "Where do you buy jeans?"), ("cheesecakelove", "New Look, last time.")]


def test_a_level_class_every_post_carries_tells_no_level() -> None:
    """A forum theme that classes every post 'reply' (YouLookFab's div.reply#position-N, siblings): the
    mark they all share makes none of them a reply, where 'reply' on some comments only still does."""
    def post(n: int, name: str, words: str, cls: str = "comment reply") -> str:
        return (f'<div id="position-{n}" class="{cls}"><div class="reply-author"><a class="user-name" href="/m/{n}">'
                f'{name}</a></div><div class="reply-content"><p>{words}</p><span class="date">2019-11-0{n} 10:00</span>'
                f'</div></div>')
    shared = page_document('<div id="comments" class="replies">' + post(2, "Suz", "You look amazing.")
                           + post(3, "Cardiff girl", "Love those boots.") + post(4, "JAileen", "So you.") + "</div>")
    assert [(c.depth, c.author) for c in shared.walk()] == [(0, "Suz"), (0, "Cardiff girl"), (0, "JAileen")]
    some = page_document('<div id="comments" class="replies">' + post(2, "Suz", "You look amazing.", "comment")
                         + post(3, "Cardiff girl", "Love those boots.") + post(4, "JAileen", "So you.", "comment")
                         + "</div>")
    assert [(c.depth, c.author) for c in some.walk()] == [(0, "Suz"), (1, "Cardiff girl"), (0, "JAileen")]


def test_the_disqus_plugins_list_for_readers_without_script() -> None:
    """The Disqus WordPress plugin's server-printed list: li#dsq-comment-N, the commenter's web address
    and then the name in span#dsq-author-user-N, one cite; the address is no part of the name."""
    def item(n: int, site: str, name: str, words: str) -> str:
        return (f'<li id="dsq-comment-{n}"><div class="dsq-comment-header"><cite id="dsq-cite-{n}"> {site} '
                f'<span id="dsq-author-user-{n}">{name}</span></cite></div><div class="dsq-comment-body">'
                f'<div class="dsq-comment-message"><p>{words}</p></div></div></li>')
    doc = page_document('<div id="dsq-content"><ul id="dsq-comments">'
                        + item(1, "http://twitter.com/HazzW", "Harry Ward", "Just promoting your column.")
                        + item(2, "", "bloolabel", "Do it face to face.") + "</ul></div>")
    assert [(c.author, c.text) for c in doc.comments] == [
        ("Harry Ward", "Just promoting your column."), ("bloolabel", "Do it face to face.")]


# ---------------------------------------------------------------- benchmarks/real25 (a blind batch)


def test_douban_replies_without_the_motto_the_quoted_reply_or_the_buttons() -> None:
    def reply(n: int, name: str, motto: str, when: str, body: str, quote: str = "") -> str:
        quoted = f'<div class="reply-quote"><span class="all">{quote}</span><span class="pubdate">X</span></div>'
        return (f'<li class="clearfix comment-item" id="{n}"><div class="user-face"><a href="/people/{n}/">'
                f'<img alt="{name}"></a></div><div class="reply-doc content"><div class="bg-img-green"><h4>'
                f'<a href="/people/{n}/">{name}</a> {motto} <span class="pubtime">{when}</span></h4></div>'
                f'{quoted if quote else ""}<p>{body}</p><div class="operation_div"><a class="lnk-reply">回应</a>'
                '<a class="comment-vote lnk-fav">赞</a></div></div></li>')  # fmt: skip
    body = ('<div class="topic-content"><p>问个问题</p></div><ul id="comments" class="topic-reply">'
            + reply(1011720645, "男朋友", "(有原则的绅士)", "2015-10-27 20:27:02", "私募公司一般规模都在20人以下吧")
            + reply(1011739878, "miss.S", "", "2015-10-27 21:03:53", "多些在校的经历", quote="问个问题 最重视的是")
            + reply(1011740000, "甲鸟", "", "2015-10-27 21:10:00", "M") + "</ul>")
    assert full_outline(body) == [
        (0, "男朋友", "2015-10-27T20:27:02", "私募公司一般规模都在20人以下吧", False),
        (0, "miss.S", "2015-10-27T21:03:53", "多些在校的经历", False),
        (0, "甲鸟", "2015-10-27T21:10:00", "M", False),
    ]


def test_forummagnum_nodes_nest_though_each_is_classed_recent_comments() -> None:
    def node(key: str, name: str, body: str, replies: str = "") -> str:
        return (f'<div class="comments-node CommentFrame-node" id="{key}"><div><div class="CommentsItem-root '
                f'recent-comments-node"><div class="CommentsItem-body"><div class="CommentsItemMeta-root">'
                f'<span class="CommentsItemMeta-username CommentUserName-author"><a href="/users/{name}">{name}</a>'
                f'</span><span class="CommentsItemDate-root CommentsItemDate-date"><a href="?commentId={key}">3mo'
                f'</a></span></div><div class="CommentBody-root"><blockquote><p>the post says so</p></blockquote>'
                f'<p>{body}</p></div><div class="CommentsItem-bottom"><a>Reply</a></div></div></div></div>'
                f'<div class="CommentsNode-children">{replies}</div></div>')  # fmt: skip
    body = ('<div class="CommentsListSection-root">'
            + node("DEdj9Fex", "romeostevensit", "Updating is cheap.", node("Qw7", "habryka", "Agreed, mostly."))
            + node("Zk2", "gwern", "Not in my experience.") + "</div>")
    assert outline_of(body) == [(0, "romeostevensit", "Updating is cheap."), (1, "habryka", "Agreed, mostly."),
                                (0, "gwern", "Not in my experience.")]


def test_a_profile_link_in_a_user_line_with_place_and_age_is_the_author() -> None:
    def comment(n: int, name: str, place: str, body: str) -> str:
        return (f'<div id="comment-{n}" class="comment comment-post cleared no-replies"><div class="avatar">'
                f'<a href="/registration/{n}/{name}/profile.html"><img></a></div><div class="container">'
                f'<p class="user-info"><a href="/registration/{n}/{name}/profile.html" class="js-usr">{name}</a>, '
                f'{place}, 3 months ago</p><p class="comment-body comment-text">{body}</p>'
                '<div class="rating"><a class="js-rate">Click to rate</a></div></div></div>')  # fmt: skip
    body = ('<div id="js-comments" class="comments-list">' + comment(612777111, "js", "usa", "Nose jobs, both.")
            + comment(612777112, "Dee", "Braintree", "Lovely house though.") + "</div>")
    assert outline_of(body) == [(0, "js", "Nose jobs, both."), (0, "Dee", "Lovely house though.")]


def test_a_comment_body_classed_desc_is_its_text() -> None:
    def item(n: int, name: str, body: str) -> str:
        return (f'<div class="commentItem" id="comment-{n}"><div class="userSection"><div class="gravatar"><img>'
                f'</div><div class="messageBox"><div class="body"><strong><a href="http://x.example" rel="nofollow">'
                f'{name}</a></strong> on 2 Jun 2010 says:<br><div class="desc">{body}</div></div>'
                '<div class="footer"></div></div></div></div>')  # fmt: skip
    body = ('<div class="desc">The post teaser is no comment.</div><div class="comment"><h3>Comments</h3>'
            + item(1, "Jo", "It's great, this will help me revamp my site.") + item(2, "Kev", "Nice roundup.")
            + "</div>")
    assert outline_of(body) == [(0, "Jo", "It's great, this will help me revamp my site."), (0, "Kev", "Nice roundup.")]


def test_a_scroller_holding_every_comment_in_its_own_view_is_no_comment() -> None:
    # a script's list (9GAG's Vue scroller): one element under the comment list holds every comment, each
    # as deep inside it as the others; it is a list, not a comment whose first reply takes its place
    def view(n: int, name: str, body: str) -> str:
        return (f'<div class="scroller__item-view"><div data-index="{n}"><section class="comment-list-item">'
                f'<div class="comment-item"><div class="ui-comment-header"><a class="ui-comment-header__username" '
                f'href="/u/{name}">{name}</a> <a class="ui-comment-header__time" href="#c_{n}">15 Oct 18</a></div>'
                f'<div class="comment-item-text">{body}</div><div class="comment-item-actions"><a>Reply</a></div>'
                '</div></section></div></div>')  # fmt: skip
    body = ('<section class="comment-list"><div class="scroller"><div class="scroller__item-wrapper">'
            + view(0, "chronic", "Best pilot in his branch.") + view(1, "tom", "Throwing trees became a sport.")
            + view(2, "hach", "Those little legs!") + "</div></div></section>")
    assert outline_of(body) == [(0, "chronic", "Best pilot in his branch."),
                                (0, "tom", "Throwing trees became a sport."), (0, "hach", "Those little legs!")]


def test_a_wrapper_with_its_comment_first_and_replies_deeper_still_stands_for_its_comment() -> None:
    # li.comment > article.comment beside ol.children > li.comment: the wrapper's comment, then its replies
    # one level deeper, so the wrapper is its comment (its article's heir), not a list
    def li(n: int, name: str, body: str, replies: str = "") -> str:
        children = f'<ol class="children">{replies}</ol>' if replies else ""
        return (f'<li class="comment"><article class="comment" id="comment-{n}"><footer><b class="fn">{name}</b>'
                f'<time datetime="2021-03-0{n}T09:15:00">March</time></footer><div class="comment-content"><p>{body}'
                f'</p></div></article>{children}</li>')  # fmt: skip
    body = ('<ol class="comment-list">' + li(1, "Ann", "Is kefir safe?", li(2, "Bo", "Yes.") + li(3, "Cy", "Mostly."))
            + li(4, "Di", "Thanks!") + "</ol>")
    assert outline_of(body) == [(0, "Ann", "Is kefir safe?"), (1, "Bo", "Yes."), (1, "Cy", "Mostly."),
                                (0, "Di", "Thanks!")]


def test_pluck_rows_in_a_latest_comments_box_are_the_articles_comments() -> None:
    def row(key: str, name: str, when: str, body: str) -> str:
        return (f'<TR class="commentSpacer"><TD colspan="3">&nbsp;</TD></TR><TR><TD id="commentUser"><IMG '
                f'id="comment-avatar"><DIV id="comment-username"><A href="/community/?userid=1">{name}</A></DIV></TD>'
                f'<TD id="commentDivider">&nbsp;</TD><TD id="commentBody"><DIV class="commentTimeStamp">{when}<A '
                f'name="CommentKey:{key}"></A></DIV><DIV class="commentText">{body}</DIV><DIV class="commentActions">'
                '<A class="pluckReportAbuse">Report Abuse</A><DIV class="commentRecommendCount">0</DIV></DIV>'
                '</TD></TR>')
    body = ('<DIV id="latest-comments" class="relation"><H4>Latest Comments</H4><DIV id="latest-comments-container">'
            '<TABLE id="pluckCommentsTable"><TBODY>'
            + row("7efb", "Frozen", "3/23/2010 2:39:43 PM", "Rather pointless cuts.")
            + row("9a1c", "bluebeach", "3/9/2010 6:50:02 PM", "Start with the PMO") + "</TBODY></TABLE></DIV></DIV>")
    assert full_outline(body) == [(0, "Frozen", "2010-03-23T14:39", "Rather pointless cuts.", False),
                                  (0, "bluebeach", "2010-03-09T18:50", "Start with the PMO", False)]


def test_a_usercomments_block_holding_comments_is_their_list_not_a_comment() -> None:
    """schema.org's UserComments is one comment; a site that marks its whole list so (Sputnik: 'All
    comments' over li Comments) still has only the Comments inside as comments, all top level."""
    def item(n: int, name: str, words: str) -> str:
        return (f'<li data-id="{n}" itemscope itemtype="http://schema.org/Comment"><section><h5><a class="author">'
                f'{name}</a></h5><time datetime="2017-04-09">02:37 09.04.2017</time>'
                f'<div class="body" itemprop="text">{words}</div></section></li>')
    doc = page_document('<div class="comments-list main" itemscope itemtype="http://schema.org/UserComments">'
                        '<div class="title-line"><h3>All comments</h3></div><ul class="main">'
                        f'{item(1, "sally", "Here is a look at the watchlist.")}{item(2, "michael", "Not protocols.")}'
                        '</ul><a class="loadnew">Show new comments (<i>0</i>)</a></div>')
    assert [(c.depth, c.text) for c in doc.comments] == [(0, "Here is a look at the watchlist."),
                                                          (0, "Not protocols.")]


def test_a_usercomments_element_without_comments_inside_is_a_comment() -> None:
    doc = page_document(''.join(f'<div itemscope itemtype="http://schema.org/UserComments"><span itemprop="creator">'
                                f'{name}</span><p itemprop="commentText">{words}</p></div>'
                                for name, words in (("Ann", "First thought."), ("Bo", "Second thought."))))
    assert [(c.author, c.text) for c in doc.comments] == [("Ann", "First thought."), ("Bo", "Second thought.")]


def test_gsmarena_comments_keep_the_location_code_and_time_out_of_the_text() -> None:
    """GSMArena: div.user-thread, the name li.uname2, an encoded location and the time beside it in
    ul.uinfo2, the words in p.uopin, the reply button in ul.uinfo."""
    def post(name: str, code: str, words: str) -> str:
        return (f'<div class="user-thread"><div class="uavatar"><i class="head-icon"></i></div><ul class="uinfo2">'
                f'<li class="uname2">{name}</li><li class="ulocation"><span title="Encoded location">{code}</span>'
                f'</li><li class="upost"><time data-time="2017-03-14 07:31">48 minutes ago</time></li></ul>'
                f'<p class="uopin">{words}</p><ul class="uinfo"><li class="ureply"><a href="#">Reply</a></li></ul>'
                '</div>')
    doc = page_document('<div id="user-comments"><h2>Reader comments</h2>'
                        f'{post("Anonymous", "X%xb", "Under the screen.")}{post("Dr MiXO", "D7Cf", "O M G")}</div>')
    assert [(c.author, c.text) for c in doc.comments] == [("Anonymous", "Under the screen."), ("Dr MiXO", "O M G")]


def test_a_wordpress_theme_with_its_words_in_div_content_and_the_time_in_div_timestamp() -> None:
    """The Express Tribune's theme: the name and a titled div.timestamp in div.meta, the words in
    div.content beside it with a 'Recommend' link inside."""
    doc = page_document('<ul class="commentlist hfeed"><li class="li-comment" id="li-comment-4946946">'
                        '<div id="comment-4946946" class="comment even depth-1"><div class="meta">'
                        '<div class="author" title="Zeffos">Zeffos</div><div class="timestamp" '
                        'title="2017-03-19T17:13:22 GMT">Mar 19, 2017 - 10:13PM</div><div class="reply">'
                        '<a class="comment-reply-link" href="#r">Reply</a></div></div><div class="content"><p>'
                        'and the Fall is near.<span class="comments-like"><a href="#">Recommend</a></span></p></div>'
                        '</div></li></ul>')
    assert [(c.author, c.date, c.text) for c in doc.comments] == [
        ("Zeffos", "2017-03-19T17:13:22", "and the Fall is near.")]


# ---------------------------------------------------------------- home-made comment lists of older sites


def test_comment_elements_outside_any_comment_section_are_read_when_they_read_as_a_discussion() -> None:
    """Each element classed 'comment', with an author and words of its own, under a story whose
    wrappers say nothing of comments: a discussion. The relative age in the name element goes."""
    items = "".join(f'<div class="comment"><h4><a href="#c{n}">{subject}</a></h4><div class="comment-content">'
                    f"<p>{text}</p></div><span class='comment-author'>{name} ({n} days ago)</span></div>"
                    for n, (name, subject, text) in enumerate([
                        ("Wren", "Too loud", "The fan is too loud for a bedroom, even on its lowest setting."),
                        ("Ola", "Not for me", "Mine is quiet enough; check the bearings on yours."),
                        ("Piet", "Price", "Half the price of the old model and it still runs every night."),
                    ], start=1))  # fmt: skip
    doc = page_document(f'<div class="post"><h1>A new fan</h1><p>{"Words of the story. " * 40}</p>{items}</div>')
    assert [(c.author, c.text) for c in doc.walk()] == [
        ("Wren", "The fan is too loud for a bedroom, even on its lowest setting."),
        ("Ola", "Mine is quiet enough; check the bearings on yours."),
        ("Piet", "Half the price of the old model and it still runs every night."),
    ]


def test_a_list_of_stories_with_comment_counts_classed_comment_is_no_thread() -> None:
    items = "".join(f'<li><a href="/story-{n}">Council votes on the new bridge, part {n}</a> '
                    f'<span class="comment">{n * 3} comments</span></li>' for n in range(1, 6))  # fmt: skip
    doc = page_document(f'<div class="post"><h1>News</h1><p>{"Words of the story. " * 40}</p><ul>{items}</ul></div>')
    assert doc.comments == ()


LAKE = [("lakeview", "Congratulations to the whole team."), ("mardi", "They earned every point this season."),
        ("krewe9", "Best news all week, well done.")]


def test_a_byline_lines_joining_words_and_the_form_link_after_each_comment_are_no_text() -> None:
    """'Posted by <name> on <date>' leaves 'Posted by on' once its name and date are read; a link to the
    comment form under each comment ('Post a comment') and a report button are the page's."""
    items = "".join(f'<div class="comment"><div class="postedby">Posted by <span class="postedname">{name}</span> '
                    f'on <span class="postedtime"><a href="#{n}">11/{n + 13}/09 at {n}:15PM</a></span></div>'
                    f'<p>{text}</p><div class="report">Inappropriate? <a href="#">Alert us.</a></div>'
                    f'<div class="footer"><a href="#post">Post a comment</a></div></div>'
                    for n, (name, text) in enumerate(LAKE, start=1))  # fmt: skip
    doc = page_document(f'<div class="post"><p>{"Words of the story. " * 40}</p>'
                        f'<div class="comment-label">Comments (3)</div>{items}</div>')
    assert [(c.author, c.date, c.text) for c in doc.walk()] == [
        ("lakeview", "2009-11-14T13:15", "Congratulations to the whole team."),
        ("mardi", "2009-11-15T14:15", "They earned every point this season."),
        ("krewe9", "2009-11-16T15:15", "Best news all week, well done."),
    ]


BUCKLE = [("MARLOWE", "Does it come in black?"), ("ZED", "That is the worst design I have seen.")]


def test_a_first_line_by_name_at_date_names_a_comment_that_has_no_author_element() -> None:
    items = "".join(f'<div class="comment" id="c{n}"><span class="commenter">BY <a href="/people/{name.lower()}">'
                    f'{name}</a> AT <a href="#c{n}">01/0{n}/09 0{n}:30 PM</a></span><p>{text}</p></div>'
                    for n, (name, text) in enumerate(BUCKLE, start=1))  # fmt: skip
    doc = page_document(f'<p>{"Words of the story. " * 40}</p><div id="comments">{items}</div>')
    assert [(c.author, c.text) for c in doc.walk()] == [
        ("MARLOWE", "Does it come in black?"), ("ZED", "That is the worst design I have seen.")]


def test_records_that_hold_only_words_of_their_own_author_line_are_headers() -> None:
    """Reply headers whose bodies a page loads by script give records whose text is their author's
    card ('ollie Profile Follow Unfollow'): no discussion (the real corpus' Kinja page is one)."""
    from commentscope.model import CommentRecord
    from commentscope.readers.html import _headers_only
    from commentscope.readers.html_comments import Extraction, FoundComment

    def found(author: str, text: str) -> FoundComment:
        return FoundComment(CommentRecord(source_id=text[:9], parent_id=None, author=author, text=text), "article")

    headers = [found("ollie Profile Follow Unfollow ollie Sam Reed", "ollie Profile Follow Unfollow"),
               found("Sam Reed Profile Follow Unfollow Sam Reed ollie", "Sam Reed Profile")]
    assert _headers_only(Extraction("records", tuple(headers)))
    replies = [found("ollie", "Sam, the bearings were the problem."), found("Sam Reed", "Thanks ollie")]
    assert not _headers_only(Extraction("records", tuple(replies + headers[:1])))


PAIRS = [("Ines", "03/14/2009 10:02 AM", "The second chart leaves out the spring figures, which matter here."),
         ("Ruairi", "03/14/2009 11:40 AM", "Spring was a bad month for every candidate, so it changes little."),
         ("Dev", "03/15/2009 08:05 AM", "Could you post the raw numbers for the under-30s?")]


def test_a_text_with_its_byline_after_it_and_nothing_around_both_is_a_comment() -> None:
    """Movable Type's old template: an anchor, the text's div, then 'Posted by: NAME | DATE' beside it."""
    items = "".join(f'<a id="c{n}"></a><div class="entryText"><p>{text}</p></div>'
                    f'<p class="signed">Posted by: {name} | {date}</p>' for n, (name, date, text) in enumerate(PAIRS))
    form = '<div class="entryText"><form action="/post"><textarea name="c"></textarea></form></div>'
    doc = page_document(f'<div id="story"><p>{"Words of the story. " * 40}</p></div><h3>Comments</h3>{items}{form}')
    assert [(c.author, c.date, c.text) for c in doc.walk()] == [
        ("Ines", "2009-03-14T10:02", PAIRS[0][2]), ("Ruairi", "2009-03-14T11:40", PAIRS[1][2]),
        ("Dev", "2009-03-15T08:05", PAIRS[2][2])]


def test_a_byline_before_its_text_past_a_hidden_copy_of_it_names_and_dates_the_text() -> None:
    items = "".join(f'<div class="box">Posted by: {name} on <span class="when">{date}</span></div>'
                    f'<div style="display: none" id="copy{n}">{text}</div><div class="entry">{text}</div>'
                    f'<div class="box"><a href="#">Quote</a> | <a href="#">Report this post</a></div>'
                    for n, (name, date, text) in enumerate(PAIRS))  # fmt: skip
    doc = page_document(f'<p>{"Words of the story. " * 40}</p><a name="comments"></a>{items}')  # (named by its anchor)
    assert [(c.author, c.date, c.text) for c in doc.walk()] == [
        ("Ines", "2009-03-14T10:02", PAIRS[0][2]), ("Ruairi", "2009-03-14T11:40", PAIRS[1][2]),
        ("Dev", "2009-03-15T08:05", PAIRS[2][2])]


def test_paragraphs_between_dated_headings_are_no_comments() -> None:
    """A news page's list of stories: each dated heading and its summary are no byline and text."""
    items = "".join(f'<h4 class="dateline">March {n + 3}, 2009</h4><p class="summary">Council news of the week,'
                    f' part {n}: roads, schools and the new library budget.</p>' for n in range(4))  # fmt: skip
    doc = page_document(f'<div class="news"><p>{"Words of the story. " * 40}</p>{items}</div>')
    assert doc.comments == ()


def test_the_heading_among_a_runs_records_is_no_comment() -> None:
    """A comment list whose heading is an element of the same kind as its comments (`div`s without a
    class): the heading and its link to the form are no comment."""
    head = '<div id="listHead"><div>READER COMMENTS</div><div><a href="#form">Post your <b>comment</b></a></div></div>'
    items = "".join(f'<div id="entry"><div class="who">{name}</div><div class="when">Sat, Feb 23, 08 at 0{n}:15 PM'
                    f'</div><div class="body">{text}</div></div>' for n, (name, _, text) in enumerate(PAIRS, start=1))
    doc = page_document(f'<p>{"Words of the story. " * 40}</p><div id="readerComments">{head}{items}</div>')
    assert [(c.date, c.text) for c in doc.walk()] == [
        (f"2008-02-23T1{n}:15", text) for n, (_, _, text) in enumerate(PAIRS, start=3)]


def test_phpbb_2_posts_are_table_rows_and_their_quotes_no_part_of_them() -> None:
    """phpBB 2 (subSilver): one row per post, the poster's column (the name, then 'Joined:' with a date
    that is not the post's), and a table of 'Posted: DATE' over span.postbody, which a quote table splits."""
    def post(n: int, name: str, posted: str, body: str) -> str:
        return (f'<tr><td class="row1"><span class="name"><a name="{n}"></a><b>{name}</b></span><br />'
                f'<span class="postdetails">Joined: 03 Sep 2004<br />Posts: 28</span></td><td class="row1">'
                f'<table><tr><td><a href="viewtopic.php?p={n}#{n}"><img alt="Post" /></a><span class="postdetails">'
                f'Posted: {posted}&nbsp; Post subject: </span></td><td><a href="posting.php?mode=quote">'
                f'<img alt="Reply with quote" /></a></td></tr><tr><td colspan="2"><hr /></td></tr><tr>'
                f'<td colspan="2">{body}<span class="gensmall">Last edited by {name}</span></td></tr></table></td></tr>'
                f'<tr><td><span class="nav"><a href="#top">Back to top</a></span></td><td><a href="profile.php">'
                f'<img alt="View users profile" /></a></td></tr>')
    quote = ('<span class="postbody"></span><table width="90%"><tr><td><span class="genmed"><b>Rae wrote:</b>'
             '</span></td></tr><tr><td class="quote">Any vinyl left?</td></tr></table>'
             '<span class="postbody">Only a few copies, sadly.</span>')
    rows = (post(7742, "Rae", "Thu Feb 10, 2005 9:08 am", '<span class="postbody">Any vinyl left?</span>')
            + post(7746, "mcsteveg", "Fri Feb 11, 2005 6:13 pm", quote))
    doc = page_document(f'<table class="forumline"><tr><th>Author</th><th>Message</th></tr>{rows}</table>')
    assert [(c.depth, c.author, c.date, c.text) for c in doc.walk()] == [
        (0, "Rae", "2005-02-10T09:08", "Any vinyl left?"),
        (0, "mcsteveg", "2005-02-11T18:13", "Only a few copies, sadly.")]


def test_a_user_comments_block_holding_a_list_of_plain_items_is_their_list() -> None:
    """schema.org's UserComments around a whole list whose items carry creator, commentTime and
    commentText each: every item is a comment, not the block one comment."""
    items = "".join(f'<li><div class="comment"><div class="meta"><span itemprop="creator">{name}</span>'
                    f'<span itemprop="commentTime" datetime="2015-06-1{n}T08:17:02">am 1{n}.06.2015</span></div>'
                    f'<div itemprop="commentText"><p>{text}</p></div><a href="/login">Antworten</a></div></li>'
                    for n, (name, text) in enumerate([("lydia3", "Mit Kochschokolade statt Kakao."),
                                                      ("kicky87", "Super Rezept, gleich nachgemacht!")]))
    doc = page_document(f'<p>{"Das Rezept. " * 40}</p><div itemscope itemtype="https://schema.org/UserComments">'
                        f'<h2>Kommentare</h2><ol class="commentlist">{items}</ol></div>')
    assert [(c.author, c.date, c.text) for c in doc.walk()] == [
        ("lydia3", "2015-06-10T08:17:02", "Mit Kochschokolade statt Kakao."),
        ("kicky87", "2015-06-11T08:17:02", "Super Rezept, gleich nachgemacht!")]


def test_one_word_reviews_signed_by_name_and_date_and_their_star_rating() -> None:
    """A recipe theme's reviews (Qode: no WordPress classes, a nested p the parser splits open, a star
    block labelled 'Rating' under each text): a one-word review ('Amazing') signed by a name and a date is a
    comment, and the star block's label is no word of it."""
    def review(n: int, name: str, date: str, text: str) -> str:
        return (f'<li class="qodef-comment-item qodef-e"><div id="comment-{n}" class="qodef-e-inner">'
                f'<div class="qodef-e-content"><span class="qodef-e-title vcard"><span class="fn">{name}</span>'
                f'</span><div class="qodef-e-date commentmetadata"><a href="#comment-{n}">{date}</a></div>'
                f'<p class="qodef-e-text"><p>{text}</p></p><div class="qodef-review-rating"><span>'
                f'<label>Rating</label><span class="qodef-rating-value"></span></span></div>'
                f'<div class="qodef-e-links"><a class="comment-reply-link" href="#comment-{n}">Reply</a></div>'
                f'</div></div></li>')
    reviews = [("GF Passionate", "May 6, 2021", "Amazing"), ("GF Passionate", "May 6, 2021", "Delicious 😋"),
               ("Ivana", "December 13, 2021", "Prefect!")]
    doc = page_document("<article><h1>Gluten-free bread loaf</h1><p>" + "Mix the flour and the yeast. " * 12
                        + '</p></article><div id="qodef-page-comments"><ul class="qodef-comments-list">'
                        + "".join(review(270 + n, *r) for n, r in enumerate(reviews)) + "</ul></div>")
    assert [(c.author, c.text) for c in doc.comments] == [(name, text) for name, _, text in reviews]


def test_a_long_comments_show_more_toggle_is_no_part_of_its_text() -> None:
    """A theme that folds long comments prints a 'Show More' link after each (div.comment-more, Momsdish):
    no words of the comment."""
    def comment(n: int, name: str, text: str) -> str:
        return (f'<li id="comment-{n}" class="comment"><article><footer class="comment-meta"><b class="fn">{name}'
                f'</b><time datetime="2023-06-16T22:21:41-05:00">June 16, 2023</time></footer>'
                f'<div class="comment-content"><div class="comment-text"><p>{text}</p></div><div class="comment-more">'
                f'<div class="inner"><a href="">Show More</a></div></div></div></article></li>')
    texts = [("Marci", "Is there a sauce you recommend to serve with it?"), ("Agnes", "I find the cabbage tasty.")]
    doc = page_document('<article><h1>Khinkali</h1><p>' + "Fold the dough around the filling. " * 10 + '</p></article>'
                        '<ol class="comment-list">' + "".join(comment(n, *t) for n, t in enumerate(texts)) + "</ol>")
    assert [(c.author, c.text) for c in doc.comments] == texts
