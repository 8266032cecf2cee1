"""The voter's side in Python: what the browser booth does, for tests, the demo and the benchmark.

A voter makes an Ed25519 key pair (their credential key), prepares its public key as the RFC 9474
message (a 32-byte random prefix, then the key: the 64-byte *credential*), blinds it for the
election's signing key, unblinds the server's blind signature, seals the ballot to the election's
ballot key and signs (definition hash, ciphertext) with the credential key; the first cast also
carries the elector's cast declaration, signed with their voting key. On the server these
functions are only used to build demo data and test data; real voters run the same steps in their
browser.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from solidarity.elections import ballots, blind, voting_key
from solidarity.elections.record import CastBallot, ballot_message


@dataclass(frozen=True)
class PendingPass:
    """A credential waiting for its signature, the secret to unblind it, and the voter's key."""

    credential: bytes
    blinded_message: bytes
    inverse: bytes
    voter_key: Ed25519PrivateKey


@dataclass(frozen=True)
class VotingPass:
    """What the voter keeps to cast (and recast): the credential, its signature, the key, and the declaration.

    ``elector`` and ``declaration`` (the voting key's cast declaration) go with the first cast.
    """

    credential: bytes
    signature: bytes
    voter_key: Ed25519PrivateKey
    elector: str = ""
    declaration: bytes = b""


def start_pass(signing_key: rsa.RSAPublicKey, *, voter_key: Ed25519PrivateKey | None = None) -> PendingPass:
    """Make a credential key pair, prepare its public key (RFC 9474 prefix) and blind it."""
    key = voter_key if voter_key is not None else Ed25519PrivateKey.generate()
    credential = blind.prepare(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
    blinding = blind.blind(signing_key, credential)
    return PendingPass(
        credential=credential, blinded_message=blinding.blinded_message, inverse=blinding.inverse, voter_key=key
    )


def finish_pass(signing_key: rsa.RSAPublicKey, pending: PendingPass, blind_signature: bytes) -> VotingPass:
    """Unblind and check the signature; return the voting pass."""
    signature = blind.finalize(signing_key, pending.credential, blind_signature, pending.inverse)
    return VotingPass(credential=pending.credential, signature=signature, voter_key=pending.voter_key)


def declare(voting_pass: VotingPass, *, elector: str, key: Ed25519PrivateKey, definition_hash: str) -> VotingPass:
    """Add the elector's cast declaration, signed with their voting key (``key``), to a pass."""
    return replace(voting_pass, elector=elector, declaration=voting_key.sign_cast_declaration(key, definition_hash))


def sign_ciphertext(voting_pass: VotingPass, definition_hash: str, ciphertext: bytes) -> CastBallot:
    """Sign sealed bytes with the credential key and bundle them for the cast endpoint."""
    return CastBallot(
        credential=voting_pass.credential,
        credential_signature=voting_pass.signature,
        ciphertext=ciphertext,
        ballot_signature=voting_pass.voter_key.sign(ballot_message(definition_hash, ciphertext)),
    )


def cast(
    voting_pass: VotingPass,
    definition_hash: str,
    ballot_key: bytes,
    content: dict[str, Any],
    *,
    layout: ballots.Layout,
) -> CastBallot:
    """Seal the ballot content in the election's layout and sign it, ready for the cast endpoint."""
    return sign_ciphertext(voting_pass, definition_hash, ballots.seal(ballot_key, layout, content))
