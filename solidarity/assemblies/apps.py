"""Django application configuration for assemblies, invitations, check-in and live proceedings."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssembliesConfig(AppConfig):
    name = "solidarity.assemblies"
    label = "assemblies"
    verbose_name = _("Assemblies")

    def ready(self) -> None:
        from solidarity.assemblies import checks, contract  # noqa: F401  (checks registers itself)
        from solidarity.core import menu, openapi, pagecache
        from solidarity.core.roles import Role

        openapi.register(contract.CONTRACT)  # its JSON endpoints in /api/openapi.json
        pagecache.register("assemblies")  # the programme
        pagecache.register("assemblies", data_of="coalition")  # it names speakers (delegates)
        menu.add_public(menu.MenuItem(_("Assemblies"), "assemblies:index", order=20))
        menu.add_staff(
            menu.MenuItem(
                _("Assemblies"),
                "assemblies:staff-index",
                frozenset({Role.ORGANIZER, Role.CREDENTIALS_OFFICER, Role.CHECKIN_OFFICER}),
                _("Invitations, check-in, attendance and live updates."),
                20,
            )
        )
