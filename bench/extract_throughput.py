"""Throughput of `worldwire extract` (every stage) against bare spaCy, same model, same run.

Why: worldwire adds cleaning, a language check, paragraph-by-paragraph parsing, actors, events and
enrichment on top of spaCy; this says what that costs (or saves) relative to what a user gets from
`nlp.pipe` on whole texts. `stage_overhead.py` splits the cost by stage. Both
systems run in the same process with the same loaded pipeline, rounds alternate their order to spread
drift (warming caches, a growing StringStore, thermal or neighbour noise) over both, and the result is
a ratio of medians, which travels between machines better than absolute words/s. It measures and
reports; it never asserts a time.

    .venv/bin/python bench/extract_throughput.py --corpus ../shared/corpus/wikinews-2019-2020/wikinews.jsonl
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import platform
import statistics
import sys
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import spacy

from worldwire.ingest import read_inputs
from worldwire.pipeline import extract_documents
from worldwire.settings import DEFAULTS, default

if TYPE_CHECKING:
    from spacy.language import Language

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "wikinews-2019-2020" / "wikinews.jsonl"
DEFAULT_OUT = REPO / "bench" / "results" / "extract_throughput.json"
MODEL = str(DEFAULTS["spacy_model"])
WARMUP_DOCS = 8


@dataclass(frozen=True, slots=True)
class Pass:
    """One timed pass of one system over the whole input; the counts show both did the same work."""

    system: str
    seconds: float
    words: int
    words_per_s: float
    docs: int
    errors: int
    parsed_docs: int
    sentences: int
    tokens: int
    parsed_chars: int


def load_texts(corpus: Path, limit: int | None) -> list[tuple[str, str]]:
    """(id, raw text) of each record, read plainly so the baseline owes nothing to worldwire's ingest."""
    records: list[tuple[str, str]] = []
    with corpus.open(encoding="utf-8") as stream:
        for line in stream:
            if not line.strip():
                continue
            record = json.loads(line)
            records.append((str(record["id"]), str(record["text"])))
            if limit is not None and len(records) >= limit:
                break
    return records


def run_baseline(nlp: Language, texts: list[str], words: int, batch_size: int, n_process: int) -> Pass:
    """Bare spaCy on whole texts, as a user would call it; every Doc is consumed and its sentences read."""
    gc.collect()
    docs = sentences = tokens = chars = 0
    start = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        docs += 1
        sentences += sum(1 for _ in doc.sents)
        tokens += len(doc)
        chars += len(doc.text)
    seconds = time.perf_counter() - start
    return Pass("spacy", seconds, words, words / seconds, docs, 0, docs, sentences, tokens, chars)


def run_worldwire(
    nlp: Language, corpus: Path, limit: int | None, words: int, batch_size: int, n_process: int
) -> Pass:
    """worldwire from the file on: ingest, clean, language check, per-paragraph parse, then every stage."""
    gc.collect()
    docs = errors = parsed = sentences = tokens = chars = 0
    start = time.perf_counter()
    raws = itertools.islice(read_inputs([str(corpus)], max_chars=default("max_chars")), limit)
    for final in extract_documents(raws, nlp=nlp, batch_size=batch_size, n_process=n_process):
        annotated = final.annotated
        docs += 1
        errors += annotated.error is not None
        parsed += bool(annotated.segments)
        sentences += len(annotated.sentences)
        tokens += sum(len(segment.doc) for segment in annotated.segments)
        chars += sum(len(segment.doc.text) for segment in annotated.segments)
    seconds = time.perf_counter() - start
    return Pass("worldwire", seconds, words, words / seconds, docs, errors, parsed, sentences, tokens, chars)


def machine_facts(nlp: Language) -> dict[str, Any]:
    """What a reader needs to compare these figures with another machine's."""
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "cpu_count": os.cpu_count(),
        "usable_cpus": affinity,
        "processor": platform.processor() or platform.machine(),
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "spacy": spacy.__version__,
        "model": MODEL,
        "model_version": nlp.meta.get("version"),
        "worldwire": version("worldwire"),
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL with id and text fields")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds per system (default 3)")
    parser.add_argument("--batch-size", type=int, default=default("batch_size"), help="nlp.pipe batch_size")
    parser.add_argument(
        "--n-process", type=int, default=1, help="spaCy worker processes, the same for both (default 1)"
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (a quick run)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the JSON results go")
    args = parser.parse_args(argv)
    if (
        args.rounds < 1
        or args.batch_size < 1
        or args.n_process < 1
        or (args.limit is not None and args.limit < 1)
    ):
        parser.error("--rounds, --batch-size, --n-process and --limit must be at least 1")
    if not args.corpus.is_file():
        parser.error(f"no corpus at {args.corpus}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    records = load_texts(args.corpus, args.limit)
    texts = [text for _, text in records]
    words = sum(len(text.split()) for text in texts)
    ingested = [
        raw.id for raw in itertools.islice(read_inputs([str(args.corpus)], max_chars=10**9), args.limit)
    ]
    if ingested != [doc_id for doc_id, _ in records]:
        raise SystemExit(
            "worldwire's ingest and the plain JSONL reader disagree on the records; not comparable"
        )

    load_start = time.perf_counter()
    nlp = spacy.load(MODEL)
    load_s = time.perf_counter() - load_start
    print(f"{len(texts)} articles, {words:,} words; {MODEL} loaded in {load_s:.1f} s", flush=True)

    # Warm-up, untimed, in this process: first-call allocations and lazy tables, for both code paths.
    run_baseline(nlp, texts[:WARMUP_DOCS], 1, args.batch_size, 1)
    run_worldwire(nlp, args.corpus, min(WARMUP_DOCS, len(texts)), 1, args.batch_size, 1)

    rounds: list[dict[str, Any]] = []
    for number in range(args.rounds):
        order = ("spacy", "worldwire") if number % 2 == 0 else ("worldwire", "spacy")
        passes: dict[str, Pass] = {}
        for system in order:
            if system == "spacy":
                passes[system] = run_baseline(nlp, texts, words, args.batch_size, args.n_process)
            else:
                passes[system] = run_worldwire(
                    nlp, args.corpus, args.limit, words, args.batch_size, args.n_process
                )
            done = passes[system]
            rate = f"{done.seconds:7.1f} s {done.words_per_s:9,.0f} words/s"
            print(f"round {number + 1}/{args.rounds} {system:<9} {rate}", flush=True)
        rounds.append(
            {"round": number + 1, "order": list(order), **{k: asdict(v) for k, v in passes.items()}}
        )

    medians = {
        system: statistics.median(r[system]["words_per_s"] for r in rounds)
        for system in ("spacy", "worldwire")
    }
    ratio = medians["worldwire"] / medians["spacy"]
    result = {
        "benchmark": "extract_throughput",
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "machine": machine_facts(nlp),
        "parameters": {
            "corpus": str(args.corpus),
            "articles": len(texts),
            "words": words,
            "chars": sum(len(text) for text in texts),
            "rounds": args.rounds,
            "batch_size": args.batch_size,
            "n_process": args.n_process,
            "limit": args.limit,
            "warmup_docs": WARMUP_DOCS,
            "model_load_s": round(load_s, 3),
        },
        "rounds": rounds,
        "median_words_per_s": medians,
        "ratio_worldwire_over_spacy": ratio,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_name(args.out.name + ".tmp")
    tmp.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    tmp.replace(args.out)

    print()
    print(f"{'system':<10} {'median words/s':>15}   per round (words/s)")
    for system in ("spacy", "worldwire"):
        per_round = "  ".join(f"{r[system]['words_per_s']:,.0f}" for r in rounds)
        print(f"{system:<10} {medians[system]:>15,.0f}   {per_round}")
    print(f"ratio worldwire/spacy: {ratio:.3f}  (n_process={args.n_process}, batch_size={args.batch_size})")
    base, ours = rounds[-1]["spacy"], rounds[-1]["worldwire"]
    print(
        f"work per pass: spacy {base['sentences']:,} sentences / {base['tokens']:,} tokens; "
        f"worldwire {ours['sentences']:,} sentences / {ours['tokens']:,} tokens, "
        f"{ours['errors']} documents with an error"
    )
    print(f"results: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
