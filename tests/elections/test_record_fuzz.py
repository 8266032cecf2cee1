"""Fuzz the record parser and verifier (SR-22): any input gives failures, never an exception."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solidarity.elections import record
from tests.elections.helpers import voted_election

BASE = voted_election("motion", voters=3).build()

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20) | st.floats(allow_nan=False, allow_infinity=False),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=512))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    failures = record.verify(data)
    assert [f.code for f in failures] == ["format"]


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


PATHS = [p for p in _paths(BASE) if p]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PATHS), json_values)
def test_any_replaced_field_is_reported_not_raised(path: tuple[Any, ...], value: Any) -> None:
    mutated = copy.deepcopy(BASE)
    target: Any = mutated
    for key in path[:-1]:
        target = target[key]
    if target[path[-1]] == value:
        return
    target[path[-1]] = value
    try:
        data = record.serialize(mutated)
    except ValueError:  # infinity has no JSON encoding
        return
    failures = record.verify(data)
    assert failures, f"changing {path} went unnoticed"
