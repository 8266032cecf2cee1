"""The public record: it verifies, and every attack on it, outsider's or insider's, is detected."""

from __future__ import annotations

import base64
import copy
import json
from dataclasses import replace
from typing import Any

import pytest

from solidarity.elections import ballots, blind, canonical, client, record, trustee
from solidarity.elections import threshold as th
from tests.elections.helpers import make_election, seal_raw, voted_election


def codes(data: Any, **kwargs: Any) -> set[str]:
    return {failure.code for failure in record.verify(data, **kwargs)}


def resign(election: Any, forged: dict[str, Any]) -> dict[str, Any]:
    """Re-sign a forged record with the record key, as an insider holding it could."""
    forged["record_signature"] = record.b64(election.record_key.sign(record._signed_part(forged)))
    return forged


@pytest.fixture(scope="module")
def stv_election() -> Any:
    return voted_election("scottish-stv")


@pytest.fixture(scope="module")
def stv_record(stv_election: Any) -> dict[str, Any]:
    built: dict[str, Any] = stv_election.build()
    return built


@pytest.mark.parametrize("rule", ["scottish-stv", "equal-shares", "pav", "motion"])
def test_honest_record_passes_for_every_rule(rule: str) -> None:
    built = voted_election(rule).build()
    assert record.verify(record.serialize(built)) == []
    assert built["result"]["rule"] == rule


def test_record_is_reproducible_and_sorted(stv_record: dict[str, Any]) -> None:
    data = record.serialize(stv_record)
    assert canonical.dumps(canonical.loads(data)) == data
    tracking = [b["tracking"] for b in stv_record["ballots"]]
    assert tracking == sorted(tracking)
    electors = [i["elector"] for i in stv_record["issuance"]]
    assert electors == sorted(electors)


def test_voter_finds_their_ballot_in_the_box_but_not_among_the_opened_ones() -> None:
    election = make_election(voters=3)
    mine = election.vote("e000", {"ranking": ["c2", "c0"]})
    election.vote("e001", {"ranking": ["c1"]})
    built = election.build()
    assert record.has_ballot(built, mine.tracking)
    assert not record.has_ballot(built, "0" * 64)
    assert sorted(map(str, record.opened_ballots(built))) == sorted(
        map(str, [{"ranking": ["c2", "c0"]}, {"ranking": ["c1"]}])
    )
    # The published ciphertexts do not open without k trustees' shares, and no share is in the record.
    assert not any(state["share"] in record.serialize(built).decode() for state in election.ceremony.states)
    shuffled = built["mixes"][0]["ciphertexts"]
    assert {b["ciphertext"] for b in built["ballots"]}.isdisjoint(shuffled)


def test_recast_with_the_credential_key_replaces_the_ballot() -> None:
    election = make_election(voters=3)
    first = election.vote("e000", {"ranking": ["c2"]})
    second = election.vote("e000", {"ranking": ["c1"]})
    built = election.build()
    assert first.tracking != second.tracking
    assert not record.has_ballot(built, first.tracking)
    assert record.has_ballot(built, second.tracking)
    assert record.opened_ballots(built) == [{"ranking": ["c1"]}]
    assert record.verify(built) == []


# --- outsiders' attacks --------------------------------------------------------------------------


def test_forged_credential_signature_is_detected(stv_record: dict[str, Any]) -> None:
    forged = copy.deepcopy(stv_record)
    signature = bytearray(base64.b64decode(forged["ballots"][0]["credential_signature"]))
    signature[10] ^= 0xFF
    forged["ballots"][0]["credential_signature"] = record.b64(bytes(signature))
    assert "signature" in codes(forged)


def test_reused_signature_on_a_new_credential_is_detected(stv_election: Any, stv_record: dict[str, Any]) -> None:
    forged = copy.deepcopy(stv_record)
    stolen = stv_election.cast[0]
    other_pass = client.VotingPass(
        credential=blind.prepare(b"k" * 32), signature=stolen.credential_signature, voter_key=stolen_key()
    )
    ballot = client.cast(
        other_pass,
        stv_election.digest,
        stv_election.ballot_key,
        {"ranking": ["c0"]},
        layout=stv_election.layout,
    )
    forged["ballots"].append(_entry(ballot))
    forged["ballots"].sort(key=lambda b: b["tracking"])
    assert "signature" in codes(forged)


def stolen_key() -> Any:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.generate()


def _entry(ballot: record.CastBallot) -> dict[str, str]:
    return {
        "tracking": ballot.tracking,
        "credential": record.b64(ballot.credential),
        "credential_signature": record.b64(ballot.credential_signature),
        "ciphertext": record.b64(ballot.ciphertext),
        "ballot_signature": record.b64(ballot.ballot_signature),
    }


def test_same_credential_twice_is_detected(stv_record: dict[str, Any]) -> None:
    forged = copy.deepcopy(stv_record)
    forged["ballots"].insert(1, dict(forged["ballots"][0]))
    assert "duplicate-credential" in codes(forged)


def test_credential_signed_by_another_key_is_detected() -> None:
    election = voted_election(voters=4)
    other = blind.generate_signing_key()
    pending = client.start_pass(other.public_key())
    voting_pass = client.finish_pass(other.public_key(), pending, blind.blind_sign(other, pending.blinded_message))
    election.cast.append(
        client.cast(voting_pass, election.digest, election.ballot_key, {"ranking": ["c0"]}, layout=election.layout)
    )
    election._event("cast")  # counted on the chain, so that the trustees' tools open the box
    assert "signature" in codes(election.build())


def test_altered_definition_is_detected(stv_record: dict[str, Any]) -> None:
    forged = copy.deepcopy(stv_record)
    forged["definition"]["seats"] = 3
    assert "definition-hash" in codes(forged)


def test_definition_other_than_the_published_one_is_detected(stv_record: dict[str, Any]) -> None:
    assert codes(stv_record, expected_definition_hash="ab" * 32) == {"definition-hash"}
    assert codes(stv_record, expected_definition_hash=stv_record["definition_hash"]) == set()


def test_altered_result_is_detected(stv_record: dict[str, Any]) -> None:
    forged = copy.deepcopy(stv_record)
    forged["result"]["elected"] = list(reversed(forged["result"]["elected"]))
    assert {"count", "record-signature"} <= codes(forged)


def test_a_record_with_the_private_key_or_without_its_shuffle_does_not_parse(stv_record: dict[str, Any]) -> None:
    forged = copy.deepcopy(stv_record)
    forged["election_private_key"] = record.b64(ballots.generate_key_pair().private_key)
    assert codes(forged) == {"format"}
    forged = copy.deepcopy(stv_record)
    del forged["mixes"]
    assert codes(forged) == {"format"}


def test_garbage_is_a_format_failure_not_a_crash() -> None:
    assert codes(b"not json") == {"format"}
    assert codes(b"[]") == {"format"}
    assert codes(b'{"format":"solidarity-election-record/8"}') == {"format"}


def test_a_record_of_the_previous_format_is_refused_with_a_clear_message(stv_record: dict[str, Any]) -> None:
    """/9 had no cast declarations; /10 lists them and needs as many ballots as declarations: /9 is not read."""
    old = copy.deepcopy(stv_record)
    old["format"] = "solidarity-election-record/9"
    for entry in old["issuance"]:
        del entry["cast_declaration"]
    with pytest.raises(record.RecordFormatError, match=r"solidarity-election-record/9: this verifier reads .*/10 only"):
        record.parse_record(old)
    assert codes(old) == {"format"}


def test_building_twice_gives_identical_bytes() -> None:
    """SR-17: one box, cascade and decryptions give one record (sorted, canonical JSON, deterministic Ed25519)."""
    election = voted_election("pav", voters=5)
    mixes, decryptions = election.trustee_opening(record.mix_box(election.definition, election.cast))

    def assemble(cast: list[record.CastBallot], opened: list[record.TrusteeDecryption]) -> bytes:
        return record.serialize(
            record.assemble_record(
                definition=election.definition,
                issuance=list(reversed(election.issuance)),
                chain=election.closed_chain(),
                cast=cast,
                mixes=mixes,
                decryptions=opened,
                record_key=election.record_key,
            )
        )

    assert assemble(election.cast, decryptions) == assemble(list(reversed(election.cast)), decryptions[::-1])


def test_unknown_tie_break_rule_is_a_format_failure(stv_record: dict[str, Any]) -> None:
    forged = copy.deepcopy(stv_record)
    forged["definition"]["tie_break"] = "alphabetical"
    assert codes(forged) == {"format"}
    del forged["definition"]["tie_break"]
    assert codes(forged) == {"format"}


# --- point 6: one set of bytes, one meaning ---------------------------------------------------------


def test_duplicate_keys_in_the_record_are_refused(stv_record: dict[str, Any]) -> None:
    """A fake result in front of the real one: a reader keeping the first key would see other winners."""
    data = record.serialize(stv_record)
    fake = json.dumps({"elected": ["c3"]}, separators=(",", ":")).encode()
    doubled = data.replace(b'"result":', b'"result":' + fake + b',"result":', 1)
    assert codes(doubled) == {"format"}


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.replace(b'","', b'", "', 1),  # a space
        lambda d: d + b"\n",  # a trailing newline
        lambda d: d.replace(b'"format":"solidarity-election-record/10"', b'"format":"solidarity-election-record\\/10"'),
        lambda d: d.replace(b'"seats":2', b'"seats":2.0'),  # a float
        lambda d: d.replace(b'"seats":2', b'"seats":2e0'),
    ],
)
def test_non_canonical_bytes_are_refused(stv_record: dict[str, Any], change: Any) -> None:
    data = record.serialize(stv_record)
    changed = change(data)
    assert changed != data
    assert codes(changed) == {"format"}


@pytest.mark.parametrize("where", ["record", "ballot", "issuance", "definition", "candidate", "keys", "chain"])
def test_extra_fields_are_refused(stv_record: dict[str, Any], where: str) -> None:
    forged = copy.deepcopy(stv_record)
    target = {
        "record": forged,
        "ballot": forged["ballots"][0],
        "issuance": forged["issuance"][0],
        "definition": forged["definition"],
        "candidate": forged["definition"]["candidates"][0],
        "keys": forged["definition"]["keys"],
        "chain": forged["chain"][0],
    }[where]
    target["note"] = "x"
    assert codes(record.serialize(forged)) == {"format"}


def test_base64_with_stray_bits_is_refused(stv_record: dict[str, Any]) -> None:
    forged = copy.deepcopy(stv_record)
    value = forged["ballots"][0]["credential"]  # 64 bytes: "==" padding, 4 spare bits in the last digit
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    last = value[-3]
    forged["ballots"][0]["credential"] = value[:-3] + alphabet[alphabet.index(last) ^ 1] + "=="
    assert base64.b64decode(forged["ballots"][0]["credential"]) == base64.b64decode(value)
    assert codes(forged) == {"format"}


@pytest.mark.parametrize(
    "plaintext",
    [
        bytes([3, 1, 0]) + bytes(23),  # one zero byte short of the width (27)
        bytes([3, 1, 0]) + bytes(23) + b"\x01",  # a non-zero byte after the entry
        bytes([1, 1, 0]) + bytes(24),  # a ranking's kind in a motion
        bytes([3, 2, 0, 1]) + bytes(23),  # two choices
        bytes([3, 0]) + bytes(25),  # no choice
        bytes([3, 1, 3]) + bytes(24),  # a fourth choice
    ],
)
def test_an_ambiguous_ballot_is_spoilt(plaintext: bytes) -> None:
    election = make_election("motion", voters=3)
    election.vote("e000", {"choice": "no"})
    assert election.layout.length == 27
    sealed = seal_raw(election.ballot_key, plaintext, election.layout.points)
    voting_pass = election.issue("e001")
    election.cast_sealed(voting_pass, sealed)
    built = election.build()
    assert (built["result"]["valid"], built["result"]["spoilt"], built["result"]["yes"]) == (1, 1, 0)
    assert record.verify(built) == []


# --- insiders' attacks, with the server's own keys ----------------------------------------------------


def test_swapped_ballot_is_caught_even_when_recounted_and_re_signed() -> None:
    """The server replaces a voter's ciphertext, recounts and re-signs: it cannot sign as the voter."""
    election = make_election(voters=3)
    mine = election.vote("e000", {"ranking": ["c1"]})
    election.vote("e001", {"ranking": ["c1"]})
    swapped = replace(mine, ciphertext=ballots.seal(election.ballot_key, election.layout, {"ranking": ["c2"]}))
    election.cast[0] = swapped
    forged = election.build()  # a fully consistent record, counted and signed by the server's keys
    assert codes(forged) == {"ballot-signature"}


@pytest.fixture(scope="module")
def small_election() -> Any:
    return voted_election("scottish-stv", voters=3, seed=4)


@pytest.fixture(scope="module")
def small_record(small_election: Any) -> dict[str, Any]:
    built: dict[str, Any] = small_election.build()
    return built


def _other_point() -> str:
    return record.b64(th.base_mul(th.random_scalar()))


def _other_scalar(value: str) -> str:
    return record.b64(th.scalar_bytes(int.from_bytes(base64.b64decode(value), "little") + 1))


@pytest.mark.parametrize("field", record.SHUFFLE_PROOF_FIELDS)
def test_a_shuffle_proof_altered_in_any_field_fails(
    small_election: Any, small_record: dict[str, Any], field: str
) -> None:
    forged = copy.deepcopy(small_record)
    proof = forged["mixes"][0]["proof"]
    value = proof[field]
    if field == "t4":
        value[0][1] = _other_point()
    elif isinstance(value, list):
        value[-1] = _other_scalar(value[-1]) if field.startswith("s") else _other_point()
    else:
        proof[field] = _other_scalar(value) if field.startswith("s") else _other_point()
    assert codes(resign(small_election, forged)) == {"mix"}


def _open_as_insiders(election: Any, forged: dict[str, Any], rows: list[Any]) -> dict[str, Any]:
    """The server with k trustees colluding: mix ``rows`` (the server, then trustees 1 and 2, each signing with its
    share), decrypt with both shares, recount; every mix and decryption proof is honest for its own input."""
    public, layout = election.ballot_key, election.layout
    digest, tracking = forged["definition_hash"], [b["tracking"] for b in forged["ballots"]]
    stages, current = record.mix(public, rows)
    for number, mixer in enumerate((1, 2), start=2):
        mixed, current = record.mix(public, current)
        stages.append(
            record.sign_mix(replace(mixed[0], mixer=mixer), digest=digest, number=number, secret=election.share(mixer))
        )
    opened = [
        record.decrypt_as_trustee(
            trustee=index,
            secret=election.share(index),
            public_key=public,
            digest=digest,
            tracking_codes=tracking,
            rows=current,
        )
        for index in (1, 2)
    ]
    forged["mixes"] = [record.mix_json(m) for m in stages]
    forged["decryptions"] = [record.trustee_decryption_json(d) for d in opened]
    plaintexts = record.open_rows(layout, current, record.combined_factors(opened))
    forged["result"] = record.compute_result(
        record.parse_definition(forged["definition"]), plaintexts, seed=forged["lot_seed"]
    )
    return forged


def test_a_ballot_replaced_in_the_shuffle_is_caught(small_election: Any, small_record: dict[str, Any]) -> None:
    """The server and k trustees together (they could decrypt): the server's mix takes one ballot of its own instead
    of a voter's; that shuffle is proven honestly, the trustees mix and open it with proofs, recount, re-sign."""
    forged = copy.deepcopy(small_record)
    layout = small_election.layout
    rows = [ballots.to_row(base64.b64decode(b["ciphertext"]), points=layout.points) for b in forged["ballots"]]
    rows[0] = ballots.to_row(ballots.seal(small_election.ballot_key, layout, {"ranking": ["c3"]}), points=layout.points)
    forged = _open_as_insiders(small_election, forged, rows)
    assert codes(resign(small_election, forged)) == {"mix"}
    # The same cascade over the real box passes: the check above caught the replaced ballot, nothing else.
    honest = copy.deepcopy(small_record)
    rows = [ballots.to_row(base64.b64decode(b["ciphertext"]), points=layout.points) for b in honest["ballots"]]
    assert codes(resign(small_election, _open_as_insiders(small_election, honest, rows))) == set()


def test_an_unshuffled_or_truncated_mix_is_caught(small_election: Any, small_record: dict[str, Any]) -> None:
    forged = copy.deepcopy(small_record)
    forged["mixes"] = []
    assert codes(resign(small_election, forged)) == {"mix"}
    forged = copy.deepcopy(small_record)
    forged["mixes"][0]["ciphertexts"].pop()
    assert codes(resign(small_election, forged)) == {"mix"}


def test_a_decryption_that_opens_another_ballot_is_caught(small_election: Any, small_record: dict[str, Any]) -> None:
    """The insider makes a shuffled row open to a ballot of its choice (B − M' as the factor): no proof follows."""
    forged = copy.deepcopy(small_record)
    layout = small_election.layout
    row = ballots.to_row(base64.b64decode(forged["mixes"][-1]["ciphertexts"][0]), points=layout.points)
    factors = [base64.b64decode(f) for f in forged["decryptions"][0]["rows"][0]["factors"]]
    opened = [th.sub(c.b, f) for c, f in zip(row, factors, strict=True)]  # what the row opens to now
    # The shuffle is random: the first row may already be a ballot for c3; then forge another.
    for ranking in (["c3"], ["c2"]):
        wanted = th.embed(ballots.encode(layout, {"ranking": ranking}))
        if list(wanted) != opened:
            break
    forged["decryptions"][0]["rows"][0]["factors"] = [
        record.b64(th.sub(c.b, m)) for c, m in zip(row, wanted, strict=True)
    ]
    assert codes(resign(small_election, forged)) == {"decryption"}
    forged = copy.deepcopy(small_record)
    forged["decryptions"][0]["proof"] = record.b64(bytes(64))
    assert codes(resign(small_election, forged)) == {"decryption"}


def test_a_ballot_that_is_not_a_row_of_group_elements_is_caught(
    small_election: Any, small_record: dict[str, Any]
) -> None:
    forged = copy.deepcopy(small_record)
    forged["ballots"][0]["ciphertext"] = record.b64(bytes(small_election.layout.ciphertext_length))
    assert "ciphertext" in codes(resign(small_election, forged))


def test_ballot_stuffed_with_the_signing_key_beyond_the_chain_is_caught() -> None:
    """The server mints passes for electors who took one and never voted, after the close."""
    election = voted_election(voters=4)  # five passes issued, four ballots
    honest = election.build()
    pending = client.start_pass(election.signing.public_key())
    minted = client.finish_pass(
        election.signing.public_key(), pending, blind.blind_sign(election.signing, pending.blinded_message)
    )
    election.cast.append(
        client.cast(minted, election.digest, election.ballot_key, {"ranking": ["c3"]}, layout=election.layout)
    )
    # Ballots (5) <= passes (5): only the chain shows the extra ballot, and the trustees' tools see it.
    with pytest.raises(trustee.TrusteeError, match="not the closed box the chain counts"):
        election.build()
    # Rewriting the chain to count it moves every later head: the one copied at the close is gone; and
    # no elector declared that ballot, which the record shows even with no head copied.
    election._event("cast")
    rewritten = election.build()
    assert codes(rewritten) == {"ballot-count"}
    assert codes(rewritten, expected_chain_heads=[honest["chain_head"]]) == {"chain", "ballot-count"}


def test_ballot_stuffed_while_voting_runs_for_a_pass_taken_and_not_used_is_caught() -> None:
    """The insider attack the chain cannot show: the server mints a credential with its blind-signing key
    while voting runs and casts it for an elector who took a pass and has not voted. The chain counts
    the cast like any other, so every head copied during voting agrees; the box then holds no more
    ballots than passes. Only the cast declarations, which need the electors' voting keys, are short."""
    election = voted_election(voters=4)  # five passes issued, four ballots: room for one more
    pending = client.start_pass(election.signing.public_key())
    minted = client.finish_pass(
        election.signing.public_key(), pending, blind.blind_sign(election.signing, pending.blinded_message)
    )
    election.cast.append(
        client.cast(minted, election.digest, election.ballot_key, {"ranking": ["c3"]}, layout=election.layout)
    )
    election._event("cast")  # on the chain while voting runs: heads copied after it agree
    built = election.build()
    heads = record.chain_heads(election.digest, election.closed_chain())
    failures = record.verify(built, expected_chain_heads=heads)
    assert [f.code for f in failures] == ["ballot-count"]
    assert "1 ballot(s) were added without a voter" in failures[0].message
    assert len(built["ballots"]) <= len(built["issuance"])  # the old check alone let it through


def test_a_declaration_the_server_makes_up_or_moves_is_caught() -> None:
    """Without the voting key the server can only invent a declaration or copy another elector's."""
    election = voted_election(voters=4)
    built = election.build()
    silent = next(i for i, entry in enumerate(built["issuance"]) if entry["cast_declaration"] is None)
    speaking = next(i for i, entry in enumerate(built["issuance"]) if entry["cast_declaration"] is not None)
    invented = copy.deepcopy(built)
    invented["issuance"][silent]["cast_declaration"] = record.b64(bytes(64))
    assert "declaration" in codes(resign(election, invented))
    moved = copy.deepcopy(built)
    moved["issuance"][silent]["cast_declaration"] = moved["issuance"][speaking]["cast_declaration"]
    assert "declaration" in codes(resign(election, moved))


def test_a_ballot_dropped_from_the_box_is_caught_by_its_declaration() -> None:
    election = voted_election(voters=4)
    election.cast.pop()  # the server drops a ballot (and recounts its chain to match)
    issued = [entry.event for entry in election.chain if entry.event == "issue"]
    election.chain = []
    for event in [*issued, *(["cast"] * len(election.cast))]:
        election._event(event)
    failures = record.verify(election.build())
    assert [f.code for f in failures] == ["ballot-count"]
    assert "1 ballot(s) were dropped" in failures[0].message


def test_event_after_the_close_is_caught(stv_election: Any) -> None:
    built = copy.deepcopy(stv_election.build())
    built["chain"].insert(-1, dict(built["chain"][-1]))
    assert "chain" in codes(resign(stv_election, built))


def test_chain_with_a_skipped_count_is_caught(stv_election: Any) -> None:
    built = copy.deepcopy(stv_election.build())
    built["chain"][2]["issued"] += 1
    assert "chain" in codes(resign(stv_election, built))


def test_issuance_to_an_outsider_or_twice_is_caught(stv_election: Any) -> None:
    built = copy.deepcopy(stv_election.build())
    built["issuance"][0]["elector"] = "e999"
    built["issuance"].sort(key=lambda i: i["elector"])
    assert "issuance" in codes(resign(stv_election, built))
    built = copy.deepcopy(stv_election.build())
    built["issuance"][1]["elector"] = built["issuance"][0]["elector"]
    assert "issuance" in codes(resign(stv_election, built))


def test_forged_issuance_entry_is_caught(stv_election: Any) -> None:
    built = copy.deepcopy(stv_election.build())
    signature = bytearray(base64.b64decode(built["issuance"][0]["blind_signature"]))
    signature[5] ^= 1
    built["issuance"][0]["blind_signature"] = record.b64(bytes(signature))
    assert codes(resign(stv_election, built)) == {"issuance"}


def test_more_ballots_than_passes_is_caught() -> None:
    election = voted_election(voters=4)
    election.issuance = election.issuance[:3]
    assert "ballot-count" in codes(election.build())


def test_ground_lot_seed_is_caught(stv_election: Any) -> None:
    built = copy.deepcopy(stv_election.build())
    built["lot_seed"] = "00" * 32
    assert "lot-seed" in codes(resign(stv_election, built))


def test_lot_seed_depends_on_the_closed_box_and_the_key(stv_election: Any, stv_record: dict[str, Any]) -> None:
    built = stv_record
    digest, tracking = built["definition_hash"], [b["tracking"] for b in built["ballots"]]
    # x, which no machine holds, is Σ λ_j·x_j over any k trustees: computed here from two state files.
    coefficients = record.lagrange_coefficients([2, 3])
    x = sum(coefficients[j] * stv_election.share(j) for j in (2, 3)) % th.L
    assert th.base_mul(x) == stv_election.ballot_key
    value = th.mul(x, record.lot_base(digest, tracking))
    assert built["lot"]["value"] == record.b64(value)  # x·H: the same whichever k trustees open this box
    assert built["lot_seed"] == record.lot_seed(digest, tracking, value)
    assert record.lot_seed(digest, tracking[1:], value) != built["lot_seed"]
    assert record.lot_base(digest, tracking[1:]) != record.lot_base(digest, tracking)


def test_a_lot_value_made_with_another_key_is_caught(stv_election: Any, stv_record: dict[str, Any]) -> None:
    """The insider picks the lot: a value from another scalar, its proof and seed recomputed, the record re-signed."""
    forged = copy.deepcopy(stv_record)
    digest, tracking = forged["definition_hash"], [b["tracking"] for b in forged["ballots"]]
    base = record.lot_base(digest, tracking)
    other = th.random_scalar()
    value = th.mul(other, base)
    proof = th.prove_equal_logs(other, base, th.base_mul(other), value, record.lot_context(digest, tracking))
    forged["lot"] = {"value": record.b64(value)}
    forged["decryptions"][0]["lot"] = {"value": record.b64(value), "proof": record.b64(record.proof_bytes(proof))}
    forged["lot_seed"] = record.lot_seed(digest, tracking, value)
    found = codes(resign(stv_election, forged))
    assert "lot-seed" in found and found <= {"lot-seed", "count"}  # the count differs only if the lot decided


# --- spoilt ballots --------------------------------------------------------------------------------


@pytest.mark.parametrize("rule", ["scottish-stv", "equal-shares", "pav", "motion"])
def test_every_ballot_is_counted_as_valid_or_spoilt(rule: str) -> None:
    """Blank approval ballots are valid (they approve nobody); nothing vanishes from the totals."""
    election = make_election(rule, voters=6)
    every: dict[str, list[dict[str, Any] | bytes]] = {
        "scottish-stv": [{"ranking": ["c0"]}, {"ranking": []}, {"ranking": ["c1", "c0"]}],
        "equal-shares": [{"approve": ["c0"]}, {"approve": []}, bytes([2, 1, 9]) + bytes(24)],  # index 9 of 4
        "pav": [{"approve": []}, {"approve": []}, {"approve": ["c1", "c2"]}],
        "motion": [{"choice": "yes"}, bytes([3, 1, 5]) + bytes(24), {"choice": "abstain"}],  # a sixth choice
    }
    spoilt = {"scottish-stv": 1, "equal-shares": 1, "pav": 0, "motion": 1}
    contents = every[rule]
    for index, content in enumerate(contents):
        if isinstance(content, bytes):  # what no booth writes: sealed raw by the voter
            voting_pass = election.issue(f"e{index:03d}")
            sealed = seal_raw(election.ballot_key, content, election.layout.points)
            election.cast_sealed(voting_pass, sealed)
        else:
            election.vote(f"e{index:03d}", content)
    result = election.build()["result"]
    assert result["valid"] + result["spoilt"] == len(contents)
    assert result["spoilt"] == spoilt[rule]
    assert record.verify(election.build()) == []


@pytest.mark.parametrize("junk", [b"[" * 20, b"", b"\x03\x01", b"\xff" * 26, b'{"choice":"yes"}', None])
def test_a_voters_junk_ballot_is_spoilt_and_the_honest_record_still_verifies(junk: bytes | None) -> None:
    """A voter can seal anything, or cast bytes that open with no key; neither may fail an honest record."""
    election = make_election("motion", voters=4)
    election.vote("e000", {"choice": "yes"})
    voting_pass = election.issue("e001")
    if junk is None:  # group elements that embed nothing: the row opens to random bytes
        sealed = b"".join(th.base_mul(th.random_scalar()) for _ in range(2 * election.layout.points))
    else:
        sealed = seal_raw(election.ballot_key, junk, election.layout.points)
    election.cast_sealed(voting_pass, sealed)
    built = election.build()
    assert (built["result"]["valid"], built["result"]["spoilt"], built["result"]["yes"]) == (1, 1, 1)
    assert record.verify(built) == []
    forged = copy.deepcopy(built)
    forged["result"]["spoilt"] = 0
    assert "count" in codes(forged)


def test_audited_ballot_is_checked() -> None:
    pair = ballots.generate_key_pair()
    secret = bytes(range(32))
    layout = ballots.layout("scottish-stv", ["c0", "c1", "c2"])
    content = {"ranking": ["c1", "c0"]}
    sealed = ballots.seal_with(pair.public_key, secret, ballots.encode(layout, content))
    assert ballots.open_sealed(pair.private_key, layout, sealed) == content
    assert len(sealed) == layout.ciphertext_length == 64
    assert ballots.audit_sealed(pair.public_key, layout, secret, sealed, content)
    assert not ballots.audit_sealed(pair.public_key, layout, secret, sealed, {"ranking": ["c0", "c1"]})


MIXED_ORDER = th.add(th.base_mul(5), bytes.fromhex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"))


def _with_point(ciphertext: str, point: bytes) -> str:
    raw = bytearray(base64.b64decode(ciphertext))
    raw[th.POINT_BYTES : 2 * th.POINT_BYTES] = point  # the first pair's B
    return record.b64(bytes(raw))


def test_points_outside_the_group_are_named_though_the_rows_are_checked_inside_the_proof(
    small_election: Any, small_record: dict[str, Any]
) -> None:
    """verify checks row points inside the shuffle proof's multiplications; a failure still names the ballot or mix."""
    forged = copy.deepcopy(small_record)
    forged["ballots"][1]["ciphertext"] = _with_point(forged["ballots"][1]["ciphertext"], MIXED_ORDER)
    failures = record.verify(resign(small_election, forged))
    assert "ciphertext" in {f.code for f in failures} and "mix" not in {f.code for f in failures}
    assert any(f.message.startswith("ballot 2: the sealed ballot is not") for f in failures)
    forged = copy.deepcopy(small_record)
    ciphertexts = forged["mixes"][0]["ciphertexts"]
    ciphertexts[2] = _with_point(ciphertexts[2], MIXED_ORDER)
    failures = record.verify(resign(small_election, forged))
    assert [(f.code, f.message) for f in failures] == [("mix", "mix 1: an output is not a row of ElGamal pairs")]


@pytest.mark.parametrize("trustees", [[1], [1, 2], [1, 3], [2, 3], [1, 2, 3], [2, 4, 5], [3, 7], [1, 9, 200]])
def test_the_trustees_factors_combine_as_the_lagrange_formula_says(trustees: list[int]) -> None:
    """Small Lagrange numerators are applied by additions: the same element as Σ λ_j·P_j computed naively."""
    coefficients = record.lagrange_coefficients(trustees)
    for _ in range(3):
        points = [th.base_mul(th.random_scalar()) for _ in trustees]
        naive = th.IDENTITY
        for j, point in zip(trustees, points, strict=True):
            naive = th.add(naive, th.mul(coefficients[j], point))
        assert record._combiner(trustees)(points) == naive
