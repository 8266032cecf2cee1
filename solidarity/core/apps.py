"""Django application configuration for the shared kernel."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "solidarity.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from django.utils.translation import gettext_lazy as _

        from solidarity.core import checks, menu, pagecache  # noqa: F401  (checks registers system checks)
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
        # A change to an app's data makes the cached public pages that show it stale; which pages
        # those are, each app registers from its own ready() (core.pagecache.register).
        post_save.connect(pagecache.data_changed, dispatch_uid="pagecache-save")
        post_delete.connect(pagecache.data_changed, dispatch_uid="pagecache-delete")
        m2m_changed.connect(pagecache.data_changed, dispatch_uid="pagecache-m2m")
