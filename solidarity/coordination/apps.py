"""Django application configuration for coordination (pledges that start dispersed actions)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "solidarity.coordination"
    label = "coordination"
    verbose_name = _("Coordination")

    def ready(self) -> None:
        from solidarity.coordination import contract, publishing, tasks  # noqa: F401  # tasks: the periodic release
        from solidarity.core import menu, openapi, pagecache
        from solidarity.core.roles import STAFF_ROLES
        from solidarity.relay import extras

        menu.add_public(menu.MenuItem(_("Coordination"), "coordination:list", order=55))
        menu.add_staff(
            menu.MenuItem(
                _("Coordination"),
                "coordination:staff-list",
                frozenset(STAFF_ROLES),
                _("Propose and approve campaigns, issue pledge cards, co-sign the GO or ABORT signal."),
                55,
            )
        )
        openapi.register(contract.CONTRACT)  # its JSON endpoints in /api/openapi.json
        extras.register_messages(publishing.bulletin_messages)
        pagecache.register("relay", data_of="coordination")  # its bulletins are items of the relay's feeds
        extras.register_files(publishing.bundle_files)
