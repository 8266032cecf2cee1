"""Staff accounts: invitation to a role, enrolment with the link and the code, roles, disabling."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django_otp.oath import totp

from solidarity.core import accounts
from solidarity.core.models import AuditEntry, EncryptedTOTPDevice, StaffEnrolment, User
from solidarity.core.roles import Role, roles_of
from tests.conftest import make_user, verified_client

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "correct horse battery staple 19"


def current_code(device: EncryptedTOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_an_organizer_invites_and_the_person_enrols_with_link_code_and_authenticator(organizer: User) -> None:
    staff = verified_client(organizer)
    page = staff.post(
        "/fa/staff/accounts/", {"username": "doorkeeper", "display_name": "Door", "role": "checkin_officer"}
    ).content.decode()
    link = re.search(r'class="enrol-link" dir="ltr">([^<]+)<', page)
    code = re.search(r'class="enrol-code" dir="ltr">([^<]+)<', page)
    assert link and code
    person = User.objects.get(username="doorkeeper")
    assert not person.is_active and not person.has_usable_password()
    assert roles_of(person) == {Role.CHECKIN_OFFICER}
    # Only digests are kept.
    enrolment = StaffEnrolment.objects.get(user=person)
    assert code.group(1).replace("-", "") not in str(enrolment.__dict__)
    assert link.group(1).rsplit("/", 2)[-2] not in str(enrolment.__dict__)

    path = link.group(1).split("testserver", 1)[1]
    newcomer = Client()
    wrong = newcomer.post(path, {"code": "AAAAA-AAAAA", "password": NEW_PASSWORD, "password_again": NEW_PASSWORD})
    assert wrong.status_code == 200
    assert StaffEnrolment.objects.get(user=person).failed_attempts == 1
    weak = newcomer.post(path, {"code": code.group(1), "password": "123", "password_again": "123"})
    assert weak.status_code == 200
    done = newcomer.post(
        path, {"code": code.group(1).lower(), "password": NEW_PASSWORD, "password_again": NEW_PASSWORD}
    )
    assert done.status_code == 302
    assert done["Location"].endswith("/staff/second-factor/")
    enrolling = newcomer.get("/en/staff/second-factor/")
    assert b"<svg" in enrolling.content
    device = EncryptedTOTPDevice.objects.get(user=person, confirmed=False)
    newcomer.post("/en/staff/second-factor/", {"code": current_code(device)})
    assert newcomer.get("/en/staff/assemblies/").status_code == 200
    # The link is spent.
    assert Client().get(path).status_code == 404
    actions = list(AuditEntry.objects.filter(action__startswith="core.account").values_list("action", flat=True))
    assert {"core.account.invited", "core.account.enrolment_refused", "core.account.enrolled"} <= set(actions)


def test_five_wrong_codes_spend_the_link(organizer: User) -> None:
    invite = accounts.invite_staff(actor=organizer, username="guessed", display_name="", role=Role.MODERATOR)
    for _ in range(accounts.MAX_FAILED_ATTEMPTS):
        with pytest.raises(accounts.EnrolmentError):
            accounts.complete_enrolment(token=invite.token, code="WRONG-CODE0", password=NEW_PASSWORD)
    with pytest.raises(accounts.EnrolmentError):
        accounts.complete_enrolment(token=invite.token, code=invite.code, password=NEW_PASSWORD)


def test_roles_change_and_accounts_are_disabled_from_a_page(organizer: User) -> None:
    person = make_user("helper", Role.MODERATOR)
    staff = verified_client(organizer)
    staff.post(f"/en/staff/accounts/{person.pk}/", {"roles": ["analyst", "translator"]})
    person = User.objects.get(pk=person.pk)
    assert roles_of(person) == {Role.ANALYST, Role.TRANSLATOR}
    helper = verified_client(person)
    assert helper.get("/en/staff/").status_code == 200
    staff.post(f"/en/staff/accounts/{person.pk}/", {"active": "0"})
    assert not User.objects.get(pk=person.pk).is_active
    assert helper.get("/en/staff/").status_code == 302  # its open session stops working
    entry = AuditEntry.objects.get(action="core.account.roles_changed")
    assert entry.data == {"added": ["analyst", "translator"], "removed": ["moderator"]}
    assert AuditEntry.objects.filter(action="core.account.disabled").exists()


def test_the_last_organizer_stays(organizer: User) -> None:
    with pytest.raises(accounts.LastOrganizerError):
        accounts.change_roles(actor=organizer, user=organizer, roles=[Role.ANALYST])
    with pytest.raises(accounts.LastOrganizerError):
        accounts.set_active(actor=organizer, user=organizer, active=False)
    refused = verified_client(organizer).post(f"/en/staff/accounts/{organizer.pk}/", {"roles": []}, follow=True)
    assert "another organizer must remain" in refused.content.decode()


def test_only_organizers_manage_accounts(credentials_officer: User) -> None:
    assert verified_client(credentials_officer).get("/en/staff/accounts/").status_code == 403
    assert Client().get("/en/staff/enrol/not-a-token/").status_code == 404


def test_on_an_empty_database_the_operator_invites_the_first_organizer_from_the_console(settings) -> None:
    from io import StringIO

    from django.core.management import call_command
    from django.core.management.base import CommandError

    settings.STAFF_HOSTS = ["staffxyz.onion"]
    settings.ALLOWED_HOSTS = ["staffxyz.onion", "testserver"]
    assert not User.objects.exists()
    out = StringIO()
    call_command("invite_staff", "founder", "--name", "First organizer", "--language", "fa", stdout=out)
    printed = out.getvalue()
    link = re.search(r"(http://staffxyz\.onion(/fa/staff/enrol/[^/\s]+/))", printed)
    code = re.search(r"One-time code \(give it apart from the link\): (\S+)", printed)
    assert link and code, printed
    person = User.objects.get(username="founder")
    assert not person.is_active and roles_of(person) == {Role.ORGANIZER}
    entry = AuditEntry.objects.get(action="core.account.invited")
    assert entry.actor is None and entry.data == {"role": "organizer", "by": "console"}

    newcomer = Client(HTTP_HOST="staffxyz.onion")
    done = newcomer.post(
        link.group(2), {"code": code.group(1), "password": NEW_PASSWORD, "password_again": NEW_PASSWORD}
    )
    assert done.status_code == 302 and done["Location"].endswith("/staff/second-factor/")
    newcomer.get("/fa/staff/second-factor/")
    device = EncryptedTOTPDevice.objects.get(user=person, confirmed=False)
    newcomer.post("/fa/staff/second-factor/", {"code": current_code(device)})
    assert newcomer.get("/fa/staff/accounts/").status_code == 200  # the organizer now invites the rest

    with pytest.raises(CommandError):  # the name is taken: a clear refusal, nothing made
        call_command("invite_staff", "founder", "--name", "Again", stdout=StringIO())
    assert User.objects.filter(username="founder").count() == 1
