"""`solidarity invite_staff USERNAME --name "…" [--role organizer]`: a staff invitation from the console.

On an empty database nobody can sign in, and accounts are only ever made by invitation (an organizer
gives the link and, out of band, the one-time code: SR-13). The operator, who holds the server, makes
the first organizer's invitation here; every later account comes from the organizer's page.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse

from solidarity.core import accounts, calendars
from solidarity.core.roles import STAFF_ROLES, Role


class Command(BaseCommand):
    help = "Invite a staff member (the first organizer on a new server): print the enrolment link and code."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", required=True, help="the display name staff pages show")
        parser.add_argument("--role", default=Role.ORGANIZER.value, choices=sorted(role.value for role in STAFF_ROLES))
        parser.add_argument("--language", default="en", choices=[code for code, _name in settings.LANGUAGES])

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            invite = accounts.invite_staff(
                actor=None, username=options["username"], display_name=options["name"], role=Role(options["role"])
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        with calendars.override(options["language"]):
            path = reverse("core:enrol", kwargs={"token": invite.token})
        hosts = [host for host in settings.STAFF_HOSTS if host != "*"]
        scheme = "http" if hosts and hosts[0].endswith(".onion") else "https"
        link = f"{scheme}://{hosts[0]}{path}" if hosts else path
        self.stdout.write(f"Enrolment link (valid {accounts.ENROLMENT_DAYS} days, once): {link}")
        self.stdout.write(f"One-time code (give it apart from the link): {invite.code}")
