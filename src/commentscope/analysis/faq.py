"""Group similar reader questions across comments and pages, and rank the groups the article misses.

Grouping: a `QuestionSimilarity` (semantic MiniLM cosine when the `semantic` extra is installed,
stem Jaccard otherwise; see `question_similarity`) gives candidate pairs from an index, and
average linkage over that sparse graph (`linkage`) merges two groups while the mean similarity of
their members is at least the similarity's threshold. Nothing holds all pairs at once, so
100,000 questions group in memory proportional to the questions (docs/faq.md).

Rows are clustered in a canonical order (doc_id, comment_id, question) and groups are numbered
by rank (distinct askers, then unanswered questions, then lower coverage), so the ids do not
depend on the input's row order.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd

from commentscope.analysis.faq_material import is_faq_material, open_questions
from commentscope.analysis.linkage import sparse_average_linkage
from commentscope.analysis.neighbours import Pairs
from commentscope.analysis.question_similarity import QuestionSimilarity, default_similarity
from commentscope.analysis.question_terms import DescribedTexts, QuestionTerms
from commentscope.analysis.similarity import SparseVector, TfidfSpace, content_terms, cosine
from commentscope.errors import CommentscopeError
from commentscope.results import FAQ_GAP_COLUMNS
from commentscope.text import words

DEFAULT_COVERAGE_THRESHOLD = 0.35
CONTEXT_CHARS = 200  # of the comment before a question, compared with it when grouping
SELF_CONTAINED_TERMS = 5  # content words that let a question with "it"/"them"/"this" stand alone
SENTENCE_SLACK = 40  # characters a shown context may grow by to start at its sentence
_APART = -1e6  # the similarity of two questions of one comment: no average reaches a threshold
_SENTENCE_START = re.compile(r"(?<=[.!?])\s+")
_NEXT_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=\S)")  # a sentence starts after it
_POINTING = frozenset("it them this that these those one ones he she they him her".split())  # "here": the page
_JOINING = frozenset({"vs", "versus"})  # join two things the question names; not a thing asked about
INPUT_COLUMNS = (
    "doc_id", "comment_id", "author", "question", "topics", "answered", "answered_by",
    "article_coverage",
)

def group_questions(
    questions: pd.DataFrame,
    *,
    similarity: QuestionSimilarity | None = None,
    threshold: float | None = None,
    context: pd.Series | None = None,
    terms: QuestionTerms | None = None,
) -> pd.Series:
    """A group id ("g001", numbered by rank) for each question row, aligned with its index.

    `similarity` defaults to `default_similarity()`; `threshold` to that similarity's own.
    `context`, aligned with the rows, is the text compared instead of the bare question
    (`question_context`: "Can I have a few drinks?" means little without "I took my last
    azithromycin this morning"). `terms`, in the rows' order, describes the compared texts
    already (`QuestionTerms`, read in the map step): they are not tokenised again.
    """
    _require_columns(questions)
    if questions.empty:
        return pd.Series([], index=questions.index, dtype=object, name="group_id")
    measure = similarity or default_similarity()
    order = _canonical_order(questions)
    ordered = questions.iloc[order]
    compared = ordered["question"] if context is None else context.loc[questions.index].iloc[order]
    texts: Sequence[str] = [str(q) for q in compared]
    if terms is not None:
        texts = DescribedTexts(texts, terms.select(order))
    cut = measure.threshold if threshold is None else threshold
    pairs = _apart_within_comments(measure.pairs(texts), ordered)
    labels = sparse_average_linkage(len(texts), pairs, cut)
    ids = _rank_labels(ordered, labels)
    group_ids = [""] * len(questions)
    for position, label in zip(order, labels, strict=True):
        group_ids[position] = ids[label]
    return pd.Series(group_ids, index=questions.index, dtype=object, name="group_id")


def _apart_within_comments(pairs: Pairs, ordered: pd.DataFrame) -> Pairs:
    """`pairs` with every two questions of one comment set apart (`_APART`): a reader does not
    ask one thing twice in a comment, and two questions of one comment share their context.
    Copies (`Pairs.copy_of`) stay copies: linkage weighs a copy's pairs by nothing."""
    ids: dict[tuple[str, str], int] = {}
    keys = zip(ordered["doc_id"].map(str), ordered["comment_id"].map(str), strict=True)
    comment = np.array([ids.setdefault(key, len(ids)) for key in keys], dtype=np.int64)
    keep = comment[pairs.left] != comment[pairs.right]
    left, right = [pairs.left[keep]], [pairs.right[keep]]
    order = np.argsort(comment, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(comment[order]) != 0, True])
    for at in np.flatnonzero(np.diff(starts) > 1).tolist():  # comments with two questions or more
        rows = np.sort(order[starts[at] : starts[at + 1]])
        a, b = np.triu_indices(len(rows), k=1)
        left.append(rows[a])
        right.append(rows[b])
    apart = sum(len(x) for x in left[1:])
    similarity = np.r_[pairs.similarity[keep], np.full(apart, _APART)]
    return Pairs(np.concatenate(left).astype(np.int64), np.concatenate(right).astype(np.int64), similarity,
                 pairs.copy_of)


def question_context(comment_text: str, question: str, max_chars: int = CONTEXT_CHARS) -> str:
    """The question with what its comment says before it, up to `max_chars`: from the first
    sentence that starts inside that window when that keeps at least half of it, else from the
    first whole word in it (a long sentence cut short still says what "it" is).

    A sentence cut by the window is noise that can outweigh the question ("... to increase my
    bone density a couple of percent. ... strontium is related to strokes. Do you think this is
    true?" grouped with a question on bone density); docs/faq.md measures it.
    """
    end = comment_text.find(question)
    if end < 0:
        return question
    start = max(0, end - max_chars)
    before = comment_text[start:end]
    if start > 0:
        sentence = _NEXT_SENTENCE.search(before)
        if sentence is not None and len(before) - sentence.end() >= max_chars // 2:
            before = before[sentence.end() :]  # drop the cut sentence
        elif not comment_text[start - 1].isspace():
            before = before.split(" ", 1)[-1]  # drop the cut word
    return f"{before}{question}".strip()


def faq_gaps(
    questions: pd.DataFrame,
    group_ids: pd.Series,
    *,
    coverage_threshold: float = DEFAULT_COVERAGE_THRESHOLD,
    context: pd.Series | None = None,
) -> pd.DataFrame:
    """Question groups an editor would list: some question is open (unanswered, FAQ material
    rather than pointing somewhere or polling other readers, asked of the site rather than of
    one reader, and not covered by the article on its own: `open_flags`), and the article
    covers the group weakly (mean coverage below `coverage_threshold`); ranked.

    `context`, aligned with the rows (`question_context`), lets a representative question that
    does not read on its own be shown with the least of its comment that makes it read.
    """
    _require_columns(questions)
    if not group_ids.index.equals(questions.index):
        group_ids = group_ids.loc[questions.index]
    order = _canonical_order(questions)
    frame = questions.iloc[order]
    groups = group_ids.to_numpy()[order]
    before = frame["question"] if context is None else context.loc[questions.index].iloc[order]
    contexts = [str(c) for c in before]
    still_open = np.array(open_flags(frame, coverage_threshold), dtype=bool)
    members = _members(groups.tolist())
    summaries = [  # a group none of whose questions is open is no gap: not summarised
        _summarise(frame.iloc[rows], str(group_id), [contexts[k] for k in rows], True)
        for group_id, rows in sorted(members.items()) if still_open[rows].any()
    ]
    gaps = [s for s in summaries if s.open and not s.article_coverage >= coverage_threshold]  # NaN: no article
    gaps.sort(key=lambda s: (-s.askers, -s.unanswered, _sortable(s.article_coverage), s.group_id))
    question = [str(q) for q in frame["question"]]
    rows_of = {str(group_id): rows for group_id, rows in members.items()}
    asked = {gap.group_id: [question[k] for k in rows_of[gap.group_id]] for gap in gaps}
    rows = [{"rank": rank, **asdict(s)} for rank, s in enumerate(_shown_once(gaps, asked), start=1)]
    return pd.DataFrame(rows, columns=FAQ_GAP_COLUMNS)


def _shown_once(gaps: list[GroupSummary], asked: dict[str, list[str]]) -> list[GroupSummary]:
    """The ranked gaps without those of one comment whose every question (`asked`, by group) a
    higher-ranked gap of that same comment already shows in its representative: "... now I can't
    find it. Where did it go? Did you remove it?" is listed once, not once per question."""
    kept: list[GroupSummary] = []
    for gap in gaps:
        if not any(";" not in gap.comment_ids and (shown.doc_ids, shown.comment_ids) == (gap.doc_ids, gap.comment_ids)
                   and all(q in shown.representative_question for q in asked[gap.group_id]) for shown in kept):
            kept.append(gap)
    return kept


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


def open_flags(frame: pd.DataFrame, coverage_threshold: float) -> list[bool]:
    """Whether each question keeps its group open (`faq_material.open_questions`): its voice is
    its whole comment's, whatever groups the comment's other questions fall in, and a question
    the article covers on its own (coverage at least `coverage_threshold`) is not open."""
    keys = list(zip(frame["doc_id"].map(str), frame["comment_id"].map(str), strict=True))
    asked_of = list(frame["asked_of"]) if "asked_of" in frame.columns else None
    coverage = frame["article_coverage"].astype(float).to_numpy()
    return open_questions(keys, list(frame["question"]), [_flag(v) for v in frame["answered"]],
                          [str(v) if isinstance(v, str) else "" for v in frame["answered_by"]], asked_of,
                          [bool(c >= coverage_threshold) for c in coverage])  # NaN (no article): not covered


def _summarise(members: pd.DataFrame, group_id: str, contexts: Sequence[str], still_open: bool) -> GroupSummary:
    """Summary of the questions of one group, given in canonical order with their contexts;
    `still_open`: some member keeps it open (`open_flags`)."""
    answered = [_flag(v) for v in members["answered"]]
    by = [str(v) if isinstance(v, str) else "" for v in members["answered_by"]]
    unanswered = answered.count(False)
    staff = sum(a and b == "staff" for a, b in zip(answered, by, strict=True))
    readers = sum(a and b == "reader" for a, b in zip(answered, by, strict=True))
    return GroupSummary(
        group_id=group_id,
        representative_question=representative(list(members["question"].map(str)), contexts),
        topics=";".join(_topic_order(_topic_lists(members))),
        askers=len(_askers(members)),
        questions=len(members),
        unanswered=unanswered,
        answered_by_staff=staff,
        answered_by_reader=readers,
        unanswered_share=round(unanswered / len(members), 4),
        article_coverage=round(float(members["article_coverage"].astype(float).mean()), 4),  # as its members
        doc_ids=";".join(sorted(set(members["doc_id"].map(str)))),
        comment_ids=";".join(dict.fromkeys(members["comment_id"].map(str))),
        open=still_open,
    )


def representative(questions: Sequence[str], contexts: Sequence[str] | None = None) -> str:
    """The member that best stands for its group, worded so that it reads on its own.

    Members that need their comment to make sense (`stands_alone`) or are no FAQ material
    (`is_faq_material`) are passed over when any member is neither; among the rest, the one
    closest (cosine) to the group's TF-IDF centroid, ties to the shortest. When even that one
    needs its comment ("Where did it go?") and `contexts` (aligned, `question_context`) are
    given, it is shown with the fewest words before it that make it read (`in_context`).
    """
    space = TfidfSpace(questions)
    vectors = [space.vector(q) for q in questions]
    centroid: SparseVector = {}
    for vector in vectors:
        for term, weight in vector.items():
            centroid[term] = centroid.get(term, 0.0) + weight / len(vectors)
    closeness = [round(cosine(v, centroid), 9) for v in vectors]
    alone = [stands_alone(q) and is_faq_material(q) for q in questions]
    best = min(range(len(questions)), key=lambda k: (not alone[k], -closeness[k], len(questions[k]), k))
    if contexts is None or stands_alone(questions[best]):
        return questions[best]
    return in_context(questions[best], contexts[best])


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
    ("vs" is not one: "Can I keep taking it vs pill form?" does not say what "it" is)."""
    terms = set(content_terms(question)) - _JOINING
    pointing = _POINTING & set(words(question))
    return len(terms) >= SELF_CONTAINED_TERMS or (not pointing and len(terms) >= 2)


def _members(labels: Sequence[Any]) -> dict[Any, list[int]]:
    """The positions of each label's rows, in row order (one pass, not one scan per label)."""
    found: dict[Any, list[int]] = {}
    for position, label in enumerate(labels):
        found.setdefault(label, []).append(position)
    return found


def _rank_labels(ordered: pd.DataFrame, labels: Sequence[int]) -> dict[int, str]:
    """Group id per cluster label, numbered by askers, unanswered, coverage, then first row."""
    keys = []
    authors, comment_ids = list(ordered["author"]), list(ordered["comment_id"])
    answered = [_flag(v) for v in ordered["answered"]]
    coverages = ordered["article_coverage"].astype(float).to_numpy()
    for label, rows in sorted(_members(labels).items()):
        unanswered = sum(not answered[k] for k in rows)
        # a group's mean as pandas takes it (one member: its own value, NaN or not)
        coverage = float(coverages[rows[0]]) if len(rows) == 1 else float(pd.Series(coverages[rows]).mean())
        askers = _askers_of([authors[k] for k in rows], [comment_ids[k] for k in rows])
        keys.append((-len(askers), -unanswered, _sortable(coverage), label))
    width = max(3, len(str(len(keys))))
    return {key[-1]: f"g{rank:0{width}d}" for rank, key in enumerate(sorted(keys), start=1)}


def _sortable(coverage: float) -> float:
    """Mean coverage for ordering: a group with no article to compare with sorts as uncovered."""
    return 0.0 if math.isnan(coverage) else coverage


def _askers(members: pd.DataFrame) -> set[str]:
    """Distinct askers by case-folded name; an anonymous question is its own asker."""
    return _askers_of(members["author"], members["comment_id"])


def _askers_of(authors: Iterable[object], comment_ids: Iterable[object]) -> set[str]:
    found = set()
    for author, comment_id in zip(authors, comment_ids, strict=True):
        name = author.strip().casefold() if isinstance(author, str) else ""
        found.add(name or f"#{comment_id}")
    return found


def _topic_lists(frame: pd.DataFrame) -> list[frozenset[str]]:
    """The ";"-joined topics cell of each row as a set (empty for a missing cell)."""
    cells = [v if isinstance(v, str) else "" for v in frame["topics"]]
    return [frozenset(t.strip() for t in cell.split(";") if t.strip()) for cell in cells]


def _topic_order(topics: Sequence[frozenset[str]]) -> list[str]:
    """Topics of a group, most frequent first, then by name."""
    counts = Counter(t for ts in topics for t in ts)
    return sorted(counts, key=lambda t: (-counts[t], t))


def _flag(value: object) -> bool:
    """A boolean cell; missing values (None, NaN) are False."""
    return isinstance(value, bool | np.bool_) and bool(value)


def _canonical_order(frame: pd.DataFrame) -> list[int]:
    keys = zip(frame["doc_id"].map(str), frame["comment_id"].map(str), frame["question"].map(str),
               strict=True)
    return [k for _, k in sorted((key, k) for k, key in enumerate(keys))]


def _require_columns(frame: pd.DataFrame) -> None:
    missing = [c for c in INPUT_COLUMNS if c not in frame.columns]
    if missing:
        raise CommentscopeError(f"questions table lacks column(s) {', '.join(missing)}")
