"""Links that staff hand out: always to the public site, never to the staff host they work on.

On a server with a staff onion (SR-13), a link built from the request's host would send a delegate
to an onion that needs client authorization. The public addresses come from the settings instead:
`SOLIDARITY_PUBLIC_URL` (the clearnet site) and `SOLIDARITY_ONION_HOST` (the public onion, which
people inside the country reach through Tor). Where one host serves everything (the embedded
default, `SOLIDARITY_STAFF_HOSTS="*"`), the request's own host is the public one.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def _on_a_staff_only_host(request: HttpRequest) -> bool:
    if "*" in settings.STAFF_HOSTS:
        return False
    return request.get_host().split(":")[0].lower() in {host.lower() for host in settings.STAFF_HOSTS}


def onion_link(path: str) -> str:
    """The path on the public onion, or "" where none is configured."""
    return f"http://{settings.ONION_HOST}{path}" if settings.ONION_HOST else ""


def public_link(request: HttpRequest, path: str) -> str:
    """The path where anyone but staff opens it: the public site, else the public onion, else this host."""
    if settings.PUBLIC_URL:
        return f"{settings.PUBLIC_URL}{path}"
    if _on_a_staff_only_host(request) and settings.ONION_HOST:
        return onion_link(path)
    return request.build_absolute_uri(path)
