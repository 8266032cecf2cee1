"""Canonical JSON for election documents: one encoding, and a reader that refuses every other.

The canonical form is what ``json.dumps(value, sort_keys=True, separators=(",", ":"),
ensure_ascii=False)`` writes, encoded as UTF-8: object keys sorted by code point, no whitespace,
integers only (no floats, no exponents), strings escaping only the quote, the backslash and the
control characters below U+0020. ``loads`` accepts a byte string only if it is exactly that
encoding of the value it holds, so a document cannot say two things to two readers: duplicate
keys, floats, NaN, extra spaces, escapes where none are needed, or a different key order are all
refused. docs/elections.md states the same rules for independent verifiers.
"""

from __future__ import annotations

import json
from typing import Any


class NotCanonicalError(ValueError):
    """Raised when bytes are not the canonical JSON encoding of a value."""


def dumps(value: Any) -> bytes:
    """Encode a value canonically (sorted keys, no spaces, UTF-8, no floats)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise NotCanonicalError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _no_float(text: str) -> Any:
    raise NotCanonicalError("a number that is not an integer")


def _no_constant(text: str) -> Any:
    raise NotCanonicalError(f"{text} is not JSON")


def loads_unambiguous(data: bytes) -> Any:
    """Decode JSON that has one meaning for every reader: no duplicate keys, no floats, no NaN.

    Spacing and key order are free (for requests, whose fields are decoded, never republished).
    """
    try:
        return json.loads(
            data.decode("utf-8"), object_pairs_hook=_pairs, parse_float=_no_float, parse_constant=_no_constant
        )
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise NotCanonicalError("not JSON") from error


def loads(data: bytes) -> Any:
    """Decode canonical JSON, refusing duplicate keys, floats and any non-canonical byte."""
    value = loads_unambiguous(data)
    try:
        again = dumps(value)
    except (UnicodeEncodeError, ValueError, RecursionError) as error:  # a lone surrogate, say
        raise NotCanonicalError("not encodable canonically") from error
    if again != data:
        raise NotCanonicalError("the bytes are not the canonical encoding (key order, spacing or escapes)")
    return value
