"""`words` splits a lexicon phrase exactly as spaCy's tokenizer does, fast path or not."""

from __future__ import annotations

import pytest

from worldwire.actors.lexicon import _tokenizer, words


@pytest.mark.parametrize(
    "phrase",
    [
        "Kassym-Jomart Tokayev",
        "Xi Jinping",
        "cannot",
        "Gonna Party",
        "Cant",
        "U.S. Army",
        "Sen. Bob Roe",
        "new_york_city",
        "  padded  ",
        "two  spaces",
        "Al Qaeda's",
        "Côte d'Ivoire",
        "G7",
        "",
    ],
)
def test_words_match_the_tokenizer(phrase: str) -> None:
    expected = tuple(t.text for t in _tokenizer()(phrase.replace("_", " ").strip()))
    assert words(phrase) == expected
