"""Query latency of the store over 10M synthetic events: a dyad timeline, an event filter, top dyads.

Why: analysts ask "how have China–Kazakhstan relations moved since 2022?" of years of news; the answer
must come back interactively (target: dyad timeline over 10M events ≤ 100 ms). The events are synthetic
(random dyads over 60 countries, dates over ten years, CAMEO codes with their QuadClass and a Goldstein
value) and are written into a real store (same schema, same indexes) so the queries are exactly the ones
`worldwire timeline / events / dyads` and `worldwire.open(...).timeline(...)` run. It measures and reports.

    .venv/bin/python bench/store_queries.py --events 10000000
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import worldwire
from worldwire.store import queries

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "bench" / "results" / "store_queries.json"
COUNTRIES = 60

# Synthetic events, generated inside DuckDB: country i is one of 60 codes (CHN and KAZ among them).
FILL = """
INSERT INTO events BY NAME
SELECT md5(i::VARCHAR)[:24] AS event_id, i AS global_event_id, md5((i // 3)::VARCHAR)[:24] AS cluster_id,
       DATE '2015-01-01' + (hash(i * 16 + 1) % 3650)::INTEGER AS date,
       c1 AS actor1_code, c1 AS actor1_name, c1 AS actor1_country,
       c2 AS actor2_code, c2 AS actor2_name, c2 AS actor2_country,
       CASE WHEN c1 <> c2 THEN least(c1, c2) || '-' || greatest(c1, c2)
            || CASE WHEN hash(i * 16 + 5) % 50 = 0 THEN ' negated' ELSE '' END END AS dyad,
       cameo, cameo[:3] AS cameo_base, cameo[:2] AS cameo_root,
       CASE WHEN cameo[:2] <= '05' THEN 1 WHEN cameo[:2] <= '08' THEN 2
            WHEN cameo[:2] <= '13' THEN 3 ELSE 4 END
           AS quad_class,
       ((hash(i * 16 + 4) % 200)::DOUBLE / 10 - 10) AS goldstein, 'asserted' AS modality,
       (hash(i * 16 + 5) % 50 = 0) AS negated, (hash(i * 16 + 6) % 3 = 0) AS is_root,
       1 + (hash(i * 16 + 7) % 5)::INTEGER AS num_mentions, 1 AS num_articles, 1 AS num_sources,
       md5(i::VARCHAR)[:24] AS first_article_id, now()::TIMESTAMP AS added_at
FROM (
    SELECT i, codes[1 + (hash(i * 16 + 2) % {n})::INTEGER] AS c1,
           codes[1 + (hash(i * 16 + 3) % {n})::INTEGER] AS c2,
           cameos[1 + (hash(i * 16 + 8) % len(cameos))::INTEGER] AS cameo
    FROM range({start}, {stop}) AS r(i),
         (SELECT {codes} AS codes,
                 ['010', '036', '042', '057', '061', '071', '112', '130', '173', '190', '0874'] AS cameos)
)
"""
CODES = [
    "CHN",
    "KAZ",
    "RUS",
    "USA",
    "GBR",
    "FRA",
    "DEU",
    "IND",
    "JPN",
    "KOR",
    "TUR",
    "IRN",
    "ISR",
    "UKR",
    "BRA",
    "MEX",
    "NGA",
    "ZAF",
    "EGY",
    "SAU",
    "PAK",
    "AFG",
    "IRQ",
    "SYR",
    "LBY",
    "ITA",
    "ESP",
    "POL",
    "CAN",
    "AUS",
    "IDN",
    "PHL",
    "VNM",
    "THA",
    "MYS",
    "ARG",
    "CHL",
    "COL",
    "PER",
    "VEN",
    "ETH",
    "KEN",
    "SDN",
    "SOM",
    "UZB",
    "KGZ",
    "TJK",
    "TKM",
    "MNG",
    "PRK",
    "TWN",
    "BLR",
    "GEO",
    "ARM",
    "AZE",
    "SRB",
    "GRC",
    "SWE",
    "NOR",
    "FIN",
]


def timed(func: Callable[[], Any], repeats: int) -> dict[str, float]:
    func()  # warm: first touch of the columns
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return {"median_ms": statistics.median(times), "min_ms": min(times), "max_ms": max(times)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--db", type=Path, default=None, help="Keep the store here (default: a temp file).")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    assert len(CODES) == COUNTRIES
    folder = tempfile.TemporaryDirectory()
    db = args.db or Path(folder.name) / "events.duckdb"
    with worldwire.open(db) as store:
        con = store.con
        start = time.perf_counter()
        have = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        step = 1_000_000
        for first in range(have, args.events, step):
            sql = FILL.format(start=first, stop=min(first + step, args.events), n=COUNTRIES, codes=CODES)
            con.execute(sql)
        con.execute("CHECKPOINT")
        load_s = time.perf_counter() - start
        total = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        print(f"{total:,} events in the store ({load_s:.1f} s to write)")
        results = {
            "timeline CHN KAZ by month": timed(
                lambda: queries.timeline(con, "CHN", "KAZ", by="month").fetchall(), args.repeats
            ),
            "timeline CHN KAZ by month since 2022-01-01": timed(
                lambda: queries.timeline(con, "CHN", "KAZ", by="month", since="2022-01-01").fetchall(),
                args.repeats,
            ),
            "events --dyad CHN KAZ --since 2023-01-01 (all rows)": timed(
                lambda: queries.events(con, dyad=("CHN", "KAZ"), since="2023-01-01").fetchall(), args.repeats
            ),
            "events --root 19 --since 2024-01-01 --limit 100": timed(
                lambda: queries.events(con, root="19", since="2024-01-01", limit=100).fetchall(), args.repeats
            ),
            "dyads --top 20": timed(lambda: queries.dyads(con, top=20).fetchall(), args.repeats),
            "Python API: worldwire.open(db).timeline('CHN', 'KAZ') → pandas": timed(
                lambda: store.timeline("CHN", "KAZ", by="month"), args.repeats
            ),
        }
        rows = len(queries.events(con, dyad=("CHN", "KAZ"), since="2023-01-01").fetchall())
    for name, figures in results.items():
        print(
            f"{name:62} median {figures['median_ms']:7.1f} ms "
            f"(min {figures['min_ms']:.1f}, max {figures['max_ms']:.1f})"
        )
    out = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "events": total,
        "write_seconds": load_s,
        "dyad_event_rows_since_2023": rows,
        "repeats": args.repeats,
        "queries": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    folder.cleanup()


if __name__ == "__main__":
    main()
