"""PETRARCH/TABARI dictionaries as an actor lexicon: the format is read, dates and agents compose codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from worldwire.actors import petrarch_lexicon, resolve_actors
from worldwire.errors import DataFileError
from worldwire.models import RawDocument
from worldwire.pipeline import parse_documents

pytestmark = pytest.mark.slow

ACTORS = """<!-- a test dictionary in the TABARI format -->
<!--
# a comment block over two lines
-->
VALDORIA_ [VLD]  # a fictional state
+VALDORIAN
+PRESIDENT_ORMAN
KESTRAL  [KST]
BRANNOCK_ORVEL  # dated codes
\t[BRNCIV <19950601]
\t[BRNGOV 19950601-19990815]
\t[BRNREB >19990816]
SILVERTON [---]
"""

AGENTS = """!PERSON! = MAN, MEN
PRIME_MINISTER [~GOV] # a suffix agent
TROOPS {}  [~MIL]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_BODY  [NGO~]
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "Test.actors.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "Test.agents.txt").write_text(AGENTS, encoding="utf-8")
    return tmp_path


def codes(text: str, folder: Path, date: str = "1996-01-01") -> dict[str, str | None]:
    raw = RawDocument(id="t", origin="test", text=text, date=date)
    doc = next(parse_documents([raw], raw_mode=True))
    assert doc.error is None
    return {a.text: a.code for a in resolve_actors(doc, petrarch_lexicon(folder)).actors}


def test_petrarch_agents_compose_with_the_state(folder: Path) -> None:
    found = codes(
        "Valdoria's first deputy prime minister said that he had met the Kestral troops on the road.", folder
    )
    assert found["Valdoria's first deputy prime minister"] == "VLDGOV"
    assert found["Kestral troops"] == "KSTMIL"


def test_petrarch_synonyms_stems_and_substitution_sets(folder: Path) -> None:
    found = codes(
        "A Valdorian congressman said on Monday that he was not happy with the Kestralese plan.", folder
    )
    assert found["Valdorian congressman"] == "VLDLEG"
    assert found["Kestralese"] == "KST"  # KESTRAL without a final underscore matches words it starts


@pytest.mark.parametrize(
    ("date", "expected"), [("1994-01-01", "BRNCIV"), ("1996-01-01", "BRNGOV"), ("2001-01-01", "BRNREB")]
)
def test_petrarch_date_restrictions(folder: Path, date: str, expected: str) -> None:
    assert (
        codes("Brannock Orvel spoke to reporters in the capital.", folder, date)["Brannock Orvel"] == expected
    )


def test_petrarch_discarded_actor_is_not_an_actor(folder: Path) -> None:
    assert "Silverton" not in codes(
        "Silverton said that there was nothing to say about the Kestral plan.", folder
    )


def test_petrarch_validation_suite_dictionaries_load(shared: Path) -> None:
    lexicon = petrarch_lexicon(shared / "eval" / "petrarch-unittest" / "dictionaries")
    assert ("dagolath",) in lexicon.folded
    assert ("prime", "minister") in lexicon.folded
    text = "Dagolath's first Deputy Prime Minister Telemar arrived in the city on Monday for the talks."
    doc = next(parse_documents([RawDocument(id="t", origin="test", text=text)], raw_mode=True))
    (actor,) = resolve_actors(doc, lexicon).actors
    assert (actor.text, actor.code) == ("Dagolath's first Deputy Prime Minister Telemar", "DAGGOV")


def test_petrarch_folder_without_actors_fails(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"no \*actors\.txt"):
        petrarch_lexicon(tmp_path)


def test_petrarch_unreadable_code_fails(tmp_path: Path) -> None:
    (tmp_path / "Bad.actors.txt").write_text("GONDOR [GON ~~ 1990]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="cannot read actor code"):
        petrarch_lexicon(tmp_path)
