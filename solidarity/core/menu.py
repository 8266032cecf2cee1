"""Navigation entries that each app registers from its AppConfig.ready()."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import Promise

from solidarity.core.roles import Role


@dataclass(frozen=True)
class MenuItem:
    label: str | Promise
    url_name: str
    roles: frozenset[Role] = field(default_factory=frozenset)  # empty: any staff role
    description: str | Promise = ""
    order: int = 100


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
