"""Threshold ElGamal for trustees: a distributed key generation and proven partial decryptions.

The group is the prime-order subgroup of edwards25519 (order L = 2^252 + 27742317777372353535851937790883648493),
through libsodium's `crypto_core_ed25519_*` and `crypto_scalarmult_ed25519_*_noclamp` as PyNaCl exposes them
(PyNaCl 1.6 does not expose ristretto255). Every point received from someone else is checked with
`crypto_core_ed25519_is_valid_point`: canonical encoding, on the curve, in the prime-order subgroup, not of
small order; or, in the verifier, by the same tests inside libsodium's scalar multiplication
(``mul_checked``). So the group has prime order and no cofactor games are possible.

- Key generation (joint Feldman, Pedersen 1991): each trustee deals a random polynomial of degree k-1,
  publishes Feldman commitments to its coefficients with a Schnorr proof of knowledge of the constant term,
  and sends each other trustee their share privately; a receiver checks its share against the commitments.
  The election key is the sum of the constant-term commitments; no single machine ever holds its secret.
  Each trustee's verification key follows publicly from the commitments.
- Encryption: ElGamal of a group element M: (r·G, M + r·Y). Bytes are embedded in points by try-and-
  increment (29 data bytes and a 2-byte counter per point).
- Decryption: each trustee publishes x_j·A with a Chaum–Pedersen proof that it used the secret behind its
  verification key (in the record, one batched proof for all of a trustee's factors: ``prove_batch``);
  any k valid partial decryptions combine with Lagrange coefficients at 0.

Proofs are non-interactive (Fiat–Shamir with SHA-512 over a domain string and the whole statement).
The trustees' side of this protocol is ``trustee.py``; the record and ``verify`` use it (``record.py``).
Not here yet: GJKR's Pedersen-commitment phase (joint Feldman lets a last dealer bias the public key's
distribution, which does not break ElGamal's security but is not uniform), and complaints resolved in
public (a trustee who receives a bad share does not confirm, and the key generation restarts). See
docs/elections.md.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from nacl import bindings
from nacl.exceptions import RuntimeError as NaclRuntimeError

L = 2**252 + 27742317777372353535851937790883648493
POINT_BYTES = 32
IDENTITY = bytes([1]) + bytes(31)
DATA_BYTES = 29  # per point: 29 data bytes, a 2-byte counter, a zero byte
DOMAIN = b"solidarity-threshold/1\x00"


class ThresholdError(ValueError):
    """Raised when a point, a share or a proof is invalid."""


def scalar_bytes(k: int) -> bytes:
    """Encode a scalar (mod L) as 32 little-endian bytes."""
    return (k % L).to_bytes(32, "little")


def random_scalar() -> int:
    """Draw a uniform non-zero scalar."""
    return secrets.randbelow(L - 1) + 1


Draw = Callable[[], int]


class ScalarStream:
    """Deterministic non-zero scalars from a secret seed: SHA-512 in counter mode, reduced mod L.

    For a record that rebuilds to the same bytes (SR-17): the nonces of a proof, like EdDSA's, are
    derived from a secret the prover holds and the statement, never reused across statements.
    """

    def __init__(self, seed: bytes) -> None:
        self._seed = hashlib.sha512(DOMAIN + b"stream" + seed).digest()
        self._counter = 0

    def __call__(self) -> int:
        """Return the next scalar of the stream."""
        while True:
            self._counter += 1
            block = hashlib.sha512(self._seed + self._counter.to_bytes(8, "big")).digest()
            value = int.from_bytes(block, "little") % L
            if value:
                return value


def hash_to_scalar(*parts: bytes) -> int:
    """Hash length-prefixed parts with SHA-512 to a scalar mod L."""
    digest = hashlib.sha512(DOMAIN)
    for part in parts:
        digest.update(len(part).to_bytes(4, "big") + part)
    return int.from_bytes(digest.digest(), "little") % L


def is_valid(point: bytes) -> bool:
    """Tell whether bytes encode a point of the prime-order subgroup (not the identity, not small order)."""
    return len(point) == POINT_BYTES and bool(bindings.crypto_core_ed25519_is_valid_point(point))


def check(point: bytes, what: str) -> bytes:
    """Return the point, or raise ThresholdError when it is not a valid group element."""
    if not is_valid(point):
        raise ThresholdError(f"{what} is not a point of the prime-order group")
    return point


def base_mul(k: int) -> bytes:
    """Return k·G."""
    if k % L == 0:
        return IDENTITY
    return bytes(bindings.crypto_scalarmult_ed25519_base_noclamp(scalar_bytes(k)))


def mul(k: int, point: bytes) -> bytes:
    """Return k·P for a point of the group (or the identity)."""
    if k % L == 0 or point == IDENTITY:
        return IDENTITY
    try:
        return bytes(bindings.crypto_scalarmult_ed25519_noclamp(scalar_bytes(k), point))
    except NaclRuntimeError as error:  # libsodium refuses points outside the group
        raise ThresholdError("scalar multiplication of an invalid point") from error


def mul_checked(k: int, point: bytes) -> bytes:
    """Return k·P, raising ThresholdError unless P is a point of the prime-order group (not the identity).

    libsodium's multiplication already refuses a non-canonical encoding, a point off the curve, of
    small order or outside the prime-order subgroup (the same tests as ``is_valid``, which costs
    about half a multiplication), so a verifier that multiplies every received point once needs no
    separate ``is_valid`` for it. A scalar that is 0 mod L would skip libsodium: the point is then
    checked explicitly, so a point is never let through unchecked.
    """
    if k % L == 0:
        check(point, "a point")
        return IDENTITY
    try:
        return bytes(bindings.crypto_scalarmult_ed25519_noclamp(scalar_bytes(k), point))
    except (NaclRuntimeError, TypeError) as error:  # TypeError: not 32 bytes
        raise ThresholdError("a point is not a point of the prime-order group") from error


def add(p: bytes, q: bytes) -> bytes:
    """Return P + Q."""
    if p == IDENTITY:
        return q
    if q == IDENTITY:
        return p
    return bytes(bindings.crypto_core_ed25519_add(p, q))


def sub(p: bytes, q: bytes) -> bytes:
    """Return P − Q."""
    if q == IDENTITY:
        return p
    if p == q:
        return IDENTITY
    if p == IDENTITY:
        return mul(L - 1, q)
    return bytes(bindings.crypto_core_ed25519_sub(p, q))


G = base_mul(1)


# --- proofs ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Proof:
    """A Fiat–Shamir proof: the challenge and the response (scalars)."""

    challenge: int
    response: int


def prove_knowledge(secret: int, public: bytes, context: bytes) -> Proof:
    """Schnorr proof that the prover knows x with public = x·G."""
    w = random_scalar()
    commitment = base_mul(w)
    c = hash_to_scalar(b"pok", context, G, public, commitment)
    return Proof(c, (w + c * secret) % L)


def verify_knowledge(public: bytes, proof: Proof, context: bytes) -> bool:
    """Check a Schnorr proof of knowledge of log_G(public)."""
    if not is_valid(public):
        return False
    commitment = sub(base_mul(proof.response), mul(proof.challenge, public))
    return proof.challenge == hash_to_scalar(b"pok", context, G, public, commitment)


def prove_equal_logs(
    secret: int, base: bytes, public: bytes, partial: bytes, context: bytes, *, draw: Draw = random_scalar
) -> Proof:
    """Chaum–Pedersen proof that log_G(public) = log_base(partial) (= secret)."""
    w = draw()
    t1, t2 = base_mul(w), mul(w, base)
    c = hash_to_scalar(b"cp", context, G, public, base, partial, t1, t2)
    return Proof(c, (w + c * secret) % L)


def verify_equal_logs(base: bytes, public: bytes, partial: bytes, proof: Proof, context: bytes) -> bool:
    """Check a Chaum–Pedersen proof that log_G(public) = log_base(partial).

    Every point is checked to be a group element inside its scalar multiplication (``mul_checked``):
    a point outside the prime-order group makes the check fail, with no separate ``is_valid``.
    """
    try:
        t1 = sub(base_mul(proof.response), mul_checked(proof.challenge, public))
        t2 = sub(mul_checked(proof.response, base), mul_checked(proof.challenge, partial))
    except ThresholdError:
        return False
    return proof.challenge == hash_to_scalar(b"cp", context, G, public, base, partial, t1, t2)


# --- distributed key generation (joint Feldman) ---------------------------------------------------


@dataclass(frozen=True)
class Dealing:
    """What one trustee publishes at key generation: commitments to its polynomial and a proof."""

    dealer: int
    commitments: tuple[bytes, ...]
    proof: Proof


@dataclass(frozen=True)
class DealerSecret:
    """What one trustee keeps and sends: its polynomial's shares for each trustee (1-based index)."""

    dealer: int
    shares: dict[int, int]


def deal(dealer: int, *, threshold: int, trustees: int, context: bytes) -> tuple[Dealing, DealerSecret]:
    """Deal a random polynomial of degree threshold-1: public commitments, and one share per trustee."""
    if not 1 <= threshold <= trustees or not 1 <= dealer <= trustees:
        raise ThresholdError("need 1 <= threshold <= trustees and a dealer among them")
    coefficients = [random_scalar() for _ in range(threshold)]
    commitments = tuple(base_mul(a) for a in coefficients)
    proof = prove_knowledge(coefficients[0], commitments[0], context + dealer.to_bytes(2, "big"))
    shares = {j: _evaluate(coefficients, j) for j in range(1, trustees + 1)}
    return Dealing(dealer, commitments, proof), DealerSecret(dealer, shares)


def _evaluate(coefficients: Sequence[int], x: int) -> int:
    value = 0
    for coefficient in reversed(coefficients):
        value = (value * x + coefficient) % L
    return value


def committed_value(commitments: Sequence[bytes], index: int) -> bytes:
    """Return f(index)·G from Feldman commitments: the sum of index^k·C_k."""
    total = IDENTITY
    power = 1
    for commitment in commitments:
        total = add(total, mul(power, commitment))
        power = (power * index) % L
    return total


def verify_share(dealing: Dealing, receiver: int, share: int) -> bool:
    """Let a receiver check its private share against the dealer's public commitments."""
    return base_mul(share) == committed_value(dealing.commitments, receiver)


def verify_dealing(dealing: Dealing, *, threshold: int, context: bytes) -> bool:
    """Check a dealing in public: k valid commitments and a valid proof of knowledge of the constant term."""
    return (
        len(dealing.commitments) == threshold
        and all(is_valid(c) for c in dealing.commitments)
        and verify_knowledge(dealing.commitments[0], dealing.proof, context + dealing.dealer.to_bytes(2, "big"))
    )


def election_key(dealings: Sequence[Dealing]) -> bytes:
    """Return the election's public key: the sum of the dealers' constant-term commitments."""
    total = IDENTITY
    for dealing in dealings:
        total = add(total, dealing.commitments[0])
    return total


def verification_key(dealings: Sequence[Dealing], trustee: int) -> bytes:
    """Return trustee j's public verification key x_j·G, computed from the commitments alone."""
    total = IDENTITY
    for dealing in dealings:
        total = add(total, committed_value(dealing.commitments, trustee))
    return total


def combine_shares(received: Sequence[int]) -> int:
    """Add the shares a trustee received from every qualified dealer: its secret x_j."""
    return sum(received) % L


# --- ElGamal --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ciphertext:
    """An ElGamal ciphertext (A, B) = (r·G, M + r·Y)."""

    a: bytes
    b: bytes


def encrypt(public_key: bytes, message: bytes, *, r: int | None = None) -> Ciphertext:
    """Encrypt one group element to the election key."""
    check(public_key, "the election key")
    randomness = random_scalar() if r is None else r
    return Ciphertext(base_mul(randomness), add(message, mul(randomness, public_key)))


def reencrypt(public_key: bytes, ciphertext: Ciphertext, *, r: int | None = None) -> Ciphertext:
    """Re-randomize a ciphertext (what a mixnet does): (A + r·G, B + r·Y)."""
    randomness = random_scalar() if r is None else r
    return Ciphertext(add(ciphertext.a, base_mul(randomness)), add(ciphertext.b, mul(randomness, public_key)))


def embed(data: bytes) -> list[bytes]:
    """Embed bytes in group elements: a 2-byte length, then 29-byte chunks, each found by try-and-increment."""
    if len(data) > 0xFFFF:
        raise ThresholdError("too long to embed")
    payload = len(data).to_bytes(2, "big") + data
    points = []
    for start in range(0, len(payload), DATA_BYTES):
        chunk = payload[start : start + DATA_BYTES].ljust(DATA_BYTES, b"\x00")
        for counter in range(0x10000):
            candidate = chunk + counter.to_bytes(2, "little") + b"\x00"
            if is_valid(candidate):
                points.append(candidate)
                break
        else:  # pragma: no cover - each try succeeds with probability about 1/16
            raise ThresholdError("no point found for a chunk")
    return points


def extract(points: Sequence[bytes]) -> bytes:
    """Read back the bytes embedded by ``embed``."""
    payload = b"".join(point[:DATA_BYTES] for point in points)
    length = int.from_bytes(payload[:2], "big")
    if length > len(payload) - 2:
        raise ThresholdError("the embedded length is too long")
    return payload[2 : 2 + length]


# --- threshold decryption -------------------------------------------------------------------------


@dataclass(frozen=True)
class PartialDecryption:
    """Trustee j's x_j·A for one ciphertext, with a Chaum–Pedersen proof against its verification key."""

    trustee: int
    value: bytes
    proof: Proof


def decryption_context(public_key: bytes, ciphertext: Ciphertext) -> bytes:
    """Bind a proof to the election key and the ciphertext it decrypts."""
    return b"decrypt" + public_key + ciphertext.a + ciphertext.b


def partial_decrypt(
    trustee: int, secret: int, public_key: bytes, ciphertext: Ciphertext, *, draw: Draw = random_scalar
) -> PartialDecryption:
    """Compute x_j·A and prove it was made with the secret behind x_j·G."""
    check(ciphertext.a, "the ciphertext")
    value = mul(secret, ciphertext.a)
    proof = prove_equal_logs(
        secret, ciphertext.a, base_mul(secret), value, decryption_context(public_key, ciphertext), draw=draw
    )
    return PartialDecryption(trustee, value, proof)


def verify_partial(partial: PartialDecryption, verification: bytes, public_key: bytes, ciphertext: Ciphertext) -> bool:
    """Check a partial decryption against the trustee's verification key."""
    return verify_equal_logs(
        ciphertext.a, verification, partial.value, partial.proof, decryption_context(public_key, ciphertext)
    )


def lagrange_at_zero(index: int, indices: Sequence[int]) -> int:
    """Return the Lagrange coefficient of ``index`` at 0 over ``indices`` (mod L)."""
    numerator, denominator = 1, 1
    for other in indices:
        if other != index:
            numerator = (numerator * other) % L
            denominator = (denominator * (other - index)) % L
    return (numerator * pow(denominator, -1, L)) % L


def combine(ciphertext: Ciphertext, partials: Sequence[PartialDecryption]) -> bytes:
    """Combine k partial decryptions (distinct trustees) into the plaintext element B − x·A."""
    indices = [p.trustee for p in partials]
    if len(set(indices)) != len(indices):
        raise ThresholdError("a trustee's partial decryption appears twice")
    shared = IDENTITY
    for partial in partials:
        shared = add(shared, mul(lagrange_at_zero(partial.trustee, indices), partial.value))
    return sub(ciphertext.b, shared)


# --- batched partial decryption -------------------------------------------------------------------

BATCH_DOMAIN = b"solidarity-decrypt/1\x00"


def batch_digest(
    public_key: bytes, verification: bytes, ciphertexts: Sequence[Ciphertext], factors: Sequence[bytes]
) -> bytes:
    """Hash the whole statement of a batched decryption: the keys, every pair and every factor (SHA-512)."""
    if len(ciphertexts) != len(factors):
        raise ThresholdError("one factor per pair")
    digest = hashlib.sha512(BATCH_DOMAIN + public_key + verification + len(factors).to_bytes(4, "big"))
    for ciphertext, factor in zip(ciphertexts, factors, strict=True):
        digest.update(ciphertext.a + ciphertext.b + factor)
    return digest.digest()


def batch_weights(digest: bytes, count: int) -> list[int]:
    """Return the weights r_0…r_{count−1}: SHA-512(digest ‖ j as 4 big-endian bytes) read little-endian, mod L."""
    return [int.from_bytes(hashlib.sha512(digest + j.to_bytes(4, "big")).digest(), "little") % L for j in range(count)]


def batch_context(digest: bytes) -> bytes:
    """Bind the batched Chaum–Pedersen proof to the statement's digest."""
    return b"decrypt" + digest


def prove_batch(
    secret: int,
    verification: bytes,
    public_key: bytes,
    ciphertexts: Sequence[Ciphertext],
    *,
    draw: Draw = random_scalar,
) -> tuple[list[bytes], Proof]:
    """Decrypt many pairs with x_j: the factors x_j·A_i and one Chaum–Pedersen proof for all of them.

    The proof shows log_G(verification) = log_{A*}(D*) with A* = Σ r_i·A_i and D* = Σ r_i·D_i, where
    the weights r_i are hashed from every pair and every factor (``batch_weights``), so they are fixed
    only once the factors are: a factor that is not x_j·A_i makes D* ≠ x_j·A* except with probability
    1/L over the weights.
    """
    factors = [mul(secret, check(c.a, "the ciphertext")) for c in ciphertexts]
    digest = batch_digest(public_key, verification, ciphertexts, factors)
    weights = batch_weights(digest, len(factors))
    combined = IDENTITY
    for weight, ciphertext in zip(weights, ciphertexts, strict=True):
        combined = add(combined, mul(weight, ciphertext.a))
    w = draw()
    t1, t2 = base_mul(w), mul(w, combined)
    c = hash_to_scalar(b"cp", batch_context(digest), G, verification, combined, mul(secret, combined), t1, t2)
    return factors, Proof(c, (w + c * secret) % L)


def verify_batch(
    verification: bytes, public_key: bytes, ciphertexts: Sequence[Ciphertext], factors: Sequence[bytes], proof: Proof
) -> bool:
    """Check a batched decryption (``prove_batch``): two multiplications per pair, four for the proof.

    Every A_i and every factor is checked to be a group element inside its multiplication by its
    weight (``mul_checked``). The combined points may be the identity (no pairs: an empty box).
    """
    if len(ciphertexts) != len(factors):
        return False
    digest = batch_digest(public_key, verification, ciphertexts, factors)
    weights = batch_weights(digest, len(factors))
    combined_a, combined_d = IDENTITY, IDENTITY
    try:
        for weight, ciphertext, factor in zip(weights, ciphertexts, factors, strict=True):
            combined_a = add(combined_a, mul_checked(weight, ciphertext.a))
            combined_d = add(combined_d, mul_checked(weight, factor))
        t1 = sub(base_mul(proof.response), mul_checked(proof.challenge, verification))
        t2 = sub(mul(proof.response, combined_a), mul(proof.challenge, combined_d))
    except ThresholdError:
        return False
    context = batch_context(digest)
    return proof.challenge == hash_to_scalar(b"cp", context, G, verification, combined_a, combined_d, t1, t2)
