"""Who speaks for the site (staff) on one page, and why.

Staff are named by the user (`--staff`, which overrides everything else) or found on the page,
each with the evidence:

- the markup marks the comment as the post author's (WordPress `bypostauthor`);
- the commenter's name is a site role ("admin", "Redaktion", "Moderator") or carries the
  site's name ("Olivia (GiveWell)" on the GiveWell blog);
- a comment is signed with a site role ("- the editor", "(Team Golf Post)");
- the name is in the article's byline ("By Daniel Lemire", "von Mathias");
- when none of that names anyone: commenters who reply to several different readers and rarely
  start threads;
- in a flat page, or when still no one is found: the commenter who opens comments with the
  names of the most different readers ("Hi Ann,", "@Bob", "Hallo Herr Habermeyer"), strictly
  more than anyone else (at least MIN_FLAT_READERS).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from commentscope.literals import Needs, fold, needs_of
from commentscope.model import Comment, Document

MIN_DISTINCT_READERS = 3  # replies to this many different readers ...
MAX_REPLIERS = 2  # ... unless more commenters than this do so
MAX_THREAD_SHARE = 0.25  # ... while starting at most this share of their comments as new threads
MIN_FLAT_READERS = 2  # the top answerer addresses at least this many readers by name
BYLINE_LINES = 6  # opening non-blank lines searched for the author's byline
_ROLE = r"editor|admin|administrator|moderator|author|webmaster|site owner|blog owner|redaktion"
# A comment signed with a site role at its end: "[Toptal blog editor]", "- the author", "(admin)",
# or as the site's team: "(Team Golf Post)", a last line "- das MuffinRezept.net Team".
_SIGNATURE = re.compile(
    rf"[\[(\-–—~]\s*(?:the\s+|your\s+)?(?:[\w.'’&-]+\s+){{0,3}}?({_ROLE})\s*[\])]?\s*$"
    r"|\(\s*(team)\s+[^()\n]{2,30}\)\s*$|\(\s*[^()\n]{2,30}\s+(team)\s*\)\s*$"
    r"|(?:^|\n)\s*[\-–—~]\s*(?:[\w.'’&-]+\s+){0,3}(team)\s*$",
    re.IGNORECASE,
)
# a role or "team": every signature holds one, so a comment without any is not searched
_SIGNATURE_NEEDS = needs_of(_SIGNATURE) or Needs(("",))
_ROLE_NAME = re.compile(rf"^\W*(?:the\s+|site\s+)?(?:{_ROLE}|mod|team)\W*$", re.IGNORECASE)
_ORG_TAG = re.compile(r"[(\[]\s*([^()\[\]]{3,40}?)\s*[)\]]\s*$")  # "Olivia (GiveWell)"
_BYLINE_WORD = r"(?:by|von|par|por|door|di|av|af|posted by|written by|author:?|autor:?|autorin:?)"


@dataclass(frozen=True)
class StaffMember:
    """A commenter judged to speak for the site, and why."""

    author: str
    evidence: str


def first_name(author: str) -> str:
    """The name readers address someone by: the first word, or a handle without '@'."""
    first = re.split(r"[\s,]+", author.strip().lstrip("@"))[0] if author.strip() else ""
    return first if len(first) >= 3 and any(ch.isalpha() for ch in first) else ""


def address_names(author: str) -> tuple[str, ...]:
    """Every word of a name that readers may address its owner by ("Thomas Habermeyer":
    "Thomas", "Habermeyer"), words of three letters or more."""
    parts = [p.strip("()[],.") for p in re.split(r"[\s,]+", author.strip().lstrip("@"))]
    return tuple(dict.fromkeys(p for p in parts if len(p) >= 3 and any(ch.isalpha() for ch in p)))


_NAME_START = re.compile(r"[\s@]")
_WORD_EDGE = re.compile(r"\b")


def opened_names(text: str) -> frozenset[str]:
    """Every casefolded stretch of the text's first six words that could be a name it addresses:
    starting the text or right after a space or '@', ending at a word boundary. A page's comments
    are tested against many names: read each comment's opening once, then look names up."""
    head = " ".join(text.split(maxsplit=6)[:6]).casefold()
    starts = [0, *(m.end() for m in _NAME_START.finditer(head))]
    ends = [m.start() for m in _WORD_EDGE.finditer(head)]
    return frozenset(head[s:e] for s in starts for e in ends if e >= s)


def opens_with(text: str, name: str) -> bool:
    """The text addresses `name` in its first words ("Hi Ann,", "@Ann", "Ann, yes ...")."""
    return name.casefold() in opened_names(text)


def same_person(name: str, other: str) -> bool:
    a, b = name.casefold().strip(), other.casefold().strip()
    return a == b or a.startswith(b + ",") or b.startswith(a + ",") or a.split(",")[0] == b.split(",")[0]


def unmatched_staff(named: Iterable[str], authors: Iterable[str]) -> list[str]:
    """The names given as staff that match no commenter (to warn about a typo)."""
    everyone = {str(author) for author in authors if author}
    return [name for name in named if not any(same_person(author, name) for author in everyone)]


def detect_staff(doc: Document, named: Iterable[str] = ()) -> dict[str, StaffMember]:
    """Staff commenters of one page: the names given, plus those the page shows (only the
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
        if any(same_person(author, n) for n in named):
            found[author] = StaffMember(author, "named with --staff")
            continue
        if named:
            continue
        if any(c.marked_staff for c in by_author[author]):
            found[author] = StaffMember(author, "the page marks their comments as the post author's")
            continue
        evidence = _staff_evidence(author, by_author[author], by_id, opening)
        if evidence:
            found[author] = StaffMember(author, evidence)
    if not named:
        _add_site_tagged(found, by_author, opening)
        if not found:  # the thread's own behaviour names staff only when nothing else does
            found.update(_repliers(by_author, by_id))
        # on a nested page where other staff were found, the top answerer must also write mostly
        # replies and address MIN_DISTINCT_READERS readers (a site's team besides the byline's author)
        beside_others = bool(found) and doc.max_depth != 0  # not a flat thread
        for author, member in _addressing_staff(by_author, MIN_DISTINCT_READERS if beside_others
                                                else MIN_FLAT_READERS).items():
            own = by_author[author]
            if not beside_others or sum(c.parent_id is None for c in own) <= MAX_THREAD_SHARE * len(own):
                found.setdefault(author, member)
    return found


def _add_site_tagged(found: dict[str, StaffMember], by_author: dict[str, list[Comment]], opening: str) -> None:
    """Names tagged with the site's name ("Olivia (GiveWell)"): the tag is in the page's
    opening text or tags a staff member already found."""
    staff_tags = {m.group(1).casefold() for a in found if (m := _ORG_TAG.search(a))}
    for author in sorted(by_author):
        tag = _ORG_TAG.search(author)
        if author in found or tag is None:
            continue
        label = tag.group(1)
        if label.casefold() in staff_tags or _holds_word(opening, label):
            found[author] = StaffMember(author, f"the name carries the site's name ({label})")


def _addressing_staff(by_author: dict[str, list[Comment]], least: int = MIN_FLAT_READERS) -> dict[str, StaffMember]:
    """The commenter who opens comments with the most different readers' names (at least
    `least`, and strictly more than anyone else)."""
    owners: dict[str, set[str]] = {}  # casefolded name -> the commenters who go by it
    for author in by_author:
        for name in address_names(author):
            owners.setdefault(name.casefold(), set()).add(author)
    addressed = {author: {other for c in comments for name in opened_names(c.text) & owners.keys()
                          for other in owners[name] if other != author}
                 for author, comments in by_author.items()}
    ranked = sorted(addressed, key=lambda a: (-len(addressed[a]), a))
    if not ranked or len(addressed[ranked[0]]) < least:
        return {}
    top = ranked[0]
    if len(ranked) > 1 and len(addressed[ranked[1]]) == len(addressed[top]):
        return {}
    return {top: StaffMember(top, f"opens comments with the names of {len(addressed[top])} different readers "
                                  "more than anyone else")}


def _staff_evidence(author: str, own: list[Comment], by_id: dict[str, Comment], opening: str) -> str | None:
    """Why `author` (who wrote `own`, in page order) speaks for the site, or None."""
    if _ROLE_NAME.match(author):
        return f"the name is a site role ({author})"
    replies = sum(1 for c in own if c.parent_id and c.parent_id in by_id)
    signature = next((m for m in (_SIGNATURE.search(c.text) for c in own if _SIGNATURE_NEEDS.possible(c.text))
                      if m), None)
    if signature is not None:
        role = next(g for g in signature.groups() if g)
        return f"signs a comment as the site's {role.lower()}"
    if _in_byline(opening, author):
        return f"name appears in the article byline; wrote {len(own)} comments, {replies} of them replies"
    return None


def _repliers(by_author: dict[str, list[Comment]], by_id: dict[str, Comment]) -> dict[str, StaffMember]:
    """Commenters who reply to several different readers and rarely start threads; none when more
    than MAX_REPLIERS do (a forum's discussion, where busy readers answer each other: Slashdot)."""
    found = {}
    for author, own in sorted(by_author.items()):
        parents = [by_id[c.parent_id] for c in own if c.parent_id and c.parent_id in by_id]
        readers = {p.author or p.comment_id for p in parents if p.author != author}
        threads = sum(c.parent_id is None for c in own)
        if len(readers) >= MIN_DISTINCT_READERS and threads <= MAX_THREAD_SHARE * len(own):
            greeted = sum(_greets(c, by_id[c.parent_id]) for c in own if c.parent_id and c.parent_id in by_id)
            found[author] = StaffMember(author, (
                f"replied to {len(readers)} different readers, started {threads} of {len(own)} "
                f"comments as threads, greeted {greeted} by name"))
    return found if len(found) <= MAX_REPLIERS else {}


def _greets(reply: Comment, parent: Comment) -> bool:
    if not parent.author:
        return False
    first = parent.author.split()[0].strip(",").casefold()
    head = " ".join(reply.text.split(maxsplit=6)[:6]).casefold()
    return first in head and bool(re.search(rf"\b{re.escape(first)}\b", head))


def _opening_text(doc: Document) -> str:
    """The page's opening lines (title, byline): the first non-blank lines outside comments."""
    opening = (ln.text for ln in doc.lines if ln.text.strip() and ln.comment_id is None)
    return " ".join(islice(opening, BYLINE_LINES))


def _in_byline(opening: str, author: str) -> bool:
    """The author's full name (without credentials or a site tag) is in the page's opening
    text; a one-word name only right after "by" ("Posted by Florina", "von Mathias")."""
    name = _ORG_TAG.sub("", author.split(",")[0]).strip()
    if not name or fold(name) not in _folded(opening):
        return False  # (the regex, built per name, is compiled only where the name may be)
    if len(name.split()) < 2:
        return re.search(rf"\b{_BYLINE_WORD}\s+{re.escape(name)}\b", opening, re.IGNORECASE) is not None
    return _holds_word(opening, name)


@lru_cache(maxsize=16)
def _folded(opening: str) -> str:
    """`fold` of a page's opening text, once per page rather than once per commenter."""
    return fold(opening)


def _holds_word(text: str, words: str) -> bool:
    """`words` stand in `text` as whole words, in any case."""
    return fold(words) in fold(text) and re.search(rf"\b{re.escape(words)}\b", text, re.IGNORECASE) is not None
