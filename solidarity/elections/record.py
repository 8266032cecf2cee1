"""The public election record: its format, its construction, and a verifier that needs nothing else.

A record is one canonical JSON document (sorted keys, no spaces, UTF-8). It carries the frozen
definition and its hash, the display names of the delegates who received a blind signature, every
ballot (token, signature, sealed ballot, receipt) sorted by receipt, the election private key the
trustees reconstructed, the result, and an Ed25519 signature by the record key named in the
definition. ``verify`` recomputes every claim from these bytes alone. See docs/elections.md.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from solidarity.elections import ballots as ballot_crypto
from solidarity.elections import blind, tally
from solidarity.elections.ballots import canonical_json

RECORD_FORMAT = "solidarity-election-record/1"
DEFINITION_FORMAT = "solidarity-election-definition/1"
# Ties: the most recent earlier stage where the tied candidates differ (rules 49 and 51), then the
# published lot (tally.lot_order). The only rule the counter implements, so the only one accepted.
TIE_BREAK = "scottish-history-then-lot"
TOKEN_LENGTH = 64  # 32-byte RFC 9474 prefix + 32 random bytes made by the browser
MAX_RECORD_BYTES = 200 * 1024 * 1024


class RecordFormatError(ValueError):
    """Raised when a record or definition does not have the documented shape."""


@dataclass(frozen=True)
class Failure:
    """One failed check of a record: a stable code and a sentence saying exactly what failed."""

    code: str
    message: str


@dataclass(frozen=True)
class CandidateEntry:
    """A candidate as the definition names them."""

    id: str
    name_en: str
    name_fa: str
    attributes: dict[str, frozenset[str]]


@dataclass(frozen=True)
class Definition:
    """A parsed, frozen election definition."""

    raw: dict[str, Any]
    rule: str
    seats: int
    candidates: tuple[CandidateEntry, ...]
    constraints: tuple[tally.Constraint, ...]
    threshold: str
    electorate: tuple[str, ...]
    blind_key: bytes
    ballot_key: bytes
    record_key: bytes

    @property
    def candidate_ids(self) -> list[str]:
        """Return the candidate ids in definition order."""
        return [c.id for c in self.candidates]


@dataclass(frozen=True)
class CastBallot:
    """One ballot as published: the unblinded token, its signature and the sealed ballot."""

    token: bytes
    signature: bytes
    ciphertext: bytes

    @property
    def receipt(self) -> str:
        """Return the voter's receipt: SHA-256 of the token, hex."""
        return receipt_for(self.token)


@dataclass(frozen=True)
class Record:
    """A parsed record."""

    raw: dict[str, Any]
    definition: Definition
    definition_hash: str
    recipients: tuple[str, ...]
    ballots: tuple[CastBallot, ...]
    receipts: tuple[str, ...]
    private_key: bytes
    result: dict[str, Any]
    record_signature: bytes


def receipt_for(token: bytes) -> str:
    """Return the receipt for a token (hex SHA-256)."""
    return hashlib.sha256(token).hexdigest()


def definition_hash(definition: dict[str, Any]) -> str:
    """Hash a definition: hex SHA-256 of its canonical JSON."""
    return hashlib.sha256(canonical_json(definition)).hexdigest()


def b64(data: bytes) -> str:
    """Encode bytes as standard base64 with padding (the record's binary encoding)."""
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any, what: str) -> bytes:
    if not isinstance(value, str):
        raise RecordFormatError(f"{what} is not a base64 string")
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as error:
        raise RecordFormatError(f"{what} is not valid base64") from error


def _require(mapping: Any, key: str, kind: type | tuple[type, ...], what: str) -> Any:
    if not isinstance(mapping, dict):
        raise RecordFormatError(f"{what} is not an object")
    if key not in mapping:
        raise RecordFormatError(f"{what} lacks {key!r}")
    value = mapping[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise RecordFormatError(f"{what}.{key} has the wrong type")
    return value


def _string_list(value: Any, what: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RecordFormatError(f"{what} is not a list of strings")
    return list(value)


def parse_definition(raw: Any) -> Definition:
    """Parse a definition dict, raising RecordFormatError on any deviation from the format."""
    if _require(raw, "format", str, "definition") != DEFINITION_FORMAT:
        raise RecordFormatError("unknown definition format")
    rule = _require(raw, "rule", str, "definition")
    if rule not in tally.RULES:
        raise RecordFormatError("unknown counting rule")
    seats = _require(raw, "seats", int, "definition")
    candidates: list[CandidateEntry] = []
    for entry in _require(raw, "candidates", list, "definition"):
        attributes_raw = _require(entry, "attributes", dict, "candidate")
        attributes = {str(k): frozenset(_string_list(v, "candidate attribute")) for k, v in attributes_raw.items()}
        candidates.append(
            CandidateEntry(
                id=_require(entry, "id", str, "candidate"),
                name_en=_require(entry, "name_en", str, "candidate"),
                name_fa=_require(entry, "name_fa", str, "candidate"),
                attributes=attributes,
            )
        )
    if len({c.id for c in candidates}) != len(candidates):
        raise RecordFormatError("candidate ids repeat")
    if rule != "motion" and not 1 <= seats <= len(candidates):
        raise RecordFormatError("seats out of range")
    constraints: list[tally.Constraint] = []
    for entry in _require(raw, "constraints", list, "definition"):
        kind = _require(entry, "kind", str, "constraint")
        if kind not in ("min", "max"):
            raise RecordFormatError("constraint kind must be min or max")
        value = entry.get("value") if isinstance(entry, dict) else None
        if value is not None and not isinstance(value, str):
            raise RecordFormatError("constraint value must be a string or null")
        limit = _require(entry, "limit", int, "constraint")
        if limit < 0:
            raise RecordFormatError("constraint limit is negative")
        constraints.append(
            tally.Constraint(
                kind="min" if kind == "min" else "max",
                attribute=_require(entry, "attribute", str, "constraint"),
                value=value,
                limit=limit,
            )
        )
    if constraints and rule != "scottish-stv":
        raise RecordFormatError("constraints apply to STV elections only")
    if _require(raw, "tie_break", str, "definition") != TIE_BREAK:
        raise RecordFormatError(f"unknown tie-break rule (this verifier knows {TIE_BREAK!r})")
    threshold = _require(raw, "threshold", str, "definition")
    if rule == "motion":
        try:
            tally.parse_threshold(threshold)
        except tally.CountError as error:
            raise RecordFormatError(str(error)) from error
    keys = _require(raw, "keys", dict, "definition")
    return Definition(
        raw=raw,
        rule=rule,
        seats=seats,
        candidates=tuple(candidates),
        constraints=tuple(constraints),
        threshold=threshold,
        electorate=tuple(_string_list(_require(raw, "electorate", list, "definition"), "electorate")),
        blind_key=_unb64(_require(keys, "blind_signing", str, "keys"), "keys.blind_signing"),
        ballot_key=_unb64(_require(keys, "ballot", str, "keys"), "keys.ballot"),
        record_key=_unb64(_require(keys, "record", str, "keys"), "keys.record"),
    )


def parse_record(data: bytes | str | dict[str, Any]) -> Record:
    """Parse a record from bytes, text or a decoded dict; RecordFormatError on any bad shape."""
    if isinstance(data, dict):
        raw: Any = data
    else:
        if len(data) > MAX_RECORD_BYTES:
            raise RecordFormatError("record too large")
        try:
            raw = json.loads(data)
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
            raise RecordFormatError("record is not JSON") from error
    if _require(raw, "format", str, "record") != RECORD_FORMAT:
        raise RecordFormatError("unknown record format")
    definition = parse_definition(_require(raw, "definition", dict, "record"))
    cast: list[CastBallot] = []
    receipts: list[str] = []
    for entry in _require(raw, "ballots", list, "record"):
        cast.append(
            CastBallot(
                token=_unb64(_require(entry, "token", str, "ballot"), "ballot.token"),
                signature=_unb64(_require(entry, "signature", str, "ballot"), "ballot.signature"),
                ciphertext=_unb64(_require(entry, "ciphertext", str, "ballot"), "ballot.ciphertext"),
            )
        )
        receipts.append(_require(entry, "receipt", str, "ballot"))
    return Record(
        raw=raw,
        definition=definition,
        definition_hash=_require(raw, "definition_hash", str, "record"),
        recipients=tuple(_string_list(_require(raw, "signature_recipients", list, "record"), "recipients")),
        ballots=tuple(cast),
        receipts=tuple(receipts),
        private_key=_unb64(_require(raw, "election_private_key", str, "record"), "election_private_key"),
        result=_require(raw, "result", dict, "record"),
        record_signature=_unb64(_require(raw, "record_signature", str, "record"), "record_signature"),
    )


def compute_result(definition: Definition, plaintexts: list[dict[str, Any] | None], *, seed: str) -> dict[str, Any]:
    """Count decrypted ballots (None for one that did not decrypt) as the definition says."""
    ids = definition.candidate_ids
    contents = [tally.read_ballot(definition.rule, p, ids) if p is not None else None for p in plaintexts]
    valid = [c for c in contents if c is not None]
    spoilt = len(contents) - len(valid)
    if definition.rule == "scottish-stv":
        infos = [tally.CandidateInfo(c.id, c.attributes) for c in definition.candidates]
        stv = tally.scottish_stv(valid, infos, definition.seats, constraints=definition.constraints, seed=seed)
        return {
            "rule": definition.rule,
            "valid": stv.valid,
            "spoilt": spoilt,
            "quota": stv.quota,
            "elected": stv.elected,
            "lot_used": stv.lot_used,
            "stages": [asdict(stage) for stage in stv.stages],
        }
    if definition.rule in ("equal-shares", "pav"):
        approval = tally.approval_committee(
            valid,
            ids,
            definition.seats,
            rule="equal-shares" if definition.rule == "equal-shares" else "pav",
            seed=seed,
        )
        return {
            "rule": definition.rule,
            "valid": len(valid),  # a blank approval ballot is valid: it approves nobody
            "spoilt": spoilt,
            "elected": approval.elected,
            "approvals": approval.approvals,
        }
    motion = tally.count_motion(valid, definition.threshold)
    return {
        "rule": "motion",
        "valid": len(valid),
        "spoilt": spoilt,
        "yes": motion.yes,
        "no": motion.no,
        "abstain": motion.abstain,
        "threshold": motion.threshold,
        "passed": motion.passed,
    }


def _signed_part(raw: dict[str, Any]) -> bytes:
    return canonical_json({k: v for k, v in raw.items() if k != "record_signature"})


def build_record(
    *,
    definition: dict[str, Any],
    recipients: list[str],
    cast: list[CastBallot],
    private_key: bytes,
    record_key: Ed25519PrivateKey,
) -> dict[str, Any]:
    """Assemble, count and sign the public record (the server's side of ``verify``)."""
    parsed = parse_definition(definition)
    digest = definition_hash(definition)
    ordered = sorted(cast, key=lambda b: b.receipt)
    plaintexts: list[dict[str, Any] | None] = []
    for ballot in ordered:
        try:
            plaintexts.append(ballot_crypto.open_sealed(private_key, ballot.ciphertext))
        except ballot_crypto.BallotError:
            plaintexts.append(None)
    raw: dict[str, Any] = {
        "format": RECORD_FORMAT,
        "definition": definition,
        "definition_hash": digest,
        "signature_recipients": sorted(recipients),
        "ballots": [
            {
                "receipt": b.receipt,
                "token": b64(b.token),
                "signature": b64(b.signature),
                "ciphertext": b64(b.ciphertext),
            }
            for b in ordered
        ],
        "election_private_key": b64(private_key),
        "result": compute_result(parsed, plaintexts, seed=digest),
    }
    raw["record_signature"] = b64(record_key.sign(_signed_part(raw)))
    return raw


def serialize(record: dict[str, Any]) -> bytes:
    """Serialize a record as canonical JSON (the published bytes)."""
    return canonical_json(record)


def verify(data: bytes | str | dict[str, Any], *, expected_definition_hash: str | None = None) -> list[Failure]:
    """Check a record from its bytes alone; an empty list means it passes.

    ``expected_definition_hash`` is the hash published when the definition was frozen, before
    voting opened (on the election page, the result sheet, or any other channel). Without it the
    record is only checked against itself: someone able to rewrite the whole record, keys and
    definition included, would not be caught.
    """
    try:
        record = parse_record(data)
    except RecordFormatError as error:
        return [Failure("format", f"the record does not parse: {error}")]
    failures: list[Failure] = []
    definition = record.definition

    if definition_hash(definition.raw) != record.definition_hash:
        failures.append(Failure("definition-hash", "the definition does not match its published hash"))
    if expected_definition_hash is not None and (
        expected_definition_hash.strip().lower() != definition_hash(definition.raw)
    ):
        failures.append(
            Failure("definition-hash", "the definition is not the one whose hash was published before voting")
        )

    try:
        Ed25519PublicKey.from_public_bytes(definition.record_key).verify(
            record.record_signature, _signed_part(record.raw)
        )
    except (InvalidSignature, ValueError):
        failures.append(Failure("record-signature", "the record signature does not verify with the record key"))

    electorate = set(definition.electorate)
    outsiders = sorted({name for name in record.recipients if name not in electorate})
    if outsiders:
        failures.append(Failure("recipients", f"signature recipients outside the electorate: {', '.join(outsiders)}"))
    if len(record.recipients) > len(definition.electorate):
        failures.append(Failure("recipients", "more signature recipients than delegates in the electorate"))
    if len(record.ballots) > len(record.recipients):
        failures.append(
            Failure(
                "ballot-count",
                f"{len(record.ballots)} ballots but only {len(record.recipients)} signatures were issued",
            )
        )

    try:
        blind_key = blind.load_public_key(definition.blind_key)
    except blind.BlindSignatureError:
        failures.append(Failure("keys", "the blind-signing key in the definition is not an RSA key"))
        return failures

    seen: set[bytes] = set()
    for number, (ballot, receipt) in enumerate(zip(record.ballots, record.receipts, strict=True), start=1):
        label = f"ballot {number} (receipt {receipt[:16]})"
        if receipt != ballot.receipt:
            failures.append(Failure("receipt", f"{label}: the receipt is not the hash of its token"))
        if len(ballot.token) != TOKEN_LENGTH:
            failures.append(Failure("token", f"{label}: the token is not {TOKEN_LENGTH} bytes"))
        if ballot.token in seen:
            failures.append(Failure("duplicate-token", f"{label}: a second ballot with the same token"))
        seen.add(ballot.token)
        if not blind.verify(blind_key, ballot.token, ballot.signature):
            failures.append(Failure("signature", f"{label}: the signature does not verify with the election key"))
    if list(record.receipts) != sorted(record.receipts):
        failures.append(Failure("order", "the ballots are not sorted by receipt"))

    if len(record.private_key) != ballot_crypto.KEY_LENGTH or (
        ballot_crypto.public_key_for(record.private_key) != definition.ballot_key
    ):
        failures.append(Failure("private-key", "the published private key is not the ballot key's private half"))
        return failures

    # A voter can seal any bytes (the server cannot look inside a ballot while voting is open), so a
    # ballot that does not open, or opens to something other than a JSON object, is the voter's
    # spoilt ballot, not a fault of the record: it counts as spoilt here exactly as it did when the
    # record was built, and the recount below must agree. A server that swapped a ballot for junk
    # is caught by that voter's receipt check (`find_receipt`), not by this loop.
    plaintexts: list[dict[str, Any] | None] = []
    for ballot in record.ballots:
        try:
            plaintexts.append(ballot_crypto.open_sealed(record.private_key, ballot.ciphertext))
        except ballot_crypto.BallotError:
            plaintexts.append(None)
    try:
        recount = compute_result(definition, plaintexts, seed=record.definition_hash)
    except tally.CountError as error:
        failures.append(Failure("count", f"the ballots cannot be counted: {error}"))
        return failures
    if canonical_json(recount) != canonical_json(record.result):
        differing = sorted(k for k in set(recount) | set(record.result) if recount.get(k) != record.result.get(k))
        failures.append(Failure("count", f"the recount differs from the published result in: {', '.join(differing)}"))
    return failures


def find_receipt(data: bytes | str | dict[str, Any], receipt: str) -> dict[str, Any] | None:
    """Return the decrypted ballot for a receipt, or None if the record holds no such ballot."""
    record = parse_record(data)
    for ballot, published in zip(record.ballots, record.receipts, strict=True):
        if published == receipt.strip().lower():
            try:
                return ballot_crypto.open_sealed(record.private_key, ballot.ciphertext)
            except ballot_crypto.BallotError:
                return {}
    return None
