"""Each comment's language (`analysis/language.py`) and what the English-only analyzers do with it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from commentscope import analyze
from commentscope.analysis.german import GermanModelAnalyzer
from commentscope.analysis.language import LANGUAGES, detect, page_languages, reads_english
from commentscope.analysis.sentiment import ReviewModelAnalyzer
from commentscope.analysis.topics import token_words
from commentscope.corpus import PageResult
from commentscope.engine.page import Settings, map_page
from commentscope.engine.run import _matcher
from commentscope.parse import parse_text
from commentscope.summaries import topic_summary

TEXTS = {
    "en": "I have been taking this for a month and it really helped with my sleep.",
    "de": "Ich habe das Buch gelesen und es hat mir sehr gut gefallen, vielen Dank für den Tipp!",
    "fr": "Je ne suis pas d'accord avec vous, mais merci pour cet article très intéressant.",
    "es": "Estoy de acuerdo, solo agregar que el Estado busca soluciones para todos nosotros.",
    "it": "Grazie per questo articolo, non sapevo che fosse così importante per la salute.",
    "nl": "Ik heb het boek gelezen en het was echt heel goed, bedankt voor de tip!",
    "pt": "Não sei se isso é verdade, mas obrigada pelo artigo, foi muito útil para mim.",
    # languages the analyzers do not read, which their function words used to pass for one of the seven
    "sk": "Palacinky sú super, ale mne sa to vôbec nepodarilo, je to príliš tekuté a neviem prečo.",
    "pl": "Bardzo dziękuję za przepis, placki wyszły pyszne i cała rodzina była zachwycona.",
    "sv": "Jag har lagat den här grytan flera gånger och den blir alltid lika god, tack för receptet!",
}


@pytest.mark.parametrize("language", TEXTS)
def test_a_sentence_in_each_language(language: str) -> None:
    assert detect(token_words(TEXTS[language])) == language
    assert reads_english(language) is (language == "en")


def test_a_few_latin_words_in_another_script_say_nothing() -> None:
    # a Chinese post with links ("www" is a Polish function word) and code ("var", "me": Norwegian): Chinese
    links = "论坛地址是 http://www.ringsun.net/a 这个教程也很不错 http://www.ruby-taiwan.org/wiki 欢迎回访我的空间"
    assert detect(token_words(links)) == "zh"
    assert detect(token_words("声明函数 var me = this; var x = me.load(); 调用函数时所传递的数据")) == "zh"


@pytest.mark.parametrize(("text", "language"), [("为啥觉得在哪男的都少呢", "zh"),
                                                ("私募公司一般规模都在20人以下吧 mark", "zh"),
                                                ("この記事はとても役に立ちました。ありがとう！", "ja"),
                                                ("I tried 抹茶 ice cream and loved it, thanks for the tip!", "en")])
def test_chinese_and_japanese_are_read_from_their_script(text: str, language: str) -> None:
    """Chinese characters outnumbering the words in Latin letters make a text Chinese, Japanese with kana among them;
    an English sentence with a word in Chinese stays English. Neither is read by the English analyzers."""
    assert detect(token_words(text)) == language
    assert reads_english(language) is (language == "en")


@pytest.mark.parametrize("text", ["Makes sense.", "❤️", "https://example.org/a-page", ""])
def test_too_few_function_words_say_nothing(text: str) -> None:
    assert detect(token_words(text)) == ""


def test_words_of_two_languages_count_for_neither() -> None:
    # "also", "will", "was" and "in" are German and English function words alike
    assert detect(["also", "will", "was", "in", "also", "was"]) == ""
    assert detect(["also", "will", "was", "in", "the", "and"]) == "en"


def test_single_letters_count_for_no_language() -> None:
    # French elisions split into "n", "d", "s": code and initials in English text print them too
    code = 'Also list() is just a bit faster: n = [x for x in range(10)]; n = list(range(10))'
    assert detect(token_words(code)) != "fr"
    assert detect(["n", "d", "s", "t"]) == ""


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


KEFIR_PAGE = """Kefir zu Hause

Kefir ist ein gesäuertes Milchgetränk. Man macht ihn mit Kefirknollen und Milch.

3 Comments

Anna says:
Ich trinke jeden Tag Kefir und es geht mir damit viel besser, vielen Dank für den Artikel!

Bernd says:
Die Knollen sind bei mir leider nach einer Woche gestorben, und ich weiß nicht warum. Weiß jemand, woran das liegt?

Carla says:
I love my homemade kefir, it is wonderful and it helped my stomach a lot.
"""


def kefir_page() -> PageResult:
    return PageResult("kefir.txt", "kefir", parse_text(KEFIR_PAGE, doc_id="kefir"))


def test_an_english_only_analyzer_leaves_other_languages_unscored() -> None:
    page = map_page(kefir_page(), _matcher(None, False), Settings(sentiment=ReviewModelAnalyzer()))
    german, english = [row.analysis for row in page.comments[:2]], page.comments[2].analysis
    assert [a.language for a in german] == ["de", "de"] and english.language == "en"
    for a in german:
        assert (a.vader_compound, a.textblob_polarity, a.textblob_subjectivity, a.sentiment_score) == (None,) * 4
        assert a.sentiment == ""
    assert english.sentiment == "positive" and english.sentiment_score is not None
    assert page.document.figures.mean_sentiment == english.sentiment_score  # the scored comments' mean
    # the German comment still mentions kefir, unscored
    by_comment = {m.comment_id: m for m in page.mentions if m.topic == "kefir"}
    unscored = by_comment[page.comments[0].comment.comment_id]
    assert (unscored.sentiment, unscored.vader_compound, unscored.textblob_polarity) == ("", None, None)
    assert by_comment[page.comments[2].comment.comment_id].sentiment == "positive"


def test_german_comments_are_rated_by_the_german_model_by_default() -> None:
    page = map_page(kefir_page(), _matcher(None, False), Settings())
    german, english = [row.analysis for row in page.comments[:2]], page.comments[2].analysis
    model = GermanModelAnalyzer()
    for row, a in zip(page.comments[:2], german, strict=True):
        assert (a.vader_compound, a.textblob_polarity, a.textblob_subjectivity) == (None,) * 3  # English lexicons
        assert a.sentiment_score == round(model.score(row.comment.text), 4)
    assert german[0].sentiment == "positive"  # "viel besser, vielen Dank"
    assert german[1].sentiment_score < 0  # "leider ... gestorben"
    assert english.sentiment == "positive"
    scores = [a.sentiment_score for a in (*german, english)]
    assert page.document.figures.mean_sentiment == pytest.approx(sum(scores) / 3)
    by_comment = {m.comment_id: m for m in page.mentions if m.topic == "kefir"}
    mention = by_comment[page.comments[0].comment.comment_id]
    assert (mention.sentiment, mention.vader_compound, mention.textblob_polarity) == ("positive", None, None)


def test_topic_summary_reads_the_scored_mentions_only(tmp_path: Path) -> None:
    (tmp_path / "kefir.txt").write_text(KEFIR_PAGE, encoding="utf-8")
    analysis = analyze([tmp_path])
    kefir = analysis.topic_summary.set_index("topic").loc["kefir"]
    english = analysis.comments.iloc[2]
    assert kefir["comments"] == 2  # both mention it
    assert kefir["mean_vader"] == english["vader_compound"]  # only the English one is scored
    assert kefir["share_negative"] == 0.0 and kefir["topic_sentiment"] == "positive"
    reference = topic_summary(analysis.comments, analysis.topic_mentions, analysis.questions)
    assert analysis.topic_summary.drop(columns="top_terms").equals(reference.drop(columns="top_terms"))


def test_a_topic_with_no_scored_mention_has_empty_sentiment_cells(tmp_path: Path) -> None:
    german_only = KEFIR_PAGE.replace(
        "I love my homemade kefir, it is wonderful and it helped my stomach a lot.",
        "Ich mache meinen Kefir selbst, und er schmeckt mir besser als der aus dem Laden.")
    (tmp_path / "kefir.txt").write_text(german_only, encoding="utf-8")
    analysis = analyze([tmp_path], sentiment=ReviewModelAnalyzer())  # reads English only
    kefir = analysis.topic_summary.set_index("topic").loc["kefir"]
    assert kefir["comments"] == 2
    assert kefir[["mean_vader", "mean_textblob", "share_negative", "topic_vader"]].isna().all()
    assert kefir["topic_sentiment"] == ""
    assert analysis.documents["mean_sentiment"].isna().all()
    reference = topic_summary(analysis.comments, analysis.topic_mentions, analysis.questions)
    assert analysis.topic_summary.drop(columns="top_terms").equals(reference.drop(columns="top_terms"))


def test_trends_average_the_scored_comments_only(tmp_path: Path) -> None:
    dated = KEFIR_PAGE.replace(" says:\n", " says:\nMarch 2, 2021 at 9:15 am\n")
    (tmp_path / "kefir.txt").write_text(dated, encoding="utf-8")
    analysis = analyze([tmp_path], period="month", sentiment=ReviewModelAnalyzer())  # reads English only
    month = analysis.trends.set_index("topic").loc["(all)"]
    assert month["comments"] == 3
    assert month["mean_sentiment"] == analysis.comments.iloc[2]["sentiment_score"]  # the English one


@dataclass(frozen=True)
class GermanWords:
    """A toy analyzer that reads German (and English): "besser" is good news, "gestorben" bad."""

    languages: tuple[str, ...] = ("de",)
    name: str = "german-words"

    def score(self, text: str) -> float:
        lowered = text.lower()
        return (0.8 if "besser" in lowered or "love" in lowered else 0.0) - (0.8 if "gestorben" in lowered else 0.0)


def test_an_analyzer_that_reads_the_language_rates_those_comments(tmp_path: Path) -> None:
    (tmp_path / "kefir.txt").write_text(KEFIR_PAGE, encoding="utf-8")
    analysis = analyze([tmp_path], sentiment=GermanWords())
    comments = analysis.comments
    assert list(comments["language"]) == ["de", "de", "en"]
    assert list(comments["sentiment"]) == ["positive", "negative", "positive"]
    assert list(comments["sentiment_score"]) == [0.8, -0.8, 0.8]
    assert comments["vader_compound"].isna().tolist() == [True, True, False]  # lexicons: English only
    kefir = analysis.topic_summary.set_index("topic").loc["kefir"]
    assert kefir["share_negative"] == 0.0  # both kefir mentions are labelled positive
    assert kefir["mean_vader"] == comments.iloc[2]["vader_compound"]  # the lexicons read the English one
    reference = topic_summary(analysis.comments, analysis.topic_mentions, analysis.questions)
    assert analysis.topic_summary.drop(columns="top_terms").equals(reference.drop(columns="top_terms"))


def test_a_language_no_analyzer_reads_stays_unscored_with_a_custom_analyzer(tmp_path: Path) -> None:
    french = KEFIR_PAGE.replace("Ich trinke jeden Tag Kefir und es geht mir damit viel besser, vielen Dank für den "
                                "Artikel!", "Je bois du kefir tous les jours et je me sens beaucoup mieux, merci pour "
                                "cet article!")
    (tmp_path / "kefir.txt").write_text(french, encoding="utf-8")
    comments = analyze([tmp_path], sentiment=GermanWords()).comments
    assert comments.iloc[0]["language"] == "fr"
    assert comments.iloc[0]["sentiment"] == "" and pd.isna(comments.iloc[0]["sentiment_score"])


def test_a_topic_labelled_only_in_another_language_takes_its_most_common_label(tmp_path: Path) -> None:
    german_only = KEFIR_PAGE.replace(
        "I love my homemade kefir, it is wonderful and it helped my stomach a lot.",
        "Mit Kefir geht es mir viel besser als vorher, das kann ich nur empfehlen.")
    (tmp_path / "kefir.txt").write_text(german_only, encoding="utf-8")
    analysis = analyze([tmp_path], sentiment=GermanWords())
    kefir = analysis.topic_summary.set_index("topic").loc["kefir"]
    assert kefir[["mean_vader", "mean_textblob", "topic_vader"]].isna().all()
    assert kefir["share_negative"] == 0.0 and kefir["topic_sentiment"] == "positive"
    reference = topic_summary(analysis.comments, analysis.topic_mentions, analysis.questions)
    assert analysis.topic_summary.drop(columns="top_terms").equals(reference.drop(columns="top_terms"))


def test_questions_in_another_language_keep_a_group_of_their_own(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # two German questions that share function words ("ich wollte ... fragen", "man", "machen"),
    # which the lexical measure (English function words) grouped, and an English one asked twice
    page = """Fragen

Ein Artikel über Spiele und Rezepte.

4 Comments

Anna says:
Hi, ich wollte mal fragen, ob man “Escape Plan 4″ Quest abbrechen kann, falls man sie schon vorher angenommen hat, \
um sie später machen zu können ?

Bernd says:
Ich habe dieses Rezept gefunden und wollte fragen wie viel Kaba ich rein machen soll, denn ich will Schokomuffins \
machen?

Carla says:
I made kefir at home for the first time. How long should kefir ferment before I drink it?

Dora says:
My first batch of kefir is on the counter now. How long should kefir ferment before drinking it?
"""
    monkeypatch.setenv("COMMENTSCOPE_SIMILARITY", "lexical")
    (tmp_path / "p.txt").write_text(page, encoding="utf-8")
    analysis = analyze([tmp_path])
    group = dict(zip(analysis.questions["comment_id"], analysis.questions["group_id"], strict=True))
    anna, bernd, carla, dora = analysis.comments["comment_id"].tolist()
    assert group[carla] == group[dora]
    assert len({group[anna], group[bernd], group[carla]}) == 3
    assert all(group[c] for c in (anna, bernd))  # grouped alone, not left out: they can be FAQ gaps
