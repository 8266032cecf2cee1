"""The public record: it verifies, and every attack in the issue is detected."""

from __future__ import annotations

import base64
import copy
import json
from typing import Any

import pytest

from solidarity.elections import ballots, blind, client, record
from tests.elections.helpers import make_election, voted_election


def codes(data: Any) -> set[str]:
    return {failure.code for failure in record.verify(data)}


@pytest.fixture(scope="module")
def stv_record() -> dict[str, Any]:
    return voted_election("scottish-stv").build()


@pytest.mark.parametrize("rule", ["scottish-stv", "equal-shares", "pav", "motion"])
def test_honest_record_passes_for_every_rule(rule: str) -> None:
    built = voted_election(rule).build()
    assert record.verify(record.serialize(built)) == []
    assert built["result"]["rule"] == rule


def test_record_is_reproducible_and_sorted(stv_record: dict[str, Any]) -> None:
    data = record.serialize(stv_record)
    assert record.serialize(json.loads(data)) == data
    receipts = [b["receipt"] for b in stv_record["ballots"]]
    assert receipts == sorted(receipts)
    assert stv_record["signature_recipients"] == sorted(stv_record["signature_recipients"])


def test_voter_finds_their_ballot_by_receipt() -> None:
    election = make_election(voters=3)
    mine = election.vote("Delegate 0", {"ranking": ["c2", "c0"]})
    election.vote("Delegate 1", {"ranking": ["c1"]})
    built = election.build()
    assert record.find_receipt(built, mine.receipt) == {"ranking": ["c2", "c0"]}
    assert record.find_receipt(built, "0" * 64) is None


def test_forged_signature_is_detected(stv_record: dict[str, Any]) -> None:
    forged = copy.deepcopy(stv_record)
    signature = bytearray(base64.b64decode(forged["ballots"][0]["signature"]))
    signature[10] ^= 0xFF
    forged["ballots"][0]["signature"] = base64.b64encode(bytes(signature)).decode()
    assert "signature" in codes(forged)


def test_reused_signature_on_a_new_token_is_detected(stv_record: dict[str, Any]) -> None:
    forged = copy.deepcopy(stv_record)
    token = blind.prepare(b"x" * 32)
    forged["ballots"].append(
        {
            "receipt": record.receipt_for(token),
            "token": record.b64(token),
            "signature": forged["ballots"][0]["signature"],
            "ciphertext": forged["ballots"][0]["ciphertext"],
        }
    )
    forged["ballots"].sort(key=lambda b: b["receipt"])
    assert "signature" in codes(forged)


def test_same_token_twice_is_detected(stv_record: dict[str, Any]) -> None:
    forged = copy.deepcopy(stv_record)
    forged["ballots"].insert(1, dict(forged["ballots"][0]))
    assert "duplicate-token" in codes(forged)


def test_token_signed_by_another_key_is_detected() -> None:
    election = voted_election(voters=4)
    other = blind.generate_signing_key()
    pending = client.start_token(other.public_key())
    signature = client.finish_token(other.public_key(), pending, blind.blind_sign(other, pending.blinded_message))
    election.cast.append(client.cast(pending.token, signature, election.ballot_pair.public_key, {"ranking": ["c0"]}))
    election.recipients.append("Delegate 5")
    assert "signature" in codes(election.build())


def test_more_ballots_than_signatures_is_detected() -> None:
    election = voted_election(voters=4)
    election.recipients = election.recipients[:3]
    assert "ballot-count" in codes(election.build())


def test_altered_ballot_is_detected(stv_record: dict[str, Any]) -> None:
    forged = copy.deepcopy(stv_record)
    public = ballots.public_key_for(base64.b64decode(forged["election_private_key"]))
    forged["ballots"][0]["ciphertext"] = record.b64(ballots.seal(public, {"ranking": ["c3", "c2", "c1", "c0"]}))
    found = codes(forged)
    assert "count" in found or "record-signature" in found
    assert "record-signature" in found


def test_altered_ballot_with_recount_and_resign_is_detected_by_count() -> None:
    """Even someone holding the record key cannot change a ballot without the count showing it,
    unless they also change the published result; then the receipt holder sees the change."""
    election = make_election(voters=3)
    mine = election.vote("Delegate 0", {"ranking": ["c1"]})
    built = election.build()
    forged = copy.deepcopy(built)
    for entry in forged["ballots"]:
        if entry["receipt"] == mine.receipt:
            entry["ciphertext"] = record.b64(ballots.seal(election.ballot_pair.public_key, {"ranking": ["c2"]}))
    forged["record_signature"] = record.b64(election.record_key.sign(record._signed_part(forged)))
    assert "count" in codes(forged)
    assert record.find_receipt(forged, mine.receipt) == {"ranking": ["c2"]}  # the voter sees it


def test_altered_definition_is_detected(stv_record: dict[str, Any]) -> None:
    forged = copy.deepcopy(stv_record)
    forged["definition"]["seats"] = 3
    found = codes(forged)
    assert "definition-hash" in found


def test_altered_result_is_detected(stv_record: dict[str, Any]) -> None:
    forged = copy.deepcopy(stv_record)
    forged["result"]["elected"] = list(reversed(forged["result"]["elected"]))
    assert {"count", "record-signature"} <= codes(forged)


def test_wrong_private_key_is_detected(stv_record: dict[str, Any]) -> None:
    forged = copy.deepcopy(stv_record)
    forged["election_private_key"] = record.b64(ballots.generate_key_pair().private_key)
    assert "private-key" in codes(forged)


def test_recipient_outside_the_electorate_is_detected() -> None:
    election = voted_election(voters=3)
    election.recipients.append("Somebody Else")
    assert "recipients" in codes(election.build())


def test_garbage_is_a_format_failure_not_a_crash() -> None:
    assert codes(b"not json") == {"format"}
    assert codes(b"[]") == {"format"}
    assert codes(b'{"format": "solidarity-election-record/1"}') == {"format"}


def test_building_twice_gives_identical_bytes() -> None:
    """SR-17: the record is reproducible (sorted ballots, canonical JSON, deterministic Ed25519)."""
    election = voted_election("pav", voters=5)
    assert record.serialize(election.build()) == record.serialize(election.build())


def test_unknown_tie_break_rule_is_a_format_failure(stv_record: dict[str, Any]) -> None:
    """A definition may not claim a tie-break rule the counter does not implement."""
    forged = copy.deepcopy(stv_record)
    forged["definition"]["tie_break"] = "alphabetical"
    assert codes(forged) == {"format"}
    del forged["definition"]["tie_break"]
    assert codes(forged) == {"format"}


@pytest.mark.parametrize("rule", ["scottish-stv", "equal-shares", "pav", "motion"])
def test_every_ballot_is_counted_as_valid_or_spoilt(rule: str) -> None:
    """Blank approval ballots are valid (they approve nobody); nothing vanishes from the totals."""
    election = make_election(rule, voters=6)
    every: dict[str, list[dict[str, Any]]] = {
        "scottish-stv": [{"ranking": ["c0"]}, {"ranking": []}, {"ranking": ["c1", "c0"]}],
        "equal-shares": [{"approve": ["c0"]}, {"approve": []}, {"approve": ["zz"]}],
        "pav": [{"approve": []}, {"approve": []}, {"approve": ["c1", "c2"]}],
        "motion": [{"choice": "yes"}, {"choice": "maybe"}, {"choice": "abstain"}],
    }
    contents = every[rule]
    for index, content in enumerate(contents):
        election.vote(f"Delegate {index}", content)
    result = election.build()["result"]
    assert result["valid"] + result["spoilt"] == len(contents)
    assert record.verify(election.build()) == []


def test_a_ballot_of_deeply_nested_json_is_spoilt_and_the_count_goes_on() -> None:
    """A voter may seal any bytes; JSON nested past Python's recursion limit once crashed the count."""
    from dataclasses import replace

    from nacl.public import PublicKey, SealedBox

    election = make_election("motion", voters=3)
    election.vote("Delegate 0", {"choice": "yes"})
    honest = election.vote("Delegate 1", {"choice": "no"})
    nested = SealedBox(PublicKey(election.ballot_pair.public_key)).encrypt(b"[" * 60_000)
    election.cast[-1] = replace(honest, ciphertext=nested)
    with pytest.raises(ballots.BallotError):
        ballots.open_sealed(election.ballot_pair.private_key, nested)
    built = election.build()
    assert (built["result"]["valid"], built["result"]["spoilt"], built["result"]["yes"]) == (1, 1, 1)
    # One voter's junk must not make an honest record fail: it is a spoilt ballot, and the recount agrees.
    assert record.verify(built) == []


@pytest.mark.parametrize("junk", [b"[]", b'"yes"', b"\xff\xfe not utf-8", b"{not json"])
def test_a_voters_junk_ballot_is_spoilt_and_the_honest_record_still_verifies(junk: bytes) -> None:
    """A voter can seal anything, or cast bytes that open with no key; neither may fail an honest record."""
    from dataclasses import replace

    from nacl.public import PublicKey, SealedBox

    election = make_election("motion", voters=4)
    election.vote("Delegate 0", {"choice": "yes"})
    sealed_junk = election.vote("Delegate 1", {"choice": "no"})
    election.cast[-1] = replace(
        sealed_junk, ciphertext=SealedBox(PublicKey(election.ballot_pair.public_key)).encrypt(junk)
    )
    unopenable = election.vote("Delegate 2", {"choice": "no"})
    election.cast[-1] = replace(unopenable, ciphertext=bytes(range(80)))  # opens with no key at all
    built = election.build()
    assert (built["result"]["valid"], built["result"]["spoilt"], built["result"]["yes"]) == (1, 2, 1)
    assert record.verify(built) == []
    # ...but a published result that counted them otherwise is still caught by the recount
    forged = copy.deepcopy(built)
    forged["result"]["spoilt"] = 0
    assert "count" in codes(forged)
