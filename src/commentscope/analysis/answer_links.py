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
- "next comment": it comes right after the question, asks nothing, and shares content words
  with it (cosine >= `NEXT_OVERLAP`), a word no third comment of the page uses, or opens like an
  answer ("Yes, ...");
- "topical overlap": it is within `WINDOW` comments, addresses no other reader, and shares
  content words with the question (term-vector cosine >= `OVERLAP`);
- "later staff comment": a staff comment `WINDOW` or more comments later that addresses and
  quotes no other reader and shares content words with the whole question comment (cosine >=
  `LATE_OVERLAP`), even after the asker spoke again: staff often answer in one sitting.

A comment that asks something itself gives only "topical overlap" evidence, from the sentences
it states ("Could it be mites? Our outdoor cats never bring in dirt." answers a poll on dirt).

Overlap compares stems of content words, English and German function words dropped
(`reply_overlap.overlap_vector`: "ich habe und" in two German comments is no shared subject).

A comment that quotes another reader's earlier comment (`QUOTE_WORDS` words, or 3+ words in
quotation marks) answers that reader, so it gives no staff or overlap evidence for this question.

A question whose asker later says they found the answer themselves ("ups, schon gesehen", "never
mind, found it"), thanking and naming no one, is unanswered with answered_by "asker" (evidence
"resolved by the asker") unless a strong link (name, quote, next staff comment) answered it.

Time order is page order: only later comments answer. Ties go to the earliest comment. A
candidate whose text is a refusal, bare thanks or noise does not answer.

A reader's comment may also carry the site's answer inline (`inline_answer.split_inline_answer`):
the question then counts as answered by staff with evidence "inline answer".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from commentscope.analysis import answer_cues as cues
from commentscope.analysis.answers import AnswerKind, AnswerStatus, answer_kind
from commentscope.analysis.function_words import is_function_word
from commentscope.analysis.inline_answer import split_inline_answer
from commentscope.analysis.reply_overlap import gives_what_is_asked, overlap_vector, word_form_overlap
from commentscope.analysis.sentences import split_sentences
from commentscope.analysis.similarity import SparseVector, cosine
from commentscope.analysis.staff import StaffMember, address_names, first_name, opened_names
from commentscope.model import Comment, Document, LineRole
from commentscope.text import words

WINDOW = 4
OVERLAP = 0.25
RARE_WORD_COMMENTS = 2  # a word found in this many comments of the page (question, answer) is rare
WEAK_EVIDENCE = 2  # "next comment", "topical overlap", "later staff comment": the asker's own find outweighs them
NEXT_OVERLAP = 0.12  # the comment right after a question, asking nothing itself, needs less overlap
LATE_OVERLAP = 0.25  # a staff comment beyond WINDOW and the question's whole comment share this much


class AnswerFinder:
    """Answer links for the questions of one page (built once per page)."""

    def __init__(self, doc: Document, staff: dict[str, StaffMember]) -> None:
        self.doc = doc
        self.staff = staff
        # names readers address each other by; a name that is a function word ("ICH") is not told
        # apart from the word opening a sentence ("Ich habe ...")
        self._names: dict[str, str] = {}
        for author in dict.fromkeys(c.author for c in doc.comments if c.author):
            name = first_name(author)
            self._names[author] = "" if is_function_word(name) else name
        # casefolded name -> (author, name) of everyone who goes by it: a comment's opening is
        # looked up in it rather than testing every name of the page
        self._by_name: dict[str, list[tuple[str, str]]] = {}
        for author, name in self._names.items():
            if name:
                self._by_name.setdefault(name.casefold(), []).append((author, name))
        self._keys = {c.comment_id: _author_key(c) for c in doc.comments}
        self._word_cache: dict[str, list[str]] = {}
        self._gram_cache: dict[str, set[tuple[str, ...]]] = {}  # comment id -> its word runs not in the article
        self._asks_cache: dict[str, bool] = {}
        self._speaks_cache: dict[str, bool] = {}
        self._kind_cache: dict[tuple[str, str | None], AnswerKind] = {}
        self._opened_cache: dict[str, frozenset[str]] = {}  # comment id -> the names it could open with
        self._children: dict[str, list[Comment]] = {}
        for comment in doc.comments:
            if comment.parent_id is not None:
                self._children.setdefault(comment.parent_id, []).append(comment)
        self._vector_cache: dict[str, SparseVector] = {}
        self._holders_cache: dict[str, list[Comment]] = {}  # comment id -> `_earlier_holders`

    @cached_property
    def _article_grams(self) -> set[tuple[str, ...]]:
        """The article's runs of `QUOTE_WORDS` words (read when a comment's are first needed)."""
        return cues.grams(words(" ".join(ln.text for ln in self.doc.lines if ln.role is LineRole.ARTICLE)))

    @cached_property
    def _first_holder(self) -> dict[tuple[str, ...], int]:
        """Each comment word run (`_grams`) -> index of the first comment holding it."""
        first: dict[tuple[str, ...], int] = {}
        for k in range(len(self.doc.comments) - 1, -1, -1):  # earlier comments overwrite later ones
            first.update(dict.fromkeys(self._grams(self.doc.comments[k]), k))
        return first

    @cached_property
    def _frequency(self) -> Counter[str]:
        """In how many of the page's comments each content stem occurs."""
        return Counter(t for c in self.doc.comments for t in set(self._vector(c)))

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
            own = next((r for r in subtree if not self._other(r, question) and self._resolves(r)), None)
            return _resolved(own) if own else AnswerStatus(False, "", "replies, none an answer")
        return self._flat_status(question, asked or [question.text])

    def _flat_status(self, question: Comment, asked: list[str]) -> AnswerStatus:
        following = [c for c in self.doc.comments[question.position + 1 :] if c.parent_id == question.parent_id]
        context = _Context(question, asked, first_name(question.author or ""), [words(q) for q in asked])
        asker = self._keys[question.comment_id]
        best: tuple[int, Comment, str] | None = None
        for offset, candidate in enumerate(following):
            if asker is not None and self._keys[candidate.comment_id] == asker:
                context.asker_spoke_again = True
                if context.resolution is None and self._resolves(candidate):
                    context.resolution = candidate
                continue
            evidence = self._evidence(candidate, offset, context)
            is_staff = candidate.author in self.staff
            if evidence is not None and not self._asks_only(candidate) and (
                    self._kind(candidate, question.author) is AnswerKind.ANSWER):
                strength, label = evidence
                if best is None or strength > best[0]:
                    best = (strength, candidate, label)
                context.staff_seen = context.staff_seen or is_staff
            elif is_staff and not self._asks_only(candidate) and (
                    self._kind(candidate, question.author) is AnswerKind.ANSWER):
                context.staff_seen = True  # a staff "thanks" is not the staff's answer
            if not is_staff and "?" in candidate.text:
                context.other_question_seen = True
        if context.resolution is not None and (best is None or best[0] <= WEAK_EVIDENCE):
            return _resolved(context.resolution)
        if best is None:
            return AnswerStatus(False, "", "no later comment answers it")
        return self._found(best[1], best[2])

    def _resolves(self, comment: Comment) -> bool:
        """The asker's later comment says they found the answer themselves ("ups, schon gesehen",
        "never mind, found it"), thanking and naming no one (that would confirm someone's answer)."""
        text = comment.text
        if not cues.SELF_RESOLVED.search(text) or cues.THANKS.search(text):
            return False
        opened = self._opened(comment)
        return not any(a != comment.author
                       for folded in opened & self._by_name.keys() for a, _ in self._by_name[folded])

    def _evidence(self, candidate: Comment, offset: int, context: _Context) -> tuple[int, str] | None:
        """(strength, label) of the best evidence that `candidate` answers, or None."""
        text = candidate.text
        # it repeats a run of the question's words that is not the article's own (two readers
        # quoting the article do not answer each other)
        if not self._grams(candidate).isdisjoint(context.asked_grams):
            return 4, "quotes the question"
        if not context.asker_spoke_again and self._names_asker(candidate, context):
            return 5, "names the asker"
        if offset >= WINDOW:
            return self._late_staff(candidate, context)
        if context.asker_spoke_again or self._addresses_someone(candidate, context.name):
            return None  # later comments answer the asker's newer comment, or the reader named
        if self._quotes_another(candidate, context.question):
            return None  # it quotes, and so answers, someone else's comment
        if candidate.author in self.staff and not context.staff_seen and not context.other_question_seen:
            return 3, "next staff comment"
        if cues.ASKS_OR_ADDRESSES_ALL.search(text):
            return None  # weak evidence: a comment that speaks to everyone starts its own thread
        if "?" in text:  # it asks too: only what it states may answer, on the question's own words
            statements = " ".join(s for s in split_sentences(text) if "?" not in s)
            if word_form_overlap(context.vector, overlap_vector(statements)) >= OVERLAP:
                return 1, "topical overlap"
            return None
        overlap = word_form_overlap(context.vector, self._vector(candidate))
        if offset == 0 and (overlap >= NEXT_OVERLAP or cues.ANSWER_START.match(text)
                            or self._shares_rare_word(candidate, context) or gives_what_is_asked(context.asked, text)):
            return 2, "next comment"
        if overlap >= OVERLAP:
            return 1, "topical overlap"
        return None

    def _late_staff(self, candidate: Comment, context: _Context) -> tuple[int, str] | None:
        """A staff comment further on that speaks of what the question's comment speaks of
        (whole comments, cosine >= `LATE_OVERLAP`), addressing and quoting no other reader:
        staff often answer a flat thread in one sitting, long after the question."""
        if candidate.author not in self.staff or self._addresses_someone(candidate, context.name):
            return None
        if self._quotes_another(candidate, context.question):
            return None
        if cosine(self._vector(candidate), self._vector(context.question)) < LATE_OVERLAP:
            return None
        return 2, "later staff comment"

    def _shares_rare_word(self, candidate: Comment, context: _Context) -> bool:
        """The candidate shares with the question a word that no other comment of the page uses
        ("Silikonform" in the question and the comment after it only)."""
        shared = context.vector.keys() & self._vector(candidate).keys()
        return any(self._frequency[t] <= RARE_WORD_COMMENTS for t in shared)

    def _names_asker(self, candidate: Comment, context: _Context) -> bool:
        """The comment opens with a name of the asker's, @-mentions them, or speaks of their question."""
        text, asker = candidate.text, context.asker
        if not self._opened(candidate).isdisjoint(asker.folded):
            return True
        if "@" in text:
            handles = {h.casefold() for h in cues.HANDLE.findall(text)}
            whole = asker.whole
            if any(h in asker.folded or h == whole or (len(h) >= 4 and whole.startswith(h)) for h in handles):
                return True
        return bool(asker.names) and self._speaks_of_question(candidate) and (
            cues.possessive(asker.names).search(text) is not None)

    def _quotes_another(self, candidate: Comment, question: Comment) -> bool:
        """The candidate repeats `QUOTE_WORDS` words, or a passage of 3+ words it puts in quotation
        marks, of an earlier comment by neither it nor the asker."""
        grams = self._grams(candidate)
        excluded = {k for k in (self._keys[question.comment_id], self._keys[candidate.comment_id]) if k is not None}
        # the first comments holding its word runs decide at once unless one of them is excluded
        earlier = self._earlier_holders(candidate)
        if any((key := self._keys[c.comment_id]) is None or key not in excluded for c in earlier):
            return True
        quoted = [" ".join(words(q)) for q in cues.QUOTED.findall(candidate.text) if len(words(q)) >= 3]
        others = [c for c in self.doc.comments[: candidate.position]
                  if (key := self._keys[c.comment_id]) is None or key not in excluded]  # `_same_author` to neither
        if earlier:
            return any(not grams.isdisjoint(self._grams(c)) or any(q in " ".join(self._words(c)) for q in quoted)
                       for c in others)
        return bool(quoted) and any(any(q in " ".join(self._words(c)) for q in quoted) for c in others)

    def _earlier_holders(self, comment: Comment) -> list[Comment]:
        """The earlier comments that hold first one of the comment's word runs (`_first_holder`),
        read once per comment: every question it may answer asks it."""
        found = self._holders_cache.get(comment.comment_id)
        if found is None:
            first = self._first_holder
            found = [self.doc.comments[k] for k in {first[g] for g in self._grams(comment)} if k < comment.position]
            self._holders_cache[comment.comment_id] = found
        return found

    def _words(self, comment: Comment) -> list[str]:
        if comment.comment_id not in self._word_cache:
            self._word_cache[comment.comment_id] = words(comment.text)
        return self._word_cache[comment.comment_id]

    def _grams(self, comment: Comment) -> set[tuple[str, ...]]:
        if comment.comment_id not in self._gram_cache:
            self._gram_cache[comment.comment_id] = cues.grams(self._words(comment)) - self._article_grams
        return self._gram_cache[comment.comment_id]

    def _asks_only(self, comment: Comment) -> bool:
        if comment.comment_id not in self._asks_cache:
            self._asks_cache[comment.comment_id] = cues.asks_only(comment.text)
        return self._asks_cache[comment.comment_id]

    def _speaks_of_question(self, comment: Comment) -> bool:
        if comment.comment_id not in self._speaks_cache:
            self._speaks_cache[comment.comment_id] = cues.SPEAKS_OF_QUESTION.possible(comment.text)
        return self._speaks_cache[comment.comment_id]

    def _vector(self, comment: Comment) -> SparseVector:
        if comment.comment_id not in self._vector_cache:
            self._vector_cache[comment.comment_id] = overlap_vector(comment.text)
        return self._vector_cache[comment.comment_id]

    def _kind(self, comment: Comment, asker: str | None) -> AnswerKind:
        key = (comment.comment_id, asker)
        if key not in self._kind_cache:
            self._kind_cache[key] = answer_kind(comment.text, asker)
        return self._kind_cache[key]

    def _addresses_someone(self, comment: Comment, asker_name: str) -> bool:
        """The comment opens with the name of a commenter other than the asker."""
        opened = self._opened(comment)
        return any(n != asker_name and a != comment.author
                   for folded in opened & self._by_name.keys() for a, n in self._by_name[folded])

    def _opened(self, comment: Comment) -> frozenset[str]:
        """The casefolded names the comment could open with (`staff.opened_names`), read once."""
        if comment.comment_id not in self._opened_cache:
            self._opened_cache[comment.comment_id] = opened_names(comment.text)
        return self._opened_cache[comment.comment_id]

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
        return not _same_author(comment, question)


def _same_author(comment: Comment, other: Comment) -> bool:
    """Written by the same named person ("claire" and "Claire" are one commenter)."""
    return comment.author is not None and other.author is not None and (
        comment.author.strip().casefold() == other.author.strip().casefold())


def _author_key(comment: Comment) -> str | None:
    """What `_same_author` compares: the author, stripped and casefolded (None: anonymous)."""
    return comment.author.strip().casefold() if comment.author is not None else None


@dataclass(frozen=True)
class _Asker:
    """How later comments may name a question's asker (`AnswerFinder._names_asker`)."""

    names: tuple[str, ...]  # the words of the name readers address them by (`address_names`)
    folded: frozenset[str]  # ... casefolded
    whole: str  # the name without its non-word characters, casefolded (an @handle of it)

    @classmethod
    def of(cls, author: str) -> _Asker:
        names = address_names(author)
        return cls(names, frozenset(n.casefold() for n in names), re.sub(r"\W", "", author).casefold())


@dataclass
class _Context:
    """What the scan of later comments knows about one question so far (time order)."""

    question: Comment
    asked: list[str]
    name: str
    asked_words: list[list[str]] = field(default_factory=list)
    asked_grams: set[tuple[str, ...]] = field(init=False)  # word runs a quote of the question repeats
    asker: _Asker = field(init=False)
    asker_spoke_again: bool = False  # later names of the asker answer their newer comment
    staff_seen: bool = False  # only the first staff answer is "the next staff comment"
    other_question_seen: bool = False  # ... and only while no other reader has asked since
    resolution: Comment | None = None  # the asker's later comment saying they found it themselves

    def __post_init__(self) -> None:
        self.asked_grams = set().union(*(cues.grams(q) for q in self.asked_words))
        self.asker = _Asker.of(self.question.author or "")

    @cached_property
    def vector(self) -> SparseVector:
        """The asked sentences' overlap vector (read only when a near comment is weighed)."""
        return overlap_vector(" ".join(self.asked))


def _resolved(comment: Comment) -> AnswerStatus:
    """Unanswered, but resolved by the asker (answered_by "asker"): no FAQ gap."""
    return AnswerStatus(False, "asker", f"resolved by the asker: comment {comment.comment_id}")
