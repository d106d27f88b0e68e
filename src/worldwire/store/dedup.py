"""Near-duplicate articles: MinHash signatures of word shingles, grouped by locality-sensitive hashing.

Syndicated, lightly edited or spun copies of one story share most of their word shingles; their
estimated Jaccard similarity reaches the threshold in `data/store/v1.toml` and they join one cluster,
so the events they report are counted once, with every copy as a mention.
"""

from __future__ import annotations

import re
import zlib
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

from worldwire.store.config import StoreConfig, store_config

if TYPE_CHECKING:
    from datasketch import LeanMinHash

# datasketch (which imports SciPy, 0.4 s of CPU) is imported by the clusterer, not with this module:
# the ingest workers only compute signatures, and each of them would otherwise pay for the import.

_WORD = re.compile(r"\w+")
_PRIME = np.uint64((1 << 61) - 1)
_MASK = np.uint64(0xFFFFFFFF)
_MIX = np.uint64(1_000_003)  # an odd multiplier: shingles of the same words in another order differ
_SEED = 1


@cache
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """Affine hash functions a·x + b mod p, a, b < 2³², so a·x + b never overflows 64 bits."""
    rng = np.random.RandomState(_SEED)
    a = rng.randint(1, 1 << 32, size=num_perm, dtype=np.uint64)
    b = rng.randint(0, 1 << 32, size=num_perm, dtype=np.uint64)
    return a, b


def signature(text: str, config: StoreConfig | None = None) -> np.ndarray | None:
    """The MinHash signature of `text`'s word shingles; None for a body too short to compare."""
    config = config or store_config()
    words = _WORD.findall(text.lower())
    if len(words) < config.min_words:
        return None
    # Each word is hashed once; a shingle's hash mixes its words' hashes (vectorised), then repeats go.
    word_hashes = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))
    k = config.shingle_words
    mixed = np.zeros(len(words) - k + 1, dtype=np.uint64)
    for offset in range(k):
        mixed = mixed * _MIX + word_hashes[offset : offset + len(mixed)]
    hashes = np.unique(mixed & _MASK)
    a, b = _permutations(config.num_perm)
    values = (np.outer(hashes, a) + b) % _PRIME & _MASK
    result: np.ndarray = values.min(axis=0)
    return result


def similarity(first: np.ndarray, second: np.ndarray) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.mean(first == second))


def bands(config: StoreConfig | None = None) -> tuple[tuple[int, int], ...]:
    """The LSH bands (start, end) of a signature: datasketch's own choice for the threshold, so that an
    engine joining articles on equal bands finds exactly the candidates `MinHashLSH.query` finds."""
    config = config or store_config()
    return _bands(config.threshold, config.num_perm)


@cache
def _bands(threshold: float, num_perm: int) -> tuple[tuple[int, int], ...]:
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return tuple((int(start), int(end)) for start, end in lsh.hashranges)


class Clusterer:
    """Assigns each new article to the cluster of its most similar earlier article, or a new one.

    Among equally similar candidates the earliest indexed one wins (LSH candidates come as a set, in no
    set order), so the clusters depend on the input order alone and every engine can rebuild them.
    """

    def __init__(self, config: StoreConfig | None = None) -> None:
        from datasketch import MinHashLSH

        self.config = config or store_config()
        self._lsh = MinHashLSH(threshold=self.config.threshold, num_perm=self.config.num_perm)
        self._signatures: dict[str, np.ndarray] = {}
        self._cluster_of: dict[str, str] = {}
        self._order: dict[str, int] = {}  # article -> position in which it was indexed

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, article_id: str, sig: np.ndarray | None, cluster_id: str) -> None:
        """Index an article already assigned to `cluster_id` (when a store is reopened)."""
        self._cluster_of[article_id] = cluster_id
        if sig is not None and article_id not in self._signatures:
            self._signatures[article_id] = sig
            self._order[article_id] = len(self._order)
            self._lsh.insert(article_id, _lean(sig))

    def assign(self, article_id: str, sig: np.ndarray | None) -> str:
        """The cluster of `article_id` (its own id when no earlier article is a near-duplicate)."""
        cluster_id = article_id
        if sig is not None:
            best: tuple[float, int] | None = None  # (score, -order): higher is better
            for candidate in self._lsh.query(_lean(sig)):
                score = similarity(sig, self._signatures[candidate])
                rank = (score, -self._order[candidate])
                if score >= self.config.threshold and (best is None or rank > best):
                    best, cluster_id = rank, self._cluster_of[candidate]
        self.add(article_id, sig, cluster_id)
        return cluster_id


def _lean(sig: np.ndarray) -> LeanMinHash:
    from datasketch import LeanMinHash

    return LeanMinHash(seed=_SEED, hashvalues=sig, scheme="affine32")
