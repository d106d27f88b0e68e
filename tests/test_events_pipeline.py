"""Events behind the real actors stage: the seed article's events, and the two event evaluations' scoring."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from worldwire.evaluation.petrarch import Outcome, Record, load_records
from worldwire.evaluation.petrarch import score as score_petrarch
from worldwire.evaluation.plover import GoldRecord, Prediction, load_gold
from worldwire.evaluation.plover import score as score_plover
from worldwire.pipeline import extract


@pytest.fixture(scope="module")
def seed_events(seed_path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    record = next(extract([str(seed_path)], default_date="2023-05-17"))
    return record, record["events"]


def _has(
    events: list[dict[str, Any]], source: str, target: str, cameo: str, plover: str
) -> list[dict[str, Any]]:
    return [
        e
        for e in events
        if e["source"]["country"] == source
        and e["target"] is not None
        and e["target"]["country"] == target
        and e["cameo"]["code"].startswith(cameo)
        and e["plover"]["category"] == plover
    ]


def test_seed_yields_its_events(seed_events: tuple[dict[str, Any], list[dict[str, Any]]]) -> None:
    record, events = seed_events
    text = record["text"]
    intent = _has(events, "CHN", "KAZ", "03", "AGREE")
    assert any("strengthen" in e["evidence"] for e in intent)
    visit = _has(events, "KAZ", "CHN", "042", "CONSULT")
    assert visit
    assert visit[0]["plover"]["mode"] == "visit"
    assert visit[0]["modality"] == "asserted"
    assert _has(events, "CHN", "KAZ", "043", "CONSULT")
    economic = _has(events, "KAZ", "CHN", "0311", "AGREE")
    assert {e["modality"] for e in economic} == {"intended"}
    assert any("$40 billion" in e["evidence"] for e in economic)
    assert any("agricultural" in e["evidence"] for e in economic)
    praise = _has(events, "KAZ", "CHN", "051", "SUPPORT")
    assert praise
    assert "praised Xi" in praise[0]["evidence"]
    for event in events:
        assert text[event["start"] : event["end"]] == event["evidence"]
        assert "Harry" not in event["evidence"]
        assert "Meghan" not in event["evidence"]
        assert event["source"]["country"] != (event["target"] or {}).get("country")
        if "three decades ago" in event["evidence"] and "established" in event["trigger"]:
            assert event["modality"] == "historical"


def test_plover_scoring_maps_old_categories_and_scores_categories(shared: Path) -> None:
    gold = load_gold(shared / "eval" / "plover-gsr")
    assert len(gold) == 322
    categories = {g.category for g in gold}
    assert not categories & {"DEMAND", "DISAPPROVE", "FIGHT", "INVESTIGATE", "DOCUMENT"}
    assert "REQUEST" in categories
    assert "ACCUSE" in categories
    a = GoldRecord("a", "t", None, "AGREE", frozenset({"USA"}), frozenset({"RUS"}))
    b = GoldRecord("b", "t", None, "ASSAULT", frozenset({"ISR"}), frozenset())
    report = score_plover(
        [
            Prediction(a, "AGREE", frozenset({"USA"}), frozenset({"RUS"}), 1),
            Prediction(b, "AGREE", frozenset({"ISR"}), frozenset(), 1),
        ]
    )
    assert report.accuracy == 0.5
    by_name = {c.name: c for c in report.categories}
    assert by_name["AGREE"].precision == 0.5
    assert by_name["AGREE"].recall == 1.0
    assert by_name["ASSAULT"].f1 == 0.0
    assert report.macro_f1 == pytest.approx((2 / 3 + 0.0) / 2)
    assert report.source_f1 == 1.0


def test_petrarch_scoring_leaves_out_error_and_parsing(shared: Path) -> None:
    records = load_records(shared / "eval" / "petrarch-unittest")
    assert records
    assert not {r.category for r in records} & {"ERROR", "PARSING"}
    one = Record("x", "VERB", "t", None, frozenset({("ARN", "GON", "064")}))
    none = Record("y", "DEMO", "t", None, frozenset())
    report = score_petrarch(
        [Outcome(one, frozenset({("ARN", "GON", "0641")})), Outcome(none, frozenset({("ARN", "GON", "111")}))]
    )
    assert report.exact == 0.0
    assert report.root_agreement == 0.5
    assert report.roots.precision == 0.5
    assert report.roots.recall == 1.0
