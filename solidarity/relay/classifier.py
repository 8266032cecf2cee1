"""Score a text for advertising with a shipped linear model over hashed character n-grams (numpy only).

The model is logistic regression over character 1- to 4-grams of screening's folded matching key
(digits folded to "0"), hashed into 2**18 buckets, each count divided by the square root of the
number of n-grams; the same features work for English, Persian and Finglish because they read
characters, not words. It is trained offline by
`python -m evaluation relay train` (scikit-learn, a development tool) and shipped as
`data/advertising.npz`; scoring here needs numpy alone. It learns from message text and labels
only: nothing about a sender reaches it.
"""

from __future__ import annotations

import io
import json
import math
import re
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

MODEL_PATH = Path(__file__).resolve().parent / "data" / "advertising.npz"
FORMAT = "solidarity-relay-advertising/1"
N_FEATURES = 2**18
NGRAMS = (1, 2, 3, 4)
THRESHOLD = 0.65  # a probability of advertising at or above this holds (cross-validated on the development part)

_DIGIT = re.compile(r"\d")
_SPACES = re.compile(r"\s+")
# Odd 64-bit constants: the hash is plain integer arithmetic modulo 2**64, identical on every
# platform and in every Python process (unlike `hash()`, which is salted per process). A bucket is
# the top 18 bits of the polynomial hash times the golden-ratio constant (Fibonacci hashing).
_MULTIPLIER = np.uint64(0x100000001B3)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_SHIFT = np.uint64(64 - N_FEATURES.bit_length() + 1)
_OFFSETS = {n: np.uint64(n) for n in NGRAMS}  # an n-gram's hash is offset by n (1-gram "a" ≠ 2-gram "\0a")


def prepare(key: str) -> str:
    """Return the text the features read: the folded matching key, lower case, digits as 0."""
    return " " + _SPACES.sub(" ", _DIGIT.sub("0", key.lower())).strip() + " "


def hashes(key: str) -> npt.NDArray[np.uint64]:
    """Return the bucket of every n-gram occurrence of a folded text (repeats kept).

    Each n-gram's polynomial hash is built from the (n-1)-gram's in place, in one preallocated
    array, then all buckets are taken at once: few numpy calls a message, because on a message of
    a hundred characters their fixed cost, not the arithmetic, is what screening pays.
    """
    codes = np.frombuffer(prepare(key).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    length = len(codes)
    sizes = [max(length - n + 1, 0) for n in range(1, max(NGRAMS) + 1)]
    out = np.empty(sum(size for n, size in enumerate(sizes, 1) if n in NGRAMS), dtype=np.uint64)
    rolling = codes.copy()  # the hash of text[i : i + n], n = 1 first
    start = 0
    for n, size in enumerate(sizes, 1):
        if n > 1:
            # rolling[i] = rolling[i] * M + codes[i + n - 1], over the n-grams that fit
            rolling = rolling[:size]
            np.multiply(rolling, _MULTIPLIER, out=rolling)
            np.add(rolling, codes[n - 1 :], out=rolling)
        if n in NGRAMS:
            np.add(rolling, _OFFSETS[n], out=out[start : start + size])
            start += size
    np.multiply(out, _GOLDEN, out=out)
    np.right_shift(out, _SHIFT, out=out)
    return out


def features(key: str) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Return the sorted buckets of a folded text's n-grams and their counts over √(all n-grams).

    Dividing by the square root of the number of n-grams (rather than by the counts' L2 norm)
    lets `Model.decision` skip counting: it sums the weights of every occurrence instead.
    """
    found = hashes(key)
    indices, counts = np.unique(found.astype(np.int64), return_counts=True)
    return indices, counts.astype(np.float64) / np.sqrt(max(len(found), 1))


@dataclass(frozen=True, slots=True)
class Model:
    """A linear model: one weight per bucket and an intercept."""

    weights: npt.NDArray[np.float64]  # dense, N_FEATURES long
    intercept: float
    meta: dict[str, object]

    def decision(self, key: str) -> float:
        """Return the model's raw score (log-odds of advertising) for a folded text."""
        found = hashes(key)
        return self.intercept + float(self.weights.take(found).sum()) / math.sqrt(max(len(found), 1))

    def score(self, key: str) -> float:
        """Return the probability that a folded text is advertising."""
        against = -self.decision(key)
        return 0.0 if against > 700 else 1.0 / (1.0 + math.exp(against))  # exp(710) overflows a float


def to_bytes(
    indices: npt.NDArray[np.int64], weights: npt.NDArray[np.float64], intercept: float, meta: dict[str, object]
) -> bytes:
    """Serialise a model as an .npz archive whose bytes depend on its content alone.

    `numpy.savez` stamps each member with the current time; here every member carries the same
    fixed date, so rebuilding from the same data gives the same file, byte for byte.
    """
    arrays = {
        "indices": np.ascontiguousarray(indices, dtype="<i4"),
        "weights": np.ascontiguousarray(weights, dtype="<f8"),
        "intercept": np.array([intercept], dtype="<f8"),
        "meta": np.frombuffer(json.dumps({**meta, "format": FORMAT}, sort_keys=True).encode(), dtype=np.uint8),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            member = io.BytesIO()
            np.lib.format.write_array(member, array, allow_pickle=False)  # type: ignore[no-untyped-call]  # numpy's format module is unannotated
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, member.getvalue(), compresslevel=9)
    return buffer.getvalue()


def from_bytes(data: bytes) -> Model:
    """Read a model written by `to_bytes`."""
    with np.load(io.BytesIO(data), allow_pickle=False) as archive:
        meta = json.loads(archive["meta"].tobytes().decode())
        if meta.get("format") != FORMAT:
            raise ValueError(f"not an advertising model: {meta.get('format')!r}")
        weights = np.zeros(N_FEATURES, dtype=np.float64)
        weights[archive["indices"].astype(np.int64)] = archive["weights"]
        return Model(weights=weights, intercept=float(archive["intercept"][0]), meta=meta)


@cache
def shipped_model() -> Model | None:
    """Load the model shipped with the package once; None where it was never built."""
    if not MODEL_PATH.is_file():
        return None
    return from_bytes(MODEL_PATH.read_bytes())
