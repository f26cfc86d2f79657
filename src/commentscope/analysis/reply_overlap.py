"""How much a reply takes up what a question asked: shared content stems (German word forms
counted as one), and the time or amount a short reply gives for "when" and "how long"."""

from __future__ import annotations

import re

from commentscope.analysis.function_words import content_stems
from commentscope.analysis.similarity import SparseVector, cosine, sublinear_vector


def overlap_vector(text: str) -> SparseVector:
    """Sublinear term-frequency vector of the stems of the content words of `text`, function
    words of English and German dropped ("ich habe und" is no overlap)."""
    return sublinear_vector(content_stems(text))


MIN_FORM_STEM = 6  # letters of a stem whose longer forms (`FORM_LETTERS` more) count as the same word
FORM_LETTERS = 3


def word_form_overlap(question: SparseVector, reply: SparseVector) -> float:
    """Cosine of two overlap vectors, a reply stem that extends a question stem of
    `MIN_FORM_STEM`+ letters by at most `FORM_LETTERS` letters counted as that stem: German
    endings the English stemmer leaves ("verfärben" and "verfärbende" are one word)."""
    long = [t for t in question if len(t) >= MIN_FORM_STEM]
    mapped: SparseVector = {}
    for term, weight in reply.items():
        if term not in question and len(term) >= MIN_FORM_STEM:
            term = next((t for t in long if term.startswith(t) and len(term) - len(t) <= FORM_LETTERS), term)
        mapped[term] = max(mapped.get(term, 0.0), weight)
    return cosine(question, mapped)


# What a question word asks for, and words that give it: "Wann ...?" - "ganz am Schluss";
# "How many ...?" - "about 12". (question word pattern, answer pattern)
_ASKED_FOR = (
    (re.compile(r"^\W*(?:\w+\W+){0,3}?(?:wann|when)\b", re.IGNORECASE),
     re.compile(r"\b(?:am\s+(?:schluss|ende|anfang)|zum\s+schluss|zuletzt|zuerst|vorher|nachher|danach|davor"
                r"|at\s+the\s+(?:end|start|beginning)|first|last|before|after|\d+\s*(?:min\w*|std|stunden?|h|uhr"
                r"|hours?|days?|tage?n?|wochen?|weeks?))\b", re.IGNORECASE)),
    (re.compile(r"^\W*(?:\w+\W+){0,3}?(?:how\s+long|wie\s+lange?)\b", re.IGNORECASE),
     re.compile(r"\b(?:\d+|zwei|drei|vier|fünf|zehn|two|three|four|five|ten|a\s+few|ein\s+paar)\s*(?:-\s*\d+\s*)?"
                r"(?:min\w*|std|stunden?|h|hours?|days?|tage?n?|wochen?|weeks?|monate?n?|months?)\b", re.IGNORECASE)),
)


SHORT_ANSWER_WORDS = 15  # a reply this short that gives what is asked answers it


def gives_what_is_asked(asked: list[str], reply: str) -> bool:
    """A short reply gives what a question's word asks for: a time for "wann"/"when", a
    duration for "wie lange"/"how long" (`_ASKED_FOR`)."""
    if len(reply.split()) > SHORT_ANSWER_WORDS:
        return False
    return any(question.search(q) and answer.search(reply) for q in asked for question, answer in _ASKED_FOR)
