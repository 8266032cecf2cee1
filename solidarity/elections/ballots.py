"""Ballot encryption (libsodium sealed boxes) and the trustees' key ceremony (SLIP-39 shares).

The election key pair is an X25519 key for ``crypto_box_seal``; the browser seals the ballot with
``libsodium-wrappers`` and the record's verifier opens it with PyNaCl once the trustees have
reconstructed and published the private key. The private key is split at the ceremony with
``shamir-mnemonic`` (SLIP-39, k of n) and never rests on the server.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import shamir_mnemonic
from nacl import bindings
from nacl.encoding import RawEncoder
from nacl.exceptions import CryptoError
from nacl.hash import blake2b
from nacl.public import PrivateKey, PublicKey, SealedBox

from solidarity.elections import canonical

KEY_LENGTH = 32
# Plaintext ballots are padded with spaces to a multiple of this many bytes, so that the
# ciphertext length does not reveal how many candidates a voter ranked.
PAD_BLOCK = 512


class BallotError(ValueError):
    """Raised when a sealed ballot cannot be opened or does not parse."""


class CeremonyError(ValueError):
    """Raised when shares are invalid, too few, or reconstruct a key other than the published one."""


@dataclass(frozen=True)
class ElectionKeyPair:
    """The election's sealed-box key pair (raw 32-byte keys)."""

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


def generate_key_pair() -> ElectionKeyPair:
    """Make a fresh X25519 key pair for sealing ballots."""
    private = PrivateKey.generate()
    return ElectionKeyPair(public_key=bytes(private.public_key), private_key=bytes(private))


def public_key_for(private_key: bytes) -> bytes:
    """Derive the public half of a raw private key."""
    if len(private_key) != KEY_LENGTH:
        raise BallotError("private key must be 32 bytes")
    return bytes(PrivateKey(private_key).public_key)


def pad(plaintext: bytes) -> bytes:
    """Pad a JSON plaintext with spaces to the next multiple of PAD_BLOCK (JSON ignores them)."""
    length = ((len(plaintext) // PAD_BLOCK) + 1) * PAD_BLOCK
    return plaintext + b" " * (length - len(plaintext))


def seal(public_key: bytes, ballot: dict[str, Any]) -> bytes:
    """Encrypt a ballot to the election public key (as the browser does)."""
    if len(public_key) != KEY_LENGTH:
        raise BallotError("public key must be 32 bytes")
    return SealedBox(PublicKey(public_key)).encrypt(pad(canonical_json(ballot)))


def open_sealed(private_key: bytes, ciphertext: bytes) -> dict[str, Any]:
    """Decrypt a sealed ballot and parse its JSON object."""
    if len(private_key) != KEY_LENGTH:
        raise BallotError("private key must be 32 bytes")
    try:
        plaintext = SealedBox(PrivateKey(private_key)).decrypt(ciphertext)
    except CryptoError as error:
        raise BallotError("ballot does not decrypt with the election key") from error
    return parse_plaintext(plaintext)


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
    if len(secret) != KEY_LENGTH or public_key_for(secret) != public_key:
        raise CeremonyError("the shares do not give this election's key")
    return secret


def seal_with(public_key: bytes, ephemeral_secret: bytes, plaintext: bytes) -> bytes:
    """Seal bytes as ``crypto_box_seal`` does, with a given ephemeral secret (to audit a ballot).

    A sealed box is the ephemeral public key, then ``crypto_box`` of the message with the nonce
    BLAKE2b-192(ephemeral public key || recipient public key). The booth seals step by step the
    same way, so that a voter who audits a ballot can reveal the ephemeral secret.
    """
    if len(public_key) != KEY_LENGTH or len(ephemeral_secret) != KEY_LENGTH:
        raise BallotError("keys must be 32 bytes")
    ephemeral_public = bindings.crypto_scalarmult_base(ephemeral_secret)
    nonce = blake2b(ephemeral_public + public_key, digest_size=bindings.crypto_box_NONCEBYTES, encoder=RawEncoder)
    return ephemeral_public + bindings.crypto_box(plaintext, nonce, public_key, ephemeral_secret)


def audit_sealed(public_key: bytes, ephemeral_secret: bytes, ciphertext: bytes, ballot: dict[str, Any]) -> bool:
    """Tell whether ``ciphertext`` seals exactly ``ballot`` (padded canonical JSON) to ``public_key``."""
    return seal_with(public_key, ephemeral_secret, pad(canonical_json(ballot))) == ciphertext
