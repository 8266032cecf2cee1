"""Threshold ElGamal: the group against RFC 8032, a 2-of-3 key generation, proven partial decryptions."""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import replace

import pytest

from solidarity.elections import threshold as th

CONTEXT = b"election-test"


def test_the_group_is_edwards25519_as_rfc_8032_uses_it() -> None:
    """RFC 8032 section 7.1, test 1: the public key is the clamped secret scalar times the base point."""
    seed = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
    h = bytearray(hashlib.sha512(seed).digest()[:32])
    h[0] &= 248
    h[31] &= 127
    h[31] |= 64
    scalar = int.from_bytes(bytes(h), "little")
    assert th.base_mul(scalar).hex() == "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
    assert th.base_mul(th.L) == th.IDENTITY
    assert bytes.fromhex("5866666666666666666666666666666666666666666666666666666666666666") == th.G


def test_group_operations_agree() -> None:
    a, b = th.random_scalar(), th.random_scalar()
    assert th.add(th.base_mul(a), th.base_mul(b)) == th.base_mul(a + b)
    assert th.sub(th.base_mul(a), th.base_mul(b)) == th.base_mul(a - b)
    assert th.mul(a, th.base_mul(b)) == th.base_mul(a * b)
    assert th.sub(th.base_mul(a), th.base_mul(a)) == th.IDENTITY


@pytest.mark.parametrize(
    "point",
    [
        th.IDENTITY,  # the identity
        bytes(32),  # of order 4
        bytes.fromhex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),  # order 2
        bytes.fromhex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),  # not canonical
        b"\x02" * 31,  # too short
    ],
)
def test_points_outside_the_prime_order_group_are_refused(point: bytes) -> None:
    assert not th.is_valid(point)
    with pytest.raises(th.ThresholdError):
        th.check(point, "x")


def test_a_point_off_the_main_subgroup_is_refused() -> None:
    """A point plus one of order 8 is on the curve but outside the prime-order subgroup."""
    torsion = bytes.fromhex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05")  # order 8
    mixed = th.add(th.base_mul(5), torsion)
    assert not th.is_valid(torsion) and not th.is_valid(mixed)


def test_bytes_round_trip_through_points() -> None:
    for data in (b"", b"x", b'{"ranking":["c3","c1"]}', bytes(range(256)) * 2):
        points = th.embed(data)
        assert all(th.is_valid(p) for p in points)
        assert th.extract(points) == data


def _key_generation(threshold: int = 2, trustees: int = 3) -> tuple[list[th.Dealing], dict[int, int]]:
    dealt = [th.deal(i, threshold=threshold, trustees=trustees, context=CONTEXT) for i in range(1, trustees + 1)]
    dealings = [d for d, _ in dealt]
    for dealing, secret in dealt:
        assert th.verify_dealing(dealing, threshold=threshold, context=CONTEXT)
        for receiver, share in secret.shares.items():
            assert th.verify_share(dealing, receiver, share)
    secrets_of = {j: th.combine_shares([s.shares[j] for _, s in dealt]) for j in range(1, trustees + 1)}
    return dealings, secrets_of


def test_key_generation_gives_consistent_public_and_verification_keys() -> None:
    dealings, secrets_of = _key_generation()
    public = th.election_key(dealings)
    assert th.is_valid(public)
    for j, secret in secrets_of.items():
        assert th.verification_key(dealings, j) == th.base_mul(secret)
    # Any two trustees' secrets interpolate the same key; no trustee's alone does.
    for pair in itertools.combinations(secrets_of, 2):
        x = sum(th.lagrange_at_zero(j, pair) * secrets_of[j] for j in pair) % th.L
        assert th.base_mul(x) == public
    assert all(th.base_mul(s) != public for s in secrets_of.values())


def test_a_bad_dealing_or_share_is_caught() -> None:
    dealing, secret = th.deal(1, threshold=2, trustees=3, context=CONTEXT)
    assert not th.verify_share(dealing, 2, secret.shares[2] + 1)
    assert not th.verify_dealing(dealing, threshold=2, context=b"another election")
    swapped = replace(dealing, commitments=(th.base_mul(7), dealing.commitments[1]))
    assert not th.verify_dealing(swapped, threshold=2, context=CONTEXT)
    assert not th.verify_dealing(replace(dealing, commitments=dealing.commitments[:1]), threshold=2, context=CONTEXT)


def test_any_two_of_three_trustees_decrypt_with_checked_proofs() -> None:
    dealings, secrets_of = _key_generation()
    public = th.election_key(dealings)
    ballot = b'{"ranking":["c3","c1","c2"]}'
    ciphertexts = [th.encrypt(public, point) for point in th.embed(ballot)]
    for pair in itertools.combinations(secrets_of, 2):
        points = []
        for ciphertext in ciphertexts:
            partials = [th.partial_decrypt(j, secrets_of[j], public, ciphertext) for j in pair]
            for partial in partials:
                verification = th.verification_key(dealings, partial.trustee)
                assert th.verify_partial(partial, verification, public, ciphertext)
            points.append(th.combine(ciphertext, partials))
        assert th.extract(points) == ballot


def test_a_false_partial_decryption_is_caught() -> None:
    dealings, secrets_of = _key_generation()
    public = th.election_key(dealings)
    ciphertext = th.encrypt(public, th.embed(b"yes")[0])
    honest = th.partial_decrypt(1, secrets_of[1], public, ciphertext)
    verification = th.verification_key(dealings, 1)
    other = th.encrypt(public, th.embed(b"no")[0])
    for forged in (
        replace(honest, value=th.mul(2, honest.value)),  # a wrong value
        replace(honest, proof=th.Proof(honest.proof.challenge, (honest.proof.response + 1) % th.L)),
        replace(honest, proof=th.Proof((honest.proof.challenge + 1) % th.L, honest.proof.response)),
        th.partial_decrypt(1, secrets_of[2], public, ciphertext),  # trustee 2's secret claimed as 1's
    ):
        assert not th.verify_partial(forged, verification, public, ciphertext)
    assert not th.verify_partial(honest, verification, public, other)  # bound to its ciphertext
    with pytest.raises(th.ThresholdError):
        th.combine(ciphertext, [honest, honest])


def test_reencryption_keeps_the_plaintext_and_changes_the_ciphertext() -> None:
    dealings, secrets_of = _key_generation()
    public = th.election_key(dealings)
    message = th.embed(b"abstain")[0]
    first = th.encrypt(public, message)
    second = th.reencrypt(public, first)
    assert second != first
    partials = [th.partial_decrypt(j, secrets_of[j], public, second) for j in (1, 2)]
    assert th.combine(second, partials) == message


def test_known_answer_vector() -> None:
    """Fixed secret and randomness: B − x·A is the embedded point, and the encodings are stable."""
    x, r = 7, 5
    public = th.base_mul(x)
    message = th.embed(b"abc")[0]
    # length 3, "abc", zero padding to 29 bytes, counter 17 (the first valid try), a zero byte
    assert message.hex() == "0003616263" + "00" * 24 + "1100" + "00"
    ciphertext = th.encrypt(public, message, r=r)
    assert ciphertext.a == th.base_mul(5)
    assert th.sub(ciphertext.b, th.mul(x, ciphertext.a)) == message
    assert th.lagrange_at_zero(1, [1, 2]) == 2 and th.lagrange_at_zero(2, [1, 2]) == th.L - 1


MIXED_ORDER = th.add(th.base_mul(5), bytes.fromhex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"))


@pytest.mark.parametrize(
    "point",
    [
        th.IDENTITY,
        bytes(32),
        bytes.fromhex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        bytes.fromhex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        b"\x02" * 31,
        MIXED_ORDER,  # on the curve, outside the prime-order subgroup
    ],
)
@pytest.mark.parametrize("scalar", [3, 2**251 + 12345, 0, th.L])
def test_the_checked_multiplication_refuses_every_point_outside_the_group(point: bytes, scalar: int) -> None:
    """The verifier drops its separate is_valid calls because libsodium's multiplication makes the same tests."""
    with pytest.raises(th.ThresholdError):
        th.mul_checked(scalar, point)


def test_the_checked_multiplication_agrees_with_the_plain_one() -> None:
    point = th.base_mul(th.random_scalar())
    for scalar in (1, 2, th.random_scalar(), th.L - 1, 0, th.L):
        assert th.mul_checked(scalar, point) == th.mul(scalar, point)


def test_a_partial_decryption_outside_the_group_fails_its_proof() -> None:
    """The proof's multiplications check the partial decryption, the base and the key: each point outside the group."""
    dealings, secrets_of = _key_generation()
    public = th.election_key(dealings)
    ciphertext = th.encrypt(public, th.embed(b"yes")[0])
    honest = th.partial_decrypt(1, secrets_of[1], public, ciphertext)
    verification = th.verification_key(dealings, 1)
    context = th.decryption_context(public, ciphertext)
    assert th.verify_equal_logs(ciphertext.a, verification, honest.value, honest.proof, context)
    for point in (MIXED_ORDER, th.IDENTITY, bytes(32)):
        assert not th.verify_equal_logs(ciphertext.a, verification, point, honest.proof, context)
        assert not th.verify_equal_logs(point, verification, honest.value, honest.proof, context)
        assert not th.verify_equal_logs(ciphertext.a, point, honest.value, honest.proof, context)
    zero = th.Proof(0, 0)  # a zero challenge and response skip libsodium: the points are checked explicitly
    assert not th.verify_equal_logs(ciphertext.a, verification, MIXED_ORDER, zero, context)


# --- the batched partial decryption (one proof per trustee for every factor) ------------------------


def _batch() -> tuple[bytes, bytes, int, list[th.Ciphertext], list[bytes], th.Proof]:
    dealings, secrets_of = _key_generation()
    public = th.election_key(dealings)
    verification = th.verification_key(dealings, 2)
    ciphertexts = [th.encrypt(public, point) for point in th.embed(b"x" * 200)]  # 7 pairs
    factors, proof = th.prove_batch(secrets_of[2], verification, public, ciphertexts)
    return public, verification, secrets_of[2], ciphertexts, factors, proof


def test_a_batched_decryption_verifies_and_opens_every_pair() -> None:
    public, verification, secret, ciphertexts, factors, proof = _batch()
    assert len(factors) == len(ciphertexts) == 7
    assert factors == [th.mul(secret, c.a) for c in ciphertexts]
    assert th.verify_batch(verification, public, ciphertexts, factors, proof)
    # An empty batch (an empty box): A* and D* are the identity; the proof still binds the keys.
    _, empty = th.prove_batch(secret, verification, public, [])
    assert th.verify_batch(verification, public, [], [], empty)
    assert not th.verify_batch(th.base_mul(th.random_scalar()), public, [], [], empty)


def test_altering_any_single_factor_among_many_fails_the_batched_proof() -> None:
    public, verification, _, ciphertexts, factors, proof = _batch()
    for index in range(len(factors)):
        for altered in (th.add(factors[index], th.G), th.mul(2, factors[index]), factors[(index + 1) % len(factors)]):
            forged = list(factors)
            forged[index] = altered
            assert not th.verify_batch(verification, public, ciphertexts, forged, proof), index
    for index in range(len(factors)):  # a point outside the group in any place
        for point in (MIXED_ORDER, th.IDENTITY, bytes(32)):
            forged = list(factors)
            forged[index] = point
            assert not th.verify_batch(verification, public, ciphertexts, forged, proof)
    # Two errors that cancel in an unweighted sum (+E on one factor, −E on another) still fail.
    error = th.base_mul(th.random_scalar())
    forged = list(factors)
    forged[1], forged[4] = th.add(forged[1], error), th.sub(forged[4], error)
    assert not th.verify_batch(verification, public, ciphertexts, forged, proof)
    # The proof is bound to the pairs (their A and B), the election key and the trustee's key.
    other = th.reencrypt(public, ciphertexts[3])
    assert not th.verify_batch(verification, public, [*ciphertexts[:3], other, *ciphertexts[4:]], factors, proof)
    moved = th.Ciphertext(ciphertexts[0].a, th.add(ciphertexts[0].b, th.G))
    assert not th.verify_batch(verification, public, [moved, *ciphertexts[1:]], factors, proof)
    assert not th.verify_batch(verification, th.base_mul(3), ciphertexts, factors, proof)
    assert not th.verify_batch(th.base_mul(3), public, ciphertexts, factors, proof)
    assert not th.verify_batch(verification, public, ciphertexts[:-1], factors[:-1], proof)
    for bad in (th.Proof(proof.challenge, (proof.response + 1) % th.L), th.Proof((proof.challenge + 1) % th.L, 0)):
        assert not th.verify_batch(verification, public, ciphertexts, factors, bad)


def test_the_weights_depend_on_every_factor_pair_and_key() -> None:
    """The weights are fixed only once every factor is: changing any one of them changes every weight."""
    public, verification, _, ciphertexts, factors, _ = _batch()
    count = len(factors)
    weights = th.batch_weights(th.batch_digest(public, verification, ciphertexts, factors), count)
    assert len(set(weights)) == count and all(0 < w < th.L for w in weights)
    for index in range(count):
        forged = list(factors)
        forged[index] = th.add(forged[index], th.G)
        changed = th.batch_weights(th.batch_digest(public, verification, ciphertexts, forged), count)
        assert all(a != b for a, b in zip(weights, changed, strict=True)), index
        moved = list(ciphertexts)
        moved[index] = th.Ciphertext(moved[index].a, th.add(moved[index].b, th.G))
        changed = th.batch_weights(th.batch_digest(public, verification, moved, factors), count)
        assert all(a != b for a, b in zip(weights, changed, strict=True)), index
    for key in (th.base_mul(5),):
        assert th.batch_digest(key, verification, ciphertexts, factors) != th.batch_digest(
            public, verification, ciphertexts, factors
        )
        assert th.batch_digest(public, key, ciphertexts, factors) != th.batch_digest(
            public, verification, ciphertexts, factors
        )


def test_batched_decryption_known_answer() -> None:
    """The digest and weights as docs/elections.md specifies them, computed here with hashlib alone."""
    public, verification, _, ciphertexts, factors, _ = _batch()
    data = b"solidarity-decrypt/1\x00" + public + verification + len(factors).to_bytes(4, "big")
    data += b"".join(c.a + c.b + f for c, f in zip(ciphertexts, factors, strict=True))
    digest = hashlib.sha512(data).digest()
    assert th.batch_digest(public, verification, ciphertexts, factors) == digest
    expected = [
        int.from_bytes(hashlib.sha512(digest + bytes([0, 0, 0, j])).digest(), "little") % th.L for j in range(7)
    ]
    assert th.batch_weights(digest, 7) == expected
