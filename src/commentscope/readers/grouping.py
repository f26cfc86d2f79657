"""Rows grouped by page in bounded memory, whatever order the file gives them in.

A Disqus export lists posts of all threads interleaved, and a comment table need not be sorted
by page, yet a Document needs all of its page's comments. `PageGroups` keeps rows in memory up
to a budget and moves them to a temporary SQLite file beyond it, so memory stays flat however
large the file; only the page keys (one per page) stay in memory.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

Row = list[Any]  # JSON-able values

DEFAULT_BUDGET = 100_000  # rows held in memory before spilling to disk
BATCH = 5_000


class PageGroups:
    """Collect rows under page keys; read them back page by page in first-seen order."""

    def __init__(self, budget: int | None = None) -> None:
        self.budget = DEFAULT_BUDGET if budget is None else budget
        self._order: dict[str, int] = {}
        self._memory: dict[int, list[Row]] = {}
        self._held = 0
        self._pending: list[tuple[int, int, str]] = []
        self._seq = 0
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._db: sqlite3.Connection | None = None
        self._indexed = False

    def __enter__(self) -> PageGroups:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    @property
    def spilled(self) -> bool:
        return self._db is not None

    def add(self, key: str, row: Row) -> None:
        ordinal = self._order.setdefault(key, len(self._order))
        if self._db is None:
            self._memory.setdefault(ordinal, []).append(row)
            self._held += 1
            if self._held > self.budget:
                self._spill()
            return
        self._seq += 1
        self._pending.append((ordinal, self._seq, json.dumps(row)))
        if len(self._pending) >= BATCH:
            self._flush()

    def keys(self) -> list[str]:
        """Page keys in the order they were first seen."""
        return list(self._order)

    def __contains__(self, key: str) -> bool:
        return key in self._order

    def take(self, key: str) -> list[Row]:
        """The rows of one page in the order they were added, removed from the store."""
        ordinal = self._order.get(key)
        if ordinal is None:
            return []
        if self._db is None:
            return self._memory.pop(ordinal, [])
        self._flush()
        if not self._indexed:
            self._db.execute("CREATE INDEX rows_by_page ON rows (page, seq)")
            self._indexed = True
        cursor = self._db.execute("SELECT row FROM rows WHERE page = ? ORDER BY seq", (ordinal,))
        return [json.loads(text) for (text,) in cursor]

    def groups(self) -> Iterator[tuple[str, list[Row]]]:
        """Every page with its rows, in first-seen order."""
        for key in self.keys():
            yield key, self.take(key)

    def _spill(self) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="commentscope-")
        self._db = sqlite3.connect(Path(self._tmp.name) / "rows.sqlite")
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute("CREATE TABLE rows (page INTEGER, seq INTEGER, row TEXT)")
        for ordinal, rows in self._memory.items():
            for row in rows:
                self._seq += 1
                self._pending.append((ordinal, self._seq, json.dumps(row)))
            if len(self._pending) >= BATCH:
                self._flush()
        self._memory.clear()
        self._flush()

    def _flush(self) -> None:
        if self._db is not None and self._pending:
            with self._db:
                self._db.executemany("INSERT INTO rows VALUES (?, ?, ?)", self._pending)
            self._pending.clear()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
        self._memory.clear()

