"""Django application configuration for the shared kernel."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "solidarity.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from solidarity.core import checks, menu  # noqa: F401  (checks registers system checks)
        from solidarity.core.roles import Role

        menu.add_staff(
            menu.MenuItem(
                _("Staff accounts"),
                "core:accounts",
                frozenset({Role.ORGANIZER}),
                _("Invite people to staff roles, change roles, disable accounts."),
                90,
            )
        )
