"""A verifiable re-encryption shuffle of ElGamal ballots with the Terelius–Wikström proof.

The shuffle permutes N ballots (each a row of w ElGamal ciphertexts under one key, see
``threshold.py``) and re-randomizes every ciphertext. The proof is the non-interactive
Terelius–Wikström proof of a shuffle as written out step by step by Haenni, Locher, Koenig and
Dubuis, "Pseudo-Code Algorithms for Verifiable Re-Encryption Mix-Nets" (FC 2017, algorithms
GenShuffle, GenPermutationCommitment, GenCommitmentChain, GenProof, CheckProof), in additive
notation over the prime-order edwards25519 group, extended to rows of w ciphertexts sharing the
permutation (one aggregate re-encryption response per column).

Independent generators H, H_1…H_N are derived by hashing to the curve
(``crypto_core_ed25519_from_uniform`` of SHA-512 over a domain string and the index), so nobody
knows discrete logarithms between them. Challenges are SHA-512 over the whole statement
(Fiat–Shamir), reduced mod L.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from nacl import bindings

from solidarity.elections import threshold as th
from solidarity.elections.threshold import Ciphertext

DOMAIN = b"solidarity-shuffle/1\x00"

Row = tuple[Ciphertext, ...]


class ShuffleError(ValueError):
    """Raised when shuffle inputs are malformed."""


@dataclass(frozen=True)
class ShuffleProof:
    """Everything the verifier needs besides the input and output rows and the key."""

    permutation_commitments: tuple[bytes, ...]  # c_1…c_N
    chain: tuple[bytes, ...]  # ĉ_1…ĉ_N
    t1: bytes
    t2: bytes
    t3: bytes
    t4: tuple[tuple[bytes, bytes], ...]  # per column: (on A, on B)
    t_hat: tuple[bytes, ...]
    s1: int
    s2: int
    s3: int
    s4: tuple[int, ...]  # per column
    s_hat: tuple[int, ...]
    s_prime: tuple[int, ...]


def generator(index: int) -> bytes:
    """Return the independent generator H_index (H_0 is the chain's base H)."""
    seed = hashlib.sha512(DOMAIN + b"generator" + index.to_bytes(4, "big")).digest()[:32]
    point = bytes(bindings.crypto_core_ed25519_from_uniform(seed))
    return th.check(point, "a generator")


def _encode_rows(rows: Sequence[Row]) -> bytes:
    return b"".join(c.a + c.b for row in rows for c in row)


def _challenges(count: int, statement: bytes) -> list[int]:
    base = hashlib.sha512(DOMAIN + b"challenges" + statement).digest()
    return [th.hash_to_scalar(b"u", base, i.to_bytes(4, "big")) for i in range(count)]


def _challenge(statement: bytes, commitments: bytes) -> int:
    return th.hash_to_scalar(b"c", DOMAIN, statement, commitments)


def _sum(points: Sequence[bytes]) -> bytes:
    total = th.IDENTITY
    for point in points:
        total = th.add(total, point)
    return total


def _check_rows(rows: Sequence[Row], width: int, what: str, *, points: bool = True) -> None:
    for row in rows:
        if len(row) != width:
            raise ShuffleError(f"{what}: rows of different widths")
        if not points:
            continue
        for c in row:
            th.check(c.a, what)
            th.check(c.b, what)


def shuffle(
    public_key: bytes, rows: Sequence[Row], *, draw: th.Draw | None = None
) -> tuple[list[Row], list[int], list[list[int]]]:
    """Permute and re-encrypt rows; return the output, the permutation ψ (output i = input ψ(i)) and the randomness.

    ``draw`` (a ``threshold.ScalarStream``) makes the shuffle deterministic; by default it is random.
    """
    scalar = draw or th.random_scalar
    if not rows:
        raise ShuffleError("nothing to shuffle")
    width = len(rows[0])
    _check_rows(rows, width, "input")
    permutation = list(range(len(rows)))
    for i in range(len(permutation) - 1, 0, -1):  # Fisher–Yates with a cryptographic source
        # A 252-bit scalar reduced mod i+1: a bias below 2^-200 for any box this size.
        j = secrets.randbelow(i + 1) if draw is None else draw() % (i + 1)
        permutation[i], permutation[j] = permutation[j], permutation[i]
    randomness = [[scalar() for _ in range(width)] for _ in rows]
    output = [
        tuple(th.reencrypt(public_key, rows[permutation[i]][k], r=randomness[i][k]) for k in range(width))
        for i in range(len(rows))
    ]
    return output, permutation, randomness


def prove(
    public_key: bytes,
    inputs: Sequence[Row],
    outputs: Sequence[Row],
    permutation: Sequence[int],
    randomness: Sequence[Sequence[int]],
    *,
    draw: th.Draw = th.random_scalar,
) -> ShuffleProof:
    """Prove that ``outputs`` re-encrypt a permutation of ``inputs`` (Haenni et al., GenProof)."""
    n, width = len(inputs), len(inputs[0])
    h0 = generator(0)
    hs = [generator(i + 1) for i in range(n)]
    # GenPermutationCommitment: c_ψ(i) = r_ψ(i)·G + H_i
    r = [0] * n
    commitments = [th.IDENTITY] * n
    for i in range(n):
        j = permutation[i]
        r[j] = draw()
        commitments[j] = th.add(th.base_mul(r[j]), hs[i])
    statement = public_key + _encode_rows(inputs) + _encode_rows(outputs) + b"".join(commitments)
    u = _challenges(n, statement)
    u_prime = [u[permutation[i]] for i in range(n)]
    # GenCommitmentChain: ĉ_i = r̂_i·G + u'_i·ĉ_{i-1}, ĉ_0 = H
    r_hat = [draw() for _ in range(n)]
    chain: list[bytes] = []
    previous = h0
    for i in range(n):
        previous = th.add(th.base_mul(r_hat[i]), th.mul(u_prime[i], previous))
        chain.append(previous)
    r_bar = sum(r) % th.L
    v = [1] * n  # v_i = u'_{i+1}·…·u'_N (0-based: product of u' after i)
    for i in range(n - 2, -1, -1):
        v[i] = (u_prime[i + 1] * v[i + 1]) % th.L
    r_hat_total = sum(r_hat[i] * v[i] for i in range(n)) % th.L
    r_tilde = sum(r[j] * u[j] for j in range(n)) % th.L
    r_prime = [sum(randomness[i][k] * u_prime[i] for i in range(n)) % th.L for k in range(width)]
    w1, w2, w3 = draw(), draw(), draw()
    w4 = [draw() for _ in range(width)]
    w_hat = [draw() for _ in range(n)]
    w_prime = [draw() for _ in range(n)]
    t1 = th.base_mul(w1)
    t2 = th.base_mul(w2)
    t3 = th.add(th.base_mul(w3), _sum([th.mul(w_prime[i], hs[i]) for i in range(n)]))
    t4 = tuple(
        (
            th.sub(_sum([th.mul(w_prime[i], outputs[i][k].a) for i in range(n)]), th.base_mul(w4[k])),
            th.sub(_sum([th.mul(w_prime[i], outputs[i][k].b) for i in range(n)]), th.mul(w4[k], public_key)),
        )
        for k in range(width)
    )
    t_hat = tuple(th.add(th.base_mul(w_hat[i]), th.mul(w_prime[i], chain[i - 1] if i else h0)) for i in range(n))
    challenge = _challenge(statement + b"".join(chain), _commitment_bytes(t1, t2, t3, t4, t_hat))
    return ShuffleProof(
        permutation_commitments=tuple(commitments),
        chain=tuple(chain),
        t1=t1,
        t2=t2,
        t3=t3,
        t4=t4,
        t_hat=t_hat,
        s1=(w1 + challenge * r_bar) % th.L,
        s2=(w2 + challenge * r_hat_total) % th.L,
        s3=(w3 + challenge * r_tilde) % th.L,
        s4=tuple((w4[k] + challenge * r_prime[k]) % th.L for k in range(width)),
        s_hat=tuple((w_hat[i] + challenge * r_hat[i]) % th.L for i in range(n)),
        s_prime=tuple((w_prime[i] + challenge * u_prime[i]) % th.L for i in range(n)),
    )


def _commitment_bytes(
    t1: bytes, t2: bytes, t3: bytes, t4: Sequence[tuple[bytes, bytes]], t_hat: Sequence[bytes]
) -> bytes:
    return t1 + t2 + t3 + b"".join(a + b for a, b in t4) + b"".join(t_hat)


def verify(public_key: bytes, inputs: Sequence[Row], outputs: Sequence[Row], proof: ShuffleProof) -> bool:
    """Check a shuffle proof (Haenni et al., CheckProof); False on any malformed or failing part.

    Every point of every input and output row is checked to be a group element, inside the one
    scalar multiplication each of them enters (``threshold.mul_checked``: libsodium makes the same
    tests as ``is_valid``), so a caller need not validate the rows first; a row holding anything
    else makes the proof fail. The verification is the published equations, each computed in full
    (no random linear combination: with libsodium's API a point addition costs about a fifth of a
    multiplication, so a multi-scalar multiplication built on additions would be slower, not faster).
    """
    n = len(inputs)
    if n == 0 or len(outputs) != n:
        return False
    width = len(inputs[0])
    try:
        th.check(public_key, "the key")
        _check_rows(inputs, width, "input", points=False)
        _check_rows(outputs, width, "output", points=False)
    except (th.ThresholdError, ShuffleError):
        return False
    sizes = (len(proof.permutation_commitments), len(proof.chain), len(proof.t_hat), len(proof.s_hat))
    if sizes != (n, n, n, n) or len(proof.s_prime) != n or len(proof.t4) != width or len(proof.s4) != width:
        return False
    points = [*proof.permutation_commitments, *proof.chain, proof.t1, proof.t2, proof.t3, *proof.t_hat]
    points += [p for pair in proof.t4 for p in pair]
    scalars = [proof.s1, proof.s2, proof.s3, *proof.s4, *proof.s_hat, *proof.s_prime]
    if not all(th.is_valid(p) for p in points) or not all(0 <= s < th.L for s in scalars):
        return False
    try:
        return _check_equations(public_key, inputs, outputs, proof)
    except th.ThresholdError:  # a row's point is not a group element
        return False


def _check_equations(public_key: bytes, inputs: Sequence[Row], outputs: Sequence[Row], proof: ShuffleProof) -> bool:
    n, width = len(inputs), len(inputs[0])
    mul = th.mul_checked  # every row point passes through exactly one of these (or is checked explicitly)
    h0 = generator(0)
    hs = [generator(i + 1) for i in range(n)]
    commitments = proof.permutation_commitments
    statement = public_key + _encode_rows(inputs) + _encode_rows(outputs) + b"".join(commitments)
    u = _challenges(n, statement)
    c = _challenge(
        statement + b"".join(proof.chain), _commitment_bytes(proof.t1, proof.t2, proof.t3, proof.t4, proof.t_hat)
    )
    product = 1
    for value in u:
        product = (product * value) % th.L
    c_bar = th.sub(_sum(commitments), _sum(hs))
    c_hat = th.sub(proof.chain[-1], th.mul(product, h0))
    c_tilde = _sum([th.mul(u[j], commitments[j]) for j in range(n)])
    minus_c = th.L - c
    if th.add(th.mul(minus_c, c_bar), th.base_mul(proof.s1)) != proof.t1:
        return False
    if th.add(th.mul(minus_c, c_hat), th.base_mul(proof.s2)) != proof.t2:
        return False
    t3 = th.add(
        th.add(th.mul(minus_c, c_tilde), th.base_mul(proof.s3)),
        _sum([th.mul(proof.s_prime[i], hs[i]) for i in range(n)]),
    )
    if t3 != proof.t3:
        return False
    # −c·Ã_k = Σ_j (−c·u_j)·A_j,k: the factor −c folded into each scalar, one multiplication per point.
    minus_cu = [(minus_c * value) % th.L for value in u]
    for k in range(width):
        t4a = th.sub(
            th.add(
                _sum([mul(minus_cu[j], inputs[j][k].a) for j in range(n)]),
                _sum([mul(proof.s_prime[i], outputs[i][k].a) for i in range(n)]),
            ),
            th.base_mul(proof.s4[k]),
        )
        t4b = th.sub(
            th.add(
                _sum([mul(minus_cu[j], inputs[j][k].b) for j in range(n)]),
                _sum([mul(proof.s_prime[i], outputs[i][k].b) for i in range(n)]),
            ),
            th.mul(proof.s4[k], public_key),
        )
        if (t4a, t4b) != proof.t4[k]:
            return False
    for i in range(n):
        previous = proof.chain[i - 1] if i else h0
        t_hat = th.add(
            th.add(th.mul(minus_c, proof.chain[i]), th.base_mul(proof.s_hat[i])), th.mul(proof.s_prime[i], previous)
        )
        if t_hat != proof.t_hat[i]:
            return False
    return True
