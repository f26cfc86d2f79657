"""Comment layouts met in real converter dumps (issue 8), written anew as small pages.

Each case is a shape that a family of sites prints, not one page's text: the expected comments
are (author, depth, first three words of the text).
"""

from __future__ import annotations

import textwrap

import pytest

from commentscope.grammar import SIDEBAR_META, scan
from commentscope.heads import find_heads
from commentscope.model import Document
from commentscope.parse import parse_lines
from commentscope.patterns import page_knowledge

ARTICLE = """\
    Fixing a Squeaky Floor

    Our hallway floor squeaks in three places and this article explains how we fixed it without lifting the carpet.
"""


def page(text: str) -> Document:
    doc = parse_lines(textwrap.dedent(text).strip("\n") + "\n", doc_id="t")
    doc.check_integrity()
    return doc


LAYOUTS = {
    # Disqus without JavaScript: a name line over the text, nothing else, lines touching (lynx, w3m)
    "name-over-text-tight": (ARTICLE + """
    Comments

    Ann Lee
    Screws through the carpet worked for us, and the kit was cheap at the hardware s
    tore
    Bob
    Same here.
    not me
    Glue never held.

    Read Next
    """, [("Ann Lee", 0, "Screws through the"), ("Bob", 0, "Same here."), ("not me", 0, "Glue never held.")]),
    # ... and with blank lines between the paragraphs (html2text)
    "name-over-text-spaced": (ARTICLE + """
    ## Comments

    Ann Lee

    Screws through the carpet worked for us.
    # this line is code, not a heading

    Bob

    Same here.

    Cleo

    Glue never held.

    Please enable JavaScript to view the comments powered by Disqus.

    [Find out more](https://example.org/jobs)

    Subscribe to our weekly letter.
    """, [("Ann Lee", 0, "Screws through the"), ("Bob", 0, "Same here."), ("Cleo", 0, "Glue never held.")]),
    # a date and time joined by '//' ('29.07.2020 // 12:56')
    "date-slash-slash-time": (ARTICLE + """
    2 Kommentare

    Rolf 29.07.2020 // 12:56

    Die Übertragung war gut.

    Antworten

    Uwe 30.07.2020 // 08:07

    Fand ich auch.

    Antworten
    """, [("Rolf", 0, "Die Übertragung war"), ("Uwe", 0, "Fand ich auch.")]),
    # inscriptis prints an empty list item before the numbered one that holds the comment
    "empty-item-before-numbered-item": (ARTICLE + """
    2 Comments
      *
      *
           1. Ann 29.07.2020 12:56

            The screws worked.

            Reply

           2. Bob 30.07.2020 08:07

            Same here.
    """, [("Ann", 0, "The screws worked."), ("Bob", 0, "Same here.")]),
    # a reply button after a slash ('26 abril 2022 a las 14:02' / '/ Responder') is no author
    "slash-before-reply-button": (ARTICLE + """
    Se han publicado 2 comentarios

        * Ramón dijo:

          Estoy de acuerdo con el artículo.

            26 abril 2022 a las 14:02
            / Responder
        +
            + Abel dijo:

              Yo también.

                26 abril 2022 a las 15:11
                / Responder
    """, [("Ramón", 0, "Estoy de acuerdo"), ("Abel", 1, "Yo también.")]),
    # the header printed as a list under the comment's number: button, name, date, then the text;
    # lynx right-aligns the numbers ('9.' / '10.'), a reply's list is nested deeper
    "header-as-list-lynx": (ARTICLE + """
    Kommentare

        9.
              + Antworten
              + Ann
              + 8. April 2019 @ 11:38
              +

         Die Schrauben haben gehalten.
              +
                   o Antworten
                   o Bob
                   o 9. April 2019 @ 10:00
                   o
                @Ann, bei uns auch.
       10.
              + Antworten
              + Cleo
              + 8. April 2019 @ 13:41
              +
           *
           Leim hielt nie.
    """, [("Ann", 0, "Die Schrauben haben"), ("Bob", 1, "@Ann, bei uns"), ("Cleo", 0, "Leim hielt nie.")]),
    # ... and as html2text prints it: the text is the list's last item, its paragraphs flush left
    "header-as-list-html2text": (ARTICLE + """
    ### Kommentare

      1. ![](https://example.org/a.png)

         * Antworten
         * Ann
         * [ 8\\. April 2019 @ 11:38](https://example.org/p#c1)
         * > Die Schrauben

    haben gehalten, sagt [sie](https://example.org/x).

      2. ![](https://example.org/b.png)

         * Antworten
         * Bob
         * [ 8\\. April 2019 @ 12:00](https://example.org/p#c2)
         * @ Ann, bei uns auch.
    """, [("Ann", 0, "Die Schrauben haben"), ("Bob", 0, "@ Ann, bei")]),
    # html2text: each comment's list item holds only its running number and avatar, the header
    # and text follow flush left; '52Comments' is the heading with no space
    "numbered-avatar-items-html2text": (ARTICLE + """
    ## 3Comments

      1. 1 ![](https://example.org/a.png)

    Ann [on 11/08/2020 at 9:52 ](https://example.org/p#c1)

    Antworten

    The screws held.

         * 2 ![](https://example.org/b.png)

    Bob [on 11/08/2020 at 10:39 ](https://example.org/p#c2)

    Antworten

    Ours too.

      2. 3 ![](https://example.org/c.png)

    Cleo [on 12/08/2020 at 9:00 ](https://example.org/p#c3)

    Glue never held.
    """, [("Ann", 0, "The screws held."), ("Bob", 1, "Ours too."), ("Cleo", 0, "Glue never held.")]),
    # w3m: a reply's buttons are a list; the next comment's name item follows it directly
    "name-item-after-reply-buttons-w3m": (ARTICLE + """
    Leserkommentare

      • Ann

        14. 01. 2020, 13:47

        Die Schrauben haben gehalten.

          □ antworten
          □ melden
          □ Bob

            [36408]14. 01. 2020, 20:29

            @Ann bei uns auch.

              ☆ antworten
              ☆ melden
      • Cleo

        [36409]14. 01. 2020, 13:29

        Leim hielt nie.
    """, [("Ann", 0, "Die Schrauben haben"), ("Bob", 1, "@Ann bei uns"), ("Cleo", 0, "Leim hielt nie.")]),
    # an avatar whose alt text is the e-mail address, the header wrapped at 80 columns by lynx
    "email-avatar-wrapped-lynx": (ARTICLE + """
    3 thoughts on “Fixing a Squeaky Floor”

         *
       ann.lee@example.org' ann.lee@example.org' Ann says:
           [34]October 20, 2019 at 1:31 pm
           The screws held.
           [35]Reply
              +
            office@squeakyfloorsandstairs.example.com' office@example.com' Floor
                Edit@r says:
                [36]October 21, 2019 at 1:10 pm
                Glad to hear it.
                [37]Reply
         *
       bob@example.net' bob@example.net' Bob says:
           [38]October 22, 2019 at 9:00 am
           Glue never held.
    """, [("Ann", 0, "The screws held."), ("Floor Edit@r", 1, "Glad to hear"), ("Bob", 0, "Glue never held.")]),
    # after the thread: a 'Recent Comments' widget, the reply form's send button, lists of posts
    # with dates; inside the thread: an address lynx broke at 80 columns before a date, and a
    # comment's last word over its date
    "chrome-after-the-thread-lynx": (ARTICLE + """
    2 Comments

         * Ann on [71]September 13, 2018 at 5:23 pm said:
           Sources: [72]https://example.org/articles/floors/squeaky-floor-repair-guide-2018
           -carpet-and-screws 15.05.19
         * Bob on [73]September 17, 2018 at 6:34 am said:
           Glue held for a week, then it squeaked again, so I went back to screws
           too
           September 18, 2018 at 7:00 am

    Recent Comments

         * [115]Cleo commented on
           Fixing a squeaky stair
         * [116]Dan commented on
           Carpet tools

    Enviar Comentario

         * [173]Sesiona el pleno
           26 abril 2022 | [174]11
         * [175]Autoridades evalúan proyectos de la
           ciencia, innovación y soberanía alimentaria
           12 febrero 2022 | [182]12
    """, [("Ann", 0, "Sources: https://example.org/articles/floors/squeaky-floor-repair-guide-2018 -carpet-and-screws"),
          ("Bob", 0, "Glue held for")]),
    # the name signs the text off below it (SPIP): '* text' / 'NAME Le DATE' / 'Répondre';
    # a 'Most read' sidebar with dated titles comes between the link to the comments and them
    "signed-items-lynx": (ARTICLE + """
       [24]Vos réactions (2)

    Les plus lus

       18 février 2020
       Par [77]Loïc Le Clerc

    [78]Des tweets et des gauches

       21 février 2020

    Vos réactions

         * très bien vos infos, merci pour
           cet article.
           gabriel Le 11 septembre 2018 à 12:57
           [81]Répondre

              + Articles très bien faits.
                jacques Le 13 septembre 2019 à 22:30

         * Rien de neuf donc....
           carlos Le 9 janvier à 13:06
           [85]Répondre


       Qui êtes-vous ?
    """, [("gabriel", 0, "très bien vos"), ("jacques", 1, "Articles très bien"), ("carlos", 0, "Rien de neuf")]),
    "signed-items-html2text": (ARTICLE + """
    ## [Vos réactions](#comments)

      * très bien vos infos, merci pour
    cet article.

    **gabriel** Le 11 septembre 2018 a 12:57

    [Répondre](spip.php?page=forum)

        * Articles très bien faits.

    **jacques** Le 13 septembre 2019 a 22:30

      * Rien de neuf donc....

    **carlos** Le 9 janvier a 13:06

    [Répondre](spip.php?page=forum)
    """, [("gabriel", 0, "très bien vos"), ("jacques", 1, "Articles très bien"), ("carlos", 0, "Rien de neuf")]),
    # the reply form's fields under the thread end it: the sidebar's teasers below are no comments
    # (inscriptis prints the form's labels on one line, and the widgets as dated list items)
    "form-fields-end-the-thread-inscriptis": (ARTICLE + """
      2 Kommentare

           1. sarah sagt:
              Juli 30, 2013 um 2:33 pm

            Warum 2mal Zucker?

              Antworten
                + admin sagt:
                  Juli 30, 2013 um 5:53 pm

                Danke für den Hinweis!

                  Antworten

          Kommentieren

          Name (required) Mail (required) Website

        * Abnehmen leicht gemacht

              Möchten Sie abnehmen? Dann probieren Sie doch einmal unsere Diät Muffin Rezepte aus.

        Rhabarber-Muffins

        Rezept vom 2 Mrz. 2014

        2 Kommentare
    """, [("sarah", 0, "Warum 2mal Zucker?"), ("admin", 1, "Danke für den")]),
    # a role label on its own line between the name and the date; a time after a slash
    "role-line-and-slash-time-lynx": (ARTICLE + """
    2 Kommentare

        1.
       Beate
           19. Juni 2019 / 6:16
           Guten Morgen, eine schöne Tasche.
           [40]Antworten
              +
            Martina Berg
                Autor
                19. Juni 2019 / 13:20
                Liebe Beate, danke!
    """, [("Beate", 0, "Guten Morgen, eine"), ("Martina Berg", 1, "Liebe Beate, danke!")]),
    # the name, a comma and the date with its weekday ('Ann, Do 2 Apr 2020')
    "name-comma-weekday-date": (ARTICLE + """
    2 Kommentare

    Josef Franz Lindner, Do 2 Apr 2020

    Sehr nachdenkenswert.

    Antworten

    Hella, Sa 4 Apr 2020

    In der Tat.

    Antworten
    """, [("Josef Franz Lindner", 0, "Sehr nachdenkenswert."), ("Hella", 0, "In der Tat.")]),
    # html2text: a linked name with digits glued to the date after it ('[ann992](/u/2)14\\. 01. 2020')
    "digit-name-glued-to-date-html2text": (ARTICLE + """
    ## Kommentare

      * #### [Ann Lee](/u/1)14\\. 01. 2020, 14:00

    Die Schrauben haben gehalten.

        * antworten
      * #### [bob992](/u/2)14\\. 01. 2020, 13:08

    Leim hielt nie.

        * antworten
    """, [("Ann Lee", 0, "Die Schrauben haben"), ("bob992", 0, "Leim hielt nie.")]),
    # inscriptis on a Blogger theme: the name and a bare time glued ('Ruby21:00'), a reply nested deeper
    "name-glued-to-time-inscriptis": (ARTICLE + """
    Kommentare:

        1. Ann21:00

         Die Schrauben haben gehalten.

         AntwortenLöschen
           Antworten
                1. Bob07:56

                  Bei uns auch.

                  Löschen
    """, [("Ann", 0, "Die Schrauben haben"), ("Bob", 1, "Bei uns auch.")]),
    # an honorific before a first and last name is not part of the name; 'Herr Ecks' alone is a name
    "honorific-before-name": (ARTICLE + """
    3 Kommentare

    Herr Anton Berg 14.01.2020, 10:27 Uhr
    Die Schrauben haben gehalten.
    Antworten

    Frau Clara Hahn 14.01.2020, 11:02 Uhr
    Bei uns auch.
    Antworten

    Herr Ecks 14.01.2020, 12:15 Uhr
    Leim hielt nie.
    Antworten
    """, [("Anton Berg", 0, "Die Schrauben haben"), ("Clara Hahn", 0, "Bei uns auch."),
          ("Herr Ecks", 0, "Leim hielt nie.")]),
    # a comment that opens with a sign the commenter typed ('+' for pro), alone on its line (w3m)
    "typed-plus-opening-text-w3m": (ARTICLE + """
    2 Kommentare

      □ Ann schreibt:
        29. Mai 2019 um 11:03

        +
        Der Text ist gut gegliedert.

        Antworten
      □ Bob schreibt:
        29. Mai 2019 um 11:06

        Leim hielt nie.

        Antworten
    """, [("Ann", 0, "+ Der Text"), ("Bob", 0, "Leim hielt nie.")]),
    # Drupal's comment subjects: a linked title (lynx) or, where nearly every comment opens with a
    # short title line set apart (w3m, inscriptis), plain; neither is the comment's text
    "subjects-lynx": (ARTICLE + """
    3 Kommentare

    Ann | Di, 21. April 2020 - 17:07

       [57]Screws are best

       The screws held for years.
         * [58]Antworten

    Bob | Di, 21. April 2020 - 18:01

       [59]Glue

       Glue never held.
         * [60]Antworten
    """, [("Ann", 0, "The screws held"), ("Bob", 0, "Glue never held.")]),
    "subjects-w3m": (ARTICLE + """
    Kommentare

        Ann | Di, 21. April 2020 - 17:07

        Screws are best

        The screws held for years.

          ☆ Antworten

        Bob | Di, 21. April 2020 - 18:01

        Glue

        Glue never held.

          ☆ Antworten

        Cleo | Di, 21. April 2020 - 19:08

        Thanks

        Thanks for the article.

          ☆ Antworten
    """, [("Ann", 0, "The screws held"), ("Bob", 0, "Glue never held."), ("Cleo", 0, "Thanks for the")]),
    # replies printed at the margin (lynx, w3m, html2text drop the nesting), oldest first: Bob's reply
    # is newer than Cleo's comment after it, so it cannot be at the top level
    "time-order-oldest-first": (ARTICLE + """
    There are 4 comments

       Ann · March 10, 2021 at 9:00 AM

       The screws held for years.
         * Reply

       Bob · March 10, 2021 at 11:30 AM

       Which screws did you use?
         * Reply

       Cleo · March 10, 2021 at 10:15 AM

       Glue never held for us.
         * Reply

       Dan · March 11, 2021 at 8:00 AM

       Thanks for the article.
         * Reply
    """, [("Ann", 0, "The screws held"), ("Bob", 1, "Which screws did"), ("Cleo", 0, "Glue never held"),
          ("Dan", 0, "Thanks for the")]),
    # ... newest first: a comment newer than the top-level one above it answers it
    "time-order-newest-first": (ARTICLE + """
    Leserkommentare

    Ann

       14. 01. 2020, 13:47

       Die Schrauben halten seit Jahren.
         * antworten

    Bob

       14. 01. 2020, 20:29

       Welche Schrauben?
         * antworten

    Cleo

       14. 01. 2020, 09:10

       Kleber hielt nie.
         * antworten
    """, [("Ann", 0, "Die Schrauben halten"), ("Bob", 1, "Welche Schrauben?"), ("Cleo", 0, "Kleber hielt nie.")]),
    # a deleted account shown by its number, a guest label between the name and the date
    "guest-label-under-a-name": (ARTICLE + """
    Comments

       4711 (account deleted)

         Guest

       14. 01. 2020, 19:34

       The screws held for years.
         * Reply

       Bob

       14. 01. 2020, 20:10

       Same here.
         * Reply
    """, [("4711 (account deleted)", 0, "The screws held"), ("Bob", 0, "Same here.")]),
    # ... while a guest's comment in a name / text list is shown under the word alone
    "guest-as-a-name": (ARTICLE + """
    Comments

    Ann Lee
    Screws through the carpet worked for us.
    Guest
    Same here, thanks.
    Bob
    Glue never held.
    """, [("Ann Lee", 0, "Screws through the"), ("Guest", 0, "Same here, thanks."), ("Bob", 0, "Glue never held.")]),
    # html2text: an empty heading between header and subject, and 'In reply to SUBJECT by' wrapped
    # before the name (a guest label)
    "html2text-empty-heading": (ARTICLE + """
    ## Comments

    ###### Ann Lee | Mi, 22. April 2020 - 15:44

    #####

    [Squeaky floors](/comment/1#comment-1)

    Screws through the carpet worked for us.

          * [Reply](/comment/reply/1)

    ###### Bob | Do, 23. April 2020 - 14:27

    #####

    In reply to [Squeaky floors](/comment/1#comment-1) by
    Guest

    [Glue](/comment/2#comment-2)

    Glue never held for me.

          * [Reply](/comment/reply/2)
    """, [("Ann Lee", 0, "Screws through the"), ("Bob", 0, "Glue never held")]),
    # html2text: a post printed as a quotation ('>  ' after a line break, '>' alone), a space put between
    # a closing emphasis mark and a colon, italics over several lines
    "html2text-quotes-and-emphasis": (ARTICLE + """
    ## 2 Comments

      1. **Ann** says:
         March 4, 2021 at 9:12 am

    >  Screws through the carpet worked for us.
    >
    > Really.

    [Reply](/reply/1)

      2. **Bob** says:
         March 5, 2021 at 9:12 am

    **Quote Ann** : _“Screws through the carpet
    worked” – not for me._

    [Reply](/reply/2)
    """, [("Ann", 0, "Screws through the"), ("Bob", 0, "Quote Ann: “Screws")]),
    # html2text: a '+' the commenter typed, flush left under the indented header like the text below it;
    # sources listed with their dates are no headers (an address is nobody's name)
    "html2text-typed-marker-and-sources": (ARTICLE + """
    ## 3 Comments

      1. ![](https://a.org/ann.png) Ann says:

    [March 4, 2021 at 9:12 am](https://a.org/p#comment-1)

    Screws through the carpet worked for us.

    Sources:
    <https://www.example.org/floors/squeaks/> 21.05.19

    <https://www.example.net/carpet-screws/> 19.05.19

    <https://www.example.com/hardware/kits.html> 08.05.19 Quote: "cheap and quick"

    [Reply](https://a.org/p?replytocom=1#respond)

         * ![](https://a.org/bob.png) Bob says:

    [March 5, 2021 at 9:12 am](https://a.org/p#comment-2)

    +
    Good idea, and the kit was cheap.

    [Reply](https://a.org/p?replytocom=2#respond)

      2. ![](https://a.org/cleo.png) Cleo says:

    [March 6, 2021 at 9:12 am](https://a.org/p#comment-3)

    Glue never held.
    """, [("Ann", 0, "Screws through the"), ("Bob", 1, "+ Good idea,"), ("Cleo", 0, "Glue never held.")]),
    # w3m breaks a long address after a '/' well before the wrap column: the address's rest and
    # the date after it are a source under the comment, not a header ('...-fluechtlinge.html 20.05.2019')
    "w3m-address-broken-after-a-slash": (ARTICLE + """
    3 Kommentare

     1. Ann sagt:
        4. März 2021 um 9:12

        Die Schrauben halten seit Jahren.

        https://www.example.org/entdecken/auf-der-flucht/
        woher-kommen-die-meisten-fluechtlinge.html 20.05.2019

        https://www.example.net/politik/deutschland/gallery13524432/
        So-leben-Kinder-in-Deutschland.html 19.05.2019

     2. Bob sagt:
        5. März 2021 um 9:12

        Leim hat nie gehalten.

     3. Cleo sagt:
        6. März 2021 um 9:12

        Bei uns auch nicht.
    """, [("Ann", 0, "Die Schrauben halten"), ("Bob", 0, "Leim hat nie"), ("Cleo", 0, "Bei uns auch")]),
    # html2text wraps a header before its time's 'Uhr' and the reply link: that line is no text
    "html2text-header-wrapped-before-uhr": (ARTICLE + """
    ## 2 Kommentare

      1. ![](https://a.org/ann.png)

    **[Ann Lee](https://ann.example.org)** 21\\. Juni 2018 um 7:32
    Uhr [ \\- Antworten](/blog/post/?replytocom=121#respond)

    Die Schrauben halten seit Jahren.

      2. ![](https://a.org/bob.png)

    **[Bob](https://bob.example.org)** 22\\. Juni 2018 um 9:10
    Uhr [ \\- Antworten](/blog/post/?replytocom=122#respond)

    Kleber hielt nie.
    """, [("Ann Lee", 0, "Die Schrauben halten"), ("Bob", 0, "Kleber hielt nie.")]),
    # a forum's replies, each header a name, a date and the post's number ('NAME | DATE | #1')
    "lynx-forum-replies-with-post-numbers": (ARTICLE + """
Replies

    1. [28]Ann Lee | Feb 24, 2006 02:35am | [29]#1
       Screws through the carpet worked for us.
    2. [30]Bob | Feb 24, 2006 05:13am | [31]#2
       Glue never held.
    """, [("Ann Lee", 0, "Screws through the"), ("Bob", 0, "Glue never held.")]),
    # Hacker News: no indentation in the dump, the depth only in each header's thread links
    # ('parent' on a reply, 'root' below the first level, 'prev' after an earlier sibling); a
    # header wrapped before its last links; a reply that opens with a list item the reader typed
    "lynx-thread-links": (ARTICLE + """
   [18]ann [19]on Dec 27, 2023 | [20]next [21][–]
   Screws through the carpet worked for us.

   [22]bob [23]on Dec 27, 2023 | [24]parent | [25]next [26][–]
   * Glue never held.
   * Nails neither.

   [27]cleo [28]on Dec 27, 2023 | [29]root | [30]parent |
   [31]next [32][–]
   Which screws did you use?

   [33]dan [34]on Dec 28, 2023 | [35]root | [36]parent | [37]next [38][–]
   Trim-head ones.

   [39]eve [40]on Dec 28, 2023 | [41]root | [42]parent | [43]prev | [44]next [45][–]
   The kit has them.

   [46]fay [47]on Dec 28, 2023 | [48]parent | [49]prev | [50]next [51][–]
   Ours squeak again.

   [52]gus [53]on Dec 29, 2023 | [54]prev | [55]next [56][–]
   We pulled the carpet up.
    """, [("ann", 0, "Screws through the"), ("bob", 1, "* Glue never"), ("cleo", 2, "Which screws did"),
          ("dan", 3, "Trim-head ones."), ("eve", 3, "The kit has"), ("fay", 1, "Ours squeak again."),
          ("gus", 0, "We pulled the")]),
    # ... and as html2text prints it: each comment a table row opened by empty cells (the indentation
    # image, the vote arrow), the collapse toggle a link whose text is '[–]'
    "html2text-thread-links-in-table-rows": (ARTICLE + """
| ![](s.gif)| [](vote?id=1)| [ann](user?id=ann) [on Dec 27, 2023](item?id=1) | next [[–]](javascript:void\\(0\\))
Screws through the carpet worked for us.
---|---|---
| ![](s.gif)| [](vote?id=2)| [bob](u?id=bob) [on Dec 27, 2023](i?id=2) | parent | next [[–]](javascript:void\\(0\\))
Glue never held.
---|---|---
    """, [("ann", 0, "Screws through the"), ("bob", 1, "Glue never held.")]),
    # Slovak, Danish, Polish and Turkish comment sections: their month names, 'o' / 'kl.' before the
    # time, 'NAME skrev:' (wrote), and their reply buttons ('@zareaguj', 'Svar', 'Odpowiedz', 'Yanıtla')
    "lynx-slovak-comments": (ARTICLE + """
   xyz

       xyz 15. októbra 2015 o 13:16
           Nuž, koľko je teda tej múky?
       @zareaguj

   maska10

       maska10 15. októbra 2015 o 19:30
           Ja používam hladkú múku.
       @zareaguj
    """, [("xyz", 0, "Nuž, koľko je"), ("maska10", 0, "Ja používam hladkú")]),
    "lynx-danish-comments": (ARTICLE + """
   16 kommentarer
     * [75]tina skrev:
       10. februar 2021 kl. 11:55
       Åhh, den gode klassiker.
       [76]Svar
          + Ann-Christine skrev:
            11. februar 2021 kl. 17:12
            Dejligt!
            [77]Svar
    """, [("tina", 0, "Åhh, den gode"), ("Ann-Christine", 1, "Dejligt!")]),
    "lynx-polish-and-turkish-dates": (ARTICLE + """
     * chudy
       chudy , 13 lutego 2022
       Ja jem je z chlebem
       Odpowiedz Odpowiedz
     * Belgin28 Eylül 2021 22:32
       Efsane oldu çok teşekkürler
       Yanıtla
    """, [("chudy", 0, "Ja jem je"), ("Belgin", 0, "Efsane oldu çok")]),
    # XenForo as lynx prints it: the poster's column (the avatar's copy of the name, the name, a rank
    # of the forum's own, facts each over its value), the text, then the date and the post's number;
    # a post quoted in a reply ('NAME said:' ... 'Click to expand...'); an edit note
    "lynx-forum-poster-columns": (ARTICLE + """
   [47]Ann Lee

[48]Ann Lee

Well-Known Member

   Joined
          3 April 2003

   Messages
          16,565

   Location
          [49]South East

   [50]Visit site

   Screws through the carpet worked for us, and the squeak in the hall
   has not come back since we put them in last spring.

   Last edited: 8 November 2016

     * [51]8 November 2016
     * [52]#2

   [53]Bob

[54]Bob

Extremely Old Nag!

   Joined
          20 June 2005

   Messages
          720

   [55]Ann Lee said:

   Screws through the carpet worked for us.
   Click to expand...

   Glue never held.

     * [56]9 November 2016
     * [57]#3
    """, [("Ann Lee", 0, "Screws through the"), ("Bob", 0, "Glue never held.")]),
    # ... and with the date and number over the text, a banner listed under the facts
    "w3m-forum-poster-column-over-the-date": (ARTICLE + """
Cleo

Full Member

7+ Year Member

Joined
    Jun 29, 2016

Reaction score
    10

 1. Pre-Medical

  • Jul 18, 2024
  • #2

Screws through the carpet worked for us.

Dan

Member

Joined
    May 10, 2024

Messages
    11

 1. Student

  • Jul 19, 2024
  • #3

Glue never held.
    """, [("Cleo", 0, "Screws through the"), ("Dan", 0, "Glue never held.")]),
    # a theme that prints the date before the name, each comment a numbered item, replies nested (lynx)
    "date-then-name-items": (ARTICLE + """
    Comments (3)

     1. March 2, 2021 at 6:28 pm Ann Lee
        Screws through the carpet worked for us.
           + Reply
          1. March 2, 2021 at 6:31 pm Site Owner
             Glad it helped!
                o Reply
     2. March 3, 2021 at 9:02 am krs1
        Same here, thanks.
           + Reply

    Leave a Reply
    """, [("Ann Lee", 0, "Screws through the"), ("Site Owner", 1, "Glad it helped!"),
          ("krs1", 0, "Same here, thanks.")]),
}


@pytest.mark.parametrize(("line", "author"), [("2. March 3, 2021 at 9:02 am Ann Lee", "Ann Lee"),
                                              ("1. 3. März 2021 18:00 krs1", "krs1")])
def test_a_date_then_a_name_heads_a_comment_only_as_a_list_item(line: str, author: str) -> None:
    # outside a list the same line is a post's byline ('27. August 2019 7:30 ERP-News Redaktion' under a
    # related post's title)
    kb = page_knowledge()
    bare = line.split(" ", 1)[1]
    header = kb.header(bare, item=True)
    assert header is not None and header.author == author
    assert kb.header(bare) is None
    assert kb.header(bare.replace(author, "Reply"), item=True) is None
    assert kb.header(bare.replace(author, "Updated May 4, 2021"), item=True) is None


@pytest.mark.parametrize(("text", "expected"), LAYOUTS.values(), ids=LAYOUTS.keys())
def test_layouts_of_real_dumps(text: str, expected: list[tuple[str, int, str]]) -> None:
    doc = page(text)
    assert [(c.author, c.depth, " ".join(c.text.split()[:3])) for c in doc.comments] == expected


NO_COMMENTS = {
    # a 'Comments' heading over a list of short related links is not a name / text list
    "heading-over-links": ARTICLE + """
    Comments

    Related
    Fixing a squeaky stair
    Carpet tools
    """,
    # numbered steps printed as lynx headings (at the margin, their text indented by 3)
    "lynx-numbered-headings": ARTICLE + """
    1. Eat more vegetables

       The most important step is a balanced diet, and you do not need to count calories for it.

    2. Keep breaks between meals

       Whoever snacks all day long takes in more calories than they think, and feels hungrier.
    """,
    # a list of teasers: a linked title, a caption (led by a name), the time it was posted; a run
    # led by a name and closed by a time is a comment only under a comments heading or by reply buttons
    "teasers-with-times": ARTICLE + """
    More news

       Bernd Berger
       The minister of economics at the press conference.
       03:43

    [71]Berger on the easing of the rules

       Anna Sommer
       Empty chairs in front of an open-air stage.
       03:16

    [72]Cancelled events in the north

       Carla Nord
       A closed ticket office at the harbour.
       02:50

    [73]Ferries run again
    """,
    # w3m's related stories: a marker alone, a title, a date; the next item is no comment's text
    "teaser-items-under-markers": ARTICLE + """
    View comments 941

    More on this story

      •\u0020
        Screws through the carpet
        24 July 2015
      •\u0020
        Video 'Which glue holds best'
        23 July 2015
      •\u0020
        Video 'Floor tools compared'
        23 July 2015
    """,
    # inscriptis: a row of icon links (markers alone) over the site's name and its menu
    "icon-row-over-menu": """
          Latest:
            * Floor makers report that demand for parquet keeps growing in spite of the high prices this year
            * Carpet cleaning
          *\u0020
          *\u0020
          *\u0020
          *\u0020
          Floor-News

          News from the world of floors

        * Floors
            + Parquet
            + Carpet
        * Stairs
    """ + ARTICLE + """
    Posted on 22 November 2019
    """,
    # '0 Comments' over the reply form: a numbered list of tips above it is the article's
    "zero-count": ARTICLE + """
        1. Soft hands
           A must for every bride, since everyone wants to see the ring on your finger.
        2. Sport and food
           Before the wedding many of us want to lose a little weight, and so do I.

    0 Comments

    LEAVE A REPLY [27]Cancel reply
    """,
}


@pytest.mark.parametrize("text", NO_COMMENTS.values(), ids=NO_COMMENTS.keys())
def test_pages_without_comments_get_none(text: str) -> None:
    assert page(text).comments == ()


def test_a_title_over_dated_list_items_is_no_header() -> None:
    """A news site's teasers in w3m: 'TITLE' / '• 49 minutes ago' / '• From the section ...'."""
    text = ARTICLE + """
    Carpet prices rise again

      • 49 minutes ago
      • From the section Home & Garden

    Full article Carpet prices rise again
    """
    lines = scan(textwrap.dedent(text))
    assert not [h.author for h in find_heads(lines).values()]


LYNX_LINKS = """\
References

   Visible links:
   1. https://example.org/recipes/
   2. file:///tmp/index.php?page=2

   Hidden links:
   3. https://example.org/feed/
"""


@pytest.mark.parametrize("links", [LYNX_LINKS, LYNX_LINKS.replace("\n   Visible links:", "")])
def test_lynx_closing_link_list_is_chrome(links: str) -> None:
    """lynx -dump ends every page with the addresses of its links: not the last comment's text."""
    text = ARTICLE + """
    2 Comments

    Ann says:
    March 3, 2024 at 9:12 am
    Did you try talcum powder between the boards first? It worked on ours.

""" + textwrap.indent(links, "    ")
    doc = page(text)
    assert [c.author for c in doc.comments] == ["Ann"]
    assert doc.comments[0].text.endswith("It worked on ours.")
    tail = [ln for ln in doc.lines if ln.number >= next(ln.number for ln in doc.lines if "References" in ln.text)]
    assert {ln.role.value for ln in tail if ln.text.strip()} == {"boilerplate"}
    # and a page without comments: the list is no part of its article
    assert "example.org" not in page(ARTICLE + "\n" + textwrap.indent(links, "    ")).article


def test_a_references_heading_in_an_article_stays_article() -> None:
    doc = page(ARTICLE + """
    References

    1. Smith, J. "Floors that squeak." Home Journal 12 (2020): 4-9.
""")
    assert "Smith" in doc.article


def test_the_article_ends_at_the_comment_section() -> None:
    """Below the article's first paragraph, a comment count or the reply form ends the article:
    what follows (the form's notes, a sidebar's archive list) is chrome, comments or not."""
    tail = """
    0 Comments

    LEAVE A REPLY [27]Cancel reply

       Your email address will not be published. Required fields are marked with a star.

    Archive

      * [28]2019 (10)
           + [29]Fixing a creaky stair without tools or glue
"""
    doc = page(ARTICLE + tail)
    assert "squeaks in three places" in doc.article
    assert "email" not in doc.article and "creaky stair" not in doc.article
    # a link to the comments in the byline, and a heading the comment words only resemble, end nothing
    doc = page(ARTICLE + """
    By Ann Lee · [24]3 comments

    Response

    The glue we used first did not hold, so we went back to screws through the carpet.
""")
    assert "went back to screws" in doc.article


def test_a_menu_of_links_is_no_article() -> None:
    """Six or more list items that are each one link (a menu, a table of contents, a share bar)
    are chrome; a short list of links in the article's text stays article."""
    menu = "\n".join(f"      * [{k}]{name}" for k, name in enumerate(
        ["Home", "Floors", "Stairs", "Carpet", "Tools", "Contact"], start=3))
    doc = page(menu + "\n" + ARTICLE + """
    Further reading:

      * [20]Screws that grip through carpet
      * [21]Which glue holds a floorboard
""")
    assert "squeaks in three places" in doc.article
    assert "Stairs" not in doc.article and "Contact" not in doc.article
    assert "Screws that grip" in doc.article and "Which glue" in doc.article


@pytest.mark.parametrize("byline", ["VON [46]MORITZ GATHMANN am 21. April 2020",
                                    "By Evan Symon, August 14, 2020 2:30 pm"])
def test_the_articles_byline_opens_no_comment(byline: str) -> None:
    """A byline reads like a comment's header (a name and a date), but a name that opens with
    'von' or 'by' is the article's: its text stays the article, and the comments come after it
    (here a teaser's prose above the title lets the byline pass for a comment's head)."""
    doc = page(f"""\
   Lesen Sie alle Artikel unseres Magazins jetzt vier Wochen lang kostenlos und ganz ohne Verpflichtung.

Corona: wie Menschen sterben

   {byline}

   Müssen Infizierte unbedingt ins Krankenhaus? Der Palliativmediziner erklärt, warum viele Patienten
   im Pflegeheim bessere Chancen haben und warum die Zahl der Todesfälle nicht alles sagt.

Heidemarie Heim | Di, 21. April 2020 - 16:40

   Vielen Dank für diese Einblicke!

Horst Kessler | Mi, 22. April 2020 - 09:12

   Es scheint noch viele zu geben, die das anders sehen.

Ellen Wolff | Mi, 22. April 2020 - 10:08

   Danke für diesen längst überfälligen Artikel.

Kommentare
""")
    assert [c.author for c in doc.comments] == ["Heidemarie Heim", "Horst Kessler", "Ellen Wolff"]
    assert "Palliativmediziner" in doc.article


def test_a_markdown_tables_rule_is_no_comment_text() -> None:
    """html2text closes each table row with '---|---|---': a rule, not what the commenter wrote."""
    doc = page(LAYOUTS["html2text-thread-links-in-table-rows"][0])
    assert [c.text for c in doc.comments] == ["Screws through the carpet worked for us.", "Glue never held."]


@pytest.mark.parametrize("heading", ["My Blog List", "Blogs I Follow", "Blogs we read:"])
def test_a_blog_list_widgets_heading_is_a_sidebars(heading: str) -> None:
    # Blogger's Blog List: each followed blog, its latest post and '4 hours ago', under this heading
    assert page_knowledge().meta_kind(heading) == SIDEBAR_META


def test_a_blog_posts_footer_with_its_comment_count_is_no_comment_header() -> None:
    kb = page_knowledge()
    assert kb.header("Posted by Becca at 3:46 PM 9 comments: Links to this post") is None
    assert kb.header("Posted by Becca at 8:58 AM No comments:") is None
    header = kb.header("Posted by Becca at 3:46 PM")  # under a comment: its header, as before
    assert header is not None and header.author == "Becca"
