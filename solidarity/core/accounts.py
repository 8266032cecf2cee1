"""Staff accounts: invite a person to a role, let them enrol, change roles, disable; every change audited.

An organizer invites someone by username and role. The person receives a one-time link (its token
is 256 bits) and, out of band, a one-time code; with both they set a password and then enrol an
authenticator (TOTP). Nobody can enrol an authenticator with a password alone: the second-factor
page enrols only in a session that came through this enrolment (`may_enrol`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from solidarity.core import audit
from solidarity.core.models import EncryptedTOTPDevice, StaffEnrolment, User
from solidarity.core.roles import STAFF_ROLES, Role, roles_of

ENROLMENT_DAYS = 7
MAX_FAILED_ATTEMPTS = 5
ENROL_SESSION_KEY = "solidarity_may_enrol"
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"  # no 0/O, 1/I/L: read aloud or over a phone


class EnrolmentError(Exception):
    """The link or the code does not open an enrolment (one answer for every cause)."""


class LastOrganizerError(Exception):
    """The change would leave no active organizer."""


@dataclass(frozen=True)
class StaffInvite:
    enrolment: StaffEnrolment
    token: str  # goes into the link; shown once
    code: str  # given out of band; shown once


def _digest(text: str) -> str:
    return hashlib.sha256(f"solidarity/staff-enrolment\0{text}".encode()).hexdigest()


def _normalize_code(text: str) -> str:
    return "".join(character for character in text.upper() if character.isalnum())


@transaction.atomic
def invite_staff(*, actor: User | None, username: str, display_name: str, role: Role) -> StaffInvite:
    """Create an account that cannot sign in yet, and its one-time enrolment link and code.

    `actor` is None only for the operator at the server's console (`solidarity invite_staff`).
    """
    if role not in STAFF_ROLES:
        raise ValueError("staff roles only: delegates sign in with their invitation")
    user = User(username=username, display_name=display_name, is_active=False)
    user.set_unusable_password()
    user.full_clean()
    user.save()
    user.groups.add(Group.objects.get_or_create(name=role.value)[0])
    token = secrets.token_urlsafe(32)
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
    enrolment = StaffEnrolment.objects.create(
        user=user,
        role=role.value,
        token_digest=_digest(token),
        code_digest=_digest(code),
        created_by=actor,
        expires_at=timezone.now() + dt.timedelta(days=ENROLMENT_DAYS),
    )
    audit.record(
        "core.account.invited",
        actor=actor,
        target=user,
        data={"role": role.value, "by": "page" if actor else "console"},
    )
    return StaffInvite(enrolment, token, f"{code[:5]}-{code[5:]}")


def open_enrolment(token: str, *, now: dt.datetime | None = None) -> StaffEnrolment:
    """Return the enrolment a link's token opens; raise EnrolmentError when used, expired or unknown."""
    moment = now or timezone.now()
    enrolment = StaffEnrolment.objects.select_related("user").filter(token_digest=_digest(token)).first()
    if (
        enrolment is None
        or enrolment.used_at is not None
        or enrolment.expires_at <= moment
        or enrolment.failed_attempts >= MAX_FAILED_ATTEMPTS
    ):
        raise EnrolmentError
    return enrolment


def complete_enrolment(*, token: str, code: str, password: str) -> User:
    """Check the one-time code, set the password and activate the account; the link is then spent.

    A wrong code counts against the link (the count is kept even though the call fails): after
    five, the link no longer opens and the organizer issues a new one.
    """
    enrolment = open_enrolment(token)
    with transaction.atomic():
        locked = StaffEnrolment.objects.select_for_update().select_related("user").get(pk=enrolment.pk)
        matched = hmac.compare_digest(locked.code_digest, _digest(_normalize_code(code)))
        if not matched:
            locked.failed_attempts += 1
            locked.save(update_fields=["failed_attempts"])
            audit.record("core.account.enrolment_refused", actor=None, target=locked.user)
        else:
            user = locked.user
            validate_password(password, user)
            user.set_password(password)
            user.is_active = True
            user.save(update_fields=["password", "is_active"])
            # An authenticator enrolled before (by whoever) does not survive a new enrolment.
            EncryptedTOTPDevice.objects.filter(user=user).delete()
            locked.used_at = timezone.now()
            locked.save(update_fields=["used_at"])
            audit.record("core.account.enrolled", actor=user, target=user, data={"role": locked.role})
    if not matched:
        raise EnrolmentError
    return user


def allow_enrolment(request: HttpRequest) -> None:
    """Mark this session as one that came through an enrolment link and code."""
    request.session[ENROL_SESSION_KEY] = True


def may_enrol(request: HttpRequest) -> bool:
    """Tell whether this session may enrol a new authenticator (only after an enrolment link and code)."""
    return bool(request.session.get(ENROL_SESSION_KEY))


def _active_organizers() -> int:
    return User.objects.filter(is_active=True, groups__name=Role.ORGANIZER.value).distinct().count()


@transaction.atomic
def change_roles(*, actor: User, user: User, roles: Iterable[Role]) -> User:
    """Give a person exactly these staff roles (their delegate role, if any, is kept)."""
    wanted = {role for role in roles if role in STAFF_ROLES}
    before = set(roles_of(user))
    if Role.ORGANIZER in before and Role.ORGANIZER not in wanted and user.is_active and _active_organizers() <= 1:
        raise LastOrganizerError
    for role in STAFF_ROLES:
        group = Group.objects.get_or_create(name=role.value)[0]
        if role in wanted:
            user.groups.add(group)
        else:
            user.groups.remove(group)
    if hasattr(user, "_solidarity_roles"):
        del user._solidarity_roles  # the per-request cache of roles_of
    audit.record(
        "core.account.roles_changed",
        actor=actor,
        target=user,
        data={
            "added": sorted(role.value for role in wanted - before),
            "removed": sorted(role.value for role in (before & STAFF_ROLES) - wanted),
        },
    )
    return user


@transaction.atomic
def set_active(*, actor: User, user: User, active: bool) -> User:
    """Disable an account (it can no longer sign in; its open sessions stop working) or enable it again."""
    if not active and user.pk == actor.pk:
        raise LastOrganizerError  # nobody disables themselves: another organizer does
    if not active and Role.ORGANIZER in roles_of(user) and _active_organizers() <= 1:
        raise LastOrganizerError
    user.is_active = active
    user.save(update_fields=["is_active"])
    audit.record("core.account.enabled" if active else "core.account.disabled", actor=actor, target=user)
    return user


def staff_accounts() -> list[User]:
    """Every account holding a staff role or waiting to enrol in one, with their roles."""
    names = [role.value for role in STAFF_ROLES]
    return list(User.objects.filter(groups__name__in=names).distinct().prefetch_related("groups").order_by("username"))
