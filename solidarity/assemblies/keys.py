"""The invitation signing key and the public keys that verifiers accept.

The private key comes from SOLIDARITY_INVITE_SIGNING_KEY (base64 of a 32-byte Ed25519 seed); on
the embedded setup it is created once and kept in the data directory like the other secrets.
SOLIDARITY_INVITE_PUBLIC_KEYS lists earlier public keys (base64, comma-separated) that verifiers
still accept after a rotation.
"""

from __future__ import annotations

import base64
from functools import cache

from django.conf import settings

from solidarity.assemblies.invitations import Keyring, Signer
from solidarity.settings import env

SIGNING_KEY_VARIABLE = "SOLIDARITY_INVITE_SIGNING_KEY"
PUBLIC_KEYS_VARIABLE = "SOLIDARITY_INVITE_PUBLIC_KEYS"


class SigningKeyMissingError(RuntimeError):
    """Production runs without an invitation signing key in the environment."""


@cache
def current_signer() -> Signer:
    """Return the key that signs new invitations."""
    value = env.text(SIGNING_KEY_VARIABLE)
    if not value:
        if getattr(settings, "IS_PRODUCTION", False):
            raise SigningKeyMissingError(f"{SIGNING_KEY_VARIABLE} must be set in production")
        value = env.persisted_secret(
            settings.DATA_DIR, f".{SIGNING_KEY_VARIABLE.lower()}", lambda: Signer.generate().seed_base64()
        )
    return Signer.from_base64(value)


def published_keyring() -> Keyring:
    """Return every public key verifiers accept: the current one and the listed earlier ones."""
    keyring = Keyring([current_signer().public_key])
    for item in env.items(PUBLIC_KEYS_VARIABLE, []):
        keyring.add(base64.b64decode(item, validate=True))
    return keyring


def signer_for(key_id: int) -> Signer | None:
    """Return the private key behind a key id, when this server still holds it."""
    signer = current_signer()
    return signer if signer.key_id == key_id else None
