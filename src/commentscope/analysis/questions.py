"""Question detection: '?' sentences, requests and indirect questions, minus rhetorical forms.

The decision is an ordered table of rules (first match wins), so new phrasings are data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from commentscope.analysis.sentences import split_sentences


class Ending(Enum):
    """How a sentence ends: its last run of terminal punctuation."""

    QUESTION = "?"
    SURPRISED = "?!"  # a run with both '?' and '!'
    EXCLAMATION = "!"
    OTHER = "."  # '.', '…' or no punctuation at all


ANY_ENDING = frozenset(Ending)


@dataclass(frozen=True, slots=True)
class QuestionRule:
    """One row of the table: sentences with one of `endings` matching `pattern` get `verdict`."""

    name: str
    verdict: bool
    pattern: re.Pattern[str]
    endings: frozenset[Ending] = ANY_ENDING


def _rule(name: str, verdict: bool, pattern: str, *endings: Ending) -> QuestionRule:
    return QuestionRule(name, verdict, re.compile(pattern), frozenset(endings or Ending))


# Optional opening before the clause that carries the question: a short address or
# clause ended by a comma ("Hi Vivian, ...", "In my case, ...") and a linking word.
_LEAD = r"^(?:[^,;:]{0,40}[,;:]\s*)?(?:(?:so|and|but|also|now|then|or|please)\s+)?"
_NT = r"(?:n't)?"
_SUBJECT = (
    r"(?:you|u|anyone|anybody|someone|somebody|i|we|they|he|she|it|there|this|that|these|"
    r"those|the|my|your|our|his|her|their|its|any|taking|eating|drinking)\b"
)
_PERSON = r"(?:you|u|anyone|anybody|someone|somebody|i|we|they)\b"
_AUX = r"(?:is|are|was|were|does|did|can|could|would|will|should|shall|might)"
_WH = r"(?:what|which|where|when|why|how|who|whom|whose)"
_PRONOUN = r"(?:i|we|you|they|he|she|it)\b"
_NICE = (
    r"(?:great|nice|amazing|wonderful|awesome|fantastic|interesting|incredible|cool|sad|"
    r"ironic|funny|crazy|terrible|awful|lucky)"
)

QUESTION_RULES: tuple[QuestionRule, ...] = (
    _rule(
        "rhetorical_idiom",
        False,
        r"^(?:who\s+knew|who\s+would(?:\s+have|'ve)\s+(?:thought|guessed|known)|guess\s+what"
        r"|what\s+else\s+is\s+new|can\s+you\s+believe\s+(?:it|that|this)|what's\s+not\s+to\s+(?:love|like))\b"
        rf"|^(?:why\s+not|how\s+(?:\w+\s+)?{_NICE}\s+is\s+that)\W*$",
    ),
    _rule("rhetorical_tag", False, rf"^(?:isn't|wasn't|wouldn't|ain't)\s+(?:it|that|this)\s+(?:be\s+)?{_NICE}\b"),
    _rule("exclamatory_wh", False, rf"^(?:what\s+an?\b|how\s+{_NICE}\b)", Ending.SURPRISED, Ending.OTHER),
    _rule("surprised_question", True, rf"^(?:{_WH}|{_AUX}{_NT}|do|have|has)\b", Ending.SURPRISED),
    _rule("exclamation", False, r"", Ending.SURPRISED, Ending.EXCLAMATION),
    _rule("question_mark", True, r"", Ending.QUESTION),
    _rule("conditional_inversion", False, rf"^(?:should|had|were)\s+{_PRONOUN}[^,]{{0,60}},"),
    _rule(
        "wondering",
        True,
        r"\bi(?:'m|\s+am|\s+was|\s+have\s+been)\s+(?:just\s+|also\s+)?wondering\b"
        r"|\bi\s+(?:just\s+|also\s+|do\s+)?wonder\s+(?:if|whether|what|how|why|when|where|which|who)\b",
    ),
    _rule("anyone_know", True, r"\b(?:does|do|did)\s+(?:anyone|anybody)\b"),
    _rule("want_to_know", True, r"\bi(?:'d|\s+would)\s+(?:like|love)\s+to\s+know\b|\bi\s+(?:want|need)\s+to\s+know\b"),
    _rule(
        "please_request",
        True,
        r"\bplease\s+(?:advise|help|explain|tell|share|recommend|suggest|comment|clarify|reply|respond|send"
        r"|let\s+(?:me|us)\s+know)\b",
    ),
    _rule("let_me_know", True, rf"{_LEAD}let\s+(?:me|us)\s+know\b"),
    _rule(
        "any_advice",
        True,
        rf"{_LEAD}any\s+(?:suggestions?|advice|recommendations?|ideas|thoughts|tips|help|info(?:rmation)?|insights?"
        r"|feedback|comments)\b"
        r"|\b(?:advice|suggestions|recommendations|help|input)\s+(?:would\s+be|is|are|will\s+be)\s+(?:\w+\s+)?"
        r"appreciated\b",
    ),
    _rule(
        "can_you_request",
        True,
        r"\b(?:can|could|would|will)\s+(?:you|anyone|someone)\s+(?:please\s+)?"
        r"(?:tell|recommend|suggest|explain|advise|help|confirm|send|share|point|comment)\b",
    ),
    # "Which brand do you ...", "How long should I ...": wh-word, up to two non-pronoun words, aux, subject.
    _rule(
        "wh_question",
        True,
        rf"{_LEAD}{_WH}(?:\s+(?!{_PRONOUN})[\w'-]+){{0,2}}\s+(?:{_AUX}|do|has|have){_NT}\s+{_SUBJECT}",
    ),
    # Subject-auxiliary inversion; "do/have/may" also start imperatives and wishes, so only before a person.
    _rule("inverted_question", True, rf"{_LEAD}(?:{_AUX}{_NT}\s+{_SUBJECT}|(?:do|have|may){_NT}\s+{_PERSON})"),
)

_FINAL_RUN = re.compile(r"([.?!…]+)[^\w.?!…]*$")
# Auxiliaries, modals, copulas and subject pronouns: a sentence with one of them has a finite verb.
# fmt: off
_FINITE = frozenset({
    "am", "is", "are", "was", "were", "be", "been", "do", "does", "did", "have", "has", "had", "can", "could",
    "will", "would", "shall", "should", "may", "might", "must", "i", "you", "he", "she", "we", "they", "it", "there",
})
# fmt: on
_CHOICE_MAX_WORDS = 15


def sentence_ending(sentence: str) -> Ending:
    """Which kind of terminal punctuation `sentence` ends with (closing quotes/emoji ignored)."""
    match = _FINAL_RUN.search(sentence)
    run = match.group(1) if match else ""
    if "?" in run:
        return Ending.SURPRISED if "!" in run else Ending.QUESTION
    return Ending.EXCLAMATION if "!" in run else Ending.OTHER


def matching_rule(sentence: str) -> QuestionRule | None:
    """The first rule of `QUESTION_RULES` that decides `sentence`, or None (not a question)."""
    body = re.sub(r"^[\W_]+", "", sentence.strip()).replace("’", "'").lower()
    ending = sentence_ending(sentence)
    for rule in QUESTION_RULES:
        if ending in rule.endings and rule.pattern.search(body):
            return rule
    return None


def is_question(sentence: str) -> bool:
    """Whether one sentence asks something: a '?' question, a request or an indirect question."""
    rule = matching_rule(sentence)
    return rule is not None and rule.verdict


def find_questions(text: str) -> list[str]:
    """The question sentences of a comment, verbatim, in order."""
    found: list[str] = []
    previous_asked = False
    for sentence in split_sentences(text):
        asked = is_question(sentence) or (previous_asked and continues_choice(sentence))
        if asked:
            found.append(sentence)
        previous_asked = asked
    return found


def continues_choice(sentence: str) -> bool:
    """A verbless 'A or B' fragment that, right after a question, offers its choices.

    "No finite verb" is approximated by a closed list of auxiliaries, modals, copulas and
    subject pronouns, since NLTK's part-of-speech tagger would need a download.
    """
    tokens = re.findall(r"[\w']+", sentence.replace("’", "'").lower())
    return (
        sentence[:1].isupper()
        and " or " in f" {' '.join(tokens)} "
        and len(tokens) <= _CHOICE_MAX_WORDS
        and sentence_ending(sentence) is Ending.OTHER
        and not any(token in _FINITE or token.endswith("n't") for token in tokens)
    )
