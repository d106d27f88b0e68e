"""The seed article end to end: the golden cleaned body, and what the foundations issue asks of it.

Regenerate the golden file after a deliberate change with `make golden` and review its diff.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from textspans import from_runs, invents_nothing, to_runs
from worldwire.interfaces.cli import app

GOLDEN = Path(__file__).parent / "golden" / "seed-clean.json"


@pytest.fixture(scope="module")
def seed_record(seed_path: Path) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["extract", str(seed_path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    record: dict[str, Any] = json.loads(lines[0])
    return record


def _golden_of(record: dict[str, Any], source: str) -> dict[str, Any]:
    title_start = source.find(record["title"])
    return {
        "source": "seed/xi-kazakhstan.txt",
        "source_sha256": hashlib.sha256(source.encode()).hexdigest(),
        "title": [title_start, title_start + len(record["title"])],
        "text": [list(run) for run in to_runs(record["text"], source)],
        "removed": [
            {"kind": r["kind"], "span": [source.find(r["text"]), source.find(r["text"]) + len(r["text"])]}
            for r in record["removals"]
        ],
        "dateline_place": record["dateline"]["place"] if record["dateline"] else None,
    }


def test_seed_matches_golden(seed_record: dict[str, Any], seed_path: Path) -> None:
    source = seed_path.read_text(encoding="utf-8")
    if os.environ.get("WORLDWIRE_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(_golden_of(seed_record, source), indent=None) + "\n", encoding="utf-8")
        pytest.skip(f"golden file rewritten: {GOLDEN}; review its diff")
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert golden["source_sha256"] == hashlib.sha256(source.encode()).hexdigest(), "the seed changed"
    start, end = golden["title"]
    assert seed_record["title"] == source[start:end]
    assert seed_record["text"] == from_runs([tuple(run) for run in golden["text"]], source)
    assert [(r["kind"], r["text"]) for r in seed_record["removals"]] == [
        (r["kind"], source[r["span"][0] : r["span"][1]]) for r in golden["removed"]
    ]
    assert (seed_record["dateline"] or {}).get("place") == golden["dateline_place"]


def test_seed_title_is_the_headline(seed_record: dict[str, Any], seed_path: Path) -> None:
    first_line = seed_path.read_text(encoding="utf-8").splitlines()[0]
    assert seed_record["title"] == first_line
    assert first_line not in seed_record["text"]


def test_seed_debris_is_removed_with_its_kind(seed_record: dict[str, Any]) -> None:
    kinds = {r["kind"] for r in seed_record["removals"]}
    assert {"read_also", "social", "caption", "dateline"} <= kinds
    text = seed_record["text"]
    for removal in seed_record["removals"]:
        assert removal["text"] not in text, removal
    assert seed_record["removed"] == [r["text"] for r in seed_record["removals"]]
    assert "Harry" not in text
    assert "Telegram" not in text
    assert seed_record["dateline"]["place"] == "Xian"


def test_seed_keeps_every_news_paragraph(seed_record: dict[str, Any], seed_path: Path) -> None:
    """Every source paragraph of more than 12 words that was not cut as debris survives (whitespace aside)."""
    source = seed_path.read_text(encoding="utf-8")
    squeezed = "".join(seed_record["text"].split())
    cut = {r["text"] for r in seed_record["removals"]}
    for paragraph in source.split("\n\n")[1:]:
        if len(paragraph.split()) > 12 and paragraph.strip() not in cut:
            words = paragraph.split()
            assert "".join(words[-6:]).strip('"') in squeezed, paragraph[:60]


def test_seed_glued_sentences_are_split(seed_record: dict[str, Any]) -> None:
    text = seed_record["text"]
    assert "reads. According" in text
    starts = {text[s : s + 12] for s, _ in seed_record["sentences"]}
    assert "According to" in starts


def test_seed_offsets_slice_the_text(seed_record: dict[str, Any], seed_path: Path) -> None:
    text = seed_record["text"]
    assert invents_nothing(text, seed_path.read_text(encoding="utf-8"))
    for start, end in seed_record["sentences"]:
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
