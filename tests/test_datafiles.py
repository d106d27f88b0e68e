"""The one data loader: every packaged file loads, and a bad file fails with the place and the fix."""

from __future__ import annotations

import pytest

from worldwire.clean.debris import DebrisVocabulary
from worldwire.datafiles import load_data, parse_data
from worldwire.errors import DataFileError
from worldwire.nlp.language import LanguageData

GOOD_DEBRIS = """
schema = "debris/1"
[kinds.ads]
description = "ads"
max_words = 5
patterns = ['advertisement']
[caption]
max_words = 6
title_words = ["President"]
connectors = ["of"]
[dateline]
start_patterns = ['(?P<place>[A-Z]{2,}):\\s']
inline_patterns = ['(?P<place>[A-Z]{2,}) \\(AP\\):\\s']
not_places = ["UPDATE"]
"""


@pytest.mark.parametrize(("name", "kind"), [("debris", DebrisVocabulary), ("languages", LanguageData)])
def test_datafiles_packaged_files_load(name: str, kind: type) -> None:
    assert isinstance(load_data(name), kind)


def test_datafiles_accepts_a_minimal_valid_file() -> None:
    vocab = parse_data("debris", GOOD_DEBRIS, "test.toml")
    assert [k.name for k in vocab.kinds] == ["ads"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('schema = "debris/1"', 'schema = "debris/9"'), "this worldwire reads 'debris/1'"),
        (("patterns = ['advertisement']", "patterns = ['(unclosed']"), "does not compile"),
        (("patterns = ['advertisement']", "patterns = ['.*']"), "matches the empty string"),
        (("patterns = ['advertisement']", "patterns = []"), "non-empty list"),
        (("max_words = 5", "max_words = 0"), "at least 1"),
        (("max_words = 5", 'max_words = "five"'), "'max_words' must be int"),
        (('description = "ads"\n', ""), "missing key 'description'"),
        (("(?P<place>[A-Z]{2,}):", "([A-Z]{2,}):"), "no named group 'place'"),
        (("[kinds.ads]", "[kinds.ads"), "not valid TOML"),
    ],
)
def test_datafiles_rejects_bad_file_with_reason(change: tuple[str, str], message: str) -> None:
    old, new = change
    assert old in GOOD_DEBRIS
    with pytest.raises(DataFileError, match=message) as info:
        parse_data("debris", GOOD_DEBRIS.replace(old, new, 1), "bad.toml")
    assert "bad.toml" in str(info.value)


def test_datafiles_missing_file_names_name_and_version() -> None:
    with pytest.raises(DataFileError, match=r"\[E401\].*'debris' \(version v99\)"):
        load_data("debris", "v99")


def test_datafiles_unknown_name_has_no_validator() -> None:
    with pytest.raises(DataFileError, match="no validator"):
        parse_data("no-such-table", 'schema = "x"', "x.toml")
