"""Test doubles for the analyzer interfaces, shared by the test files (importable by worker processes)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FixedScore:
    """A score-only analyzer (the bare `SentimentAnalyzer` protocol) that always says `value`."""

    value: float

    @property
    def name(self) -> str:
        return "fixed"

    def score(self, sentence: str) -> float:
        return self.value
