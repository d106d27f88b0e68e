"""The public Python API is deliberate: `worldwire.__all__` lists exactly the public names (ruff sorts it)."""

from __future__ import annotations

import worldwire


def test_api_all_lists_every_public_name() -> None:
    public = {
        name
        for name, value in vars(worldwire).items()
        if (not name.startswith("_") or name == "__version__") and not isinstance(value, type(worldwire))
    }
    assert len(worldwire.__all__) == len(set(worldwire.__all__))
    assert set(worldwire.__all__) == public


def test_api_extract_text_returns_a_contract_record() -> None:
    record = worldwire.extract_text("LONDON (Reuters) - Ministers met on Monday.", date="20230517")
    assert record["text"] == "Ministers met on Monday."
    assert record["date"] == "2023-05-17"
    assert record["dateline"] == {"text": "LONDON (Reuters) -", "place": "London", "date": None}
