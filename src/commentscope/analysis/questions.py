"""Question detection: '?' sentences, requests and indirect questions, minus rhetorical forms.

The decision is an ordered table of rules (first match wins), so new phrasings are data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from commentscope.analysis.sentences import split_sentences
from commentscope.literals import needs_of


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

_NEG_AUX = r"(?:is|are|was|were|do|does|did|have|has|had|can|could|will|would|should|wo|ca)n't"

QUESTION_RULES: tuple[QuestionRule, ...] = (
    _rule(
        "rhetorical_idiom",
        False,
        r"^(?:who\s+knew|who\s+would(?:\s+have|'ve)\s+(?:thought|guessed|known)|guess\s+what"
        r"|what\s+else\s+is\s+new|can\s+you\s+believe\s+(?:it|that|this)|what's\s+not\s+to\s+(?:love|like)"
        r"|ever\s+(?:did|done|tried|heard|seen|noticed|wondered))\b"
        rf"|^(?:why\s+not|how\s+(?:\w+\s+)?{_NICE}\s+is\s+that)\W*$"
        r"|\b(?:who\s+cares|why\s+bother|what\s+could\s+(?:possibly\s+)?go\s+wrong)\W*$"
        # Challenges that expect no answer: "What is to stop ...", "Are you serious?", "Didn't you read ...",
        # "Do you really believe ...", "Should we really ...", "How do we know ...", "ask yourself".
        r"|\bwhat(?:'s|\s+is)\s+to\s+(?:prevent|stop)\b|\bhow\s+do\s+we\s+know\b|\bask\s+yourself\b"
        r"|^for\s+(?:example|instance),\s*what\s+(?:happens|if)\b"
        r"|\bare\s+(?:you|u)\s+(?:\w+\s+)?(?:insane|crazy|serious|kidding|joking|nuts|mad|blind)\b"
        r"|\b(?:didn't|don't|haven't)\s+you\s+(?:even\s+)?(?:read|see|notice|realize|realise|understand)\b"
        r"|\b(?:do|did|would|can|could|will)\s+(?:you|we|they|people)\s+(?:really|seriously|honestly)\s+"
        r"(?:believe|think|expect|suppose)\b|\bshould\s+(?:[\w\"'-]+\s+){1,3}really\b"
        r"|\b(?:do|does|did|would|can|could)\s+(?:anyone|anybody|people)\s+(?:really|seriously)\s+"
        r"|\b(?:do|does|did)\s+(?:you|they|he|she|we|people)\s+even\b"
        # German challenges: "Seit wann braucht man ...?", "Hast du jemals ... gelesen?", "Alles klar?".
        r"|^(?:[^,;:]{0,40}:\s*)?(?:und\s+)?seit\s+wann\b|\b(?:hast|habt)\s+(?:du|ihr)\s+(?:jemals|überhaupt|eigentlich\s+mal)\b"
        r"|^alles\s+klar\W*$",
    ),
    # Challenges to a third party: "Why would you stop running Gordon?", "Why did you not have a plan ...".
    _rule(
        "why_challenge",
        False,
        r"^why\s+(?:on\s+earth\s+)?(?:would|did|do)\s+(?:you|they|he|she|anyone|anybody)\s+(?:not|never|ever|stop|even)\b"
        r"|^why\s+(?:didn't|wouldn't|don't)\s+(?:they|he|she)\b"
        # "Warum lässt man nicht ...?" (why don't they), "Wie kann ich X sein, wenn ...?" (how can I, when).
        r"|\bwarum\s+\w+\s+man\s+(?:\w+\s+){0,2}nicht\b"
        r"|^(?:how|wie)\s+(?:can|could|kann|könnte)\s+(?:i|you|one|ich|man|du)\s+[^,]*,\s*(?:when|wenn)\b",
    ),
    # Insults and swearing ask nothing: "What the f-ing ...?", "was für ein scheiß Zeug ...?".
    _rule(
        "hostile_question",
        False,
        r"\b(?:f[-*]?(?:ing|in')|fuck\w*|damn\w*|hell|wtf|idiot\w*|stupid|moron\w*|scheiß\w*|scheiss\w*|depp\w*"
        r"|zur\s+h\b|verdammt\w*|schwachsinn\w*|blöd\w*|bescheuert\w*)\b",
    ),
    # "Maybe X is an option?", "Vielleicht ...?": a suggestion with a question mark (a "(?)" asks).
    _rule("hedged_suggestion", False, r"^(?:maybe|perhaps|vielleicht)\b(?!.*\(\?+\)\W*$)", Ending.QUESTION),
    # A modal straight before "have"/"be" has lost its subject: a hedged statement with a question
    # mark ("Could be the yeast?", "Then, to state, would have to hold ignorance of ...?").
    _rule("elided_subject", False, r"^(?:[^,;:?]{0,40}[,;:]\s*){0,2}(?:so\s+|and\s+|but\s+|then\s+)?"
          r"(?:would|could|might|must|should)(?:n't)?\s+(?:not\s+)?(?:have|be)\b", Ending.QUESTION),
    # German requests and indirect questions: "ich wollte mal fragen, ob ...", "wäre es nett, wenn du ...".
    _rule(
        "german_request",
        True,
        r"\b(?:wollte|möchte)\s+(?:\w+\s+){0,2}(?:fragen|bitten|wissen)\b|\bwäre\s+(?:es\s+)?(?:nett|lieb|toll)"
        r"\s*,\s*wenn\b",
    ),
    # German statement order with a '?' is surprise or reproach, not a question: "Du erwartest von
    # mir, dass ...?", "Ich himmel Nazis an?", "Dir ist schon klar, dass ...?".
    _rule(
        "declarative_question",
        False,
        r"^(?:[^,;:]{0,40}[:]\s*)?(?:\d+\.\s*|[a-z]\)\s*)?(?:und\s+)?(?:du|ich|ihr|dir|dich|euch)\s+"
        r"(?!bitte\b|frage\b)[a-zäöüß]+\b"
        r"(?!.*,\s*(?:kann|können|darf|soll|muss|ist|sind|hat|habe|gibt|wie|was|wo|warum|welche\w*)\s)"
        r"(?!.*(?:…|\.\.\.|–)\s*(?:wer|wie|was|welche\w*|wo\w*|warum|wann|wieso|weshalb)\b)",
        Ending.QUESTION,
    ),
    # A statement with a confirming tag ("..., doesn't it?", "Rounds down eh?") asks nothing.
    _rule(
        "tag_question",
        False,
        rf"\w[^?]*(?:,\s*|\s)(?:{_NEG_AUX}|ain't|aren't)\s+(?:it|that|this|we|you|they|he|she|i|there)\W*$"
        r"|\w\s+eh\W*$|\w\s*,\s*(?:oder|oder\s+nicht|nicht\s+wahr|ne|gell|gelle|woll)\W*$|\w\s+gelle?\W*$",
        Ending.QUESTION,
    ),
    _rule(
        "rhetorical_tag",
        False,
        rf"^(?:isn't|wasn't|wouldn't|ain't)\s+(?:it|that|this)\s+(?:be\s+)?{_NICE}\b"
        r"|^(?:ist|war|wäre)\s+(?:es|das)\s+(?:\w+\s+){0,2}nicht\s+(?:\w+\s+){0,2}(?:peinlich|traurig|schade|lächerlich"
        r"|komisch|seltsam|erbärmlich|toll|schön)\b",
    ),
    _rule("exclamatory_wh", False, rf"^(?:what\s+an?\b|how\s+{_NICE}\b)", Ending.SURPRISED, Ending.OTHER),
    _rule("surprised_question", True, rf"^(?:{_WH}|{_AUX}{_NT}|do|have|has)\b", Ending.SURPRISED),
    _rule("exclamation", False, r"", Ending.SURPRISED, Ending.EXCLAMATION),
    _rule("question_mark", True, r"", Ending.QUESTION),
    _rule("comparative_inversion", False, rf",\s*(?:and\s+)?(?:so|nor|neither)\s+(?:{_AUX}|do|have|has){_NT}\s+"),
    _rule(
        "parenthetical_question",
        True,
        r"\((?:is|are|does|do|did|can|could|would|will|should|has|have)\s+(?:there|it|this|that|you|anyone|i|we)\b",
    ),
    _rule("may_i_ask", True, r"\b(?:may|can|could|might)\s+i\s+ask\b|\bi(?:'d|\s+would)\s+like\s+to\s+ask\b"),
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
    # "Let me know if you want a link", "... if you have any questions": an offer, not a question
    _rule(
        "let_me_know_offer",
        False,
        rf"{_LEAD}let\s+(?:me|us)\s+know\s+if\s+(?:you|u)\s+(?:(?:'d|would)\s+like|want|wanna|need"
        r"|have\s+(?:any\s+)?(?:more\s+|further\s+|other\s+)?(?:questions?|trouble|problems?|issues?))\b",
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
    # "Why use X instead of Y", "why not add ...": why + a bare verb.
    _rule(
        "why_infinitive",
        True,
        rf"{_LEAD}why\s+(?:not\s+)?(?!{_PRONOUN}|(?:the|a|an|this|that|these|those|my|your|our|their|it's|{_AUX}|"
        r"do|does|has|have)\b)[a-z]+\s+\S",
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
_FRAGMENT_MAX_WORDS = 5
# fmt: off
_FINITE_DE = frozenset({
    "ist", "sind", "war", "waren", "bin", "bist", "seid", "hat", "habe", "hast", "habt", "haben", "hatte", "kann",
    "kannst", "können", "könnte", "muss", "musst", "müssen", "soll", "sollte", "wird", "werden", "würde", "gibt",
    "geht", "darf", "mag", "will", "ich", "du", "er", "sie", "es", "wir", "ihr", "man",
})
_W_WORDS = frozenset({"wer", "wie", "was", "wo", "wann", "warum", "wieso", "weshalb", "welche", "welcher", "welches",
                      "woher", "wohin", "wozu", "womit", "woran", "worauf", "worüber", "wofür", "wovon", "wodurch",
                      "weswegen", "wieviel", "inwiefern"})
# fmt: on


def sentence_ending(sentence: str) -> Ending:
    """Which kind of terminal punctuation `sentence` ends with (closing quotes/emoji ignored)."""
    match = _FINAL_RUN.search(sentence)
    run = match.group(1) if match else ""
    if "?" in run:
        return Ending.SURPRISED if "!" in run else Ending.QUESTION
    return Ending.EXCLAMATION if "!" in run else Ending.OTHER


QUESTION_MARK = next(rule for rule in QUESTION_RULES if rule.name == "question_mark")
# Questions told only by their form, not by a request: a rhetorical voice overrides them.
_PLAIN = frozenset(r for r in QUESTION_RULES if r.name in {"question_mark", "wh_question", "inverted_question"})
QUOTED = QuestionRule("quoted_question", False, re.compile(""), frozenset({Ending.QUESTION}))
DECORATIVE = QuestionRule("decorative_marks", False, re.compile(""), frozenset({Ending.QUESTION}))
ASIDE = QuestionRule("conditional_aside", False, re.compile(""), frozenset({Ending.QUESTION}))
# A hedge on the reader's knowing a word: "wenn euch das ein Begriff ist", "if you know what I mean".
_CONDITIONAL_TAIL = re.compile(
    r",\s*(?:wenn|falls|sofern|if)\s+(?:(?:euch|dir|ihnen|du|ihr|you|that|this|das|es)\b[^,]*?\b(?:begriff|bekannt|kennt"
    r"|kennst|kennen|weißt|wisst|wissen|know|knows|remember|follow|understand|makes?\s+sense)|you\s+(?:will|like))\b[^,]*$")
_QUOTE_TAIL = re.compile(r"[\"“]([^\"“”]*\?)[\"”]\W*$")
_WHOLLY_QUOTED = re.compile(r"[\"“„«](.*\?)[\"”“»]", re.DOTALL)  # its inner quotes: `_nested`
_NESTING = ({"“": 1, "”": -1}, {"„": 1, "“": -1}, {"«": 1, "»": -1})  # English, German, guillemets
_SPACED_DOTS = re.compile(r"(?<=[?!])(?:\s*\.)+\s*$")  # "...bonds? . . . ." ends with its '?'
_WH_WORDS = frozenset({"what", "which", "where", "when", "why", "how", "who", "whom", "whose"})


def _nested(inner: str) -> bool:
    """Whether the quotation marks inside a quoted sentence are quotations nested in it ('“Was
    spricht gegen den “-innen”-Plural?”'), none closing the outer one early ('“Why?” he asked. “Now?”')."""
    if inner.count('"') % 2:
        return False
    marks = [c for c in inner if c in "“”„«»"]
    if not marks:
        return True
    for pairs in _NESTING:
        if all(c in pairs for c in marks):
            depth = 0
            for c in marks:
                depth += pairs[c]
                if depth < 0:
                    break
            else:
                if depth == 0:
                    return True
    return False


def _literal_needs(rule: QuestionRule) -> tuple[str, ...] | None:
    """Strings of which the lower-cased sentence must hold one for `rule` to match (`literals`)."""
    needs = needs_of(rule.pattern)
    return needs.strings if needs is not None and not needs.folded else None


# Per ending, the rules that apply to it in table order, each with its literal needs: a rule
# whose needed words are not in the sentence is not tried (most sentences match no rule).
_RULES_BY_ENDING = {
    ending: tuple((rule, _literal_needs(rule)) for rule in QUESTION_RULES if ending in rule.endings)
    for ending in Ending
}
_LEADING_PUNCTUATION = re.compile(r"^[\W_]+")


@lru_cache(maxsize=8192)
def matching_rule(sentence: str) -> QuestionRule | None:
    """The first rule of `QUESTION_RULES` that decides `sentence`, or None (not a question).

    Three checks come first: a '?' that belongs to a quotation inside a statement (You raise the
    question "which is better?"), a run of '??' after a verbless fragment ("First, the
    taste???"), which decorates rather than asks, and a '?' closing a hedge on the reader's
    knowing a word, hung on a verbless list ("Moos, Samen (vor allem die Bettelmänner, wenn euch
    das ein Begriff ist?"), an aside.

    Remembered for recent sentences: a comment's sentences are judged by the question finder
    and again by the sentiment scorer (a question is not an opinion).
    """
    sentence = _SPACED_DOTS.sub("", sentence.strip())
    body = _LEADING_PUNCTUATION.sub("", sentence).replace("’", "'").lower()
    ending = sentence_ending(sentence)
    if ending is Ending.QUESTION:
        wholly = _WHOLLY_QUOTED.fullmatch(sentence)
        if wholly and _nested(wholly.group(1)):
            return QUOTED  # '“Warst du schon beim Arzt?”': a line quoted, not the writer's question
        quoted = _QUOTE_TAIL.search(body)
        if quoted and re.search(r"\w", body[: quoted.start()]):
            lead = matching_rule(body[: quoted.start()].strip(" ,:") + ".")
            return lead if lead is not None and lead.verdict else QUOTED
        tokens = re.findall(r"[\w']+", body)
        if "??" in sentence and not any(_finite(t) or t in _WH_WORDS for t in tokens):
            return DECORATIVE
        tail = _CONDITIONAL_TAIL.search(body)
        if tail and _verbless(body[: tail.start()]) and not is_question(body[: tail.start()] + "."):
            return ASIDE
    for rule, needs in _RULES_BY_ENDING[ending]:
        if needs is not None:
            for needed in needs:
                if needed in body:
                    break
            else:
                continue  # none of the words the rule needs: it cannot match
        if rule.pattern.search(body):
            return rule
    return None


def is_question(sentence: str) -> bool:
    """Whether one sentence asks something: a '?' question, a request or an indirect question."""
    rule = matching_rule(sentence)
    return rule is not None and rule.verdict


# A sentence that answers or names the question before it as a set-up ("The answer to this
# question ...", "On the surface this appears to be a simple question").
_SET_UP = re.compile(
    r"^the\s+answer\b|\banswer\s+to\s+(?:this|that|the|such\s+a)\s+question\b"
    r"|\b(?:this|that|it)\s+(?:appears|seems|looks|sounds)\s+(?:to\s+be\s+)?(?:like\s+)?an?\s+(?:\w+\s+)?question\b"
    # The writer answers at once: "Ever had a 6 for it? Then you know ...", "Warum? Mal schaun ...".
    r"|^\W*(?:then\s+you|dann\s+(?:weißt|wisst|verstehst)|mal\s+(?:schaun|schauen|sehen)|wie\s+immer|of\s+course"
    r"|obviously|natürlich|offensichtlich|let's\s+see|let\s+me\s+guess)\b",
    re.IGNORECASE,
)


_VOICE_RULES = frozenset({"hostile_question", "declarative_question", "why_challenge", "rhetorical_idiom"})
_FOLLOW_UP = re.compile(r"^\W*(?:how|what)\s+about\b|^\W*or\b", re.IGNORECASE)


def find_questions(text: str) -> list[str]:
    """The question sentences of a comment, verbatim, in order (a question the next sentence
    treats as a set-up, answering or naming it, is the writer's own and left out)."""
    sentences = split_sentences(text)
    found: list[str] = []
    previous_asked = previous_rhetorical = voice = False
    for k, sentence in enumerate(sentences):
        rule = matching_rule(sentence)
        asked = (rule is not None and rule.verdict) or (previous_asked and continues_choice(sentence))
        set_up = asked and k + 1 < len(sentences) and _SET_UP.search(sentences[k + 1]) is not None
        # "Ever tried X? How about Y?": a follow-up to a rhetorical question is rhetorical too.
        follows_rhetoric = previous_rhetorical and _FOLLOW_UP.match(sentence) is not None
        # "Poor game plan?", "Graf oder Baron?": a verbless '?' fragment asks only as a follow-up.
        fragment = rule is QUESTION_MARK and not previous_asked and is_fragment(sentence)
        wordless = not any(map(str.isalnum, sentence))  # '?' alone: a puzzled face, no question to answer
        if asked and not set_up and not follows_rhetoric and not fragment and not wordless:
            found.append(sentence)
        previous_asked = asked
        declined = rule is not None and not rule.verdict and sentence_ending(sentence) is Ending.QUESTION
        previous_rhetorical = declined or follows_rhetoric
        voice = voice or (declined and rule is not None and rule.name in _VOICE_RULES) or (asked and set_up)
    # One scornful, incredulous or self-answered question sets the voice of the comment: its
    # other '?' are rhetorical too ("Ich himmel Nazis an? ... Als was entlarve ich mich?").
    return [q for q in found if not voice or matching_rule(q) not in _PLAIN]


def is_fragment(sentence: str) -> bool:
    """Two to five words with no finite verb (English or German closed list), no question word
    (anywhere: "Weiß jemand, woran das liegt?" and "Ok, but why?" ask), and no request ("Any
    suggestions?", "Any home remedies for asthma?" ask; "Sure?" alone may ask too)."""
    # an address or label ("@Eras:", "Rückfrage:"), not a ratio ("ANA 1:160")
    body = re.sub(r"^[^,;:]{0,40}:(?!\d)\s*", "", sentence)
    tokens = re.findall(r"[\w']+", body.replace("’", "'").lower())
    return (
        2 <= len(tokens) <= _FRAGMENT_MAX_WORDS
        and tokens[0] != "any"  # "Any home remedies for asthma?" asks
        and not any(t in _WH_WORDS or t in _W_WORDS for t in tokens)  # "Weiß jemand, woran das liegt?"
        and not any(_finite(t) or t in _FINITE_DE for t in tokens)
        and not is_question(re.sub(r"[?!\s]+$", ".", sentence))
    )


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
        and not any(_finite(token) for token in tokens)
    )


def _verbless(text: str) -> bool:
    """No finite verb (English or German closed list) and no question word."""
    tokens = re.findall(r"[\w']+", text.replace("’", "'").lower())
    return not any(_finite(t) or t in _FINITE_DE or t in _WH_WORDS | _W_WORDS for t in tokens)


def _finite(token: str) -> bool:
    """A word that makes a clause finite: an auxiliary, pronoun, or a contraction of one."""
    return token in _FINITE or token.endswith(("n't", "'s", "'re", "'m", "'ve", "'d", "'ll"))
