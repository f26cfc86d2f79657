"""Text cues of answer links: what a comment's words say about asking, answering, quoting and
naming (`answer_links` weighs them). Each is a regular expression or a small pure function."""

from __future__ import annotations

import re
from functools import lru_cache

from commentscope.analysis.sentences import split_sentences
from commentscope.literals import Needs, needs_of

QUOTE_WORDS = 6  # a run of this many of another comment's words is a quote of it

HANDLE = re.compile(r"@\s?([\w.-]{2,})")

# what `possessive` needs besides a name: a text without it is not searched (and the pattern,
# one per asker, is compiled only for a text that has it)
SPEAKS_OF_QUESTION = needs_of(re.compile(r"['’]s\s+(?:question|frage)", re.IGNORECASE)) or Needs(("",))


@lru_cache(maxsize=1024)
def possessive(names: tuple[str, ...]) -> re.Pattern[str]:
    """Speaking of the question of any of `names`: "Tom's question", "Tom’s Frage"."""
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"\b(?:{alternatives})['’]s\s+(?:question|frage)", re.IGNORECASE)


# The asker found the answer themselves: "ups schon gesehen", "never mind, found it", "Ich habe
# selber die Lösung gefunden", "hat sich erledigt", "Alles gut, wird auf Sky übertragen".
SELF_RESOLVED = re.compile(
    r"\b(?:never\s?mind|found\s+it|figured\s+it\s+out|(?:just\s+)?(?:saw|found)\s+(?:it|the\s+answer)"
    r"|solved\s+it|(?:schon|grad|gerade)\s+gesehen|hat\s+sich\s+(?:schon\s+)?(?:erledigt|geklärt)"
    r"|(?:lösung|antwort)\b[^.!?]{0,40}\bgefunden|(?:hab|habe)\s+(?:es|'s|das|sie|ihn)\s+(?:doch\s+)?gefunden"
    r"|selber\s+gefunden)\b|^\W*(?:ups|oops|alles\s+gut|ok(?:ay)?,?\s+found)\b",
    re.IGNORECASE,
)
THANKS = re.compile(r"\b(?:thanks?|thank\s+you|danke\w*)\b", re.IGNORECASE)


# A comment that opens like an answer, for the comment right after a question.
ANSWER_START = re.compile(
    r"^\W*(?:yes|yeah|yep|no|nope|sure|ja|jap|jep|nein|nö|doch|klar|genau|oui|non|sí|si)\b", re.IGNORECASE
)


# A comment that asks without a '?' ("wollte fragen wie viel", "I was wondering") or opens by
# speaking to everyone ("Hi@all", "Hallo zusammen"): no answer to one earlier question.
ASKS_OR_ADDRESSES_ALL = re.compile(
    r"\b(?:wollte|möchte|darf)\s+(?:\w+\s+)?fragen\b|\bich\s+frage\s+mich\b|\b(?:hab|habe)\s+(?:\w+\s+){0,2}frage\b"
    r"|\bi\s+(?:was\s+)?wonder(?:ing)?\b|\bquick\s+question\b|^\W*(?:warum|wieso|weshalb|why)\b"
    r"|^\W*(?:hi|hallo|hey|hello)?\s*@?\s*(?:all|alle|zusammen|leute|everyone|everybody|folks)\b"
    r"|^\W*(?:hi|hallo|hey|hello)\s+(?:@\s*)?(?:all|alle|zusammen|leute|everyone|everybody|folks)\b",
    re.IGNORECASE,
)


QUOTED = re.compile(r"[\"“„]([^\"“”„]{8,200})[\"”“]")


def asks_only(text: str) -> bool:
    """Every sentence of the comment is a question: it asks, it does not answer."""
    sentences = [s for s in split_sentences(text) if any(ch.isalpha() for ch in s)]
    return bool(sentences) and all(s.rstrip(" )\"'”’").endswith("?") for s in sentences)


def grams(tokens: list[str], size: int = QUOTE_WORDS) -> set[tuple[str, ...]]:
    """Every run of `size` consecutive tokens (zip of shifted copies: no slice per run)."""
    return set(zip(*(tokens[k:] for k in range(size)), strict=False))
