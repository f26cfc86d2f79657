"""The parser on realistic text dumps of comment sections, one layout per case.

Each page is written the way a browser copy or a text browser (lynx, w3m) renders it: blank
lines, stray whitespace, theme chrome, and dates in the formats the platforms really use. The
expected structure is what a person reading the dump would say.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

import pytest

from commentscope.grammar import scan
from commentscope.heads import find_heads
from commentscope.model import Document, LineRole
from commentscope.parse import parse_lines


@dataclass(frozen=True)
class Layout:
    """A page and what a reader sees in it."""

    page: str
    title: str
    article_end: str  # the first words of the last article line
    comments: tuple[tuple[str | None, int, int | None, str], ...]  # author, depth, parent position, first words
    meta: tuple[str, ...] = ()  # lines that are comment metadata, never comment text
    boilerplate: tuple[str, ...] = ()  # lines that are site chrome
    closed: bool = False


def page(text: str) -> str:
    return textwrap.dedent(text).strip("\n") + "\n"


LAYOUTS = {
    "wordpress-says-classic": Layout(
        page("""\
        Home
        Menu

        How to Grow Tomatoes in Containers

        Posted on October 20, 2020 by Jane Gardener

        Growing tomatoes in containers is easier than most people think, as long as you pick the right variety.

        Choose a pot of at least five gallons, fill it with potting mix, and water whenever the top inch is dry.

        Share this:
        Twitter
        Facebook

        Like this:
        Like Loading...

        Related

        4 thoughts on “How to Grow Tomatoes in Containers”

        Mark Peters says:
        October 27, 2020 at 1:18 am

        Great tips! I tried the five gallon buckets last year and it worked well.

        Reply

            Jane Gardener says:
            October 27, 2020 at 8:40 am

            Thanks Mark, glad it worked for you.

            Log in to Reply

                Mark Peters says:
                October 28, 2020 at 10:02 pm

                Will do the same again this year.\x20\x20

                Reply

        Susan K. says:
        November 2, 2020 at 3:15 pm

        Do you need to add calcium to prevent blossom end rot?
        My leaves are also curling.
        Reply

        Comments are closed.
        """),
        title="How to Grow Tomatoes in Containers",
        article_end="Choose a pot",
        comments=(
            ("Mark Peters", 0, None, "Great tips! I"),
            ("Jane Gardener", 1, 0, "Thanks Mark, glad"),
            ("Mark Peters", 2, 1, "Will do the"),
            ("Susan K.", 0, None, "Do you need"),
        ),
        meta=("4 thoughts on “How to Grow Tomatoes in Containers”", "October 27, 2020 at 1:18 am", "Reply",
              "Log in to Reply", "November 2, 2020 at 3:15 pm"),
        boilerplate=("Home", "Menu", "Posted on October 20, 2020 by Jane Gardener", "Share this:", "Twitter",
                     "Facebook", "Like this:", "Like Loading...", "Related", "Comments are closed."),
        closed=True,
    ),
    "wordpress-avatar-lines-reply-arrow": Layout(
        page("""\
        Why I Switched to a Standing Desk

        After three years of back pain I finally bought a standing desk, and this post covers the first six months.

        12 Responses to “Why I Switched to a Standing Desk”

        Tom Baker's avatar
        Tom Baker
        March 3, 2019 at 9:12 am

        I switched last year and my back has never felt better.

        Reply ↓

            Carol’s avatar
            Carol
            March 3, 2019 at 11:40 am

            Same here, though my feet hurt for the first week.

            Reply ↓

                Unknown's avatar
                Tom Baker said:
                March 4, 2019 at 7:05 am

                Try an anti-fatigue mat, it fixed that for me.

                Reply ↓

        Priya's avatar
        Priya
        9 March 2019 at 18:30

        How tall is your desk at its highest setting?

        Reply ↓
        """),
        title="Why I Switched to a Standing Desk",
        article_end="After three years",
        comments=(
            ("Tom Baker", 0, None, "I switched last"),
            ("Carol", 1, 0, "Same here, though"),
            ("Tom Baker", 2, 1, "Try an anti-fatigue"),
            ("Priya", 0, None, "How tall is"),
        ),
        meta=("12 Responses to “Why I Switched to a Standing Desk”", "Reply ↓", "9 March 2019 at 18:30"),
    ),
    # Disqus copied from a browser is flat: the reply arrow (`Name Mod → Other`) is the only sign of
    # nesting, so a reply hangs under the latest comment by the person it answers.
    "disqus-flat-with-reply-arrows": Layout(
        page("""\
        Understanding Python Decorators

        Decorators wrap a function in another function, and seen as higher order functions the mystery goes.

        3 Comments
        Login
        Sort by Best

        Join the discussion…

        Avatar
        Mike Jones • 3 years ago

        This is the best explanation I've read on the topic. Thank you.

        7
        •
        Reply
        •
        Share ›

        Avatar
        Sarah Lee Mod → Mike Jones • 3 years ago

        Thanks Mike! Glad it helped.

        2
        •
        Reply
        •
        Share ›

        −
        ⚑
        Avatar
        Paul Ng • 2 years ago • Edited

        Does this also work for class methods?
        I tried it and got a TypeError.

        Reply
        •
        Share ›

        Avatar
        Sarah Lee Mod → Paul Ng • 2 years ago

        Yes, put @classmethod on the outside.

        Load more comments
        """),
        title="Understanding Python Decorators",
        article_end="Decorators wrap a",
        comments=(
            ("Mike Jones", 0, None, "This is the"),
            ("Sarah Lee", 1, 0, "Thanks Mike! Glad"),
            ("Paul Ng", 0, None, "Does this also"),
            ("Sarah Lee", 1, 2, "Yes, put @classmethod"),
        ),
        meta=("3 Comments", "7", "•", "Share ›", "2", "−", "⚑"),
        boilerplate=("Login", "Sort by Best", "Load more comments"),
    ),
    "blogger-said-with-replies": Layout(
        page("""\
        Easy Weeknight Lentil Soup

        This soup takes thirty minutes, uses one pot, and is the recipe my family asks for when the weather turns cold.

        Posted by Kitchen Katie at 9:30 PM
        Email This
        BlogThis!
        Share to Twitter
        Share to Facebook
        Labels: recipes, soup

        4 comments:

        Anonymous said...
        Made this tonight and my kids loved it. Added a little cumin.
        March 5, 2021 at 10:14 PM
        Delete
        Replies
            Kitchen Katie said...
            So glad they enjoyed it! Cumin is a great idea.
            March 6, 2021 at 7:02 AM
            Delete
        Reply
        Rob Whitfield said...
        Can I use red lentils instead of green?
        March 7, 2021 at 8:45 AM
        Delete
        Replies
        Reply
        Anonymous said…
        Delicious.
        March 9, 2021 at 12:01 PM
        Delete
        Replies
        Reply
        Add comment
        Load more...

        Newer Post Older Post Home
        Subscribe to: Post Comments (Atom)
        """),
        title="Easy Weeknight Lentil Soup",
        article_end="This soup takes",
        comments=(
            ("Anonymous", 0, None, "Made this tonight"),
            ("Kitchen Katie", 1, 0, "So glad they"),
            ("Rob Whitfield", 0, None, "Can I use"),
            ("Anonymous", 0, None, "Delicious."),
        ),
        meta=("4 comments:", "March 5, 2021 at 10:14 PM", "Delete", "Replies", "Reply", "Add comment"),
        boilerplate=("Posted by Kitchen Katie at 9:30 PM", "Email This", "BlogThis!", "Share to Twitter",
                     "Labels: recipes, soup", "Load more...", "Newer Post Older Post Home",
                     "Subscribe to: Post Comments (Atom)"),
    ),
    # Drupal comments carry a subject line ("Great write-up"); it is the start of the comment's text.
    "drupal-submitted-by": Layout(
        page("""\
        Migrating a Site from Drupal 7 to Drupal 10

        Submitted by admin on Mon, 03/15/2021 - 09:00

        Moving a large Drupal 7 site forward is mostly about content migration, and this guide walks through it.

        Comments

        Submitted by Alex (not verified) on Tue, 03/16/2021 - 10:14
        Permalink

        Great write-up

        This saved me hours of work on our university site.

        Log in or register to post comments

            Submitted by admin on Tue, 03/16/2021 - 12:30
            Permalink

            In reply to Great write-up by Alex (not verified)

            Thanks! Glad it helped.

            Log in or register to post comments

        Submitted by Bea on Wed, 03/17/2021 - 08:02
        Permalink

        Field collections?

        How did you handle field collections? The paragraphs migration keeps failing for me.

        Log in or register to post comments
        """),
        title="Migrating a Site from Drupal 7 to Drupal 10",
        article_end="Moving a large",
        comments=(
            ("Alex", 0, None, "Great write-up This"),
            ("admin", 1, 0, "Thanks! Glad it"),
            ("Bea", 0, None, "Field collections? How"),
        ),
        meta=("Comments", "Permalink", "In reply to Great write-up by Alex (not verified)",
              "Log in or register to post comments"),
        boilerplate=("Submitted by admin on Mon, 03/15/2021 - 09:00",),
    ),
    # Without indentation or reply arrows a flat numbered list is read as flat, even when a comment
    # answers an earlier one by name.
    "numbered-flat-same-indent": Layout(
        page("""\
        Is a Heat Pump Worth It in a Cold Climate?

        We ran an air source heat pump through a Minnesota winter and logged every kilowatt hour of it.

        Comments (3)

        1. Harold

        I have one in Maine and it kept up down to minus ten.

        2. Melissa Grant

        What about the backup resistance heat? Did it kick in often?
        Our installer said it would run all January.

        3. Harold

        Melissa, mine only ran the backup for a few days in total.
        """),
        title="Is a Heat Pump Worth It in a Cold Climate?",
        article_end="We ran an",
        comments=(
            ("Harold", 0, None, "I have one"),
            ("Melissa Grant", 0, None, "What about the"),
            ("Harold", 0, None, "Melissa, mine only"),
        ),
        meta=("Comments (3)",),
    ),
    "markers-alone-then-name-and-date": Layout(
        page("""\
        Adjusting Soil pH for Acid Loving Plants

        Most garden soil sits near neutral, and acid loving plants need it lowered before they will thrive in it.

        Reader Comments

          1.
            Dana Whitaker
            June 14, 2022

            The section on soil pH was exactly what I needed.

          2.
            Leo
            June 15, 2022

            Does this apply to blueberries as well?

            •
              Garden Editor
              June 15, 2022

              Yes, blueberries want an even lower pH, around 4.5 to 5.

          3.
            Ines
            2022-06-20

            Bookmarked!
        """),
        title="Adjusting Soil pH for Acid Loving Plants",
        article_end="Most garden soil",
        comments=(
            ("Dana Whitaker", 0, None, "The section on"),
            ("Leo", 0, None, "Does this apply"),
            ("Garden Editor", 1, 1, "Yes, blueberries want"),
            ("Ines", 0, None, "Bookmarked!"),
        ),
        meta=("Reader Comments", "June 14, 2022", "2022-06-20"),
    ),
    "tab-indented-thread": Layout(
        "Backing Up a Linux Laptop with Restic\n\n"
        "Restic makes encrypted, deduplicated backups simple, and this guide sets it up with a systemd timer.\n\n"
        "3 Responses\n\n"
        "Kevin says: \nJanuary 4, 2022 at 3:15 pm\nDoes this work with Backblaze B2?\nReply\n\n"
        "\tAndrea Lopez says:\n\tJanuary 4, 2022 at 5:00 pm\n\tYes, set B2_ACCOUNT_ID and B2_ACCOUNT_KEY first.\n"
        "\tReply\n\n"
        "\t\tKevin says:\n\t\tJanuary 5, 2022 at 8:20 am\n\t\tWorked perfectly, thanks.\n\t\tReply\n\n"
        "Marta says:\nJanuary 9, 2022 at 11:47 pm\nHow do you prune old snapshots?\n\tReply\n",
        title="Backing Up a Linux Laptop with Restic",
        article_end="Restic makes encrypted,",
        comments=(
            ("Kevin", 0, None, "Does this work"),
            ("Andrea Lopez", 1, 0, "Yes, set B2_ACCOUNT_ID"),
            ("Kevin", 2, 1, "Worked perfectly, thanks."),
            ("Marta", 0, None, "How do you"),
        ),
        meta=("3 Responses", "January 4, 2022 at 3:15 pm", "Reply"),
    ),
    # Anonymous comments: under a comments heading, the text between two runs of metadata is one
    # comment, even when it holds two paragraphs.
    "authorless-under-heading": Layout(
        page("""\
        The Best Hiking Trails Near Denver

        Denver sits within an hour of some of the best hiking in the country, and these trails cover every level.

        Comments

        This list is missing Mount Falcon, which is my favourite after work hike.
        Posted 3 days ago | Reply

        Great list. We did Royal Arch last weekend and it was crowded but worth it.

        Bring more water than you think you need.
        Posted 5 days ago | Reply

        Is Chautauqua dog friendly?
        Posted 1 week ago | Reply
        """),
        title="The Best Hiking Trails Near Denver",
        article_end="Denver sits within",
        comments=(
            (None, 0, None, "This list is"),
            (None, 0, None, "Great list. We"),
            (None, 0, None, "Is Chautauqua dog"),
        ),
        meta=("Comments", "Posted 3 days ago | Reply", "Posted 1 week ago | Reply"),
    ),
    # A list inside a comment stays in its text, with or without a blank line before it: the items
    # follow each other directly, or the line before them introduces them with a colon.
    "comment-with-its-own-lists": Layout(
        page("""\
        Deadlift Form for Beginners

        The deadlift is the most useful lift you can learn, and the most often done wrong by beginners in gyms.

        2 Comments

          • Dr. Helen Ward

            Some additional points from my clinic:

            • Stretch before lifting.
            • Keep the bar close to your body.
            • Rest two days between heavy sessions.

            And the three mistakes I see most often:
            1. Rounding the back.
            2. Holding the breath too long.
            3. Skipping the warm-up.

            Hope this helps.

            • Thank you Helen, very clear.

          • Greg

            Very useful, thanks.
        """),
        title="Deadlift Form for Beginners",
        article_end="The deadlift is",
        comments=(
            ("Dr. Helen Ward", 0, None, "Some additional points"),
            (None, 1, 0, "Thank you Helen,"),
            ("Greg", 0, None, "Very useful, thanks."),
        ),
        meta=("2 Comments",),
    ),
    # Article lists (a term list with descriptions, numbered references) are not comments.
    "article-lists-and-references-then-comments": Layout(
        page("""\
        Five Foods for Stronger Bones

        Nutrition matters for your skeleton at every age, and these foods carry the most calcium per serving.

          • Sardines
            Canned with the bones in, they give you calcium and vitamin D together.
          • Kale
            A leafy green with calcium that is easy to absorb.
          • Yoghurt
            Fermented dairy with protein and probiotics.

        Eating a mix of these every week is the simplest way to cover most of your needs without supplements.

        References

          1. Weaver CM. Calcium and bone health. Nutrients. 2019;11(5):1-12.
          2. Heaney RP. Dairy and bone health. J Am Coll Nutr. 2009;28:82S-90S.

        7 Comments

          1. Rita Moreno

            Does Greek yoghurt count?

            • Dietitian Dan

              Yes, it has a bit less calcium but still plenty.

          2. Oscar

            I eat sardines every Friday.
        """),
        title="Five Foods for Stronger Bones",
        article_end="2. Heaney RP.",
        comments=(
            ("Rita Moreno", 0, None, "Does Greek yoghurt"),
            ("Dietitian Dan", 1, 0, "Yes, it has"),
            ("Oscar", 0, None, "I eat sardines"),
        ),
        meta=("7 Comments",),
    ),
    "comment-form-at-the-end": Layout(
        page("""\
        A Week in Lisbon on a Budget

        Lisbon is still one of the cheapest capitals in western Europe, and a week there need not cost a fortune.

        2 thoughts on “A Week in Lisbon on a Budget”

        Greg on April 2, 2023 at 4:05 pm said:

            Tram 28 is worth it early in the morning before the crowds.

            Reply ↓

                Lena on April 3, 2023 at 9:12 am said:

                    Agreed, we went at 7 and had seats.

                    Reply ↓

        Leave a Reply Cancel reply

        Your email address will not be published. Required fields are marked *

        Comment *

        Name *

        Email *

        Website

         Save my name, email, and website in this browser for the next time I comment.

        Post Comment

        Δ

        This site uses Akismet to reduce spam. Learn how your comment data is processed.
        """),
        title="A Week in Lisbon on a Budget",
        article_end="Lisbon is still",
        comments=(
            ("Greg", 0, None, "Tram 28 is"),
            ("Lena", 1, 0, "Agreed, we went"),
        ),
        meta=("Reply ↓", "Leave a Reply Cancel reply"),
        boilerplate=("Your email address will not be published. Required fields are marked *", "Comment *",
                     "Name *", "Email *", "Website",
                     "Save my name, email, and website in this browser for the next time I comment.",
                     "Post Comment", "Δ",
                     "This site uses Akismet to reduce spam. Learn how your comment data is processed."),
    ),
    # Forum and news-site headers carry the date on the author's line: `NAME · 3 hr. ago`, `NAME | DATE`.
    "forum-name-and-date-on-one-line": Layout(
        page("""\
        Ask: Best Budget Laptop for Students?

        I need something under five hundred dollars that will last four years of classes and some light gaming.

        Comments

          techguy42 · 3 hr. ago
          Look at refurbished ThinkPads. They last forever.
          Reply  Share

            jenny_codes · 2 hrs ago
            Seconding this, my T480 is five years old.
            Reply  Share

          Mark Ellis | March 3, 2021
          Chromebooks are fine if you only need a browser.
          Reply  Share
        """),
        title="Ask: Best Budget Laptop for Students?",
        article_end="I need something",
        comments=(
            ("techguy42", 0, None, "Look at refurbished"),
            ("jenny_codes", 1, 0, "Seconding this, my"),
            ("Mark Ellis", 0, None, "Chromebooks are fine"),
        ),
        meta=("Comments", "Reply  Share"),
    ),
    # No comments heading: each comment's date line carries its buttons ('Zum Antworten anmelden'
    # is 'log in to reply', '#' the permalink), which is what shows the page has comments (a deal
    # blog, as lynx prints it: avatar alt text, name, points, linked name, date line).
    "date-line-with-reply-buttons": Layout(
        page("""\
        Kaffee im Angebot: zwei Gläser für 4,80 Euro

        Bei Rewe gibt es diese Woche zwei Gläser löslichen Kaffee zum halben Preis, solange der Vorrat im Markt reicht.

        [55]Profilbild von Montana

        Montana
        5819

        [56]Montana
        18.10.2019, 16:18 [57]Zum Antworten anmelden [58]Zitieren [59]#

        Der Gutschein über Rewe vor drei Wochen war besser.

        [60]Profilbild von Mike
        Mike
        6458
        [61]Mike
        18.10.2019, 16:31 [62]Zum Antworten anmelden [63]Zitieren [64]#

        Ich trinke keinen Kaffee, dachte aber, es hilft jemandem.
        """),
        title="Kaffee im Angebot: zwei Gläser für 4,80 Euro",
        article_end="Bei Rewe gibt",
        comments=(
            ("Montana", 0, None, "Der Gutschein über"),
            ("Mike", 0, None, "Ich trinke keinen"),
        ),
        meta=("18.10.2019, 16:18 [57]Zum Antworten anmelden [58]Zitieren [59]#",),
    ),
    # wpDiscuz as lynx prints it: the avatar's alt text and the name on one line, a guest label,
    # the name again; under the text the vote and translate buttons and the next comment's
    # relative date ('1 Monat her').
    "wpdiscuz-name-twice": Layout(
        page("""\
        Was bleibt vom Jahrzehnt?

        Zehn Jahre sind vergangen, und wir fragen uns, was von ihnen bleiben wird, in der Musik wie im Film und im Netz.

        neuste älteste beste Bewertung
        Bibi Blue Bibi Blue
        Gast
        Bibi Blue

        Lieber Robert, danke für die Denkanstöße und die schönen Wünsche.
        Daumen hoch6Daumen runter
        Translate
        Show all
        Original
        1 Monat her
        Nossi Nossi
        Gast
        Nossi

        Wie so oft triffst du den Nagel auf den Kopf.
        Daumen hoch5Daumen runter
        """),
        title="Was bleibt vom Jahrzehnt?",
        article_end="Zehn Jahre sind",
        comments=(
            ("Bibi Blue", 0, None, "Lieber Robert, danke"),
            ("Nossi", 0, None, "Wie so oft"),
        ),
        meta=("Daumen hoch6Daumen runter", "Translate", "1 Monat her"),
    ),
    # Blogger in Polish as lynx prints it: '11 komentarze:', 'NAME pisze...' over each indented text and
    # its date, then the form's 'Prześlij komentarz' and the sidebar ('O blogu' is no commenter).
    "blogger-polish": Layout(
        page("""\
        Po co testerzy?

        Programiści sami testują swój kod, a klienci znajdują błędy, o których nikt w zespole nie wiedział.

        11 komentarze:

           [20]KonradKubiec.com pisze...
                  Straszne źle rozumiana jest rola testera w Polsce.

                  [21]15 lutego 2010 10:31 [22][icon_delete13.gif]

           Anonimowy pisze...
                  Co ma do zrobienia programista?

                  [26]15 lutego 2010 13:05 [27][icon_delete13.gif]

        Prześlij komentarz

        O blogu

           Znajdziesz tutaj tłumaczenia blogów, których autorami są znane osoby z branży.
        """),
        title="Po co testerzy?",
        article_end="Programiści sami testują",
        comments=(
            ("KonradKubiec.com", 0, None, "Straszne źle rozumiana"),
            ("Anonimowy", 0, None, "Co ma do"),
        ),
        boilerplate=("Znajdziesz tutaj tłumaczenia blogów, których autorami są znane osoby z branży.",),
    ),
    # An old WordPress theme signs each numbered comment below its text ('Comment by NAME — DATE';
    # html2text prints the dash as '--'), and writes the year after a comma.
    "signed-numbered-comments": Layout(
        page("""\
        Pseudonyme bei Google+

        Google verlangt bei seinem neuen Netzwerk echte Namen, und viele Nutzer fragen sich, ob das so zulässig ist.

        35 Kommentare

           1. Also im Klartext: wer sich an die Öffentlichkeit wendet, braucht einen Namen?
              Comment by Mirko Lange — 17.07, 2011 @ 13:04
           2. Wenn das in den AGB steht, finde ich die Aufregung lächerlich.
              Comment by Daniel -- 17.07, 2011 @ 13:10
        """),
        title="Pseudonyme bei Google+",
        article_end="Google verlangt bei",
        comments=(
            ("Mirko Lange", 0, None, "Also im Klartext:"),
            ("Daniel", 0, None, "Wenn das in"),
        ),
    ),
    # An older wpDiscuz as lynx prints it: no comments heading, only its sort bar; each name over
    # the comment's share links, the text, its vote count and its relative date.
    "wpdiscuz-share-links": Layout(
        page("""\
        Kein Frieden für unsere Zeit

        Der Abzug aus Syrien wird in Washington gefeiert und in Europa gefürchtet, und beides hat gute Gründe, sagt man.

        Sortiert nach:   neuste | älteste | beste Bewertung
        Nibelung
        [85]Diesen Kommentar auf Twitter teilen?[86]Diesen Kommentar auf
        Twitter teilen? https://www.example.de
        Gewisse Ähnlichkeiten zwischen 1938 und heute sind zu erkennen.
        0
        50 Minuten 46 Sekunden her
        Bummi
        [87]Diesen Kommentar auf Twitter teilen?[88]Diesen Kommentar auf
        Twitter teilen? https://www.example.de

        Ich sehe den Abzug grundsätzlich positiv.
        3
        1 Stunde her
        """),
        title="Kein Frieden für unsere Zeit",
        article_end="Der Abzug aus",
        comments=(
            ("Nibelung", 0, None, "Gewisse Ähnlichkeiten zwischen"),
            ("Bummi", 0, None, "Ich sehe den"),
        ),
        meta=("50 Minuten 46 Sekunden her", "0"),
        boilerplate=("Twitter teilen? https://www.example.de",),
    ),
    # wpDiscuz as html2text prints it: the avatar twice as images (a placeholder and the picture,
    # both with the name as alt text), the name, an empty icon element, the text, the buttons with
    # their icons ('__Daumen hoch 0 __Daumen runter __Antworten'), the next comment's date.
    "wpdiscuz-html2text": Layout(
        page("""\
        # Zitronenkuchen vom Blech

        Ein Kuchen vom Blech ist schnell gemacht und schmeckt am Tag danach noch besser als frisch, sagen alle hier.

        ![Franzi](data:image/svg+xml,%3Csvg%3E%3C/svg%3E)![Franzi](//example.de/avatars/5a0f.gif)

        Franzi

         __

        Liebe Kathrin, ich habe das Rezept direkt am Freitag nachgebacken.

         __Daumen hoch 0 __Daumen runter  __Antworten

         __19\\. Februar 2017 20:00

        ![Alexandra](data:image/svg+xml,%3Csvg%3E%3C/svg%3E)![Alexandra](//example.de/avatars/77c1.gif)

        Alexandra

         __

        Der Kuchen als Blech ist super lecker.

         __Daumen hoch 2 __Daumen runter  __Antworten
        """),
        title="Zitronenkuchen vom Blech",
        article_end="Ein Kuchen vom",
        comments=(
            ("Franzi", 0, None, "Liebe Kathrin, ich"),
            ("Alexandra", 0, None, "Der Kuchen als"),
        ),
        meta=("__Daumen hoch 0 __Daumen runter  __Antworten",),
    ),
    # The dump ends in the middle of a comment: the comment is kept with the text there is.
    "truncated-page": Layout(
        page("""\
        Intermittent Fasting After Fifty

        Fasting windows suit some older adults and not others, and the evidence so far is mixed at best for women.

        5 Comments

        Joan
        12/03/2021 at 14:22

        I have done 16:8 for a year and sleep much better.

        Reply

            Kim
            13/03/2021 at 09:05

            I have been following this diet for two months and the
        """),
        title="Intermittent Fasting After Fifty",
        article_end="Fasting windows suit",
        comments=(
            ("Joan", 0, None, "I have done"),
            ("Kim", 1, 0, "I have been"),
        ),
        meta=("5 Comments", "12/03/2021 at 14:22", "Reply"),
    ),
}


def parse(text: str) -> Document:
    doc = parse_lines(text, doc_id="t")
    doc.check_integrity()
    return doc


def lines_with_text(doc: Document, text: str) -> list[LineRole]:
    return [line.role for line in doc.lines if line.text.strip() == text]


@pytest.mark.parametrize("layout", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_thread_structure(layout: Layout) -> None:
    doc = parse(layout.page)
    got = [
        (c.author, c.depth, None if c.parent_id is None else doc.comment(c.parent_id).position,
         " ".join(c.text.split()[:3]))
        for c in doc.comments
    ]
    assert got == list(layout.comments)


@pytest.mark.parametrize("layout", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_title_article_and_closed_notice(layout: Layout) -> None:
    doc = parse(layout.page)
    assert doc.title == layout.title
    assert doc.article_lines[-1].text.strip().startswith(layout.article_end)
    assert doc.comments_closed is layout.closed


@pytest.mark.parametrize("layout", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_metadata_is_never_comment_text(layout: Layout) -> None:
    doc = parse(layout.page)
    for text in layout.meta:
        roles = lines_with_text(doc, text)
        assert roles and set(roles) == {LineRole.COMMENT_META}, text
    text_lines = {part.strip() for c in doc.comments for part in c.text.split("\n")}
    assert not text_lines & set(layout.meta)


@pytest.mark.parametrize("layout", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_site_chrome_is_boilerplate(layout: Layout) -> None:
    doc = parse(layout.page)
    for text in layout.boilerplate:
        assert set(lines_with_text(doc, text)) == {LineRole.BOILERPLATE}, text


NO_COMMENTS = {
    # Numbered subheadings, each followed by a paragraph at the same indentation, are article.
    "numbered-subheadings": page("""\
        Five Foods for Stronger Bones

        Nutrition matters for your skeleton at every age, and these foods carry the most calcium per serving.

        1. Sardines

        Canned with the bones in, they give you calcium and vitamin D together in one small tin.

        2. Kale

        A leafy green with calcium that is easy to absorb, and cheap in winter.

        Eating a mix of these every week is the simplest way to cover most of your needs without supplements.
        """),
    # A sentence that opens like a Drupal reference ('In response to ...') is text, not metadata; and a
    # byline header with only chrome after it ('Posted by NAME at TIME') opens no comment section.
    "byline-then-share-bar": page("""\
        A Short Note

        Posted by Kitchen Katie at 9:30 PM
        Share to Twitter

        In response to many emails, this post explains why the recipe changed and what you can use instead.
        """),
    "comment-form-only": page("""\
        A Short Note

        This post has no comments yet, only the form under it, which every WordPress theme prints by default.

        Leave a Reply

        Your email address will not be published. Required fields are marked *
        Comment *
        Name *
        Email *
        Post Comment
        """),
    # A teaser list of dated products above the form (lynx: banner images, linked 'Hund DATE'), and a
    # count of zero printed as '(0)' under it, with the reply form's buttons.
    "teasers-over-an-empty-count": page("""\
        Was Hunde gerne fressen

        Kleine Hunde brauchen andere Portionen als große, und nicht jedes Futter passt zu jedem Tier, sagen Tierärzte.

        Ähnliche Artikel

        [69]
        [banner-1110x200.png]
        [70]Hund 27.01.22
        [71]

        THOMAS AQUA+ PET & FAMILY - Der Saugwischer für Tierfreunde

        [72]
        [banner-1110x200.png]
        [73]Hund 27.01.22
        [74]

        Packtaschen für Hunde - Wandern mit Hund leicht gemacht

        Kommentar schreiben

        Unbenannt
        ____________________ ____________________
        (BUTTON) Kommentar absenden

        Alle Kommentare (0)

        Uhr
        (BUTTON) Antworten

        Antworten
        (BUTTON) Antwort absenden
        Uhr
        Schreibe als erstes einen Kommentar!
        """),
}


@pytest.mark.parametrize("text", NO_COMMENTS.values(), ids=NO_COMMENTS.keys())
def test_pages_without_comments(text: str) -> None:
    doc = parse(text)
    assert doc.comments == ()
    assert doc.article_lines


def test_lists_inside_a_comment_stay_in_its_text() -> None:
    helen = parse(LAYOUTS["comment-with-its-own-lists"].page).comments[0]
    assert "• Keep the bar close to your body." in helen.text
    assert "3. Skipping the warm-up." in helen.text
    assert helen.text.endswith("Hope this helps.")


def test_header_lines_belong_to_their_comment() -> None:
    doc = parse(LAYOUTS["wordpress-avatar-lines-reply-arrow"].page)
    headers = [(ln.text.strip(), ln.comment_id) for ln in doc.lines_with(LineRole.COMMENT_HEADER)]
    first = doc.comments[0].comment_id
    assert headers[:2] == [("Tom Baker's avatar", first), ("Tom Baker", first)]


def test_a_review_widgets_rating_lines_are_no_part_of_a_comments_text() -> None:
    """'5 Sterne' under the date (a recipe plugin's stars, printed as words), '(4/5)' after the
    words: the widget's lines stay on the page as the comment's meta, not in its text."""
    page = ("Shakshuka\n\nDas Rezept selbst steht hier, mit allen Zutaten und Schritten.\n\n2 Kommentare\n\n"
            "Alf meint\nNovember 19, 2024 at 9:00 pm\n5 Sterne\nHabe es heute nach Deinem Rezept gekocht.\n"
            "Antworten\n\nAnita meint\nNovember 14, 2024 at 3:27 pm\nKönnte ich sehr mögen.\n(4/5)\nAntworten\n")
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("Alf", "Habe es heute nach Deinem Rezept gekocht."), ("Anita", "Könnte ich sehr mögen.")]
    assert lines_with_text(doc, "5 Sterne") == [LineRole.COMMENT_META]
    assert lines_with_text(doc, "(4/5)") == [LineRole.COMMENT_META]


def test_a_swedish_comment_list_under_its_heading() -> None:
    """'Kommentarer (2)' announces the thread; each item's name and date ('20 augusti, 2017') head a comment."""
    page = ("Margarita\n\nEn klassisk drink med tequila, lime och apelsinlikör, skakad med is.\n\n"
            "Kommentarer (2)\n\n     * Mats 20 augusti, 2017 at 15:34 Svara\n"
            "       Klassiker. Kräver en riktig god tequila bara.\n"
            "     * Gabriella 25 maj, 2021 at 09:10 Svara\n       Som det sagts tidigare, en fenomenal drink!\n")
    doc = parse(page)
    assert [(c.author, c.date, c.text) for c in doc.comments] == [
        ("Mats", "2017-08-20T15:34", "Klassiker. Kräver en riktig god tequila bara."),
        ("Gabriella", "2021-05-25T09:10", "Som det sagts tidigare, en fenomenal drink!")]


def test_the_word_before_a_date_the_page_never_filled_in_is_no_part_of_the_text() -> None:
    """A theme that prints each comment's date by script leaves its connector alone in a dump
    ('[41]at' in lynx): the line is the header's, and the words under it are the comment."""
    page = ("Refinishing an Oak Dresser\n\nStripping the old varnish took a weekend and two coats of oil.\n\n"
            "3 Comments\n\n    1.\n   [40]Dora Lane says:\n       [41]at\n       What oil did you use?\n"
            "    2.\n   Ned Ross says:\n       [42]at\n       Lovely grain, well done.\n"
            "    3.\n   Tess Moor says:\n       um\n       Sehr schön geworden.\n")
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("Dora Lane", "What oil did you use?"), ("Ned Ross", "Lovely grain, well done."),
        ("Tess Moor", "Sehr schön geworden.")]
    assert set(lines_with_text(doc, "[41]at")) == {LineRole.COMMENT_META}


PHPBB_THREAD = """\
Kefir grains from a friend - Fermenting Forum

   [21]Post Reply
   3 posts • Page 1 of 1

   [29]User avatar
          [30]Ann Teller
          Posts: [31]524
          Joined: Mon Jul 24, 2017 9:28 am
          Location: Leeds

          [32]Website

[33]Kefir grains from a friend

     * [34]Quote

   [35]Post by [36]Ann Teller » Sat Feb 24, 2024 12:41 pm
   A friend gave me a spoonful of milk kefir grains last week and they
   seem slow. How long before they make a full jar in a day?
   [37]Top

   [38]User avatar
          Topic Author
          [39]Bo Lind
          Posts: [40]12
          Joined: Wed Jun 09, 2021 11:36 pm

[41]Re: Kefir grains from a friend

     * [42]Quote

   [43]Post by [44]Bo Lind » Sat Feb 24, 2024 1:05 pm

   [45]Ann Teller wrote: Sat Feb 24, 2024 12:41 pm
   How long before they make a full jar in a day?

   Give them two weeks of fresh milk every day; they speed up once they
   have settled in.
   [46]Top

   [47]User avatar
          [48]Cy Moor
          Posts: [49]2630
          Joined: Wed Apr 24, 2019 2:19 am

[50]Re: Kefir grains from a friend

     * [51]Quote

   [52]Post by [53]Cy Moor » Sat Feb 24, 2024 5:12 pm
   Mine took a month in a cold kitchen.
   [54]Top
"""


def test_a_forum_thread_under_its_posters_columns_phpbb() -> None:
    """phpBB as lynx prints it: each post's column (avatar, name, a role, 'Posts: N', 'Joined: DATE' beside
    their values, a profile link), then its subject, a quote button and 'Post by NAME » DATE' over the text.
    The column heads the post (the thread's opening post too); the facts, the subject 'Re: ...' and the
    byline are no text; 'Ann Teller wrote: DATE' quotes a post inside one, it heads no comment."""
    doc = parse(PHPBB_THREAD)
    assert [(c.author, c.depth) for c in doc.comments] == [("Ann Teller", 0), ("Bo Lind", 0), ("Cy Moor", 0)]
    ann, bo, cy = (c.text for c in doc.comments)
    assert ann.startswith("A friend gave me") and bo.startswith("Give them two weeks") and cy.startswith("Mine took")
    assert not any("Joined" in text or "Re: Kefir" in text or "Post by" in text or "wrote:" in text
                   for text in (ann, bo, cy))
    for text in ("Joined: Mon Jul 24, 2017 9:28 am", "Topic Author"):
        assert set(lines_with_text(doc, text)) <= {LineRole.COMMENT_META, LineRole.COMMENT_HEADER}, text


PHPBB_LATER_PAGE = """\
Kefir grains from a friend - Page 2 - Fermenting Forum

   12 posts • [21]Page 2 of 2 • [22]1, 2
     * [23]Reply with quote

[24]Re: Kefir grains from a friend

   [25]Post by [26]Ann Teller » Sun Feb 25, 2024 8:02 am
   They doubled overnight once I moved the jar next to the stove.
   Thanks for the tips everyone.
   Grains in, kefir out
   ~ Leeds fermenters ~

   [27]User avatar
          [28]Ann Teller
          Kefir Master

          Posts: 524
          Joined: Mon Jul 24, 2017 9:28 am

   [29]Top
     __________________________________________________________________

     * [30]Reply with quote

[31]Re: Kefir grains from a friend!

   [32]Post by [33]Bo Lind » Sun Feb 25, 2024 9:15 am

   Ann Teller wrote:They doubled overnight once I moved the jar next to
   the stove.

   Warmth does that. Keep them under 25 degrees or they sour fast.

   [34]User avatar
          [35]Bo Lind
          Regular

          Posts: 12
          Joined: Wed Jun 09, 2021 11:36 pm

   [36]Top
     __________________________________________________________________

     * [37]Reply with quote

[38]Re: Kefir grains from a friend

   [39]Post by [40]Ann Teller » Sun Feb 25, 2024 10:40 am
   Under 25, noted. Mine sit at about 22 now.
   Grains in, kefir out
   ~ Leeds fermenters ~

   [41]User avatar
          [42]Ann Teller
          Kefir Master

          Posts: 524
          Joined: Mon Jul 24, 2017 9:28 am

   [43]Top
"""


@pytest.mark.parametrize("converter", ["lynx", "w3m"])
def test_a_later_page_of_a_phpbb_thread_with_columns_under_the_posts(converter: str) -> None:
    """phpBB's prosilver prints each poster's column under their post, and a thread's second page opens
    with a reply above every column: each 'Post by NAME » DATE' heads a post and names its poster (w3m
    glues it: 'Postby NAME'), whatever column stands above it. lynx glues a quote to its intro ('Ann
    Teller wrote:They doubled ...'): a quote, not text. The lines that end two posts of one poster
    ('Grains in, kefir out' / '~ Leeds fermenters ~') are their signature, not text."""
    page = PHPBB_LATER_PAGE
    if converter == "w3m":
        page = re.sub(r"\[\d+\]", "", page).replace("Post by ", "Postby ")
    doc = parse(page)
    assert [(c.author, c.depth) for c in doc.comments] == [("Ann Teller", 0), ("Bo Lind", 0), ("Ann Teller", 0)]
    first, reply, last = (c.text for c in doc.comments)
    assert first.startswith("They doubled overnight") and first.endswith("Thanks for the tips everyone.")
    assert reply == "Warmth does that. Keep them under 25 degrees or they sour fast."
    assert last == "Under 25, noted. Mine sit at about 22 now."
    assert set(lines_with_text(doc, "~ Leeds fermenters ~")) == {LineRole.COMMENT_META}


def test_phpbb_3_2_numbers_its_posts_in_the_byline() -> None:
    """phpBB 3.2 puts each post's number before its byline ('#2 Post by NAME » DATE'): still the byline,
    a date line, not the first line of the post's text."""
    numbers = iter(range(1, 10))
    page = re.sub(r"(\[\d+\])Post by", lambda m: f"[9{next(numbers)}]#{next(numbers)} {m[1]}Post by", PHPBB_THREAD)
    assert page.count("#") == 3
    doc = parse(page)
    assert [(c.author, c.depth) for c in doc.comments] == [("Ann Teller", 0), ("Bo Lind", 0), ("Cy Moor", 0)]
    ann, bo, cy = (c.text for c in doc.comments)
    assert ann.startswith("A friend gave me") and bo.startswith("Give them two weeks") and cy.startswith("Mine took")


PHPBB_INSCRIPTIS = """\
Kefir grains from a friend - Fermenting Forum

        Ann Teller Posts: 524 Joined: 24 Jul 2017 09:28 Location: Leeds

            Kefir grains from a friend

              * Quote

            #1 Post by Ann Teller » 24 Feb 2024 12:41

              A friend gave me a spoonful of milk kefir grains last week and they seem slow.
          Top
        Bo Lind Posts: 12 Joined: 09 Jun 2021 23:36

            Re: Kefir grains from a friend

              * Quote

            #2 Post by Bo Lind » 24 Feb 2024 13:05

                Ann Teller wrote:A friend gave me a spoonful of milk kefir grains last week.
                  Cy Moor wrote:

                    Mine took a month in a cold kitchen.
                Slow is normal then?

              Give them two weeks of fresh milk every day; they speed up once settled.
          Top
        Cy Moor Posts: 2630 Joined: 24 Apr 2019 02:19

            Re: Kefir grains from a friend

              * Quote

            #3 Post by Cy Moor » 24 Feb 2024 17:12

                Bo Lind wrote:Give them two weeks of fresh milk every day.


              Two weeks worked for me too.
          Top
"""


def test_phpbb_quotes_as_inscriptis_indents_them() -> None:
    """inscriptis prints a phpBB poster's column on one line (no facts under a name) and each quote
    indented deeper than the post's own text, a quote inside a quote deeper still: 'NAME wrote:' under
    the bylines quotes a post, it heads no reply; the quote runs from its outer intro to the first line
    less indented, even when it is the intro's one line ('Bo Lind wrote:Give them ...')."""
    doc = parse(PHPBB_INSCRIPTIS)
    assert [(c.author, c.depth) for c in doc.comments] == [("Ann Teller", 0), ("Bo Lind", 0), ("Cy Moor", 0)]
    ann, bo, cy = (c.text for c in doc.comments)
    assert ann.startswith("A friend gave me")
    assert bo == "Give them two weeks of fresh milk every day; they speed up once settled."
    assert cy == "Two weeks worked for me too."
    assert set(lines_with_text(doc, "Cy Moor wrote:")) == {LineRole.COMMENT_QUOTE}


def test_facts_beside_their_values_need_two_known_labels() -> None:
    """'Label: value' lines are common in a comment's own text ('Location: Leeds' / 'Joined: the gym ...'):
    only two known profile labels make such lines a poster's facts, one is not enough."""
    page = ("My Portfolio Review\n\nHere is where I stand after selling the house this spring.\n\n2 Comments\n\n"
            "Ann Teller says:\nMarch 3, 2024 at 9:12 am\n\n"
            "Location: Leeds\nJoined: the gym in March\nHow should I start?\n\n"
            "Reply\n\nBo Lind says:\nMarch 4, 2024 at 8:00 am\n\nSlowly, and in index funds.\n\nReply\n")
    doc = parse(page)
    assert [c.author for c in doc.comments] == ["Ann Teller", "Bo Lind"]
    assert doc.comments[0].text.startswith("Location: Leeds\nJoined: the gym in March")


def test_a_date_without_its_year_after_posted_on_is_the_headers() -> None:
    """'Posted on 1/26 at 7:34 pm' under 'NAME says' (a recipe theme that leaves out the year): the header's
    date line, which the page's chrome rule for 'Posted ...' lines does not make the end of the comments.
    A photo's alt text printed twice ('green smoothie green smoothie', twice) names nobody."""
    page = ("Green Smoothie\n\nBlend the banana, spinach and milk until smooth, then serve it cold.\n\n"
            "   green smoothie green smoothie\n\n   green smoothie green smoothie\n\n"
            "Leave a Comment\n\n    1.\n   Hillary says\n       Posted on 1/26 at 7:34 pm\n"
            "       Loved this smoothie so much!\n       Reply\n          +\n        Erin says\n"
            "            Posted on 1/28 at 2:37 pm\n            So glad you loved it!\n            Reply\n")
    doc = parse(page)
    assert [(c.author, c.depth, c.text) for c in doc.comments] == [
        ("Hillary", 0, "Loved this smoothie so much!"), ("Erin", 1, "So glad you loved it!")]
    assert set(lines_with_text(doc, "Posted on 1/26 at 7:34 pm")) == {LineRole.COMMENT_META}


def test_numbered_forum_posts_with_the_poster_under_the_number_vbulletin() -> None:
    """vBulletin 4 as inscriptis prints it: '1. DATE #1' (a dashed date, '11-29-2024'), the poster's name
    under it, their menu ('View Profile' ...) and their facts run together on one line; then the text."""
    page = ("Buying web hosting\n\nA forum for web hosting customers and providers.\n\n"
            "             1. 11-29-2024, 09:03 AM #1\n                      HOSTLAR\n"
            "                        + View Profile\n                        + View Forum Posts\n"
            "                  Join Date Nov 2024 Posts 3\n\n"
            "                    What do you look at before you buy a hosting plan?\n"
            "             2. 11-29-2024, 01:50 PM #2\n                      AliOne\n"
            "                        + View Profile\n                        + View Forum Posts\n"
            "                  Join Date Aug 2004 Location Earth Posts 8,197\n\n"
            "                    Phone support, and how fast they answer it.\n")
    doc = parse(page)
    assert [(c.author, c.depth, c.text) for c in doc.comments] == [
        ("HOSTLAR", 0, "What do you look at before you buy a hosting plan?"),
        ("AliOne", 0, "Phone support, and how fast they answer it.")]
    assert [c.date for c in doc.comments] == ["2024-11-29T09:03", "2024-11-29T13:50"]


def test_a_logo_printed_over_every_commenters_name_is_no_author() -> None:
    """'1.' / 'Pinch of Yum Logo' / 'Melissa' / text / date: the site's logo (an image's alt text) stands
    over every comment's name; the name under it, different from comment to comment, is the author."""
    items = [("Melissa", "Can you make this in an instant pot?"), ("Niki", "Where does the paprika come in?"),
             ("Joan", "Lovely soup, thanks."), ("Ravi", "Froze well for a week."), ("Tess", "Added more garlic.")]
    head = "Broccoli Soup\n\nA creamy soup with cheddar, ready in thirty minutes on a weeknight.\n\n5 Comments\n\n"
    page = head + "".join(
        f"    {n}.\n   Yum Site Logo\n       {name}\n       {text}\n       09/0{n}/20 @ 10:21 am\n       Reply\n"
        for n, (name, text) in enumerate(items, 1))
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == items


def test_a_says_line_that_ends_a_wrapped_sentence_of_the_article_heads_nothing() -> None:
    """'... Just see what' / 'Susan said:' inside the article (lynx wrapped the sentence at 80 columns):
    the sentence goes on, so no comment starts there, and the comments below keep their section."""
    page = ("Best Chewy Brownies\n\n"
            "   These brownies are fudgy in the middle and crisp at the edges, and they take\n"
            "   twenty minutes. Read the comments below and you will want to bake them. Just see what\n"
            "   Susan said:\n\n"
            "   “These are the best brownies ever, my husband says so too.”\n\n"
            "   Bake them in a metal tin for the chewiest edges and let them cool completely.\n\n"
            "Leave a Reply\n\n   Comment * ______________________\n\n"
            "    1. [93]#\n       Ann — October 7, 2023 at 12:35 pm\n       Mine sank in the middle. Any ideas?\n"
            "       [94]Reply\n"
            "    2. [95]#\n       Bo — October 9, 2023 at 8:53 am\n       Perfect with walnuts.\n       [96]Reply\n")
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("Ann", "Mine sank in the middle. Any ideas?"), ("Bo", "Perfect with walnuts.")]
    assert lines_with_text(doc, "Susan said:") == [LineRole.ARTICLE]


def test_a_gravatar_glued_to_the_name_and_html2texts_double_dash() -> None:
    """w3m glues an avatar image's stem to the name ('[grav]Lori'); html2text prints an em dash between
    name and date as '--' ('**Ann** -- October 7, 2023 _at_ 12:35 pm'): neither is part of the name."""
    w3m = ("Beef Stroganoff\n\nA one-pan stroganoff with mushrooms and coconut cream, ready in half an hour.\n\n"
           "2 Comments\n\n  1. [grav]Lori\n     January 3, 2024 at 9:12 am\n"
           "     Any substitute for the coconut aminos?\n     Reply\n"
           "  2. [grav]Risa\n     January 4, 2024 at 8:00 am\n     Balsamic vinegar worked for me.\n     Reply\n")
    assert [c.author for c in parse(w3m).comments] == ["Lori", "Risa"]
    markdown = ("# Best Brownies\n\nFudgy in the middle and crisp at the edges, ready in twenty minutes flat.\n\n"
                "## 2 Comments\n\n  1. [#](https://x.org/#c1)\n\n**Ann** -- October 7, 2023 _at_ 12:35 pm\n\n"
                "Mine sank in the middle.\n\n[Reply](https://x.org/?r=1)\n\n  2. [#](https://x.org/#c2)\n\n"
                "**Bo** -- October 9, 2023 _at_ 8:53 am\n\nPerfect with walnuts.\n\n[Reply](https://x.org/?r=2)\n")
    assert [(c.author, c.text) for c in parse(markdown).comments] == [
        ("Ann", "Mine sank in the middle."), ("Bo", "Perfect with walnuts.")]


def test_a_row_of_stars_under_a_comment_is_its_rating_not_a_reply() -> None:
    """inscriptis prints a review's stars with spaces between them ('★ ★ ★ ★ ★'), and '★' is one of w3m's
    list bullets: the row is the rating (left out of the text), no reply of its own."""
    page = ("Sourdough Rolls\n\nSoft rolls from an active starter, shaped the night before, baked in the morning.\n\n"
            "Comments\n\n   1. Whitney says\n\n      October 13, 2023 at 6:36 pm\n\n"
            "        This recipe is fantastic!\n\n"
            "        ★ ★ ★ ★ ★\n\n        Reply\n\n"
            "   2. Cindy says\n\n      October 8, 2023 at 11:43 am\n\n        My mom had a starter for 40 years.\n\n"
            "        ★ ★ ★ ★\n\n        Reply\n")
    doc = parse(page)
    assert [(c.author, c.depth, c.text) for c in doc.comments] == [
        ("Whitney", 0, "This recipe is fantastic!"), ("Cindy", 0, "My mom had a starter for 40 years.")]


def test_a_row_of_empty_list_items_is_a_widgets_icons() -> None:
    """inscriptis prints a review's stars as icons, one empty list item each ('* ' five times), between
    the name (glued to how long ago) and the text: icons, no list item that would head the next text."""
    stars = "".join("                    * \n" for _ in range(5))
    page = ("Squash Mac and Cheese\n\nA creamy sauce from roasted squash, blended with oat milk and miso.\n\n"
            "Comments\n\n"
            "                      Jerrie6 months ago\n                      Reply\n" + stars +
            "\n                  Had absolutely no flavour, a definite miss.\n\n"
            "                      Maria1 year ago\n                      Reply\n" + stars +
            "\n                  I added cubed squash after the onion and it was good.\n\n"
            "                      Sandy1 year ago\n                      Reply\n\n"
            "                  I had more sauce than needed, so I made a soup of it.\n")
    doc = parse(page)
    assert [(c.author, c.depth, c.text[:20]) for c in doc.comments] == [
        ("Jerrie", 0, "Had absolutely no fl"), ("Maria", 0, "I added cubed squash"),
        ("Sandy", 0, "I had more sauce tha")]



@pytest.mark.parametrize(("bullet", "sub", "dash", "indent"), [
    ("*", "+", "—", "       "),  # lynx: the signature a sub-list item, the text's lines indented
    ("*", "*", "--", ""),  # html2text: the em dash as '--', the text's lines flush left
])
def test_a_signature_in_a_list_of_its_own_under_the_text(bullet: str, sub: str, dash: str, indent: str) -> None:
    """A theme that prints the text first and then '— NAME on DATE' and 'Reply' as a list under it:
    each signature signs the text above it off, and the dash is no part of the name."""
    def item(words: str, more: str, name: str, date: str) -> str:
        return (f"     {bullet} {words}\n{indent}{more}\n          {sub} {dash} {name} on {date}\n"
                f"          {sub} Reply\n")
    page = ("Black Bean Salad\n\nBlack beans, corn and peppers in a chipotle and honey vinaigrette, made ahead.\n\n"
            "Comments\n\n" + item("I wanted to eat the whole thing myself.", "I did cook my onions a bit.",
                                  "Patti", "August 31, 2023")
            + item("A very nice combination of ingredients.", "My husband would eat it every day.",
                   "Kimberly Maxey", "July 27, 2023")
            + item("Wonderful addition to any summer party.", "We grilled the corn instead.", "Gail", "July 25, 2023"))
    doc = parse(page)
    assert [(c.author, c.text.split("\n")[0]) for c in doc.comments] == [
        ("Patti", "I wanted to eat the whole thing myself."),
        ("Kimberly Maxey", "A very nice combination of ingredients."),
        ("Gail", "Wonderful addition to any summer party.")]


def test_a_name_and_a_bulleted_date_with_on_between() -> None:
    """Deadline's WordPress VIP theme prints 'NAME • on DATE' over each comment, replies in nested lists."""
    page = ("Kong Raises Its Opening\n\nThe film opened to $61M over the weekend, beating projections.\n\n"
            "3 Comments\n\n"
            "    1. Scott • on Mar 12, 2017 3:24 am\n       Given that it made 50% more, this is a negative article.\n"
            "       [68]Reply\n"
            "          + Micky • on Mar 12, 2017 1:17 pm\n            You are not considering what Wanda wants.\n"
            "            [70]Reply\n"
            "    2. Ted • on Mar 12, 2017 7:36 am\n       Logan is the best Wolverine film.\n       [72]Reply\n")
    doc = parse(page)
    assert [(c.depth, c.author, c.text) for c in doc.comments] == [
        (0, "Scott", "Given that it made 50% more, this is a negative article."),
        (1, "Micky", "You are not considering what Wanda wants."),
        (0, "Ted", "Logan is the best Wolverine film.")]


def test_a_month_and_day_with_a_clock_time_and_a_score_with_its_votes() -> None:
    """Japan Today: the name, 'Oct. 23 04:51 pm JST' (no year), the text, the score with its ups and
    downs ('3 ( +5 / -2 )'); another article's teaser under the thread ('National' / a date / '24
    Comments') is no comment."""
    page = ("Typhoon leaves 2 dead\n\nThe storm brought heavy rain to western Japan on Monday and Tuesday.\n\n"
            "2 Comments\n[54]Login to comment\n\n"
            "[55]Dango bong\n\n   Oct. 23 04:51 pm JST\n\n   Do not drive cars or boats in typhoons, people.\n"
            "   3 ( +5 / -2 )\n\n"
            "[56]smithinjapan\n\n   Oct. 23 05:51 pm JST\n\n   The boating incident seems odd to me.\n"
            "   5 ( +6 / -1 )\n\n"
            "[68]National\n\n   Oct. 24 05:35 am JST\n   [69]24 Comments\n\n"
            "[70]Pharmacies take steps to better serve foreigners\n\n   Oct. 24 03:45 pm JST\n   [71]9 Comments\n")
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("Dango bong", "Do not drive cars or boats in typhoons, people."),
        ("smithinjapan", "The boating incident seems odd to me.")]
    assert set(lines_with_text(doc, "3 ( +5 / -2 )")) == {LineRole.COMMENT_META}


def test_lines_every_comment_opens_with_are_the_comment_systems() -> None:
    """An old wpDiscuz as lynx prints it: each comment's text opens with the same share links and
    report notice, the system's, not the reader's; with only two comments nothing is dropped."""
    chrome = ("   [35]Share On Twitter[36]Share On Google\n"
              "   Click to flag and open «Comment Reporting» form. Your report will be anonymous.\n\n")
    def page(comments: list[tuple[str, str]]) -> str:
        return ("Galaxy Tab S3 priced at $600\n\nSamsung's new tablet goes on sale next week in Europe.\n\n"
                f"{len(comments)} Comments\n\n"
                + "".join(f"{name} says:\nMarch {n + 1}, 2017 at 9:0{n} am\n{chrome}   {words}\n   Reply\n\n"
                          for n, (name, words) in enumerate(comments)))
    three = [("tet", "600 for a tablet that will never get an update."), ("Jerry", "Are those Canadian dollars?"),
             ("ncguy68", "Cheap plastic again, for $600.")]
    doc = parse(page(three))
    assert [(c.author, c.text) for c in doc.comments] == three
    two = parse(page(three[:2]))
    assert all(c.text.startswith("[35]Share On Twitter") or c.text.startswith("Share On Twitter")
               for c in two.comments) and len(two.comments) == 2


def test_a_time_before_the_date_with_a_score_and_buttons() -> None:
    """Sputnik: the name, then '02:37 09.04.2017 | 0 | Edit | Delete' (the time before the date, the
    likes and the buttons on one line), then the text."""
    page = ("Who ends up on the watchlist\n\nThe agency removed thousands of names from its list last year. "
            "It said most were old entries.\n\nAll comments\n\n     * Reply\n       avatar\n\n"
            "[57]sallysnyder56\n       02:37 09.04.2017 | 0 | Edit | Delete\n"
            "       Here is an interesting look at the watchlist.\n     * Reply\n       avatar\n\n"
            "[60]michael\n       04:32 09.04.2017 | 2 | Edit | Delete\n"
            "       Resources might be a small part of the answer.\n")
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("sallysnyder56", "Here is an interesting look at the watchlist."),
        ("michael", "Resources might be a small part of the answer.")]


def test_texts_signed_off_by_the_header_below_them() -> None:
    """Movable Type, TypePad, SFGate: each comment's text, then 'Posted by: NAME at DATE' under it; the
    form after the last one. The name belongs to the text above it, not to the next comment's."""
    comments = [("John", "I dislike the term. It means nothing and it is vague.\n\n   A second paragraph.", "05:48 PM"),
                ("Groggy", "Management by abdication is a dangerous path:\n   1. one\n   2. two", "07:54 PM"),
                ("Gabriel", "The viewer is nothing but a black screen on my PC.", "08:14 PM")]
    page = ("Vibe coding\n\nThe article body says a few things about coding with a model.\n\nComments\n\n"
            + "".join(f"   {text}\n\n   Posted by: {name} at December 18, 2025 {time}\n\n"
                      for name, text, time in comments)
            + "Post a comment\n\n   Name: ____\n")
    doc = parse(page)
    assert [(c.author, c.text.split()[0], c.date) for c in doc.comments] == [
        (name, text.split()[0], f"2025-12-18T{int(time[:2]) + 12}:{time[3:5]}") for name, text, time in comments]
    assert "A second paragraph." in doc.comments[0].text and "2. two" in doc.comments[1].text
    assert set(lines_with_text(doc, "Posted by: John at December 18, 2025 05:48 PM")) == {LineRole.COMMENT_HEADER}


def test_signatures_right_under_wrapped_texts() -> None:
    """TypePad (Coding Horror) as lynx prints it: no blank line between a text and its signature
    ('[30]LnxWalt on February 12, 2010 11:32 PM'), a text wrapped at 72 columns right above it, a reader's
    own name over the signature, a quote's 'NAME wrote:' opening the next text, and the comment
    form's 'Verify your Comment' after the last signature."""
    wrapped = ("   Another thing you might think about (if TypePad supports it) is getting\n"
               "   a few trusted people to help you moderate comments and trackbacks.\n")
    page = ("Welcome Back Comments\n\nThe article says the comments are back on the blog after a long time.\n\n"
            "   Comments\n\n" + wrapped + "   [30]LnxWalt on February 12, 2010 11:32 PM\n\n"
            "   Keep the good posts coming.\n\n   Juan Zamudio\n   [31]Juan Zamudio on February 14, 2010 11:10 PM\n\n"
            "   So you are afraid of anonymous comments.\n   [32]Rod Sanders on February 15, 2010 12:35 AM\n\n"
            "   Rod Sanders wrote:\n\n     So you are afraid of anonymous comments.\n\n"
            "   If this is true, why do you care?\n   [33]Jeff Sternal on February 15, 2010 6:01 AM\n\n"
            "Verify your Comment\n\nPreviewing your Comment\n\nPost a comment\n")
    doc = parse(page)
    assert [(c.author, c.text.split()[0], c.date) for c in doc.comments] == [
        ("LnxWalt", "Another", "2010-02-12T23:32"), ("Juan Zamudio", "Keep", "2010-02-14T23:10"),
        ("Rod Sanders", "So", "2010-02-15T00:35"), ("Jeff Sternal", "Rod", "2010-02-15T06:01")]
    assert "why do you care?" in doc.comments[3].text and "trackbacks." in doc.comments[0].text


def test_a_signature_under_a_reader_s_link_is_no_rest_of_the_address() -> None:
    """Movable Type's default list as lynx prints it (OUseful Info): a text that ends with a web
    address, then 'Posted by: NAME at DATE'. The header is no rest of an address broken at the wrap
    column (that starts with the address's characters: '-Aberglaube-den-Tod-bringt 15.05.19')."""
    page = ("coComment\n\nThe post asks whether readers would use coComment on this old blog.\n\n   Comments\n\n"
            "   So what OU content can I view on my iPod Touch and Asus eeePC?\n"
            "   Posted by: [18]AJ Cann at March 18, 2008 12:39 PM\n\n"
            "   http://tpu.bluemountains.net/\n   Posted by: [19]Leigh at March 18, 2008 12:41 PM\n\n"
            "   Liam's the one to ask - he got moodle running with openlearn content in it -\n\n"
            "   http://www.greenhughes.com/content/installing-moodle-asus-eee-pc\n"
            "   Posted by: [21]Tony Hirst at March 18, 2008 02:59 PM\n\nReferences\n\n   1. http://example.org/\n")
    doc = parse(page)
    assert [(c.author, c.text.split()[0]) for c in doc.comments] == [
        ("AJ Cann", "So"), ("Leigh", "http://tpu.bluemountains.net/"), ("Tony Hirst", "Liam's")]


def test_by_name_over_a_date_lists_comments_after_the_comments_heading() -> None:
    """The Palm Beach Post (2007) as lynx prints it: the article's own 'By NAME' byline, then under
    'Comments' each comment as 'By NAME' / 'Dec 30, 2007 7:06 PM | Link to this' / its text. Three or
    more such bylines after the heading are the comments' headers; the article's stays a byline."""
    comments = [("DUMAS", "7:06 PM", "Why hasn't anybody been fired yet?"),
                ("James", "6:14 PM", "Wow, a column based wholly on speculation."),
                ("maoriii", "1:11 PM", "So in your calculus there is no room for the idea.")]
    page = ("Parcells' plan\n\n   By Greg Stoda\n\n   Dec 27, 2007 10:00 AM\n\n"
            "   DAVIE - Linebacker Joey Porter knew as soon as he pulled into the parking lot that things\n"
            "   had changed.\n\n"
            "Comments\n\n" + "".join(f"   By {name}\n\n   Dec 30, 2007 {time} | [13{n}]Link to this\n\n   {text}\n\n"
                                      for n, (name, time, text) in enumerate(comments)))
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [(name, text) for name, _, text in comments]
    assert doc.comments[0].date == "2007-12-30T19:06"
    assert "Joey Porter" in doc.article
    one = page.split("   By James")[0]  # one 'By NAME' after the heading: no list, as before
    assert not any(c.author == "DUMAS" for c in parse(one).comments)


def test_a_place_after_every_name_is_the_site_s_field() -> None:
    """Newsquest's papers (The Bolton News, 2008): 'Posted by: NAME, PLACE on DATE' over each text, one
    reader leaving the place empty; the place is no part of the name."""
    posts = [("tom3465, farnworth", "As long as he does not take advice."), ("donmarg, bolton", "Why not the rest?"),
             ("King Eric", "Give it a rest about Amir."), ("tax payer, Bolton", "I'm bitter that he has fame.")]
    page = ("Sajid\n\nThe article says that the boxer was honoured in the new year list of the queen.\n\nComments\n\n"
            + "".join(f"   Posted by: {name} on 8:2{n}pm Tue 1 Jan 08\n\n   {text}\n\n"
                      for n, (name, text) in enumerate(posts)))
    assert [c.author for c in parse(page).comments] == ["tom3465", "donmarg", "King Eric", "tax payer"]
    two = "".join(f"   Posted by: {name} on 8:2{n}pm Tue 1 Jan 08\n\n   {text}\n\n" for n, (name, text) in enumerate(
        [("Smith, John", "A comment."), ("Ann", "Another one."), ("Bob", "A third one.")]))
    one_placed = parse(page.split("Comments")[0] + "Comments\n\n" + two)
    assert [c.author for c in one_placed.comments] == ["Smith, John", "Ann", "Bob"]


def test_headers_over_their_texts_stay_there_when_the_last_one_has_its_text() -> None:
    """The usual layout: the last header has its text under it, so each header opens the text below."""
    page = ("Vibe coding\n\nThe article body says a few things about coding with a model.\n\nComments\n\n"
            "   Posted by: John at December 18, 2025 05:48 PM\n\n   I dislike the term.\n\n"
            "   Posted by: Groggy at December 18, 2025 07:54 PM\n\n   Management by abdication.\n\n"
            "   Posted by: Gabriel at December 18, 2025 08:14 PM\n\n   A black screen on my PC.\n\n"
            "Post a comment\n")
    assert [(c.author, c.text) for c in parse(page).comments] == [
        ("John", "I dislike the term."), ("Groggy", "Management by abdication."),
        ("Gabriel", "A black screen on my PC.")]


def test_a_comment_count_with_the_form_s_link_glued_on_opens_the_comments() -> None:
    """NOLA.com as lynx prints it: 'COMMENTS (3)[74]Post a comment' right under the article's last line,
    then 'Posted by NAME on DATE' over each text and a 'Post a comment' link under it."""
    page = ("First lady\n\nThe article says a few things about the new first lady of the state.\n"
            "   COMMENTS (3)[74]Post a comment\n"
            + "".join(f"   Posted by {name} on [7{n}]01/13/08 at 1:0{n}PM\n\n   {text}\n   Inappropriate? Alert us.\n"
                      f"   [comments.gif] [8{n}]Post a comment\n"
                      for n, (name, text) in enumerate([("nolasad", "What a wonderful story."),
                                                         ("Wispa", "I agree with you 100%."),
                                                         ("nolalova", "Awesome!")])))  # fmt: skip
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("nolasad", "What a wonderful story."), ("Wispa", "I agree with you 100%."), ("nolalova", "Awesome!")]
    assert "The article says" in doc.article


def test_an_avatar_s_alt_text_before_by_name_at_date() -> None:
    """Gizmodo 2008 as lynx prints it: 'Image of Gann BY GANN AT 01/08/08 05:32 PM' (the avatar's alt
    text glued on) over each text; the article's own 'By NAME at DATE' byline stays the article's."""
    page = ("Belt buckle\n\nBy Mark Wilson at 01/08/08 04:30 PM\n\nA belt buckle that senses your air guitar, "
            "for thirty dollars this March.\n\nComments\n\n"
            "   [72]No commenter image uploaded BY [73]TAROCHAN AT [74]01/08/08 05:30 PM\n\n"
            "   Does it come with the wig?\n     ______________________________\n\n"
            "   [78]Image of Gann BY [79]GANN AT [80]01/08/08 05:32 PM\n\n   that was painful to watch\n")
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [("TAROCHAN", "Does it come with the wig?"),
                                                           ("GANN", "that was painful to watch")]
    assert "A belt buckle" in doc.article


def test_a_recipe_index_of_names_over_short_lines_is_no_thread() -> None:
    """w3m prints a site's recipe index as bulleted names, each over a line of a few words ('• Kimchi' /
    'Essential Korean dish'): the shape of names over texts, but seven in a row that nothing proves to
    be comments (no header pattern, no date), none longer than a few words, are a list."""
    index = [("Kimchi", "Essential Korean dish"), ("Side dishes", "Banchan makes the meal"),
             ("Rice", "Our most important grain"), ("Pancakes", "Savory & simple"),
             ("Stews", "Jjigae is our comfort food"), ("Noodles", "Long noodles = long life!"),
             ("Soups", "Guk at every meal")]
    page = ("Pepper chicken\n\nFry the chicken twice for a crisp crust, then toss it in the sweet and sour sauce.\n\n"
            "Recipes by category:\n\n" + "".join(f"  • {name}\n\n    {line}\n\n" for name, line in index))
    doc = parse(page)
    assert doc.comments == ()
    assert "Fry the chicken twice" in doc.article
    assert {ln.role for ln in doc.lines if "Kimchi" in ln.text or "Savory" in ln.text} == {LineRole.BOILERPLATE}


def test_short_comments_under_says_headers_stay_comments() -> None:
    """Seven readers' three-word thanks in a row, undated: their 'NAME says:' headers prove them comments."""
    names = ["Ann", "Bob", "Cy", "Di", "Ed", "Flo", "Gus"]
    page = ("Pepper chicken\n\nFry the chicken twice for a crisp crust, then toss it in the sweet and sour sauce.\n\n"
            "Comments\n\n" + "".join(f"{name} says:\n\nThanks, so good!\n\n" for name in names))
    assert [(c.author, c.text) for c in parse(page).comments] == [(name, "Thanks, so good!") for name in names]


def test_a_number_and_an_avatar_over_the_name_with_the_date_under_the_text() -> None:
    """html2text on a recipe blog: '1. ![Site Logo](avatar)' (the site's logo for a reader without a
    picture), the name, the text, then the date as a link and 'Reply'; replies are the sub-list's items."""
    def item(mark: str, name: str, text: str, when: str, n: int) -> str:
        return (f"{mark} ![Pinch of Yum Logo](https://secure.gravatar.com/avatar/{n}?s=75&r=g)\n\n{name}\n\n{text}\n\n"
                f"[{when}](https://blog.example/soup#comment-{n})\n\nReply\n\n")
    page = ("# Broccoli cheese soup\n\nCheddar, broccoli and a little paprika, ready in thirty minutes.\n\n"
            "### 3 Comments\n\n"
            + item("  1.", "Melissa", "Can you make this in an instant pot?", "09/18/20 @ 10:21 am", 1)
            + item("     1.", "Eman @ Pinch of Yum", "We haven't tested it in the Instant Pot yet.",
                   "09/18/20 @ 2:08 pm", 2)
            + item("  2.", "Niki", "Where does the paprika come in?", "09/19/20 @ 10:37 am", 3))
    doc = parse(page)
    assert [(c.author, c.depth, c.text, c.date) for c in doc.comments] == [
        ("Melissa", 0, "Can you make this in an instant pot?", "2020-09-18T10:21"),
        ("Eman @ Pinch of Yum", 1, "We haven't tested it in the Instant Pot yet.", "2020-09-18T14:08"),
        ("Niki", 0, "Where does the paprika come in?", "2020-09-19T10:37")]


def test_teasers_whose_headers_have_no_text_are_no_comments() -> None:
    """html2text's related-articles teasers under a thread: an author link over a date, a comment count and
    the title as a heading; a header without a word of text (and no reply that has one) is no comment."""
    teaser = ("[{name}](https://news.example/author/{n}/ \"Articles by {name}\")\n\n{date}\n\n"
              "[12](https://news.example/{n}/story/#comments)\n\n### [{title}](https://news.example/{n}/story/)\n\n")
    page = ("# Parity in the law\n\nThe new law sets the same rules for every region, and it starts in March.\n\n"
            "### 1 comment\n\n  1. **Abdelkrim D.** says:\n\n     19/02/2020 at 10:15\n\n"
            "     It is a moment in a people's history when the law must speak for everyone.\n\n### Related\n\n"
            + teaser.format(name="Samir Dridi", n=1, date="28/09/2019", title="Driving licences: a privilege?")
            + teaser.format(name="Hella Lahbib", n=2, date="16/10/2019", title="Schools reopen on Monday"))
    doc = parse(page)
    assert [c.author for c in doc.comments] == ["Abdelkrim D."]
    assert {ln.role for ln in doc.lines if "Dridi" in ln.text or "Lahbib" in ln.text} == {LineRole.BOILERPLATE}


@pytest.mark.parametrize("separator", ["*", "•", "|"])
def test_a_date_with_its_buttons_after_a_separator(separator: str) -> None:
    """'DATE * Reply' (html2text prints the bullet between a date link and the button as '*'): a date line."""
    page = ("Veggie burger\n\nBlack beans, oats and a little smoked paprika, fried in a pan.\n\n### 2 Comments\n\n"
            + "".join(f"  {n}. ![](https://secure.gravatar.com/avatar/{n}?s=72)\n\n{name}\n\n"
                      f"[ August {n}, 2021 at 7:19 am](https://blog.example/b/#comment-{n})  {separator}  Reply\n\n"
                      f"{text}\n\n" for n, name, text in [(1, "Rikke", "We grilled them and the teenager loved them."),
                                                         (2, "Elisabeth", "Only blend the beans briefly next time.")]))
    doc = parse(page)
    assert [(c.author, c.date, c.text) for c in doc.comments] == [
        ("Rikke", "2021-08-01T07:19", "We grilled them and the teenager loved them."),
        ("Elisabeth", "2021-08-02T07:19", "Only blend the beans briefly next time.")]


def test_share_buttons_printed_as_empty_emphasis_links_are_nothing() -> None:
    """wpDiscuz as html2text prints it: each icon an empty emphasis ('__'), the share buttons links around
    them ('[__](https://twitter.com/intent/tweet?text=...)'), glued on one line: no text field ('______')
    that would end the thread, nothing a reader sees."""
    def comment(name: str, ago: str, text: str, n: int) -> str:
        share = (f"[__](https://twitter.com/intent/tweet?text={text[:20]}... &url=https%3A%2F%2Fblog.example"
                 f"%2Fcookies%2F%23comment-{n} \"Share On Twitter\")[__](https://vk.com/share.php?url="
                 f"https://blog.example/cookies/ \"Share On VKontakte\")")
        return f"{name}\n\n__{ago}\n\n__\n\n{share}\n\n__\n\n{text}\n\n0\n\nReply\n\n"
    page = ("# Soft gingerbread cookies\n\nMolasses, ginger and cinnamon; chill the dough for an hour.\n\n"
            "28 Comments\n\nMost Voted __\n\nNewest Oldest\n\n__ __\n\n"
            + comment("Harmony", "1 year ago", "I am trying out for a fall cookie contest.", 1)
            + comment("Kim", "2 years ago", "What if you don't have buttermilk?", 2))
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("Harmony", "I am trying out for a fall cookie contest."), ("Kim", "What if you don't have buttermilk?")]


def test_a_byline_wrapped_before_its_year_and_avatar_links_over_subjects() -> None:
    """A Drupal community site as html2text prints it: each comment an avatar linked to the profile (a list
    item of one image), the subject as a heading, the byline 'Verfasst von NAME am 30. Juli' wrapped
    before its year ('2022 - 13:28.'), the text, and the site's 'log in or register' line."""
    def comment(name: str, n: int, subject: str, day: str, time: str, text: str) -> str:
        return (f"  * [ ![{name} avatar](/user/picture/{n}/thumb) ](/user/{n} \"Benutzerprofil anzeigen\")\n\n"
                f"###  {subject}\n\n"
                f"Verfasst von [{name}](/user/{n} \"Benutzerprofil anzeigen\") am {day}\\. Juli\n2022 - {time}.\n\n"
                f"{text}\n\nMelde dich an oder registriere dich um Kommentare schreiben zu können\n\n")
    page = ("# Nudelsalat\n\nNudeln, Rucola, Tomaten und ein Dressing aus Weißweinessig.\n\n##  Kommentare\n\n"
            + comment("koala100", 124685, "Kann man den Salat auch schon...", "30", "12:43",
                      "Kann man den Salat auch schon einen Tag vorher zubereiten?")
            + comment("seidolinos", 698027, "Ja, kann man.", "30", "13:20", "Ja, kann man. Die Tomaten lieber frisch."))
    doc = parse(page)
    assert [(c.author, c.date, c.text) for c in doc.comments] == [
        ("koala100", "2022-07-30T12:43", "Kann man den Salat auch schon einen Tag vorher zubereiten?"),
        ("seidolinos", "2022-07-30T13:20", "Ja, kann man. Die Tomaten lieber frisch.")]


def test_names_over_weekday_dates_under_the_reply_form() -> None:
    """A recipe theme that prints neither a comments heading nor a reply button: the reply form, then each
    comment as the name, a blank line, the date with its weekday ('Thursday 3rd of August 2023'; the
    weekday is no name) and the text. Three or more named and dated heads under the form are the comments."""
    thread = [("Helen", "Thursday 3rd of August 2023", "Came out just like it was supposed to, light and lovely."),
              ("Eileen Gray", "Friday 4th of August 2023", "Thanks, Helen!"),
              ("Jen", "Wednesday 29th of June 2022", "What is the weight of the sourdough starter?"),
              ("Eileen Gray", "Wednesday 29th of June 2022", "It's 8 oz. I'll fix the recipe.")]
    page = ("Sourdough bundt cake\n\n   Sour cream and starter make a tender crumb; bake it for an hour.\n\n"
            "   Click here to cancel reply.\n   Recipe Rating\n\n"
            + "".join(f"   {name}\n\n   {when}\n\n   {text}\n\n" for name, when, text in thread))
    doc = parse(page)
    assert [(c.author, c.date, c.text) for c in doc.comments] == [
        ("Helen", "2023-08-03", thread[0][2]), ("Eileen Gray", "2023-08-04", thread[1][2]),
        ("Jen", "2022-06-29", thread[2][2]), ("Eileen Gray", "2022-06-29", thread[3][2])]


def test_two_named_and_dated_lines_under_a_form_are_no_comment_list() -> None:
    """The rule above wants three heads: a related post's author and date under the form are not enough."""
    page = ("Sourdough bundt cake\n\n   Sour cream and starter make a tender crumb; bake it for an hour.\n\n"
            "   Click here to cancel reply.\n\n   Eileen Gray\n\n   Thursday 3rd of August 2023\n\n"
            "   Our brown butter almond cake uses the same pan.\n\n   Eileen Gray\n\n   Friday 4th of August 2023\n\n"
            "   Chocolate shortcake biscuits for the summer.\n\n")
    assert parse(page).comments == ()


def test_a_forum_post_s_number_after_its_date() -> None:
    """Discourse prints each reply's header as the name, the date and time, and the post's number
    ('alison100 3 May 2025 09:21 2'): a header, its number no part of the name or the text."""
    posts = [("alison100", "3 May 2025 09:21", 2, "Will exercise reverse the damage? No, it won't."),
             ("Kestrel", "3 May 2025 09:46", 3, "I agree, exercise won't undo previous damage."),
             ("whammel", "3 May 2025 18:23", 4, "Using a scooter to get around is good common sense.")]
    page = ("MS Society Forum\n\nStruggling with getting stronger\n\n   hayley.p\n   2 May 2025 18:48 1\n\n"
            "   I get so confused with pushing through and training to live more actively, and my body just\n"
            "   doesn't always want to work. Has anyone else experienced anything similar?\n\n"
            + "".join(f"   {name} {when} {n}\n\n   {text}\n\n   2 Likes\n\n" for name, when, n, text in posts))
    doc = parse(page)
    assert [(c.author, c.date, c.text) for c in doc.comments][-3:] == [
        (name, f"2025-05-03T{when[-5:]}", text) for name, when, _, text in posts]


def test_a_conversation_under_a_sidebar_heading_is_read() -> None:
    """A forum thread printed under the site's 'Most popular' list with no comments heading of its own:
    'NAME · DATE' headers by several people, one of them twice, are a conversation, not the sidebar's list."""
    posts = [("longshot", "19:44", "I need to shave our monthly food bill. Please list your budget meals?"),
             ("keepingsanity", "19:49", "Big pack of chicken thighs as a tray bake, served with rice."),
             ("FolioQuarto", "19:53", "Jacket potatoes with beans and cheese, and a big salad."),
             ("blondeascustard", "19:54", "Sausage casserole with lentils, it stretches a long way."),
             ("FolioQuarto", "19:55", "Also chilli with half the mince swapped for lentils.")]
    page = ("Mumsnet\n\n   Mumsnet has not checked the qualifications of anyone posting here. If you need\n"
            "   help urgently, please see our list of where to find support and advice.\n\n"
            "Most popular\n\n   [1]Which school run car\n   [2]Pet peeves at work\n\n"
            "   Original poster\n\nYour favourite lowish cost family meals\n\n   60 replies\n\n"
            + "".join(f"   {name} · 03/03/2026 {time}\n\n   {text}\n\n" for name, time, text in posts))
    doc = parse(page)
    assert [(c.author, c.date, c.text) for c in doc.comments] == [
        (name, f"2026-03-03T{time}", text) for name, time, text in posts]


def test_bylines_of_few_authors_under_a_sidebar_heading_stay_a_list() -> None:
    """The rule above wants three people or more: one author's dated posts under 'Most popular' are a list."""
    page = ("Mumsnet\n\nNudge theory at work\n\n   We looked at how small changes to a default choice move what\n"
            "   people pick, and what that means for pensions and for school meals.\n\nMost popular\n\n"
            + "".join(f"   Ann Lee · 0{n}/03/2026 19:4{n}\n\n   Post number {n} of the week, with a summary line.\n\n"
                      for n in range(1, 6)))
    assert parse(page).comments == ()


@pytest.mark.parametrize("line", ["Commented Jul 4, 2013 at 8:44", "Follow"])
def test_stack_exchange_s_comment_date_and_follow_button_are_no_names(line: str) -> None:
    """'Commented DATE' is a date line (the verb leads it, as 'Posted'), 'Follow' a button: neither names
    a commenter."""
    lines = scan(f"Question\n\nWhy does Windows freeze?\n\n{line}\n\nIt froze again today.\n")
    found = next(ln for ln in lines if ln.text == line)
    assert found.author is None and found.meta is not None


def _dated_thread(posts: list[tuple[str, str, str]]) -> str:
    return ("Strogonoff de frango\n\n   Frango em cubos, creme de leite e champignon, pronto em trinta minutos.\n\n"
            "   (BUTTON) Comentar\n"
            + "".join(f"   {name}\n\n   {when}\n\n   {text}\n\n" for name, when, text in posts))


def test_named_and_dated_heads_that_answer_each_other_are_comments() -> None:
    """No comments heading, no reply button, no form line: names over dates are still a thread when they
    talk to each other (the site answers Ketlen, then Luanna, in other words each time)."""
    posts = [("Ketlen Mesquita", "05/11/2020", "Eu não tenho tablete de caldo de galinha, e agora?"),
             ("CyberCook", "06/11/2020", "Oi Ketlen! Ajustamos o modo de preparo e retiramos o caldo."),
             ("Luanna Coutinho", "08/01/2019", "Receita mais fácil, prática e gostosa que já fiz."),
             ("CyberCook", "09/01/2019", "Que bom que gostou, Luanna! Obrigada pelo comentário.")]
    doc = parse(_dated_thread(posts))
    assert [(c.author, c.text) for c in doc.comments] == [(name, text) for name, _, text in posts]


@pytest.mark.parametrize("repeat", ["in a row", "with the same words"])
def test_bylines_repeated_without_an_answer_are_no_thread(repeat: str) -> None:
    """Teasers' bylines are no conversation: an author named twice in a row, or a list printed twice (the
    same author over the same words again), answers nobody."""
    teasers = [("Ann Lee", "05/11/2020", "Ten soups for a cold week and how to freeze them."),
               ("Bob Stone", "06/11/2020", "Our guide to the best cast iron pans of the year."),
               ("Cy Twombly", "08/01/2019", "What to bake for a crowd when the oven is small.")]
    posts = ([teasers[0], teasers[0], *teasers[1:]] if repeat == "in a row" else [*teasers, *teasers])
    assert parse(_dated_thread(posts)).comments == ()


@pytest.mark.parametrize(("line", "author"), [("Muriel - Le 22/01/2020 à 12:01:03", "Muriel"),
                                              ("Ann -- on October 7, 2023 at 12:35 pm", "Ann"),
                                              ("Ann -- October 7, 2023 at 12:35 pm", "Ann")])
def test_a_dash_and_a_lead_word_between_the_name_and_the_date(line: str, author: str) -> None:
    """A petition site prints 'NAME - Le DATE': the dash and the lead word both stand between the name and
    the date, and neither is part of the name."""
    found = next(ln for ln in scan(f"Petition\n\nSave the choir.\n\n{line}\n\nI signed.\n") if ln.text == line)
    assert found.author == author


def test_a_rating_printed_twice_is_no_part_of_the_text() -> None:
    """A recipe card's stars, as their alt text and their label on one line ('5 stars 5 stars'; html2text
    glues them: '5 stars5 stars'), stand over the reader's words and are not part of them."""
    page = ("Peach cobbler\n\n   Brown butter, ripe peaches and a crisp top; bake it for forty minutes.\n\n"
            "146 comments on Peach cobbler\n\n"
            "    1. Robin\n       3 weeks ago\n       5 stars 5 stars\n"
            "       I gave this recipe a try and it is so good.\n       Reply\n\n"
            "    2. Dan\n       3 months ago\n       4 stars4 stars\n"
            "       This was a hit, less butter next time.\n       Reply\n")
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("Robin", "I gave this recipe a try and it is so good."), ("Dan", "This was a hit, less butter next time.")]


def test_reply_to_under_the_date_and_share_icons_names_the_parent() -> None:
    """wpDiscuz prints the name, the date, the share icons (html2text: '__'), then 'Reply to  NAME' over the
    text: the comment answers NAME's, and the line is no text."""
    def comment(name: str, text: str, to: str | None = None) -> str:
        target = f"__Reply to   {to}\n\n" if to else ""
        share = (f"[__](https://twitter.com/intent/tweet?text={text[:12]}... "
                 "&url=https%3A%2F%2Fblog.example \"Share On X\")")
        return f"{name}\n\n__1 year ago\n\n__\n\n{share}\n\n__\n\n{target}{text}\n\n3\n\n"
    page = ("# Furniture layout\n\nFloat the sofa and anchor the rug; the lamps need outlets.\n\n36 Comments\n\n"
            + comment("cse", "Where do the lamp cords go?") + comment("Stephanie", "I second this question.", "cse")
            + comment("Suzanne", "I have an outlet in my floor.", "cse") + comment("Lane", "What about kids?"))
    doc = parse(page)
    assert [(c.author, c.depth, c.text) for c in doc.comments] == [
        ("cse", 0, "Where do the lamp cords go?"), ("Stephanie", 1, "I second this question."),
        ("Suzanne", 1, "I have an outlet in my floor."), ("Lane", 0, "What about kids?")]


def _discourse(posts: list[tuple[str, str, list[str]]], wrapped: bool = False) -> str:
    """A Discourse topic as lynx prints it: the opening post's name over 'DATE TIME 1', then 'NAME DATE
    TIME N' headers; a post's lines as given (a quote's lines indented deeper)."""
    out = ["   [1]Motley Fool Community", "", "[2]My take on Valuation", ""]
    for n, (name, when, body) in enumerate(posts, 1):
        out += ([f"   [{n + 2}]{name}", f"   {when} {n}"] if n == 1 else [f"   [{n + 2}]{name} {when} {n}"])
        out += ["", *body, "", f"   {n + 10} Likes", ""]
    return "\n".join(out) + "\n"


def test_a_discourse_topic_s_opening_post_and_its_quotes() -> None:
    """Discourse numbers a topic's posts from 1, the first one's name over its date ('PaulWBryant' / 'June 2,
    2024, 3:24pm 1'): the opening post is the thread's first comment, no byline. 'NAME:' over lines set
    deeper quotes NAME's post: kept out of the text."""
    posts = [("PaulWBryant", "June 2, 2024, 3:24pm", ["   I wouldn't mind a brief discussion about valuation."]),
             ("ryshab", "June 2, 2024, 4:41pm", ["   Thank you Bear for sharing your process."]),
             ("PaulWBryant", "June 2, 2024, 4:46pm",
              ["   ryshab:", "", "     I hope I was able to explain my theory of valuation.", "",
               "   I see no reason to delete it."]),
             ("wpr101", "June 3, 2024, 9:54pm", ["   Just a few thoughts on the topic."])]
    doc = parse(_discourse(posts))
    assert [(c.author, c.depth, c.text) for c in doc.comments] == [
        ("PaulWBryant", 0, "I wouldn't mind a brief discussion about valuation."),
        ("ryshab", 0, "Thank you Bear for sharing your process."),
        ("PaulWBryant", 0, "I see no reason to delete it."), ("wpr101", 0, "Just a few thoughts on the topic.")]
    assert lines_with_text(doc, "I hope I was able to explain my theory of valuation.") == [LineRole.COMMENT_QUOTE]


def test_a_byline_numbered_one_without_a_second_post_stays_a_byline() -> None:
    """Only a run numbered 1, 2, ... is a topic: a byline whose date ends in '1' over an article, with
    comments numbered otherwise, opens no thread."""
    text = _discourse([("Ann", "June 2, 2024, 3:24pm", ["   The article's own words, long enough to read."])])
    assert parse(text).comments == ()


def test_a_discourse_header_wrapped_before_its_number() -> None:
    """html2text wraps a post's header before its number ('NAME June 2, 2024, 3:24pm' / '1'; 'NAME 4 May 2025'
    / '08:27  5'): the two lines are one header."""
    lines = scan("# Topic\n\n[PaulWBryant](https://discussion.fool.com/u/PaulWBryant) June 2, 2024, 3:24pm\n1\n\n"
                 "Continuing the discussion.\n\n"
                 "[marymcdermott](https://forum.mssociety.org.uk/u/marymcdermott) 4 May 2025\n08:27  5\n\n"
                 "Morning Haley.\n")
    headers = [(ln.author, ln.text.split(")", 1)[1]) for ln in lines if ln.author]
    assert headers == [("PaulWBryant", " June 2, 2024, 3:24pm 1"), ("marymcdermott", " 4 May 2025 08:27  5")]
    assert not any(ln.text in ("1", "08:27  5") for ln in lines)


def test_a_poster_s_counted_facts_and_the_column_around_them() -> None:
    """A forum poster's column with counts before their labels ('12683 posts' / '1990 upvotes', RedFlagDeals):
    the rank, avatar and join date above them and the place under them (over a blank line and the post's
    date) are the column; the name over it and the post's text under the date are not."""
    lines = scan("   Jan 12th, 2020 12:27 am\n     * [2]#2\n\n   [22]Becks\n          Deal Guru\n"
                 "          [42]User avatar\n          Mar 14, 2005\n          12683 posts\n          1990 upvotes\n"
                 "          City of Vancouver\n\n   Jan 12th, 2020 12:27 am\n\n   Saw a long coat with flip flops.\n")
    column = {ln.plain: ln.meta for ln in lines[3:10]}
    assert column == dict.fromkeys(["Becks", "Deal Guru", "User avatar", "Mar 14, 2005", "12683 posts",
                                    "1990 upvotes", "City of Vancouver"], "profile") | {"Becks": None}
    assert lines[13].meta is None and lines[13].plain == "Saw a long coat with flip flops."


def test_counted_facts_end_before_a_subject_line() -> None:
    """'29,553 posts' / '518 helpful votes' are a poster's facts; the 'Re: SUBJECT' line under them is no fact."""
    lines = scan("   [1]Lojeslj\n   La Grange, Texas\n   9,239 posts\n   105 helpful votes\n"
                 "   1. Re: Tips from a first time Japan visitor\n   Dec 31, 2025, 9:43 PM\n\n"
                 "   Thank you for the report.\n")
    assert [ln.meta for ln in lines[2:5]] == ["profile", "profile", None]


def test_a_github_comment_thread() -> None:
    """GitHub prints '@NAME' / 'Copy link' / 'NAME commented DATE' (maybe '•' / 'edited' / 'Loading'), the text,
    then 'Sorry, something went wrong.' / 'Uh oh!' / 'There was an error while loading. ...': the comments
    are the texts alone, all top level; the gist's 'Last active DATE' names nobody."""
    def comment(name: str, text: str, edited: bool = False) -> str:
        head = (f"{name} commented Dec 19, 2025 •\nedited\nLoading\n\nUh oh!\n\n" if edited
                else f"{name} commented Dec 18, 2025\n\n")
        return (f"@{name}\nCopy link\n\n{head}{text}\n\nSorry, something went wrong.\n\nUh oh!\n\n"
                "There was an error while loading. Please reload this page.\n")
    page = ("Instantly share code, notes, and snippets.\n@hackermondev\n\nhackermondev/writeup.md\n\n"
            "Last active December 20, 2025 13:58\n\nHow we found a bug worth billions and were paid little for it.\n\n"
            + comment("ijsbol", "i have been waiting for this writeup") + comment("Aeyth8", "Billion dollar zero day")
            + comment("yousafk", "somehow npm is involved :P", edited=True))
    doc = parse(page)
    assert [(c.author, c.depth, c.text) for c in doc.comments] == [
        ("ijsbol", 0, "i have been waiting for this writeup"), ("Aeyth8", 0, "Billion dollar zero day"),
        ("yousafk", 0, "somehow npm is involved :P")]


def test_a_rating_header_under_a_picture_or_an_initial() -> None:
    """'NAME a noté 5/5 cette recette, il y a 2 ans et 4 mois' heads a reader's review; the picture's alt text
    ('Illustration du profil de NAME') or the initial of a reader without one ('M') leads it, all alike."""
    def review(lead: str, name: str, when: str, text: str) -> str:
        return f"     * {lead}\n       {name} a noté 5/5 cette recette, {when}\n       {text}\n"
    page = ("Risotto champignons\n\n   Faire revenir l'échalote dans un peu d'huile d'olive, ajouter le riz et le\n"
            "   bouillon, puis les champignons et la courgette en dés; cuire vingt minutes et servir.\n\n"
            + review("Illustration du profil de Mokaroyal", "Mokaroyal", "il y a 7 ans", "très bon.")
            + "     *\n"
            + review("Illustration du profil de Coconini", "Coconini", "il y a 2 ans et 6 mois",
                     "Merci pour la recette.")
            + review("M", "Mateli", "il y a 5 ans et 8 mois", "Très bon et simple."))
    doc = parse(page)
    assert [(c.author, c.depth, c.text) for c in doc.comments] == [
        ("Mokaroyal", 0, "très bon."), ("Coconini", 0, "Merci pour la recette."), ("Mateli", 0, "Très bon et simple.")]


def test_says_before_the_date_names_the_commenter() -> None:
    """'Rachel says 28 January 2018 at 08:48' names Rachel (not 'Rachel says'); 'Ann wrote: DATE', with the
    colon, still opens a quote."""
    says = next(ln for ln in scan("Rachel says 28 January 2018 at 08:48\n") if ln.text)
    assert (says.author, says.evidence) == ("Rachel", True)
    quote = next(ln for ln in scan("Ann wrote: Sat Feb 24, 2024 12:41 pm\n") if ln.text)
    assert quote.author != "Ann"


def test_a_forum_s_posted_by_over_the_place_and_the_date() -> None:
    """'Posted by NAME' / their place / DATE / 'N posts' (Rick Steves's forum): the byline names the poster,
    the place is no name, the count under the date is the poster's; no comments heading is needed."""
    def post(name: str, place: str | None, when: str, count: int, text: str) -> str:
        return f"   Posted by [{count}]{name}\n" + (f"   {place}\n" if place else "") + (
            f"   [{count + 1}]{when}\n   {count} posts\n\n   {text}\n\n")
    page = ("First Trip to Japan\n\n   Posted by [27]johnanddoc on 07/03/24 02:57 PM\n\n"
            "   Hi. Although we have traveled extensively, we have never been to Japan. We are torn\n"
            "   between planning it ourselves and a tour. Thanks!\n"
            + post("Barbara", "Brooklyn, NY", "07/03/24 03:30 PM", 4931, "We are just finalizing our trip.")
            + post("geovagriffith", None, "07/03/24 03:44 PM", 9844, "Tokyo, use the things to do lists.")
            + post("Lola", "Seattle, WA", "07/03/24 03:56 PM", 17612, "It is possible to plan it yourself."))
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments][-3:] == [
        ("Barbara", "We are just finalizing our trip."), ("geovagriffith", "Tokyo, use the things to do lists."),
        ("Lola", "It is possible to plan it yourself.")]
    assert lines_with_text(doc, "Brooklyn, NY") == [LineRole.COMMENT_HEADER]


def test_a_bbpress_topic_with_the_poster_under_the_date() -> None:
    """bbPress prints 'DATE #ID' over the poster's name, rank, '@handle' and 'Locale: ...' (w3m glues an SVG
    avatar's kind to the name: '[svg]M. C'): the block heads the post, none of it is text."""
    def post(n: int, name: str, handle: str, text: str, locale: str = "") -> str:
        extra = f"       Locale: {locale}\n" if locale else ""
        return (f"     * May 1{n}, 2019 at 10:44 pm [{n}]#359316{n}\n       [{n + 10}]{name}\n       BPL Member\n"
                f"       @{handle}\n{extra}       {text}\n\n")
    page = ("Whare are your favorite cities with good hiking trails?\n\n   Viewing 3 posts - 1 through 3 (of 3 total)\n"
            + post(1, "M. C", "bluemtns", "We used to live in Colorado and loved hiking there.")
            + post(2, "David Thomas", "davidinkenai", "Marin County has great trails.", "North Woods. Far North.")
            + post(3, "Jerry Adams", "retiredjerry", "L.A. is surprising, the foothills are close.", "Oregon"))
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("M. C", "We used to live in Colorado and loved hiking there."),
        ("David Thomas", "Marin County has great trails."),
        ("Jerry Adams", "L.A. is surprising, the foothills are close.")]
    glued = next(ln for ln in scan("[svg]M. C\n") if ln.text)
    assert glued.plain == "M. C"


def test_a_spip_forum_header_and_its_wrapped_subject() -> None:
    """SPIP: '# Le 17 juillet à 22:09, par Horus En réponse à : SUBJECT', the subject wrapped by lynx: one
    header, Horus's; the subject's tail is no text."""
    def message(day: int, name: str, text: str) -> str:
        return (f"     * [{day}]# Le {day} juillet à 22:09, par {name} En réponse à : [{day + 1}]Didier\n"
                f"       Porte souhaite la Santé à Balkany\n       {text}\n       [{day + 2}]Répondre à ce message\n")
    page = ("Didier Porte souhaite la Santé à Balkany\n\n   Une chronique de Didier Porte, en vidéo, sur le procès\n"
            "   des époux Balkany et leur santé, à voir sur Là-bas.\n\nTous vos commentaires (3)\n\n"
            + message(17, "Horus", "Barbier, quelle pitié !") + message(3, "voltaire", "Cher Didier, évite la chemise.")
            + message(2, "Gérard Martinez", "Balkany jouant de la guitare, c'est pas mal !"))
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("Horus", "Barbier, quelle pitié !"), ("voltaire", "Cher Didier, évite la chemise."),
        ("Gérard Martinez", "Balkany jouant de la guitare, c'est pas mal !")]


def test_a_report_button_before_the_date_names_nobody() -> None:
    """'Report 7 months ago' (The Student Room) is a date line, not a header by 'Report'."""
    line = next(ln for ln in scan("Report 7 months ago\n") if ln.text)
    assert line.meta == "relative_date"


def test_a_chinese_thread_with_mottos_and_avatar_items() -> None:
    """Douban: each comment an avatar's list item naming the reader, then 'NAME (motto) DATE', the text and
    the buttons '回应 赞' / '删除'. Chinese puts no spaces between words, so its characters make a line
    prose; '回应' is a reply button; the motto in brackets is no part of the name; the item is the avatar."""
    article = "   " + "工作中如何表现关于工资关于学习关于加班如何处理与领导的关系如何处理与下级的关系。" * 2 + "\n"
    def reply(n: int, name: str, motto: str, text: str) -> str:
        named = f"{name} ({motto})" if motto else name
        return (f"     * [{n}]{name}\n\n[{n + 1}]{named} 2015-10-27 20:2{n % 10}:51\n       {text}\n"
                f"       [{n + 2}]回应 [{n + 3}]赞\n       [{n + 4}]删除\n")
    page = ("这大半年工作的总结\n\n" + article + "\n"
            + reply(40, "Lily", "", "为啥觉得在哪男的都少呢")
            + reply(50, "男朋友", "有原则的绅士", "私募公司一般规模都在20人以下吧")
            + reply(60, "miss.S", "", "是的，我们公司十个人左右。"))
    doc = parse(page)
    assert [(c.author, c.depth, c.text) for c in doc.comments] == [
        ("Lily", 0, "为啥觉得在哪男的都少呢"), ("男朋友", 0, "私募公司一般规模都在20人以下吧"),
        ("miss.S", 0, "是的，我们公司十个人左右。")]


@pytest.mark.parametrize(("line", "author"), [("#1 小鳳 小鳳 於 2013/12/28 10:28", "小鳳"),
                                              ("#1 ● 小鳳小鳳於 2013/12/28 10:28", "小鳳"),
                                              ("小林的部落格 於 2020/05/03 21:00 回覆", "小林的部落格"),
                                              ("Ann Lee 2013/12/28 10:28", "Ann Lee"),
                                              ("Ann Lee 2013/12/28", "Ann Lee")])
def test_a_date_with_the_year_first(line: str, author: str) -> None:
    """'2013/12/28' is a date (the year first, as Chinese and Japanese sites print it; '2016.03.02', which
    Chinese articles use for their updates, is not read as one); PIXNET's '#1 NAME NAME 於 DATE' ('at')
    names the commenter once."""
    found = next(ln for ln in scan(f"{line}\n") if ln.text)
    assert found.author == author


def test_an_icon_link_as_a_list_item_heads_nothing() -> None:
    """html2text prints a share bar's icons as list items of empty links ('* [ ](https://getpocket.com/…)');
    the last one, after a nested item, is no lone marker over a name ('More about...[Debt](…)' under it, an
    author box: Get Rich Slowly's thread opened there)."""
    page = ("# Debt free\n\nWe paid off the loans in three years by budgeting every month and selling the car,\n"
            "and this is how we planned it, step by step, with the spreadsheets we used.\n\n"
            "  * [ ](https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.org%2Fdebt%2F)\n"
            "  *   * [ ](https://share.flipboard.com/bookmarklet/popout?v=2&url=https%3A%2F%2Fexample.org)\n"
            "  * [ ](https://getpocket.com/edit?url=https%3A%2F%2Fexample.org%2Fdebt%2F)\n\n"
            "More about...[Debt](https://example.org/basics/debt/)\n\nMarissa Lyda\n\n"
            "Marissa Lyda and her husband paid off $87,000 in debt and now write about budgeting.\n")
    lines = scan(page)
    icons = [i for i, ln in enumerate(lines) if ln.text.startswith("* [ ](")]
    assert len(icons) == 2 and not set(icons) & set(find_heads(lines))



THIRD = ("by [92]martin-boundary-of-the-north [93]( 547041 )\nwrites:",
         ("AI will do it.", "They know it is not true, but they have FOMO."))


def _slashdot(teaser: str = "", third: tuple[str, tuple[str, ...]] = THIRD) -> str:
    """A Slashdot thread as lynx prints it: each comment's subject and score at the margin, then 'by NAME (
    NUMBER ) writes:' indented by its depth (the date on a top comment only, wrapped; a long header's
    'writes:' wrapped alone), the text, and list bullets of the collapsed replies; a reply quoting the
    sentence it answers in plain text. Under the thread, a teaser's count over list items of the chrome."""
    header, body = third
    deep = "\n".join(f"{' ' * 25}{line}" for line in (*header.split("\n"), *body))
    return page(f"""
        Stanford Grads Find Their Degrees No Longer Guarantee Jobs

           Computer science graduates from top schools are finding it harder to land
           their first job, as employers lean on fewer engineers with AI assistants.

           [56]Post [57]Load All Comments
           The Fine Print: The following comments are owned by whoever posted
           them. We are not responsible for them in any way.

        [75]What could go wrong? ([76]Score:3, Interesting)
               by [77]ozmartian [78]( 5754788 ) writes: on Friday December 19,
               2025 @08:08PM ([79]#65870295) [80]Homepage
               How are juniors supposed to be mentored and gain on the job
               experience to become the seniors of the future then?
               [81]Reply to This [82]Share
                  +
                  +

        [86]Re: ([87]Score:2)
                    by [88]iggymanz [89]( 596061 ) writes:
                    They won't need them, they think. AI will do it.
                       o

        [90]Re: ([91]Score:3)
{deep}
                            #

        [94]Re:What could go wrong? ([95]Score:5, Insightful)
                    by [96]Brain-Fu [97]( 1274756 ) writes:
                    Two engineers with an assistant doing the work of ten does not
                    add up in my experience.
                       o
        {teaser}""")


def test_a_slashdot_thread() -> None:
    """Slashdot's header names the reader before their user number; the subject and score line over it,
    the wrapped date and number, a wrapped 'writes:' are no text; replies nest by indentation; a reply's
    opening sentence repeated from its parent is a quote, kept out of its text."""
    doc = parse(_slashdot())
    assert [(c.author, c.depth, c.text.split("\n")[0][:30]) for c in doc.comments] == [
        ("ozmartian", 0, "How are juniors supposed to be"), ("iggymanz", 1, "They won't need them, they thi"),
        ("martin-boundary-of-the-north", 2, "They know it is not true, but "),
        ("Brain-Fu", 1, "Two engineers with an assistan")]
    assert doc.comments[0].date == "2025-12-19T20:08"
    assert [ln.text.strip() for ln in doc.lines_with(LineRole.COMMENT_QUOTE)] == ["AI will do it."]


def test_a_teaser_count_under_a_conversation_announces_no_chrome() -> None:
    """'42 comments' under a related story's title, below the thread, is no heading of a comment list:
    the heads above it hold a conversation (a reader answers again), and a list item under it ('* Submit
    Story' / 'Forty two.', a flat head) does not open the comment section."""
    teaser = ("\n[98]Re: ([99]Score:2)\n                by [100]iggymanz [101]( 596061 ) writes:\n"
              "                It adds up when the ten were doing busywork.\n"
              "\n           [473]Airbus Moving Critical Systems Away From AWS\n           42 comments\n\n"
              "           [477]Post Moderate Moderator Help Delete\n             * [478]Get more comments\n"
              "             * 87 of 87 loaded\n\n             * [479]Submit Story\n\n"
              "             Forty two.\n\n             * [480]FAQ\n")
    doc = parse(_slashdot(teaser))
    # (the item itself still reads as a flat comment after the thread: its start is what is tested)
    assert [c.author for c in doc.comments][:5] == ["ozmartian", "iggymanz", "martin-boundary-of-the-north",
                                                    "Brain-Fu", "iggymanz"]


@pytest.mark.parametrize(("body", "quoted"), [
    (("They won't need them, they think", "But they will."), 0),  # (begun alike, no sentence repeated)
    (("They won't need them, they think. AI will do it.", "And more."), 1),  # (the whole parent)
    (("They won't need them, they think.", "AI will do it.", "And more."), 2),
], ids=["no-sentence", "whole-parent", "two-lines"])
def test_a_reply_opening_with_its_parent_s_words(body: tuple[str, ...], quoted: int) -> None:
    """A reply's first lines are a quote only where they repeat whole sentences of its parent's text (the
    whole text too, over lines of its own); a reply that only begins as its parent did keeps its words."""
    doc = parse(_slashdot(third=(THIRD[0], body)))
    assert doc.comments[2].text.split("\n") == list(body[quoted:])
    assert [ln.text.strip() for ln in doc.lines_with(LineRole.COMMENT_QUOTE)] == list(body[:quoted])


def test_one_s_own_words_again_are_no_quote() -> None:
    """A comment under one by the same reader that repeats it (a thread printed twice, the copy hanging
    under the first's last comment) keeps its text: quoting oneself is no reply's quote."""
    body = ("They won't need them, they think. AI will do it.", "Older comments")
    doc = parse(_slashdot(third=("by [92]iggymanz [93]( 596061 ) writes:", body)))
    assert doc.comments[2].author == "iggymanz"
    assert doc.comments[2].text.split("\n") == list(body)


def _invision_post(n: int, name: str, rank: str, facts: tuple[str, ...], text: str, edited: str = "") -> str:
    """One post of an Invision Community topic as lynx prints it: the name and rank, the name, the date, the
    name again over the poster's column (a list: the name and rank, the group, the post count, facts), the
    date again (maybe '(edited)'), the text, and an edit note under it."""
    items = "".join(f"     * {fact}\n" for fact in facts)
    note = f"   Edited {edited}\n" if edited else ""
    return (f"   [{n}]{name} [{n + 1}]{rank}\n\n[{n + 2}]{name}\n\n   [{n + 3}]Posted November 24, 2023\n\n"
            f"[{n + 4}]{name}\n\n     * [{n + 5}]{name} {rank}\n     * Members\n     *\n          + [{n + 6}]17.6k\n"
            f"{items}\n     *\n\n   Posted November 24, 2023{' (edited)' if edited else ''}\n\n{text}\n{note}\n\n")


def test_an_invision_community_topic() -> None:
    """Invision Community prints each post's author three times around its date, then the poster's column as a
    list and the date again: the column is metadata (even a group name that wraps into a name-like line), the
    opening post above all prose is the thread's first post, and the post's text starts under the second date;
    'Ann said:' after a relative date opens a quote of Ann's post, which runs as far as her words do."""
    page = ("Cast iron frying pan/skillet\n\n   [29]Eyesa Horg\n\n   By [30]Eyesa Horg\n"
            "   November 24, 2023 in [31]SASS Wire Saloon\n\nRecommended Posts\n\n"
            + _invision_post(40, "Eyesa Horg", "SASS Wire Vet", ("Gender:Male", "SASS# 94258",
                             "Verdant Mountain Vigilantes, VT., Pemi Valley Peacemakers, NH.,\n       Maine Marshalls"),
                             "   Been thinking about getting a cast iron pan, not being much of a cook.\n"
                             "   Do any of you recommend a particular brand or style?")
            + _invision_post(50, "Warden Callaway", "SASS Wire Vet", ("Gender:Male", "Location:Missouri"),
                             "   Lodge seems universally available. Don't know if they are the best.\n\n"
                             "   Seasoning matters more than the brand.")
            + _invision_post(60, "Pat Riot", "SASS Wire Vet", ("Location:West Virginia",),
                             "   24 minutes ago, Warden Callaway said:\n\n"
                             "   Lodge seems universally available. Don't know if they are the best.\n\n"
                             "   Seasoning matters more than the brand.\n\n"
                             "   Eyesa, I have owned a few different brands of cast iron.",
                             edited="November 24, 2023 by Pat Riot [70](see edit history)"))
    doc = parse(page)
    assert [(c.author, c.depth, c.text) for c in doc.comments] == [
        ("Eyesa Horg", 0, "Been thinking about getting a cast iron pan, not being much of a cook.\n"
                          "Do any of you recommend a particular brand or style?"),
        ("Warden Callaway", 0, "Lodge seems universally available. Don't know if they are the best.\n"
                               "Seasoning matters more than the brand."),
        ("Pat Riot", 0, "Eyesa, I have owned a few different brands of cast iron.")]
    assert [ln.text.strip() for ln in doc.lines_with(LineRole.COMMENT_QUOTE)] == [
        "24 minutes ago, Warden Callaway said:", "Lodge seems universally available. Don't know if they are the best.",
        "Seasoning matters more than the brand."]
    roles = {ln.text.strip(): ln.role for ln in doc.lines}
    assert roles["* Gender:Male"] is roles["Maine Marshalls"] is roles["Posted November 24, 2023 (edited)"] is (
        LineRole.COMMENT_META)
    assert roles["Edited November 24, 2023 by Pat Riot [70](see edit history)"] is LineRole.COMMENT_META


@pytest.mark.parametrize("line", ["On 10/29/2025 at 2:07 PM, GrinGEO said:", "16 minutes ago, Marshal Mo Hare said:"])
def test_a_dated_quote_intro_names_no_commenter(line: str) -> None:
    """'On DATE, NAME said:' and 'RELATIVE, NAME said:' open a quote of NAME's post (Invision Community), no
    comment by 'On 10/29/2025 at 2:07 PM, GrinGEO'."""
    found = next(ln for ln in scan(f"{line}\n") if ln.text)
    assert found.author is None


@pytest.mark.parametrize("line", [
    "by ozmartian ( 5754788 ) writes:", "by ozmartian ( 5754788 ) writes: on Friday December 19, 2025 @08:08PM",
    "by ozmartian ( 5754788 ) on Friday December 19, 2025 @08:08PM ( #65870295 ) Homepage"])
def test_slashdot_s_header_names_the_reader(line: str) -> None:
    """'by NAME ( NUMBER ) writes:', with the date after it or not (inscriptis leaves 'writes:' out), names
    NAME, not 'by NAME ( NUMBER ) writes:' (a name before 'on DATE')."""
    found = next(ln for ln in scan(f"{line}\n") if ln.text)
    assert found.author == "ozmartian"


@pytest.mark.parametrize("line", ["2025 @08:08PM ([79]#65870295) [80]Homepage", "@11:39PM (#65870579) Homepage Journal",
                                  "65870295) Homepage", "Journal"])
def test_the_wrapped_rest_of_a_slashdot_header_is_metadata(line: str) -> None:
    found = next(ln for ln in scan(f"{line}\n") if ln.text)
    assert found.meta is not None and found.author is None


def _permies_post(n: int, name: str, facts: str, text: str, rank: str = "", tail: str = "") -> str:
    """One post of a permies.com thread as lynx prints it: the poster's name (a link), rank, facts ('Posts: 54',
    'Location: ...', a bare count), their interests, the date, the buttons as a list with a little form for
    'send pies', the text and maybe a signature."""
    ranked = f"   {rank}\n" if rank else ""
    return (f"   [{n}]{name}\n{ranked}{facts}   [{n + 1}]I like...\n   [{n + 2}]tiny house [{n + 3}]urban cooking"
            " building composting homestead\n   posted 1 year ago\n     * Likes 14\n     * Mark post as helpful\n"
            "     * send pies\n       Number of slices to send: 1___________________\n"
            "       Optional 'thank-you' note:\n       ____________________\n       Send\n     * Quote\n"
            f"     * Report post to moderator\n\n{text}\n{tail}\n")


def test_a_permies_thread() -> None:
    """A forum whose posters' columns hold one known fact or two ('Posts: 723' over a count; 'Posts' and
    'Location'), a line of interests that reads like a name over the date, and the post's buttons as a list
    under the date (a flat head among them): each post starts at its poster's name and its text under the
    buttons; a signature's list item above a name signs nothing; a quote whose intro carries its first
    words ('NAME wrote: words') is set deeper than the post's text and kept out of it."""
    page = ("What breed of dog do you think is good for a family dog?\n\n"
            + _permies_post(53, "Matt McSpadden", "   Posts: 3140\n   Location: Central Maine (Zone 5a)\n   1685\n",
                            "   Question:\n   What breed(s) of dog do you think make good family dogs?",
                            rank="gardener [staff-leaf.png]",
                            tail="\n     * Follow your curiosity , Do what you Love *\n   [60]Permaculture page\n")
            + _permies_post(64, "Deane Adams", "   Posts: 723\n   250\n",
                            "   The number one, all time for me would be a Labrador.")
            + _permies_post(75, "Nina Surya", "   Posts: 496\n   Location: in the Middle Earth of France\n   288\n",
                            "     Deane Adams wrote: The number one, all time for me would be a\n"
                            "     Labrador.\n\n   Yes, this - all of this, a Labrador."))
    doc = parse(page)
    assert [(c.author, c.depth, c.text.split("\n")[0]) for c in doc.comments] == [
        ("Matt McSpadden", 0, "Question:"),
        ("Deane Adams", 0, "The number one, all time for me would be a Labrador."),
        ("Nina Surya", 0, "Yes, this - all of this, a Labrador.")]
    roles = {ln.text.strip(): ln.role for ln in doc.lines}
    assert roles["* Report post to moderator"] is roles["* Likes 14"] is roles["Send"] is LineRole.COMMENT_HEADER
    assert roles["Deane Adams wrote: The number one, all time for me would be a"] is LineRole.COMMENT_QUOTE


def test_a_fluxbb_thread_s_subject_over_each_post() -> None:
    """FluxBB (the Arch Linux forums) prints the thread's subject over the first post's text and 'Re: SUBJECT'
    over every reply's: a title, not text; so a reply's 'NAME wrote:' is its first line and opens a quote.
    'Last edited by NAME (DATE)' and the poster's 'Offline' under the text are metadata."""
    subject = "Open source forum software for old school forums?"

    def post(n: int, name: str, title: str, text: str) -> str:
        return (f"#{n} [{20 + n}]2024-08-03 1{n}:22:38\n\n   {name}\n          Member\n"
                f"          Registered: 2012-09-03\n          Posts: 73,365\n\n{title}\n\n{text}\n\n   Offline\n\n")
    page = (f"{subject} / Forum & Wiki discussion\n\n"
            + post(1, "archuser38013", subject, "   This is my favorite forum in terms of minimalist design.\n\n"
                   "   Last edited by archuser38013 (2024-08-03 11:02:20)")
            + post(2, "seth", f"Re: {subject}", "   phpBB? Make your browser window tall and narrow.")
            + post(3, "archuser38013", f"Re: {subject}", "   seth wrote:\n\n   phpBB?\n\n   No, just responsive."))
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("archuser38013", "This is my favorite forum in terms of minimalist design."),
        ("seth", "phpBB? Make your browser window tall and narrow."), ("archuser38013", "No, just responsive.")]
    titles = [ln.role for ln in doc.lines if ln.text.startswith(("Re: ", subject))]
    assert titles == [LineRole.TITLE] + [LineRole.COMMENT_META] * 3  # (the page's title, then the posts')


def test_a_forummagnum_thread() -> None:
    """LessWrong's header: the collapse toggle, the name glued to the comment's age, its karma and agreement
    ('[-]Ann2mo 4 3'): the name alone; the article's numbered section headings above the comments, list
    items of no comment's shape, open no thread where the headers hold a conversation."""
    page = ("Updating on what we can predict\n\n1. Introduction\n\n"
            "Here is a pattern you may have noticed with every new frontier model and its release.\n\n"
            "2. Sometimes predictably-real stuff does not feel real yet\n\n"
            "Every year without knowing it I have passed the day, and so have you, and so has everyone.\n\n"
            "Comments\n\n[-]romeostevensit3mo 47 33\n\nSchindler had a concrete thing he was able to do.\n\n"
            "[-]Matthew Barnett3mo 34 11\n\nInterestingly, the evidence came in much earlier.\n\n"
            "    [-]Daniel Kokotajlo2mo 4 3\n\n    It was indeed a good point, at the time.\n\n"
            "        [-]Matthew Barnett2mo 0 3\n\n        Definitely, I agree with that.\n\n"
            "[-]romeostevensit2mo 2 0\n\nAnd the odds were against it anyway.\n")
    doc = parse(page)
    assert [(c.author, c.depth) for c in doc.comments] == [
        ("romeostevensit", 0), ("Matthew Barnett", 0), ("Daniel Kokotajlo", 1), ("Matthew Barnett", 2),
        ("romeostevensit", 0)]


def test_a_verticalscope_forum_thread() -> None:
    """VerticalScope's forums (Woodworking Talk) as lynx prints them: the poster's name (maybe with 'Discussion
    starter' after it, which is no part of it), their count and join date on one line, the buttons, and '#2 ·
    DATE' (no header by '#2'): each post is its poster's, though its name stands right under the buttons of
    the post above."""
    def post(n: int, name: str, facts: str, text: str) -> str:
        return (f"   [{n}]{name}\n   {facts}\n   (BUTTON)\n     * [{n + 1}]Add to quote\n\n"
                f"   [{n + 2}]#{n // 10} · [{n + 3}]Aug {n // 10 + 4}, 2023\n\n   {text}\n\n"
                f"   [{n + 4}]Save (BUTTON) Share\n   [{n + 5}]Reply [{n + 6}]Quote [{n + 7}]Like Like\n")
    page = ("Beginner woodworking projects\n\n   [27]Jump to Latest\n"
            "   2.1K views 13 replies 8 participants last post by  [28]JWoodguy13   Aug 7, 2023\n"
            + post(10, "JWoodguy13 Discussion starter", "28 posts · Joined 2023",
                   "Hello all, new here and keen to get into woodworking. Any beginner projects?")
            + "\n   Sort by (BUTTON) Oldest first\n   [38]Oldest first [39]Newest first [40]Most reactions\n"
            + post(20, "Tony B", "8,415 posts · Joined 2008", "It would be a definite plus to get a decent table saw.")
            + post(30, "JWoodguy13", "28 posts · Joined 2023", "Thanks for your help with the table saw."))
    doc = parse(page)
    assert [(c.author, c.depth, c.text) for c in doc.comments] == [
        ("JWoodguy13", 0, "Hello all, new here and keen to get into woodworking. Any beginner projects?"),
        ("Tony B", 0, "It would be a definite plus to get a decent table saw."),
        ("JWoodguy13", 0, "Thanks for your help with the table saw.")]


@pytest.mark.parametrize("line", ["Ann Lee Offline", "Ann Lee Discussion starter", "Ann Lee Online"])
def test_a_poster_s_presence_and_label_are_no_part_of_the_name(line: str) -> None:
    """A forum prints the poster's presence ('Offline', MyBB's image) or 'Discussion starter' after the name:
    over the poster's facts, the name is the reader's alone."""
    page = (f"Forum thread\n\nSome opening words of the thread that introduce the topic at length here.\n\n"
            f"2 Replies\n\n{line}\nPosts: 10,525\nJoined: Jan 2010\n\nMy post's text is this one line.\n\n"
            f"Bo Ek\nPosts: 12\nJoined: Feb 2011\n\nAnd mine is this.\n")
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [("Ann Lee", "My post's text is this one line."),
                                                          ("Bo Ek", "And mine is this.")]


def test_a_steam_discussion() -> None:
    """Steam's discussions: the reader's links between the name and the date ('View Profile View Posts': their
    column, no buttons), and '#1' over the next post's block (no number closing the block above, as phpBB's):
    each post is its poster's."""
    def post(n: int, name: str, date: str, text: str) -> str:
        return (f"   [{n}]#{n // 10}\n   [{n + 1}][b9c02dcdac95603a33c8bc39212098aef6adc3f6.png]\n   [{n + 2}]{name}\n"
                f"   [{n + 3}]View Profile [{n + 4}]View Posts\n   {date}\n   {text}\n")
    page = ("Own build gaming PC\n\n   [76]LadyP2386\n   [77]View Profile [78]View Posts\n   8 Oct, 2025 @ 1:56pm\n"
            "   Own build gaming PC- Gimme all your advice\n   Hey. I'm going to build my own gaming pc. Any advice?\n"
            "   [80]< [81]>\n   Showing 1-15 of 16 comments\n"
            + post(10, "Electric Cupcake", "8 Oct, 2025 @ 2:12pm", "pcpartspicker or Micro Center")
            + post(20, "Bad Motha", "8 Oct, 2025 @ 2:16pm", "As for parts, what country are you in?")
            + post(30, "Omega", "8 Oct, 2025 @ 2:25pm", "For Linux, get either an AMD or Intel GPU.")
            + post(40, "Bad Motha", "8 Oct, 2025 @ 2:32pm", "Intel GPUs are still quite terrible at best."))
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments][-4:] == [
        ("Electric Cupcake", "pcpartspicker or Micro Center"), ("Bad Motha", "As for parts, what country are you in?"),
        ("Omega", "For Linux, get either an AMD or Intel GPU."),
        ("Bad Motha", "Intel GPUs are still quite terrible at best.")]



def test_a_livefyre_thread() -> None:
    """Livefyre as lynx prints it: the reader's name (the avatar's alt text), then the name with their badge and
    points ('Ann Lee subscriber 5pts'), no date; a reply opens with its addressee, a link alone over a blank line
    ('@Ann Lee'), which is its text, not a subject as a Drupal comment's link alone would be."""
    def post(name: str, badge: str, text: str) -> str:
        return f"   {name}\n   {name} {badge} 5pts\n\n   {text}\n"
    page = ("Where the rain went this summer\n\n   The reservoirs are at half their usual level.\n\n"
            "   12 comments\n   Post comment\n\n   Newest | Oldest\n"
            + post("Maria Olsen", "subscriber", "Our well ran dry in August for the first time.")
            + post("Tom Birch", "user", "[14]@Maria Olsen\n\n   Same here, we had water trucked in twice.")
            + post("Maria Olsen", "subscriber", "Which company did you use for the water?"))
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("Maria Olsen", "Our well ran dry in August for the first time."),
        ("Tom Birch", "@Maria Olsen\nSame here, we had water trucked in twice."),
        ("Maria Olsen", "Which company did you use for the water?")]


@pytest.mark.parametrize("line", ["Ann Lee subscriber 5pts", "Ann Lee 12pts", "Ann Lee user 1 pts",
                                  "Ann Lee subscriber"])  # (inscriptis leaves the points out)
def test_a_livefyre_header_names_the_reader(line: str) -> None:
    found = next(ln for ln in scan(f"{line}\n") if ln.text)
    assert found.author == "Ann Lee"


@pytest.mark.parametrize("printed", ["lynx", "html2text"])
def test_a_drupal_thread_in_spanish_with_subjects_over_the_headers(printed: str) -> None:
    """Drupal in another language ('Enviado por NAME el DATE'): the reader's avatar ('Lucía avatar', an item),
    the comment's subject (often its first words cut short) and the header are one header, whether the text is
    set inside the avatar's item (lynx) or flush under it (html2text); the login prompt under each is a button."""
    def post(n: int, name: str, date: str, text: str) -> str:
        subject = text.split(".")[0][:30] + "..."
        if printed == "lynx":
            return (f"     * [{n}]{name} avatar\n\n{subject}\n       Enviado por [{n + 1}]{name} el {date}.\n"
                    f"       {text}\n       [{n + 2}]Inicie sesión o [{n + 3}]regístrese para enviar comentarios\n")
        return (f"  * [ ![{name} avatar](/user/picture/{n}) ](/user/{n})\n\n###  {subject}\n\n"
                f"Enviado por [{name}](/user/{n}) el {date}.\n\n{text}\n\n"
                "Inicie sesión o regístrese para enviar comentarios\n\n")
    page = ("Tarta de queso al horno\n\nMezclar el queso con los huevos y hornear 40 minutos.\n\nComentarios\n\n"
            + post(10, "Lucía", "3. marzo 2019 - 10:15", "Me encantó la receta. La hice con queso de cabra.")
            + post(20, "pedro_g", "5. marzo 2019 - 21:40", "Quedó muy seca. ¿Cuánto tiempo en total?")
            + post(30, "Equipo Cocina", "6. marzo 2019 - 09:02", "Hola pedro_g, prueba con 35 minutos."))
    doc = parse(page)
    assert [(c.author, c.text.split(".")[0]) for c in doc.comments] == [
        ("Lucía", "Me encantó la receta"), ("pedro_g", "Quedó muy seca"),
        ("Equipo Cocina", "Hola pedro_g, prueba con 35 minutos")]
    assert all("regístrese" not in c.text and "..." not in c.text for c in doc.comments)


def test_a_blogger_s_answers_signed_among_the_items_of_the_comment_they_answer() -> None:
    """PIXNET lists each comment as items ('#N NAME 於 DATE', the avatar's name, the text) and the blogger's
    answer as the last item, signed under its text ('NAME 於 DATE 回覆': at DATE replied), with no blank line
    between: the answer is a reply to that comment, though each comment comes later than the answers above."""
    def comment(n: int, name: str, text: str, answer: str, day: int) -> str:
        return (f"     * #{n} [grey.gif] [{n}0]{name} [{n}1]{name} 於 2020/05/0{day} 09:10\n     * [{n}2]{name}\n"
                f"     * {text}\n     * {answer[0]}\n       {answer[1]}\n"
                f"       [{n}3]小林的部落格 於 2020/05/09 21:00 回覆\n\n")
    page = ("河濱公園的櫻花\n\n   今年的櫻花開得特別早，週末去拍了一整天，從早上一直拍到傍晚。\n"
            "   公園裡人很多，但是找個角落還是能拍到很漂亮的畫面。\n\n[minus.gif] 留言列表 (6)\n\n   [9]發表留言\n"
            + comment(1, "阿明", "好漂亮的照片", ("阿明你好：", "謝謝你的留言！"), 2)
            + comment(2, "小美", "請問是哪一天去的？", ("小美午安：", "是上週六早上去的。"), 3)
            + comment(3, "大雄", "下次一起去拍", ("大雄晚安：", "好啊，再約！"), 4))
    doc = parse(page)
    assert [(c.author, c.depth, c.text.split("\n")[0]) for c in doc.comments] == [
        ("阿明", 0, "好漂亮的照片"), ("小林的部落格", 1, "阿明你好："),
        ("小美", 0, "請問是哪一天去的？"), ("小林的部落格", 1, "小美午安："),
        ("大雄", 0, "下次一起去拍"), ("小林的部落格", 1, "大雄晚安：")]


def test_phpbb_2_posts_as_lynx_prints_them() -> None:
    """phpBB 2 (subSilver) in lynx: the table's head 'Author Message', each poster's name over their facts,
    then 'Post Posted: DATE Post subject: ... Reply with quote' (wrapped: the subject's or the button's
    last words on the next line), a rule of underscores the width of the page, the text, 'Back to top' and
    the row of profile buttons (wrapped too): each post a comment, the header's pieces and the rule no text."""
    def post(n: int, name: str, facts: str, date: str, subject: str, text: str, website: bool) -> str:
        header = f"   [{n}]Post Posted: {date}    Post subject: {subject}[{n + 1}]Reply with quote"
        cut = header.rindex(" ", 0, 76)
        buttons = f"   [{n + 2}]View users profile [{n + 3}]Send private message"
        buttons += f" [{n + 4}]Visit posters website" if website else ""
        wrap = buttons.rindex(" ", 0, 76) if len(buttons) > 76 else len(buttons)  # (the website button's last word)
        tail = f"  {buttons[wrap:]}\n" if wrap < len(buttons) else ""
        return (f"   {name}\n{facts}{header[:cut]}\n  {header[cut:]}\n     {'_' * 66}\n\n   {text}\n"
                f"   [{n + 5}]Back to top\n{buttons[:wrap]}\n{tail}")
    facts = "   Joined: 12 Mar 2003\n   Posts: 215\n   Location: Leeds\n"
    page = ("Kefir grains :: Fermenting Forum\n\n   [1]Post new topic    [2] Reply to topic\n"
            "   Forum Index -> [3]Kefir\n\n   Author Message\n"
            + post(10, "milkmaid", facts, "Mon Mar 07, 2005 8:14 am", "slow grains ",
                   "My grains have been slow for a month now, what am I doing wrong?", True)
            + post(20, "Bo Lind", "   Joined: 02 Jan 2004\n   Posts: 7\n", "Mon Mar 07, 2005 9:40 pm", "",
                   "Warmer kitchen, fresh milk every day, and patience.", True)
            + post(30, "milkmaid", facts, "Tue Mar 08, 2005 6:02 am", "",
                   "Thanks, moved the jar next to the oven.", False)
            + "   Display posts from previous: [All Posts] [Oldest First]  Go\n")
    doc = parse(page)
    assert [(c.author, c.depth, c.text) for c in doc.comments] == [
        ("milkmaid", 0, "My grains have been slow for a month now, what am I doing wrong?"),
        ("Bo Lind", 0, "Warmer kitchen, fresh milk every day, and patience."),
        ("milkmaid", 0, "Thanks, moved the jar next to the oven.")]
    assert [c.date[:10] for c in doc.comments] == ["2005-03-07", "2005-03-07", "2005-03-08"]


def test_a_name_with_the_verb_and_am_date_and_a_count_glued_to_the_heading() -> None:
    """A German recipe portal: 'Kommentare22' (the count glued to the heading, as lynx prints a badge), then
    numbered comments whose header is 'NAME kommentierte am DATE um TIME Uhr' (w3m) or the name over
    'kommentierte am DATE ...' (lynx): the verb is no part of the name, and the related recipes listed
    above the heading (each title printed twice, a cook's rank, stars) are no comments."""
    teasers = "".join(f"   [{n}]{title} {title}\n\n{title}\n\n   Hobby-Koch\n\n   4 Sterne\n"
                      for n, title in ((30, "Grießpudding"), (31, "Schoko-Mousse")))
    people = (("ottilie", "12.03.2018", "Mit Hafermilch klappt es auch."),
              ("Backfee77", "01.02.2017", "Super Rezept, danke!"))
    w3m = "".join(f" {n}. {name}\n    {name} kommentierte am {date} um 09:15 Uhr\n\n    {text}\n\n    Antworten\n"
                  f"    Hilfreich?\n" for n, (name, date, text) in enumerate(people, start=1))
    lynx = "".join(f"    {n}. {name} {name}\n       {name}\n       kommentierte am {date} um 09:15 Uhr\n       {text}\n"
                   f"       [{n}0]Antworten\n       [{n}1]Hilfreich?\n"
                   for n, (name, date, text) in enumerate(people, start=1))
    for printed in (w3m, lynx):
        page = ("Schokopudding\n\n   Milch aufkochen, Kakao und Zucker einrühren, kalt stellen und servieren.\n\n"
                f"Rezeptempfehlung zu Schokopudding\n\n{teasers}\nKommentare22\n\nSchokopudding\n\n{printed}")
        doc = parse(page)
        assert [(c.author, c.depth, c.date[:10] if c.date else None, c.text) for c in doc.comments] == [
            ("ottilie", 0, "2018-03-12", "Mit Hafermilch klappt es auch."),
            ("Backfee77", 0, "2017-02-01", "Super Rezept, danke!")], printed



def test_phpbb_2_posts_with_the_name_beside_the_header_as_inscriptis_prints_them() -> None:
    """phpBB 2 in inscriptis (and w3m): the poster's name in its column on the header's line ('milkmaid
    Posted: DATE Post subject: ...'), the text set in the right column, the poster's facts and 'Back to
    top' under it at the margin: the name beside 'Posted:' heads the post, the facts are no text."""
    def post(name: str, date: str, text: str) -> str:
        return (f"{name}{' ' * (48 - len(name))}Posted: {date} Post subject:\n\n{' ' * 48}{text}\n\n"
                "Joined: 12 Mar 2003\nPosts: 215\nBack to top\n\n\n")
    page = ("Kefir grains :: Fermenting Forum\n\nPost new topic   Reply to topic\n\nAuthor   Message\n"
            + post("milkmaid", "Mon Mar 07, 2005 8:14 am", "My grains have been slow for a month now, why?")
            + post("Bo Lind", "Mon Mar 07, 2005 9:40 pm", "Warmer kitchen, fresh milk every day, and patience.")
            + post("milkmaid", "Tue Mar 08, 2005 6:02 am", "Thanks, moved the jar next to the oven.")
            + "Display posts from previous: All Posts Oldest First\n")
    doc = parse(page)
    assert [(c.author, c.depth, c.text) for c in doc.comments] == [
        ("milkmaid", 0, "My grains have been slow for a month now, why?"),
        ("Bo Lind", 0, "Warmer kitchen, fresh milk every day, and patience."),
        ("milkmaid", 0, "Thanks, moved the jar next to the oven.")]


def test_a_wordpress_com_thread_in_lithuanian() -> None:
    """WordPress.com with a Lithuanian interface (lynx): 'NAME parašė:' (wrote) over the date with a
    Lithuanian month ('15 gegužės, 2017 1:14 am'), the like bar ('PatinkaPaspaudė "Patinka": 1 person') and
    'Atsakyti' (reply) under the text; a pingback ('Atgalinis pranešimas: TITLE') is no comment."""
    def comment(n: int, name: str, date: str, text: str, indent: str = "    ") -> str:
        inner = indent + "   "
        return (f"{indent}{n}. [{n}0]{name} parašė:\n{inner}[{n}1]{date}\n{inner}{text}\n"
                f'{inner}[{n}2]PatinkaPaspaudė "Patinka": [{n}3]1 person\n{inner}[{n}4]Atsakyti\n')
    page = ("Varškės sausainiai\n\n   Sumaišykite varškę su sviestu ir miltais, suvyniokite obuolių skilteles į"
            " tešlos trikampius ir iškepkite karštoje orkaitėje per penkiolika minučių.\n\n"
            "Komentarų: 3 [1]Pridėkite savo\n\n"
            + comment(1, "rasa_k", "15 gegužės, 2017 1:14 am", "Labai skanu, ačiū už receptą!")
            + comment(1, "lithuanianintheusa", "15 gegužės, 2017 4:46 am", "Ačiū, Rasa!", indent="      ")
            + comment(2, "Megala", "16 birželio, 2017 9:02 pm", "Beautiful cookies!")
            + "    3. Atgalinis pranešimas: Lithuanian curd cheese fritters | Lithuanian in the USA\n")
    doc = parse(page)
    assert [(c.author, c.depth, c.date[:10] if c.date else None, c.text) for c in doc.comments] == [
        ("rasa_k", 0, "2017-05-15", "Labai skanu, ačiū už receptą!"),
        ("lithuanianintheusa", 1, "2017-05-15", "Ačiū, Rasa!"),
        ("Megala", 0, "2017-06-16", "Beautiful cookies!")]


def test_a_numbered_comment_whose_number_stands_alone_over_the_avatar_and_the_header() -> None:
    """A WordPress theme in lynx (Enfold): the comment's number alone ('1.'), the avatar's alt text and the
    name ('Matt Matt'), then 'Matt says:' and the date; replies under a '+' alone, set deeper: one comment
    per number, its text under the date, the replies one level down."""
    def comment(number: str, name: str, date: str, text: str, pad: int) -> str:
        inner = " " * (pad + 4)
        return (f"{' ' * (pad + 1)}{number}\n{' ' * pad}{name} {name}\n{' ' * pad}{name} says:\n"
                f"{inner}[1]{date}\n{inner}{text}\n{inner}[2]Reply\n")
    page = ("Banana wine recipe\n\n   Peel and slice the bananas, simmer them for half an hour, strain the"
            " liquid onto the sugar and let it cool before the yeast goes in.\n\n   3 replies\n"
            + comment("1.", "Matt", "November 30, 2019 at 10:55 pm", "Should I have let it cool first?", 3)
            + comment("+", "Neil", "December 9, 2019 at 1:58 pm", "No, adding the tannin hot is fine.", 8)
            + comment("2.", "Brenda", "January 6, 2020 at 12:37 pm", "Is the weight before or after peeling?", 3))
    doc = parse(page)
    assert [(c.author, c.depth, c.text) for c in doc.walk()] == [
        ("Matt", 0, "Should I have let it cool first?"), ("Neil", 1, "No, adding the tannin hot is fine."),
        ("Brenda", 0, "Is the weight before or after peeling?")]


def test_a_comment_list_whose_markers_stand_alone_over_the_date_and_the_name() -> None:
    """A theme that prints the date before the name (lynx): each item's marker alone on its line ('*', '+'
    deeper for a reply), then 'DATE at TIME NAME' and the text under it; a short name after the clock
    ('1:36 am Pat') is the reader's, no time zone."""
    def comment(marker: str, date: str, name: str, text: str, pad: int) -> str:
        return (f"{' ' * (pad + 2)}{marker}\n{' ' * pad}{date} {name}\n{' ' * (pad + 4)}{text}\n"
                f"{' ' * (pad + 4)}[1]Reply\n")
    page = ("Lemon scones\n\n   Rub the cold butter into the flour, stir in the lemon zest and the cream, pat"
            " the dough into a round and bake until golden.\n\nComments\n\n"
            + comment("*", "May 3, 2020 at 11:54 am", "Jan Sargent", "I bake these every week for my kids.", 3)
            + comment("+", "May 5, 2020 at 8:29 am", "Heather", "So glad they like them, Jan!", 8)
            + comment("*", "January 29, 2021 at 1:36 am", "Pat", "Please can we have the recipe in metric.", 3))
    doc = parse(page)
    assert [(c.author, c.depth, c.date[:10] if c.date else None, c.text) for c in doc.walk()] == [
        ("Jan Sargent", 0, "2020-05-03", "I bake these every week for my kids."),
        ("Heather", 1, "2020-05-05", "So glad they like them, Jan!"),
        ("Pat", 0, "2021-01-29", "Please can we have the recipe in metric.")]


def test_a_recipe_photo_over_a_heading_of_the_same_words_heads_no_comment() -> None:
    """A recipe card's photo, its alt text printed twice, over the recipe's title as a heading (lynx sets the
    heading at the margin, html2text marks it '##') is no avatar over a name: the comments, a name over a
    date under the reply form, are the page's only ones."""
    comments = "".join(f"   {name}\n\n   {date}\n\n   {text}\n\n" for name, date, text in (
        ("Eve", "Saturday 17th of August 2024", "Can I use canned banana blossoms?"),
        ("Rhea", "Wednesday 19th of June 2024", "Thank you for sharing, so amazing!"),
        ("Jo", "Thursday 14th of March 2024", "I made this in the air fryer and it was great.")))
    form = "   Leave a Reply\n\n   [53]Click here to cancel reply.\n   Name * ____________________\n\n"
    for heading in ("Banana Blossom Fish", "## Banana Blossom Fish"):
        page = ("Banana Blossom Fish\n\n   Soak the blossoms, coat them in seaweed batter and fry them until they"
                " are crisp and golden all over.\n\n   Banana Blossom Fish Banana Blossom Fish\n\n"
                f"{heading}\n\n   Bianca | Vegan Kitchen\n   This vegan fish is flaky and light, and it takes"
                " twenty minutes from start to finish.\n\n" + form + comments)
        doc = parse(page)
        assert [(c.author, c.text) for c in doc.comments] == [
            ("Eve", "Can I use canned banana blossoms?"), ("Rhea", "Thank you for sharing, so amazing!"),
            ("Jo", "I made this in the air fryer and it was great.")], heading


def test_teasers_under_a_popular_content_heading_are_no_comments() -> None:
    """'Popular Content' heads a sidebar's list of posts, each a title over its date: no comments, though the
    last one has words under it (the author box that follows)."""
    teasers = "".join(f"[{n}]{title}\n\n   {date}\n\n" for n, title, date in (
        (30, "Protein Probiotic Parfait", "December 10, 2024"),
        (31, "Lighter Sweet Potato Casserole", "November 26, 2024"),
        (32, "Lighter Cajun Seafood Dressing", "November 24, 2024")))
    page = ("Turkey sliders\n\n   Mix the ground turkey with the spices, shape small patties and grill them"
            " four minutes a side.\n\nReviews [28]Cancel reply\n\n   Name * ____________________\n\n   Comment\n"
            "   ______________________________\n\n   Post Comment\n\nPopular Content\n\n" + teasers
            + "   About Kevin - author About Kevin - author\n\nHey, I'm Kevin\n\n   My name is Kevin. My life"
            " changed when I realised that healthy living is a lifelong journey.\n")
    assert parse(page).comments == ()


def test_a_reply_item_whose_avatar_and_name_w3m_glued_over_the_header() -> None:
    """w3m glues a one-word name to the avatar's alt text on a reply's item ('□ NeilNeil') over 'Neil says:'
    set deeper: the item is the reply's avatar, one comment one level down, as with a name of two words
    ('□ John HudsonJohn Hudson')."""
    def comment(marker: str, name: str, date: str, text: str, pad: int) -> str:
        inner = " " * (pad + 4)
        return (f"{' ' * pad}{marker} {name}{name}\n{inner}{name} says:\n{inner}{date}\n\n{inner}{text}\n\n"
                f"{inner}Reply\n")
    page = ("Banana wine recipe\n\nPeel and slice the bananas, simmer them for half an hour, strain the"
            " liquid onto the sugar and let it cool before the yeast goes in.\n\n3 replies\n\n"
            + comment("1.", "Matt", "November 30, 2019 at 10:55 pm", "Should I have let it cool first?", 1)
            + comment("□", "Neil", "December 9, 2019 at 1:58 pm", "No, adding the tannin hot is fine.", 6)
            + comment("□", "John Hudson", "January 30, 2021 at 5:42 pm", "I always freeze my fruit first.", 6)
            + comment("2.", "Brenda", "January 6, 2020 at 12:37 pm", "Is the weight before or after peeling?", 1))
    doc = parse(page)
    assert [(c.author, c.depth, c.text) for c in doc.walk()] == [
        ("Matt", 0, "Should I have let it cool first?"), ("Neil", 1, "No, adding the tannin hot is fine."),
        ("John Hudson", 1, "I always freeze my fruit first."),
        ("Brenda", 0, "Is the weight before or after peeling?")]


def test_a_sidebar_heading_under_the_comments_is_the_pages_not_the_last_comments() -> None:
    """A sidebar's heading under the thread ('Popular Posts', 'Recent Comments') ends the comments and is the
    page's chrome: boilerplate, owned by no comment (it was the last comment's metadata)."""
    page = ("Kefir at home\n\n   Warm the milk a little, add the grains, cover the jar with a cloth and leave"
            " it a day.\n\n2 comments:\n\n   Ann says:\n   June 3, 2021 at 9:02 am\n   How long do the grains"
            " keep?\n\n   Bo says:\n   June 4, 2021 at 10:15 am\n   Months, fed every day.\n\nRecent Comments\n\n"
            "     * [12]Cy on Sourdough starter\n     * [13]Di on Water kefir\n")
    doc = parse(page)
    assert [c.author for c in doc.comments] == ["Ann", "Bo"]
    heading = next(ln for ln in doc.lines if ln.text == "Recent Comments")
    assert (heading.role, heading.comment_id) == (LineRole.BOILERPLATE, None)


def test_photos_in_an_article_under_a_comment_count_are_no_names() -> None:
    """html2text: the comment count under the byline ('26 Comments'), then the article, its photos printed as
    their alt text ('![Glasses of lemonade](a.jpg)', a lazy image's placeholder before one) over its
    paragraphs: no photo names a reader, and the page shows no comments (they load by script)."""
    photo = "![{0}](https://example.org/{1}.jpg)"
    lazy = "![{0}](data:image/svg+xml,%3Csvg%20width='780'%3E%3C/svg%3E)![{0}](https://example.org/{1}.jpg)"
    page = ("# Easy Lemonade\n\nBy [Sally](https://example.org) Published: June 30, 2020\n\n26 Comments\n\n"
            "Jump to Recipe\n\n_Stir together a batch of homemade lemonade using bottled lemon juice._\n\n"
            + photo.format("Glasses of lemonade", "l4") + "\n\nIt is a rule of thumb that makes sense to me,"
            " especially with sweet drinks.\n\n" + lazy.format("Ingredients for lemonade", "l5")
            + "\n\nThis lemonade needs just a few simple ingredients you probably have.\n\n"
            + lazy.format("Pitcher of lemonade", "l2") + "\n\nMy kids have been mixing it all summer long.\n\n"
            "Continue to Content\n\nYield: 8 cups\n")
    assert parse(page).comments == ()


def test_names_over_a_time_first_date_and_a_reply_button_text_under_the_button() -> None:
    """WP Recipe Maker's comments in lynx: the name, 'Posted at 9:50 pm, October 15, 2025' (the time before
    the date), 'Reply', then the text; the next name right under the text above, no blank line between,
    and no comments heading (a recipe card's 'Review This Recipe' glued to its prompt)."""
    def comment(name: str, date: str, text: str) -> str:
        return f"   {name}\n   [7]Posted at {date}\n   [8]Reply\n\n   {text}\n"
    page = ("Stuffed dates\n\n   Stuff each pitted date with brie, wrap it in phyllo and bake until golden and"
            " crisp.\n\n   Sodium: 793.4mg | Fiber: 1.7g | Sugar: 16g\n"
            "   Review This Recipe [69]Let us know how it was!\n"
            + comment("Mike Zielonka", "9:50 pm, October 15, 2025", "Yummm, made them twice!")
            + comment("Ligon Miller", "11:14 am, December 31, 2024", "Can these be prepped ahead of time?")
            + comment("Diane spiegel", "9:23 am, December 6, 2024", "Looks delicious!!!")
            + "\nPost A Comment [80]Cancel reply\n")
    doc = parse(page)
    assert [(c.author, c.date[:10] if c.date else None, c.text) for c in doc.comments] == [
        ("Mike Zielonka", "2025-10-15", "Yummm, made them twice!"),
        ("Ligon Miller", "2024-12-31", "Can these be prepped ahead of time?"),
        ("Diane spiegel", "2024-12-06", "Looks delicious!!!")]


def test_a_comment_or_a_reply_by_name_with_its_date_and_a_labelled_time() -> None:
    """An Italian theme (Misya, lynx): each numbered item the avatar's alt text ('Utente', user, or the
    blogger's name), then 'Commento di NAME DATE data commento TIME' ('Risposta di' for the blogger's
    answers): the name after 'di' heads the comment."""
    def comment(n: int, avatar: str, kind: str, name: str, date: str, text: str) -> str:
        return (f"    {n}. {avatar}\n       {kind} di {name} {date} data commento 11:03 am\n       {text}\n"
                f"       [1{n}]Commenti Rispondi\n")
    page = ("Tortino cuore caldo\n\n   Sciogliete il cioccolato con il burro, unite le uova e lo zucchero e"
            " cuocete in forno caldo per dodici minuti.\n\nI vostri commenti\n\n"
            "   Lascia il tuo commento su Tortino cuore caldo\n"
            + comment(1, "Utente", "Commento", "Giovy", "24 Ottobre 2020", "Posso usare il colorante rosa?")
            + comment(2, "Misya", "Risposta", "Misya", "11 Novembre 2019", "@arianna ecco a te come fare.")
            + comment(3, "Utente", "Commento", "Arianna", "10 Novembre 2019", "Non ho quattro uova, che faccio?"))
    doc = parse(page)
    assert [(c.author, c.date[:10] if c.date else None) for c in doc.comments] == [
        ("Giovy", "2020-10-24"), ("Misya", "2019-11-11"), ("Arianna", "2019-11-10")]


def test_a_time_before_the_date_is_no_name() -> None:
    """'9:43pm On Dec 09, 2023' (the time, then 'On' and the date) under a poster's name is the post's date,
    and the time is no name of its own ('NAME on DATE' would read '9:43pm' as one)."""
    def post(name: str, when: str, text: str) -> str:
        return f"   {name}\n   {when}\n\n   {text}\n\n   [9]Reply\n\n"
    page = ("Hybrid computing\n\n   A quantum computer and a classical computer can work together to solve a"
            " problem, each doing the part it does best.\n\n   3 Comments\n\n"
            + post("Alphabyte2", "9:43pm On Dec 09, 2023", "Jax is a Python library developed by Google.")
            + post("Kaczynski", "6:19pm On Nov 21, 2025", "Well done, nice summary.")
            + post("Alphabyte3", "10:46am On Nov 22, 2025", "I used my own notes and rewrote them."))
    doc = parse(page)
    assert [(c.author, c.date[:10] if c.date else None) for c in doc.comments] == [
        ("Alphabyte2", "2023-12-09"), ("Kaczynski", "2025-11-21"), ("Alphabyte3", "2025-11-22")]


def test_forum_posts_by_name_with_a_date_label_and_a_wrapped_edit_time() -> None:
    """mwForum in lynx: '- By NAME [gb] Date 10.11.15 11:30 UTC Upvotes 3' (the country flag, the labels,
    a two-digit year) over the post; an edited post's header wrapped before its edit's time ('... Edited
    10.11.15' / '18:03 UTC'), which is no part of the text."""
    page = ("Breed suggestions for a family please\n\n   Topic Dog Boards / General / Breed suggestions\n\n"
            "   [11]- By [12]mrsflower [gb] Date 10.11.15 11:26 UTC\n   Hello, we are looking to have a dog member"
            " of the family in the coming\n   year but want to consider the best options for breed choice and"
            " give\n   ourselves time to really get to understand the breed. Which breed suits us?\n\n"
            "   [13]- By [14]RozzieRetriever Date 10.11.15 11:30 UTC Upvotes 3\n   For me it's a no brainer,"
            " Golden Retriever.\n\n"
            "   [27]- By [28]Brainless [gb] Date 10.11.15 18:00 UTC Edited 10.11.15 18:03 UTC\n"
            "   It's certainly not too early to be looking.\n\n"
            "   [29]- By [30]Tectona [gb] Date 10.11.15 19:27 UTC Edited 10.11.15\n   19:31 UTC\n"
            "   I agree, golden retriever or labrador.\n")
    doc = parse(page)  # (the thread's opening post is read as the page's article)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("RozzieRetriever", "For me it's a no brainer, Golden Retriever."),
        ("Brainless", "It's certainly not too early to be looking."),
        ("Tectona", "I agree, golden retriever or labrador.")]
    assert doc.comments[0].date == "2015-11-10T11:30"


def test_an_avatars_alt_text_printed_twice_names_no_one() -> None:
    """lynx prints a lazy avatar's alt text twice ('Avatar photo Avatar photo') over the commenter's name:
    'photo' is no name; the name under it heads the comment."""
    def comment(mark: str, name: str, date: str, text: str, pad: int) -> str:
        inner = " " * (pad + 4)
        return (f"{' ' * (pad + 1)}{mark}\n{' ' * pad}Avatar photo Avatar photo\n{inner}{name}\n"
                f"{inner}[8]{date}\n{inner}{text}\n{inner}[9]Reply\n")
    page = ("Best gluten-free pancakes\n\n   Whisk the quinoa flour with the milk and eggs, rest the batter for"
            " ten minutes and cook on a hot griddle.\n\n14 comments on “Best Gluten-Free Pancakes”\n\n"
            + comment("1.", "Lisa", "February 3, 2022 at 9:10 pm", "Could I use all purpose GF flour?", 3)
            + comment("1.", "Olivia Jo", "February 4, 2022 at 8:02 am", "Oat flour is a better swap.", 8)
            + comment("2.", "Shilpi", "March 1, 2022 at 7:45 pm", "I loved using quinoa flour here.", 3))
    doc = parse(page)
    assert [(c.author, c.depth) for c in doc.walk()] == [("Lisa", 0), ("Olivia Jo", 1), ("Shilpi", 0)]


def test_a_recipes_numbered_steps_labelled_with_their_own_number_are_no_comments() -> None:
    """inscriptis: a recipe's steps as a numbered list, each item 'Passo N' (step N) over its instruction,
    above the comments ('Lucia disse:' / date / text): the steps head no comment, and the comments under
    them stay at the top level."""
    steps = "".join(f"       {n}. Passo {n}\n\n          {text}\n\n" for n, text in (
        (1, "Em uma panela coloque o açúcar e leve em fogo médio mexendo até derreter;"),
        (2, "Em seguida adicione a água e continue mexendo até derreter as pelotas;"),
        (3, "Transfira essa calda para uma forma untada com manteiga.")))
    comments = "".join(f"           {n}. {name} disse:\n              {date}\n\n              {text}\n\n"
                       "                Responder\n\n" for n, name, date, text in (
        (1, "Lucia H G Gomes de Sa", "10/04/2026 às 14:25", "Eu amo essas receitas fáceis. Beijos"),
        (2, "Patricia Nogara", "11/04/2026 às 09:02", "Amei a receita, fiz hoje! Fica uma delícia.")))
    page = ("Bolo cocada\n\n      Como preparar a Calda\n\n      Modo de Preparo em 3 passos.\n\n" + steps
            + "      Gostou desta receita? Comente!\n\n        Enviar comentário\n\n" + comments)
    doc = parse(page)
    assert [(c.author, c.depth) for c in doc.comments] == [("Lucia H G Gomes de Sa", 0), ("Patricia Nogara", 0)]


def test_a_numbered_item_of_two_avatar_images_over_the_name_in_html2text() -> None:
    """html2text: a comment's number beside its avatar printed as two images (a lazy image's placeholder,
    then the image, both 'Avatar photo'), the name in bold under it, then the date's link and the text:
    the item is the avatar, the bold name heads the comment."""
    def comment(pad: int, name: str, date: str, text: str) -> str:
        avatar = ("![Avatar photo](data:image/svg+xml,%3Csvg%20viewBox='0%200%2050%2050'%3E%3C/svg%3E)"
                  "![Avatar photo](https://example.org/blank.gif)")
        return f"{' ' * pad}1. {avatar}\n\n**{name}**\n\n[{date}](https://example.org/#c)\n\n{text}\n\n[Reply](#r)\n\n"
    page = ("# Best gluten-free pancakes\n\nWhisk the quinoa flour with the milk and eggs, rest the batter for ten"
            " minutes and cook on a hot griddle.\n\n## 3 comments on “Best Gluten-Free Pancakes”\n\n"
            + comment(2, "Lisa", "February 3, 2022 at 9:10 pm", "Could I use all purpose GF flour instead?")
            + comment(5, "Olivia Jo", "February 4, 2022 at 8:02 am", "Oat flour is a better substitution.")
            + comment(2, "Shilpi", "March 1, 2022 at 7:45 pm", "I loved using quinoa flour here."))
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("Lisa", "Could I use all purpose GF flour instead?"), ("Olivia Jo", "Oat flour is a better substitution."),
        ("Shilpi", "I loved using quinoa flour here.")]


def test_one_picture_printed_twice_is_one_picture_and_an_avatar_beside_a_badge_is_two() -> None:
    """A list item of one image printed twice with the same alt text (a lazy placeholder, then the image)
    is a picture, as one image is; an avatar beside a rank's badge (Invision) is not one picture."""
    lazy = "![Ann](data:image/svg+xml,%3Csvg%3E%3C/svg%3E)![Ann](https://example.org/a.jpg)"
    badge = "[ ![Ann](https://example.org/a.jpg) ](https://example.org/u/1 \"Ann's profile\") ![Mentor](https://example.org/m.svg)"
    lines = scan(f"# Page\n\nSome words of text here for the page.\n\n  1. ![Ann](https://example.org/a.jpg)\n\n"
                 f"  2. {lazy}\n\n  3. {badge}\n")
    assert [line.pictured for line in lines if line.marker] == [True, True, False]


def test_w3m_recipe_card_over_a_form_and_comments_under_its_fields() -> None:
    """w3m prints everything flush: the recipe card's photo (alt text twice, glued) over the recipe's title,
    which is the page's headline, reads like an avatar over a name, and is none; the first comment's name
    stands right under the reply form's last field ('Leave this field empty [    ]'); a 'Most popular
    recipes:' list under the comments is a sidebar's."""
    comments = "".join(f"{name}\n\n{date}\n\n{text}\n\n" for name, date, text in (
        ("Eve", "Saturday 17th of August 2024", "Can I use canned banana blossoms for this?"),
        ("Rhea", "Wednesday 19th of June 2024", "Thank you for sharing, so amazing!"),
        ("Jo", "Thursday 14th of March 2024", "I made this in the air fryer and it was great.")))
    page = ("Banana Blossom Fish\n\nSoak the blossoms, coat them in seaweed batter and fry them until they are"
            " crisp and golden all over.\n\nBanana Blossom FishBanana Blossom Fish\n\nBanana Blossom Fish\n\n"
            "Bianca | Vegan Kitchen\nThis vegan fish is flaky and light, and it takes twenty minutes from start to"
            " finish.\n\nClick here to cancel reply.\n\nName *[                    ]\n"
            "Leave this field empty [                    ]\n" + comments
            + "Most popular recipes:\n\n  • Vegan Falafel Curry\n    Vegan Falafel Curry\n"
            "  • Vegan Breakfast Recipes\n    12 Vegan Breakfast Recipes\n")
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("Eve", "Can I use canned banana blossoms for this?"), ("Rhea", "Thank you for sharing, so amazing!"),
        ("Jo", "I made this in the air fryer and it was great.")]


def test_a_reviews_rating_over_its_date_under_the_text_names_no_one() -> None:
    """A French recipe blog's reviews (w3m): the numbered item with the avatar's file name and the name,
    the text, then the rating '(5/5)' over the date: the rating is no name heading the next review."""
    def review(n: int, name: str, text: str, rating: str, date: str) -> str:
        return f" {n}. [svg][471] {name}\n\n    {text}\n\n    ({rating})\n    {date}\n"
    page = ("Recette cake savane maison\n\nBattez les oeufs avec le sucre, ajoutez la farine et le beurre fondu,"
            " puis partagez la pâte en deux et colorez une moitié au cacao.\n\n"
            "21 commentaires pour “Recette cake savane maison”\n\n"
            + review(1, "Fanny", "trop bon et trop facile à faire je les fait toute seule", "5/5",
                     "12 mai 2022 à 15h03")
            + review(2, "anais", "facile a réaliser et très bon", "5/5", "9 juin 2022 à 09h21")
            + review(3, "Salomé", "très bon, mes enfants ont adoré", "4/5", "13 juin 2022 à 11h35"))
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("Fanny", "trop bon et trop facile à faire je les fait toute seule"),
        ("anais", "facile a réaliser et très bon"), ("Salomé", "très bon, mes enfants ont adoré")]


def test_html2text_avatar_image_glued_to_a_name_it_does_not_name() -> None:
    """html2text glues a reply's avatar image to the name beside it, and the image's alt text names the
    person behind a team account ('![Avatar for Dana @ Kitchen](a.jpg)Support @ Kitchen says'): the
    image is the avatar, the words after it the name."""
    def comment(pad: int, avatar: str, name: str, text: str) -> str:
        return (f"{' ' * pad}* {avatar}{name} says\n\n[May 2, 2023 at 9:10 am](https://example.org/p/#c)\n\n"
                f"{text}\n\nReply\n\n")
    staff = "![Avatar for Dana @ Green Kitchen](https://secure.gravatar.com/avatar/95?s=125)"
    page = ("# Cashew ricotta\n\nSoak the cashews, blend them with lemon juice and salt until smooth and creamy."
            "\n\n## 3 comments\n\n"
            + comment(2, "", "Lisa", "Does it need an egg as a binder for ravioli?")
            + comment(5, staff, "Support @ Green Kitchen", "It should not need a binder inside ravioli.")
            + comment(2, "![Avatar for Joe](https://secure.gravatar.com/avatar/7?s=125)", "Joe Park",
                      "I stuffed squash boats with it, so good."))
    doc = parse(page)
    assert [(c.author, c.depth, c.text) for c in doc.comments] == [
        ("Lisa", 0, "Does it need an egg as a binder for ravioli?"),
        ("Support @ Green Kitchen", 1, "It should not need a binder inside ravioli."),
        ("Joe Park", 0, "I stuffed squash boats with it, so good.")]


def test_html2text_avatar_item_with_a_permalink_sign_carries_the_reply_depth() -> None:
    """A theme that prints each comment's avatar and its permalink ('#') as the list item, the name and date
    flush under it (html2text: '  1. ![](a.jpg) #' / '**Ann** -- DATE'): the item is the comment's head,
    and its indentation gives the reply its depth."""
    def comment(marker: str, name: str, date: str, text: str) -> str:
        avatar = "![](https://secure.gravatar.com/avatar/1?s=48)"
        return f"{marker} {avatar} #\n\n**{name}** -- {date}\n\n{text}\n\nReply\n\n"
    page = ("# Fudgy brownies\n\nMelt the butter with the chocolate, whisk in the sugar and eggs, fold in the flour"
            " and bake until set.\n\n## Comments\n\n"
            + comment("  1.", "Ann", "October 7, 2023 _at_ 12:35 pm", "The centre stayed quite moist, any ideas?")
            + comment("     *", "Tessa", "October 9, 2023 _at_ 8:53 am", "Your oven may run cool, try a thermometer.")
            + comment("       *", "Ann", "October 10, 2023 _at_ 9:00 am", "It was running cool indeed, thank you.")
            + comment("  2.", "Bob", "October 6, 2023 _at_ 12:29 pm", "Can I bake this in a metal pan?")
            + comment("  3.", "Cid", "October 5, 2023 _at_ 5:20 pm", "My children loved them."))
    doc = parse(page)
    assert [(c.author, c.depth) for c in doc.comments] == [("Ann", 0), ("Tessa", 1), ("Ann", 2), ("Bob", 0), ("Cid", 0)]
    assert doc.comments[1].text == "Your oven may run cool, try a thermometer."


def test_a_logo_over_every_name_heads_a_reply_whose_name_reads_like_a_title() -> None:
    """A theme that prints its logo's alt text over every commenter's name ('1. Site Logo' / 'Melissa' /
    text / date): the logo names no one, and a team member's name that reads like a title ('Eman @ Pinch
    of Salt') still heads their reply."""
    def comment(pad: int, n: int, name: str, text: str, date: str) -> str:
        inner = " " * (pad + 3)
        return f"{' ' * pad}{n}. Pinch of Salt Logo\n{inner}{name}\n\n{inner}{text}\n\n{inner}{date}\n{inner}Reply\n"
    page = ("Broccoli Cheese Soup\n\nCook the onions in butter, whisk in the flour and the broth, add the broccoli"
            " and simmer until tender, then stir in the cheese.\n\n155 Comments\n\n"
            + comment(1, 1, "Melissa", "Can you make this in an instant pot?", "09/08/20 @ 10:21 am")
            + comment(5, 1, "Eman @ Pinch of Salt", "We have not tested it in the Instant Pot yet.",
                      "09/08/20 @ 2:08 pm")
            + comment(1, 2, "Niki", "Where does the paprika come in?", "09/08/20 @ 10:37 am")
            + comment(5, 1, "Barbara", "Step three adds salt, pepper and paprika.", "09/08/20 @ 12:57 pm")
            + comment(5, 2, "Eman @ Pinch of Salt", "You add the paprika in step three.", "09/08/20 @ 2:04 pm")
            + comment(1, 3, "Shannon", "Any substitutes for the half and half?", "09/09/20 @ 8:00 am")
            + comment(1, 4, "Ali", "Made it tonight, everyone loved it.", "09/09/20 @ 9:00 pm"))
    doc = parse(page)
    assert [(c.author, c.depth) for c in doc.comments] == [
        ("Melissa", 0), ("Eman @ Pinch of Salt", 1), ("Niki", 0), ("Barbara", 1), ("Eman @ Pinch of Salt", 1),
        ("Shannon", 0), ("Ali", 0)]
    assert doc.comments[4].text == "You add the paprika in step three."


def test_w3m_one_word_name_glued_to_its_avatar_over_the_name_flush() -> None:
    """w3m glues a one-word name to its avatar's alt text and prints both flush, over the name alone
    ('FranziFranzi' / 'Franzi' / text, wpDiscuz): the glued line is the avatar, the commenter 'Franzi'."""
    def comment(name: str, text: str, date: str) -> str:
        return f"{name}{name}\n{name}\n\n{text}\n\nDaumen hoch0Daumen runter  Antworten\n{date}\n"
    page = ("Zitronenkuchen vom Blech\n\nButter, Zucker und Eier schaumig schlagen, Mehl und Zitronensaft"
            " unterheben und den Teig auf dem Blech backen.\n\n12 Kommentare\n\n"
            + comment("Franzi", "Liebe Kathrin, ich habe das Rezept direkt nachgebacken.", "19. Februar 2017 20:00")
            + comment("Alexandra", "Kann ich den Teig auch in Muffinförmchen geben?", "15. Februar 2017 09:49")
            + comment("Kathrin", "Hallo Alexandra, das sollte kein Problem sein.", "15. Februar 2017 10:13"))
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("Franzi", "Liebe Kathrin, ich habe das Rezept direkt nachgebacken."),
        ("Alexandra", "Kann ich den Teig auch in Muffinförmchen geben?"),
        ("Kathrin", "Hallo Alexandra, das sollte kein Problem sein.")]


def test_html2text_name_flush_under_a_dated_list_item_takes_the_items_depth() -> None:
    """html2text prints a comment's list item with its avatar's empty link or its date on it, and the date,
    the name and the text flush under it ('    * [](https://ann.org)' / 'July 26, 2019' / 'Ann', or
    '    * July 27, 2019' / 'Ann'): the item's indentation gives the reply its depth."""
    def comment(marker: str, avatar: bool, date: str, name: str, text: str) -> str:
        top = f"{marker} [](https://example.org/{name.lower()})\n\n{date}" if avatar else f"{marker} {date}"
        return f"{top}\n\n{name}\n\n{text}\n\n[Reply](https://example.org/p/?replytocom=1#commentform)\n\n"
    page = ("# Where to eat in Tulsa\n\nA weekend of barbecue, biscuits and brunch spots across the city, from the"
            " Arts District to Cherry Street.\n\nCOMMENTS\n\n"
            + comment("  *", True, "July 25, 2019", "Rob", "We were awestruck with the food scene here!")
            + comment("    *", True, "July 26, 2019", "Kristin", "We only popped in for a quick beer.")
            + comment("    *", False, "July 27, 2019", "Tommy", "The cafe in the Paseo is a must go.")
            + comment("  *", False, "July 26, 2019", "Jenny", "Best hot chicken sandwiches in town."))
    doc = parse(page)
    assert [(c.author, c.depth, c.text) for c in doc.comments] == [
        ("Rob", 0, "We were awestruck with the food scene here!"),
        ("Kristin", 1, "We only popped in for a quick beer."),
        ("Tommy", 1, "The cafe in the Paseo is a must go."), ("Jenny", 0, "Best hot chicken sandwiches in town.")]


_SIGNED_FR = (("Super recette, à refaire très vite.", "Valentin", "25 novembre 2021", "1 1"),
              ("Excellent!", "Tupepa", "08 avril 2020", "3 0"),
              ("Facile et somptueux, mon mari a adoré.", "Mia", "02 juin 2017", "4 0"))


@pytest.mark.parametrize("converter", ["w3m", "lynx"])
def test_texts_signed_below_by_name_date_and_a_bar_of_counts_and_buttons(converter: str) -> None:
    """A French recipe site prints each review's text, then its name, date and a bar of the votes' counts
    and buttons ('3 0 Signaler un abus Répondre'; lynx: '(BUTTON) 3 (BUTTON) 0 (BUTTON) Signaler un abus
    (BUTTON) Répondre'), under the form's send button ('ENVOYER') and over 'Recettes similaires :': the
    texts are signed below, the bar is the comment's buttons."""
    def bar(counts: str) -> str:
        if converter == "lynx":
            return " ".join(f"(BUTTON) {n}" for n in counts.split()) + " (BUTTON) Signaler un abus (BUTTON) Répondre"
        return f"{counts} Signaler un abus Répondre"
    send = "(BUTTON) ENVOYER" if converter == "lynx" else "ENVOYER"
    page = ("Saumon au four\n\nPosez les pavés de saumon dans un plat, arrosez d'huile d'olive et de citron, puis"
            " enfournez quinze minutes à 200 degrés.\n\nCommentaires :\n\nNoter la recette:\n" + send + "\n"
            + "".join(f"{text}\n\n{name}\n{date}\n{bar(counts)}\n" for text, name, date, counts in _SIGNED_FR)
            + "Recettes similaires :\n\nKefta\nKefta\nMoussaka au four\nMoussaka au four\n")
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [(name, text) for text, name, _, _ in _SIGNED_FR]


def test_a_count_alone_as_a_list_item_heads_no_comment() -> None:
    """inscriptis prints the comments' count as a list item under the heading ('* (13)') over the form's
    lines and the comments: a count names no one, and the comments stay at depth 0."""
    page = ("Saumon au four\n\n  Posez les pavés de saumon dans un plat, arrosez d'huile d'olive et de citron,"
            " puis enfournez quinze minutes.\n\n  Commentaires :\n\n    * (13)\n    Noter la recette:\n"
            "    ENVOYER\n\n"
            + "".join(f"    {text}\n\n      {name}\n      {date}\n      {counts} Signaler un abus Répondre\n\n"
                      for text, name, date, counts in _SIGNED_FR))
    doc = parse(page)
    assert [(c.author, c.depth, c.text) for c in doc.comments] == [(name, 0, text) for text, name, _, _ in _SIGNED_FR]


def test_html2text_name_item_over_flush_text_and_a_dated_reply_line() -> None:
    """An Italian recipe site (html2text): each comment is a list item of the name alone, its text printed
    flush as html2text prints an item's paragraphs, then the date and the reply button on one line
    ('28 Settembre 2023 Rispondi'); replies are items set deeper."""
    def comment(pad: int, name: str, text: str, date: str) -> str:
        return f"{' ' * pad}* {name}\n\n{text}\n\n{date} Rispondi\n\n"
    page = ("# Torta fredda al limone\n\nUna base di biscotti e burro, una crema al limone e mascarpone, e una notte"
            " in frigorifero.\n\nCommenti (169)\n\nScrivi un commento\n\n"
            + comment(2, "linaxtiscalinet-it", "Cosa posso usare al posto del limoncello? Grazie", "1 Settembre 2023")
            + comment(4, "Benedetta Rossi", "Puoi sostituirlo con il succo di limone.", "1 Settembre 2023")
            + comment(2, "Giorgia", "Per trenta persone mi consigli una base rettangolare?", "20 Luglio 2023"))
    doc = parse(page)
    assert [(c.author, c.depth, c.text) for c in doc.comments] == [
        ("linaxtiscalinet-it", 0, "Cosa posso usare al posto del limoncello? Grazie"),
        ("Benedetta Rossi", 1, "Puoi sostituirlo con il succo di limone."),
        ("Giorgia", 0, "Per trenta persone mi consigli una base rettangolare?")]


@pytest.mark.parametrize("delete", ["Kommentar löschen", "(BUTTON) Kommentar löschen"])
def test_name_beside_the_comments_delete_button_heads_it(delete: str) -> None:
    """A German recipe community prints each comment's name beside its moderation button ('anaya60
    Kommentar löschen'; lynx: '(BUTTON) Kommentar löschen'), the text, the date, the reply buttons and the
    reply form's send buttons ('Abbrechen Senden'): a head per name, names with digits too."""
    posts = (("anaya60", "Habe ihn heute erstmals gemacht, war super lecker.", "12.04.2020 17:02"),
             ("08bine", "Könnte ich die Früchte nach dem Backen auf den Kuchen legen?", "07.04.2020 21:50"),
             ("Katzastrophe", "Tipp: den Pudding kalt rühren, dann klappt es.", "01.03.2020 10:15"))
    page = ("Mandarinen-Schmand-Kuchen\n\nDen Teig in die Form geben, die Mandarinen darauf verteilen und den"
            " Schmand mit dem Pudding glatt rühren.\n\nKommentare\n\n"
            + "".join(f"{name} {delete}\n\n{text}\n\n{date}\nAntworten Antworten\nAbbrechen Senden\n\n"
                      "Erneut versuchen\n\n" for name, text, date in posts))
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [(name, text) for name, text, _ in posts]


def test_a_name_ending_in_a_weekdays_letters_and_a_count_with_a_thousands_point() -> None:
    """A German food blog (lynx): '1.620 Kommentare' announces the thread (a count with a thousands point),
    and 'Emmi 29. September 2023 - 17:28' is Emmi's header: a date glued to a name starts with a capital or a
    digit, so 'mi' (Mittwoch) is no weekday cut off her name. The reply button's link, alone or at the end of
    the text's last line ('... überhaupt. [12]Antworten >>'), is no part of the text."""
    def comment(pad: int, n: int, name: str, date: str, text: str) -> str:
        button = " [12]Antworten >>\n" if n == 1 else f"\n{' ' * (pad + 3)}[12]Antworten >>\n"
        return f"{' ' * pad}{n}. {name} {date}\n{' ' * (pad + 3)}{text}{button}"
    page = ("Klassisches Rindergulasch\n\n   Das Fleisch in Würfel schneiden, scharf anbraten und mit Zwiebeln,"
            " Paprika und Brühe zwei Stunden schmoren lassen.\n\n   Senden\n   1.620 Kommentare\n"
            + comment(4, 1, "Nicole", "29. September 2023 - 17:04", "Bestes Rezept für Rindergulasch überhaupt.")
            + comment(9, 1, "Emmi", "29. September 2023 - 17:28", "Das freut mich, Nicole! LG Emmi")
            + comment(4, 2, "Badegast1", "25. September 2023 - 13:15", "Superlecker, mit Kartoffelknödeln.")
            + comment(9, 1, "Emmi", "25. September 2023 - 13:39", "Klasse! Lieben Dank & LG Emmi"))
    doc = parse(page)
    assert [(c.author, c.depth) for c in doc.comments] == [("Nicole", 0), ("Emmi", 1), ("Badegast1", 0), ("Emmi", 1)]
    assert [c.text for c in doc.comments] == [
        "Bestes Rezept für Rindergulasch überhaupt.", "Das freut mich, Nicole! LG Emmi",
        "Superlecker, mit Kartoffelknödeln.", "Klasse! Lieben Dank & LG Emmi"]


def test_a_count_of_reviews_alone_on_its_line_announces_the_comments() -> None:
    """A recipe site heads its comments with their count as reviews ('### 14 Reviews', html2text), under a
    sidebar's heading; each review is the avatar's link, then '[ Ann ](/users/1 "Ann") December 28, 2021'."""
    def review(name: str, date: str, text: str) -> str:
        user = f"https://food.example/users/{name.lower()}"
        avatar = f"[\n![{name}](data:image/gif;base64,R0lGOD==)\n]({user} \"{name}\")"
        return f"{avatar}\n\n[ {name} ]({user} \"{name}\") {date}\n\n{text}\n\n\n\n"
    page = ("# Sticky Chicken Wings\n\nToss the wings in the glaze and roast them until they are sticky and"
            " charred at the edges.\n\n### Popular on Food Example\n\n###  3 Reviews\n\n"
            + review("DD", "December 28, 2021", "They were way too salty for us.")
            + review("ademsas", "May 28, 2023", "Salt to taste and they are perfect.")
            + review("judy", "December 26, 2021", "Sounds delicious with cranberry sauce."))
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("DD", "They were way too salty for us."), ("ademsas", "Salt to taste and they are perfect."),
        ("judy", "Sounds delicious with cranberry sauce.")]


@pytest.mark.parametrize("signature", ["– jennifer", "- [jennifer](https://food.example/cake/#comment-26)"])
def test_a_dash_and_a_name_under_a_quoted_review_in_the_article_head_no_comment(signature: str) -> None:
    """A recipe quotes a reader's review near its top ('“This cake was delicious!…”' / '– jennifer', w3m;
    html2text: '- [jennifer](…#comment-26)'), under the byline's jump link to the comments ('55 Comments'):
    the dash and the name attribute the quote, no comment's head, and the comments below keep their depth."""
    def comment(n: int, pad: int, name: str, date: str, text: str) -> str:
        inner = " " * (pad + 4)
        return f"{' ' * pad}{n}. {name} says:\n{inner}{date}\n\n{inner}{text}\n\n{inner}Reply\n"
    page = ("Protein Cake\n\nBrittany Mullins Updated Feb 25, 2026\nJump to Recipe\n\n55 Comments\n\n"
            "A chocolate cake with fifteen grams of protein a slice, made with oat flour.\n\n"
            "“This cake was delicious! My husband was skeptical and then proceeded to devour it!”\n\n"
            f"{signature}\n\n54 More Reviews\n\nWhy I Love This Protein Cake\n\nIt is easy to make with pantry"
            " staples, and the oat flour keeps it gluten-free.\n\n55 Comments\n\n"
            + comment(1, 1, "Rsaaa", "May 7, 2026 at 10:01 pm", "Does this call for 1 cup or 1 scoop?")
            + comment(1, 5, "Brittany Mullins", "May 10, 2026 at 8:14 pm", "It is 1 scoop, not 1 cup.")
            + comment(2, 1, "Labubu", "April 5, 2026 at 8:18 am", "Love this recipe, so moist."))
    doc = parse(page)
    assert [(c.author, c.depth) for c in doc.comments] == [("Rsaaa", 0), ("Brittany Mullins", 1), ("Labubu", 0)]


def _flat_thread(posts: list[tuple[str, str, str]]) -> str:
    """A recipe's comments as w3m prints a theme's thread without its nesting: the avatar's alt text and the
    name, the date, the text, all flush."""
    return ("Strogonoff de frango\n\nRefogue o frango com cebola e alho, junte o creme de leite e o ketchup e"
            " sirva com arroz branco.\n\nComentários\n\n"
            + "".join(f"{name}\n\n{name}\n\n{date}\n\n{text}\n\n" for name, date, text in posts))


def test_a_flat_thread_nests_a_comment_that_greets_the_one_above_it() -> None:
    """In a thread printed flat and not in time order, the site's answer that greets the reader above it
    ('Oi Ketlen!') is a reply to that reader, a second answer to the same reader after it too; a reader's
    comment that greets nobody above it stays at the top level."""
    doc = parse(_flat_thread([
        ("Ketlen Mesquita", "05/11/2020", "Eu não tenho tablete de caldo de galinha, e agora?"),
        ("CyberCook", "06/11/2020", "Oi Ketlen! Ajustamos o modo de preparo, obrigada pelo alerta."),
        ("Luanna Zanne", "08/01/2019", "Receita mais fácil e prática, amei."),
        ("CyberCook", "08/01/2019", "Oi Luanna, tudo bem? Obrigada pelo seu comentário."),
        ("CyberCook", "08/01/2019", "Oi Luanna, esquecemos de dizer: bom apetite!"),
        ("Ailton Sales", "24/06/2018", "Não gostei ou não fiz certo."),
        ("Dhiana Câmara", "17/01/2018", "Eu fiz e amei! Mas tem outra versão?")]))
    assert [(c.author, c.depth) for c in doc.comments] == [
        ("Ketlen Mesquita", 0), ("CyberCook", 1), ("Luanna Zanne", 0), ("CyberCook", 1), ("CyberCook", 1),
        ("Ailton Sales", 0), ("Dhiana Câmara", 0)]
    assert doc.comments[4].parent_id == doc.comments[2].comment_id


def test_a_flat_thread_keeps_readers_greetings_at_the_top_level() -> None:
    """Readers greet the page's host in comments of their own ('Hoi Rutger, ...'), often right under the
    host's answer to someone else, and greet each other in a flat list of their own comments ('Roos, ik
    ook'): a reader's greeting nests nothing; the host's answers (the host wrote the most comments) that
    greet a reader still do."""
    doc = parse(_flat_thread([
        ("Lotte", "01/05/2021", "Hallo, kan ik hier ook kleine abrikozenvlaaitjes van maken?"),
        ("Rutger", "02/05/2021", "Lotte, dat kan zeker, bak ze wel korter."),
        ("Roos", "03/05/2021", "Beste Rutger, dit recept zou ik graag met perziken maken."),
        ("Anke", "03/05/2021", "Roos, ik ook! Met nectarines is hij ook lekker."),
        ("Rutger", "04/05/2021", "Hoi Roos, de perziken kun je gewoon meebakken."),
        ("Marjon", "05/05/2021", "Hoi Rutger, in je taartbijbel staat ook een vlaai."),
        ("Rutger", "06/05/2021", "Hoi Marjon! Die heeft Hans geschreven.")]))
    assert [(c.author, c.depth) for c in doc.comments] == [
        ("Lotte", 0), ("Rutger", 1), ("Roos", 0), ("Anke", 0), ("Rutger", 0), ("Marjon", 0), ("Rutger", 1)]


def test_a_flat_discussion_keeps_its_busiest_members_greeting_at_the_top_level() -> None:
    """On a discussion blog printed flat, the busiest member greets someone now and then ('hi Nossi, ...')
    among comments that answer nobody in particular: their comments are no host's answers, and the
    greeting nests nothing."""
    doc = parse(_flat_thread([
        ("Nossi", "01/03/2021", "Vielen Dank für deine Ausführungen zum Jahrzehnt."),
        ("clandestine", "01/03/2021", "Hi Nossi, vielleicht ist das der Kern der Sache."),
        ("Yorick", "02/03/2021", "Das sehe ich anders, die Zahlen sagen etwas anderes."),
        ("clandestine", "02/03/2021", "Die Zahlen sind nicht alles, es geht um die Haltung."),
        ("Robert", "03/03/2021", "Ich glaube, ich weiß, welche Haltung gemeint ist."),
        ("clandestine", "03/03/2021", "Genau darum geht es mir seit Jahren."),
        ("Wiener Blut", "04/03/2021", "Was ich mitnehme: es bleibt schwierig.")]))
    assert [c.depth for c in doc.comments] == [0, 0, 0, 0, 0, 0, 0]


def test_a_time_on_its_own_line_under_the_date_and_a_you_may_also_like_list() -> None:
    """A Dutch food blog (lynx) prints the time under the date on a line of its own ('om 23:50', at 23:50),
    no name; 'Dit vind je misschien ook lekker' (you may also like) heads teasers, each a title over a date
    and an excerpt, that are no comments."""
    def comment(pad: int, n: int, name: str, date: str, time: str, text: str) -> str:
        inner = " " * (pad + 3)
        return f"{' ' * pad}{n}. {name}\n{inner}{date}\n{inner}om {time}\n{inner}{text}\n{inner}[67]Reageren\n"
    page = ("Stroganoff uit de oven\n\n   Bak de ui en de champignons, voeg het vlees en de saus toe en laat het"
            " geheel een uur in de oven garen.\n\n   9 reacties\n\n"
            + comment(4, 1, "Anja Korsten", "6 oktober 2020", "23:50", "Deze vandaag gemaakt, heerlijk!")
            + comment(4, 2, "Anja", "2 juli 2020", "07:05", "Op hoeveel graden moet de oven?")
            + comment(9, 1, "Annemiek", "2 juli 2020", "09:16", "200 graden.")
            + "\nDit vind je misschien ook lekker\n\nCruffins met kaneelsuiker\n\n   7 oktober 2023\n\n"
            "   Ken jij de cruffin al? Een combinatie van croissants en muffins.\n\nWeekmenu 41 2023\n\n"
            "   6 oktober 2023\n\n   Wat eten we vandaag? Een dagelijks terugkerende vraag.\n")
    doc = parse(page)
    assert [(c.author, c.depth, c.text) for c in doc.comments] == [
        ("Anja Korsten", 0, "Deze vandaag gemaakt, heerlijk!"), ("Anja", 0, "Op hoeveel graden moet de oven?"),
        ("Annemiek", 1, "200 graden.")]


def test_reviews_under_vos_avis_with_the_report_button_before_each_name() -> None:
    """A French recipe site's reviews (lynx): 'Vos avis' (your reviews) heads them, and each header prints
    the report button before the name ('Signaler Angel - 17 avril 2026'); the byline over the recipe
    ('La Rédaction' / '15/07/24') heads no comment."""
    reviews = (("Angel", "17 avril 2026", "Une catastrophe, la garniture est restée liquide."),
               ("Jimbi", "14 juin 2024", "Facile à réaliser, avec une pointe de Cointreau."),
               ("Cis", "18 avril 2021", "Très bonne recette, simple et efficace."))
    page = ("Tarte aux fraises\n\n   Découvrez la recette de la tarte aux fraises, ce classique facile et rapide"
            " à faire dont on ne se lasse pas.\n\nLa Rédaction\n\n   15/07/24\n   Noter (290)\n"
            "   Sauvegarder Imprimer\n\n   Étalez la pâte, garnissez-la de crème pâtissière et de fraises.\n\n"
            "Vos avis\n\n"
            + "".join(f"   Signaler {name} - {date}\n   Excellent\n\n   {text}\n" for name, date, text in reviews))
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [(name, text) for name, _, text in reviews]


def test_django_times_amounts_with_fractions_a_logo_avatar_and_rules_between_comments() -> None:
    """A recipe site (lynx): headers 'Marie - May 15, 2025, 6 p.m.' (Django's hour alone), the recipe's
    ingredients ('⅓ cups (80ml)' / 'extra-virgin olive oil': an amount, no name), the team's reply under
    its logo's alt text ('PUL small logo PUL Team - DATE') right under the question, which shows no reply
    button of its own, and a horizontal rule (lynx's underscores) between comments."""
    rule = "     " + "_" * 66
    page = ("Shallot Dressing\n\n   Whisk the shallot with the vinegar, mustard and oil, and season it well.\n\n"
            "Ingredients\n\n   ⅓ cups (80ml)\n   extra-virgin olive oil\n\n   ¼ cups (60ml)\n   white wine vinegar\n\n"
            "   ½ tsp\n   salt\n\n   ½ tsp\n   ground black pepper\n\n   (BUTTON) Submit\n\n"
            f"   Marie - May 15, 2025, 6 p.m.\n\n   Absolutely delicious.\n   Reply\n{rule}\n\n"
            "   Michelle - May 11, 2025, 7:29 a.m.\n\n   Can I use honey as a substitute?\n"
            "   PUL small logo PUL Team - May 11, 2025, 2:08 p.m.\n\n   Hey Michelle, we have not tried honey.\n"
            f"   Reply\n{rule}\n\n   Rebecca - May 11, 2025, 2:01 a.m.\n\n   Love this dressing!\n   Reply\n{rule}\n")
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [
        ("Marie", "Absolutely delicious."), ("Michelle", "Can I use honey as a substitute?"),
        ("PUL Team", "Hey Michelle, we have not tried honey."), ("Rebecca", "Love this dressing!")]


def test_a_reviews_row_of_star_images_is_no_part_of_its_text() -> None:
    """A recipe site's reviews print five star images over each text: w3m as their file names
    ('[rating_on]' five times, glued), html2text as a row of images whose addresses it wrapped over many
    lines ('![](https://…/wp-' / 'postratings/images/rating_on.gif)![](https://…/wp-' / …)."""
    star = "![](https://food.example/recipes/wp-\ncontent/plugins/wp-\npostratings/images/mitts/rating_on.gif)"
    reviews = (("4hmom", "7.26.2017", "Printed the recipe long ago and finally made it today.", 5),
               ("K-Dub", "8.28.2016", "Absolutely fantastic salsa, gobbled up at a party.", 4),
               ("hjcary", "8.19.2014", "We always have a jar of it in the refrigerator.", 3))
    w3m = ("Restaurant Style Salsa\n\nPulse the tomatoes, onion, jalapeño and cilantro in a food processor and"
           " season with salt and lime.\n\n2 Comments\n\nleeking on 2.20.2011\n\nThis salsa is amazing!\n\n"
           "bettycracker on 2.8.2011\n\nThrew this together on Sunday.\n\nLoad More Comments\n\n87 Reviews\n\n"
           + "".join(f"Profile photo of {name}\n\n{name} on {date}\n\n{'[rating_on]' * stars}\n\n{text}\n\n"
                     for name, date, text, stars in reviews))
    html2text = ("# Restaurant Style Salsa\n\nPulse the tomatoes, onion, jalapeño and cilantro in a food processor"
                 " and season with [salt](https://food.example/salt) and lime.\n\n## 87 Reviews\n\n"
                 + "".join(f"![Profile photo of {name}](https://food.example/a/{n}.jpg)\n\n"
                           f"####  [{name}](https://food.example/members/{n}/ \"{name}\") on {date}\n\n"
                           f"{''.join([star] * stars)}\n\n{text}\n\n"
                           for n, (name, date, text, stars) in enumerate(reviews)))
    expected = [(name, text) for name, _, text, _ in reviews]
    assert [(c.author, c.text) for c in parse(w3m).comments][2:] == expected
    assert [(c.author, c.text) for c in parse(html2text).comments] == expected


def test_names_over_dates_that_answer_each_other_open_the_thread_without_a_heading() -> None:
    """A Dutch recipe site (inscriptis): the comments under 'Laatste reacties', each 'NAME DD-MM-YYYY' over
    its text, no reply button, no avatar, and the menu's recipes above them ('+ Kip alfredo pasta' / '20-30
    minuten') read as list heads: names over dates that answer each other (pwiggers answers kokkie2011, who
    answered pwiggers) are the thread."""
    posts = (("effes54", "09-06-2022", "Vanavond gemaakt met 3 preien en wat minder spitskool plus vetspekblokjes."
                                         " Het was heerlijk met alle kruiden die erin gingen. Dank!"),
             ("pwiggers", "01-08-2021", "Superleuk om te horen kokkie2011. Dank je wel voor je hele leuke uitgebreide"
                                        " reactie. Leuk dat je het gerecht hebt gemaakt en aangepast."),
             ("kokkie2011", "01-08-2021", "Goeden avond pwiggers. Ik heb uw gerecht gemaakt, maar heb maar een halve"
                                          " prei gebruikt, en in plaats van 150 gr kaas heb ik 300 gr gebruikt."),
             ("pwiggers", "10-02-2021", "Dank je wel voor je compliment en fijn dat het jullie zo goed heeft gesmaakt."
                                        " Een hartelijke groet en nog een fijne avond gewenst."),
             ("Marjan", "02-01-2021", "Lekker recept, ik heb het gisteren voor de hele familie gemaakt en iedereen"
                                      " wilde nog een tweede portie, ik maak het zeker nog eens."))
    menu = "".join(f"            + {title}\n\n              {time}\n\n" for title, time in (
        ("Gehakttajine met tomaat/paprika", "30-60 minuten"), ("Kip alfredo pasta", "20-30 minuten"),
        ("Franse uiensoep die super simpel is", "30-60 minuten")))
    page = ("        * Recepten\n\n" + menu + "          + Populairste recepten\n          + Nieuwe recepten\n\n"
            "  Ovenschotel met prei en spekjes\n\n    Snijd de prei en de spitskool, bak de spekjes uit en schep alles"
            " met de saus in een ovenschaal.\n\n    Laatste reacties\n\n"
            + "".join(f"          {name} {date}\n\n          {text}\n\n" for name, date, text in posts))
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [(name, text) for name, _, text in posts]


def test_a_list_whose_items_all_repeat_one_label_is_no_thread() -> None:
    """A Norwegian recipe's steps (w3m): each a numbered item of its picture's alt text ('1. Butter chicken
    trinnbilder') over the step, no date, no header: one name over every 'comment' is a list's label, no
    reader; a thread of one reader's four comments would carry their dates or a header."""
    steps = ("Fjern skinnet på kyllingen og tørk den godt.", "Bland sammen chilipulver, garam masala og yoghurt.",
             "Stek kyllingen midt i stekeovnen ved 200 grader.", "Avkjøl og plukk kjøttet av beina i store biter.",
             "Lag smør- og tomatcurry med cashewnøtter.")
    page = ("Butter chicken\n\nEn mild og kremet indisk kyllinggryte med tomat, smør og cashewnøtter, servert med"
            " ris og naanbrød.\n\nSlik gjør du\n\n"
            + "".join(f" {n}. Butter chicken trinnbilder\n    [ ]{n}.{step}\n" for n, step in enumerate(steps, 1)))
    doc = parse(page)
    assert doc.comments == ()
    assert not any(line.role in (LineRole.COMMENT_HEADER, LineRole.COMMENT_TEXT) for line in doc.lines)


def test_an_ingredient_list_of_names_over_amounts_is_no_thread() -> None:
    """A Swedish children's recipe (lynx): the ingredients as list items, each a name over its amount
    ('* Broccoli' / '75 g', '* Parmesan' / '1 dl'), read as names over short texts: a run of texts that
    are each an amount is a recipe's list, no readers."""
    page = ("Pasta med broccolipesto\n\n   Pasta med broccolipesto är ett superlätt recept som passar små som stora,"
            " med alternativ för gluten- och äggfri version.\n\nPesto\n\n"
            "     * Broccoli\n       75 g\n     * Vitlöksklyfta\n       0.5 st\n     * Parmesan\n       1 dl\n"
            "     * Färsk Basilika\n       1 näve\n     * Olivolja\n       2.5 msk\n     * Citron\n\n"
            "Instruktioner\n\n    1. Koka valfri pasta\n    2. Ånga broccolin tills den är mjuk\n")
    doc = parse(page)
    assert doc.comments == ()


def test_recipes_for_you_heads_teasers_that_are_no_comments() -> None:
    """A Slovak recipe site (w3m) lists other recipes under 'Recepty pre teba' (recipes for you), each an
    item of an empty marker over the title and its chef's name: a sidebar's heading, no comments below."""
    teasers = (("3-chodové narodeninové menu", "Marcel Ihnačák"), ("Husacie prsia s hroznom", "Roman Paulus"),
               ("Pečené kuracie prsia so zelerovým pyré", "Roman Paulus"), ("Bryndzové halušky", "Marcel Ihnačák"))
    page = ("Špízy z bravčového mäsa\n\nMäso nakrájame na kocky, prepicháme so zeleninou na špízy a grilujeme"
            " ich z každej strany do zlatista.\n\nRecepty pre teba\n\n"
            + "".join(f"  •  \n    {title}\n    {chef}\n" for title, chef in teasers))
    assert parse(page).comments == ()


def test_a_report_button_and_an_age_wrapped_over_two_lines_are_one_date_line() -> None:
    """html2text wraps a forum post's report link and its age ('[ Report ](/reports.php?…) 7' / 'months ago'):
    the two lines are one date line, no header of a poster named 'Report'."""
    link = "[ Report ](/reports.php?do=add&type=post&primaryid=83754566 \"Report post\") 7"
    lines = scan(f"# Jeans\n\nWhere do you all buy your jeans these days?\n\n#2\n\n{link}\nmonths ago\n\n#2\n")
    date = next(line for line in lines if line.text.startswith("[ Report ]"))
    assert date.meta in {"date", "relative_date"} and date.author is None
    assert not any(line.author for line in lines)


@pytest.mark.parametrize("indent", [3, 10])
def test_an_austrian_portals_comments_closed_by_auf_kommentar_antworten(indent: int) -> None:
    """An Austrian recipe portal (lynx; inscriptis sets it all inside the tab list's last item): each
    comment 'NAME am DATE um TIME Uhr' over its text, its votes ('-66 +116') and 'Auf Kommentar antworten'
    (reply to the comment), a reply button that closes it; the author is the header's name, not the line."""
    pad = " " * indent
    posts = (("Maisi", "29.03.2019 um 07:20", "Sehr gutes Rezept, mit Zitronensaft schmeckt es sehr lecker."),
             ("algarve", "13.04.2016 um 21:08", "Ich verwende grünen und weißen Spargel, also gemischt."),
             ("Pesu07", "22.02.2020 um 10:58", "Ich gebe Serranoschinken und Croutons vor dem Servieren dazu."))
    page = ("Spargelcremesuppe\n\n   Den Spargel schälen, in Stücke schneiden und in der Brühe weich kochen, dann"
            " pürieren und mit Sahne verfeinern.\n\nUser Kommentare\n\n"
            + "".join(f"{pad}{name} am {date} Uhr\n\n{pad}{text}\n{pad}-25 +48\n\n{pad}Auf Kommentar antworten\n"
                      for name, date, text in posts))
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [(name, text) for name, _, text in posts]


@pytest.mark.parametrize(("heading", "name", "date", "button"), [
    ("15 réflexions au sujet de “Crêpes au jambon”", "LadyMilonguera", "24 septembre 2020 à 9 h 47 min", ""),
    ("25 gedachten over “ PASTASALADE KIP-PESTO ”", "Sarah", "7 april 2014 om 13:57", "Beantwoorden"),
])
def test_wordpress_thoughts_on_headings_in_french_and_dutch(heading: str, name: str, date: str, button: str) -> None:
    """WordPress's 'N thoughts on “TITLE”' heading in French ('réflexions au sujet de') and Dutch ('gedachten
    over') announces the thread (inscriptis, where nothing else does: numbered items of the name alone, the
    date under it, the text, in French not even a reply button)."""
    texts = ("Les crêpes au jambon, c’est toute mon enfance !", "Elles me font délicieusement envie.",
             "Ook lekker met tonijn in plaats van kip!")
    page = ("          Titre\n\n          Une recette toute simple, avec une pâte à crêpes maison et une béchamel"
            f" légère, gratinée au four.\n\n          {heading}\n\n"
            + "".join(f"             {n}. {name}{n}\n                {date}\n\n                {text}\n\n"
                      + (f"                {button}\n" if button else "") for n, text in enumerate(texts, 1)))
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [(f"{name}{n}", text) for n, text in enumerate(texts, 1)]


_AVATAR = "![](https://secure.gravatar.com/avatar/{}?s=68&d=mm&r=g)"


@pytest.mark.parametrize("layout", ["on_date_said", "says_date", "commento_di"])
def test_a_list_items_header_and_text_on_one_line(layout: str) -> None:
    """html2text prints a comment list's item as one line where the theme sets the header and the text in
    one block ('1. ![](avatar)[Ann](…) on [DATE](…) said: Text [Reply ↓](…)'; '1. **Ann** says: [DATE](…)
    Text Reply'; 'Commento di Ann DATE data commento 11:03 am Text Commenti Rispondi'): the item's start is
    the header, the rest the text without its buttons; a reply is the deeper item; the date the header's."""
    posts = (("Rosalind", 0, "The buns came out soft, I added a pinch of cardamom to the dough."),
             ("Maude", 1, "Cardamom sounds lovely, thank you for telling me!"),
             ("Tobias", 0, "Could these be frozen before the second rise?"))
    items = []
    for n, (name, depth, text) in enumerate(posts, 1):
        url = f"https://example.org/buns/#comment-{n}"
        marker = "  " + ("   * " if depth else f"{n}. ")
        if layout == "on_date_said":
            items.append(f"{marker}{_AVATAR.format(n)}[{name}](https://{name}.example) on "
                         f"[April {n}, 2021 at 5:45 am]({url}) said: {text} [Reply ↓](https://example.org/?r={n})")
        elif layout == "says_date":
            date = f"[April {n}, 2021 at 5:45 am]({url})"
            items.append(f"{marker}{_AVATAR.format(n)} **{name}** says: {date} {text} Reply")
        else:
            items.append(f"{marker}Commento di **{name}** {n} Aprile 2021 data commento 5:45 am  {text} Rispondi ")
    page = ("# Cardamom buns\n\nA soft [dough](https://example.org/dough), kneaded for ten minutes, left to rise"
            " twice and baked until golden on the top.\n\n## Comments (3)\n\n" + "\n".join(items) + "\n\nLeave a Reply")
    doc = parse(page)
    assert [(c.author, c.depth, c.text) for c in doc.comments] == list(posts)
    assert [(c.date or "")[:10] for c in doc.comments] == [f"2021-04-0{n}" for n in (1, 2, 3)]


@pytest.mark.parametrize("line", [
    "  1. Jean Dubray Says:                                                  skills. I think Jean should teach it",
    "  1. Comparing IT Security Technologies Posted: 13:21 10th January 2008",
], ids=["w3m_sidebar_column", "dated_article_list"])
def test_a_header_beside_a_column_or_a_date_carries_no_text(line: str) -> None:
    """A header's start beside a sidebar's column (w3m sets the two side by side after a run of spaces) or an
    article list's 'TITLE Posted: DATE' is no header with its comment's text on its line."""
    lines = scan(f"{line}\n")
    assert lines[0].inline_text == "" and lines[0].author is None


def test_replies_read_from_which_comments_carry_a_reply_button() -> None:
    """A think tank's blog nests one level deep and w3m prints it flat: each top-level comment ends in
    'Reply to this post' and its reply form, its replies after it have only 'Report' / 'Recommend'; a sort
    menu ('Sort by:' / '• Date Posted' / '• Recommended') stands over the first comment, whose text is its
    own, not the menu's; the form also stands over the thread, as on the page."""
    form = ("Reply to this post\nPost your comments 2500 character limit. No links or markup permitted.\n"
            "Screen Name[                    ]\n\nCharacters Used 0[0                   ]Post Comment\n")
    posts = (("Claire", 0, "August 06, 2019 4:14 pm", "How does this work in practice? Does a partner pay less?"),
             ("Michael Pettis", 1, "August 07, 2019 2:42 am", "Until a bill is passed there is no way to know."),
             ("Claire", 1, "August 07, 2019 7:39 pm", "Thanks for the replies and for the article, of course!"),
             ("Montes", 0, "August 06, 2019 5:17 pm", "A brilliant article, as always. Is it not a Tobin tax?"),
             ("Simon", 0, "August 06, 2019 5:35 pm", "I always feel so smart after reading these essays."),
             ("Michael Pettis", 1, "August 16, 2019 3:33 am", "Yes, it could. The eurodollar market had other rates."),
             ("Rich L", 0, "August 11, 2019 8:53 am", "If I remember correctly, there was an interest tax."))
    page = ("Washington Should Tax Capital Inflows\n\nA variable tax on capital inflows would improve the capital"
            " allocation process by discriminating against nonproductive uses of capital in the markets.\n\n"
            f"Comments(7)\n\n{form.split(chr(10), 1)[1]}Sort by:\n\n  • Date Posted\n  • Recommended\n\n"
            + "".join(f"{name}\n{date}\n\n{text}\n\n  • Report\n  • Recommend\n\n" + ("" if depth else form)
                      for name, depth, date, text in posts))
    doc = parse(page)
    assert [(c.author, c.depth, c.text) for c in doc.comments] == [(n, d, t) for n, d, _, t in posts]
    parents = {c.comment_id: c.author for c in doc.comments}
    assert [parents.get(c.parent_id or "") for c in doc.comments if c.depth] == ["Claire", "Claire", "Simon"]


def test_the_same_words_under_a_headers_buttons_stay_each_readers_text() -> None:
    """A form printed under each comment's last button is the page's ('Post your comments' three times);
    the same short comment under three headers whose buttons stand over the text ('Ann' / DATE / 'Reply' /
    'Thanks!') is each reader's own."""
    names = ("Ann Lee", "Bob Stone", "Cleo Marsh", "Dan Roe")
    page = ("Lentil soup\n\nSimmer the lentils for twenty minutes with the onions, then blend half of the soup"
            " until smooth and season it well.\n\n4 Comments\n\n"
            + "".join(f"{name}\nMarch {n}, 2020 at 9:00 am\nReply\n\n{'Thanks!' if n < 4 else 'So good.'}\n\n"
                      for n, name in enumerate(names, 1)))
    doc = parse(page)
    assert [(c.author, c.text) for c in doc.comments] == [(n, "Thanks!") for n in names[:3]] + [("Dan Roe", "So good.")]


@pytest.mark.parametrize("wrapped", [False, True], ids=["one_line", "lynx_wrapped"])
def test_a_name_with_place_joined_and_comment_count_heads_a_comment(wrapped: bool) -> None:
    """Maangchi: '1. NAME PLACE joined 1/22 & has 3 comments' over 'Posted DATE | Log in to reply or create a
    profile.' and the text, replies as deeper items; lynx wraps the header before 'comments', which alone would
    read as a comments heading, and the date line before 'create a profile.'."""
    def header(name: str, place: str, count: int) -> str:
        line = f"{name} {place} joined 1/22 & has {count} comments"
        return line.replace(" comments", "\n       comments") if wrapped else line
    page = ("Pepper chicken\n\n   Fry the chicken twice, toss it in the sweet and sour sauce with the peppers and"
            " serve it at once with rice.\n\n5 Comments:\n\n"
            f"    1. {header('TheTravelingFoodie', 'San Francisco, CA, United States of America', 3)}\n"
            "       Posted January 29th, 2022 at 10:47 pm | Log in to reply or create a profile.\n"
            "       I made this one tonight and it was spectacular!\n"
            f"          + {header('Maangchi', 'New York City, New York, United States', 549)}\n"
            "            Posted February 8th, 2022 at 5:39 pm | Log in to reply or create a profile.\n"
            "            You made perfect looking yuringi!\n"
            f"    2. {header('PoniesPonies', 'Seattle, Washington, United States of America', 7)}\n"
            "       Posted January 3rd, 2022 at 4:29 pm | Log in to reply or create a profile.\n"
            "       Pepper Chicken was delicious! I made it for lunch today.\n\nLeave a Reply\n")
    doc = parse(page)
    assert [(c.author, c.depth, c.date) for c in doc.comments] == [
        ("TheTravelingFoodie", 0, "2022-01-29T22:47"), ("Maangchi", 1, "2022-02-08T17:39"),
        ("PoniesPonies", 0, "2022-01-03T16:29")]
    assert doc.comments[1].text == "You made perfect looking yuringi!"


def test_a_dated_headers_verb_wrapped_off_is_read_with_it() -> None:
    """lynx wraps 'NAME on DATE' / 'said:' (The Vintage Mixer); together they are one header with evidence."""
    head = "   kelley {mountain mama cooks} from the mountains on April 3, 2017 at 3:05 pm"
    lines = scan(f"{head}\n   said:\n   Such a pretty sandwich, I love it.\n")
    assert (lines[0].author, lines[0].evidence, lines[1].blank) == ("kelley {mountain mama cooks} from the mountains",
                                                                    True, True)
