"""The actors stage on the Wikinews corpus: its time against the parse time (budget: at most 10 %).

Why: actor resolution runs on every parsed document, so it must stay a small share of extract time.
Parse (clean + language + spaCy) runs once; the actors stage is timed over the same parsed documents in
several rounds (median), after one warm-up document that builds the lexicon's indexes.

    .venv/bin/python bench/actors_stage.py --corpus ../shared/corpus/wikinews-2019-2020/wikinews.jsonl
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import time
from collections import Counter
from pathlib import Path

from worldwire.actors import default_lexicon, resolve_actors
from worldwire.ingest import read_inputs
from worldwire.nlp import load_pipeline
from worldwire.pipeline import parse_documents

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "wikinews-2019-2020" / "wikinews.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=100, help="articles to use (0: all)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    load_pipeline()
    default_lexicon()
    raws = read_inputs([str(args.corpus)], max_chars=1_000_000)
    if args.limit:
        raws = itertools.islice(raws, args.limit)
    started = time.perf_counter()
    docs = list(parse_documents(raws))
    parse_s = time.perf_counter() - started
    resolve_actors(docs[0])  # builds the per-lexicon indexes once
    rounds = []
    kinds: Counter[str] = Counter()
    for _ in range(args.rounds):
        started = time.perf_counter()
        results = [resolve_actors(doc) for doc in docs]
        rounds.append(time.perf_counter() - started)
    for result in results:
        kinds.update(a.kind for a in result.actors)
    actors_s = statistics.median(rounds)
    words = sum(len(doc.clean.text.split()) for doc in docs)
    print(f"{len(docs)} articles, {words:,} words")
    print(f"clean + language + spaCy: {parse_s:.2f} s")
    print(f"actors (median of {args.rounds}): {actors_s:.3f} s = {actors_s / parse_s:.1%} of the parse")
    print(f"mentions: {sum(kinds.values()):,} {dict(kinds.most_common())}")


if __name__ == "__main__":
    main()
