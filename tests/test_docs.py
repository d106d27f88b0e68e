"""The docs keep up with the code: every output field, error code and setting is described."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from worldwire.errors import Errors
from worldwire.models import (
    ActorDocument,
    AnnotatedDocument,
    CleanDocument,
    EnrichedDocument,
    EventDocument,
    RawDocument,
)
from worldwire.output import to_record
from worldwire.settings import SETTINGS

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = (ROOT / "docs" / "extract-contract.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _record_keys() -> list[str]:
    raw = RawDocument(id="x", origin="x", text="t")
    doc = AnnotatedDocument(clean=CleanDocument(raw=raw, text="t", title=None, date=None), language="en")
    return list(to_record(EnrichedDocument(EventDocument(ActorDocument(doc)))))


@pytest.mark.parametrize("field", _record_keys())
def test_docs_describe_every_output_field(field: str) -> None:
    assert f"| `{field}` |" in CONTRACT


@pytest.mark.parametrize("code", [name for name in vars(Errors) if re.fullmatch(r"E\d{3}", name)])
def test_docs_list_every_error_code(code: str) -> None:
    assert f"| {code} |" in CONTRACT


@pytest.mark.parametrize("setting", [s.name for s in SETTINGS])
def test_docs_readme_lists_every_setting(setting: str) -> None:
    assert f"`{setting}`" in README


def test_docs_readme_gives_exactly_two_commands() -> None:
    commands = re.findall(r"^\s*make (\w+)\s*$", README.split("## ")[1], re.MULTILINE)
    assert commands == ["demo", "test"]
