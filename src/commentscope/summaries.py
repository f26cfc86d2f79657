"""Corpus tables computed from whole DataFrames: topics, commenters, per-page figures.

The engine builds these tables with mergeable reducers (`commentscope.engine.reducers`); the
functions here compute the same tables from complete in-memory tables, the reference the
reducers are tested against.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from commentscope.analysis.answers import StaffMember
from commentscope.analysis.sentiment import combined_score, label_for
from commentscope.results import COMMENTER_COLUMNS, TOPIC_SUMMARY_COLUMNS

EXAMPLE_CHARS = 280
TOP_TERMS = 5
MIXED_SHARE = 0.25  # a topic is 'mixed' when a quarter of its mentions lean each way


def _split(cell: str) -> list[str]:
    return [part for part in cell.split(";") if part]


def topic_summary(comments: pd.DataFrame, mentions: pd.DataFrame, questions: pd.DataFrame) -> pd.DataFrame:
    """One row per topic that readers mention, most discussed first."""
    rows = []
    total = len(comments)
    for topic, group in mentions.groupby("topic", sort=True):
        tagged = comments[comments["comment_id"].isin(group["comment_id"])]
        asked = questions[questions["topics"].map(lambda cell, t=topic: t in _split(cell)).astype(bool)]
        terms = Counter(term.strip() for cell in group["evidence"] for term in cell.split(",") if term.strip())
        example = group.assign(n=group["evidence"].str.count(",")).sort_values(
            ["n", "comment_id"], ascending=[False, True]).iloc[0]
        example_text = comments.loc[comments["comment_id"] == example["comment_id"], "text"].iloc[0]
        rows.append({
            "topic": topic,
            "comments": len(tagged),
            "share_of_comments": round(len(tagged) / total, 4) if total else 0.0,
            "documents": tagged["doc_id"].nunique(),
            **_sentiment_cells(tagged, group),
            "questions": len(asked),
            "unanswered_questions": int((~asked["answered"].astype(bool)).sum()),
            "top_terms": "; ".join(f"{t} ({n})" for t, n in _most_common(terms, TOP_TERMS)),
            "example_comment_id": example["comment_id"],
            "example_comment": excerpt(example_text),
        })
    frame = pd.DataFrame(rows, columns=TOPIC_SUMMARY_COLUMNS)
    scores = ["mean_vader", "mean_textblob", "share_negative", "topic_vader"]
    frame[scores] = frame[scores].astype("float64")  # None (no scored mention) as NaN, as the reducer's
    return frame.sort_values(["comments", "topic"], ascending=[False, True], ignore_index=True)


def _sentiment_cells(tagged: pd.DataFrame, mentions: pd.DataFrame) -> dict[str, object]:
    """A topic's sentiment columns: the lexicon means over its mentions in English, the share and
    the label over its labelled ones (None and "" when there are none)."""
    labelled = mentions[mentions["sentiment"].fillna("") != ""]
    scored = mentions[mentions["vader_compound"].notna()]
    labels = Counter(labelled["sentiment"])
    share = round(labels["negative"] / len(labelled), 4) if len(labelled) else None
    if scored.empty:
        return {"mean_vader": None, "mean_textblob": None, "share_negative": share, "topic_vader": None,
                "topic_sentiment": topic_label(labels, None)}
    rated = tagged[tagged["comment_id"].isin(scored["comment_id"])]
    topic_vader = float(scored["vader_compound"].mean())
    topic_textblob = float(scored["textblob_polarity"].mean())
    return {
        "mean_vader": round(float(rated["vader_compound"].mean()), 4),
        "mean_textblob": round(float(rated["textblob_polarity"].mean()), 4),
        "share_negative": share,
        "topic_vader": round(topic_vader, 4),
        "topic_sentiment": topic_label(labels, combined_score(topic_vader, topic_textblob)),
    }


def topic_label(labels: Counter[str], combined: float | None) -> str:
    """A topic's label from its mentions' labels: "mixed" when at least MIXED_SHARE of them lean
    each way, else the label of the combined lexicon mean (None, no mention in English: the most
    common label; "" when none is labelled)."""
    mentions = sum(labels.values())
    if not mentions:
        return ""
    if labels["positive"] / mentions >= MIXED_SHARE and labels["negative"] / mentions >= MIXED_SHARE:
        return "mixed"
    if combined is None:
        return min(labels, key=lambda label: (-labels[label], label))
    return label_for(combined)


def _most_common(counts: Counter[str], n: int) -> list[tuple[str, int]]:
    """Counter.most_common with ties broken alphabetically, so outputs are deterministic."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]


def excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXAMPLE_CHARS else flat[: EXAMPLE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def commenters(comments: pd.DataFrame, staff: dict[str, StaffMember]) -> pd.DataFrame:
    """One row per named commenter across the corpus."""
    named = comments[comments["author"] != ""]
    by_author = named.groupby("author", sort=True)
    counts = by_author.size()
    received = _replies_received(comments, named).reindex(counts.index, fill_value=0)
    rows = []
    for author, documents, count, replies, questions in zip(
        counts.index, by_author["doc_id"].nunique(), counts, received, by_author["is_question"].sum(), strict=True
    ):
        member = staff.get(str(author))
        rows.append({
            "author": author,
            "documents": int(documents),
            "comments": int(count),
            "replies_received": int(replies),
            "questions": int(questions),
            "is_staff": member is not None,
            "staff_evidence": member.evidence if member else "",
        })
    frame = pd.DataFrame(rows, columns=COMMENTER_COLUMNS)
    return frame.sort_values(["comments", "author"], ascending=[False, True], ignore_index=True)


def _replies_received(comments: pd.DataFrame, named: pd.DataFrame) -> pd.Series:
    """Per named author, the comments by someone else that reply to one of theirs. A join, not a
    lookup: should a comment id occur twice, a reply counts for each author who wrote one."""
    owners = named[["comment_id", "author"]].drop_duplicates()
    links = comments[["parent_id", "author"]].merge(
        owners, left_on="parent_id", right_on="comment_id", suffixes=("_reply", "")
    )
    return links.loc[links["author_reply"] != links["author"], "author"].value_counts()


def document_figures(documents: pd.DataFrame, comments: pd.DataFrame, questions: pd.DataFrame,
                     staff: dict[str, StaffMember]) -> pd.DataFrame:
    """documents.csv with per-page commenters, questions, staff replies, sentiment and topics.

    Staff replies count the authors in `staff` on every page; the engine (`engine.page`) counts
    each page's own staff, as its questions' answer status does.
    """
    page_of, asked_on = comments["doc_id"], questions["doc_id"]
    commenters = comments.loc[comments["author"] != ""].groupby("doc_id")["author"].nunique().to_dict()
    asked = asked_on.value_counts().to_dict()
    unanswered = (~questions["answered"].astype(bool)).groupby(asked_on).sum().to_dict()
    staff_reply = (comments["parent_id"] != "") & comments["author"].isin(list(staff))
    staff_replies = staff_reply.groupby(page_of).sum().to_dict()
    # Series.mean page by page, not groupby().mean(): that sums in another order (last-bit changes).
    # comments in another language have no score (NaN): a page of only those has no mean
    sentiment = {doc_id: float(values.mean()) for doc_id, values in comments.groupby("doc_id", sort=False)["combined"]
                 if values.notna().any()}
    topics: dict[object, Counter[str]] = {}
    for doc_id, cell in zip(page_of, comments["topics"], strict=True):
        topics.setdefault(doc_id, Counter()).update(_split(cell))
    figures = []
    for doc_id in documents["doc_id"]:
        figures.append({
            "commenters": int(commenters.get(doc_id, 0)),
            "questions": int(asked.get(doc_id, 0)),
            "unanswered": int(unanswered.get(doc_id, 0)),
            "staff_replies": int(staff_replies.get(doc_id, 0)),
            "mean_sentiment": round(sentiment[doc_id], 4) if doc_id in sentiment else None,
            "top_topics": "; ".join(t for t, _ in _most_common(topics.get(doc_id, Counter()), 3)),
        })
    extra = pd.DataFrame(figures, index=documents.index)
    return pd.concat([documents, extra], axis=1)
