"""One date reader for HTML comments and text dumps (`dates.py`)."""

from __future__ import annotations

import pytest

from commentscope.dates import (
    Moment,
    find_moment,
    leading_stamp,
    relative_date,
    slash_order,
    to_iso,
    yearless_stamp,
)
from commentscope.parse import parse_text

MOMENTS = {
    "english-am-pm": ("Ann · May 4, 2021 at 12:05 AM", None, (2021, 5, 4, 0, 5)),
    "english-pm": ("Bob says: Sep 30, 2019 at 7:41 pm", None, (2019, 9, 30, 19, 41)),
    "seconds-then-pm": ("Sep 30, 2019 7:41:08 pm", None, (2019, 9, 30, 19, 41)),
    "german-um": ("Cleo 2. März 2020 um 18:07 Uhr", None, (2020, 3, 2, 18, 7)),
    "german-ascii-month": ("Cleo 2. Maerz 2020", None, (2020, 3, 2, None, None)),
    "numeric-spaced": ("Dan 03. 02. 2018, 09:15", None, (2018, 2, 3, 9, 15)),
    "numeric-comma-year": ("Comment by Dan — 17.07, 2011 @ 13:04", None, (2011, 7, 17, 13, 4)),
    "spanish-de": ("Eva 7 de octubre de 2016 a las 10:02", None, (2016, 10, 7, 10, 2)),
    "iso": ("2015-11-23 08:30", None, (2015, 11, 23, 8, 30)),
    "day-only": ("Fred, 12. Januar 2017", None, (2017, 1, 12, None, None)),
    "slashes-are-either-order": ("Gil 3/4/2020 10:00", None, None),
    "slashes-day-first-page": ("Gil 3/4/2020 10:00", "day", (2020, 4, 3, 10, 0)),
    "slashes-month-first-page": ("Gil 3/4/2020 10:00", "month", (2020, 3, 4, 10, 0)),
    "slashes-decide-themselves": ("Gil 13/4/2020", None, (2020, 4, 13, None, None)),
    "slashes-month-first-itself": ("Gil 4/13/2020", "day", (2020, 4, 13, None, None)),
    "same-day-and-month": ("Gil 4/4/2020", None, (2020, 4, 4, None, None)),
    "no-date": ("Hana says:", None, None),
    "no-month-thirteen": ("Ida 14.13.2019", None, None),
    "dots-two-digit-year-and-time": ("By Jo [gb] Date 10.11.15 18:00 UTC", None, (2015, 11, 10, 18, 0)),
    "dots-two-digit-year-alone": ("Jo 10.11.15", None, None),
    "dots-two-digit-version": ("Jo v1.2.15 is out", None, None),
}


@pytest.mark.parametrize(("text", "order", "expected"), MOMENTS.values(), ids=MOMENTS.keys())
def test_find_moment_reads_a_headers_date(text: str, order: str | None, expected: Moment | None) -> None:
    assert find_moment(text, order=order) == expected  # type: ignore[arg-type]


ISO = {
    "english-time": ("August 3, 2019 at 4:11 pm", False, "2019-08-03T16:11"),
    "german-time": ("10. Februar 2019 um 18:05", False, "2019-02-10T18:05"),
    "drupal-month-first": ("03/19/2014 - 15:04", True, "2014-03-19T15:04"),
    "drupal-ambiguous": ("03/04/2014 - 15:04", True, "2014-03-04T15:04"),
    "ambiguous-unread": ("03/04/2014 - 15:04", False, None),
    "attribute-keeps-zone": ("2019-08-03T04:11:57+00:00", True, "2019-08-03T04:11:57+00:00"),
    "iso-wins-over-printed": ("3. Mai 2019 (2019-05-04T10:00Z)", False, "2019-05-04T10:00Z"),
    "relative": ("3 years ago", False, None),
    "year-first-slashes": ("於 2013/12/28 10:28", False, "2013-12-28T10:28"),
    "year-first-dots": ("2013.1.5", False, "2013-01-05"),
    "year-first-not-a-month": ("2013/13/05", False, None),
    "blog-address-is-no-date": ("https://blog.example.org/2013/12/28/kefir/", False, None),
    "version-is-no-date": ("v2019.1.2.3", False, None),
    "dashes-decide-themselves": ("15-10-2015 13:16", False, "2015-10-15T13:16"),
    "dashes-are-either-order": ("03-04-2015", False, None),
    "dashes-in-a-longer-number": ("030-12-2015-7", False, None),
    "slovak-genitive-and-o": ("15. októbra 2015 o 13:16", False, "2015-10-15T13:16"),
    "polish-genitive": ("13 lutego 2022", False, "2022-02-13"),
    "czech-genitive": ("3. května 2020", False, "2020-05-03"),
    "turkish": ("28 Eylül 2021 22:32", False, "2021-09-28T22:32"),
    "danish-kl": ("10. februar 2021 kl. 11:55", False, "2021-02-10T11:55"),
    "two-digit-year-with-time": ("03/27/09 at 9:41PM", False, "2009-03-27T21:41"),
    "two-digit-year-day-first": ("27/03/09 21:41", False, "2009-03-27T21:41"),
    "two-digit-year-either-order": ("03/04/09 21:41", True, "2009-03-04T21:41"),
    "two-digit-year-unread-order": ("03/04/09 21:41", False, None),
    "two-digit-year-last-century": ("11/30/98 08:15", False, "1998-11-30T08:15"),
    "two-digit-year-alone-is-no-date": ("03/27/09", False, None),
    "a-score-is-no-date": ("won 3/1/2 on penalties", False, None),
    "named-month-two-digit-year-time-before": ("11:05pm Sat 23 Feb 08", False, "2008-02-23T23:05"),
    "named-month-two-digit-year-time-after": ("Fri, Feb 22, 08 at 07:45 AM", False, "2008-02-22T07:45"),
    "named-month-two-digit-number-is-no-year": ("On March 5, 12 of us met", False, None),
    "named-month-two-digit-year-alone": ("23 Feb 08", False, None),
}


@pytest.mark.parametrize(("raw", "month_first", "expected"), ISO.values(), ids=ISO.keys())
def test_to_iso(raw: str, month_first: bool, expected: str | None) -> None:
    assert to_iso(raw, "month" if month_first else None) == expected


ORDERS = {
    "day-first": (["12/03/2020", "25/03/2020"], "day"),
    "month-first": (["03/12/2020", "03/25/2020"], "month"),
    "undecided": (["03/04/2020", "05/06/2020"], None),
    "contradicting": (["25/03/2020", "03/25/2020"], None),
    "no-slashes": (["3. März 2020"], None),
    "day-first-dashes": (["12-03-2020", "25-03-2020"], "day"),
    "two-digit-years": (["11/14/09 10:02 AM", "12/01/09 7:15 PM"], "month"),
}


@pytest.mark.parametrize(("texts", "expected"), ORDERS.values(), ids=ORDERS.keys())
def test_slash_order_comes_from_the_pages_other_dates(texts: list[str], expected: str | None) -> None:
    assert slash_order(texts) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Ann • 3 years ago", True), ("vor 2 Stunden", True), ("gestern, 10:15", True),
     ("Ann • March 3, 2019", False), ("Ann says:", False)],
    ids=["english", "german", "yesterday", "absolute", "none"],
)
def test_relative_dates_are_told_apart(text: str, expected: bool) -> None:
    assert relative_date(text) is expected


HEADERS = {
    "minute": ("Ann says:\nMay 4, 2021 at 12:05 pm\nGreat tips, thanks.\n", "2021-05-04T12:05"),
    "day": ("Ann says:\n4. Mai 2021\nDanke für die Tipps.\n", "2021-05-04"),
    "relative": ("Ann says:\n3 days ago\nGreat tips, thanks.\n", None),
    "slash-decided-by-the-page": ("Ann says:\n3/4/2021 10:00\nGreat tips.\n", "2021-04-03T10:00"),
}


@pytest.mark.parametrize(("header", "expected"), HEADERS.values(), ids=HEADERS.keys())
def test_text_comments_get_their_headers_date(header: str, expected: str | None) -> None:
    page = (
        "Growing lemons indoors\n\nA lemon tree needs light, warmth and a big pot to do well inside.\n\n"
        "2 Comments\n\n" + header + "\nBob says:\n25/4/2021 09:30\nMine drops its leaves every January.\n"
    )
    first = parse_text(page).comments[0]
    assert first.author == "Ann"
    assert first.date == expected


@pytest.mark.parametrize(("text", "iso"), [
    ("20 augusti, 2017 at 15:34", "2017-08-20T15:34"),  # Swedish
    ("25 maj, 2021", "2021-05-25"),  # Swedish and Danish
    ("12. marts 2020", "2020-03-12"),  # Danish
    ("1. desember 2019", "2019-12-01"),  # Norwegian
])
def test_nordic_month_names(text: str, iso: str) -> None:
    assert to_iso(text) == iso


@pytest.mark.parametrize(
    ("text", "expected"),
    [("January  7 17:00", True), ("Mon 7 Jan, 5:00 pm", True), ("7. März um 18:07", True),
     ("January 7", False), ("January 7 17:00 GBR", False), ("Jan 7 2008 17:00", False), ("12 Jan 2008", False)],
    ids=["month-day-clock", "weekday-day-month", "german", "no-clock", "more-after", "with-year", "dated"],
)
def test_a_stamp_without_a_year_is_told_but_gives_no_date(text: str, expected: bool) -> None:
    assert yearless_stamp(text) is expected
    assert to_iso(text) is None or "2008" in text


@pytest.mark.parametrize(("text", "moment", "rest"), [
    ("August 31st, 2010 at 4:46 am Udi, if I may, I think", (2010, 8, 31, 4, 46), "Udi, if I may, I think"),
    ("2. März 2020 um 18:07 Uhr Danke für das Rezept!", (2020, 3, 2, 18, 7), "Danke für das Rezept!"),
    ("May 4, 2021 at 12:05 PM - Great post.", (2021, 5, 4, 12, 5), "Great post."),
    ("May 4, 2021 was the day I started.", None, ""),  # a date without a time may open a sentence
    ("On May 4, 2021 at 12:05 PM I started.", None, ""),  # not at the start
    ("May 4, 2021 at 12:05 PM", None, ""),  # a stamp alone: no text after it
])
def test_a_stamp_that_opens_a_text(text: str, moment: Moment | None, rest: str) -> None:
    found = leading_stamp(text)
    assert (found and found[0]) == moment
    if found is not None:
        assert text[found[1]:] == rest


def test_a_comment_whose_date_was_wrapped_into_its_text() -> None:
    """html2text joins a theme's date line with the paragraph under it: the date is the comment's."""
    page = "\n".join([
        "A post", "", "Some article text that is long enough to be an article paragraph here.", "",
        "3 Responses to “A post”", "",
        "  1. Ann Says:  ", "August 31st, 2010 at 4:46 am Udi, if I may, I think you have", "discovered it.", "",
        "  2. Bob Says:  ", "September 1st, 2010 at 8:18 am I agree with Ann on this one.", "",
        "  3. Cleo Says:  ", "September 2nd, 2010 at 9:00 pm Thanks, both of you.", "",
    ])
    doc = parse_text(page)
    assert [(c.author, c.date) for c in doc.comments] == [
        ("Ann", "2010-08-31T04:46"), ("Bob", "2010-09-01T08:18"), ("Cleo", "2010-09-02T21:00")]
    assert [c.text.split()[0] for c in doc.comments] == ["Udi,", "I", "Thanks,"]


@pytest.mark.parametrize(("weekday_date", "iso"), [
    ("giovedì 14 aprile 2022", "2022-04-14"),  # Italian
    ("donderdag 14 april 2022", "2022-04-14"),  # Dutch
    ("quinta-feira, 14 de abril de 2022", "2022-04-14"),  # Portuguese
])
def test_a_date_led_by_its_weekday_in_other_languages_is_no_name(weekday_date: str, iso: str) -> None:
    """The weekday before a date ('giovedì 14 aprile 2022' under the commenter's name) is part of the date:
    no header naming 'giovedì', and the comment is dated."""
    page = ("Bavarese alle fragole\n\nUna torta fresca per l'estate, con fragole e panna.\n\nCOMMENTI2\n\n"
            f"  * m4rz13tt4\n\n{weekday_date}\n\nCiao! Si può usare la gelatina in fogli?\n\n"
            f"  * marinoangelo\n\n{weekday_date}\n\nTorta perfetta, grazie.\n")
    doc = parse_text(page)
    assert [(c.author, c.date) for c in doc.comments] == [("m4rz13tt4", iso), ("marinoangelo", iso)]
