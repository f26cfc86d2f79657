"""Comments found by their shape, for pages whose markup no rule of the selector table names.

The rules name comment systems by their classes and ids; a site with markup of its own (a forum
theme, a newspaper's reader letters, a shop's reviews) has words no table can list. What such a
comment section still shows is a shape: a run of sibling elements of one kind, each a record
with a date in a short element of its own and a few words that are not links, inside an element
whose class or id names comments in some language, or under a short heading that does ('12
Kommentare', 'Leserbriefe', 'Reviews'). Teasers (a headline link, a date, an excerpt), link
lists, a page's layout columns and a sidebar's comments on other posts (their dates link to
other pages) have the same rhythm and are told apart.

`mark_records` marks the best such run (and the replies of the same kind inside its records)
with `RECORD_ATTR` and their date elements with `DATE_ATTR`, so that the ordinary machinery of
`html_comments.extract` reads them with `records_rule` as it reads any rule's comments.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import islice

from selectolax.lexbor import LexborHTMLParser, LexborNode

from commentscope.dates import relative_date, to_iso, yearless_stamp
from commentscope.readers.html_comments import PAGE_TAGS, style_indent
from commentscope.readers.html_rules import Rule

RECORD_ATTR = "data-commentscope-record"
DATE_ATTR = "data-commentscope-date"
DROP_ATTR = "data-commentscope-drop"
REPLIES_ATTR = "data-commentscope-replies"  # a wrapper of replies after the record they answer
PARTNER_ATTR = "data-commentscope-partner"  # a record's byline beside it: 'before' or 'after' its record
PARTNER_WORDS = 30  # a byline beside a comment's text is short
NEIGHBOUR_STEPS = 3  # elements passed to reach a text's byline: anchors, breaks, a hidden copy
BLOCK_TAGS = frozenset({"div", "p", "dd", "dt", "li", "td", "blockquote", "section", "article"})  # a text of its own
HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.I)
LINK_BAR = 2  # a bar of buttons has this many links or more
BAR_REST = re.compile(r"[\s|·•\[\]–—-]*")  # what a bar of buttons holds besides its links
LEVEL_ATTR = "data-commentscope-level"  # a flat run's record: its level by indentation, 1 for the top
# A record's indentation printed in its markup: a left margin or padding, or a spacer image's width
INDENT_ELEMENTS = 8  # the record and its first elements, where an indentation stands (not in its text)
# The generic rule's author places, for markup of a site's own: its class names in any case ('commentAuthor')
ANY_CASE = {"[class*='author']": "[class*='author' i]", "[class*='autor']": "[class*='autor' i]"}
COUNTER = re.compile(r"#?\d{1,4}\.?")  # a record's running number ('1', '#12'), no part of its text
MIN_RECORDS = 2  # a single dated paragraph is no discussion
MIN_WORDS = 4  # a record's words beyond its date and links (or a web address alone: a reader's link)
BARE_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
MIN_SHARE = 0.75  # of the run's records that must be dated and hold such words
MAX_LINK_SHARE = 0.4  # of a record's words inside links of LINK_WORDS or more, over the run
LINK_WORDS = 4  # a link of fewer words is a name, a button or an address, not a headline
MAX_HEADLINES = 0.25  # share of records with a linked heading of LINK_WORDS or more (teasers, not comments)
MAX_DATE_CHARS = 80  # a date element says little else
DATE_LINK_DEPTH = 4  # a date inside a permalink: the link is one of the few elements around it
DATE_ELEMENTS = 6  # ... and holds few elements (a date split over spans, a time and its link)
# Elements whose runs are page furniture, never a discussion. (Not `aside`: themes put the comments
# there, and a sidebar's widgets are links. Not `form`: ASP.NET wraps the whole page in one.)
FURNITURE = frozenset({"nav", "header", "footer", "menu", "select", "noscript", "script", "style", "template", "head",
                       "svg", "button", "option", "datalist", "figure", "picture", "-text", "-comment"})  # fmt: skip
# Class tokens and ids of the parts of a page that list other pages' things: a sidebar's "recent
# comments" are comments, but on other posts.
ELSEWHERE_DEPTH = 4  # the record and three elements around it (a page's own classes say 'has-sidebar')
ELSEWHERE = re.compile(r"sidebar|side-bar|recent|latest|related|teaser", re.I)
# ... and the words of a heading over such a list ('Recent Comments', 'Empfohlene Beiträge', 'Derniers avis')
ELSEWHERE_HEADING = re.compile(
    r"\b(?:recent|latest|newest|related|popular|recommended|top|most|neueste[nr]?|letzte[nr]?|empfohlene|ähnliche"
    r"|beliebte(?:ste)?|derni(?:e|è)re?s?|populaires|r(?:e|é)cents|recientes|(?:ú|u)ltim[oa]s|relacionad[oa]s|recenti"
    r"|ultimi|nieuwste|recente)\b",
    re.I,
)
# Class tokens that only say where in a list an element stands, not what it is.
POSITION_TOKEN = re.compile(
    r"^(?:odd|even|alt|first|last|active|selected|clearfix|\w*-?(?:odd|even)|depth-\d+|level-\d+)$"
)
# ... or say it at a token's end ('commentBackgroundAlternate' beside 'commentBackground', 'row_even')
POSITION_SUFFIX = re.compile(r"(?:(?<=[a-z])(?:Alternate|Alt|Odd|Even)|[-_](?:alternate|alt|odd|even))$")
# Class tokens of a page's layout grid: its columns and rows come in runs too, each with a date somewhere.
LAYOUT_TOKEN = re.compile(
    r"^(?:col|row|container|grid|column|span\d|wrap|wrapper|inner|outer|cell|layout|pull|push|offset|flex|g-col"
    r"|section|region|block|main|content|page)(?:$|[-_])",
    re.I,
)
# Words that say a part of a page holds reader comments, in the languages the tables know.
CUE = re.compile(
    r"comment|kommentar|r(?:e|é)action|repl(?:y|ies)|respon(?:se|ses|ds)|antwort|leserbrief|leserpost|diskussion"
    r"|discussion|forum|beitr(?:a|ä)ge|review|bewertung|rezension|avis|opinion|meinung|coment(?:a|á)rio|respuesta"
    r"|commentaire|comment[io]|reacties|reactie|opinie|guestbook|g(?:ä|ae)stebuch",
    re.I,
)
CUE_DEPTH = 8  # a record and the elements around it whose class or id may name comments
CUE_SIBLINGS = 3  # elements before each of those where a heading may name them
CUE_WORDS = 8  # a heading or label is this short ('Kommentare (12)', 'Leave a Reply')
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
LABEL_TAGS = frozenset({"div", "p", "span", "b", "strong", "font", "dt", "td"})  # a bare label among siblings
LABEL_CHARS = 80  # a bare label's text is this short, at most (the words are counted after)
LABEL_ELEMENTS = 3  # an element of at most this many elements may be a label ('<p><b>Leserbriefe</b></p>')


@dataclass(frozen=True)
class _Shape:
    """What one element looks like as a record."""

    words: int  # beyond its date element
    link_words: int  # in links of LINK_WORDS or more (headlines, teasers)
    short_link_words: int  # in shorter links (names, buttons, addresses)
    date_target: str | None  # the page its date links to (a comment's permalink: this page; a widget's: another)
    date: LexborNode | None
    headline: bool
    address: bool = False  # its words beyond the date are one web address ('http://flickrcc.bluemountains.net')


def records_rule(generic: Rule) -> Rule:
    """The rule that reads marked records: the generic rule's author, date and text places (its
    author classes in any case), the marked date elements first."""
    return replace(
        generic, name="records", items=f"[{RECORD_ATTR}]", page=None, within=None, exclude=None,
        replies=f"[{REPLIES_ATTR}]", partner_attr=PARTNER_ATTR,
        strict=False, date=(f"[{DATE_ATTR}]", *generic.date), drop=(f"[{DROP_ATTR}]", *generic.drop),
        level_attr=LEVEL_ATTR,
        author=tuple(ANY_CASE.get(selector, selector) for selector in generic.author),
    )  # fmt: skip


def mark_records(tree: LexborHTMLParser) -> int:
    """Mark the page's most comment-like run of records (see the module docstring); how many."""
    body = tree.body
    if body is None:
        return 0
    best: tuple[tuple[int, int], list[LexborNode], list[_Shape]] | None = None
    memo: dict[int, bool] = {}
    runs = list(_runs(body))
    for run in runs:
        if not _cued(run, memo):  # (the cheaper test first)
            continue
        shapes = [_shape(node) for node in run]
        if not _comment_like(shapes):
            continue
        rank = (len(run), -sum(s.words for s in shapes))  # most records; of as many, the smaller ones
        if best is None or rank > best[0]:  # (a page's columns wrap its comments: fewer, larger)
            best = (rank, run, shapes)
    if best is None:
        return _mark_pairs(runs, memo)
    _, run, shapes = best
    run = [node for node, shape in zip(run, shapes, strict=True) if not _no_record(node, shape)]
    wrapped = _wrapped_replies(run)
    records = run + _replies(run) + wrapped
    if len(records) == len(run):  # flat: replies, if any, shown by indentation
        for node, level in zip(run, _levels(run), strict=True):
            if level is not None:
                node.attrs[LEVEL_ATTR] = str(level)
    for node in records:
        _mark(node)
    return len(records)


def _mark_pairs(runs: list[list[LexborNode]], memo: dict[int, bool]) -> int:
    """Comments printed as two siblings each, with no element around them: a text and its byline
    beside it, before or after (Movable Type's `div.commentText` then `p.posted`, 'Posted by: NAME |
    DATE'; a byline `div`, then the text `div`). The largest run of undated, worded siblings whose
    neighbours on one side are all of one kind, dated and short: the texts are the records, each
    neighbour is marked as its record's byline. How many records."""
    best: tuple[list[LexborNode], list[LexborNode], str] | None = None
    for run in (run for run in runs if run[0].tag in BLOCK_TAGS):
        shapes: list[_Shape] | None = None
        for forward, way in ((True, "before"), (False, "after")):  # its record is before it, or after it
            pairs = _paired(run, forward)  # (the cheaper tests first)
            if len(pairs) < max(MIN_RECORDS, MIN_SHARE * len(run)) or (best is not None and len(pairs) <= len(best[0])):
                continue
            texts, partners = [text for text, _ in pairs], [partner for _, partner in pairs]
            if not (_cued(texts, memo) or _cued(partners, memo)):
                continue
            shapes = shapes or [_shape(node) for node in run]
            if all(s.date is None for s in shapes) and _worded(shapes) and _bylines(partners, texts):
                best = (texts, partners, way)
    if best is None:
        return 0
    run, partners, way = best
    for node, partner in zip(run, partners, strict=True):
        _mark(node)
        partner.attrs[PARTNER_ATTR] = way
        (_date_element(partner) or partner).attrs[DATE_ATTR] = "1"
    return len(run)


def _paired(run: list[LexborNode], forward: bool) -> list[tuple[LexborNode, LexborNode]]:
    """Each text of the run with its neighbour on one side, where that neighbour is of the kind most of
    them are (the last text's neighbour may be the comment form)."""
    own = _signature(run[0])
    sample = [_signature(p) for node in run[:3] if (p := _neighbour(node, forward)) is not None]
    if len(set(sample)) == len(sample) or own in sample:  # most runs end here: a list's items border each other
        return []
    found = [(node, partner) for node in run if (partner := _neighbour(node, forward)) is not None]
    kinds = Counter(_signature(partner) for _, partner in found)
    if not kinds:
        return []
    kind = kinds.most_common(1)[0][0]
    return [(node, partner) for node, partner in found if _signature(partner) == kind]


def _worded(shapes: list[_Shape]) -> bool:
    """Whether nearly all of a run's elements hold words of their own, few of them in headline links."""
    count = len(shapes)
    worded = sum(s.words - s.link_words - s.short_link_words >= MIN_WORDS or s.address for s in shapes)
    links = sum(s.link_words for s in shapes) / max(sum(s.words for s in shapes), 1)
    headlines = sum(s.headline for s in shapes)
    return worded >= MIN_SHARE * count and links <= MAX_LINK_SHARE and headlines <= MAX_HEADLINES * count


def _neighbour(node: LexborNode, forward: bool) -> LexborNode | None:
    """The element beside `node` (after it, or before it), past anchors, breaks and hidden elements."""
    current = node.next if forward else node.prev
    steps = 0
    while current is not None and steps <= NEIGHBOUR_STEPS:
        if current.tag not in ("-text", "-comment"):
            if current.tag not in ("a", "br", "hr") and not HIDDEN_STYLE.search(current.attributes.get("style") or ""):
                return current
            steps += 1
        current = current.next if forward else current.prev
    return None


def _bylines(partners: list[LexborNode], texts: list[LexborNode]) -> bool:
    """Whether each text's neighbour is a byline: one each, of one kind, none of the texts, nearly all
    dated and short, their dates not linking to pages in different places."""
    own = {node.mem_id for node in texts}
    if len({_signature(p) for p in partners}) != 1 or len({p.mem_id for p in partners} - own) < len(partners):
        return False
    dates = [_date_element(p) for p in partners]
    dated = sum(d is not None or _prints_date(p) for d, p in zip(dates, partners, strict=True))
    short = sum(len(p.text(separator=" ").split()) <= PARTNER_WORDS for p in partners)
    places = {t.rstrip("/").rsplit("/", 1)[0] for d in dates if d is not None and (t := _target(d)) is not None}
    return min(dated, short) >= MIN_SHARE * len(partners) and len(places) <= 1


def _heading(node: LexborNode, shape: _Shape) -> bool:
    """A member of the run with no date that names the section ('COMMENTS ON THIS STORY', 'Add Your
    Comment'): the list's heading or its link to the form, no comment."""
    text = node.text(separator=" ").split()
    return shape.date is None and len(text) <= CUE_WORDS and CUE.search(" ".join(text)) is not None


def _no_record(node: LexborNode, shape: _Shape) -> bool:
    """A member of the winning run that is none of its comments."""
    return _form_slot(node, shape) or _heading(node, shape) or _hidden(node, shape) or _blank(shape)


def _blank(shape: _Shape) -> bool:
    """A member of the run with no date and no words: a stray empty element of the kind (an article's
    paragraph closed early), no comment."""
    return shape.date is None and shape.words == 0


def _hidden(node: LexborNode, shape: _Shape) -> bool:
    """A member of the run with no date that the page hides (`display: none`): a note shown on demand
    ('What is this? These comments have been recommended...'), not a comment."""
    return shape.date is None and HIDDEN_STYLE.search(node.attributes.get("style") or "") is not None


def _form_slot(node: LexborNode, shape: _Shape) -> bool:
    """A record of the run that holds the comment form and no date: the slot where a new comment is
    written (Movable Type's last div.comments-body), not a comment."""
    return shape.date is None and node.css_first("form") is not None


def _mark(record: LexborNode) -> None:
    """Mark a record, its date element, and its parts that are no text (a running number, buttons)."""
    record.attrs[RECORD_ATTR] = "1"
    date = _date_element(record)
    if date is not None:
        date.attrs[DATE_ATTR] = "1"
        if yearless_stamp(date.text(separator=" ")):  # no date to read, and no part of the text
            date.attrs[DROP_ATTR] = "1"
    for inner in record.traverse(include_text=False):
        if (_leaf(inner) and COUNTER.fullmatch(inner.text().strip())) or _link_bar(inner):
            inner.attrs[DROP_ATTR] = "1"


def _levels(run: list[LexborNode]) -> list[int | None]:
    """Each record's level by its indentation (the least indented 1), when most records print one and
    they differ; else none."""
    indents = [_indent(node) for node in run]
    known = sorted({i for i in indents if i is not None})
    if len(known) < 2 or sum(i is not None for i in indents) < MIN_SHARE * len(run):
        return [None] * len(run)
    rank = {value: n for n, value in enumerate(known, 1)}
    return [rank[i] if i is not None else None for i in indents]


def _indent(node: LexborNode) -> float | None:
    """How far a record is indented, in pixels, where its markup says: a left margin or padding in its
    style or its first elements', or the width of a spacer image (one pixel high) among them."""
    for inner in islice(node.traverse(include_text=False), INDENT_ELEMENTS):
        attrs = inner.attributes
        indent = style_indent(inner)
        if indent is not None:
            return indent
        width = attrs.get("width") or ""
        if inner.tag == "img" and attrs.get("height") in ("0", "1") and width.isdigit():
            return float(width)
    return None


def _link_bar(node: LexborNode) -> bool:
    """A bar of short links between separators ('| parent | next [–]', 'Reply · Quote'): a record's
    buttons, no part of its text. (Not a paragraph or quote: a comment may list its links.)"""
    if node.tag in ("p", "blockquote", "li", "pre") or node.tag in FURNITURE:
        return False
    links = node.css("a")
    if len(links) < LINK_BAR or any(len(a.text(separator=" ").split()) >= LINK_WORDS for a in links):
        return False
    rest = node.text(separator=" ")
    for link in links:
        rest = rest.replace(link.text(separator=" "), " ", 1)
    return bool(BAR_REST.fullmatch(rest)) and any(mark in rest for mark in "|·•")


def _leaf(node: LexborNode) -> bool:
    """An element with no element inside it (text only, or nothing)."""
    child = node.child
    return child is None or (child.tag == "-text" and child.next is None)


def _cued(run: list[LexborNode], memo: dict[int, bool]) -> bool:
    """Whether the run's own markup or the heading just before it names comments: a class or id of a
    record or of an element around it, or a short heading or label before one of them ('3
    Kommentare'), or a data attribute of the record itself (`_data_cue`). `memo` keeps each element's
    answer: runs share the elements around them."""
    if _data_cue(run[0]):
        return True
    for current in _around(run[0], CUE_DEPTH):
        key = current.mem_id
        if key not in memo:
            memo[key] = _says(current, CUE) or any(map(_cue_heading, _siblings_before(current)))
        if memo[key]:
            return True
    return False


def _around(node: LexborNode, depth: int) -> Iterator[LexborNode]:
    """`node` and the elements around it, `depth` in all, below the page's own `<body>`."""
    current: LexborNode | None = node
    for _ in range(depth):
        if current is None or current.tag in PAGE_TAGS:
            return
        yield current
        current = current.parent


def _says(node: LexborNode, words: re.Pattern[str]) -> bool:
    """Whether an element's class or id holds one of `words`."""
    attrs = node.attributes
    return bool(words.search(attrs.get("class") or "") or words.search(attrs.get("id") or ""))


def _data_cue(node: LexborNode) -> bool:
    """Whether an element's data attributes are named for comments (`data-reply-id`, `data-comment-id`:
    a script's handle on each reply, where the classes only style it). Asked of a record only: a
    page's own switches say nothing of what a run inside it is (GitHub's main element carries
    `data-discussion-hovercards-enabled` around its lists of repositories)."""
    return any(name.startswith("data-") and CUE.search(name) is not None for name in node.attributes)


def _siblings_before(node: LexborNode) -> Iterator[LexborNode]:
    sibling, steps = node.prev, 0
    while sibling is not None and steps < CUE_SIBLINGS:
        if sibling.tag not in ("-text", "-comment"):
            yield sibling
            steps += 1
        sibling = sibling.prev


def _cue_heading(node: LexborNode) -> bool:
    """A heading that names comments (the element, or a heading inside it), a small label that does, or
    an anchor named for them (`<a name="comments">`); not one over other pages' ('Recent Comments')."""
    if node.tag == "a" and CUE.search(node.attributes.get("name") or "") and not node.text().strip():
        return True
    heading = node if node.tag in HEADINGS else node.css_first(", ".join(HEADINGS))
    if heading is None and len(list(islice(node.traverse(include_text=False), LABEL_ELEMENTS + 1))) > LABEL_ELEMENTS:
        return False
    text = " ".join((heading or node).text(separator=" ").split())
    return len(text.split()) <= CUE_WORDS and CUE.search(text) is not None and not ELSEWHERE_HEADING.search(text)


def _signature(node: LexborNode) -> tuple[str, str]:
    """What makes siblings the same kind of element: the tag and the first class token that does not
    only say the element's position, nor its place in a layout grid when another token says more
    ('grid_line bu_cuisine_avis' is a 'bu_cuisine_avis'), numbers of three digits or more taken out
    ('comment-1234' and 'comment-1235' are alike; 'col-md-8' and 'col-md-2' are not), and a last word
    saying its place in an alternation ('commentBackgroundAlternate' is a 'commentBackground')."""
    tokens = [t for t in (node.attributes.get("class") or "").split() if not POSITION_TOKEN.match(t)]
    token = next((t for t in tokens if not LAYOUT_TOKEN.match(t)), tokens[0] if tokens else "")
    return node.tag or "", re.sub(r"\d{3,}", "", POSITION_SUFFIX.sub("", token))


def _runs(body: LexborNode) -> Iterator[list[LexborNode]]:
    """Every group of two or more sibling elements of one signature, outside page furniture; and of a
    group with a heading naming comments among its members, also the members after the last such
    heading: an article's paragraphs and the comments under its 'Comments' heading may be of one
    kind (the Telegraph's `p.story`), where a forum's opening post and the replies under '15 Replies'
    are one discussion."""
    stack = [body]
    while stack:
        parent = stack.pop()
        groups: dict[tuple[str, str], list[LexborNode]] = defaultdict(list)
        headings = 0  # such headings among the parent's elements so far
        seen: dict[tuple[str, str], int] = {}  # per group, the headings before its last member
        tails: dict[tuple[str, str], int] = {}  # ... and where its members after the last of them start
        children = [child for child in parent.iter() if child.tag not in FURNITURE]
        split = len(children) > MIN_RECORDS + 1  # (room for a member, a heading and a run after it)
        for child in children:
            headings += split and _section_heading(child)
            kind = _signature(child)
            if seen.setdefault(kind, headings) != headings:
                seen[kind], tails[kind] = headings, len(groups[kind])
            groups[kind].append(child)
            stack.append(child)
        for kind, group in groups.items():
            if len(group) < MIN_RECORDS or LAYOUT_TOKEN.match(kind[1]) or _elsewhere(group[0]):
                continue
            yield group
            start = tails.get(kind, 0)
            if start and len(group) - start >= MIN_RECORDS:
                yield group[start:]


def _section_heading(node: LexborNode) -> bool:
    """A heading, an anchor or a bare label that names comments (`_cue_heading`), tried only on elements
    that may be one: headings, named anchors, elements holding a short text alone."""
    tag = node.tag
    if tag in HEADINGS:
        return _cue_heading(node)
    if tag == "a" and "name" in node.attributes:
        return CUE.search(node.attributes.get("name") or "") is not None and not node.text().strip()
    if tag not in LABEL_TAGS:
        return False
    child = node.child
    if child is None or child.tag != "-text" or child.next is not None:
        return False
    text = child.text_content or ""
    return len(text) <= LABEL_CHARS and CUE.search(text) is not None and _cue_heading(node)


def _elsewhere(node: LexborNode) -> bool:
    """Whether a record or the few elements around it say it lists other pages' things (a widget)."""
    return any(_says(current, ELSEWHERE) for current in _around(node, ELSEWHERE_DEPTH))


def _shape(node: LexborNode) -> _Shape:
    date = _date_element(node)
    text_words = node.text(separator=" ").split()
    date_words = date.text(separator=" ").split() if date is not None else []
    words = len(text_words) - len(date_words)
    links = [len(a.text(separator=" ").split()) for a in node.css("a[href]")]
    headline = any(len(a.text(separator=" ").split()) >= LINK_WORDS
                   for a in node.css("h1 a[href], h2 a[href], h3 a[href], h4 a[href]"))  # (not a name in a heading)
    own = " ".join(text_words).replace(" ".join(date_words), "", 1) if date_words else " ".join(text_words)
    return _Shape(words=words, link_words=sum(n for n in links if n >= LINK_WORDS),
                  short_link_words=sum(n for n in links if n < LINK_WORDS), date=date, headline=headline,
                  date_target=_target(date) if date is not None else None,
                  address=BARE_ADDRESS.fullmatch(own.strip()) is not None)  # fmt: skip


def _target(date: LexborNode) -> str | None:
    """The address a date links to, without its fragment and query ('#comment-12'), if it is a link."""
    inner = [a for a in date.css("a[href]") if _dated(" ".join(a.text(separator=" ").split()))]
    link = date if date.tag == "a" else inner[0] if inner else None
    if link is None:
        link = next((a for a in _around(date, DATE_LINK_DEPTH) if a.tag == "a"), None)
    href = (link.attributes.get("href") or "") if link is not None else ""
    return re.split(r"[#?]", href, maxsplit=1)[0] or None


def _date_element(node: LexborNode) -> LexborNode | None:
    """The innermost short element inside `node` that prints a date (or a relative one), if any: the
    first such element in page order, then the first inside it, and so on."""
    found = None
    scope = node
    while True:
        inner = next((n for n in scope.traverse(include_text=False)
                      if n.mem_id != scope.mem_id and n.tag not in FURNITURE and _prints_date(n)), None)  # fmt: skip
        if inner is None:
            return found
        found = scope = inner


def _prints_date(node: LexborNode) -> bool:
    """A `datetime` attribute; or a date in the element's own text (beside its buttons and links), or in
    all of its text when it is a small element (a date split over spans)."""
    if node.attributes.get("datetime"):
        return True
    if _dated(" ".join(node.text(deep=False, separator=" ").split())):
        return True
    small = len(list(islice(node.traverse(include_text=False), DATE_ELEMENTS + 1))) <= DATE_ELEMENTS
    return small and _dated(" ".join(node.text(separator=" ").split()))


def _dated(text: str) -> bool:
    if len(text) > MAX_DATE_CHARS:
        return False
    if any(c.isdigit() for c in text) and (to_iso(text) or to_iso(text, "month") or yearless_stamp(text)):
        return True  # ('04/05/2016' either way; 'January 7 17:00' has no year, but is a record's stamp)
    return relative_date(text)


def _comment_like(shapes: list[_Shape]) -> bool:
    """Whether a run of records reads as a discussion (dated, worded, not links, not teasers)."""
    dated = sum(s.date is not None for s in shapes)
    # dates that link to pages in different places (not one thread's permalinks): a widget's list
    places = {target.rstrip("/").rsplit("/", 1)[0] for s in shapes if (target := s.date_target) is not None}
    return len(places) <= 1 and dated >= MIN_SHARE * len(shapes) and _worded(shapes)


def _wrapped_replies(run: list[LexborNode]) -> list[LexborNode]:
    """Replies in a wrapper of their own right after the record they answer (CyberCook's `div.ml-6`
    after each comment, a reply to a reply in another inside it): each such wrapper is marked with
    `REPLIES_ATTR` (the records rule's `replies`: a wrapper's records answer the record before it)
    and its records of the run's kind are returned, in page order. A wrapper holds nothing else."""
    kinds = {_signature(node) for node in run}
    own = {node.mem_id for node in run}
    found: list[LexborNode] = []
    for node in run:
        sibling = node.next
        while sibling is not None and sibling.mem_id not in own:
            if sibling.tag not in ("-text", "-comment") and not _bare_anchor(sibling):
                inner = _wrapper_records(sibling, kinds)
                if not inner:
                    break
                found.extend(inner)
            sibling = sibling.next
    return found


def _wrapper_records(wrapper: LexborNode, kinds: set[tuple[str, str]]) -> list[LexborNode]:
    """The records of `kinds` a reply wrapper holds (and those of the wrappers inside it, marked as
    well), or [] when it holds anything else or none."""
    records: list[LexborNode] = []  # in page order: a nested wrapper's after the record it answers
    child = wrapper.child
    while child is not None:
        if child.tag == "-text" and (child.text_content or "").strip():
            return []
        if child.tag not in ("-text", "-comment") and not _bare_anchor(child):
            if _signature(child) in kinds:
                records.append(child)
            else:
                inner = _wrapper_records(child, kinds) if records else []
                if not inner:
                    return []
                records.extend(inner)
        child = child.next
    if records:
        wrapper.attrs[REPLIES_ATTR] = "1"
    return records


def _bare_anchor(node: LexborNode) -> bool:
    """A link target with nothing in it (LWN's `<a name="CommAnchor251026"></a>` before each comment)."""
    return node.tag == "a" and node.child is None and "href" not in node.attributes


def _replies(run: list[LexborNode]) -> list[LexborNode]:
    """Elements of the run's kind nested inside its records (replies), in page order."""
    kinds = {_signature(node) for node in run}
    own = {node.mem_id for node in run}
    found = []
    for node in run:
        for inner in node.traverse(include_text=False):
            if inner.mem_id not in own and _signature(inner) in kinds and inner.tag not in FURNITURE:
                found.append(inner)
    return found
