"""The comment selector table (`data/html_comments.toml`) and how one rule reads a parsed page.

A rule names the comment elements of one comment system and, relative to each, where its author,
date and text are. Every element a rule selects becomes a comment record (or a warning says why
not), so no comment text is dropped silently.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

from commentscope.errors import ConfigError
from commentscope.model import CommentRecord
from commentscope.readers.html_text import date_span, inline_text, node_text, to_iso

MIN_WORDS_STRICT = 2  # the generic rule's comment needs at least this many words
MAX_LINK_SHARE = 0.5  # ... and at most this share of its text inside links
AUTHOR_TAIL_RE = re.compile(
    r"\s*(?:\((?:not verified|nicht überprüft|non vérifié)\)|(?:says|sagt|schreibt|dit|dice|wrote|said|commented)"
    r"\s*(?::|\.{1,3}|…)?)\s*$",
    re.I,
)
EPOCH_ATTRS = ("data-comment-timestamp", "data-timestamp", "data-time")


@dataclass(frozen=True)
class Rule:
    """One comment system's markup (see the key list at the top of html_comments.toml)."""

    name: str
    items: str
    page: str | None = None
    within: str | None = None
    exclude: str | None = None
    replies: str | None = None
    pair: str | None = None
    author: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    text: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    id_attrs: tuple[str, ...] = ()
    id_pattern: re.Pattern[str] = re.compile(r"(\d+)$")
    staff: str | None = None
    strict: bool = False
    month_first: bool = False  # numeric dates are m/d/y (Drupal's default format)


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


@dataclass(frozen=True)
class PageSettings:
    """Where a page keeps its title, address and article body (`[page]` and `[article]`)."""

    title: tuple[str, ...]
    url: tuple[str, ...]
    closed: str
    article_body: tuple[str, ...]
    article_drop: tuple[str, ...]
    article_min_words: int


@lru_cache(maxsize=1)
def packaged_settings() -> PageSettings:
    page, article = _packaged_data()["page"], _packaged_data()["article"]
    return PageSettings(
        title=tuple(page["title"]), url=tuple(page["url"]), closed=page["closed"],
        article_body=tuple(article["body"]), article_drop=tuple(article["drop"]),
        article_min_words=int(article["min_words"]),
    )  # fmt: skip


def load_rules(user_file: Path | None = None) -> tuple[Rule, ...]:
    """The packaged rules, with a user file's rules (same format) tried before them."""
    packaged = _packaged_rules()
    if user_file is None:
        return packaged
    try:
        data = tomllib.loads(user_file.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{user_file}: cannot read HTML rules: {exc}") from exc
    return _parse_rules(data, str(user_file), _packaged_defaults()) + packaged


@lru_cache(maxsize=1)
def _packaged_data() -> dict[str, Any]:
    raw = resources.files("commentscope").joinpath("data/html_comments.toml").read_text("utf-8")
    return tomllib.loads(raw)


def _packaged_defaults() -> dict[str, Any]:
    return dict(_packaged_data().get("defaults", {}))


@lru_cache(maxsize=1)
def _packaged_rules() -> tuple[Rule, ...]:
    return _parse_rules(_packaged_data(), "html_comments.toml", _packaged_defaults())


def _parse_rules(data: dict[str, Any], source: str, defaults: dict[str, Any]) -> tuple[Rule, ...]:
    rules = []
    probe = LexborHTMLParser("<p></p>")
    for raw in data.get("rule", []):
        try:
            rule = Rule(
                name=str(raw["name"]), items=str(raw["items"]), page=raw.get("page"), within=raw.get("within"),
                exclude=raw.get("exclude", defaults.get("exclude")), replies=raw.get("replies"),
                pair=raw.get("pair"),
                author=tuple(raw.get("author", [])) + tuple(defaults.get("author", [])),
                date=tuple(raw.get("date", [])) + tuple(defaults.get("date", [])),
                text=tuple(raw.get("text", [])) + tuple(defaults.get("text", [])),
                drop=tuple(raw.get("drop", [])) + tuple(defaults.get("drop", [])),
                id_attrs=tuple(raw.get("id", defaults.get("id", ["id"]))),
                id_pattern=re.compile(raw.get("id_pattern", defaults.get("id_pattern", r"(\d+)$"))),
                staff=raw.get("staff"), strict=bool(raw.get("strict", False)),
                month_first=bool(raw.get("month_first", False)),
            )  # fmt: skip
            for selector in _selectors(rule):
                probe.css(selector)
        except (KeyError, TypeError, re.error, SelectolaxError) as exc:
            raise ConfigError(f"{source}: bad HTML rule {raw.get('name', '?')!r}: {exc}") from exc
        rules.append(rule)
    return tuple(rules)


def _selectors(rule: Rule) -> Iterator[str]:
    yield rule.items
    for one in (rule.page, rule.within, rule.exclude, rule.replies, rule.staff):
        if one:
            yield one
    yield from rule.author + rule.date + rule.text + rule.drop


def describe(node: LexborNode) -> str:
    """A short name for an element: tag#id.class.class (what `--explain` prints)."""
    attrs = node.attributes
    out = node.tag or "?"
    if attrs.get("id"):
        out += f"#{attrs['id']}"
    classes = (attrs.get("class") or "").split()[:4]
    return out + "".join(f".{c}" for c in classes)


class _Page:
    """A parsed page seen through one rule: which comment element owns which node."""

    def __init__(self, tree: LexborHTMLParser, rule: Rule, items: list[LexborNode]) -> None:
        self.tree, self.rule = tree, rule
        self.nodes = {node.mem_id: node for node in items}
        self.item_ids = set(self.nodes)
        self.containers = {n.mem_id for n in tree.css(rule.replies)} if rule.replies else set()
        self._owner: dict[int, int | None] = {}
        self._cache: dict[str, list[LexborNode]] = {}

    def css(self, selector: str) -> list[LexborNode]:
        if selector not in self._cache:
            self._cache[selector] = select(self.tree, selector)
        return self._cache[selector]

    def owner(self, node: LexborNode) -> int | None:
        """mem_id of the comment element nearest around `node` (itself included); memoised walk up."""
        path: list[int] = []
        current: LexborNode | None = node
        found: int | None = None
        while current is not None:
            key = current.mem_id
            if key in self._owner:
                found = self._owner[key]
                break
            path.append(key)
            if key in self.item_ids:
                found = key
                break
            if self.rule.pair and current.tag == self.rule.pair:
                found = self._item_before(current, skip_tag=self.rule.pair)
                if found is not None:
                    break
            if key in self.containers:
                found = self._item_before(current)
                if found is not None:
                    break
            current = current.parent
        for key in path:
            self._owner[key] = found
        return found

    def parent_item(self, item: LexborNode) -> int | None:
        parent = item.parent
        return self.owner(parent) if parent is not None else None

    def _item_before(self, node: LexborNode, skip_tag: str | None = None) -> int | None:
        """The comment element just before `node` among its siblings (anchors and `skip_tag`s passed)."""
        sibling = node.prev
        steps = 0
        while sibling is not None and steps < 50:
            if sibling.mem_id in self.item_ids:
                return sibling.mem_id
            if sibling.tag not in ("-text", "-comment", "a", "mark", skip_tag):
                return None
            sibling, steps = sibling.prev, steps + 1
        return None

    def owned(self, selectors: Sequence[str]) -> Iterator[tuple[int, LexborNode, int]]:
        """(owner, hit, selector rank) for every hit of every selector that some comment owns."""
        for rank, selector in enumerate(selectors):
            for hit in self.css(selector):
                owner = self.owner(hit)
                if owner is not None:
                    yield owner, hit, rank


def extract(tree: LexborHTMLParser, rule: Rule) -> Extraction | None:
    """The comments `rule` finds on the page, or None when the rule does not apply."""
    if rule.page and tree.css_first(rule.page) is None:
        return None
    items = _candidate_items(tree, rule)
    if not items:
        return None
    page = _Page(tree, rule, items)
    drop_ids = {n.mem_id for selector in rule.drop for n in page.css(selector)}
    skip_base = page.item_ids | drop_ids
    authors = _first_values(page, rule.author, lambda hit: _author_text(hit, skip_base))
    dates = _first_values(page, rule.date, lambda hit: _date_value(hit, rule.month_first))
    texts = _texts(page, rule, skip_base, items)
    staff = {owner for owner, _, _ in page.owned([rule.staff])} if rule.staff else set()
    source_ids = _source_ids(page, items)
    wrappers = _wrappers(page, items, texts, authors)
    heir = {outer: _heir(wrappers, outer) for outer in wrappers}
    heirs = {inner: _up(page, inner, wrappers) for inner in set(heir.values())}  # inner inherits marks
    warnings: list[str] = []
    found: list[FoundComment] = []
    used: set[str] = set()
    for position, item in enumerate(items):
        key = item.mem_id
        if key in wrappers:
            continue
        outer = heirs.get(key, key)
        text = texts.get(key, "")
        meta = key in authors or key in dates or outer in authors or outer in dates
        if rule.strict and not _comment_like(item, text, meta):
            continue
        if not text:
            warnings.append(f"comment element {describe(item)} has no text; kept with empty text")
        parent = page.parent_item(item)
        while parent is not None and parent in wrappers:  # a wrapper stands for its innermost heir
            if heir[parent] != key:
                parent = heir[parent]
                break
            parent = page.parent_item(page.nodes[parent])
        sid = source_ids.get(key) or source_ids.get(outer) or f"#{position}"
        if sid in used:
            sid = f"{sid}#{position}"
        used.add(sid)
        source_ids[key] = sid
        found.append(FoundComment(CommentRecord(
            source_id=sid, parent_id=source_ids.get(parent) if parent is not None else None,
            author=authors.get(key) or authors.get(outer), text=text, date=dates.get(key) or dates.get(outer),
            marked_staff=key in staff or outer in staff,
        ), describe(item)))  # fmt: skip
    if not any(f.record.text for f in found):
        return None
    return Extraction(rule.name, tuple(found), tuple(warnings))


def select(tree: LexborHTMLParser, selector: str) -> list[LexborNode]:
    """The elements a selector matches, in page order, each once (lexbor repeats an element that
    matches two selectors of a comma list)."""
    seen: set[int] = set()
    out = []
    for node in tree.css(selector):
        if node.mem_id not in seen:
            seen.add(node.mem_id)
            out.append(node)
    return out


def _candidate_items(tree: LexborHTMLParser, rule: Rule) -> list[LexborNode]:
    items = select(tree, rule.items)
    if not items:
        return []
    inside: set[int] = set()
    for selector, wanted in ((rule.within, True), (rule.exclude, False)):
        if not selector:
            continue
        marks = {n.mem_id for n in tree.css(selector)}
        memo: dict[int, bool] = {}
        inside = {i.mem_id for i in items if _under(i, marks, memo)}
        items = [i for i in items if (i.mem_id in inside) == wanted]
    if rule.strict:
        items = [i for i in items if _strict_item(i)]
    return items


STRICT_CLASSES = frozenset({"comment", "comment-item", "comments-item", "comment-entry", "kommentar"})
STRICT_ID_RE = re.compile(r"^(?:li-|div-)?comment[-_]?\d+$", re.I)


def _strict_item(node: LexborNode) -> bool:
    classes = set((node.attributes.get("class") or "").lower().split())
    return bool(classes & STRICT_CLASSES) or bool(STRICT_ID_RE.match(node.attributes.get("id") or ""))


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


def _first_values(page: _Page, selectors: Sequence[str], value: Any) -> dict[int, str]:
    """Per comment element: the value of the first owned hit (in selector order) that has one."""
    best: dict[int, tuple[int, str]] = {}
    for owner, hit, rank in page.owned(selectors):
        if owner in best and best[owner][0] <= rank:
            continue
        found = value(hit)
        if found:
            best[owner] = (rank, found)
    return {owner: found for owner, (_, found) in best.items()}


def _author_text(hit: LexborNode, skip: set[int]) -> str | None:
    text = inline_text(hit, skip - {hit.mem_id} | {n.mem_id for n in hit.css("time")})
    span = date_span(text)
    if span is not None:
        text = text[: span[0]]
    text = AUTHOR_TAIL_RE.sub("", text).strip(" \t-–—|,:·•")
    return text if 0 < len(text) <= 120 else None


def _date_value(hit: LexborNode, month_first: bool = False) -> str | None:
    attrs = hit.attributes
    for name in EPOCH_ATTRS:
        value = (attrs.get(name) or "").strip()
        if value.isdigit() and 9 <= len(value) <= 10:  # seconds since 1970 (Drupal)
            return datetime.fromtimestamp(int(value), UTC).isoformat().replace("+00:00", "Z")
    for name in ("datetime", "content", "title"):
        found = to_iso(attrs.get(name), month_first)
        if found:
            return found
    return to_iso(inline_text(hit), month_first)


def _texts(page: _Page, rule: Rule, skip: set[int], items: list[LexborNode]) -> dict[int, str]:
    """Per comment element: the text of its owned hits of the first text selector that has any."""
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
                parts.append(node_text(node, skip - {node.mem_id}))
                taken.add(node.mem_id)
        text = "\n".join(p for p in parts if p)
        if not text:  # no text element: the whole comment element but its parts that are not text
            text = node_text(item, skip - {key})
        texts[key] = text
    return texts


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


def _up(page: _Page, inner: int, wrappers: dict[int, int]) -> int:
    """The outermost wrapper whose heir is `inner` (marks such as bypostauthor sit on it)."""
    outer = inner
    parent = page.parent_item(page.nodes[inner])
    while parent is not None and wrappers.get(parent) == outer:
        outer, parent = parent, page.parent_item(page.nodes[parent])
    return outer


def _wrappers(page: _Page, items: list[LexborNode], texts: dict[int, str], authors: dict[int, str]) -> dict[int, int]:
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


def _comment_like(item: LexborNode, text: str, has_meta: bool) -> bool:
    """The generic rule's test: an author or date, a few words, not mostly links."""
    if not has_meta or len(text.split()) < MIN_WORDS_STRICT:
        return False
    link_chars = sum(len(inline_text(a)) for a in item.css("a"))
    return link_chars <= MAX_LINK_SHARE * max(len(text), 1)


def _source_ids(page: _Page, items: list[LexborNode]) -> dict[int, str]:
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
