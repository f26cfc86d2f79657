"""The headline of a page dump: the block above the article's first paragraph, not the site's chrome."""

from __future__ import annotations

import gzip
import json
import textwrap
from pathlib import Path

import pytest

from commentscope.grammar import scan
from commentscope.headline import headline
from commentscope.model import LineRole
from commentscope.parse import parse_lines

REAL = Path(__file__).resolve().parent.parent / "benchmarks" / "real"

BODY = ("The council met on Tuesday and agreed to open the new footbridge next spring. It will carry "
        "cyclists and walkers over the river and cost less than the old ferry did in ten years.")

LYNX = f"""\
   #[1]Riverside News » Feed [2]Riverside News » Comments Feed

   [3]Skip to content

   [4]Riverside News
     * [5]Home
     * [6]Local

   Local politics

          A new footbridge for the river: the council says yes, and
                                  work starts in March

   [7]Jane Doe 3 March 2023

{textwrap.indent(textwrap.fill(BODY, 72), "   ")}
"""


def _title_and_roles(text: str) -> tuple[str | None, dict[str, LineRole]]:
    doc = parse_lines(text, doc_id="page")
    return doc.title, {line.text.strip(): line.role for line in doc.lines if line.text.strip()}


def test_a_wrapped_headline_under_chrome_is_the_title() -> None:
    title, roles = _title_and_roles(LYNX)
    assert title == "A new footbridge for the river: the council says yes, and work starts in March"
    assert roles["[3]Skip to content"] is LineRole.BOILERPLATE  # chrome above the headline
    assert roles["Local politics"] is LineRole.BOILERPLATE
    assert roles["work starts in March"] is LineRole.TITLE
    assert parse_lines(LYNX, doc_id="page").article.startswith("The council met on Tuesday")


def test_a_markdown_heading_is_preferred() -> None:
    menu = "\n".join(f"  * [{name}](https://riverside.example/{name.lower()})" for name in ("Home", "Local", "Sport"))
    text = (f"{menu}\n\n## The council says yes to the footbridge\n\nPhoto of the river at dusk by the mill\n\n"
            f"{BODY}\n")
    assert parse_lines(text, doc_id="page").title == "The council says yes to the footbridge"


def test_a_level_one_heading_below_a_site_description_is_the_title() -> None:
    """html2text prints <h1> as '# ...': the site's description above it reads as a paragraph, and
    the '## ...' widget headings between them are no headline of the page."""
    site = ("Jane Doe writes about rivers, bridges and the towns that grow around them. She lives in "
            "Riverside and has covered its council for twenty years.")
    text = (f"[Riverside Notes](https://riverside.example/)\n\n{site}\n\n## Where to find me\n\n"
            f"  * [Mastodon](https://m.example/@jane)\n\n# The council says yes to the footbridge\n\n{BODY}\n")
    title, roles = _title_and_roles(text)
    assert title == "The council says yes to the footbridge"
    assert roles[site] is LineRole.BOILERPLATE  # chrome above the headline
    assert parse_lines(text, doc_id="page").article.startswith("The council met on Tuesday")


def test_a_level_two_heading_below_the_first_paragraph_is_no_title() -> None:
    text = f"{BODY}\n\n## The council says yes to the footbridge\n\n{BODY}\n"
    assert parse_lines(text, doc_id="page").title != "The council says yes to the footbridge"


@pytest.mark.parametrize(
    "above",
    ["Subscribe to our newsletter:", "It is done.", "Two words", "[8]A link to another story on the site",
     "* A menu entry of the site's own", "March 3, 2023 at 10:15 am", "Posted by Jane Doe on March 3, 2023",
     "Jane Doe March 9, 2017 13", "von Jane Doe Exklusiv für Abonnenten",
     "Image caption The old ferry crossing at dusk", "Die alte Fähre am Abend © picture alliance Foto: J. Doe",
     "By clicking Accept Cookies you agree to our use of cookies", "Tempo de leitura: 4 minutos de texto"],
    ids=["label", "sentence", "two_words", "link", "list_item", "date", "byline", "name_and_date", "von_byline",
         "caption", "photo_credit", "cookie_notice", "reading_time"],
)
def test_what_is_no_headline(above: str) -> None:
    lines = scan(f"{above}\n\n{BODY}\n")
    assert headline(lines, len(lines)) is None
    assert headline(scan(f"A new footbridge for the river\n\n{BODY}\n"), 3) == [0]


def test_a_page_without_a_paragraph_keeps_its_first_line_as_title() -> None:
    text = "A Title\n\nShort lines only here\n\nAnd one more short line\n"
    assert parse_lines(text, doc_id="page").title == "A Title"


def test_a_caption_above_the_paragraph_is_passed_over() -> None:
    text = f"A new footbridge for the river\n\nMedia caption The old ferry at dusk\n\n{BODY}\n"
    assert parse_lines(text, doc_id="page").title == "A new footbridge for the river"


@pytest.mark.parametrize(("after_title", "title"), [
    ("Read More", "A new footbridge for the river"),  # the teaser list goes on below its title
    ("", "The new ferry timetable for the winter months"),  # nothing more of the item: a headline
])
def test_a_teaser_title_in_a_list_item_is_no_headline(after_title: str, title: str) -> None:
    """w3m prints a sidebar's teasers as '• image-alt DATE AUTHOR', the post's title aligned
    with the item's text, then 'Read More' aligned the same way (youhadmeatgardening)."""
    teaser = ("  • ferry at duskferry at dusk October 28, 2020 Kate May\n\n"
              "    The new ferry timetable for the winter months\n\n"
              + (f"    {after_title}\n\n" if after_title else ""))
    text = f"A new footbridge for the river\n\nRecent Posts\n\n{teaser}{BODY}\n"
    assert parse_lines(text, doc_id="page").title == title


def test_a_notice_is_no_title_of_a_page_without_a_headline() -> None:
    text = "We use cookies. By clicking Accept Cookies you agree\n\nShort lines only here\n"
    assert parse_lines(text, doc_id="page").title == "Short lines only here"


def test_a_forum_threads_title_is_the_headline_above_its_first_post() -> None:
    """No article above the first post: the thread's title (a link in lynx) is the last block
    that reads as a headline before the posts; the chrome above it is boilerplate."""
    thread = """   [4]Riverside Forum
     * [5]Home
     * [6]Forum

   Seite 3 von 40 [7]Nächste

[47]Screws or glue for a squeaky floor?

    1. [48]Predator
          + [49]Profil
       Predator ist offline

                03.03.2011, 14:17
                [52]#61

     Screws through the carpet worked for us, and the kit was cheap enough.

    2. [55]Chatfix
          + [57]Profil
       Chatfix ist offline

                03.03.2011, 14:27
                [61]#62

     Same here, no glue needed.
"""
    title, roles = _title_and_roles(thread)
    assert title == "Screws or glue for a squeaky floor?"
    assert roles["Seite 3 von 40 [7]Nächste"] is LineRole.BOILERPLATE


def test_a_chrome_line_is_no_title() -> None:
    text = "#[1]Riverside News » Feed [2]Riverside News » Comments Feed\n\n" + BODY + "\n"
    assert parse_lines(text, doc_id="page").title is None


@pytest.mark.parametrize("converter", ["lynx", "html2text"])
def test_titles_of_real_dumps_are_their_headlines(converter: str) -> None:
    """Dumps whose title is mostly words of the HTML page's <title> (benchmarks/real_dumps.py
    --titles; lynx before the headline was looked for: 2 of 60, every other title a feed link or a
    skip link; with the headline alone 28, with the post's comment feed 42, now 48; html2text 39,
    with its level-one heading first 47)."""
    gold = [json.loads(row) for row in (REAL / "gold.jsonl").read_text("utf-8").splitlines() if row.strip()]
    dumps = right = chrome = 0
    for entry in gold:
        dump = REAL / "dumps" / converter / (Path(entry["file"]).name.removesuffix(".html.gz") + ".txt.gz")
        if entry["kind"] != "html" or not entry.get("title") or not dump.is_file():
            continue
        title = parse_lines(gzip.decompress(dump.read_bytes()).decode("utf-8"), doc_id="page").title or ""
        wanted, words = set(entry["title"].lower().split()), set(title.lower().split())
        dumps += 1
        right += bool(words) and len(words & wanted) >= 0.6 * len(words)
        chrome += "[1]" in title or ("»" in title and "Feed" in title)
    assert dumps >= 50
    assert right >= 0.7 * dumps
    assert chrome == 0


FEED_LINKS = """\
   #[1]Riverside News » Feed [2]Riverside News » Comments Feed
   [3]Riverside News » A new footbridge for the river: the council says
   yes Comments Feed [4]alternate
"""


def test_lynx_link_block_names_the_post_by_its_comment_feed() -> None:
    """WordPress names a post's comment feed after the post; lynx prints the page's <link>s first."""
    doc = parse_lines(FEED_LINKS + "\n   [5]Skip to content\n\n" + textwrap.fill(BODY, 72) + "\n", doc_id="page")
    assert doc.title == "A new footbridge for the river: the council says yes"
    assert all(line.role is LineRole.BOILERPLATE for line in doc.lines[:3])


@pytest.mark.parametrize(
    "links",
    ["   #[1]Riverside News » Feed [2]Riverside News » Comments Feed\n",  # the site's feed: no post named
     "   #[1]alternate [2]alternate\n"],
    ids=["site_feed_only", "no_feed"],
)
def test_without_a_post_feed_the_link_block_names_nothing(links: str) -> None:
    doc = parse_lines(links + "\n   Cookie notice\n\n" + BODY + "\n", doc_id="page")  # (too short to be a headline)
    assert doc.title is None  # nor is the first short line under the links a title: this is a real page's dump
    assert doc.lines[0].role is LineRole.BOILERPLATE


@pytest.mark.parametrize("skip", ["Zum Inhalt springen", "Direkt zum Inhalt", "Springe zum Inhalt", "Aller au contenu",
                                  "Saltar al contenido", "Pular para o conteúdo", "Skip to content"])
def test_a_skip_link_is_chrome_in_every_language(skip: str) -> None:
    """The skip link at a page's top, as WordPress and news sites print it in the parser's languages."""
    doc = parse_lines(f"{skip}\n\n{BODY}\n", doc_id="page")
    assert next(ln for ln in doc.lines if ln.text.strip() == skip).role is LineRole.BOILERPLATE
    assert skip not in doc.article
