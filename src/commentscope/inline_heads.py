"""A list item that carries its comment's header and the comment's first words on one line.

html2text prints a comment list's item as one line when the theme sets the header and the text in
one block: '1. ![](avatar)[Ann](…) on [DATE](…) said: Text… [Reply ↓](…)', '1. **Ann** says:
[DATE](…) Text… Reply', '1. Commento di Ann DATE data commento 11:03 am Text… Commenti Rispondi'.
The header is the item's start up to its verb and colon (and the date right after it), or up to a
date or a time, where the header table alone reads that start as a comment's header with evidence
('NAME says:', 'Commento di NAME DATE'); the text is the rest, without a trailing row of buttons.
(w3m sets a sidebar's column beside a header, after a run of spaces: `grammar` tries only lines
without such a gap.)
"""

from __future__ import annotations

from dataclasses import dataclass

from commentscope.patterns import Header, PageKnowledge, rating_line, word_pattern

HEAD_CHARS = 160  # a header ends this far into its line at most
BUTTON_WORDS = 3  # a trailing row of buttons is this many words at most ('Like Reply', 'Commenti Rispondi')


@dataclass(frozen=True, slots=True)
class InlineHead:
    header: Header
    head: str  # the line's header part: its date is the comment's
    text: str  # the comment's first words; '' when the rest of the line is a rating or buttons


def split_inline_head(plain: str, kb: PageKnowledge) -> InlineHead | None:
    """The header and the text of a list item's line that carries both (`plain`: its text without
    the marker, decoration or avatar), or None where its start is no header of its own."""
    window = plain[:HEAD_CHARS]
    if ":" in window:
        for said in word_pattern("inline_said").finditer(window):
            header = kb.header(plain[: said.end()], item=True)
            if header is not None and header.evidence:
                date = word_pattern("inline_said_date").match(plain, said.end())
                return _split(header, plain, date.end() if date else said.end(), kb)
    if not any(ch.isdigit() for ch in window):
        return None
    for end in sorted({m.end() for m in word_pattern("inline_stamp").finditer(window)}, reverse=True):
        header = kb.header(plain[:end], item=True)  # (the longest head first: 'DATE data commento 11:03 am')
        if header is not None and header.evidence:
            return _split(header, plain, end, kb)
    return None


def _split(header: Header, plain: str, end: int, kb: PageKnowledge) -> InlineHead | None:
    text = plain[end:].strip()
    words = text.split()
    buttons = False
    for k in range(min(BUTTON_WORDS, len(words)), 0, -1):
        if kb.first(kb.buttons, " ".join(words[-k:])) is not None:
            text, buttons = " ".join(words[:-k]), True  # ('… Thank you so much! Reply': no word of the text)
            break
    if rating_line(text) or (buttons and not text):
        return InlineHead(header, plain[:end].strip(), "")  # ('Ann says: DATE 5 stars' / the text below)
    if kb.meta_kind(text) is not None or not any(ch.isalnum() for ch in text):
        return None  # ('Comparing IT Posted: 07:28 9th January 2008': a list of articles, dated)
    return InlineHead(header, plain[:end].strip(), text)
