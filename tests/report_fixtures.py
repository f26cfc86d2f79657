"""A small hand-made `Analysis` for testing the writers (charts, report) apart from `analyze`.

Two pages, fourteen comments with nested replies, questions answered by staff, by readers and
not at all, five topics, and two comments that try to inject HTML. Per-row values are written by
hand; the roll-ups (document counts, topic totals) are derived here so the tables agree.
"""

from __future__ import annotations

import pandas as pd

from commentscope.results import (
    COMMENT_ANALYSIS_COLUMNS,
    COMMENT_COLUMNS,
    COMMENTER_COLUMNS,
    DOCUMENT_ANALYSIS_COLUMNS,
    DOCUMENT_COLUMNS,
    FAQ_GAP_COLUMNS,
    QUESTION_COLUMNS,
    SITE_COLUMNS,
    SUGGESTED_TOPIC_COLUMNS,
    TOPIC_MENTION_COLUMNS,
    TOPIC_SUMMARY_COLUMNS,
    TREND_COLUMNS,
    Analysis,
)

SCRIPT_TEXT = "<script>document.title='pwned'</script>"
IMG_TEXT = "<img src=x onerror=\"document.title='pwned'\">"
BONES = "bones.txt"
KEFIR = "kefir.v2.txt"
STAFF = "Dr. Perlmutter"
NA = pd.NA

# parent is NA on one page and "" on the other: writers must accept both for top level.
# comment_id, doc, parent, depth, author, text, {topic: vader of the sentences naming it},
# vader, sentiment, question sentences, answered_by ("staff"/"reader"/"" unanswered/None no q)
_COMMENTS: list[tuple[str, str, object, int, object, str, dict[str, float], float, str,
                      list[str], str | None]] = [
    ("bones.txt:c1", BONES, NA, 0, "Beenthere",
     "I've taken pre- and probiotics for years.\nMy bone density is now strong, at 72!",
     {"probiotics": 0.62, "supplements": 0.44}, 0.71, "positive", [], None),
    ("bones.txt:c2", BONES, NA, 0, "ri",
     "Where did the video on depression go? Did you remove it?",
     {}, 0.0, "neutral", ["Where did the video on depression go?", "Did you remove it?"], ""),
    ("bones.txt:c3", BONES, NA, 0, "Lynn Dell",
     "Does the vitamin K2 in kefir do the work, or do I still need a separate supplement?",
     {"kefir": 0.1, "supplements": 0.0}, 0.1, "neutral",
     ["Does the vitamin K2 in kefir do the work, or do I still need a separate supplement?"],
     "staff"),
    ("bones.txt:c3.1", BONES, "bones.txt:c3", 1, STAFF,
     "Fermented foods give some K2, but most people need more than kefir provides.",
     {"kefir": 0.0, "supplements": 0.0}, 0.0, "neutral", [], None),
    ("bones.txt:c3.1.1", BONES, "bones.txt:c3.1", 2, "Mara",
     "Thanks! Is MK-7 the right form of K2?", {"supplements": 0.49}, 0.49, "positive",
     ["Is MK-7 the right form of K2?"], "reader"),
    ("bones.txt:c3.1.1.1", BONES, "bones.txt:c3.1.1", 3, "Joe",
     "MK-7 is what my doctor recommended & it works for me.", {"supplements": 0.42}, 0.42,
     "positive", [], None),
    ("bones.txt:c4", BONES, NA, 0, "troll", SCRIPT_TEXT, {}, 0.0, "neutral", [], None),
    ("bones.txt:c5", BONES, NA, 0, "Sam",
     "Should I stop my fluoride toothpaste? My dentist says it's fine but I worry.",
     {"fluoride": -0.3}, -0.1, "mixed", ["Should I stop my fluoride toothpaste?"], ""),
    ("kefir.v2.txt:c1", KEFIR, "", 0, "Anna", "How much kefir per day is safe?",
     {"kefir": 0.4}, 0.4, "positive", ["How much kefir per day is safe?"], "reader"),
    ("kefir.v2.txt:c1.1", KEFIR, "kefir.v2.txt:c1", 1, "",
     "I drink a cup a day with no problem \U0001F600", {"kefir": 0.55}, 0.55, "positive", [],
     None),
    ("kefir.v2.txt:c2", KEFIR, "", 0, "Cleo", IMG_TEXT, {}, 0.0, "neutral", [], None),
    ("kefir.v2.txt:c3", KEFIR, "", 0, "Dana",
     "Kefir made my stomach worse. Is that normal?", {"kefir": -0.48, "probiotics": -0.48},
     -0.48, "negative", ["Is that normal?"], "staff"),
    ("kefir.v2.txt:c3.1", KEFIR, "kefir.v2.txt:c3", 1, STAFF,
     "Some people react at first; start with a spoonful.", {"kefir": 0.0}, 0.0, "neutral", [],
     None),
    ("kefir.v2.txt:c4", KEFIR, "", 0, "Eli",
     "Is it worth paying $30 for probiotics while I'm on antibiotics? Mine cost $12.",
     {"probiotics": 0.2, "medication": 0.2}, 0.2, "positive",
     ["Is it worth paying $30 for probiotics while I'm on antibiotics?"], ""),
]

# group_id, representative question, comment ids, article coverage (0..1), in faq_gaps rank
# order; the last group is answered by staff and covered, so it is no FAQ gap.
_GAPS: list[tuple[str, str, list[str], float]] = [
    ("g001", "Does the vitamin K2 in kefir do the work, or do I still need a separate "
     "supplement?", ["bones.txt:c3", "bones.txt:c3.1.1"], 0.3),
    ("g002", "Where did the video on depression go?", ["bones.txt:c2"], 0.0),
    ("g003", "Should I stop my fluoride toothpaste?", ["bones.txt:c5"], 0.1),
    ("g004", "Is it worth paying $30 for probiotics while I'm on antibiotics?",
     ["kefir.v2.txt:c4"], 0.2),
    ("g005", "How much kefir per day is safe?", ["kefir.v2.txt:c1", "kefir.v2.txt:c3"], 0.6),
]
FAQ_GAP_GROUPS = 4


def _comments() -> pd.DataFrame:
    rows = []
    for position, c in enumerate(_COMMENTS):
        cid, doc, parent, depth, author, text, topics, vader, sentiment, questions, by = c
        asked = bool(questions)
        rows.append({
            "doc_id": doc, "comment_id": cid, "parent_id": parent, "depth": depth,
            "position": position, "author": author, "text": text,
            "line_start": 10 + 3 * position, "line_end": 11 + 3 * position,
            "topics": ";".join(topics), "topic_evidence": ";".join(topics),
            "vader_compound": vader, "textblob_polarity": vader / 2,
            "textblob_subjectivity": 0.5, "sentiment": sentiment, "relevance": 0.3,
            "off_topic": not topics, "promotional": False, "is_question": asked,
            "questions": " | ".join(questions),
            "answered": (by in ("staff", "reader")) if asked else NA,
            "answered_by": by or "",
        })
    frame = pd.DataFrame(rows, columns=COMMENT_COLUMNS + COMMENT_ANALYSIS_COLUMNS)
    return frame.astype({"answered": "boolean"})


def _group_of(comment_id: str) -> str:
    return next(g for g, _, ids, _ in _GAPS if comment_id in ids)


def _questions(comments: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for c in _COMMENTS:
        cid, doc, _, _, author, _, topics, _, _, questions, by = c
        for question in questions:
            group = _group_of(cid)
            coverage = next(cov for g, _, _, cov in _GAPS if g == group)
            rows.append({
                "doc_id": doc, "comment_id": cid, "author": author, "question": question,
                "topics": ";".join(topics), "answered": by in ("staff", "reader"),
                "answered_by": by or "", "article_coverage": coverage,
                "article_passage": "Fermented foods such as kefir carry vitamin K2.",
                "article_line": 5, "group_id": group,
            })
    return pd.DataFrame(rows, columns=QUESTION_COLUMNS).astype({"answered": "boolean"})


def _faq_gaps(questions: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for rank, (group, representative, _, coverage) in enumerate(_GAPS[:FAQ_GAP_GROUPS], 1):
        asked = questions[questions["group_id"] == group]
        topics = sorted({t for ts in asked["topics"] for t in ts.split(";") if t})
        unanswered = int((~asked["answered"]).sum())
        rows.append({
            "rank": rank, "group_id": group, "representative_question": representative,
            "topics": ";".join(topics), "askers": asked["author"].nunique(),
            "questions": len(asked), "unanswered": unanswered,
            "answered_by_staff": int((asked["answered_by"] == "staff").sum()),
            "answered_by_reader": int((asked["answered_by"] == "reader").sum()),
            "unanswered_share": unanswered / len(asked), "article_coverage": coverage,
            "doc_ids": ";".join(sorted(set(asked["doc_id"]))),
            "comment_ids": ";".join(dict.fromkeys(asked["comment_id"])),
        })
    return pd.DataFrame(rows, columns=FAQ_GAP_COLUMNS)


def _topic_mentions(comments: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for cid, doc, _, _, _, _, topics, *_ in _COMMENTS:
        for topic, vader in topics.items():
            label = "positive" if vader >= 0.05 else "negative" if vader <= -0.05 else "neutral"
            rows.append({
                "doc_id": doc, "comment_id": cid, "topic": topic, "sentences": 1,
                "evidence": topic, "vader_compound": vader,
                "textblob_polarity": vader / 2,
                "sentiment": label,
            })
    return pd.DataFrame(rows, columns=TOPIC_MENTION_COLUMNS)


def _topic_summary(comments: pd.DataFrame, mentions: pd.DataFrame,
                   questions: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for topic, group in mentions.groupby("topic"):
        ids = set(group["comment_id"])
        own = comments[comments["comment_id"].isin(ids)]
        asked = questions[questions["topics"].str.split(";").apply(lambda ts, t=topic: t in ts)]
        vader = float(group["vader_compound"].mean())
        rows.append({
            "topic": topic, "comments": len(ids), "share_of_comments": len(ids) / len(comments),
            "documents": own["doc_id"].nunique(), "mean_vader": float(own["vader_compound"].mean()),
            "mean_textblob": float(own["textblob_polarity"].mean()),
            "share_negative": float((own["sentiment"] == "negative").mean()),
            "topic_vader": vader,
            "topic_sentiment": "positive" if vader >= 0.05 else "negative" if vader <= -0.05
            else "neutral",
            "questions": len(asked), "unanswered_questions": int((~asked["answered"]).sum()),
            "top_terms": f"{topic} (3); bone (2); day (1)",
            "example_comment_id": own["comment_id"].iloc[0],
            "example_comment": own["text"].iloc[0],
        })
    frame = pd.DataFrame(rows, columns=TOPIC_SUMMARY_COLUMNS)
    return frame.sort_values(["comments", "topic"], ascending=[False, True], ignore_index=True)


def _documents(comments: pd.DataFrame, questions: pd.DataFrame) -> pd.DataFrame:
    titles = {BONES: "Healthy Microbiome – Healthy Bones", KEFIR: "Kefir & Your Gut: 5 Questions"}
    rows = []
    for doc, title in titles.items():
        own = comments[comments["doc_id"] == doc]
        asked = questions[questions["doc_id"] == doc]
        rows.append({
            "doc_id": doc, "source": f"seeds/{doc}", "title": title, "comment_count": len(own),
            "max_depth": int(own["depth"].max()), "comments_closed": doc == KEFIR,
            "article_chars": 4200, "boilerplate_lines": 12, "status": "ok", "error": "",
            "commenters": own.loc[own["author"] != "", "author"].nunique(), "questions": len(asked),
            "unanswered": int((~asked["answered"]).sum()),
            "staff_replies": int((own["author"] == STAFF).sum()),
            "mean_sentiment": float(own["vader_compound"].mean()),
            "top_topics": "supplements; kefir" if doc == BONES else "kefir; probiotics",
        })
    return pd.DataFrame(rows, columns=DOCUMENT_COLUMNS + DOCUMENT_ANALYSIS_COLUMNS)


def _commenters(comments: pd.DataFrame) -> pd.DataFrame:
    named = comments[comments["author"] != ""]
    rows = [{
        "author": author, "documents": group["doc_id"].nunique(), "comments": len(group),
        "replies_received": int(comments["parent_id"].isin(group["comment_id"]).sum()),
        "questions": int(group["is_question"].sum()), "is_staff": author == STAFF,
        "staff_evidence": "replies as the article's author" if author == STAFF else "",
    } for author, group in named.groupby("author")]
    return pd.DataFrame(rows, columns=COMMENTER_COLUMNS)


def make_analysis() -> Analysis:
    """A fresh, internally consistent Analysis of two pages and fourteen comments."""
    comments = _comments()
    questions = _questions(comments)
    mentions = _topic_mentions(comments)
    suggested = pd.DataFrame([
        {"term": "k2", "comments": 4, "documents": 1, "mentions": 5,
         "example_comment_id": "bones.txt:c3", "example": "Does the vitamin K2 in kefir..."},
        {"term": "dentist", "comments": 1, "documents": 1, "mentions": 1,
         "example_comment_id": "bones.txt:c5", "example": "My dentist says it's fine"},
    ], columns=SUGGESTED_TOPIC_COLUMNS)
    return Analysis(
        documents=_documents(comments, questions), comments=comments, questions=questions,
        faq_gaps=_faq_gaps(questions), topic_summary=_topic_summary(comments, mentions, questions),
        topic_mentions=mentions, suggested_topics=suggested, commenters=_commenters(comments),
        trends=_trends(),
    )


def _trends() -> pd.DataFrame:
    """Three months of dated comments, one topic besides all comments (a hand-made trends table)."""
    rows = [
        ("2021-01", "2021-01-01", "(all)", 5, 2, 1, 0.12), ("2021-01", "2021-01-01", "kefir", 3, 1, 1, -0.2),
        ("2021-02", "2021-02-01", "(all)", 2, 0, 0, 0.5),
        ("2021-04", "2021-04-01", "(all)", 7, 3, 2, -0.1), ("2021-04", "2021-04-01", "kefir", 4, 2, 1, 0.3),
    ]
    return pd.DataFrame(rows, columns=TREND_COLUMNS)


def make_empty_analysis() -> Analysis:
    """An Analysis with every table present but no rows (a run over pages without comments)."""
    columns = {
        "documents": DOCUMENT_COLUMNS + DOCUMENT_ANALYSIS_COLUMNS,
        "comments": COMMENT_COLUMNS + COMMENT_ANALYSIS_COLUMNS,
        "questions": QUESTION_COLUMNS, "faq_gaps": FAQ_GAP_COLUMNS,
        "topic_summary": TOPIC_SUMMARY_COLUMNS, "topic_mentions": TOPIC_MENTION_COLUMNS,
        "suggested_topics": SUGGESTED_TOPIC_COLUMNS, "commenters": COMMENTER_COLUMNS, "trends": TREND_COLUMNS,
        "sites": SITE_COLUMNS,
    }
    return Analysis(**{name: pd.DataFrame(columns=cols) for name, cols in columns.items()})
