"""What the user tells the readers: table column names, where articles are, what to keep."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from commentscope.errors import ConfigError

# Comments that exports hold but readers skip unless asked (`--keep KIND`).
KEEP_KINDS = ("pingbacks", "pending", "spam", "deleted")
# Roles a table column can play (`--columns ROLE=NAME,...`).
COLUMN_ROLES = ("page", "id", "parent", "author", "date", "text", "staff", "title", "url", "source_id")


@dataclass(frozen=True)
class ReadOptions:
    """Reader settings from the command line, passed to every reader as one object."""

    columns: Mapping[str, str] = field(default_factory=dict)  # role -> column name in the table
    articles: Path | None = None  # a folder of pages or a table of articles for table inputs
    keep: frozenset[str] = frozenset()  # of KEEP_KINDS

    def keeps(self, kind: str) -> bool:
        return kind in self.keep


def parse_columns(specs: Iterable[str]) -> dict[str, str]:
    """`["text=body,parent=reply_to"]` -> `{"text": "body", "parent": "reply_to"}`; bad specs raise ConfigError."""
    mapping: dict[str, str] = {}
    for spec in specs:
        for part in filter(None, (p.strip() for p in spec.split(","))):
            role, sep, name = part.partition("=")
            role, name = role.strip().lower(), name.strip()
            if not sep or not name:
                raise ConfigError(f"--columns: {part!r} is not ROLE=COLUMN (e.g. text=body)")
            if role not in COLUMN_ROLES:
                raise ConfigError(f"--columns: unknown role {role!r}; roles are {', '.join(COLUMN_ROLES)}")
            mapping[role] = name
    return mapping
