"""CPU per request of `worldwire serve`, per query of `api_load.py`: what the server process spends (all
its threads, DuckDB's included, from /proc), one request at a time over a keep-alive connection.

Why: under load on a small machine the tail latency is mostly queueing, so what decides it is the CPU
each request costs, not its latency alone; and CPU seconds of the server process hardly move when other
processes share the machine, where wall times do. Each query is asked `--repeats` times in a row after a
warm-up; the server's CPU ticks (user + system) over those requests, divided by their number, is its
cost. With `--baseline SRC` the same is measured for another worldwire's server, on the same store,
alternately, `--rounds` times; the medians are reported.

    .venv/bin/python bench/api_cpu.py --db /tmp/events1m.duckdb --baseline /tmp/worldwire-main/src
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from api_load import QUERIES, free_port, start_server

TICK = os.sysconf("SC_CLK_TCK")


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system, every thread) the process `pid` has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def measure(pid: int, port: int, repeats: int) -> dict[str, dict[str, float]]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for query in QUERIES:  # warm-up: columns read, plans cached
        for _ in range(3):
            conn.request("GET", query)
            conn.getresponse().read()
    found = {}
    for query in QUERIES:
        cpu, wall = server_cpu(pid), time.perf_counter()
        for _ in range(repeats):
            conn.request("GET", query)
            answer = conn.getresponse()
            answer.read()
            if answer.status != 200:
                raise SystemExit(f"{query} answered {answer.status}")
        found[query] = {
            "cpu_ms": (server_cpu(pid) - cpu) * 1000 / repeats,
            "wall_ms": (time.perf_counter() - wall) * 1000 / repeats,
        }
    conn.close()
    return found


def one_server(db: Path, src: Path | None, label: str, repeats: int, folder: Path) -> dict[str, Any]:
    port = free_port()
    server = start_server(db, port, folder / f"server-{label}.log", src)
    try:
        return measure(server.pid, port, repeats)
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="The store (read only).")
    parser.add_argument("--baseline", type=Path, default=None, help="The src folder of a baseline worldwire.")
    parser.add_argument("--baseline-db", type=Path, default=None, help="Its store (default: --db).")
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    codes = [("baseline", args.baseline, args.baseline_db or args.db)] if args.baseline else []
    codes.append(("new", None, args.db))
    rounds: dict[str, list[dict[str, dict[str, float]]]] = {label: [] for label, _, _ in codes}
    load = [os.getloadavg()]
    with tempfile.TemporaryDirectory(prefix="api-cpu-") as folder:
        for _ in range(args.rounds):
            for label, src, db in codes:
                rounds[label].append(one_server(db, src, label, args.repeats, Path(folder)))
                load.append(os.getloadavg())
    result: dict[str, Any] = {"load_averages": load, "repeats": args.repeats, "codes": {}}
    header = f"{'query':58s}" + "".join(f"{label + ' cpu':>14s}{label + ' wall':>14s}" for label in rounds)
    print(header)
    for query in QUERIES:
        line = f"{query:58s}"
        for label, found in rounds.items():
            cpu = statistics.median(r[query]["cpu_ms"] for r in found)
            wall = statistics.median(r[query]["wall_ms"] for r in found)
            result["codes"].setdefault(label, {})[query] = {"cpu_ms": cpu, "wall_ms": wall}
            line += f"{cpu:11.1f} ms{wall:11.1f} ms"
        print(line)
    line = f"{'mean of the 17 (one rotation of api_load)':58s}"
    for label in rounds:
        values = result["codes"][label].values()
        cpu = statistics.fmean(v["cpu_ms"] for v in values)
        wall = statistics.fmean(v["wall_ms"] for v in values)
        line += f"{cpu:11.1f} ms{wall:11.1f} ms"
    print(line)
    print("load averages:", " ".join(f"{a[0]:.2f}" for a in load))
    if args.out is not None:
        args.out.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    sys.exit(main())
