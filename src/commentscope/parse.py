"""Plain-text page parser: title, article, boilerplate and a threaded comment section.

The grammar, in short: a page is `title? article* comment-section?`, with boilerplate lines
anywhere. Where comments start (*heads*) is `grammar.py`, where the section starts `sections.py`,
the walk through the section that nests replies by (indentation, marker kind) or by a header's
`→ NAME` `thread_builder.py`; this module labels the lines before the section and reads each
comment's date. Metadata (dates, `Reply`, `18 Comments`) is never comment text. Patterns live in
`data/page_patterns.toml`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from commentscope.chronology import nest_by_time
from commentscope.dates import Moment, find_moment, leading_stamp, moment_iso, slash_order
from commentscope.errors import UnreadableInputError
from commentscope.grammar import DATE_META, FORM_META, REPLY_META, SECTION_META, Line, scan
from commentscope.greetings import nest_by_greeting
from commentscope.headline import feed_title, headline, is_notice, is_plain_line, link_block
from commentscope.model import Comment, Document, LabelledLine, LineRole
from commentscope.reply_buttons import nest_by_buttons
from commentscope.sections import comment_heads
from commentscope.sources import Page, read_page
from commentscope.thread_builder import ThreadBuilder
from commentscope.wraps import joiner_above, wrap_width

TITLE_MAX_CHARS = 250
_READ_CLEAN = frozenset({LineRole.TITLE, LineRole.ARTICLE})  # roles whose lines keep their `clean` text


def _label_front(lines: list[Line], stop: int, width: int | None = None, links: list[int] | None = None
                 ) -> dict[int, LineRole]:
    """Roles for the lines before the comment section: title, article, boilerplate. On a page
    wrapped at `width`, the article's last paragraph ends with its last wrapped line, however short;
    `links` (lynx's list of the page's <link>s, `headline.link_block`) are chrome."""
    roles: dict[int, LineRole] = {}
    content = [i for i in range(stop) if not lines[i].blank]
    anchor = max((i for i in content if lines[i].prose), default=-1)
    while (width and 0 <= anchor < stop - 1 and not lines[anchor + 1].blank
           and joiner_above(lines, anchor + 1, width) == " "):
        anchor += 1
    first_prose = next((i for i in content if lines[i].prose), stop)
    promo_tail = any(lines[i].cta for i in content if i > anchor)
    title = headline(lines, stop)
    chrome = set(links or ())
    title_done = bool(chrome)  # a converter's dump of a real page: its first short line is no title
    section = False  # past a comment section's heading or the reply form, below the article's start
    menus = _link_lists(lines, stop)
    for i in range(stop):
        line = lines[i]
        section = section or (line.meta in _ARTICLE_ENDS and not line.one_link and i > first_prose)
        if line.blank:
            roles[i] = LineRole.BLANK
        elif i in chrome:
            roles[i] = LineRole.BOILERPLATE
        elif title and i <= title[-1]:  # the site's chrome above the headline, then the headline
            roles[i], title_done = (LineRole.TITLE, True) if i >= title[0] else (LineRole.BOILERPLATE, False)
        elif line.boilerplate or (promo_tail and i > anchor) or (
            title_done and not first_prose < i < anchor and _byline(line)
        ) or (section and line.meta not in SECTION_META) or i in menus:
            roles[i] = LineRole.BOILERPLATE
        elif line.meta in SECTION_META:
            roles[i] = LineRole.COMMENT_META
        elif not title_done and is_notice(line.text):  # a notice above the title: chrome
            roles[i] = LineRole.BOILERPLATE
        elif not title_done and is_plain_line(line) and len(line.text) <= TITLE_MAX_CHARS and line.text[-1] != ".":
            roles[i], title_done = LineRole.TITLE, True
        else:
            roles[i], title_done = LineRole.ARTICLE, True
    return roles


MENU_ITEMS = 6  # a run of this many list items that are each one link is a menu, not the article's


def _link_lists(lines: list[Line], stop: int) -> set[int]:
    """The lines of runs of `MENU_ITEMS` or more list items that are each a single link (blank lines and a
    wrapped item's tail between them): navigation, tag clouds, related posts."""
    found: set[int] = set()
    run: list[int] = []
    for i in range(stop + 1):
        line = lines[i] if i < stop else None
        wrapped = bool(run) and run[-1] == i - 1 and not lines[i - 1].blank  # an item's wrapped tail
        if line is not None and (line.blank or (line.marker and line.one_link) or (
                wrapped and not line.marker and line.indent > lines[i - 1].indent)):
            run.append(i)
            continue
        if sum(1 for k in run if lines[k].marker) >= MENU_ITEMS:
            found.update(run)
        run = []
    return found


_ARTICLE_ENDS = frozenset({"heading", "no_comments", FORM_META})  # '3 Comments', '0 Comments', 'Leave a Reply'


def _byline(line: Line) -> bool:
    """A header or date line at the article's edges (after the title, outside its prose): a byline."""
    return bool(line.author) or line.meta in DATE_META


Roles = dict[int, tuple[LineRole, str | None]]


def _moments(lines: list[Line], roles: Roles, comments: list[Comment]) -> list[Moment | None]:
    """Each comment's date: the last in its header and metadata lines before its text, else the first after
    it. Slash dates count where the section's own slash dates show their order."""
    zones: dict[str, tuple[list[str], list[str]]] = {c.comment_id: ([], []) for c in comments}
    started: set[str] = set()
    for i in sorted(roles):
        role, owner = roles[i]
        if owner is None or owner not in zones:
            continue
        if role is LineRole.COMMENT_TEXT:
            if lines[i].inline_head and owner not in started:
                zones[owner][0].append(lines[i].inline_head)  # (the header on the text's line: `inline_heads`)
            started.add(owner)
        elif role in (LineRole.COMMENT_HEADER, LineRole.COMMENT_META):
            zones[owner][owner in started].append(lines[i].clean)
    order = slash_order(line for head, tail in zones.values() for line in (*head, *tail))
    found = []
    for c in comments:
        head, tail = zones[c.comment_id]
        found.append(find_moment(" ".join(head), last=True, order=order) or find_moment(" ".join(tail), order=order))
    return found


def _stamped_openings(comments: list[Comment], moments: list[Moment | None]) -> None:
    """A comment without a date in its header whose text opens with a date and a clock time takes
    that date, and its text starts after it (`dates.leading_stamp`); both lists are changed in place."""
    for n, (comment, moment) in enumerate(zip(comments, moments, strict=True)):
        stamp = leading_stamp(comment.text) if moment is None else None
        if stamp is not None:
            moments[n] = stamp[0]
            comments[n] = replace(comment, text=comment.text[stamp[1]:])


def _dated(comments: list[Comment], moments: list[Moment | None]) -> list[Comment]:
    """The comments with the date their header gives, in ISO 8601 (to the minute where it has a time)."""
    return [c if m is None else replace(c, date=moment_iso(m)) for c, m in zip(comments, moments, strict=True)]


MIN_REPEATED = 3  # a thread this long printed again whole, in the same order, is one thread


def _printed_twice(comments: list[Comment]) -> set[str]:
    """The ids of a thread's second copy, when its second half repeats its first comment for comment
    (author, date and text; the copy may hang under the first's last comment); else none. Two alike
    comments side by side are two comments."""
    half, odd = divmod(len(comments), 2)
    if odd or half < MIN_REPEATED:
        return set()

    def key(c: Comment) -> tuple[str | None, str | None, str]:
        return c.author, c.date, " ".join(c.text.split())

    if any(key(a) != key(b) for a, b in zip(comments[:half], comments[half:], strict=True)):
        return set()
    return {c.comment_id for c in comments[half:]}


LIST_RUN, LIST_WORDS = 6, 5  # this many unproven comments in a row, each this short: a list, not a thread


def _listed(comments: list[Comment], unproven: set[str]) -> set[str]:
    """The ids of runs of `LIST_RUN` or more comments in a row that no header pattern or date proves
    (`unproven`; 'Ann says:' does), with `LIST_WORDS` words or fewer each and no replies (a thread's
    nesting is no list's): a list of links or facts read as names over texts (a recipe index 'Kimchi' /
    'Essential Korean dish', an ingredient table, topics to follow), not readers."""
    found: set[str] = set()
    run: list[Comment] = []
    for c in [*comments, None]:
        if c is not None and c.comment_id in unproven and not c.date and len(c.text.split()) <= LIST_WORDS:
            run.append(c)
            continue
        ids = {r.comment_id for r in run}
        if len(run) >= LIST_RUN and not any(o.parent_id in ids for o in comments):
            found |= ids
        run = []
    return found


AMOUNT_RUN = 3  # this many unproven comments in a row whose texts are each an amount: an ingredient list
# an amount and its unit: '75 g', '0.5 st', '2 msk', '1 näve', '½ tsp'
_AMOUNT = re.compile(r"[\d½⅓⅔¼¾⅛]+(?:[.,/]\d+)?\s*(?:-\s*\d+\s*)?[^\W\d_]{0,8}\.?")


def _amounts(comments: list[Comment], unproven: set[str]) -> set[str]:
    """The ids of runs of `AMOUNT_RUN` or more unproven comments in a row whose texts are each an amount
    ('Broccoli' / '75 g', 'Parmesan' / '1 dl'): a recipe's ingredients as names over texts, no readers."""
    found: set[str] = set()
    run: list[str] = []
    for c in [*comments, None]:
        if c is not None and c.comment_id in unproven and _AMOUNT.fullmatch(c.text.strip()):
            run.append(c.comment_id)
            continue
        if len(run) >= AMOUNT_RUN:
            found.update(run)
        run = []
    return found


ONE_VOICE = 4  # this many comments or more, every one unproven, undated and by one name: a list's items


def _one_voice(comments: list[Comment], unproven: set[str]) -> set[str]:
    """The ids of all the page's comments when there are `ONE_VOICE` or more, no header pattern or date
    proves any of them, and one name heads them all: a list whose items each repeat one label (a recipe's
    steps under their picture's alt text, '1. Butter chicken trinnbilder' / the step), not a reader
    talking to no one."""
    names = {c.author for c in comments}
    if len(comments) < ONE_VOICE or len(names) != 1 or None in names:
        return set()
    if any(c.comment_id not in unproven or c.date or c.depth for c in comments):
        return set()
    return {c.comment_id for c in comments}


def _unwritten(comments: list[Comment]) -> set[str]:
    """The ids of comments without a word of text and without replies that have one: a header printed
    without a body (a poster's column over a field of facts, a teaser's name and date), not a reader's."""
    found: set[str] = set()
    while True:  # (a teaser's empty reply goes first, then the teaser it hangs under)
        left = [c for c in comments if c.comment_id not in found]
        parents = {c.parent_id for c in left}
        empty = {c.comment_id for c in left if not c.text.strip() and c.comment_id not in parents}
        if not empty:
            return found
        found |= empty


def parse_lines(text: str, *, doc_id: str, source: str = "<text>") -> Document:
    """Parse page text into a Document (no I/O)."""
    lines = scan(text)
    width = wrap_width(lines)
    heads, start = comment_heads(lines)
    stop = len(lines) if start is None else start
    links = link_block(lines)
    front = _label_front(lines, stop, width, links)
    labelled: list[LabelledLine] = []
    comments: list[Comment] = []
    roles: dict[int, tuple[LineRole, str | None]] = {i: (r, None) for i, r in front.items()}
    if start is not None:
        builder = ThreadBuilder(doc_id, lines, {i: h for i, h in heads.items() if i >= start}, width)
        builder.build(start)
        comments = builder.comments()  # (which may turn a text line into meta: a subject, a rating)
        roles.update(builder.roles)
        moments = _moments(lines, builder.roles, comments)
        _stamped_openings(comments, moments)
        comments = _dated(comments, moments)
        buttoned = {owner for i, (role, owner) in builder.roles.items()
                    if owner and role is LineRole.COMMENT_META and lines[i].meta == REPLY_META}
        comments = nest_by_buttons(comments, moments, buttoned)
        if not any(lines[c.line_start - 1].marker for c in comments if c.line_start):
            comments = nest_by_greeting(comments, moments)  # (a list's items: their own nesting says flat)
        comments = nest_by_time(comments, moments)
        unproven = builder.unproven()
        chrome = (_printed_twice(comments) | _listed(comments, unproven) | _one_voice(comments, unproven)
                  | _amounts(comments, unproven) | _unwritten(comments))
        if chrome:  # a thread printed twice (the copy), a list read as comments, headers without a body
            kept = [c for c in comments if c.comment_id not in chrome]
            comments = [c if c.position == n else replace(c, position=n) for n, c in enumerate(kept)]
            roles.update({i: (LineRole.BOILERPLATE, None) for i, (_, owner) in roles.items() if owner in chrome})
    for i, line in enumerate(lines):
        role, comment_id = roles.get(i if line.continues is None else line.continues, (LineRole.BOILERPLATE, None))
        shown = line.clean if line.continues is None else ""  # (a wrapped link's tail: read on its first line)
        clean = shown if role in _READ_CLEAN and shown != line.raw.strip() else None
        labelled.append(LabelledLine(line.number, line.raw, role, comment_id, clean))
    shown_title = " ".join(ln.seen for ln in labelled if ln.role is LineRole.TITLE)
    title = feed_title(lines, links) or shown_title or None
    return Document(
        doc_id=doc_id,
        source=source,
        title=title,
        lines=tuple(labelled),
        comments=tuple(comments),
        comments_closed=any(ln.closes for ln in lines),
        wrap_width=width,
    )


def parse_text(text: str, *, doc_id: str = "text", source: str = "<text>") -> Document:
    """Parse page text given as a string (no I/O)."""
    return parse_lines(text, doc_id=doc_id, source=source)


def parse_file(path: str | Path) -> Document:
    """Read and parse one text page file; UnreadableInputError when it cannot be read."""
    return parse_page(read_page(Path(path)))


_PATH_LIKE = re.compile(r"[/\\]|\.[A-Za-z0-9]{1,8}$")


def parse_page(page: str | Path | Page) -> Document:
    """Parse a page given as a path, a `Page` already read, or the page text itself.

    A one-line string that looks like a path (a separator or a file suffix) but names no file
    raises UnreadableInputError instead of being parsed as a page; `parse_text` and `parse_file`
    say which is meant.
    """
    if isinstance(page, str) and "\n" not in page and not Path(page).is_file():
        if _PATH_LIKE.search(page.strip()):
            raise UnreadableInputError(page, "no such file (to parse a string as page text, use parse_text)")
        return parse_text(page)
    if isinstance(page, str) and "\n" in page:
        return parse_text(page)
    loaded = page if isinstance(page, Page) else read_page(Path(page))
    doc = parse_lines(loaded.text, doc_id=loaded.doc_id, source=loaded.source)
    return replace(doc, encoding=loaded.encoding, warnings=loaded.warnings)
