"""`worldwire watch` against `worldwire ingest` of the same pages on disk, and its memory over 100 cycles.

Why: watching must cost little beyond ingesting (issue 17): polling, fetching, robots.txt, the politeness
gates and the watch state should add little wall time to the analysis, and a watch that runs for weeks
must not grow in memory.

1. One cycle over 20 feeds × 50 items, served from 127.0.0.1 … 127.0.0.20 (twenty hosts, so the per-host
   limits act as they would on the web), each item a short page (one paragraph of a Wikinews article,
   so the analysis does not drown the fetching). `worldwire watch --once` into a fresh store, against
   `worldwire ingest` of the same 1,000 pages saved as .html files into another fresh store, same
   workers, same run: wall time of each command, start-up included, and their ratio. Run once with
   `--delay 0` (the machinery alone) and once with the default politeness (1 s between two requests to a
   host), which is a choice of courtesy, not a cost of the code.
2. 100 cycles of one `worldwire watch --every 1s` process: twenty feeds answer 304 unless they have new
   items; each cycle one feed gains 5 new pages. The process's resident memory (VmRSS) is read from /proc
   as each cycle ends, and its peak (VmHWM) at the end. It measures and reports; nothing is asserted.

    .venv/bin/python bench/watch_cycle.py --workers 2
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "wikinews-2019-2020" / "wikinews.jsonl"
DEFAULT_OUT = REPO / "bench" / "results" / "watch_cycle.json"
WORLDWIRE = str(Path(sys.executable).with_name("worldwire"))
HOSTS = 20
PER_FEED = 50
PER_CYCLE = 5  # new pages a cycle in the long run


def short_pages(corpus: Path, count: int) -> list[dict[str, str]]:
    """`count` short pages: the longer paragraphs (over 40 words) of the corpus's articles, one a page."""
    pages = []
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for number, paragraph in enumerate(
                p for p in record["text"].split("\n\n") if len(p.split()) > 40
            ):
                pages.append(
                    {"title": f"{record['title']} ({number + 1})", "text": paragraph, "date": record["date"]}
                )
                if len(pages) == count:
                    return pages
    raise SystemExit(f"{corpus} has only {len(pages)} paragraphs of over 40 words; {count} are needed")


def html_page(page: dict[str, str]) -> bytes:
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(page['title'])}</title></head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{escape(page['title'])}</h1>"
        f"<p>{escape(page['text'])}</p></article><footer>© News</footer></body></html>"
    ).encode()


class Site:
    """Twenty hosts' feeds and pages; `feeds[h]` is the list of page numbers feed h lists now."""

    def __init__(self, pages: list[dict[str, str]], port: int) -> None:
        self.pages = pages
        self.port = port
        self.feeds: list[list[int]] = [[] for _ in range(HOSTS)]
        self.lock = threading.Lock()
        self.requests = 0

    def url(self, host: int, path: str) -> str:
        return f"http://127.0.0.{host + 1}:{self.port}{path}"

    def feed(self, host: int) -> tuple[bytes, str]:
        with self.lock:
            numbers = list(self.feeds[host])
        items = "".join(
            f"<item><title>{escape(self.pages[n]['title'])}</title>"
            f"<link>{self.url(host, f'/p/{n}.html')}</link>"
            f"<pubDate>{self.pages[n]['date']}T12:00:00Z</pubDate></item>"
            for n in reversed(numbers)
        )
        body = (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>h{host}</title>{items}</channel></rss>'
        )
        return body.encode(), f'"{host}-{len(numbers)}"'


def serve(site: Site) -> list[ThreadingHTTPServer]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_args: Any) -> None:
            pass

        def do_GET(self) -> None:
            site.requests += 1
            host = int(self.server.server_address[0].rsplit(".", 1)[1]) - 1
            if self.path == "/robots.txt":
                self._send(200, b"User-agent: *\nAllow: /\n", "text/plain")
            elif self.path == "/feed.xml":
                body, etag = site.feed(host)
                if self.headers.get("If-None-Match") == etag:
                    self._send(304, b"", None, etag)
                else:
                    self._send(200, body, "application/rss+xml", etag)
            elif self.path.startswith("/p/") and self.path.endswith(".html"):
                number = int(self.path[3:-5])
                self._send(200, html_page(site.pages[number]), "text/html; charset=utf-8")
            else:
                self._send(404, b"no", "text/plain")

        def _send(self, status: int, body: bytes, kind: str | None, etag: str | None = None) -> None:
            self.send_response(status)
            if kind:
                self.send_header("Content-Type", kind)
            if etag:
                self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    servers = []
    for host in range(HOSTS):
        server = ThreadingHTTPServer((f"127.0.0.{host + 1}", site.port), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    return servers


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)  # noqa: S603
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    return seconds


def _count(db: Path) -> dict[str, int]:
    out = subprocess.run(  # noqa: S603
        [WORLDWIRE, "status", "--db", str(db), "--format", "json"], capture_output=True, text=True, check=True
    )
    status = json.loads(out.stdout)
    return {key: status[key] for key in ("articles", "events", "failed")}


def one_cycle(site: Site, work: Path, workers: int, delay: float, rounds: int) -> dict[str, Any]:
    """`watch --once` over every feed, and `ingest` of the same pages from disk, alternately, `rounds`
    times each into fresh stores; the fastest of each (the machine is shared: the least disturbed run)."""
    with site.lock:
        site.feeds = [list(range(h * PER_FEED, (h + 1) * PER_FEED)) for h in range(HOSTS)]
    sources = work / "feeds.txt"
    sources.write_text("".join(site.url(h, "/feed.xml") + "\n" for h in range(HOSTS)), encoding="utf-8")
    pages = work / "pages"
    pages.mkdir(exist_ok=True)
    for number in range(HOSTS * PER_FEED):
        (pages / f"{number:04d}.html").write_bytes(html_page(site.pages[number]))
    watches, ingests = [], []
    for number in range(rounds):
        watch_db = work / f"watch-{delay:g}-{number}.duckdb"
        ingest_db = work / f"ingest-{delay:g}-{number}.duckdb"
        watches.append(_run(
            [WORLDWIRE, "watch", str(sources), "--db", str(watch_db), "--once", "--allow-private",
             "--workers", str(workers), "--delay", str(delay), "--max-items", str(PER_FEED)],
            work,
        ))  # fmt: skip
        ingests.append(
            _run([WORLDWIRE, "ingest", str(pages), "--db", str(ingest_db), "--workers", str(workers)], work)
        )
    watch, ingest = min(watches), min(ingests)
    return {
        "delay_s": delay,
        "watch_s": round(watch, 2),
        "ingest_s": round(ingest, 2),
        "ratio": round(watch / ingest, 3),
        "watch_runs_s": [round(x, 2) for x in watches],
        "ingest_runs_s": [round(x, 2) for x in ingests],
        "watch_store": _count(watch_db),
        "ingest_store": _count(ingest_db),
    }


def _status_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def many_cycles(site: Site, work: Path, cycles: int) -> dict[str, Any]:
    """One `watch --every 1s` process for `cycles` cycles; its RSS as each cycle ends."""
    with site.lock:
        site.feeds = [[] for _ in range(HOSTS)]
    sources = work / "feeds.txt"
    db = work / "long.duckdb"
    process = subprocess.Popen(  # noqa: S603
        [WORLDWIRE, "watch", str(sources), "--db", str(db), "--every", "1s", "--allow-private",
         "--delay", "0"],
        cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stderr is not None
    rss, seconds, added = [], [], 0
    for line in process.stderr:
        if not line.startswith("cycle "):
            continue
        rss.append(_status_kib(process.pid, "VmRSS"))
        seconds.append(float(line.rsplit(";", 1)[1].strip().removesuffix(" s")))
        if len(rss) == cycles:
            break
        with site.lock:  # the next cycle finds five new pages in one feed
            host = len(rss) % HOSTS
            site.feeds[host].extend(range(added, added + PER_CYCLE))
            added += PER_CYCLE
    peak = _status_kib(process.pid, "VmHWM")
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=120)
    tenth = rss[9] if len(rss) >= 10 else rss[0]
    return {
        "cycles": len(rss),
        "pages_added": added,
        "rss_mib_after_cycle": {
            str(n): round(rss[n - 1] / 1024, 1) for n in (1, 10, 25, 50, 75, 100) if n <= len(rss)
        },
        "rss_growth_10_to_last": round(rss[-1] / tenth - 1, 4),
        "peak_rss_mib": round(peak / 1024, 1),
        "cycle_s_median": sorted(seconds)[len(seconds) // 2],
        "store": _count(db),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cycles", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2, help="Runs of each command at --delay 0.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--skip-polite", action="store_true", help="Leave out the run with the default 1 s delay."
    )
    args = parser.parse_args()
    site = Site(short_pages(args.corpus, HOSTS * PER_FEED + args.cycles * PER_CYCLE), _free_port())
    servers = serve(site)
    result: dict[str, Any] = {
        "bench": "watch_cycle",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "workers": args.workers,
        "cpus": os.cpu_count(),
        "feeds": HOSTS,
        "items_per_feed": PER_FEED,
        "words_per_page_mean": round(
            sum(len(p["text"].split()) for p in site.pages[: HOSTS * PER_FEED]) / (HOSTS * PER_FEED), 1
        ),
    }
    try:
        with tempfile.TemporaryDirectory(prefix="worldwire-watch-bench-") as tmp:
            work = Path(tmp)
            result["one_cycle"] = [one_cycle(site, work, args.workers, 0.0, args.rounds)]
            print(json.dumps(result["one_cycle"][-1]), flush=True)
            if not args.skip_polite:
                result["one_cycle"].append(one_cycle(site, work, args.workers, 1.0, 1))
                print(json.dumps(result["one_cycle"][-1]), flush=True)
            site.pages = site.pages[HOSTS * PER_FEED :]  # pages the long run has not seen
            result["many_cycles"] = many_cycles(site, work, args.cycles)
            print(json.dumps(result["many_cycles"]), flush=True)
    finally:
        for server in servers:
            server.shutdown()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
