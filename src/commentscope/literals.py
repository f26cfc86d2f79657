"""The literal text every match of a regular expression holds: a cheap test before the regex.

`needs_of(regex)` reads the pattern's syntax tree and returns strings of which every match must
contain at least one (a case-insensitive pattern's in `fold`ed form), or None when no such
literal is certain (an empty pattern, only classes such as `\\w`). `Needs.possible(text)` is
False only where the regex cannot match, so `needs.possible(text) and regex.search(text)` is
`regex.search(text)`, usually without running it: most tables of patterns (question rules,
promotional patterns) match few of the texts they are tried on.

The tree comes from `re._parser`, CPython's own parser; on an interpreter without it every
pattern simply has no needs (the regex always runs).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

try:  # CPython's regular expression parser (private, stable across 3.11-3.13)
    from re import _casefix as _re_casefix  # type: ignore[attr-defined]
    from re import _constants as _re_constants  # type: ignore[attr-defined]
    from re import _parser as _re_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other interpreters: no needs, the regex always runs
    _re_parser = None

MAX_STRINGS = 40  # a set of more alternatives than this tests slower than the regex


@dataclass(frozen=True, slots=True)
class Needs:
    """Strings of which every match holds one (`folded`: in `fold`ed form, the pattern ignoring case)."""

    strings: tuple[str, ...]
    folded: bool = False

    def possible(self, text: str) -> bool:
        """Whether the regex may match `text`: False only when no needed string occurs in it."""
        haystack = fold(text) if self.folded else text
        return any(s in haystack for s in self.strings)


def _fixes() -> dict[int, int]:
    """Lower-case characters that `re.IGNORECASE` takes as another one ('ı' as 'i', 'ſ' as 's',
    'σ' as 'ς'): each mapped to the lowest of its kind."""
    if _re_parser is None:  # pragma: no cover
        return {}
    return {low: min(low, *others) for low, others in _re_casefix._EXTRA_CASES.items() if min(low, *others) != low}


_FIXES = _fixes()
_FIXED = re.compile("[" + "".join(map(chr, _FIXES)) + "]") if _FIXES else None


def fold(text: str) -> str:
    """`text` with every character replaced by its representative under `re.IGNORECASE` (its
    lower case, 'ſ' as 's', 'ı' as 'i', 'İ' as 'i'): a case-insensitive regex matches only where
    the folded text holds its folded literals."""
    if text.isascii():
        return text.lower()
    # str.lower is the regex's own one-character lower case except for 'İ' ('i' and a dot)
    lowered = text.replace("İ", "i").lower()
    return lowered.translate(_FIXES) if _FIXED is not None and _FIXED.search(lowered) else lowered


def needs_of(regex: re.Pattern[str]) -> Needs | None:
    """The strings every match of `regex` holds one of, or None (see the module docstring)."""
    if _re_parser is None:  # pragma: no cover
        return None
    tree = _re_parser.parse(regex.pattern, regex.flags)
    folded = bool(tree.state.flags & re.IGNORECASE)
    found = _sequence(list(tree), folded)
    if not found or len(found) > 2 * MAX_STRINGS:  # (too many even before those holding another go)
        return None
    # a string holding another needed string adds nothing ("wondering" after "wonder")
    kept = [s for s in found if not any(t != s and t in s for t in found)]
    if len(kept) > MAX_STRINGS:
        return None
    return Needs(tuple(sorted(kept, key=lambda s: (len(s), s))), folded)


def _sequence(items: Sequence[tuple[Any, Any]], folded: bool) -> frozenset[str] | None:
    """Needs of a sequence of nodes: any one element's needs, or a run of literal characters;
    the most selective (longest shortest string, then fewest strings)."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _re_constants.LITERAL:
            run.append(_char(av, folded))
            continue
        if run:
            candidates.append(frozenset({"".join(run)}))
            run = []
        found = _node(op, av, folded)
        if found:
            candidates.append(found)
    if run:
        candidates.append(frozenset({"".join(run)}))
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def _node(op: Any, av: Any, folded: bool) -> frozenset[str] | None:
    c = _re_constants
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if (add_flags | del_flags) & re.IGNORECASE:
            return None  # the case rule changes inside: no literal is certain
        return _sequence(list(sub), folded)
    if op is c.ATOMIC_GROUP:
        return _sequence(list(av), folded)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _high, sub = av
        return _sequence(list(sub), folded) if low >= 1 else None
    if op is c.BRANCH:
        return _union(_sequence(list(alternative), folded) for alternative in av[1])
    if op is c.IN and all(member_op is c.LITERAL for member_op, _ in av):
        return frozenset(_char(code, folded) for _, code in av)
    return None  # anchors, look-arounds, classes, any character: no literal


def _union(parts: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    found: set[str] = set()
    for part in parts:
        if not part:
            return None
        found |= part
    return frozenset(found)


def _char(code: int, folded: bool) -> str:
    return fold(chr(code)) if folded else chr(code)
