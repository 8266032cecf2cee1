"""Django application configuration for the coalition registry."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoalitionConfig(AppConfig):
    name = "solidarity.coalition"
    label = "coalition"
    verbose_name = _("Coalition")

    def ready(self) -> None:
        from solidarity.core import menu, pagecache
        from solidarity.core.roles import Role

        menu.add_public(
            menu.MenuItem(
                _("Member organizations"),
                "coalition:directory",
                description=_("Who is in the coalition, with filters."),
                order=10,
            )
        )
        menu.add_public(
            menu.MenuItem(
                _("Representation"),
                "coalition:matrix",
                description=_("Who is represented, and who is missing."),
                order=11,
            )
        )
        menu.add_public(
            menu.MenuItem(
                _("Apply to join"), "coalition:apply", description=_("For organizations that share the aims."), order=12
            )
        )
        pagecache.register("coalition")  # the directory
        organizer = frozenset({Role.ORGANIZER})
        menu.add_staff(
            menu.MenuItem(
                _("Applications"), "coalition:applications", organizer, _("Decide on organizations that applied."), 10
            )
        )
        menu.add_staff(
            menu.MenuItem(
                _("Organizations"), "coalition:staff-organizations", organizer, _("Status, import and export."), 11
            )
        )
        menu.add_staff(
            menu.MenuItem(_("Taxonomies"), "coalition:terms", organizer, _("Political families, ties and sectors."), 12)
        )
        menu.add_staff(
            menu.MenuItem(
                _("Delegates"),
                "coalition:delegates",
                frozenset({Role.ORGANIZER, Role.CREDENTIALS_OFFICER}),
                _("Register and accredit delegates."),
                13,
            )
        )
