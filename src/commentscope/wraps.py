"""Paragraphs that a text converter wrapped at a fixed column, read as the reader wrote them.

lynx, w3m and html2text print a paragraph as lines of at most about 80 columns, so a comment's
text holds line breaks in the middle of its sentences; read line by line, a question is cut in
two ("... should I transplant them" / "in slightly larger pots and bury them deeper?"). A page is
*wrapped* when nearly all of its long lines of prose end within `MAX_WRAP` columns; its wrap
column is where most of them end at the latest (`WIDTH_QUANTILE`). A line break is a wrap when
the next line's first word would not have fitted on the line (the test that reflowing tools
such as `par` make), unless the next line starts a list item or either line is a quotation.
Plain functions of source lines: the text parser (`parse`, `grammar`) and the model's article
(`Document.article`) use them alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from commentscope.grammar import Line
    from commentscope.model import LabelledLine

WRAP_COLUMNS = 64  # a line this long, run on into the next, was wrapped by the converter
MAX_WRAP = 100  # converters wrap at 72-80 columns; a page with longer lines was not wrapped
WRAP_MIN_WORDS = 4  # lines of fewer words (names, buttons, links) say nothing about wrapping
WRAPPED_SHARE = 0.8  # of the long lines (WRAP_COLUMNS or more), this share ends within MAX_WRAP
MIN_LONG_LINES = 8  # fewer long lines than this: too little to tell
WIDTH_QUANTILE = 0.9  # the wrap column: nine in ten long lines end at or before it
_ITEM = re.compile(r"(?:\(?\d{1,3}[.)]|[•◦▪‣●○■□►➢*+#\-–—])(?:\s|$)")  # a list item's bullet or number


def wrap_width(lines: Sequence[Line]) -> int | None:
    """The column a wrapped page's text was wrapped at, or None when the page was not wrapped.

    Only flowed prose counts: converters do not break a URL, a heading or preformatted text (code,
    aligned columns), which run past the column."""
    long = sorted(line.indent + len(line.text) for line in lines
                  if line.indent + len(line.text) >= WRAP_COLUMNS and not line.heading and _worded(line.text))
    fitting = [end for end in long if end <= MAX_WRAP]
    if len(fitting) < MIN_LONG_LINES or len(fitting) < WRAPPED_SHARE * len(long):
        return None
    return fitting[int(WIDTH_QUANTILE * (len(fitting) - 1))]


def joiner(before: str, after: str, width: int, *, item: bool | None = None) -> str:
    """What stands between two adjacent source lines (indentation kept) of a page wrapped at
    `width`: a space where the converter wrapped a paragraph, else a line break. After a hyphen a
    space too ("Kinder-" / "und Jugendärzte" is the common case, and "well- known" still reads),
    but nothing inside a URL that the converter broke at one of its hyphens. `item`: whether
    `after` starts a list item (default: read from a leading bullet or number)."""
    text, head = after.strip(), before.strip()
    first = text.split(" ", 1)[0].split("\t", 1)[0]  # (a no-break space joins words: no line breaks there)
    if item is None:
        item = _ITEM.match(text) is not None
    if (not first or item or head.startswith(">") or text.startswith(">")
            or before.endswith("  ")  # Markdown's hard line break (html2text prints <br> so)
            or _end(before) + 1 + len(first) <= width):
        return "\n"
    return "" if head.endswith("-") and "/" in head.rsplit(maxsplit=1)[-1] else " "


def joiner_above(lines: Sequence[Line], i: int, width: int) -> str:
    """What joins source line `i` to the line above it on a page wrapped at `width` (`joiner`)."""
    return joiner(lines[i - 1].raw, lines[i].raw, width, item=lines[i].marker is not None)


def paragraphs(lines: Sequence[LabelledLine], width: int | None) -> list[tuple[str, int]]:
    """The lines' texts as the page showed them (`LabelledLine.seen`) with their line numbers; on
    a page wrapped at `width`, the lines of one wrapped paragraph as one text, at its first line's
    number (where lines join is read from the source text: that is what the converter wrapped)."""
    runs: list[tuple[str, int]] = []
    for k, line in enumerate(lines):
        text = line.seen
        if not text:
            continue  # the tail of a Markdown link wrapped onto this line: read with the line above
        previous = lines[k - 1] if k else None
        if width and runs and previous and previous.number == line.number - 1:
            glue = joiner(previous.text, line.text, width)
            if glue != "\n":
                runs[-1] = (runs[-1][0] + glue + text, runs[-1][1])
                continue
        runs.append((text, line.number))
    return runs


def _worded(text: str) -> bool:
    """Prose enough to have been wrapped: WRAP_MIN_WORDS words or more, no link, no run of spaces."""
    return (len(text.split(maxsplit=WRAP_MIN_WORDS)) >= WRAP_MIN_WORDS and "://" not in text and "](" not in text
            and "  " not in text)


def indent_of(raw: str) -> int:
    """A source line's indentation in columns (a tab in it as 4), as the grammar reads it."""
    indent = len(raw) - len(raw.lstrip())
    return len(raw[:indent].expandtabs(4)) if "\t" in raw[:indent] else indent


def _end(raw: str) -> int:
    """The column after a source line's last character."""
    return indent_of(raw) + len(raw.strip())
