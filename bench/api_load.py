"""Load test of `worldwire serve` over a store of 1M synthetic events, on loopback: every kind of query the
dashboard asks (pages of events filtered every way, word search, timelines, dyads, actors, network,
places, stats), against a baseline worldwire in the same run.

Why: an analyst's dashboard asks for pages of events, filtered by dyad, country, CAMEO root or words of
the evidence, and the summaries around them, and each answer must come back at once (target: p99 ≤ 100 ms,
no errors, on 1M events, 4 concurrent clients). The store is the one bench/store_queries.py writes (its
generator, imported, not copied: evidence sentences, PLOVER categories, modalities, confidences and
places), so every filter has real work to do. The server is the real command (`worldwire serve`, one
uvicorn process) in a subprocess; the load is wrk (`wrk -t2 -cN -d60s --latency`, a Lua script rotating
the queries below) or, where wrk is missing, a bounded Python load generator with the same rotation.
With `--baseline SRC` (the `src` folder of another worldwire), the same runs are made against that
worldwire's server on the same store first. It measures and reports; it asserts nothing.

    .venv/bin/python bench/api_load.py --events 1000000 --connections 4 --duration 60 \
        --baseline /tmp/worldwire-main/src
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

import worldwire
from store_queries import build_store  # the same synthetic events as the store benchmark

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "bench" / "results" / "api_load.json"
# What a dashboard asks, in turn: pages of events filtered every way (a word of the evidence among them),
# a deep page, and the views around them: timelines, the busiest dyads, actors, their network, places.
QUERIES = [
    "/api/events",
    "/api/events?dyad=CHN-KAZ",
    "/api/events?country=RUS&root=19",
    "/api/events?q=pipeline",
    "/api/events?page=5",
    "/api/events?dyad=CHN-KAZ&since=2023-01-01&page_size=100",
    "/api/events?actor=USAGOV&cameo=04",
    "/api/events?plover=ASSAULT&since=2024-01-01",
    "/api/events?min_confidence=0.8",
    "/api/events?q=gas+pipeline&dyad=CHN-KAZ",
    "/api/timeline?dyad=CHN-KAZ&by=month",
    "/api/timeline?by=month",
    "/api/dyads?top=20",
    "/api/actors?top=50",
    "/api/network?top=40",
    "/api/places?top=500",
    "/api/stats",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int, log: Path, src: Path | None = None) -> subprocess.Popen[bytes]:
    """`worldwire serve` on `db` (of the worldwire in `src`, when given), once it answers."""
    command = [str(Path(sys.executable).parent / "worldwire"), "serve", "--db", str(db), "--port", str(port)]
    env = {**os.environ, "PYTHONPATH": str(src)} if src is not None else None
    with log.open("wb") as out:
        server = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)  # noqa: S603
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited ({server.returncode}): see {log}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=5) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.25)
    server.kill()
    raise SystemExit(f"the server did not answer within 120 s: see {log}")


LUA = """
local paths = {%s}
local counter = 0
function setup(thread)
  thread:set("offset", counter)
  counter = counter + 1
end
function init(args)
  i = offset
end
function request()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %%d, "duration_us": %%d, "bytes": %%d, "connect": %%d, "read": %%d, ' ..
    '"write": %%d, "status": %%d, "timeout": %%d, "p50": %%d, "p90": %%d, "p99": %%d, "max": %%d, ' ..
    '"mean": %%f}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
"""


def run_wrk(
    base: str, queries: list[str], connections: int, threads: int, duration: int, folder: Path
) -> dict[str, Any]:
    script = folder / "rotate.lua"
    script.write_text(LUA % ", ".join(json.dumps(q) for q in queries), encoding="utf-8")
    command = [
        "wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s",
        "-s", str(script), base,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    line = next(row for row in done.stdout.splitlines() if row.startswith("WRKJSON "))
    raw = json.loads(line.removeprefix("WRKJSON "))
    return {
        "tool": "wrk " + " ".join(command[1:6]),
        "requests": raw["requests"],
        "requests_per_s": raw["requests"] / (raw["duration_us"] / 1e6),
        "latency_ms": {k: raw[k] / 1000 for k in ("p50", "p90", "p99", "max", "mean")},
        "non_2xx": raw["status"],  # wrk counts responses with status > 399
        "socket_errors": {k: raw[k] for k in ("connect", "read", "write", "timeout")},
        "wrk_output": done.stdout,
    }


def run_python(base: str, queries: list[str], connections: int, duration: int) -> dict[str, Any]:
    """Where wrk is missing: `connections` threads, each with one keep-alive connection, for `duration` s."""
    host, port = base.removeprefix("http://").split(":")
    latencies: list[float] = []
    failures = {"non_2xx": 0, "socket": 0}
    lock = threading.Lock()
    stop = time.monotonic() + duration

    def worker(offset: int) -> None:
        conn = http.client.HTTPConnection(host, int(port), timeout=10)
        i, mine = offset, []
        while time.monotonic() < stop:
            i += 1
            start = time.perf_counter()
            try:
                conn.request("GET", queries[i % len(queries)])
                answer = conn.getresponse()
                answer.read()
            except OSError:
                with lock:
                    failures["socket"] += 1
                conn = http.client.HTTPConnection(host, int(port), timeout=10)
                continue
            mine.append((time.perf_counter() - start) * 1000)
            if not 200 <= answer.status < 300:
                with lock:
                    failures["non_2xx"] += 1
        with lock:
            latencies.extend(mine)

    workers = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "tool": f"python http.client, {connections} threads",
        "requests": len(latencies),
        "requests_per_s": len(latencies) / duration,
        "latency_ms": {
            "p50": cuts[49],
            "p90": cuts[89],
            "p99": cuts[98],
            "max": max(latencies),
            "mean": statistics.fmean(latencies),
        },
        "non_2xx": failures["non_2xx"],
        "socket_errors": {"socket": failures["socket"]},
    }


def per_query(base: str, queries: list[str], repeats: int) -> dict[str, float]:
    """Median latency of each query alone, one request at a time: where the time goes."""
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    medians = {}
    for query in queries:
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            conn.request("GET", query)
            answer = conn.getresponse()
            answer.read()
            times.append((time.perf_counter() - start) * 1000)
            if answer.status != 200:
                raise SystemExit(f"{query} answered {answer.status}")
        medians[query] = statistics.median(times)
    return medians


def cpu_seconds(pid: int) -> dict[str, float]:
    """CPU seconds so far: the whole machine (busy), the server process, this process and its reaped children
    (wrk), so a run can say how much of the machine something else was using."""
    tick = os.sysconf("SC_CLK_TCK")
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    busy = sum(fields) - fields[3] - fields[4]  # all but idle and iowait
    server = [int(x) for x in Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[11:13]]
    own = os.times()
    return {
        "busy": busy / tick,
        "server": sum(server) / tick,
        "bench": own.user + own.system + own.children_user + own.children_system,
    }


def others_share(before: dict[str, float], after: dict[str, float], seconds: float) -> float:
    """The share of the machine's CPUs that other processes used during a run (0: the machine was quiet)."""
    spent = {key: after[key] - before[key] for key in before}
    return max(0.0, spent["busy"] - spent["server"] - spent["bench"]) / (seconds * (os.cpu_count() or 1))


def machine() -> dict[str, Any]:
    model = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        platform.processor(),
    ) if Path("/proc/cpuinfo").exists() else platform.processor()  # fmt: skip
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "python": platform.python_version(),
        "duckdb": version("duckdb"),
        "fastapi": version("fastapi"),
        "uvicorn": version("uvicorn"),
        "platform": platform.platform(),
    }


def one_run(
    pid: int,
    base: str,
    mix: str,
    queries: list[str],
    connections: int,
    args: argparse.Namespace,
    folder: Path,
) -> dict[str, Any]:
    """One load run, with the conditions it ran in (load average, CPU other processes took)."""
    before, cpu_before, started = os.getloadavg(), cpu_seconds(pid), time.monotonic()
    if shutil.which("wrk") is not None and not args.python:
        figures = run_wrk(base, queries, connections, min(args.threads, connections), args.duration, folder)
    else:
        figures = run_python(base, queries, connections, args.duration)
    return {
        "mix": mix,
        "connections": connections,
        **figures,
        "load_average_before": before,
        "load_average_after": os.getloadavg(),
        "cpu_share_of_other_processes": others_share(
            cpu_before, cpu_seconds(pid), time.monotonic() - started
        ),
    }


def serve_and_load(
    db: Path, src: Path | None, label: str, args: argparse.Namespace, folder: Path
) -> dict[str, Any]:
    """Start the server of the worldwire in `src` (None: this one) on `db`, time each query alone (which
    warms the columns too), then run every planned load; stop it."""
    port = free_port()
    server = start_server(db, port, folder / f"server-{label}.log", src)
    base = f"http://127.0.0.1:{port}"
    try:
        alone = per_query(base, QUERIES, repeats=5)
        plan = [("all", QUERIES, n) for n in args.connections]
        plan += [("without text", [q for q in QUERIES if "q=" not in q], n) for n in args.without_text]
        runs = [one_run(server.pid, base, mix, queries, n, args, folder) for mix, queries, n in plan]
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"code": label, "runs": runs, "median_ms_one_at_a_time": alone}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument(
        "--connections",
        type=int,
        nargs="+",
        default=[4],
        help="Concurrent connections (wrk -c); several: one run each.",
    )
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (-t).")
    parser.add_argument("--duration", type=int, default=60, help="Seconds of load per run.")
    parser.add_argument("--db", type=Path, default=None, help="Build the store here (default: a temp file).")
    parser.add_argument("--keep", action="store_true", help="Reuse the store at --db if it exists.")
    parser.add_argument("--python", action="store_true", help="Use the Python load generator, not wrk.")
    parser.add_argument("--baseline", type=Path, default=None, help="The src folder of a baseline worldwire.")
    parser.add_argument(
        "--baseline-db",
        type=Path,
        default=None,
        help="Serve the baseline from this store, written (if missing) by the baseline as its benchmark "
        "wrote stores: the same events, unclustered, no summaries (default: the store of --db).",
    )
    parser.add_argument(
        "--without-text",
        type=int,
        nargs="*",
        default=[],
        help="Extra runs at these connection counts without the text queries (q=).",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory(prefix="worldwire-api-load-")
    db = args.db or Path(folder.name) / "events.duckdb"
    write_s = None
    if not (args.keep and db.exists()):
        db.unlink(missing_ok=True)
        write_s = build_store(db, args.events)
        print(f"{args.events:,} events written in {write_s:.1f} s")
    with worldwire.open(db, read_only=True) as store:
        status = store.status()
    base_db = args.baseline_db or db
    if args.baseline is not None and args.baseline_db is not None:
        builder = Path(__file__).with_name("store_queries.py")
        command = [sys.executable, str(builder), "--build-plain", str(base_db), "--events", str(args.events)]
        env = {**os.environ, "PYTHONPATH": str(args.baseline)}
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
    codes: list[tuple[str, Path | None, Path]] = (
        [("baseline", args.baseline, base_db)] if args.baseline else []
    )
    results = [
        serve_and_load(store, src, label, args, Path(folder.name))
        for label, src, store in [*codes, ("new", None, db)]
    ]
    out = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "events": status["events"] + status["negated_events"],
        "events_not_negated": status["events"],
        "write_seconds": write_s,
        "server": "worldwire serve (one uvicorn process, sync endpoints in its thread pool) on 127.0.0.1",
        "duration_s": args.duration,
        "baseline": str(args.baseline) if args.baseline else None,
        "baseline_store": "written by the baseline as its benchmark did (unclustered, no summaries)"
        if args.baseline_db
        else "the same store",
        "queries": QUERIES,
        "results": [
            {
                **result,
                "runs": [{k: v for k, v in run.items() if k != "wrk_output"} for run in result["runs"]],
            }
            for result in results
        ],
        "machine": machine(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    for result in results:
        for run in result["runs"]:
            latency = run["latency_ms"]
            if "wrk_output" in run:
                print(run["wrk_output"].split("WRKJSON")[0].rstrip())
            print(
                f"[{result['code']}] {out['events']:,} events, {run['mix']} queries, {run['connections']} "
                f"connections, {args.duration} s ({run['tool']}): "
                f"{run['requests_per_s']:.0f} req/s, p50 {latency['p50']:.1f} ms, "
                f"p90 {latency['p90']:.1f} ms, p99 {latency['p99']:.1f} ms, non-2xx {run['non_2xx']}, "
                f"socket errors {run['socket_errors']}; "
                f"load average {run['load_average_before'][0]:.2f} → {run['load_average_after'][0]:.2f}, "
                f"other processes used {run['cpu_share_of_other_processes']:.0%} of the CPUs"
            )
    for query in QUERIES:
        shown = "  ".join(f"{r['code']} {r['median_ms_one_at_a_time'][query]:6.1f} ms" for r in results)
        print(f"  {query:58} alone: {shown}")
    folder.cleanup()


if __name__ == "__main__":
    main()
