"""Django application configuration for verifiable elections."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ElectionsConfig(AppConfig):
    name = "solidarity.elections"
    label = "elections"
    verbose_name = _("Elections")

    def ready(self) -> None:
        from solidarity.core import menu, openapi
        from solidarity.core.roles import Role
        from solidarity.elections import (
            contract,
            publishing,
            tasks,  # noqa: F401  (registers the closing of due ballot boxes)
        )
        from solidarity.relay import extras

        extras.register_messages(publishing.chain_messages)  # the count chain's head in every feed
        extras.register_files(publishing.chain_files)  # and in every signed bundle

        openapi.register(contract.CONTRACT)  # its JSON endpoints in /api/openapi.json
        menu.add_public(menu.MenuItem(_("Elections"), "elections:list", order=50))
        menu.add_staff(
            menu.MenuItem(
                _("Elections"),
                "elections:staff-list",
                frozenset({Role.ORGANIZER, Role.TRUSTEE, Role.DELEGATE}),
                _("Define elections, hold key ceremonies, vote and open the count."),
                50,
            )
        )
