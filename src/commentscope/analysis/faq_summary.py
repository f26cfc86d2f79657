"""The FAQ-gap rows: each question group summarised, with a representative that reads on its own.

`faq.faq_gaps` reads the questions table's columns once (`QuestionColumns`) and each distinct
question text once (`QuestionTexts`: a question many readers ask word for word is stemmed and
judged once), then summarises only the groups that can be gaps (`gap_summaries`). The figures
are those a per-group pandas frame would give, to the last bit: a group's mean coverage is
summed as `pandas.Series.mean` sums, and the representative's TF-IDF closeness as
`similarity.TfidfSpace` computes it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from commentscope.analysis.faq_material import is_faq_material
from commentscope.analysis.similarity import SparseVector, content_terms
from commentscope.text import words

SELF_CONTAINED_TERMS = 5  # content words that let a question with "it"/"them"/"this" stand alone
SENTENCE_SLACK = 40  # characters a shown context may grow by to start at its sentence
_SENTENCE_START = re.compile(r"(?<=[.!?])\s+")
_POINTING = frozenset("it them this that these those one ones he she they him her".split())  # "here": the page
_JOINING = frozenset({"vs", "versus"})  # join two things the question names; not a thing asked about
# A question word or a finite auxiliary: a question without one, whose first word is written in
# lower case, goes on from the line before it ("Q: Can I refrigerate the dough" / "overnight and
# bake in the morning?", "with applesauce?").
_ASKING = frozenset(
    "what which where when why how who whom whose is are was were am do does did can could would will shall "
    "should may might must has have had isn aren wasn don doesn didn can't won wouldn shouldn couldn "
    "wer wie wo warum wann welche welcher welches ist sind kann könnte muss soll darf hat haben gibt "
    "est que qui quoi comment pourquoi peut".split())
_FIRST_LETTER = re.compile(r"[^\W\d_]")
Label = TypeVar("Label", str, int)


@dataclass(frozen=True)
class GroupSummary:
    """One question group as an FAQ-gap row (without its rank); `open` is not a column."""

    group_id: str
    representative_question: str
    topics: str
    askers: int
    questions: int
    unanswered: int
    answered_by_staff: int
    answered_by_reader: int
    unanswered_share: float
    article_coverage: float
    doc_ids: str
    comment_ids: str
    open: bool


@dataclass(frozen=True)
class QuestionColumns:
    """The cells FAQ gaps read, one list per column in row order, each cell read and cleaned
    once (a missing `answered` is False, a missing `answered_by` or `topics` is "")."""

    doc_ids: list[str]
    comment_ids: list[str]
    questions: list[str]
    askers: list[str]  # case-folded author, or "#comment_id" for an anonymous question
    topics: list[str]
    answered: list[bool]
    answered_by: list[str]
    asked_of: list[object] | None  # None when the table has no such column
    coverage: np.ndarray  # float64, NaN where there is no article

    @classmethod
    def of(cls, frame: pd.DataFrame, order: Sequence[int] | None = None) -> QuestionColumns:
        """The columns of `frame`, their rows in `order` (positions; None: as they are)."""

        def cells(name: str) -> list[Any]:
            values = frame[name].tolist()
            return values if order is None else [values[k] for k in order]

        comment_ids = cells("comment_id")
        coverage = frame["article_coverage"].astype(float).to_numpy()
        return cls(
            doc_ids=[str(v) for v in cells("doc_id")],
            comment_ids=[str(v) for v in comment_ids],
            questions=[str(v) for v in cells("question")],
            askers=asker_keys(cells("author"), comment_ids),
            topics=[v if isinstance(v, str) else "" for v in cells("topics")],
            answered=[flag(v) for v in cells("answered")],
            answered_by=[v if isinstance(v, str) else "" for v in cells("answered_by")],
            asked_of=cells("asked_of") if "asked_of" in frame.columns else None,
            coverage=coverage if order is None else coverage[np.asarray(order, dtype=np.intp)],
        )


@dataclass
class QuestionTexts:
    """What FAQ gaps ask of a question's wording, worked out once per distinct text: its
    content terms, whether it stands alone (`stands_alone`) and is FAQ material (`is_faq_material`)."""

    _material: dict[str, bool] = field(default_factory=dict)
    _wording: dict[str, tuple[tuple[str, ...], bool]] = field(default_factory=dict)

    def material(self, question: str) -> bool:
        found = self._material.get(question)
        if found is None:
            found = self._material[question] = is_faq_material(question)
        return found

    def terms(self, question: str) -> tuple[str, ...]:
        return self._worded(question)[0]

    def alone(self, question: str) -> bool:
        return self._worded(question)[1]

    def _worded(self, question: str) -> tuple[tuple[str, ...], bool]:
        found = self._wording.get(question)
        if found is None:
            terms = tuple(content_terms(question))
            found = self._wording[question] = (terms, _reads_alone(question, terms, words(question)))
        return found


def gap_summaries(columns: QuestionColumns, groups: Sequence[str], still_open: Sequence[bool],
                  contexts: Sequence[str], coverage_threshold: float, texts: QuestionTexts) -> list[GroupSummary]:
    """A summary of each group (`groups`: the group id of each row) that is a gap: some member
    is open (`still_open`) and the mean coverage is below `coverage_threshold` (NaN, no article,
    counts as below); by group id. Groups that cannot be gaps are not summarised."""
    found = []
    for group_id, rows in sorted(members(groups).items()):
        if not any(still_open[k] for k in rows):
            continue
        coverage = round(mean_coverage(columns.coverage[rows]), 4)
        if coverage >= coverage_threshold:  # as written: a cell that reads 0.35 is covered
            continue
        found.append(_summarise(columns, rows, group_id, coverage, [contexts[k] for k in rows], texts))
    return found


def _summarise(columns: QuestionColumns, rows: list[int], group_id: str, coverage: float,
               contexts: Sequence[str], texts: QuestionTexts) -> GroupSummary:
    """Summary of the open group of `rows` (in canonical order) with mean `coverage` (rounded)."""
    answered = [columns.answered[k] for k in rows]
    by = [columns.answered_by[k] for k in rows]
    unanswered = answered.count(False)
    return GroupSummary(
        group_id=group_id,
        representative_question=_representative([columns.questions[k] for k in rows], contexts, texts),
        topics=";".join(topic_order(columns.topics[k] for k in rows)),
        askers=len({columns.askers[k] for k in rows}),
        questions=len(rows),
        unanswered=unanswered,
        answered_by_staff=sum(a and b == "staff" for a, b in zip(answered, by, strict=True)),
        answered_by_reader=sum(a and b == "reader" for a, b in zip(answered, by, strict=True)),
        unanswered_share=round(unanswered / len(rows), 4),
        article_coverage=coverage,
        doc_ids=";".join(sorted({columns.doc_ids[k] for k in rows})),
        comment_ids=";".join(dict.fromkeys(columns.comment_ids[k] for k in rows)),
        open=True,
    )


def shown_once(gaps: list[GroupSummary], asked: dict[str, list[str]]) -> list[GroupSummary]:
    """The ranked gaps without those of one comment whose every question (`asked`, by group) a
    higher-ranked gap of that same comment already shows in its representative: "... now I can't
    find it. Where did it go? Did you remove it?" is listed once, not once per question."""
    kept: list[GroupSummary] = []
    of_comment: dict[tuple[str, str], list[GroupSummary]] = {}  # kept gaps by (doc_ids, comment_ids)
    for gap in gaps:
        key = (gap.doc_ids, gap.comment_ids)
        shown = of_comment.get(key, []) if ";" not in gap.comment_ids else []
        if not any(all(q in other.representative_question for q in asked[gap.group_id]) for other in shown):
            kept.append(gap)
            of_comment.setdefault(key, []).append(gap)
    return kept


def representative(questions: Sequence[str], contexts: Sequence[str] | None = None) -> str:
    """The member that best stands for its group, worded so that it reads on its own.

    Members that need their comment to make sense (`stands_alone`) or are no FAQ material
    (`is_faq_material`) are passed over when any member is neither; among the rest, the one
    closest (cosine) to the group's TF-IDF centroid, ties to the shortest. When even that one
    needs its comment ("Where did it go?") and `contexts` (aligned, `question_context`) are
    given, it is shown with the fewest words before it that make it read (`in_context`).
    """
    return _representative(questions, contexts, QuestionTexts())


def _representative(questions: Sequence[str], contexts: Sequence[str] | None, texts: QuestionTexts) -> str:
    candidates = [k for k, q in enumerate(questions) if texts.alone(q) and texts.material(q)]
    candidates = candidates or list(range(len(questions)))
    if len({questions[k] for k in candidates}) == 1:  # one wording: the first, however close
        best = candidates[0]
    else:
        closeness = _closeness(questions, {questions[k] for k in candidates}, texts)
        best = min(candidates, key=lambda k: (-closeness[questions[k]], len(questions[k]), k))
    if contexts is None or texts.alone(questions[best]):
        return questions[best]
    return in_context(questions[best], contexts[best])


def _closeness(questions: Sequence[str], wanted: set[str], texts: QuestionTexts) -> dict[str, float]:
    """Cosine of each `wanted` text with the centroid of the members' TF-IDF vectors, rounded to
    9 digits: the space is `similarity.TfidfSpace(questions)`, each distinct text's vector made
    once, the centroid summed member by member in order (as the space would, bit for bit)."""
    count = len(questions)
    asked = Counter(questions)
    frequency: Counter[str] = Counter()
    for text, times in asked.items():
        for term in set(texts.terms(text)):
            frequency[term] += times
    idf = {t: math.log((1.0 + count) / (1.0 + f)) + 1.0 for t, f in frequency.items()}
    vectors: dict[str, SparseVector] = {}
    for text in asked:
        raw = {t: (1.0 + math.log(c)) * idf[t] for t, c in sorted(Counter(texts.terms(text)).items())}
        norm = math.sqrt(sum(w * w for w in raw.values()))
        vectors[text] = {t: w / norm for t, w in raw.items()} if norm else {}
    centroid: SparseVector = {}
    for question in questions:
        for term, weight in vectors[question].items():
            centroid[term] = centroid.get(term, 0.0) + weight / count
    length = math.sqrt(sum(w * w for w in centroid.values()))
    return {text: round(_cosine(vectors[text], centroid, length), 9) for text in wanted}


def _cosine(vector: SparseVector, centroid: SparseVector, length: float) -> float:
    """`similarity.cosine(vector, centroid)`, bit for bit, given the centroid's `length` (its
    norm, which `cosine` would sum again for each member of a group of thousands)."""
    small, large = (centroid, vector) if len(centroid) < len(vector) else (vector, centroid)
    dot = sum(weight * large.get(term, 0.0) for term, weight in small.items())
    norms = math.sqrt(sum(w * w for w in vector.values())) * length
    return 0.0 if norms == 0.0 else min(1.0, max(0.0, dot / norms))


def in_context(question: str, context: str) -> str:
    """`question` with the fewest words of `context` (which ends with it) before it that let it
    stand alone, widened to the start of their sentence when that adds at most `SENTENCE_SLACK`
    characters, else marked "..." (all of `context` when no number of words is enough)."""
    before = context[: len(context) - len(question)].rstrip() if context.endswith(question) else ""
    tokens = before.split()
    count = next((n for n in range(1, len(tokens) + 1) if stands_alone(" ".join([*tokens[-n:], question]))),
                 len(tokens))
    if not count:
        return question
    kept = " ".join(tokens[-count:])
    earlier = " ".join(tokens[: len(tokens) - count])
    sentence = "" if not earlier or earlier[-1] in ".!?" else _SENTENCE_START.split(earlier)[-1]
    kept = f"{sentence} {kept}".lstrip() if len(sentence) <= SENTENCE_SLACK else f"... {kept}"
    return f"{kept} {question}"


def stands_alone(question: str) -> bool:
    """Whether a question reads without its comment: no word pointing back ("it", "them",
    "this"; "here" is the page) and two content words, or `SELF_CONTAINED_TERMS` content words
    ("vs" is not one: "Can I keep taking it vs pill form?" does not say what "it" is); never a
    line that goes on from the one before (lower case first, no question word or auxiliary)."""
    return _reads_alone(question, content_terms(question), words(question))


def _reads_alone(question: str, terms: Iterable[str], tokens: Iterable[str]) -> bool:
    seen = set(tokens)
    first = _FIRST_LETTER.search(question)
    if first is not None and first.group().islower() and not (_ASKING & seen):
        return False
    kept = set(terms) - _JOINING
    return len(kept) >= SELF_CONTAINED_TERMS or (not (_POINTING & seen) and len(kept) >= 2)


def members(labels: Sequence[Label]) -> dict[Label, list[int]]:
    """The positions of each label's rows, in row order (one pass, not one scan per label)."""
    found: dict[Label, list[int]] = {}
    for position, label in enumerate(labels):
        found.setdefault(label, []).append(position)
    return found


def mean_coverage(values: np.ndarray) -> float:
    """The mean of the values that are not NaN (NaN when none is), summed as `pandas.Series.mean`
    sums them (numpy's pairwise sum, NaN taken as 0), so that no rounded cell or rank moves."""
    if len(values) == 1:
        return float(values[0])
    missing = np.isnan(values)
    known = len(values) - int(missing.sum())
    return float(np.where(missing, 0.0, values).sum() / known) if known else math.nan


def asker_keys(authors: Iterable[object], comment_ids: Iterable[object]) -> list[str]:
    """Each question's asker: the case-folded name; an anonymous question is its own asker."""
    found = []
    for author, comment_id in zip(authors, comment_ids, strict=True):
        name = author.strip().casefold() if isinstance(author, str) else ""
        found.append(name or f"#{comment_id}")
    return found


def topic_order(cells: Iterable[str]) -> list[str]:
    """Topics of a group (";"-joined cells), most frequent first, then by name; a topic counts
    once per question."""
    counts: Counter[str] = Counter()
    for cell, times in Counter(cells).items():
        for topic in {t.strip() for t in cell.split(";") if t.strip()}:
            counts[topic] += times
    return sorted(counts, key=lambda t: (-counts[t], t))


def flag(value: object) -> bool:
    """A boolean cell; missing values (None, NaN) are False."""
    return isinstance(value, bool | np.bool_) and bool(value)
