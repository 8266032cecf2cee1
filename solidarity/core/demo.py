"""Demo staff accounts: one person per role, each with a password and an authenticator secret.

Also the context every app's demo builder receives (`DemoContext`); `solidarity/demo.py` runs the
builders in order. It lives here, in the kernel, because the kernel imports no module above it.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group

from solidarity.core import otp
from solidarity.core.models import EncryptedTOTPDevice, User
from solidarity.core.roles import Role


@dataclass
class DemoContext:
    """What builders share: a seeded random generator, a progress callback and notes to print."""

    rng: random.Random
    progress: Callable[[str], None]
    notes: list[str] = field(default_factory=list)
    shared: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    display_name: str
    roles: tuple[Role, ...]


ACCOUNTS = (
    DemoAccount("organizer", "Shirin (organizer)", (Role.ORGANIZER,)),
    DemoAccount("officer", "Kaveh (credentials officer)", (Role.CREDENTIALS_OFFICER, Role.CHECKIN_OFFICER)),
    DemoAccount("moderator", "Laleh (moderator)", (Role.MODERATOR,)),
    DemoAccount("moderator2", "Babak (moderator)", (Role.MODERATOR,)),
    DemoAccount("translator", "Nasrin (translator)", (Role.TRANSLATOR,)),
    DemoAccount("analyst", "Omid (analyst)", (Role.ANALYST,)),
    DemoAccount("checkin", "Parisa (check-in officer)", (Role.CHECKIN_OFFICER,)),
    DemoAccount("trustee1", "Trustee one", (Role.TRUSTEE,)),
    DemoAccount("trustee2", "Trustee two", (Role.TRUSTEE,)),
    DemoAccount("trustee3", "Trustee three", (Role.TRUSTEE,)),
    DemoAccount("delegate", "Arash (delegate)", (Role.DELEGATE,)),
)
DEMO_PASSWORD_SUFFIX = "-solidarity-demo"  # noqa: S105  (demo accounts only; the demo refuses production)


def ensure_groups() -> dict[Role, Group]:
    return {role: Group.objects.get_or_create(name=role.value)[0] for role in Role}


def build(context: DemoContext) -> None:
    if settings.IS_PRODUCTION:
        raise RuntimeError("the demo never runs with SOLIDARITY_ENV=production")
    groups = ensure_groups()
    for account in ACCOUNTS:
        user = User.objects.create_user(
            username=account.username,
            password=f"{account.username}{DEMO_PASSWORD_SUFFIX}",
            display_name=account.display_name,
        )
        user.groups.set([groups[role] for role in account.roles])
        # A fresh random secret on every build (django-otp's default), never one derived from the
        # demo's seed: with a seeded secret anyone who reads this code could pass the second factor
        # of a demo install. The seeded draws the secret once took are still made, so the builders
        # that follow see the same random stream and build the same demo.
        for _ in range(20):
            context.rng.getrandbits(8)
        device = EncryptedTOTPDevice.objects.create(user=user, name="demo", confirmed=True)
        context.shared.setdefault("users", {})[account.username] = user
        context.notes.append(_sign_in_note(account, device))
    context.shared["qr_user"] = "organizer"


def _sign_in_note(account: DemoAccount, device: EncryptedTOTPDevice) -> str:
    return (
        f"{account.username:<11} password {account.username + DEMO_PASSWORD_SUFFIX:<28} "
        f"TOTP key {otp.secret_base32(device)}  ({', '.join(role.label for role in account.roles)})"
    )


def sign_in_notes() -> list[str]:
    """Return how to sign in as each demo account still in the database (for a restart of `run`).

    Only accounts that still carry their demo password are listed: one an operator has given a
    password of their own is not a demo account any more.
    """
    if settings.IS_PRODUCTION:
        return []
    notes = []
    users = {user.username: user for user in User.objects.filter(username__in=[a.username for a in ACCOUNTS])}
    for account in ACCOUNTS:
        user = users.get(account.username)
        if user is None or not user.check_password(account.username + DEMO_PASSWORD_SUFFIX):
            continue
        device = EncryptedTOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is not None:
            notes.append(_sign_in_note(account, device))
    return notes
