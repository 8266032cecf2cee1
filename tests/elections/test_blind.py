"""Blind signatures: the RFC 9474 test vector, the round trip, and the refusals."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from solidarity.elections import blind
from tests.elections import rfc9474_vectors as v


def _vector_key() -> rsa.RSAPrivateKey:
    n, e, d = int(v.N, 16), int(v.E, 16), int(v.D, 16)
    p, q = rsa.rsa_recover_prime_factors(n, e, d)
    numbers = rsa.RSAPrivateNumbers(
        p=p,
        q=q,
        d=d,
        dmp1=rsa.rsa_crt_dmp1(d, p),
        dmq1=rsa.rsa_crt_dmq1(d, q),
        iqmp=rsa.rsa_crt_iqmp(p, q),
        public_numbers=rsa.RSAPublicNumbers(e, n),
    )
    return numbers.private_key()


@pytest.fixture(scope="module")
def vector_key() -> rsa.RSAPrivateKey:
    return _vector_key()


def test_rfc9474_vector_prepare_and_encode(vector_key: rsa.RSAPrivateKey) -> None:
    prepared = blind.prepare(bytes.fromhex(v.MSG), prefix=bytes.fromhex(v.MSG_PREFIX))
    assert prepared.hex() == v.MSG_PREFIX + v.MSG
    n_bits = vector_key.public_key().public_numbers().n.bit_length()
    encoded = blind.emsa_pss_encode(prepared, n_bits - 1, bytes.fromhex(v.SALT))
    assert encoded.hex() == v.ENCODED_MSG


def test_rfc9474_vector_blind_sign_finalize(vector_key: rsa.RSAPrivateKey) -> None:
    public_key = vector_key.public_key()
    n = public_key.public_numbers().n
    prepared = bytes.fromhex(v.MSG_PREFIX + v.MSG)
    r = pow(int(v.INV, 16), -1, n)
    blinding = blind.blind(public_key, prepared, salt=bytes.fromhex(v.SALT), r=r)
    assert blinding.blinded_message.hex() == v.BLINDED_MSG
    assert blinding.inverse.hex() == v.INV
    blind_signature = blind.blind_sign(vector_key, blinding.blinded_message)
    assert blind_signature.hex() == v.BLIND_SIG
    signature = blind.finalize(public_key, prepared, blind_signature, blinding.inverse)
    assert signature.hex() == v.SIG
    assert blind.verify(public_key, prepared, signature)


def test_rfc9474_vector_signature_fails_for_other_message(vector_key: rsa.RSAPrivateKey) -> None:
    public_key = vector_key.public_key()
    assert blind.verify(public_key, bytes.fromhex(v.MSG_PREFIX + v.MSG), bytes.fromhex(v.SIG))
    assert not blind.verify(public_key, bytes.fromhex(v.MSG), bytes.fromhex(v.SIG))


@pytest.fixture(scope="module")
def fresh_key() -> rsa.RSAPrivateKey:
    return blind.generate_signing_key()


def test_round_trip_with_random_values(fresh_key: rsa.RSAPrivateKey) -> None:
    public_key = fresh_key.public_key()
    prepared = blind.prepare(b"a random token of thirty-two by.")
    blinding = blind.blind(public_key, prepared)
    signature = blind.finalize(
        public_key, prepared, blind.blind_sign(fresh_key, blinding.blinded_message), blinding.inverse
    )
    assert blind.verify(public_key, prepared, signature)
    der = blind.public_key_der(public_key)
    assert blind.verify(blind.load_public_key(der), prepared, signature)


def test_signature_from_another_key_is_rejected(fresh_key: rsa.RSAPrivateKey, vector_key: rsa.RSAPrivateKey) -> None:
    other = blind.generate_signing_key()
    prepared = blind.prepare(b"token")
    blinding = blind.blind(other.public_key(), prepared)
    signature = blind.finalize(
        other.public_key(), prepared, blind.blind_sign(other, blinding.blinded_message), blinding.inverse
    )
    assert blind.verify(other.public_key(), prepared, signature)
    assert not blind.verify(fresh_key.public_key(), prepared, signature)


def test_blind_sign_refuses_wrong_length_and_out_of_range(fresh_key: rsa.RSAPrivateKey) -> None:
    with pytest.raises(blind.BlindSignatureError):
        blind.blind_sign(fresh_key, b"\x01" * 10)
    with pytest.raises(blind.BlindSignatureError):
        blind.blind_sign(fresh_key, b"\xff" * 256)


def test_finalize_refuses_a_forged_blind_signature(fresh_key: rsa.RSAPrivateKey) -> None:
    public_key = fresh_key.public_key()
    prepared = blind.prepare(b"token")
    blinding = blind.blind(public_key, prepared)
    forged = bytearray(blind.blind_sign(fresh_key, blinding.blinded_message))
    forged[-1] ^= 1
    with pytest.raises(blind.BlindSignatureError):
        blind.finalize(public_key, prepared, bytes(forged), blinding.inverse)


def test_load_public_key_refuses_garbage() -> None:
    with pytest.raises(blind.BlindSignatureError):
        blind.load_public_key(b"not a key")
