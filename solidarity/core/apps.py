"""Django application configuration for the shared kernel."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "solidarity.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save
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
        # A change to an app's data makes its cached public pages stale (core.pagecache).
        post_save.connect(_data_changed, dispatch_uid="pagecache-save")
        post_delete.connect(_data_changed, dispatch_uid="pagecache-delete")
        m2m_changed.connect(_data_changed, dispatch_uid="pagecache-m2m")


CACHED_SECTIONS = frozenset({"assemblies", "relay", "coalition", "monitor", "elections", "deliberation"})


def _data_changed(sender: type, **kwargs: object) -> None:
    label = getattr(getattr(sender, "_meta", None), "app_label", "")
    if label in CACHED_SECTIONS:
        from solidarity.core import pagecache

        pagecache.bump(label)
