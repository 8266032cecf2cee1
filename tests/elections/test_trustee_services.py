"""The joint key generation and the opening through the server: trustees' tools exchange files with the services.

Each trustee's state file stays on the trustee's side (a dict here); the server only ever holds the
messages, and the test reads the database for what must not be there.
"""

from __future__ import annotations

import base64
import json
from datetime import timedelta
from typing import Any

import pytest
import time_machine

from solidarity.coalition.models import Delegate
from solidarity.core.models import AuditEntry, User
from solidarity.core.roles import Role
from solidarity.elections import blind, client, record, services, trustee
from solidarity.elections import threshold as th
from solidarity.elections.models import Election, TrusteeSeat
from tests.conftest import make_user
from tests.elections import helpers
from tests.elections.helpers import draft_election


def _send(election: Election, user: User, message: dict[str, Any] | None) -> str:
    assert message is not None
    return services.receive_trustee_message(actor=user, election=election, data=json.dumps(message).encode())


def _step(election: Election, user: User, states: dict[int, Any]) -> str | None:
    """One trustee downloads the ceremony file, runs the tool, uploads what it wrote."""
    document = json.loads(json.dumps(services.ceremony_document(election=election)))
    state, outgoing, _ = trustee.step(states.get(user.pk), document)
    states[user.pk] = state
    return _send(election, user, outgoing) if outgoing is not None else None


def _decryption(election: Election, state: dict[str, Any]) -> dict[str, Any]:
    """A decryption of the server's current last output with the trustee's share, skipping the tool's rule."""
    definition = record.parse_definition(election.definition)
    cast = [services._cast_ballot(b) for b in election.ballots.all()]
    opened = record.decrypt_as_trustee(
        trustee=int(state["trustee"]),
        secret=int.from_bytes(base64.b64decode(state["share"]), "little"),
        public_key=definition.ballot_key,
        digest=election.definition_hash,
        tracking_codes=sorted(b.tracking for b in cast),
        rows=record.rows_to_open(cast, services._stored_mixes(election), points=definition.layout.points),
    )
    return trustee.message(
        election.slug, "decryption", trustee=opened.trustee, decryption=record.trustee_decryption_json(opened)
    )


def _vote(election: Election, voting_delegates: list[tuple[Delegate, User]], count: int) -> None:
    definition = record.parse_definition(election.definition)
    ids = [c.id for c in definition.candidates]
    public = blind.load_public_key(definition.blind_key)
    for index, (delegate, _user) in enumerate(voting_delegates[:count]):
        pending = client.start_pass(public)
        elector, signature = services.issue_blind_signature(
            election=election,
            delegate=delegate,
            blinded_message=pending.blinded_message,
            voter_signature=helpers.pass_request(election, delegate, pending.blinded_message),
        )
        ballot = client.cast(
            voting_pass := helpers.declared(
                election, delegate, client.finish_pass(public, pending, signature), elector
            ),
            election.definition_hash,
            definition.ballot_key,
            {"ranking": [ids[index % 4], ids[(index + 2) % 4]]},
            layout=definition.layout,
        )
        services.cast_ballot(
            slug=election.slug,
            credential=ballot.credential,
            signature=ballot.credential_signature,
            ciphertext=ballot.ciphertext,
            ballot_signature=ballot.ballot_signature,
            elector=voting_pass.elector,
            declaration=voting_pass.declaration,
        )


def test_three_of_three_trustees_each_mix_in_turn_then_decrypt(
    organizer: User,
    voting_delegates: list[tuple[Delegate, User]],
    trustees: list[User],
    fast_signing_key: None,
) -> None:
    election = draft_election(organizer, [d for d, _ in voting_delegates], slug="all-three", trustee_threshold=3)
    for user in trustees:
        services.appoint_trustee(actor=organizer, election=election, trustee=user)
    states: dict[int, Any] = {}
    _make_key(election, trustees, states)
    election = services.freeze_election(actor=organizer, election=election)
    _vote(election, voting_delegates, 4)
    with time_machine.travel(election.closes_at + timedelta(minutes=1)):
        # Trustees 1 and 2 download the same ceremony file and both mix its last output: the first
        # upload is kept, the second is a mix of an earlier output and is refused.
        document = json.loads(json.dumps(services.ceremony_document(election=election)))
        _, first, _ = trustee.step(states[trustees[0].pk], document)
        _, second, _ = trustee.step(states[trustees[1].pk], document)
        assert _send(election, trustees[0], first) == "mix"
        with pytest.raises(services.TrusteeMessageError, match="against the last mix's output"):
            _send(election, trustees[1], second)
        with pytest.raises(services.TrusteeMessageError, match="mixed already"):
            _send(election, trustees[0], first)
        assert _step(election, trustees[1], states) == "mix"  # on the new last output, it is kept
        assert _step(election, trustees[0], states) is None  # 2 of 3 mixes: trustee 1 waits
        assert _step(election, trustees[2], states) == "mix"
        for user in trustees:
            assert _step(election, user, states) == "decryption"
    election.refresh_from_db()
    assert election.status == Election.Status.PUBLISHED
    assert record.verify(election.record.encode(), expected_definition_hash=election.definition_hash) == []
    parsed = record.parse_record(election.record)
    assert [m.mixer for m in parsed.mixes] == [record.SERVER_MIXER, 1, 2, 3]
    assert parsed.result["valid"] == 4
    assert AuditEntry.objects.filter(action="elections.trustee.mix").count() == 3


@pytest.fixture
def trustees(db: None) -> list[User]:
    return [make_user(f"keeper{i}", Role.TRUSTEE) for i in (1, 2, 3)]


def _draft(organizer: User, delegates: list[Delegate], trustees: list[User]) -> Election:
    election = draft_election(organizer, delegates, slug="joint")
    for user in trustees:
        services.appoint_trustee(actor=organizer, election=election, trustee=user)
    return election


def _make_key(election: Election, trustees: list[User], states: dict[int, Any]) -> None:
    for _round in ("join", "deal", "confirm"):
        for user in trustees:
            _step(election, user, states)
            election.refresh_from_db()


def test_trustees_make_the_key_open_the_count_and_the_record_verifies(
    organizer: User,
    voting_delegates: list[tuple[Delegate, User]],
    trustees: list[User],
    fast_signing_key: None,
) -> None:
    election = _draft(organizer, [d for d, _ in voting_delegates], trustees)
    states: dict[int, Any] = {}
    _make_key(election, trustees, states)
    assert election.status == Election.Status.KEYED
    seats = list(TrusteeSeat.objects.filter(election=election))
    # What the server holds: transport keys, public commitments, shares sealed to each trustee, proofs.
    # No key share: none of the trustees' x_j appears anywhere in what it stored.
    stored = json.dumps([[s.transport_key, s.dealing, s.confirmation] for s in seats])
    for state in states.values():
        assert state["share"] not in stored and state["transport_secret"] not in stored
    election = services.freeze_election(actor=organizer, election=election)
    definition = record.parse_definition(election.definition)
    assert len(definition.dealings) == 3 and base64.b64decode(election.ballot_public_key) == definition.ballot_key
    _vote(election, voting_delegates, 5)
    with time_machine.travel(election.closes_at + timedelta(minutes=1)):
        # After the close each trustee's tool first mixes: k = 2 trustees' mixes before any decryption.
        assert _step(election, trustees[2], states) == "mix"
        election.refresh_from_db()
        assert election.status == Election.Status.FROZEN and election.box_closed and election.mix
        assert election.signing_key == ""  # erased at the close
        assert [m.mixer for m in services._stored_mixes(election)] == [record.SERVER_MIXER, 3]
        assert _step(election, trustees[2], states) is None  # trustee 3 waits for a second mix
        # A decryption before the k mixes (of the last output so far, honest proofs) is refused.
        early = _decryption(election, states[trustees[2].pk])
        with pytest.raises(services.TrusteeMessageError, match="too few trustees have mixed"):
            _send(election, trustees[2], early)
        # A mix with an altered proof is refused, and nothing is kept.
        document = json.loads(json.dumps(services.ceremony_document(election=election)))
        _, mixed, _ = trustee.step(states[trustees[0].pk], document)
        assert mixed is not None and mixed["kind"] == "mix"
        altered = json.loads(json.dumps(mixed))
        altered["mix"]["proof"]["s2"] = record.b64(th.scalar_bytes(th.random_scalar()))
        with pytest.raises(services.TrusteeMessageError, match="shuffle proof does not verify"):
            _send(election, trustees[0], altered)
        # Trustee 1's mix uploaded from trustee 2's account is refused (it names its mixer, and is signed).
        with pytest.raises(services.TrusteeMessageError, match="another trustee"):
            _send(election, trustees[1], mixed)
        _, late, _ = trustee.step(states[trustees[1].pk], document)  # trustee 2 mixes the same output
        assert _send(election, trustees[0], mixed) == "mix"
        with pytest.raises(services.TrusteeMessageError, match="enough trustees have mixed"):
            _send(election, trustees[1], late)
        election.refresh_from_db()
        assert len(services._stored_mixes(election)) == 3
        # A decryption of an earlier output (the one trustee 3 decrypted before the last mix) is refused.
        with pytest.raises(services.TrusteeMessageError, match="do not verify"):
            _send(election, trustees[2], early)
        assert _step(election, trustees[2], states) == "decryption"
        # A trustee's decryption with one factor changed is refused, and nothing is kept.
        document = json.loads(json.dumps(services.ceremony_document(election=election)))
        _, honest, _ = trustee.step(states[trustees[0].pk], document)
        assert honest is not None
        forged = json.loads(json.dumps(honest))
        factor = base64.b64decode(forged["decryption"]["rows"][0]["factors"][0])
        forged["decryption"]["rows"][0]["factors"][0] = record.b64(th.add(factor, th.G))
        with pytest.raises(services.TrusteeMessageError, match="do not verify"):
            _send(election, trustees[0], forged)
        # A trustee's honest decryption sent by someone else's account is refused.
        with pytest.raises(services.TrusteeMessageError):
            _send(election, organizer, honest)
        assert _send(election, trustees[0], honest) == "decryption"
    election.refresh_from_db()
    assert election.status == Election.Status.PUBLISHED
    assert election.record_key == "" and election.signing_key == ""  # erased at publication
    assert record.verify(election.record.encode(), expected_definition_hash=election.definition_hash) == []
    parsed = record.parse_record(election.record)
    assert [d.trustee for d in parsed.decryptions] == [1, 3]
    assert [m.mixer for m in parsed.mixes] == [record.SERVER_MIXER, 3, 1]
    assert parsed.result["valid"] == 5
    entry = AuditEntry.objects.filter(action="elections.record.published").get()
    assert entry.data["trustees"] == 2


def test_the_key_generation_refuses_strangers_late_joiners_and_a_false_confirmation(
    organizer: User, delegates: list[Delegate], trustees: list[User], fast_signing_key: None
) -> None:
    election = _draft(organizer, delegates, trustees[:3])
    states: dict[int, Any] = {}
    stranger = make_user("stranger", Role.TRUSTEE)
    with pytest.raises(services.TrusteeMessageError, match="not a trustee"):
        _step(election, stranger, states)
    for user in trustees:
        _step(election, user, states)  # join
    for user in trustees:
        _step(election, user, states)  # deal
    document = json.loads(json.dumps(services.ceremony_document(election=election)))
    _, confirmation, _ = trustee.step(dict(states[trustees[0].pk]), document)
    assert confirmation is not None
    with pytest.raises(services.TrusteeMessageError, match="does not prove"):
        _send(election, trustees[1], {**confirmation, "trustee": 2})
    # After a complaint the organizer restarts; the trustees join again from nothing.
    services.restart_key_generation(actor=organizer, election=election)
    assert not TrusteeSeat.objects.filter(election=election).exists()
    states.clear()
    _make_key(election, trustees, states)
    election.refresh_from_db()
    assert election.status == Election.Status.KEYED


def test_trustees_use_the_staff_page_to_download_and_upload(
    organizer: User, delegates: list[Delegate], trustees: list[User], fast_signing_key: None
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from tests.conftest import verified_client

    election = _draft(organizer, delegates, trustees)
    page = reverse("elections:trustee", args=[election.slug])
    states: dict[int, Any] = {}
    # Each sees only the form they may use: trustees upload, the organizer restarts.
    assert 'enctype="multipart/form-data"' not in verified_client(organizer).get(page).content.decode()
    assert 'enctype="multipart/form-data"' in verified_client(trustees[0]).get(page).content.decode()
    persian = verified_client(organizer).get(page.replace("/en/", "/fa/", 1)).content.decode()
    main = persian.split("<main", 1)[-1].split("</main>", 1)[0]
    assert str(election.trustee_count) not in main and "۳" in main  # the count in Persian digits
    for _round in ("join", "deal", "confirm"):
        for user in trustees:
            web = verified_client(user)
            assert web.get(page).status_code == 200
            document = json.loads(web.get(reverse("elections:trustee-ceremony", args=[election.slug])).content)
            state, outgoing, _ = trustee.step(states.get(user.pk), document)
            states[user.pk] = state
            upload = SimpleUploadedFile("message.json", json.dumps(outgoing).encode(), "application/json")
            response = web.post(page, {"message": upload}, follow=True)
            assert "Received and checked" in response.content.decode()
        if _round == "join":  # seats taken: the organizer may start again, a trustee may not
            assert "/trustee/restart/" in verified_client(organizer).get(page).content.decode()
            assert "/trustee/restart/" not in verified_client(trustees[0]).get(page).content.decode()
    election.refresh_from_db()
    assert election.status == Election.Status.KEYED
    # The organizer sees the page but cannot upload; a junk file is refused with a reason.
    assert verified_client(organizer).post(page, {"message": SimpleUploadedFile("m.json", b"{}")}).status_code == 404
    web = verified_client(trustees[0])
    response = web.post(page, {"message": SimpleUploadedFile("m.json", b"not json")}, follow=True)
    assert "not the JSON the trustee tool writes" in response.content.decode()
