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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import numpy.typing as npt
import pandas as pd

from commentscope.analysis.faq_material import is_faq_material, open_questions
from commentscope.analysis.faq_summary import (
    GroupSummary,
    QuestionColumns,
    QuestionTexts,
    asker_keys,
    flag,
    gap_summaries,
    in_context,
    mean_coverage,
    members,
    representative,
    shown_once,
    stands_alone,
)
from commentscope.analysis.linkage import sparse_average_linkage
from commentscope.analysis.question_similarity import QuestionSimilarity, default_similarity
from commentscope.analysis.question_terms import DescribedTexts, QuestionTerms
from commentscope.analysis.term_rows import Ids, id_type
from commentscope.errors import CommentscopeError
from commentscope.results import FAQ_GAP_COLUMNS

__all__ = [  # GroupSummary, in_context, representative and stands_alone live in faq_summary
    "CONTEXT_CHARS", "DEFAULT_COVERAGE_THRESHOLD", "GroupSummary", "faq_gaps", "group_questions", "in_context",
    "is_faq_material", "open_flags", "question_context", "representative", "stands_alone",
]

DEFAULT_COVERAGE_THRESHOLD = 0.35
CONTEXT_CHARS = 200  # of the comment before a question, compared with it when grouping
T = TypeVar("T")
_NEXT_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=\S)")  # a sentence starts after it
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
    rows = GroupingRows.of(questions)
    compared = questions["question"] if context is None else context.loc[questions.index]
    texts = [str(q) for q in compared.tolist()]
    order = canonical_order(rows)
    ids = group_in_order(rows.take(order), [texts[k] for k in order],
                         None if terms is None else terms.select(order), similarity=similarity, threshold=threshold)
    group_ids = [""] * len(questions)
    for position, group_id in zip(order, ids, strict=True):
        group_ids[position] = group_id
    return pd.Series(group_ids, index=questions.index, dtype=object, name="group_id")


@dataclass(frozen=True)
class GroupingRows:
    """What grouping reads of each question row besides its text, one sequence per column (the
    caller's cells, not copies: at a million comments a DataFrame's string columns would copy
    every doc_id, comment id and question)."""

    doc_ids: Sequence[str]
    comment_ids: Sequence[str]
    questions: Sequence[str]
    authors: Sequence[object]
    answered: Sequence[bool]
    coverage: npt.NDArray[np.float64]  # NaN where there is no article

    @classmethod
    def of(cls, frame: pd.DataFrame) -> GroupingRows:
        def strings(name: str) -> list[str]:
            return [str(v) for v in frame[name].tolist()]

        return cls(strings("doc_id"), strings("comment_id"), strings("question"), frame["author"].tolist(),
                   [flag(v) for v in frame["answered"].tolist()],
                   frame["article_coverage"].to_numpy(dtype=np.float64))

    def take(self, order: Sequence[int]) -> GroupingRows:
        """The rows at `order`, in that order."""
        def taken(column: Sequence[T]) -> list[T]:
            return [column[k] for k in order]

        return GroupingRows(taken(self.doc_ids), taken(self.comment_ids), taken(self.questions), taken(self.authors),
                            taken(self.answered), self.coverage[np.asarray(order, dtype=np.intp)])


def canonical_order(rows: GroupingRows) -> list[int]:
    """The rows' positions ordered by (doc_id, comment_id, question): the order grouping works
    in, so that groups do not depend on the input's row order."""
    return _sorted_positions(zip(rows.doc_ids, rows.comment_ids, rows.questions, strict=True))


def group_in_order(
    rows: GroupingRows,
    texts: list[str],
    terms: QuestionTerms | None = None,
    *,
    similarity: QuestionSimilarity | None = None,
    threshold: float | None = None,
    alone: Sequence[bool] | None = None,
) -> list[str]:
    """`group_questions` of rows already in `canonical_order`, with the texts compared (and
    their descriptions, `terms`) in that order: a group id per row. A row flagged in `alone`
    keeps a group of its own (a question in another language, which the measures read as
    English)."""
    if not texts:
        return []
    measure = similarity or default_similarity()
    cut = measure.threshold if threshold is None else threshold
    compared: Sequence[str] = texts if terms is None else DescribedTexts(texts, terms)
    # Two questions of one comment are kept apart: a reader does not ask one thing twice in a
    # comment, and the two share their context. No name holds the pairs: linkage frees them as
    # it builds its graph (16 bytes a pair, some 14 million at a million comments).
    labels = sparse_average_linkage(len(texts), measure.pairs(compared), cut, keep_apart=_comment_numbers(rows),
                                    alone=None if alone is None else np.asarray(alone, dtype=bool))
    ids = _rank_labels(rows, labels)
    return [ids[label] for label in labels]


def _comment_numbers(rows: GroupingRows) -> Ids:
    """A number per row, the same for the rows of one comment (doc_id, comment_id)."""
    ids: dict[tuple[str, str], int] = {}
    keys = zip(rows.doc_ids, rows.comment_ids, strict=True)
    return np.array([ids.setdefault(key, len(ids)) for key in keys], dtype=id_type(len(rows.doc_ids)))


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
    columns = QuestionColumns.of(questions, order)
    groups = [str(g) for g in group_ids.to_numpy()[order].tolist()]
    contexts = columns.questions if context is None else [
        str(c) for c in context.loc[questions.index].to_numpy()[order].tolist()]
    texts = QuestionTexts()  # each distinct wording stemmed and judged once
    still_open = _open_flags(columns, coverage_threshold, [texts.material(q) for q in columns.questions])
    gaps = gap_summaries(columns, groups, still_open, contexts, coverage_threshold, texts)
    gaps.sort(key=lambda s: (-s.askers, -s.unanswered, _sortable(s.article_coverage), s.group_id))
    rows_of = members(groups)
    asked = {gap.group_id: [columns.questions[k] for k in rows_of[gap.group_id]] for gap in gaps}
    cells = FAQ_GAP_COLUMNS[1:]  # after the rank: GroupSummary's fields, without `open`
    rows = [(rank, *(getattr(s, name) for name in cells)) for rank, s in enumerate(shown_once(gaps, asked), start=1)]
    return pd.DataFrame(rows, columns=FAQ_GAP_COLUMNS)


def open_flags(frame: pd.DataFrame, coverage_threshold: float) -> list[bool]:
    """Whether each question keeps its group open (`faq_material.open_questions`): its voice is
    its whole comment's, whatever groups the comment's other questions fall in, and a question
    the article covers on its own (coverage at least `coverage_threshold`) is not open."""
    columns = QuestionColumns.of(frame)
    return _open_flags(columns, coverage_threshold, [is_faq_material(q) for q in columns.questions])


def _open_flags(columns: QuestionColumns, coverage_threshold: float, material: Sequence[bool]) -> list[bool]:
    keys = list(zip(columns.doc_ids, columns.comment_ids, strict=True))
    covered = (columns.coverage >= coverage_threshold).tolist()  # NaN (no article): not covered
    return open_questions(keys, columns.questions, columns.answered, columns.answered_by, columns.asked_of,
                          covered, material=material)


def _rank_labels(rows: GroupingRows, labels: Sequence[int]) -> dict[int, str]:
    """Group id per cluster label, numbered by askers, unanswered, coverage, then first row."""
    keys = []
    askers = asker_keys(rows.authors, rows.comment_ids)
    answered = rows.answered
    coverages = rows.coverage
    for label, positions in sorted(members(labels).items()):
        unanswered = sum(not answered[k] for k in positions)
        keys.append((-len({askers[k] for k in positions}), -unanswered,
                     _sortable(mean_coverage(coverages[positions])), label))
    width = max(3, len(str(len(keys))))
    return {key[-1]: f"g{rank:0{width}d}" for rank, key in enumerate(sorted(keys), start=1)}


def _sortable(coverage: float) -> float:
    """Mean coverage for ordering: a group with no article to compare with sorts as uncovered."""
    return 0.0 if math.isnan(coverage) else coverage


def _canonical_order(frame: pd.DataFrame) -> list[int]:
    """`canonical_order` of a questions table."""
    columns = ([str(v) for v in frame[name].tolist()] for name in ("doc_id", "comment_id", "question"))
    return _sorted_positions(zip(*columns, strict=True))


def _sorted_positions(keys: Iterable[tuple[str, str, str]]) -> list[int]:
    return [k for _, k in sorted((key, k) for k, key in enumerate(keys))]


def _require_columns(frame: pd.DataFrame) -> None:
    missing = [c for c in INPUT_COLUMNS if c not in frame.columns]
    if missing:
        raise CommentscopeError(f"questions table lacks column(s) {', '.join(missing)}")
