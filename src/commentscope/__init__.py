"""commentscope: turn saved pages full of reader comments into topics, sentiment and FAQ gaps."""

from __future__ import annotations

import logging

from commentscope.errors import CommentscopeError, UnreadableInputError
from commentscope.model import Comment, Document, LineRole

__version__ = "0.1.0"

__all__ = [
    "Comment",
    "CommentscopeError",
    "Document",
    "LineRole",
    "UnreadableInputError",
    "__version__",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
