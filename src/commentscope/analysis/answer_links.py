"""Which later comment answers a question, and why: reply links first, then flat-thread evidence.

Nested threads answer in the reply tree: a question is answered by the first comment of its
reply subtree, by someone else, that `answer_kind` calls an answer (evidence "reply").

A question comment without such a reply (every comment of a flat thread, and questions nobody
replied to) is linked to a later top-level comment, by someone else, with the strongest of the
evidence a person would use, in this order:

- "names the asker": the comment opens with the asker's name or handle ("Rebecca, yes...",
  "@Rebecca") or speaks of their question ("To answer Tom's question");
- "quotes the question": it contains `QUOTE_WORDS` consecutive words of the question;
- "next staff comment": it is the first staff comment after the question, within
  `WINDOW` comments, and it addresses no other reader by name;
- "topical overlap": it is within `WINDOW` comments, addresses no other reader, and shares
  content words with the question (term-vector cosine >= `OVERLAP`).

Time order is page order: only later comments answer. Ties go to the earliest comment. A
candidate whose text is a refusal, bare thanks or noise does not answer.

A reader's comment may also carry the site's answer inline ("AUTHOR: ...", "[Editor's note:
...]", "Reply from Anna: ..."): `split_inline_answer` separates it, and the question counts as
answered by staff with evidence "inline answer".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from commentscope.analysis.answers import (
    AnswerKind,
    AnswerStatus,
    StaffMember,
    _first_name,
    _opens_with,
    answer_kind,
)
from commentscope.analysis.similarity import cosine, term_vector
from commentscope.model import Comment, Document
from commentscope.text import words

QUOTE_WORDS = 6
WINDOW = 4
OVERLAP = 0.25


@dataclass(frozen=True)
class InlineAnswer:
    """A comment split into the reader's own text and the site's answer written inside it."""

    reader_text: str
    answer_text: str
    label: str  # the marker that introduced the answer, e.g. "Editor's note" or "Anna"


_MARKER = r"(?:editor|ed|moderator|mod|admin|author|webmaster|site)['’]?s?\.?\s*(?:note|reply|response|answer|comment)?"
_BRACKETED = re.compile(rf"[\[(]\s*({_MARKER})\s*[:\-–—]\s*(.+?)[\])]?\s*$", re.IGNORECASE | re.DOTALL)
_LINE_MARKERS = (
    re.compile(rf"^\s*\[?\s*({_MARKER})\s*[:\-–—]\s*(.*)$", re.IGNORECASE | re.DOTALL),
    re.compile(r"^\s*((?:reply|response|answer)\s+from\s+[^:\n]{1,40}?)\s*[:\-–—]\s*(.*)$", re.IGNORECASE | re.DOTALL),
    re.compile(r"^\s*(A|ANSWER|REPLY|RESPONSE)\s*:\s*(.*)$", re.DOTALL),
)


def split_inline_answer(text: str, staff_names: tuple[str, ...] = ()) -> InlineAnswer | None:
    """The site's answer written inside a reader's comment, or None.

    A line (not the first) that opens with an editor's marker ("Editor's note:", "Reply from
    Anna:", "A:", a staff name or an all-capitals name and a colon), or a bracketed editor's note
    at the end of the comment, starts the answer; everything from there on is the answer.
    """
    lines = text.split("\n")
    names = [n for n in (_first_name(s) for s in staff_names) if n]
    name_marker = re.compile(
        r"^\s*((?:" + "|".join(re.escape(n) for n in names) + r")\b[^:\n]{0,20}|[A-Z][A-Z'’. -]{2,30})\s*:\s*(.*)$",
        re.IGNORECASE if names else 0,
    ) if names else re.compile(r"^\s*([A-Z][A-Z'’. -]{2,30})\s*:\s*(.*)$")
    for k in range(1, len(lines)):
        for pattern in (*_LINE_MARKERS, name_marker):
            found = pattern.match(lines[k])
            if found and found.group(2).strip():
                answer = "\n".join([found.group(2), *lines[k + 1 :]]).strip()
                return InlineAnswer("\n".join(lines[:k]).strip(), answer, found.group(1).strip(" ["))
    bracketed = _BRACKETED.search(text)
    if bracketed and bracketed.start() > 0:
        return InlineAnswer(text[: bracketed.start()].strip(), bracketed.group(2).strip(), bracketed.group(1).strip())
    return None


class AnswerFinder:
    """Answer links for the questions of one page (built once per page)."""

    def __init__(self, doc: Document, staff: dict[str, StaffMember]) -> None:
        self.doc = doc
        self.staff = staff
        self._names = {c.author: _first_name(c.author) for c in doc.comments if c.author}
        self._word_cache: dict[str, list[str]] = {}
        self._kind_cache: dict[tuple[str, str | None], AnswerKind] = {}
        self._opened_cache: dict[str, frozenset[str]] = {}  # comment id -> the page's names it opens with
        self._children: dict[str, list[Comment]] = {}
        for comment in doc.comments:
            if comment.parent_id is not None:
                self._children.setdefault(comment.parent_id, []).append(comment)

    def status(self, question: Comment, asked: list[str] | None = None) -> AnswerStatus:
        """Answered status of a question comment; `asked` are its question sentences."""
        inline = split_inline_answer(question.text, tuple(self.staff))
        if inline and answer_kind(inline.answer_text, question.author) is AnswerKind.ANSWER:
            return AnswerStatus(True, "staff", f"inline answer ({inline.label})")
        subtree = self._subtree(question)
        for reply in subtree:
            if self._other(reply, question) and self._kind(reply, question.author) is AnswerKind.ANSWER:
                return self._found(reply, "reply")
        if subtree:
            return AnswerStatus(False, "", "replies, none an answer")
        return self._flat_status(question, asked or [question.text])

    def _flat_status(self, question: Comment, asked: list[str]) -> AnswerStatus:
        following = self.doc.comments[question.position + 1 :]
        later = [c for c in following if c.parent_id is None and self._other(c, question)]
        name = self._names.get(question.author or "", "")
        vector = term_vector(" ".join(asked))
        asked_words = [words(q) for q in asked]
        best: tuple[int, int, Comment, str] | None = None
        staff_seen = False
        for offset, candidate in enumerate(later):
            evidence = self._evidence(candidate, offset, name, asked_words, vector, staff_seen)
            is_staff = candidate.author in self.staff
            if evidence is None and (staff_seen or not is_staff):
                continue
            answers = self._kind(candidate, question.author) is AnswerKind.ANSWER
            staff_seen = staff_seen or (answers and is_staff)  # a staff "thanks" is not the staff's answer
            if evidence is None or not answers:
                continue
            strength, label = evidence
            if best is None or strength > best[0]:
                best = (strength, offset, candidate, label)
        if best is None:
            return AnswerStatus(False, "", "no later comment answers it")
        return self._found(best[2], best[3])

    def _evidence(self, candidate: Comment, offset: int, name: str, asked_words: list[list[str]],
                  vector: dict[str, float], staff_seen: bool) -> tuple[int, str] | None:
        """(strength, label) of the best evidence that `candidate` answers, or None."""
        text = candidate.text
        mentioned = rf"(?:@{re.escape(name)}\b|\b{re.escape(name)}['’]s\s+question)"
        if name and (_opens_with(text, name) or re.search(mentioned, text, re.IGNORECASE)):
            return 4, "names the asker"
        if _quotes(self._words(candidate), asked_words):
            return 3, "quotes the question"
        if offset >= WINDOW or self._addresses_someone(candidate, name):
            return None
        if candidate.author in self.staff and not staff_seen:
            return 2, "next staff comment"
        if cosine(term_vector(text), vector) >= OVERLAP:
            return 1, "topical overlap"
        return None

    def _words(self, comment: Comment) -> list[str]:
        if comment.comment_id not in self._word_cache:
            self._word_cache[comment.comment_id] = words(comment.text)
        return self._word_cache[comment.comment_id]

    def _kind(self, comment: Comment, asker: str | None) -> AnswerKind:
        key = (comment.comment_id, asker)
        if key not in self._kind_cache:
            self._kind_cache[key] = answer_kind(comment.text, asker)
        return self._kind_cache[key]

    def _addresses_someone(self, comment: Comment, asker_name: str) -> bool:
        """The comment opens with the name of a commenter other than the asker."""
        if comment.comment_id not in self._opened_cache:
            names = {n for n in self._names.values() if n}
            self._opened_cache[comment.comment_id] = frozenset(n for n in names if _opens_with(comment.text, n))
        opened = self._opened_cache[comment.comment_id]
        return any(n in opened and n != asker_name and a != comment.author for a, n in self._names.items())

    def _found(self, answer: Comment, evidence: str) -> AnswerStatus:
        by = "staff" if answer.author is not None and answer.author in self.staff else "reader"
        return AnswerStatus(True, by, f"{evidence}: comment {answer.comment_id}", answer.comment_id)

    def _subtree(self, question: Comment) -> list[Comment]:
        found: list[Comment] = []
        stack = list(reversed(self._children.get(question.comment_id, [])))
        while stack:
            comment = stack.pop()
            found.append(comment)
            stack.extend(reversed(self._children.get(comment.comment_id, [])))
        return sorted(found, key=lambda c: c.position)

    @staticmethod
    def _other(comment: Comment, question: Comment) -> bool:
        return comment.author is None or comment.author != question.author


def _quotes(reply: list[str], asked: list[list[str]], size: int = QUOTE_WORDS) -> bool:
    """The reply repeats `size` consecutive words of one of the questions in `asked`."""
    grams = {tuple(reply[k : k + size]) for k in range(len(reply) - size + 1)}
    return any(tuple(q[k : k + size]) in grams for q in asked for k in range(len(q) - size + 1))
