"""How one rule of the selector table reads the comments of a parsed page.

A rule names the comment elements of one comment system and, relative to each, where its author,
date and text are. Every element a rule selects becomes a comment record (or a warning says why
not), so no comment text is dropped silently. This module finds the comment elements, nests
replies and reads each comment's text; which element owns a node is `html_ownership`, a comment's
author and date `html_meta`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from commentscope.dates import date_span, relative_span
from commentscope.grammar import FORM_META, ROLE_LABELS
from commentscope.model import CommentRecord
from commentscope.patterns import SUBJECT_LINE, page_knowledge, rating_line, shared_word, word_pattern
from commentscope.readers.html_meta import AUTHOR_HEAD_RE, LABEL_NOUNS, comment_meta, element_before
from commentscope.readers.html_ownership import RulePage, select
from commentscope.readers.html_rules import Rule
from commentscope.readers.html_text import inline_text, node_lines, node_text

MIN_WORDS_STRICT = 2  # the generic rule's comment needs at least this many words
MAX_LINK_SHARE = 0.5  # ... and at most this share of its text inside links
PINGBACK_RE = re.compile(r"^(?:(?:pingback|trackback)\b|\[(?:…|\.\.\.)\])", re.I)  # other blogs' links, excerpts
# a quote box that prints whom it quotes in an element of its own ('TexticonQuoteName', 'quote-author')
QUOTE_BOX = (
    "[class*='quote' i]:has([class*='quotename' i], [class*='quote-name' i], [class*='quoteauthor' i],"
    " [class*='quote-author' i])"
)
# a forum's box around a quoted post, by a class of its own: 'quote' (MacRumors), 'bbcode_quote',
# 'mycode_quote', 'bbc_standard_quote', 'ip-ubbcode-quote', 'xfBb-quote', 'quotebox', 'quoted';
# not an icon's ('fa-quote-left') nor a button's (an <li>, <a> or <span>)
QUOTE_BOX_CLASS = re.compile(r"^(?:[a-z0-9]+[_-])*quote(?:box|d)?$", re.I)
QUOTE_BOX_TAGS = frozenset({"p", "div", "blockquote", "section", "aside", "table", "dl"})
# the class of a reply block inside a comment ('comment-reply'), not of a comment's own header
# ('comment-header', 'c-comment__header', 'comment-meta') nor of a quoted post ('ipsQuote')
INNER_REPLY = re.compile(r"^(?!.*(?:header|meta|author|byline|info|footer)).*(?:comment|reply|antwort|respon)",
                         re.I)
QUOTE_CLASS = re.compile(r"quote|zitat|citation", re.I)
MAX_NAME_CHARS = 80  # an author element's text
MAX_BYLINE_NAME, MAX_BYLINE_WORDS = 40, 4  # a name in a text's first line 'By NAME at DATE'
BYLINE_TAIL_RE = re.compile(r"\s+(?:at|on|@)\s*$", re.I)  # 'By NAME at' before a date element of its own
BYLINE_JOINER_RE = re.compile(r"(?:\s+(?:at|on|am|um|le|el|il|op|-|–|—|\||,|·))+\s*$", re.I)  # before its date
QUOTE_LABEL_NOT = frozenset({"blockquote", "p", "div"})  # elements before a blockquote that are no quote's label
# ... but a paragraph that names the quoted post's writer with a mention is: NodeBB's "@JonB said in TOPIC:"
MENTION_QUOTE_LABEL = re.compile(r"@\S{1,60}\s+(?:said|wrote|schrieb|a dit|ha scritto|dijo)\s+in\s+.{1,200}:", re.I)
# a forum quote's attributes naming its poster (XenForo's, Invision's `data-ipsquote-username`)
QUOTE_SOURCE_ATTRS = ("data-quote", "data-name", "data-author", "data-ipsquote-username")
PAGE_TAGS = frozenset({"html", "body"})  # their classes describe the layout ('sidebar'), not a part of it
INDENT_STYLE = re.compile(r"(?:margin|padding)-left\s*:\s*(\d+(?:\.\d+)?)\s*(px|r?em)?", re.I)


@dataclass(frozen=True)
class FoundComment:
    """A comment record and the element it was read from (for `--explain`)."""

    record: CommentRecord
    element: str


@dataclass(frozen=True)
class Extraction:
    """What one rule read from a page."""

    rule: str
    comments: tuple[FoundComment, ...]
    warnings: tuple[str, ...] = field(default=())


def describe(node: LexborNode) -> str:
    """A short name for an element: tag#id.class.class (what `--explain` prints)."""
    attrs = node.attributes
    out = node.tag or "?"
    if attrs.get("id"):
        out += f"#{attrs['id']}"
    classes = (attrs.get("class") or "").split()[:4]
    return out + "".join(f".{c}" for c in classes)


def extract(tree: LexborHTMLParser, rule: Rule) -> Extraction | None:
    """The comments `rule` finds on the page, or None when the rule does not apply."""
    if rule.page and tree.css_first(rule.page) is None:
        return None
    items = _candidate_items(tree, rule)
    if not items:
        return None
    page = RulePage(tree, rule, items)
    inner = _inner_replies(page, items)
    if inner:  # the page seen again, with the replies among the comment elements
        order = {node.mem_id: n for n, node in enumerate(tree.root.traverse(include_text=False))} if tree.root else {}
        items = sorted([*items, *inner], key=lambda node: order.get(node.mem_id, 0))
        page = RulePage(tree, rule, items)
    drop_ids = {n.mem_id for selector in rule.drop for n in page.css(selector)}
    skip_base = page.item_ids | drop_ids
    meta = comment_meta(page, items, skip_base)  # the elements they came from are not comment text
    authors, dates = meta.authors, meta.dates
    opening = {n.mem_id for n in page.css(rule.opening)} & page.item_ids if rule.opening else set()
    texts = _texts(page, rule, skip_base | meta.elements | _quoted_posts(page, skip_base) | _subject_lines(items),
                   items, opening)
    staff = {owner for owner, _, _ in page.owned([rule.staff])} if rule.staff else set()
    source_ids = _source_ids(page, items)
    wrappers = _wrappers(page, items, texts, authors)
    holders = _list_holders(page, items, wrappers)
    wrappers = {outer: inner for outer, inner in wrappers.items() if outer not in holders}
    heir = {outer: _heir(wrappers, outer) for outer in wrappers}
    heirs = {inner: _up(page, inner, wrappers) for inner in set(heir.values())}  # inner inherits marks
    warnings: list[str] = []
    found: list[FoundComment] = []
    used: set[str] = set()
    last_at_level: list[int] = []  # flat lists with level classes: the latest comment per level
    indented = _indent_levels(page, items, rule)
    from_zero = _levels_from_zero(items, rule)
    unleveled = _marked_alike(items, rule)
    removed: dict[int, int | None] = {}  # elements the generic rule turned down: replies go up
    shown: dict[str, tuple[str | None, str]] = {}  # a source id's author and text, as first read
    shown_at: dict[str, int] = {}
    for position, item in enumerate(items):
        key = item.mem_id
        if key in wrappers:
            continue
        if key in holders:  # its comments are its parent's
            removed[key] = page.parent_item(item)
            continue
        outer = heirs.get(key, key)
        text = texts.get(key, "")
        has_meta = key in authors or key in dates or outer in authors or outer in dates
        author = authors.get(key) or authors.get(outer)
        if PINGBACK_RE.match(author or "") or PINGBACK_RE.match(text):
            removed[key] = page.parent_item(item)
            warnings.append(f"{describe(item)} is a pingback or trackback, not read as a comment")
            continue
        signed = (key in authors or outer in authors) and (key in dates or outer in dates)
        if (rule.strict and not _comment_like(item, text, has_meta, signed)) or (key in opening and not text):
            removed[key] = page.parent_item(item)
            continue
        printed = source_ids.get(key)
        if printed is not None and shown.get(printed) == (author, text):  # a theme that prints its list twice
            removed[key] = shown_at[printed]
            warnings.append(f"{describe(item)} repeats comment {printed}; read once")
            continue
        if not text:
            warnings.append(f"comment element {describe(item)} has no text; kept with empty text")
        parent = None if rule.flat else page.parent_item(item)
        if parent in opening:  # a forum's answers to its opening post are its thread's top level
            parent = None
        while parent is not None and parent in removed:
            parent = removed[parent]
        if parent is None and (indented or rule.level_pattern or rule.level_text or rule.level_attr):
            level = 0 if unleveled else min(indented[key] if indented else _level(item, rule, from_zero),
                                            len(last_at_level))
            del last_at_level[level:]
            parent = last_at_level[-1] if last_at_level else None
            last_at_level.append(key)
        while parent is not None and parent in wrappers:  # a wrapper stands for its innermost heir
            if heir[parent] != key:
                parent = heir[parent]
                break
            parent = page.parent_item(page.nodes[parent])
        sid = source_ids.get(key) or source_ids.get(outer) or f"#{position}"
        if sid in used:
            sid = f"{sid}#{position}"
        used.add(sid)
        if printed is not None:
            shown.setdefault(printed, (author, text))
            shown_at.setdefault(printed, key)
        source_ids[key] = sid
        found.append(FoundComment(CommentRecord(
            source_id=sid, parent_id=source_ids.get(parent) if parent is not None else None,
            author=author, text=text, date=dates.get(key) or dates.get(outer),
            marked_staff=key in staff or outer in staff,
        ), describe(item)))  # fmt: skip
    if not any(f.record.text for f in found):
        return None
    return Extraction(rule.name, tuple(_without_subjects(found)), tuple(warnings))


def with_byline_authors(extraction: Extraction) -> Extraction:
    """The comments that have no author but whose text opens with a byline ('By DUMAS'), named by it."""
    comments = []
    for found in extraction.comments:
        author, text = (None, found.record.text) if found.record.author else _byline_line(found.record.text)
        comments.append(replace(found, record=replace(found.record, author=author, text=text)) if author else found)
    return replace(extraction, comments=tuple(comments))


def _byline_line(text: str) -> tuple[str | None, str]:
    """A text whose first line is a byline ('BY TAROCHAN AT 01/08/08 05:30 PM', 'By DUMAS'), with more
    lines after it: the name, and the text without that line. Else no name, and the text as it is."""
    first, _, rest = text.partition("\n")
    head = AUTHOR_HEAD_RE.match(first)
    if head is None or not rest.strip():
        return None, text
    name = first[head.end() :]
    span = date_span(name) or date_span(name, "month") or relative_span(name)  # (only where: either order)
    if span is not None:
        name = BYLINE_JOINER_RE.sub("", name[: span[0]])
    name = BYLINE_TAIL_RE.sub("", name.strip(" \t-–—|,:·•"))  # (its date in an element of its own)
    if not 0 < len(name) <= MAX_BYLINE_NAME or len(name.split()) > MAX_BYLINE_WORDS:
        return None, text
    return name, rest.lstrip("\n")



SUBJECT_CLASS = re.compile(r"(?:^|[-_])(?:title|subject)$|[a-z](?:Title|Subject)$")  # 'CommentTitle', 'comment-subject'
SUBJECT_WORDS = 15  # a comment's subject line is short


def _subject_lines(items: list[LexborNode]) -> set[int]:
    """Each comment's subject line (LWN's `p.CommentTitle`, Drupal's `h3.comment-subject`): its first
    element, short, with a class naming a title or subject, where two comments or more open so."""
    found = set()
    for item in items:
        first = item.child
        while first is not None and first.tag in ("-text", "-comment"):
            first = first.next
        classes = (first.attributes.get("class") or "").split() if first is not None else []
        if first is not None and any(SUBJECT_CLASS.search(c) for c in classes) and (
                len(first.text(separator=" ").split()) <= SUBJECT_WORDS):
            found.add(first.mem_id)
    return found if len(found) >= 2 else set()


def _without_subjects(found: list[FoundComment]) -> list[FoundComment]:
    """A first line 'Re: SUBJECT' that opens two or more comments' texts is their subject, no text."""
    firsts = [f.record.text.split("\n", 1) for f in found]
    counts = Counter(lines[0] for lines in firsts if len(lines) == 2 and SUBJECT_LINE.match(lines[0]))
    out = []
    for f, lines in zip(found, firsts, strict=True):
        subject = len(lines) == 2 and counts[lines[0]] >= 2
        out.append(replace(f, record=replace(f.record, text=lines[1].lstrip("\n"))) if subject else f)
    return out



def _inner_replies(page: RulePage, items: list[LexborNode]) -> list[LexborNode]:
    """The replies the items hold where no selector of the rule names them (Carnegie's
    div.comment-reply inside its parent's div.comment-content): inside a comment, around an author
    element of the comment's own kind that names someone else, the nearest block whose class says
    reply or comment (not a quote's, a header's) and that holds a date element, no other author
    element and none of the comment's text elements. A quote box on the way makes it a quote."""
    rule = page.rule
    if rule.flat or rule.pair or rule.level_attr:  # (the shape's records: their replies are found by their kind)
        return []
    authors: dict[int, list[tuple[int, LexborNode]]] = {}
    knowledge = page_knowledge()
    for owner, hit, rank in page.owned(rule.author):
        name = hit.text().strip()
        if hit.mem_id != owner and 0 < len(name) <= MAX_NAME_CHARS and knowledge.meta_kind(name) not in ROLE_LABELS:
            authors.setdefault(owner, []).append((rank, hit))  # a name (not a whole comment, not a badge: 'Author')
    if not any(len(hits) > 1 for hits in authors.values()):
        return []
    dated: dict[int, set[int]] = {}
    for owner, hit, _ in page.owned(rule.date):
        dated.setdefault(owner, set()).update(n.mem_id for n in _ancestors(hit, owner))
    texts: dict[int, set[int]] = {}
    for owner, hit, _ in page.owned(rule.text):
        texts.setdefault(owner, set()).update(n.mem_id for n in _ancestors(hit, owner))
    extra: list[LexborNode] = []
    for owner, hits in authors.items():
        best = min(rank for rank, _ in hits)
        same = [hit for rank, hit in hits if rank == best]
        names = [" ".join(hit.text().split()).casefold() for hit in same]
        chains = [_ancestors(hit, owner) for hit in same]
        for n in range(1, len(same)):
            if names[n] == names[0]:  # the comment's own name again (beside its avatar, over its text)
                continue
            others = {node.mem_id for m, chain in enumerate(chains) if m != n for node in chain}
            block = _reply_block(chains[n][1:], others, dated.get(owner, set()), texts.get(owner, set()))
            if block is not None:
                extra.append(block)
    return extra


def _reply_block(around: list[LexborNode], others: set[int], dated: set[int], texts: set[int]) -> LexborNode | None:
    """The nearest of the elements `around` a name (innermost first) that reads as a reply block."""
    for node in around:
        key, cls = node.mem_id, node.attributes.get("class") or ""
        if key in others or key in texts or QUOTE_CLASS.search(cls) or node.tag == "blockquote":
            return None
        if INNER_REPLY.search(cls) and key in dated:
            return node
    return None


def _ancestors(node: LexborNode, stop: int | None = None) -> list[LexborNode]:
    """The node and the elements around it, innermost first, up to (not including) the element `stop`,
    else up to the page's own `<body>`."""
    chain = []
    current: LexborNode | None = node
    while current is not None and current.mem_id != stop and current.tag not in PAGE_TAGS:
        chain.append(current)
        current = current.parent
    return chain


def _candidate_items(tree: LexborHTMLParser, rule: Rule) -> list[LexborNode]:
    items = select(tree, rule.items)
    if not items:
        return []
    inside: set[int] = set()
    for selector, wanted in ((rule.within, True), (rule.exclude, False)):
        if not selector:
            continue
        marks = {n.mem_id for n in tree.css(selector) if wanted or not _layout(n)}
        memo: dict[int, bool] = {}
        inside = {i.mem_id for i in items if (not wanted and i.mem_id in marks) or _under(i, marks, memo)}
        items = [i for i in items if (i.mem_id in inside) == wanted]
    if rule.strict:
        items = [i for i in items if _strict_item(i, rule)]
    return items


def _layout(node: LexborNode) -> bool:
    """An excluded class on the page itself or on a wrapper that holds the page's headline (a theme's
    `div.mainwrap.sidebar`: the layout has a sidebar) describes the layout, not a sidebar or widget."""
    return node.tag in PAGE_TAGS or node.css_first("h1") is not None


def _strict_item(node: LexborNode, rule: Rule) -> bool:
    """The generic rule takes an element only when a class token or its id says "comment", or when it
    is a child of a list whose class token or id says "comment list"."""
    classes = (node.attributes.get("class") or "").split()
    if rule.strict_class and any(rule.strict_class.fullmatch(c) for c in classes):
        return True
    if rule.strict_id and rule.strict_id.fullmatch(node.attributes.get("id") or ""):
        return True
    parent = node.parent
    if rule.strict_list is None or parent is None:
        return False
    names = [*(parent.attributes.get("class") or "").split(), parent.attributes.get("id") or ""]
    return any(rule.strict_list.fullmatch(name) for name in names)


def _under(node: LexborNode, marks: set[int], memo: dict[int, bool]) -> bool:
    """Whether an ancestor of `node` (not itself) is marked; memoised so nested items cost little."""
    path: list[int] = []
    current = node.parent
    result = False
    while current is not None:
        key = current.mem_id
        if key in memo:
            result = memo[key]
            break
        path.append(key)
        if key in marks:
            result = True
            break
        current = current.parent
    for key in path:
        memo[key] = result
    return result



def _levels_from_zero(items: list[LexborNode], rule: Rule) -> bool:
    """Whether the page counts its level classes from 0: some comment is `level-0` or `--level-root`
    (then `level-1` is a reply; elsewhere `level-1`, like `depth-1`, is the top)."""
    if rule.level_pattern is None:
        return False
    for item in items:
        match = rule.level_pattern.search(item.attributes.get("class") or "")
        if match is not None and next((g for g in match.groups() if g), None) in ("0", "root"):
            return True
    return False


def _marked_alike(items: list[LexborNode], rule: Rule) -> bool:
    """Whether every comment of a page carries the same bare level class ('reply' on each of a forum's
    posts): a mark all of them share tells no comment's level."""
    if rule.level_pattern is None or len(items) < 2:
        return False
    matches = [rule.level_pattern.search(item.attributes.get("class") or "") for item in items]
    if not all(m is not None and not any(m.groups()) for m in matches):
        return False
    return len({m.group(0).strip() for m in matches if m is not None}) == 1


def _level(item: LexborNode, rule: Rule, from_zero: bool = False) -> int:
    """A comment's level from its class (`depth-3` is level 2, a bare indent class level 1; counted
    from 0 where the page's classes are, `from_zero`), else from the first line of its text that says
    it (Reddit's 'level 3' is level 2), else from the rule's level attribute (1 for the top)."""
    held = (item.attributes.get(rule.level_attr) or "") if rule.level_attr else ""
    if held.isdigit():
        return max(int(held) - 1, 0)
    match = rule.level_pattern.search(item.attributes.get("class") or "") if rule.level_pattern else None
    if match is None and rule.level_text:
        match = next(filter(None, map(rule.level_text.search, node_lines(item))), None)
    if match is None:
        return 0
    digits = next((g for g in match.groups() if g), None)
    if digits == "root":
        return 0
    return max(int(digits) - (0 if from_zero else 1), 0) if digits else 1



def style_indent(node: LexborNode) -> float | None:
    """A left margin or padding in an element's style, in pixels (an em counted as 16)."""
    found = INDENT_STYLE.search(node.attributes.get("style") or "")
    if found is None:
        return None
    return float(found.group(1)) * (16 if (found.group(2) or "").lower().endswith("em") else 1)


def _indent_levels(page: RulePage, items: list[LexborNode], rule: Rule) -> dict[int, int]:
    """Replies that a page places beside their parent, each in a wrapper indented by its style
    (`<div style="padding-left:50px">` around a reply): each item's level (0 for the top) by the
    indentation of the elements between it and the element that holds every item. Only where
    nothing else says (no item inside another, no level class or attribute) and the indentations
    differ; else none."""
    if rule.flat or rule.level_text or rule.level_attr or len(items) < 2:
        return {}
    if any(page.parent_item(item) is not None for item in items):
        return {}
    if rule.level_pattern and any(rule.level_pattern.search(i.attributes.get("class") or "") for i in items):
        return {}
    chains = [_ancestors(item) for item in items]
    common = {n.mem_id for n in chains[0]}
    for chain in chains[1:]:
        common.intersection_update(n.mem_id for n in chain)
    indents = [sum(style_indent(n) or 0.0 for n in chain if n.mem_id not in common) for chain in chains]
    known = sorted(set(indents))
    if len(known) < 2:
        return {}
    rank = {value: n for n, value in enumerate(known)}
    return {item.mem_id: rank[i] for item, i in zip(items, indents, strict=True)}


def _texts(
    page: RulePage, rule: Rule, skip: set[int], items: list[LexborNode], opening: set[int]
) -> dict[int, str]:
    """Per comment element: the text of its owned hits of the first text selector that has any (an
    opening post with none has none: the thread's title and counts are no post)."""
    hits: dict[int, tuple[int, list[LexborNode]]] = {}
    for owner, hit, rank in page.owned(rule.text):
        held = hits.get(owner)
        if held is None or rank < held[0]:
            hits[owner] = (rank, [hit])
        elif rank == held[0]:
            held[1].append(hit)
    texts: dict[int, str] = {}
    for item in items:
        key = item.mem_id
        nodes = hits.get(key, (0, []))[1]
        taken: set[int] = set()
        parts = []
        for node in nodes:  # an inner hit inside an outer one is already read
            if not _under_any(node, taken, key):
                parts.append(node_text(node, skip))
                taken.add(node.mem_id)
        text = "\n".join(p for p in parts if p)
        if not nodes and key not in opening:  # no text element: the whole element but its parts that are not text
            # (an empty one is an empty text: a shop review's empty body under its labels is a rating)
            text = _without_label(node_text(item, skip))
        texts[key] = _without_buttons(text)
    return texts


def _quoted_posts(page: RulePage, skip: set[int]) -> set[int]:
    """Quote boxes by their class (QUOTE_BOX_CLASS), and blockquotes (and quote boxes) that name whom
    they quote, in an attribute (XenForo's `data-quote`,
    `data-name`), in an element of their own (QUOTE_BOX) or by opening with it ('michaelbrandi said:',
    'Zitat von Ann', judged without what the rule drops): a forum post quoting another one, whose text
    is that other post's, not this one's. (vBulletin's post body is itself a blockquote: its own quote
    box is dropped, so it opens with the post's words.)"""
    intro = word_pattern("quote_intro")
    found = {box.mem_id for box in page.css(QUOTE_BOX)}
    found.update(box.mem_id for box in page.css("[class*='quote' i]") if box.tag in QUOTE_BOX_TAGS
                 and any(QUOTE_BOX_CLASS.match(token) for token in (box.attributes.get("class") or "").split()))
    for quote in page.css("blockquote"):
        if any((quote.attributes.get(name) or "").strip() for name in QUOTE_SOURCE_ATTRS):
            found.add(quote.mem_id)
            continue
        lines = node_lines(quote, skip)
        if lines and intro.fullmatch(lines[0]):
            found.add(quote.mem_id)
            continue
        label = element_before(quote)  # Something Awful's <h4>NAME posted:</h4> just before it
        if label is None:
            continue
        if ((label.tag not in QUOTE_LABEL_NOT and intro.fullmatch(label.text(strip=True)))
                or MENTION_QUOTE_LABEL.fullmatch(" ".join(label.text().split()))):
            found.update((quote.mem_id, label.mem_id))
    return found


def _without_label(text: str) -> str:
    """A comment element read whole keeps, around its author's name, the label that introduced it:
    'Kommentar von' (the name came out), Kubrick's 'Says:'. Such lines at the top go."""
    lines = text.split("\n")
    while len(lines) > 1 and _label_line().match(lines[0]):
        del lines[0]
    return "\n".join(lines)


def _without_buttons(text: str) -> str:
    """A button's label left at the end or the start of a text ('Antworten', 'Reply', '[ antworten ]')
    goes: buttons whose markup no rule names (a theme's own classes) still print one of a few words.
    So does a review's rating or purchase badge before or after its words ('5.0 out of 5 stars',
    'Rating: 3 stars', '5 of 5', '(4/5)', '★★★★', 'Verified Purchase'): the widget's, not the reader's.
    So does a separator left from a 'NAME, DATE' line whose name and date were taken out, and the
    words that joined them ('Posted by NAME on DATE' leaves 'Posted by on'), and a link to the comment
    form after each comment ('Post a comment')."""
    lines = text.split("\n")
    knowledge = page_knowledge()
    while len(lines) > 1 and (_button_line().match(lines[-1]) or rating_line(lines[-1])
                              or knowledge.meta_kind(lines[-1]) == FORM_META):
        del lines[-1]
    while len(lines) > 1 and (_button_line().match(lines[0]) or rating_line(lines[0])
                              or _byline_words().match(lines[0])):
        del lines[0]
    return "\n".join(lines)


@cache
def _byline_words() -> re.Pattern[str]:
    """A line of nothing but a byline's joining words and separators ('Posted by on', 'By | at')."""
    words = "|".join(shared_word(name) for name in ("byline_lead", "date_lead", "says"))
    return re.compile(rf"^(?:(?:{words})\b\s*[:,|·•–—-]?\s*)+$", re.I)


@cache
def _button_line() -> re.Pattern[str]:
    """One button's label as a line of an element's text, maybe in brackets ('[ antworten ]', '(Reply)'),
    a row of labels side by side ('Alerter Répondre': inline links the template set on lines of
    their own), or a separator alone. Its words are the text parser's (`[words] action` in page_patterns.toml);
    the line shape is its own: the text parser's `action` and `reply` meta lines (`grammar.BUTTON_META`)
    are a converter's button row, several buttons joined on one line ('Reply • Share ›'), with no
    parentheses and no lone ',' or ';', so one pattern for both would change what either reads."""
    action = shared_word("action")
    return re.compile(rf"^(?:[\[(]\s*)?(?:{action}(?:\s+{action})*|[,;|·•–—]+)(?:\s*[\])])?$", re.I)


@cache
def _label_line() -> re.Pattern[str]:
    words = f"comments|{LABEL_NOUNS}"
    return re.compile(rf"^(?:(?:{words})(?:\s+(?:by|von|de|par|di|door))?|{shared_word('says')})\s*[:.]?$", re.I)


def _under_any(node: LexborNode, marks: set[int], stop: int) -> bool:
    current = node.parent
    while current is not None and current.mem_id != stop:
        if current.mem_id in marks:
            return True
        current = current.parent
    return False


def _heir(wrappers: dict[int, int], outer: int) -> int:
    """The comment element a chain of wrappers finally stands for."""
    inner = wrappers[outer]
    while inner in wrappers:
        inner = wrappers[inner]
    return inner


def _up(page: RulePage, inner: int, wrappers: dict[int, int]) -> int:
    """The outermost wrapper whose heir is `inner` (marks such as bypostauthor sit on it)."""
    outer = inner
    parent = page.parent_item(page.nodes[inner])
    while parent is not None and wrappers.get(parent) == outer:
        outer, parent = parent, page.parent_item(page.nodes[parent])
    return outer


def _wrappers(
    page: RulePage, items: list[LexborNode], texts: dict[int, str], authors: dict[int, str]
) -> dict[int, int]:
    """Comment elements that only wrap another (WordPress themes: li.comment > article.comment), each
    with the inner element that stands for it: no text or author of their own, a comment inside."""
    children: dict[int, int] = {}
    for item in items:
        parent = page.parent_item(item)
        if parent is not None and parent not in children:
            children[parent] = item.mem_id
    return {
        outer: inner for outer, inner in children.items() if not texts.get(outer) and outer not in authors
    }


def _list_holders(page: RulePage, items: list[LexborNode], wrappers: dict[int, int]) -> set[int]:
    """Wrappers that hold a list, not one comment: two or more comment elements inside, each as deep
    below it as the others and none directly (a script's scroller holding every comment, each in an
    item view of its own). A comment's wrapper holds its comment first and its replies deeper
    (`li.comment > article` beside `ol.children > li`), a thread's box holds them side by side."""
    depths: dict[int, list[int]] = {}
    for item in items:
        parent = page.parent_item(item)
        if parent in wrappers:
            depths.setdefault(parent, []).append(len(_ancestors(item, parent)))
    return {outer for outer, held in depths.items() if len(held) >= 2 and len(set(held)) == 1 and held[0] > 1}


def _comment_like(item: LexborNode, text: str, has_meta: bool, signed: bool = False) -> bool:
    """The generic rule's test: an author or date, a few words (one will do where both an author and a
    date sign it: a one-word review, 'Amazing'), not mostly links. A link is an `a` with an address (a
    named anchor, `<a id=...>`, is none); one that holds the whole text (a card linking to a comment
    elsewhere) makes all of it link text."""
    if not has_meta or len(text.split()) < (1 if signed else MIN_WORDS_STRICT):
        return False
    link_chars = sum(_text_in_link(words, text) for words in map(inline_text, item.css("a[href]")))
    return link_chars <= MAX_LINK_SHARE * max(len(text), 1)


def _text_in_link(link: str, text: str) -> int:
    """How many characters of a comment's text a link's words account for."""
    if not link:
        return 0
    if link in text:
        return len(link)
    return len(text) if text in link else 0


def _source_ids(page: RulePage, items: list[LexborNode]) -> dict[int, str]:
    """Per comment element: its id in the source (WordPress comment number, Blogger c-number)."""
    ids: dict[int, str] = {}
    for item in items:
        for attr in page.rule.id_attrs:
            match = page.rule.id_pattern.search(item.attributes.get(attr) or "")
            if match:
                ids[item.mem_id] = match.group(1)
                break
    missing = {i.mem_id for i in items} - set(ids)
    if missing:
        for owner, hit, _ in page.owned(["[id]"]):
            if owner in missing:
                match = page.rule.id_pattern.search(hit.attributes.get("id") or "")
                if match:
                    ids[owner] = match.group(1)
                    missing.discard(owner)
    return ids
