"""The public election record: its format, its construction, and a verifier that needs nothing else.

A record is one canonical JSON document (``canonical.py``). It carries the frozen definition and
its hash, the public issuance list (one entry per elector who received a blind signature: the
blinded message and the blind signature), the hash chain of issuance and cast counts whose heads
were published while voting ran, every ballot (the voter's credential, its blind signature, the
sealed ballot, the voter's own Ed25519 signature over it, its tracking code) sorted by tracking
code, the verifiable shuffle of the sealed ballots (``shuffle.py``), the decryption of the
shuffled rows with a proof per element (the private key itself is never published, so an opened
ballot cannot be traced back to its receipt), the lot value and seed fixed only after the close,
the result, and an Ed25519 signature by the record key named in the definition. ``verify``
recomputes every claim from these bytes alone. See docs/elections.md, which is the specification.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from nacl import bindings as nacl_bindings
from nacl.exceptions import CryptoError

from solidarity.elections import ballots as ballot_crypto
from solidarity.elections import blind, canonical, shuffle, tally
from solidarity.elections import threshold as th
from solidarity.elections.ballots import canonical_json

# /4: ballots are ElGamal rows over edwards25519 (the definition's ballot key is a group element),
# shuffled by a proven mix, opened by proven decryptions; the private key is no longer published.
# /3 added the quorum. Records and definitions of earlier formats are not read.
RECORD_FORMAT = "solidarity-election-record/4"
DEFINITION_FORMAT = "solidarity-election-definition/4"
# Ties: the most recent earlier stage where the tied candidates differ (rules 49 and 51), then the
# published lot (tally.lot_order); the same for the order of election of candidates reaching the
# quota at one stage. The only rule the counter implements, so the only one accepted.
TIE_BREAK = "scottish-history-then-lot"
PREFIX_LENGTH = blind.PREFIX_LENGTH
CREDENTIAL_KEY_LENGTH = 32  # a raw Ed25519 public key
CREDENTIAL_LENGTH = PREFIX_LENGTH + CREDENTIAL_KEY_LENGTH  # the RFC 9474 prepared message
MAX_RECORD_BYTES = 200 * 1024 * 1024
BALLOT_DOMAIN = b"solidarity-ballot/2\x00"
TRACKING_DOMAIN = b"solidarity-tracking/2\x00"
CHAIN_DOMAIN = b"solidarity-chain/2\x00"
LOT_DOMAIN = b"solidarity-lot/4\x00"
CHAIN_EVENTS = ("issue", "cast", "close")
MIX_SEED_DOMAIN = b"solidarity-mix-seed/1\x00"


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
class Elector:
    """A member of the frozen electorate: a stable id, unique in the election, and a display name."""

    id: str
    name: str


@dataclass(frozen=True)
class Definition:
    """A parsed, frozen election definition."""

    raw: dict[str, Any]
    rule: str
    seats: int
    candidates: tuple[CandidateEntry, ...]
    constraints: tuple[tally.Constraint, ...]
    threshold: str
    quorum: str
    electorate: tuple[Elector, ...]
    blind_key: bytes
    ballot_key: bytes
    record_key: bytes
    charter_sha256: str | None = None  # the SHA-256 of the charter a motion votes on (its canonical text)

    @property
    def candidate_ids(self) -> list[str]:
        """Return the candidate ids in definition order."""
        return [c.id for c in self.candidates]


@dataclass(frozen=True)
class Issuance:
    """One blind signature issued: to which elector, over which blinded message."""

    elector: str
    blinded_message: bytes
    blind_signature: bytes


@dataclass(frozen=True)
class ChainEntry:
    """One event on the count chain: what happened and the counts after it."""

    event: str
    issued: int
    cast: int

    def as_json(self) -> dict[str, Any]:
        """Return the entry as the record writes it."""
        return {"event": self.event, "issued": self.issued, "cast": self.cast}


@dataclass(frozen=True)
class CastBallot:
    """One ballot as published: the credential, its blind signature, the sealed ballot, the voter's signature."""

    credential: bytes
    credential_signature: bytes
    ciphertext: bytes
    ballot_signature: bytes

    @property
    def tracking(self) -> str:
        """Return the tracking code the booth showed the voter."""
        return tracking_code(self.credential, self.ciphertext)

    @property
    def credential_id(self) -> str:
        """Return the hash that names the credential (the server keeps one ballot per credential)."""
        return credential_id(self.credential)

    @property
    def voter_key(self) -> bytes:
        """Return the voter's Ed25519 public key held in the credential."""
        return self.credential[PREFIX_LENGTH:]


@dataclass(frozen=True)
class Mix:
    """One shuffle stage: its output rows (sealed ballots) and the proof that they re-encrypt its input, permuted."""

    ciphertexts: tuple[bytes, ...]
    proof: shuffle.ShuffleProof


@dataclass(frozen=True)
class Decryption:
    """The opening of one shuffled row: x·A for each of its pairs, each with a Chaum–Pedersen proof."""

    factors: tuple[bytes, ...]
    proofs: tuple[th.Proof, ...]


@dataclass(frozen=True)
class Record:
    """A parsed record."""

    raw: dict[str, Any]
    definition: Definition
    definition_hash: str
    issuance: tuple[Issuance, ...]
    chain: tuple[ChainEntry, ...]
    chain_head: str
    ballots: tuple[CastBallot, ...]
    tracking: tuple[str, ...]
    mixes: tuple[Mix, ...]
    decryptions: tuple[Decryption, ...]
    lot_value: bytes
    lot_proof: th.Proof
    lot_seed: str
    result: dict[str, Any]
    record_signature: bytes


# --- the derived values every verifier recomputes ---------------------------------------------


def definition_hash(definition: dict[str, Any]) -> str:
    """Hash a definition: hex SHA-256 of its canonical JSON."""
    return hashlib.sha256(canonical_json(definition)).hexdigest()


def credential_id(credential: bytes) -> str:
    """Name a credential: hex SHA-256 of its bytes."""
    return hashlib.sha256(credential).hexdigest()


def tracking_code(credential: bytes, ciphertext: bytes) -> str:
    """Return the tracking code of a ballot: hex SHA-256 of the domain, the credential and the ciphertext."""
    return hashlib.sha256(TRACKING_DOMAIN + credential + ciphertext).hexdigest()


def ballot_message(digest: str, ciphertext: bytes) -> bytes:
    """Return the bytes a voter signs with their credential key: the domain, the definition hash, the ciphertext."""
    return BALLOT_DOMAIN + bytes.fromhex(digest) + ciphertext


def chain_start(digest: str) -> str:
    """Return the chain's head before any event: SHA-256 of the domain and the definition hash."""
    return hashlib.sha256(CHAIN_DOMAIN + bytes.fromhex(digest)).hexdigest()


def chain_next(head: str, entry: ChainEntry) -> str:
    """Append an event to the chain: SHA-256 of the previous head and the entry's canonical JSON."""
    return hashlib.sha256(bytes.fromhex(head) + canonical_json(entry.as_json())).hexdigest()


def chain_heads(digest: str, entries: Iterable[ChainEntry]) -> list[str]:
    """Return the head after each entry, in order."""
    head = chain_start(digest)
    heads = []
    for entry in entries:
        head = chain_next(head, entry)
        heads.append(head)
    return heads


def box_digest(tracking_codes: Iterable[str]) -> bytes:
    """Hash the ballot box: SHA-256 of the sorted tracking codes, as bytes, concatenated."""
    digest = hashlib.sha256()
    for code in sorted(tracking_codes):
        digest.update(bytes.fromhex(code))
    return digest.digest()


def lot_base(digest: str, tracking_codes: Iterable[str]) -> bytes:
    """Return the group element the lot value is made from: hashed to the curve from the closed box."""
    seed = hashlib.sha512(LOT_DOMAIN + b"base" + bytes.fromhex(digest) + box_digest(tracking_codes)).digest()[:32]
    return th.check(bytes(nacl_bindings.crypto_core_ed25519_from_uniform(seed)), "the lot base")


def lot_context(digest: str, tracking_codes: Iterable[str]) -> bytes:
    """Bind the lot value's proof to the election and the closed box."""
    return LOT_DOMAIN + bytes.fromhex(digest) + box_digest(tracking_codes)


def lot_seed(digest: str, tracking_codes: Iterable[str], lot_value: bytes) -> str:
    """Return the lot seed from the lot value x·H: fixed by the closed box and the key, unknown before the opening.

    Nobody can grind it: x was fixed at the ceremony, the box at the close, and x·H is a function of both.
    """
    return hashlib.sha256(LOT_DOMAIN + bytes.fromhex(digest) + box_digest(tracking_codes) + lot_value).hexdigest()


def proof_bytes(proof: th.Proof) -> bytes:
    """Encode a Fiat–Shamir proof: the challenge, then the response, 32 little-endian bytes each."""
    return th.scalar_bytes(proof.challenge) + th.scalar_bytes(proof.response)


def b64(data: bytes) -> str:
    """Encode bytes as standard base64 with padding (the record's binary encoding)."""
    return base64.b64encode(data).decode("ascii")


# --- parsing ------------------------------------------------------------------------------------


def _unb64(value: Any, what: str) -> bytes:
    if not isinstance(value, str):
        raise RecordFormatError(f"{what} is not a base64 string")
    try:
        decoded = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as error:
        raise RecordFormatError(f"{what} is not valid base64") from error
    if b64(decoded) != value:  # one encoding per value: no stray padding bits
        raise RecordFormatError(f"{what} is not canonical base64")
    return decoded


def _point(value: Any, what: str) -> bytes:
    point = _unb64(value, what)
    if len(point) != th.POINT_BYTES:
        raise RecordFormatError(f"{what} is not {th.POINT_BYTES} bytes")
    return point


def _scalar(value: Any, what: str) -> int:
    raw = _unb64(value, what)
    if len(raw) != 32 or int.from_bytes(raw, "little") >= th.L:
        raise RecordFormatError(f"{what} is not a scalar (32 little-endian bytes below the group order)")
    return int.from_bytes(raw, "little")


def _proof(value: Any, what: str) -> th.Proof:
    raw = _unb64(value, what)
    if len(raw) != 64:
        raise RecordFormatError(f"{what} is not 64 bytes")
    challenge, response = (int.from_bytes(raw[i : i + 32], "little") for i in (0, 32))
    if challenge >= th.L or response >= th.L:
        raise RecordFormatError(f"{what} holds a scalar above the group order")
    return th.Proof(challenge, response)


def _list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise RecordFormatError(f"{what} is not a list")
    return value


SHUFFLE_PROOF_FIELDS = (
    "commitments",
    "chain",
    "t1",
    "t2",
    "t3",
    "t4",
    "t_hat",
    "s1",
    "s2",
    "s3",
    "s4",
    "s_hat",
    "s_prime",
)


def _shuffle_proof(raw: Any) -> shuffle.ShuffleProof:
    entry = _exact(raw, SHUFFLE_PROOF_FIELDS, "mix.proof")
    pairs = []
    for pair in _list(entry["t4"], "mix.proof.t4"):
        if not isinstance(pair, list) or len(pair) != 2:
            raise RecordFormatError("mix.proof.t4 holds something other than pairs")
        pairs.append((_point(pair[0], "mix.proof.t4"), _point(pair[1], "mix.proof.t4")))
    return shuffle.ShuffleProof(
        permutation_commitments=tuple(
            _point(v, "mix.proof.commitments") for v in _list(entry["commitments"], "mix.proof.commitments")
        ),
        chain=tuple(_point(v, "mix.proof.chain") for v in _list(entry["chain"], "mix.proof.chain")),
        t1=_point(entry["t1"], "mix.proof.t1"),
        t2=_point(entry["t2"], "mix.proof.t2"),
        t3=_point(entry["t3"], "mix.proof.t3"),
        t4=tuple(pairs),
        t_hat=tuple(_point(v, "mix.proof.t_hat") for v in _list(entry["t_hat"], "mix.proof.t_hat")),
        s1=_scalar(entry["s1"], "mix.proof.s1"),
        s2=_scalar(entry["s2"], "mix.proof.s2"),
        s3=_scalar(entry["s3"], "mix.proof.s3"),
        s4=tuple(_scalar(v, "mix.proof.s4") for v in _list(entry["s4"], "mix.proof.s4")),
        s_hat=tuple(_scalar(v, "mix.proof.s_hat") for v in _list(entry["s_hat"], "mix.proof.s_hat")),
        s_prime=tuple(_scalar(v, "mix.proof.s_prime") for v in _list(entry["s_prime"], "mix.proof.s_prime")),
    )


def shuffle_proof_json(proof: shuffle.ShuffleProof) -> dict[str, Any]:
    """Write a shuffle proof as the record does: points and scalars in base64 (32 bytes each)."""
    scalar = th.scalar_bytes
    return {
        "commitments": [b64(p) for p in proof.permutation_commitments],
        "chain": [b64(p) for p in proof.chain],
        "t1": b64(proof.t1),
        "t2": b64(proof.t2),
        "t3": b64(proof.t3),
        "t4": [[b64(a), b64(b)] for a, b in proof.t4],
        "t_hat": [b64(p) for p in proof.t_hat],
        "s1": b64(scalar(proof.s1)),
        "s2": b64(scalar(proof.s2)),
        "s3": b64(scalar(proof.s3)),
        "s4": [b64(scalar(v)) for v in proof.s4],
        "s_hat": [b64(scalar(v)) for v in proof.s_hat],
        "s_prime": [b64(scalar(v)) for v in proof.s_prime],
    }


def _hex(value: Any, what: str) -> str:
    if not isinstance(value, str) or len(value) != 64 or any(ch not in "0123456789abcdef" for ch in value):
        raise RecordFormatError(f"{what} is not 64 lower-case hex digits")
    return value


def _exact(mapping: Any, keys: Iterable[str], what: str) -> dict[str, Any]:
    if not isinstance(mapping, dict):
        raise RecordFormatError(f"{what} is not an object")
    expected = set(keys)
    if set(mapping) != expected:
        extra = sorted(set(mapping) - expected)
        missing = sorted(expected - set(mapping))
        raise RecordFormatError(f"{what} has fields {extra} it should not, lacks {missing}")
    return mapping


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


DEFINITION_FIELDS = (
    "format",
    "election",
    "title_en",
    "title_fa",
    "motion_en",
    "motion_fa",
    "rule",
    "seats",
    "threshold",
    "quorum",
    "tie_break",
    "candidates",
    "constraints",
    "electorate",
    "opens_at",
    "closes_at",
    "trustees",
    "keys",
)
# Optional: present only in a motion that puts a deliberation charter to the vote.
CHARTER_FIELD = "charter"
CHARTER_FIELDS = ("id", "format", "title_en", "title_fa", "sha256")
RECORD_FIELDS = (
    "format",
    "definition",
    "definition_hash",
    "issuance",
    "chain",
    "chain_head",
    "ballots",
    "mixes",
    "decryptions",
    "lot",
    "lot_seed",
    "result",
    "record_signature",
)
BALLOT_FIELDS = ("tracking", "credential", "credential_signature", "ciphertext", "ballot_signature")
ISSUANCE_FIELDS = ("elector", "blinded_message", "blind_signature")
MIX_FIELDS = ("ciphertexts", "proof")
DECRYPTION_FIELDS = ("factors", "proofs")
LOT_FIELDS = ("value", "proof")


def parse_definition(raw: Any) -> Definition:
    """Parse a definition dict, raising RecordFormatError on any deviation from the format."""
    has_charter = isinstance(raw, dict) and CHARTER_FIELD in raw
    _exact(raw, (*DEFINITION_FIELDS, CHARTER_FIELD) if has_charter else DEFINITION_FIELDS, "definition")
    charter_sha256 = _parse_charter(raw) if has_charter else None
    if _require(raw, "format", str, "definition") != DEFINITION_FORMAT:
        raise RecordFormatError("unknown definition format")
    for text in ("election", "title_en", "title_fa", "motion_en", "motion_fa", "opens_at", "closes_at"):
        _require(raw, text, str, "definition")
    rule = _require(raw, "rule", str, "definition")
    if rule not in tally.RULES:
        raise RecordFormatError("unknown counting rule")
    seats = _require(raw, "seats", int, "definition")
    candidates: list[CandidateEntry] = []
    for entry in _require(raw, "candidates", list, "definition"):
        _exact(entry, ("id", "name_en", "name_fa", "attributes"), "candidate")
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
        _exact(entry, ("kind", "attribute", "value", "limit"), "constraint")
        kind = _require(entry, "kind", str, "constraint")
        if kind not in ("min", "max"):
            raise RecordFormatError("constraint kind must be min or max")
        value = entry["value"]
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
    quorum = _require(raw, "quorum", str, "definition")
    try:
        tally.parse_quorum(quorum)
    except tally.CountError as error:
        raise RecordFormatError(str(error)) from error
    electorate: list[Elector] = []
    for entry in _require(raw, "electorate", list, "definition"):
        _exact(entry, ("id", "name"), "elector")
        electorate.append(
            Elector(id=_require(entry, "id", str, "elector"), name=_require(entry, "name", str, "elector"))
        )
    if [e.id for e in electorate] != sorted({e.id for e in electorate}):
        raise RecordFormatError("elector ids repeat or are not sorted")
    trustees = _exact(_require(raw, "trustees", dict, "definition"), ("threshold", "count", "names"), "trustees")
    _require(trustees, "threshold", int, "trustees")
    _require(trustees, "count", int, "trustees")
    _string_list(trustees["names"], "trustees.names")
    keys = _exact(_require(raw, "keys", dict, "definition"), ("blind_signing", "ballot", "record"), "keys")
    return Definition(
        raw=raw,
        rule=rule,
        seats=seats,
        candidates=tuple(candidates),
        constraints=tuple(constraints),
        threshold=threshold,
        quorum=quorum,
        electorate=tuple(electorate),
        blind_key=_unb64(keys["blind_signing"], "keys.blind_signing"),
        ballot_key=_unb64(keys["ballot"], "keys.ballot"),
        record_key=_unb64(keys["record"], "keys.record"),
        charter_sha256=charter_sha256,
    )


def _parse_charter(raw: dict[str, Any]) -> str:
    """Check a definition's charter entry (a motion only) and return the SHA-256 of the charter's text."""
    entry = _exact(_require(raw, CHARTER_FIELD, dict, "definition"), CHARTER_FIELDS, "charter")
    if raw.get("rule") != "motion":
        raise RecordFormatError("only a motion puts a charter to the vote")
    _require(entry, "id", int, "charter")
    for text in ("format", "title_en", "title_fa"):
        _require(entry, text, str, "charter")
    digest = _require(entry, "sha256", str, "charter")
    if len(digest) != 64 or any(character not in "0123456789abcdef" for character in digest):
        raise RecordFormatError("charter.sha256 is not a lowercase hex SHA-256")
    return str(digest)


def parse_record(data: bytes | str | dict[str, Any]) -> Record:
    """Parse a record from its published bytes (or a decoded dict); RecordFormatError on any bad shape.

    Bytes must be canonical JSON (``canonical.loads``): duplicate keys, floats, spacing or key
    order other than the canonical ones are refused, as are fields the format does not define.
    """
    if isinstance(data, dict):
        raw: Any = data
    else:
        encoded = data.encode("utf-8") if isinstance(data, str) else data
        if len(encoded) > MAX_RECORD_BYTES:
            raise RecordFormatError("record too large")
        try:
            raw = canonical.loads(encoded)
        except canonical.NotCanonicalError as error:
            raise RecordFormatError(f"the record is not canonical JSON: {error}") from error
    _exact(raw, RECORD_FIELDS, "record")
    if _require(raw, "format", str, "record") != RECORD_FORMAT:
        raise RecordFormatError("unknown record format")
    definition = parse_definition(_require(raw, "definition", dict, "record"))
    issuance: list[Issuance] = []
    for entry in _require(raw, "issuance", list, "record"):
        _exact(entry, ISSUANCE_FIELDS, "issuance")
        issuance.append(
            Issuance(
                elector=_require(entry, "elector", str, "issuance"),
                blinded_message=_unb64(entry["blinded_message"], "issuance.blinded_message"),
                blind_signature=_unb64(entry["blind_signature"], "issuance.blind_signature"),
            )
        )
    chain: list[ChainEntry] = []
    for entry in _require(raw, "chain", list, "record"):
        _exact(entry, ("event", "issued", "cast"), "chain entry")
        event = _require(entry, "event", str, "chain entry")
        if event not in CHAIN_EVENTS:
            raise RecordFormatError("unknown chain event")
        chain.append(
            ChainEntry(
                event=event,
                issued=_require(entry, "issued", int, "chain entry"),
                cast=_require(entry, "cast", int, "chain entry"),
            )
        )
    cast: list[CastBallot] = []
    tracking: list[str] = []
    for entry in _require(raw, "ballots", list, "record"):
        _exact(entry, BALLOT_FIELDS, "ballot")
        cast.append(
            CastBallot(
                credential=_unb64(entry["credential"], "ballot.credential"),
                credential_signature=_unb64(entry["credential_signature"], "ballot.credential_signature"),
                ciphertext=_unb64(entry["ciphertext"], "ballot.ciphertext"),
                ballot_signature=_unb64(entry["ballot_signature"], "ballot.ballot_signature"),
            )
        )
        tracking.append(_hex(entry["tracking"], "ballot.tracking"))
    mixes = []
    for entry in _require(raw, "mixes", list, "record"):
        _exact(entry, MIX_FIELDS, "mix")
        mixes.append(
            Mix(
                ciphertexts=tuple(_unb64(v, "mix.ciphertexts") for v in _list(entry["ciphertexts"], "mix.ciphertexts")),
                proof=_shuffle_proof(entry["proof"]),
            )
        )
    decryptions = []
    for entry in _require(raw, "decryptions", list, "record"):
        _exact(entry, DECRYPTION_FIELDS, "decryption")
        decryptions.append(
            Decryption(
                factors=tuple(_point(v, "decryption.factors") for v in _list(entry["factors"], "decryption.factors")),
                proofs=tuple(_proof(v, "decryption.proofs") for v in _list(entry["proofs"], "decryption.proofs")),
            )
        )
    lot = _exact(_require(raw, "lot", dict, "record"), LOT_FIELDS, "lot")
    return Record(
        raw=raw,
        definition=definition,
        definition_hash=_hex(raw["definition_hash"], "definition_hash"),
        issuance=tuple(issuance),
        chain=tuple(chain),
        chain_head=_hex(raw["chain_head"], "chain_head"),
        ballots=tuple(cast),
        tracking=tuple(tracking),
        mixes=tuple(mixes),
        decryptions=tuple(decryptions),
        lot_value=_point(lot["value"], "lot.value"),
        lot_proof=_proof(lot["proof"], "lot.proof"),
        lot_seed=_hex(raw["lot_seed"], "lot_seed"),
        result=_require(raw, "result", dict, "record"),
        record_signature=_unb64(raw["record_signature"], "record_signature"),
    )


def compute_result(definition: Definition, plaintexts: list[dict[str, Any] | None], *, seed: str) -> dict[str, Any]:
    """Count decrypted ballots (None for one that did not decrypt) as the definition says."""
    ids = definition.candidate_ids
    contents = [tally.read_ballot(definition.rule, p, ids) if p is not None else None for p in plaintexts]
    valid = [c for c in contents if c is not None]
    spoilt = len(contents) - len(valid)
    quorum = tally.quorum_result(definition.quorum, electorate=len(definition.electorate), ballots=len(contents))
    if definition.rule == "scottish-stv":
        infos = [tally.CandidateInfo(c.id, c.attributes) for c in definition.candidates]
        stv = tally.scottish_stv(valid, infos, definition.seats, constraints=definition.constraints, seed=seed)
        return {
            "rule": definition.rule,
            "valid": stv.valid,
            "spoilt": spoilt,
            "quorum": quorum,
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
            "quorum": quorum,
            "elected": approval.elected,
            "approvals": approval.approvals,
        }
    motion = tally.count_motion(valid, definition.threshold)
    return {
        "rule": "motion",
        "valid": len(valid),
        "spoilt": spoilt,
        "quorum": quorum,
        "yes": motion.yes,
        "no": motion.no,
        "abstain": motion.abstain,
        "threshold": motion.threshold,
        "passed": motion.passed,
    }


def _signed_part(raw: dict[str, Any]) -> bytes:
    return canonical_json({k: v for k, v in raw.items() if k != "record_signature"})


def open_rows(rows: Sequence[shuffle.Row], factors: Sequence[Sequence[bytes]]) -> list[dict[str, Any] | None]:
    """Open each shuffled row with its decryption factors (B − x·A per pair); None for a spoilt ballot."""
    plaintexts: list[dict[str, Any] | None] = []
    for row, row_factors in zip(rows, factors, strict=True):
        try:
            plaintexts.append(
                ballot_crypto.read_points([th.sub(c.b, f) for c, f in zip(row, row_factors, strict=True)])
            )
        except (ballot_crypto.BallotError, th.ThresholdError, CryptoError):  # CryptoError: a factor off the curve
            plaintexts.append(None)
    return plaintexts


def mix(
    public_key: bytes, rows: list[shuffle.Row], *, seed: bytes | None = None
) -> tuple[list[Mix], list[shuffle.Row]]:
    """Shuffle the box once with a proof; return the stage and its output rows (nothing to do for an empty box).

    With a secret ``seed`` the permutation, re-encryptions and proof nonces derive from it, so the
    same box and key give the same bytes; without one they are random.
    """
    if not rows:
        return [], []
    draw = th.ScalarStream(seed + b"shuffle") if seed is not None else None
    outputs, permutation, randomness = shuffle.shuffle(public_key, rows, draw=draw)
    nonces = th.ScalarStream(seed + b"proof") if seed is not None else th.random_scalar
    proof = shuffle.prove(public_key, rows, outputs, permutation, randomness, draw=nonces)
    return [Mix(tuple(ballot_crypto.from_row(row) for row in outputs), proof)], outputs


def decrypt_row(secret: int, public_key: bytes, row: shuffle.Row, *, draw: th.Draw = th.random_scalar) -> Decryption:
    """Decrypt a shuffled row: x·A for each pair, with a Chaum–Pedersen proof that x is the key's secret."""
    partials = [th.partial_decrypt(1, secret, public_key, c, draw=draw) for c in row]
    return Decryption(tuple(p.value for p in partials), tuple(p.proof for p in partials))


def build_record(
    *,
    definition: dict[str, Any],
    issuance: list[Issuance],
    chain: list[ChainEntry],
    cast: list[CastBallot],
    private_key: bytes,
    record_key: Ed25519PrivateKey,
) -> dict[str, Any]:
    """Assemble, shuffle, open, count and sign the public record (the server's side of ``verify``).

    The private key is used here and not written anywhere: the record proves each decryption instead.
    """
    parsed = parse_definition(definition)
    digest = definition_hash(definition)
    ordered = sorted(cast, key=lambda b: b.tracking)
    codes = [b.tracking for b in ordered]
    secret = ballot_crypto.private_scalar(private_key)
    public_key = parsed.ballot_key
    if th.base_mul(secret) != public_key:
        raise RecordFormatError("the private key is not the ballot key's private half")
    # Every random choice derives from the key and the closed box (as EdDSA derives its nonces), so
    # the same box always gives the same record (SR-17); whoever holds x could decrypt the published
    # ballots directly anyway, so the seed reveals nothing x does not.
    seed = hashlib.sha512(MIX_SEED_DOMAIN + private_key + lot_context(digest, codes)).digest()
    mixes, rows = mix(public_key, [ballot_crypto.to_row(b.ciphertext) for b in ordered], seed=seed)
    nonces = th.ScalarStream(seed + b"decrypt")
    decryptions = [decrypt_row(secret, public_key, row, draw=nonces) for row in rows]
    base = lot_base(digest, codes)
    lot_value = th.mul(secret, base)
    lot_proof = th.prove_equal_logs(secret, base, public_key, lot_value, lot_context(digest, codes), draw=nonces)
    lot = lot_seed(digest, codes, lot_value)
    heads = chain_heads(digest, chain)
    raw: dict[str, Any] = {
        "format": RECORD_FORMAT,
        "definition": definition,
        "definition_hash": digest,
        "issuance": [
            {"elector": i.elector, "blinded_message": b64(i.blinded_message), "blind_signature": b64(i.blind_signature)}
            for i in sorted(issuance, key=lambda i: i.elector)
        ],
        "chain": [entry.as_json() for entry in chain],
        "chain_head": heads[-1] if heads else chain_start(digest),
        "ballots": [
            {
                "tracking": b.tracking,
                "credential": b64(b.credential),
                "credential_signature": b64(b.credential_signature),
                "ciphertext": b64(b.ciphertext),
                "ballot_signature": b64(b.ballot_signature),
            }
            for b in ordered
        ],
        "mixes": [
            {"ciphertexts": [b64(c) for c in stage.ciphertexts], "proof": shuffle_proof_json(stage.proof)}
            for stage in mixes
        ],
        "decryptions": [
            {"factors": [b64(f) for f in d.factors], "proofs": [b64(proof_bytes(q)) for q in d.proofs]}
            for d in decryptions
        ],
        "lot": {"value": b64(lot_value), "proof": b64(proof_bytes(lot_proof))},
        "lot_seed": lot,
        "result": compute_result(parsed, open_rows(rows, [d.factors for d in decryptions]), seed=lot),
    }
    raw["record_signature"] = b64(record_key.sign(_signed_part(raw)))
    return raw


def serialize(record: dict[str, Any]) -> bytes:
    """Serialize a record as canonical JSON (the published bytes)."""
    return canonical_json(record)


def check_blind_signature(public_key: rsa.RSAPublicKey, blinded_message: bytes, blind_signature: bytes) -> bool:
    """Check an issued blind signature with RSAVP1: signature^e mod n equals the blinded message."""
    numbers = public_key.public_numbers()
    length = (numbers.n.bit_length() + 7) // 8
    if len(blinded_message) != length or len(blind_signature) != length:
        return False
    m = int.from_bytes(blinded_message, "big")
    s = int.from_bytes(blind_signature, "big")
    return 0 < m < numbers.n and 0 < s < numbers.n and int(pow(s, numbers.e, numbers.n)) == m


def _check_chain(record: Record, expected_heads: Sequence[str]) -> list[Failure]:
    failures: list[Failure] = []
    issued = cast = 0
    for number, entry in enumerate(record.chain, start=1):
        if number < len(record.chain) and entry.event == "close":
            failures.append(Failure("chain", f"chain entry {number}: an event after the close"))
            break
        want = (
            (issued + 1, cast)
            if entry.event == "issue"
            else (issued, cast + 1)
            if entry.event == "cast"
            else (issued, cast)
        )
        if (entry.issued, entry.cast) != want:
            failures.append(Failure("chain", f"chain entry {number}: the counts do not follow from the one before"))
            break
        issued, cast = entry.issued, entry.cast
    if not record.chain or record.chain[-1].event != "close":
        failures.append(Failure("chain", "the chain does not end with the close"))
    if issued != len(record.issuance):
        failures.append(
            Failure("chain", f"the chain counts {issued} passes issued, the issuance list {len(record.issuance)}")
        )
    if cast != len(record.ballots):
        failures.append(
            Failure("chain", f"the chain counts {cast} ballots cast, the ballot box holds {len(record.ballots)}")
        )
    heads = chain_heads(record.definition_hash, record.chain)
    if (heads[-1] if heads else chain_start(record.definition_hash)) != record.chain_head:
        failures.append(Failure("chain", "the chain head is not the hash of the chain"))
    known = set(heads)
    for head in expected_heads:
        if head.strip().lower() not in known:
            failures.append(
                Failure("chain", f"the head {head.strip()[:16]}… published during voting is not on the chain")
            )
    return failures


def _check_issuance(record: Record, blind_key: rsa.RSAPublicKey) -> list[Failure]:
    failures: list[Failure] = []
    electors = {e.id for e in record.definition.electorate}
    ids = [i.elector for i in record.issuance]
    if ids != sorted(ids):
        failures.append(Failure("issuance", "the issuance list is not sorted by elector id"))
    if len(set(ids)) != len(ids):
        failures.append(Failure("issuance", "an elector appears twice in the issuance list"))
    outsiders = sorted(set(ids) - electors)
    if outsiders:
        failures.append(Failure("issuance", f"passes issued outside the electorate: {', '.join(outsiders)}"))
    if len({i.blinded_message for i in record.issuance}) != len(record.issuance):
        failures.append(Failure("issuance", "a blinded message appears twice in the issuance list"))
    for issued in record.issuance:
        if not check_blind_signature(blind_key, issued.blinded_message, issued.blind_signature):
            failures.append(Failure("issuance", f"elector {issued.elector}: the blind signature does not verify"))
    # Each cast credential needs a pass of its own: as multisets, the ballots' credentials fit
    # into the issued passes (blinding hides which pass became which credential, not how many).
    if len(record.ballots) > len(record.issuance):
        failures.append(
            Failure("ballot-count", f"{len(record.ballots)} ballots but only {len(record.issuance)} passes were issued")
        )
    return failures


def _check_ballots(record: Record, blind_key: rsa.RSAPublicKey) -> list[Failure]:
    failures: list[Failure] = []
    seen: set[bytes] = set()
    for number, (ballot, published) in enumerate(zip(record.ballots, record.tracking, strict=True), start=1):
        label = f"ballot {number} (tracking {published[:16]})"
        if published != ballot.tracking:
            failures.append(Failure("tracking", f"{label}: the tracking code is not the hash of the ballot"))
        if len(ballot.credential) != CREDENTIAL_LENGTH:
            failures.append(Failure("credential", f"{label}: the credential is not {CREDENTIAL_LENGTH} bytes"))
            continue
        if ballot.credential in seen:
            failures.append(Failure("duplicate-credential", f"{label}: a second ballot with the same credential"))
        seen.add(ballot.credential)
        if not blind.verify(blind_key, ballot.credential, ballot.credential_signature):
            failures.append(Failure("signature", f"{label}: the credential's signature does not verify"))
        try:
            Ed25519PublicKey.from_public_bytes(ballot.voter_key).verify(
                ballot.ballot_signature, ballot_message(record.definition_hash, ballot.ciphertext)
            )
        except (InvalidSignature, ValueError):
            failures.append(Failure("ballot-signature", f"{label}: the ballot is not signed by its credential's key"))
    if list(record.tracking) != sorted(record.tracking):
        failures.append(Failure("order", "the ballots are not sorted by tracking code"))
    return failures


def verify(
    data: bytes | str | dict[str, Any],
    *,
    expected_definition_hash: str | None = None,
    expected_chain_heads: Sequence[str] = (),
) -> list[Failure]:
    """Check a record from its bytes alone; an empty list means it passes.

    ``expected_definition_hash`` is the hash published when the definition was frozen, before
    voting opened; ``expected_chain_heads`` are chain heads copied while voting ran (from the live
    count, the signed bundle, or anyone's notes). Without them the record is only checked against
    itself: someone able to rewrite the whole record, keys and definition included, would not be
    caught.
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
    try:
        blind_key = blind.load_public_key(definition.blind_key)
    except blind.BlindSignatureError:
        failures.append(Failure("keys", "the blind-signing key in the definition is not an RSA key"))
        return failures
    failures += _check_issuance(record, blind_key)
    failures += _check_chain(record, expected_chain_heads)
    failures += _check_ballots(record, blind_key)

    public_key = definition.ballot_key
    if not ballot_crypto.is_public_key(public_key):
        failures.append(Failure("keys", "the ballot key in the definition is not a group element"))
        return failures
    inputs = _input_rows(record, failures)
    rows = _check_mixes(record, public_key, inputs, failures) if inputs is not None else None
    plaintexts = _check_decryptions(record, public_key, rows, failures) if rows is not None else None
    base = lot_base(record.definition_hash, record.tracking)
    context = lot_context(record.definition_hash, record.tracking)
    if not th.verify_equal_logs(base, public_key, record.lot_value, record.lot_proof, context):
        failures.append(Failure("lot-seed", "the lot value is not the election key applied to the closed box"))
    seed = lot_seed(record.definition_hash, record.tracking, record.lot_value)
    if seed != record.lot_seed:
        failures.append(Failure("lot-seed", "the lot seed is not the hash of the closed box and the lot value"))
    if plaintexts is None:
        return failures

    # A voter can seal any group elements (the server cannot look inside a ballot while voting is
    # open), so a row that opens to something other than a canonical ballot is the voter's spoilt
    # ballot, not a fault of the record: it counts as spoilt here exactly as it did when the record
    # was built, and the recount below must agree. The shuffle proof guarantees that the opened rows
    # are the voters' own signed ballots, re-encrypted and permuted.
    try:
        recount = compute_result(definition, plaintexts, seed=seed)
    except tally.CountError as error:
        failures.append(Failure("count", f"the ballots cannot be counted: {error}"))
        return failures
    if canonical_json(recount) != canonical_json(record.result):
        differing = sorted(k for k in set(recount) | set(record.result) if recount.get(k) != record.result.get(k))
        failures.append(Failure("count", f"the recount differs from the published result in: {', '.join(differing)}"))
    return failures


def _input_rows(record: Record, failures: list[Failure]) -> list[shuffle.Row] | None:
    rows: list[shuffle.Row] = []
    for number, ballot in enumerate(record.ballots, start=1):
        try:
            rows.append(ballot_crypto.to_row(ballot.ciphertext))
        except ballot_crypto.BallotError:
            failures.append(
                Failure(
                    "ciphertext",
                    f"ballot {number}: the sealed ballot is not "
                    f"{ballot_crypto.BALLOT_POINTS} ElGamal pairs of group elements",
                )
            )
    return None if len(rows) != len(record.ballots) else rows


def _check_mixes(
    record: Record, public_key: bytes, inputs: list[shuffle.Row], failures: list[Failure]
) -> list[shuffle.Row] | None:
    if inputs and not record.mixes:
        failures.append(Failure("mix", "the ballots were not shuffled before they were opened"))
        return None
    if not inputs and record.mixes:
        failures.append(Failure("mix", "a shuffle of an empty ballot box"))
        return None
    current = inputs
    for number, stage in enumerate(record.mixes, start=1):
        try:
            outputs = [ballot_crypto.to_row(c) for c in stage.ciphertexts]
        except ballot_crypto.BallotError:
            failures.append(Failure("mix", f"mix {number}: an output is not a row of ElGamal pairs"))
            return None
        if len(outputs) != len(current):
            failures.append(Failure("mix", f"mix {number}: {len(outputs)} rows out for {len(current)} in"))
            return None
        if not shuffle.verify(public_key, current, outputs, stage.proof):
            failures.append(Failure("mix", f"mix {number}: the shuffle proof does not verify"))
            return None
        current = outputs
    return current


def _check_decryptions(
    record: Record, public_key: bytes, rows: list[shuffle.Row], failures: list[Failure]
) -> list[dict[str, Any] | None] | None:
    if len(record.decryptions) != len(rows):
        failures.append(
            Failure("decryption", f"{len(record.decryptions)} decryptions for {len(rows)} shuffled ballots")
        )
        return None
    valid = True
    for number, (row, opened) in enumerate(zip(rows, record.decryptions, strict=True), start=1):
        if len(opened.factors) != len(row) or len(opened.proofs) != len(row):
            failures.append(Failure("decryption", f"shuffled ballot {number}: not one factor and proof per pair"))
            valid = False
            continue
        for element, (pair, factor, proof) in enumerate(zip(row, opened.factors, opened.proofs, strict=True), start=1):
            if not th.verify_partial(th.PartialDecryption(1, factor, proof), public_key, public_key, pair):
                failures.append(
                    Failure(
                        "decryption", f"shuffled ballot {number}, pair {element}: the decryption proof does not verify"
                    )
                )
                valid = False
                break
    return open_rows(rows, [d.factors for d in record.decryptions]) if valid else None


def final_rows(parsed: Record) -> list[shuffle.Row]:
    """Return the rows that were opened: the last mix's output (the box itself if it was empty)."""
    if not parsed.mixes:
        return [ballot_crypto.to_row(b.ciphertext) for b in parsed.ballots]
    return [ballot_crypto.to_row(c) for c in parsed.mixes[-1].ciphertexts]


def opened_ballots(data: bytes | str | dict[str, Any]) -> list[dict[str, Any] | None]:
    """Return the opened ballots in shuffled order (None for a spoilt one), as the record's decryptions give them."""
    parsed = parse_record(data)
    return open_rows(final_rows(parsed), [d.factors for d in parsed.decryptions])


def has_ballot(data: bytes | str | dict[str, Any], tracking: str) -> bool:
    """Tell whether the ballot box holds a ballot with this tracking code.

    Which opened ballot it became is exactly what the shuffle hides, from everyone.
    """
    return tracking.strip().lower() in parse_record(data).tracking
