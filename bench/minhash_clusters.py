"""Near-duplicate clustering time for 100k synthetic articles (MinHash + LSH, as `worldwire ingest` does).

Why: one story is syndicated, lightly edited and spun across outlets; the store must group the copies
as they arrive, fast enough not to matter next to parsing (target: 100k articles ≤ 60 s). Articles are
synthetic: `--stories` stories of about 180 words drawn from a 20,000-word vocabulary, each told in
`--copies` versions where every copy replaces `--edits` random words (a light rewrite) and may gain a
byline sentence. Each article goes through the store's `signature` and `Clusterer.assign` in arrival
order, exactly as ingest calls them. Reported: seconds, articles/s, and how well the clusters match the
stories (pairwise precision and recall). It measures and reports.

    .venv/bin/python bench/minhash_clusters.py --stories 20000 --copies 5
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from worldwire.store.config import store_config
from worldwire.store.dedup import Clusterer, signature

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "bench" / "results" / "minhash_clusters.json"


def articles(stories: int, copies: int, edits: int, seed: int) -> list[tuple[int, str]]:
    """(story, text) pairs, copies of a story scattered through the stream as they would arrive."""
    rng = random.Random(seed)  # noqa: S311 (synthetic text, not secrets)
    vocabulary = [f"w{n}" for n in range(20_000)]
    out = []
    for story in range(stories):
        base = rng.choices(vocabulary, k=rng.randint(140, 220))
        for _ in range(copies):
            words = list(base)
            for _ in range(edits):
                words[rng.randrange(len(words))] = rng.choice(vocabulary)
            if rng.random() < 0.5:
                words += ["reported", "by", rng.choice(vocabulary), "staff"]
            out.append((story, " ".join(words)))
    rng.shuffle(out)
    return out


def pair_scores(truth: list[int], found: list[str]) -> tuple[float, float]:
    """Pairwise precision and recall of the clusters against the stories."""

    def pairs(counts: Counter[object]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter(zip(truth, found, strict=True)))
    same_found, same_true = pairs(Counter(found)), pairs(Counter(truth))
    return both / same_found if same_found else 1.0, both / same_true if same_true else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=20_000)
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--edits", type=int, default=6)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    stream = articles(args.stories, args.copies, args.edits, args.seed)
    config = store_config()
    clusterer = Clusterer(config)
    start, cpu_start = time.perf_counter(), time.process_time()
    found = [clusterer.assign(f"a{n}", signature(text, config)) for n, (_, text) in enumerate(stream)]
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    precision, recall = pair_scores([story for story, _ in stream], found)
    result = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "articles": len(stream),
        "stories": args.stories,
        "copies": args.copies,
        "edits_per_copy": args.edits,
        "num_perm": config.num_perm,
        "threshold": config.threshold,
        "shingle_words": config.shingle_words,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "articles_per_s": len(stream) / seconds,
        "clusters": len(set(found)),
        "pair_precision": precision,
        "pair_recall": recall,
    }
    print(
        f"{len(stream):,} articles clustered in {seconds:.1f} s (CPU {cpu_seconds:.1f} s; "
        f"{len(stream) / seconds:,.0f}/s): "
        f"{len(set(found)):,} clusters for {args.stories:,} stories; "
        f"pairwise precision {precision:.3f}, recall {recall:.3f}"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
