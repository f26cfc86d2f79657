"""The parser on small hand-written pages: one layout or one trap per case."""

from __future__ import annotations

import textwrap

import pytest

from commentscope.model import Document, LineRole
from commentscope.parse import parse_lines


def parse(text: str) -> Document:
    doc = parse_lines(textwrap.dedent(text).strip("\n") + "\n", doc_id="t")
    doc.check_integrity()
    return doc


def shape(doc: Document) -> list[tuple[str | None, int, str]]:
    """(author, depth, first words of text) per comment."""
    return [(c.author, c.depth, " ".join(c.text.split()[:3])) for c in doc.comments]


ARTICLE = """\
    A Title About Bones

    Calcium matters for bones, and this first paragraph of the article says so at length here.
"""

LAYOUTS = {
    "bullets-nested": (
        ARTICLE + """
          • Anna

            Great read about calcium.

            • Bob

              I agree with you.

          • Cara

            What about magnesium?
        """,
        [("Anna", 0, "Great read about"), ("Bob", 1, "I agree with"), ("Cara", 0, "What about magnesium?")],
    ),
    "numbered-with-bullet-replies": (
        ARTICLE + """
          1. Anna

            First comment here.

            • Staff Person

              A reply.

          2. Bob

            Second comment.
        """,
        [("Anna", 0, "First comment here."), ("Staff Person", 1, "A reply."), ("Bob", 0, "Second comment.")],
    ),
    "says-headers-with-dates-and-reply": (
        ARTICLE + """
        3 Comments

        Anna says:
        October 27, 2020 at 1:18 am
        Lovely article on calcium.
        Reply

            Bob says:
            October 28, 2020 at 9:02 pm
            Thanks Anna.
            Log in to Reply

        Cara says:
        3 days ago
        Is vitamin D needed too?
        Reply
        """,
        [("Anna", 0, "Lovely article on"), ("Bob", 1, "Thanks Anna."), ("Cara", 0, "Is vitamin D")],
    ),
    "markers-alone-on-their-line": (
        ARTICLE + """
        •
          Anna
          Text of the first comment.
          •
            Bob
            Text of a reply.
        •
          Cara
          Another top comment.
        """,
        [("Anna", 0, "Text of the"), ("Bob", 1, "Text of a"), ("Cara", 0, "Another top comment.")],
    ),
    "tab-indentation": (
        ARTICLE + "\n\t* Anna\n\n\t\tTop comment.\n\n\t\t* Bob\n\n\t\t\tNested reply.\n"
        "\n\t\t\t* Cara\n\n\t\t\t\tDeeper reply.\n\n\t* Dan\n\n\t\tAnother top.\n",
        [("Anna", 0, "Top comment."), ("Bob", 1, "Nested reply."), ("Cara", 2, "Deeper reply."),
         ("Dan", 0, "Another top.")],
    ),
    "other-glyphs-and-paren-numbers": (
        ARTICLE + """
          (1) Anna

              First.

              ◦ Bob

                  Reply one.

              ◦ Cara

                  Reply two.

          (2) Dan

              Second.
        """,
        [("Anna", 0, "First."), ("Bob", 1, "Reply one."), ("Cara", 1, "Reply two."), ("Dan", 0, "Second.")],
    ),
    "avatar-headers": (
        ARTICLE + """
        Leave a Reply

        Avatar Anna Smith
        May 2, 2021
        A comment with an avatar header.

        Avatar Bob
        May 3, 2021
        Another one.
        """,
        [("Anna Smith", 0, "A comment with"), ("Bob", 0, "Another one.")],
    ),
    "markdown-from-html-to-text": (
        ARTICLE + """
        ## 2 Comments

        1. **Karen W** says:

           March 4, 2022 at 8:12 am

           Is MK-7 better than MK-4?

           [Reply](#)

           1. **Jane Doe** says:

              March 4, 2022 at 9:40 am

              Hi Karen, MK-7 lasts longer.

              [Reply](#)
        """,
        [("Karen W", 0, "Is MK-7 better"), ("Jane Doe", 1, "Hi Karen, MK-7")],
    ),
    "one-comment-closing-the-page": (
        ARTICLE + """
          • Ann

            Is vitamin D needed as well?

            • Yes, most people need both, and magnesium too.

        Loading More
        """,
        [("Ann", 0, "Is vitamin D"), (None, 1, "Yes, most people")],
    ),
    "reply-without-author-line": (
        ARTICLE + """
          • Anna

            I take vitamin K2.

            • It is more: you need D3 as well, and magnesium.

          • Bob

            Plain comment.
        """,
        [("Anna", 0, "I take vitamin"), (None, 1, "It is more:"), ("Bob", 0, "Plain comment.")],
    ),
    # w3m, a news site: after the reply form, a tabbed widget lists the most commented articles as
    # 'NAME' / 'DATE' / comment count / 'TITLE', and none carries the reply button the comment did
    "most-commented-widget-after-form": (
        ARTICLE + """
        Un commentaire

        Liberte

        18/02/2020 à 16:42

        La parité je veux bien, surtout pour la constitution du gouvernement.

        Répondre

        Laisser un commentaire Annuler la réponse.

        Abdelkrim Dermech
        19/02/2020

        Il est des moments dans le parcours historique d'un peuple

        Samir Dridi
        28/09/2019
        12

        Tribune: La vertu et le bien-être
        """,
        [("Liberte", 0, "La parité je")],
    ),
    # lynx, an article quoting embedded tweets: each ends '— NAME (@handle) DATE',
    # which names no commenter
    "embedded-tweets": (
        """\
        A Title

           Twelve writers told us which of their posts did best this year, and why it worked.

        1. Ann Example, author (22.700 followers): three beats

           Ann explains: "a topic everyone talks about, plus three beats, and it works."

             Nach der Wahl freue ich mich schon sehr auf die nächste Runde im Bundestag.

             — Ann Example (@annexample) [37]25. September 2018

        2. Ben Beispiel, editor (15.500 followers): take a stand

           Ben explains why a clear statement did so well with his readers this year.

             Menschen, die sich engagieren, sind nicht zwingend links.

             — Ben Beispiel (@benbeispiel) [39]27. August 2018

        3. Cem Örnek, student (9.100 followers): praise

           Cem found that praise travels further than complaint, and his best post shows it.

             Bravo, endlich ein ordentlicher Radweg an der Hauptstraße!

             — Cem Örnek (@cemoernek) [41]26. November 2018

           The article goes on after the posts with another paragraph of its own text here.

        1 Kommentar

             *
           Klaus Beispiel sagt:
               [99]7. Dez 2018 um 13:22 Uhr
               Schaut man genau hin, ist der zweite Beitrag eher nichtssagend.
               [100]Antworten
        """,
        [("Klaus Beispiel", 0, "Schaut man genau")],
    ),
    # lynx, a Q&A page: each post's comments as list items signed '– NAME' over their date (the
    # score, when there is one, on the marker line), then 'Add a comment |'; the posts' own cards
    # ('edited DATE' / editor / 'answered DATE' / author) are no comments
    "qa-comments-signed": (
        """\
        A Title

           Why do people say "ich wurde ausgeraubt" and not "ich war ausgeraubt" in that story?
           [37]verb-choice
           [38]Share
           [39]Improve this question
           (BUTTON) Follow
           asked Feb 6, 2014 at 20:37
           [41]asker
           3,926 reputation
           2
             * 1
               maybe ausgeraubt is a bad example, enttäuscht is easier to
               understand here
               – [42]Vogel
               Feb 7, 2014 at 10:53
             * What are you trying to stress in your narrative? Use "wurde".
               – [43]Bill
               3 hours ago

           [44]Add a comment  |

        2 Answers

           I don't quite agree with the other answer. It is the passive voice here.
           [46]Share
           [47]Improve this answer
           (BUTTON) Follow
           [57]edited Feb 18, 2015 at 20:05
           editor9551
           answered Feb 6, 2014 at 21:03
           [49]Hagen
           3,728 reputation
           2
             * 2
               Unless of what?
               – [60]Vogel
               Feb 6, 2014 at 23:18

           [62]Add a comment  |
        """,
        [("Vogel", 0, "maybe ausgeraubt is"), ("Bill", 0, "What are you"), ("Vogel", 0, "Unless of what?")],
    ),
    # w3m, the same kind of page: a nested menu numbered as lists ('5. Unanswered' / '3.' / 'Teams'
    # is the menu's next group), each comment a marker alone over its text
    "qa-comments-signed-w3m": (
        """\
        A Title

         1. Home
         2.
             1. Public
             2. Questions
             3. Unanswered
         3.
                Teams
                Stack Overflow for Teams – Start collaborating and sharing knowledge.

        Why do people say "ich wurde ausgeraubt" and not "ich war ausgeraubt" in that story?

        Share
        Follow
        asked Feb 6, 2014 at 20:37
        asker
        2

          • 1
            maybe ausgeraubt is a bad example, enttäuscht is easier to
            understand here
            – Vogel
            Feb 7, 2014 at 10:53
          •
            What are you trying to stress in your narrative? Use "wurde".
            – Bill
            3 hours ago

        Add a comment  |
        """,
        [("Vogel", 0, "maybe ausgeraubt is"), ("Bill", 0, "What are you")],
    ),
    # inscriptis, the Thesis theme: its count in braces over the thread, each comment 'NAME DATE'
    # over its text and nothing else to say that these are comments
    "thesis-count-in-braces": (
        ARTICLE + """
        { 2 comments… read them below or add one }

        Armin June 28, 2015 at 10:25 pm

        Really, no Shagrath in the list? And how is Fred even there?

        FLOUNDER July 6, 2015 at 6:57 pm

        This list is wrong just because Mike Patton is not on it.
        """,
        [("Armin", 0, "Really, no Shagrath"), ("FLOUNDER", 0, "This list is")],
    ),
    # inscriptis, a news site's reader letters: 'Leserpost' over them, each 'NAME / DATE' over its text
    "reader-letters": (
        ARTICLE + """
        Leserpost

        netiquette :

        Karl Dörre / 22.04.2020

        Nachdem Corona um das Land einen großen Bogen gemacht hat, sehe ich keinen Grund dafür.

        Alexa Fischer / 22.04.2020

        @K. Dörre - Die Diskussion über Gegenmaßnahmen kommt zu spät.
        """,
        [("Karl Dörre", 0, "Nachdem Corona um"), ("Alexa Fischer", 0, "@K. Dörre -")],
    ),
    # lynx, a research blog's own thread: each header ends in a bracketed reply button that the
    # converter wrapped ('... 21:03 [ [20]antworten' / ']'); the bracket is no text
    "bracketed-reply-button-wrapped": (
        ARTICLE + """
        2 Kommentare

          *

             Kurze Antworten
             geschrieben von GeorgQ am 21. Jan. 2015, 21:03 [ [20]antworten
             ]
             @Fels: Von hier tritt nun der Effekt in Kraft, sagen Sie.
          *

             Noch eine Frage
             geschrieben von wScherf am 21. Jan. 2015, 21:36 [
             [21]antworten ]
             Auch eine kurze Antwort sollte auf den Kern eingehen.
        """,
        [("GeorgQ", 0, "@Fels: Von hier"), ("wScherf", 0, "Auch eine kurze")],
    ),
    # html2text, the same kind of page: the signature's dash printed as '-', beside the list's own
    # '*' items; a post's 'Share' button further down belongs to no comment
    "qa-comments-signed-html2text": (
        ARTICLE + """
        asked Feb 6, 2014 at 20:37

        2

          * 1

        maybe _ausgeraubt_ is a bad example, enttäuscht is easier to understand
        here

        - [Vogel](/users/2466/vogel "4,214 reputation")

        Feb 7, 2014 at 10:53

          * What are you trying to stress in your narrative? Use "wurde".

        - [Bill](/users/53021/bill "1 reputation")

        3 hours ago

        Add a comment  |

        ## 2 Answers

        I don't quite agree with the other answer. It is the passive voice here.

        [Share](/a/10381 "Short permalink to this answer")

        answered Feb 6, 2014 at 23:35

          * I found this answer very helpful, but is it the passive?

        - [Tony M](/users/29246/tony-m "669 reputation")

        Sep 25, 2019 at 12:22

        Add a comment  |
        """,
        [("Vogel", 0, "maybe ausgeraubt is"), ("Bill", 0, "What are you"), ("Tony M", 0, "I found this")],
    ),
    # lynx, an old theme: numbered comments labelled 'Kommentar von NAME' over their date (an
    # icon's alt text 'id' before it)
    "comment-by-label": (
        ARTICLE + """
           1. [146]1
              id Kommentar von Mareike
              8. Dezember 2010 um 10:56
              Eine interessante Art, Leber zuzubereiten.
           2. [147]2
              id Kommentar von [148]Georg77
              16. März 2011 um 12:22
              Und dazu ein guter Wein.
        """,
        [("Mareike", 0, "Eine interessante Art,"), ("Georg77", 0, "Und dazu ein")],
    ),
}


@pytest.mark.parametrize(("page", "expected"), LAYOUTS.values(), ids=LAYOUTS.keys())
def test_layouts(page: str, expected: list[tuple[str | None, int, str]]) -> None:
    assert shape(parse(page)) == expected


def test_metadata_lines_are_never_comment_text() -> None:
    doc = parse(LAYOUTS["says-headers-with-dates-and-reply"][0])
    meta = [line.text.strip() for line in doc.lines_with(LineRole.COMMENT_META)]
    assert meta == ["3 Comments", "October 27, 2020 at 1:18 am", "Reply", "October 28, 2020 at 9:02 pm",
                    "Log in to Reply", "3 days ago", "Reply"]
    assert all("Reply" not in c.text and "2020" not in c.text for c in doc.comments)


TRAPS = {
    # lynx, a German WordPress theme: its only 'comments' are pingbacks, 'Pingback von SITE' over the
    # date and the excerpt
    "pingbacks-only": """\
        A Title

        Unlängst spazierte ich durch Eimsbüttel, da baumelte vom Balkon ein Körbchen an einer Schnur bis zum Gehweg.

        3 Kommentare

           1. Pingback von [24]Too much information - Papierkorb - Lesezeichen
              [25]11.09.2011 23:31
              […] Gefällt mir – jovelblog – Unlängst spazierte ich ahnungslos
              durch Eimsbüttel […]
           2. Pingback von [26]Too much information - Papierkorb - Lesezeichen
              [27]26.06.2012 10:43
              […] Gefällt mir – jovelblog – Unlängst spazierte ich ahnungslos
              durch Eimsbüttel […]
        """,
    "numbered-references": """\
        A Title

        Studies show calcium is absorbed better with vitamin D, according to several trials [1].

          1. Smith J. Calcium and vitamin D. Bone. 2020;12:1-9. doi: 10.1000/xyz

          2. Doe A. Gut and bone. J Nutr. 2021;3:4-5.
        """,
    "bulleted-article-list": """\
        A Title

        Here is what you should eat every day to keep your bones strong and healthy for life:

          • Leafy greens such as kale and spinach
          • Sardines with the bones in
          • Yoghurt and kefir

        Each of these foods brings calcium and other minerals that your skeleton needs daily.
        """,
    "promo-list-after-article": """\
        A Title

        The article body is long enough to be prose and it ends with this sentence right here.

        The Top Ten Things You Are Doing Wrong For Your Bones And More Than That Too!

          • Free report
          • Email course on bone health
        Get It Free Now
        """,
    "interview-turns": """\
        A Title

        Que: How strongly is gut health linked to bone health in women after menopause?

        Dr Smith: Very strongly, our results show the gut lining and immune cells matter a lot.

        Que: Should women take probiotics?

        Dr Smith: Yes, a good supplement or fermented foods such as yoghurt help.
        """,
    "term-list-with-descriptions-inside-article": """\
        A Title

        Three minerals matter for bones, and the article will now describe each of them in turn.

          • Calcium
            The main mineral of bone tissue.
          • Magnesium
            Needed to use calcium well.

        Beyond minerals, exercise is the other pillar, and weight bearing exercise is the best kind of all.
        Walking every day counts as weight bearing exercise, and so does climbing stairs at home too.
        """,
}


@pytest.mark.parametrize("page", TRAPS.values(), ids=TRAPS.keys())
def test_no_false_comments(page: str) -> None:
    doc = parse(page)
    assert doc.comments == ()
    assert doc.title == "A Title"


def test_promo_list_after_article_is_boilerplate() -> None:
    doc = parse(TRAPS["promo-list-after-article"])
    assert doc.boilerplate == [
        "The Top Ten Things You Are Doing Wrong For Your Bones And More Than That Too!",
        "• Free report", "• Email course on bone health", "Get It Free Now",
    ]


def test_numbered_list_inside_a_comment_stays_in_its_text() -> None:
    doc = parse(ARTICLE + """
      • Maria

        Could you comment on two things.
        1. Strontium. Is it safe?
        2. Power Plate. Does it help?
        Thank you.

        • Hi Maria, strontium has issues, boron is safer.

      • Bob

        Nice.
    """)
    assert shape(doc) == [("Maria", 0, "Could you comment"), (None, 1, "Hi Maria, strontium"), ("Bob", 0, "Nice.")]
    assert "1. Strontium. Is it safe?" in doc.comments[0].text
    assert doc.comments[0].text.endswith("Thank you.")


def test_chrome_after_comments_and_closed_notice() -> None:
    doc = parse(ARTICLE + """
    Comments on this article are closed.

      1. Anna

        A comment.

    Get Started With Your FREE Kit
    Loading More
    """)
    assert doc.comments_closed
    assert shape(doc) == [("Anna", 0, "A comment.")]
    assert doc.boilerplate == ["Comments on this article are closed.", "Get Started With Your FREE Kit", "Loading More"]


def test_truncated_page_keeps_last_comment() -> None:
    doc = parse(ARTICLE + """
      • Anna

        First.

      • Bob

        The page was cut off in the middle of this sente""")
    assert doc.comments[-1].author == "Bob"
    assert doc.comments[-1].text.endswith("middle of this sente")


def test_site_chrome_and_title() -> None:
    doc = parse("""\
        Category: Science
        top of page

        The Real Title

        Updated: Mar 16, 2023

        The body of the article is here and it is long enough to count as a paragraph of prose.

        Tags:
        Similar News
        bottom of page
        """)
    assert doc.title == "The Real Title"
    assert doc.boilerplate == ["Category: Science", "top of page", "Updated: Mar 16, 2023", "Tags:",
                               "Similar News", "bottom of page"]
    assert doc.article.startswith("The body of the article")


def test_comment_line_spans_and_roles() -> None:
    doc = parse(LAYOUTS["bullets-nested"][0])
    anna = doc.comments[0]
    by_number = {line.number: line for line in doc.lines}
    assert by_number[anna.line_start].role is LineRole.COMMENT_HEADER
    assert by_number[anna.line_end].role is LineRole.COMMENT_TEXT
    assert {line.comment_id for line in doc.lines if line.comment_id} == {c.comment_id for c in doc.comments}


def test_walk_visits_replies_after_parents() -> None:
    doc = parse(LAYOUTS["tab-indentation"][0])
    walked = [c.author for c in doc.walk()]
    assert walked == ["Anna", "Bob", "Cara", "Dan"]
    assert [c.author for c in doc.subtree(doc.comments[0].comment_id)] == ["Bob", "Cara"]


def test_spip_forum_titles_leave_the_text() -> None:
    # lynx, a SPIP forum on a page wrapped at 72 columns: a permalink's label before the name, the
    # date in brackets, a lone ':', then the message's title (when it has one) over its text; a first
    # line that runs on into the next is text, not a title
    article = textwrap.fill("Bone health depends on calcium, vitamin D and exercise, and this article "
                            "explains how the gut microbiome changes what the body absorbs. " * 6, 72)
    page = "A Title\n\n" + textwrap.indent(article, "   ") + "\n\n3 commentaires\n\n" + textwrap.dedent("""\
             * [44]permalien Rouge Noir
               (22 juin 2018 @11h29)
               :
               même argument
               La Corée du Sud est un pays capitaliste autoritaire, c est a dire la
               même analyse que celle des détracteurs de la Chine.
             * [45]permalien Cindy Chat
               (24 juin 2018 @21h10)
               :
               ROUGE NOIR Aucun parallèle n’est possible entre le Venezuela et la
               Chine Populaire, et ceci dans le pays aux plus grandes réserves.
             * [46]permalien Rouge Noir
               (25 juin 2018 @08h39)
               :
               Mea maxima culpa
               Erreur de ma part, un article de 2017 en parle.
        """)
    doc = parse_lines(page, doc_id="t")
    doc.check_integrity()
    assert shape(doc) == [("Rouge Noir", 0, "La Corée du"), ("Cindy Chat", 0, "ROUGE NOIR Aucun"),
                          ("Rouge Noir", 0, "Erreur de ma")]
    assert all(c.date is not None and c.date.startswith("2018-06-2") for c in doc.comments)
