"""The page pattern tables: a pattern's `needs` is a cheap test that never skips a line it matches."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commentscope import markup
from commentscope.literals import Needs
from commentscope.markup import clean, split_lines
from commentscope.patterns import Pattern, could_be_name, month_numbers, page_knowledge, word_trie

ROOT = Path(__file__).resolve().parent.parent
KB = page_knowledge()
TABLES = ("avatars", "roles", "markers", "headers", "meta", "boilerplate", "cta")
WITH_NEEDS = [(name, p) for name in TABLES for p in getattr(KB, name) if p.needs is not None]
# header and metadata lines such as the patterns are written for, and near misses
SAMPLES = (
    "Ann June 13, 2021 at 9:02 AM", "AnnJune 13, 2021 at 9:02 AM", "Herr Ecks28.04.2020, 10:27 Uhr",
    "albert992 03.06.2021", "4711 (deleted)Guest 3. Juni 2021", "Ruby21:00", "Ann · 3 years ago", "Ann • a day ago",
    "Bob on June 3, 2021 at 10:02 said:", "Submitted by Ann on Tue, 06/03/2021 - 10:02", "Ann replied on 3 Jun 2021",
    "Ann Lee | Feb 24, 2006 02:35am | #1", "ann on Dec 27, 2023 | root | parent | next [–]", "parent | next [–]",
    "#12", "Beitrag #12", "3. Juni 2021 #4", "Leserempfehlung 12", "+3", "−2", "Ann | 2021-06-03 | Reply",
    "Ann June", "Ann says:", "I was there on June 3", "# Title",
    "Ann SAYS...", "Ann a répondu :", "Ann ſays:", "Reply", "Reply · Share", "Like Reply", "Antworten", "2 Likes Reply",
    "Leave a Reply Cancel reply", "Ann Antwort abbrechen", "This is not medical advice.", "Get your free ebook now!",
    "Download our free guide", "Sign up for news and updates", "Consult your doctor first.",
    "Bibi Blue Bibi Blue", "Bibi BlueBibi Blue", "Bibi Blue Bibi", "kkiri avatar kkiri 1 year ago",
    "Brewer profile picture | | Butter14 • June 3, 2021", "Brewer's Friend Logo | | Joe • June 3, 2021",
    "https://example.org/a-long-web-address-full-of-words-and-dashes-as-a-blog-prints-it-under-a-post/",
    "Sept. 3, 2021", "Sep 3 2021", "Ann Lee Mittwoch, 3. März 2021", "Ann Lee 3 de septiembre de 2021",
)


def _lines() -> list[str]:
    texts = [SAMPLES]
    for folder in ("seeds", "tests/data"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in {".txt", ".md"}:
                texts.append(tuple(split_lines(path.read_text("utf-8", errors="replace"))))
            elif path.suffix == ".gz":
                texts.append(tuple(split_lines(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))))
    return [line.strip() for lines in texts for line in lines if line.strip()]


LINES = _lines()


def test_some_patterns_have_needs() -> None:
    assert {p.name for _, p in WITH_NEEDS} >= {"name_then_date", "bullet_date", "date", "says", "reply", "disclaimer"}


def test_some_needs_are_literal_strings() -> None:
    """'%SAYS%' is tried as plain strings ('says', 'sagt', ...) before any regex runs."""
    literals: dict[str, object] = {}
    for _, p in WITH_NEEDS:  # (the first pattern of a name: 'date' is the bare date, a byline's comes later)
        literals.setdefault(p.name, p.literals)
    says = literals["says"]
    assert isinstance(says, Needs) and "says" in says.strings
    assert literals["date"] is None  # '\\d' holds no literal


@pytest.mark.parametrize("table", ["headers", "meta", "boilerplate", "cta"])
def test_first_matches_as_every_regex_in_turn(table: str) -> None:
    """One `Probe` per line, shared by a table's patterns, picks what trying each regex picks."""
    patterns = getattr(KB, table)
    for line in LINES:
        expected = next((p for p in patterns if p.regex.match(line)), None)
        assert KB.first(patterns, line) is (expected if len(line) <= KB.max_pattern_line else None)


def test_tables_join_patterns_without_needs() -> None:
    """Stretches of patterns without `needs` run as one alternation; the table's order is kept."""
    for table in (KB.avatars, KB.meta, KB.boilerplate, KB.cta):
        steps = KB.steps[id(table)]
        assert len(steps) < len(table)
        assert [p for s in steps for p in ((s,) if isinstance(s, Pattern) else s.patterns)] == list(table)


def test_without_avatar_cuts_as_the_first_avatar_pattern() -> None:
    for line in LINES:
        m = next((m for p in KB.avatars if (m := p.regex.match(line))), None)
        expected = line[m.end():] if m and len(line) <= KB.max_pattern_line else line
        assert KB.without_avatar(line) == expected


@pytest.mark.parametrize(("table", "pattern"), WITH_NEEDS, ids=[f"{t}:{p.name}" for t, p in WITH_NEEDS])
def test_needs_never_skips_a_match(table: str, pattern: Pattern) -> None:
    matched = [line for line in LINES if pattern.regex.match(line)]
    assert all(pattern.needs is not None and pattern.needs.search(line) for line in matched)
    assert [line for line in LINES if pattern.match(line)] == matched


@given(st.sampled_from(SAMPLES), st.text(alphabet=" .,:·•|-#0123456789aAmMJune", max_size=12))
def test_needs_on_edited_lines(sample: str, tail: str) -> None:
    for line in (sample + tail, tail + sample, sample[: len(tail)] + tail):
        for _, pattern in WITH_NEEDS:
            assert bool(pattern.match(line)) == bool(pattern.regex.match(line))


@pytest.mark.parametrize(("text", "name"), [
    ("Kostenloser Newsletter: Handelsblatt Energie Briefing", False),  # a teaser's label and title
    ("Handelsblatt: Finance Today Newsletter", False),
    ("Release:", False),
    ("Heidemarie Heim", True),
    ("Michaela 29 Diederichs", True),
    ("es_mina", True),
    ("⅓ cups (80ml)", False),  # a recipe's amount: a vulgar fraction is a number too
    ("½ tsp", False),
    ("88181 (Profil gelöscht)", True),  # a deleted account shown by its number
    ("Étape 1", False),  # a recipe's step
    ("Schritt 12:", False),
    ("Stephan 12", True),
    ("#fruits #breakfastsmoothie", False),  # an Instagram post's hashtags over its age, in a feed widget
    ("#eathealthystayhealthy", False),
])
def test_a_label_and_a_title_is_no_name(text: str, name: bool) -> None:
    assert could_be_name(text) is name


@pytest.mark.parametrize("line", [
    "Ann Example (@annexample) 25. September 2018",  # an embedded tweet's closing line, its dash cut
    "Cem Örnek 🐬 (@cem_oernek) November 26, 2018",
    "Ein Beitrag geteilt von Little Years (@littleyears)",  # an embedded Instagram post
])
def test_a_social_post_attribution_names_no_commenter(line: str) -> None:
    assert page_knowledge().header(line) is None
    assert not could_be_name(line[: line.index(")") + 1])  # the name and handle alone


def test_a_bracket_without_a_handle_stays_a_name() -> None:
    assert could_be_name("Ann Example (Berlin)")
    assert page_knowledge().header("Ann Example (Berlin) 25. September 2018") is not None


@pytest.mark.parametrize("line", [
    "Last Updated: December 27, 2024",  # a recipe post's date under its headline
    "Published: 3 May 2021",
    "Aktualisiert: 12.03.2023",
])
def test_a_dates_label_is_no_name(line: str) -> None:
    assert page_knowledge().header(line) is None


def test_a_name_before_a_date_with_a_colon_stays_a_name() -> None:
    header = page_knowledge().header("Ann: December 27, 2024")
    assert header is not None and header.author.rstrip(":") == "Ann"


@pytest.mark.parametrize(("label", "name"), [
    ("Beitrag von lupa", "lupa"),  # a forum's 'post by NAME'
    ("Themenstarter Ann Lee", "Ann Lee"),
    ("Beitragsautor Ann", "Beitragsautor Ann"),  # a role label goes only after the name
])
def test_a_role_label_before_the_name_is_no_part_of_it(label: str, name: str) -> None:
    assert page_knowledge().bare_name(label) == name


@pytest.mark.parametrize(("line", "name"), [
    ("Avatar for Carolyn Carolyn", "Carolyn"),  # the avatar's alt text names the commenter
    ("Avatar for Traci [83]Traci", "[83]Traci"),  # lynx: the name is a link
    ("Avatar for Joanne FaulknerJoanne Faulkner", "Joanne Faulkner"),  # w3m glues the two
    ("Avatar for Ann Lee", "Ann Lee"),  # a name printed once keeps every word
])
def test_an_avatar_that_names_the_commenter_before_the_name(line: str, name: str) -> None:
    assert KB.without_avatar(line) == name


@pytest.mark.parametrize(("line", "kind"), [
    ("Posted on 10/11/24 at Posted on 10/11/24", "date"),  # a theme's time slot printing the date line again
    ("Posted: 7 days ago", "relative_date"),  # wpDiscuz
    ("Posted on 10/11/24 at the lake", None),
])
def test_date_lines_of_recipe_themes(line: str, kind: str | None) -> None:
    assert KB.meta_kind(line) == kind


@pytest.mark.parametrize("line", [
    "Brewer profile picture | | Butter14 • 03/13/2015 at 09:07pm",  # html2text: the picture in a cell of its own
    "| Brewer's Friend Logo | | Joe • 03/13/2015 at 09:07pm",  # the site's logo for a commenter without one
])
def test_a_picture_in_a_table_cell_before_the_name(line: str) -> None:
    assert KB.without_avatar(line).startswith(("Butter14 •", "Joe •"))


def _longest_first(words: list[str]) -> re.Pattern[str]:
    """The alternation the `[words]` lists were written as: every word, the longest first."""
    return re.compile("(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")", re.IGNORECASE)


WORD = st.text(alphabet="abeimnorstäMSÄ", min_size=1, max_size=6)


@given(st.lists(WORD, min_size=1, max_size=12), st.text(alphabet="abeimnorstäMSÄ .", max_size=10))
def test_a_word_trie_matches_as_the_longest_first_alternation(words: list[str], text: str) -> None:
    """Sharing the words' prefixes changes no match: the same words found, the same end."""
    trie = re.compile(word_trie(words), re.IGNORECASE)
    for start in range(len(text) + 1):
        expected, found = _longest_first(words).match(text, start), trie.match(text, start)
        assert (found and found.end()) == (expected and expected.end()), (words, text, start)


def test_the_month_names_as_a_trie() -> None:
    months = sorted(month_numbers())
    trie = re.compile(word_trie(months) + r"\.?\s", re.IGNORECASE)
    alternation = re.compile(_longest_first(months).pattern + r"\.?\s", re.IGNORECASE)
    texts = [f"{m}{tail}" for m in months for tail in (" 3", ". 3", "x 3", "")] + [m.upper() + " 3" for m in months]
    assert all(bool(trie.match(t)) == bool(alternation.match(t)) for t in texts)
    assert len(word_trie(months)) < len(_longest_first(months).pattern)


def _clean_every_decoration(text: str, markdown: bool) -> str:
    """`markup.clean` as it was: every decoration's regex run on every line that may hold one."""
    if not text or len(text) > markup.MAX_CLEAN_CHARS:
        return text
    if markdown:
        text = markup.MD_HEADING.sub("", text)
    if any(ch in text for ch in "[*_(>"):
        for deco in KB.decorations:
            if markdown or not deco.markdown:
                text = deco.regex.sub(deco.replace, text)
    if markdown and "\\" in text:
        text = markup._MD_ESCAPE.sub(r"\1", text)
    return " ".join(text.split())


@pytest.mark.parametrize("markdown", [False, True])
def test_decorations_skipped_by_their_literals_clean_as_every_regex(markdown: bool) -> None:
    """A decoration whose literal strings are not in the line is not run: the line comes out the same."""
    assert all(d.needs is not None for d in KB.decorations)  # (each table entry has a literal)
    for line in LINES:
        assert clean(line, KB.decorations, markdown=markdown) == _clean_every_decoration(line, markdown), line


@pytest.mark.parametrize(("line", "bullet"), [
    ("o Ann says:", True), ("• Ann", True), ("* Ann", True),  # lynx's and inscriptis' 'o', w3m's '•'
    ("O mnie", False), ("O Sole Mio", False),  # a capital O opens a word: Polish 'About me', a title
])
def test_only_a_lower_case_o_is_a_bullet(line: str, bullet: bool) -> None:
    assert (KB.marker(line) is not None) is bullet


@pytest.mark.parametrize(("line", "author"), [
    ("Like Reply 8 years ago", None),  # a comment's buttons and its age, under its text (30Seconds)
    ("Reply 2 months ago", None),
    ("Maria 1 year ago", "Maria"),
    ("Jerrie6 months ago", "Jerrie"),
])
def test_a_row_of_buttons_names_no_one(line: str, author: str | None) -> None:
    header = page_knowledge().header(line)
    assert (header.author if header else None) == author


@pytest.mark.parametrize(("line", "kind", "author"), [
    ("Date Posted", None, None),  # a sort order's option ('Sort by:' / 'Date Posted' / 'Recommended'), no 'NAME posted'
    ("Ann Posted", None, "Ann"),
    ("Recent Analysis fromChina Financial Markets", "sidebar", None),  # a blog's teasers, w3m gluing 'from'
    ("Recent posts by Ann", "sidebar", None),
    ("User Kommentare", "section", None),  # Gutekueche.at's comments heading
    ("Reply #12", "ordinal", None),  # Politico's post number under the poster's name, no name
])
def test_sort_menus_sidebars_and_comment_headings(line: str, kind: str | None, author: str | None) -> None:
    header = KB.header(line)
    assert (KB.meta_kind(line), header.author if header else None) == (kind, author)


@pytest.mark.parametrize(("line", "name"), [
    ("avatar for user Dread-neck", "Dread-neck"),  # Politico
    ("default avatar for user Dread-neck", "Dread-neck"),
    ("Avatar for Dana @ Minimalist Baker Support @ Minimalist Baker says", "Support @ Minimalist Baker says"),
    ("Avatar for Dana @ Minimalist BakerSupport @ Minimalist Baker says", "Support @ Minimalist Baker says"),  # w3m
    ("Avatar for Liz @ Floating Kitchen says", "Liz @ Floating Kitchen says"),  # (one site's name: the name itself)
])
def test_an_avatars_alt_text_before_the_name(line: str, name: str) -> None:
    """The alt text of an avatar for a user, or for a team member before the team account's name."""
    assert KB.without_avatar(line) == name


@pytest.mark.parametrize("line", [
    "____Diesen Kommentar auf Twitter teilen?__Diesen Kommentar auf Twitter teilen?___",  # html2text's icons
    "Diesen Kommentar auf Twitter teilen? Diesen Kommentar auf Twitter teilen?",
])
def test_a_comments_share_links_are_chrome(line: str) -> None:
    assert KB.first(KB.boilerplate, line) is not None


@pytest.mark.parametrize("markdown", [True, False])
def test_a_name_and_date_apart_by_a_star_only_in_html2text(markdown: bool) -> None:
    """html2text prints Mumsnet's dot between the name and the date as '*'; w3m prints a feed widget's table
    so ('TITLE   von lupa   * 24/03/16, 02:31'): a header with evidence only on html2text's pages."""
    header = KB.header("longshot * 03/03/2026 19:44", markdown=markdown)
    assert header is not None
    assert (header.author == "longshot", header.evidence) == (markdown, markdown)


@pytest.mark.parametrize(("line", "cleaned"), [
    ("Ann ·", "Ann"),  # a header wrapped after the separator between name and date
    ("1. •", "1."),  # (as '(3) 1. •' was: Hypothesis found the two read apart)
    ("(3) 1. •", "(3) 1."),
    ("• -", None),  # (marks alone keep theirs)
    ("a reader's sentence that lynx wrapped after a dash, which stays –", None),
    ("a reader's sentence (with brackets) that lynx wrapped after a dash –", None),
    ("[27]cleo [28]on Dec 27, 2023 | [29]root | [30]parent |", "cleo on Dec 27, 2023 | root | parent"),  # fields
])
def test_a_trailing_separator_goes_only_off_a_few_words(line: str, cleaned: str | None) -> None:
    assert clean(line, KB.decorations, markdown=False) == (cleaned or line)
