"""The parser's table of line patterns (markers, headers, metadata, boilerplate), loaded from TOML."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from commentscope.literals import Needs, fold, needs_of
from commentscope.markup import Decoration

NAME_MAX_WORDS = 7
NAME_MAX_CHARS = 60
UNVERIFIED = "not verified|nicht überprüft|non vérifié"  # Drupal's mark after a guest's name: 'Hx (not verified)'
_NAME_STOP = frozenset(
    "i i'm im it it's this that the a an my we you he she they is are was were am be "
    "thank thanks hi hello yes no great what how why when where who can could would do does did "
    "will here there so if but and or not".split()
)
_QUOTES = frozenset("\"'“”‘’„«»")
_PARTICLES = frozenset("from with van von der den del della de la le du dos das des ter alias aka".split())
_ABBREVIATION = re.compile(r"^(?:[A-Za-z]{1,2}\.)+$|^(?:Jr|Sr|Dr|Mr|Mrs|Ms|St|Esq|Inc|Ltd)\.$")


# a deleted account shown by its number: '88181 (Profil gelöscht)'
_USER_NUMBER = re.compile(r"\d{1,12}\s*\([^()]{1,40}\)")
_ADDRESS = re.compile(r"[<(\[]?(?:https?://|www\.)", re.IGNORECASE)  # a line that starts with a web address
_META_JOINER = re.compile(r"\s+[|·•]\s+")
# an embedded social post's attribution ('— Ann Lee (@annlee) 3. Mai 2018', 'A post shared by Ann
# (@annlee)'): it closes a quote in the article, it names no commenter
# a forum post's subject printed as its first line ('Re: Solid State Vs. Tube'; forums migrated from
# vBulletin keep it in the post's body, phpBB prints it over the post)
SUBJECT_LINE = re.compile(r"^(?:re|aw|sv|antw|rif)\s*:\s*(\S.{0,150})$", re.I)  # a reply's subject: group 1
_SOCIAL_HANDLE = re.compile(r"\(@\w{1,30}\)(?!\S)")


class Probe:
    """A line tried against a table of patterns: its folded text (`literals.fold`) and which
    `needs` it holds, each worked out once for the table ('\\d' gates seven patterns)."""

    __slots__ = ("_holds", "folded", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self._holds: dict[re.Pattern[str], bool] = {}

    def holds(self, needs: re.Pattern[str]) -> bool:
        found = self._holds.get(needs)
        if found is None:
            found = self._holds[needs] = needs.search(self.text) is not None
        return found


@dataclass(frozen=True, slots=True)
class Pattern:
    name: str
    regex: re.Pattern[str]
    closes_comments: bool = False
    lead_in: bool = False  # a header line that may stand before the real header (an avatar image)
    structural: bool = False  # the pattern alone says the line is a comment header
    evidence: bool = False  # the pattern shows that the page has comments ('NAME says:')
    list_item: bool = False  # only a list item's line is such a header (a comment list's numbered items)
    markdown: bool = False  # only on a page html2text wrote (Markdown), which prints some marks its own way
    needs: re.Pattern[str] | None = None  # found in every line the pattern matches: a cheap test first
    # the strings every match of `needs` holds one of (`literals.needs_of`): tested before it
    literals: Needs | None = None

    def match(self, text: str, probe: Probe | None = None) -> re.Match[str] | None:
        """`regex.match(text)`, skipping the regex when `needs` is nowhere in the line (`probe`:
        the line's `Probe`, shared by the patterns of a table)."""
        if self.needs is not None:
            line = probe or Probe(text)
            literals = self.literals
            if literals is not None:  # (a loop, inline: cheaper than `any` or a call)
                haystack = line.folded if literals.folded else text
                for needed in literals.strings:
                    if needed in haystack:
                        break
                else:
                    return None
            if not line.holds(self.needs):
                return None
        return self.regex.match(text)


@dataclass(frozen=True, slots=True)
class _Run:
    """Patterns next to each other in a table, none with `needs` or groups, tried as one regex:
    an alternation tries its branches in order, so the first branch that matches names the
    pattern that trying each in turn finds (without a Python call per pattern)."""

    regex: re.Pattern[str]
    patterns: tuple[Pattern, ...]

    def match(self, text: str) -> tuple[Pattern, re.Match[str]] | None:
        m = self.regex.match(text)
        return None if m is None else (self.patterns[(m.lastindex or 1) - 1], m)  # (branch k is group k)


Step = Pattern | _Run


def _steps(table: tuple[Pattern, ...]) -> tuple[Step, ...]:
    """The table with each stretch of two or more patterns that `_Run` can join made one `_Run`."""
    steps: list[Step] = []
    stretch: list[Pattern] = []
    for p in (*table, None):
        if p is not None and p.needs is None and p.regex.groups == 0 and p.regex.flags == table[0].regex.flags:
            stretch.append(p)
            continue
        if len(stretch) > 1:
            alternation = "|".join(f"({q.regex.pattern})" for q in stretch)
            steps.append(_Run(re.compile(alternation, stretch[0].regex.flags), tuple(stretch)))
        else:
            steps.extend(stretch)
        stretch = []
        if p is not None:
            steps.append(p)
    return tuple(steps)


@dataclass(frozen=True, slots=True)
class Header:
    """What a header line says: who wrote the comment and, if stated, whom it answers.

    `name_like` is False for an author that reads like words ('The Yum List', 'So Alice', 'Be'):
    such a header counts only where the structure around it says it is one (a date follows).
    """

    author: str
    reply_to: str | None = None
    lead_in: bool = False
    name_like: bool = True
    evidence: bool = False


@dataclass(frozen=True, slots=True)
class PageKnowledge:
    """Compiled pattern tables, most specific first."""

    max_pattern_line: int
    decorations: tuple[Decoration, ...]
    avatars: tuple[Pattern, ...]
    roles: tuple[Pattern, ...]
    markers: tuple[Pattern, ...]
    headers: tuple[Pattern, ...]
    meta: tuple[Pattern, ...]
    boilerplate: tuple[Pattern, ...]
    cta: tuple[Pattern, ...]
    # each table above, by id, as `_steps` tries it (filled on creation)
    steps: dict[int, tuple[Step, ...]] = field(default_factory=dict, compare=False, repr=False)
    # the meta patterns of a line of buttons alone (filled on creation: a header's author is tested on them)
    buttons: tuple[Pattern, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "buttons", tuple(p for p in self.meta if p.name in _BUTTONS))
        for table in (self.avatars, self.meta, self.boilerplate, self.cta, self.buttons):
            self.steps[id(table)] = _steps(table)

    def marker(self, stripped: str) -> tuple[str, int | None, str] | None:
        """(kind, number, rest of line) when the line starts with a list marker."""
        for p in self.markers:
            m = p.regex.match(stripped)
            if m:
                number = int(m.group(1)) if m.groups() and m.group(1) else None
                return p.name, number, stripped[m.end():].strip()
        return None

    def header(self, text: str, item: bool = False, markdown: bool = False) -> Header | None:
        """The header named by a line such as 'NAME says:', 'Avatar NAME' or 'NAME → OTHER • 2 years ago'
        (`item`: the line is a list item's, which `list_item` patterns ask for; `markdown`: the page is
        html2text's, which `markdown` patterns ask for)."""
        if len(text) > self.max_pattern_line:
            return None
        probe = Probe(text)
        for p in self.headers:
            if (p.list_item and not item) or (p.markdown and not markdown):
                continue
            m = p.match(text, probe)
            if m and short_name(author := self.bare_name(m.group("author")), said=p.evidence):
                if self.first(self.buttons, author) is not None:
                    return None  # 'Like Reply 8 years ago', 'Report 7 months ago': buttons, no name
                reply_to = m.groupdict().get("reply_to")
                name_like = p.structural or looks_like_name(author)
                return Header(author, reply_to.strip() if reply_to else None, p.lead_in, name_like, p.evidence)
        return None

    def bare_name(self, author: str) -> str:
        """The author as a reader names them: without a role label after it, printed once."""
        author = _SIGNED.sub("", author.strip())
        for p in self.roles:
            author = p.regex.sub("", author).strip() or author
        return undouble(author)

    def without_avatar(self, text: str) -> str:
        """The line with an avatar's alt text before the name removed ('Avatar Ann says:' -> 'Ann says:')."""
        if len(text) > self.max_pattern_line:
            return text
        found = self._first_match(self.avatars, text)
        return text if found is None else text[found[1].end():]

    def meta_kind(self, text: str) -> str | None:
        """The kind of a metadata line; a line of several joined by '|' or '·' takes the first one's kind."""
        found = self.first(self.meta, text)
        if found or len(text) > self.max_pattern_line:
            return found.name if found else None
        parts = _META_JOINER.split(text)
        kinds = [self.first(self.meta, part) for part in parts] if len(parts) > 1 else [None]
        return kinds[0].name if all(kinds) and kinds[0] else None

    def first(self, table: tuple[Pattern, ...], text: str) -> Pattern | None:
        """The first pattern of the table that matches the line (None for a line too long to test)."""
        if len(text) > self.max_pattern_line:
            return None
        found = self._first_match(table, text)
        return None if found is None else found[0]

    def _first_match(self, table: tuple[Pattern, ...], text: str) -> tuple[Pattern, re.Match[str]] | None:
        probe: Probe | None = None  # (made for the first pattern with `needs`)
        for step in self.steps.get(id(table), table):
            if isinstance(step, _Run):
                found = step.match(text)
                if found is not None:
                    return found
                continue
            if step.needs is not None and probe is None:
                probe = Probe(text)
            if (m := step.match(text, probe)) is not None:
                return step, m
        return None


_BUTTONS = frozenset({"reply", "action"})  # the meta kinds of a line of buttons (`grammar.BUTTON_META`)


def short_name(text: str, *, said: bool = False) -> bool:
    """A header's author: a few words (nicknames may be anything: 'geht's no?!'); unless the header
    says 'NAME says:', not a headline ('Künstliche Intelligenz zieht ein 20. November 2019')."""
    words = text.split()
    if _a_source(text) or _date_label(text):
        return False
    return 0 < len(text) <= NAME_MAX_CHARS and len(words) <= NAME_MAX_WORDS and (said or not _headline(words))


def could_be_name(text: str) -> bool:
    """Whether a short line has the shape of a name: a few words, not a sentence or a headline."""
    if len(text) > NAME_MAX_CHARS:
        return False  # (tested before a paragraph is split into its words)
    words = text.split()
    if not 0 < len(words) <= NAME_MAX_WORDS or not any(ch.isalnum() for ch in text):
        return False  # ('×', '▸': a close button or an arrow, no name)
    if text.endswith(("?", "!", ":", ";", "…", "...", ",")) or ": " in text or _headline(words):
        return False  # (': ' inside: 'Kostenloser Newsletter: Handelsblatt Energie Briefing', a label and a title)
    if (text[0].isnumeric() and not _USER_NUMBER.fullmatch(text)) or any(ch in text for ch in "%$€£^"):
        return False  # '16% Annuity Return 2014', '^ Wattenberg, Martin', '⅓ cups (80ml)': an advert, a reference
    if _a_source(text) or _STEP_LABEL.fullmatch(text) or all(w.startswith("#") and len(w) > 1 for w in words):
        return False  # ('Étape 1', 'Schritt 2': a recipe's step; '#fruits #breakfastsmoothie': hashtags, no name)
    return not text.endswith(".") or _ABBREVIATION.match(words[-1]) is not None  # "Ph.D.", "Jr." end names


# a recipe's step by its number ('Étape 1', 'Step 2:', 'Schritt 3'), as a theme heads each step
_STEP_LABEL = re.compile(r"(?:step|étape|etape|schritt|passo|paso|stap|trin|steg|krok|korak|lépés|adım)\s*\d{1,2}\s*:?",
                         re.IGNORECASE)


def _a_source(text: str) -> bool:
    """Whether the line names a source, not an author: a web address ('<https://a.org/kinder>
    21.05.19' under a comment) or a social account in brackets ('— Ann (@ann) 3. Mai 2018', an
    embedded post's attribution)."""
    return _ADDRESS.match(text) is not None or ("(@" in text and _SOCIAL_HANDLE.search(text) is not None)


def _date_label(text: str) -> bool:
    """Whether the 'name' before a date is the date's label ('Last Updated:', 'Veröffentlicht:')."""
    return text.endswith(":") and _date_lead().fullmatch(text[:-1].strip()) is not None


@cache
def _date_lead() -> re.Pattern[str]:
    return re.compile(r"(?:last\s+)?(?:" + word_pattern("date_lead").pattern + ")", re.IGNORECASE)


def _headline(words: list[str]) -> bool:
    """Capitalised words mixed with ordinary lower-case ones ('US military wary of civilian guards'),
    or a quotation: a title, not a name ('Tobias Raff', 'es_mina' and 'Ay, caramba' are names)."""
    if any(w[0] in _QUOTES or w[-1] in _QUOTES for w in words):
        return True
    capitalised = sum(w[0].isupper() for w in words)
    ordinary = sum(w.isalpha() and w.islower() and len(w) > 3 and w not in _PARTICLES for w in words)
    return capitalised >= 2 and ordinary >= 1


def looks_like_name(text: str) -> bool:
    """Whether a short line reads like an author name or handle rather than a sentence."""
    if not could_be_name(text):
        return False
    lowered = [w.strip(",.").lower() for w in text.split()]
    return lowered[0] not in _NAME_STOP and sum(w in _NAME_STOP for w in lowered) < 2


_SIGNED = re.compile(r"^(?:[—–]|--?)\s+(?=\S)")  # '— Ann on DATE': the dash that signs a text off


def undouble(name: str) -> str:
    """A name printed twice in a row, as avatar alt text and link ('So Alice So Alice'), once."""
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        return " ".join(words[:half])
    return name


def _decorations(entries: list[dict[str, object]]) -> tuple[Decoration, ...]:
    decorations = []
    for e in entries:
        regex = re.compile(str(e["pattern"]), re.IGNORECASE)
        markdown = bool(e.get("markdown"))
        decorations.append(Decoration(str(e["name"]), regex, str(e["replace"]), markdown, needs_of(regex)))
    return tuple(decorations)


_WORD_REF = re.compile(r"%([A-Z_]+)%")


def expand_words(pattern: str, words: dict[str, object]) -> str:
    """A pattern with each %NAME% replaced by the `[words]` entry `name` (a list becomes alternatives)."""

    def fragment(m: re.Match[str]) -> str:
        value = words[m.group(1).lower()]
        if isinstance(value, list):
            alternatives = [str(v) for v in value]
            if all(_PLAIN_WORD.fullmatch(v) for v in alternatives):
                return word_trie(alternatives)
            return "(?:" + "|".join(sorted(alternatives, key=len, reverse=True)) + ")"
        return expand_words(str(value), words)

    return _WORD_REF.sub(fragment, pattern)


_Trie = dict[str, "_Trie"]  # a letter -> the words' trie after it ('' marks a word's end)
_PLAIN_WORD = re.compile(r"[^\\.^$*+?{}\[\]|()]+")  # a list entry with no regex syntax: a word to spell


def word_trie(words: list[str]) -> str:
    """Plain words as one case-insensitive alternation that shares their prefixes ('se(?:p(?:t)?)?'
    for 'se', 'sep', 'sept'): the regex engine tries a few letters at a position, not every name
    (the month names are 149), and, longer continuations being tried first, finds the match the
    words' longest-first alternation finds."""
    tree: _Trie = {}
    for word in sorted({w.lower() for w in words}):
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: _Trie) -> str:
        arms = [re.escape(ch) + branch(child) for ch, child in sorted(node.items()) if ch]
        if not arms:
            return ""
        either = arms[0] if len(arms) == 1 else "(?:" + "|".join(arms) + ")"
        return "(?:" + either + ")?" if "" in node else either

    return "(?:" + branch(tree) + ")"


def _compile(entries: list[dict[str, object]], default_name: str, words: dict[str, object]) -> tuple[Pattern, ...]:
    return tuple(_pattern(entry, default_name, words) for entry in entries)


def _pattern(entry: dict[str, object], default_name: str, words: dict[str, object]) -> Pattern:
    """One table entry compiled; `needs` may name `[words]` entries as the pattern does."""
    regex = re.compile(expand_words(str(entry["pattern"]), words), re.IGNORECASE)
    needs = re.compile(expand_words(str(entry["needs"]), words), re.IGNORECASE) if "needs" in entry else None
    return Pattern(
        name=str(entry.get("name", entry.get("kind", default_name))),
        regex=regex,
        closes_comments=bool(entry.get("closes_comments", False)),
        lead_in=bool(entry.get("lead_in", False)),
        structural=bool(entry.get("structural", False)),
        evidence=bool(entry.get("evidence", False)),
        list_item=bool(entry.get("list_item", False)),
        markdown=bool(entry.get("markdown", False)),
        needs=needs,
        literals=needs_of(needs) if needs is not None else None,
    )


@cache
def _page_tables() -> dict[str, object]:
    raw = resources.files("commentscope").joinpath("data/page_patterns.toml").read_text("utf-8")
    return tomllib.loads(raw)


@cache
def month_numbers() -> dict[str, int]:
    """Every month name of the `[months]` table (any case folded) with its number."""
    table = _page_tables()["months"]
    assert isinstance(table, dict)
    return {name.casefold(): int(number) for number, names in table.items() for name in names}


def shared_word(name: str) -> str:
    """One entry of the `[words]` table as a regular expression fragment (a list joined with '|')."""
    words = _page_tables()["words"]
    assert isinstance(words, dict)
    value = words[name]
    return "|".join(value) if isinstance(value, list) else expand_words(str(value), _words())


@cache
def word_pattern(name: str) -> re.Pattern[str]:
    """One entry of the `[words]` table compiled (its %NAME%s expanded), case-insensitive."""
    return re.compile(expand_words(shared_word(name), _words()), re.IGNORECASE)


@cache
def _words() -> dict[str, object]:
    """The `[words]` table with `%MONTH%`: every name of `[months]`, the longest first."""
    words = _page_tables()["words"]
    assert isinstance(words, dict)
    return {**words, "month": sorted(month_numbers(), key=lambda m: (-len(m), m))}


def rating_line(text: str) -> bool:
    """Whether a line of a comment is a review widget's rating or purchase badge ('5 Sterne', '(4/5)',
    'Verified Purchase'; `[words] rating`), which both readers leave out of the text; also printed
    twice, as the stars' alt text and their label ('5 stars 5 stars', '5 stars5 stars')."""
    return _rating_twice().fullmatch(text.strip()) is not None


@cache
def _rating_twice() -> re.Pattern[str]:
    rating = word_pattern("rating").pattern
    return re.compile(f"(?:{rating})(?:\\s*(?:{rating}))?", re.IGNORECASE)


@cache
def page_knowledge() -> PageKnowledge:
    """The packaged pattern tables, compiled once."""
    data: dict[str, Any] = _page_tables()
    words = _words()
    return PageKnowledge(
        max_pattern_line=int(data["max_pattern_line"]),
        decorations=_decorations(data["decorations"]),
        avatars=_compile(data["avatars"], "avatar", words),
        roles=_compile(data["roles"], "role", words),
        markers=_compile(data["markers"], "marker", words),
        headers=_compile(data["headers"], "header", words),
        meta=_compile(data["meta"], "meta", words),
        boilerplate=_compile(data["boilerplate"], "boilerplate", words),
        cta=_compile(data["cta"], "cta", words),
    )
