"""Public pages that many people read, served from the cache until their data changes.

`@public_page("relay")` keeps an anonymous GET's rendered response in the cache under a
*generation* of its section; every save or delete of a model of an app that section watches bumps
the generation, so the next request renders afresh. The kernel knows no app: each app registers its
section from its own `AppConfig.ready()` (`pagecache.register("relay")`), and an app whose data shows
on another app's pages says so (`pagecache.register("relay", data_of="coordination")`).
`core.apps` connects the model signals to `data_changed`. Bulk updates that send no signal are
bounded by `STORE_SECONDS`. A view decorated for a section nobody registered fails loudly.

The response says `Cache-Control: public, max-age=MAX_AGE`, so nginx's microcache
(deploy/nginx-proxy.conf) serves a crowd from memory, and ConditionalGetMiddleware answers 304
to a matching `If-None-Match`/`If-Modified-Since`.

Never cached: a signed-in person's request, a request carrying a session or flash messages, a
response that sets a cookie (a CSRF token in a form), anything but a 200.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from solidarity.core import counters

MAX_AGE = 10  # seconds a browser or nginx may reuse a page
STORE_SECONDS = 60  # the longest a page may outlive a change no signal announced
PERSONAL_COOKIES = ("sessionid", "messages")
View = TypeVar("View", bound=Callable[..., HttpResponseBase])


# App label -> the sections whose pages a change to that app's models makes stale.
_watchers: dict[str, set[str]] = {}
_sections: set[str] = set()
# Model -> which of its saves show on no page: (instance, created) -> True for those.
_unseen_saves: dict[type, Callable[[Any, bool], bool]] = {}


def register(section: str, *, data_of: str | None = None) -> None:
    """Cache `section`'s public pages until a model of the app `data_of` (default: `section`) changes.

    Call it from the AppConfig.ready() of the app that owns the section, once per app whose data
    its pages show; registering twice changes nothing.
    """
    _watchers.setdefault(data_of or section, set()).add(section)
    _sections.add(section)


def unregister(section: str) -> None:
    """Forget a section and every app it watched (for tests that register one of their own)."""
    for watched in _watchers.values():
        watched.discard(section)
    _sections.discard(section)


def sections() -> frozenset[str]:
    """Every registered section."""
    return frozenset(_sections)


def sections_changed_by(app_label: str) -> frozenset[str]:
    """The sections whose pages go stale when a model of `app_label` changes."""
    return frozenset(_watchers.get(app_label, ()))


def unseen_saves(model: type, when: Callable[[Any, bool], bool]) -> None:
    """Say which saves of `model` no cached page shows: `when(instance, created)` is True for them.

    For rows that arrive in numbers and show nowhere until a later change that does bump (a relay
    message is received unpublished, and published by a moderator's decision): without it every
    arrival would make the pages stale, and a flood of arrivals would have every reader of the
    wall and the feeds render them afresh.
    """
    _unseen_saves[model] = when


def data_changed(sender: type, **kwargs: object) -> None:
    """Bump every section that watches the sender's app (connected to save, delete and m2m signals)."""
    unseen = _unseen_saves.get(sender)
    if unseen is not None and "created" in kwargs and unseen(kwargs.get("instance"), bool(kwargs["created"])):
        return
    label = getattr(getattr(sender, "_meta", None), "app_label", "")
    for section in _watchers.get(label, ()):
        bump(section)


def _generation_key(section: str) -> str:
    return f"pagecache:generation:{section}"


def generation(section: str) -> int:
    value = cache.get(_generation_key(section))
    if isinstance(value, int):
        return value
    cache.add(_generation_key(section), 1, timeout=None)
    return 1


def bump(section: str) -> None:
    """Make every cached page of `section` stale (called when its data changes)."""
    # A generation nobody read yet counts as 1 (see `generation`): bumped, it is 2 at least.
    counters.increment(_generation_key(section), timeout=None, initial=1)


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method not in {"GET", "HEAD"}:
        return False
    if any(name in request.COOKIES for name in PERSONAL_COOKIES):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def public_page(section: str) -> Callable[[View], View]:
    """Serve this public view from the cache until data of `section` changes (see the module)."""

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if section not in _sections:
                # Cached but never invalidated would serve stale pages for STORE_SECONDS after
                # every change: refuse to serve instead, so the missing register() shows at once.
                raise ImproperlyConfigured(
                    f"pagecache.register({section!r}) was never called from an AppConfig.ready()"
                )
            if not _cacheable_request(request):
                return view(request, *args, **kwargs)
            staff = "staff" if getattr(request, "is_staff_host", False) else "public"
            partial = "partial" if request.headers.get("HX-Request") else "page"  # htmx asks for a fragment
            key = f"pagecache:{section}:{generation(section)}:{staff}:{partial}:{request.get_full_path()}"
            stored = cache.get(key)
            if isinstance(stored, tuple) and len(stored) == 3:
                content, content_type, modified = stored
                response: HttpResponseBase = HttpResponse(content, content_type=content_type)
                response["Last-Modified"] = modified
            else:
                response = view(request, *args, **kwargs)
                if (
                    response.status_code != 200
                    or response.cookies
                    or getattr(response, "streaming", False)
                    or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
                    or response.has_header("Cache-Control")
                    or not isinstance(response, HttpResponse)
                ):
                    return response
                response["Last-Modified"] = http_date()
                cache.set(key, (response.content, response["Content-Type"], response["Last-Modified"]), STORE_SECONDS)
            patch_cache_control(response, public=True, max_age=MAX_AGE)
            patch_vary_headers(response, ["HX-Request"])
            return response

        return wrapped  # type: ignore[return-value]  # the same signature as the view

    return decorate
