"""The HTML selector table (`data/html_comments.toml`): comment rules, most specific first, and
where a page keeps its title, address and article; a user file's rules are tried before them."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser, SelectolaxError

from commentscope.errors import ConfigError


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
    flat: bool = False  # every comment is top level (forums: posts quote, they do not nest)
    level_pattern: re.Pattern[str] | None = None  # a flat list's class saying a comment's level
    level_text: re.Pattern[str] | None = None  # ... or the first line of its text it matches ('level 2')
    level_attr: str | None = None  # ... or an attribute holding it, 1 for the top (set by `html_records`)
    partner_attr: str | None = None  # an element's attribute: its comment is the item just before / after it
    strict_class: re.Pattern[str] | None = None  # strict rules: a class token that says "comment"
    strict_id: re.Pattern[str] | None = None  # ... or an id that does
    strict_list: re.Pattern[str] | None = None  # ... or its parent's class token or id names a comment list
    author_attrs: tuple[str, ...] = ()  # attributes of the item that name the author (XenForo)
    opening: str | None = None  # items that are a thread's opening post: the comments inside them are top level
    reply_link: str | None = None  # a comment's reply button, labelled 'Reply to NAME' (the last place for a name)


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
                month_first=bool(raw.get("month_first", False)), flat=bool(raw.get("flat", False)),
                author_attrs=tuple(raw.get("author_attributes", [])), opening=raw.get("opening"),
                reply_link=raw.get("reply_link"),
                level_pattern=re.compile(raw["level_class"]) if raw.get("level_class") else None,
                level_text=re.compile(raw["level_text"], re.I) if raw.get("level_text") else None,
                strict_class=re.compile(raw["strict_class"], re.I) if raw.get("strict_class") else None,
                strict_id=re.compile(raw["strict_id"], re.I) if raw.get("strict_id") else None,
                strict_list=re.compile(raw["strict_list"], re.I) if raw.get("strict_list") else None,
            )  # fmt: skip
            for selector in _selectors(rule):
                probe.css(selector)
        except (KeyError, TypeError, re.error, SelectolaxError) as exc:
            raise ConfigError(f"{source}: bad HTML rule {raw.get('name', '?')!r}: {exc}") from exc
        rules.append(rule)
    return tuple(rules)


def _selectors(rule: Rule) -> Iterator[str]:
    yield rule.items
    for one in (rule.page, rule.within, rule.exclude, rule.replies, rule.staff, rule.opening, rule.reply_link):
        if one:
            yield one
    yield from rule.author + rule.date + rule.text + rule.drop
