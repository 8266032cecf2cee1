"""Ballot encryption (ElGamal over edwards25519, so a mixnet can shuffle it) and the trustees' key ceremony.

The election key is a scalar x of the prime-order subgroup of edwards25519 and its public half
Y = x·G (``threshold.py`` has the group). A ballot is its padded canonical JSON embedded in exactly
``BALLOT_POINTS`` group elements, each ElGamal-encrypted to Y: the ciphertext is a fixed-width row
that ``shuffle.py`` can re-encrypt and permute. The browser does the same steps with libsodium's
``crypto_core_ed25519_*`` functions; the randomness of each point comes from one 32-byte sealing
secret, so a voter who audits a ballot reveals that secret and anyone can re-seal and compare.
The private scalar is split at the ceremony with ``shamir-mnemonic`` (SLIP-39, k of n) and never
rests on the server; after the close it decrypts only the shuffled rows, with a proof per element.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

import shamir_mnemonic

from solidarity.elections import canonical
from solidarity.elections import threshold as th

KEY_LENGTH = 32
# Plaintext ballots are padded with spaces to exactly this many bytes, so that the ciphertext
# length does not reveal how many candidates a voter ranked, and every row has the same width.
PAD_BLOCK = 512
# 2 length bytes + 512 bytes, 29 bytes per point (threshold.embed): 18 points.
BALLOT_POINTS = -(-(2 + PAD_BLOCK) // th.DATA_BYTES)
POINT_PAIR = 2 * th.POINT_BYTES
CIPHERTEXT_LENGTH = BALLOT_POINTS * POINT_PAIR
SEAL_DOMAIN = b"solidarity-seal/1\x00"


class BallotError(ValueError):
    """Raised when a sealed ballot cannot be opened or does not parse."""


class CeremonyError(ValueError):
    """Raised when shares are invalid, too few, or reconstruct a key other than the published one."""


@dataclass(frozen=True)
class ElectionKeyPair:
    """The election's ElGamal key pair: the scalar x (32 bytes, little-endian) and Y = x·G."""

    public_key: bytes
    private_key: bytes


@dataclass(frozen=True)
class Ceremony:
    """The outcome of a key ceremony: the public key and one mnemonic share per trustee."""

    public_key: bytes
    threshold: int
    shares: tuple[str, ...]


def canonical_json(value: Any) -> bytes:
    """Encode JSON canonically: sorted keys, no spaces, UTF-8 (also the record's encoding)."""
    return canonical.dumps(value)


def private_scalar(private_key: bytes) -> int:
    """Read a private key: 32 little-endian bytes of a scalar in [1, L)."""
    if len(private_key) != KEY_LENGTH:
        raise BallotError("private key must be 32 bytes")
    x = int.from_bytes(private_key, "little")
    if not 0 < x < th.L:
        raise BallotError("private key is not a scalar below the group order")
    return x


def generate_key_pair() -> ElectionKeyPair:
    """Make a fresh ElGamal key pair for sealing ballots."""
    x = th.random_scalar()
    return ElectionKeyPair(public_key=th.base_mul(x), private_key=th.scalar_bytes(x))


def public_key_for(private_key: bytes) -> bytes:
    """Derive the public half x·G of a raw private key."""
    return th.base_mul(private_scalar(private_key))


def is_public_key(public_key: bytes) -> bool:
    """Tell whether bytes are a usable election key: a point of the prime-order group."""
    return th.is_valid(public_key)


def pad(plaintext: bytes) -> bytes:
    """Pad a JSON plaintext with spaces to the next multiple of PAD_BLOCK (JSON ignores them)."""
    length = ((len(plaintext) // PAD_BLOCK) + 1) * PAD_BLOCK
    return plaintext + b" " * (length - len(plaintext))


def seal_randomness(secret: bytes, index: int) -> int:
    """Return the ElGamal randomness of point ``index``: BLAKE2b-512 of domain, secret, index, mod L."""
    digest = hashlib.blake2b(SEAL_DOMAIN + secret + index.to_bytes(2, "big"), digest_size=64).digest()
    return int.from_bytes(digest, "little") % th.L


def seal_with(public_key: bytes, secret: bytes, plaintext: bytes) -> bytes:
    """Seal padded bytes as the booth does: embed in BALLOT_POINTS points, encrypt each with derived randomness."""
    if not is_public_key(public_key) or len(secret) != KEY_LENGTH:
        raise BallotError("the key must be a group element and the secret 32 bytes")
    if len(plaintext) != PAD_BLOCK:
        raise BallotError(f"a ballot must pad to exactly {PAD_BLOCK} bytes")
    points = th.embed(plaintext)
    if len(points) != BALLOT_POINTS:  # pragma: no cover - fixed by the sizes above
        raise BallotError("the ballot does not fill the row")
    out = bytearray()
    for index, point in enumerate(points):
        ciphertext = th.encrypt(public_key, point, r=seal_randomness(secret, index))
        out += ciphertext.a + ciphertext.b
    return bytes(out)


def seal(public_key: bytes, ballot: dict[str, Any]) -> bytes:
    """Encrypt a ballot to the election public key (as the browser does)."""
    return seal_with(public_key, secrets.token_bytes(KEY_LENGTH), pad(canonical_json(ballot)))


def to_row(ciphertext: bytes, *, validate: bool = True) -> tuple[th.Ciphertext, ...]:
    """Split a sealed ballot into its ElGamal pairs; BallotError unless it is exactly a row of group elements.

    ``validate=False`` checks only the length: for a verifier whose next step (``shuffle.verify``)
    checks every point inside its scalar multiplication, and which checks them here when that fails.
    """
    if len(ciphertext) != CIPHERTEXT_LENGTH:
        raise BallotError(f"a sealed ballot is {CIPHERTEXT_LENGTH} bytes")
    row = []
    for start in range(0, CIPHERTEXT_LENGTH, POINT_PAIR):
        a, b = ciphertext[start : start + th.POINT_BYTES], ciphertext[start + th.POINT_BYTES : start + POINT_PAIR]
        if validate and not (th.is_valid(a) and th.is_valid(b)):
            raise BallotError("a sealed ballot holds a value that is not a group element")
        row.append(th.Ciphertext(a, b))
    return tuple(row)


def from_row(row: tuple[th.Ciphertext, ...]) -> bytes:
    """Join a row of ElGamal pairs into the bytes the record publishes."""
    return b"".join(c.a + c.b for c in row)


def read_points(points: list[bytes]) -> dict[str, Any]:
    """Read a ballot from its decrypted points: the embedded bytes, then ``parse_plaintext``."""
    try:
        plaintext = th.extract(points)
    except th.ThresholdError as error:
        raise BallotError(str(error)) from error
    return parse_plaintext(plaintext)


def open_sealed(private_key: bytes, ciphertext: bytes) -> dict[str, Any]:
    """Decrypt a sealed ballot with the whole private key and parse it (tests and the booth's audit only)."""
    x = private_scalar(private_key)
    row = to_row(ciphertext)
    return read_points([th.sub(c.b, th.mul(x, c.a)) for c in row])


def parse_plaintext(plaintext: bytes) -> dict[str, Any]:
    """Read a padded ballot exactly: canonical JSON of an object, then at least one space, to a multiple of PAD_BLOCK.

    Anything else (duplicate keys, other spacing, a float, padding of another length) is refused,
    so that every reader of the record sees the same ballot, or the same spoilt one.
    """
    if not plaintext or len(plaintext) % PAD_BLOCK or not plaintext.endswith(b" "):
        raise BallotError("ballot is not padded to a multiple of the block")
    try:
        # A voter can seal JSON nested thousands of levels deep: a spoilt ballot, never a count that crashes.
        value = canonical.loads(plaintext.rstrip(b" "))
    except canonical.NotCanonicalError as error:
        raise BallotError("ballot is not canonical JSON") from error
    if not isinstance(value, dict):
        raise BallotError("ballot is not a JSON object")
    return value


def hold_ceremony(*, threshold: int, trustees: int) -> Ceremony:
    """Make the election key pair and split its private half into SLIP-39 shares, k of n.

    The private key exists only inside this call; the caller stores the public key and hands
    each share to one trustee.
    """
    if not 1 <= threshold <= trustees <= 16:
        raise CeremonyError("need 1 <= threshold <= trustees <= 16")
    key_pair = generate_key_pair()
    groups = shamir_mnemonic.generate_mnemonics(
        group_threshold=1,
        groups=[(threshold, trustees)],
        master_secret=key_pair.private_key,
        passphrase=b"",
        iteration_exponent=0,
    )
    return Ceremony(public_key=key_pair.public_key, threshold=threshold, shares=tuple(groups[0]))


def reconstruct_private_key(shares: list[str], *, public_key: bytes) -> bytes:
    """Combine trustees' shares and check that they give the private half of ``public_key``."""
    cleaned = [" ".join(share.split()).lower() for share in shares if share.strip()]
    try:
        secret: bytes = shamir_mnemonic.combine_mnemonics(cleaned, passphrase=b"")
    except (shamir_mnemonic.MnemonicError, ValueError) as error:
        raise CeremonyError(str(error)) from error
    if (
        len(secret) != KEY_LENGTH
        or not 0 < int.from_bytes(secret, "little") < th.L
        or public_key_for(secret) != public_key
    ):
        raise CeremonyError("the shares do not give this election's key")
    return secret


def audit_sealed(public_key: bytes, secret: bytes, ciphertext: bytes, ballot: dict[str, Any]) -> bool:
    """Tell whether ``ciphertext`` seals exactly ``ballot`` (padded canonical JSON) to ``public_key``."""
    return seal_with(public_key, secret, pad(canonical_json(ballot))) == ciphertext
