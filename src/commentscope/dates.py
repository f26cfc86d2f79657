"""Dates as pages print them, read one way for HTML comments and text dumps.

Month names are data (`[months]` in `data/page_patterns.toml`, via `patterns.month_numbers`).
Forms read: ISO 8601 (`2019-08-03T04:11:57+00:00`), day-month-year (`10. März 2017`,
`3 de mayo de 2019`), month-day-year (`August 3, 2019`), numeric day first with dots
(`14. 01. 2020`), and numeric with slashes or dashes, which may be either order: `3/4/2020` is read only
when the order is known (a rule says so, or the page's own slash dates show it: `13/4/2020` is day
first, `4/13/2020` month first); `13/4/2020` alone decides itself. A two-digit year (`01/13/08`) is
read only with slashes and a clock time after it (`01/13/08 at 12:02PM`), or with a month name and
a clock time before or after it (`9:35am Wed 9 Jan 08`, `Jan 17, 08 at 03:13 PM`): 2000-2069 or
1970-1999. A time after the date (`at 4:11 pm`, `um 18:07 Uhr`, `// 12:56`) is kept to the minute.
Relative dates ("3 days ago", "vor 2 Stunden") are not dates: without the page's own date they
cannot be placed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from commentscope.patterns import month_numbers, shared_word

Moment = tuple[int, int, int, int | None, int | None]  # year, month, day, hour, minute (time may be unknown)
Order = Literal["day", "month"]  # how a numeric date with slashes is read: 3/4 is 3 April, or March 4
SEARCH_CHARS = 400  # a header zone longer than this is cut: bounded work per comment

_ISO, _YEAR_FIRST, _DAY_MONTH, _MONTH_DAY, _DOTS, _SLASHES, _SHORT_YEAR = (
    "iso", "year-first", "day-month", "month-day", "dots", "slashes", "short-year",
)  # fmt: skip
_DAY_MONTH_YY, _MONTH_DAY_YY = "day-month-yy", "month-day-yy"  # a named month, a two-digit year and a clock time
_DOTS_YY = "dots-yy"  # a day-first date with dots and a two-digit year, and a clock time
_CLOCK_BEFORE = re.compile(  # '9:35am Wed ' before a date
    r"(?<!\d)(\d{1,2})[:.](\d{2})\s*(?:([ap])\.?\s?m\b\.?)?[\s,]*(?:[^\W\d]{2,9}\.?,?\s+)?$", re.I
)
_CENTURY_PIVOT = 70  # a two-digit year below this is in the 2000s ('08'), from it in the 1900s ('98')
_TIME = re.compile(r"^\D{0,12}?(?<!\d)(\d{1,2})[:.h](\d{2})(?!\d)(?::\d{2})?(?:\s*([ap])\.?\s?m\b\.?)?", re.I)
_RELATIVE_DAY = r"yesterday|today|just now|gestern|heute|gerade eben|aujourd.hui|ayer|hoy"


@cache
def _month_names() -> str:
    """Every month name the tables know as one alternation, the longest first ('june' before 'jun')."""
    return "|".join(sorted((re.escape(m) for m in month_numbers()), key=len, reverse=True))


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, pattern), in the order the HTML reader prefers them."""
    month = _month_names()
    return (
        # '2020-01-14', '2019-08-03T04:11:57+00:00'
        (_ISO, re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)(?:[T ](?P<H>\d{2}):(?P<M>\d{2})"
                          r"(?P<rest>:\d{2}(?:\.\d+)?)?(?P<tz>Z|[+-]\d{2}:?\d{2})?)?")),
        # '2013/12/28', '2013.12.28' (East Asian sites): year first is never ambiguous; not in a path
        # ('/2013/12/28/slug' is a blog address)
        (_YEAR_FIRST, re.compile(r"(?<![\d/.])(?P<y>\d{4})(?P<sep>[/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
                                 r"(?![\d/.])")),
        # '10. März 2017', '26 abril 2022', '3 de mayo de 2019', '13 Dezember, 2015', '1st of May 2020'
        (_DAY_MONTH, re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|\.|º)?\s+(?:de\s+|of\s+)?"
                                rf"(?P<mon>{month})\.?,?\s+(?:de\s+)?(?P<y>\d{{4}})", re.I)),
        # 'March 10, 2017', 'Juli 30, 2013', 'Sep 18, 2020'
        (_MONTH_DAY, re.compile(rf"(?<![\w.])(?P<mon>{month})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th|\.)?,?\s+"
                                rf"(?P<y>\d{{4}})", re.I)),
        # '14. 01. 2020', '06.01.2020', '17.07, 2011': day first
        (_DOTS, re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})(?:\.\s?|,\s)(?P<y>\d{4})(?!\d)")),
        # '3/4/2020', '15-10-2015': either order
        (_SLASHES, re.compile(r"(?<![\d/-])(?P<d>\d{1,2})(?P<sep>[/-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d-])")),
        # '9:35am Wed 9 Jan 08', 'Thu, Jan 17, 08 at 03:13 PM': a named month and a two-digit year, read
        # only with a clock time right before or after it ('March 5, 10 of them' is no date)
        (_DAY_MONTH_YY, re.compile(rf"(?<![\w.])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{month})\.?,?\s+'?"
                                   rf"(?P<y>\d{{2}})(?![\d:./])", re.I)),
        (_MONTH_DAY_YY, re.compile(rf"(?<![\w.])(?P<mon>{month})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+'?"
                                   rf"(?P<y>\d{{2}})(?![\d:./])", re.I)),
        # '01/13/08 at 12:02PM', '1/8/08 5:49 PM': a two-digit year, either order, and only with a clock
        # time right after it (alone, '1/2/08' may be a fraction, a score or a version)
        (_SHORT_YEAR, re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{2})(?![\d/])"
                                 r"(?=,?\s*(?:at\s+|@\s*|-\s*)?\d{1,2}:\d{2}(?!\d))")),
        # '10.11.15 18:00 UTC' (mwForum), '03.06.21, 10:27 Uhr': day first, as with a four-digit year, and only
        # with a clock time right after it
        (_DOTS_YY, re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{2})(?![\d.])"
                              r"(?=,?\s*(?:at\s+|um\s+|@\s*|-\s*)?\d{1,2}:\d{2}(?!\d))")),
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class DateHit:
    """One date found in a text: where, what kind of form, and the point in time it names."""

    start: int
    end: int
    kind: str
    moment: Moment
    suffix: str = ""  # an ISO input's seconds and zone, kept as given

    def iso(self) -> str:
        """ISO 8601: the date, with the time to the minute when the page gives one."""
        out = moment_iso(self.moment)
        return out + self.suffix if self.moment[3] is not None else out


def slash_order(texts: Iterable[str]) -> Order | None:
    """The order a page's slash dates are in, when they show it: a first number over 12 is a day, a
    second over 12 is a day too. None when none shows it, or when they disagree."""
    seen: set[Order] = set()
    either = [pattern for kind, pattern in _patterns() if kind in (_SLASHES, _SHORT_YEAR)]
    for text in texts:
        for m in (m for pattern in either for m in pattern.finditer(text)):
            first, second = int(m["d"]), int(m["m"])
            if first > 12 >= second:
                seen.add("day")
            elif second > 12 >= first:
                seen.add("month")
    return seen.pop() if len(seen) == 1 else None


def find_dates(text: str, order: Order | None = None) -> list[DateHit]:
    """Every date in `text`, leftmost first; slash dates only where `order` (or the date itself) says
    which number is the day."""
    hits: list[DateHit] = []
    for kind, pattern in _patterns():
        for m in pattern.finditer(text):
            hit = _hit(kind, m, text, order)
            if hit is not None:
                hits.append(hit)
    return sorted(hits, key=lambda h: h.start)


def _hit(kind: str, m: re.Match[str], text: str, order: Order | None) -> DateHit | None:
    parts = m.groupdict()
    month = month_numbers()[parts["mon"].casefold()] if parts.get("mon") else int(parts["m"])
    day, year = int(parts["d"]), int(parts["y"])
    clock_before, window = None, max(m.start() - 24, 0)
    if kind in (_DAY_MONTH_YY, _MONTH_DAY_YY):
        clock_before = _CLOCK_BEFORE.search(text[window : m.start()])
        if clock_before is None and _TIME.match(text[m.end() :]) is None:
            return None
    if kind in (_SHORT_YEAR, _DAY_MONTH_YY, _MONTH_DAY_YY, _DOTS_YY):
        year += 2000 if year < _CENTURY_PIVOT else 1900
    if kind in (_SLASHES, _SHORT_YEAR) and day != month:
        if day <= 12 and month <= 12:
            if order is None:
                return None  # '3/4/2020' may be either order
            if order == "month":
                day, month = month, day
        elif month > 12:
            day, month = month, day  # '4/13/2020' can only be month first
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if parts.get("H"):  # an ISO date's own time
        hour, minute = int(parts["H"]), int(parts["M"])
        if hour < 24 and minute < 60:
            suffix = (parts.get("rest") or "") + (parts.get("tz") or "")
            return DateHit(m.start(), m.end(), kind, (year, month, day, hour, minute), suffix)
        return DateHit(m.start(), m.end(), kind, (year, month, day, None, None))
    if clock_before is not None:  # '9:35am Wed 9 Jan 08'
        clock = _hour(clock_before.group(1), clock_before.group(2), clock_before.group(3))
        return DateHit(window + clock_before.start(), m.end(), kind, (year, month, day, *clock))
    return DateHit(m.start(), m.end(), kind, (year, month, day, *_clock(text[m.end() :])))


def _clock(after: str) -> tuple[int, int] | tuple[None, None]:
    """The time right after a date (`, 4:11 pm`, ` um 18:07`), to the minute."""
    clock = _TIME.match(after)
    if clock is None:
        return None, None
    return _hour(clock.group(1), clock.group(2), clock.group(3))


def _hour(hours: str, minutes: str, half: str | None) -> tuple[int, int] | tuple[None, None]:
    """A clock time to the minute, 24-hour ('4', '11', 'p': 16:11)."""
    hour, minute = int(hours), int(minutes)
    if (half or "").lower() == "p" and hour < 12:
        hour += 12
    elif (half or "").lower() == "a" and hour == 12:
        hour = 0
    return (hour, minute) if hour < 24 and minute < 60 else (None, None)


def find_moment(text: str, *, last: bool = False, order: Order | None = None) -> Moment | None:
    """The first date in a header's text (or the last: the one nearest the text below it, past a forum
    user block's 'member since DATE'), with the time after it when one is given."""
    text = text[-SEARCH_CHARS:] if last else text[:SEARCH_CHARS]
    hits = find_dates(text, order)
    if not hits:
        return None
    return (max(hits, key=lambda h: h.start) if last else hits[0]).moment


def to_iso(raw: str | None, order: Order | None = None) -> str | None:
    """A date as a page prints it (or a `datetime` attribute) in ISO 8601; None when none is found.
    The forms are tried in turn (ISO first), the first one found wins."""
    if not raw:
        return None
    hits = find_dates(" ".join(raw.split()), order)
    if not hits:
        return None
    rank = {kind: n for n, (kind, _) in enumerate(_patterns())}
    return min(hits, key=lambda h: (rank[h.kind], h.start)).iso()


def moment_iso(moment: Moment) -> str:
    """A moment in ISO 8601: the date, with the time to the minute when it is known."""
    year, month, day, hour, minute = moment
    out = f"{year:04d}-{month:02d}-{day:02d}"
    return out if hour is None or minute is None else f"{out}T{hour:02d}:{minute:02d}"


def date_span(text: str, order: Order | None = None) -> tuple[int, int] | None:
    """Where the first date in `text` starts and ends (to cut a date out of an author line)."""
    hits = find_dates(text, order)
    return (hits[0].start, hits[0].end) if hits else None


@cache
def _relative() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{shared_word('relative')}|{_RELATIVE_DAY})(?!\w)", re.I)


@cache
def _yearless() -> re.Pattern[str]:
    month = _month_names()
    day_month = (rf"(?:(?:{month})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th|\.)?\s+(?:of\s+)?"
                 rf"(?:{month})\.?)")
    return re.compile(rf"(?:(?:{shared_word('weekday')})\.?,?\s+)?{day_month},?{shared_word('clock')}", re.I)


def yearless_stamp(text: str) -> bool:
    """Whether a short text is a day and month with a clock time and nothing else ('January  7 17:00',
    'Mon 7 Jan, 5:00 pm'): a comment's time stamp with no year, so no date to read, but a record's
    stamp all the same."""
    return _yearless().fullmatch(" ".join(text.split()).rstrip(" .")) is not None


STAMP_CHARS = 80  # a stamp and its clock time fit in this ('Wednesday, September 30th, 2019 at 12:05 am')
_CLOCK_SEEN = re.compile(r"\d[:.h]\d\d")
STAMP_TAIL = re.compile(r"^\s*(?:uhr\b|h\b)?[\s,.:|·•–-]*", re.I)  # what may stand between a stamp and the text


def leading_stamp(text: str, order: Order | None = None) -> tuple[Moment, int] | None:
    """A date with its clock time that opens a text, and where the words after it start: a comment's
    date that a converter wrapped into the first line of its text ('August 31st, 2010 at 4:46 am Udi,
    if I may ...', html2text joining a WordPress theme's date and paragraph). None when the text does
    not open so, when the date has no time (a date alone may start a sentence) or nothing follows."""
    head = text[:STAMP_CHARS]
    if _CLOCK_SEEN.search(head) is None:  # (most texts: no clock time near their start, no date looked for)
        return None
    hits = find_dates(head, order)
    if not hits or hits[0].start != 0 or hits[0].moment[3] is None:
        return None
    clock = _TIME.match(head[hits[0].end :])
    if clock is None:  # (the clock stood before the date)
        return None
    end = hits[0].end + clock.end()
    end += STAMP_TAIL.match(text[end:]).end()  # type: ignore[union-attr]  # (it matches the empty string)
    return (hits[0].moment, end) if text[end:].strip() else None


def relative_span(text: str) -> tuple[int, int] | None:
    """Where the first relative date in `text` starts and ends ('TonyZ (6 days ago)')."""
    found = _relative().search(text[:SEARCH_CHARS])
    return found.span() if found else None


def relative_date(text: str) -> bool:
    """Whether `text` gives a time relative to the day the page was saved ('3 days ago', 'gestern')."""
    return _relative().search(text[:SEARCH_CHARS]) is not None
