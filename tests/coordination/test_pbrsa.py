"""Partially blind RSA against the draft's test vector, and its properties."""

from __future__ import annotations

import secrets

import gmpy2
import pytest

from solidarity.coordination import pbrsa
from tests.coordination import pbrsa_vectors as v
from tests.coordination.conftest import VECTOR_KEY


def test_the_draft_vector_primes_are_safe_primes():
    for prime in (v.P, v.Q):
        assert gmpy2.is_prime(prime) and gmpy2.is_prime((prime - 1) // 2)


def test_derived_public_exponent_matches_the_draft():
    assert f"{pbrsa.derive_public_key(VECTOR_KEY.n, v.INFO).e:x}" == v.EPRIME


def test_blind_sign_and_finalize_reproduce_the_draft_vector():
    blinding = pbrsa.blind(VECTOR_KEY.public, v.MSG, v.INFO, salt=v.SALT, r=v.R)
    assert blinding.blinded_message == v.BLINDED_MSG
    assert pbrsa.blind_sign(VECTOR_KEY, v.BLINDED_MSG, v.INFO) == v.BLINDED_SIG
    assert pbrsa.finalize(VECTOR_KEY.public, v.MSG, v.INFO, v.BLINDED_SIG, blinding.inverse) == v.SIG
    assert pbrsa.verify(VECTOR_KEY.public, v.MSG, v.INFO, v.SIG)


def test_a_signature_is_bound_to_its_metadata_and_message():
    assert not pbrsa.verify(VECTOR_KEY.public, v.MSG, b"other metadata", v.SIG)
    assert not pbrsa.verify(VECTOR_KEY.public, b"hello world!", v.INFO, v.SIG)
    flipped = bytes([v.SIG[0] ^ 1]) + v.SIG[1:]
    assert not pbrsa.verify(VECTOR_KEY.public, v.MSG, v.INFO, flipped)
    assert not pbrsa.verify(VECTOR_KEY.public, v.MSG, v.INFO, v.SIG[:-1])


@pytest.mark.parametrize("check", [pbrsa.verify, pbrsa.verify_with_key])
def test_both_checks_agree_on_the_vector_and_on_every_alteration(check):
    key = VECTOR_KEY.public if check is pbrsa.verify else VECTOR_KEY
    assert check(key, v.MSG, v.INFO, v.SIG)
    flipped = bytes([v.SIG[0] ^ 1]) + v.SIG[1:]
    for message, info, signature in (
        (v.MSG, b"other metadata", v.SIG),
        (b"hello world!", v.INFO, v.SIG),
        (v.MSG, v.INFO, flipped),
        (v.MSG, v.INFO, v.SIG[:-1]),
        (v.MSG, v.INFO, (VECTOR_KEY.n + 1).to_bytes(len(v.SIG), "big")),
    ):
        assert not check(key, message, info, signature)


def test_a_faulty_signing_half_is_caught_before_anything_leaves(monkeypatch):
    real = gmpy2.powmod_sec
    calls = []

    def faulty(base, exponent, modulus):
        calls.append(modulus)
        result = real(base, exponent, modulus)
        return result + 1 if len(calls) == 1 else result  # the p half goes wrong once

    monkeypatch.setattr(pbrsa.gmpy2, "powmod_sec", faulty)
    with pytest.raises(pbrsa.PartiallyBlindError, match="signing failure"):
        pbrsa.blind_sign(VECTOR_KEY, v.BLINDED_MSG, v.INFO)


def test_randomized_round_trip_and_blindness_of_the_request():
    info = b"solidarity-pledge/1|c|IR-12:Sanandaj|teachers|org1"
    prepared = pbrsa.prepare(secrets.token_bytes(32))
    first = pbrsa.blind(VECTOR_KEY.public, prepared, info)
    second = pbrsa.blind(VECTOR_KEY.public, prepared, info)
    # The same token blinds to unrelated values: the signer cannot recognise it.
    assert first.blinded_message != second.blinded_message
    signature = pbrsa.finalize(
        VECTOR_KEY.public, prepared, info, pbrsa.blind_sign(VECTOR_KEY, first.blinded_message, info), first.inverse
    )
    assert pbrsa.verify(VECTOR_KEY.public, prepared, info, signature)


def test_a_signature_under_other_metadata_does_not_finalize():
    prepared = pbrsa.prepare(b"x" * 32)
    blinding = pbrsa.blind(VECTOR_KEY.public, prepared, b"cell A")
    wrong = pbrsa.blind_sign(VECTOR_KEY, blinding.blinded_message, b"cell B")
    with pytest.raises(pbrsa.PartiallyBlindError):
        pbrsa.finalize(VECTOR_KEY.public, prepared, b"cell A", wrong, blinding.inverse)


def test_malformed_inputs_are_refused():
    with pytest.raises(pbrsa.PartiallyBlindError):
        pbrsa.blind_sign(VECTOR_KEY, b"short", b"i")
    with pytest.raises(pbrsa.PartiallyBlindError):
        pbrsa.blind_sign(VECTOR_KEY, b"\xff" * 256, b"i")
    with pytest.raises(pbrsa.PartiallyBlindError):
        pbrsa.decode_private_key("nonsense")
    assert pbrsa.decode_private_key(pbrsa.encode_private_key(VECTOR_KEY)) == VECTOR_KEY


def test_generated_keys_are_made_of_two_safe_primes(monkeypatch):
    key = pbrsa.PrivateKey(p=pbrsa._safe_prime(512), q=pbrsa._safe_prime(512))
    for prime in (key.p, key.q):
        assert gmpy2.is_prime(prime) and gmpy2.is_prime((prime - 1) // 2)
