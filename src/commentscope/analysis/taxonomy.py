"""The topic taxonomy: packaged TOML (`commentscope/data/topics.toml`) with a user file laid over it.

A topic has terms (phrases; a capitalised one is a name), optional `exclude` phrases that veto
an overlapping match, `weak` terms that count only beside another term of the topic ("pill" is
supplements only next to "vitamin D"), word `endings` that make any word ending so a term
("-olol" finds metoprolol), and `term_files`: plain-text lists of further terms, one per line
(packaged files sit in `commentscope/data/`; a user file's are found next to it).
Matching lives in `topics.py`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from commentscope.errors import ConfigError
from commentscope.text import WORD_PART_RE

_PACKAGED = "data/topics.toml"
_TOPIC_KEYS = ("description", "notes", "terms", "exclude", "weak", "endings", "term_files", "replace")
MIN_STEM = 3  # letters a word must have before one of its topic's `endings`
# ... and before an ending of 3 letters or fewer ("vir", "mab"): French and Spanish "servir" is no
# antiviral, acyclovir and infliximab have 6 and 7
SHORT_ENDING, SHORT_ENDING_STEM = 3, 5

FileReader = Callable[[str], str]  # name in `term_files` -> its text


@dataclass(frozen=True)
class Topic:
    """A topic: its name, a one-line description, the terms that signal it, and vetoes."""

    name: str
    description: str
    terms: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()  # terms that count only beside another term of this topic
    endings: tuple[str, ...] = ()  # word endings, without the hyphen: "olol", "pril"


@dataclass(frozen=True)
class Taxonomy:
    """An ordered set of topics; order is the order of columns and report sections."""

    topics: tuple[Topic, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(topic.name for topic in self.topics)

    @classmethod
    def default(cls) -> Taxonomy:
        """The packaged taxonomy (`commentscope/data/topics.toml`)."""
        return _packaged_taxonomy()

    @classmethod
    def from_toml(cls, path: Path) -> Taxonomy:
        """A whole taxonomy from one TOML file of `[topics.NAME]` tables."""
        return _complete([topic for topic, _ in _parse(_read(path), str(path), _beside(path))], str(path))


def load_taxonomy(path: Path | None = None, *, replace: bool = False) -> Taxonomy:
    """The packaged taxonomy with the user's file laid over it (or instead of it: `replace`).

    A user topic of a known name adds its terms and excludes to the packaged ones, unless it
    says `replace = true`; a new name adds a topic after the packaged ones.
    """
    if path is None:
        return Taxonomy.default()
    if replace:
        return Taxonomy.from_toml(path)
    merged = {topic.name: topic for topic in Taxonomy.default().topics}
    for topic, replace_topic in _parse(_read(path), str(path), _beside(path)):
        known = merged.get(topic.name)
        merged[topic.name] = topic if known is None or replace_topic else _extend(known, topic)
    return _complete(list(merged.values()), str(path))


@cache
def _packaged_taxonomy() -> Taxonomy:
    source = f"commentscope/{_PACKAGED} (packaged)"
    data = resources.files("commentscope").joinpath("data")

    def packaged(name: str) -> str:
        return data.joinpath(name).read_text("utf-8")

    raw = resources.files("commentscope").joinpath(_PACKAGED).read_bytes()
    return _complete([topic for topic, _ in _parse(_loads(raw, source), source, packaged)], source)


def _beside(path: Path) -> FileReader:
    """Reads a `term_files` entry relative to the TOML file that names it."""

    def read(name: str) -> str:
        try:
            return (path.parent / name).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"{path}: cannot read term file {name!r} ({error})") from error

    return read


def _extend(known: Topic, extra: Topic) -> Topic:
    def both(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a + b))

    return Topic(
        name=known.name,
        description=extra.description or known.description,
        terms=both(known.terms, extra.terms),
        exclude=both(known.exclude, extra.exclude),
        weak=both(known.weak, extra.weak),
        endings=both(known.endings, extra.endings),
    )


def _complete(topics: list[Topic], source: str) -> Taxonomy:
    for topic in topics:
        if not topic.terms and not topic.endings:
            raise ConfigError(f'{source}: topic {topic.name!r} has no terms; add terms = ["..."]')
    return Taxonomy(tuple(topics))


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the taxonomy file ({error.strerror})") from error
    return _loads(raw, str(path))


def _loads(raw: bytes, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ConfigError(f"{source}: not UTF-8 text ({error.reason})") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{source}: not valid TOML: {error}") from error


def _parse(document: Mapping[str, Any], source: str, read_file: FileReader) -> list[tuple[Topic, bool]]:
    """(topic, replace flag) for each [topics.NAME] table."""
    tables = document.get("topics")
    stray = sorted(set(document) - {"topics"})
    if stray or not isinstance(tables, dict) or not tables:
        found = f" (found {', '.join(stray)})" if stray else ""
        raise ConfigError(f"{source}: expected only [topics.NAME] tables with terms{found}")
    return [_parse_topic(name, table, f"{source}: topic {name!r}", read_file) for name, table in tables.items()]


def _parse_topic(name: str, table: object, where: str, read_file: FileReader) -> tuple[Topic, bool]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table, [topics.{name}]")
    unknown = sorted(set(table) - set(_TOPIC_KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {unknown}; allowed: {list(_TOPIC_KEYS)}")
    for key, kind in (("description", str), ("notes", str), ("replace", bool)):
        if key in table and not isinstance(table[key], kind):
            raise ConfigError(f"{where}: {key!r} must be a {kind.__name__}")
    listed = [line.strip() for f in _phrases(table, "term_files", where) for line in read_file(f).splitlines()]
    from_files = tuple(line for line in listed if line and not line.startswith("#"))
    weak = _phrases(table, "weak", where)
    endings = tuple(e.lstrip("-").lower() for e in _phrases(table, "endings", where))
    topic = Topic(
        name=name,
        description=str(table.get("description", "")).strip(),
        terms=tuple(dict.fromkeys(_phrases(table, "terms", where) + from_files + weak)),
        exclude=_phrases(table, "exclude", where),
        weak=weak,
        endings=endings,
    )
    return topic, bool(table.get("replace", False))


def _phrases(table: Mapping[str, object], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: {key!r} must be a list of strings")
    for phrase in value:
        if not WORD_PART_RE.search(phrase):
            raise ConfigError(f"{where}: {key} entry {phrase!r} has no words")
    return tuple(dict.fromkeys(phrase.strip() for phrase in value))
