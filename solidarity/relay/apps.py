"""Django application configuration for the relay."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RelayConfig(AppConfig):
    name = "solidarity.relay"
    label = "relay"
    verbose_name = _("Relay")

    def ready(self) -> None:
        from solidarity.core import menu, openapi, pagecache
        from solidarity.core.roles import Role
        from solidarity.relay import (
            contract,
            tasks,  # noqa: F401  (registers the daily retention purge)
        )
        from solidarity.relay.models import Message

        openapi.register(contract.CONTRACT)  # its JSON endpoints in /api/openapi.json
        pagecache.register("relay")  # the wall and the feeds
        # A message arrives unpublished and shows on no page until a moderator publishes it, which
        # bumps the section itself: arrivals, even a flood of them, leave the cached pages alone.
        pagecache.unseen_saves(Message, lambda message, created: created and not message.is_published)
        menu.add_public(menu.MenuItem(_("Messages of solidarity"), "relay:wall", order=30))
        menu.add_public(menu.MenuItem(_("Send a message"), "relay:send", order=31))
        moderators = frozenset({Role.MODERATOR})
        menu.add_staff(menu.MenuItem(_("Moderation"), "relay:queue", moderators, _("Screened and held messages."), 30))
        menu.add_staff(
            menu.MenuItem(
                _("Translation"),
                "relay:translations",
                frozenset({Role.TRANSLATOR, Role.MODERATOR}),
                _("Translate messages between English and Persian."),
                31,
            )
        )
        menu.add_staff(
            menu.MenuItem(
                _("Bulletins and bundles"),
                "relay:transmissions",
                moderators,
                _("Build, approve (two moderators) and release."),
                32,
            )
        )
