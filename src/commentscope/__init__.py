"""commentscope: turn saved pages full of reader comments into topics, sentiment and FAQ gaps."""

from __future__ import annotations

import logging

from commentscope.corpus import PageResult, iter_documents, parse_pages
from commentscope.errors import CommentscopeError, ConfigError, UnreadableInputError
from commentscope.model import Comment, Document, LineRole
from commentscope.parse import parse_file, parse_page, parse_text
from commentscope.pipeline import analyze
from commentscope.results import Analysis

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Comment",
    "CommentscopeError",
    "ConfigError",
    "Document",
    "LineRole",
    "PageResult",
    "UnreadableInputError",
    "__version__",
    "analyze",
    "iter_documents",
    "parse_file",
    "parse_page",
    "parse_pages",
    "parse_text",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
