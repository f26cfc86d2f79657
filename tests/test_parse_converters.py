"""The parser on what real HTML-to-text converters print: lynx, w3m, html2text, inscriptis.

`tests/data/converters/` holds small hand-written pages and each converter's dump of them. The
expected comments are what the HTML says; depth is checked only where a converter prints the
nesting (none of them indents Drupal's replies, which sit in a sibling `div.indented`).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from commentscope.grammar import scan
from commentscope.model import Document, LineRole
from commentscope.parse import parse_lines

DATA = Path(__file__).resolve().parent / "data" / "converters"
CONVERTERS = ("lynx", "w3m", "html2text", "inscriptis")

# page -> (author, depth or None when the markup's nesting is not printed, first words of the text)
EXPECTED: dict[str, list[tuple[str, int | None, str]]] = {
    "wp_classic": [("The Yum List", 0, "5) this recipe will not work"), ("Jo Baker", 1, "Thanks! Fresh is always"),
                   ("So Alice", 2, "- I used Meyer lemons"), ("Be", 0, "4. the shape of the pan"),
                   ("Kristine", 0, "Made these twice.")],
    "wpcom": [("The Yum List", 0, "4. the shape of the drawers"), ("Lena", 1, "Thank you! It took"),
              ("Be", 2, "Worth it though."), ("Pat", 0, "Which wax did you use?")],
    "blogger": [("Be", 0, "1. Which trail did you take?"), ("Hana", 1, "The north loop."),
                ("Anonymous", 0, "Lovely photos, thanks")],
    "drupal": [("So Alice", 0, "- find the joist with"), ("martin", None, "That sounds easy enough"),
               ("The Yum List", 0, "5) if you can reach from")],
    "news_lists": [],
    "howto": [],
}
CASES = [(page, converter) for page in EXPECTED for converter in CONVERTERS]


def dump(page: str, converter: str) -> Document:
    text = (DATA / converter / f"{page}.txt").read_text("utf-8")
    doc = parse_lines(text, doc_id=page)
    doc.check_integrity()
    return doc


@pytest.mark.parametrize(("page", "converter"), CASES, ids=[f"{p}-{c}" for p, c in CASES])
def test_converter_dump_gives_the_pages_comments(page: str, converter: str) -> None:
    doc = dump(page, converter)
    got = [(c.author, c.depth, " ".join(c.text.split())) for c in doc.comments]
    assert len(got) == len(EXPECTED[page])
    for (author, depth, text), (want_author, want_depth, start) in zip(got, EXPECTED[page], strict=True):
        assert author == want_author
        assert text.startswith(start)
        if want_depth is not None:
            assert depth == want_depth


@pytest.mark.parametrize("converter", CONVERTERS)
def test_bodies_starting_with_a_marker_keep_it_and_stay_apart(converter: str) -> None:
    """'5) ...', '- ...', '4. ...' open a comment's text; the comment ends where the next one starts."""
    doc = dump("wp_classic", converter)
    texts = [" ".join(c.text.split()) for c in doc.comments]
    assert texts[0].startswith("5) this recipe") and "Fresh is always" not in texts[0]
    assert texts[2] == "- I used Meyer lemons and it was sweeter."
    assert texts[3].startswith("4. the shape") and "Made these twice" not in texts[3]


@pytest.mark.parametrize("converter", CONVERTERS)
def test_navigation_menu_with_nested_lists_is_not_comments(converter: str) -> None:
    doc = dump("wp_classic", converter)
    first = doc.comments[0].line_start
    menu = [ln for ln in doc.lines if ln.number < first and any(w in ln.text for w in ("RECIPES", "Cakes", "DIYS"))]
    assert menu and all(ln.comment_id is None for ln in menu)


def menu_page(entries: list[str], comments: str, numbered: bool = True) -> str:
    """A shop's nested menu as lynx prints it (each entry the link 'Blog' with its label below), or
    as w3m does (no link numbers)."""
    menu = "     * [9]Blog\n       Rezepte\n" + "".join(
        f"          + {f'[{n}]' if numbered else ''}Blog\n            {label}\n" for n, label in enumerate(entries, 10))
    return ("   Um unseren Shop in vollem Umfang nutzen zu können, empfehlen wir Ihnen\n"
            "   Javascript in Ihrem Browser zu aktivieren.\n\n   Sallys Welt\n   [1]Anmelden\n" + menu
            + "\n   Popcorn mit Karamell\n\n"
            "   Popcorn ist schnell gemacht und schmeckt mit Karamell noch besser als im Kino, sagt Sally.\n\n"
            + comments)


MENU = ["Süße Rezepte", "Grundrezepte", "Kuchen", "Blechkuchen", "Motivtorten", "Torten", "Ohne Backen"]


@pytest.mark.parametrize("numbered", [True, False], ids=["lynx", "w3m"])
def test_a_menu_of_links_with_labels_below_is_no_thread(numbered: bool) -> None:
    doc = parse_lines(menu_page(MENU, "   Bewertungen\n\n   Keine Bewertungen gefunden.\n", numbered), doc_id="t")
    doc.check_integrity()
    assert doc.comments == ()


def test_linked_commenter_names_below_a_menu_are_still_comments() -> None:
    comments = "".join(f"   * [{n}]Reader {n}\n     12. März 2021 um 10:0{n} Uhr\n     Das Rezept hat super "
                       f"geklappt, danke {n}!\n\n"
                       for n in range(1, 8))  # fmt: skip
    doc = parse_lines(menu_page(MENU, "   7 Kommentare\n\n" + comments), doc_id="t")
    doc.check_integrity()
    assert [c.author for c in doc.comments] == [f"Reader {n}" for n in range(1, 8)]


def test_reply_to_name_under_a_header_places_the_reply_under_that_readers_comment() -> None:
    """wpDiscuz prints every comment flat in a dump, a reply with 'Reply to NAME' under its name."""
    thread = [("Christelle", "", "Wonderful recipe. I followed it exactly, so good and moist!"),
              ("swasthi", "Christelle", "Glad to know Christelle. Thank you"),
              ("Ednah", "", "I really liked your recipe and will bake it tomorrow."),
              ("Dee", "", "I use metric and it says 240g. Should I just use 240g?"),
              ("swasthi", "Ednah", "Thank you Ednah. Hope you like it")]  # fmt: skip
    text = "".join(f"   {name}\n" + (f"   Reply to  [{n}]{to}\n" if to else "") + f"\n   {body}\n   Reply\n"
                   for n, (name, to, body) in enumerate(thread, 60))  # fmt: skip
    doc = parse_lines(f"{ARTICLE_DUMP}   5 Comments\n{text}", doc_id="t")
    doc.check_integrity()
    parents = {c.comment_id: c.author for c in doc.comments}
    assert [(c.author, c.depth, parents.get(c.parent_id or ""), c.text) for c in doc.comments] == [
        (name, 1 if to else 0, to or None, body) for name, to, body in thread]


ARTICLE_DUMP = ("   Banana Cake\n\n   This banana cake is soft, moist and easy to make with ripe bananas and a "
                "few pantry "
                "staples.\n\n")


def test_a_thread_printed_twice_is_read_once() -> None:
    thread = "".join(f"   {name} says:\n   March {n}, 2021 at 9:12 am\n\n   {text}\n\n   Reply\n\n"
                     for n, (name, text) in enumerate([("Ann", "Screws through the carpet worked."),
                                                       ("Bob", "Same here, three screws."),
                                                       ("Cy", "Talc in the gaps helped us.")], 1))  # fmt: skip
    doc = parse_lines(f"{ARTICLE_DUMP}   3 Comments\n\n{thread}   3 Comments\n\n{thread}", doc_id="t")
    doc.check_integrity()
    assert [c.author for c in doc.comments] == ["Ann", "Bob", "Cy"]
    once = parse_lines(f"{ARTICLE_DUMP}   3 Comments\n\n{thread}", doc_id="t")
    assert [c.author for c in once.comments] == ["Ann", "Bob", "Cy"]


def page(text: str) -> Document:
    doc = parse_lines(textwrap.dedent(text).strip("\n") + "\n", doc_id="t")
    doc.check_integrity()
    return doc


ARTICLE = """\
    Fixing a Squeaky Floor

    Our hallway floor squeaks in three places and this article explains how we fixed it without lifting the carpet.
"""

AVATARS = {
    "avatar-before-name": ("Avatar Kristine says:", "Kristine"),
    "possessive-avatar": ("Kristine's avatar Kristine says:", "Kristine"),
    "unknown-avatar": ("Unknown's avatar Kristine", "Kristine"),
    "alt-and-link-doubled": ("Avatar So Alice So Alice says:", "So Alice"),
    "markdown-image": ("![Avatar](https://x.org/a.png) **The Yum List** says:", "The Yum List"),
    "w3m-image-stem": ("[45cd9]Kristine 11. Dezember 2012 um 12:57", "Kristine"),
    "w3m-svg-kind-and-stem": ("[svg][e11ed57] Kristine", "Kristine"),
    "printed-markup": ("<span>Kristine</span> March 3, 2021 at 9:12 am", "Kristine"),
    "avatar-alt-name-and-word": ("[23]Kristine avatar [24]Kristine [25]1 year ago", "Kristine"),
    "name-glued-to-how-long-ago": ("Kristine6 months ago", "Kristine"),
    "name-and-how-long-ago-in-french": ("Kristine M. il y a 10 ans", "Kristine M."),
    "name-star-how-long-ago-in-polish": ("Kristine * 3 miesięcy temu", "Kristine"),
    "name-and-how-long-after-the-post": ("Kristine about 17 hours later:", "Kristine"),
    "role-label": ("Kristine Autor11. Dezember 2012 um 13:19", "Kristine"),
    "deleted-account-guest-glued": ("4711 (account deleted)Guest14. 01. 2020, 19:34", "4711 (account deleted)"),
    "alias-in-a-name": ("Jo Baker alias Kitchen Fairy 14. 01. 2020, 19:34", "Jo Baker alias Kitchen Fairy"),
}


@pytest.mark.parametrize(("header", "author"), AVATARS.values(), ids=AVATARS.keys())
def test_avatar_text_and_decoration_leave_the_bare_name(header: str, author: str) -> None:
    doc = page(ARTICLE + f"""
    2 Comments

    {header}
    March 4, 2021 at 9:12 am

    Screws through the carpet worked for us.

    Reply

    Avatar Bob says:
    March 5, 2021 at 9:12 am

    Same here.

    Reply
    """)
    assert [c.author for c in doc.comments] == [author, "Bob"]


def test_a_polish_thread_with_its_moderation_notice_and_buttons() -> None:
    doc = page(ARTICLE + """
    3 Komentarzy

      • Ten komentarz nie został jeszcze opublikowany.
        Pogol · 3 miesięcy temu
        Robiłem wg przepisu, pyszna klasyka
          □ Odpowiedź
          □ Podziel się
      • Ten komentarz nie został jeszcze opublikowany.
        Sceptyk · 2 lat temu
        Dlaczego ogórki solić i odstawić na 15 minut?
          □ Odpowiedź
          □ Podziel się
    """)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("Pogol", "Robiłem wg przepisu, pyszna klasyka"),
        ("Sceptyk", "Dlaczego ogórki solić i odstawić na 15 minut?")]


def test_lwn_comments_dated_before_the_name_each_under_its_subject() -> None:
    """LWN.net as lynx and w3m print it: '(Log in to post comments)' over the thread, each comment's
    subject line, then 'Posted DATE UTC (Fri) by NAME (guest, #N) [Link]', the text and its button."""
    posts = [("Nice", "21 20:34", "tcoppi", "guest, #44423", "Very well written and informative."),
             ("This is great!", "21 21:39", "socket", "guest, #43", "I have been looking for exactly this."),
             ("This is great!", "21 22:04", "ikm", "subscriber, #493", "Same here :) Great work!"),
             ("Memory, Part 1", "22 08:15", "nix", "subscriber, #2304", "Ulrich's documentation is always amazing.")]
    thread = "".join(f"""
    {subject}

    Posted Sep {when[:2]}, 2007 {when[3:]} UTC (Fri) by {name} ({status}) [Link]

    {text}

    [Reply to this comment]
    """ for subject, when, name, status, text in posts)  # fmt: skip
    doc = page(ARTICLE + "\n    (Log in to post comments)\n" + thread)
    assert [(c.author, c.date, c.text) for c in doc.comments] == [
        (name, f"2007-09-{when[:2]}T{when[3:]}", text) for _, when, name, _, text in posts]


WORDY_NAMES = ["The Yum List", "So Alice", "Be", "geht's no?!", "was ist er eigentlich...."]


@pytest.mark.parametrize("name", WORDY_NAMES)
def test_any_name_is_an_author_where_a_date_says_so(name: str) -> None:
    doc = page(ARTICLE + f"""
    {name} says:
    March 4, 2021 at 9:12 am

    Screws through the carpet worked for us.

    Reply
    """)
    assert [(c.author, c.text) for c in doc.comments] == [(name, "Screws through the carpet worked for us.")]


NO_COMMENTS = {
    "news-bullets": ARTICLE + """
      The plan includes:

        * Protected lanes on Main Street and Elm Avenue
        * New crossings near three schools

      Opponents said the lanes would hurt local shops, while supporters pointed to surveys of shoppers.

    Most read

        1. Storm closes coastal road
        2. School results published
    """,
    "linked-counts-over-an-archive-list": ARTICLE + """
    Popular Posts

         * [51][closet-pieces.jpg] [52]My Ten Essential
           Closet Pieces
           [53]132 comments

    Blog Archives

         * [54]▼ [55]2013 (139)
              + [56]▼ [57]September (14)
                   o [58]Casual Friday :: Soft chambray & Destructed jeans
                   o [60]Silver Sun :: Metallic layered skirt & Raspberry
                     details
                   o [61]Sweater Weather :: Croc patterns & Over-the-knee
                     boots
                   o [62]Colorblock :: Trapeze dress & Vintage bracelet
                   o [63]London Lab :: Striped flare skirt & Special
                     announcement
    """,
    "howto-steps": ARTICLE + """
    Steps

        1. Water two days before. Moist roots come out of the pot more easily.
        2. Wrap the cactus. Fold newspaper into a strip and wrap it around the plant.

    Written by Sam Green
    March 1, 2022

    With a little care your cactus will settle in and flower again next spring, as ours did.
    """,
    "lynx-menu": """\
         * [1]RECIPES
              + [2]Cakes
              + [3]Cookies
         * [4]HOME & DIYS
              + [5]Garden
         * [6]ABOUT

                                    Easy Lemon Bars

       These lemon bars have a buttery shortbread crust and a tangy filling that sets every time.
    """,
    "related-posts-with-dates": ARTICLE + """
    Related Posts

    [46]Marrakesch Travelguide

       On Mai 20, 2019

    [47]Meine Wohnung in Köln: Room Tour

       On Mai 14, 2019
    """,
}


@pytest.mark.parametrize("text", NO_COMMENTS.values(), ids=NO_COMMENTS.keys())
def test_pages_without_comments_get_none(text: str) -> None:
    assert page(text).comments == ()


def test_html2text_link_wrapped_over_lines_reads_as_one_line() -> None:
    text = textwrap.dedent("""\
        [ 26\\. Mai 2008 um
        21:07](https://example.org/2008/05/silkroad-
        quests.html#comment-8407 "Link to
        comment")
        """)
    lines = scan(text)
    assert lines[0].meta == "date" and lines[0].clean == "26. Mai 2008 um 21:07"
    assert [ln.continues for ln in lines[1:]] == [0, 0, 0]
    roles = {ln.role for ln in parse_lines(text, doc_id="t").lines}
    assert LineRole.BLANK not in roles



def test_html2text_jump_link_to_the_comments_with_an_icon_keeps_the_article() -> None:
    """A link to the page's own comments above the article, an icon inside it, is no comment heading."""
    recipe = "Slice the cucumbers thinly, salt them and leave them for fifteen minutes before draining."
    doc = page(f"""
    # Cucumber Salad

    A light side dish of fresh cucumbers, sour cream and dill that goes with almost any dinner.

    [![](/icons/comment.png) 3 Comments](/recipes/cucumber-salad#comments)

    {recipe}

    Stir in the sour cream, lemon juice and dill, then season and serve with new potatoes.

    3 Comments

    **Ann** says:
    March 4, 2021 at 9:12 am

    Lovely with new potatoes.
    """)
    assert recipe in doc.article
    assert [c.author for c in doc.comments] == ["Ann"]


def test_html2text_share_link_with_spaces_in_its_address_is_no_text() -> None:
    """wpDiscuz's share icons: html2text prints the tweet link's address with the comment's words
    and their spaces in it, wrapped over lines; the link (an icon) is no part of the comment."""
    text = textwrap.dedent("""\
        [__](https://twitter.com/intent/tweet?text=Looks wonderful but how much
        berries do... &url=https%3A%2F%2Fexample.org%2F2008%2F08%2Fscones%2F%23comment-
        24596 "Share On X")
        """)
    lines = scan(text)
    assert [ln.continues for ln in lines[1:3]] == [0, 0]  # one line, and what is left is no text
    assert "twitter" not in " ".join(ln.clean for ln in lines)


def test_html2text_share_link_whose_tweet_holds_a_blank_line_is_one_link() -> None:
    """The comment's own line break kept inside the tweet link's address ('text=So helpful!' / '' /
    '&url=...'): the link goes on past the blank line, and none of it is text."""
    text = textwrap.dedent("""        MK

        __1 year ago

        [__](https://twitter.com/intent/tweet?text=So incredibly helpful!

        &url=https%3A%2F%2Fexample.org%2Ffix-it-friday%23comment-714510 "Share On X")

        So incredibly helpful!
        """)
    lines = scan(text)
    assert [ln.continues for ln in lines[5:7]] == [4, 4]  # (the blank line and the address's tail)
    assert [ln.clean for ln in lines if ln.clean and ln.continues is None] == ["MK", "1 year ago",
                                                                              "So incredibly helpful!"]

def test_html2text_flush_left_bodies_belong_to_their_header() -> None:
    doc = page(ARTICLE + """
    ## 2 thoughts on "Fixing"

      1. ![Avatar](a.png) **Ann** says:

    March 4, 2021 at 9:12 am

    5) glue shims from below.

    Reply

         1. ![Avatar](a.png) **Bob** says:

    March 4, 2021 at 10:00 am

    \\- thanks, that worked.

    Reply

    ### Leave a Reply
    """)
    assert [(c.author, c.depth, c.text) for c in doc.comments] == [
        ("Ann", 0, "5) glue shims from below."), ("Bob", 1, "- thanks, that worked.")]


def test_html2text_autolinks_read_as_the_bare_address() -> None:
    doc = page(ARTICLE + """
    ## 2 thoughts on "Fixing"

      1. ![Avatar](a.png) **Ann** says:

    March 4, 2021 at 9:12 am

    The kit is here: <https://example.org/kit.html> and it was cheap.

    Reply
    """)
    assert [c.text for c in doc.comments] == ["The kit is here: https://example.org/kit.html and it was cheap."]


def test_comments_numbered_past_9999_stay_top_level() -> None:
    body = "\n".join(f"{n}. Reader {n}\n\n   Comment number {n} says hello.\n" for n in range(9998, 10003))
    doc = page(ARTICLE + "\n5 Comments\n\n" + body)
    assert [(c.author, c.depth) for c in doc.comments] == [(f"Reader {n}", 0) for n in range(9998, 10003)]


def test_thread_hundreds_deep_keeps_every_level() -> None:
    levels = 300
    body = "".join(" " * (2 * k) + f"• Person {k}\n\n" + " " * (2 * k + 2) + "I agree with that.\n\n"
                   for k in range(levels))
    doc = page(ARTICLE + "\n300 Comments\n\n" + body)
    assert [c.depth for c in doc.comments] == list(range(levels))


# a linked post title too long to be read as a commenter's name
PINGBACK_TITLE = "**[Some Other Blog - Floors without lifting the carpet - Some Other Blog](https://o.example/f/)**"

LAYOUTS = {
    "numbered-replies": (ARTICLE + """
    Kommentare

    ThomasM

    #1  —  vor 8 Stunden

    Das sehe ich auch so, danke für den Artikel.

    Antworten Melden

    Curitiba

    #1.1  —  vor 7 Stunden

    Ich nicht, und zwar aus guten Gründen.

    Antworten Melden
    """, [("ThomasM", 0, "Das sehe ich"), ("Curitiba", 1, "Ich nicht, und")]),
    "name-text-reply-blocks": (ARTICLE + """
    Add comment

    Anonymous

       One valuable reform would be to tell people who searched their information.
         * reply
         * April 5, 2018

    Lars

       Couldn't I just block it in my own filter?
         * reply
         * April 6, 2018
    """, [("Anonymous", 0, "One valuable reform"), ("Lars", 0, "Couldn't I just")]),
    "forum-posts": (ARTICLE + """
    Pepemaus

    Forenprofi

    Mitglied seit 28. Juni 2014 Beiträge 2.206
      * 27. September 2018
      * #1
          Hallo, seit einigen Tagen sind schwarze Krümel auf dem Bezug.

    yellowkitty

    Forenprofi

    Mitglied seit 12. Juni 2017 Beiträge 1.158
      * 27. September 2018
      * #2
          Hat er evtl. Milben in den Ohren?
    """, [("Pepemaus", 0, "Hallo, seit einigen"), ("yellowkitty", 0, "Hat er evtl.")]),
    # vBulletin in lynx: posts as a numbered list, each item's user block over the date and '#661';
    # the thread's chrome above the first one (a list of thanked posts) is no part of its block
    "forum-posts-numbered": (ARTICLE + """
    [30]Danke Danke:  64
      * [31]Post #938535 (5)
      * [32]Post #940240 (4)

    Ergebnis 661 bis 680 von 795
      * [44]Themen-Optionen

    [47]Screws or glue for a squeaky floor?

     1. [48]Predator
           + [49]Profil
           + [50]Beiträge anzeigen
        Predator ist offline Gehöre zum Inventar

                 03.03.2011, 14:17
                 [52]#661

      Screws through the carpet worked for us, and the kit was cheap.
        0

     2. [55]Avatar von Chatfix
        [56]Chatfix
           + [57]Profil
        Chatfix ist offline Ehrenmitglied

                 03.03.2011, 14:27
                 [61]#662

      Same here, no glue needed.
        0
    """, [("Predator", 0, "Screws through the"), ("Chatfix", 0, "Same here, no")]),
    # vBulletin in lynx, posts under a rule: a post that opens with '@ NAME' of the next post's
    # writer stays the post's text, not the start of that writer's user block
    "forum-posts-under-a-rule": (ARTICLE + """
    [101]Avatar von Ann
    [102]Ann
      * [103]Profil
    Ann ist offline

           03.03.2011, 15:00
           [106]#668

      @ Bob
      so versteh ich das auch, Schrauben halten besser.

    0
      __________________________________________________________________

    [107]Avatar von Bob
    [108]Bob
      * [109]Profil
    Bob ist offline

           03.03.2011, 15:01
           [110]#669

      So ich mache das jetzt mit Schrauben.
    """, [("Ann", 0, "@ Bob so"), ("Bob", 0, "So ich mache")]),
    # XenForo in inscriptis: each post a level deeper than the one before (unclosed <div>s), a
    # reactions bar under its text, the thread's breadcrumbs above the first post
    "forum-posts-creeping": (ARTICLE + """
      * Forums
      * Home & Garden

      * Thread starter Rosa
      * Start date Sep 18, 2020

            Rosa

              Moderator
            Sep 18, 2020
            * #1
                Screws through the carpet worked for us, and the kit was cheap.
            Reactions: Ben and Cleo
              * Like x2

              Ben

                Member
              Sep 20, 2020
              * #2
                  Same here, no glue needed.
              Reactions: Rosa
                * x 1
    """, [("Rosa", 0, "Screws through the"), ("Ben", 0, "Same here, no")]),
    "pingback-among-comments": (ARTICLE + """
    3 Comments

    Ann says:
    March 4, 2021 at 9:12 am

    Screws through the carpet worked for us.

    Reply

    Some Other Blog says:
    March 5, 2021 at 9:12 am

    […] as explained on this site, screws through the carpet work […]

    Bob says:
    March 6, 2021 at 9:12 am

    Same here.

    Reply
    """, [("Ann", 0, "Screws through the"), ("Bob", 0, "Same here.")]),
    "numbered-pingback-after-a-reply": (ARTICLE + """
    3 Comments

     1.
    Ann says:
        [1]March 4, 2021 at 9:12 am
        Screws through the carpet worked for us.
        [2]Reply
     2. Pingback: [3]Fixing floors without lifting the carpet | Some
        Other Blog
     3.
    Bob says:
        [4]March 6, 2021 at 9:12 am
        Same here.
        [5]Reply
    """, [("Ann", 0, "Screws through the"), ("Bob", 0, "Same here.")]),
    # html2text: a numbered pingback names its post in bold on the marker's line, its excerpt in […]
    "numbered-pingback-without-label-html2text": (ARTICLE + """
    ## 3 Kommentare

      1. ![](https://secure.gravatar.com/avatar/1?s=54)

    **Ann** 20\\. Juni 2018 um 15:16 Uhr [ \\- Antworten](/blog/post/?replytocom=120#respond)

    Screws through the carpet worked for us.

      2. """ + PINGBACK_TITLE + """ 21\\. Juni 2018 um 10:40 Uhr [ \\- Antworten](/p/?c=122)

    […] as explained on this site, screws through the carpet work […]

      3. ![](https://secure.gravatar.com/avatar/2?s=54)

    **Bob** 22\\. Juni 2018 um 3:32 Uhr [ \\- Antworten](/blog/post/?replytocom=124#respond)

    Same here.
    """, [("Ann", 0, "Screws through the"), ("Bob", 0, "Same here.")]),
    # a numbered comment that quotes another one, header and date included, before its own words
    "numbered-comment-quoting-a-comment-w3m": (ARTICLE + """
    3 Comments

     1. Ann says:
        March 4, 2021 at 9:12 am

        Screws through the carpet worked for us.

     2. Bob says:
        March 5, 2021 at 9:12 am

        Glue held for a week.

     3. Cleo says:
        March 6, 2021 at 9:12 am

        Ann says:
        March 4, 2021 at 9:12 am
        Screws through the carpet worked for us.
        ==============================
        Not on my stairs.
    """, [("Ann", 0, "Screws through the"), ("Bob", 0, "Glue held for"), ("Cleo", 0, "Ann says: Screws")]),
    # a like widget under each header (lynx: its radio button '(*)', its 'Save' button, its count line)
    "like-widget-under-the-header-lynx": (ARTICLE + """
    3 Comments

       These comments are closed.
       Avatar
       [63]Robin Muilwijk | September 24, 2015
       (*)
       Save
       No readers like this yet.

       Good article Jason. We moved from IRC to Slack.
       Avatar
       Hx | September 25, 2015
       (*)
       Save
       No readers like this yet.

       Stop using xchat, it is not developed since 2010.
       Avatar
       [64]Jason B | September 25, 2015
       (*)
       Save
       No readers like this yet.

       I will have to check it out.
    """, [("Robin Muilwijk", 0, "Good article Jason."), ("Hx", 0, "Stop using xchat,"), ("Jason B", 0, "I will have")]),
    # w3m: the widget's '( )' and '[Save]'; Drupal's hidden 'In reply to SUBJECT by NAME' closes a reply
    "in-reply-to-line-closing-a-reply-w3m": (ARTICLE + """
    3 Comments

    These comments are closed.
    Avatar
    Hx | September 25, 2015
    ( )
    [Save]
    No readers like this yet.
    Stop using xchat, it is not developed since 2010.

    Avatar
    Jason B | September 25, 2015
    ( )
    [Save]
    1 reader likes this.
    I will have to check it out.
    In reply to Stop using xchat, it is by Hx (not verified)

    Avatar
    Kenzie | September 26, 2015
    ( )
    [Save]
    No readers like this yet.
    We use Zulip.
    """, [("Hx", 0, "Stop using xchat,"), ("Jason B", 1, "I will have"), ("Kenzie", 0, "We use Zulip.")]),
    # wpDiscuz in inscriptis: 'NAME' / 'Reply to OTHER' / a date: the name is the line above, OTHER answered
    "name-over-reply-to-and-date-inscriptis": (ARTICLE + """
    3 Comments

                          TMS
                          6 months ago

                        ProjectionLab got 8/5 for taxes?

                            0
                          Reply
                                Chuck Patterson
                                Reply to TMS
                                6 months ago

                          Good catch! The weights are yours to change.

                              1
                            Reply
                          Brad P
                          5 months ago

                        Which one handles pensions?
    """, [("TMS", 0, "ProjectionLab got 8/5"), ("Chuck Patterson", 1, "Good catch! The"),
          ("Brad P", 0, "Which one handles")]),
}


@pytest.mark.parametrize(("text", "expected"), LAYOUTS.values(), ids=LAYOUTS.keys())
def test_layouts_seen_in_real_dumps(text: str, expected: list[tuple[str, int, str]]) -> None:
    doc = page(text)
    assert [(c.author, c.depth, " ".join(c.text.split()[:3])) for c in doc.comments] == expected


FORUM = ARTICLE + """
    Pepemaus

    Mitglied seit 28. Juni 2014 Beiträge 2.206
      * 27. September 2018
      * #1
          Hat er evtl. Milben in den Ohren?

    yellowkitty

    Mitglied seit 12. Juni 2017 Beiträge 1.158
      * 28. September 2018
      * #2
{quote}
Nein, die Ohren sind sauber. Es sind wohl Flöhe.
Ich gehe morgen zum Tierarzt.
"""

QUOTES = {
    # w3m: the quote indented under the post's header, the post's own text flush left
    "w3m": "        Pepemaus said:\n        Hat er evtl. Milben in den Ohren?\n        Click to expand...\n",
    # lynx: the intro a link set apart by a blank line
    "lynx": ("        [30]Pepemaus hat gesagt.:\n\n        Hat er evtl. Milben in den Ohren?\n"
             "        Zum Vergrößern anklicken....\n"),
    # html2text: every line of the quote behind '> '
    "html2text": ("> [Pepemaus hat gesagt.:](/goto/post?id=1)\n>\n> Hat er evtl. Milben in den Ohren?\n>\n"
                  "> Zum Vergrößern anklicken....\n"),
}
MARKDOWN_MENU = "    [Home](/) [Forum](/forum) [Hilfe](/hilfe)\n"  # links: a page written in Markdown


@pytest.mark.parametrize("quote", QUOTES.values(), ids=QUOTES.keys())
def test_a_quoted_post_is_kept_out_of_the_reply_text(quote: str) -> None:
    menu = MARKDOWN_MENU if quote.startswith(">") else ""
    doc = page(menu + FORUM.replace("{quote}", textwrap.indent(quote, "    ")))
    reply = doc.comments[-1]
    assert [c.author for c in doc.comments] == ["Pepemaus", "yellowkitty"]
    assert reply.text.startswith("Nein, die Ohren sind sauber.")
    assert "Milben" not in reply.text and "Tierarzt" in reply.text
    quoted = [ln.text.strip() for ln in doc.lines_with(LineRole.COMMENT_QUOTE)]
    assert any("Milben" in text for text in quoted)
    assert all(ln.comment_id == reply.comment_id for ln in doc.lines if ln.role is LineRole.COMMENT_QUOTE)


def test_a_quote_without_an_end_line_ends_at_its_blank_line() -> None:
    """vBulletin in lynx prints no end of a quote ('Zitat von NAME'): the post's own text starts
    after the quoted paragraph's blank line; without such a line the quote stays in the text."""
    post = FORUM.split("{quote}")[0] + (
        "            Zitat Zitat von Pepemaus [31]Beitrag anzeigen\n"
        "            Hat er evtl. Milben in den Ohren?\n"
        "{gap}"
        "            Nein, die Ohren sind sauber. Es sind wohl Flöhe.\n")
    doc = page(post.replace("{gap}", "\n"))
    assert doc.comments[-1].text.startswith("Nein, die Ohren sind sauber.")
    assert any("Milben" in ln.text for ln in doc.lines_with(LineRole.COMMENT_QUOTE))
    unended = page(post.replace("{gap}", ""))
    assert not unended.lines_with(LineRole.COMMENT_QUOTE)
    assert "Milben" in unended.comments[-1].text


def test_a_quote_indented_deeper_than_the_post_ends_where_the_indentation_does() -> None:
    """inscriptis indents vBulletin's quote ('Zitat von NAME') deeper than the post's own text and
    prints its paragraphs' blank lines: the quote ends at the first line less indented, not at
    its first blank line."""
    post = FORUM.split("{quote}")[0] + (
        "              Zitat von Pepemaus\n"
        "              Hat er evtl. Milben in den Ohren?\n\n"
        "              Oder Flöhe?\n"
        "        Nein, die Ohren sind sauber. Es sind wohl Flöhe.\n\n"
        "          Mit der App geschrieben.\n")
    doc = page(post)
    assert doc.comments[-1].text.startswith("Nein, die Ohren sind sauber.")
    quoted = " ".join(ln.text for ln in doc.lines_with(LineRole.COMMENT_QUOTE))
    assert "Milben" in quoted and "Oder Flöhe?" in quoted


def test_without_its_closing_line_a_said_line_is_no_quote() -> None:
    quote = "        Pepemaus said:\n        Hat er evtl. Milben in den Ohren?\n"
    doc = page(FORUM.replace("{quote}", textwrap.indent(quote, "    ")))
    assert not doc.lines_with(LineRole.COMMENT_QUOTE)
    assert "Milben" in doc.comments[-1].text


def test_chrome_printed_as_list_items_ends_the_last_comment() -> None:
    doc = page(ARTICLE + """
    2 Comments

    Ann says:
    March 4, 2021 at 9:12 am

    Screws through the carpet worked for us.

    Bob says:
    March 5, 2021 at 9:12 am

    Same here.

      * Facebook
      * Twitter
      * © 2000 – 2023 Floor News
      * 7.4.30
      * Impressum
    """)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("Ann", "Screws through the carpet worked for us."), ("Bob", "Same here.")]
    assert "* © 2000 – 2023 Floor News" in [ln.text.strip() for ln in doc.lines_with(LineRole.BOILERPLATE)]


ARTICLE_DECORATION = {
    "lynx": ("Our [12]hallway floor squeaks in three places, and [13]this article says how we fixed it.",
             "Our hallway floor squeaks in three places, and this article says how we fixed it."),
    "html2text": ("Our [hallway floor](https://floors.example/hallway \"Hallway\") squeaks in **three places**, and "
                  "![a photo](https://floors.example/a.jpg) this says how.",
                  "Our hallway floor squeaks in three places, and a photo this says how."),
    "reference": ("Squeaks come from loose subfloor nails, as a survey found [1]. Screws hold better [2].",
                  "Squeaks come from loose subfloor nails, as a survey found [1]. Screws hold better [2]."),
}


@pytest.mark.parametrize(("line", "seen"), ARTICLE_DECORATION.values(), ids=ARTICLE_DECORATION.keys())
def test_the_article_is_read_without_the_converters_decoration(line: str, seen: str) -> None:
    links = "[Home](/) [Floors](/floors) [About](/about)\n\n" if "](" in line else ""
    doc = page(f"{links}Fixing a Squeaky Floor\n\n{line}\n")
    assert doc.article.splitlines()[-1] == seen
    assert [ln.text for ln in doc.article_lines][-1] == line  # the source line itself is kept as it is


@pytest.mark.parametrize("cancel", ["Hier klicken, um die Antwort abzubrechen.", "Click here to cancel reply."])
def test_teasers_after_the_reply_forms_cancel_link_are_no_comments(cancel: str) -> None:
    doc = page(ARTICLE + f"""
     1. Anna sagt:
        März 4, 2021 um 9:12 am
        Schrauben durch den Teppich haben bei uns geholfen.
        Antworten
     2. Bernd sagt:
        März 5, 2021 um 9:12 am
        Bei uns auch.
        Antworten

    Kommentieren

    [134]{cancel}
    Name (required) ______________________
    Submit

      * Abnehmen leicht gemacht
        Diät Muffins
        Möchten Sie abnehmen? Dann probieren Sie unsere Diät Muffins. Weiter →
      * Schokoladen Muffins
        Haben Sie Lust auf Schokomuffins? Dann schauen Sie auf unserer Partnerseite vorbei.
    """)
    assert [c.author for c in doc.comments] == ["Anna", "Bernd"]
