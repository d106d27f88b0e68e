"""What each analysis stage (actors, events, enrichment) adds to extract time, on the same documents.

Why: each stage has a budget relative to the extract stage it runs after (clean + language check +
spaCy parse): actors ≤ 10 %, events ≤ 15 %, enrichment ≤ 15 %. Parsing dominates and varies with the
machine, so the figures are ratios of the stage's time to the parse time measured in the same run, on
the same parsed documents. Every stage is timed separately in several rounds; the report gives the
median per stage. It measures and reports; it never asserts a time.

    .venv/bin/python bench/stage_overhead.py --corpus ../shared/corpus/wikinews-2019-2020/wikinews.jsonl
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from worldwire.actors import resolve_actors
from worldwire.enrich import enrich
from worldwire.events import code_events
from worldwire.ingest import read_inputs
from worldwire.models import RawDocument
from worldwire.nlp import load_pipeline
from worldwire.pipeline import parse_documents
from worldwire.settings import default

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "wikinews-2019-2020" / "wikinews.jsonl"
DEFAULT_OUT = REPO / "bench" / "results" / "stage_overhead.json"
BUDGETS = {"actors": 0.10, "events": 0.15, "enrich": 0.15}


def timed(func: Callable[[], Sequence[Any]]) -> tuple[float, Sequence[Any]]:
    gc.collect()
    start = time.perf_counter()
    out = func()
    return time.perf_counter() - start, out


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL with id and text fields")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (default 3)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the JSON results go")
    args = parser.parse_args(argv)
    if args.rounds < 1 or (args.limit is not None and args.limit < 1):
        parser.error("--rounds and --limit must be at least 1")
    if not args.corpus.is_file():
        parser.error(f"no corpus at {args.corpus}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    raws: list[RawDocument] = list(
        itertools.islice(read_inputs([str(args.corpus)], max_chars=default("max_chars")), args.limit)
    )
    nlp = load_pipeline()
    # Warm-up, untimed: first-call allocations and every stage's cached tables and matchers.
    warm = list(parse_documents(raws[:8], nlp=nlp))
    for doc in warm:
        enrich(code_events(resolve_actors(doc)))

    rounds: list[dict[str, float]] = []
    counts: dict[str, int] = {}
    for number in range(args.rounds):
        parse_s, parsed = timed(lambda: list(parse_documents(raws, nlp=nlp)))
        actors_s, with_actors = timed(lambda: [resolve_actors(d) for d in parsed])  # noqa: B023
        events_s, with_events = timed(lambda: [code_events(d) for d in with_actors])  # noqa: B023
        enrich_s, enriched = timed(lambda: [enrich(d) for d in with_events])  # noqa: B023
        rounds.append({"parse": parse_s, "actors": actors_s, "events": events_s, "enrich": enrich_s})
        counts = {
            "documents": len(enriched),
            "actors": sum(len(d.actors.actors) for d in enriched),
            "events": sum(len(d.events.events) for d in enriched),
            "quotes": sum(len(d.quotes) for d in enriched),
            "facts": sum(len(d.facts) for d in enriched),
            "locations": sum(len(d.locations) for d in enriched),
        }
        line = "  ".join(f"{k} {v:6.2f} s" for k, v in rounds[-1].items())
        print(f"round {number + 1}/{args.rounds}: {line}", flush=True)

    median = {stage: statistics.median(r[stage] for r in rounds) for stage in rounds[0]}
    share = {stage: median[stage] / median["parse"] for stage in BUDGETS}
    result = {
        "benchmark": "stage_overhead",
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "parameters": {"corpus": str(args.corpus), "articles": len(raws), "rounds": args.rounds},
        "rounds": rounds,
        "median_seconds": median,
        "share_of_parse": share,
        "budgets": BUDGETS,
        "output_counts": counts,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")

    print(f"\n{len(raws)} articles; clean + parse median {median['parse']:.2f} s")
    for stage, budget in BUDGETS.items():
        verdict = "within" if share[stage] <= budget else "OVER"
        print(
            f"{stage:<7} {median[stage]:6.2f} s = {share[stage]:6.1%} of extract time "
            f"(budget {budget:.0%}: {verdict})"
        )
    print(f"output: {counts}")
    print(f"results: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
