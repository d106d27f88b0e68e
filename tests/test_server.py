"""The HTTP API (`worldwire serve`): every endpoint and filter, pages and their depth limit, one JSON error
shape for every failure, a read-only store, and the seed article's evidence spans served intact."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from starlette.exceptions import StarletteDeprecationWarning

import worldwire
from storekit import event, record
from worldwire.errors import WorldwireError
from worldwire.interfaces.server import create_app
from worldwire.store import queries

with warnings.catch_warnings():  # starlette asks for httpx2, which is not a dependency; httpx works
    warnings.filterwarnings("ignore", category=StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

VISIT = "The Chinese president arrived in Astana for a state visit and talks on trade"
SHELLING = "Russian forces shelled the city of Kharkiv overnight, regional officials said"
STAKE = "Kazakhstan signed a deal with China that gives Beijing a 50% stake in the new pipeline"
ACCUSE = "Washington accused Beijing of unfair trade practices in a statement on Friday"
ARREST = "Police in Tehran did not arrest the American journalist, his lawyer said"
CONTRACT_KEYS = {
    "event_id", "date", "actor1_code", "actor1_name", "actor1_country", "actor2_code", "actor2_name",
    "actor2_country", "cameo", "cameo_root", "quad_class", "goldstein", "plover", "plover_mode", "modality",
    "num_mentions", "num_articles", "num_sources", "avg_tone", "geo_name", "geo_country", "geo_lat",
    "geo_lon", "source_url", "evidence", "first_article_id",
}  # fmt: skip


def _records() -> list[dict[str, Any]]:
    def one(doc_id: str, text: str, date: str, *events: Any, place: Any = None) -> dict[str, Any]:
        return record(
            doc_id, text, list(events), date=date, url=f"https://{doc_id}.example/story", place=place
        )

    return [
        one("visit", VISIT, "2023-01-10", event("CHNGOV", "KAZGOV", "042", VISIT, "arrived in Astana"),
            place=("Astana", "KAZ", 51.18, 71.45)),
        one("shelling", SHELLING, "2023-03-05", event("RUSMIL", "UKR", "190", SHELLING, "forces shelled"),
            place=("Kharkiv", "UKR", 49.99, 36.23)),
        one("stake", STAKE, "2023-05-17", event("KAZGOV", "CHNGOV", "057", STAKE, "signed a deal"),
            event("KAZ", "CHN", "061", STAKE, "50% stake")),
        one("accuse", ACCUSE, "2023-06-01",
            event("USAGOV", "CHN", "112", ACCUSE, "Washington accused Beijing", modality="intended")),
        one("arrest", ARREST, "2023-07-04",
            event("IRNCOP", "USA", "173", ARREST, "did not arrest", modality="negated")),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("server") / "w.duckdb"
    with worldwire.open(path) as store:
        store.add_records(_records())
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    app = create_app(db)
    yield TestClient(app, raise_server_exceptions=False)
    app.state.con.close()


def _get(client: TestClient, url: str, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _codes(client: TestClient, **params: Any) -> list[str]:
    return [e["cameo"] for e in _get(client, "/api/events", **params)["items"]]


def _error(response: Any, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert body["error"]["message"].startswith(f"[{code}]")
    return str(body["error"]["message"])


def test_server_stats_are_the_store_status(client: TestClient, db: Path) -> None:
    stats = _get(client, "/api/stats")
    with worldwire.open(db, read_only=True) as store:
        assert stats == store.status()
    assert stats["events"] == 5
    assert stats["negated_events"] == 1


def test_server_events_are_newest_first_with_the_contract_fields(client: TestClient) -> None:
    page = _get(client, "/api/events")
    assert (page["page"], page["page_size"], page["total"]) == (1, 50, 5)
    dates = [e["date"] for e in page["items"]]
    assert dates == ["2023-06-01", "2023-05-17", "2023-05-17", "2023-03-05", "2023-01-10"]
    first = page["items"][0]
    assert set(first) >= CONTRACT_KEYS
    assert first["date"] == "2023-06-01"
    assert first["evidence"] == "Washington accused Beijing"
    assert all(e["modality"] != "negated" for e in page["items"])


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"dyad": "CHN-KAZ"}, {"042", "057", "061"}),
        ({"dyad": "kaz-chn"}, {"042", "057", "061"}),  # either order, any case
        ({"actor": "CHNGOV"}, {"042", "057"}),  # an actor's exact code, either side
        ({"actor": "chn"}, {"061", "112"}),
        ({"country": "CHN"}, {"042", "057", "061", "112"}),  # a country, either side
        ({"cameo": "05"}, {"057"}),  # a prefix: the code and its sub-codes
        ({"cameo": "042"}, {"042"}),
        ({"root": "19"}, {"190"}),
        ({"root": "6"}, {"061"}),
        ({"plover": "CONSULT"}, {"042"}),
        ({"modality": "intended"}, {"112"}),
        ({"modality": "negated"}, {"173"}),  # asking for negated events shows them
        ({"negated": "true"}, {"042", "057", "061", "112", "173", "190"}),
        ({"since": "2023-05-17"}, {"057", "061", "112"}),
        ({"until": "2023-03-05"}, {"042", "190"}),
        ({"since": "2023-02-01", "until": "2023-05-31", "country": "KAZ"}, {"057", "061"}),
        ({"q": "SHELLED"}, {"190"}),  # words of the evidence, any case
        ({"q": "signed deal"}, {"057"}),  # every word, anywhere in the evidence
        ({"q": "50%"}, {"061"}),
        ({"q": "%"}, {"061"}),  # % and _ match themselves, not anything
        ({"q": "_"}, set()),
        ({"dyad": "", "country": "", "q": ""}, {"042", "057", "061", "112", "190"}),  # empty: no filter
    ],
)
def test_server_events_filters(client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    assert set(_codes(client, **params)) == expected


def test_server_events_pages_and_counts(client: TestClient) -> None:
    first = _get(client, "/api/events", page_size=2)
    second = _get(client, "/api/events", page_size=2, page=2)
    last = _get(client, "/api/events", page_size=2, page=3)
    beyond = _get(client, "/api/events", page_size=2, page=4)
    assert first["total"] == second["total"] == last["total"] == beyond["total"] == 5
    ids = [e["event_id"] for page in (first, second, last) for e in page["items"]]
    assert len(ids) == len(set(ids)) == 5
    assert beyond["items"] == []
    everything = _get(client, "/api/events", page_size=200)["items"]
    assert [e["event_id"] for e in everything] == ids


def test_server_events_pages_stop_at_the_depth_limit(client: TestClient) -> None:
    assert _get(client, "/api/events", page=50, page_size=200)["items"] == []  # exactly 10,000: allowed
    message = _error(client.get("/api/events", params={"page": 51, "page_size": 200}), 400, "E702")
    assert "narrow your filters" in message


@pytest.mark.parametrize(
    ("url", "params", "name"),
    [
        ("/api/events", {"actor": "CHN1"}, "actor"),
        ("/api/events", {"cameo": "4"}, "cameo"),
        ("/api/events", {"cameo": "04a"}, "cameo"),
        ("/api/events", {"modality": "maybe"}, "modality"),
        ("/api/events", {"since": "2023-13-01"}, "since"),
        ("/api/events", {"until": "yesterday"}, "until"),
        ("/api/events", {"q": "x" * 201}, "q"),
        ("/api/events", {"negated": "perhaps"}, "negated"),
        ("/api/events", {"page": "0"}, "page"),
        ("/api/events", {"page": "two"}, "page"),
        ("/api/events", {"page_size": "201"}, "page_size"),
        ("/api/timeline", {"by": "decade"}, "by"),
        ("/api/dyads", {"top": "0"}, "top"),
        ("/api/places", {"top": "-1"}, "top"),
        ("/api/actors", {"since": "2023-02-30"}, "since"),
    ],
)
def test_server_bad_parameters_are_400_with_the_reason(
    client: TestClient, url: str, params: dict[str, str], name: str
) -> None:
    message = _error(client.get(url, params=params), 400, "E701")
    assert f"bad parameter {name!r}" in message
    assert "Expected" in message


@pytest.mark.parametrize(
    ("url", "params", "code", "says"),
    [
        ("/api/events", {"dyad": "CHINA"}, "E607", "unknown country 'CHINA'"),
        ("/api/events", {"dyad": "CHN-KAZ-RUS"}, "E607", "joined by '-'"),
        ("/api/events", {"dyad": "Chna-KAZ"}, "E607", "closest: China (CHN)"),
        ("/api/events", {"country": "CHX"}, "E607", "unknown country 'CHX'"),
        ("/api/events", {"root": "21"}, "E608", "01 to 20"),
        ("/api/events", {"root": "protets"}, "E608", "closest: protest (14)"),
        ("/api/events", {"plover": "PARTY"}, "E608", "unknown PLOVER category 'PARTY'"),
        ("/api/network", {"dyad": "'; DROP TABLE events; --"}, "E607", "unknown country"),
    ],
)
def test_server_unknown_names_are_400_with_the_closest_matches(
    client: TestClient, url: str, params: dict[str, str], code: str, says: str
) -> None:
    assert says in _error(client.get(url, params=params), 400, code)


def test_server_unknown_ids_and_routes_are_404(client: TestClient) -> None:
    assert "no event with id" in _error(client.get("/api/events/nothing"), 404, "E703")
    assert "no article with id" in _error(client.get("/api/articles/nothing"), 404, "E703")
    _error(client.get("/api/nothing"), 404, "E704")
    _error(client.get("/api/events/a/b"), 404, "E704")


def test_server_refuses_writes(client: TestClient, db: Path) -> None:
    for method in ("post", "put", "delete", "patch"):
        _error(getattr(client, method)("/api/events"), 405, "E704")
    con = client.app.state.con  # type: ignore[attr-defined]
    with pytest.raises(duckdb.Error, match="read-only"):
        con.execute("DELETE FROM events")
    assert _get(client, "/api/stats")["events"] == 5


def test_server_sql_looking_input_is_only_data(client: TestClient) -> None:
    for text in ("'; DROP TABLE events; --", "' OR '1'='1", "x') OR 1=1 --", "\\"):
        assert _get(client, "/api/events", q=text)["items"] == []
        _error(client.get(f"/api/events/{text}"), 404, "E703")
    assert _get(client, "/api/stats")["events"] == 5


def test_server_unexpected_errors_are_500_without_a_traceback(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_con: Any) -> dict[str, Any]:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(queries, "status", broken)
    app = create_app(db)
    response = TestClient(app, raise_server_exceptions=False).get("/api/stats")
    app.state.con.close()
    message = _error(response, 500, "E705")
    assert "secret" not in response.text
    assert "Traceback" not in response.text
    assert "GET /api/stats" in message


def test_server_refuses_a_missing_store_without_creating_one(tmp_path: Path) -> None:
    path = tmp_path / "absent.duckdb"
    with pytest.raises(WorldwireError, match=r"\[E706\]"):
        create_app(path)
    assert not path.exists()


def test_server_publishes_openapi_and_no_cdn_pages(client: TestClient) -> None:
    schema = _get(client, "/api/openapi.json")
    paths = set(schema["paths"])
    expected = {
        "events",
        "events/{event_id}",
        "dyads",
        "timeline",
        "actors",
        "network",
        "places",
        "stats",
        "event-types",
        "alerts",
    }
    assert {f"/api/{p}" for p in expected} | {"/api/articles/{article_id}"} == paths
    for operation in schema["paths"].values():
        responses = operation["get"]["responses"]
        assert "422" not in responses
        assert responses["4XX"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    _error(client.get("/docs"), 404, "E704")
    _error(client.get("/redoc"), 404, "E704")


def test_server_serves_the_dashboard_at_the_root(db: Path, tmp_path: Path) -> None:
    static = tmp_path / "static"
    static.mkdir()
    (static / "index.html").write_text("<!doctype html><title>dashboard</title>", encoding="utf-8")
    (static / "app.js").write_text("export {};", encoding="utf-8")
    app = create_app(db, static=static)
    client = TestClient(app)
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "dashboard" in page.text
    assert client.get("/app.js").status_code == 200
    assert _get(client, "/api/stats")["events"] == 5  # the API is not shadowed by the files
    _error(client.get("/missing.js"), 404, "E704")
    app.state.con.close()


def test_server_event_has_its_mentions_with_offsets(client: TestClient) -> None:
    listed = _get(client, "/api/events", cameo="061")["items"][0]
    found = _get(client, f"/api/events/{listed['event_id']}")
    assert {k: found[k] for k in listed} == listed
    (mention,) = found["mentions"]
    assert mention["article_id"] == listed["first_article_id"]
    assert STAKE[mention["start"] : mention["end"]] == mention["evidence"] == "50% stake"
    negated = _get(client, "/api/events", modality="negated")["items"][0]
    assert _get(client, f"/api/events/{negated['event_id']}")["modality"] == "negated"  # by id: any event


def test_server_article_text_and_evidence_spans(client: TestClient) -> None:
    first = _get(client, "/api/events", cameo="057")["items"][0]
    article = _get(client, f"/api/articles/{first['first_article_id']}")
    assert article["text"] == STAKE
    assert article["date"] == "2023-05-17"
    assert article["url"] == "https://stake.example/story"
    assert [e["cameo"] for e in article["events"]] == ["057", "061"]  # in reading order
    for item in article["events"]:
        assert article["text"][item["start"] : item["end"]] == item["evidence"]


def test_server_dyads(client: TestClient) -> None:
    items = _get(client, "/api/dyads")["items"]
    assert items[0] == {
        "country1": "CHN", "country2": "KAZ", "events": 3, "mentions": 3,
        "mean_goldstein": round((1.9 + 8.0 + 6.4) / 3, 2), "cooperation": 3, "conflict": 0,
    }  # fmt: skip
    assert {(d["country1"], d["country2"]) for d in items} == {("CHN", "KAZ"), ("RUS", "UKR"), ("CHN", "USA")}
    assert len(_get(client, "/api/dyads", top=1)["items"]) == 1
    assert {d["country2"] for d in _get(client, "/api/dyads", country="UKR")["items"]} == {"UKR"}
    assert len(_get(client, "/api/dyads", negated="true")["items"]) == 4
    assert _get(client, "/api/dyads", since="2023-06-01")["items"][0]["country2"] == "USA"


def test_server_timeline(client: TestClient) -> None:
    timeline = _get(client, "/api/timeline", dyad="chn-kaz", by="month")
    assert (timeline["dyad"], timeline["by"]) == ("CHN-KAZ", "month")
    assert [(p["period"], p["events"]) for p in timeline["items"]] == [("2023-01-01", 1), ("2023-05-01", 2)]
    may = timeline["items"][1]
    assert (may["verbal_coop"], may["material_coop"], may["verbal_conflict"], may["material_conflict"]) == (
        1,
        1,
        0,
        0,
    )
    everything = _get(client, "/api/timeline", by="year")
    assert everything["dyad"] is None
    assert everything["items"] == [{**everything["items"][0], "period": "2023-01-01", "events": 5}]
    assert [p["events"] for p in _get(client, "/api/timeline", country="UKR", by="quarter")["items"]] == [1]


def test_server_actors(client: TestClient) -> None:
    items = _get(client, "/api/actors")["items"]
    by_code = {a["code"]: a for a in items}
    assert by_code["CHNGOV"] == {
        "code": "CHNGOV", "name": "Chngov", "country": "CHN", "as_source": 1, "as_target": 1, "events": 2,
    }  # fmt: skip
    assert "IRNCOP" not in by_code  # its only event is negated
    assert {a["code"] for a in _get(client, "/api/actors", dyad="RUS-UKR")["items"]} == {"RUSMIL", "UKR"}
    assert len(_get(client, "/api/actors", top=2)["items"]) == 2


def test_server_network(client: TestClient) -> None:
    network = _get(client, "/api/network", country="CHN")
    assert {n["id"] for n in network["nodes"]} == {"CHNGOV", "KAZGOV", "KAZ", "CHN", "USAGOV"}
    edges = {(e["source"], e["target"]): e for e in network["edges"]}
    assert set(edges) == {("CHNGOV", "KAZGOV"), ("KAZGOV", "CHNGOV"), ("KAZ", "CHN"), ("USAGOV", "CHN")}
    assert edges["USAGOV", "CHN"]["conflict"] == 1
    assert edges["KAZ", "CHN"]["cooperation"] == 1
    small = _get(client, "/api/network", top=1)
    assert len(small["nodes"]) == 1
    assert all(e["source"] == e["target"] == small["nodes"][0]["id"] for e in small["edges"])


def test_server_places(client: TestClient) -> None:
    items = _get(client, "/api/places")["items"]
    assert {(p["name"], p["country"], p["feature"], p["events"]) for p in items} == {
        ("Astana", "KAZ", "city", 1),
        ("Kharkiv", "UKR", "city", 1),
    }
    assert [p["name"] for p in _get(client, "/api/places", dyad="RUS-UKR")["items"]] == ["Kharkiv"]
    assert _get(client, "/api/places", since="2024-01-01")["items"] == []


def test_server_queries_run_on_one_thread_each(client: TestClient) -> None:
    """Requests run side by side, each query on its own thread: none asks for every core."""
    app: Any = client.app
    assert app.state.con.execute("SELECT current_setting('threads')").fetchall() == [(1,)]


def test_server_python_api_has_the_same_questions(db: Path) -> None:
    with worldwire.open(db, read_only=True) as store:
        page = store.event_page(country="CHN", page_size=2)
        assert (page["total"], len(page["items"])) == (4, 2)
        assert store.event(page["items"][0]["event_id"])["mentions"]
        assert store.article(page["items"][0]["first_article_id"])["text"]
        assert set(store.actors(top=3).columns) == {
            "code",
            "name",
            "country",
            "as_source",
            "as_target",
            "events",
        }
        assert len(store.places()) == 2
        assert store.network(top=2)["nodes"]
        assert store.events(cameo="04", q="astana").cameo.tolist() == ["042"]


@pytest.mark.slow
def test_server_seed_article_events_and_evidence(seed_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "seed.duckdb"
    with worldwire.open(path) as store:
        store.ingest([str(seed_path)], default_date="2023-05-17")
    app = create_app(path)
    client = TestClient(app)
    events = _get(client, "/api/events", dyad="CHN-KAZ")["items"]
    visits = [e for e in events if e["cameo"].startswith("04")]
    praise = [e for e in events if e["cameo"] == "051"]
    assert visits
    assert praise
    assert _get(client, "/api/events", dyad="CHN-KAZ", cameo="04")["total"] == len(visits)
    for item in visits + praise:
        article = _get(client, f"/api/articles/{item['first_article_id']}")
        assert article["title"]
        assert article["date"] == "2023-05-17"
        spans = [e for e in article["events"] if e["event_id"] == item["event_id"]]
        assert spans
        for span in spans:
            sliced = article["text"][span["start"] : span["end"]]
            assert sliced == span["evidence"]
            assert span["trigger"].lower() in sliced.lower()
        detail = _get(client, f"/api/events/{item['event_id']}")
        assert {m["evidence"] for m in detail["mentions"]} == {s["evidence"] for s in spans}
    assert any("prais" in (e["evidence"] or "").lower() for e in praise)
    app.state.con.close()
