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
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from fractions import Fraction
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from nacl import bindings as nacl_bindings
from nacl.exceptions import CryptoError

from solidarity.elections import ballots as ballot_crypto
from solidarity.elections import blind, canonical, shuffle, tally, voting_key
from solidarity.elections import threshold as th
from solidarity.elections.ballots import canonical_json

# /4: ballots are ElGamal rows over edwards25519 (the definition's ballot key is a group element),
# shuffled by a proven mix, opened by proven decryptions; the private key is no longer published.
# /3 added the quorum. Records and definitions of earlier formats are not read.
# /5: the election key may be made jointly by the trustees (dealings and confirmations in the
# definition), and the shuffled rows are opened by each trustee's proven partial decryptions.
# /6: one batched Chaum–Pedersen proof per trustee for all its factors (not one proof per factor).
# /7 (definition /6): each elector carries the public voting key they registered (or null), and each
# issuance entry the voter's signature over (definition hash, blinded message) with that key.
# /8 (definition /7): a ballot is its compact encoding (ballots.ENCODING: candidate indexes, one byte
# each) in as few points as the definition's rule and candidates need (``ballot_format``), not padded
# JSON in 18 points.
# /9: each mix names its mixer (0: the server's mix at the close, unsigned; j: trustee j, signed with
# its key share); a joint key's cascade holds at least k trustees' mixes before any decryption.
RECORD_FORMAT = "solidarity-election-record/10"
DEFINITION_FORMAT = "solidarity-election-definition/7"
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
DKG_DOMAIN = b"solidarity-dkg/1\x00"
MIX_DOMAIN = b"solidarity-mix/1\x00"
SERVER_MIXER = 0  # the ``mixer`` of the server's mix at the close (unsigned: the server holds no key share)


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
    """A member of the frozen electorate: a stable id, unique in the election, a display name, a voting key.

    ``key`` is the raw Ed25519 public key the delegate registered before the freeze (voting_key.py),
    or None: an elector without a key cannot be issued a pass.
    """

    id: str
    name: str
    key: bytes | None = None


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
    trustee_threshold: int = 1
    trustee_count: int = 1
    # The trustees' joint key generation (a definition without it fails `verify`: the key was made whole).
    dealings: tuple[th.Dealing, ...] = ()
    confirmations: tuple[tuple[int, th.Proof], ...] = ()
    charter_sha256: str | None = None  # the SHA-256 of the charter a motion votes on (its canonical text)

    def verification_keys(self) -> dict[int, bytes]:
        """Return each trustee's public verification key x_j·G (none without a joint key generation)."""
        if not self.dealings:
            return {}
        return {j: th.verification_key(self.dealings, j) for j in range(1, self.trustee_count + 1)}

    @property
    def needed(self) -> int:
        """Return how many trustees' partial decryptions open the count."""
        return self.trustee_threshold

    @property
    def candidate_ids(self) -> list[str]:
        """Return the candidate ids in definition order."""
        return [c.id for c in self.candidates]

    @property
    def layout(self) -> ballot_crypto.Layout:
        """Return how this election's ballots are encoded, and the width of every row."""
        return ballot_crypto.Layout(rule=self.rule, candidates=tuple(self.candidate_ids))


@dataclass(frozen=True)
class Issuance:
    """One blind signature issued: to which elector, over which blinded message, asked for with which signature.

    ``voter_signature`` is the elector's voting key's signature over the pass request
    (`voting_key.pass_request_message`): only the delegate holding the voting code can make it.
    The box must hold exactly as many ballots as there are cast declarations, so whoever holds the
    blind-signing key cannot add a ballot under a pass its elector took and did not use.
    """

    elector: str
    blinded_message: bytes
    blind_signature: bytes
    voter_signature: bytes
    # The elector's cast declaration (`voting_key.cast_declaration_message`), sent with the first
    # ballot cast under a new credential; None while the elector has cast nothing. It names no ballot.
    cast_declaration: bytes | None = None


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
    mixer: int = SERVER_MIXER
    signature: th.Proof | None = None


@dataclass(frozen=True)
class Decryption:
    """The opening of one shuffled row: x·A for each of its pairs (proven by its trustee's batched proof)."""

    factors: tuple[bytes, ...]


@dataclass(frozen=True)
class TrusteeDecryption:
    """One trustee's share of the opening: x_j·A for every pair of every shuffled row, and x_j·H_lot.

    ``proof`` is one batched Chaum–Pedersen proof for every factor of every row (``threshold.prove_batch``);
    the lot share has a proof of its own.
    """

    trustee: int
    rows: tuple[Decryption, ...]
    proof: th.Proof
    lot_value: bytes
    lot_proof: th.Proof


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
    decryptions: tuple[TrusteeDecryption, ...]
    lot_value: bytes
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


def dkg_context(election: str) -> bytes:
    """Bind the key generation's proofs to the election (its slug): the dealer's index follows."""
    return DKG_DOMAIN + election.encode("utf-8")


def confirmation_context(election: str, trustee: int) -> bytes:
    """Bind a trustee's confirmation (proof of knowledge of x_j) to the election and the trustee."""
    return dkg_context(election) + b"confirm" + trustee.to_bytes(2, "big")


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


def mix_json(stage: Mix) -> dict[str, Any]:
    """Write one shuffle stage as the record does (``signature`` is null for the server's mix)."""
    return {
        "mixer": stage.mixer,
        "ciphertexts": [b64(c) for c in stage.ciphertexts],
        "proof": shuffle_proof_json(stage.proof),
        "signature": None if stage.signature is None else b64(proof_bytes(stage.signature)),
    }


def read_mix(raw: Any) -> Mix:
    """Read one shuffle stage written by ``mix_json``; RecordFormatError on any bad shape."""
    entry = _exact(raw, MIX_FIELDS, "mix")
    mixer = entry["mixer"]
    if not isinstance(mixer, int) or isinstance(mixer, bool) or not 0 <= mixer <= 255:
        raise RecordFormatError("mix.mixer is not a trustee index (0 for the server)")
    signature = entry["signature"]
    if (signature is None) != (mixer == SERVER_MIXER):
        raise RecordFormatError("mix.signature: a trustee's mix is signed, the server's is not (null)")
    return Mix(
        ciphertexts=tuple(_unb64(v, "mix.ciphertexts") for v in _list(entry["ciphertexts"], "mix.ciphertexts")),
        proof=_shuffle_proof(entry["proof"]),
        mixer=mixer,
        signature=None if signature is None else _proof(signature, "mix.signature"),
    )


def mix_context(digest: str, number: int, stage: Mix) -> bytes:
    """Bind a trustee's mix signature to the election, the mix's place in the cascade, its mixer and its bytes.

    MIX_DOMAIN ‖ definition hash (32 raw bytes) ‖ number (2 bytes, big-endian, the first mix is 1) ‖
    mixer (2 bytes) ‖ SHA-256 of the canonical JSON of the mix without its signature.
    """
    body = canonical_json({k: v for k, v in mix_json(stage).items() if k != "signature"})
    return (
        MIX_DOMAIN
        + bytes.fromhex(digest)
        + number.to_bytes(2, "big")
        + stage.mixer.to_bytes(2, "big")
        + hashlib.sha256(body).digest()
    )


def sign_mix(stage: Mix, *, digest: str, number: int, secret: int) -> Mix:
    """Sign a trustee's mix: a Schnorr proof of knowledge of x_j (its key share) over ``mix_context``."""
    proof = th.prove_knowledge(secret, th.base_mul(secret), mix_context(digest, number, stage))
    return Mix(stage.ciphertexts, stage.proof, stage.mixer, proof)


def mix_signature_valid(stage: Mix, *, digest: str, number: int, verification_keys: dict[int, bytes]) -> bool:
    """Check a trustee's mix signature against its verification key x_j·G from the definition."""
    key = verification_keys.get(stage.mixer)
    if stage.mixer == SERVER_MIXER or stage.signature is None or key is None:
        return False
    return th.verify_knowledge(key, stage.signature, mix_context(digest, number, stage))


def mixer_fault(definition: Definition, digest: str, mixes: Sequence[Mix]) -> str | None:
    """Say why a cascade does not meet the mixing rule, or None.

    The rule: the server's mix (mixer 0, unsigned) may only come first; every other mix is by a
    trustee of a joint key, signed with its key share; no trustee mixes twice; a joint key needs at
    least k trustees' mixes (k the threshold), so that any k trustees able to decrypt include one who
    mixed.
    """
    keys = definition.verification_keys()
    seen: set[int] = set()
    for number, stage in enumerate(mixes, start=1):
        if stage.mixer == SERVER_MIXER:
            if number != 1:
                return f"mix {number}: the server's mix may only come first"
            continue
        if stage.mixer not in keys:
            return f"mix {number}: mixer {stage.mixer} is not a trustee of this election"
        if stage.mixer in seen:
            return f"mix {number}: trustee {stage.mixer} mixed twice"
        if not mix_signature_valid(stage, digest=digest, number=number, verification_keys=keys):
            return f"mix {number}: trustee {stage.mixer}'s signature does not verify"
        seen.add(stage.mixer)
    if len(seen) < definition.trustee_threshold:
        return f"{len(seen)} trustees' mixes, {definition.trustee_threshold} needed before decryption"
    return None


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
    "ballot_format",
)
BALLOT_FORMAT_FIELDS = ("encoding", "points")
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
ISSUANCE_FIELDS = ("elector", "blinded_message", "blind_signature", "voter_signature", "cast_declaration")
ELECTOR_FIELDS = ("id", "name", "key")
MIX_FIELDS = ("mixer", "ciphertexts", "proof", "signature")
DECRYPTION_FIELDS = ("factors",)
LOT_FIELDS = ("value",)
TRUSTEES_FIELDS = ("threshold", "count", "names", "dealings", "confirmations")
DEALING_FIELDS = ("trustee", "commitments", "proof")
CONFIRMATION_FIELDS = ("trustee", "proof")
TRUSTEE_DECRYPTION_FIELDS = ("trustee", "rows", "proof", "lot")
TRUSTEE_LOT_FIELDS = ("value", "proof")


def ballot_format(definition: dict[str, Any]) -> dict[str, Any]:
    """Return a definition's ``ballot_format``: the encoding, and the row width its rule and candidates give."""
    ids = [str(c["id"]) for c in definition["candidates"]]
    shape = ballot_crypto.Layout(rule=str(definition["rule"]), candidates=tuple(ids))
    return {"encoding": ballot_crypto.ENCODING, "points": shape.points}


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
    if len(candidates) > ballot_crypto.MAX_CANDIDATES:
        raise RecordFormatError(
            f"more than {ballot_crypto.MAX_CANDIDATES} candidates (a ballot indexes them in one byte)"
        )
    shape = ballot_crypto.Layout(rule=rule, candidates=tuple(c.id for c in candidates))
    written = _exact(_require(raw, "ballot_format", dict, "definition"), BALLOT_FORMAT_FIELDS, "ballot_format")
    if _require(written, "encoding", str, "ballot_format") != ballot_crypto.ENCODING:
        raise RecordFormatError(f"unknown ballot encoding (this verifier knows {ballot_crypto.ENCODING!r})")
    if _require(written, "points", int, "ballot_format") != shape.points:
        raise RecordFormatError(f"ballot_format.points is not this election's width ({shape.points})")
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
        _exact(entry, ELECTOR_FIELDS, "elector")
        key = None if entry["key"] is None else _unb64(entry["key"], "elector.key")
        if key is not None and len(key) != voting_key.PUBLIC_KEY_LENGTH:
            raise RecordFormatError("an elector's key is not 32 bytes")
        electorate.append(
            Elector(id=_require(entry, "id", str, "elector"), name=_require(entry, "name", str, "elector"), key=key)
        )
    if [e.id for e in electorate] != sorted({e.id for e in electorate}):
        raise RecordFormatError("elector ids repeat or are not sorted")
    held = [e.key for e in electorate if e.key is not None]
    if len(set(held)) != len(held):
        raise RecordFormatError("two electors have the same voting key")
    trustees = _exact(_require(raw, "trustees", dict, "definition"), TRUSTEES_FIELDS, "trustees")
    trustee_threshold = _require(trustees, "threshold", int, "trustees")
    trustee_count = _require(trustees, "count", int, "trustees")
    if not 1 <= trustee_threshold <= trustee_count <= 255:
        raise RecordFormatError("trustees: need 1 <= threshold <= count <= 255")
    _string_list(trustees["names"], "trustees.names")
    dealings = []
    for entry in _list(trustees["dealings"], "trustees.dealings"):
        _exact(entry, DEALING_FIELDS, "dealing")
        dealings.append(
            th.Dealing(
                dealer=_require(entry, "trustee", int, "dealing"),
                commitments=tuple(
                    _point(v, "dealing.commitments") for v in _list(entry["commitments"], "dealing.commitments")
                ),
                proof=_proof(entry["proof"], "dealing.proof"),
            )
        )
    confirmations = []
    for entry in _list(trustees["confirmations"], "trustees.confirmations"):
        _exact(entry, CONFIRMATION_FIELDS, "confirmation")
        confirmations.append(
            (_require(entry, "trustee", int, "confirmation"), _proof(entry["proof"], "confirmation.proof"))
        )
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
        trustee_threshold=trustee_threshold,
        trustee_count=trustee_count,
        dealings=tuple(dealings),
        confirmations=tuple(confirmations),
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
    found = _require(raw, "format", str, "record")
    if found != RECORD_FORMAT:
        if found.startswith(RECORD_FORMAT.rsplit("/", 1)[0] + "/"):
            raise RecordFormatError(
                f"a record of format {found}: this verifier reads {RECORD_FORMAT} only "
                "(/10 lists each elector's cast declaration, and the box must hold as many ballots as there are "
                "declarations; earlier records are not read)"
            )
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
                voter_signature=_unb64(entry["voter_signature"], "issuance.voter_signature"),
                cast_declaration=None
                if entry["cast_declaration"] is None
                else _unb64(entry["cast_declaration"], "issuance.cast_declaration"),
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
    mixes = [read_mix(entry) for entry in _require(raw, "mixes", list, "record")]
    decryptions = [_trustee_decryption(entry) for entry in _require(raw, "decryptions", list, "record")]
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
        lot_seed=_hex(raw["lot_seed"], "lot_seed"),
        result=_require(raw, "result", dict, "record"),
        record_signature=_unb64(raw["record_signature"], "record_signature"),
    )


def _trustee_decryption(raw: Any) -> TrusteeDecryption:
    entry = _exact(raw, TRUSTEE_DECRYPTION_FIELDS, "decryption")
    rows = []
    for row in _list(entry["rows"], "decryption.rows"):
        _exact(row, DECRYPTION_FIELDS, "decryption row")
        rows.append(
            Decryption(
                factors=tuple(_point(v, "decryption.factors") for v in _list(row["factors"], "decryption.factors"))
            )
        )
    lot = _exact(entry["lot"], TRUSTEE_LOT_FIELDS, "decryption.lot")
    return TrusteeDecryption(
        trustee=_require(entry, "trustee", int, "decryption"),
        rows=tuple(rows),
        proof=_proof(entry["proof"], "decryption.proof"),
        lot_value=_point(lot["value"], "decryption.lot.value"),
        lot_proof=_proof(lot["proof"], "decryption.lot.proof"),
    )


def trustee_decryption_json(decryption: TrusteeDecryption) -> dict[str, Any]:
    """Write one trustee's partial decryption as the record (and the trustee's message) does."""
    return {
        "trustee": decryption.trustee,
        "rows": [{"factors": [b64(f) for f in d.factors]} for d in decryption.rows],
        "proof": b64(proof_bytes(decryption.proof)),
        "lot": {"value": b64(decryption.lot_value), "proof": b64(proof_bytes(decryption.lot_proof))},
    }


def dealing_json(dealing: th.Dealing) -> dict[str, Any]:
    """Write a trustee's public dealing (Feldman commitments and proof) as the definition does."""
    return {
        "trustee": dealing.dealer,
        "commitments": [b64(c) for c in dealing.commitments],
        "proof": b64(proof_bytes(dealing.proof)),
    }


def confirmation_json(trustee: int, proof: th.Proof) -> dict[str, Any]:
    """Write a trustee's confirmation (proof of knowledge of its key share) as the definition does."""
    return {"trustee": trustee, "proof": b64(proof_bytes(proof))}


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


def open_rows(
    shape: ballot_crypto.Layout, rows: Sequence[shuffle.Row], factors: Sequence[Sequence[bytes]]
) -> list[dict[str, Any] | None]:
    """Open each shuffled row with its decryption factors (B − x·A per pair); None for a spoilt ballot."""
    plaintexts: list[dict[str, Any] | None] = []
    for row, row_factors in zip(rows, factors, strict=True):
        try:
            plaintexts.append(
                ballot_crypto.read_points(shape, [th.sub(c.b, f) for c, f in zip(row, row_factors, strict=True)])
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


def decrypt_as_trustee(
    *,
    trustee: int,
    secret: int,
    public_key: bytes,
    digest: str,
    tracking_codes: Sequence[str],
    rows: Sequence[shuffle.Row],
    draw: th.Draw = th.random_scalar,
) -> TrusteeDecryption:
    """Make one trustee's partial decryption of every shuffled row (one batched proof), and its share of the lot value.

    The batched proof shows log_G(x_j·G) = log_{A*}(D*) for the weighted sums of every pair's A and
    every factor x_j·A, the pairs taken row by row (``threshold.prove_batch``).
    """
    verification = th.base_mul(secret)
    factors, batch = th.prove_batch(secret, verification, public_key, [pair for row in rows for pair in row], draw=draw)
    opened, start = [], 0
    for row in rows:
        opened.append(Decryption(tuple(factors[start : start + len(row)])))
        start += len(row)
    base = lot_base(digest, tracking_codes)
    value = th.mul(secret, base)
    proof = th.prove_equal_logs(secret, base, verification, value, lot_context(digest, tracking_codes), draw=draw)
    return TrusteeDecryption(trustee=trustee, rows=tuple(opened), proof=batch, lot_value=value, lot_proof=proof)


def decryption_fault(
    public_key: bytes, verification: bytes, rows: Sequence[shuffle.Row], opened: TrusteeDecryption
) -> str | None:
    """Say what is wrong with one trustee's partial decryption of ``rows`` (None: its batched proof verifies).

    One factor per pair of every row, and the batched Chaum–Pedersen proof over all of them, the
    pairs row by row (``threshold.verify_batch``). A factor that is not a group element is named.
    """
    if len(opened.rows) != len(rows):
        return f"{len(opened.rows)} decryptions for {len(rows)} shuffled ballots"
    for number, (row, row_opened) in enumerate(zip(rows, opened.rows, strict=True), start=1):
        if len(row_opened.factors) != len(row):
            return f"shuffled ballot {number}: not one factor per pair"
    pairs = [pair for row in rows for pair in row]
    factors = [factor for row_opened in opened.rows for factor in row_opened.factors]
    if th.verify_batch(verification, public_key, pairs, factors, opened.proof):
        return None
    for number, row_opened in enumerate(opened.rows, start=1):  # only on failure: name a point outside the group
        bad = next((k for k, factor in enumerate(row_opened.factors, start=1) if not th.is_valid(factor)), None)
        if bad is not None:
            return f"shuffled ballot {number}, pair {bad}: the factor is not a group element"
    return (
        f"the decryption proof over its {len(factors)} factors does not verify (a factor is not its key share applied)"
    )


def lagrange_coefficients(trustees: Sequence[int]) -> dict[int, int]:
    """Return each participating trustee's Lagrange coefficient at 0."""
    return {j: th.lagrange_at_zero(j, trustees) for j in trustees}


# A point multiplied by a small integer costs at most this many point additions (each about a fifth
# of a scalar multiplication) before a scalar multiplication is cheaper.
SMALL_MULTIPLE = 4


def _lagrange_fractions(trustees: Sequence[int]) -> tuple[dict[int, int], int] | None:
    """Write the Lagrange coefficients at 0 as n_j / D with integers, if every |n_j| is small.

    λ_j = Π_{m≠j} m / (m − j): for the usual sets of trustees the numerators over a common
    denominator are tiny (for trustees 1 and 2, λ = 2 and −1), so Σ λ_j·P_j is a few point
    additions and at most one multiplication by D⁻¹ instead of one multiplication per trustee.
    """
    if len(set(trustees)) != len(trustees):
        return None
    fractions = {}
    for j in trustees:
        numerator, denominator = 1, 1
        for m in trustees:
            if m != j:
                numerator *= m
                denominator *= m - j
        fractions[j] = Fraction(numerator, denominator)
    common = math.lcm(*(f.denominator for f in fractions.values()))
    integers = {j: int(f * common) for j, f in fractions.items()}
    if any(abs(n) > SMALL_MULTIPLE for n in integers.values()):
        return None
    return integers, common


def _small_multiple(n: int, point: bytes) -> bytes:
    """Return n·P for |n| <= SMALL_MULTIPLE by point additions."""
    total = th.IDENTITY
    for _ in range(abs(n)):
        total = th.add(total, point)
    return total if n >= 0 else th.sub(th.IDENTITY, total)


def _combine_points(terms: Sequence[tuple[int, bytes]]) -> bytes:
    if len(terms) == 1 and terms[0][0] == 1:
        return terms[0][1]
    total = th.IDENTITY
    for coefficient, point in terms:
        total = th.add(total, th.mul(coefficient, point))
    return total


def _combiner(trustees: Sequence[int]) -> Callable[[Sequence[bytes]], bytes]:
    """Return a function from the trustees' points (in the order of ``trustees``) to Σ λ_j·P_j.

    The same group element either way (so the same bytes): small Lagrange numerators are applied
    by additions (``_lagrange_fractions``), others by scalar multiplications.
    """
    coefficients = lagrange_coefficients(trustees)
    fractions = _lagrange_fractions(trustees)
    if fractions is None:
        return lambda points: _combine_points([(coefficients[j], p) for j, p in zip(trustees, points, strict=True)])
    integers, common = fractions
    inverse = pow(common, -1, th.L)

    def combine(points: Sequence[bytes]) -> bytes:
        total = th.IDENTITY
        for j, point in zip(trustees, points, strict=True):
            n = integers[j]
            if n > 0:
                total = th.add(total, _small_multiple(n, point))
            elif n < 0:
                total = th.sub(total, _small_multiple(-n, point))
        return total if common == 1 else th.mul(inverse, total)

    return combine


def combined_factors(decryptions: Sequence[TrusteeDecryption]) -> list[list[bytes]]:
    """Combine the trustees' partial decryptions into x·A for every pair: Σ λ_j·(x_j·A)."""
    if not decryptions:
        return []
    combine = _combiner([d.trustee for d in decryptions])
    rows = len(decryptions[0].rows)
    return [
        [combine([d.rows[i].factors[k] for d in decryptions]) for k in range(len(decryptions[0].rows[i].factors))]
        for i in range(rows)
    ]


def combined_lot(decryptions: Sequence[TrusteeDecryption]) -> bytes:
    """Combine the trustees' shares of the lot value into x·H_lot."""
    coefficients = lagrange_coefficients([d.trustee for d in decryptions])
    return _combine_points([(coefficients[d.trustee], d.lot_value) for d in decryptions])


def mix_box(definition: dict[str, Any], cast: Sequence[CastBallot], *, seed: bytes | None = None) -> list[Mix]:
    """Shuffle the closed box (sorted by tracking code) once, with a proof: the server's mix."""
    parsed = parse_definition(definition)
    ordered = sorted(cast, key=lambda b: b.tracking)
    points = parsed.layout.points
    mixes, _rows = mix(
        parsed.ballot_key, [ballot_crypto.to_row(b.ciphertext, points=points) for b in ordered], seed=seed
    )
    return mixes


def rows_to_open(cast: Sequence[CastBallot], mixes: Sequence[Mix], *, points: int) -> list[shuffle.Row]:
    """Return the rows the trustees open (``points`` pairs each): the last mix's output, or the (empty) box."""
    if mixes:
        return [ballot_crypto.to_row(c, points=points) for c in mixes[-1].ciphertexts]
    return [ballot_crypto.to_row(b.ciphertext, points=points) for b in sorted(cast, key=lambda b: b.tracking)]


def assemble_record(
    *,
    definition: dict[str, Any],
    issuance: list[Issuance],
    chain: list[ChainEntry],
    cast: list[CastBallot],
    mixes: Sequence[Mix],
    decryptions: Sequence[TrusteeDecryption],
    record_key: Ed25519PrivateKey,
) -> dict[str, Any]:
    """Combine the trustees' partial decryptions, count, and sign the public record."""
    parsed = parse_definition(definition)
    digest = definition_hash(definition)
    ordered = sorted(cast, key=lambda b: b.tracking)
    codes = [b.tracking for b in ordered]
    chosen = sorted(decryptions, key=lambda d: d.trustee)
    rows = rows_to_open(ordered, mixes, points=parsed.layout.points)
    lot = lot_seed(digest, codes, combined_lot(chosen))
    heads = chain_heads(digest, chain)
    raw: dict[str, Any] = {
        "format": RECORD_FORMAT,
        "definition": definition,
        "definition_hash": digest,
        "issuance": [
            {
                "elector": i.elector,
                "blinded_message": b64(i.blinded_message),
                "blind_signature": b64(i.blind_signature),
                "voter_signature": b64(i.voter_signature),
                "cast_declaration": None if i.cast_declaration is None else b64(i.cast_declaration),
            }
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
        "mixes": [mix_json(stage) for stage in mixes],
        "decryptions": [trustee_decryption_json(d) for d in chosen],
        "lot": {"value": b64(combined_lot(chosen))},
        "lot_seed": lot,
        "result": compute_result(parsed, open_rows(parsed.layout, rows, combined_factors(chosen)), seed=lot),
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
    keys = {e.id: e.key for e in record.definition.electorate}
    for issued in record.issuance:
        if not check_blind_signature(blind_key, issued.blinded_message, issued.blind_signature):
            failures.append(Failure("issuance", f"elector {issued.elector}: the blind signature does not verify"))
        if issued.elector not in keys:
            continue  # named above, outside the electorate
        key = keys[issued.elector]
        if key is None:
            failures.append(
                Failure(
                    "issuance", f"elector {issued.elector}: a pass for an elector with no voting key in the definition"
                )
            )
        elif not voting_key.is_valid_pass_request(
            key, record.definition_hash, issued.blinded_message, issued.voter_signature
        ):
            failures.append(
                Failure(
                    "issuance", f"elector {issued.elector}: the pass request is not signed by the elector's voting key"
                )
            )
        if (
            key is not None
            and issued.cast_declaration is not None
            and not voting_key.is_valid_cast_declaration(key, record.definition_hash, issued.cast_declaration)
        ):
            failures.append(
                Failure(
                    "declaration",
                    f"elector {issued.elector}: the cast declaration is not signed by the elector's voting key",
                )
            )
    # Each cast credential needs a pass of its own: as multisets, the ballots' credentials fit
    # into the issued passes (blinding hides which pass became which credential, not how many).
    if len(record.ballots) > len(record.issuance):
        failures.append(
            Failure("ballot-count", f"{len(record.ballots)} ballots but only {len(record.issuance)} passes were issued")
        )
    # And each one came with its elector's cast declaration: whoever holds the blind-signing key can
    # make credentials, but not declarations, so a ballot beyond them was added and a declaration
    # beyond them names a ballot that was dropped.
    declared = sum(1 for issued in record.issuance if issued.cast_declaration is not None)
    if len(record.ballots) > declared:
        failures.append(
            Failure(
                "ballot-count",
                f"{len(record.ballots)} ballots but only {declared} electors declared a cast: "
                f"{len(record.ballots) - declared} ballot(s) were added without a voter",
            )
        )
    elif len(record.ballots) < declared:
        failures.append(
            Failure(
                "ballot-count",
                f"{declared} electors declared a cast but the box holds {len(record.ballots)} ballots: "
                f"{declared - len(record.ballots)} ballot(s) were dropped",
            )
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
    key_failures = check_key_generation(definition)
    failures += key_failures
    # With a shuffle, the proof's multiplications check every point of the rows (see _check_mixes).
    inputs = _input_rows(record, failures, validate=not record.mixes)
    rows = _check_mixes(record, public_key, inputs, failures) if inputs is not None else None
    if rows is not None and not key_failures and record.ballots:  # an empty box has nothing to mix
        fault = mixer_fault(definition, record.definition_hash, record.mixes)
        if fault is not None:  # the ballots may be linkable; the decryptions and the count are still checked
            failures.append(Failure("mixers", fault))
    seed = lot_seed(record.definition_hash, record.tracking, record.lot_value)
    if seed != record.lot_seed:
        failures.append(Failure("lot-seed", "the lot seed is not the hash of the closed box and the lot value"))
    if key_failures or rows is None:
        return failures
    plaintexts = _check_decryptions(record, public_key, rows, failures)
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


def _input_rows(record: Record, failures: list[Failure], *, validate: bool) -> list[shuffle.Row] | None:
    points = record.definition.layout.points
    rows: list[shuffle.Row] = []
    for number, ballot in enumerate(record.ballots, start=1):
        try:
            rows.append(ballot_crypto.to_row(ballot.ciphertext, points=points, validate=validate))
        except ballot_crypto.BallotError:
            failures.append(
                Failure(
                    "ciphertext",
                    f"ballot {number}: the sealed ballot is not "
                    f"{points} ElGamal pairs of group elements (this election's width)",
                )
            )
    return None if len(rows) != len(record.ballots) else rows


def _check_mixes(
    record: Record, public_key: bytes, inputs: list[shuffle.Row], failures: list[Failure]
) -> list[shuffle.Row] | None:
    # The rows' points were split but not yet checked (verify calls _input_rows with validate=False when
    # there is a shuffle): shuffle.verify checks each of them inside its scalar multiplication. Only when
    # a proof fails are the rows checked point by point, so that the failure names the ballot or the mix.
    if inputs and not record.mixes:
        failures.append(Failure("mix", "the ballots were not shuffled before they were opened"))
        return None
    if not inputs and record.mixes:
        failures.append(Failure("mix", "a shuffle of an empty ballot box"))
        return None
    current = inputs
    for number, stage in enumerate(record.mixes, start=1):
        try:
            outputs = [
                ballot_crypto.to_row(c, points=record.definition.layout.points, validate=False)
                for c in stage.ciphertexts
            ]
        except ballot_crypto.BallotError:
            failures.append(Failure("mix", f"mix {number}: an output is not a row of ElGamal pairs"))
            return None
        if len(outputs) != len(current):
            failures.append(Failure("mix", f"mix {number}: {len(outputs)} rows out for {len(current)} in"))
            return None
        if not shuffle.verify(public_key, current, outputs, stage.proof):
            if number == 1 and _input_rows(record, failures, validate=True) is None:
                return None  # a ballot holds something other than group elements: named above
            if not all(th.is_valid(c.a) and th.is_valid(c.b) for row in outputs for c in row):
                failures.append(Failure("mix", f"mix {number}: an output is not a row of ElGamal pairs"))
                return None
            failures.append(Failure("mix", f"mix {number}: the shuffle proof does not verify"))
            return None
        current = outputs  # every point of these rows passed libsodium's checks inside the proof's multiplications
    return current


def check_key_generation(definition: Definition) -> list[Failure]:
    """Check the trustees' joint key generation in the definition; a definition without one fails.

    Each of the n trustees dealt once: k valid Feldman commitments and a Schnorr proof of knowledge
    of the constant term; the ballot key is the sum of the constant terms' commitments; each
    trustee confirmed, with a proof of knowledge of x_j, that its shares added up to the secret
    behind its verification key (so every trustee could decrypt when the key was frozen).
    """
    failures: list[Failure] = []
    if not definition.dealings:
        # A key made whole (the retired SLIP-39 ceremonies) was held entire by whoever made it, who could
        # decrypt any single ballot and, with the server as the only mixer, link it to its tracking code.
        failures.append(
            Failure(
                "key-generation",
                "the election key was made whole, not by the trustees together: the definition lists no "
                "dealings, so whoever made the key could decrypt any single ballot; such a record cannot "
                "be checked against the operator",
            )
        )
        return failures
    k, n = definition.trustee_threshold, definition.trustee_count
    context = dkg_context(str(definition.raw.get("election", "")))
    dealers = [d.dealer for d in definition.dealings]
    if dealers != list(range(1, n + 1)):
        failures.append(Failure("key-generation", f"the dealings are not one by each of the {n} trustees, in order"))
        return failures
    for dealing in definition.dealings:
        if not th.verify_dealing(dealing, threshold=k, context=context):
            failures.append(
                Failure(
                    "key-generation",
                    f"trustee {dealing.dealer}'s dealing: not {k} valid commitments with a proof of its constant term",
                )
            )
    if failures:
        return failures
    if th.election_key(definition.dealings) != definition.ballot_key:
        failures.append(Failure("key-generation", "the ballot key is not the sum of the trustees' constant terms"))
    keys = definition.verification_keys()
    confirmed = [j for j, _ in definition.confirmations]
    if confirmed != list(range(1, n + 1)):
        failures.append(Failure("key-generation", f"not every one of the {n} trustees confirmed its key share"))
        return failures
    election = str(definition.raw.get("election", ""))
    for j, proof in definition.confirmations:
        if not th.verify_knowledge(keys[j], proof, confirmation_context(election, j)):
            failures.append(
                Failure("key-generation", f"trustee {j}'s confirmation does not prove its share of the key")
            )
    return failures


def _check_decryptions(
    record: Record, public_key: bytes, rows: list[shuffle.Row], failures: list[Failure]
) -> list[dict[str, Any] | None] | None:
    definition = record.definition
    keys = definition.verification_keys()
    indices = [d.trustee for d in record.decryptions]
    if indices != sorted(set(indices)):
        failures.append(Failure("decryption", "the trustees' decryptions are not sorted, or a trustee appears twice"))
        return None
    strangers = [j for j in indices if j not in keys]
    if strangers:
        failures.append(
            Failure("decryption", f"a decryption by trustee {strangers[0]}, who holds no share of this key")
        )
        return None
    if len(indices) < definition.needed:
        failures.append(
            Failure(
                "trustees",
                f"{len(indices)} trustee(s) decrypted; {definition.needed} are needed to open the count",
            )
        )
        return None
    base = lot_base(record.definition_hash, record.tracking)
    context = lot_context(record.definition_hash, record.tracking)
    valid = True
    for opened in record.decryptions:
        who = f"trustee {opened.trustee}"
        verification = keys[opened.trustee]
        if not th.is_valid(verification):
            failures.append(Failure("decryption", f"{who}: the verification key is not a group element"))
            valid = False
            continue
        # Each point is checked inside the batched proof's multiplications (threshold.mul_checked).
        fault = decryption_fault(public_key, verification, rows, opened)
        if fault is not None:
            failures.append(Failure("decryption", f"{who}: {fault}"))
            valid = False
        if not th.verify_equal_logs(base, verification, opened.lot_value, opened.lot_proof, context):
            failures.append(Failure("lot-seed", f"{who}: the share of the lot value is not its key share applied"))
            valid = False
    if not valid:
        return None
    if combined_lot(record.decryptions) != record.lot_value:
        failures.append(Failure("lot-seed", "the lot value is not the combination of the trustees' shares"))
        return None
    return open_rows(definition.layout, rows, combined_factors(record.decryptions))


def final_rows(parsed: Record) -> list[shuffle.Row]:
    """Return the rows that were opened: the last mix's output (the box itself if it was empty)."""
    points = parsed.definition.layout.points
    if not parsed.mixes:
        return [ballot_crypto.to_row(b.ciphertext, points=points) for b in parsed.ballots]
    return [ballot_crypto.to_row(c, points=points) for c in parsed.mixes[-1].ciphertexts]


def opened_ballots(data: bytes | str | dict[str, Any]) -> list[dict[str, Any] | None]:
    """Return the opened ballots in shuffled order (None for a spoilt one), as the record's decryptions give them."""
    parsed = parse_record(data)
    return open_rows(parsed.definition.layout, final_rows(parsed), combined_factors(parsed.decryptions))


def has_ballot(data: bytes | str | dict[str, Any], tracking: str) -> bool:
    """Tell whether the ballot box holds a ballot with this tracking code.

    Which opened ballot it became is exactly what the shuffle hides, from everyone.
    """
    return tracking.strip().lower() in parse_record(data).tracking
