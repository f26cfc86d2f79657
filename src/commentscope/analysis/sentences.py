"""Offline, rule-based sentence splitting for reader comments (no Punkt model, no downloads).

Each line break ends a sentence; within a line, a run of `.?!…` ends one unless the context
says otherwise (abbreviation, decimal, ellipsis before a lowercase word, `?)` inside a clause).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Leading list markers that readers type at the start of a line: "1. ", "2) ", "• ", "- ".
_LIST_MARKER = re.compile(r"^(?:\(?\d{1,2}[.)]|[•◦▪‣●○■□►➢*\-–—])(?:\s+|$)")
# A run of terminal punctuation and the closing quotes/brackets that belong to its sentence.
_TERMINAL = re.compile(r"(?P<run>[.?!…]+)(?P<close>[)\]\"'”’»]*)")
_OPENERS = "\"'“‘«([{"

# Word lists are packed by hand, one table per line group.
# fmt: off
# Never end a sentence: a name, a number or an example follows ("Dr. Smith", "e.g. kefir").
_NEVER_FINAL = frozenset({
    "dr", "mr", "mrs", "ms", "prof", "rev", "sen", "gen", "vs", "v", "e.g", "i.e", "approx", "ca", "cf", "viz",
    "incl", "esp", "resp", "dept", "u.s", "u.k", "u.n", "e.u",
})
# End a sentence only before an uppercase word ("kefir, miso etc. Then ..." splits).
_FINAL_BEFORE_UPPER = frozenset({
    "etc", "mg", "mcg", "ug", "kg", "g", "ml", "oz", "lb", "lbs", "iu", "tsp", "tbsp", "hr", "hrs", "min", "mins",
    "sec", "wk", "wks", "yr", "yrs", "ph.d", "m.d", "d.o", "r.n", "inc", "ltd", "co", "corp", "jr", "sr", "al",
    "a.m", "p.m",
})
# fmt: on
# Abbreviations that precede a number ("No. 5", "Fig. 2", "pp. 12").
_BEFORE_NUMBER = frozenset({"no", "nos", "vol", "fig", "figs", "pp", "p", "ch", "sec"})


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`, verbatim and stripped; a line break always ends a sentence."""
    return list(_sentences(text))


@lru_cache(maxsize=1024)
def _sentences(text: str) -> tuple[str, ...]:
    """`split_sentences`, remembered for recent texts: one page's analyzers split each of its
    comments up to four times (sentiment, questions, answers to them)."""
    sentences: list[str] = []
    for raw_line in text.splitlines():
        line = _LIST_MARKER.sub("", raw_line.strip(), count=1).strip()
        if line:
            sentences.extend(_split_line(line))
    return tuple(sentences)


def _split_line(line: str) -> list[str]:
    """Sentences of one line; fragments without a letter or digit join the sentence before."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _TERMINAL.finditer(line):
        if match.end() < len(line) and _is_boundary(line, match):
            spans.append((start, match.end()))
            start = match.end()
    spans.append((start, len(line)))
    merged: list[tuple[int, int]] = []
    for begin, end in spans:
        if merged and not any(ch.isalnum() for ch in line[begin:end]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((begin, end))
    return [s for s in (line[b:e].strip() for b, e in merged) if s]


def _is_boundary(line: str, match: re.Match[str]) -> bool:
    """Whether the punctuation run in `match` ends a sentence, judged by what surrounds it."""
    run, closed = match["run"], bool(match["close"])
    after = line[match.end() :]
    spaced = after[:1].isspace()
    following = after.lstrip().lstrip(_OPENERS)
    nxt = following[:1]
    if "?" in run or "!" in run:
        if not spaced:  # "it?Then" splits; "Yahoo!com" and a web address's query ("page.php?CA") do not
            return nxt.isupper() and not _in_address(line, match.start())
        return not (closed and nxt.islower())  # "($15?) filter" stays one sentence
    if len(run) > 1 or "…" in run:
        return nxt.isupper()  # ellipsis: "hurt..but" continues, "…We envision" starts anew
    return _period_ends(_word_before(line, match.start()), nxt, spaced=spaced)


def _in_address(line: str, end: int) -> bool:
    """Whether the text before `end` ends in a web address ("https://…", "www.…")."""
    token = line[:end].rsplit(None, 1)[-1] if line[:end].strip() else ""
    return "://" in token or token.lstrip(_OPENERS).lower().startswith("www.")


def _word_before(line: str, end: int) -> str:
    """The run of word characters and dots that ends at `end` (what `[\\w.]*$` finds there),
    read backwards: the regex, searched from the line's start, tried every position before it."""
    start = end
    while start and (line[start - 1].isalnum() or line[start - 1] in "_."):
        start -= 1
    return line[start:end]


def _period_ends(word: str, nxt: str, *, spaced: bool) -> bool:
    """Whether a single '.' after `word` ends a sentence when `nxt` is the next character."""
    key = word.lower()
    if not spaced:  # "twice.Then" splits; "99.9", "e.g.Vitamin", "E.coli", "site.org" do not
        return (
            nxt.isupper()
            and word.isalpha()
            and word.islower()
            and len(word) > 1
            and (key not in _NEVER_FINAL and key not in _FINAL_BEFORE_UPPER)
        )
    if key in _NEVER_FINAL:
        return False
    if nxt.isdigit():
        return key not in _BEFORE_NUMBER
    if nxt.islower():  # "etc. and", "L. rhamnosus", "a.m. on" continue the sentence
        return not (key in _FINAL_BEFORE_UPPER or len(word) == 1 or "." in word)
    return True
