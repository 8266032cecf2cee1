"""SR-12: a views × roles matrix built from the URL resolver.

Every staff route goes through `staff_required`; each role opens exactly the staff views that
name it (any staff role where a view names none) and gets 403 from every other one. The roles of
the registry's sensitive views are pinned here too, so a loosened decorator fails a test.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import URLPattern, get_resolver, reverse
from django.utils import translation

from solidarity.core.middleware import is_staff_path
from solidarity.core.roles import STAFF_ROLES, Role
from tests.conftest import make_user, verified_client
from tests.core.test_urls_security import walk

# Staff paths that must open before a second factor exists, and the admin (django-otp guards it).
# The enrolment link opens before its person has any password or second factor (core.accounts).
OPEN_BEFORE_VERIFICATION = {"staff/sign-in/", "staff/second-factor/", "staff/sign-out/", "staff/enrol/<str:token>/"}


def staff_routes() -> list[tuple[str, URLPattern]]:
    """Every staff route of the staff host, as an English path with its converters filled."""
    routes = []
    with translation.override("en"):  # the language prefix prints as the active language's
        walked = list(walk(get_resolver().url_patterns))
    for route, pattern in walked:
        if not route.startswith("en/") or not is_staff_path("/" + route):
            continue
        if route.removeprefix("en/") in OPEN_BEFORE_VERIFICATION:
            continue
        path = re.sub(r"<int:\w+>", "1", route)
        path = re.sub(r"<(?:\w+:)?\w+>", "x", path)
        routes.append(("/" + path, pattern))
    return routes


def allowed_roles(pattern: URLPattern) -> frozenset[Role]:
    named: tuple[Role, ...] = pattern.callback.staff_roles  # type: ignore[attr-defined]  # set by staff_required
    return frozenset(named) if named else STAFF_ROLES


def test_every_staff_route_goes_through_staff_required():
    routes = staff_routes()
    assert len(routes) >= 20
    unguarded = [path for path, pattern in routes if not hasattr(pattern.callback, "staff_roles")]
    assert not unguarded, f"staff views without staff_required: {unguarded}"


def refused(client: Client, path: str) -> bool:
    """Tell whether the role check refused the request (a POST-only view is asked by POST)."""
    response = client.get(path)
    if response.status_code == 405:
        response = client.post(path)
    return response.status_code == 403


@pytest.mark.django_db
def test_each_role_opens_exactly_the_staff_views_that_name_it():
    clients = {role: verified_client(make_user(f"matrix-{role.value}", role)) for role in Role}
    # A signed-in person with a second factor but no role at all.
    clients_without_role = verified_client(make_user("matrix-nobody"))
    wrong: list[str] = []
    for path, pattern in staff_routes():
        allowed = allowed_roles(pattern)
        for role, client in clients.items():
            if refused(client, path) == (role in allowed):
                wrong.append(f"{path} {role.value}: {'refused' if role in allowed else 'let in'}")
        if not refused(clients_without_role, path):
            wrong.append(f"{path} no role: let in")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    ("name", "kwargs", "roles"),
    [
        ("coalition:identity", {"pk": 1}, {Role.CREDENTIALS_OFFICER}),
        ("coalition:applications", {}, {Role.ORGANIZER}),
        ("coalition:decide", {"pk": 1}, {Role.ORGANIZER}),
        ("coalition:edit", {"pk": 1}, {Role.ORGANIZER}),
        ("coalition:import", {}, {Role.ORGANIZER}),
        ("coalition:terms", {}, {Role.ORGANIZER}),
        ("coalition:staff-organizations", {}, {Role.ORGANIZER}),
        ("coalition:delegates", {}, {Role.ORGANIZER, Role.CREDENTIALS_OFFICER}),
        ("coalition:accredit", {"pk": 1}, {Role.ORGANIZER, Role.CREDENTIALS_OFFICER}),
        ("core:audit-log", {}, {Role.ORGANIZER, Role.CREDENTIALS_OFFICER, Role.MODERATOR, Role.ANALYST}),
        ("core:accounts", {}, {Role.ORGANIZER}),
        ("core:account", {"pk": 1}, {Role.ORGANIZER}),
        ("assemblies:organize-create", {}, {Role.ORGANIZER}),
        ("assemblies:organize-delete", {"slug": "x"}, {Role.ORGANIZER}),
        ("assemblies:staff-bulk", {"slug": "x"}, {Role.ORGANIZER, Role.CREDENTIALS_OFFICER}),
        ("assemblies:staff-sheet", {"slug": "x", "venue_id": 1}, {Role.ORGANIZER, Role.CREDENTIALS_OFFICER}),
    ],
)
def test_the_registry_and_audit_views_ask_for_the_right_roles(name: str, kwargs: dict[str, int], roles: set[Role]):
    """Only credentials officers read identities; only organizers decide and edit the registry."""
    with translation.override("en"):  # reverse and resolve whatever language an earlier test left active
        match = get_resolver().resolve(reverse(name, kwargs=kwargs))
    assert frozenset(match.func.staff_roles) == roles  # type: ignore[attr-defined]  # set by staff_required
