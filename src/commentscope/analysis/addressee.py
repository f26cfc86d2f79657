"""Whom a question is asked of: the site and its readers, one staff member, one reader, or (a
staff member asking) the readers (issue 13).

The `asked_of` column of questions.csv, from the evidence a person would use, first found wins:

- the comment addresses a commenter of the page by name in its first words, set off by
  punctuation ("Michael, ...", "Sorry, Michael S--I didn't see", "Thanks for the reply,
  CStevens."), or by `@handle`: "staff: NAME" or "reader: NAME" (a full name before a part of
  one; a first name two commenters share goes to the staff member);
- a staff member's question names no one: "readers" (the site asks its readers);
- a reply (nested threads) that speaks to "you" ("How long did you take it?") is asked of the
  comment it replies to, when someone else wrote it;
- otherwise "": the page, its author and every reader.

A question asked of one reader, or by staff of the readers, is a conversation, not FAQ material
(`faq_material.asks_the_site`): "Thanks for the reply, CStevens. ... is there a simple model?"
follows up that reader's answer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from commentscope.analysis.function_words import is_function_word
from commentscope.analysis.staff import StaffMember, address_names
from commentscope.model import Comment, Document

VOCATIVE_WORDS = 6  # a name among a comment's first words addresses its owner
READERS = "readers"
_YOU = re.compile(r"\b(?:you|your|yours|u|du|dich|dir|dein\w*|euch|euer|eure\w*)\b", re.IGNORECASE)
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
        self._names = sorted(named, key=lambda item: (-len(item[0]), item[1] not in staff))

    def asked_of(self, comment: Comment, questions: Sequence[str]) -> str:
        """"" (the page), "staff: NAME", "reader: NAME" or "readers" (see the module docstring)."""
        named = self.named(comment)
        if named is not None:
            return self._label(named)
        if comment.author and comment.author in self.staff:
            return READERS
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
        for name, owner in self._names:
            if _same(owner, comment.author):
                continue
            escaped = re.escape(name)
            found = re.search(rf"@\s?{escaped}\b|(?:^|(?<=[\s,(])){escaped}{_SET_OFF}", text, re.IGNORECASE)
            if found and found.start() < head:
                return owner
        return None

    def _label(self, author: str) -> str:
        return f"{'staff' if author in self.staff else 'reader'}: {author}"


def _same(author: str, other: str | None) -> bool:
    return other is not None and author.strip().casefold() == other.strip().casefold()
