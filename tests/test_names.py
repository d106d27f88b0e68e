"""Issue 16, item 3: country names, ISO-2/ISO-3 codes and CAMEO/PLOVER names are accepted by the CLI, the
HTTP API and the Python API alike; one way to write a dyad ("CHN-KAZ") everywhere; an unknown name is an
error that lists the closest matches instead of an empty answer."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from starlette.exceptions import StarletteDeprecationWarning
from typer.testing import CliRunner

import worldwire
from storekit import event, record
from worldwire.errors import WorldwireError
from worldwire.interfaces.cli import app
from worldwire.interfaces.server import create_app
from worldwire.store import names

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", category=StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

MEETING = "The foreign ministers of China and Kazakhstan met in Astana to discuss a new rail corridor."
BLAME = "Kazakhstan accused China of dumping steel on its market, the trade ministry said."
PROTEST = "Protesters in Bishkek rallied against the Kyrgyz government over a border deal with China."


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("names") / "w.duckdb"
    with worldwire.open(path) as store:
        store.add_records(
            [
                record("meet", MEETING, [event("CHNGOV", "KAZGOV", "036", MEETING, "ministers of China")],
                       date="2023-02-14"),
                record("blame", BLAME, [event("KAZ", "CHN", "112", BLAME, "Kazakhstan accused China")],
                       date="2023-04-02"),
                record("protest", PROTEST, [event("KGZ", "KGZGOV", "130", PROTEST, "rallied against")],
                       date="2023-05-01"),
            ]
        )  # fmt: skip
    return path


def _cli(*args: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    "dyad", ["CHN-KAZ", "KAZ-CHN", "China-Kazakhstan", "cn-kz", "Chinese-Kazakh", "CN/KZ"]
)
def test_names_cli_dyad_in_any_spelling(db: Path, dyad: str) -> None:
    rows = _cli("events", "--dyad", dyad, "--db", str(db))
    assert sorted(r["cameo"] for r in rows) == ["036", "112"]


def test_names_cli_root_plover_and_actor_by_name(db: Path) -> None:
    assert [r["cameo"] for r in _cli("events", "--root", "disapprove", "--db", str(db))] == ["112"]
    assert [r["cameo"] for r in _cli("events", "--root", "11", "--db", str(db))] == ["112"]
    assert [r["cameo"] for r in _cli("events", "--plover", "accuse", "--db", str(db))] == ["112"]
    assert [r["cameo"] for r in _cli("events", "--actor", "Kyrgyzstan", "--db", str(db))] == ["130"]
    timeline = _cli("timeline", "China", "KZ", "--by", "year", "--db", str(db))
    assert [t["events"] for t in timeline] == [2]
    assert _cli("timeline", "CHN-KAZ", "--by", "year", "--db", str(db)) == timeline


def test_names_cli_table_shows_the_cameo_name(db: Path) -> None:
    result = CliRunner().invoke(app, ["events", "--db", str(db)], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert "accuse" in result.stdout  # 112: the codebook's "accuse"
    assert "threaten" in result.stdout  # 130


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["events", "--dyad", "Chna-KAZ"], "closest: China (CHN)"),
        (["events", "--actor", "Kazahkstan"], "Kazakhstan (KAZ)"),
        (["events", "--root", "protets"], "closest: protest (14)"),
        (["events", "--plover", "acuse"], "closest: ACCUSE"),
        (["timeline", "China", "Atlantis"], "unknown country 'Atlantis'"),
    ],
)
def test_names_cli_unknown_name_is_an_error_with_the_closest(db: Path, args: list[str], says: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "worldwire", *args, "--db", str(db)],
        capture_output=True,
        text=True,
        check=False,
        env={"COLUMNS": "400", "PATH": ""},
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert says in " ".join(done.stderr.split())
    assert done.stdout == ""


def test_names_http_accepts_names_and_says_the_resolved_dyad(db: Path) -> None:
    client = TestClient(create_app(db))
    page = client.get("/api/events", params={"dyad": "China-Kazakhstan", "root": "disapprove"}).json()
    assert [e["cameo"] for e in page["items"]] == ["112"]
    assert page["items"][0]["cameo_name"] == "accuse, not specified below"
    assert client.get("/api/events", params={"plover": "accuse"}).json()["total"] == 1
    assert client.get("/api/events", params={"country": "KG"}).json()["total"] == 1
    timeline = client.get("/api/timeline", params={"dyad": "cn-kz"}).json()
    assert timeline["dyad"] == "CHN-KAZ"  # the dashboard's free-dyad form takes the codes from here


def test_names_python_api_takes_the_same_spellings(db: Path) -> None:
    with worldwire.open(db, read_only=True) as store:
        by_string = store.events(dyad="CHN-KAZ")
        assert len(by_string) == 2
        assert store.events(dyad=("China", "Kazakhstan")).equals(by_string)
        assert store.events(root=11)["cameo"].tolist() == ["112"]
        assert store.events(root="disapprove")["cameo"].tolist() == ["112"]
        assert store.timeline("CHN-KAZ", by="year").equals(store.timeline("China", "KZ", by="year"))
        with pytest.raises(WorldwireError, match=r"\[E607\].*closest: China \(CHN\)"):
            store.events(dyad="Chna-KAZ")


def test_names_resolution_rules() -> None:
    assert names.dyad("Guinea-Bissau-Senegal") == ("GNB", "SEN")  # split where both sides are countries
    assert names.dyad("Côte d’Ivoire-Ghana") == ("CIV", "GHA")
    assert names.dyad("United States - Iran") == ("USA", "IRN")
    assert names.country("U.S.") == "USA"
    with pytest.raises(WorldwireError, match=r"it could be engage in diplomatic cooperation \(05\)"):
        names.cameo_root("cooperation")
    with pytest.raises(WorldwireError, match=r"\[E608\]"):
        names.cameo_root(21)
