"""Random samples of enrichment output on a corpus, printed with their context for checking by hand.

Why: quotes, numeric facts and time expressions have no gold set, so their accuracy is measured by
judging a fixed-seed random sample against the text (see docs/enrich.md for the figures and method).
Each sampled item is printed with its sentence and the article date; the judging itself is manual.

    .venv/bin/python bench/enrich_sample.py --seed 1 --n 40
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from worldwire.ingest import read_inputs
from worldwire.pipeline import analyse, parse_documents
from worldwire.settings import default

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "wikinews-2019-2020" / "wikinews.jsonl"


def _context(text: str, start: int, end: int, width: int = 160) -> str:
    lo, hi = max(0, start - width), min(len(text), end + width)
    return (text[lo:start] + "[[" + text[start:end] + "]]" + text[end:hi]).replace("\n", " ¶ ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--n", type=int, default=40)
    args = parser.parse_args()
    quotes, facts, times = [], [], []
    for doc in parse_documents(read_inputs([str(args.corpus)], max_chars=default("max_chars"))):
        enriched = analyse(doc)
        text, date = doc.clean.text, doc.clean.date
        for q in enriched.quotes:
            quotes.append((doc.id, date, text, q))
        for f in enriched.facts:
            facts.append((doc.id, date, text, f))
        for t in enriched.times:
            times.append((doc.id, date, text, t))
    print(f"# totals: quotes {len(quotes)}, facts {len(facts)}, times {len(times)}")
    rng = random.Random(args.seed)  # noqa: S311 - a reproducible sample, not a secret
    for name, items in (("QUOTES", quotes), ("FACTS", facts), ("TIMES", times)):
        print(f"\n######## {name}")
        for i, (doc_id, date, text, item) in enumerate(rng.sample(items, min(args.n, len(items))), 1):
            print(f"\n--- {name[0]}{i} {doc_id} date={date}")
            if name == "QUOTES":
                speaker = item.speaker
                who = "None" if speaker is None else f"{speaker.text!r} code={speaker.code}"
                print(f"speaker: {who}")
                print(_context(text, item.start, item.end, 200))
                if speaker is not None and not item.start - 300 < speaker.start < item.end + 300:
                    print("   speaker ctx: " + _context(text, speaker.start, speaker.end, 80))
            elif name == "FACTS":
                print(f"kind={item.kind} value={item.value:g} cur={item.currency}", end=" ")
                print(f"unit={item.unit} year={item.year}")
                print(_context(text, item.start, item.end))
            else:
                print(f"value={item.value}")
                print(_context(text, item.start, item.end))


if __name__ == "__main__":
    main()
