"""Near-duplicate clustering with MinHash over the kernel's character 3-grams (pure Python, no Django).

A flood of copies (with small edits, emoji, spacing or letter variants) becomes one cluster with a
count. Two ways to use it:

- `Clusterer`: an in-memory datasketch `MinHashLSH`, for batches (the golden corpus, the bench).
- `signature` / `band_keys` / `similarity`: the same MinHash cut into LSH bands so that a database
  table of band keys can find candidates across processes (the intake path stores them).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH

from solidarity.core import nearcopy

NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: candidates from about 0.5 Jaccard similarity
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.6  # estimated Jaccard similarity at which two messages are the same text
SEED = 20260401


def shingles(key: str) -> frozenset[bytes]:
    """Return the kernel's character 3-grams of a matching key (core/nearcopy.py).

    Stored signatures are MinHashes of exactly these bytes: the size and encoding must not change.
    """
    return nearcopy.char_shingles(key, size=3)


_permutations: tuple[np.ndarray, np.ndarray] | None = None


def signature(key: str) -> MinHash:
    """Return the MinHash of a key (same seed everywhere, so signatures compare)."""
    global _permutations
    if _permutations is None:
        _permutations = MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32").permutations
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_permutations, scheme="affine32")
    minhash.update_batch(list(shingles(key)))
    return minhash


def signature_bytes(minhash: MinHash) -> bytes:
    return bytes(np.asarray(minhash.hashvalues, dtype="<u4").tobytes())


def from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype="<u4").astype(np.uint64)
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=values, scheme="affine32")


def band_keys(minhash: MinHash) -> list[int]:
    """Return one 63-bit key per LSH band (fits a signed BIGINT column)."""
    values = np.asarray(minhash.hashvalues, dtype="<u4")
    keys = []
    for band in range(BANDS):
        chunk = band.to_bytes(1, "big") + values[band * ROWS : (band + 1) * ROWS].tobytes()
        keys.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "big") >> 1)
    return keys


def similarity_bytes(a: bytes, b: bytes) -> float:
    """Estimate Jaccard similarity from two stored signatures (no MinHash objects needed)."""
    left = np.frombuffer(a, dtype="<u4")
    right = np.frombuffer(b, dtype="<u4")
    if left.shape != right.shape:
        return 0.0
    return float(np.count_nonzero(left == right)) / len(left)


def similarity(a: MinHash, b: MinHash) -> float:
    return float(a.jaccard(b))


@dataclass
class Cluster:
    """A group of near-identical messages: the first one stands for all of them."""

    representative: str
    members: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.members)


class Clusterer:
    """Assign each added message to a cluster of near-duplicates, in memory."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._threshold = threshold
        self._signatures: dict[str, MinHash] = {}
        self._cluster_of: dict[str, str] = {}
        self.clusters: dict[str, Cluster] = {}

    def add(self, item_id: str, key: str) -> str:
        """Add a message by its id and matching key; return the id of its cluster."""
        minhash = signature(key)
        best: tuple[float, str] | None = None
        for candidate in self._lsh.query(minhash):
            score = similarity(minhash, self._signatures[candidate])
            if score >= self._threshold and (best is None or score > best[0]):
                best = (score, candidate)
        cluster_id = self._cluster_of[best[1]] if best else item_id
        if best is None:
            self.clusters[item_id] = Cluster(representative=item_id)
        self.clusters[cluster_id].members.append(item_id)
        self._cluster_of[item_id] = cluster_id
        self._signatures[item_id] = minhash
        self._lsh.insert(item_id, minhash)
        return cluster_id

    def add_all(self, items: Iterable[tuple[str, str]]) -> None:
        for item_id, key in items:
            self.add(item_id, key)

    def cluster_of(self, item_id: str) -> Cluster:
        return self.clusters[self._cluster_of[item_id]]

    def largest(self, n: int = 10) -> list[Cluster]:
        return sorted(self.clusters.values(), key=lambda c: c.count, reverse=True)[:n]
