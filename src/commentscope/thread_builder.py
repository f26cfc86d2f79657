"""The comment section of a text page walked line by line into a thread.

From the section's first comment head (`sections.comment_heads`) to the page's end, each line
opens a comment, adds to the open one's text, or is metadata or boilerplate. Replies nest by
(indentation, marker kind), by a header's `→ NAME` or by a number's level ('#2.1'); a forum
post's quote of another post is kept with it, out of its text; after the reply form, heads weaker
than the first comment's are a sidebar's. `parse.parse_lines` labels the lines before the section.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, deque
from dataclasses import dataclass, field

from commentscope.grammar import (
    BUTTON_META,
    FORM_META,
    QUOTE_END_META,
    SECTION_META,
    SIDEBAR_META,
    Head,
    Line,
    facts_follow,
    previous_content,
)
from commentscope.heads import QUOTE_INTRO, is_pingback
from commentscope.model import Comment, LineRole
from commentscope.patterns import SUBJECT_LINE, could_be_name, rating_line, word_pattern
from commentscope.sections import SHARE_BAR
from commentscope.wraps import joiner_above

SUBJECT_MIN_COMMENTS, SUBJECT_MAX_WORDS, SUBJECT_SHARE = 3, 8, 0.75  # comments opening with a title line
QUOTE_TEXT_WORDS = 3  # a line less indented than a quote, this long, shows the post's text is
_SPACED_INTRO = word_pattern("quote_intro_spaced")  # 'Ann wrote: But then', the quote set deeper than the text
_GLUED_INTRO = re.compile(r"\w:(?=[^\W\d_])")  # lynx and inscriptis glue a phpBB quote to its intro: 'Ann wrote:But'
_SUBJECT_WORDS = 15  # a comment's title is a few words
REPEATED_TAILS = 3  # a line under this many comments' last buttons, the same each time, is the page's (a form)
SIGNED_POSTS = 2  # a forum poster's posts ending in the same lines: those lines are their signature
QUOTED_WORDS = 4  # a reply's opening lines repeating this many of its parent's words in a row quote it
QUOTE_LOOKBACK = 50  # ... or of one of this many comments before it, under a quote begun
QUOTED_POST_LINES = 3  # a post quoting another: the intro, the quote, the post's own text
SUBJECT_WORDS = 3  # a thread's subject is this many words or more ('Re: Episode 4' typed by readers is theirs)
_SENTENCE_ENDS = (".", "!", "?", "…", '"', "”", ")")
_NO_ROLE: tuple[LineRole | None, str | None] = (None, None)
_NAMED_INTRO = re.compile(r"([^\s:]{2,40}):")  # 'ryshab:' over the quoted words (Discourse)
_FORM_FIELDS = frozenset({"form_field", "form_label"})  # the reply form's fields: below comments, the thread is over


@dataclass(slots=True)
class _Open:
    """A comment being read: its head, its place in the thread, the lines of its text so far."""

    head: Head
    comment_id: str
    parent_id: str | None
    depth: int
    position: int
    text_lines: list[int] = field(default_factory=list)
    body_indent: int | None = None


class ThreadBuilder:
    """Walks the comment section line by line, opening comments and nesting replies."""

    def __init__(self, doc_id: str, lines: list[Line], heads: dict[int, Head], width: int | None = None) -> None:
        self.doc_id = doc_id
        self.lines = lines
        self.heads = heads
        self.roles: dict[int, tuple[LineRole, str | None]] = {}
        self.opened: list[_Open] = []
        self.stack: list[tuple[tuple[int, int], _Open]] = []
        self.kind_ranks: dict[int, list[str]] = {}
        self.thread_kinds = {h.kind for h in heads.values()}
        self.top_indent = min((h.indent for h in heads.values()), default=0)
        self.last_number: dict[int, int] = {}
        self.current: _Open | None = None
        self.section_signal = False
        self.latest_by: dict[str, _Open] = {}  # the latest comment of each author, for 'A → B' replies
        # After the reply form, only heads as strong as the first comment's are comments (not sidebars).
        self.ended = False
        self.width = width  # the column a converter wrapped the page at (None: not wrapped; `wraps`)
        # where no quote prints its end ('Click to expand...'), a quote opening a post ends at its blank line
        self.quote_ends = any(line.meta == QUOTE_END_META for line in lines)
        self.head_starts = sorted(heads)
        self.indented_quotes: dict[int, bool] = {}  # a quote intro's line -> its post's text is less indented
        # a forum thread's subject, which every reply repeats as 'Re: SUBJECT' over its text (FluxBB)
        answered = Counter(match[1].casefold() for line in lines if (match := SUBJECT_LINE.match(line.plain)))
        self.subjects = {subject for subject, n in answered.items() if n >= 2 and len(subject.split()) >= SUBJECT_WORDS}

    def build(self, start: int) -> None:
        i = start
        while i < len(self.lines):
            i = self._step(i) + 1

    def _step(self, i: int) -> int:
        line = self.lines[i]
        if line.blank:
            self.roles[i] = (LineRole.BLANK, None)
            return i
        head = self.heads.get(i) or (None if self.ended else self._authorless_reply(i))
        cur = self.current
        if cur is not None and _signs(cur.head, i):  # the name signing off the text above
            self.roles[i] = (LineRole.COMMENT_HEADER, cur.comment_id)
            return i
        if head is not None and cur is not None and not (cur.text_lines or head.strong):
            head = None  # a weak head ('*' / 'Text') right under a header: that comment's first line
        if head is not None and not (self.ended and self.opened and self._sidebar(head, self.opened[0].head)):
            return self._open(head)
        if line.pictured:  # an avatar heading no comment ('* [![Ann avatar](a.jpg)](/user/7)' over a subject)
            self.roles[i] = (LineRole.BOILERPLATE, None)
            self.current = None
        elif line.marker and not line.rest and cur is not None and self._typed_marker(cur, i):
            self._add_text(cur, i)  # '+' / 'Good text...': a sign the commenter typed, opening the text
        elif line.marker and not line.rest:  # a marker left alone, e.g. between 'Reply' and 'Share'
            self.roles[i] = (LineRole.COMMENT_META, cur.comment_id if cur else None)
        elif cur is not None and not line.meta and self._runs_on(cur, i):
            self._add_text(cur, i)  # 'published back in 2012:' wrapped off a sentence is no page chrome
        elif cur is not None and not line.meta and facts_follow(self.lines, i) and could_be_name(line.plain):
            self.roles[i] = (LineRole.COMMENT_META, cur.comment_id)  # a poster's name over their facts: their column
        elif line.meta == QUOTE_END_META and cur is not None:
            self._quote(cur, i)
        elif line.meta == SIDEBAR_META:  # a sidebar's heading ('Popular Posts'): the page's, no comment's
            self.roles[i] = (LineRole.BOILERPLATE, None)
            self.current = None
            self.ended = self.ended or bool(self.opened)
        elif line.meta:
            owner = cur.comment_id if cur and line.meta not in SECTION_META else None
            self.roles[i] = (LineRole.COMMENT_META, owner)
            if line.meta in SECTION_META:
                self.current, self.section_signal = None, True
                self.ended = self.ended or (line.meta == FORM_META and bool(self.opened))
        elif cur is not None and line.boilerplate == SHARE_BAR and not cur.text_lines:
            self.roles[i] = (LineRole.BOILERPLATE, None)  # the comment's share links under its header: it goes on
        elif cur is not None and self._inside(cur, line) and self._subject(cur, i):
            self.roles[i] = (LineRole.COMMENT_META, cur.comment_id)
        elif cur is not None and self._inside(cur, line):
            self._add_text(cur, i)
        else:
            self.roles[i] = (LineRole.BOILERPLATE, None)
            self.current = None
            self.ended = self.ended or (line.boilerplate in _FORM_FIELDS and bool(self.opened) and not self._rule(i))
        return i

    def _rule(self, i: int) -> bool:
        """Whether line `i` is a rule between two comments (lynx prints a horizontal rule as underscores, as it
        prints a form's text field): underscores alone, the next line a comment's head."""
        after = self.lines[i].next_content
        return not self.lines[i].text.strip("_ ") and after is not None and after in self.heads

    def _quote(self, cur: _Open, end: int, start: int | None = None) -> None:
        """A forum post quoted in the comment, from its intro ('Nixe said:'; else the nearest one above
        `end`) to `end` ('Click to expand...'): kept with the comment, out of its text; the text after
        it is the comment's own."""
        if start is None:
            start = self._intro_above(cur, end)
        if start is None:
            self.roles[end] = (LineRole.COMMENT_META, cur.comment_id)
            return
        for k in range(start, end + 1):
            if not self.lines[k].blank:
                self.roles[k] = (LineRole.COMMENT_QUOTE, cur.comment_id)
        cur.text_lines = [k for k in cur.text_lines if k < start]
        if not cur.text_lines:
            cur.body_indent = None  # the post's own text, after the quote, sets its indentation

    def _intro_above(self, cur: _Open, end: int) -> int | None:
        """The nearest quote intro of the comment above line `end`, not past an earlier quote."""
        for k in range(end - 1, cur.head.last_header, -1):
            role, owner = self.roles.get(k, (None, None))
            if role is LineRole.COMMENT_QUOTE or (owner != cur.comment_id and not self.lines[k].blank):
                return None
            if QUOTE_INTRO.fullmatch(self.lines[k].clean):
                return k
        return None

    def _runs_on(self, cur: _Open, i: int) -> bool:
        """Whether line `i` carries on the sentence of the comment's last text line, wrapped there by
        the converter: it begins in lower case (page chrome right under a comment, such as 'Please
        enable JavaScript...', begins a sentence of its own)."""
        return (self.width is not None and bool(cur.text_lines) and cur.text_lines[-1] == i - 1
                and self.lines[i].text[:1].islower() and joiner_above(self.lines, i, self.width) == " ")

    def _typed_marker(self, cur: _Open, i: int) -> bool:
        """A marker alone as a comment's first line, under a blank line or the header's date, its text
        right under it at the same indentation (not the last item of a header printed as a list)."""
        line = self.lines[i]
        after = self.lines[i + 1] if i + 1 < len(self.lines) else None
        before = self.lines[i - 1] if i else None
        set_off = before is not None and (before.blank or (before.meta is not None and not before.marker))
        # (under the header, or flush left under an indented one: html2text prints a list item's text so)
        beside = line.indent > cur.head.indent or line.indent == 0 < cur.head.indent
        return (set_off and not cur.text_lines and after is not None and not after.blank and after.indent == line.indent
                and not (after.marker or after.meta) and beside)  # fmt: skip

    def _sidebar(self, head: Head, first: Head) -> bool:
        """After the reply form, a head with less to show than the first comment's is a sidebar's:
        weaker, or without the reply button the first comment had (a widget's 'NAME' / 'DATE' /
        'TITLE' teasers of the most commented articles)."""
        if head.strong < first.strong or head.evidence < first.evidence:
            return True
        return self._buttoned(first) and not self._buttoned(head)

    def _buttoned(self, head: Head) -> bool:
        """Whether a button line ('Reply', 'Like') stands under the head before the next head or
        the next comments heading or reply form, where its comment ends at the latest."""
        after = bisect.bisect_right(self.head_starts, head.last_header)
        end = self.head_starts[after] if after < len(self.head_starts) else len(self.lines)
        for k in range(head.last_header + 1, end):
            if self.lines[k].meta in SECTION_META:
                return False
            if self.lines[k].meta in BUTTON_META:
                return True
        return False

    def _inside(self, cur: _Open, line: Line) -> bool:
        if line.heading:
            return False  # converters print no headings inside a comment's text
        if line.boilerplate or (line.cta and not cur.text_lines):
            return line.indent > cur.head.indent and not line.boilerplate
        if line.indent > cur.head.indent:
            return True
        flat = cur.body_indent is not None and cur.body_indent <= cur.head.indent
        first = self.lines[cur.text_lines[0]] if cur.text_lines and not cur.head.text_on_marker else None
        if first is not None and line.indent == cur.head.indent < first.indent and (
                QUOTE_INTRO.fullmatch(first.clean) or _SPACED_INTRO.fullmatch(first.clean)):
            return True  # the post's own words under the quote that opens it, the quote set deeper (Invision, w3m)
        if (cur.body_indent is None or (first and first.marker)) and line.indent < cur.head.indent:
            # html2text prints a list item's paragraphs flush left (also after a text begun as an item
            # of a header list): the header's indentation is the depth.
            return cur.head.strong and not (line.marker and line.one_link)
        return flat or (cur.body_indent is None and line.indent == cur.head.indent)

    def _subject(self, cur: _Open, i: int) -> bool:
        """A comment's title: its first line, a link alone with a blank line under it (Drupal's
        subject), or a short line right under the header's lone ':' (a SPIP forum's 'NAME' /
        '(DATE)' / ':' / TITLE / text)."""
        line, j = self.lines[i], self.lines[i].next_content
        if cur.text_lines or cur.head.text_on_marker or line.marker or j is None:
            return False
        if self.subjects and j not in self.heads:  # ('Re: SUBJECT' over a reply's text, the subject over the first
            match = SUBJECT_LINE.match(line.plain)  # post's, maybe over the post's date)
            if (match[1] if match else line.plain).casefold() in self.subjects:
                return True
        if self.lines[j].meta or j in self.heads:
            return False  # (the text must follow)
        if line.one_link:  # (an addressee, '@Ann', opens the text: no title)
            return self.lines[i + 1].blank and not line.plain.startswith("@")
        k = previous_content(self.lines, i)
        wrapped = self.width is not None and joiner_above(self.lines, i + 1, self.width) == " "  # (text's first line)
        return (k is not None and self.lines[k].text.strip() == ":" and len(line.plain.split()) <= _SUBJECT_WORDS
                and not wrapped)

    def _authorless_reply(self, i: int) -> Head | None:
        """A marker line carrying text directly: a reply without an author line, or a list item."""
        line, cur = self.lines[i], self.current
        if (not line.marker or not line.rest or line.meta or line.pictured or cur is None
                or line.marker not in self.thread_kinds):
            return None
        if not cur.text_lines:
            return None  # a comment's first line, even '1. Which trail...': no reply comes before its text
        before = self.lines[i - 1]
        if not (before.blank or before.meta) or self._starts_list(i):
            return None  # directly under text, or introduced by it: a list inside the comment
        if line.number_mark is not None and line.number_mark != self.last_number.get(line.indent, 0) + 1:
            return None
        if line.indent <= self.top_indent and not self.section_signal:
            return None
        head = Head(i, i, None, line.indent, line.marker, line.number_mark, text_on_marker=True)
        head.pingback = is_pingback(self.lines, head)  # ('6. SITE - POST TITLE' over '[…] excerpt […]')
        return head

    def _starts_list(self, i: int) -> bool:
        """A first list item: the text above introduces it ('...:') or the next item follows directly."""
        line = self.lines[i]
        k = previous_content(self.lines, i)
        intro = k is not None and self.lines[k].text.endswith(":") and not (self.lines[k].author or self.lines[k].meta)
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        return intro or (nxt is not None and nxt.marker == line.marker and bool(nxt.rest) and nxt.indent == line.indent)

    def _parent(self, head: Head) -> _Open | None:
        """The comment on top of the nesting stack, unless the header names another one it answers."""
        parent = self.stack[-1][1] if self.stack else None
        if head.reply_to and (parent is None or parent.head.author != head.reply_to):
            return self.latest_by.get(head.reply_to.casefold(), parent)
        if head.level is not None:  # numbered '#2.1': the latest comment one level up
            return next((o for o in reversed(self.opened) if o.depth == head.level - 1), None)
        return parent

    def _open(self, head: Head) -> int:
        if head.pingback:  # not a reader's comment: its lines are chrome, and so is what follows
            for k in range(head.index, head.last_header + 1):
                self.roles[k] = (LineRole.BLANK, None) if self.lines[k].blank else (LineRole.BOILERPLATE, None)
            self.current = None
            return head.last_header
        ranks = self.kind_ranks.setdefault(head.indent, [])
        if head.kind not in ranks:
            ranks.append(head.kind)
        key = (head.indent, ranks.index(head.kind))
        while self.stack and self.stack[-1][0] >= key:
            self.stack.pop()
        parent = self._parent(head)
        position = len(self.opened)
        opened = _Open(
            head=head,
            comment_id=f"{self.doc_id}-c{position:03d}",
            parent_id=parent.comment_id if parent else None,
            depth=parent.depth + 1 if parent else 0,
            position=position,
        )
        self.opened.append(opened)
        self.stack.append((key, opened))
        self.current = opened
        if head.author:
            self.latest_by[head.author.casefold()] = opened
        if head.number is not None:
            self.last_number[head.indent] = head.number
        if head.text_on_marker:
            self._add_text(opened, head.index)
            return head.index
        for k in range(head.index, head.last_header + 1):
            blank = self.lines[k].blank
            self.roles[k] = (LineRole.BLANK, None) if blank else (LineRole.COMMENT_HEADER, opened.comment_id)
        return head.last_header

    def _add_text(self, cur: _Open, i: int) -> None:
        intro = self.lines[cur.text_lines[0]].clean if cur.text_lines else ""
        # (a quote on its intro's line, 'Ann wrote:But then', is that one line when the text under it is
        # less indented: inscriptis; a blank line under it may stand inside the quote)
        outdented = bool(cur.text_lines) and self.lines[i].indent < self.lines[cur.text_lines[0]].indent
        quoted = len(cur.text_lines) > 1 or (_GLUED_INTRO.search(intro) is not None and outdented)
        opens = quoted and (QUOTE_INTRO.fullmatch(intro) or (outdented and _SPACED_INTRO.fullmatch(intro)))
        if not self.quote_ends and opens and self._quote_over(cur, i):
            self._quote(cur, i - 1, cur.text_lines[0])  # (the outer quote, when one quotes another)
        self.roles[i] = (LineRole.COMMENT_TEXT, cur.comment_id)
        if not cur.text_lines and not cur.head.text_on_marker:  # (not a quote's 'NAME:', which inscriptis indents)
            cur.body_indent = None if _NAMED_INTRO.fullmatch(self.lines[i].plain) else self.lines[i].indent
        elif cur.head.text_on_marker and cur.body_indent is None:
            cur.body_indent = cur.head.indent + (0 if cur.head.flat else 1)
        cur.text_lines.append(i)

    def _quote_over(self, cur: _Open, i: int) -> bool:
        """Whether line `i` is the post's own text after the quote that opens it (vBulletin's 'Zitat
        von NAME', whose end the dump does not print): the first line less indented than the quote
        where the quote is indented deeper than the text after it (inscriptis, which also prints
        blank lines inside it), else the first line after a blank one (lynx, w3m)."""
        intro = cur.text_lines[0]
        depth = self.lines[intro].indent
        if self.lines[i].indent < depth:
            return True
        if intro not in self.indented_quotes:
            after = bisect.bisect_right(self.head_starts, intro)
            end = self.head_starts[after] if after < len(self.head_starts) else len(self.lines)
            self.indented_quotes[intro] = any(  # (words, not a counter such as the thanks' '0')
                not (ln.blank or ln.meta) and ln.indent < depth and len(ln.text.split()) >= QUOTE_TEXT_WORDS
                for ln in self.lines[intro + 1:end])
        return not self.indented_quotes[intro] and self.lines[i - 1].blank

    def comments(self) -> list[Comment]:
        self._drop_subjects()
        self._drop_next_subjects()
        self._drop_repeated_tails()
        self._drop_ratings()
        self._drop_signatures()
        self._drop_shared_openings()
        self._drop_named_quotes()
        self._drop_parent_quotes()
        return [self._freeze(o) for o in self.opened]

    def unproven(self) -> set[str]:
        """The ids of the comments whose heads no header pattern or date proves (a name over a text)."""
        return {o.comment_id for o in self.opened if not o.head.strong}

    def _drop_shared_openings(self) -> None:
        """Where three or more comments all open with the same lines, those lines are the comment
        system's own ('Share On Twitter' / 'Click to flag and open «Comment Reporting» form. ...', an old
        wpDiscuz as lynx prints it), not what each reader wrote; a comment keeps its last line."""
        with_text = [o for o in self.opened if o.text_lines]
        if len(with_text) < SUBJECT_MIN_COMMENTS:
            return
        starts = [[self.lines[i].clean for i in o.text_lines] for o in with_text]
        shared = min(_common_start(starts[0], other) for other in starts[1:])
        for o in with_text:
            for _ in range(min(shared, len(o.text_lines) - 1)):
                self.roles[o.text_lines.pop(0)] = (LineRole.COMMENT_META, o.comment_id)

    def _drop_named_quotes(self) -> None:
        """A post that opens with 'NAME:' alone, NAME another commenter of the page, over lines set off
        from the post's own text (indented deeper, or html2text's '> '), quotes that commenter (Discourse's
        quote box): the intro and the quote are kept with the post, out of its text."""
        authors = {o.head.author.casefold() for o in self.opened if o.head.author}
        for o in self.opened:
            if len(o.text_lines) < QUOTED_POST_LINES:
                continue
            intro = self.lines[o.text_lines[0]]
            named = _NAMED_INTRO.fullmatch(intro.plain)
            if named is None or named[1].casefold() not in authors:
                continue
            quoted = 1
            while quoted < len(o.text_lines) and _set_off(self.lines[o.text_lines[quoted]], intro):
                quoted += 1
            if 1 < quoted < len(o.text_lines):  # (a quote, then the post's own words)
                for k in range(o.text_lines[0], o.text_lines[quoted - 1] + 1):
                    if not self.lines[k].blank:
                        self.roles[k] = (LineRole.COMMENT_QUOTE, o.comment_id)
                del o.text_lines[:quoted]

    def _drop_parent_quotes(self) -> None:
        """A reply that opens with whole lines of its parent's words, then its own (Slashdot quotes the
        sentence it answers, the quote as plain as the text in a dump): the repeated lines are the quote.
        So are the opening lines under a quote already begun ('Ann said:' / a paragraph, which ends the
        quote where the dump sets nothing apart: Invision in lynx) that repeat any earlier comment's words."""
        texts = {o.comment_id: list(o.text_lines) for o in self.opened}  # (as they stood before any quote went)
        authors = {o.comment_id: o.head.author for o in self.opened}
        said: dict[str, str] = {}  # a comment's words, read when a reply may quote them

        def words_of(comment_id: str) -> str:
            if comment_id not in said:
                said[comment_id] = f" {' '.join(self._words(texts[comment_id]))} "
            return said[comment_id]

        earlier: deque[str] = deque(maxlen=QUOTE_LOOKBACK)
        for o in self.opened:
            candidates = list(earlier)
            earlier.append(o.comment_id)
            if len(o.text_lines) < 2:
                continue
            quoting = any(self.roles.get(k, _NO_ROLE)[0] is LineRole.COMMENT_QUOTE  # (a quote begun: any of the
                          for k in range(o.head.last_header + 1, o.text_lines[0]))  # comments before it)
            if not quoting:
                if o.parent_id not in texts or authors[o.parent_id] == o.head.author:
                    continue  # (one's own words again under them: a thread printed twice, the copy under the last)
                candidates = [o.parent_id]
            first = f" {' '.join(self._words(o.text_lines[:1]))} "
            source = "\n".join(text for text in map(words_of, candidates) if first in text)
            quoted, opening = 0, []
            for n, i in enumerate(o.text_lines[:-1] if source else ()):  # (the last line is the reply's own)
                opening += self._words([i])
                if f" {' '.join(opening)} " not in source:
                    break
                if opening[-1].endswith(_SENTENCE_ENDS):  # (a sentence quoted, not one begun alike)
                    quoted = n + 1
            quote = self._words(o.text_lines[:quoted])
            if len(quote) >= QUOTED_WORDS:
                for _ in range(quoted):
                    self.roles[o.text_lines.pop(0)] = (LineRole.COMMENT_QUOTE, o.comment_id)

    def _words(self, numbers: list[int]) -> list[str]:
        return [word for i in numbers for word in self.lines[i].clean.casefold().split()]

    def _drop_signatures(self) -> None:
        """On a forum (posts headed by their posters' columns), the last lines that a post shares with
        another post of the same poster, under text that differs, are the signature the forum prints
        under each of their posts ('Image' / 'For behold, ...'), not text."""
        posts: dict[str, list[_Open]] = {}
        for o in self.opened:
            if o.head.poster and o.head.author and len(o.text_lines) > 1:
                posts.setdefault(o.head.author.casefold(), []).append(o)
        for own in posts.values():
            if len(own) < SIGNED_POSTS:
                continue
            ends = [[self.lines[i].clean for i in reversed(o.text_lines)] for o in own]
            for n, o in enumerate(own):
                shared = max(_common_start(ends[n], other) for m, other in enumerate(ends) if m != n)
                for _ in range(min(shared, len(o.text_lines) - 1)):
                    self.roles[o.text_lines.pop()] = (LineRole.COMMENT_META, o.comment_id)

    def _drop_ratings(self) -> None:
        """A review widget's rating on a comment's first or last line ('5 Sterne' under the date,
        '(5/5)' after the words: `patterns.rating_line`) is the widget's, not the reader's text."""
        for o in self.opened:
            for end in (0, -1):
                while len(o.text_lines) > 1 and rating_line(self.lines[o.text_lines[end]].clean):
                    self.roles[o.text_lines.pop(end)] = (LineRole.COMMENT_META, o.comment_id)

    def _drop_subjects(self) -> None:
        """Where nearly every comment opens with a short title line set apart from its text (Drupal's subject,
        printed as plain text by w3m and inscriptis), those lines are the comments' titles, not text; so is
        a first line 'Re: SUBJECT' that opens two or more comments (a forum's, as phpBB prints it)."""
        titled = [o for o in self.opened if self._titled(o)]
        with_text = [o for o in self.opened if o.text_lines]
        if len(titled) < SUBJECT_MIN_COMMENTS or len(titled) < SUBJECT_SHARE * len(with_text):
            firsts = {o.comment_id: self.lines[o.text_lines[0]].clean for o in with_text if len(o.text_lines) > 1}
            replies = Counter(first for first in firsts.values() if SUBJECT_LINE.match(first))
            titled = [o for o in with_text if replies[firsts.get(o.comment_id, "")] >= 2]
        for o in titled:
            first = o.text_lines.pop(0)
            self.roles[first] = (LineRole.COMMENT_META, o.comment_id)

    def _drop_next_subjects(self) -> None:
        """Where nearly every comment with buttons (reply, report, like) has a short line after its last
        button (LWN.net's subject line over the next comment's header, as lynx and w3m print it), those
        lines are the next comments' titles, not text."""
        buttons = self._last_buttons()
        tails: dict[str, list[int]] = {}
        for o in self.opened:
            tail = [i for i in o.text_lines if i > buttons.get(o.comment_id, len(self.lines))]
            if tail and len(tail) < len(o.text_lines) and sum(
                    len(self.lines[i].clean.split()) for i in tail) <= _SUBJECT_WORDS:
                tails[o.comment_id] = tail
        followed = sum(o.comment_id in buttons for o in self.opened[:-1])  # (the last one has no next)
        if len(tails) < SUBJECT_MIN_COMMENTS or len(tails) < SUBJECT_SHARE * followed:
            return
        for o in self.opened:
            for i in tails.get(o.comment_id, []):
                o.text_lines.remove(i)
                self.roles[i] = (LineRole.COMMENT_META, o.comment_id)

    def _last_buttons(self) -> dict[str, int]:
        """Each comment's last line of buttons (reply, report, like), by comment id."""
        buttons: dict[str, int] = {}
        for i, (_, owner) in self.roles.items():
            if owner is not None and self.lines[i].meta in BUTTON_META:
                buttons[owner] = max(i, buttons.get(owner, -1))
        return buttons

    def _drop_repeated_tails(self) -> None:
        """Lines under a comment's last button that stand the same under `REPEATED_TAILS` comments or more
        are the page's, not a reader's: a reply form printed under each comment that can be answered
        ('Reply to this post' / 'Post your comments 2500 character limit.' / 'Screen Name[   ]'). Only
        buttons under some of the comment's text count: a header's buttons stand over all of it."""
        buttons = self._last_buttons()
        tails: dict[str, list[int]] = {}
        for o in self.opened:
            last = buttons.get(o.comment_id)
            if last is not None and o.text_lines and o.text_lines[0] < last:
                tails[o.comment_id] = [i for i in o.text_lines if i > last]
        counts = Counter(text for lines in tails.values() for text in {self.lines[i].clean for i in lines})
        repeated = {text for text, n in counts.items() if n >= REPEATED_TAILS}
        if not repeated:
            return
        for o in self.opened:
            for i in [i for i in tails.get(o.comment_id, []) if self.lines[i].clean in repeated]:
                o.text_lines.remove(i)
                self.roles[i] = (LineRole.BOILERPLATE, None)

    def _titled(self, o: _Open) -> bool:
        if len(o.text_lines) < 2 or o.head.text_on_marker:
            return False
        first = self.lines[o.text_lines[0]]
        words = first.clean.split()
        return (o.text_lines[1] > o.text_lines[0] + 1 and 0 < len(words) <= SUBJECT_MAX_WORDS
                and not first.clean.endswith(tuple(".!?:,;…)\"'“”»")))  # fmt: skip

    def _freeze(self, o: _Open) -> Comment:
        """The comment's lines as one Comment; on a wrapped page (`wraps`), a paragraph's wrapped
        lines are joined into one line of its text."""
        parts = []
        header = self.lines[o.head.last_header]
        for n, i in enumerate(o.text_lines):
            line = self.lines[i]
            if n:
                previous = o.text_lines[n - 1]
                adjacent = previous == i - 1  # no blank line between: the same paragraph, if wrapped
                parts.append(joiner_above(self.lines, i, self.width) if adjacent and self.width else "\n")
            # the text as the next item of a header printed as a list ('* Ann' / '* DATE' / '* Text')
            item = (i == o.text_lines[0] and header.marker is not None and line.indent == header.indent
                    and line.text.split(maxsplit=1)[0] == header.text.split(maxsplit=1)[0])  # fmt: skip
            if i == o.head.index and line.inline_text:
                parts.append(line.inline_text)  # (a list item's header with the text on its line: the text)
            elif item:
                parts.append(line.item_text)
            else:
                parts.append(line.plain if i == o.head.index else line.clean)
        end = o.text_lines[-1] if o.text_lines else o.head.last_header
        return Comment(
            comment_id=o.comment_id,
            parent_id=o.parent_id,
            depth=o.depth,
            position=o.position,
            author=o.head.author,
            text="".join(parts),
            line_start=self.lines[o.head.index].number,
            line_end=self.lines[end].number,
        )


def _set_off(line: Line, intro: Line) -> bool:
    """Whether a line under a quote's intro is quoted: indented deeper, or a Markdown quote ('> ')."""
    return line.indent > intro.indent or line.text.startswith(">")


def _signs(head: Head, i: int) -> bool:
    """Whether line `i` is a line of the footer that signs off `head`'s text."""
    return head.footer is not None and head.footer <= i <= (head.footer_end or head.footer)


def _common_start(a: list[str], b: list[str]) -> int:
    """How many items the two lists share from their start."""
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n
