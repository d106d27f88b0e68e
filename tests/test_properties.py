"""Invariants under generated input: cleaning never invents text, and every offset slices its span."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from textspans import invents_nothing
from worldwire.clean.text import clean_text
from worldwire.models import CleanDocument, RawDocument
from worldwire.nlp import annotate, split_segments

WORDS = st.sampled_from(
    [
        "the",
        "minister",
        "said",
        "Kazakhstan",
        "China",
        "talks",
        "on",
        "Monday",
        "trade",
        "will",
        "grow",
        "U.S.",
    ]
)
SENTENCE = st.builds(
    lambda words, end: " ".join(words).capitalize() + end,
    st.lists(WORDS, min_size=1, max_size=12),
    st.sampled_from([".", "!", "?", "", '."', ".”", ","]),
)
DEBRIS = st.sampled_from(
    [
        "Read also: Storm hits coast",
        "Join our Telegram channel",
        "Advertisement",
        "By Jane Roe",
        "Photo: Sam Doe/Reuters",
        "Foreign Minister Ana Lopes",
        "© 2024 City Times",
    ]
)
DATELINE = st.sampled_from(["LONDON (Reuters) - ", "XIAN, China (AP) — ", "Peru's LIMA: ", "BERLIN: ", ""])
PARAGRAPH = st.one_of(
    st.builds(lambda d, s: d + " ".join(s), DATELINE, st.lists(SENTENCE, min_size=1, max_size=4)),
    DEBRIS,
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40),
)
GLUE = st.sampled_from(["\n\n", "\n", "\r\n\r\n", " \n \n", "", " ", "\u00a0\n\n", '\n\n"', "\u200b"])
PROPERTY_SETTINGS = settings(max_examples=300, deadline=None)


@st.composite
def documents(draw: st.DrawFn) -> str:
    paragraphs = draw(st.lists(PARAGRAPH, min_size=1, max_size=8))
    return "".join(p + draw(GLUE) for p in paragraphs)


@PROPERTY_SETTINGS
@given(documents(), st.booleans())
def test_clean_text_never_invents_text(text: str, find_headline: bool) -> None:
    cleaned = clean_text(text, find_headline=find_headline)
    assert invents_nothing(cleaned.text, text)
    for removal in cleaned.removed:
        assert invents_nothing(removal.text, text)
    if cleaned.title is not None:
        assert invents_nothing(cleaned.title, text)


@PROPERTY_SETTINGS
@given(documents())
def test_clean_text_output_is_tidy(text: str) -> None:
    cleaned = clean_text(text).text
    assert cleaned == cleaned.strip()
    assert "\n\n\n" not in cleaned
    assert "  " not in cleaned
    assert "\r" not in cleaned


@PROPERTY_SETTINGS
@given(st.text(min_size=1, max_size=400), st.integers(min_value=5, max_value=60))
def test_split_segments_cover_every_paragraph(text: str, limit: int) -> None:
    segments = split_segments(text, limit)
    for segment, offset in segments:
        assert text[offset : offset + len(segment)] == segment
        assert "\n\n" not in segment
    covered = "".join(segment for segment, _ in segments)
    assert "".join(covered.split()) == "".join(text.split())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(documents(), min_size=1, max_size=4))
def test_annotate_sentence_offsets_slice_the_text(nlp: Any, texts: list[str]) -> None:
    docs = []
    for number, text in enumerate(texts):
        cleaned = clean_text(text, find_headline=False)
        raw = RawDocument(id=str(number), origin="generated", text=text)
        docs.append(CleanDocument(raw=raw, text=cleaned.text, title=None, date=None))
    annotated = list(annotate(docs, nlp=nlp, batch_size=3))
    assert [a.id for a in annotated] == [d.id for d in docs]
    for doc in annotated:
        previous_end = 0
        for sentence in doc.sentences:
            span = doc.clean.text[sentence.start : sentence.end]
            assert span, sentence
            assert previous_end <= sentence.start < sentence.end <= len(doc.clean.text)
            previous_end = sentence.end
