"""Plain-text page parser: title, article, boilerplate and a threaded comment section.

The grammar, in short: a page is `title? article* comment-section?`, with boilerplate lines
anywhere. A comment starts at a *head*: a list marker followed by an author line and a more
deeply indented body, a header such as `NAME says:`, or a name-like line followed by a date.
Replies nest by (indentation, marker kind); metadata (dates, `Reply`, `18 Comments`) is never
comment text. Patterns live in `data/page_patterns.toml`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from commentscope.model import Comment, Document, LabelledLine, LineRole
from commentscope.patterns import PageKnowledge, looks_like_name, page_knowledge
from commentscope.sources import Page, read_page

PROSE_WORDS = 12  # a line with this many words is prose, not a heading, name or button
TITLE_MAX_CHARS = 250
HEADING_CAPITALISED = 0.75  # share of capitalised words that makes a long line a heading
SECTION_META = frozenset({"heading", "section"})
DATE_META = frozenset({"date", "relative_date", "time"})


@dataclass(slots=True)
class _Line:
    """One source line with everything the grammar needs to know about it."""

    number: int
    raw: str
    indent: int
    text: str
    marker: str | None = None  # marker kind
    number_mark: int | None = None
    rest: str = ""  # the text after the marker, or the whole text
    meta: str | None = None
    boilerplate: str | None = None
    closes: bool = False
    cta: bool = False
    author: str | None = None  # from a header pattern on `rest`

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def prose(self) -> bool:
        """A sentence-like line: long, not a title-case heading, not chrome."""
        words = [w for w in self.text.split() if w[:1].isalpha()]
        if len(words) < PROSE_WORDS or self.boilerplate or self.cta:
            return False
        capitalised = sum(w[0].isupper() for w in words)
        return capitalised < HEADING_CAPITALISED * len(words)


@dataclass(slots=True)
class _Head:
    """Where a comment starts and what its first lines are."""

    index: int
    last_header: int  # index of the last header line (== index when text is on the marker line)
    author: str | None
    indent: int
    kind: str
    number: int | None
    text_on_marker: bool = False


@dataclass(slots=True)
class _Open:
    head: _Head
    comment_id: str
    parent_id: str | None
    depth: int
    position: int
    text_lines: list[int] = field(default_factory=list)
    body_indent: int | None = None


def scan(text: str, knowledge: PageKnowledge | None = None) -> list[_Line]:
    """Split text into lines and classify each against the pattern tables."""
    kb = knowledge or page_knowledge()
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        expanded = raw.expandtabs(4)
        stripped = raw.strip()
        line = _Line(number, raw, len(expanded) - len(expanded.lstrip()), stripped, rest=stripped)
        if stripped:
            _classify(line, kb)
        lines.append(line)
    return lines


def _classify(line: _Line, kb: PageKnowledge) -> None:
    marker = kb.marker(line.text)
    if marker:
        line.marker, line.number_mark, line.rest = marker
    line.author = kb.header_author(line.rest) if line.rest else None
    meta = kb.first(kb.meta, line.rest)
    line.meta = meta.name if meta else None
    boiler = kb.first(kb.boilerplate, line.text)
    if boiler:
        line.boilerplate, line.closes = boiler.name, boiler.closes_comments
    line.cta = kb.first(kb.cta, line.rest) is not None


def _next_content(lines: list[_Line], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if not lines[j].blank:
            return j
    return None


def _find_head(lines: list[_Line], i: int) -> _Head | None:
    """A comment head starting at line i, judged from the line and the ones after it."""
    line = lines[i]
    if line.blank or line.meta or line.boilerplate:
        return None
    kind = line.marker or "header"
    j = _next_content(lines, i)
    after = lines[j] if j is not None else None
    if line.author:  # 'NAME says:' / 'Avatar NAME', with or without a marker
        return _Head(i, i, line.author, line.indent, kind, line.number_mark)
    if line.marker and not line.rest and after is not None and j is not None:
        return _lone_marker_head(lines, i, j)
    if not looks_like_name(line.rest) or after is None:
        return None
    body_follows = after.indent > line.indent and not after.marker and not after.meta
    date_follows = after.meta in DATE_META
    if (line.marker and (body_follows or date_follows)) or (not line.marker and date_follows):
        return _Head(i, i, line.rest, line.indent, kind, line.number_mark)
    return None


def _lone_marker_head(lines: list[_Line], i: int, j: int) -> _Head | None:
    """A marker alone on its line: the next line is the author (or header) or the text."""
    line, after = lines[i], lines[j]
    k = _next_content(lines, j)
    if after.author:
        return _Head(i, j, after.author, line.indent, line.marker or "header", line.number_mark)
    if looks_like_name(after.text) and k is not None and (
        lines[k].meta in DATE_META or (lines[k].indent > after.indent - 1 and not lines[k].marker)
    ):
        return _Head(i, j, after.text, line.indent, line.marker or "header", line.number_mark)
    return None


def _section_start(lines: list[_Line], heads: dict[int, _Head]) -> int | None:
    """Index of the first comment head that opens a real comment section, if any.

    A head opens the section when a section signal ('18 Comments', a closed notice) comes
    before it, another head or any metadata comes after it, and its run is not an article list.
    """
    ordered = sorted(heads)
    signal_at = [False] * (len(lines) + 1)
    for i, ln in enumerate(lines):
        signal_at[i + 1] = signal_at[i] or ln.meta in SECTION_META or ln.closes
    meta_from = [False] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        meta_from[i] = meta_from[i + 1] or lines[i].meta is not None
    for position, i in enumerate(ordered):
        later = ordered[position + 1:]
        evidence = signal_at[i] or bool(later) or meta_from[i]
        if evidence and not _is_article_list(lines, heads[i], later):
            return i
    return None


def _is_article_list(lines: list[_Line], head: _Head, later: list[int]) -> bool:
    """A 'head' whose run is followed by article prose is an article list, not comments."""
    end = next(
        (k for k in range(head.last_header + 1, len(lines))
         if not lines[k].blank and lines[k].indent <= head.indent and not lines[k].marker),
        None,
    )
    if end is None or not lines[end].prose or lines[end].meta:
        return False
    prose_after = sum(ln.prose for ln in lines[end:])
    return (any(k > end for k in later) and prose_after >= 1) or prose_after >= 2


class _ThreadBuilder:
    """Walks the comment section line by line, opening comments and nesting replies."""

    def __init__(self, doc_id: str, lines: list[_Line], heads: dict[int, _Head]) -> None:
        self.doc_id = doc_id
        self.lines = lines
        self.heads = heads
        self.roles: dict[int, tuple[LineRole, str | None]] = {}
        self.opened: list[_Open] = []
        self.stack: list[tuple[tuple[int, int], _Open]] = []
        self.kind_ranks: dict[int, list[str]] = {}
        self.thread_kinds = {h.kind for h in heads.values()}
        self.last_number: dict[int, int] = {}
        self.current: _Open | None = None
        self.section_signal = False

    def build(self, start: int) -> None:
        i = start
        while i < len(self.lines):
            i = self._step(i) + 1

    def _step(self, i: int) -> int:
        line = self.lines[i]
        if line.blank:
            self.roles[i] = (LineRole.BLANK, None)
            return i
        head = self.heads.get(i) or self._authorless_reply(i)
        if head is not None:
            return self._open(head)
        cur = self.current
        if line.meta:
            self.roles[i] = (LineRole.COMMENT_META, cur.comment_id if cur else None)
            if line.meta in SECTION_META:
                self.current, self.section_signal = None, True
        elif cur is not None and self._inside(cur, line):
            self._add_text(cur, i)
        else:
            self.roles[i] = (LineRole.BOILERPLATE, None)
            self.current = None
        return i

    def _inside(self, cur: _Open, line: _Line) -> bool:
        if line.boilerplate or (line.cta and not cur.text_lines):
            return line.indent > cur.head.indent and not line.boilerplate
        if line.indent > cur.head.indent:
            return True
        flat = cur.body_indent is not None and cur.body_indent <= cur.head.indent
        return flat or (cur.body_indent is None and line.indent == cur.head.indent)

    def _authorless_reply(self, i: int) -> _Head | None:
        """A marker line carrying text directly: a reply without an author line, or a list item."""
        line, cur = self.lines[i], self.current
        if not line.marker or not line.rest or cur is None or line.marker not in self.thread_kinds:
            return None
        before = self.lines[i - 1]
        if not (before.blank or before.meta):
            return None  # directly under text: a list inside the comment
        if line.number_mark is not None and line.number_mark != self.last_number.get(line.indent, 0) + 1:
            return None
        top_indent = min(h.indent for h in self.heads.values())
        if line.indent <= top_indent and not self.section_signal:
            return None
        return _Head(i, i, None, line.indent, line.marker, line.number_mark, text_on_marker=True)

    def _open(self, head: _Head) -> int:
        ranks = self.kind_ranks.setdefault(head.indent, [])
        if head.kind not in ranks:
            ranks.append(head.kind)
        key = (head.indent, ranks.index(head.kind))
        while self.stack and self.stack[-1][0] >= key:
            self.stack.pop()
        parent = self.stack[-1][1] if self.stack else None
        position = len(self.opened)
        opened = _Open(
            head=head,
            comment_id=f"{self.doc_id}-c{position:03d}",
            parent_id=parent.comment_id if parent else None,
            depth=parent.depth + 1 if parent else 0,
            position=position,
        )
        self.opened.append(opened)
        self.stack.append((key, opened))
        self.current = opened
        if head.number is not None:
            self.last_number[head.indent] = head.number
        if head.text_on_marker:
            self._add_text(opened, head.index)
            return head.index
        for k in range(head.index, head.last_header + 1):
            blank = self.lines[k].blank
            self.roles[k] = (LineRole.BLANK, None) if blank else (LineRole.COMMENT_HEADER, opened.comment_id)
        return head.last_header

    def _add_text(self, cur: _Open, i: int) -> None:
        self.roles[i] = (LineRole.COMMENT_TEXT, cur.comment_id)
        if not cur.text_lines and not cur.head.text_on_marker:
            cur.body_indent = self.lines[i].indent
        elif cur.head.text_on_marker and cur.body_indent is None:
            cur.body_indent = cur.head.indent + 1
        cur.text_lines.append(i)

    def comments(self) -> list[Comment]:
        return [self._freeze(o) for o in self.opened]

    def _freeze(self, o: _Open) -> Comment:
        parts = []
        for i in o.text_lines:
            line = self.lines[i]
            parts.append(line.rest if i == o.head.index else line.text)
        end = o.text_lines[-1] if o.text_lines else o.head.last_header
        return Comment(
            comment_id=o.comment_id,
            parent_id=o.parent_id,
            depth=o.depth,
            position=o.position,
            author=o.head.author,
            text="\n".join(parts),
            line_start=self.lines[o.head.index].number,
            line_end=self.lines[end].number,
        )


def _label_front(lines: list[_Line], stop: int) -> dict[int, LineRole]:
    """Roles for the lines before the comment section: title, article, boilerplate."""
    roles: dict[int, LineRole] = {}
    content = [i for i in range(stop) if not lines[i].blank]
    anchor = max((i for i in content if lines[i].prose), default=-1)
    promo_tail = any(lines[i].cta for i in content if i > anchor)
    title_done = False
    for i in range(stop):
        line = lines[i]
        if line.blank:
            roles[i] = LineRole.BLANK
        elif line.boilerplate or (promo_tail and i > anchor):
            roles[i] = LineRole.BOILERPLATE
        elif line.meta in SECTION_META:
            roles[i] = LineRole.COMMENT_META
        elif not title_done and len(line.text) <= TITLE_MAX_CHARS and not line.text.endswith("."):
            roles[i], title_done = LineRole.TITLE, True
        else:
            roles[i], title_done = LineRole.ARTICLE, True
    return roles


def parse_lines(text: str, *, doc_id: str, source: str = "<text>") -> Document:
    """Parse page text into a Document (no I/O)."""
    lines = scan(text)
    heads = {i: h for i in range(len(lines)) if (h := _find_head(lines, i)) is not None}
    start = _section_start(lines, heads)
    stop = len(lines) if start is None else start
    front = _label_front(lines, stop)
    labelled: list[LabelledLine] = []
    comments: list[Comment] = []
    roles: dict[int, tuple[LineRole, str | None]] = {i: (r, None) for i, r in front.items()}
    if start is not None:
        builder = _ThreadBuilder(doc_id, lines, {i: h for i, h in heads.items() if i >= start})
        builder.build(start)
        roles.update(builder.roles)
        comments = builder.comments()
    for i, line in enumerate(lines):
        role, comment_id = roles.get(i, (LineRole.BOILERPLATE, None))
        labelled.append(LabelledLine(line.number, line.raw, role, comment_id))
    title = next((ln.text.strip() for ln in labelled if ln.role is LineRole.TITLE), None)
    return Document(
        doc_id=doc_id,
        source=source,
        title=title,
        lines=tuple(labelled),
        comments=tuple(comments),
        comments_closed=any(ln.closes for ln in lines),
    )


def parse_page(page: str | Path | Page) -> Document:
    """Parse a page given as a path, a `Page` already read, or the page text itself."""
    if isinstance(page, str) and ("\n" in page or not Path(page).is_file()):
        return parse_lines(page, doc_id="text")
    loaded = page if isinstance(page, Page) else read_page(Path(page))
    doc = parse_lines(loaded.text, doc_id=loaded.doc_id, source=loaded.source)
    return Document(
        doc_id=doc.doc_id,
        source=doc.source,
        title=doc.title,
        lines=doc.lines,
        comments=doc.comments,
        comments_closed=doc.comments_closed,
        encoding=loaded.encoding,
        warnings=loaded.warnings,
    )
