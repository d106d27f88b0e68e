"""Throughput of `worldwire ingest` (the whole pipeline into the store) against bare spaCy, same run.

Why: the store's promise is that a year of news goes in at close to the speed of the parser alone
(target: at least 0.7 × bare spaCy). Both systems get the same texts, the same model and the same number
of processes (spaCy `n_process=N`; worldwire N worker processes, each running the whole pipeline, with
the parent hashing, clustering and writing DuckDB). Rounds alternate the order; the report is the ratio
of median words/s. It measures and reports; it never asserts a time.

    .venv/bin/python bench/ingest_throughput.py --workers 2
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

import spacy

import worldwire
from worldwire.settings import DEFAULTS

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "wikinews-2019-2020" / "wikinews.jsonl"
DEFAULT_OUT = REPO / "bench" / "results" / "ingest_throughput.json"


def spacy_pass(texts: list[str], words: int, workers: int) -> dict[str, Any]:
    """Bare spaCy over whole texts, as a user would call it; every Doc's sentences are read."""
    gc.collect()
    start = time.perf_counter()  # loading the model is part of the pass, as worldwire's workers load theirs
    nlp = spacy.load(str(DEFAULTS["spacy_model"]))
    sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=128, n_process=workers))
    seconds = time.perf_counter() - start
    return {"system": "spacy", "seconds": seconds, "words_per_s": words / seconds, "sentences": sentences}


def worldwire_pass(corpus: Path, words: int, workers: int) -> dict[str, Any]:
    """`worldwire ingest` into a fresh store, workers' start-up (model load) included, as a user pays it."""
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        with worldwire.open(Path(folder) / "bench.duckdb") as store:
            report = store.ingest([str(corpus)], workers=workers)
            status = store.status()
        seconds = time.perf_counter() - start
    return {
        "system": "worldwire",
        "seconds": seconds,
        "words_per_s": words / seconds,
        "articles": report.done,
        "failed": report.failed,
        "events": status["events"],
        "mentions": status["mentions"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in args.corpus.open(encoding="utf-8") if line.strip()]
    words = sum(len(t.split()) for t in texts)
    passes = []
    for round_no in range(args.rounds):
        order = ("spacy", "worldwire") if round_no % 2 == 0 else ("worldwire", "spacy")
        for system in order:
            result = (
                spacy_pass(texts, words, args.workers)
                if system == "spacy"
                else worldwire_pass(args.corpus, words, args.workers)
            )
            result["round"] = round_no + 1
            passes.append(result)
            print(
                f"round {round_no + 1} {system:9} {result['seconds']:6.1f} s "
                f"{result['words_per_s']:8,.0f} words/s"
            )
    median = {
        system: statistics.median(p["words_per_s"] for p in passes if p["system"] == system)
        for system in ("spacy", "worldwire")
    }
    ratio = median["worldwire"] / median["spacy"]
    print(
        f"median words/s: spacy {median['spacy']:,.0f}, worldwire {median['worldwire']:,.0f}; "
        f"ratio {ratio:.2f}"
    )
    result = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": sys.version.split()[0],
            "platform": platform.platform(),
        },
        "spacy": version("spacy"),
        "model": str(DEFAULTS["spacy_model"]),
        "corpus": str(args.corpus),
        "texts": len(texts),
        "words": words,
        "workers": args.workers,
        "passes": passes,
        "median_words_per_s": median,
        "ratio": ratio,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
