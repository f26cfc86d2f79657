"""Paragraphs that a text converter wrapped at a fixed column, read as the reader wrote them.

lynx, w3m and html2text print a paragraph as lines of at most about 80 columns, so a comment's
text holds line breaks in the middle of its sentences; read line by line, a question is cut in
two ("... should I transplant them" / "in slightly larger pots and bury them deeper?"). A page is
*wrapped* when nearly all of its long lines end within `MAX_WRAP` columns; its wrap column is
where most of them end at the latest (`WIDTH_QUANTILE`). A line break inside a comment is a wrap
when the next line's first word would not have fitted on the line (the test that reflowing tools
such as `par` make), unless the next line starts a list item or either line is a quotation.
"""

from __future__ import annotations

from collections.abc import Sequence

from commentscope.grammar import WRAP_COLUMNS, Line

MAX_WRAP = 100  # converters wrap at 72-80 columns; a page with longer lines was not wrapped
WRAP_MIN_WORDS = 4  # lines of fewer words (names, buttons, links) say nothing about wrapping
WRAPPED_SHARE = 0.8  # of the long lines (WRAP_COLUMNS or more), this share ends within MAX_WRAP
MIN_LONG_LINES = 8  # fewer long lines than this: too little to tell
WIDTH_QUANTILE = 0.9  # the wrap column: nine in ten long lines end at or before it


def wrap_width(lines: Sequence[Line]) -> int | None:
    """The column a wrapped page's text was wrapped at, or None when the page was not wrapped.

    Only flowed prose counts: converters do not break a URL, a heading or preformatted text (code,
    aligned columns), which run past the column."""
    long = sorted(_end(line) for line in lines
                  if _end(line) >= WRAP_COLUMNS and not line.heading and _worded(line.text))
    fitting = [end for end in long if end <= MAX_WRAP]
    if len(fitting) < MIN_LONG_LINES or len(fitting) < WRAPPED_SHARE * len(long):
        return None
    return fitting[int(WIDTH_QUANTILE * (len(fitting) - 1))]


def joiner(before: Line, after: Line, width: int) -> str:
    """What stands between the texts of two adjacent lines of one comment: a space where the
    converter wrapped the paragraph, else a line break. After a hyphen a space too ("Kinder-" /
    "und Jugendärzte" is the common case, and "well- known" still reads), but nothing inside a
    URL that the converter broke at one of its hyphens."""
    first = after.text.split(maxsplit=1)[0] if after.text else ""
    if (not first or after.marker or before.text.startswith(">") or after.text.startswith(">")
            or before.raw.endswith("  ")  # Markdown's hard line break (html2text prints <br> so)
            or _end(before) + 1 + len(first) <= width):
        return "\n"
    return "" if before.text.endswith("-") and "/" in before.text.rsplit(maxsplit=1)[-1] else " "


def _worded(text: str) -> bool:
    """Prose enough to have been wrapped: WRAP_MIN_WORDS words or more, no link, no run of spaces."""
    return (len(text.split(maxsplit=WRAP_MIN_WORDS)) >= WRAP_MIN_WORDS and "://" not in text and "](" not in text
            and "  " not in text)


def _end(line: Line) -> int:
    """The column after the line's last character."""
    return line.indent + len(line.text)
