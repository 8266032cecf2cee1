"""Ballot encryption: ElGamal over edwards25519, so a mixnet can shuffle it, to the trustees' joint key.

The election key is a scalar x of the prime-order subgroup of edwards25519 and its public half
Y = x·G (``threshold.py`` has the group). A ballot is its compact encoding (``encode``: a kind
byte, a count byte, a byte per candidate index, zeros to the election's width) embedded in the
``Layout.points`` group elements the election's rule and candidates need, each ElGamal-encrypted
to Y: the ciphertext is a fixed-width row that ``shuffle.py`` can re-encrypt and permute. The
browser does the same steps with libsodium's ``crypto_core_ed25519_*`` functions; the randomness
of each point comes from one 32-byte sealing secret, so a voter who audits a ballot reveals that
secret and anyone can re-seal and compare. The trustees make Y together (``trustee.py``): no machine
ever holds x; after the close any k of them decrypt only the shuffled rows, each with a proof.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from solidarity.elections import canonical
from solidarity.elections import threshold as th

KEY_LENGTH = 32
# The compact ballot (docs/elections.md, "Ballots and the spoilt-ballot rule"): a kind byte, a count
# byte, then one byte per entry (a candidate's index in the definition's order, or a motion's
# choice), zero bytes to the width, the same for every ballot of an election so that the ciphertext
# does not reveal how many candidates a voter ranked or approved.
ENCODING = "solidarity-ballot-bytes/1"
HEADER = 2
KIND_RANKING = 0x01
KIND_APPROVAL = 0x02
KIND_CHOICE = 0x03
MOTION_CHOICES = ("yes", "no", "abstain")  # a motion's choice byte is its index here
MAX_CANDIDATES = 255  # an index is one byte
POINT_PAIR = 2 * th.POINT_BYTES
SEAL_DOMAIN = b"solidarity-seal/1\x00"


class BallotError(ValueError):
    """Raised when a sealed ballot cannot be opened or does not parse."""


@dataclass(frozen=True)
class ElectionKeyPair:
    """The election's ElGamal key pair: the scalar x (32 bytes, little-endian) and Y = x·G."""

    public_key: bytes
    private_key: bytes


@dataclass(frozen=True)
class Layout:
    """How an election's ballots are written: the rule, the candidate ids in the definition's order.

    ``points`` (the row width) and ``length`` (the plaintext bytes) follow from them alone:
    ``points`` = ceil((2 + HEADER + slots) / 29) with one slot per candidate (one for a motion),
    and the plaintext fills the points exactly (``29 × points − 2`` bytes after the 2-byte length).
    """

    rule: str
    candidates: tuple[str, ...]

    @property
    def kind(self) -> int:
        """Return the kind byte the rule's ballots carry."""
        if self.rule == "motion":
            return KIND_CHOICE
        return KIND_RANKING if self.rule == "scottish-stv" else KIND_APPROVAL

    @property
    def slots(self) -> int:
        """Return how many entries a ballot can hold."""
        return 1 if self.rule == "motion" else len(self.candidates)

    @property
    def points(self) -> int:
        """Return the number of group elements (ElGamal pairs) in every row of the election."""
        return -(-(2 + HEADER + self.slots) // th.DATA_BYTES)

    @property
    def length(self) -> int:
        """Return the exact plaintext length: the payload (2 length bytes + plaintext) fills the points."""
        return self.points * th.DATA_BYTES - 2

    @property
    def ciphertext_length(self) -> int:
        """Return the length of a sealed ballot: ``points`` pairs of 32-byte points."""
        return self.points * POINT_PAIR


def layout(rule: str, candidate_ids: Sequence[str]) -> Layout:
    """Return the layout of an election's ballots; BallotError for more candidates than one byte can index."""
    if len(candidate_ids) > MAX_CANDIDATES:
        raise BallotError(f"a ballot indexes at most {MAX_CANDIDATES} candidates")
    return Layout(rule=rule, candidates=tuple(candidate_ids))


def encode(shape: Layout, ballot: dict[str, Any]) -> bytes:
    """Write a ballot's content (``{"ranking": [...]}``, ``{"approve": [...]}``, ``{"choice": ...}``) compactly.

    Entries must be distinct known candidate ids (a motion's choice one of MOTION_CHOICES, or ``""``
    for none: a blank, spoilt ballot); an empty ranking is written (and opens as spoilt).
    """
    if shape.rule == "motion":
        if set(ballot) != {"choice"} or not isinstance(ballot["choice"], str):
            raise BallotError('a motion\'s ballot is {"choice": ...}')
        choice = ballot["choice"]
        if choice and choice not in MOTION_CHOICES:
            raise BallotError("a motion's choice is yes, no or abstain")
        entries = [MOTION_CHOICES.index(choice)] if choice else []
    else:
        field = "ranking" if shape.rule == "scottish-stv" else "approve"
        values = ballot.get(field)
        if set(ballot) != {field} or not isinstance(values, list):
            raise BallotError(f"this election's ballot is {{{field!r}: [...]}}")
        if not all(isinstance(v, str) and v in shape.candidates for v in values) or len(set(values)) != len(values):
            raise BallotError("a ballot names distinct candidates of the election")
        entries = [shape.candidates.index(v) for v in values]
        if shape.kind == KIND_APPROVAL:
            entries.sort()  # an approval is a set: one way to write it
    body = bytes([shape.kind, len(entries), *entries])
    return body + bytes(shape.length - len(body))


def decode(shape: Layout, plaintext: bytes) -> dict[str, Any]:
    """Read a compact ballot exactly; BallotError (a spoilt ballot) for anything ``encode`` cannot write.

    Spoilt: another length than the layout's; a kind byte other than the rule's; a count above the
    slots (for a motion other than 1; for STV 0); an index at or above the number of candidates (for
    a motion above 2); an index twice; approvals not in increasing order; a non-zero byte after the entries.
    """
    if len(plaintext) != shape.length:
        raise BallotError("the ballot is not the election's width")
    kind, count = plaintext[0], plaintext[1]
    if kind != shape.kind:
        raise BallotError("the ballot's kind is not the election's")
    entries = plaintext[HEADER : HEADER + count]
    if count > shape.slots or any(plaintext[HEADER + count :]):
        raise BallotError("the ballot's count or padding is wrong")
    if len(set(entries)) != len(entries):
        raise BallotError("the ballot names an entry twice")
    if shape.rule == "motion":
        if count != 1 or entries[0] >= len(MOTION_CHOICES):
            raise BallotError("a motion's ballot holds one of three choices")
        return {"choice": MOTION_CHOICES[entries[0]]}
    if any(index >= len(shape.candidates) for index in entries):
        raise BallotError("the ballot names no candidate of the election")
    names = [shape.candidates[index] for index in entries]
    if shape.kind == KIND_APPROVAL and list(entries) != sorted(entries):
        raise BallotError("approvals are written in increasing order")
    if shape.rule == "scottish-stv":
        if not names:
            raise BallotError("an empty ranking")
        return {"ranking": names}
    return {"approve": names}


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


def is_public_key(public_key: bytes) -> bool:
    """Tell whether bytes are a usable election key: a point of the prime-order group."""
    return th.is_valid(public_key)


def seal_randomness(secret: bytes, index: int) -> int:
    """Return the ElGamal randomness of point ``index``: BLAKE2b-512 of domain, secret, index, mod L."""
    digest = hashlib.blake2b(SEAL_DOMAIN + secret + index.to_bytes(2, "big"), digest_size=64).digest()
    return int.from_bytes(digest, "little") % th.L


def seal_with(public_key: bytes, secret: bytes, plaintext: bytes) -> bytes:
    """Seal plaintext bytes as the booth does: embed them in points, encrypt each with derived randomness.

    The plaintext must fill its points exactly (2 + its length a multiple of 29): a layout's ``length``.
    """
    if not is_public_key(public_key) or len(secret) != KEY_LENGTH:
        raise BallotError("the key must be a group element and the secret 32 bytes")
    if not plaintext or (2 + len(plaintext)) % th.DATA_BYTES:
        raise BallotError("a ballot's plaintext must fill its points exactly")
    out = bytearray()
    for index, point in enumerate(th.embed(plaintext)):
        ciphertext = th.encrypt(public_key, point, r=seal_randomness(secret, index))
        out += ciphertext.a + ciphertext.b
    return bytes(out)


def seal(public_key: bytes, shape: Layout, ballot: dict[str, Any]) -> bytes:
    """Encrypt a ballot to the election public key (as the browser does)."""
    return seal_with(public_key, secrets.token_bytes(KEY_LENGTH), encode(shape, ballot))


def to_row(ciphertext: bytes, *, points: int, validate: bool = True) -> tuple[th.Ciphertext, ...]:
    """Split a sealed ballot into its ElGamal pairs; BallotError unless it is exactly a row of ``points`` pairs.

    ``validate=False`` checks only the length: for a verifier whose next step (``shuffle.verify``)
    checks every point inside its scalar multiplication, and which checks them here when that fails.
    """
    length = points * POINT_PAIR
    if len(ciphertext) != length:
        raise BallotError(f"a sealed ballot of this election is {length} bytes ({points} pairs)")
    row = []
    for start in range(0, length, POINT_PAIR):
        a, b = ciphertext[start : start + th.POINT_BYTES], ciphertext[start + th.POINT_BYTES : start + POINT_PAIR]
        if validate and not (th.is_valid(a) and th.is_valid(b)):
            raise BallotError("a sealed ballot holds a value that is not a group element")
        row.append(th.Ciphertext(a, b))
    return tuple(row)


def from_row(row: tuple[th.Ciphertext, ...]) -> bytes:
    """Join a row of ElGamal pairs into the bytes the record publishes."""
    return b"".join(c.a + c.b for c in row)


def read_points(shape: Layout, points: list[bytes]) -> dict[str, Any]:
    """Read a ballot from its decrypted points: the embedded bytes, then ``decode``; BallotError if spoilt."""
    try:
        plaintext = th.extract(points)
    except th.ThresholdError as error:
        raise BallotError(str(error)) from error
    return decode(shape, plaintext)


def open_sealed(private_key: bytes, shape: Layout, ciphertext: bytes) -> dict[str, Any]:
    """Decrypt a sealed ballot with the whole private key and decode it (tests only)."""
    x = private_scalar(private_key)
    row = to_row(ciphertext, points=shape.points)
    return read_points(shape, [th.sub(c.b, th.mul(x, c.a)) for c in row])


def audit_sealed(public_key: bytes, shape: Layout, secret: bytes, ciphertext: bytes, ballot: dict[str, Any]) -> bool:
    """Tell whether ``ciphertext`` seals exactly ``ballot`` (its compact encoding) to ``public_key``."""
    return seal_with(public_key, secret, encode(shape, ballot)) == ciphertext
