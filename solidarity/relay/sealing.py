"""Seal a sender's contact to the offline public key (PyNaCl sealed box): the server cannot open it."""

from __future__ import annotations

import base64

from nacl.public import PrivateKey, PublicKey, SealedBox


def seal(contact: str, public_key: PublicKey) -> bytes:
    """Encrypt a contact so that only the holder of the private key can read it."""
    return bytes(SealedBox(public_key).encrypt(contact.encode("utf-8")))


def unseal(sealed: bytes, private_key_b64: str) -> str:
    """Open a sealed contact with the offline private key (used off the server, and by tests)."""
    key = PrivateKey(base64.b64decode(private_key_b64))
    return SealedBox(key).decrypt(sealed).decode("utf-8")
