"""Schemathesis against the API's own OpenAPI schema: requests generated from every operation's
parameters (valid and invalid) never get a server error, and every answer (errors included) has the
status code, content type and shape the schema declares."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import hypothesis
import pytest
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

import worldwire
from storekit import event, record
from worldwire.interfaces.server import create_app

TEXT = (
    "The foreign ministers of China and Kazakhstan met in Astana on Monday, while Russian troops shelled "
    "positions near Kharkiv and Iran's police did not detain the visiting reporters, officials said."
)


def _store(path: Path) -> Path:
    records = [
        record(
            f"doc{day}",
            TEXT.replace("Monday", f"day {day}"),
            [
                event("CHNGOV", "KAZGOV", "042", TEXT, "met in Astana"),
                event("RUSMIL", "UKR", "190", TEXT, "troops shelled"),
                event("IRNCOP", "USA", "173", TEXT, "did not detain", modality="negated"),
            ],
            date=f"2023-0{1 + day % 9}-1{day % 10}",
            url=f"https://site{day % 3}.example/{day}",
            place=("Astana", "KAZ", 51.18, 71.45),
        )
        for day in range(12)
    ]
    with worldwire.open(path) as store:
        store.add_records(records)
    return path


# Schemathesis reads the schema when this module is collected (its fixture-based loader does not work
# with pytest 9), so the store is built then, in a folder removed when the module's tests are done.
FOLDER = tempfile.TemporaryDirectory(prefix="worldwire-schema-")
APP = create_app(_store(Path(FOLDER.name) / "w.duckdb"))
schema = schemathesis.openapi.from_asgi("/api/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def _cleanup() -> Iterator[None]:
    yield
    APP.state.con.close()
    FOLDER.cleanup()


CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance]


@schema.parametrize()
@hypothesis.settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[hypothesis.HealthCheck.too_slow, hypothesis.HealthCheck.filter_too_much],
)
def test_server_schema_no_server_error_and_declared_shapes(case: Any) -> None:
    case.call_and_validate(checks=CHECKS)


def test_server_schema_covers_every_operation() -> None:
    operations = {result.ok().path for result in schema.get_all_operations()}
    assert len(operations) == 11  # /api/alerts is the eleventh (issue 17)
    assert all(path.startswith("/api/") for path in operations)
