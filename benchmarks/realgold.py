"""Scoring comment threads against gold: which predicted comment is which gold comment, and F1.

Shared by the real-page benchmarks (HTML pages, exports, text dumps). A predicted comment *finds*
a gold comment when their texts agree (normalised: case, whitespace, punctuation); it is *right*
when, in addition, the author and the reply depth agree. Pairs are matched one to one, in order.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

PREFIX_CHARS = 25  # issue 8's "found with its text": the first 25 characters agree
TEXT_RATIO = 0.9  # or the whole texts are this similar


@dataclass(frozen=True)
class Item:
    """One comment reduced to what is scored."""

    text: str
    author: str
    depth: int


@dataclass
class Score:
    """Counts over many documents; add them up, then read the rates."""

    gold: int = 0
    predicted: int = 0
    found: int = 0  # text agrees
    author_right: int = 0  # of the found: author agrees
    depth_right: int = 0  # of the found: depth agrees
    right: int = 0  # text, author and depth agree

    def __iadd__(self, other: Score) -> Score:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    @property
    def recall_found(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """F1 of comments right in text + author + depth."""
        total = self.gold + self.predicted
        return 2 * self.right / total if total else 1.0

    @property
    def false_comments(self) -> int:
        return self.predicted - self.found


def norm_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def norm_author(author: str | None) -> str:
    return " ".join(norm_text(author or "").split())


def same_text(a: str, b: str) -> bool:
    if not a or not b:
        return a == b
    if a[:PREFIX_CHARS] == b[:PREFIX_CHARS]:
        return True
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= TEXT_RATIO


def items(comments: Iterable[dict[str, Any]]) -> list[Item]:
    """Gold or predicted comments (dicts with text, author, depth) as scored items."""
    return [Item(norm_text(str(c["text"])), norm_author(c.get("author")), int(c["depth"])) for c in comments]


def score(gold: Sequence[Item], predicted: Sequence[Item]) -> Score:
    """Match predicted to gold one to one, in order (a later match never jumps back)."""
    result = Score(gold=len(gold), predicted=len(predicted))
    used: set[int] = set()
    start = 0
    for p in predicted:
        match = next((i for i in range(start, len(gold)) if i not in used and same_text(gold[i].text, p.text)), None)
        if match is None:  # out of order: look behind too
            match = next((i for i in range(start) if i not in used and same_text(gold[i].text, p.text)), None)
        if match is None:
            continue
        used.add(match)
        start = match + 1 if match >= start else start
        g = gold[match]
        result.found += 1
        result.author_right += g.author == p.author
        result.depth_right += g.depth == p.depth
        result.right += g.author == p.author and g.depth == p.depth
    return result


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The records of a gold.jsonl file (one per corpus file)."""
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
