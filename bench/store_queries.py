"""Query latency of the store over 10M synthetic events: every question a dashboard view or an analyst's
first questions ask (timelines, events by dyad, actor, root, PLOVER category, confidence and date, top
dyads, actors and their network, places, word search, pages deep and shallow), against a baseline.

Why: analysts ask "how have China–Kazakhstan relations moved since 2022?" of years of news; every answer
must come back interactively (target: each query ≤ 100 ms median over 10M events, issue 18). The events
are synthetic (random dyads over 60 countries, dates over ten years, 11 CAMEO codes with their QuadClass
and Goldstein value, evidence sentences, PLOVER categories, modalities, coder confidences and places) and
are written into a real store through `worldwire.store.derived.insert_events` (same schema, clustered
and summarised and indexed as ingest does), so the queries are exactly the library functions the CLI,
the Python API and the HTTP API call.

With `--baseline SRC` (the `src` folder of another worldwire, e.g. `git archive main src`), every query
also runs, in the same run and against the same store, in a child process importing that worldwire; the
report gives both medians, their ratio, and whether both returned the same rows in the same order. It
measures and reports; it asserts nothing.

    .venv/bin/python bench/store_queries.py --events 10000000 --db /tmp/events10m.duckdb \\
        --baseline /tmp/worldwire-main/src
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "bench" / "results" / "store_queries.json"
COUNTRIES = 60
CODES = [
    "CHN", "KAZ", "RUS", "USA", "GBR", "FRA", "DEU", "IND", "JPN", "KOR", "TUR", "IRN", "ISR", "UKR", "BRA",
    "MEX", "NGA", "ZAF", "EGY", "SAU", "PAK", "AFG", "IRQ", "SYR", "LBY", "ITA", "ESP", "POL", "CAN", "AUS",
    "IDN", "PHL", "VNM", "THA", "MYS", "ARG", "CHL", "COL", "PER", "VEN", "ETH", "KEN", "SDN", "SOM", "UZB",
    "KGZ", "TJK", "TKM", "MNG", "PRK", "TWN", "BLR", "GEO", "ARM", "AZE", "SRB", "GRC", "SWE", "NOR", "FIN",
]  # fmt: skip
TOPICS = [
    "talks on trade", "a gas pipeline deal", "border security", "new sanctions", "a railway corridor",
    "the ceasefire", "grain exports", "a loan for the power plant", "visa rules", "the disputed islands",
    "joint military drills", "the refugee crisis", "water rights on the river", "a nuclear programme",
    "fishing quotas", "an arms sale", "the detained journalists", "customs duties", "a debt relief plan",
    "the election result",
]  # fmt: skip
VERBS = {
    "010": "issued a statement about", "036": "said it was ready to meet over", "042": "visited to discuss",
    "057": "signed an agreement with", "061": "began cooperating with", "071": "sent aid to",
    "112": "accused", "130": "threatened", "173": "arrested officials of", "190": "attacked",
    "0874": "released prisoners of",
}  # fmt: skip
CITIES = [
    ("Astana", "KAZ", 51.18, 71.45), ("Beijing", "CHN", 39.91, 116.40), ("Moscow", "RUS", 55.75, 37.62),
    ("Kyiv", "UKR", 50.45, 30.52), ("Washington", "USA", 38.90, -77.04), ("Tehran", "IRN", 35.69, 51.42),
    ("Ankara", "TUR", 39.93, 32.86), ("Delhi", "IND", 28.65, 77.23), ("Brasilia", "BRA", -15.78, -47.93),
    ("Nairobi", "KEN", -1.28, 36.82), ("Tashkent", "UZB", 41.26, 69.22), ("Kharkiv", "UKR", 49.99, 36.23),
]  # fmt: skip

# Synthetic events i in [start, stop), generated inside DuckDB: every column a query reads has real work.
EVENTS = """
SELECT event_id, ('0x' || event_id[:15])::BIGINT AS global_event_id,
       md5((i // 3)::VARCHAR)[:24] AS cluster_id,
       date, c1 || CASE WHEN i % 3 = 0 THEN 'GOV' ELSE '' END AS actor1_code,
       'the government of ' || c1 AS actor1_name, c1 AS actor1_country,
       c2 || CASE WHEN i % 5 = 0 THEN 'GOV' ELSE '' END AS actor2_code,
       'the government of ' || c2 AS actor2_name, c2 AS actor2_country,
       CASE WHEN c1 <> c2 THEN least(c1, c2) || '-' || greatest(c1, c2)
            || CASE WHEN negated THEN ' negated' ELSE '' END END AS dyad,
       cameo, cameo[:3] AS cameo_base, cameo[:2] AS cameo_root,
       CASE WHEN cameo[:2] <= '05' THEN 1 WHEN cameo[:2] <= '08' THEN 2
            WHEN cameo[:2] <= '13' THEN 3 ELSE 4 END AS quad_class,
       ((hash(i * 16 + 4) % 200)::DOUBLE / 10 - 10) AS goldstein, {plover}[cameo] AS plover,
       CASE WHEN negated THEN 'negated' WHEN hash(i * 16 + 10) % 8 = 0 THEN 'intended' ELSE 'asserted' END
           AS modality,
       negated, (hash(i * 16 + 6) % 3 = 0) AS is_root,
       1 + (hash(i * 16 + 7) % 5)::INTEGER AS num_mentions, 1 AS num_articles, 1 AS num_sources,
       0.3 + (hash(i * 16 + 14) % 70)::DOUBLE / 100 AS confidence,
       CASE WHEN city <= {n_cities} THEN {names}[city] END AS geo_name,
       CASE WHEN city <= {n_cities} THEN {countries}[city] END AS geo_country,
       CASE WHEN city <= {n_cities} THEN 'city' END AS geo_feature,
       CASE WHEN city <= {n_cities} THEN {lats}[city] END AS geo_lat,
       CASE WHEN city <= {n_cities} THEN {lons}[city] END AS geo_lon,
       event_id AS first_article_id,
       'https://news' || (hash(i * 16 + 11) % 500)::VARCHAR || '.example/' || event_id AS source_url,
       'Officials of ' || c1 || ' ' || {verbs}[cameo] || ' ' || c2 || ' over '
           || {topics}[1 + (hash(i * 16 + 9) % {n_topics})::INTEGER]
           || ' on ' || strftime(date, '%A, %d %B %Y') || ', according to a statement.' AS evidence,
       TIMESTAMP '2026-01-01 00:00:00' AS added_at
FROM (
    SELECT i, md5(i::VARCHAR)[:24] AS event_id,
           DATE '2015-01-01' + (hash(i * 16 + 1) % 3650)::INTEGER AS date,
           codes[1 + (hash(i * 16 + 2) % {n})::INTEGER] AS c1,
           codes[1 + (hash(i * 16 + 3) % {n})::INTEGER] AS c2,
           cameos[1 + (hash(i * 16 + 8) % len(cameos))::INTEGER] AS cameo,
           hash(i * 16 + 5) % 50 = 0 AS negated,
           1 + (hash(i * 16 + 12) % {slots})::INTEGER AS city
    FROM range({start}, {stop}) AS r(i), (SELECT {codes} AS codes, {cameos} AS cameos)
)
"""


def _sql_list(values: list[Any]) -> str:
    return "[" + ", ".join(repr(v) for v in values) + "]"


def _sql_map(mapping: dict[str, str]) -> str:
    return "MAP {" + ", ".join(f"{k!r}: {v!r}" for k, v in mapping.items()) + "}"


def events_sql(start: int, stop: int) -> str:
    """The synthetic events `start` to `stop` as one SELECT with every column of `events`."""
    from worldwire.events.codebook import plover_codebook

    plover = plover_codebook()
    categories = {code: (coding.category if (coding := plover.coding(code)) else "") for code in VERBS}
    return EVENTS.format(
        start=start, stop=stop, n=COUNTRIES, codes=_sql_list(CODES), cameos=_sql_list(list(VERBS)),
        verbs=_sql_map(VERBS), topics=_sql_list(TOPICS), n_topics=len(TOPICS), plover=_sql_map(categories),
        n_cities=len(CITIES), slots=round(len(CITIES) / 0.7),  # 70% of events have a place
        names=_sql_list([c[0] for c in CITIES]), countries=_sql_list([c[1] for c in CITIES]),
        lats=_sql_list([c[2] for c in CITIES]), lons=_sql_list([c[3] for c in CITIES]),
    )  # fmt: skip


def build_store(db: Path, events: int, step: int = 1_000_000) -> float:
    """Write `events` synthetic events into the store at `db` (created, or topped up to that many), each
    step of `step` events in one transaction as `worldwire attach` would; the seconds it took."""
    import worldwire
    from worldwire.store.derived import insert_events

    start = time.perf_counter()
    with worldwire.open(db) as store:
        con = store.con
        have = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        for first in range(have, events, step):
            con.execute("BEGIN TRANSACTION")
            insert_events(con, f"({events_sql(first, min(first + step, events))})")
            con.execute("COMMIT")
            print(f"  {min(first + step, events):,} events written", flush=True)
        con.execute("CHECKPOINT")
    return time.perf_counter() - start


def build_plain_store(db: Path, events: int, step: int = 1_000_000) -> float:
    """The same events written as the baseline's benchmark wrote them: `INSERT INTO events` in steps,
    in generation order, nothing else (run with the baseline worldwire, whose store this is)."""
    import worldwire

    start = time.perf_counter()
    with worldwire.open(db) as store:
        con = store.con
        have = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        for first in range(have, events, step):
            con.execute(f"INSERT INTO events BY NAME {events_sql(first, min(first + step, events))}")
            print(f"  {min(first + step, events):,} events written (baseline store)", flush=True)
        con.execute("CHECKPOINT")
    return time.perf_counter() - start


def questions(store: Any, con: Any) -> dict[str, Callable[[], Any]]:
    """Every measured question, by name: library calls both the baseline and this worldwire answer, on
    the connection (a cursor of the store's) `con`."""
    from worldwire.store import queries as q

    def rows(relation: Any) -> Any:
        return {"columns": [c[0] for c in relation.description], "rows": relation.fetchall()}

    return {
        "timeline CHN KAZ --by month": lambda: rows(q.timeline(con, "CHN", "KAZ", by="month")),
        "timeline CHN KAZ --by month --since 2022-01-01": lambda: rows(
            q.timeline(con, "CHN", "KAZ", by="month", since="2022-01-01")
        ),
        "timeline CHN KAZ --by week": lambda: rows(q.timeline(con, "CHN", "KAZ", by="week")),
        "timeline (every event) --by month": lambda: rows(q.timeline(con, None, None, by="month")),
        "timeline --country RUS --by month": lambda: rows(q.timeline(con, None, None, country="RUS")),
        "timeline --root 19 --since 2024-03-15 --by day": lambda: rows(
            q.timeline(con, None, None, by="day", root="19", since="2024-03-15")
        ),
        "timeline -q pipeline --by month": lambda: rows(q.timeline(con, None, None, q="pipeline")),
        "Python API: timeline('CHN', 'KAZ') → pandas": lambda: store.timeline("CHN", "KAZ", by="month"),
        "events --dyad CHN KAZ --since 2023-01-01 (all rows)": lambda: rows(
            q.events(con, dyad=("CHN", "KAZ"), since="2023-01-01")
        ),
        "events --root 19 --since 2024-01-01 --limit 100": lambda: rows(
            q.events(con, root="19", since="2024-01-01", limit=100)
        ),
        "events --actor RUS --limit 100": lambda: rows(q.events(con, actor="RUS", limit=100)),
        "events --plover ASSAULT --limit 100": lambda: rows(q.events(con, plover="ASSAULT", limit=100)),
        "events --min-confidence 0.8 --since 2024-01-01 --limit 100": lambda: rows(
            q.events(con, min_confidence=0.8, since="2024-01-01", limit=100)
        ),
        "events -q pipeline --limit 100": lambda: rows(q.events(con, q="pipeline", limit=100)),
        "API events (front page)": lambda: q.event_page(con),
        "API events dyad=CHN-KAZ": lambda: q.event_page(con, dyad=("CHN", "KAZ")),
        "API events dyad=CHN-KAZ since=2023-01-01 page_size=100": lambda: q.event_page(
            con, dyad=("CHN", "KAZ"), since="2023-01-01", page_size=100
        ),
        "API events country=RUS root=19": lambda: q.event_page(con, country="RUS", root="19"),
        "API events actor=USAGOV cameo=04": lambda: q.event_page(con, actor_code="USAGOV", cameo="04"),
        "API events plover=ASSAULT since=2024-01-01": lambda: q.event_page(
            con, plover="ASSAULT", since="2024-01-01"
        ),
        "API events min_confidence=0.8": lambda: q.event_page(con, min_confidence=0.8),
        "API events modality=intended": lambda: q.event_page(con, modality="intended"),
        "API events q=pipeline": lambda: q.event_page(con, q="pipeline"),
        "API events q=gas pipeline deal": lambda: q.event_page(con, q="gas pipeline deal"),
        "API events q=pipeline dyad=CHN-KAZ": lambda: q.event_page(con, q="pipeline", dyad=("CHN", "KAZ")),
        "API events page=5": lambda: q.event_page(con, page=5),
        "API events page=200 (10,000 deep)": lambda: q.event_page(con, page=200),
        "API events root=19 page=50 page_size=200 (10,000 deep)": lambda: q.event_page(
            con, root="19", page=50, page_size=200
        ),
        "dyads --top 20": lambda: rows(q.dyads(con, top=20)),
        "dyads --top 50 --since 2024-01-01": lambda: rows(q.dyads(con, top=50, since="2024-01-01")),
        "dyads --top 20 --country KAZ": lambda: rows(q.dyads(con, top=20, country="KAZ")),
        "actors --top 50": lambda: rows(q.actors(con, top=50)),
        "network --top 40": lambda: q.network(con, top=40),
        "network --top 40 --dyad CHN-KAZ": lambda: q.network(con, top=40, dyad=("CHN", "KAZ")),
        "network --top 40 --since 2024-01-01": lambda: q.network(con, top=40, since="2024-01-01"),
        "network --top 40 --root 19 (fights)": lambda: q.network(con, top=40, root="19"),
        "network --top 40 --country RUS": lambda: q.network(con, top=40, country="RUS"),
        "network --top 40 -q pipeline": lambda: q.network(con, top=40, q="pipeline"),
        "actors --top 50 --min-confidence 0.8": lambda: rows(q.actors(con, top=50, min_confidence=0.8)),
        "dyads --top 20 --root 19": lambda: rows(q.dyads(con, top=20, root="19")),
        "places --top 500": lambda: rows(q.places(con, top=500)),
        "places --top 500 --country RUS": lambda: rows(q.places(con, top=500, country="RUS")),
        "places --top 500 --dyad CHN-KAZ": lambda: rows(q.places(con, top=500, dyad=("CHN", "KAZ"))),
        "dyads --top 20 -q pipeline": lambda: rows(q.dyads(con, top=20, q="pipeline")),
        "actors --top 50 -q pipeline": lambda: rows(q.actors(con, top=50, q="pipeline")),
        "places --top 500 -q pipeline": lambda: rows(q.places(con, top=500, q="pipeline")),
        "timeline -q pipeline --since 2022-03-15 --by quarter": lambda: rows(
            q.timeline(con, None, None, by="quarter", since="2022-03-15", q="pipeline")
        ),
        "actors --top 50 --country RUS --root 19": lambda: rows(
            q.actors(con, top=50, country="RUS", root="19")
        ),
        "network --top 40 --country RUS --root 19": lambda: q.network(con, top=40, country="RUS", root="19"),
        "places --top 500 --country RUS --root 19": lambda: rows(
            q.places(con, top=500, country="RUS", root="19")
        ),
        "actors --top 50 --since 2024-01-01 --root 19": lambda: rows(
            q.actors(con, top=50, since="2024-01-01", root="19")
        ),
        "network --top 40 --since 2024-01-01 --root 19": lambda: q.network(
            con, top=40, since="2024-01-01", root="19"
        ),
        "places --top 500 --since 2024-01-01 --root 19": lambda: rows(
            q.places(con, top=500, since="2024-01-01", root="19")
        ),
        "status": lambda: q.status(con),
    }


def plain(value: Any) -> Any:
    """A result as JSON values (frames as their rows), every row a dict: what two answers compare by."""
    if hasattr(value, "to_dict"):
        return plain(value.to_dict(orient="records"))
    if isinstance(value, dict) and set(value) == {"columns", "rows"}:
        return [plain(dict(zip(value["columns"], row, strict=True))) for row in value["rows"]]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return None
    return value if isinstance(value, int | float | str | bool | type(None)) else str(value)


def compare(new: Any, old: Any, key: str = "") -> tuple[bool, int]:
    """Whether two answers are equal, allowing a Goldstein mean to differ by its last rounding step (a
    mean on a half hundredth: the baseline's float sum rounds it either way, run to run), and how many
    such means differ."""
    if isinstance(new, dict) and isinstance(old, dict):
        if set(new) != set(old):
            return False, 0
        found = [compare(new[k], old[k], k) for k in new if k != "schema_version"]  # (6 and 3)
        return all(ok for ok, _ in found), sum(n for _, n in found)
    if isinstance(new, list) and isinstance(old, list):
        if len(new) != len(old):
            return False, 0
        found = [compare(a, b, key) for a, b in zip(new, old, strict=True)]
        return all(ok for ok, _ in found), sum(n for _, n in found)
    if key == "mean_goldstein" and isinstance(new, float) and isinstance(old, float) and new != old:
        return abs(new - old) < 0.0101, 1
    return new == old, 0


def measure(db: Path, repeats: int, only: list[str] | None) -> dict[str, Any]:
    """Open `db` read-only and time every question: one run to warm, then `repeats`."""
    import worldwire

    results: dict[str, Any] = {}
    with worldwire.open(db, read_only=True) as store:
        for name in questions(store, store.con):
            if only and name not in only:
                continue
            cursor = store.con.cursor()  # each question on a cursor of its own, as the HTTP API asks them
            func = questions(store, cursor)[name]
            try:
                answer = func()
            except Exception as exc:  # a question the other worldwire cannot ask
                results[name] = {"error": f"{type(exc).__name__}: {exc}"[:300]}
                continue
            times = []
            for _ in range(repeats):
                start = time.perf_counter()
                func()
                times.append((time.perf_counter() - start) * 1000)
            results[name] = {"times_ms": times, "answer": plain(answer)}
            cursor.close()
    return results


def child(db: Path, repeats: int, src: Path, only: list[str] | None) -> dict[str, Any]:
    """`measure` in a child process that imports the worldwire in `src` (the baseline, or this one)."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, __file__, "--measure", str(db), "--repeats", str(repeats)]
    for name in only or []:
        command += ["--only", name]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)  # noqa: S603
    return json.loads(done.stdout.splitlines()[-1])


def median(times: list[float]) -> float:
    return statistics.median(times) if times else float("nan")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=2, help="Rounds, alternating which code goes first.")
    parser.add_argument("--db", type=Path, default=None, help="Keep the store here (default: a temp file).")
    parser.add_argument("--baseline", type=Path, default=None, help="The src folder of a baseline worldwire.")
    parser.add_argument(
        "--baseline-db",
        type=Path,
        default=None,
        help="Measure the baseline on this store, written (if missing) by the baseline as its own benchmark "
        "wrote stores: the same events, unclustered, no summaries (default: the store of --db).",
    )
    parser.add_argument("--only", action="append", default=None, help="Only this question (repeatable).")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--measure", type=Path, default=None, help=argparse.SUPPRESS)  # the child's jobs
    parser.add_argument("--build-plain", type=Path, default=None, help=argparse.SUPPRESS)
    return parser.parse_args()


def rounds(args: argparse.Namespace, db: Path, base_db: Path) -> dict[str, dict[str, Any]]:
    """Per question, both codes' times and answers, rounds alternating which code goes first."""
    found: dict[str, dict[str, Any]] = {}
    for round_ in range(args.rounds):
        order = ["new", "baseline"] if round_ % 2 == 0 else ["baseline", "new"]
        for who in order:
            if who == "baseline" and args.baseline is None:
                continue
            if who == "baseline":
                measured = child(base_db, args.repeats, args.baseline, args.only)
            else:
                measured = child(db, args.repeats, REPO / "src", args.only)
            for name, result in measured.items():
                entry = found.setdefault(name, {"new": [], "baseline": [], "answers": {}})
                entry[who].extend(result.get("times_ms", []))
                entry["answers"][who] = result.get("answer", result.get("error"))
    return found


def main() -> None:
    args = arguments()
    if args.measure is not None:
        print(json.dumps(measure(args.measure, args.repeats, args.only)))
        return
    if args.build_plain is not None:
        print(json.dumps(build_plain_store(args.build_plain, args.events)))
        return
    assert len(CODES) == COUNTRIES
    folder = tempfile.TemporaryDirectory()
    db = args.db or Path(folder.name) / "events.duckdb"
    write_s = build_store(db, args.events)
    import worldwire

    with worldwire.open(db, read_only=True) as store:
        status = store.status()
    total = status["events"] + status["negated_events"]
    print(f"{total:,} events in the store ({write_s:.1f} s to write or top up)")
    base_db = args.baseline_db or db
    if args.baseline is not None and args.baseline_db is not None:
        command = [sys.executable, __file__, "--build-plain", str(base_db), "--events", str(args.events)]
        env = {**os.environ, "PYTHONPATH": str(args.baseline)}
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
    results = {}
    for name, entry in rounds(args, db, base_db).items():
        new, old = median(entry["new"]), median(entry["baseline"])
        same, means = compare(entry["answers"].get("new"), entry["answers"].get("baseline"))
        results[name] = {
            "median_ms": new,
            "min_ms": min(entry["new"], default=float("nan")),
            "baseline_median_ms": old if args.baseline else None,
            "ratio": old / new if args.baseline and new else None,
            "same_rows": same if args.baseline else None,
            "goldstein_means_on_a_half_hundredth": means if args.baseline else None,
        }
        shown = f"{name:62} {new:7.1f} ms"
        if args.baseline:
            verdict = "same rows" if same else "DIFFERENT"
            verdict += f" ({means} Goldstein means on a half hundredth)" if same and means else ""
            shown += f"  baseline {old:7.1f} ms  ×{old / new:6.1f}  {verdict}"
        print(shown)
    out = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "events": total,
        "write_seconds": write_s,
        "repeats": args.repeats,
        "rounds": args.rounds,
        "baseline": str(args.baseline) if args.baseline else None,
        "baseline_store": "written by the baseline as its benchmark did (unclustered, no summaries)"
        if args.baseline_db
        else "the same store",
        "queries": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    folder.cleanup()


if __name__ == "__main__":
    main()
