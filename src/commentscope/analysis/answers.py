"""Which reader questions got a real answer (staff detection lives in `staff`).

Whether a reply answers is `answer_kind`: an answer, a refusal ("Sorry, I can't help here.",
"keine Ahnung"), bare thanks, a "me too" that reports the same trouble without a way out, or
noise. A short reply that starts like an answer ("I sure will, Ann!", "Yes, ...")
is an answer. Which later comment answers a question is found by `answer_links`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from commentscope.analysis.sentences import split_sentences
from commentscope.analysis.staff import StaffMember as StaffMember
from commentscope.analysis.staff import detect_staff as detect_staff
from commentscope.analysis.staff import first_name
from commentscope.analysis.staff import unmatched_staff as unmatched_staff
from commentscope.literals import Needs, needs_of
from commentscope.model import Comment, Document
from commentscope.text import stopwords, words

MIN_SUBSTANCE_WORDS = 4  # content words a reply needs to count as an answer
_GRATITUDE = frozenset(
    "thank thanks thx ty much so very you welcome great appreciate appreciated info information "
    "helpful wonderful lovely nice good glad enjoy enjoyed liked problem worries cheers".split()
)


def is_substantive(text: str) -> bool:
    """A reply says more than thanks: enough content words beyond gratitude."""
    content = [w for w in words(text) if w not in stopwords() and w not in _GRATITUDE]
    return len(content) >= MIN_SUBSTANCE_WORDS


class AnswerKind(StrEnum):
    """What a reply to a question amounts to."""

    ANSWER = "answer"
    REFUSAL = "refusal"
    THANKS = "thanks"
    ME_TOO = "me too"
    NOISE = "noise"


# A sentence that declines to answer: apologies for not knowing, "can't advise", "ask your doctor".
_REFUSAL = re.compile(
    r"\b(?:sorry|unfortunately|afraid)\b[^.!?]{0,40}\b(?:can(?:not|'t|’t)|unable|not able|don(?:'t|’t) know|no idea|"
    r"not sure|haven(?:'t|’t) (?:tried|tested))\b"
    r"|\bcan(?:not|'t|’t)\s+(?:help|advise|answer|comment|say|give (?:medical |personal )?advice)\b"
    r"|\b(?:please\s+)?(?:consult|ask|see|check with|talk to|speak to)\s+your\s+(?:own\s+)?"
    r"(?:doctor|physician|pharmacist|gp|vet|health ?care provider)\b"
    r"|^\W*(?:i\s+)?(?:don(?:'t|’t)|do not)\s+know\b|\bno idea\b"
    r"|\bkeine\s+ahnung\b|\bwei(?:ß|ss)\s+(?:ich\s+)?(?:leider\s+)?(?:auch\s+)?(?:gar\s+)?nicht\b",
    re.IGNORECASE,
)
_REFUSAL_NEEDS = needs_of(_REFUSAL) or Needs(("",))  # a sentence without any of its words is not searched

# A reply that reports the same trouble ("Same problem here", "genau den gleichen(mist) Fehler") and
# offers no way out is no answer, however long.
_ME_TOO = re.compile(
    r"\b(?:same\s+(?:problem|issue|error|thing\s+happen\w*)|me\s+too|happen(?:s|ed)\s+to\s+me\s+too"
    r"|(?:den|das|die)\s+gleichen?\S*\s+(?:\S+\s+)?(?:fehler|problem)|gleiche[ns]?\s+problem|geht\s+mir\s+(?:genauso|auch\s+so))\b",
    re.IGNORECASE,
)
_WAY_OUT = re.compile(
    r"\b(?:solution|solved|fix(?:ed)?|workaround|try|worked\s+for\s+me|lösung|gelöst|klappt|funktioniert|probier\w*)\b",
    re.IGNORECASE,
)
ME_TOO_WORDS = 30  # a "me too" counts when it comes this early in the reply
# A short reply that still answers: it opens like an answer ("Yes, ...", "I sure will", "You can").
_ANSWER_OPENING = re.compile(
    r"^\W*(?:(?:hi|hello|hey|dear)\s+)?(?:[\w@.'’-]+\s*[,!:]\s+)?"
    r"(?!no (?:problem|worries)\b)"
    r"(?:yes|yeah|yep|yup|no|nope|sure|absolutely|definitely|of course|correct|exactly|indeed|not (?:really|yet|at all)"
    r"|i (?:sure |certainly |definitely )?(?:will|did|do|have|would|can|am|was|use|used|add|added|made|make)"
    r"|i'll|i've|i'd|you (?:can|could|should|may|will|need|don't|do not)|you'll|it (?:is|does|will|can|was|works)|it's"
    r"|they (?:are|do|will|can)|they're|both|either|use|try|add|skip"
    r"|ja|jap|jep|jo|nein|nö|doch|klar|genau|natürlich|sicher|du (?:kannst|musst|solltest|brauchst)"
    r"|man (?:kann|muss|sollte|braucht)|ich (?:habe|hab|würde|nehme)|es (?:ist|geht)|das (?:ist|geht))\b",
    re.IGNORECASE,
)
_GREETING = frozenset("hi hello hey dear".split())


def answer_kind(text: str, asker: str | None = None) -> AnswerKind:
    """Whether a reply answers, declines, only thanks, or says nothing (see module docstring)."""
    sentences = split_sentences(text)
    name = first_name(asker).casefold() if asker else ""
    if not any(ch.isalpha() for ch in text):
        return AnswerKind.NOISE
    if _ME_TOO.search(" ".join(text.split(maxsplit=ME_TOO_WORDS)[:ME_TOO_WORDS])) and not _WAY_OUT.search(text):
        return AnswerKind.ME_TOO
    declined = False
    for sentence in sentences:
        refusal = _REFUSAL.search(sentence) if _REFUSAL_NEEDS.possible(sentence) else None
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
