"""`worldwire eval actors`: gold actors are read leniently, located in the text and scored honestly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from worldwire.evaluation.actors import GOLD_FILE, evaluate_actors, gold_actors, locate

pytestmark = pytest.mark.slow

RECORDS = [
    {"id": "doc", "event": "DOCUMENT"},
    {
        "id": "r1",
        "date": "2023-06-01",
        "text": "Kazakh police detained protesters in Almaty on Monday, the interior ministry said.",
        "source": [{"actorText": "Kazakh police", "code": "KAZ", "sector": "COP"}],
        "target": [{"actorText": "protesters", "code": "KAZ", "sector": "OPP"}],
    },
    {
        "id": "r2",
        "date": "2023-06-01",
        "text": "Tokyo and Seoul agreed on Friday to resume their regular talks on security in the region.",
        "source": [{"actorText": "Tokyo", "code": "JAP"}, {"actorText": "Seoul", "code": "KOR"}],
        "target": "",
    },
    {
        "id": "r3",
        "date": "2023-06-01",
        "text": "The United Nations called on both sides to respect the ceasefire that began last week.",
        "source": [{"actorText": "United  Nations", "code": "IGO", "sector": "***"}],
        "target": "diplomatic",
    },
]


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    (tmp_path / GOLD_FILE).write_text(json.dumps(RECORDS), encoding="utf-8")
    return tmp_path


def test_actor_eval_reads_gold_leniently() -> None:
    actors = [a for r in RECORDS for a in gold_actors(r)]
    assert [(a.text, a.code, a.sector) for a in actors] == [
        ("Kazakh police", "KAZ", "COP"),
        ("protesters", "KAZ", "OPP"),
        ("Tokyo", "JPN", None),  # legacy CAMEO code mapped to ISO
        ("Seoul", "KOR", None),
        ("United  Nations", "IGO", None),  # "***" is no sector
    ]
    assert locate("The United Nations said", "United  Nations") == (4, 18)


def test_actor_eval_scores_countries_sectors_and_coverage(gold: Path) -> None:
    report = evaluate_actors(gold)
    overall = report.score("all")
    assert report.records == 3
    assert report.unlocated == 0
    assert overall.actors == 5
    assert overall.with_sector == 2
    assert overall.coverage == 1.0
    assert overall.sector == 1.0
    assert overall.country == 1.0  # "protesters" take the state their story is about: the police's
    assert report.floor_metrics().keys() == {"country_accuracy", "sector_accuracy", "coverage"}


def test_actor_eval_locates_whole_words_first() -> None:
    text = "The status of the talks worried the US on Monday."
    assert locate(text, "US") == (36, 38)
    assert locate("Talks in Bosnia-Herzegovina", "Bosnia") == (9, 15)
