"""Election services end to end: freeze, sign once, cast anonymously, replace, close, open, verify."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
import time_machine

from solidarity.coalition.models import Delegate
from solidarity.core.models import AuditEntry, User
from solidarity.elections import blind, client, record, services
from solidarity.elections.ballots import Ceremony, reconstruct_private_key
from solidarity.elections.models import Ballot, Election, PendingShare


def _vote(election: Election, user: User, content: dict[str, object]) -> tuple[bytes, bytes, record.CastBallot]:
    definition = record.parse_definition(election.definition)
    public = blind.load_public_key(definition.blind_key)
    pending = client.start_token(public)
    blind_signature = services.issue_blind_signature(
        election=election, user=user, blinded_message=pending.blinded_message
    )
    signature = client.finish_token(public, pending, blind_signature)
    ballot = client.cast(pending.token, signature, definition.ballot_key, content)
    services.cast_ballot(
        slug=election.slug, token=ballot.token, signature=ballot.signature, ciphertext=ballot.ciphertext
    )
    return pending.token, signature, ballot


def test_freeze_publishes_a_hash_of_the_definition(open_election: tuple[Election, Ceremony]) -> None:
    election, ceremony = open_election
    assert election.status == Election.Status.FROZEN
    assert election.definition_hash == record.definition_hash(election.definition or {})
    assert len(ceremony.shares) == 3
    assert election.voters.count() == 6
    assert (election.definition or {})["keys"]["ballot"] == election.ballot_public_key
    assert AuditEntry.objects.filter(action="elections.election.frozen").exists()


def test_full_election_publishes_a_record_that_verifies(
    open_election: tuple[Election, Ceremony], voting_delegates: list[tuple[Delegate, User]], trustee: User
) -> None:
    election, ceremony = open_election
    ids = [c["id"] for c in (election.definition or {})["candidates"]]
    receipts = []
    for index, (_, user) in enumerate(voting_delegates[:5]):
        _token, _signature, ballot = _vote(election, user, {"ranking": [ids[index % 4], ids[(index + 1) % 4]]})
        receipts.append(ballot.receipt)
    # The first voter changes their mind: the same token replaces the earlier ballot.
    first_token = Ballot.objects.get(receipt=receipts[0]).token
    definition = record.parse_definition(election.definition)
    replacement = client.cast(
        bytes(first_token),
        bytes(Ballot.objects.get(receipt=receipts[0]).signature),
        definition.ballot_key,
        {"ranking": [ids[3]]},
    )
    services.cast_ballot(
        slug=election.slug, token=replacement.token, signature=replacement.signature, ciphertext=replacement.ciphertext
    )
    assert election.ballots.count() == 5
    with time_machine.travel(election.closes_at + timedelta(minutes=1)):
        with pytest.raises(services.CastRefusedError):
            services.cast_ballot(
                slug=election.slug,
                token=replacement.token,
                signature=replacement.signature,
                ciphertext=replacement.ciphertext,
            )
        assert services.submit_share(trustee=trustee, election=election, share=ceremony.shares[0]) is False
        assert PendingShare.objects.count() == 1
        other = User.objects.create_user(username="trustee2", password="x" * 20)
        assert services.submit_share(trustee=other, election=election, share=ceremony.shares[2]) is True
    election.refresh_from_db()
    assert election.status == Election.Status.PUBLISHED
    assert PendingShare.objects.count() == 0
    assert record.verify(election.record.encode()) == []
    assert record.find_receipt(election.record, receipts[0]) == {"ranking": [ids[3]]}
    assert len(election.result["elected"]) == 2  # type: ignore[index]


def test_signature_is_issued_once_and_only_to_the_electorate(
    open_election: tuple[Election, Ceremony], voting_delegates: list[tuple[Delegate, User]], outsider: User
) -> None:
    election, _ = open_election
    user = voting_delegates[0][1]
    public = blind.load_public_key(record.parse_definition(election.definition).blind_key)
    services.issue_blind_signature(
        election=election, user=user, blinded_message=client.start_token(public).blinded_message
    )
    with pytest.raises(services.NotEligibleError):
        services.issue_blind_signature(
            election=election, user=user, blinded_message=client.start_token(public).blinded_message
        )
    with pytest.raises(services.NotEligibleError):
        services.issue_blind_signature(
            election=election, user=outsider, blinded_message=client.start_token(public).blinded_message
        )
    voter = election.voters.get(delegate__user=user)
    assert voter.has_signature
    # Only THAT a signature was issued is stored: no token, no blinded message.
    assert {f.name for f in voter._meta.get_fields()} == {
        "id",
        "election",
        "delegate",
        "display_name",
        "has_signature",
    }


def test_cast_refuses_forged_and_foreign_signatures(open_election: tuple[Election, Ceremony]) -> None:
    election, _ = open_election
    definition = record.parse_definition(election.definition)
    token = blind.prepare(b"t" * 32)
    with pytest.raises(services.CastRefusedError):
        services.cast_ballot(slug=election.slug, token=token, signature=b"\x00" * 256, ciphertext=b"c" * 200)
    from cryptography.hazmat.primitives.asymmetric import rsa

    foreign = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pending = client.start_token(foreign.public_key())
    signature = client.finish_token(foreign.public_key(), pending, blind.blind_sign(foreign, pending.blinded_message))
    ballot = client.cast(pending.token, signature, definition.ballot_key, {"ranking": ["x"]})
    with pytest.raises(services.CastRefusedError):
        services.cast_ballot(
            slug=election.slug, token=ballot.token, signature=ballot.signature, ciphertext=ballot.ciphertext
        )
    assert election.ballots.count() == 0


def test_cast_refuses_more_ballots_than_signatures(open_election: tuple[Election, Ceremony]) -> None:
    """A valid token made with the signing key but never issued to anyone is refused."""
    election, _ = open_election
    definition = record.parse_definition(election.definition)
    signing = blind.load_private_key(base64.b64decode(election.signing_key))
    pending = client.start_token(signing.public_key())
    signature = client.finish_token(signing.public_key(), pending, blind.blind_sign(signing, pending.blinded_message))
    ballot = client.cast(pending.token, signature, definition.ballot_key, {"ranking": ["c1"]})
    with pytest.raises(services.CastRefusedError, match="more ballots"):
        services.cast_ballot(
            slug=election.slug, token=ballot.token, signature=ballot.signature, ciphertext=ballot.ciphertext
        )


def test_count_cannot_open_before_the_close(open_election: tuple[Election, Ceremony], trustee: User) -> None:
    election, ceremony = open_election
    with pytest.raises(services.ElectionStateError):
        services.submit_share(trustee=trustee, election=election, share=ceremony.shares[0])


def test_motion_election(
    organizer: User, voting_delegates: list[tuple[Delegate, User]], trustee: User, fast_signing_key: None
) -> None:
    from tests.elections.conftest import make_open_election

    election, ceremony = make_open_election(organizer, [d for d, _ in voting_delegates], rule="motion")
    for index, (_, user) in enumerate(voting_delegates):
        _vote(election, user, {"choice": "yes" if index < 4 else "no"})
    with time_machine.travel(election.closes_at + timedelta(seconds=1)):
        services.publish_record(
            election=election,
            private_key=reconstruct_private_key(
                list(ceremony.shares[:2]), public_key=base64.b64decode(election.ballot_public_key)
            ),
            actor=trustee,
        )
    election.refresh_from_db()
    assert election.result == {**election.result, "yes": 4, "no": 2, "passed": True}  # type: ignore[dict-item]
    assert record.verify(election.record) == []


def test_electorate_is_those_checked_in_at_the_assembly(
    organizer: User,
    voting_delegates: list[tuple[Delegate, User]],
    fast_signing_key: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.utils import timezone

    from solidarity.assemblies import selectors as assembly_selectors

    present = {d.pk for d, _ in voting_delegates[:3]}
    monkeypatch.setattr(
        assembly_selectors, "checked_in_delegate_ids", lambda *, assembly_id: present if assembly_id == 42 else set()
    )
    election = services.create_election(
        actor=organizer,
        slug="assembly-motion",
        title_en="Motion",
        title_fa="پیشنهاد",
        rule="motion",
        opens_at=timezone.now(),
        closes_at=timezone.now() + timedelta(hours=1),
        assembly_id=42,
    )
    services.hold_ceremony(actor=organizer, election=election)
    election = services.freeze_election(actor=organizer, election=election)
    assert {v.delegate_id for v in election.voters.all()} == present
    assert len((election.definition or {})["electorate"]) == 3


def test_trustee_actions_are_audited_without_secrets(open_election: tuple[Election, Ceremony], trustee: User) -> None:
    election, ceremony = open_election
    with time_machine.travel(election.closes_at + timedelta(minutes=1)):
        services.submit_share(trustee=trustee, election=election, share=ceremony.shares[0])
    entries = AuditEntry.objects.filter(action__startswith="elections.")
    actions = set(entries.values_list("action", flat=True))
    assert {"elections.ceremony.held", "elections.election.frozen", "elections.share.submitted"} <= actions
    words = ceremony.shares[0].split()[:4]
    for entry in entries:
        assert not any(word in str(entry.data) for word in words[1:])


def _draft(organizer: User, delegates: list[Delegate], slug: str = "offline") -> Election:
    from django.utils import timezone

    now = timezone.now()
    election = services.create_election(
        actor=organizer,
        slug=slug,
        title_en="Executive committee",
        title_fa="کمیتهٔ اجرایی",
        rule="scottish-stv",
        seats=2,
        opens_at=now - timedelta(minutes=5),
        closes_at=now + timedelta(hours=1),
        trustee_threshold=2,
        trustee_count=3,
    )
    for delegate in delegates[:4]:
        services.add_candidate(actor=organizer, election=election, delegate=delegate)
    return election


def test_offline_ceremony_key_opens_the_count_and_never_reaches_the_server(
    organizer: User, voting_delegates: list[tuple[Delegate, User]], trustee: User, fast_signing_key: None
) -> None:
    from solidarity.elections.ceremony import offline_ceremony

    election = _draft(organizer, [d for d, _ in voting_delegates])
    held = offline_ceremony(threshold=2, trustees=3)
    services.register_ballot_key(actor=organizer, election=election, public_key=held.public_key)
    election = services.freeze_election(actor=organizer, election=election)
    assert election.ballot_key_offline
    assert (election.definition or {})["keys"]["ballot"] == record.b64(held.public_key)
    ids = [c["id"] for c in (election.definition or {})["candidates"]]
    for index, (_, user) in enumerate(voting_delegates[:4]):
        _vote(election, user, {"ranking": [ids[index % 4]]})
    private = reconstruct_private_key(list(held.shares[:2]), public_key=held.public_key)
    stored = " ".join(str(v) for v in Election.objects.filter(pk=election.pk).values().get().values())
    assert record.b64(private) not in stored
    assert AuditEntry.objects.filter(action="elections.ceremony.registered").exists()
    with time_machine.travel(election.closes_at + timedelta(minutes=1)):
        assert services.submit_share(trustee=trustee, election=election, share=held.shares[1]) is False
        other = User.objects.create_user(username="trustee2", password="x" * 20)
        assert services.submit_share(trustee=other, election=election, share=held.shares[2]) is True
    election.refresh_from_db()
    assert record.verify(election.record.encode()) == []
    assert record.parse_record(election.record).private_key == private


def test_register_ballot_key_refuses_bad_keys_and_a_second_ceremony(organizer: User, delegates: list[Delegate]) -> None:
    from solidarity.elections.ballots import generate_key_pair

    election = _draft(organizer, delegates)
    for bad in (b"short", b"\x00" * 32):
        with pytest.raises(services.ElectionStateError):
            services.register_ballot_key(actor=organizer, election=election, public_key=bad)
    services.register_ballot_key(actor=organizer, election=election, public_key=generate_key_pair().public_key)
    with pytest.raises(services.ElectionStateError):
        services.register_ballot_key(actor=organizer, election=election, public_key=generate_key_pair().public_key)
    with pytest.raises(services.ElectionStateError):
        services.hold_ceremony(actor=organizer, election=election)


def test_a_wrong_share_does_not_block_the_count(open_election: tuple[Election, Ceremony], trustee: User) -> None:
    """A mistyped share, or one from another ceremony, is skipped once k good shares are in."""
    from solidarity.elections.ballots import hold_ceremony

    election, ceremony = open_election
    stranger = hold_ceremony(threshold=2, trustees=3).shares[0]
    second = User.objects.create_user(username="trustee2", password="x" * 20)
    third = User.objects.create_user(username="trustee3", password="x" * 20)
    with time_machine.travel(election.closes_at + timedelta(minutes=1)):
        assert services.submit_share(trustee=trustee, election=election, share=stranger) is False
        assert services.submit_share(trustee=second, election=election, share=ceremony.shares[0]) is False
        assert services.submit_share(trustee=third, election=election, share=ceremony.shares[2]) is True
    election.refresh_from_db()
    assert election.status == Election.Status.PUBLISHED
    assert record.verify(election.record.encode()) == []


def test_appointed_trustees_are_named_in_the_definition_and_alone_open_the_count(
    organizer: User, voting_delegates: list[tuple[Delegate, User]], trustee: User, fast_signing_key: None
) -> None:
    """SR-12: once trustees are appointed, a share from anyone else is refused, and the public sees who they are."""
    from solidarity.core.roles import Role
    from solidarity.elections.ceremony import offline_ceremony
    from tests.conftest import make_user

    election = _draft(organizer, [d for d, _ in voting_delegates], slug="appointed")
    second, third, stranger = (make_user(name, Role.TRUSTEE) for name in ("trustee-b", "trustee-c", "trustee-x"))
    with pytest.raises(services.ElectionStateError):
        services.appoint_trustee(actor=organizer, election=election, trustee=voting_delegates[0][1])
    services.appoint_trustee(actor=organizer, election=election, trustee=trustee)
    services.appoint_trustee(actor=organizer, election=election, trustee=second)
    held = offline_ceremony(threshold=2, trustees=3)
    services.register_ballot_key(actor=organizer, election=election, public_key=held.public_key)
    with pytest.raises(services.ElectionStateError, match="every trustee, or none"):
        services.freeze_election(actor=organizer, election=election)
    services.appoint_trustee(actor=organizer, election=election, trustee=third)
    with pytest.raises(services.ElectionStateError):
        services.appoint_trustee(actor=organizer, election=election, trustee=stranger)
    election = services.freeze_election(actor=organizer, election=election)
    assert (election.definition or {})["trustees"]["names"] == sorted(str(u) for u in (trustee, second, third))
    assert AuditEntry.objects.filter(action="elections.trustee.appointed").count() == 3
    with pytest.raises(services.ElectionStateError):
        services.appoint_trustee(actor=organizer, election=election, trustee=stranger)
    with time_machine.travel(election.closes_at + timedelta(minutes=1)):
        with pytest.raises(services.ElectionStateError, match="not a trustee of this election"):
            services.submit_share(trustee=stranger, election=election, share=held.shares[0])
        assert services.submit_share(trustee=trustee, election=election, share=held.shares[0]) is False
        assert services.submit_share(trustee=third, election=election, share=held.shares[2]) is True
    election.refresh_from_db()
    assert record.verify(election.record.encode()) == []
