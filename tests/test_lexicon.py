"""The compiled taxonomy (commentscope.analysis.lexicon): one compiled lexicon per taxonomy."""

from __future__ import annotations

import gc
import weakref

from commentscope.analysis.lexicon import compiled
from commentscope.analysis.question_terms import _packaged_matcher
from commentscope.analysis.taxonomy import Taxonomy, Topic
from commentscope.analysis.topics import TopicMatcher, load_taxonomy


def _taxonomy(*terms: str) -> Taxonomy:
    return Taxonomy((Topic("water", "", terms),))


def test_matchers_of_equal_taxonomies_share_one_lexicon() -> None:
    first, second = TopicMatcher(_taxonomy("water", "Brita")), TopicMatcher(_taxonomy("water", "Brita"))
    assert first._lexicon is second._lexicon
    assert first._lexicon is not TopicMatcher(_taxonomy("water", "filter"))._lexicon


def test_the_packaged_lexicon_is_compiled_once_for_topics_and_question_features() -> None:
    assert TopicMatcher(load_taxonomy())._lexicon is _packaged_matcher()._lexicon


def test_a_lexicon_nothing_holds_is_freed() -> None:
    taxonomy = _taxonomy("kefir", "water kefir")
    held = weakref.ref(compiled(taxonomy))
    gc.collect()
    assert held() is None
    assert compiled(taxonomy).found(["water", "kefir"])[2]  # compiled again when asked
