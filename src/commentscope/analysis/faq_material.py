"""Whether a reader's question is FAQ material: information an editor could add to an FAQ.

Not FAQ material (issue 13):

- pointers ("Have you read X?", "Hast du jemals ... gelesen?") and questions addressed to one
  reader by handle ("@Eras: seit wann ...?");
- polls of other readers' experience or opinion ("Has anyone else tried it?", "How long did you
  take it?", "What does everyone think?", "Wie sieht es bei euren Katzen aus?");
- permission requests to the author ("May I translate this?", "Darf ich das kopieren?", "Ich
  wollte dich bitten, ob ich den Text kopieren ...") and
  personal questions to the author ("Whatever happened to the book you were writing?");
- rhetorical questions: the reader expects no answer ("Are u insane?", "Did anyone really think
  they would win?", "Is that any surprise?", "Maybe Mexico City is an option?", "Why did you not
  bench him?", "..., oder?", "Dir ist schon klar, dass ...?") and fragments too short to stand
  as a question ("Sicher?");
- complaints and accusations ("Why aren't the times updated?", "Was #6 stolen from ...?") and
  challenges to back a claim ("Do you have data for this claim?").

The tables are ordered patterns, English and German, matched on the question sentence. A
comment that asks one question that is not FAQ material speaks in that voice throughout ("Lol,
how old are you? Did you ever read the law? Does it say the images are protected?"; "Why not
Python? What alternative would you propose?"), so `open_questions` counts none of its questions,
whatever groups they fall in. Nor does it count a question asked of one reader, or asked by
staff of the readers (`addressee`), or one the article covers on its own.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Sequence

from commentscope.analysis.addressee import READERS
from commentscope.literals import fold, needs_of

MIN_WORDS = 3  # a question of fewer words ("Sicher?", "Really?") is a fragment, not an FAQ entry
MAX_WORDS = 60  # a "question" of more words is a statement with a question mark, not an FAQ entry

_POINTER = (
    r"^\W*(?:[^,?]{0,30},\s*)?(?:have|did)\s+you\s+(?:ever\s+|already\s+)?"
    r"(?:read|seen|see|watched|watch|heard|hear|looked|checked|check|tried\s+reading|come\s+across)\b",
    r"\bhast\s+du\s+(?:jemals|schon\s+(?:mal|einmal)|überhaupt|eigentlich)\b",
    r"^\W*@\s?\w",
)
_POLL = (
    r"\b(?:has|have|did|does)\s+any(?:one|body)\s+(?:else\s+)?(?:tried|try|had|have|experienced|noticed|used|taken)\b",
    r"\bany(?:one|body)\s+else\b",
    r"\bwhat\s+(?:does|do|did)\s+(?:every(?:one|body)|you\s+(?:all|guys)|y'?all|others|people)\s+think\b",
    r"\bhow\s+(?:long|much|many|often)\s+(?:\w+\s+)?(?:did|have|had)\s+you\b",
    r"\bbei\s+(?:dir|euch|eure[mnrs]?|deine[mnrs]?)\b",
    r"\b(?:hat|habt)\s+(?:einer|jemand|ihr)\s+(?:\w+\s+){0,3}(?:gefunden|probiert|ausprobiert|erfahrung)",
)
_PERMISSION = (
    r"\b(?:may|can|could)\s+i\s+(?:possibly\s+|please\s+)?(?:translate|repost|reprint|republish|share|quote|link\s+to)\b",
    r"\bdarf\s+ich\b",
    r"\b(?:bitten|fragen)\W+ob\s+ich\b[^?]{0,80}\b(?:kopieren|übernehmen|verwenden|übersetzen|stellen|teilen|verlinken)\b",
    r"\bwhat\s*ever\s+happened\s+to\b.*\byou\b",
)
_RHETORICAL = (
    r"\b(?:are|r)\s+(?:u|you)\s+(?:insane|crazy|serious|kidding|nuts)\b",
    r"\b(?:did|does|do|would)\s+any(?:one|body)\s+(?:really\s+|seriously\s+|honestly\s+)?(?:think|believe|expect)\b",
    r"\bany\s+(?:\S+\s+)?surprise\b",
    r"\b(?:do|did|does)\s+(?:they|you|he|she)\s+even\b",
    r"\bwhat(?:'s|’s|\s+is|\s+was)\s+(?:he|she|they)\s+supposed\s+to\s+(?:say|do)\b",
    r"^\W*(?:maybe|perhaps|vielleicht)\b",
    # a counter-question naming a thing with no verb: "Why not Python?", "Warum nicht Dinkelmehl?"
    r"^\W*(?:(?:and|but|so|then|und|aber)\s+)?(?:why\s+not|(?:warum|wieso)\s+nicht)\s+[^\s?]+(?:\s+[^\s?]+)?\s*\?*\s*$",
    r"\bwhy\s+(?:would|did|do|does|didn(?:'|’)t|don(?:'|’)t|wouldn(?:'|’)t)\s+(?:you|they|he|she)\b"
    r"(?:\s+\w+){0,2}\s+(?:not|stop|even|ever)\b|\bwhy\s+would\s+you\b",
    r"\b(?:warum|wieso|weshalb)\s+(?:\w+\s+){0,3}(?:man|ihr|du)\b(?:\s+\w+){0,6}\s+nicht\b",
    r"\b(?:oder|gell|ne|nicht\s+wahr|right|eh)\s*\?+\s*$",
    r"\bschon\s+(?:klar|bewusst)\b",
    r"\bseit\s+wann\b",
    r"\bwie\s+alt\s+bist\s+du\b",
    r"\bist\s+es\s+(?:euch|dir|ihnen)\s+nicht\b",
    r"\bwie\s+kann\s+ich\s+(?:\w+\s+){0,3}sein\b",
    r"\b(?:ist|sind|war)\s+(?:es|das)\s+(?:ja|doch)\b",
    r"\b(?:zur|zum)\s+(?:h(?:ölle|oelle)?…|hölle|teufel)|\bthe\s+(?:hell|heck)\b",
    r"\b(?:warum|wieso|weshalb)\b[^?]{0,40}\b(?:deine?[mnrs]?|dich|dir)\b",
    # the answer is the writer's point: "Was sagt uns das?", "Was soll man dazu noch sagen?"
    r"^\W*(?:[\w#]+\W+){0,3}?(?:was\s+sagt\s+uns\s+das|was\s+soll\s+man\s+(?:da(?:zu)?\s+)?(?:noch\s+)?sagen"
    r"|was\s+macht\s+man\s+dann|warum\s+schreibe\s+ich\s+(?:das|dies)(?:\s+alles)?|was\s+tun)\W*$",
    r"\bwas\s+(?:hat|haben|hatte|hatten)\b[^?]{1,60}\bzu\s+suchen\b",  # "was haben X in einem Urteil zu suchen?"
    # the verb and "nicht" before the subject: "Aber ist nicht Rassismus auch ...?", "Hat nicht jeder ...?"
    r"^\W*(?:(?:und|aber|doch|im\s+übrigen)\W+)?(?:ist|sind|war|waren|hat|haben|wäre|wären|hätte|hätten)\s+nicht\s+"
    r"(?!mehr\b|nur\b)",
    # a challenge to back a claim: "Woher wissen Sie, dass ...?", "How do you know that ...?"
    r"\bwoher\s+(?:wei(?:ß|ss)t?|wisst|wissen)\s+(?:du|sie|ihr)\b,?\s+dass\b|\bhow\s+do\s+you\s+know\s+that\b",
)
# Complaints, accusations and challenges: "Why aren't the times updated?", "Warum werden die
# Zeiten nicht aktualisiert?" (someone failed to do something), "Was #6 stolen from ...?",
# "Do you have data for this claim?" (back it up).
_COMPLAINT = (
    r"\b(?:warum|wieso|weshalb)\s+(?:wird|werden|wurde|wurden)\b[^?]*\bnicht\s+(?:mehr\s+)?"
    r"(?:ge\w+(?:t|en)|\w+iert|(?:ver|be|über|er)\w+(?:t|en))\b",
    r"\bwhy\s+(?:isn|aren|wasn|weren|hasn|haven)['’]t\s+(?:\w+\s+){1,4}(?:being\s+|been\s+)?\w+ed\b",
    r"\bwhy\s+(?:is|are|was|were|has|have)\s+(?:\w+\s+){1,4}not\s+(?:being\s+|been\s+)?\w+ed\b",
    r"\b(?:stolen|plagiari[sz]ed|ripped\s+off|geklaut|abgeschrieben)\b",
    r"\b(?:do|does|can)\s+(?:you|he|she|they)\s+have\s+(?:any\s+)?(?:data|evidence|proof|sources?|references?|reasoning)"
    r"(?:/\w+)?\s+(?:for|to\s+(?:back|support))\b",
)
_NOT_FAQ = tuple(re.compile(pattern, re.IGNORECASE)
                 for pattern in _POINTER + _POLL + _PERMISSION + _RHETORICAL + _COMPLAINT)
_MIN_WORDS = re.compile(r"\w+\W+" * (MIN_WORDS - 1) + r"\w")  # holds MIN_WORDS runs of \w


def _literal_index(regexes: Sequence[re.Pattern[str]], folded: bool) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Each literal that the matches of some of `regexes` all hold (`literals.needs_of`), in
    `fold`ed form or not (`folded`), and the indices of the patterns that need it. A pattern
    with no such literal is needed by "" (always run)."""
    index: dict[str, list[int]] = {}
    for k, regex in enumerate(regexes):
        needs = needs_of(regex)
        if needs is None and not folded:
            index.setdefault("", []).append(k)
        elif needs is not None and needs.folded == folded:
            for needed in needs.strings:
                index.setdefault(needed, []).append(k)
    return tuple((needed, tuple(ks)) for needed, ks in index.items())


# A pattern whose literals are not in the question is not run: most questions hold few of them,
# and one alternation of every pattern, tried at each character, cost 30 us a question.
_NEEDED_FOLDED = _literal_index(_NOT_FAQ, folded=True)
_NEEDED_AS_WRITTEN = _literal_index(_NOT_FAQ, folded=False)


def is_faq_material(question: str) -> bool:
    """Whether a question asks for information an FAQ could give (see the module docstring)."""
    if _MIN_WORDS.search(question) is None or len(question.split(maxsplit=MAX_WORDS)) > MAX_WORDS:
        return False
    folded = fold(question)
    possible = {k for needed, ks in _NEEDED_FOLDED if needed in folded for k in ks}
    possible.update(k for needed, ks in _NEEDED_AS_WRITTEN if needed in question for k in ks)
    return not any(_NOT_FAQ[k].search(question) for k in possible)


def asks_the_site(asked_of: object) -> bool:
    """Whether a question's `asked_of` cell (`addressee`) leaves it to the site: asked of the
    page or of a staff member, not of one reader nor (by staff) of the readers."""
    cell = asked_of if isinstance(asked_of, str) else ""
    return not (cell == READERS or cell.startswith("reader:"))


def open_questions(comment_keys: Sequence[Hashable], questions: Sequence[object], answered: Sequence[bool],
                   answered_by: Sequence[object] | None = None, asked_of: Sequence[object] | None = None,
                   covered: Sequence[bool] | None = None, *, material: Sequence[bool] | None = None) -> list[bool]:
    """For each question (parallel sequences), whether it keeps an FAQ gap open: unanswered and
    not resolved by its asker (`answered_by` "asker"), FAQ material, from a comment none of
    whose questions is not FAQ material (one such question sets the comment's voice), asked of
    the site (`asks_the_site`), and not covered by the article on its own (`covered`).
    `material`, when known, is `is_faq_material` of each question."""
    count = len(comment_keys)
    by = [str(b) for b in answered_by] if answered_by is not None else [""] * count
    to = list(asked_of) if asked_of is not None else [""] * count
    known = list(covered) if covered is not None else [False] * count
    if material is None:
        material = [is_faq_material(str(q)) for q in questions]
    voiced = {key for key, m in zip(comment_keys, material, strict=True) if not m}
    return [not bool(a) and b != "asker" and key not in voiced and asks_the_site(t) and not c
            for key, a, b, t, c in zip(comment_keys, answered, by, to, known, strict=True)]


def has_open_faq_question(comment_ids: Iterable[object], questions: Iterable[object],
                          answered: Iterable[bool], answered_by: Iterable[object] | None = None) -> bool:
    """Whether a group of questions (parallel sequences) holds an open question (`open_questions`)."""
    ids = list(comment_ids)
    return any(open_questions(ids, list(questions), list(answered),
                              list(answered_by) if answered_by is not None else None))
