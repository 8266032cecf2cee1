"""The voter's side in Python: what the browser booth does, for tests, the demo and the benchmark.

A voter makes a random token, blinds it for the election's signing key, unblinds the server's
blind signature, and seals the ballot to the election's ballot key. On the server these functions
are only used to build demo data; real voters run the same steps in their browser.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric import rsa

from solidarity.elections import ballots, blind
from solidarity.elections.record import CastBallot


@dataclass(frozen=True)
class PendingToken:
    """A prepared token and the secret needed to unblind its signature."""

    token: bytes
    blinded_message: bytes
    inverse: bytes


def start_token(signing_key: rsa.RSAPublicKey) -> PendingToken:
    """Make a random 32-byte message, prepare it (RFC 9474 prefix) and blind it."""
    token = blind.prepare(secrets.token_bytes(32))
    blinding = blind.blind(signing_key, token)
    return PendingToken(token=token, blinded_message=blinding.blinded_message, inverse=blinding.inverse)


def finish_token(signing_key: rsa.RSAPublicKey, pending: PendingToken, blind_signature: bytes) -> bytes:
    """Unblind and check the signature; return the signature over the token."""
    return blind.finalize(signing_key, pending.token, blind_signature, pending.inverse)


def cast(token: bytes, signature: bytes, ballot_key: bytes, content: dict[str, Any]) -> CastBallot:
    """Seal the ballot content and bundle it with the token and signature for the cast endpoint."""
    return CastBallot(token=token, signature=signature, ciphertext=ballots.seal(ballot_key, content))
