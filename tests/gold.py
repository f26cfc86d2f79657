"""Access to the gold labels copied from ../shared/gold (tests read only these copies)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "data" / "gold"


@cache
def gold_comments() -> list[dict[str, Any]]:
    lines = (GOLD / "seed_comments.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@cache
def gold_documents() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((GOLD / "seed_documents.json").read_text("utf-8"))
    return data


def collapse(text: str) -> str:
    return " ".join(text.split())
