"""Peak memory of `worldwire ingest` at 1× and 10× the Wikinews corpus: memory must stay flat.

Why: a year of news must fit on a laptop; ingest streams its inputs, keeps a few chunks in flight and
commits in batches, so its peak memory should not grow with the corpus (target: 10× within 10% of 1×).
The 10× corpus is the Wikinews file ten times over with distinct ids and URLs, each copy's text lightly
varied (one sentence added, "This is copy k of the report."), so no copy is an exact duplicate: every copy
is parsed, coded, clustered with its siblings and written, and its events merge into theirs.
Each scale runs `worldwire ingest` as a fresh child process (N workers) from a fresh measuring process:
peak RSS is `getrusage(RUSAGE_CHILDREN).ru_maxrss` (the largest single process of the tree) plus the
largest sum of RSS over the whole process tree, sampled every 0.2 s from /proc. It measures and reports.

    .venv/bin/python bench/memory.py --workers 2
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "wikinews-2019-2020" / "wikinews.jsonl"
DEFAULT_OUT = REPO / "bench" / "results" / "memory.json"
WORLDWIRE = str(Path(sys.executable).with_name("worldwire"))


def build_corpus(source: Path, copies: int, out: Path) -> int:
    """`copies` copies of every record, each with its own id, URL and one added sentence."""
    count = 0
    with source.open(encoding="utf-8") as lines, out.open("w", encoding="utf-8") as sink:
        records = [json.loads(line) for line in lines if line.strip()]
        for k in range(copies):
            for record in records:
                copy = dict(record, id=f"{record['id']}~{k}")
                if k:
                    copy["url"] = f"{record.get('url') or 'https://example.org/' + record['id']}?copy={k}"
                    copy["text"] = record["text"] + f"\n\nThis is copy {k} of the report."
                sink.write(json.dumps(copy, ensure_ascii=False) + "\n")
                count += 1
    return count


def _tree_rss_kib(root: int) -> int:
    """Resident memory of `root` and all its descendants, in KiB, read from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    total = 0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def measure(corpus: Path, workers: int) -> dict[str, Any]:
    """Run one ingest as a child of this (fresh) process and report its peaks."""
    with tempfile.TemporaryDirectory() as folder:
        command = [
            WORLDWIRE,
            "ingest",
            str(corpus),
            "--db",
            str(Path(folder) / "m.duckdb"),
            "-j",
            str(workers),
        ]
        start = time.perf_counter()
        child = subprocess.Popen(  # noqa: S603
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=os.environ | {"COLUMNS": "300"},
        )
        peak_tree = 0
        while child.poll() is None:
            peak_tree = max(peak_tree, _tree_rss_kib(child.pid))
            time.sleep(0.2)
        _, err = child.communicate()
        seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "returncode": child.returncode,
        "seconds": seconds,
        "max_process_rss_mib": usage.ru_maxrss / 1024,
        "peak_tree_rss_mib": peak_tree / 1024,
        "summary": next((line for line in err.splitlines() if " inputs in " in line), ""),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    if args.measure:  # the fresh measuring process: its RUSAGE_CHILDREN holds this one ingest only
        print(json.dumps(measure(args.measure, args.workers)))
        return
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for scale in args.scales:
            corpus = Path(folder) / f"wikinews-x{scale}.jsonl"
            articles = build_corpus(args.corpus, scale, corpus)
            run = subprocess.run(  # noqa: S603
                [sys.executable, __file__, "--measure", str(corpus), "--workers", str(args.workers)],
                capture_output=True,
                text=True,
                check=True,
            )
            result = {"scale": scale, "articles": articles, **json.loads(run.stdout)}
            results.append(result)
            print(
                f"{scale:>3}× ({articles:,} articles): {result['seconds']:.0f} s, largest process "
                f"{result['max_process_rss_mib']:.0f} MiB, whole tree {result['peak_tree_rss_mib']:.0f} MiB"
            )
    base, top = results[0], results[-1]
    ratio = {
        "max_process": top["max_process_rss_mib"] / base["max_process_rss_mib"],
        "tree": top["peak_tree_rss_mib"] / base["peak_tree_rss_mib"],
    }
    print(
        f"{top['scale']}× / {base['scale']}×: largest process {ratio['max_process']:.3f}, "
        f"tree {ratio['tree']:.3f}"
    )
    out = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "workers": args.workers,
        "runs": results,
        "ratio": ratio,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
