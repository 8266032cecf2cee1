"""Delegates are not staff: a delegate session opened with an invitation, and what it reaches."""

from __future__ import annotations

import pytest
from django.test import Client

from solidarity.assemblies import delegate_session, invitations, services
from solidarity.assemblies.delegate_views import SIGN_IN_ATTEMPTS
from solidarity.assemblies.models import Assembly, Venue
from solidarity.coalition.models import Delegate
from solidarity.core.models import AuditEntry, User
from solidarity.deliberation import services as deliberation
from solidarity.deliberation.models import Conversation, Participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def delegates_only(organizer: User) -> Conversation:
    return deliberation.open_conversation(
        organizer=organizer,
        topic_en="Charter",
        question_en="What should the charter say?",
        seed_statements=[deliberation.SeedStatement("One", "en"), deliberation.SeedStatement("Two", "en")],
        participation=Conversation.Participation.DELEGATES,
    )


def test_a_delegate_signs_in_with_the_short_code_and_votes_without_a_staff_account(
    organizer: User,
    assembly: Assembly,
    venues: dict[str, Venue],
    programme: None,
    delegates: list[Delegate],
    delegates_only: Conversation,
) -> None:
    delegate = delegates[0]
    assert delegate.user is None
    _invitation, token = services.issue_invitation(officer=organizer, venue=venues["toronto"], delegate=delegate)
    code = invitations.short_code(invitations.from_text(token))
    browser = Client()
    assert browser.get("/en/assemblies/delegate/").status_code == 302
    wrong = browser.post("/en/assemblies/delegate/sign-in/", {"credential": "AAAA-AAAA-AAAA-AAAA"})
    assert "does not open" in wrong.content.decode()
    response = browser.post("/en/assemblies/delegate/sign-in/", {"credential": code.lower().replace("-", " ")})
    assert response.status_code == 302
    home = browser.get("/en/assemblies/delegate/").content.decode()
    assert "Delegate 0" in home
    assert "Toronto" in home
    assert "Late debate" in home  # the venue's programme
    assert "Charter" in home  # the conversation open to delegates
    assert AuditEntry.objects.filter(action="assemblies.delegate.signed_in").exists()

    # The delegate takes part in the delegates-only conversation, as themselves.
    browser.post(f"/en/deliberation/{delegates_only.pk}/vote/", {"statement": 0, "value": "1"})
    participant = Participant.objects.get(conversation=delegates_only)
    assert participant.delegate == delegate
    assert participant.user is None

    # No staff page opens for a delegate session: it is not a signed-in staff user.
    staff = browser.get("/en/staff/assemblies/")
    assert staff.status_code == 302
    assert "/sign-in/" in staff["Location"]

    # Signing out ends it.
    browser.post("/en/assemblies/delegate/sign-out/")
    assert browser.get("/en/assemblies/delegate/").status_code == 302


def test_the_invitation_link_opens_the_delegate_session_and_revocation_closes_it(
    organizer: User, assembly: Assembly, venues: dict[str, Venue], delegates: list[Delegate]
) -> None:
    invitation, token = services.issue_invitation(officer=organizer, venue=venues["hub"], delegate=delegates[1])
    browser = Client()
    entered = browser.post(f"/fa/assemblies/invitation/{token}/", {"answer": "enter"})
    assert entered.status_code == 302
    assert browser.get("/fa/assemblies/delegate/").status_code == 200
    services.revoke_invitation(officer=organizer, invitation=invitation)
    assert browser.get("/fa/assemblies/delegate/").status_code == 302
    refused = browser.post("/en/assemblies/delegate/sign-in/", {"credential": token})
    assert "does not open" in refused.content.decode()


def test_a_guest_invitation_opens_no_delegate_session(
    organizer: User, assembly: Assembly, venues: dict[str, Venue]
) -> None:
    _invitation, token = services.issue_invitation(officer=organizer, venue=venues["hub"], guest_name="A Guest")
    browser = Client()
    refused = browser.post("/en/assemblies/delegate/sign-in/", {"credential": token})
    assert "does not open" in refused.content.decode()
    browser.post(f"/en/assemblies/invitation/{token}/", {"answer": "enter"})
    assert browser.get("/en/assemblies/delegate/").status_code == 302


def test_a_password_only_session_does_not_speak_for_a_delegate(outsider: User, delegates: list[Delegate]) -> None:
    delegate = delegates[0]
    delegate.user = outsider
    delegate.save()
    browser = Client()
    browser.force_login(outsider)
    assert browser.get("/en/assemblies/delegate/").status_code == 302


def test_sign_in_attempts_are_limited(assembly: Assembly) -> None:
    browser = Client()
    statuses = [
        browser.post("/en/assemblies/delegate/sign-in/", {"credential": "AAAA-AAAA-AAAA-AAAA"}).status_code
        for _ in range(SIGN_IN_ATTEMPTS + 1)
    ]
    assert statuses[-1] == 429


def test_the_session_holds_ids_only(
    organizer: User, assembly: Assembly, venues: dict[str, Venue], delegates: list[Delegate]
) -> None:
    invitation, _token = services.issue_invitation(officer=organizer, venue=venues["hub"], delegate=delegates[2])
    browser = Client()
    browser.post(f"/en/assemblies/invitation/{services.token_for(invitation)}/", {"answer": "enter"})
    session = browser.session
    assert session[delegate_session.SESSION_KEY] == {
        "delegate": delegates[2].pk,
        "invitation": invitation.pk,
        "via": "invitation",  # how it was opened: only a session opened with the invitation sets a passphrase
    }
