"""`worldwire eval realnews`: scoring as the realnews-events README defines it, on a gold file made here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from worldwire.evaluation.realnews import evaluate_realnews, gold_country, predicted_code, words_at
from worldwire.interfaces.cli import app
from worldwire.models import EventActor

TEXT = (
    "Kenya's government condemned Uganda on Monday. "
    "Ugandan troops attacked Kenyan police in Busia. "
    "The weather was fine."
)
SENTENCES = TEXT.split(". ")


def _event(sentence: str, source: tuple[str, str] | None, target: tuple[str, str] | None, cameo: str,
           modality: str = "asserted") -> dict[str, object]:  # fmt: skip
    return {
        "sentence": sentence,
        "source": {"text": source[0], "code": source[1]} if source else None,
        "target": {"text": target[0], "code": target[1]} if target else None,
        "cameo": cameo,
        "plover": "",
        "modality": modality,
    }


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    events = [
        _event(SENTENCES[0] + ".", ("Kenya's government", "KENGOV"), ("Uganda", "UGA"), "111"),
        _event(SENTENCES[1] + ".", ("Ugandan troops", "UGAMIL"), ("Kenyan police", "KENCOP"), "190"),
        _event(SENTENCES[1] + ".", ("Ugandan troops", "UGAMIL"), None, "138", modality="negated"),
    ]
    record = {"doc": "d1", "date": "2021-05-03", "title": "t", "url": "u", "text": TEXT, "events": events}
    (tmp_path / "gold.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return tmp_path


def test_realnews_scores_roots_dyads_and_actors(gold: Path) -> None:
    report = evaluate_realnews(gold)
    assert report.gold_events == 2  # the negated gold event is left out
    assert report.key("dyad_root").recall == 1.0
    assert report.key("root").precision == 1.0
    assert report.actors.parties == 4
    assert report.actors.found == 1.0
    assert report.actors.code == 1.0
    assert {"root_f1", "dyad_root_f1", "strict_f1", "actor_code", "both_named"} <= set(report.floor_metrics())


def test_realnews_writes_details_and_gates_floors(gold: Path, tmp_path: Path) -> None:
    floors, details = tmp_path / "floors.json", tmp_path / "details.jsonl"
    floors.write_text(json.dumps({"realnews": {"dyad_root_f1": 1.01}}), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["eval", "realnews", str(gold), "--details", str(details), "--floors", str(floors)]
    )
    assert result.exit_code != 0  # a floor above the score fails the gate
    rows = [json.loads(line) for line in details.read_text(encoding="utf-8").splitlines()]
    assert {row["kind"] for row in rows} == {"predicted"}
    assert any(row["cameo"].startswith("19") and "dyad_root" in row["matched"] for row in rows)


def test_realnews_codes_a_role_without_a_state_as_the_gold_does() -> None:
    role = EventActor("police", "COP", None, "COP")
    assert predicted_code(role) == "---COP"
    assert gold_country("---COP") == "---"
    assert gold_country("") == "-"


def test_a_gold_party_is_found_as_words_not_inside_a_word() -> None:
    sentence = "The German government said there was proof he had been poisoned."
    assert sentence[words_at(sentence, "he") :].startswith("he had")  # not the end of "The"
    assert words_at("Thereafter they left.", "the") == 11  # no word "the": where the letters first stand
