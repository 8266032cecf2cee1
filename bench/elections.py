"""Elections benchmark: blind signatures per second, verifying a large record, an STV count.

Each figure stands beside a reference measured in the same run: a plain RSA-PSS signature by
`cryptography`, the bare signature checks of the record, and pref_voting's `stv_scottish` alone.
"""

from __future__ import annotations

import random
import secrets
import time

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from bench.table import Row
from solidarity.elections import ballots, blind, record, tally

PSS = padding.PSS(mgf=padding.MGF1(hashes.SHA384()), salt_length=blind.SALT_LENGTH)


def _blind_signatures(count: int) -> list[Row]:
    key = blind.generate_signing_key()
    public = key.public_key()
    blinded = [blind.blind(public, blind.prepare(secrets.token_bytes(32))).blinded_message for _ in range(count)]
    start = time.perf_counter()
    for message in blinded:
        blind.blind_sign(key, message)
    ours = count / (time.perf_counter() - start)
    start = time.perf_counter()
    for _ in range(count):
        key.sign(b"reference message", PSS, hashes.SHA384())
    reference = count / (time.perf_counter() - start)
    return [
        Row(
            "elections",
            "blind signatures (RSA-2048, CRT powmod_sec + RSAVP1 check)",
            ours,
            "sig/s",
            "cryptography RSA-PSS sign (CRT, not blind)",
            reference,
        )
    ]


def _ranking(rng: random.Random, ids: list[str], weights: list[float]) -> list[str]:
    order = sorted(ids, key=lambda c: -(rng.random() ** (1.0 / weights[ids.index(c)])))
    return order[: rng.randint(1, len(ids))]


def _record(voters: int) -> tuple[bytes, float]:
    rng = random.Random(1)
    key = blind.generate_signing_key()
    pair = ballots.generate_key_pair()
    record_key = Ed25519PrivateKey.generate()
    ids = [f"c{i}" for i in range(30)]
    names = [f"Delegate {i:05d}" for i in range(voters)]
    definition = {
        "format": record.DEFINITION_FORMAT,
        "election": "bench",
        "title_en": "Bench",
        "title_fa": "بنچ",
        "rule": "scottish-stv",
        "seats": 7,
        "threshold": "1/2",
        "tie_break": "scottish-history-then-lot",
        "candidates": [{"id": c, "name_en": c, "name_fa": c, "attributes": {}} for c in ids],
        "constraints": [],
        "electorate": names,
        "opens_at": "",
        "closes_at": "",
        "keys": {
            "blind_signing": record.b64(blind.public_key_der(key.public_key())),
            "ballot": record.b64(pair.public_key),
            "record": record.b64(record_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)),
        },
    }
    weights = [rng.uniform(0.5, 3.0) for _ in ids]
    cast = []
    for _ in range(voters):
        token = blind.prepare(secrets.token_bytes(32))
        # A standard PSS signature by the same key is what finalize() yields; skipping the blinding
        # round trip keeps the set-up short without changing what verify() checks.
        signature = key.sign(token, PSS, hashes.SHA384())
        cast.append(
            record.CastBallot(token, signature, ballots.seal(pair.public_key, {"ranking": _ranking(rng, ids, weights)}))
        )
    built = record.build_record(
        definition=definition, recipients=names, cast=cast, private_key=pair.private_key, record_key=record_key
    )
    start = time.perf_counter()
    for b in cast:
        blind.verify(key.public_key(), b.token, b.signature)
    signatures_only = time.perf_counter() - start
    return record.serialize(built), signatures_only


def _verify(voters: int) -> list[Row]:
    data, signatures_only = _record(voters)
    start = time.perf_counter()
    failures = record.verify(data)
    elapsed = time.perf_counter() - start
    if failures:
        raise RuntimeError(f"benchmark record does not verify: {failures[:3]}")
    return [
        Row(
            "elections",
            f"verify a record of {voters:,} ballots (7 of 30, STV)",
            elapsed,
            "s",
            "the RSA-PSS signature checks alone",
            signatures_only,
        )
    ]


def _stv(voters: int) -> list[Row]:
    from pref_voting.profiles_with_ties import ProfileWithTies
    from pref_voting.proportional_methods import stv_scottish

    rng = random.Random(7)
    ids = [f"c{i}" for i in range(30)]
    weights = [rng.uniform(0.5, 3.0) for _ in ids]
    rankings = [_ranking(rng, ids, weights) for _ in range(voters)]
    candidates = [tally.CandidateInfo(c) for c in ids]
    start = time.perf_counter()
    ours = tally.scottish_stv(rankings, candidates, 7, seed="bench")
    ours_time = time.perf_counter() - start
    profile = ProfileWithTies(
        [{int(c[1:]): r + 1 for r, c in enumerate(x)} for x in rankings], candidates=list(range(30))
    )
    start = time.perf_counter()
    theirs = stv_scottish(profile, num_seats=7, rng=random.Random(0))
    theirs_time = time.perf_counter() - start
    agree = sorted(int(c[1:]) for c in ours.elected) == sorted(theirs)
    return [
        Row(
            "elections",
            f"Scottish STV, {voters:,} ballots, 7 of 30 (same winners: {agree})",
            ours_time,
            "s",
            "pref_voting stv_scottish alone",
            theirs_time,
        )
    ]


def run(*, quick: bool) -> list[Row]:
    """Run the three measurements; quick mode uses a tenth of the ballots."""
    voters = 1_000 if quick else 10_000
    return [*_blind_signatures(100 if quick else 500), *_verify(voters), *_stv(voters)]
