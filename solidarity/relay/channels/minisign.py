"""minisign signatures with PyNaCl, so people inside can check a bundle with the `minisign` tool (no Django).

The format (https://jedisct1.github.io/minisign/): a public key is the line
`untrusted comment: ...` then base64 of `"Ed" || key id (8 bytes) || Ed25519 public key`; a
signature is `untrusted comment: ...`, base64 of `"ED" || key id || Ed25519 signature of
BLAKE2b-512(file)`, `trusted comment: ...` and base64 of the Ed25519 signature of
`signature || trusted comment`. The key id is the first 8 bytes of SHA-256 of the public key, so
the same key always gives the same files (bundles stay reproducible byte for byte).
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

_PUBLIC_ALG = b"Ed"
_PREHASHED = b"ED"
_LEGACY = b"Ed"


class MinisignError(Exception):
    """A minisign key or signature is malformed or does not verify."""


def key_id(public_key: bytes) -> bytes:
    """Return the 8-byte key id: derived from the key, so it never varies."""
    return hashlib.sha256(public_key).digest()[:8]


def _id_text(identifier: bytes) -> str:
    return identifier[::-1].hex().upper()  # minisign prints the little-endian id as a number


def key_id_text(public_key: bytes) -> str:
    """Return the key id as minisign prints it (16 hex digits)."""
    return _id_text(key_id(public_key))


def untrusted_comment(public_key: bytes) -> str:
    """Return the first line this module writes in a signature by that key."""
    return f"untrusted comment: signature from solidarity relay key {key_id_text(public_key)}"


def public_key_file(verify_key: VerifyKey) -> str:
    """Return the text of a `minisign.pub` file for an Ed25519 public key."""
    raw = bytes(verify_key)
    identifier = key_id(raw)
    blob = base64.b64encode(_PUBLIC_ALG + identifier + raw).decode()
    return f"untrusted comment: minisign public key {_id_text(identifier)}\n{blob}\n"


def sign(data: bytes, key: SigningKey, *, trusted_comment: str) -> str:
    """Return the text of a `.minisig` file for `data` (pre-hashed with BLAKE2b-512)."""
    if "\n" in trusted_comment or "\r" in trusted_comment:
        raise MinisignError("a trusted comment is one line")
    identifier = key_id(bytes(key.verify_key))
    signature = key.sign(hashlib.blake2b(data, digest_size=64).digest()).signature
    global_signature = key.sign(signature + trusted_comment.encode()).signature
    return (
        f"{untrusted_comment(bytes(key.verify_key))}\n"
        f"{base64.b64encode(_PREHASHED + identifier + signature).decode()}\n"
        f"trusted comment: {trusted_comment}\n"
        f"{base64.b64encode(global_signature).decode()}\n"
    )


@dataclass(frozen=True, slots=True)
class Checked:
    key_id: str
    trusted_comment: str


def _decode(line: str, size: int) -> bytes:
    try:
        raw = base64.b64decode(line.strip(), validate=True)
    except ValueError as error:
        raise MinisignError("not base64") from error
    if len(raw) != size:
        raise MinisignError("wrong length")
    return raw


def verify(data: bytes, signature_file: str, public_key_text: str) -> Checked:
    """Check a `.minisig` against `data` and a `minisign.pub`, as `minisign -V` does."""
    public_lines = [line for line in public_key_text.splitlines() if line.strip()]
    lines = signature_file.splitlines()
    if len(public_lines) < 2 or len(lines) < 4 or not lines[2].startswith("trusted comment: "):
        raise MinisignError("malformed key or signature file")
    public = _decode(public_lines[1], 42)
    blob = _decode(lines[1], 74)
    global_signature = _decode(lines[3], 64)
    if public[:2] != _PUBLIC_ALG or blob[2:10] != public[2:10]:
        raise MinisignError("signed by another key")
    verify_key = VerifyKey(public[10:])
    signature = blob[10:]
    message = hashlib.blake2b(data, digest_size=64).digest() if blob[:2] == _PREHASHED else data
    if blob[:2] not in {_PREHASHED, _LEGACY}:
        raise MinisignError("unknown signature algorithm")
    trusted = lines[2].removeprefix("trusted comment: ")
    try:
        verify_key.verify(message, signature)
        verify_key.verify(signature + trusted.encode(), global_signature)
    except BadSignatureError as error:
        raise MinisignError("the signature does not verify") from error
    return Checked(_id_text(public[2:10]), trusted)
