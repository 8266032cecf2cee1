"""Request-wide behaviour: transport security per host, staff-host routing, privacy headers, a request log,
the reader's language pinned once."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.middleware.security import SecurityMiddleware
from django.utils import translation

from solidarity.core import calendars
from solidarity.core.security import is_onion_request

log = logging.getLogger("solidarity.requests")
V = TypeVar("V", bound=Callable[..., HttpResponse])

STAFF_PATH_MARKERS = ("/staff/", "/admin/")


def is_staff_host(request: HttpRequest) -> bool:
    """Tell whether this request came to a host that serves staff pages (SR-13)."""
    if "*" in settings.STAFF_HOSTS:
        return True
    return request.get_host().split(":")[0].lower() in {h.lower() for h in settings.STAFF_HOSTS}


def is_staff_path(path: str) -> bool:
    return any(marker in path for marker in STAFF_PATH_MARKERS) or path.startswith("/admin")


class TransportSecurityMiddleware(SecurityMiddleware):
    """Django's SecurityMiddleware, deciding per request by host (SR-03, SR-19).

    Tor serves the onions over plain HTTP (the onion address is the authentication and the
    encryption): an onion request is never redirected to https, never gets HSTS, and its cookies
    drop the `Secure` flag a browser would refuse over http. Every other host keeps the SSL
    redirect, HSTS and Secure cookies of the settings. (Django exempts from the redirect by path
    only, `SECURE_REDIRECT_EXEMPT`, hence this subclass.) Settings are read per request, not
    once at start, so that what a test or an operator overrides is what is served.
    """

    def process_request(self, request: HttpRequest) -> HttpResponsePermanentRedirect | None:
        SecurityMiddleware.__init__(self, self.get_response)  # the settings of now (a few attribute reads)
        request.is_onion = is_onion_request(request)  # type: ignore[attr-defined]  # read again on the way out
        if request.is_onion:  # type: ignore[attr-defined]
            return None
        return super().process_request(request)

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        response = super().process_response(request, response)
        if getattr(request, "is_onion", False):
            del response["Strict-Transport-Security"]  # over http a browser ignores it; never send it
            for morsel in response.cookies.values():
                morsel["secure"] = False
        return response


class HostRoutingMiddleware:
    """Serve staff pages only on staff hosts: elsewhere they do not exist (404)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.is_staff_host = is_staff_host(request)  # type: ignore[attr-defined]  # request annotation read by views and templates
        if not request.is_staff_host:  # type: ignore[attr-defined]
            request.urlconf = settings.PUBLIC_URLCONF
        return self.get_response(request)


class PrivacyHeadersMiddleware:
    """Add the headers Django does not: no-store on staff pages, a permissions policy, Onion-Location."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_staff_path(request.path) or request.user.is_authenticated:
            response["Cache-Control"] = "no-store"
        response.setdefault("Permissions-Policy", "camera=(self), microphone=(), geolocation=(), interest-cohort=()")
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if settings.ONION_HOST and not request.get_host().endswith(".onion"):
            response["Onion-Location"] = f"http://{settings.ONION_HOST}{request.get_full_path()}"
        for header in ("Server", "X-Powered-By"):
            if header in response:
                del response[header]
        return response


class RequestLogMiddleware:
    """Log one line per request: method, route pattern, status and time. Never an address or agent."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is not None and getattr(match.func, "is_unlogged", False):
            return response  # an anonymous act whose time alone could identify someone (see `unlogged`)
        # The route pattern, not the path: paths can carry tokens and search words.
        route = match.route if match is not None else "-"
        log.info("%s %s %s %.0fms", request.method, route, response.status_code, (time.perf_counter() - started) * 1000)
        return response


def unlogged(view: V) -> V:
    """Keep a view out of every request log: no line here, none from Django for its 4xx answers.

    For anonymous acts (pledging) where the time of a request is itself the link to a person.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response: HttpResponse = view(request, *args, **kwargs)
        response._has_been_logged = True  # type: ignore[attr-defined]  # Django's own flag: skip log_response
        return response

    wrapped.is_unlogged = True  # type: ignore[attr-defined]  # read by RequestLogMiddleware
    return wrapped  # type: ignore[return-value]  # same signature as the view


class ReaderLanguageMiddleware:
    """Pin the language LocaleMiddleware chose for the rest of the request (`calendars.reading_in`)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with calendars.reading_in(translation.get_language() or settings.LANGUAGE_CODE):
            return self.get_response(request)
