"""Where comments may start: each line classified against the pattern tables, one line's head.

A *head* is where one comment starts: a list marker followed by an author line and a more deeply
indented body, a header such as `NAME says:` (with an avatar line before it, or not), or a
name-like line followed by a date. `find_head` judges one line from the lines after it;
`heads.find_heads` applies it to a page and weighs the candidates against each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter, itemgetter

from commentscope.dates import find_moment
from commentscope.inline_heads import split_inline_head
from commentscope.markup import IDEOGRAPHS, clean, is_heading, is_markdown, is_one_link, split_lines, wrapped_links
from commentscope.patterns import (
    PageKnowledge,
    could_be_name,
    looks_like_name,
    page_knowledge,
    rating_line,
    undouble,
    word_pattern,
)
from commentscope.wraps import WRAP_COLUMNS, indent_of

PROSE_WORDS = 12  # a line with this many words is prose, not a heading, name or button
HEADING_CAPITALISED = 0.75  # share of capitalised words that makes a long line a heading
TITLE_MIN_WORDS, TITLE_CAPITALISED = 4, 0.6  # a line this capitalised is a headline, not a comment's text
HASH_BULLET_INDENT = 4  # lynx marks the fourth nesting level with '#'
WRAP_TAIL_CHARS = 30  # the wrapped end of a header is short
RUN_ON_WORDS = 6  # a line of this many words directly above a name-like line is text that runs on
COUNT_META = "heading"  # '18 Comments'
REVIEW_COUNT_META = "review_count"  # '14 Reviews': a count when it is a heading (`_classify_line`)
ANNOUNCE_META = frozenset({COUNT_META, "section"})  # a comment section follows
FORM_META = "form"  # the reply form's heading
SIDEBAR_META = "sidebar"  # a sidebar widget's heading ('Recent Comments'): the thread is over
SECTION_HEADING_META = "section"  # a comments heading ('Comments', 'Kommentare (12)')
SECTION_META = ANNOUNCE_META | {FORM_META}  # where comments start or end
REPLY_META = "reply"  # a reply button ('Reply', 'Antworten', 'Reply to this post')
COMMENT_EVIDENCE = ANNOUNCE_META | {REPLY_META}  # lines that only pages with comments print
DATE_META = frozenset({"date", "relative_date", "relative_day", "time"})
AVATAR_META = "avatar"
DECORATION_META = "decoration"
ICONS_META = "icons"  # a widget's icons printed as empty list items ('* ' five times: a rating's stars)
GUEST_META = "guest"  # 'Guest': a role label under a name, or the name of a guest's comment
PROFILE_META = "profile"  # a forum poster's facts ('Joined' / 'Sep 25, 2023'): `_poster_facts`
PROFILE_LABEL_WORDS = 3  # a fact's label is this many words at most ('Reaction score', 'First Name')
PROFILE_VALUE_CHARS = 60  # ... its value a short line
RANK_WORDS = 4  # a forum's own rank under a poster's name, over their facts ('Extremely Old Nag!')
VOTES_META = "votes"  # a bare count ('5819': a commenter's points, a comment's likes)
ROLE_META = "role"  # a role label or rank under a commenter's name ('Autor', 'Well-Known Member')
SEPARATOR_META = frozenset({AVATAR_META, DECORATION_META, ROLE_META, PROFILE_META})
ROLE_LABELS = frozenset({GUEST_META, ROLE_META})  # 'Gast', 'Autor' under a commenter's name
# a button row under a comment; the HTML reader strips single buttons with the same words
# (`readers.html_comments._button_line`) but in a line shape of its own
BUTTON_META = frozenset({REPLY_META, "action"})
QUOTE_END_META = "quote_end"  # the line closing a quoted post (XenForo's 'Click to expand...')


@dataclass(slots=True)
class Line:
    """One source line with everything the grammar needs to know about it."""

    number: int
    raw: str
    indent: int
    text: str
    marker: str | None = None  # marker kind
    number_mark: int | None = None
    rest: str = ""  # the text after the marker, or the whole text
    plain: str = ""  # `rest` without converter decoration ('## 4 Comments', '**Ann**', '[12]Reply'), avatar
    clean: str = ""  # the whole line without converter decoration: what comment text is made of
    item_text: str = ""  # `rest` without converter decoration: a list item's text without its marker
    heading: bool = False  # printed as a heading by the converter (Markdown '## ...')
    one_link: bool = False  # the text after the marker is a single link (a menu entry)
    avatar: bool = False  # an avatar's alt text stood before the name
    pictured: bool = False  # a list item of one image (html2text: '1. ![Site Logo](avatar.jpg)')
    name_like: bool = True  # the header's author reads like a name (not 'The Yum List')
    evidence: bool = False  # the header shows the page has comments ('NAME says:')
    is_prose: bool = False
    continues: int | None = None  # this line only continues a wrapped link begun on that line
    next_content: int | None = None  # index of the next non-blank line (set by `scan`)
    previous_content: int | None = None
    meta: str | None = None
    boilerplate: str | None = None
    closes: bool = False
    cta: bool = False
    author: str | None = None  # from a header pattern on `rest`
    reply_to: str | None = None  # whom the header says the comment answers
    lead_in: bool = False  # the header is an avatar line that may precede the real header
    # a list item that carries its header and its comment's first words (`inline_heads`): the two parts
    inline_head: str = ""
    inline_text: str = ""

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def prose(self) -> bool:
        """A sentence-like line: long, not a title-case heading, not chrome."""
        return self.is_prose and not (self.boilerplate or self.cta)


def _prose(text: str) -> bool:
    words = [w for w in text.split(maxsplit=4 * PROSE_WORDS) if w[:1].isalpha()]
    if len(words) < PROSE_WORDS:  # (Chinese and Japanese put no spaces between words: their characters count)
        return not text.isascii() and len(IDEOGRAPHS.findall(text)) >= IDEOGRAPH_PROSE
    return _capitalised(words) < HEADING_CAPITALISED * len(words)


IDEOGRAPH_PROSE = 2 * PROSE_WORDS  # a line of this many Chinese or Japanese characters is prose


_FIRST = itemgetter(0)


def _capitalised(words: list[str]) -> int:
    """How many of the words begin with a capital (each word has a first character)."""
    return sum(map(str.isupper, map(_FIRST, words)))  # (in C: no generator step per word)


@dataclass(slots=True)
class Head:
    """Where a comment starts and what its first lines are."""

    index: int
    last_header: int  # index of the last header line (== index when text is on the marker line)
    author: str | None
    indent: int
    kind: str
    number: int | None
    text_on_marker: bool = False
    flat: bool = False  # the body sits at the head's own indentation
    strong: bool = False  # a header pattern or a date says it is a comment, not a list item
    reply_to: str | None = None
    lead_in: bool = False
    evidence: bool = False  # its shape alone shows comments: 'NAME says:', a list item with an indented body
    pingback: bool = False  # a link from another blog ('[…] excerpt […]'), listed among comments
    level: int | None = None  # the depth its number states ('#2.1' is a reply), when it has one
    footer: int | None = None  # the header line after the text, where the name signs it off (SPIP)
    footer_end: int | None = None  # the footer's last line, when it has two ('Ann' / 'Ann on DATE')
    poster: bool = False  # a forum poster's column heads it: their name over their facts ('Joined' ...)


def scan(text: str, knowledge: PageKnowledge | None = None) -> list[Line]:
    """Split text into lines and classify each against the pattern tables.

    A Markdown link that html2text wrapped over several lines is read as one line: the first
    line carries the joined text, the others point back to it (`continues`) and count as blank.
    """
    kb = knowledge or page_knowledge()
    raws = split_lines(text)
    stripped_lines = [raw.strip() for raw in raws]
    markdown = is_markdown(stripped_lines)
    spans = wrapped_links(stripped_lines) if markdown else {}
    lines = []
    for i, raw in enumerate(raws):
        stripped = raw.strip()
        indent = indent_of(raw)
        leader = spans.get(i)
        seen = stripped if leader is None or leader[0] != i else leader[1]
        line = Line(i + 1, raw, indent, "" if leader and leader[0] != i else seen, rest=seen)
        if leader and leader[0] != i:
            line.rest, line.continues = "", leader[0]
        elif seen:
            _classify(line, kb, markdown)
        lines.append(line)
    _join_wrapped_meta(lines, kb, markdown)
    _items_under_markers(lines, kb)
    _glued_avatar_items(lines)
    _avatar_items(lines)
    _poster_facts(lines)
    _rules_under_headers(lines)
    _poster_list(lines)
    _icon_rows(lines)
    _join_wrapped_headers(lines, kb, markdown)
    _link_content(lines)
    _link_list(lines)
    first_prose = next((i for i, ln in enumerate(lines) if ln.prose), len(lines))
    for line in lines[:first_prose]:
        if line.meta == SIDEBAR_META:
            line.meta = None  # above the article: a menu entry ('Latest articles'), not a sidebar's heading
    return lines


def _items_under_markers(lines: list[Line], kb: PageKnowledge) -> None:
    """lynx prints an item's marker alone on its line when the item opens with a block ('*' / 'May 3,
    2020 at 11:54 am Ann'): the line under a marker alone is the item's first, and read as one."""
    for i, line in enumerate(lines):
        if line.marker is None or line.rest:
            continue
        first = next((after for after in lines[i + 1:i + 3] if after.text), None)
        if first is None or first.marker or first.author or not first.plain or first.meta not in (None, *DATE_META):
            continue
        header = kb.header(first.plain, item=True)
        if header:  # ('DATE at 1:36 am Pat': no time zone 'Pat' after the clock, as the date alone would read)
            first.meta = None
            first.author, first.reply_to, first.lead_in = header.author, header.reply_to, header.lead_in
            first.name_like, first.evidence = header.name_like or first.avatar, header.evidence


def _glued_avatar_items(lines: list[Line]) -> None:
    """A list item that holds one word printed twice, glued (w3m: '□ NeilNeil'), over a header naming that
    word, set deeper ('Neil says:'): the avatar's alt text and the name, as a name of two words is read
    ('□ John HudsonJohn Hudson'); alone, 'MahNaMahNa' may be a name of its own. One word without a marker,
    over that word alone ('FranziFranzi' / 'Franzi' / text, w3m): the avatar over the name too (a name of
    several words glued is an avatar pattern's; 'ImageImage' is a signature's pictures)."""
    for i, line in enumerate(lines):
        half = len(line.plain) // 2
        if line.author or line.meta or not half or line.plain != line.plain[:half] * 2:
            continue
        after = next((a for a in lines[i + 1:i + 3] if a.text), None)
        if after is None:
            continue
        word = line.plain[:half]
        if (after.author == word and after.indent > line.indent and line.marker) or (
                line.marker is None and after.marker is None and after.plain == word and after.indent >= line.indent
                and " " not in word and word.casefold() not in _PICTURE_WORDS):
            line.plain, line.avatar = word, True


# a picture's own word as its alt text ('ImageImage' / 'Image': a forum signature's pictures), no name
_PICTURE_WORDS = frozenset({"image", "bild", "photo", "foto", "picture", "avatar", "icon", "logo"})


def _avatar_items(lines: list[Line]) -> None:
    """A numbered item that holds only a name printed twice (the avatar's alt text twice, lynx: '1. Ann Ann'),
    over that name alone, set deeper, and a date under it: the avatar, the name under it heads the comment."""
    for i, line in enumerate(lines):
        if line.marker != "number" or not line.plain or line.meta or line.author:
            continue
        name = undouble(line.plain)
        if name == line.plain:
            continue
        j = next((k for k in range(i + 1, min(i + 3, len(lines))) if lines[k].text), None)
        k = next((k for k in range(j + 1, min(j + 3, len(lines))) if lines[k].text), None) if j is not None else None
        if (j is not None and k is not None and lines[j].plain == name and lines[j].indent > line.indent
                and not lines[j].marker and lines[k].meta in DATE_META):
            line.meta = AVATAR_META


W3M_RULE_CHARS = 20  # w3m prints a horizontal rule as a line of '━'
HR_CHARS = 60  # lynx prints a horizontal rule as a line of this many underscores or more


def _rules_under_headers(lines: list[Line]) -> None:
    """The rule between a forum post's header and its text (phpBB 2) is a decoration, nothing a reader
    sees: lynx's line of underscores, as long as it prints a horizontal rule, under a date line that
    stands under the poster's facts (no form's text field); w3m's line of '━' right under a header or
    its wrapped subject. (Elsewhere such a rule is left as it was read: between comments, or under an
    article's date, it ends what stands above it.)"""
    before: list[Line] = []  # the last two content lines
    for line in lines:
        if not line.text:
            continue
        if (len(before) == 2 and before[1].meta in DATE_META and before[0].meta == PROFILE_META
                and len(line.text) >= HR_CHARS and not line.text.strip("_") and line.boilerplate is not None):
            line.boilerplate, line.meta = None, DECORATION_META
        elif (len(line.text) >= W3M_RULE_CHARS and not line.text.strip("━") and line.meta is None
              and any(b.author for b in before)):
            line.meta = DECORATION_META
        before = [*before[-1:], line]


FORM_FIELD = "form_field"  # the boilerplate kind of a reply form's field ('Name * ______', w3m 'Name *[     ]')
LINK_LIST = "link_list"  # the boilerplate kind of lynx's closing list of the page's links
# an html2text line of one image, maybe in a link: '![Ann](a.jpg)', '[ ![Ann avatar](a.jpg) ](/user/7 "Profile")'
IMAGE_ONLY = re.compile(r"!\[[^\[\]]{0,200}\]\([^()\s]{0,800}\)"
                         r"|\[\s*!\[[^\[\]]{0,200}\]\([^()\s]{0,800}\)\s*\]\([^()\s]{0,800}(?:\s+\"[^\"]{0,200}\")?\)")
# ... or of several ('![Ann](data:image/svg+xml,...)![Ann](a.jpg)': a lazy image's placeholder, then the image)
IMAGES_ONLY = re.compile(rf"(?:{IMAGE_ONLY.pattern})(?:\s*(?:{IMAGE_ONLY.pattern}))*")
_ALT_TEXT = re.compile(r"!\[([^\[\]]*)\]")


def _one_picture(text: str) -> bool:
    """Whether a Markdown line is one image, maybe printed twice with the same alt text (a lazy image's
    placeholder, then the image); an avatar beside a rank's badge is two pictures."""
    return IMAGES_ONLY.fullmatch(text) is not None and len(set(_ALT_TEXT.findall(text))) == 1


_LONE_MARKS = frozenset({":", "[", "]", "•", "·", "|"})  # a line of one of these alone is no text (`_classify`)
_PERMALINK_SIGNS = frozenset({"#", "¶"})  # a permalink printed as its sign
_POST_STAMP = re.compile(r"(?:asked|answered)\s", re.IGNORECASE)  # a Q&A post's date ('answered Feb 6, 2014')
_LINK_LIST_START = re.compile(r"(?:Visible|Hidden) links:|1\. [a-z][a-z0-9+.-]*:\S*")  # after 'References'


def _link_list(lines: list[Line]) -> None:
    """lynx -dump ends a page with every link's address ('References' at the margin, then
    'Visible links:' or at once '1. https://...'): chrome, never an article's or a comment's last lines."""
    for i, line in enumerate(lines):
        after = line.next_content
        if (line.text == "References" and not line.indent and after is not None
                and _LINK_LIST_START.fullmatch(lines[after].text)):
            for tail in lines[i:]:
                if tail.text:
                    tail.boilerplate = LINK_LIST
            return


ICON_ROW = 3  # lone markers in a row, one under the other, that are a widget's icons (`_icon_rows`)
_ICON_LINE = re.compile(r"(?:[*•◦▪●○+□■]\s+){3,}[*•◦▪●○+□■]")  # ... or side by side (html2text; '* * *' is a rule)


def _icon_rows(lines: list[Line]) -> None:
    """Markers alone on consecutive lines at one indentation ('* ' five times: a review's stars as
    icons, which inscriptis prints as empty list items), or four or more on one line ('*   *   *   *',
    html2text), are a widget's icons, no list items."""
    i = 0
    while i < len(lines):
        j = i
        while (j < len(lines) and lines[j].marker and not lines[j].item_text and lines[j].marker == lines[i].marker
               and lines[j].indent == lines[i].indent):
            j += 1
        if j - i >= ICON_ROW:
            for line in lines[i:j]:
                line.marker, line.number_mark, line.meta = None, None, ICONS_META
        elif lines[i].marker and _ICON_LINE.fullmatch(lines[i].text):
            lines[i].marker, lines[i].number_mark, lines[i].meta = None, None, ICONS_META
        i = max(j, i + 1)


def _poster_facts(lines: list[Line]) -> None:
    """A forum poster's column as a dump prints it: facts in a row, each a short label over its value
    indented deeper ('Joined' / '   Sep 25, 2023', 'Location' / '   Vancouver, WA') or beside it
    ('Posts: 826' / 'Joined: Thu Jul 17, 2008 8:09 am', phpBB), two or more with one label a known
    one (`profile_label`). Metadata: neither a name, nor the post's date, nor text."""
    known = word_pattern("profile_label")
    content = [i for i, line in enumerate(lines) if line.text]
    n = 0
    while n + 1 < len(content):
        run: list[int] = []
        labels: list[str] = []
        counts, last_count = 0, (0, 0, n)
        k = n
        while k < len(content):
            line = lines[content[k]]
            if run and line.indent != lines[run[0]].indent:
                break
            if k + 1 < len(content) and _fact(line, lines[content[k + 1]]):
                run += [content[k], content[k + 1]]
                labels.append(line.plain.rstrip(":"))
                k += 2
                continue
            label = _fact_beside(line)
            counted = _COUNTED_FACT.fullmatch(line.plain) if label is None else None
            if label is None and counted is None:
                break
            run.append(content[k])
            labels.append(label or counted[1])  # type: ignore[index]
            k += 1
            if counted is not None:
                counts, last_count = counts + 1, (len(run), len(labels), k)
        if counts >= 2:  # counted facts end the run ('105 helpful votes' / '1. Re: SUBJECT' is no fact)
            del run[last_count[0]:], labels[last_count[1]:]
            k = last_count[2]
        # facts beside their values read like prose more often: two known labels ('12,683 posts' does not)
        beside = len(run) < 2 * len(labels) and counts < 2
        knowns = sum(known.fullmatch(label) is not None for label in labels)
        if (len(labels) >= 2 and knowns >= 1 + beside) or (knowns == 1 and _dated_column(lines, content, n, k)):
            for i in run:
                line = lines[i]
                line.meta, line.author, line.marker, line.is_prose = PROFILE_META, None, None, False
            if counts:
                _column_around(lines, run[0], run[-1])
            _rank_above(lines, content, n)
            while k < len(content) and _banner(lines[content[k]]):  # ('1. Pre-Medical' under the facts)
                lines[content[k]].meta = ROLE_META
                k += 1
            while k < len(content) and _profile_link(lines[content[k]], lines[run[0]]):  # ('[35]Website')
                lines[content[k]].meta, lines[content[k]].boilerplate = PROFILE_META, None
                k += 1
            n = k
        else:
            n += 1
    for above, k in pairwise(content):  # a post's count alone under its date ('07/03/24 03:30 PM' / '4931 posts')
        if lines[above].meta in DATE_META and _COUNTED_FACT.fullmatch(lines[k].plain) and not lines[k].marker:
            lines[k].meta, lines[k].author, lines[k].is_prose = PROFILE_META, None, False


COLUMN_LIST_LINES = 24  # a poster's column printed as a list is this many lines at most


def _poster_list(lines: list[Line]) -> None:
    """A poster's column printed as a list under their name, which stands twice around the post's date ('Ann' /
    'Posted DATE' / 'Ann' / '* Ann Community Regular' / '* Members' / '+ 3.2k' / '* Gender:Male', Invision
    Community): its first item names the poster again, or is empty (the avatar, inscriptis). The name and
    the items, up to the post's date under them, are the column: metadata, neither a head nor text; so is the
    name with the poster's rank over the first name ('Ann Community Regular')."""
    content = [i for i, line in enumerate(lines) if line.text and line.meta != DECORATION_META]
    for n in range(1, len(content)):
        first, name = lines[content[n]], lines[content[n - 1]]
        if not first.marker or first.author or name.marker or name.meta or not could_be_name(name.plain):
            continue  # (a header as a list item is no column: 'Ann' / '+ — Ann on May 3, 2023', text signed)
        twice = n >= 3 and lines[content[n - 2]].meta in DATE_META and lines[content[n - 3]].plain == name.plain
        if not (twice and (not first.plain or first.plain == name.plain or first.plain.startswith(f"{name.plain} "))):
            continue
        end = n
        while end + 1 < len(content) and end - n < COLUMN_LIST_LINES:
            line = lines[content[end + 1]]
            if (line.meta in DATE_META or line.author or line.indent < first.indent
                    or not (line.marker or line.indent > first.indent)):
                break
            end += 1
        if end == n and first.plain:
            continue  # (one item: a list under a name, no column)
        above = lines[content[n - 4]] if twice and n >= 4 else None  # ('Ann Community Regular' over 'Ann' / DATE)
        ranked = above is not None and not above.marker and above.plain.startswith(f"{name.plain} ") and len(
            above.plain[len(name.plain):].split()) <= RANK_WORDS
        for k in [*content[n - 1:end + 1], *([content[n - 4]] if ranked else [])]:
            line = lines[k]
            line.meta, line.author, line.marker, line.is_prose = PROFILE_META, None, None, False


def _dated_column(lines: list[Line], content: list[int], n: int, k: int) -> bool:
    """One known fact beside its value under a name, then a few short lines at most (a bare count, the poster's
    interests) and the post's date ('Ann' / 'Posts: 723' / '250' / 'posted 1 year ago', permies): a poster's
    column of one fact."""
    if n < 1 or lines[content[n - 1]].meta or not could_be_name(lines[content[n - 1]].plain):
        return False
    for j in content[k:k + POST_COLUMN_LINES + 1]:
        line = lines[j]
        if line.meta in DATE_META:
            return True
        if (line.is_prose or line.marker or len(line.plain.split()) > POST_COLUMN_WORDS
                or line.plain.endswith(("!", "?"))):
            return False
    return False


def _column_around(lines: list[Line], first: int, last: int) -> None:
    """The rest of a poster's column around their counted facts ('12,683 posts' / '1,990 upvotes'): the
    short lines right above them at their indentation, up to the poster's name (a link, a line less
    indented, or the top line of a block: 'Deal Guru' / 'User avatar' / 'Mar 14, 2005', RedFlagDeals;
    'New Zealand' / 'Destination Expert', Tripadvisor), and a place right under them over a blank line
    and the post's date ('City of Vancouver')."""
    column = lines[first].indent
    above: list[int] = []
    k = first - 1
    while (k >= 0 and len(above) < COLUMN_ABOVE and lines[k].text and lines[k].indent == column
           and not ((lines[k].one_link and lines[k].meta != AVATAR_META) or lines[k].author or lines[k].is_prose
                    or lines[k].marker)
           and len(lines[k].plain.split()) <= COLUMN_WORDS):
        above.append(k)
        k -= 1
    if above and (k < 0 or not lines[k].text) and lines[above[-1]].meta is None:
        above.pop()  # (the block's top line, unlinked: the poster's name)
    for k in above:
        lines[k].meta, lines[k].author = PROFILE_META, None
    place, gap = last + 1, last + 2
    if (gap + 1 < len(lines) and lines[place].text and lines[place].indent == column and not lines[gap].text
            and lines[place].meta is None and not (lines[place].is_prose or lines[place].marker)
            and len(lines[place].plain.split()) <= COLUMN_WORDS and lines[gap + 1].meta in DATE_META):
        lines[place].meta, lines[place].author = PROFILE_META, None


def _rank_above(lines: list[Line], content: list[int], n: int) -> None:
    """The forum's own rank of the poster between their name and their facts ('Maesfen' / 'Extremely
    Old Nag!' / 'Joined'): a short line under a name that is not that name again, a role label."""
    if n < 2:
        return
    rank, name = lines[content[n - 1]], lines[content[n - 2]]
    if (rank.meta or rank.author or rank.marker or rank.is_prose or len(rank.plain.split()) > RANK_WORDS
            or name.meta or name.boilerplate or not could_be_name(name.plain) or rank.plain == name.plain
            or (rank.one_link and (not name.one_link or content[n - 1] - content[n - 2] > 1)
                and not rank.plain.startswith(f"{name.plain} "))):
        return  # (a link under a line that is none, or set apart: the poster's name under the end of the post above;
        # but 'Ann Loaded Pockets' under 'Ann' is her name and rank)
    rank.meta = ROLE_META


def _banner(line: Line) -> bool:
    """A poster's banner listed under their facts: a short list item, not a date, a name or a button."""
    return (bool(line.marker) and not (line.meta or line.author or line.is_prose)
            and 0 < len(line.plain.split()) <= RANK_WORDS)


# a fact counted before its label ('12,683 posts', '1,990 upvotes', '518 helpful votes'; RedFlagDeals, Tripadvisor)
_COUNTED_FACT = re.compile(r"\d[\d,.]*\s+(posts|messages|threads|points|upvotes?|helpful votes|reputation|karma"
                           r"|reactions?|beiträge|mensajes|messaggi|berichten)", re.IGNORECASE)
# a poster's column under their facts, down to the post's date: lines at most, words a line (`_dated_column`,
# `heads._to_post_date`)
POST_COLUMN_LINES, POST_COLUMN_WORDS = 8, 10
COLUMN_ABOVE, COLUMN_WORDS = 4, 8  # a poster's column above their counted facts: lines, words a line
_FACT_BESIDE = re.compile(rf"(\w[\w'’.-]*(?: \(?[\w'’.-]+\)?){{0,{PROFILE_LABEL_WORDS - 1}}}):(?:\s+(\S.*))?")


def _profile_link(line: Line, fact: Line) -> bool:
    """A link of the poster's under their facts, as deep as those ('Website', 'Contact Ann'), not a name."""
    return (line.one_link and not line.marker and line.indent >= fact.indent
            and 0 < len(line.plain.split()) <= RANK_WORDS)


def _fact_beside(line: Line) -> str | None:
    """The label of a fact printed beside its value ('Posts: 826', 'Location (country): UK'), or None;
    a post's own date line ('Posted: DATE', phpBB 2's header under the column) is none."""
    if line.meta in DATE_META:
        return None
    match = _FACT_BESIDE.fullmatch(line.plain)  # (a list item too: '□ Join Date: Sep 2013', vBulletin 5 in w3m)
    value = match[2] or "" if match else ""
    if match is None or len(value) > PROFILE_VALUE_CHARS or value.endswith(("!", "?")):
        return None
    return match[1]


def _fact(label: Line, value: Line) -> bool:
    """A fact's label over its value: a few words, no sentence, then a short line indented deeper."""
    words = label.plain.split()
    return (not label.marker and 0 < len(words) <= PROFILE_LABEL_WORDS and not label.plain.endswith((".", "!", "?"))
            and value.indent > label.indent and not value.marker and len(value.plain) <= PROFILE_VALUE_CHARS)


# the wrapped end of a Discourse header, the post's number with or without the time before it ('Ann 4 May
# 2025' / '08:27  5'; 'Ann June 2, 2024, 3:24pm' / '1', html2text)
_POST_NUMBER_TAIL = re.compile(r"(?:\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?\s+)?\d{1,5}", re.IGNORECASE)


# a header's time and zone wrapped off ('... Edited 10.11.15' / '18:03 UTC', mwForum)
_TIME_TAIL = re.compile(r"\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,5})?", re.IGNORECASE)
_VERB_TAIL = re.compile(r"(?:writes|wrote|says|said)\s*:", re.IGNORECASE)  # a header's verb wrapped off
_ANSWERED_SUBJECT = re.compile(r"\s(?:en réponse à|in reply to)\s*:", re.IGNORECASE)


def _join_wrapped_headers(lines: list[Line], kb: PageKnowledge, markdown: bool) -> None:
    """A header that lynx or w3m wrapped at 80 columns ('Ann on 19. Juni 2018 um' / '17:05 Uhr said:')
    is read as one line when the two lines together, and neither alone, make a dated header; so is a
    header whose date the wrap cut before its year (html2text: 'Verfasst von Ann am 30. Juli' / '2022 -
    13:28.'), when the two lines together date it."""
    for i in range(len(lines) - 1):
        j = i + 1
        while j + 1 < len(lines) and lines[j].continues == i:
            j += 1  # (past the lines of a link html2text wrapped, which the line carries)
        line, after = lines[i], lines[j]
        if line.blank or after.blank or line.meta or after.marker or after.continues is not None:
            continue  # (a list's next item is no wrapped tail)
        if after.author and not (line.avatar and could_be_name(line.plain)):
            continue  # a header under text; but "ann@a.org' YHMAG" / "Edit@r says:" is one wrapped header
        if line.indent + len(line.text) < WRAP_COLUMNS:
            continue  # (the line was not wrapped: the subject searches below need not run)
        # (a header ending in the subject it answers, which wrapped: 'par Horus En réponse à : [28]Didier' /
        # 'Porte souhaite la Santé à Balkany', SPIP)
        subject = line.author is not None and after.meta is None and _ANSWERED_SUBJECT.search(line.plain) is not None
        # (html2text wraps such a header before its time: '[#](…) Le 17 juillet à' / '22:09, par Horus En réponse
        # à : …')
        split = not (line.author or after.author or after.meta) and _ANSWERED_SUBJECT.search(after.plain) is not None
        if len(after.text) > (WRAP_COLUMNS if subject else WRAP_TAIL_CHARS) and not split:
            continue
        undated = line.author is not None and after.meta is None and find_moment(line.clean) is None
        numbered = line.author is not None and (_POST_NUMBER_TAIL.fullmatch(after.plain) is not None
                                                or _TIME_TAIL.fullmatch(after.plain) is not None)
        told = undated and _VERB_TAIL.fullmatch(after.plain) is not None  # ('by Ann ( 123 )' / 'writes:', Slashdot)
        # (a dated header's verb wrapped off, 'Ann on April 3, 2017 at 3:05 pm' / 'said:'; or a last word that alone
        # reads as metadata, 'Ann San Francisco, CA joined 1/22 & has 3' / 'comments' (Maangchi), 'ann on Dec 27,
        # 2023 | root | parent | next' / '[–]' (Hacker News): where the two make a header of the same author that
        # shows evidence)
        tail = line.author is not None and (after.meta is not None or not line.evidence)
        if line.author and not (undated or numbered or subject or tail):
            continue  # (a header over its date line is two lines of its own)
        joined = _joined_line(line, after, kb, markdown)
        if split and not joined.evidence:
            continue
        if tail and not (undated or numbered or subject) and not (
                joined.author == line.author and joined.evidence and not joined.meta):
            continue
        if joined.author and joined.name_like and not (
                ((undated or numbered or subject) and joined.author != line.author)
                or ((undated or numbered) and not (subject or told) and find_moment(joined.clean) is None)):
            lines[i] = joined
            after.text, after.rest, after.continues = "", "", i
            after.meta = after.author = None


def _joined_line(line: Line, after: Line, kb: PageKnowledge, markdown: bool) -> Line:
    """A line and the wrapped tail under it read as one line, classified afresh."""
    text = f"{line.text} {after.text}"
    joined = Line(line.number, line.raw, line.indent, text, rest=text)
    _classify(joined, kb, markdown)
    return joined


def _join_wrapped_meta(lines: list[Line], kb: PageKnowledge, markdown: bool) -> None:
    """Date lines and rows of buttons that lynx wrapped are read whole (`_meta_with_tail`), before the
    lines around them are judged (a tail 'website' read alone would be a name over a poster's column)."""
    for i, (line, after) in enumerate(pairwise(lines)):
        if after.blank or after.marker or not (line.meta in DATE_META or not (line.blank or line.meta or line.author)):
            continue
        joined = _meta_with_tail(line, after, kb, markdown)
        if joined is not None:
            lines[i] = joined
            after.text, after.rest, after.continues = "", "", i
            after.meta = after.author = after.boilerplate = None


def _meta_with_tail(line: Line, after: Line, kb: PageKnowledge, markdown: bool) -> Line | None:
    """A post's date line or row of buttons that lynx wrapped, with its short tail from the next line
    (phpBB 2: 'Posted: DATE Post subject: [29]Reply' / 'with quote'; 'View users profile [42]Send private
    message [43]Visit posters' / 'website'), when the two make such a line (the same date line, or a row
    of buttons or a date that neither line alone was: html2text's '[ Report ](…) 7' / 'months ago'); else
    None."""
    if after.meta or after.author or line.indent + len(line.text) < WRAP_COLUMNS or len(after.text) > WRAP_TAIL_CHARS:
        return None
    joined = _joined_line(line, after, kb, markdown)
    return joined if (joined.meta == line.meta and line.meta in DATE_META) or (
        line.meta is None and joined.meta in BUTTON_META) or (
        line.meta is None and not line.author and joined.meta in DATE_META) else None


def _link_content(lines: list[Line]) -> None:
    """Each line learns its nearest non-blank neighbours, so no look-around walks a run of blanks."""
    last: int | None = None
    for i, line in enumerate(lines):
        line.previous_content = last
        if line.text:
            last = i
    last = None
    for i in range(len(lines) - 1, -1, -1):
        lines[i].next_content = last
        if lines[i].text:
            last = i


# what `_classify` sets: a pure function of the line's text, depth and the page's kind
_CLASSIFIED = tuple("clean marker number_mark rest heading one_link item_text plain avatar pictured is_prose meta "
                    "boilerplate closes cta author reply_to lead_in name_like evidence inline_head inline_text".split())


def _classify(line: Line, kb: PageKnowledge, markdown: bool) -> None:
    """Classify a fresh line (`rest` is its text); a short one as remembered for its text."""
    if kb is not page_knowledge() or len(line.text) > kb.max_pattern_line:  # (longer: prose, rarely twice)
        _classify_line(line, kb, markdown)
        return
    key = (line.text, markdown, line.indent < HASH_BULLET_INDENT)
    values = _KNOWN.get(key)
    if values is None:
        _classify_line(line, kb, markdown)
        if len(_KNOWN) >= KNOWN_LINES:
            _KNOWN.clear()
        _KNOWN[key] = _CLASSES(line)
        return
    for name, value in zip(_CLASSIFIED, values, strict=True):
        setattr(line, name, value)


# remembered classes: names, dates, buttons and chrome recur; a plain dict of tuples, which the
# garbage collector stops tracking (an lru_cache keeps a tracked list per entry)
KNOWN_LINES = 8192
_KNOWN: dict[tuple[str, bool, bool], tuple[object, ...]] = {}
_CLASSES = attrgetter(*_CLASSIFIED)


_COLUMN_GAP = "   "  # spaces in a row inside a line: two columns side by side (w3m), no header and its text


def _classify_line(line: Line, kb: PageKnowledge, markdown: bool) -> None:
    line.clean = clean(line.text, kb.decorations, markdown=markdown)
    marker = kb.marker(line.text)
    if marker and kb.meta_kind(line.clean) in DATE_META:
        marker = None  # '1. November 2023 um 11:54 Uhr' is a date, not a list item
    if marker and line.indent < HASH_BULLET_INDENT and line.text.startswith("#"):
        marker = None  # '# Title' at the margin: a Markdown heading; lynx's '#' bullets are deep
    if marker:
        line.marker, line.number_mark, line.rest = marker
    line.heading = markdown and is_heading(line.text) and not marker
    line.one_link = is_one_link(line.rest)
    plain = clean(line.rest, kb.decorations, markdown=markdown) if marker else line.clean
    line.item_text = plain
    inner = kb.marker(plain) if marker else None
    if inner and inner[0] != "number" and inner[2]:
        plain = inner[2]  # '1. ● Ann says:': w3m's glyph for an image after the list number
    line.plain = kb.without_avatar(plain)
    line.avatar = line.plain != plain
    line.is_prose = _prose(line.clean)
    if marker and (line.plain.isdigit() or line.plain in _PERMALINK_SIGNS) and line.plain != line.rest:
        line.plain = ""  # '1. 3 ![](avatar.png)', '1. ![](avatar.png) #': a comment's number or permalink by its avatar
    if line.plain in _LONE_MARKS:
        line.plain = ""  # 'NAME' / '(DATE)' / ':' / text: a header's colon; ']': a bracket wrapped off
    if not line.plain:  # only decoration ('![](avatar.png)', '[avatar]'): nothing a reader sees
        if marker:
            line.rest = ""  # a marker alone
        else:
            line.meta = DECORATION_META
        return
    line.pictured = bool(marker and markdown and _one_picture(line.rest))  # (with alt text)
    header = kb.header(line.plain, item=bool(marker), markdown=markdown)
    if header is None and marker and _COLUMN_GAP not in line.rest:
        inline = split_inline_head(line.plain, kb)
        if inline is not None:
            header, line.inline_head, line.inline_text = inline.header, inline.head, inline.text
    if header:
        line.author, line.reply_to, line.lead_in = header.author, header.reply_to, header.lead_in
        line.name_like = header.name_like or line.avatar
        line.evidence = header.evidence
    line.meta = kb.meta_kind(line.plain)
    if line.meta == SIDEBAR_META and (line.marker or line.one_link):
        line.meta = None  # '[52]Latest articles' in a menu is a link, not a sidebar's heading
    if line.meta == SECTION_HEADING_META and line.marker and line.one_link:
        line.meta = None  # '* [64]Kommentare' beside '* [62]Beliebt' in a tabbed widget is a link, no section
    if line.meta == REVIEW_COUNT_META:
        line.meta = COUNT_META if line.heading else None  # ('### 14 Reviews', not a rating's ' 7 reviews')
    boiler = kb.first(kb.boilerplate, line.clean) or (kb.first(kb.boilerplate, line.plain) if marker else None)
    if boiler:
        line.boilerplate, line.closes = boiler.name, boiler.closes_comments
    line.cta = kb.first(kb.cta, line.plain) is not None


def next_content(lines: list[Line], i: int) -> int | None:
    return lines[i].next_content


def previous_content(lines: list[Line], i: int) -> int | None:
    return lines[i].previous_content


_LABEL_NUMBER = re.compile(r"[^\W\d]+\s+(\d{1,3})")  # 'Passo 1', 'Step 12'


def _own_number(text: str, number: int) -> bool:
    """Whether a numbered item's text is a word and the item's own number ('1. Passo 1')."""
    match = _LABEL_NUMBER.fullmatch(text)
    return match is not None and int(match[1]) == number


_EMPTY_LINK = re.compile(r"\[\s*\]\(")  # a Markdown link with no text: an icon's ('[ ](https://…)')


def find_head(lines: list[Line], i: int) -> Head | None:
    """A comment head starting at line i, judged from the line and the ones after it."""
    line = lines[i]
    if line.blank or (line.meta and not _guest_name(lines, i)) or (line.boilerplate and not line.author):
        return None
    if _url_tail(lines, i):
        return None
    if line.number_mark is not None and _own_number(line.plain, line.number_mark):
        return None  # '1. Passo 1', '2. Step 2': a recipe's step labelled with its own number, no name
    kind = line.marker or "header"
    j = next_content(lines, i)
    after = lines[j] if j is not None else None
    facts = facts_follow(lines, i)  # a forum poster's column: their facts say it is a post, as a date would
    date_follows = facts or _past_separators(lines, j).meta in DATE_META
    if after is not None and after.meta in DATE_META and _POST_STAMP.match(after.clean):
        return None  # 'user9551' / 'answered Feb 6, 2014': a Q&A post's author card, no comment
    if line.author and not line.evidence and _in_tight_list(lines, i):
        return None  # '• Title 7 April, 2014' under another item: a list of posts
    if line.author and not line.marker and _ends_text_above(lines, i) and _wrapped(lines, i - 1) and not (
        line.evidence and (lines[i - 1].clean.endswith(_SENTENCE_ENDS) or not line.plain.endswith(":"))
    ) and not (looks_like_name(line.author) and _clocked(line)):  # (a name dated to the minute signs the text)
        # '...an interview with Jon Sopel of BBC in' / 'the Roosevelt Room - 23 July 2015': a caption;
        return None  # '...Just see what' / 'Susan said:': a sentence of the article, wrapped
    if line.pictured and after is not None and j is not None and not (after.meta or after.marker):
        pictured = _lone_marker_head(lines, i, j)  # '1. ![Site Logo](avatar.jpg)' / 'Ann' / text: a number and
        if pictured is not None and pictured.strong:  # an avatar over the name, dated (not a recipe's photo)
            return pictured
    if line.author and (line.name_like or date_follows):  # 'NAME says:' / 'Avatar NAME', marker or not
        return Head(i, i, line.author, line.indent, kind, line.number_mark, reply_to=line.reply_to,
                    lead_in=line.lead_in, strong=True, evidence=line.evidence or line.lead_in,
                    text_on_marker=bool(line.inline_text))
    named = _named_twice(lines, i)
    if named is not None:  # 'Ann Ann' / 'Gast' / 'Ann': the avatar's alt text, a role label, the name
        return Head(i, named, line.plain, line.indent, kind, line.number_mark, strong=True, evidence=True)
    if line.marker and not line.rest and after is not None and j is not None:
        if line.one_link and _EMPTY_LINK.search(line.text):
            return None  # an icon's link as a list item ('* [ ](https://getpocket.com/edit?url=…)'), no lone marker
        menu = i > 0 and _in_tight_list(lines, i) and _menu_entry(lines[i - 1], line)
        return None if menu else _lone_marker_head(lines, i, j)
    # (over a poster's facts, the name without the forum's label after it: 'Ann Discussion starter')
    name = page_knowledge().bare_name(line.plain) if facts else line.plain
    if after is None or not _name_line(line, date_follows, name) or _in_tight_list(lines, i) or _wrapped(lines, i):
        return None
    if not line.marker and not facts and _ends_text_above(lines, i) and not (
        date_follows and _reply_under_date(lines, j) and lines[i - 1].clean.endswith(_SENTENCE_ENDS)
        and not _wrapped(lines, i - 1)
    ):  # (but a text ending its sentence short of the wrap, over 'Ann' / DATE / 'Reply': the next comment's name)
        return None  # '...pero el Mitrans podría dejar' / 'asi' / DATE: the last word of a comment over its date
    if not line.marker and _dated_facts(lines, j):
        return None  # 'TITLE' / '• 49 minutes ago' / '• From the section US': a teaser's facts, not a comment
    body_follows = after.indent > line.indent and not (
        after.marker or after.meta or after.one_link or _title_case(after.clean)
    )
    if (line.marker and (body_follows or date_follows)) or (not line.marker and date_follows):
        # (lynx prints headings at the margin over text indented by 3: '1. Step one' is no comment)
        shaped = (bool(line.marker) and body_follows and line.indent > 0) or line.avatar or facts
        return Head(i, i, name, line.indent, kind, line.number_mark, strong=date_follows, evidence=shaped)
    if line.marker and any(ch.isalpha() for ch in line.plain) and _flat_body_follows(lines, i, after) and not (
            _attributes_quote(lines, i)):
        return Head(i, i, line.plain, line.indent, kind, line.number_mark, flat=True)  # (not '* (13)': a count)
    if line.marker and line.indent > after.indent == 0 and _name_line(line, True) and _dated_below(lines, j):
        # html2text: '    * Ann' / text flush, as it prints an item's paragraphs / 'DATE Reply'
        return Head(i, i, line.plain, line.indent, kind, line.number_mark, strong=True)
    return None


def _named_twice(lines: list[Line], i: int) -> int | None:
    """The index of the name under an avatar line naming the same person, maybe a role label between
    them ('Bibi Blue Bibi Blue' / 'Gast' / 'Bibi Blue', as wpDiscuz prints a header; html2text:
    '![Franzi](...)![Franzi](...)' / 'Franzi'), or None."""
    line = lines[i]
    if not line.avatar or line.marker or not could_be_name(line.plain):
        return None
    j = next_content(lines, i)
    roles = 0
    while j is not None and lines[j].meta in ROLE_LABELS and roles < 2:  # (two at most)
        j, roles = next_content(lines, j), roles + 1
    if j is None or lines[j].plain != line.plain or lines[j].marker:
        return None
    if lines[j].indent < line.indent or lines[j].heading:
        return None  # ('Fish Taco Fish Taco' / 'Fish Taco' at the margin, or '## Fish Taco': a photo over a heading)
    if not roles:  # 'Ann Ann' / 'Ann' / text: the alt text is the name itself, and the text follows
        if line.clean not in (f"{line.plain} {line.plain}", line.plain * 2):
            return None  # ('Profilbild von Ann' / 'Ann' / text: a recent-comments widget's entry as often)
        if lines[j].clean != lines[j].plain:
            return None  # ('photo alt photo alt' twice: a recipe's pictures, the name is never printed alone)
        k = next_content(lines, j)
        while k is not None and lines[k].meta == DECORATION_META:
            k = next_content(lines, k)
        if k is None or lines[k].meta or lines[k].plain == line.plain:
            return None
    return j


def _name_line(line: Line, date_follows: bool, name: str | None = None) -> bool:
    """A line that names an author: name-like, or any name where a date or an avatar says so (`name`: the
    line's name, if not all of its text)."""
    if line.boilerplate or (line.heading and not date_follows):
        return False  # a heading names an author only with a date under it (html2text: '#### NAME')
    name = line.plain if name is None else name
    if rating_line(name):
        return False  # '(5/5)' / DATE: a review's rating over its date, under the text (w3m)
    return looks_like_name(name) or ((date_follows or line.avatar) and could_be_name(name))


def _dated_facts(lines: list[Line], j: int | None) -> bool:
    """A date printed as a list item with another item of the same list after it."""
    if j is None or not lines[j].marker or lines[j].meta not in DATE_META:
        return False
    k = next_content(lines, j)
    return k is not None and lines[k].marker == lines[j].marker and lines[k].indent == lines[j].indent


def _wrapped(lines: list[Line], i: int) -> bool:
    """A long line that runs on into the next one: lynx and w3m wrapped a sentence at 80 columns."""
    line = lines[i]
    return line.indent + len(line.clean) >= WRAP_COLUMNS and i + 1 < len(lines) and not lines[i + 1].blank


def _clocked(line: Line) -> bool:
    """Whether a header line dates its comment to the minute ('LnxWalt on February 12, 2010 11:32 PM',
    signing off the text right above it): a caption or a sentence of an article gives no clock time."""
    moment = find_moment(line.clean)
    return moment is not None and moment[3] is not None


def _reply_under_date(lines: list[Line], j: int | None) -> bool:
    """A date line at j with the reply button right under it ('Posted at 9:50 pm, DATE' / 'Reply')."""
    k = next_content(lines, j) if j is not None and lines[j].meta in DATE_META else None
    return k is not None and lines[k].meta == REPLY_META


def _ends_text_above(lines: list[Line], i: int) -> bool:
    """The line runs on from the text directly above it (no blank line, same indentation)."""
    before = lines[i - 1] if i else None
    return (before is not None and not before.blank and not (before.meta or before.marker or before.author)
            and before.boilerplate != FORM_FIELD  # (a reply form's field: w3m prints the first name right under it)
            and before.indent == lines[i].indent and len(before.clean.split()) >= RUN_ON_WORDS)  # fmt: skip


_SENTENCE_ENDS = tuple(".!?:;…\"”)")  # a line ending so may end a comment's text right over the next header
_ADDRESS_BREAKS = ("/", "#")  # where w3m breaks an address too long for its line


def _url_tail(lines: list[Line], i: int) -> bool:
    """The rest of an address that lynx or w3m broke at 80 columns ('…/Afrika_Wenn-der' /
    '-Aberglaube-den-Tod-bringt 15.05.19'): the line above ends in an address at the wrap column,
    or in one that stops after a '/' (w3m breaks a long address there: '…/gallery13524432/' /
    'So-leben-Kinder-in-Deutschland.html 19.05.19')."""
    before = lines[i - 1] if i else None
    if before is None or before.blank or lines[i].marker:
        return False
    last = before.text.rsplit(maxsplit=1)[-1]
    address = "://" in last or last.startswith("www.")
    if not address or _ADDRESS_PART.search((lines[i].text.split(maxsplit=1) or [""])[0]) is None:
        return False  # ('Posted by: [21]Tony Hirst at ...' under a reader's link: a word opens it, no address's rest)
    return before.indent + len(before.text) >= WRAP_COLUMNS or last.endswith(_ADDRESS_BREAKS)


_ADDRESS_PART = re.compile(r"[-./_=?&%#~+\d]")  # what the rest of a broken address holds, and a plain word does not



def _title_case(text: str) -> bool:
    """A headline ('As Trump Berates News Media, a New Strategy'), not the first line of a comment."""
    words = [w for w in text.split(maxsplit=30) if w[:1].isalpha()]
    return len(words) >= TITLE_MIN_WORDS and _capitalised(words) >= TITLE_CAPITALISED * len(words)


def _menu_entry(item: Line, marker: Line) -> bool:
    """Whether the list item right above a marker alone is a menu's: a marker alone too ('•' / '•':
    a row of icon links), a link alone, or a word or two numbered out of step with the marker
    ('5. Unanswered' / '3.' / 'Teams': the next group of a nested menu; '3. Ein Historiker.' / '4.'
    is a comment's list, then the next comment)."""
    if not item.rest or item.one_link:
        return True
    if item.number_mark is None or marker.number_mark is None:
        return False
    short = len(item.rest.split()) <= 2 and item.rest[-1:].isalnum()
    return short and marker.number_mark != item.number_mark + 1


def _in_tight_list(lines: list[Line], i: int) -> bool:
    """A list item directly under another item as deep or deeper: a menu or a list, not a comment.
    Items that are buttons do not count: '+ Reply' / '+ NAME' / '+ DATE' is a header printed as a
    list, '☆ Reply' / '• NAME' the buttons of a reply above a comment."""
    k = i - 1
    while k >= 0 and lines[k].marker and lines[k].meta in BUTTON_META and lines[k].indent >= lines[i].indent:
        k -= 1
    before = lines[k] if k >= 0 else None
    return bool(lines[i].marker) and before is not None and bool(before.marker) and before.indent >= lines[i].indent


def facts_follow(lines: list[Line], i: int) -> bool:
    """A poster's facts under line i, maybe below their rank ('Well-Known Member'): it names a forum
    post's author, as a date under it would."""
    j = next_content(lines, i)
    while j is not None and lines[j].meta in ROLE_LABELS:
        j = next_content(lines, j)
    if j is not None and lines[j].meta in DATE_META:  # ('Posted by Ann' / DATE / '4931 posts': the count under it)
        k = next_content(lines, j)  # (or 'Ann' / DATE / 'Ann' over the column: `_poster_list`)
        return k is not None and lines[k].meta == PROFILE_META and (
            _COUNTED_FACT.fullmatch(lines[k].plain) is not None or lines[k].plain == lines[i].plain)
    return j is not None and lines[j].meta == PROFILE_META


def _past_separators(lines: list[Line], j: int | None) -> Line:
    """The first content line from j on that is not a separator ('NAME' / '•' / '[avatar]' / '3 years ago')."""
    while j is not None and ((lines[j].marker and not lines[j].rest) or lines[j].meta in SEPARATOR_META or (
        lines[j].meta == GUEST_META and not _guest_name(lines, j)
    )):
        j = next_content(lines, j)
    return lines[j] if j is not None else Line(0, "", 0, "")


def _guest_name(lines: list[Line], i: int) -> bool:
    """A guest label ('Guest') that names its comment: not right under a name line with a date below it
    ('88181 (Profil gelöscht)' / 'Gast' / DATE: there it is the name's role label)."""
    if lines[i].meta != GUEST_META:
        return False
    k, j = previous_content(lines, i), next_content(lines, i)
    under_name = k is not None and not lines[k].meta and could_be_name(lines[k].plain)
    return not (under_name and j is not None and lines[j].meta in DATE_META)


DATED_BELOW_LINES = 40  # a comment's text this long at most, between its name and a date under it


def _dated_below(lines: list[Line], k: int | None) -> bool:
    """Whether plain text from line k on ends in a date line over a button, within `DATED_BELOW_LINES`
    content lines ('1. ![avatar]' / 'Ann' / text / '[09/08/20 @ 10:21 am](#comment-1)' / 'Reply', html2text)."""
    for _ in range(DATED_BELOW_LINES):
        if k is None or lines[k].marker or lines[k].heading or lines[k].author:
            return False
        if lines[k].meta:
            button = next_content(lines, k)
            return lines[k].meta in DATE_META and (
                (button is not None and lines[button].meta in BUTTON_META) or _ends_in_button(lines[k]))
        k = next_content(lines, k)
    return False


def _ends_in_button(line: Line) -> bool:
    """Whether a line's last word is a button ('28 Settembre 2023 Rispondi': a date and the reply button)."""
    words = line.plain.rsplit(None, 1)
    return len(words) == 2 and page_knowledge().meta_kind(words[1]) in BUTTON_META


_CLOSING_QUOTES = ("”", '"', "»", "“", "’’")


def _attributes_quote(lines: list[Line], i: int) -> bool:
    """Whether a dash and a name under a quoted paragraph attribute the quote ('“This cake was delicious!”' /
    '– jennifer', a reader's review quoted in the article): no comment's head."""
    k = lines[i].previous_content
    return (lines[i].text.startswith(("–", "—", "- ")) and k is not None and not lines[k].marker
            and lines[k].clean.endswith(_CLOSING_QUOTES))


def _flat_body_follows(lines: list[Line], i: int, after: Line) -> bool:
    """'1. Name' with its text below at the same indentation, set off from the text above it."""
    before = lines[i - 1] if i else None
    set_off = before is None or before.blank or before.meta is not None or before.boilerplate == FORM_FIELD  # (w3m)
    plain = not (after.marker or after.meta or after.author or after.boilerplate)
    return set_off and plain and after.indent == lines[i].indent


def _lone_marker_head(lines: list[Line], i: int, j: int) -> Head | None:
    """A marker alone on its line: the next line is the author (or header) or the text."""
    line, after = lines[i], lines[j]
    while after.meta in SEPARATOR_META:  # '1.' / '[avatar]' / 'Ann' / date
        j = next_content(lines, j) or j
        if lines[j] is after:
            return None
        after = lines[j]
    if after.meta or after.marker:  # a separator between actions ('Reply • Share ›'); an item of its own
        return None
    k = next_content(lines, j)
    date_follows = _past_separators(lines, k).meta in DATE_META or _dated_below(lines, k)
    if after.author and (after.name_like or date_follows):
        return Head(i, j, after.author, line.indent, line.marker or "header", line.number_mark,
                    reply_to=after.reply_to, strong=True, evidence=True)
    if _name_line(after, date_follows) and k is not None and (
        date_follows or (lines[k].indent > after.indent - 1 and not lines[k].marker)
    ):
        body = lines[k]
        return Head(i, j, after.plain, line.indent, line.marker or "header", line.number_mark, strong=date_follows,
                    evidence=date_follows or not (body.one_link or _title_case(body.clean)))
    return None


