"""The workers' CSV text (`engine.csv_rows`) is `writers.csv_block`'s, byte for byte."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commentscope.engine.csv_rows import csv_block
from commentscope.engine.run import Settings, map_chunk, tasks
from commentscope.results import QuestionRow, TopicMentionRow
from commentscope.writers import csv_block as writers_csv_block
from gold import SEEDS

TEXTS = st.text(alphabet=st.sampled_from([*"ab ,\"'\n\r\t=+-@;|é", "\x00"]), max_size=12)
FLOATS = st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(-3, 3))


@pytest.fixture(scope="module")
def seed_tables() -> dict[str, list[object]]:
    task = next(tasks([SEEDS], Settings()))
    pages = map_chunk(task).pages
    return {
        "documents": [page.document for page in pages],
        "comments": [row for page in pages for row in page.comments],
        "topic_mentions": [row for page in pages for row in page.mentions],
        "questions": [row for page in pages for row in page.questions],
    }


@pytest.mark.parametrize("table", ["documents", "comments", "topic_mentions", "questions"])
def test_seed_rows_give_the_writers_bytes(seed_tables: dict[str, list[object]], table: str) -> None:
    rows = seed_tables[table]
    assert rows
    assert csv_block(rows) == writers_csv_block(rows)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.lists(TEXTS, max_size=3), FLOATS, st.one_of(st.booleans(), st.none()), FLOATS)
def test_any_cells_give_the_writers_bytes(text: str, terms: list[str], score: float | None, answered: bool | None,
                                          coverage: float | None) -> None:
    mention = TopicMentionRow(text, text, text, 3, tuple(terms), score, score, text)  # type: ignore[arg-type]
    question = QuestionRow(text, "c1", text, text, tuple(terms), answered, text, text, text,  # type: ignore[arg-type]
                           coverage, text, None)
    other = QuestionRow("d", "c", "", "", (), True, "", "", "", pd.NA, "", 7)  # type: ignore[arg-type]
    rows: list[object] = [mention, question, other]
    assert csv_block(rows) == writers_csv_block(rows)


def test_not_a_number_and_formulas_are_made_safe() -> None:
    row = TopicMentionRow("=cmd", "-1", "+x", 1, ("@a",), math.nan, 0.5, "\tneutral")
    assert csv_block([row]) == "'=cmd,'-1,'+x,1,'@a,,0.5,'\tneutral\n" == writers_csv_block([row])
