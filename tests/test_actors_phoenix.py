"""The Phoenix dictionaries as a layer under worldwire's own tables: read tolerantly, worldwire wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from worldwire.actors import resolve_actors
from worldwire.actors.lexicon import ActorLexicon, default_lexicon, own_lexicon, words
from worldwire.actors.petrarch import read_actors
from worldwire.actors.phoenix import COUNTRY_FILE, GROUP_FILES, phoenix_folder, phoenix_layer, with_phoenix
from worldwire.errors import DataFileError
from worldwire.models import RawDocument
from worldwire.pipeline import parse_documents

COUNTRIES = """# a test dictionary in the Phoenix format
TALVEN_ORSK_  # a fictional Norwegian minister
\t[NORGOV 20090101-20130630]
\t[NORELI]
PRESIDENT_TALVEN_ORSK_ [NORGOV]
VLADIMIR_PUTIN_ [NORELI]
NORWEGIAN_DIRECTORATE_OF_FJORDS_ [NORGOV]
+DIRECTORATE_OF_FJORDS_
BROKEN_ENTRY_
\t[NORGOV 2009011-20130630]
\t[NORELI]
"""

GROUPS = """GLOBAL_LANTERN_WATCH_ [NGOHRI]
UNITED_NATIONS_ [NGOXYZ]
GLW [NGOHRI]
ZERO [USAREB]
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / COUNTRY_FILE).write_text(COUNTRIES, encoding="utf-8")
    (tmp_path / GROUP_FILES[0]).write_text(GROUPS, encoding="utf-8")
    (tmp_path / GROUP_FILES[1]).write_text("", encoding="utf-8")
    return tmp_path


@pytest.fixture
def lexicon(folder: Path) -> ActorLexicon:
    return with_phoenix(own_lexicon(), folder, persons=True)


def test_tolerant_reader_skips_a_malformed_code_and_counts_it(folder: Path) -> None:
    path = folder / COUNTRY_FILE
    with pytest.raises(DataFileError, match="2009011-20130630"):
        read_actors(path)  # strict by default: a user's dictionary must be right
    skipped: list[str] = []
    entries = read_actors(path, skipped=skipped)
    assert skipped == [f"{COUNTRY_FILE}:10: [NORGOV 2009011-20130630]"]
    broken = next(entry for names, entry in entries if names[0] == "BROKEN_ENTRY_")
    assert broken.code == "NORELI"  # the rest of the entry is kept
    assert broken.terms == ()


def test_shipped_dictionaries_load_with_their_malformed_lines_counted() -> None:
    layer = phoenix_layer(own_lexicon(), phoenix_folder())
    assert f"{COUNTRY_FILE}:2039: [ARMUNR 9008223-911221]" in layer.skipped
    assert len(layer.skipped) == 8
    assert layer.dropped["worldwire key"] > 0
    folder = phoenix_folder()
    assert (folder / "LICENSE").read_text(encoding="utf-8").startswith("The MIT License")
    assert (folder / "README.md").is_file()


def test_worldwire_wins_on_every_name_it_has(lexicon: ActorLexicon) -> None:
    own = own_lexicon()
    for name in ("United Nations", "Vladimir Putin"):
        assert lexicon.exact[words(name)] == own.exact[words(name)]
    assert words("President Talven Orsk") not in lexicon.exact  # a worldwire title reads it
    assert words("Directorate of Fjords") in lexicon.exact
    assert words("Norwegian Directorate of Fjords") in lexicon.exact  # starts with its own state: kept
    assert ("GLW",) in lexicon.exact  # an acronym, as written
    assert ("Glw",) not in lexicon.exact
    assert ("ZERO",) not in lexicon.exact  # a word, not a name


def test_default_lexicon_adds_phoenix_organisations_under_its_own() -> None:
    lexicon = default_lexicon()
    own = own_lexicon()
    basque = lexicon.exact[words("Basque Fatherland and Liberty")]
    assert words("Basque Fatherland and Liberty") not in own.exact
    assert [(e.kind, e.code, e.country, e.sector) for e in basque] == [
        ("organisation", "ESPREB", "ESP", "REB")
    ]
    assert lexicon.exact[words("Amnesty International")] == own.exact[words("Amnesty International")]
    assert not any(
        e.kind == "person" for key in lexicon.exact.keys() - own.exact.keys() for e in lexicon.exact[key]
    )


def codes(text: str, lexicon: ActorLexicon, date: str) -> dict[str, str | None]:
    raw = RawDocument(id="t", origin="test", text=text, date=date)
    doc = next(parse_documents([raw], raw_mode=True))
    assert doc.error is None
    return {a.text: a.code for a in resolve_actors(doc, lexicon).actors}


@pytest.mark.slow
@pytest.mark.parametrize(("date", "expected"), [("2011-05-02", "NORGOV"), ("2016-03-01", "NORELI")])
def test_phoenix_person_resolves_on_the_date(lexicon: ActorLexicon, date: str, expected: str) -> None:
    found = codes("Talven Orsk criticised the Global Lantern Watch report on Tuesday.", lexicon, date)
    assert found["Talven Orsk"] == expected  # after the office ended: ELI, as the dictionary says
    assert found["Global Lantern Watch"] == "NGOHRI"


@pytest.mark.slow
def test_phoenix_agency_named_with_its_state_is_one_actor() -> None:
    found = codes(
        "The Basque Fatherland and Liberty group was condemned by the United States Department of State.",
        default_lexicon(),
        "2004-05-01",
    )
    assert found["United States Department of State"] == "USAGOV"
    assert found["Basque Fatherland and Liberty group"] == "ESPREB"
