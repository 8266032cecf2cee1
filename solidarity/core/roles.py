"""The roles people hold on the platform, and the checks that ask for them."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from solidarity.core.models import User


class Role(StrEnum):
    """A role is a named group; a person may hold several."""

    ORGANIZER = "organizer"
    CREDENTIALS_OFFICER = "credentials_officer"
    MODERATOR = "moderator"
    TRANSLATOR = "translator"
    ANALYST = "analyst"
    CHECKIN_OFFICER = "checkin_officer"
    TRUSTEE = "trustee"
    COORDINATOR = "coordinator"
    DELEGATE = "delegate"

    @property
    def label(self) -> str:
        return str(ROLE_LABELS[self])


ROLE_LABELS = {
    Role.ORGANIZER: _("Organizer"),
    Role.CREDENTIALS_OFFICER: _("Credentials officer"),
    Role.MODERATOR: _("Moderator"),
    Role.TRANSLATOR: _("Translator"),
    Role.ANALYST: _("Analyst"),
    Role.CHECKIN_OFFICER: _("Check-in officer"),
    Role.TRUSTEE: _("Trustee"),
    Role.COORDINATOR: _("Coordinator"),
    Role.DELEGATE: _("Delegate"),
}

# Every role but "delegate" opens staff pages, and so needs a verified second factor.
STAFF_ROLES = frozenset(Role) - {Role.DELEGATE}


def roles_of(user: User | AnonymousUser) -> frozenset[Role]:
    """Return the roles a user holds (none for an anonymous visitor); cached on the user."""
    if not user.is_authenticated:
        return frozenset()
    cached: frozenset[Role] | None = getattr(user, "_solidarity_roles", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = frozenset(role for role in Role if role.value in names)
        user._solidarity_roles = cached  # type: ignore[attr-defined]  # per-request cache on the instance
    return cached


def has_role(user: User | AnonymousUser, *roles: Role) -> bool:
    """Tell whether the user holds any of the given roles."""
    return bool(roles_of(user) & set(roles))


def is_staff_member(user: User | AnonymousUser) -> bool:
    """Tell whether the user holds a role that opens staff pages."""
    return bool(roles_of(user) & STAFF_ROLES) or bool(getattr(user, "is_superuser", False))
