"""AEB scoring reproduces the benchmark's published figures; floors only go up and gate regressions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from worldwire.errors import GateError
from worldwire.evaluation.aeb import evaluate_aeb, score_page, summarize
from worldwire.evaluation.floors import check_floors, raise_floors

FLOORS = Path(__file__).resolve().parent.parent / "eval" / "floors.json"


def test_score_page_counts_shingles() -> None:
    assert score_page("a b c d e", "a b c d e") == score_page("a b c d e", "a b c d e")
    perfect = score_page("one two three four five", "one two three four five")
    assert (perfect.tp, perfect.fp, perfect.fn, perfect.exact) == (1.0, 0.0, 0.0, True)
    half = score_page("one two three four", "one two three four five six seven")
    assert half.tp == pytest.approx(1 / 4)
    assert half.fn == pytest.approx(3 / 4)
    assert score_page("", "").tp == 1.0


def test_aeb_scoring_reproduces_published_trafilatura_figures(shared: Path) -> None:
    """The benchmark published F1 0.958, P 0.938, R 0.978, accuracy 0.293 for trafilatura 2.0.0."""
    root = shared / "eval" / "article-extraction-benchmark"
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    output = json.loads((root / "baseline_outputs" / "trafilatura.json").read_text(encoding="utf-8"))[
        "output"
    ]
    pages = [score_page(output[k]["articleBody"], v["articleBody"]) for k, v in sorted(gold.items())]
    score = summarize("trafilatura 2.0.0", pages, resamples=0)
    assert round(score.f1, 3) == 0.958
    assert round(score.precision, 3) == 0.938
    assert round(score.recall, 3) == 0.978
    assert round(score.accuracy, 3) == 0.293


@pytest.mark.slow
def test_aeb_worldwire_beats_trafilatura_and_published_figure(shared: Path) -> None:
    report = evaluate_aeb(shared / "eval" / "article-extraction-benchmark", resamples=0)
    ours, theirs = report.system("worldwire"), report.system("trafilatura (defaults)")
    assert ours.f1 >= 0.958
    assert ours.f1 >= theirs.f1


def test_floors_gate_fails_below_floor(tmp_path: Path) -> None:
    floors = tmp_path / "floors.json"
    raise_floors(floors, "aeb", {"f1": 0.9712})
    check_floors(floors, "aeb", {"f1": 0.9712})
    with pytest.raises(GateError, match=r"\[E501\].*aeb\.f1 = 0\.9600 is below the pinned floor 0\.9710"):
        check_floors(floors, "aeb", {"f1": 0.96})


def test_floors_are_never_lowered(tmp_path: Path) -> None:
    floors = tmp_path / "floors.json"
    raise_floors(floors, "aeb", {"f1": 0.97})
    assert raise_floors(floors, "aeb", {"f1": 0.90}) == {"f1": 0.97}
    assert raise_floors(floors, "aeb", {"f1": 0.98})["f1"] == 0.98


def test_floors_missing_section_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GateError, match="no floors pinned"):
        check_floors(tmp_path / "floors.json", "aeb", {"f1": 1.0})


def test_floors_file_in_repo_pins_aeb() -> None:
    assert json.loads(FLOORS.read_text(encoding="utf-8"))["aeb"]["f1"] >= 0.958
