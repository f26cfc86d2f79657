"""The one exception family that commentscope raises on purpose."""

from __future__ import annotations


class CommentscopeError(Exception):
    """Root of every error commentscope raises for bad input or bad settings."""


class UnreadableInputError(CommentscopeError):
    """A page could not be read: empty, binary, too large, or not a file."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ConfigError(CommentscopeError):
    """A user-supplied settings file (taxonomy, staff list) is malformed."""


class OutputError(CommentscopeError):
    """The outputs could not be written: --out is a file, not writable, locked by another run, disk full."""


class MissingResourceError(CommentscopeError):
    """A packaged resource the analysis needs (a sentiment lexicon, a model) cannot be loaded."""
