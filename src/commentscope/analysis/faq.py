"""Group similar reader questions across comments and pages, and rank the groups the article misses.

Similarity of two questions::

    sim(a, b) = min(1, cosine(tfidf(a), tfidf(b)) + TOPIC_BONUS * jaccard(topics(a), topics(b)))

with TF-IDF over stemmed content words fit on all the questions (`similarity.TfidfSpace`).
Groups come from average-linkage agglomerative clustering (UPGMA): the two groups whose mean
pairwise similarity is highest merge while it is at least `threshold`. Average linkage does not
chain (single linkage would join A and C through B); every member stays close to the group on
average. The default threshold 0.4 means: two questions of about four equally weighted content
words group when they share two of them (cosine 0.5), not when they share one (0.25), even with
identical topics (0.25 + 0.1); one shared word of three plus the same topics (0.33 + 0.1) does.

Rows are clustered in a canonical order (doc_id, comment_id, question) and groups are numbered
by rank (distinct askers, then unanswered questions, then lower coverage), so the ids do not
depend on the input's row order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from commentscope.analysis.similarity import SparseVector, TfidfSpace, cosine
from commentscope.errors import CommentscopeError
from commentscope.results import FAQ_GAP_COLUMNS

TOPIC_BONUS = 0.1
DEFAULT_THRESHOLD = 0.4
DEFAULT_COVERAGE_THRESHOLD = 0.35
INPUT_COLUMNS = (
    "doc_id", "comment_id", "author", "question", "topics", "answered", "answered_by",
    "article_coverage",
)

Matrix = npt.NDArray[np.float64]


def group_questions(questions: pd.DataFrame, *, threshold: float = DEFAULT_THRESHOLD) -> pd.Series:
    """A group id ("g001", numbered by rank) for each question row, aligned with its index."""
    _require_columns(questions)
    if questions.empty:
        return pd.Series([], index=questions.index, dtype=object, name="group_id")
    order = _canonical_order(questions)
    ordered = questions.iloc[order]
    texts = [str(q) for q in ordered["question"]]
    labels = average_linkage(_similarity_matrix(texts, _topic_lists(ordered)), threshold)
    ids = _rank_labels(ordered, labels)
    group_ids = [""] * len(questions)
    for position, label in zip(order, labels, strict=True):
        group_ids[position] = ids[label]
    return pd.Series(group_ids, index=questions.index, dtype=object, name="group_id")


def faq_gaps(
    questions: pd.DataFrame,
    group_ids: pd.Series,
    *,
    coverage_threshold: float = DEFAULT_COVERAGE_THRESHOLD,
) -> pd.DataFrame:
    """Question groups with an open question (unanswered, or answered only by readers) that the
    article covers weakly (mean coverage below `coverage_threshold`), ranked, one row each."""
    _require_columns(questions)
    if not group_ids.index.equals(questions.index):
        group_ids = group_ids.loc[questions.index]
    order = _canonical_order(questions)
    frame = questions.iloc[order]
    groups = group_ids.to_numpy()[order]
    summaries = [
        _summarise(frame[groups == group_id], str(group_id)) for group_id in sorted(set(groups))
    ]
    gaps = [s for s in summaries if s.open and s.article_coverage < coverage_threshold]
    gaps.sort(key=lambda s: (-s.askers, -s.unanswered, s.article_coverage, s.group_id))
    rows = [{"rank": rank, **asdict(s)} for rank, s in enumerate(gaps, start=1)]
    return pd.DataFrame(rows, columns=FAQ_GAP_COLUMNS)


def average_linkage(similarity: Matrix, threshold: float) -> list[int]:
    """Average-linkage clustering of a symmetric similarity matrix: a cluster label per item.

    A cluster's label is its first item; ties between equally similar pairs go to the pair that
    comes first in row order. Each row's maximum and its first column are cached, so a merge
    rescans only the rows whose maximum pointed at the merged pair: O(n^2) memory, and far less
    than the O(n^3) time of a full scan per merge unless most rows point at one growing cluster.
    """
    n = similarity.shape[0]
    if n < 2:
        return list(range(n))
    work = similarity.astype(np.float64, copy=True)
    np.fill_diagonal(work, -np.inf)
    sizes = np.ones(n)
    labels = np.arange(n)
    best = work.max(axis=1)  # best[r] == work[r].max(), arg[r] == work[r].argmax() throughout
    arg = work.argmax(axis=1)
    while True:
        i = int(np.argmax(best))  # first row holding the global maximum: row-major argmax of work
        if best[i] < threshold or best[i] == -np.inf:  # -inf: no pair left, whatever the threshold
            break
        j = int(arg[i])  # j > i: by symmetry, a maximum at j < i would put one in an earlier row
        merged = (sizes[i] * work[i] + sizes[j] * work[j]) / (sizes[i] + sizes[j])
        work[i, :] = merged
        work[:, i] = merged
        work[i, i] = work[j, :] = work[:, j] = -np.inf
        sizes[i] += sizes[j]
        labels[labels == j] = i
        best[j] = -np.inf  # row j is gone (all -inf): never picked while a pair is left
        # A row whose maximum was at i or j may have lost it: rescan it, and row i itself.
        stale = (arg == i) | (arg == j)
        stale[i], stale[j] = True, False
        # Any other row keeps its maximum unless its new value at i beats it (or ties it in an
        # earlier column): work[r, j] only fell, and was not that row's first maximum.
        column = work[:, i]
        gain = ~stale & ((column > best) | ((column == best) & (i < arg)))
        best[gain], arg[gain] = column[gain], i
        rows = np.flatnonzero(stale)
        best[rows] = work[rows].max(axis=1)
        arg[rows] = work[rows].argmax(axis=1)
    return [int(label) for label in labels]


def _similarity_matrix(texts: Sequence[str], topics: Sequence[frozenset[str]]) -> Matrix:
    """Pairwise question similarity: TF-IDF cosine plus the shared-topic bonus, capped at 1."""
    space = TfidfSpace(texts)
    vectors = [space.vector(t) for t in texts]
    vocabulary = {term: k for k, term in enumerate(sorted({t for v in vectors for t in v}))}
    lexical = _dense(vectors, vocabulary)
    names = {topic: k for k, topic in enumerate(sorted(set().union(*topics)))}
    incidence = _dense([dict.fromkeys(ts, 1.0) for ts in topics], names)
    shared = incidence @ incidence.T
    sizes = incidence.sum(axis=1)
    union = sizes[:, None] + sizes[None, :] - shared
    jaccard = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    similarity: Matrix = np.minimum(1.0, lexical @ lexical.T + TOPIC_BONUS * jaccard)
    return (similarity + similarity.T) / 2.0  # exactly symmetric, whatever BLAS rounding did


def _dense(vectors: Sequence[SparseVector], columns: dict[str, int]) -> Matrix:
    matrix = np.zeros((len(vectors), len(columns)))
    for row, vector in enumerate(vectors):
        for term, weight in vector.items():
            matrix[row, columns[term]] = weight
    return matrix


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


def _summarise(members: pd.DataFrame, group_id: str) -> GroupSummary:
    """Summary of the questions of one group, given in canonical order."""
    answered = [_flag(v) for v in members["answered"]]
    by = [str(v) if isinstance(v, str) else "" for v in members["answered_by"]]
    unanswered = answered.count(False)
    staff = sum(a and b == "staff" for a, b in zip(answered, by, strict=True))
    readers = sum(a and b == "reader" for a, b in zip(answered, by, strict=True))
    return GroupSummary(
        group_id=group_id,
        representative_question=representative(list(members["question"].map(str))),
        topics=";".join(_topic_order(_topic_lists(members))),
        askers=len(_askers(members)),
        questions=len(members),
        unanswered=unanswered,
        answered_by_staff=staff,
        answered_by_reader=readers,
        unanswered_share=unanswered / len(members),
        article_coverage=float(members["article_coverage"].astype(float).mean()),
        doc_ids=";".join(sorted(set(members["doc_id"].map(str)))),
        comment_ids=";".join(dict.fromkeys(members["comment_id"].map(str))),
        open=unanswered + readers > 0,
    )


def representative(questions: Sequence[str]) -> str:
    """The question closest (cosine) to its group's TF-IDF centroid; ties go to the shortest."""
    space = TfidfSpace(questions)
    vectors = [space.vector(q) for q in questions]
    centroid: SparseVector = {}
    for vector in vectors:
        for term, weight in vector.items():
            centroid[term] = centroid.get(term, 0.0) + weight / len(vectors)
    closeness = [round(cosine(v, centroid), 9) for v in vectors]
    best = min(range(len(questions)), key=lambda k: (-closeness[k], len(questions[k]), k))
    return questions[best]


def _rank_labels(ordered: pd.DataFrame, labels: Sequence[int]) -> dict[int, str]:
    """Group id per cluster label, numbered by askers, unanswered, coverage, then first row."""
    keys = []
    label_array = np.asarray(labels)
    for label in sorted(set(labels)):
        members = ordered[label_array == label]
        unanswered = sum(not _flag(v) for v in members["answered"])
        coverage = float(members["article_coverage"].astype(float).mean())
        keys.append((-len(_askers(members)), -unanswered, coverage, label))
    width = max(3, len(str(len(keys))))
    return {key[-1]: f"g{rank:0{width}d}" for rank, key in enumerate(sorted(keys), start=1)}


def _askers(members: pd.DataFrame) -> set[str]:
    """Distinct askers by case-folded name; an anonymous question is its own asker."""
    found = set()
    for author, comment_id in zip(members["author"], members["comment_id"], strict=True):
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
