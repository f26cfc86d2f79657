"""Write the example notebooks from the cell sources below, without outputs.

Run from anywhere: ``python notebooks/build_notebooks.py``. Edit the cells here, not in the
.ipynb files, so the notebooks stay reviewable and committed without outputs (CI executes them).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

KERNEL = {
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
}

SETUP = """\
%matplotlib inline
from pathlib import Path

import pandas as pd

import commentscope
from commentscope import charts

pd.set_option("display.max_colwidth", 120)
SEEDS = Path("..") / "seeds"  # notebooks run with notebooks/ as the working directory
analysis = commentscope.analyze([SEEDS])"""

EXPLORE = [
    new_markdown_cell("""\
# Exploring a corpus of reader comments

This notebook runs `commentscope.analyze` on the five seed pages in `../seeds/` and walks
through what readers talk about and how they feel about it. Every table below is a pandas
DataFrame on the `analysis` object; the same tables are what `commentscope` writes as CSV."""),
    new_code_cell(SETUP),
    new_markdown_cell("## The pages\nOne row per page: how many comments, how deep the replies go, "
                      "how many questions readers asked and how many are still open, and the page's "
                      "language."),
    new_code_cell("""\
analysis.documents[
    ["doc_id", "title", "status", "comment_count", "max_depth", "commenters", "questions",
     "unanswered", "top_topics", "language"]
]"""),
    new_markdown_cell("Comments per language: the VADER and TextBlob columns are empty for comments in "
                      "another language than English (the lexicons read English); German comments get "
                      "their label and score from a small German model, other languages none."),
    new_code_cell('analysis.comments["language"].value_counts()'),
    new_code_cell("charts.thread_activity_chart(analysis)"),
    new_markdown_cell("## Topics\nComments per topic, the sentiment of the sentences that "
                      "mention each topic, and the words that placed comments in it."),
    new_code_cell("""\
analysis.topic_summary[
    ["topic", "comments", "share_of_comments", "documents", "topic_sentiment", "topic_vader",
     "share_negative", "questions", "unanswered_questions", "top_terms"]
]"""),
    new_code_cell("charts.topic_counts_chart(analysis)"),
    new_markdown_cell("## Sentiment\nHow the topic mentions split by sentiment label, and the "
                      "spread of their scores (each dot is one comment's mention of the topic)."),
    new_code_cell("""\
mentions = analysis.topic_mentions
pd.crosstab(mentions["topic"], mentions["sentiment"], margins=True, margins_name="all")"""),
    new_code_cell("charts.topic_sentiment_chart(analysis)"),
    new_code_cell("""\
comments = analysis.comments
pd.crosstab(comments["doc_id"], comments["sentiment"], margins=True, margins_name="all")"""),
    new_markdown_cell("The most negative comments, to read in full:"),
    new_code_cell("""\
comments.nsmallest(5, "vader_compound")[
    ["doc_id", "author", "sentiment", "vader_compound", "topics", "text"]
]"""),
    new_markdown_cell("## Questions and who answers them"),
    new_code_cell("charts.question_status_chart(analysis)"),
    new_markdown_cell("## Words outside the topic list\nFrequent terms that no configured topic "
                      "covers: candidates for a new topic in a topics TOML file."),
    new_code_cell("analysis.suggested_topics.head(10)"),
    new_markdown_cell("## Over time\nComments, questions, unanswered questions and mean sentiment per "
                      "month and topic (`analyze(..., period=\"week\")` for weeks). The seed pages give no "
                      "comment dates, so here the table is empty; on dated pages, "
                      "`charts.trends_chart(analysis)` draws it."),
    new_code_cell('analysis.trends[analysis.trends["topic"] == "(all)"]'),
    new_markdown_cell("## Sites\nOne row per site: a page's web address (its host), or, for pages "
                      "without one such as these text dumps, the folder they were read from. On a "
                      "corpus from several sites this compares them side by side."),
    new_code_cell("analysis.sites"),
]

REVIEW = [
    new_markdown_cell("""\
# Reviewing FAQ gaps: the questions readers keep asking

An editor's walk through `faq_gaps`: groups of similar reader questions that are still open
(unanswered, or answered only by other readers) and that the article barely covers. The end
result is a shortlist CSV to plan follow-up pieces or FAQ entries."""),
    new_code_cell(SETUP + """
import os

from commentscope.outputs import export_csv

# Where the shortlist goes: $COMMENTSCOPE_NOTEBOOK_OUTPUT, else exports/ beside this notebook.
OUTPUT_DIR = Path(os.environ.get("COMMENTSCOPE_NOTEBOOK_OUTPUT") or "exports")"""),
    new_markdown_cell("## All gaps, most-asked first"),
    new_code_cell("""\
gaps = analysis.faq_gaps
gaps[["rank", "representative_question", "topics", "askers", "questions", "unanswered",
      "unanswered_share", "article_coverage"]]"""),
    new_code_cell("charts.faq_gap_chart(analysis)"),
    new_markdown_cell("## One topic at a time\nPick a topic from the list; gaps can carry several "
                      "topics (`;`-joined)."),
    new_code_cell("""\
topics_of = gaps["topics"].fillna("").str.split(";")
available = sorted({topic for names in topics_of for topic in names if topic})
available  # the topics that have at least one gap"""),
    new_code_cell("""\
TOPIC = "probiotics" if "probiotics" in available else (available[0] if available else "")
on_topic = gaps[topics_of.map(lambda names: TOPIC in names)]
on_topic[["rank", "representative_question", "askers", "unanswered", "article_coverage"]]"""),
    new_markdown_cell("## What readers actually wrote\nEvery question in those groups, joined "
                      "from the `questions` table by `group_id`, with the closest article "
                      "passage the coverage score found."),
    new_code_cell("""\
quotes = analysis.questions.merge(
    on_topic[["group_id", "rank", "representative_question"]], on="group_id"
).sort_values(["rank", "doc_id", "comment_id"])
quotes[["rank", "author", "question", "answered_by", "article_coverage", "article_passage"]]"""),
    new_markdown_cell("## Shortlist\nOpen gaps (some question still unanswered), with every "
                      "asker's wording in one cell, written to CSV for the editorial meeting."),
    new_code_cell("""\
asked = (
    analysis.questions.groupby("group_id")["question"]
    .agg(lambda texts: " | ".join(dict.fromkeys(texts)))
    .rename("all_wordings")
)
shortlist = (
    gaps[gaps["unanswered"] > 0]
    .join(asked, on="group_id")
    .head(10)[["rank", "representative_question", "topics", "askers", "unanswered",
               "article_coverage", "doc_ids", "all_wordings"]]
)
# the CLI's writer: cells that a spreadsheet would run as formulas are neutralised, and the
# file is replaced in one step (never half written)
shortlist_path = export_csv(shortlist, OUTPUT_DIR / "faq_shortlist.csv")
shortlist"""),
    new_code_cell('print(f"Shortlist written to {shortlist_path}")  # open this file in a spreadsheet'),
]


def build(name: str, cells: list[nbformat.NotebookNode]) -> nbformat.NotebookNode:
    """A notebook of `cells` with no outputs, stable cell ids and the python3 kernel."""
    notebook = new_notebook(cells=cells, metadata=KERNEL)
    for number, cell in enumerate(notebook.cells):
        cell.id = f"{name.replace('_', '-')}-{number:02d}"  # not random: rebuilds diff cleanly
        if cell.cell_type == "code":
            cell.execution_count = None
            cell.outputs = []
    return notebook


def main() -> None:
    for name, cells in {"explore_corpus": EXPLORE, "faq_gap_review": REVIEW}.items():
        notebook = build(name, cells)
        nbformat.validate(notebook)
        nbformat.write(notebook, HERE / f"{name}.ipynb")


if __name__ == "__main__":
    main()
