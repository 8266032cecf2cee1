"""The GO / ABORT signal: code-word commitments and bulletins co-signed by k of n coordinators.

Pure Python (no Django). A code word is committed days before by a slow hash (PBKDF2-HMAC-SHA256,
the same in the browser's SubtleCrypto and in Python), so anyone can check a word read aloud on
the air against the commitment offline, and guessing the word from the commitment costs time. A
bulletin is canonical JSON; each coordinator signs it with their own Ed25519 key; it is valid when
at least k distinct listed keys signed it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

from solidarity.core.text import fold_for_search

COMMITMENT_FORMAT = "solidarity-code-word/1"
BULLETIN_FORMAT = "solidarity-coordination-bulletin/1"
ITERATIONS = 200_000
KINDS = ("go", "abort")


class SignalError(ValueError):
    """Raised when a bulletin or a commitment is malformed."""


def normalize_word(word: str) -> str:
    """Fold a spoken word the way people may type it: Persian letters, case, digits, spaces."""
    return fold_for_search(word)


def _salt(campaign: str, kind: str) -> bytes:
    return f"{COMMITMENT_FORMAT}|{campaign}|{kind}".encode()


def commit_word(word: str, *, campaign: str, kind: str, iterations: int = ITERATIONS) -> str:
    """Return the hex commitment to a code word for one campaign and kind (go or abort)."""
    if kind not in KINDS:
        raise SignalError("kind must be go or abort")
    normalized = normalize_word(word)
    if len(normalized) < 3:
        raise SignalError("the code word is too short")
    digest = hashlib.pbkdf2_hmac("sha256", normalized.encode(), _salt(campaign, kind), iterations)
    return digest.hex()


def check_word(word: str, *, campaign: str, kind: str, commitment: str, iterations: int = ITERATIONS) -> bool:
    """Tell whether a word matches its published commitment."""
    try:
        candidate = commit_word(word, campaign=campaign, kind=kind, iterations=iterations)
    except SignalError:
        return False
    return hmac.compare_digest(candidate, commitment.strip().lower())


def canonical(document: Mapping[str, Any]) -> bytes:
    """Serialise a bulletin body the one way that is signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def bulletin_body(
    *, campaign: str, kind: str, action_date: str, title_en: str, title_fa: str, cells_reached: int, cells: int
) -> dict[str, Any]:
    if kind not in KINDS:
        raise SignalError("kind must be go or abort")
    return {
        "format": BULLETIN_FORMAT,
        "campaign": campaign,
        "kind": kind,
        "action_date": action_date,
        "title_en": title_en,
        "title_fa": title_fa,
        "cells_reached": cells_reached,
        "cells": cells,
    }


def key_id(public_key: bytes) -> str:
    """Return a short id of a coordinator's public key (first 16 hex digits of its SHA-256)."""
    return hashlib.sha256(public_key).hexdigest()[:16]


def sign(body: Mapping[str, Any], seed: bytes) -> tuple[str, str]:
    """Sign a body with an Ed25519 seed; return (key id, signature hex)."""
    key = SigningKey(seed)
    public = bytes(key.verify_key)
    return key_id(public), key.sign(canonical(body)).signature.hex()


KEY_PROOF_FORMAT = "solidarity-coordinator-key/1"


def key_proof_message(username: str) -> bytes:
    """What a coordinator signs to register a key made offline (proof they hold its seed)."""
    return f"{KEY_PROOF_FORMAT}|{username}".encode()


def public_key_of(seed: bytes) -> bytes:
    return bytes(SigningKey(seed).verify_key)


def sign_message(message: bytes, seed: bytes) -> str:
    """Sign raw bytes with an Ed25519 seed; return the signature hex (for key proofs)."""
    return SigningKey(seed).sign(message).signature.hex()


def signature_valid(message: bytes, signature_hex: str, public_key: bytes) -> bool:
    """Tell whether a hex Ed25519 signature over ``message`` verifies under ``public_key``."""
    try:
        VerifyKey(public_key).verify(message, bytes.fromhex(signature_hex.strip()))
    except (BadSignatureError, ValueError, TypeError):
        return False
    return True


@dataclass(frozen=True)
class Verdict:
    valid: bool
    signers: tuple[str, ...]  # key ids whose signatures verified
    needed: int


def verify(body: Mapping[str, Any], signatures: Mapping[str, str], *, keys: Sequence[bytes], threshold: int) -> Verdict:
    """Count the distinct listed keys whose signature over the body verifies; valid at threshold."""
    message = canonical(body)
    by_id = {key_id(key): key for key in keys}
    good = []
    for signer, signature_hex in sorted(signatures.items()):
        key = by_id.get(signer)
        if key is not None and signature_valid(message, signature_hex, key):
            good.append(signer)
    return Verdict(valid=threshold > 0 and len(good) >= threshold, signers=tuple(good), needed=threshold)
