"""`solidarity elections verify`: pass on an honest record, exactly what fails otherwise."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from solidarity.elections import ballots, client, record
from tests.elections.helpers import make_election, voted_election, voter_key


def test_verify_passes_and_finds_a_ballot_in_the_box_by_tracking_code(tmp_path: Path) -> None:
    election = make_election(voters=3)
    mine = election.vote("e000", {"ranking": ["c1", "c0"]})
    path = tmp_path / "record.json"
    built = election.build()
    path.write_bytes(record.serialize(built))
    out = io.StringIO()
    call_command(
        "elections", "verify", str(path), "--tracking", mine.tracking, "--chain-head", built["chain_head"], stdout=out
    )
    assert "PASS" in out.getvalue()
    assert f"tracking {mine.tracking}: in the ballot box and in the shuffle" in out.getvalue()
    assert "batched decryption proof checks" in out.getvalue()
    assert "election key: made jointly by 3 trustees, any 2 of whom open the count" in out.getvalue()
    assert "WARNING" not in out.getvalue()
    assert "1 chain head(s) copied during voting are on the chain" in out.getvalue()


def test_audit_checks_a_ballot_the_booth_sealed(tmp_path: Path) -> None:
    election = make_election(voters=2)
    definition = tmp_path / "definition.json"
    definition.write_bytes(ballots.canonical_json(election.definition))
    secret = bytes(range(1, 33))
    content = {"ranking": ["c2"]}
    sealed = ballots.seal_with(election.ballot_key, secret, ballots.encode(election.layout, content))
    audited = {
        "ballot": content,
        "ballot_key": record.b64(election.ballot_key),
        "ciphertext": record.b64(sealed),
        "definition_hash": election.digest,
        "sealing_secret": record.b64(secret),
    }
    path = tmp_path / "audit.json"
    path.write_text(json.dumps(audited))
    out = io.StringIO()
    call_command("elections", "audit", str(path), "--definition", str(definition), stdout=out)
    assert 'PASS: the sealed ballot is exactly {"ranking":["c2"]}' in out.getvalue()
    path.write_text(json.dumps({**audited, "ballot": {"ranking": ["c1"]}}))
    with pytest.raises(CommandError, match="booth cheated"):
        call_command("elections", "audit", str(path), "--definition", str(definition), stdout=io.StringIO())
    path.write_text(json.dumps({**audited, "definition_hash": "ab" * 32}))
    with pytest.raises(CommandError, match="not the one the booth hashed"):
        call_command("elections", "audit", str(path), "--definition", str(definition), stdout=io.StringIO())


def test_verify_says_exactly_what_fails(tmp_path: Path) -> None:
    built = voted_election(voters=3).build()
    built["definition"]["title_en"] = "Changed"
    path = tmp_path / "record.json"
    path.write_bytes(record.serialize(built))
    out = io.StringIO()
    with pytest.raises(CommandError, match="does not verify"):
        call_command("elections", "verify", str(path), stdout=out)
    assert "FAIL [definition-hash]" in out.getvalue()


def test_verify_reports_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="cannot read"):
        call_command("elections", "verify", str(tmp_path / "nope.json"))


def _whole_key_record() -> dict[str, Any]:
    """A record as the retired ceremonies made them: a key made whole (no dealings), mixed by the server alone,
    opened by that whole key (trustee 0); every proof, signature and the count are honest."""
    election = make_election(voters=4, slug="whole")
    pair = ballots.generate_key_pair()
    election.definition["trustees"]["dealings"] = []
    election.definition["trustees"]["confirmations"] = []
    election.definition["keys"]["ballot"] = record.b64(pair.public_key)
    for index, ranking in enumerate((["c0"], ["c1", "c0"], ["c2"])):
        voting_pass = election.issue(f"e{index:03d}")
        election.cast.append(
            client.cast(voting_pass, election.digest, pair.public_key, {"ranking": ranking}, layout=election.layout)
        )
        election.declare(voting_pass)
        election._event("cast")
    mixes = record.mix_box(election.definition, election.cast)
    opened = record.decrypt_as_trustee(
        trustee=0,
        secret=ballots.private_scalar(pair.private_key),
        public_key=pair.public_key,
        digest=election.digest,
        tracking_codes=sorted(b.tracking for b in election.cast),
        rows=record.rows_to_open(election.cast, mixes, points=election.layout.points),
    )
    return record.assemble_record(
        definition=election.definition,
        issuance=election.issuance,
        chain=election.closed_chain(),
        cast=election.cast,
        mixes=mixes,
        decryptions=[opened],
        record_key=election.record_key,
    )


def test_verify_fails_a_record_whose_key_was_made_whole(tmp_path: Path) -> None:
    """Whoever made a whole key could decrypt any single ballot: such a record fails, and says why."""
    built = _whole_key_record()
    assert record.opened_ballots(built).count({"ranking": ["c0"]}) == 1  # the count itself is honest
    failures = record.verify(built)
    assert [f.code for f in failures] == ["key-generation"]
    assert "made whole, not by the trustees together" in failures[0].message
    path = tmp_path / "record.json"
    path.write_bytes(record.serialize(built))
    out = io.StringIO()
    with pytest.raises(CommandError, match="does not verify"):
        call_command("elections", "verify", str(path), stdout=out)
    assert "FAIL [key-generation] the election key was made whole" in out.getvalue()
    assert "PASS" not in out.getvalue()


def test_verify_checks_the_definition_hash_published_before_voting(tmp_path: Path) -> None:
    """A whole record rewritten with new keys and a new definition passes alone, not against the anchor."""
    honest = voted_election(voters=3)
    published_before_voting = record.definition_hash(honest.definition)
    forged = make_election(voters=5)  # the same definition shape, fresh keys: a complete rewrite
    for index in range(3):
        forged.vote(f"e{index:03d}", {"ranking": ["c3"]})
    path = tmp_path / "record.json"
    path.write_bytes(record.serialize(forged.build()))
    out = io.StringIO()
    call_command("elections", "verify", str(path), stdout=out)
    assert "PASS" in out.getvalue()
    assert "--definition-hash" in out.getvalue()
    out = io.StringIO()
    with pytest.raises(CommandError, match="does not verify"):
        call_command("elections", "verify", str(path), "--definition-hash", published_before_voting, stdout=out)
    assert "FAIL [definition-hash] the definition is not the one whose hash was published" in out.getvalue()
    path.write_bytes(record.serialize(honest.build()))
    out = io.StringIO()
    call_command("elections", "verify", str(path), "--definition-hash", published_before_voting.upper(), stdout=out)
    assert "published before voting" in out.getvalue()


def test_verify_tells_a_delegate_whether_their_key_is_listed_and_a_pass_was_issued_to_them(tmp_path: Path) -> None:
    from solidarity.elections import voting_key

    election = voted_election(voters=2)  # e000, e001 voted; e002 took a pass; e003 did not
    path = tmp_path / "record.json"
    path.write_bytes(record.serialize(election.build()))
    for elector, said, declared in (
        ("e000", "a pass was issued to you", "your cast declaration is listed: the box counts one ballot of yours"),
        (
            "e002",
            "a pass was issued to you",
            "no cast declaration of yours is listed: the box holds no ballot of yours",
        ),
        ("e003", "no pass was issued to you", ""),
    ):
        key = record.b64(voting_key.raw_public_key(voter_key(elector)))
        out = io.StringIO()
        call_command("elections", "verify", str(path), "--voting-key", key, stdout=out)
        assert f"voting key {key}: elector {elector}; {said}" in out.getvalue()
        assert declared in out.getvalue()
    stranger = record.b64(voting_key.public_key(voting_key.new_code()))
    with pytest.raises(CommandError, match="lists no elector with the voting key"):
        call_command("elections", "verify", str(path), "--voting-key", stranger, stdout=io.StringIO())
