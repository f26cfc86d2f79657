"""Who speaks for the site (staff), and which reader questions got a real answer.

Staff are named by the user (`--staff`, which overrides) or detected from the thread: a commenter
who replies to several different readers and rarely starts threads; whose name is the article's
byline; or, in a flat thread without reply links, who opens comments with the names of several
different readers ("Hi Ann, ...", "@Bob") and does so for the most readers on the page.

Whether a reply answers is `answer_kind`: an answer, a refusal ("Sorry, I can't help here."),
bare thanks, or noise. A short reply that starts like an answer ("I sure will, Ann!", "Yes, ...")
is an answer. Which later comment answers a question is found by `answer_links`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import islice

from commentscope.analysis.sentences import split_sentences
from commentscope.model import Comment, Document
from commentscope.text import stopwords, words

MIN_DISTINCT_READERS = 3  # replies to this many different readers ...
MAX_THREAD_SHARE = 0.25  # ... while starting at most this share of their comments as new threads
BYLINE_LINES = 6  # opening non-blank lines searched for the author's byline
MIN_SUBSTANCE_WORDS = 4  # content words a reply needs to count as an answer
_GRATITUDE = frozenset(
    "thank thanks thx ty much so very you welcome great appreciate appreciated info information "
    "helpful wonderful lovely nice good glad enjoy enjoyed liked problem worries cheers".split()
)


# A comment signed with a site role at its end: "[Toptal blog editor]", "- the author", "(admin)".
_SIGNATURE = re.compile(
    r"[\[(\-–—~]\s*(?:the\s+|your\s+)?(?:[\w.'’&-]+\s+){0,3}?(editor|admin|administrator|moderator|author|webmaster|"
    r"site owner|blog owner)\s*[\])]?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class StaffMember:
    """A commenter judged to speak for the site, and why."""

    author: str
    evidence: str


def _same_person(name: str, other: str) -> bool:
    a, b = name.casefold().strip(), other.casefold().strip()
    return a == b or a.startswith(b + ",") or b.startswith(a + ",") or a.split(",")[0] == b.split(",")[0]


def unmatched_staff(named: Iterable[str], authors: Iterable[str]) -> list[str]:
    """The names given as staff that match no commenter (to warn about a typo)."""
    everyone = {str(author) for author in authors if author}
    return [name for name in named if not any(_same_person(author, name) for author in everyone)]


def detect_staff(doc: Document, named: Iterable[str] = ()) -> dict[str, StaffMember]:
    """Staff commenters of one page: the names given, plus those the thread shows (only the
    names given, when any are)."""
    named = list(named)
    by_id: dict[str, Comment] = {}
    by_author: dict[str, list[Comment]] = {}
    for comment in doc.comments:  # one pass: Document.comment(id) would scan the page per reply
        by_id.setdefault(comment.comment_id, comment)  # the first, as Document.comment finds it
        if comment.author:
            by_author.setdefault(comment.author, []).append(comment)
    opening = _opening_text(doc)
    found: dict[str, StaffMember] = {}
    for author in sorted(by_author):
        if any(_same_person(author, n) for n in named):
            found[author] = StaffMember(author, "named with --staff")
            continue
        if not named and any(c.marked_staff for c in by_author[author]):
            found[author] = StaffMember(author, "the page marks their comments as the post author's")
            continue
        evidence = None if named else _staff_evidence(author, by_author[author], by_id, opening)
        if evidence:
            found[author] = StaffMember(author, evidence)
    if not named and doc.max_depth == 0:
        for author, member in _flat_thread_staff(by_author).items():
            found.setdefault(author, member)
    return found


def _flat_thread_staff(by_author: dict[str, list[Comment]]) -> dict[str, StaffMember]:
    """In a flat thread, the commenter who opens comments with the most different readers'
    names (at least MIN_DISTINCT_READERS, and strictly more than anyone else)."""
    names = {author: _first_name(author) for author in by_author}
    addressed: dict[str, set[str]] = {}
    for author, comments in by_author.items():
        others = {a: n for a, n in names.items() if a != author and n}
        addressed[author] = {a for c in comments for a, n in others.items() if _opens_with(c.text, n)}
    ranked = sorted(addressed, key=lambda a: (-len(addressed[a]), a))
    if not ranked or len(addressed[ranked[0]]) < MIN_DISTINCT_READERS:
        return {}
    top = ranked[0]
    if len(ranked) > 1 and len(addressed[ranked[1]]) == len(addressed[top]):
        return {}
    return {top: StaffMember(top, f"opens comments with the names of {len(addressed[top])} different readers "
                                  "in a flat thread, more than anyone else")}


def _first_name(author: str) -> str:
    """The name readers address someone by: the first word, or a handle without '@'."""
    first = re.split(r"[\s,]+", author.strip().lstrip("@"))[0] if author.strip() else ""
    return first if len(first) >= 3 and any(ch.isalpha() for ch in first) else ""


def _opens_with(text: str, name: str) -> bool:
    """The text addresses `name` in its first words ("Hi Ann,", "@Ann", "Ann, yes ...")."""
    head = " ".join(text.split()[:6]).casefold()
    return re.search(rf"(?:^|[\s@]){re.escape(name.casefold())}\b", head) is not None


def _staff_evidence(author: str, own: list[Comment], by_id: dict[str, Comment], opening: str) -> str | None:
    """Why `author` (who wrote `own`, in page order) speaks for the site, or None."""
    replies = [(c, by_id[c.parent_id]) for c in own if c.parent_id]
    parents = [p for _, p in replies]
    readers = {p.author or p.comment_id for p in parents if p.author != author}
    threads = sum(c.parent_id is None for c in own)
    greeted = sum(_greets(c, p) for c, p in replies)
    signature = next((m for m in (_SIGNATURE.search(c.text) for c in own) if m), None)
    if signature is not None:
        return f"signs a comment as the site's {signature.group(1).lower()}"
    if _in_byline(opening, author):
        return f"name appears in the article byline; wrote {len(own)} comments, {len(parents)} of them replies"
    if len(readers) >= MIN_DISTINCT_READERS and threads <= MAX_THREAD_SHARE * len(own):
        return (
            f"replied to {len(readers)} different readers, started {threads} of {len(own)} "
            f"comments as threads, greeted {greeted} by name"
        )
    return None


def _greets(reply: Comment, parent: Comment) -> bool:
    if not parent.author:
        return False
    first_name = parent.author.split()[0].strip(",").casefold()
    head = " ".join(reply.text.split()[:6]).casefold()
    return bool(re.search(rf"\b{re.escape(first_name)}\b", head))


def _opening_text(doc: Document) -> str:
    """The page's opening lines (title, byline): the first non-blank lines outside comments."""
    opening = (ln.text for ln in doc.lines if ln.text.strip() and ln.comment_id is None)
    return " ".join(islice(opening, BYLINE_LINES))


def _in_byline(opening: str, author: str) -> bool:
    """The author's full name (without credentials) is in the page's opening text; a one-word
    name only right after "by" ("Posted by Florina")."""
    name = author.split(",")[0].strip()
    if not name:
        return False
    if len(name.split()) < 2:
        return re.search(rf"\bby\s+{re.escape(name)}\b", opening, re.IGNORECASE) is not None
    return re.search(rf"\b{re.escape(name)}\b", opening, re.IGNORECASE) is not None


def is_substantive(text: str) -> bool:
    """A reply says more than thanks: enough content words beyond gratitude."""
    content = [w for w in words(text) if w not in stopwords() and w not in _GRATITUDE]
    return len(content) >= MIN_SUBSTANCE_WORDS


class AnswerKind(StrEnum):
    """What a reply to a question amounts to."""

    ANSWER = "answer"
    REFUSAL = "refusal"
    THANKS = "thanks"
    NOISE = "noise"


# A sentence that declines to answer: apologies for not knowing, "can't advise", "ask your doctor".
_REFUSAL = re.compile(
    r"\b(?:sorry|unfortunately|afraid)\b[^.!?]{0,40}\b(?:can(?:not|'t|’t)|unable|not able|don(?:'t|’t) know|no idea|"
    r"not sure|haven(?:'t|’t) (?:tried|tested))\b"
    r"|\bcan(?:not|'t|’t)\s+(?:help|advise|answer|comment|say|give (?:medical |personal )?advice)\b"
    r"|\b(?:please\s+)?(?:consult|ask|see|check with|talk to|speak to)\s+your\s+(?:own\s+)?"
    r"(?:doctor|physician|pharmacist|gp|vet|health ?care provider)\b"
    r"|^\W*(?:i\s+)?(?:don(?:'t|’t)|do not)\s+know\b|\bno idea\b",
    re.IGNORECASE,
)
# A short reply that still answers: it opens like an answer ("Yes, ...", "I sure will", "You can").
_ANSWER_OPENING = re.compile(
    r"^\W*(?:(?:hi|hello|hey|dear)\s+)?(?:[\w@.'’-]+\s*[,!:]\s+)?"
    r"(?!no (?:problem|worries)\b)"
    r"(?:yes|yeah|yep|yup|no|nope|sure|absolutely|definitely|of course|correct|exactly|indeed|not (?:really|yet|at all)"
    r"|i (?:sure |certainly |definitely )?(?:will|did|do|have|would|can|am|was|use|used|add|added|made|make)"
    r"|i'll|i've|i'd|you (?:can|could|should|may|will|need|don't|do not)|you'll|it (?:is|does|will|can|was|works)|it's"
    r"|they (?:are|do|will|can)|they're|both|either|use|try|add|skip)\b",
    re.IGNORECASE,
)
_GREETING = frozenset("hi hello hey dear".split())


def answer_kind(text: str, asker: str | None = None) -> AnswerKind:
    """Whether a reply answers, declines, only thanks, or says nothing (see module docstring)."""
    sentences = split_sentences(text)
    name = _first_name(asker).casefold() if asker else ""
    if not any(ch.isalpha() for ch in text):
        return AnswerKind.NOISE
    declined = False
    for sentence in sentences:
        refusal = _REFUSAL.search(sentence)
        rest = _REFUSAL.sub(" ", sentence) if refusal else sentence
        content = [w for w in words(rest) if w not in stopwords() and w not in _GRATITUDE
                   and w not in _GREETING and w != name]
        if len(content) >= MIN_SUBSTANCE_WORDS:
            return AnswerKind.ANSWER  # "Ask your doctor first: K2 changes how warfarin works" answers
        if refusal:
            declined = True
        elif _ANSWER_OPENING.search(sentence) and len(words(sentence)) >= 3:
            return AnswerKind.ANSWER
    if declined:
        return AnswerKind.REFUSAL
    remaining = [w for w in words(text) if w not in stopwords() and w not in _GREETING and w != name]
    return AnswerKind.THANKS if any(w in _GRATITUDE for w in remaining) else AnswerKind.NOISE


@dataclass(frozen=True)
class AnswerStatus:
    answered: bool
    answered_by: str  # "staff", "reader" or "" when unanswered
    evidence: str = field(default="", compare=False)  # why it counts as answered (or not)
    answer_id: str | None = field(default=None, compare=False)


def answer_status(doc: Document, question: Comment, staff: dict[str, StaffMember]) -> AnswerStatus:
    """Whether a question comment got an answer, from whom, and the evidence (see `answer_links`)."""
    from commentscope.analysis.answer_links import AnswerFinder

    return AnswerFinder(doc, staff).status(question)
