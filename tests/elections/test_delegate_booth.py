"""The booth for delegates signed in by their invitation's code, on the public host (issue 13).

A delegate session is not a staff account: it reaches the elections on its voter roll and nothing
of the staff site; a staff account linked to a delegate with a password alone cannot vote.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from solidarity.assemblies import services as assemblies
from solidarity.assemblies.models import Venue
from solidarity.coalition import services as coalition
from solidarity.coalition.models import Delegate
from solidarity.core.models import User
from solidarity.core.roles import Role
from solidarity.elections import blind, canonical, client, record, selectors, services
from solidarity.elections.models import Election
from tests.conftest import make_hub, make_user
from tests.elections import helpers
from tests.elections.conftest import make_open_election

pytestmark = pytest.mark.django_db
PUBLIC = "public.example.org"
STAFF = "staff.example.onion"


@pytest.fixture
def hosts(settings: Any) -> None:
    settings.STAFF_HOSTS = [STAFF]
    settings.ALLOWED_HOSTS = [PUBLIC, STAFF, "testserver"]


@pytest.fixture
def venue(organizer: User) -> Venue:
    return make_hub(organizer)


def _code(organizer: User, venue: Venue, delegate: Delegate) -> str:
    invitation, _token = assemblies.issue_invitation(officer=organizer, venue=venue, delegate=delegate)
    return assemblies.code_for(invitation)


def _signed_in(code: str) -> Client:
    """A browser on the public host that signed in with the invitation's short code (CSRF enforced)."""
    browser = Client(enforce_csrf_checks=True, HTTP_HOST=PUBLIC)
    page = browser.get("/en/assemblies/delegate/sign-in/")
    token = page.cookies["csrftoken"].value
    response = browser.post("/en/assemblies/delegate/sign-in/", {"credential": code, "csrfmiddlewaretoken": token})
    assert response.status_code == 302, response.content.decode()[:500]
    return browser


def _sign(browser: Client, election: Election, blinded: bytes, *, csrf: bool = True, request: bytes = bytes(64)) -> Any:
    headers: dict[str, str] = {"X-CSRFToken": browser.cookies["csrftoken"].value} if csrf else {}
    return browser.post(
        f"/en/elections/{election.slug}/sign/",
        data=json.dumps(
            {
                "blinded_message": base64.b64encode(blinded).decode(),
                "voter_signature": base64.b64encode(request).decode(),
            }
        ),
        content_type="application/json",
        headers=headers,
    )


def test_a_delegate_signed_in_by_code_votes_in_the_public_booth(
    hosts: None, organizer: User, delegates: list[Delegate], venue: Venue, fast_signing_key: None
) -> None:
    election, _ceremony = make_open_election(organizer, delegates)
    delegate = delegates[2]
    assert delegate.user is None  # no staff account at all
    browser = _signed_in(_code(organizer, venue, delegate))

    # The delegate page lists the election on their voter roll, with the way to the booth.
    home = browser.get("/en/assemblies/delegate/").content.decode()
    assert "Executive committee" in home
    assert f"/en/elections/{election.slug}/vote/" in home
    assert "Vote in the booth" in home

    booth = browser.get(f"/en/elections/{election.slug}/vote/")
    assert booth.status_code == 200
    assert "no-cache" in booth["Cache-Control"] and "no-store" in booth["Cache-Control"]
    assert "'wasm-unsafe-eval'" in booth["Content-Security-Policy"]
    text = booth.content.decode()
    assert f'data-sign-url="/en/elections/{election.slug}/sign/"' in text
    assert 'data-has-signature="0"' in text
    assert "Delegate 2" in text
    persian = browser.get(f"/fa/elections/{election.slug}/vote/").content.decode()
    assert "غرفهٔ رأی" in persian or "رأی" in persian

    # The pass: CSRF is checked, then exactly one blind signature for this delegate.
    definition = record.parse_definition(election.definition)
    public_key = blind.load_public_key(definition.blind_key)
    pending = client.start_pass(public_key)
    request = helpers.pass_request(election, delegate, pending.blinded_message)
    assert _sign(browser, election, pending.blinded_message, csrf=False, request=request).status_code == 403
    # A request not signed by the voting key the definition lists for this delegate is refused.
    forged = _sign(browser, election, pending.blinded_message)
    assert forged.status_code == 403 and "not signed with your voting key" in forged.json()["error"]
    answer = _sign(browser, election, pending.blinded_message, request=request)
    assert answer.status_code == 200, answer.content
    assert "no-store" in answer["Cache-Control"]
    assert answer.json()["elector"] == f"e{delegate.pk}"
    second = client.start_pass(public_key).blinded_message
    again = _sign(browser, election, second, request=helpers.pass_request(election, delegate, second))
    assert again.status_code == 403 and "already issued" in again.json()["error"]
    assert election.voters.filter(has_signature=True).get().delegate == delegate
    assert 'data-has-signature="1"' in browser.get(f"/en/elections/{election.slug}/vote/").content.decode()
    assert "your voting pass was issued" in browser.get("/en/assemblies/delegate/").content.decode()

    # Cast with no cookie at all; the tracking code is found on the receipt page.
    voting_pass = helpers.declared(
        election,
        delegate,
        client.finish_pass(public_key, pending, base64.b64decode(answer.json()["blind_signature"])),
        answer.json()["elector"],
    )
    ballot = client.cast(
        voting_pass,
        election.definition_hash,
        definition.ballot_key,
        {"ranking": ["c" + str(delegates[0].pk)]},
        layout=definition.layout,
    )
    payload = {
        "credential": record.b64(ballot.credential),
        "credential_signature": record.b64(ballot.credential_signature),
        "ciphertext": record.b64(ballot.ciphertext),
        "ballot_signature": record.b64(ballot.ballot_signature),
        "declaration": record.b64(voting_pass.declaration),
        "elector": voting_pass.elector,
    }
    cast = Client(HTTP_HOST=PUBLIC).post(
        f"/elections/{election.slug}/cast", data=canonical.dumps(payload), content_type="application/json"
    )
    assert cast.json() == {"tracking": ballot.tracking}
    receipt_url = f"/en/elections/{election.slug}/receipt/"
    browser.get(receipt_url)
    found = browser.post(
        receipt_url, {"tracking": ballot.tracking, "csrfmiddlewaretoken": browser.cookies["csrftoken"].value}
    )
    assert "is in the ballot box" in found.content.decode()

    # The delegate session reaches nothing of the staff site: not there on the public host, and a
    # staff sign-in on the staff host.
    assert browser.get(f"/en/staff/elections/{election.slug}/").status_code == 404
    staff_page = browser.get(f"/en/staff/elections/{election.slug}/", HTTP_HOST=STAFF)
    assert staff_page.status_code == 302 and "/staff/sign-in/" in staff_page["Location"]
    assert browser.get("/admin/", HTTP_HOST=STAFF).status_code in (302, 404)


def test_the_booth_serves_only_the_delegates_voter_roll(
    hosts: None, organizer: User, delegates: list[Delegate], venue: Venue, fast_signing_key: None
) -> None:
    election, _ = make_open_election(organizer, delegates)
    latecomer = coalition.accredit_delegate(
        delegate=coalition.register_delegate(
            actor=organizer, display_name="Latecomer", organizations=list(delegates[0].organizations.all())
        ),
        actor=organizer,
    )  # accredited after the freeze: not on this voter roll
    browser = _signed_in(_code(organizer, venue, latecomer))
    home = browser.get("/en/assemblies/delegate/").content.decode()
    assert "Executive committee" not in home
    assert "You are on no voter roll at present." in home
    assert browser.get(f"/en/elections/{election.slug}/vote/").status_code == 404
    refused = _sign(browser, election, b"\x01" * 256)
    assert refused.status_code == 403 and "not in the electorate" in refused.json()["error"]
    assert selectors.elections_for_delegate(latecomer) == []
    # Anonymous visitors are sent to the delegate sign-in; the signing endpoint refuses them.
    anonymous = Client(HTTP_HOST=PUBLIC)
    to_sign_in = anonymous.get(f"/en/elections/{election.slug}/vote/")
    assert to_sign_in.status_code == 302 and "/assemblies/delegate/sign-in/" in to_sign_in["Location"]
    nobody = anonymous.post(
        f"/en/elections/{election.slug}/sign/",
        data=json.dumps({"blinded_message": "AQ=="}),
        content_type="application/json",
    )
    assert nobody.status_code == 403 and nobody.json() == {"error": "sign in as a delegate first"}
    assert Client(HTTP_HOST=PUBLIC).get("/en/elections/nope/vote/").status_code == 302


def test_an_assembly_election_lists_only_admitted_delegates(
    hosts: None, organizer: User, delegates: list[Delegate], venue: Venue, fast_signing_key: None
) -> None:
    """The electorate of an assembly's election is who was admitted there; the delegate page follows it."""

    invitation, token = assemblies.issue_invitation(officer=organizer, venue=venue, delegate=delegates[0])
    assemblies.check_in_online(officer=organizer, venue=venue, text=token, device_id="door-1")
    now = timezone.now()
    election = services.create_election(
        actor=organizer,
        slug="assembly-motion",
        title_en="Adopt the agenda",
        title_fa="تصویب دستور کار",
        rule="motion",
        assembly_id=venue.assembly_id,
        opens_at=now - dt.timedelta(minutes=1),
        closes_at=now + dt.timedelta(hours=1),
    )
    helpers.joint_key(election)
    services.freeze_election(actor=organizer, election=election)
    assert [voter.delegate for voter in selectors.elections_for_delegate(delegates[0])] == [delegates[0]]
    assert selectors.elections_for_delegate(delegates[1]) == []
    browser = _signed_in(assemblies.code_for(invitation))
    assert "Adopt the agenda" in browser.get("/en/assemblies/delegate/").content.decode()


def test_a_password_only_staff_session_cannot_vote_as_a_delegate(
    organizer: User,
    delegates: list[Delegate],
    fast_signing_key: None,
    staff_client: Callable[[User], Client],
) -> None:
    election, _ = make_open_election(organizer, delegates)
    user = make_user("linked", Role.DELEGATE)
    delegates[3].user = user
    delegates[3].save(update_fields=["user"])
    password_only = Client()
    password_only.force_login(user)
    booth = password_only.get(f"/en/elections/{election.slug}/vote/")
    assert booth.status_code == 302 and "/assemblies/delegate/sign-in/" in booth["Location"]
    blinded = b"\x01" * 256
    request = base64.b64encode(helpers.pass_request(election, delegates[3], blinded)).decode()
    body = json.dumps({"blinded_message": base64.b64encode(blinded).decode(), "voter_signature": request})
    refused = password_only.post(f"/en/elections/{election.slug}/sign/", data=body, content_type="application/json")
    assert refused.status_code == 403
    assert not election.voters.filter(has_signature=True).exists()
    # With the second factor verified, the linked account speaks for its delegate.
    verified = staff_client(user)
    assert verified.get(f"/en/elections/{election.slug}/vote/").status_code == 200
    assert (
        verified.post(f"/en/elections/{election.slug}/sign/", data=body, content_type="application/json").json()[
            "elector"
        ]
        == f"e{delegates[3].pk}"
    )


def test_a_closed_or_published_election_has_no_booth(
    hosts: None, organizer: User, delegates: list[Delegate], venue: Venue, fast_signing_key: None
) -> None:
    election, _ = make_open_election(organizer, delegates)
    Election.objects.filter(pk=election.pk).update(closes_at=timezone.now() - dt.timedelta(seconds=1))
    browser = _signed_in(_code(organizer, venue, delegates[0]))
    home = browser.get("/en/assemblies/delegate/").content.decode()
    assert "Voting has closed; the count is awaited." in home
    refused = _sign(browser, election, b"\x01" * 256)
    assert refused.status_code == 403 and refused.json() == {"error": "voting is not open"}
    Election.objects.filter(pk=election.pk).update(status=Election.Status.PUBLISHED)
    assert browser.get(f"/en/elections/{election.slug}/vote/").status_code == 404


def test_a_delegate_registers_a_voting_key_once_and_an_organizer_clears_a_lost_one(
    hosts: None, organizer: User, delegates: list[Delegate], venue: Venue, staff_client: Callable[[User], Client]
) -> None:
    from solidarity.core.models import AuditEntry
    from solidarity.elections import voting_key
    from solidarity.elections.models import VotingKey

    delegate = delegates[0]
    browser = _signed_in(_code(organizer, venue, delegate))
    assert "Make your voting key" in browser.get("/en/assemblies/delegate/").content.decode()
    page = browser.get("/en/elections/voting-key/")
    assert page.status_code == 200 and "'wasm-unsafe-eval'" in page["Content-Security-Policy"]
    assert "no-store" in page["Cache-Control"] and 'id="make-code"' in page.content.decode()
    assert "کلید رأی" in browser.get("/fa/elections/voting-key/").content.decode()
    token = browser.cookies["csrftoken"].value
    public = voting_key.public_key(helpers.voting_code("registered"))
    bad = browser.post("/en/elections/voting-key/", {"public_key": "not base64!", "csrfmiddlewaretoken": token})
    assert bad.status_code == 400 and not VotingKey.objects.exists()
    done = browser.post("/en/elections/voting-key/", {"public_key": record.b64(public), "csrfmiddlewaretoken": token})
    assert done.status_code == 302
    assert bytes(VotingKey.objects.get(delegate=delegate).public_key) == public
    home = browser.get("/en/assemblies/delegate/").content.decode()
    assert record.b64(public) in home  # the delegate compares it with the definitions
    # A session cannot swap in another key (a stolen session between two elections).
    other = voting_key.public_key(helpers.voting_code("thief"))
    again = browser.post("/en/elections/voting-key/", {"public_key": record.b64(other), "csrfmiddlewaretoken": token})
    assert again.status_code == 400 and "already have a voting key" in again.content.decode()
    assert bytes(VotingKey.objects.get(delegate=delegate).public_key) == public
    # Another delegate cannot register the same key.
    with pytest.raises(services.VotingKeyError):
        services.register_voting_key(delegate=delegates[1], public_key=public)
    # An election frozen now lists the key; clearing it later leaves the frozen definition as it was.
    election, _ = make_open_election(organizer, delegates)
    listed = {entry["id"]: entry["key"] for entry in (election.definition or {})["electorate"]}
    assert listed[f"e{delegate.pk}"] == record.b64(public)
    staff = staff_client(organizer)
    assert record.b64(public) in staff.get("/en/staff/elections/voting-keys/", HTTP_HOST=STAFF).content.decode()
    assert "کلیدهای رأی نمایندگان" in staff.get("/fa/staff/elections/voting-keys/", HTTP_HOST=STAFF).content.decode()
    cleared = staff.post("/en/staff/elections/voting-keys/", {"delegate": str(delegate.pk)}, HTTP_HOST=STAFF)
    assert cleared.status_code == 302 and not VotingKey.objects.filter(delegate=delegate).exists()
    entry = AuditEntry.objects.get(action="elections.voting_key.cleared")
    assert entry.actor == organizer and entry.data["frozen_elections_keep_it"] == [election.slug]
    election.refresh_from_db()
    assert {e["id"]: e["key"] for e in (election.definition or {})["electorate"]}[f"e{delegate.pk}"] == record.b64(
        public
    )
    # Nobody else clears keys.
    with pytest.raises(services.VotingKeyError):
        services.clear_voting_key(actor=make_user("moderator-x", Role.MODERATOR), delegate=delegates[1])


def test_an_elector_without_a_voting_key_gets_no_pass_and_the_booth_says_why(
    hosts: None, organizer: User, delegates: list[Delegate], venue: Venue, fast_signing_key: None
) -> None:
    from solidarity.elections.models import VotingKey

    helpers.give_voting_keys([d for d in delegates if d != delegates[2]])  # delegate 2 never made one
    election, _ = make_open_election(organizer, delegates, give_keys=False)
    assert not VotingKey.objects.filter(delegate=delegates[2]).exists()
    listed = {entry["id"]: entry["key"] for entry in (election.definition or {})["electorate"]}
    assert listed[f"e{delegates[2].pk}"] is None and listed[f"e{delegates[1].pk}"] is not None
    browser = _signed_in(_code(organizer, venue, delegates[2]))
    booth = browser.get(f"/en/elections/{election.slug}/vote/").content.decode()
    assert 'data-has-key="0"' in booth and 'id="no-voting-key"' in booth
    assert 'id="no-voting-key"' in browser.get(f"/fa/elections/{election.slug}/vote/").content.decode()
    pending = client.start_pass(blind.load_public_key(record.parse_definition(election.definition).blind_key))
    refused = _sign(browser, election, pending.blinded_message, request=bytes(64))
    assert refused.status_code == 403 and "no voting key" in refused.json()["error"]
    assert not election.voters.filter(has_signature=True).exists()
