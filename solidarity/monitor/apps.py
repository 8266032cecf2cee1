"""Django application configuration for the protest monitor."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitorConfig(AppConfig):
    name = "solidarity.monitor"
    label = "monitor"
    verbose_name = _("Protest monitor")

    def ready(self) -> None:
        from solidarity.core import menu, openapi, pagecache
        from solidarity.core.roles import Role
        from solidarity.monitor import contract

        openapi.register(contract.CONTRACT)  # its JSON endpoints in /api/openapi.json
        pagecache.register("monitor")  # the dashboard and the events
        menu.add_public(menu.MenuItem(_("Protest monitor"), "monitor:dashboard", order=40))
        menu.add_staff(
            menu.MenuItem(
                _("Monitor review"),
                "monitor:review",
                frozenset({Role.ANALYST}),
                _("Confirm, correct or reject extracted events and claims."),
                40,
            )
        )
        menu.add_staff(
            menu.MenuItem(
                _("Add a report"),
                "monitor:add-report",
                frozenset({Role.ANALYST}),
                _("Paste a report's text or send its file, and see the events and claims extracted from it."),
                42,
            )
        )
        menu.add_staff(
            menu.MenuItem(
                _("Source registry"),
                "monitor:sources",
                frozenset({Role.ANALYST}),
                _("Grade the reliability of sources, with a reason."),
                41,
            )
        )
