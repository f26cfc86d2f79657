"""Comments found by their shape (`readers.html_records`) on markup that no rule names, and the
look-alikes that must stay out: teasers, a sidebar's recent comments, a page's layout columns,
dated lists under no heading that names comments."""

from __future__ import annotations

from commentscope.model import Document
from commentscope.readers.html import parse_html, to_document

LETTERS = [("Anna Berg", "12.03.2020", "Ich finde den Artikel sehr gut und hilfreich für uns."),
           ("Karl", "13.03.2020", "Danke, das habe ich so noch nirgends gelesen, sehr klar."),
           ("Mia S.", "14.03.2020", "Wo bekommt man das Buch, das im dritten Absatz steht?")]  # fmt: skip


def read(body: str) -> Document:
    html = f"<!DOCTYPE html><html><head><title>T</title></head><body>{body}</body></html>"
    return to_document(parse_html(html, "page.html"), "page", "page.html")


def letters(heading: str = "<h2>Leserbriefe</h2>", item: str = "div", cls: str = "lb-eintrag",
            extra: str = "") -> str:
    entries = "".join(
        f'<{item} class="{cls}"><b>{name}</b> <span>{date}</span>{extra.format(n=n)}<p>{text}</p></{item}>'
        for n, (name, date, text) in enumerate(LETTERS, 1)
    )
    return f"<article><p>{'Der Artikel selbst. ' * 30}</p></article>{heading}<div class='lb'>{entries}</div>"


def test_records_under_a_heading_that_names_them_are_comments() -> None:
    doc = read(letters())
    assert [(c.author, c.date, c.text) for c in doc.comments] == [
        (name, f"2020-03-{date[:2]}", text) for name, date, text in LETTERS
    ]
    assert all(c.depth == 0 for c in doc.comments)
    assert "Der Artikel selbst." in doc.article and "Anna Berg" not in doc.article


def test_a_class_or_id_around_the_records_may_name_them_instead_of_a_heading() -> None:
    body = letters(heading="").replace("<div class='lb'>", "<div id='reader-reviews'>")
    assert len(read(body).comments) == 3


def test_dated_records_under_no_heading_or_class_naming_comments_are_not_comments() -> None:
    assert read(letters(heading="<h2>Termine</h2>")).comments == ()


def test_a_running_number_is_no_part_of_the_text() -> None:
    doc = read(letters(extra="<span class='nr'>{n}</span>"))
    assert [c.text for c in doc.comments] == [text for _, _, text in LETTERS]


def test_replies_of_the_same_kind_inside_a_record_are_its_replies() -> None:
    reply = ('<div class="lb-eintrag"><b>Redaktion</b> <span>15.03.2020</span>'
             "<p>Das Buch steht unten verlinkt, danke.</p></div>")  # fmt: skip
    body = letters().replace("</p></div></div>", f"</p>{reply}</div></div>")
    doc = read(body)
    assert [(c.author, c.depth) for c in doc.comments] == [("Anna Berg", 0), ("Karl", 0), ("Mia S.", 0),
                                                             ("Redaktion", 1)]  # fmt: skip
    assert doc.comments[3].parent_id == doc.comments[2].comment_id


def test_teasers_led_by_a_linked_headline_are_not_comments_even_under_a_heading_that_names_comments() -> None:
    teasers = "".join(
        f'<div class="eintrag"><h3><a href="/a{n}">Neuer Beitrag über Kefir Nummer {n}</a></h3>'
        f"<span>1{n}.03.2020</span><p>Ein kurzer Anriss des Beitrags mit einigen Worten, die neugierig"
        " auf das Ganze machen.</p></div>"
        for n in range(3)
    )
    assert read(f"<h2>Die meisten Kommentare</h2><div>{teasers}</div>").comments == ()


def repeated(item: str) -> str:
    """Three records from one template (`{n}` is the record's number)."""
    return "".join(item.format(n=n) for n in range(3))


def test_a_sidebar_list_of_comments_on_other_posts_is_not_this_page_s() -> None:
    items = repeated('<li class="w-item"><a href="/user/{n}">user{n}</a> <span>Tolle Sache, das probiere ich morgen'
                     ' aus.</span> <a href="/posts/topic-{n}/beitrag-{n}#comment-{n}">1{n}.03.2020</a></li>')
    assert read(f"<h3>Neueste Kommentare</h3><ul>{items}</ul>").comments == ()


def test_one_thread_s_permalinks_do_not_make_a_widget() -> None:
    items = repeated('<div class="c"><b>user{n}</b> <a href="/t/thread-9/{n}">1{n}.03.2020</a>'
                     "<p>Das sehe ich genauso, danke für die Mühe.</p></div>")
    assert len(read(f"<h3>3 Antworten</h3><div>{items}</div>").comments) == 3


def test_a_page_s_layout_columns_are_not_comments() -> None:
    column = '<div class="col-md-6"><span>12.03.2020</span><p>Text in einer Spalte mit vielen Wörtern darin.</p></div>'
    assert read(f"<div id='comments'>{column * 2}</div>").comments == ()


def test_a_rule_that_names_the_markup_still_wins() -> None:
    wordpress = ('<ol class="comment-list"><li class="comment" id="comment-1"><article class="comment-body">'
                 '<b class="fn">Ann</b><time datetime="2020-03-12T10:00:00">12.03.2020</time>'
                 '<div class="comment-content"><p>Sehr hilfreich, danke schön.</p></div>'
                 "</article></li></ol>")  # fmt: skip
    page = parse_html(f"<html><body>{letters()}{wordpress}</body></html>", "page.html")
    assert page.extraction is not None and page.extraction.rule == "wordpress"


def test_a_list_of_links_to_other_posts_is_not_comments() -> None:
    items = repeated('<li class="eintrag"><a href="/p{n}">Ein langer Titel eines anderen Beitrags hier drin</a>'
                     " <span>1{n}.03.2020</span> kommentiert von Anna heute früh</li>")
    assert read(f"<h3>Kommentare</h3><ul>{items}</ul>").comments == ()


def test_a_name_in_a_linked_heading_is_no_teaser_s_headline() -> None:
    posts = "".join(
        f'<article class="post"><h4><a href="/members/{name.split()[0]}">{name}</a></h4>'
        f"<time>{date}</time><div>{text}</div></article>"
        for name, date, text in LETTERS
    )
    doc = read(f"<h2>Antworten</h2><div>{posts}</div>")
    assert [(c.author, c.text) for c in doc.comments] == [(name, text) for name, _, text in LETTERS]


def test_a_flat_run_s_indentation_gives_the_replies_their_depth() -> None:
    rows = "".join(
        f'<tr class="entry"><td><img src="s.gif" height="1" width="{40 * level}"></td><td><b>{name}</b> '
        f"<span>{date}</span><div>{text}</div></td></tr>"
        for level, (name, date, text) in zip((0, 1, 0), LETTERS, strict=True)
    )
    styled = rows.replace('<td><img src="s.gif" height="1" width="40"></td>', '<td style="padding-left: 2.5em"></td>')
    for body in (rows, styled):
        doc = read(f"<h2>Comments</h2><table>{body}</table>")
        assert [(c.author, c.depth) for c in doc.comments] == [("Anna Berg", 0), ("Karl", 1), ("Mia S.", 0)]
        assert doc.comments[1].parent_id == doc.comments[0].comment_id


def test_a_bar_of_buttons_is_no_part_of_the_text_but_a_comment_s_links_are() -> None:
    bar = '<span class="navs"> | <a href="#p">parent</a> | <a href="#n">next</a> [–]</span>'
    links = '<div class="links"><a href="https://a.example">a.example</a> <a href="https://b.example">b.example</a></div>'
    doc = read(letters(extra=bar + links))
    assert [c.text for c in doc.comments] == [f"a.example b.example\n{text}" for _, _, text in LETTERS]


def test_comment_elements_whose_parts_no_rule_knows_are_read_by_their_shape() -> None:
    """WordPress's li.comment is found by its rule, but a theme's own classes for name and date
    ('comment-author__name') leave the rule with no author and no date: the shape reads them."""
    items = "".join(
        f'<li class="comment" id="comment-{n}"><div class="c-head"><span class="c-author__name">{name}</span>'
        f' <span class="c__date">{date}</span></div><p>{text}</p></li>'
        for n, (name, date, text) in enumerate(LETTERS, 1)
    )
    doc = read(f"<article><p>{'Der Artikel selbst. ' * 30}</p></article><ol class='comment-list'>{items}</ol>")
    assert [(c.author, c.date, c.text) for c in doc.comments] == [
        (name, f"2020-03-{date[:2]}", text) for name, date, text in LETTERS
    ]


def test_a_rule_that_reads_a_name_keeps_its_reading() -> None:
    items = "".join(
        f'<li class="comment" id="comment-{n}"><cite class="fn">{name}</cite> <span class="c__date">{date}</span>'
        f"<p>{text}</p></li>"
        for n, (name, date, text) in enumerate(LETTERS, 1)
    )
    html = f"<html><body><h2>Kommentare</h2><ol class='comment-list'>{items}</ol></body></html>"
    extraction = parse_html(html, "page.html").extraction
    assert extraction is not None and extraction.rule == "wordpress"
    assert [f.record.author for f in extraction.comments] == [name for name, _, _ in LETTERS]


def test_dated_records_that_outnumber_an_undated_rule_s_comments_replace_them() -> None:
    """The generic rule takes a list's wrapper for a comment (its items become replies), reads no
    date ('Name <span>, 12.03.2020</span>') and drops a one-word comment; the shape reads all four,
    flat and dated."""
    short = [*LETTERS, ("Tom", "15.03.2020", "lol")]
    items = "".join(
        f'<li class="comment-list-item"><div class="comment"><p class="author">{name} <span>, {date}</span></p>'
        f'<p class="message">{text}</p></div></li>'
        for name, date, text in short
    )
    doc = read(f"<h2>Kommentare</h2><div id='comments-list'><ul>{items}</ul></div>")
    assert [(c.author, c.date, c.text, c.depth) for c in doc.comments] == [
        (name, f"2020-03-{date[:2]}", text, 0) for name, date, text in short
    ]


def test_slash_dates_whose_order_only_the_whole_run_shows_still_date_the_records() -> None:
    """'04/05/2016' reads either way; '03/13/2015' shows the page writes the month first. Each record
    counts as dated while the run is judged, and the run's order then reads them all."""
    dates = ["03/13/2015 at 09:07pm", "04/05/2016 at 10:00am", "05/06/2016 at 11:30am", "06/07/2017 at 08:15pm"]
    entries = "".join(
        f'<table class="bf_recipe_comment"><tr><td><a href="/brewer/{n}"><font>Brewer {n}</font></a>'
        f"<font> &bull; {date}</font><br><font>Brewed this twice now, smooth and easy to drink.</font></td></tr>"
        f"</table>"
        for n, date in enumerate(dates, 1))  # fmt: skip
    doc = read(f"<article><p>{'Der Artikel selbst. ' * 30}</p></article><div>Discussion about this recipe:"
               f"<table class='bf_recipe_comments'><tr><td>{entries}</td></tr></table></div>")
    assert [(c.author, c.date) for c in doc.comments] == [
        ("Brewer 1", "2015-03-13T21:07"), ("Brewer 2", "2016-04-05T10:00"), ("Brewer 3", "2016-05-06T11:30"),
        ("Brewer 4", "2017-06-07T20:15")]


def test_a_layout_class_beside_one_that_names_the_record_does_not_hide_the_run() -> None:
    body = letters(heading="<h2>Vos avis</h2>", cls="grid_line bu_cuisine_avis")
    assert [(c.author, c.date) for c in read(body).comments] == [
        (name, f"2020-03-{date[:2]}") for name, date, _ in LETTERS]


def test_records_that_are_only_layout_cells_stay_out() -> None:
    assert read(letters(heading="<h2>Vos avis</h2>", cls="grid_line col-md-4")).comments == ()


def test_a_byline_that_names_and_dates_a_record_and_the_form_slot_left_out() -> None:
    """Movable Type: each comment's body, then 'Posted by: NAME at DATE'; the last slot holds the form."""
    entries = "".join(
        f'<div class="comments-body"><p>{text}</p><span class="comments-post">Posted by: <a href="mailto:x@y">{name}'
        f"</a> at December 1{n}, 2025 05:48 PM</span></div>" for n, (name, _, text) in enumerate(LETTERS))
    form = ('<div class="comments-body"><form method="post"><textarea name="text"></textarea><input '
            'type="submit"></form></div>')
    doc = read(f"<article><p>{'Der Artikel selbst. ' * 30}</p></article><h2>Comments</h2><div>{entries}{form}</div>")
    assert [(c.author, c.date, c.text) for c in doc.comments] == [
        (name, f"2025-12-1{n}T17:48", text) for n, (name, _, text) in enumerate(LETTERS)]


def test_a_byline_names_the_author_before_a_menu_of_buttons_does() -> None:
    entries = "".join(
        f'<article class="post-box" id="{n}"><div class="post-box-byline"><a href="/u/{n}">{name}</a></div>'
        f'<div class="post-box-meta"><time datetime="2005-07-1{n}T00:57:00">7/1{n}/05</time></div>'
        f'<ul class="share-user-menu"><li>Copy Link to Reply</li><li>Report Reply</li></ul><p>{text}</p></article>'
        for n, (name, _, text) in enumerate(LETTERS))  # fmt: skip
    doc = read(f"<article><p>{'Der Artikel selbst. ' * 30}</p></article><h2>Replies</h2><div>{entries}</div>")
    assert [c.author for c in doc.comments] == [name for name, _, _ in LETTERS]


def test_records_a_script_names_replies_and_a_name_before_the_date_in_one_line() -> None:
    """Utility classes name nothing (Mumsnet's Tailwind markup): the data attribute that a script
    keeps on each reply does, and 'NAME · <span>DATE</span>' gives the name."""
    entries = "".join(
        f'<div class="relative pt-3 border rounded-xl" data-reply-id="{n}"><div class="mt-1"><div class="font-bold">'
        f"{name} · <span>{date} 19:4{n}</span></div></div><div><p>{text}</p></div></div>"
        for n, (name, date, text) in enumerate(LETTERS))  # fmt: skip
    doc = read(f"<article><p>{'Der Artikel selbst. ' * 30}</p></article><div class='max-w-2xl mx-auto'>{entries}</div>")
    assert [(c.author, c.date, c.text) for c in doc.comments] == [
        (name, f"2020-03-{date[:2]}T19:4{n}", text) for n, (name, date, text) in enumerate(LETTERS)]


def test_a_byline_with_the_name_in_an_element_after_by_leaves_the_place_and_lead_in_out() -> None:
    """A shop review's footer: 'by <span>NAME</span> from PLACE on <time>': the place and the
    date's 'on' are no part of the name."""
    places = ("Ohio", "Elizabethtown, KY", "")
    entries = "".join(
        f'<article class="product-review"><section class="product-review__body">{text}</section>'
        f'<footer><div class="product-review__byline">by <span>{name}</span>{" from " + place if place else ""}'
        f' on <time datetime="2025-03-1{n}">March 1{n}, 2025</time></div></footer></article>'
        for n, ((name, _, text), place) in enumerate(zip(LETTERS, places, strict=True)))  # fmt: skip
    doc = read(f"<article><p>{'Der Artikel selbst. ' * 30}</p></article><h2>Reviews</h2>"
               f"<div class='product-reviews__list'>{entries}</div>")
    assert [(c.author, c.date) for c in doc.comments] == [(name, f"2025-03-1{n}") for n, (name, _, _) in
                                                          enumerate(LETTERS)]


def test_a_comment_element_text_part_in_bem_naming_leaves_its_header_out() -> None:
    """`comment__body` holds the header (name, '2mo', a hidden menu's 'Report this comment') and the
    `comment__text` the reader wrote: the text is the latter alone."""
    entries = "".join(
        f'<section class="comment"><div class="comment__body"><div class="comment__header">'
        f'<a class="comment__author" href="/in/{n}">{name}</a><span class="comment__duration-since">{n + 2}mo</span>'
        f'<ul class="hidden"><li><a href="/report">Report this comment</a></li></ul></div>'
        f'<p class="comment__text">{text}</p></div></section>'
        for n, (name, _, text) in enumerate(LETTERS))  # fmt: skip
    doc = read(f"<article><p>{'Der Artikel selbst. ' * 30}</p></article><div class='comments'>{entries}</div>")
    assert [(c.author, c.text) for c in doc.comments] == [(name, text) for name, _, text in LETTERS]


def test_a_data_attribute_around_the_page_naming_discussions_does_not_make_its_lists_comments() -> None:
    """GitHub's main element says `data-discussion-hovercards-enabled`; the repository cards inside
    it are no discussion. The same attribute name on each record would name them (as data-reply-id)."""
    body = f"<main data-discussion-hovercards-enabled>{letters(heading='<h2>Termine</h2>')}</main>"
    assert read(body).comments == ()
    own = letters(heading="<h2>Termine</h2>", extra="").replace('class="lb-eintrag"',
                                                                'class="lb-eintrag" data-reply-id="1"')
    assert len(read(own).comments) == 3


def test_a_label_before_the_name_in_another_language_is_no_part_of_it() -> None:
    """Italian cards: 'Commento di <strong>NAME</strong> DATE', the site's answers 'Risposta di
    <strong>NAME</strong> DATE'."""
    labels = ("Commento di", "Risposta di", "Commento di")
    entries = "".join(
        f'<li class="card-item"><div class="card-header">{label} <strong>{name}</strong> <span>{date} 10:49</span>'
        f'</div><div class="card-body"><p>{text}</p></div></li>'
        for label, (name, date, text) in zip(labels, LETTERS, strict=True))  # fmt: skip
    doc = read(f"<article><p>{'Der Artikel selbst. ' * 30}</p></article><h2>Commenti</h2><ul>{entries}</ul>")
    assert [(c.author, c.text) for c in doc.comments] == [(name, text) for name, _, text in LETTERS]


def test_replies_in_a_wrapper_after_the_record_they_answer() -> None:
    """Utility classes name nothing; a heading 'Comentários' names the run; each name is a link to
    the commenter's page ('/usuario/...'); each reply sits in a wrapper right after the record it
    answers, a reply to a reply in a wrapper inside that one."""
    def record(n: int, name: str, date: str, text: str) -> str:
        return (f'<div class="flex items-start w-full"><div class="w-12"><a href="/usuario/{n}"><img alt=""></a></div>'
                f'<div class="px-1"><div class="flex items-center"><p class="font-bold"><a href="/usuario/{n}">{name}'
                f'</a></p><p class="m-0">{date}</p></div><p class="text-black">{text}</p></div></div>')
    (a, da, ta), (b, db, tb), (c, dc, tc) = LETTERS
    last = "Muito bom, obrigada pela receita!"
    thread = (record(1, a, da, ta) + f'<div class="ml-6">{record(2, b, db, tb)}'
              f'<div class="ml-6">{record(3, c, dc, tc)}</div></div>' + record(4, "Ana", "20.03.2020", last))
    doc = read(f"<article><p>{'Der Artikel selbst. ' * 30}</p></article><div><h5>Comentários</h5>{thread}</div>")
    doc.check_integrity()
    assert [(c.author, c.depth, c.text) for c in doc.walk()] == [
        (a, 0, ta), (b, 1, tb), (c, 2, tc), ("Ana", 0, last)]


def test_a_comment_element_is_not_its_own_author_and_an_unread_date_leaves_the_name() -> None:
    """WordPress classes each comment 'comment-author-NAME', which an author selector matches on
    the comment itself; the name is the heading's link, the 'on 8.19.2012' after it (month first
    with dots, which no reading gives) no part of it."""
    entries = "".join(
        f'<div class="comment byuser comment-author-{name.split()[0].lower()}" id="comment-{n}">'
        f'<div class="comment-text"><h4><a href="/members/{n}/">{name}</a> <span>on 8.1{n}.2012</span></h4>'
        f"<p>{text}</p></div></div>" for n, (name, _, text) in enumerate(LETTERS, 3))  # fmt: skip
    doc = read(f"<article><p>{'Der Artikel selbst. ' * 30}</p></article><div class='comments'>{entries}</div>")
    assert [(c.author, c.text) for c in doc.comments] == [(name, text) for name, _, text in LETTERS]


def test_stamps_without_a_year_date_no_record_but_still_mark_the_run() -> None:
    items = repeated('<div class="individualcomment"><div class="left"><a name="comment-10{n}"></a>'
                     '<span class="byline">reader{n}</span><p class="dateline"><a href="#comment-10{n}">'
                     'January  1{n} 17:0{n}</a></p></div><div class="right"><p>Free range and organic are not'
                     ' the same thing, number {n}.</p></div></div>')
    hidden = ('<div class="individualcomment" id="recommendedheader" style="display: none;"><p>What is this? '
              "These comments have been recommended by other users, read more here.</p></div>")
    doc = read(f"<div id='comments'>{hidden}{items}</div>")
    assert [(c.author, c.date, c.text) for c in doc.comments] == [
        (f"reader{n}", None, f"Free range and organic are not the same thing, number {n}.") for n in range(3)
    ]


def test_a_heading_over_other_pages_posts_does_not_name_the_run_beside_it() -> None:
    items = repeated('<li class="tw-item"><div>Ein Tweet über ganz andere Dinge, Nummer {n} heute.'
                     "<span> 1{n}.03.2020</span></div></li>")
    for heading, found in (("Empfohlene Beiträge", 0), ("Beiträge", 3)):
        widgets = (f'<div class="widget"><h3>{heading}</h3><p>Ein Link</p></div>'
                   f'<div class="widget"><ul>{items}</ul></div>')
        assert len(read(widgets).comments) == found, heading


def test_comments_under_a_heading_among_the_article_s_paragraphs_of_their_kind() -> None:
    article = "".join(f'<p class="story">The article says thing number {n} at some length here.</p>' for n in range(8))
    comments = repeated('<p class="story">I think point {n} of the article is right.<br/><b>Posted by Reader{n} on'
                        " January 6, 2008 2:0{n} PM</b></p>")
    for heading, found in (('<a name="comments"></a><div class="yvhd">Comments</div>', 3), ("<div>Termine</div>", 0)):
        doc = read(f"<div>{article}{heading}{comments}</div>")
        assert [c.author for c in doc.comments] == [f"Reader{n}" for n in range(found)], heading


def test_an_opening_post_before_a_replies_heading_stays_in_the_discussion() -> None:
    posts = repeated('<div class="post"><b>user{n}</b> <span>1{n}.03.2020</span><p>Mein Beitrag Nummer {n} zum'
                     " Thema, mit ein paar Worten.</p></div>")
    opening, replies = posts[: posts.index("</div>") + 6], posts[posts.index("</div>") + 6 :]
    doc = read(f"<div id='forum'>{opening}<h3>2 Antworten</h3>{replies}</div>")
    assert [c.author for c in doc.comments] == ["user0", "user1", "user2"]


def test_an_empty_member_of_a_dated_run_is_no_comment() -> None:
    doc = read(letters().replace("<div class='lb'>", "<div class='lb'><div class=\"lb-eintrag\"> </div>"))
    assert [c.author for c in doc.comments] == [name for name, _, _ in LETTERS]


def test_a_footer_that_opens_with_the_name_before_the_date_names_the_comment() -> None:
    """TypePad's comment footer: '<span><a>LnxWalt</a> on February 12, 2010 11:32 PM</span>' under the
    text, the name a link at the head of the date's own element."""
    entries = "".join(
        f'<div class="comments-body c{n}"><p>{text}</p><span class="comments-post"><a href="/u/{n}">{name}</a>'
        f" on March 1{n}, 2020 11:3{n} PM</span></div>" for n, (name, _, text) in enumerate(LETTERS))  # fmt: skip
    doc = read(f"<article><p>{'Der Artikel selbst. ' * 30}</p></article><div id='comments'>{entries}</div>")
    assert [(c.author, c.date, c.text) for c in doc.comments] == [
        (name, f"2020-03-1{n}T23:3{n}", text) for n, (name, _, text) in enumerate(LETTERS)]


def test_a_comment_that_is_only_a_web_address_is_a_comment() -> None:
    """Movable Type's default list (OUseful Info): two of five comments give only a link, written as
    text; the run is still a discussion, and they are its comments."""
    entries = [("Leigh", "Nice round up, I reckon it would make an exciting project for everyone."),
               ("Leigh", "http://tpu.bluemountains.net/"), ("Leigh", "http://flickrcc.bluemountains.net"),
               ("Brian", "You throw out so much awesome stuff I can't keep up with it."),
               ("Paulo", "Moodle may not be that exciting, but it was still the better choice.")]
    body = (f"<article><p>{'The post itself. ' * 30}</p></article><div class='comments-head'>Comments</div>"
            + "".join(f'<div class="comments-body"><p>{text}</p><span class="comments-post">Posted by: '
                      f'<a href="http://example.org/{n}">{name}</a> at February {10 + n}, 2008 09:38 AM</span></div>'
                      for n, (name, text) in enumerate(entries)))  # fmt: skip
    doc = read(body)
    assert [c.text for c in doc.comments] == [text for _, text in entries]
    assert [c.date for c in doc.comments] == [f"2008-02-{10 + n}T09:38" for n in range(len(entries))]


def lwn_box(n: int, subject: str = "") -> str:
    """One LWN.net comment for LETTERS[n]: an empty link target, the box, its subject line if given, the
    header 'Posted DATE UTC (Fri) by <b>NAME</b> (guest, #N) [Link]', the text."""
    name, _, text = LETTERS[n]
    title = f'<p class="CommentTitle">{subject}</p>' if subject else ""
    return (f'<a name="CommAnchor{n}"></a><div class="CommentBox">{title}<div class="CommentBody">'
            f'<p class="CommentPoster">Posted Sep 2{n}, 2007 20:3{n} UTC (Fri) by <b>{name}</b> (guest, #4442{n}) '
            f'[<a href="/Articles/2510{n}/">Link</a>]</p>{text}</div></div>')


def lwn_page(thread: str) -> Document:
    return read(f"<article><p>{'The article itself. ' * 30}</p></article><a name='Comments'></a>{thread}")


def test_a_header_that_names_the_author_after_the_date_and_by_names_the_comment() -> None:
    """LWN's comment header: 'Posted Sep 21, 2007 20:34 UTC (Fri) by <b>NAME</b> (guest, #44423)',
    the name in an element of its own after the date; the reader's status after it is no part of it."""
    doc = lwn_page("".join(lwn_box(n) for n in range(len(LETTERS))))
    assert [(c.author, c.date) for c in doc.comments] == [
        (name, f"2007-09-2{n}T20:3{n}") for n, (name, _, _) in enumerate(LETTERS)]


def test_a_subject_line_that_opens_each_record_is_no_part_of_its_text() -> None:
    """LWN's `p.CommentTitle` over each comment's body ('Nice', 'This is great!'): a subject, not text."""
    doc = lwn_page("".join(lwn_box(n, f"Subject {n}") for n in range(len(LETTERS))))
    assert [c.text for c in doc.comments] == [text for _, _, text in LETTERS]


def test_replies_in_a_wrapper_after_their_comment_with_link_targets_between_are_its_replies() -> None:
    """LWN: each comment box follows an empty link target (`<a name="CommAnchor…">`), and its replies
    stand in a `div.Comment` right after it, a reply's replies in another inside that one."""
    box = lwn_box
    doc = lwn_page(f'{box(0)}<div class="Comment">{box(1)}<div class="Comment">{box(2)}</div></div>{box(0)}{box(1)}')
    assert [(c.author, c.depth) for c in doc.comments] == [
        ("Anna Berg", 0), ("Karl", 1), ("Mia S.", 2), ("Anna Berg", 0), ("Karl", 0)]


def test_records_whose_class_alternates_by_its_last_word_are_one_run() -> None:
    """A comment control that colours every other record ('entryBackground' and
    'entryBackgroundAlternate', or 'row_odd'-style endings): the alternation is no other kind."""
    for plain, other in (("entryBackground", "entryBackgroundAlternate"), ("entry-row", "entry-row-alt")):
        body = letters(cls="{cls}")
        for n in range(3):
            body = body.replace('class="{cls}"', f'class="{other if n % 2 else plain}"', 1)
        doc = read(body)
        assert [c.author for c in doc.comments] == [name for name, _, _ in LETTERS], (plain, other)
