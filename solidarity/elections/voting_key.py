"""Delegates' voting keys: the voting code, the Ed25519 key derived from it, and signed pass requests.

A delegate makes a *voting code* in their own browser and writes it down; the server only ever
receives the public key derived from it. The frozen definition lists each elector's public key,
and every pass request is signed with the private key over (definition hash, blinded message), so
an issuance the delegate never asked for cannot carry a valid signature; and every ballot cast
with a new credential comes with the elector's *cast declaration*, a signature over the definition
hash alone, so the box can hold no ballot that no elector declared (docs/elections.md, "Voting
keys"). Pure Python: hashlib and `cryptography`'s Ed25519 (RFC 8032 keys from a seed, as
libsodium's `crypto_sign_seed_keypair` makes them).
"""

from __future__ import annotations

import hashlib
import secrets

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from solidarity.assemblies.invitations import CODE_ALPHABET, check_symbol

KEY_DOMAIN = b"solidarity-voting-key/1\x00"
PASS_REQUEST_DOMAIN = b"solidarity-pass-request/1\x00"
CAST_DECLARATION_DOMAIN = b"solidarity-cast-declaration/1\x00"
CODE_DATA_SYMBOLS = 31  # 155 bits of Crockford base32, then one check symbol: 32 symbols, XXXX-XXXX-…
PUBLIC_KEY_LENGTH = 32
SIGNATURE_LENGTH = 64
_ALIASES = {"I": "1", "L": "1", "O": "0"}


class InvalidVotingCodeError(ValueError):
    """Raised when a typed voting code is not 32 symbols of the alphabet with a right check symbol."""


def new_code() -> str:
    """Return a fresh voting code (only tests, the demo and the benchmark make codes on the server)."""
    data = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_DATA_SYMBOLS))
    return _grouped(data + check_symbol(data))


def _grouped(symbols: str) -> str:
    return "-".join(symbols[index : index + 4] for index in range(0, len(symbols), 4))


def normalize_code(text: str) -> str:
    """Return the canonical form (upper case, hyphen every four symbols) of a typed voting code."""
    cleaned = "".join(character for character in text.upper() if character not in " -\t\r\n")
    cleaned = "".join(_ALIASES.get(character, character) for character in cleaned)
    if len(cleaned) != CODE_DATA_SYMBOLS + 1 or any(character not in CODE_ALPHABET for character in cleaned):
        raise InvalidVotingCodeError("a voting code is 32 symbols")
    if check_symbol(cleaned[:-1]) != cleaned[-1]:
        raise InvalidVotingCodeError("the check symbol differs (a typing error?)")
    return _grouped(cleaned)


def seed(code: str) -> bytes:
    """Return the 32-byte Ed25519 seed: SHA-512(domain ‖ the 32 symbols, ASCII, no hyphens)[:32]."""
    symbols = normalize_code(code).replace("-", "")
    return hashlib.sha512(KEY_DOMAIN + symbols.encode("ascii")).digest()[:32]


def private_key(code: str) -> Ed25519PrivateKey:
    """Return the voting key a code gives (libsodium: `crypto_sign_seed_keypair(seed(code))`)."""
    return Ed25519PrivateKey.from_private_bytes(seed(code))


def public_key(code: str) -> bytes:
    """Return the raw 32-byte public voting key a code gives."""
    return raw_public_key(private_key(code))


def raw_public_key(key: Ed25519PrivateKey) -> bytes:
    """Return a private key's raw 32-byte public half."""
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def pass_request_message(definition_hash: str, blinded_message: bytes) -> bytes:
    """Return the bytes a voter signs to ask for a pass: domain ‖ definition hash (32 raw) ‖ blinded message."""
    return PASS_REQUEST_DOMAIN + bytes.fromhex(definition_hash) + blinded_message


def sign_pass_request(key: Ed25519PrivateKey, definition_hash: str, blinded_message: bytes) -> bytes:
    """Sign a pass request with the voting key."""
    return key.sign(pass_request_message(definition_hash, blinded_message))


def is_valid_pass_request(key: bytes, definition_hash: str, blinded_message: bytes, signature: bytes) -> bool:
    """Tell whether ``signature`` is the voting key's signature over this pass request."""
    if len(key) != PUBLIC_KEY_LENGTH or len(signature) != SIGNATURE_LENGTH:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(key).verify(
            signature, pass_request_message(definition_hash, blinded_message)
        )
    except (InvalidSignature, ValueError):
        return False
    return True


def cast_declaration_message(definition_hash: str) -> bytes:
    """Return the bytes a voter signs to declare a cast: domain ‖ definition hash (32 raw bytes).

    Nothing of the ballot is in it, so the published declarations cannot be matched to ballots;
    the verifier only counts them against the box (docs/elections.md, "Cast declarations").
    """
    return CAST_DECLARATION_DOMAIN + bytes.fromhex(definition_hash)


def sign_cast_declaration(key: Ed25519PrivateKey, definition_hash: str) -> bytes:
    """Sign the cast declaration with the voting key (the booth does it when it takes the pass)."""
    return key.sign(cast_declaration_message(definition_hash))


def is_valid_cast_declaration(key: bytes, definition_hash: str, signature: bytes) -> bool:
    """Tell whether ``signature`` is the voting key's cast declaration for this election."""
    if len(key) != PUBLIC_KEY_LENGTH or len(signature) != SIGNATURE_LENGTH:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(key).verify(signature, cast_declaration_message(definition_hash))
    except (InvalidSignature, ValueError):
        return False
    return True
