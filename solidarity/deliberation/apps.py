"""Django application configuration for common ground (deliberation)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeliberationConfig(AppConfig):
    name = "solidarity.deliberation"
    label = "deliberation"
    verbose_name = _("Common ground")

    def ready(self) -> None:
        from solidarity.core import menu
        from solidarity.core.roles import Role

        menu.add_public(menu.MenuItem(_("Common ground"), "deliberation:list", order=40))
        menu.add_staff(
            menu.MenuItem(
                _("Conversations"),
                "deliberation:staff-list",
                frozenset({Role.ORGANIZER, Role.MODERATOR, Role.ANALYST}),
                _("Open conversations, moderate statements, import and export, build charters."),
                40,
            )
        )
