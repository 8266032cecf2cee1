"""The Terelius–Wikström shuffle proof: honest shuffles verify; a proof altered in any field fails."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from solidarity.elections import shuffle as mix
from solidarity.elections import threshold as th
from solidarity.elections.threshold import Ciphertext

SECRET = th.random_scalar()
KEY = th.base_mul(SECRET)
MESSAGES = [b"yes", b"no", b"abstain", b"yes", b'{"ranking":["c1"]}', b"no"]


def _rows(width: int = 2) -> list[mix.Row]:
    rows = []
    for message in MESSAGES:
        points = th.embed(message.ljust(2 * th.DATA_BYTES - 2, b" "))[:width]
        rows.append(tuple(th.encrypt(KEY, p) for p in points))
    return rows


def _open(row: mix.Row) -> bytes:
    return th.extract([th.sub(c.b, th.mul(SECRET, c.a)) for c in row]).rstrip(b" ")


@pytest.fixture(scope="module")
def honest() -> tuple[list[mix.Row], list[mix.Row], mix.ShuffleProof]:
    inputs = _rows()
    outputs, permutation, randomness = mix.shuffle(KEY, inputs)
    return inputs, outputs, mix.prove(KEY, inputs, outputs, permutation, randomness)


def test_an_honest_shuffle_verifies_and_keeps_the_ballots(
    honest: tuple[list[mix.Row], list[mix.Row], mix.ShuffleProof],
) -> None:
    inputs, outputs, proof = honest
    assert mix.verify(KEY, inputs, outputs, proof)
    assert sorted(_open(row) for row in outputs) == sorted(MESSAGES)
    assert {c.a for row in outputs for c in row}.isdisjoint({c.a for row in inputs for c in row})


def test_shuffles_of_one_ballot_and_of_single_ciphertexts_verify() -> None:
    for rows in (_rows(1), _rows(2)[:1]):
        outputs, permutation, randomness = mix.shuffle(KEY, rows)
        assert mix.verify(KEY, rows, outputs, mix.prove(KEY, rows, outputs, permutation, randomness))


def _altered(value: Any) -> Any:
    """Change a value of a proof field: a point moves by G, a scalar by one, a tuple in its first and last place."""
    if isinstance(value, bytes):
        return th.add(value, th.G)
    if isinstance(value, int):
        return (value + 1) % th.L
    if isinstance(value, tuple):
        first = (_altered(value[0]), *value[1:])
        return first
    raise TypeError(value)


FIELDS = [f.name for f in dataclasses.fields(mix.ShuffleProof)]


@pytest.mark.parametrize("field", FIELDS)
def test_a_proof_altered_in_any_field_fails(
    honest: tuple[list[mix.Row], list[mix.Row], mix.ShuffleProof], field: str
) -> None:
    inputs, outputs, proof = honest
    value = getattr(proof, field)
    changes: list[Any] = [_altered(value)]
    if isinstance(value, tuple) and len(value) > 1:
        changes += [(*value[:-1], _altered(value[-1])), value[:-1]]
    for changed in changes:
        fields: dict[str, Any] = {field: changed}
        assert not mix.verify(KEY, inputs, outputs, dataclasses.replace(proof, **fields))


def test_a_ballot_replaced_during_the_mix_is_caught(
    honest: tuple[list[mix.Row], list[mix.Row], mix.ShuffleProof],
) -> None:
    inputs, outputs, proof = honest
    stuffed = list(outputs)
    stuffed[0] = tuple(th.encrypt(KEY, p) for p in th.embed(b"stuffed".ljust(56, b" "))[:2])
    assert not mix.verify(KEY, inputs, stuffed, proof)
    # ... even when the mixer proves with its own randomness over the stuffed output
    outputs2, permutation, randomness = mix.shuffle(KEY, inputs)
    outputs2[0] = stuffed[0]
    assert not mix.verify(KEY, inputs, outputs2, mix.prove(KEY, inputs, outputs2, permutation, randomness))
    # A duplicated ballot (one dropped, another twice) is caught too.
    doubled = [*outputs[:-1], tuple(th.reencrypt(KEY, c) for c in outputs[0])]
    assert not mix.verify(KEY, inputs, doubled, proof)


def test_other_inputs_key_or_order_fail(honest: tuple[list[mix.Row], list[mix.Row], mix.ShuffleProof]) -> None:
    inputs, outputs, proof = honest
    assert not mix.verify(th.base_mul(3), inputs, outputs, proof)
    assert not mix.verify(KEY, list(reversed(inputs)), outputs, proof)
    assert not mix.verify(KEY, inputs, list(reversed(outputs)), proof)
    assert not mix.verify(KEY, inputs[:-1], outputs[:-1], proof)
    bad = [(Ciphertext(th.IDENTITY, row[0].b), row[1]) for row in outputs]
    assert not mix.verify(KEY, inputs, bad, proof)


def test_generators_are_fixed_and_distinct() -> None:
    generators = [mix.generator(i) for i in range(20)]
    assert len(set(generators)) == 20 and th.G not in generators
    assert mix.generator(3) == mix.generator(3)


def test_generator_vectors() -> None:
    """H_i = from_uniform(SHA-512("solidarity-shuffle/1\\0generator" || i as 4 bytes big-endian)[:32])."""
    assert mix.generator(0).hex() == "3e6b470dc3cd0a504c6baa9e48531d5d18c3375ffd7fc19b59423d92549a37e9"
    assert mix.generator(1).hex() == "f18eff939506900d4ca1d4904369e7434f5641c00f317ee49af715a28de7f534"
