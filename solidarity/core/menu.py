"""Navigation entries that each app registers from its AppConfig.ready()."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise

from solidarity.core.roles import Role


@dataclass(frozen=True)
class MenuItem:
    label: str | Promise
    url_name: str
    roles: frozenset[Role] = field(default_factory=frozenset)  # empty: any staff role
    description: str | Promise = ""
    order: int = 100


log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Link:
    """A menu entry resolved for the current request's URL configuration and language."""

    label: str | Promise
    url: str
    description: str | Promise


def resolve(items: list[MenuItem]) -> list[Link]:
    """Resolve items to links, leaving out any whose page this host does not serve."""
    links = []
    for item in items:
        try:
            links.append(Link(item.label, reverse(item.url_name), item.description))
        except NoReverseMatch:
            log.debug("menu entry %s has no page here", item.url_name)
    return links


PUBLIC_MENU: list[MenuItem] = []
STAFF_MENU: list[MenuItem] = []


def add_public(item: MenuItem) -> None:
    if item not in PUBLIC_MENU:
        PUBLIC_MENU.append(item)
        PUBLIC_MENU.sort(key=lambda entry: entry.order)


def add_staff(item: MenuItem) -> None:
    if item not in STAFF_MENU:
        STAFF_MENU.append(item)
        STAFF_MENU.sort(key=lambda entry: entry.order)


def staff_items_for(roles: frozenset[Role], *, is_superuser: bool = False) -> list[MenuItem]:
    return [item for item in STAFF_MENU if is_superuser or not item.roles or item.roles & roles]
