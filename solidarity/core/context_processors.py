"""Values every template may use."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from solidarity.core import menu
from solidarity.core.access import is_verified
from solidarity.core.roles import roles_of


def platform(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    roles = roles_of(user) if user is not None else frozenset()
    verified = is_verified(request) if user is not None else False
    return {
        "is_staff_host": getattr(request, "is_staff_host", False),
        "user_roles": sorted(role.label for role in roles),
        "role_values": {role.value for role in roles},
        "is_verified": verified,
        "public_menu": menu.resolve(menu.PUBLIC_MENU),
        "staff_menu": menu.resolve(menu.staff_items_for(roles, is_superuser=bool(getattr(user, "is_superuser", False))))
        if verified
        else [],
    }
