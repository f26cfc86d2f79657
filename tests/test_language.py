"""Each comment's language (`analysis/language.py`) and what the English-only analyzers do with it."""

from __future__ import annotations

import pytest

from commentscope.analysis.language import LANGUAGES, detect, page_languages, reads_english
from commentscope.analysis.topics import token_words
from commentscope.corpus import PageResult
from commentscope.engine.page import Settings, map_page
from commentscope.engine.run import _matcher
from commentscope.parse import parse_text

TEXTS = {
    "en": "I have been taking this for a month and it really helped with my sleep.",
    "de": "Ich habe das Buch gelesen und es hat mir sehr gut gefallen, vielen Dank für den Tipp!",
    "fr": "Je ne suis pas d'accord avec vous, mais merci pour cet article très intéressant.",
    "es": "Estoy de acuerdo, solo agregar que el Estado busca soluciones para todos nosotros.",
    "it": "Grazie per questo articolo, non sapevo che fosse così importante per la salute.",
    "nl": "Ik heb het boek gelezen en het was echt heel goed, bedankt voor de tip!",
    "pt": "Não sei se isso é verdade, mas obrigada pelo artigo, foi muito útil para mim.",
}


@pytest.mark.parametrize("language", TEXTS)
def test_a_sentence_in_each_language(language: str) -> None:
    assert detect(token_words(TEXTS[language])) == language


@pytest.mark.parametrize("text", ["Makes sense.", "❤️", "https://example.org/a-page", ""])
def test_too_few_function_words_say_nothing(text: str) -> None:
    assert detect(token_words(text)) == ""


def test_words_of_two_languages_count_for_neither() -> None:
    # "also", "will", "was" and "in" are German and English function words alike
    assert detect(["also", "will", "was", "in", "also", "was"]) == ""
    assert detect(["also", "will", "was", "in", "the", "and"]) == "en"


def test_a_tie_says_nothing() -> None:
    assert detect(["the", "and", "und", "nicht"]) == ""


def test_short_comments_take_the_page_language() -> None:
    comments = [token_words(TEXTS["de"]), token_words("❤️"), token_words(TEXTS["en"]), token_words("Super!")]
    page, languages = page_languages(comments, token_words("Der Artikel über das Wetter und die Bahn."))
    assert page == "de"
    assert languages == ["de", "de", "en", "de"]


def test_without_an_article_the_most_read_language_is_the_page_language() -> None:
    comments = [token_words(TEXTS["fr"]), token_words(TEXTS["en"]), token_words(TEXTS["en"]), ["ok"]]
    assert page_languages(comments, []) == ("en", ["fr", "en", "en", "en"])
    # a tie goes to the earlier language of LANGUAGES
    assert page_languages([token_words(TEXTS["fr"]), token_words(TEXTS["de"])], [])[0] == "de"
    assert LANGUAGES.index("de") < LANGUAGES.index("fr")


def test_a_page_that_says_nothing_is_read_as_before() -> None:
    assert page_languages([["ok"], []], []) == ("", ["", ""])
    assert reads_english("") and reads_english("en")
    assert not reads_english("de")


GERMAN_PAGE = """Das Wetter im Harz

Es hat endlich wieder geregnet. Die Bauern freuen sich über den Regen und die Wälder auch.

3 Comments

Anna says:
Ich finde es schön, dass es endlich regnet. Die Natur hat das wirklich gebraucht, und mein Garten auch.

Bernd says:
Das sehe ich genauso. Der Regen kam gerade rechtzeitig für die Felder, aber es war noch nicht genug.

Carla says:
I think the forest fires in the Harz were a disaster, and the forest fires will come back next summer.
"""


def test_comments_in_another_language_suggest_no_themes() -> None:
    result = PageResult("harz.txt", "harz", parse_text(GERMAN_PAGE, doc_id="harz"))
    page = map_page(result, _matcher(None, False), Settings())
    assert [row.analysis.language for row in page.comments] == ["de", "de", "en"]
    assert page.document.figures.language == "de"
    assert page.themes is not None
    examples = {theme.example_id for theme in page.themes.themes.values()}
    assert examples == {page.comments[2].comment.comment_id}  # only the English comment's words
    words = {word for key in page.themes.themes for word in key}
    assert "fire" in words or "forest" in words
    assert not words & {"regen", "natur", "garten", "nicht"}
