"""The trustees' joint key and their proven partial decryptions: honest records pass, insiders' forgeries fail.

The three trustees run their tool (`solidarity/elections/trustee.py`) through the same files a real
ceremony exchanges; the insider holds the server's keys and database and re-signs what it forges.
"""

from __future__ import annotations

import base64
import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest
from nacl.public import PublicKey, SealedBox

from solidarity.elections import record, trustee
from solidarity.elections import threshold as th
from tests.elections.helpers import Election, make_election, voted_election


def codes(data: bytes | dict[str, Any]) -> set[str]:
    raw = record.serialize(data) if isinstance(data, dict) else data
    return {failure.code for failure in record.verify(raw)}


def resign(election: Election, raw: dict[str, Any]) -> dict[str, Any]:
    """Re-sign a forged record with the server's own record key (the insider has it until publication)."""
    raw = dict(raw)
    raw.pop("record_signature", None)
    raw["definition_hash"] = record.definition_hash(raw["definition"])
    raw["record_signature"] = record.b64(election.record_key.sign(record.serialize(raw)))
    return raw


@pytest.fixture(scope="module")
def joint() -> Election:
    return voted_election("scottish-stv", voters=26, seed=5, candidates=30)  # 2 points a row


@pytest.fixture(scope="module")
def joint_record(joint: Election) -> dict[str, Any]:
    return joint.build()


def test_a_joint_key_record_verifies_with_any_k_trustees(joint: Election, joint_record: dict[str, Any]) -> None:
    assert codes(joint_record) == set()
    parsed = record.parse_record(record.serialize(joint_record))
    assert len(parsed.definition.dealings) == 3 and [d.trustee for d in parsed.decryptions] == [1, 2]
    for chosen in ([2, 3], [1, 3], [1, 2, 3]):
        other = joint.build(trustees=chosen)
        assert codes(other) == set()
        # Every subset opens the same ballots and gives the same lot value x·H (x itself never exists).
        assert other["lot"] == joint_record["lot"] and other["result"]["valid"] == joint_record["result"]["valid"]


def test_no_machine_holds_the_key_every_state_holds_one_share(joint: Election) -> None:
    shares = [int.from_bytes(base64.b64decode(s["share"]), "little") for s in joint.ceremony.states]
    y = joint.ballot_key
    assert all(th.base_mul(x) != y for x in shares)
    # Any two shares rebuild x by Lagrange at 0 (what the trustees' partial decryptions do in the exponent).
    x = sum(th.lagrange_at_zero(j, [1, 3]) * shares[j - 1] for j in (1, 3)) % th.L
    assert th.base_mul(x) == y
    assert all(s["coefficients"] == [] for s in joint.ceremony.states)  # polynomials forgotten after confirming


def test_too_few_trustees_fail_the_trustees_check(joint: Election) -> None:
    assert codes(joint.build(trustees=[2])) == {"trustees"}


def test_a_forged_partial_decryption_is_caught(joint: Election, joint_record: dict[str, Any]) -> None:
    """The insider, holding one trustee's key share at most, makes a row open to a ballot of its choice."""
    forged = copy.deepcopy(joint_record)
    factor = base64.b64decode(forged["decryptions"][1]["rows"][0]["factors"][0])
    forged["decryptions"][1]["rows"][0]["factors"][0] = record.b64(th.add(factor, th.G))
    assert codes(resign(joint, forged)) == {"decryption"}
    forged = copy.deepcopy(joint_record)
    forged["decryptions"][0]["proof"] = record.b64(bytes(64))
    assert codes(resign(joint, forged)) == {"decryption"}


def test_one_factor_altered_among_many_fails_the_decryption_check(
    joint: Election, joint_record: dict[str, Any]
) -> None:
    """One batched proof covers every factor of a trustee: the last factor of the last row, or a factor
    swapped with another row's (a plausible group element, the trustee's own), fails it, naming the trustee."""
    rows = joint_record["decryptions"][0]["rows"]
    assert len(rows) * len(rows[0]["factors"]) > 50  # many factors under one proof
    forged = copy.deepcopy(joint_record)
    last = forged["decryptions"][0]["rows"][-1]["factors"]
    last[-1] = record.b64(th.add(base64.b64decode(last[-1]), th.G))
    failures = record.verify(resign(joint, forged))
    assert [f.code for f in failures] == ["decryption"]
    assert "trustee 1:" in failures[0].message and "does not verify" in failures[0].message
    forged = copy.deepcopy(joint_record)
    factors = forged["decryptions"][1]["rows"]
    factors[0]["factors"][1], factors[-1]["factors"][1] = factors[-1]["factors"][1], factors[0]["factors"][1]
    failures = record.verify(resign(joint, forged))
    assert [f.code for f in failures] == ["decryption"] and "trustee 2:" in failures[0].message
    forged = copy.deepcopy(joint_record)
    forged["decryptions"][1]["rows"][1]["factors"][1] = record.b64(bytes(32))  # not a group element: named
    failures = record.verify(resign(joint, forged))
    assert [f.code for f in failures] == ["decryption"]
    assert "trustee 2: shuffled ballot 2, pair 2" in failures[0].message


def test_a_partial_decryption_made_with_another_share_is_caught(joint: Election, joint_record: dict[str, Any]) -> None:
    """Trustee 2's place filled with the insider's own scalar, every proof honest for that scalar."""
    forged = copy.deepcopy(joint_record)
    parsed = record.parse_record(record.serialize(joint_record))
    rows = record.final_rows(parsed)
    digest, tracking = forged["definition_hash"], [b["tracking"] for b in forged["ballots"]]
    mine = record.decrypt_as_trustee(
        trustee=2,
        secret=th.random_scalar(),
        public_key=joint.ballot_key,
        digest=digest,
        tracking_codes=tracking,
        rows=rows,
    )
    forged["decryptions"][1] = record.trustee_decryption_json(mine)
    found = codes(resign(joint, forged))
    assert "decryption" in found and found <= {"decryption", "lot-seed"}


def test_a_lot_share_from_another_scalar_is_caught(joint: Election, joint_record: dict[str, Any]) -> None:
    forged = copy.deepcopy(joint_record)
    digest, tracking = forged["definition_hash"], [b["tracking"] for b in forged["ballots"]]
    base = record.lot_base(digest, tracking)
    other = th.random_scalar()
    value = th.mul(other, base)
    proof = th.prove_equal_logs(other, base, th.base_mul(other), value, record.lot_context(digest, tracking))
    forged["decryptions"][0]["lot"] = {"value": record.b64(value), "proof": record.b64(record.proof_bytes(proof))}
    assert codes(resign(joint, forged)) == {"lot-seed"}
    forged = copy.deepcopy(joint_record)
    forged["lot"]["value"] = record.b64(value)
    forged["lot_seed"] = record.lot_seed(digest, tracking, value)
    assert codes(resign(joint, forged)) == {"lot-seed"}


def _redefine(joint: Election, raw: dict[str, Any], definition: dict[str, Any]) -> dict[str, Any]:
    raw = copy.deepcopy(raw)
    raw["definition"] = definition
    return resign(joint, raw)


def test_a_wrong_commitment_is_caught(joint: Election, joint_record: dict[str, Any]) -> None:
    definition = copy.deepcopy(joint_record["definition"])
    definition["trustees"]["dealings"][1]["commitments"][1] = record.b64(th.base_mul(th.random_scalar()))
    assert "key-generation" in codes(_redefine(joint, joint_record, definition))


def test_a_ballot_key_that_is_not_the_trustees_is_caught(joint: Election, joint_record: dict[str, Any]) -> None:
    """The server swaps in a key of its own (it could then read every ballot) but keeps the trustees' dealings."""
    definition = copy.deepcopy(joint_record["definition"])
    definition["keys"]["ballot"] = record.b64(th.base_mul(th.random_scalar()))
    assert "key-generation" in codes(_redefine(joint, joint_record, definition))


def test_a_dealer_whose_proof_is_replaced_or_who_is_missing_is_caught(
    joint: Election, joint_record: dict[str, Any]
) -> None:
    definition = copy.deepcopy(joint_record["definition"])
    definition["trustees"]["dealings"][0]["proof"] = definition["trustees"]["dealings"][1]["proof"]
    assert "key-generation" in codes(_redefine(joint, joint_record, definition))
    definition = copy.deepcopy(joint_record["definition"])
    del definition["trustees"]["dealings"][2]
    assert "key-generation" in codes(_redefine(joint, joint_record, definition))
    definition = copy.deepcopy(joint_record["definition"])
    definition["trustees"]["confirmations"][2]["proof"] = definition["trustees"]["confirmations"][0]["proof"]
    assert "key-generation" in codes(_redefine(joint, joint_record, definition))


def test_the_server_alone_posing_as_every_trustee_is_visible(joint: Election, joint_record: dict[str, Any]) -> None:
    """A definition with no dealings says the key was made whole: `verify` fails it and says so."""
    definition = copy.deepcopy(joint_record["definition"])
    definition["trustees"]["dealings"] = []
    definition["trustees"]["confirmations"] = []
    failures = record.verify(_redefine(joint, joint_record, definition))
    whole = [f for f in failures if f.code == "key-generation"]
    assert len(whole) == 1 and whole[0].message.startswith("the election key was made whole")


def test_a_trustee_receiving_a_bad_share_refuses_to_confirm() -> None:
    entries: list[dict[str, Any]] = []

    def document() -> dict[str, Any]:
        return trustee.ceremony_document(election="x", threshold=2, count=2, trustees=entries)

    states = []
    for number in (1, 2):
        state, join, _ = trustee.step(None, document())
        assert join is not None
        states.append(state)
        entries.append({"trustee": number, "name": "", "transport_key": join["transport_key"], "dealing": None})
    for number in (1, 2):
        states[number - 1], dealt, _ = trustee.step(states[number - 1], document())
        assert dealt is not None
        entries[number - 1]["dealing"] = dealt["dealing"]
    # Dealer 1 seals trustee 2 a share that is not on its polynomial.
    recipient = PublicKey(base64.b64decode(entries[1]["transport_key"]))
    entries[0]["dealing"]["shares"]["2"] = record.b64(SealedBox(recipient).encrypt(th.scalar_bytes(12345)))
    with pytest.raises(trustee.TrusteeError, match="does not match its commitments"):
        trustee.step(states[1], document())


def test_a_trustee_refuses_to_open_a_box_the_chain_does_not_close_or_an_unproven_shuffle(joint: Election) -> None:
    mixes = record.mix_box(joint.definition, joint.cast)
    opening = trustee.opening_document(
        definition=joint.definition, chain=joint.closed_chain(), cast=joint.cast, mixes=mixes
    )
    document = trustee.ceremony_document(
        election="test", threshold=2, count=3, trustees=joint.ceremony.entries, opening=opening
    )
    state = joint.ceremony.states[0]
    few = copy.deepcopy(document)
    few["opening"]["ballots"] = few["opening"]["ballots"][:1]  # a box of one: its opening would reveal the vote
    with pytest.raises(trustee.TrusteeError, match="closed box"):
        trustee.step(dict(state), few)
    unshuffled = copy.deepcopy(document)
    unshuffled["opening"]["mixes"][0]["ciphertexts"] = [b["ciphertext"] for b in unshuffled["opening"]["ballots"]]
    with pytest.raises(trustee.TrusteeError, match="shuffle proof"):
        trustee.step(dict(state), unshuffled)


def test_the_command_line_tool_writes_state_and_messages(tmp_path: Path) -> None:
    ceremony = tmp_path / "ceremony.json"
    ceremony.write_text(json.dumps(trustee.ceremony_document(election="cli", threshold=1, count=1, trustees=[])))
    out, err = io.StringIO(), io.StringIO()
    assert trustee.main([str(ceremony), "--state", str(tmp_path / "me.json")], out=out, err=err) == 0
    join = json.loads(out.getvalue())
    assert join["kind"] == "join" and (tmp_path / "me.json").stat().st_mode & 0o077 == 0
    ceremony.write_text("{}")
    assert trustee.main([str(ceremony), "--state", str(tmp_path / "me.json")], out=io.StringIO(), err=err) == 1
    assert "refused" in err.getvalue()


def _decrypt_directly(joint: Election, rows: list[Any], trustees: list[int]) -> list[record.TrusteeDecryption]:
    """What the insider makes with k trustees' shares, skipping the tool's checks (honest proofs, wrong rows)."""
    opened = []
    for index in trustees:
        share = base64.b64decode(joint.ceremony.states[index - 1]["share"])
        opened.append(
            record.decrypt_as_trustee(
                trustee=index,
                secret=int.from_bytes(share, "little"),
                public_key=joint.ballot_key,
                digest=joint.digest,
                tracking_codes=sorted(b.tracking for b in joint.cast),
                rows=rows,
            )
        )
    return opened


def _assemble(joint: Election, mixes: list[record.Mix], decryptions: list[record.TrusteeDecryption]) -> dict[str, Any]:
    return record.assemble_record(
        definition=joint.definition,
        issuance=joint.issuance,
        chain=joint.closed_chain(),
        cast=joint.cast,
        mixes=mixes,
        decryptions=decryptions,
        record_key=joint.record_key,
    )


def test_an_honest_record_holds_the_servers_mix_then_k_signed_trustee_mixes(
    joint: Election, joint_record: dict[str, Any]
) -> None:
    parsed = record.parse_record(record.serialize(joint_record))
    assert [m.mixer for m in parsed.mixes] == [record.SERVER_MIXER, 1, 2]
    assert joint_record["mixes"][0]["signature"] is None and all(m["signature"] for m in joint_record["mixes"][1:])
    three = joint.build(trustees=[1, 2, 3], mixers=[3, 1])  # any k trustees mix; others may decrypt
    assert [m["mixer"] for m in three["mixes"]] == [0, 3, 1] and codes(three) == set()


def test_a_record_whose_only_mix_is_the_servers_fails_mixers(joint: Election) -> None:
    """The server kept its permutation and had the trustees open its own output: every ballot linked."""
    mixes = record.mix_box(joint.definition, joint.cast)
    rows = record.rows_to_open(joint.cast, mixes, points=joint.layout.points)
    forged = _assemble(joint, mixes, _decrypt_directly(joint, rows, [1, 2]))
    failures = record.verify(record.serialize(forged))
    assert [f.code for f in failures] == ["mixers"] and "0 trustees' mixes, 2 needed" in failures[0].message
    # One trustee's mix is not enough for a 2-of-3 key either.
    cascade, _ = joint.trustee_opening(mixes, [1, 2], mixers=[1, 2])
    rows = record.rows_to_open(joint.cast, cascade[:2], points=joint.layout.points)
    forged = _assemble(joint, cascade[:2], _decrypt_directly(joint, rows, [1, 2]))
    assert codes(forged) == {"mixers"}


def test_a_decryption_of_an_earlier_output_fails(joint: Election, joint_record: dict[str, Any]) -> None:
    parsed = record.parse_record(record.serialize(joint_record))
    earlier = record.rows_to_open(joint.cast, list(parsed.mixes[:1]), points=joint.layout.points)
    forged = copy.deepcopy(joint_record)
    forged["decryptions"] = [record.trustee_decryption_json(d) for d in _decrypt_directly(joint, earlier, [1, 2])]
    assert "decryption" in codes(resign(joint, forged))


def test_a_trustee_mix_altered_forged_or_reattributed_fails(joint: Election, joint_record: dict[str, Any]) -> None:
    forged = copy.deepcopy(joint_record)
    forged["mixes"][1]["proof"]["s1"] = record.b64(th.scalar_bytes(th.random_scalar()))
    assert codes(resign(joint, forged)) == {"mix"}
    # The server's own mix posing as trustee 1's: the signature needs trustee 1's key share.
    forged = copy.deepcopy(joint_record)
    forged["mixes"][1]["signature"] = forged["mixes"][2]["signature"]
    failures = record.verify(record.serialize(resign(joint, forged)))
    assert [f.code for f in failures] == ["mixers"] and "trustee 1's signature" in failures[0].message
    forged = copy.deepcopy(joint_record)
    forged["mixes"][2]["mixer"] = 1  # trustee 1 twice
    assert codes(resign(joint, forged)) == {"mixers"}
    forged = copy.deepcopy(joint_record)
    forged["mixes"][1]["mixer"] = 0  # a second, unsigned server mix: only the first may be the server's
    forged["mixes"][1]["signature"] = None
    assert codes(resign(joint, forged)) == {"mixers"}


def test_a_trustee_tool_mixes_before_it_decrypts_and_refuses_a_record_short_of_mixes(joint: Election) -> None:
    mixes = record.mix_box(joint.definition, joint.cast)
    opening = trustee.opening_document(
        definition=joint.definition, chain=joint.closed_chain(), cast=joint.cast, mixes=mixes
    )
    document = trustee.ceremony_document(
        election="test", threshold=2, count=3, trustees=joint.ceremony.entries, opening=opening
    )
    state = dict(joint.ceremony.states[0])
    _, sent, _ = trustee.step(state, document)
    assert sent is not None and sent["kind"] == "mix" and sent["mix"]["mixer"] == 1
    assert set(sent) == {"format", "election", "kind", "trustee", "number", "mix"}  # no permutation, no randomness
    assert set(state) == set(joint.ceremony.states[0])  # nothing new kept in the state file
    with pytest.raises(trustee.TrusteeError, match="not mixed enough"):
        trustee.decrypt(state, document)
    # Once its mix is in, it waits for the k-th trustee's mix.
    document["opening"]["mixes"].append(sent["mix"])
    assert trustee.step(state, document)[1] is None


def test_an_empty_box_is_opened_without_mixes_and_verifies() -> None:
    """A pass taken, no ballot cast: nothing to mix, the trustees decrypt nothing but the lot, and the record passes."""
    election = make_election(voters=3)
    election.issue("e000")
    mixes, decryptions = election.trustee_opening([], mixers=[])
    assert mixes == [] and [d.trustee for d in decryptions] == [1, 2] and decryptions[0].rows == ()
    built = election.build(mixers=[])
    assert built["mixes"] == [] and [d["trustee"] for d in built["decryptions"]] == [1, 2]
    assert record.verify(built) == []
    assert built["result"]["valid"] == 0
