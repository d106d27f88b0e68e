"""`worldwire extract` keeps the shared contract: fields, order, raw mode, standard input."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from worldwire.interfaces.cli import app

TEXT = "Ministers from both countries met in Astana on Monday.\n\nThey agreed to expand trade."


def _records(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines()]


def _contract_example(shared: Path) -> dict[str, Any]:
    spec = (shared / "spec" / "extract-contract.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", spec, re.DOTALL)
    assert block, "the contract's JSON example is missing"
    example: dict[str, Any] = json.loads(block.group(1))
    return example


def test_cli_record_has_every_contract_field_with_its_type(shared: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--date", "20230517"])
    assert result.exit_code == 0, result.output
    (record,) = _records(result.stdout)
    example = _contract_example(shared)
    assert list(record)[: len(example)] == list(example), "contract fields, in the contract's order"
    for key, value in example.items():
        if record[key] is not None and value is not None:
            assert type(record[key]) is type(value) or {type(record[key]), type(value)} <= {int, float}, key
    assert record["id"] == "a.txt"
    assert record["date"] == "2023-05-17"
    assert record["error"] is None


def test_cli_raw_mode_offsets_refer_to_the_input(tmp_path: Path) -> None:
    text = "LONDON (Reuters) - Ministers met  on Monday.\r\nBy Jane Roe\n"
    line = json.dumps({"id": "r1", "text": text})
    result = CliRunner().invoke(app, ["extract", "--raw", "-"], input=line + "\n")
    assert result.exit_code == 0, result.output
    (record,) = _records(result.stdout)
    assert record["text"] == text
    assert record["removed"] == []
    assert record["dateline"] is None
    for start, end in record["sentences"]:
        assert text[start:end].strip() == text[start:end]


def test_cli_reads_jsonl_from_stdin_in_order() -> None:
    lines = "".join(
        json.dumps({"id": f"n{i}", "title": f"Story {i}", "date": "2020-01-0" + str(i + 1), "text": TEXT})
        + "\n"
        for i in range(3)
    )
    result = CliRunner().invoke(app, ["extract"], input=lines)
    assert result.exit_code == 0, result.output
    records = _records(result.stdout)
    assert [r["id"] for r in records] == ["n0", "n1", "n2"]
    assert [r["title"] for r in records] == ["Story 0", "Story 1", "Story 2"]
    assert records[2]["date"] == "2020-01-03"


def test_cli_eval_help_lists_aeb() -> None:
    result = CliRunner().invoke(app, ["eval", "--help"])
    assert result.exit_code == 0
    assert "aeb" in result.stdout
