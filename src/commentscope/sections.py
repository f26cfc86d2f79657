"""Where the comment section is: the first head with comment evidence that is not an article list.

Headed comments (`heads.find_heads`) are tried first; runs of text set off by metadata
(authorless comments under a heading, or 'NAME' / text / 'reply' blocks) replace them when they
find more. A page with no comment heading, reply button or comment-shaped head has no comments,
unless names over dates stand under its reply form or answer each other (a conversation).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace

from commentscope.grammar import (
    ANNOUNCE_META,
    COMMENT_EVIDENCE,
    COUNT_META,
    DATE_META,
    DECORATION_META,
    FORM_META,
    GUEST_META,
    IMAGES_ONLY,
    PROFILE_META,
    RANK_WORDS,
    REPLY_META,
    ROLE_LABELS,
    SECTION_META,
    SIDEBAR_META,
    Head,
    Line,
    next_content,
    previous_content,
)
from commentscope.headline import headline
from commentscope.heads import find_heads, handle_above, is_pingback, name_again, widen_to_dated_item
from commentscope.patterns import UNVERIFIED, could_be_name, looks_like_name, page_knowledge, word_pattern

ORDINAL_META = "ordinal"  # a post's number ('#12')
NO_COMMENTS_META = "no_comments"  # '0 Comments', 'Be the first to comment'
SHARE_BAR = "share_bar"
REPLY_REF_META = "reply_ref"  # 'In reply to SUBJECT by NAME', 'Reply to NAME'
_COUNTERS = frozenset({"votes", "action"})  # a comment's like count and buttons, before its date
_REPLY_WORD = re.compile(rf"\b(?:{word_pattern('reply').pattern})\b", re.IGNORECASE)


def authorless_heads(lines: list[Line]) -> dict[int, Head]:
    """Comments without a header line: each run of text set off by metadata, under a comments heading
    (or anywhere, when a name leads the run and a reply button or date closes it)."""
    # the heading must stand alone: '* 941 comments' in a share bar is a link, not a section
    signal = next((i for i, ln in enumerate(lines) if ln.meta in SECTION_META and not ln.marker), None)
    heads: dict[int, Head] = {}
    before: str | None = None if signal is None else lines[signal].meta
    i = 0 if signal is None else signal + 1
    closers: dict[int, str | None] = {}
    while i < len(lines):
        line = lines[i]
        if line.blank or line.meta or line.boilerplate:
            before = before if line.blank else line.meta
            i += 1
            continue
        k = i
        while k < len(lines) and (lines[k].blank or not (lines[k].meta or lines[k].boilerplate)
                                  or (k > i and lines[k].boilerplate == SHARE_BAR)):  # a comment's share links
            k += 1
        after = _closer(lines, k)
        if after == REPLY_META or after in DATE_META:  # a comment ends with its date or reply button
            head = _run_head(lines, i, k, after)
            if signal is not None or head.author is not None:
                heads[i], closers[i] = head, after
        before, i = None, k
    if signal is None and REPLY_META not in closers.values():
        return {}  # unannounced 'NAME' / text / date runs are teasers, unless reply buttons show comments
    return heads


def _closer(lines: list[Line], k: int) -> str | None:
    """The metadata that ends a run of text at line k: the first line's kind, or the date or reply
    button after a comment's counters and buttons ('0' / '50 Minuten 46 Sekunden her')."""
    first = lines[k].meta if k < len(lines) else None
    while k < len(lines) and (lines[k].blank or lines[k].meta in _COUNTERS):
        k += 1
    after = lines[k].meta if k < len(lines) else None
    return after if first in _COUNTERS and (after == REPLY_META or after in DATE_META) else first


def _run_head(lines: list[Line], i: int, end: int, after: str | None) -> Head:
    """A run of text set off by metadata: a comment, its first line the author when it is a short name
    with more text after it and a reply button or date closes it (Drupal's 'NAME' / text / 'reply')."""
    line, j = lines[i], next_content(lines, i)
    closed = after == REPLY_META or after in DATE_META
    if closed and j is not None and j < end and line.author and line.name_like and not line.marker:
        return Head(i, i, line.author, line.indent, "header", None, flat=True, strong=True)  # ('Ann am DATE um …')
    if closed and j is not None and j < end and not line.prose and could_be_name(line.plain) and not line.marker:
        return Head(i, i, line.plain, line.indent, "header", None, flat=True, strong=True)
    return Head(i, i, None, line.indent, "text", None, text_on_marker=True, flat=True)


NAMED_MIN = 3  # name / text pairs that make a comment list without any other cue
NAMED_MAX_WORDS = 4


def named_heads(lines: list[Line]) -> dict[int, Head]:
    """Comments printed as nothing but a name line over their text, under a comments heading
    (Disqus's plain fallback: 'Ann' / text / 'Bob' / text), the first name right under the heading.
    Only where no other comment shape is found. Where the first name touches its text,
    the list ends at the first blank line; where blank lines set them apart, at a heading, the
    reply form, chrome ('Please enable JavaScript...') or a line left of the names."""
    for signal, ln in enumerate(lines):
        if ln.meta in ANNOUNCE_META and not ln.marker and not ln.one_link:  # ('[53]132 comments': another post's count)
            heads = _named_run(lines, signal)
            if len(heads) >= NAMED_MIN:
                return heads
    return {}


def _named_run(lines: list[Line], signal: int) -> dict[int, Head]:
    first = lines[signal].next_content
    if first is None or not _lone_name(lines, first):
        return {}  # the list follows its heading directly
    tight = lines[first].next_content == first + 1
    names: list[int] = []
    for i in range(first, len(lines)):
        line = lines[i]
        if (line.blank and tight) or (line.heading and lines[i - 1].blank) or line.meta in SECTION_META:
            break
        if line.boilerplate and lines[i - 1].blank:
            break
        if not line.blank and line.indent < lines[first].indent:
            break
        if _lone_name(lines, i):
            names.append(i)
    heads: dict[int, Head] = {}
    for chain in _chains(lines, names):
        # a name needs text under it: of adjacent name-like lines the last is a name, the one before
        # it the end of the text above ('…courses-in-ch' / 'ennai' / 'Leop0ld'), and so on upwards
        for i in chain[::-2]:
            heads[i] = Head(i, i, lines[i].plain, lines[i].indent, "header", None, flat=True, strong=True)
    return heads


def _chains(lines: list[Line], names: list[int]) -> list[list[int]]:
    """Name-like lines grouped where each one's next content line is the next."""
    chains: list[list[int]] = []
    for i in names:
        if chains and lines[chains[-1][-1]].next_content == i:
            chains[-1].append(i)
        else:
            chains.append([i])
    return chains


def _lone_name(lines: list[Line], i: int) -> bool:
    """A short name on a line of its own, with a line of content under it that is not chrome."""
    line = lines[i]
    if line.blank or line.marker or line.boilerplate or line.heading or line.prose:
        return False
    if line.meta and line.meta != GUEST_META:  # ('Guest': Disqus names a guest's comment so)
        return False
    if len(line.plain.split()) > NAMED_MAX_WORDS or any(ch in line.plain for ch in ':#@()[]<>"=/'):
        return False
    if IMAGES_ONLY.fullmatch(line.rest):
        return False  # (html2text: '![Glasses of lemonade](a.jpg)' / text, a photo's alt text over the article's words)
    j = line.next_content
    return could_be_name(line.plain) and j is not None and not (
        lines[j].meta or lines[j].boilerplate or lines[j].heading
    )


_BLOCK_ENDS = (ORDINAL_META, REPLY_META)
_DATED_NUMBER = re.compile(r"\d[:.]\d\d(?:\s*[ap]\.?m\.?)?\s+#\d+$", re.IGNORECASE)  # a post's time, then its number
_RULE = re.compile(r"[_\-=─—]{10,}")  # a horizontal rule between posts
POST_BLOCK_LINES = 16  # how far above a post's number its author block may start
POST_TEXT_WORDS = 3  # a line of this many words between a post's number and the poster's facts is its text


POSTER_LINES = 3  # a poster's lines under their name: rank, handle, place ('BPL Member' / '@ann' / 'Locale: Oregon')
_HANDLE = re.compile(r"@[\w.-]{1,40}")
_LABELLED = re.compile(r"[^\W\d]\w{1,20}:\s+\S.{0,60}")


def _poster_lines(lines: list[Line], name: int) -> int:
    """The last line of a poster's block under their name: their rank, '@handle' and 'Label: value' lines,
    when the handle is among them (bbPress: 'BPL Member' / '@bluemtns' / 'Locale: Oregon'); else the name."""
    last, k, handle = name, next_content(lines, name), False
    for _ in range(POSTER_LINES):
        if k is None or (lines[k].meta and lines[k].meta not in ROLE_LABELS) or lines[k].marker or lines[k].prose:
            break
        plain = lines[k].plain
        if lines[k].meta:
            pass  # (a role: 'Admin')
        elif _HANDLE.fullmatch(plain):
            handle = True
        elif not ((handle and _LABELLED.fullmatch(plain)) or (not handle and len(plain.split()) <= RANK_WORDS
                                                               and not plain.endswith((".", "!", "?")))):
            break
        last, k = k, next_content(lines, k)
    return last if handle else name


def _ends_block(line: Line) -> bool:
    """The post before a user block: its text, its number or buttons, or the rule under it."""
    return line.prose or line.meta in _BLOCK_ENDS or _RULE.fullmatch(line.clean) is not None


def post_heads(lines: list[Line]) -> dict[int, Head]:
    """Forum posts: a user block (name, rank, 'member since', post count), the post's date and
    number ('#12'), then the text. The author is the block's first line; the head spans the block."""
    heads: dict[int, Head] = {}
    for i, line in enumerate(lines):
        if line.meta != ORDINAL_META or i in heads:
            continue
        j = next_content(lines, i)
        # the block below: '1. DATE #1' / 'NAME' (vBulletin 4 as a list), 'May 16, 2019 at 5:24 am #3593210' / NAME
        # (bbPress), and DATE / '#3593210' / NAME / '@handle' (bbPress in html2text)
        below = line.marker == "number" or (
            (_DATED_NUMBER.search(line.plain) is not None or (i > 0 and lines[i - 1].meta in DATE_META))
            and j is not None and _poster_lines(lines, j) != j)  # (vBulletin's 'DATE #661' closes the block above)
        if below:
            if j is not None and not (lines[j].meta or lines[j].boilerplate) and could_be_name(lines[j].plain):
                heads[i] = Head(i, _poster_lines(lines, j), page_knowledge().bare_name(lines[j].plain), line.indent,
                                "header", None, strong=True)
            continue
        names: list[int] = []  # name-like lines of the block, nearest the number first
        k = previous_content(lines, i)
        seen_lines = 0
        text_seen = False  # a line of text between the number and the block: the number closes the post
        while seen_lines < POST_BLOCK_LINES:
            if k is None or k in heads or _ends_block(lines[k]):
                break
            block_line = lines[k]
            if block_line.meta == PROFILE_META and text_seen:
                names = []  # (the post's header is the poster's column above its text: `find_head` reads it)
                break
            worded = not (block_line.meta or block_line.boilerplate or block_line.marker)
            text_seen = text_seen or (worded and len(block_line.plain.split()) >= POST_TEXT_WORDS)
            seen_lines += block_line.meta != PROFILE_META  # (the poster's facts, however many, are one block)
            if not (block_line.meta or block_line.boilerplate) and len(block_line.plain) > 1 and could_be_name(
                block_line.plain
            ):
                names.append(k)  # one letter is a letter avatar, not a name
            if block_line.marker == "number":  # lynx and w3m print posts as a numbered list: the block opens here
                break
            k = previous_content(lines, k)
        # the name printed twice (avatar and link) is the author; else the block's first name line,
        # which may be the end of the post before (a greeting, a signature)
        seen = [lines[n].plain.casefold() for n in names]
        twice = [n for n, text in zip(names, seen, strict=True) if seen.count(text) > 1]
        unlisted = [n for n in names if lines[n].marker in (None, "number")]  # not a breadcrumb or menu item
        candidates = twice or unlisted or names
        if candidates:
            first = candidates[-1]
            author = page_knowledge().bare_name(lines[first].plain)
            heads[first] = Head(first, i, author, line.indent, "header", None, strong=True)
    # inscriptis prints each post of some forums a level deeper than the one before (unclosed <div>s):
    # the posts of a thread are still one flat list
    flat = min((h.indent for h in heads.values()), default=0)
    return {k: replace(h, indent=flat) for k, h in heads.items()}


def comment_heads(lines: list[Line]) -> tuple[dict[int, Head], int | None]:
    """The heads of the page's comments and where the comment section starts (None: no comments).

    Headed comments ('NAME says:', a name and a date, a list item with a body) are tried first;
    runs of text set off by metadata under a comments heading replace them when they find more.
    """
    heads, start = _comment_heads(lines)
    heads = _under_a_logo(lines, heads)
    for i in list(heads):
        k = widen_to_dated_item(lines, heads, i)
        start = k if i == start else start
    heads = dict(sorted(heads.items()))
    name_again(lines, heads)
    handle_above(lines, heads)
    heads = _named_above(lines, heads)
    _addressed(lines, heads)
    for head in heads.values():  # every kind of head (a run of text too: '[…] excerpt […]' under 'Pingback von SITE')
        head.pingback = is_pingback(lines, head)
    return heads, start


LOGO_HEADS, LOGO_SHARE = 5, 0.9  # comments (nearly) all opening with one line over the commenter's name: a logo


def _under_a_logo(lines: list[Line], heads: dict[int, Head]) -> dict[int, Head]:
    """Every comment headed by one and the same line with a name under it that differs from comment to
    comment ('1.' / 'Pinch of Yum Logo' / 'Melissa' / text): the line is an image's alt text printed
    before each name, and the name under it is the commenter's."""
    counts = Counter(h.author.casefold() for h in heads.values() if h.author)
    logo, n = counts.most_common(1)[0] if counts else ("", 0)
    if n < max(LOGO_HEADS, LOGO_SHARE * len(heads)):
        return heads
    names = {}
    for i, head in heads.items():
        j = next_content(lines, head.last_header)
        if (head.author or "").casefold() != logo:
            continue
        if j is None or j in heads or lines[j].meta or not could_be_name(lines[j].plain):
            return heads
        names[i] = j
    if len({lines[j].plain for j in names.values()}) < 2:
        return heads
    for i, j in names.items():
        heads[i].author, heads[i].last_header = page_knowledge().bare_name(lines[j].plain), j
    template = heads[next(iter(names))]
    # the logo over a name that reads like a title, no head yet ('1. Pinch of Yum Logo' / 'Eman @ Pinch of Yum')
    missed = {}
    for k, line in enumerate(lines):
        j = next_content(lines, k)
        if (line.marker == lines[template.index].marker and k not in heads and line.plain.casefold() == logo
                and j is not None and j not in heads and not lines[j].meta and could_be_name(lines[j].plain)):
            missed[k] = replace(template, index=k, last_header=j, author=page_knowledge().bare_name(lines[j].plain),
                                indent=line.indent, number=line.number_mark)
    return dict(sorted({**heads, **missed}.items())) if missed else heads


# 'Reply to NAME' on the line under a reply's header (wpDiscuz; the name a link in a dump)
_ADDRESSED = re.compile(
    r"^(?:reply to|replying to|in reply to|antwort an|réponse à|risposta a|respuesta a|em resposta a)"
    r"\s+(?P<name>\S.{0,79}?)\s*$",
    re.I,
)


# 'In reply to SUBJECT by NAME' as a comment's last line (Drupal's themes print it, visually hidden, after the text)
_ANSWERED = re.compile(
    r"^in reply to\s+\S.{0,200}?\s+by\s+(?P<name>\S.{0,60}?)"
    rf"(?:\s*\((?:{UNVERIFIED})\))?\s*$",
    re.I,
)


def _named_above(lines: list[Line], heads: dict[int, Head]) -> dict[int, Head]:
    """'NAME' / 'Reply to OTHER' / '6 months ago' (wpDiscuz's header as a dump prints it): a header
    whose name reads 'Reply to OTHER' starts a line earlier, at the reader's name, and answers OTHER."""
    out: dict[int, Head] = {}
    for start, head in heads.items():
        match = _ADDRESSED.match(head.author or "")
        k = previous_content(lines, start) if match else None
        if match is None or k is None or k in heads or lines[k].meta or not could_be_name(lines[k].plain):
            out[start] = head
            continue
        head.index, head.author, head.reply_to = k, page_knowledge().bare_name(lines[k].plain), match["name"]
        out[k] = head
    return out


def _addressed(lines: list[Line], heads: dict[int, Head]) -> None:
    """A line right under a comment's header (or its date) that names whom it answers ('Reply to Christelle'), or
    closing its text ('In reply to SUBJECT by Christelle'): the comment answers that reader's latest
    comment (its `reply_to`), and the line is metadata, no text."""
    starts = sorted(heads)
    for n, start in enumerate(starts):
        head = heads[start]
        k = next_content(lines, head.last_header)
        while k is not None and (lines[k].meta in DATE_META or lines[k].meta == DECORATION_META):
            k = next_content(lines, k)  # (wpDiscuz: 'Ann' / '1 year ago' / share icons / 'Reply to Bob')
        match = _ADDRESSED.match(lines[k].plain) if k is not None else None
        if match is None and n + 1 < len(starts):
            k = previous_content(lines, starts[n + 1])
            match = _ANSWERED.match(lines[k].plain) if k is not None and k > head.last_header else None
        if match is None or k is None or not could_be_name(match["name"]):
            continue
        head.reply_to = head.reply_to or match["name"]
        lines[k].meta = REPLY_REF_META


def _comment_heads(lines: list[Line]) -> tuple[dict[int, Head], int | None]:
    if any(ln.meta == NO_COMMENTS_META for ln in lines) and not any(ln.meta == COUNT_META for ln in lines):
        return {}, None  # '0 Comments' and no other count: whatever looks like comments is not
    menu = menu_lines(lines)
    heads = _not_the_headline(lines, {i: h for i, h in find_heads(lines).items() if i not in menu})
    start = section_start(lines, heads)
    runs = authorless_heads(lines)
    found = 0 if start is None else sum(i >= start for i in heads)
    posts = post_heads(lines)
    if len(posts) >= 2 and 3 * len(posts) >= found:  # numbered posts: a forum thread
        return posts, min(posts)
    first_prose = next((i for i, ln in enumerate(lines) if ln.prose), len(lines))
    authored = {i: h for i, h in runs.items() if h.author is not None and i > first_prose}
    if len(authored) > max(found, 1):  # runs led by a name and closed by a reply button: only those
        return authored, min(authored)
    named = {} if found else named_heads(lines)
    if len(named) > len(runs):  # 'NAME' / text pairs under a heading and nothing else
        return named, min(named)
    if start is None and runs:
        return runs, section_start(lines, runs)
    return heads, start


TITLE_WORDS = 3  # a headline's line this long, not a name's: a head naming it is the article's


def _not_the_headline(lines: list[Line], heads: dict[int, Head]) -> dict[int, Head]:
    """The heads without those naming a line of the page's headline (a recipe card's photo over its
    title, 'Banana Fish Banana Fish' / 'Banana Fish', in w3m as flush as an avatar over a name): the
    article's, no reader's."""
    if not heads:
        return heads
    title = {lines[k].plain.casefold() for k in headline(lines, min(heads)) or ()
             if len(lines[k].plain.split()) >= TITLE_WORDS}  # (a forum's headline block may hold its first poster)
    return {i: h for i, h in heads.items() if (h.author or "").casefold() not in title}


MENU_ENTRIES = 6  # a run of this many list items, each one link and at most a short line below it, is a menu
MENU_TAIL_WORDS = 4  # ... that line's words (a menu entry's label: 'Süße Rezepte'), no comment's text
MENU_ITEM_WORDS = 3  # an entry's own words


def menu_lines(lines: list[Line]) -> set[int]:
    """The lines of a navigation menu as a converter prints it: list items in a row (blank lines
    between them), each a few words with at most one short line under it, of which `MENU_ENTRIES`
    or more are single links ('* [6]Blog' / 'Süße Rezepte') or say the same ('• Blog', where w3m
    prints no link numbers). Its entries are no comment heads: a commenter's linked name has a date
    or a text of some words under it, and readers' names differ. (`parse._link_lists` marks the
    menus above a comment section, whatever stands under their links: its runs make chrome of
    article lines, these keep heads out of a thread; one rule for both moved both figures.)"""
    found: set[int] = set()
    run: list[int] = []
    entries: list[Line] = []
    i = 0
    while i <= len(lines):
        line = lines[i] if i < len(lines) else None
        if line is not None and line.blank:
            run.append(i)
            i += 1
            continue
        if line is not None and line.marker and (line.one_link or (
                line.meta is None and len(line.item_text.split()) <= MENU_ITEM_WORDS)):
            run.append(i)
            entries.append(line)
            below = lines[i + 1] if i + 1 < len(lines) else None
            if (below is not None and not below.blank and not below.marker and below.meta is None
                    and len(below.clean.split()) <= MENU_TAIL_WORDS):
                run.append(i + 1)
                i += 1
            i += 1
            continue
        links = sum(1 for e in entries if e.one_link)
        alike = max(Counter(e.item_text.casefold() for e in entries).values(), default=0)
        if max(links, alike) >= MENU_ENTRIES:
            found.update(run)
        run, entries = [], []
        i += 1
    return found


def _dated_reply(line: Line) -> bool:
    """A date line with the reply button on it ('18.10.2019, 16:18 Zum Antworten anmelden Zitieren #')."""
    return line.meta in DATE_META and _REPLY_WORD.search(line.plain) is not None


def section_start(lines: list[Line], heads: dict[int, Head]) -> int | None:
    """Index of the first comment head that opens a real comment section, if any.

    A head opens the section when a section signal ('18 Comments', a closed notice) comes
    before it, another head or any metadata comes after it, and its run is not an article list.
    A head whose body is not indented needs the section signal; a header with nothing but chrome
    after it (a byline such as 'Posted by NAME at 9:30 PM') opens nothing.
    """
    if not any(h.evidence for h in heads.values()) and not any(
        (ln.meta in COMMENT_EVIDENCE and not (ln.marker and ln.meta in ANNOUNCE_META)) or ln.closes
        or ln.meta == PROFILE_META  # (a forum poster's facts)
        or _dated_reply(ln) for ln in lines
    ) and not (_dated_under_form(lines, heads) or _conversation(lines, heads, dated=True)):
        return None  # no comment heading, reply button, comment-shaped head or conversation: no comments
    ordered = sorted(heads)
    signal_at = [False] * (len(lines) + 1)
    for i, ln in enumerate(lines):  # a sidebar's heading ('Recent posts') ends what a signal said
        signal_at[i + 1] = (signal_at[i] or ln.meta in SECTION_META or ln.closes) and ln.meta != SIDEBAR_META
    meta_from = [False] * (len(lines) + 1)
    prose_from = [0] * (len(lines) + 1)  # prose lines from here to the end
    for i in range(len(lines) - 1, -1, -1):
        meta_from[i] = meta_from[i + 1] or lines[i].meta is not None
        prose_from[i] = prose_from[i + 1] + lines[i].prose
    run_ends = _run_ends(lines, [heads[i] for i in ordered])
    # Heads after a section signal ('17 Comments') come first: lists above it are the page's chrome.
    announced_at = [False] * (len(lines) + 1)
    for i, ln in enumerate(lines):  # a sidebar's heading ('Most read') ends what a heading announced
        announced_at[i + 1] = (announced_at[i] or (ln.meta in ANNOUNCE_META and not ln.marker)) and (
            ln.meta != SIDEBAR_META
        )
    in_sidebar = [False] * (len(lines) + 1)  # under a sidebar's heading, no comments heading since
    for i, ln in enumerate(lines):
        in_sidebar[i + 1] = ln.meta == SIDEBAR_META or (in_sidebar[i] and ln.meta not in SECTION_META)
    talk = _conversation(lines, heads)
    dated_talk = _conversation(lines, heads, dated=True)
    # (a teaser's count under the thread, '42 comments', announces no undated head of the chrome below it
    # when the heads above it, unannounced, hold a conversation of their own: Slashdot)
    talk_above = talk and _conversation(lines, {i: h for i, h in heads.items() if not announced_at[i]})
    first_said = min((i for i, h in heads.items() if h.evidence and h.strong), default=len(lines))
    for announced in (True, False):
        for position, i in enumerate(ordered):
            head = heads[i]
            if (announced and not announced_at[i]) or (in_sidebar[i] and not (talk and head.evidence)):
                continue  # (a conversation is no sidebar's list: 'Most popular' over a forum's thread)
            if (announced and talk_above and not head.strong) or (talk and not (head.strong or head.evidence)
                                                                  and i < first_said):
                continue  # (and where evidence heads hold a conversation, an undated list item above them, no
                # comment's shape, is the article's: '2. Sometimes predictably-real stuff…', a section heading)
            if not _has_body(lines, head):
                continue
            if (signal_at[i] and (head.flat or head.strong)) or head.poster:
                return i  # (posts under their posters' columns, the thread's opening post too: a forum thread)
            if position + 1 < len(ordered) and _first_post(lines, head, heads[ordered[position + 1]]):
                return i  # (Discourse numbers a thread's posts, its opening post 1: no byline)
            if head.flat or prose_from[0] == prose_from[i]:
                continue  # comments answer an article: a head above all prose, unannounced, is a byline
            last_head = ordered[-1] if position + 1 < len(ordered) else None
            end = run_ends[i]
            # A lone marked head closing the page (article prose above, none below) is a comment too.
            prose_above = prose_from[0] > prose_from[i]
            closing = head.kind != "header" and prose_above and (end is None or prose_from[end] == 0)
            evidence = signal_at[i] or last_head is not None or meta_from[i] or closing
            if evidence and ((head.evidence and (talk or lines[i].inline_head))
                             or (dated_talk and head.strong and head.kind == "header")
                             or not _is_article_list(lines, end, last_head, prose_from)):
                return i  # (names over dates that answer each other are a thread, not a list of articles; nor
                # is an item that says 'NAME says: DATE' over its text, which html2text wraps flush left)
    return None


# a post's number after its date and time, on its header or the date line under it (Discourse: 'NAME DATE
# 4:41pm 2', or 'NAME' / 'DATE 18:48 1')
_POST_NUMBER = re.compile(r"\d[:.]\d\d(?:\s*[ap]\.?m\.?)?\s+(\d{1,5})$", re.IGNORECASE)


def _post_number(lines: list[Line], head: Head) -> int | None:
    """The number a forum printed after the post's date and time, on its header lines or the date under them."""
    j = next_content(lines, head.last_header)
    for k in (*range(head.index, head.last_header + 1), *([j] if j is not None else [])):
        if lines[k].meta in DATE_META or k == head.index:
            match = _POST_NUMBER.search(lines[k].plain)
            if match:
                return int(match[1])
    return None


def _first_post(lines: list[Line], head: Head, after: Head) -> bool:
    """Whether `head` is a thread's post number 1 and the head after it number 2: the opening post."""
    return _post_number(lines, head) == 1 and _post_number(lines, after) == 2


TALK_HEADS, TALK_AUTHORS = 4, 3


def _conversation(lines: list[Line], heads: dict[int, Head], dated: bool = False) -> bool:
    """Heads of a comment shape ('NAME · DATE', 'NAME says:'; with `dated`, any name over a date) that hold
    a conversation: `TALK_HEADS` or more, by `TALK_AUTHORS` or more people, one of whom speaks again, with
    other words, after someone else did. A list of articles has one byline per article by few authors; a
    list printed twice repeats its entries with the same words."""
    said = [((h.author or "").casefold(), _first_words(lines, h)) for _, h in sorted(heads.items())
            if (h.evidence or dated) and h.strong and h.kind == "header" and _plain_name(h.author)]
    last: dict[str, int] = {}
    answered = False
    for k, (name, words) in enumerate(said):
        before = last.get(name)
        answered = answered or (before is not None and words != said[before][1]
                                and len({n for n, _ in said[before:k]}) > 1)
        last[name] = k
    return answered and len(said) >= TALK_HEADS and len({n for n, _ in said}) >= TALK_AUTHORS


def _plain_name(author: str | None) -> bool:
    """A name of a few words without commas or brackets ('zagłosuj, jeśli chcesz zobaczyć wyniki' is a
    poll's label, 'sportowefakty)' the end of a credit)."""
    return (author is not None and len(author.split()) <= NAMED_MAX_WORDS and not any(ch in author for ch in ",()[]")
            and looks_like_name(author))


def _first_words(lines: list[Line], head: Head) -> str:
    j = next_content(lines, head.last_header)
    while j is not None and lines[j].meta is not None:  # past the date
        j = next_content(lines, j)
    return "" if j is None else lines[j].clean


FORM_DATED = 3  # named and dated heads under the reply form that make a comment list


def _dated_under_form(lines: list[Line], heads: dict[int, Head]) -> bool:
    """`FORM_DATED` or more heads of a name over a date, all under the page's reply form and no list's
    items: the comments of a theme that prints neither a heading nor a reply button ('Helen' / DATE / text)."""
    form = next((i for i, ln in enumerate(lines) if ln.meta == FORM_META), None)
    if form is None:
        return False
    dated = [h for i, h in heads.items() if i > form and h.strong and h.kind == "header" and not h.flat]
    return len(dated) >= FORM_DATED


def _run_ends(lines: list[Line], heads: list[Head]) -> dict[int, int | None]:
    """For each head, the first line after its run: back at or left of its indentation, no marker.

    One sweep from the end of the page with a stack of the nearest candidate lines (indentation
    rising towards the top of the stack) and a binary search per head: O(n log n) even for a
    thread thousands of levels deep, where scanning forward from every head would be quadratic.
    """
    ends: dict[int, int | None] = {}
    stack: list[int] = []  # line indices; indentations strictly increase towards the end of the list
    indents: list[int] = []
    k = len(lines) - 1
    for head in sorted(heads, key=lambda h: h.last_header, reverse=True):
        while k > head.last_header:
            line = lines[k]
            if not line.blank and not line.marker:
                while indents and indents[-1] >= line.indent:
                    stack.pop()
                    indents.pop()
                stack.append(k)
                indents.append(line.indent)
            k -= 1
        found = bisect_right(indents, head.indent) - 1
        ends[head.index] = stack[found] if found >= 0 else None
    return ends


def _has_body(lines: list[Line], head: Head) -> bool:
    j = next_content(lines, head.last_header)
    if j is None or head.text_on_marker:
        return True
    dated = head.evidence and lines[j].meta in DATE_META  # ('NAME says' / 'Posted on 1/26 at 7:34 pm', chrome too)
    k = next_content(lines, j) if lines[j].meta in DATE_META else None
    if k is not None and lines[k].meta == PROFILE_META:
        return True  # ('Ann' / 'Posted DATE' / the poster's column: a forum's post, whose date reads like a byline's)
    if k is not None and lines[k].meta == REPLY_META:
        return True  # ('Ann' / 'Posted at 9:50 pm, DATE' / 'Reply': a comment's date under its name, no byline)
    return not ((lines[j].boilerplate and not dated) or lines[j].meta in SECTION_META)


def _is_article_list(lines: list[Line], end: int | None, last_head: int | None, prose_from: list[int]) -> bool:
    """A 'head' whose run is followed by article prose is an article list, not comments."""
    if end is None or not lines[end].prose or lines[end].meta:
        return False
    prose_after = prose_from[end]
    return (last_head is not None and last_head > end and prose_after >= 1) or prose_after >= 2
