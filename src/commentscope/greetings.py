"""Replies read from whom a comment greets, where the dump prints a thread flat.

A converter that drops indentation (w3m, inscriptis, many themes in lynx) prints every reply at the
margin, and where the list is not in time order `chronology.nest_by_time` cannot place them. On a
recipe or health blog most replies are the host's answers, and the host opens an answer by greeting
the reader it answers ('Oi Ketlen!', 'Hallo Alexandra,', '@Ann'), right after that reader's comment or
after other answers to it. So in a thread the parser read flat, a comment of the host's (the author of
the most comments, most of them greeting the author right above) that greets the author of a comment
just above it (at most `LOOK_BACK` comments up, past replies to the same comment only), and is not older
than it, is read as a reply to it.

Readers' greetings nest nothing: on a news site or a forum printed flat they greet each other in
comments of their own (all 32 batches: greetings of anyone nested wrongly on eleven pages, wsj's 16
among them), and they greet the host in new comments right under the host's last answer ('Hoi Rutger,
...'). Nor does the busiest member of a forum or a discussion blog, who greets now and then in a
conversation of their own: the host's comments must mostly be greeting answers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from commentscope.dates import Moment
from commentscope.model import Comment

__all__ = ["nest_by_greeting"]

LOOK_BACK = 4  # how many comments up the greeted one may stand (other replies to it between)
MIN_NAME = 3  # a shorter first name ('Al', 'Jo') is too often a word
HOST_COMMENTS, HOST_SHARE = 3, 0.2  # the host writes this many of the page's comments, and this share at least
HOST_GREETS = 0.5  # ... and this share of the host's comments greet the author right above them

# a greeting word, then the name: 'Hi Lisa!', 'Oi Ketlen!', 'Hallo Nici,', 'Dear Ann -'; or the name alone
# with a mark after it ('Lisa, yes', 'Lisa! Thank you'), or '@Lisa'
_GREETING = re.compile(
    r"(?:(?:hi|hello|hey|hiya|dear|thanks|thank you|hallo|hallö|hi there|liebe|lieber|servus|moin|danke|oi|olá|ola|"
    r"ciao|salve|grazie|salut|bonjour|coucou|merci|hola|gracias|hej|hoi|dag|beste)\s*,?\s+(?P<greeted>[^\W\d_][\w'’-]+)"
    r"|@\s?(?P<handle>[^\W\d_][\w'’.-]+)|(?P<called>[^\W\d_][\w'’-]+)\s*[,!:])",
    re.IGNORECASE,
)


def nest_by_greeting(comments: Sequence[Comment], moments: Sequence[Moment | None]) -> list[Comment]:
    """The comments with each of the host's that greets the author of a comment just above it moved under
    that comment; unchanged unless the parser read every comment at the top level."""
    if any(c.depth for c in comments):
        return list(comments)
    host = _host(comments)
    if host is None or not _answers_readers(comments, host):
        return list(comments)
    out: list[Comment] = []
    for i, c in enumerate(comments):
        name = _greeted(c.text) if _first_name(c.author) == host else None
        parent = _greeted_above(out, i, name, c, moments) if name else None
        if parent is None:
            out.append(c)
            continue
        above = out[parent]
        out.append(replace(c, depth=above.depth + 1, parent_id=above.comment_id))
    return out


def _host(comments: Sequence[Comment]) -> str | None:
    """The first name of the page's host, who answers the readers: the author of the most comments, at
    least `HOST_COMMENTS` and `HOST_SHARE` of them."""
    counts = Counter(c.author for c in comments if c.author)
    if not counts:
        return None
    author, n = counts.most_common(1)[0]
    return _first_name(author) if n >= HOST_COMMENTS and n >= HOST_SHARE * len(comments) else None


def _answers_readers(comments: Sequence[Comment], host: str) -> bool:
    """Whether the host's comments are answers: at least `HOST_GREETS` of them greet the author of the
    comment right above (a forum's or a discussion blog's busiest member greets now and then, in a
    conversation of their own)."""
    mine = [i for i, c in enumerate(comments) if _first_name(c.author) == host]
    greeting = sum(1 for i in mine if i and _greeted(comments[i].text) == _first_name(comments[i - 1].author))
    return greeting >= HOST_GREETS * len(mine)


def _greeted(text: str) -> str | None:
    """The first name a comment's text opens by greeting, folded, if it greets someone."""
    match = _GREETING.match(text)
    if match is None:
        return None
    name = (match["greeted"] or match["handle"] or match["called"]).casefold()
    return name if len(name) >= MIN_NAME else None


def _greeted_above(out: list[Comment], i: int, name: str, comment: Comment,
                   moments: Sequence[Moment | None]) -> int | None:
    """The index of the comment just above whose author the comment greets: the one right before it, or
    one a few comments up with only replies to it between them."""
    for k in range(i - 1, max(i - 1 - LOOK_BACK, -1), -1):
        above = out[k]
        if _first_name(above.author) == name and above.author != comment.author:
            mine, theirs = moments[i], moments[k]
            if mine is not None and theirs is not None and mine[:3] < theirs[:3]:
                return None  # (a day older than the comment it would answer: no reply)
            return k
        if above.depth == 0:
            return None  # (another reader's comment between them: the greeting is no reply to one above it)
    return None


def _first_name(author: str | None) -> str | None:
    """An author's first name as a greeting spells it: 'Ketlen Mesquita' -> 'ketlen', '@ann_b' -> 'ann_b'."""
    if not author:
        return None
    words = author.lstrip("@").split()
    return words[0].casefold() if words else None
