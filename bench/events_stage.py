"""The events stage on the Wikinews corpus: its time against the parse time, its coverage, and a random
sample of events to judge by hand.

Why: the events stage may add at most 15 % to extract time, and an analyst needs to know how often it
finds something and how often what it finds is right. Parse (clean + language + spaCy) and actors run
once; the events stage is timed over the same parsed documents in several rounds (median). Coverage:
the share of articles with at least one event, over all articles and over the political ones (articles
where the actors stage finds a government, military, legislative, judicial, police, party, opposition,
rebel or intergovernmental actor, and at least two countries). The sample (seeded) is written as JSON
lines with each event's evidence, for a person to judge.

    .venv/bin/python bench/events_stage.py --corpus ../shared/corpus/wikinews-2019-2020/wikinews.jsonl
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from worldwire.actors import resolve_actors
from worldwire.events import code_events
from worldwire.ingest import read_inputs
from worldwire.models import ActorDocument, EventDocument
from worldwire.pipeline import parse_documents

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "wikinews-2019-2020" / "wikinews.jsonl"


STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "OPP", "PTY", "REB", "SPY"})


def political(doc: ActorDocument) -> bool:
    """An article about politics: a state or political actor acts in it, and it names two countries."""
    countries = {a.country for a in doc.actors if a.country}
    official = any(a.sector in STATE_SECTORS or (a.code or "").startswith("IGO") for a in doc.actors)
    return official and len(countries) >= 2


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--threshold", type=float, default=0.7, help="confidence an analyst filters at")
    # The sample quotes article text: it goes outside the repository (no third-party text is committed).
    parser.add_argument(
        "--sample-out", type=Path, default=Path(tempfile.gettempdir()) / "worldwire-events-sample.jsonl"
    )
    args = parser.parse_args(argv)

    raws = list(read_inputs([str(args.corpus)], max_chars=10_000_000))
    gc.collect()
    start = time.perf_counter()
    parsed = list(parse_documents(raws))
    parse_seconds = time.perf_counter() - start
    actor_docs = [resolve_actors(doc) for doc in parsed]
    code_events(actor_docs[0])  # load data files before timing
    times = []
    coded: list[EventDocument] = []
    for _ in range(args.rounds):
        gc.collect()
        start = time.perf_counter()
        coded = [code_events(doc) for doc in actor_docs]
        times.append(time.perf_counter() - start)
    events_seconds = statistics.median(times)

    docs = [d for d in coded if d.error is None]
    with_events = [d for d in docs if d.events]
    politics = [d for d in docs if political(d.actors)]
    politics_with = [d for d in politics if d.events]
    stored = [e for d in docs for e in d.events if e.modality != "negated"]
    print(f"documents: {len(docs)} parsed ({len(raws) - len(docs)} failed)")
    print(f"parse: {parse_seconds:.2f} s; events stage (median of {args.rounds}): {events_seconds:.3f} s")
    print(f"events / parse time: {events_seconds / parse_seconds:.3%}")
    print(
        f"articles with ≥1 event: {len(with_events)}/{len(docs)} = {len(with_events) / max(len(docs), 1):.3f}"
    )
    print(
        f"political articles with ≥1 event: {len(politics_with)}/{len(politics)} = "
        f"{len(politics_with) / max(len(politics), 1):.3f}"
    )
    print(f"events: {sum(len(d.events) for d in docs)} ({len(stored)} not negated)")
    sentences = sum(len(d.annotated.sentences) for d in docs)
    missed = sum(
        1 for d in docs for _ in {a.sentence for a in d.actors.actors} - {e.sentence for e in d.events}
    )
    print(f"sentences: {sentences}; with an actor but no event: {missed}")
    # What a sentence-embedding fallback for those sentences would cost, at the CPU rate measured for
    # all-MiniLM-L6-v2 in ../shared/notes/dependencies-offline.md (125 sentences/s on 2 threads).
    embed_seconds = missed / 125
    share = embed_seconds / parse_seconds
    print(f"embedding them (MiniLM, 125 sentences/s): ~{embed_seconds:.0f} s = {share:.0%} of parse")

    rng = random.Random(args.seed)  # noqa: S311 (a reproducible sample, not a secret)
    sample = rng.sample(stored, min(args.sample, len(stored)))
    args.sample_out.parent.mkdir(parents=True, exist_ok=True)
    with args.sample_out.open("w", encoding="utf-8") as out:
        for event in sample:
            row = {
                "source": [event.source.text, event.source.code],
                "target": [event.target.text, event.target.code] if event.target else None,
                "cameo": event.cameo,
                "plover": event.plover,
                "modality": event.modality,
                "confidence": event.confidence,
                "trigger": event.trigger,
                "evidence": event.evidence,
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"sample of {len(sample)} events: {args.sample_out}")
    kept = [e for e in stored if e.confidence >= args.threshold]
    print(
        f"events with confidence ≥ {args.threshold}: {len(kept)}/{len(stored)}"
        f" = {len(kept) / max(len(stored), 1):.3f}"
    )


if __name__ == "__main__":
    main()
