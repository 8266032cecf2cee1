"""OpenPGP detached signatures by the bundle's Ed25519 key, for GnuPG, Sequoia and OpenKeychain (no Django).

The same offline Ed25519 key that signs `MANIFEST.json` (and its minisign copy) is presented as an
OpenPGP v4 certificate (RFC 9580: algorithm 22, EdDSALegacy on Ed25519) with a fixed creation time
and one User ID, self-signed; a bundle carries it as `openpgp.asc` and a detached signature of the
manifest as `MANIFEST.json.asc`, so `gpg --verify MANIFEST.json.asc MANIFEST.json` (after importing
the certificate), Sequoia's `sqv`/`sqop`, or OpenKeychain on a phone can check a bundle. The
certificate's fingerprint (`certificate_fingerprint`) is derived from the key alone, so it can be
published beside the Persian words and never changes while the key does not.

Why the packets are written here, signed with PyNaCl as minisign's are, rather than by an OpenPGP
library: the signature must come from the existing Ed25519 key the Persian words name, and a bundle
must stay reproducible byte for byte (the same key and manifest give the same signed zip, which is
how the server checks that an upload is the approved build). Tried 2026-12-06 (record and table:
docs/relay.md, `python -m evaluation.relay.openpgp_libraries`): pysequoia 0.1.35 (maintained) takes
the key but signs at the clock's time with a random salt notation; GnuPG needs the key imported
into a keyring and `--faked-system-time`; PGPy 0.6.0 does both and gives exactly our bytes (a test
holds its signatures as vectors) but is unmaintained since 2022 and breaks on Python 3.13. The
tests also check ours with GnuPG (`gpg`) and Sequoia (`sqv` or `sqop`) where installed.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

SIGNATURE_NAME = "MANIFEST.json.asc"
CERTIFICATE_NAME = "openpgp.asc"
USER_ID = "Solidarity relay bundle signing key"
# Fixed so that the certificate, and so its fingerprint, depend on the key alone. Signatures carry
# the bundle's day (never earlier than this: verifiers refuse a signature older than its key).
KEY_CREATED = int(datetime(2025, 1, 1, tzinfo=UTC).timestamp())

_VERSION = 4
_EDDSA_LEGACY = 22
_SHA512 = 10
_ED25519_OID = bytes.fromhex("2b06010401da470f01")  # 1.3.6.1.4.1.11591.15.1
_BINARY_DOCUMENT = 0x00
_POSITIVE_CERTIFICATION = 0x13
_TAG_SIGNATURE = 2
_TAG_PUBLIC_KEY = 6
_TAG_USER_ID = 13
_SUB_CREATED = 2
_SUB_ISSUER = 16
_SUB_PREFERRED_HASHES = 21
_SUB_KEY_FLAGS = 27
_SUB_FEATURES = 30
_SUB_ISSUER_FINGERPRINT = 33
_CERTIFY_AND_SIGN = 0x03


class OpenPGPError(Exception):
    """An OpenPGP signature or certificate is malformed or does not verify."""


# --- encoding --------------------------------------------------------------------------------


def _mpi(value: bytes) -> bytes:
    stripped = value.lstrip(b"\0")
    bits = (len(stripped) - 1) * 8 + stripped[0].bit_length() if stripped else 0
    return bits.to_bytes(2, "big") + stripped


def _packet(tag: int, body: bytes) -> bytes:
    """Return a packet in the new format (RFC 9580 section 4.2)."""
    length = len(body)
    if length < 192:
        header = bytes([length])
    elif length < 8384:
        header = bytes([((length - 192) >> 8) + 192, (length - 192) & 0xFF])
    else:
        header = b"\xff" + length.to_bytes(4, "big")
    return bytes([0xC0 | tag]) + header + body


def _subpacket(kind: int, data: bytes) -> bytes:
    return bytes([len(data) + 1, kind]) + data  # every subpacket here is shorter than 191 bytes


def _crc24(data: bytes) -> int:
    crc = 0xB704CE
    for byte in data:
        crc ^= byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def _armor(kind: str, data: bytes) -> str:
    body = base64.b64encode(data).decode()
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    checksum = base64.b64encode(_crc24(data).to_bytes(3, "big")).decode()
    return f"-----BEGIN PGP {kind}-----\n\n" + "\n".join(lines) + f"\n={checksum}\n-----END PGP {kind}-----\n"


def _dearmor(kind: str, text: str) -> bytes:
    """Read armor as `_armor` writes it, and nothing else (no headers, no other line lengths)."""
    data = _read_armor(kind, text)
    if text != _armor(kind, data):
        raise OpenPGPError(f"the armored PGP {kind.lower()} is not written as this module writes it")
    return data


def _read_armor(kind: str, text: str) -> bytes:
    lines = text.strip().splitlines()
    if not lines or lines[0] != f"-----BEGIN PGP {kind}-----" or lines[-1] != f"-----END PGP {kind}-----":
        raise OpenPGPError(f"not an armored PGP {kind.lower()}")
    body = [line for line in lines[1:-1] if line and ":" not in line]
    checksum = body.pop() if body and body[-1].startswith("=") else None
    try:
        data = base64.b64decode("".join(body), validate=True)
        if checksum is not None and base64.b64decode(checksum[1:], validate=True) != _crc24(data).to_bytes(3, "big"):
            raise OpenPGPError("the armor checksum does not match")
    except ValueError as error:
        raise OpenPGPError("not base64") from error
    return data


# --- keys ------------------------------------------------------------------------------------


def _public_key_body(public_key: bytes) -> bytes:
    return (
        bytes([_VERSION])
        + KEY_CREATED.to_bytes(4, "big")
        + bytes([_EDDSA_LEGACY, len(_ED25519_OID)])
        + _ED25519_OID
        + _mpi(b"\x40" + public_key)  # 0x40: the native point encoding
    )


def _key_hash_prefix(public_key: bytes) -> bytes:
    body = _public_key_body(public_key)
    return b"\x99" + len(body).to_bytes(2, "big") + body


def fingerprint(public_key: bytes) -> bytes:
    """Return the v4 fingerprint (20 bytes) of the certificate made from a raw Ed25519 key."""
    return hashlib.sha1(_key_hash_prefix(public_key), usedforsecurity=False).digest()


def certificate_fingerprint(public_key: bytes) -> str:
    """Return the fingerprint as OpenPGP tools print it (40 hex digits, upper case, in groups of four)."""
    digits = fingerprint(public_key).hex().upper()
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


# --- signatures ------------------------------------------------------------------------------


def _hashed_subpackets(public_key: bytes, created: int, *, certification: bool) -> bytes:
    packets = _subpacket(_SUB_CREATED, created.to_bytes(4, "big")) + _subpacket(
        _SUB_ISSUER_FINGERPRINT, bytes([_VERSION]) + fingerprint(public_key)
    )
    if certification:
        packets += (
            _subpacket(_SUB_KEY_FLAGS, bytes([_CERTIFY_AND_SIGN]))
            + _subpacket(_SUB_PREFERRED_HASHES, bytes([_SHA512]))
            + _subpacket(_SUB_FEATURES, b"\x01")  # modification detection
        )
    return packets


def _signature_packet(prefix: bytes, kind: int, hashed: bytes, key: SigningKey) -> bytes:
    """Return a v4 signature packet by `key` over `prefix` (the signed data, already framed)."""
    public_key = bytes(key.verify_key)
    head = bytes([_VERSION, kind, _EDDSA_LEGACY, _SHA512]) + len(hashed).to_bytes(2, "big") + hashed
    digest = hashlib.sha512(prefix + head + b"\x04\xff" + len(head).to_bytes(4, "big")).digest()
    signature = key.sign(digest).signature  # EdDSALegacy signs the digest; Ed25519 is deterministic
    unhashed = _subpacket(_SUB_ISSUER, fingerprint(public_key)[-8:])
    body = head + len(unhashed).to_bytes(2, "big") + unhashed + digest[:2] + _mpi(signature[:32]) + _mpi(signature[32:])
    return _packet(_TAG_SIGNATURE, body)


def certificate(key: SigningKey) -> str:
    """Return the armored public certificate (`openpgp.asc`) of a signing key: key, User ID, self-signature."""
    public_key = bytes(key.verify_key)
    user_id = USER_ID.encode()
    prefix = _key_hash_prefix(public_key) + b"\xb4" + len(user_id).to_bytes(4, "big") + user_id
    hashed = _hashed_subpackets(public_key, KEY_CREATED, certification=True)
    packets = (
        _packet(_TAG_PUBLIC_KEY, _public_key_body(public_key))
        + _packet(_TAG_USER_ID, user_id)
        + _signature_packet(prefix, _POSITIVE_CERTIFICATION, hashed, key)
    )
    return _armor("PUBLIC KEY BLOCK", packets)


def _signature_time(day: date | None) -> int:
    if day is None:
        return KEY_CREATED
    return max(KEY_CREATED, int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()))


def sign(data: bytes, key: SigningKey, *, day: date | None) -> str:
    """Return an armored detached signature of `data`, dated at the start of `day` (UTC) for reproducibility."""
    hashed = _hashed_subpackets(bytes(key.verify_key), _signature_time(day), certification=False)
    return _armor("SIGNATURE", _signature_packet(data, _BINARY_DOCUMENT, hashed, key))


@dataclass(frozen=True, slots=True)
class Checked:
    fingerprint: str  # as `certificate_fingerprint` prints it
    created: int  # the signature's time, seconds since 1970


def _check_signature(
    packet: bytes, prefix: bytes, kind: int, public_key: bytes, *, certification: bool, created: int | None
) -> int:
    """Check one signature packet as `_signature_packet` writes it; return its time."""
    if len(packet) < 2 or packet[0] != 0xC0 | _TAG_SIGNATURE or packet[1] >= 192 or packet[1] != len(packet) - 2:
        raise OpenPGPError("not one signature packet")
    body = packet[2:]
    if body[:4] != bytes([_VERSION, kind, _EDDSA_LEGACY, _SHA512]):
        raise OpenPGPError("not a v4 EdDSA SHA-512 signature of the expected kind")
    hashed_length = int.from_bytes(body[4:6], "big")
    head = body[: 6 + hashed_length]
    hashed = head[6:]
    when = int.from_bytes(hashed[2:6], "big") if created is None else created
    if hashed != _hashed_subpackets(public_key, when, certification=certification):
        raise OpenPGPError("the signature's hashed data is not this key's")
    rest = body[6 + hashed_length :]
    unhashed_end = 2 + int.from_bytes(rest[:2], "big")
    # The unhashed subpackets (the issuer) are outside the signature: held to what `sign` writes,
    # so a bundle's signature files cannot vary at all.
    if rest[2:unhashed_end] != _subpacket(_SUB_ISSUER, fingerprint(public_key)[-8:]):
        raise OpenPGPError("unexpected unsigned data in the signature")
    rest = rest[unhashed_end:]
    digest = hashlib.sha512(prefix + head + b"\x04\xff" + len(head).to_bytes(4, "big")).digest()
    if rest[:2] != digest[:2]:
        raise OpenPGPError("the signature does not verify")
    values, offset = [], 2
    for _ in range(2):
        size = (int.from_bytes(rest[offset : offset + 2], "big") + 7) // 8
        values.append(rest[offset + 2 : offset + 2 + size].rjust(32, b"\0"))
        offset += 2 + size
    if offset != len(rest) or any(len(value) != 32 for value in values):
        raise OpenPGPError("malformed signature values")
    try:
        VerifyKey(public_key).verify(digest, values[0] + values[1])
    except BadSignatureError as error:
        raise OpenPGPError("the signature does not verify") from error
    return when


def verify(data: bytes, signature_text: str, public_key: bytes) -> Checked:
    """Check a detached signature written by `sign` against `data` and the raw Ed25519 key."""
    packet = _dearmor("SIGNATURE", signature_text)
    created = _check_signature(packet, data, _BINARY_DOCUMENT, public_key, certification=False, created=None)
    return Checked(certificate_fingerprint(public_key), created)


def verify_certificate(text: str, public_key: bytes) -> str:
    """Check that an armored certificate is the one `certificate` makes for this key; return its fingerprint."""
    packets = _dearmor("PUBLIC KEY BLOCK", text)
    key_packet = _packet(_TAG_PUBLIC_KEY, _public_key_body(public_key))
    user_id = USER_ID.encode()
    user_id_packet = _packet(_TAG_USER_ID, user_id)
    if not packets.startswith(key_packet + user_id_packet):
        raise OpenPGPError("the certificate holds another key or User ID")
    prefix = _key_hash_prefix(public_key) + b"\xb4" + len(user_id).to_bytes(4, "big") + user_id
    signature = packets[len(key_packet) + len(user_id_packet) :]
    _check_signature(signature, prefix, _POSITIVE_CERTIFICATION, public_key, certification=True, created=KEY_CREATED)
    return certificate_fingerprint(public_key)
