"""Comment heads over a whole page: each line's candidate (`grammar.find_head`), then the rules
that join, move or drop candidates by what stands around them (avatar lead-ins, headers printed
as lists, signed-off items, empty heads), and what each head's surroundings add (its level; whether
it is a pingback is asked by `sections.comment_heads` of every head it keeps, `is_pingback`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from commentscope.grammar import (
    AVATAR_META,
    BUTTON_META,
    COUNT_META,
    DATE_META,
    POST_COLUMN_LINES,
    POST_COLUMN_WORDS,
    QUOTE_END_META,
    ROLE_LABELS,
    SECTION_META,
    SEPARATOR_META,
    VOTES_META,
    Head,
    Line,
    facts_follow,
    find_head,
    next_content,
    previous_content,
)
from commentscope.patterns import word_pattern

COMMENT_NUMBER = re.compile(r"^#(\d{1,6}(?:\.\d{1,4})*)(?:\s|$)")  # '#2.1 — vor 8 Stunden'
NUMBER_LOOKAHEAD = 3  # metadata lines under a header where its number may stand
NUMBERED_THREAD = 3  # numbered heads that make a thread a numbered list
SIGNED_TEXTS = 3  # headers under their comments' texts that make a thread of signed texts
BLOCK_LINES = 40  # how far up a signed answer looks for the comment whose items it continues
TITLE_WORDS = 12  # a comment's subject over its header: a title, or the text's first words cut short
QUOTE_INTRO = word_pattern("quote_intro")  # 'Nixe said:', 'Zitat von NAME': a quoted post opens
_BYLINE = word_pattern("byline_lead")  # 'VON MORITZ GATHMANN am ...', 'By Evan Symon, ...'
_SIGNATURE_DASHES = ("–", "—")  # a name after one of these signs the text above it
# a thread's links in a header (Hacker News): 'parent' on every reply, 'root' from the second
# level down, 'prev' when the comment has an earlier sibling, 'next' on nearly every comment
_THREAD_LINK = re.compile(r"\|\s*(root|parent|prev|next)\s*(?=\||\[|$)")
_EXCERPT = ("[…]", "[...]")  # how a pingback quotes the linking post
# ('Pingback: TITLE'; WordPress's French 'Rétrolien :', its Lithuanian 'Atgalinis pranešimas:')
PINGBACK = re.compile(r"^(?:pingback|trackback|rétrolien|atgalinis pranešimas)\s*(?::|(?:von|from|by|de|par)\s)",
                      re.IGNORECASE)
# a forum post's byline that names its poster ('Post by Ann » Mon May 14, 2012 6:25 pm', phpBB; w3m: 'Postby';
# phpBB 3.2: '#3 Post by Ann » ...')
_POST_BYLINE = re.compile(
    r"(?:#\d{1,5}\s+)?(?:(?:post|beitrag|message|mensaje|messaggio|bericht)\s*)?(?:by|von|par|por|door)\s+(\S.{0,60}?)\s+»",
    re.IGNORECASE)


def find_heads(lines: list[Line]) -> dict[int, Head]:
    """Every line where a comment could start, keyed by line index."""
    heads = {i: h for i in range(len(lines)) if (h := find_head(lines, i)) is not None}
    _merge_lead_ins(lines, heads)
    _one_head_per_header(lines, heads)
    _name_block_above(lines, heads)
    for i in [i for i, h in heads.items() if not h.strong and _under_header(lines, i, heads)]:
        del heads[i]
    for i in list(heads):
        _signed_item(lines, heads, i)
    _signed_texts(lines, heads)
    bylines = [j for j, line in enumerate(lines) if line.meta in DATE_META and _POST_BYLINE.match(line.plain)]
    for i in {*_quoted_headers(lines, heads), *_quote_intros(lines, heads), *_dated_quotes(lines, heads, bylines)}:
        del heads[i]
    bylined = [i for i, h in heads.items() if _byline(h.author)]
    listed = _byline_list(lines, bylined)
    for i in bylined:
        if i in listed:  # a comment list's 'By NAME' / DATE: the name without its lead word
            heads[i].author = _BYLINE.sub("", heads[i].author or "", count=1).strip()
        else:
            del heads[i]
    _byline_over_place(lines, heads)
    for i in [i for i, h in heads.items() if not (h.text_on_marker or _linked(lines, h)) and _empty(lines, h, heads)
              and not _named_column(lines, h, heads)]:
        del heads[i]
    for i in list(heads):
        _widen_to_list_item(lines, heads, i)
    _marker_over_avatar(lines, heads)
    for head in heads.values():
        head.level = _numbered_level(lines, head)
    posters = [h for h in heads.values() if facts_follow(lines, h.last_header)]
    for head in posters if len(posters) > 1 else ():  # a forum's posts, whether the avatar's copy of the
        head.indent = min(h.indent for h in posters)  # name (indented) or the name itself heads them: flat
    for head in posters:
        head.poster = len(posters) > 1
        _to_post_date(lines, heads, head)
    _bylines_alone(lines, heads, bylines)
    _without_places(heads)
    linked = linked_levels(lines, heads)
    for i in [i for i, h in heads.items() if linked and i > linked[0] and not h.strong]:
        del heads[i]  # in a thread whose headers carry its links, a weak head is a list in a comment's text
    return heads


def _to_post_date(lines: list[Line], heads: dict[int, Head], head: Head) -> None:
    """A poster's column runs on to the post's date when a few short lines stand between its facts
    and that date (phpBB: the subject and 'Post by NAME » DATE'; a forum's interests and badges):
    those lines are the header's, the text starts under the date."""
    j = next_content(lines, head.last_header)
    while j is not None and lines[j].meta in SEPARATOR_META:
        j = next_content(lines, j)
    seen = 0
    while j is not None and seen < POST_COLUMN_LINES:
        line = lines[j]
        if j in heads:
            named = heads[j].author
            again = named and head.author and named.casefold() == head.author.casefold()
            if not (again or (heads[j].kind == "header" and not heads[j].evidence and lines[j].author is None)):
                return
            del heads[j]  # the byline names the poster again ('Post by' / 'Ann' / '» DATE', html2text), or a
            # line of the column reads as a name over the date (the poster's interests, permies: 'dog trees bee')
        if line.meta in DATE_META:
            head.last_header = _button_list(lines, heads, j)
            byline = _POST_BYLINE.match(line.plain)
            if byline:  # prosilver prints a poster's column under their post: the byline names this one
                head.author = byline[1]
            return
        if len(line.plain.split()) > POST_COLUMN_WORDS or (
                line.plain.endswith((".", "!", "?")) and not line.plain.endswith(("...", "…"))):  # ('I like...')
            return
        j, seen = next_content(lines, j), seen + 1


BUTTON_LIST_LINES = 12  # a post's buttons printed as a list under its date: this many lines at most
COLUMN_LOOKAHEAD = 12  # lines under a poster's facts searched for a line of their column read as a head


def _button_list(lines: list[Line], heads: dict[int, Head], date: int) -> int:
    """The last line of a post's button row printed as a list right under its date, over its text ('* Likes 11'
    / '* Mark post as helpful' / '* send pies' and its little form / '* Quote', permies): short items and the
    lines set deeper under them, all of them before any text (weak heads among them are buttons); else the date."""
    first = next_content(lines, date)
    if first is None or not lines[first].marker or first in heads:
        return date
    last, seen = date, 0
    k: int | None = first
    while k is not None and seen < BUTTON_LIST_LINES and (k not in heads or not heads[k].strong):
        line = lines[k]
        if not (line.marker or line.indent > lines[first].indent) or len(line.plain.split()) > POST_COLUMN_WORDS:
            break
        last, k, seen = k, next_content(lines, k), seen + 1
    after = lines[k] if k is not None else None
    if after is None or after.marker or after.indent < lines[first].indent - 2 or seen == BUTTON_LIST_LINES:
        return date  # (no text after it at the post's margin: a list in the post, or a long one)
    for i in [i for i in heads if first <= i <= last]:
        del heads[i]  # (a button as a flat head: '* Report post to moderator' / text)
    return last


def _bylines_alone(lines: list[Line], heads: dict[int, Head], bylines: list[int]) -> None:
    """A forum post's byline that no head runs to, on a page that prints two or more ('Post by Ann »
    DATE', phpBB): the poster's column above it heads the post from the byline on (a column the
    walk of `_to_post_date` stopped short of it: a subject ending in '!', a long field of the
    poster's), else the byline heads a post of its own (the first post of a thread's later page
    stands above every column; `bylines`: the lines of the page's bylines)."""
    if len(bylines) < 2:
        return
    reached = {h.last_header for h in heads.values()}
    since = -1
    for j in bylines:
        author = _POST_BYLINE.match(lines[j].plain)[1]  # type: ignore[index]
        above = max((i for i in heads if since < i < j), default=None)
        if j in reached or j in heads:
            pass
        elif above is not None and heads[above].poster:
            heads[above].last_header, heads[above].author = j, author
        else:
            heads[j] = Head(j, j, author, lines[j].indent, "header", None, strong=True, evidence=True, poster=True)
        since = j


def _linked(lines: list[Line], head: Head) -> bool:
    """Whether the head's header carries its thread's links: then its text follows it, whatever
    stands between ('*', a vote arrow as w3m prints it) or opens the text (a list item)."""
    return _THREAD_LINK.search(lines[head.last_header].plain) is not None


def linked_levels(lines: list[Line], heads: dict[int, Head]) -> list[int]:
    """Each head's depth, read from its header's thread links (`_THREAD_LINK`) in page order; the
    heads that have them.

    The page lists the thread depth first. 'parent' without 'root' is depth 1. Deeper, a reply
    without 'prev' is its parent's first, right under the comment before it; one with 'prev' has an
    earlier sibling somewhere above, at a depth the links do not tell: most replies have none of
    their own, so it is taken as the comment before it's sibling.
    """
    before = 0
    linked = []
    for i in sorted(heads):
        links = set(_THREAD_LINK.findall(lines[heads[i].last_header].plain))
        if not links:
            continue
        linked.append(i)
        if "parent" not in links:
            depth = 0
        elif "root" not in links:
            depth = 1
        else:
            depth = max(2, before if "prev" in links else before + 1)
        heads[i].level = before = depth
    return linked


def _byline(author: str | None) -> bool:
    """An 'author' that opens with a byline's word ('VON MORITZ GATHMANN am 21. April 2020', 'By
    Evan Symon, August 14'): the article's byline, not a comment's header. (Italian 'di' is left
    out: the German weekday 'Di, 10:19 Uhr' and names such as 'Di Stefano' open with it.)"""
    text = author or ""
    found = _BYLINE.match(text)
    return found is not None and text[found.end():found.end() + 1] == " " and found.group().casefold() != "di"


def _without_places(heads: dict[int, Head]) -> None:
    """Where SIGNED_TEXTS or more named headers, three in four of them at least, print a place after
    the name ('tom3465, farnworth', 'tax payer, Bolton': Newsquest's papers; 'King Eric' left it
    empty), the place is the site's field, not the name."""
    named = [h for h in heads.values() if h.author and h.strong]  # (not a menu's items)
    placed = [h for h in named if _PLACED.fullmatch(h.author or "")]
    if len(placed) < max(SIGNED_TEXTS, PLACED_SHARE * len(named)):
        return
    for head in placed:
        head.author = (head.author or "").split(",", 1)[0].strip()


PLACED_SHARE = 0.75
_PLACED = re.compile(r"[^,]{1,40},\s\S.{0,30}")  # 'NAME, Place' ('tax payer, Bolton', 'King Eric, .........')


def _byline_over_place(lines: list[Line], heads: dict[int, Head]) -> None:
    """'Posted by NAME' right over a line that a date under it made a head ('Posted by Barbara' / 'Brooklyn,
    NY' / DATE, Rick Steves): one header, the byline's name, the poster's place a line of it."""
    for i in sorted(heads):
        j = next_content(lines, i)
        if (j is not None and j in heads and heads[i].last_header == i and lines[j].author is None
                and _BYLINE.match(lines[i].plain) and not lines[j].marker and lines[j].indent >= lines[i].indent):
            heads[i] = replace(heads[i], last_header=heads[j].last_header)
            del heads[j]


def _byline_list(lines: list[Line], bylined: list[int]) -> set[int]:
    """The 'By NAME' heads, a date under each, that list comments: SIGNED_TEXTS or more of them after
    the page's comments heading (the Palm Beach Post's 'By DUMAS' / 'Dec 30, 2007 7:06 PM | Link to
    this'); an article prints its byline once."""
    sections = [k for k, line in enumerate(lines) if line.meta in SECTION_META]
    after = [i for i in bylined if sections and i > sections[0] and _dated_under(lines, i)]
    return set(after) if len(after) >= SIGNED_TEXTS else set()


def _dated_under(lines: list[Line], i: int) -> bool:
    j = next_content(lines, i)
    return j is not None and lines[j].meta in DATE_META


def _quote_intros(lines: list[Line], heads: dict[int, Head]) -> list[int]:
    """'NAME said:' over text that 'Click to expand...' closes before the next head (XenForo's quote
    box as a dump prints it): a post quoted inside a comment, not a comment of its own."""
    if not heads or not any(line.meta == QUOTE_END_META for line in lines):
        return []
    starts = sorted(heads)
    ends = [*starts[1:], len(lines)]
    return [i for i, end in zip(starts, ends, strict=True) if QUOTE_INTRO.fullmatch(lines[i].plain)
            and any(lines[k].meta == QUOTE_END_META for k in range(i + 1, end))]


def _dated_quotes(lines: list[Line], heads: dict[int, Head], bylines: list[int]) -> list[int]:
    """Among posts under their posters' columns, or under two or more bylines ('Post by Ann » DATE';
    inscriptis prints a phpBB column on one line, so no facts follow it), 'Ann wrote: DATE' or 'Ann
    wrote:' quotes a post inside one (phpBB)."""
    if len(bylines) < 2 and sum(facts_follow(lines, h.last_header) for h in heads.values()) < 2:
        return []
    return [i for i, h in heads.items() if not facts_follow(lines, h.last_header) and any(
        QUOTE_INTRO.fullmatch(said) for said in (lines[i].plain, h.author or ""))]


def _quoted_headers(lines: list[Line], heads: dict[int, Head]) -> list[int]:
    """In a thread printed as a numbered list, a header without a number of its own right under a
    numbered comment's header and date ('34. Guy says:' / DATE / 'Ann says:' / DATE / text): the
    comment quotes another one; its header is text, not a comment of its own."""
    numbered = sorted(i for i, h in heads.items() if h.kind == "number")
    if len(numbered) < NUMBERED_THREAD:
        return []
    quoted = []
    for i in numbered:
        j = next_content(lines, heads[i].last_header)
        dated = False  # the comment's own header is over: a date stands between the two
        while j is not None and lines[j].meta and j not in heads:
            j, dated = next_content(lines, j), True
        if dated and j is not None and j in heads and heads[j].kind == "header":
            quoted.append(j)
    return quoted


def _widen_to_list_item(lines: list[Line], heads: dict[int, Head], i: int) -> None:
    """A header printed as a list of buttons, name and date under the comment's own list number
    ('1.' / '+ Reply' / '+ Ann' / '+ DATE'): the head starts at that number, at its indentation."""
    head = heads[i]
    line = lines[i]
    k = i - 1
    while k >= 0 and (lines[k].blank or _header_item(lines[k], line.indent)):
        k -= 1
    item = lines[k] if k >= 0 and line.marker else None
    if item is None or item.rest or item.marker != "number" or item.indent >= line.indent or k in heads:
        return
    del heads[i]
    heads[k] = replace(head, index=k, indent=item.indent, kind="number", number=item.number_mark)


def widen_to_dated_item(lines: list[Line], heads: dict[int, Head], i: int) -> int:
    """A name printed flush under its comment's list item, the item holding the date or only the avatar's
    empty link over the date (html2text: '    * July 27, 2019' / 'Ann', '    * [](https://ann.org)' /
    'July 26, 2019' / 'Ann'): the head starts at the item, at its indentation, where the reply's depth is.
    Returns where the head starts now."""
    head, line = heads[i], lines[i]
    k = previous_content(lines, i)
    if line.marker or head.index != head.last_header or k is None or k in heads or lines[k].meta not in DATE_META:
        return i
    if not lines[k].marker:
        k = previous_content(lines, k)
        if k is None or k in heads or not lines[k].marker or lines[k].rest or lines[k].meta:
            return i  # (only a marker alone, or an empty link, over the date)
    item, above = lines[k], previous_content(lines, k)
    if item.indent < line.indent or item.indent > line.indent + MAX_ITEM_SHIFT:
        return i
    if above is not None and lines[above].marker and lines[above].indent == item.indent:
        return i  # ('* reply' / '* April 5, 2018' / 'Lars': the comment before it signs off with its date)
    del heads[i]
    heads[k] = replace(head, index=k, indent=item.indent, kind=item.marker or "bullet", number=item.number_mark)
    return k


MAX_ITEM_SHIFT = 12  # how far right of a flush name its comment's list item may stand (html2text nests by 2-4)


def _signed_item(lines: list[Line], heads: dict[int, Head], i: int) -> None:
    """A list item whose text is signed off by its header ('* Text...' / 'Ann Le 11 septembre 2018 à
    12:57' / 'Reply', then the next item): the comment starts at the item, its author from below."""
    head, line = heads[i], lines[i]
    # '– Ann' / DATE signs off a Stack Exchange comment (html2text prints the dash as '-')
    # (a signature may be an item of a list of its own under the text: '+ — Ann on DATE' / '+ Reply')
    in_item = bool(line.marker) and line.rest.startswith((*_SIGNATURE_DASHES, "-- "))
    signed = in_item or line.text.startswith((*_SIGNATURE_DASHES, "- "))
    if (line.marker and not signed) or not head.strong or head.author is None or facts_follow(lines, head.last_header):
        return  # (a poster's facts under the name: the post's text is below, a signature's item above)
    if _linked(lines, head):
        return  # a header with its thread's links opens its comment, even one that begins with a list item
    j = next_content(lines, head.last_header)
    while j is not None and lines[j].meta and not _scored_item(lines[j]):
        j = next_content(lines, j)
    k = above_head = previous_content(lines, i)
    if j is not None and not lines[j].marker and (k is None or lines[j].indent >= lines[k].indent):
        return  # text follows the header: it opens its comment as usual (else: the next item, or the list ends)
    while k is not None and not lines[k].marker and not lines[k].meta and k not in heads:
        above = previous_content(lines, k)
        if above is None or (lines[above].indent > lines[k].indent and not lines[above].marker):
            return  # (html2text prints an item's wrapped lines flush left)
        k = above
    item = lines[k] if k is not None else None
    if k is None or item is None or k in heads or (line.indent > item.indent + 4 and not in_item):
        return
    if (item.meta and not (_scored_item(item) and k != above_head)) or not (item.rest or item.marker):
        return  # (a score or '•' alone over the text: the item's text is on the lines below)
    if j is not None and not lines[j].marker and _menu_item(lines, k):
        return  # ('Sort by:' / '* Date Posted' / '* [221]Recommended' / 'Ann' / DATE / text: a menu over a header
        # whose text, flush left under it, is its own)
    if signed and not in_item and item.text[:1] == line.text[:1]:
        return  # ('- Ann' under a '- ' item: the list's own bullet, an item of it)
    del heads[i]
    answered = head.reply_to or _answered_above(lines, heads, k, head.author)
    heads[k] = replace(head, index=k, last_header=k, indent=item.indent, kind=item.marker or "bullet",
                       number=item.number_mark, text_on_marker=bool(item.rest) and not item.meta, footer=i,
                       evidence=head.evidence or signed, reply_to=answered)  # fmt: skip


MENU_ITEM_WORDS = 3  # an item this short right under another item of its list is a menu's entry
_SENTENCE_END = tuple(".!?…")  # ... unless it ends a sentence


def _menu_item(lines: list[Line], k: int) -> bool:
    """Whether list item `k` is a menu's entry, no comment's text: one link, or a few words right under
    another item of its list."""
    item = lines[k]
    if item.one_link:
        return True
    above = previous_content(lines, k)
    return (above == k - 1 and lines[above].marker == item.marker and lines[above].indent == item.indent
            and len(item.plain.split()) <= MENU_ITEM_WORDS and not item.plain.endswith(_SENTENCE_END))


def _answered_above(lines: list[Line], heads: dict[int, Head], k: int, author: str | None) -> str | None:
    """The author of the comment whose items a signed item at line `k` continues, no blank line between
    (PIXNET lists the blogger's answer, signed under its text, among the items of the comment it answers:
    '* #1 Ann 於 DATE' / '* text' / '* answer' / 'Bob 於 DATE 回覆'); None where the items above are a
    list of signed comments, each its own."""
    for m in range(k - 1, max(k - BLOCK_LINES, -1), -1):
        if lines[m].blank:
            return None
        above = heads.get(m)
        if above is not None:
            return above.author if above.strong and above.footer is None and above.author != author else None
    return None


def _signed_texts(lines: list[Line], heads: dict[int, Head]) -> None:
    """Comments signed off below their text, each header after its comment (SFGate's and TypePad's
    text, then 'Posted By: NAME | DATE'). Per part of the page between section lines (a comments'
    heading, the form): where its headers number SIGNED_TEXTS or more, all alike (strong, not a
    list's, no forum poster's), the last of them followed by no text (the form, a section's end,
    the page's end), and each with text of its own above it, the first right under the part's
    heading, each head moves up to its text's first line and its header signs it off (`footer`).
    A quote's opening ('Rod Sanders wrote:') right under a signature is the next text's first line,
    no header. In the usual layout the last header has its text below it."""
    sections = [k for k, line in enumerate(lines) if line.meta in SECTION_META]
    parts: dict[int, list[int]] = {}
    for i in sorted(heads):
        parts.setdefault(bisect.bisect(sections, i), []).append(i)
    for order in parts.values():
        quotes = [i for n, i in enumerate(order) if n and _quote_under(lines, heads[order[n - 1]], i)]
        kept = [i for i in order if i not in quotes]
        others = {i: h for i, h in heads.items() if i not in quotes} if quotes else heads
        starts = _text_tops(lines, others, kept) if len(kept) >= SIGNED_TEXTS else None
        if starts is None:
            continue
        for i in quotes:
            del heads[i]
        for i, top in starts.items():
            head = heads.pop(i)
            heads[top] = replace(head, index=top, last_header=top, text_on_marker=True, flat=True, footer=i,
                                 footer_end=head.last_header)


_AFTER_HEADER = BUTTON_META | DATE_META  # what may stand under a header besides text: buttons, its wrapped time
_UNDER_SIGNATURE = frozenset({None, *_AFTER_HEADER})  # a text's lines, and what may follow a signature


def _quote_under(lines: list[Line], above: Head, i: int) -> bool:
    """Whether head `i` is a quote's opening ('NAME wrote:') right under the header of the head above."""
    return previous_content(lines, i) == above.last_header and QUOTE_INTRO.fullmatch(lines[i].clean) is not None


def _text_tops(lines: list[Line], heads: dict[int, Head], order: list[int]) -> dict[int, int] | None:
    """Per head of one part of the page, the first line of its text above it, when they are signed
    texts (`_signed_texts`); else None."""
    if any(not heads[i].strong or heads[i].footer is not None or lines[i].marker for i in order):
        return None
    j = next_content(lines, heads[order[-1]].last_header)
    while j is not None and lines[j].meta in _AFTER_HEADER:
        j = next_content(lines, j)
    if j is not None and not (lines[j].meta or lines[j].boilerplate):  # (TypePad's 'Verify your Comment')
        return None
    ends = {heads[i].last_header for i in order}  # (a header of two lines: 'Juan Zamudio' / 'Juan Zamudio on DATE')
    starts: dict[int, int] = {}
    for n, i in enumerate(order):
        top, k = None, previous_content(lines, i)
        while k is not None and k not in heads and k not in ends and lines[k].meta in _UNDER_SIGNATURE:
            top = k if not lines[k].meta else top  # (buttons, or a header's time wrapped under it)
            k = previous_content(lines, k)
        above_ok = k == heads[order[n - 1]].last_header if n else (k is not None and lines[k].meta in SECTION_META)
        if top is None or not above_ok:
            return None
        starts[i] = top
    return starts


def _scored_item(line: Line) -> bool:
    """A list item that opens with its comment's score ('* 3' / text), the text on the lines below."""
    return bool(line.marker) and line.meta == VOTES_META


def _header_item(line: Line, indent: int) -> bool:
    """A list item of a header printed as a list: a button, or a marker alone."""
    return bool(line.marker) and line.indent == indent and (line.meta in BUTTON_META or not line.rest)


def _numbered_level(lines: list[Line], head: Head) -> int | None:
    """The depth a comment's number states in the metadata under its header: '#2' 0, '#2.1' 1."""
    j = next_content(lines, head.last_header)
    for _ in range(NUMBER_LOOKAHEAD):
        if j is None or not lines[j].meta:
            return None
        found = COMMENT_NUMBER.match(lines[j].plain)
        if found:
            return found.group(1).count(".")
        j = next_content(lines, j)
    return None


def is_pingback(lines: list[Line], head: Head) -> bool:
    """WordPress lists pingbacks with the comments: 'Pingback: TITLE' or a site name over '[…] excerpt'."""
    if PINGBACK.match(lines[head.index].plain) or lines[head.index].clean.startswith(_EXCERPT):
        return True  # ('Pingback von SITE', or a run of text that is the excerpt itself: '[…] text […]')
    j = next_content(lines, head.last_header)
    while j is not None and lines[j].meta:
        j = next_content(lines, j)
    return j is not None and lines[j].clean.startswith(_EXCERPT)


def _under_header(lines: list[Line], i: int, heads: dict[int, Head]) -> bool:
    """A weak head ('+' / '@Ann, you are right') with only metadata between it and a strong header
    above: the first line of that header's comment, not a comment of its own."""
    k = previous_content(lines, i)
    while k is not None and k not in heads and lines[k].meta:
        k = previous_content(lines, k)
    return k is not None and k in heads and heads[k].strong


def _empty(lines: list[Line], head: Head, heads: dict[int, Head]) -> bool:
    """A head with nothing but metadata and links before the next head, or before the next item
    as shallow as its own: linked titles and dates ('•' / 'TITLE' / 'DATE' / '•' / 'TITLE' ...), or
    before a count of comments (another article's teaser: 'National' / DATE / '24 Comments')."""
    j = next_content(lines, head.last_header)
    while j is not None and (lines[j].meta or lines[j].one_link) and j not in heads:
        if lines[j].meta == COUNT_META:
            return True
        j = next_content(lines, j)
    if j is None or j in heads:
        return True
    after, own = lines[j], lines[head.index]
    if not after.marker or after.rest or _typed_marker(lines, j):
        return False
    return after.indent < head.indent or (not own.rest and (own.marker, own.indent) == (after.marker, after.indent))


def _named_column(lines: list[Line], head: Head, heads: dict[int, Head]) -> bool:
    """A poster's facts under the head, and the next head a line of their column that reads as a name over the
    post's date (their interests, permies: 'tiny house urban cooking' / 'posted 1 year ago'), not a poster's."""
    if not facts_follow(lines, head.last_header):
        return False
    j, seen = next_content(lines, head.last_header), 0
    while j is not None and j not in heads and seen < COLUMN_LOOKAHEAD:
        j, seen = next_content(lines, j), seen + 1
    return j is not None and j in heads and heads[j].strong and not heads[j].evidence


def _typed_marker(lines: list[Line], j: int) -> bool:
    """A marker alone with text right under it at its indentation: the commenter typed it ('+' / 'Good text')."""
    below = lines[j + 1] if j + 1 < len(lines) else None
    return below is not None and not (below.blank or below.marker or below.meta) and below.indent == lines[j].indent


def _name_block_above(lines: list[Line], heads: dict[int, Head]) -> None:
    """Lines over a header that name its author again (an avatar's alt text, the name, the
    commenter's points: 'Profilbild von Ann' / 'Ann' / '5819' / 'Ann' / DATE) open its comment
    with it. The block must start with the name: a count alone above a header is the comment
    before it signing off ('Daumen hoch 6')."""
    for i in sorted(heads, reverse=True):
        head = heads[i]
        if head.author is None:
            continue
        start, k = i, previous_content(lines, i)
        while k is not None and k not in heads and not lines[k].marker and (
            lines[k].plain == head.author or lines[k].meta == VOTES_META
        ):
            if lines[k].plain == head.author:
                start = k
            k = previous_content(lines, k)
        if start != i:
            del heads[i]
            heads[start] = replace(head, index=start, indent=lines[start].indent)


def name_again(lines: list[Line], heads: dict[int, Head]) -> None:
    """Lines right under a header that name its author again, or give their role, are header lines
    ('Kathrin Kathrin' / 'Gast' / 'Kathrin', the avatar's alt text, a guest label and the name)."""
    for head in heads.values():
        j = next_content(lines, head.last_header)
        while head.author and j is not None and j not in heads and (
            lines[j].plain == head.author or (lines[j].meta in ROLE_LABELS and not lines[j].marker)
        ):  # (a list item of the name, too: PIXNET's '#1 NAME 於 DATE' / '* NAME' / '* text')
            head.last_header = j
            j = next_content(lines, j)


def handle_above(lines: list[Line], heads: dict[int, Head]) -> None:
    """A line '@NAME' over a header of NAME's, maybe with buttons between ('@ann' / 'Copy link' / 'ann
    commented DATE', GitHub): the avatar's link, not the end of the comment above."""
    for head in heads.values():
        k = previous_content(lines, head.index)
        while k is not None and lines[k].meta in BUTTON_META and k not in heads:
            k = previous_content(lines, k)
        if (k is not None and head.author and k not in heads and not lines[k].meta
                and lines[k].plain.casefold() == f"@{head.author.casefold()}"):
            lines[k].meta = AVATAR_META


def _one_head_per_header(lines: list[Line], heads: dict[int, Head]) -> None:
    """A lone list marker over an avatar that leads a header ('*' / '* [avatar] Ann' / 'Ann DATE'): the
    marker and the avatar reached the same header, which heads one comment, from the avatar on."""
    by_header: dict[int, int] = {}
    for i in sorted(heads):
        j = by_header.get(heads[i].last_header)
        if j is not None and lines[j].marker and not lines[j].rest and lines[i].meta == AVATAR_META:
            del heads[j]
        by_header[heads[i].last_header] = i


def _marker_over_avatar(lines: list[Line], heads: dict[int, Head]) -> None:
    """A lone list marker whose head, widened to its item, ends on the head of an avatar naming the same
    reader ('1.' / 'Matt Matt' / 'Matt says:'): one comment, headed from the avatar on."""
    for i in sorted(heads):
        head = heads[i]
        after = heads.get(head.last_header) if head.last_header != i else None
        if (after is not None and lines[i].marker and not lines[i].rest and after.author == head.author
                and after.last_header > head.last_header):
            del heads[i]


def _initial(lines: list[Line], i: int, heads: dict[int, Head]) -> bool:
    """A capital letter alone over a header of a name that begins with it ('M' / 'Mateli a noté 5/5 ...'):
    the avatar of a reader without a picture, their initial."""
    plain = lines[i].plain
    j = next_content(lines, i)
    letter = len(plain) == 1 and plain.isupper() and "[" not in lines[i].text  # ('1. [b]': Blogger's own image)
    follow = heads.get(j) if j is not None and letter else None
    return follow is not None and (follow.author or "")[:1].casefold() == plain.casefold()


def _name_item(lines: list[Line], i: int, heads: dict[int, Head]) -> bool:
    """A list item that names the header under it ('* [49]男朋友' / '[50]男朋友 (…) DATE', Douban: the
    avatar's link): the avatar, not a comment."""
    line = lines[i]
    if not (line.marker and line.plain) or (i in heads and heads[i].strong):
        return False  # (a weak head of its own: the name over the header's text, as an item's body)
    j = next_content(lines, i)
    if j is None or j not in heads:
        return False
    return heads[j].author == line.plain and lines[j].author == line.plain  # (a header line of the name's own)


def _past_subject(lines: list[Line], j: int, heads: dict[int, Head]) -> int | None:
    """The head right under line `j` when `j` is a comment's subject: one short line, not a head or
    metadata (Drupal prints the subject, often the text's first words cut with '...', between the
    avatar and 'Submitted by NAME on DATE')."""
    line = lines[j]
    if j in heads or line.meta or line.boilerplate or len(line.plain.split()) > TITLE_WORDS:
        return None
    k = next_content(lines, j)
    return k if k is not None and k in heads and heads[k].strong else None


def _merge_lead_ins(lines: list[Line], heads: dict[int, Head]) -> None:
    """An avatar line joins the header after it ('Ann's avatar' / 'Ann' / date): one head, not two."""
    for i in range(len(lines) - 1, -1, -1):
        lead = heads.get(i)
        named = False
        if _initial(lines, i, heads):
            lines[i].meta, lead = AVATAR_META, None  # (no head of its own, whatever its marker)
        elif _name_item(lines, i, heads):
            lines[i].meta, named = AVATAR_META, True
        if not (lines[i].meta == AVATAR_META or (lead is not None and lead.lead_in)):
            continue
        j = next_content(lines, i)
        follow = heads.get(j) if j is not None else None
        titled = False  # (Drupal: the avatar, the comment's subject, 'Submitted by NAME on DATE')
        if follow is None and j is not None and (k := _past_subject(lines, j, heads)) is not None:
            j, follow, titled = k, heads[k], True
        if follow is not None and j is not None:
            kind = lead.kind if lead is not None and lines[i].marker else follow.kind
            kind = lines[i].marker or kind if named or lead is None else kind  # (the item's kind, head or not)
            indent = lines[i].indent
            if titled and follow.indent < indent:  # the comment is printed flush, outside the avatar's item
                indent, kind = follow.indent, follow.kind
            heads[i] = replace(follow, index=i, indent=indent, kind=kind, lead_in=False)
            del heads[j]
        elif lead is not None and j is not None and lines[j].text == lead.author:
            lead.last_header = j
