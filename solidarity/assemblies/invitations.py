"""Compact Ed25519-signed invitation tokens: encode, sign, parse and verify (no Django import).

A token binds an assembly, a venue, a role, a validity window, a key id and a random nonce. It
carries no name. Layout (big-endian, 106 bytes)::

    payload   38 bytes  version(1) key_id(4) assembly(4) venue(4) role(1) not_before(4)
                        not_after(4) nonce(16)
    signature 64 bytes  Ed25519 over DOMAIN + payload (libsodium through PyNaCl)
    check      4 bytes  CRC-32 of payload + signature

The CRC is not a security measure (the signature is): it only lets a verifier tell a token that
was damaged or altered after signing ("tampered") from one that was made whole without our key
("forged"). The text form is RFC 4648 base32, upper case, without padding (170 characters, all
in the QR alphanumeric set); decoding accepts only the canonical spelling, so two different texts
never denote the same token.

Verification order is fixed, and every failure raises the one exception type `InvalidInvite`
with a reason code: malformed, tampered, unknown_key, forged, wrong_assembly, wrong_venue,
not_yet_valid, expired, revoked, already_scanned.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import secrets
import struct
import zlib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import IntEnum, StrEnum
from typing import NewType

from nacl.exceptions import BadSignatureError, CryptoError
from nacl.signing import SigningKey, VerifyKey

VERSION = 1
DOMAIN = b"solidarity/invitation/v1\x00"
PAYLOAD = struct.Struct(">BIIIBII16s")
SIGNATURE_SIZE = 64
CHECK_SIZE = 4
TOKEN_SIZE = PAYLOAD.size + SIGNATURE_SIZE + CHECK_SIZE
NONCE_SIZE = 16
TEXT_LENGTH = -(-TOKEN_SIZE * 8 // 5)
_BASE32_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
_UINT32_MAX = 2**32 - 1

KeyId = NewType("KeyId", int)
Nonce = NewType("Nonce", bytes)


class Reason(StrEnum):
    """Why a token was refused; the officer's page translates each code."""

    MALFORMED = "malformed"
    TAMPERED = "tampered"
    UNKNOWN_KEY = "unknown_key"
    FORGED = "forged"
    WRONG_ASSEMBLY = "wrong_assembly"
    WRONG_VENUE = "wrong_venue"
    NOT_YET_VALID = "not_yet_valid"
    EXPIRED = "expired"
    REVOKED = "revoked"
    ALREADY_SCANNED = "already_scanned"


class InvalidInvite(Exception):  # the name the specification and fuzz harness use
    """A token failed verification; `reason` says why."""

    def __init__(self, reason: Reason, detail: str = "") -> None:
        super().__init__(reason.value if not detail else f"{reason.value}: {detail}")
        self.reason = reason


class InviteRole(IntEnum):
    """The role a token admits its holder in, as one byte."""

    DELEGATE = 1
    GUEST = 2
    SPEAKER = 3
    PRESS = 4
    OBSERVER = 5
    STAFF = 6


@dataclass(frozen=True, slots=True)
class Claims:
    """The signed contents of a token."""

    key_id: KeyId
    assembly_id: int
    venue_id: int
    role: InviteRole
    not_before: int
    not_after: int
    nonce: Nonce

    @property
    def nonce_hex(self) -> str:
        return self.nonce.hex()


# --- keys -----------------------------------------------------------------------------------


def fingerprint_digest(public_key: bytes) -> bytes:
    """Return the SHA-256 digest that names a public key."""
    return hashlib.sha256(b"solidarity/invitation-key\x00" + public_key).digest()


def fingerprint(public_key: bytes) -> str:
    """Return the key's fingerprint for people to compare: 10 groups of 4 hex digits."""
    digest = fingerprint_digest(public_key)[:20].hex().upper()
    return " ".join(digest[index : index + 4] for index in range(0, len(digest), 4))


def key_id_of(public_key: bytes) -> KeyId:
    """Return the 32-bit key id carried in tokens: the first 4 bytes of the fingerprint digest."""
    return KeyId(int.from_bytes(fingerprint_digest(public_key)[:4], "big"))


@dataclass(frozen=True)
class Signer:
    """A private signing key and the id tokens name it by."""

    signing_key: SigningKey

    @classmethod
    def generate(cls) -> Signer:
        return cls(SigningKey.generate())

    @classmethod
    def from_seed(cls, seed: bytes) -> Signer:
        if len(seed) != 32:
            raise ValueError("an Ed25519 seed is 32 bytes")
        return cls(SigningKey(seed))

    @classmethod
    def from_base64(cls, text: str) -> Signer:
        return cls.from_seed(base64.b64decode(text.strip(), validate=True))

    def seed_base64(self) -> str:
        return base64.b64encode(bytes(self.signing_key)).decode("ascii")

    @property
    def public_key(self) -> bytes:
        return bytes(self.signing_key.verify_key)

    @property
    def key_id(self) -> KeyId:
        return key_id_of(self.public_key)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


class Keyring:
    """The public keys a verifier accepts, by key id; every listed key is accepted (rotation)."""

    def __init__(self, public_keys: Iterable[bytes] = ()) -> None:
        self._keys: dict[KeyId, VerifyKey] = {}
        for public_key in public_keys:
            self.add(public_key)

    def add(self, public_key: bytes) -> KeyId:
        if len(public_key) != 32:
            raise ValueError("an Ed25519 public key is 32 bytes")
        key_id = key_id_of(public_key)
        existing = self._keys.get(key_id)
        if existing is not None and bytes(existing) != public_key:
            raise ValueError("two keys share a key id; generate another key")
        self._keys[key_id] = VerifyKey(public_key)
        return key_id

    def get(self, key_id: int) -> VerifyKey | None:
        return self._keys.get(KeyId(key_id))

    def __contains__(self, key_id: object) -> bool:
        return key_id in self._keys

    def __len__(self) -> int:
        return len(self._keys)

    def to_json(self) -> list[dict[str, str | int]]:
        """Return the keys as JSON for verifiers: id, base64 public key and fingerprint."""
        return [
            {
                "key_id": key_id,
                "public_key": base64.b64encode(bytes(key)).decode("ascii"),
                "fingerprint": fingerprint(bytes(key)),
            }
            for key_id, key in sorted(self._keys.items())
        ]

    @classmethod
    def from_json(cls, items: Iterable[Mapping[str, object]]) -> Keyring:
        """Build a keyring from `to_json` output, checking each stated key id."""
        keyring = cls()
        for item in items:
            public_key = base64.b64decode(str(item["public_key"]), validate=True)
            key_id = keyring.add(public_key)
            if "key_id" in item and int(str(item["key_id"])) != key_id:
                raise ValueError("a listed key id does not match its key")
        return keyring


# --- encoding -------------------------------------------------------------------------------


def _timestamp(moment: datetime | int) -> int:
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            raise ValueError("use an aware datetime")
        return int(moment.timestamp())
    return int(moment)


def issue(
    signer: Signer,
    *,
    assembly_id: int,
    venue_id: int,
    role: InviteRole,
    not_before: datetime | int,
    not_after: datetime | int,
    nonce: bytes | None = None,
) -> bytes:
    """Return a new signed token (binary form) with a fresh random nonce unless one is given."""
    start, end = _timestamp(not_before), _timestamp(not_after)
    for name, value in (
        ("assembly_id", assembly_id),
        ("venue_id", venue_id),
        ("not_before", start),
        ("not_after", end),
    ):
        if not 0 <= value <= _UINT32_MAX:
            raise ValueError(f"{name} must fit in 32 bits")
    if end <= start:
        raise ValueError("not_after must come after not_before")
    nonce = secrets.token_bytes(NONCE_SIZE) if nonce is None else nonce
    if len(nonce) != NONCE_SIZE:
        raise ValueError("the nonce is 16 bytes")
    payload = PAYLOAD.pack(VERSION, signer.key_id, assembly_id, venue_id, int(role), start, end, nonce)
    signature = signer.signing_key.sign(DOMAIN + payload).signature
    body = payload + signature
    return body + zlib.crc32(body).to_bytes(CHECK_SIZE, "big")


def to_text(token: bytes) -> str:
    """Return the canonical text form: base32, upper case, no padding."""
    return base64.b32encode(token).decode("ascii").rstrip("=")


def from_text(text: str) -> bytes:
    """Decode the canonical text form; anything else is malformed."""
    if not isinstance(text, str) or len(text) != TEXT_LENGTH or not set(text) <= _BASE32_ALPHABET:
        raise InvalidInvite(Reason.MALFORMED, "not a token")
    padded = text + "=" * (-len(text) % 8)
    try:
        token = base64.b32decode(padded)
    except (binascii.Error, ValueError) as error:
        raise InvalidInvite(Reason.MALFORMED, "not a token") from error
    if to_text(token) != text:  # unused trailing bits must be zero: one spelling per token
        raise InvalidInvite(Reason.MALFORMED, "not a token")
    return token


def parse(token: bytes) -> tuple[Claims, bytes, bytes]:
    """Split a binary token into its claims, signed payload and signature; check shape and CRC.

    Parsed claims are not yet trusted: only `verify` checks the signature.
    """
    if not isinstance(token, bytes | bytearray) or len(token) != TOKEN_SIZE:
        raise InvalidInvite(Reason.MALFORMED, "wrong length")
    token = bytes(token)
    body, check = token[:-CHECK_SIZE], token[-CHECK_SIZE:]
    if zlib.crc32(body).to_bytes(CHECK_SIZE, "big") != check:
        raise InvalidInvite(Reason.TAMPERED, "check value differs")
    payload, signature = body[: PAYLOAD.size], body[PAYLOAD.size :]
    version, key_id, assembly_id, venue_id, role, start, end, nonce = PAYLOAD.unpack(payload)
    if version != VERSION:
        raise InvalidInvite(Reason.MALFORMED, "unknown version")
    try:
        invite_role = InviteRole(role)
    except ValueError as error:
        raise InvalidInvite(Reason.MALFORMED, "unknown role") from error
    claims = Claims(KeyId(key_id), assembly_id, venue_id, invite_role, start, end, Nonce(nonce))
    return claims, payload, signature


def nonce_of(token: bytes | str) -> Nonce:
    """Return a token's nonce without verifying it (for lookups only)."""
    binary = from_text(token) if isinstance(token, str) else token
    return parse(binary)[0].nonce


def verify(
    token: bytes | str,
    keyring: Keyring,
    *,
    now: datetime | int,
    expected_assembly: int,
    expected_venue: int | None,
    revoked: Collection[bytes] = frozenset(),
    seen_nonces: Collection[bytes] = frozenset(),
    leeway_seconds: int = 0,
) -> Claims:
    """Return the claims of a valid token, or raise `InvalidInvite` with the first reason found.

    `expected_venue=None` accepts any venue of the assembly (the invitee's own page).
    `revoked` and `seen_nonces` hold nonces (16 bytes).
    """
    binary = from_text(token) if isinstance(token, str) else token
    claims, payload, signature = parse(binary)
    verify_key = keyring.get(claims.key_id)
    if verify_key is None:
        raise InvalidInvite(Reason.UNKNOWN_KEY)
    try:
        verify_key.verify(DOMAIN + payload, signature)
    except (BadSignatureError, CryptoError, ValueError) as error:
        raise InvalidInvite(Reason.FORGED) from error
    if claims.assembly_id != expected_assembly:
        raise InvalidInvite(Reason.WRONG_ASSEMBLY)
    if expected_venue is not None and claims.venue_id != expected_venue:
        raise InvalidInvite(Reason.WRONG_VENUE)
    moment = _timestamp(now)
    if moment + leeway_seconds < claims.not_before:
        raise InvalidInvite(Reason.NOT_YET_VALID)
    if moment - leeway_seconds >= claims.not_after:
        raise InvalidInvite(Reason.EXPIRED)
    if claims.nonce in revoked:
        raise InvalidInvite(Reason.REVOKED)
    if claims.nonce in seen_nonces:
        raise InvalidInvite(Reason.ALREADY_SCANNED)
    return claims


def timestamp_to_datetime(value: int) -> datetime:
    return datetime.fromtimestamp(value, tz=UTC)


# --- short codes ----------------------------------------------------------------------------

# Crockford's base32: no I, L, O, U, so people cannot confuse 1/I/L or 0/O when typing.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_VALUE = {symbol: value for value, symbol in enumerate(CODE_ALPHABET)}
_CODE_ALIASES = {"I": "1", "L": "1", "O": "0"}
CODE_DATA_LENGTH = 15  # 75 bits: out of reach of guessing, even offline against code digests


def check_symbol(symbols: str) -> str:
    """Return the Luhn mod 32 check symbol: it catches every single typo and adjacent swap."""
    factor, total = 2, 0
    for symbol in reversed(symbols):
        addend = factor * _CODE_VALUE[symbol]
        total += addend // 32 + addend % 32
        factor = 1 if factor == 2 else 2
    return CODE_ALPHABET[(32 - total % 32) % 32]


def short_code(token: bytes) -> str:
    """Return the typable code of an invitation, derived from its whole token: XXXX-XXXX-XXXX-XXXX.

    The token includes its Ed25519 signature, which only the signing key can make, so the code is
    known only to those who hold the token (the invitee, and the server that can re-sign it). It is
    never derived from the nonce alone: nonces travel in revocation lists, door manifests and queue
    files, and a code computable from them would let a stolen manifest walk anyone in.
    """
    if len(token) != TOKEN_SIZE:
        raise ValueError("a short code is derived from a whole binary token")
    value = int.from_bytes(
        hashlib.blake2b(bytes(token), digest_size=10, person=b"solidarity-code2").digest(),
        "big",
    )
    value >>= 80 - 5 * CODE_DATA_LENGTH
    data = "".join(CODE_ALPHABET[(value >> (5 * index)) & 31] for index in reversed(range(CODE_DATA_LENGTH)))
    symbols = data + check_symbol(data)
    return "-".join(symbols[index : index + 4] for index in range(0, len(symbols), 4))


def normalize_code(text: str) -> str:
    """Return the canonical code for what a person typed, or raise `InvalidInvite` (malformed)."""
    cleaned = "".join(character for character in text.upper() if character not in " -\t")
    cleaned = "".join(_CODE_ALIASES.get(character, character) for character in cleaned)
    if len(cleaned) != CODE_DATA_LENGTH + 1 or any(character not in _CODE_VALUE for character in cleaned):
        raise InvalidInvite(Reason.MALFORMED, "not a code")
    if check_symbol(cleaned[:-1]) != cleaned[-1]:
        raise InvalidInvite(Reason.MALFORMED, "check symbol differs (typing error?)")
    return "-".join(cleaned[index : index + 4] for index in range(0, len(cleaned), 4))


def code_digest(code: str) -> str:
    """Return the digest of a canonical code that check-in manifests list instead of the code.

    SHA-256 (first 16 bytes), so the browser scanner can compute it with WebCrypto.
    """
    return hashlib.sha256(b"solidarity/code-digest\x00" + code.encode("ascii")).hexdigest()[:32]
