"""Who speaks for the site (staff), and which reader questions got a real answer.

Staff are named by the user or detected from the thread: a commenter who replies to several
different readers, greets them by name and rarely starts threads, or whose name is the article's
byline. A question is answered when a later comment in its reply subtree, by someone other than the
asker, says something of substance (more than thanks).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice

from commentscope.model import Comment, Document
from commentscope.text import stopwords, words

MIN_DISTINCT_READERS = 3  # replies to this many different readers ...
MAX_THREAD_SHARE = 0.25  # ... while starting at most this share of their comments as new threads
BYLINE_LINES = 6  # opening non-blank lines searched for the author's byline
MIN_SUBSTANCE_WORDS = 4  # content words a reply needs to count as an answer
_GRATITUDE = frozenset(
    "thank thanks thx ty much so very you welcome great appreciate appreciated info information "
    "helpful wonderful lovely nice good".split()
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
    """Staff commenters of one page: the names given, plus those the thread shows."""
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
        if any(c.marked_staff for c in by_author[author]):
            found[author] = StaffMember(author, "the page marks their comments as the post author's")
            continue
        evidence = _staff_evidence(author, by_author[author], by_id, opening)
        if evidence:
            found[author] = StaffMember(author, evidence)
    return found


def _staff_evidence(author: str, own: list[Comment], by_id: dict[str, Comment], opening: str) -> str | None:
    """Why `author` (who wrote `own`, in page order) speaks for the site, or None."""
    replies = [(c, by_id[c.parent_id]) for c in own if c.parent_id]
    parents = [p for _, p in replies]
    readers = {p.author or p.comment_id for p in parents if p.author != author}
    threads = sum(c.parent_id is None for c in own)
    greeted = sum(_greets(c, p) for c, p in replies)
    if _in_byline(opening, author) and parents:
        return f"name appears in the article byline; replied {len(parents)} times"
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
    """The author's full name (without credentials) is in the page's opening text."""
    name = author.split(",")[0].strip()
    if len(name.split()) < 2:
        return False
    return re.search(rf"\b{re.escape(name)}\b", opening, re.IGNORECASE) is not None


def is_substantive(text: str) -> bool:
    """A reply says more than thanks: enough content words beyond gratitude."""
    content = [w for w in words(text) if w not in stopwords() and w not in _GRATITUDE]
    return len(content) >= MIN_SUBSTANCE_WORDS


@dataclass(frozen=True)
class AnswerStatus:
    answered: bool
    answered_by: str  # "staff", "reader" or "" when unanswered


def answer_status(doc: Document, question: Comment, staff: dict[str, StaffMember]) -> AnswerStatus:
    """Whether a question comment got a substantive reply in its subtree, and from whom."""
    responders = [
        c for c in doc.subtree(question.comment_id)
        if (c.author is None or c.author != question.author) and is_substantive(c.text)
    ]
    if not responders:
        return AnswerStatus(False, "")
    by_staff = any(c.author is not None and c.author in staff for c in responders)
    return AnswerStatus(True, "staff" if by_staff else "reader")
