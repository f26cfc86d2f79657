"""A comment's author and date, read from the elements a rule names inside its comment element.

An author element often holds more than the name ('Ann says:', 'Posted by Ann', 'Ann | Di, 21.
April 2020'): the name alone is kept. A date is read from an element's attributes (an epoch,
`datetime`, `title`) or its text; slash dates in the order the page's own dates show. A comment
with a date but no author element takes the name printed just before the date. The elements the
author and date came from are no part of the comment's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from selectolax.lexbor import LexborNode

from commentscope.dates import Order, date_span, relative_span, slash_order, to_iso
from commentscope.patterns import UNVERIFIED, shared_word
from commentscope.readers.html_ownership import RulePage
from commentscope.readers.html_rules import Rule
from commentscope.readers.html_text import inline_text

AUTHOR_TAIL_RE = re.compile(
    rf"(?:\s+|^)(?:\((?:{UNVERIFIED})\)|says|sagt|schreibt|meint|dit|a dit|dice|dijo|disse"
    r"|ha detto|zegt|wrote|said|commented|author|autor|autorin|admin|moderator|mod|staff|post author|gast|guest)"
    r"\s*(?::|\.{1,3}|…)?"
    r"\s*$",
    re.I,
)
# 'Ann — 17.07, 2011 @ 13:04' (WordPress Classic's 'Comment by NAME — DATE @ TIME'): a numeric tail
# a numeric date no reading gives (month first with dots: 'on 5.25.2014') after a name, with its separator or lead-in
AUTHOR_NUMERIC_DATE_RE = re.compile(
    r"\s+(?:[—–|·•]|on|am|le|el|op|il|at)\s*[\d\s.,/:@]*\d{4}[\d\s.,/:@]*(?:[ap]\.?m\.?|uhr|h)?\s*$", re.I)
# 'Ali from alimargo.com': a theme prints the commenter's website after the name
AUTHOR_SITE_TAIL_RE = re.compile(r"\s+from\s+\S+\.[a-z]{2,}/?$", re.I)
# 'Submitted by', 'Verfasst von': the words of a byline that leads a name
BYLINE_VERBS = "submitted|posted|written|geschrieben|publié|soumis|envoyé|enviado|escrito|inviato|scritto"
BY_WORD = r"(?:von|by|par|por|di|da|door)"
# a comment's or an answer's label before its author's name: 'Kommentar von', 'Commento di', 'Risposta di'
LABEL_NOUNS = ("comment|kommentar|commento|commentaire|comentario|comentário|reactie|reply|answer|antwort|risposta"
               "|réponse|respuesta|resposta")
AUTHOR_HEAD_RE = re.compile(rf"^(?:(?:{LABEL_NOUNS}|{BYLINE_VERBS})\s+)?{BY_WORD}(?:\s*:)?\s+(?=\S)", re.I)
PRINTED_TAG_RE = re.compile(r"</?[a-z][a-z0-9]*\s*/?>", re.I)  # a tag the page prints as text ('<span>Ann</span>')
BYLINE_RE = re.compile(rf"^\s*(?:{BYLINE_VERBS})\s+{BY_WORD}\b", re.I)  # a byline that names and dates the comment
NAME_SEPARATOR_RE = re.compile(r"^\S.{0,60}\s[·•|–—-]$")  # 'keepingsanity ·' before a date
BYLINE_WORDS = 5  # a byline's words around its name: 'Posted by:', ', Leeds', 'on'
EPOCH_ATTRS = ("data-comment-timestamp", "data-timestamp", "data-time")
PROSE_TAGS = frozenset({"p", "blockquote", "li", "ul", "ol", "dl", "table", "pre", "img", "br", "hr"})  # no name
NAME_TAGS = frozenset({"span", "a", "strong", "b", "cite", "em"})  # an element a byline names its author in
# 'Reply #1', 'Beitrag #12', '#3': a post's number, printed where a name may stand (a member number after a
# name of two words or more is part of it: 'Desert Pete SASS #42168')
COUNTED = re.compile(r"^\W*(?:\w+\W+)?#\s?\d")
MAX_NAME_WORDS = 5  # a name printed before a date ('POLONISTA Z KRWI I KOŚCI') is a few words


@dataclass(frozen=True)
class CommentMeta:
    """Per comment element (by `mem_id`) its author and its date, and the elements they were read
    from (which are not comment text)."""

    authors: dict[int, str]
    dates: dict[int, str]
    elements: set[int]


def comment_meta(page: RulePage, items: list[LexborNode], skip: set[int]) -> CommentMeta:
    """The authors and dates of a page's comment elements (`items`) as `page.rule` names them;
    `skip`: elements whose text is no author's (the comment elements themselves, what the rule drops)."""
    rule = page.rule
    meta: set[int] = set()
    # (a comment element is not its own author's element, WordPress classes it 'comment-author-NAME',
    # unless its text is in the element paired with it: Blogger's dt 'Ann said...' before the dd)
    own = page.item_ids if not rule.pair else set()
    authors = page.first_values(rule.author, lambda hit: None if hit.mem_id in own else _author_text(hit, skip), meta)
    authors.update(_attribute_values(items, rule.author_attrs))
    date_hits: set[int] = set()
    dates = _dates(page, rule, date_hits)
    meta |= date_hits
    for owner, (name, hit) in _names_before_dates(page, rule, date_hits, authors, skip).items():
        authors[owner] = name
        meta.add(hit)
    if rule.reply_link and len(authors) < len(items):
        authors.update(_reply_link_names(page, rule.reply_link, authors))
    return CommentMeta(authors, dates, meta)


REPLY_LABEL_ATTRS = ("data-replyto", "aria-label")  # WordPress core: sprintf(__('Reply to %s'), NAME)


def _reply_link_names(page: RulePage, selector: str, authors: dict[int, str]) -> dict[int, str]:
    """Comments with no author anywhere else: the name in their reply button's label ('Reply to
    Patti', 'Antworte auf Patti', 'Répondre à Patti'). The label's words are those every button of the
    page shares, before and after the name, so no language's wording needs to be known; a page with
    fewer than two differing labels names no one this way."""
    labels: dict[int, str] = {}
    for owner, hit, _ in page.owned([selector]):
        value = next((v for v in (hit.attributes.get(a) for a in REPLY_LABEL_ATTRS) if v and v.strip()), None)
        if value and owner not in labels:
            labels[owner] = " ".join(value.split())
    distinct = sorted(set(labels.values()))
    if len(distinct) < 2:
        return {}
    # (each label padded with a space on the side read, so a button labelled with no name, 'Reply to',
    # shares all its words with the others and names no one)
    head = _shared_start([f"{label} " for label in distinct])
    head = head[: head.rfind(" ") + 1]  # (names that share their first letters: 'Ann', 'Anna')
    tail = _shared_start([f" {label}"[::-1] for label in distinct])[::-1]
    tail = tail[tail.find(" "):] if " " in tail else ""
    found = {}
    for owner, label in labels.items():
        name = label[len(head): len(label) - len(tail)].strip()
        if owner not in authors and 0 < len(name) <= 120 and len(head) + len(tail) < len(label):
            found[owner] = name
    return found


def _shared_start(texts: list[str]) -> str:
    """The characters every text starts with (those the first and the last in sorted order share)."""
    first, last = min(texts), max(texts)
    n = 0
    while n < len(first) and first[n] == last[n]:
        n += 1
    return first[:n]


def _attribute_values(items: list[LexborNode], attrs: tuple[str, ...]) -> dict[int, str]:
    """Authors named by an attribute of the comment element (they win over elements naming one)."""
    found: dict[int, str] = {}
    for item in items:
        value = next((v for v in (item.attributes.get(a) for a in attrs) if v and v.strip()), None)
        if value:
            found[item.mem_id] = " ".join(value.split())
    return found


def _author_text(hit: LexborNode, skip: set[int]) -> str | None:
    if hit.tag == "meta":  # microdata's <meta itemprop="name" content="julian"> (NodeBB) holds it unprinted
        return " ".join((hit.attributes.get("content") or "").split())[:120] or None
    text = PRINTED_TAG_RE.sub("", inline_text(hit, skip, {n.mem_id for n in hit.css("time")}))
    text = _name_after_by(hit, text) or text
    span = date_span(text)
    if span is not None:  # "Name | Di, 21. April 2020", "Par NAME, le mercredi 15 mai": date and lead-in go
        text = _date_lead().sub("", re.sub(r"\s*[|·•]\s*[^|·•]{0,12}$", "", text[: span[0]]))
    elif (ago := relative_span(text)) is not None and text[: ago[0]].strip(" \t(-–—|,:·•"):
        text = _date_lead().sub("", text[: ago[0]].rstrip(" \t(-–—|,:·•"))  # 'TonyZ (6 days ago)'
    text = AUTHOR_SITE_TAIL_RE.sub("", _yearless_date_tail().sub("", text))
    text = AUTHOR_HEAD_RE.sub("", AUTHOR_NUMERIC_DATE_RE.sub("", text).strip(" \t-–—|,:·•@"))
    while AUTHOR_TAIL_RE.search(text) and AUTHOR_TAIL_RE.sub("", text).strip():
        text = AUTHOR_TAIL_RE.sub("", text).strip(" \t-–—|,:·•")
    if not 0 < len(text) <= 120 or COUNTED.search(text) or _button_label().fullmatch(text):
        return None  # a count ("12 comments") or a button's label ("Read more") is no name
    return text


def _name_after_by(hit: LexborNode, text: str) -> str | None:
    """A byline whose name has an element of its own right after 'by', and more after it ('by
    <span>Ann</span> from Ohio on <time>'): that element's text; the rest (where the reviewer is
    from, the date's lead-in) is no part of the name. None for any other byline."""
    head = AUTHOR_HEAD_RE.match(text)
    child = next(hit.iter(), None) if head else None
    if head is None or child is None or child.tag not in NAME_TAGS:
        return None
    name = " ".join(child.text().split())
    rest = text[head.end():]
    return name if name and rest.startswith(name) and rest.strip() != name else None


@cache
def _button_label() -> re.Pattern[str]:
    return re.compile(shared_word("action"), re.I)


@cache
def _yearless_date_tail() -> re.Pattern[str]:
    """A day, month and time with no year after a name ('link78 Le 12/02 à 11:30'): no date to read,
    but no part of the name either."""
    lead, time = shared_word("date_lead"), shared_word("time")
    return re.compile(rf"(?:[\s,]+{lead})?\s+\d{{1,2}}[/.]\d{{1,2}}\.?{time}\s*$", re.I)


@cache
def _date_lead() -> re.Pattern[str]:
    """The words between a name and its date: ', le mercredi', ' on Monday,', ' am'."""
    words = f"{shared_word('date_lead')}|{shared_word('weekday')}"
    return re.compile(rf"(?:[\s,]+(?:{words})\.?)+[\s,]*$", re.I)


def _dates(page: RulePage, rule: Rule, meta: set[int]) -> dict[int, str]:
    """Per comment element its date. Slash dates are month first where the rule says so, else in the
    order the page's own slash dates show (`13/4/2020`), else unread ('3/4/2020' may be either)."""
    if rule.month_first:
        return page.first_values(rule.date, lambda hit: _date_value(hit, "month"), meta)
    seen: list[str] = []
    used: set[int] = set()
    found = page.first_values(rule.date, lambda hit: _date_value(hit, None, seen), used)
    order = slash_order(text for text in seen if "/" in text or "-" in text)
    if order is None:
        meta.update(used)
        return found
    return page.first_values(rule.date, lambda hit: _date_value(hit, order), meta)


def _names_before_dates(
    page: RulePage, rule: Rule, date_hits: set[int], authors: dict[int, str], skip: set[int]
) -> dict[int, tuple[str, int]]:
    """Comments with a date but no author: the name printed just before the date, which themes with
    their own markup put in an element no author selector names ('<h3>Ann</h3><p class=meta>DATE',
    '<span class=MetaBold>Ann</span><span class=date>'). Per comment the name and its element."""
    text_hits = {hit.mem_id for _, hit, _ in page.owned(rule.text)}
    found: dict[int, tuple[str, int]] = {}
    for owner, hit, _ in page.owned(rule.date):
        if hit.mem_id not in date_hits or owner in authors or owner in found:
            continue
        leading = _name_leading(hit, skip)  # '<a>LnxWalt</a> on February 12, 2010 11:32 PM' in one element
        name = _author_text(leading, skip) if leading is not None else None
        if leading is not None and name and len(name.split()) <= MAX_NAME_WORDS:
            found[owner] = (name, leading.mem_id)
            continue
        trailing = _name_after_date(hit, skip)  # 'Posted Sep 21, 2007 20:34 UTC (Fri) by <b>tcoppi</b>'
        name = _author_text(trailing, skip) if trailing is not None else None
        if trailing is not None and name and len(name.split()) <= MAX_NAME_WORDS:
            found[owner] = (name, trailing.mem_id)
            continue
        if BYLINE_RE.match(inline_text(hit, skip)):  # 'Posted by: NAME at DATE' in one element
            name = _author_text(hit, skip)
            if name and len(name.split()) <= MAX_NAME_WORDS and date_span(name) is None:
                found[owner] = (name, hit.mem_id)
            continue
        before = element_before(_permalink_around(hit))
        if before is None and _named_in_parent(hit):  # 'NAME · <span>DATE</span>': the name is the parent's text
            before = hit.parent
        if before is None or before.tag in PROSE_TAGS or before.mem_id in text_hits or page.owner(before) != owner:
            continue
        name = _author_text(before, skip)
        if name and len(name.split()) <= MAX_NAME_WORDS and date_span(name) is None:
            found[owner] = (name, before.mem_id)
    return found


def _name_leading(date: LexborNode, skip: set[int]) -> LexborNode | None:
    """The element a date element opens with when it holds the name, the date after it with at most a
    lead word between ('<a>LnxWalt</a> on February 12, 2010 11:32 PM': TypePad's comment footer)."""
    first = date.child
    while first is not None and first.tag in ("-text", "-comment") and not (first.text_content or "").strip():
        first = first.next
    if first is None or first.tag in ("-text", "-comment", "time") or first.attributes.get("datetime"):
        return None
    name, text = " ".join(first.text(separator=" ").split()), inline_text(date, skip)
    if not name or not text.startswith(name):
        return None
    tail = text[len(name):]
    span = date_span(tail)
    if span is None or date_span(name) is not None:
        return None
    lead = tail[: span[0]]
    return first if not lead.strip() or _date_lead().fullmatch(lead) else None


_BY_BEFORE_NAME = re.compile(r"\b(?:by|von|par|por|door|di)\s*$", re.I)
AFTER_DATE_CHARS = 24  # between a date and 'by NAME' after it: its zone and weekday ('UTC (Fri) by ')


def _name_after_date(date: LexborNode, skip: set[int]) -> LexborNode | None:
    """The element of a date element that names the author after the date and 'by' ('Posted Sep 21, 2007
    20:34 UTC (Fri) by <b>tcoppi</b> (guest, #44423)', LWN's comment header), with at most its zone and
    weekday between; else None."""
    text = inline_text(date, skip)
    span = date_span(text)
    if span is None:
        return None
    child = date.child
    while child is not None:
        if child.tag in NAME_TAGS:
            name = " ".join(child.text(separator=" ").split())
            at = text.find(name, span[1]) if name else -1
            if at >= 0:
                gap = text[span[1]:at]
                found = len(gap) <= AFTER_DATE_CHARS and _BY_BEFORE_NAME.search(gap) and date_span(name) is None
                return child if found else None
        child = child.next
    return None


def _permalink_around(date: LexborNode) -> LexborNode:
    """The link a date is all of ('<strong>Carrie</strong> — <a href="#comment-494218"><time>…</time></a>':
    the name stands before the link), else the date."""
    link = date.parent
    if link is None or link.tag != "a" or element_before(date) is not None:
        return date
    after = date.next
    while after is not None and after.tag in ("-text", "-comment") and not (after.text_content or "").strip():
        after = after.next
    return link if after is None else date


def _named_in_parent(date: LexborNode) -> bool:
    """Whether a date element is the last element of a small parent whose own text before it is a
    name and a separator ('keepingsanity · <span>03/03/2026 19:49</span>'), or a byline ('Posted by:
    Ann, Leeds on <span>DATE</span>')."""
    parent, before, after = date.parent, date.prev, date.next
    trailing = after is not None and (after.tag != "-text" or bool((after.text_content or "").strip()))
    if parent is None or before is None or before.tag != "-text" or trailing:
        return False
    name = (before.text_content or "").strip()
    if BYLINE_RE.match(name):  # ('Posted by', a place, 'on' around the name)
        return len(name.split()) <= MAX_NAME_WORDS + BYLINE_WORDS
    return bool(NAME_SEPARATOR_RE.search(name)) and len(name.split()) <= MAX_NAME_WORDS + 1


def element_before(node: LexborNode) -> LexborNode | None:
    """The element just before `node` among its siblings, past blank text and HTML comments."""
    sibling = node.prev
    while sibling is not None and sibling.tag in ("-text", "-comment"):
        if sibling.tag == "-text" and (sibling.text_content or "").strip(" \t\r\n\xa0|·•,-–—"):
            return None
        sibling = sibling.prev
    return sibling


def _date_value(hit: LexborNode, order: Order | None, seen: list[str] | None = None) -> str | None:
    attrs = hit.attributes
    for name in EPOCH_ATTRS:
        value = (attrs.get(name) or "").strip()
        if value.isdigit() and 9 <= len(value) <= 10:  # seconds since 1970 (Drupal)
            return datetime.fromtimestamp(int(value), UTC).isoformat().replace("+00:00", "Z")
    # data-tippy-content: a tooltip's text (Lemmy prints '1 year ago' under the whole date);
    # data-livestamp: the time livestamp.js turns into '3 days ago' (BuddyPress)
    for name in ("datetime", "content", "title", "data-tippy-content", "data-livestamp", ""):
        text = attrs.get(name) if name else inline_text(hit)
        if seen is not None and text:
            seen.append(text)
        found = to_iso(text, order)
        if found:
            return found if name or _same_apart(hit, found, order) else None
    return None


def _same_apart(hit: LexborNode, found: str, order: Order | None) -> bool:
    """Whether a date read from an element's text reads the same with its parts apart: spans printed
    side by side glue ('<span>28.09.19</span><span>13:39</span>' reads '28.09.1913:39', the year 1913),
    and a date that the element boundaries change is no date to trust."""
    if hit.css_first("*") is None:
        return True
    return to_iso(" ".join(hit.text(separator=" ").split()), order) == found
