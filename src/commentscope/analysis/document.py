"""Per-document analysis: every analyzer run on one page, independent of all other pages.

The result is typed rows (`commentscope.results`) so that pages can be analysed in any order,
in parallel or in chunks, and combined later by the reducers of `commentscope.engine`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

from commentscope.analysis.addressee import Addressees
from commentscope.analysis.answer_links import AnswerFinder
from commentscope.analysis.answers import AnswerStatus, StaffMember, detect_staff
from commentscope.analysis.coverage import ArticleCoverage, article_passages, coverage_text
from commentscope.analysis.faq import stands_alone
from commentscope.analysis.german import GermanModelAnalyzer
from commentscope.analysis.inline_answer import split_inline_answer
from commentscope.analysis.language import page_languages, reads_english
from commentscope.analysis.questions import find_questions
from commentscope.analysis.relevance import off_topic_flags, promotional_flags, relevance_scores
from commentscope.analysis.sentences import split_sentences
from commentscope.analysis.sentiment import (
    CommentSentiment,
    Rating,
    SentenceSentiment,
    SentimentAnalyzer,
    aggregate_sentiment,
    comment_sentiment,
    default_analyzer,
    rate_whole,
    reads_language,
    score_sentences,
)
from commentscope.analysis.topics import TextTerms, TopicMatcher, token_words
from commentscope.model import Comment, Document
from commentscope.results import CommentAnalysis, QuestionRow, TopicMentionRow


@dataclass(frozen=True)
class DocumentAnalysis:
    """The rows one page contributes to each table, its staff, each comment's model sentiment
    score (the page's mean sentiment is read from it; not a column), and each comment's words
    and taxonomy terms (read once, for the suggested themes too)."""

    doc_id: str
    comments: list[CommentAnalysis] = field(default_factory=list)
    questions: list[QuestionRow] = field(default_factory=list)
    mentions: list[TopicMentionRow] = field(default_factory=list)
    staff: dict[str, StaffMember] = field(default_factory=dict)
    combined: list[float] = field(default_factory=list)
    texts: list[TextTerms] = field(default_factory=list)
    language: str = ""  # the page's (`language.page_languages`)


def analyze_document(
    doc: Document,
    matcher: TopicMatcher,
    staff_names: tuple[str, ...] = (),
    sentiment: SentimentAnalyzer | None = None,
) -> DocumentAnalysis:
    """Run every analyzer on one page; one `CommentAnalysis` per comment, in page order.

    `sentiment` labels comments (default: the packaged model); comments in another language than
    English (`analysis.language`) get no lexicon scores, and a label only from an analyzer whose
    `languages` name their language (`other_language_analyzer`)."""
    analyzer = sentiment or default_analyzer()
    staff = detect_staff(doc, staff_names)
    relevance = relevance_scores(doc)
    off_topic = off_topic_flags(doc, relevance)
    promotional = promotional_flags(doc)
    coverage = ArticleCoverage(article_passages(doc), background=[c.text for c in doc.comments])
    reads = [matcher.read(comment.text) for comment in doc.comments]
    page_language, languages = page_languages([read.words for read in reads], token_words(doc.article))
    result = DocumentAnalysis(doc.doc_id, staff=staff, language=page_language)
    answers = AnswerFinder(doc, staff)
    addressees = Addressees(doc, staff)
    for comment, read, language in zip(doc.comments, reads, languages, strict=True):
        sentences = split_sentences(comment.text)
        topics = read.topics
        english = reads_english(language)  # the lexicons and the packaged model read English only
        # sentences are scored only for topic mentions (and, inside, for "mixed")
        scored = score_sentences(sentences) if topics and english else None
        inline = split_inline_answer(comment.text, tuple(staff))  # the site's answer inside it asks nothing
        questions = find_questions(inline.reader_text if inline else comment.text)
        status = answers.status(comment, questions) if questions else None
        feeling = comment_sentiment(comment.text, scored, analyzer, parts=sentences) if english else None
        # another language: only an analyzer that reads it rates the comment, without lexicon columns
        other = None if english else other_language_analyzer(sentiment, language)
        foreign = rate_whole(other, comment.text, sentences) if other is not None else None
        rating = Rating(feeling.score, feeling.label) if feeling else foreign
        result.comments.append(CommentAnalysis(
            language=language,
            topics=tuple(sorted(topics)),
            topic_evidence=tuple(sorted(topics.items())),
            vader_compound=_rounded(None if feeling is None else feeling.vader_compound),
            textblob_polarity=_rounded(None if feeling is None else feeling.textblob_polarity),
            textblob_subjectivity=_rounded(None if feeling is None else feeling.textblob_subjectivity),
            sentiment=rating.label if rating else "",
            sentiment_score=_rounded(None if rating is None else rating.score),
            relevance=round(relevance.get(comment.comment_id, 0.0), 4),
            off_topic=off_topic.get(comment.comment_id, False),
            promotional=promotional.get(comment.comment_id, False),
            is_question=bool(questions),
            questions=tuple(questions),
            answered=status.answered if status else None,
            answered_by=status.answered_by if status else "",
        ))
        if rating is not None:
            result.combined.append(rating.score)
        result.texts.append(read)
        if topics:
            by_sentence = matcher.match_sentences(sentences, read)
            rater: TopicRater | None
            if scored is not None and feeling is not None:
                rater = partial(topic_sentiment, by_sentence=by_sentence, scored=scored, whole=feeling,
                                analyzer=analyzer)
            elif foreign is not None and other is not None:
                rater = partial(_foreign_topic_sentiment, by_sentence=by_sentence, sentences=sentences,
                                whole=foreign, analyzer=other)
            else:
                rater = None
            result.mentions.extend(_mentions(doc, comment, topics, sentences, by_sentence, rater))
        asked_of = addressees.asked_of(comment, questions) if questions else ""
        for question in questions:
            result.questions.append(_question_row(doc, comment, question, topics, matcher, coverage, status,
                                                  asked_of))
    return result


# who rates a comment in another language when no analyzer is given
PACKAGED_LANGUAGE_ANALYZERS: dict[str, SentimentAnalyzer] = {"de": GermanModelAnalyzer()}


def other_language_analyzer(chosen: SentimentAnalyzer | None, language: str) -> SentimentAnalyzer | None:
    """Who rates a comment in `language` (not English): the analyzer given if its `languages`
    name it (else no one); with none given, the packaged analyzer of that language (German: the
    German model, `analysis.german`), if there is one."""
    if chosen is not None:
        return chosen if reads_language(chosen, language) else None
    return PACKAGED_LANGUAGE_ANALYZERS.get(language)


T = TypeVar("T")
TopicRater = Callable[[str], tuple[float | None, float | None, str]]  # topic -> vader, textblob, label


def _mentions(
    doc: Document,
    comment: Comment,
    topics: dict[str, tuple[str, ...]],
    sentences: list[str],
    by_sentence: list[dict[str, tuple[str, ...]]],
    rater: TopicRater | None,
) -> list[TopicMentionRow]:
    """One row per topic of a comment, rated by `rater` on the sentences that mention it (None:
    a comment in a language no analyzer here reads; its mentions are not scored)."""
    rows = []
    for topic, evidence in sorted(topics.items()):
        vader_compound, textblob_polarity, label = rater(topic) if rater else (None, None, "")
        rows.append(TopicMentionRow(
            doc_id=doc.doc_id,
            comment_id=comment.comment_id,
            topic=topic,
            sentences=len([h for h in by_sentence if topic in h]) or len(sentences),
            evidence=tuple(evidence),
            vader_compound=_rounded(vader_compound),
            textblob_polarity=_rounded(textblob_polarity),
            sentiment=label,
        ))
    return rows


def topic_sentiment(
    topic: str,
    *,
    by_sentence: list[dict[str, tuple[str, ...]]],
    scored: list[SentenceSentiment],
    whole: CommentSentiment,
    analyzer: SentimentAnalyzer,
) -> tuple[float | None, float | None, str]:
    """Lexicon scores and label of the sentences of an English comment that mention `topic` (the
    comment's own rating when they are all of them: no text is rated twice). `by_sentence`: each
    sentence's topics (`TopicMatcher.match_sentences`), `scored`: the sentences scored, `whole`:
    the comment's own sentiment."""
    picked = _some_mention(topic, scored, by_sentence)
    if picked:
        found = aggregate_sentiment(picked, analyzer)
    else:
        found = aggregate_sentiment(scored, analyzer, Rating(whole.score, whole.label))
    return found.vader_compound, found.textblob_polarity, found.label


def _foreign_topic_sentiment(
    topic: str,
    *,
    by_sentence: list[dict[str, tuple[str, ...]]],
    sentences: list[str],
    whole: Rating,
    analyzer: SentimentAnalyzer,
) -> tuple[float | None, float | None, str]:
    """The label of the sentences that mention `topic` in a comment in another language, from an
    analyzer that reads it (no lexicon scores; the comment's own label when they are all of them)."""
    picked = _some_mention(topic, sentences, by_sentence)
    return None, None, rate_whole(analyzer, " ".join(picked), picked).label if picked else whole.label


def _some_mention(topic: str, sentences: list[T], by_sentence: list[dict[str, tuple[str, ...]]]) -> list[T]:
    """The sentences that mention `topic` when only some do ([] when none or all do: the
    comment's own rating is the topic's then)."""
    picked = [s for s, hits in zip(sentences, by_sentence, strict=True) if topic in hits]
    return picked if len(picked) < len(sentences) else []


def _rounded(value: float | None) -> float | None:
    """A score as the tables keep it (4 decimals); None, not scored, stays None."""
    return None if value is None else round(value, 4)


def _question_row(
    doc: Document,
    comment: Comment,
    question: str,
    comment_topics: dict[str, tuple[str, ...]],
    matcher: TopicMatcher,
    coverage: ArticleCoverage,
    status: AnswerStatus | None,
    asked_of: str,
) -> QuestionRow:
    own_topics = matcher.match(question) or comment_topics
    best = coverage.best(coverage_text(comment.text, question, stands_alone(question)))
    return QuestionRow(
        doc_id=doc.doc_id,
        comment_id=comment.comment_id,
        author=comment.author or "",
        question=question,
        topics=tuple(sorted(own_topics)),
        answered=bool(status and status.answered),
        answered_by=status.answered_by if status else "",
        answer_evidence=status.evidence if status and status.answered else "",
        asked_of=asked_of,
        article_coverage=round(best.score, 4) if coverage.has_article else None,  # None: no article
        article_passage=best.passage,
        article_line=best.line,
    )
