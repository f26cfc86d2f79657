"""Whom a question is asked of: the site and its readers, one staff member, one reader, or (a
staff member asking) the readers (issue 13).

The `asked_of` column of questions.csv, from the evidence a person would use, first found wins:

- the comment addresses a commenter of the page by name in its first words, set off by
  punctuation ("Michael, ...", "Sorry, Michael S--I didn't see", "Thanks for the reply,
  CStevens."), or by `@handle`: "staff: NAME" or "reader: NAME" (a full name before a part of
  one; a first name two commenters share goes to the staff member);
- a staff member's question names no one: "readers" (the site asks its readers);
- on a flat page (no comment replies to another), the question opening the comment takes up two
  rare words of an earlier comment by someone else (words the article does not use, found in at
  most three comments of the page): it is asked of that comment's writer, an echo ("Welche
  Gedankenzitate werden aus dem Zusammenhang gerissen?" after "... Gedankenzitate aus dem
  Zusammenhang zu reissen");
- a reply (nested threads) that speaks to "you" ("How long did you take it?") is asked of the
  comment it replies to, when someone else wrote it;
- otherwise "": the page, its author and every reader.

A question asked of one reader, or by staff of the readers, is a conversation, not FAQ material
(`faq_material.asks_the_site`): "Thanks for the reply, CStevens. ... is there a simple model?"
follows up that reader's answer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property, lru_cache

from commentscope.analysis.function_words import content_stems, is_function_word
from commentscope.analysis.sentences import split_sentences
from commentscope.analysis.staff import StaffMember, address_names
from commentscope.model import Comment, Document

VOCATIVE_WORDS = 6  # a name among a comment's first words addresses its owner
ECHO_WORDS = 2  # rare words of an earlier comment a question takes up to speak to its writer
RARE_COMMENTS = 3  # a word found in at most this many comments of the page is rare
READERS = "readers"
_YOU = re.compile(r"\b(?:you|your|yours|u|du|dich|dir|dein\w*|euch|euer|eure\w*)\b", re.IGNORECASE)
FEW_NAMES = 24  # a page with more names looks them up by their first characters
_START = 3  # characters of a name's start that index it (`Addressees.named`)
_SET_OFF = r"(?=\s*(?:[,.!?:;]|--|[–—-]\s|$))"  # a vocative is set off by punctuation


class Addressees:
    """The names of one page's commenters, to tell whom each question comment addresses."""

    def __init__(self, doc: Document, staff: Mapping[str, StaffMember]) -> None:
        self.doc = doc
        self.staff = staff
        self._by_id = {c.comment_id: c for c in doc.comments}
        authors = list(dict.fromkeys([*(c.author for c in doc.comments if c.author), *staff]))
        # (name as written, its owner): full names first, then their parts, longest first
        named = [(a, a) for a in authors] + [(n, a) for a in authors for n in address_names(a)
                                             if n != a and not is_function_word(n)]  # "the" of "Snow on the Roof"
        ordered = sorted(named, key=lambda item: (-len(item[0]), item[1] not in staff))
        # each name with its casefolded form for a cheap first test; its pattern is compiled only
        # when a comment's opening holds that form (`_vocative`: most names never need it)
        self._names = [(name.casefold(), owner, name) for name, owner in ordered]
        self._longest = max((len(name) for name, _ in ordered), default=0)
        # a name is in an opening only if its first three characters are: each opening's
        # three-character runs pick the few names worth the full test (shorter names always are)
        self._by_start: dict[str, list[int]] = {}
        for k, (folded, _, _) in enumerate(self._names):
            self._by_start.setdefault(folded[:_START] if len(folded) >= _START else "", []).append(k)
        self._stem_cache: dict[str, frozenset[str]] = {}
        # where readers can reply, a comment that takes up another's words without replying to it
        # speaks to the page ("my doctor wants to put me on ..." after a reader's "my bone doctor")
        self._flat = not any(c.parent_id for c in doc.comments)

    def asked_of(self, comment: Comment, questions: Sequence[str]) -> str:
        """"" (the page), "staff: NAME", "reader: NAME" or "readers" (see the module docstring)."""
        named = self.named(comment)
        if named is not None:
            return self._label(named)
        if comment.author and comment.author in self.staff:
            return READERS
        echoed = self.echoed(comment, questions)
        if echoed is not None:
            return self._label(echoed)
        parent = self._by_id.get(comment.parent_id) if comment.parent_id else None
        if parent is not None and parent.author and not _same(parent.author, comment.author) and any(
                _YOU.search(q) for q in questions):
            return self._label(parent.author)
        return ""

    def named(self, comment: Comment) -> str | None:
        """The commenter (not the writer) whose name the comment's first words set off, or
        whose `@handle` they use."""
        text = " ".join(comment.text.split())
        head = len(" ".join(text.split(" ")[:VOCATIVE_WORDS]))  # a name must start within it
        opening = text[: head + self._longest + 2].casefold()  # holds every name that starts within it
        if len(self._names) <= FEW_NAMES:  # a few names are tested faster than the opening is indexed
            tried: Iterable[int] = range(len(self._names))
        else:
            starts = {opening[k : k + _START] for k in range(len(opening) - _START + 1)} | {""}
            tried = sorted(k for start in starts & self._by_start.keys() for k in self._by_start[start])
        for k in tried:
            folded, owner, name = self._names[k]
            if folded not in opening or _same(owner, comment.author):
                continue
            found = _vocative(name).search(text)
            if found and found.start() < head:
                return owner
        return None

    def echoed(self, comment: Comment, questions: Sequence[str]) -> str | None:
        """On a flat page, the writer of an earlier comment whose rare words the question opening
        the comment takes up: at least
        `ECHO_WORDS` of its content stems that the article does not use and at most
        `RARE_COMMENTS` comments of the page do ("Welche Gedankenzitate werden aus dem
        Zusammenhang gerissen?" after "Gedankenzitate aus dem Zusammenhang zu reissen")."""
        if not self._flat:
            return None
        sentences = split_sentences(comment.text)
        opening = [q for q in questions if sentences and q.strip() == sentences[0].strip()]  # it opens the comment
        earlier = [c for c in self.doc.comments[: comment.position] if c.author and not _same(c.author, comment.author)]
        for question in opening:
            rare = {t for t in content_stems(question)
                    if t not in self._article and self._frequency[t] <= RARE_COMMENTS}
            if len(rare) < ECHO_WORDS:
                continue
            for other in reversed(earlier):
                if len(rare & self._stems(other)) >= ECHO_WORDS:
                    return other.author
        return None

    @cached_property
    def _article(self) -> frozenset[str]:
        """The article's content stems (read when a question on a flat page is first weighed)."""
        return frozenset(content_stems(" ".join(line.seen for line in self.doc.article_lines)))

    @cached_property
    def _frequency(self) -> Counter[str]:
        """In how many of the page's comments each content stem occurs."""
        return Counter(t for c in self.doc.comments for t in self._stems(c))

    def _stems(self, comment: Comment) -> frozenset[str]:
        if comment.comment_id not in self._stem_cache:
            self._stem_cache[comment.comment_id] = frozenset(content_stems(comment.text))
        return self._stem_cache[comment.comment_id]

    def _label(self, author: str) -> str:
        return f"{'staff' if author in self.staff else 'reader'}: {author}"


@lru_cache(maxsize=4096)
def _vocative(name: str) -> re.Pattern[str]:
    """`name` as an @handle or set off by punctuation (compiled once per name, not per page)."""
    return re.compile(rf"@\s?{re.escape(name)}\b|(?:^|(?<=[\s,(])){re.escape(name)}{_SET_OFF}", re.IGNORECASE)


def _same(author: str, other: str | None) -> bool:
    return other is not None and author.strip().casefold() == other.strip().casefold()
